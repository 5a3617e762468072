/* pl-store-private.h: what only tests may call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* Makes the database behave as if the disk were full beyond this many pages */
void pl_store_set_max_pages_for_testing (PlStore *self,
                                         int      pages);

G_END_DECLS
