/* test-complaint-form.c: the guided complaint form, used from the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb, in a 1024×768 window styled with the person's reader CSS
 * as the main window styles it. With PL_SCREENSHOT_DIR set, the giant print
 * test also saves pictures of two screens at 14 pt and 48 pt there.
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "pl-complaint.h"
#include "pl-complaint-form.h"
#include "pl-complaint-form-private.h"
#include "pl-demo.h"
#include "pl-reader-style.h"
#include "pl-screenshot.h"
#include "pl-screenshot-private.h"
#include "pl-speech.h"
#include "pl-store.h"
#include "pl-gui-test-util.h"
#include "pl-test-util.h"

#define READER_CLASS "pl-test-reader"

typedef struct
{
  char            *dir;
  PlStore         *store;
  gint64           person_id;
  GtkWindow       *window;
  GtkCssProvider  *css;
  PlComplaintForm *form;
  gint64           sent_id;
  guint            n_sent;
  char            *spoken;
  gboolean         handle_speech;
  PlVoice         *voice;    /* the window's, in the app */
} Fixture;

static void
set_text_size (Fixture *f,
               int      points)
{
  g_autoptr(PlSettings) settings = pl_settings_new_default (f->person_id);
  g_autofree char *css = NULL;

  settings->text_size = points;
  css = pl_reader_style_css (settings, READER_CLASS);
  gtk_css_provider_load_from_data (f->css, css, -1);
  pl_reader_style_set_classes (GTK_WIDGET (f->window), settings);
  pl_gui_test_run_frames (3);
}

static void
sent_cb (PlComplaintForm *form,
         gint64           id,
         Fixture         *f)
{
  f->sent_id = id;
  f->n_sent++;
}

static gboolean
read_aloud_cb (PlComplaintForm *form,
               const char      *text,
               Fixture         *f)
{
  g_free (f->spoken);
  f->spoken = g_strdup (text);
  return f->handle_speech;
}

static void
open_form (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->form = PL_COMPLAINT_FORM (pl_complaint_form_new ());
  g_signal_connect (f->form, "sent", G_CALLBACK (sent_cb), f);
  g_signal_connect (f->form, "read-aloud", G_CALLBACK (read_aloud_cb), f);
  pl_complaint_form_set_voice (f->form, f->voice);
  gtk_window_set_child (f->window, GTK_WIDGET (f->form));
  g_assert_true (pl_complaint_form_set_person (f->form, f->store, f->person_id, &error));
  g_assert_no_error (error);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, f->form));
  pl_gui_test_run_frames (2);
}

/* Leaving the form: the window drops it, as it does when the person goes home */
static void
close_form (Fixture *f)
{
  gtk_window_set_child (f->window, NULL);
  f->form = NULL;
  pl_gui_test_run_frames (1);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = pl_test_make_dir ("plainly-complaint-form");
  f->store = pl_test_open_store (f->dir, NULL);
  g_assert_true (pl_demo_install (f->store, &f->person_id, &error));
  g_assert_no_error (error);

  f->css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (f->css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_widget_add_css_class (GTK_WIDGET (f->window), READER_CLASS);
  gtk_window_set_default_size (f->window, 1024, 768);
  gtk_window_present (f->window);
  set_text_size (f, 24);
  f->handle_speech = TRUE;
  f->voice = pl_voice_new ();
  open_form (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  pl_gui_test_run_frames (1);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (f->css));
  g_clear_object (&f->css);
  g_clear_object (&f->voice);
  g_clear_pointer (&f->store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->spoken);
}

static GtkWidget *
named (Fixture    *f,
       const char *name)
{
  GtkWidget *widget = pl_gui_test_find_named (GTK_WIDGET (f->form), name);

  if (widget == NULL)
    g_error ("Nothing in the form is named %s", name);
  return widget;
}

static const char *
page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (pl_complaint_form_get_stack (f->form));
}

static GtkWidget *
focus (Fixture *f)
{
  return gtk_window_get_focus (f->window);
}

static void
type_into (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    {
      int position = -1;

      gtk_editable_insert_text (GTK_EDITABLE (widget), text, -1, &position);
    }
}

