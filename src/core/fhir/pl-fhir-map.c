/* pl-fhir-map.c: the FHIR place of every field that travels, and paths
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tables follow the record descriptors of pl-model.c, one a record
 * type, and name its fields by their column names, so a field added there
 * and forgotten here is found by the tests (test-fhir-export.c checks that
 * every field of a map's record type is mapped or listed as kept at home).
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "pl-i18n.h"

#include "pl-fhir-map.h"

#define UK_CORE "https://fhir.hl7.org.uk/StructureDefinition/UKCore-"

/* Plainly's own extension for a field: "…/StructureDefinition/plans-present" */
#define EXT(table, field) "extension[url=" PL_FHIR_EXTENSION (table, field) "]"

#define F(field, path, kind)             { field, path, kind, NULL, 0, NULL, NULL }
#define CODES(field, path, codes)        { field, path, PL_FHIR_CODE, codes, G_N_ELEMENTS (codes), NULL, NULL }
#define NICKS(field, path)               { field, path, PL_FHIR_CODE, NULL, 0, NULL, NULL }
#define REF_TO(field, path, target, in)  { field, path, PL_FHIR_REFERENCE, NULL, 0, &target, in }
#define FIXED(path, value)               { path, value, PL_FHIR_STRING }
#define FIXED_AS(path, value, kind)      { path, value, kind }
#define FIXED_END                        { NULL, NULL, PL_FHIR_STRING }

#define MAP(T, res, prof, elem, patient, owner, listed, flds, fxd) \
  { &T, res, prof, elem, patient, owner, listed, flds, G_N_ELEMENTS (flds), fxd }

/* The person: UK Core Patient. The NHS number only when its check digit is
 * right (pl_form_nhs_number); the service's own reference beside it. */
static const PlFhirField person_fields[] = {
  F ("nhs_number", "identifier[system=" PL_FHIR_NHS_NUMBER "].value", PL_FHIR_STRING),
  F ("external_id", "identifier[system=" PL_FHIR_LOCAL_ID "person].value", PL_FHIR_STRING),
  F ("full_name", "name[use=official].text", PL_FHIR_STRING),
  /* NG86 1.4.2: the name they want to be called by */
  F ("preferred_name", "name[use=usual].text", PL_FHIR_STRING),
  F ("date_of_birth", "birthDate", PL_FHIR_DATE),
  F ("preferred_language", "communication[0].language.coding[system=" PL_FHIR_BCP47 "].code",
     PL_FHIR_STRING),
};

static const PlFhirField service_fields[] = {
  F ("name", "name", PL_FHIR_STRING),
  F ("phone", "telecom[system=phone].value", PL_FHIR_STRING),
  F ("email", "telecom[system=email].value", PL_FHIR_STRING),
  F ("address", "address[0].text", PL_FHIR_STRING),
  F ("hours", EXT ("services", "hours") ".valueString", PL_FHIR_STRING),
  F ("out_of_hours", EXT ("services", "out_of_hours") ".valueString", PL_FHIR_STRING),
  F ("commissioner", EXT ("services", "commissioner") ".valueString", PL_FHIR_STRING),
  F ("commissioner_phone", EXT ("services", "commissioner_phone") ".valueString", PL_FHIR_STRING),
  F ("commissioner_email", EXT ("services", "commissioner_email") ".valueString", PL_FHIR_STRING),
  F ("regulator", EXT ("services", "regulator") ".valueString", PL_FHIR_STRING),
  F ("regulator_phone", EXT ("services", "regulator_phone") ".valueString", PL_FHIR_STRING),
};

/* Accessible Information Standard: RA-FlagCategory 001-006 */
static const PlFhirCode need_categories[] = {
  { "001", "Communication support" },
  { "002", "Requires communication professional" },
  { "003", "Requires specific contact method" },
  { "004", "Requires specific information format" },
  { "005", "Additional communication needs and support" },
  { "006", "Community language support" },
};

/* A recorded communication need: an NHS England reasonable adjustment
 * flag, its need as the SNOMED CT code recorded with it */
static const PlFhirField comm_need_fields[] = {
  CODES ("category", "category[0].coding[system=" PL_FHIR_RA_CATEGORY "].code", need_categories),
  F ("code", "code.coding[system=" PL_FHIR_SNOMED "].code", PL_FHIR_STRING),
  F ("description", "code.text", PL_FHIR_STRING),
  F ("notes", EXT ("comm_needs", "notes") ".valueString", PL_FHIR_STRING),
};
static const PlFhirFixed comm_need_fixed[] = {
  FIXED ("status", "active"),
  FIXED_END
};

