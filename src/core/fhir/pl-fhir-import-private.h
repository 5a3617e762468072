/* pl-fhir-import-private.h: what the FHIR import files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pl-fhir-import.h"
#include "pl-fhir-map.h"

G_BEGIN_DECLS

/* One resource of the bundle */
typedef struct _PlFhirEntry PlFhirEntry;
struct _PlFhirEntry
{
  JsonObject *resource;
  const char *type;    /* resourceType */
  const char *id;      /* NULL when it has none */
  const char *full_url;
  char       *name;    /* “Patient “pat-1”” for messages */
  gboolean    read;    /* something of it was kept */
  /* The resource it is contained in ("contained", referred to as "#id"
   * from inside that resource), or NULL for one of the bundle's own */
  PlFhirEntry *container;
};

struct _PlFhirImport
{
  /* While reading: the parsed bundle and its resources */
  JsonParser    *parser;
  GPtrArray     *entries;       /* (element-type PlFhirEntry) */
  GHashTable    *by_reference;  /* "Type/id" and fullUrl → PlFhirEntry */
  GHashTable    *replaced_by;   /* a CarePlan → the CarePlan that replaces it */
  PlFhirEntry   *patient;

  /* What was read */
  PlPerson      *person;
  PlService     *service;       /* NULL when the bundle names none */
  PlWelcomePack *welcome_pack;  /* the service's, when exported with it */
  GPtrArray     *needs;         /* PlCommNeed */
  GPtrArray     *contacts;      /* PlContact */
  GArray        *contact_scopes; /* guint PL_SCOPE_BIT()s, one per contact */
  GHashTable    *contact_for;   /* PlFhirEntry (RelatedPerson…) → index + 1 in contacts */
  int            coordinator;   /* index + 1 in contacts; 0 for none */
  PlPlanContent *plan;
  PlFhirEntry   *plan_entry;    /* the CarePlan read, while reading */
  GPtrArray     *complaints;    /* PlComplaint */
  GPtrArray     *complaint_events; /* a GPtrArray of PlComplaintEvent for each */
  GPtrArray     *diary_comments; /* a GPtrArray of PlDiaryComment for each diary entry */
  GPtrArray     *diary;         /* PlDiaryEntry */
  int            bundle_version; /* meta.versionId of the plan; 0 when not given */
  GHashTable    *translations;  /* language → (source → translation), from FHIR's
                                 * translation extension on the plan's strings */

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

/* The CarePlan in the bundle that replaces entry (a later version of the
 * same plan), or NULL; known once the resources are being read */
PlFhirEntry *pl_fhir_replaced_by    (PlFhirImport       *self,
                                     PlFhirEntry        *entry);
/* The resource ref names in the bundle, or NULL, quietly (a reference may
 * rightly name something held elsewhere); "#id" names one contained in
 * the resource from is in */
PlFhirEntry *pl_fhir_lookup         (PlFhirImport       *self,
                                     const PlFhirEntry  *from,
                                     const char         *ref);
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

/* A member's text, or NULL when it is absent or not text */
const char  *pl_fhir_string_member  (JsonObject         *obj,
                                     const char         *member);
/* Whether a member is true (FALSE when absent or not a boolean) */
gboolean     pl_fhir_is_true        (JsonObject         *obj,
                                     const char         *member);

/* Text from the bundle for a message: one line, nothing a terminal acts on */
char        *pl_fhir_quote          (const char         *text);

/* The resources mapped to records, in pl-fhir-import-resources.c */
gboolean     pl_fhir_import_resources (PlFhirImport     *self,
                                       GError          **error);
/* Reads obj (a resource or an element of one) into record through map;
 * links: if not NULL, gets a { field, PlFhirEntry * } for each reference */
gboolean     pl_fhir_read_record    (PlFhirImport          *self,
                                     const PlFhirRecordMap *map,
                                     const PlFhirEntry     *entry,
                                     JsonObject            *obj,
                                     gpointer               record,
                                     GArray                *links,
                                     GError               **error);
/* Lists what obj has beyond what map reads and the members in more */
void         pl_fhir_note_left_out  (PlFhirImport          *self,
                                     const PlFhirEntry     *entry,
                                     const PlFhirRecordMap *map,
                                     JsonObject            *obj,
                                     const char * const    *more);
/* Whether entry's member refers to the patient (TRUE when it has none) */
gboolean     pl_fhir_is_about_patient (PlFhirImport     *self,
                                       PlFhirEntry      *entry,
                                       const char       *member,
                                       gboolean         *out,
                                       GError          **error);
/* The contact entry is, index + 1 in self->contacts; 0 when it is not a
 * person involved, -1 on error */
int          pl_fhir_contact_for    (PlFhirImport       *self,
                                     PlFhirEntry        *entry,
                                     GError            **error);

/* The shapes other systems send, for what the map did not find
 * (pl-fhir-import-other.c). A record's enumerations the map left unset
 * are -1 when these are called. */
gboolean     pl_fhir_read_patient_other (PlFhirImport   *self,
                                         PlFhirEntry    *entry,
                                         GError        **error);
gboolean     pl_fhir_read_flag_other    (PlFhirImport   *self,
                                         PlFhirEntry    *entry,
                                         PlCommNeed     *need,
                                         GError        **error);
gboolean     pl_fhir_read_contact_other (PlFhirImport   *self,
                                         PlFhirEntry    *entry,
                                         PlContact      *contact,
                                         GError        **error);
gboolean     pl_fhir_read_goal_other    (PlFhirImport   *self,
                                         PlFhirEntry    *entry,
                                         PlOutcome      *outcome,
                                         GError        **error);
gboolean     pl_fhir_read_part_other    (PlFhirImport   *self,
                                         PlFhirEntry    *entry,
                                         PlPlanPart      part,
                                         gpointer        record,
                                         GError        **error);
/* pl-fhir-import-extras.c: the welcome pack, complaints and the diary */
gboolean     pl_fhir_read_basic         (PlFhirImport   *self,
                                         PlFhirEntry    *entry,
                                         GError        **error);
gboolean     pl_fhir_read_encounter     (PlFhirImport   *self,
                                         PlFhirEntry    *entry,
                                         GError        **error);
/* About Me as a document: a Composition with a section for each part */
gboolean     pl_fhir_read_composition   (PlFhirImport   *self,
                                         PlFhirEntry    *entry,
                                         GError        **error);
gboolean     pl_fhir_read_care_team     (PlFhirImport   *self,
                                         PlFhirEntry    *entry,
                                         GError        **error);
gboolean     pl_fhir_read_provenance    (PlFhirImport   *self,
                                         PlFhirEntry    *entry,
                                         GError        **error);

G_END_DECLS
