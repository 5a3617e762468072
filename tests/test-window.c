/* test-window.c: the window, the document view and what a screen reader sees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. Each test builds its own database in a temporary folder.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "pl-document.h"
#include "pl-document-view.h"
#include "pl-screen-reader.h"
#include "pl-store.h"
#include "pl-diary-comment-dialog.h"
#include "pl-window-private.h"
#include "pl-gui-test-util.h"
#include "pl-test-util.h"

typedef struct
{
  char     *dir;
  char     *path;
  gint64    person_id;
  gint64    other_id;
  PlWindow *window;
} Fixture;

/* Long enough that the last parts of the plan are well below the first screen */
static const char *long_text =
  "I like to get up slowly and have my first cup of tea in the chair by the window. "
  "Please knock and wait for me to say come in, and tell me your name each time, "
  "because I do not always recognise faces straight away. I would like to wash myself "
  "as much as I can, with help for my back and feet.";

static gint64
add_person (PlStore    *store,
            const char *full_name,
            const char *preferred_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = pl_person_new ();
  g_autoptr(PlPlan) plan = pl_plan_new ();

  person->full_name = g_strdup (full_name);
  person->preferred_name = g_strdup (preferred_name);
  person->preferred_language = g_strdup ("en-GB");
  g_assert_true (pl_store_save_person (store, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (person->id, >, 0);

  plan->person_id = person->id;
  plan->version = 1;
  plan->status = PL_PLAN_AGREED;
  plan->start_date = g_strdup ("2026-10-01");
  plan->next_review = g_strdup ("2026-11-12");
  plan->agreement = g_strdup ("I have read this plan with Sam and it is what I want.");
  g_assert_true (pl_store_save_plan (store, plan, &error));
  g_assert_no_error (error);

  for (int kind = 0; kind < PL_SECTION_N_KINDS; kind++)
    {
      g_autoptr(PlPlanSection) section = pl_plan_section_new ();

      /* Every other part left empty: the plan must say so, not drop it */
      if (kind % 2 == 1)
        continue;
      section->plan_id = plan->id;
      section->kind = kind;
      section->body = g_strdup (long_text);
      g_assert_true (pl_store_save_plan_section (store, section, &error));
      g_assert_no_error (error);
    }

  return person->id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(PlStore) store = NULL;

  f->dir = pl_test_make_dir ("plainly-window");
  store = pl_test_open_store (f->dir, &f->path);
  f->person_id = add_person (store, "Margaret Elizabeth Jones", "Peggy");
  f->other_id = add_person (store, "Arthur Williams", "Arthur");
  g_clear_pointer (&store, pl_store_unref);

  f->window = pl_window_new (NULL);
  /* data, when given, is the window size: {width, height} */
  if (data != NULL)
    gtk_window_set_default_size (GTK_WINDOW (f->window),
                                 ((const int *) data)[0], ((const int *) data)[1]);
  else
    gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  pl_gui_test_run_frames (1);
  pl_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gboolean
is_reading (gpointer data)
{
  Fixture *f = data;

  PlDocumentView *view = pl_window_get_document_view (f->window);

  return pl_document_view_get_document (view) != NULL &&
         gtk_widget_get_mapped (GTK_WIDGET (view));
}

/* Chooses the person on the start screen, then "My plan" on their home */
static void
open_plan (Fixture *f,
           gint64   person_id)
{
  g_assert_true (pl_window_open_person (f->window, person_id));
  g_assert_true (gtk_widget_activate (pl_window_get_home_button (f->window,
                                                                 PL_DOCUMENT_PLAN)));
  g_assert_true (pl_gui_test_wait_until (is_reading, f));
}

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
  open_plan (f, f->person_id);
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
  open_plan (f, f->person_id);
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

static gboolean
back_at_start (gpointer data)
{
  Fixture *f = data;

  return pl_window_get_person_id (f->window) == 0 &&
         pl_document_view_get_document (pl_window_get_document_view (f->window)) == NULL &&
         gtk_root_get_focus (GTK_ROOT (f->window)) ==
           pl_window_get_person_button (f->window, f->person_id);
}

/* On the person's home, the reader emptied, focus on the choice last made */
static GtkWidget *expected_home_focus;

static gboolean
back_at_home (gpointer data)
{
  Fixture *f = data;
  GtkWidget *focus = expected_home_focus;

  if (focus == NULL)
    focus = pl_window_get_home_button (f->window, PL_DOCUMENT_PLAN);
  return pl_window_get_person_id (f->window) != 0 &&
         gtk_widget_get_mapped (pl_window_get_home_heading (f->window)) &&
         !gtk_widget_get_mapped (GTK_WIDGET (pl_window_get_document_view (f->window))) &&
         gtk_root_get_focus (GTK_ROOT (f->window)) == focus;
}

static void
test_back (Fixture       *f,
           gconstpointer  data)
{
  g_assert_true (pl_window_open_database (f->window, f->path));
  g_assert_false (pl_window_go_back (f->window));

  open_plan (f, f->person_id);
  pl_gui_test_run_frames (2);

  /* Escape and Alt+Left are bound to this action: reader, then home, then start */
  expected_home_focus = NULL;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_true (pl_gui_test_wait_until (back_at_home, f));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_true (pl_gui_test_wait_until (back_at_start, f));
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
  open_plan (f, f->person_id);
  title = gtk_window_get_title (GTK_WINDOW (f->window));
  g_assert_true (g_str_has_suffix (title, " – Plainly"));
  g_assert_cmpstr (title, !=, "Plainly");

  expected_home_focus = NULL;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_true (pl_gui_test_wait_until (back_at_home, f));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Plainly");

  pl_screen_reader_set_running (screen_reader, TRUE);
  g_assert_true (pl_window_open_page (f->window, PL_DOCUMENT_PLAN));
  g_assert_true (pl_gui_test_wait_until (is_reading, f));
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
  open_plan (f, f->person_id);
  pl_gui_test_run_frames (2);
  first = g_object_ref (pl_document_view_get_document (view));
  block = pl_document_view_get_block_widget (view, 3);
  g_assert_nonnull (block);
  g_object_add_weak_pointer (G_OBJECT (block), (gpointer *) &block);

  expected_home_focus = NULL;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_true (pl_gui_test_wait_until (back_at_home, f));
  g_assert_true (pl_window_open_page (f->window, PL_DOCUMENT_PLAN));
  g_assert_true (pl_gui_test_wait_until (is_reading, f));

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
      g_assert_true (pl_gui_test_wait_until (is_reading, f));
      shown = pl_document_view_get_document (view);
      g_assert_cmpstr (pl_document_get_title (shown), ==, pl_document_get_title (expected));
      g_assert_cmpuint (pl_document_get_n_blocks (shown), ==,
                        pl_document_get_n_blocks (expected));
      pl_gui_test_run_frames (2);

      /* Back home, on the button they used */
      expected_home_focus = button;
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
      g_assert_true (pl_gui_test_wait_until (back_at_home, f));
      expected_home_focus = NULL;
    }

  /* and Back again is the start screen, the person forgotten */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_true (pl_gui_test_wait_until (back_at_start, f));
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


static const int small_screen[] = { 1024, 768 };

/* The first paragraph of the open document */
static GtkWidget *
first_paragraph (Fixture *f)
{
  PlDocumentView *view = pl_window_get_document_view (f->window);
  PlDocument *document = pl_document_view_get_document (view);

  for (guint i = 0; document != NULL && i < pl_document_get_n_blocks (document); i++)
    if (pl_document_get_block (document, i)->kind == PL_BLOCK_PARAGRAPH)
      return pl_document_view_get_block_widget (view, i);
  return NULL;
}

/* The label's font size in points, as Pango will draw it */
static double
label_points (GtkWidget *label)
{
  PangoContext *context = gtk_widget_get_pango_context (label);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;

  /* GTK gives CSS sizes as absolute (pixels at 96 dpi) */
  if (pango_font_description_get_size_is_absolute (font))
    size = size * 72.0 / 96.0;
  return size;
}

static void
save_person_settings (Fixture    *f,
                      int         text_size,
                      const char *theme)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlSettings) settings = NULL;
  PlStore *store = pl_window_get_store (f->window);

  settings = pl_store_get_settings (store, f->person_id, &error);
  g_assert_no_error (error);
  settings->text_size = text_size;
  g_free (settings->theme);
  settings->theme = g_strdup (theme);
  g_assert_true (pl_store_save_settings (store, settings, &error));
  g_assert_no_error (error);
}

static PlSettings *
stored_settings (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PlSettings *settings;

  settings = pl_store_get_settings (pl_window_get_store (f->window), f->person_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (settings);
  return settings;
}

static void
test_settings_applied (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *paragraph;
  GdkRGBA color;

  g_assert_true (pl_window_open_database (f->window, f->path));
  save_person_settings (f, 32, "yellow-on-black");

  /* RNIB giant print, yellow on black, the moment they are chosen */
  open_plan (f, f->person_id);
  pl_gui_test_run_frames (3);
  g_assert_cmpint (pl_window_get_text_size (f->window), ==, 32);
  g_assert_cmpstr (pl_window_get_theme (f->window), ==, "yellow-on-black");

  paragraph = first_paragraph (f);
  g_assert_nonnull (paragraph);
  g_assert_cmpfloat_with_epsilon (label_points (paragraph), 32.0, 0.5);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (paragraph), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_cmpfloat_with_epsilon (color.red, 1.0, 0.01);
  g_assert_cmpfloat_with_epsilon (color.green, 1.0, 0.01);
  g_assert_cmpfloat_with_epsilon (color.blue, 0.0, 0.01);
}

static void
test_zoom_saves (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PlSettings) settings = NULL;
  GtkWidget *paragraph;
  double standard;

  g_assert_true (pl_window_open_database (f->window, f->path));
  open_plan (f, f->person_id);
  pl_gui_test_run_frames (2);

  /* No saved settings: the standard size */
  g_assert_cmpint (pl_window_get_text_size (f->window), ==, 14);
  paragraph = first_paragraph (f);
  standard = label_points (paragraph);
  g_assert_cmpfloat_with_epsilon (standard, 14.0, 0.5);

  /* Ctrl+minus cannot go below 100% */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "reader.zoom-out", NULL));
  g_assert_cmpint (pl_window_get_text_size (f->window), ==, 14);

  /* Ctrl+plus: larger at once, and kept */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "reader.zoom-in", NULL));
  g_assert_cmpint (pl_window_get_text_size (f->window), ==, 16);
  pl_gui_test_run_frames (1);
  g_assert_cmpfloat (label_points (paragraph), >, standard + 1);
  settings = stored_settings (f);
  g_assert_cmpint (settings->text_size, ==, 16);
  g_clear_pointer (&settings, pl_settings_free);

  /* On up to 400%, and no further */
  for (int i = 0; i < 20; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->window), "reader.zoom-in", NULL);
  g_assert_cmpint (pl_window_get_text_size (f->window), ==, 56);

  /* A preset from the Text size menu */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "reader.text-size",
                                             "i", 24));
  g_assert_cmpint (pl_window_get_text_size (f->window), ==, 24);

  /* Ctrl+0: back to standard, and kept */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "reader.zoom-reset", NULL));
  g_assert_cmpint (pl_window_get_text_size (f->window), ==, 14);
  settings = stored_settings (f);
  g_assert_cmpint (settings->text_size, ==, 14);
}

