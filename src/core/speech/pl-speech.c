/* pl-speech.c: reading a document aloud with espeak-ng
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PlSpeech holds the voice and the controls. Each reading takes a copy of
 * the voice and runs in its own thread (pl-speech-reading.c), which posts
 * its sentences and words back here, where they become signals. espeak-ng
 * is in pl-speech-engine.c, what is said in pl-speech-text.c, and sound
 * files in pl-speech-save.c.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-audio.h"
#include "pl-model.h"
#include "pl-speech-private.h"

G_DEFINE_QUARK (pl-speech-error-quark, pl_speech_error)

G_DEFINE_FINAL_TYPE (PlSpeech, pl_speech, G_TYPE_OBJECT)

enum {
  SIGNAL_WORD,
  SIGNAL_SENTENCE,
  SIGNAL_STATE_CHANGED,
  SIGNAL_FINISHED,
  SIGNAL_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
pl_speech_voice_copy (PlSpeechVoice       *dest,
                      const PlSpeechVoice *src)
{
  *dest = *src;
  dest->language = g_strdup (src->language);
  if (src->lexicon != NULL)
    dest->lexicon = pl_lexicon_ref (src->lexicon);
}

void
pl_speech_voice_clear (PlSpeechVoice *voice)
{
  g_clear_pointer (&voice->language, g_free);
  g_clear_pointer (&voice->lexicon, pl_lexicon_unref);
}

static void
set_state (PlSpeech      *self,
           PlSpeechState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_signal_emit (self, signals[SIGNAL_STATE_CHANGED], 0, (guint) state);
}

/* On the main context: only posts from the current reading count, so nothing
 * arrives after Stop */
gboolean
pl_speech_dispatch_post (gpointer data)
{
  PlSpeechPost *post = data;
  g_autoptr(PlSpeech) self = g_weak_ref_get (&post->reading->speech);

  if (self == NULL || self->reading != post->reading)
    return G_SOURCE_REMOVE;
  /* Sound still queued when Pause or a jump dropped it was never heard;
   * nor was sound written by a thread that had not yet seen the jump */
  if ((post->kind == PL_SPEECH_POST_SENTENCE || post->kind == PL_SPEECH_POST_WORD) &&
      post->epoch != post->reading->epoch && post->due > post->reading->flushed_at)
    return G_SOURCE_REMOVE;

  switch (post->kind)
    {
    case PL_SPEECH_POST_SENTENCE:
      g_signal_emit (self, signals[SIGNAL_SENTENCE], 0, post->block, post->start, post->end);
      break;

    case PL_SPEECH_POST_WORD:
      g_signal_emit (self, signals[SIGNAL_WORD], 0, post->block, post->start, post->end);
      break;

    case PL_SPEECH_POST_FINISHED:
      g_clear_pointer (&self->reading, pl_speech_reading_unref);
      g_clear_object (&self->document);
      set_state (self, PL_SPEECH_STATE_IDLE);
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
      break;

    case PL_SPEECH_POST_ERROR:
    default:
      g_clear_pointer (&self->reading, pl_speech_reading_unref);
      g_clear_object (&self->document);
      set_state (self, PL_SPEECH_STATE_IDLE);
      g_signal_emit (self, signals[SIGNAL_ERROR], 0, post->error);
      break;
    }

  return G_SOURCE_REMOVE;
}

/* The object */

static void
stop_reading (PlSpeech *self)
{
  PlSpeechReading *reading = g_steal_pointer (&self->reading);

  if (reading == NULL)
    return;

  g_mutex_lock (&reading->lock);
  g_atomic_int_set (&reading->stopped, TRUE);
  reading->flushed_at = g_get_monotonic_time ();
  reading->epoch++;
  g_cond_broadcast (&reading->cond);
  g_mutex_unlock (&reading->lock);
  pl_speech_reading_unref (reading);
}

