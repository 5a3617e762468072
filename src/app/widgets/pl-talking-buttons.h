/* pl-talking-buttons.h: says a control's name when it gets the focus or the
 * pointer rests on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PL_TYPE_TALKING_BUTTONS (pl_talking_buttons_get_type ())
G_DECLARE_FINAL_TYPE (PlTalkingButtons, pl_talking_buttons, PL, TALKING_BUTTONS, GObject)

/* Watches window (which it does not keep alive); emits "speak" with the
 * words to say. Off until enabled. */
PlTalkingButtons *pl_talking_buttons_new        (GtkWindow        *window);
void              pl_talking_buttons_set_enabled (PlTalkingButtons *self,
                                                  gboolean          enabled);
gboolean          pl_talking_buttons_get_screen_reader_running (PlTalkingButtons *self);

G_END_DECLS
