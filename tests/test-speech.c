/* test-speech.c: sentences, words, synthesis, events, playback control, WAV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <sndfile.h>
#include <string.h>
#include <glib/gstdio.h>

#include "pl-audio.h"
#include "pl-document.h"
#include "pl-speech.h"
#include "pl-test-util.h"

/* The text of a character range, for comparing with what a person reads */
static char *
substring (const char *text,
           guint       start,
           guint       end)
{
  return g_utf8_substring (text, start, end);
}

static char *
join_ranges (const char *text,
             GArray     *ranges)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < ranges->len; i++)
    {
      const PlSpeechRange *range = &g_array_index (ranges, PlSpeechRange, i);
      g_autofree char *piece = substring (text, range->start, range->end);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, piece);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_sentences (void)
{
  static const struct { const char *text; const char *want; } cases[] = {
    { "I saw Dr. Patel today. She was kind.", "I saw Dr. Patel today.|She was kind." },
    { "Bring things I like, e.g. tea and cake. Then we talk.",
      "Bring things I like, e.g. tea and cake.|Then we talk." },
    { "It costs £25.50 a week. I pay on Fridays.", "It costs £25.50 a week.|I pay on Fridays." },
    { "My carer comes at 8am. She stays until 10:30am!",
      "My carer comes at 8am.|She stays until 10:30am!" },
    { "I get tired… and then I sleep. Later… Much later.",
      "I get tired… and then I sleep.|Later…|Much later." },
    { "I was tired... Then I slept", "I was tired...|Then I slept" },
    { "No full stop at the end", "No full stop at the end" },
    { "Is it today? “Yes,” she said. Good.", "Is it today?|“Yes,” she said.|Good." },
    { "Bore da, sut wyt ti? Dw i'n iawn, diolch.", "Bore da, sut wyt ti?|Dw i'n iawn, diolch." },
    { "Dzień dobry. Jak się masz? Źle.", "Dzień dobry.|Jak się masz?|Źle." },
    { "Ring Sam 😀. He is my son.", "Ring Sam 😀.|He is my son." },
    { "Jane Smith\n01632 960123\n", "Jane Smith|01632 960123" },
    { "Ask J. Smith first.", "Ask J. Smith first." },
    { "   ", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) ranges = pl_speech_split_sentences (cases[i].text);
      g_autofree char *got = join_ranges (cases[i].text, ranges);

      g_assert_cmpstr (got, ==, cases[i].want);
    }
}

static void
test_words (void)
{
  static const struct { const char *text; const char *want; } cases[] = {
    { "Dot's carer—Amy—comes at 8am.", "Dot's|carer|Amy|comes|at|8am" },
    { "It costs £25.50, not $3, at 10:30am.", "It|costs|£25.50|not|$3|at|10:30am" },
    { "Zoë’s café - a well-being day", "Zoë’s|café|a|well-being|day" },
    { "Bore da, sut wyt ti?", "Bore|da|sut|wyt|ti" },
    { "Łódź jest ładna, źdźbło też.", "Łódź|jest|ładna|źdźbło|też" },
    { "I 😀 love 🫖 tea, e.g. Earl Grey", "I|love|tea|e.g|Earl|Grey" },
    { "1,000 people; 50% off", "1,000|people|50%|off" },
    { "— … !", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) words = pl_speech_split_words (cases[i].text, 0, G_MAXUINT);
      g_autofree char *got = join_ranges (cases[i].text, words);

      g_assert_cmpstr (got, ==, cases[i].want);
    }

  /* Only inside the range asked for */
  {
    const char *text = "One two three four";
    g_autoptr(GArray) words = pl_speech_split_words (text, 4, 13);
    g_autofree char *got = join_ranges (text, words);

    g_assert_cmpstr (got, ==, "two|three");
  }
}

/* Texts espeak-ng finds hard to follow */
static const char * const hard_texts[] = {
  "Dot's carer—Amy—comes at 8am on Tuesdays.",
  "It costs £25.50 a week, and she leaves at 10:30am.",
  "I sit in the garden and on the bench in the sun.",
  "Zoë’s café is a well-being place, e.g. for tea with Dr. Patel.",
  "Ring Sam 😀 if I am late. He is my son 👍 and lives near.",
  "No full stop at the end",
};

