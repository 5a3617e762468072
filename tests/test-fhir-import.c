/* test-fhir-import.c: FHIR bundles from other care records read and saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bundles in tests/data/fhir/ are written by hand in the shape other
 * systems send: more resources than Plainly keeps, optional parts missing,
 * extensions it does not know, codes from other systems.
 */

#include "config.h"

#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "pl-fhir-import.h"
#include "pl-plan-version.h"
#include "pl-record-json.h"
#include "pl-store.h"
#include "pl-test-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  PlStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = pl_test_make_dir ("plainly-fhir-import");
  f->store = pl_test_open_store (f->dir, &f->path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static char *
read_data (const char *name,
           gsize      *len)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fhir", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, len, &error));
  g_assert_no_error (error);
  return contents;
}

static PlFhirImport *
read_bundle (const char *name)
{
  gsize len = 0;
  g_autofree char *json = read_data (name, &len);
  g_autoptr(GError) error = NULL;
  PlFhirImport *import = pl_fhir_import_read (json, len, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static gboolean
lines_contain (const char * const *lines,
               const char         *words)
{
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], words) != NULL)
      return TRUE;
  return FALSE;
}

/* Every table's rows, as "table=n;…": equal before and after means nothing
 * was changed */
static char *
row_counts (PlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStoreReport) report = pl_store_check (store, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < report->table_names->len; i++)
    g_string_append_printf (out, "%s=%" G_GINT64_FORMAT ";",
                            (const char *) g_ptr_array_index (report->table_names, i),
                            g_array_index (report->row_counts, gint64, i));
  return g_string_free (out, FALSE);
}

