/* pl-fhir-export.h: a person's record as one FHIR R4 Bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What travels is what the viewer may see (pl-access.h): a carer's export
 * leaves out the parts the person has not shared with them, as their plan
 * does, and the welcome pack, complaints and diary come only when asked
 * for and allowed. Each record is written through its map
 * (pl-fhir-map.h). The same store gives the same bundle: every resource's
 * id is made from the person and the record, not drawn at random.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pl-access.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* Beyond the person and their plan, which every export holds */
typedef enum
{
  PL_FHIR_EXTRA_NONE       = 0,
  PL_FHIR_EXTRA_WELCOME    = 1 << 0,
  PL_FHIR_EXTRA_COMPLAINTS = 1 << 1,
  PL_FHIR_EXTRA_DIARY      = 1 << 2,
} PlFhirExtras;

#define PL_FHIR_EXTRAS_ALL (PL_FHIR_EXTRA_WELCOME | PL_FHIR_EXTRA_COMPLAINTS | PL_FHIR_EXTRA_DIARY)

/* "welcome,complaints,diary" (any of them, in any order, or "all") for the
 * command line; an unknown word is an error that lists the known ones */
gboolean    pl_fhir_extras_from_string (const char    *text,
                                        PlFhirExtras  *extras,
                                        GError       **error);

/* The Bundle (type collection) of the person viewer reads. Refused in
 * plain words when the viewer may not open the plan, or an extra asked
 * for (PL_ACCESS_ERROR_NOT_SHARED). */
JsonNode   *pl_fhir_export_bundle      (PlStore        *store,
                                        PlViewer       *viewer,
                                        PlFhirExtras    extras,
                                        GError        **error);
/* The same as JSON text, indented */
char       *pl_fhir_export_to_data     (PlStore        *store,
                                        PlViewer       *viewer,
                                        PlFhirExtras    extras,
                                        gsize          *length,
                                        GError        **error);
/* Written to path through PlOutputFile: whole or not at all, mode 0600 */
gboolean    pl_fhir_export_save        (PlStore        *store,
                                        PlViewer       *viewer,
                                        PlFhirExtras    extras,
                                        const char     *path,
                                        GError        **error);

G_END_DECLS
