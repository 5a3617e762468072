/* pl-window-home.c: the person's home and the documents it opens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a person (or their carer) may open, as the access policy lets them;
 * every document comes from pl_document_build_for ().
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"
#include "pl-diary-comment-dialog.h"
#include "pl-screen-reader.h"
#include "pl-ui-words.h"
#include "pl-window-private.h"

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

GtkWidget *
pl_window_home_button_new (PlWindow     *self,
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

static void
home_button_set_label (GtkWidget  *button,
                       const char *text)
{
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (button));

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

/* The window's words in language (a tag), or in the computer's when
 * language is NULL: the templates' (pl-ui-words.h), then the home's.
 * Words shown later are made in it by whoever shows them. */
void
pl_window_set_words_language (PlWindow   *self,
                              const char *language)
{
  g_autoptr(PlUiWordsScope) words = NULL;

  if (self->words_set && g_strcmp0 (self->words_language, language) == 0)
    return;

  self->words_set = TRUE;
  g_free (self->words_language);
  self->words_language = g_strdup (language);
  pl_ui_words_translate (GTK_WIDGET (self), language);

  /* Made again, all in the new language: now if it is on screen (the
   * language was chosen there), else when next opened */
  if (self->settings_page != NULL)
    {
      gboolean shown = adw_leaflet_get_visible_child (self->leaflet) == self->settings_box;

      gtk_box_remove (GTK_BOX (self->settings_box), GTK_WIDGET (self->settings_page));
      self->settings_page = NULL;
      if (shown && pl_window_open_settings (self))
        pl_settings_page_focus_language (self->settings_page);
    }

  words = pl_ui_words_scope_new (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (home_items); i++)
    home_button_set_label (self->home_buttons[home_items[i].page], _(home_items[i].label));
  home_button_set_label (self->feedback_button, _("Tell us what you think"));
  home_button_set_label (self->settings_button, _("My settings"));
  pl_window_update_window_title (self);
}

/* Built when first opened, not with the window */
PlComplaintForm *
pl_window_ensure_complaint_form (PlWindow *self)
{
  GtkWidget *form;

  if (self->complaint_form != NULL)
    return self->complaint_form;

  form = g_object_new (PL_TYPE_COMPLAINT_FORM, "vexpand", TRUE, NULL);
  gtk_box_append (GTK_BOX (self->feedback_box), form);
  if (self->words_language != NULL)
    pl_ui_words_translate (form, self->words_language);
  self->complaint_form = PL_COMPLAINT_FORM (form);
  /* It speaks with the window's one voice */
  pl_complaint_form_set_voice (self->complaint_form, self->voice);
  return self->complaint_form;
}

gboolean
pl_window_open_feedback (PlWindow *self)
{
  /* Its words in the person's language */
  g_autoptr(PlUiWordsScope) words = pl_ui_words_scope_new (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);

  if (self->store == NULL || self->person_id == 0)
    return FALSE;

  if (self->viewer == NULL || !pl_viewer_may_open (self->viewer, PL_DOCUMENT_COMPLAINT, &error))
    {
      pl_window_show_error (self, _("Plainly could not open the form"),
                  error != NULL ? error->message : "", FALSE);
      return FALSE;
    }

  if (!pl_complaint_form_set_person (pl_window_ensure_complaint_form (self),
                                     self->store, self->person_id, &error))
    {
      pl_window_show_error (self, _("Plainly could not open the form"), error->message, FALSE);
      return FALSE;
    }

  /* Back from here goes home */
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->reader_page), FALSE);
  self->in_feedback = TRUE;
  adw_leaflet_set_visible_child (self->leaflet, self->feedback_box);
  pl_window_update_window_title (self);
  gtk_widget_child_focus (GTK_WIDGET (self->complaint_form), GTK_DIR_TAB_FORWARD);
  return TRUE;
}

PlComplaintForm *
pl_window_get_complaint_form (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return pl_window_ensure_complaint_form (self);
}

