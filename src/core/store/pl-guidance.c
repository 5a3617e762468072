/* pl-guidance.c: friendly advice from the guidelines about a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each rule is a function over the plan's parts that adds the points it
 * finds; the rules table gives each its id and the recommendation it comes
 * from. Nothing here touches the store but pl_guidance_check's loading.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include "pl-i18n.h"

#include "pl-record.h"
#include "pl-document-private.h"
#include "pl-guidance.h"

#define FIRST_REVIEW_DAYS 42   /* 6 weeks */
#define SHORTEST_VISIT    30   /* minutes */

typedef struct
{
  const PlPlanContent *content;
  GPtrArray           *contacts;
  GPtrArray           *needs;
} Check;

typedef void (*RuleFunc) (const Check          *check,
                          const PlGuidanceRule *rule,
                          GPtrArray            *items);

static void rule_visit_short          (const Check *, const PlGuidanceRule *, GPtrArray *);
static void rule_no_coordinator       (const Check *, const PlGuidanceRule *, GPtrArray *);
static void rule_no_missed_visit_plan (const Check *, const PlGuidanceRule *, GPtrArray *);
static void rule_no_crisis_plan       (const Check *, const PlGuidanceRule *, GPtrArray *);
static void rule_medicine_incomplete  (const Check *, const PlGuidanceRule *, GPtrArray *);
static void rule_review_late          (const Check *, const PlGuidanceRule *, GPtrArray *);
static void rule_no_information_format (const Check *, const PlGuidanceRule *, GPtrArray *);

static const PlGuidanceRule rules[] = {
  { "visit-short", "NG21 1.4.2", N_("Visits are at least half an hour") },
  { "no-coordinator", "NG21 1.3.6", N_("A care coordinator is named") },
  { "no-missed-visit-plan", "NG21 1.4.12", N_("The plan says what happens if a visit is missed or late") },
  { "no-crisis-plan", "NG86 1.3.17", N_("The plan says what to do in a crisis") },
  { "medicine-incomplete", "NG21 1.3.16", N_("Each medicine says what it is for and when it is taken") },
  { "review-late", "NG21 1.3.25", N_("Reviews: the first within 6 weeks, then at least once a year") },
  { "no-information-format", "NG86 1.1.5", N_("The format the person needs information in is recorded") },
};

static const RuleFunc rule_funcs[] = {
  rule_visit_short,
  rule_no_coordinator,
  rule_no_missed_visit_plan,
  rule_no_crisis_plan,
  rule_medicine_incomplete,
  rule_review_late,
  rule_no_information_format,
};

G_STATIC_ASSERT (G_N_ELEMENTS (rules) == G_N_ELEMENTS (rule_funcs));

const PlGuidanceRule *
pl_guidance_rules (guint *n_rules)
{
  if (n_rules != NULL)
    *n_rules = G_N_ELEMENTS (rules);
  return rules;
}

const PlGuidanceRule *
pl_guidance_rule_find (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_str_equal (rules[i].id, id))
      return &rules[i];
  return NULL;
}

void
pl_guidance_item_free (PlGuidanceItem *item)
{
  if (item == NULL)
    return;
  g_free (item->message);
  g_free (item->anchor);
  g_free (item);
}

static void
add_item (GPtrArray            *items,
          const PlGuidanceRule *rule,
          const PlRecordType   *type,
          gint64                record_id,
          char                 *anchor,
          char                 *message)
{
  PlGuidanceItem *item = g_new0 (PlGuidanceItem, 1);

  item->rule = rule;
  item->severity = PL_GUIDANCE_ADVICE;
  item->type = type;
  item->record_id = record_id;
  item->anchor = anchor;
  item->message = message;
  g_ptr_array_add (items, item);
}

/* NG21 1.4.2: visits under half an hour only when the worker knows the
 * person, the visit is part of a wider package and there is time enough */
