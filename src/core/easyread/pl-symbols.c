/* pl-symbols.c: the index of easy read symbols, and finding one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "pl-symbols.h"
#include "pl-symbols-resources.h"

#define RESOURCE_BASE "/org/plainly/Plainly/symbols/"

G_DEFINE_QUARK (pl-symbols-error-quark, pl_symbols_error)

struct _PlSymbolIndex
{
  GHashTable *phrases;  /* phrase (normalised) -> symbol, both in strings */
  GHashTable *stems;    /* stem of a one-word phrase -> symbol */
  GHashTable *symbols;  /* symbol -> GPtrArray of its phrases, in order */
  GPtrArray  *order;    /* symbols as the index lists them */
  GStringChunk *strings;
};

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Each word's lower-case form, and where it is in text */
typedef struct
{
  char  *word;
  gsize  start;
  gsize  end;
} Word;

static GArray *
split_words (const char *text)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      const char *start;
      g_autoptr(GString) word = NULL;
      Word w;

      while (*p != '\0' && !is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      start = p;
      word = g_string_new (NULL);
      while (*p != '\0')
        {
          gunichar c = g_utf8_get_char (p);
          const char *next = g_utf8_next_char (p);

          /* "don't", "Anne's": an apostrophe between letters is in the word */
          if ((c == '\'' || c == 0x2019) && word->len > 0 && *next != '\0' &&
              is_word_char (g_utf8_get_char (next)))
            c = '\'';
          else if (!is_word_char (c))
            break;
          g_string_append_unichar (word, g_unichar_tolower (c));
          p = next;
        }

      w.word = g_string_free (g_steal_pointer (&word), FALSE);
      w.start = start - text;
      w.end = p - text;
      g_array_append_val (words, w);
    }

  return words;
}

static void
free_words (GArray *words)
{
  for (guint i = 0; words != NULL && i < words->len; i++)
    g_free (g_array_index (words, Word, i).word);
  if (words != NULL)
    g_array_unref (words);
}

typedef GArray GArray_Words;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GArray_Words, free_words)

GPtrArray *
pl_symbol_words (const char *text)
{
  g_autoptr(GArray_Words) words = split_words (text);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < words->len; i++)
    g_ptr_array_add (result, g_strdup (g_array_index (words, Word, i).word));
  return result;
}

/* The words first .. first + n - 1, joined by single spaces */
static char *
join_words (GArray *words,
            guint   first,
            guint   n)
{
  GString *key = g_string_new (NULL);

  for (guint i = first; i < first + n; i++)
    {
      if (key->len > 0)
        g_string_append_c (key, ' ');
      g_string_append (key, g_array_index (words, Word, i).word);
    }
  return g_string_free (key, FALSE);
}

static char *
normalise (const char *phrase)
{
  g_autoptr(GArray_Words) words = split_words (phrase);

  return join_words (words, 0, words->len);
}

static gboolean
is_vowel (char c)
{
  return strchr ("aeiouy", c) != NULL;
}

char *
pl_symbol_stem (const char *word)
{
  g_autofree char *stem = NULL;
  gsize n;

  g_return_val_if_fail (word != NULL, NULL);

  stem = g_utf8_strdown (word, -1);
  n = strlen (stem);
  if (g_str_has_suffix (stem, "'s"))
    stem[n -= 2] = '\0';

  if (n > 4 && g_str_has_suffix (stem, "ies"))
    {
      stem[n - 3] = 'y';
      stem[n -= 2] = '\0';
    }
  else if (n > 5 && g_str_has_suffix (stem, "ing"))
    stem[n -= 3] = '\0';
  else if (n > 4 && g_str_has_suffix (stem, "ed"))
    stem[n -= 2] = '\0';
  else if (n > 4 && g_str_has_suffix (stem, "es") &&
           (strchr ("sxz", stem[n - 3]) != NULL ||
            (stem[n - 3] == 'h' && strchr ("cs", stem[n - 4]) != NULL)))
    stem[n -= 2] = '\0';
  else if (n > 4 && stem[n - 1] == 's' && stem[n - 2] != 's' && stem[n - 2] != 'u' &&
           stem[n - 2] != 'i')
    stem[n -= 1] = '\0';
  else
    return NULL;

  /* "shopping": "shopp" to "shop"; "calling" keeps "call" */
  if (n >= 2 && stem[n - 1] == stem[n - 2] && !is_vowel (stem[n - 1]) &&
      strchr ("lsfz", stem[n - 1]) == NULL)
    stem[--n] = '\0';

  if (g_utf8_strlen (stem, -1) < 4)
    return NULL;
  return g_steal_pointer (&stem);
}

