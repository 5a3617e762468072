/* pl-draft.c: what is typed into a form, kept until it is saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-draft.h"
#include "pl-record-json.h"

#define DEFAULT_NEW_KEY "new"
/* new_key of a draft that removes a saved record: saved records have no
 * other use for new_key */
#define REMOVAL_KEY "removed"

/* Drafts of what drafts and history are would make no sense */
static gboolean
type_has_drafts (const PlRecordType *type)
{
  return type != NULL && type != &pl_draft_type && type != &pl_plan_view_type &&
         type != &pl_history_type;
}

static gboolean
matches (const PlDraft *draft,
         gint64         staff_id,
         gint64         person_id,
         const char    *table,
         gint64         record_id,
         const char    *new_key)
{
  if (draft->staff_id != staff_id || draft->person_id != person_id ||
      g_strcmp0 (draft->table_name, table) != 0 || draft->record_id != record_id)
    return FALSE;
  if (record_id != 0)
    return TRUE;
  return g_strcmp0 (draft->new_key, new_key != NULL ? new_key : DEFAULT_NEW_KEY) == 0;
}

/* A person's own drafts have no staff id, so theirs are found among all */
static GPtrArray *
list_by_typist (PlStore  *store,
                gint64    staff_id,
                GError  **error)
{
  return pl_store_list_drafts (store, staff_id, error);
}

PlDraft *
pl_draft_find (PlStore             *store,
               gint64               staff_id,
               gint64               person_id,
               const PlRecordType  *type,
               gint64               record_id,
               const char          *new_key,
               GError             **error)
{
  g_autoptr(GPtrArray) drafts = NULL;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (type != NULL, NULL);

  drafts = list_by_typist (store, staff_id, error);
  if (drafts == NULL)
    return NULL;

  for (guint i = 0; i < drafts->len; i++)
    if (matches (g_ptr_array_index (drafts, i), staff_id, person_id, type->table, record_id, new_key))
      return g_ptr_array_steal_index (drafts, i);

  g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND,
                       _("There is no draft for this."));
  return NULL;
}

