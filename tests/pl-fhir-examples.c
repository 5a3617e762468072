/* pl-fhir-examples.c: every FHIR export of the example person, to validate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   pl-fhir-examples FOLDER
 *
 * Writes into FOLDER the bundle of the example person as the person, with
 * and without each part given on request, and as their son Paul, a carer
 * who may see the plan and the diary; and a bundle from another system
 * imported and exported again: test-fhir-validate.sh checks each
 * against the FHIR R4 definitions. Prints the names written, one a line.
 */

#include "config.h"

#include <stdlib.h>

#include "pl-access.h"
#include "pl-demo.h"
#include "pl-plan-version.h"
#include "pl-fhir-export.h"
#include "pl-fhir-import.h"
#include "pl-test-util.h"

static gboolean
write_one (PlStore      *store,
           PlViewer     *viewer,
           PlFhirExtras  extras,
           const char   *folder,
           const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (folder, name, NULL);

  if (!pl_fhir_export_save (store, viewer, extras, path, &error))
    {
      g_printerr ("%s: %s\n", name, error->message);
      return FALSE;
    }
  g_print ("%s\n", name);
  return TRUE;
}

/* A comment on the latest visit, so the diary's comments are checked too */
static gboolean
add_comment (PlStore *store,
             gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = pl_store_recent_diary (store, person_id, 1, &error);
  g_autoptr(PlDiaryComment) comment = pl_diary_comment_new ();

  if (entries == NULL || entries->len == 0)
    {
      g_printerr ("No diary to comment on: %s\n", error != NULL ? error->message : "none");
      return FALSE;
    }
  comment->entry_id = ((PlDiaryEntry *) g_ptr_array_index (entries, 0))->id;
  comment->author = g_strdup ("Dot");
  comment->body = g_strdup ("Bernie made me laugh about the cat.");
  if (!pl_store_save_diary_comment (store, comment, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/* The plan agreed again: two versions, the first replaced by the second */
static gboolean
write_versions (PlStore    *store,
                PlViewer   *viewer,
                gint64      person_id,
                const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_store_current_plan (store, person_id, &error);
  gint64 next = 0;

  if (plan == NULL ||
      !pl_plan_new_version (store, plan->id, NULL, &next, &error) ||
      !pl_plan_mark_agreed (store, next, "Dot, with Julie", "Yes, that is right.", "2026-12-01",
                            NULL, &error))
    {
      g_printerr ("person-versions.json: %s\n", error->message);
      return FALSE;
    }
  return write_one (store, viewer, PL_FHIR_EXTRA_NONE, folder, "person-versions.json");
}

/* A bundle from another system, imported and exported again: the plan's
 * Provenance then gives who wrote it there, and when */
static gboolean
write_imported (PlStore    *store,
                const char *folder)
{
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *path = g_build_filename (srcdir != NULL ? srcdir : ".", "data", "fhir",
                                            "other-system.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlFhirImport) import = pl_fhir_import_read_file (file, NULL, &error);
  g_autoptr(PlViewer) viewer = NULL;
  gint64 person_id = 0;

  if (import == NULL || !pl_fhir_import_save (import, store, NULL, &person_id, NULL, &error) ||
      (viewer = pl_access_open_person (store, person_id, NULL, &error)) == NULL)
    {
      g_printerr ("imported-other-system.json: %s\n", error->message);
      return FALSE;
    }
  return write_one (store, viewer, PL_FHIR_EXTRA_NONE, folder, "imported-other-system.json");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlViewer) person = NULL;
  g_autoptr(PlViewer) carer = NULL;
  g_autoptr(PlViewer) carer_reading = NULL;
  gint64 person_id = 0;
  gboolean all_written;

  if (argc != 2)
    {
      g_printerr ("Usage: pl-fhir-examples FOLDER\n");
      return 2;
    }

  dir = pl_test_make_dir ("plainly-fhir-examples");
  store = pl_test_open_store (dir, NULL);
  if (!pl_demo_install (store, &person_id, &error) ||
      (person = pl_access_open_person (store, person_id, NULL, &error)) == NULL ||
      (carer = pl_access_open_carer (store, 1, NULL, &error)) == NULL ||
      (carer_reading = pl_viewer_for_person (store, carer, person_id, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      pl_test_remove_dir (dir);
      return 1;
    }

  if (!add_comment (store, person_id))
    {
      pl_test_remove_dir (dir);
      return 1;
    }
  all_written = write_one (store, person, PL_FHIR_EXTRA_NONE, argv[1], "person-plan.json") &&
                write_one (store, person, PL_FHIR_EXTRA_WELCOME, argv[1], "person-welcome.json") &&
                write_one (store, person, PL_FHIR_EXTRA_COMPLAINTS, argv[1], "person-complaints.json") &&
                write_one (store, person, PL_FHIR_EXTRA_DIARY, argv[1], "person-diary.json") &&
                write_one (store, person, PL_FHIR_EXTRAS_ALL, argv[1], "person-all.json") &&
                write_one (store, carer_reading, PL_FHIR_EXTRA_NONE, argv[1], "carer-plan.json") &&
                write_one (store, carer_reading, PL_FHIR_EXTRA_DIARY, argv[1], "carer-diary.json") &&
                write_versions (store, person, person_id, argv[1]) &&
                write_imported (store, argv[1]);

  g_clear_pointer (&store, pl_store_unref);
  pl_test_remove_dir (dir);
  return all_written ? 0 : 1;
}
