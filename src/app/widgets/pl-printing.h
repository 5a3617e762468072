/* pl-printing.h: large-print paper and PDF copies from the reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pl-document.h"
#include "pl-model.h"
#include "pl-print.h"

G_BEGIN_DECLS

/* The print dialog, drawing each page with the same renderer as the PDF */
void            pl_printing_print         (GtkWindow        *parent,
                                           PlDocument       *document,
                                           const PlPrintOptions *options);
/* The same in easy read, with the easy read PDF's pages */
void            pl_printing_print_easy_read (GtkWindow            *parent,
                                             PlDocument           *document,
                                             const PlPrintOptions *options,
                                             PlSymbolPlace         symbols);
/* What the print dialog would be given to draw: its pages, each drawn on
 * cr as on paper of page_width by page_height points; for the tests */
guint           pl_printing_draw_pages    (PlDocument           *document,
                                           const PlPrintOptions *options,
                                           gboolean              easy_read,
                                           PlSymbolPlace         symbols,
                                           cairo_t              *cr,
                                           double                page_width,
                                           double                page_height);
/* Asks where, then writes the PDF; done (may be NULL) is told the result
 * in words for the person */
void            pl_printing_save_pdf      (GtkWindow        *parent,
                                           PlDocument       *document,
                                           const PlPrintOptions *options,
                                           void            (*done) (gpointer    user_data,
                                                                    const char *message),
                                           gpointer          user_data);
/* The same in easy read (pl-print-easyread.h): each picture beside its
 * words, where symbols says */
void            pl_printing_save_easy_read_pdf (GtkWindow            *parent,
                                                PlDocument           *document,
                                                const PlPrintOptions *options,
                                                PlSymbolPlace         symbols,
                                                void                (*done) (gpointer    user_data,
                                                                             const char *message),
                                                gpointer              user_data);

/* Writes the PDF (in easy read if easy_read) to path without asking where:
 * for a place already chosen, and the tests */
void            pl_printing_save_pdf_to   (PlDocument           *document,
                                           const PlPrintOptions *options,
                                           gboolean              easy_read,
                                           PlSymbolPlace         symbols,
                                           const char           *path,
                                           void                (*done) (gpointer    user_data,
                                                                        const char *message),
                                           gpointer              user_data);

G_END_DECLS
