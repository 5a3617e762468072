/* pl-plan-editor.h: the staff screen for editing a person's care and support plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pl-store.h"
#include "pl-plan-version.h"
#include "pl-voice.h"

G_BEGIN_DECLS

#define PL_TYPE_PLAN_EDITOR (pl_plan_editor_get_type ())
G_DECLARE_FINAL_TYPE (PlPlanEditor, pl_plan_editor, PL, PLAN_EDITOR, GtkWidget)

PlPlanEditor        *pl_plan_editor_new         (void);
/* store is not owned (it outlives the widget); staff is copied; loads the
 * person's current plan */
void                 pl_plan_editor_set_context (PlPlanEditor   *self,
                                                 PlStore        *store,
                                                 const PlStaff  *staff,
                                                 gint64          person_id);
/* The plan as it is now on screen, unsaved edits included (borrowed; NULL
 * before a plan is loaded) */
const PlPlanContent *pl_plan_editor_get_content (PlPlanEditor   *self);
/* The document anchor of the part or record being edited ("outcomes",
 * "outcome-12", "about-me"…), see pl_plan_anchor_for() */
const char          *pl_plan_editor_get_anchor  (PlPlanEditor   *self);
/* The voice the plain words hints are read in; NULL: the staff window's */
void                 pl_plan_editor_set_hint_voice (PlPlanEditor *self,
                                                    PlVoice      *voice);

/* Signals: "content-changed" () after every edit, undo or redo;
 * "saved" (gint64 new_plan_id) after Save */

G_END_DECLS
