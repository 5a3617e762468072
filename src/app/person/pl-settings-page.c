/* pl-settings-page.c: "My settings", the person's display and speech choices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Made for someone reading at giant print: every choice is a large button
 * with words on it, all in view (no drop-down lists to find), every number
 * can be typed, and each change is used at once, with no Apply button. The
 * page dresses itself in the settings it shows, through the reader's own
 * style (pl_reader_style_css), so a change of size or colours is seen here
 * straight away. The window keeps and saves the settings; this page only
 * says what changed.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "pl-choice-button.h"
#include "pl-fonts.h"
#include "pl-needs.h"
#include "pl-reader-style.h"
#include "pl-secret.h"
#include "pl-speech.h"
#include "pl-store.h"
#include "pl-settings-page.h"
#include "pl-theme.h"

/* The column stays about this many characters wide at small sizes, and
 * takes the whole window at large ones */
#define COLUMN_CHARS 52
#define COLUMN_MIN_WIDTH 760
/* The widest a choice's words go before they wrap, in characters */
#define CHOICE_CHARS 16

struct _PlSettingsPage
{
  GtkWidget       parent_instance;

  /* template */
  GtkScrolledWindow *scroller;
  AdwClamp       *clamp;
  GtkBox         *column;
  GtkLabel       *heading;
  GtkFlowBox     *size_box;
  GtkFlowBox     *theme_box;
  GtkFlowBox     *font_box;
  GtkSpinButton  *line_spacing;
  GtkSpinButton  *paragraph_spacing;
  GtkSpinButton  *letter_spacing;
  GtkSwitch      *reading_ruler;
  GtkSwitch      *focus_mode;
  GtkFlowBox     *line_focus_box;
  GtkSwitch      *read_aloud;
  GtkSwitch      *talking_buttons;
  GtkSpinButton  *speech_rate;
  AdwPreferencesGroup *speech_group;
  AdwComboRow    *voice;
  GPtrArray      *voices;        /* PlSpeechLanguage, in the order shown after "My language" */
  gboolean        voices_listed; /* the voices are in the list (ensure_voices) */
  GtkSpinButton  *speech_pitch;
  GtkSpinButton  *speech_volume;
  GtkSpinButton  *pause;
  GtkFlowBox     *lock_box;
  GtkLabel       *pin_status;
  GtkButton      *pin_set;
  GtkButton      *pin_change;
  GtkButton      *pin_remove;
  AdwPreferencesGroup *needs_group;
  GtkListBox     *needs_list;
  GtkButton      *reset;

  PlSettings     *settings;
  char           *person_name;
  gboolean        has_pin;
  /* Set while the controls are being made to show self->settings */
  gboolean        updating;

  GPtrArray      *size_buttons;       /* PlChoiceButton, data "pl-value" */
  GPtrArray      *theme_buttons;
  GPtrArray      *font_buttons;
  GPtrArray      *line_focus_buttons;
  GPtrArray      *lock_buttons;

  char           *scope;              /* this page's own CSS class */
  GtkCssProvider *css;
  GtkWindow      *pin_dialog;
};

