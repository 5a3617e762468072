/* bench-long-text.c: a plan with a part of megabytes, on screen and on paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-long-text [--megabytes 5] [--paragraph-words 0] [--runs 3] [--no-pdf]
 *
 * Installs the example person in a temporary database and makes her life
 * story one part of about --megabytes of text, in sentences of twelve
 * numbered words: one paragraph (the worst case), or paragraphs of
 * --paragraph-words words. Then times, in this process:
 *
 *  - building the plan's document (pl_document_build_for);
 *  - opening the plan page in the person's window: from the call to the
 *    end of the first frame painted with the plan in it (the target: under
 *    one second);
 *  - End, from there to the frame showing the plan's last line, and the
 *    focus moved to the part's last piece (as Tab or a screen reader moves
 *    it), to the frame showing it;
 *  - the process's peak memory (ru_maxrss) at the end;
 *  - the words the voice says (pl_speech_spoken_text);
 *  - the PDF export in the person's settings (pl_print_save_pdf), with its
 *    pages.
 *
 * Medians of --runs. Needs a display (xvfb-run). Never fails on time.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "pl-access.h"
#include "pl-demo.h"
#include "pl-document.h"
#include "pl-document-view-private.h"
#include "pl-long-text.h"
#include "pl-print.h"
#include "pl-speech.h"
#include "pl-store.h"
#include "pl-window-private.h"
#include "pl-gui-test-util.h"
#include "pl-test-util.h"
#include "pl-bench-util.h"

#define TARGET_OPEN_MS 1000.0

static double megabytes = 5.0;
static int paragraph_words = 0;
static int n_runs = 3;
static gboolean no_pdf = FALSE;

static const GOptionEntry entries[] = {
  { "megabytes", 0, 0, G_OPTION_ARG_DOUBLE, &megabytes, "Size of the long part (5)", "MB" },
  { "paragraph-words", 0, 0, G_OPTION_ARG_INT, &paragraph_words,
    "Words a paragraph; 0: all one paragraph (0)", "N" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Times each is timed (3)", "N" },
  { "no-pdf", 0, 0, G_OPTION_ARG_NONE, &no_pdf, "Leave out the PDF export", NULL },
  { NULL }
};

/* This process's CPU time (user + system) so far, in ms: on a busy
 * machine wall time says more about the other programs */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 +
         usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
}

static char *
long_text (gsize bytes,
           guint *out_words)
{
  GString *text = g_string_sized_new (bytes + 64);
  guint i;

  for (i = 1; text->len < bytes; i++)
    {
      g_string_append_printf (text, "%c%u", i % 12 == 1 ? 'W' : 'w', i);
      if (paragraph_words > 0 && i % (guint) paragraph_words == 0)
        g_string_append (text, ".\n\n");
      else
        g_string_append (text, i % 12 == 0 ? ". " : " ");
    }
  g_string_append (text, "The end.");
  *out_words = i;
  return g_string_free (text, FALSE);
}

static void
set_life_story (PlStore    *store,
                gint64      person,
                const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_store_current_plan (store, person, &error);
  g_autoptr(GPtrArray) sections = NULL;

  sections = plan != NULL ? pl_store_list_plan_sections (store, plan->id, &error) : NULL;
  for (guint i = 0; sections != NULL && i < sections->len; i++)
    {
      PlPlanSection *section = g_ptr_array_index (sections, i);

      if (section->kind != PL_SECTION_LIFE_STORY)
        continue;
      g_free (section->body);
      section->body = g_strdup (text);
      if (!pl_store_save_plan_section (store, section, &error))
        break;
    }
  if (error != NULL)
    g_error ("%s", error->message);
}

typedef struct
{
  PlWindow *window;
  gboolean  painted;
} Paint;

static void
after_paint_cb (GdkFrameClock *clock,
                Paint         *paint)
{
  PlDocumentView *view = pl_window_get_document_view (paint->window);

  if (pl_document_view_get_document (view) != NULL && gtk_widget_get_mapped (GTK_WIDGET (view)))
    paint->painted = TRUE;
}

/* From the call to open the plan page to the end of its first painted
 * frame; then End and the part's last words; in ms */
typedef struct
{
  double open_ms;
  double open_cpu_ms;
  double end_ms;
  double last_words_ms;
} Opening;

