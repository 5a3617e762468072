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
/* The widget of the first line, for the focus and the tests */
GtkWidget  *pl_easy_read_view_get_first_line (PlEasyReadView *self);

/* A symbol Plainly ships drawn size pixels square, for any widget that
 * shows one (easy read, staff choosing a picture) */
GdkTexture *pl_symbol_texture_new          (const char      *symbol,
                                            int              size,
                                            GError         **error);

G_END_DECLS
