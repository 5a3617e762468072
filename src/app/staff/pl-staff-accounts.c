/* pl-staff-accounts.c: staff accounts, and one's own password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change goes through pl-staff.c, which holds the rules (a manager
 * always remains, passwords are long enough, only managers manage); this
 * page says what those rules refused, in words.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-record.h"
#include "pl-staff.h"
#include "pl-widget-util.h"
#include "pl-staff-accounts-private.h"

struct _PlStaffAccounts
{
  GtkWidget             parent_instance;

  GtkWidget            *scroller;
  GtkLabel             *heading;
  GtkLabel             *message;
  AdwPreferencesGroup  *people_group;
  GtkWidget            *add_group;
  AdwEntryRow          *add_name;
  AdwEntryRow          *add_username;
  AdwComboRow          *add_role;
  AdwEntryRow          *add_password;
  GtkWidget            *add_button;
  AdwEntryRow          *own_old;
  AdwEntryRow          *own_new;
  AdwEntryRow          *own_confirm;

  PlStore              *store;
  PlStaff              *staff;
  GPtrArray            *rows;      /* the people group's rows, to remove them */
  gboolean              filling;   /* role rows being set, not chosen */
};

G_DEFINE_FINAL_TYPE (PlStaffAccounts, pl_staff_accounts, GTK_TYPE_WIDGET)

static void
show_message (PlStaffAccounts *self,
              const char      *text,
              GtkWidget       *near)
{
  pl_widget_set_message (self->message, text);
  if (text != NULL && near != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (near),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static GtkStringList *
role_model (void)
{
  GtkStringList *roles = gtk_string_list_new (NULL);

  for (int role = PL_ROLE_CARE_WORKER; role <= PL_ROLE_MANAGER; role++)
    gtk_string_list_append (roles, pl_staff_role_label (role));
  return roles;
}

static void fill (PlStaffAccounts *self);

static gint64
row_staff_id (gpointer row)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), "pl-staff-id");

  return id != NULL ? *id : 0;
}

static void
role_changed_cb (AdwComboRow     *row,
                 GParamSpec      *pspec,
                 PlStaffAccounts *self)
{
  g_autoptr(GError) error = NULL;
  PlStaffRole role = (PlStaffRole) adw_combo_row_get_selected (row);

  if (self->filling)
    return;

  if (!pl_staff_set_role (self->store, self->staff, row_staff_id (row), role, &error))
    {
      show_message (self, error->message, GTK_WIDGET (row));
      fill (self);
      return;
    }
  show_message (self, _("The role is changed. It applies from their next sign-in."), NULL);
}

static void
reset_applied_cb (AdwEntryRow     *row,
                  PlStaffAccounts *self)
{
  g_autoptr(GError) error = NULL;
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (row));

  if (!pl_staff_reset_password (self->store, self->staff, row_staff_id (row), secret, &error))
    {
      show_message (self, error->message, GTK_WIDGET (row));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  show_message (self, _("The new password is set, and the account is unlocked. "
                        "Tell them in person, not by email."), NULL);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PlStaffAccounts  *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = row_staff_id (dialog);

  if (g_strcmp0 (response, "remove") != 0)
    return;

  if (!pl_staff_remove (self->store, self->staff, id, &error))
    {
      show_message (self, error->message, NULL);
      return;
    }
  show_message (self, _("The account is removed. What they wrote stays in the records."), NULL);
  fill (self);
}

