/* test-about.c: the About window, as a person and a screen reader find it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The easy read pictures' licence (CC BY-SA 4.0) asks for their credit
 * wherever they are used: the About window names the set, its author and
 * the licence, with links. The window is also tidied for screen readers:
 * no row is left a list item that is "not selected", no icon named by
 * its type.
 */

#include "config.h"

#include <string.h>

#include "pl-about.h"
#include "pl-gui-test-util.h"

/* Every label's text under widget, one after another */
static void
gather_labels (GtkWidget *widget,
               GString   *text)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (text, gtk_label_get_label (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gather_labels (child, text);
}

static guint
count_roles (GtkWidget         *widget,
             GtkAccessibleRole  role)
{
  guint n = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == role ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_roles (child, role);
  return n;
}

static void
test_symbol_credit (void)
{
  GtkWidget *about = pl_about_window_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  g_object_ref_sink (about);
  gtk_window_present (GTK_WINDOW (about));
  pl_gui_test_run_frames (3);
  gather_labels (about, text);

  /* Its own section, among the legal ones */
  g_assert_nonnull (strstr (text->str, "Easy read pictures"));
  g_assert_nonnull (strstr (text->str, "© 2018–2026 Steve Lee"));
  g_assert_nonnull (strstr (text->str, "Mulberry Symbol Set"));
  g_assert_nonnull (strstr (text->str, "mulberrysymbols.org"));
  g_assert_nonnull (strstr (text->str, "Creative Commons Attribution-ShareAlike 4.0"));
  g_assert_nonnull (strstr (text->str, "https://creativecommons.org/licenses/by-sa/4.0/"));
  /* …beside Plainly's own licence */
  g_assert_nonnull (strstr (text->str, "GNU General Public License"));

  gtk_window_destroy (GTK_WINDOW (about));
  g_object_unref (about);
}

static void
test_screen_reader (void)
{
  GtkWidget *about = pl_about_window_new (NULL);

  g_object_ref_sink (about);
  /* Rows open pages: buttons, not items of a list that is "not selected" */
  g_assert_cmpuint (count_roles (about, GTK_ACCESSIBLE_ROLE_LIST_ITEM), ==, 0);
  g_assert_cmpuint (count_roles (about, GTK_ACCESSIBLE_ROLE_BUTTON), >, 0);
  gtk_window_destroy (GTK_WINDOW (about));
  g_object_unref (about);
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

  g_test_add_func ("/plainly/about/symbol-credit", test_symbol_credit);
  g_test_add_func ("/plainly/about/screen-reader", test_screen_reader);

  return g_test_run ();
}
