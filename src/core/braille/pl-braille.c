/* pl-braille.c: a document as braille (BRF), through liblouis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * liblouis translates; the pages are Plainly's own: a line is never longer
 * than the cells, a page never longer than its lines, the page number on the
 * first line at the right, headings set apart, list items and contact cards
 * kept whole on a page where they fit. Unified English Braille (never
 * en_GB.tbl, the old British code), or Welsh braille for a Welsh reader.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include "pl-i18n.h"
#include <gio/gio.h>
#include <liblouis.h>

#include "pl-braille.h"
#include "pl-model.h"
#include "pl-output-file.h"

/* liblouis is given at most this many characters at once, cut at a space,
 * so a part of megabytes is translated in steps of bounded memory */
#define MAX_PIECE 2000

/* liblouis keeps its tables in globals it does not lock: one translation
 * at a time, whichever thread asks (a save and a preview can overlap) */
static GMutex louis_lock;

/* BRF's guide dots (dots 5) lead a contents entry to its page */
#define GUIDE_DOT '"'

PlBrailleOptions *
pl_braille_options_new (void)
{
  PlBrailleOptions *self = g_new0 (PlBrailleOptions, 1);

  self->grade = 2;
  self->cells = PL_BRAILLE_DEFAULT_CELLS;
  self->lines = PL_BRAILLE_DEFAULT_LINES;
  return self;
}

PlBrailleOptions *
pl_braille_options_copy (const PlBrailleOptions *self)
{
  PlBrailleOptions *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->language = g_strdup (self->language);
  return copy;
}

void
pl_braille_options_free (PlBrailleOptions *self)
{
  if (self == NULL)
    return;
  g_free (self->language);
  g_free (self);
}

gboolean
pl_braille_options_check (const PlBrailleOptions *self,
                          GError                **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->grade != 1 && self->grade != 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Braille is grade 1 (uncontracted) or grade 2 (contracted), not %d."),
                   self->grade);
      return FALSE;
    }
  if (self->cells < PL_BRAILLE_MIN_CELLS || self->cells > PL_BRAILLE_MAX_CELLS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A braille line is from %d to %d cells long, not %u."),
                   PL_BRAILLE_MIN_CELLS, PL_BRAILLE_MAX_CELLS, self->cells);
      return FALSE;
    }
  if (self->lines < PL_BRAILLE_MIN_LINES || self->lines > PL_BRAILLE_MAX_LINES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A braille page is from %d to %d lines long, not %u."),
                   PL_BRAILLE_MIN_LINES, PL_BRAILLE_MAX_LINES, self->lines);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_welsh (const PlBrailleOptions *self)
{
  return self->language != NULL &&
         (g_ascii_strncasecmp (self->language, "cy", 2) == 0) &&
         (self->language[2] == '\0' || self->language[2] == '-' || self->language[2] == '_');
}

const char *
pl_braille_table (const PlBrailleOptions *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (is_welsh (self))
    return self->grade == 1 ? "en-us-brf.dis,cy-cy-g1.utb" : "en-us-brf.dis,cy-cy-g2.ctb";
  return self->grade == 1 ? "en-us-brf.dis,en-ueb-g1.ctb" : "en-us-brf.dis,en-ueb-g2.ctb";
}

gboolean
pl_braille_options_is_welsh (const PlBrailleOptions *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return is_welsh (self);
}

/* The grade 1 table of the same code, for letters and digits as they are */
static const char *
letters_table (const PlBrailleOptions *self)
{
  return is_welsh (self) ? "en-us-brf.dis,cy-cy-g1.utb" : "en-us-brf.dis,en-ueb-g1.ctb";
}

gboolean
pl_braille_is_needed (GPtrArray *needs)
{
  for (guint i = 0; needs != NULL && i < needs->len; i++)
    {
      const PlCommNeed *need = g_ptr_array_index (needs, i);

      if (g_strcmp0 (need->code, PL_BRAILLE_NEED_GRADE_2) == 0 ||
          g_strcmp0 (need->code, PL_BRAILLE_NEED_GRADE_1) == 0)
        return TRUE;
    }
  return FALSE;
}

