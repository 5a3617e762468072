/* test-window.c: the person's window, its pages, and what a screen reader sees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. Each test builds its own database in a temporary folder
 * (pl-window-test.c). The reader's settings in the window are in
 * test-window-reading.c.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "pl-document.h"
#include "pl-document-view.h"
#include "pl-screen-reader-private.h"
#include "pl-store.h"
#include "pl-diary-comment-dialog-private.h"
#include "pl-window-private.h"
#include "pl-gui-test-util.h"
#include "pl-window-test.h"

typedef PlWindowFixture Fixture;

static void
test_people (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *button;

  g_assert_true (pl_window_open_database (f->window, f->path));
  g_assert_nonnull (pl_window_get_store (f->window));
  g_assert_null (pl_window_get_error_dialog (f->window));

  /* NG86 1.4.2: the button carries the name the person chose */
  button = pl_window_get_person_button (f->window, f->person_id);
  g_assert_nonnull (button);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Peggy");

  /* Orca passes over the start screen's unnamed pages, not "GtkStackPage panel" */
  {
    GtkWidget *stack = gtk_widget_get_ancestor (button, GTK_TYPE_STACK);
    g_autoptr(GListModel) pages = NULL;

    g_assert_nonnull (stack);
    pages = G_LIST_MODEL (gtk_stack_get_pages (GTK_STACK (stack)));
    for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
      {
        g_autoptr(GObject) page = g_list_model_get_item (pages, i);

        gtk_test_accessible_assert_property (GTK_ACCESSIBLE (page),
                                             GTK_ACCESSIBLE_PROPERTY_LABEL, "");
      }
  }

  /* At least 44×44 px to press */
  pl_gui_test_run_frames (2);
  g_assert_cmpint (gtk_widget_get_width (button), >=, 44);
  g_assert_cmpint (gtk_widget_get_height (button), >=, 44);
}

static void
test_plan_headings (Fixture       *f,
                    gconstpointer  data)
{
  PlDocumentView *view;
  PlDocument *document;
  guint n_headings = 0;

  g_assert_true (pl_window_open_database (f->window, f->path));
  pl_window_test_open_plan (f, f->person_id);
  g_assert_cmpint (pl_window_get_person_id (f->window), ==, f->person_id);

  view = pl_window_get_document_view (f->window);
  document = pl_document_view_get_document (view);
  g_assert_nonnull (document);

  for (guint i = 0; i < pl_document_get_n_blocks (document); i++)
    {
      const PlBlock *block = pl_document_get_block (document, i);
      GtkWidget *widget = pl_document_view_get_block_widget (view, i);

      g_assert_nonnull (widget);
      if (block->kind != PL_BLOCK_HEADING)
        continue;

      n_headings++;
      g_assert_true (GTK_IS_LABEL (widget));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget)), ==, block->text);
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_HEADING);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_PROPERTY_LEVEL, block->level);
    }

  g_assert_cmpuint (n_headings, >, 3);
}

static gboolean
scroll_settled (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_value (adjustment) > 0;
}

static void
test_link_moves_focus (Fixture       *f,
                       gconstpointer  data)
{
  PlDocumentView *view;
  PlDocument *document;
  const PlBlock *link = NULL;
  GtkWidget *link_widget = NULL;
  GtkWidget *target;
  GtkWidget *focus;
  GtkAdjustment *adjustment;
  graphene_point_t point;

  g_assert_true (pl_window_open_database (f->window, f->path));
  pl_window_test_open_plan (f, f->person_id);
  pl_gui_test_run_frames (10);

  view = pl_window_get_document_view (f->window);
  document = pl_document_view_get_document (view);

  /* NG21 1.3.13: the summary links to every part; follow the last, the furthest down */
  for (guint i = 0; i < pl_document_get_n_blocks (document); i++)
    {
      const PlBlock *block = pl_document_get_block (document, i);

      if (block->kind == PL_BLOCK_LINK)
        {
          link = block;
          link_widget = pl_document_view_get_block_widget (view, i);
        }
    }
  g_assert_nonnull (link);
  g_assert_nonnull (link->target);

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (link_widget), GTK_ACCESSIBLE_ROLE_LINK);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (link_widget),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, link->text);

  target = pl_document_view_get_anchor_widget (view, link->target);
  g_assert_nonnull (target);

  adjustment = pl_document_view_get_vadjustment (view);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  g_assert_true (gtk_widget_activate (link_widget));
  g_assert_true (pl_gui_test_wait_until (scroll_settled, adjustment));

  pl_gui_test_run_frames (3);

  /* The part followed is at the top of the view, or the view is at its end */
  g_assert_true (gtk_widget_compute_point (target, GTK_WIDGET (view),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  g_assert_cmpfloat (point.y, >=, 0);
  g_assert_cmpfloat (point.y + gtk_widget_get_height (target), <=,
                     gtk_widget_get_height (GTK_WIDGET (view)));
  if (gtk_adjustment_get_value (adjustment) <
      gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) - 1)
    g_assert_cmpfloat (point.y, <=, 40);

  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == target || gtk_widget_is_ancestor (focus, target));

  /* Unknown anchors are refused, and nothing moves */
  g_assert_false (pl_document_view_scroll_to_anchor (view, "no-such-part"));
}

