/* pl-edit-session.c: one thing being edited, with undo, drafts and saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Undo keeps the content's JSON before each step; the JSON after the last
 * change is kept too, so a widget may change the content in place first and
 * say so after. Drafts are kept one a record (pl-draft.h), so a saved
 * record's draft holds only what was typed into it and a crash loses at
 * most the key being pressed.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "pl-draft.h"
#include "pl-edit-session-private.h"
#include "pl-record-json.h"

/* A pause this long in typing ends one undo step */
#define STEP_PAUSE_USEC (2 * G_USEC_PER_SEC)
/* What a record not saved yet is called when no key is given (pl-draft.c) */
#define DEFAULT_NEW_KEY "new"

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

G_DEFINE_FINAL_TYPE (PlEditSession, pl_edit_session, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CONTENT,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_DIRTY,
  PROP_HAS_RECOVERED_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
monotonic_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

/* Records of a content, walked once */

typedef struct
{
  const PlRecordType *type;
  gpointer            record;
} Item;

static void
collect_cb (const PlRecordType *type,
            gpointer            record,
            gpointer            user_data)
{
  Item item = { type, record };

  g_array_append_val ((GArray *) user_data, item);
}

static GArray *
collect (const PlEditKind *kind,
         gconstpointer     content)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (Item));

  if (content != NULL)
    kind->foreach_record (content, collect_cb, items);
  return items;
}

static gpointer
find_record (GArray             *items,
             const PlRecordType *type,
             gint64              id)
{
  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);

      if (item->type == type && PL_RECORD_ID (item->record) == id)
        return item->record;
    }
  return NULL;
}

static gboolean
records_differ (const PlRecordType *type,
                gconstpointer       a,
                gconstpointer       b)
{
  for (guint i = 0; i < type->n_fields; i++)
    if ((type->fields[i].flags & PL_FIELD_FLAG_AUTO) == 0 && !pl_field_equal (&type->fields[i], a, b))
      return TRUE;
  return FALSE;
}

/* The draft key of a record: records added here have negative ids
 * ("new-3"), the one record not saved yet of some kinds a key of its kind */
static char *
draft_key (PlEditSession      *self,
           gconstpointer       content,
           const PlRecordType *type,
           gconstpointer       record)
{
  gint64 id = PL_RECORD_ID (record);

  if (id < 0)
    return g_strdup_printf ("new%" G_GINT64_FORMAT, id);
  if (id == 0 && self->kind->new_key != NULL)
    return self->kind->new_key (content, type);
  return NULL;
}

static gboolean
draft_is_for (const PlDraft      *draft,
              const PlRecordType *type,
              gint64              id,
              const char         *key)
{
  if (g_strcmp0 (draft->table_name, type->table) != 0 || draft->record_id != MAX (id, 0))
    return FALSE;
  if (draft->record_id != 0)
    return TRUE;
  return g_strcmp0 (draft->new_key, key != NULL ? key : DEFAULT_NEW_KEY) == 0;
}

static gboolean
draft_in_items (PlEditSession *self,
                const PlDraft *draft,
                gconstpointer  content,
                GArray        *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);
      g_autofree char *key = draft_key (self, content, item->type, item->record);

      if (draft_is_for (draft, item->type, PL_RECORD_ID (item->record), key))
        return TRUE;
    }
  return FALSE;
}

static gboolean
kind_has_table (const PlEditKind *kind,
                const char       *table)
{
  for (guint i = 0; kind->types[i] != NULL; i++)
    if (g_strcmp0 (kind->types[i]->table, table) == 0)
      return TRUE;
  return FALSE;
}

