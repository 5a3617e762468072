/* pl-reader.h: a document with its contents, Back and the reading aids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pl-document.h"
#include "pl-document-view.h"
#include "pl-easy-read-view.h"
#include "pl-model.h"

G_BEGIN_DECLS

#define PL_TYPE_READER (pl_reader_get_type ())
G_DECLARE_FINAL_TYPE (PlReader, pl_reader, PL, READER, GtkWidget)

/* The reader shows a PlDocumentView beside a list of the document's parts
 * (its level 2 and 3 headings). The list folds away over the text when the
 * window is too narrow for both at the chosen text size.
 *
 * Keys, while the focus is inside the reader:
 *   F9          shows or hides the contents ("contents-visible")
 *   Alt+Left    goes back to the place before the last jump (see below)
 *   Escape      leaves focus mode, or closes the folded contents
 *   Up, Down, Home, End   move the reading line (PlDocumentView)
 * Alt+Left and Escape go on to the window when there is nothing for them to
 * do here, so the window's own bindings still leave the reader.
 *
 * Back: the window's back action must call pl_reader_go_back() first and
 * leave the reader only when it returns FALSE, so Back returns to where the
 * person was (after a summary link or a jump from the contents) before it
 * leaves the document. */

GtkWidget      *pl_reader_new                  (void);
PlDocument     *pl_reader_get_document         (PlReader         *self);
/* Shows document from its top; the contents list is rebuilt and the places
 * for Back are forgotten */
void            pl_reader_set_document         (PlReader         *self,
                                                PlDocument       *document);
PlDocumentView *pl_reader_get_document_view    (PlReader         *self);
/* Easy read's view, shown in the document view's place when the reader's
 * settings ask for easy read */
PlEasyReadView *pl_reader_get_easy_read_view   (PlReader         *self);
/* Applies the reading aids (line focus, reading ruler) in the colours of
 * the person's theme, and focus mode when settings->focus_mode changes
 * from the last settings applied. Text size and colours come from the
 * window's CSS (pl_reader_style_css()). */
void            pl_reader_set_settings         (PlReader         *self,
                                                const PlSettings *settings);
gboolean        pl_reader_get_contents_visible (PlReader         *self);
void            pl_reader_set_contents_visible (PlReader         *self,
                                                gboolean          visible);
/* Returns to the place before the last jump, with its focus; FALSE when
 * there is no earlier place */
gboolean        pl_reader_go_back              (PlReader         *self);

G_END_DECLS
