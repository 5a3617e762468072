/* bench-epub.c: a talking book against the MP3 of the same words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-epub [--runs N] [--keep DIR]
 *
 * Writes the example plan, as the person reads it in their own voice
 * settings, as an MP3 (pl_speech_save_audio (), as "Save as audio" and
 * `plainly-cli speak` do) and as a talking book (pl_epub_save (), as
 * `plainly-cli export --format epub` does), --runs times each (1),
 * alternately. Each is made in a process of its own, so its peak memory
 * and processor time (getrusage) are its own; on a busy machine the
 * processor time moves less than the time on the clock. The target: the book in under the MP3's time
 * plus 20 %. Never fails on time.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "pl-access.h"
#include "pl-demo.h"
#include "pl-document.h"
#include "pl-epub.h"
#include "pl-model.h"
#include "pl-speech.h"
#include "pl-store.h"

#define TARGET_RATIO 1.2

static int n_runs = 1;
static char *keep_dir = NULL;
static char *only = NULL;
static char *database = NULL;

static const GOptionEntry entries[] = {
  { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Times each file is made (1)", "N" },
  { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep_dir, "Keep the files made in this folder", "DIR" },
  { "only", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &only, NULL, NULL },
  { "db", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &database, NULL, NULL },
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

/* Seconds of processor time so far, this thread's and its workers' */
static double
cpu_seconds (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* In a process of its own: makes one file and prints its time and memory */
static int
make_one (const char *format,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlViewer) viewer = NULL;
  g_autoptr(PlDocument) plan = NULL;
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(PlSettings) settings = NULL;
  g_autoptr(PlSpeech) speech = NULL;
  g_autoptr(GPtrArray) people = NULL;
  double before, cpu;
  gint64 start;
  gboolean ok;

  store = pl_store_open (database, PL_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  people = pl_store_list_people (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, >, 0);
  person = pl_store_load_person (store, ((PlPerson *) g_ptr_array_index (people, 0))->id, &error);
  g_assert_no_error (error);
  /* As the person reads it: the one way a document is made */
  viewer = pl_access_open_person (store, person->id, NULL, &error);
  g_assert_no_error (error);
  plan = pl_document_build_for (store, viewer, PL_DOCUMENT_PLAN, &error);
  g_assert_no_error (error);
  settings = pl_store_get_settings (store, person->id, &error);
  g_assert_no_error (error);
  speech = pl_speech_new ();
  pl_speech_set_language (speech, person->preferred_language);
  pl_speech_apply_settings (speech, settings);
  if (pl_speech_get_sample_rate () == 0)
    g_error ("espeak-ng cannot start here");

  before = peak_mib ();
  cpu = cpu_seconds ();
  start = g_get_monotonic_time ();
  if (g_str_equal (format, "epub"))
    {
      g_autoptr(PlEpubOptions) options = pl_epub_options_for_reader (settings, person, plan);

      ok = pl_epub_save (plan, options, speech, path, NULL, NULL, NULL, &error);
    }
  else
    ok = pl_speech_save_audio (speech, plan, 0, PL_SPEECH_TO_END, path, NULL, NULL, NULL, NULL,
                               &error);
  if (!ok)
    g_error ("%s", error->message);
  g_print ("%.3f %.3f %.1f %.1f\n", (g_get_monotonic_time () - start) / 1e6, cpu_seconds () - cpu,
           before, peak_mib ());
  return EXIT_SUCCESS;
}

typedef struct
{
  double seconds;
  double cpu;
  double before_mib;
  double peak_mib;
  goffset size;
} Result;

static Result
run_child (const char *self,
           const char *format,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *only_arg = g_strdup_printf ("--only=%s", format);
  g_autofree char *db_arg = g_strdup_printf ("--db=%s", database);
  const char *argv[] = { self, only_arg, db_arg, path, NULL };
  int status = 0;
  Result result = { 0 };
  GStatBuf st;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", format, error->message);
  if (sscanf (out, "%lf %lf %lf %lf", &result.seconds, &result.cpu, &result.before_mib,
              &result.peak_mib) != 4)
    g_error ("%s said: %s", format, out);
  if (g_stat (path, &st) == 0)
    result.size = st.st_size;
  return result;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *self = NULL;
  g_autofree char *mp3 = NULL;
  g_autofree char *epub = NULL;
  g_autoptr(GArray) mp3_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) epub_times = g_array_new (FALSE, FALSE, sizeof (double));
  Result mp3_result = { 0 }, epub_result = { 0 };
  double mp3_best = G_MAXDOUBLE, epub_best = G_MAXDOUBLE;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (only != NULL)
    return argc == 2 ? make_one (only, argv[1]) : 2;
  n_runs = MAX (n_runs, 1);

  if (keep_dir != NULL)
    {
      g_mkdir_with_parents (keep_dir, 0700);
      dir = g_strdup (keep_dir);
    }
  else
    dir = g_dir_make_tmp ("plainly-bench-epub-XXXXXX", &error);
  g_assert_no_error (error);
  database = g_build_filename (dir, "bench.db", NULL);
  g_unlink (database);
  {
    g_autoptr(PlStore) store = pl_store_open (database, PL_STORE_OPEN_DEFAULT, &error);
    gint64 person_id = 0;

    g_assert_no_error (error);
    if (!pl_demo_install (store, &person_id, &error))
      g_error ("%s", error->message);
  }

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);
  mp3 = g_build_filename (dir, "plan.mp3", NULL);
  epub = g_build_filename (dir, "plan.epub", NULL);

  g_print ("The example plan in the person's voice settings, as MP3 and as a talking book "
           "(EPUB 3 with narration); %d run%s each, alternately, each in its own process\n\n",
           n_runs, n_runs == 1 ? "" : "s");
  for (int run = 0; run < n_runs; run++)
    {
      mp3_result = run_child (self, "mp3", mp3);
      epub_result = run_child (self, "epub", epub);
      g_array_append_val (mp3_times, mp3_result.seconds);
      g_array_append_val (epub_times, epub_result.seconds);
      mp3_best = MIN (mp3_best, mp3_result.seconds);
      epub_best = MIN (epub_best, epub_result.seconds);
      g_print ("run %d: MP3 %.2f s (%.2f s of processor), EPUB %.2f s (%.2f s of processor)\n",
               run + 1, mp3_result.seconds, mp3_result.cpu, epub_result.seconds, epub_result.cpu);
    }

  g_print ("\nMP3:  %8.2f s at best, %6.1f MiB at peak (%.1f MiB before it), %.1f MB\n",
           mp3_best, mp3_result.peak_mib, mp3_result.before_mib, mp3_result.size / 1e6);
  g_print ("EPUB: %8.2f s at best, %6.1f MiB at peak (%.1f MiB before it), %.1f MB\n",
           epub_best, epub_result.peak_mib, epub_result.before_mib, epub_result.size / 1e6);
  g_print ("target: the book under the MP3's time plus %.0f %% (%.2f s); here %.0f %% of it (%s)\n",
           (TARGET_RATIO - 1) * 100, mp3_best * TARGET_RATIO, 100 * epub_best / mp3_best,
           epub_best < mp3_best * TARGET_RATIO ? "met" : "not met");

  if (keep_dir == NULL)
    {
      g_autofree char *wal = g_strconcat (database, "-wal", NULL);
      g_autofree char *shm = g_strconcat (database, "-shm", NULL);

      g_unlink (mp3);
      g_unlink (epub);
      g_unlink (database);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  return EXIT_SUCCESS;
}
