/* pl-edit-session-kinds.c: plans, welcome packs and diary entries as
 * things a PlEditSession edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"
#include <json-glib/json-glib.h>

#include "pl-diary.h"
#include "pl-edit-session-private.h"
#include "pl-plan-version.h"
#include "pl-record-json.h"

/* A few records, each under its table's name, ids included */

static JsonObject *
parse_object (const char  *json,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A copy of what was being changed is not in the expected shape."));
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

static gpointer
record_from_member (JsonObject          *obj,
                    const PlRecordType  *type,
                    GError             **error)
{
  gpointer record = pl_record_new (type);
  JsonObject *member = json_object_has_member (obj, type->table)
                       ? json_object_get_object_member (obj, type->table) : NULL;

  if (member == NULL || !pl_record_set_from_json_object (type, record, member, error))
    {
      if (member == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("A copy of what was being changed is not in the expected shape."));
      pl_record_free (type, record);
      return NULL;
    }
  return record;
}

static char *
object_to_string (JsonObject *obj)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (root, obj);
  return json_to_string (root, FALSE);
}

/* Plans */

static const PlRecordType * const plan_types[] = {
  &pl_plan_type,
  &pl_plan_section_type,
  &pl_outcome_type,
  &pl_visit_type,
  &pl_medicine_type,
  &pl_risk_type,
  NULL
};

static gpointer
plan_load (PlStore  *store,
           gint64    id,
           GError  **error)
{
  return pl_plan_content_load (store, id, error);
}

static char *
plan_to_json (gconstpointer content)
{
  return pl_plan_content_to_json (content);
}

static gpointer
plan_from_json (const char  *json,
                GError     **error)
{
  return pl_plan_content_from_json (json, error);
}

static void
plan_free (gpointer content)
{
  pl_plan_content_free (content);
}

static void
plan_foreach_record (gconstpointer    data,
                     PlEditRecordFunc func,
                     gpointer         user_data)
{
  const PlPlanContent *content = data;

  if (content->plan != NULL)
    func (&pl_plan_type, content->plan, user_data);
  for (guint p = 0; p < PL_PLAN_N_PARTS; p++)
    for (guint i = 0; content->parts[p] != NULL && i < content->parts[p]->len; i++)
      func (pl_plan_part_type (p), g_ptr_array_index (content->parts[p], i), user_data);
}

static GPtrArray *
plan_part_of (PlPlanContent      *content,
              const PlRecordType *type)
{
  for (guint p = 0; p < PL_PLAN_N_PARTS; p++)
    if (pl_plan_part_type (p) == type)
      return content->parts[p];
  return NULL;
}

static gint
compare_position (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const PlField *field = pl_record_type_find_field (user_data, "position");
  int pa = *PL_FIELD_PTR (*(gpointer *) a, field, int);
  int pb = *PL_FIELD_PTR (*(gpointer *) b, field, int);

  return pa < pb ? -1 : pa > pb;
}

static gboolean
plan_add_record (gpointer            data,
                 const PlRecordType *type,
                 gpointer            record)
{
  PlPlanContent *content = data;
  GPtrArray *records = plan_part_of (content, type);
  const PlField *parent;

  if (records == NULL || content->plan == NULL)
    return FALSE;
  /* A part added to another version of the plan is not this one's */
  parent = pl_record_type_find_field (type, type->parent);
  if (*PL_FIELD_PTR (record, parent, gint64) != content->plan->id)
    return FALSE;
  g_ptr_array_add (records, record);
  if (pl_record_type_find_field (type, "position") != NULL)
    g_ptr_array_sort_with_data (records, compare_position, (gpointer) type);
  return TRUE;
}

static void
plan_remove_record (gpointer            data,
                    const PlRecordType *type,
                    gint64              id)
{
  GPtrArray *records = plan_part_of (data, type);

  for (guint i = 0; records != NULL && i < records->len; i++)
    if (PL_RECORD_ID (g_ptr_array_index (records, i)) == id)
      {
        g_ptr_array_remove_index (records, i);
        return;
      }
}

static gboolean
plan_save (PlEditSession  *self,
           gint64         *out_id,
           gint64         *out_target,
           GError        **error)
{
  const PlPlanContent *content = pl_edit_session_get_content (self);

  /* The drafts are in step with the content, so they are the new version */
  if (!pl_plan_save_drafts_as_version (pl_edit_session_get_store (self), content->plan->id,
                                       pl_edit_session_get_staff_id (self), NULL, out_id, NULL,
                                       error))
    return FALSE;
  *out_target = *out_id;
  return TRUE;
}

const PlEditKind pl_edit_kind_plan = {
  .name = "plan",
  .types = plan_types,
  .owns_all_drafts = TRUE,
  .load = plan_load,
  .to_json = plan_to_json,
  .from_json = plan_from_json,
  .free = plan_free,
  .foreach_record = plan_foreach_record,
  .add_record = plan_add_record,
  .remove_record = plan_remove_record,
  .save = plan_save,
};

/* Welcome packs */

static const PlRecordType * const welcome_types[] = {
  &pl_service_type,
  &pl_welcome_pack_type,
  NULL
};

void
pl_welcome_content_free (PlWelcomeContent *content)
{
  if (content == NULL)
    return;
  g_clear_pointer (&content->pack, pl_welcome_pack_free);
  g_clear_pointer (&content->service, pl_service_free);
  g_free (content);
}

