/* pl-diary-comment-dialog-private.h: what the tests reach of the diary comment dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the diary comment dialog; not for the rest of the app.
 */

#pragma once

#include "pl-diary-comment-dialog.h"

G_BEGIN_DECLS

/* Sends what is typed, as Send does; FALSE with the message shown when it
 * cannot be sent */
gboolean              pl_diary_comment_dialog_send        (PlDiaryCommentDialog *self);
GtkTextView          *pl_diary_comment_dialog_get_text_view (PlDiaryCommentDialog *self);
/* The message shown now (why it was not sent), or NULL */
const char           *pl_diary_comment_dialog_get_message (PlDiaryCommentDialog *self);

G_END_DECLS