PlBrailleOptions *
pl_braille_options_for_reader (const PlPerson *person,
                               GPtrArray      *needs)
{
  PlBrailleOptions *self = pl_braille_options_new ();
  gboolean grade_1 = FALSE, grade_2 = FALSE;

  for (guint i = 0; needs != NULL && i < needs->len; i++)
    {
      const PlCommNeed *need = g_ptr_array_index (needs, i);

      grade_1 |= g_strcmp0 (need->code, PL_BRAILLE_NEED_GRADE_1) == 0;
      grade_2 |= g_strcmp0 (need->code, PL_BRAILLE_NEED_GRADE_2) == 0;
    }
  /* Someone who reads both is given the shorter, contracted copy */
  if (grade_1 && !grade_2)
    self->grade = 1;
  if (person != NULL && person->preferred_language != NULL)
    self->language = g_strdup (person->preferred_language);
  return self;
}

/* One piece through liblouis; the output grows until the whole fits */
static gboolean
translate_piece (const char  *table,
                 const gunichar *text,
                 int          length,
                 GString     *out,
                 GError     **error)
{
  g_autofree widechar *in = g_new (widechar, MAX (length, 1));
  int out_max = length * 4 + 32;

  if (length == 0)
    return TRUE;
  for (int i = 0; i < length; i++)
    in[i] = text[i];

  for (;;)
    {
      g_autofree widechar *braille = g_new (widechar, out_max);
      int in_len = length, out_len = out_max;
      int translated;

      g_mutex_lock (&louis_lock);
      translated = lou_translateString (table, in, &in_len, braille, &out_len, NULL, NULL, 0);
      g_mutex_unlock (&louis_lock);
      if (!translated)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("The braille tables (%s) could not be read. Is liblouis-data installed?"),
                       table);
          return FALSE;
        }
      if (in_len < length && out_len >= out_max)
        {
          out_max *= 2;
          continue;
        }
      for (int i = 0; i < out_len; i++)
        {
          widechar c = braille[i];

          /* BRF is ASCII braille; a sign without one is a space */
          g_string_append_c (out, (c >= 0x20 && c < 0x7f) ? (char) g_ascii_toupper ((char) c) : ' ');
        }
      return TRUE;
    }
}

static gboolean
is_upper_ascii (gunichar c)
{
  return c >= 'A' && c <= 'Z';
}

/* A word of capitals and digits where a capital follows a digit, as a
 * National Insurance number "AB123456C" */
static gboolean
is_mixed_token (const gunichar *text,
                int             length)
{
  gboolean capital_after_digit = FALSE;

  for (int i = 0; i < length; i++)
    {
      if (!g_unichar_isdigit (text[i]) && !is_upper_ascii (text[i]))
        return FALSE;
      if (i > 0 && is_upper_ascii (text[i]) && g_unichar_isdigit (text[i - 1]))
        capital_after_digit = TRUE;
    }
  return capital_after_digit;
}

/* liblouis 3.24 writes "AB123456C" as ,,AB#ABCDEF,C, where a reader may
 * take the C for 3. In pieces, in grade 1, with the letter sign (dots 56)
 * before each run of letters after a number, it cannot be misread. */
static gboolean
translate_mixed (const PlBrailleOptions *self,
                 const gunichar         *text,
                 int                     length,
                 GString                *out,
                 GError                **error)
{
  int start = 0;

  while (start < length)
    {
      gboolean digits = g_unichar_isdigit (text[start]);
      int end = start;
      gsize before = out->len;

      while (end < length && (g_unichar_isdigit (text[end]) != 0) == digits)
        end++;
      if (!translate_piece (letters_table (self), text + start, end - start, out, error))
        return FALSE;
      if (!digits && start > 0 && out->str[before] != ';')
        g_string_insert_c (out, before, ';');
      start = end;
    }
  return TRUE;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c);
}

