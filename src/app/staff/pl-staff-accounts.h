/* pl-staff-accounts.h: staff accounts, and one's own password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_STAFF_ACCOUNTS (pl_staff_accounts_get_type ())
G_DECLARE_FINAL_TYPE (PlStaffAccounts, pl_staff_accounts, PL, STAFF_ACCOUNTS, GtkWidget)

PlStaffAccounts *pl_staff_accounts_new         (void);
/* store is not owned; staff (who is signed in) is copied. Managers see and
 * change every account; everyone else changes only their own password. */
void             pl_staff_accounts_set_context (PlStaffAccounts *self,
                                                PlStore         *store,
                                                const PlStaff   *staff);

G_END_DECLS
