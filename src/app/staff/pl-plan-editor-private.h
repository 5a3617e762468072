/* pl-plan-editor-private.h: what the plan editor's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pl-plan-editor.c edits the plan through a PlEditSession;
 * pl-plan-editor-people.c edits the people involved, who belong to the
 * person and are saved straight through the store.
 */

#pragma once

#include <gtk/gtk.h>

#include "pl-edit-session.h"
#include "pl-plan-editor.h"
#include "pl-plan-version.h"

G_BEGIN_DECLS

struct _PlPlanEditor
{
  GtkWidget      parent_instance;

  GtkWidget     *toolbar;
  GtkWidget     *undo_button;
  GtkWidget     *redo_button;
  GtkWidget     *save_button;
  GtkWidget     *status_label;
  GtkWidget     *message_label;
  GtkWidget     *readonly_label;
  GtkWidget     *drafts_box;
  GtkWidget     *drafts_label;
  GtkWidget     *no_plan_box;
  GtkWidget     *start_button;
  GtkWidget     *main_box;
  GtkWidget     *parts_list;
  GtkWidget     *form_box;
  GtkWidget     *plain_words;    /* PlPlainWordsPane */

  PlStore       *store;          /* borrowed */
  PlStaff       *staff;
  gint64         person_id;
  gboolean       can_edit;

  PlEditSession *session;        /* the plan, its steps and drafts; NULL: no plan */
  GPtrArray     *contacts;       /* (element-type PlContact) */
  GPtrArray     *pending;        /* About me sections not written yet (element-type PlPlanSection) */
  int            part;           /* EditorPart */
  char          *anchor;
  char          *confirming;     /* "table:id" of the item asking "Remove?" */
};

PlPlanContent *pl_plan_editor_content       (PlPlanEditor *self);
/* May type now: allowed to, and no drafts from before wait for an answer */
gboolean       pl_plan_editor_editable      (PlPlanEditor *self);
void           pl_plan_editor_rebuild_form  (PlPlanEditor *self);
void           pl_plan_editor_show_message  (PlPlanEditor *self,
                                             const char   *text);
void           pl_plan_editor_show_error    (PlPlanEditor *self,
                                             const char   *what,
                                             const GError *error);
/* Who is changing it, for the history */
char          *pl_plan_editor_actor         (PlPlanEditor *self);
GtkWidget     *pl_plan_editor_heading       (const char   *text,
                                             const char   *css_class);

void           pl_plan_editor_load_contacts (PlPlanEditor *self);
void           pl_plan_editor_build_people  (PlPlanEditor *self);

G_END_DECLS