/* A run of text, its mixed tokens apart */
static gboolean
translate_run (const PlBrailleOptions *self,
               const gunichar         *text,
               int                     length,
               GString                *out,
               GError                **error)
{
  int prose = 0, i = 0;

  while (i < length)
    {
      int end = i;

      if (!is_word_char (text[i]))
        {
          i++;
          continue;
        }
      while (end < length && is_word_char (text[end]))
        end++;
      if (is_mixed_token (text + i, end - i))
        {
          if (!translate_piece (pl_braille_table (self), text + prose, i - prose, out, error) ||
              !translate_mixed (self, text + i, end - i, out, error))
            return FALSE;
          prose = end;
        }
      i = end;
    }
  return translate_piece (pl_braille_table (self), text + prose, length - prose, out, error);
}

char *
pl_braille_translate (const PlBrailleOptions *self,
                      const char             *text,
                      GError                **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree gunichar *chars = NULL;
  glong length = 0;
  glong start = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  chars = g_utf8_to_ucs4_fast (text, -1, &length);
  {
    glong kept = 0;

    /* Direction controls are for the screen: braille runs one way */
    for (glong i = 0; i < length; i++)
      {
        gunichar c = chars[i];

        if (pl_unichar_is_direction_control (c))
          continue;
        chars[kept++] = (c == '\n' || c == '\t' || c == '\r') ? ' ' : c;
      }
    length = kept;
  }

  while (start < length)
    {
      glong end = MIN (length, start + MAX_PIECE);

      /* Cut at a space, so no word is split between two calls */
      if (end < length)
        {
          glong space = end;

          while (space > start && chars[space] != ' ')
            space--;
          if (space > start)
            end = space;
        }
      if (!translate_run (self, chars + start, (int) (end - start), out, error))
        return NULL;
      start = end;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Pages */

/* A block's lines, and how it sits on a page */
typedef struct
{
  GPtrArray *lines;         /* char *, each at most cells long */
  gboolean   blank_before;  /* a blank line sets it apart, except at a page's top */
  gboolean   keep_whole;    /* a list item or contact card: one page where it fits */
  gboolean   keep_with_next;/* a heading: never last on a page */
  int        heading_level; /* 0 if not a heading */
  char      *heading_text;  /* braille, for the contents */
} Unit;

static void
unit_free (Unit *unit)
{
  g_ptr_array_unref (unit->lines);
  g_free (unit->heading_text);
  g_free (unit);
}

/* Fills lines of at most cells, the first indented by first, the rest by
 * rest; a word longer than a line is cut, with a hyphen */
static void
wrap (GPtrArray  *lines,
      const char *braille,
      guint       cells,
      guint       first,
      guint       rest)
{
  g_auto(GStrv) words = g_strsplit (braille, " ", -1);
  g_autoptr(GString) line = g_string_new (NULL);
  guint indent = first;

  g_string_append_printf (line, "%*s", (int) indent, "");
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      gsize word_len = strlen (word);

      if (word_len == 0)
        continue;
      /* Room for a space before it on a line that holds a word already */
      if (line->len > indent && line->len + 1 + word_len > cells)
        {
          g_ptr_array_add (lines, g_strdup (line->str));
          indent = rest;
          g_string_printf (line, "%*s", (int) indent, "");
        }
      else if (line->len > indent)
        g_string_append_c (line, ' ');

      while (line->len + strlen (word) > cells)
        {
          gsize room = cells - line->len - 1;

          g_string_append_len (line, word, room);
          g_string_append_c (line, '-');
          word += room;
          g_ptr_array_add (lines, g_strdup (line->str));
          indent = rest;
          g_string_printf (line, "%*s", (int) indent, "");
        }
      g_string_append (line, word);
    }
  if (line->len > indent || lines->len == 0)
    g_ptr_array_add (lines, g_strdup (line->str));
}

static char *
centred (const char *braille,
         guint       cells)
{
  gsize len = strlen (braille);

  if (len >= cells)
    return g_strdup (braille);
  return g_strdup_printf ("%*s%s", (int) ((cells - len) / 2), "", braille);
}

/* Each line of a text, wrapped with these indents */
static gboolean
add_text (const PlBrailleOptions *options,
          GPtrArray              *lines,
          const char             *text,
          guint                   first,
          guint                   rest,
          GError                **error)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *braille = NULL;

      if (*g_strstrip (paragraphs[i]) == '\0')
        continue;
      braille = pl_braille_translate (options, paragraphs[i], error);
      if (braille == NULL)
        return FALSE;
      wrap (lines, braille, options->cells, first, rest);
    }
  return TRUE;
}

