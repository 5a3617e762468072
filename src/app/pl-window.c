/* pl-window.c: the main window: who is using Plainly, then their documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A leaflet that never unfolds works as a stack of pages with Back: the start
 * screen first, then the person's home, then what they opened from it. Each
 * window holds one database.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-access.h"
#include "pl-application.h"
#include "pl-complaint-form.h"
#include "pl-diary-comment-dialog.h"
#include "pl-document.h"
#include "pl-idle-lock.h"
#include "pl-pin-dialog.h"
#include "pl-plan-version.h"
#include "pl-printing.h"
#include "pl-read-aloud-bar.h"
#include "pl-reader.h"
#include "pl-needs.h"
#include "pl-reader-style.h"
#include "pl-secret.h"
#include "pl-settings-page.h"
#include "pl-speech.h"
#include "pl-staff-window.h"
#include "pl-talking-buttons.h"
#include "pl-theme.h"
#include "pl-window.h"

struct _PlWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  GtkRevealer          *notice_revealer;
  GtkLabel             *notice_label;
  AdwLeaflet           *leaflet;
  GtkWidget            *people_page;
  GtkWidget            *supported_page;
  GtkLabel             *supported_heading;
  GtkBox               *supported_box;
  GtkWidget            *carers_heading;
  GtkBox               *carers_box;
  GtkLabel             *home_note;
  GtkWidget            *settings_box;
  PlSettingsPage       *settings_page;
  GtkWidget            *settings_button;
  GtkWidget            *feedback_box;
  PlComplaintForm      *complaint_form;
  GtkWidget            *feedback_button;
  GtkWidget            *home_page;
  GtkWidget            *reader_page;
  GtkStack             *people_stack;
  GtkBox               *people_box;
  AdwStatusPage        *error_status;
  AdwClamp             *home_clamp;
  GtkWidget            *home_column;
  GtkLabel             *home_heading;
  GtkBox               *home_box;
  AdwWindowTitle       *reader_title;
  GtkWidget            *diary_bar;
  GtkMenuButton        *text_size_button;
  GtkMenuButton        *theme_button;
  PlReader             *reader;
  PlDocumentView       *document_view; /* the reader's */
  PlReadAloudBar       *read_aloud_bar;
  GtkWidget            *reader_header;
  GtkWidget            *contents_button;
  char                 *language;      /* the person's, for the voice */
  int                   spoken_block;  /* the sentence being read aloud; -1 none */
  guint                 sentence_start;
  guint                 sentence_end;

  GSettings            *settings;    /* NULL when the schema is not installed */
  PlStore              *store;
  GtkWindow            *staff_window;  /* weak; closed with the store */
  char                 *path;        /* the open database, or the one that failed */
  gint64                person_id;   /* whose document is shown; 0 none */
  gint64                carer_id;    /* the carer reading them, or 0: the person */
  PlViewer             *viewer;      /* who reads person_id's documents; NULL none */
  GHashTable           *person_buttons; /* gint64 id → GtkButton (borrowed) */
  GHashTable           *carer_buttons;  /* gint64 id → GtkButton (borrowed) */
  PlPinDialog          *pin_dialog;
  PlIdleLock           *idle_lock;
  PlTalkingButtons     *talking;
  PlSpeech             *voice;       /* for talking buttons; made when first needed */
  gboolean              told_no_speaker;
  GtkWidget            *home_buttons[PL_N_DOCUMENT_KINDS];
  PlDocumentKind          page;        /* what the reader shows, or last showed */
  GtkWindow            *error_dialog;
  GtkNativeDialog      *chooser;

  /* The reader as the person set it up; saved the moment it changes */
  PlSettings           *reader_settings; /* NULL when no one is reading */
  GtkCssProvider       *reader_css;
  gboolean              keep_settings;   /* FALSE: changes are for now only */
  gboolean              in_settings;     /* "My settings" is open, or was last */
  gboolean              in_feedback;     /* the complaint form is open, or was last */
  char                 *reader_class;    /* scopes reader_css to this window */
};

G_DEFINE_FINAL_TYPE (PlWindow, pl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_TEXT_SIZE,
  PROP_THEME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The person's home, in the order shown */
static const struct {
  PlDocumentKind  page;
  const char   *label;
  const char   *icon_name;
} home_items[] = {
  { PL_DOCUMENT_PLAN, N_("My plan"), "x-office-document-symbolic" },
  { PL_DOCUMENT_DIARY, N_("My visits and care diary"), "x-office-calendar-symbolic" },
  { PL_DOCUMENT_WELCOME, N_("About my service"), "help-about-symbolic" },
  { PL_DOCUMENT_COMPLAINT, N_("If I'm not happy"), "mail-send-symbolic" },
};

/* The home's two buttons that open no document */
#define HOME_SETTINGS PL_N_DOCUMENT_KINDS
#define HOME_FEEDBACK (PL_N_DOCUMENT_KINDS + 1)

static const char *
person_display_name (const PlPerson *person)
{
  /* NG86 1.4.2: the name the person wants to be called */
  if (person->preferred_name != NULL && person->preferred_name[0] != '\0')
    return person->preferred_name;
  return person->full_name != NULL ? person->full_name : "";
}

static const char *
store_error_heading (const GError *error)
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

static void
clear_error_dialog (PlWindow *self)
{
  GtkWindow *dialog = self->error_dialog;

  if (dialog == NULL)
    return;

  /* Unhook first: the dialog may outlive this window, or the next dialog */
  g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->error_dialog);
  self->error_dialog = NULL;
  gtk_window_destroy (dialog);
}

