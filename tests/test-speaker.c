/* test-speaker.c: reading aloud to a real sound server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A private PulseAudio with a null sink stands in for the speaker: the test
 * listens to what it played, pauses and resumes against it, and takes it
 * away in the middle of a sentence.
 */

#include "config.h"

#include <string.h>

#include "pl-document.h"
#include "pl-sound-server.h"
#include "pl-speech.h"
#include "pl-test-util.h"

typedef struct
{
  guint block;
  guint start;
} WordAt;

typedef struct
{
  GArray   *shown;      /* (element-type guint) each word's place in the reading */
  GArray   *words;      /* (element-type WordAt) every word, in order */
  gboolean  finished;
  GError   *error;
  guint     words_while_paused;
} Watch;

static void
word_cb (PlSpeech *speech,
         guint     block,
         guint     start,
         guint     end,
         Watch    *watch)
{
  if (pl_speech_get_state (speech) == PL_SPEECH_STATE_PAUSED)
    watch->words_while_paused++;

  for (guint i = 0; i < watch->words->len; i++)
    {
      const WordAt *word = &g_array_index (watch->words, WordAt, i);

      if (word->block == block && word->start == start)
        {
          g_array_append_val (watch->shown, i);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
finished_cb (PlSpeech *speech,
             Watch    *watch)
{
  watch->finished = TRUE;
}

static void
error_cb (PlSpeech     *speech,
          const GError *error,
          Watch        *watch)
{
  g_clear_error (&watch->error);
  watch->error = g_error_copy (error);
}

static PlDocument *
make_document (void)
{
  PlDocument *document = pl_document_new ("About me");

  pl_document_add (document, PL_BLOCK_HEADING, 1, "me", NULL, "About me");
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, "morning", NULL,
                   "I like to get up at 8am. I have tea with two sugars, and toast with "
                   "marmalade. Then I read the paper by the window.");
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, "afternoon", NULL,
                   "In the afternoon my daughter Jo rings me. On Fridays we go to the café "
                   "and I pay £3.50 for a scone.");
  return document;
}

/* Every word of the document in order, as (block, start) */
static void
watch_init (Watch      *watch,
            PlSpeech   *speech,
            PlDocument *document)
{
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GArray) pcm = NULL;
  g_autoptr(GError) error = NULL;

  memset (watch, 0, sizeof *watch);
  watch->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  watch->words = g_array_new (FALSE, FALSE, sizeof (WordAt));

  pcm = pl_speech_render (speech, document, 0, PL_SPEECH_TO_END, &words, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < words->len; i++)
    {
      const PlSpeechWord *word = g_ptr_array_index (words, i);
      WordAt at = { word->block, word->start };

      g_array_append_val (watch->words, at);
    }

  g_signal_connect (speech, "word", G_CALLBACK (word_cb), watch);
  g_signal_connect (speech, "finished", G_CALLBACK (finished_cb), watch);
  g_signal_connect (speech, "error", G_CALLBACK (error_cb), watch);
}

static void
watch_clear (Watch    *watch,
             PlSpeech *speech)
{
  g_signal_handlers_disconnect_by_data (speech, watch);
  g_array_unref (watch->shown);
  g_array_unref (watch->words);
  g_clear_error (&watch->error);
}

/* Runs the main loop until the reading ends, or a minute has passed */
static void
run_to_end (Watch *watch)
{
  gint64 give_up = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!watch->finished && watch->error == NULL && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
}

static void
run_for_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

/* A speaker of the test's own; NULL, and the test skipped, without one */
static PlSoundServer *
start_server_with_sink (const char *sink_name)
{
  g_autoptr(GError) error = NULL;
  PlSoundServer *server;
  guint rate = pl_speech_get_sample_rate ();

  g_assert_cmpuint (rate, >, 0);
  server = pl_sound_server_start (rate, sink_name, &error);
  if (server == NULL)
    {
      g_autofree char *why = g_strdup_printf ("No sound server: %s", error->message);

      g_test_skip (why);
    }
  return server;
}

static PlSoundServer *
start_server (void)
{
  return start_server_with_sink (NULL);
}

