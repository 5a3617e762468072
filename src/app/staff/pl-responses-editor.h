/* pl-responses-editor.h: staff write and publish "You said, we did"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_RESPONSES_EDITOR (pl_responses_editor_get_type ())
G_DECLARE_FINAL_TYPE (PlResponsesEditor, pl_responses_editor, PL, RESPONSES_EDITOR, GtkWidget)

/* Lists a service's answers, each with Change and Publish (or Take back),
 * and a form for a new or changed one. Only staff who may edit complaints
 * change anything; others read the list.
 *
 * For tests, the widgets are named: "new-response", "you-said", "we-did",
 * "save-response", "save-and-publish", "cancel-response", and on each row
 * "response-change-ID" and "response-publish-ID" (Publish or Take back). */

PlResponsesEditor *pl_responses_editor_new          (void);
/* store is not owned; staff is copied. service_id 0: the first service. */
void               pl_responses_editor_set_context  (PlResponsesEditor       *self,
                                                     PlStore                 *store,
                                                     const PlStaff           *staff,
                                                     gint64                   service_id);
/* Opens the form with response's words (a new answer when its id is 0),
 * for its service, and puts the focus in it. FALSE when staff may not. */
gboolean           pl_responses_editor_start        (PlResponsesEditor       *self,
                                                     const PlServiceResponse *response);
/* Reads the list again from the store */
void               pl_responses_editor_reload       (PlResponsesEditor       *self);

G_END_DECLS
