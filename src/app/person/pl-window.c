/* pl-window.c: the main window: who is using Plainly, then their documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A leaflet that never unfolds works as a stack of pages with Back: the start
 * screen first, then the person's home, then what they opened from it. Each
 * window holds one database. Its parts live beside it: the start screen and
 * its PIN gate (pl-window-start.c), the person's home and what it opens
 * (pl-window-home.c), who is reading and how (pl-window-reading.c) and the
 * window's actions (pl-window-actions.c).
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-actor.h"
#include "pl-application.h"
#include "pl-reader-style.h"
#include "pl-screen-reader.h"
#include "pl-staff-window.h"
#include "pl-window-private.h"
#include "pl-widget-util.h"

static void close_staff_window (PlWindow *self);

/* This window's connection has committed changes (settings, a comment on
 * the diary, a complaint sent): the staff window, if open, shows them now,
 * not only when it is next brought forward */
static void
store_committed_cb (PlStore  *store,
                    gpointer  data)
{
  PlWindow *self = PL_WINDOW (data);

  if (self->staff_window != NULL)
    pl_staff_window_read_changes (PL_STAFF_WINDOW (self->staff_window));
}

G_DEFINE_FINAL_TYPE (PlWindow, pl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_TEXT_SIZE,
  PROP_THEME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The reader's text size and theme may both have changed */
void
pl_window_notify_look (PlWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SIZE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME]);
}

const char *
pl_window_person_display_name (const PlPerson *person)
{
  /* NG86 1.4.2: the name the person wants to be called */
  if (person->preferred_name != NULL && person->preferred_name[0] != '\0')
    return person->preferred_name;
  return person->full_name != NULL ? person->full_name : "";
}

const char *
pl_window_store_error_heading (const GError *error)
{
  if (error->domain != PL_STORE_ERROR)
    return _("Plainly could not open the database");

  switch ((PlStoreError) error->code)
    {
    case PL_STORE_ERROR_NO_DIRECTORY:
      return _("The folder for the database is missing");
    case PL_STORE_ERROR_NOT_DATABASE:
      return _("This file is not a Plainly database");
    case PL_STORE_ERROR_NOT_OURS:
      return _("This database belongs to another program");
    case PL_STORE_ERROR_CORRUPT:
      return _("This database is damaged");
    case PL_STORE_ERROR_TOO_NEW:
      return _("This database needs a newer Plainly");
    case PL_STORE_ERROR_READ_ONLY:
      return _("This database cannot be changed");
    case PL_STORE_ERROR_FULL:
      return _("The disk is full");
    case PL_STORE_ERROR_BUSY:
      return _("Another program is using this database");
    case PL_STORE_ERROR_NOT_FOUND:
      return _("The database was not found");
    case PL_STORE_ERROR_INVALID:
    case PL_STORE_ERROR_FAILED:
    default:
      return _("Plainly could not open the database");
    }
}

static void
error_dialog_response_cb (PlWindow   *self,
                          const char *response)
{
  if (g_strcmp0 (response, "choose") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.choose-database", NULL);
}

void
pl_window_clear_error_dialog (PlWindow *self)
{
  GtkWindow *dialog = self->error_dialog;

  if (dialog == NULL)
    return;

  /* Unhook first: the dialog may outlive this window, or the next dialog */
  g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->error_dialog);
  self->error_dialog = NULL;
  gtk_window_destroy (dialog);
}

