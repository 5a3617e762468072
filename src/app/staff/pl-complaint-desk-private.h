/* pl-complaint-desk-private.h: what the tests reach of the complaint desk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the complaint desk; not for the rest of the app.
 */

#pragma once

#include "pl-complaint-desk.h"

G_BEGIN_DECLS

/* Chooses a complaint as the list does; FALSE when it is not listed */
gboolean           pl_complaint_desk_select               (PlComplaintDesk *self,
                                                           gint64           complaint_id);
gint64             pl_complaint_desk_get_selected         (PlComplaintDesk *self);
/* The message shown now, or NULL */
const char        *pl_complaint_desk_get_message          (PlComplaintDesk *self);
PlResponsesEditor *pl_complaint_desk_get_responses_editor (PlComplaintDesk *self);

G_END_DECLS
