/* test-document-model.c: the document model: blocks, anchors and plain text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-document-example.h"

/* The model */

static void
test_model_anchors (void)
{
  g_autoptr(PlDocument) document = pl_document_new ("Test");
  const PlBlock *block;

  g_assert_cmpstr (pl_document_get_title (document), ==, "Test");
  g_assert_cmpuint (pl_document_get_n_blocks (document), ==, 0);
  g_assert_cmpint (pl_document_find_anchor (document, "top"), ==, -1);

  /* Before any heading, derived anchors start from "top" */
  block = pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, NULL, "ignored", NULL);
  g_assert_cmpstr (block->anchor, ==, "top-1");
  g_assert_cmpstr (block->text, ==, "");
  g_assert_null (block->label);

  block = pl_document_add (document, PL_BLOCK_HEADING, 1, "top", NULL, "Title");
  g_assert_cmpstr (block->anchor, ==, "top");
  block = pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, NULL, NULL, "One");
  g_assert_cmpstr (block->anchor, ==, "top-2");

  block = pl_document_add (document, PL_BLOCK_HEADING, 2, "part", NULL, "Part");
  block = pl_document_add (document, PL_BLOCK_FIELD, 0, NULL, "Time", "8:00 in the morning");
  g_assert_cmpstr (block->anchor, ==, "part-1");
  g_assert_cmpstr (block->label, ==, "Time");
  block = pl_document_add_link (document, "Back", "top");
  g_assert_cmpstr (block->anchor, ==, "part-2");
  g_assert_cmpstr (block->target, ==, "top");
  g_assert_cmpint (block->kind, ==, PL_BLOCK_LINK);

  /* A clash is a bug in a builder: said loudly, and still made unique */
  g_test_expect_message ("Plainly", G_LOG_LEVEL_CRITICAL, "*part*used twice*");
  block = pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, "part", NULL, "Again");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (block->anchor, ==, "part-3");

  g_assert_cmpuint (pl_document_get_n_blocks (document), ==, 7);

  /* Headings given no anchor are numbered, each after none before it, and
   * what follows each is named after it */
  {
    g_autoptr(PlDocument) unnamed = pl_document_new ("Unnamed");

    for (guint i = 1; i <= 3; i++)
      {
        g_autofree char *heading = g_strdup_printf ("heading-%u", i);
        g_autofree char *after = g_strdup_printf ("heading-%u-1", i);

        block = pl_document_add (unnamed, PL_BLOCK_HEADING, 2, NULL, NULL, "A part");
        g_assert_cmpstr (block->anchor, ==, heading);
        block = pl_document_add (unnamed, PL_BLOCK_PARAGRAPH, 0, NULL, NULL, "Its words");
        g_assert_cmpstr (block->anchor, ==, after);
      }
  }
  g_assert_cmpint (pl_document_find_anchor (document, "part"), ==, 3);
  g_assert_cmpint (pl_document_find_anchor (document, "part-3"), ==, 6);
  g_assert_cmpint (pl_document_find_anchor (document, "nowhere"), ==, -1);
  pl_doc_test_assert_anchors_unique (document);

  g_assert_cmpstr (pl_block_kind_to_string (PL_BLOCK_HEADING), ==, "heading");
  g_assert_cmpstr (pl_block_kind_to_string (PL_BLOCK_LIST_ITEM), ==, "list-item");
  g_assert_cmpstr (pl_block_kind_to_string (PL_BLOCK_NOTICE), ==, "notice");
}

