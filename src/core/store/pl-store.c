/* pl-store.c: the one SQLite file that holds everything
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One connection, one writer. Every save runs in a transaction (a savepoint
 * when the caller has opened one), and writes a history row for each field it
 * changes. A file that is not ours, is damaged, is newer than us or cannot be
 * written is refused before anything is written to it.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sqlite3.h>

#include "pl-core-resources.h"
#include "pl-needs.h"
#include "pl-output-file.h"
#include "pl-record-json.h"
#include "pl-actor.h"
#include "pl-store.h"
#include "pl-store-private.h"

/* "Plny": marks a database as ours, so we never migrate somebody else's file */
#define PL_APPLICATION_ID 0x506c6e79
#define SCHEMA_RESOURCE_DIR "/org/plainly/Plainly/core/schema/"

struct _PlStore
{
  sqlite3    *db;
  char       *path;
  char       *actor;
  GHashTable *statements;  /* SQL text → sqlite3_stmt */
  guint       depth;       /* open transactions: 0 none, 1 BEGIN, 2+ savepoints */
  int         schema_version;
  GDateTime  *clock;       /* a fixed time set by tests, or NULL */
  gboolean    read_only;   /* nothing may be written to the file */
  GPtrArray  *notices;     /* (element-type utf8): what opening it did or found */
};

G_DEFINE_QUARK (pl-store-error-quark, pl_store_error)

static const char *
file_name_for_messages (const char *path)
{
  /* Messages name the file, not the whole path, to keep them short */
  const char *slash = path != NULL ? strrchr (path, G_DIR_SEPARATOR) : NULL;

  if (path == NULL)
    return "";
  return slash != NULL ? slash + 1 : path;
}

static void
set_sqlite_error (PlStore     *self,
                  int          rc,
                  GError     **error)
{
  const char *detail = self != NULL && self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FULL,
                   _("There is no room left on the disk, so this could not be saved. "
                     "Nothing already saved has been lost. Free some space and try again."));
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_CORRUPT,
                   _("The database is damaged and cannot be read safely. "
                     "Plainly has not changed it. Restore it from a backup, or ask for help. (%s)"),
                   detail);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_READ_ONLY,
                   _("The database cannot be changed because it is read-only. "
                     "Ask someone to give you permission to change it."));
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_BUSY,
                   _("Another program is using the database. Close it and try again."));
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("This could not be saved because it clashes with something already saved (%s)."),
                   detail);
      break;

    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED,
                   _("The database could not be read or written (%s). "
                     "Check that the disk is connected and working."),
                   detail);
      break;

    default:
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED,
                   _("Something went wrong with the database: %s."), detail);
      break;
    }
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static sqlite3_stmt *
prepare (PlStore     *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static gboolean
exec (PlStore     *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (PlStore     *self,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

char *
pl_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

void
pl_store_set_clock (PlStore   *self,
                    GDateTime *fixed)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->clock, g_date_time_unref);
  if (fixed != NULL)
    self->clock = g_date_time_to_utc (fixed);
}

GDateTime *
pl_store_get_time (PlStore *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->clock != NULL)
    return g_date_time_ref (self->clock);
  return g_date_time_new_now_utc ();
}

static char *
store_now (PlStore *self)
{
  g_autoptr(GDateTime) now = pl_store_get_time (self);

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

char *
pl_store_default_path (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "plainly", NULL);

  /* Care records are private: the folder is the user's alone */
  g_mkdir_with_parents (dir, 0700);
  return g_build_filename (dir, "plainly.db", NULL);
}

/* Transactions */

