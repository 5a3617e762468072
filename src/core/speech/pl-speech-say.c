/* pl-speech-say.c: what the voice is given for a written sentence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers that are read one figure at a time (phone numbers, NHS numbers,
 * references, postcodes) are given to espeak-ng as SSML
 * <say-as interpret-as="characters">, a group at a time with a pause
 * between groups, which every espeak-ng voice reads in its own language.
 * Telling them from amounts is a matter of shape, so the rules are
 * careful: a year, "12 500 000" (thousands parted by spaces, as Polish
 * writes them) or "10am" stay numbers.
 *
 * In SSML mode espeak-ng counts its word positions in characters of the
 * SSML itself, markup included, so the map covers every character given.
 *
 * Words in the pronunciation list (pl-lexicon.h) come first: what they
 * are said as replaces them, every character of it mapped to the written
 * words' first, so the highlight marks the words as written.
 */

#include "config.h"

#include "pl-speech-say.h"

#include "pl-i18n.h"
#include <string.h>

typedef enum
{
  SPAN_CHARACTERS,
  SPAN_MONEY,
  SPAN_LEXICON,
} SpanKind;

typedef struct
{
  SpanKind    kind;
  glong       start;
  glong       end;
  const char *said;   /* SPAN_LEXICON: owned by the lexicon */
} Span;

typedef struct
{
  GString *text;
  GArray  *map;
  gboolean ssml;
} Builder;

static gboolean
is_alnum (gunichar c)
{
  return c < 128 && g_ascii_isalnum ((char) c);
}

static gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

/* Urdu's and Arabic's own digits as the digits every voice reads; one
 * character for one, so positions stay the same */
static gunichar
plain_digit (gunichar c)
{
  if (c >= 0x0660 && c <= 0x0669)
    return '0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9)
    return '0' + (c - 0x06F0);
  return c;
}

/* A piece of a reference: figures, or capitals and figures ("AB123456C",
 * "LS1"), or up to three capitals ("AB" of "AB 12 34 56 C"); never a word
 * in lower case ("10am", "5mg") */
static gboolean
is_code_token (const gunichar *u,
               glong           start,
               glong           end)
{
  gboolean digits = FALSE;

  for (glong i = start; i < end; i++)
    {
      if (is_digit (u[i]))
        digits = TRUE;
      else if (!(u[i] >= 'A' && u[i] <= 'Z'))
        return FALSE;
    }
  return digits || end - start <= 3;
}

static gboolean
token_matches (const gunichar *u,
               glong           start,
               glong           end,
               const char     *shape)
{
  /* shape: 'A' a capital, '9' a figure, 'a' an optional capital or figure
   * at the end */
  glong i = start;

  for (const char *s = shape; *s != '\0'; s++)
    {
      if (*s == 'a' && i == end)
        return TRUE;
      if (i == end)
        return FALSE;
      if ((*s == 'A' && !(u[i] >= 'A' && u[i] <= 'Z')) ||
          (*s == '9' && !is_digit (u[i])) ||
          (*s == 'a' && !is_alnum (u[i])))
        return FALSE;
      i++;
    }
  return i == end;
}

static gboolean
is_postcode (const gunichar *u,
             const glong    *tokens,
             guint           n_tokens)
{
  static const char *const outward[] = { "A9a", "AA9a" };

  if (n_tokens != 2 || !token_matches (u, tokens[2], tokens[3], "9AA"))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (outward); i++)
    if (token_matches (u, tokens[0], tokens[1], outward[i]))
      return TRUE;
  return FALSE;
}

/* Whether a run of code tokens, parted by single spaces or hyphens, is
 * read one figure at a time */
