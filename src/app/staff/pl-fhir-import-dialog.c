/* pl-fhir-import-dialog.c: what was read from another care record, before it is saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle from another system holds more than Plainly keeps, and less:
 * staff see both, and what saving would do to someone already held (a new
 * version of their plan, never an overwrite), before anything is saved.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-fhir-import-dialog-private.h"

struct _PlFhirImportDialog
{
  AdwWindow     parent_instance;

  /* template */
  GtkLabel     *summary_label;
  GtkLabel     *read_label;
  GtkWidget    *left_out_heading;
  GtkLabel     *left_out_label;
  GtkLabel     *error_label;
  GtkWidget    *import_button;

  PlStore      *store;   /* borrowed */
  PlFhirImport *import;
  char         *error;
};

G_DEFINE_FINAL_TYPE (PlFhirImportDialog, pl_fhir_import_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (PlFhirImportDialog *self,
            const char         *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* One line each, as a list a screen reader reads line by line */
static char *
as_list (const char * const *lines)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (text, "%s• %s", i > 0 ? "\n" : "", lines[i]);
  return g_string_free (text, FALSE);
}

gboolean
pl_fhir_import_dialog_import (PlFhirImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 person_id = 0;

  g_return_val_if_fail (PL_IS_FHIR_IMPORT_DIALOG (self), FALSE);

  if (!pl_fhir_import_save (self->import, self->store, NULL, &person_id, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("%s Nothing was saved."), error->message);

      show_error (self, message);
      return FALSE;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, person_id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

const char *
pl_fhir_import_dialog_get_error (PlFhirImportDialog *self)
{
  g_return_val_if_fail (PL_IS_FHIR_IMPORT_DIALOG (self), NULL);
  return self->error;
}

const char *
pl_fhir_import_dialog_get_summary (PlFhirImportDialog *self)
{
  g_return_val_if_fail (PL_IS_FHIR_IMPORT_DIALOG (self), NULL);
  return gtk_label_get_text (self->summary_label);
}

const char *
pl_fhir_import_dialog_get_read (PlFhirImportDialog *self)
{
  g_return_val_if_fail (PL_IS_FHIR_IMPORT_DIALOG (self), NULL);
  return gtk_label_get_text (self->read_label);
}

const char *
pl_fhir_import_dialog_get_left_out (PlFhirImportDialog *self)
{
  g_return_val_if_fail (PL_IS_FHIR_IMPORT_DIALOG (self), NULL);
  return gtk_label_get_text (self->left_out_label);
}

static void
import_clicked_cb (PlFhirImportDialog *self)
{
  pl_fhir_import_dialog_import (self);
}

PlFhirImportDialog *
pl_fhir_import_dialog_new (GtkWindow    *parent,
                           PlStore      *store,
                           PlFhirImport *import)
{
  PlFhirImportDialog *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *read = NULL;
  g_autofree char *left_out = NULL;
  const char * const *left_out_lines;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (import != NULL, NULL);

  self = g_object_new (PL_TYPE_FHIR_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = store;
  self->import = import;

  /* Refused before it is tried (all of it is held already): said, and
   * Import is not offered */
  summary = pl_fhir_import_describe (import, store, &error);
  if (summary == NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      gtk_widget_set_sensitive (self->import_button, FALSE);
    }
  else
    gtk_label_set_text (self->summary_label, summary);

  read = as_list (pl_fhir_import_get_read (import));
  gtk_label_set_text (self->read_label, read);
  left_out_lines = pl_fhir_import_get_left_out (import);
  left_out = as_list (left_out_lines);
  gtk_label_set_text (self->left_out_label, left_out);
  gtk_widget_set_visible (self->left_out_heading, left_out_lines[0] != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->left_out_label), left_out_lines[0] != NULL);
  return self;
}

static void
pl_fhir_import_dialog_finalize (GObject *object)
{
  PlFhirImportDialog *self = PL_FHIR_IMPORT_DIALOG (object);

  g_clear_pointer (&self->import, pl_fhir_import_free);
  g_free (self->error);

  G_OBJECT_CLASS (pl_fhir_import_dialog_parent_class)->finalize (object);
}

static void
pl_fhir_import_dialog_class_init (PlFhirImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pl_fhir_import_dialog_finalize;

  signals[SIGNAL_IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/plainly/Plainly/ui/pl-fhir-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlFhirImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PlFhirImportDialog, read_label);
  gtk_widget_class_bind_template_child (widget_class, PlFhirImportDialog, left_out_heading);
  gtk_widget_class_bind_template_child (widget_class, PlFhirImportDialog, left_out_label);
  gtk_widget_class_bind_template_child (widget_class, PlFhirImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PlFhirImportDialog, import_button);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_fhir_import_dialog_init (PlFhirImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
