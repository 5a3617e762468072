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

G_END_DECLS
