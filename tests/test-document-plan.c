/* test-document-plan.c: the care plan builder, for the person and a carer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-document-example.h"

/* The care plan */

static const char * const plan_parts[] = {
  "about-me", "outcomes", "visits", "priorities", "people", "coordinator", "medicines",
  "risks", "telecare", "missed-visit", "crisis", "culture", "money", "reviews", "agreement",
};

static void
test_plan_summary_links (PlDocFixture  *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const PlBlock *block;
  PlDocIds ids = { 0 };
  guint n, summary_end;

  pl_doc_test_add_example (f, &ids);
  document = pl_document_build_plan (f->store, ids.person, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  /* NG86 1.4.2: the name the person likes to be called */
  g_assert_cmpstr (pl_document_get_title (document), ==, "Zoë's care and support plan");
  block = pl_document_get_block (document, 0);
  g_assert_cmpint (block->kind, ==, PL_BLOCK_HEADING);
  g_assert_cmpint (block->level, ==, 1);
  g_assert_cmpstr (block->text, ==, "Zoë's care and support plan");

  /* NG21 1.3.13: the summary comes straight after the title */
  block = pl_document_get_block (document, 1);
  g_assert_cmpint (block->kind, ==, PL_BLOCK_HEADING);
  g_assert_cmpint (block->level, ==, 2);
  g_assert_cmpstr (block->anchor, ==, "summary");
  summary_end = pl_doc_test_part_end (document, 1);

  n = pl_document_get_n_blocks (document);
  for (guint i = 0; i < n; i++)
    {
      block = pl_document_get_block (document, i);
      if (block->kind == PL_BLOCK_LINK)
        {
          /* Every link is in the summary, and leads to a heading that exists */
          g_assert_cmpuint (i, <, summary_end);
          g_assert_cmpint (pl_document_find_anchor (document, block->target), >, (int) i);
          g_assert_cmpint (pl_doc_test_at_anchor (document, block->target)->kind, ==, PL_BLOCK_HEADING);
          g_assert_cmpstr (pl_doc_test_at_anchor (document, block->target)->text, ==, block->text);
          g_ptr_array_add (links, block->target);
        }
      else if (block->kind == PL_BLOCK_HEADING && block->level == 2 && i >= summary_end)
        {
          g_ptr_array_add (parts, block->anchor);
        }
    }

  /* A link to every part, in the order of the parts, and every part there */
  g_assert_cmpuint (links->len, ==, G_N_ELEMENTS (plan_parts));
  g_assert_cmpuint (parts->len, ==, G_N_ELEMENTS (plan_parts));
  for (guint i = 0; i < G_N_ELEMENTS (plan_parts); i++)
    {
      g_assert_cmpstr (g_ptr_array_index (links, i), ==, plan_parts[i]);
      g_assert_cmpstr (g_ptr_array_index (parts, i), ==, plan_parts[i]);
    }

  /* The summary's facts */
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "summary-who")->text, ==,
                   "This plan is for Zoë Brontë, who likes to be called Zoë.");
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "summary-version")->text, ==,
                   "Version 2, agreed on Monday 16 November 2026.");
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "summary-start")->text, ==, "Monday 5 October 2026");
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "summary-review")->text, ==, "Tuesday 9 November 2027");
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "summary-coordinator")->text, ==, "Sam Patel, phone 01632 960123");
  /* Every day, Monday and Friday: 7 + 1 + 1 */
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "summary-visits")->text, ==, "9 visits a week");
  g_assert_cmpuint (pl_document_find_anchor (document, "summary-visits"), <, summary_end);

  pl_doc_test_assert_anchors_unique (document);
}