static gboolean
run_is_spelled (const gunichar *u,
                glong           n,
                const glong    *tokens,
                guint           n_tokens,
                gboolean        hyphens)
{
  glong digits = 0, letters = 0;
  gboolean mixed_token = FALSE;
  gboolean leading_zero = u[tokens[0]] == '0';
  gboolean plus = tokens[0] > 0 && u[tokens[0] - 1] == '+';
  gboolean thousands = TRUE;
  glong end = tokens[2 * n_tokens - 1];

  /* An amount ("£1 250", "25 %") or a decimal ("12 500.5") is a number */
  if ((tokens[0] > 0 && g_unichar_type (u[tokens[0] - 1]) == G_UNICODE_CURRENCY_SYMBOL) ||
      (end < n && (u[end] == '%' || u[end] == ',' || u[end] == '.') &&
       end + 1 < n && is_digit (u[end + 1])))
    return FALSE;

  for (guint t = 0; t < n_tokens; t++)
    {
      glong d = 0, l = 0;

      for (glong i = tokens[2 * t]; i < tokens[2 * t + 1]; i++)
        if (is_digit (u[i]))
          d++;
        else
          l++;
      if (d > 0 && l > 0)
        mixed_token = TRUE;
      digits += d;
      letters += l;
      if (l > 0 || (t == 0 ? d > 3 : d != 3))
        thousands = FALSE;
    }

  if (letters > 0)
    return (mixed_token && digits + letters >= 5) ||
           is_postcode (u, tokens, n_tokens) ||
           (digits > 0 && digits + letters >= 8);

  /* A date written with hyphens, "2026-12-02" or "02-12-2026" */
  if (hyphens && n_tokens == 3 &&
      ((tokens[1] - tokens[0] == 4 && tokens[3] - tokens[2] == 2 && tokens[5] - tokens[4] == 2) ||
       (tokens[1] - tokens[0] == 2 && tokens[3] - tokens[2] == 2 && tokens[5] - tokens[4] == 4)))
    return FALSE;

  if (plus)
    return digits >= 6;
  if (leading_zero)
    return digits >= 7 || (n_tokens >= 2 && digits >= 6);
  if (n_tokens == 1 || thousands)
    return FALSE;
  return digits >= 9 || (hyphens && digits >= 6);
}

/* "£12.50", "£1,250", "£0.75": the amount's end, or 0 if it is not one */
static glong
money_end (const gunichar *u,
           glong           n,
           glong           i)
{
  glong j = i + 1;

  if (u[i] != 0x00A3 || j >= n || !is_digit (u[j]))
    return 0;
  while (j < n && (is_digit (u[j]) ||
                   (u[j] == ',' && j + 3 < n && is_digit (u[j + 1]) && is_digit (u[j + 2]) &&
                    is_digit (u[j + 3]))))
    j++;
  if (j < n && u[j] == '.' && j + 1 < n && is_digit (u[j + 1]))
    {
      /* Pounds and pence have two figures after the point; "£1.5" is read
       * as written */
      if (j + 2 >= n || !is_digit (u[j + 2]) || (j + 3 < n && is_digit (u[j + 3])))
        return 0;
      j += 3;
    }
  return j;
}

static void
find_spans (const gunichar *u,
            glong           n,
            GArray         *spans)
{
  glong i = 0;

  while (i < n)
    {
      glong end;

      if ((end = money_end (u, n, i)) > 0)
        {
          Span span = { SPAN_MONEY, i, end };

          g_array_append_val (spans, span);
          i = end;
          continue;
        }

      if (is_alnum (u[i]) && (i == 0 || !is_alnum (u[i - 1])))
        {
          g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (glong));
          gboolean hyphens = FALSE;
          glong j = i;

          /* Reading word by word: a run is code tokens with one space or
           * hyphen between them */
          for (;;)
            {
              glong k = j;

              while (k < n && is_alnum (u[k]))
                k++;
              if (!is_code_token (u, j, k))
                {
                  if (tokens->len == 0)
                    end = k;
                  break;
                }
              g_array_append_val (tokens, j);
              g_array_append_val (tokens, k);
              end = k;
              if (k + 1 < n && (u[k] == ' ' || u[k] == 0x00A0 || u[k] == '-') && is_alnum (u[k + 1]))
                {
                  hyphens = hyphens || u[k] == '-';
                  j = k + 1;
                  continue;
                }
              break;
            }

          if (tokens->len > 0 &&
              run_is_spelled (u, n, (const glong *) tokens->data, tokens->len / 2, hyphens))
            {
              /* One span a group, so each is said apart */
              for (guint t = 0; t < tokens->len; t += 2)
                {
                  Span span = { SPAN_CHARACTERS, g_array_index (tokens, glong, t),
                                g_array_index (tokens, glong, t + 1) };

                  g_array_append_val (spans, span);
                }
            }
          i = MAX (end, i + 1);
          continue;
        }
      i++;
    }
}

static void
emit (Builder    *b,
      const char *text,
      guint       source)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    g_array_append_val (b->map, source);
  g_string_append (b->text, text);
}

