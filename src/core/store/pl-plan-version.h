/* pl-plan-version.h: versions of a plan, agreeing one, and what changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* The parts of a plan that belong to one version */
typedef enum
{
  PL_PLAN_PART_SECTIONS,
  PL_PLAN_PART_OUTCOMES,
  PL_PLAN_PART_VISITS,
  PL_PLAN_PART_MEDICINES,
  PL_PLAN_PART_RISKS,
  PL_PLAN_N_PARTS
} PlPlanPart;

typedef struct
{
  PlPlan    *plan;
  GPtrArray *parts[PL_PLAN_N_PARTS];  /* in the order the store lists them */
} PlPlanContent;

typedef enum
{
  PL_PLAN_CHANGE_ADDED,
  PL_PLAN_CHANGE_REMOVED,
  PL_PLAN_CHANGE_CHANGED,
} PlPlanChangeKind;

typedef struct
{
  PlPlanChangeKind    kind;
  const PlRecordType *type;       /* plans, plan_sections, outcomes… */
  gint64              old_id;     /* 0 when it was added */
  gint64              new_id;     /* 0 when it was removed */
  const char         *field;      /* the column; NULL when a whole part came or went */
  const char         *label;      /* the field's words, untranslated (N_): _() it */
  char               *old_value; /* as text; for a whole part, its name or first line */
  char               *new_value;
  char               *anchor;     /* where it is in the newer plan's document */
} PlPlanChange;

void           pl_plan_content_free    (PlPlanContent  *content);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlPlanContent, pl_plan_content_free)
void           pl_plan_change_free     (PlPlanChange   *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlPlanChange, pl_plan_change_free)

const PlRecordType *pl_plan_part_type  (PlPlanPart      part);

PlPlanContent *pl_plan_content_load    (PlStore        *store,
                                        gint64          plan_id,
                                        GError        **error);
char          *pl_plan_content_to_json (const PlPlanContent *content);
PlPlanContent *pl_plan_content_from_json (const char   *json,
                                          GError      **error);

/* The anchor of a record of the plan in the plan's document
 * (pl-document-plan.c), so a screen can go to it */
char          *pl_plan_anchor_for      (const PlRecordType *type,
                                        gconstpointer       record);

/* Field-level differences, parts matched by kind (sections) or by what is
 * unchanged and then by order (lists). (element-type PlPlanChange) */
GPtrArray     *pl_plan_content_compare (const PlPlanContent *older,
                                        const PlPlanContent *newer);
GPtrArray     *pl_plan_compare         (PlStore        *store,
                                        gint64          older_plan_id,
                                        gint64          newer_plan_id,
                                        GError        **error);

/* "Save makes one new version": copies the plan and all its parts to a new
 * draft version after the person's newest, keeping the old one. actor:
 * who, for the history; NULL keeps the store's. */
gboolean       pl_plan_new_version     (PlStore        *store,
                                        gint64          plan_id,
                                        const char     *actor,
                                        gint64         *out_plan_id,
                                        GError        **error);

/* "Save makes one new version" from what staff_id has typed: a new version
 * of plan_id, with staff_id's drafts for its parts (and for the plan's own
 * fields) applied to the copies, in one transaction, and those drafts
 * removed. plan_id itself stays as it was; drafts of new parts for plan_id
 * join the new version, and parts with a removal draft
 * (pl_draft_save_removal) are left out of it. out_n_applied: how many
 * drafts went in. */
gboolean       pl_plan_save_drafts_as_version (PlStore     *store,
                                               gint64       plan_id,
                                               gint64       staff_id,
                                               const char  *actor,
                                               gint64      *out_plan_id,
                                               guint       *out_n_applied,
                                               GError     **error);

/* Records the person's agreement, in their own words, and who agreed (the
 * person, or the decision-maker where the Mental Capacity Act applies).
 * Refused without both. agreed_on: "YYYY-MM-DD", NULL for today. The
 * version agreed before it is marked superseded. */
gboolean       pl_plan_mark_agreed     (PlStore        *store,
                                        gint64          plan_id,
                                        const char     *agreed_by,
                                        const char     *agreement,
                                        const char     *agreed_on,
                                        const char     *actor,
                                        GError        **error);

/* NG86 1.4.8: remembers the plan as person_id sees it now… */
gboolean       pl_plan_mark_seen       (PlStore        *store,
                                        gint64          person_id,
                                        GError        **error);
/* …and what has changed in their current plan since. out_seen_before: FALSE
 * when they have never looked, and the result is empty. */
GPtrArray     *pl_plan_changes_since_seen (PlStore     *store,
                                           gint64       person_id,
                                           gboolean    *out_seen_before,
                                           GError     **error);

G_END_DECLS
