/* pl-welcome-editor-private.h: what the tests reach of the welcome pack editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the welcome pack editor; not for the rest of the app.
 */

#pragma once

#include "pl-welcome-editor.h"

G_BEGIN_DECLS

gint64           pl_welcome_editor_get_service   (PlWelcomeEditor  *self);
/* TRUE when unsaved changes from an earlier time were offered back */
gboolean         pl_welcome_editor_has_restored  (PlWelcomeEditor  *self);
/* What Save does; the message says what was refused */
gboolean         pl_welcome_editor_save          (PlWelcomeEditor  *self,
                                                  GError          **error);
PlReader        *pl_welcome_editor_get_reader    (PlWelcomeEditor  *self);
/* The message shown now, or NULL */
const char      *pl_welcome_editor_get_message   (PlWelcomeEditor  *self);

G_END_DECLS
