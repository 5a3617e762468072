/* test-easyread.c: the symbols of easy read and the ideas they are chosen for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "pl-core-resources.h"
#include "pl-demo.h"
#include "pl-document-example.h"
#include "pl-easyread.h"
#include "pl-needs.h"
#include "pl-print-easyread.h"
#include "pl-store-test.h"
#include "pl-symbol-choice.h"
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


static PlSymbolChoice *
choice_new (gint64      service_id,
            gint64      person_id,
            const char *words,
            const char *symbol)
{
  PlSymbolChoice *choice = pl_symbol_choice_new ();

  choice->service_id = service_id;
  choice->person_id = person_id;
  choice->words = g_strdup (words);
  choice->symbol = g_strdup (symbol);
  return choice;
}

/* Staff's choices are kept per service and per person, with their history */
static void
test_choices_stored (PlDocFixture  *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 service = pl_doc_test_add_service (f->store);
  gint64 person = pl_doc_test_add_person (f->store, service, "Rose Adeyemi", "Rose");
  gint64 other = pl_doc_test_add_person (f->store, service, "Tom Reid", NULL);
  g_autoptr(PlSymbolChoice) for_service = choice_new (service, 0, "tea", "coffee");
  g_autoptr(PlSymbolChoice) for_rose = choice_new (0, person, "My Garden", "gardener_1b");
  g_autoptr(PlSymbolChoice) removed = choice_new (0, person, "shower", NULL);
  g_autoptr(PlSymbolChoice) again = choice_new (0, person, "my  garden", "house");
  g_autoptr(PlSymbolChoice) both = choice_new (service, person, "tea", "tea");
  g_autoptr(PlSymbolChoice) neither = choice_new (0, 0, "tea", "tea");
  g_autoptr(PlSymbolChoice) unknown = choice_new (0, person, "bingo", "not_a_symbol");
  g_autoptr(PlSymbolChoice) too_long = choice_new (0, person, "one two three four five", "tea");
  g_autoptr(PlSymbolChoice) no_words = choice_new (0, person, " , ", "tea");
  g_autoptr(PlSymbolChoice) loaded = NULL;
  g_autoptr(GPtrArray) rose = NULL;
  g_autoptr(GPtrArray) tom = NULL;
  g_autoptr(GPtrArray) history = NULL;
  PlSymbolChoice *refused[] = { again, both, neither, unknown, too_long, no_words };
  gboolean changed_symbol = FALSE;

  for_rose->description = g_strdup ("Rose in her allotment");
  g_assert_true (pl_symbol_choice_save (f->store, for_service, &error));
  g_assert_no_error (error);
  g_assert_true (pl_symbol_choice_save (f->store, for_rose, &error));
  g_assert_no_error (error);
  g_assert_true (pl_symbol_choice_save (f->store, removed, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (pl_symbol_choice_save (f->store, refused[i], &error));
      g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }

  /* The person's own first, then the service's; another person has only
   * the service's */
  rose = pl_symbol_choice_list_for_person (f->store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rose->len, ==, 3);
  g_assert_cmpstr (((PlSymbolChoice *) rose->pdata[0])->words, ==, "My Garden");
  g_assert_cmpstr (((PlSymbolChoice *) rose->pdata[0])->description, ==, "Rose in her allotment");
  g_assert_cmpstr (((PlSymbolChoice *) rose->pdata[1])->words, ==, "shower");
  g_assert_null (((PlSymbolChoice *) rose->pdata[1])->symbol);
  g_assert_cmpstr (((PlSymbolChoice *) rose->pdata[2])->symbol, ==, "coffee");
  tom = pl_symbol_choice_list_for_person (f->store, other, &error);
  g_assert_cmpuint (tom->len, ==, 1);

  /* A change is a new line of the history */
  g_free (for_rose->symbol);
  for_rose->symbol = g_strdup ("back_garden");
  g_assert_true (pl_symbol_choice_save (f->store, for_rose, &error));
  g_assert_no_error (error);
  loaded = pl_store_load_symbol_choice (f->store, for_rose->id, &error);
  g_assert_cmpstr (loaded->symbol, ==, "back_garden");
  history = pl_store_list_history (f->store, &pl_symbol_choice_type, for_rose->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      const PlHistory *h = history->pdata[i];

      if (g_strcmp0 (h->field, "symbol") == 0 && g_strcmp0 (h->old_value, "gardener_1b") == 0 &&
          g_strcmp0 (h->new_value, "back_garden") == 0)
        changed_symbol = TRUE;
    }
  g_assert_true (changed_symbol);

  /* Erasing the person erases their choices, not the service's */
  g_assert_true (pl_store_delete_person_all (f->store, person, &error));
  g_assert_no_error (error);
  g_clear_pointer (&tom, g_ptr_array_unref);
  tom = pl_symbol_choice_list_for_service (f->store, service, &error);
  g_assert_cmpuint (tom->len, ==, 1);
  g_clear_pointer (&loaded, pl_symbol_choice_free);
  loaded = pl_store_load_symbol_choice (f->store, for_rose->id, &error);
  g_assert_null (loaded);
  g_clear_error (&error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* A file of the version before easy read gains it, and keeps what it held */
static void
test_migrate (PlDocFixture  *f,
              gconstpointer  data)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlSettings) settings = NULL;
  g_autofree char *path = g_build_filename (f->dir, "old.db", NULL);
  const char *mine = "easy-read.sql";
  int before = 0;
  sqlite3 *db = NULL;

  names = g_resource_enumerate_children (pl_core_get_resource (),
                                         "/org/plainly/Plainly/core/schema/", 0, &error);
  g_assert_no_error (error);
  g_qsort_with_data (names, g_strv_length (names), sizeof (char *), compare_names, NULL);
  for (guint i = 0; names[i] != NULL && !g_str_has_suffix (names[i], mine); i++)
    {
      g_autofree char *name = g_strconcat ("/org/plainly/Plainly/core/schema/", names[i], NULL);
      g_autoptr(GBytes) schema = g_resource_lookup_data (pl_core_get_resource (), name, 0, &error);

      g_assert_no_error (error);
      g_string_append_len (sql, g_bytes_get_data (schema, NULL), (gssize) g_bytes_get_size (schema));
      g_string_append (sql, ";\n");
      before = atoi (names[i]);
    }
  g_assert_cmpint (before, >=, 6);
  g_string_append_printf (sql,
                          "INSERT INTO people (full_name, created_at, updated_at) "
                          "VALUES ('Ada Jones', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');\n"
                          "INSERT INTO settings (person_id, text_size, theme, line_spacing, "
                          "paragraph_spacing, letter_spacing, speech_rate, speech_pitch, "
                          "speech_volume, pause_ms, read_aloud, talking_buttons, lock_minutes) "
                          "VALUES (1, 32, 'cream', 2.0, 2.0, 0.0, 140, 50, 80, 400, 1, 0, 5);\n"
                          "PRAGMA application_id = %d; PRAGMA user_version = %d;",
                          0x506c6e79, before);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql->str, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  sqlite3_close (db);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  store = pl_store_test_open_ok (path);
  g_assert_cmpint (pl_store_get_schema_version (store), ==, PL_STORE_SCHEMA_VERSION);
  settings = pl_store_get_settings (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (settings->text_size, ==, 32);
  g_assert_false (settings->easy_read);
  g_assert_cmpint (settings->symbols, ==, PL_SYMBOLS_BESIDE);

  settings->easy_read = TRUE;
  settings->symbols = PL_SYMBOLS_ABOVE;
  g_assert_true (pl_store_save_settings (store, settings, &error));
  g_clear_pointer (&settings, pl_settings_free);
  settings = pl_store_get_settings (store, 1, &error);
  g_assert_true (settings->easy_read);
  g_assert_cmpint (settings->symbols, ==, PL_SYMBOLS_ABOVE);
}

/* The Accessible Information Standard's easy read need opens documents in
 * easy read from the start, and says so */
static void
test_needs (void)
{
  g_autoptr(GPtrArray) needs = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_comm_need_free);
  g_autoptr(GPtrArray) explained = NULL;
  g_autoptr(PlSettings) settings = NULL;
  g_autoptr(PlSettings) plain = pl_settings_new_default (1);
  PlCommNeed *need = pl_comm_need_new ();
  const PlNeedExplanation *explanation;

  g_assert_true (pl_need_lookup ("796161000000101")->easy_read);
  g_assert_false (pl_need_lookup ("957351000000102")->easy_read);
  g_assert_false (plain->easy_read);

  need->code = g_strdup ("796161000000101");
  g_ptr_array_add (needs, need);
  settings = pl_settings_for_needs (1, needs);
  g_assert_true (settings->easy_read);
  g_assert_cmpint (settings->symbols, ==, PL_SYMBOLS_BESIDE);

  explained = pl_needs_explain (needs);
  explanation = explained->pdata[0];
  g_assert_cmpuint (explanation->changes->len, ==, 1);
  g_assert_cmpstr (explanation->changes->pdata[0], ==, "Easy read, with a picture for each idea");
}

static void
test_split (void)
{
  g_autoptr(GPtrArray) lines = pl_easy_read_split ("I get up at 8.30 most days. Mr. Khan visits! "
                                                   "Is it time?  Yes\n\nTea e.g. with milk.");

  g_assert_cmpuint (lines->len, ==, 5);
  g_assert_cmpstr (lines->pdata[0], ==, "I get up at 8.30 most days.");
  g_assert_cmpstr (lines->pdata[1], ==, "Mr. Khan visits!");
  g_assert_cmpstr (lines->pdata[2], ==, "Is it time?");
  g_assert_cmpstr (lines->pdata[3], ==, "Yes");
  g_assert_cmpstr (lines->pdata[4], ==, "Tea e.g. with milk.");
}

/* The plan in easy read: staff's easy read of a part in place of its words,
 * the part's own words with pictures where there is none, and the
 * person's chosen pictures */
static void
test_document (PlDocFixture  *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlViewer) viewer = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(PlSymbolChoice) choice = NULL;
  PlDocIds ids = { 0 };
  const PlEasyReadItem *written = NULL;
  gboolean saw_please_do = FALSE, saw_most_important = FALSE, saw_chosen = FALSE;

  pl_doc_test_add_example (f, &ids);
  sections = pl_store_list_plan_sections (f->store, ids.plan, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sections->len; i++)
    {
      PlPlanSection *section = sections->pdata[i];

      if (section->kind != PL_SECTION_PLEASE_DO)
        continue;
      section->easy_read = g_strdup ("Please knock on my door. Please make me a cup of tea.");
      g_assert_true (pl_store_save_plan_section (f->store, section, &error));
      g_assert_no_error (error);
    }
  choice = choice_new (0, ids.person, "breakfast", "sandwich");
  choice->description = g_strdup ("Her blue mug");
  g_assert_true (pl_symbol_choice_save (f->store, choice, &error));

  viewer = pl_access_open_person (f->store, ids.person, NULL, &error);
  g_assert_no_error (error);
  document = pl_document_build_for (f->store, viewer, PL_DOCUMENT_PLAN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pl_document_get_symbol_choices (document)->len, ==, 1);
  items = pl_easy_read_items (document, pl_symbol_index_get_default ());
  g_assert_cmpuint (items->len, >, 10);

  for (guint i = 0; i < items->len; i++)
    {
      const PlEasyReadItem *item = items->pdata[i];
      const char *anchor = item->block->anchor;

      g_assert_cmpuint (item->lines->len, >=, 1);
      if (item->written)
        written = item;
      /* The part's own words are not shown beside staff's easy read */
      if (written != NULL && item != written && !item->written &&
          item->block->kind != PL_BLOCK_HEADING)
        g_assert_false (g_str_has_prefix (anchor, "please-do-") &&
                        g_ascii_isdigit (anchor[strlen ("please-do-")]));
      if (g_strcmp0 (anchor, "please-do") == 0)
        saw_please_do = TRUE;
      if (g_str_has_prefix (anchor, "most-important") && item->block->kind != PL_BLOCK_HEADING)
        saw_most_important = TRUE;
      for (guint j = 0; j < item->lines->len; j++)
        {
          const PlEasyReadLine *line = item->lines->pdata[j];

          if (line->match != NULL && line->match->kind == PL_SYMBOL_MATCH_CHOSEN)
            saw_chosen = TRUE;
        }
    }
  g_assert_true (saw_please_do);
  g_assert_true (saw_most_important);
  g_assert_nonnull (written);
  g_assert_cmpstr (written->block->anchor, ==, "please-do");
  g_assert_cmpuint (written->lines->len, ==, 2);
  g_assert_cmpstr (((PlEasyReadLine *) written->lines->pdata[0])->text, ==, "Please knock on my door.");
  g_assert_cmpstr (((PlEasyReadLine *) written->lines->pdata[0])->match->symbol, ==, "knock_,_to");
  /* "cup of tea" is the index's phrase, as staff chose nothing for it */
  g_assert_cmpstr (((PlEasyReadLine *) written->lines->pdata[1])->match->symbol, ==, "tea");
  g_assert_true (saw_chosen);
}

