/* test-guidance.c: each guidance rule, on a plan that breaks it and one that does not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-demo.h"
#include "pl-document.h"
#include "pl-guidance.h"
#include "pl-test-util.h"

typedef struct
{
  char    *dir;
  PlStore *store;
  gint64   person_id;
  gint64   plan_id;
  gint64   coordinator_id;
  gint64   visit_id;
  gint64   medicine_id;
  gint64   need_id;
} Fixture;

static void
save (PlStore            *store,
      const PlRecordType *type,
      gpointer            record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_store_save (store, type, record, &error));
  g_assert_no_error (error);
}

static void
add_section (Fixture       *f,
             PlSectionKind  kind,
             const char    *body)
{
  g_autoptr(PlPlanSection) section = pl_plan_section_new ();

  section->plan_id = f->plan_id;
  section->kind = kind;
  section->body = g_strdup (body);
  save (f->store, &pl_plan_section_type, section);
}

/* A plan that follows every rule */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(PlPerson) person = pl_person_new ();
  g_autoptr(PlContact) coordinator = pl_contact_new ();
  g_autoptr(PlCommNeed) need = pl_comm_need_new ();
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(PlVisit) visit = pl_visit_new ();
  g_autoptr(PlMedicine) medicine = pl_medicine_new ();

  f->dir = pl_test_make_dir ("plainly-guidance");
  f->store = pl_test_open_store (f->dir, NULL);

  person->full_name = g_strdup ("Ada Jones");
  save (f->store, &pl_person_type, person);
  f->person_id = person->id;

  coordinator->person_id = person->id;
  coordinator->role = PL_CONTACT_COORDINATOR;
  coordinator->name = g_strdup ("Sam Patel");
  save (f->store, &pl_contact_type, coordinator);
  f->coordinator_id = coordinator->id;

  need->person_id = person->id;
  need->category = PL_NEED_INFORMATION_FORMAT;
  need->description = g_strdup ("Requires information in large print");
  save (f->store, &pl_comm_need_type, need);
  f->need_id = need->id;

  plan->person_id = person->id;
  plan->version = 1;
  plan->start_date = g_strdup ("2026-01-05");
  plan->next_review = g_strdup ("2026-02-16");  /* exactly 6 weeks */
  plan->coordinator_id = coordinator->id;
  save (f->store, &pl_plan_type, plan);
  f->plan_id = plan->id;

  add_section (f, PL_SECTION_MISSED_VISIT, "Ring the office on 0161 496 0000.");
  add_section (f, PL_SECTION_CRISIS, "Ring Julie, then 999.");

  visit->plan_id = plan->id;
  visit->weekday = 1;
  visit->start_time = g_strdup ("08:00");
  visit->duration = 30;
  save (f->store, &pl_visit_type, visit);
  f->visit_id = visit->id;

  medicine->plan_id = plan->id;
  medicine->name = g_strdup ("Metformin");
  medicine->purpose = g_strdup ("For my diabetes");
  medicine->timing = g_strdup ("With breakfast");
  save (f->store, &pl_medicine_type, medicine);
  f->medicine_id = medicine->id;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  pl_store_unref (f->store);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
}

static GPtrArray *
check (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = pl_guidance_check (f->store, f->plan_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

/* Every item names a known rule, cites it, and points at a place that is
 * really in the person's plan document */
static void
assert_items_well_formed (Fixture   *f,
                          GPtrArray *items)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = pl_document_build_plan (f->store, f->person_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      const PlGuidanceItem *item = g_ptr_array_index (items, i);

      g_assert_nonnull (item->rule);
      g_assert_true (pl_guidance_rule_find (item->rule->id) == item->rule);
      g_assert_cmpint (item->severity, ==, PL_GUIDANCE_ADVICE);
      g_assert_nonnull (item->type);
      g_assert_nonnull (item->message);
      g_assert_nonnull (strstr (item->message, item->rule->reference));
      g_assert_nonnull (item->anchor);
      if (pl_document_find_anchor (document, item->anchor) < 0)
        g_error ("Anchor “%s” of %s is not in the document", item->anchor, item->rule->id);
    }
}

static guint
count_rule (GPtrArray  *items,
            const char *id)
{
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (((const PlGuidanceItem *) g_ptr_array_index (items, i))->rule->id, id))
      n++;
  return n;
}

