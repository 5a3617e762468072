/* pl-fhir-import-resources.c: which FHIR resource becomes which record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fields are read through the same map export writes with (pl-fhir-map.h),
 * so what Plainly wrote comes back as it was. Other systems send more than
 * Plainly keeps and leave out what it would like: a resource, member or
 * extension Plainly does not keep is listed as left out, a missing optional
 * part is simply empty, and the shapes other systems use for what the map
 * does not find are read by pl-fhir-import-other.c. Only what would make a
 * record wrong (a date that is not a date, a reference to nothing, no
 * name) refuses the bundle.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include "pl-i18n.h"

#include "pl-fhir-import-private.h"
#include "pl-fhir-map.h"
#include "pl-plan-version-private.h"

/* Members every resource may have that carry nothing to keep */
static const char * const housekeeping[] = {
  "resourceType", "id", "meta", "implicitRules", "language", "text", "contained",
  "modifierExtension", NULL
};

/* The first step of path: "name[use=official].text" → "name" */
static char *
first_step (const char *path)
{
  gsize n = strcspn (path, ".[");

  return g_strndup (path, n);
}

/* "extension[url=URL]…" → URL */
static char *
extension_url (const char *path)
{
  const char *start;
  const char *end;

  if (!g_str_has_prefix (path, "extension[url="))
    return NULL;
  start = path + strlen ("extension[url=");
  end = strchr (start, ']');
  return end != NULL ? g_strndup (start, (gsize) (end - start)) : NULL;
}

static gboolean
map_knows_member (const PlFhirRecordMap *map,
                  const char            *member)
{
  for (guint i = 0; i < map->n_fields; i++)
    {
      g_autofree char *step = first_step (map->fields[i].path);

      if (g_str_equal (step, member))
        return TRUE;
    }
  for (guint i = 0; map->fixed != NULL && map->fixed[i].path != NULL; i++)
    {
      g_autofree char *step = first_step (map->fixed[i].path);

      if (g_str_equal (step, member))
        return TRUE;
    }
  return g_strcmp0 (map->patient_path, member) == 0 ||
         (map->owner_path != NULL && g_str_has_prefix (map->owner_path, member) &&
          strchr (".[", map->owner_path[strlen (member)]) != NULL) ||
         g_strcmp0 (map->owner_path, member) == 0;
}

static gboolean
map_knows_extension (const PlFhirRecordMap *map,
                     const char            *url)
{
  guint n_maps;
  const PlFhirRecordMap * const *maps = pl_fhir_maps (&n_maps);

  for (guint i = 0; i < map->n_fields; i++)
    {
      g_autofree char *known = extension_url (map->fields[i].path);

      if (g_strcmp0 (known, url) == 0)
        return TRUE;
    }
  /* Records kept as extensions of this one's resource (a complaint's updates) */
  for (guint i = 0; i < n_maps; i++)
    {
      const PlFhirRecordMap *part = maps[i];

      if (!part->element || g_strcmp0 (part->listed_in, "extension") != 0)
        continue;
      for (guint j = 0; part->fixed != NULL && part->fixed[j].path != NULL; j++)
        if (g_str_equal (part->fixed[j].path, "url") && g_str_equal (part->fixed[j].value, url))
          return TRUE;
    }
  return FALSE;
}

/* Lists what obj has beyond what map reads, and extensions it does not know;
 * also names the extra members given in more (NULL-terminated, or NULL) */
/* A primitive's extensions (member "_name") that are all FHIR's
 * translations: read with the plan's other languages */
static gboolean
only_translations (JsonNode   *node,
                   const char *name)
{
  JsonNode *extensions;
  JsonArray *array;

  if (name[0] != '_' || !JSON_NODE_HOLDS_OBJECT (node) ||
      json_object_get_size (json_node_get_object (node)) != 1)
    return FALSE;
  extensions = json_object_get_member (json_node_get_object (node), "extension");
  if (extensions == NULL || !JSON_NODE_HOLDS_ARRAY (extensions))
    return FALSE;
  array = json_node_get_array (extensions);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (item) ||
          g_strcmp0 (pl_fhir_string_member (json_node_get_object (item), "url"),
                     PL_FHIR_TRANSLATION) != 0)
        return FALSE;
    }
  return json_array_get_length (array) > 0;
}

