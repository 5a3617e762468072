/* pl-fonts-private.h: what the tests reach of the bundled fonts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the bundled fonts; not for the rest of the app.
 */

#pragma once

#include "pl-fonts.h"

G_BEGIN_DECLS

/* The folder the bundled font was added from, or NULL */
const char *pl_fonts_get_registered_dir (void);
/* TRUE if Pango can use a family of this name (case does not matter) */
gboolean  pl_fonts_has_family         (const char *family);

G_END_DECLS
