/* pl-staff-window-private.h: what the tests reach of the staff window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the staff window; not for the rest of the app.
 */

#pragma once

#include "pl-idle-lock.h"
#include "pl-staff-window.h"

G_BEGIN_DECLS

/* The window's own connection; NULL when it could not be opened */
PlStore       *pl_staff_window_get_store       (PlStaffWindow  *self);
/* NULL when no one is signed in */
const PlStaff *pl_staff_window_get_staff       (PlStaffWindow  *self);
/* What the sign-in and set-up pages do with what was typed into them: the
 * password is checked in a worker thread, and this waits on the main loop
 * for the answer (pressing Enter does not wait) */
gboolean       pl_staff_window_sign_in         (PlStaffWindow  *self,
                                                const char     *username,
                                                const char     *secret);
/* TRUE while a password typed into the sign-in page is being checked */
gboolean       pl_staff_window_get_checking    (PlStaffWindow  *self);
void           pl_staff_window_sign_out        (PlStaffWindow  *self,
                                                const char     *reason);
/* "setup", "sign-in" or "desk" */
const char    *pl_staff_window_get_page        (PlStaffWindow  *self);
/* Opens a person's pages ("plan", "checklist", "history", "diary"), or a
 * page of the service ("complaints", "welcome", "responses", "staff") with
 * person_id 0. FALSE when the signed-in role may not see it. */
gboolean       pl_staff_window_open            (PlStaffWindow  *self,
                                                gint64          person_id,
                                                const char     *page);
/* The widget showing now in the desk's content */
GtkWidget     *pl_staff_window_get_content     (PlStaffWindow  *self);
const char    *pl_staff_window_get_notice      (PlStaffWindow  *self);
/* Minutes without use before staff are signed out; 0 never (tests only) */
void           pl_staff_window_set_sign_out_minutes (PlStaffWindow *self,
                                                     guint          minutes);
/* What signs staff out when the window goes unused */
PlIdleLock    *pl_staff_window_get_idle_lock   (PlStaffWindow  *self);

G_END_DECLS
