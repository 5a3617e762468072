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
#include "pl-catalog.h"
#include "pl-document-example.h"
#include "pl-epub.h"
#include "pl-speech-private.h"
#include "pl-speech-say.h"
#include "pl-test-util.h"

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

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Before any catalogue is looked for: they are loaded once a process */
  dir = pl_test_make_dir ("plainly-language");
  if (pl_test_make_catalog (dir, "cy", welsh_po))
    {
      locale_dir = g_strdup (dir);
      g_setenv ("PLAINLY_LOCALEDIR", locale_dir, TRUE);
    }

  PL_DOC_TEST_ADD ("/document-language/person", test_person_language);
  PL_DOC_TEST_ADD ("/document-language/part", test_part_language);
  g_test_add_func ("/document-language/money", test_money_language);

  status = g_test_run ();
  pl_test_remove_dir (dir);
  g_free (locale_dir);
  return status;
}
