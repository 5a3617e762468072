/* pl-store-lookup.c: finding records by more than their id or owner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-needs.h"
#include "pl-store-private.h"

static gpointer
first_or_not_found (GPtrArray   *rows,
                    GError     **error,
                    const char  *message)
{
  g_autoptr(GPtrArray) owned = rows;

  if (owned == NULL)
    return NULL;
  if (owned->len == 0)
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND, message);
      return NULL;
    }
  return g_ptr_array_steal_index (owned, 0);
}

/* The one record of type whose column holds value, or NOT_FOUND with message */
static gpointer
find_one_by_text (PlStore            *self,
                  const PlRecordType *type,
                  const char         *column,
                  const char         *value,
                  const char         *message,
                  GError            **error)
{
  g_autofree char *tail = g_strdup_printf ("WHERE %s = ?", column);
  sqlite3_stmt *stmt = pl_store_select_where (self, type, tail, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);

  return first_or_not_found (pl_store_collect (self, type, stmt, error), error, message);
}

PlPerson *
pl_store_find_person_by_external_id (PlStore     *self,
                                     const char  *external_id,
                                     GError     **error)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (external_id != NULL, NULL);

  message = g_strdup_printf (_("Nobody has the reference “%s”."), external_id);
  return find_one_by_text (self, &pl_person_type, "external_id", external_id, message, error);
}

PlPerson *
pl_store_find_person_by_nhs_number (PlStore     *self,
                                    const char  *nhs_number,
                                    GError     **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (nhs_number != NULL, NULL);

  return find_one_by_text (self, &pl_person_type, "nhs_number", nhs_number,
                           _("Nobody has that NHS number."), error);
}

PlPerson *
pl_store_find_person (PlStore     *self,
                      const char  *id_or_name,
                      GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  char *end = NULL;
  gint64 id;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id_or_name != NULL, NULL);

  id = g_ascii_strtoll (id_or_name, &end, 10);
  if (*id_or_name != '\0' && end != NULL && *end == '\0' && id > 0)
    return pl_store_load_person (self, id, error);

  stmt = pl_store_select_where (self, &pl_person_type,
                       "WHERE preferred_name = ?1 COLLATE NOCASE OR full_name = ?1 COLLATE NOCASE "
                       "OR external_id = ?1 ORDER BY id",
                       error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id_or_name, -1, SQLITE_STATIC);

  rows = pl_store_collect (self, &pl_person_type, stmt, error);
  if (rows == NULL)
    return NULL;

  if (rows->len > 1)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("More than one person is called “%s”. Use their number instead."),
                   id_or_name);
      return NULL;
    }
  if (rows->len == 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND,
                   _("There is nobody called “%s” in this database."), id_or_name);
      return NULL;
    }

  return g_ptr_array_steal_index (rows, 0);
}

