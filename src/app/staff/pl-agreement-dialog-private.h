/* pl-agreement-dialog-private.h: what the tests reach of the agreement dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the agreement dialog; not for the rest of the app.
 */

#pragma once

#include "pl-agreement-dialog.h"

G_BEGIN_DECLS

/* What Record does: FALSE, with the reason shown in the dialog, when
 * nothing was saved */
gboolean           pl_agreement_dialog_record (PlAgreementDialog *self);
/* The problem shown, or NULL */
const char        *pl_agreement_dialog_get_error (PlAgreementDialog *self);

G_END_DECLS
