/* pl-theme.h: the reading themes and the contrast they must reach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pl-types.h"

G_BEGIN_DECLS

typedef struct
{
  guint8 r, g, b;
} PlColor;

typedef struct
{
  const char *id;          /* stored in PlSettings.theme */
  const char *name;        /* untranslated (N_) */
  gboolean    dark;
  PlColor     text;
  PlColor     background;
  PlColor     link;
  PlColor     notice_text; /* notices stand out by a border and words, not colour alone */
  PlColor     notice_background;
  PlColor     focus;       /* the focus ring, against the background */
  PlColor     highlight_text;       /* the word being spoken */
  PlColor     highlight_background;
  /* Controls that cannot be used yet: a colour of their own that keeps
   * 4.5:1 (WCAG 1.4.3), as Windows' high-contrast themes give "disabled
   * text", rather than the text faded to 4:1 or less */
  PlColor     disabled_text;
} PlTheme;

/* WCAG 2.x relative luminance and contrast ratio (1.0 to 21.0) */
double          pl_color_luminance     (PlColor         color);
double          pl_color_contrast      (PlColor         a,
                                        PlColor         b);
gboolean        pl_color_parse         (const char     *hex,
                                        PlColor        *out);
char           *pl_color_to_string     (PlColor         color);

const PlTheme  *pl_themes              (guint          *n_themes);
/* NULL or unknown ids give the standard theme */
const PlTheme  *pl_theme_lookup        (const char     *id);
/* For settings never saved whose needs chose no theme: the desktop's
 * high-contrast and dark preferences become the starting theme */
void            pl_theme_follow_desktop (PlSettings    *settings,
                                         gboolean       high_contrast,
                                         gboolean       dark);

G_END_DECLS
