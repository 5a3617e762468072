/* test-store-check.c: damaged and unknown values, and what check says of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "pl-document.h"
#include "pl-store-private.h"
#include "pl-store-test.h"

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
test_unknown_outcome (PlStoreFixture *f,
                      gconstpointer   data)
{
  g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
  g_autoptr(PlDiaryEntry) entry = pl_diary_entry_new ();
  g_autoptr(PlDiaryEntry) loaded = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sql = NULL;
  gint64 id = pl_store_test_add_person (store, "Ada Jones", NULL);

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

/* With the diary's search index gone, check says so, and opening the file
 * to write rebuilds it so diary entries can be saved and found again */
static void
test_diary_search_missing (PlStoreFixture *f,
                           gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  {
    g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
    g_autoptr(PlDiaryEntry) entry = pl_diary_entry_new ();

    id = pl_store_test_add_person (store, "Ada Jones", NULL);
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
    g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
    g_autoptr(PlDiaryEntry) entry = pl_diary_entry_new ();
    g_autoptr(GPtrArray) found = NULL;
    g_autoptr(PlStoreReport) report = NULL;

    g_assert_true (pl_store_test_notices_mention (store, "search index"));
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
test_damaged_rows (PlStoreFixture *f,
                   gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 id;

  {
    g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
    g_autoptr(PlPlan) plan = pl_plan_new ();

    id = pl_store_test_add_person (store, "Ada Jones", "Ada");
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
    g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
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
    g_assert_cmpuint (report->problems->len, ==, 2);
    g_assert_nonnull (strstr (report->problems->pdata[0], "person numbered"));
    g_assert_nonnull (strstr (report->problems->pdata[0], "preferred name"));
    /* and the snapshot, with what is lost */
    g_assert_nonnull (strstr (report->problems->pdata[1], "last saw it cannot be read"));
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

      g_autoptr(PlStoreReport) report = NULL;
      gboolean named = FALSE;

      run_sql (f->path, update);
      store = pl_store_test_open_ok (f->path);
      changes = pl_plan_changes_since_seen (store, id, NULL, &error);
      g_assert_null (changes);
      g_assert_nonnull (error);
      g_clear_error (&error);

      report = pl_store_check (store, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < report->problems->len; j++)
        named |= strstr (report->problems->pdata[j], "last saw it cannot be read") != NULL;
      g_assert_true (named);
    }

  /* A draft whose typing is not readable JSON, or not of its record */
  for (guint i = 0; i < 2; i++)
    {
      static const char * const contents[] = { "'{\"body\": '", "'[1, 2]'" };
      g_autofree char *insert = g_strdup_printf ("DELETE FROM drafts;"
                                                 "INSERT INTO drafts (id, table_name, content, updated_at) "
                                                 "VALUES (7, 'plan_sections', %s, '2026-12-03T09:00:00Z')",
                                                 contents[i]);
      g_autoptr(PlStore) store = NULL;
      g_autoptr(PlStoreReport) report = NULL;
      gboolean named = FALSE;

      run_sql (f->path, insert);
      store = pl_store_test_open_ok (f->path);
      report = pl_store_check (store, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < report->problems->len; j++)
        named |= strstr (report->problems->pdata[j], "The draft numbered 7 cannot be read") != NULL;
      g_assert_true (named);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  PL_STORE_TEST_ADD ("/plainly/store/unknown-outcome", test_unknown_outcome);
  PL_STORE_TEST_ADD ("/plainly/store/diary-search-missing", test_diary_search_missing);
  PL_STORE_TEST_ADD ("/plainly/store/damaged-rows", test_damaged_rows);

  return g_test_run ();
}
