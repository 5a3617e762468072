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
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "pl-document.h"
#include "pl-print.h"
#include "pl-print-private.h"
#include "pl-text-chunk.h"

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
} Item;

typedef struct
{
  guint    item;
  int      first;
  int      n_lines;
  double   y;          /* top of the piece's first line on the page (with box: of the text) */
  gboolean continued;  /* the rest of a card begun on the page before */
} Piece;

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
  int             footer_detail; /* see footer_details () */

  GArray         *items;         /* of Item */
  GPtrArray      *pages;         /* of GArray of Piece */
  int            *block_page;    /* per block, where it starts, or -1 */
  int            *block_end_page;
  gboolean        paginated;
};

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

/* Items */

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->layout);
  g_clear_pointer (&item->top, g_free);
  g_clear_pointer (&item->bottom, g_free);
  g_clear_pointer (&item->baseline, g_free);
  g_clear_pointer (&item->line_x, g_free);
}

/* Reads where each line lies, once, for pagination and drawing */
static void
item_measure (Item *item)
{
  PangoLayoutIter *iter;
  int i = 0;

  g_clear_pointer (&item->top, g_free);
  g_clear_pointer (&item->bottom, g_free);
  g_clear_pointer (&item->baseline, g_free);
  g_clear_pointer (&item->line_x, g_free);

  item->n_lines = pango_layout_get_line_count (item->layout);
  item->top = g_new0 (double, item->n_lines);
  item->bottom = g_new0 (double, item->n_lines);
  item->baseline = g_new0 (double, item->n_lines);
  item->line_x = g_new0 (double, item->n_lines);

  iter = pango_layout_get_iter (item->layout);
  do
    {
      PangoRectangle in_layout, own;
      int y0, y1;

      if (i >= item->n_lines)
        break;
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &in_layout);
      pango_layout_line_get_extents (pango_layout_iter_get_line_readonly (iter), NULL, &own);
      item->top[i] = pango_units_to_double (y0);
      item->bottom[i] = pango_units_to_double (y1);
      item->baseline[i] = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      item->line_x[i] = pango_units_to_double (in_layout.x - own.x);
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  item->n_lines = i;
}

static double
item_lines_height (const Item *item,
                   int         first,
                   int         n)
{
  if (n <= 0 || item->n_lines == 0)
    return 0.0;
  n = MIN (n, item->n_lines - first);
  return item->bottom[first + n - 1] - item->top[first];
}

static double
item_height (const Item *item)
{
  return item_lines_height (item, 0, item->n_lines) + 2 * (item->pad + item->border);
}

/* Headings are bold and bigger; the bigger the text, the less they grow,
 * so at 48 pt a heading and the lines under it still fit on a page */
static double
heading_scale (int    level,
               double size)
{
  double grow;

  switch (CLAMP (level, 1, 3))
    {
    case 1:
      grow = 0.5;
      break;
    case 2:
      grow = 0.3;
      break;
    default:
      grow = 0.15;
      break;
    }
  return 1.0 + grow * CLAMP ((PL_PRINT_MAX_TEXT_SIZE - size) / 24.0, 0.0, 1.0);
}

static gboolean
kind_groups (PlBlockKind kind)
{
  return kind == PL_BLOCK_LIST_ITEM || kind == PL_BLOCK_FIELD || kind == PL_BLOCK_LINK;
}

/* A field right after a contact card that is about that contact (its anchor
 * extends the card's, as "contact-7-may-see" does "contact-7") */
static gboolean
belongs_to_contact (const PlBlock *contact,
                    const PlBlock *block)
{
  gsize len;

  if (contact == NULL || contact->kind != PL_BLOCK_CONTACT || block->kind != PL_BLOCK_FIELD ||
      contact->anchor == NULL || block->anchor == NULL)
    return FALSE;
  len = strlen (contact->anchor);
  return strncmp (block->anchor, contact->anchor, len) == 0 && block->anchor[len] == '-';
}

static char *
link_text (PlPrintLayout *self,
           const PlBlock *block,
           int            target,
           int            page)
{
  g_autofree char *text = g_markup_escape_text (block->text, -1);

  if (target < 0)
    return g_steal_pointer (&text);
  /* In-document links become page references: paper cannot be followed */
  return g_strdup_printf (_("%s, see page %d"), text, page + 1);
}

/* Email and web addresses are often longer than a large-print line; they
 * may break after "@", "." and "/" (a zero-width space), so a line never
 * ends in the middle of a name ("castlebridge.exam" / "ple") */
