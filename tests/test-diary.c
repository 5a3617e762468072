/* test-diary.c: the rules a care diary entry keeps, and comments on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each rule has a case that keeps it and one that breaks it.
 */

#include "config.h"

#include <string.h>

#include "pl-diary.h"
#include "pl-store.h"
#include "pl-test-util.h"

#define TEXT_WELSH "Wedi helpu gyda brecwast. Roedd Siân yn hapus iawn 😊 – diolch!"

typedef struct
{
  char    *dir;
  PlStore *store;
  gint64   person_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = pl_person_new ();

  f->dir = pl_test_make_dir ("plainly-diary-XXXXXX");
  f->store = pl_test_open_store (f->dir, NULL);

  person->full_name = g_strdup ("Siân Evans");
  person->preferred_name = g_strdup ("Siân");
  person->preferred_language = g_strdup ("cy");
  g_assert_true (pl_store_save_person (f->store, person, &error));
  g_assert_no_error (error);
  f->person_id = person->id;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* A visit that happened, on time, that keeps every rule */
static PlDiaryEntry *
good_entry (Fixture *f)
{
  PlDiaryEntry *entry = pl_diary_entry_new ();

  entry->person_id = f->person_id;
  entry->visit_date = g_strdup ("2026-11-23");
  entry->planned_time = g_strdup ("08:00");
  entry->arrived = g_strdup ("08:00");
  entry->departed = g_strdup ("08:45");
  entry->outcome = PL_VISIT_COMPLETED;
  entry->worker = g_strdup ("Ana Kowalska");
  entry->what_done = g_strdup ("Helped with washing and dressing.");
  return entry;
}

static void
set (char       **field,
     const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* Checks entry against the rules: code -1 means it should pass */
static void
assert_check (const PlDiaryEntry *entry,
              int                 code)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = pl_diary_entry_check (entry, &error);

  if (code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_error (error, PL_DIARY_ERROR, code);
      g_assert_false (ok);
      /* A sentence a person can read, not a code */
      g_assert_cmpuint (strlen (error->message), >, 20);
      g_assert_null (strstr (error->message, "NULL"));
    }
}

static void
test_parse_time (void)
{
  g_assert_cmpint (pl_diary_parse_time ("00:00"), ==, 0);
  g_assert_cmpint (pl_diary_parse_time ("08:30"), ==, 8 * 60 + 30);
  g_assert_cmpint (pl_diary_parse_time ("8:30"), ==, 8 * 60 + 30);
  g_assert_cmpint (pl_diary_parse_time (" 23:59 "), ==, 23 * 60 + 59);
  g_assert_cmpint (pl_diary_parse_time ("24:00"), ==, -1);
  g_assert_cmpint (pl_diary_parse_time ("12:60"), ==, -1);
  g_assert_cmpint (pl_diary_parse_time ("8.30"), ==, -1);
  g_assert_cmpint (pl_diary_parse_time ("830"), ==, -1);
  g_assert_cmpint (pl_diary_parse_time ("08:3"), ==, -1);
  g_assert_cmpint (pl_diary_parse_time ("008:30"), ==, -1);
  g_assert_cmpint (pl_diary_parse_time ("08:30pm"), ==, -1);
  g_assert_cmpint (pl_diary_parse_time (""), ==, -1);
  g_assert_cmpint (pl_diary_parse_time (NULL), ==, -1);
}

static void
test_person_and_date (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PlDiaryEntry) entry = good_entry (f);

  assert_check (entry, -1);

  entry->person_id = 0;
  assert_check (entry, PL_DIARY_ERROR_NO_PERSON);
  entry->person_id = f->person_id;

  set (&entry->visit_date, NULL);
  assert_check (entry, PL_DIARY_ERROR_BAD_DATE);
  set (&entry->visit_date, "23/11/2026");
  assert_check (entry, PL_DIARY_ERROR_BAD_DATE);
  set (&entry->visit_date, "2026-02-30");
  assert_check (entry, PL_DIARY_ERROR_BAD_DATE);
  set (&entry->visit_date, "2028-02-29");
  assert_check (entry, -1);
}

/* Times are "HH:MM" */
static void
test_time_format (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PlDiaryEntry) entry = good_entry (f);
  g_autoptr(GError) error = NULL;

  set (&entry->planned_time, "8 o'clock");
  assert_check (entry, PL_DIARY_ERROR_BAD_PLANNED);
  set (&entry->planned_time, NULL);
  assert_check (entry, -1);

  set (&entry->arrived, "25:10");
  assert_check (entry, PL_DIARY_ERROR_BAD_ARRIVED);
  g_assert_false (pl_diary_entry_check (entry, &error));
  /* What was typed is quoted back, so they can see what to change */
  g_assert_nonnull (strstr (error->message, "25:10"));
  set (&entry->arrived, "8:05");
  assert_check (entry, -1);

  set (&entry->departed, "quarter to nine");
  assert_check (entry, PL_DIARY_ERROR_BAD_LEFT);
  set (&entry->departed, "08:45");
  assert_check (entry, -1);
}

