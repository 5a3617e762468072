/* pl-window-start.c: "Who is using Plainly?": the start screen and its PIN gate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One large button for each person and each carer. Choosing a name asks
 * for their PIN when they have one; the access policy (pl-access.c) decides,
 * and the window keeps the PlViewer it gives.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-window-private.h"

static void choose_person (PlWindow *self,
                           gint64    person_id);
static void choose_carer  (PlWindow *self,
                           gint64    carer_id);

void
pl_window_focus_person_button (PlWindow *self,
                     gint64    person_id,
                     gint64    carer_id)
{
  GtkWidget *button = NULL;

  if (carer_id != 0)
    button = g_hash_table_lookup (self->carer_buttons, &carer_id);
  else if (person_id != 0)
    button = g_hash_table_lookup (self->person_buttons, &person_id);
  if (button == NULL)
    button = gtk_widget_get_first_child (GTK_WIDGET (self->people_box));
  if (button == NULL)
    button = gtk_widget_get_first_child (GTK_WIDGET (self->carers_box));
  if (button != NULL)
    gtk_widget_grab_focus (button);
}

void
pl_window_focus_supported_button (PlWindow *self,
                        gint64    person_id)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->supported_box));

  for (GtkWidget *child = first; child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      gint64 *id = g_object_get_data (G_OBJECT (child), "pl-person-id");

      if (id != NULL && *id == person_id)
        {
          gtk_widget_grab_focus (child);
          return;
        }
    }
  if (first != NULL)
    gtk_widget_grab_focus (first);
}

static void
person_button_clicked_cb (GtkButton *button,
                          PlWindow  *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "pl-person-id");

  if (id != NULL)
    choose_person (self, *id);
}

static void
carer_button_clicked_cb (GtkButton *button,
                         PlWindow  *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "pl-carer-id");

  if (id != NULL)
    choose_carer (self, *id);
}

void
pl_window_supported_button_clicked_cb (GtkButton *button,
                             PlWindow  *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "pl-person-id");

  /* From the carer's viewer, kept since their PIN was given */
  if (id != NULL && self->viewer != NULL && pl_viewer_get_kind (self->viewer) == PL_VIEWER_CARER)
    pl_window_open_home (self, self->viewer, *id);
}

/* One large button with the name and initials; key says what it opens */
GtkWidget *
pl_window_profile_button_new (PlWindow   *self,
                    const char *name,
                    const char *key,
                    gint64      id,
                    GCallback   clicked)
{
  GtkWidget *button;
  GtkWidget *box;
  GtkWidget *avatar;
  GtkWidget *label;
  GtkWidget *arrow;

  button = gtk_button_new ();
  gtk_widget_add_css_class (button, "pl-person-button");

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);

  /* The initials help those who recognise them faster than reading */
  avatar = adw_avatar_new (72, name, TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (avatar), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), avatar);

  label = gtk_label_new (name);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "pl-person-name");
  gtk_box_append (GTK_BOX (box), label);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_add_css_class (arrow, "pl-person-arrow");
  gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), arrow);

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);

  g_object_set_data_full (G_OBJECT (button), key, g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (button, "clicked", clicked, self);
  return button;
}

int
pl_window_compare_people (gconstpointer a,
                gconstpointer b)
{
  const PlPerson *pa = *(const PlPerson **) a;
  const PlPerson *pb = *(const PlPerson **) b;

  return g_utf8_collate (pl_window_person_display_name (pa), pl_window_person_display_name (pb));
}

void
pl_window_clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

void
pl_window_clear_people (PlWindow *self)
{
  pl_window_clear_box (self->people_box);
  pl_window_clear_box (self->carers_box);
  pl_window_clear_box (self->supported_box);
  g_hash_table_remove_all (self->person_buttons);
  g_hash_table_remove_all (self->carer_buttons);
  gtk_widget_set_visible (self->carers_heading, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->carers_box), FALSE);
}

/* Carers who sign in to read what the people they support share with them */
static gboolean
add_carers (PlWindow  *self,
            GError   **error)
{
  g_autoptr(GPtrArray) carers = pl_store_list_carers (self->store, 0, error);

  if (carers == NULL)
    return FALSE;

  for (guint i = 0; i < carers->len; i++)
    {
      const PlCarer *carer = g_ptr_array_index (carers, i);
      GtkWidget *button = pl_window_profile_button_new (self, carer->name, "pl-carer-id", carer->id,
                                              G_CALLBACK (carer_button_clicked_cb));

      gtk_box_append (self->carers_box, button);
      g_hash_table_insert (self->carer_buttons,
                           g_memdup2 (&carer->id, sizeof carer->id), button);
    }

  gtk_widget_set_visible (self->carers_heading, carers->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->carers_box), carers->len > 0);
  return TRUE;
}

/* The "no one is set up" and error pages stay hidden until one is needed:
 * GTK styles every widget that is not hidden, and styling their pictures
 * would load them, and the SVG loader with them, for every start */
static void
show_people_stack_page (PlWindow   *self,
                        const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->people_stack, name);

  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (self->people_stack, page);
}

void
pl_window_show_error_page (PlWindow     *self,
                 const GError *error)
{
  adw_status_page_set_title (self->error_status, pl_window_store_error_heading (error));
  adw_status_page_set_description (self->error_status, error->message);
  show_people_stack_page (self, "error");
}

static gint64
remembered_person (PlWindow *self)
{
  g_autofree char *last_database = NULL;

  if (self->settings == NULL || self->path == NULL)
    return 0;

  last_database = g_settings_get_string (self->settings, "last-database");
  if (g_strcmp0 (last_database, self->path) != 0)
    return 0;
  return g_settings_get_int64 (self->settings, "last-person");
}

