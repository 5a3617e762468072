/* pl-fhir-export.c: a person's record as one FHIR R4 Bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>

#include "pl-i18n.h"

#include "pl-actor.h"
#include "pl-fhir-export.h"
#include "pl-fhir-map.h"
#include "pl-output-file.h"
#include "pl-plan-version.h"

#define DATA_OPERATION   "http://terminology.hl7.org/CodeSystem/v3-DataOperation"

typedef struct
{
  PlStore     *store;
  PlViewer    *viewer;
  PlPerson    *person;
  char        *seed;        /* what makes this person's ids their own */
  JsonArray   *entries;
  GHashTable  *urls;        /* "table:id" → "urn:uuid:…", for what is in the bundle */
  char        *patient_url;
  const char  *care_team_url;  /* NULL when nobody is involved */
} Export;

static void
export_clear (Export *ex)
{
  g_clear_pointer (&ex->person, pl_person_free);
  g_clear_pointer (&ex->seed, g_free);
  g_clear_pointer (&ex->entries, json_array_unref);
  g_clear_pointer (&ex->urls, g_hash_table_unref);
  g_clear_pointer (&ex->patient_url, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, export_clear)

/* A name-based UUID (version 5 layout over SHA-1): the same record of the
 * same person is the same resource in every export, so a receiving
 * system can tell an update from something new */
static char *
record_uuid (Export             *ex,
             const char         *kind,
             gint64              id)
{
  g_autofree char *name = g_strdup_printf ("%s:%s:%" G_GINT64_FORMAT, ex->seed, kind, id);
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA1, name, -1);
  static const char variants[] = "89ab";

  return g_strdup_printf ("%.8s-%.4s-5%.3s-%c%.3s-%.12s", hex, hex + 8, hex + 13,
                          variants[g_ascii_xdigit_value (hex[16]) & 3], hex + 17, hex + 20);
}

static const char *
url_for (Export             *ex,
         const PlRecordType *type,
         gint64              id)
{
  g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, type->table, id);

  return g_hash_table_lookup (ex->urls, key);
}

/* Records become resources only once registered: a reference to one not
 * in the bundle (a coordinator a carer may not see) is left out */
static const char *
register_record (Export             *ex,
                 const char         *kind,
                 gint64              id)
{
  g_autofree char *uuid = record_uuid (ex, kind, id);
  char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, id);
  char *url = g_strconcat ("urn:uuid:", uuid, NULL);

  g_hash_table_replace (ex->urls, key, url);
  return url;
}

static char *
reference_cb (const PlRecordType *target,
              gint64              id,
              gpointer            user_data)
{
  return g_strdup (url_for (user_data, target, id));
}

static void
set_reference (JsonObject *obj,
               const char *path,
               const char *url)
{
  g_autofree char *ref_path = g_strconcat (path, ".reference", NULL);

  pl_fhir_path_set (obj, ref_path, json_node_init_string (json_node_alloc (), url));
}

static void
set_string (JsonObject *obj,
            const char *path,
            const char *text)
{
  pl_fhir_path_set (obj, path, json_node_init_string (json_node_alloc (), text));
}

/* A new resource of this type with the id of its url, listed in the bundle */
static JsonObject *
add_entry (Export     *ex,
           const char *resource_type,
           const char *url,
           const char *profile)
{
  JsonObject *entry = json_object_new ();
  JsonObject *resource = json_object_new ();

  json_object_set_string_member (resource, "resourceType", resource_type);
  json_object_set_string_member (resource, "id", url + strlen ("urn:uuid:"));
  if (profile != NULL)
    set_string (resource, "meta.profile[0]", profile);
  json_object_set_string_member (entry, "fullUrl", url);
  json_object_set_object_member (entry, "resource", resource);
  json_array_add_object_element (ex->entries, entry);
  return resource;
}

static const char *
profile_for (const PlFhirRecordMap *map,
             const char            *resource_type)
{
  if (map->type == &pl_contact_type)
    return g_str_equal (resource_type, "RelatedPerson")
           ? "https://fhir.hl7.org.uk/StructureDefinition/UKCore-RelatedPerson"
           : "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Practitioner";
  return map->profile;
}

