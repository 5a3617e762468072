/* test-settings-page.c: "My settings" and the bundled font
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. Each control is found by its widget name and used as a
 * person would (clicks, typed values), then the settings are checked.
 * With PL_SCREENSHOT_DIR set, the giant print test also saves pictures of
 * the page there, for people to look at.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "pl-choice-button.h"
#include "pl-fonts.h"
#include "pl-fonts-private.h"
#include "pl-needs.h"
#include "pl-reader-style.h"
#include "pl-screenshot.h"
#include "pl-screenshot-private.h"
#include "pl-settings-page.h"
#include "pl-settings-page-private.h"
#include "pl-store.h"
#include "pl-theme.h"
#include "pl-gui-test-util.h"

#define LARGE_PRINT_24 "957351000000102"
#define MORE_TIME "311543001"

typedef struct
{
  GtkWindow      *window;
  PlSettingsPage *page;
  guint           n_changed;
  guint           n_reset;
  guint           n_pin;
  char           *pin;
  gboolean        pin_was_null;
} Fixture;

static GtkWidget *
control (Fixture    *f,
         const char *name)
{
  GtkWidget *widget = pl_gui_test_find_named (GTK_WIDGET (f->page), name);

  if (widget == NULL)
    g_error ("No control named %s", name);
  return widget;
}

/* Does a label under root say something containing words? */
static gboolean
shows_words (GtkWidget  *root,
             const char *words)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root)
      && strstr (gtk_label_get_text (GTK_LABEL (root)), words) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_words (child, words))
      return TRUE;
  return FALSE;
}

static void
changed_cb (PlSettingsPage *page,
            Fixture        *f)
{
  f->n_changed++;
}

static void
reset_cb (PlSettingsPage *page,
          Fixture        *f)
{
  f->n_reset++;
}

static void
pin_cb (PlSettingsPage *page,
        const char     *pin,
        Fixture        *f)
{
  f->n_pin++;
  g_free (f->pin);
  f->pin = g_strdup (pin);
  f->pin_was_null = pin == NULL;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  /* As the app does at startup; the bundled font is one of the choices */
  g_assert_true (pl_fonts_register ());
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1024, 768);
  f->page = PL_SETTINGS_PAGE (pl_settings_page_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  g_signal_connect (f->page, "changed", G_CALLBACK (changed_cb), f);
  g_signal_connect (f->page, "reset-requested", G_CALLBACK (reset_cb), f);
  g_signal_connect (f->page, "pin-requested", G_CALLBACK (pin_cb), f);
  gtk_window_present (f->window);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, f->page));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  pl_gui_test_run_frames (1);
  g_free (f->pin);
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* The label under root that says exactly text */
static GtkWidget *
label_saying (GtkWidget  *root,
              const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = label_saying (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* By ear: each section's title is a heading under the page's own, and
 * each choice is named by its set first ("Line focus, Off", not "Off") */
static void
test_headings_and_labels (Fixture       *f,
                          gconstpointer  data)
{
  static const char * const sections[] = {
    "Text size", "Colours", "Font", "Spacing", "Reading aids", "Speech", "Privacy",
    "Why these settings",
  };
  GtkWidget *page = GTK_WIDGET (f->page);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *title = label_saying (page, _(sections[i]));

      g_assert_nonnull (title);
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_ROLE_HEADING);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2);
    }

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (control (f, "text-size-24")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Text size, Very large, 24 point");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (control (f, "line-focus-0")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Line focus, Off");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (control (f, "lock-0")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Lock Plainly, Never");
}