static void
emit_char (Builder  *b,
           gunichar  c,
           guint     source)
{
  char buf[8];

  /* Isolates keep a number's direction on screen; a voice has none */
  if (pl_unichar_is_direction_control (c))
    return;
  if (b->ssml && (c == '&' || c == '<' || c == '>'))
    {
      emit (b, c == '&' ? "&amp;" : c == '<' ? "&lt;" : "&gt;", source);
      return;
    }
  buf[g_unichar_to_utf8 (c, buf)] = '\0';
  emit (b, buf, source);
}

static gulong
parse_amount (const gunichar *u,
              glong           start,
              glong           end)
{
  gulong value = 0;

  for (glong i = start; i < end; i++)
    if (is_digit (u[i]))
      value = value > G_MAXULONG / 100 ? value : value * 10 + (u[i] - '0');
  return value;
}

static char *
to_utf8 (const gunichar *u,
         glong           start,
         glong           end)
{
  return g_ucs4_to_utf8 (u + start, end - start, NULL, NULL, NULL);
}

/* "£12.50" in words a voice says as people do: "12 pounds 50" */
static void
emit_money (Builder        *b,
            const gunichar *u,
            const Span     *span)
{
  glong point = span->end;
  g_autofree char *pounds = NULL;
  g_autofree char *said = NULL;
  gulong whole, pence = 0;
  guint source = (guint) span->start + 1;   /* the amount's first figure */

  for (glong i = span->start; i < span->end; i++)
    if (u[i] == '.')
      point = i;
  whole = parse_amount (u, span->start + 1, point);
  if (point < span->end)
    pence = parse_amount (u, point + 1, span->end);
  pounds = to_utf8 (u, span->start + 1, point);

  if (pence == 0)
    /* Translators: an amount of money as it is said aloud: "12 pounds" */
    said = g_strdup_printf (ngettext ("%s pound", "%s pounds", whole), pounds);
  else if (whole == 0)
    /* Translators: pence alone, said aloud: "75 pence" */
    said = g_strdup_printf (ngettext ("%lu penny", "%lu pence", pence), pence);
  else
    {
      g_autofree char *pence_text = g_strdup_printf ("%lu", pence);

      /* Translators: pounds and pence said aloud, "12 pounds 50" for £12.50;
       * %1$s is the pounds, %2$s the pence */
      said = g_strdup_printf (ngettext ("%1$s pound %2$s", "%1$s pounds %2$s",
                                           whole),
                              pounds, pence_text);
    }

  for (const char *p = said; *p != '\0'; p = g_utf8_next_char (p))
    emit_char (b, g_utf8_get_char (p), source);
}

static void
emit_characters (Builder        *b,
                 const gunichar *u,
                 const Span     *span,
                 gboolean        after_group)
{
  if (after_group)
    emit (b, ", ", (guint) span->start);
  emit (b, "<say-as interpret-as=\"characters\">", (guint) span->start);
  for (glong i = span->start; i < span->end; i++)
    emit_char (b, u[i], (guint) i);
  emit (b, "</say-as>", (guint) span->end);
}

/* The words of the pronunciation list, whole words from the start of
 * each; a list's words are not read as figures or money too */
static void
find_lexicon_spans (const PlLexicon *lexicon,
                    const gunichar  *u,
                    glong            n,
                    const char      *language,
                    GArray          *spans)
{
  GArray *others = g_array_copy (spans);

  g_array_set_size (spans, 0);
  for (glong i = 0; i < n;)
    {
      glong end = i;
      const char *said = NULL;

      if (g_unichar_isalnum (u[i]) && (i == 0 || !(g_unichar_isalnum (u[i - 1]) ||
                                                   g_unichar_ismark (u[i - 1]))))
        said = pl_lexicon_match (lexicon, u, n, i, language, &end);
      if (said != NULL)
        {
          Span span = { SPAN_LEXICON, i, end, said };

          g_array_append_val (spans, span);
          i = end;
          continue;
        }
      i++;
    }

  /* The others that do not overlap them, in order of where they start */
  for (guint o = 0, l = 0, n_lexicon = spans->len; o < others->len; o++)
    {
      const Span *other = &g_array_index (others, Span, o);
      gboolean overlaps = FALSE;

      while (l < n_lexicon && g_array_index (spans, Span, l).end <= other->start)
        l++;
      for (guint k = l; k < n_lexicon && g_array_index (spans, Span, k).start < other->end; k++)
        overlaps = TRUE;
      if (!overlaps)
        g_array_append_val (spans, *other);
    }
  g_array_unref (others);
}