/* NG21 1.3.22: a visit that happened says when the worker came and went */
static void
test_times_needed (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PlDiaryEntry) entry = good_entry (f);

  set (&entry->arrived, "  ");
  assert_check (entry, PL_DIARY_ERROR_BAD_ARRIVED);
  set (&entry->arrived, "08:00");
  set (&entry->departed, NULL);
  assert_check (entry, PL_DIARY_ERROR_BAD_LEFT);
  set (&entry->departed, "08:45");
  assert_check (entry, -1);
}

static void
test_left_after_arrived (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(PlDiaryEntry) entry = good_entry (f);

  set (&entry->arrived, "09:00");
  set (&entry->departed, "08:45");
  assert_check (entry, PL_DIARY_ERROR_BAD_LEFT);
  set (&entry->departed, "09:00");
  assert_check (entry, PL_DIARY_ERROR_BAD_LEFT);
  set (&entry->departed, "09:01");
  assert_check (entry, -1);
}

/* NG21 1.4.12-1.4.15: late visits, against the planned time, and followed up */
static void
test_late (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(PlDiaryEntry) entry = good_entry (f);

  entry->outcome = PL_VISIT_LATE;
  set (&entry->arrived, "08:40");
  set (&entry->departed, "09:20");

  set (&entry->planned_time, NULL);
  set (&entry->action_taken, "The office rang at 08:15 to say Ana was running late.");
  assert_check (entry, PL_DIARY_ERROR_NEEDS_PLANNED);

  set (&entry->planned_time, "08:40");
  assert_check (entry, PL_DIARY_ERROR_BAD_ARRIVED);

  set (&entry->planned_time, "08:00");
  set (&entry->action_taken, " \n ");
  assert_check (entry, PL_DIARY_ERROR_NEEDS_ACTION);

  set (&entry->action_taken, "The office rang at 08:15 to say Ana was running late.");
  assert_check (entry, -1);
}

static void
test_missed (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PlDiaryEntry) entry = good_entry (f);
  g_autoptr(GError) error = NULL;

  entry->outcome = PL_VISIT_MISSED;
  set (&entry->what_done, NULL);

  /* Nobody came, so nobody arrived */
  set (&entry->action_taken, "Sam came at 10:00 instead.");
  assert_check (entry, PL_DIARY_ERROR_BAD_ARRIVED);
  set (&entry->arrived, NULL);
  assert_check (entry, PL_DIARY_ERROR_BAD_LEFT);
  set (&entry->departed, NULL);
  assert_check (entry, -1);

  set (&entry->action_taken, NULL);
  g_assert_false (pl_diary_entry_check (entry, &error));
  g_assert_error (error, PL_DIARY_ERROR, PL_DIARY_ERROR_NEEDS_ACTION);
  g_assert_nonnull (strstr (error->message, "missed"));

  /* The store is not reached with a broken entry */
  g_clear_error (&error);
  g_assert_false (pl_diary_save_entry (f->store, entry, &error));
  g_assert_error (error, PL_DIARY_ERROR, PL_DIARY_ERROR_NEEDS_ACTION);
  g_assert_cmpint (entry->id, ==, 0);
}

/* A cancelled visit was usually asked for: no follow-up is needed */
static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PlDiaryEntry) entry = good_entry (f);

  entry->outcome = PL_VISIT_CANCELLED;
  assert_check (entry, PL_DIARY_ERROR_BAD_ARRIVED);
  set (&entry->arrived, NULL);
  set (&entry->departed, NULL);
  assert_check (entry, -1);
}

