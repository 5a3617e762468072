/* test-plan-editor.c: editing a plan through the real forms, drafts, undo and save
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. Each test builds the example person in its own database.
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <sqlite3.h>

#include "pl-actor.h"
#include "pl-demo.h"
#include "pl-document.h"
#include "pl-draft.h"
#include "pl-plan-editor.h"
#include "pl-plan-version.h"
#include "pl-record-form-private.h"
#include "pl-staff.h"
#include "pl-store.h"
#include "pl-gui-test-util.h"
#include "pl-test-util.h"

#define PASSWORD "correct horse battery"

typedef struct
{
  char         *dir;
  PlStore      *store;
  gint64        person_id;
  PlStaff      *coordinator;
  PlStaff      *care_worker;
  GtkWindow    *window;
  PlPlanEditor *editor;
  guint         n_changed;
  gint64        saved_id;
} Fixture;

static PlStaff *
a_manager (PlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = pl_store_list_staff (store, 0, &error);
  PlStaff *manager;

  g_assert_no_error (error);
  for (guint i = 0; i < staff->len; i++)
    if (((PlStaff *) g_ptr_array_index (staff, i))->role == PL_ROLE_MANAGER)
      return pl_staff_copy (g_ptr_array_index (staff, i));

  manager = pl_staff_create (store, NULL, "lorraine", "Lorraine Fisher", PL_ROLE_MANAGER,
                             PASSWORD, &error);
  g_assert_no_error (error);
  return manager;
}

static void
changed_cb (PlPlanEditor *editor,
            Fixture      *f)
{
  f->n_changed++;
}

static void
saved_cb (PlPlanEditor *editor,
          gint64        plan_id,
          Fixture      *f)
{
  f->saved_id = plan_id;
}

static void
new_editor (Fixture       *f,
            const PlStaff *staff)
{
  f->editor = pl_plan_editor_new ();
  g_signal_connect (f->editor, "content-changed", G_CALLBACK (changed_cb), f);
  g_signal_connect (f->editor, "saved", G_CALLBACK (saved_cb), f);
  gtk_window_set_child (f->window, GTK_WIDGET (f->editor));
  pl_plan_editor_set_context (f->editor, f->store, staff, f->person_id);
  pl_gui_test_run_ticks (f->editor, 2);
}

static void
drop_editor (Fixture *f)
{
  gtk_window_set_child (f->window, NULL);
  f->editor = NULL;
  pl_gui_test_run_frames (1);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStaff) manager = NULL;

  f->dir = pl_test_make_dir ("plainly-plan-editor");
  f->store = pl_test_open_store (f->dir, NULL);
  g_assert_true (pl_demo_install (f->store, &f->person_id, &error));
  g_assert_no_error (error);

  manager = a_manager (f->store);
  f->coordinator = pl_staff_create (f->store, manager, "jo.okafor", "Jo Okafor",
                                    PL_ROLE_COORDINATOR, PASSWORD, &error);
  g_assert_no_error (error);
  f->care_worker = pl_staff_create (f->store, manager, "kim.lee", "Kim Lee",
                                    PL_ROLE_CARE_WORKER, PASSWORD, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1024, 768);
  gtk_window_present (f->window);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  pl_gui_test_run_frames (1);
  pl_staff_free (f->coordinator);
  pl_staff_free (f->care_worker);
  pl_store_unref (f->store);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
}

static GtkWidget *
find (Fixture    *f,
      const char *name)
{
  GtkWidget *widget = pl_gui_test_find_named (GTK_WIDGET (f->editor), name);

  g_assert_nonnull (widget);
  return widget;
}

static void
choose_part (Fixture *f,
             const char *anchor)
{
  GtkWidget *row = find (f, anchor);

  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  gtk_widget_activate (row);
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));
  pl_gui_test_run_ticks (f->editor, 1);
  g_assert_cmpstr (pl_plan_editor_get_anchor (f->editor), ==, anchor);
}

/* The input for field in the n-th item of the part on screen */
static GtkWidget *
item_input (Fixture    *f,
            guint       n,
            const char *field)
{
  g_autofree char *name = g_strdup_printf ("item-%u", n);
  GtkWidget *card = find (f, name);

  for (GtkWidget *child = gtk_widget_get_first_child (card); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (PL_IS_RECORD_FORM (child))
      return pl_record_form_get_input (PL_RECORD_FORM (child), field);

  g_assert_not_reached ();
  return NULL;
}

static char *
text_of (GtkWidget *input)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (input))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (input)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (input));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
type_into (GtkWidget  *input,
           const char *text)
{
  if (GTK_IS_EDITABLE (input))
    gtk_editable_set_text (GTK_EDITABLE (input), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), text, -1);
}

