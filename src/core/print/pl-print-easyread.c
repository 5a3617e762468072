/* pl-print-easyread.c: a document in easy read, as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each line of easy read is a row of its own: a row is never cut across a
 * page, so a picture is never parted from its words. One layout draws the
 * pages of the PDF and of the printer alike.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <pango/pangocairo.h>

#include "pl-i18n.h"

#include "pl-catalog.h"
#include "pl-easyread.h"
#include "pl-output-file.h"
#include "pl-print-easyread.h"
#include "pl-print-private.h"

#define MARGIN 56.0
#define GAP 18.0
#define ROW_SPACE 14.0
/* Pictures are drawn at 300 dots an inch */
#define PICTURE_DPI 300.0

typedef struct
{
  PangoLayout         *layout;
  const PlSymbolMatch *match;    /* borrowed from the items; NULL: no picture */
  double               height;
  double               space_before;
  guint                page;
  double               y;
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->layout);
}

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  pl_output_file_write (closure, data, length, NULL);
  return CAIRO_STATUS_SUCCESS;
}

/* A picture as a Cairo surface, from its SVG through gdk-pixbuf's loader */
static cairo_surface_t *
picture_surface (const char *symbol,
                 int         pixels)
{
  g_autoptr(GBytes) svg = pl_symbol_load_svg (symbol, NULL);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  cairo_surface_t *surface;
  const guchar *src;
  guchar *dest;
  int width, height, src_stride, dest_stride, channels;

  if (svg == NULL)
    return NULL;
  stream = g_memory_input_stream_new_from_bytes (svg);
  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, pixels, pixels, TRUE, NULL, NULL);
  if (pixbuf == NULL)
    return NULL;

  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  channels = gdk_pixbuf_get_n_channels (pixbuf);
  src = gdk_pixbuf_read_pixels (pixbuf);
  src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  dest = cairo_image_surface_get_data (surface);
  dest_stride = cairo_image_surface_get_stride (surface);
  cairo_surface_flush (surface);

  /* RGBA, not premultiplied, to Cairo's premultiplied native-endian ARGB */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *p = src + y * src_stride + x * channels;
        guint32 a = channels == 4 ? p[3] : 255;
        guint32 r = p[0] * a / 255, g = p[1] * a / 255, b = p[2] * a / 255;

        *(guint32 *) (void *) (dest + y * dest_stride + x * 4) = (a << 24) | (r << 16) | (g << 8) | b;
      }
  cairo_surface_mark_dirty (surface);
  return surface;
}

struct _PlEasyReadLayout
{
  PlDocument      *document;
  PlPrintOptions  *options;
  PangoContext    *context;
  GPtrArray       *items;      /* PlEasyReadItem, which the rows borrow from */
  GArray          *rows;       /* Row */
  GHashTable      *pictures;   /* symbol → cairo_surface_t, drawn once */
  PangoLayout     *footer;
  const char      *language;   /* the document's */
  gboolean         rtl;
  gboolean         above;
  double           width, height, picture, picture_x, text_x, text_width;
  guint            n_pages;
};

void
pl_easy_read_layout_free (PlEasyReadLayout *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->pictures, g_hash_table_unref);
  g_clear_object (&self->footer);
  g_clear_object (&self->context);
  g_clear_pointer (&self->options, pl_print_options_free);
  g_clear_object (&self->document);
  g_free (self);
}

