/* test-document-diary.c: the care diary builder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-diary.h"
#include "pl-document-example.h"

/* The care diary */

/* The person's and a carer's comments under the entry they are about,
 * with anchors that stay the same from one build to the next */
static void
test_diary_comments (PlDocFixture *f,
                     gint64   person)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) newest = NULL;
  g_autoptr(PlCarer) carer = pl_carer_new ();
  g_autoptr(PlDiaryComment) mine = NULL;
  g_autoptr(PlDiaryComment) theirs = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(PlDocument) again = NULL;
  g_autofree char *mine_anchor = NULL;
  g_autofree char *theirs_anchor = NULL;
  const PlDiaryEntry *entry;
  g_autofree char *entry_anchor = NULL;
  g_autofree char *next_anchor = NULL;
  int heading, next_heading;

  newest = pl_store_recent_diary (f->store, person, 2, &error);
  g_assert_no_error (error);
  entry = g_ptr_array_index (newest, 0);
  carer->name = g_strdup ("Rhys");
  g_assert_true (pl_store_save_carer (f->store, carer, &error));
  g_assert_no_error (error);
  mine = pl_diary_add_comment (f->store, entry->id, "Zoë", 0, "Diolch, roedd hi’n iawn 😊", &error);
  g_assert_no_error (error);
  theirs = pl_diary_add_comment (f->store, entry->id, "Rhys", carer->id, "Mum was tired that night.", &error);
  g_assert_no_error (error);

  document = pl_document_build_diary (f->store, person, 0, &error);
  g_assert_no_error (error);
  mine_anchor = g_strdup_printf ("comment-%" G_GINT64_FORMAT, mine->id);
  theirs_anchor = g_strdup_printf ("comment-%" G_GINT64_FORMAT, theirs->id);
  entry_anchor = g_strdup_printf ("entry-%" G_GINT64_FORMAT, entry->id);
  g_assert_cmpstr (pl_doc_test_at_anchor (document, mine_anchor)->label, ==, "Your comment");
  g_assert_cmpstr (pl_doc_test_at_anchor (document, mine_anchor)->text, ==, "Diolch, roedd hi’n iawn 😊");
  g_assert_cmpstr (pl_doc_test_at_anchor (document, theirs_anchor)->label, ==, "Comment from Rhys");
  g_assert_cmpint (pl_doc_test_at_anchor (document, theirs_anchor)->kind, ==, PL_BLOCK_FIELD);

  /* Under their entry, oldest first, before the next entry begins */
  heading = pl_document_find_anchor (document, entry_anchor);
  next_anchor = g_strdup_printf ("entry-%" G_GINT64_FORMAT,
                                 ((PlDiaryEntry *) g_ptr_array_index (newest, 1))->id);
  next_heading = pl_document_find_anchor (document, next_anchor);
  g_assert_cmpint (heading, <, pl_document_find_anchor (document, mine_anchor));
  g_assert_cmpint (pl_document_find_anchor (document, mine_anchor), <,
                   pl_document_find_anchor (document, theirs_anchor));
  g_assert_cmpint (pl_document_find_anchor (document, theirs_anchor), <, next_heading);
  pl_doc_test_assert_anchors_unique (document);

  again = pl_document_build_diary (f->store, person, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_document_find_anchor (again, theirs_anchor), ==,
                   pl_document_find_anchor (document, theirs_anchor));

  /* A carer who has gone leaves no carer id: the comment is still theirs */
  g_assert_true (pl_store_delete_carer (f->store, carer->id, &error));
  g_assert_no_error (error);
  g_clear_object (&again);
  again = pl_document_build_diary (f->store, person, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_doc_test_at_anchor (again, theirs_anchor)->label, ==, "Comment from Rhys");
  g_assert_cmpstr (pl_doc_test_at_anchor (again, mine_anchor)->label, ==, "Your comment");
}

