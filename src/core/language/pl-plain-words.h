/* pl-plain-words.h: what would make a text plainer, for staff as they write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Advice only: each hint points at characters of the text, says why in
 * plain words and, where there is one, offers a plainer word. Nothing is
 * ever rewritten. English texts only: the rules are about English.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PL_PLAIN_HINT_LONG_SENTENCE,
  PL_PLAIN_HINT_MANY_IDEAS,
  PL_PLAIN_HINT_PASSIVE,
  PL_PLAIN_HINT_PLAINER_WORD,
  PL_PLAIN_HINT_ACRONYM,
  PL_PLAIN_N_HINT_KINDS
} PlPlainHintKind;

/* Who the words are for: easy read keeps sentences to 15 words and one
 * idea; a standard text to 25 words and two ideas */
typedef enum
{
  PL_PLAIN_STANDARD,
  PL_PLAIN_EASY_READ,
} PlPlainAudience;

#define PL_PLAIN_STANDARD_MAX_WORDS  25
#define PL_PLAIN_EASY_READ_MAX_WORDS 15

typedef struct
{
  PlPlainHintKind kind;
  guint           start;       /* characters (not bytes) in the text, end exclusive */
  guint           end;
  char           *words;       /* the text of the range */
  char           *why;         /* translated, in plain words */
  char           *suggestion;  /* the plainer word, or NULL */
} PlPlainHint;

void pl_plain_hint_free (PlPlainHint *hint);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlPlainHint, pl_plain_hint_free)

typedef struct
{
  guint  n_sentences;
  guint  n_words;
  guint  n_syllables;
  /* Flesch reading ease: 206.835 - 1.015 words a sentence - 84.6
   * syllables a word; higher is easier. Meaningless with no words. */
  double reading_ease;
} PlPlainFigures;

/* The hints for text, in the order of the text (element-type PlPlainHint);
 * figures, if not NULL, gets the text's reading figures */
GPtrArray  *pl_plain_words_check          (const char      *text,
                                           PlPlainAudience  audience,
                                           PlPlainFigures  *figures);
/* The reading figures alone */
void        pl_plain_words_figures        (const char      *text,
                                           PlPlainFigures  *figures);
/* Syllables in one English word, as spoken; numbers a syllable a figure */
guint       pl_plain_words_count_syllables (const char     *word);
/* The plainer word for a word or phrase (any case), or NULL */
const char *pl_plain_words_plainer        (const char      *phrase);
/* The reading ease in words for staff: "Easy to read (82)"; translated */
char       *pl_plain_words_describe_ease  (const PlPlainFigures *figures);
/* What a kind of hint is called in a list: "Long sentence"; translated */
const char *pl_plain_hint_kind_title      (PlPlainHintKind  kind);

G_END_DECLS
