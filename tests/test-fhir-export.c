/* test-fhir-export.c: the example person as a FHIR R4 bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the bundle holds, for the person and for a carer who may see less;
 * that the maps name every field of their records; paths; NHS numbers.
 * test-fhir-validate.sh checks the same bundles against FHIR R4 itself.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "pl-access.h"
#include "pl-demo.h"
#include "pl-fhir-export.h"
#include "pl-fhir-import.h"
#include "pl-fhir-map.h"
#include "pl-plan-version.h"
#include "pl-test-util.h"

typedef struct
{
  char      *dir;
  PlStore   *store;
  gint64     person_id;
  PlViewer  *person;
  PlViewer  *carer;   /* Paul, her son: the plan and the diary */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlViewer) carer = NULL;

  f->dir = pl_test_make_dir ("plainly-fhir-export");
  f->store = pl_test_open_store (f->dir, NULL);
  g_assert_true (pl_demo_install (f->store, &f->person_id, &error));
  g_assert_no_error (error);
  f->person = pl_access_open_person (f->store, f->person_id, NULL, &error);
  g_assert_no_error (error);
  carer = pl_access_open_carer (f->store, 1, NULL, &error);
  g_assert_no_error (error);
  f->carer = pl_viewer_for_person (f->store, carer, f->person_id, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->person, pl_viewer_unref);
  g_clear_pointer (&f->carer, pl_viewer_unref);
  g_clear_pointer (&f->store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* The resources of a bundle of this type */
static GPtrArray *
resources_of (JsonNode   *bundle,
              const char *type)
{
  JsonArray *entries = json_object_get_array_member (json_node_get_object (bundle), "entry");
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *resource = json_object_get_object_member (
        json_array_get_object_element (entries, i), "resource");

      if (g_str_equal (json_object_get_string_member (resource, "resourceType"), type))
        g_ptr_array_add (found, resource);
    }
  return found;
}

static guint
count_of (JsonNode   *bundle,
          const char *type)
{
  g_autoptr(GPtrArray) found = resources_of (bundle, type);

  return found->len;
}

static JsonNode *
export (Fixture      *f,
        PlViewer     *viewer,
        PlFhirExtras  extras)
{
  g_autoptr(GError) error = NULL;
  JsonNode *bundle = pl_fhir_export_bundle (f->store, viewer, extras, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bundle);
  return bundle;
}

/* How many records a list from the store has; the list is freed */
static guint
count_records (GPtrArray *records)
{
  guint n;

  g_assert_nonnull (records);
  n = records->len;
  g_ptr_array_unref (records);
  return n;
}

