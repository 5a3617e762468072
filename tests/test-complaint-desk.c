/* test-complaint-desk.c: staff answer complaints and publish "You said, we did"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. Everything is done through the desk's own buttons, and
 * checked in the store and in the documents the person reads.
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "pl-complaint.h"
#include "pl-complaint-desk-private.h"
#include "pl-demo.h"
#include "pl-document.h"
#include "pl-responses-editor-private.h"
#include "pl-service-response.h"
#include "pl-staff.h"
#include "pl-store.h"
#include "pl-screenshot.h"
#include "pl-gui-test-util.h"
#include "pl-test-util.h"

typedef struct
{
  char            *dir;
  PlStore         *store;
  gint64           person_id;
  GtkWindow       *window;
  PlComplaintDesk *desk;
  PlComplaint     *complaint;   /* sent in set-up */
} Fixture;

static PlStaff *
make_staff (PlStaffRole role)
{
  PlStaff *staff = pl_staff_new ();

  staff->id = 1;
  staff->username = g_strdup ("sam");
  staff->display_name = g_strdup ("Sam Patel");
  staff->role = role;
  return staff;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlComplaint) draft = NULL;

  f->dir = pl_test_make_dir ("plainly-complaint-desk");
  f->store = pl_test_open_store (f->dir, NULL);
  g_assert_true (pl_demo_install (f->store, &f->person_id, &error));
  g_assert_no_error (error);

  f->complaint = pl_complaint_draft_for (f->store, f->person_id, PL_FEEDBACK_COMPLAINT, &error);
  g_assert_no_error (error);
  g_free (f->complaint->what_happened);
  f->complaint->what_happened = g_strdup ("My lunch visit was twenty minutes short on Friday.");
  g_assert_true (pl_complaint_send (f->store, f->complaint, &error));
  g_assert_no_error (error);

  /* A draft is the person's own: staff must not see it */
  draft = pl_complaint_draft_for (f->store, f->person_id, PL_FEEDBACK_OTHER, &error);
  g_assert_no_error (error);
  g_free (draft->what_happened);
  draft->what_happened = g_strdup ("Still thinking about this one.");
  g_assert_true (pl_complaint_save_draft (f->store, draft, &error));
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1024, 768);
  f->desk = pl_complaint_desk_new ();
  gtk_window_set_child (f->window, GTK_WIDGET (f->desk));
  gtk_window_present (f->window);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, f->desk));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  pl_gui_test_run_frames (1);
  g_clear_pointer (&f->complaint, pl_complaint_free);
  g_clear_pointer (&f->store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
set_staff (Fixture     *f,
           PlStaffRole  role)
{
  g_autoptr(PlStaff) staff = make_staff (role);

  pl_complaint_desk_set_context (f->desk, f->store, staff);
  g_assert_true (pl_gui_test_run_ticks (f->desk, 2));
}

static GtkWidget *
named (Fixture    *f,
       const char *name)
{
  GtkWidget *widget = pl_gui_test_find_named (GTK_WIDGET (f->desk), name);

  if (widget == NULL)
    g_error ("Nothing in the desk is named %s", name);
  return widget;
}

static void
click (Fixture    *f,
       const char *name)
{
  GtkWidget *button = named (f, name);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_is_drawable (button));
  pl_gui_test_press_button (button);
  g_assert_true (pl_gui_test_run_ticks (f->desk, 2));
}

static void
type_into (GtkWidget  *widget,
           const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));

  gtk_text_buffer_set_text (buffer, text, -1);
}

static char *
text_of (GtkWidget *widget)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Every label under widget, joined, as a screen reader walks them */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static char *
labels_of (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_labels (widget, out);
  return g_string_free (out, FALSE);
}

static GPtrArray *
rows (Fixture *f)
{
  GtkWidget *list = named (f, "complaints");
  GPtrArray *found = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      g_ptr_array_add (found, row);
  return found;
}

