/* pl-speech-say.h: what the voice is given for a written sentence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * espeak-ng reads "0161 496 0512" as "zero one six one, four hundred and
 * ninety-six...", an NHS number as three large numbers, "AB123456C" as
 * "one hundred and twenty-three thousand...", "£12.50" as "pound twelve
 * point five zero", and drops Urdu's digits. The written words stay as
 * they are on screen and paper; what is said is rewritten here, with a map
 * from each character said back to the character written, so the spoken
 * word highlight stays on the written word.
 */

#pragma once

#include <glib.h>

#include "pl-lexicon.h"

G_BEGIN_DECLS

typedef struct
{
  char   *text;   /* for espeak-ng; SSML if ssml is set */
  gboolean ssml;
  gboolean phonemes; /* text has phonemes in [[ ]] from the pronunciation list */
  GArray *map;    /* (element-type guint): for each character of text, the
                   * character of the written text it says; one more entry
                   * at the end, the written text's length */
} PlSpeechSay;

/* language: the voice's ("en-gb", "cy", "ur"), for the words of money */
PlSpeechSay *pl_speech_say_new  (const char  *written,
                                 const char  *language);
/* With the words of lexicon (NULL: none) said as it says them */
PlSpeechSay *pl_speech_say_new_full (const char      *written,
                                     const char      *language,
                                     const PlLexicon *lexicon);
void         pl_speech_say_free (PlSpeechSay *say);

/* The voice for a text in a language: Panjabi written in the Shahmukhi
 * (Arabic) script is read by the Urdu voice, which knows those letters;
 * the Panjabi voice spells them one by one. Otherwise language itself. */
const char  *pl_speech_say_language (const char *written,
                                     const char *language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlSpeechSay, pl_speech_say_free)

G_END_DECLS
