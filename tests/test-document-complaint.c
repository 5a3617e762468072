/* test-document-complaint.c: the builder of the complaint guide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-document-example.h"

/* Complaints */

static void
test_complaint (PlDocFixture  *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  const char * const questions[] = {
    "What happened?", "When did it happen?", "Who was involved?", "What would put it right?",
    "How would you like to hear back?", "Did anyone help you with this?",
  };
  const char * const answers[] = {
    "Nobody came on Tuesday evening.", "Tuesday 10 November 2026", "The evening care worker",
    "A phone call if someone is going to be late.", "A letter in large print", TEXT_WELSH,
  };
  guint start, end, n_questions = 0;
  int first_event, second_event;
  PlDocIds ids = { 0 };

  pl_doc_test_add_example (f, &ids);
  ids.complaint = pl_doc_test_add_complaint (f->store, ids.person);
  document = pl_document_build_complaint (f->store, ids.person, 0, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (pl_document_get_title (document), ==, "Zoë's complaint");
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "reference")->text, ==, "BW-2026-014");
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "status")->text, ==, "Acknowledged");
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "response-due")->text, ==, "Tuesday 8 December 2026");

  /* The questions, in order, with the answers given */
  start = (guint) pl_document_find_anchor (document, "questions");
  end = pl_doc_test_part_end (document, start);
  for (guint i = start + 1; i < end; i++)
    {
      const PlBlock *block = pl_document_get_block (document, i);

      g_assert_cmpint (block->kind, ==, PL_BLOCK_QUESTION);
      g_assert_cmpuint (n_questions, <, G_N_ELEMENTS (questions));
      g_assert_cmpstr (block->label, ==, questions[n_questions]);
      g_assert_cmpstr (block->text, ==, answers[n_questions]);
      n_questions++;
    }
  g_assert_cmpuint (n_questions, ==, G_N_ELEMENTS (questions));

  /* The timeline, oldest first, whatever order it was saved in */
  first_event = pl_doc_test_find_text (document, PL_BLOCK_FIELD, "Received\nWe have your complaint.\nBy Sam Patel");
  second_event = pl_doc_test_find_text (document, PL_BLOCK_FIELD,
                            "Acknowledged\nSam rang to say sorry and to talk it through.\nBy Sam Patel");
  g_assert_cmpint (first_event, >, pl_document_find_anchor (document, "timeline"));
  g_assert_cmpint (first_event, <, second_event);
  g_assert_cmpstr (pl_document_get_block (document, (guint) first_event)->label, ==,
                   "Wednesday 11 November 2026");

  /* NG21 1.4.5-1.4.6: service, council, Ombudsman */
  start = (guint) pl_document_find_anchor (document, "escalate");
  end = pl_doc_test_part_end (document, start);
  g_assert_cmpint (pl_document_find_anchor (document, "escalate-service"), <, (int) end);
  g_assert_cmpint (pl_document_find_anchor (document, "escalate-commissioner"), <, (int) end);
  g_assert_cmpint (pl_document_find_anchor (document, "escalate-ombudsman"), <, (int) end);
  g_assert_cmpint (pl_document_find_anchor (document, "escalate-service"), <,
                   pl_document_find_anchor (document, "escalate-commissioner"));
  g_assert_cmpint (pl_document_find_anchor (document, "escalate-commissioner"), <,
                   pl_document_find_anchor (document, "escalate-ombudsman"));
  for (guint i = start; i < end; i++)
    {
      const PlBlock *block = pl_document_get_block (document, i);

      /* Nothing about danger is mixed into the complaint's route */
      g_assert_cmpint (block->kind, !=, PL_BLOCK_NOTICE);
      g_assert_null (strstr (block->text, "abuse"));
      g_assert_null (strstr (block->text, "999"));
    }

  /* NG21 1.6.1: danger and abuse under their own heading, as a notice */
  g_assert_cmpint (pl_document_find_anchor (document, "danger"), ==, (int) end);
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "danger")->text, ==, "If you are in danger or worried about abuse");
  g_assert_cmpint (pl_doc_test_at_anchor (document, "danger-notice")->kind, ==, PL_BLOCK_NOTICE);
  g_assert_nonnull (strstr (pl_doc_test_at_anchor (document, "danger-notice")->text, "999"));
  g_assert_null (strstr (pl_doc_test_at_anchor (document, "danger-notice")->text, "Ombudsman"));
  start = end;
  end = pl_doc_test_part_end (document, start);
  g_assert_nonnull (pl_doc_test_find_labelled (document, start, end, PL_BLOCK_CONTACT, "Safeguarding contact"));
  g_assert_null (pl_doc_test_find_labelled (document, start, end, PL_BLOCK_CONTACT, "Ombudsman"));
  /* …and reachable from the top */
  g_assert_cmpint (pl_document_get_block (document, 1)->kind, ==, PL_BLOCK_LINK);
  g_assert_cmpstr (pl_document_get_block (document, 1)->target, ==, "danger");

  pl_doc_test_assert_anchors_unique (document);
}

