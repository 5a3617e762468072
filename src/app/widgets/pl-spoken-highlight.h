/* pl-spoken-highlight.h: the sentence and word being read, shown in a document view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pl-document-view.h"
#include "pl-easy-read-view.h"
#include "pl-speech.h"

G_BEGIN_DECLS

#define PL_TYPE_SPOKEN_HIGHLIGHT (pl_spoken_highlight_get_type ())
G_DECLARE_FINAL_TYPE (PlSpokenHighlight, pl_spoken_highlight, PL, SPOKEN_HIGHLIGHT, GObject)

/* Follows speech's "sentence" and "word" into view: the sentence shaded,
 * the word highlighted, in the theme's colours. Only a reading of the
 * document the view shows is drawn; the highlight clears when the reading
 * stops or ends, or when the view shows another document (typing in
 * Together mode makes a new one). Paused keeps it where the voice will
 * carry on. Both are kept until the highlight is disposed. */
PlSpokenHighlight *pl_spoken_highlight_new       (PlSpeech          *speech,
                                                  PlDocumentView    *view);
/* Also follows a reading of what an easy read view shows (its spoken
 * document), on that view's lines; NULL stops */
void               pl_spoken_highlight_set_easy_read (PlSpokenHighlight *self,
                                                      PlEasyReadView    *view);
/* The person's theme (pl-theme.h); NULL: the standard one */
void               pl_spoken_highlight_set_theme (PlSpokenHighlight *self,
                                                  const char        *theme_id);

/* The sentence shaded and the word highlighted in text (ranges in
 * characters; an empty range is not drawn), each in a pair of theme_id's
 * colours that reaches 7:1 (pl-theme.c, tested in test-theme) */
PangoAttrList     *pl_spoken_attributes          (const char        *text,
                                                  guint              sentence_start,
                                                  guint              sentence_end,
                                                  guint              word_start,
                                                  guint              word_end,
                                                  const char        *theme_id);

G_END_DECLS