gboolean
pl_store_begin (PlStore  *self,
                GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT pl%u", self->depth);

  if (!exec (self, sql, error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
pl_store_commit (PlStore  *self,
                 GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE pl%u", self->depth - 1);

  if (!exec (self, sql, error))
    {
      pl_store_rollback (self);
      return FALSE;
    }

  self->depth--;
  return TRUE;
}

void
pl_store_rollback (PlStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->depth > 0);

  self->depth--;
  if (self->depth == 0)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO pl%u; RELEASE pl%u", self->depth, self->depth);

  /* After some errors (SQLITE_FULL) SQLite has already rolled back */
  if (self->depth == 0 && sqlite3_get_autocommit (self->db))
    return;

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Could not roll back: %s", sqlite3_errmsg (self->db));
}

/* Opening */

static gboolean
check_header (const char  *path,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16];
  gssize n;
  int fd;

  /* O_NONBLOCK: should the file become a pipe after it was looked at, the
   * open still does not wait */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, PL_STORE_ERROR,
                   saved_errno == EACCES ? PL_STORE_ERROR_READ_ONLY : PL_STORE_ERROR_FAILED,
                   _("Plainly cannot open “%s”: %s."),
                   file_name_for_messages (path), g_strerror (saved_errno));
      return FALSE;
    }

  n = read (fd, header, sizeof header);
  close (fd);

  /* SQLite would quietly make an empty file into a new database; a file
   * that is there but empty was meant to be something else, or was cut off */
  if (n == 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is empty: it is not a Plainly database. Plainly has not changed it. "
                     "To start a new database, give a name that is not in use."),
                   file_name_for_messages (path));
      return FALSE;
    }

  if (n != sizeof header || memcmp (header, magic, sizeof header) != 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Plainly database. It may be another kind of file. "
                     "Plainly has not changed it."),
                   file_name_for_messages (path));
      return FALSE;
    }

  return TRUE;
}

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOSPC)
        g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FULL,
                     _("There is no room left on the disk to create “%s”."),
                     file_name_for_messages (path));
      else if (saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM)
        g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_READ_ONLY,
                     _("Plainly is not allowed to create “%s” in that folder."),
                     file_name_for_messages (path));
      else
        g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED,
                     _("Plainly could not create “%s”: %s."),
                     file_name_for_messages (path), g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static gboolean
migrate (PlStore  *self,
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
      if (!exec (self, sql, error))
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

/* Reads just enough to know the file is ours, readable and not from the future,
 * without writing to it. */
static gboolean
inspect (PlStore   *self,
         gboolean  *is_empty,
         GError   **error)
{
  gint64 app_id = 0, version = 0, n_objects = 0;
  guint n_types;
  const PlRecordType * const *types = pl_record_types (&n_types);

  if (!query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  *is_empty = n_objects == 0;
  if (*is_empty)
    return TRUE;

  if (app_id != PL_APPLICATION_ID)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_OURS,
                   _("“%s” is a database, but not one made by Plainly. "
                     "Plainly has not changed it."),
                   file_name_for_messages (self->path));
      return FALSE;
    }

  if (version > PL_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Plainly. "
                     "Update Plainly to open it. It has not been changed."),
                   file_name_for_messages (self->path));
      return FALSE;
    }

  self->schema_version = (int) version;

  /* Touch each table's first page: a damaged file usually fails here, cheaply.
   * Tables a later migration adds are not there yet in an older file. */
  for (guint i = 0; i < n_types && version > 0; i++)
    {
      g_autofree char *exists = g_strdup_printf ("SELECT count(*) FROM sqlite_schema "
                                                 "WHERE type = 'table' AND name = '%s'",
                                                 types[i]->table);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM (SELECT 1 FROM %s LIMIT 1)",
                                              types[i]->table);
      gint64 found = 0, ignored;

      if (!query_int (self, exists, &found, error))
        return FALSE;
      if (found == 0 && version == PL_STORE_SCHEMA_VERSION)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_CORRUPT,
                       _("“%s” is damaged: part of it is missing. "
                         "Plainly has not changed it. Restore it from a backup, or ask for help."),
                       file_name_for_messages (self->path));
          return FALSE;
        }
      if (found != 0 && !query_int (self, sql, &ignored, error))
        return FALSE;
    }

  return TRUE;
}

static void
add_notice (PlStore *self,
            char    *text)
{
  g_ptr_array_add (self->notices, text);
}

/* Care records are for their owner alone: a file others can read is made
 * private (the -wal and -shm beside it hold the same records) */
