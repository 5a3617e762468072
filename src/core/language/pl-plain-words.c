/* pl-plain-words.c: what would make a text plainer, for staff as they write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sentences and words are the voice's own (pl_speech_split_sentences,
 * pl_speech_split_words), so a hint's sentence is the one heard. Offsets
 * are characters, as a text view counts them. The plainer words are a list
 * of Plainly's own in data/plain-words.txt; the rules for sentences
 * follow easy read and plain English guidance: one idea a sentence, 15
 * words for easy read and about 25 otherwise, active verbs, no unexplained
 * abbreviations.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>

#include "pl-core-resources.h"
#include "pl-i18n.h"
#include "pl-plain-words.h"
#include "pl-speech.h"

#define PLAIN_WORDS_RESOURCE "/org/plainly/Plainly/core/plain-words.txt"
#define MAX_PHRASE_WORDS 4

/* Said as letters, everyone knows them: no need to spell them out */
static const char * const known_acronyms[] = {
  "UK", "NHS", "GP", "TV", "OK", "BBC", "MP", "DVD", "CD", "PIN", "ID", "PDF",
  "USB", "AM", "PM", "EU", "VAT", "IT", "US", "ATM", "SMS", "UN", NULL
};

static const char * const be_verbs[] = {
  "am", "is", "are", "was", "were", "be", "been", "being",
  "isn't", "aren't", "wasn't", "weren't", NULL
};

/* Between "is" and what was done: "is not given", "was always helped" */
static const char * const passive_between[] = {
  "not", "also", "always", "never", "often", "usually", "sometimes", "then", "now",
  "still", "just", "already", "only", "being", "all", "each", NULL
};

static const char * const irregular_participles[] = {
  "given", "taken", "seen", "done", "made", "known", "shown", "told", "written",
  "brought", "kept", "left", "paid", "sent", "put", "set", "found", "held", "met",
  "said", "thought", "chosen", "eaten", "driven", "spoken", "broken", "worn",
  "forgotten", "hidden", "bought", "caught", "taught", "fed", "led", "heard",
  "understood", "meant", "built", "felt", "got", "gotten", "lost", "sold", "spent",
  "stolen", "struck", "swept", "thrown", "woken", "won", "drawn", "grown", "hurt",
  "cut", "shut", "let", "read", "brought", "sought", "agreed", "freed", "guaranteed",
  NULL
};

/* Words ending in -ed that say how someone is, not what was done to them */
static const char * const ed_adjectives[] = {
  "tired", "worried", "interested", "married", "retired", "pleased", "scared",
  "bored", "excited", "confused", "concerned", "delighted", "disappointed",
  "frightened", "relaxed", "surprised", "embarrassed", "annoyed", "stressed",
  "qualified", "experienced", "skilled", "supposed", "used", "called", "named",
  "based", "aged", "registered", "prepared", "involved", "related", "determined",
  "settled", "contented", "satisfied", "bed", "red", "shed", "need", "feed",
  "seed", "speed", "indeed", "exceed", "proceed", "succeed", "hundred", NULL
};

/* Joining words that start another idea in the same sentence */
static const char * const idea_joiners[] = {
  "but", "because", "although", "though", "whereas", "however", "which",
  "unless", "while", "whilst", NULL
};

/* Joiners that start another idea only after a comma: "tea and toast" is
 * one idea, "I have tea, and then I go out" two */
static const char * const comma_joiners[] = {
  "and", "or", "so", "then", "as", NULL
};

typedef struct
{
  gunichar *u;
  glong     n;
  GArray   *words;   /* PlSpeechRange over the whole text */
} Text;

/* The list ------------------------------------------------------------- */