static char *
breakable_addresses (const char *text)
{
  g_auto(GStrv) tokens = g_strsplit (text, " ", -1);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      GString *token;

      if (strchr (tokens[i], '@') == NULL && strstr (tokens[i], "://") == NULL &&
          !g_str_has_prefix (tokens[i], "www."))
        continue;
      token = g_string_new (NULL);
      for (const char *p = tokens[i]; *p != '\0'; p++)
        {
          g_string_append_c (token, *p);
          if ((*p == '@' || *p == '.' || *p == '/') && g_ascii_isalnum (p[1]))
            g_string_append (token, "\u200B");
        }
      g_free (tokens[i]);
      tokens[i] = g_string_free (token, FALSE);
    }
  return g_strjoinv (" ", tokens);
}

/* The markup of one piece of a block's text (pl-text-chunk.h): the first
 * piece has the label or the bullet; the ones after it go on the text */
static char *
block_markup (PlPrintLayout *self,
              const PlBlock *block,
              const char    *piece,
              gboolean       first)
{
  g_autofree char *breakable = breakable_addresses (piece);
  g_autofree char *text = g_markup_escape_text (breakable, -1);
  g_autofree char *label = block->label != NULL && *block->label != '\0'
                           ? g_markup_escape_text (block->label, -1) : NULL;

  if (!first)
    {
      if (block->kind == PL_BLOCK_HEADING || block->kind == PL_BLOCK_NOTICE)
        return g_strdup_printf ("<b>%s</b>", text);
      if (block->kind == PL_BLOCK_LIST_ITEM)
        return g_strdup_printf ("\t%s", text);
      return g_steal_pointer (&text);
    }

  switch (block->kind)
    {
    case PL_BLOCK_HEADING:
      return g_strdup_printf ("<b>%s</b>", text);

    case PL_BLOCK_LIST_ITEM:
      return g_strdup_printf ("•\t%s", text);

    case PL_BLOCK_FIELD:
      if (label == NULL)
        return g_steal_pointer (&text);
      return g_strdup_printf ("<b>%s:</b> %s", label, text);

    case PL_BLOCK_CONTACT:
      if (label == NULL)
        return g_steal_pointer (&text);
      return g_strdup_printf ("<b>%s:</b>\n%s", label, text);

    case PL_BLOCK_QUESTION:
      if (*piece == '\0')
        return g_strdup_printf ("<b>%s</b>", label != NULL ? label : "");
      return g_strdup_printf ("<b>%s</b>\n%s", label != NULL ? label : "", text);

    case PL_BLOCK_NOTICE:
      /* Set apart by its border and bold type, never by colour alone; its
       * words are the document's, as on the screen and in the voice */
      return g_strdup_printf ("<b>%s</b>", text);

    case PL_BLOCK_LINK:
      /* Wide enough for any page number; the real one is set once known */
      return link_text (self, block, -1, 0);

    case PL_BLOCK_PARAGRAPH:
    default:
      return g_steal_pointer (&text);
    }
}

static PangoLayout *
new_text_layout (PlPrintLayout *self,
                 double         size,
                 double         width,
                 double         spacing)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, self->options->font_family);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE + 0.5));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* RNIB clear print: left aligned, ragged right, never justified */
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_justify (layout, FALSE);
  pango_layout_set_line_spacing (layout, (float) spacing);
  return layout;
}