static void
test_plan_empty_parts (PlDocFixture  *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(PlDocument) no_plan = NULL;
  gint64 service, person, plan;
  guint n, n_notices = 0;

  service = pl_doc_test_add_service (f->store);
  person = pl_doc_test_add_person (f->store, service, "Arthur Pendle", NULL);
  plan = pl_doc_test_add_plan (f->store, person, 0);
  pl_doc_test_add_section (f->store, plan, PL_SECTION_WELLNESS, "I like a walk after lunch.");

  document = pl_document_build_plan (f->store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_document_get_title (document), ==, "Arthur Pendle's care and support plan");

  /* No part is dropped, and none is left with nothing under its heading */
  for (guint i = 0; i < G_N_ELEMENTS (plan_parts); i++)
    g_assert_cmpint (pl_doc_test_at_anchor (document, plan_parts[i])->kind, ==, PL_BLOCK_HEADING);

  n = pl_document_get_n_blocks (document);
  for (guint i = 0; i < n; i++)
    {
      const PlBlock *block = pl_document_get_block (document, i);

      if (block->kind == PL_BLOCK_NOTICE && g_strcmp0 (block->text, EMPTY_NOTICE) == 0)
        n_notices++;

      if (block->kind == PL_BLOCK_HEADING && block->level >= 2)
        {
          const PlBlock *next;

          g_assert_cmpuint (i + 1, <, n);
          next = pl_document_get_block (document, i + 1);
          /* A part that holds sub-parts (about me) starts with facts */
          if (g_strcmp0 (block->anchor, "about-me") != 0)
            g_assert_cmpint (next->kind, !=, PL_BLOCK_HEADING);
        }
    }

  /* The empty parts say so plainly */
  g_assert_cmpint (pl_document_get_block (document, pl_document_find_anchor (document, "please-do") + 1)->kind,
                   ==, PL_BLOCK_NOTICE);
  g_assert_cmpstr (pl_document_get_block (document, pl_document_find_anchor (document, "please-do") + 1)->text,
                   ==, EMPTY_NOTICE);
  g_assert_cmpstr (pl_document_get_block (document, pl_document_find_anchor (document, "medicines") + 1)->text,
                   ==, EMPTY_NOTICE);
  g_assert_cmpstr (pl_document_get_block (document, pl_document_find_anchor (document, "visits") + 1)->text,
                   ==, EMPTY_NOTICE);
  g_assert_cmpstr (pl_document_get_block (document, pl_document_find_anchor (document, "telecare") + 1)->text,
                   ==, EMPTY_NOTICE);
  /* The one part written is not */
  g_assert_cmpstr (pl_document_get_block (document, pl_document_find_anchor (document, "wellness") + 1)->text,
                   ==, "I like a walk after lunch.");
  g_assert_cmpuint (n_notices, >=, 20);
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "summary-visits")->text, ==, "No visits are planned yet.");
  g_assert_cmpint (pl_doc_test_at_anchor (document, "coordinator")->kind, ==, PL_BLOCK_HEADING);
  g_assert_cmpint (pl_document_get_block (document, pl_document_find_anchor (document, "coordinator") + 1)->kind,
                   ==, PL_BLOCK_NOTICE);
  pl_doc_test_assert_anchors_unique (document);

  /* Someone with no plan at all still gets every part, each saying so */
  person = pl_doc_test_add_person (f->store, service, "Beatrice Hale", "Bea");
  no_plan = pl_document_build_plan (f->store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_doc_test_at_anchor (no_plan, "summary-no-plan")->kind, ==, PL_BLOCK_NOTICE);
  for (guint i = 0; i < G_N_ELEMENTS (plan_parts); i++)
    g_assert_cmpint (pl_doc_test_at_anchor (no_plan, plan_parts[i])->kind, ==, PL_BLOCK_HEADING);
  g_assert_cmpstr (pl_document_get_block (no_plan, pl_document_find_anchor (no_plan, "agreement") + 1)->text,
                   ==, EMPTY_NOTICE);
  pl_doc_test_assert_anchors_unique (no_plan);
}

