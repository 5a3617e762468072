/* pl-store.c: the one SQLite file that holds everything: the connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One connection, one writer. Every save runs in a transaction (a savepoint
 * when the caller has opened one), and writes a history row for each field it
 * changes. This file holds the connection, its statements and transactions,
 * the clock, and the count of wrong tries; pl-store-private.h names the
 * files that do the rest.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include "pl-i18n.h"
#include <glib/gstdio.h>

#include "pl-actor.h"
#include "pl-output-file.h"
#include "pl-store-private.h"

G_DEFINE_QUARK (pl-store-error-quark, pl_store_error)

const char *
pl_store_file_name (const char *path)
{
  /* Messages name the file, not the whole path, to keep them short */
  const char *slash = path != NULL ? strrchr (path, G_DIR_SEPARATOR) : NULL;

  if (path == NULL)
    return "";
  return slash != NULL ? slash + 1 : path;
}

void
pl_store_set_sqlite_error (PlStore     *self,
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

sqlite3_stmt *
pl_store_prepare (PlStore     *self,
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
      pl_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
pl_store_exec (PlStore     *self,
               const char  *sql,
               GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      pl_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_store_query_int (PlStore     *self,
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
      pl_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_store_step_done (PlStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      pl_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
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

char *
pl_store_now_text (PlStore *self)
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

  if (!pl_store_exec (self, sql, error))
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

  if (!pl_store_exec (self, sql, error))
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
  g_clear_pointer (&self->commit_context, g_main_context_unref);
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

/* Other connections ------------------------------------------------------- */

PlStore *
pl_store_open_another (PlStore  *self,
                       GError  **error)
{
  PlStoreOpenFlags flags = PL_STORE_OPEN_NO_CREATE | PL_STORE_OPEN_READ_IF_READ_ONLY;
  PlStore *other;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->read_only)
    flags = PL_STORE_OPEN_NO_CREATE | PL_STORE_OPEN_READ_ONLY;
  other = pl_store_open (self->path, flags, error);
  if (other != NULL && self->clock != NULL)
    pl_store_set_clock (other, self->clock);
  return other;
}

gint64
pl_store_get_data_version (PlStore *self)
{
  gint64 version = 0;

  g_return_val_if_fail (self != NULL, 0);

  /* Asked between transactions: inside one, SQLite's answer stays as the
   * transaction began */
  if (!pl_store_query_int (self, "PRAGMA data_version", &version, NULL))
    return 0;
  return version;
}

static gboolean
commit_idle_cb (gpointer data)
{
  PlStore *self = data;

  g_atomic_int_set (&self->commit_pending, 0);
  if (self->commit_func != NULL)
    self->commit_func (self, self->commit_data);
  return G_SOURCE_REMOVE;
}

/* Called by SQLite as a transaction is about to be committed, on whatever
 * thread commits it: the call is sent to the main context, where the
 * commit is over and others can read what it wrote */
static int
commit_hook_cb (void *data)
{
  PlStore *self = data;

  if (self->commit_context != NULL && g_atomic_int_compare_and_exchange (&self->commit_pending, 0, 1))
    {
      GSource *source = g_idle_source_new ();

      g_source_set_callback (source, commit_idle_cb, pl_store_ref (self),
                             (GDestroyNotify) pl_store_unref);
      g_source_set_static_name (source, "[plainly] store committed");
      g_source_attach (source, self->commit_context);
      g_source_unref (source);
    }
  return 0;   /* the commit goes ahead */
}

void
pl_store_set_commit_func (PlStore           *self,
                          PlStoreCommitFunc  func,
                          gpointer           user_data)
{
  g_return_if_fail (self != NULL);

  self->commit_func = func;
  self->commit_data = user_data;
  g_clear_pointer (&self->commit_context, g_main_context_unref);
  if (func != NULL)
    self->commit_context = g_main_context_ref_thread_default ();
  sqlite3_commit_hook (self->db, func != NULL ? commit_hook_cb : NULL, self);
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
  stmt = pl_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_tries_key (stmt, 1, who, id, username);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      /* A damaged count (check reports it) reads as none when below one,
       * and as the most when above: never as a wrap-around */
      *failures = (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, PL_STORE_TRIES_MAX);
      if (wait_until != NULL && sqlite3_column_type (stmt, 1) == SQLITE_TEXT)
        *wait_until = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      pl_store_set_sqlite_error (self, rc, error);
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
  stmt = pl_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_tries_key (stmt, 1, who, id, username);
  if (failures > 0)
    {
      sqlite3_bind_int64 (stmt, 2, MIN (failures, PL_STORE_TRIES_MAX));
      if (wait_until != NULL)
        sqlite3_bind_text (stmt, 3, wait_until, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 3);
    }
  return pl_store_step_done (self, stmt, error);
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
