/* test-edit-session.c: undo, drafts, recovery and saving, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test installs the example person in its own database. The session's
 * clock is the test's own, so a pause in typing takes no time.
 */

#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <sqlite3.h>

#include "pl-actor.h"
#include "pl-demo.h"
#include "pl-diary.h"
#include "pl-draft.h"
#include "pl-edit-session.h"
#include "pl-plan-version.h"
#include "pl-staff.h"
#include "pl-test-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  PlStore *store;
  gint64   person_id;
  gint64   service_id;
  gint64   plan_id;
  PlStaff *staff;
  gint64   now;          /* the sessions' clock, µs */
  guint    n_replaced;
  guint    n_changed;
} Fixture;

static gint64
test_clock (gpointer user_data)
{
  return ((Fixture *) user_data)->now;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(PlPlan) plan = NULL;

  f->dir = pl_test_make_dir ("plainly-edit-session");
  f->store = pl_test_open_store (f->dir, &f->path);
  g_assert_true (pl_demo_install (f->store, &f->person_id, &error));
  g_assert_no_error (error);
  person = pl_store_load_person (f->store, f->person_id, &error);
  g_assert_no_error (error);
  f->service_id = person->service_id;
  plan = pl_store_current_plan (f->store, f->person_id, &error);
  g_assert_no_error (error);
  f->plan_id = plan->id;
  f->staff = pl_staff_find (f->store, "sam.patel", &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->staff);
  f->now = 1000 * G_USEC_PER_SEC;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->staff, pl_staff_free);
  g_clear_pointer (&f->store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
changed_cb (PlEditSession *session,
            gboolean       replaced,
            Fixture       *f)
{
  f->n_changed++;
  if (replaced)
    f->n_replaced++;
}

static PlEditSession *
open_session (Fixture          *f,
              const PlEditKind *kind,
              gint64            person_id)
{
  PlEditSession *session = pl_edit_session_new (kind, f->store, f->staff->id, person_id);

  pl_edit_session_set_clock (session, test_clock, f);
  g_signal_connect (session, "changed", G_CALLBACK (changed_cb), f);
  return session;
}

static PlEditSession *
open_plan (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PlEditSession *session = open_session (f, &pl_edit_kind_plan, f->person_id);

  g_assert_true (pl_edit_session_load (session, f->plan_id, &error));
  g_assert_no_error (error);
  return session;
}

static PlOutcome *
outcome_at (PlEditSession *session,
            guint          i)
{
  PlPlanContent *content = pl_edit_session_get_content (session);

  return g_ptr_array_index (content->parts[PL_PLAN_PART_OUTCOMES], i);
}

/* Typing into a field, as a form does: the record first, then the word */
static void
type (Fixture       *f,
      PlEditSession *session,
      char         **slot,
      gpointer       record,
      const char    *field,
      const char    *text)
{
  g_autoptr(GError) error = NULL;

  g_free (*slot);
  *slot = g_strdup (text);
  g_assert_true (pl_edit_session_changed (session, record, field, &error));
  g_assert_no_error (error);
}

static guint
n_drafts (Fixture *f,
          gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = pl_draft_list_for (f->store, f->staff->id, person_id, &error);

  g_assert_no_error (error);
  return drafts->len;
}

static void
test_undo_grouping (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PlEditSession) session = open_plan (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = g_strdup (outcome_at (session, 0)->outcome);
  PlOutcome *outcome = outcome_at (session, 0);
  gboolean can_undo = FALSE;

  g_assert_false (pl_edit_session_can_undo (session));
  g_assert_false (pl_edit_session_can_redo (session));
  g_assert_false (pl_edit_session_is_dirty (session));

  /* Three keys a moment apart: one step */
  type (f, session, &outcome->outcome, outcome, "outcome", "T");
  f->now += G_USEC_PER_SEC / 2;
  type (f, session, &outcome->outcome, outcome, "outcome", "To");
  f->now += G_USEC_PER_SEC / 2;
  type (f, session, &outcome->outcome, outcome, "outcome", "To walk");
  g_object_get (session, "can-undo", &can_undo, NULL);
  g_assert_true (can_undo);
  g_assert_true (pl_edit_session_is_dirty (session));

  /* After a pause, the next words are a step of their own */
  f->now += 3 * G_USEC_PER_SEC;
  type (f, session, &outcome->outcome, outcome, "outcome", "To walk to the shop");
  /* So is another field, at once */
  type (f, session, &outcome->measure, outcome, "measure", "Twice a week");
  /* …and another record's same field */
  type (f, session, &outcome_at (session, 1)->outcome, outcome_at (session, 1), "outcome", "Lunch club");

  f->n_replaced = 0;
  g_assert_true (pl_edit_session_undo (session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_replaced, ==, 1);
  g_assert_cmpstr (outcome_at (session, 1)->outcome, !=, "Lunch club");
  g_assert_true (pl_edit_session_undo (session, &error));
  g_assert_cmpstr (outcome_at (session, 0)->measure, !=, "Twice a week");
  g_assert_cmpstr (outcome_at (session, 0)->outcome, ==, "To walk to the shop");
  g_assert_true (pl_edit_session_undo (session, &error));
  g_assert_cmpstr (outcome_at (session, 0)->outcome, ==, "To walk");
  g_assert_true (pl_edit_session_undo (session, &error));
  g_assert_cmpstr (outcome_at (session, 0)->outcome, ==, before);
  g_assert_false (pl_edit_session_can_undo (session));
  g_assert_false (pl_edit_session_is_dirty (session));
  /* Back as saved: no draft is left */
  g_assert_cmpuint (n_drafts (f, f->person_id), ==, 0);

  g_assert_true (pl_edit_session_can_redo (session));
  g_assert_true (pl_edit_session_redo (session, &error));
  g_assert_cmpstr (outcome_at (session, 0)->outcome, ==, "To walk");
  g_assert_true (pl_edit_session_redo (session, &error));
  g_assert_cmpstr (outcome_at (session, 0)->outcome, ==, "To walk to the shop");
  g_assert_cmpuint (n_drafts (f, f->person_id), ==, 1);

  /* A change the content already had is no step */
  outcome = outcome_at (session, 0);
  type (f, session, &outcome->outcome, outcome, "outcome", "To walk to the shop");
  g_assert_true (pl_edit_session_can_redo (session));
}

static void
test_redo_cleared (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PlEditSession) session = open_plan (f);
  g_autoptr(GError) error = NULL;
  PlOutcome *outcome = outcome_at (session, 0);
  gboolean can_redo = TRUE;

  type (f, session, &outcome->outcome, outcome, "outcome", "First");
  f->now += 5 * G_USEC_PER_SEC;
  type (f, session, &outcome->outcome, outcome, "outcome", "Second");
  g_assert_true (pl_edit_session_undo (session, &error));
  g_assert_true (pl_edit_session_can_redo (session));

  outcome = outcome_at (session, 0);
  g_assert_cmpstr (outcome->outcome, ==, "First");
  type (f, session, &outcome->outcome, outcome, "outcome", "Third");
  g_object_get (session, "can-redo", &can_redo, NULL);
  g_assert_false (can_redo);
  g_assert_true (pl_edit_session_undo (session, &error));
  g_assert_cmpstr (outcome_at (session, 0)->outcome, ==, "First");
}

/* Each change is on the disk when the call returns: another connection to
 * the file finds it */
static void
test_autosave_durable (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(PlEditSession) session = open_plan (f);
  g_autoptr(GError) error = NULL;
  PlPlanContent *content = pl_edit_session_get_content (session);
  PlMedicine *medicine = g_ptr_array_index (content->parts[PL_PLAN_PART_MEDICINES], 0);
  const char *words[] = { "With breakfast", "With breakfast and tea", "With breakfast, tea and supper" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autoptr(PlStore) other = NULL;
      g_autoptr(PlDraft) draft = NULL;
      const PlRecordType *type_out = NULL;
      PlMedicine *drafted;

      type (f, session, &medicine->timing, medicine, "timing", words[i]);

      other = pl_store_open (f->path, PL_STORE_OPEN_NO_CREATE, &error);
      g_assert_no_error (error);
      draft = pl_draft_find (other, f->staff->id, f->person_id, &pl_medicine_type, medicine->id, NULL, &error);
      g_assert_no_error (error);
      drafted = pl_draft_load (other, draft->id, &type_out, &error);
      g_assert_no_error (error);
      g_assert_true (type_out == &pl_medicine_type);
      g_assert_cmpstr (drafted->timing, ==, words[i]);
      pl_medicine_free (drafted);
    }
  g_assert_cmpuint (n_drafts (f, f->person_id), ==, 1);
}

/* The app stops mid-change: the next session offers the drafts back */
static void
test_recovered_after_crash (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PlEditSession) session = open_plan (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlanContent) saved = pl_plan_content_load (f->store, f->plan_id, &error);
  PlPlanContent *content = pl_edit_session_get_content (session);
  const PlPlanContent *recovered;
  PlOutcome *outcome = outcome_at (session, 0);
  PlOutcome *added = pl_outcome_new ();
  guint n_outcomes = content->parts[PL_PLAN_PART_OUTCOMES]->len;
  guint n_risks = content->parts[PL_PLAN_PART_RISKS]->len;
  gint64 new_id;

  g_assert_cmpuint (n_risks, >, 0);
  type (f, session, &outcome->outcome, outcome, "outcome", "To walk to the shop");
  new_id = pl_edit_session_take_new_id (session);
  g_assert_cmpint (new_id, <, 0);
  added->id = new_id;
  added->plan_id = f->plan_id;
  added->position = (int) n_outcomes + 1;
  added->outcome = g_strdup ("To go to the lunch club");
  g_ptr_array_add (content->parts[PL_PLAN_PART_OUTCOMES], added);
  g_assert_true (pl_edit_session_changed (session, NULL, NULL, &error));
  g_ptr_array_remove_index (content->parts[PL_PLAN_PART_RISKS], 0);
  g_assert_true (pl_edit_session_changed (session, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_drafts (f, f->person_id), ==, 3);

  /* Dropped without saving, and the store opened again from its file */
  g_clear_object (&session);
  pl_store_unref (f->store);
  f->store = pl_store_open (f->path, PL_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);

  session = open_plan (f);
  g_assert_true (pl_edit_session_has_recovered_draft (session));
  g_assert_nonnull (pl_edit_session_get_recovered_time (session));
  /* Until answered, the content is as saved */
  content = pl_edit_session_get_content (session);
  g_assert_cmpstr (outcome_at (session, 0)->outcome, ==,
                   ((PlOutcome *) g_ptr_array_index (saved->parts[PL_PLAN_PART_OUTCOMES], 0))->outcome);
  g_assert_false (pl_edit_session_is_dirty (session));
  recovered = pl_edit_session_get_recovered_content (session);
  g_assert_cmpuint (recovered->parts[PL_PLAN_PART_OUTCOMES]->len, ==, n_outcomes + 1);
  g_assert_cmpuint (recovered->parts[PL_PLAN_PART_RISKS]->len, ==, n_risks - 1);

  f->n_replaced = 0;
  pl_edit_session_restore_draft (session);
  g_assert_cmpuint (f->n_replaced, ==, 1);
  g_assert_false (pl_edit_session_has_recovered_draft (session));
  g_assert_true (pl_edit_session_is_dirty (session));
  g_assert_false (pl_edit_session_can_undo (session));
  content = pl_edit_session_get_content (session);
  g_assert_cmpstr (outcome_at (session, 0)->outcome, ==, "To walk to the shop");
  g_assert_cmpuint (content->parts[PL_PLAN_PART_OUTCOMES]->len, ==, n_outcomes + 1);
  g_assert_cmpstr (outcome_at (session, n_outcomes)->outcome, ==, "To go to the lunch club");
  g_assert_cmpint (outcome_at (session, n_outcomes)->id, <, 0);
  /* A record added next takes an id nothing has */
  g_assert_cmpint (pl_edit_session_take_new_id (session), <, outcome_at (session, n_outcomes)->id);

  /* Typing on keeps the same drafts */
  outcome = outcome_at (session, n_outcomes);
  type (f, session, &outcome->outcome, outcome, "outcome", "To go to the lunch club on Thursdays");
  g_assert_cmpuint (n_drafts (f, f->person_id), ==, 3);
}

static void
test_discard (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PlEditSession) session = open_plan (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = g_strdup (outcome_at (session, 0)->outcome);
  PlOutcome *outcome = outcome_at (session, 0);

  type (f, session, &outcome->outcome, outcome, "outcome", "Not this");
  g_clear_object (&session);

  /* Thrown away when offered */
  session = open_plan (f);
  g_assert_true (pl_edit_session_has_recovered_draft (session));
  g_assert_true (pl_edit_session_discard (session, &error));
  g_assert_no_error (error);
  g_assert_false (pl_edit_session_has_recovered_draft (session));
  g_assert_cmpuint (n_drafts (f, f->person_id), ==, 0);
  g_clear_object (&session);
  session = open_plan (f);
  g_assert_false (pl_edit_session_has_recovered_draft (session));

  /* …and when typed in this session */
  outcome = outcome_at (session, 0);
  type (f, session, &outcome->outcome, outcome, "outcome", "Nor this");
  g_assert_true (pl_edit_session_discard (session, &error));
  g_assert_cmpstr (outcome_at (session, 0)->outcome, ==, before);
  g_assert_false (pl_edit_session_is_dirty (session));
  g_assert_false (pl_edit_session_can_undo (session));
  g_assert_cmpuint (n_drafts (f, f->person_id), ==, 0);
}

static void
test_save_new_version (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *sam_actor = pl_actor_for_staff (f->staff);
  g_autoptr(PlEditSession) session = open_plan (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlanContent) saved = NULL;
  g_autoptr(PlPlan) old = NULL;
  g_autoptr(GPtrArray) history = NULL;
  PlPlanContent *content = pl_edit_session_get_content (session);
  PlOutcome *outcome = outcome_at (session, 0);
  guint n_risks = content->parts[PL_PLAN_PART_RISKS]->len;
  gboolean by_sam = FALSE;
  gint64 new_id = 0;

  type (f, session, &outcome->outcome, outcome, "outcome", "To walk to the shop");
  g_ptr_array_remove_index (content->parts[PL_PLAN_PART_RISKS], 0);
  g_assert_true (pl_edit_session_changed (session, NULL, NULL, &error));

  g_assert_true (pl_edit_session_save (session, sam_actor, &new_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (new_id, >, f->plan_id);
  g_assert_cmpuint (n_drafts (f, f->person_id), ==, 0);
  g_assert_false (pl_edit_session_is_dirty (session));
  g_assert_false (pl_edit_session_can_undo (session));
  content = pl_edit_session_get_content (session);
  g_assert_cmpint (content->plan->id, ==, new_id);

  saved = pl_plan_content_load (f->store, new_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((PlOutcome *) g_ptr_array_index (saved->parts[PL_PLAN_PART_OUTCOMES], 0))->outcome,
                   ==, "To walk to the shop");
  g_assert_cmpuint (saved->parts[PL_PLAN_PART_RISKS]->len, ==, n_risks - 1);
  /* The version before stays as it was */
  old = pl_store_load_plan (f->store, f->plan_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (old);

  history = pl_store_list_history (f->store, &pl_outcome_type,
                                   ((PlOutcome *) g_ptr_array_index (saved->parts[PL_PLAN_PART_OUTCOMES], 0))->id,
                                   &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    by_sam |= g_strcmp0 (((PlHistory *) g_ptr_array_index (history, i))->actor, sam_actor) == 0;
  g_assert_true (by_sam);
  g_assert_cmpstr (pl_store_get_actor (f->store), !=, sam_actor);
}

/* Runs sql on the store's file through a connection of its own, as another
 * program (or a failing disk) would */
static void
run_sql (Fixture    *f,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A draft or a save the store refuses: an error, and nothing typed is lost */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PlEditSession) session = open_plan (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) current = NULL;
  PlOutcome *outcome = outcome_at (session, 0);
  gint64 new_id = 0;

  run_sql (f, "CREATE TRIGGER refuse_drafts BEFORE INSERT ON drafts "
              "BEGIN SELECT RAISE (ABORT, 'database or disk is full'); END;");
  g_free (outcome->outcome);
  outcome->outcome = g_strdup ("To walk to the shop");
  g_assert_false (pl_edit_session_changed (session, outcome, "outcome", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (pl_edit_session_can_undo (session));
  g_assert_true (pl_edit_session_is_dirty (session));
  g_assert_cmpuint (n_drafts (f, f->person_id), ==, 0);

  /* Put right: the next change keeps everything */
  run_sql (f, "DROP TRIGGER refuse_drafts;");
  type (f, session, &outcome->outcome, outcome, "outcome", "To walk to the shop, with my stick");
  g_assert_cmpuint (n_drafts (f, f->person_id), ==, 1);

  /* A save the store refuses keeps the content and the drafts */
  run_sql (f, "CREATE TRIGGER refuse_plans BEFORE INSERT ON plans "
              "BEGIN SELECT RAISE (ABORT, 'database or disk is full'); END;");
  g_assert_false (pl_edit_session_save (session, NULL, &new_id, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpstr (outcome_at (session, 0)->outcome, ==, "To walk to the shop, with my stick");
  g_assert_true (pl_edit_session_is_dirty (session));
  g_assert_cmpuint (n_drafts (f, f->person_id), ==, 1);
  current = pl_store_current_plan (f->store, f->person_id, &error);
  g_assert_cmpint (current->id, ==, f->plan_id);

  run_sql (f, "DROP TRIGGER refuse_plans;");
  g_assert_true (pl_edit_session_save (session, NULL, &new_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (new_id, >, f->plan_id);
}

/* Signals and properties a widget binds to */
static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *seen)
{
  g_ptr_array_add (seen, g_strdup (pspec->name));
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The properties notified since the last call, sorted: GObject does not
 * keep the order of notifications held back by a freeze */
static char *
notified (GPtrArray *seen)
{
  char *names;

  g_ptr_array_sort (seen, compare_names);
  g_ptr_array_add (seen, NULL);
  names = g_strjoinv (";", (char **) seen->pdata);
  g_ptr_array_set_size (seen, 0);
  return names;
}

static void
test_notifies (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(PlEditSession) session = open_plan (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  PlOutcome *outcome = outcome_at (session, 0);

  g_signal_connect (session, "notify", G_CALLBACK (notify_cb), seen);
  f->n_changed = f->n_replaced = 0;
  type (f, session, &outcome->outcome, outcome, "outcome", "One");
  first = notified (seen);
  g_assert_cmpstr (first, ==, "can-undo;dirty");
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpuint (f->n_replaced, ==, 0);

  /* Typing on changes nothing a widget shows but the content */
  type (f, session, &outcome->outcome, outcome, "outcome", "One two");
  second = notified (seen);
  g_assert_cmpstr (second, ==, "");
  g_assert_cmpuint (f->n_changed, ==, 2);

  g_assert_true (pl_edit_session_undo (session, &error));
  third = notified (seen);
  g_assert_cmpstr (third, ==, "can-redo;can-undo;content;dirty");
  g_assert_cmpuint (f->n_replaced, ==, 1);
}

/* The pack and the service's details, a draft each */
static void
test_welcome_pack (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *sam_actor = pl_actor_for_staff (f->staff);
  g_autoptr(PlEditSession) session = open_session (f, &pl_edit_kind_welcome_pack, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlWelcomePack) stored = NULL;
  g_autoptr(PlService) service = NULL;
  g_autofree char *expected = NULL;
  PlWelcomeContent *content;
  gint64 pack_id = 0;

  g_assert_true (pl_edit_session_load (session, f->service_id, &error));
  g_assert_no_error (error);
  g_assert_false (pl_edit_session_has_recovered_draft (session));
  content = pl_edit_session_get_content (session);
  g_assert_cmpint (content->service->id, ==, f->service_id);
  g_assert_cmpint (content->pack->id, >, 0);
  expected = g_strconcat (content->pack->what_to_expect, " We ring if we are late.", NULL);

  type (f, session, &content->pack->what_to_expect, content->pack, "what_to_expect", expected);
  type (f, session, &content->service->out_of_hours, content->service, "out_of_hours", "0161 496 0999");
  g_assert_cmpuint (n_drafts (f, 0), ==, 2);
  g_clear_object (&session);

  session = open_session (f, &pl_edit_kind_welcome_pack, 0);
  g_assert_true (pl_edit_session_load (session, f->service_id, &error));
  g_assert_true (pl_edit_session_has_recovered_draft (session));
  pl_edit_session_restore_draft (session);
  content = pl_edit_session_get_content (session);
  g_assert_cmpstr (content->pack->what_to_expect, ==, expected);
  g_assert_cmpstr (content->service->out_of_hours, ==, "0161 496 0999");

  /* A pack without a title is refused, and its drafts kept */
  type (f, session, &content->pack->title, content->pack, "title", "");
  g_assert_false (pl_edit_session_save (session, NULL, &pack_id, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (n_drafts (f, 0), ==, 2);
  g_assert_true (pl_edit_session_undo (session, &error));
  /* A new content: the one before is gone */
  content = pl_edit_session_get_content (session);
  g_assert_cmpstr (content->pack->title, !=, "");

  g_assert_true (pl_edit_session_save (session, sam_actor, &pack_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_drafts (f, 0), ==, 0);
  stored = pl_store_load_welcome_pack (f->store, pack_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->what_to_expect, ==, expected);
  service = pl_store_load_service (f->store, f->service_id, &error);
  g_assert_cmpstr (service->out_of_hours, ==, "0161 496 0999");
  g_assert_false (pl_edit_session_is_dirty (session));
}

/* A service with no pack yet: its draft is told apart by the service */
static void
test_welcome_pack_new (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(PlEditSession) session = NULL;
  g_autoptr(PlService) service = pl_service_new ();
  g_autoptr(GError) error = NULL;
  PlWelcomeContent *content;
  gint64 pack_id = 0;

  service->name = g_strdup ("Riverside Home Care");
  g_assert_true (pl_store_save_service (f->store, service, &error));
  g_assert_no_error (error);

  session = open_session (f, &pl_edit_kind_welcome_pack, 0);
  g_assert_true (pl_edit_session_load (session, service->id, &error));
  content = pl_edit_session_get_content (session);
  g_assert_cmpint (content->pack->id, ==, 0);
  type (f, session, &content->pack->title, content->pack, "title", "Welcome to Riverside");
  g_clear_object (&session);

  session = open_session (f, &pl_edit_kind_welcome_pack, 0);
  g_assert_true (pl_edit_session_load (session, service->id, &error));
  g_assert_true (pl_edit_session_has_recovered_draft (session));
  pl_edit_session_restore_draft (session);
  g_assert_true (pl_edit_session_save (session, NULL, &pack_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pack_id, >, 0);
  g_assert_cmpuint (n_drafts (f, 0), ==, 0);
  content = pl_edit_session_get_content (session);
  g_assert_cmpint (content->pack->id, ==, pack_id);
  g_assert_cmpstr (content->pack->title, ==, "Welcome to Riverside");

  /* The demo service's pack was never touched */
  session = open_session (f, &pl_edit_kind_welcome_pack, 0);
  g_assert_true (pl_edit_session_load (session, f->service_id, &error));
  g_assert_false (pl_edit_session_has_recovered_draft (session));
}

static PlDiaryEntry *
new_entry (Fixture *f)
{
  PlDiaryEntry *entry = pl_diary_entry_new ();

  entry->person_id = f->person_id;
  entry->visit_date = g_strdup ("2026-11-22");
  entry->outcome = PL_VISIT_COMPLETED;
  entry->worker = g_strdup (f->staff->display_name);
  return entry;
}

static void
test_diary_entry (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PlEditSession) session = open_session (f, &pl_edit_kind_diary_entry, f->person_id);
  g_autoptr(PlDiaryEntry) stored = NULL;
  g_autoptr(GError) error = NULL;
  const PlDiaryEntry *recovered;
  PlDiaryEntry *entry;
  gint64 target = -1;
  gint64 entry_id = 0;

  g_assert_false (pl_edit_session_find_draft (&pl_edit_kind_diary_entry, f->store, f->staff->id,
                                              f->person_id, &target, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (pl_edit_session_load_new (session, new_entry (f), &error));
  g_assert_false (pl_edit_session_has_recovered_draft (session));
  g_assert_false (pl_edit_session_is_dirty (session));
  entry = pl_edit_session_get_content (session);
  entry->outcome = PL_VISIT_MISSED;
  g_assert_true (pl_edit_session_changed (session, entry, "outcome", &error));
  type (f, session, &entry->how_i_was, entry, "how_i_was", "Worried when nobody came.");
  g_assert_cmpuint (n_drafts (f, f->person_id), ==, 1);
  g_clear_object (&session);

  /* Found again, as a new entry */
  g_assert_true (pl_edit_session_find_draft (&pl_edit_kind_diary_entry, f->store, f->staff->id,
                                             f->person_id, &target, &error));
  g_assert_cmpint (target, ==, 0);
  session = open_session (f, &pl_edit_kind_diary_entry, f->person_id);
  g_assert_true (pl_edit_session_load_new (session, new_entry (f), &error));
  g_assert_true (pl_edit_session_has_recovered_draft (session));
  recovered = pl_edit_session_get_recovered_content (session);
  g_assert_cmpstr (recovered->how_i_was, ==, "Worried when nobody came.");
  pl_edit_session_restore_draft (session);
  entry = pl_edit_session_get_content (session);
  g_assert_cmpint (entry->outcome, ==, PL_VISIT_MISSED);

  /* A missed visit needs what was done about it (NG21 1.4.12): refused,
   * and the draft stays */
  g_assert_false (pl_edit_session_save (session, NULL, &entry_id, &error));
  g_assert_error (error, PL_DIARY_ERROR, PL_DIARY_ERROR_NEEDS_ACTION);
  g_clear_error (&error);
  g_assert_cmpuint (n_drafts (f, f->person_id), ==, 1);

  type (f, session, &entry->action_taken, entry, "action_taken", "The office rang at 18:40.");
  g_assert_true (pl_edit_session_save (session, NULL, &entry_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (entry_id, >, 0);
  g_assert_cmpuint (n_drafts (f, f->person_id), ==, 0);
  stored = pl_store_load_diary_entry (f->store, entry_id, &error);
  g_assert_cmpstr (stored->action_taken, ==, "The office rang at 18:40.");

  /* A saved entry changed: its draft is found by its id */
  g_clear_object (&session);
  session = open_session (f, &pl_edit_kind_diary_entry, f->person_id);
  g_assert_true (pl_edit_session_load (session, entry_id, &error));
  entry = pl_edit_session_get_content (session);
  type (f, session, &entry->follow_up, entry, "follow_up", "Ring the GP");
  g_assert_true (pl_edit_session_find_draft (&pl_edit_kind_diary_entry, f->store, f->staff->id,
                                             f->person_id, &target, &error));
  g_assert_cmpint (target, ==, entry_id);
  g_clear_object (&session);
  session = open_session (f, &pl_edit_kind_diary_entry, f->person_id);
  g_assert_true (pl_edit_session_load (session, entry_id, &error));
  g_assert_true (pl_edit_session_has_recovered_draft (session));
  g_assert_true (pl_edit_session_discard (session, &error));
  g_assert_cmpuint (n_drafts (f, f->person_id), ==, 0);
}

/* Two sessions of the same kind for different records keep to their own
 * drafts */
static void
test_own_drafts_only (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PlEditSession) first = open_session (f, &pl_edit_kind_diary_entry, f->person_id);
  g_autoptr(PlEditSession) second = open_session (f, &pl_edit_kind_diary_entry, f->person_id);
  g_autoptr(PlDiaryEntry) saved = new_entry (f);
  g_autoptr(GError) error = NULL;
  PlDiaryEntry *entry;

  saved->what_done = g_strdup ("Breakfast");
  saved->arrived = g_strdup ("08:00");
  saved->departed = g_strdup ("08:30");
  g_assert_true (pl_diary_save_entry (f->store, saved, &error));
  g_assert_no_error (error);

  g_assert_true (pl_edit_session_load_new (first, new_entry (f), &error));
  entry = pl_edit_session_get_content (first);
  type (f, first, &entry->what_done, entry, "what_done", "Lunch");
  g_assert_true (pl_edit_session_load (second, saved->id, &error));
  g_assert_false (pl_edit_session_has_recovered_draft (second));
  entry = pl_edit_session_get_content (second);
  type (f, second, &entry->what_done, entry, "what_done", "Breakfast and a wash");
  g_assert_cmpuint (n_drafts (f, f->person_id), ==, 2);
  g_assert_true (pl_edit_session_discard (second, &error));
  g_assert_cmpuint (n_drafts (f, f->person_id), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/plainly/edit-session/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("undo-grouping", test_undo_grouping);
  ADD ("redo-cleared", test_redo_cleared);
  ADD ("autosave-durable", test_autosave_durable);
  ADD ("recovered-after-crash", test_recovered_after_crash);
  ADD ("discard", test_discard);
  ADD ("save-new-version", test_save_new_version);
  ADD ("refused", test_refused);
  ADD ("notifies", test_notifies);
  ADD ("welcome-pack", test_welcome_pack);
  ADD ("welcome-pack-new", test_welcome_pack_new);
  ADD ("diary-entry", test_diary_entry);
  ADD ("own-drafts-only", test_own_drafts_only);
#undef ADD

  return g_test_run ();
}
