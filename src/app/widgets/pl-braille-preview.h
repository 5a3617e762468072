/* pl-braille-preview.h: a braille copy on screen, page by page, for sighted staff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PL_TYPE_BRAILLE_PREVIEW (pl_braille_preview_get_type ())
G_DECLARE_FINAL_TYPE (PlBraillePreview, pl_braille_preview, PL, BRAILLE_PREVIEW, GtkWidget)

PlBraillePreview *pl_braille_preview_new         (void);
/* Shows brf (pl_braille_format ()) as Unicode braille cells from its first
 * page; NULL shows nothing */
void              pl_braille_preview_set_brf     (PlBraillePreview *self,
                                                  const char       *brf);

G_END_DECLS
