/* test-draft.c: drafts kept as staff type, offered back, applied or thrown away
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <gio/gio.h>
#include <sqlite3.h>

#include "pl-core-resources.h"
#include "pl-draft.h"
#include "pl-test-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  PlStore *store;
  gint64   staff_id;
  gint64   person_id;
  gint64   plan_id;
  gint64   visit_id;
} Fixture;

static void
save (PlStore            *store,
      const PlRecordType *type,
      gpointer            record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_store_save (store, type, record, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(PlStaff) staff = pl_staff_new ();
  g_autoptr(PlPerson) person = pl_person_new ();
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(PlVisit) visit = pl_visit_new ();

  f->dir = pl_test_make_dir ("plainly-draft");
  f->store = pl_test_open_store (f->dir, &f->path);

  staff->username = g_strdup ("sam");
  staff->display_name = g_strdup ("Sam Patel");
  staff->role = PL_ROLE_COORDINATOR;
  save (f->store, &pl_staff_type, staff);
  f->staff_id = staff->id;

  person->full_name = g_strdup ("Ada Jones");
  save (f->store, &pl_person_type, person);
  f->person_id = person->id;

  plan->person_id = person->id;
  plan->version = 1;
  save (f->store, &pl_plan_type, plan);
  f->plan_id = plan->id;

  visit->plan_id = plan->id;
  visit->weekday = 1;
  visit->start_time = g_strdup ("08:00");
  visit->duration = 45;
  visit->tasks = g_strdup ("Breakfast");
  save (f->store, &pl_visit_type, visit);
  f->visit_id = visit->id;

  pl_store_set_actor (f->store, "staff:1");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static guint
count_history (PlStore            *store,
               const PlRecordType *type,
               gint64              id)
{
  g_autoptr(GPtrArray) rows = pl_store_list_history (store, type, id, NULL);

  return rows->len;
}

static void
test_save_and_load (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlVisit) visit = pl_store_load_visit (f->store, f->visit_id, NULL);
  g_autoptr(PlDraft) draft = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(PlVisit) saved = NULL;
  const PlRecordType *type = NULL;
  PlVisit *loaded;
  gint64 draft_id = 0, again_id = 0;
  guint visit_history;

  visit_history = count_history (f->store, &pl_visit_type, f->visit_id);

  g_free (visit->tasks);
  visit->tasks = g_strdup ("Breakfast and a cup of t");
  g_assert_true (pl_draft_save (f->store, f->staff_id, f->person_id, &pl_visit_type, visit,
                                NULL, &draft_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (draft_id, >, 0);

  /* Typing on updates the same draft */
  g_free (visit->tasks);
  visit->tasks = g_strdup ("Breakfast and a cup of tea");
  visit->duration = 60;
  g_assert_true (pl_draft_save (f->store, f->staff_id, f->person_id, &pl_visit_type, visit,
                                NULL, &again_id, &error));
  g_assert_cmpint (again_id, ==, draft_id);

  drafts = pl_store_list_drafts (f->store, 0, NULL);
  g_assert_cmpuint (drafts->len, ==, 1);

  draft = pl_draft_find (f->store, f->staff_id, f->person_id, &pl_visit_type, f->visit_id,
                         NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (draft->table_name, ==, "visits");
  g_assert_cmpint (draft->record_id, ==, f->visit_id);
  g_assert_nonnull (strstr (draft->content, "cup of tea"));

  loaded = pl_draft_load (f->store, draft_id, &type, &error);
  g_assert_no_error (error);
  g_assert_true (type == &pl_visit_type);
  g_assert_cmpint (loaded->id, ==, f->visit_id);
  g_assert_cmpint (loaded->plan_id, ==, f->plan_id);
  g_assert_cmpstr (loaded->tasks, ==, "Breakfast and a cup of tea");
  g_assert_cmpint (loaded->duration, ==, 60);
  pl_record_free (type, loaded);

  /* The record itself is untouched until the draft is applied, and what
   * was typed is not in history */
  saved = pl_store_load_visit (f->store, f->visit_id, NULL);
  g_assert_cmpstr (saved->tasks, ==, "Breakfast");
  g_assert_cmpuint (count_history (f->store, &pl_visit_type, f->visit_id), ==, visit_history);
  {
    g_autoptr(GPtrArray) rows = pl_store_list_history (f->store, &pl_draft_type, draft_id, NULL);

    for (guint i = 0; i < rows->len; i++)
      {
        const PlHistory *h = g_ptr_array_index (rows, i);

        g_assert_true (h->new_value == NULL || strstr (h->new_value, "cup of") == NULL);
      }
  }

  /* Another form, or someone else typing, has its own draft */
  g_assert_null (pl_draft_find (f->store, 0, f->person_id, &pl_visit_type, f->visit_id, NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
}

static void
test_survives_reopen (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlOutcome) outcome = pl_outcome_new ();
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) others = NULL;
  const PlDraft *draft;

  outcome->plan_id = f->plan_id;
  outcome->outcome = g_strdup ("To get to the memory café on Thursdays");
  g_assert_true (pl_draft_save (f->store, f->staff_id, f->person_id, &pl_outcome_type, outcome,
                                "new-outcome", NULL, &error));
  g_assert_no_error (error);

  /* As if the app had stopped */
  pl_store_unref (f->store);
  f->store = pl_test_open_store (f->dir, NULL);

  drafts = pl_draft_list_for (f->store, f->staff_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (draft->table_name, ==, "outcomes");
  g_assert_cmpint (draft->record_id, ==, 0);
  g_assert_cmpstr (draft->new_key, ==, "new-outcome");
  g_assert_cmpint (draft->person_id, ==, f->person_id);
  g_assert_nonnull (draft->updated_at);

  /* Only the drafts of who is asking */
  others = pl_draft_list_for (f->store, 0, f->person_id, &error);
  g_assert_cmpuint (others->len, ==, 0);
}

static void
test_apply_existing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlVisit) visit = pl_store_load_visit (f->store, f->visit_id, NULL);
  g_autoptr(PlVisit) saved = NULL;
  g_autoptr(PlDraft) gone = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 draft_id = 0, record_id = 0;
  gboolean found_duration = FALSE;

  visit->duration = 50;
  g_assert_true (pl_draft_save (f->store, f->staff_id, f->person_id, &pl_visit_type, visit,
                                NULL, &draft_id, &error));

  pl_store_set_actor (f->store, "staff:2");
  g_assert_true (pl_draft_apply (f->store, draft_id, &record_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (record_id, ==, f->visit_id);

  saved = pl_store_load_visit (f->store, f->visit_id, NULL);
  g_assert_cmpint (saved->duration, ==, 50);

  /* Kept in history, by whoever applied it */
  rows = pl_store_list_history (f->store, &pl_visit_type, f->visit_id, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const PlHistory *h = g_ptr_array_index (rows, i);

      if (g_str_equal (h->field, "duration"))
        {
          found_duration = TRUE;
          g_assert_cmpstr (h->old_value, ==, "45");
          g_assert_cmpstr (h->new_value, ==, "50");
          g_assert_cmpstr (h->actor, ==, "staff:2");
        }
    }
  g_assert_true (found_duration);

  gone = pl_store_load_draft (f->store, draft_id, &error);
  g_assert_null (gone);
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
}

static void
test_apply_new (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlMedicine) medicine = pl_medicine_new ();
  g_autoptr(PlMedicine) saved = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  gint64 first = 0, second = 0, record_id = 0;

  medicine->plan_id = f->plan_id;
  medicine->name = g_strdup ("Metformin");
  g_assert_true (pl_draft_save (f->store, f->staff_id, f->person_id, &pl_medicine_type, medicine,
                                NULL, &first, &error));
  /* A second new medicine, in another form, is another draft */
  g_free (medicine->name);
  medicine->name = g_strdup ("Amlodipine");
  g_assert_true (pl_draft_save (f->store, f->staff_id, f->person_id, &pl_medicine_type, medicine,
                                "second", &second, &error));
  g_assert_cmpint (first, !=, second);

  g_assert_true (pl_draft_apply (f->store, first, &record_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (record_id, >, 0);
  saved = pl_store_load_medicine (f->store, record_id, &error);
  g_assert_cmpstr (saved->name, ==, "Metformin");
  g_assert_cmpint (saved->plan_id, ==, f->plan_id);
  g_assert_cmpuint (count_history (f->store, &pl_medicine_type, record_id), ==, 1);

  g_assert_true (pl_draft_discard (f->store, second, &error));
  drafts = pl_draft_list_for (f->store, f->staff_id, f->person_id, &error);
  g_assert_cmpuint (drafts->len, ==, 0);
}

/* A record the store refuses keeps its draft, and nothing is half-saved */
static void
test_apply_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlVisit) visit = pl_store_load_visit (f->store, f->visit_id, NULL);
  g_autoptr(PlVisit) saved = NULL;
  g_autoptr(PlDraft) kept = NULL;
  gint64 draft_id = 0;

  g_free (visit->start_time);
  visit->start_time = g_strdup ("");
  g_free (visit->tasks);
  visit->tasks = g_strdup ("Changed");
  g_assert_true (pl_draft_save (f->store, f->staff_id, f->person_id, &pl_visit_type, visit,
                                NULL, &draft_id, &error));

  g_assert_false (pl_draft_apply (f->store, draft_id, NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  kept = pl_store_load_draft (f->store, draft_id, &error);
  g_assert_no_error (error);
  saved = pl_store_load_visit (f->store, f->visit_id, NULL);
  g_assert_cmpstr (saved->tasks, ==, "Breakfast");

  /* The visit removed meanwhile: the draft says so and stays */
  g_assert_true (pl_store_delete_visit (f->store, f->visit_id, NULL));
  g_assert_false (pl_draft_apply (f->store, draft_id, NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
}

#define KILL_ROUNDS 20

G_GNUC_NORETURN static void
typist (const char *path,
        gint64      staff_id,
        gint64      person_id,
        gint64      visit_id,
        int         report_fd)
{
  g_autoptr(PlStore) store = pl_store_open (path, PL_STORE_OPEN_NO_CREATE, NULL);
  g_autoptr(PlVisit) visit = store != NULL ? pl_store_load_visit (store, visit_id, NULL) : NULL;
  g_autoptr(GString) typed = g_string_new (NULL);

  if (visit == NULL)
    _exit (2);

  /* One letter more each save, as someone typing; each length reported
   * once the save has returned */
  for (guint n = 1; ; n++)
    {
      g_string_append_c (typed, 'a' + (char) (n % 26));
      g_free (visit->tasks);
      visit->tasks = g_strdup (typed->str);
      if (!pl_draft_save (store, staff_id, person_id, &pl_visit_type, visit, NULL, NULL, NULL))
        _exit (3);
      if (write (report_fd, &n, sizeof n) != sizeof n)
        _exit (4);
    }
}

/* Killing the app at any instant loses at most the letter being saved */
static void
test_survives_kill (Fixture       *f,
                    gconstpointer  data)
{
  pl_store_unref (f->store);
  f->store = NULL;

  for (guint round = 0; round < KILL_ROUNDS; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlStore) store = NULL;
      g_autoptr(PlDraft) draft = NULL;
      const PlRecordType *type = NULL;
      PlVisit *visit;
      guint wanted = (guint) g_test_rand_int_range (1, 60);
      guint reported = 0, n;
      int fds[2];
      int status = 0;
      pid_t pid;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          typist (f->path, f->staff_id, f->person_id, f->visit_id, fds[1]);
        }
      close (fds[1]);

      while (reported < wanted && read (fds[0], &n, sizeof n) == sizeof n)
        reported = n;
      g_usleep (g_test_rand_int_range (0, 500));
      kill (pid, SIGKILL);
      /* Anything reported after we stopped listening was saved too */
      while (read (fds[0], &n, sizeof n) == sizeof n)
        reported = n;
      close (fds[0]);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      store = pl_test_open_store (f->dir, NULL);
      draft = pl_draft_find (store, f->staff_id, f->person_id, &pl_visit_type, f->visit_id,
                             NULL, &error);
      g_assert_no_error (error);
      visit = pl_draft_load (store, draft->id, &type, &error);
      g_assert_no_error (error);
      /* Every save that returned is there; at most the one in flight more */
      g_assert_cmpuint (strlen (visit->tasks), >=, reported);
      g_assert_cmpuint (strlen (visit->tasks), <=, reported + 1);
      pl_record_free (type, visit);

      g_assert_true (pl_draft_discard (store, draft->id, &error));
      g_assert_no_error (error);
    }

  f->store = pl_test_open_store (f->dir, NULL);
}

/* A draft about a person goes with them */
static void
test_person_removed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlVisit) visit = pl_store_load_visit (f->store, f->visit_id, NULL);
  g_autoptr(GPtrArray) drafts = NULL;

  g_assert_true (pl_draft_save (f->store, f->staff_id, f->person_id, &pl_visit_type, visit,
                                NULL, NULL, &error));
  g_assert_true (pl_draft_save (f->store, 0, f->person_id, &pl_visit_type, visit,
                                NULL, NULL, &error));
  g_assert_true (pl_store_delete_person_all (f->store, f->person_id, &error));
  g_assert_no_error (error);
  drafts = pl_store_list_drafts (f->store, 0, &error);
  g_assert_cmpuint (drafts->len, ==, 0);
}

