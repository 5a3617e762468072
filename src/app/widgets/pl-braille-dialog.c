/* pl-braille-dialog.c: "Save Braille Copy": grade, page size, a preview, then where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NG21 1.2.5 and the Accessible Information Standard: a copy in the
 * person's format. The grade and page size start from the person's needs
 * (contracted UEB, 40 cells by 25 lines, unless they say otherwise); the
 * copy is made in core (pl-braille.c) through the same PlOutputFile as the
 * command line, off the main thread. The preview is made only while it is
 * open, and again when an option changes.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-braille-dialog-private.h"
#include "pl-widget-util.h"

struct _PlBrailleDialog
{
  AdwWindow         parent_instance;

  /* template */
  GtkLabel         *intro;
  GtkCheckButton   *grade_2_check;
  GtkCheckButton   *grade_1_check;
  GtkSpinButton    *cells_spin;
  GtkSpinButton    *lines_spin;
  GtkLabel         *message;
  GtkExpander      *preview_expander;
  PlBraillePreview *preview;
  GtkWidget        *save_button;
  GtkWidget        *cancel_button;

  PlDocument       *document;
  char             *language;
  GCancellable     *preview_cancellable;  /* the preview being made, or NULL */
  gboolean          preview_stale;        /* the options changed since it was made */
  gboolean          busy;                 /* saving */
  GtkNativeDialog  *chooser;
};

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PlBrailleDialog, pl_braille_dialog, ADW_TYPE_WINDOW)

PlBrailleOptions *
pl_braille_dialog_get_options (PlBrailleDialog *self)
{
  PlBrailleOptions *options;

  g_return_val_if_fail (PL_IS_BRAILLE_DIALOG (self), NULL);

  options = pl_braille_options_new ();
  options->grade = gtk_check_button_get_active (self->grade_1_check) ? 1 : 2;
  options->cells = (guint) gtk_spin_button_get_value_as_int (self->cells_spin);
  options->lines = (guint) gtk_spin_button_get_value_as_int (self->lines_spin);
  options->language = g_strdup (self->language);
  return options;
}

static void
formatted_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PlBrailleDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *brf = pl_braille_format_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->preview_cancellable);
  if (brf == NULL)
    {
      pl_braille_preview_set_brf (self->preview, NULL);
      pl_widget_set_message (self->message, error->message);
      return;
    }
  pl_braille_preview_set_brf (self->preview, brf);
}

static void
update_preview (PlBrailleDialog *self)
{
  g_autoptr(PlBrailleOptions) options = NULL;

  self->preview_stale = TRUE;
  /* A preview no one has opened is not made */
  if (!gtk_expander_get_expanded (self->preview_expander))
    return;

  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  self->preview_cancellable = g_cancellable_new ();
  self->preview_stale = FALSE;

  options = pl_braille_dialog_get_options (self);
  pl_braille_format_async (self->document, options, self->preview_cancellable,
                           formatted_cb, g_object_ref (self));
}

static void
options_changed_cb (PlBrailleDialog *self)
{
  update_preview (self);
}

static void
expanded_cb (PlBrailleDialog *self)
{
  if (gtk_expander_get_expanded (self->preview_expander) && self->preview_stale)
    update_preview (self);
}

void
pl_braille_dialog_set_grade (PlBrailleDialog *self,
                             int              grade)
{
  g_return_if_fail (PL_IS_BRAILLE_DIALOG (self));

  gtk_check_button_set_active (grade == 1 ? self->grade_1_check : self->grade_2_check, TRUE);
}

static void
set_busy (PlBrailleDialog *self,
          gboolean         busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->save_button, !busy);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PlBrailleDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!pl_braille_save_finish (result, &error))
    {
      /* A full disk or a folder it may not write in: said plainly, and the
       * dialog stays so another place can be chosen */
      pl_widget_set_message (self->message, error->message);
      return;
    }
  pl_widget_set_message (self->message, NULL);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, _("The braille copy is saved."));
  gtk_window_close (GTK_WINDOW (self));
}

void
pl_braille_dialog_save_to (PlBrailleDialog *self,
                           const char      *path)
{
  g_autoptr(PlBrailleOptions) options = NULL;

  g_return_if_fail (PL_IS_BRAILLE_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->busy)
    return;
  options = pl_braille_dialog_get_options (self);
  set_busy (self, TRUE);
  pl_widget_set_message (self->message, _("Saving the braille copy…"));
  pl_braille_save_async (self->document, options, path, NULL, saved_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     PlBrailleDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  g_clear_object (&self->chooser);

  if (path != NULL)
    pl_braille_dialog_save_to (self, path);
}

static void
save_clicked_cb (PlBrailleDialog *self)
{
  g_autoptr(GtkFileFilter) brf = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *file_title = NULL;
  GtkFileChooserNative *chooser;

  if (self->busy)
    return;
  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (self->chooser);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Save Braille Copy"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (brf, _("Braille for an embosser (BRF)"));
  gtk_file_filter_add_pattern (brf, "*.brf");
  gtk_file_filter_add_pattern (brf, "*.BRF");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), brf);
  file_title = pl_document_dup_file_title (self->document);
  /* Translators: the suggested file name; %s is the document's title */
  name = g_strdup_printf (_("%s.brf"), file_title);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

