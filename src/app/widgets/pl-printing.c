/* pl-printing.c: large-print paper and PDF copies from the reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NG21 1.2.4 and 1.3.21: a copy of the plan in a format that meets the
 * person's needs. Paper and PDF come from one renderer (pl-print.c), so
 * what is printed is what is saved.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include <adwaita.h>

#include "pl-print-easyread.h"
#include "pl-printing.h"

typedef struct
{
  PlDocument       *document;
  PlPrintOptions   *options;
  gboolean          easy_read;
  PlSymbolPlace     symbols;
  PlPrintLayout    *layout;       /* the pages as laid out for the printer */
  PlEasyReadLayout *easy_layout;  /* or in easy read */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->document);
  g_clear_pointer (&job->options, pl_print_options_free);
  g_clear_object (&job->layout);
  g_clear_pointer (&job->easy_layout, pl_easy_read_layout_free);
  g_free (job);
}

/* Lays the job out for paper of width by height points: how many pages */
static guint
lay_out (PrintJob     *job,
         PangoContext *pango,
         double        width,
         double        height)
{
  g_clear_object (&job->layout);
  g_clear_pointer (&job->easy_layout, pl_easy_read_layout_free);
  if (job->easy_read)
    {
      job->easy_layout = pl_easy_read_layout_new (job->document, job->options, job->symbols,
                                                   pango, width, height);
      return pl_easy_read_layout_get_n_pages (job->easy_layout);
    }
  job->layout = pl_print_layout_new (job->document, job->options, pango, width, height);
  return pl_print_layout_paginate (job->layout);
}