static void
test_theme_saved (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PlSettings) settings = NULL;

  g_assert_true (pl_window_open_database (f->window, f->path));
  open_plan (f, f->person_id);
  pl_gui_test_run_frames (2);
  g_assert_cmpstr (pl_window_get_theme (f->window), ==, "standard");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "reader.theme",
                                             "s", "cream"));
  g_assert_cmpstr (pl_window_get_theme (f->window), ==, "cream");
  settings = stored_settings (f);
  g_assert_cmpstr (settings->theme, ==, "cream");

  /* Back to the start, and the next time they open it, it is still theirs */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_true (pl_gui_test_wait_until (back_at_home, f));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_true (pl_gui_test_wait_until (back_at_start, f));
  open_plan (f, f->person_id);
  g_assert_cmpstr (pl_window_get_theme (f->window), ==, "cream");

  /* Someone else keeps their own */
  g_assert_true (pl_window_open_database (f->window, f->path));
  open_plan (f, f->other_id);
  g_assert_cmpstr (pl_window_get_theme (f->window), ==, "standard");
}

/* The longest line the label shows, in characters */
static int
longest_line (GtkWidget *label)
{
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
  const char *text = pango_layout_get_text (layout);
  int longest = 0;

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;

      longest = MAX (longest, (int) g_utf8_strlen (text + line->start_index, line->length));
    }
  return longest;
}

