/* pl-plan-version.c: versions of a plan, and agreeing one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan version is a plans row and the parts that hang off it. A new
 * version copies them all; agreeing a version supersedes the one agreed
 * before. What changed between versions is in pl-plan-version-changes.c.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include "pl-i18n.h"
#include <json-glib/json-glib.h>

#include "pl-record.h"
#include "pl-draft.h"
#include "pl-plan-version-private.h"
#include "pl-record-json.h"

/* The parts, with the anchors of pl-document-plan.c: the part's own heading,
 * and the prefix of each item's ("visit-12") */
static const struct
{
  const PlRecordType *type;
  const char         *part_anchor;
  const char         *item_prefix;
} parts[PL_PLAN_N_PARTS] = {
  [PL_PLAN_PART_SECTIONS]  = { &pl_plan_section_type, "about-me", NULL },
  [PL_PLAN_PART_OUTCOMES]  = { &pl_outcome_type, "outcomes", "outcome" },
  [PL_PLAN_PART_VISITS]    = { &pl_visit_type, "visits", "visit" },
  [PL_PLAN_PART_MEDICINES] = { &pl_medicine_type, "medicines", "medicine" },
  [PL_PLAN_PART_RISKS]     = { &pl_risk_type, "risks", "risk" },
};

const PlRecordType *
pl_plan_part_type (PlPlanPart part)
{
  g_return_val_if_fail (part < PL_PLAN_N_PARTS, NULL);
  return parts[part].type;
}

void
pl_plan_content_free (PlPlanContent *content)
{
  if (content == NULL)
    return;
  g_clear_pointer (&content->plan, pl_plan_free);
  for (guint i = 0; i < PL_PLAN_N_PARTS; i++)
    g_clear_pointer (&content->parts[i], g_ptr_array_unref);
  g_free (content);
}

void
pl_plan_change_free (PlPlanChange *change)
{
  if (change == NULL)
    return;
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change->anchor);
  g_free (change);
}

PlPlanContent *
pl_plan_content_new_empty (void)
{
  PlPlanContent *content = g_new0 (PlPlanContent, 1);

  for (guint i = 0; i < PL_PLAN_N_PARTS; i++)
    content->parts[i] = g_ptr_array_new_with_free_func (parts[i].type->free_func);
  return content;
}

PlPlanContent *
pl_plan_content_load (PlStore  *store,
                      gint64    plan_id,
                      GError  **error)
{
  g_autoptr(PlPlanContent) content = g_new0 (PlPlanContent, 1);

  g_return_val_if_fail (store != NULL, NULL);

  content->plan = pl_store_load_plan (store, plan_id, error);
  if (content->plan == NULL)
    return NULL;

  for (guint i = 0; i < PL_PLAN_N_PARTS; i++)
    {
      content->parts[i] = pl_store_list (store, parts[i].type, plan_id, error);
      if (content->parts[i] == NULL)
        return NULL;
    }

  return g_steal_pointer (&content);
}

const char *
pl_plan_part_anchor (PlPlanPart part)
{
  g_return_val_if_fail (part < PL_PLAN_N_PARTS, NULL);
  return parts[part].part_anchor;
}

char *
pl_plan_content_to_json (const PlPlanContent *content)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *obj = json_object_new ();

  g_return_val_if_fail (content != NULL, NULL);

  json_node_take_object (root, obj);
  if (content->plan != NULL)
    json_object_set_object_member (obj, pl_plan_type.table,
                                   pl_record_to_json_object (&pl_plan_type, content->plan, TRUE));

  for (guint i = 0; i < PL_PLAN_N_PARTS; i++)
    {
      JsonArray *array = json_array_new ();

      for (guint j = 0; content->parts[i] != NULL && j < content->parts[i]->len; j++)
        json_array_add_object_element (array,
                                       pl_record_to_json_object (parts[i].type,
                                                                 g_ptr_array_index (content->parts[i], j),
                                                                 TRUE));
      json_object_set_array_member (obj, parts[i].type->table, array);
    }

  return json_to_string (root, FALSE);
}

