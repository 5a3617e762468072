/* pl-print-easyread.h: a document in easy read, as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

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

G_END_DECLS
