/* pl-access.h: who may open what, decided in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PlViewer is who is reading: a person reading their own documents, a
 * carer reading what a person shared with them (NG86 1.1.14-1.1.15), or a
 * member of staff. Only this module makes one, and only after the PIN or
 * password it needs was given, so holding a PlViewer is the proof that the
 * reader may see what it says. The window, the staff window, the command
 * line, the screenshot option, print and speech all start from one; the
 * document builders take one (pl_document_build_for ()).
 *
 * Wrong tries of a PIN are counted in the database and the waiting time they
 * earn survives a restart (pl_secret_delay_for_failures ()).
 */

#pragma once

#include <gio/gio.h>
#include <glib-object.h>

#include "pl-document-kind.h"
#include "pl-store.h"

G_BEGIN_DECLS

#define PL_ACCESS_ERROR (pl_access_error_quark ())

typedef enum
{
  PL_ACCESS_ERROR_NEEDS_SECRET,  /* they have a PIN (or staff a password): ask for it */
  PL_ACCESS_ERROR_WRONG_SECRET,  /* the PIN or password given is not theirs */
  PL_ACCESS_ERROR_WAIT,          /* too many wrong tries: try again later */
  PL_ACCESS_ERROR_NOT_SHARED,    /* the person has not shared this with the reader */
  PL_ACCESS_ERROR_NOT_ALLOWED,   /* the staff role does not allow it */
} PlAccessError;

typedef enum
{
  PL_VIEWER_PERSON,  /* the person, reading their own */
  PL_VIEWER_CARER,   /* a carer: what the person shared with them */
  PL_VIEWER_STAFF,   /* a member of staff who signed in */
} PlViewerKind;

typedef struct _PlViewer PlViewer;

#define PL_TYPE_VIEWER (pl_viewer_get_type ())

GQuark        pl_access_error_quark       (void);
GType         pl_viewer_get_type          (void) G_GNUC_CONST;

PlViewer     *pl_viewer_ref               (PlViewer       *self);
void          pl_viewer_unref             (PlViewer       *self);
PlViewerKind  pl_viewer_get_kind          (const PlViewer *self);
/* Whose documents are read; 0 for a carer or staff member who has not
 * chosen a person yet */
gint64        pl_viewer_get_person_id     (const PlViewer *self);
/* The carer reading, or 0 */
gint64        pl_viewer_get_carer_id      (const PlViewer *self);
/* The member of staff reading, or NULL */
const PlStaff *pl_viewer_get_staff        (const PlViewer *self);
/* PL_SCOPE_BIT()s of what the reader may see of the person's records */
guint         pl_viewer_get_scopes        (const PlViewer *self);
/* Whether the reader may open this kind of document; the error says why
 * not in plain words (PL_ACCESS_ERROR_NOT_SHARED) */
gboolean      pl_viewer_may_open          (const PlViewer *self,
                                           PlDocumentKind  kind,
                                           GError        **error);

/* Whether a person or a carer must give a PIN before their documents open.
 * kind is PL_VIEWER_PERSON or PL_VIEWER_CARER. */
gboolean      pl_access_needs_pin         (PlStore        *store,
                                           PlViewerKind    kind,
                                           gint64          id,
                                           gboolean       *needs_pin,
                                           GError        **error);
/* Seconds until a PIN may be tried again after wrong tries, by the
 * store's clock (pl_store_set_clock ()); 0 when it may be tried now. On a
 * database error, 0 with error set. */
guint         pl_access_pin_wait          (PlStore        *store,
                                           PlViewerKind    kind,
                                           gint64          id,
                                           GError        **error);

/* The person, reading their own documents. pin: NULL when they have none;
 * with a PIN and none given, PL_ACCESS_ERROR_NEEDS_SECRET. A wrong PIN is
 * counted in the database, and after a few the next try must wait
 * (PL_ACCESS_ERROR_WAIT, even with the right PIN); the right one clears the
 * count. Checking the PIN is slow on purpose (Argon2id): the window uses
 * the _async form. */
PlViewer     *pl_access_open_person       (PlStore        *store,
                                           gint64          person_id,
                                           const char     *pin,
                                           GError        **error);
/* A carer, before choosing whose documents to read */
PlViewer     *pl_access_open_carer        (PlStore        *store,
                                           gint64          carer_id,
                                           const char     *pin,
                                           GError        **error);
/* A member of staff who has signed in (pl_staff_sign_in ()) */
PlViewer     *pl_access_open_staff        (PlStore        *store,
                                           const PlStaff  *staff,
                                           GError        **error);
/* Signs in (pl_staff_sign_in (), with its wrong tries counted and its
 * waits) and opens a staff reader in one step, for the command line */
PlViewer     *pl_access_sign_in_staff     (PlStore        *store,
                                           const char     *username,
                                           const char     *password,
                                           GError        **error);
/* The same reader, reading person_id's documents: a carer sees what that
 * person shared with them (refused when they are not linked), staff see
 * what their role allows, a person only their own. */
PlViewer     *pl_viewer_for_person        (PlStore        *store,
                                           PlViewer       *self,
                                           gint64          person_id,
                                           GError        **error);

/* The same as pl_access_open_person () and pl_access_open_carer (), with
 * the PIN checked in a worker thread so the window never waits on it. The
 * database is read and written on the calling thread only: the wait before
 * the check, and the count in _finish (). Cancelled, nothing is counted. */
void          pl_access_open_async        (PlStore            *store,
                                           PlViewerKind        kind,
                                           gint64              id,
                                           const char         *pin,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
PlViewer     *pl_access_open_finish       (PlStore            *store,
                                           GAsyncResult       *result,
                                           GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlViewer, pl_viewer_unref)

G_END_DECLS
