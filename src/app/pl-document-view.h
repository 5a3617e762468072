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
/* Never scrolls (WCAG 1.4.10); tests check that its page holds everything */
GtkAdjustment *pl_document_view_get_hadjustment    (PlDocumentView *self);

G_END_DECLS
