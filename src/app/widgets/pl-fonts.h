/* pl-fonts.h: the bundled low-vision font and the clear fonts to choose from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The family of the font Plainly brings with it: pl_font_families[0] */
#define PL_FONT_BUNDLED_FAMILY "Atkinson Hyperlegible Next"

/* Makes the bundled font usable by this process alone: the installed copy,
 * else the source tree's (for an uninstalled run). Call once at startup,
 * before any text is laid out; later calls do nothing. FALSE when no copy
 * could be added. */
gboolean  pl_fonts_register           (void);
/* The clear sans-serif families that are installed, best first, as Pango
 * names them. The desktop's default font is not among them: a NULL
 * PlSettings.font stands for it. */
char    **pl_fonts_list_available     (void);

G_END_DECLS
