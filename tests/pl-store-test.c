/* pl-store-test.c: a database file of the test's own, and ways to look
 * inside one, for the store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "pl-store-test.h"
#include "pl-test-util.h"

void
pl_store_fixture_setup (PlStoreFixture *f,
                        gconstpointer   data)
{
  f->dir = pl_test_make_dir ("plainly-store");
  f->path = g_build_filename (f->dir, "plainly.db", NULL);
}

void
pl_store_fixture_teardown (PlStoreFixture *f,
                           gconstpointer   data)
{
  pl_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

PlStore *
pl_store_test_open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  PlStore *store = pl_store_open (path, PL_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

gint64
pl_store_test_add_person (PlStore    *store,
                          const char *full_name,
                          const char *preferred)
{
  g_autoptr(PlPerson) person = pl_person_new ();
  g_autoptr(GError) error = NULL;

  person->full_name = g_strdup (full_name);
  person->preferred_name = g_strdup (preferred);
  g_assert_true (pl_store_save_person (store, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (person->id, >, 0);
  return person->id;
}

char *
pl_store_test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

int
pl_store_test_sqlite_pragma_int (const char *path,
                                 const char *pragma)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  int value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

gboolean
pl_store_test_notices_mention (PlStore    *store,
                               const char *words)
{
  for (const char * const *notice = pl_store_get_notices (store); *notice != NULL; notice++)
    if (strstr (*notice, words) != NULL)
      return TRUE;
  return FALSE;
}
