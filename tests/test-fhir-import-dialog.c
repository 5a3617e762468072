/* test-fhir-import-dialog.c: "Import from another care record" shows before it saves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-fhir-import-dialog-private.h"
#include "pl-gui-test-util.h"
#include "pl-test-util.h"

typedef struct
{
  char    *dir;
  PlStore *store;
  gint64   imported;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = pl_test_make_dir ("plainly-fhir-dialog");
  f->store = pl_test_open_store (f->dir, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
}

static PlFhirImport *
read_bundle (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fhir", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlFhirImport *import = pl_fhir_import_read_file (file, NULL, &error);

  g_assert_no_error (error);
  return import;
}

static void
imported_cb (PlFhirImportDialog *dialog,
             gint64              person_id,
             Fixture            *f)
{
  f->imported = person_id;
}

static void
test_shows_then_saves (Fixture       *f,
                       gconstpointer  data)
{
  PlFhirImportDialog *dialog = pl_fhir_import_dialog_new (NULL, f->store,
                                                          read_bundle ("other-system.json"));
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), f);
  gtk_window_present (GTK_WINDOW (dialog));
  pl_gui_test_run_frames (2);

  /* Before anything is saved: what it would do, what was read, what was left out */
  g_assert_true (strstr (pl_fhir_import_dialog_get_summary (dialog), "as someone new") != NULL);
  g_assert_true (strstr (pl_fhir_import_dialog_get_read (dialog), "• 2 visits.") != NULL);
  pl_gui_test_save_png (GTK_WIDGET (dialog), "fhir-import-dialog");
  g_assert_true (strstr (pl_fhir_import_dialog_get_left_out (dialog),
                         "AllergyIntolerance “al-1”: not something Plainly keeps.") != NULL);
  people = pl_store_list_people (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 0);
  g_clear_pointer (&people, g_ptr_array_unref);

  g_assert_true (gtk_widget_get_sensitive (pl_gui_test_find_named (GTK_WIDGET (dialog), "import")));
  g_assert_true (pl_fhir_import_dialog_import (dialog));
  g_assert_cmpint (f->imported, >, 0);
  people = pl_store_list_people (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
}

static void
test_already_held (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PlFhirImport) first = read_bundle ("other-system.json");
  g_autoptr(GError) error = NULL;
  PlFhirImportDialog *dialog;

  g_assert_true (pl_fhir_import_save (first, f->store, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The same again: said, and not offered */
  dialog = pl_fhir_import_dialog_new (NULL, f->store, read_bundle ("other-system.json"));
  gtk_window_present (GTK_WINDOW (dialog));
  pl_gui_test_run_frames (2);
  g_assert_true (strstr (pl_fhir_import_dialog_get_summary (dialog), "already holds") != NULL);
  g_assert_false (gtk_widget_get_sensitive (pl_gui_test_find_named (GTK_WIDGET (dialog), "import")));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

  g_test_add ("/plainly/fhir-import-dialog/shows-then-saves", Fixture, NULL, fixture_setup,
              test_shows_then_saves, fixture_teardown);
  g_test_add ("/plainly/fhir-import-dialog/already-held", Fixture, NULL, fixture_setup,
              test_already_held, fixture_teardown);

  return g_test_run ();
}