static void
draw_page (PrintJob *job,
           cairo_t  *cr,
           guint     page)
{
  if (job->easy_layout != NULL)
    pl_easy_read_layout_render_page (job->easy_layout, cr, page);
  else
    pl_print_layout_render_page (job->layout, cr, page);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  guint n_pages = lay_out (job, pango, gtk_print_context_get_width (context),
                           gtk_print_context_get_height (context));

  g_object_unref (pango);
  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  draw_page (job, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

guint
pl_printing_draw_pages (PlDocument           *document,
                        const PlPrintOptions *options,
                        gboolean              easy_read,
                        PlSymbolPlace         symbols,
                        cairo_t              *cr,
                        double                page_width,
                        double                page_height)
{
  PrintJob job = { document, (PlPrintOptions *) options, easy_read, symbols, NULL, NULL };
  PangoContext *pango = pango_cairo_create_context (cr);
  guint n_pages = lay_out (&job, pango, page_width, page_height);

  g_object_unref (pango);
  for (guint page = 0; page < n_pages; page++)
    {
      draw_page (&job, cr, page);
      cairo_show_page (cr);
    }
  g_clear_object (&job.layout);
  g_clear_pointer (&job.easy_layout, pl_easy_read_layout_free);
  return n_pages;
}

static void
print_document (GtkWindow            *parent,
                PlDocument           *document,
                const PlPrintOptions *options,
                gboolean              easy_read,
                PlSymbolPlace         symbols)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  PrintJob *job = g_new0 (PrintJob, 1);

  g_return_if_fail (PL_IS_DOCUMENT (document));

  job->document = g_object_ref (document);
  job->options = pl_print_options_copy (options);
  job->easy_read = easy_read;
  job->symbols = symbols;

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, pl_document_get_title (document));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_object_set_data_full (G_OBJECT (operation), "pl-print-job", job, (GDestroyNotify) print_job_free);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GtkWidget *dialog = adw_message_dialog_new (parent, _("Plainly could not print"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

void
pl_printing_print (GtkWindow            *parent,
                   PlDocument           *document,
                   const PlPrintOptions *options)
{
  print_document (parent, document, options, FALSE, PL_SYMBOLS_BESIDE);
}

void
pl_printing_print_easy_read (GtkWindow            *parent,
                             PlDocument           *document,
                             const PlPrintOptions *options,
                             PlSymbolPlace         symbols)
{
  print_document (parent, document, options, TRUE, symbols);
}

typedef struct
{
  PlDocument     *document;
  PlPrintOptions *options;
  void          (*done) (gpointer user_data, const char *message);
  gpointer        user_data;
  gboolean        easy_read;
  PlSymbolPlace   symbols;
  char           *path;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->document);
  g_clear_pointer (&job->options, pl_print_options_free);
  g_free (job->path);
  g_free (job);
}

/* Easy read is written in a thread of its own, as the PDF is: its
 * pictures are drawn one by one */
static void
save_easy_read_thread (GTask        *task,
                       gpointer      source,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (pl_print_save_easy_read_pdf (job->document, job->options, job->symbols, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
easy_read_saved_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (job->done != NULL)
    {
      if (g_task_propagate_boolean (G_TASK (result), &error))
        job->done (job->user_data, _("The PDF in easy read is saved."));
      else
        job->done (job->user_data, error->message);
    }
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveJob *job = user_data;
  g_autoptr(GError) error = NULL;

  if (job->done != NULL)
    {
      if (pl_print_save_pdf_finish (result, &error))
        job->done (job->user_data, _("The PDF is saved."));
      else
        job->done (job->user_data, error->message);
    }
  save_job_free (job);
}

static void
start_saving (SaveJob    *job,
              const char *path)
{
  if (job->easy_read)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, easy_read_saved_cb, NULL);

      job->path = g_strdup (path);
      g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
      g_task_run_in_thread (task, save_easy_read_thread);
    }
  else
    pl_print_save_pdf_async (job->document, job->options, path, NULL, NULL, NULL, saved_cb, job);
}

static SaveJob *
save_job_new (PlDocument           *document,
              const PlPrintOptions *options,
              gboolean              easy_read,
              PlSymbolPlace         symbols,
              void                (*done) (gpointer user_data, const char *message),
              gpointer              user_data)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->document = g_object_ref (document);
  job->options = pl_print_options_copy (options);
  job->done = done;
  job->user_data = user_data;
  job->easy_read = easy_read;
  job->symbols = symbols;
  return job;
}

void
pl_printing_save_pdf_to (PlDocument           *document,
                         const PlPrintOptions *options,
                         gboolean              easy_read,
                         PlSymbolPlace         symbols,
                         const char           *path,
                         void                (*done) (gpointer user_data, const char *message),
                         gpointer              user_data)
{
  g_return_if_fail (PL_IS_DOCUMENT (document));
  g_return_if_fail (path != NULL);

  start_saving (save_job_new (document, options, easy_read, symbols, done, user_data), path);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     SaveJob         *job)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);

  if (path != NULL)
    start_saving (job, path);
  else
    save_job_free (job);

  g_object_unref (chooser);
}

static void
save_pdf (GtkWindow            *parent,
          PlDocument           *document,
          const PlPrintOptions *options,
          gboolean              easy_read,
          PlSymbolPlace         symbols,
          void                (*done) (gpointer user_data, const char *message),
          gpointer              user_data)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autofree char *file_title = NULL;
  SaveJob *job = save_job_new (document, options, easy_read, symbols, done, user_data);

  chooser = gtk_file_chooser_native_new (_("Save as PDF"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  file_title = pl_document_dup_file_title (document);
  /* Translators: the suggested file name; %s is the document's title */
  name = g_strdup_printf (_("%s.pdf"), file_title);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
pl_printing_save_pdf (GtkWindow            *parent,
                      PlDocument           *document,
                      const PlPrintOptions *options,
                      void                (*done) (gpointer user_data, const char *message),
                      gpointer              user_data)
{
  g_return_if_fail (PL_IS_DOCUMENT (document));

  save_pdf (parent, document, options, FALSE, PL_SYMBOLS_BESIDE, done, user_data);
}

void
pl_printing_save_easy_read_pdf (GtkWindow            *parent,
                                PlDocument           *document,
                                const PlPrintOptions *options,
                                PlSymbolPlace         symbols,
                                void                (*done) (gpointer user_data, const char *message),
                                gpointer              user_data)
{
  g_return_if_fail (PL_IS_DOCUMENT (document));

  save_pdf (parent, document, options, TRUE, symbols, done, user_data);
}