/* This session's drafts in the store (element-type PlDraft) */
static GPtrArray *
own_drafts (PlEditSession  *self,
            GError        **error)
{
  g_autoptr(GPtrArray) drafts = pl_draft_list_for (self->store, self->staff_id, self->person_id, error);
  g_autoptr(GArray) saved = NULL;
  g_autoptr(GArray) current = NULL;

  if (drafts == NULL)
    return NULL;

  saved = collect (self->kind, self->saved);
  current = collect (self->kind, self->content);
  for (guint i = drafts->len; i > 0; i--)
    {
      const PlDraft *draft = g_ptr_array_index (drafts, i - 1);
      gboolean mine = draft->person_id == self->person_id && kind_has_table (self->kind, draft->table_name);

      if (mine && !self->kind->owns_all_drafts)
        mine = draft_in_items (self, draft, self->saved, saved) ||
               draft_in_items (self, draft, self->content, current);
      if (!mine)
        g_ptr_array_remove_index (drafts, i - 1);
    }
  return g_steal_pointer (&drafts);
}

static PlDraft *
take_draft (GPtrArray          *drafts,
            const PlRecordType *type,
            gint64              id,
            const char         *key)
{
  for (guint i = 0; i < drafts->len; i++)
    if (draft_is_for (g_ptr_array_index (drafts, i), type, id, key))
      return g_ptr_array_steal_index (drafts, i);
  return NULL;
}

/* Drafts in step with the content */

/* Saves a draft of record unless the same draft is there already */
static gboolean
keep_draft (PlEditSession      *self,
            GPtrArray          *drafts,
            const PlRecordType *type,
            gconstpointer       record,
            GError            **error)
{
  gint64 id = PL_RECORD_ID (record);
  g_autofree char *key = draft_key (self, self->content, type, record);
  g_autoptr(PlDraft) existing = take_draft (drafts, type, id, key);
  g_autofree char *json = NULL;
  gpointer copy = pl_record_copy (type, record);
  gboolean ok = TRUE;

  /* A record added here has no id in the store yet */
  if (id < 0)
    PL_RECORD_ID (copy) = 0;
  json = pl_record_to_json (type, copy);
  if (existing == NULL || pl_draft_is_removal (existing) || g_strcmp0 (existing->content, json) != 0)
    ok = pl_draft_save (self->store, self->staff_id, self->person_id, type, copy, key, NULL, error);
  pl_record_free (type, copy);
  return ok;
}

static gboolean
write_drafts (PlEditSession  *self,
              GError        **error)
{
  g_autoptr(GPtrArray) drafts = own_drafts (self, error);
  g_autoptr(GArray) now = NULL;
  g_autoptr(GArray) was = NULL;

  if (drafts == NULL)
    return FALSE;

  now = collect (self->kind, self->content);
  was = collect (self->kind, self->saved);
  for (guint i = 0; i < now->len; i++)
    {
      const Item *item = &g_array_index (now, Item, i);
      gpointer before = find_record (was, item->type, PL_RECORD_ID (item->record));

      if ((before == NULL || records_differ (item->type, item->record, before)) &&
          !keep_draft (self, drafts, item->type, item->record, error))
        return FALSE;
    }

  for (guint i = 0; i < was->len; i++)
    {
      const Item *item = &g_array_index (was, Item, i);
      gint64 id = PL_RECORD_ID (item->record);
      g_autoptr(PlDraft) existing = NULL;

      if (id <= 0 || find_record (now, item->type, id) != NULL)
        continue;
      existing = take_draft (drafts, item->type, id, NULL);
      if (existing != NULL && pl_draft_is_removal (existing))
        continue;
      if (!pl_draft_save_removal (self->store, self->staff_id, self->person_id, item->type, id,
                                  NULL, error))
        return FALSE;
    }

  /* What is left is no longer on screen (undone, or put back as it was) */
  for (guint i = 0; i < drafts->len; i++)
    if (!pl_draft_discard (self->store, ((PlDraft *) g_ptr_array_index (drafts, i))->id, error))
      return FALSE;

  return TRUE;
}

/* One transaction, so a crash keeps the drafts of the step before or of
 * this one, never half of each */
static gboolean
sync_drafts (PlEditSession  *self,
             GError        **error)
{
  if (!pl_store_begin (self->store, error))
    return FALSE;
  if (!write_drafts (self, error))
    {
      pl_store_rollback (self->store);
      return FALSE;
    }
  return pl_store_commit (self->store, error);
}

