/* pl-fhir-import-resources.c: which FHIR resource becomes which record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One reader for each kind of resource Plainly keeps. Other systems send
 * more than Plainly keeps and leave out what it would like: a resource or
 * field Plainly does not keep is listed as left out, a missing optional
 * part is simply empty, and only what would make the record wrong (a date
 * that is not a date, a reference to nothing, no name) refuses the bundle.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include "pl-i18n.h"

#include "pl-fhir-import-private.h"
#include "pl-needs.h"
#include "pl-plan-version-private.h"

#define SYSTEM_SNOMED     "http://snomed.info/sct"
#define SYSTEM_BCP47      "urn:ietf:bcp:47"
#define SYSTEM_UK_LANG    "https://fhir.hl7.org.uk/CodeSystem/UKCore-HumanLanguage"
#define SYSTEM_NHS_NUMBER "https://fhir.nhs.uk/Id/nhs-number"

/* Members every resource may have that carry nothing to keep */
static const char * const housekeeping[] = {
  "resourceType", "id", "meta", "implicitRules", "language", "text", "contained",
  "extension", "modifierExtension", NULL
};

/* Lists what resource has beyond the members known, and its extensions */
static void
note_left_out (PlFhirImport       *self,
               const PlFhirEntry  *entry,
               const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (entry->resource);
  g_autoptr(GString) names = g_string_new (NULL);
  JsonNode *extensions = json_object_get_member (entry->resource, "extension");

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (g_strv_contains (housekeeping, l->data) || g_strv_contains (known, l->data))
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
            url = json_object_get_string_member_with_default (json_node_get_object (item),
                                                              "url", NULL);
          pl_fhir_left_out (self, _("%s: the extension “%s”, which Plainly does not know."),
                            entry->name, url != NULL ? url : "?");
        }
    }
}

/* The words of a narrative's XHTML: tags dropped, paragraphs and breaks
 * kept as new lines, the five entities XML has and numbered ones read */
static char *
xhtml_to_text (const char *div)
{
  GString *out = g_string_new (NULL);
  const char *p = div;

  while (*p != '\0')
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');

          if (end == NULL)
            break;
          if ((g_str_has_prefix (p, "</p") || g_str_has_prefix (p, "<br") ||
               g_str_has_prefix (p, "</li") || g_str_has_prefix (p, "</div")) &&
              out->len > 0 && out->str[out->len - 1] != '\n')
            g_string_append_c (out, '\n');
          p = end + 1;
        }
      else if (*p == '&')
        {
          static const struct { const char *name; gunichar c; } entities[] = {
            { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&apos;", '\'' },
          };
          gboolean done = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (entities) && !done; i++)
            if (g_str_has_prefix (p, entities[i].name))
              {
                g_string_append_unichar (out, entities[i].c);
                p += strlen (entities[i].name);
                done = TRUE;
              }
          if (!done && p[1] == '#')
            {
              char *end = NULL;
              guint64 c = p[2] == 'x' ? g_ascii_strtoull (p + 3, &end, 16)
                                      : g_ascii_strtoull (p + 2, &end, 10);

              if (end != NULL && *end == ';' && c > 0 && g_unichar_validate ((gunichar) c) &&
                  c <= 0x10FFFF)
                {
                  g_string_append_unichar (out, (gunichar) c);
                  p = end + 1;
                  done = TRUE;
                }
            }
          if (!done)
            g_string_append_c (out, *p++);
        }
      else
        g_string_append_c (out, *p++);
    }

  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static char *
dup_or_null (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* Text of an Annotation list (note), paragraphs joined by blank lines */
static gboolean
read_notes (const PlFhirEntry  *entry,
            JsonObject         *obj,
            const char         *field,
            char              **out,
            GError            **error)
{
  JsonArray *notes;
  g_autoptr(GString) text = g_string_new (NULL);

  *out = NULL;
  if (!pl_fhir_get_array (entry, obj, "note", field, &notes, error))
    return FALSE;
  for (guint i = 0; notes != NULL && i < json_array_get_length (notes); i++)
    {
      JsonObject *note;
      const char *words;

      if (!pl_fhir_get_element (entry, notes, i, field, &note, error) ||
          !pl_fhir_get_string (entry, note, "text", field, &words, error))
        return FALSE;
      if (words == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, words);
    }
  if (text->len > 0)
    *out = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

/* Patient */

static gboolean
read_name (PlFhirImport  *self,
           JsonObject    *name,
           char         **out)
{
  const char *text = json_object_get_string_member_with_default (name, "text", NULL);
  JsonNode *given = json_object_get_member (name, "given");
  const char *family = json_object_get_string_member_with_default (name, "family", NULL);
  g_autoptr(GString) joined = g_string_new (NULL);

  if (text != NULL && *text != '\0')
    {
      *out = g_strdup (text);
      return TRUE;
    }
  if (given != NULL && JSON_NODE_HOLDS_ARRAY (given))
    {
      JsonArray *array = json_node_get_array (given);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
            continue;
          if (joined->len > 0)
            g_string_append_c (joined, ' ');
          g_string_append (joined, json_node_get_string (item));
        }
    }
  if (family != NULL && *family != '\0')
    {
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, family);
    }
  *out = joined->len > 0 ? g_string_free (g_steal_pointer (&joined), FALSE) : NULL;
  return *out != NULL;
}

