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
GtkWidget     *pl_person_pages_get_checklist (PlPersonPages *self);

G_END_DECLS
