/* pl-widget-util.h: small fixes every page needs from the same toolkit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-edit-session.h"

G_BEGIN_DECLS

/* libadwaita 1.2 leaves the "show the password" button of an
 * AdwPasswordEntryRow unnamed, so a screen reader says "GtkImage": names
 * every such button under root */
void       pl_widget_name_password_toggles (GtkWidget  *root);
/* Names widget name and nothing more: GTK 4.8 joins a widget's name with
 * the names of the labels that label it (its mnemonic label, say), so a
 * button named after its own label's words would be "Stop Stop" */
void       pl_widget_set_name              (GtkWidget  *widget,
                                            const char *name);
/* GTK 4.8 names a button made with a mnemonic label "_Save Save",
 * underscore and all. A button whose mnemonic label is a child of its own
 * is named "Save": */
GtkWidget *pl_widget_button_new_with_mnemonic (const char *text);
/* …and this gives every such button under root a label child instead, for
 * buttons made by templates and libraries */
void       pl_widget_fix_mnemonic_buttons  (GtkWidget  *root);
/* A button made with a mnemonic label, named name rather than its words
 * ("Save braille copy" for "_Save…"): its words become a label that does
 * not name it (the mnemonic still reaches the button, its ancestor) */
void       pl_widget_name_mnemonic_button  (GtkWidget  *button,
                                            const char *name);
/* GTK 4.8's GtkDropDown leaves its inner button unnamed ("GtkToggleButton"):
 * names each after the text of the label that labels its drop-down */
void       pl_widget_name_drop_downs       (GtkWidget  *root,
                                            const char *name);
/* GTK 4.8 names the popover of a menu button and the pages of the stack
 * inside it by their types, and Orca says "GtkPopoverMenu menu" and
 * "GtkStackPage panel": gives the popover name and leaves the pages
 * unnamed, which Orca passes over. Call again after the menu model changes,
 * as that makes a new popover. */
void       pl_widget_name_menu             (GtkMenuButton *button,
                                            const char    *name);
/* Builds the menu of button from model only when it first opens, and then
 * names it (pl_widget_name_menu ()): a GtkPopoverMenu costs about as much
 * to build as a small page, and most windows' menus are never opened. To a
 * screen reader the button is the same menu button before and after. */
void       pl_widget_set_menu_when_opened  (GtkMenuButton *button,
                                            GMenuModel    *model,
                                            const char    *name);
/* The same for every GtkStack under root: a page is a panel Orca would
 * announce as "GtkStackPage panel" when the focus moves into it */
void       pl_widget_unname_stack_pages    (GtkWidget     *root);

/* Enables group's "undo" and "redo" actions on widget (as "editor.undo")
 * when the session has a step to take and the editor is active */
void       pl_widget_update_undo_actions   (GtkWidget     *widget,
                                            const char    *group,
                                            PlEditSession *session,
                                            gboolean       active);

/* Turns off the own undo of a field (an entry, an entry row or a text
 * view) whose changes an editor undoes as a whole. GTK 4.8's GtkText takes
 * Ctrl+Z and Ctrl+Shift+Z even with its undo off, so its undo actions are
 * turned off too, and the keys reach the editor. */
void        pl_widget_leave_undo_to_editor (GtkWidget  *field);

/* A page's message line: shown with text, hidden without; and what it
 * says now, or NULL when hidden */
void        pl_widget_set_message          (GtkLabel   *label,
                                            const char *text);
const char *pl_widget_get_message          (GtkLabel   *label);

/* A list read again loses the row that had the focus. Before: the id (a
 * gint64 kept on each row under key) of the row with the focus, or 0 when
 * the focus is not in list; after: the focus back on the row with that
 * id, FALSE when there is none */
gint64      pl_widget_list_get_focused_id  (GtkListBox *list,
                                            const char *key);
gboolean    pl_widget_list_focus_id        (GtkListBox *list,
                                            const char *key,
                                            gint64      id);

G_END_DECLS