static void
test_other_system (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PlFhirImport) import = read_bundle ("other-system.json");
  const PlPerson *person = pl_fhir_import_get_person (import);
  const PlPlanContent *plan = pl_fhir_import_get_plan (import);
  const char * const *left_out = pl_fhir_import_get_left_out (import);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) saved = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(PlPlanContent) held = NULL;
  g_autofree char *description = NULL;
  gint64 person_id = 0;
  gint64 plan_id = 0;
  PlVisit *visit;

  /* The person, from what UK Core has: names given and family, the NHS
   * number, their own reference at the sender, a UK Core language code */
  g_assert_cmpstr (person->full_name, ==, "Grace Adaeze Okonkwo");
  g_assert_cmpstr (person->preferred_name, ==, "Gracie");
  g_assert_cmpstr (person->nhs_number, ==, "9434765870");
  g_assert_cmpstr (person->external_id, ==, "CL-44817");
  g_assert_cmpstr (person->date_of_birth, ==, "1938-02-17");
  g_assert_cmpstr (person->preferred_language, ==, "en");

  /* A goal coded by its display, a visit every day and one on Thursdays
   * an hour long; the activity that is only a reference is not a visit */
  g_assert_nonnull (plan);
  g_assert_cmpint (plan->plan->status, ==, PL_PLAN_AGREED);
  g_assert_cmpstr (plan->plan->start_date, ==, "2026-09-01");
  /* Who wrote it there, and when: its Provenance's author, not the first
   * agent, at the time recorded */
  g_assert_cmpstr (plan->plan->written_elsewhere_by, ==, "Joy Mensah, social worker");
  g_assert_cmpstr (plan->plan->written_elsewhere_at, ==, "2026-10-01T09:00:00Z");
  g_assert_cmpuint (plan->parts[PL_PLAN_PART_OUTCOMES]->len, ==, 2);
  g_assert_cmpstr (((PlOutcome *) plan->parts[PL_PLAN_PART_OUTCOMES]->pdata[1])->outcome, ==,
                   "Able to prepare a hot drink");
  g_assert_cmpstr (((PlOutcome *) plan->parts[PL_PLAN_PART_OUTCOMES]->pdata[1])->progress, ==,
                   "Managing with the kettle tipper.");
  g_assert_cmpuint (plan->parts[PL_PLAN_PART_VISITS]->len, ==, 2);
  visit = plan->parts[PL_PLAN_PART_VISITS]->pdata[0];
  g_assert_cmpint (visit->weekday, ==, 0);
  g_assert_cmpstr (visit->start_time, ==, "08:30");
  g_assert_cmpint (visit->duration, ==, 45);
  visit = plan->parts[PL_PLAN_PART_VISITS]->pdata[1];
  g_assert_cmpint (visit->weekday, ==, 4);
  g_assert_cmpstr (visit->start_time, ==, "14:00");
  g_assert_cmpuint (plan->parts[PL_PLAN_PART_MEDICINES]->len, ==, 1);
  g_assert_cmpstr (((PlMedicine *) plan->parts[PL_PLAN_PART_MEDICINES]->pdata[0])->name, ==,
                   "Amlodipine 5mg tablets");
  g_assert_cmpstr (((PlMedicine *) plan->parts[PL_PLAN_PART_MEDICINES]->pdata[0])->dose, ==,
                   "One tablet each morning");
  /* About Me as a Composition: its narrative read as plain words */
  g_assert_cmpuint (plan->parts[PL_PLAN_PART_SECTIONS]->len, ==, 1);
  g_assert_cmpstr (((PlPlanSection *) plan->parts[PL_PLAN_PART_SECTIONS]->pdata[0])->body, ==,
                   "Call me Gracie.\nSit where I can see you & speak slowly.");

  /* A coded need and one in another system's codes, kept in words; the
   * flag no longer in force is not */
  g_assert_cmpuint (pl_fhir_import_get_needs (import)->len, ==, 3);
  /* Its category in the STU3 system of an older record */
  {
    GPtrArray *read = pl_fhir_import_get_needs (import);
    gboolean found = FALSE;

    for (guint i = 0; i < read->len; i++)
      {
        const PlCommNeed *need = read->pdata[i];

        if (g_str_has_prefix (need->description, "A British Sign Language interpreter"))
          {
            g_assert_cmpint (need->category, ==, PL_NEED_COMMUNICATION_PROFESSIONAL);
            found = TRUE;
          }
      }
    g_assert_true (found);
  }
  g_assert_cmpuint (pl_fhir_import_get_contacts (import)->len, ==, 2);

  /* What was left out is said, each naming its resource */
  g_assert_true (lines_contain (left_out, "Observation “bp-1”: not something Plainly keeps."));
  g_assert_true (lines_contain (left_out, "AllergyIntolerance “al-1”"));
  g_assert_true (lines_contain (left_out, "Extension-UKCore-EthnicCategory"));
  g_assert_true (lines_contain (left_out, "Favourite hymns"));
  g_assert_true (lines_contain (left_out, "Flag “old-3”: no longer in force."));
  g_assert_true (lines_contain (left_out, "Key safe by the back door"));
  g_assert_true (lines_contain (left_out, "gender"));
  g_assert_true (lines_contain (pl_fhir_import_get_read (import), "Grace Adaeze Okonkwo"));
  g_assert_true (lines_contain (pl_fhir_import_get_read (import),
                                "The plan was written by Joy Mensah, social worker."));

  description = pl_fhir_import_describe (import, f->store, &error);
  g_assert_no_error (error);
  g_assert_true (strstr (description, "as someone new") != NULL);

  g_assert_true (pl_fhir_import_save (import, f->store, "staff:1", &person_id, &plan_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (person_id, >, 0);
  g_assert_cmpint (plan_id, >, 0);

  saved = pl_store_load_person (f->store, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->full_name, ==, "Grace Adaeze Okonkwo");
  contacts = pl_store_list_contacts (f->store, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 2);
  g_assert_cmpstr (((PlContact *) contacts->pdata[0])->name, ==, "Chioma Okonkwo");
  g_assert_cmpint (((PlContact *) contacts->pdata[0])->role, ==, PL_CONTACT_FAMILY);
  g_assert_cmpstr (((PlContact *) contacts->pdata[0])->relationship, ==, "daughter");
  g_assert_cmpstr (((PlContact *) contacts->pdata[0])->email, ==, "chioma@example.org");
  g_assert_cmpstr (((PlContact *) contacts->pdata[1])->name, ==, "Nkem Achebe");
  needs = pl_store_list_comm_needs (f->store, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (needs->len, ==, 3);
  held = pl_plan_content_load (f->store, plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (held->plan->version, ==, 3);
  g_assert_cmpuint (held->parts[PL_PLAN_PART_VISITS]->len, ==, 2);
  g_assert_cmpstr (held->plan->written_elsewhere_by, ==, "Joy Mensah, social worker");
  g_assert_cmpstr (held->plan->written_elsewhere_at, ==, "2026-10-01T09:00:00Z");
}

static void
test_minimal (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PlFhirImport) import = read_bundle ("minimal.json");
  g_autoptr(GError) error = NULL;
  gint64 person_id = 0;
  gint64 plan_id = -1;

  /* Nothing but a name: someone with no plan yet */
  g_assert_cmpstr (pl_fhir_import_get_person (import)->full_name, ==, "Siân Llŷr");
  g_assert_null (pl_fhir_import_get_plan (import));
  g_assert_true (pl_fhir_import_save (import, f->store, NULL, &person_id, &plan_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plan_id, ==, 0);
}

static void
test_any_script (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PlFhirImport) import = read_bundle ("any-script.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(PlPlanContent) plan = NULL;
  gint64 person_id = 0;
  gint64 plan_id = 0;
  const char *bad =
    "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\","
    "\"id\":\"مریض\",\"name\":[{\"text\":\"فاطمہ\"}],\"birthDate\":\"١٩٤٤-٠٣-٢١\"}}]}";

  g_assert_true (pl_fhir_import_save (import, f->store, NULL, &person_id, &plan_id, &error));
  g_assert_no_error (error);
  contacts = pl_store_list_contacts (f->store, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((PlContact *) contacts->pdata[0])->name, ==, "王小明 🙂");
  plan = pl_plan_content_load (f->store, plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->plan->status, ==, PL_PLAN_DRAFT);
  g_assert_cmpint (plan->plan->version, ==, 1);
  g_assert_cmpstr (((PlOutcome *) plan->parts[PL_PLAN_PART_OUTCOMES]->pdata[0])->outcome, ==,
                   "میں ہر جمعہ مسجد جانا چاہتی ہوں");

  /* A date in other digits is not a date; the message quotes it as written */
  g_clear_pointer (&import, pl_fhir_import_free);
  import = pl_fhir_import_read (bad, strlen (bad), &error);
  g_assert_null (import);
  g_assert_error (error, PL_FHIR_IMPORT_ERROR, PL_FHIR_IMPORT_ERROR_INVALID);
  g_assert_true (strstr (error->message, "Patient “مریض”") != NULL);
  g_assert_true (strstr (error->message, "birthDate") != NULL);
  g_assert_true (strstr (error->message, "١٩٤٤-٠٣-٢١") != NULL);
}

/* A bad bundle: refused with a message naming what is wrong, and where */
typedef struct
{
  const char       *json;
  PlFhirImportError code;
  const char       *words[3];
} Bad;

static const Bad bad_bundles[] = {
  { "this is not JSON", PL_FHIR_IMPORT_ERROR_NOT_JSON, { "not JSON" } },
  { "", PL_FHIR_IMPORT_ERROR_NOT_JSON, { "empty" } },
  { "[1, 2, 3]", PL_FHIR_IMPORT_ERROR_NOT_BUNDLE, { "not a FHIR bundle" } },
  { "{\"resourceType\":\"Patient\",\"name\":[{\"text\":\"A\"}]}",
    PL_FHIR_IMPORT_ERROR_NOT_BUNDLE, { "FHIR Patient, not a Bundle" } },
  { "{\"resourceType\":\"Bundle\"}", PL_FHIR_IMPORT_ERROR_NO_PATIENT, { "empty" } },
  { "{\"resourceType\":\"Bundle\",\"entry\":{}}", PL_FHIR_IMPORT_ERROR_INVALID,
    { "Bundle", "entry", "list" } },
  { "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"name\":[]}}]}",
    PL_FHIR_IMPORT_ERROR_INVALID, { "entry[0].resource", "resourceType" } },
  { "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":5}}]}",
    PL_FHIR_IMPORT_ERROR_INVALID, { "entry[0].resource", "text in quotes" } },
  { "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Goal\"}}]}",
    PL_FHIR_IMPORT_ERROR_NO_PATIENT, { "no Patient" } },
  { "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\"}}]}",
    PL_FHIR_IMPORT_ERROR_INVALID, { "Patient “p”", "name", "no name" } },
  { "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\","
    "\"name\":[{\"text\":\"A\"}],\"birthDate\":\"1941-13-45\"}}]}",
    PL_FHIR_IMPORT_ERROR_INVALID, { "Patient “p”", "birthDate", "not a date" } },
  { "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\","
    "\"name\":[{\"text\":\"A\"}],\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\","
    "\"value\":\"9434765918\"}]}}]}",
    PL_FHIR_IMPORT_ERROR_INVALID, { "Patient “p”", "nhs-number", "9434765918" } },
  { "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\","
    "\"name\":[{\"text\":\"A\"}]}},{\"resource\":{\"resourceType\":\"CarePlan\",\"id\":\"c\","
    "\"subject\":{\"reference\":\"Patient/p\"},\"goal\":[{\"reference\":\"Goal/missing\"}]}}]}",
    PL_FHIR_IMPORT_ERROR_BROKEN_REFERENCE, { "CarePlan “c”", "goal", "Goal/missing" } },
  { "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\","
    "\"name\":[{\"text\":\"A\"}]}},{\"resource\":{\"resourceType\":\"Flag\",\"id\":\"f\","
    "\"subject\":{\"reference\":\"Patient/nobody\"}}}]}",
    PL_FHIR_IMPORT_ERROR_BROKEN_REFERENCE, { "Flag “f”", "subject", "Patient/nobody" } },
  { "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\","
    "\"name\":[{\"text\":\"A\"}]}},{\"resource\":{\"resourceType\":\"CarePlan\",\"id\":\"c\","
    "\"subject\":{\"reference\":\"Patient/p\"},\"period\":{\"start\":\"next Tuesday\"}}}]}",
    PL_FHIR_IMPORT_ERROR_INVALID, { "CarePlan “c”", "period.start", "next Tuesday" } },
  { "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\","
    "\"name\":[{\"text\":\"A\"}]}},{\"resource\":{\"resourceType\":\"CarePlan\",\"id\":\"c\","
    "\"subject\":{\"reference\":\"Patient/p\"},\"activity\":[{\"detail\":{\"scheduledTiming\":"
    "{\"repeat\":{\"timeOfDay\":[\"25:99:00\"]}}}}]}}]}",
    PL_FHIR_IMPORT_ERROR_INVALID, { "CarePlan “c”", "timeOfDay", "time of day" } },
  { "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"a\","
    "\"name\":[{\"text\":\"A\"}]}},{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"b\","
    "\"name\":[{\"text\":\"B\"}]}}]}",
    PL_FHIR_IMPORT_ERROR_NO_PATIENT, { "Patient “b”", "more than one" } },
};

