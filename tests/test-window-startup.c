/* test-window-startup.c: what the person's window leaves for later
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The start screen's first frame is what a person waits for (bench-startup
 * measures it). What it does not show is built when first asked for; these
 * tests check that it is not there before, and that it works once it is.
 * Runs under Xvfb.
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "pl-window.h"
#include "pl-gui-test-util.h"

static gboolean
is_visible (gpointer widget)
{
  return gtk_widget_get_visible (GTK_WIDGET (widget));
}

/* The accelerators the shortcuts window lists, one string */
static void
collect_accelerators (GtkWidget *widget,
                      GString   *out)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      if (accelerator != NULL)
        g_string_append_printf (out, "%s ", accelerator);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, out);
}

static void
test_shortcuts_window (void)
{
  PlWindow *window = pl_window_new (NULL);
  GtkShortcutsWindow *overlay;
  g_autoptr(GString) accelerators = g_string_new (NULL);
  GLogLevelFlags fatal_mask;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, window));

  /* Not built with the window */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));

  /* GTK 4.8's shortcuts window measures its key caps at a few pixels below
   * zero and warns, with GTK's own style alone too: criticals only */
  fatal_mask = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  g_assert_true (pl_gui_test_wait_until (is_visible, overlay));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (overlay)));

  /* The reader's keys are listed, as before */
  collect_accelerators (GTK_WIDGET (overlay), accelerators);
  g_assert_nonnull (strstr (accelerators->str, "<Primary>plus"));
  g_assert_nonnull (strstr (accelerators->str, "<Alt>Left"));

  /* Closed, it is hidden and kept; asked for again, the same one shows */
  gtk_window_close (GTK_WINDOW (overlay));
  pl_gui_test_run_frames (2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) ==
                 overlay);
  g_assert_true (pl_gui_test_wait_until (is_visible, overlay));

  gtk_window_destroy (GTK_WINDOW (window));
  pl_gui_test_run_frames (1);
  g_log_set_always_fatal (fatal_mask);
}

/* The menu button F10 opens */
static GtkMenuButton *
find_primary_menu (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_primary_menu (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The start screen's menu: built as it opens, named, with its items */
static void
test_menu_when_opened (void)
{
  PlWindow *window = pl_window_new (NULL);
  GtkMenuButton *button;
  GtkPopover *popover;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, window));

  button = find_primary_menu (GTK_WIDGET (window));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_assert_null (gtk_menu_button_get_popover (button));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_HAS_POPUP,
                                       TRUE);

  /* F10, as Orca's users open it */
  g_assert_nonnull (pl_gui_test_press_keys (GTK_WIDGET (window), "F10"));
  popover = gtk_menu_button_get_popover (button);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (button)), ==, 2);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (popover), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Plainly");
  g_assert_true (pl_gui_test_wait_until (is_visible, popover));
  gtk_menu_button_popdown (button);

  /* Opened again, the same menu */
  gtk_menu_button_popup (button);
  g_assert_true (gtk_menu_button_get_popover (button) == popover);
  g_assert_true (pl_gui_test_wait_until (is_visible, popover));
  gtk_menu_button_popdown (button);

  gtk_window_destroy (GTK_WINDOW (window));
  pl_gui_test_run_frames (1);
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

  g_test_add_func ("/plainly/window-startup/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/plainly/window-startup/menu-when-opened", test_menu_when_opened);

  return g_test_run ();
}
