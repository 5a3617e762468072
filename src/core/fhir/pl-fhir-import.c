/* pl-fhir-import.c: reading a FHIR R4 Bundle safely, and saving what was read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle comes from another program: it is read with bounds (size before
 * reading, nesting before parsing, which json-glib does by recursion), its
 * resources are indexed by "Type/id" and fullUrl so references are
 * followed only to what the bundle holds, and every field Plainly reads is
 * checked for its kind. Which resource becomes which record is in
 * pl-fhir-import-resources.c.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include "pl-i18n.h"

#include "pl-actor.h"
#include "pl-fhir-import-private.h"
#include "pl-record-json.h"

G_DEFINE_QUARK (pl-fhir-import-error-quark, pl_fhir_import_error)

static void
entry_free (PlFhirEntry *entry)
{
  g_free (entry->name);
  g_free (entry);
}

void
pl_fhir_import_free (PlFhirImport *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->by_reference, g_hash_table_unref);
  g_clear_pointer (&self->replaced_by, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->parser);
  g_clear_pointer (&self->person, pl_person_free);
  g_clear_pointer (&self->service, pl_service_free);
  g_clear_pointer (&self->welcome_pack, pl_welcome_pack_free);
  g_clear_pointer (&self->complaints, g_ptr_array_unref);
  g_clear_pointer (&self->complaint_events, g_ptr_array_unref);
  g_clear_pointer (&self->diary_comments, g_ptr_array_unref);
  g_clear_pointer (&self->diary, g_ptr_array_unref);
  g_clear_pointer (&self->needs, g_ptr_array_unref);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->contact_scopes, g_array_unref);
  g_clear_pointer (&self->contact_for, g_hash_table_unref);
  g_clear_pointer (&self->plan, pl_plan_content_free);
  g_clear_pointer (&self->read_lines, g_ptr_array_unref);
  g_clear_pointer (&self->translations, g_hash_table_unref);
  g_clear_pointer (&self->left_out_lines, g_ptr_array_unref);
  g_free (self);
}

/* Text from the bundle quoted in a message: never longer than a line, and
 * never able to act on a terminal */
char *
pl_fhir_quote (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == 60)
        {
          g_string_append (out, "…");
          break;
        }
      if (g_unichar_iscntrl (c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

gboolean
pl_fhir_fail (GError            **error,
              PlFhirImportError   code,
              const PlFhirEntry  *entry,
              const char         *field,
              const char         *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (entry != NULL && field != NULL)
    /* TRANSLATORS: "Patient “pat-1”, field “birthDate”: …" */
    g_set_error (error, PL_FHIR_IMPORT_ERROR, (int) code, _("%s, field “%s”: %s"),
                 entry->name, field, message);
  else if (entry != NULL)
    g_set_error (error, PL_FHIR_IMPORT_ERROR, (int) code, "%s: %s", entry->name, message);
  else
    g_set_error_literal (error, PL_FHIR_IMPORT_ERROR, (int) code, message);
  return FALSE;
}

void
pl_fhir_left_out (PlFhirImport *self,
                  const char   *format,
                  ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->left_out_lines, g_strdup_vprintf (format, args));
  va_end (args);
}

void
pl_fhir_read_line (PlFhirImport *self,
                   const char   *format,
                   ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->read_lines, g_strdup_vprintf (format, args));
  va_end (args);
}

