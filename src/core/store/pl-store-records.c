/* pl-store-records.c: reading and writing records of any PlRecordType
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-store-private.h"

char *
pl_store_column_list (const PlRecordType *type,
                      gboolean            with_id)
{
  GString *s = g_string_new (NULL);

  for (guint i = with_id ? 0 : 1; i < type->n_fields; i++)
    {
      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, type->fields[i].name);
    }
  return g_string_free (s, FALSE);
}

static void
bind_field (sqlite3_stmt  *stmt,
            int            index,
            const PlField *field,
            gconstpointer  record)
{
  switch (field->kind)
    {
    case PL_FIELD_INT:
      sqlite3_bind_int (stmt, index, *PL_FIELD_PTR (record, field, int));
      break;

    case PL_FIELD_BOOL:
      sqlite3_bind_int (stmt, index, *PL_FIELD_PTR (record, field, gboolean) ? 1 : 0);
      break;

    case PL_FIELD_INT64:
      sqlite3_bind_int64 (stmt, index, *PL_FIELD_PTR (record, field, gint64));
      break;

    case PL_FIELD_REF:
      if (*PL_FIELD_PTR (record, field, gint64) == 0)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, *PL_FIELD_PTR (record, field, gint64));
      break;

    case PL_FIELD_DOUBLE:
      sqlite3_bind_double (stmt, index, *PL_FIELD_PTR (record, field, double));
      break;

    case PL_FIELD_TEXT:
      sqlite3_bind_text (stmt, index, *PL_FIELD_PTR (record, field, char *), -1, SQLITE_STATIC);
      break;

    case PL_FIELD_ENUM:
      sqlite3_bind_text (stmt, index,
                         pl_enum_to_nick (field->nicks, *PL_FIELD_PTR (record, field, int)),
                         -1, SQLITE_STATIC);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
read_field (sqlite3_stmt  *stmt,
            int            column,
            const PlField *field,
            gpointer       record)
{
  switch (field->kind)
    {
    /* A number Plainly cannot use (written by another program, or
     * damaged) reads as its field's fallback, never as itself: a text size
     * of two billion or a plan version at the end of int would overflow
     * where it is used. check reports where. */
    case PL_FIELD_INT:
      {
        gint64 v = sqlite3_column_int64 (stmt, column);

        if (!pl_field_number_is_valid (field, (double) v))
          v = (gint64) pl_field_number_fallback (field);
        *PL_FIELD_PTR (record, field, int) = (int) v;
      }
      break;

    case PL_FIELD_BOOL:
      {
        gint64 v = sqlite3_column_int64 (stmt, column);

        *PL_FIELD_PTR (record, field, gboolean) =
          pl_field_number_is_valid (field, (double) v) ? v != 0 : pl_field_number_fallback (field) != 0;
      }
      break;

    case PL_FIELD_INT64:
    case PL_FIELD_REF:
      *PL_FIELD_PTR (record, field, gint64) = sqlite3_column_int64 (stmt, column);
      break;

    case PL_FIELD_DOUBLE:
      {
        double v = sqlite3_column_double (stmt, column);

        *PL_FIELD_PTR (record, field, double) =
          pl_field_number_is_valid (field, v) ? v : pl_field_number_fallback (field);
      }
      break;

    case PL_FIELD_TEXT:
      {
        const char *text = (const char *) sqlite3_column_text (stmt, column);
        int n = sqlite3_column_bytes (stmt, column);

        /* Text that is not UTF-8 (written by another program, or damaged)
         * reaches no widget, screen reader or voice: each bad byte shows
         * as U+FFFD. check reports where. */
        char *value = NULL;

        if (text == NULL)
          value = NULL;
        else if (g_utf8_validate_len (text, (gsize) n, NULL))
          value = g_strndup (text, (gsize) n);
        else
          value = g_utf8_make_valid (text, n);
        /* So is text of a fixed form that does not have it (a visit at
         * "25:99", a theme this version does not have): it reads as its
         * field's fallback, as a number out of range does */
        if (!pl_field_text_is_valid (field, value))
          {
            g_free (value);
            value = g_strdup (pl_field_text_fallback (field));
          }
        *PL_FIELD_PTR (record, field, char *) = value;
      }
      break;

    case PL_FIELD_ENUM:
      {
        /* A value this version does not know reads as the first, never as garbage */
        int v = pl_enum_from_nick (field->nicks, (const char *) sqlite3_column_text (stmt, column));

        /* except a visit's outcome: read as "completed", it could hide a missed visit */
        if (v < 0 && field->nicks == pl_visit_outcome_nicks)
          v = PL_VISIT_UNKNOWN;
        *PL_FIELD_PTR (record, field, int) = MAX (v, 0);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Steps a SELECT of all of type's columns and collects the rows */
GPtrArray *
pl_store_collect (PlStore            *self,
                  const PlRecordType *type,
                  sqlite3_stmt       *stmt,
                  GError            **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (type->free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer record = pl_record_new (type);

      for (guint i = 0; i < type->n_fields; i++)
        read_field (stmt, (int) i, &type->fields[i], record);
      g_ptr_array_add (rows, record);
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      pl_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

sqlite3_stmt *
pl_store_select_where (PlStore            *self,
                       const PlRecordType *type,
                       const char         *tail,
                       GError            **error)
{
  g_autofree char *cols = pl_store_column_list (type, TRUE);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s %s", cols, type->table, tail);

  return pl_store_prepare (self, sql, error);
}

gpointer
pl_store_load (PlStore            *self,
               const PlRecordType *type,
               gint64              id,
               GError            **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (type != NULL, NULL);

  stmt = pl_store_select_where (self, type, "WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  rows = pl_store_collect (self, type, stmt, error);
  if (rows == NULL)
    return NULL;

  if (rows->len == 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND,
                   _("The %s you asked for is not in the database. Someone may have removed it."),
                   _(type->label));
      return NULL;
    }

  return g_ptr_array_steal_index (rows, 0);
}

GPtrArray *
pl_store_list (PlStore            *self,
               const PlRecordType *type,
               gint64              parent_id,
               GError            **error)
{
  g_autofree char *tail = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (type != NULL, NULL);

  if (type->parent != NULL && parent_id != 0)
    tail = g_strdup_printf ("WHERE %s = ? ORDER BY %s", type->parent, type->order_by);
  else
    tail = g_strdup_printf ("ORDER BY %s", type->order_by);

  stmt = pl_store_select_where (self, type, tail, error);
  if (stmt == NULL)
    return NULL;
  if (type->parent != NULL && parent_id != 0)
    sqlite3_bind_int64 (stmt, 1, parent_id);

  return pl_store_collect (self, type, stmt, error);
}

static gboolean
validate (const PlRecordType *type,
          gconstpointer       record,
          GError            **error)
{
  for (guint i = 1; i < type->n_fields; i++)
    {
      const PlField *field = &type->fields[i];
      const char *text;

      if (field->kind == PL_FIELD_ENUM &&
          pl_enum_to_nick (field->nicks, *PL_FIELD_PTR (record, field, int)) == NULL)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("The %s has a %s that Plainly does not know."),
                       _(type->label), _(field->label));
          return FALSE;
        }

      if ((field->kind == PL_FIELD_INT &&
           !pl_field_number_is_valid (field, *PL_FIELD_PTR (record, field, int))) ||
          (field->kind == PL_FIELD_DOUBLE &&
           !pl_field_number_is_valid (field, *PL_FIELD_PTR (record, field, double))))
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("The %s’s %s is a number Plainly cannot use."),
                       _(type->label), _(field->label));
          return FALSE;
        }

      if (field->kind != PL_FIELD_TEXT)
        continue;

      text = *PL_FIELD_PTR (record, field, const char *);
      if (text != NULL && !g_utf8_validate (text, -1, NULL))
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("The %s’s %s contains characters that are not valid text."),
                       _(type->label), _(field->label));
          return FALSE;
        }

      /* The store writes its own timestamps and keeps what it was given */
      if ((field->flags & PL_FIELD_FLAG_AUTO) == 0 && !pl_field_text_is_valid (field, text))
        {
          /* Translators: "The visit’s time is not a time of day, like 08:30." */
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("The %s’s %s is not %s."),
                       _(type->label), _(field->label), _(field->form->description));
          return FALSE;
        }

      if ((field->flags & PL_FIELD_FLAG_REQUIRED) != 0)
        {
          g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

          if (*stripped == '\0')
            {
              g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("The %s needs a %s before it can be saved."),
                           _(type->label), _(field->label));
              return FALSE;
            }
        }
    }

  return TRUE;
}

