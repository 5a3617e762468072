/* pl-edit-session-drafts.c: an edit session's drafts, and drafts offered back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drafts are kept one a record (pl-draft.h), so a saved record's draft
 * holds only what was typed into it and a crash loses at most the key
 * being pressed. A record is found again by its id, or by a key when it
 * has none in the store yet.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include "pl-i18n.h"

#include "pl-draft.h"
#include "pl-edit-session-private.h"
#include "pl-record-json.h"

/* What a record not saved yet is called when no key is given (pl-draft.c) */
#define DEFAULT_NEW_KEY "new"

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
gboolean
pl_edit_session_sync_drafts (PlEditSession  *self,
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

/* Drafts left from before (a crash) laid over what is saved, kept to be
 * offered back; when none fits, nothing is offered */
gboolean
pl_edit_session_recover_drafts (PlEditSession  *self,
                                GError        **error)
{
  g_autoptr(GPtrArray) drafts = NULL;

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
