/* pl-window-reading.c: who is reading, and how: their settings, voice and lock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader's own text size, colours, spacing and voice, saved the moment
 * they change; "My settings"; talking buttons; the inactivity lock; and the
 * spoken word's highlight.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-plan-translation.h"
#include "pl-reader-style.h"
#include "pl-ui-words.h"
#include "pl-window-private.h"

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

void
pl_window_apply_reader_style (PlWindow *self)
{
  g_autoptr(PlSettings) defaults = NULL;
  const PlSettings *settings = self->reader_settings;
  g_autofree char *css = NULL;

  if (settings == NULL)
    settings = defaults = pl_settings_new_default (0);

  /* The pages in the reader's look are hidden until someone has chosen
   * their name, which brings their settings here. Until then the reader's
   * style sheets (ui/pl-themes.css and the rest) stay unloaded, so the start
   * screen is not matched against their rules. */
  if (self->reader_settings != NULL)
    {
      css = pl_reader_style_css (settings, self->reader_class);
      gtk_css_provider_load_from_data (self->reader_css, css, -1);
      pl_reader_style_apply (GTK_WIDGET (self), self->reader_class, settings);
      update_home_width (self, settings);
    }
  pl_reader_set_settings (self->reader, settings);
  pl_window_update_read_aloud_document (self);
  pl_voice_set_settings (self->voice, settings, self->language);
  pl_spoken_highlight_set_theme (self->highlight, settings->theme);
}

void
pl_window_save_reader_settings (PlWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->reader_settings == NULL || !self->keep_settings)
    return;

  /* The change stays on screen even if it cannot be kept */
  if (!(self->carer_id != 0
        ? pl_store_save_carer_settings (self->store, self->reader_settings, &error)
        : pl_store_save_settings (self->store, self->reader_settings, &error)))
    pl_window_show_error (self, _("Plainly could not keep this change"), error->message, FALSE);
}

static void
update_talking_buttons (PlWindow *self)
{
  gboolean on = self->reader_settings != NULL && self->reader_settings->talking_buttons;

  pl_talking_buttons_set_enabled (self->talking, on);
}

static void
control_error_cb (PlSpeech     *control,
                  const GError *error,
                  PlWindow     *self)
{
  /* Said once, and it stays until dismissed: everything else still works */
  if (self->told_no_speaker)
    return;
  self->told_no_speaker = TRUE;

  /* Made where the sound is, in the computer's language: said again in
   * the reader's */
  if (g_error_matches (error, PL_SPEECH_ERROR, PL_SPEECH_ERROR_NO_AUDIO_DEVICE))
    {
      g_autoptr(PlUiWordsScope) words = pl_ui_words_scope_new (GTK_WIDGET (self));

      pl_window_show_notice (self, _("Plainly cannot find a speaker or headphones. Check that "
                                     "they are plugged in and switched on, then try again."));
    }
  else
    pl_window_show_notice (self, error->message);
}

void
pl_window_talking_speak_cb (PlTalkingButtons *talking,
                  const char       *words,
                  PlWindow         *self)
{
  /* Dropped while a reading speaks: see pl-voice.h */
  pl_voice_say (self->voice, words);
}

/* One voice for the window: the reader's bar, the complaint form and
 * talking buttons all speak through it, so they never talk over each other */
void
pl_window_init_voice (PlWindow *self)
{
  self->voice = pl_voice_new ();
  g_signal_connect_object (pl_voice_get_control (self->voice), "error",
                           G_CALLBACK (control_error_cb), self, 0);
  pl_read_aloud_bar_set_voice (self->read_aloud_bar, self->voice);
  self->highlight = pl_spoken_highlight_new (pl_voice_get_reading (self->voice),
                                             self->document_view);
  pl_spoken_highlight_set_easy_read (self->highlight,
                                     pl_reader_get_easy_read_view (self->reader));
}

PlVoice *
pl_window_get_voice (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return self->voice;
}

static void
update_idle_lock (PlWindow *self)
{
  guint minutes = self->reader_settings != NULL ? (guint) MAX (self->reader_settings->lock_minutes, 0) : 0;

  pl_idle_lock_set_timeout (self->idle_lock, MIN (minutes, 24 * 60) * 60 * 1000);
}

/* How the person's own and their service's names, places and medicines
 * are said, for every reading and talking button from here on */
void
pl_window_load_lexicon (PlWindow *self)
{
  g_autoptr(PlLexicon) lexicon = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && self->person_id != 0)
    {
      lexicon = pl_lexicon_new_for_person (self->store, self->person_id, &error);
      /* Said as the voice would say them anyway: worth a note, not a stop */
      if (lexicon == NULL)
        g_warning ("Could not read the pronunciation list: %s", error->message);
    }
  pl_voice_set_lexicon (self->voice, lexicon);
}

void
pl_window_load_reader_settings (PlWindow *self,
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
  pl_window_apply_reader_style (self);
  pl_window_update_reader_actions (self);
  update_idle_lock (self);
  update_talking_buttons (self);
  pl_window_notify_look (self);
  pl_window_load_lexicon (self);
}

/* My settings ----------------------------------------------------------- */

/* The language of the window's words for who is reading: theirs as
 * chosen in My settings, else the person's recorded language; a carer's
 * own choice, else the computer's */
const char *
pl_window_reader_words_language (PlWindow *self)
{
  if (self->reader_settings != NULL && self->reader_settings->language != NULL &&
      self->reader_settings->language[0] != '\0')
    return self->reader_settings->language;
  return self->carer_id != 0 ? NULL : self->language;
}

/* After the choice that asked for it has finished: the settings page is
 * made again in the new language */
