/* test-fhir-staff.c: staff take a record to another care record and back,
 * through the file choosers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. A coordinator exports Dot's record with "Export for
 * another care record", choosing where in the file chooser as staff do; a
 * manager at another service brings the file in with "Import from another
 * care record", sees what was read before anything is saved, and imports
 * it. Cancelling either chooser does nothing, and a file that is not a
 * bundle is refused in words with nothing saved.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "pl-demo.h"
#include "pl-fhir-import-dialog-private.h"
#include "pl-person-pages-private.h"
#include "pl-staff.h"
#include "pl-staff-window-import.h"
#include "pl-staff-window-private.h"
#include "pl-gui-test-util.h"
#include "pl-test-util.h"

#define SAM_PASSWORD "tea-and-biscuits-7"
#define RUTH_PASSWORD "seaside-rock-1952"

typedef struct
{
  char          *dir;
  PlStore       *store;
  gint64         person_id;
  PlStaffWindow *window;
  /* Another service's, empty but for its manager */
  PlStore       *other_store;
  PlStaffWindow *other_window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStaff) manager = NULL;
  g_autoptr(PlStaff) sam = NULL;
  g_autoptr(PlStaff) ruth = NULL;
  g_autofree char *here = NULL;
  g_autofree char *there = NULL;

  f->dir = pl_test_make_dir ("plainly-fhir-staff");
  here = g_build_filename (f->dir, "here", NULL);
  there = g_build_filename (f->dir, "there", NULL);
  g_assert_cmpint (g_mkdir (here, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (there, 0700), ==, 0);

  f->store = pl_test_open_store (here, NULL);
  g_assert_true (pl_demo_install (f->store, &f->person_id, &error));
  g_assert_no_error (error);
  manager = pl_staff_create (f->store, NULL, "lorraine", "Lorraine Fisher", PL_ROLE_MANAGER,
                             "kettle-on-at-four", &error);
  g_assert_no_error (error);
  sam = pl_staff_find (f->store, "sam.patel", &error);
  g_assert_no_error (error);
  g_assert_true (pl_staff_reset_password (f->store, manager, sam->id, SAM_PASSWORD, &error));
  g_assert_no_error (error);

  f->other_store = pl_test_open_store (there, NULL);
  ruth = pl_staff_create (f->other_store, NULL, "ruth", "Ruth Okafor", PL_ROLE_MANAGER,
                          RUTH_PASSWORD, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  if (f->other_window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->other_window));
  pl_gui_test_run_frames (1);
  g_clear_pointer (&f->store, pl_store_unref);
  g_clear_pointer (&f->other_store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
}

static PlStaffWindow *
signed_in_window (PlStore    *store,
                  const char *username,
                  const char *password)
{
  PlStaffWindow *window = pl_staff_window_new (NULL, store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, window));
  g_assert_true (pl_staff_window_sign_in (window, username, password));
  return window;
}

/* The file chooser on screen, as staff see it */
static gboolean
find_chooser (gpointer data)
{
  GtkWidget **chooser = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_mapped (window))
        {
          *chooser = window;
          return TRUE;
        }
    }
  return FALSE;
}

static GtkWidget *
wait_for_chooser (void)
{
  GtkWidget *chooser = NULL;

  g_assert_true (pl_gui_test_wait_until (find_chooser, &chooser));
  return chooser;
}

typedef struct
{
  GtkWidget *chooser;
  GFile     *file;
} Choice;

static gboolean
chooser_has_file (gpointer data)
{
  Choice *choice = data;
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (choice->chooser));

  return chosen != NULL && g_file_equal (chosen, choice->file);
}

static gboolean
has_folder (gpointer data)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (data);

  return folder != NULL;
}

/* Chooses path in the chooser on screen (a new name in its folder when
 * saving, a file when opening) and presses its first button */
static void
choose (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  Choice choice = { wait_for_chooser (), file };
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (choice.chooser);

  if (gtk_file_chooser_get_action (chooser) == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);

      /* A chooser that saves goes to the folder it starts in once it has
       * been shown, which would undo a folder chosen before then */
      g_assert_true (pl_gui_test_wait_until (has_folder, chooser));
      gtk_file_chooser_set_current_folder (chooser, folder, &error);
      g_assert_no_error (error);
      gtk_file_chooser_set_current_name (chooser, name);
    }
  else
    {
      gtk_file_chooser_set_file (chooser, file, &error);
      g_assert_no_error (error);
    }
  /* The folder is read in the background before its file is chosen */
  g_assert_true (pl_gui_test_wait_until (chooser_has_file, &choice));
  gtk_dialog_response (GTK_DIALOG (choice.chooser), GTK_RESPONSE_ACCEPT);
}

