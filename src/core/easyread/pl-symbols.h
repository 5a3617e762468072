/* pl-symbols.h: the pictures of easy read and the ideas they stand for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plainly ships a curated set of Mulberry symbols for care plans
 * (data/symbols/), each with the words and phrases it stands for. The
 * matcher picks one picture for an idea, never one for every word, and none
 * when nothing matches well: a wrong picture is worse than none.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PL_SYMBOLS_ERROR (pl_symbols_error_quark ())
GQuark pl_symbols_error_quark (void);

typedef enum
{
  PL_SYMBOLS_ERROR_INDEX,    /* a line of the index is not "symbol<TAB>phrases" */
  PL_SYMBOLS_ERROR_UNKNOWN,  /* no such symbol */
} PlSymbolsError;

/* The longest phrase the index and the matcher know, in words */
#define PL_SYMBOLS_MAX_PHRASE_WORDS 4

typedef struct _PlSymbolIndex PlSymbolIndex;

/* The index Plainly ships, read once; never NULL, never freed */
PlSymbolIndex *pl_symbol_index_get_default (void);
/* An index from text in the form of data/symbols/index.txt */
PlSymbolIndex *pl_symbol_index_new         (const char     *text,
                                            GError        **error);
void           pl_symbol_index_free        (PlSymbolIndex  *self);
guint          pl_symbol_index_get_n_symbols (PlSymbolIndex *self);
gboolean       pl_symbol_index_has_symbol  (PlSymbolIndex  *self,
                                            const char     *symbol);
/* The symbol a phrase stands for, as the index writes it; NULL if none */
const char    *pl_symbol_index_lookup      (PlSymbolIndex  *self,
                                            const char     *phrase);
/* The symbol's name in words ("care_assistant_1a": "care assistant") */
char          *pl_symbol_display_name      (const char     *symbol);
/* Symbols for staff to choose from, for what they typed: those with a
 * phrase or a name starting with each of its words, best first, at most
 * max_results (element-type utf8, the symbols) */
GPtrArray     *pl_symbol_index_search      (PlSymbolIndex  *self,
                                            const char     *words,
                                            guint           max_results);

/* The SVG of a symbol Plainly ships */
GBytes        *pl_symbol_load_svg          (const char     *symbol,
                                            GError        **error);
/* The credit the licence asks for, in English (About, PDF) */
const char    *pl_symbols_credit           (void);

/* Words as the matcher compares them: lower case, letters and digits, the
 * apostrophe of "don't" kept; each word a string (element-type utf8) */
GPtrArray     *pl_symbol_words             (const char     *text);
/* A word's stem: "showering" and "showered" "shower", "shopping" "shop";
 * NULL when the word has no suffix to take off or the stem would be
 * shorter than four letters */
char          *pl_symbol_stem              (const char     *word);

/* How an idea was matched, strongest first */
typedef enum
{
  PL_SYMBOL_MATCH_NONE,
  PL_SYMBOL_MATCH_CHOSEN,  /* staff chose the picture (or none) for these words */
  PL_SYMBOL_MATCH_PHRASE,  /* two to four words, whole */
  PL_SYMBOL_MATCH_WORD,    /* one whole word */
  PL_SYMBOL_MATCH_STEM,    /* one word by its stem */
} PlSymbolMatchKind;

/* What staff chose for some words: a picture, or none (symbol NULL), and
 * what a screen reader says of it (NULL: the picture is decoration) */
typedef struct
{
  const char *words;
  const char *symbol;
  const char *description;
} PlSymbolChoiceRule;

typedef struct
{
  PlSymbolMatchKind  kind;
  char              *symbol;       /* NULL: no picture */
  char              *idea;         /* the words matched, as written */
  char              *description;  /* for screen readers; NULL: decoration */
} PlSymbolMatch;

void           pl_symbol_match_free        (PlSymbolMatch  *self);

/* The one picture for a sentence or short line, or NULL when nothing
 * matches well. Phrases of up to four words come first, then whole words,
 * then stems; what staff chose for the words found (choices, n_choices,
 * the first for the same words winning) changes or removes the picture,
 * and staff's own words count as phrases even where the index has none. */
PlSymbolMatch *pl_symbol_match             (PlSymbolIndex            *index,
                                            const PlSymbolChoiceRule *choices,
                                            guint                     n_choices,
                                            const char               *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlSymbolMatch, pl_symbol_match_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlSymbolIndex, pl_symbol_index_free)

G_END_DECLS
