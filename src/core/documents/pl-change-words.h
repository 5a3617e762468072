/* pl-change-words.h: a change to a plan said in plain words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pl-plan-version.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* The part of the plan a change is in: "My visits", "What is most
 * important to me"… translated */
char *pl_change_words_part  (const PlPlanChange *change);
/* A value of field as a person reads it: dates and times in words, days
 * by name, a coordinator by name (store may be NULL), "nothing" for
 * empty. Long text is cut short. */
char *pl_change_words_value (PlStore            *store,
                             const char         *field,
                             const char         *value);
/* One sentence for the whole change, e.g. "My visits: the time changed
 * from 8:00 in the morning to 8:30 in the morning." */
char *pl_change_words_describe (PlStore            *store,
                                const PlPlanChange *change);

G_END_DECLS