static gboolean
read_names (PlFhirImport  *self,
            PlFhirEntry   *entry,
            GError       **error)
{
  JsonArray *names;

  if (!pl_fhir_get_array (entry, entry->resource, "name", "name", &names, error))
    return FALSE;

  for (guint i = 0; names != NULL && i < json_array_get_length (names); i++)
    {
      JsonObject *name;
      const char *use;
      g_autofree char *words = NULL;

      if (!pl_fhir_get_element (entry, names, i, "name", &name, error) ||
          !pl_fhir_get_string (entry, name, "use", "name.use", &use, error))
        return FALSE;
      if (!read_name (self, name, &words))
        continue;

      /* NG86 1.4.2: the name the person likes to be called */
      if (g_strcmp0 (use, "usual") == 0 || g_strcmp0 (use, "nickname") == 0)
        {
          if (self->person->preferred_name == NULL)
            self->person->preferred_name = g_steal_pointer (&words);
        }
      else if (g_strcmp0 (use, "old") == 0 || g_strcmp0 (use, "maiden") == 0)
        continue;
      else if (self->person->full_name == NULL || g_strcmp0 (use, "official") == 0)
        {
          g_free (self->person->full_name);
          self->person->full_name = g_steal_pointer (&words);
        }
    }

  if (self->person->full_name == NULL && self->person->preferred_name != NULL)
    self->person->full_name = g_strdup (self->person->preferred_name);
  if (self->person->full_name == NULL)
    return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, "name",
                         _("the person has no name, and Plainly needs one to show whose "
                           "plan it is."));
  return TRUE;
}

static gboolean
read_identifiers (PlFhirImport  *self,
                  PlFhirEntry   *entry,
                  GError       **error)
{
  JsonArray *identifiers;

  if (!pl_fhir_get_array (entry, entry->resource, "identifier", "identifier", &identifiers, error))
    return FALSE;

  for (guint i = 0; identifiers != NULL && i < json_array_get_length (identifiers); i++)
    {
      JsonObject *identifier;
      const char *system;
      const char *value;

      if (!pl_fhir_get_element (entry, identifiers, i, "identifier", &identifier, error) ||
          !pl_fhir_get_string (entry, identifier, "system", "identifier.system", &system, error) ||
          !pl_fhir_get_string (entry, identifier, "value", "identifier.value", &value, error))
        return FALSE;
      if (value == NULL)
        continue;

      if (g_strcmp0 (system, SYSTEM_NHS_NUMBER) == 0)
        continue;  /* the NHS number: see read_nhs_number () */
      /* The first other reference is the one the service knows them by */
      if (self->person->external_id == NULL)
        self->person->external_id = g_strdup (value);
      else
        pl_fhir_left_out (self, _("%s: another identifier, “%s”, which Plainly does not keep."),
                          entry->name, value);
    }
  return TRUE;
}

static gboolean
read_language (PlFhirImport  *self,
               PlFhirEntry   *entry,
               GError       **error)
{
  JsonArray *communication;
  const PlField *field = pl_record_type_find_field (&pl_person_type, "preferred_language");

  if (!pl_fhir_get_array (entry, entry->resource, "communication", "communication",
                          &communication, error))
    return FALSE;

  for (guint i = 0; communication != NULL && i < json_array_get_length (communication); i++)
    {
      JsonObject *item;
      JsonObject *language;
      const char *code;

      if (!pl_fhir_get_element (entry, communication, i, "communication", &item, error) ||
          !pl_fhir_get_object (entry, item, "language", "communication.language", &language, error))
        return FALSE;

      code = pl_fhir_code_in (language, SYSTEM_BCP47, NULL);
      if (code == NULL)
        code = pl_fhir_code_in (language, SYSTEM_UK_LANG, NULL);
      if (code == NULL || !pl_field_text_is_valid (field, code))
        {
          const char *words = pl_fhir_concept_words (language);

          pl_fhir_left_out (self, _("%s: the language “%s”, which has no code Plainly knows."),
                            entry->name, words != NULL ? words : "?");
          continue;
        }
      /* The preferred one, or else the first */
      if (self->person->preferred_language == NULL ||
          json_object_get_boolean_member_with_default (item, "preferred", FALSE))
        {
          g_free (self->person->preferred_language);
          self->person->preferred_language = g_strdup (code);
        }
    }
  return TRUE;
}

static gboolean
read_patient (PlFhirImport  *self,
              PlFhirEntry   *entry,
              GError       **error)
{
  static const char * const known[] = {
    "identifier", "name", "birthDate", "communication", NULL
  };
  gboolean partial = FALSE;

  self->person = pl_person_new ();
  if (!read_identifiers (self, entry, error) || !read_names (self, entry, error) ||
      !pl_fhir_get_date (entry, entry->resource, "birthDate", "birthDate",
                         &self->person->date_of_birth, &partial, error) ||
      !read_language (self, entry, error))
    return FALSE;
  if (partial)
    pl_fhir_left_out (self, _("%s: a date of birth without the day, which Plainly does not keep."),
                      entry->name);

  entry->read = TRUE;
  note_left_out (self, entry, known);
  pl_fhir_read_line (self, _("The person: %s."), self->person->full_name);
  return TRUE;
}

/* Whether reference in obj's member points at the patient; an error when
 * it points at nothing */
static gboolean
is_about_patient (PlFhirImport  *self,
                  PlFhirEntry   *entry,
                  const char    *member,
                  gboolean      *out,
                  GError       **error)
{
  JsonObject *reference;
  PlFhirEntry *target;

  *out = FALSE;
  if (!pl_fhir_get_object (entry, entry->resource, member, member, &reference, error))
    return FALSE;
  if (reference == NULL)
    {
      /* A resource about nobody in particular, in a bundle about one person */
      *out = TRUE;
      return TRUE;
    }
  target = pl_fhir_resolve (self, entry, reference, member, error);
  if (target == NULL)
    return FALSE;
  *out = target == self->patient;
  return TRUE;
}