static void
show_error (PlWindow   *self,
            const char *heading,
            const char *body,
            gboolean    offer_choose)
{
  GtkWidget *dialog;

  clear_error_dialog (self);

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
static void
show_document (PlWindow   *self,
               PlDocument *document)
{
  self->spoken_block = -1;
  pl_read_aloud_bar_set_document (self->read_aloud_bar, document);
  pl_reader_set_document (self->reader, document);
}

static void
update_window_title (PlWindow *self)
{
  GtkWidget *visible = adw_leaflet_get_visible_child (self->leaflet);
  PlDocument *document = pl_document_view_get_document (self->document_view);

  if (visible == self->reader_page && document != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("%s – Plainly"),
                                                pl_document_get_title (document));
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Plainly"));
}

static void
focus_person_button (PlWindow *self,
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

static void
focus_supported_button (PlWindow *self,
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
update_reader_actions (PlWindow *self)
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
      show_document (self, NULL);
      g_clear_pointer (&self->reader_settings, pl_settings_free);
      update_reader_actions (self);
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
  if (visible != self->feedback_box)
    pl_complaint_form_set_person (self->complaint_form, NULL, 0, NULL);

  if (at_start)
    {
      /* Back where they started, on the button they pressed. Nobody is
       * reading now, so nothing is left to lock. */
      if (self->person_id != 0 || self->carer_id != 0)
        focus_person_button (self, self->person_id, self->carer_id);
      self->person_id = 0;
      self->carer_id = 0;
      g_clear_pointer (&self->viewer, pl_viewer_unref);
      pl_idle_lock_set_timeout (self->idle_lock, 0);
      pl_talking_buttons_set_enabled (self->talking, FALSE);
    }
  else if (visible == self->supported_page)
    {
      focus_supported_button (self, self->person_id);
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
  update_window_title (self);
}

static void
leaflet_transition_running_cb (PlWindow *self)
{
  forget_document_at_start (self);
}

static void choose_person (PlWindow *self,
                           gint64    person_id);
static void choose_carer  (PlWindow *self,
                           gint64    carer_id);

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

static gboolean open_home (PlWindow *self,
                           PlViewer *who,
                           gint64    person_id);

static void
supported_button_clicked_cb (GtkButton *button,
                             PlWindow  *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "pl-person-id");

  /* From the carer's viewer, kept since their PIN was given */
  if (id != NULL && self->viewer != NULL && pl_viewer_get_kind (self->viewer) == PL_VIEWER_CARER)
    open_home (self, self->viewer, *id);
}

/* One large button with the name and initials; key says what it opens */
static GtkWidget *
profile_button_new (PlWindow   *self,
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

static void
home_button_clicked_cb (GtkButton *button,
                        PlWindow  *self)
{
  guint page = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "pl-page"));

  if (page == HOME_SETTINGS)
    pl_window_open_settings (self);
  else if (page == HOME_FEEDBACK)
    pl_window_open_feedback (self);
  else
    pl_window_open_page (self, page);
}

static GtkWidget *
home_button_new (PlWindow     *self,
                 PlDocumentKind  page,
                 const char   *label_text,
                 const char   *icon_name)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (label_text);

  gtk_widget_add_css_class (button, "pl-home-button");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), icon);

  /* Grows with the text and wraps rather than widening the page (WCAG 1.4.10) */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label_text,
                                  -1);
  g_object_set_data (G_OBJECT (button), "pl-page", GUINT_TO_POINTER (page));
  g_signal_connect (button, "clicked", G_CALLBACK (home_button_clicked_cb), self);
  return button;
}

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  const PlPerson *pa = *(const PlPerson **) a;
  const PlPerson *pb = *(const PlPerson **) b;

  return g_utf8_collate (person_display_name (pa), person_display_name (pb));
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
clear_people (PlWindow *self)
{
  clear_box (self->people_box);
  clear_box (self->carers_box);
  clear_box (self->supported_box);
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
      GtkWidget *button = profile_button_new (self, carer->name, "pl-carer-id", carer->id,
                                              G_CALLBACK (carer_button_clicked_cb));

      gtk_box_append (self->carers_box, button);
      g_hash_table_insert (self->carer_buttons,
                           g_memdup2 (&carer->id, sizeof carer->id), button);
    }

  gtk_widget_set_visible (self->carers_heading, carers->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->carers_box), carers->len > 0);
  return TRUE;
}

static void
show_error_page (PlWindow     *self,
                 const GError *error)
{
  adw_status_page_set_title (self->error_status, store_error_heading (error));
  adw_status_page_set_description (self->error_status, error->message);
  gtk_stack_set_visible_child_name (self->people_stack, "error");
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

  clear_people (self);
  adw_leaflet_set_visible_child (self->leaflet, self->people_page);

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->people_stack, "error");
      return;
    }

  people = pl_store_list_people (self->store, 0, &error);
  if (people == NULL)
    {
      show_error_page (self, error);
      show_error (self, _("Plainly could not read the list of people"), error->message, TRUE);
      return;
    }

  if (people->len == 0)
    {
      gtk_stack_set_visible_child_name (self->people_stack, "empty");
      return;
    }

  g_ptr_array_sort (people, compare_people);
  for (guint i = 0; i < people->len; i++)
    {
      const PlPerson *person = g_ptr_array_index (people, i);
      GtkWidget *button = profile_button_new (self, person_display_name (person),
                                              "pl-person-id", person->id,
                                              G_CALLBACK (person_button_clicked_cb));

      gtk_box_append (self->people_box, button);
      g_hash_table_insert (self->person_buttons,
                           g_memdup2 (&person->id, sizeof person->id), button);
    }

  if (!add_carers (self, &error))
    show_error (self, _("Plainly could not read the list of carers"), error->message, FALSE);

  gtk_stack_set_visible_child_name (self->people_stack, "list");
  /* The keyboard starts on whoever chose last, never opening their plan for them */
  focus_person_button (self, remembered_person (self), 0);
}

static void close_staff_window (PlWindow *self);

