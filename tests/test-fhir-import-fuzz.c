/* test-fhir-import-fuzz.c: the FHIR importer fed mutated bundles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each bundle in tests/data/fhir/ is changed at random, a few bytes or
 * tokens at a time, read, and saved when it reads. Whatever comes in, the
 * importer says yes, or no with a message in UTF-8; a refusal at reading
 * or at saving leaves the database as it was (every table's row count),
 * nothing crashes (the suite runs this under AddressSanitizer and UBSan
 * too), and the database stays sound. The seed is fixed, so every run
 * tries the same bundles; PL_FUZZ_SEED tries others, PL_FUZZ_ITERATIONS
 * changes the number.
 */

#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pl-fhir-import.h"
#include "pl-store.h"
#include "pl-fuzz-util.h"
#include "pl-test-util.h"

#define DEFAULT_ITERATIONS 3000
#define DEFAULT_SEED 20261202

/* Pieces that reach the corners of a JSON reader and of a bundle's shape */
static const char * const tokens[] = {
  "{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "false", "0", "-1",
  "1e999", "-0.0", "9223372036854775807", "\"\\u0000\"", "\"\\ud800\"", "\xff", "\xc3",
  "\xe2\x80\xae", "\"resourceType\"", "\"Patient\"", "\"CarePlan\"", "\"Goal\"",
  "\"reference\"", "\"Patient/nobody\"", "\"2026-02-30\"", "\"25:00:00\"", "\"birthDate\"",
  "\"entry\"", "\"resource\"", "\"extension\"", "\"url\"", "\"9434765918\"",
  "[[[[[[[[", "{\"a\":{\"a\":{\"a\":", "\"فاطمہ\"",
};


/* Values a member is given in place of its own */
static JsonNode *
random_value (GRand *rand)
{
  static const char * const strings[] = {
    "", " ", "Patient/nobody", "urn:uuid:0", "2026-02-30", "1941", "1941-06",
    "2026-11-23T25:00:00Z", "08:30:00", "99:99", "mon", "xyz", "9434765919", "9434765918",
    "active", "draft", "revoked", "فاطمہ", "\xe2\x80\xae", "<div>&amp;</div>", "https://x/y",
  };
  JsonNode *node = json_node_alloc ();

  switch (g_rand_int_range (rand, 0, 7))
    {
    case 0:
      return json_node_init_null (node);
    case 1:
      return json_node_init_int (node, g_rand_int_range (rand, -2, 100000));
    case 2:
      return json_node_init_double (node, g_rand_double_range (rand, -1e6, 1e6));
    case 3:
      return json_node_init_boolean (node, g_rand_boolean (rand));
    case 4:
      return json_node_init_object (node, json_object_new ());
    case 5:
      return json_node_init_array (node, json_array_new ());
    default:
      return json_node_init_string (node, strings[g_rand_int_range (rand, 0, G_N_ELEMENTS (strings))]);
    }
}

static void
collect_objects (JsonNode  *node,
                 GPtrArray *objects)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *obj = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (obj);

      g_ptr_array_add (objects, obj);
      for (GList *l = members; l != NULL; l = l->next)
        collect_objects (json_object_get_member (obj, l->data), objects);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_objects (json_array_get_element (array, i), objects);
    }
}

/* The bundle as FHIR, with members given other values or taken away: the
 * mutations that get past the JSON reader to the resources */
static void
mutate_members (GString *data,
                GRand   *rand)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) objects = g_ptr_array_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  guint n = (guint) g_rand_int_range (rand, 1, 4);

  g_assert_true (json_parser_load_from_data (parser, data->str, (gssize) data->len, NULL));
  collect_objects (json_parser_get_root (parser), objects);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *obj = objects->pdata[g_rand_int_range (rand, 0, (gint32) objects->len)];
      g_autoptr(GList) members = json_object_get_members (obj);
      const char *member;

      if (members == NULL)
        continue;
      member = g_list_nth_data (members, (guint) g_rand_int_range (rand, 0, (gint32) g_list_length (members)));
      if (g_rand_int_range (rand, 0, 4) == 0)
        json_object_remove_member (obj, member);
      else
        json_object_set_member (obj, member, random_value (rand));
      /* A removed member's objects are gone: pick from the root again */
      g_ptr_array_set_size (objects, 0);
      collect_objects (json_parser_get_root (parser), objects);
    }
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  g_string_assign (data, text);
}

