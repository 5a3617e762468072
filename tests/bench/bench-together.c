/* bench-together.c: how long the person's view takes to follow a keystroke
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-together [--keys N]
 *
 * Installs the example person in a temporary database, shows her plan in
 * a PlTogetherView in her own settings, then types into one of her visits a
 * letter at a time, as a coordinator does. Each keystroke rebuilds the
 * view (pl_together_view_set_content) and waits for the frame that shows
 * it. Prints the median and the slowest tenth; never fails on time. Needs
 * a display (xvfb-run).
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pl-demo.h"
#include "pl-document.h"
#include "pl-plan-version.h"
#include "pl-together-view-private.h"
#include "pl-gui-test-util.h"
#include "pl-test-util.h"
#include "pl-bench-util.h"

/* A keystroke should show within a frame or two at 60 Hz */
#define TARGET_MS 33.0

static int n_keys = 100;

static const GOptionEntry entries[] = {
  { "keys", 0, 0, G_OPTION_ARG_INT, &n_keys, "Keystrokes to time (100)", "N" },
  { NULL }
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the Together view");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(PlPlanContent) content = NULL;
  g_autoptr(GString) typed = g_string_new (NULL);
  g_autofree double *times = NULL;
  g_autofree double *set_times = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *anchor = NULL;
  PlStore *store;
  GtkWindow *window;
  PlTogetherView *view;
  PlVisit *visit;
  gint64 person_id = 0, start;
  const char *words = "Help me to wash and dress, then make porridge with honey. ";

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  n_keys = MAX (n_keys, 1);
  pl_gui_test_init (&argc, &argv);

  dir = pl_test_make_dir ("bench-together");
  store = pl_test_open_store (dir, NULL);
  if (!pl_demo_install (store, &person_id, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  plan = pl_store_current_plan (store, person_id, &error);
  content = plan != NULL ? pl_plan_content_load (store, plan->id, &error) : NULL;
  if (content == NULL || content->parts[PL_PLAN_PART_VISITS]->len == 0)
    {
      g_printerr ("The example person has no visits to edit\n");
      return EXIT_FAILURE;
    }
  visit = g_ptr_array_index (content->parts[PL_PLAN_PART_VISITS], 0);
  anchor = pl_plan_anchor_for (&pl_visit_type, visit);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1024, 768);
  view = PL_TOGETHER_VIEW (pl_together_view_new ());
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  pl_gui_test_wait_until (pl_gui_test_is_mapped, window);
  pl_together_view_set_person (view, store, person_id);
  pl_together_view_set_content (view, content, anchor);
  pl_gui_test_run_ticks (view, 5);

  times = g_new (double, n_keys);
  set_times = g_new (double, n_keys);
  for (int i = 0; i < n_keys; i++)
    {
      g_string_append_c (typed, words[i % strlen (words)]);
      g_free (visit->tasks);
      visit->tasks = g_strdup (typed->str);

      start = g_get_monotonic_time ();
      pl_together_view_set_content (view, content, anchor);
      set_times[i] = (g_get_monotonic_time () - start) / 1000.0;
      pl_gui_test_run_ticks (view, 1);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  /* Where the time goes: the document alone, from the store and content */
  {
    g_autofree double *build = g_new (double, n_keys);

    for (int i = 0; i < n_keys; i++)
      {
        g_autoptr(PlDocument) document = NULL;

        start = g_get_monotonic_time ();
        document = pl_document_build_plan_content (store, content, NULL);
        build[i] = (g_get_monotonic_time () - start) / 1000.0;
      }
    pl_bench_sort (build, n_keys);
    g_print ("Building the document alone: median %.1f ms\n", build[n_keys / 2]);
  }

  pl_bench_sort (times, n_keys);
  pl_bench_sort (set_times, n_keys);
  g_print ("Rebuilding the view, before layout: median %.1f ms\n", set_times[n_keys / 2]);
  g_print ("Plan blocks: %u\n",
           pl_document_get_n_blocks (pl_reader_get_document (pl_together_view_get_reader (view))));
  g_print ("Keystroke to frame: median %.1f ms, slowest tenth from %.1f ms, slowest %.1f ms "
           "(aim: under %.0f ms)\n",
           times[n_keys / 2], times[(n_keys * 9) / 10], times[n_keys - 1], TARGET_MS);

  gtk_window_destroy (window);
  pl_store_unref (store);
  pl_test_remove_dir (dir);
  return EXIT_SUCCESS;
}