static const char * const stamps[] = { "created_at", "updated_at" };

/* Gives record the timestamps old has, so comparing them sees no change */
static void
stamp_copy (const PlRecordType *type,
            gpointer            record,
            gconstpointer       old)
{
  for (guint i = 0; i < G_N_ELEMENTS (stamps); i++)
    {
      const PlField *field = pl_record_type_find_field (type, stamps[i]);
      char **value;

      if (field == NULL)
        continue;
      value = PL_FIELD_PTR (record, field, char *);
      g_free (*value);
      *value = g_strdup (*PL_FIELD_PTR (old, field, char *));
    }
}

static void
stamp (const PlRecordType *type,
       gpointer            record,
       const char         *now,
       gboolean            inserting)
{
  if (now == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (stamps); i++)
    {
      const PlField *field = pl_record_type_find_field (type, stamps[i]);
      char **value;

      if (field == NULL)
        continue;

      value = PL_FIELD_PTR (record, field, char *);
      if (i == 1 || (inserting && (*value == NULL || **value == '\0')))
        {
          g_free (*value);
          *value = g_strdup (now);
        }
    }
}

static gboolean
insert_record (PlStore            *self,
               const PlRecordType *type,
               gpointer            record,
               const char         *now,
               GError            **error)
{
  g_autofree char *cols = pl_store_column_list (type, FALSE);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_string_printf (sql, "INSERT INTO %s (%s) VALUES (", type->table, cols);
  for (guint i = 1; i < type->n_fields; i++)
    g_string_append (sql, i > 1 ? ", ?" : "?");
  g_string_append_c (sql, ')');

  stmt = pl_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  stamp (type, record, now, TRUE);
  for (guint i = 1; i < type->n_fields; i++)
    bind_field (stmt, (int) i, &type->fields[i], record);

  if (!pl_store_step_done (self, stmt, error))
    return FALSE;

  PL_RECORD_ID (record) = sqlite3_last_insert_rowid (self->db);

  if (type == &pl_history_type)
    return TRUE;
  return pl_store_add_history (self, type, PL_RECORD_ID (record), now, "(created)", NULL, NULL, error);
}