static void
test_person (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) bundle = export (f, f->person, PL_FHIR_EXTRA_NONE);
  g_autoptr(GPtrArray) patients = resources_of (bundle, "Patient");
  g_autoptr(GPtrArray) plans = resources_of (bundle, "CarePlan");
  g_autoptr(GPtrArray) flags = resources_of (bundle, "Flag");
  g_autoptr(PlPlan) plan = pl_store_current_plan (f->store, f->person_id, &error);
  g_autoptr(GPtrArray) needs = pl_store_list_comm_needs (f->store, f->person_id, &error);
  JsonObject *patient;
  JsonObject *care_plan;
  g_autofree char *version = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (bundle), "type"), ==,
                   "collection");

  g_assert_cmpuint (patients->len, ==, 1);
  patient = g_ptr_array_index (patients, 0);
  g_assert_cmpstr (json_node_get_string (pl_fhir_path_get (patient,
                     "identifier[system=" PL_FHIR_NHS_NUMBER "].value")), ==, "9434765919");
  g_assert_cmpstr (json_node_get_string (pl_fhir_path_get (patient,
                     "communication[0].language.coding[0].code")), ==, "en-GB");
  g_assert_cmpstr (json_node_get_string (pl_fhir_path_get (patient, "meta.profile[0]")), ==,
                   "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient");
  g_assert_cmpstr (json_node_get_string (pl_fhir_path_get (patient, "name[use=usual].text")),
                   ==, "Dot");

  /* The plan, its version, its agreement and every part */
  g_assert_cmpuint (plans->len, ==, 1);
  care_plan = g_ptr_array_index (plans, 0);
  version = g_strdup_printf ("%d", plan->version);
  g_assert_cmpstr (json_node_get_string (pl_fhir_path_get (care_plan, "meta.versionId")), ==,
                   version);
  g_assert_cmpstr (json_node_get_string (pl_fhir_path_get (care_plan,
                     "extension[url=" PL_FHIR_EXTENSION ("plans", "agreement") "].valueString")),
                   ==, plan->agreement);
  g_assert_cmpstr (json_node_get_string (pl_fhir_path_get (care_plan, "status")), ==, "active");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (care_plan, "activity")),
                    ==, count_records (pl_store_list_visits (f->store, plan->id, NULL)));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (care_plan, "goal")),
                    ==, count_of (bundle, "Goal"));
  g_assert_cmpuint (count_of (bundle, "Goal"), ==,
                    count_records (pl_store_list_outcomes (f->store, plan->id, NULL)));
  g_assert_cmpuint (count_of (bundle, "MedicationStatement"), ==,
                    count_records (pl_store_list_medicines (f->store, plan->id, NULL)));
  g_assert_cmpuint (count_of (bundle, "RiskAssessment"), ==,
                    count_records (pl_store_list_risks (f->store, plan->id, NULL)));
  g_assert_cmpuint (count_of (bundle, "Provenance"), ==, 1);
  g_assert_cmpuint (count_of (bundle, "CareTeam"), ==, 1);
  g_assert_cmpuint (count_of (bundle, "Consent"), >, 0);
  g_assert_cmpuint (count_of (bundle, "Observation"), >, 0);

  /* Each need a reasonable adjustment flag with its SNOMED CT code */
  g_assert_cmpuint (flags->len, ==, needs->len);
  for (guint i = 0; i < needs->len; i++)
    {
      const PlCommNeed *need = g_ptr_array_index (needs, i);
      JsonObject *flag = g_ptr_array_index (flags, i);

      g_assert_cmpstr (json_node_get_string (pl_fhir_path_get (flag,
                         "code.coding[system=" PL_FHIR_SNOMED "].code")), ==, need->code);
      g_assert_cmpstr (json_node_get_string (pl_fhir_path_get (flag, "status")), ==, "active");
    }

  /* Nothing was asked for beyond the plan */
  g_assert_cmpuint (count_of (bundle, "Encounter"), ==, 0);
  g_assert_cmpuint (count_of (bundle, "Basic"), ==, 0);
}

static void
test_extras (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) bundle = export (f, f->person, PL_FHIR_EXTRAS_ALL);
  g_autoptr(GPtrArray) diary = pl_store_recent_diary (f->store, f->person_id, 0, &error);
  PlFhirExtras extras = PL_FHIR_EXTRA_NONE;

  g_assert_no_error (error);
  g_assert_cmpuint (count_of (bundle, "Encounter"), ==, diary->len);
  g_assert_cmpuint (count_of (bundle, "Basic"), >=, 2);

  g_assert_true (pl_fhir_extras_from_string ("diary, welcome", &extras, &error));
  g_assert_no_error (error);
  g_assert_cmpint (extras, ==, PL_FHIR_EXTRA_DIARY | PL_FHIR_EXTRA_WELCOME);
  g_assert_false (pl_fhir_extras_from_string ("diary,letters", &extras, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "letters"));
}

/* NG86 1.1.14-1.1.15: Paul may see the plan and the diary, not her
 * medicines, her money or her complaints */
