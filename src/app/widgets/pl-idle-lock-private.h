/* pl-idle-lock-private.h: what the tests reach of the idle lock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the idle lock; not for the rest of the app.
 */

#pragma once

#include "pl-idle-lock.h"

G_BEGIN_DECLS

guint       pl_idle_lock_get_timeout  (PlIdleLock *self);
gboolean    pl_idle_lock_is_armed     (PlIdleLock *self);

G_END_DECLS