static void
test_plan_anchors_stable (PlDocFixture  *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) first = NULL;
  g_autoptr(PlDocument) second = NULL;
  g_autofree char *anchor = NULL;
  PlDocIds ids = { 0 };

  pl_doc_test_add_example (f, &ids);
  first = pl_document_build_plan (f->store, ids.person, &error);
  g_assert_no_error (error);

  /* Reopening the file changes nothing either */
  g_clear_pointer (&f->store, pl_store_unref);
  f->store = pl_store_open (f->path, PL_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  second = pl_document_build_plan (f->store, ids.person, &error);
  g_assert_no_error (error);

  pl_doc_test_assert_anchors_unique (first);
  g_assert_cmpuint (pl_document_get_n_blocks (first), ==, pl_document_get_n_blocks (second));
  for (guint i = 0; i < pl_document_get_n_blocks (first); i++)
    {
      const PlBlock *a = pl_document_get_block (first, i);
      const PlBlock *b = pl_document_get_block (second, i);

      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpint (a->level, ==, b->level);
      g_assert_cmpstr (a->anchor, ==, b->anchor);
      g_assert_cmpstr (a->label, ==, b->label);
      g_assert_cmpstr (a->text, ==, b->text);
      g_assert_cmpstr (a->target, ==, b->target);
    }

  /* Parts by name, records by id */
  g_assert_cmpstr (pl_doc_test_at_anchor (first, "about-me")->text, ==, "About me");
  g_assert_cmpstr (pl_doc_test_at_anchor (first, "most-important")->text, ==, "What is most important to me");
  g_assert_cmpstr (pl_doc_test_at_anchor (first, "visits")->text, ==, "My support and visit times");
  anchor = g_strdup_printf ("medicine-%" G_GINT64_FORMAT, ids.medicine);
  g_assert_cmpstr (pl_doc_test_at_anchor (first, anchor)->text, ==, "Paracetamol");
  g_free (anchor);
  anchor = g_strdup_printf ("outcome-%" G_GINT64_FORMAT, ids.outcome);
  g_assert_cmpstr (pl_doc_test_at_anchor (first, anchor)->text, ==, "I want to walk to the post office on my own");
  g_free (anchor);
  anchor = g_strdup_printf ("risk-%" G_GINT64_FORMAT, ids.risk);
  g_assert_cmpstr (pl_doc_test_at_anchor (first, anchor)->text, ==, "Making my own hot drinks");
  g_free (anchor);
  anchor = g_strdup_printf ("visit-%" G_GINT64_FORMAT, ids.visit_monday);
  g_assert_cmpint (pl_doc_test_at_anchor (first, anchor)->kind, ==, PL_BLOCK_FIELD);
  g_free (anchor);
  anchor = g_strdup_printf ("contact-%" G_GINT64_FORMAT, ids.daughter);
  g_assert_cmpint (pl_doc_test_at_anchor (first, anchor)->kind, ==, PL_BLOCK_CONTACT);
}

static void
test_plan_scripts (PlDocFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autofree char *text = NULL;
  const struct { const char *anchor, *text; } cases[] = {
    { "most-important", TEXT_ACCENTS },
    { "people-important", TEXT_WELSH },
    { "life-story", TEXT_POLISH },
    { "culture", TEXT_ARABIC },
    { "please-do", TEXT_EMOJI },
  };
  PlDocIds ids = { 0 };

  pl_doc_test_add_example (f, &ids);
  document = pl_document_build_plan (f->store, ids.person, &error);
  g_assert_no_error (error);
  text = pl_document_to_text (document);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int heading = pl_document_find_anchor (document, cases[i].anchor);
      const PlBlock *block;

      g_assert_cmpint (heading, >=, 0);
      block = pl_document_get_block (document, (guint) heading + 1);
      g_assert_cmpint (block->kind, ==, PL_BLOCK_PARAGRAPH);
      g_assert_cmpstr (block->text, ==, cases[i].text);
      g_assert_cmpuint (strlen (block->text), ==, strlen (cases[i].text));
      g_assert_nonnull (strstr (text, cases[i].text));
    }

  /* In names and labels as well as in bodies */
  g_assert_cmpint (pl_doc_test_find_text (document, PL_BLOCK_FIELD, TEXT_ACCENTS), >=, 0);
  g_assert_nonnull (strstr (pl_doc_test_at_anchor (document, "agreement")->text, "agreement"));
  g_assert_cmpint (pl_doc_test_find_text (document, PL_BLOCK_PARAGRAPH,
                              "I have read this plan with Sam and it is what I want. " TEXT_EMOJI),
                   >, pl_document_find_anchor (document, "agreement"));
  g_assert_nonnull (strstr (text, "Siân Llŷr (daughter)"));
  g_assert_nonnull (strstr (text, "Tomasz Wiśniewski (neighbour)"));
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