G_DEFINE_FINAL_TYPE (PlSettingsPage, pl_settings_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PERSON_NAME,
  PROP_HAS_PIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  RESET_REQUESTED,
  PIN_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const int line_focus_choices[] = { 0, 1, 3, 5 };
static const int lock_choices[] = PL_SETTINGS_LOCK_CHOICES;

/* Widgets in this page's dialogs, found again by their names */
#define PIN_ENTRY_NAME "pin-entry"
#define PIN_AGAIN_NAME "pin-again"
#define PIN_ERROR_NAME "pin-error"
#define PIN_SAVE_NAME "pin-save"

/* A button whose words wrap, so it never makes the page wider than the
 * window at giant print; its accessible name is those words. */
static GtkWidget *
wrapping_label_new (const char *text,
                    const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
button_set_words (GtkButton  *button,
                  const char *words)
{
  gtk_button_set_child (button, wrapping_label_new (words, NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, words,
                                  -1);
}

/* The tick that shows which choice is on: by shape as well as colour */
static GtkWidget *
tick_new (GtkWidget *button)
{
  GtkWidget *tick = gtk_label_new ("✓");

  gtk_widget_add_css_class (tick, "pl-settings-tick");
  g_object_bind_property (button, "active", tick, "visible", G_BINDING_SYNC_CREATE);
  return tick;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* libadwaita 1.2 shows a group's title as a plain label: each is made a
 * heading, under the page's own, so a screen reader says "Text size
 * heading" and can move from section to section */
static void
make_group_headings (PlSettingsPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *title = ADW_IS_PREFERENCES_GROUP (child)
                         ? find_label (child, adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (child)))
                         : NULL;

      if (title == NULL)
        continue;
      g_object_set (title, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (title),
                                      GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                      -1);
    }
}

/* A large button, one of a set of choices (a radio button to a screen
 * reader, which says "selected" once as it changes). content goes above
 * the words and detail on a line of its own below them, never broken, so
 * "14 point" is never split from itself or run on from the name. Its
 * accessible name is the set's, then its own (which the words and detail
 * always contain): "Line focus, Off", not "Off" alone. A labelled-by
 * relation to the set's label would do the same in GTK 4.8, but Orca 43
 * then says the set's label twice: once as the radio group, once in the
 * name. */
static GtkWidget *
choice_new (GPtrArray  *group,
            GtkFlowBox *box,
            const char *set_name,
            const char *widget_name,
            GtkWidget  *content,
            const char *words,
            const char *detail,
            const char *name)
{
  GtkWidget *button = pl_choice_button_new ();
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *words_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *words_label = wrapping_label_new (words, "pl-settings-choice-words");
  /* TRANSLATORS: a choice as a screen reader says it: the set, then the
   * choice, e.g. "Line focus, Off" or "Text size, Large, 18 point" */
  g_autofree char *full_name = g_strdup_printf (_("%s, %s"), set_name, name);
  GtkFlowBoxChild *child;

  /* Long names take two lines, so more choices fit side by side */
  gtk_label_set_max_width_chars (GTK_LABEL (words_label), CHOICE_CHARS);

  gtk_widget_set_name (button, widget_name);
  gtk_widget_add_css_class (button, "pl-settings-choice");
  gtk_widget_set_halign (words_row, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (inner, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (words_row), tick_new (button));
  gtk_box_append (GTK_BOX (words_row), words_label);
  if (content != NULL)
    gtk_box_append (GTK_BOX (inner), content);
  gtk_box_append (GTK_BOX (inner), words_row);
  if (detail != NULL)
    {
      GtkWidget *detail_label = gtk_label_new (detail);

      /* Short names ("Very large") break between words only: a narrow
       * button grows rather than split "Standard" into "Stan-dard" */
      gtk_label_set_wrap_mode (GTK_LABEL (words_label), PANGO_WRAP_WORD);

      gtk_widget_add_css_class (detail_label, "pl-settings-choice-detail");
      gtk_box_append (GTK_BOX (inner), detail_label);
    }
  gtk_button_set_child (GTK_BUTTON (button), inner);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, full_name,
                                  -1);

  if (group->len > 0)
    pl_choice_button_set_group (PL_CHOICE_BUTTON (button), g_ptr_array_index (group, 0));
  g_ptr_array_add (group, button);

  gtk_flow_box_append (box, button);
  /* One stop for the keyboard: the button, not the box around it */
  child = GTK_FLOW_BOX_CHILD (gtk_widget_get_parent (button));
  gtk_widget_set_focusable (GTK_WIDGET (child), FALSE);

  return button;
}

static void
set_active_choice (GPtrArray *group,
                   gboolean (*matches) (GtkWidget *button, gconstpointer value),
                   gconstpointer value)
{
  GtkWidget *chosen = NULL;

  for (guint i = 0; i < group->len && chosen == NULL; i++)
    if (matches (g_ptr_array_index (group, i), value))
      chosen = g_ptr_array_index (group, i);

  if (chosen != NULL)
    {
      pl_choice_button_set_active (PL_CHOICE_BUTTON (chosen), TRUE);
      return;
    }

  /* A value with no button (a size chosen with Ctrl+plus): none is on */
  for (guint i = 0; i < group->len; i++)
    pl_choice_button_set_active (g_ptr_array_index (group, i), FALSE);
}

static gboolean
int_matches (GtkWidget     *button,
             gconstpointer  value)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "pl-value")) == *(const int *) value;
}

static gboolean
string_matches (GtkWidget     *button,
                gconstpointer  value)
{
  const char *mine = g_object_get_data (G_OBJECT (button), "pl-value");

  /* The desktop's font is NULL, whichever way it is stored */
  if (value == NULL || ((const char *) value)[0] == '\0')
    return mine == NULL;
  return mine != NULL && g_ascii_strcasecmp (mine, value) == 0;
}