static void
click (Fixture    *f,
       GtkWidget  *button)
{
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  pl_gui_test_run_ticks (f->editor, 1);
}

static const PlMedicine *
medicine_at (const PlPlanContent *content,
             guint                i)
{
  return g_ptr_array_index (content->parts[PL_PLAN_PART_MEDICINES], i);
}

static guint
n_plan_drafts (Fixture       *f,
               const PlStaff *staff)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = pl_draft_list_for (f->store, staff->id, f->person_id, &error);

  g_assert_no_error (error);
  return drafts->len;
}

static const char *new_outcome = "I want to walk to the corner shop on my own again";
static const char *new_timing = "With breakfast and with my evening meal";

static void
test_edit_undo_save (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) before = pl_store_current_plan (f->store, f->person_id, &error);
  g_autoptr(PlPlanContent) saved = NULL;
  g_autoptr(PlPlanContent) before_content = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *old_timing = NULL;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *medicine_anchor = NULL;
  const char *risk_heading;
  const PlPlanContent *content;
  guint n_outcomes, n_risks;
  gboolean found = FALSE;
  GtkWidget *input;

  new_editor (f, f->coordinator);
  content = pl_plan_editor_get_content (f->editor);
  g_assert_nonnull (content);
  g_assert_cmpint (content->plan->id, ==, before->id);
  g_assert_false (gtk_widget_get_visible (find (f, "drafts-box")));
  g_assert_false (gtk_widget_get_visible (find (f, "readonly-label")));
  before_content = pl_plan_content_load (f->store, before->id, &error);
  n_outcomes = content->parts[PL_PLAN_PART_OUTCOMES]->len;
  n_risks = content->parts[PL_PLAN_PART_RISKS]->len;
  g_assert_cmpuint (n_outcomes, >, 0);
  g_assert_cmpuint (n_risks, >, 0);

  /* An outcome, typed into its form */
  choose_part (f, "outcomes");
  input = item_input (f, 0, "outcome");
  g_assert_nonnull (input);
  f->n_changed = 0;
  type_into (input, new_outcome);
  g_assert_cmpuint (f->n_changed, >, 0);
  g_assert_cmpstr (((PlOutcome *) g_ptr_array_index (content->parts[PL_PLAN_PART_OUTCOMES], 0))->outcome,
                   ==, new_outcome);
  g_assert_cmpuint (n_plan_drafts (f, f->coordinator), ==, 1);

  /* A medicine's timing (NG21 1.3.16) */
  choose_part (f, "medicines");
  input = item_input (f, 0, "timing");
  old_timing = text_of (input);
  type_into (input, new_timing);
  content = pl_plan_editor_get_content (f->editor);
  g_assert_cmpstr (medicine_at (content, 0)->timing, ==, new_timing);
  g_assert_cmpuint (n_plan_drafts (f, f->coordinator), ==, 2);
  medicine_anchor = g_strdup_printf ("medicine-%" G_GINT64_FORMAT, medicine_at (content, 0)->id);
  g_assert_cmpstr (pl_plan_editor_get_anchor (f->editor), ==, medicine_anchor);

  /* Undo brings the words back on screen and in the drafts; Redo again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.undo", NULL));
  content = pl_plan_editor_get_content (f->editor);
  g_assert_cmpstr (medicine_at (content, 0)->timing, ==, old_timing);
  shown = text_of (item_input (f, 0, "timing"));
  g_assert_cmpstr (shown, ==, old_timing);
  g_assert_cmpuint (n_plan_drafts (f, f->coordinator), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.redo", NULL));
  content = pl_plan_editor_get_content (f->editor);
  g_assert_cmpstr (medicine_at (content, 0)->timing, ==, new_timing);
  g_clear_pointer (&shown, g_free);
  shown = text_of (item_input (f, 0, "timing"));
  g_assert_cmpstr (shown, ==, new_timing);
  g_assert_cmpuint (n_plan_drafts (f, f->coordinator), ==, 2);

  /* Moved down the list: the order is the plan's, and a step of its own */
  g_assert_cmpuint (content->parts[PL_PLAN_PART_MEDICINES]->len, >=, 2);
  click (f, pl_gui_test_find_named (find (f, "item-0"), "down-button"));
  content = pl_plan_editor_get_content (f->editor);
  g_assert_cmpstr (medicine_at (content, 1)->timing, ==, new_timing);
  g_assert_cmpstr (medicine_at (content, 0)->timing, !=, new_timing);
  g_clear_pointer (&shown, g_free);
  shown = text_of (item_input (f, 1, "timing"));
  g_assert_cmpstr (shown, ==, new_timing);

  /* A visit: day from a list, length in minutes (NG21 1.4.2) */
  choose_part (f, "visits");
  input = item_input (f, 0, "weekday");
  g_assert_true (GTK_IS_DROP_DOWN (input));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (input), 3);
  input = item_input (f, 0, "duration");
  g_assert_true (GTK_IS_SPIN_BUTTON (input));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (input), 45);
  /* A time that is not one yet is kept as typed, and said to be wrong in words */
  type_into (item_input (f, 0, "start_time"), "25:99");
  g_assert_true (gtk_widget_get_visible (pl_gui_test_find_named (find (f, "item-0"), "start_time-problem")));
  type_into (item_input (f, 0, "start_time"), "09:15");
  g_assert_false (gtk_widget_get_visible (pl_gui_test_find_named (find (f, "item-0"), "start_time-problem")));
  content = pl_plan_editor_get_content (f->editor);
  g_assert_cmpstr (((PlVisit *) g_ptr_array_index (content->parts[PL_PLAN_PART_VISITS], 0))->start_time, ==, "09:15");
  g_assert_cmpint (((PlVisit *) g_ptr_array_index (content->parts[PL_PLAN_PART_VISITS], 0))->weekday, ==, 3);
  g_assert_cmpint (((PlVisit *) g_ptr_array_index (content->parts[PL_PLAN_PART_VISITS], 0))->duration, ==, 45);

  /* An item's heading follows what is typed into it */
  choose_part (f, "risks");
  type_into (item_input (f, 0, "activity"), "Using the stairs at night");
  risk_heading = gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (find (f, "item-0"))));
  g_assert_true (g_str_has_prefix (risk_heading, "Risk 1 of "));
  g_assert_true (g_str_has_suffix (risk_heading, ": Using the stairs at night"));

  /* A risk removed, after saying so */
  click (f, find (f, "remove-button"));
  click (f, find (f, "confirm-remove-button"));
  content = pl_plan_editor_get_content (f->editor);
  g_assert_cmpuint (content->parts[PL_PLAN_PART_RISKS]->len, ==, n_risks - 1);

  /* A new outcome */
  choose_part (f, "outcomes");
  click (f, find (f, "add-button"));
  content = pl_plan_editor_get_content (f->editor);
  g_assert_cmpuint (content->parts[PL_PLAN_PART_OUTCOMES]->len, ==, n_outcomes + 1);
  type_into (item_input (f, n_outcomes, "outcome"), "To go to the lunch club on Thursdays");

  /* Save: one new version, no drafts left */
  f->saved_id = 0;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL));
  g_assert_cmpint (f->saved_id, >, before->id);
  g_assert_cmpuint (n_plan_drafts (f, f->coordinator), ==, 0);
  g_assert_cmpint (pl_plan_editor_get_content (f->editor)->plan->id, ==, f->saved_id);

  document = pl_document_build_plan (f->store, f->person_id, &error);
  g_assert_no_error (error);
  text = pl_document_to_text (document);
  g_assert_nonnull (strstr (text, new_outcome));
  g_assert_nonnull (strstr (text, new_timing));
  g_assert_nonnull (strstr (text, "To go to the lunch club on Thursdays"));
  g_assert_null (strstr (text, old_timing));

  saved = pl_plan_content_load (f->store, f->saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->parts[PL_PLAN_PART_OUTCOMES]->len, ==, n_outcomes + 1);
  g_assert_cmpuint (saved->parts[PL_PLAN_PART_RISKS]->len, ==, n_risks - 1);
  g_assert_cmpstr (medicine_at (saved, 1)->timing, ==, new_timing);
  /* Visits come in the order of the week: the changed one is found by its id */
  {
    const PlVisit *was = g_ptr_array_index (before_content->parts[PL_PLAN_PART_VISITS], 0);
    gboolean seen = FALSE;
    g_autoptr(GPtrArray) changes = pl_plan_compare (f->store, before->id, f->saved_id, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < changes->len; i++)
      {
        const PlPlanChange *change = g_ptr_array_index (changes, i);

        if (change->type == &pl_visit_type && g_strcmp0 (change->field, "duration") == 0)
          {
            seen = TRUE;
            g_assert_cmpint (change->old_id, ==, was->id);
            g_assert_cmpstr (change->new_value, ==, "45");
          }
      }
    g_assert_true (seen);
  }

  /* Who changed what, in the history */
  history = pl_store_list_history (f->store, &pl_medicine_type, medicine_at (saved, 1)->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      const PlHistory *h = g_ptr_array_index (history, i);

      if (g_strcmp0 (h->field, "timing") == 0 && g_strcmp0 (h->new_value, new_timing) == 0)
        {
          g_autofree char *who = pl_actor_describe (f->store, h->actor);

          found = TRUE;
          g_assert_cmpstr (h->old_value, ==, old_timing);
          g_assert_true (g_str_has_prefix (h->actor, "staff:"));
          g_assert_nonnull (strstr (who, "Jo Okafor"));
        }
    }
  g_assert_true (found);
}

