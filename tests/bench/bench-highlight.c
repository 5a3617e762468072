/* bench-highlight.c: how closely the highlighted word follows the voice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-highlight [--seconds N] [--rate WPM]
 *
 * Reads the start of the example plan aloud to a real sound server (a
 * private PulseAudio with a null sink, which plays at a speaker's pace) and
 * listens to what the sink played. Each word's sound is found in what was
 * heard, sample for sample, which says when the word was played; that is
 * compared with when Plainly announced the word for highlighting. Prints
 * the lag of every word found as a median, a 5th to 95th percentile and
 * the largest either way. Never fails on time.
 *
 * espeak-ng does not make quite the same sound for a sentence every time
 * (it carries a little from one sentence to the next), so a word is found
 * by the shape of its first sound, within an eighth of a second of where
 * the last one was heard; a word whose sound came out too different is left
 * out of the figures.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pl-demo.h"
#include "pl-document.h"
#include "pl-sound-server.h"
#include "pl-speech.h"
#include "pl-store.h"
#include "pl-test-util.h"
#include "pl-bench-util.h"

#define TARGET_MS 100.0
/* Sound compared to find a word in what was heard: 20 ms at 22,050 Hz,
 * and how alike it must be */
#define MATCH_SAMPLES 441
#define MATCH_CORRELATION 0.9

static int n_seconds = 90;
static int words_a_minute = 160;

static const GOptionEntry entries[] = {
  { "seconds", 0, 0, G_OPTION_ARG_INT, &n_seconds, "Seconds of the plan to read (90)", "N" },
  { "rate", 0, 0, G_OPTION_ARG_INT, &words_a_minute, "Words a minute (160)", "WPM" },
  { NULL }
};

typedef struct
{
  guint  block;
  guint  start;
  gint64 time;
} Shown;

typedef struct
{
  GArray   *shown;   /* (element-type Shown) */
  gboolean  done;
  GError   *error;
} Reading;

static void
word_cb (PlSpeech *speech,
         guint     block,
         guint     start,
         guint     end,
         Reading  *reading)
{
  Shown shown = { block, start, g_get_monotonic_time () };

  g_array_append_val (reading->shown, shown);
}

static void
finished_cb (PlSpeech *speech,
             Reading  *reading)
{
  reading->done = TRUE;
}

static void
error_cb (PlSpeech     *speech,
          const GError *error,
          Reading      *reading)
{
  reading->error = g_error_copy (error);
  reading->done = TRUE;
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint i;

  if (sorted->len == 0)
    return 0;
  i = (guint) (p * (sorted->len - 1) + 0.5);
  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}

/* Where the sound from rendered sample `at` on was first heard exactly,
 * sample for sample: the anchor for the rest; -1 if nowhere */
static gint64
find_exactly (GArray *rendered,
              guint64 at,
              GArray *heard)
{
  const gint16 *r = (const gint16 *) rendered->data;
  const gint16 *h = (const gint16 *) heard->data;
  guint64 s = at;

  while (s < rendered->len && ABS (r[s]) < 64)
    s++;
  if (s + MATCH_SAMPLES > rendered->len)
    return -1;
  for (guint64 i = s - at; i + MATCH_SAMPLES <= heard->len; i++)
    if (h[i] == r[s] && memcmp (h + i, r + s, MATCH_SAMPLES * sizeof (gint16)) == 0)
      return (gint64) (i - (s - at));
  return -1;
}

/* Where rendered sample `at` was heard: the best match, by normalised
 * correlation, of the sound just after it within `window` samples of where
 * it is expected; -1 if nothing there is alike enough */
