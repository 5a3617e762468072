/* pl-print-items.c: a document's blocks as measured print items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each block becomes one PangoLayout (a very long one, several) with the
 * spacing, indent, box and keeping rules of its kind; the lines of each are
 * measured once, for pagination and drawing.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include "pl-i18n.h"
#include <pango/pangocairo.h>

#include "pl-document.h"
#include "pl-catalog.h"
#include "pl-print-private.h"
#include "pl-text-chunk.h"

/* Items */

void
pl_print_item_clear (gpointer data)
{
  PlPrintItem *item = data;

  g_clear_object (&item->layout);
  g_clear_pointer (&item->top, g_free);
  g_clear_pointer (&item->bottom, g_free);
  g_clear_pointer (&item->baseline, g_free);
  g_clear_pointer (&item->line_x, g_free);
}

/* Reads where each line lies, once, for pagination and drawing */
void
pl_print_item_measure (PlPrintItem *item)
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

double
pl_print_item_lines_height (const PlPrintItem *item,
                            int                first,
                            int                n)
{
  if (n <= 0 || item->n_lines == 0)
    return 0.0;
  n = MIN (n, item->n_lines - first);
  return item->bottom[first + n - 1] - item->top[first];
}

double
pl_print_item_height (const PlPrintItem *item)
{
  return pl_print_item_lines_height (item, 0, item->n_lines) + 2 * (item->pad + item->border);
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

char *
pl_print_layout_link_text (PlPrintLayout *self,
                           const PlBlock *block,
                           int            target,
                           int            page)
{
  g_autofree char *text = g_markup_escape_text (block->text, -1);
  g_autofree char *reference = NULL;
  const char *language = pl_document_get_language (self->document);
  gboolean pushed;

  if (target < 0)
    return g_steal_pointer (&text);
  /* In-document links become page references: paper cannot be followed */
  pushed = pl_catalog_push_language (language);
  reference = g_strdup_printf (_("%s, see page %d"), text, page + 1);
  pl_catalog_pop_language (language, pushed);
  if (pl_print_text_is_rtl (pl_block_get_language (block, self->document), block->text))
    return pl_print_rtl_markup (reference);
  return g_steal_pointer (&reference);
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
      return pl_print_layout_link_text (self, block, -1, 0);

    case PL_BLOCK_PARAGRAPH:
    default:
      return g_steal_pointer (&text);
    }
}

PangoLayout *
pl_print_layout_new_text_layout (PlPrintLayout *self,
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

/* markup with every paragraph begun by a right-to-left mark: each then
 * reads from the right, even one that begins with a Latin name or a
 * figure, as Pango takes a paragraph's direction from its first letter */
static gboolean
is_rtl_script (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_ARABIC || script == G_UNICODE_SCRIPT_HEBREW ||
         script == G_UNICODE_SCRIPT_SYRIAC || script == G_UNICODE_SCRIPT_THAANA ||
         script == G_UNICODE_SCRIPT_NKO;
}

/* Whether a line of a right-to-left document reads from the right: it has
 * right-to-left letters, or no letters at all (a phone number). A line
 * all in Latin letters (staff wrote it in English) keeps its own way. */
static gboolean
line_reads_rtl (const char *line,
                gsize       length)
{
  gboolean has_ltr = FALSE;

  for (const char *p = line; p < line + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_rtl_script (c))
        return TRUE;
      if (g_unichar_isalpha (c))
        has_ltr = TRUE;
    }
  return !has_ltr;
}

gboolean
pl_print_text_is_rtl (const char *language,
                      const char *text)
{
  return pl_language_is_rtl (language) && text != NULL && line_reads_rtl (text, strlen (text));
}

char *
pl_print_rtl_markup (const char *markup)
{
  g_auto(GStrv) lines = g_strsplit (markup, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      if (line_reads_rtl (lines[i], strlen (lines[i])))
        g_string_append (out, PL_PRINT_RLM);
      g_string_append (out, lines[i]);
    }
  return g_string_free (out, FALSE);
}

void
pl_print_layout_build_items (PlPrintLayout *self)
{
  double size = self->options->text_size;
  const PlBlock *previous = NULL;
  guint n = pl_document_get_n_blocks (self->document);
  g_autoptr(PangoLayout) probe = pl_print_layout_new_text_layout (self, size, self->text_width,
                                                  self->options->line_spacing);
  PangoRectangle first, second;
  double leading;
  const char *language = pl_document_get_language (self->document);
  gboolean pushed = pl_catalog_push_language (language);

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
      PlPrintItem item = { 0 };
      double width = self->text_width;
      double item_size = size;
      double spacing = self->options->line_spacing;
      double list_indent = 0.0;
      /* Urdu reads from the right: its lines start there, lists hang there */
      gboolean rtl = pl_print_text_is_rtl (pl_block_get_language (block, self->document),
                                           block->text);

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
          list_indent = size * 1.5 * (CLAMP (block->level, 1, 4) - 1);
          item.x = list_indent;
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
      /* The indent on the right: drawn from the left edge, narrower */
      if (rtl)
        item.x -= list_indent;

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
          PlPrintItem part = item;

          if (chunks->len > 1)
            g_strchomp (piece);
          markup = block_markup (self, block, piece, c == 0);
          if (rtl)
            {
              char *right_to_left = pl_print_rtl_markup (markup);

              g_free (markup);
              markup = right_to_left;
            }
          if (c > 0)
            {
              /* The next lines of the same text, a line's spacing below */
              part.space_before = leading;
              part.target = -1;
            }
          part.keep_with_next = item.keep_with_next && c + 1 == chunks->len;
          part.layout = pl_print_layout_new_text_layout (self, item_size, MAX (width, size * 4),
                                                         spacing);

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
              g_autofree char *widest = pl_print_layout_link_text (self, block, part.target, 998);

              pango_layout_set_markup (part.layout, widest, -1);
            }
          pl_print_item_measure (&part);
          g_array_append_val (self->items, part);
        }
      previous = block;
    }
  pl_catalog_pop_language (language, pushed);
}