static void
test_plan_visits (PlDocFixture  *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autofree char *monday = NULL;
  g_autofree char *daily = NULL;
  g_autofree char *friday = NULL;
  int every_day, monday_heading, friday_heading;
  PlDocIds ids = { 0 };

  pl_doc_test_add_example (f, &ids);
  document = pl_document_build_plan (f->store, ids.person, &error);
  g_assert_no_error (error);

  monday = g_strdup_printf ("visit-%" G_GINT64_FORMAT, ids.visit_monday);
  daily = g_strdup_printf ("visit-%" G_GINT64_FORMAT, ids.visit_daily);
  friday = g_strdup_printf ("visit-%" G_GINT64_FORMAT, ids.visit_friday);

  /* NG21 1.4.2: the time and how long, in words */
  g_assert_cmpstr (pl_doc_test_at_anchor (document, monday)->label, ==, "8:00 in the morning, 45 minutes");
  g_assert_cmpstr (pl_doc_test_at_anchor (document, monday)->text, ==, "Getting up and breakfast");
  g_assert_cmpstr (pl_doc_test_at_anchor (document, daily)->label, ==, "12:30 in the afternoon, 30 minutes");
  g_assert_cmpstr (pl_doc_test_at_anchor (document, friday)->label, ==, "6:15 in the evening, 1 hour");

  /* Grouped by day, every day first, then the week in order */
  every_day = pl_document_find_anchor (document, "visits-every-day");
  monday_heading = pl_document_find_anchor (document, "visits-monday");
  friday_heading = pl_document_find_anchor (document, "visits-friday");
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "visits-every-day")->text, ==, "Every day");
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "visits-monday")->text, ==, "Monday");
  g_assert_cmpint (pl_document_find_anchor (document, "visits"), <, every_day);
  g_assert_cmpint (every_day, <, pl_document_find_anchor (document, daily));
  g_assert_cmpint (pl_document_find_anchor (document, daily), <, monday_heading);
  g_assert_cmpint (monday_heading, <, pl_document_find_anchor (document, monday));
  g_assert_cmpint (pl_document_find_anchor (document, monday), <, friday_heading);
  g_assert_cmpint (friday_heading, <, pl_document_find_anchor (document, friday));
  g_assert_cmpint (pl_document_find_anchor (document, "visits-tuesday"), ==, -1);
}

static void
test_plan_parts_content (PlDocFixture  *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autofree char *anchor = NULL;
  guint start, end;
  int index;
  PlDocIds ids = { 0 };

  pl_doc_test_add_example (f, &ids);
  document = pl_document_build_plan (f->store, ids.person, &error);
  g_assert_no_error (error);

  /* Recorded needs in plain words, with their category (NG86 1.1.5) */
  start = (guint) pl_document_find_anchor (document, "how-i-communicate");
  end = pl_doc_test_part_end (document, start);
  g_assert_cmpstr (pl_doc_test_find_labelled (document, start, end, PL_BLOCK_FIELD, "Information format")->text, ==,
                   "Written information in large print, at least 24 point\nBlack on cream paper");

  /* Lines starting "- " are list items; two spaces nest them */
  index = pl_doc_test_find_text (document, PL_BLOCK_LIST_ITEM, "Do not rush me");
  g_assert_cmpint (index, >, pl_document_find_anchor (document, "please-do-not"));
  g_assert_cmpint (pl_document_get_block (document, (guint) index)->level, ==, 1);
  index = pl_doc_test_find_text (document, PL_BLOCK_LIST_ITEM, "not even to dust");
  g_assert_cmpint (pl_document_get_block (document, (guint) index)->level, ==, 2);
  g_assert_cmpint (pl_doc_test_find_text (document, PL_BLOCK_PARAGRAPH, "Things I do not like:"), >=, 0);
  /* Blank lines part paragraphs */
  g_assert_cmpint (pl_doc_test_find_text (document, PL_BLOCK_PARAGRAPH, "Mornings are slow."), >=, 0);
  g_assert_cmpint (pl_doc_test_find_text (document, PL_BLOCK_PARAGRAPH, "Evenings are better."), >=, 0);

  /* Who may see what (NG86 1.1.14-1.1.15); safeguarding is not a person in my life */
  anchor = g_strdup_printf ("contact-%" G_GINT64_FORMAT "-may-see", ids.daughter);
  g_assert_cmpstr (pl_doc_test_at_anchor (document, anchor)->text, ==, "They may see my plan and my care diary.");
  g_free (anchor);
  anchor = g_strdup_printf ("contact-%" G_GINT64_FORMAT "-may-see", ids.neighbour);
  g_assert_cmpstr (pl_doc_test_at_anchor (document, anchor)->text, ==,
                   "Nothing yet: I have not agreed to share my records with them.");
  g_free (anchor);
  anchor = g_strdup_printf ("contact-%" G_GINT64_FORMAT "-may-see", ids.coordinator);
  g_assert_cmpstr (pl_doc_test_at_anchor (document, anchor)->text, ==,
                   "What they need to know to give me my care and support.");
  g_free (anchor);
  anchor = g_strdup_printf ("contact-%" G_GINT64_FORMAT, ids.safeguarding);
  g_assert_cmpint (pl_document_find_anchor (document, anchor), ==, -1);

  /* NG21 1.3.6: the named coordinator */
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "coordinator-contact")->label, ==, "Care coordinator");
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "coordinator-contact")->text, ==,
                   "Sam Patel\nPhone: 01632 960123");

  /* NG21 1.3.16: each thing about a medicine */
  start = (guint) pl_document_find_anchor (document, "medicines");
  end = pl_doc_test_part_end (document, start);
  g_assert_cmpstr (pl_doc_test_find_labelled (document, start, end, PL_BLOCK_FIELD, "What it is for")->text, ==,
                   "For the pain in my hip");
  g_assert_cmpstr (pl_doc_test_find_labelled (document, start, end, PL_BLOCK_FIELD, "How much")->text, ==,
                   "Two 500 mg tablets");
  g_assert_cmpstr (pl_doc_test_find_labelled (document, start, end, PL_BLOCK_FIELD, "When")->text, ==,
                   "With breakfast and with tea");
  g_assert_cmpstr (pl_doc_test_find_labelled (document, start, end, PL_BLOCK_FIELD, "The help I get")->text, ==,
                   "Remind me and pass me a glass of water");
  g_assert_nonnull (pl_doc_test_find_labelled (document, start, end, PL_BLOCK_FIELD, "If it is missed"));
  g_assert_cmpstr (pl_doc_test_find_labelled (document, start, end, PL_BLOCK_FIELD, "Who to ask about it")->text, ==,
                   "Dr Okafor at the surgery");

  /* NG21 1.3.14: an empty field is left out, the risk is not */
  start = (guint) pl_document_find_anchor (document, "risks");
  end = pl_doc_test_part_end (document, start);
  g_assert_cmpstr (pl_doc_test_find_labelled (document, start, end, PL_BLOCK_FIELD, "What it gives me")->text, ==,
                   "I stay in charge of my own kitchen");
  g_assert_null (pl_doc_test_find_labelled (document, start, end, PL_BLOCK_FIELD, "What it means for me"));

  /* In a crisis: the emergency contact is there */
  start = (guint) pl_document_find_anchor (document, "crisis");
  end = pl_doc_test_part_end (document, start);
  g_assert_nonnull (pl_doc_test_find_labelled (document, start, end, PL_BLOCK_CONTACT, "Emergency contact"));

  /* NG21 1.3.25 */
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "next-review")->text, ==, "Tuesday 9 November 2027");
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "agreed-on")->text, ==, "Monday 16 November 2026");
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "agreed-by")->text, ==, TEXT_ACCENTS);
}