GtkWidget *
pl_window_get_feedback_button (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return self->feedback_button;
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
  g_autofree char *name = NULL;
  GtkWidget *first = NULL;
  gint64 person_id = pl_viewer_get_person_id (viewer);
  gint64 carer_id = pl_viewer_get_carer_id (viewer);
  guint scopes = pl_viewer_get_scopes (viewer);
  g_autoptr(PlUiWordsScope) words = NULL;

  if (self->store == NULL)
    return FALSE;

  person = pl_store_load_person (self->store, person_id, &error);
  if (person != NULL && carer_id != 0)
    carer = pl_store_load_carer (self->store, carer_id, &error);
  if (person == NULL || (carer_id != 0 && carer == NULL))
    {
      pl_window_show_error (self, _("Plainly could not open this person’s page"), error->message, FALSE);
      return FALSE;
    }

  self->person_id = person_id;
  self->carer_id = carer_id;
  pl_window_set_viewer (self, viewer);
  g_free (self->language);
  self->language = g_strdup (person->preferred_language);
  self->page = PL_DOCUMENT_PLAN;
  /* Their text size and theme from the first thing they see */
  pl_window_load_reader_settings (self, person_id, carer_id);
  /* The window in their language from here on: a carer reads the
   * person's documents with the window in the carer's own */
  pl_window_set_words_language (self, pl_window_reader_words_language (self));
  words = pl_ui_words_scope_new (GTK_WIDGET (self));
  pl_window_show_document (self, NULL);
  name = pl_catalog_isolate (pl_window_person_display_name (person));

  {
    g_autofree char *reader = pl_catalog_isolate (carer != NULL ? carer->name
                                                                : pl_window_person_display_name (person));

    /* Translators: the heading of the home page; %s is the name the person
     * (or their carer) wants to be called */
    greeting = g_strdup_printf (_("Hello, %s"), reader);
  }
  gtk_label_set_label (self->home_heading, greeting);

  if (carer != NULL)
    {
      g_autofree char *note = NULL;

      /* NG86 1.1.14-1.1.15: say whose documents these are, and that the
       * person chose what is shown */
      if (scopes == 0)
        note = g_strdup_printf (_("%s has not shared anything with you yet."), name);
      else
        /* Translators: both %s are the name the person likes to be called */
        note = g_strdup_printf (_("You are reading %s’s documents. %s chose what you can see."),
                                name, name);
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
  pl_window_update_window_title (self);
  if (first != NULL)
    gtk_widget_grab_focus (first);

  if (carer == NULL)
    remember_person (self, person_id);
  return TRUE;
}

/* The home of person_id, read by who: the person themselves or a carer,
 * as the access policy let them in (their PIN given at the start screen) */
gboolean
pl_window_open_home (PlWindow *self,
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
      pl_window_show_error (self, _("Plainly could not open this person’s page"), error->message, FALSE);
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
    pl_window_show_error (self, _("Plainly could not open this person’s page"), error->message, FALSE);
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
  return pl_window_open_home (self, who, person_id);
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
  return pl_window_open_home (self, who, person_id);
}

gboolean
pl_window_open_home_for (PlWindow *self,
                         PlViewer *viewer)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (viewer != NULL, FALSE);

  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->supported_page),
                                    FALSE);
  return pl_window_open_home (self, viewer, pl_viewer_get_person_id (viewer));
}

gboolean
pl_window_open_carer (PlWindow *self,
                      gint64    carer_id)
{
  g_autoptr(PlViewer) who = NULL;

  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);

  who = open_without_pin (self, PL_VIEWER_CARER, carer_id);
  return who != NULL && pl_window_open_carer_as (self, who);
}

/* The carer's start: the home of the one person they support, or a choice.
 * The window keeps the carer's viewer, to open each person's home from. */
gboolean
pl_window_open_carer_as (PlWindow *self,
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
      pl_window_show_error (self, _("Plainly could not open your page"), error->message, FALSE);
      return FALSE;
    }

  if (people->len == 0)
    {
      pl_window_show_error (self, _("Nobody has shared their documents with you yet"),
                  _("Ask the staff who support the person you care for to link your name "
                    "to theirs."), FALSE);
      return FALSE;
    }

  /* With one person, straight to their home; with more, a choice first */
  if (people->len == 1)
    {
      adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->supported_page),
                                        FALSE);
      return pl_window_open_home (self, carer_viewer, ((PlPerson *) people->pdata[0])->id);
    }

  pl_window_clear_box (self->supported_box);
  g_ptr_array_sort (people, pl_window_compare_people);
  for (guint i = 0; i < people->len; i++)
    {
      const PlPerson *person = g_ptr_array_index (people, i);

      gtk_box_append (self->supported_box,
                      pl_window_profile_button_new (self, pl_window_person_display_name (person),
                                          "pl-person-id", person->id,
                                          G_CALLBACK (pl_window_supported_button_clicked_cb)));
    }

  self->carer_id = carer_id;
  self->person_id = 0;
  pl_window_set_viewer (self, carer_viewer);
  /* The carer's own text size, theme and language from here on */
  pl_window_load_reader_settings (self, 0, carer_id);
  pl_window_set_words_language (self, pl_window_reader_words_language (self));
  {
    g_autoptr(PlUiWordsScope) words = pl_ui_words_scope_new (GTK_WIDGET (self));
    g_autofree char *name = pl_catalog_isolate (carer->name);

    /* Translators: %s is the carer's name */
    heading = g_strdup_printf (_("Hello, %s. Whose documents would you like to read?"), name);
  }
  gtk_label_set_label (self->supported_heading, heading);
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->supported_page),
                                    TRUE);
  adw_leaflet_set_visible_child (self->leaflet, self->supported_page);
  pl_window_update_window_title (self);
  pl_window_focus_supported_button (self, 0);
  return TRUE;
}

