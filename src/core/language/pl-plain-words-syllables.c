/* pl-plain-words-syllables.c: syllables in an English word, for the
 * reading ease of pl-plain-words.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Groups of vowels, less the silent ones ("home", "walked", "makes"), more
 * where two vowels are said apart ("ra-di-o", "u-su-al"), with the few
 * common words that follow no rule. tests/plain-words-syllables.txt is the
 * list it is checked against.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>

#include "pl-plain-words.h"

/* Whole words English spelling does not follow the rules below for; the
 * count is as said in British English */
static const struct
{
  const char *word;
  guint       syllables;
} irregular[] = {
  { "people", 2 }, { "business", 2 }, { "businesses", 3 }, { "every", 2 },
  { "evening", 2 }, { "evenings", 2 }, { "wednesday", 2 }, { "tuesday", 2 },
  { "diabetes", 4 }, { "science", 2 }, { "scientist", 3 }, { "scientific", 4 },
  { "create", 2 }, { "created", 3 }, { "creating", 3 }, { "creation", 3 },
  { "creative", 3 }, { "reality", 4 }, { "react", 2 }, { "reaction", 3 },
  { "element", 3 }, { "elements", 3 }, { "coordinator", 5 }, { "coordinators", 5 },
  { "coordinate", 4 }, { "cooperate", 4 }, { "cooperation", 5 }, { "maybe", 2 },
  { "recipe", 3 }, { "cafe", 2 }, { "realise", 3 }, { "realised", 3 },
  { "realize", 3 }, { "realized", 3 }, { "lion", 2 }, { "ratio", 3 },
  { "wherever", 3 },
};

/* The first part of a word made of two, whose silent "e" would otherwise
 * count: "someone", "homecare", "safeguarding" */
static const char * const compound_starts[] = {
  "some", "every", "any", "home", "care", "life", "where", "there", "here",
  "time", "safe", "house", NULL
};

/* Endings said as syllables of their own after a word whose silent "e"
 * stays silent: "lovely", "statement", "careful" */
static const struct
{
  const char *ending;
  guint       syllables;
} endings[] = {
  { "fully", 2 }, { "ments", 1 }, { "ment", 1 }, { "ful", 1 }, { "less", 1 },
  { "ness", 1 }, { "ly", 1 },
};

