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

static GPtrArray *
load_corpus (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *corpus = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  const char *name;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      char *contents = NULL;
      gsize len = 0;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      g_assert_true (g_file_get_contents (path, &contents, &len, &error));
      g_assert_no_error (error);
      g_ptr_array_add (corpus, g_bytes_new_take (contents, len));
    }
  g_assert_cmpuint (corpus->len, >=, 3);
  return corpus;
}

static void
mutate (GString    *data,
        GRand      *rand)
{
  guint n = (guint) g_rand_int_range (rand, 1, 9);

  for (guint i = 0; i < n; i++)
    {
      guint len = (guint) data->len;
      guint at = len > 0 ? (guint) g_rand_int_range (rand, 0, (gint32) len) : 0;
      /* MIN () evaluates its arguments twice: draw the number once */
      guint some = (guint) g_rand_int_range (rand, 1, 64);

      switch (g_rand_int_range (rand, 0, 6))
        {
        case 0: /* one byte changed */
          if (len > 0)
            data->str[at] = (char) g_rand_int_range (rand, 0, 256);
          break;

        case 1: /* one bit flipped */
          if (len > 0)
            data->str[at] = (char) (data->str[at] ^ (1 << g_rand_int_range (rand, 0, 8)));
          break;

        case 2: /* a piece cut out */
          if (len > 0)
            g_string_erase (data, at, MIN (len - at, some));
          break;

        case 3: /* a piece repeated */
          if (len > 0)
            {
              guint span = MIN (len - at, some);
              g_autofree char *copy = g_memdup2 (data->str + at, span);

              g_string_insert_len (data, at, copy, span);
            }
          break;

        default: /* a token put in */
          {
            const char *token = tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))];

            g_string_insert_len (data, at, token, (gssize) strlen (token));
          }
          break;
        }
    }
}

static void
test_import_mutated (void)
{
  g_autofree char *dir = pl_test_make_dir ("plainly-fuzz");
  g_autoptr(PlStore) store = pl_test_open_store (dir, NULL);
  g_autoptr(GPtrArray) corpus = load_corpus ();
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
      mutate (data, rand);

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