/* Flag: a reasonable adjustment, one recorded communication need */

static gboolean
read_flag (PlFhirImport  *self,
           PlFhirEntry   *entry,
           GError       **error)
{
  static const char * const known[] = { "status", "code", "subject", "category", "period", NULL };
  g_autoptr(PlCommNeed) need = NULL;
  JsonObject *code;
  const char *status;
  const char *snomed;
  const char *display;
  const PlNeedInfo *info;
  gboolean about;

  if (!is_about_patient (self, entry, "subject", &about, error) ||
      !pl_fhir_get_string (entry, entry->resource, "status", "status", &status, error) ||
      !pl_fhir_get_object (entry, entry->resource, "code", "code", &code, error))
    return FALSE;
  if (!about)
    {
      pl_fhir_left_out (self, _("%s: about someone else."), entry->name);
      return TRUE;
    }
  if (g_strcmp0 (status, "inactive") == 0 || g_strcmp0 (status, "entered-in-error") == 0)
    {
      pl_fhir_left_out (self, _("%s: no longer in force."), entry->name);
      return TRUE;
    }

  snomed = pl_fhir_code_in (code, SYSTEM_SNOMED, &display);
  if (snomed != NULL && !pl_text_is_snomed_code (snomed))
    {
      g_autofree char *shown = g_utf8_make_valid (snomed, -1);

      return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, "code.coding.code",
                           _("“%s” is not a SNOMED CT code, though it says it is one."), shown);
    }
  info = snomed != NULL ? pl_need_lookup (snomed) : NULL;
  if (snomed == NULL)
    {
      const char *words = pl_fhir_concept_words (code);

      /* Not a need Plainly can act on; its words still tell staff */
      if (words == NULL)
        {
          pl_fhir_left_out (self, _("%s: a flag with no code or words."), entry->name);
          return TRUE;
        }
      pl_fhir_left_out (self, _("%s: “%s” has no SNOMED CT code, so it is kept as words only."),
                        entry->name, words);
      display = words;
    }

  need = pl_comm_need_new ();
  need->code = g_strdup (snomed);
  need->category = info != NULL ? info->category : PL_NEED_ADDITIONAL_SUPPORT;
  need->description = g_strdup (pl_fhir_concept_words (code) != NULL ? pl_fhir_concept_words (code)
                                : display != NULL ? display
                                : info != NULL ? info->words : snomed);
  g_ptr_array_add (self->needs, g_steal_pointer (&need));

  entry->read = TRUE;
  note_left_out (self, entry, known);
  return TRUE;
}

/* RelatedPerson, Practitioner: the people involved */

static PlContactRole
role_for (const char *type,
          const char *words)
{
  g_autofree char *lower = words != NULL ? g_utf8_strdown (words, -1) : NULL;

  if (lower != NULL && strstr (lower, "coordinator") != NULL)
    return PL_CONTACT_COORDINATOR;
  if (lower != NULL && (strstr (lower, "advocate") != NULL))
    return PL_CONTACT_ADVOCATE;
  if (lower != NULL && (strstr (lower, "friend") != NULL || strstr (lower, "neighbour") != NULL))
    return PL_CONTACT_FRIEND;
  if (lower != NULL && strstr (lower, "carer") != NULL)
    return PL_CONTACT_CARER;
  if (lower != NULL && (strstr (lower, "gp") != NULL || strstr (lower, "doctor") != NULL))
    return PL_CONTACT_GP;
  if (g_str_equal (type, "RelatedPerson"))
    return PL_CONTACT_FAMILY;
  if (g_str_equal (type, "Organization"))
    return PL_CONTACT_SERVICE;
  return PL_CONTACT_HEALTH_PROFESSIONAL;
}

static gboolean
read_telecom (PlFhirEntry  *entry,
              PlContact    *contact,
              GError      **error)
{
  JsonArray *telecom;

  if (!pl_fhir_get_array (entry, entry->resource, "telecom", "telecom", &telecom, error))
    return FALSE;
  for (guint i = 0; telecom != NULL && i < json_array_get_length (telecom); i++)
    {
      JsonObject *point;
      const char *system;
      const char *value;

      if (!pl_fhir_get_element (entry, telecom, i, "telecom", &point, error) ||
          !pl_fhir_get_string (entry, point, "system", "telecom.system", &system, error) ||
          !pl_fhir_get_string (entry, point, "value", "telecom.value", &value, error))
        return FALSE;
      if (g_strcmp0 (system, "phone") == 0 && contact->phone == NULL)
        contact->phone = dup_or_null (value);
      else if (g_strcmp0 (system, "email") == 0 && contact->email == NULL)
        contact->email = dup_or_null (value);
    }
  return TRUE;
}