/* Easy read on paper: a PDF, pictures kept with their words, on any page */
static void
test_pdf (PlDocFixture  *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(PlPrintOptions) options = pl_print_options_new ();
  PlDocIds ids = { 0 };
  const PlSymbolPlace places[] = { PL_SYMBOLS_BESIDE, PL_SYMBOLS_LARGER, PL_SYMBOLS_ABOVE,
                                   PL_SYMBOLS_NONE };
  gsize sizes[G_N_ELEMENTS (places)];

  pl_doc_test_add_example (f, &ids);
  document = pl_document_build_plan (f->store, ids.person, &error);
  g_assert_no_error (error);
  /* A small page: rows begin new pages often */
  options->page_height = 400;
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/easy-read-%u.pdf", f->dir, i);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (pl_print_save_easy_read_pdf (document, options, places[i], path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      sizes[i] = length;
    }

  /* The pictures are drawn in it, unless there are none */
  g_assert_cmpuint (sizes[PL_SYMBOLS_NONE] * 2, <, sizes[PL_SYMBOLS_BESIDE]);

  /* Never over a folder */
  g_assert_false (pl_print_save_easy_read_pdf (document, options, PL_SYMBOLS_BESIDE, f->dir, &error));
  g_assert_nonnull (error);
}

/* Whether any pixel of the page in a column strip is dark */
static gboolean
has_ink (GdkPixbuf *page,
         int        x0,
         int        x1,
         int        y0,
         int        y1)
{
  int stride = gdk_pixbuf_get_rowstride (page);
  int channels = gdk_pixbuf_get_n_channels (page);
  const guchar *pixels = gdk_pixbuf_read_pixels (page);

  for (int y = y0; y < y1 && y < gdk_pixbuf_get_height (page); y++)
    for (int x = x0; x < x1 && x < gdk_pixbuf_get_width (page); x++)
      {
        const guchar *p = pixels + y * stride + x * channels;

        if (p[0] + p[1] + p[2] < 300)
          return TRUE;
      }
  return FALSE;
}