static void
cancel (void)
{
  GtkWidget *chooser = wait_for_chooser ();

  /* Shown whole, as a person sees it before they press Cancel */
  g_assert_true (pl_gui_test_run_ticks (chooser, 2));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  pl_gui_test_run_frames (2);
}

static gboolean
exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
has_import_dialog (gpointer data)
{
  return pl_staff_window_get_import_dialog (data) != NULL;
}

static gboolean
has_notice (gpointer data)
{
  return pl_staff_window_get_notice (data) != NULL;
}

static void
test_export_then_import (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "dot-for-the-gp.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(PlPlan) plan = NULL;
  PlFhirImportDialog *dialog;
  PlPersonPages *pages;
  const char *message;
  GStatBuf st;

  /* Exported where the coordinator chooses, readable by them alone */
  f->window = signed_in_window (f->store, "sam.patel", SAM_PASSWORD);
  g_assert_true (pl_staff_window_open (f->window, f->person_id, "plan"));
  pages = PL_PERSON_PAGES (pl_staff_window_get_content (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pages), "person.export-fhir", NULL));
  choose (path);
  g_assert_true (pl_gui_test_wait_until (exists, path));
  message = gtk_label_get_text (pl_person_pages_get_copy_message (pages));
  g_assert_cmpstr (message, ==, "Saved for another care record as dot-for-the-gp.json.");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Brought in at another service: shown first, saved only on Import */
  f->other_window = signed_in_window (f->other_store, "ruth", RUTH_PASSWORD);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->other_window), "staff.import", NULL));
  choose (path);
  g_assert_true (pl_gui_test_wait_until (has_import_dialog, f->other_window));
  dialog = pl_staff_window_get_import_dialog (f->other_window);
  g_assert_nonnull (strstr (pl_fhir_import_dialog_get_summary (dialog), "as someone new"));
  people = pl_store_list_people (f->other_store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 0);
  g_clear_pointer (&people, g_ptr_array_unref);

  g_assert_true (pl_fhir_import_dialog_import (dialog));
  people = pl_store_list_people (f->other_store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);

  /* And the person imported is opened at their plan */
  pages = PL_PERSON_PAGES (pl_staff_window_get_content (f->other_window));
  g_assert_true (PL_IS_PERSON_PAGES (pages));
  g_assert_cmpstr (pl_person_pages_get_page (pages), ==, "plan");
  plan = pl_store_current_plan (f->other_store, pl_person_pages_get_person_id (pages), &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "care-record.json", NULL);
  PlPersonPages *pages;

  f->window = signed_in_window (f->store, "sam.patel", SAM_PASSWORD);
  g_assert_true (pl_staff_window_open (f->window, f->person_id, "plan"));
  pages = PL_PERSON_PAGES (pl_staff_window_get_content (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pages), "person.export-fhir", NULL));
  cancel ();
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (gtk_label_get_text (pl_person_pages_get_copy_message (pages)), ==, "");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "staff.import", NULL));
  cancel ();
  g_assert_null (pl_staff_window_get_import_dialog (f->window));
  g_assert_null (pl_staff_window_get_notice (f->window));
}

static void
test_not_a_bundle (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "shopping.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  const char *notice;

  g_assert_true (g_file_set_contents (path, "Milk, bread, and a birthday card for Julie\n", -1,
                                      &error));
  f->other_window = signed_in_window (f->other_store, "ruth", RUTH_PASSWORD);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->other_window), "staff.import", NULL));
  choose (path);
  g_assert_true (pl_gui_test_wait_until (has_notice, f->other_window));
  notice = pl_staff_window_get_notice (f->other_window);
  g_assert_true (g_str_has_prefix (notice, "Plainly could not import that file."));
  g_assert_true (g_str_has_suffix (notice, "Nothing was saved."));
  g_assert_null (pl_staff_window_get_import_dialog (f->other_window));
  people = pl_store_list_people (f->other_store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/plainly/fhir-staff/export-then-import", test_export_then_import);
  ADD ("/plainly/fhir-staff/cancel", test_cancel);
  ADD ("/plainly/fhir-staff/not-a-bundle", test_not_a_bundle);

  return g_test_run ();
}