/* A person involved: RelatedPerson for family, friends, carers and
 * advocates, Practitioner for those who work in care
 * (pl_fhir_map_resource_type ()); the same paths suit both */
static const PlFhirField contact_fields[] = {
  NICKS ("role", EXT ("contacts", "role") ".valueCode"),
  F ("position", EXT ("contacts", "position") ".valueInteger", PL_FHIR_INTEGER),
  F ("name", "name[0].text", PL_FHIR_STRING),
  F ("relationship", EXT ("contacts", "relationship") ".valueString", PL_FHIR_STRING),
  F ("organisation", EXT ("contacts", "organisation") ".valueString", PL_FHIR_STRING),
  F ("phone", "telecom[system=phone].value", PL_FHIR_STRING),
  F ("email", "telecom[system=email].value", PL_FHIR_STRING),
  F ("address", "address[0].text", PL_FHIR_STRING),
  F ("notes", EXT ("contacts", "notes") ".valueString", PL_FHIR_STRING),
};

/* What one person involved may see (NG86 1.1.14-1.1.15): a Consent the
 * person gave, permitting that contact that part */
static const PlFhirField sharing_fields[] = {
  REF_TO ("contact_id", "provision.actor[0].reference", pl_contact_type, NULL),
  NICKS ("scope", "provision.code[0].coding[system=" PL_FHIR_LOCAL_CODES "sharing-scope].code"),
};
static const PlFhirFixed sharing_fixed[] = {
  FIXED ("status", "active"),
  FIXED ("scope.coding[system=http://terminology.hl7.org/CodeSystem/consentscope].code",
         "patient-privacy"),
  FIXED ("category[0].coding[system=http://loinc.org].code", "59284-0"),
  FIXED ("policyRule.text", "What the person chose to share, NICE NG86 1.1.14-1.1.15"),
  FIXED ("provision.type", "permit"),
  FIXED ("provision.actor[0].role.coding[system=http://terminology.hl7.org/CodeSystem/v3-ParticipationType].code",
         "IRCP"),
  FIXED_END
};

static const PlFhirCode plan_statuses[] = {
  { "draft", NULL },
  { "active", NULL },    /* agreed: the plan in force */
  { "revoked", NULL },   /* superseded by a later version */
};

/* The plan: CarePlan, its version as meta.versionId (and a Provenance the
 * export adds); the agreement in the person's own words */
static const PlFhirField plan_fields[] = {
  F ("version", "meta.versionId", PL_FHIR_ID),
  F ("version", EXT ("plans", "version") ".valueInteger", PL_FHIR_INTEGER),
  NICKS ("status", EXT ("plans", "status") ".valueCode"),
  CODES ("status", "status", plan_statuses),
  F ("start_date", "period.start", PL_FHIR_DATE),
  F ("last_review", EXT ("plans", "last_review") ".valueDate", PL_FHIR_DATE),
  /* NG21 1.3.25 */
  F ("next_review", EXT ("plans", "next_review") ".valueDate", PL_FHIR_DATE),
  /* NG21 1.3.6: the named coordinator */
  REF_TO ("coordinator_id", "author", pl_contact_type, NULL),
  F ("agreed_on", EXT ("plans", "agreed_on") ".valueDate", PL_FHIR_DATE),
  F ("agreed_by", EXT ("plans", "agreed_by") ".valueString", PL_FHIR_STRING),
  F ("agreement", EXT ("plans", "agreement") ".valueString", PL_FHIR_STRING),
  F ("present", EXT ("plans", "present") ".valueString", PL_FHIR_STRING),
  F ("participation", EXT ("plans", "participation") ".valueString", PL_FHIR_STRING),
  F ("created_at", "created", PL_FHIR_DATE_TIME),
};
static const PlFhirFixed plan_fixed[] = {
  FIXED ("intent", "plan"),
  FIXED ("category[0].text", "Care and support plan"),
  FIXED_END
};

/* The parts of the plan, About Me's first, each as an Observation of what
 * the person said, coded by the part (pl_section_kind_nicks) */