static void
build_items (PlPrintLayout *self)
{
  double size = self->options->text_size;
  const PlBlock *previous = NULL;
  guint n = pl_document_get_n_blocks (self->document);
  g_autoptr(PangoLayout) probe = new_text_layout (self, size, self->text_width,
                                                  self->options->line_spacing);
  PangoRectangle first, second;
  double leading;

  /* Pango puts the extra line spacing above every line but the first, so
   * the space between blocks adds it back, or blocks would sit closer
   * than the lines inside them */
  pango_layout_set_text (probe, "Ag\nAg", -1);
  pango_layout_index_to_pos (probe, 0, &first);
  pango_layout_index_to_pos (probe, 3, &second);
  leading = MAX (0.0, pango_units_to_double (second.y - first.y - first.height));

  for (guint i = 0; i < n; i++)
    {
      const PlBlock *block = pl_document_get_block (self->document, i);
      g_autoptr(GArray) chunks = NULL;
      Item item = { 0 };
      double width = self->text_width;
      double item_size = size;
      double spacing = self->options->line_spacing;

      item.block = i;
      item.target = -1;

      switch (block->kind)
        {
        case PL_BLOCK_HEADING:
          item_size = size * heading_scale (block->level, size);
          item.keep_with_next = TRUE;
          /* Big bold headings read better with their lines closer */
          spacing = MIN (spacing, 1.2);
          break;

        case PL_BLOCK_LIST_ITEM:
          item.x = size * 1.5 * (CLAMP (block->level, 1, 4) - 1);
          break;

        case PL_BLOCK_CONTACT:
          item.keep_together = TRUE;
          item.border = 1.5;
          item.pad = size * 0.5;
          break;

        case PL_BLOCK_NOTICE:
          item.keep_together = TRUE;
          item.border = 4.0;
          item.pad = size * 0.5;
          break;

        case PL_BLOCK_LINK:
          item.keep_together = TRUE;
          if (block->target != NULL)
            item.target = pl_document_find_anchor (self->document, block->target);
          break;

        case PL_BLOCK_FIELD:
          item.glued = belongs_to_contact (previous, block);
          if (item.glued)
            item.keep_together = TRUE;
          break;

        case PL_BLOCK_PARAGRAPH:
        case PL_BLOCK_QUESTION:
        default:
          break;
        }

      item.x += item.pad + item.border;
      width -= item.x + item.pad + item.border;

      /* Space between parts; one-line runs of items or fields read as a group */
      if (previous == NULL)
        item.space_before = 0.0;
      else if (block->kind == PL_BLOCK_HEADING)
        item.space_before = leading + size * (block->level <= 2 ? 1.25 : 1.0);
      else if (item.glued)
        item.space_before = leading + size * 0.25;
      else if (previous->kind == block->kind && kind_groups (block->kind) &&
               strchr (previous->text, '\n') == NULL && strchr (block->text, '\n') == NULL)
        item.space_before = leading + size * 0.4;
      else if (previous->kind == PL_BLOCK_HEADING)
        item.space_before = leading * 0.5 + size * 0.25;
      else
        item.space_before = leading + size * 0.6;

      /* A very long text is laid out a paragraph's size at a time: one
       * layout of it would be slow, and taller than Pango can count */
      chunks = pl_text_chunks (block->text, block->kind == PL_BLOCK_LINK
                                            ? G_MAXSIZE : PL_TEXT_CHUNK_BYTES);
      if (chunks->len > 1)
        {
          /* A card that long cannot be kept on one page */
          item.keep_together = FALSE;
          item.glued = FALSE;
        }

      for (guint c = 0; c < chunks->len; c++)
        {
          const PlTextChunk *chunk = &g_array_index (chunks, PlTextChunk, c);
          g_autofree char *piece = g_strndup (block->text + chunk->start, chunk->end - chunk->start);
          g_autofree char *markup = NULL;
          Item part = item;

          if (chunks->len > 1)
            g_strchomp (piece);
          markup = block_markup (self, block, piece, c == 0);
          if (c > 0)
            {
              /* The next lines of the same text, a line's spacing below */
              part.space_before = leading;
              part.target = -1;
            }
          part.keep_with_next = item.keep_with_next && c + 1 == chunks->len;
          part.layout = new_text_layout (self, item_size, MAX (width, size * 4), spacing);

          if (block->kind == PL_BLOCK_LIST_ITEM)
            {
              PangoTabArray *tabs = pango_tab_array_new (1, FALSE);
              int hang = pango_units_from_double (size * 1.2);

              /* The bullet hangs; the text and its following lines align */
              pango_tab_array_set_tab (tabs, 0, PANGO_TAB_LEFT, hang);
              pango_layout_set_tabs (part.layout, tabs);
              pango_layout_set_indent (part.layout, -hang);
              pango_tab_array_free (tabs);
            }
          pango_layout_set_markup (part.layout, markup, -1);

          if (part.target >= 0)
            {
              /* Room for the longest page number it could need */
              g_autofree char *widest = link_text (self, block, part.target, 998);

              pango_layout_set_markup (part.layout, widest, -1);
            }
          item_measure (&part);
          g_array_append_val (self->items, part);
        }
      previous = block;
    }
}

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
  /* The same size as the text: every word on the page is large print */
  layout = new_text_layout (self, self->options->text_size, self->text_width, 1.1);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
