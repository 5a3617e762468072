/* test-speech-say.c: phone numbers, references and money said as people say them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-document.h"
#include "pl-speech.h"
#include "pl-speech-say.h"

#include <string.h>

#define CHARS(s) "<say-as interpret-as=\"characters\">" s "</say-as>"

typedef struct
{
  const char *written;
  const char *said;       /* NULL: as written */
} Case;

static void
check_map (const char        *written,
           const PlSpeechSay *say)
{
  glong n_written = g_utf8_strlen (written, -1);
  glong n_said = g_utf8_strlen (say->text, -1);
  guint last = 0;

  /* One entry a character said, and the end */
  g_assert_cmpint (say->map->len, ==, n_said + 1);
  g_assert_cmpuint (g_array_index (say->map, guint, say->map->len - 1), ==, n_written);
  for (guint i = 0; i < say->map->len; i++)
    {
      guint source = g_array_index (say->map, guint, i);

      g_assert_cmpuint (source, <=, (guint) n_written);
      g_assert_cmpuint (source, >=, last);
      last = source;
    }
}

static void
check_cases (const Case *cases,
             guint       n_cases,
             const char *language)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(PlSpeechSay) say = pl_speech_say_new (cases[i].written, language);
      const char *expected = cases[i].said != NULL ? cases[i].said : cases[i].written;

      if (g_strcmp0 (say->text, expected) != 0)
        g_error ("“%s” is said as “%s”, not “%s”", cases[i].written, say->text, expected);
      g_assert_true (say->ssml == (strstr (expected, "<say-as") != NULL));
      check_map (cases[i].written, say);
    }
}

static void
test_say_figures (void)
{
  const Case cases[] = {
    /* Phone numbers: landline, mobile, with the country */
    { "Call 0161 496 0512 today.",
      "Call " CHARS ("0161") ", " CHARS ("496") ", " CHARS ("0512") " today." },
    { "Mobile 07700 900123", "Mobile " CHARS ("07700") ", " CHARS ("900123") },
    { "Ring 07700900123.", "Ring " CHARS ("07700900123") "." },
    { "From abroad +44 161 496 0512",
      "From abroad +" CHARS ("44") ", " CHARS ("161") ", " CHARS ("496") ", " CHARS ("0512") },
    /* NHS number, National Insurance number, sort code, postcode */
    { "NHS number 485 777 3456.",
      "NHS number " CHARS ("485") ", " CHARS ("777") ", " CHARS ("3456") "." },
    { "Insurance AB123456C", "Insurance " CHARS ("AB123456C") },
    { "Insurance AB 12 34 56 C",
      "Insurance " CHARS ("AB") ", " CHARS ("12") ", " CHARS ("34") ", " CHARS ("56") ", " CHARS ("C") },
    { "Sort code 12-34-56", "Sort code " CHARS ("12") ", " CHARS ("34") ", " CHARS ("56") },
    { "We are at LS1 4AB.", "We are at " CHARS ("LS1") ", " CHARS ("4AB") "." },
    /* Urdu's digits are read, not dropped */
    { "فون ۰۱۶۱ ۴۹۶ ۰۵۱۲",
      "فون " CHARS ("0161") ", " CHARS ("496") ", " CHARS ("0512") },
    /* SSML's own characters are escaped once SSML is used */
    { "Tom & Jo <3 call 0161 496 0512",
      "Tom &amp; Jo &lt;3 call " CHARS ("0161") ", " CHARS ("496") ", " CHARS ("0512") },
    /* Numbers that are amounts stay numbers */
    { "In 2026 we met 12 times.", NULL },
    { "Population 12 500 000 people", NULL },
    { "Take 5mg at 10am on the 2nd.", NULL },
    { "Room 101, Flat 3, 12 High Street", NULL },
    { "Call NHS 111 at any time.", NULL },
    { "Written 2026-12-02 and 02-12-2026", NULL },
    { "It rose 25 %", NULL },
    { "M62 and A1", NULL },
    { "Tom & Jo", NULL },
    { "", NULL },
  };

  check_cases (cases, G_N_ELEMENTS (cases), "en-gb");
}

