/* test-document-welcome.c: the welcome pack builder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-document-example.h"
#include "pl-service-response.h"

/* The welcome pack */

static void
test_welcome (PlDocFixture  *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autofree char *anchor = NULL;
  guint start, end;
  PlDocIds ids = { 0 };

  pl_doc_test_add_example (f, &ids);
  pl_doc_test_add_welcome_pack (f->store, ids.service);
  document = pl_document_build_welcome (f->store, ids.person, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (pl_document_get_title (document), ==, "Welcome to Brightwater Home Care");
  g_assert_nonnull (strstr (pl_doc_test_at_anchor (document, "hello")->text, "Hello Zoë."));
  g_assert_cmpint (pl_doc_test_find_text (document, PL_BLOCK_PARAGRAPH, "We help people live well at home."), >=, 0);

  /* Made personal: my coordinator and my visit times */
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "coordinator-contact")->text, ==, "Sam Patel\nPhone: 01632 960123");
  anchor = g_strdup_printf ("visit-%" G_GINT64_FORMAT, ids.visit_monday);
  g_assert_cmpstr (pl_doc_test_at_anchor (document, anchor)->label, ==, "8:00 in the morning, 45 minutes");

  /* NG21 1.2.1-1.2.6, each part there; the one not written says so */
  g_assert_cmpint (pl_doc_test_find_text (document, PL_BLOCK_PARAGRAPH,
                              "You can say no to any part of your care."),
                   >, pl_document_find_anchor (document, "rights"));
  g_assert_cmpint (pl_doc_test_find_text (document, PL_BLOCK_PARAGRAPH,
                              "Your council may pay, or you can have a direct payment."),
                   >, pl_document_find_anchor (document, "funding"));
  g_assert_cmpint (pl_document_get_block (document, pl_document_find_anchor (document, "support-groups") + 1)->kind,
                   ==, PL_BLOCK_NOTICE);

  /* Contacts, up to the Ombudsman */
  start = (guint) pl_document_find_anchor (document, "contacts");
  end = pl_doc_test_part_end (document, start);
  g_assert_cmpuint (end, ==, pl_document_get_n_blocks (document));
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "contact-service")->text, ==,
                   "Brightwater Home Care\nPhone: 01632 960000\nEmail: office@brightwater.example\n"
                   "Open: Monday to Friday, 9 in the morning to 5 in the afternoon");
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "contact-out-of-hours")->text, ==, "Phone: 01632 960999");
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "contact-commissioner")->text, ==,
                   "Northshire County Council\nPhone: 01632 961000");
  g_assert_cmpstr (pl_doc_test_at_anchor (document, "contact-regulator")->text, ==,
                   "Care Quality Commission\nPhone: 03000 616161");
  g_assert_cmpint (pl_doc_test_at_anchor (document, "contact-ombudsman")->kind, ==, PL_BLOCK_CONTACT);
  g_assert_nonnull (strstr (pl_doc_test_at_anchor (document, "contact-ombudsman")->text,
                            "Local Government and Social Care Ombudsman"));
  g_assert_nonnull (strstr (pl_doc_test_at_anchor (document, "contact-ombudsman")->text, "0300 061 0614"));
  g_assert_nonnull (strstr (pl_doc_test_at_anchor (document, "contact-ombudsman")->text, "www.lgo.org.uk"));
  for (guint i = start + 1; i < end; i++)
    g_assert_cmpint (pl_document_get_block (document, i)->kind, ==, PL_BLOCK_CONTACT);

  pl_doc_test_assert_anchors_unique (document);
}

