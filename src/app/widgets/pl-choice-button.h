/* pl-choice-button.h: a large button that is one choice of a set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PL_TYPE_CHOICE_BUTTON (pl_choice_button_get_type ())
G_DECLARE_FINAL_TYPE (PlChoiceButton, pl_choice_button, PL, CHOICE_BUTTON, GtkButton)

GtkWidget *pl_choice_button_new        (void);
/* Puts self in the same set as group (NULL: a set of its own). Choosing
 * one of a set leaves the others unchosen. */
void       pl_choice_button_set_group  (PlChoiceButton *self,
                                        PlChoiceButton *group);
gboolean   pl_choice_button_get_active (PlChoiceButton *self);
void       pl_choice_button_set_active (PlChoiceButton *self,
                                        gboolean        active);

G_END_DECLS