/* The paragraph with the most text, which surely wraps */
static GtkWidget *
longest_paragraph (Fixture *f)
{
  PlDocumentView *view = pl_window_get_document_view (f->window);
  PlDocument *document = pl_document_view_get_document (view);
  GtkWidget *found = NULL;
  gsize found_length = 0;

  for (guint i = 0; i < pl_document_get_n_blocks (document); i++)
    {
      const PlBlock *block = pl_document_get_block (document, i);

      if (block->kind == PL_BLOCK_PARAGRAPH && strlen (block->text) > found_length)
        {
          found = pl_document_view_get_block_widget (view, i);
          found_length = strlen (block->text);
        }
    }
  return found;
}

static void
test_line_length (Fixture       *f,
                  gconstpointer  data)
{
  const int sizes[] = { 14, 18, 24 };
  GtkWidget *paragraph;

  g_assert_true (pl_window_open_database (f->window, f->path));
  open_plan (f, f->person_id);

  /* RNIB clear print: about 70 characters a line at most, whatever the size */
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      pl_window_set_text_size (f->window, sizes[i]);
      pl_gui_test_run_frames (3);
      paragraph = longest_paragraph (f);
      g_assert_nonnull (paragraph);
      g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (paragraph))),
                       >, 1);
      g_assert_cmpint (longest_line (paragraph), <=, 72);
      g_assert_cmpint (longest_line (paragraph), >=, 20);
    }
}

