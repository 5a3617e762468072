/* test-diary-desk.c: writing the care diary through the real widgets, and
 * the person's comment on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. The staff desk is driven as a care worker would: text
 * typed into its fields, Save pressed; the comment dialog as the person
 * would, in their own 48 pt reading style.
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "pl-diary.h"
#include "pl-diary-comment-dialog-private.h"
#include "pl-diary-desk-private.h"
#include "pl-document.h"
#include "pl-draft.h"
#include "pl-reader-style.h"
#include "pl-screenshot.h"
#include "pl-staff.h"
#include "pl-store.h"
#include "pl-gui-test-util.h"
#include "pl-test-util.h"

#define READER_CLASS "pl-reader-test"

typedef struct
{
  char        *dir;
  PlStore     *store;
  gint64       person_id;
  PlStaff     *staff;
  GtkWindow   *window;
  PlDiaryDesk *desk;
  gint64       saved_id;
  gint64       sent_id;
} Fixture;

static gint64
add_staff (PlStore     *store,
           const char  *username,
           const char  *name,
           PlStaffRole  role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStaff) staff = pl_staff_new ();

  staff->username = g_strdup (username);
  staff->display_name = g_strdup (name);
  staff->role = role;
  /* Never checked here: the desk is given who is signed in */
  staff->password_hash = g_strdup ("$argon2id$v=19$m=65536,t=2,p=1$not-a-real-hash");
  g_assert_true (pl_store_save_staff (store, staff, &error));
  g_assert_no_error (error);
  return staff->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = pl_person_new ();
  gint64 staff_id;

  f->dir = pl_test_make_dir ("plainly-diary-desk-XXXXXX");
  f->store = pl_test_open_store (f->dir, NULL);

  person->full_name = g_strdup ("Siân Evans");
  person->preferred_name = g_strdup ("Siân");
  g_assert_true (pl_store_save_person (f->store, person, &error));
  g_assert_no_error (error);
  f->person_id = person->id;

  staff_id = add_staff (f->store, "ana", "Ana Kowalska", PL_ROLE_CARE_WORKER);
  f->staff = pl_store_load_staff (f->store, staff_id, &error);
  g_assert_no_error (error);
}

