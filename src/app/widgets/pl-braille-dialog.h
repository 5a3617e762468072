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
/* The options as chosen now */
PlBrailleOptions *pl_braille_dialog_get_options (PlBrailleDialog        *self);
void              pl_braille_dialog_set_grade   (PlBrailleDialog        *self,
                                                 int                     grade);
/* Writes the copy to path off the main thread, as Save does once a place
 * is chosen; a failure is said in the dialog, which stays open */
void              pl_braille_dialog_save_to     (PlBrailleDialog        *self,
                                                 const char             *path);
gboolean          pl_braille_dialog_is_busy     (PlBrailleDialog        *self);
/* What the dialog says now (a failure, or that it is saving), or NULL */
const char       *pl_braille_dialog_get_message (PlBrailleDialog        *self);
PlBraillePreview *pl_braille_dialog_get_preview (PlBrailleDialog        *self);
/* Whether the preview is being made for options just changed */
gboolean          pl_braille_dialog_is_previewing (PlBrailleDialog      *self);

G_END_DECLS