/* One record as its resource: its fields by its map, the person it is
 * about and its owner's resource */
static JsonObject *
add_record (Export             *ex,
            const PlRecordType *type,
            gconstpointer       record,
            const char         *owner_url)
{
  const PlFhirRecordMap *map = pl_fhir_map_for_type (type);
  const char *resource_type = pl_fhir_map_resource_type (map, record);
  const char *url = url_for (ex, type, PL_RECORD_ID (record));
  JsonObject *resource;

  g_return_val_if_fail (url != NULL, NULL);

  resource = add_entry (ex, resource_type, url, profile_for (map, resource_type));
  pl_fhir_map_write (map, record, resource, reference_cb, ex);
  /* A Practitioner is nobody's in particular */
  if (map->patient_path != NULL && !g_str_equal (resource_type, "Practitioner"))
    set_reference (resource, map->patient_path, ex->patient_url);
  if (map->owner_path != NULL && owner_url != NULL)
    set_reference (resource, map->owner_path, owner_url);
  return resource;
}

/* Records the owner's resource lists: Goals by reference, visits and
 * complaint updates as elements of it */
static void
add_listed (Export             *ex,
            JsonObject         *owner,
            const PlRecordType *type,
            GPtrArray          *records)
{
  const PlFhirRecordMap *map = pl_fhir_map_for_type (type);

  for (guint i = 0; i < records->len; i++)
    {
      gconstpointer record = g_ptr_array_index (records, i);
      g_autofree char *path = g_strdup_printf ("%s[%u]", map->listed_in,
                                               json_object_has_member (owner, map->listed_in)
                                               ? json_array_get_length (
                                                   json_object_get_array_member (owner, map->listed_in))
                                               : 0);

      if (map->element)
        {
          JsonObject *element = json_object_new ();

          pl_fhir_map_write (map, record, element, reference_cb, ex);
          pl_fhir_path_set (owner, path, json_node_init_object (json_node_alloc (), element));
          json_object_unref (element);
        }
      else
        set_reference (owner, path, url_for (ex, type, PL_RECORD_ID (record)));
    }
}

static void
register_all (Export             *ex,
              const PlRecordType *type,
              GPtrArray          *records)
{
  for (guint i = 0; i < records->len; i++)
    register_record (ex, type->table, PL_RECORD_ID (g_ptr_array_index (records, i)));
}

static void
add_all (Export             *ex,
         const PlRecordType *type,
         GPtrArray          *records,
         const char         *owner_url)
{
  for (guint i = 0; i < records->len; i++)
    add_record (ex, type, g_ptr_array_index (records, i), owner_url);
}

/* The people involved as one CareTeam, each with their role */
static void
add_care_team (Export    *ex,
               GPtrArray *contacts)
{
  const char *url = register_record (ex, "care_team", ex->person->id);
  JsonObject *team = add_entry (ex, "CareTeam", url, NULL);

  ex->care_team_url = url;
  set_string (team, "status", "active");
  set_reference (team, "subject", ex->patient_url);
  for (guint i = 0; i < contacts->len; i++)
    {
      const PlContact *contact = g_ptr_array_index (contacts, i);
      g_autofree char *role = g_strdup_printf ("participant[%u].role[0].coding[system="
                                               PL_FHIR_LOCAL_CODES "contact-role].code", i);
      g_autofree char *member = g_strdup_printf ("participant[%u].member", i);

      set_string (team, role, pl_enum_to_nick (pl_contact_role_nicks, contact->role));
      set_reference (team, member, url_for (ex, &pl_contact_type, contact->id));
    }
}

/* The version and who made and agreed it: Provenance (NHS England's
 * minimum data standard asks for a change log) */