static gboolean
read_address (PlFhirEntry  *entry,
              PlContact    *contact,
              GError      **error)
{
  JsonArray *addresses;
  JsonObject *address;
  const char *text;

  if (!pl_fhir_get_array (entry, entry->resource, "address", "address", &addresses, error))
    return FALSE;
  if (addresses == NULL || json_array_get_length (addresses) == 0)
    return TRUE;
  if (!pl_fhir_get_element (entry, addresses, 0, "address", &address, error) ||
      !pl_fhir_get_string (entry, address, "text", "address.text", &text, error))
    return FALSE;
  if (text != NULL)
    contact->address = g_strdup (text);
  else
    {
      /* Lines, town and postcode, as a letter is addressed */
      g_autoptr(GString) joined = g_string_new (NULL);
      JsonNode *lines = json_object_get_member (address, "line");
      static const char * const parts[] = { "city", "district", "postalCode", NULL };

      if (lines != NULL && JSON_NODE_HOLDS_ARRAY (lines))
        for (guint i = 0; i < json_array_get_length (json_node_get_array (lines)); i++)
          {
            JsonNode *line = json_array_get_element (json_node_get_array (lines), i);

            if (!JSON_NODE_HOLDS_VALUE (line) || json_node_get_value_type (line) != G_TYPE_STRING)
              continue;
            g_string_append_printf (joined, "%s%s", joined->len > 0 ? ", " : "",
                                    json_node_get_string (line));
          }
      for (guint i = 0; parts[i] != NULL; i++)
        {
          const char *part = json_object_get_string_member_with_default (address, parts[i], NULL);

          if (part != NULL && *part != '\0')
            g_string_append_printf (joined, "%s%s", joined->len > 0 ? ", " : "", part);
        }
      if (joined->len > 0)
        contact->address = g_string_free (g_steal_pointer (&joined), FALSE);
    }
  return TRUE;
}

/* The contact an entry is, read the first time it is asked for */
static int
contact_for (PlFhirImport  *self,
             PlFhirEntry   *entry,
             const char    *role_words,
             GError       **error)
{
  static const char * const known[] = {
    "name", "telecom", "address", "relationship", "patient", "active", NULL
  };
  int index = GPOINTER_TO_INT (g_hash_table_lookup (self->contact_for, entry));
  g_autoptr(PlContact) contact = NULL;
  JsonArray *names;
  JsonArray *relationships;
  const char *relationship = NULL;

  if (index > 0)
    return index;
  if (!g_str_equal (entry->type, "RelatedPerson") && !g_str_equal (entry->type, "Practitioner") &&
      !g_str_equal (entry->type, "Organization"))
    {
      pl_fhir_left_out (self, _("%s: not a person Plainly can list among the people involved."),
                        entry->name);
      return 0;
    }

  contact = pl_contact_new ();
  if (g_str_equal (entry->type, "Organization"))
    {
      const char *name;

      if (!pl_fhir_get_string (entry, entry->resource, "name", "name", &name, error))
        return -1;
      contact->name = dup_or_null (name);
    }
  else
    {
      if (!pl_fhir_get_array (entry, entry->resource, "name", "name", &names, error))
        return -1;
      for (guint i = 0; names != NULL && i < json_array_get_length (names) && contact->name == NULL; i++)
        {
          JsonObject *name;

          if (!pl_fhir_get_element (entry, names, i, "name", &name, error))
            return -1;
          read_name (self, name, &contact->name);
        }
    }
  if (contact->name == NULL)
    {
      pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, "name",
                    _("someone involved in the plan has no name."));
      return -1;
    }

  if (!pl_fhir_get_array (entry, entry->resource, "relationship", "relationship",
                          &relationships, error))
    return -1;
  if (relationships != NULL && json_array_get_length (relationships) > 0)
    {
      JsonObject *concept;

      if (!pl_fhir_get_element (entry, relationships, 0, "relationship", &concept, error))
        return -1;
      relationship = pl_fhir_concept_words (concept);
    }
  contact->relationship = dup_or_null (relationship);
  contact->role = role_for (entry->type, role_words != NULL ? role_words : relationship);
  if (!read_telecom (entry, contact, error) || !read_address (entry, contact, error))
    return -1;

  contact->position = (int) self->contacts->len + 1;
  g_ptr_array_add (self->contacts, g_steal_pointer (&contact));
  g_array_set_size (self->contact_scopes, self->contacts->len);
  index = (int) self->contacts->len;
  g_hash_table_insert (self->contact_for, entry, GINT_TO_POINTER (index));

  entry->read = TRUE;
  note_left_out (self, entry, known);
  return index;
}

/* CareTeam: who is involved, and in what role */
static gboolean
read_care_team (PlFhirImport  *self,
                PlFhirEntry   *entry,
                GError       **error)
{
  static const char * const known[] = { "participant", "subject", "status", "name", NULL };
  JsonArray *participants;
  gboolean about;

  if (!is_about_patient (self, entry, "subject", &about, error) ||
      !pl_fhir_get_array (entry, entry->resource, "participant", "participant",
                          &participants, error))
    return FALSE;
  if (!about)
    {
      pl_fhir_left_out (self, _("%s: about someone else."), entry->name);
      return TRUE;
    }

  for (guint i = 0; participants != NULL && i < json_array_get_length (participants); i++)
    {
      JsonObject *participant;
      JsonObject *member;
      JsonArray *roles;
      const char *role_words = NULL;
      PlFhirEntry *target;
      int index;

      if (!pl_fhir_get_element (entry, participants, i, "participant", &participant, error) ||
          !pl_fhir_get_object (entry, participant, "member", "participant.member", &member, error) ||
          !pl_fhir_get_array (entry, participant, "role", "participant.role", &roles, error))
        return FALSE;
      if (member == NULL)
        continue;
      target = pl_fhir_resolve (self, entry, member, "participant.member", error);
      if (target == NULL)
        return FALSE;
      if (target == self->patient)
        continue;
      if (roles != NULL && json_array_get_length (roles) > 0)
        {
          JsonObject *concept;

          if (!pl_fhir_get_element (entry, roles, 0, "participant.role", &concept, error))
            return FALSE;
          role_words = pl_fhir_concept_words (concept);
        }
      index = contact_for (self, target, role_words, error);
      if (index < 0)
        return FALSE;
      if (index > 0 && role_words != NULL)
        {
          PlContact *contact = g_ptr_array_index (self->contacts, index - 1);

          contact->role = role_for (target->type, role_words);
          if (contact->role == PL_CONTACT_COORDINATOR && self->coordinator == 0)
            self->coordinator = index;
        }
    }

  entry->read = TRUE;
  note_left_out (self, entry, known);
  return TRUE;
}

