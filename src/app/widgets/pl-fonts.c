/* pl-fonts.c: the bundled low-vision font and the clear fonts to choose from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Atkinson Hyperlegible Next is added to fontconfig's application fonts, for
 * this process only, so it works the same from a checkout, an installed
 * build or a sandbox, and nothing is written to the person's font folders.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "pl-fonts.h"
#include "pl-fonts-private.h"
#include "pl-model.h"

/* One file that every copy of the bundled font has */
#define BUNDLED_PROBE_FILE "atkinson-hyperlegible-next-latin-400-normal.ttf"

static char *registered_dir;

static gboolean
add_dir (const char *dir)
{
  g_autofree char *probe = g_build_filename (dir, BUNDLED_PROBE_FILE, NULL);

  if (!g_file_test (probe, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  return FcConfigAppFontAddDir (FcConfigGetCurrent (), (const FcChar8 *) dir) == FcTrue;
}

gboolean
pl_fonts_register (void)
{
  const char *dirs[] = { PL_FONTS_DIR, PL_SOURCE_FONTS_DIR };
  PangoFontMap *map;

  if (registered_dir != NULL)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (dirs) && registered_dir == NULL; i++)
    if (add_dir (dirs[i]))
      registered_dir = g_strdup (dirs[i]);

  if (registered_dir == NULL)
    {
      g_message ("The bundled font was not found in %s or %s", PL_FONTS_DIR, PL_SOURCE_FONTS_DIR);
      return FALSE;
    }

  /* Pango caches what fontconfig offered when its font map was made; GTK's
   * widgets use this default map, so tell it to look again. */
  map = pango_cairo_font_map_get_default ();
  if (PANGO_IS_FC_FONT_MAP (map))
    pango_fc_font_map_config_changed (PANGO_FC_FONT_MAP (map));

  return TRUE;
}

const char *
pl_fonts_get_registered_dir (void)
{
  return registered_dir;
}

static PangoFontFamily *
find_family (const char *family)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  g_autofree PangoFontFamily **families = NULL;
  int n = 0;

  pango_font_map_list_families (map, &families, &n);
  for (int i = 0; i < n; i++)
    if (g_ascii_strcasecmp (pango_font_family_get_name (families[i]), family) == 0)
      return families[i];
  return NULL;
}

gboolean
pl_fonts_has_family (const char *family)
{
  g_return_val_if_fail (family != NULL, FALSE);

  return find_family (family) != NULL;
}

char **
pl_fonts_list_available (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  /* The families a setting may name, so check knows them too */
  for (guint i = 0; pl_font_families[i] != NULL; i++)
    {
      PangoFontFamily *family = find_family (pl_font_families[i]);

      if (family != NULL)
        g_strv_builder_add (builder, pango_font_family_get_name (family));
    }

  return g_strv_builder_end (builder);
}
