/* pl-speech-text.c: sentences and words, as speech and highlighting need them,
 * and what is said for a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Offsets are characters (code points), as espeak-ng reports them and as a
 * text view counts them, never bytes.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>

#include "pl-speech-private.h"

static gboolean
is_word_char (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  /* Letters with their combining accents, as in decomposed "é" */
  return g_unichar_isalnum (c) || type == G_UNICODE_NON_SPACING_MARK ||
         type == G_UNICODE_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK;
}

static gboolean
is_apostrophe_or_hyphen (gunichar c)
{
  return c == '\'' || c == 0x2019 /* ’ */ || c == '-' || c == 0x2010 /* ‐ */;
}

/* Inside numbers: "£25.50", "10:30am", "1,000" */
static gboolean
is_number_joiner (gunichar c)
{
  return c == '.' || c == ',' || c == ':';
}

static gboolean
is_terminator (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026 /* … */;
}

static gboolean
is_closer (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == ']' ||
         c == 0x2019 /* ’ */ || c == 0x201D /* ” */ || c == 0xBB /* » */;
}

/* A full stop after these does not end a sentence: "Dr. Patel", "e.g. tea" */
static const char * const abbreviations[] = {
  "dr", "mr", "mrs", "ms", "mx", "st", "prof", "rev", "sr", "jr", "fr",
  "e.g", "i.e", "eg", "ie", "cf", "vs", "approx", "tel", "no", "nos", "fig",
  "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  NULL
};

static gboolean
abbreviation_before (const gunichar *u,
                     glong           dot)
{
  glong start = dot;
  g_autoptr(GString) token = g_string_new (NULL);

  while (start > 0 && (g_unichar_isalpha (u[start - 1]) || u[start - 1] == '.'))
    start--;
  if (start == dot)
    return FALSE;

  /* An initial, as in "J. Smith" */
  if (dot - start == 1 && g_unichar_isupper (u[start]))
    return TRUE;

  for (glong i = start; i < dot; i++)
    g_string_append_unichar (token, g_unichar_tolower (u[i]));
  return g_strv_contains (abbreviations, token->str);
}

static void
add_trimmed (GArray         *ranges,
             const gunichar *u,
             glong           start,
             glong           end)
{
  PlSpeechRange range;

  while (start < end && g_unichar_isspace (u[start]))
    start++;
  while (end > start && g_unichar_isspace (u[end - 1]))
    end--;
  if (start == end)
    return;

  /* A "sentence" of thousands of words (a text with no full stop) is said
   * in parts: espeak-ng makes all of an utterance's sound before the first
   * of it is heard. Each part ends after a comma or the like, else a space. */
  while (end - start > PL_SPEECH_MAX_SENTENCE_CHARS)
    {
      glong cut = -1;

      glong low = start + PL_SPEECH_MAX_SENTENCE_CHARS / 2;

      for (glong i = start + PL_SPEECH_MAX_SENTENCE_CHARS; i > low && cut < 0; i--)
        if (g_unichar_isspace (u[i]) && (u[i - 1] == ',' || u[i - 1] == ';' || u[i - 1] == ':'))
          cut = i;
      for (glong i = start + PL_SPEECH_MAX_SENTENCE_CHARS; i > low && cut < 0; i--)
        if (g_unichar_isspace (u[i]))
          cut = i;
      if (cut < 0)
        cut = start + PL_SPEECH_MAX_SENTENCE_CHARS;

      range.start = (guint) start;
      range.end = (guint) cut;
      g_array_append_val (ranges, range);
      start = cut;
      while (start < end && g_unichar_isspace (u[start]))
        start++;
    }

  range.start = (guint) start;
  range.end = (guint) end;
  g_array_append_val (ranges, range);
}

