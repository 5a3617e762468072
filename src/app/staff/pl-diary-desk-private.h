/* pl-diary-desk-private.h: what the tests reach of the diary desk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the diary desk; not for the rest of the app.
 */

#pragma once

#include "pl-diary-desk.h"

G_BEGIN_DECLS

/* The message shown now ("Saved.", or why it cannot be saved), or NULL */
const char  *pl_diary_desk_get_message  (PlDiaryDesk    *self);

G_END_DECLS
