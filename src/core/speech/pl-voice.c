/* pl-voice.c: one voice per window, shared by readings and talking buttons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two PlSpeech objects, because a control's name must not lose the place
 * of a paused reading; one owner, so they take turns (see pl-voice.h).
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-document.h"
#include "pl-model.h"
#include "pl-voice.h"

struct _PlVoice
{
  GObject   parent_instance;

  PlSpeech   *reading;
  PlSpeech   *control;
  PlSettings *settings;   /* the last given, for copies made in this voice */
  char       *language;
};

G_DEFINE_FINAL_TYPE (PlVoice, pl_voice, G_TYPE_OBJECT)

/* Whoever started or resumed the reading, through the voice or through
 * the reading's own PlSpeech, the control words stop */
static void
reading_state_cb (PlSpeech *reading,
                  guint     state,
                  PlVoice  *self)
{
  if (state == PL_SPEECH_STATE_SPEAKING)
    pl_speech_stop (self->control);
}

static void
pl_voice_dispose (GObject *object)
{
  PlVoice *self = PL_VOICE (object);

  if (self->reading != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->reading, self);
      pl_speech_stop (self->reading);
    }
  if (self->control != NULL)
    pl_speech_stop (self->control);
  g_clear_object (&self->reading);
  g_clear_object (&self->control);
  g_clear_pointer (&self->settings, pl_settings_free);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (pl_voice_parent_class)->dispose (object);
}

static void
pl_voice_class_init (PlVoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pl_voice_dispose;
}

static void
pl_voice_init (PlVoice *self)
{
  /* Cheap: espeak-ng starts with the first thing said */
  self->reading = pl_speech_new ();
  self->control = pl_speech_new ();
  g_signal_connect (self->reading, "state-changed", G_CALLBACK (reading_state_cb), self);
}

PlVoice *
pl_voice_new (void)
{
  return g_object_new (PL_TYPE_VOICE, NULL);
}

void
pl_voice_set_settings (PlVoice          *self,
                       const PlSettings *settings,
                       const char       *language)
{
  PlSpeech *speeches[] = { self->reading, self->control };

  g_return_if_fail (PL_IS_VOICE (self));

  if (settings != NULL)
    {
      g_clear_pointer (&self->settings, pl_settings_free);
      self->settings = pl_settings_copy (settings);
    }
  g_free (self->language);
  self->language = g_strdup (language);

  for (guint i = 0; i < G_N_ELEMENTS (speeches); i++)
    {
      /* The person's language picks the voice unless they chose one */
      pl_speech_set_language (speeches[i], language);
      if (settings != NULL)
        pl_speech_apply_settings (speeches[i], settings);
    }
}

void
pl_voice_set_lexicon (PlVoice   *self,
                      PlLexicon *lexicon)
{
  g_return_if_fail (PL_IS_VOICE (self));

  pl_speech_set_lexicon (self->reading, lexicon);
  pl_speech_set_lexicon (self->control, lexicon);
}

const PlSettings *
pl_voice_get_settings (PlVoice *self)
{
  g_return_val_if_fail (PL_IS_VOICE (self), NULL);

  return self->settings;
}

const char *
pl_voice_get_language (PlVoice *self)
{
  g_return_val_if_fail (PL_IS_VOICE (self), NULL);

  return self->language;
}

void
pl_voice_set_output (PlVoice        *self,
                     PlSpeechOutput  output,
                     double          speed)
{
  g_return_if_fail (PL_IS_VOICE (self));

  pl_speech_set_output (self->reading, output, speed);
  pl_speech_set_output (self->control, output, speed);
}

void
pl_voice_read (PlVoice    *self,
               PlDocument *document,
               guint       start_block,
               guint       start_char,
               guint       end_block)
{
  g_return_if_fail (PL_IS_VOICE (self));
  g_return_if_fail (PL_IS_DOCUMENT (document));

  pl_speech_stop (self->control);
  pl_speech_stop (self->reading);
  pl_speech_speak (self->reading, document, start_block, start_char, end_block);
}

gboolean
pl_voice_say (PlVoice    *self,
              const char *words)
{
  g_autoptr(PlDocument) document = NULL;

  g_return_val_if_fail (PL_IS_VOICE (self), FALSE);
  g_return_val_if_fail (words != NULL, FALSE);

  if (pl_speech_get_state (self->reading) == PL_SPEECH_STATE_SPEAKING)
    return FALSE;

  document = pl_document_new (words);
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, "words", NULL, words);
  /* The latest control is the one that matters */
  pl_speech_stop (self->control);
  pl_speech_speak (self->control, document, 0, 0, PL_SPEECH_TO_END);
  return TRUE;
}

void
pl_voice_stop (PlVoice *self)
{
  g_return_if_fail (PL_IS_VOICE (self));

  pl_speech_stop (self->control);
  pl_speech_stop (self->reading);
}

PlSpeech *
pl_voice_get_reading (PlVoice *self)
{
  g_return_val_if_fail (PL_IS_VOICE (self), NULL);

  return self->reading;
}

PlSpeech *
pl_voice_get_control (PlVoice *self)
{
  g_return_val_if_fail (PL_IS_VOICE (self), NULL);

  return self->control;
}