static gboolean
words_language_idle_cb (gpointer data)
{
  PlWindow *self = data;

  self->words_language_idle = 0;
  if (self->person_id != 0)
    pl_window_set_words_language (self, pl_window_reader_words_language (self));
  return G_SOURCE_REMOVE;
}

static void
reader_settings_changed (PlWindow *self)
{
  pl_window_apply_reader_style (self);
  pl_window_save_reader_settings (self);
  update_idle_lock (self);
  update_talking_buttons (self);
  pl_window_notify_look (self);

  if (g_strcmp0 (pl_window_reader_words_language (self), self->words_language) != 0 &&
      self->words_language_idle == 0)
    self->words_language_idle = g_idle_add (words_language_idle_cb, self);
}

void
pl_window_settings_changed_cb (PlWindow *self)
{
  pl_window_set_reader_settings (self, pl_settings_page_get_settings (self->settings_page));
}

void
pl_window_set_reader_settings (PlWindow         *self,
                               const PlSettings *chosen)
{
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

void
pl_window_settings_reset_cb (PlWindow *self)
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
      pl_window_show_error (self, _("Plainly could not read the communication needs"), error->message, FALSE);
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
      pl_window_show_error (self, _("Plainly could not save the PIN"), error->message, FALSE);
      return;
    }
  /* Still theirs to see: they may have left My settings meanwhile */
  if (self->person_id == person_id && self->carer_id == carer_id && self->settings_page != NULL)
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

  /* The window may have closed while the PIN was hashed */
  if (self->settings_page != NULL)
    pl_settings_page_set_pin_busy (self->settings_page, FALSE);
  if (self->store == NULL)
    g_free (hash);
  else if (hash == NULL)
    pl_window_show_error (self, _("Plainly could not set the PIN"), error->message, FALSE);
  else
    save_pin_hash (self, job->person_id, job->carer_id, hash);
}

/* Hashing takes a moment on purpose (Argon2id): it runs in a worker
 * thread while the page says it is busy, and the window stays usable */
void
pl_window_settings_pin_cb (PlWindow   *self,
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

/* Built when first opened, not with the window: it is the largest page,
 * and most people reach the start screen many times for each visit here */
PlSettingsPage *
pl_window_ensure_settings_page (PlWindow *self)
{
  GtkWidget *page;

  g_autoptr(PlUiWordsScope) words = NULL;

  if (self->settings_page != NULL)
    return self->settings_page;

  /* Its words in the window's language, the code's as well as the
   * template's */
  words = pl_ui_words_scope_new (GTK_WIDGET (self));
  page = g_object_new (PL_TYPE_SETTINGS_PAGE, "vexpand", TRUE, NULL);
  g_signal_connect_object (page, "changed",
                           G_CALLBACK (pl_window_settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "reset-requested",
                           G_CALLBACK (pl_window_settings_reset_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "pin-requested",
                           G_CALLBACK (pl_window_settings_pin_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->settings_box), page);
  if (self->words_language != NULL)
    pl_ui_words_translate (page, self->words_language);
  self->settings_page = PL_SETTINGS_PAGE (page);
  return self->settings_page;
}

gboolean
pl_window_open_settings (PlWindow *self)
{
  /* Its words in the person's language */
  g_autoptr(PlUiWordsScope) words = pl_ui_words_scope_new (GTK_WIDGET (self));
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
          name = g_strdup (pl_window_person_display_name (person));
          has_pin = person->pin_hash != NULL && person->pin_hash[0] != '\0';
        }
    }
  if (name == NULL)
    {
      pl_window_show_error (self, _("Plainly could not open the settings"), error->message, FALSE);
      return FALSE;
    }

  pl_window_ensure_settings_page (self);
  pl_settings_page_set_person_name (self->settings_page, name);
  rules = needs != NULL ? pl_store_list_need_rules (self->store, 0, &error) : NULL;
  pl_settings_page_set_needs (self->settings_page, needs, rules);
  pl_settings_page_set_has_pin (self->settings_page, has_pin);
  {
    g_autoptr(GError) languages_error = NULL;
    g_auto(GStrv) languages = pl_plan_translation_languages (self->store, self->person_id,
                                                              &languages_error);

    /* Without them the plan is read as written, and the choice not offered */
    if (languages == NULL)
      g_warning ("Cannot read the plan's languages: %s", languages_error->message);
    pl_settings_page_set_plan_languages (self->settings_page, (const char * const *) languages,
                                         self->language);
  }
  pl_settings_page_set_settings (self->settings_page, self->reader_settings);

  /* Back from here goes home, not into the last document */
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->reader_page), FALSE);
  self->in_settings = TRUE;
  adw_leaflet_set_visible_child (self->leaflet, self->settings_box);
  pl_window_update_window_title (self);
  gtk_widget_child_focus (GTK_WIDGET (self->settings_page), GTK_DIR_TAB_FORWARD);
  return TRUE;
}

PlSettingsPage *
pl_window_get_settings_page (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return pl_window_ensure_settings_page (self);
}

GtkWidget *
pl_window_get_settings_button (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return self->settings_button;
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

void
pl_window_set_keep_settings (PlWindow *self,
                             gboolean  keep)
{
  g_return_if_fail (PL_IS_WINDOW (self));

  self->keep_settings = keep;
}

/* Reading aloud --------------------------------------------------------- */

void
pl_window_read_aloud_place_cb (gpointer  user_data,
                     guint    *block,
                     guint    *character)
{
  PlWindow *self = user_data;

  /* In easy read, the line with the focus of the lines being read */
  if (self->reader_settings != NULL && self->reader_settings->easy_read)
    {
      *block = pl_easy_read_view_get_place (pl_reader_get_easy_read_view (self->reader));
      *character = 0;
      return;
    }
  pl_document_view_get_place (self->document_view, block, character);
}
