/* test-plain-words.c: the plain-language helper's hints and figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pl-demo.h"
#include "pl-guidance.h"
#include "pl-plain-words.h"
#include "pl-plan-version.h"
#include "pl-store-test.h"

static GPtrArray *
hints_of_kind (const char      *text,
               PlPlainAudience  audience,
               PlPlainHintKind  kind)
{
  g_autoptr(GPtrArray) all = pl_plain_words_check (text, audience, NULL);
  GPtrArray *some = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_plain_hint_free);

  for (guint i = 0; i < all->len; i++)
    if (((PlPlainHint *) g_ptr_array_index (all, i))->kind == kind)
      g_ptr_array_add (some, g_ptr_array_steal_index (all, i--));
  return some;
}

static guint
count_hints (const char      *text,
             PlPlainAudience  audience,
             PlPlainHintKind  kind)
{
  g_autoptr(GPtrArray) hints = hints_of_kind (text, audience, kind);

  return hints->len;
}

static void
test_syllables (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "plain-words-syllables.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) wrong = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint checked = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      guint expected, got;

      if (*lines[i] == '\0' || *lines[i] == '#')
        continue;
      parts = g_strsplit (lines[i], " ", 2);
      g_assert_nonnull (parts[1]);
      expected = (guint) g_ascii_strtoull (parts[1], NULL, 10);
      got = pl_plain_words_count_syllables (parts[0]);
      if (got != expected)
        g_string_append_printf (wrong, "%s: %u, not %u; ", parts[0], got, expected);
      checked++;
    }

  g_test_message ("%u words checked", checked);
  g_assert_cmpuint (checked, >=, 200);
  g_assert_cmpstr (wrong->str, ==, "");
}

static void
test_long_sentence (void)
{
  /* 25 words, then the same with one more */
  const char *twenty_five = "On Mondays and Thursdays Anna comes at eight in the morning to help "
                            "me get up, wash my face and make a cup of tea.";
  const char *twenty_six = "On Mondays and Thursdays Anna comes at eight in the morning to help "
                           "me get up, wash my face and make a big cup of tea.";
  /* 15 words, then 16 */
  const char *fifteen = "Anna comes at eight in the morning to help me get up and wash today.";
  const char *sixteen = "Anna comes at eight in the morning to help me get up and wash my face.";
  g_autoptr(GPtrArray) hints = NULL;
  const PlPlainHint *hint;

  g_assert_cmpuint (count_hints (twenty_five, PL_PLAIN_STANDARD, PL_PLAIN_HINT_LONG_SENTENCE), ==, 0);
  g_assert_cmpuint (count_hints (twenty_six, PL_PLAIN_STANDARD, PL_PLAIN_HINT_LONG_SENTENCE), ==, 1);
  g_assert_cmpuint (count_hints (fifteen, PL_PLAIN_EASY_READ, PL_PLAIN_HINT_LONG_SENTENCE), ==, 0);
  g_assert_cmpuint (count_hints (sixteen, PL_PLAIN_EASY_READ, PL_PLAIN_HINT_LONG_SENTENCE), ==, 1);
  g_assert_cmpuint (count_hints (sixteen, PL_PLAIN_STANDARD, PL_PLAIN_HINT_LONG_SENTENCE), ==, 0);

  /* The range is the whole sentence, after the first one */
  hints = hints_of_kind ("I like tea. Anna comes at eight in the morning to help me get up and "
                         "wash my face.", PL_PLAIN_EASY_READ, PL_PLAIN_HINT_LONG_SENTENCE);
  g_assert_cmpuint (hints->len, ==, 1);
  hint = g_ptr_array_index (hints, 0);
  g_assert_cmpuint (hint->start, ==, 12);
  g_assert_cmpuint (hint->end, ==, 82);
  g_assert_true (g_str_has_prefix (hint->words, "Anna comes"));
  g_assert_nonnull (strstr (hint->why, "16 words"));
  g_assert_nonnull (strstr (hint->why, "15 words"));
  g_assert_null (hint->suggestion);
}

