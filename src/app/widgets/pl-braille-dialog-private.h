/* pl-braille-dialog-private.h: what the tests reach of the braille dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the braille dialog; not for the rest of the app.
 */

#pragma once

#include "pl-braille-dialog.h"

G_BEGIN_DECLS

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
