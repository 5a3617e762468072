/* test-document-language.c: a document's own words in its reader's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small Welsh catalogue is made with msgfmt in a folder of the test's
 * own, which PLAINLY_LOCALEDIR points at, as the build tree's po/ is for
 * uninstalled runs.
 */

#include "config.h"

#include "pl-access.h"
#include "pl-braille.h"
#include "pl-catalog.h"
#include "pl-document-example.h"
#include "pl-epub.h"
#include "pl-plan-translation.h"
#include "pl-speech-private.h"
#include "pl-speech-say.h"
#include "pl-test-util.h"

#include <pango/pangocairo.h>
#include <string.h>

static char *locale_dir;

static const char welsh_po[] =
  "msgid \"\"\n"
  "msgstr \"\"\n"
  "\"Project-Id-Version: plainly-test\\n\"\n"
  "\"PO-Revision-Date: 2026-12-02 12:00+0000\\n\"\n"
  "\"Last-Translator: Plainly tests\\n\"\n"
  "\"Language-Team: Welsh\\n\"\n"
  "\"Language: cy\\n\"\n"
  "\"MIME-Version: 1.0\\n\"\n"
  "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
  "\"Content-Transfer-Encoding: 8bit\\n\"\n"
  "\"Plural-Forms: nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : "
  "(n==3) ? 3 : (n==6) ? 4 : 5;\\n\"\n"
  "\n"
  "msgid \"My name\"\n"
  "msgstr \"Fy enw\"\n"
  "\n"
  "msgid \"Please call me\"\n"
  "msgstr \"Galwch fi’n\"\n"
  "\n"
  "msgid \"%1$s pound %2$s\"\n"
  "msgid_plural \"%1$s pounds %2$s\"\n"
  "msgstr[0] \"%1$s punt %2$s\"\n"
  "msgstr[1] \"%1$s bunt %2$s\"\n"
  "msgstr[2] \"%1$s bunt %2$s\"\n"
  "msgstr[3] \"%1$s phunt %2$s\"\n"
  "msgstr[4] \"%1$s phunt %2$s\"\n"
  "msgstr[5] \"%1$s punt %2$s\"\n";

/* Urdu, written right to left; the messages as po/ur.po has them */
static const char urdu_po[] =
  "msgid \"\"\n"
  "msgstr \"\"\n"
  "\"Language: ur\\n\"\n"
  "\"MIME-Version: 1.0\\n\"\n"
  "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
  "\"Content-Transfer-Encoding: 8bit\\n\"\n"
  "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n"
  "\n"
  "msgid \"%s, phone %s\"\n"
  "msgstr \"\u200f%s، فون %s\"\n"
  "\n"
  "msgid \"Phone: %s\"\n"
  "msgstr \"فون: %s\"\n"
  "\n"
  "msgid \"%s's care and support plan\"\n"
  "msgstr \"\u200f%s کا نگہداشت اور مدد کا منصوبہ\"\n"
  "\n"
  "msgid \"This plan is for %s, who likes to be called %s.\"\n"
  "msgstr \"یہ منصوبہ %s کے لیے ہے، جنہیں %s کہلوانا پسند ہے۔\"\n";

static void
set_language (PlStore    *store,
              gint64      person_id,
              const char *language)
{
  g_autoptr(PlPerson) person = pl_store_load_person (store, person_id, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (person);
  g_free (person->preferred_language);
  person->preferred_language = g_strdup (language);
  g_assert_true (pl_store_save_person (store, person, &error));
  g_assert_no_error (error);
}

/* A carer account for the example's daughter, who may see the plan */
static gint64
add_carer (PlStore *store,
           gint64   contact_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlCarer) carer = pl_carer_new ();
  g_autoptr(PlCarerLink) link = pl_carer_link_new ();

  carer->name = g_strdup ("Siân Llŷr");
  g_assert_true (pl_store_save_carer (store, carer, &error));
  g_assert_no_error (error);
  link->carer_id = carer->id;
  link->contact_id = contact_id;
  g_assert_true (pl_store_save_carer_link (store, link, &error));
  g_assert_no_error (error);
  return carer->id;
}

