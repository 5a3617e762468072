/* test-store-migrate.c: bringing older files up to date, and the backups
 * kept first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pl-core-resources.h"
#include "pl-store-private.h"
#include "pl-store-test.h"

static void
test_backup (PlStoreFixture *f,
             gconstpointer   data)
{
  g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
  g_autoptr(PlStore) copy = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = g_build_filename (f->dir, "backup.db", NULL);
  struct stat st;

  pl_store_test_add_person (store, "Backed Up", NULL);
  g_assert_true (pl_store_backup (store, dest, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dest, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Never over an existing file */
  g_assert_false (pl_store_backup (store, dest, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED);

  copy = pl_store_test_open_ok (dest);
  people = pl_store_list_people (copy, 0, NULL);
  g_assert_cmpuint (people->len, ==, 1);
}

/* A file made by the first version gains the reading aids and carers, and
 * keeps what it held */
static void
make_version_1_file (const char *path)
{
  g_autoptr(GBytes) schema = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  schema = g_resource_lookup_data (pl_core_get_resource (),
                                   "/org/plainly/Plainly/core/schema/001-initial.sql", 0, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("%.*s;\n"
                         "INSERT INTO people (full_name, created_at, updated_at) "
                         "VALUES ('Ada Jones', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');\n"
                         "INSERT INTO settings (person_id, text_size, theme, line_spacing, "
                         "paragraph_spacing, letter_spacing, speech_rate, speech_pitch, "
                         "speech_volume, pause_ms, read_aloud, talking_buttons, lock_minutes) "
                         "VALUES (1, 32, 'cream', 2.0, 2.0, 0.0, 140, 50, 80, 400, 1, 0, 5);\n"
                         "PRAGMA application_id = %d; PRAGMA user_version = 1;",
                         (int) g_bytes_get_size (schema),
                         (const char *) g_bytes_get_data (schema, NULL), 0x506c6e79);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
}

static void
test_migrate_from_version_1 (PlStoreFixture *f,
                             gconstpointer   data)
{
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlSettings) settings = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  make_version_1_file (f->path);
  store = pl_store_test_open_ok (f->path);
  g_assert_cmpint (pl_store_get_schema_version (store), ==, PL_STORE_SCHEMA_VERSION);

  people = pl_store_list_people (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);

  settings = pl_store_get_settings (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (settings->text_size, ==, 32);
  g_assert_cmpstr (settings->theme, ==, "cream");
  g_assert_cmpint (settings->lock_minutes, ==, 5);
  g_assert_cmpint (settings->line_focus, ==, 0);
  g_assert_false (settings->reading_ruler);

  settings->line_focus = 3;
  settings->reading_ruler = TRUE;
  g_assert_true (pl_store_save_settings (store, settings, &error));
  g_assert_no_error (error);
  g_clear_pointer (&settings, pl_settings_free);
  settings = pl_store_get_settings (store, 1, &error);
  g_assert_cmpint (settings->line_focus, ==, 3);
  g_assert_true (settings->reading_ruler);
}

/* A file of version 6, before the pronunciation list, gains it and keeps
 * the people it held */
static void
test_migrate_from_version_6 (PlStoreFixture *f,
                             gconstpointer   data)
{
  static const char * const schemas[] = {
    "001-initial.sql", "002-reading-aids-and-carers.sql", "003-need-rules.sql",
    "004-drafts-and-plan-views.sql", "005-together-comments-responses.sql",
    "006-wrong-tries.sql",
  };
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlPronunciation) entry = pl_pronunciation_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (schemas); i++)
    {
      g_autofree char *path = g_strconcat ("/org/plainly/Plainly/core/schema/", schemas[i], NULL);
      g_autoptr(GBytes) schema = g_resource_lookup_data (pl_core_get_resource (), path, 0, &error);

      g_assert_no_error (error);
      g_string_append_len (sql, g_bytes_get_data (schema, NULL), (gssize) g_bytes_get_size (schema));
      g_string_append (sql, ";\n");
    }
  g_string_append_printf (sql,
                          "INSERT INTO people (full_name, created_at, updated_at) "
                          "VALUES ('Ada Whitaker', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');\n"
                          "PRAGMA application_id = %d; PRAGMA user_version = 6;", 0x506c6e79);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql->str, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (g_chmod (f->path, 0600), ==, 0);

  store = pl_store_test_open_ok (f->path);
  g_assert_cmpint (pl_store_get_schema_version (store), ==, PL_STORE_SCHEMA_VERSION);
  list = pl_store_list_people (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  entry->person_id = 1;
  entry->written = g_strdup ("Whitaker");
  entry->said = g_strdup ("Whit-acker");
  entry->language = g_strdup ("en-GB");
  g_assert_true (pl_store_save_pronunciation (store, entry, &error));
  g_assert_no_error (error);
  list = pl_store_list_pronunciations (store, 1, &error);
  g_assert_cmpuint (list->len, ==, 1);
}