void
pl_fhir_note_left_out (PlFhirImport          *self,
                       const PlFhirEntry     *entry,
                       const PlFhirRecordMap *map,
                       JsonObject            *obj,
                       const char * const    *more)
{
  g_autoptr(GList) members = json_object_get_members (obj);
  g_autoptr(GString) names = g_string_new (NULL);
  JsonNode *extensions = json_object_get_member (obj, "extension");

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (g_strv_contains (housekeeping, l->data) || g_str_equal (l->data, "extension") ||
          (map != NULL && map_knows_member (map, l->data)) ||
          (more != NULL && g_strv_contains (more, l->data)) ||
          only_translations (json_object_get_member (obj, l->data), l->data))
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, l->data);
    }
  if (names->len > 0)
    pl_fhir_left_out (self, _("%s: %s, which Plainly does not keep."), entry->name, names->str);

  if (extensions != NULL && JSON_NODE_HOLDS_ARRAY (extensions))
    {
      JsonArray *array = json_node_get_array (extensions);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          const char *url = NULL;

          if (JSON_NODE_HOLDS_OBJECT (item))
            url = pl_fhir_string_member (json_node_get_object (item), "url");
          if (url != NULL && map != NULL && map_knows_extension (map, url))
            continue;
          pl_fhir_left_out (self, _("%s: the extension “%s”, which Plainly does not know."),
                            entry->name, url != NULL ? url : "?");
        }
    }
}

/* The reference each PL_FHIR_REFERENCE field of a record points to */
typedef struct
{
  const char  *field;
  PlFhirEntry *target;
} Link;

static gboolean
wrap_error (GError            **error,
            GError             *local_error,
            const PlFhirEntry  *entry)
{
  pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, NULL, "%s", local_error->message);
  g_error_free (local_error);
  return FALSE;
}

/* The map's complaint about a value, with where it is and what it holds */
static gboolean
wrong_value (GError            **error,
             GError             *local_error,
             const PlFhirEntry  *entry,
             JsonObject         *obj,
             const PlFhirField  *f)
{
  JsonNode *node = pl_fhir_path_get (obj, f->path);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autofree char *shown = pl_fhir_quote (json_node_get_string (node));

      /* TRANSLATORS: "Patient “p1”, field “birthDate”, holds “1941-13-45”: …" */
      g_set_error (error, PL_FHIR_IMPORT_ERROR, PL_FHIR_IMPORT_ERROR_INVALID,
                   _("%s, field “%s”, holds “%s”: %s"), entry->name, f->path, shown,
                   local_error->message);
    }
  else
    pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, f->path, "%s", local_error->message);
  g_error_free (local_error);
  return FALSE;
}

/* Reads obj (a resource, or an element of one) into record by map;
 * references are resolved into links (may be NULL when map has none) */
gboolean
pl_fhir_read_record (PlFhirImport          *self,
                     const PlFhirRecordMap *map,
                     const PlFhirEntry     *entry,
                     JsonObject            *obj,
                     gpointer               record,
                     GArray                *links,
                     GError               **error)
{
  for (guint i = 0; i < map->n_fields; i++)
    {
      const PlFhirField *f = &map->fields[i];
      const PlField *field = pl_record_type_find_field (map->type, f->field);
      GError *local_error = NULL;
      g_autofree char *value = NULL;
      gboolean seen = FALSE;

      /* A field with more than one place is read once, from the first */
      for (guint j = 0; j < i && !seen; j++)
        seen = g_str_equal (map->fields[j].field, f->field);
      if (seen || field == NULL || (field->flags & PL_FIELD_FLAG_SECRET) != 0)
        continue;

      /* Each of its places in turn, the first present */
      for (guint j = i; j < map->n_fields && value == NULL; j++)
        {
          if (!g_str_equal (map->fields[j].field, f->field))
            continue;
          value = pl_fhir_map_read_field (map, &map->fields[j], obj, &local_error);
          if (local_error != NULL)
            return wrong_value (error, local_error, entry, obj, &map->fields[j]);
        }
      if (value == NULL)
        continue;

      if (f->kind == PL_FHIR_REFERENCE)
        {
          g_autoptr(JsonObject) reference = json_object_new ();
          g_autofree char *where = g_strconcat (f->path, ".reference", NULL);
          Link link = { f->field, NULL };

          json_object_set_string_member (reference, "reference", value);
          link.target = pl_fhir_resolve (self, entry, reference, where, error);
          if (link.target == NULL)
            return FALSE;
          if (links != NULL)
            g_array_append_val (links, link);
          continue;
        }

      if (!pl_field_set_from_string (field, record, value, &local_error))
        return wrap_error (error, local_error, entry);
      if (field->kind == PL_FIELD_TEXT && !pl_field_text_is_valid (field, value))
        {
          g_autofree char *shown = pl_fhir_quote (value);

          return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, f->path,
                               _("“%s” is not %s."), shown,
                               field->form != NULL ? _(field->form->description) : "?");
        }
      if ((field->kind == PL_FIELD_INT || field->kind == PL_FIELD_DOUBLE) &&
          !pl_field_number_is_valid (field, g_ascii_strtod (value, NULL)))
        return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, f->path,
                             _("%s cannot be right for a %s’s %s."), value,
                             _(map->type->label), _(field->label));
    }
  return TRUE;
}

