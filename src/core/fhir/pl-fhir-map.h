/* pl-fhir-map.h: where each record's fields go in FHIR R4, declared once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each record type that travels (pl-model.h) has one PlFhirRecordMap: the
 * FHIR resource it becomes, its UK Core profile where one exists, and for
 * each of its fields (named as in its PlRecordType) the path where the
 * value goes in the resource. Export writes through these tables and import
 * reads back through the same ones, so the two cannot drift apart.
 *
 * A path is members separated by dots. A member followed by [key=value]
 * is an array whose element with that key is meant (made when writing, as
 * {key: value}); [N] is the Nth element. So an NHS number is
 * "identifier[system=https://fhir.nhs.uk/Id/nhs-number].value", and a local
 * field is "extension[url=…/plan-present].valueString". Values in a [ ]
 * have no dots that split them: "[url=https://x.org/a.b]" is one step.
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "pl-model.h"

G_BEGIN_DECLS

/* Code systems and naming systems Plainly writes */
#define PL_FHIR_SNOMED          "http://snomed.info/sct"
#define PL_FHIR_NHS_NUMBER      "https://fhir.nhs.uk/Id/nhs-number"
#define PL_FHIR_BCP47           "urn:ietf:bcp:47"
/* How an agent took part in a Provenance: "author", "attester" */
#define PL_FHIR_PARTICIPANT_TYPE "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
/* FHIR's own extension for a string in another language, on the string */
#define PL_FHIR_TRANSLATION     "http://hl7.org/fhir/StructureDefinition/translation"
/* NHS England reasonable adjustment flags (RA-FlagCategory) */
/* NHS England's reasonable adjustment flag categories (RA-FlagCategory,
 * draft of February 2024), and the STU3 system before it, still read */
#define PL_FHIR_RA_CATEGORY     "https://fhir.nhs.uk/England/CodeSystem/RA-FlagCategory"
#define PL_FHIR_RA_CATEGORY_STU3 "https://fhir.nhs.uk/CodeSystem/RARecord-FlagCategory"
/* Plainly's own: extensions, code systems and identifiers where FHIR R4
 * and UK Core have nothing (the README lists them) */
#define PL_FHIR_LOCAL           "https://plainly.org.uk/fhir"
#define PL_FHIR_LOCAL_EXTENSION PL_FHIR_LOCAL "/StructureDefinition/"
#define PL_FHIR_LOCAL_CODES     PL_FHIR_LOCAL "/CodeSystem/"
#define PL_FHIR_LOCAL_ID        PL_FHIR_LOCAL "/Id/"

typedef enum
{
  PL_FHIR_STRING,     /* text as it is */
  PL_FHIR_DATE,       /* "2026-11-23" */
  PL_FHIR_DATE_TIME,  /* a store timestamp as a FHIR dateTime ("…T09:30:00Z") */
  PL_FHIR_TIME,       /* "08:30" as a FHIR time, "08:30:00" */
  PL_FHIR_INTEGER,    /* a number */
  PL_FHIR_ID,         /* a number written as text (meta.versionId) */
  PL_FHIR_BOOLEAN,
  PL_FHIR_CODE,       /* an enumeration (or number) through the field's codes */
  PL_FHIR_REFERENCE,  /* the id of another record: path.reference to its resource */
  /* A visit's day (PlVisit.weekday) as Timing.repeat: path is the repeat;
   * dayOfWeek for a day, periodUnit "d" for every day, "wk" otherwise */
  PL_FHIR_WEEKDAY,
} PlFhirValueKind;

/* One value of an enumeration as a FHIR code; indexed by the value */
typedef struct
{
  const char *code;     /* NULL: written as nothing, read back as no match */
  const char *display;  /* for Coding.display, or NULL */
} PlFhirCode;

/* A field's place in FHIR. A field may have more than one (an exact local
 * extension and a FHIR element that says less): all are written, and the
 * first one present is read. */
typedef struct
{
  const char          *field;   /* PlField.name */
  const char          *path;    /* relative to the resource (or element) */
  PlFhirValueKind      kind;
  /* PL_FHIR_CODE: indexed by the field's value; NULL: the field's nicks */
  const PlFhirCode    *codes;
  guint                n_codes;
  /* PL_FHIR_REFERENCE: the record type referred to */
  const PlRecordType  *target;
  /* Written only in resources of this type (a contact's "patient" is a
   * RelatedPerson's, not a Practitioner's); NULL: in all */
  const char          *only_in;
} PlFhirField;

/* A member every resource of a type has, whatever the record holds:
 * "status": "active", or a coding's system beside its code */