static void
test_carer (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) mine = export (f, f->person, PL_FHIR_EXTRA_NONE);
  g_autoptr(JsonNode) his = export (f, f->carer, PL_FHIR_EXTRA_NONE);
  g_autoptr(GPtrArray) patients = resources_of (his, "Patient");
  g_autoptr(GPtrArray) sections = resources_of (his, "Observation");
  JsonArray *mine_entries = json_object_get_array_member (json_node_get_object (mine), "entry");
  JsonArray *his_entries = json_object_get_array_member (json_node_get_object (his), "entry");
  g_autoptr(JsonNode) refused = NULL;

  g_assert_cmpuint (json_array_get_length (his_entries), <, json_array_get_length (mine_entries));
  g_assert_cmpuint (count_of (mine, "MedicationStatement"), >, 0);
  g_assert_cmpuint (count_of (his, "MedicationStatement"), ==, 0);
  g_assert_null (pl_fhir_path_get (g_ptr_array_index (patients, 0),
                                   "identifier[system=" PL_FHIR_NHS_NUMBER "]"));
  for (guint i = 0; i < sections->len; i++)
    g_assert_cmpstr (json_node_get_string (pl_fhir_path_get (g_ptr_array_index (sections, i),
                                                             "code.coding[0].code")),
                     !=, "money");

  /* The diary he may have; complaints he may not */
  {
    g_autoptr(JsonNode) diary = export (f, f->carer, PL_FHIR_EXTRA_DIARY);

    g_assert_cmpuint (count_of (diary, "Encounter"), >, 0);
  }
  refused = pl_fhir_export_bundle (f->store, f->carer, PL_FHIR_EXTRA_COMPLAINTS, &error);
  g_assert_null (refused);
  g_assert_error (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_NOT_SHARED);
}

/* The same store gives the same bundle, bar the time it was made */
static void
test_same_ids (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 23, 9, 30, 0);
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;

  pl_store_set_clock (f->store, when);
  first = export (f, f->person, PL_FHIR_EXTRAS_ALL);
  second = export (f, f->person, PL_FHIR_EXTRAS_ALL);
  g_assert_true (json_node_equal (first, second));
}

