/* test-easyread.c: the symbols of easy read and the ideas they are chosen for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "pl-symbols.h"
#include "pl-symbols-resources.h"

/* What the index picks for text, or NULL for no picture */
static char *
picture_for (const char *text)
{
  g_autoptr(PlSymbolMatch) match = pl_symbol_match (pl_symbol_index_get_default (), NULL, 0, text);

  return match != NULL ? g_strdup (match->symbol) : NULL;
}

#define assert_picture(text, expected)                         \
  G_STMT_START {                                               \
    g_autofree char *got_ = picture_for (text);                \
    g_assert_cmpstr (got_, ==, expected);                      \
  } G_STMT_END

static void
test_index_shipped (void)
{
  PlSymbolIndex *index = pl_symbol_index_get_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  /* A curated set for care plans: a few hundred, not the whole 3,436 */
  g_assert_cmpuint (pl_symbol_index_get_n_symbols (index), >=, 200);
  g_assert_cmpuint (pl_symbol_index_get_n_symbols (index), <=, 600);

  /* Every symbol the index names is shipped, as an SVG */
  text = g_resource_lookup_data (pl_symbols_get_resource (), "/org/plainly/Plainly/symbols/index.txt",
                                 0, &error);
  g_assert_no_error (error);
  lines = g_strsplit (g_bytes_get_data (text, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *symbol = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (*lines[i] == '#' || strchr (lines[i], '\t') == NULL)
        continue;
      symbol = g_strndup (lines[i], strchr (lines[i], '\t') - lines[i]);
      bytes = pl_symbol_load_svg (symbol, &error);
      g_assert_no_error (error);
      g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), 200, "<svg"));
      n++;
    }
  g_assert_cmpuint (n, ==, pl_symbol_index_get_n_symbols (index));

  svg = pl_symbol_load_svg ("not_a_symbol", &error);
  g_assert_error (error, PL_SYMBOLS_ERROR, PL_SYMBOLS_ERROR_UNKNOWN);
  g_assert_null (svg);
  g_assert_nonnull (strstr (pl_symbols_credit (), "Mulberry"));
}

static void
test_index_refuses (void)
{
  const char *bad[] = {
    "no_tab here",
    "\ttea",
    "tea\ttea\ncoffee\ttea",                      /* one phrase, two pictures */
    "tea\tone two three four five",             /* over four words */
    "tea\ttea\ntea\tcuppa",                     /* one symbol twice */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlSymbolIndex) index = pl_symbol_index_new (bad[i], &error);

      g_assert_error (error, PL_SYMBOLS_ERROR, PL_SYMBOLS_ERROR_INDEX);
      g_assert_null (index);
    }
}

static void
test_words_and_stems (void)
{
  g_autoptr(GPtrArray) words = pl_symbol_words ("I don't like Anne’s CAT-flap, 999!");
  const struct { const char *word; const char *stem; } stems[] = {
    { "showering", "shower" },
    { "showered", "shower" },
    { "shopping", "shop" },
    { "washes", "wash" },
    { "parties", "party" },
    { "walks", "walk" },
    { "calling", "call" },
    { "glass", NULL },      /* "ss" is no plural */
    { "bus", NULL },
    { "eating", NULL },     /* "eat": shorter than four letters */
    { "shower", NULL },
    { "Anne's", NULL },
  };

  g_assert_cmpuint (words->len, ==, 7);
  g_assert_cmpstr (words->pdata[1], ==, "don't");
  g_assert_cmpstr (words->pdata[3], ==, "anne's");
  g_assert_cmpstr (words->pdata[4], ==, "cat");
  g_assert_cmpstr (words->pdata[6], ==, "999");

  for (guint i = 0; i < G_N_ELEMENTS (stems); i++)
    {
      g_autofree char *stem = pl_symbol_stem (stems[i].word);

      g_assert_cmpstr (stem, ==, stems[i].stem);
    }
}

/* Pictures for ideas, strongest first: a phrase, a word, a stem */
static void
test_match_levels (void)
{
  PlSymbolIndex *index = pl_symbol_index_get_default ();
  g_autoptr(PlSymbolMatch) phrase = NULL;
  g_autoptr(PlSymbolMatch) word = NULL;
  g_autoptr(PlSymbolMatch) stem = NULL;

  /* "cup of tea" is the idea, not "morning", which comes first */
  phrase = pl_symbol_match (index, NULL, 0, "In the morning I like a cup of tea.");
  g_assert_nonnull (phrase);
  g_assert_cmpint (phrase->kind, ==, PL_SYMBOL_MATCH_PHRASE);
  g_assert_cmpstr (phrase->symbol, ==, "tea");
  g_assert_cmpstr (phrase->idea, ==, "cup of tea");
  g_assert_null (phrase->description);

  /* Two words over one: "care worker", not "worker"'s nothing or "knock" */
  assert_picture ("My care worker knocks and waits.", "care_assistant_1a");
  /* "blood pressure", never "pressure" alone */
  assert_picture ("The nurse checks my Blood Pressure on Mondays.", "blood_pressure");
  assert_picture ("Please help me with my medicines", "medicine");

  word = pl_symbol_match (index, NULL, 0, "A warm Shower.");
  g_assert_cmpint (word->kind, ==, PL_SYMBOL_MATCH_WORD);
  g_assert_cmpstr (word->symbol, ==, "shower_1_,_to");
  g_assert_cmpstr (word->idea, ==, "Shower");

  stem = pl_symbol_match (index, NULL, 0, "She showered quickly.");
  g_assert_nonnull (stem);
  g_assert_cmpint (stem->kind, ==, PL_SYMBOL_MATCH_STEM);
  g_assert_cmpstr (stem->symbol, ==, "shower_1_,_to");
  g_assert_cmpstr (stem->idea, ==, "showered");
  assert_picture ("I was shaving.", "shave_,_to");
  assert_picture ("Grandchildren visiting", "grandparents");
}

