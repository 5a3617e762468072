/* pl-output-file.c: files Plainly writes for people, whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <gio/gio.h>
#include "pl-i18n.h"
#include <glib/gstdio.h>

#include "pl-output-file.h"

/* Links followed before giving up, as the kernel does */
#define MAX_LINKS 40

/* Temporary files a signal handler may have to remove. A fixed table, so
 * the handler needs no lock and no allocation: a slot is claimed, filled,
 * then marked live; the handler only reads live slots. */
#define MAX_TEMPORARIES 16

enum
{
  SLOT_FREE,
  SLOT_FILLING,
  SLOT_LIVE,
};

typedef struct
{
  gint state;
  char path[PATH_MAX];
} Temporary;

static Temporary temporaries[MAX_TEMPORARIES];

/* What the signal handler says, prepared beforehand: it cannot translate */
static char signal_message[512];
static gsize signal_message_len;

/* The open databases' files, by name and by device and inode */
typedef struct
{
  char    *path;        /* as given to pl_output_file_protect */
  char    *names[4];    /* the database, -wal, -shm, -journal, links followed */
  gboolean have_stat;
  dev_t    dev;
  ino_t    ino;
  guint    refs;
} Protected;

static GMutex protected_lock;
static GPtrArray *protected_files;   /* (element-type Protected) */

static const char * const protected_suffixes[] = { "", "-wal", "-shm", "-journal" };

struct _PlOutputFile
{
  char     *path;          /* the target, links followed */
  char     *tmp_path;
  int       fd;
  int       slot;          /* in temporaries, or -1 */
  int       saved_errno;   /* the first write that failed */
  gboolean  had_target;    /* a file was there before, and is kept on failure */
};

void
pl_output_file_set_error (GError     **error,
                          int          saved_errno,
                          const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dir_display = g_filename_display_name (dir);
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);

  switch (saved_errno)
    {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
    case EFBIG:
      g_set_error (error, G_IO_ERROR, code,
                   _("There is not enough room on the disk to save “%s”, so it was not saved. "
                     "Make some room, or save it somewhere else."), display);
      break;
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, G_IO_ERROR, code,
                   _("The folder “%s” is not there, so “%s” cannot be saved in it."),
                   dir_display, display);
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, G_IO_ERROR, code,
                   _("Plainly may not save files in the folder “%s”, so “%s” was not saved. "
                     "Choose another folder."), dir_display, display);
      break;
    case ELOOP:
      g_set_error (error, G_IO_ERROR, code,
                   _("“%s” is a link that leads round in a circle. Choose another name "
                     "for the file."), display);
      break;
    default:
      g_set_error (error, G_IO_ERROR, code, _("“%s” could not be saved: %s."),
                   display, g_strerror (saved_errno));
      break;
    }
}

/* The failure of a file that had been there before: say it is still there */
static void
set_write_error (PlOutputFile  *self,
                 GError       **error,
                 int            saved_errno)
{
  pl_output_file_set_error (error, saved_errno, self->path);
  if (error != NULL && *error != NULL && self->had_target)
    {
      char *message = g_strconcat ((*error)->message, " ",
                                   _("The file that was there before is unchanged."), NULL);

      g_free ((*error)->message);
      (*error)->message = message;
    }
}

/* path with its folder made absolute and free of links, and the last part
 * followed while it is a link; NULL with errno set when the folder is not
 * there */
static char *
resolve (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (int depth = 0; depth <= MAX_LINKS; depth++)
    {
      g_autofree char *dir = g_path_get_dirname (current);
      g_autofree char *base = g_path_get_basename (current);
      g_autofree char *joined = NULL;
      char *real_dir;
      char target[PATH_MAX];
      ssize_t n;

      /* "/", "." or "..": the name of a folder, which the check refuses */
      if (strcmp (base, G_DIR_SEPARATOR_S) == 0 || strcmp (base, ".") == 0 ||
          strcmp (base, "..") == 0)
        {
          real_dir = realpath (current, NULL);
          joined = real_dir != NULL ? g_strdup (real_dir) : NULL;
          free (real_dir);
          return g_steal_pointer (&joined);
        }

      real_dir = realpath (dir, NULL);
      if (real_dir == NULL)
        return NULL;
      joined = g_build_filename (real_dir, base, NULL);
      free (real_dir);

      n = readlink (joined, target, sizeof target - 1);
      if (n < 0)
        return g_steal_pointer (&joined);   /* not a link, or not there yet */
      target[n] = '\0';

      g_free (current);
      if (g_path_is_absolute (target))
        current = g_strdup (target);
      else
        {
          g_autofree char *link_dir = g_path_get_dirname (joined);

          current = g_build_filename (link_dir, target, NULL);
        }
    }

  errno = ELOOP;
  return NULL;
}

