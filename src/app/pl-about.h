/* pl-about.h: Plainly's About window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The About window over parent (may be NULL), not yet shown: the version,
 * the licence, and the credit the easy read pictures' licence asks for */
GtkWidget *pl_about_window_new (GtkWindow *parent);

G_END_DECLS
