/* pl-reader-style.c: a person's display settings as the reader's look
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The look is style sheets in the GResource: one class per theme
 * (ui/pl-themes.css, the colours of pl-theme.c, where every pair is proven
 * to reach 7:1, WCAG 1.4.6) and the shapes drawn in those colours
 * (ui/pl-reader-style.css). They are loaded above the application's own
 * style sheet, so the person's theme holds whatever the desktop theme is.
 * Only what varies without steps, the person's text size, spacing and
 * font, is written here, scoped to one class on the reader.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"
#include <gtk/gtk.h>

#include "pl-reader-style.h"
#include "pl-theme.h"

/* Line spacing 1.5 to 2.5 and paragraph spacing up to 3 (WCAG 1.4.12) */
#define LINE_SPACING_MIN 1.0
#define LINE_SPACING_MAX 2.5
#define PARAGRAPH_SPACING_MAX 3.0
#define LETTER_SPACING_MAX 0.35

static const PlTextSizePreset presets[] = {
  { PL_TEXT_SIZE_STANDARD, N_("Standard") },
  { PL_TEXT_SIZE_LARGE, N_("Large") },
  { PL_TEXT_SIZE_VERY_LARGE, N_("Very large") },
  { PL_TEXT_SIZE_GIANT, N_("Giant") },
  { PL_TEXT_SIZE_HUGE, N_("Huge") },
};

/* 100%, 115%, 130%, 145%, 170%, 200%, 230%, 285%, 340%, 400% */
static const int steps[] = { 14, 16, 18, 20, 24, 28, 32, 40, 48, 56 };

const PlTextSizePreset *
pl_text_size_presets (guint *n_presets)
{
  if (n_presets != NULL)
    *n_presets = G_N_ELEMENTS (presets);
  return presets;
}

int
pl_text_size_step (int points,
                   int direction)
{
  if (direction > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        if (steps[i] > points)
          return steps[i];
      return PL_TEXT_SIZE_MAX;
    }

  if (direction < 0)
    {
      for (guint i = G_N_ELEMENTS (steps); i > 0; i--)
        if (steps[i - 1] < points)
          return steps[i - 1];
      return PL_TEXT_SIZE_MIN;
    }

  return CLAMP (points, PL_TEXT_SIZE_MIN, PL_TEXT_SIZE_MAX);
}

