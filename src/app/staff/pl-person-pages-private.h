/* pl-person-pages-private.h: what the tests reach of one person's pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of one person's pages; not for the rest of the app.
 */

#pragma once

#include "pl-person-pages.h"

G_BEGIN_DECLS

const char    *pl_person_pages_get_page     (PlPersonPages  *self);
/* Together mode: the person's own view beside the form */
void           pl_person_pages_set_together (PlPersonPages  *self,
                                             gboolean        together);
/* "Record agreement": the dialog for the saved plan, or NULL (and a
 * message) when there is none yet */
GtkWindow     *pl_person_pages_open_agreement (PlPersonPages *self);
/* "Braille Copy": the dialog with a preview for this kind of the person's
 * documents, as this member of staff may read it; or a message saying why
 * it cannot be made */
GtkWindow     *pl_person_pages_open_braille (PlPersonPages  *self,
                                             PlDocumentKind  kind);
/* "Export for another care record": the person's record as a FHIR
 * bundle, as this member of staff may see it, written to file; a message
 * under the buttons says where */
gboolean       pl_person_pages_export_fhir  (PlPersonPages  *self,
                                             GFile          *file,
                                             GError        **error);
/* Saves the person's document of this kind as a talking book in their own
 * look and voice: to path, or where staff choose when path is NULL. The
 * saver's window, or a message saying why none could be made. */
GtkWindow     *pl_person_pages_save_talking_book (PlPersonPages  *self,
                                                  PlDocumentKind  kind,
                                                  const char     *path);
GtkWidget     *pl_person_pages_get_editor   (PlPersonPages  *self);
GtkWidget     *pl_person_pages_get_together (PlPersonPages  *self);
GtkWidget     *pl_person_pages_get_history  (PlPersonPages  *self);
GtkWidget     *pl_person_pages_get_diary    (PlPersonPages  *self);

/* What pl-person-pages-export.c shares with pl-person-pages.c */
PlStore       *pl_person_pages_get_store    (PlPersonPages  *self);
const PlStaff *pl_person_pages_get_staff    (PlPersonPages  *self);
gint64         pl_person_pages_get_person_id (PlPersonPages *self);
GtkLabel      *pl_person_pages_get_copy_message (PlPersonPages *self);
void           pl_person_pages_export_action_cb (GtkWidget   *widget,
                                                 const char  *action_name,
                                                 GVariant    *parameter);

G_END_DECLS