static PlFhirEntry *
link_to (GArray     *links,
         const char *field)
{
  for (guint i = 0; i < links->len; i++)
    if (g_str_equal (g_array_index (links, Link, i).field, field))
      return g_array_index (links, Link, i).target;
  return NULL;
}

/* Whether reference in obj's member points at the patient; an error when
 * it points at nothing */
gboolean
pl_fhir_is_about_patient (PlFhirImport  *self,
                          PlFhirEntry   *entry,
                          const char    *member,
                          gboolean      *out,
                          GError       **error)
{
  JsonObject *reference;
  PlFhirEntry *target;

  *out = TRUE;
  if (member == NULL)
    return TRUE;
  if (!pl_fhir_get_object (entry, entry->resource, member, member, &reference, error))
    return FALSE;
  /* A resource about nobody in particular, in a bundle about one person */
  if (reference == NULL || !json_object_has_member (reference, "reference"))
    return TRUE;
  target = pl_fhir_resolve (self, entry, reference, member, error);
  if (target == NULL)
    return FALSE;
  *out = target == self->patient;
  if (!*out)
    pl_fhir_left_out (self, _("%s: about someone else."), entry->name);
  return TRUE;
}

/* Lists of records in the order the data gives, unless its positions say */
static void
add_in_order (GPtrArray          *list,
              const PlRecordType *type,
              gpointer            record)
{
  const PlField *position = pl_record_type_find_field (type, "position");

  if (position != NULL && *PL_FIELD_PTR (record, position, int) == 0)
    *PL_FIELD_PTR (record, position, int) = (int) list->len + 1;
  g_ptr_array_add (list, record);
}

/* The person and the service */

static gboolean
read_patient (PlFhirImport  *self,
              PlFhirEntry   *entry,
              GError       **error)
{
  /* managingOrganization: the service, read from the bundle's Organization */
  static const char * const more[] = {
    "identifier", "name", "communication", "managingOrganization", NULL
  };
  const PlFhirRecordMap *map = pl_fhir_map_for_type (&pl_person_type);

  self->person = pl_person_new ();
  if (!pl_fhir_read_record (self, map, entry, entry->resource, self->person, NULL, error) ||
      !pl_fhir_read_patient_other (self, entry, error))
    return FALSE;

  entry->read = TRUE;
  pl_fhir_note_left_out (self, entry, map, entry->resource, more);
  pl_fhir_read_line (self, _("The person: %s."), self->person->full_name);
  return TRUE;
}

static gboolean
read_organization (PlFhirImport  *self,
                   PlFhirEntry   *entry,
                   GError       **error)
{
  const PlFhirRecordMap *map = pl_fhir_map_for_type (&pl_service_type);
  g_autoptr(PlService) service = pl_service_new ();

  /* The first is the service; others are only named by what refers to them */
  if (self->service != NULL)
    return TRUE;
  if (!pl_fhir_read_record (self, map, entry, entry->resource, service, NULL, error))
    return FALSE;
  if (pl_text_is_blank (service->name))
    return TRUE;

  self->service = g_steal_pointer (&service);
  entry->read = TRUE;
  pl_fhir_note_left_out (self, entry, map, entry->resource, NULL);
  pl_fhir_read_line (self, _("The service: %s."), self->service->name);
  return TRUE;
}

