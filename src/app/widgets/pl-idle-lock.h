/* pl-idle-lock.h: notices when no one has used a window for a while
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PL_TYPE_IDLE_LOCK (pl_idle_lock_get_type ())
G_DECLARE_FINAL_TYPE (PlIdleLock, pl_idle_lock, PL, IDLE_LOCK, GObject)

/* Watches every key, click, scroll and pointer move in window (which it
 * does not keep alive). Emits "idle" once timeout_ms after the last. */
PlIdleLock *pl_idle_lock_new          (GtkWindow  *window);
/* 0 turns it off: a person must be able to say never (WCAG 2.2.1) */
void        pl_idle_lock_set_timeout  (PlIdleLock *self,
                                       guint       timeout_ms);
/* Starts the wait again, as any input does */
void        pl_idle_lock_reset        (PlIdleLock *self);

G_END_DECLS
