/* test-window-actors.c: the history says who made each change, on both sides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb, through the person's window and the staff window opened
 * from it, each with its own connection to one database file. The person
 * changes their settings, writes about a visit and starts a compliment; a
 * carer changes theirs; a coordinator changes the plan while the person
 * reads it, and records their agreement. The history table, read straight
 * from the file, must name each of them, and nothing "plainly".
 */

#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "pl-actor.h"
#include "pl-agreement-dialog-private.h"
#include "pl-complaint-form.h"
#include "pl-complaint-form-private.h"
#include "pl-demo.h"
#include "pl-diary-comment-dialog-private.h"
#include "pl-document.h"
#include "pl-history-page-private.h"
#include "pl-person-pages-private.h"
#include "pl-plan-editor.h"
#include "pl-plan-version.h"
#include "pl-reader.h"
#include "pl-record-form-private.h"
#include "pl-staff.h"
#include "pl-staff-window-private.h"
#include "pl-window-private.h"
#include "pl-gui-test-util.h"
#include "pl-test-util.h"

#define SAM_PASSWORD "tea-and-biscuits-7"
#define NEW_OUTCOME "I want to feed the ducks at the park on Sundays"

typedef struct
{
  char     *dir;
  char     *path;
  gint64    person_id;
  gint64    carer_id;
  gint64    sam_id;
  PlWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlStaff) manager = NULL;
  g_autoptr(PlStaff) sam = NULL;
  g_autoptr(GPtrArray) carers = NULL;

  f->dir = pl_test_make_dir ("plainly-window-actors");
  store = pl_test_open_store (f->dir, &f->path);
  g_assert_true (pl_demo_install (store, &f->person_id, &error));
  g_assert_no_error (error);
  manager = pl_staff_create (store, NULL, "lorraine", "Lorraine Fisher", PL_ROLE_MANAGER,
                             "kettle-on-at-four", &error);
  g_assert_no_error (error);
  sam = pl_staff_find (store, "sam.patel", &error);
  g_assert_no_error (error);
  g_assert_true (pl_staff_reset_password (store, manager, sam->id, SAM_PASSWORD, &error));
  g_assert_no_error (error);
  f->sam_id = sam->id;
  carers = pl_store_list_carers (store, 0, &error);
  g_assert_no_error (error);
  /* Paul, who supports Dot (Anna supports Krystyna) */
  for (guint i = 0; i < carers->len; i++)
    if (g_strcmp0 (((PlCarer *) g_ptr_array_index (carers, i))->name, "Paul Whitaker") == 0)
      f->carer_id = ((PlCarer *) g_ptr_array_index (carers, i))->id;
  g_assert_cmpint (f->carer_id, >, 0);
  g_clear_pointer (&store, pl_store_unref);

  f->window = pl_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 768);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, f->window));
  g_assert_true (pl_window_open_database (f->window, f->path));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  pl_gui_test_run_frames (2);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Rows of the history, read from the file by SQLite itself */
static gint64
history_rows (Fixture    *f,
              const char *table,
              const char *actor)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM history "
                                           "WHERE (?1 IS NULL OR table_name = ?1) AND actor = ?2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, actor, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  GtkWidget *widget = pl_gui_test_find_named (root, name);

  if (widget == NULL)
    g_error ("Nothing is named %s", name);
  return widget;
}

static gboolean
is_reading (gpointer data)
{
  Fixture *f = data;
  PlDocumentView *view = pl_window_get_document_view (f->window);

  return pl_document_view_get_document (view) != NULL && gtk_widget_get_mapped (GTK_WIDGET (view));
}

