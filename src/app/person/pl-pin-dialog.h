/* pl-pin-dialog.h: asks for the PIN of whoever chose their name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-access.h"

G_BEGIN_DECLS

#define PL_TYPE_PIN_DIALOG (pl_pin_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlPinDialog, pl_pin_dialog, PL, PIN_DIALOG, AdwWindow)

/* Asks for the PIN of a person or a carer (kind PL_VIEWER_PERSON or
 * PL_VIEWER_CARER, id theirs); name: as they like to be called. The PIN is
 * checked by the access policy in a worker thread, wrong tries are counted
 * in store and a wait they earned is kept, also across restarts. Emits
 * "unlocked" with the PlViewer the right PIN opened, then closes. */
PlPinDialog *pl_pin_dialog_new          (GtkWindow    *parent,
                                         PlStore      *store,
                                         PlViewerKind  kind,
                                         gint64        id,
                                         const char   *name);
/* Checks pin as if typed and Open pressed. The answer comes later, on the
 * main loop: wait while pl_pin_dialog_get_checking () says so. */
void         pl_pin_dialog_try          (PlPinDialog *self,
                                         const char  *pin);
gboolean     pl_pin_dialog_get_checking (PlPinDialog *self);
GtkWidget   *pl_pin_dialog_get_entry    (PlPinDialog *self);
/* What the dialog is telling the person now ("That PIN is not right…") */
const char  *pl_pin_dialog_get_message  (PlPinDialog *self);

G_END_DECLS