static void
close_window (Fixture *f)
{
  if (f->window != NULL)
    {
      gtk_window_destroy (f->window);
      f->window = NULL;
      f->desk = NULL;
      pl_gui_test_run_frames (2);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_window (f);
  g_clear_pointer (&f->staff, pl_staff_free);
  g_clear_pointer (&f->store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
saved_cb (PlDiaryDesk *desk,
          gint64       id,
          Fixture     *f)
{
  f->saved_id = id;
}

/* A new desk in a window, as after the app starts again */
static void
open_desk (Fixture *f)
{
  close_window (f);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1024, 768);
  f->desk = pl_diary_desk_new ();
  g_signal_connect (f->desk, "saved", G_CALLBACK (saved_cb), f);
  gtk_window_set_child (f->window, GTK_WIDGET (f->desk));
  pl_diary_desk_set_context (f->desk, f->store, f->staff, f->person_id);
  gtk_window_present (f->window);
  g_assert_true (pl_gui_test_run_ticks (f->desk, 3));
}

static GtkWidget *
named (Fixture    *f,
       const char *name)
{
  GtkWidget *widget = pl_gui_test_find_named (GTK_WIDGET (f->desk), name);

  g_assert_nonnull (widget);
  return widget;
}

static void
type_into (Fixture    *f,
           const char *name,
           const char *text)
{
  GtkWidget *widget = named (f, name);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static const char *
text_of (Fixture    *f,
         const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (named (f, name)));
}

static char *
view_text (Fixture    *f,
           const char *name)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (named (f, name)));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
press (Fixture    *f,
       const char *name)
{
  pl_gui_test_press_button (named (f, name));
  pl_gui_test_run_ticks (f->desk, 2);
}

static guint
count_entries (PlStore *store,
               gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = pl_store_recent_diary (store, person_id, 0, &error);

  g_assert_no_error (error);
  return entries->len;
}

static guint
count_diary_drafts (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = pl_draft_list_for (f->store, f->staff->id, f->person_id, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < drafts->len; i++)
    if (g_strcmp0 (((PlDraft *) g_ptr_array_index (drafts, i))->table_name, "diary_entries") == 0)
      n++;
  return n;
}

static guint
count_rows (Fixture *f)
{
  GtkWidget *list = named (f, "entries");
  guint n = 0;

  if (!gtk_widget_get_visible (list))
    return 0;
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

/* The text of every label in the list, for what a row says */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static char *
list_text (Fixture *f)
{
  GString *out = g_string_new (NULL);

  collect_labels (named (f, "entries"), out);
  return g_string_free (out, FALSE);
}

typedef struct
{
  Fixture *f;
  guint    rows;
} RowsWait;

static gboolean
rows_are (gpointer data)
{
  RowsWait *wait = data;

  return count_rows (wait->f) == wait->rows;
}

static void
search_for (Fixture    *f,
            const char *words,
            guint       expect_rows)
{
  RowsWait wait = { f, expect_rows };

  type_into (f, "search", words);
  /* The search entry waits for a pause in typing before it searches */
  g_assert_true (pl_gui_test_wait_until (rows_are, &wait));
  g_assert_cmpuint (count_rows (f), ==, expect_rows);
}

/* A missed visit is refused until what was done about it is written, with
 * the reason shown; then it is saved and found by search (NG21 1.4.12) */
static void
test_write_missed_visit (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *rows = NULL;
  const char *message;
  const PlDiaryEntry *entry;

  open_desk (f);
  g_assert_cmpuint (count_rows (f), ==, 0);
  g_assert_true (gtk_widget_get_visible (named (f, "list-status")));

  /* A new entry starts today, written by whoever is signed in */
  g_assert_cmpstr (text_of (f, "date"), ==, today);
  g_assert_cmpstr (text_of (f, "worker"), ==, "Ana Kowalska");
  g_assert_false (gtk_widget_get_visible (named (f, "action-box")));
  g_assert_true (gtk_widget_get_visible (named (f, "arrived")));

  type_into (f, "date", "2026-11-20");
  type_into (f, "planned", "18:15");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (f, "outcome")), PL_VISIT_MISSED);
  pl_gui_test_run_ticks (f->desk, 2);
  g_assert_true (gtk_widget_get_visible (named (f, "action-box")));
  g_assert_false (gtk_widget_get_visible (named (f, "arrived")));
  g_assert_false (gtk_widget_get_visible (named (f, "left")));
  type_into (f, "how", "Worried when nobody came.");

  press (f, "save");
  message = pl_diary_desk_get_message (f->desk);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "missed"));
  g_assert_nonnull (strstr (message, "what was done about it"));
  g_assert_true (gtk_widget_get_visible (named (f, "message")));
  g_assert_cmpuint (count_entries (f->store, f->person_id), ==, 0);
  /* Straight to the box that needs filling */
  g_assert_true (gtk_window_get_focus (f->window) == named (f, "action"));
  /* Nothing typed is lost meanwhile */
  g_assert_cmpuint (count_diary_drafts (f), ==, 1);

  type_into (f, "action", "The office rang at 18:40. Sam came at 19:30 instead. Diolch 😊");
  press (f, "save");
  message = pl_diary_desk_get_message (f->desk);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Saved"));

  entries = pl_store_recent_diary (f->store, f->person_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (f->saved_id, ==, entry->id);
  g_assert_cmpint (entry->outcome, ==, PL_VISIT_MISSED);
  g_assert_cmpstr (entry->visit_date, ==, "2026-11-20");
  g_assert_cmpstr (entry->planned_time, ==, "18:15");
  g_assert_null (entry->arrived);
  g_assert_cmpstr (entry->worker, ==, "Ana Kowalska");
  g_assert_cmpstr (entry->how_i_was, ==, "Worried when nobody came.");
  g_assert_cmpstr (entry->action_taken, ==, "The office rang at 18:40. Sam came at 19:30 instead. Diolch 😊");
  g_assert_cmpuint (count_diary_drafts (f), ==, 0);

  /* The form is ready for the next visit, and the list shows this one */
  g_assert_cmpstr (text_of (f, "date"), ==, today);
  g_assert_false (gtk_widget_get_visible (named (f, "action-box")));
  g_assert_cmpuint (count_rows (f), ==, 1);
  rows = list_text (f);
  g_assert_nonnull (strstr (rows, "Friday 20 November 2026"));
  g_assert_nonnull (strstr (rows, "Visit was missed"));

  /* Found by search, and not by words it does not have */
  search_for (f, "Sam came", 1);
  search_for (f, "porridge", 0);
  g_assert_true (gtk_widget_get_visible (named (f, "list-status")));
  search_for (f, "diolch", 1);
  search_for (f, "", 1);
}

