/* pl-settings-page-privacy.c: the Privacy section of "My settings"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When Plainly locks itself, and the person's PIN: set, changed or removed
 * through dialogs in the page's own size and colours. The page never keeps
 * a PIN: it hands it to the window ("pin-requested"), which protects and
 * saves it.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include "pl-i18n.h"

#include "pl-reader-style.h"
#include "pl-secret.h"
#include "pl-settings-page-private.h"
#include "pl-store.h"

static const int lock_choices[] = PL_SETTINGS_LOCK_CHOICES;

/* Widgets in this page's dialogs, found again by their names */
#define PIN_ENTRY_NAME "pin-entry"
#define PIN_AGAIN_NAME "pin-again"
#define PIN_ERROR_NAME "pin-error"
#define PIN_SAVE_NAME "pin-save"

static void
lock_chosen_cb (PlChoiceButton *button,
                GParamSpec     *pspec,
                PlSettingsPage *self)
{
  int minutes = pl_settings_choice_get_int (button);

  if (self->updating || !pl_choice_button_get_active (button)
      || self->settings->lock_minutes == minutes)
    return;
  self->settings->lock_minutes = minutes;
  pl_settings_page_changed (self);
}

static char *
lock_words (int minutes)
{
  if (minutes == 0)
    return g_strdup (_("Never"));
  return g_strdup_printf (ngettext ("%d minute", "%d minutes", minutes), minutes);
}

/* The PIN dialog */

gboolean
pl_settings_check_pin (const char  *pin,
                       const char  *again,
                       GError     **error)
{
  /* The same rules as everywhere a PIN is asked for */
  if (!pl_secret_pin_is_valid (pin, error))
    return FALSE;

  if (g_strcmp0 (pin, again) != 0)
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("The two PINs are not the same. Please type the same PIN in both boxes."));
      return FALSE;
    }

  return TRUE;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
pin_save_cb (GtkWidget *widget,
             gpointer   user_data)
{
  PlSettingsPage *self = PL_SETTINGS_PAGE (user_data);
  GtkWidget *dialog = GTK_WIDGET (gtk_widget_get_root (widget));
  GtkWidget *error_label = find_named (dialog, PIN_ERROR_NAME);
  GtkEditable *entry = GTK_EDITABLE (find_named (dialog, PIN_ENTRY_NAME));
  GtkEditable *again = GTK_EDITABLE (find_named (dialog, PIN_AGAIN_NAME));
  g_autofree char *pin = g_strdup (gtk_editable_get_text (entry));
  g_autoptr(GError) error = NULL;

  if (!pl_settings_check_pin (pin, gtk_editable_get_text (again), &error))
    {
      gtk_label_set_text (GTK_LABEL (error_label), error->message);
      gtk_widget_set_visible (error_label, TRUE);
      /* Said at once by a screen reader, as the role asks */
      gtk_accessible_update_property (GTK_ACCESSIBLE (error_label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, error->message,
                                      -1);
      gtk_editable_set_text (again, "");
      gtk_widget_grab_focus (GTK_WIDGET (entry));
      return;
    }

  /* Wiped from the entries before the dialog goes */
  gtk_editable_set_text (entry, "");
  gtk_editable_set_text (again, "");
  gtk_window_destroy (GTK_WINDOW (dialog));
  pl_settings_page_request_pin (self, pin);
  memset (pin, 0, strlen (pin));
}

static void
pin_show_toggled_cb (GtkCheckButton *check,
                     GtkWidget      *dialog)
{
  gboolean show = gtk_check_button_get_active (check);

  gtk_entry_set_visibility (GTK_ENTRY (find_named (dialog, PIN_ENTRY_NAME)), show);
  gtk_entry_set_visibility (GTK_ENTRY (find_named (dialog, PIN_AGAIN_NAME)), show);
}

static GtkWidget *
pin_entry_new (GtkWidget  *box,
               const char *name,
               const char *words)
{
  GtkWidget *label = gtk_label_new (words);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_widget_add_css_class (label, "pl-settings-label");
  gtk_widget_set_name (entry, name);
  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PIN);
  gtk_entry_set_max_length (GTK_ENTRY (entry), PL_PIN_MAX_DIGITS);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), PL_PIN_MAX_DIGITS);
  gtk_widget_set_halign (entry, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, words,
                                  -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  return entry;
}

