/* pl-screen-reader.c: whether a screen reader is running, however it was
 * started
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desktop's setting (org.a11y.Status ScreenReaderEnabled) is true only
 * when the desktop started the screen reader; Orca started from a terminal
 * or a launcher leaves it false. What every screen reader does is listen
 * for focus events on the accessibility bus, and the bus's registry lists
 * who listens to what: either is taken as a screen reader at work.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "pl-screen-reader-private.h"

#define REGISTRY_NAME "org.a11y.atspi.Registry"
#define REGISTRY_PATH "/org/a11y/atspi/registry"
#define REGISTRY_IFACE "org.a11y.atspi.Registry"

struct _PlScreenReader
{
  GObject          parent_instance;

  GDBusProxy      *status;         /* org.a11y.Status on the session bus */
  gboolean         desktop_says;   /* ScreenReaderEnabled */
  GDBusConnection *a11y_bus;
  guint            registered_id;
  guint            deregistered_id;
  GHashTable      *listeners;      /* "bus name\nevent" of focus listeners */
  gboolean         forced;
  gboolean         forced_value;
  gboolean         running;
  GCancellable    *cancellable;
};

G_DEFINE_FINAL_TYPE (PlScreenReader, pl_screen_reader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_running (PlScreenReader *self)
{
  gboolean running;

  if (self->forced)
    running = self->forced_value;
  else
    running = self->desktop_says || g_hash_table_size (self->listeners) > 0;

  if (running == self->running)
    return;
  self->running = running;
  g_debug ("A screen reader is %s", running ? "running" : "not running");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

/* "object:state-changed:focused", "focus:": what a screen reader follows.
 * The registry may keep the names as given or in its own capitals. */
static gboolean
is_focus_event (const char *event)
{
  g_autofree char *lower = g_ascii_strdown (event, -1);
  g_autoptr(GString) letters = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p++)
    if (g_ascii_isalpha (*p) || *p == ':')
      g_string_append_c (letters, *p);

  return g_str_has_prefix (letters->str, "focus:") ||
         strstr (letters->str, "statechanged:focused") != NULL;
}

static void
note_listener (PlScreenReader *self,
               const char     *bus_name,
               const char     *event,
               gboolean        present)
{
  g_autofree char *key = NULL;

  if (!is_focus_event (event))
    return;

  key = g_strdup_printf ("%s\n%s", bus_name, event);
  if (present)
    g_hash_table_add (self->listeners, g_steal_pointer (&key));
  else
    g_hash_table_remove (self->listeners, key);
  update_running (self);
}

static void
listener_signal_cb (GDBusConnection *connection,
                    const char      *sender,
                    const char      *path,
                    const char      *iface,
                    const char      *signal,
                    GVariant        *parameters,
                    gpointer         user_data)
{
  PlScreenReader *self = user_data;
  const char *bus_name = NULL;
  const char *event = NULL;

  if (g_variant_n_children (parameters) < 2)
    return;
  g_variant_get_child (parameters, 0, "&s", &bus_name);
  g_variant_get_child (parameters, 1, "&s", &event);
  note_listener (self, bus_name, event, g_str_equal (signal, "EventListenerRegistered"));
}

static void
registered_events_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source),
                                                             result, &error);
  g_autoptr(GVariantIter) iter = NULL;
  PlScreenReader *self;
  const char *bus_name, *event;

  if (reply == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Cannot list the accessibility bus's listeners: %s", error->message);
      return;
    }

  self = user_data;
  g_variant_get (reply, "(a(ss))", &iter);
  while (g_variant_iter_next (iter, "(&s&s)", &bus_name, &event))
    note_listener (self, bus_name, event, TRUE);
}

static void
a11y_bus_ready_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *connection = g_dbus_connection_new_for_address_finish (result, &error);
  PlScreenReader *self;

  if (connection == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Cannot reach the accessibility bus: %s", error->message);
      return;
    }

  self = user_data;
  self->a11y_bus = connection;
  /* Signals first, so no listener comes between the list and them */
  self->registered_id =
    g_dbus_connection_signal_subscribe (connection, REGISTRY_NAME, REGISTRY_IFACE,
                                        "EventListenerRegistered", REGISTRY_PATH, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, listener_signal_cb,
                                        self, NULL);
  self->deregistered_id =
    g_dbus_connection_signal_subscribe (connection, REGISTRY_NAME, REGISTRY_IFACE,
                                        "EventListenerDeregistered", REGISTRY_PATH, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, listener_signal_cb,
                                        self, NULL);
  g_dbus_connection_call (connection, REGISTRY_NAME, REGISTRY_PATH, REGISTRY_IFACE,
                          "GetRegisteredEvents", NULL, G_VARIANT_TYPE ("(a(ss))"),
                          G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable,
                          registered_events_cb, self);
}

