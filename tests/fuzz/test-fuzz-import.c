/* test-fuzz-import.c: the JSON importer fed mutated inputs, a bounded number of times
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input from tests/fuzz/corpus/ is first imported as it is (it must
 * succeed), then changed at random, a few bytes or tokens at a time, and
 * given to the importer and the other readers of outside JSON. Whatever
 * comes in, each says yes, or no with a message; nothing crashes (the
 * suite runs this under AddressSanitizer and UBSan too), and the database
 * stays sound. The seed is GLib's test seed (--seed R02S… repeats a run);
 * PL_FUZZ_ITERATIONS changes the number of inputs.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "pl-demo.h"
#include "pl-fuzz-util.h"
#include "pl-plan-version.h"
#include "pl-record-json.h"
#include "pl-store.h"
#include "pl-test-util.h"

#define DEFAULT_ITERATIONS 3000

/* Pieces that reach the corners of a JSON reader */
static const char * const tokens[] = {
  "{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "false", "0", "-1",
  "1e999", "-0.0", "9223372036854775807", "9223372036854775808", "\"\\u0000\"",
  "\"\\ud800\"", "\xff", "\xc3", "\xe2\x80\xae", "\x1b[2J", "\"full_name\"",
  "\"external_id\"", "\"person\"", "\"plan\"", "\"diary\"", "\"outcome\"",
  "\"no-such-member\"", "[[[[[[[[", "{\"a\":{\"a\":{\"a\":",
};


static void
test_import_mutated (void)
{
  g_autofree char *dir = pl_test_make_dir ("plainly-fuzz");
  g_autoptr(PlStore) store = pl_test_open_store (dir, NULL);
  g_autofree char *corpus_dir = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", NULL);
  g_autoptr(GPtrArray) corpus = pl_fuzz_load_corpus (corpus_dir);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(PlStoreReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *env = g_getenv ("PL_FUZZ_ITERATIONS");
  guint iterations = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : DEFAULT_ITERATIONS;
  guint accepted = 0;

  /* The corpus itself is good input */
  for (guint i = 0; i < corpus->len; i++)
    {
      gsize len = 0;
      const char *json = g_bytes_get_data (corpus->pdata[i], &len);

      g_assert_true (pl_demo_import_json (store, json, len, NULL, &error));
      g_assert_no_error (error);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < iterations; i++)
    {
      GBytes *seed = corpus->pdata[g_rand_int_range (rand, 0, (gint32) corpus->len)];
      g_autoptr(GString) data = g_string_new (NULL);
      g_autofree char *text = NULL;
      g_autoptr(PlPlanContent) content = NULL;
      g_autoptr(PlPerson) person = pl_person_new ();
      gboolean ok;

      g_string_append_len (data, g_bytes_get_data (seed, NULL), (gssize) g_bytes_get_size (seed));
      pl_fuzz_mutate (data, rand, tokens, G_N_ELEMENTS (tokens));

      ok = pl_demo_import_json (store, data->str, data->len, NULL, &error);
      /* Yes, or no with words: never no without them */
      g_assert_true (ok == (error == NULL));
      if (error != NULL && (!g_utf8_validate (error->message, -1, NULL) || *error->message == '\0'))
        {
          g_autofree char *shown = g_strescape (error->message, NULL);

          g_error ("A message that is not plain text: “%s”", shown);
        }
      accepted += ok;
      g_clear_error (&error);

      /* The same bytes as a saved record and as a saved copy of a plan */
      text = g_strndup (data->str, data->len);
      ok = pl_record_set_from_json (&pl_person_type, person, text, &error);
      g_assert_true (ok == (error == NULL));
      g_clear_error (&error);
      content = pl_plan_content_from_json (text, &error);
      g_assert_true ((content != NULL) == (error == NULL));
      g_clear_error (&error);
    }
  g_test_message ("%u of %u changed inputs were accepted", accepted, iterations);

  report = pl_store_check (store, &error);
  g_assert_no_error (error);
  g_assert_true (report->integrity_ok);
  g_assert_true (report->foreign_keys_ok);

  g_clear_pointer (&store, pl_store_unref);
  pl_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plainly/fuzz/import-mutated", test_import_mutated);

  return g_test_run ();
}
