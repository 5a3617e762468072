/* pl-application.h: the Plainly application, one instance per session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The schema id stays the same in the development profile, whose app id differs */
#define PL_SETTINGS_SCHEMA "org.plainly.Plainly"

#define PL_TYPE_APPLICATION (pl_application_get_type ())
G_DECLARE_FINAL_TYPE (PlApplication, pl_application, PL, APPLICATION, AdwApplication)

PlApplication *pl_application_new          (void);
/* NULL when the schema is not installed (an uninstalled build run by hand) */
GSettings     *pl_application_get_settings (PlApplication *self);
/* Shows the window for the database at path, opening one if need be */
GtkWindow     *pl_application_open_database (PlApplication *self,
                                             const char    *path);

/* Non-zero when a task given on the command line (--screenshot) failed */
int            pl_application_get_exit_status (PlApplication *self);

G_END_DECLS
