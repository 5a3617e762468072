/* pl-reader-style.h: a person's display settings as CSS for the reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

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
#define PL_TEXT_SIZE_MIN       PL_SETTINGS_TEXT_SIZE_MIN
#define PL_TEXT_SIZE_MAX       PL_SETTINGS_TEXT_SIZE_MAX

typedef struct
{
  int         points;
  const char *name;   /* untranslated (N_) */
} PlTextSizePreset;

const PlTextSizePreset *pl_text_size_presets   (guint      *n_presets);
/* The next size up or down the zoom steps from points (clamped) */
int                     pl_text_size_step      (int         points,
                                                int         direction);
/* The class that dresses a widget in a theme: "pl-theme-" and its id */
#define PL_THEME_CLASS_PREFIX "pl-theme-"
/* On a reader at 24 pt or more: headings a smaller step above the text */
#define PL_LARGE_PRINT_CLASS "pl-large-print"

/* CSS for everything under scope_class (a class name without the dot):
 * the values that vary without steps, text size, font, line, letter and
 * paragraph spacing. The colours and shapes come from the classes that
 * pl_reader_style_apply() sets. */
char                   *pl_reader_style_css    (const PlSettings *settings,
                                                const char       *scope_class);
/* Loads the shared style sheets (themes and shapes) for the default
 * display; the functions below call it, once is enough */
void                    pl_reader_style_load   (void);
/* Gives widget the classes for settings: pl-reader, the theme's class
 * and, at large print, PL_LARGE_PRINT_CLASS */
void                    pl_reader_style_set_classes (GtkWidget        *widget,
                                                     const PlSettings *settings);
/* The same for each widget at or under root that has scope_class */
void                    pl_reader_style_apply  (GtkWidget        *root,
                                                const char       *scope_class,
                                                const PlSettings *settings);
/* Colours for the reading aids, from the person's theme: line focus dims the
 * other lines with the page's own background (shade), and the reading ruler
 * is drawn in the theme's focus colour (ruler), which keeps 3:1 against the
 * page. The text's own colours are never changed. */
void                    pl_reader_style_aid_colors (const PlSettings *settings,
                                                    PlColor          *shade,
                                                    PlColor          *ruler);

G_END_DECLS
