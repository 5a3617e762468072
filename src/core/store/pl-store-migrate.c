/* pl-store-migrate.c: migrations from data/schema/, repairs and backups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include "pl-i18n.h"
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "pl-core-resources.h"
#include "pl-store-private.h"

#define SCHEMA_RESOURCE_DIR "/org/plainly/Plainly/core/schema/"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

gboolean
pl_store_migrate (PlStore  *self,
                  GError  **error)
{
  g_auto(GStrv) names = NULL;
  guint n;

  names = g_resource_enumerate_children (pl_core_get_resource (), SCHEMA_RESOURCE_DIR, 0, error);
  if (names == NULL)
    return FALSE;

  n = g_strv_length (names);
  qsort (names, n, sizeof (char *), compare_names);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strconcat (SCHEMA_RESOURCE_DIR, names[i], NULL);
      g_autofree char *sql = NULL;
      g_autoptr(GBytes) bytes = NULL;
      int version = atoi (names[i]);

      if (version <= self->schema_version)
        continue;

      bytes = g_resource_lookup_data (pl_core_get_resource (), path, 0, error);
      if (bytes == NULL)
        return FALSE;

      sql = g_strdup_printf ("%.*s\n;PRAGMA application_id = %d;\nPRAGMA user_version = %d;",
                             (int) g_bytes_get_size (bytes),
                             (const char *) g_bytes_get_data (bytes, NULL),
                             PL_APPLICATION_ID, version);

      /* Each migration is one transaction: it happens whole or not at all */
      if (!pl_store_begin (self, error))
        return FALSE;
      if (!pl_store_exec (self, sql, error))
        {
          pl_store_rollback (self);
          return FALSE;
        }
      if (!pl_store_commit (self, error))
        return FALSE;

      self->schema_version = version;
    }

  return TRUE;
}

/* The diary's full-text index and the triggers that keep it in step, as
 * data/schema/001-initial.sql makes them */
static const char diary_search_sql[] =
  "CREATE VIRTUAL TABLE IF NOT EXISTS diary_fts USING fts5 ("
  "  what_done, how_i_was, follow_up, action_taken,"
  "  content = 'diary_entries', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2');"
  "CREATE TRIGGER IF NOT EXISTS diary_fts_insert AFTER INSERT ON diary_entries BEGIN"
  "  INSERT INTO diary_fts (rowid, what_done, how_i_was, follow_up, action_taken)"
  "  VALUES (new.id, new.what_done, new.how_i_was, new.follow_up, new.action_taken);"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS diary_fts_delete AFTER DELETE ON diary_entries BEGIN"
  "  INSERT INTO diary_fts (diary_fts, rowid, what_done, how_i_was, follow_up, action_taken)"
  "  VALUES ('delete', old.id, old.what_done, old.how_i_was, old.follow_up, old.action_taken);"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS diary_fts_update AFTER UPDATE ON diary_entries BEGIN"
  "  INSERT INTO diary_fts (diary_fts, rowid, what_done, how_i_was, follow_up, action_taken)"
  "  VALUES ('delete', old.id, old.what_done, old.how_i_was, old.follow_up, old.action_taken);"
  "  INSERT INTO diary_fts (rowid, what_done, how_i_was, follow_up, action_taken)"
  "  VALUES (new.id, new.what_done, new.how_i_was, new.follow_up, new.action_taken);"
  "END;"
  "INSERT INTO diary_fts (diary_fts) VALUES ('rebuild');";

gboolean
pl_store_diary_search_is_whole (PlStore   *self,
                                gboolean  *whole,
                                GError   **error)
{
  gint64 n = 0;

  if (!pl_store_query_int (self, "SELECT count(*) FROM sqlite_schema WHERE name IN "
                  "('diary_fts', 'diary_fts_insert', 'diary_fts_delete', 'diary_fts_update')",
                  &n, error))
    return FALSE;
  *whole = n == 4;
  return TRUE;
}

/* Without its index a diary entry cannot be saved (the triggers write to
 * it), so a file that lost it gets it back, rebuilt from the entries */
