/* pl-plan-version-private.h: what the plan version files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-plan-version.h"

G_BEGIN_DECLS

/* A content with no plan and every part empty */
PlPlanContent *pl_plan_content_new_empty (void);
/* The anchor of a part's own heading in the document (pl-document-plan.c) */
const char    *pl_plan_part_anchor       (PlPlanPart part);

G_END_DECLS
