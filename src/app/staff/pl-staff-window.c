/* pl-staff-window.c: where staff sign in and work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window of its own, so the person's window stays theirs and a shared
 * computer is never left signed in as staff: closing this window, signing
 * out, or leaving it unused all forget who was signed in and every page
 * they had open. The first run asks for the first manager's account.
 *
 * It has its own connection to the database the person's window has open,
 * whose actor is the member of staff signed in, so the history says who
 * made each change on either side. It says when it has saved something
 * ("records-changed"), and reads again what the person's side changed as
 * soon as that is committed (pl_staff_window_read_changes ()), and what any
 * other program changed when it is brought forward.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-actor.h"
#include "pl-application.h"
#include "pl-idle-lock.h"
#include "pl-record.h"
#include "pl-staff.h"
#include "pl-widget-util.h"
#include "pl-staff-accounts.h"
#include "pl-staff-pages.h"
#include "pl-staff-window-private.h"
#include "pl-staff-window-import.h"

/* Long enough for a conversation with the person beside you, short enough
 * that a laptop left in someone's home is not left open to the next visitor */
#define DEFAULT_SIGN_OUT_MINUTES 10

struct _PlStaffWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwWindowTitle       *window_title;
  GtkWidget            *back_button;
  GtkWidget            *sign_out_button;
  GtkRevealer          *notice_revealer;
  GtkLabel             *notice_label;
  GtkStack             *stack;
  AdwEntryRow          *setup_name;
  AdwEntryRow          *setup_username;
  AdwEntryRow          *setup_password;
  AdwEntryRow          *setup_confirm;
  GtkLabel             *setup_message;
  AdwEntryRow          *sign_in_username;
  AdwEntryRow          *sign_in_password;
  GtkLabel             *sign_in_message;
  GCancellable         *signing_in;   /* non-NULL while a password is checked */
  gboolean              signed_in;    /* how the last sign-in ended */
  AdwLeaflet           *desk_leaflet;
  GtkWidget            *sidebar;
  GtkListBox           *people_list;
  GtkListBox           *service_list;
  GtkStack             *desk_stack;

  PlStore              *opened_from; /* the person's window's, during construction */
  PlStore              *store;       /* this window's own connection; NULL if it failed */
  gint64                data_version; /* of the others' changes last read */
  PlStaff              *staff;
  PlIdleLock           *idle_lock;
  PlVoice              *voice;       /* made when first asked for */
  guint                 sign_out_minutes;
  GtkWidget            *content;     /* the person's or service's page now shown */
  gint64                person_id;   /* whose pages are open; 0 none */
  guint                 header_idle_id;
  gboolean              filling;     /* lists being changed, not chosen from */
};