static gpointer
welcome_load (PlStore  *store,
              gint64    id,
              GError  **error)
{
  g_autoptr(PlWelcomeContent) content = g_new0 (PlWelcomeContent, 1);
  g_autoptr(GPtrArray) packs = NULL;

  content->service = pl_store_load_service (store, id, error);
  if (content->service == NULL)
    return NULL;
  packs = pl_store_list_welcome_packs (store, id, error);
  if (packs == NULL)
    return NULL;

  /* The pack people are shown is the one changed last (pl-store.c) */
  for (guint i = 0; i < packs->len; i++)
    {
      const PlWelcomePack *candidate = g_ptr_array_index (packs, i);

      if (content->pack == NULL || g_strcmp0 (candidate->updated_at, content->pack->updated_at) >= 0)
        {
          g_clear_pointer (&content->pack, pl_welcome_pack_free);
          content->pack = pl_welcome_pack_copy (candidate);
        }
    }
  if (content->pack == NULL)
    {
      content->pack = pl_welcome_pack_new ();
      content->pack->service_id = id;
    }
  return g_steal_pointer (&content);
}

static char *
welcome_to_json (gconstpointer data)
{
  const PlWelcomeContent *content = data;
  JsonObject *obj = json_object_new ();

  json_object_set_object_member (obj, pl_service_type.table,
                                 pl_record_to_json_object (&pl_service_type, content->service, TRUE));
  json_object_set_object_member (obj, pl_welcome_pack_type.table,
                                 pl_record_to_json_object (&pl_welcome_pack_type, content->pack, TRUE));
  return object_to_string (obj);
}

static gpointer
welcome_from_json (const char  *json,
                   GError     **error)
{
  g_autoptr(JsonObject) obj = parse_object (json, error);
  g_autoptr(PlWelcomeContent) content = g_new0 (PlWelcomeContent, 1);

  if (obj == NULL)
    return NULL;
  content->service = record_from_member (obj, &pl_service_type, error);
  if (content->service == NULL)
    return NULL;
  content->pack = record_from_member (obj, &pl_welcome_pack_type, error);
  if (content->pack == NULL)
    return NULL;
  return g_steal_pointer (&content);
}

static void
welcome_free (gpointer content)
{
  pl_welcome_content_free (content);
}

static void
welcome_foreach_record (gconstpointer    data,
                        PlEditRecordFunc func,
                        gpointer         user_data)
{
  const PlWelcomeContent *content = data;

  func (&pl_service_type, content->service, user_data);
  func (&pl_welcome_pack_type, content->pack, user_data);
}

/* A pack not saved yet has no id: its draft is told apart by the service */
static char *
welcome_new_key (gconstpointer       data,
                 const PlRecordType *type)
{
  const PlWelcomeContent *content = data;

  return g_strdup_printf ("service-%" G_GINT64_FORMAT, content->service->id);
}

static gboolean
welcome_save (PlEditSession  *self,
              gint64         *out_id,
              gint64         *out_target,
              GError        **error)
{
  const PlWelcomeContent *content = pl_edit_session_get_content (self);
  PlStore *store = pl_edit_session_get_store (self);
  g_autoptr(PlWelcomePack) pack = pl_welcome_pack_copy (content->pack);
  g_autoptr(PlService) service = pl_service_copy (content->service);

  /* The drafts go first: they are found by the pack's id before it has one */
  if (!pl_edit_session_delete_drafts (self, error) ||
      !pl_store_save_welcome_pack (store, pack, error) ||
      !pl_store_save_service (store, service, error))
    return FALSE;
  *out_id = pack->id;
  *out_target = service->id;
  return TRUE;
}

const PlEditKind pl_edit_kind_welcome_pack = {
  .name = "welcome-pack",
  .types = welcome_types,
  .load = welcome_load,
  .to_json = welcome_to_json,
  .from_json = welcome_from_json,
  .free = welcome_free,
  .foreach_record = welcome_foreach_record,
  .new_key = welcome_new_key,
  .save = welcome_save,
};

/* Diary entries */

static const PlRecordType * const diary_types[] = {
  &pl_diary_entry_type,
  NULL
};

static gpointer
diary_load (PlStore  *store,
            gint64    id,
            GError  **error)
{
  return pl_store_load_diary_entry (store, id, error);
}

static char *
diary_to_json (gconstpointer content)
{
  JsonObject *obj = json_object_new ();

  json_object_set_object_member (obj, pl_diary_entry_type.table,
                                 pl_record_to_json_object (&pl_diary_entry_type, content, TRUE));
  return object_to_string (obj);
}

static gpointer
diary_from_json (const char  *json,
                 GError     **error)
{
  g_autoptr(JsonObject) obj = parse_object (json, error);

  return obj != NULL ? record_from_member (obj, &pl_diary_entry_type, error) : NULL;
}

static void
diary_free (gpointer content)
{
  pl_diary_entry_free (content);
}

static void
diary_foreach_record (gconstpointer    content,
                      PlEditRecordFunc func,
                      gpointer         user_data)
{
  func (&pl_diary_entry_type, (gpointer) content, user_data);
}

static gboolean
diary_save (PlEditSession  *self,
            gint64         *out_id,
            gint64         *out_target,
            GError        **error)
{
  g_autoptr(PlDiaryEntry) entry = pl_diary_entry_copy (pl_edit_session_get_content (self));

  /* The entry and the end of its draft, together or not at all */
  if (!pl_diary_save_entry (pl_edit_session_get_store (self), entry, error) ||
      !pl_edit_session_delete_drafts (self, error))
    return FALSE;
  *out_id = *out_target = entry->id;
  return TRUE;
}

const PlEditKind pl_edit_kind_diary_entry = {
  .name = "diary-entry",
  .types = diary_types,
  .load = diary_load,
  .to_json = diary_to_json,
  .from_json = diary_from_json,
  .free = diary_free,
  .foreach_record = diary_foreach_record,
  .save = diary_save,
};
