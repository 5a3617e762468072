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
#include "pl-store.h"
#include "pl-window.h"
#include "pl-test-util.h"

typedef struct
{
  char     *dir;
  char     *path;
  gint64    person_id;
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

static gboolean
wait_until (gboolean (*done) (gpointer data),
            gpointer  data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return TRUE;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* A few frames so layout, tick callbacks and transitions have run */
static void
run_frames (guint n_frames)
{
  for (guint i = 0; i < n_frames; i++)
    {
      gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 30;

      while (g_get_monotonic_time () < end)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
    }
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(PlStore) store = NULL;

  f->dir = pl_test_make_dir ("plainly-window");
  store = pl_test_open_store (f->dir, &f->path);
  f->person_id = add_person (store, "Margaret Elizabeth Jones", "Peggy");
  add_person (store, "Arthur Williams", "Arthur");
  g_clear_pointer (&store, pl_store_close);

  f->window = pl_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_until (is_mapped, f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  run_frames (1);
  pl_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
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

  /* At least 44×44 px to press */
  run_frames (2);
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
  g_assert_true (pl_window_open_person (f->window, f->person_id));
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
  g_assert_true (pl_window_open_person (f->window, f->person_id));
  run_frames (10);

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
  g_assert_true (wait_until (scroll_settled, adjustment));

  run_frames (3);

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

static void
test_back (Fixture       *f,
           gconstpointer  data)
{
  g_assert_true (pl_window_open_database (f->window, f->path));
  g_assert_false (pl_window_go_back (f->window));

  g_assert_true (pl_window_open_person (f->window, f->person_id));
  run_frames (2);

  /* Escape and Alt+Left are bound to this action */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_true (wait_until (back_at_start, f));
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
  run_frames (2);
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

  /* A new document replaces the old one completely */
  pl_document_view_set_document (PL_DOCUMENT_VIEW (view), NULL);
  g_assert_null (pl_document_view_get_anchor_widget (PL_DOCUMENT_VIEW (view), "top"));
  g_assert_null (pl_document_view_get_block_widget (PL_DOCUMENT_VIEW (view), 0));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Transitions would only make the tests wait */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/plainly/document-view/blocks", test_document_view_blocks);
  g_test_add ("/plainly/window/people", Fixture, NULL,
              fixture_setup, test_people, fixture_teardown);
  g_test_add ("/plainly/window/plan-headings", Fixture, NULL,
              fixture_setup, test_plan_headings, fixture_teardown);
  g_test_add ("/plainly/window/link-moves-focus", Fixture, NULL,
              fixture_setup, test_link_moves_focus, fixture_teardown);
  g_test_add ("/plainly/window/back", Fixture, NULL,
              fixture_setup, test_back, fixture_teardown);
  g_test_add ("/plainly/window/not-a-database", Fixture, NULL,
              fixture_setup, test_not_a_database, fixture_teardown);
  g_test_add ("/plainly/window/bad-file-keeps-open-database", Fixture, NULL,
              fixture_setup, test_bad_file_keeps_open_database, fixture_teardown);

  return g_test_run ();
}
