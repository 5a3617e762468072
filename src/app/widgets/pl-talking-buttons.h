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
gboolean          pl_talking_buttons_get_enabled (PlTalkingButtons *self);
/* A screen reader already says these things: the buttons stay quiet while
 * one runs. Found on the accessibility bus; settable for tests. */
void              pl_talking_buttons_set_screen_reader_running (PlTalkingButtons *self,
                                                                gboolean          running);
gboolean          pl_talking_buttons_get_screen_reader_running (PlTalkingButtons *self);
/* The pointer has rested on widget (as the dwell timer finds) */
void              pl_talking_buttons_hover      (PlTalkingButtons *self,
                                                 GtkWidget        *widget);

/* What is said for widget or the control it is part of: its label and,
 * for toggles and switches, whether it is on; NULL when it is not a control
 * or shows no words */
char             *pl_widget_spoken_label        (GtkWidget        *widget);

G_END_DECLS