static char *
row_counts (PlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStoreReport) report = pl_store_check (store, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_true (report->integrity_ok);
  g_assert_true (report->foreign_keys_ok);
  for (guint i = 0; i < report->table_names->len; i++)
    g_string_append_printf (out, "%s=%" G_GINT64_FORMAT ";",
                            (const char *) g_ptr_array_index (report->table_names, i),
                            g_array_index (report->row_counts, gint64, i));
  return g_string_free (out, FALSE);
}

static void
test_import_mutated (void)
{
  g_autofree char *dir = pl_test_make_dir ("plainly-fhir-fuzz");
  g_autoptr(PlStore) store = pl_test_open_store (dir, NULL);
  g_autofree char *corpus_dir = g_test_build_filename (G_TEST_DIST, "data", "fhir", NULL);
  g_autoptr(GPtrArray) corpus = pl_fuzz_load_corpus (corpus_dir);
  const char *seed_env = g_getenv ("PL_FUZZ_SEED");
  guint32 seed_value = seed_env != NULL ? (guint32) g_ascii_strtoull (seed_env, NULL, 10) : DEFAULT_SEED;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed_value);
  const char *env = g_getenv ("PL_FUZZ_ITERATIONS");
  guint iterations = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : DEFAULT_ITERATIONS;
  guint read = 0;
  guint saved = 0;

  /* The corpus itself reads */
  for (guint i = 0; i < corpus->len; i++)
    {
      gsize len = 0;
      const char *json = g_bytes_get_data (corpus->pdata[i], &len);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlFhirImport) import = pl_fhir_import_read (json, len, &error);

      g_assert_no_error (error);
      g_assert_nonnull (import);
    }

  for (guint i = 0; i < iterations; i++)
    {
      GBytes *seed = corpus->pdata[g_rand_int_range (rand, 0, (gint32) corpus->len)];
      g_autoptr(GString) data = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlFhirImport) import = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *description = NULL;
      gint64 person_id = 0;

      g_string_append_len (data, g_bytes_get_data (seed, NULL), (gssize) g_bytes_get_size (seed));
      /* Half get past the JSON reader to the resources */
      if (g_rand_boolean (rand))
        mutate_members (data, rand);
      else
        pl_fuzz_mutate (data, rand, tokens, G_N_ELEMENTS (tokens));

      import = pl_fhir_import_read (data->str, data->len, &error);
      if (import == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == PL_FHIR_IMPORT_ERROR);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          continue;
        }
      g_assert_no_error (error);
      read++;

      /* What staff would be shown is whole text */
      for (const char * const *l = pl_fhir_import_get_read (import); *l != NULL; l++)
        g_assert_true (g_utf8_validate (*l, -1, NULL));
      for (const char * const *l = pl_fhir_import_get_left_out (import); *l != NULL; l++)
        g_assert_true (g_utf8_validate (*l, -1, NULL));
      description = pl_fhir_import_describe (import, store, &error);
      g_assert_true ((description != NULL) == (error == NULL));
      g_clear_error (&error);

      /* Saved whole, or not at all */
      before = row_counts (store);
      if (pl_fhir_import_save (import, store, NULL, &person_id, NULL, &error))
        {
          g_assert_no_error (error);
          g_assert_cmpint (person_id, >, 0);
          saved++;
          continue;
        }
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      after = row_counts (store);
      g_assert_cmpstr (before, ==, after);
    }

  g_test_message ("%u mutated bundles from seed %u: %u read, %u saved",
                  iterations, seed_value, read, saved);
  g_clear_pointer (&store, pl_store_unref);
  pl_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plainly/fhir-import/fuzz", test_import_mutated);

  return g_test_run ();
}