static void
test_model_to_text (void)
{
  g_autoptr(PlDocument) document = pl_document_new ("T");
  g_autofree char *text = NULL;

  pl_document_add (document, PL_BLOCK_HEADING, 1, "top", NULL, "T");
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, NULL, NULL, "Hello");
  pl_document_add (document, PL_BLOCK_FIELD, 0, NULL, "Time", "8:00 in the morning");
  pl_document_add (document, PL_BLOCK_FIELD, 0, NULL, "Who", "Sam");
  pl_document_add (document, PL_BLOCK_LIST_ITEM, 1, NULL, NULL, "tea");
  pl_document_add (document, PL_BLOCK_LIST_ITEM, 2, NULL, NULL, "milk");
  pl_document_add (document, PL_BLOCK_CONTACT, 0, NULL, "Care coordinator",
                   "Sam Patel\nPhone: 01632 960000");
  pl_document_add (document, PL_BLOCK_QUESTION, 0, NULL, "What happened?", "Nobody came.\nI waited.");
  pl_document_add (document, PL_BLOCK_QUESTION, 0, NULL, "Who helped?", "");
  pl_document_add_link (document, "About me", "top");
  pl_document_add (document, PL_BLOCK_NOTICE, 0, NULL, NULL, "Nothing yet.");
  pl_document_add (document, PL_BLOCK_HEADING, 2, "part", NULL, "Part");

  text = pl_document_to_text (document);
  g_assert_cmpstr (text, ==,
                   "# T\n"
                   "\n"
                   "Hello\n"
                   "\n"
                   "Time: 8:00 in the morning\n"
                   "Who: Sam\n"
                   "\n"
                   "• tea\n"
                   "  • milk\n"
                   "\n"
                   "Care coordinator:\n"
                   "  Sam Patel\n"
                   "  Phone: 01632 960000\n"
                   "\n"
                   "What happened?\n"
                   "  Nobody came.\n"
                   "  I waited.\n"
                   "\n"
                   "Who helped?\n"
                   "\n"
                   "→ About me\n"
                   "\n"
                   "! Nothing yet.\n"
                   "\n"
                   "## Part\n");
}

static void
test_model_to_text_long_fields (void)
{
  g_autoptr(PlDocument) document = pl_document_new ("T");
  g_autofree char *text = NULL;

  /* A field of several lines stands apart from its neighbours */
  pl_document_add (document, PL_BLOCK_FIELD, 0, NULL, "Arrived", "8:05 in the morning");
  pl_document_add (document, PL_BLOCK_FIELD, 0, NULL, "Monday", "Received\nWe have it.");
  pl_document_add (document, PL_BLOCK_FIELD, 0, NULL, "Left", "8:50 in the morning");
  pl_document_add (document, PL_BLOCK_FIELD, 0, NULL, "Who came", "Ana");
  pl_document_add (document, PL_BLOCK_NOTICE, 0, NULL, NULL, "Ring 999.\nTell someone.");

  text = pl_document_to_text (document);
  g_assert_cmpstr (text, ==,
                   "Arrived: 8:05 in the morning\n"
                   "\n"
                   "Monday: Received\n"
                   "  We have it.\n"
                   "\n"
                   "Left: 8:50 in the morning\n"
                   "Who came: Ana\n"
                   "\n"
                   "! Ring 999.\n"
                   "! Tell someone.\n");
}

/* Two documents are equal when they say the same: a flag or a word differs */
static void
test_model_equal (void)
{
  g_autoptr(PlDocument) a = pl_document_new ("Plan");
  g_autoptr(PlDocument) b = pl_document_new ("Plan");

  for (int i = 0; i < 2; i++)
    {
      PlDocument *d = i == 0 ? a : b;

      pl_document_add (d, PL_BLOCK_HEADING, 1, "top", NULL, "Plan");
      pl_document_add (d, PL_BLOCK_FIELD, 0, "time", "Time", "8:00 in the morning");
      pl_document_add_link (d, "Back to the top", "top");
    }
  g_assert_true (pl_document_equal (a, b));
  g_assert_true (pl_document_equal (a, a));
  g_assert_false (pl_document_equal (a, NULL));

  pl_document_set_block_flags (b, 1, PL_BLOCK_CHANGED);
  g_assert_false (pl_document_equal (a, b));
  pl_document_set_block_flags (b, 1, PL_BLOCK_FLAGS_NONE);
  g_assert_true (pl_document_equal (a, b));
  pl_document_set_version (b, "Version 2");
  g_assert_false (pl_document_equal (a, b));
  pl_document_set_version (a, "Version 2");
  pl_document_add (a, PL_BLOCK_PARAGRAPH, 0, NULL, NULL, "More");
  g_assert_false (pl_document_equal (a, b));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plainly/document/model/anchors", test_model_anchors);
  g_test_add_func ("/plainly/document/model/to-text", test_model_to_text);
  g_test_add_func ("/plainly/document/model/equal", test_model_equal);
  g_test_add_func ("/plainly/document/model/to-text-long-fields", test_model_to_text_long_fields);

  return g_test_run ();
}