static const PlGuidanceItem *
only_item (GPtrArray  *items,
           const char *id)
{
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (((const PlGuidanceItem *) g_ptr_array_index (items, 0))->rule->id, ==, id);
  return g_ptr_array_index (items, 0);
}

static void
test_rules_table (void)
{
  guint n = 0;
  const PlGuidanceRule *rules = pl_guidance_rules (&n);

  g_assert_cmpuint (n, ==, 7);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (g_str_has_prefix (rules[i].reference, "NG21 ") ||
                     g_str_has_prefix (rules[i].reference, "NG86 "));
      g_assert_nonnull (rules[i].title);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (rules[i].id, !=, rules[j].id);
    }
  g_assert_null (pl_guidance_rule_find ("no-such-rule"));
}

static void
test_compliant (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) items = check (f);

  for (guint i = 0; i < items->len; i++)
    g_test_message ("unexpected: %s", ((PlGuidanceItem *) g_ptr_array_index (items, i))->message);
  g_assert_cmpuint (items->len, ==, 0);
}

static void
test_visit_short (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PlVisit) visit = pl_store_load_visit (f->store, f->visit_id, NULL);
  g_autoptr(GPtrArray) items = NULL;
  const PlGuidanceItem *item;

  visit->duration = 29;
  save (f->store, &pl_visit_type, visit);
  items = check (f);
  item = only_item (items, "visit-short");
  g_assert_true (item->type == &pl_visit_type);
  g_assert_cmpint (item->record_id, ==, visit->id);
  g_assert_nonnull (strstr (item->message, "Monday"));
  g_assert_nonnull (strstr (item->message, "29 minutes"));
  assert_items_well_formed (f, items);
}

static void
test_no_coordinator (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PlPlan) plan = pl_store_load_plan (f->store, f->plan_id, NULL);
  g_autoptr(PlContact) contact = pl_store_load_contact (f->store, f->coordinator_id, NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  /* Named on the plan, or a contact whose role is coordinator: either will do */
  plan->coordinator_id = 0;
  save (f->store, &pl_plan_type, plan);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = check (f);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  contact->role = PL_CONTACT_FAMILY;
  save (f->store, &pl_contact_type, contact);
  items = check (f);
  g_assert_true (only_item (items, "no-coordinator")->type == &pl_plan_type);
  assert_items_well_formed (f, items);
}

static void
set_section (Fixture       *f,
             PlSectionKind  kind,
             const char    *body)
{
  g_autoptr(GPtrArray) sections = pl_store_list_plan_sections (f->store, f->plan_id, NULL);

  for (guint i = 0; i < sections->len; i++)
    {
      PlPlanSection *section = g_ptr_array_index (sections, i);

      if (section->kind == kind)
        {
          g_free (section->body);
          section->body = g_strdup (body);
          save (f->store, &pl_plan_section_type, section);
        }
    }
}

static void
test_no_missed_visit_plan (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  const PlGuidanceItem *item;

  /* Only blanks is empty */
  set_section (f, PL_SECTION_MISSED_VISIT, "  \n ");
  items = check (f);
  item = only_item (items, "no-missed-visit-plan");
  g_assert_cmpstr (item->anchor, ==, "missed-visit");
  g_assert_cmpint (item->record_id, >, 0);
  assert_items_well_formed (f, items);
}