static void
test_many_ideas (void)
{
  const char *three = "I have tea at eight, and then Anna helps me wash, but I dress myself.";
  const char *one = "I have tea and toast at eight.";
  const char *two = "I take my tablets because they help my heart.";
  g_autoptr(GPtrArray) hints = NULL;

  g_assert_cmpuint (count_hints (three, PL_PLAIN_STANDARD, PL_PLAIN_HINT_MANY_IDEAS), ==, 1);
  g_assert_cmpuint (count_hints (three, PL_PLAIN_EASY_READ, PL_PLAIN_HINT_MANY_IDEAS), ==, 1);
  g_assert_cmpuint (count_hints (one, PL_PLAIN_STANDARD, PL_PLAIN_HINT_MANY_IDEAS), ==, 0);
  g_assert_cmpuint (count_hints (one, PL_PLAIN_EASY_READ, PL_PLAIN_HINT_MANY_IDEAS), ==, 0);
  /* Two ideas: too many for easy read only */
  g_assert_cmpuint (count_hints (two, PL_PLAIN_STANDARD, PL_PLAIN_HINT_MANY_IDEAS), ==, 0);
  g_assert_cmpuint (count_hints (two, PL_PLAIN_EASY_READ, PL_PLAIN_HINT_MANY_IDEAS), ==, 1);
  /* A semicolon joins two */
  g_assert_cmpuint (count_hints ("I wash my face; you help with my back.", PL_PLAIN_EASY_READ,
                                 PL_PLAIN_HINT_MANY_IDEAS), ==, 1);
  /* "But" starting a sentence starts no second idea in it */
  g_assert_cmpuint (count_hints ("But I like it.", PL_PLAIN_EASY_READ,
                                 PL_PLAIN_HINT_MANY_IDEAS), ==, 0);

  hints = hints_of_kind (three, PL_PLAIN_STANDARD, PL_PLAIN_HINT_MANY_IDEAS);
  g_assert_nonnull (strstr (((PlPlainHint *) g_ptr_array_index (hints, 0))->why, "3 things"));
}

static void
test_passive (void)
{
  g_autoptr(GPtrArray) hints = NULL;
  const PlPlainHint *hint;

  hints = hints_of_kind ("Your tablets are given at eight.", PL_PLAIN_STANDARD,
                         PL_PLAIN_HINT_PASSIVE);
  g_assert_cmpuint (hints->len, ==, 1);
  hint = g_ptr_array_index (hints, 0);
  g_assert_cmpstr (hint->words, ==, "are given");
  g_assert_cmpuint (hint->start, ==, 13);
  g_assert_cmpuint (hint->end, ==, 22);
  g_assert_nonnull (strstr (hint->why, "who"));
  g_clear_pointer (&hints, g_ptr_array_unref);

  hints = hints_of_kind ("The plan was not agreed. The door is always locked.", PL_PLAIN_STANDARD,
                         PL_PLAIN_HINT_PASSIVE);
  g_assert_cmpuint (hints->len, ==, 2);
  g_assert_cmpstr (((PlPlainHint *) g_ptr_array_index (hints, 0))->words, ==, "was not agreed");
  g_assert_cmpstr (((PlPlainHint *) g_ptr_array_index (hints, 1))->words, ==, "is always locked");

  /* Active, and "-ed" words that say how someone is */
  g_assert_cmpuint (count_hints ("Sam gives you your tablets at eight.", PL_PLAIN_STANDARD,
                                 PL_PLAIN_HINT_PASSIVE), ==, 0);
  g_assert_cmpuint (count_hints ("I am tired in the evening and I am worried about money.",
                                 PL_PLAIN_STANDARD, PL_PLAIN_HINT_PASSIVE), ==, 0);
  g_assert_cmpuint (count_hints ("I need help. I was ready.", PL_PLAIN_STANDARD,
                                 PL_PLAIN_HINT_PASSIVE), ==, 0);
}