gboolean
pl_edit_session_delete_drafts (PlEditSession  *self,
                               GError        **error)
{
  g_autoptr(GPtrArray) drafts = NULL;

  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);

  drafts = own_drafts (self, error);
  if (drafts == NULL)
    return FALSE;
  for (guint i = 0; i < drafts->len; i++)
    if (!pl_draft_discard (self->store, ((PlDraft *) g_ptr_array_index (drafts, i))->id, error))
      return FALSE;
  return TRUE;
}

/* Drafts laid over a content: the changes they hold, records that went,
 * and records added. Drafts that fit nothing (an earlier version's) are
 * left out. */
static guint
apply_drafts (PlEditSession *self,
              gpointer       content,
              GPtrArray     *drafts)
{
  g_autoptr(GArray) items = collect (self->kind, content);
  guint applied = 0;

  for (guint i = 0; i < drafts->len; i++)
    {
      const PlDraft *draft = g_ptr_array_index (drafts, i);
      const PlRecordType *type = pl_record_type_for_table (draft->table_name);
      gpointer record = NULL;
      gint64 key_id = 0;

      for (guint j = 0; j < items->len && record == NULL; j++)
        {
          const Item *item = &g_array_index (items, Item, j);
          g_autofree char *key = draft_key (self, content, item->type, item->record);

          if (draft_is_for (draft, item->type, PL_RECORD_ID (item->record), key))
            record = item->record;
        }

      if (record != NULL && pl_draft_is_removal (draft))
        {
          if (self->kind->remove_record != NULL)
            {
              self->kind->remove_record (content, type, draft->record_id);
              applied++;
            }
          g_array_set_size (items, 0);
          self->kind->foreach_record (content, collect_cb, items);
        }
      else if (record != NULL)
        {
          gint64 id = PL_RECORD_ID (record);

          if (pl_record_set_from_json (type, record, draft->content, NULL))
            applied++;
          /* The draft may never move itself onto another record */
          PL_RECORD_ID (record) = id;
        }
      else if (draft->record_id == 0 && self->kind->add_record != NULL && draft->new_key != NULL &&
               g_str_has_prefix (draft->new_key, DEFAULT_NEW_KEY) &&
               (key_id = g_ascii_strtoll (draft->new_key + strlen (DEFAULT_NEW_KEY), NULL, 10)) < 0)
        {
          record = pl_record_new (type);
          if (pl_record_set_from_json (type, record, draft->content, NULL))
            {
              PL_RECORD_ID (record) = key_id;
              if (self->kind->add_record (content, type, record))
                {
                  applied++;
                  g_array_set_size (items, 0);
                  self->kind->foreach_record (content, collect_cb, items);
                  continue;
                }
            }
          pl_record_free (type, record);
        }
    }
  return applied;
}

/* State, and telling it */

static void
update_state (PlEditSession *self,
              gboolean       replaced)
{
  gboolean can_undo = self->undo->len > 0;
  gboolean can_redo = self->redo->len > 0;
  gboolean dirty = g_strcmp0 (self->current_json, self->saved_json) != 0;
  gboolean has_recovered = self->recovered != NULL;

  g_object_freeze_notify (G_OBJECT (self));
  if (replaced)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
#define UPDATE(field, prop) \
  if (self->field != field) { self->field = field; g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); }
  UPDATE (can_undo, PROP_CAN_UNDO);
  UPDATE (can_redo, PROP_CAN_REDO);
  UPDATE (dirty, PROP_DIRTY);
  UPDATE (has_recovered, PROP_HAS_RECOVERED_DRAFT);
#undef UPDATE
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, replaced);
}

static void
count_new_cb (const PlRecordType *type,
              gpointer            record,
              gpointer            user_data)
{
  gint64 *lowest = user_data;

  *lowest = MIN (*lowest, PL_RECORD_ID (record));
}

/* A content from elsewhere (a load, a snapshot): new steps start again */
static void
set_content (PlEditSession *self,
             gpointer       content)
{
  gint64 lowest = 0;

  if (self->content != NULL)
    self->kind->free (self->content);
  self->content = content;
  g_free (self->current_json);
  self->current_json = content != NULL ? self->kind->to_json (content) : NULL;
  self->last_record = NULL;
  g_clear_pointer (&self->last_field, g_free);
  if (content != NULL)
    self->kind->foreach_record (content, count_new_cb, &lowest);
  self->next_new_id = MIN (self->next_new_id, lowest - 1);
}