gboolean
pl_braille_dialog_is_busy (PlBrailleDialog *self)
{
  g_return_val_if_fail (PL_IS_BRAILLE_DIALOG (self), FALSE);
  return self->busy;
}

gboolean
pl_braille_dialog_is_previewing (PlBrailleDialog *self)
{
  g_return_val_if_fail (PL_IS_BRAILLE_DIALOG (self), FALSE);
  return self->preview_cancellable != NULL;
}

const char *
pl_braille_dialog_get_message (PlBrailleDialog *self)
{
  g_return_val_if_fail (PL_IS_BRAILLE_DIALOG (self), NULL);
  return pl_widget_get_message (self->message);
}

PlBraillePreview *
pl_braille_dialog_get_preview (PlBrailleDialog *self)
{
  g_return_val_if_fail (PL_IS_BRAILLE_DIALOG (self), NULL);
  return self->preview;
}

static void
pl_braille_dialog_dispose (GObject *object)
{
  PlBrailleDialog *self = PL_BRAILLE_DIALOG (object);

  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->document);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (pl_braille_dialog_parent_class)->dispose (object);
}

static void
pl_braille_dialog_class_init (PlBrailleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_braille_dialog_dispose;

  /* Words for the reader: the copy is saved */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (PL_TYPE_BRAILLE_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/plainly/Plainly/ui/pl-braille-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlBrailleDialog, intro);
  gtk_widget_class_bind_template_child (widget_class, PlBrailleDialog, grade_2_check);
  gtk_widget_class_bind_template_child (widget_class, PlBrailleDialog, grade_1_check);
  gtk_widget_class_bind_template_child (widget_class, PlBrailleDialog, cells_spin);
  gtk_widget_class_bind_template_child (widget_class, PlBrailleDialog, lines_spin);
  gtk_widget_class_bind_template_child (widget_class, PlBrailleDialog, message);
  gtk_widget_class_bind_template_child (widget_class, PlBrailleDialog, preview_expander);
  gtk_widget_class_bind_template_child (widget_class, PlBrailleDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, PlBrailleDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PlBrailleDialog, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, expanded_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_braille_dialog_init (PlBrailleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* "Cancel", not "_Cancel Cancel"; "Save braille copy", not with "Save…" after */
  pl_widget_fix_mnemonic_buttons (GTK_WIDGET (self->cancel_button));
  pl_widget_name_mnemonic_button (self->save_button, _("Save braille copy"));
  gtk_spin_button_set_range (self->cells_spin, PL_BRAILLE_MIN_CELLS, PL_BRAILLE_MAX_CELLS);
  gtk_spin_button_set_range (self->lines_spin, PL_BRAILLE_MIN_LINES, PL_BRAILLE_MAX_LINES);
  self->preview_stale = TRUE;
}

PlBrailleDialog *
pl_braille_dialog_new (GtkWindow              *parent,
                       PlDocument             *document,
                       const PlBrailleOptions *options,
                       gboolean                show_preview)
{
  g_autoptr(PlBrailleOptions) defaults = NULL;
  PlBrailleDialog *self;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);

  if (options == NULL)
    options = defaults = pl_braille_options_new ();

  self = g_object_new (PL_TYPE_BRAILLE_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->language = g_strdup (options->language);
  gtk_label_set_label (self->intro,
                       pl_braille_options_is_welsh (options)
                       ? _("Welsh braille, in pages ready for an embosser or a braille display (a BRF file).")
                       : _("Unified English Braille, in pages ready for an embosser or a braille display (a BRF file)."));

  /* Set before the preview can be made, so it is made once */
  g_signal_handlers_block_by_func (self->grade_1_check, options_changed_cb, self);
  g_signal_handlers_block_by_func (self->cells_spin, options_changed_cb, self);
  g_signal_handlers_block_by_func (self->lines_spin, options_changed_cb, self);
  pl_braille_dialog_set_grade (self, options->grade);
  gtk_spin_button_set_value (self->cells_spin, options->cells);
  gtk_spin_button_set_value (self->lines_spin, options->lines);
  g_signal_handlers_unblock_by_func (self->grade_1_check, options_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->cells_spin, options_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->lines_spin, options_changed_cb, self);

  gtk_expander_set_expanded (self->preview_expander, show_preview);
  if (!show_preview)
    gtk_window_set_default_size (GTK_WINDOW (self), 640, -1);
  return self;
}
