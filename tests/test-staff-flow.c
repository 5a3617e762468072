/* test-staff-flow.c: a coordinator and the person, side by side, from
 * signing in to the person reading what changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb, through the staff window's real pages: sign in, open the
 * example person, change a part in Together mode, read it back, save, record
 * agreement; then the change is in the history, in what `plainly-cli show`
 * prints, and in "what has changed since you last looked".
 */

#include "config.h"

#include <string.h>

#include "pl-agreement-dialog-private.h"
#include "pl-demo.h"
#include "pl-document.h"
#include "pl-history-page-private.h"
#include "pl-person-pages-private.h"
#include "pl-plain-words-pane-private.h"
#include "pl-plan-editor.h"
#include "pl-plan-version.h"
#include "pl-reader.h"
#include "pl-record-form-private.h"
#include "pl-staff.h"
#include "pl-staff-window-private.h"
#include "pl-together-view-private.h"
#include "pl-gui-test-util.h"
#include "pl-test-util.h"

#define SAM_PASSWORD "tea-and-biscuits-7"
#define NEW_OUTCOME "I want to walk to the post office with Sooty's lead in one hand"

typedef struct
{
  char          *dir;
  char          *path;
  PlStore       *store;
  gint64         person_id;
  PlStaffWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStaff) manager = NULL;
  g_autoptr(PlStaff) sam = NULL;

  f->dir = pl_test_make_dir ("plainly-staff-flow");
  f->store = pl_test_open_store (f->dir, &f->path);
  g_assert_true (pl_demo_install (f->store, &f->person_id, &error));
  g_assert_no_error (error);

  /* The example's coordinator, given a password by the first manager */
  manager = pl_staff_create (f->store, NULL, "lorraine", "Lorraine Fisher", PL_ROLE_MANAGER,
                             "kettle-on-at-four", &error);
  g_assert_no_error (error);
  sam = pl_staff_find (f->store, "sam.patel", &error);
  g_assert_no_error (error);
  g_assert_true (pl_staff_reset_password (f->store, manager, sam->id, SAM_PASSWORD, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  pl_gui_test_run_frames (1);
  g_clear_pointer (&f->store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  GtkWidget *widget = pl_gui_test_find_named (root, name);

  g_assert_nonnull (widget);
  return widget;
}

static void
set_text (GtkWidget  *root,
          const char *name,
          const char *text)
{
  GtkWidget *widget = named (root, name);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* The input for field in the first item of the part on screen */
static GtkWidget *
first_item_input (GtkWidget  *editor,
                  const char *field)
{
  GtkWidget *card = named (editor, "item-0");

  for (GtkWidget *child = gtk_widget_get_first_child (card); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (PL_IS_RECORD_FORM (child))
      return pl_record_form_get_input (PL_RECORD_FORM (child), field);

  g_assert_not_reached ();
  return NULL;
}

static void
choose_part (GtkWidget  *editor,
             const char *anchor)
{
  GtkWidget *row = named (editor, anchor);

  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));
  gtk_widget_activate (row);
  g_assert_true (pl_gui_test_run_ticks (editor, 1));
  g_assert_cmpstr (pl_plan_editor_get_anchor (PL_PLAN_EDITOR (editor)), ==, anchor);
}

static gboolean
document_has_outcome (gpointer data)
{
  PlDocument *document = pl_reader_get_document (data);

  if (document == NULL)
    return FALSE;
  for (guint i = 0; i < pl_document_get_n_blocks (document); i++)
    if (g_strcmp0 (pl_document_get_block (document, i)->text, NEW_OUTCOME) == 0)
      return TRUE;
  return FALSE;
}

static char *
cli_show (Fixture *f)
{
  g_autofree char *cli = g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "plainly-cli", NULL);
  g_autofree char *person = g_strdup_printf ("%" G_GINT64_FORMAT, f->person_id);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { cli, "--db", f->path, "show", person, NULL };
  char *out = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_together_to_agreed (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) before = NULL;
  g_autoptr(PlPlan) after = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *shown = NULL;
  PlPersonPages *pages;
  GtkWidget *editor;
  PlTogetherView *together;
  PlHistoryPage *history;
  GtkWindow *dialog;
  guint n_versions;
  gboolean seen_before = FALSE, found = FALSE;

  /* The person has looked at their plan before the meeting */
  g_assert_true (pl_plan_mark_seen (f->store, f->person_id, &error));
  g_assert_no_error (error);
  before = pl_store_current_plan (f->store, f->person_id, &error);
  g_assert_no_error (error);

  f->window = pl_staff_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, f->window));
  g_assert_true (pl_staff_window_sign_in (f->window, "sam.patel", SAM_PASSWORD));

  g_assert_true (pl_staff_window_open (f->window, f->person_id, "plan"));
  pages = PL_PERSON_PAGES (pl_staff_window_get_content (f->window));
  g_assert_cmpstr (pl_person_pages_get_page (pages), ==, "plan");
  editor = pl_person_pages_get_editor (pages);
  together = PL_TOGETHER_VIEW (pl_person_pages_get_together (pages));
  history = PL_HISTORY_PAGE (pl_person_pages_get_history (pages));
  n_versions = pl_history_page_get_n_versions (history);

  /* Together mode: the person's view follows what the coordinator types */
  {
    PlPlainWordsPane *pane = PL_PLAIN_WORDS_PANE (pl_gui_test_find_named (editor, "plain-words"));

    g_assert_nonnull (pane);
    g_assert_true (pl_plain_words_pane_get_voice (pane) == pl_staff_window_get_voice (f->window));
    pl_person_pages_set_together (pages, TRUE);
    /* A hint read aloud beside the person's view speaks through its voice,
     * so the two never talk at once */
    g_assert_nonnull (pl_together_view_get_voice (together));
    g_assert_true (pl_plain_words_pane_get_voice (pane) == pl_together_view_get_voice (together));
    pl_person_pages_set_together (pages, FALSE);
    g_assert_true (pl_plain_words_pane_get_voice (pane) == pl_staff_window_get_voice (f->window));
    pl_person_pages_set_together (pages, TRUE);
  }
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (together)));
  choose_part (editor, "outcomes");
  {
    GtkWidget *input = first_item_input (editor, "outcome");

    if (GTK_IS_TEXT_VIEW (input))
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), NEW_OUTCOME, -1);
    else
      gtk_editable_set_text (GTK_EDITABLE (input), NEW_OUTCOME);
  }
  g_assert_true (pl_gui_test_wait_until (document_has_outcome, pl_together_view_get_reader (together)));

  /* Read it back: spoken, or said plainly that there is no speaker */
  pl_together_view_read_back (together);
  g_assert_true (pl_gui_test_run_ticks (together, 2));
  g_assert_nonnull (pl_together_view_get_status (together));
  pl_together_view_stop (together);

  /* Save makes one new version, which the history lists */
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  g_assert_true (pl_gui_test_run_ticks (editor, 2));
  after = pl_store_current_plan (f->store, f->person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->version, ==, before->version + 1);
  g_assert_cmpuint (pl_history_page_get_n_versions (history), ==, n_versions + 1);

  /* The person agrees in their own words, with who was there */
  dialog = pl_person_pages_open_agreement (pages);
  g_assert_nonnull (dialog);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, dialog));
  set_text (GTK_WIDGET (dialog), "present", "Dot, Julie her daughter, and Sam Patel");
  set_text (GTK_WIDGET (dialog), "participation", "Dot heard each part read back and changed the words");
  set_text (GTK_WIDGET (dialog), "agreement", "Yes, that's what I want. Dot.");
  g_assert_true (pl_agreement_dialog_record (PL_AGREEMENT_DIALOG (dialog)));
  g_clear_pointer (&after, pl_plan_free);
  after = pl_store_current_plan (f->store, f->person_id, &error);
  g_assert_cmpint (after->status, ==, PL_PLAN_AGREED);
  g_assert_cmpstr (after->agreement, ==, "Yes, that's what I want. Dot.");

  /* What plainly-cli show prints has the new words and the agreement */
  shown = cli_show (f);
  g_assert_nonnull (strstr (shown, NEW_OUTCOME));
  g_assert_nonnull (strstr (shown, "Julie her daughter"));

  /* And the person is told what changed since they last looked */
  changes = pl_plan_changes_since_seen (f->store, f->person_id, &seen_before, &error);
  g_assert_no_error (error);
  g_assert_true (seen_before);
  for (guint i = 0; i < changes->len; i++)
    {
      PlPlanChange *change = g_ptr_array_index (changes, i);

      if (g_strcmp0 (change->new_value, NEW_OUTCOME) == 0)
        found = TRUE;
    }
  g_assert_true (found);

  /* Signing out takes the pages, and Together mode, with it */
  g_object_add_weak_pointer (G_OBJECT (pages), (gpointer *) &pages);
  pl_staff_window_sign_out (f->window, NULL);
  pl_gui_test_run_frames (1);
  g_assert_null (pages);
}