static void
test_save_tidies (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PlDiaryEntry) entry = good_entry (f);
  g_autoptr(PlDiaryEntry) loaded = NULL;
  g_autoptr(GError) error = NULL;

  set (&entry->arrived, "8:05");
  set (&entry->follow_up, "   ");
  set (&entry->how_i_was, "  " TEXT_WELSH "\n");
  g_assert_true (pl_diary_save_entry (f->store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (entry->id, >, 0);

  loaded = pl_store_load_diary_entry (f->store, entry->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->arrived, ==, "08:05");
  g_assert_null (loaded->follow_up);
  g_assert_cmpstr (loaded->how_i_was, ==, TEXT_WELSH);
  g_assert_cmpint (loaded->outcome, ==, PL_VISIT_COMPLETED);

  /* Changing it keeps its id */
  set (&entry->follow_up, "Ask the GP about the new tablets.");
  g_assert_true (pl_diary_save_entry (f->store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (entry->id, ==, loaded->id);
}

/* A new entry is found by words from it, Welsh and emoji included */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PlDiaryEntry) entry = good_entry (f);
  g_autoptr(PlDiaryEntry) other = good_entry (f);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  set (&other->what_done, "Made a cup of tea.");
  g_assert_true (pl_diary_save_entry (f->store, other, &error));
  g_assert_no_error (error);

  found = pl_store_search_diary (f->store, f->person_id, "brecwast", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  set (&entry->what_done, TEXT_WELSH);
  set (&entry->visit_date, "2026-11-24");
  g_assert_true (pl_diary_save_entry (f->store, entry, &error));
  g_assert_no_error (error);

  found = pl_store_search_diary (f->store, f->person_id, "brecwast", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((PlDiaryEntry *) g_ptr_array_index (found, 0))->id, ==, entry->id);
  g_assert_cmpstr (((PlDiaryEntry *) g_ptr_array_index (found, 0))->what_done, ==, TEXT_WELSH);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Accents need not be typed, and the last word may be unfinished */
  found = pl_store_search_diary (f->store, f->person_id, "Sian hap", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = pl_store_search_diary (f->store, f->person_id, "tea", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((PlDiaryEntry *) g_ptr_array_index (found, 0))->id, ==, other->id);
}

static void
test_comments (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(PlDiaryEntry) entry = good_entry (f);
  g_autoptr(PlDiaryComment) mine = NULL;
  g_autoptr(PlDiaryComment) carers = NULL;
  g_autoptr(PlDiaryComment) none = NULL;
  g_autoptr(PlCarer) carer = pl_carer_new ();
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  person = pl_store_load_person (f->store, f->person_id, &error);
  g_assert_no_error (error);
  g_assert_true (pl_diary_save_entry (f->store, entry, &error));
  g_assert_no_error (error);
  carer->name = g_strdup ("Rhys");
  g_assert_true (pl_store_save_carer (f->store, carer, &error));
  g_assert_no_error (error);

  /* Not blank: a name and some words */
  none = pl_diary_add_comment (f->store, entry->id, " ", 0, "Thank you", &error);
  g_assert_error (error, PL_DIARY_ERROR, PL_DIARY_ERROR_NO_AUTHOR);
  g_assert_null (none);
  g_clear_error (&error);
  none = pl_diary_add_comment (f->store, entry->id, "Siân", 0, "\t \n", &error);
  g_assert_error (error, PL_DIARY_ERROR, PL_DIARY_ERROR_NO_BODY);
  g_assert_null (none);
  g_clear_error (&error);
  none = pl_diary_add_comment (f->store, entry->id + 100, "Siân", 0, "Thank you", &error);
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
  g_assert_null (none);
  g_clear_error (&error);

  mine = pl_diary_add_comment (f->store, entry->id, "Siân", 0, " " TEXT_WELSH " ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mine->id, >, 0);
  g_assert_cmpstr (mine->body, ==, TEXT_WELSH);
  g_assert_nonnull (mine->created_at);
  carers = pl_diary_add_comment (f->store, entry->id, "Rhys", carer->id,
                                 "Mam said the porridge was lovely 🥣", &error);
  g_assert_no_error (error);

  comments = pl_diary_list_comments (f->store, entry->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 2);
  g_assert_cmpint (((PlDiaryComment *) g_ptr_array_index (comments, 0))->id, ==, mine->id);
  g_assert_cmpint (((PlDiaryComment *) g_ptr_array_index (comments, 0))->carer_id, ==, 0);
  g_assert_cmpstr (((PlDiaryComment *) g_ptr_array_index (comments, 0))->author, ==, "Siân");
  g_assert_cmpint (((PlDiaryComment *) g_ptr_array_index (comments, 1))->carer_id, ==, carer->id);
  g_assert_cmpstr (((PlDiaryComment *) g_ptr_array_index (comments, 1))->body, ==,
                   "Mam said the porridge was lovely 🥣");
  g_clear_pointer (&comments, g_ptr_array_unref);

  /* The person's own, told apart by their name once a carer has gone */
  g_assert_true (pl_diary_comment_is_persons (mine, person));
  g_assert_false (pl_diary_comment_is_persons (carers, person));
  carers->carer_id = 0;
  g_assert_false (pl_diary_comment_is_persons (carers, person));
  set (&mine->author, "SIÂN EVANS ");
  g_assert_true (pl_diary_comment_is_persons (mine, person));

  /* They go with the entry */
  g_assert_true (pl_store_delete_diary_entry (f->store, entry->id, &error));
  g_assert_no_error (error);
  comments = pl_diary_list_comments (f->store, entry->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plainly/diary/parse-time", test_parse_time);
#define ADD(path, func) \
  g_test_add ("/plainly/diary/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("person-and-date", test_person_and_date);
  ADD ("time-format", test_time_format);
  ADD ("times-needed", test_times_needed);
  ADD ("left-after-arrived", test_left_after_arrived);
  ADD ("late", test_late);
  ADD ("missed", test_missed);
  ADD ("cancelled", test_cancelled);
  ADD ("save-tidies", test_save_tidies);
  ADD ("search", test_search);
  ADD ("comments", test_comments);
#undef ADD

  return g_test_run ();
}
