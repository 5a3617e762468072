/* bench-speech.c: how soon Plainly starts speaking, and how fast it speaks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-speech [--runs N] [--pages N]
 *
 * On the example plan and on a 40-page plan (the example's text repeated to
 * about 40 pages of 500 words), prints the median time from asking to read
 * to the first audio reaching the output; the time to turn the whole example
 * plan into a WAV file against the `espeak-ng` command on the same text and
 * voice, as a ratio; and the peak memory (VmHWM) while reading the 40-page
 * plan from start to end; then, for a sample in each language Plainly is
 * translated into, the first audio and how fast its voice speaks. Never
 * fails on time.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "pl-demo.h"
#include "pl-document.h"
#include "pl-speech.h"
#include "pl-store.h"
#include "pl-bench-util.h"

#define TARGET_FIRST_AUDIO_MS 150.0
#define WORDS_A_PAGE 500
#define RATE 160

static int n_runs = 11;
static int n_pages = 40;

static const GOptionEntry entries[] = {
  { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Times each step is timed (11)", "N" },
  { "pages", 0, 0, G_OPTION_ARG_INT, &n_pages, "Pages in the long plan (40)", "N" },
  { NULL }
};

/* The peak resident memory of this process, in MB */
static double
peak_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtod (line + 6, NULL) / 1024.0 : 0;
}

static guint
count_words (PlDocument *document)
{
  guint n = 0;

  for (guint b = 0; b < pl_document_get_n_blocks (document); b++)
    {
      g_autoptr(GArray) words = pl_speech_split_words (pl_document_get_block (document, b)->text,
                                                       0, G_MAXUINT);
      n += words->len;
    }
  return n;
}

/* The example plan's blocks again and again, with fresh anchors */
static PlDocument *
long_plan (PlDocument *plan,
           guint       target_words)
{
  PlDocument *document = pl_document_new ("A long plan");
  guint words = 0;

  for (guint copy = 1; words < target_words; copy++)
    for (guint b = 0; b < pl_document_get_n_blocks (plan) && words < target_words; b++)
      {
        const PlBlock *block = pl_document_get_block (plan, b);
        g_autofree char *anchor = g_strdup_printf ("%s-copy-%u", block->anchor, copy);
        g_autoptr(GArray) split = pl_speech_split_words (block->text, 0, G_MAXUINT);

        if (block->kind == PL_BLOCK_LINK)
          continue;
        pl_document_add (document, block->kind, block->level, anchor, block->label, block->text);
        words += split->len;
      }
  return document;
}

static double
time_to_first_audio (PlSpeech   *speech,
                     PlDocument *document)
{
  double ms;

  pl_speech_speak (speech, document, 0, 0, PL_SPEECH_TO_END);
  while (pl_speech_get_first_audio_time (speech) == 0)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (100);
    }
  ms = (pl_speech_get_first_audio_time (speech) - pl_speech_get_request_time (speech)) / 1000.0;
  pl_speech_stop (speech);
  /* Let the stopped reading's thread end before the next */
  g_usleep (20000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return ms;
}

/* The same few sentences in each language Plainly is translated into, as
 * a coordinator would write them: a phone number, a time, money, a name */
static const struct {
  const char *language;
  const char *text;
} language_samples[] = {
  { "en-GB", "Sam will ring you on 0161 496 0512 before the visit at half past eight. "
             "Your lunch costs £4.50 a day. Please call me Dot." },
  { "cy", "Bydd Sam yn eich ffonio ar 0161 496 0512 cyn yr ymweliad am hanner awr wedi wyth. "
          "Mae eich cinio yn costio £4.50 y dydd. Galwch fi’n Dot." },
  { "pl", "Sam zadzwoni do Pani pod numer 0161 496 0512 przed wizytą o wpół do dziewiątej. "
          "Obiad kosztuje 4,50 funta dziennie. Proszę mówić do mnie Krystyna." },
  { "ro", "Sam vă va suna la 0161 496 0512 înainte de vizita de la opt și jumătate. "
          "Prânzul costă 4,50 lire pe zi. Vă rog să-mi spuneți Ana." },
  { "pa", "ਸੈਮ ਤੁਹਾਨੂੰ ਮੁਲਾਕਾਤ ਤੋਂ ਪਹਿਲਾਂ 0161 496 0512 ’ਤੇ ਫ਼ੋਨ ਕਰੇਗਾ। "
          "ਤੁਹਾਡਾ ਦੁਪਹਿਰ ਦਾ ਖਾਣਾ ਰੋਜ਼ £4.50 ਦਾ ਹੈ। ਮੈਨੂੰ ਗੁਰਪ੍ਰੀਤ ਕਹੋ।" },
  { "ur", "سیم ملاقات سے پہلے آپ کو ۰۱۶۱ ۴۹۶ ۰۵۱۲ پر فون کرے گا۔ "
          "آپ کا دوپہر کا کھانا روزانہ £4.50 کا ہے۔ مجھے فاطمہ کہیں۔" },
};

