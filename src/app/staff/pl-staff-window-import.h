/* pl-staff-window-import.h: what the staff window's files share for importing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-staff-window.h"
#include "pl-fhir-import-dialog.h"

G_BEGIN_DECLS

/* "staff.import": choose a FHIR bundle from another care record */
void                pl_staff_window_import_action_cb (GtkWidget   *widget,
                                                      const char  *action_name,
                                                      GVariant    *parameter);
/* Reads file off the main thread, then shows what was read in the import
 * dialog, or why it could not be read as the window's notice. The dialog
 * is returned through pl_staff_window_get_import_dialog () once shown. */
void                pl_staff_window_import_file      (PlStaffWindow *self,
                                                      GFile         *file);
PlFhirImportDialog *pl_staff_window_get_import_dialog (PlStaffWindow *self);
/* pl-staff-window.c: the people listed again, and a notice shown */
void                pl_staff_window_fill_people      (PlStaffWindow *self);
void                pl_staff_window_show_notice      (PlStaffWindow *self,
                                                      const char    *text);

G_END_DECLS