gboolean
pl_window_open_database (PlWindow   *self,
                         const char *path)
{
  g_autoptr(GError) error = NULL;
  PlStore *store;

  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  store = pl_store_open (path, PL_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      /* A database already open stays open; otherwise the start screen says
       * what went wrong and how to go on. */
      if (self->store == NULL)
        {
          g_free (self->path);
          self->path = g_strdup (path);
          clear_people (self);
          adw_leaflet_set_visible_child (self->leaflet, self->people_page);
          show_error_page (self, error);
        }
      show_error (self, store_error_heading (error), error->message, TRUE);
      return FALSE;
    }

  pl_complaint_form_set_person (self->complaint_form, NULL, 0, NULL);
  close_staff_window (self);
  g_clear_pointer (&self->store, pl_store_unref);
  self->store = store;
  g_free (self->path);
  self->path = g_strdup (path);
  self->person_id = 0;
  g_clear_pointer (&self->viewer, pl_viewer_unref);
  show_document (self, NULL);
  g_clear_pointer (&self->reader_settings, pl_settings_free);
  update_reader_actions (self);

  pl_window_reload (self);
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

/* Reading settings ------------------------------------------------------ */

/* The home's column, like the reader's: about 70 letters of the person's
 * text (RNIB clear print), counted as PlDocumentView counts them, plus the
 * .pl-document margins. Narrower windows get a narrower column. */
#define HOME_LINE_CHARS 50
#define HOME_COLUMN_MARGINS 64

static void
update_home_width (PlWindow         *self,
                   const PlSettings *settings)
{
  PangoContext *context = gtk_widget_get_pango_context (self->home_column);
  PangoFontDescription *font;
  PangoFontMetrics *metrics;
  int char_width;
  int width;

  font = pango_font_description_copy (pango_context_get_font_description (context));
  if (settings->font != NULL && settings->font[0] != '\0')
    pango_font_description_set_family (font, settings->font);
  pango_font_description_set_size (font, settings->text_size * PANGO_SCALE);
  metrics = pango_context_get_metrics (context, font, NULL);
  char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                    pango_font_metrics_get_approximate_digit_width (metrics));
  pango_font_metrics_unref (metrics);
  pango_font_description_free (font);

  width = PANGO_PIXELS_CEIL (char_width * HOME_LINE_CHARS) + HOME_COLUMN_MARGINS;
  adw_clamp_set_maximum_size (self->home_clamp, width);
  adw_clamp_set_tightening_threshold (self->home_clamp, width);
}

static void
apply_reader_style (PlWindow *self)
{
  g_autoptr(PlSettings) defaults = NULL;
  const PlSettings *settings = self->reader_settings;
  g_autofree char *css = NULL;

  if (settings == NULL)
    settings = defaults = pl_settings_new_default (0);

  css = pl_reader_style_css (settings, self->reader_class);
  gtk_css_provider_load_from_data (self->reader_css, css, -1);
  pl_reader_style_apply (GTK_WIDGET (self), self->reader_class, settings);
  update_home_width (self, settings);
  pl_reader_set_settings (self->reader, settings);
  pl_read_aloud_bar_set_settings (self->read_aloud_bar, settings, self->language);
}

static void
save_reader_settings (PlWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->reader_settings == NULL || !self->keep_settings)
    return;

  /* The change stays on screen even if it cannot be kept */
  if (!(self->carer_id != 0
        ? pl_store_save_carer_settings (self->store, self->reader_settings, &error)
        : pl_store_save_settings (self->store, self->reader_settings, &error)))
    show_error (self, _("Plainly could not keep this change"), error->message, FALSE);
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
  apply_reader_style (self);
  save_reader_settings (self);
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
  apply_reader_style (self);
  save_reader_settings (self);
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

static void
update_talking_buttons (PlWindow *self)
{
  gboolean on = self->reader_settings != NULL && self->reader_settings->talking_buttons;

  pl_talking_buttons_set_enabled (self->talking, on);
  if (self->voice != NULL && self->reader_settings != NULL)
    pl_speech_apply_settings (self->voice, self->reader_settings);
}

static void
voice_error_cb (PlSpeech     *voice,
                const GError *error,
                PlWindow     *self)
{
  /* Said once, and it stays until dismissed: everything else still works */
  if (self->told_no_speaker)
    return;
  self->told_no_speaker = TRUE;

  pl_window_show_notice (self, error->message);
}

static void
talking_speak_cb (PlTalkingButtons *talking,
                  const char       *words,
                  PlWindow         *self)
{
  g_autoptr(PlDocument) document = pl_document_new (words);

  if (self->voice == NULL)
    {
      self->voice = pl_speech_new ();
      g_signal_connect (self->voice, "error", G_CALLBACK (voice_error_cb), self);
      if (self->reader_settings != NULL)
        pl_speech_apply_settings (self->voice, self->reader_settings);
    }

  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, "words", NULL, words);
  /* The latest control is the one that matters */
  pl_speech_stop (self->voice);
  pl_speech_speak (self->voice, document, 0, 0, PL_SPEECH_TO_END);
}

static void
update_idle_lock (PlWindow *self)
{
  guint minutes = self->reader_settings != NULL ? (guint) MAX (self->reader_settings->lock_minutes, 0) : 0;

  pl_idle_lock_set_timeout (self->idle_lock, MIN (minutes, 24 * 60) * 60 * 1000);
}

static void
load_reader_settings (PlWindow *self,
                      gint64    person_id,
                      gint64    carer_id)
{
  g_autoptr(GError) error = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  PlSettings *settings;

  /* A carer reads in their own settings, not the person's */
  if (carer_id != 0)
    settings = pl_store_get_carer_settings (self->store, carer_id, &error);
  else
    settings = pl_store_get_settings (self->store, person_id, &error);
  if (settings == NULL)
    {
      /* The plan is still worth showing, in the standard style */
      g_warning ("Could not read the display settings: %s", error->message);
      settings = pl_settings_new_default (carer_id != 0 ? carer_id : person_id);
    }
  pl_theme_follow_desktop (settings,
                           adw_style_manager_get_high_contrast (style),
                           adw_style_manager_get_dark (style));

  g_clear_pointer (&self->reader_settings, pl_settings_free);
  self->reader_settings = settings;
  apply_reader_style (self);
  update_reader_actions (self);
  update_idle_lock (self);
  update_talking_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SIZE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME]);
}

/* My settings ----------------------------------------------------------- */

static void
reader_settings_changed (PlWindow *self)
{
  apply_reader_style (self);
  save_reader_settings (self);
  update_idle_lock (self);
  update_talking_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SIZE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME]);
}

static void
settings_changed_cb (PlWindow *self)
{
  const PlSettings *chosen = pl_settings_page_get_settings (self->settings_page);
  PlSettings *settings;

  if (self->reader_settings == NULL || chosen == NULL)
    return;

  /* Applied and kept the moment they change: there is no Apply button */
  settings = pl_settings_copy (chosen);
  settings->id = self->reader_settings->id;
  settings->person_id = self->reader_settings->person_id;
  g_clear_pointer (&self->reader_settings, pl_settings_free);
  self->reader_settings = settings;
  reader_settings_changed (self);
}

static GPtrArray *
reader_needs (PlWindow  *self,
              GError   **error)
{
  /* A carer's own settings come from no one's recorded needs */
  if (self->carer_id != 0)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) pl_comm_need_free);
  return pl_store_list_comm_needs (self->store, self->person_id, error);
}