/* Flag: a reasonable adjustment, one recorded communication need */
static gboolean
read_flag (PlFhirImport  *self,
           PlFhirEntry   *entry,
           GError       **error)
{
  const PlFhirRecordMap *map = pl_fhir_map_for_type (&pl_comm_need_type);
  g_autoptr(PlCommNeed) need = pl_comm_need_new ();
  const char *status;
  gboolean about;

  if (!pl_fhir_is_about_patient (self, entry, map->patient_path, &about, error) ||
      !pl_fhir_get_string (entry, entry->resource, "status", "status", &status, error))
    return FALSE;
  if (!about)
    return TRUE;
  if (g_strcmp0 (status, "inactive") == 0 || g_strcmp0 (status, "entered-in-error") == 0)
    {
      pl_fhir_left_out (self, _("%s: no longer in force."), entry->name);
      entry->read = TRUE;
      return TRUE;
    }

  need->category = -1;
  if (!pl_fhir_read_record (self, map, entry, entry->resource, need, NULL, error))
    return FALSE;
  /* A record made before NHS England's 2024 draft names the same
   * categories in the STU3 system */
  if ((int) need->category < 0)
    {
      JsonNode *code = pl_fhir_path_get (entry->resource,
                                         "category[0].coding[system=" PL_FHIR_RA_CATEGORY_STU3
                                         "].code");
      const char *value = code != NULL && JSON_NODE_HOLDS_VALUE (code) &&
                          json_node_get_value_type (code) == G_TYPE_STRING
                          ? json_node_get_string (code) : NULL;
      guint64 number = 0;

      if (value != NULL && g_ascii_string_to_unsigned (value, 10, 1, PL_NEED_COMMUNITY_LANGUAGE + 1,
                                                       &number, NULL))
        need->category = (PlNeedCategory) (number - 1);
    }
  if (!pl_fhir_read_flag_other (self, entry, need, error))
    return FALSE;
  if (pl_text_is_blank (need->description))
    {
      pl_fhir_left_out (self, _("%s: a flag with no code or words Plainly can read."), entry->name);
      entry->read = TRUE;
      return TRUE;
    }

  g_ptr_array_add (self->needs, g_steal_pointer (&need));
  entry->read = TRUE;
  pl_fhir_note_left_out (self, entry, map, entry->resource, NULL);
  return TRUE;
}

/* RelatedPerson and Practitioner: the people involved */
int
pl_fhir_contact_for (PlFhirImport  *self,
                     PlFhirEntry   *entry,
                     GError       **error)
{
  const PlFhirRecordMap *map = pl_fhir_map_for_type (&pl_contact_type);
  int index = GPOINTER_TO_INT (g_hash_table_lookup (self->contact_for, entry));
  g_autoptr(PlContact) contact = NULL;
  gboolean about;

  if (index > 0)
    return index;
  if (!g_str_equal (entry->type, "RelatedPerson") && !g_str_equal (entry->type, "Practitioner"))
    return 0;
  if (!pl_fhir_is_about_patient (self, entry, g_str_equal (entry->type, "RelatedPerson")
                                               ? map->patient_path : NULL, &about, error))
    return -1;
  if (!about)
    return 0;

  contact = pl_contact_new ();
  contact->role = -1;
  if (!pl_fhir_read_record (self, map, entry, entry->resource, contact, NULL, error) ||
      !pl_fhir_read_contact_other (self, entry, contact, error))
    return -1;

  add_in_order (self->contacts, &pl_contact_type, g_steal_pointer (&contact));
  g_array_set_size (self->contact_scopes, self->contacts->len);
  index = (int) self->contacts->len;
  g_hash_table_insert (self->contact_for, entry, GINT_TO_POINTER (index));

  entry->read = TRUE;
  {
    static const char * const more[] = { "name", "relationship", "telecom", "address", NULL };

    pl_fhir_note_left_out (self, entry, map, entry->resource, more);
  }
  return index;
}

