/* pl-responses-editor-private.h: what the tests reach of the responses editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the responses editor; not for the rest of the app.
 */

#pragma once

#include "pl-responses-editor.h"

G_BEGIN_DECLS

gint64             pl_responses_editor_get_service  (PlResponsesEditor       *self);
/* The message shown now, or NULL */
const char        *pl_responses_editor_get_message  (PlResponsesEditor       *self);

G_END_DECLS