static void
settings_reset_cb (PlWindow *self)
{
  g_autoptr(GError) error = NULL;
  PlSettings *settings;

  if (self->reader_settings == NULL || self->store == NULL)
    return;

  /* A carer's own settings come from no one's recorded needs */
  if (self->carer_id != 0)
    settings = pl_settings_new_default (self->carer_id);
  else
    settings = pl_store_settings_for_needs (self->store, self->person_id, &error);
  if (settings == NULL)
    {
      show_error (self, _("Plainly could not read the communication needs"), error->message, FALSE);
      return;
    }

  settings->id = self->reader_settings->id;
  g_clear_pointer (&self->reader_settings, pl_settings_free);
  self->reader_settings = settings;
  pl_settings_page_set_settings (self->settings_page, settings);
  reader_settings_changed (self);
}

/* Saves the PIN hash (NULL: no PIN) of the person or carer (carer_id not
 * 0) who asked for it */
static void
save_pin_hash (PlWindow *self,
               gint64    person_id,
               gint64    carer_id,
               char     *hash)
{
  g_autoptr(GError) error = NULL;
  gboolean has_pin = hash != NULL;
  gboolean saved;

  if (carer_id != 0)
    {
      g_autoptr(PlCarer) carer = pl_store_load_carer (self->store, carer_id, &error);

      saved = carer != NULL;
      if (saved)
        {
          g_free (carer->pin_hash);
          carer->pin_hash = hash;
          saved = pl_store_save_carer (self->store, carer, &error);
        }
      else
        g_free (hash);
    }
  else
    {
      g_autoptr(PlPerson) person = pl_store_load_person (self->store, person_id, &error);

      saved = person != NULL;
      if (saved)
        {
          g_free (person->pin_hash);
          person->pin_hash = hash;
          saved = pl_store_save_person (self->store, person, &error);
        }
      else
        g_free (hash);
    }

  if (!saved)
    {
      show_error (self, _("Plainly could not save the PIN"), error->message, FALSE);
      return;
    }
  /* Still theirs to see: they may have left My settings meanwhile */
  if (self->person_id == person_id && self->carer_id == carer_id)
    pl_settings_page_set_has_pin (self->settings_page, has_pin);
}

typedef struct
{
  PlWindow *self;
  gint64    person_id;
  gint64    carer_id;
} PinJob;

static void
pin_hashed_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autofree PinJob *job = data;
  g_autoptr(PlWindow) self = job->self;
  g_autoptr(GError) error = NULL;
  char *hash = pl_secret_hash_finish (result, &error);

  pl_settings_page_set_pin_busy (self->settings_page, FALSE);
  if (self->store == NULL)
    g_free (hash);
  else if (hash == NULL)
    show_error (self, _("Plainly could not set the PIN"), error->message, FALSE);
  else
    save_pin_hash (self, job->person_id, job->carer_id, hash);
}

/* Hashing takes a moment on purpose (Argon2id): it runs in a worker
 * thread while the page says it is busy, and the window stays usable */
static void
settings_pin_cb (PlWindow   *self,
                 const char *pin)
{
  PinJob *job;

  if (self->store == NULL)
    return;

  if (pin == NULL)
    {
      save_pin_hash (self, self->person_id, self->carer_id, NULL);
      return;
    }
  job = g_new0 (PinJob, 1);
  job->self = g_object_ref (self);
  job->person_id = self->person_id;
  job->carer_id = self->carer_id;
  pl_settings_page_set_pin_busy (self->settings_page, TRUE);
  pl_secret_hash_async (pin, NULL, pin_hashed_cb, job);
}

gboolean
pl_window_open_settings (PlWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autofree char *name = NULL;
  gboolean has_pin = FALSE;

  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);

  if (self->store == NULL || self->reader_settings == NULL || self->person_id == 0)
    return FALSE;

  needs = reader_needs (self, &error);
  if (needs != NULL && self->carer_id != 0)
    {
      g_autoptr(PlCarer) carer = pl_store_load_carer (self->store, self->carer_id, &error);

      if (carer != NULL)
        {
          name = g_strdup (carer->name);
          has_pin = carer->pin_hash != NULL && carer->pin_hash[0] != '\0';
        }
    }
  else if (needs != NULL)
    {
      g_autoptr(PlPerson) person = pl_store_load_person (self->store, self->person_id, &error);

      if (person != NULL)
        {
          name = g_strdup (person_display_name (person));
          has_pin = person->pin_hash != NULL && person->pin_hash[0] != '\0';
        }
    }
  if (name == NULL)
    {
      show_error (self, _("Plainly could not open the settings"), error->message, FALSE);
      return FALSE;
    }

  pl_settings_page_set_person_name (self->settings_page, name);
  rules = needs != NULL ? pl_store_list_need_rules (self->store, 0, &error) : NULL;
  pl_settings_page_set_needs (self->settings_page, needs, rules);
  pl_settings_page_set_has_pin (self->settings_page, has_pin);
  pl_settings_page_set_settings (self->settings_page, self->reader_settings);

  /* Back from here goes home, not into the last document */
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->reader_page), FALSE);
  self->in_settings = TRUE;
  adw_leaflet_set_visible_child (self->leaflet, self->settings_box);
  update_window_title (self);
  gtk_widget_child_focus (GTK_WIDGET (self->settings_page), GTK_DIR_TAB_FORWARD);
  return TRUE;
}

gboolean
pl_window_open_feedback (PlWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);

  if (self->store == NULL || self->person_id == 0)
    return FALSE;

  if (self->viewer == NULL || !pl_viewer_may_open (self->viewer, PL_DOCUMENT_COMPLAINT, &error))
    {
      show_error (self, _("Plainly could not open the form"),
                  error != NULL ? error->message : "", FALSE);
      return FALSE;
    }

  if (!pl_complaint_form_set_person (self->complaint_form, self->store, self->person_id, &error))
    {
      show_error (self, _("Plainly could not open the form"), error->message, FALSE);
      return FALSE;
    }

  /* Back from here goes home */
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->reader_page), FALSE);
  self->in_feedback = TRUE;
  adw_leaflet_set_visible_child (self->leaflet, self->feedback_box);
  update_window_title (self);
  gtk_widget_child_focus (GTK_WIDGET (self->complaint_form), GTK_DIR_TAB_FORWARD);
  return TRUE;
}

PlComplaintForm *
pl_window_get_complaint_form (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return self->complaint_form;
}

GtkWidget *
pl_window_get_feedback_button (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return self->feedback_button;
}