/* The page's own look: the shared style sheets (ui/pl-themes.css,
 * ui/pl-settings-page.css) through its classes, and the person's text size
 * and spacing, the only values computed, under its own scope class */
static void
update_style (PlSettingsPage *self)
{
  g_autofree char *css = pl_reader_style_css (self->settings, self->scope);
  double px;

  pl_reader_style_set_classes (GTK_WIDGET (self), self->settings);
  if (self->pin_dialog != NULL)
    pl_reader_style_set_classes (GTK_WIDGET (self->pin_dialog), self->settings);
  gtk_css_provider_load_from_data (self->css, css, -1);

  /* About COLUMN_CHARS characters wide, and never less than the window
   * holds at small sizes; 1 pt is 4/3 px */
  px = pl_text_size_step (self->settings->text_size, 0) * 4.0 / 3.0;
  adw_clamp_set_maximum_size (self->clamp, MAX (COLUMN_MIN_WIDTH, (int) (px * 0.6 * COLUMN_CHARS)));
  adw_clamp_set_tightening_threshold (self->clamp, adw_clamp_get_maximum_size (self->clamp));
}

static void
changed (PlSettingsPage *self)
{
  update_style (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

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
  changed (self);
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

/* Makes every control show self->settings */
static void
update_controls (PlSettingsPage *self)
{
  const PlSettings *s = self->settings;

  self->updating = TRUE;

  set_active_choice (self->size_buttons, int_matches, &s->text_size);
  set_active_choice (self->theme_buttons, string_matches, pl_theme_lookup (s->theme)->id);
  set_active_choice (self->font_buttons, string_matches, s->font);
  set_active_choice (self->line_focus_buttons, int_matches, &s->line_focus);
  set_active_choice (self->lock_buttons, int_matches, &s->lock_minutes);

  gtk_spin_button_set_value (self->line_spacing, s->line_spacing);
  gtk_spin_button_set_value (self->paragraph_spacing, s->paragraph_spacing);
  gtk_spin_button_set_value (self->letter_spacing, s->letter_spacing);
  gtk_switch_set_active (self->reading_ruler, s->reading_ruler);
  gtk_switch_set_active (self->focus_mode, s->focus_mode);
  gtk_switch_set_active (self->read_aloud, s->read_aloud);
  gtk_switch_set_active (self->talking_buttons, s->talking_buttons);
  gtk_spin_button_set_value (self->speech_rate, s->speech_rate);
  adw_combo_row_set_selected (self->voice, voice_position (self, s->voice));
  gtk_spin_button_set_value (self->speech_pitch, s->speech_pitch);
  gtk_spin_button_set_value (self->speech_volume, s->speech_volume);
  gtk_spin_button_set_value (self->pause, s->pause_ms / 1000.0);

  self->updating = FALSE;
}

static void
size_chosen_cb (PlChoiceButton *button,
                GParamSpec     *pspec,
                PlSettingsPage *self)
{
  int points = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "pl-value"));

  if (self->updating || !pl_choice_button_get_active (button)
      || self->settings->text_size == points)
    return;
  self->settings->text_size = points;
  changed (self);
}

static void
theme_chosen_cb (PlChoiceButton *button,
                 GParamSpec     *pspec,
                 PlSettingsPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "pl-value");

  if (self->updating || !pl_choice_button_get_active (button)
      || g_strcmp0 (self->settings->theme, id) == 0)
    return;
  g_free (self->settings->theme);
  self->settings->theme = g_strdup (id);
  changed (self);
}

static void
font_chosen_cb (PlChoiceButton *button,
                GParamSpec     *pspec,
                PlSettingsPage *self)
{
  const char *family = g_object_get_data (G_OBJECT (button), "pl-value");

  if (self->updating || !pl_choice_button_get_active (button)
      || g_strcmp0 (self->settings->font, family) == 0)
    return;
  g_free (self->settings->font);
  self->settings->font = g_strdup (family);
  changed (self);
}

static void
line_focus_chosen_cb (PlChoiceButton *button,
                      GParamSpec     *pspec,
                      PlSettingsPage *self)
{
  int lines = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "pl-value"));

  if (self->updating || !pl_choice_button_get_active (button)
      || self->settings->line_focus == lines)
    return;
  self->settings->line_focus = lines;
  changed (self);
}