static void
test_back (Fixture       *f,
           gconstpointer  data)
{
  g_assert_true (pl_window_open_database (f->window, f->path));
  g_assert_false (pl_window_go_back (f->window));

  pl_window_test_open_plan (f, f->person_id);
  pl_gui_test_run_frames (2);

  /* Escape and Alt+Left are bound to this action: reader, then home, then start */
  f->home_focus = NULL;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_true (pl_gui_test_wait_until (pl_window_test_back_at_home, f));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_true (pl_gui_test_wait_until (pl_window_test_back_at_start, f));
}

/* The window is named after the document, but not with a screen reader:
 * the heading that takes the focus says the title, and Orca said the
 * window's new name too */
static void
test_window_title (Fixture       *f,
                   gconstpointer  data)
{
  PlScreenReader *screen_reader = pl_screen_reader_get_default ();
  const char *title;

  g_assert_true (pl_window_open_database (f->window, f->path));
  pl_screen_reader_set_running (screen_reader, FALSE);
  pl_window_test_open_plan (f, f->person_id);
  title = gtk_window_get_title (GTK_WINDOW (f->window));
  g_assert_true (g_str_has_suffix (title, " – Plainly"));
  g_assert_cmpstr (title, !=, "Plainly");

  f->home_focus = NULL;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_true (pl_gui_test_wait_until (pl_window_test_back_at_home, f));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Plainly");

  pl_screen_reader_set_running (screen_reader, TRUE);
  g_assert_true (pl_window_open_page (f->window, PL_DOCUMENT_PLAN));
  g_assert_true (pl_gui_test_wait_until (pl_window_test_is_reading, f));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Plainly");
  pl_screen_reader_set_running (screen_reader, FALSE);
}

/* Opening the same plan again keeps what was built for it: rebuilding
 * every block floods a screen reader with changes and keeps it quiet */
static void
test_reopen_keeps_blocks (Fixture       *f,
                          gconstpointer  data)
{
  PlDocumentView *view = pl_window_get_document_view (f->window);
  g_autoptr(PlDocument) first = NULL;
  GtkWidget *block;

  g_assert_true (pl_window_open_database (f->window, f->path));
  pl_window_test_open_plan (f, f->person_id);
  pl_gui_test_run_frames (2);
  first = g_object_ref (pl_document_view_get_document (view));
  block = pl_document_view_get_block_widget (view, 3);
  g_assert_nonnull (block);
  g_object_add_weak_pointer (G_OBJECT (block), (gpointer *) &block);

  f->home_focus = NULL;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_true (pl_gui_test_wait_until (pl_window_test_back_at_home, f));
  g_assert_true (pl_window_open_page (f->window, PL_DOCUMENT_PLAN));
  g_assert_true (pl_gui_test_wait_until (pl_window_test_is_reading, f));

  /* A document built anew, with the same words, in the same widgets */
  g_assert_true (pl_document_view_get_document (view) != first);
  g_assert_true (pl_document_equal (pl_document_view_get_document (view), first));
  g_assert_nonnull (block);
  g_assert_true (pl_document_view_get_block_widget (view, 3) == block);
  g_object_remove_weak_pointer (G_OBJECT (block), (gpointer *) &block);
}