static void
add_stem (PlSymbolIndex *self,
          const char    *key,
          const char    *symbol)
{
  if (g_utf8_strlen (key, -1) >= 4 && !g_hash_table_contains (self->stems, key))
    g_hash_table_insert (self->stems, g_string_chunk_insert_const (self->strings, key),
                         (gpointer) symbol);
}

PlSymbolIndex *
pl_symbol_index_new (const char  *text,
                     GError     **error)
{
  g_autoptr(PlSymbolIndex) self = g_new0 (PlSymbolIndex, 1);
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  self->strings = g_string_chunk_new (4096);
  self->phrases = g_hash_table_new (g_str_hash, g_str_equal);
  self->stems = g_hash_table_new (g_str_hash, g_str_equal);
  self->symbols = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) g_ptr_array_unref);
  self->order = g_ptr_array_new ();

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);
      const char *tab = strchr (line, '\t');
      g_auto(GStrv) phrases = NULL;
      g_autofree char *name = NULL;
      const char *symbol;
      GPtrArray *own;

      if (*line == '\0' || *line == '#')
        continue;
      if (tab == NULL || tab == line)
        {
          g_set_error (error, PL_SYMBOLS_ERROR, PL_SYMBOLS_ERROR_INDEX,
                       "Line %u of the symbol index has no symbol and words", i + 1);
          return NULL;
        }

      name = g_strndup (line, tab - line);
      if (g_hash_table_contains (self->symbols, name))
        {
          g_set_error (error, PL_SYMBOLS_ERROR, PL_SYMBOLS_ERROR_INDEX,
                       "Line %u of the symbol index lists “%s” a second time", i + 1, name);
          return NULL;
        }
      symbol = g_string_chunk_insert (self->strings, name);
      own = g_ptr_array_new ();
      g_hash_table_insert (self->symbols, (gpointer) symbol, own);
      g_ptr_array_add (self->order, (gpointer) symbol);

      phrases = g_strsplit (tab + 1, "|", -1);
      for (guint j = 0; phrases[j] != NULL; j++)
        {
          g_autofree char *key = normalise (phrases[j]);
          g_autofree char *stem = NULL;
          guint n_words = 1;
          const char *stored;

          for (const char *p = key; *p != '\0'; p++)
            n_words += *p == ' ';
          if (*key == '\0' || n_words > PL_SYMBOLS_MAX_PHRASE_WORDS)
            {
              g_set_error (error, PL_SYMBOLS_ERROR, PL_SYMBOLS_ERROR_INDEX,
                           "Line %u of the symbol index has a phrase of no words or over %d",
                           i + 1, PL_SYMBOLS_MAX_PHRASE_WORDS);
              return NULL;
            }
          if (g_hash_table_contains (self->phrases, key))
            {
              g_set_error (error, PL_SYMBOLS_ERROR, PL_SYMBOLS_ERROR_INDEX,
                           "Line %u of the symbol index gives “%s” a second picture", i + 1, key);
              return NULL;
            }
          stored = g_string_chunk_insert_const (self->strings, key);
          g_hash_table_insert (self->phrases, (gpointer) stored, (gpointer) symbol);
          g_ptr_array_add (own, (gpointer) stored);

          if (n_words > 1)
            continue;
          /* A word is found by its stem too: "shave" by "shaving" ("shav") */
          add_stem (self, key, symbol);
          stem = pl_symbol_stem (key);
          if (stem != NULL)
            add_stem (self, stem, symbol);
          if (g_str_has_suffix (key, "e"))
            {
              g_autofree char *no_e = g_strndup (key, strlen (key) - 1);
              add_stem (self, no_e, symbol);
            }
        }
    }

  return g_steal_pointer (&self);
}

