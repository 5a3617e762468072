/* test-fhir-import-roundtrip.c: exported, then imported into an empty database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The example person is exported with everything (the welcome pack,
 * complaints and the diary too) and imported into an empty database:
 * every kind of document then says the same words, word for word, as the
 * person reads it in each; for both example people, and Krystyna's plan
 * in English as well as in Polish.
 */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "pl-access.h"
#include "pl-demo.h"
#include "pl-document.h"
#include "pl-fhir-export.h"
#include "pl-easyread.h"
#include "pl-fhir-import.h"
#include "pl-plan-translation.h"
#include "pl-store.h"
#include "pl-test-util.h"

static char *
document_text (PlStore        *store,
               gint64          person_id,
               PlDocumentKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlViewer) viewer = pl_access_open_person (store, person_id, NULL, &error);
  g_autoptr(PlDocument) document = NULL;

  g_assert_no_error (error);
  document = pl_document_build_for (store, viewer, kind, &error);
  g_assert_no_error (error);
  return pl_document_to_text (document);
}

/* The plan as easy read shows it, a line each */
static char *
easy_read_text (PlStore *store,
                gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlViewer) viewer = pl_access_open_person (store, person_id, NULL, &error);
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(PlDocument) lines = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_assert_no_error (error);
  document = pl_document_build_for (store, viewer, PL_DOCUMENT_PLAN, &error);
  g_assert_no_error (error);
  items = pl_easy_read_items (document, pl_symbol_index_get_default ());
  lines = pl_easy_read_document (document, items);
  return pl_document_to_text (lines);
}

/* Comments on Dot's latest visit: her own, and her son's */
static void
add_comments (PlStore *store,
              gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = pl_store_recent_diary (store, person_id, 0, &error);
  g_autoptr(GPtrArray) carers = NULL;
  g_autoptr(PlDiaryComment) hers = pl_diary_comment_new ();
  g_autoptr(PlDiaryComment) his = pl_diary_comment_new ();
  const PlDiaryEntry *entry;

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >, 0);
  entry = g_ptr_array_index (entries, 0);
  carers = pl_store_list_carers (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (carers->len, >, 0);

  hers->entry_id = entry->id;
  hers->author = g_strdup ("Dot");
  hers->body = g_strdup ("Bernie made me laugh about the cat.");
  g_assert_true (pl_store_save_diary_comment (store, hers, &error));
  g_assert_no_error (error);
  his->entry_id = entry->id;
  his->carer_id = ((PlCarer *) g_ptr_array_index (carers, 0))->id;
  his->author = g_strdup ("Paul");
  his->body = g_strdup ("Thank you for ringing me after the visit.");
  g_assert_true (pl_store_save_diary_comment (store, his, &error));
  g_assert_no_error (error);
}

/* Who wrote the newest version of the plan in an export, and when, as its
 * Provenance says: "author at recorded" */
static char *
newest_authorship (const char *json,
                   gsize       len)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *entries;
  const char *plan_url = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, (gssize) len, &error));
  g_assert_no_error (error);
  entries = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "entry");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      JsonObject *resource = json_object_get_object_member (entry, "resource");

      if (g_str_equal (json_object_get_string_member (resource, "resourceType"), "CarePlan") &&
          !g_str_equal (json_object_get_string_member (resource, "status"), "revoked"))
        plan_url = json_object_get_string_member (entry, "fullUrl");
    }
  g_assert_nonnull (plan_url);

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *resource = json_object_get_object_member (json_array_get_object_element (entries, i),
                                                            "resource");
      JsonArray *agents;
      JsonObject *target;

      if (!g_str_equal (json_object_get_string_member (resource, "resourceType"), "Provenance"))
        continue;
      target = json_array_get_object_element (json_object_get_array_member (resource, "target"), 0);
      if (!g_str_equal (json_object_get_string_member (target, "reference"), plan_url))
        continue;
      agents = json_object_get_array_member (resource, "agent");
      for (guint j = 0; j < json_array_get_length (agents); j++)
        {
          JsonObject *agent = json_array_get_object_element (agents, j);
          JsonObject *coding = json_array_get_object_element (
            json_object_get_array_member (json_object_get_object_member (agent, "type"), "coding"), 0);
          JsonObject *who = json_object_get_object_member (agent, "who");

          if (g_str_equal (json_object_get_string_member (coding, "code"), "author"))
            return g_strdup_printf ("%s at %s",
                                    json_object_get_string_member_with_default (who, "display",
                                                                                "(a reference)"),
                                    json_object_get_string_member (resource, "recorded"));
        }
    }
  g_assert_not_reached ();
  return NULL;
}

