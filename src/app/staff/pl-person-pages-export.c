/* pl-person-pages-export.c: "Export for another care record"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The person's record as a FHIR R4 bundle (pl-fhir-export.h), as this
 * member of staff may see it, with every part their role lets them open,
 * written where staff choose.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "pl-access.h"
#include "pl-fhir-export.h"
#include "pl-person-pages-private.h"
#include "pl-widget-util.h"

/* Every part the reader may open comes too: what another care record
 * needs in full, and nothing the role may not see */
static PlFhirExtras
extras_for (PlViewer *viewer)
{
  PlFhirExtras extras = PL_FHIR_EXTRA_NONE;

  if (pl_viewer_may_open (viewer, PL_DOCUMENT_WELCOME, NULL))
    extras |= PL_FHIR_EXTRA_WELCOME;
  if (pl_viewer_may_open (viewer, PL_DOCUMENT_COMPLAINT, NULL))
    extras |= PL_FHIR_EXTRA_COMPLAINTS;
  if (pl_viewer_may_open (viewer, PL_DOCUMENT_DIARY, NULL))
    extras |= PL_FHIR_EXTRA_DIARY;
  return extras;
}

gboolean
pl_person_pages_export_fhir (PlPersonPages  *self,
                             GFile          *file,
                             GError        **error)
{
  g_autoptr(PlViewer) staff = NULL;
  g_autoptr(PlViewer) viewer = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  PlStore *store;
  const PlStaff *member;
  gint64 person_id;

  g_return_val_if_fail (PL_IS_PERSON_PAGES (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  store = pl_person_pages_get_store (self);
  member = pl_person_pages_get_staff (self);
  person_id = pl_person_pages_get_person_id (self);
  path = g_file_get_path (file);
  if (store == NULL || member == NULL || person_id == 0 || path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Choose a file on this computer, with a person open."));
      return FALSE;
    }

  staff = pl_access_open_staff (store, member, error);
  if (staff != NULL)
    viewer = pl_viewer_for_person (store, staff, person_id, error);
  if (viewer == NULL || !pl_fhir_export_save (store, viewer, extras_for (viewer), path, error))
    return FALSE;

  name = g_file_get_basename (file);
  /* Translators: %s is the name of the file saved */
  message = g_strdup_printf (_("Saved for another care record as %s."), name);
  pl_widget_set_message (pl_person_pages_get_copy_message (self), message);
  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     PlPersonPages   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL && !pl_person_pages_export_fhir (self, file, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                   _("The record could not be exported"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
  g_object_unref (self);
}

void
pl_person_pages_export_action_cb (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  PlPersonPages *self = PL_PERSON_PAGES (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Export for Another Care Record"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("FHIR bundle (JSON)"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "care-record.json");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