static Unit *
unit_for_block (const PlBrailleOptions *options,
                const PlBlock          *block,
                GError                **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  Unit *unit = g_new0 (Unit, 1);
  guint cells = options->cells;
  gboolean ok = TRUE;

  unit->lines = g_ptr_array_new_with_free_func (g_free);

  switch (block->kind)
    {
    case PL_BLOCK_HEADING:
      {
        g_autofree char *braille = pl_braille_translate (options, block->text, error);
        g_autoptr(GPtrArray) wrapped = g_ptr_array_new_with_free_func (g_free);

        if (braille == NULL)
          {
            ok = FALSE;
            break;
          }
        unit->heading_level = CLAMP (block->level, 1, 3);
        unit->heading_text = g_strdup (braille);
        unit->blank_before = TRUE;
        unit->keep_whole = TRUE;
        unit->keep_with_next = TRUE;
        /* A main heading centred, others at cell 5 */
        if (unit->heading_level == 1)
          {
            wrap (wrapped, braille, cells - 4, 0, 0);
            for (guint i = 0; i < wrapped->len; i++)
              g_ptr_array_add (unit->lines, centred (g_ptr_array_index (wrapped, i), cells));
          }
        else
          wrap (unit->lines, braille, cells, 4, 4);
      }
      break;

    case PL_BLOCK_LIST_ITEM:
      {
        guint indent = MIN ((guint) MAX (block->level - 1, 0) * 2, cells / 4);

        unit->keep_whole = TRUE;
        ok = add_text (options, unit->lines, block->text, indent, indent + 2, error);
      }
      break;

    case PL_BLOCK_FIELD:
      g_string_printf (text, "%s: %s", block->label != NULL ? block->label : "", block->text);
      ok = add_text (options, unit->lines, text->str, 0, 2, error);
      break;

    case PL_BLOCK_CONTACT:
      unit->blank_before = TRUE;
      unit->keep_whole = TRUE;
      g_string_printf (text, "%s:", block->label != NULL ? block->label : "");
      ok = add_text (options, unit->lines, text->str, 0, 2, error) &&
           add_text (options, unit->lines, block->text, 2, 4, error);
      break;

    case PL_BLOCK_QUESTION:
      unit->blank_before = TRUE;
      ok = add_text (options, unit->lines, block->label != NULL ? block->label : "", 0, 2, error) &&
           add_text (options, unit->lines, block->text, 2, 2, error);
      break;

    case PL_BLOCK_NOTICE:
      unit->blank_before = TRUE;
      ok = add_text (options, unit->lines, block->text, 2, 0, error);
      break;

    case PL_BLOCK_PARAGRAPH:
    case PL_BLOCK_LINK:
    default:
      /* A paragraph begins at cell 3 and runs over to cell 1 */
      ok = add_text (options, unit->lines, block->text, 2, 0, error);
      break;
    }

  if (!ok)
    {
      unit_free (unit);
      return NULL;
    }
  return unit;
}

