/* pl-record-json.c: a record's fields as a JSON object, and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include "pl-i18n.h"
#include <gio/gio.h>

#include "pl-model.h"
#include "pl-record-json.h"

static gboolean
is_written (const PlField *field,
            gboolean       is_id,
            gboolean       with_ids)
{
  if (is_id)
    return with_ids;
  if ((field->flags & PL_FIELD_FLAG_SECRET) != 0)
    return FALSE;
  /* Timestamps are the store's; other kept-by-the-store fields (a draft's
   * content) are not part of what is being edited either */
  return (field->flags & PL_FIELD_FLAG_AUTO) == 0;
}

JsonObject *
pl_record_to_json_object (const PlRecordType *type,
                          gconstpointer       record,
                          gboolean            with_ids)
{
  JsonObject *obj;

  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (record != NULL, NULL);

  obj = json_object_new ();
  for (guint i = 0; i < type->n_fields; i++)
    {
      const PlField *field = &type->fields[i];

      if (!is_written (field, i == 0, with_ids))
        continue;

      switch (field->kind)
        {
        case PL_FIELD_INT:
          json_object_set_int_member (obj, field->name, *PL_FIELD_PTR (record, field, int));
          break;

        case PL_FIELD_INT64:
        case PL_FIELD_REF:
          json_object_set_int_member (obj, field->name, *PL_FIELD_PTR (record, field, gint64));
          break;

        case PL_FIELD_BOOL:
          json_object_set_boolean_member (obj, field->name, *PL_FIELD_PTR (record, field, gboolean));
          break;

        case PL_FIELD_DOUBLE:
          json_object_set_double_member (obj, field->name, *PL_FIELD_PTR (record, field, double));
          break;

        case PL_FIELD_TEXT:
          {
            const char *text = *PL_FIELD_PTR (record, field, char *);

            if (text == NULL)
              json_object_set_null_member (obj, field->name);
            else
              json_object_set_string_member (obj, field->name, text);
          }
          break;

        case PL_FIELD_ENUM:
          json_object_set_string_member (obj, field->name,
                                         pl_enum_to_nick (field->nicks,
                                                          *PL_FIELD_PTR (record, field, int)));
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return obj;
}

char *
pl_record_to_json (const PlRecordType *type,
                   gconstpointer       record)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (record != NULL, NULL);

  json_node_take_object (node, pl_record_to_json_object (type, record, FALSE));
  return json_to_string (node, FALSE);
}

static gboolean
wrong_kind (const PlField  *field,
            GError        **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("“%s” holds the wrong kind of value."), field->name);
  return FALSE;
}

static gboolean
set_one (const PlField  *field,
         gpointer        record,
         JsonNode       *node,
         GError        **error)
{
  g_autofree char *text = NULL;
  GType value_type;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (field->kind == PL_FIELD_TEXT || field->kind == PL_FIELD_REF)
        return pl_field_set_from_string (field, record, NULL, error);
      return wrong_kind (field, error);
    }
  if (!JSON_NODE_HOLDS_VALUE (node))
    return wrong_kind (field, error);

  value_type = json_node_get_value_type (node);
  switch (field->kind)
    {
    case PL_FIELD_TEXT:
    case PL_FIELD_ENUM:
      if (value_type != G_TYPE_STRING)
        return wrong_kind (field, error);
      return pl_field_set_from_string (field, record, json_node_get_string (node), error);

    case PL_FIELD_INT:
    case PL_FIELD_INT64:
    case PL_FIELD_REF:
      if (value_type != G_TYPE_INT64)
        return wrong_kind (field, error);
      text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      return pl_field_set_from_string (field, record, text, error);

    case PL_FIELD_BOOL:
      if (value_type != G_TYPE_BOOLEAN)
        return wrong_kind (field, error);
      *PL_FIELD_PTR (record, field, gboolean) = json_node_get_boolean (node);
      return TRUE;

    case PL_FIELD_DOUBLE:
      if (value_type != G_TYPE_DOUBLE && value_type != G_TYPE_INT64)
        return wrong_kind (field, error);
      *PL_FIELD_PTR (record, field, double) = json_node_get_double (node);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

gboolean
pl_record_set_from_json_object (const PlRecordType  *type,
                                gpointer             record,
                                JsonObject          *obj,
                                GError             **error)
{
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (type != NULL, FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (obj != NULL, FALSE);

  members = json_object_get_members (obj);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const PlField *field = pl_record_type_find_field (type, l->data);

      if (field == NULL || (field->flags & PL_FIELD_FLAG_SECRET) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” is not part of a %s."), (const char *) l->data, _(type->label));
          return FALSE;
        }
      if (!set_one (field, record, json_object_get_member (obj, l->data), error))
        return FALSE;
    }

  return TRUE;
}

gboolean
pl_json_check_depth (const char  *json,
                     gssize       len,
                     guint        max_depth,
                     GError     **error)
{
  gboolean in_string = FALSE;
  gboolean escaped = FALSE;
  guint depth = 0;

  g_return_val_if_fail (json != NULL, FALSE);

  if (len < 0)
    len = (gssize) strlen (json);

  /* Brackets inside strings do not count; the parser finds any other fault */
  for (gssize i = 0; i < len; i++)
    {
      char c = json[i];

      if (in_string)
        {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The data is nested more than %u levels deep, which Plainly does "
                             "not read. Nothing was changed."),
                           max_depth);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

gboolean
pl_json_load (JsonParser  *parser,
              const char  *json,
              gssize       len,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!pl_json_check_depth (json, len, PL_JSON_MAX_DEPTH, error))
    return FALSE;
  if (json_parser_load_from_data (parser, json, len, &local_error))
    return TRUE;

  if (!g_utf8_validate (local_error->message, -1, NULL))
    {
      char *valid = g_utf8_make_valid (local_error->message, -1);

      g_free (local_error->message);
      local_error->message = valid;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
pl_record_set_from_json (const PlRecordType  *type,
                         gpointer             record,
                         const char          *json,
                         GError             **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  g_return_val_if_fail (json != NULL, FALSE);

  if (!pl_json_load (parser, json, -1, error))
    return FALSE;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The saved text is not in the expected shape."));
      return FALSE;
    }

  return pl_record_set_from_json_object (type, record, json_node_get_object (root), error);
}

const PlRecordType *
pl_record_type_for_table (const char *table)
{
  guint n_types;
  const PlRecordType * const *types = pl_record_types (&n_types);

  g_return_val_if_fail (table != NULL, NULL);

  for (guint i = 0; i < n_types; i++)
    if (g_str_equal (types[i]->table, table))
      return types[i];
  return NULL;
}