PlPlanContent *
pl_plan_content_from_json (const char  *json,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(PlPlanContent) content = pl_plan_content_new_empty ();
  JsonObject *obj;
  JsonNode *root;
  JsonNode *member;

  /* The copy is read from the database, where anything may be: every
   * failure sets error, so callers can say what went wrong */
  if (json == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The saved copy of the plan is missing."));
      return NULL;
    }

  if (!pl_json_load (parser, json, -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto bad_shape;
  obj = json_node_get_object (root);

  member = json_object_get_member (obj, pl_plan_type.table);
  if (member != NULL)
    {
      if (!JSON_NODE_HOLDS_OBJECT (member))
        goto bad_shape;
      content->plan = pl_plan_new ();
      if (!pl_record_set_from_json_object (&pl_plan_type, content->plan,
                                           json_node_get_object (member), error))
        return NULL;
    }

  for (guint i = 0; i < PL_PLAN_N_PARTS; i++)
    {
      JsonArray *array;

      member = json_object_get_member (obj, parts[i].type->table);
      if (member == NULL)
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (member))
        goto bad_shape;
      array = json_node_get_array (member);
      for (guint j = 0; j < json_array_get_length (array); j++)
        {
          gpointer record = pl_record_new (parts[i].type);
          JsonNode *element = json_array_get_element (array, j);

          g_ptr_array_add (content->parts[i], record);
          if (!JSON_NODE_HOLDS_OBJECT (element))
            goto bad_shape;
          if (!pl_record_set_from_json_object (parts[i].type, record,
                                               json_node_get_object (element), error))
            return NULL;
        }
    }

  return g_steal_pointer (&content);

bad_shape:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The saved copy of the plan is not in the expected shape."));
  return NULL;
}

char *
pl_plan_anchor_for (const PlRecordType *type,
                    gconstpointer       record)
{
  g_return_val_if_fail (type != NULL, NULL);

  if (type == &pl_plan_type)
    return g_strdup ("summary");
  if (type == &pl_plan_section_type)
    {
      /* Each section's anchor in the document is its nick */
      const char *nick = record != NULL
        ? pl_enum_to_nick (pl_section_kind_nicks, ((const PlPlanSection *) record)->kind)
        : NULL;
      return g_strdup (nick != NULL ? nick : "about-me");
    }

  for (guint i = 0; i < PL_PLAN_N_PARTS; i++)
    if (parts[i].type == type)
      {
        if (record == NULL || PL_RECORD_ID (record) == 0)
          return g_strdup (parts[i].part_anchor);
        return g_strdup_printf ("%s-%" G_GINT64_FORMAT, parts[i].item_prefix, PL_RECORD_ID (record));
      }

  return g_strdup ("top");
}

/* Versions */

typedef struct
{
  PlStore *store;
  char    *previous;
} ActorScope;

static void
actor_scope_begin (ActorScope *scope,
                   PlStore    *store,
                   const char *actor)
{
  if (actor == NULL)
    return;
  scope->store = store;
  scope->previous = g_strdup (pl_store_get_actor (store));
  pl_store_set_actor (store, actor);
}

static void
actor_scope_end (ActorScope *scope)
{
  if (scope->store == NULL)
    return;
  pl_store_set_actor (scope->store, scope->previous);
  g_clear_pointer (&scope->previous, g_free);
  scope->store = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ActorScope, actor_scope_end)

/* "visits:12" → the id of visit 12's copy */
static char *
id_key (const PlRecordType *type,
        gint64              id)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, type->table, id);
}