static const PlFhirCode section_kinds[] = {
  { "most-important", "What is most important to me" },
  { "people-important", "People who are important to me" },
  { "how-i-communicate", "How I communicate and how to communicate with me" },
  { "wellness", "My wellness" },
  { "please-do", "Please do" },
  { "please-do-not", "Please do not" },
  { "how-and-when", "How and when to support me" },
  { "also-worth-knowing", "Also worth knowing about me" },
  { "life-story", "My life story" },
  { "strengths", "What I am good at" },
  { "aspirations", "What I would like to do" },
  { "priorities", "My priorities" },
  { "flexible-time", "Flexible time" },
  { "telecare", "Telecare" },
  { "missed-visit", "If a visit is late or missed" },
  { "crisis", "In a crisis" },
  { "culture", "My culture, faith and what matters to me" },
  { "money", "My money and personal budget" },
  { "supported-by", "Supported to write this by" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (section_kinds) == PL_SECTION_N_KINDS);

static const PlFhirField plan_section_fields[] = {
  CODES ("kind", "code.coding[system=" PL_FHIR_LOCAL_CODES "plan-section].code", section_kinds),
  F ("body", "valueString", PL_FHIR_STRING),
  F ("easy_read", EXT ("plan_sections", "easy_read") ".valueString", PL_FHIR_STRING),
  /* The language of the resource's text: a part in another language */
  F ("language", "language", PL_FHIR_STRING),
};
static const PlFhirFixed plan_section_fixed[] = {
  FIXED ("status", "final"),
  FIXED ("category[0].coding[system=http://terminology.hl7.org/CodeSystem/observation-category].code",
         "social-history"),
  FIXED_END
};

/* An outcome in the person's words: Goal (base R4; UK Core has none) */
static const PlFhirField outcome_fields[] = {
  F ("position", EXT ("outcomes", "position") ".valueInteger", PL_FHIR_INTEGER),
  F ("outcome", "description.text", PL_FHIR_STRING),
  F ("measure", "target[0].measure.text", PL_FHIR_STRING),
  F ("progress", "achievementStatus.text", PL_FHIR_STRING),
};
static const PlFhirFixed outcome_fixed[] = {
  FIXED ("lifecycleStatus", "active"),
  FIXED_END
};

/* A visit: one of its CarePlan's activities, with its timing (NG21 1.4.2) */
static const PlFhirField visit_fields[] = {
  F ("position", EXT ("visits", "position") ".valueInteger", PL_FHIR_INTEGER),
  F ("weekday", "detail.scheduledTiming.repeat", PL_FHIR_WEEKDAY),
  F ("start_time", "detail.scheduledTiming.repeat.timeOfDay[0]", PL_FHIR_TIME),
  F ("duration", "detail.scheduledTiming.repeat.duration", PL_FHIR_INTEGER),
  F ("purpose", "detail.description", PL_FHIR_STRING),
  F ("tasks", "detail." EXT ("visits", "tasks") ".valueString", PL_FHIR_STRING),
};
static const PlFhirFixed visit_fixed[] = {
  FIXED ("detail.status", "scheduled"),
  FIXED_AS ("detail.scheduledTiming.repeat.frequency", "1", PL_FHIR_INTEGER),
  FIXED_AS ("detail.scheduledTiming.repeat.period", "1", PL_FHIR_INTEGER),
  FIXED ("detail.scheduledTiming.repeat.durationUnit", "min"),
  FIXED_END
};

/* NG21 1.3.16: a medicine, what it is for, when, and if it is missed */
static const PlFhirField medicine_fields[] = {
  F ("position", EXT ("medicines", "position") ".valueInteger", PL_FHIR_INTEGER),
  F ("name", "medicationCodeableConcept.text", PL_FHIR_STRING),
  F ("purpose", "reasonCode[0].text", PL_FHIR_STRING),
  F ("dose", "dosage[0].text", PL_FHIR_STRING),
  F ("timing", "dosage[0].timing.code.text", PL_FHIR_STRING),
  F ("support", "dosage[0].additionalInstruction[0].text", PL_FHIR_STRING),
  F ("if_missed", EXT ("medicines", "if_missed") ".valueString", PL_FHIR_STRING),
  F ("contact", EXT ("medicines", "contact") ".valueString", PL_FHIR_STRING),
};
static const PlFhirFixed medicine_fixed[] = {
  FIXED ("status", "active"),
  FIXED_END
};

/* NG21 1.3.14: a risk the person chooses to take, and the way they chose
 * to make it safer as the mitigation */
static const PlFhirField risk_fields[] = {
  F ("position", EXT ("risks", "position") ".valueInteger", PL_FHIR_INTEGER),
  F ("activity", "code.text", PL_FHIR_STRING),
  F ("benefits", EXT ("risks", "benefits") ".valueString", PL_FHIR_STRING),
  F ("strategies", "mitigation", PL_FHIR_STRING),
  F ("implications_person", EXT ("risks", "implications_person") ".valueString", PL_FHIR_STRING),
  F ("implications_worker", EXT ("risks", "implications_worker") ".valueString", PL_FHIR_STRING),
};
static const PlFhirFixed risk_fixed[] = {
  FIXED ("status", "final"),
  FIXED_END
};

/* The welcome pack: FHIR has no resource for it; a Basic of Plainly's own
 * kind, written on request */
static const PlFhirField welcome_pack_fields[] = {
  F ("title", EXT ("welcome_packs", "title") ".valueString", PL_FHIR_STRING),
  F ("introduction", EXT ("welcome_packs", "introduction") ".valueString", PL_FHIR_STRING),
  F ("what_to_expect", EXT ("welcome_packs", "what_to_expect") ".valueString", PL_FHIR_STRING),
  F ("rights", EXT ("welcome_packs", "rights") ".valueString", PL_FHIR_STRING),
  F ("not_happy", EXT ("welcome_packs", "not_happy") ".valueString", PL_FHIR_STRING),
  F ("funding", EXT ("welcome_packs", "funding") ".valueString", PL_FHIR_STRING),
  F ("support_groups", EXT ("welcome_packs", "support_groups") ".valueString", PL_FHIR_STRING),
};
static const PlFhirFixed welcome_pack_fixed[] = {
  FIXED ("code.coding[system=" PL_FHIR_LOCAL_CODES "record-kind].code", "welcome-pack"),
  FIXED ("code.text", "Welcome pack"),
  FIXED_END
};

/* A complaint or compliment (NG21 1.4.5-1.4.6): a Basic of Plainly's own
 * kind, written on request, its updates as nested extensions */
static const PlFhirField complaint_fields[] = {
  NICKS ("kind", EXT ("complaints", "kind") ".valueCode"),
  F ("reference", "identifier[system=" PL_FHIR_LOCAL_ID "complaint].value", PL_FHIR_STRING),
  NICKS ("status", EXT ("complaints", "status") ".valueCode"),
  F ("what_happened", EXT ("complaints", "what_happened") ".valueString", PL_FHIR_STRING),
  F ("when_happened", EXT ("complaints", "when_happened") ".valueString", PL_FHIR_STRING),
  F ("who_involved", EXT ("complaints", "who_involved") ".valueString", PL_FHIR_STRING),
  F ("put_right", EXT ("complaints", "put_right") ".valueString", PL_FHIR_STRING),
  F ("reply_method", EXT ("complaints", "reply_method") ".valueString", PL_FHIR_STRING),
  F ("helped_by", EXT ("complaints", "helped_by") ".valueString", PL_FHIR_STRING),
  F ("response_due", EXT ("complaints", "response_due") ".valueDate", PL_FHIR_DATE),
  F ("created_at", EXT ("complaints", "created_at") ".valueDateTime", PL_FHIR_DATE_TIME),
};
static const PlFhirFixed complaint_fixed[] = {
  FIXED ("code.coding[system=" PL_FHIR_LOCAL_CODES "record-kind].code", "complaint"),
  FIXED ("code.text", "Complaint or compliment"),
  FIXED_END
};

static const PlFhirField complaint_event_fields[] = {
  NICKS ("status", "extension[url=status].valueCode"),
  F ("at", "extension[url=at].valueDateTime", PL_FHIR_DATE_TIME),
  F ("note", "extension[url=note].valueString", PL_FHIR_STRING),
  F ("actor", "extension[url=actor].valueString", PL_FHIR_STRING),
};
static const PlFhirFixed complaint_event_fixed[] = {
  FIXED ("url", PL_FHIR_EXTENSION ("complaints", "event")),
  FIXED_END
};

/* Encounter.status says less than the diary: late is finished too */
static const PlFhirCode visit_outcome_statuses[] = {
  { "finished", NULL },   /* completed */
  { "finished", NULL },   /* late */
  { "cancelled", NULL },  /* missed */
  { "cancelled", NULL },  /* cancelled */
  { "unknown", NULL },
};

/* A diary entry (NG21 1.3.22-1.3.24): the visit as an Encounter at home */
static const PlFhirField diary_entry_fields[] = {
  F ("visit_date", "period.start", PL_FHIR_DATE),
  F ("planned_time", EXT ("diary_entries", "planned_time") ".valueTime", PL_FHIR_TIME),
  F ("arrived", EXT ("diary_entries", "arrived") ".valueTime", PL_FHIR_TIME),
  F ("departed", EXT ("diary_entries", "departed") ".valueTime", PL_FHIR_TIME),
  NICKS ("outcome", EXT ("diary_entries", "outcome") ".valueCode"),
  CODES ("outcome", "status", visit_outcome_statuses),
  F ("worker", "participant[0].individual.display", PL_FHIR_STRING),
  F ("what_done", EXT ("diary_entries", "what_done") ".valueString", PL_FHIR_STRING),
  F ("how_i_was", EXT ("diary_entries", "how_i_was") ".valueString", PL_FHIR_STRING),
  F ("follow_up", EXT ("diary_entries", "follow_up") ".valueString", PL_FHIR_STRING),
  F ("action_taken", EXT ("diary_entries", "action_taken") ".valueString", PL_FHIR_STRING),
  F ("created_at", EXT ("diary_entries", "created_at") ".valueDateTime", PL_FHIR_DATE_TIME),
};
static const PlFhirFixed diary_entry_fixed[] = {
  FIXED ("class.system", "http://terminology.hl7.org/CodeSystem/v3-ActCode"),
  FIXED ("class.code", "HH"),
  FIXED ("class.display", "home health"),
  FIXED_END
};

/* A comment on a visit in the person's or a carer's own words: an extension
 * of its Encounter, as a complaint's updates are of the complaint. Who
 * signed it travels; the carer's account here does not. */
static const PlFhirField diary_comment_fields[] = {
  F ("author", "extension[url=author].valueString", PL_FHIR_STRING),
  F ("body", "extension[url=body].valueString", PL_FHIR_STRING),
  F ("created_at", "extension[url=created_at].valueDateTime", PL_FHIR_DATE_TIME),
};
static const PlFhirFixed diary_comment_fixed[] = {
  FIXED ("url", PL_FHIR_EXTENSION ("diary_entries", "comment")),
  FIXED_END
};

/* In the order a bundle lists them: the person, who is involved, the plan
 * and its parts, then what is exported on request */
static const PlFhirRecordMap maps[] = {
  MAP (pl_person_type, "Patient", UK_CORE "Patient", FALSE, NULL, NULL, NULL,
       person_fields, NULL),
  MAP (pl_service_type, "Organization", UK_CORE "Organization", FALSE, NULL, NULL, NULL,
       service_fields, NULL),
  MAP (pl_comm_need_type, "Flag", UK_CORE "Flag", FALSE, "subject", NULL, NULL,
       comm_need_fields, comm_need_fixed),
  MAP (pl_contact_type, "RelatedPerson", NULL, FALSE, "patient", NULL, NULL,
       contact_fields, NULL),
  MAP (pl_sharing_type, "Consent", NULL, FALSE, "patient", NULL, NULL, sharing_fields,
       sharing_fixed),
  MAP (pl_plan_type, "CarePlan", NULL, FALSE, "subject", NULL, NULL, plan_fields, plan_fixed),
  MAP (pl_plan_section_type, "Observation", UK_CORE "Observation", FALSE, "subject",
       "basedOn[0]", NULL, plan_section_fields, plan_section_fixed),
  MAP (pl_outcome_type, "Goal", NULL, FALSE, "subject", NULL, "goal", outcome_fields,
       outcome_fixed),
  MAP (pl_visit_type, "activity", NULL, TRUE, NULL, NULL, "activity", visit_fields,
       visit_fixed),
  MAP (pl_medicine_type, "MedicationStatement", UK_CORE "MedicationStatement", FALSE,
       "subject", "basedOn[0]", NULL, medicine_fields, medicine_fixed),
  MAP (pl_risk_type, "RiskAssessment", NULL, FALSE, "subject", "basedOn", NULL, risk_fields,
       risk_fixed),
  MAP (pl_welcome_pack_type, "Basic", NULL, FALSE, NULL, "subject", NULL, welcome_pack_fields,
       welcome_pack_fixed),
  MAP (pl_complaint_type, "Basic", NULL, FALSE, "subject", NULL, NULL, complaint_fields,
       complaint_fixed),
  MAP (pl_complaint_event_type, "extension", NULL, TRUE, NULL, NULL, "extension",
       complaint_event_fields, complaint_event_fixed),
  MAP (pl_diary_entry_type, "Encounter", UK_CORE "Encounter", FALSE, "subject", NULL, NULL,
       diary_entry_fields, diary_entry_fixed),
  MAP (pl_diary_comment_type, "extension", NULL, TRUE, NULL, NULL, "extension",
       diary_comment_fields, diary_comment_fixed),
};

static const PlFhirRecordMap * const all_maps[] = {
  &maps[0], &maps[1], &maps[2], &maps[3], &maps[4], &maps[5], &maps[6], &maps[7],
  &maps[8], &maps[9], &maps[10], &maps[11], &maps[12], &maps[13], &maps[14], &maps[15],
};
G_STATIC_ASSERT (G_N_ELEMENTS (all_maps) == G_N_ELEMENTS (maps));

const PlFhirRecordMap * const *
pl_fhir_maps (guint *n_maps)
{
  if (n_maps != NULL)
    *n_maps = G_N_ELEMENTS (all_maps);
  return all_maps;
}

const PlFhirRecordMap *
pl_fhir_map_for_type (const PlRecordType *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (maps); i++)
    if (maps[i].type == type)
      return &maps[i];
  return NULL;
}