static gboolean
same_file (const struct stat *a,
           dev_t              dev,
           ino_t              ino)
{
  return a->st_dev == dev && a->st_ino == ino;
}

/* Whether resolved, or the file it names, is an open database's */
static gboolean
is_protected (const char        *resolved,
              const struct stat *st)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&protected_lock);

  for (guint i = 0; protected_files != NULL && i < protected_files->len; i++)
    {
      const Protected *entry = g_ptr_array_index (protected_files, i);

      if (st != NULL && entry->have_stat && same_file (st, entry->dev, entry->ino))
        return TRUE;

      /* -wal and -shm come and go with the connection, so by name as well
       * as by what is there now */
      for (guint j = 0; j < G_N_ELEMENTS (entry->names); j++)
        {
          struct stat now;

          if (g_strcmp0 (resolved, entry->names[j]) == 0)
            return TRUE;
          if (st != NULL && stat (entry->names[j], &now) == 0 &&
              same_file (st, now.st_dev, now.st_ino))
            return TRUE;
        }
    }
  return FALSE;
}

/* Refuses what must never be replaced. resolved has its links followed;
 * shown is the name the person gave. */
static gboolean
check_resolved (const char  *resolved,
                const char  *shown,
                gboolean    *out_exists,
                GError     **error)
{
  g_autofree char *display = g_filename_display_name (shown);
  struct stat st;
  gboolean exists;

  if (lstat (resolved, &st) == 0)
    exists = TRUE;
  else if (errno == ENOENT)
    exists = FALSE;
  else
    {
      pl_output_file_set_error (error, errno, shown);
      return FALSE;
    }

  if (is_protected (resolved, exists ? &st : NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s” is part of Plainly’s database, which holds the care records. "
                     "Nothing was saved over it; choose another name for the file."), display);
      return FALSE;
    }

  if (exists && S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder. Give a name for the file."), display);
      return FALSE;
    }
  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not an ordinary file (it is a device or a pipe), so Plainly "
                     "will not save over it. Choose another name for the file."), display);
      return FALSE;
    }
  /* Root may write anything, so a file with no write permission at all is
   * refused by its mode as well */
  if (exists && ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 || access (resolved, W_OK) != 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("“%s” is read-only, so Plainly will not replace it. "
                     "Choose another name for the file."), display);
      return FALSE;
    }

  if (out_exists != NULL)
    *out_exists = exists;
  return TRUE;
}

static char *
resolve_and_check (const char  *path,
                   gboolean    *out_exists,
                   GError     **error)
{
  g_autofree char *resolved = resolve (path);

  if (resolved == NULL)
    {
      pl_output_file_set_error (error, errno, path);
      return NULL;
    }
  if (!check_resolved (resolved, path, out_exists, error))
    return NULL;
  return g_steal_pointer (&resolved);
}

gboolean
pl_output_file_check_target (const char  *path,
                             GError     **error)
{
  g_autofree char *resolved = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  resolved = resolve_and_check (path, NULL, error);
  return resolved != NULL;
}

static int
claim_slot (void)
{
  for (int i = 0; i < MAX_TEMPORARIES; i++)
    if (g_atomic_int_compare_and_exchange (&temporaries[i].state, SLOT_FREE, SLOT_FILLING))
      return i;
  return -1;
}

static void
release_slot (PlOutputFile *self)
{
  if (self->slot >= 0)
    g_atomic_int_set (&temporaries[self->slot].state, SLOT_FREE);
  self->slot = -1;
}