/* Goal: an outcome in the person's words */
static gboolean
read_goal (PlFhirImport  *self,
           PlFhirEntry   *entry,
           GError       **error)
{
  static const char * const known[] = {
    "description", "target", "note", "achievementStatus", "lifecycleStatus", "subject", NULL
  };
  g_autoptr(PlOutcome) outcome = pl_outcome_new ();
  JsonObject *description;
  JsonObject *achievement;
  JsonArray *targets;

  if (entry->read)
    return TRUE;
  if (!pl_fhir_get_object (entry, entry->resource, "description", "description",
                           &description, error) ||
      !pl_fhir_get_array (entry, entry->resource, "target", "target", &targets, error) ||
      !pl_fhir_get_object (entry, entry->resource, "achievementStatus", "achievementStatus",
                           &achievement, error) ||
      !read_notes (entry, entry->resource, "note", &outcome->progress, error))
    return FALSE;

  outcome->outcome = dup_or_null (pl_fhir_concept_words (description));
  if (outcome->outcome == NULL)
    return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, "description",
                         _("the goal has no words saying what it is."));

  for (guint i = 0; targets != NULL && i < json_array_get_length (targets) && outcome->measure == NULL; i++)
    {
      JsonObject *target;
      JsonObject *measure;
      const char *detail;

      if (!pl_fhir_get_element (entry, targets, i, "target", &target, error) ||
          !pl_fhir_get_object (entry, target, "measure", "target.measure", &measure, error) ||
          !pl_fhir_get_string (entry, target, "detailString", "target.detailString", &detail, error))
        return FALSE;
      outcome->measure = dup_or_null (detail != NULL ? detail : pl_fhir_concept_words (measure));
    }
  if (outcome->progress == NULL)
    outcome->progress = dup_or_null (pl_fhir_concept_words (achievement));

  outcome->position = (int) self->plan->parts[PL_PLAN_PART_OUTCOMES]->len + 1;
  g_ptr_array_add (self->plan->parts[PL_PLAN_PART_OUTCOMES], g_steal_pointer (&outcome));
  entry->read = TRUE;
  note_left_out (self, entry, known);
  return TRUE;
}

/* CarePlan.activity: visits, one for each day and time its timing gives */
static gboolean
read_activity (PlFhirImport  *self,
               PlFhirEntry   *entry,
               JsonObject    *activity,
               GError       **error)
{
  static const char * const days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL };
  JsonObject *detail;
  JsonObject *timing;
  JsonObject *repeat = NULL;
  JsonObject *code;
  JsonArray *weekdays = NULL;
  JsonArray *times = NULL;
  const char *description;
  const char *unit = NULL;
  int duration = 0;
  guint n_days;
  guint n_times;

  if (!pl_fhir_get_object (entry, activity, "detail", "activity.detail", &detail, error))
    return FALSE;
  if (detail == NULL)
    {
      pl_fhir_left_out (self, _("%s: an activity with no detail, which Plainly does not keep."),
                        entry->name);
      return TRUE;
    }
  if (!pl_fhir_get_object (entry, detail, "code", "activity.detail.code", &code, error) ||
      !pl_fhir_get_string (entry, detail, "description", "activity.detail.description",
                           &description, error) ||
      !pl_fhir_get_object (entry, detail, "scheduledTiming", "activity.detail.scheduledTiming",
                           &timing, error) ||
      !pl_fhir_get_object (entry, timing, "repeat", "activity.detail.scheduledTiming.repeat",
                           &repeat, error) ||
      !pl_fhir_get_array (entry, repeat, "dayOfWeek", "activity.detail.scheduledTiming.repeat.dayOfWeek",
                          &weekdays, error) ||
      !pl_fhir_get_array (entry, repeat, "timeOfDay", "activity.detail.scheduledTiming.repeat.timeOfDay",
                          &times, error) ||
      !pl_fhir_get_string (entry, repeat, "durationUnit",
                           "activity.detail.scheduledTiming.repeat.durationUnit", &unit, error))
    return FALSE;

  if (times == NULL || json_array_get_length (times) == 0)
    {
      pl_fhir_left_out (self, _("%s: an activity with no time of day, so not a visit Plainly "
                                "can show: %s."),
                        entry->name, description != NULL ? description : "?");
      return TRUE;
    }

  if (repeat != NULL && json_object_has_member (repeat, "duration"))
    {
      JsonNode *node = json_object_get_member (repeat, "duration");
      double value;
      double minutes;

      if (!JSON_NODE_HOLDS_VALUE (node) || (json_node_get_value_type (node) != G_TYPE_INT64 &&
                                            json_node_get_value_type (node) != G_TYPE_DOUBLE))
        return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry,
                             "activity.detail.scheduledTiming.repeat.duration",
                             _("this should be a number."));
      value = json_node_get_double (node);
      minutes = g_strcmp0 (unit, "h") == 0 ? value * 60 : g_strcmp0 (unit, "s") == 0 ? value / 60 : value;
      if (unit != NULL && !g_str_equal (unit, "min") && !g_str_equal (unit, "h") && !g_str_equal (unit, "s"))
        return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry,
                             "activity.detail.scheduledTiming.repeat.durationUnit",
                             _("a visit lasts minutes or hours, not “%s”."), unit);
      /* NG21 1.4.2: a visit has a length; one out of range is left out */
      if (minutes >= 1 && minutes <= 24 * 60)
        duration = (int) (minutes + 0.5);
      else
        pl_fhir_left_out (self, _("%s: a visit length of %g minutes, which cannot be right."),
                          entry->name, minutes);
    }

  n_days = weekdays != NULL && json_array_get_length (weekdays) < 7 ? json_array_get_length (weekdays) : 0;
  n_times = json_array_get_length (times);
  for (guint d = 0; d < MAX (n_days, 1); d++)
    for (guint t = 0; t < n_times; t++)
      {
        g_autoptr(PlVisit) visit = pl_visit_new ();
        JsonNode *time = json_array_get_element (times, t);
        const char *time_text;

        if (!JSON_NODE_HOLDS_VALUE (time) || json_node_get_value_type (time) != G_TYPE_STRING)
          return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry,
                               "activity.detail.scheduledTiming.repeat.timeOfDay",
                               _("this should be a time in quotes, like “08:30:00”."));
        time_text = json_node_get_string (time);
        if (!pl_field_text_is_valid (pl_record_type_find_field (&pl_visit_type, "start_time"), time_text) ||
            *time_text == '\0')
          {
            g_autofree char *shown = g_utf8_make_valid (time_text, -1);

            return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry,
                                 "activity.detail.scheduledTiming.repeat.timeOfDay",
                                 _("“%s” is not a time of day, like 08:30:00."), shown);
          }
        visit->start_time = g_strndup (time_text, 5);

        if (n_days > 0)
          {
            JsonNode *day = json_array_get_element (weekdays, d);
            const char *day_text = JSON_NODE_HOLDS_VALUE (day) &&
                                   json_node_get_value_type (day) == G_TYPE_STRING
                                   ? json_node_get_string (day) : "";
            guint i;

            for (i = 0; days[i] != NULL && !g_str_equal (days[i], day_text); i++)
              ;
            if (days[i] == NULL)
              return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry,
                                   "activity.detail.scheduledTiming.repeat.dayOfWeek",
                                   _("this should be a day: mon, tue, wed, thu, fri, sat or sun."));
            visit->weekday = (int) i + 1;
          }
        visit->duration = duration;
        visit->purpose = dup_or_null (pl_fhir_concept_words (code));
        visit->tasks = dup_or_null (description);
        if (visit->purpose == NULL)
          visit->purpose = g_steal_pointer (&visit->tasks);
        visit->position = (int) self->plan->parts[PL_PLAN_PART_VISITS]->len + 1;
        g_ptr_array_add (self->plan->parts[PL_PLAN_PART_VISITS], g_steal_pointer (&visit));
      }
  return TRUE;
}