static void
test_save (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "dot.json", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "no-such-folder", "dot.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GStatBuf st;

  g_assert_true (pl_fhir_export_save (f->store, f->person, PL_FHIR_EXTRA_NONE, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);

  g_assert_false (pl_fhir_export_save (f->store, f->person, PL_FHIR_EXTRA_NONE, bad, &error));
  g_assert_nonnull (error);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* Fields that stay at home: kept by the store, secret, or the owner's id
 * (the bundle says whose a resource is by its references) */
static gboolean
kept_at_home (const PlRecordType *type,
              const PlField      *field)
{
  static const char * const home[] = {
    "id", "person_id", "plan_id", "contact_id", "service_id", "complaint_id", "pin_hash",
    "updated_at", "entry_id", "carer_id", NULL
  };

  /* A sharing's contact is its Consent's actor */
  if (type == &pl_sharing_type && g_str_equal (field->name, "contact_id"))
    return FALSE;
  /* Who wrote a version in another care record, and when, is its
   * Provenance's author and time */
  if (type == &pl_plan_type && g_str_has_prefix (field->name, "written_elsewhere_"))
    return TRUE;
  /* Who made a complaint's update is its own field */
  return g_strv_contains (home, field->name) ||
         (type == &pl_person_type && g_str_equal (field->name, "created_at"));
}

/* A field added to a record and forgotten in its map is found here */
static void
test_every_field_mapped (void)
{
  guint n_maps;
  const PlFhirRecordMap * const *maps = pl_fhir_maps (&n_maps);

  for (guint m = 0; m < n_maps; m++)
    {
      const PlRecordType *type = maps[m]->type;

      g_assert_true (pl_fhir_map_for_type (type) == maps[m]);
      for (guint i = 0; i < type->n_fields; i++)
        {
          const PlField *field = &type->fields[i];
          gboolean mapped = FALSE;

          for (guint j = 0; j < maps[m]->n_fields; j++)
            mapped |= g_str_equal (maps[m]->fields[j].field, field->name);
          if (!mapped && !kept_at_home (type, field))
            g_error ("%s.%s has no place in FHIR", type->table, field->name);
        }
      for (guint j = 0; j < maps[m]->n_fields; j++)
        g_assert_nonnull (pl_record_type_find_field (type, maps[m]->fields[j].field));
    }
}

/* Written and read back through the same map, a visit stays the same */
static void
test_read_back (void)
{
  const PlFhirRecordMap *map = pl_fhir_map_for_type (&pl_visit_type);
  g_autoptr(PlVisit) visit = pl_visit_new ();
  g_autoptr(JsonObject) activity = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  g_autofree char *length = NULL;
  g_autofree char *bad = NULL;

  visit->weekday = 3;
  visit->start_time = g_strdup ("8:30");
  visit->duration = 45;
  visit->purpose = g_strdup ("Breakfast");
  pl_fhir_map_write (map, visit, activity, NULL, NULL);
  g_assert_cmpstr (json_node_get_string (pl_fhir_path_get (activity,
                     "detail.scheduledTiming.repeat.timeOfDay[0]")), ==, "08:30:00");

  day = pl_fhir_map_read (map, "weekday", activity, &error);
  time = pl_fhir_map_read (map, "start_time", activity, &error);
  length = pl_fhir_map_read (map, "duration", activity, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (day, ==, "3");
  g_assert_cmpstr (time, ==, "08:30");
  g_assert_cmpstr (length, ==, "45");

  /* A time that is not a time is named with its place */
  pl_fhir_path_set (activity, "detail.scheduledTiming.repeat.timeOfDay[0]",
                    json_node_init_string (json_node_alloc (), "half past eight"));
  bad = pl_fhir_map_read (map, "start_time", activity, &error);
  g_assert_null (bad);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "timeOfDay"));
}

static void
test_paths (void)
{
  g_autoptr(JsonObject) obj = json_object_new ();
  const char *url = "extension[url=https://example.org/a.b].valueString";

  pl_fhir_path_set (obj, url, json_node_init_string (json_node_alloc (), "one"));
  pl_fhir_path_set (obj, "extension[url=https://example.org/c].valueString",
                    json_node_init_string (json_node_alloc (), "two"));
  pl_fhir_path_set (obj, url, json_node_init_string (json_node_alloc (), "three"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "extension")), ==, 2);
  g_assert_cmpstr (json_node_get_string (pl_fhir_path_get (obj, url)), ==, "three");
  g_assert_null (pl_fhir_path_get (obj, "extension[url=https://example.org/d].valueString"));
  g_assert_null (pl_fhir_path_get (obj, "extension[5]"));
}

static void
test_nhs_number (void)
{
  g_assert_true (pl_text_is_nhs_number ("9434765919"));
  g_assert_true (pl_text_is_nhs_number ("4010232137"));
  /* A wrong check digit, one that would be 10, spaces, too short */
  g_assert_false (pl_text_is_nhs_number ("9434765918"));
  g_assert_false (pl_text_is_nhs_number ("0000000060"));
  g_assert_false (pl_text_is_nhs_number ("943 476 5919"));
  g_assert_false (pl_text_is_nhs_number ("943476591"));
}

/* History travels: each version of the plan, with who agreed it, the
 * newest replacing the one before; a receiver (Plainly too) takes the
 * newest and says what came before it */