/* A braille number: the numeric sign and letters a to j for digits */
static char *
braille_number (guint n)
{
  g_autofree char *digits = g_strdup_printf ("%u", n);
  GString *out = g_string_new ("#");

  for (const char *p = digits; *p != '\0'; p++)
    g_string_append_c (out, *p == '0' ? 'J' : (char) ('A' + (*p - '1')));
  return g_string_free (out, FALSE);
}

typedef struct
{
  const PlBrailleOptions *options;
  GPtrArray *pages;       /* GPtrArray of char * lines, the number's line not among them */
  GPtrArray *current;
} Pager;

static guint
body_lines (const Pager *pager)
{
  return pager->options->lines - 1;
}

static void
new_page (Pager *pager)
{
  pager->current = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (pager->pages, pager->current);
}

/* Lays out units from page first_page onwards; each heading's page goes
 * into heading_pages */
static void
lay_out (Pager     *pager,
         GPtrArray *units,
         GArray    *heading_pages,
         guint      first_page)
{
  new_page (pager);
  for (guint i = 0; i < units->len; i++)
    {
      Unit *unit = g_ptr_array_index (units, i);
      int need = (int) unit->lines->len;
      int room;
      gboolean at_top;

      if (unit->keep_with_next && i + 1 < units->len)
        {
          Unit *next = g_ptr_array_index (units, i + 1);

          need += (next->blank_before ? 1 : 0) +
                  (int) (next->keep_whole ? next->lines->len : MIN (next->lines->len, 2u));
        }
      at_top = pager->current->len == 0;
      room = (int) body_lines (pager) - (int) pager->current->len -
             ((unit->blank_before && !at_top) ? 1 : 0);
      if (!at_top && (unit->keep_whole || unit->keep_with_next) &&
          need > room && need <= (int) body_lines (pager))
        new_page (pager);
      else if (!at_top && room <= 0)
        new_page (pager);

      if (unit->blank_before && pager->current->len > 0 &&
          *(const char *) g_ptr_array_index (pager->current, pager->current->len - 1) != '\0')
        g_ptr_array_add (pager->current, g_strdup (""));
      if (unit->heading_level > 0)
        {
          guint page = first_page + pager->pages->len - 1;

          g_array_append_val (heading_pages, page);
        }
      for (guint l = 0; l < unit->lines->len; l++)
        {
          if (pager->current->len >= body_lines (pager))
            new_page (pager);
          g_ptr_array_add (pager->current, g_strdup (g_ptr_array_index (unit->lines, l)));
        }
      /* A main heading has a blank line after it too */
      if (unit->heading_level == 1 && pager->current->len < body_lines (pager))
        g_ptr_array_add (pager->current, g_strdup (""));
    }
}