PlSettingsPage *
pl_window_get_settings_page (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return self->settings_page;
}

GtkWidget *
pl_window_get_settings_button (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return self->settings_button;
}

static void
zoom_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  int size = pl_window_get_text_size (self);

  if (g_str_equal (action_name, "reader.zoom-in"))
    size = pl_text_size_step (size, 1);
  else if (g_str_equal (action_name, "reader.zoom-out"))
    size = pl_text_size_step (size, -1);
  else
    size = PL_TEXT_SIZE_STANDARD;

  pl_window_set_text_size (self, size);
}

static GMenuModel *
text_size_menu_new (void)
{
  GMenu *menu = g_menu_new ();
  const PlTextSizePreset *presets;
  guint n_presets;

  presets = pl_text_size_presets (&n_presets);
  for (guint i = 0; i < n_presets; i++)
    {
      /* Translators: a text size and its size in points, "Large (18 pt)" */
      g_autofree char *label = g_strdup_printf (_("%s (%d pt)"), _(presets[i].name),
                                                presets[i].points);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "reader.text-size",
                                               g_variant_new_int32 (presets[i].points));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static GMenuModel *
theme_menu_new (void)
{
  GMenu *menu = g_menu_new ();
  const PlTheme *themes;
  guint n_themes;

  themes = pl_themes (&n_themes);
  for (guint i = 0; i < n_themes; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(themes[i].name), NULL);

      g_menu_item_set_action_and_target_value (item, "reader.theme",
                                               g_variant_new_string (themes[i].id));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static void
remember_person (PlWindow *self,
                 gint64    person_id)
{
  if (self->settings != NULL)
    {
      g_settings_set_string (self->settings, "last-database", self->path);
      g_settings_set_int64 (self->settings, "last-person", person_id);
    }
}

/* The home of the person viewer reads, as the access policy lets them */
static gboolean
open_home_as (PlWindow *self,
              PlViewer *viewer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(PlCarer) carer = NULL;
  g_autofree char *greeting = NULL;
  GtkWidget *first = NULL;
  gint64 person_id = pl_viewer_get_person_id (viewer);
  gint64 carer_id = pl_viewer_get_carer_id (viewer);
  guint scopes = pl_viewer_get_scopes (viewer);

  if (self->store == NULL)
    return FALSE;

  person = pl_store_load_person (self->store, person_id, &error);
  if (person != NULL && carer_id != 0)
    carer = pl_store_load_carer (self->store, carer_id, &error);
  if (person == NULL || (carer_id != 0 && carer == NULL))
    {
      show_error (self, _("Plainly could not open this person’s page"), error->message, FALSE);
      return FALSE;
    }

  self->person_id = person_id;
  self->carer_id = carer_id;
  if (self->viewer != viewer)
    {
      g_clear_pointer (&self->viewer, pl_viewer_unref);
      self->viewer = pl_viewer_ref (viewer);
    }
  g_free (self->language);
  self->language = g_strdup (person->preferred_language);
  self->page = PL_DOCUMENT_PLAN;
  /* Their text size and theme from the first thing they see */
  load_reader_settings (self, person_id, carer_id);
  show_document (self, NULL);

  /* Translators: the heading of the home page; %s is the name the person
   * (or their carer) wants to be called */
  greeting = g_strdup_printf (_("Hello, %s"), carer != NULL ? carer->name
                                                             : person_display_name (person));
  gtk_label_set_label (self->home_heading, greeting);

  if (carer != NULL)
    {
      g_autofree char *note = NULL;

      /* NG86 1.1.14-1.1.15: say whose documents these are, and that the
       * person chose what is shown */
      if (scopes == 0)
        note = g_strdup_printf (_("%s has not shared anything with you yet."),
                                person_display_name (person));
      else
        /* Translators: both %s are the name the person likes to be called */
        note = g_strdup_printf (_("You are reading %s’s documents. %s chose what you can see."),
                                person_display_name (person), person_display_name (person));
      gtk_label_set_label (self->home_note, note);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->home_note), carer != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (home_items); i++)
    {
      GtkWidget *button = self->home_buttons[home_items[i].page];
      gboolean shown = pl_viewer_may_open (viewer, home_items[i].page, NULL);

      gtk_widget_set_visible (button, shown);
      if (shown && first == NULL)
        first = button;
    }
  gtk_widget_set_visible (self->feedback_button,
                          pl_viewer_may_open (viewer, PL_DOCUMENT_COMPLAINT, NULL));

  adw_leaflet_set_visible_child (self->leaflet, self->home_page);
  update_window_title (self);
  if (first != NULL)
    gtk_widget_grab_focus (first);

  if (carer == NULL)
    remember_person (self, person_id);
  return TRUE;
}

/* The home of person_id, read by who: the person themselves or a carer,
 * as the access policy let them in (their PIN given at the start screen) */
static gboolean
open_home (PlWindow *self,
           PlViewer *who,
           gint64    person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlViewer) viewer = NULL;

  if (self->store == NULL || who == NULL)
    return FALSE;

  viewer = pl_viewer_for_person (self->store, who, person_id, &error);
  if (viewer == NULL)
    {
      show_error (self, _("Plainly could not open this person’s page"), error->message, FALSE);
      return FALSE;
    }
  return open_home_as (self, viewer);
}

/* Who has no PIN needs none: the policy opens them without one, and
 * refuses anyone who has one */
static PlViewer *
open_without_pin (PlWindow     *self,
                  PlViewerKind  kind,
                  gint64        id)
{
  g_autoptr(GError) error = NULL;
  PlViewer *who;

  if (self->store == NULL)
    return NULL;
  if (kind == PL_VIEWER_CARER)
    who = pl_access_open_carer (self->store, id, NULL, &error);
  else
    who = pl_access_open_person (self->store, id, NULL, &error);
  if (who == NULL)
    show_error (self, _("Plainly could not open this person’s page"), error->message, FALSE);
  return who;
}

gboolean
pl_window_open_person (PlWindow *self,
                       gint64    person_id)
{
  g_autoptr(PlViewer) who = NULL;

  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);

  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->supported_page),
                                    FALSE);
  who = open_without_pin (self, PL_VIEWER_PERSON, person_id);
  return open_home (self, who, person_id);
}