const char *
pl_fhir_map_resource_type (const PlFhirRecordMap *map,
                           gconstpointer          record)
{
  g_return_val_if_fail (map != NULL, NULL);

  if (map->element)
    return NULL;
  if (map->type == &pl_contact_type && record != NULL)
    {
      switch (((const PlContact *) record)->role)
        {
        case PL_CONTACT_CARER:
        case PL_CONTACT_FAMILY:
        case PL_CONTACT_FRIEND:
        case PL_CONTACT_ADVOCATE:
        case PL_CONTACT_EMERGENCY:
          return "RelatedPerson";
        case PL_CONTACT_COORDINATOR:
        case PL_CONTACT_CARE_WORKER:
        case PL_CONTACT_GP:
        case PL_CONTACT_HEALTH_PROFESSIONAL:
        case PL_CONTACT_SAFEGUARDING:
        case PL_CONTACT_SERVICE:
        default:
          return "Practitioner";
        }
    }
  return map->resource;
}

/* Values */

char *
pl_fhir_date_time (const char *timestamp)
{
  g_autofree char *iso = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) in_utc = NULL;

  if (timestamp == NULL || *timestamp == '\0' || !pl_form_timestamp.is_valid (timestamp))
    return NULL;
  if (strlen (timestamp) == 10)
    return g_strdup (timestamp);
  iso = g_strdup (timestamp);
  iso[10] = 'T';
  utc = g_time_zone_new_utc ();
  parsed = g_date_time_new_from_iso8601 (iso, utc);
  if (parsed == NULL)
    return NULL;
  /* In UTC, as Plainly keeps times: GLib writes another offset as "+01",
   * which FHIR does not take */
  in_utc = g_date_time_to_utc (parsed);
  return g_date_time_format_iso8601 (in_utc);
}