static void
test_plainer (void)
{
  g_autoptr(GPtrArray) hints = NULL;
  const PlPlainHint *hint;

  hints = hints_of_kind ("Utilise the hoist in order to help me up.", PL_PLAIN_STANDARD,
                         PL_PLAIN_HINT_PLAINER_WORD);
  g_assert_cmpuint (hints->len, ==, 2);
  hint = g_ptr_array_index (hints, 0);
  g_assert_cmpstr (hint->words, ==, "Utilise");
  /* The case of the word written */
  g_assert_cmpstr (hint->suggestion, ==, "Use");
  g_assert_cmpuint (hint->start, ==, 0);
  g_assert_cmpuint (hint->end, ==, 7);
  g_assert_nonnull (strstr (hint->why, "“Use”"));
  hint = g_ptr_array_index (hints, 1);
  /* The longest phrase, not a word of it */
  g_assert_cmpstr (hint->words, ==, "in order to");
  g_assert_cmpstr (hint->suggestion, ==, "to");
  g_assert_cmpuint (hint->start, ==, 18);
  g_assert_cmpuint (hint->end, ==, 29);
  g_clear_pointer (&hints, g_ptr_array_unref);

  g_assert_cmpuint (count_hints ("Use the hoist to help me up.", PL_PLAIN_STANDARD,
                                 PL_PLAIN_HINT_PLAINER_WORD), ==, 0);
  /* A phrase is not found across a comma */
  g_assert_cmpuint (count_hints ("It was in order, to be fair.", PL_PLAIN_STANDARD,
                                 PL_PLAIN_HINT_PLAINER_WORD), ==, 0);

  /* Offsets are characters, not bytes: "café" and the curly quotes */
  hints = hints_of_kind ("At the café “we” assist you.", PL_PLAIN_STANDARD,
                         PL_PLAIN_HINT_PLAINER_WORD);
  g_assert_cmpuint (hints->len, ==, 1);
  hint = g_ptr_array_index (hints, 0);
  g_assert_cmpuint (hint->start, ==, 17);
  g_assert_cmpuint (hint->end, ==, 23);
  g_assert_cmpstr (hint->suggestion, ==, "help");

  g_assert_cmpstr (pl_plain_words_plainer ("Domiciliary   Care"), ==, "home care");
  g_assert_null (pl_plain_words_plainer ("tea"));
}

static void
test_acronyms (void)
{
  g_autoptr(GPtrArray) hints = NULL;
  const PlPlainHint *hint;

  hints = hints_of_kind ("The CQC checks the service. The CQC visits each year.",
                         PL_PLAIN_STANDARD, PL_PLAIN_HINT_ACRONYM);
  /* Once, where it is first used */
  g_assert_cmpuint (hints->len, ==, 1);
  hint = g_ptr_array_index (hints, 0);
  g_assert_cmpstr (hint->words, ==, "CQC");
  g_assert_cmpuint (hint->start, ==, 4);
  g_assert_cmpuint (hint->end, ==, 7);
  g_assert_nonnull (strstr (hint->why, "CQC"));
  g_clear_pointer (&hints, g_ptr_array_unref);

  /* Explained, either way round */
  g_assert_cmpuint (count_hints ("The Care Quality Commission (CQC) checks the service. "
                                 "The CQC visits each year.",
                                 PL_PLAIN_STANDARD, PL_PLAIN_HINT_ACRONYM), ==, 0);
  g_assert_cmpuint (count_hints ("The CQC (Care Quality Commission) checks the service.",
                                 PL_PLAIN_STANDARD, PL_PLAIN_HINT_ACRONYM), ==, 0);
  /* Known to everyone */
  g_assert_cmpuint (count_hints ("Your GP and the NHS.", PL_PLAIN_STANDARD,
                                 PL_PLAIN_HINT_ACRONYM), ==, 0);
  /* Words in capitals, as a heading is */
  g_assert_cmpuint (count_hints ("PLEASE DO NOT RING THE BELL.", PL_PLAIN_STANDARD,
                                 PL_PLAIN_HINT_ACRONYM), ==, 0);
  /* Explained only later: the first use still needs it */
  g_assert_cmpuint (count_hints ("Ask about DNACPR. Do Not Attempt Cardiopulmonary "
                                 "Resuscitation (DNACPR) is a form.",
                                 PL_PLAIN_STANDARD, PL_PLAIN_HINT_ACRONYM), ==, 1);
}

static void
test_figures (void)
{
  PlPlainFigures figures;
  g_autofree char *words = NULL;

  /* By hand: 2 sentences, 7 words (I, like, tea, Anna, helps, me, wash),
   * 8 syllables (An-na two). 206.835 - 1.015 * 7/2 - 84.6 * 8/7 = 106.597 */
  pl_plain_words_figures ("I like tea. Anna helps me wash.", &figures);
  g_assert_cmpuint (figures.n_sentences, ==, 2);
  g_assert_cmpuint (figures.n_words, ==, 7);
  g_assert_cmpuint (figures.n_syllables, ==, 8);
  g_assert_cmpfloat_with_epsilon (figures.reading_ease, 106.597, 0.001);
  words = pl_plain_words_describe_ease (&figures);
  g_assert_cmpstr (words, ==, "Easy to read (107)");
  g_clear_pointer (&words, g_free);

  /* By hand: 1 sentence, 8 words, 21 syllables (ac-com-mo-da-tion 5,
   * re-quire-ments 3, were 1, sub-se-quent-ly 4, e-val-u-at-ed 5, by the
   * team 3): 206.835 - 1.015 * 8 - 84.6 * 21/8 = -23.360 */
  pl_plain_words_figures ("Accommodation requirements were subsequently evaluated by the "
                          "team.", &figures);
  g_assert_cmpuint (figures.n_words, ==, 8);
  g_assert_cmpuint (figures.n_syllables, ==, 21);
  g_assert_cmpfloat_with_epsilon (figures.reading_ease, -23.360, 0.001);
  words = pl_plain_words_describe_ease (&figures);
  g_assert_cmpstr (words, ==, "Very hard to read (-23)");
  g_clear_pointer (&words, g_free);

  pl_plain_words_figures ("", &figures);
  g_assert_cmpuint (figures.n_words, ==, 0);
  words = pl_plain_words_describe_ease (&figures);
  g_assert_cmpstr (words, ==, "Nothing written yet");
}

