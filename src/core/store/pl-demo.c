/* pl-demo.c: the example person, and importing people from JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document is one JSON object: "service", "welcome_pack", "staff" and
 * "person". Inside each, members are the column names of the record (the C
 * field names in pl-model.h) and enumerations are their nicks; the records
 * that belong to another are nested in it ("person" → "plan" → "visits").
 * The tree of nested parts is described once, in the tables below, and one
 * piece of code walks it using the record descriptors of pl-record.h.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pl-actor.h"
#include "pl-core-resources.h"
#include "pl-demo.h"
#include "pl-record-json.h"
#include "pl-store.h"

/* The example people: Dot first, who reads in English, then Krystyna, whose
 * plan was written with her in Polish */
static const char * const example_resources[] = {
  PL_RESOURCE_BASE "/core/demo/example.json",
  PL_RESOURCE_BASE "/core/demo/example-pl.json",
  PL_RESOURCE_BASE "/core/demo/example-easy-read.json",
};

typedef enum
{
  SHAPE_OBJECT,  /* "settings": { … }: one record */
  SHAPE_ARRAY,   /* "visits": [ { … }, … ]: one record each */
  SHAPE_VALUES,  /* "may_see": [ "plan", … ]: one record each, the value in key_field */
  SHAPE_MAP,     /* "sections": { "please-do": "…" }: one record each, key and value
                  * (or key and an object of members) */
} Shape;

/* A member that names another record instead of holding an id:
 * "coordinator": "Sam Patel" sets coordinator_id to that contact's id */
typedef struct
{
  const char         *member;
  const char         *field;
  const PlRecordType *target;   /* found by its "name" among the records imported so far */
} Link;

typedef struct _Part Part;
struct _Part
{
  const char         *member;
  const PlRecordType *type;
  Shape               shape;
  const char         *key_field;    /* SHAPE_VALUES and SHAPE_MAP */
  const char         *value_field;  /* SHAPE_MAP */
  gpointer          (*new_record) (void);  /* NULL: every field empty */
  const char         *match_field;  /* a record with the same value here is reused… */
  gboolean            replace;      /* …or, if set, removed with all it owns first */
  gboolean            one_per_owner; /* the owner's one record, if stored, is given the data */
  const char         *service_ref;  /* a field that takes the imported service's id */
  const Part         *parts;        /* nested records, ending with a NULL member */
  const Link         *links;        /* ending with a NULL member */
};

static gpointer
new_settings (void)
{
  /* Whatever the data leaves out keeps the defaults everyone starts with */
  return pl_settings_new_default (0);
}

static const Link plan_links[] = {
  { .member = "coordinator", .field = "coordinator_id", .target = &pl_contact_type }, /* NG21 1.3.6 */
  { .member = NULL },
};

static const Part plan_parts[] = {
  { .member = "sections", .type = &pl_plan_section_type, .shape = SHAPE_MAP,
    .key_field = "kind", .value_field = "body" },
  { .member = "outcomes", .type = &pl_outcome_type, .shape = SHAPE_ARRAY },
  { .member = "visits", .type = &pl_visit_type, .shape = SHAPE_ARRAY },
  { .member = "medicines", .type = &pl_medicine_type, .shape = SHAPE_ARRAY },
  { .member = "risks", .type = &pl_risk_type, .shape = SHAPE_ARRAY },
  { .member = NULL },
};

static const Part contact_parts[] = {
  { .member = "may_see", .type = &pl_sharing_type, .shape = SHAPE_VALUES, .key_field = "scope" },
  { .member = NULL },
};

static const Part complaint_parts[] = {
  { .member = "events", .type = &pl_complaint_event_type, .shape = SHAPE_ARRAY },
  { .member = NULL },
};

/* In this order: contacts come before the plan that names its coordinator */
static const Part person_parts[] = {
  { .member = "comm_needs", .type = &pl_comm_need_type, .shape = SHAPE_ARRAY },
  { .member = "settings", .type = &pl_settings_type, .shape = SHAPE_OBJECT,
    .new_record = new_settings },
  { .member = "contacts", .type = &pl_contact_type, .shape = SHAPE_ARRAY,
    .parts = contact_parts },
  { .member = "plan", .type = &pl_plan_type, .shape = SHAPE_OBJECT,
    .parts = plan_parts, .links = plan_links },
  { .member = "diary", .type = &pl_diary_entry_type, .shape = SHAPE_ARRAY },
  { .member = "complaints", .type = &pl_complaint_type, .shape = SHAPE_ARRAY,
    .parts = complaint_parts },
  { .member = "pronunciations", .type = &pl_pronunciation_type, .shape = SHAPE_ARRAY },
  { .member = "plan_translations", .type = &pl_plan_translation_type, .shape = SHAPE_ARRAY },
  { .member = NULL },
};