static void
test_complaint_choice (PlDocFixture  *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) latest = NULL;
  g_autoptr(PlDocument) first = NULL;
  g_autoptr(PlDocument) other = NULL;
  g_autoptr(PlComplaint) compliment = pl_complaint_new ();
  gint64 other_person;
  PlDocIds ids = { 0 };

  pl_doc_test_add_example (f, &ids);
  ids.complaint = pl_doc_test_add_complaint (f->store, ids.person);

  compliment->person_id = ids.person;
  compliment->kind = PL_FEEDBACK_COMPLIMENT;
  compliment->status = PL_COMPLAINT_RECEIVED;
  compliment->what_happened = g_strdup ("Ana made my birthday special. " TEXT_EMOJI);
  compliment->created_at = g_strdup ("2099-01-01T00:00:00Z");
  g_assert_true (pl_store_save_complaint (f->store, compliment, &error));
  g_assert_no_error (error);

  /* 0: the latest, here the compliment, which has no "put right" nor escalation */
  latest = pl_document_build_complaint (f->store, ids.person, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_document_get_title (latest), ==, "Zoë's compliment");
  g_assert_cmpstr (pl_doc_test_at_anchor (latest, "what-happened")->text, ==, "Ana made my birthday special. " TEXT_EMOJI);
  g_assert_cmpint (pl_document_find_anchor (latest, "put-right"), ==, -1);
  g_assert_cmpint (pl_document_find_anchor (latest, "escalate"), ==, -1);
  g_assert_cmpint (pl_doc_test_at_anchor (latest, "danger-notice")->kind, ==, PL_BLOCK_NOTICE);
  g_assert_cmpint (pl_document_get_block (latest, pl_document_find_anchor (latest, "timeline") + 1)->kind,
                   ==, PL_BLOCK_NOTICE);

  first = pl_document_build_complaint (f->store, ids.person, ids.complaint, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_document_get_title (first), ==, "Zoë's complaint");

  /* Someone else's complaint is not shown */
  other_person = pl_doc_test_add_person (f->store, ids.service, "Arthur Pendle", NULL);
  other = pl_document_build_complaint (f->store, other_person, ids.complaint, &error);
  g_assert_null (other);
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
}

static void
test_complaint_none (PlDocFixture  *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  gint64 person;

  person = pl_doc_test_add_person (f->store, pl_doc_test_add_service (f->store), "Arthur Pendle", NULL);
  document = pl_document_build_complaint (f->store, person, 0, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (pl_document_get_title (document), ==, "Complaints and compliments");
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "none")->text, ==,
                   "You have not made a complaint or paid a compliment yet.");
  g_assert_cmpint (pl_doc_test_at_anchor (document, "how-to-complain")->kind, ==, PL_BLOCK_HEADING);
  g_assert_cmpint (pl_doc_test_find_text (document, PL_BLOCK_LIST_ITEM, "ring or write to the care service office"),
                   >, pl_document_find_anchor (document, "how-to-complain"));
  g_assert_nonnull (strstr (pl_doc_test_at_anchor (document, "escalate-ombudsman")->text, "0300 061 0614"));
  g_assert_cmpint (pl_document_find_anchor (document, "escalate"), <,
                   pl_document_find_anchor (document, "danger"));
  g_assert_cmpint (pl_doc_test_at_anchor (document, "danger-notice")->kind, ==, PL_BLOCK_NOTICE);
  /* No safeguarding contact recorded: the council is the way in */
  g_assert_cmpint (pl_doc_test_at_anchor (document, "danger-council")->kind, ==, PL_BLOCK_CONTACT);
  pl_doc_test_assert_anchors_unique (document);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  PL_DOC_TEST_ADD ("/plainly/document/complaint", test_complaint);
  PL_DOC_TEST_ADD ("/plainly/document/complaint-choice", test_complaint_choice);
  PL_DOC_TEST_ADD ("/plainly/document/complaint-none", test_complaint_none);

  return g_test_run ();
}
