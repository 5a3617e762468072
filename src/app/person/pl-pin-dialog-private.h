/* pl-pin-dialog-private.h: what the tests reach of the PIN dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the PIN dialog; not for the rest of the app.
 */

#pragma once

#include "pl-pin-dialog.h"

G_BEGIN_DECLS

/* Checks pin as if typed and Open pressed. The answer comes later, on the
 * main loop: wait while pl_pin_dialog_get_checking () says so. */
void         pl_pin_dialog_try          (PlPinDialog *self,
                                         const char  *pin);
gboolean     pl_pin_dialog_get_checking (PlPinDialog *self);
GtkWidget   *pl_pin_dialog_get_entry    (PlPinDialog *self);
/* What the dialog is telling the person now ("That PIN is not right…") */
const char  *pl_pin_dialog_get_message  (PlPinDialog *self);

G_END_DECLS