G_DEFINE_FINAL_TYPE (PlStaffWindow, pl_staff_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_RECORDS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Messages ---------------------------------------------------------------- */

static void show_notice (PlStaffWindow *self,
                         const char    *text);

void
pl_staff_window_show_notice (PlStaffWindow *self,
                             const char    *text)
{
  g_return_if_fail (PL_IS_STAFF_WINDOW (self));
  show_notice (self, text);
}

static void
notice_dismissed_cb (PlStaffWindow *self)
{
  gtk_revealer_set_reveal_child (self->notice_revealer, FALSE);
}

static void
show_notice (PlStaffWindow *self,
             const char    *text)
{
  gtk_label_set_label (self->notice_label, text != NULL ? text : "");
  gtk_revealer_set_reveal_child (self->notice_revealer, text != NULL);
}

/* A form's message: said in words beside the form, and to screen readers
 * through the entry they are in */
static void
show_form_message (GtkLabel    *label,
                   AdwEntryRow *row,
                   const char  *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
  if (text != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
clear_entry (AdwEntryRow *row)
{
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

/* Pages --------------------------------------------------------------------- */

static void
update_header (PlStaffWindow *self)
{
  gboolean desk = self->staff != NULL;
  gboolean folded = adw_leaflet_get_folded (self->desk_leaflet);
  gboolean in_content = adw_leaflet_get_visible_child (self->desk_leaflet) ==
                        GTK_WIDGET (self->desk_stack);

  gtk_widget_set_visible (self->sign_out_button, desk);
  gtk_widget_set_visible (self->back_button, desk && folded && in_content);

  if (desk)
    {
      g_autofree char *subtitle = NULL;

      /* Translators: who is signed in, e.g. "Signed in as Sam Patel, care coordinator" */
      subtitle = g_strdup_printf (_("Signed in as %s, %s"), self->staff->display_name,
                                  pl_staff_role_label (self->staff->role));
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  else
    {
      adw_window_title_set_subtitle (self->window_title, NULL);
    }
}

static gboolean
update_header_idle_cb (gpointer data)
{
  PlStaffWindow *self = data;

  self->header_idle_id = 0;
  update_header (self);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is being laid out: changing the header then
 * would change what was just laid out, so it waits for the frame to end */
static void
desk_folded_cb (PlStaffWindow *self)
{
  if (self->header_idle_id == 0)
    self->header_idle_id = g_idle_add (update_header_idle_cb, self);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
desk_row_new (const char *title,
              const char *subtitle,
              gint64      person_id,
              const char *page)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);
  g_autofree char *name = NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), label);
  if (subtitle != NULL)
    {
      GtkWidget *sub = gtk_label_new (subtitle);

      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_widget_add_css_class (sub, "caption");
      gtk_box_append (GTK_BOX (box), sub);
    }
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  name = subtitle != NULL ? g_strdup_printf ("%s, %s", title, subtitle) : g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (row), "pl-person",
                          g_memdup2 (&person_id, sizeof person_id), g_free);
  g_object_set_data_full (G_OBJECT (row), "pl-page", g_strdup (page), g_free);
  return row;
}

static void
show_store_error (PlStaffWindow *self,
                  const GError  *error)
{
  g_autofree char *text = g_strdup_printf (_("Plainly could not read the records: %s"),
                                           error->message);

  show_notice (self, text);
}

static void
fill_desk (PlStaffWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;

  self->filling = TRUE;
  clear_list (self->people_list);
  clear_list (self->service_list);
  self->filling = FALSE;

  people = pl_store_list_people (self->store, 0, &error);
  if (people == NULL)
    show_store_error (self, error);
  else
    for (guint i = 0; i < people->len; i++)
      {
        const PlPerson *person = g_ptr_array_index (people, i);
        const char *preferred = person->preferred_name;
        g_autofree char *subtitle = NULL;

        /* Staff see the full name; the name the person likes is said too (NG86 1.4.2) */
        if (!pl_text_is_blank (preferred) && g_strcmp0 (preferred, person->full_name) != 0)
          subtitle = g_strdup_printf (_("Likes to be called %s"), preferred);
        gtk_list_box_append (self->people_list,
                             desk_row_new (person->full_name, subtitle, person->id, "plan"));
      }

  for (guint i = 0; i < pl_staff_pages_n_service_pages (); i++)
    {
      const char *page = pl_staff_pages_service_page (i);

      if (pl_staff_pages_can_open (self->staff, page))
        gtk_list_box_append (self->service_list,
                             desk_row_new (pl_staff_pages_title (page, self->staff), NULL, 0, page));
    }
}

void
pl_staff_window_fill_people (PlStaffWindow *self)
{
  g_return_if_fail (PL_IS_STAFF_WINDOW (self));
  if (self->store != NULL && self->staff != NULL)
    fill_desk (self);
}

static void
remove_content (PlStaffWindow *self)
{
  if (self->content != NULL)
    {
      gtk_stack_remove (self->desk_stack, self->content);
      self->content = NULL;
    }
  self->person_id = 0;
  gtk_stack_set_visible_child_name (self->desk_stack, "welcome");
}

gboolean
pl_staff_window_open (PlStaffWindow *self,
                      gint64         person_id,
                      const char    *page)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *content;

  g_return_val_if_fail (PL_IS_STAFF_WINDOW (self), FALSE);
  g_return_val_if_fail (page != NULL, FALSE);

  if (self->staff == NULL || !pl_staff_pages_can_open (self->staff, page))
    return FALSE;

  /* A person's pages stay open while moving between them */
  if (person_id != 0 && person_id == self->person_id && self->content != NULL)
    {
      pl_staff_pages_show (self->content, page);
      adw_leaflet_set_visible_child (self->desk_leaflet, GTK_WIDGET (self->desk_stack));
      return TRUE;
    }

  content = pl_staff_pages_new (self->store, self->staff, person_id, page, &error);
  if (content == NULL)
    {
      show_store_error (self, error);
      return FALSE;
    }

  /* Buttons built by templates and libraries get names without "_" */
  pl_widget_fix_mnemonic_buttons (content);
  remove_content (self);
  self->content = content;
  self->person_id = person_id;
  gtk_stack_add_child (self->desk_stack, content);
  gtk_stack_set_visible_child (self->desk_stack, content);
  adw_leaflet_set_visible_child (self->desk_leaflet, GTK_WIDGET (self->desk_stack));
  update_header (self);
  return TRUE;
}

/* Choosing a row opens it, as in GNOME Settings: the arrow keys and a
 * screen reader's selection work as a click does */
static void
desk_row_selected_cb (PlStaffWindow *self,
                      GtkListBoxRow *row,
                      GtkListBox    *list)
{
  const gint64 *person_id;
  const char *page;

  if (row == NULL || self->filling)
    return;

  person_id = g_object_get_data (G_OBJECT (row), "pl-person");
  page = g_object_get_data (G_OBJECT (row), "pl-page");

  /* One selection across both lists: what is open now */
  self->filling = TRUE;
  gtk_list_box_unselect_all (list == self->people_list ? self->service_list : self->people_list);
  self->filling = FALSE;

  pl_staff_window_open (self, person_id != NULL ? *person_id : 0, page);
}

GtkWidget *
pl_staff_window_get_content (PlStaffWindow *self)
{
  g_return_val_if_fail (PL_IS_STAFF_WINDOW (self), NULL);

  return self->content;
}

/* Signing in and out ---------------------------------------------------------- */

static void
idle_cb (PlStaffWindow *self)
{
  g_autofree char *reason = NULL;

  /* Translators: %u is a number of minutes */
  reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "You were signed out because Plainly was not used for %u minute.",
                                         "You were signed out because Plainly was not used for %u minutes.",
                                         self->sign_out_minutes),
                            self->sign_out_minutes);
  pl_staff_window_sign_out (self, reason);
}