/* Tab, as GtkWindow moves the focus for it: the widget that has it after */
static GtkWidget *
press_tab (GtkWindow        *window,
           GtkDirectionType  direction)
{
  if (!gtk_widget_child_focus (GTK_WIDGET (window), direction))
    return NULL;
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* Every control is one Tab stop, forwards and back: "Set a PIN…" was two,
 * the button and the flow box's child around it, and each spacing two, the
 * row (which Orca said as "not selected") and its spin button */
static void
test_tab_stops (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) forward = g_ptr_array_new ();
  GtkWidget *pin_set = control (f, "pin-set");
  GtkWidget *focus;

  for (guint i = 0; i < 200; i++)
    {
      focus = press_tab (f->window, GTK_DIR_TAB_FORWARD);
      if (focus == NULL || g_ptr_array_find (forward, focus, NULL))
        break;
      g_assert_false (GTK_IS_FLOW_BOX_CHILD (focus));
      g_assert_false (ADW_IS_ACTION_ROW (focus) &&
                      adw_action_row_get_activatable_widget (ADW_ACTION_ROW (focus)) != NULL);
      g_ptr_array_add (forward, focus);
    }
  g_assert_true (g_ptr_array_find (forward, pin_set, NULL));

  /* Back from the button after "Set a PIN…" comes to it straight away */
  for (guint i = 0; i + 1 < forward->len; i++)
    if (forward->pdata[i] == pin_set)
      {
        gtk_widget_grab_focus (forward->pdata[i + 1]);
        g_assert_true (press_tab (f->window, GTK_DIR_TAB_BACKWARD) == pin_set);
      }
}

/* Presets: each gives its own size, once, and is shown as chosen */
static void
test_text_size (Fixture       *f,
                gconstpointer  data)
{
  guint n;
  const PlTextSizePreset *presets = pl_text_size_presets (&n);

  g_assert_cmpuint (n, ==, 5);
  for (guint i = n; i > 0; i--)
    {
      g_autofree char *name = g_strdup_printf ("text-size-%d", presets[i - 1].points);
      GtkWidget *button = control (f, name);

      f->n_changed = 0;
      click (button);
      g_assert_cmpuint (f->n_changed, ==, 1);
      g_assert_cmpint (pl_settings_page_get_settings (f->page)->text_size, ==, presets[i - 1].points);
      g_assert_true (pl_choice_button_get_active (PL_CHOICE_BUTTON (button)));
      /* A radio button with one state, so Orca says "selected" once */
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_ROLE_RADIO);
      gtk_test_accessible_assert_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_CHECKED, TRUE);
      g_assert_false (gtk_test_accessible_has_state (GTK_ACCESSIBLE (button),
                                                     GTK_ACCESSIBLE_STATE_PRESSED));
      if (i < n)
        {
          g_autofree char *before = g_strdup_printf ("text-size-%d", presets[i].points);

          g_assert_false (pl_choice_button_get_active (PL_CHOICE_BUTTON (control (f, before))));
          gtk_test_accessible_assert_state (GTK_ACCESSIBLE (control (f, before)),
                                            GTK_ACCESSIBLE_STATE_CHECKED, FALSE);
        }
      g_assert_true (shows_words (button, "Aa"));
      g_assert_true (shows_words (button, _(presets[i - 1].name)));
    }
  /* Choosing the size already chosen is no change */
  f->n_changed = 0;
  click (control (f, "text-size-32"));
  click (control (f, "text-size-32"));
  g_assert_cmpuint (f->n_changed, ==, 1);
}

static void
test_themes (Fixture       *f,
             gconstpointer  data)
{
  guint n;
  const PlTheme *themes = pl_themes (&n);

  g_assert_cmpuint (n, ==, 6);
  for (guint i = n; i > 0; i--)
    {
      const PlTheme *theme = &themes[i - 1];
      g_autofree char *name = g_strdup_printf ("theme-%s", theme->id);
      GtkWidget *button = control (f, name);

      g_autofree char *spoken = g_strdup_printf ("Colours, %s", _(theme->name));

      /* Never colour alone: the name is on it and in its accessible name */
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, spoken);
      g_assert_true (shows_words (button, _(theme->name)));

      f->n_changed = 0;
      click (button);
      g_assert_cmpuint (f->n_changed, ==, 1);
      g_assert_cmpstr (pl_settings_page_get_settings (f->page)->theme, ==, theme->id);
    }
}