static gboolean
has_outcome (PlDocument *document)
{
  for (guint i = 0; document != NULL && i < pl_document_get_n_blocks (document); i++)
    if (g_strcmp0 (pl_document_get_block (document, i)->text, NEW_OUTCOME) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
person_reads_outcome (gpointer data)
{
  Fixture *f = data;

  return has_outcome (pl_document_view_get_document (pl_window_get_document_view (f->window)));
}

static void
back_to_start (Fixture *f)
{
  while (pl_window_go_back (f->window))
    pl_gui_test_run_frames (2);
}

/* The person's side: their settings, their words about a visit and a
 * compliment are theirs; a carer's settings are the carer's */
static void
person_side (Fixture    *f,
             const char *person_actor,
             const char *carer_actor)
{
  PlStore *store = pl_window_get_store (f->window);
  PlComplaintForm *form;
  GtkWindow *dialog;

  g_assert_cmpstr (pl_store_get_actor (store), ==, PL_ACTOR_PLAINLY);

  g_assert_true (pl_window_open_person (f->window, f->person_id));
  g_assert_cmpstr (pl_store_get_actor (store), ==, person_actor);
  pl_window_set_text_size (f->window, 24);
  g_assert_cmpint (history_rows (f, "settings", person_actor), >, 0);

  g_assert_true (pl_window_open_page (f->window, PL_DOCUMENT_DIARY));
  g_assert_true (pl_gui_test_wait_until (is_reading, f));
  dialog = pl_window_open_diary_comment (f->window);
  g_assert_nonnull (dialog);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (pl_diary_comment_dialog_get_text_view (PL_DIARY_COMMENT_DIALOG (dialog))),
                            "Bernie made the tea just as I like it.", -1);
  g_assert_true (pl_diary_comment_dialog_send (PL_DIARY_COMMENT_DIALOG (dialog)));
  pl_gui_test_run_frames (2);
  g_assert_cmpint (history_rows (f, "diary_comments", person_actor), >, 0);
  g_assert_true (pl_window_go_back (f->window));
  pl_gui_test_run_frames (2);

  g_assert_true (pl_window_open_feedback (f->window));
  form = pl_window_get_complaint_form (f->window);
  g_assert_true (gtk_widget_activate (named (GTK_WIDGET (form), "kind-compliment")));
  pl_gui_test_run_frames (12);
  pl_gui_test_type_at_end (named (GTK_WIDGET (form), "what-view"), "The new care worker is kind.");
  pl_complaint_form_save_now (form);
  g_assert_cmpint (history_rows (f, "complaints", person_actor), >, 0);

  /* Back at "Who is using Plainly?", nobody is reading */
  back_to_start (f);
  g_assert_cmpstr (pl_store_get_actor (store), ==, PL_ACTOR_PLAINLY);

  g_assert_true (pl_window_open_person_as_carer (f->window, f->person_id, f->carer_id));
  g_assert_cmpstr (pl_store_get_actor (store), ==, carer_actor);
  pl_window_set_text_size (f->window, 32);
  g_assert_cmpint (history_rows (f, "carer_settings", carer_actor), >, 0);
  g_assert_cmpint (history_rows (f, "carer_settings", person_actor), ==, 0);
  back_to_start (f);
  g_assert_cmpstr (pl_store_get_actor (store), ==, PL_ACTOR_PLAINLY);
}

static void
test_who_changed_what (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *person_actor = pl_actor_for_person (f->person_id);
  g_autofree char *carer_actor = pl_actor_for_carer (f->carer_id);
  g_autofree char *sam_actor = NULL;
  g_autofree char *words = NULL;
  g_autoptr(PlStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStaff) sam = NULL;
  PlStaffWindow *staff;
  PlPersonPages *pages;
  PlHistoryPage *history;
  GtkWidget *editor, *card, *input = NULL;
  GtkWindow *agreement;
  gint64 plainly_before = history_rows (f, NULL, PL_ACTOR_PLAINLY);
  gboolean said = FALSE;

  person_side (f, person_actor, carer_actor);

  /* The person reads their plan while the coordinator changes it beside them */
  g_assert_true (pl_window_open_person (f->window, f->person_id));
  g_assert_true (pl_window_open_page (f->window, PL_DOCUMENT_PLAN));
  g_assert_true (pl_gui_test_wait_until (is_reading, f));
  g_assert_false (person_reads_outcome (f));

  staff = PL_STAFF_WINDOW (pl_window_open_staff (f->window));
  g_assert_nonnull (staff);
  gtk_window_set_default_size (GTK_WINDOW (staff), 1280, 900);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, staff));
  /* A connection of its own, as nobody until someone signs in */
  g_assert_true (pl_staff_window_get_store (staff) != pl_window_get_store (f->window));
  g_assert_cmpstr (pl_store_get_actor (pl_staff_window_get_store (staff)), ==, PL_ACTOR_PLAINLY);
  g_assert_true (pl_staff_window_sign_in (staff, "sam.patel", SAM_PASSWORD));
  sam = pl_staff_copy (pl_staff_window_get_staff (staff));
  sam_actor = pl_actor_for_staff (sam);
  g_assert_cmpstr (pl_store_get_actor (pl_staff_window_get_store (staff)), ==, sam_actor);
  /* …and the person's window is still the person's */
  g_assert_cmpstr (pl_store_get_actor (pl_window_get_store (f->window)), ==, person_actor);

  g_assert_true (pl_staff_window_open (staff, f->person_id, "plan"));
  pages = PL_PERSON_PAGES (pl_staff_window_get_content (staff));
  editor = pl_person_pages_get_editor (pages);
  {
    GtkWidget *row = named (editor, "outcomes");

    gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));
    gtk_widget_activate (row);
    g_assert_true (pl_gui_test_run_ticks (editor, 1));
  }
  card = named (editor, "item-0");
  for (GtkWidget *child = gtk_widget_get_first_child (card); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (PL_IS_RECORD_FORM (child))
      input = pl_record_form_get_input (PL_RECORD_FORM (child), "outcome");
  g_assert_nonnull (input);
  if (GTK_IS_TEXT_VIEW (input))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), NEW_OUTCOME, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (input), NEW_OUTCOME);
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));

  /* Saved there, read here: the person's window shows the new words
   * without being touched */
  g_assert_true (pl_gui_test_wait_until (person_reads_outcome, f));
  g_assert_cmpint (history_rows (f, "plans", sam_actor), >, 0);

  /* The agreement is recorded by the coordinator, and says so */
  agreement = pl_person_pages_open_agreement (pages);
  g_assert_nonnull (agreement);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, agreement));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (named (GTK_WIDGET (agreement), "agreement"))),
                            "Yes, that's what I want.", -1);
  g_assert_true (pl_agreement_dialog_record (PL_AGREEMENT_DIALOG (agreement)));
  reader = pl_store_open (f->path, PL_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  {
    g_autoptr(PlPlan) plan = pl_store_current_plan (reader, f->person_id, &error);
    g_autoptr(GPtrArray) rows = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (plan->status, ==, PL_PLAN_AGREED);
    rows = pl_store_list_history (reader, &pl_plan_type, plan->id, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < rows->len; i++)
      {
        const PlHistory *row = g_ptr_array_index (rows, i);

        if (g_strcmp0 (row->field, "agreement") == 0)
          {
            g_assert_cmpstr (row->actor, ==, sam_actor);
            said = TRUE;
          }
      }
    g_assert_true (said);
  }

  /* A visit written in the diary at the desk is the coordinator's too */
  g_assert_true (pl_staff_window_open (staff, f->person_id, "diary"));
  {
    GtkWidget *desk = pl_staff_window_get_content (staff);

    gtk_editable_set_text (GTK_EDITABLE (named (desk, "planned")), "08:00");
    gtk_editable_set_text (GTK_EDITABLE (named (desk, "arrived")), "08:05");
    gtk_editable_set_text (GTK_EDITABLE (named (desk, "left")), "08:40");
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (named (desk, "what-done"))),
                              "Breakfast, and the plants watered", -1);
    pl_gui_test_press_button (named (desk, "save"));
  }
  g_assert_cmpint (history_rows (f, "diary_entries", sam_actor), >, 0);

  /* Nothing anyone did was put down to Plainly itself */
  g_assert_cmpint (history_rows (f, NULL, PL_ACTOR_PLAINLY), ==, plainly_before);

  /* In words, for whoever reads the history */
  words = pl_actor_describe (reader, sam_actor);
  g_assert_cmpstr (words, ==, "Sam Patel (Care coordinator)");
  g_clear_pointer (&words, g_free);
  words = pl_actor_describe (reader, person_actor);
  g_assert_cmpstr (words, ==, "Dot");
  g_clear_pointer (&words, g_free);
  words = pl_actor_describe (reader, carer_actor);
  g_assert_cmpstr (words, ==, "Paul Whitaker (carer)");
  history = PL_HISTORY_PAGE (pl_person_pages_get_history (pages));
  g_assert_true (pl_history_page_set_person (history, pl_staff_window_get_store (staff),
                                             f->person_id, &error));
  g_assert_no_error (error);
  said = FALSE;
  for (guint i = 0; i < pl_history_page_get_n_history (history); i++)
    if (strstr (pl_history_page_get_history_text (history, i), "Sam Patel") != NULL)
      said = TRUE;
  g_assert_true (said);

  /* Closing the staff window closes its connection only */
  gtk_window_destroy (GTK_WINDOW (staff));
  pl_gui_test_run_frames (2);
  g_assert_true (pl_window_open_person (f->window, f->person_id));
  pl_window_set_text_size (f->window, 48);
  g_assert_cmpint (history_rows (f, "settings", person_actor), >, 1);

  /* …and closing the person's window leaves the staff window working */
  staff = PL_STAFF_WINDOW (pl_window_open_staff (f->window));
  g_object_add_weak_pointer (G_OBJECT (staff), (gpointer *) &staff);
  g_assert_true (pl_staff_window_sign_in (staff, "sam.patel", SAM_PASSWORD));
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  pl_gui_test_run_frames (2);
  g_assert_nonnull (staff);
  g_assert_true (pl_staff_window_open (staff, f->person_id, "history"));
  history = PL_HISTORY_PAGE (pl_person_pages_get_history (PL_PERSON_PAGES (pl_staff_window_get_content (staff))));
  g_assert_cmpuint (pl_history_page_get_n_versions (history), >, 1);
  gtk_window_destroy (GTK_WINDOW (staff));
  pl_gui_test_run_frames (2);
  g_assert_null (staff);
}