static PlDocument *
hard_document (void)
{
  PlDocument *document = pl_document_new ("Test");

  pl_document_add (document, PL_BLOCK_HEADING, 1, "top", NULL, "About me");
  pl_document_add (document, PL_BLOCK_FIELD, 1, "time", "Time", "8:30 in the morning");
  for (guint i = 0; i < G_N_ELEMENTS (hard_texts); i++)
    pl_document_add (document, PL_BLOCK_PARAGRAPH, 1, NULL, NULL, hard_texts[i]);
  pl_document_add (document, PL_BLOCK_QUESTION, 1, NULL, "What would you like to change?", "");
  pl_document_add (document, PL_BLOCK_HEADING, 1, "more", NULL, "More");
  pl_document_add (document, PL_BLOCK_LIST_ITEM, 1, NULL, NULL, "Walks to the shop");
  return document;
}

static GArray *
render_text (PlSpeech   *speech,
             const char *text)
{
  g_autoptr(PlDocument) document = pl_document_new ("Test");
  g_autoptr(GError) error = NULL;
  GArray *pcm;

  pl_document_add (document, PL_BLOCK_PARAGRAPH, 1, NULL, NULL, text);
  pcm = pl_speech_render (speech, document, 0, PL_SPEECH_TO_END, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pcm);
  return pcm;
}

static void
test_render (void)
{
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(GArray) short_pcm = NULL;
  g_autoptr(GArray) long_pcm = NULL;
  guint rate = pl_speech_get_sample_rate ();

  g_assert_cmpuint (rate, >=, 8000);

  short_pcm = render_text (speech, "Hello.");
  long_pcm = render_text (speech, "Hello. My carer comes every morning at eight, and we have "
                                  "a cup of tea together before she goes.");

  g_assert_cmpuint (short_pcm->len, >, rate / 4);
  g_assert_cmpuint (long_pcm->len, >, short_pcm->len * 3);
  g_assert_cmpfloat (pl_test_rms (short_pcm), >, 0.01);
  g_assert_cmpfloat (pl_test_rms (long_pcm), >, 0.01);

  /* Slower speech is longer */
  {
    g_autoptr(GArray) slow = NULL;

    pl_speech_set_rate (speech, 90);
    slow = render_text (speech, "Hello. My carer comes every morning at eight, and we have "
                                "a cup of tea together before she goes.");
    g_assert_cmpuint (slow->len, >, long_pcm->len * 5 / 4);
  }
}

static void
test_languages (void)
{
  static const char * const languages[] = { "cy", "pl", "en-GB", "zz-ZZ", NULL };
  static const char * const texts[] = {
    "Bore da, sut wyt ti?", "Dzień dobry, jak się masz?", "Good morning.", "Good morning.",
  };

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autoptr(PlSpeech) speech = pl_speech_new ();
      g_autoptr(GArray) pcm = NULL;

      /* A language with no voice falls back rather than staying silent */
      pl_speech_set_language (speech, languages[i]);
      pcm = render_text (speech, texts[i]);
      g_assert_cmpfloat (pl_test_rms (pcm), >, 0.01);
    }
}

/* Every word of the document, as the test expects it said */
static GPtrArray *
expected_words (PlDocument *document)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_free);

  for (guint b = 0; b < pl_document_get_n_blocks (document); b++)
    {
      const PlBlock *block = pl_document_get_block (document, b);
      g_autoptr(GArray) words = pl_speech_split_words (block->text, 0, G_MAXUINT);

      for (guint w = 0; w < words->len; w++)
        {
          const PlSpeechRange *range = &g_array_index (words, PlSpeechRange, w);

          g_ptr_array_add (all, g_strdup_printf ("%u:%u:%u", b, range->start, range->end));
        }
    }
  return all;
}

