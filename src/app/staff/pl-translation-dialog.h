/* pl-translation-dialog.h: staff keep a person's plan in another language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_TRANSLATION_DIALOG (pl_translation_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlTranslationDialog, pl_translation_dialog, PL, TRANSLATION_DIALOG,
                      AdwWindow)

/* Every text staff wrote in person_id's current plan, as written beside a
 * box for the same words in the chosen language (pl-plan-translation.h);
 * Save keeps what was written in every language touched, in one
 * transaction each. store is not owned and must outlive the dialog. */
PlTranslationDialog *pl_translation_dialog_new      (PlStore             *store,
                                                     gint64               person_id);

/* For the tests: the texts shown, choosing the language (a tag Plainly
 * offers), writing a text's translation as a person types it, the line
 * that says how many are done, and Save */
guint       pl_translation_dialog_get_n_texts       (PlTranslationDialog *self);
const char *pl_translation_dialog_get_source        (PlTranslationDialog *self,
                                                     guint                index);
gboolean    pl_translation_dialog_choose_language   (PlTranslationDialog *self,
                                                     const char          *tag);
void        pl_translation_dialog_set_text          (PlTranslationDialog *self,
                                                     guint                index,
                                                     const char          *text);
char       *pl_translation_dialog_get_text          (PlTranslationDialog *self,
                                                     guint                index);
GtkWidget  *pl_translation_dialog_get_text_view     (PlTranslationDialog *self,
                                                     guint                index);
const char *pl_translation_dialog_get_status        (PlTranslationDialog *self);
gboolean    pl_translation_dialog_save              (PlTranslationDialog *self,
                                                     GError             **error);

G_END_DECLS
