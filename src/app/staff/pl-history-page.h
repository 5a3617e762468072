/* pl-history-page.h: a person's plan versions, comparing two, and every change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_HISTORY_PAGE (pl_history_page_get_type ())
G_DECLARE_FINAL_TYPE (PlHistoryPage, pl_history_page, PL, HISTORY_PAGE, GtkWidget)

/* For staff: every version of the person's plan (version, status in words,
 * date, who agreed), any two compared field by field in words, and the
 * history of the chosen version's records (who, when, what). store is
 * borrowed and must outlive the page (or the next call). */
GtkWidget  *pl_history_page_new          (void);
gboolean    pl_history_page_set_person   (PlHistoryPage  *self,
                                          PlStore        *store,
                                          gint64          person_id,
                                          GError        **error);

G_END_DECLS