PlOutputFile *
pl_output_file_new (const char  *path,
                    GError     **error)
{
  g_autoptr(PlOutputFile) self = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  gboolean exists = FALSE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  resolved = resolve_and_check (path, &exists, error);
  if (resolved == NULL)
    return NULL;

  self = g_new0 (PlOutputFile, 1);
  self->fd = -1;
  self->slot = -1;
  self->path = g_steal_pointer (&resolved);
  self->had_target = exists;

  /* Beside the target, so the rename cannot cross disks; hidden, and only
   * the owner may read it, as it holds a care record */
  dir = g_path_get_dirname (self->path);
  base = g_path_get_basename (self->path);
  template = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);

  /* Made in its slot, so a signal at any moment finds its name */
  self->slot = strlen (template) < PATH_MAX ? claim_slot () : -1;
  if (self->slot >= 0)
    {
      Temporary *slot = &temporaries[self->slot];

      strcpy (slot->path, template);
      g_atomic_int_set (&slot->state, SLOT_LIVE);
      self->fd = g_mkstemp_full (slot->path, O_RDWR | O_CLOEXEC, 0600);
      if (self->fd >= 0)
        {
          g_free (template);
          template = g_strdup (slot->path);
        }
    }
  else
    {
      g_debug ("No room to note the temporary file for %s", self->path);
      self->fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);
    }

  if (self->fd < 0)
    {
      int saved_errno = errno;

      release_slot (self);
      pl_output_file_set_error (error, saved_errno, path);
      return NULL;
    }

  self->tmp_path = g_steal_pointer (&template);
  return g_steal_pointer (&self);
}

int
pl_output_file_get_fd (PlOutputFile *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->fd;
}

const char *
pl_output_file_get_temp_path (PlOutputFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->tmp_path;
}

const char *
pl_output_file_get_path (PlOutputFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

void
pl_output_file_set_failed (PlOutputFile *self,
                           int           saved_errno)
{
  g_return_if_fail (self != NULL);

  if (self->saved_errno == 0)
    self->saved_errno = saved_errno != 0 ? saved_errno : EIO;
}

gboolean
pl_output_file_has_failed (PlOutputFile *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->saved_errno != 0 || self->fd < 0;
}

gboolean
pl_output_file_check (PlOutputFile  *self,
                      GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->saved_errno == 0 && self->fd >= 0)
    return TRUE;
  set_write_error (self, error, self->saved_errno != 0 ? self->saved_errno : EBADF);
  return FALSE;
}

static gboolean
write_fully (PlOutputFile  *self,
             gboolean       at_offset,
             goffset        offset,
             const guint8  *data,
             gsize          size,
             GError       **error)
{
  if (self->saved_errno == 0 && self->fd < 0)
    self->saved_errno = EBADF;

  while (self->saved_errno == 0 && size > 0)
    {
      ssize_t n = at_offset ? pwrite (self->fd, data, size, (off_t) offset)
                            : write (self->fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          /* A write that takes nothing and says no error is a full disk */
          self->saved_errno = n < 0 ? errno : ENOSPC;
          break;
        }
      data += n;
      size -= (gsize) n;
      offset += n;
    }

  if (self->saved_errno != 0)
    {
      set_write_error (self, error, self->saved_errno);
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_output_file_write (PlOutputFile  *self,
                      const void    *data,
                      gsize          size,
                      GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || size == 0, FALSE);

  return write_fully (self, FALSE, 0, data, size, error);
}

gboolean
pl_output_file_write_at (PlOutputFile  *self,
                         goffset        offset,
                         const void    *data,
                         gsize          size,
                         GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || size == 0, FALSE);
  g_return_val_if_fail (offset >= 0, FALSE);

  return write_fully (self, TRUE, offset, data, size, error);
}

void
pl_output_file_abort (PlOutputFile *self)
{
  g_return_if_fail (self != NULL);

  if (self->fd >= 0)
    close (self->fd);
  self->fd = -1;
  if (self->tmp_path != NULL)
    g_unlink (self->tmp_path);
  g_clear_pointer (&self->tmp_path, g_free);
  release_slot (self);
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* The file is in place by now; a folder that cannot be synced (some
   * network file systems) leaves only the rename less certain */
  if (fd < 0 || fsync (fd) != 0)
    g_debug ("Could not sync the folder of %s: %s", path, g_strerror (errno));
  if (fd >= 0)
    close (fd);
}

