/* pl-fhir-import.h: a person and their plan read from a FHIR R4 Bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading and saving are two steps, so staff see what was read and what
 * was left out before anything is saved. Reading is bounded (size and
 * nesting) and refuses a bad bundle with a message naming the resource and
 * the field; saving is one transaction.
 */

#pragma once

#include <gio/gio.h>

#include "pl-plan-version.h"
#include "pl-store.h"

G_BEGIN_DECLS

#define PL_FHIR_IMPORT_ERROR (pl_fhir_import_error_quark ())

typedef enum
{
  PL_FHIR_IMPORT_ERROR_TOO_BIG,          /* over PL_FHIR_IMPORT_MAX_BYTES */
  PL_FHIR_IMPORT_ERROR_TOO_DEEP,         /* nested over PL_JSON_MAX_DEPTH */
  PL_FHIR_IMPORT_ERROR_NOT_JSON,
  PL_FHIR_IMPORT_ERROR_NOT_BUNDLE,       /* JSON, but not a FHIR Bundle */
  PL_FHIR_IMPORT_ERROR_INVALID,          /* a resource's field is wrong */
  PL_FHIR_IMPORT_ERROR_BROKEN_REFERENCE, /* a reference to nothing in the bundle */
  PL_FHIR_IMPORT_ERROR_NO_PATIENT,       /* no one, or more than one, to import */
  PL_FHIR_IMPORT_ERROR_ALREADY_HELD,     /* that plan is held as it is */
  PL_FHIR_IMPORT_ERROR_OTHER_PERSON,     /* the NHS number is held for someone else */
} PlFhirImportError;

/* Larger than any one person's record; reading stops here */
#define PL_FHIR_IMPORT_MAX_BYTES (100 * 1024 * 1024)

typedef struct _PlFhirImport PlFhirImport;

GQuark        pl_fhir_import_error_quark (void);

/* json: len bytes, need not end in NUL */
PlFhirImport *pl_fhir_import_read        (const char    *json,
                                          gsize          len,
                                          GError       **error);
/* Reads at most PL_FHIR_IMPORT_MAX_BYTES of file: a larger one is refused
 * without being read whole */
PlFhirImport *pl_fhir_import_read_file   (GFile         *file,
                                          GCancellable  *cancellable,
                                          GError       **error);
void          pl_fhir_import_free        (PlFhirImport  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlFhirImport, pl_fhir_import_free)

/* What was read, as records not yet saved */
const PlPerson      *pl_fhir_import_get_person (PlFhirImport *self);
/* NULL when the bundle holds no care plan */
const PlPlanContent *pl_fhir_import_get_plan   (PlFhirImport *self);
/* (element-type PlContact), (element-type PlCommNeed) */
GPtrArray           *pl_fhir_import_get_contacts (PlFhirImport *self);
GPtrArray           *pl_fhir_import_get_needs    (PlFhirImport *self);

/* In plain words, one line each: what was read, and what was left out and
 * why (resources and fields Plainly does not keep, unknown extensions,
 * codes from other systems). NULL-terminated. */
const char * const *pl_fhir_import_get_read     (PlFhirImport *self);
const char * const *pl_fhir_import_get_left_out (PlFhirImport *self);

/* What saving into store would do, in plain words ("Adds Dorothy May
 * Whitaker as someone new…", "Adds version 4 of Dot's plan…"); an error
 * when it would be refused (the same plan is already held). */
char         *pl_fhir_import_describe    (PlFhirImport  *self,
                                          PlStore       *store,
                                          GError       **error);

/* Saves it in one transaction: on any error the database is as it was.
 * Someone already held (the same reference) keeps their records; a plan
 * that differs from the one held becomes its newest version, never an
 * overwrite, so History shows the differences. actor: who, for the
 * history; NULL keeps the store's. out_plan_id: 0 when no plan was read. */
gboolean      pl_fhir_import_save        (PlFhirImport  *self,
                                          PlStore       *store,
                                          const char    *actor,
                                          gint64        *out_person_id,
                                          gint64        *out_plan_id,
                                          GError       **error);

G_END_DECLS