void
pl_window_show_error (PlWindow   *self,
            const char *heading,
            const char *body,
            gboolean    offer_choose)
{
  GtkWidget *dialog;

  pl_window_clear_error_dialog (self);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (offer_choose)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "choose",
                                       _("C_hoose Another File…"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose",
                                                  ADW_RESPONSE_SUGGESTED);
    }
  /* Enter and Escape both do the safe thing */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_widget_add_css_class (dialog, "pl-dialog");
  g_signal_connect_object (dialog, "response", G_CALLBACK (error_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);

  self->error_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->error_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The reader and its voice show the same document, or none */
void
pl_window_show_document (PlWindow   *self,
               PlDocument *document)
{
  pl_reader_set_document (self->reader, document);
  pl_window_update_read_aloud_document (self);
}

/* The voice reads what is on screen: in easy read, its lines (the parts
 * staff wrote in easy read in place of the words they stand for), a line
 * at a time with the line shaded beside its picture */
void
pl_window_update_read_aloud_document (PlWindow *self)
{
  PlDocument *shown = pl_document_view_get_document (self->document_view);
  PlDocument *read = shown;

  if (shown != NULL && self->reader_settings != NULL && self->reader_settings->easy_read)
    read = pl_easy_read_view_get_spoken_document (pl_reader_get_easy_read_view (self->reader));
  if (read != pl_read_aloud_bar_get_document (self->read_aloud_bar))
    pl_read_aloud_bar_set_document (self->read_aloud_bar, read);
}

void
pl_window_update_window_title (PlWindow *self)
{
  GtkWidget *visible = adw_leaflet_get_visible_child (self->leaflet);
  PlDocument *document = pl_document_view_get_document (self->document_view);

  /* With a screen reader the window keeps its name: the document's
   * heading, which takes the focus, says its title, and Orca said the
   * new window name as well, so the title twice */
  if (visible == self->reader_page && document != NULL &&
      !pl_screen_reader_get_running (pl_screen_reader_get_default ()))
    {
      g_autofree char *title = g_strdup_printf (_("%s – Plainly"),
                                                pl_document_get_title (document));
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Plainly"));
}

void
pl_window_update_reader_actions (PlWindow *self)
{
  gboolean reading = self->reader_settings != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.zoom-in", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.zoom-out", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.zoom-reset", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.text-size", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.theme", reading);
}

static void
forget_document_at_start (PlWindow *self)
{
  /* Once the reader has slid away, forget what it showed: on a shared
   * computer the next person should not find it behind the start screen. */
  if (!adw_leaflet_get_child_transition_running (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) == self->people_page)
    {
      pl_window_show_document (self, NULL);
      g_clear_pointer (&self->reader_settings, pl_settings_free);
      pl_window_update_reader_actions (self);
    }
}

static void
leaflet_visible_child_cb (PlWindow *self)
{
  GtkWidget *visible = adw_leaflet_get_visible_child (self->leaflet);
  gboolean at_start = visible == self->people_page;
  GAction *back = g_action_map_lookup_action (G_ACTION_MAP (self), "back");

  if (back != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (back), !at_start);

  /* Reading aloud belongs to the document on screen */
  if (visible != self->reader_page)
    pl_read_aloud_bar_stop (self->read_aloud_bar);

  /* What was written is kept, and the form lets go of the person */
  if (visible != self->feedback_box && self->complaint_form != NULL)
    pl_complaint_form_set_person (self->complaint_form, NULL, 0, NULL);

  if (at_start)
    {
      /* Back where they started, on the button they pressed. Nobody is
       * reading now, so nothing is left to lock. */
      if (self->person_id != 0 || self->carer_id != 0)
        pl_window_focus_person_button (self, self->person_id, self->carer_id);
      self->person_id = 0;
      self->carer_id = 0;
      pl_window_set_viewer (self, NULL);
      pl_idle_lock_set_timeout (self->idle_lock, 0);
      pl_talking_buttons_set_enabled (self->talking, FALSE);
      pl_window_set_words_language (self, NULL);
    }
  else if (visible == self->supported_page)
    {
      pl_window_focus_supported_button (self, self->person_id);
    }
  else if (visible == self->home_page && self->in_settings)
    {
      self->in_settings = FALSE;
      gtk_widget_grab_focus (self->settings_button);
    }
  else if (visible == self->home_page && self->in_feedback)
    {
      self->in_feedback = FALSE;
      gtk_widget_grab_focus (self->feedback_button);
    }
  else if (visible == self->home_page && self->home_buttons[self->page] != NULL)
    {
      /* Back home from reading, on the choice they made */
      gtk_widget_grab_focus (self->home_buttons[self->page]);
    }

  forget_document_at_start (self);
  pl_window_update_window_title (self);
}

static void
leaflet_transition_running_cb (PlWindow *self)
{
  forget_document_at_start (self);
}

gboolean
pl_window_open_database (PlWindow   *self,
                         const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notices = NULL;
  PlStore *store;

  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A file that cannot be written is still shown, saying so */
  store = pl_store_open (path, PL_STORE_OPEN_READ_IF_READ_ONLY, &error);
  if (store == NULL)
    {
      /* A database already open stays open; otherwise the start screen says
       * what went wrong and how to go on. */
      if (self->store == NULL)
        {
          g_free (self->path);
          self->path = g_strdup (path);
          pl_window_clear_people (self);
          adw_leaflet_set_visible_child (self->leaflet, self->people_page);
          pl_window_show_error_page (self, error);
        }
      pl_window_show_error (self, pl_window_store_error_heading (error), error->message, TRUE);
      return FALSE;
    }

  if (self->complaint_form != NULL)
    pl_complaint_form_set_person (self->complaint_form, NULL, 0, NULL);
  close_staff_window (self);
  if (self->store != NULL)
    pl_store_set_commit_func (self->store, NULL, NULL);
  g_clear_pointer (&self->store, pl_store_unref);
  self->store = store;
  pl_store_set_commit_func (store, store_committed_cb, self);
  g_free (self->path);
  self->path = g_strdup (path);
  self->person_id = 0;
  pl_window_set_viewer (self, NULL);
  self->data_version = pl_store_get_data_version (store);
  pl_window_show_document (self, NULL);
  g_clear_pointer (&self->reader_settings, pl_settings_free);
  pl_window_update_reader_actions (self);

  pl_window_reload (self);
  /* A backup kept before an update, the file made private, or read-only */
  notices = g_strjoinv ("\n", (char **) pl_store_get_notices (store));
  if (*notices != '\0')
    pl_window_show_notice (self, notices);
  return TRUE;
}

const char *
pl_window_get_database_path (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return self->path;
}

PlStore *
pl_window_get_store (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return self->store;
}

int
pl_window_get_text_size (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), PL_TEXT_SIZE_STANDARD);

  if (self->reader_settings == NULL)
    return PL_TEXT_SIZE_STANDARD;
  return pl_text_size_step (self->reader_settings->text_size, 0);
}

