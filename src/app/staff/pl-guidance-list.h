/* pl-guidance-list.h: every point from the guidance for a plan, at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pl-guidance.h"

G_BEGIN_DECLS

#define PL_TYPE_GUIDANCE_LIST (pl_guidance_list_get_type ())
G_DECLARE_FINAL_TYPE (PlGuidanceList, pl_guidance_list, PL, GUIDANCE_LIST, GtkWidget)

/* A checklist of pl_guidance_check(): each point with its message and NICE
 * reference, and "Go to", which emits "go-to" (const char *anchor: the
 * place in the plan's document). Advice only: nothing here stops a save. */
GtkWidget  *pl_guidance_list_new         (void);
/* A plan as it is being written: contacts and comm_needs are the person's */
void        pl_guidance_list_set_content (PlGuidanceList      *self,
                                          const PlPlanContent *content,
                                          GPtrArray           *contacts,
                                          GPtrArray           *comm_needs);
/* The points shown (element-type PlGuidanceItem); takes a reference */
void        pl_guidance_list_set_items   (PlGuidanceList      *self,
                                          GPtrArray           *items);

G_END_DECLS