static void
enter_desk (PlStaffWindow *self)
{
  show_notice (self, NULL);
  fill_desk (self);
  gtk_stack_set_visible_child_name (self->stack, "desk");
  adw_leaflet_set_visible_child (self->desk_leaflet, self->sidebar);
  pl_idle_lock_set_timeout (self->idle_lock, self->sign_out_minutes * 60 * 1000);
  update_header (self);

  {
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->people_list, 0);

    if (first != NULL)
      gtk_widget_grab_focus (GTK_WIDGET (first));
  }
}

static void
show_sign_in (PlStaffWindow *self)
{
  clear_entry (self->sign_in_password);
  show_form_message (self->sign_in_message, self->sign_in_username, NULL);
  gtk_stack_set_visible_child_name (self->stack, "sign-in");
  gtk_widget_grab_focus (GTK_WIDGET (self->sign_in_username));
}

/* Who is signed in, and so who the history says made each change made here */
static void
set_staff (PlStaffWindow *self,
           PlStaff       *staff)
{
  g_clear_pointer (&self->staff, pl_staff_free);
  self->staff = staff;
  if (self->store != NULL)
    {
      g_autofree char *actor = staff != NULL ? pl_actor_for_staff (staff) : NULL;

      pl_store_set_actor (self->store, actor);
    }
}

static void
signed_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(PlStaffWindow) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStaff) staff = NULL;

  staff = pl_staff_sign_in_finish (self->store, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->signing_in);
  gtk_editable_set_editable (GTK_EDITABLE (self->sign_in_username), TRUE);
  gtk_editable_set_editable (GTK_EDITABLE (self->sign_in_password), TRUE);
  self->signed_in = staff != NULL;

  if (staff == NULL)
    {
      gboolean wrong = g_error_matches (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WRONG_DETAILS);

      clear_entry (self->sign_in_password);
      show_form_message (self->sign_in_message,
                         wrong ? self->sign_in_password : self->sign_in_username,
                         error->message);
      return;
    }

  set_staff (self, g_steal_pointer (&staff));
  clear_entry (self->sign_in_password);
  show_form_message (self->sign_in_message, self->sign_in_username, NULL);
  enter_desk (self);
}

/* The password is checked in a worker thread (Argon2id is slow on
 * purpose) while the page says so; the window keeps drawing */