/* Runs the main loop until widget is drawn in the view's visible part */
static double
until_in_sight (PlDocumentView *view,
                GtkWidget      *widget,
                gint64          start,
                gint64          deadline)
{
  GtkAdjustment *adjustment = pl_document_view_get_vadjustment (view);

  for (;;)
    {
      graphene_rect_t bounds;

      pl_gui_test_run_ticks (view, 1);
      if (gtk_widget_get_mapped (widget) &&
          gtk_widget_compute_bounds (widget, GTK_WIDGET (view), &bounds) &&
          bounds.origin.y < gtk_adjustment_get_page_size (adjustment) &&
          bounds.origin.y + bounds.size.height > 0)
        break;
      if (g_get_monotonic_time () > deadline)
        g_error ("Not shown in time");
    }
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
time_open (const char *path,
           gint64      person,
           Opening    *out,
           guint      *n_blocks)
{
  Paint paint = { NULL, FALSE };
  PlDocumentView *view;
  PlDocument *document;
  GdkFrameClock *clock;
  gulong handler;
  gint64 start, deadline;
  double cpu_start;
  guint last_block;

  paint.window = pl_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (paint.window), 1024, 768);
  pl_window_set_keep_settings (paint.window, FALSE);
  if (!pl_window_open_database (paint.window, path))
    g_error ("The database could not be opened");
  gtk_window_present (GTK_WINDOW (paint.window));
  pl_gui_test_wait_until (pl_gui_test_is_mapped, paint.window);
  if (!pl_window_open_person (paint.window, person))
    g_error ("The example person could not be opened");
  pl_gui_test_run_ticks (paint.window, 3);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (paint.window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &paint);
  start = g_get_monotonic_time ();
  cpu_start = cpu_ms ();
  if (!pl_window_open_page (paint.window, PL_DOCUMENT_PLAN))
    g_error ("The plan could not be opened");
  deadline = start + 600 * G_USEC_PER_SEC;
  while (!paint.painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  out->open_ms = (g_get_monotonic_time () - start) / 1000.0;
  out->open_cpu_ms = cpu_ms () - cpu_start;
  g_signal_handler_disconnect (clock, handler);

  view = pl_window_get_document_view (paint.window);
  document = pl_document_view_get_document (view);
  *n_blocks = pl_document_get_n_blocks (document);
  pl_gui_test_run_ticks (view, 2);

  /* End: to the plan's last line */
  start = g_get_monotonic_time ();
  deadline = start + 600 * G_USEC_PER_SEC;
  pl_document_view_focus_start (view);
  gtk_widget_activate_action (GTK_WIDGET (view), "reading.end", NULL);
  if (!pl_document_view_get_reading_line (view, &last_block, NULL, NULL))
    g_error ("No reading line after End");
  out->end_ms = until_in_sight (view, pl_document_view_get_block_widget (view, last_block),
                                start, deadline);

  /* The long part's last words, focused */
  out->last_words_ms = 0;
  for (guint i = 0; i < *n_blocks; i++)
    {
      PlLongText *long_text = pl_document_view_block_long_text (pl_document_view_get_block_widget (view, i));
      GtkWidget *last;

      if (long_text == NULL)
        continue;
      last = pl_long_text_get_label (long_text, pl_long_text_get_n_pieces (long_text) - 1);
      start = g_get_monotonic_time ();
      gtk_widget_grab_focus (last);
      out->last_words_ms = until_in_sight (view, last, start, deadline);
      break;
    }

  gtk_window_destroy (GTK_WINDOW (paint.window));
  pl_gui_test_run_frames (2);
}

static double
median_of (const Opening *runs,
           int            n,
           gsize          offset)
{
  g_autofree double *values = g_new (double, n);

  for (int i = 0; i < n; i++)
    values[i] = *(const double *) ((const char *) &runs[i] + offset);
  return pl_bench_median (values, n);
}

#define MEDIAN(runs, field) median_of ((runs), n_runs, G_STRUCT_OFFSET (Opening, field))

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— time a plan with a very long part");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *example_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *example_path = NULL;
  g_autofree char *text = NULL;
  g_autofree double *build = NULL;
  g_autofree double *spoken = NULL;
  g_autofree double *pdf = NULL;
  g_autofree Opening *example = NULL;
  g_autofree Opening *opening = NULL;
  g_autoptr(PlViewer) viewer = NULL;
  PlStore *store;
  gint64 person = 0, example_person = 0;
  guint n_words = 0, n_blocks = 0, n_example_blocks = 0, n_pages = 0;
  double open_ms;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  n_runs = MAX (n_runs, 1);
  pl_gui_test_init (&argc, &argv);

  /* The example as shipped, to compare with */
  example_dir = pl_test_make_dir ("bench-long-text-example");
  store = pl_test_open_store (example_dir, &example_path);
  if (!pl_demo_install (store, &example_person, &error))
    g_error ("%s", error->message);
  pl_store_unref (store);

  dir = pl_test_make_dir ("bench-long-text");
  store = pl_test_open_store (dir, &path);
  if (!pl_demo_install (store, &person, &error))
    g_error ("%s", error->message);
  text = long_text ((gsize) (MAX (megabytes, 0.001) * 1000 * 1000), &n_words);
  set_life_story (store, person, text);
  viewer = pl_access_open_person (store, person, NULL, &error);
  if (viewer == NULL)
    g_error ("%s", error->message);

  build = g_new (double, n_runs);
  spoken = g_new (double, n_runs);
  pdf = g_new (double, n_runs);
  example = g_new0 (Opening, n_runs);
  opening = g_new0 (Opening, n_runs);

  for (int r = 0; r < n_runs; r++)
    {
      g_autoptr(PlDocument) document = NULL;
      g_autofree char *words = NULL;
      gint64 start = g_get_monotonic_time ();

      document = pl_document_build_for (store, viewer, PL_DOCUMENT_PLAN, &error);
      if (document == NULL)
        g_error ("%s", error->message);
      build[r] = (g_get_monotonic_time () - start) / 1000.0;

      /* In turn, so a busy moment of the machine falls on both alike */
      time_open (example_path, example_person, &example[r], &n_example_blocks);
      time_open (path, person, &opening[r], &n_blocks);

      start = g_get_monotonic_time ();
      words = pl_speech_spoken_text (document, 0, pl_document_get_n_blocks (document));
      spoken[r] = (g_get_monotonic_time () - start) / 1000.0;

      pdf[r] = 0.0;
      if (!no_pdf)
        {
          g_autoptr(PlPrintOptions) options =
            pl_print_options_for_reader (NULL, document, "Dorothy May Whitaker");
          g_autoptr(PlPrintLayout) layout = NULL;
          g_autofree char *out = g_build_filename (dir, "long.pdf", NULL);

          start = g_get_monotonic_time ();
          if (!pl_print_save_pdf (document, options, out, NULL, NULL, NULL, &error))
            g_error ("%s", error->message);
          pdf[r] = (g_get_monotonic_time () - start) / 1000.0;
          layout = pl_print_layout_new (document, options, NULL, 0, 0);
          n_pages = pl_print_layout_paginate (layout);
        }
    }

  open_ms = MEDIAN (opening, open_ms);
  g_print ("A plan whose life story is %.1f MB (%u words, %s), %u blocks, against the\n"
           "example plan as shipped (%u blocks); medians of %d runs, wall time (CPU time)\n\n",
           strlen (text) / 1e6, n_words, paragraph_words > 0 ? "in paragraphs" : "one paragraph",
           n_blocks, n_example_blocks, n_runs);
  g_print ("%-46s %9.1f ms\n", "Building the document", pl_bench_median (build, n_runs));
  g_print ("%-46s %9.1f ms (%7.1f ms)\n", "Opening the example plan, to its first frame",
           MEDIAN (example, open_ms), MEDIAN (example, open_cpu_ms));
  g_print ("%-46s %9.1f ms (%7.1f ms)   %s\n", "Opening the long plan, to its first frame",
           open_ms, MEDIAN (opening, open_cpu_ms),
           open_ms <= TARGET_OPEN_MS ? "within target (1 s)" : "OVER TARGET (1 s)");
  g_print ("%-46s %9.1f ms\n", "  then End, to the plan's last line shown",
           MEDIAN (opening, end_ms));
  g_print ("%-46s %9.1f ms\n", "  then the part's last words, focused, shown",
           MEDIAN (opening, last_words_ms));
  g_print ("%-46s %9.1f ms\n", "The voice's words (pl_speech_spoken_text)",
           pl_bench_median (spoken, n_runs));
  if (!no_pdf)
    g_print ("%-46s %9.1f ms   %u pages\n", "PDF export, in the person's settings",
             pl_bench_median (pdf, n_runs), n_pages);

  {
    struct rusage usage;

    getrusage (RUSAGE_SELF, &usage);
    g_print ("%-46s %9.1f MB\n", "Peak memory of this process (ru_maxrss)", usage.ru_maxrss / 1024.0);
  }

  pl_store_unref (store);
  pl_test_remove_dir (dir);
  pl_test_remove_dir (example_dir);
  return EXIT_SUCCESS;
}