static GHashTable *
load_plainer (void)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  gsize size = 0;
  const char *data;

  bytes = g_resource_lookup_data (pl_core_get_resource (), PLAIN_WORDS_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      /* Built in: only a broken build gets here */
      g_critical ("The list of plainer words is missing: %s", error->message);
      return table;
    }

  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      char *line = g_strstrip (lines[i]);

      if (*line == '\0' || *line == '#')
        continue;
      parts = g_strsplit (line, "\t", 2);
      if (parts[1] == NULL)
        {
          g_critical ("The list of plainer words has a line without a tab: %s", line);
          continue;
        }
      g_hash_table_replace (table, g_utf8_strdown (g_strstrip (parts[0]), -1),
                            g_strdup (g_strstrip (parts[1])));
    }
  return table;
}

static GHashTable *
plainer_table (void)
{
  static gsize once;
  static GHashTable *table;

  if (g_once_init_enter (&once))
    {
      table = load_plainer ();
      g_once_init_leave (&once, 1);
    }
  return table;
}

/* A word or phrase as the list has it: lower case, straight apostrophes,
 * one space between words */
static char *
normalise (const char *phrase)
{
  g_autofree char *down = g_utf8_strdown (phrase, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = down; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c == 0x2019 ? '\'' : c);
    }
  return g_string_free (out, FALSE);
}

const char *
pl_plain_words_plainer (const char *phrase)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (phrase != NULL, NULL);

  key = normalise (phrase);
  return g_hash_table_lookup (plainer_table (), key);
}

/* Figures -------------------------------------------------------------- */

static char *
range_text (const Text *text,
            guint       start,
            guint       end)
{
  return g_ucs4_to_utf8 (text->u + start, (glong) (end - start), NULL, NULL, NULL);
}

static void
text_init (Text       *text,
           const char *utf8)
{
  text->u = g_utf8_to_ucs4_fast (utf8, -1, &text->n);
  text->words = pl_speech_split_words (utf8, 0, (guint) text->n);
}

static void
text_clear (Text *text)
{
  g_clear_pointer (&text->u, g_free);
  g_clear_pointer (&text->words, g_array_unref);
}

static PlSpeechRange *
word_at (const Text *text,
         guint       i)
{
  return &g_array_index (text->words, PlSpeechRange, i);
}

static void
figures_for (const Text     *text,
             GArray         *sentences,
             PlPlainFigures *figures)
{
  memset (figures, 0, sizeof *figures);
  figures->n_sentences = sentences->len;
  figures->n_words = text->words->len;
  for (guint i = 0; i < text->words->len; i++)
    {
      g_autofree char *word = range_text (text, word_at (text, i)->start, word_at (text, i)->end);

      figures->n_syllables += pl_plain_words_count_syllables (word);
    }

  /* Flesch (1948) */
  if (figures->n_words > 0 && figures->n_sentences > 0)
    figures->reading_ease = 206.835 -
                            1.015 * ((double) figures->n_words / figures->n_sentences) -
                            84.6 * ((double) figures->n_syllables / figures->n_words);
}

void
pl_plain_words_figures (const char     *text,
                        PlPlainFigures *figures)
{
  g_autoptr(GArray) sentences = NULL;
  Text t = { 0 };

  g_return_if_fail (text != NULL);
  g_return_if_fail (figures != NULL);

  text_init (&t, text);
  sentences = pl_speech_split_sentences (text);
  figures_for (&t, sentences, figures);
  text_clear (&t);
}

char *
pl_plain_words_describe_ease (const PlPlainFigures *figures)
{
  int ease;

  g_return_val_if_fail (figures != NULL, NULL);

  if (figures->n_words == 0)
    return g_strdup (_("Nothing written yet"));

  ease = (int) (figures->reading_ease >= 0 ? figures->reading_ease + 0.5
                                           : figures->reading_ease - 0.5);
  /* Flesch's own bands, in words */
  if (ease >= 80)
    /* Translators: the Flesch reading ease, a number usually from 0 to 100 */
    return g_strdup_printf (_("Easy to read (%d)"), ease);
  if (ease >= 60)
    return g_strdup_printf (_("Plain English (%d)"), ease);
  if (ease >= 50)
    return g_strdup_printf (_("Fairly hard to read (%d)"), ease);
  if (ease >= 30)
    return g_strdup_printf (_("Hard to read (%d)"), ease);
  return g_strdup_printf (_("Very hard to read (%d)"), ease);
}