/* Presses a key combination the form has a shortcut for, through the
 * shortcut itself, as GTK does when the keys are pressed */
static void
press (Fixture    *f,
       const char *accelerator)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->form));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (!gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            continue;
          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                       GTK_WIDGET (f->form), NULL));
          pl_gui_test_run_frames (1);
          return;
        }
    }
  g_error ("The form has no shortcut for %s", accelerator);
}

static void
activate (GtkWidget *widget)
{
  g_assert_true (gtk_widget_get_visible (widget));
  g_assert_true (gtk_widget_is_sensitive (widget));
  /* Enter in an entry is its "activate" signal */
  if (GTK_IS_ENTRY (widget))
    g_signal_emit_by_name (widget, "activate");
  else
    g_assert_true (gtk_widget_activate (widget));
  /* A button shows itself pressed for a moment before it is clicked */
  pl_gui_test_run_frames (GTK_IS_BUTTON (widget) ? 12 : 1);
}

/* Does a visible label under root say something containing words? */
static gboolean
shows_words (GtkWidget  *root,
             const char *words)
{
  if (!gtk_widget_get_visible (root))
    return FALSE;
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), words) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_words (child, words))
      return TRUE;
  return FALSE;
}

static void save_png (Fixture *f, const char *dir, const char *name);

static const char what[] = "Ni ddaeth neb amser cinio ddydd Llun 👵🏻. Nobody came at lunchtime on Monday.";
static const char put_right[] = "Ring me if you will be late.";

static void
assert_ways_out (Fixture *f)
{
  GtkWidget *escalation = named (f, "escalation-box");
  GtkWidget *danger = named (f, "danger-box");
  graphene_rect_t a, b;

  g_assert_true (gtk_widget_get_mapped (escalation));
  g_assert_true (gtk_widget_get_mapped (danger));
  g_assert_true (shows_words (escalation, "If you are not happy with our answer"));
  g_assert_true (shows_words (escalation, "Ombudsman"));
  g_assert_true (shows_words (escalation, "0300 061 0614"));
  g_assert_true (shows_words (danger, "If you are in danger or worried about abuse"));
  g_assert_true (shows_words (danger, "999"));
  g_assert_false (shows_words (danger, "Ombudsman"));

  /* Apart: two boxes, neither inside the other, not overlapping */
  g_assert_false (gtk_widget_is_ancestor (danger, escalation));
  g_assert_false (gtk_widget_is_ancestor (escalation, danger));
  g_assert_true (gtk_widget_compute_bounds (escalation, GTK_WIDGET (f->form), &a));
  g_assert_true (gtk_widget_compute_bounds (danger, GTK_WIDGET (f->form), &b));
  g_assert_false (graphene_rect_intersection (&a, &b, NULL));
}