static const Link carer_link_links[] = {
  { .member = "contact", .field = "contact_id", .target = &pl_contact_type },
  { .member = NULL },
};

/* "supports": the contacts, in the person's plan, that the carer reads as */
static const Part carer_parts[] = {
  { .member = "supports", .type = &pl_carer_link_type, .shape = SHAPE_ARRAY,
    .links = carer_link_links },
  /* A carer already here (demo --reset) keeps their one row of settings */
  { .member = "settings", .type = &pl_carer_settings_type, .shape = SHAPE_OBJECT,
    .new_record = new_settings, .one_per_owner = TRUE },
  { .member = NULL },
};

/* The service comes first: the welcome pack belongs to it and the person uses it;
 * carers come after the person whose contacts they are */
static const Part root_parts[] = {
  { .member = "service", .type = &pl_service_type, .shape = SHAPE_OBJECT,
    .match_field = "name" },
  { .member = "welcome_pack", .type = &pl_welcome_pack_type, .shape = SHAPE_OBJECT,
    .match_field = "title" },
  { .member = "staff", .type = &pl_staff_type, .shape = SHAPE_ARRAY,
    .match_field = "username" },
  { .member = "person", .type = &pl_person_type, .shape = SHAPE_OBJECT,
    .match_field = "external_id", .replace = TRUE, .service_ref = "service_id",
    .parts = person_parts },
  { .member = "carers", .type = &pl_carer_type, .shape = SHAPE_ARRAY,
    .match_field = "name", .parts = carer_parts },
  { .member = NULL },
};

typedef struct
{
  PlStore    *store;
  GHashTable *names;       /* "table\x1fname" → id, for links; -1 when not unique */
  gint64      service_id;
  gint64      person_id;
} Import;

static gboolean fail_at (GError     **error,
                         const char  *path,
                         const char  *format,
                         ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail_at (GError     **error,
         const char  *path,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: where in the data a mistake is (“person.plan.visits[2]”), then what it is */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("In %s: %s"), path, message);
  return FALSE;
}

static gboolean
is_nested_member (const Part *parts,
                  const Link *links,
                  const char *name)
{
  for (const Part *p = parts; p != NULL && p->member != NULL; p++)
    if (g_str_equal (p->member, name))
      return TRUE;
  for (const Link *l = links; l != NULL && l->member != NULL; l++)
    if (g_str_equal (l->member, name))
      return TRUE;
  return FALSE;
}

/* The fields data may set: ids and links between records are the import's to fill */
static const PlField *
importable_field (const PlRecordType *type,
                  const char         *name)
{
  const PlField *field = pl_record_type_find_field (type, name);

  if (field == NULL || field == &type->fields[0] || field->kind == PL_FIELD_REF)
    return NULL;
  return field;
}

static gboolean
set_field (const PlField  *field,
           gpointer        record,
           JsonNode       *node,
           const char     *path,
           GError        **error)
{
  g_autofree char *text = NULL;
  GType value_type = G_TYPE_INVALID;
  g_autoptr(GError) local_error = NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (field->kind == PL_FIELD_TEXT)
        return pl_field_set_from_string (field, record, NULL, error);
      return fail_at (error, path, _("“%s” needs a value, not null."), field->name);
    }

  if (JSON_NODE_HOLDS_VALUE (node))
    value_type = json_node_get_value_type (node);

  switch (field->kind)
    {
    case PL_FIELD_TEXT:
    case PL_FIELD_ENUM:
      if (value_type != G_TYPE_STRING)
        return fail_at (error, path, _("“%s” should be text in quotes."), field->name);
      text = g_strdup (json_node_get_string (node));
      break;

    case PL_FIELD_INT:
    case PL_FIELD_INT64:
    case PL_FIELD_REF:
      if (value_type != G_TYPE_INT64)
        return fail_at (error, path, _("“%s” should be a whole number."), field->name);
      text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      break;

    case PL_FIELD_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        if (value_type != G_TYPE_INT64 && value_type != G_TYPE_DOUBLE)
          return fail_at (error, path, _("“%s” should be a number."), field->name);
        text = g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
        break;
      }

    case PL_FIELD_BOOL:
      if (value_type != G_TYPE_BOOLEAN)
        return fail_at (error, path, _("“%s” should be true or false."), field->name);
      text = g_strdup (json_node_get_boolean (node) ? "true" : "false");
      break;

    default:
      g_assert_not_reached ();
    }

  if (!pl_field_set_from_string (field, record, text, &local_error))
    return fail_at (error, path, "%s", local_error->message);

  return TRUE;
}