/* The title, version and contents, with guide dots to each heading's page */
static GPtrArray *
contents_lines (PlDocument             *document,
                const PlBrailleOptions *options,
                GPtrArray              *units,
                GArray                 *heading_pages,
                GError                **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) wrapped = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = pl_braille_translate (options, pl_document_get_title (document), error);
  g_autofree char *contents = NULL;
  guint h = 0;

  if (title == NULL)
    return NULL;
  wrap (wrapped, title, options->cells - 4, 0, 0);
  for (guint i = 0; i < wrapped->len; i++)
    g_ptr_array_add (lines, centred (g_ptr_array_index (wrapped, i), options->cells));
  if (pl_document_get_version (document) != NULL)
    {
      g_autofree char *version = pl_braille_translate (options, pl_document_get_version (document), error);

      if (version == NULL)
        return NULL;
      g_ptr_array_add (lines, centred (version, options->cells));
    }
  g_ptr_array_add (lines, g_strdup (""));
  contents = pl_braille_translate (options, _("Contents"), error);
  if (contents == NULL)
    return NULL;
  g_ptr_array_add (lines, centred (contents, options->cells));
  g_ptr_array_add (lines, g_strdup (""));

  for (guint i = 0; i < units->len; i++)
    {
      Unit *unit = g_ptr_array_index (units, i);
      g_autoptr(GPtrArray) entry = NULL;
      g_autofree char *number = NULL;
      GString *line;

      if (unit->heading_level == 0)
        continue;
      number = braille_number (g_array_index (heading_pages, guint, h++));
      if (unit->heading_level > 2)
        continue;
      entry = g_ptr_array_new_with_free_func (g_free);
      /* Room for a space, two guide dots, a space and the number */
      wrap (entry, unit->heading_text, options->cells - strlen (number) - 4,
            unit->heading_level == 1 ? 0 : 2, unit->heading_level == 1 ? 2 : 4);
      line = g_string_new (g_ptr_array_index (entry, entry->len - 1));
      g_string_append_c (line, ' ');
      while (line->len < options->cells - strlen (number) - 1)
        g_string_append_c (line, GUIDE_DOT);
      g_string_append_c (line, ' ');
      g_string_append (line, number);
      g_free (entry->pdata[entry->len - 1]);
      entry->pdata[entry->len - 1] = g_string_free (line, FALSE);
      for (guint l = 0; l < entry->len; l++)
        g_ptr_array_add (lines, g_strdup (g_ptr_array_index (entry, l)));
    }
  return g_steal_pointer (&lines);
}

static void
append_page (GString                *out,
             const PlBrailleOptions *options,
             GPtrArray              *page,
             guint                   number)
{
  g_autofree char *braille = braille_number (number);

  if (out->len > 0)
    g_string_append_c (out, '\f');
  g_string_append_printf (out, "%*s%s\r\n", (int) (options->cells - strlen (braille)), "", braille);
  for (guint l = 0; l < page->len; l++)
    {
      const char *line = g_ptr_array_index (page, l);
      gsize len = strlen (line);

      /* No spaces at a line's end: an embosser counts them */
      while (len > 0 && line[len - 1] == ' ')
        len--;
      g_string_append_len (out, line, len);
      g_string_append (out, "\r\n");
    }
}

char *
pl_braille_format (PlDocument             *document,
                   const PlBrailleOptions *options,
                   gsize                  *length,
                   GError                **error)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_free);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_contents = 1;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!pl_braille_options_check (options, error))
    return NULL;

  for (guint i = 0; i < pl_document_get_n_blocks (document); i++)
    {
      Unit *unit = unit_for_block (options, pl_document_get_block (document, i), error);

      if (unit == NULL)
        return NULL;
      g_ptr_array_add (units, unit);
    }

  /* The contents' own length moves the pages it names: lay out again until
   * it holds still (at most a few times, as a longer number is rare) */
  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_autoptr(GPtrArray) body = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      g_autoptr(GPtrArray) front = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      g_autoptr(GArray) heading_pages = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GPtrArray) contents = NULL;
      Pager pager = { options, body, NULL };
      Pager front_pager = { options, front, NULL };
      guint n_front;

      lay_out (&pager, units, heading_pages, n_contents + 1);
      contents = contents_lines (document, options, units, heading_pages, error);
      if (contents == NULL)
        return NULL;

      new_page (&front_pager);
      for (guint l = 0; l < contents->len; l++)
        {
          if (front_pager.current->len >= body_lines (&front_pager))
            new_page (&front_pager);
          g_ptr_array_add (front_pager.current, g_strdup (g_ptr_array_index (contents, l)));
        }
      n_front = front->len;
      if (n_front != n_contents && attempt + 1 < 8)
        {
          n_contents = n_front;
          continue;
        }

      for (guint p = 0; p < front->len; p++)
        append_page (out, options, g_ptr_array_index (front, p), p + 1);
      for (guint p = 0; p < body->len; p++)
        append_page (out, options, g_ptr_array_index (body, p), n_front + p + 1);
      break;
    }

  if (length != NULL)
    *length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
