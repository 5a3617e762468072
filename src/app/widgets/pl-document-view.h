/* pl-document-view.h: a PlDocument as real text in real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pl-document.h"

G_BEGIN_DECLS

#define PL_TYPE_DOCUMENT_VIEW (pl_document_view_get_type ())
G_DECLARE_FINAL_TYPE (PlDocumentView, pl_document_view, PL, DOCUMENT_VIEW, GtkWidget)

GtkWidget     *pl_document_view_new                (void);
PlDocument    *pl_document_view_get_document       (PlDocumentView *self);
void           pl_document_view_set_document       (PlDocumentView *self,
                                                    PlDocument     *document);
/* Scrolls the block with this anchor to the top and moves the keyboard focus
 * there. Returns FALSE if the document has no such anchor. */
gboolean       pl_document_view_scroll_to_anchor   (PlDocumentView *self,
                                                    const char     *anchor);
/* The widget that presents the block with this anchor, or NULL */
GtkWidget     *pl_document_view_get_anchor_widget  (PlDocumentView *self,
                                                    const char     *anchor);
/* The widget that presents block index, or NULL */
GtkWidget     *pl_document_view_get_block_widget   (PlDocumentView *self,
                                                    guint           index);
/* Moves the keyboard focus to the first block, so reading starts at the top */
void           pl_document_view_focus_start        (PlDocumentView *self);
GtkAdjustment *pl_document_view_get_vadjustment    (PlDocumentView *self);

/* Back within the document. Following a link in the text, or calling
 * follow_anchor (the reader's contents do), remembers the current place
 * first: the block at the top of the view, how far into it the view is
 * scrolled, and the block with the keyboard focus. go_back returns to the
 * last place remembered and its focus; it returns FALSE when there is none,
 * so the caller can go back further (leave the reader). A new document
 * forgets every place. The "can-go-back" property follows the stack. */
gboolean       pl_document_view_follow_anchor      (PlDocumentView *self,
                                                    const char     *anchor);
gboolean       pl_document_view_go_back            (PlDocumentView *self);

/* Where the person is, as the anchor of the block at the top of the view
 * and the pixels scrolled into it, to keep and reopen the next day.
 * set_position scrolls there once laid out (it may be called straight after
 * set_document) and puts the keyboard focus on that block. Both return FALSE
 * when there is no such place (no document, unknown anchor). */
gboolean       pl_document_view_get_position       (PlDocumentView  *self,
                                                    char           **out_anchor,
                                                    double          *out_offset);
gboolean       pl_document_view_set_position       (PlDocumentView  *self,
                                                    const char      *anchor,
                                                    double           offset);

/* Reading aids, drawn over the text and never changing it (screen readers
 * and the accessible text are unaffected). The reading line is a line of
 * the block with the keyboard focus; Up and Down move it a line at a time
 * across blocks (the focus follows), Home and End to the start and end, and
 * with an aid on, the pointer moves it too. line_focus 1, 3 or 5 keeps that
 * many lines bright and shades the rest with shade at 70%; reading_ruler
 * draws a strip across the page, ruled in ruler above and below the
 * reading line. NULL colours: those of
 * the standard theme (see pl_reader_style_aid_colors()). The actions
 * "reading.line-down", "reading.line-up", "reading.start" and "reading.end"
 * do what the keys do. */
void           pl_document_view_set_reading_aids   (PlDocumentView *self,
                                                    int             line_focus,
                                                    gboolean        reading_ruler,
                                                    const GdkRGBA  *shade,
                                                    const GdkRGBA  *ruler);
/* The reading line: its block, its line within the block (within the
 * piece of a long text, pl-long-text.h, that holds it) and its
 * rectangle in the view's coordinates (as wide as the text column).
 * FALSE when there is none yet. */
gboolean       pl_document_view_get_reading_line   (PlDocumentView  *self,
                                                    guint           *out_block,
                                                    guint           *out_line,
                                                    graphene_rect_t *out_rect);

/* Reading aloud: the sentence shaded and the word highlighted, as character
 * ranges in block's own text, in the colours of theme_id (pl-theme.h) that
 * reach 7:1; the view scrolls to keep the word in sight. block -1 clears. */
void           pl_document_view_set_spoken         (PlDocumentView *self,
                                                    int             block,
                                                    guint           sentence_start,
                                                    guint           sentence_end,
                                                    guint           word_start,
                                                    guint           word_end,
                                                    const char     *theme_id);
/* Where "read from here" starts: the block with the focus (or the reading
 * line, or the top of the view) and, in a selection, its first character */
gboolean       pl_document_view_get_place          (PlDocumentView *self,
                                                    guint          *out_block,
                                                    guint          *out_character);

G_END_DECLS
