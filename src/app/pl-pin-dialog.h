/* pl-pin-dialog.h: asks for the PIN of whoever chose their name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PL_TYPE_PIN_DIALOG (pl_pin_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlPinDialog, pl_pin_dialog, PL, PIN_DIALOG, AdwWindow)

/* name: whose PIN, as they like to be called; hash: what pl_secret_hash
 * made of it; failures: wrong tries in a row so far, so that closing the
 * dialog does not reset the wait. Emits "unlocked" when the PIN is right,
 * then closes; "failed" after each wrong PIN, with the new count. */
PlPinDialog *pl_pin_dialog_new          (GtkWindow   *parent,
                                         const char  *name,
                                         const char  *hash,
                                         guint        failures);
/* Checks pin as if typed and Open pressed; returns whether it was right */
gboolean     pl_pin_dialog_try          (PlPinDialog *self,
                                         const char  *pin);
GtkWidget   *pl_pin_dialog_get_entry    (PlPinDialog *self);
/* What the dialog is telling the person now ("That PIN is not right…") */
const char  *pl_pin_dialog_get_message  (PlPinDialog *self);

G_END_DECLS