static void
add_provenance (Export       *ex,
                const PlPlan *plan,
                const char   *plan_url,
                const char   *bundle_time)
{
  const char *url = register_record (ex, "provenance", plan->id);
  JsonObject *provenance = add_entry (ex, "Provenance", url, NULL);
  /* A version written in another care record: when it was written there */
  g_autofree char *recorded = pl_fhir_date_time (plan->written_elsewhere_at != NULL
                                                 ? plan->written_elsewhere_at
                                                 : plan->updated_at != NULL ? plan->updated_at
                                                                            : plan->created_at);
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *author = NULL;
  guint n_agents = 0;

  set_reference (provenance, "target[0]", plan_url);
  /* An instant has a time; a date alone is when it was agreed, not recorded */
  set_string (provenance, "recorded",
              recorded != NULL && strlen (recorded) > 10 ? recorded : bundle_time);
  if (plan->agreed_on != NULL && pl_form_date.is_valid (plan->agreed_on))
    set_string (provenance, "occurredDateTime", plan->agreed_on);
  set_string (provenance, "activity.coding[system=" DATA_OPERATION "].code",
              plan->version <= 1 ? "CREATE" : "UPDATE");

  /* Who made the version: whoever wrote it in the care record it came
   * from, else as the history keeps it */
  if (!pl_text_is_blank (plan->written_elsewhere_by))
    author = g_strdup (plan->written_elsewhere_by);
  else
    history = pl_store_list_history (ex->store, &pl_plan_type, plan->id, NULL);
  if (history != NULL && history->len > 0)
    {
      const PlHistory *first = g_ptr_array_index (history, 0);

      if (first->actor != NULL)
        author = pl_actor_describe (ex->store, first->actor);
    }
  if (author == NULL && plan->coordinator_id != 0 &&
      url_for (ex, &pl_contact_type, plan->coordinator_id) != NULL)
    {
      set_string (provenance, "agent[0].type.coding[system=" PL_FHIR_PARTICIPANT_TYPE "].code",
                  "author");
      set_reference (provenance, "agent[0].who",
                     url_for (ex, &pl_contact_type, plan->coordinator_id));
      n_agents++;
    }
  else
    {
      set_string (provenance, "agent[0].type.coding[system=" PL_FHIR_PARTICIPANT_TYPE "].code",
                  "author");
      set_string (provenance, "agent[0].who.display", author != NULL ? author : "Plainly");
      n_agents++;
    }
  /* Who agreed it, as the plan says (NG86 1.1.4) */
  if (!pl_text_is_blank (plan->agreed_by))
    {
      g_autofree char *type = g_strdup_printf ("agent[%u].type.coding[system="
                                               PL_FHIR_PARTICIPANT_TYPE "].code", n_agents);
      g_autofree char *who = g_strdup_printf ("agent[%u].who.display", n_agents);

      set_string (provenance, type, "attester");
      set_string (provenance, who, plan->agreed_by);
    }
}

static int
by_version_newest_first (gconstpointer a,
                         gconstpointer b)
{
  const PlPlan *x = *(const PlPlan * const *) a;
  const PlPlan *y = *(const PlPlan * const *) b;

  return (y->version > x->version) - (y->version < x->version);
}

/* The versions before plan, newest first, each a CarePlan the one after it
 * replaces, with its Provenance: when it was made, by whom and who agreed
 * it. Their words stay in the record they were written in: a receiver
 * takes the newest, and the list says what came before it. */
static gboolean
add_earlier_versions (Export       *ex,
                      const PlPlan *plan,
                      JsonObject   *care_plan,
                      const char   *bundle_time,
                      GError      **error)
{
  g_autoptr(GPtrArray) versions = pl_store_list_plans (ex->store, ex->person->id, error);
  JsonObject *newer = care_plan;

  if (versions == NULL)
    return FALSE;
  g_ptr_array_sort (versions, by_version_newest_first);
  for (guint i = 0; i < versions->len; i++)
    {
      const PlPlan *earlier = g_ptr_array_index (versions, i);
      JsonObject *resource;
      const char *url;

      if (earlier->id == plan->id || earlier->version >= plan->version)
        continue;
      url = register_record (ex, pl_plan_type.table, earlier->id);
      resource = add_record (ex, &pl_plan_type, earlier, NULL);
      /* Replaced, whatever it was when it was current */
      set_string (resource, "status", "revoked");
      if (ex->care_team_url != NULL)
        set_reference (resource, "careTeam[0]", ex->care_team_url);
      set_reference (newer, "replaces[0]", url);
      add_provenance (ex, earlier, url, bundle_time);
      newer = resource;
    }
  return TRUE;
}

