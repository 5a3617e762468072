/* pl-print-page.c: drawing one page of a print layout, and its footer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each line is drawn with pango_cairo_show_layout_line, so a PDF holds real
 * text in reading order and a printer gets the same pages.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"
#include <pango/pangocairo.h>

#include "pl-document.h"
#include "pl-catalog.h"
#include "pl-print-private.h"

/* The footer */

/* detail 2: title and name; 1: title; 0: neither */
static char *
footer_details (PlPrintLayout *self,
                int            detail)
{
  const PlPrintOptions *o = self->options;
  g_autoptr(GString) text = g_string_new (NULL);

  if (detail > 0)
    {
      g_string_append (text, pl_document_get_title (self->document));
      if (detail > 1 && o->person_name != NULL && *o->person_name != '\0')
        g_string_append_printf (text, _(", for %s"), o->person_name);
      g_string_append (text, ". ");
    }
  if (o->version != NULL && *o->version != '\0')
    g_string_append_printf (text, "%s. ", o->version);
  else if (pl_document_get_version (self->document) != NULL)
    g_string_append_printf (text, "%s. ", pl_document_get_version (self->document));
  /* NG21 1.2.6: the date shows whether a printed copy is still the current one */
  g_string_append_printf (text, _("Printed on %s."), o->date);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static PangoLayout *
footer_layout (PlPrintLayout *self,
               guint          page,
               guint          n_pages)
{
  PangoLayout *layout;
  g_autofree char *details = footer_details (self, self->footer_detail);
  g_autofree char *escaped = g_markup_escape_text (details, -1);
  g_autofree char *page_text = g_strdup_printf (_("Page %u of %u"), page, n_pages);
  g_autofree char *markup = NULL;

  markup = g_strdup_printf ("<b>%s</b>\n%s", page_text, escaped);
  if (pl_language_is_rtl (pl_document_get_language (self->document)))
    {
      char *right_to_left = pl_print_rtl_markup (markup);

      g_free (markup);
      markup = right_to_left;
    }
  /* The same size as the text: every word on the page is large print */
  layout = pl_print_layout_new_text_layout (self, self->options->text_size, self->text_width, 1.1);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

double
pl_print_layout_measure_footer (PlPrintLayout *self)
{
  g_autoptr(PangoLayout) layout = NULL;
  int height;

  /* At big sizes the whole footer would fill a third of every page: the
   * name, then the title (both on the first page) give way, never the
   * page number, version or date */
  for (self->footer_detail = 2; ; self->footer_detail--)
    {
      g_clear_object (&layout);
      layout = footer_layout (self, 888, 888);
      if (self->footer_detail == 0 || pango_layout_get_line_count (layout) <= 4)
        break;
    }
  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

/* A page */

static void
set_ink (PlPrintLayout *self,
         cairo_t       *cr)
{
  if (self->options->high_contrast)
    cairo_set_source_rgb (cr, 1.0, 1.0, 0.0);
  else
    cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
}

static void
show_lines (PlPrintLayout     *self,
            cairo_t           *cr,
            const PlPrintItem *item,
            int                first,
            int                n,
            double             x,
            double             y)
{
  for (int l = first; l < first + n && l < item->n_lines; l++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (item->layout, l);

      cairo_move_to (cr, x + item->line_x[l], y + item->baseline[l] - item->top[first]);
      pango_cairo_show_layout_line (cr, line);
    }
}

void
pl_print_layout_render_page (PlPrintLayout *self,
                             cairo_t       *cr,
                             guint          page_no)
{
  GArray *pieces;
  g_autoptr(PangoLayout) footer = NULL;
  double footer_top;
  const char *language = pl_document_get_language (self->document);
  gboolean pushed;

  g_return_if_fail (PL_IS_PRINT_LAYOUT (self));
  g_return_if_fail (cr != NULL);

  pl_print_layout_paginate (self);
  g_return_if_fail (page_no < self->pages->len);
  pieces = g_ptr_array_index (self->pages, page_no);

  /* The page's own words ("Continued from page 2") in the document's language */
  pushed = pl_catalog_push_language (language);
  cairo_save (cr);

  if (self->options->high_contrast)
    {
      cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
      cairo_rectangle (cr, 0, 0, self->page_width, self->page_height);
      cairo_fill (cr);
    }
  set_ink (self, cr);

  for (guint k = 0; k < pieces->len; k++)
    {
      const PlPrintPiece *piece = &g_array_index (pieces, PlPrintPiece, k);
      const PlPrintItem *item = &g_array_index (self->items, PlPrintItem, piece->item);
      double x = self->text_left + item->x;
      double y = self->text_top + piece->y;
      const PlBlock *block = pl_document_get_block (self->document, item->block);
      gboolean rtl = pl_print_text_is_rtl (pl_block_get_language (block, self->document),
                                           block->text);

      if (item->border > 0)
        {
          /* Cards and notices span the text width; the line is drawn on its centre */
          double frame = item->pad + item->border / 2;
          double extra = piece->continued ? pl_print_layout_continued_height (self) : 0.0;
          double height = pl_print_item_lines_height (item, piece->first, piece->n_lines) +
                          2 * frame + extra;

          cairo_set_line_width (cr, item->border);
          cairo_rectangle (cr, self->text_left + item->border / 2, y - frame - extra,
                           self->text_width - item->border, height);
          cairo_stroke (cr);
        }

      /* NG86 1.4.8: a change has a thick line beside it, as on the screen,
       * and as the plan's "What has changed" says */
      if (pl_document_get_block (self->document, item->block)->flags & PL_BLOCK_CHANGED)
        {
          double bar = MAX (3.0, self->options->text_size * 0.2);
          double height = pl_print_item_lines_height (item, piece->first, piece->n_lines) +
                          2 * item->pad;

          double gap = self->options->text_size * 0.4;
          /* Beside where the lines start: on the right in Urdu */
          double bar_x = rtl ? self->text_left + self->text_width + gap
                             : self->text_left - bar - gap;

          cairo_rectangle (cr, bar_x, y - item->pad, bar, height);
          cairo_fill (cr);
        }

      if (piece->continued)
        {
          g_autoptr(PangoLayout) label =
            pl_print_layout_new_text_layout (self, self->options->text_size, self->text_width, 1.0);
          g_autofree char *said = g_strdup_printf (_("Continued from page %u"), page_no);
          g_autofree char *markup = g_markup_printf_escaped (rtl ? PL_PRINT_RLM "<i>%s</i>"
                                                                 : "<i>%s</i>", said);

          pango_layout_set_markup (label, markup, -1);
          cairo_move_to (cr, x, y - pl_print_layout_continued_height (self));
          pango_cairo_show_layout (cr, label);
        }

      if (item->target >= 0 && self->block_page[item->target] >= 0)
        {
          g_autofree char *attrs =
            g_strdup_printf ("page=%d pos=[0 %d]", self->block_page[item->target] + 1,
                             (int) self->text_top);

          /* A PDF reader can follow it; a printer ignores the tag */
          cairo_tag_begin (cr, CAIRO_TAG_LINK, attrs);
          show_lines (self, cr, item, piece->first, piece->n_lines, x, y);
          cairo_tag_end (cr, CAIRO_TAG_LINK);
        }
      else
        show_lines (self, cr, item, piece->first, piece->n_lines, x, y);
    }

  /* NG21 1.2.6: the page, of how many, and what and when, on every page */
  footer = footer_layout (self, page_no + 1, self->pages->len);
  footer_top = self->page_height - MARGIN_BOTTOM - self->footer_height;
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, self->text_left, footer_top - self->options->text_size * 0.5);
  cairo_line_to (cr, self->text_left + self->text_width, footer_top - self->options->text_size * 0.5);
  cairo_stroke (cr);
  cairo_move_to (cr, self->text_left, footer_top);
  pango_cairo_show_layout (cr, footer);

  cairo_restore (cr);
  pl_catalog_pop_language (language, pushed);
}
