/* test-store.c: opening, saving, history and refusing bad files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sqlite3.h>

#include "pl-actor.h"
#include "pl-document.h"
#include "pl-plan-version.h"
#include "pl-store.h"
#include "pl-core-resources.h"
#include "pl-store-private.h"
#include "pl-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = pl_test_make_dir ("plainly-store");
  f->path = g_build_filename (f->dir, "plainly.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  pl_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static PlStore *
open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  PlStore *store = pl_store_open (path, PL_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static gint64
add_person (PlStore    *store,
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

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static int
sqlite_pragma_int (const char *path,
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

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PlStore) store = open_ok (f->path);
  struct stat st;

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  /* Care records: readable by the owner only */
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (pl_store_get_schema_version (store), ==, PL_STORE_SCHEMA_VERSION);

  g_clear_pointer (&store, pl_store_unref);
  g_assert_cmpint (sqlite_pragma_int (f->path, "user_version"), ==, PL_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sqlite_pragma_int (f->path, "application_id"), ==, 0x506c6e79);

  /* Opening again neither migrates nor changes the version */
  store = open_ok (f->path);
  g_assert_cmpint (pl_store_get_schema_version (store), ==, PL_STORE_SCHEMA_VERSION);
}

static void
test_wal_and_foreign_keys (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(PlStore) store = open_ok (f->path);
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
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PlStore) store = open_ok (f->path);
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(PlMedicine) med = pl_medicine_new ();
  g_autoptr(PlMedicine) loaded = NULL;
  g_autoptr(PlSettings) settings = NULL;
  g_autoptr(GPtrArray) meds = NULL;
  g_autoptr(GError) error = NULL;
  gint64 person_id = add_person (store, "Gwenllian Siân Llŷr", "Gwen");

  plan->person_id = person_id;
  plan->version = 1;
  plan->status = PL_PLAN_AGREED;
  plan->start_date = g_strdup ("2026-10-19");
  g_assert_true (pl_store_save_plan (store, plan, &error));
  g_assert_no_error (error);
  g_assert_nonnull (plan->created_at);

  med->plan_id = plan->id;
  med->name = g_strdup ("Paracetamol 500 mg — “as needed” 🙂");
  med->purpose = g_strdup ("Ar gyfer poen; للألم; na ból");
  med->dose = g_strdup ("Two tablets");
  g_assert_true (pl_store_save_medicine (store, med, &error));
  g_assert_no_error (error);

  loaded = pl_store_load_medicine (store, med->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, med->name);
  g_assert_cmpstr (loaded->purpose, ==, med->purpose);
  g_assert_null (loaded->timing);
  g_assert_cmpint (loaded->plan_id, ==, plan->id);

  meds = pl_store_list_medicines (store, plan->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meds->len, ==, 1);

  /* No settings saved: the defaults, with 1.5 line spacing (WCAG 1.4.12) */
  settings = pl_store_get_settings (store, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (settings->id, ==, 0);
  g_assert_cmpfloat (settings->line_spacing, >=, 1.5);
  settings->text_size = 24;
  g_assert_true (pl_store_save_settings (store, settings, &error));
  g_clear_pointer (&settings, pl_settings_free);
  settings = pl_store_get_settings (store, person_id, &error);
  g_assert_cmpint (settings->text_size, ==, 24);
  g_assert_cmpint (settings->id, >, 0);
}

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PlStore) store = open_ok (f->path);
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *updated = NULL;
  gint64 id = add_person (store, "Margaret Jones", "Peggy");
  PlHistory *h;

  person = pl_store_load_person (store, id, &error);
  g_assert_no_error (error);
  updated = g_strdup (person->updated_at);

  /* Saving with no change writes nothing */
  g_assert_true (pl_store_save_person (store, person, &error));
  history = pl_store_list_history (store, &pl_person_type, id, &error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (((PlHistory *) history->pdata[0])->field, ==, "(created)");
  g_clear_pointer (&history, g_ptr_array_unref);

  pl_store_set_actor (store, "staff:7");
  g_free (person->preferred_name);
  person->preferred_name = g_strdup ("Peg");
  g_free (person->pin_hash);
  person->pin_hash = g_strdup ("$argon2id$secret");
  g_assert_true (pl_store_save_person (store, person, &error));
  g_assert_no_error (error);

  history = pl_store_list_history (store, &pl_person_type, id, &error);
  g_assert_cmpuint (history->len, ==, 3);
  h = history->pdata[1];
  g_assert_cmpstr (h->field, ==, "preferred_name");
  g_assert_cmpstr (h->old_value, ==, "Peggy");
  g_assert_cmpstr (h->new_value, ==, "Peg");
  g_assert_cmpstr (h->actor, ==, "staff:7");
  g_assert_nonnull (h->at);
  /* Secrets: that it changed, never what to */
  h = history->pdata[2];
  g_assert_cmpstr (h->field, ==, "pin_hash");
  g_assert_null (h->old_value);
  g_assert_null (h->new_value);
  g_clear_pointer (&history, g_ptr_array_unref);

  pl_store_delete_person (store, id, &error);
  g_assert_no_error (error);
  history = pl_store_list_history (store, &pl_person_type, id, &error);
  g_assert_cmpuint (history->len, ==, 4);
  g_assert_cmpstr (((PlHistory *) history->pdata[3])->field, ==, "(deleted)");
  g_assert_nonnull (strstr (((PlHistory *) history->pdata[3])->old_value, "Peg"));
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PlStore) store = open_ok (f->path);
  g_autoptr(PlPerson) person = pl_person_new ();
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  person->full_name = g_strdup ("   ");
  g_assert_false (pl_store_save_person (store, person, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "full name"));
  g_clear_error (&error);

  g_free (person->full_name);
  person->full_name = g_strdup ("Bad \xff\xfe bytes");
  g_assert_false (pl_store_save_person (store, person, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  people = pl_store_list_people (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 0);
}

static void
test_transaction_rollback (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(PlStore) store = open_ok (f->path);
  g_autoptr(PlPerson) person = pl_person_new ();
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_store_begin (store, &error));
  person->full_name = g_strdup ("Not kept");
  g_assert_true (pl_store_save_person (store, person, &error));
  pl_store_rollback (store);

  people = pl_store_list_people (store, 0, &error);
  g_assert_cmpuint (people->len, ==, 0);
  g_clear_pointer (&people, g_ptr_array_unref);

  /* Nested: the inner rollback keeps what the outer one saved */
  g_assert_true (pl_store_begin (store, &error));
  add_person (store, "Kept", NULL);
  g_assert_true (pl_store_begin (store, &error));
  add_person (store, "Not kept either", NULL);
  pl_store_rollback (store);
  g_assert_true (pl_store_commit (store, &error));
  people = pl_store_list_people (store, 0, &error);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (((PlPerson *) people->pdata[0])->full_name, ==, "Kept");
}

