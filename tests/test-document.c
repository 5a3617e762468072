/* test-document.c: the document model and the builders that fill it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test builds a database in its own temporary folder through the typed
 * store API, builds a document from it and checks the words and order that
 * every presenter will get.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "pl-diary.h"
#include "pl-document.h"
#include "pl-service-response.h"
#include "pl-store.h"
#include "pl-test-util.h"

/* Text in several scripts, which must come back byte for byte */
#define TEXT_ACCENTS "Zoë Brontë"
#define TEXT_WELSH   "Siân Llŷr, Cymraeg: Bore da"
#define TEXT_POLISH  "Zażółć gęślą jaźń"
#define TEXT_ARABIC  "مرحبا بك"
#define TEXT_EMOJI   "🙂☕"

#define EMPTY_NOTICE \
  "Nothing has been written here yet. You can ask your coordinator to add it with you."

typedef struct
{
  char    *dir;
  char    *path;
  PlStore *store;
} Fixture;

typedef struct
{
  gint64 service;
  gint64 person;
  gint64 plan;
  gint64 coordinator;
  gint64 daughter;
  gint64 neighbour;
  gint64 safeguarding;
  gint64 visit_monday;
  gint64 visit_daily;
  gint64 visit_friday;
  gint64 medicine;
  gint64 outcome;
  gint64 risk;
  gint64 complaint;
} Ids;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = pl_test_make_dir ("plainly-document");
  f->store = pl_test_open_store (f->dir, &f->path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Building the example */

static gint64
add_service (PlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlService) service = pl_service_new ();

  service->name = g_strdup ("Brightwater Home Care");
  service->phone = g_strdup ("01632 960000");
  service->email = g_strdup ("office@brightwater.example");
  service->hours = g_strdup ("Monday to Friday, 9 in the morning to 5 in the afternoon");
  service->out_of_hours = g_strdup ("01632 960999");
  service->commissioner = g_strdup ("Northshire County Council");
  service->commissioner_phone = g_strdup ("01632 961000");
  service->regulator = g_strdup ("Care Quality Commission");
  service->regulator_phone = g_strdup ("03000 616161");
  g_assert_true (pl_store_save_service (store, service, &error));
  g_assert_no_error (error);
  return service->id;
}

static gint64
add_person (PlStore    *store,
            gint64      service_id,
            const char *full_name,
            const char *preferred_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = pl_person_new ();

  person->service_id = service_id;
  person->full_name = g_strdup (full_name);
  person->preferred_name = g_strdup (preferred_name);
  person->date_of_birth = g_strdup ("1941-03-14");
  person->preferred_language = g_strdup ("en-GB");
  g_assert_true (pl_store_save_person (store, person, &error));
  g_assert_no_error (error);
  return person->id;
}

static gint64
add_contact (PlStore       *store,
             gint64         person_id,
             PlContactRole  role,
             const char    *name,
             const char    *relationship,
             const char    *phone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlContact) contact = pl_contact_new ();

  contact->person_id = person_id;
  contact->role = role;
  contact->name = g_strdup (name);
  contact->relationship = g_strdup (relationship);
  contact->phone = g_strdup (phone);
  g_assert_true (pl_store_save_contact (store, contact, &error));
  g_assert_no_error (error);
  return contact->id;
}

static void
add_sharing (PlStore        *store,
             gint64          contact_id,
             PlSharingScope  scope)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlSharing) sharing = pl_sharing_new ();

  sharing->contact_id = contact_id;
  sharing->scope = scope;
  g_assert_true (pl_store_save_sharing (store, sharing, &error));
  g_assert_no_error (error);
}

static gint64
add_plan (PlStore *store,
          gint64   person_id,
          gint64   coordinator_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_new ();

  plan->person_id = person_id;
  plan->version = 2;
  plan->status = PL_PLAN_AGREED;
  plan->start_date = g_strdup ("2026-10-05");
  plan->last_review = g_strdup ("2026-11-16");
  plan->next_review = g_strdup ("2027-11-09");
  plan->coordinator_id = coordinator_id;
  plan->agreed_on = g_strdup ("2026-11-16");
  plan->agreed_by = g_strdup (TEXT_ACCENTS);
  plan->agreement = g_strdup ("I have read this plan with Sam and it is what I want. " TEXT_EMOJI);
  g_assert_true (pl_store_save_plan (store, plan, &error));
  g_assert_no_error (error);
  return plan->id;
}

static void
add_section (PlStore       *store,
             gint64         plan_id,
             PlSectionKind  kind,
             const char    *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlanSection) section = pl_plan_section_new ();

  section->plan_id = plan_id;
  section->kind = kind;
  section->body = g_strdup (body);
  g_assert_true (pl_store_save_plan_section (store, section, &error));
  g_assert_no_error (error);
}

static gint64
add_visit (PlStore    *store,
           gint64      plan_id,
           int         weekday,
           const char *start_time,
           int         duration,
           const char *purpose)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlVisit) visit = pl_visit_new ();

  visit->plan_id = plan_id;
  visit->weekday = weekday;
  visit->start_time = g_strdup (start_time);
  visit->duration = duration;
  visit->purpose = g_strdup (purpose);
  g_assert_true (pl_store_save_visit (store, visit, &error));
  g_assert_no_error (error);
  return visit->id;
}

static void
add_diary (PlStore        *store,
           gint64          person_id,
           const char     *date,
           const char     *planned,
           const char     *arrived,
           const char     *departed,
           PlVisitOutcome  outcome,
           const char     *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDiaryEntry) entry = pl_diary_entry_new ();

  entry->person_id = person_id;
  entry->visit_date = g_strdup (date);
  entry->planned_time = g_strdup (planned);
  entry->arrived = g_strdup (arrived);
  entry->departed = g_strdup (departed);
  entry->outcome = outcome;
  entry->worker = g_strdup ("Ana Kowalska");
  entry->what_done = outcome == PL_VISIT_COMPLETED || outcome == PL_VISIT_LATE
                       ? g_strdup ("Helped me wash and dress. Made porridge.") : NULL;
  entry->how_i_was = g_strdup ("Cheerful");
  entry->action_taken = g_strdup (action);
  g_assert_true (pl_store_save_diary_entry (store, entry, &error));
  g_assert_no_error (error);
}

