/* pl-output-file.h: files Plainly writes for people, whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file that holds care information (PDF, sound, and later braille,
 * EPUB, FHIR) is written through a PlOutputFile: the target is checked
 * first (never the open database or its -wal, -shm or -journal, a device,
 * a pipe, a folder or a read-only file, nor a link to one of them), then a
 * temporary file only its owner may read is made beside it. Commit syncs it
 * and renames it over the target; anything else removes it, so a full disk,
 * an error, a cancel or Ctrl+C leaves the target as it was.
 *
 * Failures are G_IO_ERROR errors with messages a person can read.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PlOutputFile PlOutputFile;

/* Checks the target and opens an empty temporary file beside it, mode 0600,
 * made with O_EXCL. A link is followed: the file it points to is the one
 * replaced, and is the one checked. */
PlOutputFile *pl_output_file_new           (const char    *path,
                                            GError       **error);
/* The same checks alone, for asking before slow work begins */
gboolean      pl_output_file_check_target  (const char    *path,
                                            GError       **error);

/* The temporary file's descriptor, for writers that take one; -1 once
 * committed or aborted */
int           pl_output_file_get_fd        (PlOutputFile  *self);
/* The temporary file's name, for libraries that open files by name */
const char   *pl_output_file_get_temp_path (PlOutputFile  *self);
/* The file that commit replaces, with links followed */
const char   *pl_output_file_get_path      (PlOutputFile  *self);

/* Writes all of data at the end of what is written so far. The first
 * failure is kept, and commit reports it, so a writer driven by callbacks
 * may pass error NULL. */
gboolean      pl_output_file_write         (PlOutputFile  *self,
                                            const void    *data,
                                            gsize          size,
                                            GError       **error);
/* Writes data at offset, as a header filled in at the end */
gboolean      pl_output_file_write_at      (PlOutputFile  *self,
                                            goffset        offset,
                                            const void    *data,
                                            gsize          size,
                                            GError       **error);
/* Keeps errno from a write done through the descriptor by someone else, so
 * commit fails and says why */
void          pl_output_file_set_failed    (PlOutputFile  *self,
                                            int            saved_errno);
/* Any failure kept so far */
gboolean      pl_output_file_has_failed    (PlOutputFile  *self);
/* FALSE, with the failure kept so far, if there is one */
gboolean      pl_output_file_check         (PlOutputFile  *self,
                                            GError       **error);

/* Syncs the file, renames it over the target and syncs the folder. On
 * failure the temporary file is gone, and an earlier file at the target
 * is as it was. */
gboolean      pl_output_file_commit        (PlOutputFile  *self,
                                            GError       **error);
/* Closes and removes the temporary file; commit and abort may both be
 * called, the second does nothing */
void          pl_output_file_abort         (PlOutputFile  *self);
/* Aborts unless committed */
void          pl_output_file_free          (PlOutputFile  *self);

/* The error for errno saved_errno while writing path, in plain words */
void          pl_output_file_set_error     (GError       **error,
                                            int            saved_errno,
                                            const char    *path);

/* Files no output may replace while they are open: the database at path
 * and its -wal, -shm and -journal. Counted: each protect needs an
 * unprotect. PlStore calls these, so no writer needs to know the store. */
void          pl_output_file_protect       (const char    *path);
void          pl_output_file_unprotect     (const char    *path);

/* Removes every temporary file not yet committed or aborted. Safe to call
 * from a signal handler. Returns how many were removed. */
guint         pl_output_file_remove_temporaries (void);
/* On SIGINT, SIGTERM and SIGHUP: remove the temporaries, write message
 * (if any were removed and message is not NULL) to standard error, then
 * end as the signal would have. Signals that are ignored stay ignored. */
void          pl_output_file_remove_on_signals  (const char *message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlOutputFile, pl_output_file_free)

G_END_DECLS