static void
lock_chosen_cb (PlChoiceButton *button,
                GParamSpec     *pspec,
                PlSettingsPage *self)
{
  int minutes = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "pl-value"));

  if (self->updating || !pl_choice_button_get_active (button)
      || self->settings->lock_minutes == minutes)
    return;
  self->settings->lock_minutes = minutes;
  changed (self);
}

static gboolean
set_double (double *field,
            double  value)
{
  /* Spin buttons round to their digits; a smaller difference is no change */
  if (fabs (*field - value) < 0.0005)
    return FALSE;
  *field = value;
  return TRUE;
}

static void
spacing_changed_cb (PlSettingsPage *self,
                    GtkSpinButton  *spin)
{
  double value = gtk_spin_button_get_value (spin);
  double *field;

  if (self->updating)
    return;

  if (spin == self->line_spacing)
    field = &self->settings->line_spacing;
  else if (spin == self->paragraph_spacing)
    field = &self->settings->paragraph_spacing;
  else
    field = &self->settings->letter_spacing;

  if (set_double (field, value))
    changed (self);
}

static void
switch_changed_cb (PlSettingsPage *self,
                   GParamSpec     *pspec,
                   GtkSwitch      *widget)
{
  gboolean active = gtk_switch_get_active (widget);
  gboolean *field;

  if (self->updating)
    return;

  if (widget == self->reading_ruler)
    field = &self->settings->reading_ruler;
  else if (widget == self->focus_mode)
    field = &self->settings->focus_mode;
  else if (widget == self->read_aloud)
    field = &self->settings->read_aloud;
  else
    field = &self->settings->talking_buttons;

  if (!*field == !active)
    return;
  *field = active;
  changed (self);
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
  changed (self);
}

static void
reset_clicked_cb (PlSettingsPage *self)
{
  g_signal_emit (self, signals[RESET_REQUESTED], 0);
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
  g_signal_emit (self, signals[PIN_REQUESTED], 0, pin);
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
  button_set_words (GTK_BUTTON (cancel), _("Cancel"));
  gtk_widget_add_css_class (cancel, "pl-settings-button");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), dialog);
  save = gtk_button_new ();
  gtk_widget_set_name (save, PIN_SAVE_NAME);
  button_set_words (GTK_BUTTON (save), _("Save PIN"));
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
    g_signal_emit (self, signals[PIN_REQUESTED], 0, NULL);
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

static void
update_pin (PlSettingsPage *self)
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
    update_pin (self);
}

/* Building the choices */

static void
add_size_choices (PlSettingsPage *self)
{
  guint n;
  const PlTextSizePreset *presets = pl_text_size_presets (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *widget_name = g_strdup_printf ("text-size-%d", presets[i].points);
      g_autofree char *sample_class = g_strdup_printf ("pl-settings-sample-%d", presets[i].points);
      /* TRANSLATORS: a text size preset and its size, e.g. "Large, 18 point" */
      g_autofree char *name = g_strdup_printf (_("%s, %d point"), _(presets[i].name), presets[i].points);
      /* TRANSLATORS: a text size, shown under its name, e.g. "18 point" */
      g_autofree char *size = g_strdup_printf (_("%d point"), presets[i].points);
      GtkWidget *sample = gtk_label_new ("Aa");
      GtkWidget *button;

      gtk_widget_add_css_class (sample, sample_class);
      gtk_widget_add_css_class (sample, "pl-settings-sample");
      gtk_accessible_update_property (GTK_ACCESSIBLE (sample),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sample letters"),
                                      -1);
      button = choice_new (self->size_buttons, self->size_box, _("Text size"), widget_name,
                           sample, _(presets[i].name), size, name);
      g_object_set_data (G_OBJECT (button), "pl-value", GINT_TO_POINTER (presets[i].points));
      g_signal_connect (button, "notify::active", G_CALLBACK (size_chosen_cb), self);
    }
}