gboolean
pl_window_open_person_as_carer (PlWindow *self,
                                gint64    person_id,
                                gint64    carer_id)
{
  g_autoptr(PlViewer) who = NULL;

  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (carer_id > 0, FALSE);

  who = open_without_pin (self, PL_VIEWER_CARER, carer_id);
  return open_home (self, who, person_id);
}

gboolean
pl_window_open_home_for (PlWindow *self,
                         PlViewer *viewer)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (viewer != NULL, FALSE);

  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->supported_page),
                                    FALSE);
  return open_home (self, viewer, pl_viewer_get_person_id (viewer));
}

static gboolean open_carer_as (PlWindow *self,
                               PlViewer *carer_viewer);

gboolean
pl_window_open_carer (PlWindow *self,
                      gint64    carer_id)
{
  g_autoptr(PlViewer) who = NULL;

  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);

  who = open_without_pin (self, PL_VIEWER_CARER, carer_id);
  return who != NULL && open_carer_as (self, who);
}

/* The carer's start: the home of the one person they support, or a choice.
 * The window keeps the carer's viewer, to open each person's home from. */
static gboolean
open_carer_as (PlWindow *self,
               PlViewer *carer_viewer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(PlCarer) carer = NULL;
  g_autofree char *heading = NULL;
  gint64 carer_id = pl_viewer_get_carer_id (carer_viewer);

  if (self->store == NULL)
    return FALSE;

  carer = pl_store_load_carer (self->store, carer_id, &error);
  if (carer != NULL)
    people = pl_store_carer_people (self->store, carer_id, &error);
  if (people == NULL)
    {
      show_error (self, _("Plainly could not open your page"), error->message, FALSE);
      return FALSE;
    }

  if (people->len == 0)
    {
      show_error (self, _("Nobody has shared their documents with you yet"),
                  _("Ask the staff who support the person you care for to link your name "
                    "to theirs."), FALSE);
      return FALSE;
    }

  /* With one person, straight to their home; with more, a choice first */
  if (people->len == 1)
    {
      adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->supported_page),
                                        FALSE);
      return open_home (self, carer_viewer, ((PlPerson *) people->pdata[0])->id);
    }

  clear_box (self->supported_box);
  g_ptr_array_sort (people, compare_people);
  for (guint i = 0; i < people->len; i++)
    {
      const PlPerson *person = g_ptr_array_index (people, i);

      gtk_box_append (self->supported_box,
                      profile_button_new (self, person_display_name (person),
                                          "pl-person-id", person->id,
                                          G_CALLBACK (supported_button_clicked_cb)));
    }

  /* Translators: %s is the carer's name */
  heading = g_strdup_printf (_("Hello, %s. Whose documents would you like to read?"), carer->name);
  gtk_label_set_label (self->supported_heading, heading);

  self->carer_id = carer_id;
  self->person_id = 0;
  if (self->viewer != carer_viewer)
    {
      g_clear_pointer (&self->viewer, pl_viewer_unref);
      self->viewer = pl_viewer_ref (carer_viewer);
    }
  /* The carer's own text size and theme from here on */
  load_reader_settings (self, 0, carer_id);
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->supported_page),
                                    TRUE);
  adw_leaflet_set_visible_child (self->leaflet, self->supported_page);
  update_window_title (self);
  focus_supported_button (self, 0);
  return TRUE;
}

/* Choosing a name: their PIN first, if they have one ------------------- */

/* The PIN dialog's answer: who is reading, as the access policy let them */
static void
pin_unlocked_cb (PlPinDialog *dialog,
                 PlViewer    *viewer,
                 PlWindow    *self)
{
  if (pl_viewer_get_kind (viewer) == PL_VIEWER_CARER)
    open_carer_as (self, viewer);
  else
    {
      adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->supported_page),
                                        FALSE);
      open_home (self, viewer, pl_viewer_get_person_id (viewer));
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
    show_error (self, _("Plainly could not open this person’s page"), error->message, FALSE);
  else if (needs_pin)
    ask_pin (self, PL_VIEWER_PERSON, person_id, person_display_name (person));
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
    show_error (self, _("Plainly could not open your page"), error->message, FALSE);
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

gint64
pl_window_get_carer_id (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), 0);

  return self->carer_id;
}

PlTalkingButtons *
pl_window_get_talking_buttons (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return self->talking;
}

PlIdleLock *
pl_window_get_idle_lock (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return self->idle_lock;
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
  clear_error_dialog (self);
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

static const char *
page_error_heading (PlDocumentKind page)
{
  switch (page)
    {
    case PL_DOCUMENT_PLAN:
      return _("Plainly could not show this plan");
    case PL_DOCUMENT_DIARY:
      return _("Plainly could not show the care diary");
    case PL_DOCUMENT_WELCOME:
      return _("Plainly could not show the information about the service");
    case PL_DOCUMENT_COMPLAINT:
      return _("Plainly could not show how to complain");
    case PL_N_DOCUMENT_KINDS:
    default:
      return _("Plainly could not show this page");
    }
}

static void
diary_comment_sent_cb (PlWindow *self,
                       gint64    comment_id)
{
  PlDocument *document;
  int at;

  /* The diary again, with the new words, at the new words */
  if (!pl_window_open_page (self, PL_DOCUMENT_DIARY))
    return;
  document = pl_document_view_get_document (self->document_view);
  at = pl_document_find_record (document, &pl_diary_comment_type, comment_id);
  if (at >= 0)
    pl_document_view_set_position (self->document_view,
                                   pl_document_get_block (document, (guint) at)->anchor, 0);
}

GtkWindow *
pl_window_open_diary_comment (PlWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  PlDocument *document;
  PlDiaryCommentDialog *dialog;
  guint block = 0, character = 0;
  gint64 entry_id;

  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  document = pl_document_view_get_document (self->document_view);
  if (self->store == NULL || self->page != PL_DOCUMENT_DIARY || document == NULL)
    return NULL;

  pl_document_view_get_place (self->document_view, &block, &character);
  entry_id = pl_document_record_near (document, block, &pl_diary_entry_type);
  if (entry_id == 0)
    return NULL;

  /* Signed with the name they are known by: theirs, or their carer's */
  if (self->carer_id != 0)
    {
      g_autoptr(PlCarer) carer = pl_store_load_carer (self->store, self->carer_id, &error);

      if (carer != NULL)
        author = g_strdup (carer->name);
    }
  else
    {
      g_autoptr(PlPerson) person = pl_store_load_person (self->store, self->person_id, &error);

      if (person != NULL)
        author = g_strdup (person_display_name (person));
    }
  if (author == NULL)
    {
      show_error (self, _("Plainly could not open the comment"),
                  error != NULL ? error->message : "", FALSE);
      return NULL;
    }

  dialog = pl_diary_comment_dialog_new (self->store, entry_id, author, self->carer_id);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "sent", G_CALLBACK (diary_comment_sent_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
diary_comment_clicked_cb (PlWindow *self)
{
  pl_window_open_diary_comment (self);
}

gboolean
pl_window_open_page (PlWindow       *self,
                     PlDocumentKind  page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) seen_error = NULL;
  g_autoptr(PlDocument) document = NULL;

  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (page < PL_N_DOCUMENT_KINDS, FALSE);

  if (self->store == NULL || self->viewer == NULL)
    return FALSE;

  document = pl_document_build_for (self->store, self->viewer, page, &error);
  if (document == NULL)
    {
      show_error (self, page_error_heading (page), error->message, FALSE);
      return FALSE;
    }

  self->page = page;
  gtk_widget_set_visible (self->diary_bar,
                          page == PL_DOCUMENT_DIARY &&
                          pl_document_record_near (document, 0, &pl_diary_entry_type) != 0);
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->reader_page), TRUE);
  adw_window_title_set_title (self->reader_title, pl_document_get_title (document));
  show_document (self, document);
  adw_leaflet_set_visible_child (self->leaflet, self->reader_page);
  update_window_title (self);

  /* Shown now: next time only newer changes are pointed out (NG86 1.4.8) */
  if (!pl_document_note_shown (self->store, self->viewer, page, &seen_error))
    g_warning ("Could not remember that the plan was seen: %s", seen_error->message);

  /* Reading, by eye, keyboard or screen reader, starts at the top */
  pl_document_view_focus_start (self->document_view);

  /* "Read aloud when something opens", unless a screen reader already
   * reads it: the two voices would talk over each other */
  if (self->reader_settings != NULL && self->reader_settings->read_aloud &&
      !pl_talking_buttons_get_screen_reader_running (self->talking))
    pl_read_aloud_bar_read_all (self->read_aloud_bar);
  return TRUE;
}