/* Every question, from the keyboard alone, then the check screen and sending */
static void
test_keyboard_walkthrough (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlComplaint) stored = NULL;
  const PlComplaint *complaint;
  g_autofree char *thanks = NULL;

  g_assert_cmpstr (page (f), ==, "kind");
  g_assert_false (gtk_widget_get_visible (named (f, "resume-label")));
  g_assert_true (focus (f) == named (f, "kind-complaint"));
  g_assert_null (pl_complaint_form_get_complaint (f->form));
  assert_ways_out (f);

  /* Next before choosing says what is missing instead of moving on */
  press (f, "<Alt>Right");
  g_assert_cmpstr (page (f), ==, "kind");
  g_assert_true (gtk_widget_get_visible (named (f, "message-label")));

  activate (named (f, "kind-complaint"));
  g_assert_cmpstr (page (f), ==, "what");
  g_assert_false (gtk_widget_get_visible (named (f, "message-label")));
  g_assert_true (shows_words (named (f, "what-page"), "Question 2 of 7"));
  g_assert_true (gtk_widget_is_ancestor (focus (f), named (f, "what-view")) ||
                 focus (f) == named (f, "what-view"));
  assert_ways_out (f);
  type_into (named (f, "what-view"), what);
  activate (named (f, "next-button"));

  g_assert_cmpstr (page (f), ==, "when");
  g_assert_true (gtk_widget_is_ancestor (focus (f), named (f, "when-entry")));
  assert_ways_out (f);
  type_into (named (f, "when-entry"), "Monday");
  activate (named (f, "when-entry"));          /* Enter goes on */

  g_assert_cmpstr (page (f), ==, "who");
  assert_ways_out (f);
  /* Alt+Left goes back, with the answer kept */
  press (f, "<Alt>Left");
  g_assert_cmpstr (page (f), ==, "when");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (f, "when-entry"))), ==, "Monday");
  activate (named (f, "when-entry"));
  g_assert_cmpstr (page (f), ==, "who");
  type_into (named (f, "who-entry"), "The lunchtime care worker");
  activate (named (f, "who-entry"));

  g_assert_cmpstr (page (f), ==, "put-right");
  assert_ways_out (f);
  type_into (named (f, "put-right-view"), put_right);
  press (f, "<Control>Return");

  g_assert_cmpstr (page (f), ==, "reply");
  assert_ways_out (f);
  g_assert_true (focus (f) == named (f, "reply-letter"));
  activate (named (f, "reply-letter"));
  activate (named (f, "reply-large-print"));
  activate (named (f, "next-button"));

  g_assert_cmpstr (page (f), ==, "helped");
  assert_ways_out (f);
  type_into (named (f, "helped-entry"), "Priya Shah, my advocate");
  activate (named (f, "helped-entry"));

  /* The check screen shows every answer, each with its Change button */
  g_assert_cmpstr (page (f), ==, "check");
  assert_ways_out (f);
  g_assert_true (focus (f) == named (f, "send-button"));
  g_assert_false (gtk_widget_get_visible (named (f, "next-button")));
  g_assert_true (shows_words (named (f, "check-list"), what));
  g_assert_true (shows_words (named (f, "check-list"), "Monday"));
  g_assert_true (shows_words (named (f, "check-list"), put_right));
  g_assert_true (shows_words (named (f, "check-list"), "Priya Shah"));
  g_assert_true (shows_words (named (f, "check-list"), pl_reply_method_label (PL_REPLY_LARGE_PRINT)));
  {
    guint n_change = 0;
    GtkWidget *first_change = NULL;

    for (GtkWidget *row = gtk_widget_get_first_child (named (f, "check-list"));
         row != NULL; row = gtk_widget_get_next_sibling (row))
      for (GtkWidget *w = gtk_widget_get_first_child (row); w != NULL; w = gtk_widget_get_next_sibling (w))
        if (GTK_IS_BUTTON (w) && shows_words (w, "Change"))
          {
            n_change++;
            if (first_change == NULL)
              first_change = w;
          }
    g_assert_cmpuint (n_change, ==, 7);

    /* Change takes the person to that question */
    activate (first_change);
    g_assert_cmpstr (page (f), ==, "kind");
    activate (named (f, "kind-complaint"));
    g_assert_cmpstr (page (f), ==, "what");
  }
  while (g_strcmp0 (page (f), "check") != 0)
    press (f, "<Alt>Right");

  activate (named (f, "send-button"));
  g_assert_cmpstr (page (f), ==, "sent");
  assert_ways_out (f);
  g_assert_cmpuint (f->n_sent, ==, 1);

  complaint = pl_complaint_form_get_complaint (f->form);
  g_assert_nonnull (complaint->reference);
  g_assert_cmpint (f->sent_id, ==, complaint->id);
  thanks = g_strdup_printf ("Your reference is %s.", complaint->reference);
  g_assert_true (shows_words (named (f, "sent-page"), thanks));
  g_assert_true (shows_words (named (f, "sent-page"), "We will reply by"));
  g_assert_true (shows_words (named (f, "timeline-list"), pl_complaint_status_label (PL_COMPLAINT_RECEIVED)));
  if (g_getenv ("PL_SCREENSHOT_DIR") != NULL)
    save_png (f, g_getenv ("PL_SCREENSHOT_DIR"), "complaint-sent-24pt.png");

  stored = pl_store_find_complaint (f->store, complaint->reference, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->status, ==, PL_COMPLAINT_RECEIVED);
  g_assert_cmpstr (stored->what_happened, ==, what);
  g_assert_cmpstr (stored->put_right, ==, put_right);
  g_assert_cmpuint (pl_reply_methods_from_text (stored->reply_method), ==,
                    PL_REPLY_LETTER | PL_REPLY_LARGE_PRINT);

  /* Opening the form again starts a new one: the sent one is not a draft */
  close_form (f);
  open_form (f);
  g_assert_cmpstr (page (f), ==, "kind");
}

