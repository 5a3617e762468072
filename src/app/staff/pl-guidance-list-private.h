/* pl-guidance-list-private.h: what the tests reach of the guidance list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the guidance list; not for the rest of the app.
 */

#pragma once

#include "pl-guidance-list.h"

G_BEGIN_DECLS

/* A saved plan; FALSE with error when it cannot be checked */
gboolean    pl_guidance_list_set_plan    (PlGuidanceList      *self,
                                          PlStore             *store,
                                          gint64               plan_id,
                                          GError             **error);
guint       pl_guidance_list_get_n_items (PlGuidanceList      *self);
/* The rule id of point index, or NULL; for tests */
const char *pl_guidance_list_get_rule_id (PlGuidanceList      *self,
                                          guint                index);
/* The words above the list ("All clear…", "3 points…") */
const char *pl_guidance_list_get_summary (PlGuidanceList      *self);
/* The "Go to" button of point index, or NULL; for tests */
GtkWidget  *pl_guidance_list_get_go_to_button (PlGuidanceList *self,
                                               guint           index);

/* How many parts have a reading figure, and the words shown for one:
 * "Visits: Easy to read (91). 515 words in 58 sentences." */
guint       pl_guidance_list_get_n_readings   (PlGuidanceList *self);
char       *pl_guidance_list_get_reading_text (PlGuidanceList *self,
                                               guint           index);

G_END_DECLS