static void
test_no_crisis_plan (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) sections = pl_store_list_plan_sections (f->store, f->plan_id, NULL);
  g_autoptr(GPtrArray) items = NULL;
  const PlGuidanceItem *item;

  /* No section at all */
  for (guint i = 0; i < sections->len; i++)
    {
      PlPlanSection *section = g_ptr_array_index (sections, i);

      if (section->kind == PL_SECTION_CRISIS)
        g_assert_true (pl_store_delete_plan_section (f->store, section->id, NULL));
    }
  items = check (f);
  item = only_item (items, "no-crisis-plan");
  g_assert_cmpstr (item->anchor, ==, "crisis");
  g_assert_cmpint (item->record_id, ==, 0);
  assert_items_well_formed (f, items);
}

static void
test_medicine_incomplete (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PlMedicine) medicine = pl_store_load_medicine (f->store, f->medicine_id, NULL);
  g_autoptr(GPtrArray) items = NULL;
  const PlGuidanceItem *item;

  g_clear_pointer (&medicine->timing, g_free);
  save (f->store, &pl_medicine_type, medicine);
  items = check (f);
  item = only_item (items, "medicine-incomplete");
  g_assert_cmpint (item->record_id, ==, medicine->id);
  g_assert_nonnull (strstr (item->message, "Metformin"));
  g_assert_nonnull (strstr (item->message, "when it is taken"));
  assert_items_well_formed (f, items);
  g_clear_pointer (&items, g_ptr_array_unref);

  medicine->timing = g_strdup ("At night");
  g_clear_pointer (&medicine->purpose, g_free);
  save (f->store, &pl_medicine_type, medicine);
  items = check (f);
  item = only_item (items, "medicine-incomplete");
  g_assert_nonnull (strstr (item->message, "what it is for"));
}

static void
test_review_late (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PlPlan) plan = pl_store_load_plan (f->store, f->plan_id, NULL);
  g_autoptr(GPtrArray) items = NULL;

  /* First review: one day past 6 weeks */
  g_free (plan->next_review);
  plan->next_review = g_strdup ("2026-02-17");
  save (f->store, &pl_plan_type, plan);
  items = check (f);
  g_assert_nonnull (strstr (only_item (items, "review-late")->message, "6 weeks"));
  assert_items_well_formed (f, items);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* After a review, a year is fine… */
  plan->last_review = g_strdup ("2026-02-10");
  g_free (plan->next_review);
  plan->next_review = g_strdup ("2027-02-10");
  save (f->store, &pl_plan_type, plan);
  items = check (f);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* …a day more is not */
  g_free (plan->next_review);
  plan->next_review = g_strdup ("2027-02-11");
  save (f->store, &pl_plan_type, plan);
  items = check (f);
  g_assert_nonnull (strstr (only_item (items, "review-late")->message, "a year"));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* No date at all */
  g_clear_pointer (&plan->next_review, g_free);
  save (f->store, &pl_plan_type, plan);
  items = check (f);
  only_item (items, "review-late");
  assert_items_well_formed (f, items);
}

static void
test_no_information_format (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PlCommNeed) need = pl_store_load_comm_need (f->store, f->need_id, NULL);
  g_autoptr(GPtrArray) items = NULL;

  need->category = PL_NEED_ADDITIONAL_SUPPORT;
  save (f->store, &pl_comm_need_type, need);
  items = check (f);
  g_assert_cmpstr (only_item (items, "no-information-format")->anchor, ==, "how-i-communicate");
  assert_items_well_formed (f, items);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* No needs recorded is not this rule's business */
  g_assert_true (pl_store_delete_comm_need (f->store, need->id, NULL));
  items = check (f);
  g_assert_cmpuint (items->len, ==, 0);
}