const char *
pl_plain_hint_kind_title (PlPlainHintKind kind)
{
  switch (kind)
    {
    case PL_PLAIN_HINT_LONG_SENTENCE:
      return _("Long sentence");
    case PL_PLAIN_HINT_MANY_IDEAS:
      return _("More than one idea");
    case PL_PLAIN_HINT_PASSIVE:
      return _("Who does it?");
    case PL_PLAIN_HINT_PLAINER_WORD:
      return _("A plainer word");
    case PL_PLAIN_HINT_ACRONYM:
      return _("Letters not explained");
    case PL_PLAIN_N_HINT_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Hints ----------------------------------------------------------------- */

void
pl_plain_hint_free (PlPlainHint *hint)
{
  if (hint == NULL)
    return;
  g_free (hint->words);
  g_free (hint->why);
  g_free (hint->suggestion);
  g_free (hint);
}

static PlPlainHint *
add_hint (GPtrArray       *hints,
          const Text      *text,
          PlPlainHintKind  kind,
          guint            start,
          guint            end,
          char            *why)
{
  PlPlainHint *hint = g_new0 (PlPlainHint, 1);

  hint->kind = kind;
  hint->start = start;
  hint->end = end;
  hint->words = range_text (text, start, end);
  hint->why = why;
  g_ptr_array_add (hints, hint);
  return hint;
}

static char *
word_lower (const Text *text,
            guint       i)
{
  g_autofree char *word = range_text (text, word_at (text, i)->start, word_at (text, i)->end);

  return normalise (word);
}

/* Nothing but spaces between two words */
static gboolean
adjacent (const Text *text,
          guint       a,
          guint       b)
{
  for (guint k = word_at (text, a)->end; k < word_at (text, b)->start; k++)
    if (!g_unichar_isspace (text->u[k]))
      return FALSE;
  return TRUE;
}

/* The last character before word i that is not a space */
static gunichar
mark_before (const Text *text,
             guint       i)
{
  for (glong k = (glong) word_at (text, i)->start - 1; k >= 0; k--)
    if (!g_unichar_isspace (text->u[k]))
      return text->u[k];
  return 0;
}

static void
check_length (GPtrArray       *hints,
              const Text      *text,
              PlSpeechRange    sentence,
              guint            n_words,
              PlPlainAudience  audience)
{
  guint limit = audience == PL_PLAIN_EASY_READ ? PL_PLAIN_EASY_READ_MAX_WORDS
                                               : PL_PLAIN_STANDARD_MAX_WORDS;

  if (n_words <= limit)
    return;

  add_hint (hints, text, PL_PLAIN_HINT_LONG_SENTENCE, sentence.start, sentence.end,
            audience == PL_PLAIN_EASY_READ
            /* Translators: the words in the sentence, then the most easy read suggests */
            ? g_strdup_printf (_("This sentence has %u words. For easy read, keep each "
                                 "sentence to %u words or fewer. Try making it two sentences."),
                               n_words, limit)
            /* Translators: the words in the sentence, then the most suggested */
            : g_strdup_printf (_("This sentence has %u words. Sentences of %u words or fewer "
                                 "are easier to follow. Try making it two sentences."),
                               n_words, limit));
}

static void
check_ideas (GPtrArray       *hints,
             const Text      *text,
             PlSpeechRange    sentence,
             guint            first,
             guint            last,
             PlPlainAudience  audience)
{
  guint ideas = 1;
  guint limit = audience == PL_PLAIN_EASY_READ ? 1 : 2;

  for (guint k = sentence.start; k < sentence.end; k++)
    if (text->u[k] == ';')
      ideas++;

  for (guint i = first; i < last; i++)
    {
      g_autofree char *word = word_lower (text, i);
      gunichar before = mark_before (text, i);

      /* Not the first word: "But I like it" is one idea */
      if (i == first)
        continue;
      if (g_strv_contains (idea_joiners, word) && before != ';')
        ideas++;
      else if (g_strv_contains (comma_joiners, word) && before == ',')
        ideas++;
    }

  if (ideas <= limit)
    return;

  add_hint (hints, text, PL_PLAIN_HINT_MANY_IDEAS, sentence.start, sentence.end,
            audience == PL_PLAIN_EASY_READ
            /* Translators: %u is how many ideas the sentence seems to have */
            ? g_strdup_printf (_("This sentence seems to say %u things. Easy read has one "
                                 "idea in each sentence. Try a new sentence for each one."),
                               ideas)
            : g_strdup_printf (_("This sentence seems to say %u things. It is easier to "
                                 "follow with one or two ideas in each sentence."),
                               ideas));
}

static gboolean
is_participle (const char *word)
{
  gsize n = strlen (word);

  if (g_strv_contains (irregular_participles, word))
    return TRUE;
  if (g_strv_contains (ed_adjectives, word))
    return FALSE;
  return n >= 4 && g_str_has_suffix (word, "ed") && !g_str_has_suffix (word, "eed");
}

static void
check_passive (GPtrArray  *hints,
               const Text *text,
               guint       first,
               guint       last)
{
  for (guint i = first; i < last; i++)
    {
      g_autofree char *word = word_lower (text, i);
      guint j = i + 1;

      if (!g_strv_contains (be_verbs, word))
        continue;

      while (j < last && j - i <= 2 && adjacent (text, j - 1, j))
        {
          g_autofree char *next = word_lower (text, j);
          gsize m = strlen (next);

          if (g_strv_contains (passive_between, next) ||
              (m > 4 && g_str_has_suffix (next, "ly") && j + 1 < last))
            {
              j++;
              continue;
            }
          if (is_participle (next))
            {
              add_hint (hints, text, PL_PLAIN_HINT_PASSIVE, word_at (text, i)->start,
                        word_at (text, j)->end,
                        g_strdup (_("This does not say who does it. Say who, as in "
                                    "“Sam gives you your tablets” rather than "
                                    "“Your tablets are given”.")));
              i = j;
            }
          break;
        }
    }
}

static char *
match_case (const char *written,
            const char *plainer)
{
  gunichar first = g_utf8_get_char (written);

  /* "Utilise" at the start of a sentence: "Use" */
  if (g_unichar_isupper (first) && !g_unichar_isupper (g_utf8_get_char (g_utf8_next_char (written))))
    {
      g_autofree char *rest = g_strdup (g_utf8_next_char (plainer));
      char head[8] = { 0 };

      g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (plainer)), head);
      return g_strconcat (head, rest, NULL);
    }
  return g_strdup (plainer);
}

