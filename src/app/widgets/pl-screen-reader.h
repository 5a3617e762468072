/* pl-screen-reader.h: whether a screen reader is running, however it was
 * started
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PL_TYPE_SCREEN_READER (pl_screen_reader_get_type ())
G_DECLARE_FINAL_TYPE (PlScreenReader, pl_screen_reader, PL, SCREEN_READER, GObject)

/* One for the whole app; "running" changes as screen readers come and go */
PlScreenReader *pl_screen_reader_get_default (void);
gboolean        pl_screen_reader_get_running (PlScreenReader *self);

G_END_DECLS