static gboolean
set_field_from_text (const PlField  *field,
                     gpointer        record,
                     const char     *text,
                     const char     *path,
                     GError        **error)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);

  return set_field (field, record, node, path, error);
}

/* Copies every plain member of obj into record; nested parts and links are left */
static gboolean
apply_members (const Part  *part,
               JsonObject  *obj,
               gpointer     record,
               const char  *path,
               GError     **error)
{
  g_autoptr(GList) members = json_object_get_members (obj);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (obj, name);
      const PlField *field;

      if (is_nested_member (part->parts, part->links, name))
        continue;

      field = importable_field (part->type, name);
      if (field == NULL)
        return fail_at (error, path, _("“%s” is not part of a %s."), name, _(part->type->label));

      /* PINs and passwords are set by the person, never shipped in data */
      if ((field->flags & PL_FIELD_FLAG_SECRET) != 0)
        {
          if (!JSON_NODE_HOLDS_NULL (node))
            return fail_at (error, path, _("“%s” is private and can only be null here."), name);
          continue;
        }

      if (!set_field (field, record, node, path, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
resolve_links (Import      *imp,
               const Part  *part,
               JsonObject  *obj,
               gpointer     record,
               const char  *path,
               GError     **error)
{
  for (const Link *link = part->links; link != NULL && link->member != NULL; link++)
    {
      const PlField *field = pl_record_type_find_field (part->type, link->field);
      JsonNode *node = json_object_get_member (obj, link->member);
      g_autofree char *key = NULL;
      const char *name;
      gpointer value;
      gint64 id;

      g_assert (field != NULL && field->kind == PL_FIELD_REF);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return fail_at (error, path, _("“%s” should be a name in quotes."), link->member);

      name = json_node_get_string (node);
      key = g_strconcat (link->target->table, "\x1f", name, NULL);
      if (!g_hash_table_lookup_extended (imp->names, key, NULL, &value))
        return fail_at (error, path, _("“%s” names “%s”, but there is no %s of that name."),
                        link->member, name, _(link->target->label));

      id = *(gint64 *) value;
      if (id < 0)
        return fail_at (error, path, _("“%s” names “%s”, but more than one %s has that name."),
                        link->member, name, _(link->target->label));
      *PL_FIELD_PTR (record, field, gint64) = id;
    }

  return TRUE;
}

static void
remember_name (Import             *imp,
               const PlRecordType *type,
               gconstpointer       record)
{
  const PlField *field = pl_record_type_find_field (type, "name");
  const char *name;
  char *key;
  gint64 *id;

  if (field == NULL || field->kind != PL_FIELD_TEXT)
    return;
  name = *PL_FIELD_PTR (record, field, const char *);
  if (name == NULL)
    return;

  key = g_strconcat (type->table, "\x1f", name, NULL);
  id = g_new (gint64, 1);
  *id = g_hash_table_contains (imp->names, key) ? -1 : PL_RECORD_ID (record);
  g_hash_table_replace (imp->names, key, id);
}

static gboolean import_parts (Import      *imp,
                              const Part  *parts,
                              JsonObject  *obj,
                              gint64       owner_id,
                              const char  *path,
                              GError     **error);

static gboolean
save_record (Import              *imp,
             const PlRecordType  *type,
             gpointer             record,
             gint64               owner_id,
             const char          *path,
             GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (type->parent != NULL)
    {
      const PlField *parent = pl_record_type_find_field (type, type->parent);

      if (owner_id == 0)
        return fail_at (error, path, _("A %s must belong to something, and nothing came before it."),
                        _(type->label));
      *PL_FIELD_PTR (record, parent, gint64) = owner_id;
    }

  if (!pl_store_save (imp->store, type, record, &local_error))
    {
      if (local_error->domain == PL_STORE_ERROR && local_error->code == PL_STORE_ERROR_INVALID)
        return fail_at (error, path, "%s", local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  remember_name (imp, type, record);
  return TRUE;
}

/* The record a part with match_field refers to, if it is already stored */
static gpointer
find_existing (Import      *imp,
               const Part  *part,
               JsonObject  *obj,
               gint64       owner_id,
               GError     **error)
{
  const PlField *field = pl_record_type_find_field (part->type, part->match_field);
  g_autoptr(GPtrArray) rows = NULL;
  JsonNode *node = json_object_get_member (obj, part->match_field);
  const char *value;

  g_assert (field != NULL && field->kind == PL_FIELD_TEXT);

  /* Anything but text here is reported when the member is applied */
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  value = json_node_get_string (node);

  if (part->type == &pl_person_type)
    {
      g_autoptr(GError) local_error = NULL;
      PlPerson *person = pl_store_find_person_by_external_id (imp->store, value, &local_error);

      if (person == NULL && !g_error_matches (local_error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return person;
    }

  /* Listing with no owner would list everyone's */
  if (part->type->parent != NULL && owner_id == 0)
    return NULL;

  rows = pl_store_list (imp->store, part->type, owner_id, error);
  if (rows == NULL)
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      gpointer row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (*PL_FIELD_PTR (row, field, const char *), value) == 0)
        return pl_record_copy (part->type, row);
    }

  return NULL;
}

static gboolean
import_object (Import      *imp,
               const Part  *part,
               JsonNode    *node,
               gint64       owner_id,
               int          position,
               const char  *path,
               gint64      *out_id,
               GError     **error)
{
  const PlField *position_field = pl_record_type_find_field (part->type, "position");
  gpointer record = NULL;
  JsonObject *obj;
  gboolean ok = FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_at (error, path, _("A %s should be written as an object in braces."),
                    _(part->type->label));
  obj = json_node_get_object (node);

  if (part->match_field != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      record = find_existing (imp, part, obj, owner_id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (record != NULL && part->replace)
        {
          gboolean deleted;

          if (part->type == &pl_person_type)
            deleted = pl_store_delete_person_all (imp->store, PL_RECORD_ID (record), error);
          else
            deleted = pl_store_delete (imp->store, part->type, PL_RECORD_ID (record), error);
          pl_record_free (part->type, record);
          record = NULL;
          if (!deleted)
            return FALSE;
        }
    }

  if (record == NULL && part->one_per_owner)
    {
      g_autoptr(GPtrArray) held = pl_store_list (imp->store, part->type, owner_id, error);

      if (held == NULL)
        return FALSE;
      /* As shipped: the defaults and the data, in the row already there */
      if (held->len > 0)
        {
          record = part->new_record != NULL ? part->new_record () : pl_record_new (part->type);
          PL_RECORD_ID (record) = PL_RECORD_ID (g_ptr_array_index (held, 0));
        }
    }
  if (record == NULL)
    record = part->new_record != NULL ? part->new_record () : pl_record_new (part->type);

  /* Lists keep the order the data gives unless it says otherwise */
  if (position_field != NULL && position_field->kind == PL_FIELD_INT &&
      !json_object_has_member (obj, "position"))
    *PL_FIELD_PTR (record, position_field, int) = position;

  if (part->service_ref != NULL)
    {
      const PlField *field = pl_record_type_find_field (part->type, part->service_ref);

      g_assert (field != NULL && field->kind == PL_FIELD_REF);
      *PL_FIELD_PTR (record, field, gint64) = imp->service_id;
    }

  if (!apply_members (part, obj, record, path, error) ||
      !resolve_links (imp, part, obj, record, path, error) ||
      !save_record (imp, part->type, record, owner_id, path, error) ||
      !import_parts (imp, part->parts, obj, PL_RECORD_ID (record), path, error))
    goto out;

  if (out_id != NULL)
    *out_id = PL_RECORD_ID (record);
  ok = TRUE;

out:
  pl_record_free (part->type, record);
  return ok;
}

static gboolean
import_value (Import      *imp,
              const Part  *part,
              const char  *key,
              JsonNode    *value,
              gint64       owner_id,
              const char  *path,
              GError     **error)
{
  const PlField *key_field = pl_record_type_find_field (part->type, part->key_field);
  gpointer record = pl_record_new (part->type);
  gboolean ok;

  g_assert (key_field != NULL);

  if (part->shape == SHAPE_MAP && JSON_NODE_HOLDS_OBJECT (value))
    /* "telecare": { "body": "…", "language": "en-GB" }: more than the value */
    ok = set_field_from_text (key_field, record, key, path, error) &&
         apply_members (part, json_node_get_object (value), record, path, error);
  else if (part->shape == SHAPE_MAP)
    {
      const PlField *value_field = pl_record_type_find_field (part->type, part->value_field);

      g_assert (value_field != NULL);
      ok = set_field_from_text (key_field, record, key, path, error) &&
           set_field (value_field, record, value, path, error);
    }
  else
    ok = set_field (key_field, record, value, path, error);

  ok = ok && save_record (imp, part->type, record, owner_id, path, error);

  pl_record_free (part->type, record);
  return ok;
}

static gboolean
import_part (Import      *imp,
             const Part  *part,
             JsonNode    *node,
             gint64       owner_id,
             const char  *parent_path,
             gint64      *out_id,
             GError     **error)
{
  g_autofree char *path = NULL;

  path = parent_path != NULL ? g_strconcat (parent_path, ".", part->member, NULL)
                             : g_strdup (part->member);

  switch (part->shape)
    {
    case SHAPE_OBJECT:
      return import_object (imp, part, node, owner_id, 1, path, out_id, error);

    case SHAPE_ARRAY:
    case SHAPE_VALUES:
      {
        JsonArray *array;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return fail_at (error, path, _("This should be a list in square brackets."));
        array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);
            JsonNode *item = json_array_get_element (array, i);
            gboolean ok;

            if (part->shape == SHAPE_ARRAY)
              ok = import_object (imp, part, item, owner_id, (int) i + 1, item_path, NULL, error);
            else
              ok = import_value (imp, part, NULL, item, owner_id, item_path, error);
            if (!ok)
              return FALSE;
          }
        return TRUE;
      }

    case SHAPE_MAP:
      {
        g_autoptr(GList) members = NULL;
        JsonObject *obj;

        if (!JSON_NODE_HOLDS_OBJECT (node))
          return fail_at (error, path, _("This should be an object in braces."));
        obj = json_node_get_object (node);
        members = json_object_get_members (obj);

        for (GList *l = members; l != NULL; l = l->next)
          {
            g_autofree char *item_path = g_strconcat (path, ".", (const char *) l->data, NULL);

            if (!import_value (imp, part, l->data, json_object_get_member (obj, l->data),
                               owner_id, item_path, error))
              return FALSE;
          }
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

static gboolean
import_parts (Import      *imp,
              const Part  *parts,
              JsonObject  *obj,
              gint64       owner_id,
              const char  *path,
              GError     **error)
{
  for (const Part *part = parts; part != NULL && part->member != NULL; part++)
    {
      JsonNode *node = json_object_get_member (obj, part->member);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;
      if (!import_part (imp, part, node, owner_id, path, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
import_root (Import      *imp,
             JsonObject  *root,
             GError     **error)
{
  g_autoptr(GList) members = json_object_get_members (root);

  for (GList *l = members; l != NULL; l = l->next)
    if (!is_nested_member (root_parts, NULL, l->data))
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("“%s” is not something the data can hold: it may have "
                       "“service”, “welcome_pack”, “staff”, “person” and “carers”."),
                     (const char *) l->data);
        return FALSE;
      }

  for (const Part *part = root_parts; part->member != NULL; part++)
    {
      JsonNode *node = json_object_get_member (root, part->member);
      gint64 id = 0;

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;

      /* The welcome pack is the service's; everything else here stands alone */
      if (part->type->parent != NULL && imp->service_id == 0)
        return fail_at (error, part->member,
                        _("A %s belongs to a service, so the data needs a “service” too."),
                        _(part->type->label));
      if (!import_part (imp, part, node, imp->service_id, NULL, &id, error))
        return FALSE;

      if (part->type == &pl_service_type)
        imp->service_id = id;
      else if (part->type == &pl_person_type)
        imp->person_id = id;
    }

  return TRUE;
}

gboolean
pl_demo_import_json (PlStore     *store,
                     const char  *json,
                     gsize        len,
                     gint64      *out_person_id,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autofree char *old_actor = NULL;
  JsonNode *root;
  Import imp = { 0 };
  gboolean ok;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (json != NULL, FALSE);
  g_return_val_if_fail (len <= G_MAXSSIZE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  parser = json_parser_new ();
  if (!pl_json_load (parser, json, (gssize) len, error))
    {
      g_prefix_error (error, "%s ", _("The data is not written correctly:"));
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The data should be one object in braces."));
      return FALSE;
    }

  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp.store = store;
  imp.names = names;

  old_actor = g_strdup (pl_store_get_actor (store));
  pl_store_set_actor (store, PL_ACTOR_EXAMPLE);

  ok = pl_store_begin (store, error);
  if (ok)
    {
      if (import_root (&imp, json_node_get_object (root), error))
        ok = pl_store_commit (store, error);
      else
        {
          pl_store_rollback (store);
          ok = FALSE;
        }
    }

  pl_store_set_actor (store, old_actor);

  if (ok && out_person_id != NULL)
    *out_person_id = imp.person_id;
  return ok;
}

/* The example person's reference, from the shipped JSON */
static char *
example_reference (GBytes  *bytes,
                   GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonNode *person = NULL;
  const char *reference = NULL;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    person = json_object_get_member (json_node_get_object (root), "person");
  if (person != NULL && JSON_NODE_HOLDS_OBJECT (person))
    reference = json_object_get_string_member_with_default (json_node_get_object (person),
                                                            "external_id", NULL);
  if (reference == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The example has no reference for its person."));
      return NULL;
    }
  return g_strdup (reference);
}

static guint
count_owned (PlStore            *store,
             const PlRecordType *type,
             gint64              person_id,
             GError            **error)
{
  g_autoptr(GPtrArray) rows = pl_store_list (store, type, person_id, error);

  return rows != NULL ? rows->len : 0;
}

/* All a reset takes away with the person, in words: it is said before it
 * is done, and everything added since the example was made goes with it */
static char *
describe_removal (PlStore        *store,
                  const PlPerson *person,
                  GError        **error)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, person->id);
  g_autofree char *list = NULL;
  guint plans, diary, complaints, contacts, needs, settings, words, translations;

  plans = count_owned (store, &pl_plan_type, person->id, &local_error);
  diary = local_error == NULL ? count_owned (store, &pl_diary_entry_type, person->id, &local_error) : 0;
  complaints = local_error == NULL ? count_owned (store, &pl_complaint_type, person->id, &local_error) : 0;
  contacts = local_error == NULL ? count_owned (store, &pl_contact_type, person->id, &local_error) : 0;
  needs = local_error == NULL ? count_owned (store, &pl_comm_need_type, person->id, &local_error) : 0;
  settings = local_error == NULL ? count_owned (store, &pl_settings_type, person->id, &local_error) : 0;
  words = local_error == NULL ? count_owned (store, &pl_pronunciation_type, person->id, &local_error) : 0;
  translations = local_error == NULL ? count_owned (store, &pl_plan_translation_type, person->id,
                                                    &local_error) : 0;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (plans > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u version of the plan",
                                                       "%u versions of the plan", plans), plans));
  if (diary > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u diary entry",
                                                       "%u diary entries", diary), diary));
  if (complaints > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u complaint or compliment",
                                                       "%u complaints and compliments",
                                                       complaints), complaints));
  if (contacts > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u person involved",
                                                       "%u people involved", contacts), contacts));
  if (needs > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u communication need",
                                                       "%u communication needs", needs), needs));
  if (words > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("how %u word is said",
                                                       "how %u words are said", words), words));
  if (translations > 0)
    g_ptr_array_add (parts, g_strdup (_("their plan in another language")));
  if (person->pin_hash != NULL)
    g_ptr_array_add (parts, g_strdup (_("their PIN")));
  if (settings > 0)
    g_ptr_array_add (parts, g_strdup (_("their own settings")));
  g_ptr_array_add (parts, NULL);
  list = g_strjoinv (", ", (char **) parts->pdata);

  /* Translators: the person's name, their number, then a list such as
   * "3 versions of the plan, 12 diary entries, their PIN" */
  return g_strdup_printf (_("This removes the example person, %s, number %s, with all that was "
                            "kept about them: %s. Their words go from the history of changes "
                            "too, which keeps only that they were removed, by whom and when."),
                          person->full_name, id, *list != '\0' ? list : _("nothing more"));
}