const char *
pl_fhir_string_member (JsonObject *obj,
                       const char *member)
{
  JsonNode *node = obj != NULL ? json_object_get_member (obj, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
pl_fhir_is_true (JsonObject *obj,
                 const char *member)
{
  JsonNode *node = obj != NULL ? json_object_get_member (obj, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

static gboolean
wrong_kind (const PlFhirEntry  *entry,
            const char         *field,
            const char         *expected,
            GError            **error)
{
  return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, field,
                       _("this should be %s."), expected);
}

gboolean
pl_fhir_get_string (const PlFhirEntry  *entry,
                    JsonObject         *obj,
                    const char         *member,
                    const char         *field,
                    const char        **out,
                    GError            **error)
{
  JsonNode *node = obj != NULL ? json_object_get_member (obj, member) : NULL;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return wrong_kind (entry, field, _("text in quotes"), error);
  *out = json_node_get_string (node);
  /* FHIR: a string is never empty; treat "" as absent rather than refuse */
  if (*out != NULL && **out == '\0')
    *out = NULL;
  return TRUE;
}

gboolean
pl_fhir_get_object (const PlFhirEntry  *entry,
                    JsonObject         *obj,
                    const char         *member,
                    const char         *field,
                    JsonObject        **out,
                    GError            **error)
{
  JsonNode *node = obj != NULL ? json_object_get_member (obj, member) : NULL;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_kind (entry, field, _("an object in braces"), error);
  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
pl_fhir_get_array (const PlFhirEntry  *entry,
                   JsonObject         *obj,
                   const char         *member,
                   const char         *field,
                   JsonArray         **out,
                   GError            **error)
{
  JsonNode *node = obj != NULL ? json_object_get_member (obj, member) : NULL;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_kind (entry, field, _("a list in square brackets"), error);
  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
pl_fhir_get_element (const PlFhirEntry  *entry,
                     JsonArray          *array,
                     guint               i,
                     const char         *field,
                     JsonObject        **out,
                     GError            **error)
{
  JsonNode *node = json_array_get_element (array, i);

  *out = NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", field, i);

      return wrong_kind (entry, where, _("an object in braces"), error);
    }
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
digits (const char *text,
        guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

gboolean
pl_fhir_get_date (const PlFhirEntry  *entry,
                  JsonObject         *obj,
                  const char         *member,
                  const char         *field,
                  char              **out,
                  gboolean           *partial,
                  GError            **error)
{
  const char *text;
  gsize len;

  *out = NULL;
  if (partial != NULL)
    *partial = FALSE;
  if (!pl_fhir_get_string (entry, obj, member, field, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  len = strlen (text);
  /* FHIR dates: YYYY, YYYY-MM, YYYY-MM-DD, or a dateTime after it */
  if (len >= 4 && digits (text, 4))
    {
      if (len == 4 || (len == 7 && text[4] == '-' && digits (text + 5, 2) &&
                       g_ascii_strtoull (text + 5, NULL, 10) >= 1 &&
                       g_ascii_strtoull (text + 5, NULL, 10) <= 12))
        {
          if (partial != NULL)
            *partial = TRUE;
          return TRUE;
        }
      if (len >= 10 && text[4] == '-' && digits (text + 5, 2) && text[7] == '-' &&
          digits (text + 8, 2) &&
          g_date_valid_dmy ((GDateDay) g_ascii_strtoull (text + 8, NULL, 10),
                            (GDateMonth) g_ascii_strtoull (text + 5, NULL, 10),
                            (GDateYear) g_ascii_strtoull (text, NULL, 10)))
        {
          g_autofree char *iso = NULL;
          g_autoptr(GTimeZone) utc = NULL;
          g_autoptr(GDateTime) parsed = NULL;

          if (len == 10)
            {
              *out = g_strndup (text, 10);
              return TRUE;
            }
          /* A dateTime: the day it names, if the rest is a time */
          utc = g_time_zone_new_utc ();
          parsed = g_date_time_new_from_iso8601 (text, utc);
          if (parsed != NULL && text[10] == 'T')
            {
              *out = g_strndup (text, 10);
              return TRUE;
            }
        }
    }

  {
    g_autofree char *shown = pl_fhir_quote (text);

    return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, field,
                         _("“%s” is not a date. FHIR writes dates as year, month and day, "
                           "like 1941-06-02."), shown);
  }
}

/* Contained resources are found by their container and "#id" */
static char *
contained_key (const PlFhirEntry *container,
               const char        *ref)
{
  return g_strdup_printf ("%p%s", (const void *) container, ref);
}

PlFhirEntry *
pl_fhir_lookup (PlFhirImport      *self,
                const PlFhirEntry *from,
                const char        *ref)
{
  PlFhirEntry *target;

  if (ref == NULL)
    return NULL;
  if (ref[0] == '#')
    {
      g_autofree char *key = NULL;

      if (from == NULL)
        return NULL;
      key = contained_key (from->container != NULL ? from->container : from, ref);
      return g_hash_table_lookup (self->by_reference, key);
    }
  target = g_hash_table_lookup (self->by_reference, ref);
  if (target == NULL)
    {
      /* An absolute URL, or a version of a resource, names the resource
       * by its last "Type/id": ".../fhir/Patient/p1/_history/2" */
      g_auto(GStrv) steps = g_strsplit (ref, "/", -1);
      guint n = g_strv_length (steps);

      if (n >= 4 && g_str_equal (steps[n - 2], "_history"))
        n -= 2;
      if (n >= 2)
        {
          g_autofree char *tail = g_strdup_printf ("%s/%s", steps[n - 2], steps[n - 1]);

          target = g_hash_table_lookup (self->by_reference, tail);
        }
    }
  return target;
}

PlFhirEntry *
pl_fhir_resolve (PlFhirImport       *self,
                 const PlFhirEntry  *entry,
                 JsonObject         *reference,
                 const char         *field,
                 GError            **error)
{
  const char *ref;
  PlFhirEntry *target;
  g_autofree char *shown = NULL;

  if (!pl_fhir_get_string (entry, reference, "reference", field, &ref, error))
    return NULL;
  if (ref == NULL)
    {
      pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_BROKEN_REFERENCE, entry, field,
                    _("this should point to another resource with “reference”, "
                      "and it does not."));
      return NULL;
    }

  target = pl_fhir_lookup (self, entry, ref);
  if (target != NULL)
    return target;

  shown = pl_fhir_quote (ref);
  pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_BROKEN_REFERENCE, entry, field,
                _("this points to “%s”, which is not in the bundle."), shown);
  return NULL;
}

const char *
pl_fhir_code_in (JsonObject  *concept,
                 const char  *system,
                 const char **out_display)
{
  JsonNode *node = concept != NULL ? json_object_get_member (concept, "coding") : NULL;
  JsonArray *codings;

  if (out_display != NULL)
    *out_display = NULL;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  codings = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (codings); i++)
    {
      JsonNode *item = json_array_get_element (codings, i);
      JsonObject *coding;
      const char *coding_system;
      const char *code;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      coding = json_node_get_object (item);
      coding_system = pl_fhir_string_member (coding, "system");
      code = pl_fhir_string_member (coding, "code");
      if (g_strcmp0 (coding_system, system) != 0 || code == NULL)
        continue;
      if (out_display != NULL)
        *out_display = pl_fhir_string_member (coding, "display");
      return code;
    }
  return NULL;
}

const char *
pl_fhir_concept_words (JsonObject *concept)
{
  JsonNode *text;
  JsonNode *node;

  if (concept == NULL)
    return NULL;
  text = json_object_get_member (concept, "text");
  if (text != NULL && JSON_NODE_HOLDS_VALUE (text) &&
      json_node_get_value_type (text) == G_TYPE_STRING && *json_node_get_string (text) != '\0')
    return json_node_get_string (text);

  node = json_object_get_member (concept, "coding");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (node), i);
      const char *display;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      display = pl_fhir_string_member (json_node_get_object (item), "display");
      if (display != NULL && *display != '\0')
        return display;
    }
  return NULL;
}

/* Reading */

static char *
ordinal_name (const char *type,
              guint       i)
{
  /* TRANSLATORS: a resource with no id, as “Patient (entry 3)” */
  return g_strdup_printf (_("%s (entry %u)"), type, i + 1);
}

/* The resources contained in entry's, each an entry of its own that the
 * readers read like the bundle's, found as "#id" from inside entry */
static gboolean
index_contained (PlFhirImport  *self,
                 PlFhirEntry   *entry,
                 GError       **error)
{
  JsonArray *contained;

  if (!pl_fhir_get_array (entry, entry->resource, "contained", "contained", &contained, error))
    return FALSE;
  for (guint i = 0; contained != NULL && i < json_array_get_length (contained); i++)
    {
      g_autofree char *where = g_strdup_printf ("contained[%u]", i);
      g_autofree char *ref = NULL;
      g_autofree char *shown = NULL;
      PlFhirEntry *inner;
      JsonObject *resource;
      const char *type;
      const char *id;

      if (!pl_fhir_get_element (entry, contained, i, "contained", &resource, error) ||
          !pl_fhir_get_string (entry, resource, "resourceType", where, &type, error) ||
          !pl_fhir_get_string (entry, resource, "id", where, &id, error))
        return FALSE;
      if (type == NULL)
        return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, where,
                             _("this resource does not say what it is: it has no "
                               "“resourceType”."));
      /* Nothing can point at it, so nothing of it is part of the record */
      if (id == NULL)
        {
          pl_fhir_left_out (self, _("%s: a %s inside it with no “id”, which nothing can "
                                    "point to."), entry->name, type);
          continue;
        }

      inner = g_new0 (PlFhirEntry, 1);
      inner->resource = resource;
      inner->type = type;
      inner->id = id;
      inner->container = entry;
      shown = pl_fhir_quote (id);
      /* TRANSLATORS: a resource inside another: Practitioner “#author” in CarePlan “cp-1” */
      inner->name = g_strdup_printf (_("%s “#%s” in %s"), type, shown, entry->name);
      g_ptr_array_add (self->entries, inner);
      ref = g_strconcat ("#", id, NULL);
      g_hash_table_insert (self->by_reference, contained_key (entry, ref), inner);
    }
  return TRUE;
}

static gboolean
index_entries (PlFhirImport  *self,
               JsonObject    *bundle,
               GError       **error)
{
  PlFhirEntry bundle_entry = { .name = (char *) "Bundle" };
  JsonArray *entries;

  if (!pl_fhir_get_array (&bundle_entry, bundle, "entry", "entry", &entries, error))
    return FALSE;
  if (entries == NULL)
    return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_NO_PATIENT, NULL, NULL,
                         _("The bundle is empty: it has no “entry” list, so there is "
                           "nobody to import."));

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      g_autofree char *where = g_strdup_printf ("entry[%u]", i);
      g_autofree char *resource_where = g_strdup_printf ("entry[%u].resource", i);
      PlFhirEntry *entry;
      JsonObject *item;
      JsonObject *resource;
      const char *type;
      const char *id;
      const char *full_url;

      if (!pl_fhir_get_element (&bundle_entry, entries, i, "entry", &item, error) ||
          !pl_fhir_get_string (&bundle_entry, item, "fullUrl", where, &full_url, error) ||
          !pl_fhir_get_object (&bundle_entry, item, "resource", resource_where, &resource, error))
        return FALSE;
      if (resource == NULL)
        {
          /* A request or response with no resource has nothing to keep */
          pl_fhir_left_out (self, _("Entry %u of the bundle holds no resource."), i + 1);
          continue;
        }
      if (!pl_fhir_get_string (&bundle_entry, resource, "resourceType", resource_where, &type, error))
        return FALSE;
      if (type == NULL)
        return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, &bundle_entry, resource_where,
                             _("this resource does not say what it is: it has no "
                               "“resourceType”."));

      entry = g_new0 (PlFhirEntry, 1);
      entry->resource = resource;
      entry->type = type;
      entry->full_url = full_url;
      g_ptr_array_add (self->entries, entry);

      if (!pl_fhir_get_string (&bundle_entry, resource, "id", resource_where, &id, error))
        return FALSE;
      entry->id = id;
      if (id != NULL)
        {
          g_autofree char *shown = pl_fhir_quote (id);

          /* TRANSLATORS: a resource named by its type and id: Patient “pat-1” */
          entry->name = g_strdup_printf (_("%s “%s”"), type, shown);
          g_hash_table_insert (self->by_reference, g_strdup_printf ("%s/%s", type, id), entry);
        }
      else
        entry->name = ordinal_name (type, i);
      if (full_url != NULL)
        g_hash_table_insert (self->by_reference, g_strdup (full_url), entry);
      if (!index_contained (self, entry, error))
        return FALSE;
    }
  return TRUE;
}

