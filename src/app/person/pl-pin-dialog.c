/* pl-pin-dialog.c: asks for the PIN of whoever chose their name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A wrong PIN says so in words and, after a few wrong tries, asks the person
 * to wait before the next, longer each time, so guessing is slow while a slip
 * costs nothing. The access policy decides and counts (pl-access.h); the
 * slow check runs off the main thread, so the window never freezes on it.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-pin-dialog-private.h"

struct _PlPinDialog
{
  AdwWindow      parent_instance;

  GtkLabel      *heading;
  GtkWidget     *entry;
  GtkWidget     *open_button;
  GtkLabel      *message;

  PlStore       *store;       /* the window's; it closes this dialog first */
  PlViewerKind   kind;
  gint64         id;
  GCancellable  *checking;    /* non-NULL while a PIN is being checked */
  guint          wait_source; /* non-zero while a wait after wrong tries lasts */
};

G_DEFINE_FINAL_TYPE (PlPinDialog, pl_pin_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_UNLOCKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (PlPinDialog *self,
              const char  *text)
{
  gtk_label_set_label (self->message, text);
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL);
  /* Screen readers hear it at once, not only when they look for it */
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static gboolean
may_try (PlPinDialog *self)
{
  return self->wait_source == 0 && self->checking == NULL;
}

static void
update_sensitivity (PlPinDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  /* While checking the entry keeps its focus but takes no typing; during
   * a wait it cannot be used at all */
  gtk_editable_set_editable (GTK_EDITABLE (self->entry), self->checking == NULL);
  gtk_widget_set_sensitive (self->entry, self->wait_source == 0);
  gtk_widget_set_sensitive (self->open_button, may_try (self) && text[0] != '\0');
}

static gboolean
wait_over_cb (gpointer data)
{
  PlPinDialog *self = data;

  self->wait_source = 0;
  show_message (self, _("You can try your PIN again now."));
  update_sensitivity (self);
  gtk_widget_grab_focus (self->entry);
  return G_SOURCE_REMOVE;
}

/* Keeps the entry closed for as long as the database says to wait */
static void
start_wait (PlPinDialog *self)
{
  guint seconds = pl_access_pin_wait (self->store, self->kind, self->id, NULL);

  g_clear_handle_id (&self->wait_source, g_source_remove);
  if (seconds > 0)
    self->wait_source = g_timeout_add_seconds (seconds, wait_over_cb, self);
  update_sensitivity (self);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(PlPinDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlViewer) viewer = NULL;

  viewer = pl_access_open_finish (self->store, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->checking);

  if (viewer != NULL)
    {
      show_message (self, NULL);
      g_signal_emit (self, signals[SIGNAL_UNLOCKED], 0, viewer);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  show_message (self, error->message);
  start_wait (self);
  gtk_widget_grab_focus (self->entry);
}

void
pl_pin_dialog_try (PlPinDialog *self,
                   const char  *pin)
{
  g_return_if_fail (PL_IS_PIN_DIALOG (self));
  g_return_if_fail (pin != NULL);

  if (!may_try (self))
    return;

  self->checking = g_cancellable_new ();
  show_message (self, _("Checking your PIN…"));
  update_sensitivity (self);
  pl_access_open_async (self->store, self->kind, self->id, pin, self->checking,
                        opened_cb, g_object_ref (self));
}

gboolean
pl_pin_dialog_get_checking (PlPinDialog *self)
{
  g_return_val_if_fail (PL_IS_PIN_DIALOG (self), FALSE);

  return self->checking != NULL;
}

static void
open_clicked_cb (PlPinDialog *self)
{
  g_autofree char *pin = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));

  if (pin[0] != '\0')
    pl_pin_dialog_try (self, pin);
}

static void
entry_changed_cb (PlPinDialog *self)
{
  update_sensitivity (self);
}

GtkWidget *
pl_pin_dialog_get_entry (PlPinDialog *self)
{
  g_return_val_if_fail (PL_IS_PIN_DIALOG (self), NULL);

  return self->entry;
}

const char *
pl_pin_dialog_get_message (PlPinDialog *self)
{
  g_return_val_if_fail (PL_IS_PIN_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->message)))
    return NULL;
  return gtk_label_get_label (self->message);
}

static void
pl_pin_dialog_dispose (GObject *object)
{
  PlPinDialog *self = PL_PIN_DIALOG (object);

  /* A check still running is dropped: its answer is shown to nobody */
  if (self->checking != NULL)
    g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
  g_clear_handle_id (&self->wait_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_PIN_DIALOG);

  G_OBJECT_CLASS (pl_pin_dialog_parent_class)->dispose (object);
}

static void
pl_pin_dialog_class_init (PlPinDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_pin_dialog_dispose;

  signals[SIGNAL_UNLOCKED] =
    g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PL_TYPE_VIEWER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               PL_RESOURCE_BASE "/ui/pl-pin-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlPinDialog, heading);
  gtk_widget_class_bind_template_child (widget_class, PlPinDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, PlPinDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, PlPinDialog, message);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_pin_dialog_init (PlPinDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PlPinDialog *
pl_pin_dialog_new (GtkWindow    *parent,
                   PlStore      *store,
                   PlViewerKind  kind,
                   gint64        id,
                   const char   *name)
{
  PlPinDialog *self;
  g_autofree char *heading = NULL;
  g_autofree char *isolated = NULL;
  g_autoptr(GError) error = NULL;
  guint wait;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (kind == PL_VIEWER_PERSON || kind == PL_VIEWER_CARER, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (PL_TYPE_PIN_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = store;
  self->kind = kind;
  self->id = id;

  isolated = pl_catalog_isolate (name);
  /* Translators: %s is the name the person likes to be called */
  heading = g_strdup_printf (_("Hello, %s"), isolated);
  gtk_label_set_label (self->heading, heading);

  /* Typing starts at once */
  gtk_window_set_focus (GTK_WINDOW (self), self->entry);

  /* Closing and reopening the dialog, or Plainly, does not skip the wait */
  wait = pl_access_pin_wait (store, kind, id, &error);
  if (wait > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("There have been too many wrong tries. Please wait "
                                   "%u second before trying again.",
                                   "There have been too many wrong tries. Please wait "
                                   "%u seconds before trying again.", wait),
                         wait);

      show_message (self, text);
      start_wait (self);
    }

  return self;
}