/* id_map: if not NULL, gets id_key () → gint64 * for each part copied */
static gboolean
copy_version (PlStore     *store,
              gint64       plan_id,
              gint64      *out_plan_id,
              GHashTable  *id_map,
              GError     **error)
{
  g_autoptr(PlPlanContent) content = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(PlPlan) copy = NULL;
  int newest = 0;

  content = pl_plan_content_load (store, plan_id, error);
  if (content == NULL)
    return FALSE;

  versions = pl_store_list_plans (store, content->plan->person_id, error);
  if (versions == NULL)
    return FALSE;
  for (guint i = 0; i < versions->len; i++)
    newest = MAX (newest, ((PlPlan *) g_ptr_array_index (versions, i))->version);

  copy = pl_plan_copy (content->plan);
  copy->id = 0;
  copy->version = newest + 1;
  copy->status = PL_PLAN_DRAFT;
  /* The new version has not been agreed: it needs the person's own words */
  g_clear_pointer (&copy->agreed_on, g_free);
  g_clear_pointer (&copy->agreed_by, g_free);
  g_clear_pointer (&copy->agreement, g_free);
  /* and is written here, whoever wrote the one before */
  g_clear_pointer (&copy->written_elsewhere_by, g_free);
  g_clear_pointer (&copy->written_elsewhere_at, g_free);
  g_clear_pointer (&copy->created_at, g_free);
  g_clear_pointer (&copy->updated_at, g_free);
  if (!pl_store_save_plan (store, copy, error))
    return FALSE;

  for (guint i = 0; i < PL_PLAN_N_PARTS; i++)
    {
      const PlRecordType *type = parts[i].type;
      const PlField *parent = pl_record_type_find_field (type, type->parent);

      for (guint j = 0; j < content->parts[i]->len; j++)
        {
          gpointer record = pl_record_copy (type, g_ptr_array_index (content->parts[i], j));
          gboolean ok;

          gint64 old_id = PL_RECORD_ID (record);

          PL_RECORD_ID (record) = 0;
          *PL_FIELD_PTR (record, parent, gint64) = copy->id;
          ok = pl_store_save (store, type, record, error);
          if (ok && id_map != NULL)
            g_hash_table_insert (id_map, id_key (type, old_id),
                                 g_memdup2 (&PL_RECORD_ID (record), sizeof (gint64)));
          pl_record_free (type, record);
          if (!ok)
            return FALSE;
        }
    }

  *out_plan_id = copy->id;
  return TRUE;
}

gboolean
pl_plan_new_version (PlStore     *store,
                     gint64       plan_id,
                     const char  *actor,
                     gint64      *out_plan_id,
                     GError     **error)
{
  g_auto(ActorScope) scope = { 0 };
  gint64 new_id = 0;

  g_return_val_if_fail (store != NULL, FALSE);

  actor_scope_begin (&scope, store, actor);

  /* All of it or none: a half-copied plan would be worse than none */
  if (!pl_store_begin (store, error))
    return FALSE;
  if (!copy_version (store, plan_id, &new_id, NULL, error))
    {
      pl_store_rollback (store);
      return FALSE;
    }
  if (!pl_store_commit (store, error))
    return FALSE;

  if (out_plan_id != NULL)
    *out_plan_id = new_id;
  return TRUE;
}

/* The record a draft over the old version becomes in the new one, or NULL
 * (and no error) when the draft is about something else */
