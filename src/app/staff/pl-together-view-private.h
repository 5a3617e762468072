/* pl-together-view-private.h: what the tests reach of Together mode's view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of Together mode's view; not for the rest of the app.
 */

#pragma once

#include "pl-together-view.h"

G_BEGIN_DECLS

/* The part being written (FALSE, the default), or the whole plan: a
 * whole plan at a large text size takes much longer to lay out than a
 * keystroke, so it is for looking through, not for typing beside */
void         pl_together_view_set_whole_plan (PlTogetherView   *self,
                                              gboolean          whole_plan);
/* "Read it back": the part at the anchor, in the person's voice settings */
void         pl_together_view_read_back   (PlTogetherView      *self);
/* "Open in its own window": the same view, following the same content,
 * fullscreen on a second monitor when there is one. Returns the window
 * (owned by GTK; closed with the view). */
GtkWindow   *pl_together_view_open_window (PlTogetherView      *self);
/* "Pictures…": the lines of easy read to change their pictures with the
 * person, in a dialog of the view's window; the view shows each change */
void         pl_together_view_open_pictures (PlTogetherView    *self);
PlReader    *pl_together_view_get_reader  (PlTogetherView      *self);
PlSpeech    *pl_together_view_get_speech  (PlTogetherView      *self);
/* What the view last said about itself ("Reading it back", a problem), or NULL */
const char  *pl_together_view_get_status  (PlTogetherView      *self);
/* The window opened by pl_together_view_open_window(), or NULL */
GtkWindow   *pl_together_view_get_window  (PlTogetherView      *self);

G_END_DECLS