/* Updating an older file keeps it first, whole, beside it, and says so */
static void
test_migrate_makes_backup (PlStoreFixture *f,
                           gconstpointer   data)
{
  g_autofree char *backup = g_build_filename (f->dir, "plainly-version-1-backup.db", NULL);
  g_autofree char *second = g_build_filename (f->dir, "plainly-version-1-backup-2.db", NULL);
  g_autoptr(GPtrArray) people = NULL;
  const char * const *notices;
  GStatBuf st;

  make_version_1_file (f->path);

  {
    g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);

    notices = pl_store_get_notices (store);
    g_assert_nonnull (notices[0]);
    g_assert_nonnull (strstr (notices[0], "older version"));
    g_assert_nonnull (strstr (notices[0], "plainly-version-1-backup.db"));
    g_assert_null (notices[1]);
    g_assert_false (pl_store_is_read_only (store));
  }

  /* The copy is the file as it was: version 1, its person, private */
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (pl_store_test_sqlite_pragma_int (backup, "user_version"), ==, 1);
  g_assert_cmpint (pl_store_test_sqlite_pragma_int (f->path, "user_version"), ==, PL_STORE_SCHEMA_VERSION);

  {
    /* Once updated, opening again neither backs up nor says anything */
    g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);

    g_assert_null (pl_store_get_notices (store)[0]);
    people = pl_store_list_people (store, 0, NULL);
    g_assert_cmpuint (people->len, ==, 1);
  }
  g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));

  /* A second older file beside it never replaces the first copy */
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  make_version_1_file (f->path);
  {
    g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);

    g_assert_nonnull (strstr (pl_store_get_notices (store)[0], "plainly-version-1-backup-2.db"));
  }
  g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));
  g_assert_cmpint (pl_store_test_sqlite_pragma_int (backup, "user_version"), ==, 1);
}

/* Reading an older file (list, check) leaves it exactly as it was */
static void
test_read_only_older_not_updated (PlStoreFixture *f,
                                  gconstpointer   data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlStore) as_is = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(PlStoreReport) report = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  make_version_1_file (f->path);
  before = pl_store_test_file_checksum (f->path);

  store = pl_store_open (f->path, PL_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (pl_store_is_read_only (store));
  g_assert_nonnull (strstr (pl_store_get_notices (store)[0], "older version"));
  /* Read as this version reads it */
  people = pl_store_list_people (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (((PlPerson *) people->pdata[0])->full_name, ==, "Ada Jones");
  /* and nothing can be saved */
  {
    g_autoptr(PlPerson) person = pl_person_new ();

    person->full_name = g_strdup ("Not Saved");
    g_assert_false (pl_store_save_person (store, person, &error));
    g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
  }

  as_is = pl_store_open (f->path, PL_STORE_OPEN_READ_ONLY | PL_STORE_OPEN_AS_IS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_store_get_schema_version (as_is), ==, 1);
  report = pl_store_check (as_is, &error);
  g_assert_no_error (error);
  g_assert_true (report->integrity_ok);
  g_assert_cmpint (report->schema_version, ==, 1);
  g_assert_cmpuint (report->table_names->len, >, 0);

  g_clear_pointer (&store, pl_store_unref);
  g_clear_pointer (&as_is, pl_store_unref);
  after = pl_store_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (pl_store_test_sqlite_pragma_int (f->path, "user_version"), ==, 1);

  /* No backup was needed, so none was made */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  PL_STORE_TEST_ADD ("/plainly/store/backup", test_backup);
  PL_STORE_TEST_ADD ("/plainly/store/migrate-from-version-1", test_migrate_from_version_1);
  PL_STORE_TEST_ADD ("/plainly/store/migrate-from-version-6", test_migrate_from_version_6);
  PL_STORE_TEST_ADD ("/plainly/store/migrate-makes-backup", test_migrate_makes_backup);
  PL_STORE_TEST_ADD ("/plainly/store/read-only-older-not-updated", test_read_only_older_not_updated);

  return g_test_run ();
}