static gboolean
add_plan (Export      *ex,
          const char  *bundle_time,
          GError     **error)
{
  guint scopes = pl_viewer_get_scopes (ex->viewer);
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GPtrArray) medicines = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *care_plan;
  const char *plan_url;

  plan = pl_store_current_plan (ex->store, ex->person->id, &local_error);
  if (plan == NULL)
    {
      /* Someone with no plan yet travels as themselves */
      if (g_error_matches (local_error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if ((sections = pl_store_list_plan_sections (ex->store, plan->id, error)) == NULL ||
      (outcomes = pl_store_list_outcomes (ex->store, plan->id, error)) == NULL ||
      (visits = pl_store_list_visits (ex->store, plan->id, error)) == NULL ||
      (medicines = pl_store_list_medicines (ex->store, plan->id, error)) == NULL ||
      (risks = pl_store_list_risks (ex->store, plan->id, error)) == NULL)
    return FALSE;

  /* NG86 1.1.14-1.1.15: what the person has not shared with this reader
   * stays behind, as in their plan */
  if ((scopes & PL_SCOPE_BIT (PL_SCOPE_MEDICINES)) == 0)
    g_ptr_array_set_size (medicines, 0);
  if ((scopes & PL_SCOPE_BIT (PL_SCOPE_MONEY)) == 0)
    for (guint i = sections->len; i > 0; i--)
      if (((PlPlanSection *) g_ptr_array_index (sections, i - 1))->kind == PL_SECTION_MONEY)
        g_ptr_array_remove_index (sections, i - 1);
  for (guint i = sections->len; i > 0; i--)
    if (pl_text_is_blank (((PlPlanSection *) g_ptr_array_index (sections, i - 1))->body))
      g_ptr_array_remove_index (sections, i - 1);

  plan_url = register_record (ex, pl_plan_type.table, plan->id);
  register_all (ex, &pl_plan_section_type, sections);
  register_all (ex, &pl_outcome_type, outcomes);
  register_all (ex, &pl_medicine_type, medicines);
  register_all (ex, &pl_risk_type, risks);

  care_plan = add_record (ex, &pl_plan_type, plan, NULL);
  if (ex->care_team_url != NULL)
    set_reference (care_plan, "careTeam[0]", ex->care_team_url);
  add_listed (ex, care_plan, &pl_outcome_type, outcomes);
  add_listed (ex, care_plan, &pl_visit_type, visits);

  add_all (ex, &pl_outcome_type, outcomes, plan_url);
  add_all (ex, &pl_plan_section_type, sections, plan_url);
  add_all (ex, &pl_medicine_type, medicines, plan_url);
  add_all (ex, &pl_risk_type, risks, plan_url);
  add_provenance (ex, plan, plan_url, bundle_time);
  return add_earlier_versions (ex, plan, care_plan, bundle_time, error);
}

/* The people involved, what each may see, and the team they make */
static gboolean
add_people (Export  *ex,
            GError **error)
{
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) all_sharings = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_sharing_free);

  contacts = pl_store_list_contacts (ex->store, ex->person->id, error);
  if (contacts == NULL)
    return FALSE;
  for (guint i = 0; i < contacts->len; i++)
    {
      const PlContact *contact = g_ptr_array_index (contacts, i);
      g_autoptr(GPtrArray) sharings = pl_store_list_sharings (ex->store, contact->id, error);

      if (sharings == NULL)
        return FALSE;
      while (sharings->len > 0)
        g_ptr_array_add (all_sharings, g_ptr_array_steal_index (sharings, 0));
    }
  register_all (ex, &pl_contact_type, contacts);
  register_all (ex, &pl_sharing_type, all_sharings);
  add_all (ex, &pl_contact_type, contacts, NULL);
  if (contacts->len > 0)
    add_care_team (ex, contacts);
  add_all (ex, &pl_sharing_type, all_sharings, NULL);
  return TRUE;
}

