/* test-store-open.c: opening a database, and refusing files that are not one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pl-actor.h"
#include "pl-store-private.h"
#include "pl-store-test.h"

static void
test_create (PlStoreFixture *f,
             gconstpointer   data)
{
  g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
  struct stat st;

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  /* Care records: readable by the owner only */
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (pl_store_get_schema_version (store), ==, PL_STORE_SCHEMA_VERSION);

  g_clear_pointer (&store, pl_store_unref);
  g_assert_cmpint (pl_store_test_sqlite_pragma_int (f->path, "user_version"), ==, PL_STORE_SCHEMA_VERSION);
  g_assert_cmpint (pl_store_test_sqlite_pragma_int (f->path, "application_id"), ==, 0x506c6e79);

  /* Opening again neither migrates nor changes the version */
  store = pl_store_test_open_ok (f->path);
  g_assert_cmpint (pl_store_get_schema_version (store), ==, PL_STORE_SCHEMA_VERSION);
}

static void
test_wal_and_foreign_keys (PlStoreFixture *f,
                           gconstpointer   data)
{
  g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
  g_autoptr(PlVisit) visit = pl_visit_new ();
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* A visit for a plan that does not exist breaks a foreign key */
  visit->plan_id = 9999;
  visit->start_time = g_strdup ("08:00");
  visit->duration = 45;
  visit->weekday = 1;
  g_assert_false (pl_store_save_visit (store, visit, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_cmpint (visit->id, ==, 0);

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);

  /* Every table but the full-text index and SQLite's own is STRICT */
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                       "AND name NOT LIKE 'diary_fts%' AND name NOT LIKE 'sqlite_%' "
                                       "AND sql NOT LIKE '%STRICT'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
assert_refused (const char   *path,
                PlStoreError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (path, PL_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, PL_STORE_ERROR, (int) code);
  /* A sentence a person can read, not an SQLite code */
  g_assert_cmpuint (strlen (error->message), >, 20);
  g_assert_null (strstr (error->message, "SQLITE_"));
}

static void
refused_read_only (const char *path)
{
  assert_refused (path, PL_STORE_ERROR_READ_ONLY);
}

/* Runs check (path) in a child as nobody, with dir open to others:
 * permissions do not bind root, so a test run as root asks as nobody */
static void
as_nobody (const char *dir,
           const char *path,
           void      (*check) (const char *path))
{
  pid_t pid;
  int status = 0;

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (setgid (65534) != 0 || setuid (65534) != 0)
        _exit (3);
      check (path);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static void
test_open_not_database (PlStoreFixture *f,
                        gconstpointer   data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (f->path, "Dear Sam,\nThis is my shopping list.\n", -1, NULL));
  before = pl_store_test_file_checksum (f->path);
  assert_refused (f->path, PL_STORE_ERROR_NOT_DATABASE);
  after = pl_store_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_open_not_ours (PlStoreFixture *f,
                    gconstpointer   data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('cake');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  before = pl_store_test_file_checksum (f->path);
  assert_refused (f->path, PL_STORE_ERROR_NOT_OURS);
  after = pl_store_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_open_corrupt (PlStoreFixture *f,
                   gconstpointer   data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  {
    g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
    pl_store_test_add_person (store, "Someone", NULL);
  }

  /* Scribble over the schema on page one, past the 100-byte header */
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 4096);
  for (gsize i = 100; i < 4096; i++)
    contents[i] = (char) (i * 7);
  g_assert_true (g_file_set_contents (f->path, contents, len, NULL));

  before = pl_store_test_file_checksum (f->path);
  assert_refused (f->path, PL_STORE_ERROR_CORRUPT);
  after = pl_store_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_open_too_new (PlStoreFixture *f,
                   gconstpointer   data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;

  {
    g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
  }

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  before = pl_store_test_file_checksum (f->path);
  assert_refused (f->path, PL_STORE_ERROR_TOO_NEW);
  after = pl_store_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (pl_store_test_sqlite_pragma_int (f->path, "user_version"), ==, 999);
}

static void
test_open_read_only (PlStoreFixture *f,
                     gconstpointer   data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  {
    g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
    pl_store_test_add_person (store, "Someone", NULL);
  }

  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  before = pl_store_test_file_checksum (f->path);

  if (geteuid () == 0)
    as_nobody (f->dir, f->path, refused_read_only);
  else
    refused_read_only (f->path);

  after = pl_store_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_open_missing_directory (PlStoreFixture *f,
                             gconstpointer   data)
{
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "plainly.db", NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  assert_refused (path, PL_STORE_ERROR_NO_DIRECTORY);
  g_assert_false (g_file_test (parent, G_FILE_TEST_EXISTS));
}

static void
test_open_missing_no_create (PlStoreFixture *f,
                             gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (f->path, PL_STORE_OPEN_NO_CREATE, &error);

  g_assert_null (store);
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_disk_full (PlStoreFixture *f,
                gconstpointer   data)
{
  g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (64 * 1024, 'x');
  gboolean failed = FALSE;
  guint saved = 0;

  pl_store_test_add_person (store, "Kept before the disk filled", NULL);
  pl_store_set_max_pages_for_testing (store, 80);

  for (guint i = 0; i < 100 && !failed; i++)
    {
      g_autoptr(PlPerson) p = pl_person_new ();

      p->full_name = g_strdup_printf ("Person %u", i);
      p->preferred_name = g_strdup (big);
      if (pl_store_save_person (store, p, &error))
        saved++;
      else
        failed = TRUE;
    }

  g_assert_true (failed);
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "no room"));

  /* Everything saved before is still there, and the store still works */
  people = pl_store_list_people (store, 0, NULL);
  g_assert_cmpuint (people->len, ==, saved + 1);
}

/* A zero-length file is refused, not made into a database */
static void
test_open_empty_file (PlStoreFixture *f,
                      gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  store = pl_store_open (f->path, PL_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, "empty"));
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
}

/* Care records are their owner's alone: a 0644 file becomes 0600, saying so */
static void
test_open_tightens_permissions (PlStoreFixture *f,
                                gconstpointer   data)
{
  GStatBuf st;

  {
    g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);

    g_assert_null (pl_store_get_notices (store)[0]);
    pl_store_test_add_person (store, "Private Person", NULL);
  }
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);

  {
    g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
    const char * const *notices = pl_store_get_notices (store);

    g_assert_nonnull (notices[0]);
    g_assert_nonnull (strstr (notices[0], "private"));
    g_assert_null (notices[1]);
  }
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Reading alone makes it private too: leaving it open to others is the harm */
  g_assert_cmpint (g_chmod (f->path, 0640), ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PlStore) store = pl_store_open (f->path, PL_STORE_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (pl_store_get_notices (store)[0], "private"));
  }
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* Run as someone the file's permissions bind (root is not bound by them) */
static void
reads_read_only_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(PlPerson) person = pl_person_new ();

  store = pl_store_open (path, PL_STORE_OPEN_NO_CREATE | PL_STORE_OPEN_READ_IF_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (pl_store_is_read_only (store));
  g_assert_true (pl_store_test_notices_mention (store, "read-only"));
  people = pl_store_list_people (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);

  person->full_name = g_strdup ("Not Saved");
  g_assert_false (pl_store_save_person (store, person, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_READ_ONLY);
}

/* A read-only file can be read, with a notice that nothing can be saved,
 * also in a folder that cannot be written (no -shm can be made there) */
static void
test_open_read_only_reads (PlStoreFixture *f,
                           gconstpointer   data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  {
    g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
    pl_store_test_add_person (store, "Someone", NULL);
  }
  g_assert_cmpint (g_chmod (f->path, 0400), ==, 0);
  before = pl_store_test_file_checksum (f->path);

  if (geteuid () == 0)
    {
      /* The file is root's; nobody may read it only once it is 0444 */
      g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
      as_nobody (f->dir, f->path, reads_read_only_file);
    }
  else
    {
      reads_read_only_file (f->path);
      g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
      reads_read_only_file (f->path);
      g_assert_cmpint (g_chmod (f->dir, 0700), ==, 0);
    }

  after = pl_store_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* A pipe would make opening wait for ever, and a device is no database */
static void
test_open_pipe_or_device (PlStoreFixture *f,
                          gconstpointer   data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "pipe.db", NULL);
  g_autoptr(GTimer) timer = g_timer_new ();

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < 3; i++)
    {
      const char *path = i == 0 ? fifo : i == 1 ? "/dev/null" : "/dev/zero";
      g_autoptr(GError) error = NULL;
      g_autoptr(PlStore) store = pl_store_open (path, PL_STORE_OPEN_NO_CREATE | PL_STORE_OPEN_READ_ONLY,
                                                &error);

      g_assert_null (store);
      g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_DATABASE);
      g_clear_error (&error);
      g_clear_pointer (&store, pl_store_unref);
      store = pl_store_open (path, PL_STORE_OPEN_DEFAULT, &error);
      g_assert_null (store);
      g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_DATABASE);
    }
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 5.0);
}