static void
test_events (void)
{
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(PlDocument) document = hard_document ();
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GPtrArray) expected = expected_words (document);
  g_autoptr(GArray) pcm = NULL;
  g_autoptr(GError) error = NULL;
  guint64 last_sample = 0;
  guint n_distinct_times = 0;

  pcm = pl_speech_render (speech, document, 0, PL_SPEECH_TO_END, &words, NULL, &error);
  g_assert_no_error (error);

  /* Every word exactly once, in order */
  g_assert_cmpuint (words->len, ==, expected->len);
  for (guint i = 0; i < words->len; i++)
    {
      const PlSpeechWord *word = g_ptr_array_index (words, i);
      const PlBlock *block = pl_document_get_block (document, word->block);
      g_autofree char *key = g_strdup_printf ("%u:%u:%u", word->block, word->start, word->end);
      g_autofree char *said = substring (block->text, word->start, word->end);

      g_assert_cmpstr (key, ==, g_ptr_array_index (expected, i));
      g_assert_cmpstr (word->anchor, ==, block->anchor);
      g_assert_cmpuint (word->end, >, word->start);
      g_assert_true (g_unichar_isalnum (g_utf8_get_char (said)) ||
                     g_unichar_type (g_utf8_get_char (said)) == G_UNICODE_CURRENCY_SYMBOL);
      g_assert_cmpuint (word->sample, >=, last_sample);
      g_assert_cmpuint (word->sample, <, pcm->len);
      if (i == 0 || word->sample > last_sample)
        n_distinct_times++;
      last_sample = word->sample;
    }
  /* The times come from the voice, not one made-up value */
  g_assert_cmpuint (n_distinct_times, >, words->len * 9 / 10);

  /* The words of the hard texts, as a person reads them */
  {
    g_autoptr(GString) said = g_string_new (NULL);

    for (guint i = 0; i < words->len; i++)
      {
        const PlSpeechWord *word = g_ptr_array_index (words, i);
        const PlBlock *block = pl_document_get_block (document, word->block);
        g_autofree char *piece = substring (block->text, word->start, word->end);

        if (word->block == 2 || word->block == 3)
          g_string_append_printf (said, "%s|", piece);
      }
    g_assert_cmpstr (said->str, ==,
                     "Dot's|carer|Amy|comes|at|8am|on|Tuesdays|"
                     "It|costs|£25.50|a|week|and|she|leaves|at|10:30am|");
  }

  /* "the" after "in" gets no event of its own from espeak-ng; it still
   * comes between its neighbours */
  {
    const PlSpeechWord *in = NULL, *the = NULL, *garden = NULL;

    for (guint i = 0; i < words->len; i++)
      {
        const PlSpeechWord *word = g_ptr_array_index (words, i);

        if (word->block == 4 && word->start == 6)
          in = word;
        if (word->block == 4 && word->start == 9)
          the = word;
        if (word->block == 4 && word->start == 13)
          garden = word;
      }
    g_assert_nonnull (in);
    g_assert_nonnull (the);
    g_assert_nonnull (garden);
    g_assert_cmpuint (in->sample, <, the->sample);
    g_assert_cmpuint (the->sample, <, garden->sample);
  }
}

/* Playback, watched from the main loop */

typedef struct
{
  GMainLoop *loop;
  GPtrArray *words;       /* "block:start:end" */
  GPtrArray *sentences;
  GArray    *states;
  gboolean   finished;
  GError    *error;
  guint      pause_after;  /* pause at this many words; 0: never */
  guint      stop_after;
  gboolean   paused_once;
} Watch;

static void
word_cb (PlSpeech *speech,
         guint     block,
         guint     start,
         guint     end,
         Watch    *watch)
{
  g_ptr_array_add (watch->words, g_strdup_printf ("%u:%u:%u", block, start, end));
  if (watch->pause_after > 0 && watch->words->len == watch->pause_after && !watch->paused_once)
    {
      watch->paused_once = TRUE;
      pl_speech_pause (speech);
      g_main_loop_quit (watch->loop);
    }
  if (watch->stop_after > 0 && watch->words->len == watch->stop_after)
    {
      pl_speech_stop (speech);
      g_main_loop_quit (watch->loop);
    }
}

static void
sentence_cb (PlSpeech *speech,
             guint     block,
             guint     start,
             guint     end,
             Watch    *watch)
{
  g_ptr_array_add (watch->sentences, g_strdup_printf ("%u:%u:%u", block, start, end));
}

static void
state_cb (PlSpeech *speech,
          guint     state,
          Watch    *watch)
{
  g_array_append_val (watch->states, state);
}

static void
finished_cb (PlSpeech *speech,
             Watch    *watch)
{
  watch->finished = TRUE;
  g_main_loop_quit (watch->loop);
}