static void
test_fonts (Fixture       *f,
            gconstpointer  data)
{
  g_auto(GStrv) families = pl_fonts_list_available ();
  GtkWidget *desktop = control (f, "font-0");

  /* The bundled font is always offered, first after the desktop's */
  g_assert_nonnull (families[0]);
  g_assert_cmpstr (families[0], ==, PL_FONT_BUNDLED_FAMILY);
  for (guint i = 0; families[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("font-%u", i + 1);
      GtkWidget *button = control (f, name);

      g_assert_true (shows_words (button, families[i]));
      f->n_changed = 0;
      click (button);
      g_assert_cmpuint (f->n_changed, ==, 1);
      g_assert_cmpstr (pl_settings_page_get_settings (f->page)->font, ==, families[i]);
    }

  f->n_changed = 0;
  click (desktop);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_null (pl_settings_page_get_settings (f->page)->font);
}

static void
spin_to (Fixture    *f,
         const char *name,
         double      value)
{
  f->n_changed = 0;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (control (f, name)), value);
  g_assert_cmpuint (f->n_changed, ==, 1);
}

static void
test_spacing (Fixture       *f,
              gconstpointer  data)
{
  const PlSettings *s = pl_settings_page_get_settings (f->page);

  spin_to (f, "line-spacing", 2.0);
  g_assert_cmpfloat_with_epsilon (s->line_spacing, 2.0, 1e-6);
  spin_to (f, "paragraph-spacing", 1.5);
  g_assert_cmpfloat_with_epsilon (s->paragraph_spacing, 1.5, 1e-6);
  spin_to (f, "letter-spacing", 0.12);
  g_assert_cmpfloat_with_epsilon (s->letter_spacing, 0.12, 1e-6);

  /* Beyond WCAG 1.4.12's range is not offered */
  f->n_changed = 0;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (control (f, "letter-spacing")), 0.5);
  g_assert_cmpuint (f->n_changed, ==, 0);
  g_assert_cmpfloat_with_epsilon (s->letter_spacing, 0.12, 1e-6);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (control (f, "line-spacing")), 1.0);
  g_assert_cmpfloat_with_epsilon (s->line_spacing, 1.5, 1e-6);

  /* The preview is there, with the words of a real paragraph */
  g_assert_true (gtk_widget_get_visible (control (f, "spacing-preview")));
}

static void
flip (Fixture    *f,
      const char *name)
{
  GtkSwitch *widget = GTK_SWITCH (control (f, name));

  f->n_changed = 0;
  gtk_switch_set_active (widget, !gtk_switch_get_active (widget));
  g_assert_cmpuint (f->n_changed, ==, 1);
}

static void
test_reading_aids (Fixture       *f,
                   gconstpointer  data)
{
  const PlSettings *s = pl_settings_page_get_settings (f->page);
  const int lines[] = { 1, 3, 5, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *name = g_strdup_printf ("line-focus-%d", lines[i]);

      f->n_changed = 0;
      click (control (f, name));
      g_assert_cmpuint (f->n_changed, ==, 1);
      g_assert_cmpint (s->line_focus, ==, lines[i]);
    }

  g_assert_false (s->reading_ruler);
  flip (f, "reading-ruler");
  g_assert_true (s->reading_ruler);
  g_assert_false (s->focus_mode);
  flip (f, "focus-mode");
  g_assert_true (s->focus_mode);
  flip (f, "focus-mode");
  g_assert_false (s->focus_mode);

  /* Easy read, and where its pictures go */
  g_assert_false (s->easy_read);
  flip (f, "easy-read");
  g_assert_true (s->easy_read);
  g_assert_true (pl_choice_button_get_active (PL_CHOICE_BUTTON (control (f, "symbols-0"))));
  for (int place = PL_SYMBOLS_NONE; place >= PL_SYMBOLS_BESIDE; place--)
    {
      g_autofree char *name = g_strdup_printf ("symbols-%d", place);

      f->n_changed = 0;
      click (control (f, name));
      g_assert_cmpuint (f->n_changed, ==, 1);
      g_assert_cmpint (s->symbols, ==, place);
    }
}

