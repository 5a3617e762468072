/* pl-diary-comment-dialog.h: the person or a carer comments on a diary entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_DIARY_COMMENT_DIALOG (pl_diary_comment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlDiaryCommentDialog, pl_diary_comment_dialog, PL, DIARY_COMMENT_DIALOG, AdwWindow)

/* A modal window to write a comment on entry_id, signed author; carer_id 0
 * when it is the person. store is not owned and must outlive the dialog.
 * Set the window it belongs to with gtk_window_set_transient_for (): the
 * dialog takes that window's reading size and colours (its pl-reader
 * classes). Emits "sent" (gint64 comment id) once the comment is stored,
 * then closes. */
PlDiaryCommentDialog *pl_diary_comment_dialog_new         (PlStore              *store,
                                                           gint64                entry_id,
                                                           const char           *author,
                                                           gint64                carer_id);

G_END_DECLS