/* A person with something in every part of the plan */
static void
add_example (Fixture *f,
             Ids     *ids)
{
  g_autoptr(GError) error = NULL;
  PlStore *store = f->store;

  ids->service = add_service (store);
  ids->person = add_person (store, ids->service, TEXT_ACCENTS, "Zoë");
  ids->coordinator = add_contact (store, ids->person, PL_CONTACT_COORDINATOR, "Sam Patel", NULL,
                                  "01632 960123");
  ids->daughter = add_contact (store, ids->person, PL_CONTACT_FAMILY, "Siân Llŷr", "daughter",
                               "07700 900123");
  ids->neighbour = add_contact (store, ids->person, PL_CONTACT_EMERGENCY, "Tomasz Wiśniewski",
                                "neighbour", "07700 900456");
  ids->safeguarding = add_contact (store, ids->person, PL_CONTACT_SAFEGUARDING,
                                   "Northshire Adult Safeguarding Team", NULL, "01632 962000");
  add_sharing (store, ids->daughter, PL_SCOPE_DIARY);
  add_sharing (store, ids->daughter, PL_SCOPE_PLAN);

  ids->plan = add_plan (store, ids->person, ids->coordinator);

  add_section (store, ids->plan, PL_SECTION_MOST_IMPORTANT, TEXT_ACCENTS);
  add_section (store, ids->plan, PL_SECTION_PEOPLE_IMPORTANT, TEXT_WELSH);
  add_section (store, ids->plan, PL_SECTION_HOW_I_COMMUNICATE,
               "Please speak slowly and face me. I hear better on my left side.");
  add_section (store, ids->plan, PL_SECTION_WELLNESS, "I sleep badly when I am in pain.");
  add_section (store, ids->plan, PL_SECTION_PLEASE_DO, TEXT_EMOJI);
  add_section (store, ids->plan, PL_SECTION_PLEASE_DO_NOT,
               "Things I do not like:\n- Do not rush me\n- Do not move my glasses\n  - not even to dust");
  add_section (store, ids->plan, PL_SECTION_HOW_AND_WHEN, "Mornings are slow.\n\nEvenings are better.");
  add_section (store, ids->plan, PL_SECTION_ALSO_WORTH_KNOWING, "I keep a spare key with Tomasz.");
  add_section (store, ids->plan, PL_SECTION_LIFE_STORY, TEXT_POLISH);
  add_section (store, ids->plan, PL_SECTION_STRENGTHS, "I know every bird in the garden.");
  add_section (store, ids->plan, PL_SECTION_ASPIRATIONS, "To see the sea again next summer.");
  add_section (store, ids->plan, PL_SECTION_PRIORITIES, "Getting up in time for church on Sunday.");
  add_section (store, ids->plan, PL_SECTION_FLEXIBLE_TIME, "A walk to the post office if there is time.");
  add_section (store, ids->plan, PL_SECTION_TELECARE, "I wear a pendant alarm.");
  add_section (store, ids->plan, PL_SECTION_MISSED_VISIT, "Ring Siân if nobody comes within 30 minutes.");
  add_section (store, ids->plan, PL_SECTION_CRISIS, "If I fall, press my pendant.");
  add_section (store, ids->plan, PL_SECTION_CULTURE, TEXT_ARABIC);
  add_section (store, ids->plan, PL_SECTION_MONEY, "My personal budget is a direct payment.");
  add_section (store, ids->plan, PL_SECTION_SUPPORTED_BY, "Sam Patel, my coordinator.");

  {
    g_autoptr(PlCommNeed) need = pl_comm_need_new ();

    need->person_id = ids->person;
    need->category = PL_NEED_INFORMATION_FORMAT;
    need->code = g_strdup ("957351000000102");
    need->description = g_strdup ("Requires written information in at least 24 point sans serif");
    need->notes = g_strdup ("Black on cream paper");
    g_assert_true (pl_store_save_comm_need (store, need, &error));
    g_assert_no_error (error);
  }

  /* Saved out of order: the plan lists them by day and time */
  ids->visit_friday = add_visit (store, ids->plan, 5, "18:15", 60, "Tea and getting ready for bed");
  ids->visit_monday = add_visit (store, ids->plan, 1, "08:00", 45, "Getting up and breakfast");
  ids->visit_daily = add_visit (store, ids->plan, 0, "12:30", 30, "Lunch");

  {
    g_autoptr(PlMedicine) medicine = pl_medicine_new ();

    medicine->plan_id = ids->plan;
    medicine->name = g_strdup ("Paracetamol");
    medicine->purpose = g_strdup ("For the pain in my hip");
    medicine->dose = g_strdup ("Two 500 mg tablets");
    medicine->timing = g_strdup ("With breakfast and with tea");
    medicine->support = g_strdup ("Remind me and pass me a glass of water");
    medicine->if_missed = g_strdup ("Take it when you remember, but not within 4 hours of the next");
    medicine->contact = g_strdup ("Dr Okafor at the surgery");
    g_assert_true (pl_store_save_medicine (store, medicine, &error));
    g_assert_no_error (error);
    ids->medicine = medicine->id;
  }

  {
    g_autoptr(PlOutcome) outcome = pl_outcome_new ();

    outcome->plan_id = ids->plan;
    outcome->outcome = g_strdup ("I want to walk to the post office on my own");
    outcome->measure = g_strdup ("I go on my own once a week");
    g_assert_true (pl_store_save_outcome (store, outcome, &error));
    g_assert_no_error (error);
    ids->outcome = outcome->id;
  }

  {
    g_autoptr(PlRisk) risk = pl_risk_new ();

    risk->plan_id = ids->plan;
    risk->activity = g_strdup ("Making my own hot drinks");
    risk->benefits = g_strdup ("I stay in charge of my own kitchen");
    risk->strategies = g_strdup ("A kettle tipper");
    g_assert_true (pl_store_save_risk (store, risk, &error));
    g_assert_no_error (error);
    ids->risk = risk->id;
  }
}

static void
add_welcome_pack (PlStore *store,
                  gint64   service_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlWelcomePack) pack = pl_welcome_pack_new ();

  pack->service_id = service_id;
  pack->title = g_strdup ("Welcome to Brightwater Home Care");
  pack->introduction = g_strdup ("We help people live well at home.");
  pack->what_to_expect = g_strdup ("Your care workers will wear a badge with their name.");
  pack->rights = g_strdup ("You can say no to any part of your care.");
  pack->not_happy = g_strdup ("Tell us. We will listen and put it right.");
  pack->funding = g_strdup ("Your council may pay, or you can have a direct payment.");
  /* support_groups left empty: it must say so */
  g_assert_true (pl_store_save_welcome_pack (store, pack, &error));
  g_assert_no_error (error);
}