static void
test_speech (Fixture       *f,
             gconstpointer  data)
{
  const PlSettings *s = pl_settings_page_get_settings (f->page);

  g_assert_false (s->read_aloud);
  flip (f, "read-aloud");
  g_assert_true (s->read_aloud);
  g_assert_false (s->talking_buttons);
  flip (f, "talking-buttons");
  g_assert_true (s->talking_buttons);

  spin_to (f, "speech-rate", 120);
  g_assert_cmpint (s->speech_rate, ==, 120);
  spin_to (f, "speech-pitch", 35);
  g_assert_cmpint (s->speech_pitch, ==, 35);
  spin_to (f, "speech-volume", 100);
  g_assert_cmpint (s->speech_volume, ==, 100);
  spin_to (f, "pause", 1.2);
  g_assert_cmpint (s->pause_ms, ==, 1200);

  /* 80 to 350 words a minute */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (control (f, "speech-rate")), 20);
  g_assert_cmpint (s->speech_rate, ==, 80);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (control (f, "speech-rate")), 900);
  g_assert_cmpint (s->speech_rate, ==, 350);

  /* The voice: the person's own language until one is chosen */
  {
    AdwComboRow *voice = ADW_COMBO_ROW (control (f, "voice"));
    GListModel *names = adw_combo_row_get_model (voice);
    guint welsh = 0;

    g_assert_null (s->voice);
    g_assert_cmpuint (adw_combo_row_get_selected (voice), ==, 0);
    for (guint i = 1; i < g_list_model_get_n_items (names); i++)
      if (strstr (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "Welsh") != NULL)
        welsh = i;
    g_assert_cmpuint (welsh, >, 0);

    f->n_changed = 0;
    adw_combo_row_set_selected (voice, welsh);
    g_assert_cmpuint (f->n_changed, ==, 1);
    g_assert_cmpstr (s->voice, ==, "cy");
    adw_combo_row_set_selected (voice, 0);
    g_assert_null (s->voice);
  }
}

static void
test_lock (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(PlSettings) locked = pl_settings_new_default (1);
  const int minutes[] = PL_SETTINGS_LOCK_CHOICES;

  locked->lock_minutes = 5;
  pl_settings_page_set_settings (f->page, locked);
  g_assert_true (pl_choice_button_get_active (PL_CHOICE_BUTTON (control (f, "lock-5"))));

  for (guint i = 0; i < G_N_ELEMENTS (minutes); i++)
    {
      g_autofree char *name = g_strdup_printf ("lock-%d", minutes[i]);

      f->n_changed = 0;
      click (control (f, name));
      g_assert_cmpuint (f->n_changed, ==, 1);
      g_assert_cmpint (pl_settings_page_get_settings (f->page)->lock_minutes, ==, minutes[i]);
    }

  /* "Never" can always be chosen: no timing the person cannot turn off */
  f->n_changed = 0;
  click (control (f, "lock-0"));
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpint (pl_settings_page_get_settings (f->page)->lock_minutes, ==, 0);
  g_assert_true (shows_words (control (f, "lock-0"), _("Never")));
}

