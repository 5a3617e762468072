/* pl-reader-private.h: what the tests reach of the reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the reader; not for the rest of the app.
 */

#pragma once

#include "pl-reader.h"

G_BEGIN_DECLS

/* Focus mode hides everything but the text: the contents here, and the
 * window's header bar when the window binds "focus-mode" to it. Escape,
 * or the "Leave focus mode" button shown in its place, leaves it. */
gboolean        pl_reader_get_focus_mode       (PlReader         *self);
void            pl_reader_set_focus_mode       (PlReader         *self,
                                                gboolean          focus_mode);
/* The list of parts, one activatable row a heading; for tests */
GtkListBox     *pl_reader_get_contents_list    (PlReader         *self);
GtkListBoxRow  *pl_reader_get_current_part_row (PlReader         *self);

G_END_DECLS