GArray *
pl_speech_split_sentences (const char *text)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (PlSpeechRange));
  g_autofree gunichar *u = NULL;
  glong n = 0;
  glong start = 0;

  g_return_val_if_fail (text != NULL, ranges);

  u = g_utf8_to_ucs4_fast (text, -1, &n);

  for (glong i = 0; i < n; i++)
    {
      glong j, k;
      gboolean boundary;

      /* Lines are read apart: addresses, phone numbers, lists in a paragraph */
      if (u[i] == '\n')
        {
          add_trimmed (ranges, u, start, i);
          start = i + 1;
          continue;
        }

      if (!is_terminator (u[i]))
        continue;

      j = i;
      while (j < n && (is_terminator (u[j]) || is_closer (u[j])))
        j++;

      /* "£25.50", "e.g.," or "8.30": not followed by a space, not an end */
      if (j < n && !g_unichar_isspace (u[j]))
        {
          i = j - 1;
          continue;
        }

      k = j;
      while (k < n && g_unichar_isspace (u[k]) && u[k] != '\n')
        k++;

      boundary = TRUE;
      if (k < n && u[k] != '\n')
        {
          /* "… and then": a pause, not an end */
          if (g_unichar_islower (u[k]))
            boundary = FALSE;
          else if (u[i] == '.' && j - i == 1 && abbreviation_before (u, i))
            boundary = FALSE;
        }

      if (boundary)
        {
          add_trimmed (ranges, u, start, j);
          start = j;
        }
      i = j - 1;
    }

  add_trimmed (ranges, u, start, n);
  return ranges;
}

/* The words of u[start, end), u being n characters long */
static GArray *
split_words (const gunichar *u,
             glong           n,
             guint           start,
             guint           end)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (PlSpeechRange));
  glong i;

  end = MIN ((glong) end, n);
  i = start;

  while (i < (glong) end)
    {
      PlSpeechRange word;
      glong j;

      /* A currency sign belongs to the number after it */
      if (g_unichar_type (u[i]) == G_UNICODE_CURRENCY_SYMBOL &&
          i + 1 < (glong) end && g_unichar_isdigit (u[i + 1]))
        j = i + 1;
      else if (g_unichar_isalnum (u[i]))
        j = i;
      else
        {
          i++;
          continue;
        }

      while (j < (glong) end)
        {
          if (is_word_char (u[j]))
            j++;
          else if (j + 1 < (glong) end && j > i && g_unichar_isalnum (u[j + 1]) &&
                   g_unichar_isalnum (u[j - 1]) &&
                   (is_apostrophe_or_hyphen (u[j]) ||
                    (is_number_joiner (u[j]) && g_unichar_isdigit (u[j - 1]) &&
                     g_unichar_isdigit (u[j + 1])) ||
                    (u[j] == '.' && g_unichar_isalpha (u[j - 1]) && g_unichar_isalpha (u[j + 1]))))
            j++;
          else
            break;
        }
      /* "50%" */
      if (j < (glong) end && u[j] == '%' && g_unichar_isdigit (u[j - 1]))
        j++;

      word.start = (guint) i;
      word.end = (guint) j;
      g_array_append_val (words, word);
      i = j;
    }

  return words;
}

GArray *
pl_speech_split_words (const char *text,
                       guint       start,
                       guint       end)
{
  g_autofree gunichar *u = NULL;
  glong n = 0;

  g_return_val_if_fail (text != NULL, g_array_new (FALSE, FALSE, sizeof (PlSpeechRange)));

  u = g_utf8_to_ucs4_fast (text, -1, &n);
  return split_words (u, n, start, end);
}

/* What is said for a document: one utterance a sentence */

static void
utterance_free (gpointer data)
{
  PlSpeechUtterance *utterance = data;

  g_free (utterance->anchor);
  g_free (utterance->text);
  g_free (utterance->language);
  g_clear_pointer (&utterance->words, g_array_unref);
  g_free (utterance);
}

/* The label is said before the text, as pl_document_to_text shows it
 * ("Time: 8:00 in the morning"); other marks (bullets, arrows) are not said */
static char *
block_prefix (const PlBlock *block)
{
  gsize len;

  if (block->label == NULL || *block->label == '\0')
    return g_strdup ("");
  len = strlen (block->label);
  if (g_ascii_ispunct (block->label[len - 1]))
    return g_strdup_printf ("%s ", block->label);
  return g_strdup_printf ("%s: ", block->label);
}