static gint64
add_complaint (PlStore *store,
               gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlComplaint) complaint = pl_complaint_new ();
  const struct {
    PlComplaintStatus status;
    const char *at;
    const char *note;
  } events[] = {
    { PL_COMPLAINT_ACKNOWLEDGED, "2026-11-13T09:00:00Z", "Sam rang to say sorry and to talk it through." },
    { PL_COMPLAINT_RECEIVED, "2026-11-11T10:00:00Z", "We have your complaint." },
  };

  complaint->person_id = person_id;
  complaint->kind = PL_FEEDBACK_COMPLAINT;
  complaint->reference = g_strdup ("BW-2026-014");
  complaint->status = PL_COMPLAINT_ACKNOWLEDGED;
  complaint->what_happened = g_strdup ("Nobody came on Tuesday evening.");
  complaint->when_happened = g_strdup ("2026-11-10");
  complaint->who_involved = g_strdup ("The evening care worker");
  complaint->put_right = g_strdup ("A phone call if someone is going to be late.");
  complaint->reply_method = g_strdup ("A letter in large print");
  complaint->helped_by = g_strdup (TEXT_WELSH);
  complaint->response_due = g_strdup ("2026-12-08");
  g_assert_true (pl_store_save_complaint (store, complaint, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr(PlComplaintEvent) event = pl_complaint_event_new ();

      event->complaint_id = complaint->id;
      event->status = events[i].status;
      event->at = g_strdup (events[i].at);
      event->note = g_strdup (events[i].note);
      event->actor = g_strdup ("Sam Patel");
      g_assert_true (pl_store_save_complaint_event (store, event, &error));
      g_assert_no_error (error);
    }

  return complaint->id;
}

/* Looking at documents */

static int
find_text (PlDocument  *document,
           PlBlockKind  kind,
           const char  *text)
{
  for (guint i = 0; i < pl_document_get_n_blocks (document); i++)
    {
      const PlBlock *block = pl_document_get_block (document, i);

      if (block->kind == kind && g_strcmp0 (block->text, text) == 0)
        return (int) i;
    }
  return -1;
}

static const PlBlock *
at_anchor (PlDocument *document,
           const char *anchor)
{
  int index = pl_document_find_anchor (document, anchor);

  g_assert_cmpint (index, >=, 0);
  return pl_document_get_block (document, (guint) index);
}

/* The block after the one with this anchor */
static const PlBlock *
after_anchor (PlDocument *document,
              const char *anchor)
{
  int index = pl_document_find_anchor (document, anchor);

  g_assert_cmpint (index, >=, 0);
  g_assert_cmpint (index + 1, <, (int) pl_document_get_n_blocks (document));
  return pl_document_get_block (document, (guint) index + 1);
}

/* The index after the last block under the heading at start */
static guint
part_end (PlDocument *document,
          guint       start)
{
  const PlBlock *heading = pl_document_get_block (document, start);
  guint i;

  g_assert_cmpint (heading->kind, ==, PL_BLOCK_HEADING);
  for (i = start + 1; i < pl_document_get_n_blocks (document); i++)
    {
      const PlBlock *block = pl_document_get_block (document, i);

      if (block->kind == PL_BLOCK_HEADING && block->level <= heading->level)
        break;
    }
  return i;
}

/* The block of this kind and label within [start, end), or NULL */
static const PlBlock *
find_labelled (PlDocument  *document,
               guint        start,
               guint        end,
               PlBlockKind  kind,
               const char  *label)
{
  for (guint i = start; i < end; i++)
    {
      const PlBlock *block = pl_document_get_block (document, i);

      if (block->kind == kind && g_strcmp0 (block->label, label) == 0)
        return block;
    }
  return NULL;
}

static void
assert_anchors_unique (PlDocument *document)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < pl_document_get_n_blocks (document); i++)
    {
      const PlBlock *block = pl_document_get_block (document, i);

      g_assert_nonnull (block->anchor);
      g_assert_cmpstr (block->anchor, !=, "");
      g_assert_nonnull (block->text);
      g_assert_false (g_hash_table_contains (seen, block->anchor));
      g_hash_table_add (seen, block->anchor);
      g_assert_cmpint (pl_document_find_anchor (document, block->anchor), ==, (int) i);
    }
}

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
  g_assert_cmpint (pl_document_find_anchor (document, "part"), ==, 3);
  g_assert_cmpint (pl_document_find_anchor (document, "part-3"), ==, 6);
  g_assert_cmpint (pl_document_find_anchor (document, "nowhere"), ==, -1);
  assert_anchors_unique (document);

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

static void
test_words_date (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "2026-11-16", "Monday 16 November 2026" },
    { "2026-11-16T09:30:00Z", "Monday 16 November 2026" },
    { "2027-01-01", "Friday 1 January 2027" },
    { "2026-11-10", "Tuesday 10 November 2026" },
    { "2026-02-30", "2026-02-30" },
    { "next week", "next week" },
    { "2026-11-161", "2026-11-161" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = pl_date_to_words (cases[i].in);

      g_assert_cmpstr (words, ==, cases[i].out);
    }
}

static void
test_words_time (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "08:30", "8:30 in the morning" },
    { "08:00", "8:00 in the morning" },
    { "8:05", "8:05 in the morning" },
    { "00:00", "midnight" },
    { "12:00", "midday" },
    { "12:30", "12:30 in the afternoon" },
    { "18:15", "6:15 in the evening" },
    { "22:05", "10:05 at night" },
    { "00:30", "12:30 at night" },
    { "07:45:00", "7:45 in the morning" },
    { "25:00", "25:00" },
    { "soon", "soon" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = pl_time_to_words (cases[i].in);

      g_assert_cmpstr (words, ==, cases[i].out);
    }
}