gboolean
pl_draft_save (PlStore             *store,
               gint64               staff_id,
               gint64               person_id,
               const PlRecordType  *type,
               gconstpointer        record,
               const char          *new_key,
               gint64              *out_draft_id,
               GError             **error)
{
  g_autoptr(PlDraft) draft = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 record_id;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (type_has_drafts (type), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  record_id = PL_RECORD_ID (record);
  draft = pl_draft_find (store, staff_id, person_id, type, record_id, new_key, &local_error);
  if (draft == NULL)
    {
      if (!g_error_matches (local_error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      draft = pl_draft_new ();
      draft->staff_id = staff_id;
      draft->person_id = person_id;
      draft->table_name = g_strdup (type->table);
      draft->record_id = record_id;
      if (record_id == 0)
        draft->new_key = g_strdup (new_key != NULL ? new_key : DEFAULT_NEW_KEY);
    }
  else if (record_id != 0)
    {
      /* Typing into a record brings it back if it was to go */
      g_clear_pointer (&draft->new_key, g_free);
    }

  g_free (draft->content);
  draft->content = pl_record_to_json (type, record);

  /* pl_store_save is one transaction, written to the disk before it returns */
  if (!pl_store_save_draft (store, draft, error))
    return FALSE;

  if (out_draft_id != NULL)
    *out_draft_id = draft->id;
  return TRUE;
}

gboolean
pl_draft_is_removal (const PlDraft *draft)
{
  g_return_val_if_fail (draft != NULL, FALSE);

  return draft->record_id != 0 && g_strcmp0 (draft->new_key, REMOVAL_KEY) == 0;
}

gboolean
pl_draft_save_removal (PlStore             *store,
                       gint64               staff_id,
                       gint64               person_id,
                       const PlRecordType  *type,
                       gint64               record_id,
                       gint64              *out_draft_id,
                       GError             **error)
{
  g_autoptr(PlDraft) draft = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (type_has_drafts (type), FALSE);
  g_return_val_if_fail (record_id > 0, FALSE);

  draft = pl_draft_find (store, staff_id, person_id, type, record_id, NULL, &local_error);
  if (draft == NULL)
    {
      if (!g_error_matches (local_error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      draft = pl_draft_new ();
      draft->staff_id = staff_id;
      draft->person_id = person_id;
      draft->table_name = g_strdup (type->table);
      draft->record_id = record_id;
    }

  g_free (draft->new_key);
  draft->new_key = g_strdup (REMOVAL_KEY);
  g_free (draft->content);
  draft->content = g_strdup ("{}");

  if (!pl_store_save_draft (store, draft, error))
    return FALSE;

  if (out_draft_id != NULL)
    *out_draft_id = draft->id;
  return TRUE;
}

/* The record the draft describes, and its type */
static gpointer
build_record (PlStore              *store,
              const PlDraft        *draft,
              gboolean              need_saved,
              const PlRecordType  **out_type,
              GError              **error)
{
  const PlRecordType *type = pl_record_type_for_table (draft->table_name);
  g_autoptr(GError) local_error = NULL;
  gpointer record = NULL;

  if (!type_has_drafts (type))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("This draft is for something Plainly does not know (%s)."),
                   draft->table_name);
      return NULL;
    }

  if (draft->record_id != 0)
    {
      record = pl_store_load (store, type, draft->record_id, &local_error);
      if (record == NULL)
        {
          if (need_saved || !g_error_matches (local_error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND))
            {
              if (g_error_matches (local_error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND))
                g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND,
                             _("The %s this draft was for has been removed, so it cannot be saved."),
                             _(type->label));
              else
                g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
        }
    }
  if (record == NULL)
    {
      record = pl_record_new (type);
      PL_RECORD_ID (record) = draft->record_id;
    }

  if (!pl_record_set_from_json (type, record, draft->content, error))
    {
      pl_record_free (type, record);
      return NULL;
    }

  /* The draft may never move itself onto another record */
  PL_RECORD_ID (record) = draft->record_id;
  *out_type = type;
  return record;
}

gpointer
pl_draft_load (PlStore             *store,
               gint64               draft_id,
               const PlRecordType **out_type,
               GError             **error)
{
  g_autoptr(PlDraft) draft = NULL;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (out_type != NULL, NULL);

  draft = pl_store_load_draft (store, draft_id, error);
  if (draft == NULL)
    return NULL;

  return build_record (store, draft, FALSE, out_type, error);
}

GPtrArray *
pl_draft_list_for (PlStore  *store,
                   gint64    staff_id,
                   gint64    person_id,
                   GError  **error)
{
  g_autoptr(GPtrArray) drafts = NULL;

  g_return_val_if_fail (store != NULL, NULL);

  drafts = list_by_typist (store, staff_id, error);
  if (drafts == NULL)
    return NULL;

  for (guint i = drafts->len; i > 0; i--)
    {
      const PlDraft *draft = g_ptr_array_index (drafts, i - 1);

      if (draft->staff_id != staff_id || (person_id != 0 && draft->person_id != person_id))
        g_ptr_array_remove_index (drafts, i - 1);
    }

  return g_steal_pointer (&drafts);
}

gboolean
pl_draft_discard (PlStore  *store,
                  gint64    draft_id,
                  GError  **error)
{
  g_return_val_if_fail (store != NULL, FALSE);

  return pl_store_delete_draft (store, draft_id, error);
}

/* Removes the record a removal draft is about, and the draft */
static gboolean
apply_removal (PlStore        *store,
               const PlDraft  *draft,
               GError        **error)
{
  const PlRecordType *type = pl_record_type_for_table (draft->table_name);

  if (!type_has_drafts (type))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("This draft is for something Plainly does not know (%s)."),
                   draft->table_name);
      return FALSE;
    }
  return pl_store_delete (store, type, draft->record_id, error) &&
         pl_store_delete_draft (store, draft->id, error);
}

gboolean
pl_draft_apply (PlStore  *store,
                gint64    draft_id,
                gint64   *out_record_id,
                GError  **error)
{
  g_autoptr(PlDraft) draft = NULL;
  const PlRecordType *type = NULL;
  gpointer record = NULL;
  gboolean ok;

  g_return_val_if_fail (store != NULL, FALSE);

  if (!pl_store_begin (store, error))
    return FALSE;

  draft = pl_store_load_draft (store, draft_id, error);
  ok = draft != NULL;
  if (ok && pl_draft_is_removal (draft))
    {
      if (!apply_removal (store, draft, error))
        {
          pl_store_rollback (store);
          return FALSE;
        }
      if (out_record_id != NULL)
        *out_record_id = 0;
      return pl_store_commit (store, error);
    }
  if (ok)
    record = build_record (store, draft, TRUE, &type, error);
  ok = record != NULL &&
       pl_store_save (store, type, record, error) &&
       pl_store_delete_draft (store, draft_id, error);

  if (ok && out_record_id != NULL)
    *out_record_id = PL_RECORD_ID (record);
  if (record != NULL)
    pl_record_free (type, record);

  if (!ok)
    {
      pl_store_rollback (store);
      return FALSE;
    }
  return pl_store_commit (store, error);
}