static void
test_care_worker_reads (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) before = pl_store_current_plan (f->store, f->person_id, &error);
  g_autoptr(PlPlan) after = NULL;
  GtkWidget *input;

  new_editor (f, f->care_worker);
  g_assert_nonnull (pl_plan_editor_get_content (f->editor));
  g_assert_true (gtk_widget_get_visible (find (f, "readonly-label")));
  g_assert_false (gtk_widget_get_visible (find (f, "toolbar")));

  choose_part (f, "outcomes");
  input = item_input (f, 0, "outcome");
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (input)));
  g_assert_null (pl_gui_test_find_named (GTK_WIDGET (f->editor), "add-button"));
  g_assert_null (pl_gui_test_find_named (GTK_WIDGET (f->editor), "remove-button"));

  choose_part (f, "medicines");
  input = item_input (f, 0, "timing");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (input)));

  /* Even asked by its shortcut, nothing is saved */
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL);
  g_assert_cmpint (f->saved_id, ==, 0);
  after = pl_store_current_plan (f->store, f->person_id, &error);
  g_assert_cmpint (after->id, ==, before->id);
  g_assert_cmpuint (n_plan_drafts (f, f->care_worker), ==, 0);
}

static void
test_drafts_offered_back (Fixture       *f,
                          gconstpointer  data)
{
  const PlPlanContent *content;
  g_autofree char *old_outcome = NULL;
  g_autofree char *shown = NULL;

  new_editor (f, f->coordinator);
  choose_part (f, "outcomes");
  old_outcome = g_strdup (((PlOutcome *) g_ptr_array_index (
    pl_plan_editor_get_content (f->editor)->parts[PL_PLAN_PART_OUTCOMES], 0))->outcome);
  type_into (item_input (f, 0, "outcome"), new_outcome);
  click (f, find (f, "add-button"));
  drop_editor (f);

  /* As if the app had stopped: the next editor offers the changes back */
  new_editor (f, f->coordinator);
  g_assert_true (gtk_widget_get_visible (find (f, "drafts-box")));
  content = pl_plan_editor_get_content (f->editor);
  g_assert_cmpstr (((PlOutcome *) g_ptr_array_index (content->parts[PL_PLAN_PART_OUTCOMES], 0))->outcome,
                   ==, old_outcome);
  /* Nothing typed until the question is answered overwrites them */
  g_assert_cmpuint (n_plan_drafts (f, f->coordinator), ==, 2);

  click (f, find (f, "carry-on-button"));
  g_assert_false (gtk_widget_get_visible (find (f, "drafts-box")));
  content = pl_plan_editor_get_content (f->editor);
  g_assert_cmpstr (((PlOutcome *) g_ptr_array_index (content->parts[PL_PLAN_PART_OUTCOMES], 0))->outcome,
                   ==, new_outcome);
  choose_part (f, "outcomes");
  shown = text_of (item_input (f, 0, "outcome"));
  g_assert_cmpstr (shown, ==, new_outcome);
  g_assert_cmpuint (n_plan_drafts (f, f->coordinator), ==, 2);
  drop_editor (f);

  /* Thrown away: gone from the store too */
  new_editor (f, f->coordinator);
  g_assert_true (gtk_widget_get_visible (find (f, "drafts-box")));
  click (f, find (f, "throw-away-button"));
  g_assert_cmpuint (n_plan_drafts (f, f->coordinator), ==, 0);
  drop_editor (f);

  new_editor (f, f->coordinator);
  g_assert_false (gtk_widget_get_visible (find (f, "drafts-box")));
}

