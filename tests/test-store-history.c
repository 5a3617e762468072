/* test-store-history.c: the history: who changed what, and what erasure
 * takes out of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "pl-actor.h"
#include "pl-store-private.h"
#include "pl-store-test.h"

static void
test_history (PlStoreFixture *f,
              gconstpointer   data)
{
  g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *updated = NULL;
  gint64 id = pl_store_test_add_person (store, "Margaret Jones", "Peggy");
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

/* Who made a change is one explicit value, never words: the history shows
 * it in words as the names are now */
static void
test_actor (PlStoreFixture *f,
            gconstpointer   data)
{
  g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStaff) staff = pl_staff_new ();
  g_autoptr(PlCarer) carer = pl_carer_new ();
  g_autofree char *staff_actor = NULL;
  g_autofree char *person_actor = NULL;
  g_autofree char *carer_actor = NULL;
  g_autofree char *words = NULL;
  gint64 id = pl_store_test_add_person (store, "Margaret Jones", "Peggy");

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
test_delete_person_erases_history (PlStoreFixture *f,
                                   gconstpointer   data)
{
  g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(PlDiaryEntry) entry = pl_diary_entry_new ();
  g_autoptr(PlDiaryEntry) gone = pl_diary_entry_new ();
  g_autoptr(PlDiaryEntry) other_entry = pl_diary_entry_new ();
  g_autoptr(PlContact) contact = pl_contact_new ();
  g_autoptr(PlSharing) sharing = pl_sharing_new ();
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mine = NULL;
  gint64 id = pl_store_test_add_person (store, "Zebedee Quarrington", "Zeb");
  gint64 other = pl_store_test_add_person (store, "Arthur Dent", NULL);

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

/* A pronunciation keeps its history, and a person's goes with them */
static void
test_pronunciation_history (PlStoreFixture *f,
                            gconstpointer   data)
{
  g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
  g_autoptr(PlPronunciation) entry = pl_pronunciation_new ();
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = pl_store_test_add_person (store, "Ada Quennell", NULL);
  PlHistory *h;

  pl_store_set_actor (store, "staff:4");
  entry->person_id = id;
  entry->written = g_strdup ("Quennell");
  entry->said = g_strdup ("Kwen-ell");
  entry->language = g_strdup ("en-GB");
  g_assert_true (pl_store_save_pronunciation (store, entry, &error));
  g_free (entry->said);
  entry->said = g_strdup ("[[kw'En@l]]");
  g_assert_true (pl_store_save_pronunciation (store, entry, &error));
  g_assert_no_error (error);

  history = pl_store_list_history (store, &pl_pronunciation_type, entry->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((PlHistory *) history->pdata[0])->field, ==, "(created)");
  h = history->pdata[1];
  g_assert_cmpstr (h->field, ==, "said");
  g_assert_cmpstr (h->old_value, ==, "Kwen-ell");
  g_assert_cmpstr (h->new_value, ==, "[[kw'En@l]]");
  g_assert_cmpstr (h->actor, ==, "staff:4");

  g_assert_true (pl_store_delete_person_all (store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (history_rows_with (f->path, "table_name = 'pronunciations'"), ==, 0);
  g_clear_pointer (&store, pl_store_unref);
  g_assert_false (file_holds (f->path, "Kwen-ell"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  PL_STORE_TEST_ADD ("/plainly/store/actor", test_actor);
  PL_STORE_TEST_ADD ("/plainly/store/history", test_history);
  PL_STORE_TEST_ADD ("/plainly/store/delete-person-erases-history", test_delete_person_erases_history);
  PL_STORE_TEST_ADD ("/plainly/store/pronunciation-history", test_pronunciation_history);

  return g_test_run ();
}
