/* pl-guidance.h: friendly advice from the guidelines about a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each rule looks at a plan and its parts and says, in plain words for
 * staff, where the plan falls short of a NICE recommendation. The advice
 * never stops anyone saving: plans are the person's, and there are good
 * reasons to do things differently.
 */

#pragma once

#include <glib.h>

#include "pl-plain-words.h"
#include "pl-plan-version.h"
#include "pl-store.h"

G_BEGIN_DECLS

typedef enum
{
  PL_GUIDANCE_ADVICE,   /* worth a look; never blocks */
} PlGuidanceSeverity;

typedef struct
{
  const char *id;          /* "visit-short"… */
  const char *reference;   /* "NG21 1.4.2" */
  const char *title;       /* for a checklist, untranslated (N_): _() it */
} PlGuidanceRule;

typedef struct
{
  const PlGuidanceRule *rule;
  PlGuidanceSeverity    severity;
  char                 *message;    /* translated, with the recommendation cited */
  const PlRecordType   *type;       /* the record it is about… */
  gint64                record_id;  /* …0 when the point is that it is missing */
  char                 *anchor;     /* where in the plan's document to go */
} PlGuidanceItem;

void                  pl_guidance_item_free (PlGuidanceItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlGuidanceItem, pl_guidance_item_free)

/* Every rule, in the order a checklist shows them */
const PlGuidanceRule *pl_guidance_rules     (guint          *n_rules);
const PlGuidanceRule *pl_guidance_rule_find (const char     *id);

/* The points for plan_id, loaded from the store. (element-type PlGuidanceItem) */
GPtrArray *pl_guidance_check         (PlStore               *store,
                                      gint64                 plan_id,
                                      GError               **error);
/* The same over parts already loaded: contacts and comm_needs are the person's */
GPtrArray *pl_guidance_check_content (const PlPlanContent   *content,
                                      GPtrArray             *contacts,
                                      GPtrArray             *comm_needs);

/* How easy one part of the plan is to read: the words staff wrote there */
typedef struct
{
  const char     *title;    /* translated */
  char           *anchor;   /* where the part is in the plan's document */
  PlPlainFigures  figures;
} PlGuidanceReading;

void       pl_guidance_reading_free  (PlGuidanceReading     *reading);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlGuidanceReading, pl_guidance_reading_free)

/* The reading figures of each part with words in it: each About me section
 * in order, then outcomes, visits, medicines and risks
 * (element-type PlGuidanceReading) */
GPtrArray *pl_guidance_reading       (const PlPlanContent   *content);

G_END_DECLS