static void
test_start_plan (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = pl_person_new ();
  g_autoptr(PlPlan) plan = NULL;

  person->full_name = g_strdup ("Arthur Williams");
  g_assert_true (pl_store_save_person (f->store, person, &error));
  f->person_id = person->id;

  new_editor (f, f->coordinator);
  g_assert_null (pl_plan_editor_get_content (f->editor));
  g_assert_true (gtk_widget_get_visible (find (f, "no-plan-box")));
  click (f, find (f, "start-button"));
  g_assert_nonnull (pl_plan_editor_get_content (f->editor));
  g_assert_false (gtk_widget_get_visible (find (f, "no-plan-box")));

  plan = pl_store_current_plan (f->store, f->person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->id, ==, pl_plan_editor_get_content (f->editor)->plan->id);
}

/* Runs sql on the store's file through a connection of its own, as another
 * program (or a failing disk) would */
static void
run_sql (Fixture    *f,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (pl_store_get_path (f->store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A draft or a save the store refuses: said in words, and nothing typed is lost */
static void
test_errors_lose_nothing (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) before = pl_store_current_plan (f->store, f->person_id, &error);
  g_autoptr(PlPlan) after = NULL;
  g_autofree char *longer = g_strconcat (new_outcome, ", with my stick", NULL);
  const PlPlanContent *content;
  GtkWidget *message;

  new_editor (f, f->coordinator);
  message = find (f, "message-label");
  choose_part (f, "outcomes");

  run_sql (f, "CREATE TRIGGER refuse_drafts BEFORE INSERT ON drafts "
              "BEGIN SELECT RAISE (ABORT, 'database or disk is full'); END;");
  type_into (item_input (f, 0, "outcome"), new_outcome);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (message)), "Problem:"));
  content = pl_plan_editor_get_content (f->editor);
  g_assert_cmpstr (((PlOutcome *) g_ptr_array_index (content->parts[PL_PLAN_PART_OUTCOMES], 0))->outcome,
                   ==, new_outcome);
  g_assert_cmpuint (n_plan_drafts (f, f->coordinator), ==, 0);

  /* Put right: the next change keeps everything on screen */
  run_sql (f, "DROP TRIGGER refuse_drafts;");
  type_into (item_input (f, 0, "outcome"), longer);
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_cmpuint (n_plan_drafts (f, f->coordinator), ==, 1);

  /* A save the store refuses keeps the plan on screen and the drafts */
  run_sql (f, "CREATE TRIGGER refuse_plans BEFORE INSERT ON plans "
              "BEGIN SELECT RAISE (ABORT, 'database or disk is full'); END;");
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL);
  g_assert_cmpint (f->saved_id, ==, 0);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "still on screen"));
  content = pl_plan_editor_get_content (f->editor);
  g_assert_cmpstr (((PlOutcome *) g_ptr_array_index (content->parts[PL_PLAN_PART_OUTCOMES], 0))->outcome,
                   ==, longer);
  g_assert_cmpuint (n_plan_drafts (f, f->coordinator), ==, 1);
  after = pl_store_current_plan (f->store, f->person_id, &error);
  g_assert_cmpint (after->id, ==, before->id);

  run_sql (f, "DROP TRIGGER refuse_plans;");
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL);
  g_assert_cmpint (f->saved_id, >, before->id);
}