/* set_settings shows the values without saying they changed, and copies */
static void
test_set_settings (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PlSettings) settings = pl_settings_new_default (7);

  settings->text_size = 48;
  g_free (settings->theme);
  settings->theme = g_strdup ("yellow-on-black");
  settings->line_spacing = 2.5;
  settings->line_focus = 3;
  settings->talking_buttons = TRUE;
  settings->pause_ms = 1200;
  f->n_changed = 0;
  pl_settings_page_set_settings (f->page, settings);
  g_assert_cmpuint (f->n_changed, ==, 0);

  g_assert_true (pl_settings_page_get_settings (f->page) != settings);
  g_assert_cmpint (pl_settings_page_get_settings (f->page)->person_id, ==, 7);
  g_assert_true (pl_choice_button_get_active (PL_CHOICE_BUTTON (control (f, "text-size-48"))));
  g_assert_false (pl_choice_button_get_active (PL_CHOICE_BUTTON (control (f, "text-size-14"))));
  g_assert_true (pl_choice_button_get_active (PL_CHOICE_BUTTON (control (f, "theme-yellow-on-black"))));
  g_assert_true (pl_choice_button_get_active (PL_CHOICE_BUTTON (control (f, "line-focus-3"))));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (control (f, "talking-buttons"))));
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (control (f, "line-spacing"))), 2.5, 1e-6);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (control (f, "pause"))), 1.2, 1e-6);

  /* A size between the presets (from Ctrl+plus): no preset is on */
  settings->text_size = 20;
  pl_settings_page_set_settings (f->page, settings);
  g_assert_cmpuint (f->n_changed, ==, 0);
  for (GtkWidget *child = gtk_widget_get_first_child (control (f, "text-size-choices"));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    g_assert_false (pl_choice_button_get_active (PL_CHOICE_BUTTON (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)))));

  /* The heading uses the person's name */
  pl_settings_page_set_person_name (f->page, "Dot");
  g_assert_true (shows_words (GTK_WIDGET (f->page), "Settings for Dot"));

  f->n_reset = 0;
  click (control (f, "reset"));
  g_assert_cmpuint (f->n_reset, ==, 1);
  g_assert_cmpuint (f->n_changed, ==, 0);
}

static GtkWidget *
find_toplevel_named (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GtkWidget *found = pl_gui_test_find_named (window, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
type_pins (const char *pin,
           const char *again)
{
  gtk_editable_set_text (GTK_EDITABLE (find_toplevel_named ("pin-entry")), pin);
  gtk_editable_set_text (GTK_EDITABLE (find_toplevel_named ("pin-again")), again);
  g_signal_emit_by_name (find_toplevel_named ("pin-save"), "clicked");
}

static void
assert_refused (Fixture    *f,
                const char *words)
{
  GtkWidget *error = find_toplevel_named ("pin-error");

  g_assert_nonnull (error);
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), words));
  g_assert_cmpuint (f->n_pin, ==, 0);
}