static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) first = pl_store_current_plan (f->store, f->person_id, &error);
  g_autoptr(JsonNode) bundle = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) provenances = NULL;
  g_autoptr(PlFhirImport) import = NULL;
  g_autofree char *data_text = NULL;
  g_autofree char *first_version = NULL;
  g_autofree char *second_version = NULL;
  JsonObject *newest;
  JsonObject *earlier;
  const char *earlier_id;
  const char * const *left_out;
  gboolean said_earlier = FALSE;
  guint n_attesters = 0;
  gint64 next = 0;
  gsize length = 0;

  g_assert_no_error (error);
  g_assert_true (pl_plan_new_version (f->store, first->id, NULL, &next, &error));
  g_assert_no_error (error);
  g_assert_true (pl_plan_mark_agreed (f->store, next, "Dot, with Julie", "Yes, that is right.",
                                      "2026-12-01", NULL, &error));
  g_assert_no_error (error);

  bundle = export (f, f->person, PL_FHIR_EXTRA_NONE);
  plans = resources_of (bundle, "CarePlan");
  g_assert_cmpuint (plans->len, ==, 2);
  newest = g_ptr_array_index (plans, 0);
  earlier = g_ptr_array_index (plans, 1);
  first_version = g_strdup_printf ("%d", first->version);
  second_version = g_strdup_printf ("%d", first->version + 1);
  g_assert_cmpstr (json_node_get_string (pl_fhir_path_get (newest, "meta.versionId")), ==,
                   second_version);
  g_assert_cmpstr (json_node_get_string (pl_fhir_path_get (newest, "status")), ==, "active");
  g_assert_cmpstr (json_node_get_string (pl_fhir_path_get (earlier, "meta.versionId")), ==,
                   first_version);
  g_assert_cmpstr (json_node_get_string (pl_fhir_path_get (earlier, "status")), ==, "revoked");
  earlier_id = json_object_get_string_member (earlier, "id");
  g_assert_true (g_str_has_suffix (json_node_get_string (pl_fhir_path_get (newest,
                                     "replaces[0].reference")), earlier_id));
  /* The earlier one's words are not copied: only the newest has goals */
  g_assert_true (json_object_has_member (newest, "goal"));
  g_assert_false (json_object_has_member (earlier, "goal"));

  /* Who made and who agreed each version */
  provenances = resources_of (bundle, "Provenance");
  g_assert_cmpuint (provenances->len, ==, 2);
  for (guint i = 0; i < provenances->len; i++)
    {
      JsonObject *provenance = g_ptr_array_index (provenances, i);
      JsonNode *attester = pl_fhir_path_get (provenance, "agent[1].who.display");

      g_assert_nonnull (pl_fhir_path_get (provenance, "agent[0].type"));
      if (attester != NULL)
        n_attesters++;
      if (attester != NULL && i == 0)
        g_assert_cmpstr (json_node_get_string (attester), ==, "Dot, with Julie");
    }
  g_assert_cmpuint (n_attesters, ==, 2);

  /* Read back, the newest is the plan, and the earlier one is said */
  data_text = pl_fhir_export_to_data (f->store, f->person, PL_FHIR_EXTRA_NONE, &length, &error);
  g_assert_no_error (error);
  import = pl_fhir_import_read (data_text, length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_fhir_import_get_plan (import)->plan->version, ==, first->version + 1);
  g_assert_cmpstr (pl_fhir_import_get_plan (import)->plan->agreed_by, ==, "Dot, with Julie");
  left_out = pl_fhir_import_get_left_out (import);
  for (guint i = 0; left_out != NULL && left_out[i] != NULL; i++)
    said_earlier |= strstr (left_out[i], "an earlier version of the plan") != NULL;
  g_assert_true (said_earlier);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/plainly/fhir-export/person", Fixture, NULL, fixture_setup, test_person,
              fixture_teardown);
  g_test_add ("/plainly/fhir-export/extras", Fixture, NULL, fixture_setup, test_extras,
              fixture_teardown);
  g_test_add ("/plainly/fhir-export/carer", Fixture, NULL, fixture_setup, test_carer,
              fixture_teardown);
  g_test_add ("/plainly/fhir-export/same-ids", Fixture, NULL, fixture_setup, test_same_ids,
              fixture_teardown);
  g_test_add ("/plainly/fhir-export/save", Fixture, NULL, fixture_setup, test_save,
              fixture_teardown);
  g_test_add ("/plainly/fhir-export/versions", Fixture, NULL, fixture_setup, test_versions,
              fixture_teardown);
  g_test_add_func ("/plainly/fhir-export/every-field-mapped", test_every_field_mapped);
  g_test_add_func ("/plainly/fhir-export/read-back", test_read_back);
  g_test_add_func ("/plainly/fhir-export/paths", test_paths);
  g_test_add_func ("/plainly/fhir-export/nhs-number", test_nhs_number);

  return g_test_run ();
}