gint64
pl_window_get_carer_id (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), 0);

  return self->carer_id;
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
        author = g_strdup (pl_window_person_display_name (person));
    }
  if (author == NULL)
    {
      pl_window_show_error (self, _("Plainly could not open the comment"),
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

void
pl_window_diary_comment_clicked_cb (PlWindow *self)
{
  pl_window_open_diary_comment (self);
}

/* The second frame's tick comes after the first frame is laid out and
 * drawn: the document takes the focus then, while Plainly is free to
 * answer Orca's questions about it */
static gboolean
focus_start_tick_cb (GtkWidget     *view,
                     GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  guint *ticks = user_data;

  if ((*ticks)++ == 0)
    return G_SOURCE_CONTINUE;
  if (gtk_widget_get_mapped (view))
    pl_document_view_focus_start (PL_DOCUMENT_VIEW (view));
  return G_SOURCE_REMOVE;
}

/* Reading, by eye, keyboard or screen reader, starts at the top. With a
 * screen reader, once the page is drawn: Orca asks about the focus at once
 * and gives up after 0.8 s, and laying out a plan of hundreds of parts can
 * take longer on a busy computer, which left it silent. */
static void
focus_document_start (PlWindow *self)
{
  if (!pl_screen_reader_get_running (pl_screen_reader_get_default ()))
    {
      pl_document_view_focus_start (self->document_view);
      return;
    }
  gtk_widget_add_tick_callback (GTK_WIDGET (self->document_view), focus_start_tick_cb,
                                g_new0 (guint, 1), g_free);
}

gboolean
pl_window_open_page (PlWindow       *self,
                     PlDocumentKind  page)
{
  /* Its words in the person's language */
  g_autoptr(PlUiWordsScope) words = pl_ui_words_scope_new (GTK_WIDGET (self));
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
      pl_window_show_error (self, page_error_heading (page), error->message, FALSE);
      return FALSE;
    }

  self->page = page;
  gtk_widget_set_visible (self->diary_bar,
                          page == PL_DOCUMENT_DIARY &&
                          pl_document_record_near (document, 0, &pl_diary_entry_type) != 0);
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->reader_page), TRUE);
  adw_window_title_set_title (self->reader_title, pl_document_get_title (document));
  pl_window_show_document (self, document);
  adw_leaflet_set_visible_child (self->leaflet, self->reader_page);
  pl_window_update_window_title (self);

  /* Shown now: next time only newer changes are pointed out (NG86 1.4.8) */
  if (!pl_document_note_shown (self->store, self->viewer, page, &seen_error))
    g_warning ("Could not remember that the plan was seen: %s", seen_error->message);

  focus_document_start (self);

  /* "Read aloud when something opens", unless a screen reader already
   * reads it: the two voices would talk over each other */
  if (self->reader_settings != NULL && self->reader_settings->read_aloud &&
      !pl_talking_buttons_get_screen_reader_running (self->talking))
    pl_read_aloud_bar_read_all (self->read_aloud_bar);
  return TRUE;
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

/* The home's buttons: one for each document, then "Tell us what you think"
 * and "My settings" */
void
pl_window_init_home (PlWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (home_items); i++)
    {
      GtkWidget *button = pl_window_home_button_new (self, home_items[i].page,
                                           _(home_items[i].label),
                                           home_items[i].icon_name);

      self->home_buttons[home_items[i].page] = button;
      gtk_box_append (self->home_box, button);
    }

  /* NG21 1.4.5, NG86 1.1.3: a complaint, a compliment or anything else */
  self->feedback_button = pl_window_home_button_new (self, HOME_FEEDBACK, _("Tell us what you think"),
                                           "document-edit-symbolic");
  gtk_box_insert_child_after (self->home_box, self->feedback_button,
                              self->home_buttons[PL_DOCUMENT_COMPLAINT]);
  self->settings_button = pl_window_home_button_new (self, HOME_SETTINGS, _("My settings"),
                                           "preferences-system-symbolic");
  gtk_box_append (self->home_box, self->settings_button);
}