static void
pl_speech_dispose (GObject *object)
{
  PlSpeech *self = PL_SPEECH (object);

  /* The thread notices and ends by itself; its posts find no one */
  stop_reading (self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (pl_speech_parent_class)->dispose (object);
}

static void
pl_speech_finalize (GObject *object)
{
  PlSpeech *self = PL_SPEECH (object);

  pl_speech_voice_clear (&self->voice);
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (pl_speech_parent_class)->finalize (object);
}

static void
pl_speech_class_init (PlSpeechClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pl_speech_dispose;
  object_class->finalize = pl_speech_finalize;

  /* The word being said: block index, then its character range in the block's text */
  signals[SIGNAL_WORD] =
    g_signal_new ("word", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
  signals[SIGNAL_SENTENCE] =
    g_signal_new ("sentence", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
  /* The new PlSpeechState */
  signals[SIGNAL_STATE_CHANGED] =
    g_signal_new ("state-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
pl_speech_init (PlSpeech *self)
{
  self->voice.rate = 160;
  self->voice.pitch = 50;
  self->voice.volume = 80;
  self->voice.pause_ms = 400;
  self->output = PL_SPEECH_OUTPUT_SPEAKER;
  self->speed = 1.0;
  self->context = g_main_context_ref_thread_default ();
}

PlSpeech *
pl_speech_new (void)
{
  return g_object_new (PL_TYPE_SPEECH, NULL);
}

void
pl_speech_set_language (PlSpeech   *self,
                        const char *language)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  g_free (self->voice.language);
  self->voice.language = (language != NULL && *language != '\0') ? g_ascii_strdown (language, -1)
                                                                  : NULL;
}

const char *
pl_speech_get_language (PlSpeech *self)
{
  g_return_val_if_fail (PL_IS_SPEECH (self), NULL);

  return self->voice.language != NULL ? self->voice.language : "en-gb";
}

void
pl_speech_set_lexicon (PlSpeech  *self,
                       PlLexicon *lexicon)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  if (lexicon != NULL)
    pl_lexicon_ref (lexicon);
  g_clear_pointer (&self->voice.lexicon, pl_lexicon_unref);
  self->voice.lexicon = lexicon;
}

PlLexicon *
pl_speech_get_lexicon (PlSpeech *self)
{
  g_return_val_if_fail (PL_IS_SPEECH (self), NULL);

  return self->voice.lexicon;
}

void
pl_speech_set_rate (PlSpeech *self,
                    int       words_a_minute)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  self->voice.rate = CLAMP (words_a_minute, PL_SPEECH_RATE_MIN, PL_SPEECH_RATE_MAX);
}

void
pl_speech_set_pitch (PlSpeech *self,
                     int       pitch)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  self->voice.pitch = CLAMP (pitch, 0, 100);
}

void
pl_speech_set_volume (PlSpeech *self,
                      int       volume)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  self->voice.volume = CLAMP (volume, 0, 100);
}

void
pl_speech_set_pause_ms (PlSpeech *self,
                        int       pause_ms)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  self->voice.pause_ms = CLAMP (pause_ms, 0, 10000);
}

void
pl_speech_apply_settings (PlSpeech         *self,
                          const PlSettings *settings)
{
  g_return_if_fail (PL_IS_SPEECH (self));
  g_return_if_fail (settings != NULL);

  if (settings->voice != NULL && *settings->voice != '\0')
    pl_speech_set_language (self, settings->voice);
  pl_speech_set_rate (self, settings->speech_rate);
  pl_speech_set_pitch (self, settings->speech_pitch);
  pl_speech_set_volume (self, settings->speech_volume);
  pl_speech_set_pause_ms (self, settings->pause_ms);
}

void
pl_speech_set_output (PlSpeech       *self,
                      PlSpeechOutput  output,
                      double          speed)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  self->output = output;
  self->speed = speed;
}

gboolean
pl_speech_check_audio_device (GError **error)
{
  guint rate = pl_speech_get_sample_rate ();
  PlAudioSink *sink = pl_audio_sink_new_device (rate > 0 ? rate : 22050, error);

  if (sink == NULL)
    return FALSE;
  pl_audio_sink_free (sink);
  return TRUE;
}

void
pl_speech_part_range (PlDocument *document,
                      guint       block,
                      guint      *out_start,
                      guint      *out_end)
{
  guint n, start = 0, end;
  int level = G_MAXINT;

  g_return_if_fail (PL_IS_DOCUMENT (document));

  n = pl_document_get_n_blocks (document);
  block = MIN (block, n > 0 ? n - 1 : 0);
  end = n;

  for (guint b = block + 1; b-- > 0;)
    {
      const PlBlock *candidate = pl_document_get_block (document, b);

      if (candidate->kind == PL_BLOCK_HEADING)
        {
          start = b;
          level = candidate->level;
          break;
        }
    }

  for (guint b = start + 1; b < n; b++)
    {
      const PlBlock *candidate = pl_document_get_block (document, b);

      if (candidate->kind == PL_BLOCK_HEADING && candidate->level <= level)
        {
          end = b;
          break;
        }
    }

  if (out_start != NULL)
    *out_start = start;
  if (out_end != NULL)
    *out_end = end;
}