static void
test_pin (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (pl_settings_page_get_has_pin (f->page));
  g_assert_true (gtk_widget_get_visible (control (f, "pin-set")));
  g_assert_false (gtk_widget_get_visible (control (f, "pin-remove")));

  click (control (f, "pin-set"));
  g_assert_nonnull (find_toplevel_named ("pin-entry"));

  type_pins ("1234", "1243");
  assert_refused (f, "not the same");
  type_pins ("12a4", "12a4");
  assert_refused (f, "only have numbers");
  type_pins ("123", "123");
  assert_refused (f, "4 to 8");
  type_pins ("123456789", "123456789");
  /* The entry holds 8 at most, so the ninth never arrives: they match */
  g_assert_cmpuint (f->n_pin, ==, 1);
  g_assert_cmpstr (f->pin, ==, "12345678");
  g_assert_null (find_toplevel_named ("pin-entry"));

  /* The page does not keep the PIN; the window says when there is one */
  pl_settings_page_set_has_pin (f->page, TRUE);
  g_assert_false (gtk_widget_get_visible (control (f, "pin-set")));
  g_assert_true (gtk_widget_get_visible (control (f, "pin-change")));

  f->n_pin = 0;
  click (control (f, "pin-change"));
  type_pins ("4321", "4321");
  g_assert_cmpuint (f->n_pin, ==, 1);
  g_assert_cmpstr (f->pin, ==, "4321");

  /* Removing asks first */
  f->n_pin = 0;
  click (control (f, "pin-remove"));
  g_assert_cmpuint (f->n_pin, ==, 0);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_toplevel_named ("pin-remove-dialog")), "cancel");
  g_assert_cmpuint (f->n_pin, ==, 0);
  click (control (f, "pin-remove"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_toplevel_named ("pin-remove-dialog")), "remove");
  g_assert_cmpuint (f->n_pin, ==, 1);
  g_assert_true (f->pin_was_null);
  pl_gui_test_run_frames (1);

  g_assert_true (pl_settings_check_pin ("0000", "0000", &error));
  g_assert_no_error (error);
  g_assert_false (pl_settings_check_pin ("", "", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pl_settings_check_pin ("１２３４", "１２３４", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
}

static PlCommNeed *
need_new (const char *code,
          const char *description)
{
  PlCommNeed *need = pl_comm_need_new ();

  need->code = g_strdup (code);
  need->description = g_strdup (description);
  return need;
}

static gboolean
has_change (PlNeedExplanation *e,
            const char        *words)
{
  for (guint i = 0; i < e->changes->len; i++)
    if (strstr (g_ptr_array_index (e->changes, i), words) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_needs_explained (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) needs = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_comm_need_free);
  g_autoptr(GPtrArray) explained = NULL;
  const PlTheme *contrast = pl_theme_lookup ("yellow-on-black");
  guint n;
  const PlNeedInfo *known = pl_needs_known (&n);
  PlNeedExplanation *e;

  g_ptr_array_add (needs, need_new (LARGE_PRINT_24, NULL));
  g_ptr_array_add (needs, need_new (MORE_TIME, NULL));
  g_ptr_array_add (needs, need_new ("not-a-code", "Likes the radio off"));
  explained = pl_needs_explain (needs);
  g_assert_cmpuint (explained->len, ==, 3);

  e = g_ptr_array_index (explained, 0);
  g_assert_cmpstr (e->code, ==, LARGE_PRINT_24);
  g_assert_true (has_change (e, "Very large"));
  g_assert_true (has_change (e, "24 point"));
  g_assert_true (has_change (e, contrast->name));
  e = g_ptr_array_index (explained, 1);
  g_assert_true (has_change (e, "130 words a minute"));
  e = g_ptr_array_index (explained, 2);
  g_assert_null (e->code);
  g_assert_cmpstr (e->need, ==, "Likes the radio off");
  g_assert_cmpuint (e->changes->len, ==, 0);

  /* Every known need is explained the way it sets the defaults */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_comm_need_free);
      g_autoptr(GPtrArray) said = NULL;
      g_autoptr(PlSettings) defaults = pl_settings_new_default (0);
      g_autoptr(PlSettings) chosen = NULL;
      gboolean differs;

      g_ptr_array_add (one, need_new (known[i].code, NULL));
      said = pl_needs_explain (one);
      chosen = pl_settings_for_needs (0, one);
      differs = chosen->text_size != defaults->text_size
                || g_strcmp0 (chosen->theme, defaults->theme) != 0
                || chosen->read_aloud != defaults->read_aloud
                || chosen->speech_rate != defaults->speech_rate
                || chosen->pause_ms != defaults->pause_ms
                || chosen->easy_read != defaults->easy_read;
      e = g_ptr_array_index (said, 0);
      g_assert_cmpint (differs, ==, e->changes->len > 0);
    }

  /* The page lists them, with what they change */
  pl_settings_page_set_needs (f->page, needs, NULL);
  g_assert_true (shows_words (control (f, "needs-list"), "Very large text, at least 24 point"));
  g_assert_true (shows_words (control (f, "needs-list"), _(contrast->name)));
  g_assert_true (shows_words (control (f, "needs-list"), "Likes the radio off"));
  pl_settings_page_set_needs (f->page, NULL, NULL);
  g_assert_false (shows_words (control (f, "needs-list"), "Likes the radio off"));
}

static gboolean
save_png (GtkWidget  *widget,
          const char *path)
{
  g_autoptr(GdkTexture) texture = pl_screenshot_render (widget);

  return texture != NULL && gdk_texture_save_to_png (texture, path);
}