static const char * const weekday_codes[] = {
  NULL, "mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL
};

/* The code of value in f's table (or the field's nicks) */
static const char *
code_for (const PlFhirField *f,
          const PlField     *field,
          int                value)
{
  if (f->codes != NULL)
    return value >= 0 && (guint) value < f->n_codes ? f->codes[value].code : NULL;
  return field->nicks != NULL ? pl_enum_to_nick (field->nicks, value) : NULL;
}

static int
int_value (const PlField *field,
           gconstpointer  record)
{
  switch (field->kind)
    {
    case PL_FIELD_INT:
    case PL_FIELD_ENUM:
    case PL_FIELD_BOOL:
      return *PL_FIELD_PTR (record, field, int);
    case PL_FIELD_INT64:
    case PL_FIELD_REF:
      return (int) *PL_FIELD_PTR (record, field, gint64);
    case PL_FIELD_DOUBLE:
    case PL_FIELD_TEXT:
    default:
      return 0;
    }
}

static void
write_field (const PlFhirRecordMap *map,
             const PlFhirField     *f,
             gconstpointer          record,
             JsonObject            *resource,
             PlFhirReferenceFunc    reference,
             gpointer               user_data)
{
  const PlField *field = pl_record_type_find_field (map->type, f->field);
  const char *text = NULL;
  JsonNode *node = NULL;

  g_return_if_fail (field != NULL);

  if (field->kind == PL_FIELD_TEXT)
    {
      text = *PL_FIELD_PTR (record, field, char *);
      /* Text not of its form reads as its fallback, as everywhere else */
      if (!pl_field_text_is_valid (field, text))
        text = pl_field_text_fallback (field);
      if (pl_text_is_blank (text))
        return;
    }

  switch (f->kind)
    {
    case PL_FHIR_STRING:
    case PL_FHIR_DATE:
      if (text != NULL)
        node = json_node_init_string (json_node_alloc (), text);
      break;

    case PL_FHIR_DATE_TIME:
      {
        g_autofree char *stamp = pl_fhir_date_time (text);

        if (stamp != NULL)
          node = json_node_init_string (json_node_alloc (), stamp);
        break;
      }

    case PL_FHIR_TIME:
      if (text != NULL)
        {
          g_autofree char *padded = g_strdup_printf ("%s%s%s", text[1] == ':' ? "0" : "", text,
                                                     strlen (text) <= 5 ? ":00" : "");

          node = json_node_init_string (json_node_alloc (), padded);
        }
      break;

    case PL_FHIR_INTEGER:
      if (field->kind == PL_FIELD_INT && field->range != NULL &&
          !pl_field_number_is_valid (field, int_value (field, record)))
        break;
      node = json_node_init_int (json_node_alloc (), int_value (field, record));
      break;

    case PL_FHIR_ID:
      {
        g_autofree char *id = g_strdup_printf ("%d", int_value (field, record));

        node = json_node_init_string (json_node_alloc (), id);
        break;
      }

    case PL_FHIR_BOOLEAN:
      node = json_node_init_boolean (json_node_alloc (), int_value (field, record) != 0);
      break;

    case PL_FHIR_CODE:
      {
        const char *code = code_for (f, field, int_value (field, record));

        if (code != NULL)
          node = json_node_init_string (json_node_alloc (), code);
        break;
      }

    case PL_FHIR_REFERENCE:
      {
        gint64 id = *PL_FIELD_PTR (record, field, gint64);
        g_autofree char *ref = id != 0 && reference != NULL
                               ? reference (f->target, id, user_data) : NULL;
        g_autofree char *path = NULL;

        if (ref != NULL)
          {
            path = g_strconcat (f->path, ".reference", NULL);
            pl_fhir_path_set (resource, path, json_node_init_string (json_node_alloc (), ref));
          }
        return;
      }

    case PL_FHIR_WEEKDAY:
      {
        int day = int_value (field, record);
        g_autofree char *unit = g_strconcat (f->path, ".periodUnit", NULL);

        if (day >= 1 && day <= 7)
          {
            g_autofree char *days = g_strconcat (f->path, ".dayOfWeek[0]", NULL);

            pl_fhir_path_set (resource, days,
                              json_node_init_string (json_node_alloc (), weekday_codes[day]));
          }
        pl_fhir_path_set (resource, unit,
                          json_node_init_string (json_node_alloc (), day == 0 ? "d" : "wk"));
        return;
      }

    default:
      g_assert_not_reached ();
    }

  if (node == NULL)
    return;
  pl_fhir_path_set (resource, f->path, node);

  /* A code's display beside it, in the same Coding */
  if (f->kind == PL_FHIR_CODE && f->codes != NULL && g_str_has_suffix (f->path, ".code"))
    {
      int value = int_value (field, record);

      if (value >= 0 && (guint) value < f->n_codes && f->codes[value].display != NULL)
        {
          g_autofree char *display = g_strndup (f->path, strlen (f->path) - strlen ("code"));
          g_autofree char *path = g_strconcat (display, "display", NULL);

          pl_fhir_path_set (resource, path,
                            json_node_init_string (json_node_alloc (), f->codes[value].display));
        }
    }
}