static void
pin_dialog_destroyed_cb (PlSettingsPage *self)
{
  self->pin_dialog = NULL;
}

GtkWindow *
pl_settings_page_ask_for_pin (PlSettingsPage *self)
{
  GtkWidget *dialog, *scroller, *box, *title, *help, *entry, *again, *show, *error;
  GtkWidget *buttons, *cancel, *save;
  GtkRoot *root;

  g_return_val_if_fail (PL_IS_SETTINGS_PAGE (self), NULL);

  if (self->pin_dialog != NULL)
    {
      gtk_window_present (self->pin_dialog);
      return self->pin_dialog;
    }

  dialog = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (dialog), self->has_pin ? _("Change PIN") : _("Set a PIN"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, -1);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  /* The same size and colours as the page */
  gtk_widget_add_css_class (dialog, self->scope);
  gtk_widget_add_css_class (dialog, "pl-settings-page");
  gtk_widget_add_css_class (dialog, "pl-settings-dialog");
  pl_reader_style_set_classes (dialog, self->settings);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  /* At giant print the dialog scrolls rather than outgrow the screen */
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 640);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (box, "pl-document");

  title = gtk_label_new (self->has_pin ? _("Change your PIN") : _("Set a PIN"));
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "pl-settings-heading");
  gtk_box_append (GTK_BOX (box), title);

  help = gtk_label_new (_("Choose 4 to 8 numbers that you will remember. "
                          "You will type them to open your plan."));
  gtk_label_set_wrap (GTK_LABEL (help), TRUE);
  gtk_label_set_xalign (GTK_LABEL (help), 0);
  gtk_box_append (GTK_BOX (box), help);

  entry = pin_entry_new (box, PIN_ENTRY_NAME, _("New PIN"));
  again = pin_entry_new (box, PIN_AGAIN_NAME, _("Type the same PIN again"));

  show = gtk_check_button_new_with_label (_("Show the numbers as I type"));
  g_signal_connect (show, "toggled", G_CALLBACK (pin_show_toggled_cb), dialog);
  gtk_box_append (GTK_BOX (box), show);

  error = gtk_label_new (NULL);
  gtk_widget_set_name (error, PIN_ERROR_NAME);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_widget_add_css_class (error, "pl-settings-error");
  gtk_widget_set_visible (error, FALSE);
  gtk_box_append (GTK_BOX (box), error);

  buttons = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (buttons), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (buttons), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (buttons), 12);
  gtk_widget_set_margin_top (buttons, 12);
  cancel = gtk_button_new ();
  pl_settings_button_set_words (GTK_BUTTON (cancel), _("Cancel"));
  gtk_widget_add_css_class (cancel, "pl-settings-button");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), dialog);
  save = gtk_button_new ();
  gtk_widget_set_name (save, PIN_SAVE_NAME);
  pl_settings_button_set_words (GTK_BUTTON (save), _("Save PIN"));
  gtk_widget_add_css_class (save, "pl-settings-button");
  g_signal_connect (save, "clicked", G_CALLBACK (pin_save_cb), self);
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), cancel);
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), save);
  gtk_widget_set_focusable (gtk_widget_get_parent (cancel), FALSE);
  gtk_widget_set_focusable (gtk_widget_get_parent (save), FALSE);
  gtk_box_append (GTK_BOX (box), buttons);

  /* Enter in the first box moves on; in the second it saves */
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (gtk_widget_grab_focus), again);
  g_signal_connect (again, "activate", G_CALLBACK (pin_save_cb), self);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_window_set_child (GTK_WINDOW (dialog), scroller);

  self->pin_dialog = GTK_WINDOW (dialog);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (pin_dialog_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);

  return GTK_WINDOW (dialog);
}

