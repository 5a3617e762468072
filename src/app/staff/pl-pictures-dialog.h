/* pl-pictures-dialog.h: staff change or remove the pictures of easy read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_PICTURES_DIALOG (pl_pictures_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlPicturesDialog, pl_pictures_dialog, PL, PICTURES_DIALOG, AdwWindow)

/* Every line of person_id's plan as easy read shows it, each with its
 * picture and a way to change it: a search of the symbols by word, or no
 * picture, for the person or the whole service. store is not owned and
 * must outlive the dialog. */
PlPicturesDialog *pl_pictures_dialog_new        (PlStore          *store,
                                                 gint64            person_id);

/* For the tests: the lines shown, and choosing for line index (from 0)
 * what a person would choose on the second page: symbol (NULL: no
 * picture) for words, for the service or the person alone */
guint             pl_pictures_dialog_get_n_lines (PlPicturesDialog *self);
const char       *pl_pictures_dialog_get_line_symbol (PlPicturesDialog *self,
                                                      guint             index);
gboolean          pl_pictures_dialog_change_line (PlPicturesDialog *self,
                                                  guint             index);

G_END_DECLS