static gpointer
draft_in_new_version (PlStore        *store,
                      const PlDraft  *draft,
                      gint64          plan_id,
                      const PlPlan   *copy,
                      GHashTable     *id_map,
                      const PlRecordType **out_type,
                      GError        **error)
{
  const PlRecordType *type = pl_record_type_for_table (draft->table_name);
  const PlField *parent = NULL;
  gpointer record = NULL;
  gint64 target = 0;

  if (type == NULL)
    return NULL;

  if (type == &pl_plan_type)
    {
      if (draft->record_id != plan_id)
        return NULL;
      target = copy->id;
    }
  else
    {
      for (guint i = 0; i < PL_PLAN_N_PARTS; i++)
        if (parts[i].type == type)
          parent = pl_record_type_find_field (type, type->parent);
      if (parent == NULL)
        return NULL;

      if (draft->record_id != 0)
        {
          g_autofree char *key = id_key (type, draft->record_id);
          const gint64 *mapped = g_hash_table_lookup (id_map, key);

          if (mapped == NULL)
            return NULL;
          target = *mapped;
        }
    }

  if (target != 0)
    record = pl_store_load (store, type, target, error);
  else
    record = pl_record_new (type);
  if (record == NULL)
    return NULL;

  if (!pl_record_set_from_json (type, record, draft->content, error))
    {
      pl_record_free (type, record);
      return NULL;
    }

  /* A new part typed for another plan is not this save's */
  if (parent != NULL && target == 0 && *PL_FIELD_PTR (record, parent, gint64) != plan_id)
    {
      pl_record_free (type, record);
      return NULL;
    }

  PL_RECORD_ID (record) = target;
  if (parent != NULL)
    *PL_FIELD_PTR (record, parent, gint64) = copy->id;

  if (type == &pl_plan_type)
    {
      PlPlan *plan = record;

      /* What the draft says of the plan's dates and coordinator, never of
       * which version it is or whether it was agreed */
      plan->person_id = copy->person_id;
      plan->version = copy->version;
      plan->status = PL_PLAN_DRAFT;
      g_clear_pointer (&plan->agreed_on, g_free);
      g_clear_pointer (&plan->agreed_by, g_free);
      g_clear_pointer (&plan->agreement, g_free);
      g_clear_pointer (&plan->written_elsewhere_by, g_free);
      g_clear_pointer (&plan->written_elsewhere_at, g_free);
    }

  *out_type = type;
  return record;
}

/* The copy in the new version of the part a removal draft is about, or 0
 * when the draft is about something else */
static gint64
removed_in_new_version (const PlDraft       *draft,
                        GHashTable          *id_map,
                        const PlRecordType **out_type)
{
  const PlRecordType *type = pl_record_type_for_table (draft->table_name);
  g_autofree char *key = NULL;
  const gint64 *mapped;

  for (guint i = 0; i < PL_PLAN_N_PARTS; i++)
    if (parts[i].type == type)
      {
        key = id_key (type, draft->record_id);
        mapped = g_hash_table_lookup (id_map, key);
        if (mapped == NULL)
          return 0;
        *out_type = type;
        return *mapped;
      }

  /* The plan itself is never removed this way */
  return 0;
}

static gboolean
save_drafts_as_version (PlStore   *store,
                        gint64     plan_id,
                        gint64     staff_id,
                        gint64    *out_plan_id,
                        guint     *out_applied,
                        GError   **error)
{
  g_autoptr(GHashTable) id_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(PlPlan) copy = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  gint64 new_id = 0;

  *out_applied = 0;
  if (!copy_version (store, plan_id, &new_id, id_map, error))
    return FALSE;
  copy = pl_store_load_plan (store, new_id, error);
  if (copy == NULL)
    return FALSE;

  drafts = pl_draft_list_for (store, staff_id, copy->person_id, error);
  if (drafts == NULL)
    return FALSE;

  for (guint i = 0; i < drafts->len; i++)
    {
      const PlDraft *draft = g_ptr_array_index (drafts, i);
      const PlRecordType *type = NULL;
      g_autoptr(GError) local_error = NULL;
      gpointer record;
      gboolean ok;

      if (pl_draft_is_removal (draft))
        {
          gint64 target = removed_in_new_version (draft, id_map, &type);

          if (target == 0)
            continue;
          if (!pl_store_delete (store, type, target, error) ||
              !pl_store_delete_draft (store, draft->id, error))
            return FALSE;
          (*out_applied)++;
          continue;
        }

      record = draft_in_new_version (store, draft, plan_id, copy, id_map, &type, &local_error);
      if (record == NULL)
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          continue;
        }

      ok = pl_store_save (store, type, record, error) &&
           pl_store_delete_draft (store, draft->id, error);
      pl_record_free (type, record);
      if (!ok)
        return FALSE;
      (*out_applied)++;
    }

  *out_plan_id = new_id;
  return TRUE;
}

