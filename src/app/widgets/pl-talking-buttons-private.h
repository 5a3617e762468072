/* pl-talking-buttons-private.h: what the tests reach of talking buttons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of talking buttons; not for the rest of the app.
 */

#pragma once

#include "pl-talking-buttons.h"

G_BEGIN_DECLS

gboolean          pl_talking_buttons_get_enabled (PlTalkingButtons *self);
/* A screen reader already says these things: the buttons stay quiet while
 * one runs. Found on the accessibility bus; settable for tests. */
void              pl_talking_buttons_set_screen_reader_running (PlTalkingButtons *self,
                                                                gboolean          running);
/* The pointer has rested on widget (as the dwell timer finds) */
void              pl_talking_buttons_hover      (PlTalkingButtons *self,
                                                 GtkWidget        *widget);
/* What is said for widget or the control it is part of: its label and,
 * for toggles and switches, whether it is on; NULL when it is not a control
 * or shows no words */
char             *pl_widget_spoken_label        (GtkWidget        *widget);

G_END_DECLS