void
pl_window_reload (PlWindow *self)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PL_IS_WINDOW (self));

  pl_window_clear_people (self);
  adw_leaflet_set_visible_child (self->leaflet, self->people_page);

  if (self->store == NULL)
    {
      show_people_stack_page (self, "error");
      return;
    }

  people = pl_store_list_people (self->store, 0, &error);
  if (people == NULL)
    {
      pl_window_show_error_page (self, error);
      pl_window_show_error (self, _("Plainly could not read the list of people"), error->message, TRUE);
      return;
    }

  if (people->len == 0)
    {
      show_people_stack_page (self, "empty");
      return;
    }

  g_ptr_array_sort (people, pl_window_compare_people);
  for (guint i = 0; i < people->len; i++)
    {
      const PlPerson *person = g_ptr_array_index (people, i);
      GtkWidget *button = pl_window_profile_button_new (self, pl_window_person_display_name (person),
                                              "pl-person-id", person->id,
                                              G_CALLBACK (person_button_clicked_cb));

      gtk_box_append (self->people_box, button);
      g_hash_table_insert (self->person_buttons,
                           g_memdup2 (&person->id, sizeof person->id), button);
    }

  if (!add_carers (self, &error))
    pl_window_show_error (self, _("Plainly could not read the list of carers"), error->message, FALSE);

  show_people_stack_page (self, "list");
  /* The keyboard starts on whoever chose last, never opening their plan for them */
  pl_window_focus_person_button (self, remembered_person (self), 0);
}

/* Choosing a name: their PIN first, if they have one ------------------- */

/* The PIN dialog's answer: who is reading, as the access policy let them */
static void
pin_unlocked_cb (PlPinDialog *dialog,
                 PlViewer    *viewer,
                 PlWindow    *self)
{
  if (pl_viewer_get_kind (viewer) == PL_VIEWER_CARER)
    pl_window_open_carer_as (self, viewer);
  else
    {
      adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->supported_page),
                                        FALSE);
      pl_window_open_home (self, viewer, pl_viewer_get_person_id (viewer));
    }
}

static void
pin_dialog_destroyed_cb (PlWindow *self)
{
  self->pin_dialog = NULL;
}

/* Wrong tries and the wait they earn are kept in the database by the access
 * policy, so closing the dialog or Plainly does not reset them */
static void
ask_pin (PlWindow     *self,
         PlViewerKind  kind,
         gint64        id,
         const char   *name)
{
  if (self->pin_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->pin_dialog));

  self->pin_dialog = pl_pin_dialog_new (GTK_WINDOW (self), self->store, kind, id, name);
  g_signal_connect (self->pin_dialog, "unlocked", G_CALLBACK (pin_unlocked_cb), self);
  g_signal_connect_swapped (self->pin_dialog, "destroy", G_CALLBACK (pin_dialog_destroyed_cb), self);
  gtk_window_present (GTK_WINDOW (self->pin_dialog));
}

static void
choose_person (PlWindow *self,
               gint64    person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = NULL;
  gboolean needs_pin = FALSE;

  if (self->store == NULL)
    return;

  person = pl_store_load_person (self->store, person_id, &error);
  if (person == NULL ||
      !pl_access_needs_pin (self->store, PL_VIEWER_PERSON, person_id, &needs_pin, &error))
    pl_window_show_error (self, _("Plainly could not open this person’s page"), error->message, FALSE);
  else if (needs_pin)
    ask_pin (self, PL_VIEWER_PERSON, person_id, pl_window_person_display_name (person));
  else
    pl_window_open_person (self, person_id);
}

static void
choose_carer (PlWindow *self,
              gint64    carer_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlCarer) carer = NULL;
  gboolean needs_pin = FALSE;

  if (self->store == NULL)
    return;

  carer = pl_store_load_carer (self->store, carer_id, &error);
  if (carer == NULL ||
      !pl_access_needs_pin (self->store, PL_VIEWER_CARER, carer_id, &needs_pin, &error))
    pl_window_show_error (self, _("Plainly could not open your page"), error->message, FALSE);
  else if (needs_pin)
    ask_pin (self, PL_VIEWER_CARER, carer_id, carer->name);
  else
    pl_window_open_carer (self, carer_id);
}

PlPinDialog *
pl_window_get_pin_dialog (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return self->pin_dialog;
}

GtkWidget *
pl_window_get_carer_button (PlWindow *self,
                            gint64    carer_id)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return g_hash_table_lookup (self->carer_buttons, &carer_id);
}

/* Nobody has touched the window for the time the reader chose */
void
pl_window_lock (PlWindow *self)
{
  g_autofree char *text = NULL;
  guint minutes;

  g_return_if_fail (PL_IS_WINDOW (self));

  if (adw_leaflet_get_visible_child (self->leaflet) == self->people_page)
    return;

  minutes = self->reader_settings != NULL ? (guint) MAX (self->reader_settings->lock_minutes, 0) : 0;
  pl_window_clear_error_dialog (self);
  adw_leaflet_set_visible_child (self->leaflet, self->people_page);

  if (minutes > 0)
    {
      text = g_strdup_printf (ngettext ("Plainly went back to the start because nobody used it "
                                        "for %u minute.",
                                        "Plainly went back to the start because nobody used it "
                                        "for %u minutes.", minutes),
                              minutes);
      pl_window_show_notice (self, text);
    }
}

GtkWidget *
pl_window_get_person_button (PlWindow *self,
                             gint64    person_id)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return g_hash_table_lookup (self->person_buttons, &person_id);
}