static PlFhirImport *
import_new (void)
{
  PlFhirImport *self = g_new0 (PlFhirImport, 1);

  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->by_reference = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->replaced_by = g_hash_table_new (NULL, NULL);
  self->needs = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_comm_need_free);
  self->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_contact_free);
  self->contact_scopes = g_array_new (FALSE, TRUE, sizeof (guint));
  self->complaints = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_complaint_free);
  self->complaint_events = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->diary_comments = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->diary = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_diary_entry_free);
  self->contact_for = g_hash_table_new (NULL, NULL);
  self->read_lines = g_ptr_array_new_with_free_func (g_free);
  self->left_out_lines = g_ptr_array_new_with_free_func (g_free);
  self->translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_hash_table_unref);
  return self;
}

/* One translation extension: its language and words, when both are there
 * and are what Plainly can keep */
static void
read_translation (PlFhirImport *self,
                  const char   *source,
                  JsonObject   *extension)
{
  JsonNode *parts_node = json_object_get_member (extension, "extension");
  const char *lang = NULL;
  const char *content = NULL;
  GHashTable *table;
  JsonArray *parts;

  if (parts_node == NULL || !JSON_NODE_HOLDS_ARRAY (parts_node))
    return;
  parts = json_node_get_array (parts_node);
  for (guint i = 0; i < json_array_get_length (parts); i++)
    {
      JsonNode *part_node = json_array_get_element (parts, i);
      JsonObject *part;
      const char *url;

      if (!JSON_NODE_HOLDS_OBJECT (part_node))
        continue;
      part = json_node_get_object (part_node);
      url = pl_fhir_string_member (part, "url");
      if (g_strcmp0 (url, "lang") == 0)
        lang = pl_fhir_string_member (part, "valueCode");
      else if (g_strcmp0 (url, "content") == 0)
        content = pl_fhir_string_member (part, "valueString");
    }
  if (lang == NULL || !pl_form_language.is_valid (lang) || pl_text_is_blank (content))
    return;

  table = g_hash_table_lookup (self->translations, lang);
  if (table == NULL)
    {
      table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (self->translations, g_strdup (lang), table);
    }
  g_hash_table_replace (table, g_strdup (source), g_strdup (content));
}

