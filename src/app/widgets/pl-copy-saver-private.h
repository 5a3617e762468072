/* pl-copy-saver-private.h: what the tests reach of the copy saver
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the copy saver; not for the rest of the app.
 */

#pragma once

#include "pl-copy-saver.h"

G_BEGIN_DECLS

gboolean     pl_copy_saver_is_busy  (PlCopySaver   *self);
/* What the Stop button does */
void         pl_copy_saver_stop     (PlCopySaver   *self);

G_END_DECLS