static gboolean
draft_has_text (gpointer data)
{
  Fixture *f = data;
  g_autoptr(PlComplaint) draft = pl_complaint_find_draft (f->store, f->person_id, NULL);

  return draft != NULL && g_strcmp0 (draft->what_happened, what) == 0;
}

/* Leave and come back: a new form on the same store opens where the person was */
static void
test_leave_and_resume (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(PlComplaint) draft = NULL;

  activate (named (f, "kind-compliment"));
  g_assert_cmpstr (page (f), ==, "what");
  type_into (named (f, "what-view"), what);

  /* Kept after a pause in typing, with no change of screen */
  g_assert_true (pl_gui_test_wait_until (draft_has_text, f));

  activate (named (f, "next-button"));
  g_assert_cmpstr (page (f), ==, "when");
  close_form (f);

  open_form (f);
  g_assert_cmpstr (page (f), ==, "when");
  g_assert_true (gtk_widget_get_visible (named (f, "resume-label")));
  g_assert_true (shows_words (named (f, "resume-label"), "We kept what you wrote on"));
  g_assert_cmpint (pl_complaint_form_get_complaint (f->form)->kind, ==, PL_FEEDBACK_COMPLIMENT);
  /* A compliment is not asked what would put it right */
  g_assert_true (shows_words (named (f, "when-page"), "Question 3 of 6"));

  /* Typed and left at once, before the pause: still kept */
  type_into (named (f, "when-entry"), "Dydd Mawrth");
  close_form (f);

  draft = pl_complaint_find_draft (f->store, f->person_id, NULL);
  g_assert_cmpstr (draft->when_happened, ==, "Dydd Mawrth");

  open_form (f);
  g_assert_cmpstr (page (f), ==, "who");
  press (f, "<Alt>Left");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (f, "when-entry"))), ==, "Dydd Mawrth");
  press (f, "<Alt>Left");
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (named (f, "what-view")));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, what);
  }
  /* The line about the kept words goes once the person moves on */
  g_assert_false (gtk_widget_get_visible (named (f, "resume-label")));

  /* Letting go of the store keeps what was typed, and nothing after */
  type_into (named (f, "what-view"), " Kept.");
  g_assert_true (pl_complaint_form_set_person (f->form, NULL, 0, NULL));
  g_clear_pointer (&draft, pl_complaint_free);
  draft = pl_complaint_find_draft (f->store, f->person_id, NULL);
  g_assert_true (g_str_has_suffix (draft->what_happened, " Kept."));
  type_into (named (f, "what-view"), " Not kept.");
  close_form (f);
  g_clear_pointer (&draft, pl_complaint_free);
  draft = pl_complaint_find_draft (f->store, f->person_id, NULL);
  g_assert_true (g_str_has_suffix (draft->what_happened, " Kept."));
}

/* Every button says what it does in words: none is just a picture */
static void
assert_buttons_named (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) || GTK_IS_CHECK_BUTTON (child))
        {
          GtkWidget *label = GTK_IS_BUTTON (child)
                             ? gtk_button_get_child (GTK_BUTTON (child))
                             : gtk_check_button_get_child (GTK_CHECK_BUTTON (child));

          if (!GTK_IS_LABEL (label) || strlen (gtk_label_get_text (GTK_LABEL (label))) < 2)
            g_error ("%s %s has no words", G_OBJECT_TYPE_NAME (child), gtk_widget_get_name (child));
          g_assert_false (GTK_IS_IMAGE (label));
        }
      assert_buttons_named (child);
    }
}

static void
test_buttons_named (Fixture       *f,
                    gconstpointer  data)
{
  activate (named (f, "kind-other"));
  type_into (named (f, "what-view"), what);
  while (g_strcmp0 (page (f), "check") != 0)
    press (f, "<Alt>Right");
  assert_buttons_named (GTK_WIDGET (f->form));
}

