/* pl-store-open.c: opening the file, and refusing bad files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file that is not ours, is damaged, is newer than us or cannot be
 * written is refused before anything is written to it.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "pl-i18n.h"
#include <glib/gstdio.h>

#include "pl-actor.h"
#include "pl-output-file.h"
#include "pl-store-private.h"

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

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
                   pl_store_file_name (path), g_strerror (saved_errno));
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
                   pl_store_file_name (path));
      return FALSE;
    }

  if (n != sizeof header || memcmp (header, magic, sizeof header) != 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Plainly database. It may be another kind of file. "
                     "Plainly has not changed it."),
                   pl_store_file_name (path));
      return FALSE;
    }

  return TRUE;
}

gboolean
pl_store_create_private_file (const char  *path,
                              GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOSPC)
        g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FULL,
                     _("There is no room left on the disk to create “%s”."),
                     pl_store_file_name (path));
      else if (saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM)
        g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_READ_ONLY,
                     _("Plainly is not allowed to create “%s” in that folder."),
                     pl_store_file_name (path));
      else
        g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED,
                     _("Plainly could not create “%s”: %s."),
                     pl_store_file_name (path), g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
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

  if (!pl_store_query_int (self, "PRAGMA application_id", &app_id, error) ||
      !pl_store_query_int (self, "PRAGMA user_version", &version, error) ||
      !pl_store_query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  *is_empty = n_objects == 0;
  if (*is_empty)
    return TRUE;

  if (app_id != PL_APPLICATION_ID)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_OURS,
                   _("“%s” is a database, but not one made by Plainly. "
                     "Plainly has not changed it."),
                   pl_store_file_name (self->path));
      return FALSE;
    }

  if (version > PL_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Plainly. "
                     "Update Plainly to open it. It has not been changed."),
                   pl_store_file_name (self->path));
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

      if (!pl_store_query_int (self, exists, &found, error))
        return FALSE;
      if (found == 0 && version == PL_STORE_SCHEMA_VERSION)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_CORRUPT,
                       _("“%s” is damaged: part of it is missing. "
                         "Plainly has not changed it. Restore it from a backup, or ask for help."),
                       pl_store_file_name (self->path));
          return FALSE;
        }
      if (found != 0 && !pl_store_query_int (self, sql, &ignored, error))
        return FALSE;
    }

  return TRUE;
}

void
pl_store_add_notice (PlStore *self,
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
    pl_store_add_notice (self, g_strdup_printf (_("“%s” can be read by other people who use this computer, "
                                         "and Plainly is not allowed to change that. Ask whoever "
                                         "looks after the computer to make it private."),
                                       pl_store_file_name (self->path)));
  else if (tightened)
    pl_store_add_notice (self, g_strdup_printf (_("“%s” could be read by other people who use this "
                                         "computer. Plainly has made it private: only you can "
                                         "read it now."),
                                       pl_store_file_name (self->path)));
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
  if (rc == SQLITE_OK && pl_store_query_int (self, "SELECT count(*) FROM sqlite_schema", &ignored, NULL))
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
                   _("“%s” is a folder, not a Plainly database."), pl_store_file_name (path));
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
                     pl_store_file_name (path));
        return NULL;
      }
  }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (flags & PL_STORE_OPEN_NO_CREATE)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND,
                       _("There is no database called “%s”."), pl_store_file_name (path));
          return NULL;
        }
      if (!pl_store_create_private_file (path, error))
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
                       pl_store_file_name (path));
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
      pl_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);

  if (!inspect (self, &is_empty, error))
    return NULL;

  if (cannot_write)
    pl_store_add_notice (self, g_strdup_printf (_("“%s” is read-only, so changes cannot be saved to it. "
                                         "Everything in it can still be read."),
                                       pl_store_file_name (path)));

  if (read_only)
    {
      gboolean older = self->schema_version < PL_STORE_SCHEMA_VERSION;

      if (older && !is_empty)
        pl_store_add_notice (self, g_strdup_printf (_("“%s” was made by an older version of Plainly. It "
                                             "has not been changed. Opening it in Plainly will "
                                             "update it, after keeping a copy of it as it was."),
                                           pl_store_file_name (path)));
      if (older && !(flags & PL_STORE_OPEN_AS_IS))
        {
          if (!pl_store_read_through_updated_copy (self, error) ||
              !pl_store_exec (self, "PRAGMA foreign_keys = ON;", error) ||
              !pl_store_migrate (self, error))
            return NULL;
        }
      /* A slip in the code can then change nothing either */
      if (!pl_store_exec (self, "PRAGMA query_only = 1;", error))
        return NULL;
      return g_steal_pointer (&self);
    }

  if (!is_empty && self->schema_version < PL_STORE_SCHEMA_VERSION &&
      !pl_store_back_up_before_update (self, error))
    return NULL;

  /* Only now, knowing the file is ours (or empty), do we write to it */
  if (!pl_store_exec (self,
             "PRAGMA journal_mode = WAL;"
             "PRAGMA synchronous = FULL;"   /* a save that returned is on the disk */
             "PRAGMA secure_delete = ON;"   /* what is deleted is gone from the file too */
             "PRAGMA foreign_keys = ON;",
             error))
    return NULL;

  if (!pl_store_migrate (self, error))
    return NULL;

  if (!pl_store_repair_diary_search (self, error))
    return NULL;

  return g_steal_pointer (&self);
}