typedef struct
{
  const char       *path;
  const char       *value;
  PlFhirValueKind   kind;     /* PL_FHIR_STRING, _INTEGER or _BOOLEAN ("true") */
} PlFhirFixed;

typedef struct
{
  const PlRecordType  *type;
  /* "Patient"; for a record written inside its owner's resource (a visit
   * is one of its CarePlan's activities) the member of that resource it is
   * an element of, with element set */
  const char          *resource;
  const char          *profile;    /* UK Core profile URL, or NULL: base R4 */
  gboolean             element;    /* TRUE: an element of the owner's resource */
  /* Where the resource names the person it is about ("subject",
   * "patient"), or NULL */
  const char          *patient_path;
  /* Where it names the resource of its owner record (PlRecordType.parent):
   * a medicine's CarePlan is its "basedOn[0]"; NULL when the owner lists
   * it instead (listed_in) or it has no owner */
  const char          *owner_path;
  /* Where the owner's resource lists it: a CarePlan's "goal" lists its
   * Goals, its "activity" holds its visits; NULL for none */
  const char          *listed_in;
  const PlFhirField   *fields;
  guint                n_fields;
  const PlFhirFixed   *fixed;      /* NULL-path terminated, or NULL */
} PlFhirRecordMap;

/* The map of a record type, or NULL for one that does not travel (staff
 * accounts, settings, drafts…) */
const PlFhirRecordMap *pl_fhir_map_for_type (const PlRecordType *type);
/* Every map, in the order a bundle lists their resources */
const PlFhirRecordMap * const *pl_fhir_maps (guint *n_maps);

/* The local extension URL for a field of a table: PL_FHIR_LOCAL_EXTENSION
 * "plans-present" */
#define PL_FHIR_EXTENSION(table, field) PL_FHIR_LOCAL_EXTENSION table "-" field

/* The resource type map's records become for this record: contacts become
 * RelatedPerson or Practitioner by their role; NULL for an element */
const char *pl_fhir_map_resource_type (const PlFhirRecordMap *map,
                                       gconstpointer          record);

/* The node a path leads to in obj, or NULL when any step is missing */
JsonNode   *pl_fhir_path_get     (JsonObject   *obj,
                                  const char   *path);
/* Sets value (taken) at path in obj, making the objects, arrays and
 * [key=value] elements on the way */
void        pl_fhir_path_set     (JsonObject   *obj,
                                  const char   *path,
                                  JsonNode     *value);

/* Calls func with each member of obj and of the objects in it, at any
 * depth and in arrays too; a member func adds is not visited. FHIR's
 * extensions of a primitive ("_valueString") are given but not walked
 * into. */
typedef void (*PlFhirMemberFunc) (JsonObject *obj,
                                  const char *name,
                                  JsonNode   *node,
                                  gpointer    user_data);
void        pl_fhir_foreach_member (JsonObject       *obj,
                                    PlFhirMemberFunc  func,
                                    gpointer          user_data);

/* Writes record's fields into resource (JSON object of the resource, or of
 * the element) by map, and the fixed members. Empty text is not written.
 * reference gives the reference text for a PL_FHIR_REFERENCE field's id
 * ("urn:uuid:…"); NULL from it, or id 0, writes nothing (a reader who may
 * not see the coordinator gets a plan with no author). */
typedef char *(*PlFhirReferenceFunc) (const PlRecordType *target,
                                      gint64              id,
                                      gpointer            user_data);
void        pl_fhir_map_write    (const PlFhirRecordMap *map,
                                  gconstpointer          record,
                                  JsonObject            *resource,
                                  PlFhirReferenceFunc    reference,
                                  gpointer               user_data);

/* The value at f's path as text the record's field takes with
 * pl_field_set_from_string () ("08:30", an enumeration's nick, "3"), or
 * NULL with no error when it is absent; a PL_FHIR_REFERENCE gives the
 * reference text as it is. A value present but not of its kind (a date
 * that is not a date, a code not known) is an error (G_IO_ERROR_INVALID_DATA)
 * in plain words naming the resource type and the path. */
char       *pl_fhir_map_read_field (const PlFhirRecordMap *map,
                                    const PlFhirField     *f,
                                    JsonObject            *resource,
                                    GError               **error);
/* The same for the record's field named field, through each of its
 * places in turn: the first one present is read */
char       *pl_fhir_map_read      (const PlFhirRecordMap *map,
                                   const char            *field,
                                   JsonObject            *resource,
                                   GError               **error);

/* A date and time from the store as a FHIR instant or dateTime with its
 * zone ("2026-11-23T09:30:00Z"); a date alone stays a date. NULL for
 * text that is neither. */
char       *pl_fhir_date_time    (const char   *timestamp);

G_END_DECLS
