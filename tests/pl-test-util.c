/* pl-test-util.c: what every test needs, kept in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gstdio.h>

#include "pl-test-util.h"

char *
pl_test_make_dir (const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpl = g_strconcat (prefix, "-XXXXXX", NULL);
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

void
pl_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (dir == NULL)
    return;

  g_chmod (dir, 0700);
  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        pl_test_remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (dir);
}

PlStore *
pl_test_open_store (const char  *dir,
                    char       **out_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "plainly.db", NULL);
  PlStore *store = pl_store_open (path, PL_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return store;
}

double
pl_test_rms (GArray *samples)
{
  double sum = 0;

  for (guint i = 0; i < samples->len; i++)
    {
      double x = g_array_index (samples, gint16, i) / 32768.0;

      sum += x * x;
    }
  return samples->len > 0 ? sqrt (sum / samples->len) : 0;
}

gboolean
pl_test_make_catalog (const char *dir,
                      const char *language,
                      const char *po)
{
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  g_autofree char *po_name = g_strconcat (language, ".po", NULL);
  g_autofree char *po_path = g_build_filename (dir, po_name, NULL);
  g_autofree char *mo_dir = g_build_filename (dir, language, "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (mo_dir, GETTEXT_PACKAGE ".mo", NULL);
  const char *argv[] = { "msgfmt", "--check", "-o", mo, po_path, NULL };
  int status = 0;

  if (msgfmt == NULL)
    return FALSE;
  g_assert_cmpint (g_mkdir_with_parents (mo_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (po_path, po, -1, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, NULL));
  return g_spawn_check_wait_status (status, NULL);
}
