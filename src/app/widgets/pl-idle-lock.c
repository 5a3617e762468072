/* pl-idle-lock.c: notices when no one has used a window for a while
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a shared home computer the next person should not find someone else's
 * plan open (NG86 1.1.15), so the window goes back to "Who is using Plainly?"
 * after the time its reader chose.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-idle-lock.h"
#include "pl-idle-lock-private.h"

struct _PlIdleLock
{
  GObject             parent_instance;

  GtkWindow          *window;      /* weak */
  GtkEventController *controller;  /* owned by the window */
  guint               timeout_ms;
  guint               source;
};

G_DEFINE_FINAL_TYPE (PlIdleLock, pl_idle_lock, G_TYPE_OBJECT)

enum {
  SIGNAL_IDLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
timeout_cb (gpointer data)
{
  PlIdleLock *self = data;

  self->source = 0;
  g_signal_emit (self, signals[SIGNAL_IDLE], 0);
  return G_SOURCE_REMOVE;
}

void
pl_idle_lock_reset (PlIdleLock *self)
{
  g_return_if_fail (PL_IS_IDLE_LOCK (self));

  g_clear_handle_id (&self->source, g_source_remove);
  if (self->timeout_ms > 0)
    {
      self->source = g_timeout_add (self->timeout_ms, timeout_cb, self);
      g_source_set_name_by_id (self->source, "[plainly] idle lock");
    }
}

static gboolean
event_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          PlIdleLock               *self)
{
  GdkEventType type = gdk_event_get_event_type (event);

  /* What a person does, not what the window does by itself */
  if (type == GDK_MOTION_NOTIFY || type == GDK_BUTTON_PRESS || type == GDK_KEY_PRESS ||
      type == GDK_SCROLL || type == GDK_TOUCH_BEGIN || type == GDK_TOUCH_UPDATE ||
      type == GDK_TOUCHPAD_SWIPE || type == GDK_TOUCHPAD_PINCH)
    {
      if (self->source != 0)
        pl_idle_lock_reset (self);
    }

  /* Only watching: the event goes on to where it was going */
  return GDK_EVENT_PROPAGATE;
}

void
pl_idle_lock_set_timeout (PlIdleLock *self,
                          guint       timeout_ms)
{
  g_return_if_fail (PL_IS_IDLE_LOCK (self));

  self->timeout_ms = timeout_ms;
  if (timeout_ms == 0)
    g_clear_handle_id (&self->source, g_source_remove);
  else
    pl_idle_lock_reset (self);
}

guint
pl_idle_lock_get_timeout (PlIdleLock *self)
{
  g_return_val_if_fail (PL_IS_IDLE_LOCK (self), 0);

  return self->timeout_ms;
}

gboolean
pl_idle_lock_is_armed (PlIdleLock *self)
{
  g_return_val_if_fail (PL_IS_IDLE_LOCK (self), FALSE);

  return self->source != 0;
}

static void
pl_idle_lock_dispose (GObject *object)
{
  PlIdleLock *self = PL_IDLE_LOCK (object);

  g_clear_handle_id (&self->source, g_source_remove);
  if (self->window != NULL)
    {
      gtk_widget_remove_controller (GTK_WIDGET (self->window), self->controller);
      g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
      self->window = NULL;
    }

  G_OBJECT_CLASS (pl_idle_lock_parent_class)->dispose (object);
}

static void
pl_idle_lock_class_init (PlIdleLockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pl_idle_lock_dispose;

  signals[SIGNAL_IDLE] =
    g_signal_new ("idle", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pl_idle_lock_init (PlIdleLock *self)
{
}

PlIdleLock *
pl_idle_lock_new (GtkWindow *window)
{
  PlIdleLock *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);

  self = g_object_new (PL_TYPE_IDLE_LOCK, NULL);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);

  /* In the capture phase, so input that a child handles still counts */
  self->controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (self->controller, GTK_PHASE_CAPTURE);
  g_signal_connect (self->controller, "event", G_CALLBACK (event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (window), self->controller);

  return self;
}
