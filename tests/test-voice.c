/* test-voice.c: a window's one voice, where readings and talking buttons take turns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything goes to the null output, paced like a speaker (or a little
 * faster), so no sound device is needed and the timing is real.
 */

#include "config.h"

#include "pl-document.h"
#include "pl-model.h"
#include "pl-voice.h"

typedef struct
{
  PlVoice  *voice;
  PlSpeech *reading;
  PlSpeech *control;
  guint     reading_words;
  guint     control_words;
  guint     reading_finished;
  guint     control_finished;
  guint     overlaps;      /* words of one said while the other was speaking */
} Fixture;

static void
reading_word_cb (PlSpeech *speech,
                 guint     block,
                 guint     start,
                 guint     end,
                 Fixture  *f)
{
  f->reading_words++;
  if (pl_speech_get_state (f->control) != PL_SPEECH_STATE_IDLE)
    f->overlaps++;
}

static void
control_word_cb (PlSpeech *speech,
                 guint     block,
                 guint     start,
                 guint     end,
                 Fixture  *f)
{
  f->control_words++;
  if (pl_speech_get_state (f->reading) == PL_SPEECH_STATE_SPEAKING)
    f->overlaps++;
}

static void
reading_finished_cb (PlSpeech *speech,
                     Fixture  *f)
{
  f->reading_finished++;
}

static void
control_finished_cb (PlSpeech *speech,
                     Fixture  *f)
{
  f->control_finished++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->voice = pl_voice_new ();
  f->reading = pl_voice_get_reading (f->voice);
  f->control = pl_voice_get_control (f->voice);
  g_assert_true (f->reading != f->control);
  /* Four times a speaker's pace: there is time to talk over, if it could */
  pl_voice_set_output (f->voice, PL_SPEECH_OUTPUT_NULL, 4.0);
  g_signal_connect (f->reading, "word", G_CALLBACK (reading_word_cb), f);
  g_signal_connect (f->control, "word", G_CALLBACK (control_word_cb), f);
  g_signal_connect (f->reading, "finished", G_CALLBACK (reading_finished_cb), f);
  g_signal_connect (f->control, "finished", G_CALLBACK (control_finished_cb), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (f->reading, f);
  g_signal_handlers_disconnect_by_data (f->control, f);
  g_clear_object (&f->voice);
}

static PlDocument *
plan_new (void)
{
  PlDocument *document = pl_document_new ("Dot's plan");

  pl_document_add (document, PL_BLOCK_HEADING, 1, "top", NULL, "Dot's plan");
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, "one", NULL,
                   "I like tea at eight in the morning, with milk and no sugar. "
                   "Please knock and wait for me to say come in.");
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, "two", NULL,
                   "Tell me your name each time, because I do not always "
                   "recognise faces straight away.");
  return document;
}

typedef gboolean (*Check) (Fixture *f);

/* Runs the main loop until check holds; FALSE if it never does */
static gboolean
run_until (Fixture *f,
           Check    check)
{
  gint64 give_up = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!check (f))
    {
      if (g_get_monotonic_time () > give_up)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

static void
run_for_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static gboolean
reading_heard (Fixture *f)
{
  return f->reading_words > 0;
}

static gboolean
reading_done (Fixture *f)
{
  return f->reading_finished > 0;
}

static gboolean
control_heard (Fixture *f)
{
  return f->control_words > 0;
}

static gboolean
control_done (Fixture *f)
{
  return f->control_finished > 0;
}

/* Talking-button words while a reading is speaking are not said */
static void
test_control_dropped (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PlDocument) plan = plan_new ();

  pl_voice_read (f->voice, plan, 0, 0, PL_SPEECH_TO_END);
  g_assert_cmpint (pl_speech_get_state (f->reading), ==, PL_SPEECH_STATE_SPEAKING);
  g_assert_true (pl_speech_get_document (f->reading) == plan);
  g_assert_true (run_until (f, reading_heard));

  g_assert_false (pl_voice_say (f->voice, "Read aloud"));
  g_assert_cmpint (pl_speech_get_state (f->control), ==, PL_SPEECH_STATE_IDLE);
  g_assert_true (run_until (f, reading_done));
  g_assert_cmpuint (f->reading_words, >, 10);

  /* Not queued for later either */
  run_for_ms (300);
  g_assert_cmpuint (f->control_words, ==, 0);
  g_assert_cmpuint (f->overlaps, ==, 0);
  g_assert_null (pl_speech_get_document (f->reading));

  /* With the reading over, the next control speaks */
  g_assert_true (pl_voice_say (f->voice, "Read aloud"));
  g_assert_true (run_until (f, control_done));
  g_assert_cmpuint (f->control_words, ==, 2);
  g_assert_cmpuint (f->overlaps, ==, 0);
}