static gboolean
is_vowel_letter (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static gboolean
has_vowel (const char *w)
{
  return strpbrk (w, "aeiouy") != NULL;
}

/* "y" is a vowel after a consonant ("happy", "any"), a consonant first or
 * after a vowel ("yes", "day", "saying") */
static gboolean
y_is_vowel (const char *w,
            gsize       i)
{
  return i > 0 && !is_vowel_letter (w[i - 1]);
}

static gboolean
ends_with (const char *w,
           gsize       n,
           const char *end)
{
  gsize m = strlen (end);

  return n >= m && memcmp (w + n - m, end, m) == 0;
}

/* Two vowels written together but said apart: "me-di-a", "ra-di-o" */
static guint
split_vowels (const char *w,
              gsize       n,
              gsize       start,
              gsize       end)
{
  char before = start > 0 ? w[start - 1] : '\0';
  char after = end < n ? w[end] : '\0';
  guint extra = 0;

  for (gsize i = start; i + 1 < end; i++)
    {
      char a = w[i], b = w[i + 1];

      if (a == 'i' && b == 'a' && i == start && !strchr ("ctsg", before))
        extra++;                                  /* media, trial, via */
      else if (a == 'i' && b == 'o' && i == start && !strchr ("ctsxgln", before) &&
               !(i + 2 < end && w[i + 2] == 'u' && after == 'r'))
        extra++;                                  /* radio, period; not behaviour */
      else if (a == 'i' && b == 'u')
        extra++;                                  /* medium */
      else if (a == 'u' && b == 'a' && before != 'q' && before != 'g')
        extra++;                                  /* usual, actual */
      else if (a == 'u' && b == 'o' && before != 'q')
        extra++;                                  /* continuous */
      else if (a == 'u' && b == 'e' && before != 'q' && before != 'g' && end < n &&
               !(end + 1 == n && (after == 's' || after == 'd')))
        extra++;                                  /* fluent, cruel */
      else if (a == 'i' && b == 'e' && i + 2 == end &&
               (after == 't' || ends_with (w, n, "ier") || ends_with (w, n, "iest") ||
                ends_with (w, n, "iers") ||
                ((g_str_has_prefix (w + end, "nt") || g_str_has_prefix (w + end, "nce")) &&
                 !strchr ("tcs", before))))
        extra++;                                  /* diet, easier, client */
      else if (a == 'e' && b == 'a' && i + 2 == end &&
               (end == n || (end + 1 == n && after == 's')))
        {
          /* idea, area; not tea */
          for (gsize j = 0; j < start; j++)
            if (is_vowel_letter (w[j]))
              {
                extra++;
                break;
              }
        }
      else if (a == 'e' && b == 'o' && (before != 'g' || start == 1))
        extra++;                                  /* video, geography; not surgeon */
      else if (a == 'o' && b == 'e' && (after == 'm' || after == 't'))
        extra++;                                  /* poem, poetry */
      else if (a == 'e' && b == 'u' && after == 'm')
        extra++;                                  /* museum */
    }

  /* going, being, continuing */
  if (end - start >= 2 && w[end - 1] == 'i' && g_str_has_prefix (w + end, "ng"))
    extra++;

  return extra;
}

static guint
count_core (const char *w)
{
  gsize n = strlen (w);
  guint count = 0;
  gsize i = 0;

  while (i < n)
    {
      gsize start;

      if (!is_vowel_letter (w[i]) && !(w[i] == 'y' && y_is_vowel (w, i)))
        {
          i++;
          continue;
        }

      start = i;
      /* A "y" that is a vowel is a syllable of its own: "an-y-one" */
      if (w[i] == 'y')
        i++;
      else
        while (i < n && is_vowel_letter (w[i]))
          i++;
      count += 1 + split_vowels (w, n, start, i);
    }

  if (n > 2 && w[n - 1] == 'e' && !is_vowel_letter (w[n - 2]))
    {
      /* table, centre: said; home, while, unique: silent */
      gboolean said = (w[n - 2] == 'l' || w[n - 2] == 'r') && n > 3 &&
                      !is_vowel_letter (w[n - 3]) && w[n - 3] != 'l' && w[n - 3] != 'y';

      if (!said && count > 1)
        count--;
    }
  else if (n > 3 && ends_with (w, n, "que") && count > 1)
    count--;
  else if (n > 3 && ends_with (w, n, "es") && !is_vowel_letter (w[n - 3]) && count > 1)
    {
      /* makes, times: silent; boxes, wishes, changes, tables: said */
      char c = w[n - 3];
      gboolean said = strchr ("sxzcg", c) != NULL || ends_with (w, n, "shes") ||
                      ((c == 'l' || c == 'r') && n > 4 && !is_vowel_letter (w[n - 4]) &&
                       w[n - 4] != 'l');

      if (!said)
        count--;
    }
  else if (n > 3 && ends_with (w, n, "ed") && !is_vowel_letter (w[n - 3]) && count > 1)
    {
      /* walked, used: silent; wanted, needed, handled: said */
      char c = w[n - 3];
      gboolean said = c == 't' || c == 'd' ||
                      (c == 'l' && n > 4 && !is_vowel_letter (w[n - 4]) && w[n - 4] != 'l');

      if (!said)
        count--;
    }

  if (ends_with (w, n, "ism"))
    count++;

  return MAX (count, 1);
}

static guint
count_letters (const char *w)
{
  gsize n = strlen (w);

  for (guint i = 0; i < G_N_ELEMENTS (irregular); i++)
    {
      gsize m = strlen (irregular[i].word);

      /* and their plurals: "Wednesdays" */
      if (g_str_equal (irregular[i].word, w) ||
          (n == m + 1 && w[m] == 's' && strncmp (irregular[i].word, w, m) == 0 &&
           irregular[i].word[m - 1] != 's'))
        return irregular[i].syllables;
    }

  for (guint i = 0; compound_starts[i] != NULL; i++)
    {
      gsize m = strlen (compound_starts[i]);

      if (n >= m + 2 && g_str_has_prefix (w, compound_starts[i]) && has_vowel (w + m))
        return count_letters (compound_starts[i]) + count_letters (w + m);
    }

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      gsize m = strlen (endings[i].ending);

      if (n >= m + 2 && ends_with (w, n, endings[i].ending))
        {
          g_autofree char *stem = g_strndup (w, n - m);

          if (has_vowel (stem))
            return count_letters (stem) + endings[i].syllables;
        }
    }

  return count_core (w);
}