static PlDocument *
build (PlStore        *store,
       PlViewer       *viewer,
       PlDocumentKind  kind)
{
  g_autoptr(GError) error = NULL;
  PlDocument *document = pl_document_build_for (store, viewer, kind, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  /* Whoever built it has let go of the reader's language */
  g_assert_false (pl_catalog_has_thread_default ());
  return document;
}

static void
test_person_language (PlDocFixture  *f,
                      gconstpointer  data)
{
  PlDocIds ids;
  g_autoptr(PlViewer) person = NULL;
  g_autoptr(PlViewer) carer = NULL;
  g_autoptr(PlViewer) carer_reading = NULL;
  g_autoptr(GError) error = NULL;

  if (locale_dir == NULL)
    {
      g_test_skip ("msgfmt (package gettext) is not installed");
      return;
    }

  pl_doc_test_add_example (f, &ids);
  person = pl_access_open_person (f->store, ids.person, NULL, &error);
  g_assert_no_error (error);

  /* In English, the words as written */
  {
    g_autoptr(PlDocument) plan = build (f->store, person, PL_DOCUMENT_PLAN);

    g_assert_cmpstr (pl_doc_test_at_anchor (plan, "name")->label, ==, "My name");
    g_assert_cmpstr (pl_doc_test_at_anchor (plan, "preferred-name")->label, ==, "Please call me");
    /* Whose it is and its words' language travel with it */
    g_assert_cmpstr (pl_document_get_owner (plan), ==, TEXT_ACCENTS);
    g_assert_cmpstr (pl_document_get_language (plan), ==, "en-GB");
  }

  /* In Welsh: the document's own words are Welsh, what staff wrote is not
   * changed */
  set_language (f->store, ids.person, "cy-GB");
  {
    g_autoptr(PlDocument) plan = build (f->store, person, PL_DOCUMENT_PLAN);

    g_assert_cmpstr (pl_doc_test_at_anchor (plan, "name")->label, ==, "Fy enw");
    g_assert_cmpstr (pl_doc_test_at_anchor (plan, "preferred-name")->label, ==, "Galwch fi’n");
    g_assert_cmpstr (pl_doc_test_at_anchor (plan, "preferred-name")->text, ==, "Zoë");
    g_assert_cmpstr (pl_document_get_language (plan), ==, "cy-GB");

    /* So a talking book made from the document alone, as the read-aloud
     * bar makes it, names her and is in Welsh */
    {
      g_autoptr(PlEpubOptions) options = pl_epub_options_for_reader (NULL, NULL, plan);

      g_assert_cmpstr (options->person_name, ==, TEXT_ACCENTS);
      g_assert_cmpstr (options->language, ==, "cy-GB");
    }
  }

  /* Her daughter reads the words in the computer's language until carers
   * choose their own */
  carer = pl_access_open_carer (f->store, add_carer (f->store, ids.daughter), NULL, &error);
  g_assert_no_error (error);
  carer_reading = pl_viewer_for_person (f->store, carer, ids.person, &error);
  g_assert_no_error (error);
  {
    g_autoptr(PlDocument) plan = build (f->store, carer_reading, PL_DOCUMENT_PLAN);

    g_assert_cmpstr (pl_doc_test_at_anchor (plan, "name")->label, ==, "My name");
    g_assert_cmpstr (pl_document_get_owner (plan), ==, TEXT_ACCENTS);
    g_assert_null (pl_document_get_language (plan));
  }

  /* A language with no translation: English, not a failure */
  set_language (f->store, ids.person, "ro");
  {
    g_autoptr(PlDocument) plan = build (f->store, person, PL_DOCUMENT_PLAN);

    g_assert_cmpstr (pl_doc_test_at_anchor (plan, "name")->label, ==, "My name");
  }
}

/* A part staff wrote in another language than the person's is marked so,
 * and the voice reads it in that language, the rest in the person's */
static void
test_part_language (PlDocFixture  *f,
                    gconstpointer  data)
{
  PlDocIds ids;
  g_autoptr(PlViewer) person = NULL;
  g_autoptr(PlDocument) plan = NULL;
  g_autoptr(GPtrArray) utterances = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  PlPlanSection *section = NULL;
  const PlBlock *telecare;
  const PlBlock *life_story;
  int index;
  guint in_english = 0;
  guint in_welsh = 0;

  pl_doc_test_add_example (f, &ids);
  set_language (f->store, ids.person, "cy-GB");
  /* Telecare written again, in English for the alarm's engineers */
  sections = pl_store_list_plan_sections (f->store, ids.plan, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sections->len; i++)
    if (((PlPlanSection *) g_ptr_array_index (sections, i))->kind == PL_SECTION_TELECARE)
      section = g_ptr_array_index (sections, i);
  g_assert_nonnull (section);
  g_free (section->body);
  section->body = g_strdup ("The alarm is tested on the first Monday of the month.");
  section->language = g_strdup ("en-GB");
  g_assert_true (pl_store_save_plan_section (f->store, section, &error));
  g_assert_no_error (error);

  person = pl_access_open_person (f->store, ids.person, NULL, &error);
  g_assert_no_error (error);
  plan = build (f->store, person, PL_DOCUMENT_PLAN);
  g_assert_cmpstr (pl_document_get_language (plan), ==, "cy-GB");

  index = pl_document_find_anchor (plan, "telecare");
  g_assert_cmpint (index, >=, 0);
  /* The heading is Plainly's word, in the person's language; the words
   * under it are the part's */
  g_assert_null (pl_document_get_block (plan, index)->language);
  telecare = pl_document_get_block (plan, index + 1);
  g_assert_cmpstr (telecare->text, ==, "The alarm is tested on the first Monday of the month.");
  g_assert_cmpstr (telecare->language, ==, "en-GB");
  g_assert_cmpstr (pl_block_get_language (telecare, plan), ==, "en-GB");

  index = pl_document_find_anchor (plan, "life-story");
  g_assert_cmpint (index, >=, 0);
  life_story = pl_document_get_block (plan, index + 1);
  g_assert_null (life_story->language);
  g_assert_cmpstr (pl_block_get_language (life_story, plan), ==, "cy-GB");

  /* Said in the part's language, the rest in the voice's */
  utterances = pl_speech_build_utterances (plan, 0, 0, PL_SPEECH_TO_END, 0);
  for (guint i = 0; i < utterances->len; i++)
    {
      const PlSpeechUtterance *utterance = g_ptr_array_index (utterances, i);
      const PlBlock *block = pl_document_get_block (plan, utterance->block);

      g_assert_cmpstr (utterance->language, ==, block->language);
      if (g_strcmp0 (utterance->language, "en-GB") == 0)
        in_english++;
      else
        in_welsh++;
    }
  g_assert_cmpuint (in_english, ==, 1);
  g_assert_cmpuint (in_welsh, >, 10);

  /* The same in English, for a person whose language it is: no mark */
  set_language (f->store, ids.person, "en-GB");
  {
    g_autoptr(PlDocument) english = build (f->store, person, PL_DOCUMENT_PLAN);

    index = pl_document_find_anchor (english, "telecare");
    g_assert_null (pl_document_get_block (english, index + 1)->language);
  }
}

static void
choose_plan_language (PlStore    *store,
                      gint64      person_id,
                      const char *language)
{
  g_autoptr(PlSettings) settings = pl_store_get_settings (store, person_id, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (settings);
  settings->person_id = person_id;
  g_free (settings->plan_language);
  settings->plan_language = g_strdup (language);
  g_assert_true (pl_store_save_settings (store, settings, &error));
  g_assert_no_error (error);
}

/* Every text of the plan put into Welsh as "[cy] " and the text */
static GHashTable *
welsh_of (GPtrArray *texts)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < texts->len; i++)
    {
      const PlPlanText *text = g_ptr_array_index (texts, i);

      g_hash_table_insert (table, g_strdup (text->source),
                           g_strconcat ("[cy] ", text->source, NULL));
    }
  return table;
}