static void
reset_history (PlEditSession *self)
{
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->last_record = NULL;
  g_clear_pointer (&self->last_field, g_free);
}

static void
clear_recovered (PlEditSession *self)
{
  if (self->recovered != NULL)
    self->kind->free (self->recovered);
  self->recovered = NULL;
  g_clear_pointer (&self->recovered_time, g_free);
}

/* Loading */

static gboolean
take_saved (PlEditSession  *self,
            gpointer        saved,
            GError        **error)
{
  g_autoptr(GPtrArray) drafts = NULL;
  gpointer content;

  clear_recovered (self);
  if (self->saved != NULL)
    self->kind->free (self->saved);
  self->saved = saved;
  g_free (self->saved_json);
  self->saved_json = self->kind->to_json (saved);
  content = self->kind->from_json (self->saved_json, error);
  if (content == NULL)
    return FALSE;
  self->next_new_id = -1;
  set_content (self, content);
  reset_history (self);

  drafts = own_drafts (self, error);
  if (drafts == NULL)
    return FALSE;
  if (drafts->len > 0)
    {
      gpointer recovered = self->kind->from_json (self->saved_json, error);

      if (recovered == NULL)
        return FALSE;
      if (apply_drafts (self, recovered, drafts) == 0)
        self->kind->free (recovered);
      else
        {
          self->recovered = recovered;
          for (guint i = 0; i < drafts->len; i++)
            {
              const PlDraft *draft = g_ptr_array_index (drafts, i);

              if (self->recovered_time == NULL || g_strcmp0 (draft->updated_at, self->recovered_time) > 0)
                {
                  g_free (self->recovered_time);
                  self->recovered_time = g_strdup (draft->updated_at);
                }
            }
        }
    }
  return TRUE;
}

static void
unload (PlEditSession *self)
{
  clear_recovered (self);
  set_content (self, NULL);
  if (self->saved != NULL)
    self->kind->free (self->saved);
  self->saved = NULL;
  g_clear_pointer (&self->saved_json, g_free);
  reset_history (self);
}

gboolean
pl_edit_session_load (PlEditSession  *self,
                      gint64          id,
                      GError        **error)
{
  gpointer saved;

  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  saved = self->kind->load (self->store, id, error);
  if (saved == NULL || !take_saved (self, saved, error))
    {
      if (saved != NULL)
        unload (self);
      update_state (self, TRUE);
      return FALSE;
    }
  update_state (self, TRUE);
  return TRUE;
}

gboolean
pl_edit_session_load_new (PlEditSession  *self,
                          gpointer        initial,
                          GError        **error)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  g_return_val_if_fail (initial != NULL, FALSE);

  if (!take_saved (self, initial, error))
    {
      unload (self);
      update_state (self, TRUE);
      return FALSE;
    }
  update_state (self, TRUE);
  return TRUE;
}

gboolean
pl_edit_session_is_loaded (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  return self->content != NULL;
}

gpointer
pl_edit_session_get_content (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), NULL);
  return self->content;
}

gconstpointer
pl_edit_session_get_saved (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), NULL);
  return self->saved;
}

/* Changes and steps */

gboolean
pl_edit_session_changed (PlEditSession  *self,
                         gconstpointer   record,
                         const char     *field,
                         GError        **error)
{
  g_autofree char *json = NULL;
  gint64 now;
  gboolean ok;

  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  g_return_val_if_fail (self->content != NULL, FALSE);
  g_return_val_if_fail (self->recovered == NULL, FALSE);

  json = self->kind->to_json (self->content);
  now = self->clock (self->clock_data);
  if (g_strcmp0 (json, self->current_json) == 0)
    return TRUE;

  /* Typing on in the same field is part of the same step, until a pause */
  if (record == NULL || record != self->last_record || g_strcmp0 (field, self->last_field) != 0 ||
      now - self->last_edit >= STEP_PAUSE_USEC)
    {
      g_ptr_array_add (self->undo, g_steal_pointer (&self->current_json));
      g_ptr_array_set_size (self->redo, 0);
      self->last_record = record;
      g_free (self->last_field);
      self->last_field = g_strdup (field);
    }
  self->last_edit = now;
  g_free (self->current_json);
  self->current_json = g_steal_pointer (&json);

  ok = sync_drafts (self, error);
  update_state (self, FALSE);
  return ok;
}

