/* pl-settings-page-choices.c: the large choice buttons of "My settings"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every set of choices on the page (text size, colours, font, line focus,
 * the lock) is a row of large buttons with words on them, all in view, so
 * nothing has to be found in a drop-down list at giant print. This file
 * makes those buttons, shows which one is on, and builds the three sets of
 * the page's look: text size, colours and font.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-fonts.h"
#include "pl-reader-style.h"
#include "pl-settings-page-private.h"
#include "pl-theme.h"

/* The widest a choice's words go before they wrap, in characters */
#define CHOICE_CHARS 16

/* Words that wrap, so a button never makes the page wider than the window
 * at giant print */
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

void
pl_settings_button_set_words (GtkButton  *button,
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

/* A large button, one of a set of choices (a radio button to a screen
 * reader, which says "selected" once as it changes). content goes above
 * the words and detail on a line of its own below them, never broken, so
 * "14 point" is never split from itself or run on from the name. Its
 * accessible name is the set's, then its own (which the words and detail
 * always contain): "Line focus, Off", not "Off" alone. A labelled-by
 * relation to the set's label would do the same in GTK 4.8, but Orca 43
 * then says the set's label twice: once as the radio group, once in the
 * name. */
GtkWidget *
pl_settings_choice_new (GPtrArray  *group,
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

  /* Long names take two lines, so more choices fit side by side; they
   * break between words only: a narrow button grows rather than split
   * "Standard" into "Stan-dard" */
  gtk_label_set_max_width_chars (GTK_LABEL (words_label), CHOICE_CHARS);
  gtk_label_set_wrap_mode (GTK_LABEL (words_label), PANGO_WRAP_WORD);

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

void
pl_settings_choices_show_int (GPtrArray *group,
                              int        value)
{
  set_active_choice (group, int_matches, &value);
}

void
pl_settings_choices_show_string (GPtrArray  *group,
                                 const char *value)
{
  set_active_choice (group, string_matches, value);
}

int
pl_settings_choice_get_int (PlChoiceButton *button)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "pl-value"));
}

static void
size_chosen_cb (PlChoiceButton *button,
                GParamSpec     *pspec,
                PlSettingsPage *self)
{
  int points = pl_settings_choice_get_int (button);

  if (self->updating || !pl_choice_button_get_active (button)
      || self->settings->text_size == points)
    return;
  self->settings->text_size = points;
  pl_settings_page_changed (self);
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
  pl_settings_page_changed (self);
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
  pl_settings_page_changed (self);
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
      button = pl_settings_choice_new (self->size_buttons, self->size_box, _("Text size"), widget_name,
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
      button = pl_settings_choice_new (self->theme_buttons, self->theme_box, _("Colours"), widget_name,
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

  button = pl_settings_choice_new (self->font_buttons, self->font_box, _("Font"), widget_name,
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

void
pl_settings_add_int_choices (PlSettingsPage *self,
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
      GtkWidget *button = pl_settings_choice_new (group, box, set_name, widget_name, NULL, words, NULL, words);

      g_object_set_data (G_OBJECT (button), "pl-value", GINT_TO_POINTER (values[i]));
      g_signal_connect (button, "notify::active", chosen, self);
    }
}


void
pl_settings_page_class_init_choices (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, size_box);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, theme_box);
  gtk_widget_class_bind_template_child (widget_class, PlSettingsPage, font_box);
}

void
pl_settings_page_init_choices (PlSettingsPage *self)
{
  add_size_choices (self);
  add_theme_choices (self);
  add_font_choices (self);
}

void
pl_settings_page_show_choices (PlSettingsPage *self)
{
  const PlSettings *s = self->settings;

  pl_settings_choices_show_int (self->size_buttons, s->text_size);
  pl_settings_choices_show_string (self->theme_buttons, pl_theme_lookup (s->theme)->id);
  pl_settings_choices_show_string (self->font_buttons, s->font);
}