static void
tighten_permissions (PlStore *self)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  gboolean tightened = FALSE, not_allowed = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (self->path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (file, &st) != 0 || !S_ISREG (st.st_mode) || (st.st_mode & 077) == 0)
        continue;
      if (g_chmod (file, st.st_mode & 0700) == 0)
        tightened = TRUE;
      else
        not_allowed = TRUE;
    }

  if (not_allowed)
    add_notice (self, g_strdup_printf (_("“%s” can be read by other people who use this computer, "
                                         "and Plainly is not allowed to change that. Ask whoever "
                                         "looks after the computer to make it private."),
                                       file_name_for_messages (self->path)));
  else if (tightened)
    add_notice (self, g_strdup_printf (_("“%s” could be read by other people who use this "
                                         "computer. Plainly has made it private: only you can "
                                         "read it now."),
                                       file_name_for_messages (self->path)));
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

static gboolean
diary_search_is_whole (PlStore   *self,
                       gboolean  *whole,
                       GError   **error)
{
  gint64 n = 0;

  if (!query_int (self, "SELECT count(*) FROM sqlite_schema WHERE name IN "
                  "('diary_fts', 'diary_fts_insert', 'diary_fts_delete', 'diary_fts_update')",
                  &n, error))
    return FALSE;
  *whole = n == 4;
  return TRUE;
}

/* Without its index a diary entry cannot be saved (the triggers write to
 * it), so a file that lost it gets it back, rebuilt from the entries */
static gboolean
repair_diary_search (PlStore  *self,
                     GError  **error)
{
  gboolean whole = TRUE;

  if (!diary_search_is_whole (self, &whole, error))
    return FALSE;
  if (whole)
    return TRUE;

  if (!pl_store_begin (self, error))
    return FALSE;
  /* A half-there index is dropped first, so it is made whole again */
  if (!exec (self, "DROP TABLE IF EXISTS diary_fts;", error) ||
      !exec (self, diary_search_sql, error))
    {
      pl_store_rollback (self);
      return FALSE;
    }
  if (!pl_store_commit (self, error))
    return FALSE;

  add_notice (self, g_strdup_printf (_("The diary's search index in “%s” was missing. Plainly "
                                       "has rebuilt it from the diary."),
                                     file_name_for_messages (self->path)));
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
static gboolean
back_up_before_update (PlStore  *self,
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
                   file_name_for_messages (self->path),
                   local_error != NULL ? local_error->message : "");
      return FALSE;
    }

  add_notice (self, g_strdup_printf (_("“%s” was made by an older version of Plainly, so it has "
                                       "been updated. A copy of it as it was is kept beside it, "
                                       "in “%s”."),
                                     file_name_for_messages (self->path),
                                     file_name_for_messages (backup)));
  return TRUE;
}

/* Reading an older file without writing to it: its records are copied into
 * a private temporary database (deleted when closed), which is updated and
 * read, and can take no changes */
static gboolean
read_through_updated_copy (PlStore  *self,
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
      set_sqlite_error (self, rc, error);
      sqlite3_close (copy);
      return FALSE;
    }

  sqlite3_close (self->db);
  self->db = copy;
  return TRUE;
}

/* A read-only file in WAL mode needs its -shm, which cannot be made in a
 * folder that cannot be written; such a file is read as it stands. A file
 * that could be written is opened as usual with writing turned off (the
 * caller sets query_only): a connection opened read-only cannot remove the
 * -wal and -shm files when it closes, and would leave them beside the file. */
static int
open_for_reading (PlStore  *self,
                  gboolean  writable)
{
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *immutable = NULL;
  gint64 ignored = 0;
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        (writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) |
                        SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK && query_int (self, "SELECT count(*) FROM sqlite_schema", &ignored, NULL))
    return SQLITE_OK;

  sqlite3_close (self->db);
  self->db = NULL;
  absolute = g_canonicalize_filename (self->path, NULL);
  uri = g_filename_to_uri (absolute, NULL, NULL);
  if (uri == NULL)
    return SQLITE_CANTOPEN;
  immutable = g_strconcat (uri, "?immutable=1", NULL);
  return sqlite3_open_v2 (immutable, &self->db,
                          SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE, NULL);
}