/* FHIR's translation extension on a string ("_valueString" beside
 * "valueString"), kept as the plan's translations */
static void
read_translation_cb (JsonObject *obj,
                     const char *name,
                     JsonNode   *node,
                     gpointer    user_data)
{
  PlFhirImport *self = user_data;
  JsonNode *extensions;
  const char *source;

  if (name[0] != '_' || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  source = pl_fhir_string_member (obj, name + 1);
  extensions = json_object_get_member (json_node_get_object (node), "extension");
  if (pl_text_is_blank (source) || extensions == NULL || !JSON_NODE_HOLDS_ARRAY (extensions))
    return;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (extensions)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (extensions), i);

      if (JSON_NODE_HOLDS_OBJECT (element) &&
          g_strcmp0 (pl_fhir_string_member (json_node_get_object (element), "url"),
                     PL_FHIR_TRANSLATION) == 0)
        read_translation (self, source, json_node_get_object (element));
    }
}

static void
read_all_translations (PlFhirImport *self)
{
  GHashTableIter iter;
  gpointer language, table;

  for (guint i = 0; i < self->entries->len; i++)
    {
      PlFhirEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->resource != NULL)
        pl_fhir_foreach_member (entry->resource, read_translation_cb, self);
    }

  g_hash_table_iter_init (&iter, self->translations);
  while (g_hash_table_iter_next (&iter, &language, &table))
    pl_fhir_read_line (self, g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: a language's code, then how many */
                                          "The plan in %s too: %u text",
                                          "The plan in %s too: %u texts",
                                          g_hash_table_size (table)),
                       (const char *) language, g_hash_table_size (table));
}