static void
add_theme_choices (PlSettingsPage *self)
{
  guint n;
  const PlTheme *themes = pl_themes (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *widget_name = g_strdup_printf ("theme-%s", themes[i].id);
      g_autofree char *theme_class = g_strconcat (PL_THEME_CLASS_PREFIX, themes[i].id, NULL);
      /* TRANSLATORS: sample words shown in each colour choice */
      GtkWidget *swatch = gtk_label_new (_("Sample"));
      GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *button;

      /* In the theme's own colours (ui/pl-themes.css) */
      gtk_widget_add_css_class (swatch, theme_class);
      gtk_widget_add_css_class (swatch, "pl-settings-swatch");
      gtk_widget_add_css_class (frame, "pl-settings-swatch-frame");
      gtk_widget_set_halign (frame, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (frame), swatch);
      button = choice_new (self->theme_buttons, self->theme_box, _("Colours"), widget_name,
                           frame, _(themes[i].name), NULL, _(themes[i].name));
      g_object_set_data (G_OBJECT (button), "pl-value", (gpointer) themes[i].id);
      g_signal_connect (button, "notify::active", G_CALLBACK (theme_chosen_cb), self);
    }
}

static void
font_choice_new (PlSettingsPage *self,
                 const char     *family,
                 const char     *words,
                 guint           index)
{
  g_autofree char *widget_name = g_strdup_printf ("font-%u", index);
  GtkWidget *button;
  GtkWidget *words_label;

  button = choice_new (self->font_buttons, self->font_box, _("Font"), widget_name,
                       NULL, words, NULL, words);
  g_object_set_data_full (G_OBJECT (button), "pl-value", g_strdup (family), g_free);
  g_signal_connect (button, "notify::active", G_CALLBACK (font_chosen_cb), self);

  /* The name in its own letters */
  words_label = gtk_widget_get_last_child (gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (button))));
  if (family != NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_family_new (family));
      gtk_label_set_attributes (GTK_LABEL (words_label), attrs);
      pango_attr_list_unref (attrs);
    }
}

static void
add_font_choices (PlSettingsPage *self)
{
  g_auto(GStrv) families = pl_fonts_list_available ();
  g_autofree char *desktop_font = NULL;
  g_autofree char *desktop_words = NULL;
  PangoFontDescription *description;
  const char *desktop_family = NULL;

  g_object_get (gtk_settings_get_default (), "gtk-font-name", &desktop_font, NULL);
  description = pango_font_description_from_string (desktop_font != NULL ? desktop_font : "");
  desktop_family = pango_font_description_get_family (description);
  if (desktop_family != NULL && desktop_family[0] != '\0')
    /* TRANSLATORS: the desktop's own font, and its name */
    desktop_words = g_strdup_printf (_("My computer's usual font (%s)"), desktop_family);
  else
    desktop_words = g_strdup (_("My computer's usual font"));
  pango_font_description_free (description);

  font_choice_new (self, NULL, desktop_words, 0);
  for (guint i = 0; families[i] != NULL; i++)
    font_choice_new (self, families[i], families[i], i + 1);
}

static void
add_int_choices (PlSettingsPage *self,
                 GPtrArray      *group,
                 GtkFlowBox     *box,
                 const char     *set_name,
                 const char     *prefix,
                 const int      *values,
                 guint           n_values,
                 char         *(*words_for) (int value),
                 GCallback       chosen)
{
  for (guint i = 0; i < n_values; i++)
    {
      g_autofree char *widget_name = g_strdup_printf ("%s-%d", prefix, values[i]);
      g_autofree char *words = words_for (values[i]);
      GtkWidget *button = choice_new (group, box, set_name, widget_name, NULL, words, NULL, words);

      g_object_set_data (G_OBJECT (button), "pl-value", GINT_TO_POINTER (values[i]));
      g_signal_connect (button, "notify::active", chosen, self);
    }
}