gboolean
pl_store_repair_diary_search (PlStore  *self,
                              GError  **error)
{
  gboolean whole = TRUE;

  if (!pl_store_diary_search_is_whole (self, &whole, error))
    return FALSE;
  if (whole)
    return TRUE;

  if (!pl_store_begin (self, error))
    return FALSE;
  /* A half-there index is dropped first, so it is made whole again */
  if (!pl_store_exec (self, "DROP TABLE IF EXISTS diary_fts;", error) ||
      !pl_store_exec (self, diary_search_sql, error))
    {
      pl_store_rollback (self);
      return FALSE;
    }
  if (!pl_store_commit (self, error))
    return FALSE;

  pl_store_add_notice (self, g_strdup_printf (_("The diary's search index in “%s” was missing. Plainly "
                                       "has rebuilt it from the diary."),
                                     pl_store_file_name (self->path)));
  return TRUE;
}

/* Beside the file, named so it is seen as a database and never replaces
 * one: plainly.db → plainly-version-3-backup.db, then -2, -3… */
static char *
backup_path_for (const char *path,
                 int         version)
{
  g_autofree char *stem = g_str_has_suffix (path, ".db") ? g_strndup (path, strlen (path) - 3)
                                                         : g_strdup (path);
  const char *ending = g_str_has_suffix (path, ".db") ? ".db" : "";

  for (guint i = 1; i < 1000; i++)
    {
      g_autofree char *candidate =
        i == 1 ? g_strdup_printf ("%s-version-%d-backup%s", stem, version, ending)
               : g_strdup_printf ("%s-version-%d-backup-%u%s", stem, version, i, ending);
      GStatBuf st;

      if (g_lstat (candidate, &st) != 0)
        return g_steal_pointer (&candidate);
    }
  return NULL;
}

/* An update is forward-only, so the file as it was is kept first, whole,
 * through SQLite's backup API; without that copy nothing is updated */
gboolean
pl_store_back_up_before_update (PlStore  *self,
                                GError  **error)
{
  g_autofree char *backup = backup_path_for (self->path, self->schema_version);
  g_autoptr(GError) local_error = NULL;

  if (backup == NULL || !pl_store_backup (self, backup, &local_error))
    {
      g_set_error (error, PL_STORE_ERROR,
                   local_error != NULL ? local_error->code : PL_STORE_ERROR_FAILED,
                   _("“%s” was made by an older version of Plainly and needs updating, but "
                     "Plainly could not first keep a copy of it as it was, so it has not been "
                     "changed. %s"),
                   pl_store_file_name (self->path),
                   local_error != NULL ? local_error->message : "");
      return FALSE;
    }

  pl_store_add_notice (self, g_strdup_printf (_("“%s” was made by an older version of Plainly, so it has "
                                       "been updated. A copy of it as it was is kept beside it, "
                                       "in “%s”."),
                                     pl_store_file_name (self->path),
                                     pl_store_file_name (backup)));
  return TRUE;
}

/* Reading an older file without writing to it: its records are copied into
 * a private temporary database (deleted when closed), which is updated and
 * read, and can take no changes */
gboolean
pl_store_read_through_updated_copy (PlStore  *self,
                                    GError  **error)
{
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 ("", &copy,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", self->db, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      else
        rc = sqlite3_errcode (copy);
    }
  if (rc != SQLITE_OK)
    {
      pl_store_set_sqlite_error (self, rc, error);
      sqlite3_close (copy);
      return FALSE;
    }

  sqlite3_close (self->db);
  self->db = copy;
  return TRUE;
}

gboolean
pl_store_backup (PlStore     *self,
                 const char  *dest_path,
                 GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (g_file_test (dest_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED,
                   _("“%s” already exists. Choose another name for the backup."),
                   pl_store_file_name (dest_path));
      return FALSE;
    }
  if (!pl_store_create_private_file (dest_path, error))
    return FALSE;

  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      else
        rc = sqlite3_errcode (dest);
    }

  if (rc != SQLITE_OK)
    {
      pl_store_set_sqlite_error (NULL, rc, error);
      sqlite3_close (dest);
      g_unlink (dest_path);
      return FALSE;
    }

  sqlite3_close (dest);
  return TRUE;
}