static void
a11y_address_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source),
                                                             result, &error);
  PlScreenReader *self;
  const char *address = NULL;

  if (reply == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No accessibility bus, so no screen reader: %s", error->message);
      return;
    }

  self = user_data;
  g_variant_get (reply, "(&s)", &address);
  if (address == NULL || *address == '\0')
    return;
  g_dbus_connection_new_for_address (address,
                                     G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                     G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                     NULL, self->cancellable, a11y_bus_ready_cb, self);
}

static void
read_status (PlScreenReader *self)
{
  g_autoptr(GVariant) value = NULL;

  value = g_dbus_proxy_get_cached_property (self->status, "ScreenReaderEnabled");
  self->desktop_says = value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN) &&
                       g_variant_get_boolean (value);
  update_running (self);
}

static void
status_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GDBusProxy *proxy = g_dbus_proxy_new_for_bus_finish (result, &error);
  PlScreenReader *self;

  if (proxy == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Cannot ask the desktop about a screen reader: %s", error->message);
      return;
    }

  self = user_data;
  self->status = proxy;
  g_signal_connect_object (proxy, "g-properties-changed",
                           G_CALLBACK (read_status), self, G_CONNECT_SWAPPED);
  read_status (self);

  g_dbus_connection_call (g_dbus_proxy_get_connection (proxy), "org.a11y.Bus", "/org/a11y/bus",
                          "org.a11y.Bus", "GetAddress", NULL, G_VARIANT_TYPE ("(s)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable, a11y_address_cb, self);
}

static void
pl_screen_reader_dispose (GObject *object)
{
  PlScreenReader *self = PL_SCREEN_READER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->a11y_bus != NULL)
    {
      if (self->registered_id != 0)
        g_dbus_connection_signal_unsubscribe (self->a11y_bus, self->registered_id);
      if (self->deregistered_id != 0)
        g_dbus_connection_signal_unsubscribe (self->a11y_bus, self->deregistered_id);
      self->registered_id = self->deregistered_id = 0;
    }
  g_clear_object (&self->a11y_bus);
  g_clear_object (&self->status);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pl_screen_reader_parent_class)->dispose (object);
}

static void
pl_screen_reader_finalize (GObject *object)
{
  PlScreenReader *self = PL_SCREEN_READER (object);

  g_clear_pointer (&self->listeners, g_hash_table_unref);

  G_OBJECT_CLASS (pl_screen_reader_parent_class)->finalize (object);
}

static void
pl_screen_reader_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlScreenReader *self = PL_SCREEN_READER (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_screen_reader_class_init (PlScreenReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pl_screen_reader_dispose;
  object_class->finalize = pl_screen_reader_finalize;
  object_class->get_property = pl_screen_reader_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pl_screen_reader_init (PlScreenReader *self)
{
  self->listeners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();

  /* No session bus (some tests): no screen reader either */
  g_dbus_proxy_new_for_bus (G_BUS_TYPE_SESSION, G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START,
                            NULL, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Status",
                            self->cancellable, status_ready_cb, self);
}

PlScreenReader *
pl_screen_reader_get_default (void)
{
  static PlScreenReader *instance;

  /* Lives as long as the app, so its D-Bus callbacks need no reference;
   * made and used on the main thread only */
  if (instance == NULL)
    instance = g_object_new (PL_TYPE_SCREEN_READER, NULL);
  return instance;
}

gboolean
pl_screen_reader_get_running (PlScreenReader *self)
{
  g_return_val_if_fail (PL_IS_SCREEN_READER (self), FALSE);

  return self->running;
}

void
pl_screen_reader_set_running (PlScreenReader *self,
                              gboolean        running)
{
  g_return_if_fail (PL_IS_SCREEN_READER (self));

  self->forced = TRUE;
  self->forced_value = !!running;
  update_running (self);
}