static char *
line_focus_words (int lines)
{
  if (lines == 0)
    return g_strdup (_("Off"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d line", "%d lines", lines), lines);
}

static char *
lock_words (int minutes)
{
  if (minutes == 0)
    return g_strdup (_("Never"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes), minutes);
}

static void
update_needs (PlSettingsPage *self,
              GPtrArray      *needs,
              GPtrArray      *rules)
{
  g_autoptr(GPtrArray) explained = pl_needs_explain_with_rules (needs, rules);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->needs_list))) != NULL)
    gtk_list_box_remove (self->needs_list, child);

  if (explained->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No communication needs are recorded for you yet."));

      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_list_box_append (self->needs_list, none);
    }

  for (guint i = 0; i < explained->len; i++)
    {
      PlNeedExplanation *e = g_ptr_array_index (explained, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *need = gtk_label_new (e->need);
      GtkWidget *changes;
      g_autofree char *words = NULL;

      if (e->changes->len > 0)
        {
          g_autoptr(GString) joined = g_string_new (NULL);

          for (guint j = 0; j < e->changes->len; j++)
            {
              if (j > 0)
                g_string_append (joined, "; ");
              g_string_append (joined, g_ptr_array_index (e->changes, j));
            }
          /* TRANSLATORS: what a recorded need changes, e.g. "→ Very large text, at least 24 point; …" */
          words = g_strdup_printf (_("→ %s"), joined->str);
        }
      else
        words = g_strdup (_("→ Does not change these settings"));

      changes = gtk_label_new (words);
      for (GtkWidget *label = need; label != NULL; label = label == need ? changes : NULL)
        {
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_box_append (GTK_BOX (box), label);
        }
      gtk_widget_add_css_class (need, "pl-settings-need");
      gtk_widget_add_css_class (changes, "pl-settings-need-changes");
      gtk_list_box_append (self->needs_list, box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (box)), FALSE);
    }
}

/* GObject */

static void
pl_settings_page_dispose (GObject *object)
{
  PlSettingsPage *self = PL_SETTINGS_PAGE (object);

  if (self->pin_dialog != NULL)
    gtk_window_destroy (self->pin_dialog);
  if (self->css != NULL)
    gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                   GTK_STYLE_PROVIDER (self->css));
  g_clear_object (&self->css);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_SETTINGS_PAGE);

  G_OBJECT_CLASS (pl_settings_page_parent_class)->dispose (object);
}

static void
pl_settings_page_finalize (GObject *object)
{
  PlSettingsPage *self = PL_SETTINGS_PAGE (object);

  g_clear_pointer (&self->settings, pl_settings_free);
  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->scope, g_free);
  g_clear_pointer (&self->size_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->theme_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->font_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->line_focus_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->lock_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->voices, g_ptr_array_unref);

  G_OBJECT_CLASS (pl_settings_page_parent_class)->finalize (object);
}