void
pl_fhir_map_write (const PlFhirRecordMap *map,
                   gconstpointer          record,
                   JsonObject            *resource,
                   PlFhirReferenceFunc    reference,
                   gpointer               user_data)
{
  const char *resource_type;

  g_return_if_fail (map != NULL);
  g_return_if_fail (record != NULL);
  g_return_if_fail (resource != NULL);

  resource_type = pl_fhir_map_resource_type (map, record);
  for (guint i = 0; map->fixed != NULL && map->fixed[i].path != NULL; i++)
    {
      const PlFhirFixed *fixed = &map->fixed[i];
      JsonNode *node = json_node_alloc ();

      if (fixed->kind == PL_FHIR_INTEGER)
        json_node_init_int (node, g_ascii_strtoll (fixed->value, NULL, 10));
      else if (fixed->kind == PL_FHIR_BOOLEAN)
        json_node_init_boolean (node, g_str_equal (fixed->value, "true"));
      else
        json_node_init_string (node, fixed->value);
      pl_fhir_path_set (resource, fixed->path, node);
    }
  for (guint i = 0; i < map->n_fields; i++)
    {
      const PlFhirField *f = &map->fields[i];

      if (f->only_in != NULL && g_strcmp0 (f->only_in, resource_type) != 0)
        continue;
      write_field (map, f, record, resource, reference, user_data);
    }
}