pl_braille_save (PlDocument             *document,
                 const PlBrailleOptions *options,
                 const char             *path,
                 GError                **error)
{
  g_autoptr(PlOutputFile) output = NULL;
  g_autofree char *brf = NULL;
  gsize length = 0;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Refuses the database and anything not a file before any work */
  if (!pl_output_file_check_target (path, error))
    return FALSE;
  brf = pl_braille_format (document, options, &length, error);
  if (brf == NULL)
    return FALSE;
  output = pl_output_file_new (path, error);
  if (output == NULL)
    return FALSE;
  if (!pl_output_file_write (output, brf, length, error))
    return FALSE;
  return pl_output_file_commit (output, error);
}

typedef struct
{
  PlDocument       *document;
  PlBrailleOptions *options;
  char             *path;   /* NULL: format only */
} BrailleTask;

static void
braille_task_free (gpointer data)
{
  BrailleTask *job = data;

  g_clear_object (&job->document);
  g_clear_pointer (&job->options, pl_braille_options_free);
  g_free (job->path);
  g_free (job);
}

static void
braille_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  BrailleTask *job = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (job->path != NULL)
    {
      if (pl_braille_save (job->document, job->options, job->path, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
    }
  else
    {
      char *brf = pl_braille_format (job->document, job->options, NULL, &error);

      if (brf != NULL)
        g_task_return_pointer (task, brf, g_free);
      else
        g_task_return_error (task, error);
    }
}

static void
run_braille_task (PlDocument             *document,
                  const PlBrailleOptions *options,
                  const char             *path,
                  gpointer                source_tag,
                  GCancellable           *cancellable,
                  GAsyncReadyCallback     callback,
                  gpointer                user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  BrailleTask *job = g_new0 (BrailleTask, 1);

  job->document = g_object_ref (document);
  job->options = options != NULL ? pl_braille_options_copy (options) : pl_braille_options_new ();
  job->path = g_strdup (path);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, braille_task_free);
  g_task_run_in_thread (task, braille_thread);
}

void
pl_braille_save_async (PlDocument             *document,
                       const PlBrailleOptions *options,
                       const char             *path,
                       GCancellable           *cancellable,
                       GAsyncReadyCallback     callback,
                       gpointer                user_data)
{
  g_return_if_fail (PL_IS_DOCUMENT (document));
  g_return_if_fail (path != NULL);

  run_braille_task (document, options, path, pl_braille_save_async, cancellable, callback, user_data);
}

gboolean
pl_braille_save_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
pl_braille_format_async (PlDocument             *document,
                         const PlBrailleOptions *options,
                         GCancellable           *cancellable,
                         GAsyncReadyCallback     callback,
                         gpointer                user_data)
{
  g_return_if_fail (PL_IS_DOCUMENT (document));

  run_braille_task (document, options, NULL, pl_braille_format_async, cancellable, callback, user_data);
}

char *
pl_braille_format_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* North American ASCII braille, in the order of the Unicode cells U+2800 to U+283F */
static const char brf_cells[] =
  " A1B'K2L@CIF/MSP\"E3H9O6R^DJG>NTQ,*5<-U8V.%[$+X!&;:4\\0Z7(_?W]#Y)=";

char *
pl_braille_to_unicode (const char *brf)
{
  GString *out;

  g_return_val_if_fail (brf != NULL, NULL);

  out = g_string_new (NULL);
  for (const char *p = brf; *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);
      const char *at;

      if (c == '\r' || c == '\n' || c == '\f')
        {
          g_string_append_c (out, c);
          continue;
        }
      at = memchr (brf_cells, c, sizeof brf_cells - 1);
      g_string_append_unichar (out, 0x2800 + (at != NULL ? (gunichar) (at - brf_cells) : 0));
    }
  return g_string_free (out, FALSE);
}