static void
test_huge_text_reflows (Fixture       *f,
                        gconstpointer  data)
{
  PlDocumentView *view;
  PlDocument *document;
  GtkAdjustment *hadjustment;
  int view_width;

  g_assert_true (pl_window_open_database (f->window, f->path));
  save_person_settings (f, 56, "standard");
  open_plan (f, f->person_id);
  pl_gui_test_run_frames (5);
  g_assert_cmpint (pl_window_get_text_size (f->window), ==, 56);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 1024);

  /* WCAG 1.4.10: nothing to scroll sideways at 400% */
  view = pl_window_get_document_view (f->window);
  hadjustment = pl_document_view_get_hadjustment (view);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), <=,
                     gtk_adjustment_get_page_size (hadjustment));

  /* and no block reaches past the view's right edge */
  view_width = gtk_widget_get_width (GTK_WIDGET (view));
  g_assert_cmpint (view_width, >, 0);
  document = pl_document_view_get_document (view);
  for (guint i = 0; i < pl_document_get_n_blocks (document); i++)
    {
      GtkWidget *widget = pl_document_view_get_block_widget (view, i);
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (view), &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, view_width);
    }
}

/* The menu button in the window whose label reads label, or NULL */
static GtkWidget *
find_menu_button (GtkWidget  *widget,
                  const char *label)
{
  if (GTK_IS_MENU_BUTTON (widget) &&
      g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* How many menu items under widget, each asserted to be 44 px tall or more */
static guint
check_menu_items (GtkWidget *widget)
{
  guint n = 0;

  if (g_strcmp0 (gtk_widget_get_css_name (widget), "modelbutton") == 0 &&
      gtk_widget_get_mapped (widget))
    {
      g_assert_cmpint (gtk_widget_get_height (widget), >=, 44);
      return 1;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_menu_items (child);
  return n;
}

/* The keys bound to a widget action on the window, as "<Control>plus" … */
static char *
keys_for_action (GtkWidget  *widget,
                 const char *action_name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GString *keys = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          g_autofree char *trigger = NULL;

          if (!GTK_IS_NAMED_ACTION (action) ||
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                         action_name) != 0)
            continue;
          trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_string_append_printf (keys, "%s ", trigger);
        }
    }
  return g_string_free (keys, FALSE);
}

static void
assert_menu_named (GtkMenuButton *button,
                   const char    *name)
{
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  guint n_pages = 0;

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (popover),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  for (GtkWidget *w = popover; w != NULL; )
    {
      if (GTK_IS_STACK (w))
        {
          g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (GTK_STACK (w)));

          for (guint i = 0; i < g_list_model_get_n_items (pages); i++, n_pages++)
            {
              g_autoptr(GObject) page = g_list_model_get_item (pages, i);

              gtk_test_accessible_assert_property (GTK_ACCESSIBLE (page),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL, "");
            }
        }
      /* Depth first through the popover's widgets */
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != popover && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == popover ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_cmpuint (n_pages, >, 0);
}