static void
check_plainer (GPtrArray  *hints,
               const Text *text,
               guint       first,
               guint       last)
{
  GHashTable *table = plainer_table ();

  for (guint i = first; i < last; i++)
    {
      g_autoptr(GString) phrase = g_string_new (NULL);
      const char *plainer = NULL;
      guint matched = 0;

      for (guint j = i; j < last && j - i < MAX_PHRASE_WORDS; j++)
        {
          g_autofree char *word = word_lower (text, j);
          const char *found;

          if (j > i)
            {
              if (!adjacent (text, j - 1, j))
                break;
              g_string_append_c (phrase, ' ');
            }
          g_string_append (phrase, word);
          found = g_hash_table_lookup (table, phrase->str);
          /* The longest phrase: "in order to" rather than "order" */
          if (found != NULL)
            {
              plainer = found;
              matched = j;
            }
        }

      if (plainer != NULL)
        {
          guint start = word_at (text, i)->start;
          guint end = word_at (text, matched)->end;
          PlPlainHint *hint;
          g_autofree char *written = range_text (text, start, end);

          hint = add_hint (hints, text, PL_PLAIN_HINT_PLAINER_WORD, start, end, NULL);
          hint->suggestion = match_case (written, plainer);
          /* Translators: the words written, then the plainer ones */
          hint->why = g_strdup_printf (_("“%s” has a plainer choice: “%s”. Everyday words "
                                         "are quicker to read and easier to understand."),
                                       written, hint->suggestion);
          i = matched;
        }
    }
}

