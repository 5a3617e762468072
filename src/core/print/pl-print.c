/* pl-print.c: large-print pages for paper and PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every block becomes one PangoLayout; pagination places them line by line
 * in the space between the top margin and the footer. Rendering draws each
 * line with pango_cairo_show_layout_line, so a PDF holds real text in
 * reading order and a printer gets the same pages. Rules follow RNIB clear
 * print and NG21 1.2.4 (information in a format that meets the person's
 * needs): left aligned, never justified, generous spacing and margins, bold
 * headings that never end a page, contact cards kept whole.
 *
 * This file makes the layout and breaks it into pages; pl-print-items.c
 * makes the items and pl-print-page.c draws a page.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <pango/pangocairo.h>

#include "pl-catalog.h"
#include "pl-document.h"
#include "pl-print.h"
#include "pl-print-private.h"

G_DEFINE_FINAL_TYPE (PlPrintLayout, pl_print_layout, G_TYPE_OBJECT)

static gboolean
has_family (PangoFontMap *map,
            const char   *family)
{
  g_autofree PangoFontFamily **families = NULL;
  int n = 0;

  pango_font_map_list_families (map, &families, &n);
  for (int i = 0; i < n; i++)
    if (g_ascii_strcasecmp (pango_font_family_get_name (families[i]), family) == 0)
      return TRUE;
  return FALSE;
}

/* The layout */

static void
pl_print_layout_finalize (GObject *object)
{
  PlPrintLayout *self = PL_PRINT_LAYOUT (object);

  g_clear_object (&self->document);
  g_clear_object (&self->context);
  g_clear_pointer (&self->options, pl_print_options_free);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->block_page, g_free);
  g_clear_pointer (&self->block_end_page, g_free);

  G_OBJECT_CLASS (pl_print_layout_parent_class)->finalize (object);
}

static void
pl_print_layout_class_init (PlPrintLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pl_print_layout_finalize;
}

static void
pl_print_layout_init (PlPrintLayout *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (PlPrintItem));
  g_array_set_clear_func (self->items, pl_print_item_clear);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

PlPrintLayout *
pl_print_layout_new (PlDocument           *document,
                     const PlPrintOptions *options,
                     PangoContext         *context,
                     double                page_width,
                     double                page_height)
{
  PlPrintLayout *self;
  g_autofree char *note = NULL;
  gboolean pushed;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (context == NULL || PANGO_IS_CONTEXT (context), NULL);

  self = g_object_new (PL_TYPE_PRINT_LAYOUT, NULL);
  self->document = g_object_ref (document);
  self->options = options != NULL ? pl_print_options_copy (options) : pl_print_options_new ();
  if (page_width > 0 && page_height > 0)
    {
      self->options->page_width = page_width;
      self->options->page_height = page_height;
    }
  note = pl_print_options_check (self->options);
  if (note != NULL)
    g_debug ("%s", note);

  if (context != NULL)
    self->context = g_object_ref (context);
  else
    {
      cairo_font_options_t *font_options = cairo_font_options_create ();

      self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      /* Points, and no hinting: the same lines on paper, in a PDF and on screen */
      pango_cairo_context_set_resolution (self->context, 72.0);
      cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (self->context, font_options);
      cairo_font_options_destroy (font_options);
    }

  if (self->options->font_family == NULL || *self->options->font_family == '\0')
    {
      PangoFontMap *map = pango_context_get_font_map (self->context);

      g_free (self->options->font_family);
      self->options->font_family = g_strdup (has_family (map, PL_PRINT_BUNDLED_FAMILY)
                                             ? PL_PRINT_BUNDLED_FAMILY
                                             : PL_PRINT_FALLBACK_FAMILY);
    }

  /* The layout's own words (the date, "Page 1 of 3") in the document's */
  pushed = pl_catalog_push_language (pl_document_get_language (document));
  if (self->options->date == NULL || *self->options->date == '\0')
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");

      g_free (self->options->date);
      self->options->date = pl_date_to_words (iso);
    }

  self->page_width = self->options->page_width;
  self->page_height = self->options->page_height;
  self->text_left = MARGIN_SIDE;
  self->text_top = MARGIN_TOP;
  self->text_width = self->page_width - 2 * MARGIN_SIDE;
  self->footer_height = pl_print_layout_measure_footer (self);
  pl_catalog_pop_language (pl_document_get_language (document), pushed);
  self->text_height = self->page_height - MARGIN_TOP - MARGIN_BOTTOM -
                      self->footer_height - self->options->text_size;
  self->block_page = g_new (int, MAX (1, pl_document_get_n_blocks (document)));
  self->block_end_page = g_new (int, MAX (1, pl_document_get_n_blocks (document)));
  for (guint i = 0; i < pl_document_get_n_blocks (document); i++)
    self->block_page[i] = self->block_end_page[i] = -1;

  return self;
}