footer_measure (PlPrintLayout *self)
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
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);
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
  self->footer_height = footer_measure (self);
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
  GArray *page = g_array_new (FALSE, TRUE, sizeof (Piece));

  g_ptr_array_add (self->pages, page);
  return page;
}

static double
continued_height (PlPrintLayout *self)
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
      const Item *item = &g_array_index (self->items, Item, j);
      double box = 2 * (item->pad + item->border);

      if (j > index || !page_empty)
        need += item->space_before;

      if (item->keep_with_next)
        {
          need += item_height (item);
          continue;
        }
      if (item->keep_together)
        {
          need += item_height (item);
          /* the fields that belong to a card come with it */
          while (j + 1 < self->items->len &&
                 g_array_index (self->items, Item, j + 1).glued)
            {
              j++;
              need += g_array_index (self->items, Item, j).space_before +
                      item_height (&g_array_index (self->items, Item, j));
            }
        }
      else
        need += item_lines_height (item, 0, 2) + box;
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

  build_items (self);
  page = new_page (self);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      double frame = item->pad + item->border;
      double gap = page->len == 0 ? 0.0 : item->space_before;
      Piece piece = { i, 0, 0, 0.0, FALSE };
      int line = 0;
      /* A heading that came to this page brought room for what follows it;
       * moving that on would leave the heading at the foot of the page, so
       * a card too tall for what is left is split and marked "continued" */
      gboolean after_heading =
        page->len > 0 &&
        g_array_index (self->items, Item,
                       g_array_index (page, Piece, page->len - 1).item).keep_with_next;

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
               y + gap + item_height (item) > self->text_height)
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
          double top = y + frame + (piece.continued ? continued_height (self) : 0.0);
          int fit = 0;

          while (line + fit < item->n_lines &&
                 top + item_lines_height (item, line, fit + 1) + frame <= self->text_height)
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
              y = top + item_lines_height (item, line, fit) + frame;
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
      Item *item = &g_array_index (self->items, Item, i);

      if (item->target >= 0 && self->block_page[item->target] >= 0)
        {
          g_autofree char *markup =
            link_text (self, pl_document_get_block (self->document, item->block),
                       item->target, self->block_page[item->target]);
          int n_before = item->n_lines;

          pango_layout_set_markup (item->layout, markup, -1);
          item_measure (item);
          /* Shorter text never takes more lines; keep the pieces in step */
          if (item->n_lines != n_before)
            for (guint p = 0; p < self->pages->len; p++)
              {
                GArray *pieces = g_ptr_array_index (self->pages, p);

                for (guint k = 0; k < pieces->len; k++)
                  {
                    Piece *piece = &g_array_index (pieces, Piece, k);

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
  return (int) g_array_index (self->items, Item,
                              g_array_index (pieces, Piece, pieces->len - 1).item).block;
}

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
show_lines (PlPrintLayout *self,
            cairo_t       *cr,
            const Item    *item,
            int            first,
            int            n,
            double         x,
            double         y)
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

  g_return_if_fail (PL_IS_PRINT_LAYOUT (self));
  g_return_if_fail (cr != NULL);

  pl_print_layout_paginate (self);
  g_return_if_fail (page_no < self->pages->len);
  pieces = g_ptr_array_index (self->pages, page_no);

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
      const Piece *piece = &g_array_index (pieces, Piece, k);
      const Item *item = &g_array_index (self->items, Item, piece->item);
      double x = self->text_left + item->x;
      double y = self->text_top + piece->y;

      if (item->border > 0)
        {
          /* Cards and notices span the text width; the line is drawn on its centre */
          double frame = item->pad + item->border / 2;
          double extra = piece->continued ? continued_height (self) : 0.0;
          double height = item_lines_height (item, piece->first, piece->n_lines) + 2 * frame + extra;

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
          double height = item_lines_height (item, piece->first, piece->n_lines) + 2 * item->pad;

          cairo_rectangle (cr, self->text_left - bar - self->options->text_size * 0.4,
                           y - item->pad, bar, height);
          cairo_fill (cr);
        }

      if (piece->continued)
        {
          g_autoptr(PangoLayout) label =
            new_text_layout (self, self->options->text_size, self->text_width, 1.0);
          g_autofree char *said = g_strdup_printf (_("Continued from page %u"), page_no);
          g_autofree char *markup = g_markup_printf_escaped ("<i>%s</i>", said);

          pango_layout_set_markup (label, markup, -1);
          cairo_move_to (cr, x, y - continued_height (self));
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
}