static void
pl_settings_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlSettingsPage *self = PL_SETTINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;
    case PROP_HAS_PIN:
      g_value_set_boolean (value, self->has_pin);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_settings_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlSettingsPage *self = PL_SETTINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PERSON_NAME:
      pl_settings_page_set_person_name (self, g_value_get_string (value));
      break;
    case PROP_HAS_PIN:
      pl_settings_page_set_has_pin (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_settings_page_class_init (PlSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_settings_page_dispose;
  object_class->finalize = pl_settings_page_finalize;
  object_class->get_property = pl_settings_page_get_property;
  object_class->set_property = pl_settings_page_set_property;

  properties[PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_PIN] =
    g_param_spec_boolean ("has-pin", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted at once for each change; the window applies and saves */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[RESET_REQUESTED] = g_signal_new ("reset-requested", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
  /* The new PIN, or NULL to remove it; the page never keeps it */
  signals[PIN_REQUESTED] = g_signal_new ("pin-requested", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1,
                                         G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               PL_RESOURCE_BASE "/ui/pl-settings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, clamp);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, column);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, heading);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, size_box);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, theme_box);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, font_box);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, line_spacing);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, paragraph_spacing);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, letter_spacing);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, reading_ruler);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, focus_mode);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, line_focus_box);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, read_aloud);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, talking_buttons);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, speech_rate);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, speech_group);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, speech_pitch);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, speech_volume);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, pause);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, lock_box);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, pin_status);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, pin_set);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, pin_change);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, pin_remove);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, needs_group);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, needs_list);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, reset);
  gtk_widget_class_bind_template_callback (widget_class, spacing_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, switch_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, speech_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pin_set_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, pin_remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "plsettingspage");
}

static void
pl_settings_page_init (PlSettingsPage *self)
{
  static guint n_pages;

  self->size_buttons = g_ptr_array_new ();
  self->theme_buttons = g_ptr_array_new ();
  self->font_buttons = g_ptr_array_new ();
  self->line_focus_buttons = g_ptr_array_new ();
  self->lock_buttons = g_ptr_array_new ();
  self->settings = pl_settings_new_default (0);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Its own class, so its CSS reaches this page alone */
  self->scope = g_strdup_printf ("pl-settings-page-%u", ++n_pages);
  gtk_widget_add_css_class (GTK_WIDGET (self), "pl-settings-page");
  gtk_widget_add_css_class (GTK_WIDGET (self), self->scope);
  self->css = gtk_css_provider_new ();
  /* Above the window's reader style, which this page's own replaces here */
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (self->css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 2);

  button_set_words (self->pin_set, _("Set a PIN…"));
  button_set_words (self->pin_change, _("Change PIN…"));
  button_set_words (self->pin_remove, _("Remove PIN"));
  /* One Tab stop each: the button, not the flow box's child around it */
  gtk_widget_set_focusable (gtk_widget_get_parent (GTK_WIDGET (self->pin_set)), FALSE);
  gtk_widget_set_focusable (gtk_widget_get_parent (GTK_WIDGET (self->pin_change)), FALSE);
  gtk_widget_set_focusable (gtk_widget_get_parent (GTK_WIDGET (self->pin_remove)), FALSE);
  button_set_words (self->reset, _("Reset to what my needs suggest"));

  make_group_headings (self);
  add_size_choices (self);
  add_theme_choices (self);
  add_font_choices (self);
  add_voice_choice (self);
  g_signal_connect (self, "map", G_CALLBACK (page_map_cb), NULL);
  add_int_choices (self, self->line_focus_buttons, self->line_focus_box,
                   _("Line focus"), "line-focus",
                   line_focus_choices, G_N_ELEMENTS (line_focus_choices),
                   line_focus_words, G_CALLBACK (line_focus_chosen_cb));
  /* No timing the person cannot turn off: "Never" comes first (WCAG 2.2.1) */
  add_int_choices (self, self->lock_buttons, self->lock_box,
                   _("Lock Plainly"), "lock",
                   lock_choices, G_N_ELEMENTS (lock_choices),
                   lock_words, G_CALLBACK (lock_chosen_cb));

  pl_settings_page_set_person_name (self, NULL);
  update_pin (self);
  update_needs (self, NULL, NULL);
  update_controls (self);
  update_style (self);
}

GtkWidget *
pl_settings_page_new (void)
{
  return g_object_new (PL_TYPE_SETTINGS_PAGE, NULL);
}

void
pl_settings_page_set_settings (PlSettingsPage   *self,
                               const PlSettings *settings)
{
  g_return_if_fail (PL_IS_SETTINGS_PAGE (self));
  g_return_if_fail (settings != NULL);

  if (settings != self->settings)
    {
      g_clear_pointer (&self->settings, pl_settings_free);
      self->settings = pl_settings_copy (settings);
    }
  update_controls (self);
  update_style (self);
}

const PlSettings *
pl_settings_page_get_settings (PlSettingsPage *self)
{
  g_return_val_if_fail (PL_IS_SETTINGS_PAGE (self), NULL);

  return self->settings;
}

void
pl_settings_page_set_needs (PlSettingsPage *self,
                            GPtrArray      *needs,
                            GPtrArray      *rules)
{
  g_return_if_fail (PL_IS_SETTINGS_PAGE (self));

  update_needs (self, needs, rules);
}

void
pl_settings_page_set_person_name (PlSettingsPage *self,
                                  const char     *name)
{
  g_autofree char *heading = NULL;

  g_return_if_fail (PL_IS_SETTINGS_PAGE (self));

  if (name != NULL && name[0] != '\0')
    /* TRANSLATORS: the heading of the settings page, with the person's preferred name (NG86 1.4.2) */
    heading = g_strdup_printf (_("Settings for %s"), name);
  else
    heading = g_strdup (_("My settings"));
  gtk_label_set_text (self->heading, heading);

  if (g_strcmp0 (self->person_name, name) == 0)
    return;
  g_free (self->person_name);
  self->person_name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_NAME]);
}

const char *
pl_settings_page_get_person_name (PlSettingsPage *self)
{
  g_return_val_if_fail (PL_IS_SETTINGS_PAGE (self), NULL);

  return self->person_name;
}

void
pl_settings_page_set_has_pin (PlSettingsPage *self,
                              gboolean        has_pin)
{
  g_return_if_fail (PL_IS_SETTINGS_PAGE (self));

  has_pin = !!has_pin;
  if (self->has_pin == has_pin)
    return;
  self->has_pin = has_pin;
  update_pin (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_PIN]);
}

gboolean
pl_settings_page_get_has_pin (PlSettingsPage *self)
{
  g_return_val_if_fail (PL_IS_SETTINGS_PAGE (self), FALSE);

  return self->has_pin;
}
