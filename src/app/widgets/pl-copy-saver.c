/* pl-copy-saver.c: a document saved as sound or as a talking book
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NG21 1.2.5 asks for information in the person's format: for some that
 * is a sound file for their phone, for others a talking book that shows
 * each sentence as it is said. Both take a while for a long plan, so this
 * window says how far it has gone and lets whoever asked stop it; what
 * came of it is said in words the reader's window can show and speak.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include "pl-i18n.h"

#include "pl-audio.h"
#include "pl-copy-saver-private.h"

struct _PlCopySaver
{
  GtkWindow        parent_instance;

  /* template */
  GtkLabel        *label;
  GtkProgressBar  *progress;
  GtkWidget       *stop_button;

  PlDocument      *document;
  PlSpeech        *speech;
  PlEpubOptions   *options;
  PlCopyKind       kind;
  GtkNativeDialog *chooser;
  GCancellable    *cancellable;  /* the copy being saved, or NULL */
  gboolean         done;         /* "done" was said */
};

enum
{
  SIGNAL_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PlCopySaver, pl_copy_saver, GTK_TYPE_WINDOW)

/* Says what came of it, once, and goes */
static void
finish (PlCopySaver *self,
        const char  *words)
{
  if (!self->done)
    {
      self->done = TRUE;
      g_signal_emit (self, signals[SIGNAL_DONE], 0, words);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  PlCopySaver *self = user_data;

  gtk_progress_bar_set_fraction (self->progress, fraction);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PlCopySaver) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean book = self->kind == PL_COPY_TALKING_BOOK;
  gboolean saved;

  saved = book ? pl_epub_save_finish (result, &error)
               : pl_speech_save_audio_finish (PL_SPEECH (source), result, &error);
  g_clear_object (&self->cancellable);
  if (saved)
    finish (self, book ? _("The talking book is saved.") : _("The sound file is saved."));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    finish (self, book ? _("Saving the talking book was stopped. Nothing was saved.")
                       : _("Saving the sound file was stopped. Nothing was saved."));
  else
    finish (self, error->message);
}

void
pl_copy_saver_save_to (PlCopySaver *self,
                       const char  *path)
{
  g_return_if_fail (PL_IS_COPY_SAVER (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->cancellable == NULL);

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (self->stop_button);

  self->cancellable = g_cancellable_new ();
  if (self->kind == PL_COPY_TALKING_BOOK)
    pl_epub_save_async (self->document, self->options, self->speech, path, progress_cb, self,
                        self->cancellable, saved_cb, g_object_ref (self));
  else
    pl_speech_save_audio_async (self->speech, self->document, 0, PL_SPEECH_TO_END, path,
                                progress_cb, self, self->cancellable, saved_cb, g_object_ref (self));
}

gboolean
pl_copy_saver_is_busy (PlCopySaver *self)
{
  g_return_val_if_fail (PL_IS_COPY_SAVER (self), FALSE);

  return self->cancellable != NULL;
}

void
pl_copy_saver_stop (PlCopySaver *self)
{
  g_return_if_fail (PL_IS_COPY_SAVER (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     PlCopySaver     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  gboolean book = self->kind == PL_COPY_TALKING_BOOK;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (path == NULL)
    {
      /* Nothing chosen: nothing to say */
      self->done = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  /* A name with no ending gets the one phones play: the format goes by it */
  base = g_path_get_basename (path);
  if (book ? !g_str_has_suffix (base, ".epub") : strchr (base, '.') == NULL)
    {
      char *named = g_strconcat (path, ".",
                                 book ? "epub" : pl_audio_format_extension (PL_AUDIO_FORMAT_MP3),
                                 NULL);

      g_free (path);
      path = named;
    }
  pl_copy_saver_save_to (self, path);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

PlCopySaver *
pl_copy_saver_ask (GtkWindow     *parent,
                   PlDocument    *document,
                   PlSpeech      *speech,
                   PlEpubOptions *options,
                   PlCopyKind     kind)
{
  PlCopySaver *self = pl_copy_saver_new (parent, document, speech, options, kind);
  gboolean book = kind == PL_COPY_TALKING_BOOK;
  g_autofree char *name = NULL;
  g_autofree char *file_title = pl_document_dup_file_title (document);
  GtkFileChooser *chooser;

  self->chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (gtk_window_get_title (GTK_WINDOW (self)),
                                                                  parent,
                                                                  GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                  _("_Save"), _("_Cancel")));
  chooser = GTK_FILE_CHOOSER (self->chooser);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  if (book)
    {
      add_filter (chooser, _("Talking book (EPUB), read and heard together"), "*.epub");
      /* Translators: the suggested file name; %s is the document's title */
      name = g_strdup_printf (_("%s.epub"), file_title);
    }
  else
    {
      add_filter (chooser, _("MP3 sound, for phones and most players"), "*.mp3");
      add_filter (chooser, _("Ogg Vorbis sound"), "*.ogg");
      add_filter (chooser, _("WAV sound, not compressed"), "*.wav");
      /* Translators: the suggested file name; %s is the document's title */
      name = g_strdup_printf (_("%s.mp3"), file_title);
    }
  gtk_file_chooser_set_current_name (chooser, name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (self->chooser);
  return self;
}

PlCopySaver *
pl_copy_saver_new (GtkWindow     *parent,
                   PlDocument    *document,
                   PlSpeech      *speech,
                   PlEpubOptions *options,
                   PlCopyKind     kind)
{
  PlCopySaver *self;
  gboolean book = kind == PL_COPY_TALKING_BOOK;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (PL_IS_SPEECH (speech), NULL);

  self = g_object_new (PL_TYPE_COPY_SAVER, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->speech = g_object_ref (speech);
  self->kind = kind;
  self->options = options != NULL ? options : pl_epub_options_for_reader (NULL, NULL, document);
  gtk_window_set_title (GTK_WINDOW (self), book ? _("Saving as a Talking Book") : _("Saving as Audio"));
  gtk_label_set_label (self->label,
                       book ? _("Saving the talking book. This can take a minute for a long plan.")
                            : _("Saving the sound file. This can take a minute for a long plan."));
  return self;
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  pl_copy_saver_stop (PL_COPY_SAVER (widget));
  return TRUE;
}

static void
pl_copy_saver_dispose (GObject *object)
{
  PlCopySaver *self = PL_COPY_SAVER (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->document);
  g_clear_object (&self->speech);
  g_clear_pointer (&self->options, pl_epub_options_free);

  G_OBJECT_CLASS (pl_copy_saver_parent_class)->dispose (object);
}

static void
pl_copy_saver_class_init (PlCopySaverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_copy_saver_dispose;

  /* Words for the reader: saved, stopped, or why not */
  signals[SIGNAL_DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/plainly/Plainly/ui/pl-copy-saver.ui");
  gtk_widget_class_bind_template_child (widget_class, PlCopySaver, label);
  gtk_widget_class_bind_template_child (widget_class, PlCopySaver, progress);
  gtk_widget_class_bind_template_child (widget_class, PlCopySaver, stop_button);
  gtk_widget_class_bind_template_callback (widget_class, pl_copy_saver_stop);
  /* Escape stops, as the window cannot be closed otherwise */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
pl_copy_saver_init (PlCopySaver *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