PlPlan *
pl_store_current_plan (PlStore  *self,
                       gint64    person_id,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = pl_store_select_where (self, &pl_plan_type, "WHERE person_id = ? ORDER BY version DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);

  return first_or_not_found (pl_store_collect (self, &pl_plan_type, stmt, error),
                             error, _("There is no care plan for this person yet."));
}

PlSettings *
pl_store_get_settings (PlStore  *self,
                       gint64    person_id,
                       GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  rows = pl_store_list_settings (self, person_id, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      /* Nothing saved yet: open the way their recorded needs ask for */
      return pl_store_settings_for_needs (self, person_id, error);
    }
  return g_ptr_array_steal_index (rows, 0);
}

PlSettings *
pl_store_settings_for_needs (PlStore  *self,
                             gint64    person_id,
                             GError  **error)
{
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(GPtrArray) rules = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  needs = pl_store_list_comm_needs (self, person_id, error);
  if (needs == NULL)
    return NULL;
  rules = pl_store_list_need_rules (self, 0, error);
  if (rules == NULL)
    return NULL;
  return pl_settings_for_needs_with_rules (person_id, needs, rules);
}

PlSettings *
pl_store_get_carer_settings (PlStore  *self,
                             gint64    carer_id,
                             GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  rows = pl_store_list_carer_settings (self, carer_id, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    return pl_settings_new_default (carer_id);
  return g_ptr_array_steal_index (rows, 0);
}

GPtrArray *
pl_store_carer_people (PlStore  *self,
                       gint64    carer_id,
                       GError  **error)
{
  g_autofree char *tail = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);

  tail = g_strdup_printf ("WHERE id IN (SELECT c.person_id FROM carer_links AS l "
                          "JOIN contacts AS c ON c.id = l.contact_id WHERE l.carer_id = ?) "
                          "ORDER BY %s", pl_person_type.order_by);
  stmt = pl_store_select_where (self, &pl_person_type, tail, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, carer_id);

  return pl_store_collect (self, &pl_person_type, stmt, error);
}

gboolean
pl_store_carer_scopes (PlStore  *self,
                       gint64    carer_id,
                       gint64    person_id,
                       guint    *scopes,
                       GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (scopes != NULL, FALSE);

  *scopes = 0;
  stmt = pl_store_prepare (self,
                  "SELECT s.scope FROM sharing AS s "
                  "JOIN carer_links AS l ON l.contact_id = s.contact_id "
                  "JOIN contacts AS c ON c.id = s.contact_id "
                  "WHERE l.carer_id = ? AND c.person_id = ?",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, carer_id);
  sqlite3_bind_int64 (stmt, 2, person_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *nick = (const char *) sqlite3_column_text (stmt, 0);

      /* A scope this version does not know grants nothing */
      for (int i = 0; pl_sharing_scope_nicks[i] != NULL; i++)
        if (g_strcmp0 (nick, pl_sharing_scope_nicks[i]) == 0)
          *scopes |= PL_SCOPE_BIT (i);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      *scopes = 0;
      pl_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

PlWelcomePack *
pl_store_welcome_pack_for_person (PlStore  *self,
                                  gint64    person_id,
                                  GError  **error)
{
  g_autoptr(PlPerson) person = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);

  person = pl_store_load_person (self, person_id, error);
  if (person == NULL)
    return NULL;

  stmt = pl_store_select_where (self, &pl_welcome_pack_type,
                "WHERE service_id = ? ORDER BY updated_at DESC, id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person->service_id);

  return first_or_not_found (pl_store_collect (self, &pl_welcome_pack_type, stmt, error), error, _("The care service has not written a welcome pack yet."));
}

PlComplaint *
pl_store_find_complaint (PlStore     *self,
                         const char  *reference,
                         GError     **error)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  message = g_strdup_printf (_("There is no complaint with the reference “%s”."), reference);
  return find_one_by_text (self, &pl_complaint_type, "reference", reference, message, error);
}

GPtrArray *
pl_store_list_for_service (PlStore            *self,
                           const PlRecordType *type,
                           gint64              service_id,
                           GError            **error)
{
  g_autofree char *tail = g_strdup_printf ("WHERE person_id IS NULL AND service_id = ? ORDER BY %s",
                                           type->order_by);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = pl_store_select_where (self, type, tail, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, service_id);
  return pl_store_collect (self, type, stmt, error);
}

GPtrArray *
pl_store_list_with_service (PlStore            *self,
                            const PlRecordType *type,
                            gint64              person_id,
                            GError            **error)
{
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GPtrArray) service = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  person = pl_store_load_person (self, person_id, error);
  if (person == NULL)
    return NULL;
  own = pl_store_list (self, type, person_id, error);
  if (own == NULL)
    return NULL;
  if (person->service_id != 0)
    {
      service = pl_store_list_for_service (self, type, person->service_id, error);
      if (service == NULL)
        return NULL;
      /* The records move to own, which frees them */
      g_ptr_array_set_free_func (service, NULL);
      for (guint i = 0; i < service->len; i++)
        g_ptr_array_add (own, g_ptr_array_index (service, i));
    }
  return g_steal_pointer (&own);
}

GPtrArray *
pl_store_recent_diary (PlStore  *self,
                       gint64    person_id,
                       guint     limit,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = pl_store_select_where (self, &pl_diary_entry_type,
                       "WHERE person_id = ? ORDER BY visit_date DESC, planned_time DESC, id DESC LIMIT ?",
                       error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);

  return pl_store_collect (self, &pl_diary_entry_type, stmt, error);
}

/* Each word the person typed becomes a quoted FTS5 term, so nothing they type
 * can be taken as query syntax; the last one matches as a prefix. */
static char *
fts_query (const char *words)
{
  g_auto(GStrv) parts = g_strsplit_set (words, " \t\n\r", -1);
  GString *q = g_string_new (NULL);
  int last = -1;

  for (int i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      last = i;

  for (int i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;
      g_auto(GStrv) quotes = NULL;

      if (*parts[i] == '\0')
        continue;

      quotes = g_strsplit (parts[i], "\"", -1);
      escaped = g_strjoinv ("\"\"", quotes);
      g_string_append_printf (q, "%s\"%s\"%s", q->len ? " " : "", escaped, i == last ? "*" : "");
    }

  return g_string_free (q, FALSE);
}

GPtrArray *
pl_store_search_diary (PlStore     *self,
                       gint64       person_id,
                       const char  *words,
                       guint        limit,
                       GError     **error)
{
  g_autofree char *cols = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *query = NULL;
  g_auto(GStrv) names = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (words != NULL, NULL);

  query = fts_query (words);
  if (*query == '\0')
    return g_ptr_array_new_with_free_func (pl_diary_entry_type.free_func);

  cols = pl_store_column_list (&pl_diary_entry_type, TRUE);
  names = g_strsplit (cols, ", ", -1);
  g_clear_pointer (&cols, g_free);
  for (guint i = 0; names[i] != NULL; i++)
    {
      char *prefixed = g_strconcat ("d.", names[i], NULL);
      g_free (names[i]);
      names[i] = prefixed;
    }
  cols = g_strjoinv (", ", names);

  /* Newest first by rowid lets FTS5 stop after `limit` matches */
  sql = g_strdup_printf ("SELECT %s FROM diary_fts JOIN diary_entries d ON d.id = diary_fts.rowid "
                         "WHERE diary_fts MATCH ?1 AND (?2 = 0 OR d.person_id = ?2) "
                         "ORDER BY diary_fts.rowid DESC LIMIT ?3",
                         cols);
  stmt = pl_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);

  return pl_store_collect (self, &pl_diary_entry_type, stmt, error);
}
