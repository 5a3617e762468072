/* pl-staff.h: staff accounts, signing in and what each role may do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_STAFF_ERROR (pl_staff_error_quark ())

typedef enum
{
  PL_STAFF_ERROR_WRONG_DETAILS, /* no such user name, or the wrong password: the same to the user */
  PL_STAFF_ERROR_LOCKED,        /* too many wrong tries; wait */
  PL_STAFF_ERROR_WEAK_SECRET,   /* the new password or PIN breaks the rules */
  PL_STAFF_ERROR_NOT_ALLOWED,   /* the role does not allow it */
  PL_STAFF_ERROR_LAST_MANAGER,  /* there must always be a manager */
  PL_STAFF_ERROR_TAKEN,         /* the user name is already used */
} PlStaffError;

/* What a member of staff may do. Each role may do what the one before it may. */
typedef enum
{
  PL_STAFF_ACTION_READ_PLANS,          /* care worker */
  PL_STAFF_ACTION_WRITE_DIARY,         /* care worker */
  PL_STAFF_ACTION_EDIT_PLANS,          /* coordinator */
  PL_STAFF_ACTION_EDIT_WELCOME_PACKS,  /* coordinator */
  PL_STAFF_ACTION_EDIT_COMPLAINTS,     /* coordinator */
  PL_STAFF_ACTION_MANAGE_STAFF,        /* manager */
} PlStaffAction;

/* A password of at least 8 characters, or a PIN of at least 6 digits */
#define PL_STAFF_PASSWORD_MIN_CHARS 8
#define PL_STAFF_PIN_MIN_DIGITS     6
#define PL_STAFF_SECRET_MAX_CHARS   256

GQuark    pl_staff_error_quark          (void);

gboolean  pl_staff_role_can             (PlStaffRole     role,
                                         PlStaffAction   action);
gboolean  pl_staff_can                  (const PlStaff  *staff,
                                         PlStaffAction   action);

/* Whether secret may be used as a staff password or PIN; the error says why not */
gboolean  pl_staff_secret_is_valid      (const char     *username,
                                         const char     *secret,
                                         GError        **error);

/* TRUE when there is no manager yet: the first run sets one up. On a
 * database error, FALSE with error set, so set-up is never offered by mistake. */
gboolean  pl_staff_needs_first_manager  (PlStore        *store,
                                         GError        **error);

/* A new account. by: the manager creating it; NULL only for the first
 * manager, at set-up, when there is no manager yet. */
PlStaff  *pl_staff_create               (PlStore        *store,
                                         const PlStaff  *by,
                                         const char     *username,
                                         const char     *display_name,
                                         PlStaffRole     role,
                                         const char     *secret,
                                         GError        **error);

/* now: NULL for the store's clock. A wrong user name and a wrong password
 * give the same error. After a few wrong tries the account waits a growing
 * time (pl_secret_delay_for_failures) and refuses even the right password
 * until then; a user name no account has waits in the same way, so the
 * wait gives away no names. */
gboolean  pl_staff_sign_in              (PlStore        *store,
                                         const char     *username,
                                         const char     *secret,
                                         GDateTime      *now,
                                         PlStaff       **out_staff,
                                         GError        **error);
/* The same, with the slow check in a worker thread so a window never
 * freezes; the store is read and written on the calling thread only. The
 * time is the store's clock (pl_store_set_clock ()). */
void      pl_staff_sign_in_async        (PlStore            *store,
                                         const char         *username,
                                         const char         *secret,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data);
/* The member of staff signed in, or NULL with error set */
PlStaff  *pl_staff_sign_in_finish       (PlStore            *store,
                                         GAsyncResult       *result,
                                         GError            **error);
/* Seconds until the account may try again; 0 when it is not locked */
guint     pl_staff_locked_for           (const PlStaff  *staff,
                                         GDateTime      *now);

PlStaff  *pl_staff_find                 (PlStore        *store,
                                         const char     *username,
                                         GError        **error);

/* Staff change their own password by giving the old one */
gboolean  pl_staff_change_password     (PlStore        *store,
                                         PlStaff        *staff,
                                         const char     *old_secret,
                                         const char     *new_secret,
                                         GError        **error);
/* A manager sets a new password for someone who has forgotten theirs, and
 * unlocks the account */
gboolean  pl_staff_reset_password      (PlStore        *store,
                                         const PlStaff  *by,
                                         gint64          staff_id,
                                         const char     *new_secret,
                                         GError        **error);
gboolean  pl_staff_set_role             (PlStore        *store,
                                         const PlStaff  *by,
                                         gint64          staff_id,
                                         PlStaffRole     role,
                                         GError        **error);
gboolean  pl_staff_remove               (PlStore        *store,
                                         const PlStaff  *by,
                                         gint64          staff_id,
                                         GError        **error);

G_END_DECLS
