/* pl-print.h: large-print pages for paper and PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One renderer lays a PlDocument out in pages and draws any page onto any
 * cairo_t, so a PDF file and a printed copy (GtkPrintOperation) are the same
 * pages. Sizes are in points: with GtkPrintOperation, set GTK_UNIT_POINTS and
 * use_full_page (the layout keeps its own margins), pass
 * gtk_print_context_create_pango_context () and the context's width and
 * height to pl_print_layout_new () in begin-print, set n-pages from
 * pl_print_layout_paginate (), then call pl_print_layout_render_page ()
 * from draw-page.
 */

#pragma once

#include <gio/gio.h>
#include <cairo.h>
#include <pango/pango.h>

#include "pl-types.h"

G_BEGIN_DECLS

/* RNIB clear print: 16 pt is the smallest large print; beyond 48 pt a
 * page holds too few words to read as a page */
#define PL_PRINT_MIN_TEXT_SIZE 16.0
#define PL_PRINT_MAX_TEXT_SIZE 48.0
#define PL_PRINT_MIN_LINE_SPACING 1.5

/* A4 portrait, in points */
#define PL_PRINT_A4_WIDTH  595.276
#define PL_PRINT_A4_HEIGHT 841.890

#define PL_PRINT_BUNDLED_FAMILY "Atkinson Hyperlegible Next"
#define PL_PRINT_FALLBACK_FAMILY "DejaVu Sans"

typedef struct
{
  double    text_size;      /* points, PL_PRINT_MIN_TEXT_SIZE to _MAX_ */
  char     *font_family;    /* NULL: the bundled font if found, else DejaVu Sans */
  double    page_width;     /* points; A4 portrait by default */
  double    page_height;
  gboolean  high_contrast;  /* yellow on black pages; off by default (ink and glare) */
  double    line_spacing;   /* times the text size; at least 1.5 (NG21 1.2.4) */
  char     *person_name;    /* the footer and the PDF's author */
  char     *version;        /* e.g. "Version 3": shows a printed copy is current */
  char     *date;           /* the date printed on; NULL: today, in words */
} PlPrintOptions;

PlPrintOptions *pl_print_options_new   (void);
PlPrintOptions *pl_print_options_copy  (const PlPrintOptions *self);
void            pl_print_options_free  (PlPrintOptions       *self);
/* Brings every value into range. Returns NULL when nothing changed, else
 * a sentence for the person saying what was changed. */
char           *pl_print_options_check (PlPrintOptions       *self);
/* The one way from a reader's settings to paper, for the app and the
 * command line alike: their text size (at least PL_PRINT_MIN_TEXT_SIZE),
 * font and line spacing, the person's name, and the document's version
 * (NG21 1.2.6). settings and document may be NULL. */
PlPrintOptions *pl_print_options_for_reader (const PlSettings *settings,
                                             PlDocument       *document,
                                             const char       *person_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlPrintOptions, pl_print_options_free)

/* Adds the bundled Atkinson Hyperlegible Next to fontconfig for this process
 * (installed folder first, then the source tree). TRUE when it is there. */
gboolean        pl_print_register_fonts (void);

#define PL_TYPE_PRINT_LAYOUT (pl_print_layout_get_type ())
G_DECLARE_FINAL_TYPE (PlPrintLayout, pl_print_layout, PL, PRINT_LAYOUT, GObject)

/* context NULL: one made for points (72 dpi) on the default font map.
 * page_width or page_height 0: those of the options. The options are
 * checked (pl_print_options_check) on a copy. */
PlPrintLayout  *pl_print_layout_new            (PlDocument           *document,
                                                const PlPrintOptions *options,
                                                PangoContext         *context,
                                                double                page_width,
                                                double                page_height);
/* Lays every block out in pages, if not done yet; returns the page count */
guint           pl_print_layout_paginate       (PlPrintLayout        *self);
guint           pl_print_layout_get_n_pages    (PlPrintLayout        *self);
/* Draws page page_no (from 0), with its footer, at the origin of cr */
void            pl_print_layout_render_page    (PlPrintLayout        *self,
                                                cairo_t              *cr,
                                                guint                 page_no);
/* The page (from 0) where a block starts, or -1 */
int             pl_print_layout_get_block_page (PlPrintLayout        *self,
                                                guint                 block);
/* The page where a block ends: later than where it starts only when it is
 * too tall for a page, or a paragraph runs on */
int             pl_print_layout_get_block_end_page (PlPrintLayout    *self,
                                                    guint             block);
/* The last block with text on a page, or -1 */
int             pl_print_layout_get_last_block (PlPrintLayout        *self,
                                                guint                 page_no);
/* The text size and family the pages use, after checking */
const PlPrintOptions *pl_print_layout_get_options (PlPrintLayout   *self);

typedef void (*PlPrintProgressFunc) (guint    page,
                                     guint    n_pages,
                                     gpointer user_data);

/* Writes the document as a PDF with an outline, metadata and embedded
 * fonts. Writes beside path and renames, so path is either the whole file
 * or untouched; on cancel or error nothing is left behind. */
gboolean        pl_print_save_pdf              (PlDocument           *document,
                                                const PlPrintOptions *options,
                                                const char           *path,
                                                GCancellable         *cancellable,
                                                PlPrintProgressFunc   progress,
                                                gpointer              user_data,
                                                GError              **error);

/* The same in a worker thread, for the app: progress is called on the
 * thread-default main context of the caller */
void            pl_print_save_pdf_async        (PlDocument           *document,
                                                const PlPrintOptions *options,
                                                const char           *path,
                                                GCancellable         *cancellable,
                                                PlPrintProgressFunc   progress,
                                                gpointer              progress_data,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean        pl_print_save_pdf_finish       (GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
