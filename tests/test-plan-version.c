/* test-plan-version.c: new versions, agreement, comparing versions and
 * "what has changed since you last looked"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "pl-demo.h"
#include "pl-document.h"
#include "pl-draft.h"
#include "pl-staff.h"
#include "pl-plan-version.h"
#include "pl-test-util.h"

typedef struct
{
  char    *dir;
  PlStore *store;
  gint64   person_id;
  gint64   plan_id;    /* the example person's agreed version 1 */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = NULL;

  f->dir = pl_test_make_dir ("plainly-plan-version");
  f->store = pl_test_open_store (f->dir, NULL);
  g_assert_true (pl_demo_install (f->store, &f->person_id, &error));
  g_assert_no_error (error);
  plan = pl_store_current_plan (f->store, f->person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->status, ==, PL_PLAN_AGREED);
  f->plan_id = plan->id;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  pl_store_unref (f->store);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gint64
new_version (Fixture *f,
             gint64   from)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (pl_plan_new_version (f->store, from, "staff:1", &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static GPtrArray *
compare (Fixture *f,
         gint64   older,
         gint64   newer)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *changes = pl_plan_compare (f->store, older, newer, &error);

  g_assert_no_error (error);
  g_assert_nonnull (changes);
  return changes;
}

static const PlPlanChange *
find_change (GPtrArray          *changes,
             const PlRecordType *type,
             const char         *field)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const PlPlanChange *change = g_ptr_array_index (changes, i);

      if (change->type == type && g_strcmp0 (change->field, field) == 0)
        return change;
    }
  return NULL;
}

/* Anchors of what is there now must be in the person's document */
static void
assert_anchors (Fixture   *f,
                GPtrArray *changes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = pl_document_build_plan (f->store, f->person_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < changes->len; i++)
    {
      const PlPlanChange *change = g_ptr_array_index (changes, i);

      g_assert_nonnull (change->anchor);
      g_assert_nonnull (change->label);
      if (pl_document_find_anchor (document, change->anchor) < 0)
        g_error ("Anchor “%s” for a change to %s is not in the document",
                 change->anchor, change->type->table);
    }
}

