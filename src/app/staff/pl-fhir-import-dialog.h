/* pl-fhir-import-dialog.h: what was read from another care record, before it is saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-fhir-import.h"

G_BEGIN_DECLS

#define PL_TYPE_FHIR_IMPORT_DIALOG (pl_fhir_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlFhirImportDialog, pl_fhir_import_dialog, PL, FHIR_IMPORT_DIALOG, AdwWindow)

/* Shows staff what import (taken) holds: what saving would do, what was
 * read, and what was left out and why; nothing is saved until they choose
 * Import. store is borrowed and must outlive the dialog; saving is
 * recorded as its actor. "imported" (gint64 person_id) is emitted once it
 * is saved; the dialog then closes. */
PlFhirImportDialog *pl_fhir_import_dialog_new (GtkWindow    *parent,
                                               PlStore      *store,
                                               PlFhirImport *import);

G_END_DECLS
