/* pl-widget-util.h: small fixes every page needs from the same toolkit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* libadwaita 1.2 leaves the "show the password" button of an
 * AdwPasswordEntryRow unnamed, so a screen reader says "GtkImage": names
 * every such button under root */
void pl_widget_name_password_toggles (GtkWidget *root);

G_END_DECLS