static void
remove_clicked_cb (GtkButton       *button,
                   PlStaffAccounts *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *name = g_object_get_data (G_OBJECT (button), "pl-staff-name");
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Remove this account?"), NULL);
  /* Translators: %s is a colleague's name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s will no longer be able to sign in. "
                                    "What they wrote stays in the records."), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pl-staff-id",
                          g_memdup2 (g_object_get_data (G_OBJECT (button), "pl-staff-id"),
                                     sizeof (gint64)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_staff_id (gpointer object,
              gint64   id)
{
  g_object_set_data_full (G_OBJECT (object), "pl-staff-id",
                          g_memdup2 (&id, sizeof id), g_free);
}

static GtkWidget *
account_row_new (PlStaffAccounts *self,
                 const PlStaff   *other)
{
  g_autoptr(GtkStringList) roles = role_model ();
  g_autofree char *subtitle = NULL;
  g_autofree char *role_title = NULL;
  g_autofree char *reset_title = NULL;
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *role = adw_combo_row_new ();

  if (other->password_hash == NULL)
    /* Translators: a staff account: user name, then role */
    subtitle = g_strdup_printf (_("User name %s, %s, no password yet: set one to let them sign in"),
                                other->username, pl_staff_role_label (other->role));
  else
    /* Translators: a staff account: user name, then role */
    subtitle = g_strdup_printf (_("User name %s, %s"), other->username,
                                pl_staff_role_label (other->role));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), other->display_name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);

  /* Rows inside say whose they are, for a screen reader landing on them */
  /* Translators: %s is a colleague's name */
  role_title = g_strdup_printf (_("Role of %s"), other->display_name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (role), role_title);
  adw_combo_row_set_model (ADW_COMBO_ROW (role), G_LIST_MODEL (roles));
  adw_combo_row_set_selected (ADW_COMBO_ROW (role), (guint) other->role);
  set_staff_id (role, other->id);
  g_signal_connect_object (role, "notify::selected", G_CALLBACK (role_changed_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), role);

  /* A manager cannot lock themself out; another manager can */
  if (other->id != self->staff->id)
    {
      GtkWidget *reset = adw_password_entry_row_new ();
      GtkWidget *remove_row = adw_action_row_new ();
      GtkWidget *remove = pl_widget_button_new_with_mnemonic (_("_Remove Account…"));

      /* Translators: %s is a colleague's name */
      reset_title = g_strdup_printf (_("New password or PIN for %s"), other->display_name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reset), reset_title);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (reset), TRUE);
      set_staff_id (reset, other->id);
      g_signal_connect_object (reset, "apply", G_CALLBACK (reset_applied_cb), self, 0);
      pl_widget_name_password_toggles (reset);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), reset);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("Remove this account"));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "destructive-action");
      set_staff_id (remove, other->id);
      g_object_set_data_full (G_OBJECT (remove), "pl-staff-name",
                              g_strdup (other->display_name), g_free);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), remove_row);
    }

  return expander;
}

static void
fill (PlStaffAccounts *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  gboolean manager = pl_staff_can (self->staff, PL_STAFF_ACTION_MANAGE_STAFF);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->people_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  gtk_label_set_label (self->heading, manager ? _("Staff accounts") : _("My account"));
  gtk_widget_set_visible (GTK_WIDGET (self->people_group), manager);
  gtk_widget_set_visible (self->add_group, manager);
  gtk_widget_set_visible (self->add_button, manager);
  if (!manager)
    return;

  staff = pl_store_list_staff (self->store, 0, &error);
  if (staff == NULL)
    {
      show_message (self, error->message, NULL);
      return;
    }

  self->filling = TRUE;
  for (guint i = 0; i < staff->len; i++)
    {
      GtkWidget *row = account_row_new (self, g_ptr_array_index (staff, i));

      adw_preferences_group_add (self->people_group, row);
      g_ptr_array_add (self->rows, row);
    }
  self->filling = FALSE;
}

static void
add_clicked_cb (PlStaffAccounts *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStaff) added = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->add_name));
  const char *username = gtk_editable_get_text (GTK_EDITABLE (self->add_username));
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (self->add_password));
  g_autofree char *clean_name = g_strstrip (g_strdup (name));
  g_autofree char *clean_username = g_strstrip (g_strdup (username));
  g_autofree char *done = NULL;

  if (*clean_name == '\0')
    {
      show_message (self, _("Write their name."), GTK_WIDGET (self->add_name));
      gtk_widget_grab_focus (GTK_WIDGET (self->add_name));
      return;
    }
  if (*clean_username == '\0')
    {
      show_message (self, _("Choose a user name for them to sign in with."),
                    GTK_WIDGET (self->add_username));
      gtk_widget_grab_focus (GTK_WIDGET (self->add_username));
      return;
    }

  added = pl_staff_create (self->store, self->staff, clean_username, clean_name,
                           (PlStaffRole) adw_combo_row_get_selected (self->add_role),
                           secret, &error);
  if (added == NULL)
    {
      AdwEntryRow *row = g_error_matches (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WEAK_SECRET)
                         ? self->add_password : self->add_username;

      show_message (self, error->message, GTK_WIDGET (row));
      gtk_widget_grab_focus (GTK_WIDGET (row));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->add_name), "");
  gtk_editable_set_text (GTK_EDITABLE (self->add_username), "");
  gtk_editable_set_text (GTK_EDITABLE (self->add_password), "");
  /* Translators: %s is a colleague's name */
  done = g_strdup_printf (_("%s can now sign in. Tell them their first password in person."),
                          added->display_name);
  show_message (self, done, NULL);
  fill (self);
}