/* A late visit needs the planned time and the time left after arrived */
static void
test_late_visit_rules (Fixture       *f,
                       gconstpointer  data)
{
  open_desk (f);
  type_into (f, "date", "2026-11-21");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (f, "outcome")), PL_VISIT_LATE);
  type_into (f, "arrived", "08:40");
  type_into (f, "left", "08:30");
  type_into (f, "action", "Rang ahead.");

  press (f, "save");
  g_assert_nonnull (strstr (pl_diary_desk_get_message (f->desk), "after the time arrived"));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (f->window), named (f, "left")));

  type_into (f, "left", "09:15");
  press (f, "save");
  g_assert_nonnull (strstr (pl_diary_desk_get_message (f->desk), "planned"));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (f->window), named (f, "planned")));
  g_assert_cmpuint (count_entries (f->store, f->person_id), ==, 0);

  type_into (f, "planned", "8:00");
  press (f, "save");
  g_assert_nonnull (strstr (pl_diary_desk_get_message (f->desk), "Saved"));
  g_assert_cmpuint (count_entries (f->store, f->person_id), ==, 1);
}

/* The app stops with an entry half written: a new desk offers it back */
static void
test_draft_offered_back (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *what = NULL;
  const char *offer;

  open_desk (f);
  g_assert_false (gtk_widget_get_visible (named (f, "draft-box")));
  type_into (f, "date", "2026-11-22");
  type_into (f, "planned", "08:00");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (f, "outcome")), PL_VISIT_LATE);
  type_into (f, "arrived", "08:40");
  type_into (f, "left", "09:10");
  type_into (f, "what-done", "Helped with breakfast: uwd a phaned o de ☕");
  g_assert_cmpuint (count_diary_drafts (f), ==, 1);

  /* Gone without saving, as if the app had died */
  close_window (f);
  g_assert_cmpuint (count_entries (f->store, f->person_id), ==, 0);

  open_desk (f);
  g_assert_true (gtk_widget_get_visible (named (f, "draft-box")));
  offer = gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (named (f, "draft-box"))));
  g_assert_nonnull (strstr (offer, "Sunday 22 November 2026"));
  /* Typing waits for the choice, so it cannot write over the draft */
  g_assert_false (gtk_widget_is_sensitive (named (f, "form")));

  press (f, "restore");
  g_assert_false (gtk_widget_get_visible (named (f, "draft-box")));
  g_assert_true (gtk_widget_is_sensitive (named (f, "form")));
  g_assert_cmpstr (text_of (f, "date"), ==, "2026-11-22");
  g_assert_cmpstr (text_of (f, "planned"), ==, "08:00");
  g_assert_cmpstr (text_of (f, "arrived"), ==, "08:40");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (named (f, "outcome"))), ==, PL_VISIT_LATE);
  what = view_text (f, "what-done");
  g_assert_cmpstr (what, ==, "Helped with breakfast: uwd a phaned o de ☕");
  g_assert_true (gtk_widget_get_visible (named (f, "action-box")));

  /* Typing goes on in the same draft, and Save ends it */
  type_into (f, "action", "The office rang to say Ana was stuck in traffic.");
  g_assert_cmpuint (count_diary_drafts (f), ==, 1);
  press (f, "save");
  g_assert_nonnull (strstr (pl_diary_desk_get_message (f->desk), "Saved"));
  g_assert_cmpuint (count_entries (f->store, f->person_id), ==, 1);
  g_assert_cmpuint (count_diary_drafts (f), ==, 0);

  /* Thrown away when asked */
  type_into (f, "what-done", "Not finished");
  g_assert_cmpuint (count_diary_drafts (f), ==, 1);
  open_desk (f);
  g_assert_true (gtk_widget_get_visible (named (f, "draft-box")));
  press (f, "discard");
  g_assert_false (gtk_widget_get_visible (named (f, "draft-box")));
  g_assert_cmpuint (count_diary_drafts (f), ==, 0);
  open_desk (f);
  g_assert_false (gtk_widget_get_visible (named (f, "draft-box")));
}