/* The label inside a home button, or NULL */
static GtkWidget *
find_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const struct {
  PlDocumentKind  page;
  const char   *label;
} home_pages[] = {
  { PL_DOCUMENT_PLAN, "My plan" },
  { PL_DOCUMENT_DIARY, "My visits and care diary" },
  { PL_DOCUMENT_WELCOME, "About my service" },
  { PL_DOCUMENT_COMPLAINT, "If I'm not happy" },
};

static gboolean
at_home (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_mapped (pl_window_get_home_heading (f->window));
}

static void
test_home (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *heading;

  g_assert_true (pl_window_open_database (f->window, f->path));
  g_assert_true (gtk_widget_activate (pl_window_get_person_button (f->window, f->person_id)));
  g_assert_true (pl_gui_test_wait_until (at_home, f));
  pl_gui_test_run_frames (3);

  /* NG86 1.4.2: greeted by the name they chose, and no document opened for them */
  g_assert_cmpint (pl_window_get_person_id (f->window), ==, f->person_id);
  g_assert_null (pl_document_view_get_document (pl_window_get_document_view (f->window)));
  heading = pl_window_get_home_heading (f->window);
  g_assert_true (gtk_widget_is_drawable (heading));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (heading)), ==, "Hello, Peggy");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_ROLE_HEADING);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (heading),
                                       GTK_ACCESSIBLE_PROPERTY_LEVEL, 1);

  for (guint i = 0; i < G_N_ELEMENTS (home_pages); i++)
    {
      GtkWidget *button = pl_window_get_home_button (f->window, home_pages[i].page);
      GtkWidget *label;
      graphene_rect_t bounds;

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_is_drawable (button));
      g_assert_true (gtk_widget_get_focusable (button));
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_ROLE_BUTTON);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, home_pages[i].label);

      /* The words are on the button, not only in its name */
      label = find_label (button);
      g_assert_nonnull (label);
      g_assert_true (gtk_widget_is_drawable (label));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, home_pages[i].label);

      /* Large, and as wide as the column they sit in (bounds: border and padding too) */
      g_assert_true (gtk_widget_compute_bounds (button, gtk_widget_get_parent (button), &bounds));
      g_assert_cmpfloat (bounds.size.height, >=, 64);
      g_assert_cmpfloat (bounds.origin.x, ==, 0);
      g_assert_cmpfloat (bounds.size.width, ==,
                         gtk_widget_get_width (gtk_widget_get_parent (button)));
      g_assert_cmpfloat (bounds.size.width, >=, 300);
    }

  /* The keyboard starts on the first choice */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) ==
                 pl_window_get_home_button (f->window, PL_DOCUMENT_PLAN));
}