void
pl_window_set_text_size (PlWindow *self,
                         int       points)
{
  g_return_if_fail (PL_IS_WINDOW (self));

  if (self->reader_settings == NULL)
    return;

  points = pl_text_size_step (points, 0);
  if (self->reader_settings->text_size == points)
    return;

  self->reader_settings->text_size = points;
  pl_window_apply_reader_style (self);
  pl_window_save_reader_settings (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SIZE]);
}

const char *
pl_window_get_theme (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return pl_theme_lookup (self->reader_settings != NULL ? self->reader_settings->theme
                                                        : NULL)->id;
}

void
pl_window_set_theme (PlWindow   *self,
                     const char *theme_id)
{
  const char *id;

  g_return_if_fail (PL_IS_WINDOW (self));

  if (self->reader_settings == NULL)
    return;

  /* Unknown names give the standard theme, as pl_theme_lookup() does */
  id = pl_theme_lookup (theme_id)->id;
  if (g_strcmp0 (self->reader_settings->theme, id) == 0)
    return;

  g_free (self->reader_settings->theme);
  self->reader_settings->theme = g_strdup (id);
  pl_window_apply_reader_style (self);
  pl_window_save_reader_settings (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME]);
}

static void
notice_dismissed_cb (PlWindow *self)
{
  gtk_revealer_set_reveal_child (self->notice_revealer, FALSE);
}