static void
change_own_cb (PlStaffAccounts *self)
{
  g_autoptr(GError) error = NULL;
  const char *old = gtk_editable_get_text (GTK_EDITABLE (self->own_old));
  const char *new = gtk_editable_get_text (GTK_EDITABLE (self->own_new));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->own_confirm));

  if (g_strcmp0 (new, confirm) != 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->own_confirm), "");
      show_message (self, _("The two new passwords are not the same. Type it again."),
                    GTK_WIDGET (self->own_confirm));
      gtk_widget_grab_focus (GTK_WIDGET (self->own_confirm));
      return;
    }

  if (!pl_staff_change_password (self->store, self->staff, old, new, &error))
    {
      gboolean weak = g_error_matches (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WEAK_SECRET);
      AdwEntryRow *row = weak ? self->own_new : self->own_old;

      show_message (self, error->message, GTK_WIDGET (row));
      gtk_widget_grab_focus (GTK_WIDGET (row));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->own_old), "");
  gtk_editable_set_text (GTK_EDITABLE (self->own_new), "");
  gtk_editable_set_text (GTK_EDITABLE (self->own_confirm), "");
  show_message (self, _("Your password is changed. Use it next time you sign in."), NULL);
}

void
pl_staff_accounts_set_context (PlStaffAccounts *self,
                               PlStore         *store,
                               const PlStaff   *staff)
{
  g_return_if_fail (PL_IS_STAFF_ACCOUNTS (self));
  g_return_if_fail (store != NULL);
  g_return_if_fail (staff != NULL);

  self->store = store;
  g_clear_pointer (&self->staff, pl_staff_free);
  self->staff = pl_staff_copy (staff);
  show_message (self, NULL, NULL);
  fill (self);
}

const char *
pl_staff_accounts_get_message (PlStaffAccounts *self)
{
  g_return_val_if_fail (PL_IS_STAFF_ACCOUNTS (self), NULL);

  return pl_widget_get_message (self->message);
}

static void
pl_staff_accounts_dispose (GObject *object)
{
  PlStaffAccounts *self = PL_STAFF_ACCOUNTS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_STAFF_ACCOUNTS);
  g_clear_pointer (&self->staff, pl_staff_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pl_staff_accounts_parent_class)->dispose (object);
}

static void
pl_staff_accounts_class_init (PlStaffAccountsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_staff_accounts_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/plainly/Plainly/ui/pl-staff-accounts.ui");
  gtk_widget_class_bind_template_child (widget_class, PlStaffAccounts, scroller);
  gtk_widget_class_bind_template_child (widget_class, PlStaffAccounts, heading);
  gtk_widget_class_bind_template_child (widget_class, PlStaffAccounts, message);
  gtk_widget_class_bind_template_child (widget_class, PlStaffAccounts, people_group);
  gtk_widget_class_bind_template_child (widget_class, PlStaffAccounts, add_group);
  gtk_widget_class_bind_template_child (widget_class, PlStaffAccounts, add_name);
  gtk_widget_class_bind_template_child (widget_class, PlStaffAccounts, add_username);
  gtk_widget_class_bind_template_child (widget_class, PlStaffAccounts, add_role);
  gtk_widget_class_bind_template_child (widget_class, PlStaffAccounts, add_password);
  gtk_widget_class_bind_template_child (widget_class, PlStaffAccounts, add_button);
  gtk_widget_class_bind_template_child (widget_class, PlStaffAccounts, own_old);
  gtk_widget_class_bind_template_child (widget_class, PlStaffAccounts, own_new);
  gtk_widget_class_bind_template_child (widget_class, PlStaffAccounts, own_confirm);
  /* Known by name only, for tests to press */
  gtk_widget_class_bind_template_child_full (widget_class, "own_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, change_own_cb);
}

static void
pl_staff_accounts_init (PlStaffAccounts *self)
{
  g_autoptr(GtkStringList) roles = role_model ();

  gtk_widget_init_template (GTK_WIDGET (self));
  pl_widget_name_password_toggles (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  adw_combo_row_set_model (self->add_role, G_LIST_MODEL (roles));
}

PlStaffAccounts *
pl_staff_accounts_new (void)
{
  return g_object_new (PL_TYPE_STAFF_ACCOUNTS, NULL);
}