static gboolean
read_contact (PlFhirImport  *self,
              PlFhirEntry   *entry,
              GError       **error)
{
  /* Who a Provenance holds wrote a record: their name is read with it
   * (pl_fhir_read_provenance ()), and they are not one of the people
   * involved in the plan */
  if (entry->container != NULL && g_str_equal (entry->container->type, "Provenance"))
    {
      entry->read = TRUE;
      return TRUE;
    }
  return pl_fhir_contact_for (self, entry, error) >= 0;
}

/* Consent: what one person involved may see */
static gboolean
read_consent (PlFhirImport  *self,
              PlFhirEntry   *entry,
              GError       **error)
{
  const PlFhirRecordMap *map = pl_fhir_map_for_type (&pl_sharing_type);
  g_autoptr(PlSharing) sharing = pl_sharing_new ();
  g_autoptr(GArray) links = g_array_new (FALSE, TRUE, sizeof (Link));
  PlFhirEntry *actor;
  g_autofree char *scope = NULL;
  gboolean about;
  int index;

  if (!pl_fhir_is_about_patient (self, entry, map->patient_path, &about, error))
    return FALSE;
  if (!about)
    return TRUE;

  /* Only Plainly's own: another system's consent is about something else */
  scope = pl_fhir_map_read (map, "scope", entry->resource, NULL);
  if (scope == NULL)
    return TRUE;
  if (!pl_fhir_read_record (self, map, entry, entry->resource, sharing, links, error))
    return FALSE;
  actor = link_to (links, "contact_id");
  if (actor == NULL)
    return TRUE;
  index = pl_fhir_contact_for (self, actor, error);
  if (index < 0)
    return FALSE;
  if (index == 0)
    return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, "provision.actor",
                         _("this should point to someone involved in the plan, and points to "
                           "%s."), actor->name);

  g_array_index (self->contact_scopes, guint, index - 1) |= PL_SCOPE_BIT (sharing->scope);
  entry->read = TRUE;
  pl_fhir_note_left_out (self, entry, map, entry->resource, NULL);
  return TRUE;
}

/* The plan */

static gboolean
read_goal (PlFhirImport  *self,
           PlFhirEntry   *entry,
           GError       **error)
{
  const PlFhirRecordMap *map = pl_fhir_map_for_type (&pl_outcome_type);
  g_autoptr(PlOutcome) outcome = pl_outcome_new ();

  if (!pl_fhir_read_record (self, map, entry, entry->resource, outcome, NULL, error) ||
      !pl_fhir_read_goal_other (self, entry, outcome, error))
    return FALSE;

  add_in_order (self->plan->parts[PL_PLAN_PART_OUTCOMES], &pl_outcome_type,
                g_steal_pointer (&outcome));
  entry->read = TRUE;
  {
    static const char * const more[] = { "subject", "description", "note", NULL };

    pl_fhir_note_left_out (self, entry, map, entry->resource, more);
  }
  return TRUE;
}

static gboolean
read_activity (PlFhirImport  *self,
               PlFhirEntry   *entry,
               JsonObject    *activity,
               GError       **error)
{
  const PlFhirRecordMap *map = pl_fhir_map_for_type (&pl_visit_type);
  g_autoptr(PlVisit) visit = pl_visit_new ();

  visit->weekday = -1;
  if (!pl_fhir_read_record (self, map, entry, activity, visit, NULL, error))
    return FALSE;
  if (visit->start_time == NULL)
    {
      pl_fhir_left_out (self, _("%s: an activity with no time of day, so not a visit Plainly "
                                "can show."), entry->name);
      return TRUE;
    }
  if (visit->weekday < 0)
    visit->weekday = 0;
  add_in_order (self->plan->parts[PL_PLAN_PART_VISITS], &pl_visit_type, g_steal_pointer (&visit));
  return TRUE;
}