void
pl_window_set_keep_settings (PlWindow *self,
                             gboolean  keep)
{
  g_return_if_fail (PL_IS_WINDOW (self));

  self->keep_settings = keep;
}

GtkWidget *
pl_window_get_home_button (PlWindow     *self,
                           PlDocumentKind  page)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);
  g_return_val_if_fail (page < PL_N_DOCUMENT_KINDS, NULL);

  return self->home_buttons[page];
}

GtkWidget *
pl_window_get_home_heading (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->home_heading);
}

gint64
pl_window_get_person_id (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), 0);

  return self->person_id;
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

GtkWidget *
pl_window_get_person_button (PlWindow *self,
                             gint64    person_id)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return g_hash_table_lookup (self->person_buttons, &person_id);
}

GtkWindow *
pl_window_get_error_dialog (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return self->error_dialog;
}

static void
back_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  pl_window_go_back (PL_WINDOW (user_data));
}

static void
retry_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  PlWindow *self = PL_WINDOW (user_data);
  g_autofree char *path = g_strdup (self->path);

  if (path != NULL)
    pl_window_open_database (self, path);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     PlWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        pl_window_open_database (self, path);
    }

  g_clear_object (&self->chooser);
}

static void
choose_database_action_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  PlWindow *self = PL_WINDOW (user_data);
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) everything = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (self->chooser);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Choose a Plainly Database"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (databases, _("Plainly databases"));
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_filter_add_pattern (databases, "*.sqlite");
  gtk_file_filter_add_pattern (databases, "*.sqlite3");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), databases);

  gtk_file_filter_set_name (everything, _("All files"));
  gtk_file_filter_add_pattern (everything, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), everything);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* Staff ------------------------------------------------------------------ */

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
    }
  gtk_window_present (self->staff_window);
  return self->staff_window;
}

static void
staff_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  pl_window_open_staff (PL_WINDOW (user_data));
}

static PlPrintOptions *
print_options (PlWindow   *self,
               PlDocument *document)
{
  g_autoptr(PlPerson) person = NULL;

  if (self->store != NULL && self->person_id != 0)
    person = pl_store_load_person (self->store, self->person_id, NULL);
  return pl_print_options_for_reader (self->reader_settings, document,
                                      person != NULL ? person->full_name : NULL);
}

static void
print_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  PlWindow *self = PL_WINDOW (user_data);
  PlDocument *document = pl_reader_get_document (self->reader);
  g_autoptr(PlPrintOptions) options = NULL;

  if (document == NULL || adw_leaflet_get_visible_child (self->leaflet) != self->reader_page)
    return;
  options = print_options (self, document);
  pl_printing_print (GTK_WINDOW (self), document, options);
}

static void
pdf_saved_cb (gpointer    user_data,
              const char *message)
{
  pl_window_show_notice (PL_WINDOW (user_data), message);
  g_object_unref (user_data);
}

static void
save_pdf_action_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  PlWindow *self = PL_WINDOW (user_data);
  PlDocument *document = pl_reader_get_document (self->reader);
  g_autoptr(PlPrintOptions) options = NULL;

  if (document == NULL || adw_leaflet_get_visible_child (self->leaflet) != self->reader_page)
    return;
  options = print_options (self, document);
  pl_printing_save_pdf (GTK_WINDOW (self), document, options, pdf_saved_cb, g_object_ref (self));
}

static const GActionEntry win_entries[] = {
  { "print", print_action_cb, NULL, NULL, NULL, { 0 } },
  { "save-pdf", save_pdf_action_cb, NULL, NULL, NULL, { 0 } },
  { "back", back_action_cb, NULL, NULL, NULL, { 0 } },
  { "retry", retry_action_cb, NULL, NULL, NULL, { 0 } },
  { "choose-database", choose_database_action_cb, NULL, NULL, NULL, { 0 } },
  { "staff", staff_action_cb, NULL, NULL, NULL, { 0 } },
};

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

  clear_error_dialog (self);
  close_staff_window (self);
  if (self->pin_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->pin_dialog));
  g_clear_object (&self->idle_lock);
  g_clear_object (&self->talking);
  if (self->voice != NULL)
    pl_speech_stop (self->voice);
  g_clear_object (&self->voice);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_WINDOW);

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

