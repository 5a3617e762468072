/* pl-easyread.h: a document in easy read, an idea a line with its picture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The easy read presenters (the screen, the page) read a PlDocument through
 * here: each block's words cut into short lines, a sentence a line, each
 * with the one picture for its idea or none. A part staff wrote in easy
 * read with the person is shown in place of its own words; nothing is
 * rewritten.
 */

#pragma once

#include <glib.h>

#include "pl-document.h"
#include "pl-symbols.h"

G_BEGIN_DECLS

typedef struct
{
  char          *text;    /* one sentence, or a line as written */
  PlSymbolMatch *match;   /* NULL: no picture */
} PlEasyReadLine;

typedef struct
{
  const PlBlock *block;      /* borrowed from the document: the block shown */
  gboolean       written;    /* the lines are staff's easy read of the part */
  GPtrArray     *lines;      /* (element-type PlEasyReadLine) */
} PlEasyReadItem;

void       pl_easy_read_item_free   (PlEasyReadItem *self);

/* A block's text as easy read's lines: a line as written, cut into its
 * sentences (element-type utf8) */
GPtrArray *pl_easy_read_split       (const char     *text);

/* The document as easy read items, in its order (element-type
 * PlEasyReadItem); the pictures from index and the choices the document
 * carries (pl_document_get_symbol_choices ()) */
GPtrArray *pl_easy_read_items       (PlDocument     *document,
                                     PlSymbolIndex  *index);

/* items as a document of their own, one block a line in the same order
 * (headings as headings, the rest paragraphs, each in its block's
 * language), for the voice to read what easy read shows, a line at a time */
PlDocument *pl_easy_read_document   (PlDocument     *document,
                                     GPtrArray      *items);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlEasyReadItem, pl_easy_read_item_free)

G_END_DECLS