static gboolean
read_plan_lists (PlFhirImport  *self,
                 PlFhirEntry   *entry,
                 GError       **error)
{
  JsonArray *goals;
  JsonArray *activities;

  if (!pl_fhir_get_array (entry, entry->resource, "goal", "goal", &goals, error) ||
      !pl_fhir_get_array (entry, entry->resource, "activity", "activity", &activities, error))
    return FALSE;

  for (guint i = 0; goals != NULL && i < json_array_get_length (goals); i++)
    {
      JsonObject *reference;
      PlFhirEntry *goal;

      if (!pl_fhir_get_element (entry, goals, i, "goal", &reference, error))
        return FALSE;
      goal = pl_fhir_resolve (self, entry, reference, "goal", error);
      if (goal == NULL)
        return FALSE;
      if (!g_str_equal (goal->type, "Goal"))
        return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, "goal",
                             _("this should point to a Goal, and points to %s."), goal->name);
      if (!goal->read && !read_goal (self, goal, error))
        return FALSE;
    }

  for (guint i = 0; activities != NULL && i < json_array_get_length (activities); i++)
    {
      JsonObject *activity;

      if (!pl_fhir_get_element (entry, activities, i, "activity", &activity, error) ||
          !read_activity (self, entry, activity, error))
        return FALSE;
    }
  return TRUE;
}

/* Which CarePlan replaces which (a later version of the same plan), once
 * for the bundle: a reference to one held elsewhere is no error here */
static void
find_replaced (PlFhirImport *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      PlFhirEntry *entry = g_ptr_array_index (self->entries, i);
      JsonNode *node;
      JsonArray *replaces;

      if (!g_str_equal (entry->type, "CarePlan"))
        continue;
      node = json_object_get_member (entry->resource, "replaces");
      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        continue;
      replaces = json_node_get_array (node);
      for (guint j = 0; j < json_array_get_length (replaces); j++)
        {
          JsonNode *element = json_array_get_element (replaces, j);
          PlFhirEntry *earlier;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          earlier = pl_fhir_lookup (self, entry,
                                    pl_fhir_string_member (json_node_get_object (element),
                                                           "reference"));
          if (earlier != NULL && earlier != entry && g_str_equal (earlier->type, "CarePlan"))
            g_hash_table_insert (self->replaced_by, earlier, entry);
        }
    }
}

PlFhirEntry *
pl_fhir_replaced_by (PlFhirImport *self,
                     PlFhirEntry  *entry)
{
  return g_hash_table_lookup (self->replaced_by, entry);
}

static gboolean
read_care_plan (PlFhirImport  *self,
                PlFhirEntry   *entry,
                GError       **error)
{
  static const char * const more[] = { "goal", "activity", "title", "careTeam", NULL };
  const PlFhirRecordMap *map = pl_fhir_map_for_type (&pl_plan_type);
  g_autoptr(GArray) links = g_array_new (FALSE, TRUE, sizeof (Link));
  PlFhirEntry *coordinator;
  PlFhirEntry *replacing;
  gboolean about;

  if (!pl_fhir_is_about_patient (self, entry, map->patient_path, &about, error))
    return FALSE;
  if (!about)
    return TRUE;
  /* An earlier version, listed for its history: the newest is the plan */
  replacing = pl_fhir_replaced_by (self, entry);
  if (replacing != NULL)
    {
      pl_fhir_left_out (self, _("%s: an earlier version of the plan, which %s replaces. "
                                "Plainly keeps the newest; the earlier one’s words stay in "
                                "the record it came from."), entry->name, replacing->name);
      entry->read = TRUE;
      return TRUE;
    }
  if (self->plan_entry != NULL)
    {
      pl_fhir_left_out (self, _("%s: a second care plan; Plainly reads the first."), entry->name);
      entry->read = TRUE;
      return TRUE;
    }

  self->plan_entry = entry;
  self->plan = pl_plan_content_new_empty ();
  self->plan->plan = pl_plan_new ();
  if (!pl_fhir_read_record (self, map, entry, entry->resource, self->plan->plan, links, error))
    return FALSE;
  self->bundle_version = self->plan->plan->version;

  coordinator = link_to (links, "coordinator_id");
  if (coordinator != NULL)
    {
      int index = pl_fhir_contact_for (self, coordinator, error);

      if (index < 0)
        return FALSE;
      /* NG21 1.3.6: a coordinator who is an organisation is left out */
      if (index == 0)
        pl_fhir_left_out (self, _("%s: its author, %s, who is not a person Plainly can name as "
                                  "the coordinator."), entry->name, coordinator->name);
      self->coordinator = index;
    }

  if (!read_plan_lists (self, entry, error))
    return FALSE;
  entry->read = TRUE;
  pl_fhir_note_left_out (self, entry, map, entry->resource, more);
  return TRUE;
}

