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
 * says what changed. Its sections are in files of their own
 * (pl-settings-page-private.h says which).
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <math.h>
#include "pl-i18n.h"
#include <adwaita.h>

#include "pl-needs.h"
#include "pl-reader-style.h"
#include "pl-settings-page-private.h"
#include "pl-theme.h"

/* The column stays about this many characters wide at small sizes, and
 * takes the whole window at large ones */
#define COLUMN_CHARS 52
#define COLUMN_MIN_WIDTH 760

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
static const int symbols_choices[] = {
  PL_SYMBOLS_BESIDE, PL_SYMBOLS_LARGER, PL_SYMBOLS_ABOVE, PL_SYMBOLS_NONE
};

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

void
pl_settings_page_changed (PlSettingsPage *self)
{
  update_style (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
pl_settings_page_request_pin (PlSettingsPage *self,
                              const char     *pin)
{
  g_signal_emit (self, signals[PIN_REQUESTED], 0, pin);
}

/* Makes every control show self->settings */
static void
update_controls (PlSettingsPage *self)
{
  const PlSettings *s = self->settings;

  self->updating = TRUE;

  pl_settings_page_show_choices (self);
  pl_settings_choices_show_int (self->line_focus_buttons, s->line_focus);
  gtk_spin_button_set_value (self->line_spacing, s->line_spacing);
  gtk_spin_button_set_value (self->paragraph_spacing, s->paragraph_spacing);
  gtk_spin_button_set_value (self->letter_spacing, s->letter_spacing);
  gtk_switch_set_active (self->reading_ruler, s->reading_ruler);
  gtk_switch_set_active (self->focus_mode, s->focus_mode);
  gtk_switch_set_active (self->easy_read, s->easy_read);
  pl_settings_choices_show_int (self->symbols_buttons, s->symbols);
  pl_settings_page_show_speech (self);
  pl_settings_page_show_privacy (self);

  self->updating = FALSE;
}

static void
line_focus_chosen_cb (PlChoiceButton *button,
                      GParamSpec     *pspec,
                      PlSettingsPage *self)
{
  int lines = pl_settings_choice_get_int (button);

  if (self->updating || !pl_choice_button_get_active (button)
      || self->settings->line_focus == lines)
    return;
  self->settings->line_focus = lines;
  pl_settings_page_changed (self);
}

static void
symbols_chosen_cb (PlChoiceButton *button,
                   GParamSpec     *pspec,
                   PlSettingsPage *self)
{
  PlSymbolPlace place = pl_settings_choice_get_int (button);

  if (self->updating || !pl_choice_button_get_active (button)
      || self->settings->symbols == place)
    return;
  self->settings->symbols = place;
  pl_settings_page_changed (self);
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
    pl_settings_page_changed (self);
}

/* A switch of the page flipped (the reading aids, and Speech's two): its
 * setting follows, and the page says it changed */
void
pl_settings_page_switch_changed (PlSettingsPage *self,
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
  else if (widget == self->easy_read)
    field = &self->settings->easy_read;
  else if (widget == self->read_aloud)
    field = &self->settings->read_aloud;
  else
    field = &self->settings->talking_buttons;

  if (!*field == !active)
    return;
  *field = active;
  pl_settings_page_changed (self);
}

static void
switch_changed_cb (PlSettingsPage *self,
                   GParamSpec     *pspec,
                   GtkSwitch      *widget)
{
  pl_settings_page_switch_changed (self, widget);
}

static void
reset_clicked_cb (PlSettingsPage *self)
{
  g_signal_emit (self, signals[RESET_REQUESTED], 0);
}

static char *
line_focus_words (int lines)
{
  if (lines == 0)
    return g_strdup (_("Off"));
  return g_strdup_printf (ngettext ("%d line", "%d lines", lines), lines);
}

static char *
symbols_words (int place)
{
  switch ((PlSymbolPlace) place)
    {
    case PL_SYMBOLS_LARGER:
      return g_strdup (_("Larger"));
    case PL_SYMBOLS_ABOVE:
      return g_strdup (_("Above the words"));
    case PL_SYMBOLS_NONE:
      return g_strdup (_("No pictures"));
    case PL_SYMBOLS_BESIDE:
    default:
      return g_strdup (_("Beside the words"));
    }
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
  g_clear_pointer (&self->symbols_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->lock_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->voices, g_ptr_array_unref);
  g_clear_pointer (&self->plan_languages, g_strfreev);

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
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, line_spacing);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, paragraph_spacing);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, letter_spacing);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, reading_ruler);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, focus_mode);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, easy_read);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, symbols_box);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, line_focus_box);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, needs_group);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, needs_list);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, reset);
  gtk_widget_class_bind_template_callback (widget_class, spacing_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, switch_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_clicked_cb);
  pl_settings_page_class_init_choices (widget_class);
  pl_settings_page_class_init_speech (widget_class);
  pl_settings_page_class_init_privacy (widget_class);

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
  self->symbols_buttons = g_ptr_array_new ();
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

  pl_settings_button_set_words (self->reset, _("Reset to what my needs suggest"));

  make_group_headings (self);
  pl_settings_page_init_choices (self);
  pl_settings_page_init_speech (self);
  pl_settings_add_int_choices (self, self->line_focus_buttons, self->line_focus_box,
                               _("Line focus"), "line-focus",
                               line_focus_choices, G_N_ELEMENTS (line_focus_choices),
                               line_focus_words, G_CALLBACK (line_focus_chosen_cb));
  pl_settings_add_int_choices (self, self->symbols_buttons, self->symbols_box,
                               _("Pictures in easy read"), "symbols",
                               symbols_choices, G_N_ELEMENTS (symbols_choices),
                               symbols_words, G_CALLBACK (symbols_chosen_cb));
  pl_settings_page_init_privacy (self);

  pl_settings_page_set_person_name (self, NULL);
  pl_settings_page_update_pin (self);
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
    {
      g_autofree char *isolated = pl_catalog_isolate (name);

      /* TRANSLATORS: the heading of the settings page, with the person's preferred name (NG86 1.4.2) */
      heading = g_strdup_printf (_("Settings for %s"), isolated);
    }
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
  pl_settings_page_update_pin (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_PIN]);
}

gboolean
pl_settings_page_get_has_pin (PlSettingsPage *self)
{
  g_return_val_if_fail (PL_IS_SETTINGS_PAGE (self), FALSE);

  return self->has_pin;
}