static void
rule_visit_short (const Check          *check,
                  const PlGuidanceRule *rule,
                  GPtrArray            *items)
{
  GPtrArray *visits = check->content->parts[PL_PLAN_PART_VISITS];

  for (guint i = 0; i < visits->len; i++)
    {
      const PlVisit *visit = g_ptr_array_index (visits, i);
      const char *time = visit->start_time != NULL ? visit->start_time : "";
      char *message;

      if (visit->duration >= SHORTEST_VISIT)
        continue;

      if (visit->weekday == 0)
        /* Translators: the time ("12:30") and the length in minutes */
        message = g_strdup_printf (_("The daily visit at %s is %d minutes. NICE guidance "
                                     "(NG21 1.4.2) says visits shorter than half an hour should only "
                                     "be made if the care worker is known to the person, the visit "
                                     "is part of a wider package of support, and there is enough "
                                     "time for the tasks or to check the person is safe and well."),
                                   time, visit->duration);
      else
        /* Translators: the day ("Monday"), the time ("12:30") and the length in minutes */
        message = g_strdup_printf (_("The %s visit at %s is %d minutes. NICE guidance "
                                     "(NG21 1.4.2) says visits shorter than half an hour should only "
                                     "be made if the care worker is known to the person, the visit "
                                     "is part of a wider package of support, and there is enough "
                                     "time for the tasks or to check the person is safe and well."),
                                   pl_weekday_label (visit->weekday), time, visit->duration);

      add_item (items, rule, &pl_visit_type, visit->id,
                pl_plan_anchor_for (&pl_visit_type, visit), message);
    }
}

/* NG21 1.3.6: one named person who makes sure the plan happens */
static void
rule_no_coordinator (const Check          *check,
                     const PlGuidanceRule *rule,
                     GPtrArray            *items)
{
  const PlPlan *plan = check->content->plan;

  /* The same coordinator the person's document shows */
  if (pl_document_find_coordinator (check->contacts, plan) != NULL)
    return;

  add_item (items, rule, &pl_plan_type, plan->id, g_strdup ("coordinator"),
            g_strdup (_("No care coordinator is named. NICE guidance (NG21 1.3.6) suggests "
                        "naming one person, from those who give the care, who makes sure the "
                        "plan happens and whom the person and their carers can contact.")));
}

static const PlPlanSection *
find_section (const Check   *check,
              PlSectionKind  kind)
{
  GPtrArray *sections = check->content->parts[PL_PLAN_PART_SECTIONS];
  const PlPlanSection *found = NULL;

  for (guint i = 0; i < sections->len; i++)
    {
      const PlPlanSection *section = g_ptr_array_index (sections, i);

      if (section->kind == kind)
        found = section;
    }
  return found;
}

static void
check_section (const Check          *check,
               const PlGuidanceRule *rule,
               GPtrArray            *items,
               PlSectionKind         kind,
               const char           *message)
{
  const PlPlanSection *section = find_section (check, kind);

  if (section != NULL && !pl_text_is_blank (section->body))
    return;

  add_item (items, rule, &pl_plan_section_type, section != NULL ? section->id : 0,
            g_strdup (pl_section_kind_nicks[kind]), g_strdup (message));
}

/* NG21 1.4.12: plans for missed visits, such as who to contact */
static void
rule_no_missed_visit_plan (const Check          *check,
                           const PlGuidanceRule *rule,
                           GPtrArray            *items)
{
  check_section (check, rule, items, PL_SECTION_MISSED_VISIT,
                 _("The plan does not say what happens if a visit is missed or late. "
                   "NICE guidance (NG21 1.4.12) asks for a plan for missed visits: "
                   "who the person or their carer should contact, and what will be done."));
}

/* NG86 1.3.17: contingency planning and what to do in a crisis */
static void
rule_no_crisis_plan (const Check          *check,
                     const PlGuidanceRule *rule,
                     GPtrArray            *items)
{
  check_section (check, rule, items, PL_SECTION_CRISIS,
                 _("The plan does not say what to do in a crisis. NICE guidance "
                   "(NG86 1.3.17) asks for plans to include contingency planning and what to do "
                   "in a crisis."));
}