static void
error_cb (PlSpeech     *speech,
          const GError *error,
          Watch        *watch)
{
  g_clear_error (&watch->error);
  watch->error = g_error_copy (error);
  g_main_loop_quit (watch->loop);
}

static void
watch_init (Watch    *watch,
            PlSpeech *speech)
{
  memset (watch, 0, sizeof *watch);
  watch->loop = g_main_loop_new (NULL, FALSE);
  watch->words = g_ptr_array_new_with_free_func (g_free);
  watch->sentences = g_ptr_array_new_with_free_func (g_free);
  watch->states = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect (speech, "word", G_CALLBACK (word_cb), watch);
  g_signal_connect (speech, "sentence", G_CALLBACK (sentence_cb), watch);
  g_signal_connect (speech, "state-changed", G_CALLBACK (state_cb), watch);
  g_signal_connect (speech, "finished", G_CALLBACK (finished_cb), watch);
  g_signal_connect (speech, "error", G_CALLBACK (error_cb), watch);
}

static void
watch_clear (Watch    *watch,
             PlSpeech *speech)
{
  g_signal_handlers_disconnect_by_data (speech, watch);
  g_main_loop_unref (watch->loop);
  g_ptr_array_unref (watch->words);
  g_ptr_array_unref (watch->sentences);
  g_array_unref (watch->states);
  g_clear_error (&watch->error);
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* Runs the loop until something quits it, or for at most ms */
static void
run_for (Watch *watch,
         guint  ms)
{
  guint id = g_timeout_add (ms, quit_cb, watch->loop);

  g_main_loop_run (watch->loop);
  g_source_remove (id);
}

static gboolean
quit_timeout_cb (gpointer data)
{
  guint *id = data;

  *id = 0;
  return G_SOURCE_REMOVE;
}

/* Runs the loop for exactly ms, whatever quits it meanwhile */
static void
idle_for (guint ms)
{
  guint id = g_timeout_add (ms, quit_timeout_cb, &id);

  while (id != 0)
    g_main_context_iteration (NULL, TRUE);
}

static guint
state_at (Watch *watch,
          guint  i)
{
  return g_array_index (watch->states, guint, i);
}

static void
test_speak (void)
{
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(PlDocument) document = hard_document ();
  g_autoptr(GPtrArray) expected = expected_words (document);
  Watch watch;

  pl_speech_set_output (speech, PL_SPEECH_OUTPUT_NULL, 0);
  watch_init (&watch, speech);

  pl_speech_speak (speech, document, 0, 0, PL_SPEECH_TO_END);
  g_assert_cmpuint (pl_speech_get_state (speech), ==, PL_SPEECH_STATE_SPEAKING);
  run_for (&watch, 30000);

  g_assert_no_error (watch.error);
  g_assert_true (watch.finished);
  g_assert_cmpuint (pl_speech_get_state (speech), ==, PL_SPEECH_STATE_IDLE);
  g_assert_cmpuint (watch.states->len, ==, 2);
  g_assert_cmpuint (state_at (&watch, 0), ==, PL_SPEECH_STATE_SPEAKING);
  g_assert_cmpuint (state_at (&watch, 1), ==, PL_SPEECH_STATE_IDLE);

  /* The same words as the audio file gets, in the same order */
  g_assert_cmpuint (watch.words->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (g_ptr_array_index (watch.words, i), ==, g_ptr_array_index (expected, i));

  /* A sentence for each sentence of text, and one for the question's label */
  g_assert_cmpstr (g_ptr_array_index (watch.sentences, 0), ==, "0:0:8");
  g_assert_cmpuint (watch.sentences->len, ==, 12);

  watch_clear (&watch, speech);
}

static void
test_read_from_here (void)
{
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(PlDocument) document = hard_document ();
  guint start, end;
  Watch watch;

  pl_speech_set_output (speech, PL_SPEECH_OUTPUT_NULL, 0);
  watch_init (&watch, speech);

  /* From inside "costs" to the end of the part "About me" */
  pl_speech_part_range (document, 3, &start, &end);
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 9);
  pl_speech_speak (speech, document, 3, 5, end);
  run_for (&watch, 30000);

  g_assert_true (watch.finished);
  g_assert_cmpstr (g_ptr_array_index (watch.words, 0), ==, "3:3:8");
  g_assert_cmpstr (g_ptr_array_index (watch.sentences, 0), ==, "3:3:50");
  for (guint i = 0; i < watch.words->len; i++)
    {
      guint block = (guint) g_ascii_strtoull (g_ptr_array_index (watch.words, i), NULL, 10);

      g_assert_cmpuint (block, >=, 3);
      g_assert_cmpuint (block, <, 9);
    }

  pl_speech_part_range (document, 10, &start, &end);
  g_assert_cmpuint (start, ==, 9);
  g_assert_cmpuint (end, ==, 11);

  watch_clear (&watch, speech);
}

static void
test_pause_resume (void)
{
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(PlDocument) document = pl_document_new ("Test");
  g_autoptr(GPtrArray) expected = NULL;
  g_autofree char *at_pause = NULL;
  guint n_at_pause;
  Watch watch;

  pl_document_add (document, PL_BLOCK_PARAGRAPH, 1, NULL, NULL,
                   "One two three four five six seven. Eight nine ten eleven twelve.");
  expected = expected_words (document);

  /* Four times as fast as a speaker, so pausing has something to stop */
  pl_speech_set_output (speech, PL_SPEECH_OUTPUT_NULL, 4.0);
  watch_init (&watch, speech);
  watch.pause_after = 4;

  pl_speech_speak (speech, document, 0, 0, PL_SPEECH_TO_END);
  run_for (&watch, 30000);
  g_assert_true (watch.paused_once);
  g_assert_false (watch.finished);
  g_assert_cmpuint (pl_speech_get_state (speech), ==, PL_SPEECH_STATE_PAUSED);

  /* Paused stays paused */
  idle_for (400);
  g_assert_false (watch.finished);
  n_at_pause = watch.words->len;
  g_assert_cmpuint (n_at_pause, <, expected->len);
  at_pause = g_strdup (g_ptr_array_index (watch.words, n_at_pause - 1));
  idle_for (300);
  g_assert_cmpuint (watch.words->len, ==, n_at_pause);

  pl_speech_resume (speech);
  g_assert_cmpuint (pl_speech_get_state (speech), ==, PL_SPEECH_STATE_SPEAKING);
  run_for (&watch, 30000);
  g_assert_true (watch.finished);
  g_assert_no_error (watch.error);

  /* It goes on from the word it stopped at */
  g_assert_cmpuint (watch.words->len, >, n_at_pause);
  g_assert_cmpstr (g_ptr_array_index (watch.words, n_at_pause), ==, at_pause);
  /* and says every word after it, in order */
  g_assert_cmpuint (watch.words->len, ==, expected->len + 1);
  for (guint i = 0, j = 0; i < watch.words->len; i++, j++)
    {
      if (i == n_at_pause)
        j--;
      g_assert_cmpstr (g_ptr_array_index (watch.words, i), ==, g_ptr_array_index (expected, j));
    }

  g_assert_cmpuint (watch.states->len, ==, 4);
  g_assert_cmpuint (state_at (&watch, 1), ==, PL_SPEECH_STATE_PAUSED);
  g_assert_cmpuint (state_at (&watch, 2), ==, PL_SPEECH_STATE_SPEAKING);
  g_assert_cmpuint (state_at (&watch, 3), ==, PL_SPEECH_STATE_IDLE);

  watch_clear (&watch, speech);
}

static void
test_stop (void)
{
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(PlDocument) document = hard_document ();
  guint n_words, n_sentences;
  Watch watch;

  pl_speech_set_output (speech, PL_SPEECH_OUTPUT_NULL, 4.0);
  watch_init (&watch, speech);
  watch.stop_after = 3;

  pl_speech_speak (speech, document, 0, 0, PL_SPEECH_TO_END);
  run_for (&watch, 30000);
  g_assert_cmpuint (pl_speech_get_state (speech), ==, PL_SPEECH_STATE_IDLE);
  n_words = watch.words->len;
  n_sentences = watch.sentences->len;
  g_assert_cmpuint (n_words, ==, 3);

  /* Nothing more arrives */
  idle_for (600);
  g_assert_cmpuint (watch.words->len, ==, n_words);
  g_assert_cmpuint (watch.sentences->len, ==, n_sentences);
  g_assert_false (watch.finished);
  g_assert_no_error (watch.error);
  g_assert_cmpuint (state_at (&watch, watch.states->len - 1), ==, PL_SPEECH_STATE_IDLE);

  watch_clear (&watch, speech);
}

static void
test_jump (void)
{
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(PlDocument) document = pl_document_new ("Test");
  Watch watch;

  pl_document_add (document, PL_BLOCK_PARAGRAPH, 1, NULL, NULL,
                   "First sentence here. Second one now. Third and last.");
  pl_speech_set_output (speech, PL_SPEECH_OUTPUT_NULL, 4.0);
  watch_init (&watch, speech);
  watch.pause_after = 1;

  pl_speech_speak (speech, document, 0, 0, PL_SPEECH_TO_END);
  run_for (&watch, 30000);
  g_assert_true (watch.paused_once);

  /* Next from the first sentence: the second; repeat: the second again;
   * previous: the first */
  pl_speech_next_sentence (speech);
  g_assert_cmpuint (pl_speech_get_state (speech), ==, PL_SPEECH_STATE_SPEAKING);
  while (watch.sentences->len < 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (g_ptr_array_index (watch.sentences, 1), ==, "0:21:36");
  pl_speech_repeat_sentence (speech);
  while (watch.sentences->len < 3)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (g_ptr_array_index (watch.sentences, 2), ==, "0:21:36");
  pl_speech_previous_sentence (speech);
  while (watch.sentences->len < 4)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (g_ptr_array_index (watch.sentences, 3), ==, "0:0:20");

  pl_speech_stop (speech);
  watch_clear (&watch, speech);
}

static void
test_no_audio_device (void)
{
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(PlDocument) document = hard_document ();
  g_autoptr(GError) error = NULL;
  Watch watch;

  if (pl_speech_check_audio_device (&error))
    {
      g_test_skip ("This machine has a sound output");
      return;
    }
  g_assert_error (error, PL_SPEECH_ERROR, PL_SPEECH_ERROR_NO_AUDIO_DEVICE);
  g_assert_nonnull (strstr (error->message, "speaker or headphones"));

  /* Reading aloud says so, rather than pretending to speak */
  watch_init (&watch, speech);
  pl_speech_speak (speech, document, 0, 0, PL_SPEECH_TO_END);
  run_for (&watch, 30000);
  g_assert_error (watch.error, PL_SPEECH_ERROR, PL_SPEECH_ERROR_NO_AUDIO_DEVICE);
  g_assert_false (watch.finished);
  g_assert_cmpuint (watch.words->len, ==, 0);
  g_assert_cmpuint (pl_speech_get_state (speech), ==, PL_SPEECH_STATE_IDLE);
  watch_clear (&watch, speech);
}

static guint32
le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static void
progress_cb (double   fraction,
             gpointer data)
{
  GArray *fractions = data;

  g_array_append_val (fractions, fraction);
}

static void
check_wav (const char *path,
           guint       rate)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  const guint8 *p;
  double sum = 0;
  guint n;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 44 + rate);
  p = (const guint8 *) contents;
  g_assert_cmpmem (p, 4, "RIFF", 4);
  g_assert_cmpuint (le32 (p + 4), ==, len - 8);
  g_assert_cmpmem (p + 8, 8, "WAVEfmt ", 8);
  g_assert_cmpuint (p[20] | (p[21] << 8), ==, 1);   /* PCM */
  g_assert_cmpuint (p[22] | (p[23] << 8), ==, 1);   /* mono */
  g_assert_cmpuint (le32 (p + 24), ==, rate);
  g_assert_cmpuint (p[34] | (p[35] << 8), ==, 16);
  g_assert_cmpmem (p + 36, 4, "data", 4);
  g_assert_cmpuint (le32 (p + 40), ==, len - 44);

  n = (guint) ((len - 44) / 2);
  for (guint i = 0; i < n; i++)
    {
      double v = (gint16) (p[44 + 2 * i] | (p[45 + 2 * i] << 8)) / 32768.0;
      sum += v * v;
    }
  g_assert_cmpfloat (sqrt (sum / n), >, 0.01);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_wav (void)
{
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(PlDocument) document = hard_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = pl_test_make_dir ("plainly-speech");
  g_autofree char *path = g_build_filename (dir, "plan.wav", NULL);
  gboolean ok;

  ok = pl_speech_save_audio (speech, document, 0, PL_SPEECH_TO_END, path, &words,
                           progress_cb, fractions, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  check_wav (path, pl_speech_get_sample_rate ());
  /* Only the file: the temporary one is gone */
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_assert_cmpuint (words->len, >, 40);

  g_assert_cmpuint (fractions->len, >, 3);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=,
                       g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);

  pl_test_remove_dir (dir);
}

/* Seconds of sound in a file libsndfile reads, and how loud it is */
static double
read_back (const char *path,
           double     *out_rms)
{
  SF_INFO info = { 0 };
  SNDFILE *file = sf_open (path, SFM_READ, &info);
  g_autofree short *samples = NULL;
  sf_count_t n;
  double sum = 0;

  g_assert_nonnull (file);
  g_assert_cmpint (info.channels, ==, 1);
  g_assert_cmpint (info.frames, >, 0);
  samples = g_new (short, info.frames);
  n = sf_readf_short (file, samples, info.frames);
  g_assert_cmpint (n, >, 0);
  for (sf_count_t i = 0; i < n; i++)
    sum += ((double) samples[i] / 32768.0) * ((double) samples[i] / 32768.0);
  *out_rms = sqrt (sum / (double) n);
  sf_close (file);
  return (double) n / info.samplerate;
}

static gint64
file_size (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return (gint64) buf.st_size;
}

/* MP3 and Ogg files hold the same speech as the WAV, in a fraction of the
 * room, and are written the same careful way */
static void
test_compressed (void)
{
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(PlDocument) document = hard_document ();
  g_autofree char *dir = pl_test_make_dir ("plainly-speech");
  g_autofree char *wav = g_build_filename (dir, "plan.wav", NULL);
  const char *names[] = { "plan.mp3", "Plan.OGG" };
  double wav_seconds, rms;

  g_assert_cmpint (pl_audio_format_for_path ("a/b.Mp3"), ==, PL_AUDIO_FORMAT_MP3);
  g_assert_cmpint (pl_audio_format_for_path ("b.oga"), ==, PL_AUDIO_FORMAT_OGG);
  g_assert_cmpint (pl_audio_format_for_path ("b.mp3.wav"), ==, PL_AUDIO_FORMAT_WAV);
  g_assert_cmpint (pl_audio_format_for_path ("no-ending"), ==, PL_AUDIO_FORMAT_WAV);

  g_assert_true (pl_speech_save_audio (speech, document, 0, PL_SPEECH_TO_END, wav, NULL,
                                       NULL, NULL, NULL, NULL));
  wav_seconds = read_back (wav, &rms);
  g_assert_cmpfloat (wav_seconds, >, 5);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      double seconds;

      g_assert_true (pl_speech_save_audio (speech, document, 0, PL_SPEECH_TO_END, path, NULL,
                                           NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      seconds = read_back (path, &rms);
      /* Encoders pad the ends a little; the speech itself is all there */
      g_assert_cmpfloat (fabs (seconds - wav_seconds), <, 0.5);
      g_assert_cmpfloat (rms, >, 0.01);
      g_assert_cmpint (file_size (path) * 4, <, file_size (wav));
    }
  /* The three files, no temporary ones */
  g_assert_cmpuint (count_files (dir), ==, 3);

  pl_test_remove_dir (dir);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  GError **error = data;

  if (!pl_speech_save_audio_finish (PL_SPEECH (source), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, 0, "ok");
}

static void
test_wav_async (void)
{
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(PlDocument) document = hard_document ();
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = pl_test_make_dir ("plainly-speech");
  g_autofree char *path = g_build_filename (dir, "plan.wav", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GError *result = NULL;

  pl_speech_save_audio_async (speech, document, 0, PL_SPEECH_TO_END, path, progress_cb, fractions,
                            NULL, save_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (result->message, ==, "ok");
  g_clear_error (&result);
  check_wav (path, pl_speech_get_sample_rate ());
  g_assert_cmpuint (fractions->len, >, 0);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  g_assert_cmpint (g_unlink (path), ==, 0);

  /* Cancelled: no file, not even part of one */
  g_cancellable_cancel (cancellable);
  pl_speech_save_audio_async (speech, document, 0, PL_SPEECH_TO_END, path, NULL, NULL,
                            cancellable, save_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (result, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&result);
  g_assert_cmpuint (count_files (dir), ==, 0);

  pl_test_remove_dir (dir);
}

static void
test_wav_unwritable (void)
{
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(PlDocument) document = hard_document ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = pl_test_make_dir ("plainly-speech");
  g_autofree char *missing = g_build_filename (dir, "no", "such", "plan.wav", NULL);
  g_autofree char *file = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *under_file = g_build_filename (file, "plan.wav", NULL);

  /* A folder that is not there */
  g_assert_false (pl_speech_save_audio (speech, document, 0, PL_SPEECH_TO_END, missing, NULL,
                                      NULL, NULL, NULL, &error));
  g_assert_error (error, PL_SPEECH_ERROR, PL_SPEECH_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "plan.wav"));
  g_clear_error (&error);
  g_assert_cmpuint (count_files (dir), ==, 0);

  /* A "folder" that is a file */
  g_assert_true (g_file_set_contents (file, "milk", -1, NULL));
  g_assert_false (pl_speech_save_audio (speech, document, 0, PL_SPEECH_TO_END, under_file, NULL,
                                      NULL, NULL, NULL, &error));
  g_assert_error (error, PL_SPEECH_ERROR, PL_SPEECH_ERROR_FILE);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* A folder this user may not write to (root may write anywhere) */
  if (geteuid () != 0)
    {
      g_autofree char *locked = g_build_filename (dir, "locked", NULL);
      g_autofree char *in_locked = g_build_filename (locked, "plan.wav", NULL);

      g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
      g_assert_false (pl_speech_save_audio (speech, document, 0, PL_SPEECH_TO_END, in_locked,
                                          NULL, NULL, NULL, NULL, &error));
      g_assert_error (error, PL_SPEECH_ERROR, PL_SPEECH_ERROR_FILE);
      g_clear_error (&error);
      g_assert_cmpuint (count_files (locked), ==, 0);
    }

  pl_test_remove_dir (dir);
}

static void
test_list_languages (void)
{
  g_autoptr(GPtrArray) languages = pl_speech_list_languages ();
  g_autoptr(GHashTable) tags = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (languages->len, >, 20);
  for (guint i = 0; i < languages->len; i++)
    {
      const PlSpeechLanguage *language = g_ptr_array_index (languages, i);

      g_assert_nonnull (language->name);
      g_assert_null (strchr (language->name, '_'));
      /* each once, in order of name */
      g_assert_false (g_hash_table_contains (tags, language->tag));
      g_hash_table_add (tags, language->tag);
      if (i > 0)
        g_assert_cmpint (g_utf8_collate (((PlSpeechLanguage *) languages->pdata[i - 1])->name,
                                         language->name), <=, 0);
    }
  g_assert_true (g_hash_table_contains (tags, "en-gb"));
  g_assert_true (g_hash_table_contains (tags, "cy"));
  g_assert_true (g_hash_table_contains (tags, "pl"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plainly/speech/sentences", test_sentences);
  g_test_add_func ("/plainly/speech/words", test_words);
  g_test_add_func ("/plainly/speech/render", test_render);
  g_test_add_func ("/plainly/speech/languages", test_languages);
  g_test_add_func ("/plainly/speech/events", test_events);
  g_test_add_func ("/plainly/speech/speak", test_speak);
  g_test_add_func ("/plainly/speech/read-from-here", test_read_from_here);
  g_test_add_func ("/plainly/speech/pause-resume", test_pause_resume);
  g_test_add_func ("/plainly/speech/stop", test_stop);
  g_test_add_func ("/plainly/speech/jump", test_jump);
  g_test_add_func ("/plainly/speech/no-audio-device", test_no_audio_device);
  g_test_add_func ("/plainly/speech/wav", test_wav);
  g_test_add_func ("/plainly/speech/wav-async", test_wav_async);
  g_test_add_func ("/plainly/speech/wav-unwritable", test_wav_unwritable);
  g_test_add_func ("/plainly/speech/compressed", test_compressed);
  g_test_add_func ("/plainly/speech/list-languages", test_list_languages);

  return g_test_run ();
}