/* The example person's plan, as data/demo/example.json ships it */
static void
test_example_plan (PlStoreFixture *f,
                   gconstpointer   data)
{
  g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(PlPlanContent) content = NULL;
  g_autoptr(GPtrArray) readings = NULL;
  const PlGuidanceReading *visits = NULL;
  const PlGuidanceReading *crisis = NULL;
  gint64 person = 0;

  g_assert_true (pl_demo_install (store, &person, &error));
  g_assert_no_error (error);
  plan = pl_store_current_plan (store, person, &error);
  g_assert_no_error (error);
  content = pl_plan_content_load (store, plan->id, &error);
  g_assert_no_error (error);

  readings = pl_guidance_reading (content);
  for (guint i = 0; i < readings->len; i++)
    {
      const PlGuidanceReading *reading = g_ptr_array_index (readings, i);

      g_test_message ("%s: %u sentences, %u words, %u syllables, %.1f", reading->anchor,
                      reading->figures.n_sentences, reading->figures.n_words,
                      reading->figures.n_syllables, reading->figures.reading_ease);
      if (g_str_equal (reading->anchor, "visits"))
        visits = reading;
      else if (g_str_equal (reading->anchor, "crisis"))
        crisis = reading;
    }
  /* Every section, outcomes, visits, medicines and risks */
  g_assert_cmpuint (readings->len, ==, 23);
  g_assert_cmpstr (((PlGuidanceReading *) g_ptr_array_index (readings, 0))->anchor, ==,
                   "most-important");
  g_assert_cmpstr (((PlGuidanceReading *) g_ptr_array_index (readings, 22))->anchor, ==, "risks");

  /* "In a crisis", counted by hand a sentence at a time: words 21, 27, 9,
   * 31, 13 and 16; syllables 29, 47, 20, 48, 14 and 23, phone numbers a
   * figure at a time as the voice says them ("999" three, "0161" four).
   * 206.835 - 1.015 * 117/6 - 84.6 * 181/117 = 56.166 */
  g_assert_nonnull (crisis);
  g_assert_cmpuint (crisis->figures.n_sentences, ==, 6);
  g_assert_cmpuint (crisis->figures.n_words, ==, 117);
  g_assert_cmpuint (crisis->figures.n_syllables, ==, 181);
  g_assert_cmpfloat_with_epsilon (crisis->figures.reading_ease, 56.166, 0.001);

  /* Visits: each purpose and list of tasks of the 15 visits; the figures
   * as first computed, so a change to the rules that moves them is seen */
  g_assert_nonnull (visits);
  g_assert_cmpuint (visits->figures.n_sentences, ==, 58);
  g_assert_cmpuint (visits->figures.n_words, ==, 515);
  g_assert_cmpuint (visits->figures.n_syllables, ==, 653);
  g_assert_cmpfloat_with_epsilon (visits->figures.reading_ease, 90.6, 0.05);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plainly/plain-words/syllables", test_syllables);
  g_test_add_func ("/plainly/plain-words/long-sentence", test_long_sentence);
  g_test_add_func ("/plainly/plain-words/many-ideas", test_many_ideas);
  g_test_add_func ("/plainly/plain-words/passive", test_passive);
  g_test_add_func ("/plainly/plain-words/plainer", test_plainer);
  g_test_add_func ("/plainly/plain-words/acronyms", test_acronyms);
  g_test_add_func ("/plainly/plain-words/figures", test_figures);
  PL_STORE_TEST_ADD ("/plainly/plain-words/example-plan", test_example_plan);

  return g_test_run ();
}