PlEasyReadLayout *
pl_easy_read_layout_new (PlDocument           *document,
                         const PlPrintOptions *options,
                         PlSymbolPlace         symbols,
                         PangoContext         *context,
                         double                page_width,
                         double                page_height)
{
  PlEasyReadLayout *self;
  PlPrintOptions *opts;
  gboolean none = symbols == PL_SYMBOLS_NONE;
  double size, y;
  guint page = 0;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);

  self = g_new0 (PlEasyReadLayout, 1);
  self->document = g_object_ref (document);
  opts = self->options = options != NULL ? pl_print_options_copy (options) : pl_print_options_new ();
  pl_print_register_fonts ();
  self->width = page_width > 0 ? page_width : opts->page_width > 0 ? opts->page_width
                                                                   : PL_PRINT_A4_WIDTH;
  self->height = page_height > 0 ? page_height : opts->page_height > 0 ? opts->page_height
                                                                       : PL_PRINT_A4_HEIGHT;
  self->language = pl_document_get_language (document);
  /* Urdu: the picture on the right, the words beside it reading from there */
  self->rtl = pl_language_is_rtl (self->language);
  self->above = symbols == PL_SYMBOLS_ABOVE;
  size = MAX (opts->text_size, PL_PRINT_MIN_TEXT_SIZE);
  self->picture = size * (symbols == PL_SYMBOLS_LARGER ? 5.0 : self->above ? 4.0 : 3.0);
  self->text_x = MARGIN + (self->above || none ? 0 : self->picture + GAP);
  self->text_width = self->width - MARGIN - self->text_x;
  self->picture_x = MARGIN;
  if (self->rtl)
    {
      self->text_x = MARGIN;
      self->picture_x = self->above ? MARGIN + self->text_width - self->picture
                                    : self->width - MARGIN - self->picture;
    }

  if (context != NULL)
    self->context = g_object_ref (context);
  else
    {
      self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      pango_cairo_context_set_resolution (self->context, 72.0);
    }
  self->pictures = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) cairo_surface_destroy);
  self->footer = pango_layout_new (self->context);

  /* Each line a row, measured, then placed: a row that would cross the
   * foot of a page begins the next one */
  self->items = pl_easy_read_items (document, pl_symbol_index_get_default ());
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);
  y = MARGIN;
  for (guint i = 0; i < self->items->len; i++)
    {
      const PlEasyReadItem *item = self->items->pdata[i];
      gboolean heading = item->block->kind == PL_BLOCK_HEADING && !item->written;

      for (guint j = 0; j < item->lines->len; j++)
        {
          const PlEasyReadLine *line = item->lines->pdata[j];
          g_autoptr(PangoFontDescription) font = pango_font_description_new ();
          Row row = { 0 };
          int text_height;
          gboolean has_picture = !none && line->match != NULL && line->match->symbol != NULL;

          row.layout = pango_layout_new (self->context);
          pango_font_description_set_family (font, opts->font_family != NULL && *opts->font_family != '\0'
                                                   ? opts->font_family : PL_PRINT_BUNDLED_FAMILY ","
                                                                         PL_PRINT_FALLBACK_FAMILY);
          pango_font_description_set_size (font, (int) ((heading ? size * 1.3 : size) * PANGO_SCALE));
          if (heading)
            pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
          pango_layout_set_font_description (row.layout, font);
          pango_layout_set_width (row.layout, pango_units_from_double (self->text_width));
          pango_layout_set_wrap (row.layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_line_spacing (row.layout, (float) MAX (opts->line_spacing,
                                                                   PL_PRINT_MIN_LINE_SPACING));
          if (pl_print_text_is_rtl (self->language, line->text))
            {
              g_autofree char *from_right = g_strconcat (PL_PRINT_RLM, line->text, NULL);

              pango_layout_set_text (row.layout, from_right, -1);
            }
          else
            pango_layout_set_text (row.layout, line->text, -1);
          pango_layout_get_size (row.layout, NULL, &text_height);

          row.match = has_picture ? line->match : NULL;
          row.height = pango_units_to_double (text_height);
          if (has_picture)
            row.height = self->above ? self->picture + GAP / 2 + row.height
                                     : MAX (row.height, self->picture);
          else if (!self->above && !none && item->lines->len > 0)
            row.height = MAX (row.height, size * 1.5);
          row.space_before = j == 0 && heading && self->rows->len > 0 ? size * 1.5 : ROW_SPACE;

          if (y + row.space_before + row.height > self->height - MARGIN && y > MARGIN)
            {
              page++;
              y = MARGIN;
            }
          else
            y += row.space_before;
          row.page = page;
          row.y = y;
          y += row.height;
          g_array_append_val (self->rows, row);
        }
    }
  self->n_pages = page + 1;
  return self;
}