static gboolean
read_care_plan (PlFhirImport  *self,
                PlFhirEntry   *entry,
                GError       **error)
{
  static const char * const known[] = {
    "status", "intent", "subject", "period", "goal", "activity", "note", "title",
    "description", "careTeam", NULL
  };
  JsonObject *meta;
  JsonObject *period;
  JsonArray *goals;
  JsonArray *activities;
  const char *status;
  const char *version = NULL;
  gboolean about;
  gboolean partial;

  if (!is_about_patient (self, entry, "subject", &about, error))
    return FALSE;
  if (!about)
    {
      pl_fhir_left_out (self, _("%s: about someone else."), entry->name);
      return TRUE;
    }
  if (self->plan != NULL)
    {
      pl_fhir_left_out (self, _("%s: a second care plan; Plainly reads the first."), entry->name);
      return TRUE;
    }

  self->plan = pl_plan_content_new_empty ();
  self->plan->plan = pl_plan_new ();

  if (!pl_fhir_get_object (entry, entry->resource, "meta", "meta", &meta, error) ||
      !pl_fhir_get_string (entry, meta, "versionId", "meta.versionId", &version, error) ||
      !pl_fhir_get_string (entry, entry->resource, "status", "status", &status, error) ||
      !pl_fhir_get_object (entry, entry->resource, "period", "period", &period, error) ||
      !pl_fhir_get_date (entry, period, "start", "period.start", &self->plan->plan->start_date,
                         &partial, error) ||
      !pl_fhir_get_array (entry, entry->resource, "goal", "goal", &goals, error) ||
      !pl_fhir_get_array (entry, entry->resource, "activity", "activity", &activities, error))
    return FALSE;

  if (version != NULL)
    {
      guint64 number = 0;

      if (g_ascii_string_to_unsigned (version, 10, 1, 1000000, &number, NULL))
        self->bundle_version = (int) number;
      else
        pl_fhir_left_out (self, _("%s: the version “%s”, which is not a number Plainly "
                                  "counts versions with."), entry->name, version);
    }

  if (g_strcmp0 (status, "active") == 0)
    self->plan->plan->status = PL_PLAN_AGREED;
  else if (g_strcmp0 (status, "completed") == 0 || g_strcmp0 (status, "revoked") == 0)
    self->plan->plan->status = PL_PLAN_SUPERSEDED;
  else
    self->plan->plan->status = PL_PLAN_DRAFT;

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
                             _("this should point to a Goal, and points to a %s."), goal->type);
      if (!read_goal (self, goal, error))
        return FALSE;
    }

  for (guint i = 0; activities != NULL && i < json_array_get_length (activities); i++)
    {
      JsonObject *activity;

      if (!pl_fhir_get_element (entry, activities, i, "activity", &activity, error) ||
          !read_activity (self, entry, activity, error))
        return FALSE;
    }

  entry->read = TRUE;
  note_left_out (self, entry, known);
  return TRUE;
}