/* A wrong picture is worse than none */
static void
test_match_none (void)
{
  const char *none[] = {
    "",
    "It is what it is.",
    "Please do this the way we agreed.",
    /* Vague words carry no idea alone */
    "Care and time.",
    "Support.",
    /* Words inside other words are not matched: "tea" in "steady" */
    "Keep it steady and carry on",
    /* A stem shorter than four letters is no match: "caring" is not "car" */
    "Caring",
    /* Two words of a phrase apart are not the phrase */
    "Blood tests, not the pressure.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (none); i++)
    {
      g_autoptr(PlSymbolMatch) match = pl_symbol_match (pl_symbol_index_get_default (), NULL, 0,
                                                        none[i]);

      if (match != NULL)
        g_error ("“%s” has a picture, %s, for “%s”", none[i], match->symbol, match->idea);
    }
  g_assert_null (pl_symbol_match (pl_symbol_index_get_default (), NULL, 0, NULL));
}

/* What staff chose comes over the index for the same words; none removes
 * the picture; their own words are ideas too */
static void
test_match_chosen (void)
{
  PlSymbolIndex *index = pl_symbol_index_get_default ();
  const PlSymbolChoiceRule choices[] = {
    { "tea", "coffee", NULL },
    { "my garden", "gardener_1b", "Rose in her allotment" },
    { "Shower", NULL, NULL },
    { "Bingo nights", "not_a_symbol", NULL },
  };
  g_autoptr(PlSymbolMatch) tea = pl_symbol_match (index, choices, G_N_ELEMENTS (choices),
                                                  "A cup of tea");
  g_autoptr(PlSymbolMatch) garden = pl_symbol_match (index, choices, G_N_ELEMENTS (choices),
                                                     "I sit in My Garden.");
  g_autoptr(PlSymbolMatch) shower = pl_symbol_match (index, choices, G_N_ELEMENTS (choices),
                                                     "A shower every morning");
  g_autoptr(PlSymbolMatch) showered = pl_symbol_match (index, choices, G_N_ELEMENTS (choices),
                                                       "I showered");
  g_autoptr(PlSymbolMatch) bingo = pl_symbol_match (index, choices, G_N_ELEMENTS (choices),
                                                    "Bingo nights at the club");
  g_autoptr(PlSymbolMatch) unchanged = pl_symbol_match (index, choices, G_N_ELEMENTS (choices),
                                                        "Toast for breakfast");

  /* "cup of tea" is the index's phrase; staff chose for "tea" alone */
  g_assert_cmpstr (tea->symbol, ==, "tea");
  g_assert_cmpint (tea->kind, ==, PL_SYMBOL_MATCH_PHRASE);

  g_assert_cmpint (garden->kind, ==, PL_SYMBOL_MATCH_CHOSEN);
  g_assert_cmpstr (garden->symbol, ==, "gardener_1b");
  g_assert_cmpstr (garden->idea, ==, "My Garden");
  g_assert_cmpstr (garden->description, ==, "Rose in her allotment");

  /* Removed: no picture, and the line says staff chose so */
  g_assert_cmpint (shower->kind, ==, PL_SYMBOL_MATCH_CHOSEN);
  g_assert_null (shower->symbol);
  /* and for the word's other forms */
  g_assert_cmpint (showered->kind, ==, PL_SYMBOL_MATCH_CHOSEN);
  g_assert_null (showered->symbol);

  /* A symbol Plainly does not ship is never shown */
  g_assert_cmpint (bingo->kind, ==, PL_SYMBOL_MATCH_CHOSEN);
  g_assert_null (bingo->symbol);

  g_assert_cmpint (unchanged->kind, ==, PL_SYMBOL_MATCH_WORD);
  g_assert_cmpstr (unchanged->symbol, ==, "breakfast_1");
}

static void
test_search (void)
{
  PlSymbolIndex *index = pl_symbol_index_get_default ();
  g_autoptr(GPtrArray) tea = pl_symbol_index_search (index, "Tea", 5);
  g_autoptr(GPtrArray) wash = pl_symbol_index_search (index, "wash", 20);
  g_autoptr(GPtrArray) nothing = pl_symbol_index_search (index, "zzzz", 5);
  g_autoptr(GPtrArray) empty = pl_symbol_index_search (index, "  ", 5);
  g_autofree char *name = pl_symbol_display_name ("care_assistant_1a");
  g_autofree char *verb = pl_symbol_display_name ("wash_hands_,_to");

  /* The symbol whose phrase is the word comes first */
  g_assert_cmpuint (tea->len, >=, 1);
  g_assert_cmpuint (tea->len, <=, 5);
  g_assert_cmpstr (tea->pdata[0], ==, "tea");
  g_assert_true (g_ptr_array_find_with_equal_func (wash, "wash_hands_,_to", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (wash, "shampoo_hair_,_to", g_str_equal, NULL));
  g_assert_cmpuint (nothing->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpstr (name, ==, "care assistant");
  g_assert_cmpstr (verb, ==, "wash hands");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plainly/easyread/index-shipped", test_index_shipped);
  g_test_add_func ("/plainly/easyread/index-refuses", test_index_refuses);
  g_test_add_func ("/plainly/easyread/words-and-stems", test_words_and_stems);
  g_test_add_func ("/plainly/easyread/match-levels", test_match_levels);
  g_test_add_func ("/plainly/easyread/match-none", test_match_none);
  g_test_add_func ("/plainly/easyread/match-chosen", test_match_chosen);
  g_test_add_func ("/plainly/easyread/search", test_search);

  return g_test_run ();
}
