/* pl-print-private.h: what the print files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pl-print.c makes the layout and breaks it into pages, pl-print-items.c
 * turns the blocks into measured items, pl-print-page.c draws a page.
 */

#pragma once

#include <pango/pango.h>

#include "pl-print.h"

G_BEGIN_DECLS

#define MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

/* RNIB clear print: wide margins, so the page can be held and folded */
#define MARGIN_SIDE MM_TO_PT (25.0)
#define MARGIN_TOP MM_TO_PT (20.0)
#define MARGIN_BOTTOM MM_TO_PT (20.0)

typedef struct
{
  guint         block;
  PangoLayout  *layout;
  double        x;             /* of the layout, from the text area's left */
  double        space_before;
  double        pad;           /* inside a box; 0 without one */
  double        border;        /* line width of the box; 0 without one */
  gboolean      keep_together; /* contact cards, and the fields that belong to them */
  gboolean      keep_with_next;/* headings */
  gboolean      glued;         /* stays on the page of the item before it */
  int           target;        /* LINK: the block it leads to, or -1 */
  int           n_lines;
  double       *top;           /* of each line, from the layout's top */
  double       *bottom;
  double       *baseline;
  double       *line_x;
} PlPrintItem;

typedef struct
{
  guint    item;
  int      first;
  int      n_lines;
  double   y;          /* top of the piece's first line on the page (with box: of the text) */
  gboolean continued;  /* the rest of a card begun on the page before */
} PlPrintPiece;

struct _PlPrintLayout
{
  GObject         parent_instance;

  PlDocument     *document;
  PlPrintOptions *options;
  PangoContext   *context;
  double          page_width;
  double          page_height;

  double          text_left;
  double          text_top;
  double          text_width;
  double          text_height;
  double          footer_height;
  int             footer_detail; /* see footer_details () in pl-print-page.c */

  GArray         *items;         /* of PlPrintItem */
  GPtrArray      *pages;         /* of GArray of PlPrintPiece */
  int            *block_page;    /* per block, where it starts, or -1 */
  int            *block_end_page;
  gboolean        paginated;
};

/* U+200F RIGHT-TO-LEFT MARK */
#define PL_PRINT_RLM "\xe2\x80\x8f"
/* Each line of markup that reads from the right begun with the mark */
char       *pl_print_rtl_markup (const char *markup);
/* Whether text, in language, is laid out from the right */
gboolean    pl_print_text_is_rtl (const char *language,
                                  const char *text);

PlDocument *pl_print_layout_get_document (PlPrintLayout *self);
/* Where the text of every page begins, in points from the top */
double      pl_print_layout_get_text_top    (PlPrintLayout *self);
double      pl_print_layout_get_page_width  (PlPrintLayout *self);
double      pl_print_layout_get_page_height (PlPrintLayout *self);

/* pl-print.c */
double       pl_print_layout_continued_height (PlPrintLayout *self);

/* pl-print-items.c */
void         pl_print_item_clear              (gpointer           data);
void         pl_print_item_measure            (PlPrintItem       *item);
double       pl_print_item_lines_height       (const PlPrintItem *item,
                                               int                first,
                                               int                n);
double       pl_print_item_height             (const PlPrintItem *item);
char        *pl_print_layout_link_text        (PlPrintLayout     *self,
                                               const PlBlock     *block,
                                               int                target,
                                               int                page);
PangoLayout *pl_print_layout_new_text_layout  (PlPrintLayout     *self,
                                               double             size,
                                               double             width,
                                               double             spacing);
void         pl_print_layout_build_items      (PlPrintLayout     *self);

/* pl-print-page.c */
double       pl_print_layout_measure_footer   (PlPrintLayout     *self);

G_END_DECLS