/* A care worker reads the plan and writes the diary, but cannot change
 * the plan or record agreement */
static void
test_care_worker (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStaff) manager = pl_staff_find (f->store, "lorraine", &error);
  g_autoptr(PlStaff) bernie = pl_staff_find (f->store, "bernie.oneill", &error);
  PlPersonPages *pages;

  g_assert_true (pl_staff_reset_password (f->store, manager, bernie->id, "night-shift-42", &error));
  g_assert_no_error (error);

  f->window = pl_staff_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, f->window));
  g_assert_true (pl_staff_window_sign_in (f->window, "bernie.oneill", "night-shift-42"));

  g_assert_true (pl_staff_window_open (f->window, f->person_id, "diary"));
  pages = PL_PERSON_PAGES (pl_staff_window_get_content (f->window));
  g_assert_cmpstr (pl_person_pages_get_page (pages), ==, "diary");
  g_assert_false (gtk_widget_get_visible (named (GTK_WIDGET (pages), "agree-button")));
  g_assert_false (pl_staff_window_open (f->window, 0, "welcome"));
  g_assert_true (pl_staff_window_open (f->window, 0, "complaints"));
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/plainly/staff-flow/together-to-agreed", test_together_to_agreed);
  ADD ("/plainly/staff-flow/care-worker", test_care_worker);

  return g_test_run ();
}