/* The other resources that hang off the plan */

static gboolean
read_medication (PlFhirImport  *self,
                 PlFhirEntry   *entry,
                 GError       **error)
{
  static const char * const known[] = {
    "status", "medicationCodeableConcept", "subject", "reasonCode", "dosage", "note", NULL
  };
  g_autoptr(PlMedicine) medicine = pl_medicine_new ();
  JsonObject *concept;
  JsonArray *reasons;
  JsonArray *dosages;
  gboolean about;

  if (!is_about_patient (self, entry, "subject", &about, error) ||
      !pl_fhir_get_object (entry, entry->resource, "medicationCodeableConcept",
                           "medicationCodeableConcept", &concept, error) ||
      !pl_fhir_get_array (entry, entry->resource, "reasonCode", "reasonCode", &reasons, error) ||
      !pl_fhir_get_array (entry, entry->resource, "dosage", "dosage", &dosages, error) ||
      !read_notes (entry, entry->resource, "note", &medicine->support, error))
    return FALSE;
  if (!about)
    {
      pl_fhir_left_out (self, _("%s: about someone else."), entry->name);
      return TRUE;
    }

  medicine->name = dup_or_null (pl_fhir_concept_words (concept));
  if (medicine->name == NULL)
    {
      pl_fhir_left_out (self, _("%s: a medicine given by reference only, whose name Plainly "
                                "cannot read."), entry->name);
      return TRUE;
    }
  if (reasons != NULL && json_array_get_length (reasons) > 0)
    {
      JsonObject *reason;

      if (!pl_fhir_get_element (entry, reasons, 0, "reasonCode", &reason, error))
        return FALSE;
      medicine->purpose = dup_or_null (pl_fhir_concept_words (reason));
    }
  if (dosages != NULL && json_array_get_length (dosages) > 0)
    {
      JsonObject *dosage;
      JsonObject *timing;
      JsonObject *timing_code;
      const char *text;
      const char *instruction;

      if (!pl_fhir_get_element (entry, dosages, 0, "dosage", &dosage, error) ||
          !pl_fhir_get_string (entry, dosage, "text", "dosage.text", &text, error) ||
          !pl_fhir_get_string (entry, dosage, "patientInstruction", "dosage.patientInstruction",
                               &instruction, error) ||
          !pl_fhir_get_object (entry, dosage, "timing", "dosage.timing", &timing, error) ||
          !pl_fhir_get_object (entry, timing, "code", "dosage.timing.code", &timing_code, error))
        return FALSE;
      medicine->dose = dup_or_null (text);
      medicine->timing = dup_or_null (pl_fhir_concept_words (timing_code));
      medicine->if_missed = dup_or_null (instruction);
    }

  medicine->position = (int) self->plan->parts[PL_PLAN_PART_MEDICINES]->len + 1;
  g_ptr_array_add (self->plan->parts[PL_PLAN_PART_MEDICINES], g_steal_pointer (&medicine));
  entry->read = TRUE;
  note_left_out (self, entry, known);
  return TRUE;
}

static gboolean
read_risk (PlFhirImport  *self,
           PlFhirEntry   *entry,
           GError       **error)
{
  static const char * const known[] = {
    "status", "subject", "code", "mitigation", "prediction", "basis", "note", NULL
  };
  g_autoptr(PlRisk) risk = pl_risk_new ();
  JsonObject *code;
  JsonArray *predictions;
  const char *mitigation;
  gboolean about;

  if (!is_about_patient (self, entry, "subject", &about, error) ||
      !pl_fhir_get_object (entry, entry->resource, "code", "code", &code, error) ||
      !pl_fhir_get_string (entry, entry->resource, "mitigation", "mitigation", &mitigation, error) ||
      !pl_fhir_get_array (entry, entry->resource, "prediction", "prediction", &predictions, error) ||
      !read_notes (entry, entry->resource, "note", &risk->benefits, error))
    return FALSE;
  if (!about)
    {
      pl_fhir_left_out (self, _("%s: about someone else."), entry->name);
      return TRUE;
    }

  risk->activity = dup_or_null (pl_fhir_concept_words (code));
  if (risk->activity == NULL)
    return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, "code",
                         _("the risk has no words saying what it is about."));
  risk->strategies = dup_or_null (mitigation);
  for (guint i = 0; predictions != NULL && i < json_array_get_length (predictions); i++)
    {
      JsonObject *prediction;
      const char *rationale;
      JsonObject *outcome;

      if (!pl_fhir_get_element (entry, predictions, i, "prediction", &prediction, error) ||
          !pl_fhir_get_string (entry, prediction, "rationale", "prediction.rationale",
                               &rationale, error) ||
          !pl_fhir_get_object (entry, prediction, "outcome", "prediction.outcome", &outcome, error))
        return FALSE;
      if (risk->implications_person == NULL)
        risk->implications_person = dup_or_null (rationale != NULL ? rationale
                                                 : pl_fhir_concept_words (outcome));
    }

  risk->position = (int) self->plan->parts[PL_PLAN_PART_RISKS]->len + 1;
  g_ptr_array_add (self->plan->parts[PL_PLAN_PART_RISKS], g_steal_pointer (&risk));
  entry->read = TRUE;
  note_left_out (self, entry, known);
  return TRUE;
}