/* People involved are the person's: saved straight through the store, with
 * what each may see (NG86 1.1.14-1.1.15); the coordinator is one of them */
static void
test_people (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = pl_store_list_contacts (f->store, f->person_id, &error);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) sharings = NULL;
  g_autofree char *name = g_strdup_printf ("contact-%u", before->len);
  const PlContact *added = NULL;
  GtkWidget *card, *form = NULL, *input;

  new_editor (f, f->coordinator);
  choose_part (f, "people");
  click (f, find (f, "add-contact-button"));
  card = find (f, name);
  for (GtkWidget *child = gtk_widget_get_first_child (card); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (PL_IS_RECORD_FORM (child))
      form = child;
  g_assert_nonnull (form);
  type_into (pl_record_form_get_input (PL_RECORD_FORM (form), "name"), "Grace Adeyemi");
  type_into (pl_record_form_get_input (PL_RECORD_FORM (form), "phone"), "07700 900123");
  click (f, pl_gui_test_find_named (card, "save-contact-button"));

  after = pl_store_list_contacts (f->store, f->person_id, &error);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  for (guint i = 0; i < after->len; i++)
    if (g_strcmp0 (((PlContact *) g_ptr_array_index (after, i))->name, "Grace Adeyemi") == 0)
      added = g_ptr_array_index (after, i);
  g_assert_nonnull (added);
  g_assert_cmpstr (added->phone, ==, "07700 900123");

  /* Now saved, what she may see can be chosen */
  card = find (f, name);
  input = pl_gui_test_find_named (card, "may-see-diary");
  g_assert_nonnull (input);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (input), TRUE);
  sharings = pl_store_list_sharings (f->store, added->id, &error);
  g_assert_cmpuint (sharings->len, ==, 1);
  g_assert_cmpint (((PlSharing *) g_ptr_array_index (sharings, 0))->scope, ==, PL_SCOPE_DIARY);

  /* The coordinator is chosen among the people involved (NG21 1.3.6) */
  choose_part (f, "coordinator");
  input = pl_gui_test_find_named (GTK_WIDGET (f->editor), "coordinator_id");
  g_assert_true (GTK_IS_DROP_DOWN (input));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (input))), ==,
                    after->len + 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (input), 0);
  g_assert_cmpint (pl_plan_editor_get_content (f->editor)->plan->coordinator_id, ==, 0);
  g_assert_cmpstr (pl_plan_editor_get_anchor (f->editor), ==, "coordinator");
  g_assert_cmpuint (n_plan_drafts (f, f->coordinator), ==, 1);
}