static void
add_utterance (GPtrArray           *utterances,
               const PlBlock       *block,
               guint                index,
               const char          *prefix,
               const gunichar      *chars,
               glong                n_chars,
               const PlSpeechRange *sentence,
               guint                lead_ms)
{
  PlSpeechUtterance *utterance = g_new0 (PlSpeechUtterance, 1);
  g_autofree char *body = NULL;

  utterance->block = index;
  utterance->anchor = g_strdup (block->anchor);
  utterance->sentence = *sentence;
  utterance->prefix_chars = (guint) g_utf8_strlen (prefix, -1);
  body = g_ucs4_to_utf8 (chars + sentence->start, sentence->end - sentence->start,
                         NULL, NULL, NULL);
  utterance->text = g_strconcat (prefix, body != NULL ? body : "", NULL);
  /* From the block's characters, read once: a part of megabytes has
   * tens of thousands of sentences */
  utterance->words = split_words (chars, n_chars, sentence->start, sentence->end);
  utterance->lead_ms = lead_ms;
  utterance->n_chars = utterance->prefix_chars + (sentence->end - sentence->start);
  utterance->language = g_strdup (block->language);
  g_ptr_array_add (utterances, utterance);
}

GPtrArray *
pl_speech_build_utterances (PlDocument *document,
                            guint       start_block,
                            guint       start_char,
                            guint       end_block,
                            guint       pause_ms)
{
  GPtrArray *utterances = g_ptr_array_new_with_free_func (utterance_free);
  guint n_blocks = pl_document_get_n_blocks (document);

  end_block = MIN (end_block, n_blocks);

  for (guint b = start_block; b < end_block; b++)
    {
      const PlBlock *block = pl_document_get_block (document, b);
      g_autoptr(GArray) sentences = pl_speech_split_sentences (block->text);
      glong n_chars = 0;
      g_autofree gunichar *chars = g_utf8_to_ucs4_fast (block->text, -1, &n_chars);
      g_autofree char *prefix = NULL;
      /* NG86 1.1.5: time to take in one part before the next begins */
      guint lead_ms = (block->kind == PL_BLOCK_HEADING && utterances->len > 0) ? pause_ms : 0;
      gboolean first = TRUE;

      /* "Read from here" starts at the word under the cursor, without the label */
      if (b == start_block && start_char > 0)
        {
          g_autoptr(GArray) words = split_words (chars, n_chars, 0, G_MAXUINT);

          prefix = g_strdup ("");
          for (guint w = 0; w < words->len; w++)
            {
              const PlSpeechRange *word = &g_array_index (words, PlSpeechRange, w);

              if (word->end > start_char)
                {
                  start_char = MIN (start_char, word->start);
                  break;
                }
            }
        }
      else
        {
          prefix = block_prefix (block);
          start_char = 0;
        }

      if (sentences->len == 0 && *prefix != '\0')
        {
          PlSpeechRange none = { 0, 0 };

          add_utterance (utterances, block, b, prefix, chars, n_chars, &none, lead_ms);
          continue;
        }

      for (guint s = 0; s < sentences->len; s++)
        {
          PlSpeechRange sentence = g_array_index (sentences, PlSpeechRange, s);

          if (sentence.end <= start_char)
            continue;
          sentence.start = MAX (sentence.start, start_char);
          add_utterance (utterances, block, b, first ? prefix : "", chars, n_chars, &sentence,
                         first ? lead_ms : 0);
          first = FALSE;
        }
    }

  return utterances;
}

char *
pl_speech_spoken_text (PlDocument *document,
                       guint       start_block,
                       guint       end_block)
{
  g_autoptr(GPtrArray) utterances = NULL;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);

  utterances = pl_speech_build_utterances (document, start_block, 0, end_block, 0);
  for (guint i = 0; i < utterances->len; i++)
    {
      const PlSpeechUtterance *utterance = g_ptr_array_index (utterances, i);

      g_string_append (text, utterance->text);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}