static gboolean
spelled_out (const char *word)
{
  gsize n = 0;

  /* "NHS", "GP", "UK": said a letter at a time; "NICE" is a word */
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isupper (c))
        return FALSE;
      if (n > 0 && strchr ("AEIOU", (int) c) != NULL)
        return FALSE;
    }
  return n >= 2 && n <= 5;
}

guint
pl_plain_words_count_syllables (const char *word)
{
  g_autoptr(GString) letters = g_string_new (NULL);
  g_auto(GStrv) parts = NULL;
  guint digits = 0;
  guint total = 0;

  g_return_val_if_fail (word != NULL, 0);

  if (spelled_out (word))
    return (guint) g_utf8_strlen (word, -1);

  /* Each part of "well-being" is a word of its own */
  if (strchr (word, '-') != NULL)
    {
      parts = g_strsplit (word, "-", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0')
          total += pl_plain_words_count_syllables (parts[i]);
      return total;
    }

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar base[4];
      gsize n_base;

      if (g_unichar_isdigit (c))
        digits++;
      if (c == 0x2019)
        c = '\'';
      if (c == '\'')
        {
          g_string_append_c (letters, '\'');
          continue;
        }
      if (!g_unichar_isalpha (c))
        continue;
      /* "café" is said as "cafe" is spelled */
      n_base = g_unichar_fully_decompose (g_unichar_tolower (c), FALSE, base, G_N_ELEMENTS (base));
      if (n_base > 0 && base[0] < 0x80)
        g_string_append_c (letters, (char) base[0]);
      else
        g_string_append_c (letters, 'a');
    }

  if (letters->len == 0)
    return digits;   /* a syllable a figure, roughly as numbers are said */

  /* Contractions: "couldn't" is two syllables, "don't" one, "it's" one,
   * "nurse's" two */
  if (ends_with (letters->str, letters->len, "n't"))
    {
      g_autofree char *stem = g_strndup (letters->str, letters->len - 3);
      gsize m = strlen (stem);

      if (m > 0 && !is_vowel_letter (stem[m - 1]) && has_vowel (stem))
        return count_letters (stem) + 1;
      /* "don", "won", "can" */
      g_string_truncate (letters, letters->len - 2);
      return count_letters (letters->str);
    }
  if (ends_with (letters->str, letters->len, "'s"))
    {
      gsize m = letters->len - 2;

      g_string_truncate (letters, m);
      total = 0;
      if (m > 1 && (strchr ("sxz", letters->str[m - 1]) != NULL ||
                    ends_with (letters->str, m, "ch") || ends_with (letters->str, m, "sh") ||
                    ends_with (letters->str, m, "se") || ends_with (letters->str, m, "ce") ||
                    ends_with (letters->str, m, "ge")))
        total = 1;
    }
  {
    char *apostrophe = strchr (letters->str, '\'');

    /* "I'll", "we're", "they've": the part after is not a syllable */
    if (apostrophe != NULL)
      g_string_truncate (letters, (gsize) (apostrophe - letters->str));
  }
  if (letters->len == 0)
    return 1;

  return total + count_letters (letters->str);
}
