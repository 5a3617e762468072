/* pl-spoken-highlight-private.h: what the tests reach of the spoken highlight
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the spoken highlight; not for the rest of the app.
 */

#pragma once

#include "pl-spoken-highlight.h"

G_BEGIN_DECLS

/* The block highlighted now, or -1 */
int                pl_spoken_highlight_get_block (PlSpokenHighlight *self);

G_END_DECLS
