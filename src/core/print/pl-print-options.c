/* pl-print-options.c: what paper a reader gets: size, font, spacing, version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Paper is never smaller than PL_PRINT_MIN_TEXT_SIZE (RNIB clear print) and
 * its line spacing never under 1.5 (NG21 1.2.4); the bundled font is added
 * for this process alone.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "pl-document.h"
#include "pl-print.h"

#define BUNDLED_PROBE_FILE "atkinson-hyperlegible-next-latin-400-normal.ttf"

/* Options */

PlPrintOptions *
pl_print_options_new (void)
{
  PlPrintOptions *self = g_new0 (PlPrintOptions, 1);

  /* 24 pt: what most people who ask for large print can read (RNIB) */
  self->text_size = 24.0;
  self->page_width = PL_PRINT_A4_WIDTH;
  self->page_height = PL_PRINT_A4_HEIGHT;
  self->line_spacing = PL_PRINT_MIN_LINE_SPACING;
  return self;
}

PlPrintOptions *
pl_print_options_copy (const PlPrintOptions *self)
{
  PlPrintOptions *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->font_family = g_strdup (self->font_family);
  copy->person_name = g_strdup (self->person_name);
  copy->version = g_strdup (self->version);
  copy->date = g_strdup (self->date);
  return copy;
}

void
pl_print_options_free (PlPrintOptions *self)
{
  if (self == NULL)
    return;
  g_free (self->font_family);
  g_free (self->person_name);
  g_free (self->version);
  g_free (self->date);
  g_free (self);
}

char *
pl_print_options_check (PlPrintOptions *self)
{
  g_autoptr(GString) said = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  if (!(self->text_size >= PL_PRINT_MIN_TEXT_SIZE))
    {
      g_string_append_printf (said, _("Text size %g points is smaller than large print, so %g points is used."),
                              self->text_size, PL_PRINT_MIN_TEXT_SIZE);
      self->text_size = PL_PRINT_MIN_TEXT_SIZE;
    }
  else if (self->text_size > PL_PRINT_MAX_TEXT_SIZE)
    {
      g_string_append_printf (said, _("Text size %g points is too big for a page, so %g points is used."),
                              self->text_size, PL_PRINT_MAX_TEXT_SIZE);
      self->text_size = PL_PRINT_MAX_TEXT_SIZE;
    }

  if (!(self->line_spacing >= PL_PRINT_MIN_LINE_SPACING) || self->line_spacing > 3.0)
    {
      double spacing = self->line_spacing > 3.0 ? 3.0 : PL_PRINT_MIN_LINE_SPACING;

      if (said->len > 0)
        g_string_append_c (said, ' ');
      g_string_append_printf (said, _("Line spacing %g is out of range, so %g is used."),
                              self->line_spacing, spacing);
      self->line_spacing = spacing;
    }

  /* A page must leave room for margins, the footer and some lines of text */
  if (!(self->page_width >= 200.0) || !(self->page_height >= 280.0) ||
      self->page_width > 5000.0 || self->page_height > 5000.0)
    {
      if (said->len > 0)
        g_string_append_c (said, ' ');
      g_string_append (said, _("The page size is out of range, so A4 is used."));
      self->page_width = PL_PRINT_A4_WIDTH;
      self->page_height = PL_PRINT_A4_HEIGHT;
    }

  if (said->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&said), FALSE);
}

PlPrintOptions *
pl_print_options_for_reader (const PlSettings *settings,
                             PlDocument       *document,
                             const char       *person_name)
{
  PlPrintOptions *options = pl_print_options_new ();
  g_autofree char *ignored = NULL;

  if (settings != NULL)
    {
      options->text_size = MAX (settings->text_size, PL_PRINT_MIN_TEXT_SIZE);
      options->line_spacing = settings->line_spacing;
      if (settings->font != NULL && *settings->font != '\0')
        options->font_family = g_strdup (settings->font);
    }
  options->person_name = g_strdup (person_name);
  if (document != NULL)
    options->version = g_strdup (pl_document_get_version (document));

  /* Kept within what paper allows; pl_print_options_check () says what it
   * changed to whoever asked for something else */
  ignored = pl_print_options_check (options);
  return options;
}

gboolean
pl_print_register_fonts (void)
{
  static gsize done = 0;
  static gboolean found = FALSE;

  if (g_once_init_enter (&done))
    {
      const char *dirs[] = { PL_FONTS_DIR, PL_SOURCE_FONTS_DIR };

      for (guint i = 0; i < G_N_ELEMENTS (dirs) && !found; i++)
        {
          g_autofree char *probe = g_build_filename (dirs[i], BUNDLED_PROBE_FILE, NULL);

          if (g_file_test (probe, G_FILE_TEST_IS_REGULAR))
            found = FcConfigAppFontAddDir (FcConfigGetCurrent (), (const FcChar8 *) dirs[i]) == FcTrue;
        }

      /* Pango caches what fontconfig offered when its font map was made */
      if (found)
        {
          PangoFontMap *map = pango_cairo_font_map_get_default ();

          if (PANGO_IS_FC_FONT_MAP (map))
            pango_fc_font_map_config_changed (PANGO_FC_FONT_MAP (map));
        }
      g_once_init_leave (&done, 1);
    }

  return found;
}
