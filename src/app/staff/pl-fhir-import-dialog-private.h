/* pl-fhir-import-dialog-private.h: what the tests reach of the import dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-fhir-import-dialog.h"

G_BEGIN_DECLS

/* As the Import button does; FALSE with the error shown when it fails */
gboolean    pl_fhir_import_dialog_import    (PlFhirImportDialog *self);
/* The error shown, or NULL */
const char *pl_fhir_import_dialog_get_error (PlFhirImportDialog *self);
/* The words shown: what saving would do, what was read, what was left out */
const char *pl_fhir_import_dialog_get_summary  (PlFhirImportDialog *self);
const char *pl_fhir_import_dialog_get_read     (PlFhirImportDialog *self);
const char *pl_fhir_import_dialog_get_left_out (PlFhirImportDialog *self);

G_END_DECLS