/* A plan built to break every rule at once flags each of them */
static void
test_all_broken (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PlPlan) plan = pl_store_load_plan (f->store, f->plan_id, NULL);
  g_autoptr(PlVisit) visit = pl_store_load_visit (f->store, f->visit_id, NULL);
  g_autoptr(PlMedicine) medicine = pl_store_load_medicine (f->store, f->medicine_id, NULL);
  g_autoptr(PlCommNeed) need = pl_store_load_comm_need (f->store, f->need_id, NULL);
  g_autoptr(GPtrArray) items = NULL;
  guint n_rules = 0;
  const PlGuidanceRule *rules = pl_guidance_rules (&n_rules);

  g_assert_true (pl_store_delete_contact (f->store, f->coordinator_id, NULL));
  g_clear_pointer (&plan->next_review, g_free);
  plan->next_review = g_strdup ("2026-06-01");
  plan->coordinator_id = 0;
  save (f->store, &pl_plan_type, plan);
  set_section (f, PL_SECTION_MISSED_VISIT, NULL);
  set_section (f, PL_SECTION_CRISIS, "");
  visit->duration = 15;
  save (f->store, &pl_visit_type, visit);
  g_clear_pointer (&medicine->purpose, g_free);
  g_clear_pointer (&medicine->timing, g_free);
  save (f->store, &pl_medicine_type, medicine);
  need->category = PL_NEED_CONTACT_METHOD;
  save (f->store, &pl_comm_need_type, need);

  items = check (f);
  for (guint i = 0; i < n_rules; i++)
    g_assert_cmpuint (count_rule (items, rules[i].id), ==, 1);
  g_assert_cmpuint (items->len, ==, n_rules);
  assert_items_well_formed (f, items);
}

static void
test_missing_plan (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = pl_guidance_check (f->store, 9999, &error);

  g_assert_null (items);
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
}

/* The example person's plan: what staff would be told */
static void
test_example_person (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gint64 person_id = 0;

  g_assert_true (pl_demo_install (f->store, &person_id, &error));
  g_assert_no_error (error);
  plan = pl_store_current_plan (f->store, person_id, &error);
  g_assert_no_error (error);

  items = pl_guidance_check (f->store, plan->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      const PlGuidanceItem *item = g_ptr_array_index (items, i);

      g_test_message ("%s (%s, %s): %s", item->rule->id, item->anchor, item->rule->reference,
                      item->message);
    }

  /* Dot's plan is a good one: her visits are all half an hour or more, her
   * medicines say what they are for and when, and it has every part */
  g_assert_cmpuint (count_rule (items, "visit-short"), ==, 0);
  g_assert_cmpuint (count_rule (items, "no-coordinator"), ==, 0);
  g_assert_cmpuint (count_rule (items, "medicine-incomplete"), ==, 0);
  g_assert_cmpuint (count_rule (items, "no-missed-visit-plan"), ==, 0);
  g_assert_cmpuint (count_rule (items, "no-crisis-plan"), ==, 0);
  g_assert_cmpuint (count_rule (items, "no-information-format"), ==, 0);
  g_assert_cmpuint (count_rule (items, "review-late"), ==, 0);
  f->person_id = person_id;
  assert_items_well_formed (f, items);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plainly/guidance/rules-table", test_rules_table);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/plainly/guidance/compliant", test_compliant);
  ADD ("/plainly/guidance/visit-short", test_visit_short);
  ADD ("/plainly/guidance/no-coordinator", test_no_coordinator);
  ADD ("/plainly/guidance/no-missed-visit-plan", test_no_missed_visit_plan);
  ADD ("/plainly/guidance/no-crisis-plan", test_no_crisis_plan);
  ADD ("/plainly/guidance/medicine-incomplete", test_medicine_incomplete);
  ADD ("/plainly/guidance/review-late", test_review_late);
  ADD ("/plainly/guidance/no-information-format", test_no_information_format);
  ADD ("/plainly/guidance/all-broken", test_all_broken);
  ADD ("/plainly/guidance/missing-plan", test_missing_plan);
  ADD ("/plainly/guidance/example-person", test_example_person);
#undef ADD

  return g_test_run ();
}