guint
pl_easy_read_layout_get_n_pages (PlEasyReadLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_pages;
}

static void
draw_row (PlEasyReadLayout *self,
          cairo_t          *cr,
          const Row        *row)
{
  if (row->match != NULL)
    {
      cairo_surface_t *image = g_hash_table_lookup (self->pictures, row->match->symbol);
      int pixels = (int) (self->picture * PICTURE_DPI / 72.0);

      if (image == NULL && (image = picture_surface (row->match->symbol, pixels)) != NULL)
        g_hash_table_insert (self->pictures, row->match->symbol, image);
      if (image != NULL)
        {
          double scale = self->picture / cairo_image_surface_get_width (image);

          cairo_save (cr);
          cairo_translate (cr, self->picture_x, row->y);
          cairo_scale (cr, scale, scale);
          cairo_set_source_surface (cr, image, 0, 0);
          cairo_paint (cr);
          cairo_restore (cr);
        }
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  if (self->above && row->match != NULL)
    cairo_move_to (cr, self->text_x, row->y + self->picture + GAP / 2);
  else
    {
      int text_height;

      pango_layout_get_size (row->layout, NULL, &text_height);
      /* Beside its picture, the words in the middle of its height */
      cairo_move_to (cr, self->text_x,
                     row->y + MAX (0, (row->height - pango_units_to_double (text_height)) / 2));
    }
  pango_cairo_show_layout (cr, row->layout);
}

void
pl_easy_read_layout_render_page (PlEasyReadLayout *self,
                                 cairo_t          *cr,
                                 guint             page)
{
  g_autofree char *words = NULL;
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 12");
  gboolean last;
  gboolean pushed;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->n_pages);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (row->page == page)
        draw_row (self, cr, row);
    }

  /* The page's foot, in the document's language; the credit on the last */
  pushed = pl_catalog_push_language (self->language);
  words = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  pl_catalog_pop_language (self->language, pushed);
  last = page + 1 == self->n_pages;
  if (last)
    {
      g_autofree char *both = g_strdup_printf ("%s\n%s", pl_symbols_credit (), words);

      g_free (words);
      words = g_steal_pointer (&both);
    }
  pango_layout_set_font_description (self->footer, font);
  pango_layout_set_width (self->footer, pango_units_from_double (self->width - 2 * MARGIN));
  if (self->rtl)
    {
      g_autofree char *from_right = pl_print_rtl_markup (words);

      pango_layout_set_text (self->footer, from_right, -1);
    }
  else
    pango_layout_set_text (self->footer, words, -1);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, MARGIN, self->height - MARGIN / 2 - (last ? 28 : 14));
  pango_cairo_show_layout (cr, self->footer);
}

gboolean
pl_print_save_easy_read_pdf (PlDocument           *document,
                             const PlPrintOptions *options,
                             PlSymbolPlace         symbols,
                             const char           *path,
                             GError              **error)
{
  g_autoptr(PlOutputFile) output = NULL;
  g_autoptr(PlEasyReadLayout) layout = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  output = pl_output_file_new (path, error);
  if (output == NULL)
    return FALSE;

  layout = pl_easy_read_layout_new (document, options, symbols, NULL, 0, 0);
  surface = cairo_pdf_surface_create_for_stream (sink_write, output, layout->width, layout->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, pl_document_get_title (document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Plainly " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint page = 0; page < layout->n_pages; page++)
    {
      pl_easy_read_layout_render_page (layout, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS && !pl_output_file_has_failed (output))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("“%s” could not be made (%s), so it was not saved."),
                   display, cairo_status_to_string (status));
      return FALSE;
    }
  return pl_output_file_commit (output, error);
}