static gint64
find_in_heard (GArray *rendered,
               guint64 at,
               GArray *heard,
               gint64  expected,
               gint64  window)
{
  const gint16 *r = (const gint16 *) rendered->data;
  const gint16 *h = (const gint16 *) heard->data;
  guint64 s = at;
  double rr = 0, best = 0;
  gint64 best_at = -1;

  /* From the word's first sound, not the silence before it */
  while (s < rendered->len && ABS (r[s]) < 64)
    s++;
  if (s + MATCH_SAMPLES > rendered->len)
    return -1;
  for (guint k = 0; k < MATCH_SAMPLES; k++)
    rr += (double) r[s + k] * r[s + k];

  for (gint64 i = MAX (expected - window, 0) + (gint64) (s - at);
       i <= expected + window + (gint64) (s - at) && i + MATCH_SAMPLES <= (gint64) heard->len; i++)
    {
      double rh = 0, hh = 0, c;

      for (guint k = 0; k < MATCH_SAMPLES; k++)
        {
          rh += (double) r[s + k] * h[i + k];
          hh += (double) h[i + k] * h[i + k];
        }
      if (hh <= 0)
        continue;
      c = rh / sqrt (rr * hh);
      if (c > best)
        {
          best = c;
          best_at = i - (gint64) (s - at);
        }
    }
  return best >= MATCH_CORRELATION ? best_at : -1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlDocument) plan = NULL;
  g_autoptr(PlSpeech) speech = NULL;
  g_autoptr(PlSoundServer) server = NULL;
  g_autoptr(GArray) rendered = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GArray) heard = NULL;
  g_autoptr(GArray) lags = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (double));
  Reading reading = { g_array_new (FALSE, FALSE, sizeof (Shown)), FALSE, NULL };
  gint64 person_id = 0, heard_start = 0, offset = 0;
  gint64 first_sound = -1, requested;
  guint rate, end_block, n_found = 0;
  gboolean first = TRUE;
  double within = 0;

  pl_sound_server_init ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  rate = pl_speech_get_sample_rate ();
  if (rate == 0)
    g_error ("espeak-ng does not start");
  server = pl_sound_server_start (rate, NULL, &error);
  if (server == NULL)
    {
      g_print ("Highlight: not measured: %s\n", error->message);
      return 0;
    }

  dir = pl_test_make_dir ("plainly-bench-highlight");
  store = pl_test_open_store (dir, NULL);
  if (!pl_demo_install (store, &person_id, &error))
    g_error ("%s", error->message);
  plan = pl_document_build_plan (store, person_id, &error);
  g_assert_no_error (error);

  speech = pl_speech_new ();
  pl_speech_set_language (speech, "en-GB");
  pl_speech_set_rate (speech, words_a_minute);

  /* Enough of the plan for the seconds asked for */
  for (end_block = 1; end_block <= pl_document_get_n_blocks (plan); end_block++)
    {
      g_clear_pointer (&rendered, g_array_unref);
      g_clear_pointer (&words, g_ptr_array_unref);
      rendered = pl_speech_render (speech, plan, 0, end_block, &words, NULL, &error);
      g_assert_no_error (error);
      if (rendered->len >= (guint64) n_seconds * rate)
        break;
      end_block += end_block / 4;
    }
  end_block = MIN (end_block, pl_document_get_n_blocks (plan));

  g_signal_connect (speech, "word", G_CALLBACK (word_cb), &reading);
  g_signal_connect (speech, "finished", G_CALLBACK (finished_cb), &reading);
  g_signal_connect (speech, "error", G_CALLBACK (error_cb), &reading);

  if (!pl_sound_server_listen (server, &error))
    g_error ("%s", error->message);
  /* An idle null sink plays its silence in blocks of up to two seconds and
   * takes the ear's small blocks only after the one under way: let it
   * settle, so the ear hears the first sound when it is played */
  g_usleep (3 * G_USEC_PER_SEC);
  pl_speech_set_output (speech, PL_SPEECH_OUTPUT_SPEAKER, 1.0);
  requested = g_get_monotonic_time ();
  pl_speech_speak (speech, plan, 0, 0, end_block);
  while (!reading.done)
    g_main_context_iteration (NULL, TRUE);
  g_usleep (300000);
  heard = pl_sound_server_stop_listening (server, &heard_start);
  for (guint i = 0; i < heard->len && first_sound < 0; i++)
    if (g_array_index (heard, gint16, i) != 0)
      first_sound = i;
  if (reading.error != NULL)
    g_error ("Reading failed: %s", reading.error->message);
  if (reading.shown->len != words->len)
    g_error ("%u words shown, %u spoken", reading.shown->len, words->len);

  for (guint w = 0; w < words->len; w++)
    {
      const PlSpeechWord *word = g_ptr_array_index (words, w);
      const Shown *shown = &g_array_index (reading.shown, Shown, w);
      gint64 at;
      double lag;

      if (shown->block != word->block || shown->start != word->start)
        g_error ("Word %u was shown out of order", w);

      /* Near where the last word says it should be, or anywhere for the
       * first word */
      if (first)
        at = find_exactly (rendered, word->sample, heard);
      else
        at = find_in_heard (rendered, word->sample, heard, (gint64) word->sample + offset,
                            rate / 8);
      if (at < 0)
        continue;
      offset = at - (gint64) word->sample;
      first = FALSE;

      lag = (double) (shown->time - (heard_start + at * G_USEC_PER_SEC / (gint64) rate)) / 1000.0;
      g_array_append_val (lags, lag);
      lag = ABS (lag);
      g_array_append_val (sizes, lag);
      if (lag <= TARGET_MS)
        within++;
      n_found++;
    }

  if (n_found == 0)
    g_error ("No word's sound was found in what the sink played");

  pl_bench_sort_array (lags);
  pl_bench_sort_array (sizes);
  g_print ("Highlight against the voice (%.0f s of the example plan, %u words, %d words a minute,\n"
           "a PulseAudio null sink; positive: the highlight comes after the word is heard):\n",
           (double) rendered->len / rate, words->len, words_a_minute);
  g_print ("  words found in what was played  %u of %u\n", n_found, words->len);
  if (first_sound >= 0)
    g_print ("  first sound heard, from asking   %.1f ms (target: 150 ms)\n",
             (double) (heard_start + first_sound * G_USEC_PER_SEC / (gint64) rate -
                       requested) / 1000.0);
  g_print ("  lag, median                     %+.1f ms\n", percentile (lags, 0.5));
  g_print ("  lag, 5th to 95th percentile     %+.1f to %+.1f ms\n",
           percentile (lags, 0.05), percentile (lags, 0.95));
  g_print ("  largest lag either way          %.1f ms (target: %.0f ms)\n",
           percentile (sizes, 1.0), TARGET_MS);
  g_print ("  words within %.0f ms             %.1f%%\n", TARGET_MS, 100.0 * within / n_found);

  g_array_unref (reading.shown);
  pl_test_remove_dir (dir);
  return 0;
}
