/* pl-document-example.c: a person with something in every part of the
 * plan, and ways to look at the documents built from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-diary.h"
#include "pl-document-example.h"
#include "pl-service-response.h"
#include "pl-test-util.h"

void
pl_doc_fixture_setup (PlDocFixture  *f,
                      gconstpointer  data)
{
  f->dir = pl_test_make_dir ("plainly-document");
  f->store = pl_test_open_store (f->dir, &f->path);
}

void
pl_doc_fixture_teardown (PlDocFixture  *f,
                         gconstpointer  data)
{
  g_clear_pointer (&f->store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Building the example */

gint64
pl_doc_test_add_service (PlStore *store)
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

gint64
pl_doc_test_add_person (PlStore    *store,
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

gint64
pl_doc_test_add_plan (PlStore *store,
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

void
pl_doc_test_add_section (PlStore       *store,
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

void
pl_doc_test_add_diary (PlStore        *store,
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
void
pl_doc_test_add_example (PlDocFixture *f,
                         PlDocIds     *ids)
{
  g_autoptr(GError) error = NULL;
  PlStore *store = f->store;

  ids->service = pl_doc_test_add_service (store);
  ids->person = pl_doc_test_add_person (store, ids->service, TEXT_ACCENTS, "Zoë");
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

  ids->plan = pl_doc_test_add_plan (store, ids->person, ids->coordinator);

  pl_doc_test_add_section (store, ids->plan, PL_SECTION_MOST_IMPORTANT, TEXT_ACCENTS);
  pl_doc_test_add_section (store, ids->plan, PL_SECTION_PEOPLE_IMPORTANT, TEXT_WELSH);
  pl_doc_test_add_section (store, ids->plan, PL_SECTION_HOW_I_COMMUNICATE,
               "Please speak slowly and face me. I hear better on my left side.");
  pl_doc_test_add_section (store, ids->plan, PL_SECTION_WELLNESS, "I sleep badly when I am in pain.");
  pl_doc_test_add_section (store, ids->plan, PL_SECTION_PLEASE_DO, TEXT_EMOJI);
  pl_doc_test_add_section (store, ids->plan, PL_SECTION_PLEASE_DO_NOT,
               "Things I do not like:\n- Do not rush me\n- Do not move my glasses\n  - not even to dust");
  pl_doc_test_add_section (store, ids->plan, PL_SECTION_HOW_AND_WHEN, "Mornings are slow.\n\nEvenings are better.");
  pl_doc_test_add_section (store, ids->plan, PL_SECTION_ALSO_WORTH_KNOWING, "I keep a spare key with Tomasz.");
  pl_doc_test_add_section (store, ids->plan, PL_SECTION_LIFE_STORY, TEXT_POLISH);
  pl_doc_test_add_section (store, ids->plan, PL_SECTION_STRENGTHS, "I know every bird in the garden.");
  pl_doc_test_add_section (store, ids->plan, PL_SECTION_ASPIRATIONS, "To see the sea again next summer.");
  pl_doc_test_add_section (store, ids->plan, PL_SECTION_PRIORITIES, "Getting up in time for church on Sunday.");
  pl_doc_test_add_section (store, ids->plan, PL_SECTION_FLEXIBLE_TIME, "A walk to the post office if there is time.");
  pl_doc_test_add_section (store, ids->plan, PL_SECTION_TELECARE, "I wear a pendant alarm.");
  pl_doc_test_add_section (store, ids->plan, PL_SECTION_MISSED_VISIT, "Ring Siân if nobody comes within 30 minutes.");
  pl_doc_test_add_section (store, ids->plan, PL_SECTION_CRISIS, "If I fall, press my pendant.");
  pl_doc_test_add_section (store, ids->plan, PL_SECTION_CULTURE, TEXT_ARABIC);
  pl_doc_test_add_section (store, ids->plan, PL_SECTION_MONEY, "My personal budget is a direct payment.");
  pl_doc_test_add_section (store, ids->plan, PL_SECTION_SUPPORTED_BY, "Sam Patel, my coordinator.");

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

void
pl_doc_test_add_welcome_pack (PlStore *store,
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

gint64
pl_doc_test_add_complaint (PlStore *store,
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

int
pl_doc_test_find_text (PlDocument  *document,
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

const PlBlock *
pl_doc_test_at_anchor (PlDocument *document,
                       const char *anchor)
{
  int index = pl_document_find_anchor (document, anchor);

  g_assert_cmpint (index, >=, 0);
  return pl_document_get_block (document, (guint) index);
}

/* The block after the one with this anchor */
const PlBlock *
pl_doc_test_after_anchor (PlDocument *document,
                          const char *anchor)
{
  int index = pl_document_find_anchor (document, anchor);

  g_assert_cmpint (index, >=, 0);
  g_assert_cmpint (index + 1, <, (int) pl_document_get_n_blocks (document));
  return pl_document_get_block (document, (guint) index + 1);
}

/* The index after the last block under the heading at start */
guint
pl_doc_test_part_end (PlDocument *document,
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
const PlBlock *
pl_doc_test_find_labelled (PlDocument  *document,
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

void
pl_doc_test_assert_anchors_unique (PlDocument *document)
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
