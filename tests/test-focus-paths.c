/* test-focus-paths.c: every focus path of the person's window works both ways
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On each page of the person's window (the start screen, their home, their
 * plan, My settings and "Tell us what you think"), Tab is pressed until the
 * focus comes back to where it began, then Shift+Tab from there: it must
 * visit the same controls in the opposite order, none skipped and none
 * stuck, so whoever moves by keyboard (or with a screen reader) can go back
 * as surely as forward. Runs under Xvfb.
 */

#include "config.h"

#include "pl-gui-test-util.h"
#include "pl-screen-reader-private.h"
#include "pl-window-test.h"

/* The most Tab stops a page may have before the test calls it a trap */
#define MAX_STOPS 1500

static GtkWidget *
press (PlWindowFixture  *f,
       GtkDirectionType  direction)
{
  if (!gtk_widget_child_focus (GTK_WIDGET (f->window), direction))
    return NULL;
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

static char *
describe (GtkWidget *widget)
{
  if (widget == NULL)
    return g_strdup ("nothing");
  return g_strdup_printf ("%s “%s”", G_OBJECT_TYPE_NAME (widget),
                          gtk_widget_get_name (widget));
}

/* From the focus now, Tab all the way round, then Shift+Tab all the way
 * back: the same stops, reversed */
static void
check_both_ways (PlWindowFixture *f,
                 const char      *page)
{
  g_autoptr(GPtrArray) forward = g_ptr_array_new ();
  GtkWidget *start;
  GtkWidget *focus;
  guint n;

  pl_gui_test_run_frames (2);
  start = press (f, GTK_DIR_TAB_FORWARD);
  g_assert_nonnull (start);
  g_ptr_array_add (forward, start);
  for (n = 0; n < MAX_STOPS; n++)
    {
      focus = press (f, GTK_DIR_TAB_FORWARD);
      if (focus == NULL)
        g_error ("%s: Tab lost the focus after %s", page, describe (forward->pdata[forward->len - 1]));
      if (focus == start)
        break;
      if (g_ptr_array_find (forward, focus, NULL))
        {
          g_autofree char *which = describe (focus);

          g_error ("%s: Tab went round a loop that does not reach the start again, at %s",
                   page, which);
        }
      g_ptr_array_add (forward, focus);
    }
  g_assert_cmpuint (n, <, MAX_STOPS);
  g_test_message ("%s: %u Tab stops", page, forward->len);

  /* Back from the start: the last stop, then the one before it… */
  for (guint i = 1; i <= forward->len; i++)
    {
      GtkWidget *expected = forward->pdata[(forward->len - i) % forward->len];

      focus = press (f, GTK_DIR_TAB_BACKWARD);
      if (focus != expected)
        {
          g_autofree char *got = describe (focus);
          g_autofree char *wanted = describe (expected);
          g_autofree char *after = describe (forward->pdata[(forward->len - i + 1) % forward->len]);

          g_error ("%s: Shift+Tab from %s went to %s, not back to %s", page, after, got, wanted);
        }
    }
}

static gboolean
at_home (gpointer data)
{
  PlWindowFixture *f = data;

  return adw_leaflet_get_visible_child (f->window->leaflet) == f->window->home_page &&
         !adw_leaflet_get_child_transition_running (f->window->leaflet);
}

static void
test_person_window (PlWindowFixture *f,
                    gconstpointer    data)
{
  g_assert_true (pl_window_open_database (f->window, f->path));
  check_both_ways (f, "the start screen");

  g_assert_true (pl_window_open_person (f->window, f->person_id));
  check_both_ways (f, "the home");

  g_assert_true (gtk_widget_activate (pl_window_get_home_button (f->window, PL_DOCUMENT_PLAN)));
  g_assert_true (pl_gui_test_wait_until (pl_window_test_is_reading, f));
  check_both_ways (f, "the plan");

  pl_window_go_back (f->window);
  g_assert_true (pl_gui_test_wait_until (at_home, f));
  g_assert_true (pl_window_open_settings (f->window));
  check_both_ways (f, "My settings");

  pl_window_go_back (f->window);
  g_assert_true (pl_gui_test_wait_until (at_home, f));
  g_assert_true (gtk_widget_activate (f->window->feedback_button));
  pl_gui_test_run_frames (3);
  check_both_ways (f, "Tell us what you think");
}

/* With a screen reader each part of a document is a stop of its own */
static void
test_with_screen_reader (PlWindowFixture *f,
                         gconstpointer    data)
{
  PlScreenReader *screen_reader = pl_screen_reader_get_default ();

  pl_screen_reader_set_running (screen_reader, TRUE);
  test_person_window (f, data);
  pl_screen_reader_set_running (screen_reader, FALSE);
}

int
main (int argc, char **argv)
{
  pl_gui_test_init (&argc, &argv);

  PL_WINDOW_TEST_ADD ("/focus-paths/person-window", NULL, test_person_window);
  PL_WINDOW_TEST_ADD ("/focus-paths/with-screen-reader", NULL, test_with_screen_reader);

  return g_test_run ();
}