static gboolean
add_welcome (Export     *ex,
             const char *service_url,
             GError    **error)
{
  g_autoptr(PlWelcomePack) pack = NULL;
  g_autoptr(GError) local_error = NULL;

  pack = pl_store_welcome_pack_for_person (ex->store, ex->person->id, &local_error);
  if (pack == NULL)
    {
      if (g_error_matches (local_error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  register_record (ex, pl_welcome_pack_type.table, pack->id);
  add_record (ex, &pl_welcome_pack_type, pack, service_url);
  return TRUE;
}

static gboolean
add_complaints (Export  *ex,
                GError **error)
{
  g_autoptr(GPtrArray) complaints = pl_store_list_complaints (ex->store, ex->person->id, error);

  if (complaints == NULL)
    return FALSE;
  for (guint i = 0; i < complaints->len; i++)
    {
      const PlComplaint *complaint = g_ptr_array_index (complaints, i);
      g_autoptr(GPtrArray) events = NULL;
      JsonObject *resource;

      /* Not sent yet: the person's own until they send it */
      if (complaint->status == PL_COMPLAINT_DRAFT)
        continue;
      events = pl_store_list_complaint_events (ex->store, complaint->id, error);
      if (events == NULL)
        return FALSE;
      register_record (ex, pl_complaint_type.table, complaint->id);
      resource = add_record (ex, &pl_complaint_type, complaint, NULL);
      add_listed (ex, resource, &pl_complaint_event_type, events);
    }
  return TRUE;
}

static gboolean
add_diary (Export  *ex,
           GError **error)
{
  g_autoptr(GPtrArray) entries = pl_store_recent_diary (ex->store, ex->person->id, 0, error);

  if (entries == NULL)
    return FALSE;
  register_all (ex, &pl_diary_entry_type, entries);
  for (guint i = 0; i < entries->len; i++)
    {
      const PlDiaryEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GPtrArray) comments = pl_store_list_diary_comments (ex->store, entry->id, error);
      JsonObject *resource;

      if (comments == NULL)
        return FALSE;
      resource = add_record (ex, &pl_diary_entry_type, entry, NULL);
      add_listed (ex, resource, &pl_diary_comment_type, comments);
    }
  return TRUE;
}

static const struct
{
  PlFhirExtras    extra;
  const char     *word;
  PlDocumentKind  kind;
} extra_words[] = {
  { PL_FHIR_EXTRA_WELCOME, "welcome", PL_DOCUMENT_WELCOME },
  { PL_FHIR_EXTRA_COMPLAINTS, "complaints", PL_DOCUMENT_COMPLAINT },
  { PL_FHIR_EXTRA_DIARY, "diary", PL_DOCUMENT_DIARY },
};

gboolean
pl_fhir_extras_from_string (const char    *text,
                            PlFhirExtras  *extras,
                            GError       **error)
{
  g_auto(GStrv) words = NULL;
  PlFhirExtras found = PL_FHIR_EXTRA_NONE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (extras != NULL, FALSE);

  words = g_strsplit (text, ",", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = g_strstrip (words[i]);
      gboolean known = FALSE;

      if (g_str_equal (word, "all"))
        {
          found |= PL_FHIR_EXTRAS_ALL;
          continue;
        }
      for (guint e = 0; e < G_N_ELEMENTS (extra_words); e++)
        if (g_str_equal (word, extra_words[e].word))
          {
            found |= extra_words[e].extra;
            known = TRUE;
          }
      if (!known)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a part Plainly can add. Use welcome, complaints, diary "
                         "or all, with commas between them."), word);
          return FALSE;
        }
    }
  *extras = found;
  return TRUE;
}

/* A string the plan keeps in another language (pl-plan-translation.h)
 * gets FHIR's translation extension beside it ("_valueString"), one for
 * each language */