/* A record that belongs to the plan: it names the CarePlan (owner_path),
 * or names none, in a bundle with one plan */
static gboolean
belongs_to_plan (PlFhirImport          *self,
                 const PlFhirRecordMap *map,
                 PlFhirEntry           *entry,
                 gboolean              *out,
                 GError               **error)
{
  JsonNode *node;
  JsonObject *reference;
  PlFhirEntry *owner;
  g_autofree char *where = NULL;

  *out = FALSE;
  if (self->plan == NULL)
    {
      self->plan = pl_plan_content_new_empty ();
      self->plan->plan = pl_plan_new ();
    }
  node = map->owner_path != NULL ? pl_fhir_path_get (entry->resource, map->owner_path) : NULL;
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    node = json_array_get_length (json_node_get_array (node)) > 0
           ? json_array_get_element (json_node_get_array (node), 0) : NULL;
  if (node == NULL)
    {
      *out = TRUE;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, map->owner_path,
                         _("this should be a reference in braces."));
  reference = json_node_get_object (node);
  where = g_strdup (map->owner_path);
  owner = pl_fhir_resolve (self, entry, reference, where, error);
  if (owner == NULL)
    return FALSE;
  /* Based on another of the person's plans, or on an order: not this plan's */
  *out = owner == self->plan_entry || !g_str_equal (owner->type, "CarePlan");
  if (!*out)
    pl_fhir_left_out (self, _("%s: part of another care plan."), entry->name);
  return TRUE;
}

static gboolean
read_plan_part (PlFhirImport  *self,
                PlFhirEntry   *entry,
                PlPlanPart     part,
                GError       **error)
{
  const PlRecordType *type = pl_plan_part_type (part);
  const PlFhirRecordMap *map = pl_fhir_map_for_type (type);
  gpointer record;
  gboolean about;
  gboolean ours;
  gboolean ok;

  if (!pl_fhir_is_about_patient (self, entry, map->patient_path, &about, error))
    return FALSE;
  if (!about)
    return TRUE;

  /* An Observation is a part of the plan only when coded as one */
  if (part == PL_PLAN_PART_SECTIONS)
    {
      g_autofree char *kind = pl_fhir_map_read (map, "kind", entry->resource, NULL);

      if (kind == NULL)
        return TRUE;
    }

  if (!belongs_to_plan (self, map, entry, &ours, error))
    return FALSE;
  if (!ours)
    {
      entry->read = TRUE;
      return TRUE;
    }

  record = pl_record_new (type);
  ok = pl_fhir_read_record (self, map, entry, entry->resource, record, NULL, error) &&
       pl_fhir_read_part_other (self, entry, part, record, error);
  if (!ok)
    {
      pl_record_free (type, record);
      return FALSE;
    }
  add_in_order (self->plan->parts[part], type, record);
  entry->read = TRUE;
  pl_fhir_note_left_out (self, entry, map, entry->resource, NULL);
  return TRUE;
}

static gboolean
read_observation (PlFhirImport *self, PlFhirEntry *entry, GError **error)
{
  return read_plan_part (self, entry, PL_PLAN_PART_SECTIONS, error);
}

static gboolean
read_medication (PlFhirImport *self, PlFhirEntry *entry, GError **error)
{
  return read_plan_part (self, entry, PL_PLAN_PART_MEDICINES, error);
}

static gboolean
read_risk (PlFhirImport *self, PlFhirEntry *entry, GError **error)
{
  return read_plan_part (self, entry, PL_PLAN_PART_RISKS, error);
}

typedef gboolean (*ReadFunc) (PlFhirImport *self, PlFhirEntry *entry, GError **error);