static gboolean
start_sign_in (PlStaffWindow *self,
               const char    *username,
               const char    *secret)
{
  g_autofree char *name = g_strstrip (g_strdup (username != NULL ? username : ""));

  if (self->signing_in != NULL || self->store == NULL)
    return FALSE;

  if (*name == '\0' || secret == NULL || *secret == '\0')
    {
      show_form_message (self->sign_in_message,
                         *name == '\0' ? self->sign_in_username : self->sign_in_password,
                         _("Type your user name and your password or PIN."));
      self->signed_in = FALSE;
      return FALSE;
    }

  self->signing_in = g_cancellable_new ();
  gtk_editable_set_editable (GTK_EDITABLE (self->sign_in_username), FALSE);
  gtk_editable_set_editable (GTK_EDITABLE (self->sign_in_password), FALSE);
  show_form_message (self->sign_in_message, self->sign_in_password,
                     _("Checking your user name and password…"));
  pl_staff_sign_in_async (self->store, name, secret, self->signing_in, signed_in_cb,
                          g_object_ref (self));
  return TRUE;
}

gboolean
pl_staff_window_sign_in (PlStaffWindow *self,
                         const char    *username,
                         const char    *secret)
{
  g_return_val_if_fail (PL_IS_STAFF_WINDOW (self), FALSE);

  if (!start_sign_in (self, username, secret))
    return FALSE;
  /* As typing and pressing Enter does, but waiting on the main loop for
   * the answer, which arrives there */
  while (self->signing_in != NULL)
    g_main_context_iteration (NULL, TRUE);
  return self->signed_in;
}

gboolean
pl_staff_window_get_checking (PlStaffWindow *self)
{
  g_return_val_if_fail (PL_IS_STAFF_WINDOW (self), FALSE);

  return self->signing_in != NULL;
}

static void
sign_in_activate_cb (PlStaffWindow *self)
{
  start_sign_in (self,
                 gtk_editable_get_text (GTK_EDITABLE (self->sign_in_username)),
                 gtk_editable_get_text (GTK_EDITABLE (self->sign_in_password)));
}

void
pl_staff_window_sign_out (PlStaffWindow *self,
                          const char    *reason)
{
  g_return_if_fail (PL_IS_STAFF_WINDOW (self));

  /* Nothing of what was open stays behind: pages are destroyed, not hidden,
   * and nothing of theirs is still being said */
  if (self->voice != NULL)
    pl_voice_stop (self->voice);
  remove_content (self);
  self->filling = TRUE;
  clear_list (self->people_list);
  clear_list (self->service_list);
  self->filling = FALSE;
  set_staff (self, NULL);
  pl_idle_lock_set_timeout (self->idle_lock, 0);
  clear_entry (self->sign_in_username);
  show_sign_in (self);
  update_header (self);
  show_notice (self, reason);
}

static void
setup_activate_cb (PlStaffWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStaff) staff = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->setup_name));
  const char *username = gtk_editable_get_text (GTK_EDITABLE (self->setup_username));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->setup_password));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->setup_confirm));
  g_autofree char *clean_name = g_strstrip (g_strdup (name));
  g_autofree char *clean_username = g_strstrip (g_strdup (username));

  if (self->store == NULL)
    return;
  if (*clean_name == '\0')
    {
      show_form_message (self->setup_message, self->setup_name,
                         _("Write your name, as the people you support and your colleagues know you."));
      return;
    }
  if (*clean_username == '\0')
    {
      show_form_message (self->setup_message, self->setup_username,
                         _("Choose a user name to sign in with."));
      return;
    }
  if (g_strcmp0 (password, confirm) != 0)
    {
      clear_entry (self->setup_confirm);
      show_form_message (self->setup_message, self->setup_confirm,
                         _("The two passwords are not the same. Type it again."));
      return;
    }

  staff = pl_staff_create (self->store, NULL, clean_username, clean_name,
                           PL_ROLE_MANAGER, password, &error);
  if (staff == NULL)
    {
      AdwEntryRow *row = self->setup_username;

      if (g_error_matches (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WEAK_SECRET))
        row = self->setup_password;
      show_form_message (self->setup_message, row, error->message);
      /* Someone else set the service up meanwhile: sign in instead */
      if (g_error_matches (error, PL_STAFF_ERROR, PL_STAFF_ERROR_NOT_ALLOWED))
        show_sign_in (self);
      return;
    }

  clear_entry (self->setup_password);
  clear_entry (self->setup_confirm);
  show_form_message (self->setup_message, self->setup_name, NULL);
  set_staff (self, g_steal_pointer (&staff));
  enter_desk (self);
  show_notice (self, _("Your manager account is ready. Add your colleagues under Staff accounts."));
}