/* A saved entry opens in the form, and a change keeps its id */
static void
test_edit_entry (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PlDiaryEntry) entry = pl_diary_entry_new ();
  g_autoptr(PlDiaryEntry) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  entry->person_id = f->person_id;
  entry->visit_date = g_strdup ("2026-11-19");
  entry->arrived = g_strdup ("10:00");
  entry->departed = g_strdup ("10:30");
  entry->what_done = g_strdup ("Shopping");
  g_assert_true (pl_diary_save_entry (f->store, entry, &error));
  g_assert_no_error (error);

  open_desk (f);
  row = gtk_widget_get_first_child (named (f, "entries"));
  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  g_signal_emit_by_name (named (f, "entries"), "row-activated", row);
  pl_gui_test_run_ticks (f->desk, 2);
  g_assert_cmpstr (text_of (f, "date"), ==, "2026-11-19");
  g_assert_cmpstr (text_of (f, "arrived"), ==, "10:00");

  type_into (f, "follow-up", "Buy more milk");
  press (f, "save");
  g_assert_cmpint (f->saved_id, ==, entry->id);
  g_assert_cmpuint (count_entries (f->store, f->person_id), ==, 1);
  loaded = pl_store_load_diary_entry (f->store, entry->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->follow_up, ==, "Buy more milk");
  g_assert_cmpstr (loaded->what_done, ==, "Shopping");
  g_assert_cmpstr (loaded->created_at, ==, entry->created_at);
}

/* Undo and Redo step through the entry field by field, by their buttons
 * and by Ctrl+Z and Ctrl+Shift+Z with the focus in a field */