/* A font name goes inside quotes in CSS; anything that could end them is refused */
static gboolean
font_name_is_safe (const char *font)
{
  if (font == NULL || font[0] == '\0')
    return FALSE;
  for (const char *p = font; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != ' ' && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static const char *
number (char   *buffer,
        double  value)
{
  /* CSS needs a dot whatever the locale */
  return g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.3f", value);
}

char *
pl_reader_style_css (const PlSettings *settings,
                     const char       *scope_class)
{
  char line[G_ASCII_DTOSTR_BUF_SIZE];
  char paragraph[G_ASCII_DTOSTR_BUF_SIZE];
  char letter[G_ASCII_DTOSTR_BUF_SIZE];
  char heading_line[G_ASCII_DTOSTR_BUF_SIZE];
  GString *css;
  const char *s = scope_class;
  int points;

  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (scope_class != NULL, NULL);

  points = pl_text_size_step (settings->text_size, 0);
  number (line, CLAMP (settings->line_spacing, LINE_SPACING_MIN, LINE_SPACING_MAX));
  number (paragraph, CLAMP (settings->paragraph_spacing, 0.0, PARAGRAPH_SPACING_MAX));
  number (letter, CLAMP (settings->letter_spacing, 0.0, LETTER_SPACING_MAX));
  /* Headings' lines sit closer than the text's */
  number (heading_line, CLAMP (settings->line_spacing, LINE_SPACING_MIN, 1.3));

  css = g_string_new (NULL);

  /* The text, and its list of contents at the same size. The header's
   * controls grow with it up to 16 pt, beyond which they would no longer
   * fit across a 1024-pixel window (WCAG 1.4.10); the read-aloud bar up
   * to a size that still leaves room to read. */
  g_string_append_printf (css,
    ".%s .pl-document, .%s .pl-contents { font-size: %dpt; }\n"
    ".%s headerbar { font-size: %dpt; }\n"
    ".%s readaloudbar { font-size: %dpt; }\n",
    s, s, points,
    s, MIN (points, 16),
    s, MIN (points, PL_TEXT_SIZE_VERY_LARGE));

  /* Line, letter and paragraph spacing (WCAG 1.4.12) */
  g_string_append_printf (css,
    ".%s .pl-document label { line-height: %s; letter-spacing: %sem; }\n"
    ".%s .pl-document label.pl-heading { line-height: %s; }\n"
    ".%s .pl-paragraph, .%s .pl-list, .%s .pl-field, .%s .pl-contact,"
    " .%s .pl-question { margin-bottom: %sem; }\n",
    s, line, letter,
    s, heading_line,
    s, s, s, s, s, paragraph);

  if (font_name_is_safe (settings->font))
    g_string_append_printf (css, ".%s .pl-document { font-family: \"%s\", sans-serif; }\n",
                            s, settings->font);

  return g_string_free (css, FALSE);
}

/* The style sheets every reader shares, once for the display: the shapes
 * (under .pl-reader), then the themes' colours above them, so a theme's
 * colour always wins over the shape's currentColor */
void
pl_reader_style_load (void)
{
  static const struct {
    const char *path;
    guint       priority;
  } sheets[] = {
    { PL_RESOURCE_BASE "/ui/pl-reader-style.css", GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1 },
    { PL_RESOURCE_BASE "/ui/pl-settings-page.css", GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1 },
    { PL_RESOURCE_BASE "/ui/pl-themes.css", GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 2 },
  };
  static GdkDisplay *loaded_for;
  GdkDisplay *display = gdk_display_get_default ();

  if (display == NULL || display == loaded_for)
    return;
  loaded_for = display;

  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, sheets[i].path);
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  sheets[i].priority);
    }
}

void
pl_reader_style_set_classes (GtkWidget        *widget,
                             const PlSettings *settings)
{
  const PlTheme *theme;
  g_autofree char *wanted = NULL;
  g_auto(GStrv) classes = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (settings != NULL);

  pl_reader_style_load ();

  theme = pl_theme_lookup (settings->theme);
  wanted = g_strconcat (PL_THEME_CLASS_PREFIX, theme->id, NULL);
  classes = gtk_widget_get_css_classes (widget);
  for (guint i = 0; classes[i] != NULL; i++)
    if (g_str_has_prefix (classes[i], PL_THEME_CLASS_PREFIX) && !g_str_equal (classes[i], wanted))
      gtk_widget_remove_css_class (widget, classes[i]);

  gtk_widget_add_css_class (widget, "pl-reader");
  gtk_widget_add_css_class (widget, wanted);
  if (pl_text_size_step (settings->text_size, 0) >= PL_TEXT_SIZE_VERY_LARGE)
    gtk_widget_add_css_class (widget, PL_LARGE_PRINT_CLASS);
  else
    gtk_widget_remove_css_class (widget, PL_LARGE_PRINT_CLASS);
}

void
pl_reader_style_apply (GtkWidget        *root,
                       const char       *scope_class,
                       const PlSettings *settings)
{
  g_return_if_fail (GTK_IS_WIDGET (root));
  g_return_if_fail (scope_class != NULL);
  g_return_if_fail (settings != NULL);

  /* What lies under a scoped widget takes its classes from it */
  if (gtk_widget_has_css_class (root, scope_class))
    {
      pl_reader_style_set_classes (root, settings);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    pl_reader_style_apply (child, scope_class, settings);
}

void
pl_reader_style_aid_colors (const PlSettings *settings,
                            PlColor          *shade,
                            PlColor          *ruler)
{
  const PlTheme *theme;

  g_return_if_fail (settings != NULL);

  theme = pl_theme_lookup (settings->theme);
  if (shade != NULL)
    *shade = theme->background;
  if (ruler != NULL)
    *ruler = theme->focus;
}