/* About me: a section the plan does not have yet joins it when written */
static void
test_about_me (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_store_current_plan (f->store, f->person_id, &error);
  g_autoptr(GPtrArray) sections = pl_store_list_plan_sections (f->store, plan->id, &error);
  g_autoptr(PlPlanContent) saved = NULL;
  const char *words = "My nephew Tom helped me write this, on the phone from Leeds.";
  const PlPlanContent *content;
  GtkWidget *form;
  guint n_sections;
  gboolean found = FALSE;

  for (guint i = 0; i < sections->len; i++)
    {
      const PlPlanSection *section = g_ptr_array_index (sections, i);

      if (section->kind == PL_SECTION_SUPPORTED_BY)
        g_assert_true (pl_store_delete_plan_section (f->store, section->id, &error));
    }

  new_editor (f, f->coordinator);
  content = pl_plan_editor_get_content (f->editor);
  n_sections = content->parts[PL_PLAN_PART_SECTIONS]->len;
  choose_part (f, "about-me");
  form = find (f, pl_section_kind_nicks[PL_SECTION_SUPPORTED_BY]);
  g_assert_true (PL_IS_RECORD_FORM (form));
  type_into (pl_record_form_get_input (PL_RECORD_FORM (form), "body"), words);
  /* The part in easy read, written with the person, and its language */
  type_into (pl_record_form_get_input (PL_RECORD_FORM (form), "easy_read"),
             "Julie helped me.\nWe wrote it at my table.");
  type_into (pl_record_form_get_input (PL_RECORD_FORM (form), "language"), "en-GB");
  g_assert_cmpuint (content->parts[PL_PLAN_PART_SECTIONS]->len, ==, n_sections + 1);
  g_assert_cmpstr (pl_plan_editor_get_anchor (f->editor), ==, pl_section_kind_nicks[PL_SECTION_SUPPORTED_BY]);
  g_assert_cmpuint (n_plan_drafts (f, f->coordinator), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL));
  g_assert_cmpint (f->saved_id, >, plan->id);
  saved = pl_plan_content_load (f->store, f->saved_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < saved->parts[PL_PLAN_PART_SECTIONS]->len; i++)
    {
      const PlPlanSection *section = g_ptr_array_index (saved->parts[PL_PLAN_PART_SECTIONS], i);

      if (section->kind == PL_SECTION_SUPPORTED_BY)
        {
          found = TRUE;
          g_assert_cmpstr (section->body, ==, words);
          g_assert_cmpstr (section->easy_read, ==, "Julie helped me.\nWe wrote it at my table.");
          g_assert_cmpstr (section->language, ==, "en-GB");
        }
    }
  g_assert_true (found);
}

