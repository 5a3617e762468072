/* pl-read-aloud-bar-private.h: what the tests reach of the read-aloud bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the read-aloud bar; not for the rest of the app.
 */

#pragma once

#include "pl-read-aloud-bar.h"

G_BEGIN_DECLS

PlVoice    *pl_read_aloud_bar_get_voice    (PlReadAloudBar      *self);
/* What the buttons and shortcuts do */
void        pl_read_aloud_bar_read_from_here (PlReadAloudBar    *self);
void        pl_read_aloud_bar_read_part    (PlReadAloudBar      *self);
/* Pauses, or resumes at the same word; starts from here when idle */
void        pl_read_aloud_bar_toggle_pause (PlReadAloudBar      *self);
/* The voice's reading, or NULL without a voice */
PlSpeech   *pl_read_aloud_bar_get_speech   (PlReadAloudBar      *self);
/* What the bar is telling the person ("Reading aloud", a problem…) */
const char *pl_read_aloud_bar_get_status   (PlReadAloudBar      *self);
/* Compact: only the main controls (read aloud or pause, stop, back and
 * next sentence), the rest in the More menu. The bar chooses by itself,
 * when the full bar would take more than an eighth of the window's height */
gboolean    pl_read_aloud_bar_get_compact  (PlReadAloudBar      *self);

G_END_DECLS
