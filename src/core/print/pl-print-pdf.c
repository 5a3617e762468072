/* pl-print-pdf.c: the large-print PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages of a PlPrintLayout into a PDF with an outline of the parts,
 * written through PlOutputFile: 0600, whole or not at all.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"
#include <cairo-pdf.h>

#include "pl-document.h"
#include "pl-output-file.h"
#include "pl-print.h"
#include "pl-print-private.h"

/* The PDF file */

/* Cairo 1.16 asserts or crashes in its own clean-up when a write fails part
 * way (seen with a full disk), so the stream never reports a failure to it:
 * the first one is kept by the PlOutputFile, the rest of the data is
 * dropped, and the save fails when Cairo has finished. */
static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  PlOutputFile *output = closure;

  pl_output_file_write (output, data, length, NULL);
  return CAIRO_STATUS_SUCCESS;
}

static void
add_outline (PlPrintLayout   *self,
             cairo_surface_t *surface)
{
  int parents[4] = { CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT,
                     CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT };

  PlDocument *document = pl_print_layout_get_document (self);
  int text_top = (int) pl_print_layout_get_text_top (self);

  for (guint i = 0; i < pl_document_get_n_blocks (document); i++)
    {
      const PlBlock *block = pl_document_get_block (document, i);
      int page = pl_print_layout_get_block_page (self, i);
      g_autofree char *attrs = NULL;
      int level, id;

      if (block->kind != PL_BLOCK_HEADING || page < 0 || block->level > 3)
        continue;
      level = CLAMP (block->level, 1, 3);
      attrs = g_strdup_printf ("page=%d pos=[0 %d]", page + 1, text_top);
      id = cairo_pdf_surface_add_outline (surface, parents[level - 1], block->text, attrs,
                                          level < 3 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      for (int l = level; l < 4; l++)
        parents[l] = id;
    }
}

gboolean
pl_print_save_pdf (PlDocument           *document,
                   const PlPrintOptions *options,
                   const char           *path,
                   GCancellable         *cancellable,
                   PlPrintProgressFunc   progress,
                   gpointer              user_data,
                   GError              **error)
{
  g_autoptr(PlPrintLayout) layout = NULL;
  g_autoptr(PlOutputFile) output = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *created = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Refuses the database, a folder, a device and a read-only file before
   * any work; the temporary file beside the target is 0600, as it holds a
   * care record */
  output = pl_output_file_new (path, error);
  if (output == NULL)
    return FALSE;

  layout = pl_print_layout_new (document, options, NULL, 0, 0);
  n_pages = pl_print_layout_paginate (layout);

  surface = cairo_pdf_surface_create_for_stream (sink_write, output,
                                                 pl_print_layout_get_page_width (layout),
                                                 pl_print_layout_get_page_height (layout));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  pl_document_get_title (document));
  if (pl_print_layout_get_options (layout)->person_name != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                    pl_print_layout_get_options (layout)->person_name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Plainly " PACKAGE_VERSION);
  now = g_date_time_new_now_local ();
  created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
  add_outline (layout, surface);

  cr = cairo_create (surface);
  for (guint p = 0; p < n_pages; p++)
    {
      /* A full disk ends the work early; the file is not kept */
      if (g_cancellable_is_cancelled (cancellable) || pl_output_file_has_failed (output))
        break;
      pl_print_layout_render_page (layout, cr, p);
      cairo_show_page (cr);
      if (progress != NULL)
        progress (p + 1, n_pages, user_data);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS && !pl_output_file_has_failed (output))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("“%s” could not be made (%s), so it was not saved."),
                   display, cairo_status_to_string (status));
      return FALSE;
    }

  /* Reports a write that failed, else syncs and renames */
  return pl_output_file_commit (output, error);
}

/* Saving off the main thread */

typedef struct
{
  PlDocument          *document;
  PlPrintOptions      *options;
  char                *path;
  PlPrintProgressFunc  progress;
  gpointer             progress_data;
  GMainContext        *context;
} SaveData;

typedef struct
{
  PlPrintProgressFunc progress;
  gpointer            progress_data;
  guint               page;
  guint               n_pages;
} ProgressCall;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_clear_object (&save->document);
  g_clear_pointer (&save->options, pl_print_options_free);
  g_clear_pointer (&save->path, g_free);
  g_clear_pointer (&save->context, g_main_context_unref);
  g_free (save);
}

static gboolean
progress_call_cb (gpointer data)
{
  ProgressCall *call = data;

  call->progress (call->page, call->n_pages, call->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the worker: hands each page's progress to the caller's context */
static void
worker_progress_cb (guint    page,
                    guint    n_pages,
                    gpointer user_data)
{
  SaveData *save = user_data;
  ProgressCall *call = g_new (ProgressCall, 1);

  call->progress = save->progress;
  call->progress_data = save->progress_data;
  call->page = page;
  call->n_pages = n_pages;
  g_main_context_invoke_full (save->context, G_PRIORITY_DEFAULT, progress_call_cb, call, g_free);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *save = task_data;
  GError *error = NULL;

  if (pl_print_save_pdf (save->document, save->options, save->path, cancellable,
                         save->progress != NULL ? worker_progress_cb : NULL, save, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
pl_print_save_pdf_async (PlDocument           *document,
                         const PlPrintOptions *options,
                         const char           *path,
                         GCancellable         *cancellable,
                         PlPrintProgressFunc   progress,
                         gpointer              progress_data,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *save;

  g_return_if_fail (PL_IS_DOCUMENT (document));
  g_return_if_fail (path != NULL);

  save = g_new0 (SaveData, 1);
  save->document = g_object_ref (document);
  save->options = options != NULL ? pl_print_options_copy (options) : pl_print_options_new ();
  save->path = g_strdup (path);
  save->progress = progress;
  save->progress_data = progress_data;
  save->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pl_print_save_pdf_async);
  g_task_set_task_data (task, save, save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
pl_print_save_pdf_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
