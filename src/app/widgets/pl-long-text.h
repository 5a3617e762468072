/* pl-long-text.h: a very long text, laid out where it is seen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PL_TYPE_LONG_TEXT (pl_long_text_get_type ())
G_DECLARE_FINAL_TYPE (PlLongText, pl_long_text, PL, LONG_TEXT, GtkWidget)

/* Makes the label of one piece of the text */
typedef GtkWidget *(*PlLongTextLabelFunc) (const char *text,
                                           const char *css_class);

/* text in paragraph-sized pieces (pl_text_chunks ()), each a label from
 * make_label; NULL when text fits in one label */
GtkWidget *pl_long_text_new            (const char          *text,
                                        const char          *css_class,
                                        PlLongTextLabelFunc  make_label);
guint      pl_long_text_get_n_pieces   (PlLongText          *self);
GtkWidget *pl_long_text_get_label      (PlLongText          *self,
                                        guint                piece);
/* The piece label shows, or -1 */
int        pl_long_text_piece_of_label (PlLongText          *self,
                                        GtkWidget           *label);
/* Where piece's text starts in the whole text, in characters */
guint      pl_long_text_piece_start    (PlLongText          *self,
                                        guint                piece);
/* The piece holding character (of the whole text) */
guint      pl_long_text_piece_at       (PlLongText          *self,
                                        guint                character);
/* Lays piece out and places it now, so its lines and bounds can be read
 * straight away (to move the reading line or the focus to it, or to light
 * a spoken word in it); the pieces around it follow on the next frame */
void       pl_long_text_show_piece     (PlLongText          *self,
                                        guint                piece);
/* TRUE when piece is laid out and placed */
gboolean   pl_long_text_piece_is_shown (PlLongText          *self,
                                        guint                piece);

G_END_DECLS
