/* pl-reader-style.h: a person's display settings as CSS for the reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pl-model.h"
#include "pl-theme.h"

G_BEGIN_DECLS

/* RNIB clear print sizes, in points */
#define PL_TEXT_SIZE_STANDARD  14
#define PL_TEXT_SIZE_LARGE     18
#define PL_TEXT_SIZE_VERY_LARGE 24
#define PL_TEXT_SIZE_GIANT     32
#define PL_TEXT_SIZE_HUGE      48
/* Ctrl+plus goes up to 400% of standard (WCAG 1.4.4 asks for 200%) */
#define PL_TEXT_SIZE_MIN       PL_TEXT_SIZE_STANDARD
#define PL_TEXT_SIZE_MAX       56

typedef struct
{
  int         points;
  const char *name;   /* untranslated (N_) */
} PlTextSizePreset;

const PlTextSizePreset *pl_text_size_presets   (guint      *n_presets);
/* The next size up or down the zoom steps from points (clamped) */
int                     pl_text_size_step      (int         points,
                                                int         direction);
/* CSS for everything under scope_class (a class name without the dot):
 * text size, theme colours, font, line, letter and paragraph spacing. */
char                   *pl_reader_style_css    (const PlSettings *settings,
                                                const char       *scope_class);
/* Colours for the reading aids, from the person's theme: line focus dims the
 * other lines with the page's own background (shade), and the reading ruler
 * is drawn in the theme's focus colour (ruler), which keeps 3:1 against the
 * page. The text's own colours are never changed. */
void                    pl_reader_style_aid_colors (const PlSettings *settings,
                                                    PlColor          *shade,
                                                    PlColor          *ruler);

G_END_DECLS
