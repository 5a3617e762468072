/* pl-settings-page-speech.c: the Language and Speech sections of "My settings"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The language of Plainly's own words on screen; reading aloud when
 * something opens, talking buttons, the voice (the person's own language
 * or one chosen from espeak-ng's), its speed, pitch and volume, and the
 * pause between parts.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <math.h>
#include <string.h>
#include "pl-i18n.h"

#include "pl-settings-page-private.h"
#include "pl-speech.h"
#include "pl-ui-words.h"

/* Listing the voices starts espeak-ng, which reads hundreds of files: it
 * is done when the page is first shown, or a voice must be found in it, not
 * while the window is being built */
static void
ensure_voices (PlSettingsPage *self)
{
  GtkStringList *names = GTK_STRING_LIST (adw_combo_row_get_model (self->voice));
  gboolean was_updating = self->updating;

  if (self->voices_listed)
    return;
  self->voices_listed = TRUE;

  g_clear_pointer (&self->voices, g_ptr_array_unref);
  self->voices = pl_speech_list_languages ();
  /* After "My own language", so what is chosen stays chosen */
  self->updating = TRUE;
  for (guint i = 0; i < self->voices->len; i++)
    gtk_string_list_append (names, ((PlSpeechLanguage *) self->voices->pdata[i])->name);
  self->updating = was_updating;
}

static void
page_map_cb (GtkWidget *widget)
{
  ensure_voices (PL_SETTINGS_PAGE (widget));
}

/* The voice is the person's own language (position 0) or one chosen */
static guint
voice_position (PlSettingsPage *self,
                const char     *tag)
{
  if (tag != NULL)
    ensure_voices (self);
  for (guint i = 0; tag != NULL && i < self->voices->len; i++)
    if (g_ascii_strcasecmp (((PlSpeechLanguage *) self->voices->pdata[i])->tag, tag) == 0)
      return i + 1;
  return 0;
}

static void
voice_selected_cb (PlSettingsPage *self)
{
  guint position = adw_combo_row_get_selected (self->voice);
  const char *tag = NULL;

  if (self->updating)
    return;
  if (position >= 1 && position <= self->voices->len)
    tag = ((PlSpeechLanguage *) self->voices->pdata[position - 1])->tag;
  if (g_strcmp0 (tag, self->settings->voice) == 0)
    return;

  g_free (self->settings->voice);
  self->settings->voice = g_strdup (tag);
  pl_settings_page_changed (self);
}

static void
add_voice_choice (PlSettingsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  /* The languages themselves are added by ensure_voices */
  self->voices = g_ptr_array_new ();
  gtk_string_list_append (names, _("My own language"));

  /* A row that opens the list: GTK 4.8's drop-down button has no name of
   * its own for a screen reader */
  self->voice = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->voice), "voice");
  adw_combo_row_set_model (self->voice, G_LIST_MODEL (names));
  adw_combo_row_set_use_subtitle (self->voice, TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->voice), _("Voice"));
  g_signal_connect_swapped (self->voice, "notify::selected", G_CALLBACK (voice_selected_cb), self);
  adw_preferences_group_add (self->speech_group, GTK_WIDGET (self->voice));
}

guint
pl_settings_page_get_n_languages (void)
{
  return pl_ui_words_get_n_languages ();
}

const char *
pl_settings_page_get_language_tag (guint position)
{
  return pl_ui_words_get_language_tag (position);
}

/* Their own language is position 0; then pl_ui_words' languages */
static guint
language_position (const char *tag)
{
  return (guint) (pl_ui_words_find_language (tag) + 1);
}

static void
language_selected_cb (PlSettingsPage *self)
{
  guint position = adw_combo_row_get_selected (self->language);
  const char *tag = NULL;

  if (self->updating)
    return;
  if (position >= 1 && position <= pl_ui_words_get_n_languages ())
    tag = pl_ui_words_get_language_tag (position - 1);
  if (g_strcmp0 (tag, self->settings->language) == 0)
    return;

  g_free (self->settings->language);
  self->settings->language = g_strdup (tag);
  pl_settings_page_changed (self);
}

static void
add_language_choice (PlSettingsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("My own language"));
  for (guint i = 0; i < pl_ui_words_get_n_languages (); i++)
    gtk_string_list_append (names, pl_ui_words_get_language_name (i));

  self->language = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->language), "language");
  adw_combo_row_set_model (self->language, G_LIST_MODEL (names));
  adw_combo_row_set_use_subtitle (self->language, TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->language), _("Words on screen"));
  g_signal_connect_swapped (self->language, "notify::selected", G_CALLBACK (language_selected_cb), self);
  adw_preferences_group_add (self->language_group, GTK_WIDGET (self->language));
}

static void
plan_language_selected_cb (PlSettingsPage *self)
{
  guint position = adw_combo_row_get_selected (self->plan_language);
  const char *tag = NULL;

  if (self->updating || self->plan_languages == NULL)
    return;
  if (position >= 1 && position <= g_strv_length (self->plan_languages))
    tag = self->plan_languages[position - 1];
  if (g_strcmp0 (tag, self->settings->plan_language) == 0)
    return;

  g_free (self->settings->plan_language);
  self->settings->plan_language = g_strdup (tag);
  pl_settings_page_changed (self);
}