void
pl_speech_speak (PlSpeech   *self,
                 PlDocument *document,
                 guint       start_block,
                 guint       start_char,
                 guint       end_block)
{
  PlSpeechReading *reading;
  GThread *thread;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PL_IS_SPEECH (self));
  g_return_if_fail (PL_IS_DOCUMENT (document));

  stop_reading (self);

  reading = g_new0 (PlSpeechReading, 1);
  g_atomic_ref_count_init (&reading->ref);
  g_mutex_init (&reading->lock);
  g_cond_init (&reading->cond);
  reading->requested_at = g_get_monotonic_time ();
  reading->utterances = pl_speech_build_utterances (document, start_block, start_char, end_block,
                                                    (guint) self->voice.pause_ms);
  pl_speech_voice_copy (&reading->voice, &self->voice);
  reading->output = self->output;
  reading->speed = self->speed;
  reading->context = g_main_context_ref (self->context);
  g_weak_ref_init (&reading->speech, self);
  self->reading = reading;
  g_set_object (&self->document, document);

  set_state (self, PL_SPEECH_STATE_SPEAKING);

  thread = g_thread_try_new ("pl-speech", pl_speech_reading_thread,
                             pl_speech_reading_ref (reading), &error);
  if (thread == NULL)
    {
      pl_speech_reading_unref (reading);
      pl_speech_post (reading, PL_SPEECH_POST_ERROR, 0, 0, 0,
                      g_error_new_literal (PL_SPEECH_ERROR, PL_SPEECH_ERROR_ENGINE,
                                           _("Plainly cannot start its voice. Close some other "
                                             "programs, then try again.")));
      return;
    }
  g_thread_unref (thread);
}

void
pl_speech_pause (PlSpeech *self)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  if (self->reading == NULL || self->state != PL_SPEECH_STATE_SPEAKING)
    return;

  /* The reading thread drops the queued sound itself within one chunk, so
   * this thread never waits on the sound server */
  g_mutex_lock (&self->reading->lock);
  self->reading->paused = TRUE;
  self->reading->flushed_at = g_get_monotonic_time ();
  self->reading->epoch++;
  g_cond_broadcast (&self->reading->cond);
  g_mutex_unlock (&self->reading->lock);
  set_state (self, PL_SPEECH_STATE_PAUSED);
}

void
pl_speech_resume (PlSpeech *self)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  if (self->reading == NULL || self->state != PL_SPEECH_STATE_PAUSED)
    return;

  g_mutex_lock (&self->reading->lock);
  self->reading->paused = FALSE;
  g_cond_broadcast (&self->reading->cond);
  g_mutex_unlock (&self->reading->lock);
  set_state (self, PL_SPEECH_STATE_SPEAKING);
}

void
pl_speech_stop (PlSpeech *self)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  stop_reading (self);
  g_clear_object (&self->document);
  set_state (self, PL_SPEECH_STATE_IDLE);
}

static void
jump (PlSpeech     *self,
      PlSpeechJump  to)
{
  if (self->reading == NULL)
    return;

  g_mutex_lock (&self->reading->lock);
  self->reading->jump = to;
  self->reading->paused = FALSE;
  self->reading->flushed_at = g_get_monotonic_time ();
  self->reading->epoch++;
  g_cond_broadcast (&self->reading->cond);
  g_mutex_unlock (&self->reading->lock);
  set_state (self, PL_SPEECH_STATE_SPEAKING);
}

void
pl_speech_previous_sentence (PlSpeech *self)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  jump (self, PL_SPEECH_JUMP_PREVIOUS);
}

void
pl_speech_next_sentence (PlSpeech *self)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  jump (self, PL_SPEECH_JUMP_NEXT);
}

void
pl_speech_repeat_sentence (PlSpeech *self)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  jump (self, PL_SPEECH_JUMP_REPEAT);
}

PlSpeechState
pl_speech_get_state (PlSpeech *self)
{
  g_return_val_if_fail (PL_IS_SPEECH (self), PL_SPEECH_STATE_IDLE);

  return self->state;
}

PlDocument *
pl_speech_get_document (PlSpeech *self)
{
  g_return_val_if_fail (PL_IS_SPEECH (self), NULL);

  return self->document;
}

gint64
pl_speech_get_first_audio_time (PlSpeech *self)
{
  gint64 time;

  g_return_val_if_fail (PL_IS_SPEECH (self), 0);

  if (self->reading == NULL)
    return 0;
  g_mutex_lock (&self->reading->lock);
  time = self->reading->first_audio_at;
  g_mutex_unlock (&self->reading->lock);
  return time;
}

gint64
pl_speech_get_request_time (PlSpeech *self)
{
  g_return_val_if_fail (PL_IS_SPEECH (self), 0);

  return self->reading != NULL ? self->reading->requested_at : 0;
}

