/* pl-settings-page-private.h: what the settings page's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pl-settings-page.c is the widget: its properties and signals, its own
 * style, spacing, reading aids and "Why these settings".
 * pl-settings-page-choices.c makes the large choice buttons every set of
 * choices is shown with, and the text size, colours and font sets.
 * pl-settings-page-speech.c is the Speech section and its list of voices;
 * pl-settings-page-privacy.c the Privacy section: the lock and the PIN, with
 * the dialogs that set and remove it.
 *
 * Each section binds its own template children and callbacks
 * (…_class_init_*), fills itself in when the page is made (…_init_*) and
 * shows the page's settings in its controls (…_show_*), which the page calls
 * with self->updating set, so no control reports what it was given.
 */

#pragma once

#include <adwaita.h>

#include "pl-choice-button.h"
#include "pl-settings-page.h"

G_BEGIN_DECLS

struct _PlSettingsPage
{
  GtkWidget       parent_instance;

  /* template: the page */
  GtkScrolledWindow *scroller;
  AdwClamp       *clamp;
  GtkBox         *column;
  GtkLabel       *heading;
  GtkSpinButton  *line_spacing;
  GtkSpinButton  *paragraph_spacing;
  GtkSpinButton  *letter_spacing;
  GtkSwitch      *reading_ruler;
  GtkSwitch      *focus_mode;
  GtkSwitch      *easy_read;
  GtkFlowBox     *symbols_box;
  GtkFlowBox     *line_focus_box;
  AdwPreferencesGroup *needs_group;
  GtkListBox     *needs_list;
  GtkButton      *reset;

  /* template: pl-settings-page-choices.c */
  GtkFlowBox     *size_box;
  GtkFlowBox     *theme_box;
  GtkFlowBox     *font_box;

  /* template: pl-settings-page-speech.c */
  AdwPreferencesGroup *language_group;
  AdwPreferencesGroup *speech_group;
  GtkSwitch      *read_aloud;
  GtkSwitch      *talking_buttons;
  GtkSpinButton  *speech_rate;
  GtkSpinButton  *speech_pitch;
  GtkSpinButton  *speech_volume;
  GtkSpinButton  *pause;

  /* template: pl-settings-page-privacy.c */
  GtkFlowBox     *lock_box;
  GtkLabel       *pin_status;
  GtkButton      *pin_set;
  GtkButton      *pin_change;
  GtkButton      *pin_remove;

  PlSettings     *settings;
  char           *person_name;
  gboolean        has_pin;
  /* Set while the controls are being made to show self->settings */
  gboolean        updating;

  GPtrArray      *size_buttons;       /* PlChoiceButton, data "pl-value" */
  GPtrArray      *theme_buttons;
  GPtrArray      *font_buttons;
  GPtrArray      *line_focus_buttons;
  GPtrArray      *symbols_buttons;
  GPtrArray      *lock_buttons;

  AdwComboRow    *language;      /* of the words on screen: "My own language", then screen_languages */
  AdwComboRow    *plan_language; /* the plan as written, then plan_languages; shown when there are any */
  GStrv           plan_languages; /* what the plan is kept in besides as written */
  AdwComboRow    *voice;
  GPtrArray      *voices;        /* PlSpeechLanguage, in the order shown after "My language" */
  gboolean        voices_listed; /* the voices are in the list (ensure_voices) */

  char           *scope;              /* this page's own CSS class */
  GtkCssProvider *css;
  GtkWindow      *pin_dialog;
};

/* pl-settings-page.c */
/* The person changed self->settings: the page takes its new look and says so */
void       pl_settings_page_changed            (PlSettingsPage *self);
/* Asks the window to set pin, or to remove the PIN when pin is NULL */
void       pl_settings_page_request_pin        (PlSettingsPage *self,
                                                const char     *pin);

/* pl-settings-page-choices.c */
/* A button whose words wrap, so it never makes the page wider than the
 * window at giant print; its accessible name is those words */
void       pl_settings_button_set_words        (GtkButton      *button,
                                                const char     *words);
/* A large button, one of the set group, shown in box; see the .c file */
GtkWidget *pl_settings_choice_new              (GPtrArray      *group,
                                                GtkFlowBox     *box,
                                                const char     *set_name,
                                                const char     *widget_name,
                                                GtkWidget      *content,
                                                const char     *words,
                                                const char     *detail,
                                                const char     *name);
/* One button for each of values, named prefix-VALUE, its words from
 * words_for; chosen is connected to each button's notify::active */
void       pl_settings_add_int_choices         (PlSettingsPage *self,
                                                GPtrArray      *group,
                                                GtkFlowBox     *box,
                                                const char     *set_name,
                                                const char     *prefix,
                                                const int      *values,
                                                guint           n_values,
                                                char         *(*words_for) (int value),
                                                GCallback       chosen);
/* Turns on the button of group whose value is value, or none if none is */
void       pl_settings_choices_show_int        (GPtrArray      *group,
                                                int             value);
void       pl_settings_choices_show_string     (GPtrArray      *group,
                                                const char     *value);
/* The value of an int choice's button */
int        pl_settings_choice_get_int          (PlChoiceButton *button);
void       pl_settings_page_class_init_choices (GtkWidgetClass *widget_class);
void       pl_settings_page_init_choices       (PlSettingsPage *self);
void       pl_settings_page_show_choices       (PlSettingsPage *self);

/* pl-settings-page-speech.c */
void       pl_settings_page_class_init_speech  (GtkWidgetClass *widget_class);
void       pl_settings_page_init_speech        (PlSettingsPage *self);
void       pl_settings_page_show_speech        (PlSettingsPage *self);

/* pl-settings-page-privacy.c */
void       pl_settings_page_class_init_privacy (GtkWidgetClass *widget_class);
void       pl_settings_page_init_privacy       (PlSettingsPage *self);
void       pl_settings_page_show_privacy       (PlSettingsPage *self);
/* Says whether the person has a PIN, and offers what they can do about it */
void       pl_settings_page_update_pin         (PlSettingsPage *self);

/* A switch flipped: its setting follows (pl-settings-page.c) */
void pl_settings_page_switch_changed (PlSettingsPage *self,
                                      GtkSwitch      *widget);

/* What only the tests reach */
/* TRUE if pin and again are the same 4 to 8 digits; else a message a person
 * can read, in error (G_IO_ERROR_INVALID_DATA) */
gboolean          pl_settings_check_pin         (const char       *pin,
                                                 const char       *again,
                                                 GError          **error);
/* Opens the dialog that asks for a new PIN twice; returns it (owned by GTK) */
GtkWindow        *pl_settings_page_ask_for_pin  (PlSettingsPage   *self);
gboolean          pl_settings_page_get_has_pin  (PlSettingsPage   *self);
const char       *pl_settings_page_get_person_name (PlSettingsPage *self);

G_END_DECLS