PlDocument *
pl_print_layout_get_document (PlPrintLayout *self)
{
  g_return_val_if_fail (PL_IS_PRINT_LAYOUT (self), NULL);

  return self->document;
}

double
pl_print_layout_get_text_top (PlPrintLayout *self)
{
  g_return_val_if_fail (PL_IS_PRINT_LAYOUT (self), 0.0);

  return self->text_top;
}

double
pl_print_layout_get_page_width (PlPrintLayout *self)
{
  g_return_val_if_fail (PL_IS_PRINT_LAYOUT (self), 0.0);

  return self->page_width;
}

double
pl_print_layout_get_page_height (PlPrintLayout *self)
{
  g_return_val_if_fail (PL_IS_PRINT_LAYOUT (self), 0.0);

  return self->page_height;
}

const PlPrintOptions *
pl_print_layout_get_options (PlPrintLayout *self)
{
  g_return_val_if_fail (PL_IS_PRINT_LAYOUT (self), NULL);

  return self->options;
}

static GArray *
new_page (PlPrintLayout *self)
{
  GArray *page = g_array_new (FALSE, TRUE, sizeof (PlPrintPiece));

  g_ptr_array_add (self->pages, page);
  return page;
}

/* Room above the rest of a card for "Continued from page N" */
double
pl_print_layout_continued_height (PlPrintLayout *self)
{
  return self->options->text_size * self->options->line_spacing;
}

/* How much of the page items from index must have to begin on it: a
 * heading brings the headings under it and two lines of what follows (so
 * no page ends with a heading); a card comes whole; else two lines, so no
 * paragraph leaves one line alone at the foot of a page */
static double
needed_height (PlPrintLayout *self,
               guint          index,
               gboolean       page_empty)
{
  double need = 0.0;

  for (guint j = index; j < self->items->len; j++)
    {
      const PlPrintItem *item = &g_array_index (self->items, PlPrintItem, j);
      double box = 2 * (item->pad + item->border);

      if (j > index || !page_empty)
        need += item->space_before;

      if (item->keep_with_next)
        {
          need += pl_print_item_height (item);
          continue;
        }
      if (item->keep_together)
        {
          need += pl_print_item_height (item);
          /* the fields that belong to a card come with it */
          while (j + 1 < self->items->len &&
                 g_array_index (self->items, PlPrintItem, j + 1).glued)
            {
              j++;
              need += g_array_index (self->items, PlPrintItem, j).space_before +
                      pl_print_item_height (&g_array_index (self->items, PlPrintItem, j));
            }
        }
      else
        need += pl_print_item_lines_height (item, 0, 2) + box;
      break;
    }
  return need;
}