/* Reading aloud --------------------------------------------------------- */

static void
read_aloud_place_cb (gpointer  user_data,
                     guint    *block,
                     guint    *character)
{
  PlWindow *self = user_data;

  pl_document_view_get_place (self->document_view, block, character);
}

static const char *
reading_theme (PlWindow *self)
{
  return self->reader_settings != NULL ? self->reader_settings->theme : NULL;
}

static void
spoken_sentence_cb (PlSpeech *speech,
                    guint     block,
                    guint     start,
                    guint     end,
                    PlWindow *self)
{
  self->spoken_block = (int) block;
  self->sentence_start = start;
  self->sentence_end = end;
  pl_document_view_set_spoken (self->document_view, (int) block, start, end, 0, 0,
                               reading_theme (self));
}

static void
spoken_word_cb (PlSpeech *speech,
                guint     block,
                guint     start,
                guint     end,
                PlWindow *self)
{
  /* A word outside the sentence last reported has no sentence shading */
  if (self->spoken_block != (int) block || start < self->sentence_start || end > self->sentence_end)
    {
      self->spoken_block = (int) block;
      self->sentence_start = self->sentence_end = 0;
    }
  pl_document_view_set_spoken (self->document_view, (int) block,
                               self->sentence_start, self->sentence_end, start, end,
                               reading_theme (self));
}

static void
speech_state_cb (PlSpeech *speech,
                 guint     state,
                 PlWindow *self)
{
  /* Paused keeps the highlight where the voice will carry on */
  if (state == PL_SPEECH_STATE_IDLE)
    {
      self->spoken_block = -1;
      pl_document_view_set_spoken (self->document_view, -1, 0, 0, 0, 0, NULL);
    }
}

static void
contents_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  if (adw_leaflet_get_visible_child (self->leaflet) == self->reader_page)
    pl_reader_set_contents_visible (self->reader, !pl_reader_get_contents_visible (self->reader));
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
  g_type_ensure (PL_TYPE_SETTINGS_PAGE);
  g_type_ensure (PL_TYPE_COMPLAINT_FORM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               PL_RESOURCE_BASE "/ui/pl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlWindow, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, notice_label);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, diary_bar);
  gtk_widget_class_bind_template_callback (widget_class, diary_comment_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, notice_dismissed_cb);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, supported_page);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, supported_heading);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, supported_box);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, carers_heading);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, carers_box);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, home_note);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, settings_box);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, settings_page);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, feedback_box);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, complaint_form);
  gtk_widget_class_bind_template_callback (widget_class, settings_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, settings_reset_cb);
  gtk_widget_class_bind_template_callback (widget_class, settings_pin_cb);
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
  gtk_widget_class_install_action (widget_class, "reader.contents", NULL, contents_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "reader.contents", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);

  /* Text size and theme: radio items in the header menus follow these */
  gtk_widget_class_install_property_action (widget_class, "reader.text-size", "text-size");
  gtk_widget_class_install_property_action (widget_class, "reader.theme", "theme");

  /* WCAG 1.4.4: from 100% to 400%, the keys every browser uses */
  gtk_widget_class_install_action (widget_class, "reader.zoom-in", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "reader.zoom-out", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "reader.zoom-reset", NULL, zoom_action_cb);
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
  g_autoptr(GMenuModel) text_size_menu = text_size_menu_new ();
  g_autoptr(GMenuModel) theme_menu = theme_menu_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->document_view = pl_reader_get_document_view (self->reader);
  self->spoken_block = -1;
  g_object_bind_property (self->reader, "contents-visible", self->contents_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  /* Focus mode: nothing but the text (the keys still work) */
  g_object_bind_property (self->reader, "focus-mode", self->reader_header, "visible",
                          G_BINDING_INVERT_BOOLEAN | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->reader, "focus-mode", self->read_aloud_bar, "visible",
                          G_BINDING_INVERT_BOOLEAN | G_BINDING_SYNC_CREATE);
  pl_read_aloud_bar_set_place_func (self->read_aloud_bar, read_aloud_place_cb, self);
  pl_read_aloud_bar_add_shortcuts (self->read_aloud_bar, self->reader_page);
  g_signal_connect_object (pl_read_aloud_bar_get_speech (self->read_aloud_bar), "sentence",
                           G_CALLBACK (spoken_sentence_cb), self, 0);
  g_signal_connect_object (pl_read_aloud_bar_get_speech (self->read_aloud_bar), "word",
                           G_CALLBACK (spoken_word_cb), self, 0);
  g_signal_connect_object (pl_read_aloud_bar_get_speech (self->read_aloud_bar), "state-changed",
                           G_CALLBACK (speech_state_cb), self, 0);

  for (guint i = 0; i < G_N_ELEMENTS (home_items); i++)
    {
      GtkWidget *button = home_button_new (self, home_items[i].page,
                                           _(home_items[i].label),
                                           home_items[i].icon_name);

      self->home_buttons[home_items[i].page] = button;
      gtk_box_append (self->home_box, button);
    }

  /* NG21 1.4.5, NG86 1.1.3: a complaint, a compliment or anything else */
  self->feedback_button = home_button_new (self, HOME_FEEDBACK, _("Tell us what you think"),
                                           "document-edit-symbolic");
  gtk_box_insert_child_after (self->home_box, self->feedback_button,
                              self->home_buttons[PL_DOCUMENT_COMPLAINT]);
  self->settings_button = home_button_new (self, HOME_SETTINGS, _("My settings"),
                                           "preferences-system-symbolic");
  gtk_box_append (self->home_box, self->settings_button);

  gtk_menu_button_set_menu_model (self->text_size_button, text_size_menu);
  gtk_menu_button_set_menu_model (self->theme_button, theme_menu);

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
  apply_reader_style (self);
  update_reader_actions (self);

  self->keep_settings = TRUE;
  self->person_buttons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->carer_buttons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* Set from the reader's own settings once someone chooses their name */
  self->idle_lock = pl_idle_lock_new (GTK_WINDOW (self));
  g_signal_connect_swapped (self->idle_lock, "idle", G_CALLBACK (pl_window_lock), self);

  /* On for whoever chose them, once they have chosen their name */
  self->talking = pl_talking_buttons_new (GTK_WINDOW (self));
  g_signal_connect (self->talking, "speak", G_CALLBACK (talking_speak_cb), self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries,
                                   G_N_ELEMENTS (win_entries), self);
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