static void
add_translation_cb (JsonObject *obj,
                    const char *name,
                    JsonNode   *node,
                    gpointer    user_data)
{
  GHashTable *by_source = user_data;
  GPtrArray *translations;
  g_autofree char *sibling = NULL;
  JsonObject *extended;
  JsonArray *extensions;

  if (name[0] == '_' || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      (translations = g_hash_table_lookup (by_source, json_node_get_string (node))) == NULL)
    return;

  sibling = g_strconcat ("_", name, NULL);
  extended = json_object_new ();
  extensions = json_array_new ();
  for (guint i = 0; i < translations->len; i++)
    {
      const PlPlanTranslation *translation = g_ptr_array_index (translations, i);
      JsonObject *extension = json_object_new ();
      JsonArray *parts = json_array_new ();
      JsonObject *lang = json_object_new ();
      JsonObject *content = json_object_new ();

      json_object_set_string_member (lang, "url", "lang");
      json_object_set_string_member (lang, "valueCode", translation->language);
      json_object_set_string_member (content, "url", "content");
      json_object_set_string_member (content, "valueString", translation->translation);
      json_array_add_object_element (parts, lang);
      json_array_add_object_element (parts, content);
      json_object_set_array_member (extension, "extension", parts);
      json_object_set_string_member (extension, "url", PL_FHIR_TRANSLATION);
      json_array_add_object_element (extensions, extension);
    }
  json_object_set_array_member (extended, "extension", extensions);
  json_object_set_object_member (obj, sibling, extended);
}

