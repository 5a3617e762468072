/* pl-person-pages.h: one person's plan, checklist, history and diary, for staff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-document-kind.h"
#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_PERSON_PAGES (pl_person_pages_get_type ())
G_DECLARE_FINAL_TYPE (PlPersonPages, pl_person_pages, PL, PERSON_PAGES, GtkWidget)

PlPersonPages *pl_person_pages_new          (void);
/* store is not owned; staff is copied. FALSE when the person's records
 * cannot be read. */
gboolean       pl_person_pages_set_context  (PlPersonPages  *self,
                                             PlStore        *store,
                                             const PlStaff  *staff,
                                             gint64          person_id,
                                             GError        **error);
/* Another window or program has written to the file: the history and the
 * diary's entries are read again; what is being written stays */
void           pl_person_pages_read_changes (PlPersonPages  *self);
/* "plan", "checklist", "history" or "diary" */
void           pl_person_pages_show         (PlPersonPages  *self,
                                             const char     *page);
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
GtkWidget     *pl_person_pages_get_editor   (PlPersonPages  *self);
GtkWidget     *pl_person_pages_get_together (PlPersonPages  *self);
GtkWidget     *pl_person_pages_get_checklist (PlPersonPages *self);
GtkWidget     *pl_person_pages_get_history  (PlPersonPages  *self);
GtkWidget     *pl_person_pages_get_diary    (PlPersonPages  *self);

G_END_DECLS