static void
test_plan_unknown_person (PlDocFixture  *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;

  document = pl_document_build_plan (f->store, 4242, &error);
  g_assert_null (document);
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
}

/* A carer sees the parts the person shares with them, and is told plainly
 * which parts are not shared (NG86 1.1.14-1.1.15) */
static void
test_plan_shared (PlDocFixture  *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) full = NULL;
  g_autoptr(PlDocument) shared = NULL;
  g_autoptr(PlDocument) refused = NULL;
  g_autofree char *full_text = NULL;
  g_autofree char *shared_text = NULL;
  PlDocIds ids = { 0 };

  pl_doc_test_add_example (f, &ids);
  full = pl_document_build_plan (f->store, ids.person, &error);
  g_assert_no_error (error);
  shared = pl_document_build_plan_shared (f->store, ids.person,
                                          PL_SCOPE_BIT (PL_SCOPE_PLAN) |
                                          PL_SCOPE_BIT (PL_SCOPE_DIARY), &error);
  g_assert_no_error (error);
  full_text = pl_document_to_text (full);
  shared_text = pl_document_to_text (shared);

  /* Medicines and money are in the full plan only */
  g_assert_nonnull (strstr (full_text, "Paracetamol"));
  g_assert_null (strstr (shared_text, "Paracetamol"));
  g_assert_nonnull (strstr (full_text, "direct payment"));
  g_assert_null (strstr (shared_text, "direct payment"));

  /* Their headings stay, with a notice instead of the content */
  g_assert_cmpint (pl_doc_test_at_anchor (shared, "medicines")->kind, ==, PL_BLOCK_HEADING);
  g_assert_cmpint (pl_doc_test_after_anchor (shared, "medicines")->kind, ==, PL_BLOCK_NOTICE);
  g_assert_cmpint (pl_doc_test_after_anchor (shared, "medicines")->flags, ==, PL_BLOCK_NOT_SHARED);
  g_assert_cmpint (pl_doc_test_after_anchor (shared, "money")->flags, ==, PL_BLOCK_NOT_SHARED);
  g_assert_nonnull (strstr (pl_doc_test_after_anchor (shared, "money")->text, "not chosen to share"));
  g_assert_cmpint (pl_doc_test_after_anchor (full, "medicines")->flags, ==, PL_BLOCK_FLAGS_NONE);
  for (guint i = 0; i < pl_document_get_n_blocks (full); i++)
    g_assert_cmpint (pl_document_get_block (full, i)->flags & PL_BLOCK_NOT_SHARED, ==, 0);

  /* Everything else is the same */
  g_assert_cmpint (pl_doc_test_at_anchor (shared, "visits")->kind, ==, PL_BLOCK_HEADING);
  g_assert_cmpint (pl_document_find_anchor (shared, "crisis"), >=, 0);
  pl_doc_test_assert_anchors_unique (shared);

  /* Without the plan itself, nothing */
  refused = pl_document_build_plan_shared (f->store, ids.person,
                                           PL_SCOPE_BIT (PL_SCOPE_DIARY), &error);
  g_assert_null (refused);
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
}

