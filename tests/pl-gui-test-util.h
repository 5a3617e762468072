/* pl-gui-test-util.h: what every test of real widgets needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* gtk_test_init, libadwaita, the app's own style.css, no animations */
void      pl_gui_test_init        (int        *argc,
                                   char     ***argv);
/* Runs the main loop until done (data) is TRUE; FALSE after 10 seconds */
gboolean  pl_gui_test_wait_until  (gboolean  (*done) (gpointer data),
                                   gpointer    data);
/* A few frames so layout, tick callbacks and transitions have run */
void      pl_gui_test_run_frames  (guint       n_frames);
/* n real frames of widget's window: a busy machine may paint none in the
 * wall-clock time pl_gui_test_run_frames () gives; FALSE after 10 seconds */
gboolean  pl_gui_test_run_ticks   (gpointer    widget,
                                   guint       n_ticks);
gboolean  pl_gui_test_is_mapped   (gpointer    widget);
/* The widget under root (or root) with this gtk_widget_set_name () */
GtkWidget *pl_gui_test_find_named (GtkWidget  *root,
                                   const char *name);

/* The height a widget takes, to check targets of 44 px */
float      pl_gui_test_target_height  (GtkWidget  *widget);
/* Whether Tab alone, from the top of window, ever puts the focus on widget
 * (or inside it, for a text view's own parts) */
gboolean   pl_gui_test_reachable_by_tab (GtkWindow *window,
                                         GtkWidget *widget);
/* As Space or Enter on the focused button: shown pressed, then clicked */
void       pl_gui_test_press_button   (GtkWidget  *button);
/* Keys ("<Control>z") pressed with the focus in focus: the widget whose
 * shortcut took them, from focus up through its parents, or NULL when
 * none did anything with them */
GtkWidget *pl_gui_test_press_keys     (GtkWidget  *focus,
                                       const char *accelerator);
/* Typed at the end of an entry or text view, as a person types */
void       pl_gui_test_type_at_end    (GtkWidget  *widget,
                                       const char *text);
/* With PL_SCREENSHOT_DIR set, a picture of window there, to look at */
void       pl_gui_test_save_png       (GtkWidget  *window,
                                       const char *name);

G_END_DECLS