gboolean
pl_plan_save_drafts_as_version (PlStore     *store,
                                gint64       plan_id,
                                gint64       staff_id,
                                const char  *actor,
                                gint64      *out_plan_id,
                                guint       *out_n_applied,
                                GError     **error)
{
  g_auto(ActorScope) scope = { 0 };
  gint64 new_id = 0;
  guint applied = 0;

  g_return_val_if_fail (store != NULL, FALSE);

  actor_scope_begin (&scope, store, actor);

  /* One version, whole: the copy and every draft in it, or nothing */
  if (!pl_store_begin (store, error))
    return FALSE;
  if (!save_drafts_as_version (store, plan_id, staff_id, &new_id, &applied, error))
    {
      pl_store_rollback (store);
      return FALSE;
    }
  if (!pl_store_commit (store, error))
    return FALSE;

  if (out_plan_id != NULL)
    *out_plan_id = new_id;
  if (out_n_applied != NULL)
    *out_n_applied = applied;
  return TRUE;
}

static gboolean
is_date (const char *text)
{
  unsigned int y, m, d;
  char end;

  return text != NULL && sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &end) == 3 &&
         strlen (text) == 10 && g_date_valid_dmy (d, m, y);
}

static gboolean
mark_agreed (PlStore     *store,
             gint64       plan_id,
             const char  *agreed_by,
             const char  *agreement,
             const char  *agreed_on,
             GError     **error)
{
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GPtrArray) versions = NULL;

  plan = pl_store_load_plan (store, plan_id, error);
  if (plan == NULL)
    return FALSE;

  if (plan->status == PL_PLAN_SUPERSEDED)
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("A newer version has replaced this plan, so it cannot be agreed. "
                             "Make a new version from it instead."));
      return FALSE;
    }

  versions = pl_store_list_plans (store, plan->person_id, error);
  if (versions == NULL)
    return FALSE;

  for (guint i = 0; i < versions->len; i++)
    {
      PlPlan *other = g_ptr_array_index (versions, i);

      if (other->id == plan->id || other->status != PL_PLAN_AGREED)
        continue;
      other->status = PL_PLAN_SUPERSEDED;
      if (!pl_store_save_plan (store, other, error))
        return FALSE;
    }

  plan->status = PL_PLAN_AGREED;
  g_free (plan->agreed_by);
  plan->agreed_by = g_strstrip (g_strdup (agreed_by));
  /* The person's words are kept exactly as they were said */
  g_free (plan->agreement);
  plan->agreement = g_strdup (agreement);
  g_free (plan->agreed_on);
  plan->agreed_on = g_strdup (agreed_on);

  return pl_store_save_plan (store, plan, error);
}

gboolean
pl_plan_mark_agreed (PlStore     *store,
                     gint64       plan_id,
                     const char  *agreed_by,
                     const char  *agreement,
                     const char  *agreed_on,
                     const char  *actor,
                     GError     **error)
{
  g_auto(ActorScope) scope = { 0 };
  g_autofree char *today = NULL;

  g_return_val_if_fail (store != NULL, FALSE);

  if (pl_text_is_blank (agreement))
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("Write down the person’s agreement in their own words before "
                             "marking the plan as agreed."));
      return FALSE;
    }
  if (pl_text_is_blank (agreed_by))
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("Write down who agreed to the plan: the person, or the "
                             "decision-maker if the Mental Capacity Act applies."));
      return FALSE;
    }
  if (agreed_on == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = g_date_time_format (now, "%Y-%m-%d");
      agreed_on = today;
    }
  else if (!is_date (agreed_on))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("“%s” is not a date. Write it as year, month and day, like 2026-11-23."),
                   agreed_on);
      return FALSE;
    }

  actor_scope_begin (&scope, store, actor);

  if (!pl_store_begin (store, error))
    return FALSE;
  if (!mark_agreed (store, plan_id, agreed_by, agreement, agreed_on, error))
    {
      pl_store_rollback (store);
      return FALSE;
    }
  return pl_store_commit (store, error);
}