/* Saves pictures of the page scrolled down a screen at a time */
static void
save_screenshots (Fixture    *f,
                  const char *dir,
                  const char *prefix)
{
  GtkWidget *scroller = pl_gui_test_find_named (GTK_WIDGET (f->page), "settings-scroller");
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%02u.png", prefix, i + 1);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      double top = i * gtk_adjustment_get_page_size (adj) * 0.9;

      if (i > 0 && top >= gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj) * 0.5)
        break;
      gtk_adjustment_set_value (adj, top);
      pl_gui_test_run_frames (3);
      g_assert_true (save_png (GTK_WIDGET (f->window), path));
    }
  gtk_adjustment_set_value (adj, 0);
}

/* Nothing under root reaches past the page's right edge */
static void
assert_inside (GtkWidget *root,
               GtkWidget *page)
{
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (page);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child) || GTK_IS_SCROLLBAR (child))
        continue;
      g_assert_true (gtk_widget_compute_bounds (child, page, &bounds));
      if (bounds.origin.x < -0.5 || bounds.origin.x + bounds.size.width > width + 0.5)
        g_error ("%s (%s) reaches from %.0f to %.0f; the page is %d wide",
                 G_OBJECT_TYPE_NAME (child), gtk_widget_get_name (child),
                 bounds.origin.x, bounds.origin.x + bounds.size.width, width);
      assert_inside (child, page);
    }
}

/* WCAG 1.4.10: at 48 pt in 1024×768, no sideways scrolling and nothing cut off */
static void
test_giant_print_reflows (Fixture       *f,
                          gconstpointer  data)
{
  const int sizes[] = { 14, 48 };
  const char *dir = g_getenv ("PL_SCREENSHOT_DIR");
  g_autoptr(GPtrArray) needs = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_comm_need_free);

  /* The longest words on the page: a need and what it changes */
  g_ptr_array_add (needs, need_new (LARGE_PRINT_24, NULL));
  g_ptr_array_add (needs, need_new (MORE_TIME, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(PlSettings) settings = pl_settings_new_default (1);
      int min_width = 0, nat_width = 0;

      settings->text_size = sizes[i];
      g_free (settings->theme);
      settings->theme = g_strdup ("yellow-on-black");
      pl_settings_page_set_settings (f->page, settings);
      pl_settings_page_set_person_name (f->page, "Dot");
      pl_settings_page_set_needs (f->page, needs, NULL);
      pl_gui_test_run_frames (4);

      gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1,
                          &min_width, &nat_width, NULL, NULL);
      g_test_message ("%d pt: minimum width %d px", sizes[i], min_width);
      g_assert_cmpint (min_width, <=, 1024);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->page)), ==, 1024);
      assert_inside (GTK_WIDGET (f->page), GTK_WIDGET (f->page));

      if (dir != NULL)
        {
          g_autofree char *prefix = g_strdup_printf ("settings-%dpt-yellow-on-black", sizes[i]);

          save_screenshots (f, dir, prefix);
          {
            GtkWindow *dialog = pl_settings_page_ask_for_pin (f->page);
            g_autofree char *path = g_strdup_printf ("%s/%s-pin.png", dir, prefix);

            gtk_editable_set_text (GTK_EDITABLE (find_toplevel_named ("pin-entry")), "12");
            g_signal_emit_by_name (find_toplevel_named ("pin-save"), "clicked");
            pl_gui_test_run_frames (4);
            g_assert_true (save_png (GTK_WIDGET (dialog), path));
            gtk_window_destroy (dialog);
          }
        }
    }

  /* And the text really is bigger: the heading grew with the settings */
  {
    GtkWidget *sample = pl_gui_test_find_named (GTK_WIDGET (f->page), "text-size-48");
    int height;

    gtk_widget_measure (sample, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
    g_assert_cmpint (height, >=, 48 * 4 / 3);
  }
}