/* Reading back */

/* Always NULL, so a reader can return it */
static char *
fail (GError                **error,
      const PlFhirRecordMap  *map,
      const PlFhirField      *f,
      const char             *why)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* TRANSLATORS: "CarePlan's period.start is not a date, like 2026-11-23." */
               _("%s’s %s is not %s."), map->resource, f->path, why);
  return NULL;
}

static const char *
string_at (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

char *
pl_fhir_map_read_field (const PlFhirRecordMap *map,
                        const PlFhirField     *f,
                        JsonObject            *resource,
                        GError               **error)
{
  const PlField *field;
  JsonNode *node;
  const char *text;

  g_return_val_if_fail (map != NULL, NULL);
  g_return_val_if_fail (f != NULL, NULL);
  g_return_val_if_fail (resource != NULL, NULL);

  field = pl_record_type_find_field (map->type, f->field);
  g_return_val_if_fail (field != NULL, NULL);

  if (f->kind == PL_FHIR_REFERENCE)
    {
      g_autofree char *path = g_strconcat (f->path, ".reference", NULL);

      node = pl_fhir_path_get (resource, path);
      if (node == NULL)
        return NULL;
      if (string_at (node) == NULL)
        return fail (error, map, f, _("a reference"));
      return g_strdup (string_at (node));
    }

  if (f->kind == PL_FHIR_WEEKDAY)
    {
      g_autofree char *days = g_strconcat (f->path, ".dayOfWeek[0]", NULL);
      g_autofree char *unit = g_strconcat (f->path, ".periodUnit", NULL);

      text = string_at (pl_fhir_path_get (resource, days));
      if (text != NULL)
        {
          for (int day = 1; day <= 7; day++)
            if (g_str_equal (text, weekday_codes[day]))
              return g_strdup_printf ("%d", day);
          return fail (error, map, f, _("a day of the week, like mon"));
        }
      text = string_at (pl_fhir_path_get (resource, unit));
      if (g_strcmp0 (text, "d") == 0)
        return g_strdup ("0");
      return NULL;
    }

  node = pl_fhir_path_get (resource, f->path);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  switch (f->kind)
    {
    case PL_FHIR_INTEGER:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        return fail (error, map, f, _("a whole number"));
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

    case PL_FHIR_BOOLEAN:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return fail (error, map, f, _("true or false"));
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");

    case PL_FHIR_STRING:
    case PL_FHIR_DATE:
    case PL_FHIR_DATE_TIME:
    case PL_FHIR_TIME:
    case PL_FHIR_ID:
    case PL_FHIR_CODE:
      text = string_at (node);
      if (text == NULL)
        return fail (error, map, f, _("text"));
      break;

    case PL_FHIR_REFERENCE:
    case PL_FHIR_WEEKDAY:
    default:
      g_assert_not_reached ();
    }

  switch (f->kind)
    {
    case PL_FHIR_DATE:
      if (!pl_form_date.is_valid (text))
        return fail (error, map, f, _("a date, like 2026-11-23"));
      return g_strdup (text);

    case PL_FHIR_DATE_TIME:
      {
        g_autofree char *stamp = pl_fhir_date_time (text);

        if (stamp == NULL)
          return fail (error, map, f, _("a date and time, like 2026-11-23T09:30:00Z"));
        return g_steal_pointer (&stamp);
      }

    case PL_FHIR_TIME:
      if (!pl_form_time.is_valid (text))
        return fail (error, map, f, _("a time of day, like 08:30:00"));
      /* The store keeps hours and minutes */
      return g_strndup (text, strchr (text, ':') - text + 3);

    case PL_FHIR_ID:
      {
        gint64 n;

        if (!g_ascii_string_to_signed (text, 10, 0, G_MAXINT, &n, NULL))
          return fail (error, map, f, _("a version number"));
        return g_strdup (text);
      }

    case PL_FHIR_CODE:
      {
        int n = f->codes != NULL ? (int) f->n_codes : 0;

        if (f->codes == NULL)
          {
            if (field->nicks == NULL || pl_enum_from_nick (field->nicks, text) < 0)
              return fail (error, map, f, _("a code Plainly knows"));
            return g_strdup (text);
          }
        for (int value = 0; value < n; value++)
          if (g_strcmp0 (f->codes[value].code, text) == 0)
            return field->kind == PL_FIELD_ENUM
                   ? g_strdup (pl_enum_to_nick (field->nicks, value))
                   : g_strdup_printf ("%d", value);
        return fail (error, map, f, _("a code Plainly knows"));
      }

    case PL_FHIR_STRING:
    case PL_FHIR_INTEGER:
    case PL_FHIR_BOOLEAN:
    case PL_FHIR_REFERENCE:
    case PL_FHIR_WEEKDAY:
    default:
      return g_strdup (text);
    }
}

char *
pl_fhir_map_read (const PlFhirRecordMap *map,
                  const char            *field,
                  JsonObject            *resource,
                  GError               **error)
{
  g_return_val_if_fail (map != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < map->n_fields; i++)
    {
      const PlFhirField *f = &map->fields[i];
      GError *local_error = NULL;
      char *value;

      if (!g_str_equal (f->field, field))
        continue;
      value = pl_fhir_map_read_field (map, f, resource, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      if (value != NULL)
        return value;
    }
  return NULL;
}