/* A reading started during control words stops them at once */
static void
test_reading_stops_control (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PlDocument) plan = plan_new ();
  guint said;

  g_assert_true (pl_voice_say (f->voice,
                               "Read aloud, a button. It reads the plan from the place you "
                               "are at, in your own voice, at your own speed, until the end."));
  g_assert_true (run_until (f, control_heard));
  g_assert_cmpint (pl_speech_get_state (f->control), ==, PL_SPEECH_STATE_SPEAKING);

  pl_voice_read (f->voice, plan, 0, 0, PL_SPEECH_TO_END);
  g_assert_cmpint (pl_speech_get_state (f->control), ==, PL_SPEECH_STATE_IDLE);
  said = f->control_words;
  g_assert_true (run_until (f, reading_done));

  /* Nothing more of the control, and it never finished */
  g_assert_cmpuint (f->control_words, ==, said);
  g_assert_cmpuint (f->control_finished, ==, 0);
  g_assert_cmpuint (f->reading_words, >, 10);
  g_assert_cmpuint (f->overlaps, ==, 0);
}

/* Paused is quiet, so controls speak; carrying on stops them */
static void
test_paused (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PlDocument) plan = plan_new ();
  guint read;

  pl_voice_read (f->voice, plan, 0, 0, PL_SPEECH_TO_END);
  g_assert_true (run_until (f, reading_heard));
  pl_speech_pause (f->reading);
  g_assert_cmpint (pl_speech_get_state (f->reading), ==, PL_SPEECH_STATE_PAUSED);
  g_assert_true (pl_speech_get_document (f->reading) == plan);
  /* Sound already queued before the pause may still report its words */
  run_for_ms (200);
  read = f->reading_words;

  g_assert_true (pl_voice_say (f->voice,
                               "Carry on, a button. It reads on from the word where the "
                               "reading stopped, in your own voice."));
  g_assert_true (run_until (f, control_heard));
  g_assert_cmpuint (f->reading_words, ==, read);

  /* Through the reading's own PlSpeech, as the read-aloud bar does */
  pl_speech_resume (f->reading);
  g_assert_cmpint (pl_speech_get_state (f->control), ==, PL_SPEECH_STATE_IDLE);
  g_assert_true (run_until (f, reading_done));
  g_assert_cmpuint (f->control_finished, ==, 0);
  g_assert_cmpuint (f->reading_words, >, read);
  g_assert_cmpuint (f->overlaps, ==, 0);
}

/* Stop is for both */
static void
test_stop (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(PlDocument) plan = plan_new ();

  g_assert_true (pl_voice_say (f->voice, "My plan, a button"));
  pl_voice_stop (f->voice);
  g_assert_cmpint (pl_speech_get_state (f->control), ==, PL_SPEECH_STATE_IDLE);

  pl_voice_read (f->voice, plan, 0, 0, PL_SPEECH_TO_END);
  pl_voice_stop (f->voice);
  g_assert_cmpint (pl_speech_get_state (f->reading), ==, PL_SPEECH_STATE_IDLE);
  g_assert_null (pl_speech_get_document (f->reading));
  run_for_ms (300);
  g_assert_cmpuint (f->control_words, ==, 0);
  g_assert_cmpuint (f->reading_words, ==, 0);
}

/* The person's voice, speed and the rest reach both speeches */
static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(PlSettings) settings = pl_settings_new_default (0);

  g_free (settings->voice);
  settings->voice = NULL;
  pl_voice_set_settings (f->voice, settings, "cy");
  g_assert_cmpstr (pl_speech_get_language (f->reading), ==, "cy");
  g_assert_cmpstr (pl_speech_get_language (f->control), ==, "cy");

  /* A voice they chose wins over their language */
  settings->voice = g_strdup ("en-GB");
  pl_voice_set_settings (f->voice, settings, "cy");
  g_assert_cmpstr (pl_speech_get_language (f->reading), ==, "en-gb");
  g_assert_cmpstr (pl_speech_get_language (f->control), ==, "en-gb");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/plainly/voice/control-dropped-while-reading", Fixture, NULL,
              fixture_setup, test_control_dropped, fixture_teardown);
  g_test_add ("/plainly/voice/reading-stops-control", Fixture, NULL,
              fixture_setup, test_reading_stops_control, fixture_teardown);
  g_test_add ("/plainly/voice/paused", Fixture, NULL,
              fixture_setup, test_paused, fixture_teardown);
  g_test_add ("/plainly/voice/stop", Fixture, NULL,
              fixture_setup, test_stop, fixture_teardown);
  g_test_add ("/plainly/voice/settings", Fixture, NULL,
              fixture_setup, test_settings, fixture_teardown);

  return g_test_run ();
}