static void
assert_words_whole (GtkWidget *root,
                    guint     *n_checked)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "pl-settings-choice-words") &&
      gtk_widget_get_mapped (root))
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (root));
      const char *text = pango_layout_get_text (layout);

      for (GSList *line = pango_layout_get_lines_readonly (layout); line != NULL; line = line->next)
        {
          int start = ((PangoLayoutLine *) line->data)->start_index;

          if (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\n')
            g_error ("“%s” is broken inside a word, before “%s”", text, text + start);
        }
      (*n_checked)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_words_whole (child, n_checked);
}

/* A choice's name breaks between words only: "Standard" and "Dark" were
 * split as "Stan-dard" and "Da-rk" in a window 1024 wide */
static void
test_choice_words_whole (Fixture       *f,
                         gconstpointer  data)
{
  const int sizes[] = { 14, 24, 48 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(PlSettings) settings = pl_settings_new_default (1);
      guint n_checked = 0;

      settings->text_size = sizes[i];
      /* Wide letter spacing, as the example person reads */
      settings->letter_spacing = 0.12;
      pl_settings_page_set_settings (f->page, settings);
      pl_gui_test_run_frames (4);
      assert_words_whole (GTK_WIDGET (f->page), &n_checked);
      /* Sizes, colours and fonts at least */
      g_assert_cmpuint (n_checked, >=, 12);
    }
}

/* The bundled font: found by Pango once registered, and really drawn */
static void
test_bundled_font (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GtkWidget *window, *label;
  PangoLayoutIter *iter;
  guint n_runs = 0;

  /* Pango has read the fonts before the bundled one is added, as in the app */
  g_assert_false (pl_fonts_has_family (PL_FONT_BUNDLED_FAMILY));
  g_assert_true (pl_fonts_register ());
  g_assert_true (pl_fonts_register ());
  g_assert_nonnull (pl_fonts_get_registered_dir ());
  g_assert_true (pl_fonts_has_family (PL_FONT_BUNDLED_FAMILY));

  gtk_css_provider_load_from_data (css, ".bundled { font-family: \"" PL_FONT_BUNDLED_FAMILY "\"; font-size: 24pt; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  window = gtk_window_new ();
  /* English, Welsh and Polish letters all come from the bundled font */
  label = gtk_label_new ("Hello Dŵr Ŷ ŷ ẃ ł Ł ść");
  gtk_widget_add_css_class (label, "bundled");
  gtk_window_set_child (GTK_WINDOW (window), label);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, label));
  pl_gui_test_run_frames (2);

  iter = pango_layout_get_iter (gtk_label_get_layout (GTK_LABEL (label)));
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoFontDescription *used;

      if (run == NULL)
        continue;
      used = pango_font_describe (run->item->analysis.font);
      g_test_message ("run %u: %s", n_runs, pango_font_description_get_family (used));
      g_assert_cmpstr (pango_font_description_get_family (used), ==, PL_FONT_BUNDLED_FAMILY);
      pango_font_description_free (used);
      n_runs++;
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  g_assert_cmpuint (n_runs, >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

  /* First: the others offer the font it registers */
  g_test_add_func ("/plainly/fonts/bundled", test_bundled_font);

#define ADD(path, func) \
  g_test_add ("/plainly/settings-page/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("text-size", test_text_size);
  ADD ("themes", test_themes);
  ADD ("fonts", test_fonts);
  ADD ("spacing", test_spacing);
  ADD ("reading-aids", test_reading_aids);
  ADD ("speech", test_speech);
  ADD ("lock", test_lock);
  ADD ("set-settings", test_set_settings);
  ADD ("pin", test_pin);
  ADD ("needs-explained", test_needs_explained);
  ADD ("giant-print-reflows", test_giant_print_reflows);
  ADD ("choice-words-whole", test_choice_words_whole);
  ADD ("headings-and-labels", test_headings_and_labels);
  ADD ("tab-stops", test_tab_stops);
#undef ADD

  return g_test_run ();
}
