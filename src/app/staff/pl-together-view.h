/* pl-together-view.h: the person's own view of their plan as it is written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pl-plan-version.h"
#include "pl-reader.h"
#include "pl-speech.h"
#include "pl-store.h"
#include "pl-voice.h"

G_BEGIN_DECLS

#define PL_TYPE_TOGETHER_VIEW (pl_together_view_get_type ())
G_DECLARE_FINAL_TYPE (PlTogetherView, pl_together_view, PL, TOGETHER_VIEW, GtkWidget)

/* For sitting beside the person (NG86 1.1.4, 1.1.9): the plan as they
 * will read it, in their own text size, theme, font, spacing and voice,
 * following what the coordinator types before it is saved. The form's
 * keyboard focus is never taken: the view scrolls without focusing. It
 * shows the title and the part being written (see set_whole_plan). */

GtkWidget   *pl_together_view_new         (void);
/* Whose view it is: their display and speech settings. store is
 * borrowed and must outlive the view (or the next call). */
void         pl_together_view_set_person  (PlTogetherView      *self,
                                           PlStore             *store,
                                           gint64               person_id);
/* The plan as it is now, saved or not; anchor: the part being edited
 * (NULL keeps the place). Scrolls to anchor when it changes, else keeps
 * the place. content is read at once, not kept. */
void         pl_together_view_set_content (PlTogetherView      *self,
                                           const PlPlanContent *content,
                                           const char          *anchor);
gboolean     pl_together_view_get_whole_plan (PlTogetherView   *self);
void         pl_together_view_stop        (PlTogetherView      *self);
/* The voice the view speaks in, with the person's settings: what else
 * speaks beside the view (the plain words hints) speaks through it, so the
 * two never talk at once */
PlVoice     *pl_together_view_get_voice   (PlTogetherView      *self);

G_END_DECLS