static void
test_header_controls (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *zoom_in = NULL;
  g_autofree char *zoom_out = NULL;
  g_autofree char *zoom_reset = NULL;
  const char *labels[] = { "_Text size", "T_heme" };

  g_assert_true (pl_window_open_database (f->window, f->path));
  open_plan (f, f->person_id);
  pl_gui_test_run_frames (3);

  /* Visible words, not only icons, and at least 44×44 px to press */
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *button = find_menu_button (GTK_WIDGET (f->window), labels[i]);

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_is_drawable (button));
      g_assert_nonnull (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)));
      g_assert_cmpint (gtk_widget_get_width (button), >=, 44);
      g_assert_cmpint (gtk_widget_get_height (button), >=, 44);
    }

  /* The five RNIB sizes and the six themes, each item big enough to press */
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkMenuButton *button = GTK_MENU_BUTTON (find_menu_button (GTK_WIDGET (f->window),
                                                                 labels[i]));

      gtk_menu_button_popup (button);
      pl_gui_test_run_frames (3);
      g_assert_cmpuint (check_menu_items (GTK_WIDGET (gtk_menu_button_get_popover (button))),
                        ==, i == 0 ? 5 : 6);
      /* Orca says the menu's name, not "GtkPopoverMenu", and passes over
       * the unnamed pages inside it, not "GtkStackPage panel" */
      assert_menu_named (button, i == 0 ? "Text size" : "Theme");
      gtk_menu_button_popdown (button);
      pl_gui_test_run_frames (1);
    }

  /* The keys every browser uses, listed in the shortcuts window */
  zoom_in = keys_for_action (GTK_WIDGET (f->window), "reader.zoom-in");
  zoom_out = keys_for_action (GTK_WIDGET (f->window), "reader.zoom-out");
  zoom_reset = keys_for_action (GTK_WIDGET (f->window), "reader.zoom-reset");
  g_assert_nonnull (strstr (zoom_in, "<Control>plus"));
  g_assert_nonnull (strstr (zoom_in, "<Control>equal"));
  g_assert_nonnull (strstr (zoom_out, "<Control>minus"));
  g_assert_nonnull (strstr (zoom_reset, "<Control>0"));
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
  open_plan (f, f->person_id);
  g_assert_null (pl_window_open_diary_comment (f->window));
  g_assert_true (pl_window_go_back (f->window));
  pl_gui_test_run_frames (2);

  g_assert_true (pl_window_open_page (f->window, PL_DOCUMENT_DIARY));
  g_assert_true (pl_gui_test_wait_until (is_reading, f));
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
  g_test_add ("/plainly/window/people", Fixture, NULL,
              fixture_setup, test_people, fixture_teardown);
  g_test_add ("/plainly/window/plan-headings", Fixture, NULL,
              fixture_setup, test_plan_headings, fixture_teardown);
  g_test_add ("/plainly/window/link-moves-focus", Fixture, NULL,
              fixture_setup, test_link_moves_focus, fixture_teardown);
  g_test_add ("/plainly/window/back", Fixture, NULL,
              fixture_setup, test_back, fixture_teardown);
  g_test_add ("/plainly/window/title", Fixture, NULL,
              fixture_setup, test_window_title, fixture_teardown);
  g_test_add ("/plainly/window/reopen-keeps-blocks", Fixture, NULL,
              fixture_setup, test_reopen_keeps_blocks, fixture_teardown);
  g_test_add ("/plainly/window/home", Fixture, NULL,
              fixture_setup, test_home, fixture_teardown);
  g_test_add ("/plainly/window/home-pages", Fixture, NULL,
              fixture_setup, test_home_pages, fixture_teardown);
  g_test_add ("/plainly/window/home-page-error", Fixture, NULL,
              fixture_setup, test_home_page_error, fixture_teardown);
  g_test_add ("/plainly/window/not-a-database", Fixture, NULL,
              fixture_setup, test_not_a_database, fixture_teardown);
  g_test_add ("/plainly/window/bad-file-keeps-open-database", Fixture, NULL,
              fixture_setup, test_bad_file_keeps_open_database, fixture_teardown);

  g_test_add ("/plainly/reader/settings-applied", Fixture, NULL,
              fixture_setup, test_settings_applied, fixture_teardown);
  g_test_add ("/plainly/window/diary-comment", Fixture, NULL,
              fixture_setup, test_diary_comment, fixture_teardown);
  g_test_add ("/plainly/reader/zoom-saves", Fixture, NULL,
              fixture_setup, test_zoom_saves, fixture_teardown);
  g_test_add ("/plainly/reader/theme-saved", Fixture, NULL,
              fixture_setup, test_theme_saved, fixture_teardown);
  g_test_add ("/plainly/reader/header-controls", Fixture, NULL,
              fixture_setup, test_header_controls, fixture_teardown);
  g_test_add ("/plainly/reader/line-length", Fixture, small_screen,
              fixture_setup, test_line_length, fixture_teardown);
  g_test_add ("/plainly/reader/huge-text-reflows", Fixture, small_screen,
              fixture_setup, test_huge_text_reflows, fixture_teardown);

  return g_test_run ();
}
