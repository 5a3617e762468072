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
/* Asks where, then writes the PDF; done (may be NULL) is told the result
 * in words for the person */
void            pl_printing_save_pdf      (GtkWindow        *parent,
                                           PlDocument       *document,
                                           const PlPrintOptions *options,
                                           void            (*done) (gpointer    user_data,
                                                                    const char *message),
                                           gpointer          user_data);

G_END_DECLS
