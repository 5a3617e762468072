/* pl-edit-session-private.h: what a kind of content tells PlEditSession,
 * and what the session's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session does undo, drafts and recovery the same way for every kind:
 * snapshots are the kind's JSON; drafts are one a record, found by walking
 * the records of the content and of what is saved. A kind says how to load,
 * copy and walk its content, where records come and go, and how to save.
 */

#pragma once

#include "pl-edit-session.h"

G_BEGIN_DECLS

typedef void (*PlEditRecordFunc) (const PlRecordType *type,
                                  gpointer            record,
                                  gpointer            user_data);

struct _PlEditKind
{
  const char                 *name;
  /* The tables of its drafts; the first is the record load's id names */
  const PlRecordType * const *types;
  /* Every draft of these tables that staff_id typed about person_id is
   * this session's (a plan: parts of earlier versions and parts added and
   * undone go when the drafts are brought in step). Otherwise only drafts
   * of records the content or the saved content has. */
  gboolean                    owns_all_drafts;

  gpointer (*load)           (PlStore *store, gint64 id, GError **error);
  char    *(*to_json)        (gconstpointer content);
  gpointer (*from_json)      (const char *json, GError **error);
  void     (*free)           (gpointer content);
  void     (*foreach_record) (gconstpointer content, PlEditRecordFunc func, gpointer user_data);
  /* The draft key of a record of type with id 0 (pl_draft_save's
   * new_key); NULL: none needed */
  char    *(*new_key)        (gconstpointer content, const PlRecordType *type);
  /* A record not saved yet, from a draft, joins content (taken; FALSE:
   * not this content's). NULL: nothing is ever added. */
  gboolean (*add_record)     (gpointer content, const PlRecordType *type, gpointer record);
  /* NULL: nothing is ever removed */
  void     (*remove_record)  (gpointer content, const PlRecordType *type, gint64 id);
  /* Writes the content, in a transaction already begun, after the drafts
   * are in step; out_target: the id to load again */
  gboolean (*save)           (PlEditSession *self, gint64 *out_id, gint64 *out_target, GError **error);
};

PlStore  *pl_edit_session_get_store        (PlEditSession *self);
gint64    pl_edit_session_get_staff_id     (PlEditSession *self);
gint64    pl_edit_session_get_person_id    (PlEditSession *self);
/* Removes every draft of this session, inside the caller's transaction */
gboolean  pl_edit_session_delete_drafts    (PlEditSession *self,
                                            GError       **error);

/* For the session's own files (pl-edit-session.c, -drafts.c) */
struct _PlEditSession
{
  GObject           parent_instance;

  const PlEditKind *kind;
  PlStore          *store;          /* a reference: the session may outlive its window */
  gint64            staff_id;
  gint64            person_id;
  PlEditClock       clock;
  gpointer          clock_data;

  gpointer          saved;          /* as the store has it */
  char             *saved_json;
  gpointer          content;        /* as on screen */
  char             *current_json;
  gpointer          recovered;      /* drafts laid over saved, until answered */
  char             *recovered_time;

  GPtrArray        *undo;           /* (element-type utf8) JSON before each step */
  GPtrArray        *redo;
  gconstpointer     last_record;    /* typing on in the same field is one step */
  char             *last_field;
  gint64            last_edit;
  gint64            next_new_id;

  /* As last notified */
  gboolean          can_undo;
  gboolean          can_redo;
  gboolean          dirty;
  gboolean          has_recovered;
};

/* Brings the drafts in the store in step with the content, in one
 * transaction */
gboolean  pl_edit_session_sync_drafts      (PlEditSession *self,
                                            GError       **error);
/* Lays this session's drafts over what is saved and keeps the result to
 * offer back (recovered, recovered_time) when any of them fits */
gboolean  pl_edit_session_recover_drafts   (PlEditSession *self,
                                            GError       **error);

G_END_DECLS
