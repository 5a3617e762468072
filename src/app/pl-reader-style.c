/* pl-reader-style.c: a person's display settings as CSS for the reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CSS is scoped to one class on the reader, and loaded above the
 * application's own style sheet, so the person's theme holds whatever the
 * desktop theme is. Colours come only from pl-theme.c, where every pair is
 * proven to reach 7:1 (WCAG 1.4.6).
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>

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
  const PlTheme *theme;
  g_autofree char *text = NULL;
  g_autofree char *bg = NULL;
  g_autofree char *link = NULL;
  g_autofree char *notice_text = NULL;
  g_autofree char *notice_bg = NULL;
  g_autofree char *focus = NULL;
  g_autofree char *hl_text = NULL;
  g_autofree char *hl_bg = NULL;
  char line[G_ASCII_DTOSTR_BUF_SIZE];
  char paragraph[G_ASCII_DTOSTR_BUF_SIZE];
  char letter[G_ASCII_DTOSTR_BUF_SIZE];
  char heading_line[G_ASCII_DTOSTR_BUF_SIZE];
  GString *css;
  const char *s = scope_class;
  int points;

  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (scope_class != NULL, NULL);

  theme = pl_theme_lookup (settings->theme);
  text = pl_color_to_string (theme->text);
  bg = pl_color_to_string (theme->background);
  link = pl_color_to_string (theme->link);
  notice_text = pl_color_to_string (theme->notice_text);
  notice_bg = pl_color_to_string (theme->notice_background);
  focus = pl_color_to_string (theme->focus);
  hl_text = pl_color_to_string (theme->highlight_text);
  hl_bg = pl_color_to_string (theme->highlight_background);

  points = pl_text_size_step (settings->text_size, 0);
  number (line, CLAMP (settings->line_spacing, LINE_SPACING_MIN, LINE_SPACING_MAX));
  number (paragraph, CLAMP (settings->paragraph_spacing, 0.0, PARAGRAPH_SPACING_MAX));
  number (letter, CLAMP (settings->letter_spacing, 0.0, LETTER_SPACING_MAX));

  css = g_string_new (NULL);

  /* The page and its header in the theme's colours */
  g_string_append_printf (css,
    ".%s, .%s headerbar { background-color: %s; color: %s; }\n"
    ".%s headerbar { background-image: none; box-shadow: inset 0 -2px %s; }\n"
    ".%s headerbar button { color: %s; background-color: transparent;"
    " box-shadow: inset 0 0 0 2px %s; }\n"
    ".%s headerbar button:hover { background-color: alpha(%s, 0.15); }\n"
    ".%s headerbar button:checked { background-color: %s; color: %s; }\n"
    ".%s headerbar .title { color: %s; }\n"
    ".%s headerbar windowcontrols button { box-shadow: none; }\n",
    s, s, bg, text,
    s, text,
    s, text, text,
    s, text,
    s, text, bg,
    s, text,
    s);

  /* The header's controls grow with the text too, up to 16 pt: beyond it
   * they would no longer fit across a 1024-pixel window (WCAG 1.4.10) */
  g_string_append_printf (css, ".%s headerbar { font-size: %dpt; }\n",
                          s, MIN (points, 16));

  /* The read-aloud bar: the page's colours, and text that grows with the
   * page's up to a size that still leaves room to read */
  g_string_append_printf (css,
    ".%s readaloudbar { background-color: %s; color: %s; box-shadow: inset 0 2px %s;"
    " padding: 8px 32px; font-size: %dpt; }\n"
    ".%s readaloudbar button { color: %s; background-color: transparent; background-image: none;"
    " box-shadow: inset 0 0 0 2px %s; min-height: 44px; min-width: 44px; }\n"
    ".%s readaloudbar button:hover { background-color: alpha(%s, 0.15); }\n"
    ".%s readaloudbar button.pl-read-aloud-main { box-shadow: inset 0 0 0 4px %s; font-weight: bold; }\n"
    ".%s readaloudbar button:disabled { box-shadow: inset 0 0 0 2px alpha(%s, 0.5); }\n",
    s, bg, text, text, MIN (points, PL_TEXT_SIZE_VERY_LARGE),
    s, text, text,
    s, text,
    s, text,
    s, text);

  /* Menus opened from the header */
  g_string_append_printf (css,
    ".%s popover > contents, .%s popover > arrow { background-color: %s; color: %s;"
    " border: 2px solid %s; }\n"
    ".%s popover modelbutton:hover, .%s popover modelbutton:focus {"
    " background-color: %s; color: %s; }\n",
    s, s, bg, text, text,
    s, s, text, bg);

  /* The reading text */
  g_string_append_printf (css,
    ".%s .pl-document { font-size: %dpt; color: %s; }\n"
    ".%s .pl-document label { line-height: %s; letter-spacing: %sem; }\n"
    ".%s .pl-paragraph, .%s .pl-list, .%s .pl-field, .%s .pl-contact,"
    " .%s .pl-question { margin-bottom: %sem; }\n",
    s, points, text,
    s, line, letter,
    s, s, s, s, s, paragraph);

  /* Headings stay a step above the text, but at large print the usual
   * 1.8 times would leave a few words a line; their lines sit closer. */
  if (points >= PL_TEXT_SIZE_VERY_LARGE)
    g_string_append_printf (css,
      ".%s .pl-heading-1 { font-size: 1.35em; }\n"
      ".%s .pl-heading-2 { font-size: 1.2em; }\n"
      ".%s .pl-heading-3, .%s .pl-heading-4, .%s .pl-heading-5,"
      " .%s .pl-heading-6 { font-size: 1.1em; }\n",
      s, s, s, s, s, s);
  g_string_append_printf (css, ".%s .pl-document label.pl-heading { line-height: %s; }\n",
                          s, number (heading_line, CLAMP (settings->line_spacing, LINE_SPACING_MIN, 1.3)));

  /* The reader's list of contents, read at the same size and in the same
   * colours as the text; opaque, as it lies over the text in a narrow window */
  g_string_append_printf (css,
    ".%s .pl-contents { font-size: %dpt; background-color: %s; color: %s;"
    " border-right: 2px solid %s; }\n"
    ".%s .pl-contents-heading { font-weight: 800; font-size: 1.2em; }\n"
    ".%s .pl-contents-list > row { min-height: 44px; }\n"
    ".%s button.pl-leave-focus { color: %s; background-color: %s;"
    " box-shadow: inset 0 0 0 2px %s; }\n"
    ".%s button.pl-leave-focus:hover { background-color: alpha(%s, 0.15); }\n",
    s, points, bg, text, text,
    s,
    s,
    s, text, bg, text,
    s, text);

  if (font_name_is_safe (settings->font))
    g_string_append_printf (css, ".%s .pl-document { font-family: \"%s\", sans-serif; }\n",
                            s, settings->font);

  g_string_append_printf (css,
    ".%s button.pl-link { color: %s; }\n"
    ".%s button.pl-link:hover { background-color: alpha(%s, 0.15); }\n"
    ".%s .pl-notice { color: %s; background-color: %s; border-color: %s; }\n"
    ".%s .pl-notice-icon { color: %s; }\n"
    ".%s .pl-contact { background-color: %s; border-color: %s; }\n"
    ".%s label > selection { background-color: %s; color: %s; }\n"
    ".%s scrollbar slider { background-color: alpha(%s, 0.6); }\n"
    ".%s *:focus:focus-visible { outline-color: %s; }\n",
    s, link,
    s, link,
    s, notice_text, notice_bg, notice_text,
    s, notice_text,
    s, bg, text,
    s, hl_bg, hl_text,
    s, text,
    s, focus);

  return g_string_free (css, FALSE);
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