static int
span_compare (gconstpointer a,
              gconstpointer b)
{
  const Span *sa = a, *sb = b;

  return sa->start < sb->start ? -1 : sa->start > sb->start;
}

static void
emit_said (Builder    *b,
           const Span *span)
{
  for (const char *p = span->said; *p != '\0'; p = g_utf8_next_char (p))
    emit_char (b, g_utf8_get_char (p), (guint) span->start);
}

PlSpeechSay *
pl_speech_say_new (const char *written,
                   const char *language)
{
  return pl_speech_say_new_full (written, language, NULL);
}

PlSpeechSay *
pl_speech_say_new_full (const char      *written,
                        const char      *language,
                        const PlLexicon *lexicon)
{
  PlSpeechSay *say = g_new0 (PlSpeechSay, 1);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autofree gunichar *u = NULL;
  glong n = 0;
  Builder b;
  guint s = 0;
  PlCatalog *catalog;

  g_return_val_if_fail (written != NULL, say);

  u = g_utf8_to_ucs4_fast (written, -1, &n);
  for (glong i = 0; i < n; i++)
    u[i] = plain_digit (u[i]);

  find_spans (u, n, spans);
  if (lexicon != NULL && pl_lexicon_get_size (lexicon) > 0)
    {
      find_lexicon_spans (lexicon, u, n, language, spans);
      g_array_sort (spans, span_compare);
    }

  b.text = g_string_sized_new (strlen (written) + 16);
  b.map = g_array_sized_new (FALSE, FALSE, sizeof (guint), (guint) n + 1);
  b.ssml = FALSE;
  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);

      if (span->kind == SPAN_CHARACTERS)
        b.ssml = TRUE;
      else if (span->kind == SPAN_LEXICON && pl_lexicon_said_is_phonemes (span->said))
        say->phonemes = TRUE;
    }

  /* The words of money are the voice's language's, whatever the screen's */
  catalog = pl_catalog_for_language (language);
  pl_catalog_push_thread_default (catalog);

  for (glong i = 0; i < n;)
    {
      const Span *span = s < spans->len ? &g_array_index (spans, Span, s) : NULL;

      if (span != NULL && span->start == i)
        {
          if (span->kind == SPAN_MONEY)
            emit_money (&b, u, span);
          else if (span->kind == SPAN_LEXICON)
            emit_said (&b, span);
          else
            {
              const Span *before = s > 0 ? &g_array_index (spans, Span, s - 1) : NULL;
              gboolean after_group = before != NULL && before->kind == SPAN_CHARACTERS &&
                                     before->end + 1 == span->start;

              emit_characters (&b, u, span, after_group);
            }
          i = span->end;
          s++;
          continue;
        }

      /* The space or hyphen between two groups is the pause's comma */
      if (span != NULL && span->kind == SPAN_CHARACTERS && span->start == i + 1 && s > 0 &&
          g_array_index (spans, Span, s - 1).kind == SPAN_CHARACTERS &&
          g_array_index (spans, Span, s - 1).end == i)
        {
          i++;
          continue;
        }

      emit_char (&b, u[i], (guint) i);
      i++;
    }

  pl_catalog_pop_thread_default (catalog);
  {
    guint last = (guint) n;

    g_array_append_val (b.map, last);
  }

  say->text = g_string_free (b.text, FALSE);
  say->ssml = b.ssml;
  say->map = b.map;
  return say;
}

void
pl_speech_say_free (PlSpeechSay *say)
{
  if (say == NULL)
    return;
  g_free (say->text);
  g_clear_pointer (&say->map, g_array_unref);
  g_free (say);
}

const char *
pl_speech_say_language (const char *written,
                        const char *language)
{
  guint arabic = 0, gurmukhi = 0;

  if (language == NULL || written == NULL ||
      !(g_str_has_prefix (language, "pa") && (language[2] == '\0' || language[2] == '-' ||
                                              language[2] == '_')))
    return language;

  for (const char *p = written; *p != '\0'; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      if (script == G_UNICODE_SCRIPT_ARABIC)
        arabic++;
      else if (script == G_UNICODE_SCRIPT_GURMUKHI)
        gurmukhi++;
    }
  return arabic > gurmukhi ? "ur" : language;
}