/* A plan kept in English and Welsh: staff are asked for every text the
 * plan shows, once each; the person reads it in the language they choose,
 * Plainly's own words in it too; a text changed later shows as written,
 * in its own language, with a notice */
static void
test_plan_translation (PlDocFixture  *f,
                       gconstpointer  data)
{
  PlDocIds ids;
  g_autoptr(PlViewer) person = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GHashTable) welsh = NULL;
  g_autoptr(GHashTable) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) languages = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(PlOutcome) outcome = NULL;
  gboolean has_outcome = FALSE, has_medicine_help = FALSE, has_about_me = FALSE;

  if (locale_dir == NULL)
    {
      g_test_skip ("msgfmt (package gettext) is not installed");
      return;
    }

  pl_doc_test_add_example (f, &ids);
  person = pl_access_open_person (f->store, ids.person, NULL, &error);
  g_assert_no_error (error);

  texts = pl_plan_translation_texts (f->store, ids.person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (texts->len, >, 10);
  for (guint i = 0; i < texts->len; i++)
    {
      const PlPlanText *text = g_ptr_array_index (texts, i);

      g_assert_false (pl_text_is_blank (text->source));
      g_assert_false (pl_text_is_blank (text->part));
      /* Each once */
      for (guint j = i + 1; j < texts->len; j++)
        g_assert_cmpstr (text->source, !=, ((PlPlanText *) g_ptr_array_index (texts, j))->source);
      /* Names of people are not asked for */
      g_assert_cmpstr (text->field, !=, "My name");
      has_about_me |= g_strcmp0 (text->part, "What is most important to me") == 0;
      has_outcome |= text->field == NULL && g_strcmp0 (text->part,
                                                       "What I want to achieve and how we "
                                                       "will know") == 0;
      has_medicine_help |= g_strcmp0 (text->field, "The help I get") == 0;
    }
  g_assert_true (has_about_me);
  g_assert_true (has_outcome);
  g_assert_true (has_medicine_help);

  /* Nothing chosen, nothing kept: as written */
  {
    g_autoptr(PlDocument) plan = build (f->store, person, PL_DOCUMENT_PLAN);

    g_assert_cmpstr (pl_document_get_language (plan), ==, "en-GB");
  }
  languages = pl_plan_translation_languages (f->store, ids.person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (languages), ==, 0);
  g_clear_pointer (&languages, g_strfreev);

  /* A bad language saves nothing */
  welsh = welsh_of (texts);
  g_assert_false (pl_plan_translation_save (f->store, ids.person, "not a tag!", welsh, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (pl_plan_translation_save (f->store, ids.person, "cy", welsh, &error));
  g_assert_no_error (error);
  languages = pl_plan_translation_languages (f->store, ids.person, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (languages, ((const char *[]) { "cy", NULL }));
  kept = pl_plan_translation_table (f->store, ids.person, "cy", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pl_plan_translation_count_done (texts, kept), ==, texts->len);
  /* Each kept with its history */
  {
    g_autoptr(GPtrArray) records = pl_store_list_plan_translations (f->store, ids.person, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (records->len, ==, texts->len);
    history = pl_store_list_history (f->store, &pl_plan_translation_type,
                                     ((PlPlanTranslation *) records->pdata[0])->id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (history->len, ==, 1);
  }

  /* Chosen: in Welsh throughout, headings and all */
  choose_plan_language (f->store, ids.person, "cy");
  {
    g_autoptr(PlDocument) plan = build (f->store, person, PL_DOCUMENT_PLAN);
    const PlBlock *name = pl_doc_test_at_anchor (plan, "name");
    int index;

    g_assert_cmpstr (pl_document_get_language (plan), ==, "cy");
    g_assert_cmpstr (name->label, ==, "Fy enw");
    g_assert_cmpint (pl_document_find_anchor (plan, "not-yet-translated"), <, 0);
    for (guint i = 0; i < pl_document_get_n_blocks (plan); i++)
      {
        const PlBlock *block = pl_document_get_block (plan, i);

        /* No part is marked as in another language */
        g_assert_null (block->language);
      }
    index = pl_document_find_anchor (plan, "most-important");
    g_assert_true (g_str_has_prefix (pl_document_get_block (plan, (guint) index + 1)->text,
                                     "[cy] "));
  }

  /* An outcome changed in English: shown as written, with a notice */
  outcome = pl_store_load_outcome (f->store, ids.outcome, &error);
  g_assert_no_error (error);
  g_free (outcome->outcome);
  outcome->outcome = g_strdup ("To walk to the shop on my own");
  g_assert_true (pl_store_save_outcome (f->store, outcome, &error));
  g_assert_no_error (error);
  {
    g_autoptr(PlDocument) plan = build (f->store, person, PL_DOCUMENT_PLAN);
    g_autofree char *anchor = g_strdup_printf ("outcome-%" G_GINT64_FORMAT, ids.outcome);

    g_assert_cmpint (pl_document_find_anchor (plan, "not-yet-translated"), ==, 1);
    g_assert_cmpstr (pl_doc_test_at_anchor (plan, anchor)->text, ==,
                     "To walk to the shop on my own");
  }
  {
    g_autoptr(GPtrArray) now = pl_plan_translation_texts (f->store, ids.person, &error);
    g_autoptr(GHashTable) table = pl_plan_translation_table (f->store, ids.person, "cy", &error);

    g_assert_cmpuint (pl_plan_translation_count_done (now, table), ==, now->len - 1);
  }

  /* A part left untranslated keeps its own language for the voice */
  {
    g_autoptr(GHashTable) less = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr(PlDocument) plan = NULL;
    const PlBlock *block;
    int index;

    for (guint i = 0; i < texts->len; i++)
      {
        const PlPlanText *text = g_ptr_array_index (texts, i);

        if (g_strcmp0 (text->part, "What is most important to me") == 0 && text->field == NULL)
          g_hash_table_insert (less, text->source, (gpointer) "");
      }
    g_assert_cmpuint (g_hash_table_size (less), ==, 1);
    g_assert_true (pl_plan_translation_save (f->store, ids.person, "cy", less, &error));
    g_assert_no_error (error);
    plan = build (f->store, person, PL_DOCUMENT_PLAN);
    index = pl_document_find_anchor (plan, "most-important");
    block = pl_document_get_block (plan, (guint) index + 1);
    g_assert_cmpstr (block->language, ==, "en-GB");
    g_assert_null (strstr (block->text, "[cy]"));
  }

  /* Choosing a language the plan is not kept in reads it as written */
  choose_plan_language (f->store, ids.person, "pl");
  {
    g_autoptr(PlDocument) plan = build (f->store, person, PL_DOCUMENT_PLAN);

    g_assert_cmpstr (pl_document_get_language (plan), ==, "en-GB");
    g_assert_cmpint (pl_document_find_anchor (plan, "not-yet-translated"), <, 0);
  }

  /* Deleting the person takes their translations with them */
  g_assert_true (pl_store_delete_person_all (f->store, ids.person, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) left = pl_store_list_plan_translations (f->store, ids.person, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (left->len, ==, 0);
  }
}

/* The voice says money in its own language */
static void
test_money_language (void)
{
  g_autoptr(PlSpeechSay) english = pl_speech_say_new ("£12.50", "en-gb");
  g_autoptr(PlSpeechSay) welsh = NULL;

  if (locale_dir == NULL)
    {
      g_test_skip ("msgfmt (package gettext) is not installed");
      return;
    }

  welsh = pl_speech_say_new ("£12.50", "cy");
  g_assert_cmpstr (english->text, ==, "12 pounds 50");
  g_assert_cmpstr (welsh->text, ==, "12 punt 50");
  g_assert_false (pl_catalog_has_thread_default ());
}

/* Where text starts (its first character's x), laid out as a paragraph */
static int
x_of (const char *text,
      const char *part)
{
  g_autoptr(GObject) context = (GObject *) pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(PangoLayout) layout = pango_layout_new (PANGO_CONTEXT (context));
  PangoRectangle at;

  pango_layout_set_text (layout, text, -1);
  g_assert_nonnull (strstr (text, part));
  pango_layout_index_to_pos (layout, (int) (strstr (text, part) - text), &at);
  return PANGO_PIXELS (MIN (at.x, at.x + at.width));
}

/* In Urdu, what staff typed goes into a sentence inside an isolate: a
 * phone number keeps its groups in order, a Latin name its direction.
 * Speech, braille and file names never see the isolates; English and
 * Welsh documents have none. */
static void
test_isolates (PlDocFixture  *f,
               gconstpointer  data)
{
  PlDocIds ids;
  g_autoptr(PlViewer) person = NULL;
  g_autoptr(PlDocument) plan = NULL;
  g_autoptr(PlDocument) welsh = NULL;
  g_autoptr(PlSpeechSay) said = NULL;
  g_autoptr(PlBrailleOptions) braille = pl_braille_options_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *file_title = NULL;
  g_autofree char *dots = NULL;
  g_autofree char *bare = NULL;
  const char *coordinator;

  if (locale_dir == NULL)
    {
      g_test_skip ("msgfmt (package gettext) is not installed");
      return;
    }

  pl_doc_test_add_example (f, &ids);
  person = pl_access_open_person (f->store, ids.person, NULL, &error);
  g_assert_no_error (error);
  set_language (f->store, ids.person, "ur");
  plan = build (f->store, person, PL_DOCUMENT_PLAN);

  coordinator = pl_doc_test_at_anchor (plan, "summary-coordinator")->text;
  g_assert_cmpstr (coordinator, ==,
                   "\u200f\u2068Sam Patel\u2069، فون \u206801632 960123\u2069");
  g_assert_cmpstr (pl_document_get_title (plan), ==,
                   "\u200f\u2068Zoë\u2069 کا نگہداشت اور مدد کا منصوبہ");
  g_assert_nonnull (strstr (pl_doc_test_at_anchor (plan, "summary-who")->text,
                            "\u2068" TEXT_ACCENTS "\u2069"));
  /* A contact's card, each line of it */
  {
    g_autofree char *text = pl_document_to_text (plan);

    g_assert_nonnull (strstr (text, "\u2068Siân Llŷr\u2069 (\u2068daughter\u2069)"));
    g_assert_nonnull (strstr (text, "فون: \u206807700 900123\u2069"));
  }

  /* On the screen: the number reads 01632 then 960123, left to right,
   * inside a line that starts at the right */
  g_assert_cmpint (x_of (coordinator, "01632"), <, x_of (coordinator, "960123"));
  bare = pl_catalog_strip_isolates (coordinator);
  g_assert_cmpint (x_of (bare, "01632"), >, x_of (bare, "960123"));
  g_assert_cmpint (x_of (coordinator, "Sam"), >, x_of (coordinator, "01632"));

  /* Heard and felt: no isolate reaches the voice or the braille */
  said = pl_speech_say_new (coordinator, "ur");
  g_assert_null (g_utf8_strchr (said->text, -1, 0x2068));
  g_assert_null (g_utf8_strchr (said->text, -1, 0x2069));
  g_assert_nonnull (strstr (said->text, "Sam Patel"));
  dots = pl_braille_translate (braille, "\u2068Sam\u2069", &error);
  g_assert_no_error (error);
  {
    g_autofree char *plain = pl_braille_translate (braille, "Sam", NULL);

    g_assert_cmpstr (dots, ==, plain);
  }
  /* Nor the name of a file */
  file_title = pl_document_dup_file_title (plan);
  g_assert_cmpstr (file_title, ==, "Zoë کا نگہداشت اور مدد کا منصوبہ");

  /* Left to right, nothing is added */
  set_language (f->store, ids.person, "cy-GB");
  welsh = build (f->store, person, PL_DOCUMENT_PLAN);
  for (guint i = 0; i < pl_document_get_n_blocks (welsh); i++)
    {
      const PlBlock *block = pl_document_get_block (welsh, i);

      g_assert_null (g_utf8_strchr (block->text, -1, 0x2068));
      g_assert_true (block->label == NULL || g_utf8_strchr (block->label, -1, 0x2068) == NULL);
    }
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Before any catalogue is looked for: they are loaded once a process */
  dir = pl_test_make_dir ("plainly-language");
  if (pl_test_make_catalog (dir, "cy", welsh_po) &&
      pl_test_make_catalog (dir, "ur", urdu_po))
    {
      locale_dir = g_strdup (dir);
      g_setenv ("PLAINLY_LOCALEDIR", locale_dir, TRUE);
    }

  PL_DOC_TEST_ADD ("/document-language/person", test_person_language);
  PL_DOC_TEST_ADD ("/document-language/part", test_part_language);
  PL_DOC_TEST_ADD ("/document-language/plan-translation", test_plan_translation);
  g_test_add_func ("/document-language/money", test_money_language);
  PL_DOC_TEST_ADD ("/document-language/isolates", test_isolates);

  status = g_test_run ();
  pl_test_remove_dir (dir);
  g_free (locale_dir);
  return status;
}