static void
test_say_money (void)
{
  const Case cases[] = {
    { "It costs £12.50 a week.", "It costs 12 pounds 50 a week." },
    { "Just £1.", "Just 1 pound." },
    { "Only £0.75", "Only 75 pence" },
    { "£0.01 each", "1 penny each" },
    { "A bill of £1,250.00", "A bill of 1,250 pounds" },
    { "£3.05", "3 pounds 5" },
    /* Not pounds and pence: read as written */
    { "About £1.5 million", NULL },
    { "£", NULL },
    { "£.50", NULL },
  };

  check_cases (cases, G_N_ELEMENTS (cases), "en-gb");
}

static void
test_say_language (void)
{
  /* Shahmukhi Panjabi goes to the Urdu voice; Gurmukhi stays Panjabi */
  g_assert_cmpstr (pl_speech_say_language ("ਸਤ ਸ੍ਰੀ ਅਕਾਲ", "pa"), ==, "pa");
  g_assert_cmpstr (pl_speech_say_language ("ست سری اکال", "pa"), ==, "ur");
  g_assert_cmpstr (pl_speech_say_language ("ست سری اکال", "pa-PK"), ==, "ur");
  g_assert_cmpstr (pl_speech_say_language ("ست سری اکال", "ur"), ==, "ur");
  g_assert_cmpstr (pl_speech_say_language ("Hello", "pl"), ==, "pl");
  /* "pap" is not Panjabi */
  g_assert_cmpstr (pl_speech_say_language ("ست سری اکال", "pap"), ==, "pap");
  g_assert_null (pl_speech_say_language ("Hello", NULL));
}

static GArray *
render (PlSpeech   *speech,
        const char *text,
        GPtrArray **words)
{
  g_autoptr(PlDocument) document = pl_document_new ("Test");
  g_autoptr(GError) error = NULL;
  GArray *pcm;

  pl_document_add (document, PL_BLOCK_PARAGRAPH, 1, NULL, NULL, text);
  pcm = pl_speech_render (speech, document, 0, PL_SPEECH_TO_END, words, NULL, &error);
  g_assert_no_error (error);
  return pcm;
}

/* Heard, not only rewritten: an NHS number takes as long as its figures
 * said one by one (as a number, "three thousand four hundred and fifty-six"
 * takes far longer), and each group has its own moment for the highlight */
static void
test_say_heard (void)
{
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GArray) written = render (speech, "Number 485 777 3456 is yours.", &words);
  g_autoptr(GArray) figures = render (speech, "Number 4 8 5, 7 7 7, 3 4 5 6 is yours.", NULL);
  g_autoptr(GArray) urdu = NULL;
  g_autoptr(GArray) urdu_ascii = NULL;
  double ratio = (double) written->len / (double) figures->len;
  guint64 last = 0;

  g_test_message ("as written %u samples, as figures %u: %.2f", written->len, figures->len, ratio);
  g_assert_cmpfloat (ratio, >, 0.85);
  g_assert_cmpfloat (ratio, <, 1.15);

  g_assert_cmpuint (words->len, ==, 6);
  for (guint i = 0; i < words->len; i++)
    {
      const PlSpeechWord *word = g_ptr_array_index (words, i);

      if (i > 0)
        g_assert_cmpuint (word->sample, >, last);
      last = word->sample;
    }
  /* "is" comes after the last group has been said */
  g_assert_cmpuint (((const PlSpeechWord *) g_ptr_array_index (words, 4))->sample, >,
                    written->len / 2);

  /* Urdu's own digits are heard */
  pl_speech_set_language (speech, "ur");
  urdu = render (speech, "۴۸۵ ۷۷۷ ۳۴۵۶", NULL);
  urdu_ascii = render (speech, "485 777 3456", NULL);
  g_test_message ("Urdu digits %u samples, the same in ASCII %u", urdu->len, urdu_ascii->len);
  /* espeak-ng's lengths vary by a few samples from call to call */
  g_assert_cmpfloat ((double) urdu->len / (double) urdu_ascii->len, >, 0.95);
  g_assert_cmpfloat ((double) urdu->len / (double) urdu_ascii->len, <, 1.05);
}

/* An accent typed as a separate mark reaches every presenter composed, so
 * the voice reads "café" as it reads it typed the usual way */