static void
test_new_version (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlanContent) old = NULL;
  g_autoptr(PlPlanContent) copy = NULL;
  g_autoptr(PlPlan) current = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 v2;

  pl_store_set_actor (f->store, "command-line");
  v2 = new_version (f, f->plan_id);
  g_assert_cmpstr (pl_store_get_actor (f->store), ==, "command-line");

  old = pl_plan_content_load (f->store, f->plan_id, &error);
  copy = pl_plan_content_load (f->store, v2, &error);
  g_assert_no_error (error);

  /* The old one is kept as it was */
  g_assert_cmpint (old->plan->status, ==, PL_PLAN_AGREED);
  g_assert_nonnull (old->plan->agreement);

  g_assert_cmpint (copy->plan->version, ==, old->plan->version + 1);
  g_assert_cmpint (copy->plan->status, ==, PL_PLAN_DRAFT);
  g_assert_null (copy->plan->agreement);
  g_assert_null (copy->plan->agreed_by);
  g_assert_cmpstr (copy->plan->next_review, ==, old->plan->next_review);
  g_assert_cmpint (copy->plan->coordinator_id, ==, old->plan->coordinator_id);
  for (guint i = 0; i < PL_PLAN_N_PARTS; i++)
    {
      g_assert_cmpuint (old->parts[i]->len, >, 0);
      g_assert_cmpuint (copy->parts[i]->len, ==, old->parts[i]->len);
      for (guint j = 0; j < copy->parts[i]->len; j++)
        g_assert_cmpint (PL_RECORD_ID (g_ptr_array_index (copy->parts[i], j)), !=,
                         PL_RECORD_ID (g_ptr_array_index (old->parts[i], j)));
    }

  /* The new version is the one the person now reads */
  current = pl_store_current_plan (f->store, f->person_id, &error);
  g_assert_cmpint (current->id, ==, v2);

  changes = compare (f, f->plan_id, v2);
  g_assert_cmpuint (changes->len, ==, 0);

  history = pl_store_list_history (f->store, &pl_plan_type, v2, &error);
  g_assert_cmpuint (history->len, >, 0);
  g_assert_cmpstr (((PlHistory *) g_ptr_array_index (history, 0))->field, ==, "(created)");
  g_assert_cmpstr (((PlHistory *) g_ptr_array_index (history, 0))->actor, ==, "staff:1");

  /* A copy of an older version still goes after the newest */
  {
    g_autoptr(PlPlan) v3 = pl_store_load_plan (f->store, new_version (f, f->plan_id), &error);

    g_assert_cmpint (v3->version, ==, old->plan->version + 2);
  }

  g_assert_false (pl_plan_new_version (f->store, 99999, NULL, NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
}

static void
test_compare (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 v2 = new_version (f, f->plan_id);
  g_autoptr(PlPlanContent) content = pl_plan_content_load (f->store, v2, &error);
  g_autoptr(PlOutcome) outcome = pl_outcome_new ();
  g_autoptr(GPtrArray) changes = NULL;
  PlVisit *visit = g_ptr_array_index (content->parts[PL_PLAN_PART_VISITS], 0);
  PlVisit *later = g_ptr_array_index (content->parts[PL_PLAN_PART_VISITS], 3);
  PlRisk *risk = g_ptr_array_index (content->parts[PL_PLAN_PART_RISKS], 0);
  const PlPlanChange *change;
  PlPlanSection *crisis = NULL;
  g_autofree char *old_duration = g_strdup_printf ("%d", visit->duration);
  g_autofree char *old_time = g_strdup (later->start_time);
  g_autofree char *visit_anchor = NULL;

  visit->duration += 15;
  g_assert_true (pl_store_save_visit (f->store, visit, &error));
  /* A visit moved in time is the same visit changed, not one gone and one new */
  g_free (later->start_time);
  later->start_time = g_strdup ("09:15");
  g_assert_true (pl_store_save_visit (f->store, later, &error));

  outcome->plan_id = v2;
  outcome->position = 99;
  outcome->outcome = g_strdup ("To sit in the garden when it is warm");
  g_assert_true (pl_store_save_outcome (f->store, outcome, &error));
  g_assert_true (pl_store_delete_risk (f->store, risk->id, &error));

  for (guint i = 0; i < content->parts[PL_PLAN_PART_SECTIONS]->len; i++)
    if (((PlPlanSection *) g_ptr_array_index (content->parts[PL_PLAN_PART_SECTIONS], i))->kind == PL_SECTION_CRISIS)
      crisis = g_ptr_array_index (content->parts[PL_PLAN_PART_SECTIONS], i);
  g_assert_nonnull (crisis);
  g_free (crisis->body);
  crisis->body = g_strdup ("Press my pendant. Then ring Julie.");
  g_assert_true (pl_store_save_plan_section (f->store, crisis, &error));

  g_free (content->plan->next_review);
  content->plan->next_review = g_strdup ("2027-01-15");
  g_assert_true (pl_store_save_plan (f->store, content->plan, &error));
  g_assert_no_error (error);

  changes = compare (f, f->plan_id, v2);
  for (guint i = 0; i < changes->len; i++)
    {
      const PlPlanChange *c = g_ptr_array_index (changes, i);

      g_test_message ("%d %s.%s: %s → %s (%s)", c->kind, c->type->table, c->field,
                      c->old_value, c->new_value, c->anchor);
    }
  g_assert_cmpuint (changes->len, ==, 6);

  change = find_change (changes, &pl_visit_type, "duration");
  g_assert_nonnull (change);
  g_assert_cmpint (change->kind, ==, PL_PLAN_CHANGE_CHANGED);
  g_assert_cmpstr (change->old_value, ==, old_duration);
  g_assert_cmpint (change->new_id, ==, visit->id);
  visit_anchor = g_strdup_printf ("visit-%" G_GINT64_FORMAT, visit->id);
  g_assert_cmpstr (change->anchor, ==, visit_anchor);

  change = find_change (changes, &pl_visit_type, "start_time");
  g_assert_nonnull (change);
  g_assert_cmpstr (change->old_value, ==, old_time);
  g_assert_cmpstr (change->new_value, ==, "09:15");
  g_assert_cmpint (change->new_id, ==, later->id);

  change = find_change (changes, &pl_outcome_type, NULL);
  g_assert_nonnull (change);
  g_assert_cmpint (change->kind, ==, PL_PLAN_CHANGE_ADDED);
  g_assert_cmpstr (change->new_value, ==, "To sit in the garden when it is warm");

  change = find_change (changes, &pl_risk_type, NULL);
  g_assert_nonnull (change);
  g_assert_cmpint (change->kind, ==, PL_PLAN_CHANGE_REMOVED);
  g_assert_cmpstr (change->old_value, ==, risk->activity);
  g_assert_cmpstr (change->anchor, ==, "risks");

  change = find_change (changes, &pl_plan_section_type, "body");
  g_assert_nonnull (change);
  g_assert_cmpstr (change->anchor, ==, "crisis");
  g_assert_cmpstr (change->new_value, ==, "Press my pendant. Then ring Julie.");

  change = find_change (changes, &pl_plan_type, "next_review");
  g_assert_nonnull (change);
  g_assert_cmpstr (change->new_value, ==, "2027-01-15");

  assert_anchors (f, changes);

  /* Compared the other way round, what was added was removed */
  {
    g_autoptr(GPtrArray) back = compare (f, v2, f->plan_id);

    g_assert_cmpuint (back->len, ==, changes->len);
    g_assert_cmpint (find_change (back, &pl_outcome_type, NULL)->kind, ==, PL_PLAN_CHANGE_REMOVED);
    g_assert_cmpint (find_change (back, &pl_risk_type, NULL)->kind, ==, PL_PLAN_CHANGE_ADDED);
  }
}

static void
test_json_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlanContent) content = pl_plan_content_load (f->store, f->plan_id, &error);
  g_autofree char *json = pl_plan_content_to_json (content);
  g_autoptr(PlPlanContent) back = pl_plan_content_from_json (json, &error);
  g_autoptr(GPtrArray) changes = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (back->plan->id, ==, content->plan->id);
  g_assert_cmpstr (back->plan->agreement, ==, content->plan->agreement);
  for (guint i = 0; i < PL_PLAN_N_PARTS; i++)
    g_assert_cmpuint (back->parts[i]->len, ==, content->parts[i]->len);
  changes = pl_plan_content_compare (content, back);
  g_assert_cmpuint (changes->len, ==, 0);

  g_assert_null (pl_plan_content_from_json ("[1, 2]", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_mark_agreed (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) v1 = NULL;
  g_autoptr(PlPlan) v2 = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 v2_id = new_version (f, f->plan_id);
  gboolean found = FALSE;

  g_assert_false (pl_plan_mark_agreed (f->store, v2_id, "Dot", "  \n", NULL, "staff:1", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pl_plan_mark_agreed (f->store, v2_id, NULL, "Yes, that is right.", NULL,
                                       "staff:1", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pl_plan_mark_agreed (f->store, v2_id, "Dot", "Yes.", "23/11/2026",
                                       "staff:1", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing changed by the refusals */
  v1 = pl_store_load_plan (f->store, f->plan_id, &error);
  g_assert_cmpint (v1->status, ==, PL_PLAN_AGREED);
  g_clear_pointer (&v1, pl_plan_free);

  g_assert_true (pl_plan_mark_agreed (f->store, v2_id, "Dorothy Whitaker",
                                      "Yes, that is right. I want the later time on Mondays.",
                                      "2026-11-23", "staff:1", &error));
  g_assert_no_error (error);

  v1 = pl_store_load_plan (f->store, f->plan_id, &error);
  v2 = pl_store_load_plan (f->store, v2_id, &error);
  g_assert_cmpint (v1->status, ==, PL_PLAN_SUPERSEDED);
  g_assert_cmpint (v2->status, ==, PL_PLAN_AGREED);
  g_assert_cmpstr (v2->agreed_by, ==, "Dorothy Whitaker");
  g_assert_cmpstr (v2->agreed_on, ==, "2026-11-23");
  g_assert_cmpstr (v2->agreement, ==, "Yes, that is right. I want the later time on Mondays.");

  history = pl_store_list_history (f->store, &pl_plan_type, f->plan_id, &error);
  for (guint i = 0; i < history->len; i++)
    {
      const PlHistory *h = g_ptr_array_index (history, i);

      if (g_str_equal (h->field, "status") && g_strcmp0 (h->new_value, "superseded") == 0)
        {
          found = TRUE;
          g_assert_cmpstr (h->actor, ==, "staff:1");
        }
    }
  g_assert_true (found);

  /* A replaced version cannot be agreed again */
  g_assert_false (pl_plan_mark_agreed (f->store, f->plan_id, "Dot", "Yes.", NULL, NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Today, when no date is given */
  {
    gint64 v3_id = new_version (f, v2_id);
    g_autoptr(PlPlan) v3 = NULL;
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    g_assert_true (pl_plan_mark_agreed (f->store, v3_id, "Dot", "Yes.", NULL, NULL, &error));
    v3 = pl_store_load_plan (f->store, v3_id, &error);
    g_assert_cmpstr (v3->agreed_on, ==, today);
  }
}

static void
test_changes_since_seen (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(PlPlanContent) content = NULL;
  gboolean seen = TRUE;
  gint64 v2;
  PlVisit *visit;

  /* Never looked: nothing to point out */
  changes = pl_plan_changes_since_seen (f->store, f->person_id, &seen, &error);
  g_assert_no_error (error);
  g_assert_false (seen);
  g_assert_cmpuint (changes->len, ==, 0);
  g_clear_pointer (&changes, g_ptr_array_unref);

  g_assert_true (pl_plan_mark_seen (f->store, f->person_id, &error));
  g_assert_no_error (error);
  changes = pl_plan_changes_since_seen (f->store, f->person_id, &seen, &error);
  g_assert_true (seen);
  g_assert_cmpuint (changes->len, ==, 0);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* NG86 1.4.8: a change of visit time, in a new version, is pointed out */
  v2 = new_version (f, f->plan_id);
  content = pl_plan_content_load (f->store, v2, &error);
  visit = g_ptr_array_index (content->parts[PL_PLAN_PART_VISITS], 0);
  g_free (visit->start_time);
  visit->start_time = g_strdup ("08:30");
  g_assert_true (pl_store_save_visit (f->store, visit, &error));

  changes = pl_plan_changes_since_seen (f->store, f->person_id, &seen, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (((PlPlanChange *) g_ptr_array_index (changes, 0))->field, ==, "start_time");
  assert_anchors (f, changes);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* Once seen, it is no longer new; a change made in place is seen too */
  g_assert_true (pl_plan_mark_seen (f->store, f->person_id, &error));
  changes = pl_plan_changes_since_seen (f->store, f->person_id, &seen, &error);
  g_assert_cmpuint (changes->len, ==, 0);
  g_clear_pointer (&changes, g_ptr_array_unref);

  visit->duration = 90;
  g_assert_true (pl_store_save_visit (f->store, visit, &error));
  changes = pl_plan_changes_since_seen (f->store, f->person_id, &seen, &error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (((PlPlanChange *) g_ptr_array_index (changes, 0))->new_value, ==, "90");

  /* Looking is not a change to the plan: no history for it */
  {
    g_autoptr(GPtrArray) views = pl_store_list_plan_views (f->store, f->person_id, &error);
    g_autoptr(GPtrArray) history = NULL;

    g_assert_cmpuint (views->len, ==, 1);
    history = pl_store_list_history (f->store, &pl_plan_view_type,
                                     ((PlPlanView *) g_ptr_array_index (views, 0))->id, &error);
    for (guint i = 0; i < history->len; i++)
      g_assert_cmpstr (((PlHistory *) g_ptr_array_index (history, i))->field, ==, "(created)");
  }
}

/* Drafts typed over the agreed plan become one new version when saved */
static void
test_save_drafts_as_version (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlanContent) before = pl_plan_content_load (f->store, f->plan_id, &error);
  g_autoptr(PlPlanContent) after = NULL;
  g_autoptr(PlStaff) staff = pl_staff_find (f->store, "sam.patel", NULL);
  g_autoptr(PlMedicine) medicine = NULL;
  g_autoptr(PlRisk) risk = pl_risk_new ();
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(PlVisit) other = pl_visit_new ();
  gint64 v2 = 0;
  guint applied = 0;

  /* The example's coordinator */
  g_assert_nonnull (staff);

  medicine = pl_medicine_copy (g_ptr_array_index (before->parts[PL_PLAN_PART_MEDICINES], 0));
  g_free (medicine->timing);
  medicine->timing = g_strdup ("With breakfast only");
  g_assert_true (pl_draft_save (f->store, staff->id, f->person_id, &pl_medicine_type, medicine,
                                NULL, NULL, &error));

  risk->plan_id = f->plan_id;
  risk->position = 9;
  risk->activity = g_strdup ("Gardening on my own");
  g_assert_true (pl_draft_save (f->store, staff->id, f->person_id, &pl_risk_type, risk,
                                "new-risk", NULL, &error));

  plan = pl_plan_copy (before->plan);
  g_free (plan->next_review);
  plan->next_review = g_strdup ("2027-01-10");
  g_assert_true (pl_draft_save (f->store, staff->id, f->person_id, &pl_plan_type, plan,
                                NULL, NULL, &error));

  /* A draft for another plan's part stays a draft */
  other->plan_id = 424242;
  other->start_time = g_strdup ("10:00");
  other->duration = 30;
  g_assert_true (pl_draft_save (f->store, staff->id, f->person_id, &pl_visit_type, other,
                                "elsewhere", NULL, &error));
  g_assert_no_error (error);

  g_assert_true (pl_plan_save_drafts_as_version (f->store, f->plan_id, staff->id, "staff:1",
                                                 &v2, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (applied, ==, 3);

  after = pl_plan_content_load (f->store, v2, &error);
  g_assert_cmpint (after->plan->status, ==, PL_PLAN_DRAFT);
  g_assert_cmpint (after->plan->version, ==, before->plan->version + 1);
  g_assert_null (after->plan->agreement);

  changes = compare (f, f->plan_id, v2);
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpstr (find_change (changes, &pl_medicine_type, "timing")->new_value, ==,
                   "With breakfast only");
  g_assert_cmpint (find_change (changes, &pl_risk_type, NULL)->kind, ==, PL_PLAN_CHANGE_ADDED);
  g_assert_cmpstr (find_change (changes, &pl_plan_type, "next_review")->new_value, ==, "2027-01-10");

  /* The agreed version is as it was */
  {
    g_autoptr(PlPlanContent) old = pl_plan_content_load (f->store, f->plan_id, &error);
    g_autoptr(GPtrArray) none = pl_plan_content_compare (before, old);

    g_assert_cmpuint (none->len, ==, 0);
    g_assert_cmpint (old->plan->status, ==, PL_PLAN_AGREED);
  }

  left = pl_draft_list_for (f->store, staff->id, 0, &error);
  g_assert_cmpuint (left->len, ==, 1);
  g_assert_cmpstr (((PlDraft *) g_ptr_array_index (left, 0))->new_key, ==, "elsewhere");
}

/* A part removed in the form is left out of the new version, and the
 * version it came from keeps it */
static void
test_save_drafts_removal (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlanContent) before = pl_plan_content_load (f->store, f->plan_id, &error);
  g_autoptr(PlPlanContent) after = NULL;
  g_autoptr(PlPlanContent) old = NULL;
  g_autoptr(PlStaff) staff = pl_staff_find (f->store, "sam.patel", NULL);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) left = NULL;
  const PlRisk *gone;
  gint64 v2 = 0;
  guint applied = 0;

  g_assert_nonnull (staff);
  g_assert_cmpuint (before->parts[PL_PLAN_PART_RISKS]->len, >, 0);
  gone = g_ptr_array_index (before->parts[PL_PLAN_PART_RISKS], 0);

  g_assert_true (pl_draft_save_removal (f->store, staff->id, f->person_id, &pl_risk_type,
                                        gone->id, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (pl_plan_save_drafts_as_version (f->store, f->plan_id, staff->id, "staff:1",
                                                 &v2, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (applied, ==, 1);

  after = pl_plan_content_load (f->store, v2, &error);
  g_assert_cmpuint (after->parts[PL_PLAN_PART_RISKS]->len, ==,
                    before->parts[PL_PLAN_PART_RISKS]->len - 1);
  for (guint i = 0; i < after->parts[PL_PLAN_PART_RISKS]->len; i++)
    g_assert_cmpstr (((PlRisk *) g_ptr_array_index (after->parts[PL_PLAN_PART_RISKS], i))->activity,
                     !=, gone->activity);

  changes = compare (f, f->plan_id, v2);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpint (find_change (changes, &pl_risk_type, NULL)->kind, ==, PL_PLAN_CHANGE_REMOVED);

  old = pl_plan_content_load (f->store, f->plan_id, &error);
  g_assert_cmpuint (old->parts[PL_PLAN_PART_RISKS]->len, ==, before->parts[PL_PLAN_PART_RISKS]->len);

  left = pl_draft_list_for (f->store, staff->id, f->person_id, &error);
  g_assert_cmpuint (left->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/plainly/plan-version/new-version", test_new_version);
  ADD ("/plainly/plan-version/compare", test_compare);
  ADD ("/plainly/plan-version/json-round-trip", test_json_round_trip);
  ADD ("/plainly/plan-version/mark-agreed", test_mark_agreed);
  ADD ("/plainly/plan-version/changes-since-seen", test_changes_since_seen);
  ADD ("/plainly/plan-version/save-drafts-as-version", test_save_drafts_as_version);
  ADD ("/plainly/plan-version/save-drafts-removal", test_save_drafts_removal);
#undef ADD

  return g_test_run ();
}