static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PlDiaryEntry) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  GtkWidget *undo, *redo, *planned_text;
  GtkWidget *what_done;

  open_desk (f);
  undo = named (f, "undo-button");
  redo = named (f, "redo-button");
  what_done = named (f, "what-done");
  planned_text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (named (f, "planned"))));

  /* Explained, large enough, and not to be pressed with nothing to undo */
  g_assert_true (gtk_widget_is_drawable (undo));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo), ==, "Undo the last change (Ctrl+Z)");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (redo), ==, "Redo the change undone (Ctrl+Shift+Z)");
  g_assert_cmpfloat (pl_gui_test_target_height (undo), >=, 44);
  g_assert_cmpfloat (pl_gui_test_target_height (redo), >=, 44);
  g_assert_false (gtk_widget_is_sensitive (undo));
  g_assert_false (gtk_widget_is_sensitive (redo));

  type_into (f, "planned", "08:00");
  type_into (f, "what-done", "Breakfast and a walk to the gate");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (f, "outcome")), PL_VISIT_MISSED);
  g_assert_true (gtk_widget_is_sensitive (undo));
  g_assert_false (gtk_widget_is_sensitive (redo));
  g_assert_true (pl_gui_test_reachable_by_tab (f->window, undo));

  /* The button takes back the last change alone: the visit's outcome */
  press (f, "undo-button");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (named (f, "outcome"))), ==,
                    PL_VISIT_COMPLETED);
  g_assert_false (gtk_widget_get_visible (named (f, "action-box")));
  what = view_text (f, "what-done");
  g_assert_cmpstr (what, ==, "Breakfast and a walk to the gate");
  g_assert_true (gtk_widget_is_sensitive (redo));

  /* Ctrl+Z in the words, then in the time: the desk's Undo, not the field's */
  gtk_widget_grab_focus (what_done);
  g_assert_true (pl_gui_test_press_keys (what_done, "<Control>z") == GTK_WIDGET (f->desk));
  g_clear_pointer (&what, g_free);
  what = view_text (f, "what-done");
  g_assert_cmpstr (what, ==, "");
  g_assert_cmpstr (text_of (f, "planned"), ==, "08:00");
  g_assert_true (pl_gui_test_press_keys (planned_text, "<Control>z") == GTK_WIDGET (f->desk));
  g_assert_cmpstr (text_of (f, "planned"), ==, "");
  g_assert_false (gtk_widget_is_sensitive (undo));
  g_assert_null (pl_gui_test_press_keys (planned_text, "<Control>z"));

  /* Ctrl+Shift+Z and the button bring them back in order */
  g_assert_true (pl_gui_test_press_keys (planned_text, "<Control><Shift>z") == GTK_WIDGET (f->desk));
  g_assert_cmpstr (text_of (f, "planned"), ==, "08:00");
  press (f, "redo-button");
  g_clear_pointer (&what, g_free);
  what = view_text (f, "what-done");
  g_assert_cmpstr (what, ==, "Breakfast and a walk to the gate");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (named (f, "outcome"))), ==,
                    PL_VISIT_COMPLETED);
  g_assert_true (gtk_widget_is_sensitive (redo));

  /* The draft follows the steps: a new desk offers back what is on screen */
  g_assert_cmpuint (count_diary_drafts (f), ==, 1);
  open_desk (f);
  press (f, "restore");
  g_assert_cmpstr (text_of (f, "planned"), ==, "08:00");
  g_clear_pointer (&what, g_free);
  what = view_text (f, "what-done");
  g_assert_cmpstr (what, ==, "Breakfast and a walk to the gate");
  g_assert_false (gtk_widget_is_sensitive (named (f, "undo-button")));

  type_into (f, "arrived", "08:05");
  type_into (f, "left", "08:35");
  press (f, "save");
  g_assert_cmpuint (count_entries (f->store, f->person_id), ==, 1);
  loaded = pl_store_load_diary_entry (f->store, f->saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->planned_time, ==, "08:00");
  g_assert_cmpint (loaded->outcome, ==, PL_VISIT_COMPLETED);
}

/* Care workers write the diary (PL_STAFF_ACTION_WRITE_DIARY) */
static void
test_care_worker_may_save (Fixture       *f,
                           gconstpointer  data)
{
  g_assert_true (pl_staff_can (f->staff, PL_STAFF_ACTION_WRITE_DIARY));
  open_desk (f);
  g_assert_true (gtk_widget_is_sensitive (named (f, "save")));
  g_assert_null (pl_diary_desk_get_message (f->desk));
}

/* Buttons are big enough to hit, and each can take the keyboard focus.
 * The allocation, not gtk_widget_get_height (): padding is part of the target. */
static void
check_targets (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget))
    {
      GtkAllocation box;

      gtk_widget_get_allocation (widget, &box);
      g_assert_cmpint (box.height, >=, 44);
      g_assert_cmpint (box.width, >=, 44);
      g_assert_true (gtk_widget_get_focusable (widget));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_targets (child);
}

