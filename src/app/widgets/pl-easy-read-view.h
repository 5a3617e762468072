/* pl-easy-read-view.h: a document in easy read, on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pl-document.h"
#include "pl-model.h"

G_BEGIN_DECLS

#define PL_TYPE_EASY_READ_VIEW (pl_easy_read_view_get_type ())
G_DECLARE_FINAL_TYPE (PlEasyReadView, pl_easy_read_view, PL, EASY_READ_VIEW, GtkWidget)

GtkWidget  *pl_easy_read_view_new          (void);
PlDocument *pl_easy_read_view_get_document (PlEasyReadView *self);
void        pl_easy_read_view_set_document (PlEasyReadView *self,
                                            PlDocument     *document);
/* The reader's text size in points (easy read shows at least 16) and
 * where the pictures go */
void        pl_easy_read_view_set_look     (PlEasyReadView *self,
                                            int             text_size,
                                            PlSymbolPlace   symbols);
/* What easy read shows as a document of its own, a block a line
 * (pl_easy_read_document ()), for the voice to read; made when first asked
 * for, and again when the document changes. peek: NULL until then. */
PlDocument *pl_easy_read_view_get_spoken_document  (PlEasyReadView *self);
PlDocument *pl_easy_read_view_peek_spoken_document (PlEasyReadView *self);
/* Reading aloud: line block of the spoken document shaded from
 * sentence_start to sentence_end and its word highlighted (characters),
 * in theme_id's colours, and kept in sight; block -1 clears */
void        pl_easy_read_view_set_spoken   (PlEasyReadView *self,
                                            int             block,
                                            guint           sentence_start,
                                            guint           sentence_end,
                                            guint           word_start,
                                            guint           word_end,
                                            const char     *theme_id);
/* The line the focus is in (a block of the spoken document), else 0 */
guint       pl_easy_read_view_get_place    (PlEasyReadView *self);
/* The words of line index, for the tests */
GtkWidget  *pl_easy_read_view_get_line_words (PlEasyReadView *self,
                                              guint           index);
/* The widget of the first line, for the focus and the tests */
GtkWidget  *pl_easy_read_view_get_first_line (PlEasyReadView *self);
/* Scrolls the first line of the part with anchor to the top; FALSE when
 * the document has no such part */
gboolean    pl_easy_read_view_scroll_to_anchor (PlEasyReadView *self,
                                                const char     *anchor);

/* A symbol Plainly ships drawn size pixels square, for any widget that
 * shows one (easy read, staff choosing a picture) */
GdkTexture *pl_symbol_texture_new          (const char      *symbol,
                                            int              size,
                                            GError         **error);

G_END_DECLS
