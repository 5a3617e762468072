/* pl-fuzz-util.c: what the fuzz tests share: a corpus, and inputs changed at random
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-fuzz-util.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
pl_fuzz_load_corpus (const char *dir_path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *corpus = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  /* The same order on every machine, so a seed repeats a run */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, names->pdata[i], NULL);
      char *contents = NULL;
      gsize len = 0;

      g_assert_true (g_file_get_contents (path, &contents, &len, &error));
      g_assert_no_error (error);
      g_ptr_array_add (corpus, g_bytes_new_take (contents, len));
    }
  g_assert_cmpuint (corpus->len, >=, 3);
  return corpus;
}

void
pl_fuzz_mutate (GString            *data,
                GRand              *rand,
                const char * const *tokens,
                guint               n_tokens)
{
  guint n = (guint) g_rand_int_range (rand, 1, 9);

  for (guint i = 0; i < n; i++)
    {
      guint len = (guint) data->len;
      guint at = len > 0 ? (guint) g_rand_int_range (rand, 0, (gint32) len) : 0;
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
            const char *token = tokens[g_rand_int_range (rand, 0, (gint32) n_tokens)];

            g_string_insert_len (data, at, token, (gssize) strlen (token));
          }
          break;
        }
    }
}