static void
test_find_person (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PlStore) store = open_ok (f->path);
  g_autoptr(PlPerson) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_text = NULL;
  gint64 id = add_person (store, "Władysław Zażółć", "Władek");

  add_person (store, "John Smith", "John");
  add_person (store, "John Brown", "John");

  found = pl_store_find_person (store, "władek", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, id);
  g_clear_pointer (&found, pl_person_free);

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  found = pl_store_find_person (store, id_text, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, id);

  g_assert_null (pl_store_find_person (store, "John", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (pl_store_find_person (store, "Nobody", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Nobody"));
}

static void
test_find_by_reference (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(PlStore) store = open_ok (f->path);
  g_autoptr(PlPerson) person = pl_person_new ();
  g_autoptr(PlComplaint) complaint = pl_complaint_new ();
  g_autoptr(PlPerson) found = NULL;
  g_autoptr(PlComplaint) found_complaint = NULL;
  g_autoptr(GError) error = NULL;

  person->full_name = g_strdup ("Eleri Morgan");
  person->external_id = g_strdup ("CB-20417");
  g_assert_true (pl_store_save_person (store, person, &error));
  complaint->person_id = person->id;
  complaint->reference = g_strdup ("C-2026-0042");
  complaint->status = PL_COMPLAINT_RECEIVED;
  g_assert_true (pl_store_save_complaint (store, complaint, &error));
  g_assert_no_error (error);

  found = pl_store_find_person_by_external_id (store, "CB-20417", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, person->id);
  found_complaint = pl_store_find_complaint (store, "C-2026-0042", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found_complaint->id, ==, complaint->id);

  g_assert_null (pl_store_find_complaint (store, "C-1999-0001", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "C-1999-0001"));
  g_clear_error (&error);
  g_assert_null (pl_store_find_person_by_external_id (store, "CB-0", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
}

static void
test_cascade (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PlStore) store = open_ok (f->path);
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(PlContact) contact = pl_contact_new ();
  g_autoptr(PlSharing) sharing = pl_sharing_new ();
  g_autoptr(PlStoreReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_person (store, "Arthur Dent", NULL);

  plan->person_id = id;
  plan->version = 1;
  g_assert_true (pl_store_save_plan (store, plan, &error));
  contact->person_id = id;
  contact->role = PL_CONTACT_COORDINATOR;
  contact->name = g_strdup ("Sam Patel");
  g_assert_true (pl_store_save_contact (store, contact, &error));
  sharing->contact_id = contact->id;
  sharing->scope = PL_SCOPE_DIARY;
  g_assert_true (pl_store_save_sharing (store, sharing, &error));
  plan->coordinator_id = contact->id;
  g_assert_true (pl_store_save_plan (store, plan, &error));
  g_assert_no_error (error);

  g_assert_true (pl_store_delete_person_all (store, id, &error));
  g_assert_no_error (error);

  report = pl_store_check (store, &error);
  g_assert_no_error (error);
  g_assert_true (report->integrity_ok);
  g_assert_true (report->foreign_keys_ok);
  for (guint i = 0; i < report->table_names->len; i++)
    if (!g_str_equal (report->table_names->pdata[i], "history"))
      g_assert_cmpint (g_array_index (report->row_counts, gint64, i), ==, 0);
}

static void
test_diary_search (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PlStore) store = open_ok (f->path);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_person (store, "Eira Hughes", "Eira");
  gint64 other = add_person (store, "Tom Hughes", "Tom");
  const char *notes[] = {
    "Helped Eira with a shower and made porridge",
    "Made a café au lait; Eira enjoyed the crossword",
    "Changed the bed and put a wash on",
    "Porridge again, with honey",
  };

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autoptr(PlDiaryEntry) e = pl_diary_entry_new ();

      e->person_id = i == 3 ? other : id;
      e->visit_date = g_strdup_printf ("2026-11-%02u", 10 + i);
      e->planned_time = g_strdup ("08:00");
      e->what_done = g_strdup (notes[i]);
      g_assert_true (pl_store_save_diary_entry (store, e, &error));
      g_assert_no_error (error);
    }

  found = pl_store_search_diary (store, 0, "porridge", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = pl_store_search_diary (store, id, "porridge", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Accents are not needed to find a word, and a prefix finds it too */
  found = pl_store_search_diary (store, id, "cafe", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = pl_store_search_diary (store, id, "crossw", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Query syntax typed by a person is taken as words, not as commands */
  found = pl_store_search_diary (store, 0, "\"porridge OR NOT) *", 10, &error);
  g_assert_no_error (error);
  g_clear_pointer (&found, g_ptr_array_unref);

  recent = pl_store_recent_diary (store, id, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, ==, 2);
  g_assert_cmpstr (((PlDiaryEntry *) recent->pdata[0])->visit_date, ==, "2026-11-12");
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
test_open_not_database (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (f->path, "Dear Sam,\nThis is my shopping list.\n", -1, NULL));
  before = file_checksum (f->path);
  assert_refused (f->path, PL_STORE_ERROR_NOT_DATABASE);
  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_open_not_ours (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('cake');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  before = file_checksum (f->path);
  assert_refused (f->path, PL_STORE_ERROR_NOT_OURS);
  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_open_corrupt (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  {
    g_autoptr(PlStore) store = open_ok (f->path);
    add_person (store, "Someone", NULL);
  }

  /* Scribble over the schema on page one, past the 100-byte header */
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 4096);
  for (gsize i = 100; i < 4096; i++)
    contents[i] = (char) (i * 7);
  g_assert_true (g_file_set_contents (f->path, contents, len, NULL));

  before = file_checksum (f->path);
  assert_refused (f->path, PL_STORE_ERROR_CORRUPT);
  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_open_too_new (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;

  {
    g_autoptr(PlStore) store = open_ok (f->path);
  }

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  before = file_checksum (f->path);
  assert_refused (f->path, PL_STORE_ERROR_TOO_NEW);
  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (sqlite_pragma_int (f->path, "user_version"), ==, 999);
}

static void
test_open_read_only (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  {
    g_autoptr(PlStore) store = open_ok (f->path);
    add_person (store, "Someone", NULL);
  }

  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  before = file_checksum (f->path);

  if (geteuid () == 0)
    {
      /* Permissions do not bind root, so ask as an ordinary user */
      pid_t pid;
      int status = 0;

      g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          if (setgid (65534) != 0 || setuid (65534) != 0)
            _exit (3);
          assert_refused (f->path, PL_STORE_ERROR_READ_ONLY);
          _exit (0);
        }
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
  else
    assert_refused (f->path, PL_STORE_ERROR_READ_ONLY);

  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_open_missing_directory (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "plainly.db", NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  assert_refused (path, PL_STORE_ERROR_NO_DIRECTORY);
  g_assert_false (g_file_test (parent, G_FILE_TEST_EXISTS));
}

static void
test_open_missing_no_create (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (f->path, PL_STORE_OPEN_NO_CREATE, &error);

  g_assert_null (store);
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PlStore) store = open_ok (f->path);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (64 * 1024, 'x');
  gboolean failed = FALSE;
  guint saved = 0;

  add_person (store, "Kept before the disk filled", NULL);
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

static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PlStore) store = open_ok (f->path);
  g_autoptr(PlStore) copy = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = g_build_filename (f->dir, "backup.db", NULL);
  struct stat st;

  add_person (store, "Backed Up", NULL);
  g_assert_true (pl_store_backup (store, dest, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dest, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Never over an existing file */
  g_assert_false (pl_store_backup (store, dest, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED);

  copy = open_ok (dest);
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
test_migrate_from_version_1 (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlSettings) settings = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  make_version_1_file (f->path);
  store = open_ok (f->path);
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

static gint64
add_contact (PlStore       *store,
             gint64         person_id,
             const char    *name,
             PlSharingScope first_scope,
             ...)
{
  g_autoptr(PlContact) contact = pl_contact_new ();
  g_autoptr(GError) error = NULL;
  va_list args;

  contact->person_id = person_id;
  contact->role = PL_CONTACT_FAMILY;
  contact->name = g_strdup (name);
  g_assert_true (pl_store_save_contact (store, contact, &error));
  g_assert_no_error (error);

  va_start (args, first_scope);
  for (int scope = first_scope; scope >= 0; scope = va_arg (args, int))
    {
      g_autoptr(PlSharing) sharing = pl_sharing_new ();

      sharing->contact_id = contact->id;
      sharing->scope = scope;
      g_assert_true (pl_store_save_sharing (store, sharing, &error));
      g_assert_no_error (error);
    }
  va_end (args);

  return contact->id;
}

static void
link_carer (PlStore *store,
            gint64   carer_id,
            gint64   contact_id)
{
  g_autoptr(PlCarerLink) link = pl_carer_link_new ();
  g_autoptr(GError) error = NULL;

  link->carer_id = carer_id;
  link->contact_id = contact_id;
  g_assert_true (pl_store_save_carer_link (store, link, &error));
  g_assert_no_error (error);
}

/* A carer sees only the people they support, and of each only what that
 * person agreed to share with them (NG86 1.1.14-1.1.15) */
static void
test_carers (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PlStore) store = open_ok (f->path);
  g_autoptr(PlCarer) carer = pl_carer_new ();
  g_autoptr(PlCarer) other = pl_carer_new ();
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(PlSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ada = add_person (store, "Ada Jones", NULL);
  gint64 ben = add_person (store, "Benjamin Cole", "Ben");
  gint64 cat = add_person (store, "Catrin Hughes", NULL);
  guint scopes = 99;

  carer->name = g_strdup ("Mair Hughes");
  g_assert_true (pl_store_save_carer (store, carer, &error));
  other->name = g_strdup ("Owen Price");
  g_assert_true (pl_store_save_carer (store, other, &error));
  g_assert_no_error (error);

  link_carer (store, carer->id, add_contact (store, ada, "Mair Hughes",
                                             PL_SCOPE_PLAN, PL_SCOPE_DIARY, -1));
  link_carer (store, carer->id, add_contact (store, cat, "Mair Hughes",
                                             PL_SCOPE_PLAN, PL_SCOPE_MEDICINES,
                                             PL_SCOPE_MONEY, -1));
  /* Ben's contact for Mair exists, but she has no profile link to it */
  add_contact (store, ben, "Mair Hughes", PL_SCOPE_PLAN, -1);

  people = pl_store_carer_people (store, carer->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpstr (((PlPerson *) people->pdata[0])->full_name, ==, "Ada Jones");
  g_assert_cmpstr (((PlPerson *) people->pdata[1])->full_name, ==, "Catrin Hughes");

  g_assert_true (pl_store_carer_scopes (store, carer->id, ada, &scopes, &error));
  g_assert_cmpuint (scopes, ==, PL_SCOPE_BIT (PL_SCOPE_PLAN) | PL_SCOPE_BIT (PL_SCOPE_DIARY));
  g_assert_true (pl_store_carer_scopes (store, carer->id, cat, &scopes, &error));
  g_assert_cmpuint (scopes, ==, PL_SCOPE_BIT (PL_SCOPE_PLAN) | PL_SCOPE_BIT (PL_SCOPE_MEDICINES) |
                                PL_SCOPE_BIT (PL_SCOPE_MONEY));
  g_assert_true (pl_store_carer_scopes (store, carer->id, ben, &scopes, &error));
  g_assert_cmpuint (scopes, ==, 0);
  g_assert_true (pl_store_carer_scopes (store, other->id, ada, &scopes, &error));
  g_assert_cmpuint (scopes, ==, 0);
  g_assert_no_error (error);

  g_clear_pointer (&people, g_ptr_array_unref);
  people = pl_store_carer_people (store, other->id, &error);
  g_assert_cmpuint (people->len, ==, 0);

  /* Their own display settings, defaults until saved */
  settings = pl_store_get_carer_settings (store, carer->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (settings->id, ==, 0);
  settings->text_size = 24;
  settings->theme = (g_free (settings->theme), g_strdup ("cream"));
  g_assert_true (pl_store_save_carer_settings (store, settings, &error));
  g_assert_no_error (error);
  g_clear_pointer (&settings, pl_settings_free);
  settings = pl_store_get_carer_settings (store, carer->id, &error);
  g_assert_cmpint (settings->text_size, ==, 24);
  g_assert_cmpstr (settings->theme, ==, "cream");
  g_clear_pointer (&settings, pl_settings_free);
  /* and not the person's with the same id */
  settings = pl_store_get_settings (store, carer->id, &error);
  g_assert_cmpint (settings->text_size, !=, 24);

  /* Removing the person removes the carer's way to them */
  g_assert_true (pl_store_delete_person (store, ada, &error));
  g_assert_no_error (error);
  g_clear_pointer (&people, g_ptr_array_unref);
  people = pl_store_carer_people (store, carer->id, &error);
  g_assert_cmpuint (people->len, ==, 1);
}


/* Who made a change is one explicit value, never words: the history shows
 * it in words as the names are now */
static void
test_actor (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(PlStore) store = open_ok (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStaff) staff = pl_staff_new ();
  g_autoptr(PlCarer) carer = pl_carer_new ();
  g_autofree char *staff_actor = NULL;
  g_autofree char *person_actor = NULL;
  g_autofree char *carer_actor = NULL;
  g_autofree char *words = NULL;
  gint64 id = add_person (store, "Margaret Jones", "Peggy");

  staff->username = g_strdup ("sam.patel");
  staff->display_name = g_strdup ("Sam Patel");
  staff->role = PL_ROLE_COORDINATOR;
  staff->password_hash = g_strdup ("$argon2id$x");
  g_assert_true (pl_store_save_staff (store, staff, &error));
  g_assert_no_error (error);
  carer->name = g_strdup ("Mair");
  g_assert_true (pl_store_save_carer (store, carer, &error));
  g_assert_no_error (error);

  staff_actor = pl_actor_for_staff (staff);
  person_actor = pl_actor_for_person (id);
  carer_actor = pl_actor_for_carer (carer->id);
  g_assert_true (g_str_has_prefix (staff_actor, "staff:"));
  g_assert_true (pl_actor_is_valid (staff_actor));
  g_assert_true (pl_actor_is_valid (person_actor));
  g_assert_true (pl_actor_is_valid (carer_actor));
  g_assert_true (pl_actor_is_valid (PL_ACTOR_EXAMPLE));
  g_assert_false (pl_actor_is_valid ("Sam Patel (coordinator)"));
  g_assert_false (pl_actor_is_valid ("staff:"));
  g_assert_false (pl_actor_is_valid ("staff:0"));
  g_assert_false (pl_actor_is_valid ("visitor:3"));

  words = pl_actor_describe (store, staff_actor);
  g_assert_cmpstr (words, ==, "Sam Patel (Care coordinator)");
  g_clear_pointer (&words, g_free);
  words = pl_actor_describe (store, person_actor);
  g_assert_cmpstr (words, ==, "Peggy");
  g_clear_pointer (&words, g_free);
  words = pl_actor_describe (store, carer_actor);
  g_assert_cmpstr (words, ==, "Mair (carer)");
  g_clear_pointer (&words, g_free);
  /* Words an older Plainly kept stay as they were */
  words = pl_actor_describe (store, "Sam Patel (coordinator)");
  g_assert_cmpstr (words, ==, "Sam Patel (coordinator)");
  g_clear_pointer (&words, g_free);

  /* The store takes only actors built by pl-actor.c */
  pl_store_set_actor (store, staff_actor);
  if (g_test_undefined ())
    {
      g_test_expect_message ("Plainly", G_LOG_LEVEL_CRITICAL, "*pl_actor_is_valid*");
      pl_store_set_actor (store, "Sam Patel (coordinator)");
      g_test_assert_expected_messages ();
    }
  g_assert_cmpstr (pl_store_get_actor (store), ==, staff_actor);
}

/* Updating an older file keeps it first, whole, beside it, and says so */
static void
test_migrate_makes_backup (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "plainly-version-1-backup.db", NULL);
  g_autofree char *second = g_build_filename (f->dir, "plainly-version-1-backup-2.db", NULL);
  g_autoptr(GPtrArray) people = NULL;
  const char * const *notices;
  GStatBuf st;

  make_version_1_file (f->path);

  {
    g_autoptr(PlStore) store = open_ok (f->path);

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
  g_assert_cmpint (sqlite_pragma_int (backup, "user_version"), ==, 1);
  g_assert_cmpint (sqlite_pragma_int (f->path, "user_version"), ==, PL_STORE_SCHEMA_VERSION);

  {
    /* Once updated, opening again neither backs up nor says anything */
    g_autoptr(PlStore) store = open_ok (f->path);

    g_assert_null (pl_store_get_notices (store)[0]);
    people = pl_store_list_people (store, 0, NULL);
    g_assert_cmpuint (people->len, ==, 1);
  }
  g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));

  /* A second older file beside it never replaces the first copy */
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  make_version_1_file (f->path);
  {
    g_autoptr(PlStore) store = open_ok (f->path);

    g_assert_nonnull (strstr (pl_store_get_notices (store)[0], "plainly-version-1-backup-2.db"));
  }
  g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));
  g_assert_cmpint (sqlite_pragma_int (backup, "user_version"), ==, 1);
}

/* Reading an older file (list, check) leaves it exactly as it was */
static void
test_read_only_older_not_updated (Fixture       *f,
                                  gconstpointer  data)
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
  before = file_checksum (f->path);

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
  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (sqlite_pragma_int (f->path, "user_version"), ==, 1);

  /* No backup was needed, so none was made */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
}

/* A zero-length file is refused, not made into a database */
static void
test_open_empty_file (Fixture       *f,
                      gconstpointer  data)
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
test_open_tightens_permissions (Fixture       *f,
                                gconstpointer  data)
{
  GStatBuf st;

  {
    g_autoptr(PlStore) store = open_ok (f->path);

    g_assert_null (pl_store_get_notices (store)[0]);
    add_person (store, "Private Person", NULL);
  }
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);

  {
    g_autoptr(PlStore) store = open_ok (f->path);
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

static gboolean
notices_mention (PlStore    *store,
                 const char *words)
{
  for (const char * const *notice = pl_store_get_notices (store); *notice != NULL; notice++)
    if (strstr (*notice, words) != NULL)
      return TRUE;
  return FALSE;
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
  g_assert_true (notices_mention (store, "read-only"));
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
test_open_read_only_reads (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  {
    g_autoptr(PlStore) store = open_ok (f->path);
    add_person (store, "Someone", NULL);
  }
  g_assert_cmpint (g_chmod (f->path, 0400), ==, 0);
  before = file_checksum (f->path);

  if (geteuid () == 0)
    {
      pid_t pid;
      int status = 0;

      /* The file is root's; nobody may read it only once it is 0444 */
      g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
      g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          if (setgid (65534) != 0 || setuid (65534) != 0)
            _exit (3);
          reads_read_only_file (f->path);
          _exit (0);
        }
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
  else
    {
      reads_read_only_file (f->path);
      g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
      reads_read_only_file (f->path);
      g_assert_cmpint (g_chmod (f->dir, 0700), ==, 0);
    }

  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static gint64
history_rows_with (const char *path,
                   const char *where)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM history WHERE %s", where);
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static gboolean
file_holds (const char *path,
            const char *words)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  gsize n = strlen (words);

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;
  /* The file holds NUL bytes, so no string search will do */
  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (contents + i, words, n) == 0)
      return TRUE;
  return FALSE;
}

/* UK GDPR erasure: deleting a person takes their words out of the history
 * too, and out of the file; only who deleted which record, and when, stays */
static void
test_delete_person_erases_history (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(PlStore) store = open_ok (f->path);
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(PlDiaryEntry) entry = pl_diary_entry_new ();
  g_autoptr(PlDiaryEntry) gone = pl_diary_entry_new ();
  g_autoptr(PlDiaryEntry) other_entry = pl_diary_entry_new ();
  g_autoptr(PlContact) contact = pl_contact_new ();
  g_autoptr(PlSharing) sharing = pl_sharing_new ();
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mine = NULL;
  gint64 id = add_person (store, "Zebedee Quarrington", "Zeb");
  gint64 other = add_person (store, "Arthur Dent", NULL);

  /* Field changes, a record deleted before, and records two levels down */
  person = pl_store_load_person (store, id, &error);
  g_free (person->preferred_name);
  person->preferred_name = g_strdup ("Zebby Quarrington");
  g_assert_true (pl_store_save_person (store, person, &error));
  plan->person_id = id;
  plan->version = 1;
  g_assert_true (pl_store_save_plan (store, plan, &error));
  contact->person_id = id;
  contact->role = PL_CONTACT_FAMILY;
  contact->name = g_strdup ("Xanthippe Quarrington");
  g_assert_true (pl_store_save_contact (store, contact, &error));
  sharing->contact_id = contact->id;
  sharing->scope = PL_SCOPE_DIARY;
  g_assert_true (pl_store_save_sharing (store, sharing, &error));
  entry->person_id = id;
  entry->visit_date = g_strdup ("2026-02-03");
  entry->what_done = g_strdup ("Helped with the quoits");
  g_assert_true (pl_store_save_diary_entry (store, entry, &error));
  g_free (entry->what_done);
  entry->what_done = g_strdup ("Helped with the marmalade jars");
  g_assert_true (pl_store_save_diary_entry (store, entry, &error));
  gone->person_id = id;
  gone->visit_date = g_strdup ("2026-02-01");
  gone->what_done = g_strdup ("Talked about the xylophones");
  g_assert_true (pl_store_save_diary_entry (store, gone, &error));
  g_assert_true (pl_store_delete_diary_entry (store, gone->id, &error));
  other_entry->person_id = other;
  other_entry->visit_date = g_strdup ("2026-02-03");
  other_entry->what_done = g_strdup ("Made a towel rack");
  g_assert_true (pl_store_save_diary_entry (store, other_entry, &error));
  g_free (other_entry->what_done);
  other_entry->what_done = g_strdup ("Made a towel rail");
  g_assert_true (pl_store_save_diary_entry (store, other_entry, &error));
  g_assert_no_error (error);

  g_assert_cmpint (history_rows_with (f->path, "old_value LIKE '%quoits%'"), ==, 1);
  g_assert_cmpint (history_rows_with (f->path, "old_value LIKE '%xylophones%'"), ==, 1);

  pl_store_set_actor (store, PL_ACTOR_COMMAND_LINE);
  g_assert_true (pl_store_delete_person_all (store, id, &error));
  g_assert_no_error (error);

  /* No word of theirs in the history; one row says who deleted them, when */
  g_assert_cmpint (history_rows_with (f->path, "coalesce (old_value, '') || coalesce (new_value, '') "
                                      "LIKE '%Quarrington%' OR old_value LIKE '%quoits%' OR "
                                      "old_value LIKE '%xylophones%' OR new_value LIKE '%marmalade%'"),
                   ==, 0);
  mine = g_strdup_printf ("table_name = 'people' AND record_id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (history_rows_with (f->path, mine), ==, 1);
  g_free (mine);
  mine = g_strdup_printf ("table_name = 'people' AND record_id = %" G_GINT64_FORMAT " AND "
                          "field = '(deleted)' AND old_value IS NULL AND new_value IS NULL "
                          "AND actor = '%s' AND at != ''", id, PL_ACTOR_COMMAND_LINE);
  g_assert_cmpint (history_rows_with (f->path, mine), ==, 1);
  /* Someone else's history is theirs to keep */
  g_assert_cmpint (history_rows_with (f->path, "old_value LIKE '%towel rack%'"), ==, 1);

  /* Nor are their words anywhere in the file, its log or the search index */
  g_clear_pointer (&store, pl_store_unref);
  g_assert_false (file_holds (f->path, "Quarrington"));
  g_assert_false (file_holds (f->path, "xylophones"));
  g_assert_false (file_holds (f->path, "marmalade"));
  g_assert_false (file_holds (f->path, "quoits"));
  g_assert_true (file_holds (f->path, "towel rail"));
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* An outcome this version does not know shows as not known, in words; read
 * as "completed" it would hide a missed visit */
static void
test_unknown_outcome (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PlStore) store = open_ok (f->path);
  g_autoptr(PlDiaryEntry) entry = pl_diary_entry_new ();
  g_autoptr(PlDiaryEntry) loaded = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sql = NULL;
  gint64 id = add_person (store, "Ada Jones", NULL);

  entry->person_id = id;
  entry->visit_date = g_strdup ("2026-02-03");
  entry->planned_time = g_strdup ("08:00");
  entry->outcome = PL_VISIT_MISSED;
  g_assert_true (pl_store_save_diary_entry (store, entry, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("UPDATE diary_entries SET outcome = 'no-show-reported' WHERE id = %"
                         G_GINT64_FORMAT, entry->id);
  run_sql (f->path, sql);

  loaded = pl_store_load_diary_entry (store, entry->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->outcome, ==, PL_VISIT_UNKNOWN);
  g_assert_cmpstr (pl_visit_outcome_label (loaded->outcome), !=, pl_visit_outcome_label (PL_VISIT_COMPLETED));
  g_assert_cmpstr (pl_visit_outcome_label (loaded->outcome), !=, "");

  document = pl_document_build_diary (store, id, 0, &error);
  g_assert_no_error (error);
  text = pl_document_to_text (document);
  g_assert_nonnull (strstr (text, "It is not known what happened at this visit"));

  /* Never written back as if it were known */
  g_assert_false (pl_store_save_diary_entry (store, loaded, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
}

/* A pipe would make opening wait for ever, and a device is no database */
static void
test_open_pipe_or_device (Fixture       *f,
                          gconstpointer  data)
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

/* With the diary's search index gone, check says so, and opening the file
 * to write rebuilds it so diary entries can be saved and found again */
static void
test_diary_search_missing (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  {
    g_autoptr(PlStore) store = open_ok (f->path);
    g_autoptr(PlDiaryEntry) entry = pl_diary_entry_new ();

    id = add_person (store, "Ada Jones", NULL);
    entry->person_id = id;
    entry->visit_date = g_strdup ("2026-02-03");
    entry->what_done = g_strdup ("Planted the sweet peas");
    g_assert_true (pl_store_save_diary_entry (store, entry, &error));
    g_assert_no_error (error);
  }
  run_sql (f->path, "DROP TABLE diary_fts");

  {
    g_autoptr(PlStore) store = pl_store_open (f->path, PL_STORE_OPEN_READ_ONLY | PL_STORE_OPEN_AS_IS,
                                              &error);
    g_autoptr(PlStoreReport) report = NULL;

    g_assert_no_error (error);
    report = pl_store_check (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report->problems->len, ==, 1);
    g_assert_nonnull (strstr (report->problems->pdata[0], "search index"));
  }

  {
    g_autoptr(PlStore) store = open_ok (f->path);
    g_autoptr(PlDiaryEntry) entry = pl_diary_entry_new ();
    g_autoptr(GPtrArray) found = NULL;
    g_autoptr(PlStoreReport) report = NULL;

    g_assert_true (notices_mention (store, "search index"));
    entry->person_id = id;
    entry->visit_date = g_strdup ("2026-02-04");
    entry->what_done = g_strdup ("Watered the sweet peas");
    g_assert_true (pl_store_save_diary_entry (store, entry, &error));
    g_assert_no_error (error);
    found = pl_store_search_diary (store, id, "sweet peas", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 2);
    report = pl_store_check (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report->problems->len, ==, 0);
  }
}

/* The two damaged rows that crashed Plainly: a preferred name that is not
 * UTF-8 (the start screen's accessible names), and a plan snapshot whose
 * "plans" is null (an error read that was never set). Each now gives
 * readable words, and check names the record. */
static void
test_damaged_rows (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 id;

  {
    g_autoptr(PlStore) store = open_ok (f->path);
    g_autoptr(PlPlan) plan = pl_plan_new ();

    id = add_person (store, "Ada Jones", "Ada");
    plan->person_id = id;
    plan->version = 1;
    g_assert_true (pl_store_save_plan (store, plan, &error));
    g_assert_no_error (error);
    g_assert_true (pl_plan_mark_seen (store, id, &error));
    g_assert_no_error (error);
  }
  sql = g_strdup_printf ("UPDATE people SET preferred_name = CAST (x'41ff6461c3' AS TEXT) "
                         "WHERE id = %" G_GINT64_FORMAT ";"
                         "UPDATE plan_views SET snapshot = '{\"plans\": null, \"visits\": 3}';",
                         id);
  run_sql (f->path, sql);

  {
    g_autoptr(PlStore) store = open_ok (f->path);
    g_autoptr(PlPerson) person = pl_store_load_person (store, id, &error);
    g_autoptr(GPtrArray) people = NULL;
    g_autoptr(GPtrArray) changes = NULL;
    g_autoptr(PlStoreReport) report = NULL;
    gboolean seen = TRUE;

    g_assert_no_error (error);
    g_assert_true (g_utf8_validate (person->preferred_name, -1, NULL));
    g_assert_true (g_str_has_prefix (person->preferred_name, "A\xef\xbf\xbd" "da"));
    people = pl_store_list_people (store, 0, &error);
    g_assert_no_error (error);
    g_assert_true (g_utf8_validate (((PlPerson *) people->pdata[0])->preferred_name, -1, NULL));

    changes = pl_plan_changes_since_seen (store, id, &seen, &error);
    g_assert_null (changes);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_clear_error (&error);

    report = pl_store_check (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report->problems->len, ==, 1);
    g_assert_nonnull (strstr (report->problems->pdata[0], "person numbered"));
    g_assert_nonnull (strstr (report->problems->pdata[0], "preferred name"));
  }

  /* A link to nothing is named with its record */
  run_sql (f->path, "UPDATE plans SET person_id = 999999");
  {
    g_autoptr(PlStore) store = pl_store_open (f->path, PL_STORE_OPEN_READ_ONLY, &error);
    g_autoptr(PlStoreReport) report = NULL;
    gboolean named = FALSE;

    g_assert_no_error (error);
    report = pl_store_check (store, &error);
    g_assert_no_error (error);
    g_assert_false (report->foreign_keys_ok);
    for (guint i = 0; i < report->problems->len; i++)
      named |= strstr (report->problems->pdata[i],
                       "The plan numbered 1 points to a person that is not there") != NULL;
    g_assert_true (named);
  }

  /* A snapshot that is empty, not JSON or the wrong shape says so too */
  for (guint i = 0; i < 3; i++)
    {
      static const char * const snapshots[] = { "''", "'[[[['", "'{\"visits\": [1]}'" };
      g_autofree char *update = g_strdup_printf ("UPDATE plan_views SET snapshot = %s", snapshots[i]);
      g_autoptr(PlStore) store = NULL;
      g_autoptr(GPtrArray) changes = NULL;

      run_sql (f->path, update);
      store = open_ok (f->path);
      changes = pl_plan_changes_since_seen (store, id, NULL, &error);
      g_assert_null (changes);
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
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
test_another_connection (Fixture       *f,
                         gconstpointer  data)
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

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/plainly/store/create", test_create);
  ADD ("/plainly/store/actor", test_actor);
  ADD ("/plainly/store/another-connection", test_another_connection);
  ADD ("/plainly/store/wal-foreign-keys-strict", test_wal_and_foreign_keys);
  ADD ("/plainly/store/round-trip", test_round_trip);
  ADD ("/plainly/store/history", test_history);
  ADD ("/plainly/store/validation", test_validation);
  ADD ("/plainly/store/transaction-rollback", test_transaction_rollback);
  ADD ("/plainly/store/find-person", test_find_person);
  ADD ("/plainly/store/find-by-reference", test_find_by_reference);
  ADD ("/plainly/store/cascade", test_cascade);
  ADD ("/plainly/store/diary-search", test_diary_search);
  ADD ("/plainly/store/open-not-database", test_open_not_database);
  ADD ("/plainly/store/open-not-ours", test_open_not_ours);
  ADD ("/plainly/store/open-corrupt", test_open_corrupt);
  ADD ("/plainly/store/open-too-new", test_open_too_new);
  ADD ("/plainly/store/open-read-only", test_open_read_only);
  ADD ("/plainly/store/open-missing-directory", test_open_missing_directory);
  ADD ("/plainly/store/open-missing-no-create", test_open_missing_no_create);
  ADD ("/plainly/store/disk-full", test_disk_full);
  ADD ("/plainly/store/backup", test_backup);
  ADD ("/plainly/store/migrate-from-version-1", test_migrate_from_version_1);
  ADD ("/plainly/store/carers", test_carers);
  ADD ("/plainly/store/migrate-makes-backup", test_migrate_makes_backup);
  ADD ("/plainly/store/read-only-older-not-updated", test_read_only_older_not_updated);
  ADD ("/plainly/store/open-empty-file", test_open_empty_file);
  ADD ("/plainly/store/open-tightens-permissions", test_open_tightens_permissions);
  ADD ("/plainly/store/open-read-only-reads", test_open_read_only_reads);
  ADD ("/plainly/store/delete-person-erases-history", test_delete_person_erases_history);
  ADD ("/plainly/store/unknown-outcome", test_unknown_outcome);
  ADD ("/plainly/store/open-pipe-or-device", test_open_pipe_or_device);
  ADD ("/plainly/store/diary-search-missing", test_diary_search_missing);
  ADD ("/plainly/store/damaged-rows", test_damaged_rows);
#undef ADD

  return g_test_run ();
}