static gboolean
update_record (PlStore            *self,
               const PlRecordType *type,
               gpointer            record,
               const char         *now,
               GError            **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  gpointer old;
  gboolean changed = FALSE;
  gboolean ok = FALSE;
  sqlite3_stmt *stmt;

  old = pl_store_load (self, type, PL_RECORD_ID (record), error);
  if (old == NULL)
    return FALSE;

  /* The store keeps the timestamps, whatever the caller holds */
  stamp_copy (type, record, old);

  for (guint i = 1; i < type->n_fields; i++)
    {
      const PlField *field = &type->fields[i];
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (pl_field_equal (field, old, record))
        continue;

      changed = TRUE;
      if ((field->flags & PL_FIELD_FLAG_AUTO) != 0)
        continue;

      if ((field->flags & PL_FIELD_FLAG_SECRET) == 0)
        {
          before = pl_field_to_string (field, old);
          after = pl_field_to_string (field, record);
        }
      if (!pl_store_add_history (self, type, PL_RECORD_ID (record), now, field->name, before, after, error))
        goto out;
    }

  /* Saving what is already saved changes nothing, not even the timestamp */
  if (!changed)
    {
      ok = TRUE;
      goto out;
    }

  g_string_printf (sql, "UPDATE %s SET ", type->table);
  for (guint i = 1; i < type->n_fields; i++)
    g_string_append_printf (sql, "%s%s = ?", i > 1 ? ", " : "", type->fields[i].name);
  g_string_append (sql, " WHERE id = ?");

  stmt = pl_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    goto out;

  stamp (type, record, now, FALSE);
  for (guint i = 1; i < type->n_fields; i++)
    bind_field (stmt, (int) i, &type->fields[i], record);
  sqlite3_bind_int64 (stmt, (int) type->n_fields, PL_RECORD_ID (record));

  ok = pl_store_step_done (self, stmt, error);

out:
  pl_record_free (type, old);
  return ok;
}

gboolean
pl_store_save (PlStore            *self,
               const PlRecordType *type,
               gpointer            record,
               GError            **error)
{
  g_autofree char *now = NULL;
  gboolean inserting;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (type != NULL, FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  inserting = PL_RECORD_ID (record) == 0;

  if (!validate (type, record, error))
    return FALSE;

  if (!pl_store_begin (self, error))
    return FALSE;

  now = pl_store_now_text (self);
  if (inserting)
    ok = insert_record (self, type, record, now, error);
  else
    ok = update_record (self, type, record, now, error);

  if (ok)
    ok = pl_store_commit (self, error);
  else
    pl_store_rollback (self);

  /* A failed insert must not leave behind an id that was never kept */
  if (!ok && inserting)
    PL_RECORD_ID (record) = 0;

  return ok;
}

static char *
describe_record (const PlRecordType *type,
                 gconstpointer       record)
{
  GString *s = g_string_new (NULL);

  for (guint i = 1; i < type->n_fields; i++)
    {
      const PlField *field = &type->fields[i];
      g_autofree char *value = NULL;

      if ((field->flags & (PL_FIELD_FLAG_SECRET | PL_FIELD_FLAG_AUTO)) != 0)
        continue;
      value = pl_field_to_string (field, record);
      if (value == NULL)
        continue;
      g_string_append_printf (s, "%s%s: %s", s->len ? "\n" : "", field->name, value);
    }

  return g_string_free (s, FALSE);
}

gboolean
pl_store_delete (PlStore            *self,
                 const PlRecordType *type,
                 gint64              id,
                 GError            **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *now = NULL;
  g_autofree char *was = NULL;
  sqlite3_stmt *stmt;
  gpointer old;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (type != NULL, FALSE);

  if (!pl_store_begin (self, error))
    return FALSE;

  old = pl_store_load (self, type, id, error);
  if (old == NULL)
    goto fail;
  was = describe_record (type, old);
  pl_record_free (type, old);

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", type->table);
  stmt = pl_store_prepare (self, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);

  now = pl_store_now_text (self);
  if (!pl_store_step_done (self, stmt, error) ||
      !pl_store_add_history (self, type, id, now, "(deleted)", was, NULL, error))
    goto fail;

  return pl_store_commit (self, error);

fail:
  pl_store_rollback (self);
  return FALSE;
}