void
pl_window_show_notice (PlWindow   *self,
                       const char *text)
{
  g_return_if_fail (PL_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  gtk_label_set_label (self->notice_label, text);
  /* The alert is named by its words: unnamed, GTK 4.8 gives Orca its type
   * name ("alert GtkBox") and the words go unsaid */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_revealer_get_child (self->notice_revealer)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  gtk_revealer_set_reveal_child (self->notice_revealer, TRUE);
}

const char *
pl_window_get_notice (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->notice_revealer))
    return NULL;
  return gtk_label_get_label (self->notice_label);
}

gboolean
pl_window_go_back (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);

  if (adw_leaflet_get_visible_child (self->leaflet) == self->people_page)
    return FALSE;

  /* Within the document first: back to where they were before a jump */
  if (adw_leaflet_get_visible_child (self->leaflet) == self->reader_page &&
      pl_reader_go_back (self->reader))
    return TRUE;

  return adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

PlDocumentView *
pl_window_get_document_view (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return self->document_view;
}

GtkWindow *
pl_window_get_error_dialog (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return self->error_dialog;
}

/* Staff ------------------------------------------------------------------ */

void
pl_window_set_viewer (PlWindow *self,
                      PlViewer *viewer)
{
  g_autofree char *actor = NULL;

  if (self->viewer != viewer)
    {
      g_clear_pointer (&self->viewer, pl_viewer_unref);
      self->viewer = viewer != NULL ? pl_viewer_ref (viewer) : NULL;
    }
  /* What they change here (their settings, a complaint, words in their
   * diary) is theirs in the history: the person's, or the carer's */
  if (self->store != NULL && !pl_store_is_read_only (self->store))
    {
      actor = viewer != NULL ? pl_actor_for_viewer (viewer) : NULL;
      pl_store_set_actor (self->store, actor);
    }
}

/* The staff window, or another program, changed the file: the document
 * being read is read again, the reader where it was */
gboolean
pl_window_read_changes (PlWindow *self)
{
  g_autoptr(PlDocument) document = NULL;
  g_autofree char *anchor = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  PlDocument *shown;
  GtkWidget *visible;
  double offset = 0;
  gint64 version;

  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  version = pl_store_get_data_version (self->store);
  if (version == self->data_version)
    return FALSE;
  self->data_version = version;
  /* Staff may have changed how a word is said */
  pl_window_load_lexicon (self);

  /* The start screen and the home are read again when the staff window
   * closes (people may have been added): built again under someone's
   * finger, a button would lose the press */
  visible = adw_leaflet_get_visible_child (self->leaflet);
  shown = pl_document_view_get_document (self->document_view);
  if (visible != self->reader_page || shown == NULL || self->viewer == NULL)
    return FALSE;

  document = pl_document_build_for (self->store, self->viewer, self->page, NULL);
  if (document == NULL)
    return FALSE;
  before = pl_document_to_text (shown);
  after = pl_document_to_text (document);
  /* Not the same words: a reading aloud goes on undisturbed */
  if (g_strcmp0 (before, after) == 0)
    return FALSE;

  pl_document_view_get_position (self->document_view, &anchor, &offset);
  adw_window_title_set_title (self->reader_title, pl_document_get_title (document));
  pl_window_show_document (self, document);
  pl_window_update_window_title (self);
  if (anchor != NULL)
    pl_document_view_set_position (self->document_view, anchor, offset);
  /* Shown now, so the next "what has changed" starts from here */
  pl_document_note_shown (self->store, self->viewer, self->page, NULL);
  return TRUE;
}

static void
active_changed_cb (PlWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    pl_window_read_changes (self);
}

static void
close_staff_window (PlWindow *self)
{
  if (self->staff_window != NULL)
    gtk_window_destroy (self->staff_window);
}

