/* pl-pin-dialog.c: asks for the PIN of whoever chose their name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A wrong PIN says so in words and, after a few wrong tries, asks the person
 * to wait before the next, longer each time, so guessing is slow while a slip
 * costs nothing.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-pin-dialog.h"
#include "pl-secret.h"

struct _PlPinDialog
{
  AdwWindow   parent_instance;

  GtkLabel   *heading;
  GtkWidget  *entry;
  GtkWidget  *open_button;
  GtkLabel   *message;

  char       *hash;
  guint       failures;
  gint64      wait_until;   /* monotonic µs; 0 when they may try now */
  guint       wait_source;
};

G_DEFINE_FINAL_TYPE (PlPinDialog, pl_pin_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_UNLOCKED,
  SIGNAL_FAILED,
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
waiting (PlPinDialog *self)
{
  return self->wait_until > g_get_monotonic_time ();
}

static void
update_open_button (PlPinDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  gtk_widget_set_sensitive (self->open_button, !waiting (self) && text[0] != '\0');
}

static gboolean
wait_over_cb (gpointer data)
{
  PlPinDialog *self = data;

  self->wait_source = 0;
  self->wait_until = 0;
  gtk_widget_set_sensitive (self->entry, TRUE);
  show_message (self, _("You can try your PIN again now."));
  update_open_button (self);
  gtk_widget_grab_focus (self->entry);
  return G_SOURCE_REMOVE;
}

static void
start_wait (PlPinDialog *self,
            guint        seconds)
{
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->wait_source, g_source_remove);
  self->wait_until = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  self->wait_source = g_timeout_add_seconds (seconds, wait_over_cb, self);
  gtk_widget_set_sensitive (self->entry, FALSE);

  text = g_strdup_printf (ngettext ("That PIN is not right. Please wait %u second, "
                                    "then try again.",
                                    "That PIN is not right. Please wait %u seconds, "
                                    "then try again.", seconds),
                          seconds);
  show_message (self, text);
  update_open_button (self);
}

gboolean
pl_pin_dialog_try (PlPinDialog *self,
                   const char  *pin)
{
  guint delay;

  g_return_val_if_fail (PL_IS_PIN_DIALOG (self), FALSE);
  g_return_val_if_fail (pin != NULL, FALSE);

  if (waiting (self))
    return FALSE;

  if (pl_secret_verify (self->hash, pin))
    {
      self->failures = 0;
      g_signal_emit (self, signals[SIGNAL_UNLOCKED], 0);
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    }

  self->failures++;
  g_signal_emit (self, signals[SIGNAL_FAILED], 0, self->failures);

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  delay = pl_secret_delay_for_failures (self->failures);
  if (delay > 0)
    start_wait (self, delay);
  else
    show_message (self, _("That PIN is not right. Please try again."));
  gtk_widget_grab_focus (self->entry);
  return FALSE;
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
  update_open_button (self);
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

  g_clear_handle_id (&self->wait_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_PIN_DIALOG);

  G_OBJECT_CLASS (pl_pin_dialog_parent_class)->dispose (object);
}

static void
pl_pin_dialog_finalize (GObject *object)
{
  PlPinDialog *self = PL_PIN_DIALOG (object);

  g_free (self->hash);

  G_OBJECT_CLASS (pl_pin_dialog_parent_class)->finalize (object);
}

static void
pl_pin_dialog_class_init (PlPinDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_pin_dialog_dispose;
  object_class->finalize = pl_pin_dialog_finalize;

  signals[SIGNAL_UNLOCKED] =
    g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

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
pl_pin_dialog_new (GtkWindow  *parent,
                   const char *name,
                   const char *hash,
                   guint       failures)
{
  PlPinDialog *self;
  g_autofree char *heading = NULL;
  guint delay;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (PL_TYPE_PIN_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->hash = g_strdup (hash);
  self->failures = failures;

  /* Translators: %s is the name the person likes to be called */
  heading = g_strdup_printf (_("Hello, %s"), name);
  gtk_label_set_label (self->heading, heading);

  /* Typing starts at once */
  gtk_window_set_focus (GTK_WINDOW (self), self->entry);

  /* Closing and reopening the dialog does not skip the wait */
  delay = pl_secret_delay_for_failures (failures);
  if (delay > 0)
    start_wait (self, delay);

  return self;
}
