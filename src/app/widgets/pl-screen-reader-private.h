/* pl-screen-reader-private.h: what the tests reach of the screen reader check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the screen reader check; not for the rest of the app.
 */

#pragma once

#include "pl-screen-reader.h"

G_BEGIN_DECLS

/* For tests: as though a screen reader started or stopped */
void            pl_screen_reader_set_running (PlScreenReader *self,
                                              gboolean        running);

G_END_DECLS