static PlDocument *
build_expected (PlStore      *store,
                gint64        person_id,
                PlDocumentKind  page)
{
  g_autoptr(GError) error = NULL;
  PlDocument *document = NULL;

  switch (page)
    {
    case PL_DOCUMENT_PLAN:
      document = pl_document_build_plan (store, person_id, &error);
      break;
    case PL_DOCUMENT_DIARY:
      document = pl_document_build_diary (store, person_id, 0, &error);
      break;
    case PL_DOCUMENT_WELCOME:
      document = pl_document_build_welcome (store, person_id, &error);
      break;
    case PL_DOCUMENT_COMPLAINT:
      document = pl_document_build_complaint (store, person_id, 0, &error);
      break;
    case PL_N_DOCUMENT_KINDS:
    default:
      g_assert_not_reached ();
    }
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
test_home_pages (Fixture       *f,
                 gconstpointer  data)
{
  PlDocumentView *view = pl_window_get_document_view (f->window);

  g_assert_true (pl_window_open_database (f->window, f->path));
  g_assert_true (pl_window_open_person (f->window, f->person_id));
  pl_gui_test_run_frames (2);

  for (guint i = 0; i < G_N_ELEMENTS (home_pages); i++)
    {
      GtkWidget *button = pl_window_get_home_button (f->window, home_pages[i].page);
      g_autoptr(PlDocument) expected = build_expected (pl_window_get_store (f->window),
                                                       f->person_id, home_pages[i].page);
      PlDocument *shown;

      /* Pressed as a keyboard or screen reader would */
      g_assert_true (gtk_widget_activate (button));
      g_assert_true (pl_gui_test_wait_until (pl_window_test_is_reading, f));
      shown = pl_document_view_get_document (view);
      g_assert_cmpstr (pl_document_get_title (shown), ==, pl_document_get_title (expected));
      g_assert_cmpuint (pl_document_get_n_blocks (shown), ==,
                        pl_document_get_n_blocks (expected));
      pl_gui_test_run_frames (2);

      /* Back home, on the button they used */
      f->home_focus = button;
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
      g_assert_true (pl_gui_test_wait_until (pl_window_test_back_at_home, f));
      f->home_focus = NULL;
    }

  /* and Back again is the start screen, the person forgotten */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_true (pl_gui_test_wait_until (pl_window_test_back_at_start, f));
}

static void
test_home_page_error (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_window_open_database (f->window, f->path));
  g_assert_true (pl_window_open_person (f->window, f->person_id));
  pl_gui_test_run_frames (2);

  /* Removed by someone else while the home was open: a message, not a crash */
  g_assert_true (pl_store_delete_person (pl_window_get_store (f->window), f->person_id, &error));
  g_assert_no_error (error);
  g_assert_false (pl_window_open_page (f->window, PL_DOCUMENT_PLAN));
  g_assert_nonnull (pl_window_get_error_dialog (f->window));
  g_assert_null (pl_document_view_get_document (pl_window_get_document_view (f->window)));
  g_assert_true (gtk_widget_get_mapped (pl_window_get_home_heading (f->window)));
}

static void
test_not_a_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bogus = g_build_filename (f->dir, "shopping-list.txt", NULL);
  g_autofree char *contents = NULL;
  GtkWindow *dialog;

  g_file_set_contents (bogus, "milk, eggs, bread, and a newspaper for Mum\n", -1, &error);
  g_assert_no_error (error);

  g_assert_false (pl_window_open_database (f->window, bogus));
  g_assert_null (pl_window_get_store (f->window));

  dialog = pl_window_get_error_dialog (f->window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "This file is not a Plainly database");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "shopping-list.txt"));

  /* The file is left as it was */
  g_file_get_contents (bogus, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "milk, eggs, bread, and a newspaper for Mum\n");

  /* Closing the dialog leaves a working window that can open a good file */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  pl_gui_test_run_frames (2);
  g_assert_true (pl_window_open_database (f->window, f->path));
  g_assert_nonnull (pl_window_get_person_button (f->window, f->person_id));
}

static void
test_bad_file_keeps_open_database (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bogus = g_build_filename (f->dir, "photo.jpg", NULL);

  g_file_set_contents (bogus, "\xff\xd8\xff\xe0 not really a photo", -1, &error);
  g_assert_no_error (error);

  g_assert_true (pl_window_open_database (f->window, f->path));
  g_assert_false (pl_window_open_database (f->window, bogus));
  g_assert_nonnull (pl_window_get_error_dialog (f->window));
  g_assert_nonnull (pl_window_get_store (f->window));
  g_assert_cmpstr (pl_window_get_database_path (f->window), ==, f->path);
}