guint
pl_print_layout_paginate (PlPrintLayout *self)
{
  GArray *page;
  double y = 0.0;

  g_return_val_if_fail (PL_IS_PRINT_LAYOUT (self), 0);

  if (self->paginated)
    return self->pages->len;
  self->paginated = TRUE;

  pl_print_layout_build_items (self);
  page = new_page (self);

  for (guint i = 0; i < self->items->len; i++)
    {
      PlPrintItem *item = &g_array_index (self->items, PlPrintItem, i);
      double frame = item->pad + item->border;
      double gap = page->len == 0 ? 0.0 : item->space_before;
      PlPrintPiece piece = { i, 0, 0, 0.0, FALSE };
      int line = 0;
      /* A heading that came to this page brought room for what follows it;
       * moving that on would leave the heading at the foot of the page, so
       * a card too tall for what is left is split and marked "continued" */
      gboolean after_heading =
        page->len > 0 &&
        g_array_index (self->items, PlPrintItem,
                       g_array_index (page, PlPrintPiece, page->len - 1).item).keep_with_next;

      if (after_heading)
        ;
      else if (!item->glued && page->len > 0 &&
          y + needed_height (self, i, FALSE) > self->text_height)
        {
          page = new_page (self);
          y = 0.0;
          gap = 0.0;
        }
      else if (item->glued && page->len > 0 &&
               y + gap + pl_print_item_height (item) > self->text_height)
        {
          /* Only when the card itself was split over pages */
          page = new_page (self);
          y = 0.0;
          gap = 0.0;
        }

      y += gap;

      /* Line by line; a card taller than a page goes on, marked "continued" */
      while (line < item->n_lines)
        {
          double top = y + frame +
                       (piece.continued ? pl_print_layout_continued_height (self) : 0.0);
          int fit = 0;

          while (line + fit < item->n_lines &&
                 top + pl_print_item_lines_height (item, line, fit + 1) + frame <=
                 self->text_height)
            fit++;

          /* Leave no single last line on the next page, when the break is ours */
          if (fit > 2 && fit == item->n_lines - line - 1)
            fit--;

          if (fit == 0 && page->len == 0)
            fit = 1;  /* one line taller than a page: it has to go somewhere */

          if (fit > 0)
            {
              piece.first = line;
              piece.n_lines = fit;
              piece.y = top;
              g_array_append_val (page, piece);
              if (self->block_page[item->block] < 0)
                self->block_page[item->block] = (int) self->pages->len - 1;
              self->block_end_page[item->block] = (int) self->pages->len - 1;
              y = top + pl_print_item_lines_height (item, line, fit) + frame;
              line += fit;
            }

          if (line < item->n_lines)
            {
              page = new_page (self);
              y = 0.0;
              piece.continued = item->keep_together;
            }
        }
    }

  /* Page references are known now; the text was measured for the widest */
  for (guint i = 0; i < self->items->len; i++)
    {
      PlPrintItem *item = &g_array_index (self->items, PlPrintItem, i);

      if (item->target >= 0 && self->block_page[item->target] >= 0)
        {
          g_autofree char *markup =
            pl_print_layout_link_text (self, pl_document_get_block (self->document, item->block),
                       item->target, self->block_page[item->target]);
          int n_before = item->n_lines;

          pango_layout_set_markup (item->layout, markup, -1);
          pl_print_item_measure (item);
          /* Shorter text never takes more lines; keep the pieces in step */
          if (item->n_lines != n_before)
            for (guint p = 0; p < self->pages->len; p++)
              {
                GArray *pieces = g_ptr_array_index (self->pages, p);

                for (guint k = 0; k < pieces->len; k++)
                  {
                    PlPrintPiece *piece = &g_array_index (pieces, PlPrintPiece, k);

                    if (piece->item == i)
                      piece->n_lines = MIN (piece->n_lines,
                                            MAX (0, item->n_lines - piece->first));
                  }
              }
        }
    }

  return self->pages->len;
}

guint
pl_print_layout_get_n_pages (PlPrintLayout *self)
{
  g_return_val_if_fail (PL_IS_PRINT_LAYOUT (self), 0);

  return pl_print_layout_paginate (self);
}

int
pl_print_layout_get_block_page (PlPrintLayout *self,
                                guint          block)
{
  g_return_val_if_fail (PL_IS_PRINT_LAYOUT (self), -1);

  pl_print_layout_paginate (self);
  if (block >= pl_document_get_n_blocks (self->document))
    return -1;
  return self->block_page[block];
}

int
pl_print_layout_get_block_end_page (PlPrintLayout *self,
                                    guint          block)
{
  g_return_val_if_fail (PL_IS_PRINT_LAYOUT (self), -1);

  pl_print_layout_paginate (self);
  if (block >= pl_document_get_n_blocks (self->document))
    return -1;
  return self->block_end_page[block];
}

int
pl_print_layout_get_last_block (PlPrintLayout *self,
                                guint          page_no)
{
  GArray *pieces;

  g_return_val_if_fail (PL_IS_PRINT_LAYOUT (self), -1);

  pl_print_layout_paginate (self);
  if (page_no >= self->pages->len)
    return -1;
  pieces = g_ptr_array_index (self->pages, page_no);
  if (pieces->len == 0)
    return -1;
  return (int) g_array_index (self->items, PlPrintItem,
                              g_array_index (pieces, PlPrintPiece, pieces->len - 1).item).block;
}