#define PERSON_COMMENT "The new carer sang while she made the tea."
#define STAFF_TYPING "Lunch, and a walk to the shop for the paper"

/* Does a label under root show words? */
static gboolean
shows_words (GtkWidget  *root,
             const char *words)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_label (GTK_LABEL (root)), words) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_words (child, words))
      return TRUE;
  return FALSE;
}

typedef struct
{
  PlStaffWindow *staff;
  guint          n_history;
} StaffDesk;

static gboolean
diary_lists_comment (gpointer data)
{
  StaffDesk *desk = data;
  PlPersonPages *pages = PL_PERSON_PAGES (pl_staff_window_get_content (desk->staff));

  return shows_words (named (pl_person_pages_get_diary (pages), "entries"), PERSON_COMMENT);
}

static gboolean
history_grew (gpointer data)
{
  StaffDesk *desk = data;
  PlPersonPages *pages = PL_PERSON_PAGES (pl_staff_window_get_content (desk->staff));

  return pl_history_page_get_n_history (PL_HISTORY_PAGE (pl_person_pages_get_history (pages))) >
         desk->n_history;
}

typedef struct
{
  GtkWidget *list;
  GtkWidget *row;   /* a row before the list was read again */
} ListRow;

static gboolean
list_read_again (gpointer data)
{
  ListRow *list_row = data;

  return gtk_widget_get_parent (list_row->row) != list_row->list;
}

