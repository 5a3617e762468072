/* pl-staff-window.h: where staff sign in and work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-store.h"
#include "pl-voice.h"

G_BEGIN_DECLS

#define PL_TYPE_STAFF_WINDOW (pl_staff_window_get_type ())
G_DECLARE_FINAL_TYPE (PlStaffWindow, pl_staff_window, PL, STAFF_WINDOW, AdwApplicationWindow)

/* The window opens its own connection to store's file (see
 * pl_store_open_another ()), with the actor of whoever signs in; store is
 * not kept, and either may be closed first. It says "records-changed"
 * soon after it has saved something. */
PlStaffWindow *pl_staff_window_new             (GtkApplication *application,
                                                PlStore        *store);
/* Reads again, in the page shown, what another connection has committed
 * since this was last asked (the person's window calls it after each of
 * its commits); what staff are writing stays. FALSE when nothing was read. */
gboolean       pl_staff_window_read_changes    (PlStaffWindow  *self);
/* The window's one voice, for what staff ask to hear (a plain words hint) */
PlVoice       *pl_staff_window_get_voice       (PlStaffWindow  *self);

G_END_DECLS
