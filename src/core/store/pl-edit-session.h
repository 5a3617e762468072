/* pl-edit-session.h: one thing being edited, with undo, drafts and saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PlEditSession holds what a member of staff is changing (a plan, a
 * service's welcome pack, a diary entry) as it is on screen, beside it as
 * the store has it. Widgets change the content in place and then call
 * pl_edit_session_changed (): the session keeps the step for Undo, brings
 * the drafts in the store in step (one transaction), and says what changed
 * through its signals and properties. Drafts left by a crash are found when
 * the content is loaded and offered back; Save writes the content (for a
 * plan, as a new version) and ends the drafts.
 *
 * What kind of content it is comes from a PlEditKind: a plan is a
 * PlPlanContent, a welcome pack a PlWelcomeContent, a diary entry a
 * PlDiaryEntry.
 */

#pragma once

#include <glib-object.h>

#include "pl-model.h"
#include "pl-store.h"

G_BEGIN_DECLS

typedef struct _PlEditKind PlEditKind;

/* The service's details and its welcome pack, written together */
typedef struct
{
  PlWelcomePack *pack;
  PlService     *service;
} PlWelcomeContent;

void pl_welcome_content_free (PlWelcomeContent *content);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlWelcomeContent, pl_welcome_content_free)

/* pl_edit_session_load (id): the plan with that id; a PlPlanContent, saved
 * as a new version (pl_plan_save_drafts_as_version) */
extern const PlEditKind pl_edit_kind_plan;
/* id: the service; a PlWelcomeContent with the pack people read */
extern const PlEditKind pl_edit_kind_welcome_pack;
/* id: the entry, or pl_edit_session_load_new () for one not saved yet; a
 * PlDiaryEntry, checked by pl_diary_entry_check () when saved */
extern const PlEditKind pl_edit_kind_diary_entry;

/* Microseconds on any steady clock; tests give their own */
typedef gint64 (*PlEditClock) (gpointer user_data);

#define PL_TYPE_EDIT_SESSION (pl_edit_session_get_type ())
G_DECLARE_FINAL_TYPE (PlEditSession, pl_edit_session, PL, EDIT_SESSION, GObject)

/* staff_id: who is typing (their drafts); person_id: whose record, 0 for
 * none (a welcome pack). The store is borrowed and must outlive it. */
PlEditSession *pl_edit_session_new          (const PlEditKind *kind,
                                             PlStore          *store,
                                             gint64            staff_id,
                                             gint64            person_id);

void           pl_edit_session_set_clock    (PlEditSession    *self,
                                             PlEditClock       clock,
                                             gpointer          user_data);

/* Reads the content as saved and looks for drafts of it; the history of
 * steps starts again. */
gboolean       pl_edit_session_load         (PlEditSession    *self,
                                             gint64            id,
                                             GError          **error);
/* For something not saved yet, starting as initial (taken) */
gboolean       pl_edit_session_load_new     (PlEditSession    *self,
                                             gpointer          initial,
                                             GError          **error);
gboolean       pl_edit_session_is_loaded    (PlEditSession    *self);

/* What is being edited, to change in place; NULL before a load. Replaced
 * by a new one on undo, redo, restoring, discarding, saving and loading
 * (the changed signal says so). */
gpointer       pl_edit_session_get_content  (PlEditSession    *self);
/* As the store has it */
gconstpointer  pl_edit_session_get_saved    (PlEditSession    *self);

/* Say this after changing the content. record and field: what was typed
 * into; typing on into the same field within a short pause is one step
 * for Undo. NULL record: a step of its own (adding, moving, removing).
 * FALSE when the draft could not be written: the change is still kept in
 * memory, and the next change tries again. Not while a recovered draft
 * waits for an answer. */
gboolean       pl_edit_session_changed      (PlEditSession    *self,
                                             gconstpointer     record,
                                             const char       *field,
                                             GError          **error);

gboolean       pl_edit_session_can_undo     (PlEditSession    *self);
gboolean       pl_edit_session_can_redo     (PlEditSession    *self);
gboolean       pl_edit_session_undo         (PlEditSession    *self,
                                             GError          **error);
gboolean       pl_edit_session_redo         (PlEditSession    *self,
                                             GError          **error);
/* The content differs from what is saved */
gboolean       pl_edit_session_is_dirty     (PlEditSession    *self);

/* Negative ids for records added but not saved yet (-1, -2…), never one
 * the content already has */
gint64         pl_edit_session_take_new_id  (PlEditSession    *self);

/* Drafts found by the last load, not yet restored or discarded. While one
 * waits, the content is as saved and no change may be made, so nothing
 * typed writes over it. */
gboolean       pl_edit_session_has_recovered_draft (PlEditSession *self);
/* What restoring would give, and when it was last typed (ISO 8601, UTC) */
gconstpointer  pl_edit_session_get_recovered_content (PlEditSession *self);
const char    *pl_edit_session_get_recovered_time    (PlEditSession *self);
/* Carries on with the recovered draft: it becomes the content */
void           pl_edit_session_restore_draft (PlEditSession   *self);
/* Throws the drafts away, recovered or typed since, and goes back to the
 * content as saved */
gboolean       pl_edit_session_discard      (PlEditSession    *self,
                                             GError          **error);

/* Saves the content and ends its drafts, in one transaction; for a plan,
 * as a new version. actor: who, for the history (NULL keeps the store's).
 * out_id: the new plan, the welcome pack, the diary entry. Refused with the
 * content and drafts kept. */
gboolean       pl_edit_session_save         (PlEditSession    *self,
                                             const char       *actor,
                                             gint64           *out_id,
                                             GError          **error);

/* The target (pl_edit_session_load's id; 0 for one not saved yet) of the
 * newest draft of this kind staff_id left about person_id. FALSE with
 * PL_STORE_ERROR_NOT_FOUND when there is none. */
gboolean       pl_edit_session_find_draft   (const PlEditKind *kind,
                                             PlStore          *store,
                                             gint64            staff_id,
                                             gint64            person_id,
                                             gint64           *out_id,
                                             GError          **error);

G_END_DECLS