/* First audio and speed for each language's sample, read in its own voice */
static void
bench_languages (PlSpeech *speech)
{
  g_print ("  each language's sample, read in its voice (median of %d):\n", n_runs);
  for (guint i = 0; i < G_N_ELEMENTS (language_samples); i++)
    {
      g_autoptr(PlDocument) document = pl_document_new ("Sample");
      g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) render = g_array_new (FALSE, FALSE, sizeof (double));
      double audio_s = 0;

      pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, "sample", NULL, language_samples[i].text);
      pl_document_set_language (document, language_samples[i].language);
      pl_speech_set_language (speech, language_samples[i].language);
      /* The first time starts the language's voice: not counted */
      time_to_first_audio (speech, document);
      for (int run = 0; run < n_runs; run++)
        {
          g_autoptr(GArray) pcm = NULL;
          g_autoptr(GError) error = NULL;
          double ms = time_to_first_audio (speech, document);
          gint64 start = g_get_monotonic_time ();
          double seconds;

          g_array_append_val (first, ms);
          pcm = pl_speech_render (speech, document, 0, PL_SPEECH_TO_END, NULL, NULL, &error);
          g_assert_no_error (error);
          seconds = (g_get_monotonic_time () - start) / 1e6;
          g_array_append_val (render, seconds);
          audio_s = (double) pcm->len / pl_speech_get_sample_rate ();
        }
      g_print ("    %-6s first audio %6.1f ms (target %.0f ms), %4.1f s of speech made at %3.0f× real time\n",
               language_samples[i].language, pl_bench_median_array (first), TARGET_FIRST_AUDIO_MS,
               audio_s, audio_s / MAX (pl_bench_median_array (render), 1e-6));
    }
  pl_speech_set_language (speech, "en-GB");
}

static void
finished_cb (PlSpeech *speech,
             gboolean *done)
{
  *done = TRUE;
}

