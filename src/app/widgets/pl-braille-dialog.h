/* pl-braille-dialog.h: "Save Braille Copy": grade, page size, a preview, then where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-braille.h"
#include "pl-braille-preview.h"
#include "pl-document.h"

G_BEGIN_DECLS

#define PL_TYPE_BRAILLE_DIALOG (pl_braille_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlBrailleDialog, pl_braille_dialog, PL, BRAILLE_DIALOG, AdwWindow)

/* For document, starting from options (pl_braille_options_for_reader ());
 * the preview is open at first when show_preview (for staff), behind
 * "Show the braille on screen" otherwise. It emits "saved" with words for
 * the reader once the copy is written, then closes. */
PlBrailleDialog  *pl_braille_dialog_new         (GtkWindow              *parent,
                                                 PlDocument             *document,
                                                 const PlBrailleOptions *options,
                                                 gboolean                show_preview);

G_END_DECLS
