/* pl-document-view-private.h: what the document view's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-document.h"
#include "pl-document-view.h"

G_BEGIN_DECLS

/* RNIB clear print: lines of no more than about 70 characters. GTK counts
 * max-width-chars in the wider of the font's average character and digit
 * widths, well above the average letter of running text: 50 of them hold
 * about 70 letters in DejaVu Sans or Cantarell, at any size. */
#define LINE_LENGTH_CHARS 50

/* pl-document-view-blocks.c: the widgets that show one block, with its
 * accessible role. A text longer than PL_TEXT_CHUNK_BYTES becomes a box of
 * paragraph-sized labels, some of them shown later (see below). */
GtkWidget *pl_document_view_block_new      (PlDocumentView *self,
                                            const PlBlock  *block);

/* Long texts show their first labels at once and the rest a little at a
 * time, after the first frame, so a part of megabytes opens as fast as a
 * short one. TRUE when widget (a block's widget) has labels still to show. */
gboolean   pl_document_view_block_pending  (GtkWidget      *widget);
/* Shows more of widget's labels, about budget bytes of text, taking them
 * from *budget; TRUE when all of them are shown */
gboolean   pl_document_view_block_reveal   (GtkWidget      *widget,
                                            gsize          *budget);

/* The label showing character (of the block's own text) of the block
 * shown by widget, shown now if it was still to come, and where its text
 * starts in the block's; NULL when the block has no such label (a heading,
 * a link). */
GtkWidget *pl_document_view_block_label_at (GtkWidget      *widget,
                                            const char     *block_text,
                                            guint           character,
                                            guint          *out_start);
/* Where label's text starts in its block's text, in characters: 0 but for
 * the later labels of a long text */
guint      pl_document_view_label_start    (GtkWidget      *label);

/* For tests: TRUE once every long text is shown in full */
gboolean   pl_document_view_is_complete    (PlDocumentView *self);

G_END_DECLS
