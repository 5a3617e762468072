/* pl-staff-pages.h: the pages of the staff window, and who may open them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* The service's own pages, in the order the sidebar lists them */
guint       pl_staff_pages_n_service_pages (void);
const char *pl_staff_pages_service_page    (guint          index);
/* The sidebar's words for a page; some depend on the role */
const char *pl_staff_pages_title           (const char    *page,
                                            const PlStaff *staff);
gboolean    pl_staff_pages_can_open        (const PlStaff *staff,
                                            const char    *page);
/* A person's pages (person_id != 0, showing page) or one page of the
 * service; NULL with error when their records cannot be read */
GtkWidget  *pl_staff_pages_new             (PlStore       *store,
                                            const PlStaff *staff,
                                            gint64         person_id,
                                            const char    *page,
                                            GError       **error);
/* Moves a person's pages to another of them */
void        pl_staff_pages_show            (GtkWidget     *pages,
                                            const char    *page);
/* Another connection has committed changes: pages reads again what it
 * lists (complaints, diary entries, the history), keeping what staff are
 * writing and where the focus is */
void        pl_staff_pages_read_changes    (GtkWidget     *pages);

G_END_DECLS