static gboolean
is_acronym (const char *word)
{
  guint n = 0;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p), n++)
    if (!g_unichar_isupper (g_utf8_get_char (p)))
      return FALSE;
  return n >= 2 && n <= 8;
}

/* "Care Quality Commission (CQC)" or "CQC (Care Quality Commission)" */
static gboolean
explained_at (const Text *text,
              guint       i)
{
  const PlSpeechRange *word = word_at (text, i);
  guint k = word->end;
  guint words_inside = 0;

  if (word->start > 0 && text->u[word->start - 1] == '(' && k < text->n && text->u[k] == ')')
    return i >= 2;

  while (k < text->n && g_unichar_isspace (text->u[k]))
    k++;
  if (k >= text->n || text->u[k] != '(')
    return FALSE;
  for (guint j = i + 1; j < text->words->len && word_at (text, j)->start < text->n; j++)
    {
      guint e = word_at (text, j)->end;

      words_inside++;
      if (e < text->n && text->u[e] == ')')
        break;
    }
  return words_inside >= 2;
}

static void
check_acronyms (GPtrArray  *hints,
                const Text *text)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < text->words->len; i++)
    {
      g_autofree char *word = range_text (text, word_at (text, i)->start, word_at (text, i)->end);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (!is_acronym (word) || g_strv_contains (known_acronyms, word) ||
          g_hash_table_contains (seen, word))
        continue;

      /* Words in capitals, as in a heading: not letters for a name */
      if (i > 0 && adjacent (text, i - 1, i))
        before = range_text (text, word_at (text, i - 1)->start, word_at (text, i - 1)->end);
      if (i + 1 < text->words->len && adjacent (text, i, i + 1))
        after = range_text (text, word_at (text, i + 1)->start, word_at (text, i + 1)->end);
      if ((before != NULL && is_acronym (before)) || (after != NULL && is_acronym (after)))
        continue;

      g_hash_table_add (seen, g_strdup (word));
      if (explained_at (text, i))
        continue;

      add_hint (hints, text, PL_PLAIN_HINT_ACRONYM, word_at (text, i)->start,
                word_at (text, i)->end,
                /* Translators: %s is the letters, like "CQC" */
                g_strdup_printf (_("Not everyone knows what “%s” stands for. Write it in "
                                   "full the first time, with the letters after it in "
                                   "brackets."), word));
    }
}

static int
compare_hints (gconstpointer a,
               gconstpointer b)
{
  const PlPlainHint *x = *(PlPlainHint * const *) a;
  const PlPlainHint *y = *(PlPlainHint * const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (int) x->kind - (int) y->kind;
}

GPtrArray *
pl_plain_words_check (const char      *text,
                      PlPlainAudience  audience,
                      PlPlainFigures  *figures)
{
  GPtrArray *hints = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_plain_hint_free);
  g_autoptr(GArray) sentences = NULL;
  Text t = { 0 };
  guint w = 0;

  g_return_val_if_fail (text != NULL, hints);

  text_init (&t, text);
  sentences = pl_speech_split_sentences (text);

  for (guint s = 0; s < sentences->len; s++)
    {
      PlSpeechRange sentence = g_array_index (sentences, PlSpeechRange, s);
      guint first, last;

      while (w < t.words->len && word_at (&t, w)->start < sentence.start)
        w++;
      first = w;
      while (w < t.words->len && word_at (&t, w)->end <= sentence.end)
        w++;
      last = w;

      check_length (hints, &t, sentence, last - first, audience);
      check_ideas (hints, &t, sentence, first, last, audience);
      check_passive (hints, &t, first, last);
      check_plainer (hints, &t, first, last);
    }
  check_acronyms (hints, &t);
  g_ptr_array_sort (hints, compare_hints);

  if (figures != NULL)
    figures_for (&t, sentences, figures);
  text_clear (&t);
  return hints;
}