/* A plan being written is shown as the person will see it once saved */
static void
test_plan_content (PlDocFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlanContent) content = NULL;
  g_autoptr(PlDocument) saved = NULL;
  g_autoptr(PlDocument) editing = NULL;
  g_autofree char *saved_text = NULL;
  g_autofree char *editing_text = NULL;
  g_autofree char *again_text = NULL;
  g_autoptr(PlDocument) again = NULL;
  PlOutcome *outcome;
  PlDocIds ids = { 0 };

  pl_doc_test_add_example (f, &ids);
  saved = pl_document_build_plan (f->store, ids.person, &error);
  g_assert_no_error (error);
  content = pl_plan_content_load (f->store, ids.plan, &error);
  g_assert_no_error (error);

  /* Unchanged, it is word for word the saved plan */
  editing = pl_document_build_plan_content (f->store, content, &error);
  g_assert_no_error (error);
  saved_text = pl_document_to_text (saved);
  editing_text = pl_document_to_text (editing);
  g_assert_cmpstr (editing_text, ==, saved_text);

  /* Changes show before they are saved, and the store is untouched */
  g_assert_cmpuint (content->parts[PL_PLAN_PART_OUTCOMES]->len, >, 0);
  outcome = g_ptr_array_index (content->parts[PL_PLAN_PART_OUTCOMES], 0);
  g_free (outcome->outcome);
  outcome->outcome = g_strdup ("To walk to the post office with " TEXT_WELSH);
  g_free (content->plan->present);
  content->plan->present = g_strdup ("Me, my daughter and Sam my coordinator");
  g_free (content->plan->participation);
  content->plan->participation = g_strdup ("I said what I wanted in my own words");
  g_clear_object (&editing);
  editing = pl_document_build_plan_content (f->store, content, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_doc_test_find_text (editing, PL_BLOCK_HEADING,
                              "To walk to the post office with " TEXT_WELSH), >=, 0);
  g_assert_cmpstr (pl_doc_test_at_anchor (editing, "agreement-present")->text, ==,
                   "Me, my daughter and Sam my coordinator");
  g_assert_cmpstr (pl_doc_test_at_anchor (editing, "agreement-participation")->text, ==,
                   "I said what I wanted in my own words");
  pl_doc_test_assert_anchors_unique (editing);

  again = pl_document_build_plan (f->store, ids.person, &error);
  g_assert_no_error (error);
  again_text = pl_document_to_text (again);
  g_assert_cmpstr (again_text, ==, saved_text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  PL_DOC_TEST_ADD ("/plainly/document/plan-summary-links", test_plan_summary_links);
  PL_DOC_TEST_ADD ("/plainly/document/plan-empty-parts", test_plan_empty_parts);
  PL_DOC_TEST_ADD ("/plainly/document/plan-anchors-stable", test_plan_anchors_stable);
  PL_DOC_TEST_ADD ("/plainly/document/plan-scripts", test_plan_scripts);
  PL_DOC_TEST_ADD ("/plainly/document/plan-visits", test_plan_visits);
  PL_DOC_TEST_ADD ("/plainly/document/plan-parts-content", test_plan_parts_content);
  PL_DOC_TEST_ADD ("/plainly/document/plan-unknown-person", test_plan_unknown_person);
  PL_DOC_TEST_ADD ("/plainly/document/plan-content", test_plan_content);
  PL_DOC_TEST_ADD ("/plainly/document/plan-shared", test_plan_shared);

  return g_test_run ();
}