static gboolean
read_all_of (PlFhirImport  *self,
             const char    *type,
             ReadFunc       func,
             GError       **error)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      PlFhirEntry *entry = g_ptr_array_index (self->entries, i);

      if (g_str_equal (entry->type, type) && !entry->read && !func (self, entry, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
find_patient (PlFhirImport  *self,
              GError       **error)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      PlFhirEntry *entry = g_ptr_array_index (self->entries, i);

      if (!g_str_equal (entry->type, "Patient") || entry->container != NULL)
        continue;
      if (self->patient != NULL)
        return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_NO_PATIENT, entry, NULL,
                             _("the bundle holds more than one Patient; Plainly imports one "
                               "person at a time."));
      self->patient = entry;
    }
  if (self->patient == NULL)
    return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_NO_PATIENT, NULL, NULL,
                         _("The bundle holds no Patient, so there is nobody to import."));
  return TRUE;
}

static void
say_what_was_read (PlFhirImport *self)
{
  guint n;

  n = self->needs->len;
  if (n > 0)
    pl_fhir_read_line (self, ngettext ("%u communication need.", "%u communication needs.", n), n);
  n = self->contacts->len;
  if (n > 0)
    pl_fhir_read_line (self, ngettext ("%u person involved.", "%u people involved.", n), n);
  if (self->plan != NULL)
    {
      if (self->bundle_version > 0)
        pl_fhir_read_line (self, _("A care plan, version %d."), self->bundle_version);
      else
        pl_fhir_read_line (self, _("A care plan."));
      /* Who wrote it there, which History will show */
      if (!pl_text_is_blank (self->plan->plan->written_elsewhere_by))
        pl_fhir_read_line (self, _("The plan was written by %s."),
                           self->plan->plan->written_elsewhere_by);
      n = self->plan->parts[PL_PLAN_PART_SECTIONS]->len;
      if (n > 0)
        pl_fhir_read_line (self, ngettext ("%u written part of the plan.",
                                           "%u written parts of the plan.", n), n);
      n = self->plan->parts[PL_PLAN_PART_OUTCOMES]->len;
      if (n > 0)
        pl_fhir_read_line (self, ngettext ("%u outcome.", "%u outcomes.", n), n);
      n = self->plan->parts[PL_PLAN_PART_VISITS]->len;
      if (n > 0)
        pl_fhir_read_line (self, ngettext ("%u visit.", "%u visits.", n), n);
      n = self->plan->parts[PL_PLAN_PART_MEDICINES]->len;
      if (n > 0)
        pl_fhir_read_line (self, ngettext ("%u medicine.", "%u medicines.", n), n);
      n = self->plan->parts[PL_PLAN_PART_RISKS]->len;
      if (n > 0)
        pl_fhir_read_line (self, ngettext ("%u risk.", "%u risks.", n), n);
    }
  n = self->complaints->len;
  if (n > 0)
    pl_fhir_read_line (self, ngettext ("%u complaint or compliment.",
                                       "%u complaints and compliments.", n), n);
  n = self->diary->len;
  if (n > 0)
    pl_fhir_read_line (self, ngettext ("%u diary entry.", "%u diary entries.", n), n);
}

gboolean
pl_fhir_import_resources (PlFhirImport  *self,
                          GError       **error)
{
  /* The plan before what hangs off it; people before what names them */
  static const struct { const char *type; ReadFunc func; } readers[] = {
    { "Organization", read_organization },
    { "RelatedPerson", read_contact },
    { "Practitioner", read_contact },
    { "Flag", read_flag },
    { "CarePlan", read_care_plan },
    { "Observation", read_observation },
    { "MedicationStatement", read_medication },
    { "RiskAssessment", read_risk },
    { "Consent", read_consent },
    { "Basic", pl_fhir_read_basic },
    { "Encounter", pl_fhir_read_encounter },
    { "Composition", pl_fhir_read_composition },
    { "CareTeam", pl_fhir_read_care_team },
    { "Provenance", pl_fhir_read_provenance },
  };

  if (!find_patient (self, error) || !read_patient (self, self->patient, error))
    return FALSE;
  find_replaced (self);
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    if (!read_all_of (self, readers[i].type, readers[i].func, error))
      return FALSE;

  for (guint i = 0; i < self->entries->len; i++)
    {
      PlFhirEntry *entry = g_ptr_array_index (self->entries, i);

      if (!entry->read)
        pl_fhir_left_out (self, _("%s: not something Plainly keeps."), entry->name);
    }
  say_what_was_read (self);
  return TRUE;
}
