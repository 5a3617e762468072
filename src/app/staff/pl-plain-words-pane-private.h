/* pl-plain-words-pane-private.h: what the tests reach of the plain words pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the plain words pane; not for the rest of the app.
 */

#pragma once

#include "pl-plain-words-pane.h"

G_BEGIN_DECLS

/* Looks at the text now rather than after the pause */
void        pl_plain_words_pane_update_now     (PlPlainWordsPane *self);
GtkWidget  *pl_plain_words_pane_get_watched    (PlPlainWordsPane *self);
/* The hints shown (element-type PlPlainHint) */
GPtrArray  *pl_plain_words_pane_get_hints      (PlPlainWordsPane *self);
/* The words above the list: the reading ease and how many hints */
const char *pl_plain_words_pane_get_summary    (PlPlainWordsPane *self);
/* The row of hint index, and its buttons */
GtkWidget  *pl_plain_words_pane_get_row        (PlPlainWordsPane *self,
                                                guint             index);
GtkWidget  *pl_plain_words_pane_get_read_button (PlPlainWordsPane *self,
                                                 guint             index);
GtkWidget  *pl_plain_words_pane_get_show_button (PlPlainWordsPane *self,
                                                 guint             index);
/* The voice a hint is read in now */
PlVoice    *pl_plain_words_pane_get_voice      (PlPlainWordsPane *self);

G_END_DECLS
