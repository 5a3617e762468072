/* pl-speech-text.c: sentences and words, as speech and highlighting need them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Offsets are characters (code points), as espeak-ng reports them and as a
 * text view counts them, never bytes.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>

#include "pl-speech.h"

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

GArray *
pl_speech_split_words (const char *text,
                       guint       start,
                       guint       end)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (PlSpeechRange));
  g_autofree gunichar *u = NULL;
  glong n = 0;
  glong i;

  g_return_val_if_fail (text != NULL, words);

  u = g_utf8_to_ucs4_fast (text, -1, &n);
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