static void
count_commit_cb (PlStore  *store,
                 gpointer  data)
{
  (*(guint *) data)++;
}

/* Two windows, two connections to one file: each its own actor, each sees
 * what the other committed, and hears of its own commits on the main loop */
static void
test_another_connection (PlStoreFixture *f,
                         gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) first = pl_store_open (f->path, PL_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PlStore) second = NULL;
  g_autoptr(PlPerson) person = pl_person_new ();
  g_autoptr(PlPerson) seen = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 11, 23, 10, 0, 0);
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *staff_actor = g_strdup ("staff:7");
  g_autofree char *person_actor = NULL;
  gint64 version;
  guint commits = 0, found = 0;

  g_assert_no_error (error);
  pl_store_set_clock (first, at);
  second = pl_store_open_another (first, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  g_assert_true (second != first);
  g_assert_cmpstr (pl_store_get_path (second), ==, pl_store_get_path (first));
  g_assert_true (g_date_time_equal (pl_store_get_time (second), at));

  /* Each connection its own actor */
  person->full_name = g_strdup ("Winifred Parry");
  g_assert_true (pl_store_save_person (first, person, &error));
  g_assert_no_error (error);
  person_actor = pl_actor_for_person (person->id);
  pl_store_set_actor (first, person_actor);
  pl_store_set_actor (second, staff_actor);
  g_assert_cmpstr (pl_store_get_actor (first), ==, person_actor);

  /* What one commits the other reads, and knows it is new */
  version = pl_store_get_data_version (second);
  pl_store_set_commit_func (first, count_commit_cb, &commits);
  g_free (person->preferred_name);
  person->preferred_name = g_strdup ("Win");
  g_assert_true (pl_store_save_person (first, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pl_store_get_data_version (second), !=, version);
  seen = pl_store_load_person (second, person->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seen->preferred_name, ==, "Win");

  /* Told once, on the main loop, after the commit */
  g_assert_cmpuint (commits, ==, 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (commits, ==, 1);

  /* Its own changes leave its version as it is */
  version = pl_store_get_data_version (second);
  g_free (seen->preferred_name);
  seen->preferred_name = g_strdup ("Winnie");
  g_assert_true (pl_store_save_person (second, seen, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pl_store_get_data_version (second), ==, version);

  history = pl_store_list_history (first, &pl_person_type, person->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      const PlHistory *row = g_ptr_array_index (history, i);

      if (g_strcmp0 (row->new_value, "Win") == 0)
        {
          g_assert_cmpstr (row->actor, ==, person_actor);
          found++;
        }
      else if (g_strcmp0 (row->new_value, "Winnie") == 0)
        {
          g_assert_cmpstr (row->actor, ==, staff_actor);
          found++;
        }
    }
  g_assert_cmpuint (found, ==, 2);

  /* Each closes alone */
  pl_store_set_commit_func (first, NULL, NULL);
  g_clear_pointer (&first, pl_store_unref);
  g_clear_pointer (&seen, pl_person_free);
  seen = pl_store_load_person (second, person->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seen->preferred_name, ==, "Winnie");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  PL_STORE_TEST_ADD ("/plainly/store/create", test_create);
  PL_STORE_TEST_ADD ("/plainly/store/another-connection", test_another_connection);
  PL_STORE_TEST_ADD ("/plainly/store/wal-foreign-keys-strict", test_wal_and_foreign_keys);
  PL_STORE_TEST_ADD ("/plainly/store/open-not-database", test_open_not_database);
  PL_STORE_TEST_ADD ("/plainly/store/open-not-ours", test_open_not_ours);
  PL_STORE_TEST_ADD ("/plainly/store/open-corrupt", test_open_corrupt);
  PL_STORE_TEST_ADD ("/plainly/store/open-too-new", test_open_too_new);
  PL_STORE_TEST_ADD ("/plainly/store/open-read-only", test_open_read_only);
  PL_STORE_TEST_ADD ("/plainly/store/open-missing-directory", test_open_missing_directory);
  PL_STORE_TEST_ADD ("/plainly/store/open-missing-no-create", test_open_missing_no_create);
  PL_STORE_TEST_ADD ("/plainly/store/disk-full", test_disk_full);
  PL_STORE_TEST_ADD ("/plainly/store/open-empty-file", test_open_empty_file);
  PL_STORE_TEST_ADD ("/plainly/store/open-tightens-permissions", test_open_tightens_permissions);
  PL_STORE_TEST_ADD ("/plainly/store/open-read-only-reads", test_open_read_only_reads);
  PL_STORE_TEST_ADD ("/plainly/store/open-pipe-or-device", test_open_pipe_or_device);

  return g_test_run ();
}