void
pl_symbol_index_free (PlSymbolIndex *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->phrases, g_hash_table_unref);
  g_clear_pointer (&self->stems, g_hash_table_unref);
  g_clear_pointer (&self->symbols, g_hash_table_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_free (self);
}

PlSymbolIndex *
pl_symbol_index_get_default (void)
{
  static PlSymbolIndex *index;

  if (g_once_init_enter (&index))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resource_lookup_data (pl_symbols_get_resource (), RESOURCE_BASE "index.txt",
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_autofree char *text = NULL;
      PlSymbolIndex *loaded;

      if (bytes != NULL)
        text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      loaded = text != NULL ? pl_symbol_index_new (text, &error) : NULL;
      /* The index is built in: failing to read it is a fault of the build */
      if (loaded == NULL)
        g_error ("Cannot read the symbol index: %s", error->message);
      g_once_init_leave (&index, loaded);
    }
  return index;
}

guint
pl_symbol_index_get_n_symbols (PlSymbolIndex *self)
{
  return self->order->len;
}

gboolean
pl_symbol_index_has_symbol (PlSymbolIndex *self,
                            const char    *symbol)
{
  return symbol != NULL && g_hash_table_contains (self->symbols, symbol);
}

const char *
pl_symbol_index_lookup (PlSymbolIndex *self,
                        const char    *phrase)
{
  g_autofree char *key = normalise (phrase);

  return g_hash_table_lookup (self->phrases, key);
}

char *
pl_symbol_display_name (const char *symbol)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *base = g_str_has_suffix (symbol, "_,_to")
    ? g_strndup (symbol, strlen (symbol) - strlen ("_,_to")) : g_strdup (symbol);
  g_auto(GStrv) parts = g_strsplit (base, "_", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      /* Mulberry's "_1a" and "-" say which drawing, ",_to" a verb: not what */
      if (*parts[i] == '\0' || g_str_equal (parts[i], ",") || g_str_equal (parts[i], "-") ||
          g_ascii_isdigit (*parts[i]))
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, parts[i]);
    }
  return g_string_free (g_steal_pointer (&name), FALSE);
}

typedef struct
{
  const char *symbol;
  int         score;
  guint       position;
} Found;

static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  const Found *x = a, *y = b;

  if (x->score != y->score)
    return y->score - x->score;
  return (int) x->position - (int) y->position;
}

GPtrArray *
pl_symbol_index_search (PlSymbolIndex *self,
                        const char    *words,
                        guint          max_results)
{
  g_autofree char *query = normalise (words != NULL ? words : "");
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  if (*query == '\0')
    return result;

  for (guint i = 0; i < self->order->len; i++)
    {
      const char *symbol = self->order->pdata[i];
      GPtrArray *phrases = g_hash_table_lookup (self->symbols, symbol);
      g_autofree char *name = pl_symbol_display_name (symbol);
      Found f = { symbol, 0, i };

      for (guint j = 0; j < phrases->len; j++)
        {
          const char *phrase = phrases->pdata[j];

          if (g_str_equal (phrase, query))
            f.score = MAX (f.score, 4);
          else if (g_str_has_prefix (phrase, query))
            f.score = MAX (f.score, 3);
          else if (strstr (phrase, query) != NULL)
            f.score = MAX (f.score, 1);
        }
      if (g_str_has_prefix (name, query))
        f.score = MAX (f.score, 2);
      else if (strstr (name, query) != NULL)
        f.score = MAX (f.score, 1);
      if (f.score > 0)
        g_array_append_val (found, f);
    }

  g_array_sort (found, compare_found);
  for (guint i = 0; i < found->len && i < max_results; i++)
    g_ptr_array_add (result, g_strdup (g_array_index (found, Found, i).symbol));
  return result;
}

