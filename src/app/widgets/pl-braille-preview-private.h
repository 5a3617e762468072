/* pl-braille-preview-private.h: what the tests reach of the braille preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the braille preview; not for the rest of the app.
 */

#pragma once

#include "pl-braille-preview.h"

G_BEGIN_DECLS

guint             pl_braille_preview_get_n_pages (PlBraillePreview *self);
/* From 0 */
guint             pl_braille_preview_get_page    (PlBraillePreview *self);
void              pl_braille_preview_set_page    (PlBraillePreview *self,
                                                  guint             page);
/* The cells of the page shown, one line a row */
const char       *pl_braille_preview_get_cells   (PlBraillePreview *self);
/* "Page 2 of 39", as shown and said */
const char       *pl_braille_preview_get_page_words (PlBraillePreview *self);

G_END_DECLS