/* The first page of an easy read PDF, drawn at 1 pixel a point */
static GdkPixbuf *
easy_read_page (PlDocument *document,
                const char *dir,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPrintOptions) options = pl_print_options_new ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *stem = g_strconcat (path, "-page", NULL);
  g_autofree char *png = g_strconcat (stem, ".png", NULL);
  const char *argv[] = { "pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", "-singlefile",
                         path, stem, NULL };
  int status = 0;
  GdkPixbuf *page;

  g_assert_true (pl_print_save_easy_read_pdf (document, options, PL_SYMBOLS_BESIDE, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  page = gdk_pixbuf_new_from_file (png, &error);
  g_assert_no_error (error);
  return page;
}

/* In Urdu the picture is on the right and the words read from beside it:
 * the column where English has its pictures is empty */
static void
test_pdf_right_to_left (PlDocFixture  *f,
                        gconstpointer  data)
{
  g_autoptr(PlDocument) urdu = pl_document_new ("چائے");
  g_autoptr(PlDocument) english = pl_document_new ("Tea");
  g_autoptr(GdkPixbuf) right = NULL;
  g_autoptr(GdkPixbuf) left = NULL;
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  /* The picture column: 56 pt margins, pictures three times 24 pt */
  const int margin = 56, picture = 72;
  int width;

  if (pdftoppm == NULL)
    {
      g_test_skip ("pdftoppm (poppler-utils) is not installed");
      return;
    }

  pl_document_set_language (urdu, "ur");
  pl_document_add (urdu, PL_BLOCK_PARAGRAPH, 0, NULL, NULL, "میں tea پیتی ہوں۔");
  pl_document_add (english, PL_BLOCK_PARAGRAPH, 0, NULL, NULL, "I drink tea.");

  right = easy_read_page (urdu, f->dir, "urdu.pdf");
  left = easy_read_page (english, f->dir, "english.pdf");
  width = gdk_pixbuf_get_width (right);

  g_assert_true (has_ink (left, margin, margin + picture, margin, margin + picture));
  g_assert_false (has_ink (left, width - margin - picture, width - margin, margin, margin + picture));
  g_assert_true (has_ink (right, width - margin - picture, width - margin, margin, margin + picture));
  g_assert_false (has_ink (right, margin, margin + picture, margin, margin + picture));
}

/* What staff wrote in easy read with the person stands for the part's own
 * words only: Jordan's crisis part in easy read still gives the number to
 * ring, and his way of communicating still lists his recorded needs */
static void
test_written_keeps_the_rest (PlDocFixture  *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) jordan = NULL;
  g_autoptr(PlViewer) viewer = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const char *written_in[] = { "most-important", "how-i-communicate", "crisis" };
  guint n_written = 0, n_needs = 0, n_crisis_contacts = 0;
  gboolean saw_own_words = FALSE;
  gint64 dot = 0;

  g_assert_true (pl_demo_install (f->store, &dot, &error));
  g_assert_no_error (error);
  jordan = pl_store_find_person_by_external_id (f->store, "DEMO-0003", &error);
  g_assert_no_error (error);
  g_assert_nonnull (jordan);
  viewer = pl_access_open_person (f->store, jordan->id, NULL, &error);
  g_assert_no_error (error);
  document = pl_document_build_for (f->store, viewer, PL_DOCUMENT_PLAN, &error);
  g_assert_no_error (error);
  items = pl_easy_read_items (document, pl_symbol_index_get_default ());

  for (guint i = 0; i < items->len; i++)
    {
      const PlEasyReadItem *item = items->pdata[i];
      const char *anchor = item->block->anchor != NULL ? item->block->anchor : "";

      if (item->written)
        {
          g_assert_cmpuint (n_written, <, G_N_ELEMENTS (written_in));
          g_assert_cmpstr (anchor, ==, written_in[n_written]);
          n_written++;
          continue;
        }
      if (g_str_has_prefix (anchor, "need-"))
        n_needs++;
      if (g_str_has_prefix (anchor, "crisis-contact-"))
        n_crisis_contacts++;
      /* The words the easy read stands for are not shown beside it */
      for (guint j = 0; j < item->lines->len; j++)
        saw_own_words |= strstr (((PlEasyReadLine *) item->lines->pdata[j])->text,
                                 "Move hard things away") != NULL;
    }
  g_assert_cmpuint (n_written, ==, G_N_ELEMENTS (written_in));
  g_assert_cmpuint (n_needs, ==, 3);
  g_assert_cmpuint (n_crisis_contacts, ==, 1);
  g_assert_false (saw_own_words);
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
  g_test_add_func ("/plainly/easyread/needs", test_needs);
  g_test_add_func ("/plainly/easyread/split", test_split);
  PL_DOC_TEST_ADD ("/plainly/easyread/written-keeps-the-rest", test_written_keeps_the_rest);
  PL_DOC_TEST_ADD ("/plainly/easyread/choices-stored", test_choices_stored);
  PL_DOC_TEST_ADD ("/plainly/easyread/migrate", test_migrate);
  PL_DOC_TEST_ADD ("/plainly/easyread/document", test_document);
  PL_DOC_TEST_ADD ("/plainly/easyread/pdf", test_pdf);
  PL_DOC_TEST_ADD ("/plainly/easyread/pdf-right-to-left", test_pdf_right_to_left);

  return g_test_run ();
}