GBytes *
pl_symbol_load_svg (const char  *symbol,
                    GError     **error)
{
  g_autofree char *path = NULL;
  GBytes *bytes;

  g_return_val_if_fail (symbol != NULL, NULL);

  path = g_strconcat (RESOURCE_BASE "mulberry/", symbol, ".svg", NULL);
  bytes = g_resource_lookup_data (pl_symbols_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    g_set_error (error, PL_SYMBOLS_ERROR, PL_SYMBOLS_ERROR_UNKNOWN,
                 "Plainly has no picture called “%s”", symbol);
  return bytes;
}

const char *
pl_symbols_credit (void)
{
  return "Symbols: Mulberry Symbol Set by Steve Lee, mulberrysymbols.org, "
         "Creative Commons Attribution-ShareAlike 4.0";
}

void
pl_symbol_match_free (PlSymbolMatch *self)
{
  if (self == NULL)
    return;
  g_free (self->symbol);
  g_free (self->idea);
  g_free (self->description);
  g_free (self);
}

static PlSymbolMatch *
match_new (PlSymbolMatchKind  kind,
           const char        *symbol,
           const char        *text,
           GArray            *words,
           guint              first,
           guint              n,
           const char        *description)
{
  PlSymbolMatch *match = g_new0 (PlSymbolMatch, 1);
  gsize start = g_array_index (words, Word, first).start;
  gsize end = g_array_index (words, Word, first + n - 1).end;

  match->kind = kind;
  match->symbol = g_strdup (symbol);
  match->idea = g_strndup (text + start, end - start);
  match->description = g_strdup (description);
  return match;
}

static const PlSymbolChoiceRule *
find_choice (const PlSymbolChoiceRule *choices,
             guint                     n_choices,
             const char               *key)
{
  for (guint i = 0; i < n_choices; i++)
    {
      g_autofree char *words = normalise (choices[i].words != NULL ? choices[i].words : "");

      if (g_str_equal (words, key))
        return &choices[i];
    }
  return NULL;
}

PlSymbolMatch *
pl_symbol_match (PlSymbolIndex            *index,
                 const PlSymbolChoiceRule *choices,
                 guint                     n_choices,
                 const char               *text)
{
  g_autoptr(GArray_Words) words = NULL;

  g_return_val_if_fail (index != NULL, NULL);

  if (text == NULL)
    return NULL;
  words = split_words (text);

  /* The longest idea first: "cup of tea" before "tea", wherever it is */
  for (guint n = MIN (words->len, PL_SYMBOLS_MAX_PHRASE_WORDS); n >= 1; n--)
    for (guint i = 0; i + n <= words->len; i++)
      {
        g_autofree char *key = join_words (words, i, n);
        const PlSymbolChoiceRule *chosen = find_choice (choices, n_choices, key);
        const char *symbol;

        if (chosen != NULL)
          return match_new (PL_SYMBOL_MATCH_CHOSEN,
                            pl_symbol_index_has_symbol (index, chosen->symbol) ? chosen->symbol : NULL,
                            text, words, i, n, chosen->description);
        symbol = g_hash_table_lookup (index->phrases, key);
        if (symbol != NULL)
          return match_new (n > 1 ? PL_SYMBOL_MATCH_PHRASE : PL_SYMBOL_MATCH_WORD,
                            symbol, text, words, i, n, NULL);
      }

  for (guint i = 0; i < words->len; i++)
    {
      g_autofree char *stem = pl_symbol_stem (g_array_index (words, Word, i).word);
      const char *symbol = stem != NULL ? g_hash_table_lookup (index->stems, stem) : NULL;

      if (symbol != NULL)
        {
          /* What staff chose for the word it stands for holds here too */
          GPtrArray *phrases = g_hash_table_lookup (index->symbols, symbol);

          for (guint j = 0; j < phrases->len; j++)
            {
              const PlSymbolChoiceRule *chosen = find_choice (choices, n_choices, phrases->pdata[j]);
              g_autofree char *phrase_stem = pl_symbol_stem (phrases->pdata[j]);

              if (chosen != NULL && (g_strcmp0 (phrase_stem, stem) == 0 ||
                                     g_str_equal (phrases->pdata[j], stem)))
                return match_new (PL_SYMBOL_MATCH_CHOSEN,
                                  pl_symbol_index_has_symbol (index, chosen->symbol) ? chosen->symbol : NULL,
                                  text, words, i, 1, chosen->description);
            }
          return match_new (PL_SYMBOL_MATCH_STEM, symbol, text, words, i, 1, NULL);
        }
    }

  return NULL;
}
