/* pl-history-page-private.h: what the tests reach of the history page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the history page; not for the rest of the app.
 */

#pragma once

#include "pl-history-page.h"

G_BEGIN_DECLS

/* What the Compare button does, for two plan ids of the person; also
 * shows the history of newer's records */
gboolean    pl_history_page_compare      (PlHistoryPage  *self,
                                          gint64          older_plan_id,
                                          gint64          newer_plan_id,
                                          GError        **error);
/* The words of the list rows; for tests */
guint       pl_history_page_get_n_versions (PlHistoryPage *self);
const char *pl_history_page_get_version_text (PlHistoryPage *self,
                                              guint          index);
guint       pl_history_page_get_n_changes  (PlHistoryPage *self);
const char *pl_history_page_get_change_text (PlHistoryPage *self,
                                             guint          index);
guint       pl_history_page_get_n_history  (PlHistoryPage *self);
const char *pl_history_page_get_history_text (PlHistoryPage *self,
                                              guint          index);

G_END_DECLS