static void
test_document_view_blocks (void)
{
  g_autoptr(PlDocument) document = pl_document_new ("Test");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = pl_document_view_new ();
  GtkWidget *widget;

  pl_document_add (document, PL_BLOCK_HEADING, 1, "top", NULL, "My plan");
  pl_document_add_link (document, "Who to contact", "contacts");
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, "intro", NULL, "Zażółć gęślą jaźń. Bore da! مرحبا 👋");
  pl_document_add (document, PL_BLOCK_LIST_ITEM, 1, "li-1", NULL, "Tea at eight");
  pl_document_add (document, PL_BLOCK_LIST_ITEM, 1, "li-2", NULL, "Lunch at one");
  pl_document_add (document, PL_BLOCK_FIELD, 0, "time", "Time", "8:00 in the morning");
  pl_document_add (document, PL_BLOCK_NOTICE, 0, "empty", NULL, "Nothing has been written here yet.");
  pl_document_add (document, PL_BLOCK_HEADING, 2, "contacts", NULL, "Who to contact");
  pl_document_add (document, PL_BLOCK_CONTACT, 0, "coordinator", "Care coordinator",
                   "Sam Patel\n01632 960 123");
  pl_document_add (document, PL_BLOCK_QUESTION, 0, "q", "What matters most to you?", "");

  gtk_window_set_child (GTK_WINDOW (window), view);
  pl_document_view_set_document (PL_DOCUMENT_VIEW (view), document);
  g_assert_true (pl_document_view_get_document (PL_DOCUMENT_VIEW (view)) == document);

  widget = pl_document_view_get_anchor_widget (PL_DOCUMENT_VIEW (view), "top");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_HEADING);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1);
  /* Left-aligned, never justified */
  g_assert_cmpint (gtk_label_get_justify (GTK_LABEL (widget)), ==, GTK_JUSTIFY_LEFT);
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (widget)), ==, 0.0);

  widget = pl_document_view_get_anchor_widget (PL_DOCUMENT_VIEW (view), "contacts");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2);

  widget = pl_document_view_get_block_widget (PL_DOCUMENT_VIEW (view), 1);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_LINK);

  /* Text in any script arrives unchanged, selectable, and wraps */
  widget = pl_document_view_get_anchor_widget (PL_DOCUMENT_VIEW (view), "intro");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget)), ==,
                   "Zażółć gęślą jaźń. Bore da! مرحبا 👋");
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (widget)));
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (widget)));
  g_assert_cmpint (gtk_label_get_max_width_chars (GTK_LABEL (widget)), <=, 75);

  /* Consecutive list items are one list */
  widget = pl_document_view_get_anchor_widget (PL_DOCUMENT_VIEW (view), "li-1");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_LIST_ITEM);
  g_assert_true (gtk_widget_get_parent (widget) ==
                 gtk_widget_get_parent (pl_document_view_get_anchor_widget (PL_DOCUMENT_VIEW (view), "li-2")));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (gtk_widget_get_parent (widget)),
                                   GTK_ACCESSIBLE_ROLE_LIST);

  widget = pl_document_view_get_anchor_widget (PL_DOCUMENT_VIEW (view), "empty");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_NOTE);

  /* Orca's Say All goes from each text to the next it flows to: every
   * block's words in order, a field's name and then its value (Say All
   * reads text, not the value's accessible name, so "Time" would go
   * unsaid), and nothing after the last */
  {
    const char *anchors[] = { "top", NULL, "intro", "li-1", "li-2", "time", "time", "empty",
                              "contacts", "coordinator", "coordinator", "q" };
    /* The field's name: the block's first label, not its last */
    const gboolean names[] = { FALSE, FALSE, FALSE, FALSE, FALSE, TRUE, FALSE, FALSE,
                               FALSE, TRUE, FALSE, FALSE };
    GtkWidget *texts[G_N_ELEMENTS (anchors)];

    for (guint i = 0; i < G_N_ELEMENTS (anchors); i++)
      {
        widget = anchors[i] != NULL
                 ? pl_document_view_get_anchor_widget (PL_DOCUMENT_VIEW (view), anchors[i])
                 : pl_document_view_get_block_widget (PL_DOCUMENT_VIEW (view), 1);
        /* The words are the block's last label: after a bullet, an icon,
         * or a field's name */
        while (!GTK_IS_LABEL (widget))
          widget = names[i] ? gtk_widget_get_first_child (widget) : gtk_widget_get_last_child (widget);
        texts[i] = widget;
      }
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (texts[5])), ==, "Time");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (texts[9])), ==, "Care coordinator");
    /* The name is read by Say All but is no stop of its own: the value
     * takes the focus and says both */
    g_assert_false (gtk_widget_get_focusable (texts[5]));
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (texts[6]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Time: 8:00 in the morning");
    for (guint i = 0; i + 1 < G_N_ELEMENTS (texts); i++)
      gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (texts[i]),
                                           GTK_ACCESSIBLE_RELATION_FLOW_TO, texts[i + 1], NULL);
    g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (texts[G_N_ELEMENTS (texts) - 1]),
                                                      GTK_ACCESSIBLE_RELATION_FLOW_TO));
  }

  /* A new document replaces the old one completely */
  pl_document_view_set_document (PL_DOCUMENT_VIEW (view), NULL);
  g_assert_null (pl_document_view_get_anchor_widget (PL_DOCUMENT_VIEW (view), "top"));
  g_assert_null (pl_document_view_get_block_widget (PL_DOCUMENT_VIEW (view), 0));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The person writes their own words about a visit in their diary, and
 * reads them there at once (NG21 1.3.22-1.3.24) */
