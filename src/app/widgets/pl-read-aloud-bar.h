/* pl-read-aloud-bar.h: the reader's controls for reading aloud
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pl-document.h"
#include "pl-speech.h"
#include "pl-voice.h"

G_BEGIN_DECLS

#define PL_TYPE_READ_ALOUD_BAR (pl_read_aloud_bar_get_type ())
G_DECLARE_FINAL_TYPE (PlReadAloudBar, pl_read_aloud_bar, PL, READ_ALOUD_BAR, GtkWidget)

/* Where "from here" starts: the block and character the reader is at */
typedef void (*PlReadAloudPlaceFunc) (gpointer  user_data,
                                      guint    *block,
                                      guint    *character);

GtkWidget  *pl_read_aloud_bar_new          (void);
/* The document to read; NULL stops and empties the bar */
void        pl_read_aloud_bar_set_document (PlReadAloudBar      *self,
                                            PlDocument          *document);
PlDocument *pl_read_aloud_bar_get_document (PlReadAloudBar      *self);
/* The window's voice (its owner applies the person's settings); the bar
 * reads with it and shows its reading's state. Without one the bar cannot
 * read. */
void        pl_read_aloud_bar_set_voice    (PlReadAloudBar      *self,
                                            PlVoice             *voice);
void        pl_read_aloud_bar_set_place_func (PlReadAloudBar    *self,
                                              PlReadAloudPlaceFunc func,
                                              gpointer           user_data);

void        pl_read_aloud_bar_read_all     (PlReadAloudBar      *self);
void        pl_read_aloud_bar_stop         (PlReadAloudBar      *self);

/* Adds the reading-aloud shortcuts to widget (the reader), so they work
 * wherever the focus is in it */
void        pl_read_aloud_bar_add_shortcuts (PlReadAloudBar     *self,
                                             GtkWidget          *widget);

G_END_DECLS