PlStore *
pl_store_open (const char        *path,
               PlStoreOpenFlags   flags,
               GError           **error)
{
  g_autoptr(PlStore) self = NULL;
  g_autofree char *dir = NULL;
  gboolean is_empty = FALSE;
  gboolean read_only = (flags & PL_STORE_OPEN_READ_ONLY) != 0;
  gboolean cannot_write = FALSE;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Reading never makes a file */
  if (read_only)
    flags |= PL_STORE_OPEN_NO_CREATE;

  dir = g_path_get_dirname (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NO_DIRECTORY,
                   _("The folder “%s” does not exist, so Plainly cannot keep its database there."),
                   dir);
      return NULL;
    }

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is a folder, not a Plainly database."), file_name_for_messages (path));
      return NULL;
    }

  /* Opening a pipe waits for a writer, and a device is no database: only
   * an ordinary file (or a link to one) is opened at all */
  {
    GStatBuf st;

    if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
      {
        g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_DATABASE,
                     _("“%s” is not an ordinary file (it is a pipe, a device or the like), "
                       "so it is not a Plainly database. Plainly has not opened it."),
                     file_name_for_messages (path));
        return NULL;
      }
  }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (flags & PL_STORE_OPEN_NO_CREATE)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND,
                       _("There is no database called “%s”."), file_name_for_messages (path));
          return NULL;
        }
      if (!create_private_file (path, error))
        return NULL;
    }
  else
    {
      if (!check_header (path, error))
        return NULL;

      /* SQLite would open a read-only file and fail at the first save; say so now.
       * WAL also needs to create files beside it. */
      cannot_write = g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0;
      if (cannot_write && !read_only && (flags & PL_STORE_OPEN_READ_IF_READ_ONLY))
        read_only = TRUE;
      else if (cannot_write && !read_only)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_READ_ONLY,
                       _("“%s” is read-only, so Plainly cannot save changes to it. "
                         "Ask someone to give you permission to change it."),
                       file_name_for_messages (path));
          return NULL;
        }
    }

  self = g_atomic_rc_box_new0 (PlStore);
  self->path = g_strdup (path);
  /* No PDF or sound file may be saved over the open database or its -wal */
  pl_output_file_protect (self->path);
  self->actor = g_strdup (PL_ACTOR_PLAINLY);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->notices = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->read_only = read_only;

  tighten_permissions (self);

  if (read_only)
    rc = open_for_reading (self, !cannot_write && g_access (path, W_OK) == 0 &&
                                 g_access (dir, W_OK) == 0);
  else
    rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);

  if (!inspect (self, &is_empty, error))
    return NULL;

  if (cannot_write)
    add_notice (self, g_strdup_printf (_("“%s” is read-only, so changes cannot be saved to it. "
                                         "Everything in it can still be read."),
                                       file_name_for_messages (path)));

  if (read_only)
    {
      gboolean older = self->schema_version < PL_STORE_SCHEMA_VERSION;

      if (older && !is_empty)
        add_notice (self, g_strdup_printf (_("“%s” was made by an older version of Plainly. It "
                                             "has not been changed. Opening it in Plainly will "
                                             "update it, after keeping a copy of it as it was."),
                                           file_name_for_messages (path)));
      if (older && !(flags & PL_STORE_OPEN_AS_IS))
        {
          if (!read_through_updated_copy (self, error) ||
              !exec (self, "PRAGMA foreign_keys = ON;", error) ||
              !migrate (self, error))
            return NULL;
        }
      /* A slip in the code can then change nothing either */
      if (!exec (self, "PRAGMA query_only = 1;", error))
        return NULL;
      return g_steal_pointer (&self);
    }

  if (!is_empty && self->schema_version < PL_STORE_SCHEMA_VERSION &&
      !back_up_before_update (self, error))
    return NULL;

  /* Only now, knowing the file is ours (or empty), do we write to it */
  if (!exec (self,
             "PRAGMA journal_mode = WAL;"
             "PRAGMA synchronous = FULL;"   /* a save that returned is on the disk */
             "PRAGMA secure_delete = ON;"   /* what is deleted is gone from the file too */
             "PRAGMA foreign_keys = ON;",
             error))
    return NULL;

  if (!migrate (self, error))
    return NULL;

  if (!repair_diary_search (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

PlStore *
pl_store_ref (PlStore *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
store_clear (gpointer data)
{
  PlStore *self = data;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->clock, g_date_time_unref);
  g_clear_pointer (&self->notices, g_ptr_array_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  if (self->path != NULL)
    pl_output_file_unprotect (self->path);
  g_free (self->path);
  g_free (self->actor);
}

void
pl_store_unref (PlStore *self)
{
  if (self == NULL)
    return;

  g_atomic_rc_box_release_full (self, store_clear);
}

const char *
pl_store_get_path (PlStore *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

int
pl_store_get_schema_version (PlStore *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->schema_version;
}

gboolean
pl_store_is_read_only (PlStore *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->read_only;
}

const char * const *
pl_store_get_notices (PlStore *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (self != NULL, none);

  if (self->notices->len == 0)
    return none;
  return (const char * const *) self->notices->pdata;
}

void
pl_store_set_actor (PlStore    *self,
                    const char *actor)
{
  g_return_if_fail (self != NULL);
  /* One explicit value, never words (pl-actor.h) */
  g_return_if_fail (actor == NULL || pl_actor_is_valid (actor));

  g_free (self->actor);
  self->actor = g_strdup (actor != NULL ? actor : PL_ACTOR_PLAINLY);
}

const char *
pl_store_get_actor (PlStore *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->actor;
}

/* Records */

static char *
column_list (const PlRecordType *type,
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
    case PL_FIELD_INT:
      *PL_FIELD_PTR (record, field, int) = sqlite3_column_int (stmt, column);
      break;

    case PL_FIELD_BOOL:
      *PL_FIELD_PTR (record, field, gboolean) = sqlite3_column_int (stmt, column) != 0;
      break;

    case PL_FIELD_INT64:
    case PL_FIELD_REF:
      *PL_FIELD_PTR (record, field, gint64) = sqlite3_column_int64 (stmt, column);
      break;

    case PL_FIELD_DOUBLE:
      *PL_FIELD_PTR (record, field, double) = sqlite3_column_double (stmt, column);
      break;

    case PL_FIELD_TEXT:
      {
        const char *text = (const char *) sqlite3_column_text (stmt, column);
        int n = sqlite3_column_bytes (stmt, column);

        /* Text that is not UTF-8 (written by another program, or damaged)
         * reaches no widget, screen reader or voice: each bad byte shows
         * as U+FFFD. check reports where. */
        if (text == NULL)
          *PL_FIELD_PTR (record, field, char *) = NULL;
        else if (g_utf8_validate_len (text, (gsize) n, NULL))
          *PL_FIELD_PTR (record, field, char *) = g_strndup (text, (gsize) n);
        else
          *PL_FIELD_PTR (record, field, char *) = g_utf8_make_valid (text, n);
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
static GPtrArray *
collect (PlStore            *self,
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
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static sqlite3_stmt *
select_where (PlStore            *self,
              const PlRecordType *type,
              const char         *tail,
              GError            **error)
{
  g_autofree char *cols = column_list (type, TRUE);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s %s", cols, type->table, tail);

  return prepare (self, sql, error);
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

  stmt = select_where (self, type, "WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  rows = collect (self, type, stmt, error);
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

  stmt = select_where (self, type, tail, error);
  if (stmt == NULL)
    return NULL;
  if (type->parent != NULL && parent_id != 0)
    sqlite3_bind_int64 (stmt, 1, parent_id);

  return collect (self, type, stmt, error);
}

static gboolean
step_done (PlStore       *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_history (PlStore            *self,
             const PlRecordType *type,
             gint64              record_id,
             const char         *at,
             const char         *field,
             const char         *old_value,
             const char         *new_value,
             GError            **error)
{
  sqlite3_stmt *stmt;

  stmt = prepare (self,
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

  return step_done (self, stmt, error);
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
  g_autofree char *cols = column_list (type, FALSE);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_string_printf (sql, "INSERT INTO %s (%s) VALUES (", type->table, cols);
  for (guint i = 1; i < type->n_fields; i++)
    g_string_append (sql, i > 1 ? ", ?" : "?");
  g_string_append_c (sql, ')');

  stmt = prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  stamp (type, record, now, TRUE);
  for (guint i = 1; i < type->n_fields; i++)
    bind_field (stmt, (int) i, &type->fields[i], record);

  if (!step_done (self, stmt, error))
    return FALSE;

  PL_RECORD_ID (record) = sqlite3_last_insert_rowid (self->db);

  if (type == &pl_history_type)
    return TRUE;
  return add_history (self, type, PL_RECORD_ID (record), now, "(created)", NULL, NULL, error);
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
      if (!add_history (self, type, PL_RECORD_ID (record), now, field->name, before, after, error))
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

  stmt = prepare (self, sql->str, error);
  if (stmt == NULL)
    goto out;

  stamp (type, record, now, FALSE);
  for (guint i = 1; i < type->n_fields; i++)
    bind_field (stmt, (int) i, &type->fields[i], record);
  sqlite3_bind_int64 (stmt, (int) type->n_fields, PL_RECORD_ID (record));

  ok = step_done (self, stmt, error);

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

  now = store_now (self);
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
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);

  now = store_now (self);
  if (!step_done (self, stmt, error) ||
      !add_history (self, type, id, now, "(deleted)", was, NULL, error))
    goto fail;

  return pl_store_commit (self, error);

fail:
  pl_store_rollback (self);
  return FALSE;
}

/* Lookups */

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
  sqlite3_stmt *stmt = select_where (self, type, tail, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);

  return first_or_not_found (collect (self, type, stmt, error), error, message);
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

  stmt = select_where (self, &pl_person_type,
                       "WHERE preferred_name = ?1 COLLATE NOCASE OR full_name = ?1 COLLATE NOCASE "
                       "OR external_id = ?1 ORDER BY id",
                       error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id_or_name, -1, SQLITE_STATIC);

  rows = collect (self, &pl_person_type, stmt, error);
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

  stmt = select_where (self, &pl_plan_type, "WHERE person_id = ? ORDER BY version DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);

  return first_or_not_found (collect (self, &pl_plan_type, stmt, error),
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
  stmt = select_where (self, &pl_person_type, tail, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, carer_id);

  return collect (self, &pl_person_type, stmt, error);
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
  stmt = prepare (self,
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
      set_sqlite_error (self, rc, error);
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

  stmt = select_where (self, &pl_welcome_pack_type,
                "WHERE service_id = ? ORDER BY updated_at DESC, id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person->service_id);

  return first_or_not_found (collect (self, &pl_welcome_pack_type, stmt, error), error, _("The care service has not written a welcome pack yet."));
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
pl_store_recent_diary (PlStore  *self,
                       gint64    person_id,
                       guint     limit,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = select_where (self, &pl_diary_entry_type,
                       "WHERE person_id = ? ORDER BY visit_date DESC, planned_time DESC, id DESC LIMIT ?",
                       error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);

  return collect (self, &pl_diary_entry_type, stmt, error);
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

  cols = column_list (&pl_diary_entry_type, TRUE);
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
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);

  return collect (self, &pl_diary_entry_type, stmt, error);
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

  stmt = select_where (self, &pl_history_type, "WHERE table_name = ? AND record_id = ? ORDER BY id",
                       error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, type->table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, record_id);

  return collect (self, &pl_history_type, stmt, error);
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

  if (!exec (self, start, error))
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

      if (!exec (self, sql, error))
        return FALSE;
    }

  return exec (self,
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
  stmt = prepare (self, "DELETE FROM people WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, person_id);
  now = store_now (self);
  /* What is kept: who deleted which record, and when; no word of theirs */
  if (!step_done (self, stmt, error) ||
      !add_history (self, &pl_person_type, person_id, now, "(deleted)", NULL, NULL, error))
    goto fail;

  /* The diary's search index keeps deleted words until its parts are merged */
  if (!exec (self, "INSERT INTO diary_fts (diary_fts) VALUES ('optimize');", error))
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

/* Checking and backup */

void
pl_store_report_free (PlStoreReport *report)
{
  if (report == NULL)
    return;
  g_free (report->integrity_message);
  g_clear_pointer (&report->table_names, g_ptr_array_unref);
  g_clear_pointer (&report->row_counts, g_array_unref);
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

/* Each value of type's text and enumeration columns that this version
 * cannot use as it is, as a problem naming its record: text that is not
 * UTF-8, and enumeration values it does not know */
static gboolean
check_values (PlStore             *self,
              const PlRecordType  *type,
              GPtrArray           *problems,
              GError             **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id");
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (guint i = 1; i < type->n_fields; i++)
    if (type->fields[i].kind == PL_FIELD_TEXT || type->fields[i].kind == PL_FIELD_ENUM)
      {
        g_string_append_printf (sql, ", %s", type->fields[i].name);
        g_array_append_val (columns, i);
      }
  if (columns->len == 0)
    return TRUE;
  g_string_append_printf (sql, " FROM %s", type->table);

  rc = sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      for (guint c = 0; c < columns->len; c++)
        {
          const PlField *field = &type->fields[g_array_index (columns, guint, c)];
          const char *text = (const char *) sqlite3_column_text (stmt, (int) c + 1);
          int n = sqlite3_column_bytes (stmt, (int) c + 1);
          const char *field_label = field->label != NULL ? _(field->label) : field->name;
          g_autofree char *id_text = NULL;

          if (text == NULL)
            continue;
          id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
          if (!g_utf8_validate_len (text, (gsize) n, NULL))
            /* Translators: "The person numbered 3: its preferred name is not readable text…" */
            g_ptr_array_add (problems,
                             g_strdup_printf (_("The %s numbered %s: its %s is not readable "
                                                "text, and is shown with \uFFFD where it cannot "
                                                "be read."),
                                              _(type->label), id_text, field_label));
          else if (field->kind == PL_FIELD_ENUM && pl_enum_from_nick (field->nicks, text) < 0)
            g_ptr_array_add (problems,
                             g_strdup_printf (_("The %s numbered %s: its %s is a value this "
                                                "version of Plainly does not know."),
                                              _(type->label), id_text, field_label));
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

PlStoreReport *
pl_store_check (PlStore  *self,
                GError  **error)
{
  g_autoptr(PlStoreReport) report = g_new0 (PlStoreReport, 1);
  sqlite3_stmt *stmt = NULL;
  guint n_types;
  const PlRecordType * const *types = pl_record_types (&n_types);
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  report->schema_version = self->schema_version;
  report->table_names = g_ptr_array_new_with_free_func (g_free);
  report->row_counts = g_array_new (FALSE, FALSE, sizeof (gint64));
  report->problems = g_ptr_array_new_with_free_func (g_free);

  if (self->schema_version > 0)
    {
      gboolean whole = FALSE;

      if (!diary_search_is_whole (self, &whole, error))
        return NULL;
      if (!whole)
        g_ptr_array_add (report->problems,
                         g_strdup (_("The diary's search index (diary_fts) or what keeps it up to "
                                     "date is missing: a search of the diary finds nothing and "
                                     "new entries cannot be saved. Opening the file in Plainly "
                                     "rebuilds it.")));
    }

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      report->integrity_message = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      report->integrity_ok = g_strcmp0 (report->integrity_message, "ok") == 0;
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  /* Each broken link, naming the record it is in (the first hundred) */
  report->foreign_keys_ok = TRUE;
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  for (guint n = 0; rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW; n++)
    {
      const PlRecordType *child = pl_record_type_for_table ((const char *) sqlite3_column_text (stmt, 0));
      const PlRecordType *parent = pl_record_type_for_table ((const char *) sqlite3_column_text (stmt, 2));
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 1));

      report->foreign_keys_ok = FALSE;
      rc = SQLITE_OK;
      if (n < 100 && child != NULL && parent != NULL)
        /* Translators: "The visit numbered 12 points to a plan that is not there." */
        g_ptr_array_add (report->problems,
                         g_strdup_printf (_("The %s numbered %s points to a %s that is not there."),
                                          _(child->label), id, _(parent->label)));
    }
  rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  for (guint i = 0; i < n_types; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", types[i]->table);
      g_autofree char *exists = g_strdup_printf ("SELECT count(*) FROM sqlite_schema "
                                                 "WHERE type = 'table' AND name = '%s'",
                                                 types[i]->table);
      gint64 count = 0, found = 0;

      /* A file from an older version, read as it is, lacks the newer tables */
      if (!query_int (self, exists, &found, error))
        return NULL;
      if (found == 0)
        continue;
      if (!query_int (self, sql, &count, error) ||
          /* an older file's columns are those of its own version */
          (self->schema_version == PL_STORE_SCHEMA_VERSION &&
           !check_values (self, types[i], report->problems, error)))
        return NULL;
      g_ptr_array_add (report->table_names, g_strdup (types[i]->table));
      g_array_append_val (report->row_counts, count);
    }

  return g_steal_pointer (&report);
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
                   file_name_for_messages (dest_path));
      return FALSE;
    }
  if (!create_private_file (dest_path, error))
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
      set_sqlite_error (NULL, rc, error);
      sqlite3_close (dest);
      g_unlink (dest_path);
      return FALSE;
    }

  sqlite3_close (dest);
  return TRUE;
}

/* Wrong tries */

static const char *
tries_column (PlStoreTries who)
{
  switch (who)
    {
    case PL_STORE_TRIES_PERSON:
      return "person_id";
    case PL_STORE_TRIES_CARER:
      return "carer_id";
    case PL_STORE_TRIES_USERNAME:
      return "username";
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
bind_tries_key (sqlite3_stmt *stmt,
                int           index,
                PlStoreTries  who,
                gint64        id,
                const char   *username)
{
  if (who == PL_STORE_TRIES_USERNAME)
    sqlite3_bind_text (stmt, index, username, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

gboolean
pl_store_get_wrong_tries (PlStore       *self,
                          PlStoreTries   who,
                          gint64         id,
                          const char    *username,
                          guint         *failures,
                          char         **wait_until,
                          GError       **error)
{
  g_autofree char *sql = NULL;
  const char *column = tries_column (who);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (column != NULL, FALSE);
  g_return_val_if_fail (who != PL_STORE_TRIES_USERNAME || username != NULL, FALSE);
  g_return_val_if_fail (failures != NULL, FALSE);

  *failures = 0;
  if (wait_until != NULL)
    *wait_until = NULL;

  sql = g_strdup_printf ("SELECT failures, wait_until FROM wrong_tries WHERE %s = ?", column);
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_tries_key (stmt, 1, who, id, username);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *failures = (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT);
      if (wait_until != NULL && sqlite3_column_type (stmt, 1) == SQLITE_TEXT)
        *wait_until = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_store_set_wrong_tries (PlStore       *self,
                          PlStoreTries   who,
                          gint64         id,
                          const char    *username,
                          guint          failures,
                          const char    *wait_until,
                          GError       **error)
{
  g_autofree char *sql = NULL;
  const char *column = tries_column (who);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (column != NULL, FALSE);
  g_return_val_if_fail (who != PL_STORE_TRIES_USERNAME || username != NULL, FALSE);

  if (failures == 0)
    sql = g_strdup_printf ("DELETE FROM wrong_tries WHERE %s = ?", column);
  else
    sql = g_strdup_printf ("INSERT INTO wrong_tries (%s, failures, wait_until) VALUES (?, ?, ?) "
                           "ON CONFLICT (%s) DO UPDATE SET failures = excluded.failures, "
                           "wait_until = excluded.wait_until",
                           column, column);
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_tries_key (stmt, 1, who, id, username);
  if (failures > 0)
    {
      sqlite3_bind_int64 (stmt, 2, failures);
      if (wait_until != NULL)
        sqlite3_bind_text (stmt, 3, wait_until, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 3);
    }
  return step_done (self, stmt, error);
}

/* Testing */

void
pl_store_set_max_pages_for_testing (PlStore *self,
                                    int      pages)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %d", pages);

  g_return_if_fail (self != NULL);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}
