/* test-talking-buttons.c: controls say their names on focus and hover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-talking-buttons-private.h"
#include "pl-gui-test-util.h"

typedef struct
{
  GtkWindow        *window;
  GtkWidget        *button;
  GtkWidget        *toggle;
  GtkWidget        *swtch;
  GtkWidget        *text;
  PlTalkingButtons *talking;
  GPtrArray        *said;
} Fixture;

static void
speak_cb (PlTalkingButtons *talking,
          const char       *words,
          Fixture          *f)
{
  g_ptr_array_add (f->said, g_strdup (words));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image_label = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  f->said = g_ptr_array_new_with_free_func (g_free);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 600, 400);

  /* A button whose words sit in a label beside an icon, as on the home */
  f->button = gtk_button_new ();
  gtk_box_append (GTK_BOX (image_label), gtk_image_new_from_icon_name ("x-office-document-symbolic"));
  gtk_box_append (GTK_BOX (image_label), gtk_label_new ("My plan"));
  gtk_button_set_child (GTK_BUTTON (f->button), image_label);
  gtk_box_append (GTK_BOX (box), f->button);

  f->toggle = gtk_toggle_button_new_with_label ("Large");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (f->toggle), TRUE);
  gtk_box_append (GTK_BOX (box), f->toggle);

  gtk_box_append (GTK_BOX (row), gtk_label_new ("Read aloud"));
  f->swtch = gtk_switch_new ();
  gtk_box_append (GTK_BOX (row), f->swtch);
  gtk_box_append (GTK_BOX (box), row);

  f->text = gtk_label_new ("Just words, not a control");
  gtk_box_append (GTK_BOX (box), f->text);

  gtk_window_set_child (f->window, box);
  gtk_window_present (f->window);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, f->window));

  f->talking = pl_talking_buttons_new (f->window);
  pl_talking_buttons_set_screen_reader_running (f->talking, FALSE);
  g_signal_connect (f->talking, "speak", G_CALLBACK (speak_cb), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->talking);
  gtk_window_destroy (f->window);
  pl_gui_test_run_frames (1);
  g_ptr_array_unref (f->said);
}

static void
test_labels (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *button = pl_widget_spoken_label (f->button);
  g_autofree char *inner = pl_widget_spoken_label (gtk_widget_get_first_child (f->button));
  g_autofree char *toggle = pl_widget_spoken_label (f->toggle);
  g_autofree char *off = pl_widget_spoken_label (f->swtch);
  g_autofree char *on = NULL;

  g_assert_cmpstr (button, ==, "My plan");
  /* Inside a button is the button */
  g_assert_cmpstr (inner, ==, "My plan");
  g_assert_cmpstr (toggle, ==, "Large, chosen");
  g_assert_cmpstr (off, ==, "Read aloud, off");
  gtk_switch_set_active (GTK_SWITCH (f->swtch), TRUE);
  on = pl_widget_spoken_label (f->swtch);
  g_assert_cmpstr (on, ==, "Read aloud, on");
  g_assert_null (pl_widget_spoken_label (f->text));
}

static gboolean
said_something (gpointer data)
{
  Fixture *f = data;

  return f->said->len > 0;
}

static void
test_focus_and_hover (Fixture       *f,
                      gconstpointer  data)
{
  /* Off: silent */
  gtk_widget_grab_focus (f->toggle);
  pl_gui_test_run_frames (8);
  g_assert_cmpuint (f->said->len, ==, 0);

  pl_talking_buttons_set_enabled (f->talking, TRUE);
  gtk_widget_grab_focus (f->button);
  g_assert_true (pl_gui_test_wait_until (said_something, f));
  g_assert_cmpstr (g_ptr_array_index (f->said, 0), ==, "My plan");

  /* Resting the pointer on another control says it; the same one again does not */
  pl_talking_buttons_hover (f->talking, f->toggle);
  g_assert_cmpuint (f->said->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->said, 1), ==, "Large, chosen");
  pl_talking_buttons_hover (f->talking, f->toggle);
  pl_talking_buttons_hover (f->talking, f->text);
  g_assert_cmpuint (f->said->len, ==, 2);

  /* With a screen reader running, it says nothing over it */
  pl_talking_buttons_set_screen_reader_running (f->talking, TRUE);
  pl_talking_buttons_hover (f->talking, f->swtch);
  gtk_widget_grab_focus (f->swtch);
  pl_gui_test_run_frames (8);
  g_assert_cmpuint (f->said->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

  g_test_add ("/plainly/talking-buttons/labels", Fixture, NULL,
              fixture_setup, test_labels, fixture_teardown);
  g_test_add ("/plainly/talking-buttons/focus-and-hover", Fixture, NULL,
              fixture_setup, test_focus_and_hover, fixture_teardown);

  return g_test_run ();
}