static void
test_welcome_no_pack (PlDocFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  gint64 person;

  person = pl_doc_test_add_person (f->store, pl_doc_test_add_service (f->store), "Arthur Pendle", NULL);
  document = pl_document_build_welcome (f->store, person, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (pl_document_get_title (document), ==, "Welcome to Brightwater Home Care");
  g_assert_cmpint (pl_doc_test_at_anchor (document, "no-pack")->kind, ==, PL_BLOCK_NOTICE);
  g_assert_cmpint (pl_document_get_block (document, pl_document_find_anchor (document, "visits") + 1)->kind,
                   ==, PL_BLOCK_NOTICE);
  g_assert_cmpint (pl_document_get_block (document, pl_document_find_anchor (document, "rights") + 1)->kind,
                   ==, PL_BLOCK_NOTICE);
  g_assert_nonnull (strstr (pl_doc_test_at_anchor (document, "contact-ombudsman")->text, "0300 061 0614"));
  pl_doc_test_assert_anchors_unique (document);
}

/* NG86 1.6.11: published answers only, newest first, and never who said it */
static void
test_welcome_you_said_we_did (PlDocFixture  *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) before = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(PlComplaint) complaint = pl_complaint_new ();
  g_autoptr(PlServiceResponse) older = pl_service_response_new ();
  g_autoptr(PlServiceResponse) newer = pl_service_response_new ();
  g_autoptr(PlServiceResponse) hidden = pl_service_response_new ();
  g_autofree char *older_anchor = NULL;
  g_autofree char *newer_anchor = NULL;
  g_autofree char *text = NULL;
  gint64 other;
  PlDocIds ids = { 0 };

  pl_doc_test_add_example (f, &ids);
  before = pl_document_build_welcome (f->store, ids.person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_document_find_anchor (before, "you-said-we-did"), ==, -1);

  other = pl_doc_test_add_person (f->store, ids.service, "Arthur Pendle", NULL);
  complaint->person_id = other;
  complaint->kind = PL_FEEDBACK_COMPLAINT;
  complaint->status = PL_COMPLAINT_RECEIVED;
  complaint->reference = g_strdup ("C-2026-0042");
  complaint->what_happened = g_strdup ("Arthur Pendle waited an hour");
  g_assert_true (pl_store_save_complaint (f->store, complaint, &error));
  g_assert_no_error (error);

  older->service_id = newer->service_id = hidden->service_id = ids.service;
  older->complaint_id = complaint->id;
  older->you_said = g_strdup ("Visits were late in the snow.");
  older->we_did = g_strdup ("We gave care workers winter tyres.");
  newer->you_said = g_strdup ("The office phone was hard to reach.");
  newer->we_did = g_strdup ("We added a second line.");
  hidden->you_said = g_strdup ("Not ready to say.");
  hidden->we_did = g_strdup ("Still deciding.");
  g_assert_true (pl_service_response_save (f->store, older, &error));
  g_assert_true (pl_service_response_save (f->store, newer, &error));
  g_assert_true (pl_service_response_save (f->store, hidden, &error));
  g_assert_true (pl_service_response_publish (f->store, older->id, "2026-01-10", NULL, &error));
  g_assert_true (pl_service_response_publish (f->store, newer->id, "2026-03-02", NULL, &error));
  g_assert_no_error (error);

  document = pl_document_build_welcome (f->store, ids.person, &error);
  g_assert_no_error (error);

  older_anchor = g_strdup_printf ("response-%" G_GINT64_FORMAT, older->id);
  newer_anchor = g_strdup_printf ("response-%" G_GINT64_FORMAT, newer->id);
  g_assert_cmpint (pl_doc_test_at_anchor (document, "you-said-we-did")->kind, ==, PL_BLOCK_HEADING);
  g_assert_cmpstr (pl_doc_test_at_anchor (document, older_anchor)->text, ==, "Visits were late in the snow.");
  g_assert_cmpstr (pl_doc_test_at_anchor (document, older_anchor)->label, ==, "You said");
  g_assert_cmpint (pl_doc_test_find_text (document, PL_BLOCK_FIELD, "We gave care workers winter tyres."), ==,
                   pl_document_find_anchor (document, older_anchor) + 1);
  g_assert_cmpint (pl_document_find_anchor (document, newer_anchor), <,
                   pl_document_find_anchor (document, older_anchor));
  g_assert_cmpint (pl_document_find_anchor (document, "you-said-we-did"), <,
                   pl_document_find_anchor (document, "contacts"));

  text = pl_document_to_text (document);
  g_assert_null (strstr (text, "Not ready to say."));
  g_assert_null (strstr (text, "Arthur"));
  g_assert_null (strstr (text, "C-2026-0042"));
  pl_doc_test_assert_anchors_unique (document);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  PL_DOC_TEST_ADD ("/plainly/document/welcome", test_welcome);
  PL_DOC_TEST_ADD ("/plainly/document/welcome-no-pack", test_welcome_no_pack);
  PL_DOC_TEST_ADD ("/plainly/document/welcome-you-said-we-did", test_welcome_you_said_we_did);

  return g_test_run ();
}