static void
test_targets (Fixture       *f,
              gconstpointer  data)
{
  open_desk (f);
  check_targets (GTK_WIDGET (f->desk));
}

static void
sent_cb (PlDiaryCommentDialog *dialog,
         gint64                id,
         Fixture              *f)
{
  f->sent_id = id;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static double
font_points (GtkWidget *widget)
{
  const PangoFontDescription *font =
    pango_context_get_font_description (gtk_widget_get_pango_context (widget));

  return (double) pango_font_description_get_size (font) / PANGO_SCALE;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (root)), prefix))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Writes a comment through the dialog; returns its id */
static gint64
comment_through_dialog (Fixture    *f,
                        GtkWindow  *parent,
                        gint64      entry_id,
                        const char *author,
                        gint64      carer_id,
                        const char *text)
{
  PlDiaryCommentDialog *dialog = pl_diary_comment_dialog_new (f->store, entry_id, author, carer_id);
  gpointer alive = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &alive);
  g_signal_connect (dialog, "sent", G_CALLBACK (sent_cb), f);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (pl_gui_test_run_ticks (dialog, 3));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (pl_diary_comment_dialog_get_text_view (dialog)),
                            text, -1);
  f->sent_id = 0;
  gtk_widget_activate (pl_gui_test_find_named (GTK_WIDGET (dialog), "send"));
  g_assert_true (pl_gui_test_wait_until (is_null, &alive));
  g_assert_cmpint (f->sent_id, >, 0);
  return f->sent_id;
}

