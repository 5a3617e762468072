/* pl-screenshot-private.h: what the tests reach of screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of screenshots; not for the rest of the app.
 */

#pragma once

#include "pl-screenshot.h"

G_BEGIN_DECLS

/* The pixels of widget as drawn now, as the renderer draws them on screen */
GdkTexture *pl_screenshot_render     (GtkWidget           *widget);

G_END_DECLS