static PlPerson *
find_example (PlStore     *store,
              const char  *resource,
              GBytes     **out_bytes,
              GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *reference = NULL;
  PlPerson *existing;

  bytes = g_resource_lookup_data (pl_core_get_resource (), resource,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  reference = example_reference (bytes, error);
  if (reference == NULL)
    return NULL;

  existing = pl_store_find_person_by_external_id (store, reference, &local_error);
  if (existing == NULL && !g_error_matches (local_error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (out_bytes != NULL)
    *out_bytes = g_steal_pointer (&bytes);
  return existing;
}

gboolean
pl_demo_describe_reset (PlStore  *store,
                        char    **out_description,
                        GError  **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (out_description != NULL, FALSE);

  *out_description = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (example_resources); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(PlPerson) existing = find_example (store, example_resources[i], NULL,
                                                   &local_error);
      char *line;

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (existing == NULL)
        continue;
      line = describe_removal (store, existing, error);
      if (line == NULL)
        return FALSE;
      g_ptr_array_add (lines, line);
    }

  if (lines->len > 0)
    {
      g_ptr_array_add (lines, NULL);
      *out_description = g_strjoinv ("\n", (char **) lines->pdata);
    }
  return TRUE;
}

/* One example person, as install_full says for all: their id and what was
 * done, in plain words */
static gboolean
install_one (PlStore             *store,
             const char          *resource,
             PlDemoInstallFlags   flags,
             gint64              *out_person_id,
             char               **out_done,
             GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PlPerson) existing = NULL;
  g_autoptr(PlPerson) person = NULL;
  g_autofree char *id = NULL;
  const char *data;
  gsize size = 0;
  gint64 person_id = 0;

  existing = find_example (store, resource, &bytes, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Already there: not one row is written, so nothing added to them is lost */
  if (existing != NULL && !(flags & PL_DEMO_INSTALL_RESET))
    {
      *out_person_id = existing->id;
      id = g_strdup_printf ("%" G_GINT64_FORMAT, existing->id);
      /* Translators: the person's name and number */
      *out_done = g_strdup_printf (_("The example person is already here: %s, number %s. "
                                     "Nothing was changed."),
                                   existing->full_name, id);
      return TRUE;
    }

  data = g_bytes_get_data (bytes, &size);
  if (!pl_demo_import_json (store, data, size, &person_id, error))
    {
      g_prefix_error (error, "%s ", _("The example person could not be created."));
      return FALSE;
    }

  person = pl_store_load_person (store, person_id, error);
  if (person == NULL)
    return FALSE;
  *out_person_id = person_id;
  id = g_strdup_printf ("%" G_GINT64_FORMAT, person_id);
  /* Translators: the person's name and number */
  *out_done = g_strdup_printf (_("The example person is ready: %s, number %s."),
                               person->full_name, id);
  return TRUE;
}

gboolean
pl_demo_install_full (PlStore            *store,
                      PlDemoInstallFlags  flags,
                      gint64             *out_person_id,
                      char              **out_done,
                      GError            **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  gint64 first_id = 0;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Each person is one transaction: one that fails leaves the others */
  for (guint i = 0; i < G_N_ELEMENTS (example_resources); i++)
    {
      gint64 person_id = 0;
      char *done = NULL;

      if (!install_one (store, example_resources[i], flags, &person_id, &done, error))
        return FALSE;
      g_ptr_array_add (lines, done);
      if (i == 0)
        first_id = person_id;
    }

  if (out_person_id != NULL)
    *out_person_id = first_id;
  if (out_done != NULL)
    {
      g_ptr_array_add (lines, NULL);
      *out_done = g_strjoinv ("\n", (char **) lines->pdata);
    }
  return TRUE;
}

gboolean
pl_demo_install (PlStore  *store,
                 gint64   *out_person_id,
                 GError  **error)
{
  return pl_demo_install_full (store, PL_DEMO_INSTALL_DEFAULT, out_person_id, NULL, error);
}