static void
test_diary_comment (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDiaryEntry) entry = pl_diary_entry_new ();
  PlStore *store;
  GtkWindow *dialog;
  PlDocument *document;
  gboolean found = FALSE;

  g_assert_true (pl_window_open_database (f->window, f->path));
  store = pl_window_get_store (f->window);
  entry->person_id = f->person_id;
  entry->visit_date = g_strdup ("2026-11-20");
  entry->planned_time = g_strdup ("08:30");
  entry->arrived = g_strdup ("08:35");
  entry->departed = g_strdup ("09:05");
  entry->worker = g_strdup ("Bernie");
  entry->what_done = g_strdup ("Breakfast and a shower");
  g_assert_true (pl_store_save_diary_entry (store, entry, &error));
  g_assert_no_error (error);

  /* No comment to write on a plan */
  pl_window_test_open_plan (f, f->person_id);
  g_assert_null (pl_window_open_diary_comment (f->window));
  g_assert_true (pl_window_go_back (f->window));
  pl_gui_test_run_frames (2);

  g_assert_true (pl_window_open_page (f->window, PL_DOCUMENT_DIARY));
  g_assert_true (pl_gui_test_wait_until (pl_window_test_is_reading, f));
  dialog = pl_window_open_diary_comment (f->window);
  g_assert_nonnull (dialog);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, dialog));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (pl_diary_comment_dialog_get_text_view (PL_DIARY_COMMENT_DIALOG (dialog))),
                            "Bernie was lovely, but the water was cold.", -1);
  g_assert_true (pl_diary_comment_dialog_send (PL_DIARY_COMMENT_DIALOG (dialog)));
  pl_gui_test_run_frames (2);

  document = pl_document_view_get_document (pl_window_get_document_view (f->window));
  for (guint i = 0; i < pl_document_get_n_blocks (document); i++)
    {
      const PlBlock *block = pl_document_get_block (document, i);

      if (g_strcmp0 (block->text, "Bernie was lovely, but the water was cold.") == 0)
        found = TRUE;
    }
  g_assert_true (found);
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

  g_test_add_func ("/plainly/document-view/blocks", test_document_view_blocks);
  PL_WINDOW_TEST_ADD ("/plainly/window/people", NULL, test_people);
  PL_WINDOW_TEST_ADD ("/plainly/window/plan-headings", NULL, test_plan_headings);
  PL_WINDOW_TEST_ADD ("/plainly/window/link-moves-focus", NULL, test_link_moves_focus);
  PL_WINDOW_TEST_ADD ("/plainly/window/back", NULL, test_back);
  PL_WINDOW_TEST_ADD ("/plainly/window/title", NULL, test_window_title);
  PL_WINDOW_TEST_ADD ("/plainly/window/reopen-keeps-blocks", NULL, test_reopen_keeps_blocks);
  PL_WINDOW_TEST_ADD ("/plainly/window/home", NULL, test_home);
  PL_WINDOW_TEST_ADD ("/plainly/window/home-pages", NULL, test_home_pages);
  PL_WINDOW_TEST_ADD ("/plainly/window/home-page-error", NULL, test_home_page_error);
  PL_WINDOW_TEST_ADD ("/plainly/window/not-a-database", NULL, test_not_a_database);
  PL_WINDOW_TEST_ADD ("/plainly/window/bad-file-keeps-open-database", NULL,
                      test_bad_file_keeps_open_database);
  PL_WINDOW_TEST_ADD ("/plainly/window/diary-comment", NULL, test_diary_comment);

  return g_test_run ();
}