gboolean
pl_output_file_commit (PlOutputFile  *self,
                       GError       **error)
{
  g_autofree char *shown = NULL;
  int saved_errno = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->tmp_path == NULL)
    saved_errno = self->saved_errno != 0 ? self->saved_errno : EBADF;
  else if (self->saved_errno != 0)
    saved_errno = self->saved_errno;
  else if (fsync (self->fd) != 0)
    saved_errno = errno;

  if (self->fd >= 0)
    {
      if (close (self->fd) != 0 && saved_errno == 0)
        saved_errno = errno;
      self->fd = -1;
    }

  if (saved_errno != 0)
    {
      pl_output_file_abort (self);
      set_write_error (self, error, saved_errno);
      return FALSE;
    }

  /* What the target is may have changed while the file was written */
  shown = g_strdup (self->path);
  if (!check_resolved (self->path, shown, NULL, error))
    {
      pl_output_file_abort (self);
      return FALSE;
    }

  if (g_rename (self->tmp_path, self->path) != 0)
    {
      saved_errno = errno;
      pl_output_file_abort (self);
      set_write_error (self, error, saved_errno);
      return FALSE;
    }

  g_clear_pointer (&self->tmp_path, g_free);
  release_slot (self);
  sync_folder (self->path);
  return TRUE;
}

void
pl_output_file_free (PlOutputFile *self)
{
  if (self == NULL)
    return;

  pl_output_file_abort (self);
  g_free (self->path);
  g_free (self);
}

/* The protected files */

static void
protected_free (gpointer data)
{
  Protected *entry = data;

  g_free (entry->path);
  for (guint j = 0; j < G_N_ELEMENTS (entry->names); j++)
    g_free (entry->names[j]);
  g_free (entry);
}

void
pl_output_file_protect (const char *path)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *resolved = NULL;
  Protected *entry;
  struct stat st;

  g_return_if_fail (path != NULL);

  resolved = resolve (path);
  if (resolved == NULL)
    resolved = g_canonicalize_filename (path, NULL);

  locker = g_mutex_locker_new (&protected_lock);
  if (protected_files == NULL)
    protected_files = g_ptr_array_new_with_free_func (protected_free);

  for (guint i = 0; i < protected_files->len; i++)
    {
      entry = g_ptr_array_index (protected_files, i);
      if (g_strcmp0 (entry->path, path) == 0)
        {
          entry->refs++;
          return;
        }
    }

  entry = g_new0 (Protected, 1);
  entry->path = g_strdup (path);
  entry->refs = 1;
  for (guint j = 0; j < G_N_ELEMENTS (entry->names); j++)
    entry->names[j] = g_strconcat (resolved, protected_suffixes[j], NULL);
  if (stat (resolved, &st) == 0)
    {
      entry->have_stat = TRUE;
      entry->dev = st.st_dev;
      entry->ino = st.st_ino;
    }
  g_ptr_array_add (protected_files, entry);
}

void
pl_output_file_unprotect (const char *path)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&protected_lock);

  g_return_if_fail (path != NULL);

  for (guint i = 0; protected_files != NULL && i < protected_files->len; i++)
    {
      Protected *entry = g_ptr_array_index (protected_files, i);

      if (g_strcmp0 (entry->path, path) == 0)
        {
          if (--entry->refs == 0)
            g_ptr_array_remove_index (protected_files, i);
          return;
        }
    }
}

/* Signals */

guint
pl_output_file_remove_temporaries (void)
{
  guint removed = 0;

  /* Only what a signal handler may call: atomic loads and unlink */
  for (int i = 0; i < MAX_TEMPORARIES; i++)
    if (g_atomic_int_get (&temporaries[i].state) == SLOT_LIVE &&
        unlink (temporaries[i].path) == 0)
      removed++;
  return removed;
}

static void
signal_cb (int signum)
{
  int saved_errno = errno;

  if (pl_output_file_remove_temporaries () > 0 && signal_message_len > 0)
    {
      /* Nothing to be done if standard error is gone */
      if (write (STDERR_FILENO, signal_message, signal_message_len) < 0)
        saved_errno = errno;
    }
  errno = saved_errno;

  /* SA_RESETHAND has put back the default, which ends the process as the
   * signal would have, with the same status */
  raise (signum);
}

void
pl_output_file_remove_on_signals (const char *message)
{
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  struct sigaction action = { 0 };

  if (message != NULL)
    {
      g_autofree char *line = g_strconcat (message, "\n", NULL);

      signal_message_len = MIN (strlen (line), sizeof signal_message - 1);
      memcpy (signal_message, line, signal_message_len);
      signal_message[signal_message_len] = '\0';
    }

  action.sa_handler = signal_cb;
  action.sa_flags = SA_RESETHAND | SA_NODEFER;
  sigemptyset (&action.sa_mask);

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      struct sigaction old;

      /* nohup and the like ignore a signal on purpose: keep it ignored */
      if (sigaction (signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
        continue;
      sigaction (signals[i], &action, NULL);
    }
}