static void
test_words_duration (void)
{
  const struct { int in; const char *out; } cases[] = {
    { 45, "45 minutes" },
    { 1, "1 minute" },
    { 60, "1 hour" },
    { 90, "1 hour and 30 minutes" },
    { 120, "2 hours" },
    { 121, "2 hours and 1 minute" },
    { 0, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = pl_duration_to_words (cases[i].in);

      g_assert_cmpstr (words, ==, cases[i].out);
    }
}

/* The care plan */

static const char * const plan_parts[] = {
  "about-me", "outcomes", "visits", "priorities", "people", "coordinator", "medicines",
  "risks", "telecare", "missed-visit", "crisis", "culture", "money", "reviews", "agreement",
};

static void
test_plan_summary_links (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const PlBlock *block;
  Ids ids = { 0 };
  guint n, summary_end;

  add_example (f, &ids);
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
  summary_end = part_end (document, 1);

  n = pl_document_get_n_blocks (document);
  for (guint i = 0; i < n; i++)
    {
      block = pl_document_get_block (document, i);
      if (block->kind == PL_BLOCK_LINK)
        {
          /* Every link is in the summary, and leads to a heading that exists */
          g_assert_cmpuint (i, <, summary_end);
          g_assert_cmpint (pl_document_find_anchor (document, block->target), >, (int) i);
          g_assert_cmpint (at_anchor (document, block->target)->kind, ==, PL_BLOCK_HEADING);
          g_assert_cmpstr (at_anchor (document, block->target)->text, ==, block->text);
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
  g_assert_cmpstr (at_anchor (document, "summary-who")->text, ==,
                   "This plan is for Zoë Brontë, who likes to be called Zoë.");
  g_assert_cmpstr (at_anchor (document, "summary-version")->text, ==,
                   "Version 2, agreed on Monday 16 November 2026.");
  g_assert_cmpstr (at_anchor (document, "summary-start")->text, ==, "Monday 5 October 2026");
  g_assert_cmpstr (at_anchor (document, "summary-review")->text, ==, "Tuesday 9 November 2027");
  g_assert_cmpstr (at_anchor (document, "summary-coordinator")->text, ==, "Sam Patel, phone 01632 960123");
  /* Every day, Monday and Friday: 7 + 1 + 1 */
  g_assert_cmpstr (at_anchor (document, "summary-visits")->text, ==, "9 visits a week");
  g_assert_cmpuint (pl_document_find_anchor (document, "summary-visits"), <, summary_end);

  assert_anchors_unique (document);
}

static void
test_plan_empty_parts (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(PlDocument) no_plan = NULL;
  gint64 service, person, plan;
  guint n, n_notices = 0;

  service = add_service (f->store);
  person = add_person (f->store, service, "Arthur Pendle", NULL);
  plan = add_plan (f->store, person, 0);
  add_section (f->store, plan, PL_SECTION_WELLNESS, "I like a walk after lunch.");

  document = pl_document_build_plan (f->store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_document_get_title (document), ==, "Arthur Pendle's care and support plan");

  /* No part is dropped, and none is left with nothing under its heading */
  for (guint i = 0; i < G_N_ELEMENTS (plan_parts); i++)
    g_assert_cmpint (at_anchor (document, plan_parts[i])->kind, ==, PL_BLOCK_HEADING);

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
  g_assert_cmpstr (at_anchor (document, "summary-visits")->text, ==, "No visits are planned yet.");
  g_assert_cmpint (at_anchor (document, "coordinator")->kind, ==, PL_BLOCK_HEADING);
  g_assert_cmpint (pl_document_get_block (document, pl_document_find_anchor (document, "coordinator") + 1)->kind,
                   ==, PL_BLOCK_NOTICE);
  assert_anchors_unique (document);

  /* Someone with no plan at all still gets every part, each saying so */
  person = add_person (f->store, service, "Beatrice Hale", "Bea");
  no_plan = pl_document_build_plan (f->store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (at_anchor (no_plan, "summary-no-plan")->kind, ==, PL_BLOCK_NOTICE);
  for (guint i = 0; i < G_N_ELEMENTS (plan_parts); i++)
    g_assert_cmpint (at_anchor (no_plan, plan_parts[i])->kind, ==, PL_BLOCK_HEADING);
  g_assert_cmpstr (pl_document_get_block (no_plan, pl_document_find_anchor (no_plan, "agreement") + 1)->text,
                   ==, EMPTY_NOTICE);
  assert_anchors_unique (no_plan);
}

static void
test_plan_anchors_stable (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) first = NULL;
  g_autoptr(PlDocument) second = NULL;
  g_autofree char *anchor = NULL;
  Ids ids = { 0 };

  add_example (f, &ids);
  first = pl_document_build_plan (f->store, ids.person, &error);
  g_assert_no_error (error);

  /* Reopening the file changes nothing either */
  g_clear_pointer (&f->store, pl_store_unref);
  f->store = pl_store_open (f->path, PL_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  second = pl_document_build_plan (f->store, ids.person, &error);
  g_assert_no_error (error);

  assert_anchors_unique (first);
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
  g_assert_cmpstr (at_anchor (first, "about-me")->text, ==, "About me");
  g_assert_cmpstr (at_anchor (first, "most-important")->text, ==, "What is most important to me");
  g_assert_cmpstr (at_anchor (first, "visits")->text, ==, "My support and visit times");
  anchor = g_strdup_printf ("medicine-%" G_GINT64_FORMAT, ids.medicine);
  g_assert_cmpstr (at_anchor (first, anchor)->text, ==, "Paracetamol");
  g_free (anchor);
  anchor = g_strdup_printf ("outcome-%" G_GINT64_FORMAT, ids.outcome);
  g_assert_cmpstr (at_anchor (first, anchor)->text, ==, "I want to walk to the post office on my own");
  g_free (anchor);
  anchor = g_strdup_printf ("risk-%" G_GINT64_FORMAT, ids.risk);
  g_assert_cmpstr (at_anchor (first, anchor)->text, ==, "Making my own hot drinks");
  g_free (anchor);
  anchor = g_strdup_printf ("visit-%" G_GINT64_FORMAT, ids.visit_monday);
  g_assert_cmpint (at_anchor (first, anchor)->kind, ==, PL_BLOCK_FIELD);
  g_free (anchor);
  anchor = g_strdup_printf ("contact-%" G_GINT64_FORMAT, ids.daughter);
  g_assert_cmpint (at_anchor (first, anchor)->kind, ==, PL_BLOCK_CONTACT);
}

static void
test_plan_scripts (Fixture       *f,
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
  Ids ids = { 0 };

  add_example (f, &ids);
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
  g_assert_cmpint (find_text (document, PL_BLOCK_FIELD, TEXT_ACCENTS), >=, 0);
  g_assert_nonnull (strstr (at_anchor (document, "agreement")->text, "agreement"));
  g_assert_cmpint (find_text (document, PL_BLOCK_PARAGRAPH,
                              "I have read this plan with Sam and it is what I want. " TEXT_EMOJI),
                   >, pl_document_find_anchor (document, "agreement"));
  g_assert_nonnull (strstr (text, "Siân Llŷr (daughter)"));
  g_assert_nonnull (strstr (text, "Tomasz Wiśniewski (neighbour)"));
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

static void
test_plan_visits (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autofree char *monday = NULL;
  g_autofree char *daily = NULL;
  g_autofree char *friday = NULL;
  int every_day, monday_heading, friday_heading;
  Ids ids = { 0 };

  add_example (f, &ids);
  document = pl_document_build_plan (f->store, ids.person, &error);
  g_assert_no_error (error);

  monday = g_strdup_printf ("visit-%" G_GINT64_FORMAT, ids.visit_monday);
  daily = g_strdup_printf ("visit-%" G_GINT64_FORMAT, ids.visit_daily);
  friday = g_strdup_printf ("visit-%" G_GINT64_FORMAT, ids.visit_friday);

  /* NG21 1.4.2: the time and how long, in words */
  g_assert_cmpstr (at_anchor (document, monday)->label, ==, "8:00 in the morning, 45 minutes");
  g_assert_cmpstr (at_anchor (document, monday)->text, ==, "Getting up and breakfast");
  g_assert_cmpstr (at_anchor (document, daily)->label, ==, "12:30 in the afternoon, 30 minutes");
  g_assert_cmpstr (at_anchor (document, friday)->label, ==, "6:15 in the evening, 1 hour");

  /* Grouped by day, every day first, then the week in order */
  every_day = pl_document_find_anchor (document, "visits-every-day");
  monday_heading = pl_document_find_anchor (document, "visits-monday");
  friday_heading = pl_document_find_anchor (document, "visits-friday");
  g_assert_cmpstr (at_anchor (document, "visits-every-day")->text, ==, "Every day");
  g_assert_cmpstr (at_anchor (document, "visits-monday")->text, ==, "Monday");
  g_assert_cmpint (pl_document_find_anchor (document, "visits"), <, every_day);
  g_assert_cmpint (every_day, <, pl_document_find_anchor (document, daily));
  g_assert_cmpint (pl_document_find_anchor (document, daily), <, monday_heading);
  g_assert_cmpint (monday_heading, <, pl_document_find_anchor (document, monday));
  g_assert_cmpint (pl_document_find_anchor (document, monday), <, friday_heading);
  g_assert_cmpint (friday_heading, <, pl_document_find_anchor (document, friday));
  g_assert_cmpint (pl_document_find_anchor (document, "visits-tuesday"), ==, -1);
}

static void
test_plan_parts_content (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autofree char *anchor = NULL;
  guint start, end;
  int index;
  Ids ids = { 0 };

  add_example (f, &ids);
  document = pl_document_build_plan (f->store, ids.person, &error);
  g_assert_no_error (error);

  /* Recorded needs in plain words, with their category (NG86 1.1.5) */
  start = (guint) pl_document_find_anchor (document, "how-i-communicate");
  end = part_end (document, start);
  g_assert_cmpstr (find_labelled (document, start, end, PL_BLOCK_FIELD, "Information format")->text, ==,
                   "Written information in large print, at least 24 point\nBlack on cream paper");

  /* Lines starting "- " are list items; two spaces nest them */
  index = find_text (document, PL_BLOCK_LIST_ITEM, "Do not rush me");
  g_assert_cmpint (index, >, pl_document_find_anchor (document, "please-do-not"));
  g_assert_cmpint (pl_document_get_block (document, (guint) index)->level, ==, 1);
  index = find_text (document, PL_BLOCK_LIST_ITEM, "not even to dust");
  g_assert_cmpint (pl_document_get_block (document, (guint) index)->level, ==, 2);
  g_assert_cmpint (find_text (document, PL_BLOCK_PARAGRAPH, "Things I do not like:"), >=, 0);
  /* Blank lines part paragraphs */
  g_assert_cmpint (find_text (document, PL_BLOCK_PARAGRAPH, "Mornings are slow."), >=, 0);
  g_assert_cmpint (find_text (document, PL_BLOCK_PARAGRAPH, "Evenings are better."), >=, 0);

  /* Who may see what (NG86 1.1.14-1.1.15); safeguarding is not a person in my life */
  anchor = g_strdup_printf ("contact-%" G_GINT64_FORMAT "-may-see", ids.daughter);
  g_assert_cmpstr (at_anchor (document, anchor)->text, ==, "They may see my plan and my care diary.");
  g_free (anchor);
  anchor = g_strdup_printf ("contact-%" G_GINT64_FORMAT "-may-see", ids.neighbour);
  g_assert_cmpstr (at_anchor (document, anchor)->text, ==,
                   "Nothing yet: I have not agreed to share my records with them.");
  g_free (anchor);
  anchor = g_strdup_printf ("contact-%" G_GINT64_FORMAT "-may-see", ids.coordinator);
  g_assert_cmpstr (at_anchor (document, anchor)->text, ==,
                   "What they need to know to give me my care and support.");
  g_free (anchor);
  anchor = g_strdup_printf ("contact-%" G_GINT64_FORMAT, ids.safeguarding);
  g_assert_cmpint (pl_document_find_anchor (document, anchor), ==, -1);

  /* NG21 1.3.6: the named coordinator */
  g_assert_cmpstr (at_anchor (document, "coordinator-contact")->label, ==, "Care coordinator");
  g_assert_cmpstr (at_anchor (document, "coordinator-contact")->text, ==,
                   "Sam Patel\nPhone: 01632 960123");

  /* NG21 1.3.16: each thing about a medicine */
  start = (guint) pl_document_find_anchor (document, "medicines");
  end = part_end (document, start);
  g_assert_cmpstr (find_labelled (document, start, end, PL_BLOCK_FIELD, "What it is for")->text, ==,
                   "For the pain in my hip");
  g_assert_cmpstr (find_labelled (document, start, end, PL_BLOCK_FIELD, "How much")->text, ==,
                   "Two 500 mg tablets");
  g_assert_cmpstr (find_labelled (document, start, end, PL_BLOCK_FIELD, "When")->text, ==,
                   "With breakfast and with tea");
  g_assert_cmpstr (find_labelled (document, start, end, PL_BLOCK_FIELD, "The help I get")->text, ==,
                   "Remind me and pass me a glass of water");
  g_assert_nonnull (find_labelled (document, start, end, PL_BLOCK_FIELD, "If it is missed"));
  g_assert_cmpstr (find_labelled (document, start, end, PL_BLOCK_FIELD, "Who to ask about it")->text, ==,
                   "Dr Okafor at the surgery");

  /* NG21 1.3.14: an empty field is left out, the risk is not */
  start = (guint) pl_document_find_anchor (document, "risks");
  end = part_end (document, start);
  g_assert_cmpstr (find_labelled (document, start, end, PL_BLOCK_FIELD, "What it gives me")->text, ==,
                   "I stay in charge of my own kitchen");
  g_assert_null (find_labelled (document, start, end, PL_BLOCK_FIELD, "What it means for me"));

  /* In a crisis: the emergency contact is there */
  start = (guint) pl_document_find_anchor (document, "crisis");
  end = part_end (document, start);
  g_assert_nonnull (find_labelled (document, start, end, PL_BLOCK_CONTACT, "Emergency contact"));

  /* NG21 1.3.25 */
  g_assert_cmpstr (at_anchor (document, "next-review")->text, ==, "Tuesday 9 November 2027");
  g_assert_cmpstr (at_anchor (document, "agreed-on")->text, ==, "Monday 16 November 2026");
  g_assert_cmpstr (at_anchor (document, "agreed-by")->text, ==, TEXT_ACCENTS);
}

static void
test_plan_unknown_person (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;

  document = pl_document_build_plan (f->store, 4242, &error);
  g_assert_null (document);
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
}

/* The welcome pack */

static void
test_welcome (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autofree char *anchor = NULL;
  guint start, end;
  Ids ids = { 0 };

  add_example (f, &ids);
  add_welcome_pack (f->store, ids.service);
  document = pl_document_build_welcome (f->store, ids.person, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (pl_document_get_title (document), ==, "Welcome to Brightwater Home Care");
  g_assert_nonnull (strstr (at_anchor (document, "hello")->text, "Hello Zoë."));
  g_assert_cmpint (find_text (document, PL_BLOCK_PARAGRAPH, "We help people live well at home."), >=, 0);

  /* Made personal: my coordinator and my visit times */
  g_assert_cmpstr (at_anchor (document, "coordinator-contact")->text, ==, "Sam Patel\nPhone: 01632 960123");
  anchor = g_strdup_printf ("visit-%" G_GINT64_FORMAT, ids.visit_monday);
  g_assert_cmpstr (at_anchor (document, anchor)->label, ==, "8:00 in the morning, 45 minutes");

  /* NG21 1.2.1-1.2.6, each part there; the one not written says so */
  g_assert_cmpint (find_text (document, PL_BLOCK_PARAGRAPH,
                              "You can say no to any part of your care."),
                   >, pl_document_find_anchor (document, "rights"));
  g_assert_cmpint (find_text (document, PL_BLOCK_PARAGRAPH,
                              "Your council may pay, or you can have a direct payment."),
                   >, pl_document_find_anchor (document, "funding"));
  g_assert_cmpint (pl_document_get_block (document, pl_document_find_anchor (document, "support-groups") + 1)->kind,
                   ==, PL_BLOCK_NOTICE);

  /* Contacts, up to the Ombudsman */
  start = (guint) pl_document_find_anchor (document, "contacts");
  end = part_end (document, start);
  g_assert_cmpuint (end, ==, pl_document_get_n_blocks (document));
  g_assert_cmpstr (at_anchor (document, "contact-service")->text, ==,
                   "Brightwater Home Care\nPhone: 01632 960000\nEmail: office@brightwater.example\n"
                   "Open: Monday to Friday, 9 in the morning to 5 in the afternoon");
  g_assert_cmpstr (at_anchor (document, "contact-out-of-hours")->text, ==, "Phone: 01632 960999");
  g_assert_cmpstr (at_anchor (document, "contact-commissioner")->text, ==,
                   "Northshire County Council\nPhone: 01632 961000");
  g_assert_cmpstr (at_anchor (document, "contact-regulator")->text, ==,
                   "Care Quality Commission\nPhone: 03000 616161");
  g_assert_cmpint (at_anchor (document, "contact-ombudsman")->kind, ==, PL_BLOCK_CONTACT);
  g_assert_nonnull (strstr (at_anchor (document, "contact-ombudsman")->text,
                            "Local Government and Social Care Ombudsman"));
  g_assert_nonnull (strstr (at_anchor (document, "contact-ombudsman")->text, "0300 061 0614"));
  g_assert_nonnull (strstr (at_anchor (document, "contact-ombudsman")->text, "www.lgo.org.uk"));
  for (guint i = start + 1; i < end; i++)
    g_assert_cmpint (pl_document_get_block (document, i)->kind, ==, PL_BLOCK_CONTACT);

  assert_anchors_unique (document);
}

static void
test_welcome_no_pack (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  gint64 person;

  person = add_person (f->store, add_service (f->store), "Arthur Pendle", NULL);
  document = pl_document_build_welcome (f->store, person, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (pl_document_get_title (document), ==, "Welcome to Brightwater Home Care");
  g_assert_cmpint (at_anchor (document, "no-pack")->kind, ==, PL_BLOCK_NOTICE);
  g_assert_cmpint (pl_document_get_block (document, pl_document_find_anchor (document, "visits") + 1)->kind,
                   ==, PL_BLOCK_NOTICE);
  g_assert_cmpint (pl_document_get_block (document, pl_document_find_anchor (document, "rights") + 1)->kind,
                   ==, PL_BLOCK_NOTICE);
  g_assert_nonnull (strstr (at_anchor (document, "contact-ombudsman")->text, "0300 061 0614"));
  assert_anchors_unique (document);
}

/* NG86 1.6.11: published answers only, newest first, and never who said it */
static void
test_welcome_you_said_we_did (Fixture       *f,
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
  Ids ids = { 0 };

  add_example (f, &ids);
  before = pl_document_build_welcome (f->store, ids.person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_document_find_anchor (before, "you-said-we-did"), ==, -1);

  other = add_person (f->store, ids.service, "Arthur Pendle", NULL);
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
  g_assert_cmpint (at_anchor (document, "you-said-we-did")->kind, ==, PL_BLOCK_HEADING);
  g_assert_cmpstr (at_anchor (document, older_anchor)->text, ==, "Visits were late in the snow.");
  g_assert_cmpstr (at_anchor (document, older_anchor)->label, ==, "You said");
  g_assert_cmpint (find_text (document, PL_BLOCK_FIELD, "We gave care workers winter tyres."), ==,
                   pl_document_find_anchor (document, older_anchor) + 1);
  g_assert_cmpint (pl_document_find_anchor (document, newer_anchor), <,
                   pl_document_find_anchor (document, older_anchor));
  g_assert_cmpint (pl_document_find_anchor (document, "you-said-we-did"), <,
                   pl_document_find_anchor (document, "contacts"));

  text = pl_document_to_text (document);
  g_assert_null (strstr (text, "Not ready to say."));
  g_assert_null (strstr (text, "Arthur"));
  g_assert_null (strstr (text, "C-2026-0042"));
  assert_anchors_unique (document);
}

/* Complaints */

static void
test_complaint (Fixture       *f,
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
  Ids ids = { 0 };

  add_example (f, &ids);
  ids.complaint = add_complaint (f->store, ids.person);
  document = pl_document_build_complaint (f->store, ids.person, 0, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (pl_document_get_title (document), ==, "Zoë's complaint");
  g_assert_cmpstr (at_anchor (document, "reference")->text, ==, "BW-2026-014");
  g_assert_cmpstr (at_anchor (document, "status")->text, ==, "Acknowledged");
  g_assert_cmpstr (at_anchor (document, "response-due")->text, ==, "Tuesday 8 December 2026");

  /* The questions, in order, with the answers given */
  start = (guint) pl_document_find_anchor (document, "questions");
  end = part_end (document, start);
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
  first_event = find_text (document, PL_BLOCK_FIELD, "Received\nWe have your complaint.\nBy Sam Patel");
  second_event = find_text (document, PL_BLOCK_FIELD,
                            "Acknowledged\nSam rang to say sorry and to talk it through.\nBy Sam Patel");
  g_assert_cmpint (first_event, >, pl_document_find_anchor (document, "timeline"));
  g_assert_cmpint (first_event, <, second_event);
  g_assert_cmpstr (pl_document_get_block (document, (guint) first_event)->label, ==,
                   "Wednesday 11 November 2026");

  /* NG21 1.4.5-1.4.6: service, council, Ombudsman */
  start = (guint) pl_document_find_anchor (document, "escalate");
  end = part_end (document, start);
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
  g_assert_cmpstr (at_anchor (document, "danger")->text, ==, "If you are in danger or worried about abuse");
  g_assert_cmpint (at_anchor (document, "danger-notice")->kind, ==, PL_BLOCK_NOTICE);
  g_assert_nonnull (strstr (at_anchor (document, "danger-notice")->text, "999"));
  g_assert_null (strstr (at_anchor (document, "danger-notice")->text, "Ombudsman"));
  start = end;
  end = part_end (document, start);
  g_assert_nonnull (find_labelled (document, start, end, PL_BLOCK_CONTACT, "Safeguarding contact"));
  g_assert_null (find_labelled (document, start, end, PL_BLOCK_CONTACT, "Ombudsman"));
  /* …and reachable from the top */
  g_assert_cmpint (pl_document_get_block (document, 1)->kind, ==, PL_BLOCK_LINK);
  g_assert_cmpstr (pl_document_get_block (document, 1)->target, ==, "danger");

  assert_anchors_unique (document);
}

static void
test_complaint_choice (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) latest = NULL;
  g_autoptr(PlDocument) first = NULL;
  g_autoptr(PlDocument) other = NULL;
  g_autoptr(PlComplaint) compliment = pl_complaint_new ();
  gint64 other_person;
  Ids ids = { 0 };

  add_example (f, &ids);
  ids.complaint = add_complaint (f->store, ids.person);

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
  g_assert_cmpstr (at_anchor (latest, "what-happened")->text, ==, "Ana made my birthday special. " TEXT_EMOJI);
  g_assert_cmpint (pl_document_find_anchor (latest, "put-right"), ==, -1);
  g_assert_cmpint (pl_document_find_anchor (latest, "escalate"), ==, -1);
  g_assert_cmpint (at_anchor (latest, "danger-notice")->kind, ==, PL_BLOCK_NOTICE);
  g_assert_cmpint (pl_document_get_block (latest, pl_document_find_anchor (latest, "timeline") + 1)->kind,
                   ==, PL_BLOCK_NOTICE);

  first = pl_document_build_complaint (f->store, ids.person, ids.complaint, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_document_get_title (first), ==, "Zoë's complaint");

  /* Someone else's complaint is not shown */
  other_person = add_person (f->store, ids.service, "Arthur Pendle", NULL);
  other = pl_document_build_complaint (f->store, other_person, ids.complaint, &error);
  g_assert_null (other);
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
}

static void
test_complaint_none (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  gint64 person;

  person = add_person (f->store, add_service (f->store), "Arthur Pendle", NULL);
  document = pl_document_build_complaint (f->store, person, 0, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (pl_document_get_title (document), ==, "Complaints and compliments");
  g_assert_cmpstr (at_anchor (document, "none")->text, ==,
                   "You have not made a complaint or paid a compliment yet.");
  g_assert_cmpint (at_anchor (document, "how-to-complain")->kind, ==, PL_BLOCK_HEADING);
  g_assert_cmpint (find_text (document, PL_BLOCK_LIST_ITEM, "ring or write to the care service office"),
                   >, pl_document_find_anchor (document, "how-to-complain"));
  g_assert_nonnull (strstr (at_anchor (document, "escalate-ombudsman")->text, "0300 061 0614"));
  g_assert_cmpint (pl_document_find_anchor (document, "escalate"), <,
                   pl_document_find_anchor (document, "danger"));
  g_assert_cmpint (at_anchor (document, "danger-notice")->kind, ==, PL_BLOCK_NOTICE);
  /* No safeguarding contact recorded: the council is the way in */
  g_assert_cmpint (at_anchor (document, "danger-council")->kind, ==, PL_BLOCK_CONTACT);
  assert_anchors_unique (document);
}

/* The care diary */

/* The person's and a carer's comments under the entry they are about,
 * with anchors that stay the same from one build to the next */
static void
test_diary_comments (Fixture *f,
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
  g_assert_cmpstr (at_anchor (document, mine_anchor)->label, ==, "Your comment");
  g_assert_cmpstr (at_anchor (document, mine_anchor)->text, ==, "Diolch, roedd hi’n iawn 😊");
  g_assert_cmpstr (at_anchor (document, theirs_anchor)->label, ==, "Comment from Rhys");
  g_assert_cmpint (at_anchor (document, theirs_anchor)->kind, ==, PL_BLOCK_FIELD);

  /* Under their entry, oldest first, before the next entry begins */
  heading = pl_document_find_anchor (document, entry_anchor);
  next_anchor = g_strdup_printf ("entry-%" G_GINT64_FORMAT,
                                 ((PlDiaryEntry *) g_ptr_array_index (newest, 1))->id);
  next_heading = pl_document_find_anchor (document, next_anchor);
  g_assert_cmpint (heading, <, pl_document_find_anchor (document, mine_anchor));
  g_assert_cmpint (pl_document_find_anchor (document, mine_anchor), <,
                   pl_document_find_anchor (document, theirs_anchor));
  g_assert_cmpint (pl_document_find_anchor (document, theirs_anchor), <, next_heading);
  assert_anchors_unique (document);

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
  g_assert_cmpstr (at_anchor (again, theirs_anchor)->label, ==, "Comment from Rhys");
  g_assert_cmpstr (at_anchor (again, mine_anchor)->label, ==, "Your comment");
}

static void
test_diary (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(PlDocument) short_diary = NULL;
  g_autoptr(GPtrArray) days = g_ptr_array_new ();
  g_autoptr(GPtrArray) visits = g_ptr_array_new ();
  int late, cancelled;
  gint64 person;

  person = add_person (f->store, add_service (f->store), TEXT_ACCENTS, "Zoë");

  /* Saved out of order */
  add_diary (f->store, person, "2026-11-10", "18:15", NULL, NULL, PL_VISIT_MISSED,
             "Sam rang to say sorry, and Siân came instead.");
  add_diary (f->store, person, "2026-11-16", "08:00", "08:05", "08:50", PL_VISIT_COMPLETED, NULL);
  add_diary (f->store, person, "2026-11-14", "12:30", NULL, NULL, PL_VISIT_CANCELLED, NULL);
  add_diary (f->store, person, "2026-11-16", "18:15", "19:00", "19:45", PL_VISIT_LATE,
             "The office rang me at 6:40 to say they were running late.");
  add_diary (f->store, person, "2026-11-12", "08:00", "08:40", "09:25", PL_VISIT_LATE, NULL);

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
  late = find_text (document, PL_BLOCK_NOTICE,
                    "This visit was late. It was planned for 6:15 in the evening, "
                    "and the care worker arrived at 7:00 in the evening.");
  g_assert_cmpint (late, >, 0);
  g_assert_cmpstr (pl_document_get_block (document, (guint) late + 1)->label, ==, "What was done about it");
  g_assert_cmpstr (pl_document_get_block (document, (guint) late + 1)->text, ==,
                   "The office rang me at 6:40 to say they were running late.");
  g_assert_cmpint (find_text (document, PL_BLOCK_NOTICE, "This visit was missed: nobody came."), >, late);
  g_assert_cmpint (find_text (document, PL_BLOCK_FIELD, "Sam rang to say sorry, and Siân came instead."),
                   >, late);
  cancelled = find_text (document, PL_BLOCK_NOTICE, "This visit was cancelled.");
  g_assert_cmpint (cancelled, >, late);
  /* A cancelled visit needs no follow-up; a late one with none recorded says so */
  g_assert_cmpstr (pl_document_get_block (document, (guint) cancelled + 1)->label, !=,
                   "What was done about it");
  g_assert_cmpint (find_text (document, PL_BLOCK_FIELD,
                              "Nothing has been written about this yet. You can ask the care service office."),
                   >, cancelled);
  g_assert_cmpint (find_text (document, PL_BLOCK_NOTICE,
                              "This visit was late. It was planned for 8:00 in the morning, "
                              "and the care worker arrived at 8:40 in the morning."),
                   >, cancelled);

  /* The times a person reads */
  g_assert_cmpint (find_text (document, PL_BLOCK_FIELD, "8:05 in the morning"), >, 0);
  g_assert_cmpint (find_text (document, PL_BLOCK_FIELD, "8:50 in the morning"), >, 0);
  g_assert_cmpint (find_text (document, PL_BLOCK_FIELD, "Ana Kowalska"), >, 0);
  assert_anchors_unique (document);

  /* A limit keeps the newest */
  short_diary = pl_document_build_diary (f->store, person, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_document_find_anchor (short_diary, "day-2026-11-16"), >, 0);
  g_assert_cmpint (pl_document_find_anchor (short_diary, "day-2026-11-14"), ==, -1);

  test_diary_comments (f, person);
}

static void
test_diary_empty (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  gint64 person;

  person = add_person (f->store, 0, "Arthur Pendle", NULL);
  document = pl_document_build_diary (f->store, person, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pl_document_get_n_blocks (document), ==, 2);
  g_assert_cmpint (at_anchor (document, "empty")->kind, ==, PL_BLOCK_NOTICE);
}

/* A carer sees the parts the person shares with them, and is told plainly
 * which parts are not shared (NG86 1.1.14-1.1.15) */
static void
test_plan_shared (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) full = NULL;
  g_autoptr(PlDocument) shared = NULL;
  g_autoptr(PlDocument) refused = NULL;
  g_autofree char *full_text = NULL;
  g_autofree char *shared_text = NULL;
  Ids ids = { 0 };

  add_example (f, &ids);
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
  g_assert_cmpint (at_anchor (shared, "medicines")->kind, ==, PL_BLOCK_HEADING);
  g_assert_cmpint (after_anchor (shared, "medicines")->kind, ==, PL_BLOCK_NOTICE);
  g_assert_cmpint (after_anchor (shared, "medicines")->flags, ==, PL_BLOCK_NOT_SHARED);
  g_assert_cmpint (after_anchor (shared, "money")->flags, ==, PL_BLOCK_NOT_SHARED);
  g_assert_nonnull (strstr (after_anchor (shared, "money")->text, "not chosen to share"));
  g_assert_cmpint (after_anchor (full, "medicines")->flags, ==, PL_BLOCK_FLAGS_NONE);
  for (guint i = 0; i < pl_document_get_n_blocks (full); i++)
    g_assert_cmpint (pl_document_get_block (full, i)->flags & PL_BLOCK_NOT_SHARED, ==, 0);

  /* Everything else is the same */
  g_assert_cmpint (at_anchor (shared, "visits")->kind, ==, PL_BLOCK_HEADING);
  g_assert_cmpint (pl_document_find_anchor (shared, "crisis"), >=, 0);
  assert_anchors_unique (shared);

  /* Without the plan itself, nothing */
  refused = pl_document_build_plan_shared (f->store, ids.person,
                                           PL_SCOPE_BIT (PL_SCOPE_DIARY), &error);
  g_assert_null (refused);
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
}

/* A plan being written is shown as the person will see it once saved */
static void
test_plan_content (Fixture       *f,
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
  Ids ids = { 0 };

  add_example (f, &ids);
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
  g_assert_cmpint (find_text (editing, PL_BLOCK_HEADING,
                              "To walk to the post office with " TEXT_WELSH), >=, 0);
  g_assert_cmpstr (at_anchor (editing, "agreement-present")->text, ==,
                   "Me, my daughter and Sam my coordinator");
  g_assert_cmpstr (at_anchor (editing, "agreement-participation")->text, ==,
                   "I said what I wanted in my own words");
  assert_anchors_unique (editing);

  again = pl_document_build_plan (f->store, ids.person, &error);
  g_assert_no_error (error);
  again_text = pl_document_to_text (again);
  g_assert_cmpstr (again_text, ==, saved_text);
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
  g_test_add_func ("/plainly/document/words/date", test_words_date);
  g_test_add_func ("/plainly/document/words/time", test_words_time);
  g_test_add_func ("/plainly/document/words/duration", test_words_duration);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/plainly/document/plan-summary-links", test_plan_summary_links);
  ADD ("/plainly/document/plan-empty-parts", test_plan_empty_parts);
  ADD ("/plainly/document/plan-anchors-stable", test_plan_anchors_stable);
  ADD ("/plainly/document/plan-scripts", test_plan_scripts);
  ADD ("/plainly/document/plan-visits", test_plan_visits);
  ADD ("/plainly/document/plan-parts-content", test_plan_parts_content);
  ADD ("/plainly/document/plan-unknown-person", test_plan_unknown_person);
  ADD ("/plainly/document/plan-content", test_plan_content);
  ADD ("/plainly/document/welcome", test_welcome);
  ADD ("/plainly/document/welcome-no-pack", test_welcome_no_pack);
  ADD ("/plainly/document/welcome-you-said-we-did", test_welcome_you_said_we_did);
  ADD ("/plainly/document/complaint", test_complaint);
  ADD ("/plainly/document/complaint-choice", test_complaint_choice);
  ADD ("/plainly/document/complaint-none", test_complaint_none);
  ADD ("/plainly/document/diary", test_diary);
  ADD ("/plainly/document/diary-empty", test_diary_empty);
  ADD ("/plainly/document/plan-shared", test_plan_shared);

#undef ADD

  return g_test_run ();
}