static char *
text_of (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The staff window open beside the person's shows what the person's side
 * commits as soon as it is committed, in every page that lists it, without
 * being brought forward, and what staff were typing stays */
static void
test_staff_desks_follow (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(PlPlanContent) content = NULL;
  PlStore *person_store = pl_window_get_store (f->window);
  PlPersonPages *pages;
  PlPlanSection *section;
  GtkWidget *diary;
  GtkWindow *dialog;
  StaffDesk desk = { 0 };
  g_autofree char *typed = NULL;
  ListRow list_row = { 0 };
  GtkWidget *focus;
  gint64 entry_id;

  desk.staff = PL_STAFF_WINDOW (pl_window_open_staff (f->window));
  g_assert_nonnull (desk.staff);
  gtk_window_set_default_size (GTK_WINDOW (desk.staff), 1280, 900);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, desk.staff));
  g_assert_true (pl_staff_window_sign_in (desk.staff, "sam.patel", SAM_PASSWORD));

  /* Sam is writing about a visit when Dot comments on another */
  g_assert_true (pl_staff_window_open (desk.staff, f->person_id, "diary"));
  pages = PL_PERSON_PAGES (pl_staff_window_get_content (desk.staff));
  diary = pl_person_pages_get_diary (pages);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (named (diary, "what-done"))),
                            STAFF_TYPING, -1);
  g_assert_false (diary_lists_comment (&desk));

  g_assert_true (pl_window_open_person (f->window, f->person_id));
  g_assert_true (pl_window_open_page (f->window, PL_DOCUMENT_DIARY));
  g_assert_true (pl_gui_test_wait_until (is_reading, f));
  dialog = pl_window_open_diary_comment (f->window);
  g_assert_nonnull (dialog);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (pl_diary_comment_dialog_get_text_view (PL_DIARY_COMMENT_DIALOG (dialog))),
                            PERSON_COMMENT, -1);
  g_assert_true (pl_diary_comment_dialog_send (PL_DIARY_COMMENT_DIALOG (dialog)));

  g_assert_true (pl_gui_test_wait_until (diary_lists_comment, &desk));
  g_assert_true (pl_staff_window_get_content (desk.staff) == GTK_WIDGET (pages));
  typed = text_of (named (diary, "what-done"));
  g_assert_cmpstr (typed, ==, STAFF_TYPING);
  g_clear_pointer (&typed, g_free);

  /* The entry Sam has the focus on keeps it as the list is read again */
  list_row.list = named (diary, "entries");
  list_row.row = g_object_ref (gtk_widget_get_first_child (list_row.list));
  g_assert_true (gtk_widget_grab_focus (list_row.row));
  entry_id = *(const gint64 *) g_object_get_data (G_OBJECT (list_row.row), "entry-id");
  pl_window_set_text_size (f->window, 24);
  g_assert_true (pl_gui_test_wait_until (list_read_again, &list_row));
  g_clear_object (&list_row.row);
  focus = gtk_root_get_focus (GTK_ROOT (desk.staff));
  g_assert_nonnull (focus);
  focus = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_get_parent (focus) == list_row.list);
  g_assert_cmpint (*(const gint64 *) g_object_get_data (G_OBJECT (focus), "entry-id"), ==, entry_id);

  /* The history too, for a change committed through the person's window's
   * connection */
  g_assert_true (pl_staff_window_open (desk.staff, f->person_id, "history"));
  desk.n_history = pl_history_page_get_n_history (PL_HISTORY_PAGE (pl_person_pages_get_history (pages)));
  plan = pl_store_current_plan (person_store, f->person_id, &error);
  g_assert_no_error (error);
  content = pl_plan_content_load (person_store, plan->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (content->parts[PL_PLAN_PART_SECTIONS]->len, >, 0);
  section = g_ptr_array_index (content->parts[PL_PLAN_PART_SECTIONS], 0);
  g_free (section->body);
  section->body = g_strdup ("I like my tea with two sugars now.");
  g_assert_true (pl_store_save_plan_section (person_store, section, &error));
  g_assert_no_error (error);
  g_assert_true (pl_gui_test_wait_until (history_grew, &desk));
  typed = text_of (named (diary, "what-done"));
  g_assert_cmpstr (typed, ==, STAFF_TYPING);

  gtk_window_destroy (GTK_WINDOW (desk.staff));
  pl_gui_test_run_frames (2);
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

  g_test_add ("/plainly/window-actors/who-changed-what", Fixture, NULL,
              fixture_setup, test_who_changed_what, fixture_teardown);
  g_test_add ("/plainly/window-actors/staff-desks-follow", Fixture, NULL,
              fixture_setup, test_staff_desks_follow, fixture_teardown);

  return g_test_run ();
}