/* person_id exported from from and imported into to: the id it has there */
static gint64
round_trip (PlStore *from,
            PlStore *to,
            gint64   person_id)
{
  g_autoptr(PlViewer) viewer = NULL;
  g_autoptr(PlFhirImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gsize len = 0;
  gint64 imported_id = 0;

  viewer = pl_access_open_person (from, person_id, NULL, &error);
  g_assert_no_error (error);
  json = pl_fhir_export_to_data (from, viewer, PL_FHIR_EXTRAS_ALL, &len, &error);
  g_assert_no_error (error);

  import = pl_fhir_import_read (json, len, &error);
  g_assert_no_error (error);
  /* Plainly's own bundle: nothing of it is left out */
  for (const char * const *line = pl_fhir_import_get_left_out (import); *line != NULL; line++)
    g_test_message ("left out: %s", *line);
  g_assert_null (pl_fhir_import_get_left_out (import)[0]);
  g_assert_true (pl_fhir_import_save (import, to, NULL, &imported_id, NULL, &error));
  g_assert_no_error (error);

  /* Exported again from there, the plan was still written by whoever wrote
   * it here, when they did: not by whoever imported it */
  {
    g_autoptr(PlViewer) there = pl_access_open_person (to, imported_id, NULL, &error);
    g_autofree char *again = NULL;
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;
    gsize again_len = 0;

    g_assert_no_error (error);
    again = pl_fhir_export_to_data (to, there, PL_FHIR_EXTRAS_ALL, &again_len, &error);
    g_assert_no_error (error);
    first = newest_authorship (json, len);
    second = newest_authorship (again, again_len);
    g_test_message ("written by %s", first);
    g_assert_cmpstr (second, ==, first);
  }

  for (int kind = 0; kind < PL_N_DOCUMENT_KINDS; kind++)
    {
      g_autofree char *before = document_text (from, person_id, (PlDocumentKind) kind);
      g_autofree char *after = document_text (to, imported_id, (PlDocumentKind) kind);

      g_test_message ("%s: %zu characters", pl_document_kind_to_nick ((PlDocumentKind) kind),
                      strlen (before));
      g_assert_cmpstr (after, ==, before);
    }
  return imported_id;
}

/* The plan in English too travels with it (FHIR's translation extension):
 * read in English, the same words after as before */
static void
assert_same_translation (PlStore    *from,
                         gint64      from_id,
                         PlStore    *to,
                         gint64      to_id,
                         const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) before = pl_plan_translation_table (from, from_id, language, &error);
  g_autoptr(GHashTable) after = pl_plan_translation_table (to, to_id, language, &error);
  g_autoptr(PlDocument) read_before = NULL;
  g_autoptr(PlDocument) read_after = NULL;
  g_autofree char *text_before = NULL;
  g_autofree char *text_after = NULL;
  GHashTableIter iter;
  gpointer source, translation;

  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (before), >, 0);
  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &source, &translation))
    g_assert_cmpstr (g_hash_table_lookup (after, source), ==, translation);

  read_before = pl_document_build_plan_in (from, from_id, PL_SCOPES_ALL, language, &error);
  g_assert_no_error (error);
  read_after = pl_document_build_plan_in (to, to_id, PL_SCOPES_ALL, language, &error);
  g_assert_no_error (error);
  text_before = pl_document_to_text (read_before);
  text_after = pl_document_to_text (read_after);
  g_assert_cmpstr (text_after, ==, text_before);
}

static void
test_example_people (void)
{
  g_autofree char *from_dir = pl_test_make_dir ("plainly-fhir-from");
  g_autofree char *to_dir = pl_test_make_dir ("plainly-fhir-to");
  g_autoptr(PlStore) from = pl_test_open_store (from_dir, NULL);
  g_autoptr(PlStore) to = pl_test_open_store (to_dir, NULL);
  g_autoptr(PlPerson) krystyna = NULL;
  g_autoptr(PlPerson) jordan = NULL;
  g_autoptr(GError) error = NULL;
  gint64 person_id = 0;
  gint64 imported_id;

  g_assert_true (pl_demo_install (from, &person_id, &error));
  g_assert_no_error (error);
  add_comments (from, person_id);
  imported_id = round_trip (from, to, person_id);
  /* Dot's own comment is still hers, and her son's still his */
  {
    g_autofree char *diary = document_text (to, imported_id, PL_DOCUMENT_DIARY);

    g_assert_nonnull (strstr (diary, "Your comment"));
    g_assert_nonnull (strstr (diary, "Comment from Paul"));
  }

  /* Krystyna, whose plan is in Polish and kept in English too */
  krystyna = pl_store_find_person_by_external_id (from, "DEMO-0002", &error);
  g_assert_no_error (error);
  imported_id = round_trip (from, to, krystyna->id);
  assert_same_translation (from, krystyna->id, to, imported_id, "en");

  /* Jordan, who reads in easy read: the parts written in easy read with
   * him travel too, and stand for the same words */
  jordan = pl_store_find_person_by_external_id (from, "DEMO-0003", &error);
  g_assert_no_error (error);
  imported_id = round_trip (from, to, jordan->id);
  {
    g_autofree char *before = easy_read_text (from, jordan->id);
    g_autofree char *after = easy_read_text (to, imported_id);

    g_assert_nonnull (strstr (before, "I want to live in my own flat."));
    g_assert_cmpstr (after, ==, before);
  }

  g_clear_pointer (&from, pl_store_unref);
  g_clear_pointer (&to, pl_store_unref);
  pl_test_remove_dir (from_dir);
  pl_test_remove_dir (to_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plainly/fhir-import/round-trip", test_example_people);

  return g_test_run ();
}