static PlComplaintStatus
stored_status (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlComplaint) complaint = pl_store_load_complaint (f->store, f->complaint->id, &error);

  g_assert_no_error (error);
  return complaint->status;
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *first = NULL;
  g_autofree char *all = NULL;
  g_autofree char *received = NULL;

  set_staff (f, PL_ROLE_COORDINATOR);
  listed = rows (f);

  /* The example's compliment and complaint, and the one just sent; no draft */
  g_assert_cmpuint (listed->len, ==, 3);
  first = labels_of (g_ptr_array_index (listed, 0));
  g_assert_nonnull (strstr (first, f->complaint->reference));
  g_assert_nonnull (strstr (first, "From Dot"));
  received = g_strdup_printf ("Where it is up to: %s", pl_complaint_status_label (PL_COMPLAINT_RECEIVED));
  g_assert_nonnull (strstr (first, received));
  g_assert_nonnull (strstr (first, "Answer due by"));

  all = labels_of (named (f, "complaints"));
  g_assert_null (strstr (all, "Still thinking"));
  /* The example's complaint was due on 8 December 2026: said in words */
  g_assert_nonnull (strstr (all, "BHC-2026-031"));
  g_assert_nonnull (strstr (all, "8 December 2026"));
  /* Rows are targets */
  g_assert_cmpfloat (pl_gui_test_target_height (g_ptr_array_index (listed, 0)), >=, 44);
}

static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlComplaint) complaint = pl_store_load_complaint (f->store, f->complaint->id, &error);
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *first = NULL;

  g_assert_no_error (error);
  g_free (complaint->response_due);
  complaint->response_due = g_strdup ("2020-01-06");
  g_assert_true (pl_store_save_complaint (f->store, complaint, &error));
  g_assert_no_error (error);

  set_staff (f, PL_ROLE_COORDINATOR);
  listed = rows (f);
  first = labels_of (g_ptr_array_index (listed, 0));
  g_assert_nonnull (strstr (first, "Overdue: the answer was due by Monday 6 January 2020"));
}

static void
test_answer (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autofree char *text = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) listed = NULL;

  set_staff (f, PL_ROLE_COORDINATOR);
  listed = rows (f);
  /* As Enter or a click chooses it */
  g_assert_true (gtk_widget_activate (g_ptr_array_index (listed, 0)));
  g_assert_true (pl_gui_test_run_ticks (f->desk, 2));
  g_assert_cmpint (pl_complaint_desk_get_selected (f->desk), ==, f->complaint->id);
  detail = labels_of (GTK_WIDGET (f->desk));
  g_assert_nonnull (strstr (detail, "What happened: My lunch visit was twenty minutes short on Friday."));
  g_assert_cmpfloat (pl_gui_test_target_height (named (f, "acknowledge")), >=, 44);

  /* Acknowledge asks for its note, with the keyboard focus there */
  click (f, "acknowledge");
  g_assert_true (gtk_widget_is_drawable (named (f, "note")));
  g_assert_true (gtk_window_get_focus (f->window) == named (f, "note"));
  type_into (named (f, "note"), "Sam rang Dot to say we have it.");
  pl_gui_test_save_png (GTK_WIDGET (f->window), "complaint-desk-acknowledge.png");
  click (f, "note-confirm");
  g_assert_cmpint (stored_status (f), ==, PL_COMPLAINT_ACKNOWLEDGED);
  g_assert_false (gtk_widget_is_drawable (named (f, "note")));
  g_assert_false (gtk_widget_is_sensitive (named (f, "acknowledge")));

  /* An answer needs words: the store refuses, the desk says why */
  click (f, "respond");
  click (f, "note-confirm");
  g_assert_cmpint (stored_status (f), ==, PL_COMPLAINT_ACKNOWLEDGED);
  g_assert_cmpstr (pl_complaint_desk_get_message (f->desk), ==,
                   "Please write the answer before you send it.");

  type_into (named (f, "note"), "The rota now gives lunch visits their full 30 minutes.");
  click (f, "note-confirm");
  g_assert_cmpint (stored_status (f), ==, PL_COMPLAINT_RESPONDED);

  events = pl_store_list_complaint_events (f->store, f->complaint->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 3);
  g_assert_cmpstr (((PlComplaintEvent *) events->pdata[2])->actor, ==, "Sam Patel (Care coordinator)");
  /* …and the store's history says who changed it */
  history = pl_store_list_history (f->store, &pl_complaint_type, f->complaint->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >, 0);
  g_assert_cmpstr (((PlHistory *) history->pdata[history->len - 1])->actor, ==, "staff:1");

  /* The person reads the answer and the timeline in their complaint */
  document = pl_document_build_complaint (f->store, f->person_id, f->complaint->id, &error);
  g_assert_no_error (error);
  text = pl_document_to_text (document);
  g_assert_nonnull (strstr (text, "The rota now gives lunch visits their full 30 minutes."));
  g_assert_nonnull (strstr (text, "Sam rang Dot to say we have it."));
  g_assert_nonnull (strstr (text, pl_complaint_status_label (PL_COMPLAINT_RESPONDED)));

  /* The desk's own timeline shows it too */
  g_clear_pointer (&detail, g_free);
  detail = labels_of (GTK_WIDGET (f->desk));
  g_assert_nonnull (strstr (detail, "The rota now gives lunch visits their full 30 minutes."));

  /* Escalate, then close */
  click (f, "escalate");
  type_into (named (f, "note"), "Passed to Castlebridge Council at Dot's request.");
  click (f, "note-confirm");
  g_assert_cmpint (stored_status (f), ==, PL_COMPLAINT_ESCALATED);
  click (f, "close");
  click (f, "note-confirm");
  g_assert_cmpint (stored_status (f), ==, PL_COMPLAINT_CLOSED);
  g_assert_false (gtk_widget_is_sensitive (named (f, "respond")));
}