/* The plain words hints are for the way the person reads: easy read's
 * shorter sentences for someone who reads in it, from the plan's opening */
static void
test_hints_for_reader (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlSettings) settings = pl_store_get_settings (f->store, f->person_id, &error);
  GtkWidget *check;

  g_assert_no_error (error);
  settings->easy_read = FALSE;
  g_assert_true (pl_store_save_settings (f->store, settings, &error));
  g_assert_no_error (error);
  new_editor (f, f->coordinator);
  check = pl_gui_test_find_named (GTK_WIDGET (f->editor), "easy-read");
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  drop_editor (f);

  settings->easy_read = TRUE;
  g_assert_true (pl_store_save_settings (f->store, settings, &error));
  g_assert_no_error (error);
  new_editor (f, f->coordinator);
  check = pl_gui_test_find_named (GTK_WIDGET (f->editor), "easy-read");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  /* Staff can still write for everyone */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  /* The next person's plan is for the way they read */
  pl_plan_editor_set_context (f->editor, f->store, f->coordinator, f->person_id);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  drop_editor (f);
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/plainly/plan-editor/edit-undo-save", test_edit_undo_save);
  ADD ("/plainly/plan-editor/care-worker-reads", test_care_worker_reads);
  ADD ("/plainly/plan-editor/drafts-offered-back", test_drafts_offered_back);
  ADD ("/plainly/plan-editor/start-plan", test_start_plan);
  ADD ("/plainly/plan-editor/errors-lose-nothing", test_errors_lose_nothing);
  ADD ("/plainly/plan-editor/people", test_people);
  ADD ("/plainly/plan-editor/about-me", test_about_me);
  ADD ("/plainly/plan-editor/hints-for-reader", test_hints_for_reader);
#undef ADD

  return g_test_run ();
}