static double
save_seconds (PlSpeech   *speech,
              PlDocument *document,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!pl_speech_save_audio (speech, document, 0, PL_SPEECH_TO_END, path, NULL, NULL, NULL,
                           NULL, &error))
    g_error ("Could not save: %s", error->message);
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
command_seconds (const char *text_path,
                 const char *wav_path)
{
  g_autofree char *rate = g_strdup_printf ("%d", RATE);
  const char *argv[] = { "espeak-ng", "-v", "en-gb", "-s", rate, "-w", wav_path, "-f", text_path, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;
  gint64 start = g_get_monotonic_time ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                     G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    return -1;
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *wav = NULL;
  g_autofree char *command_wav = NULL;
  g_autofree char *text_path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlDocument) plan = NULL;
  g_autoptr(PlDocument) long_document = NULL;
  g_autoptr(PlSpeech) speech = NULL;
  g_autoptr(GArray) first_plan = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first_long = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) theirs = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 person_id = 0;
  double cold_ms, before_mb, after_mb, read_s, audio_s;
  gboolean done = FALSE;
  gint64 start;
  g_autoptr(GArray) pcm = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  n_runs = MAX (n_runs, 1);

  dir = g_dir_make_tmp ("plainly-bench-speech-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "plainly.db", NULL);
  wav = g_build_filename (dir, "plan.wav", NULL);
  command_wav = g_build_filename (dir, "command.wav", NULL);
  text_path = g_build_filename (dir, "plan.txt", NULL);

  store = pl_store_open (db, PL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  if (!pl_demo_install (store, &person_id, &error))
    g_error ("%s", error->message);
  plan = pl_document_build_plan (store, person_id, &error);
  g_assert_no_error (error);
  long_document = long_plan (plan, (guint) n_pages * WORDS_A_PAGE);

  speech = pl_speech_new ();
  pl_speech_set_language (speech, "en-GB");
  pl_speech_set_rate (speech, RATE);
  /* No sound device is needed: a paced output plays as a speaker would */
  pl_speech_set_output (speech, PL_SPEECH_OUTPUT_NULL, 1.0);

  g_print ("Speech: the example plan has %u words, the long plan %u (%d pages of %d)\n",
           count_words (plan), count_words (long_document), n_pages, WORDS_A_PAGE);

  /* The very first request starts espeak-ng too */
  cold_ms = time_to_first_audio (speech, plan);

  /* Memory: the long plan read from start to end, as fast as it goes */
  before_mb = peak_mb ();
  pl_speech_set_output (speech, PL_SPEECH_OUTPUT_NULL, 0);
  g_signal_connect (speech, "finished", G_CALLBACK (finished_cb), &done);
  start = g_get_monotonic_time ();
  pl_speech_speak (speech, long_document, 0, 0, PL_SPEECH_TO_END);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  read_s = (g_get_monotonic_time () - start) / 1e6;
  after_mb = peak_mb ();
  pl_speech_set_output (speech, PL_SPEECH_OUTPUT_NULL, 1.0);

  for (int run = 0; run < n_runs; run++)
    {
      double ms = time_to_first_audio (speech, plan);

      g_array_append_val (first_plan, ms);
      ms = time_to_first_audio (speech, long_document);
      g_array_append_val (first_long, ms);
    }

  /* The same text and voice through the espeak-ng command */
  text = pl_document_to_text (plan);
  g_assert_true (g_file_set_contents (text_path, text, -1, NULL));
  for (int run = 0; run < MAX (n_runs / 2, 3); run++)
    {
      double s = save_seconds (speech, plan, wav);
      double c = command_seconds (text_path, command_wav);

      g_array_append_val (ours, s);
      if (c >= 0)
        g_array_append_val (theirs, c);
    }
  pcm = pl_speech_render (speech, plan, 0, PL_SPEECH_TO_END, NULL, NULL, &error);
  g_assert_no_error (error);
  audio_s = (double) pcm->len / pl_speech_get_sample_rate ();

  g_print ("  first audio, example plan (median of %d)    %8.1f ms   (target %.0f ms)\n",
           n_runs, pl_bench_median_array (first_plan), TARGET_FIRST_AUDIO_MS);
  g_print ("  first audio, %d-page plan (median of %d)    %8.1f ms   (target %.0f ms)\n",
           n_pages, n_runs, pl_bench_median_array (first_long), TARGET_FIRST_AUDIO_MS);
  g_print ("  first audio, first request (starts espeak) %8.1f ms\n", cold_ms);
  g_print ("  example plan to WAV: Plainly               %8.3f s for %.0f s of speech (%.0f× real time)\n",
           pl_bench_median_array (ours), audio_s, audio_s / pl_bench_median_array (ours));
  if (theirs->len > 0)
    g_print ("  example plan to WAV: espeak-ng command     %8.3f s; Plainly takes %.2f× its time\n",
             pl_bench_median_array (theirs),
             pl_bench_median_array (ours) / pl_bench_median_array (theirs));
  else
    g_print ("  example plan to WAV: espeak-ng command     not found\n");
  g_print ("  reading the %d-page plan to the end        %8.1f s\n", n_pages, read_s);
  bench_languages (speech);
  g_print ("  peak memory (VmHWM) before / after reading %8.1f / %.1f MB\n", before_mb, after_mb);

  g_clear_object (&speech);
  g_clear_pointer (&store, pl_store_unref);
  g_unlink (wav);
  g_unlink (command_wav);
  g_unlink (text_path);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);

        g_unlink (child);
      }
  }
  g_rmdir (dir);
  return 0;
}