gboolean
pl_edit_session_can_undo (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  return self->undo->len > 0;
}

gboolean
pl_edit_session_can_redo (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  return self->redo->len > 0;
}

gboolean
pl_edit_session_is_dirty (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  return self->content != NULL && g_strcmp0 (self->current_json, self->saved_json) != 0;
}

/* Takes the newest snapshot of from, keeping the present one on to */
static gboolean
step (PlEditSession  *self,
      GPtrArray      *from,
      GPtrArray      *to,
      GError        **error)
{
  g_autofree char *json = NULL;
  gpointer content;
  gboolean ok;

  g_return_val_if_fail (self->content != NULL && self->recovered == NULL, FALSE);
  g_return_val_if_fail (from->len > 0, FALSE);

  json = g_ptr_array_steal_index (from, from->len - 1);
  content = self->kind->from_json (json, error);
  if (content == NULL)
    {
      g_ptr_array_add (from, g_steal_pointer (&json));
      return FALSE;
    }
  g_ptr_array_add (to, g_strdup (self->current_json));
  set_content (self, content);
  ok = sync_drafts (self, error);
  update_state (self, TRUE);
  return ok;
}

gboolean
pl_edit_session_undo (PlEditSession  *self,
                      GError        **error)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  return step (self, self->undo, self->redo, error);
}

gboolean
pl_edit_session_redo (PlEditSession  *self,
                      GError        **error)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  return step (self, self->redo, self->undo, error);
}

gint64
pl_edit_session_take_new_id (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), 0);
  return self->next_new_id--;
}

/* Drafts offered back */

gboolean
pl_edit_session_has_recovered_draft (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  return self->recovered != NULL;
}

gconstpointer
pl_edit_session_get_recovered_content (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), NULL);
  return self->recovered;
}

const char *
pl_edit_session_get_recovered_time (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), NULL);
  return self->recovered_time;
}

void
pl_edit_session_restore_draft (PlEditSession *self)
{
  gpointer recovered;

  g_return_if_fail (PL_IS_EDIT_SESSION (self));
  g_return_if_fail (self->recovered != NULL);

  /* The drafts already hold it: nothing to write */
  recovered = g_steal_pointer (&self->recovered);
  g_clear_pointer (&self->recovered_time, g_free);
  set_content (self, recovered);
  reset_history (self);
  update_state (self, TRUE);
}

gboolean
pl_edit_session_discard (PlEditSession  *self,
                         GError        **error)
{
  gpointer content;

  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  g_return_val_if_fail (self->saved != NULL, FALSE);

  if (!pl_store_begin (self->store, error))
    return FALSE;
  if (!pl_edit_session_delete_drafts (self, error))
    {
      pl_store_rollback (self->store);
      return FALSE;
    }
  if (!pl_store_commit (self->store, error))
    return FALSE;

  content = self->kind->from_json (self->saved_json, error);
  if (content == NULL)
    return FALSE;
  clear_recovered (self);
  set_content (self, content);
  reset_history (self);
  update_state (self, TRUE);
  return TRUE;
}

/* Saving */

