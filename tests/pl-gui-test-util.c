/* pl-gui-test-util.c: what every test of real widgets needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-gui-test-util.h"

/* What AdwApplication does for the real app: sizes and targets come from it */
static void
load_app_css (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, PL_RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
pl_gui_test_init (int    *argc,
                  char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  load_app_css ();

  /* Transitions would only make the tests wait */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

gboolean
pl_gui_test_wait_until (gboolean (*done) (gpointer data),
                        gpointer   data)
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

void
pl_gui_test_run_frames (guint n_frames)
{
  for (guint i = 0; i < n_frames; i++)
    {
      gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 30;

      while (g_get_monotonic_time () < end)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
    }
}

static gboolean
count_tick_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  guint *ticks = user_data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

gboolean
pl_gui_test_run_ticks (gpointer widget,
                       guint    n_ticks)
{
  /* A tick callback keeps the frame clock running; once tick n + 1 has
   * run, frame n has been laid out and painted */
  guint ticks = 0;
  guint id = gtk_widget_add_tick_callback (GTK_WIDGET (widget), count_tick_cb, &ticks, NULL);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (ticks <= n_ticks && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  gtk_widget_remove_tick_callback (GTK_WIDGET (widget), id);
  return ticks > n_ticks;
}

gboolean
pl_gui_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget));
}

GtkWidget *
pl_gui_test_find_named (GtkWidget  *root,
                        const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pl_gui_test_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}