static void
staff_window_destroyed_cb (PlWindow *self)
{
  g_clear_weak_pointer (&self->staff_window);
  /* Staff may have added or changed people; the start screen shows them */
  if (self->store != NULL && !gtk_widget_in_destruction (GTK_WIDGET (self)))
    pl_window_reload (self);
}

/* Staff work in a window of their own: the person's window stays theirs,
 * and closing or timing out the staff window signs staff out */
GtkWindow *
pl_window_open_staff (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  if (self->store == NULL)
    return NULL;

  if (self->staff_window == NULL)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      GtkWindow *window = GTK_WINDOW (pl_staff_window_new (app, self->store));

      g_set_weak_pointer (&self->staff_window, window);
      g_signal_connect_object (window, "destroy",
                               G_CALLBACK (staff_window_destroyed_cb), self,
                               G_CONNECT_SWAPPED);
      /* A plan saved there shows here at once, beside it */
      g_signal_connect_object (window, "records-changed",
                               G_CALLBACK (pl_window_read_changes), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_window_present (self->staff_window);
  return self->staff_window;
}

static void
save_window_state (PlWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
pl_window_close_request (GtkWindow *window)
{
  save_window_state (PL_WINDOW (window));

  return GTK_WINDOW_CLASS (pl_window_parent_class)->close_request (window);
}

static void
pl_window_constructed (GObject *object)
{
  PlWindow *self = PL_WINDOW (object);
  GtkApplication *application;

  G_OBJECT_CLASS (pl_window_parent_class)->constructed (object);

  application = gtk_window_get_application (GTK_WINDOW (self));
  if (PL_IS_APPLICATION (application))
    self->settings = pl_application_get_settings (PL_APPLICATION (application));
  if (self->settings != NULL)
    {
      g_object_ref (self->settings);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

static void
pl_window_dispose (GObject *object)
{
  PlWindow *self = PL_WINDOW (object);

  pl_window_clear_error_dialog (self);
  g_clear_handle_id (&self->words_language_idle, g_source_remove);
  /* The staff window has its own connection: it stays open for the work
   * in it, and only this window's connection is closed */
  g_clear_weak_pointer (&self->staff_window);
  if (self->store != NULL)
    pl_store_set_commit_func (self->store, NULL, NULL);
  if (self->pin_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->pin_dialog));
  g_clear_object (&self->idle_lock);
  g_clear_object (&self->talking);
  if (self->voice != NULL)
    pl_voice_stop (self->voice);
  g_clear_object (&self->highlight);
  g_clear_object (&self->voice);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_WINDOW);
  /* Built on demand, so not cleared by the template */
  self->settings_page = NULL;
  self->complaint_form = NULL;

  if (self->reader_css != NULL)
    {
      gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                     GTK_STYLE_PROVIDER (self->reader_css));
      g_clear_object (&self->reader_css);
    }
  g_clear_pointer (&self->reader_settings, pl_settings_free);

  g_clear_pointer (&self->person_buttons, g_hash_table_unref);
  g_clear_pointer (&self->carer_buttons, g_hash_table_unref);
  g_clear_pointer (&self->viewer, pl_viewer_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pl_window_parent_class)->dispose (object);
}

static void
pl_window_finalize (GObject *object)
{
  PlWindow *self = PL_WINDOW (object);

  g_clear_pointer (&self->store, pl_store_unref);
  g_free (self->path);
  g_free (self->reader_class);
  g_free (self->language);
  g_free (self->words_language);

  G_OBJECT_CLASS (pl_window_parent_class)->finalize (object);
}

static void
pl_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PlWindow *self = PL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_TEXT_SIZE:
      g_value_set_int (value, pl_window_get_text_size (self));
      break;

    case PROP_THEME:
      g_value_set_string (value, pl_window_get_theme (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PlWindow *self = PL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_TEXT_SIZE:
      pl_window_set_text_size (self, g_value_get_int (value));
      break;

    case PROP_THEME:
      pl_window_set_theme (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

PlReader *
pl_window_get_reader (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return self->reader;
}

PlReadAloudBar *
pl_window_get_read_aloud_bar (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return self->read_aloud_bar;
}

/* Every page but the start screen is built hidden (pl_window_init), so the
 * first frame neither styles nor measures pages no one has opened yet. A
 * page is shown the moment it becomes the leaflet's visible child, before
 * anything looks at it or moves the focus into it. */
static void
visible_page_changed_cb (PlWindow *self)
{
  GtkWidget *visible = adw_leaflet_get_visible_child (self->leaflet);

  /* The reader's header menus too: each builds its popover */
  if (visible == self->reader_page &&
      gtk_menu_button_get_menu_model (self->text_size_button) == NULL)
    {
      g_autoptr(GMenuModel) text_size_menu = pl_window_text_size_menu_new ();
      g_autoptr(GMenuModel) theme_menu = pl_window_theme_menu_new ();

      gtk_menu_button_set_menu_model (self->text_size_button, text_size_menu);
      gtk_menu_button_set_menu_model (self->theme_button, theme_menu);
      pl_widget_name_menu (self->text_size_button, _("Text size"));
      pl_widget_name_menu (self->theme_button, _("Theme"));
    }
  if (visible != NULL)
    gtk_widget_set_visible (visible, TRUE);
  leaflet_visible_child_cb (self);
}

static void
pl_window_class_init (PlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = pl_window_constructed;
  object_class->dispose = pl_window_dispose;
  object_class->finalize = pl_window_finalize;
  object_class->get_property = pl_window_get_property;
  object_class->set_property = pl_window_set_property;
  window_class->close_request = pl_window_close_request;

  /* The reading text size in points, and the reading theme (pl-theme.h) */
  properties[PROP_TEXT_SIZE] =
    g_param_spec_int ("text-size", NULL, NULL,
                      PL_TEXT_SIZE_MIN, PL_TEXT_SIZE_MAX, PL_TEXT_SIZE_STANDARD,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_THEME] =
    g_param_spec_string ("theme", NULL, NULL,
                         "standard",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PL_TYPE_DOCUMENT_VIEW);
  g_type_ensure (PL_TYPE_READER);
  g_type_ensure (PL_TYPE_READ_ALOUD_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               PL_RESOURCE_BASE "/ui/pl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlWindow, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, notice_label);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, diary_bar);
  gtk_widget_class_bind_template_callback_full (widget_class, "diary_comment_clicked_cb",
                                                G_CALLBACK (pl_window_diary_comment_clicked_cb));
  gtk_widget_class_bind_template_callback (widget_class, notice_dismissed_cb);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, supported_page);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, supported_heading);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, supported_box);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, carers_heading);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, carers_box);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, home_note);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, settings_box);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, feedback_box);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, people_page);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, home_page);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, home_clamp);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, home_column);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, home_heading);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, home_box);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, reader_page);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, people_stack);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, people_box);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, error_status);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, reader_title);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, print_button);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, text_size_button);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, theme_button);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, reader);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, read_aloud_bar);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, reader_header);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, contents_button);
  /* The template's notify::visible-child handler shows the page first */
  gtk_widget_class_bind_template_callback_full (widget_class, "leaflet_visible_child_cb",
                                                G_CALLBACK (visible_page_changed_cb));
  gtk_widget_class_bind_template_callback (widget_class, leaflet_transition_running_cb);

  /* Escape and Alt+Left go back. As bindings (not application accels) they
   * reach the window last, so a focused entry or popover keeps its Escape. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.back", NULL);

  /* The reader's contents, from anywhere in the window */
  gtk_widget_class_install_action (widget_class, "reader.contents", NULL, pl_window_contents_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "reader.contents", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);

  /* Text size and theme: radio items in the header menus follow these */
  gtk_widget_class_install_property_action (widget_class, "reader.text-size", "text-size");
  gtk_widget_class_install_property_action (widget_class, "reader.theme", "theme");

  /* WCAG 1.4.4: from 100% to 400%, the keys every browser uses */
  gtk_widget_class_install_action (widget_class, "reader.zoom-in", NULL, pl_window_zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "reader.zoom-out", NULL, pl_window_zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "reader.zoom-reset", NULL, pl_window_zoom_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "reader.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "reader.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "reader.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "reader.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "reader.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "reader.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK,
                                       "reader.zoom-reset", NULL);
}

