/* pl-fhir-import-private.h: what the FHIR import files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pl-fhir-import.h"

G_BEGIN_DECLS

/* One resource of the bundle */
typedef struct
{
  JsonObject *resource;
  const char *type;    /* resourceType */
  const char *id;      /* NULL when it has none */
  const char *full_url;
  char       *name;    /* “Patient “pat-1”” for messages */
  gboolean    read;    /* something of it was kept */
} PlFhirEntry;

struct _PlFhirImport
{
  /* While reading: the parsed bundle and its resources */
  JsonParser    *parser;
  GPtrArray     *entries;       /* (element-type PlFhirEntry) */
  GHashTable    *by_reference;  /* "Type/id" and fullUrl → PlFhirEntry */
  PlFhirEntry   *patient;

  /* What was read */
  PlPerson      *person;
  GPtrArray     *needs;         /* PlCommNeed */
  GPtrArray     *contacts;      /* PlContact */
  GArray        *contact_scopes; /* guint PL_SCOPE_BIT()s, one per contact */
  GHashTable    *contact_for;   /* PlFhirEntry (RelatedPerson…) → index + 1 in contacts */
  int            coordinator;   /* index + 1 in contacts; 0 for none */
  PlPlanContent *plan;
  int            bundle_version; /* meta.versionId of the plan; 0 when not given */

  GPtrArray     *read_lines;
  GPtrArray     *left_out_lines;
};

/* Errors that name where they are */
gboolean     pl_fhir_fail           (GError            **error,
                                     PlFhirImportError   code,
                                     const PlFhirEntry  *entry,
                                     const char         *field,
                                     const char         *format,
                                     ...) G_GNUC_PRINTF (5, 6);
void         pl_fhir_left_out       (PlFhirImport       *self,
                                     const char         *format,
                                     ...) G_GNUC_PRINTF (2, 3);
void         pl_fhir_read_line      (PlFhirImport       *self,
                                     const char         *format,
                                     ...) G_GNUC_PRINTF (2, 3);

/* Typed members: FALSE and an error naming entry and field when the
 * member is there but of the wrong kind; *out NULL when it is absent */
gboolean     pl_fhir_get_string     (const PlFhirEntry  *entry,
                                     JsonObject         *obj,
                                     const char         *member,
                                     const char         *field,
                                     const char        **out,
                                     GError            **error);
gboolean     pl_fhir_get_object     (const PlFhirEntry  *entry,
                                     JsonObject         *obj,
                                     const char         *member,
                                     const char         *field,
                                     JsonObject        **out,
                                     GError            **error);
gboolean     pl_fhir_get_array      (const PlFhirEntry  *entry,
                                     JsonObject         *obj,
                                     const char         *member,
                                     const char         *field,
                                     JsonArray         **out,
                                     GError            **error);
/* Element i of array as an object, or an error naming field[i] */
gboolean     pl_fhir_get_element    (const PlFhirEntry  *entry,
                                     JsonArray          *array,
                                     guint               i,
                                     const char         *field,
                                     JsonObject        **out,
                                     GError            **error);

/* A FHIR date or dateTime as Plainly's "YYYY-MM-DD". A partial date
 * ("1941", "1941-06") sets *out NULL and *partial; text that is not a date
 * at all is an error naming entry and field. */
gboolean     pl_fhir_get_date       (const PlFhirEntry  *entry,
                                     JsonObject         *obj,
                                     const char         *member,
                                     const char         *field,
                                     char              **out,
                                     gboolean           *partial,
                                     GError            **error);

/* The resource reference points at, or an error naming entry and field
 * when it points at nothing in the bundle */
PlFhirEntry *pl_fhir_resolve        (PlFhirImport       *self,
                                     const PlFhirEntry  *entry,
                                     JsonObject         *reference,
                                     const char         *field,
                                     GError            **error);

/* The code of system in a CodeableConcept's codings, or NULL */
const char  *pl_fhir_code_in        (JsonObject         *concept,
                                     const char         *system,
                                     const char        **out_display);
/* A CodeableConcept said in words: its text, or a coding's display */
const char  *pl_fhir_concept_words  (JsonObject         *concept);

/* The resources mapped to records, in pl-fhir-import-resources.c */
gboolean     pl_fhir_import_resources (PlFhirImport     *self,
                                       GError          **error);

G_END_DECLS
