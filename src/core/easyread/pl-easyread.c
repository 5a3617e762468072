/* pl-easyread.c: a document in easy read, an idea a line with its picture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>

#include "pl-easyread.h"
#include "pl-symbol-choice.h"

static void
line_free (gpointer data)
{
  PlEasyReadLine *line = data;

  g_free (line->text);
  pl_symbol_match_free (line->match);
  g_free (line);
}

void
pl_easy_read_item_free (PlEasyReadItem *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_free (self);
}

static void
add_sentence (GPtrArray  *out,
              const char *start,
              gsize       len)
{
  g_autofree char *sentence = g_strndup (start, len);

  g_strstrip (sentence);
  if (*sentence != '\0')
    g_ptr_array_add (out, g_steal_pointer (&sentence));
}

/* Whether the word before the full stop at dot is a title: "Mr. Khan" */
static gboolean
is_title (const char *start,
          const char *dot)
{
  static const char * const titles[] = { "mr", "mrs", "ms", "dr" };
  const char *word = dot;

  while (word > start && g_ascii_isalpha (word[-1]))
    word--;
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if ((gsize) (dot - word) == strlen (titles[i]) &&
        g_ascii_strncasecmp (word, titles[i], dot - word) == 0)
      return TRUE;
  return FALSE;
}

GPtrArray *
pl_easy_read_split (const char *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *start = lines[i];

      for (const char *p = lines[i]; *p != '\0'; p++)
        {
          const char *next = p + 1;

          /* A sentence ends at ". ", "! " or "? " before a capital or a
           * figure: "8.30", "e.g. this" and "Mr. Khan" stay whole */
          if (strchr (".!?", *p) == NULL || *next != ' ')
            continue;
          while (*next == ' ')
            next++;
          if (!g_unichar_isupper (g_utf8_get_char (next)) && !g_ascii_isdigit (*next) &&
              *next != '"' && g_utf8_get_char (next) != 0x201c)
            continue;
          if (is_title (start, p))
            continue;
          add_sentence (out, start, next - start);
          start = next;
          p = next - 1;
        }
      add_sentence (out, start, strlen (start));
    }
  return out;
}

static PlEasyReadItem *
item_new (const PlBlock *block,
          gboolean       written)
{
  PlEasyReadItem *item = g_new0 (PlEasyReadItem, 1);

  item->block = block;
  item->written = written;
  item->lines = g_ptr_array_new_with_free_func (line_free);
  return item;
}

static void
add_lines (PlEasyReadItem           *item,
           PlSymbolIndex            *index,
           const PlSymbolChoiceRule *rules,
           guint                     n_rules,
           const char               *label,
           const char               *text)
{
  g_autoptr(GPtrArray) sentences = pl_easy_read_split (text);

  for (guint i = 0; i < sentences->len; i++)
    {
      PlEasyReadLine *line = g_new0 (PlEasyReadLine, 1);
      const char *sentence = sentences->pdata[i];

      /* "Time: 8:00 in the morning": the label is part of the first line */
      line->text = i == 0 && label != NULL ? g_strdup_printf ("%s: %s", label, sentence)
                                           : g_strdup (sentence);
      line->match = pl_symbol_match (index, rules, n_rules, line->text);
      /* No picture and no staff's choice: nothing to keep */
      if (line->match != NULL && line->match->symbol == NULL &&
          line->match->kind != PL_SYMBOL_MATCH_CHOSEN)
        g_clear_pointer (&line->match, pl_symbol_match_free);
      g_ptr_array_add (item->lines, line);
    }
}

GPtrArray *
pl_easy_read_items (PlDocument    *document,
                    PlSymbolIndex *index)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_easy_read_item_free);
  guint n_rules = 0;
  g_autofree PlSymbolChoiceRule *rules = NULL;
  guint n = pl_document_get_n_blocks (document);

  g_return_val_if_fail (PL_IS_DOCUMENT (document), items);
  g_return_val_if_fail (index != NULL, items);

  rules = pl_symbol_choice_rules (pl_document_get_symbol_choices (document), &n_rules);

  for (guint i = 0; i < n; i++)
    {
      const PlBlock *block = pl_document_get_block (document, i);
      PlEasyReadItem *item = item_new (block, FALSE);

      add_lines (item, index, rules, n_rules, block->label, block->text);
      g_ptr_array_add (items, item);

      if (block->kind != PL_BLOCK_HEADING || block->easy_read == NULL)
        continue;

      /* Staff's easy read of the part, in place of its own words */
      item = item_new (block, TRUE);
      add_lines (item, index, rules, n_rules, NULL, block->easy_read);
      g_ptr_array_add (items, item);
      i += MIN (block->easy_read_span, n - i - 1);
    }

  return items;
}

PlDocument *
pl_easy_read_document (PlDocument *document,
                       GPtrArray  *items)
{
  PlDocument *lines;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (items != NULL, NULL);

  lines = pl_document_new (pl_document_get_title (document));
  pl_document_set_language (lines, pl_document_get_language (document));
  pl_document_set_owner (lines, pl_document_get_owner (document));
  pl_document_set_version (lines, pl_document_get_version (document));
  for (guint i = 0; i < items->len; i++)
    {
      const PlEasyReadItem *item = items->pdata[i];
      gboolean heading = item->block->kind == PL_BLOCK_HEADING && !item->written;

      for (guint j = 0; j < item->lines->len; j++)
        {
          const PlEasyReadLine *line = item->lines->pdata[j];
          /* The first line keeps its block's anchor, so a place in the
           * plan is the same place in easy read */
          const char *anchor = j == 0 && pl_document_find_anchor (lines, item->block->anchor) < 0
                               ? item->block->anchor : NULL;

          pl_document_add (lines, heading ? PL_BLOCK_HEADING : PL_BLOCK_PARAGRAPH,
                           heading ? item->block->level : 0, anchor, NULL, line->text);
          pl_document_set_block_language (lines, pl_document_get_n_blocks (lines) - 1,
                                          item->block->language);
        }
    }
  return lines;
}
