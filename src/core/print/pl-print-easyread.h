/* pl-print-easyread.h: a document in easy read, as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <cairo.h>
#include <pango/pango.h>

#include "pl-document.h"
#include "pl-model.h"
#include "pl-print.h"

G_BEGIN_DECLS

/* Saves document in easy read (pl_easy_read_items ()): each line its
 * picture on the left (or above) and its words on the right, at least
 * 16 pt, a picture never parted from its words across a page; the symbols'
 * credit at the end. options as for pl_print_save_pdf (). */
gboolean pl_print_save_easy_read_pdf (PlDocument           *document,
                                      const PlPrintOptions *options,
                                      PlSymbolPlace         symbols,
                                      const char           *path,
                                      GError              **error);

/* The same pages, one at a time, for a printer: laid out for page_width
 * by page_height points (0: the options' page) with context (NULL: one of
 * its own at 72 dots an inch) */
typedef struct _PlEasyReadLayout PlEasyReadLayout;

PlEasyReadLayout *pl_easy_read_layout_new        (PlDocument           *document,
                                                  const PlPrintOptions *options,
                                                  PlSymbolPlace         symbols,
                                                  PangoContext         *context,
                                                  double                page_width,
                                                  double                page_height);
guint             pl_easy_read_layout_get_n_pages (PlEasyReadLayout    *self);
void              pl_easy_read_layout_render_page (PlEasyReadLayout    *self,
                                                   cairo_t             *cr,
                                                   guint                page);
void              pl_easy_read_layout_free        (PlEasyReadLayout    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlEasyReadLayout, pl_easy_read_layout_free)

G_END_DECLS
