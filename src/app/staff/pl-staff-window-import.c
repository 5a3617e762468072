/* pl-staff-window-import.c: "Import from another care record"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A FHIR bundle is read in a worker thread (up to 100 MB), then the import
 * dialog shows staff what was read and what was left out; nothing is saved
 * until they choose Import. The person imported is then listed and opened.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-staff-window-import.h"
#include "pl-staff-window-private.h"

#define DIALOG_KEY "pl-fhir-import-dialog"

static void
imported_cb (PlFhirImportDialog *dialog,
             gint64              person_id,
             PlStaffWindow      *self)
{
  pl_staff_window_fill_people (self);
  pl_staff_window_open (self, person_id, "plan");
}

static void
dialog_destroyed_cb (PlStaffWindow *self)
{
  g_object_set_data (G_OBJECT (self), DIALOG_KEY, NULL);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  PlFhirImport *import = pl_fhir_import_read_file (G_FILE (task_data), cancellable, &error);

  if (import == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, import, (GDestroyNotify) pl_fhir_import_free);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  PlStaffWindow *self = PL_STAFF_WINDOW (source);
  g_autoptr(GError) error = NULL;
  PlFhirImport *import = g_task_propagate_pointer (G_TASK (result), &error);
  PlStore *store = pl_staff_window_get_store (self);
  PlFhirImportDialog *dialog;

  if (import == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Plainly could not import that file. %s "
                                                 "Nothing was saved."), error->message);

      pl_staff_window_show_notice (self, text);
      return;
    }
  /* Signed out, or the database gone, while it was read */
  if (store == NULL || pl_staff_window_get_staff (self) == NULL)
    {
      pl_fhir_import_free (import);
      return;
    }

  dialog = pl_fhir_import_dialog_new (GTK_WINDOW (self), store, import);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (self), DIALOG_KEY, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
pl_staff_window_import_file (PlStaffWindow *self,
                             GFile         *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PL_IS_STAFF_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, NULL, read_done_cb, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_thread);
}

PlFhirImportDialog *
pl_staff_window_get_import_dialog (PlStaffWindow *self)
{
  g_return_val_if_fail (PL_IS_STAFF_WINDOW (self), NULL);
  return g_object_get_data (G_OBJECT (self), DIALOG_KEY);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     PlStaffWindow   *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  /* Signed out while the chooser was open: the file is not read */
  if (file != NULL && pl_staff_window_get_staff (self) != NULL)
    pl_staff_window_import_file (self, file);
  g_object_unref (self);
}

void
pl_staff_window_import_action_cb (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  PlStaffWindow *self = PL_STAFF_WINDOW (widget);
  const PlStaff *staff = pl_staff_window_get_staff (self);
  g_autoptr(GtkFileFilter) bundles = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) everything = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (staff == NULL)
    return;
  /* Who writes plans may bring one in */
  if (staff->role == PL_ROLE_CARE_WORKER)
    {
      pl_staff_window_show_notice (self, _("Only a care coordinator or a manager can import "
                                           "from another care record."));
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Import from Another Care Record"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Read"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (bundles, _("FHIR bundles (JSON)"));
  gtk_file_filter_add_pattern (bundles, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), bundles);
  gtk_file_filter_set_name (everything, _("All files"));
  gtk_file_filter_add_pattern (everything, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), everything);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