PlFhirImport *
pl_fhir_import_read (const char  *json,
                     gsize        len,
                     GError     **error)
{
  g_autoptr(PlFhirImport) self = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *bundle;
  const char *type;

  g_return_val_if_fail (json != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len > PL_FHIR_IMPORT_MAX_BYTES)
    {
      pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_TOO_BIG, NULL, NULL,
                    _("The file is larger than %u MB, far more than one person’s care "
                      "record; Plainly does not read it."),
                    PL_FHIR_IMPORT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (len == 0)
    {
      pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_NOT_JSON, NULL, NULL,
                    _("The file is empty."));
      return NULL;
    }

  /* Checked before parsing: json-glib recurses once a level */
  if (!pl_json_check_depth (json, (gssize) len, PL_JSON_MAX_DEPTH, &local_error))
    {
      pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_TOO_DEEP, NULL, NULL,
                    _("The file is nested more than %u levels deep, far deeper than a "
                      "care record; Plainly does not read it."), PL_JSON_MAX_DEPTH);
      return NULL;
    }

  self = import_new ();
  self->parser = json_parser_new_immutable ();
  if (!pl_json_load (self->parser, json, (gssize) len, &local_error))
    {
      pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_NOT_JSON, NULL, NULL,
                    _("The file is not JSON, the form FHIR bundles are written in: %s"),
                    local_error->message);
      return NULL;
    }

  root = json_parser_get_root (self->parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_NOT_BUNDLE, NULL, NULL,
                    _("The file is JSON but not a FHIR bundle: a bundle is one object "
                      "in braces with “resourceType”: “Bundle”."));
      return NULL;
    }
  bundle = json_node_get_object (root);
  type = pl_fhir_string_member (bundle, "resourceType");
  if (type == NULL || !g_str_equal (type, "Bundle"))
    {
      g_autofree char *shown = type != NULL ? pl_fhir_quote (type) : NULL;

      if (shown != NULL)
        pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_NOT_BUNDLE, NULL, NULL,
                      _("The file holds a FHIR %s, not a Bundle. Plainly imports a bundle "
                        "with the person and their plan."), shown);
      else
        pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_NOT_BUNDLE, NULL, NULL,
                      _("The file is JSON but not a FHIR bundle: it has no "
                        "“resourceType”: “Bundle”."));
      return NULL;
    }

  if (!index_entries (self, bundle, error) || !pl_fhir_import_resources (self, error))
    return NULL;
  read_all_translations (self);

  /* What was read is copied out; the parsed bundle is no longer needed */
  g_clear_pointer (&self->by_reference, g_hash_table_unref);
  g_clear_pointer (&self->replaced_by, g_hash_table_unref);
  g_hash_table_remove_all (self->contact_for);
  self->patient = NULL;
  self->plan_entry = NULL;
  g_ptr_array_set_size (self->entries, 0);
  g_clear_object (&self->parser);
  g_ptr_array_add (self->read_lines, NULL);
  g_ptr_array_add (self->left_out_lines, NULL);
  return g_steal_pointer (&self);
}

PlFhirImport *
pl_fhir_import_read_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[65536];

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  /* Read a piece at a time, so a file too large is never held whole */
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer,
                                      cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (data->len + (gsize) n > PL_FHIR_IMPORT_MAX_BYTES)
        {
          pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_TOO_BIG, NULL, NULL,
                        _("The file is larger than %u MB, far more than one person’s care "
                          "record; Plainly does not read it."),
                        PL_FHIR_IMPORT_MAX_BYTES / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (data, buffer, (guint) n);
    }

  return pl_fhir_import_read ((const char *) data->data, data->len, error);
}

const PlPerson *
pl_fhir_import_get_person (PlFhirImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->person;
}

const PlPlanContent *
pl_fhir_import_get_plan (PlFhirImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->plan;
}

GPtrArray *
pl_fhir_import_get_contacts (PlFhirImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->contacts;
}

GPtrArray *
pl_fhir_import_get_needs (PlFhirImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->needs;
}

const char * const *
pl_fhir_import_get_read (PlFhirImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->read_lines->pdata;
}

const char * const *
pl_fhir_import_get_left_out (PlFhirImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->left_out_lines->pdata;
}