static void
test_diary (PlDocFixture  *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(PlDocument) short_diary = NULL;
  g_autoptr(GPtrArray) days = g_ptr_array_new ();
  g_autoptr(GPtrArray) visits = g_ptr_array_new ();
  int late, cancelled;
  gint64 person;

  person = pl_doc_test_add_person (f->store, pl_doc_test_add_service (f->store), TEXT_ACCENTS, "Zoë");

  /* Saved out of order */
  pl_doc_test_add_diary (f->store, person, "2026-11-10", "18:15", NULL, NULL, PL_VISIT_MISSED,
             "Sam rang to say sorry, and Siân came instead.");
  pl_doc_test_add_diary (f->store, person, "2026-11-16", "08:00", "08:05", "08:50", PL_VISIT_COMPLETED, NULL);
  pl_doc_test_add_diary (f->store, person, "2026-11-14", "12:30", NULL, NULL, PL_VISIT_CANCELLED, NULL);
  pl_doc_test_add_diary (f->store, person, "2026-11-16", "18:15", "19:00", "19:45", PL_VISIT_LATE,
             "The office rang me at 6:40 to say they were running late.");
  pl_doc_test_add_diary (f->store, person, "2026-11-12", "08:00", "08:40", "09:25", PL_VISIT_LATE, NULL);

  document = pl_document_build_diary (f->store, person, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_document_get_title (document), ==, "Zoë's care diary");

  for (guint i = 0; i < pl_document_get_n_blocks (document); i++)
    {
      const PlBlock *block = pl_document_get_block (document, i);

      if (block->kind == PL_BLOCK_HEADING && block->level == 2)
        g_ptr_array_add (days, block->text);
      else if (block->kind == PL_BLOCK_HEADING && block->level == 3)
        g_ptr_array_add (visits, block->text);
    }

  /* Newest first, days and the visits within them */
  g_assert_cmpuint (days->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (days, 0), ==, "Monday 16 November 2026");
  g_assert_cmpstr (g_ptr_array_index (days, 1), ==, "Saturday 14 November 2026");
  g_assert_cmpstr (g_ptr_array_index (days, 2), ==, "Thursday 12 November 2026");
  g_assert_cmpstr (g_ptr_array_index (days, 3), ==, "Tuesday 10 November 2026");
  g_assert_cmpuint (visits->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (visits, 0), ==, "Visit at 6:15 in the evening");
  g_assert_cmpstr (g_ptr_array_index (visits, 1), ==, "Visit at 8:00 in the morning");
  g_assert_cmpstr (g_ptr_array_index (visits, 2), ==, "Visit at 12:30 in the afternoon");
  g_assert_cmpstr (g_ptr_array_index (visits, 3), ==, "Visit at 8:00 in the morning");
  g_assert_cmpstr (g_ptr_array_index (visits, 4), ==, "Visit at 6:15 in the evening");

  /* Late and missed in words, with what was done (NG21 1.4.10-1.4.15) */
  late = pl_doc_test_find_text (document, PL_BLOCK_NOTICE,
                    "This visit was late. It was planned for 6:15 in the evening, "
                    "and the care worker arrived at 7:00 in the evening.");
  g_assert_cmpint (late, >, 0);
  g_assert_cmpstr (pl_document_get_block (document, (guint) late + 1)->label, ==, "What was done about it");
  g_assert_cmpstr (pl_document_get_block (document, (guint) late + 1)->text, ==,
                   "The office rang me at 6:40 to say they were running late.");
  g_assert_cmpint (pl_doc_test_find_text (document, PL_BLOCK_NOTICE, "This visit was missed: nobody came."), >, late);
  g_assert_cmpint (pl_doc_test_find_text (document, PL_BLOCK_FIELD, "Sam rang to say sorry, and Siân came instead."),
                   >, late);
  cancelled = pl_doc_test_find_text (document, PL_BLOCK_NOTICE, "This visit was cancelled.");
  g_assert_cmpint (cancelled, >, late);
  /* A cancelled visit needs no follow-up; a late one with none recorded says so */
  g_assert_cmpstr (pl_document_get_block (document, (guint) cancelled + 1)->label, !=,
                   "What was done about it");
  g_assert_cmpint (pl_doc_test_find_text (document, PL_BLOCK_FIELD,
                              "Nothing has been written about this yet. You can ask the care service office."),
                   >, cancelled);
  g_assert_cmpint (pl_doc_test_find_text (document, PL_BLOCK_NOTICE,
                              "This visit was late. It was planned for 8:00 in the morning, "
                              "and the care worker arrived at 8:40 in the morning."),
                   >, cancelled);

  /* The times a person reads */
  g_assert_cmpint (pl_doc_test_find_text (document, PL_BLOCK_FIELD, "8:05 in the morning"), >, 0);
  g_assert_cmpint (pl_doc_test_find_text (document, PL_BLOCK_FIELD, "8:50 in the morning"), >, 0);
  g_assert_cmpint (pl_doc_test_find_text (document, PL_BLOCK_FIELD, "Ana Kowalska"), >, 0);
  pl_doc_test_assert_anchors_unique (document);

  /* A limit keeps the newest */
  short_diary = pl_document_build_diary (f->store, person, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_document_find_anchor (short_diary, "day-2026-11-16"), >, 0);
  g_assert_cmpint (pl_document_find_anchor (short_diary, "day-2026-11-14"), ==, -1);

  test_diary_comments (f, person);
}

static void
test_diary_empty (PlDocFixture  *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  gint64 person;

  person = pl_doc_test_add_person (f->store, 0, "Arthur Pendle", NULL);
  document = pl_document_build_diary (f->store, person, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pl_document_get_n_blocks (document), ==, 2);
  g_assert_cmpint (pl_doc_test_at_anchor (document, "empty")->kind, ==, PL_BLOCK_NOTICE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  PL_DOC_TEST_ADD ("/plainly/document/diary", test_diary);
  PL_DOC_TEST_ADD ("/plainly/document/diary-empty", test_diary_empty);

  return g_test_run ();
}