/* The person writes a comment, large and simple, and reads it in their diary */
static void
test_comment_dialog (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PlDiaryEntry) entry = pl_diary_entry_new ();
  g_autoptr(PlCarer) carer = pl_carer_new ();
  g_autoptr(PlSettings) settings = pl_settings_new_default (f->person_id);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *style = NULL;
  g_autofree char *mine_anchor = NULL;
  g_autofree char *theirs_anchor = NULL;
  PlDiaryCommentDialog *dialog;
  GtkWindow *parent;
  GtkWidget *page;
  GtkWidget *reference;
  GtkWidget *scroller;
  GtkAdjustment *hadj;
  gint64 mine, theirs;
  int index;

  entry->person_id = f->person_id;
  entry->visit_date = g_strdup ("2026-11-23");
  entry->planned_time = g_strdup ("08:00");
  entry->arrived = g_strdup ("08:00");
  entry->departed = g_strdup ("08:45");
  g_assert_true (pl_diary_save_entry (f->store, entry, &error));
  g_assert_no_error (error);
  carer->name = g_strdup ("Rhys");
  g_assert_true (pl_store_save_carer (f->store, carer, &error));
  g_assert_no_error (error);

  /* The person's window, reading at 48 pt as the main window styles it */
  settings->text_size = PL_TEXT_SIZE_HUGE;
  style = pl_reader_style_css (settings, READER_CLASS);
  gtk_css_provider_load_from_data (css, style, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (parent, 1024, 768);
  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (page, "pl-reader");
  gtk_widget_add_css_class (page, READER_CLASS);
  gtk_window_set_child (parent, page);
  /* Text as the person reads it in that window */
  reference = gtk_label_new ("Reading text");
  gtk_widget_add_css_class (reference, "pl-document");
  gtk_box_append (GTK_BOX (page), reference);
  gtk_window_present (parent);

  /* Sending nothing is refused, in words */
  dialog = pl_diary_comment_dialog_new (f->store, entry->id, "Siân", 0);
  g_signal_connect (dialog, "sent", G_CALLBACK (sent_cb), f);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (dialog), READER_CLASS));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1024, 768);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (pl_gui_test_run_ticks (dialog, 3));
  f->sent_id = 0;
  pl_gui_test_press_button (pl_gui_test_find_named (GTK_WIDGET (dialog), "send"));
  pl_gui_test_run_ticks (dialog, 2);
  g_assert_nonnull (pl_diary_comment_dialog_get_message (dialog));
  g_assert_nonnull (strstr (pl_diary_comment_dialog_get_message (dialog), "empty"));
  g_assert_cmpint (f->sent_id, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* In the person's size, and nothing wider than the window at 48 pt */
  g_assert_cmpfloat (font_points (reference), >=, PL_TEXT_SIZE_HUGE);
  g_assert_cmpfloat (font_points (find_label (GTK_WIDGET (dialog), "About the visit at 8:00 in the morning")),
                     ==, font_points (reference));
  g_assert_cmpfloat (font_points (GTK_WIDGET (pl_diary_comment_dialog_get_text_view (dialog))),
                     ==, font_points (reference));
  scroller = gtk_widget_get_parent (gtk_widget_get_parent (find_label (GTK_WIDGET (dialog), "About the visit")));
  while (scroller != NULL && !GTK_IS_SCROLLED_WINDOW (scroller))
    scroller = gtk_widget_get_parent (scroller);
  g_assert_nonnull (scroller);
  hadj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadj), <=, gtk_adjustment_get_page_size (hadj) + 0.5);
  g_assert_cmpint (gtk_widget_get_width (pl_gui_test_find_named (GTK_WIDGET (dialog), "send")), <=,
                   gtk_widget_get_width (GTK_WIDGET (dialog)));
  check_targets (GTK_WIDGET (dialog));
  pl_gui_test_save_png (GTK_WIDGET (dialog), "diary-comment-48pt.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The person's comment, then a carer's */
  mine = comment_through_dialog (f, parent, entry->id, "Siân", 0, "Diolch – roedd Ana yn garedig iawn 😊");
  theirs = comment_through_dialog (f, parent, entry->id, "Rhys", carer->id, "Mam slept well after.");

  document = pl_document_build_diary (f->store, f->person_id, 0, &error);
  g_assert_no_error (error);
  mine_anchor = g_strdup_printf ("comment-%" G_GINT64_FORMAT, mine);
  theirs_anchor = g_strdup_printf ("comment-%" G_GINT64_FORMAT, theirs);
  index = pl_document_find_anchor (document, mine_anchor);
  g_assert_cmpint (index, >, 0);
  g_assert_cmpstr (pl_document_get_block (document, (guint) index)->label, ==, "Your comment");
  g_assert_cmpstr (pl_document_get_block (document, (guint) index)->text, ==,
                   "Diolch – roedd Ana yn garedig iawn 😊");
  index = pl_document_find_anchor (document, theirs_anchor);
  g_assert_cmpint (index, >, 0);
  g_assert_cmpstr (pl_document_get_block (document, (guint) index)->label, ==, "Comment from Rhys");

  /* Staff see it under the entry */
  open_desk (f);
  {
    g_autofree char *rows = list_text (f);

    g_assert_nonnull (strstr (rows, "Diolch – roedd Ana yn garedig iawn 😊"));
    g_assert_nonnull (strstr (rows, "Comment from Rhys (carer): Mam slept well after."));
  }
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (f, "outcome")), PL_VISIT_LATE);
  pl_gui_test_save_png (GTK_WIDGET (f->window), "diary-desk.png");

  gtk_window_destroy (parent);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/plainly/diary-desk/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("write-missed-visit", test_write_missed_visit);
  ADD ("late-visit-rules", test_late_visit_rules);
  ADD ("draft-offered-back", test_draft_offered_back);
  ADD ("edit-entry", test_edit_entry);
  ADD ("undo-redo", test_undo_redo);
  ADD ("care-worker-may-save", test_care_worker_may_save);
  ADD ("targets", test_targets);
  ADD ("comment-dialog", test_comment_dialog);
#undef ADD

  return g_test_run ();
}
