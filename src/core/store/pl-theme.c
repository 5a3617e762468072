/* pl-theme.c: the reading themes and the contrast they must reach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every text and background pair here reaches 7:1 (WCAG 1.4.6), every
 * focus ring 3:1 against the background (WCAG 1.4.11) and the text of
 * controls not in use 4.5:1 (WCAG 1.4.3); test-theme.c proves it from these
 * numbers and the GUI tests from rendered pixels. The same colours are named
 * in ui/pl-themes.css, which test-theme.c checks against this table.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <math.h>
#include <string.h>
#include "pl-i18n.h"

#include "pl-model.h"
#include "pl-theme.h"

#define RGB(hex) { ((hex) >> 16) & 0xff, ((hex) >> 8) & 0xff, (hex) & 0xff }

static const PlTheme themes[] = {
  { "standard", N_("Standard"), FALSE,
    RGB (0x1c1c1c), RGB (0xfafafa), RGB (0x0b4a9e),
    RGB (0x1c1c1c), RGB (0xfdf3c8), RGB (0x1a5fb4),
    RGB (0x000000), RGB (0xffd75e),
    RGB (0x616161) },
  { "dark", N_("Dark"), TRUE,
    RGB (0xf2f2f2), RGB (0x1c1c1c), RGB (0x9cc8ff),
    RGB (0xf2f2f2), RGB (0x3d3416), RGB (0x78aeed),
    RGB (0x000000), RGB (0xffd75e),
    RGB (0x9e9e9e) },
  { "black-on-white", N_("High contrast, black on white"), FALSE,
    RGB (0x000000), RGB (0xffffff), RGB (0x00008b),
    RGB (0x000000), RGB (0xffffff), RGB (0x000000),
    RGB (0xffffff), RGB (0x000000),
    RGB (0x600000) },
  { "yellow-on-black", N_("High contrast, yellow on black"), TRUE,
    RGB (0xffff00), RGB (0x000000), RGB (0x7fffff),
    RGB (0xffff00), RGB (0x000000), RGB (0xffffff),
    RGB (0x000000), RGB (0xffff00),
    RGB (0x3ff23f) },
  { "white-on-black", N_("White on black"), TRUE,
    RGB (0xffffff), RGB (0x000000), RGB (0xffff7f),
    RGB (0xffffff), RGB (0x000000), RGB (0xffff00),
    RGB (0x000000), RGB (0xffffff),
    RGB (0x3ff23f) },
  { "cream", N_("Cream, low glare"), FALSE,
    RGB (0x222018), RGB (0xf7f0dc), RGB (0x1e3f7a),
    RGB (0x222018), RGB (0xeadcae), RGB (0x5c3c00),
    RGB (0x000000), RGB (0xc8e6ff),
    RGB (0x665d4a) },
};

const PlTheme *
pl_themes (guint *n_themes)
{
  if (n_themes != NULL)
    *n_themes = G_N_ELEMENTS (themes);
  return themes;
}

const PlTheme *
pl_theme_lookup (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (themes); i++)
    if (g_str_equal (themes[i].id, id))
      return &themes[i];
  return &themes[0];
}

static double
channel (guint8 value)
{
  double c = value / 255.0;

  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
pl_color_luminance (PlColor color)
{
  return 0.2126 * channel (color.r) + 0.7152 * channel (color.g) + 0.0722 * channel (color.b);
}

double
pl_color_contrast (PlColor a,
                   PlColor b)
{
  double la = pl_color_luminance (a);
  double lb = pl_color_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

gboolean
pl_color_parse (const char *hex,
                PlColor    *out)
{
  guint64 v;
  char *end = NULL;

  g_return_val_if_fail (out != NULL, FALSE);

  if (hex == NULL || hex[0] != '#' || strlen (hex) != 7)
    return FALSE;
  v = g_ascii_strtoull (hex + 1, &end, 16);
  if (end == NULL || *end != '\0')
    return FALSE;

  out->r = (v >> 16) & 0xff;
  out->g = (v >> 8) & 0xff;
  out->b = v & 0xff;
  return TRUE;
}

char *
pl_color_to_string (PlColor color)
{
  return g_strdup_printf ("#%02x%02x%02x", color.r, color.g, color.b);
}

void
pl_theme_follow_desktop (PlSettings *settings,
                         gboolean    high_contrast,
                         gboolean    dark)
{
  const char *id;

  g_return_if_fail (settings != NULL);

  /* A saved choice, or one the person's needs made, always wins */
  if (settings->id != 0 || g_strcmp0 (settings->theme, "standard") != 0)
    return;

  if (high_contrast)
    id = dark ? "white-on-black" : "black-on-white";
  else if (dark)
    id = "dark";
  else
    return;

  g_free (settings->theme);
  settings->theme = g_strdup (id);
}