/* A file from before drafts gains them, and keeps what it held */
static void
test_migrate_from_version_3 (Fixture       *f,
                             gconstpointer  data)
{
  static const char * const files[] = {
    "001-initial.sql", "002-reading-aids-and-carers.sql", "003-need-rules.sql",
  };
  g_autofree char *path = g_build_filename (f->dir, "old.db", NULL);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(PlPerson) person = NULL;
  sqlite3 *db = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *name = g_strconcat ("/org/plainly/Plainly/core/schema/", files[i], NULL);
      g_autoptr(GBytes) bytes = g_resource_lookup_data (pl_core_get_resource (), name, 0, &error);

      g_assert_no_error (error);
      g_string_append_len (sql, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
      g_string_append (sql, ";\n");
    }
  g_string_append_printf (sql,
                          "INSERT INTO people (full_name, created_at, updated_at) "
                          "VALUES ('Ada Jones', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');\n"
                          "PRAGMA application_id = %d; PRAGMA user_version = 3;", 0x506c6e79);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql->str, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = pl_store_open (path, PL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_store_get_schema_version (store), ==, PL_STORE_SCHEMA_VERSION);
  people = pl_store_list_people (store, 0, &error);
  g_assert_cmpuint (people->len, ==, 1);

  person = g_ptr_array_steal_index (people, 0);
  g_free (person->preferred_name);
  person->preferred_name = g_strdup ("Ada");
  g_assert_true (pl_draft_save (store, 0, person->id, &pl_person_type, person, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A removal draft takes the place of typed changes, is told apart, goes
 * back to a change when typed over, and removes the record when applied */
static void
test_removal (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlVisit) visit = pl_store_load_visit (f->store, f->visit_id, NULL);
  g_autoptr(PlDraft) draft = NULL;
  g_autoptr(PlDraft) again = NULL;
  g_autoptr(PlVisit) missing = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  gint64 edit_id = 0, removal_id = 0, back_id = 0, record_id = -1;

  visit->duration = 60;
  g_assert_true (pl_draft_save (f->store, f->staff_id, f->person_id, &pl_visit_type, visit,
                                NULL, &edit_id, &error));
  g_assert_true (pl_draft_save_removal (f->store, f->staff_id, f->person_id, &pl_visit_type,
                                        f->visit_id, &removal_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (removal_id, ==, edit_id);

  drafts = pl_draft_list_for (f->store, f->staff_id, f->person_id, &error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_true (pl_draft_is_removal (g_ptr_array_index (drafts, 0)));

  /* Typed over: a change again */
  g_assert_true (pl_draft_save (f->store, f->staff_id, f->person_id, &pl_visit_type, visit,
                                NULL, &back_id, &error));
  g_assert_cmpint (back_id, ==, edit_id);
  draft = pl_store_load_draft (f->store, back_id, &error);
  g_assert_false (pl_draft_is_removal (draft));

  g_assert_true (pl_draft_save_removal (f->store, f->staff_id, f->person_id, &pl_visit_type,
                                        f->visit_id, &removal_id, &error));
  g_assert_true (pl_draft_apply (f->store, removal_id, &record_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (record_id, ==, 0);

  missing = pl_store_load_visit (f->store, f->visit_id, &error);
  g_assert_null (missing);
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  again = pl_store_load_draft (f->store, removal_id, &error);
  g_assert_null (again);
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/plainly/draft/save-and-load", test_save_and_load);
  ADD ("/plainly/draft/survives-reopen", test_survives_reopen);
  ADD ("/plainly/draft/apply-existing", test_apply_existing);
  ADD ("/plainly/draft/apply-new", test_apply_new);
  ADD ("/plainly/draft/apply-refused", test_apply_refused);
  ADD ("/plainly/draft/survives-kill", test_survives_kill);
  ADD ("/plainly/draft/removal", test_removal);
  ADD ("/plainly/draft/person-removed", test_person_removed);
  ADD ("/plainly/draft/migrate-from-version-3", test_migrate_from_version_3);
#undef ADD

  return g_test_run ();
}
