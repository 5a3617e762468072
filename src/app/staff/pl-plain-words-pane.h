/* pl-plain-words-pane.h: plain words, beside what staff write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pl-plain-words.h"
#include "pl-store.h"
#include "pl-voice.h"

G_BEGIN_DECLS

#define PL_TYPE_PLAIN_WORDS_PANE (pl_plain_words_pane_get_type ())
G_DECLARE_FINAL_TYPE (PlPlainWordsPane, pl_plain_words_pane, PL, PLAIN_WORDS_PANE, GtkWidget)

/* Points out, never blocking, what would make the words plainer
 * (pl-plain-words.h) in the text box being written in: the one inside
 * scope (pl_plain_words_pane_follow ()) that last had the focus. It
 * follows what is typed after a short pause, shows the reading ease, and
 * each hint can be read aloud or shown in the text. */
GtkWidget  *pl_plain_words_pane_new          (void);
/* Follows the focus among the text boxes inside scope */
void        pl_plain_words_pane_follow       (PlPlainWordsPane *self,
                                              GtkWidget        *scope);
/* The text box to look at now: a GtkTextView or a GtkEditable; NULL none */
void        pl_plain_words_pane_watch        (PlPlainWordsPane *self,
                                              GtkWidget        *text);
/* Easy read keeps sentences shorter and to one idea */
void        pl_plain_words_pane_set_audience (PlPlainWordsPane *self,
                                              PlPlainAudience   audience);
/* Easy read when the person the words are for reads in it: their own
 * settings, or their recorded needs when they have chosen none. Staff can
 * still change it; it lasts until the next person. */
void        pl_plain_words_pane_set_reader   (PlPlainWordsPane *self,
                                              PlStore          *store,
                                              gint64            person_id);
/* The voice hints are read in; without one, the staff window's */
void        pl_plain_words_pane_set_voice    (PlPlainWordsPane *self,
                                              PlVoice          *voice);

G_END_DECLS