static void
test_say_composed (void)
{
  const char *decomposed = "Caf" "e\xcc\x81" " in Bore" "e\xcc\x88" "n, Zo" "e\xcc\x88" ".";
  const char *composed = "Caf\xc3\xa9 in Bore\xc3\xabn, Zo\xc3\xab.";
  g_autoptr(PlDocument) document = pl_document_new ("Test");
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(GArray) heard_decomposed = NULL;
  g_autoptr(GArray) heard_composed = NULL;
  const PlBlock *block;

  g_assert_cmpstr (decomposed, !=, composed);
  block = pl_document_add (document, PL_BLOCK_FIELD, 1, NULL, "Zo" "e\xcc\x88", decomposed);
  g_assert_cmpstr (block->text, ==, composed);
  g_assert_cmpstr (block->label, ==, "Zo\xc3\xab");

  heard_decomposed = render (speech, decomposed, NULL);
  heard_composed = render (speech, composed, NULL);
  g_assert_cmpfloat ((double) heard_decomposed->len / (double) heard_composed->len, >, 0.95);
  g_assert_cmpfloat ((double) heard_decomposed->len / (double) heard_composed->len, <, 1.05);
}

/* The languages of po/LINGUAS */
static GStrv
translated_languages (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "LINGUAS", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GStrvBuilder) languages = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit_set (text, "\n ", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0' && lines[i][0] != '#')
      g_strv_builder_add (languages, lines[i]);
  return g_strv_builder_end (languages);
}

/* In every language Plainly is translated into, with the catalogues as
 * built: phone numbers in groups of figures, money in the language's own
 * words, and an NHS number heard figure by figure in the language's voice */
static void
test_say_every_language (void)
{
  g_auto(GStrv) languages = translated_languages ();
  g_autoptr(PlSpeech) speech = pl_speech_new ();

  if (g_getenv ("PLAINLY_LOCALEDIR") == NULL)
    {
      g_test_skip ("the translations are not built (po/ in the build folder)");
      return;
    }

  g_assert_cmpuint (g_strv_length (languages), >=, 5);
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autoptr(PlSpeechSay) phone = pl_speech_say_new ("0161 496 0512", languages[i]);
      g_autoptr(PlSpeechSay) money = pl_speech_say_new ("£12.50", languages[i]);
      g_autoptr(GArray) written = NULL;
      g_autoptr(GArray) figures = NULL;
      double ratio;

      g_test_message ("%s: “%s”, “%s”", languages[i], phone->text, money->text);
      g_assert_cmpstr (phone->text, ==, CHARS ("0161") ", " CHARS ("496") ", " CHARS ("0512"));
      /* Pounds and pence in the language's words, the figures kept */
      g_assert_cmpstr (money->text, !=, "12 pounds 50");
      g_assert_nonnull (strstr (money->text, "12"));
      g_assert_nonnull (strstr (money->text, "50"));

      pl_speech_set_language (speech, languages[i]);
      written = render (speech, "485 777 3456", NULL);
      figures = render (speech, "4 8 5, 7 7 7, 3 4 5 6", NULL);
      ratio = (double) written->len / (double) figures->len;
      g_test_message ("%s: as written %u samples, as figures %u: %.2f",
                      languages[i], written->len, figures->len, ratio);
      g_assert_cmpfloat (ratio, >, 0.8);
      g_assert_cmpfloat (ratio, <, 1.2);
    }
}

int
main (int argc, char **argv)
{
  g_autofree char *po = NULL;
  g_autofree char *polish = NULL;

  g_test_init (&argc, &argv, NULL);

  /* The catalogues as built, before any is looked for */
  po = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  polish = g_build_filename (po, "pl", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (g_getenv ("PLAINLY_LOCALEDIR") == NULL && g_file_test (polish, G_FILE_TEST_EXISTS))
    g_setenv ("PLAINLY_LOCALEDIR", po, TRUE);

  g_test_add_func ("/speech-say/figures", test_say_figures);
  g_test_add_func ("/speech-say/money", test_say_money);
  g_test_add_func ("/speech-say/language", test_say_language);
  g_test_add_func ("/speech-say/heard", test_say_heard);
  g_test_add_func ("/speech-say/composed", test_say_composed);
  g_test_add_func ("/speech-say/every-language", test_say_every_language);

  return g_test_run ();
}