/* Composition: About Me and the plan's other written parts, one section each */
static gboolean
section_kind_for (JsonObject    *section,
                  const char    *title,
                  PlSectionKind *out)
{
  for (int kind = 0; kind < PL_SECTION_N_KINDS; kind++)
    if (title != NULL &&
        (g_ascii_strcasecmp (title, pl_section_kind_nicks[kind]) == 0 ||
         g_utf8_collate (title, pl_section_kind_title ((PlSectionKind) kind)) == 0))
      {
        *out = (PlSectionKind) kind;
        return TRUE;
      }
  return FALSE;
}

static gboolean
read_composition (PlFhirImport  *self,
                  PlFhirEntry   *entry,
                  GError       **error)
{
  static const char * const known[] = {
    "status", "type", "subject", "date", "author", "title", "section", NULL
  };
  JsonArray *sections;
  gboolean about;

  if (!is_about_patient (self, entry, "subject", &about, error) ||
      !pl_fhir_get_array (entry, entry->resource, "section", "section", &sections, error))
    return FALSE;
  if (!about)
    {
      pl_fhir_left_out (self, _("%s: about someone else."), entry->name);
      return TRUE;
    }

  for (guint i = 0; sections != NULL && i < json_array_get_length (sections); i++)
    {
      g_autoptr(PlPlanSection) part = NULL;
      JsonObject *section;
      JsonObject *narrative;
      const char *title;
      const char *div;
      PlSectionKind kind;

      if (!pl_fhir_get_element (entry, sections, i, "section", &section, error) ||
          !pl_fhir_get_string (entry, section, "title", "section.title", &title, error) ||
          !pl_fhir_get_object (entry, section, "text", "section.text", &narrative, error) ||
          !pl_fhir_get_string (entry, narrative, "div", "section.text.div", &div, error))
        return FALSE;
      if (!section_kind_for (section, title, &kind))
        {
          pl_fhir_left_out (self, _("%s: the section “%s”, which is not a part of Plainly’s plan."),
                            entry->name, title != NULL ? title : "?");
          continue;
        }
      if (div == NULL)
        continue;
      if (self->plan == NULL)
        {
          self->plan = pl_plan_content_new_empty ();
          self->plan->plan = pl_plan_new ();
        }
      part = pl_plan_section_new ();
      part->kind = kind;
      part->body = xhtml_to_text (div);
      g_ptr_array_add (self->plan->parts[PL_PLAN_PART_SECTIONS], g_steal_pointer (&part));
    }

  entry->read = TRUE;
  note_left_out (self, entry, known);
  return TRUE;
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

      if (!g_str_equal (entry->type, "Patient"))
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

static guint
count (GPtrArray *array)
{
  return array != NULL ? array->len : 0;
}

gboolean
pl_fhir_import_resources (PlFhirImport  *self,
                          GError       **error)
{
  /* The plan comes before what hangs off it; the care team before the
   * people it names are read by themselves */
  static const struct { const char *type; ReadFunc func; } readers[] = {
    { "CarePlan", read_care_plan },
    { "Composition", read_composition },
    { "Flag", read_flag },
    { "CareTeam", read_care_team },
    { "MedicationStatement", read_medication },
    { "RiskAssessment", read_risk },
  };
  guint n;

  if (!find_patient (self, error) || !read_patient (self, self->patient, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    if (!read_all_of (self, readers[i].type, readers[i].func, error))
      return FALSE;
  for (guint i = 0; i < self->entries->len; i++)
    {
      PlFhirEntry *entry = g_ptr_array_index (self->entries, i);

      /* People named by nothing Plainly reads are still people involved */
      if (g_str_equal (entry->type, "RelatedPerson") && !entry->read)
        {
          gboolean about;

          if (!is_about_patient (self, entry, "patient", &about, error))
            return FALSE;
          if (about && contact_for (self, entry, NULL, error) < 0)
            return FALSE;
        }
    }

  for (guint i = 0; i < self->entries->len; i++)
    {
      PlFhirEntry *entry = g_ptr_array_index (self->entries, i);

      if (!entry->read)
        pl_fhir_left_out (self, _("%s: not something Plainly keeps."), entry->name);
    }

  if (count (self->needs) > 0)
    pl_fhir_read_line (self, ngettext ("%u communication need.", "%u communication needs.",
                                       count (self->needs)), count (self->needs));
  if (count (self->contacts) > 0)
    pl_fhir_read_line (self, ngettext ("%u person involved.", "%u people involved.",
                                       count (self->contacts)), count (self->contacts));
  if (self->plan == NULL)
    return TRUE;

  if (self->bundle_version > 0)
    pl_fhir_read_line (self, _("A care plan, version %d."), self->bundle_version);
  else
    pl_fhir_read_line (self, _("A care plan."));
  n = count (self->plan->parts[PL_PLAN_PART_SECTIONS]);
  if (n > 0)
    pl_fhir_read_line (self, ngettext ("%u written part of the plan.",
                                       "%u written parts of the plan.", n), n);
  n = count (self->plan->parts[PL_PLAN_PART_OUTCOMES]);
  if (n > 0)
    pl_fhir_read_line (self, ngettext ("%u outcome.", "%u outcomes.", n), n);
  n = count (self->plan->parts[PL_PLAN_PART_VISITS]);
  if (n > 0)
    pl_fhir_read_line (self, ngettext ("%u visit.", "%u visits.", n), n);
  n = count (self->plan->parts[PL_PLAN_PART_MEDICINES]);
  if (n > 0)
    pl_fhir_read_line (self, ngettext ("%u medicine.", "%u medicines.", n), n);
  n = count (self->plan->parts[PL_PLAN_PART_RISKS]);
  if (n > 0)
    pl_fhir_read_line (self, ngettext ("%u risk.", "%u risks.", n), n);
  return TRUE;
}