static void
add_plan_language_choice (PlSettingsPage *self)
{
  self->plan_language = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->plan_language), "plan-language");
  adw_combo_row_set_use_subtitle (self->plan_language, TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->plan_language), _("My plan in"));
  gtk_widget_set_visible (GTK_WIDGET (self->plan_language), FALSE);
  g_signal_connect_swapped (self->plan_language, "notify::selected",
                            G_CALLBACK (plan_language_selected_cb), self);
  adw_preferences_group_add (self->language_group, GTK_WIDGET (self->plan_language));
}

/* The plan as written is position 0; then plan_languages */
static guint
plan_language_position (PlSettingsPage *self,
                        const char     *tag)
{
  for (guint i = 0; tag != NULL && self->plan_languages != NULL && self->plan_languages[i]; i++)
    if (g_str_equal (self->plan_languages[i], tag))
      return i + 1;
  return 0;
}

void
pl_settings_page_set_plan_languages (PlSettingsPage     *self,
                                     const char * const *languages,
                                     const char         *written_in)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gboolean updating;

  g_return_if_fail (PL_IS_SETTINGS_PAGE (self));

  g_clear_pointer (&self->plan_languages, g_strfreev);
  self->plan_languages = g_strdupv ((char **) languages);

  if (written_in != NULL && *written_in != '\0')
    /* Translators: the first choice of "My plan in": the language the
     * plan was written in, named in itself: "Polski, as it was written" */
    gtk_string_list_take (names, g_strdup_printf (_("%s, as it was written"),
                                                  pl_ui_words_language_name (written_in)));
  else
    gtk_string_list_append (names, _("As it was written"));
  for (guint i = 0; self->plan_languages != NULL && self->plan_languages[i]; i++)
    gtk_string_list_append (names, pl_ui_words_language_name (self->plan_languages[i]));

  updating = self->updating;
  self->updating = TRUE;
  adw_combo_row_set_model (self->plan_language, G_LIST_MODEL (names));
  if (self->settings != NULL)
    adw_combo_row_set_selected (self->plan_language,
                                plan_language_position (self, self->settings->plan_language));
  self->updating = updating;
  gtk_widget_set_visible (GTK_WIDGET (self->plan_language),
                          self->plan_languages != NULL && self->plan_languages[0] != NULL);
}

void
pl_settings_page_focus_language (PlSettingsPage *self)
{
  g_return_if_fail (PL_IS_SETTINGS_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->language));
}

/* "Read aloud when something opens" and "Talking buttons" */
static void
speech_switch_changed_cb (PlSettingsPage *self,
                          GParamSpec     *pspec,
                          GtkSwitch      *widget)
{
  pl_settings_page_switch_changed (self, widget);
}

static void
speech_changed_cb (PlSettingsPage *self,
                   GtkSpinButton  *spin)
{
  int value;
  int *field;

  if (self->updating)
    return;

  if (spin == self->pause)
    {
      value = (int) lround (gtk_spin_button_get_value (spin) * 1000.0);
      field = &self->settings->pause_ms;
    }
  else
    {
      value = gtk_spin_button_get_value_as_int (spin);
      if (spin == self->speech_rate)
        field = &self->settings->speech_rate;
      else if (spin == self->speech_pitch)
        field = &self->settings->speech_pitch;
      else
        field = &self->settings->speech_volume;
    }

  if (*field == value)
    return;
  *field = value;
  pl_settings_page_changed (self);
}

void
pl_settings_page_class_init_speech (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, language_group);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, speech_group);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, read_aloud);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, talking_buttons);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, speech_rate);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, speech_pitch);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, speech_volume);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, pause);
  gtk_widget_class_bind_template_callback (widget_class, speech_switch_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, speech_changed_cb);
}

void
pl_settings_page_init_speech (PlSettingsPage *self)
{
  add_language_choice (self);
  add_plan_language_choice (self);
  add_voice_choice (self);
  g_signal_connect (self, "map", G_CALLBACK (page_map_cb), NULL);
}

void
pl_settings_page_show_speech (PlSettingsPage *self)
{
  const PlSettings *s = self->settings;

  adw_combo_row_set_selected (self->language, language_position (s->language));
  adw_combo_row_set_selected (self->plan_language,
                              plan_language_position (self, s->plan_language));
  gtk_switch_set_active (self->read_aloud, s->read_aloud);
  gtk_switch_set_active (self->talking_buttons, s->talking_buttons);
  gtk_spin_button_set_value (self->speech_rate, s->speech_rate);
  adw_combo_row_set_selected (self->voice, voice_position (self, s->voice));
  gtk_spin_button_set_value (self->speech_pitch, s->speech_pitch);
  gtk_spin_button_set_value (self->speech_volume, s->speech_volume);
  gtk_spin_button_set_value (self->pause, s->pause_ms / 1000.0);
}