static void
test_publish (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(PlDocument) after = NULL;
  g_autoptr(GPtrArray) published = NULL;
  g_autofree char *text = NULL;
  g_autofree char *you_said = NULL;
  g_autofree char *anchor = NULL;
  g_autofree char *toggle = NULL;

  g_assert_true (pl_complaint_respond (f->store, f->complaint->id, "Sam",
                                       "Lunch visits now last the full 30 minutes.", NULL, &error));
  g_assert_no_error (error);

  set_staff (f, PL_ROLE_COORDINATOR);
  g_assert_true (pl_complaint_desk_select (f->desk, f->complaint->id));
  g_assert_true (pl_gui_test_run_ticks (f->desk, 2));

  click (f, "publish-response");
  you_said = text_of (named (f, "you-said"));
  g_assert_cmpstr (you_said, ==, "My lunch visit was twenty minutes short on Friday.");
  g_clear_pointer (&you_said, g_free);
  you_said = text_of (named (f, "we-did"));
  g_assert_cmpstr (you_said, ==, "Lunch visits now last the full 30 minutes.");
  g_assert_true (gtk_window_get_focus (f->window) == named (f, "you-said"));

  /* Reworded so no one can tell who said it (NG86 1.6.11) */
  pl_gui_test_save_png (GTK_WIDGET (f->window), "complaint-desk-publish.png");
  type_into (named (f, "you-said"), "Some lunch visits were cut short.");
  click (f, "save-and-publish");

  published = pl_service_response_list_published (f->store,
                                                  pl_responses_editor_get_service (pl_complaint_desk_get_responses_editor (f->desk)),
                                                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (published->len, ==, 1);
  g_assert_cmpstr (((PlServiceResponse *) published->pdata[0])->you_said, ==,
                   "Some lunch visits were cut short.");

  document = pl_document_build_welcome (f->store, f->person_id, &error);
  g_assert_no_error (error);
  anchor = g_strdup_printf ("response-%" G_GINT64_FORMAT, ((PlServiceResponse *) published->pdata[0])->id);
  g_assert_cmpint (pl_document_find_anchor (document, "you-said-we-did"), >=, 0);
  g_assert_cmpstr (pl_document_get_block (document, pl_document_find_anchor (document, anchor))->text,
                   ==, "Some lunch visits were cut short.");
  text = pl_document_to_text (document);
  g_assert_nonnull (strstr (text, "Lunch visits now last the full 30 minutes."));
  g_assert_null (strstr (text, f->complaint->reference));

  /* Taken back: people no longer read it. The row's buttons are reached
   * with the keyboard alone. */
  toggle = g_strdup_printf ("response-publish-%" G_GINT64_FORMAT,
                            ((PlServiceResponse *) published->pdata[0])->id);
  g_assert_true (pl_gui_test_reachable_by_tab (f->window, named (f, toggle)));
  g_assert_true (pl_gui_test_reachable_by_tab (f->window, named (f, "respond")));
  g_assert_true (pl_gui_test_reachable_by_tab (f->window, named (f, "complaints")));
  /* Moving through the list did not change which one is shown */
  g_assert_cmpint (pl_complaint_desk_get_selected (f->desk), ==, f->complaint->id);
  click (f, toggle);
  after = pl_document_build_welcome (f->store, f->person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_document_find_anchor (after, "you-said-we-did"), ==, -1);
}

static void
test_responses_editor (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) published = NULL;
  g_autoptr(PlServiceResponse) stored = NULL;
  g_autofree char *change = NULL;
  g_autofree char *labels = NULL;
  PlResponsesEditor *editor;
  gint64 service_id;
  gint64 id;

  set_staff (f, PL_ROLE_COORDINATOR);
  editor = pl_complaint_desk_get_responses_editor (f->desk);
  service_id = pl_responses_editor_get_service (editor);
  g_assert_cmpint (service_id, !=, 0);

  /* Both parts are needed; the editor says which is missing */
  click (f, "new-response");
  type_into (named (f, "we-did"), "We added a second phone line.");
  click (f, "save-response");
  g_assert_cmpstr (pl_responses_editor_get_message (editor), ==, "Please write what people said.");
  g_assert_true (gtk_window_get_focus (f->window) == named (f, "you-said"));

  type_into (named (f, "you-said"), "The office was hard to ring.");
  click (f, "save-response");
  all = pl_service_response_list (f->store, service_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
  id = ((PlServiceResponse *) all->pdata[0])->id;
  published = pl_service_response_list_published (f->store, service_id, &error);
  g_assert_cmpuint (published->len, ==, 0);
  labels = labels_of (GTK_WIDGET (editor));
  g_assert_nonnull (strstr (labels, "Not published: people cannot read it yet"));

  /* Changed through its row's button */
  change = g_strdup_printf ("response-change-%" G_GINT64_FORMAT, id);
  click (f, change);
  g_assert_true (gtk_window_get_focus (f->window) == named (f, "you-said"));
  type_into (named (f, "we-did"), "We added a second phone line, answered until 8pm.");
  click (f, "save-and-publish");

  stored = pl_store_load_service_response (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->you_said, ==, "The office was hard to ring.");
  g_assert_cmpstr (stored->we_did, ==, "We added a second phone line, answered until 8pm.");
  g_assert_nonnull (stored->published_on);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = pl_service_response_list (f->store, service_id, &error);
  g_assert_cmpuint (all->len, ==, 1);
}

static void
test_care_worker (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(PlServiceResponse) response = pl_service_response_new ();
  g_autofree char *labels = NULL;

  set_staff (f, PL_ROLE_CARE_WORKER);
  listed = rows (f);
  g_assert_cmpuint (listed->len, ==, 3);
  g_assert_true (pl_complaint_desk_select (f->desk, f->complaint->id));
  g_assert_true (pl_gui_test_run_ticks (f->desk, 2));

  /* They read what the person wrote, and cannot act on it */
  labels = labels_of (GTK_WIDGET (f->desk));
  g_assert_nonnull (strstr (labels, "My lunch visit was twenty minutes short"));
  g_assert_nonnull (strstr (labels, "Only coordinators and managers can answer them."));
  g_assert_false (gtk_widget_is_drawable (named (f, "acknowledge")));
  g_assert_false (gtk_widget_is_drawable (named (f, "publish-response")));
  g_assert_false (gtk_widget_is_drawable (named (f, "new-response")));

  /* Even a button pressed by other means does nothing */
  g_signal_emit_by_name (named (f, "acknowledge"), "clicked");
  g_signal_emit_by_name (named (f, "note-confirm"), "clicked");
  pl_gui_test_run_frames (1);
  g_assert_cmpint (stored_status (f), ==, PL_COMPLAINT_RECEIVED);
  g_assert_false (pl_responses_editor_start (pl_complaint_desk_get_responses_editor (f->desk),
                                             response));
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/plainly/complaint-desk/list", test_list);
  ADD ("/plainly/complaint-desk/overdue", test_overdue);
  ADD ("/plainly/complaint-desk/answer", test_answer);
  ADD ("/plainly/complaint-desk/publish", test_publish);
  ADD ("/plainly/complaint-desk/responses-editor", test_responses_editor);
  ADD ("/plainly/complaint-desk/care-worker", test_care_worker);

#undef ADD

  return g_test_run ();
}