static void
test_read_aloud (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  activate (named (f, "kind-complaint"));
  activate (named (f, "read-aloud-button"));
  g_assert_nonnull (f->spoken);
  g_assert_nonnull (strstr (f->spoken, "What happened?"));
  g_assert_nonnull (strstr (f->spoken, "in your own words"));

  /* With nobody to speak for it, the form speaks itself, or says why not */
  f->handle_speech = FALSE;
  activate (named (f, "next-button"));
  activate (named (f, "read-aloud-button"));
  g_assert_nonnull (strstr (f->spoken, "When did it happen?"));
  if (!pl_speech_check_audio_device (&error))
    {
      /* The reading finds out in its own thread, and says so */
      gint64 give_up = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

      while (!gtk_widget_get_visible (named (f, "message-label")) &&
             g_get_monotonic_time () < give_up)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
      g_assert_true (gtk_widget_get_visible (named (f, "message-label")));
      g_assert_true (shows_words (named (f, "message-label"), error->message));
    }
}

static void
assert_inside (GtkWidget *root,
               GtkWidget *form)
{
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (form);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child) || GTK_IS_SCROLLBAR (child))
        continue;
      g_assert_true (gtk_widget_compute_bounds (child, form, &bounds));
      if (bounds.origin.x < -0.5 || bounds.origin.x + bounds.size.width > width + 0.5)
        g_error ("%s (%s) reaches from %.0f to %.0f; the form is %d wide",
                 G_OBJECT_TYPE_NAME (child), gtk_widget_get_name (child),
                 bounds.origin.x, bounds.origin.x + bounds.size.width, width);
      assert_inside (child, form);
    }
}

static void
save_png (Fixture    *f,
          const char *dir,
          const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  pl_gui_test_run_frames (3);
  texture = pl_screenshot_render (GTK_WIDGET (f->window));
  g_assert_nonnull (texture);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* WCAG 1.4.10: at 48 pt in 1024×768, no screen scrolls sideways */
static void
test_giant_print (Fixture       *f,
                  gconstpointer  data)
{
  const int sizes[] = { 14, 48 };
  const char *dir = g_getenv ("PL_SCREENSHOT_DIR");

  activate (named (f, "kind-complaint"));
  type_into (named (f, "what-view"), what);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      set_text_size (f, sizes[s]);
      while (g_strcmp0 (page (f), "kind") != 0)
        press (f, "<Alt>Left");

      for (;;)
        {
          int min_width = 0;
          int height = 0;
          const char *name = page (f);

          pl_gui_test_run_frames (2);
          gtk_widget_measure (GTK_WIDGET (f->form), GTK_ORIENTATION_HORIZONTAL, -1,
                              &min_width, NULL, NULL, NULL);
          g_test_message ("%d pt, %s: minimum width %d px", sizes[s], name, min_width);
          g_assert_cmpint (min_width, <=, 1024);
          g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->form)), ==, 1024);
          assert_inside (GTK_WIDGET (f->form), GTK_WIDGET (f->form));

          /* The text really is the chosen size */
          gtk_widget_measure (named (f, "escalation-label"), GTK_ORIENTATION_VERTICAL, 900,
                              &height, NULL, NULL, NULL);
          g_assert_cmpint (height, >=, sizes[s] * 4 / 3);

          if (dir != NULL && (g_str_equal (name, "kind") || g_str_equal (name, "what") || g_str_equal (name, "reply") ||
                              g_str_equal (name, "check")))
            {
              g_autofree char *file = g_strdup_printf ("complaint-%s-%dpt.png", name, sizes[s]);

              save_png (f, dir, file);
            }

          if (g_str_equal (name, "check"))
            break;
          press (f, "<Alt>Right");
          g_assert_cmpstr (page (f), !=, name);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/plainly/complaint-form/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("keyboard-walkthrough", test_keyboard_walkthrough);
  ADD ("leave-and-resume", test_leave_and_resume);
  ADD ("buttons-named", test_buttons_named);
  ADD ("read-aloud", test_read_aloud);
  ADD ("giant-print", test_giant_print);
#undef ADD

  return g_test_run ();
}