static void
pl_window_init (PlWindow *self)
{
  static guint n_windows;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Said as "Plainly menu": "Menu" would be "Menu menu" */
  pl_widget_set_menu_when_opened (self->menu_button, self->primary_menu, _("Plainly"));
  pl_widget_name_menu (self->print_button, _("Print"));
  pl_widget_unname_stack_pages (GTK_WIDGET (self));

  self->document_view = pl_reader_get_document_view (self->reader);
  g_object_bind_property (self->reader, "contents-visible", self->contents_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  /* Focus mode: nothing but the text (the keys still work) */
  g_object_bind_property (self->reader, "focus-mode", self->reader_header, "visible",
                          G_BINDING_INVERT_BOOLEAN | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->reader, "focus-mode", self->read_aloud_bar, "visible",
                          G_BINDING_INVERT_BOOLEAN | G_BINDING_SYNC_CREATE);
  pl_read_aloud_bar_set_place_func (self->read_aloud_bar, pl_window_read_aloud_place_cb, self);
  pl_read_aloud_bar_add_shortcuts (self->read_aloud_bar, self->reader_page);
  pl_window_init_voice (self);

  pl_window_init_home (self);


  /* Above style.css, and only under this window's reader, so the person's
   * theme holds whatever the desktop theme is */
  self->reader_class = g_strdup_printf ("pl-reader-%u", ++n_windows);
  gtk_widget_add_css_class (self->reader_page, "pl-reader");
  gtk_widget_add_css_class (self->reader_page, self->reader_class);
  /* The home is read in the same size and colours as the reader */
  gtk_widget_add_css_class (self->home_page, "pl-reader");
  gtk_widget_add_css_class (self->home_page, self->reader_class);
  gtk_widget_add_css_class (self->supported_page, "pl-reader");
  gtk_widget_add_css_class (self->supported_page, self->reader_class);
  gtk_widget_add_css_class (self->settings_box, "pl-reader");
  gtk_widget_add_css_class (self->settings_box, self->reader_class);
  gtk_widget_add_css_class (self->feedback_box, "pl-reader");
  gtk_widget_add_css_class (self->feedback_box, self->reader_class);
  self->reader_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->reader_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  pl_window_apply_reader_style (self);
  pl_window_update_reader_actions (self);

  self->keep_settings = TRUE;
  self->person_buttons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->carer_buttons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* Set from the reader's own settings once someone chooses their name */
  self->idle_lock = pl_idle_lock_new (GTK_WINDOW (self));
  g_signal_connect_swapped (self->idle_lock, "idle", G_CALLBACK (pl_window_lock), self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed_cb), NULL);

  /* On for whoever chose them, once they have chosen their name */
  self->talking = pl_talking_buttons_new (GTK_WINDOW (self));
  g_signal_connect (self->talking, "speak", G_CALLBACK (pl_window_talking_speak_cb), self);

  pl_window_init_actions (self);
  leaflet_visible_child_cb (self);

  /* Built, but hidden until first opened: see visible_page_changed_cb */
  gtk_widget_set_visible (self->supported_page, FALSE);
  gtk_widget_set_visible (self->home_page, FALSE);
  gtk_widget_set_visible (self->reader_page, FALSE);
  gtk_widget_set_visible (self->settings_box, FALSE);
  gtk_widget_set_visible (self->feedback_box, FALSE);
}

PlWindow *
pl_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (PL_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