static void
test_bad (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *before = row_counts (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (bad_bundles); i++)
    {
      const Bad *bad = &bad_bundles[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(PlFhirImport) import = pl_fhir_import_read (bad->json, strlen (bad->json), &error);

      g_test_message ("%u: %s", i, error != NULL ? error->message : "(read)");
      g_assert_null (import);
      g_assert_error (error, PL_FHIR_IMPORT_ERROR, (int) bad->code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      for (guint j = 0; j < G_N_ELEMENTS (bad->words) && bad->words[j] != NULL; j++)
        g_assert_true (strstr (error->message, bad->words[j]) != NULL);
      /* Plain words, not JSON */
      g_assert_null (strchr (error->message, '{'));
    }
  {
    g_autofree char *after = row_counts (f->store);

    g_assert_cmpstr (before, ==, after);
  }
}

static void
test_too_deep (Fixture       *f,
               gconstpointer  data)
{
  /* As the JSON importer's fix: 100,000 levels never reach the parser */
  GString *json = g_string_new ("{\"resourceType\":\"Bundle\",\"entry\":");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlFhirImport) import = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');
  text = g_string_free (json, FALSE);

  import = pl_fhir_import_read (text, strlen (text), &error);
  g_assert_null (import);
  g_assert_error (error, PL_FHIR_IMPORT_ERROR, PL_FHIR_IMPORT_ERROR_TOO_DEEP);
  g_assert_true (strstr (error->message, "nested") != NULL);
}

static void
test_too_big (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "big.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlFhirImport) import = NULL;
  FILE *out = fopen (path, "w");

  /* A sparse file a byte over the limit: refused while it is read, never
   * held whole */
  g_assert_nonnull (out);
  g_assert_cmpint (fseek (out, PL_FHIR_IMPORT_MAX_BYTES, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc (' ', out), ==, ' ');
  g_assert_cmpint (fclose (out), ==, 0);

  import = pl_fhir_import_read_file (file, NULL, &error);
  g_assert_null (import);
  g_assert_error (error, PL_FHIR_IMPORT_ERROR, PL_FHIR_IMPORT_ERROR_TOO_BIG);
  g_assert_true (strstr (error->message, "100 MB") != NULL);
  g_unlink (path);
}

/* A save that fails at its last step leaves the database as it was */
static void
test_one_transaction (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PlFhirImport) import = read_bundle ("other-system.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;

  /* Another connection refuses the medicines, saved after the person, the
   * people involved, the plan and its visits */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER no_medicines BEFORE INSERT ON medicines "
                                     "BEGIN SELECT RAISE(ABORT, 'refused'); END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  before = row_counts (f->store);
  g_assert_false (pl_fhir_import_save (import, f->store, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  after = row_counts (f->store);
  g_assert_cmpstr (before, ==, after);
}

/* text with every from replaced by to */
static char *
replaced (const char *text,
          const char *from,
          const char *to)
{
  g_auto(GStrv) pieces = g_strsplit (text, from, -1);

  g_assert_cmpuint (g_strv_length (pieces), >, 1);
  return g_strjoinv (to, pieces);
}

/* The NHS number is the reference every care record shares: a person sent
 * under another system's reference is still the one held, while the same
 * number on someone else is refused, never joined to them */
static void
test_nhs_number (Fixture       *f,
                 gconstpointer  data)
{
  gsize len = 0;
  g_autofree char *json = read_data ("other-system.json", &len);
  g_autoptr(PlFhirImport) first = read_bundle ("other-system.json");
  g_autoptr(PlFhirImport) elsewhere = NULL;
  g_autoptr(PlFhirImport) someone_else = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *later = NULL;
  g_autofree char *renamed = NULL;
  g_autofree char *description = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 person_id = 0;
  gint64 again_id = 0;

  g_assert_true (pl_fhir_import_save (first, f->store, NULL, &person_id, NULL, &error));
  g_assert_no_error (error);

  /* From another system: its own reference, a later morning call */
  moved = replaced (json, "CL-44817", "HOSP-7731");
  later = replaced (moved, "\"08:30:00\"", "\"09:15:00\"");
  elsewhere = pl_fhir_import_read (later, strlen (later), &error);
  g_assert_no_error (error);
  description = pl_fhir_import_describe (elsewhere, f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (description, "already in Plainly, with the same NHS number"));
  g_assert_true (pl_fhir_import_save (elsewhere, f->store, NULL, &again_id, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again_id, ==, person_id);

  /* The same number on another name: one of them is wrong */
  renamed = replaced (later, "\"Okonkwo\", \"given\": [ \"Grace\"",
                      "\"Smith\", \"given\": [ \"Edna\"");
  someone_else = pl_fhir_import_read (renamed, strlen (renamed), &error);
  g_assert_no_error (error);
  before = row_counts (f->store);
  g_assert_null (pl_fhir_import_describe (someone_else, f->store, &error));
  g_assert_error (error, PL_FHIR_IMPORT_ERROR, PL_FHIR_IMPORT_ERROR_OTHER_PERSON);
  g_assert_nonnull (strstr (error->message, "already held for Grace Adaeze Okonkwo"));
  g_assert_nonnull (strstr (error->message, "Nothing was saved"));
  g_clear_error (&error);
  g_assert_false (pl_fhir_import_save (someone_else, f->store, NULL, NULL, NULL, &error));
  g_assert_error (error, PL_FHIR_IMPORT_ERROR, PL_FHIR_IMPORT_ERROR_OTHER_PERSON);
  after = row_counts (f->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_new_version (Fixture       *f,
                  gconstpointer  data)
{
  gsize len = 0;
  g_autofree char *json = read_data ("other-system.json", &len);
  g_autoptr(PlFhirImport) first = read_bundle ("other-system.json");
  g_autoptr(PlFhirImport) again = NULL;
  g_autoptr(PlFhirImport) newer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(PlPlanContent) old_content = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *description = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 person_id = 0;
  gint64 second_person = 0;
  gint64 old_plan = 0;
  gint64 new_plan = 0;
  gboolean visit_changed = FALSE;

  g_assert_true (pl_fhir_import_save (first, f->store, NULL, &person_id, &old_plan, &error));
  g_assert_no_error (error);

  /* The same bundle again changes nothing, and says so */
  again = read_bundle ("other-system.json");
  before = row_counts (f->store);
  g_assert_false (pl_fhir_import_save (again, f->store, NULL, NULL, NULL, &error));
  g_assert_error (error, PL_FHIR_IMPORT_ERROR, PL_FHIR_IMPORT_ERROR_ALREADY_HELD);
  g_clear_error (&error);
  after = row_counts (f->store);
  g_assert_cmpstr (before, ==, after);

  /* The sender's next version: the morning call later */
  {
    g_auto(GStrv) pieces = g_strsplit (json, "\"08:30:00\"", -1);

    edited = g_strjoinv ("\"09:15:00\"", pieces);
  }
  newer = pl_fhir_import_read (edited, strlen (edited), &error);
  g_assert_no_error (error);
  description = pl_fhir_import_describe (newer, f->store, &error);
  g_assert_no_error (error);
  g_assert_true (strstr (description, "added as version 4") != NULL);
  g_assert_true (pl_fhir_import_save (newer, f->store, NULL, &second_person, &new_plan, &error));
  g_assert_no_error (error);

  /* Never an overwrite: the same person, both versions kept, the old as it was */
  g_assert_cmpint (second_person, ==, person_id);
  g_assert_cmpint (new_plan, !=, old_plan);
  versions = pl_store_list_plans (f->store, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpint (((PlPlan *) versions->pdata[0])->version, ==, 3);
  g_assert_cmpint (((PlPlan *) versions->pdata[0])->status, ==, PL_PLAN_SUPERSEDED);
  g_assert_cmpint (((PlPlan *) versions->pdata[1])->version, ==, 4);
  old_content = pl_plan_content_load (f->store, old_plan, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((PlVisit *) old_content->parts[PL_PLAN_PART_VISITS]->pdata[0])->start_time,
                   ==, "08:30");

  /* History compares the two */
  changes = pl_plan_compare (f->store, old_plan, new_plan, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < changes->len; i++)
    {
      PlPlanChange *change = changes->pdata[i];

      if (change->type == &pl_visit_type && g_strcmp0 (change->field, "start_time") == 0)
        visit_changed = g_str_equal (change->old_value, "08:30") &&
                        g_str_equal (change->new_value, "09:15");
    }
  g_assert_true (visit_changed);
}

/* Resources contained in another, as GP systems send a medicine's
 * Medication and a plan's author: found by "#id" from inside it */
static void
test_contained (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PlFhirImport) import = read_bundle ("contained.json");
  GPtrArray *contacts = pl_fhir_import_get_contacts (import);
  g_autoptr(GError) error = NULL;
  const PlPlanContent *plan = pl_fhir_import_get_plan (import);
  const char * const *left_out = pl_fhir_import_get_left_out (import);
  gsize len = 0;
  g_autofree char *json = read_data ("contained.json", &len);
  g_autofree char *broken = NULL;
  g_autoptr(PlFhirImport) refused = NULL;
  gboolean author_found = FALSE, said_no_id = FALSE;
  gint64 person_id = 0, plan_id = 0;

  g_assert_nonnull (plan);
  g_assert_cmpuint (plan->parts[PL_PLAN_PART_MEDICINES]->len, ==, 1);
  g_assert_cmpstr (((PlMedicine *) plan->parts[PL_PLAN_PART_MEDICINES]->pdata[0])->name, ==,
                   "Amlodipine 5 mg tablets");
  for (guint i = 0; i < contacts->len; i++)
    author_found |= strstr (((PlContact *) contacts->pdata[i])->name, "Amara Okoye") != NULL;
  g_assert_true (author_found);
  for (guint i = 0; left_out != NULL && left_out[i] != NULL; i++)
    said_no_id |= strstr (left_out[i], "which nothing can point to") != NULL;
  g_assert_true (said_no_id);
  /* The only agent of a Provenance is its author, named by the resource
   * it contains */
  g_assert_cmpstr (plan->plan->written_elsewhere_by, ==, "Amara Okoye");
  /* and not a second person involved in it */
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_true (pl_fhir_import_save (import, f->store, NULL, &person_id, &plan_id, &error));
  g_assert_no_error (error);

  /* "#id" names only what is inside the same resource */
  {
    g_auto(GStrv) pieces = g_strsplit (json, "\"#author\"", -1);

    broken = g_strjoinv ("\"#nobody\"", pieces);
  }
  refused = pl_fhir_import_read (broken, strlen (broken), &error);
  g_assert_null (refused);
  g_assert_error (error, PL_FHIR_IMPORT_ERROR, PL_FHIR_IMPORT_ERROR_BROKEN_REFERENCE);
  g_assert_nonnull (strstr (error->message, "#nobody"));
  g_assert_nonnull (strstr (error->message, "cp-88"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/plainly/fhir-import/other-system", Fixture, NULL, fixture_setup,
              test_other_system, fixture_teardown);
  g_test_add ("/plainly/fhir-import/contained", Fixture, NULL, fixture_setup,
              test_contained, fixture_teardown);
  g_test_add ("/plainly/fhir-import/minimal", Fixture, NULL, fixture_setup,
              test_minimal, fixture_teardown);
  g_test_add ("/plainly/fhir-import/any-script", Fixture, NULL, fixture_setup,
              test_any_script, fixture_teardown);
  g_test_add ("/plainly/fhir-import/bad", Fixture, NULL, fixture_setup,
              test_bad, fixture_teardown);
  g_test_add ("/plainly/fhir-import/too-deep", Fixture, NULL, fixture_setup,
              test_too_deep, fixture_teardown);
  g_test_add ("/plainly/fhir-import/too-big", Fixture, NULL, fixture_setup,
              test_too_big, fixture_teardown);
  g_test_add ("/plainly/fhir-import/one-transaction", Fixture, NULL, fixture_setup,
              test_one_transaction, fixture_teardown);
  g_test_add ("/plainly/fhir-import/nhs-number", Fixture, NULL, fixture_setup,
              test_nhs_number, fixture_teardown);
  g_test_add ("/plainly/fhir-import/new-version", Fixture, NULL, fixture_setup,
              test_new_version, fixture_teardown);

  return g_test_run ();
}