static void
test_plays (void)
{
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(PlDocument) document = make_document ();
  g_autoptr(GArray) heard = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlSoundServer) server = start_server ();
  Watch watch;

  if (server == NULL)
    return;

  g_assert_true (pl_speech_check_audio_device (&error));
  g_assert_no_error (error);

  /* It plays in real time: brisk, to keep the test short */
  pl_speech_set_rate (speech, 300);
  watch_init (&watch, speech, document);
  g_assert_true (pl_sound_server_listen (server, &error));
  g_assert_no_error (error);
  pl_speech_speak (speech, document, 0, 0, PL_SPEECH_TO_END);
  run_to_end (&watch);
  heard = pl_sound_server_stop_listening (server, NULL);

  g_assert_no_error (watch.error);
  g_assert_true (watch.finished);
  g_assert_cmpuint (pl_speech_get_state (speech), ==, PL_SPEECH_STATE_IDLE);

  /* Every word shown once, in order */
  g_assert_cmpuint (watch.shown->len, ==, watch.words->len);
  for (guint i = 0; i < watch.shown->len; i++)
    g_assert_cmpuint (g_array_index (watch.shown, guint, i), ==, i);

  /* And the speaker played a voice, not silence: the whole reading has
   * finished playing before "finished", so all of it was heard */
  g_assert_cmpfloat (pl_test_rms (heard), >, 0.01);
  watch_clear (&watch, speech);
}

static void
test_pause_resume (void)
{
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(PlDocument) document = make_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PlSoundServer) server = start_server ();
  Watch watch;
  guint at_pause;

  if (server == NULL)
    return;

  /* Fast, so that the next word is already on its way to the speaker when
   * the pause comes */
  pl_speech_set_rate (speech, 350);
  watch_init (&watch, speech, document);
  pl_speech_speak (speech, document, 0, 0, PL_SPEECH_TO_END);
  while (watch.shown->len < 8 && watch.error == NULL && !watch.finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (watch.error);
  g_assert_false (watch.finished);

  /* Words still waiting in the speaker's buffer are dropped with it, and
   * never shown while paused */
  pl_speech_pause (speech);
  at_pause = watch.shown->len;
  run_for_ms (600);
  g_assert_cmpuint (watch.words_while_paused, ==, 0);
  g_assert_cmpuint (watch.shown->len, ==, at_pause);
  g_assert_cmpuint (pl_speech_get_state (speech), ==, PL_SPEECH_STATE_PAUSED);

  /* Resume starts again at the last word shown, so none is skipped */
  pl_speech_resume (speech);
  run_to_end (&watch);
  g_assert_no_error (watch.error);
  g_assert_true (watch.finished);
  g_assert_cmpuint (g_array_index (watch.shown, guint, at_pause), <=,
                    g_array_index (watch.shown, guint, at_pause - 1));
  for (guint i = 1; i < watch.shown->len; i++)
    if (i != at_pause)
      g_assert_cmpuint (g_array_index (watch.shown, guint, i), ==,
                        g_array_index (watch.shown, guint, i - 1) + 1);
  g_assert_cmpuint (g_array_index (watch.shown, guint, watch.shown->len - 1), ==,
                    watch.words->len - 1);
  watch_clear (&watch, speech);
}

/* Whether the word at start in block begins a sentence */
static gboolean
starts_sentence (PlDocument *document,
                 guint       block,
                 guint       start)
{
  const char *text = pl_document_get_block (document, block)->text;
  g_autoptr(GArray) sentences = pl_speech_split_sentences (text);

  for (guint i = 0; i < sentences->len; i++)
    {
      const PlSpeechRange *sentence = &g_array_index (sentences, PlSpeechRange, i);
      g_autoptr(GArray) words = pl_speech_split_words (text, sentence->start, sentence->end);

      if (words->len > 0 && g_array_index (words, PlSpeechRange, 0).start == start)
        return TRUE;
    }
  return FALSE;
}