static void
pin_set_clicked_cb (PlSettingsPage *self)
{
  pl_settings_page_ask_for_pin (self);
}

static void
pin_remove_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        PlSettingsPage   *self)
{
  if (g_strcmp0 (response, "remove") == 0)
    pl_settings_page_request_pin (self, NULL);
}

static void
pin_remove_clicked_cb (PlSettingsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  /* Asked first: without a PIN, anyone at this computer can open the plan */
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Remove your PIN?"),
                                   _("Anyone using this computer will be able to open your plan."));
  gtk_widget_set_name (dialog, "pin-remove-dialog");
  gtk_widget_add_css_class (dialog, self->scope);
  pl_reader_style_set_classes (dialog, self->settings);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Keep my PIN"),
                                    "remove", _("Remove PIN"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (pin_remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
pl_settings_page_update_pin (PlSettingsPage *self)
{
  gtk_label_set_text (self->pin_status,
                      self->has_pin ? _("You have a PIN. It is asked for when you open Plainly.")
                                    : _("You have no PIN. Anyone at this computer can open your plan."));
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->pin_set)), !self->has_pin);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->pin_change)), self->has_pin);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->pin_remove)), self->has_pin);
  gtk_widget_set_visible (GTK_WIDGET (self->pin_set), !self->has_pin);
  gtk_widget_set_visible (GTK_WIDGET (self->pin_change), self->has_pin);
  gtk_widget_set_visible (GTK_WIDGET (self->pin_remove), self->has_pin);
}

void
pl_settings_page_set_pin_busy (PlSettingsPage *self,
                               gboolean        busy)
{
  g_return_if_fail (PL_IS_SETTINGS_PAGE (self));

  /* Protecting a PIN takes a moment on purpose (Argon2id, in a worker
   * thread): say so, and keep its buttons still until it is done */
  gtk_widget_set_sensitive (GTK_WIDGET (self->pin_set), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pin_change), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pin_remove), !busy);
  if (busy)
    gtk_label_set_text (self->pin_status, _("Saving your PIN…"));
  else
    pl_settings_page_update_pin (self);
}


void
pl_settings_page_class_init_privacy (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, lock_box);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, pin_status);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, pin_set);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, pin_change);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, pin_remove);
  gtk_widget_class_bind_template_callback (widget_class, pin_set_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, pin_remove_clicked_cb);
}

void
pl_settings_page_init_privacy (PlSettingsPage *self)
{
  pl_settings_button_set_words (self->pin_set, _("Set a PIN…"));
  pl_settings_button_set_words (self->pin_change, _("Change PIN…"));
  pl_settings_button_set_words (self->pin_remove, _("Remove PIN"));
  /* One Tab stop each: the button, not the flow box's child around it */
  gtk_widget_set_focusable (gtk_widget_get_parent (GTK_WIDGET (self->pin_set)), FALSE);
  gtk_widget_set_focusable (gtk_widget_get_parent (GTK_WIDGET (self->pin_change)), FALSE);
  gtk_widget_set_focusable (gtk_widget_get_parent (GTK_WIDGET (self->pin_remove)), FALSE);

  /* No timing the person cannot turn off: "Never" comes first (WCAG 2.2.1) */
  pl_settings_add_int_choices (self, self->lock_buttons, self->lock_box,
                               _("Lock Plainly"), "lock",
                               lock_choices, G_N_ELEMENTS (lock_choices),
                               lock_words, G_CALLBACK (lock_chosen_cb));
}

void
pl_settings_page_show_privacy (PlSettingsPage *self)
{
  pl_settings_choices_show_int (self->lock_buttons, self->settings->lock_minutes);
}
