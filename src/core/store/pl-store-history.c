/* pl-store-history.c: the history of every change, and erasing a person from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-store-private.h"

gboolean
pl_store_add_history (PlStore            *self,
                      const PlRecordType *type,
                      gint64              record_id,
                      const char         *at,
                      const char         *field,
                      const char         *old_value,
                      const char         *new_value,
                      GError            **error)
{
  sqlite3_stmt *stmt;

  stmt = pl_store_prepare (self,
                  "INSERT INTO history (at, actor, table_name, record_id, field, old_value, new_value) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, type->table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, record_id);
  sqlite3_bind_text (stmt, 5, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, new_value, -1, SQLITE_STATIC);

  return pl_store_step_done (self, stmt, error);
}

GPtrArray *
pl_store_list_history (PlStore            *self,
                       const PlRecordType *type,
                       gint64              record_id,
                       GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (type != NULL, NULL);

  stmt = pl_store_select_where (self, &pl_history_type, "WHERE table_name = ? AND record_id = ? ORDER BY id",
                       error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, type->table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, record_id);

  return pl_store_collect (self, &pl_history_type, stmt, error);
}

/* The records that hang off a person, now or in the history: for each, the
 * table, the column that points up, and the table it points to */
static const struct
{
  const char *table;
  const char *column;
  const char *parent;
} person_records[] = {
  { "comm_needs", "person_id", "people" },
  { "settings", "person_id", "people" },
  { "contacts", "person_id", "people" },
  { "plans", "person_id", "people" },
  { "complaints", "person_id", "people" },
  { "diary_entries", "person_id", "people" },
  { "drafts", "person_id", "people" },
  { "plan_views", "person_id", "people" },
  { "symbol_choices", "person_id", "people" },
  { "pronunciations", "person_id", "people" },
  { "sharing", "contact_id", "contacts" },
  { "carer_links", "contact_id", "contacts" },
  { "plan_sections", "plan_id", "plans" },
  { "outcomes", "plan_id", "plans" },
  { "visits", "plan_id", "plans" },
  { "medicines", "plan_id", "plans" },
  { "risks", "plan_id", "plans" },
  { "complaint_events", "complaint_id", "complaints" },
  { "diary_comments", "entry_id", "diary_entries" },
};

/* UK GDPR erasure: the person's own words go from the history as well as
 * from the records. That is every history row of every record that was
 * theirs: those there now, and those deleted before, which the history
 * names by the line "person_id: 3" (or "plan_id: 12"…) in what they held. */
static gboolean
erase_history_of_person (PlStore  *self,
                         gint64    person_id,
                         GError  **error)
{
  g_autofree char *start = g_strdup_printf ("DROP TABLE IF EXISTS temp.pl_erase;"
                                            "CREATE TEMP TABLE pl_erase (table_name TEXT, record_id INTEGER);"
                                            "INSERT INTO pl_erase VALUES ('people', %" G_GINT64_FORMAT ");",
                                            person_id);

  if (!pl_store_exec (self, start, error))
    return FALSE;

  /* Parents come before their children in the list, so each level finds
   * the one above it already gathered */
  for (guint i = 0; i < G_N_ELEMENTS (person_records); i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("INSERT INTO pl_erase SELECT '%1$s', id FROM %1$s "
                         "WHERE %2$s IN (SELECT record_id FROM pl_erase WHERE table_name = '%3$s');"
                         "INSERT INTO pl_erase SELECT DISTINCT '%1$s', h.record_id FROM history h "
                         "JOIN pl_erase p ON p.table_name = '%3$s' "
                         "WHERE h.table_name = '%1$s' AND h.field = '(deleted)' "
                         "AND instr (char(10) || h.old_value || char(10), "
                         "char(10) || '%2$s: ' || p.record_id || char(10)) > 0;",
                         person_records[i].table, person_records[i].column,
                         person_records[i].parent);

      if (!pl_store_exec (self, sql, error))
        return FALSE;
    }

  return pl_store_exec (self,
               "DELETE FROM history WHERE (table_name, record_id) IN "
               "(SELECT table_name, record_id FROM pl_erase);"
               "DROP TABLE temp.pl_erase;",
               error);
}

gboolean
pl_store_delete_person_all (PlStore  *self,
                            gint64    person_id,
                            GError  **error)
{
  g_autoptr(PlPerson) person = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gboolean outermost;

  g_return_val_if_fail (self != NULL, FALSE);

  outermost = self->depth == 0;
  if (!pl_store_begin (self, error))
    return FALSE;

  person = pl_store_load_person (self, person_id, error);
  if (person == NULL || !erase_history_of_person (self, person_id, error))
    goto fail;

  /* Everything about the person hangs off them with ON DELETE CASCADE */
  stmt = pl_store_prepare (self, "DELETE FROM people WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, person_id);
  now = pl_store_now_text (self);
  /* What is kept: who deleted which record, and when; no word of theirs */
  if (!pl_store_step_done (self, stmt, error) ||
      !pl_store_add_history (self, &pl_person_type, person_id, now, "(deleted)", NULL, NULL, error))
    goto fail;

  /* The diary's search index keeps deleted words until its parts are merged */
  if (!pl_store_exec (self, "INSERT INTO diary_fts (diary_fts) VALUES ('optimize');", error))
    goto fail;

  if (!pl_store_commit (self, error))
    return FALSE;

  /* Old copies of the pages are in the write-ahead log until it is
   * written back and emptied */
  if (outermost)
    sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL);
  return TRUE;

fail:
  pl_store_rollback (self);
  return FALSE;
}