const PlStaff *
pl_staff_window_get_staff (PlStaffWindow *self)
{
  g_return_val_if_fail (PL_IS_STAFF_WINDOW (self), NULL);

  return self->staff;
}

const char *
pl_staff_window_get_page (PlStaffWindow *self)
{
  g_return_val_if_fail (PL_IS_STAFF_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
pl_staff_window_get_notice (PlStaffWindow *self)
{
  g_return_val_if_fail (PL_IS_STAFF_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->notice_revealer))
    return NULL;
  return gtk_label_get_label (self->notice_label);
}

void
pl_staff_window_set_sign_out_minutes (PlStaffWindow *self,
                                      guint          minutes)
{
  g_return_if_fail (PL_IS_STAFF_WINDOW (self));

  self->sign_out_minutes = minutes;
  if (self->staff != NULL)
    pl_idle_lock_set_timeout (self->idle_lock, minutes * 60 * 1000);
}

PlIdleLock *
pl_staff_window_get_idle_lock (PlStaffWindow *self)
{
  g_return_val_if_fail (PL_IS_STAFF_WINDOW (self), NULL);

  return self->idle_lock;
}

/* Actions ----------------------------------------------------------------- */

static void
sign_out_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  pl_staff_window_sign_out (PL_STAFF_WINDOW (widget), NULL);
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PlStaffWindow *self = PL_STAFF_WINDOW (widget);

  adw_leaflet_navigate (self->desk_leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The other window ------------------------------------------------------ */

static void
store_committed_cb (PlStore  *store,
                    gpointer  data)
{
  g_signal_emit (PL_STAFF_WINDOW (data), signals[SIGNAL_RECORDS_CHANGED], 0);
}

gboolean
pl_staff_window_read_changes (PlStaffWindow *self)
{
  gint64 version;

  g_return_val_if_fail (PL_IS_STAFF_WINDOW (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  version = pl_store_get_data_version (self->store);
  if (version == self->data_version)
    return FALSE;
  self->data_version = version;
  if (self->staff == NULL || self->content == NULL)
    return FALSE;
  pl_staff_pages_read_changes (self->content);
  return TRUE;
}

/* Brought forward: what another program changed meanwhile is read again
 * too (the person's window says so as it commits) */
static void
active_changed_cb (PlStaffWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    pl_staff_window_read_changes (self);
}

PlStore *
pl_staff_window_get_store (PlStaffWindow *self)
{
  g_return_val_if_fail (PL_IS_STAFF_WINDOW (self), NULL);

  return self->store;
}

/* GObject ----------------------------------------------------------------- */

static void
pl_staff_window_constructed (GObject *object)
{
  PlStaffWindow *self = PL_STAFF_WINDOW (object);
  GApplication *app = g_application_get_default ();
  g_autoptr(GError) error = NULL;
  gboolean first;

  G_OBJECT_CLASS (pl_staff_window_parent_class)->constructed (object);

  self->sign_out_minutes = DEFAULT_SIGN_OUT_MINUTES;
  if (PL_IS_APPLICATION (app) && pl_application_get_settings (PL_APPLICATION (app)) != NULL)
    self->sign_out_minutes = g_settings_get_uint (pl_application_get_settings (PL_APPLICATION (app)),
                                                  "staff-sign-out-minutes");

  self->idle_lock = pl_idle_lock_new (GTK_WINDOW (self));
  pl_idle_lock_set_timeout (self->idle_lock, 0);
  g_signal_connect_object (self->idle_lock, "idle", G_CALLBACK (idle_cb), self,
                           G_CONNECT_SWAPPED);

  /* Its own connection, for its own actor; the person's window keeps its */
  self->store = pl_store_open_another (self->opened_from, &error);
  self->opened_from = NULL;
  if (self->store == NULL)
    {
      show_sign_in (self);
      show_store_error (self, error);
      gtk_widget_set_sensitive (GTK_WIDGET (self->stack), FALSE);
      return;
    }
  self->data_version = pl_store_get_data_version (self->store);
  pl_store_set_commit_func (self->store, store_committed_cb, self);

  first = pl_staff_needs_first_manager (self->store, &error);
  if (error != NULL)
    {
      show_sign_in (self);
      show_store_error (self, error);
      return;
    }
  if (first)
    {
      gtk_stack_set_visible_child_name (self->stack, "setup");
      gtk_widget_grab_focus (GTK_WIDGET (self->setup_name));
    }
  else
    {
      show_sign_in (self);
    }
  update_header (self);
}

PlVoice *
pl_staff_window_get_voice (PlStaffWindow *self)
{
  g_return_val_if_fail (PL_IS_STAFF_WINDOW (self), NULL);

  if (self->voice == NULL)
    self->voice = pl_voice_new ();
  return self->voice;
}

static void
pl_staff_window_dispose (GObject *object)
{
  PlStaffWindow *self = PL_STAFF_WINDOW (object);

  /* A sign-in still being checked is dropped: nobody is let in */
  if (self->signing_in != NULL)
    g_cancellable_cancel (self->signing_in);
  g_clear_object (&self->signing_in);
  g_clear_object (&self->idle_lock);
  if (self->voice != NULL)
    pl_voice_stop (self->voice);
  g_clear_object (&self->voice);
  g_clear_pointer (&self->staff, pl_staff_free);
  g_clear_handle_id (&self->header_idle_id, g_source_remove);
  self->content = NULL;
  if (self->store != NULL)
    pl_store_set_commit_func (self->store, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_STAFF_WINDOW);

  G_OBJECT_CLASS (pl_staff_window_parent_class)->dispose (object);
}

/* The pages lent the store are gone with the template: only this window's
 * connection is closed */
static void
pl_staff_window_finalize (GObject *object)
{
  PlStaffWindow *self = PL_STAFF_WINDOW (object);

  g_clear_pointer (&self->store, pl_store_unref);

  G_OBJECT_CLASS (pl_staff_window_parent_class)->finalize (object);
}

static void
pl_staff_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PlStaffWindow *self = PL_STAFF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->opened_from = g_value_get_pointer (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_staff_window_class_init (PlStaffWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pl_staff_window_constructed;
  object_class->dispose = pl_staff_window_dispose;
  object_class->finalize = pl_staff_window_finalize;
  object_class->set_property = pl_staff_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_pointer ("store", NULL, NULL,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* This window's connection has committed changes: a window showing the
   * same records reads them again */
  signals[SIGNAL_RECORDS_CHANGED] =
    g_signal_new ("records-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/plainly/Plainly/ui/pl-staff-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlStaffWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlStaffWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, PlStaffWindow, sign_out_button);
  gtk_widget_class_bind_template_child (widget_class, PlStaffWindow, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlStaffWindow, notice_label);
  gtk_widget_class_bind_template_child (widget_class, PlStaffWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PlStaffWindow, setup_name);
  gtk_widget_class_bind_template_child (widget_class, PlStaffWindow, setup_username);
  gtk_widget_class_bind_template_child (widget_class, PlStaffWindow, setup_password);
  gtk_widget_class_bind_template_child (widget_class, PlStaffWindow, setup_confirm);
  gtk_widget_class_bind_template_child (widget_class, PlStaffWindow, setup_message);
  gtk_widget_class_bind_template_child (widget_class, PlStaffWindow, sign_in_username);
  gtk_widget_class_bind_template_child (widget_class, PlStaffWindow, sign_in_password);
  gtk_widget_class_bind_template_child (widget_class, PlStaffWindow, sign_in_message);
  gtk_widget_class_bind_template_child (widget_class, PlStaffWindow, desk_leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlStaffWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PlStaffWindow, people_list);
  gtk_widget_class_bind_template_child (widget_class, PlStaffWindow, service_list);
  gtk_widget_class_bind_template_child (widget_class, PlStaffWindow, desk_stack);
  /* Known by name only, for tests to press */
  gtk_widget_class_bind_template_child_full (widget_class, "setup_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "sign_in_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, notice_dismissed_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_folded_cb);

  gtk_widget_class_install_action (widget_class, "staff.sign-out", NULL, sign_out_action_cb);
  gtk_widget_class_install_action (widget_class, "staff.back", NULL, back_action_cb);
  gtk_widget_class_install_action (widget_class, "staff.import", NULL,
                                   pl_staff_window_import_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_q,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "staff.sign-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "staff.back", NULL);
}

static void
pl_staff_window_init (PlStaffWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Orca would say "GtkStackPage panel" as the focus enters each page */
  pl_widget_unname_stack_pages (GTK_WIDGET (self));
  pl_widget_name_password_toggles (GTK_WIDGET (self));
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed_cb), NULL);
}

PlStaffWindow *
pl_staff_window_new (GtkApplication *application,
                     PlStore        *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store != NULL, NULL);

  return g_object_new (PL_TYPE_STAFF_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}