gboolean
pl_edit_session_save (PlEditSession  *self,
                      const char     *actor,
                      gint64         *out_id,
                      GError        **error)
{
  g_autofree char *previous = NULL;
  gint64 id = 0, target = 0;
  gboolean ok;

  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  g_return_val_if_fail (self->content != NULL, FALSE);
  g_return_val_if_fail (self->recovered == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Whatever is on screen goes in, even if a draft failed to save earlier;
   * written first, so a refused save keeps the drafts */
  if (!sync_drafts (self, error))
    return FALSE;

  previous = g_strdup (pl_store_get_actor (self->store));
  if (actor != NULL)
    pl_store_set_actor (self->store, actor);
  ok = pl_store_begin (self->store, error);
  if (ok)
    {
      ok = self->kind->save (self, &id, &target, error);
      if (ok)
        ok = pl_store_commit (self->store, error);
      else
        pl_store_rollback (self->store);
    }
  if (actor != NULL)
    pl_store_set_actor (self->store, previous);
  if (!ok)
    return FALSE;

  if (out_id != NULL)
    *out_id = id;
  return pl_edit_session_load (self, target, error);
}

gboolean
pl_edit_session_find_draft (const PlEditKind  *kind,
                            PlStore           *store,
                            gint64             staff_id,
                            gint64             person_id,
                            gint64            *out_id,
                            GError           **error)
{
  g_autoptr(GPtrArray) drafts = NULL;

  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (store != NULL, FALSE);

  drafts = pl_draft_list_for (store, staff_id, person_id, error);
  if (drafts == NULL)
    return FALSE;

  /* Newest first (pl_store_list_drafts) */
  for (guint i = 0; i < drafts->len; i++)
    {
      const PlDraft *draft = g_ptr_array_index (drafts, i);

      if (draft->person_id == person_id && g_strcmp0 (draft->table_name, kind->types[0]->table) == 0 &&
          !pl_draft_is_removal (draft))
        {
          if (out_id != NULL)
            *out_id = draft->record_id;
          return TRUE;
        }
    }

  g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND,
                       _("There is no draft for this."));
  return FALSE;
}

/* The rest */

PlStore *
pl_edit_session_get_store (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), NULL);
  return self->store;
}

gint64
pl_edit_session_get_staff_id (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), 0);
  return self->staff_id;
}

gint64
pl_edit_session_get_person_id (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), 0);
  return self->person_id;
}

void
pl_edit_session_set_clock (PlEditSession *self,
                           PlEditClock    clock,
                           gpointer       user_data)
{
  g_return_if_fail (PL_IS_EDIT_SESSION (self));

  self->clock = clock != NULL ? clock : monotonic_clock;
  self->clock_data = clock != NULL ? user_data : NULL;
}

PlEditSession *
pl_edit_session_new (const PlEditKind *kind,
                     PlStore          *store,
                     gint64            staff_id,
                     gint64            person_id)
{
  PlEditSession *self;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (PL_TYPE_EDIT_SESSION, NULL);
  self->kind = kind;
  self->store = pl_store_ref (store);
  self->staff_id = staff_id;
  self->person_id = person_id;
  return self;
}

static void
pl_edit_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PlEditSession *self = PL_EDIT_SESSION (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_pointer (value, self->content);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, pl_edit_session_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, pl_edit_session_can_redo (self));
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, pl_edit_session_is_dirty (self));
      break;
    case PROP_HAS_RECOVERED_DRAFT:
      g_value_set_boolean (value, self->recovered != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_edit_session_finalize (GObject *object)
{
  PlEditSession *self = PL_EDIT_SESSION (object);

  if (self->kind != NULL)
    unload (self);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->store, pl_store_unref);

  G_OBJECT_CLASS (pl_edit_session_parent_class)->finalize (object);
}

static void
pl_edit_session_class_init (PlEditSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = pl_edit_session_get_property;
  object_class->finalize = pl_edit_session_finalize;

  properties[PROP_CONTENT] =
    g_param_spec_pointer ("content", NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_RECOVERED_DRAFT] =
    g_param_spec_boolean ("has-recovered-draft", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* replaced: the content is a new one (undo, redo, a load…), so what
   * shows it is built again; FALSE after pl_edit_session_changed () */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
pl_edit_session_init (PlEditSession *self)
{
  self->undo = g_ptr_array_new_with_free_func (g_free);
  self->redo = g_ptr_array_new_with_free_func (g_free);
  self->clock = monotonic_clock;
  self->next_new_id = -1;
}
