/* pl-fhir-import-extras.c: what is exported on request, read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The welcome pack and complaints, each a Basic coded by what it is, and
 * the care diary, an Encounter a visit with the comments on it as its
 * extensions: read through the same maps export writes with.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include "pl-i18n.h"

#include "pl-fhir-import-private.h"
#include "pl-fhir-map.h"
/* Basic: the welcome pack or a complaint, with its updates */
gboolean
pl_fhir_read_basic (PlFhirImport  *self,
                    PlFhirEntry   *entry,
                    GError       **error)
{
  const PlFhirRecordMap *pack_map = pl_fhir_map_for_type (&pl_welcome_pack_type);
  const PlFhirRecordMap *complaint_map = pl_fhir_map_for_type (&pl_complaint_type);
  const PlFhirRecordMap *event_map = pl_fhir_map_for_type (&pl_complaint_event_type);
  const char *kind = NULL;
  JsonNode *node = pl_fhir_path_get (entry->resource,
                                     "code.coding[system=" PL_FHIR_LOCAL_CODES "record-kind].code");
  gboolean about;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    kind = json_node_get_string (node);

  if (g_strcmp0 (kind, "welcome-pack") == 0)
    {
      g_autoptr(PlWelcomePack) pack = pl_welcome_pack_new ();

      if (self->welcome_pack != NULL)
        return TRUE;
      if (!pl_fhir_read_record (self, pack_map, entry, entry->resource, pack, NULL, error))
        return FALSE;
      if (pl_text_is_blank (pack->title))
        return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, "extension",
                             _("the welcome pack has no title."));
      self->welcome_pack = g_steal_pointer (&pack);
      entry->read = TRUE;
      pl_fhir_note_left_out (self, entry, pack_map, entry->resource, NULL);
      pl_fhir_read_line (self, _("The welcome pack: %s."), self->welcome_pack->title);
      return TRUE;
    }

  if (g_strcmp0 (kind, "complaint") == 0)
    {
      g_autoptr(PlComplaint) complaint = pl_complaint_new ();
      g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_complaint_event_free);
      const char *event_url = PL_FHIR_EXTENSION ("complaints", "event");
      JsonArray *extensions;

      if (!pl_fhir_is_about_patient (self, entry, complaint_map->patient_path, &about, error))
        return FALSE;
      if (!about)
        return TRUE;
      if (!pl_fhir_read_record (self, complaint_map, entry, entry->resource, complaint, NULL, error) ||
          !pl_fhir_get_array (entry, entry->resource, "extension", "extension", &extensions, error))
        return FALSE;
      for (guint i = 0; extensions != NULL && i < json_array_get_length (extensions); i++)
        {
          g_autoptr(PlComplaintEvent) event = NULL;
          JsonObject *extension;
          const char *url;

          if (!pl_fhir_get_element (entry, extensions, i, "extension", &extension, error) ||
              !pl_fhir_get_string (entry, extension, "url", "extension.url", &url, error))
            return FALSE;
          if (g_strcmp0 (url, event_url) != 0)
            continue;
          event = pl_complaint_event_new ();
          if (!pl_fhir_read_record (self, event_map, entry, extension, event, NULL, error))
            return FALSE;
          if (event->at == NULL)
            return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, "extension.at",
                                 _("an update to the complaint has no date."));
          g_ptr_array_add (events, g_steal_pointer (&event));
        }
      g_ptr_array_add (self->complaints, g_steal_pointer (&complaint));
      g_ptr_array_add (self->complaint_events, g_steal_pointer (&events));
      entry->read = TRUE;
      {
        static const char * const more[] = { "identifier", NULL };

        pl_fhir_note_left_out (self, entry, complaint_map, entry->resource, more);
      }
      return TRUE;
    }
  return TRUE;
}

gboolean
pl_fhir_read_encounter (PlFhirImport  *self,
                        PlFhirEntry   *entry,
                        GError       **error)
{
  const PlFhirRecordMap *map = pl_fhir_map_for_type (&pl_diary_entry_type);
  const PlFhirRecordMap *comment_map = pl_fhir_map_for_type (&pl_diary_comment_type);
  const char *comment_url = PL_FHIR_EXTENSION ("diary_entries", "comment");
  g_autoptr(PlDiaryEntry) diary = pl_diary_entry_new ();
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_diary_comment_free);
  JsonArray *extensions;
  gboolean about;

  if (!pl_fhir_is_about_patient (self, entry, map->patient_path, &about, error))
    return FALSE;
  if (!about)
    return TRUE;
  if (!pl_fhir_read_record (self, map, entry, entry->resource, diary, NULL, error))
    return FALSE;
  if (diary->visit_date == NULL)
    {
      pl_fhir_left_out (self, _("%s: a visit with no date, which the diary cannot show."),
                        entry->name);
      entry->read = TRUE;
      return TRUE;
    }

  /* Comments on the visit, in the person's or a carer's own words */
  if (!pl_fhir_get_array (entry, entry->resource, "extension", "extension", &extensions, error))
    return FALSE;
  for (guint i = 0; extensions != NULL && i < json_array_get_length (extensions); i++)
    {
      g_autoptr(PlDiaryComment) comment = NULL;
      JsonObject *extension;
      const char *url;

      if (!pl_fhir_get_element (entry, extensions, i, "extension", &extension, error) ||
          !pl_fhir_get_string (entry, extension, "url", "extension.url", &url, error))
        return FALSE;
      if (g_strcmp0 (url, comment_url) != 0)
        continue;
      comment = pl_diary_comment_new ();
      if (!pl_fhir_read_record (self, comment_map, entry, extension, comment, NULL, error))
        return FALSE;
      if (pl_text_is_blank (comment->body))
        continue;
      if (pl_text_is_blank (comment->author))
        return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, "extension.author",
                             _("a comment on the visit does not say who wrote it."));
      g_ptr_array_add (comments, g_steal_pointer (&comment));
    }

  g_ptr_array_add (self->diary, g_steal_pointer (&diary));
  g_ptr_array_add (self->diary_comments, g_steal_pointer (&comments));
  entry->read = TRUE;
  pl_fhir_note_left_out (self, entry, map, entry->resource, NULL);
  return TRUE;
}