/* NG21 1.3.16: what each medicine is for, and how and when it is taken */
static void
rule_medicine_incomplete (const Check          *check,
                          const PlGuidanceRule *rule,
                          GPtrArray            *items)
{
  GPtrArray *medicines = check->content->parts[PL_PLAN_PART_MEDICINES];

  for (guint i = 0; i < medicines->len; i++)
    {
      const PlMedicine *medicine = g_ptr_array_index (medicines, i);
      gboolean no_purpose = pl_text_is_blank (medicine->purpose);
      gboolean no_timing = pl_text_is_blank (medicine->timing);
      char *message;

      if (!no_purpose && !no_timing)
        continue;

      /* Translators: %s is the medicine's name */
      if (no_purpose && no_timing)
        message = g_strdup_printf (_("“%s” does not say what it is for or when it is taken. "
                                     "NICE guidance (NG21 1.3.16) asks the plan to say what "
                                     "each medicine is for, and how and when it is taken."),
                                   medicine->name);
      else if (no_purpose)
        message = g_strdup_printf (_("“%s” does not say what it is for. "
                                     "NICE guidance (NG21 1.3.16) asks the plan to say what "
                                     "each medicine is for, and how and when it is taken."),
                                   medicine->name);
      else
        message = g_strdup_printf (_("“%s” does not say when it is taken. "
                                     "NICE guidance (NG21 1.3.16) asks the plan to say what "
                                     "each medicine is for, and how and when it is taken."),
                                   medicine->name);

      add_item (items, rule, &pl_medicine_type, medicine->id,
                pl_plan_anchor_for (&pl_medicine_type, medicine), message);
    }
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  unsigned int y, m, d;
  char end;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &end) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/* NG21 1.3.25: a first review within 6 weeks, then at least once a year */
static void
rule_review_late (const Check          *check,
                  const PlGuidanceRule *rule,
                  GPtrArray            *items)
{
  const PlPlan *plan = check->content->plan;
  GDate next, start, last, limit;
  char *message = NULL;

  if (!parse_date (plan->next_review, &next))
    {
      add_item (items, rule, &pl_plan_type, plan->id, g_strdup ("reviews"),
                g_strdup (_("No date is set for the next review. NICE guidance (NG21 1.3.25) "
                            "asks for a first review within 6 weeks of the plan starting, then "
                            "reviews at least once a year.")));
      return;
    }

  if (parse_date (plan->last_review, &last))
    {
      limit = last;
      g_date_add_years (&limit, 1);
      if (g_date_compare (&next, &limit) > 0)
        /* Translators: the next review date, then the last review date, as YYYY-MM-DD */
        message = g_strdup_printf (_("The next review is set for %s, more than a year after the "
                                     "last review on %s. NICE guidance (NG21 1.3.25) asks for "
                                     "reviews at least once a year."),
                                   plan->next_review, plan->last_review);
    }
  else if (parse_date (plan->start_date, &start))
    {
      limit = start;
      g_date_add_days (&limit, FIRST_REVIEW_DAYS);
      if (g_date_compare (&next, &limit) > 0)
        /* Translators: the first review date, then the start date, as YYYY-MM-DD */
        message = g_strdup_printf (_("The first review is set for %s, more than 6 weeks after "
                                     "the plan started on %s. NICE guidance (NG21 1.3.25) asks "
                                     "for a first review within 6 weeks."),
                                   plan->next_review, plan->start_date);
    }

  if (message != NULL)
    add_item (items, rule, &pl_plan_type, plan->id, g_strdup ("reviews"), message);
}

/* Accessible Information Standard, NG86 1.1.5: with needs recorded, the
 * format information must come in is one of them */
static void
rule_no_information_format (const Check          *check,
                            const PlGuidanceRule *rule,
                            GPtrArray            *items)
{
  if (check->needs == NULL || check->needs->len == 0)
    return;

  for (guint i = 0; i < check->needs->len; i++)
    if (((const PlCommNeed *) g_ptr_array_index (check->needs, i))->category ==
        PL_NEED_INFORMATION_FORMAT)
      return;

  add_item (items, rule, &pl_comm_need_type, 0, g_strdup ("how-i-communicate"),
            g_strdup (_("Communication needs are recorded, but not the format the person needs "
                        "information in, such as large print, easy read or audio. The Accessible "
                        "Information Standard and NICE guidance (NG86 1.1.5) ask for it to be "
                        "recorded, so every letter and plan reaches them in a way they can use.")));
}

GPtrArray *
pl_guidance_check_content (const PlPlanContent *content,
                           GPtrArray           *contacts,
                           GPtrArray           *comm_needs)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_guidance_item_free);
  Check check = { content, contacts, comm_needs };

  g_return_val_if_fail (content != NULL && content->plan != NULL, items);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    rule_funcs[i] (&check, &rules[i], items);

  return items;
}