static void
test_next_sentence (void)
{
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(PlDocument) document = make_document ();
  g_autoptr(PlSoundServer) server = start_server ();
  const WordAt *next;
  Watch watch;
  guint at_jump;

  if (server == NULL)
    return;

  pl_speech_set_rate (speech, 350);
  watch_init (&watch, speech, document);
  pl_speech_speak (speech, document, 0, 0, PL_SPEECH_TO_END);
  while (watch.shown->len < 4 && watch.error == NULL && !watch.finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (watch.finished);

  /* Nothing more of the sentence left behind is shown: the next word is
   * the start of the next sentence, and the reading goes on from there */
  pl_speech_next_sentence (speech);
  at_jump = watch.shown->len;
  run_to_end (&watch);
  g_assert_no_error (watch.error);
  g_assert_true (watch.finished);
  g_assert_cmpuint (watch.shown->len, >, at_jump);
  g_assert_cmpuint (g_array_index (watch.shown, guint, at_jump), >,
                    g_array_index (watch.shown, guint, at_jump - 1));
  next = &g_array_index (watch.words, WordAt, g_array_index (watch.shown, guint, at_jump));
  g_assert_true (starts_sentence (document, next->block, next->start));
  for (guint i = at_jump + 1; i < watch.shown->len; i++)
    g_assert_cmpuint (g_array_index (watch.shown, guint, i), ==,
                      g_array_index (watch.shown, guint, i - 1) + 1);
  watch_clear (&watch, speech);
}

static void
test_stop (void)
{
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(PlDocument) document = make_document ();
  g_autoptr(PlSoundServer) server = start_server ();
  g_autoptr(GArray) heard = NULL;
  g_autoptr(GError) error = NULL;
  guint from, n_loud = 0;
  Watch watch;

  if (server == NULL)
    return;

  watch_init (&watch, speech, document);
  g_assert_true (pl_sound_server_listen (server, &error));
  pl_speech_speak (speech, document, 0, 0, PL_SPEECH_TO_END);
  while (watch.shown->len < 3 && watch.error == NULL && !watch.finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (watch.finished);

  /* Stop silences the speaker: three seconds later, with most of the
   * reading still to come, the last half second it played was silence (a
   * busy machine, under the sanitizers, lets the sound server play what it
   * already had a little late) */
  pl_speech_stop (speech);
  run_for_ms (3000);
  heard = pl_sound_server_stop_listening (server, NULL);
  g_assert_cmpuint (pl_speech_get_state (speech), ==, PL_SPEECH_STATE_IDLE);
  g_assert_false (watch.finished);
  g_assert_cmpuint (heard->len, >, pl_speech_get_sample_rate ());
  from = heard->len - pl_speech_get_sample_rate () / 2;
  for (guint i = from; i < heard->len; i++)
    if (ABS (g_array_index (heard, gint16, i)) > 64)
      n_loud++;
  g_assert_cmpuint (n_loud, ==, 0);
  watch_clear (&watch, speech);
}

static void
test_lost (void)
{
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(PlDocument) document = make_document ();
  g_autoptr(PlSoundServer) server = start_server ();
  Watch watch;

  if (server == NULL)
    return;

  watch_init (&watch, speech, document);
  pl_speech_speak (speech, document, 0, 0, PL_SPEECH_TO_END);
  while (watch.shown->len < 3 && watch.error == NULL && !watch.finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (watch.finished);

  /* The speaker goes away mid-sentence: the reading says so and ends,
   * rather than hanging or pretending to go on */
  pl_sound_server_kill (server);
  run_to_end (&watch);
  g_assert_error (watch.error, PL_SPEECH_ERROR, PL_SPEECH_ERROR_NO_AUDIO_DEVICE);
  g_assert_nonnull (strstr (watch.error->message, "speaker or headphones"));
  g_assert_false (watch.finished);
  g_assert_cmpuint (pl_speech_get_state (speech), ==, PL_SPEECH_STATE_IDLE);
  watch_clear (&watch, speech);
}

static void
test_dummy_output (void)
{
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(PlDocument) document = make_document ();
  /* What PulseAudio and PipeWire offer when there is no sound card */
  g_autoptr(PlSoundServer) server = start_server_with_sink ("auto_null");
  g_autoptr(GError) error = NULL;
  Watch watch;

  if (server == NULL)
    return;

  /* Sound would go nowhere while every call succeeded: said instead */
  g_assert_false (pl_speech_check_audio_device (&error));
  g_assert_error (error, PL_SPEECH_ERROR, PL_SPEECH_ERROR_NO_AUDIO_DEVICE);
  g_assert_nonnull (strstr (error->message, "speaker or headphones"));

  watch_init (&watch, speech, document);
  pl_speech_speak (speech, document, 0, 0, PL_SPEECH_TO_END);
  run_to_end (&watch);
  g_assert_error (watch.error, PL_SPEECH_ERROR, PL_SPEECH_ERROR_NO_AUDIO_DEVICE);
  g_assert_cmpuint (watch.shown->len, ==, 0);
  g_assert_false (watch.finished);
  watch_clear (&watch, speech);
}

int
main (int   argc,
      char *argv[])
{
  pl_sound_server_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plainly/speaker/plays", test_plays);
  g_test_add_func ("/plainly/speaker/pause-resume", test_pause_resume);
  g_test_add_func ("/plainly/speaker/next-sentence", test_next_sentence);
  g_test_add_func ("/plainly/speaker/stop", test_stop);
  g_test_add_func ("/plainly/speaker/lost", test_lost);
  g_test_add_func ("/plainly/speaker/dummy-output", test_dummy_output);

  return g_test_run ();
}