/* The plan in the other languages it is kept in travels with it */
static gboolean
add_translations (Export  *ex,
                  GError **error)
{
  g_autoptr(GPtrArray) translations = pl_store_list_plan_translations (ex->store, ex->person->id,
                                                                       error);
  g_autoptr(GHashTable) by_source = NULL;

  if (translations == NULL)
    return FALSE;
  if (translations->len == 0)
    return TRUE;

  by_source = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                     (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < translations->len; i++)
    {
      PlPlanTranslation *translation = g_ptr_array_index (translations, i);
      GPtrArray *same;

      if (translation->source == NULL || pl_text_is_blank (translation->translation) ||
          !pl_form_language.is_valid (translation->language))
        continue;
      same = g_hash_table_lookup (by_source, translation->source);
      if (same == NULL)
        {
          same = g_ptr_array_new ();
          g_hash_table_insert (by_source, translation->source, same);
        }
      g_ptr_array_add (same, translation);
    }

  for (guint i = 0; i < json_array_get_length (ex->entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (ex->entries, i);
      JsonObject *resource = json_object_get_object_member (entry, "resource");

      /* Only what the plan shows is keyed by a translation: the person's
       * own details, and the records around the plan, are left alone */
      if (resource != NULL && !g_str_equal (json_object_get_string_member_with_default (resource, "resourceType", ""), "Patient"))
        pl_fhir_foreach_member (resource, add_translation_cb, by_source);
    }
  return TRUE;
}

JsonNode *
pl_fhir_export_bundle (PlStore       *store,
                       PlViewer      *viewer,
                       PlFhirExtras   extras,
                       GError       **error)
{
  g_auto(Export) ex = { 0 };
  g_autoptr(PlService) service = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *bundle_time = NULL;
  g_autofree char *bundle_id = NULL;
  const char *service_url = NULL;
  JsonObject *bundle;
  JsonObject *patient;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (viewer != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The one access policy: the plan first, then each part asked for */
  if (!pl_viewer_may_open (viewer, PL_DOCUMENT_PLAN, error))
    return NULL;
  for (guint e = 0; e < G_N_ELEMENTS (extra_words); e++)
    if ((extras & extra_words[e].extra) != 0 &&
        !pl_viewer_may_open (viewer, extra_words[e].kind, error))
      return NULL;

  ex.store = store;
  ex.viewer = viewer;
  ex.person = pl_store_load_person (store, pl_viewer_get_person_id (viewer), error);
  if (ex.person == NULL)
    return NULL;
  /* A carer reads the plan; the number the NHS knows the person by is
   * not in it, so it stays with the person and staff */
  if (pl_viewer_get_kind (viewer) == PL_VIEWER_CARER)
    g_clear_pointer (&ex.person->nhs_number, g_free);

  ex.seed = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", ex.person->id,
                             ex.person->created_at != NULL ? ex.person->created_at : "");
  ex.entries = json_array_new ();
  ex.urls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  now = pl_store_get_time (store);
  bundle_time = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  needs = pl_store_list_comm_needs (store, ex.person->id, error);
  if (needs == NULL)
    return NULL;
  if (ex.person->service_id != 0)
    {
      service = pl_store_load_service (store, ex.person->service_id, error);
      if (service == NULL)
        return NULL;
      service_url = register_record (&ex, pl_service_type.table, service->id);
    }

  ex.patient_url = g_strdup (register_record (&ex, pl_person_type.table, ex.person->id));
  register_all (&ex, &pl_comm_need_type, needs);

  patient = add_record (&ex, &pl_person_type, ex.person, NULL);
  if (!pl_text_is_blank (ex.person->preferred_language) &&
      pl_form_language.is_valid (ex.person->preferred_language))
    pl_fhir_path_set (patient, "communication[0].preferred",
                      json_node_init_boolean (json_node_alloc (), TRUE));
  if (service_url != NULL)
    {
      set_reference (patient, "managingOrganization", service_url);
      add_record (&ex, &pl_service_type, service, NULL);
    }
  /* Accessible Information Standard: the needs flagged, first after them */
  add_all (&ex, &pl_comm_need_type, needs, NULL);

  if (!add_people (&ex, error) || !add_plan (&ex, bundle_time, error))
    return NULL;
  if ((extras & PL_FHIR_EXTRA_WELCOME) != 0 && !add_welcome (&ex, service_url, error))
    return NULL;
  if ((extras & PL_FHIR_EXTRA_COMPLAINTS) != 0 && !add_complaints (&ex, error))
    return NULL;
  if ((extras & PL_FHIR_EXTRA_DIARY) != 0 && !add_diary (&ex, error))
    return NULL;
  if (!add_translations (&ex, error))
    return NULL;

  bundle = json_object_new ();
  json_object_set_string_member (bundle, "resourceType", "Bundle");
  bundle_id = record_uuid (&ex, "bundle", (gint64) extras);
  json_object_set_string_member (bundle, "id", bundle_id);
  set_string (bundle, "meta.lastUpdated", bundle_time);
  set_string (bundle, "identifier.system", PL_FHIR_LOCAL_ID "bundle");
  set_string (bundle, "identifier.value", bundle_id);
  json_object_set_string_member (bundle, "type", "collection");
  json_object_set_string_member (bundle, "timestamp", bundle_time);
  json_object_set_array_member (bundle, "entry", g_steal_pointer (&ex.entries));

  return json_node_init_object (json_node_alloc (), bundle);
}

char *
pl_fhir_export_to_data (PlStore       *store,
                        PlViewer      *viewer,
                        PlFhirExtras   extras,
                        gsize         *length,
                        GError       **error)
{
  g_autoptr(JsonNode) bundle = NULL;
  g_autoptr(JsonGenerator) generator = NULL;

  bundle = pl_fhir_export_bundle (store, viewer, extras, error);
  if (bundle == NULL)
    return NULL;
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, bundle);
  return json_generator_to_data (generator, length);
}

gboolean
pl_fhir_export_save (PlStore       *store,
                     PlViewer      *viewer,
                     PlFhirExtras   extras,
                     const char    *path,
                     GError       **error)
{
  g_autoptr(PlOutputFile) out = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  /* Asked first, so nothing is built for a place it cannot go */
  if (!pl_output_file_check_target (path, error))
    return FALSE;
  data = pl_fhir_export_to_data (store, viewer, extras, &length, error);
  if (data == NULL)
    return FALSE;
  out = pl_output_file_new (path, error);
  if (out == NULL)
    return FALSE;
  if (!pl_output_file_write (out, data, length, error) || !pl_output_file_write (out, "\n", 1, error))
    return FALSE;
  return pl_output_file_commit (out, error);
}
