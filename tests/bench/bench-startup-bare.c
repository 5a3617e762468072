/* bench-startup-bare.c: the least a libadwaita application shows, for bench-startup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwApplicationWindow of Plainly's size with one label, started the way
 * Plainly starts (a unique application on the session bus). At its first
 * frame it prints the same line as `plainly --report-first-frame`:
 *
 *   first-frame MONOTONIC_US USER_US SYSTEM_US MAX_RSS_KB
 *
 * and quits. Links only GTK and libadwaita, so nothing of Plainly's is
 * loaded with it.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <sys/resource.h>
#include <adwaita.h>

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  g_print ("first-frame %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %ld\n",
           g_get_monotonic_time (),
           (gint64) usage.ru_utime.tv_sec * G_USEC_PER_SEC + usage.ru_utime.tv_usec,
           (gint64) usage.ru_stime.tv_sec * G_USEC_PER_SEC + usage.ru_stime.tv_usec,
           usage.ru_maxrss);

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  g_application_quit (G_APPLICATION (app));
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GdkFrameClock *clock;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window),
                                      gtk_label_new ("Who is using Plainly?"));
  gtk_window_present (GTK_WINDOW (window));

  clock = gtk_widget_get_frame_clock (window);
  if (clock == NULL)
    {
      g_printerr ("The window has no frame clock: is there a display?\n");
      g_application_quit (app);
      return;
    }
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), window, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("org.plainly.BenchStartupBare",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
