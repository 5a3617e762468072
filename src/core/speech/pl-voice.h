/* pl-voice.h: one voice per window, shared by readings and talking buttons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pl-speech.h"
#include "pl-types.h"

G_BEGIN_DECLS

#define PL_TYPE_VOICE (pl_voice_get_type ())
G_DECLARE_FINAL_TYPE (PlVoice, pl_voice, PL, VOICE, GObject)

/* A PlVoice owns the two PlSpeech objects a window speaks with: the
 * reading (a document, or a form's questions) and the control words of
 * talking buttons. They never talk over each other:
 *   - starting or resuming a reading stops any control words;
 *   - control words asked for while a reading is speaking are dropped,
 *     not queued: a control's name is only worth hearing while it has the
 *     focus, and said after the reading it would name the wrong one;
 *   - while a reading is paused the voice is quiet, so control words are
 *     said (the person is likely finding "Carry on").
 * Whether talking buttons speak at all (off while a screen reader runs)
 * is PlTalkingButtons' choice, not the voice's. */

PlVoice    *pl_voice_new          (void);

/* The person's language (BCP 47, e.g. "cy"; NULL: English) chooses the
 * voice unless their settings name one; speed, pitch, volume and pause
 * come from settings (NULL keeps them). Both speeches get them. */
void        pl_voice_set_settings (PlVoice          *self,
                                   const PlSettings *settings,
                                   const char       *language);
/* The pronunciation list both speeches say words by (pl-lexicon.h); NULL
 * for none */
void        pl_voice_set_lexicon  (PlVoice          *self,
                                   PlLexicon        *lexicon);
/* The settings and language last given (settings NULL until some are),
 * for a copy made in the same voice and look: a talking book */
const PlSettings *pl_voice_get_settings (PlVoice *self);
const char       *pl_voice_get_language (PlVoice *self);
/* Where both speeches go; PL_SPEECH_OUTPUT_NULL for tests */
void        pl_voice_set_output   (PlVoice          *self,
                                   PlSpeechOutput    output,
                                   double            speed);

/* Reads blocks start_block (from start_char) to end_block, exclusive, as
 * pl_speech_speak does, stopping any control words first */
void        pl_voice_read         (PlVoice          *self,
                                   PlDocument       *document,
                                   guint             start_block,
                                   guint             start_char,
                                   guint             end_block);
/* Says a control's words, stopping the last control's; FALSE (and
 * nothing said) while a reading is speaking */
gboolean    pl_voice_say          (PlVoice          *self,
                                   const char       *words);
/* Stops the reading and the control words */
void        pl_voice_stop         (PlVoice          *self);

/* Pause, carry on, the sentence keys and the signals (word, sentence,
 * state-changed, finished, error) are the reading's own */
PlSpeech   *pl_voice_get_reading  (PlVoice          *self);
PlSpeech   *pl_voice_get_control  (PlVoice          *self);

G_END_DECLS
