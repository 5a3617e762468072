/* pl-staff-accounts-private.h: what the tests reach of the staff accounts page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the staff accounts page; not for the rest of the app.
 */

#pragma once

#include "pl-staff-accounts.h"

G_BEGIN_DECLS

/* The message shown now, or NULL */
const char      *pl_staff_accounts_get_message (PlStaffAccounts *self);

G_END_DECLS
