/* bench-braille.c: how fast, and in how much memory, Plainly writes braille
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-braille [--runs N] [--keep DIR]
 *
 * Writes the example plan, as the person reads it, to BRF in contracted
 * and uncontracted UEB (40 cells by 25 lines) through pl_braille_save (),
 * as "Save braille copy" and `plainly-cli export --format brf` do. The
 * first copy is timed alone, as it includes liblouis reading its tables;
 * then the median of --runs (5). Peak memory is the process's largest
 * resident size (getrusage) before the first copy and after the last.
 * The target: under 0.5 s for a copy. Never fails on time.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "pl-access.h"
#include "pl-braille.h"
#include "pl-demo.h"
#include "pl-document.h"
#include "pl-store.h"
#include "pl-bench-util.h"

#define TARGET_SECONDS 0.5

static int n_runs = 5;
static char *keep_dir = NULL;

static const GOptionEntry entries[] = {
  { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Times each copy is timed after the first (5)", "N" },
  { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep_dir, "Keep the files made in this folder", "DIR" },
  { NULL }
};

/* The process's largest resident size so far, in MiB */
static double
peak_mib (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  return usage.ru_maxrss / 1024.0;  /* Linux counts kilobytes */
}

static double
save_once (PlDocument             *document,
           const PlBrailleOptions *options,
           const char             *path)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!pl_braille_save (document, options, path, &error))
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - start) / 1e6;
}

static guint
count_pages (const char *path,
             gsize      *size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *brf = NULL;
  guint pages = 1;

  if (!g_file_get_contents (path, &brf, size, &error))
    g_error ("%s", error->message);
  for (const char *p = brf; *p != '\0'; p++)
    pages += *p == '\f';
  return pages;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlViewer) viewer = NULL;
  g_autoptr(PlDocument) plan = NULL;
  gint64 person_id = 0;
  double before, worst = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  n_runs = MAX (n_runs, 1);

  if (keep_dir != NULL)
    {
      g_mkdir_with_parents (keep_dir, 0700);
      dir = g_strdup (keep_dir);
    }
  else
    dir = g_dir_make_tmp ("plainly-bench-braille-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "bench.db", NULL);
  g_unlink (db);
  store = pl_store_open (db, PL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  if (!pl_demo_install (store, &person_id, &error))
    g_error ("%s", error->message);
  /* As the person reads it: the one way a document is made */
  viewer = pl_access_open_person (store, person_id, NULL, &error);
  g_assert_no_error (error);
  plan = pl_document_build_for (store, viewer, PL_DOCUMENT_PLAN, &error);
  g_assert_no_error (error);

  before = peak_mib ();
  g_print ("The example plan as BRF, 40 cells by 25 lines; median of %d runs after the first\n",
           n_runs);

  for (int grade = 2; grade >= 1; grade--)
    {
      g_autoptr(PlBrailleOptions) options = pl_braille_options_new ();
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *name = g_strdup_printf ("plan-grade-%d.brf", grade);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      double first, typical;
      gsize size = 0;
      guint pages;

      options->grade = grade;
      first = save_once (plan, options, path);
      for (int run = 0; run < n_runs; run++)
        {
          double seconds = save_once (plan, options, path);

          g_array_append_val (times, seconds);
        }
      typical = pl_bench_median_array (times);
      worst = MAX (worst, MAX (first, typical));
      pages = count_pages (path, &size);

      g_print ("\ngrade %d (%s): %u braille pages, %" G_GSIZE_FORMAT " bytes\n", grade,
               grade == 2 ? "contracted" : "uncontracted", pages, size);
      g_print ("  first copy:  %8.3f s  (with any tables liblouis reads first)\n", first);
      g_print ("  each after:  %8.3f s  (%.2f ms a page)\n", typical, typical * 1000.0 / MAX (pages, 1));
      if (keep_dir == NULL)
        g_unlink (path);
    }

  g_print ("\npeak memory: %.1f MiB before the first copy, %.1f MiB after (%.1f MiB more)\n",
           before, peak_mib (), peak_mib () - before);
  g_print ("target: under %.1f s a copy; slowest here %.3f s (%s)\n", TARGET_SECONDS, worst,
           worst < TARGET_SECONDS ? "met" : "not met");

  g_clear_pointer (&store, pl_store_unref);
  if (keep_dir == NULL)
    {
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);

      g_unlink (db);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  return EXIT_SUCCESS;
}
