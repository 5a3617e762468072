/* pl-complaint-desk.h: staff see, acknowledge and answer complaints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-responses-editor.h"
#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_COMPLAINT_DESK (pl_complaint_desk_get_type ())
G_DECLARE_FINAL_TYPE (PlComplaintDesk, pl_complaint_desk, PL, COMPLAINT_DESK, GtkWidget)

/* Every complaint, compliment and other feedback that has been sent (drafts
 * are the person's own), newest first. Choosing one shows what the person
 * wrote and its timeline, with Acknowledge, Answer, Escalate and Close,
 * each asking for its note, and "Publish as You said, we did", which opens
 * the "You said, we did" answers below with its words. Only staff who may
 * edit complaints act; others read.
 *
 * For tests, the widgets are named: "complaints" (the list), "acknowledge",
 * "respond", "escalate", "close", "publish-response", "note" (the text
 * view the note is written in), "note-confirm" and "note-cancel". */

PlComplaintDesk   *pl_complaint_desk_new                  (void);
/* store is not owned; staff (who is signed in) is copied */
void               pl_complaint_desk_set_context          (PlComplaintDesk *self,
                                                           PlStore         *store,
                                                           const PlStaff   *staff);
/* Reads the list again, keeping the one chosen, the row with the focus
 * and a note being written */
void               pl_complaint_desk_reload               (PlComplaintDesk *self);

G_END_DECLS