GPtrArray *
pl_guidance_check (PlStore  *store,
                   gint64    plan_id,
                   GError  **error)
{
  g_autoptr(PlPlanContent) content = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) needs = NULL;

  g_return_val_if_fail (store != NULL, NULL);

  content = pl_plan_content_load (store, plan_id, error);
  if (content == NULL)
    return NULL;
  contacts = pl_store_list_contacts (store, content->plan->person_id, error);
  if (contacts == NULL)
    return NULL;
  needs = pl_store_list_comm_needs (store, content->plan->person_id, error);
  if (needs == NULL)
    return NULL;

  return pl_guidance_check_content (content, contacts, needs);
}

/* Reading figures ------------------------------------------------------- */

void
pl_guidance_reading_free (PlGuidanceReading *reading)
{
  if (reading == NULL)
    return;
  g_free (reading->anchor);
  g_free (reading);
}

static void
append_text (GString    *text,
             const char *words)
{
  if (pl_text_is_blank (words))
    return;
  /* Each field on a line of its own: a sentence ends with it, as a
   * purpose with no full stop ends where the tasks begin */
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, words);
}

static void
add_reading (GPtrArray  *readings,
             const char *title,
             const char *anchor,
             GString    *text)
{
  PlGuidanceReading *reading;

  if (text->len == 0)
    return;
  reading = g_new0 (PlGuidanceReading, 1);
  reading->title = title;
  reading->anchor = g_strdup (anchor);
  pl_plain_words_figures (text->str, &reading->figures);
  g_ptr_array_add (readings, reading);
}

GPtrArray *
pl_guidance_reading (const PlPlanContent *content)
{
  GPtrArray *readings = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_guidance_reading_free);
  g_autoptr(GString) text = g_string_new (NULL);
  GPtrArray *part;

  g_return_val_if_fail (content != NULL, readings);

  /* About me, a section at a time, in the order of the plan */
  for (int kind = 0; kind < PL_SECTION_N_KINDS; kind++)
    {
      part = content->parts[PL_PLAN_PART_SECTIONS];
      g_string_truncate (text, 0);
      for (guint i = 0; i < part->len; i++)
        {
          const PlPlanSection *section = g_ptr_array_index (part, i);

          if ((int) section->kind == kind)
            append_text (text, section->body);
        }
      add_reading (readings, pl_section_kind_title (kind), pl_section_kind_nicks[kind], text);
    }

  part = content->parts[PL_PLAN_PART_OUTCOMES];
  g_string_truncate (text, 0);
  for (guint i = 0; i < part->len; i++)
    {
      const PlOutcome *outcome = g_ptr_array_index (part, i);

      append_text (text, outcome->outcome);
      append_text (text, outcome->measure);
      append_text (text, outcome->progress);
    }
  add_reading (readings, _("Outcomes"), "outcomes", text);

  part = content->parts[PL_PLAN_PART_VISITS];
  g_string_truncate (text, 0);
  for (guint i = 0; i < part->len; i++)
    {
      const PlVisit *visit = g_ptr_array_index (part, i);

      append_text (text, visit->purpose);
      append_text (text, visit->tasks);
    }
  add_reading (readings, _("Visits"), "visits", text);

  /* Names, doses and phone numbers are not sentences to read */
  part = content->parts[PL_PLAN_PART_MEDICINES];
  g_string_truncate (text, 0);
  for (guint i = 0; i < part->len; i++)
    {
      const PlMedicine *medicine = g_ptr_array_index (part, i);

      append_text (text, medicine->purpose);
      append_text (text, medicine->timing);
      append_text (text, medicine->support);
      append_text (text, medicine->if_missed);
    }
  add_reading (readings, _("Medicines"), "medicines", text);

  part = content->parts[PL_PLAN_PART_RISKS];
  g_string_truncate (text, 0);
  for (guint i = 0; i < part->len; i++)
    {
      const PlRisk *risk = g_ptr_array_index (part, i);

      append_text (text, risk->activity);
      append_text (text, risk->benefits);
      append_text (text, risk->strategies);
      append_text (text, risk->implications_person);
      append_text (text, risk->implications_worker);
    }
  add_reading (readings, _("Risks I choose to take"), "risks", text);

  return readings;
}
