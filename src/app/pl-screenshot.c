/* pl-screenshot.c: renders a window to a PNG, for tests and documentation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests look at these pictures to check what a person sees: the contrast of
 * each theme from the pixels themselves, and that at 400% nothing is cut off
 * at the window's edge.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-screenshot.h"
#include "pl-screenshot-private.h"
#include "pl-window-private.h"

/* Frames to wait after each step, so layout and scrolling have settled */
#define SETTLE_FRAMES 8

typedef enum {
  STEP_FIRST_FRAME,
  STEP_OPEN,
  STEP_SCROLL,
  STEP_SAVE,
} Step;

typedef struct
{
  PlScreenshotRequest request;
  Step                step;
  guint               frames;
  guint               tick_id;
} Shot;

void
pl_screenshot_request_clear (PlScreenshotRequest *request)
{
  g_clear_pointer (&request->output, g_free);
  g_clear_pointer (&request->person, g_free);
  g_clear_pointer (&request->page, g_free);
  g_clear_pointer (&request->anchor, g_free);
  g_clear_pointer (&request->theme, g_free);
  g_clear_pointer (&request->viewer, pl_viewer_unref);
  request->text_size = 0;
}

static void
shot_free (Shot *shot)
{
  pl_screenshot_request_clear (&shot->request);
  g_free (shot);
}

GdkTexture *
pl_screenshot_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return NULL;

  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                      node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static gboolean
open_request (PlWindow             *window,
              const PlScreenshotRequest *request,
              GError              **error)
{
  PlDocumentKind page = PL_DOCUMENT_PLAN;
  gboolean found_page = request->page == NULL;

  if (request->person == NULL)
    return TRUE;

  if (pl_window_get_store (window) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The database could not be opened."));
      return FALSE;
    }

  /* Only through the access policy: a person's pages are drawn for the
   * reader it let in, never by their number alone */
  if (request->viewer == NULL || !pl_window_open_home_for (window, request->viewer))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("Could not open the home of “%s”."), request->person);
      return FALSE;
    }

  if (request->text_size > 0)
    pl_window_set_text_size (window, request->text_size);
  if (request->theme != NULL)
    pl_window_set_theme (window, request->theme);

  if (g_strcmp0 (request->page, "home") == 0)
    return TRUE;
  if (g_strcmp0 (request->page, "settings") == 0)
    {
      if (pl_window_open_settings (window))
        return TRUE;
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not open the settings."));
      return FALSE;
    }

  if (request->page != NULL && pl_document_kind_from_nick (request->page, &page))
    found_page = TRUE;
  if (!found_page)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("There is no page called “%s”: choose home, plan, diary, welcome, "
                     "complaint or settings."), request->page);
      return FALSE;
    }

  if (!pl_window_open_page (window, page))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not open the page “%s”."), request->page);
      return FALSE;
    }
  return TRUE;
}

/* The part asked for, in whichever view the reader reads in */
static gboolean
scroll_to_anchor (PlWindow   *window,
                  const char *anchor)
{
  PlEasyReadView *easy_read = pl_reader_get_easy_read_view (pl_window_get_reader (window));

  if (gtk_widget_get_mapped (GTK_WIDGET (easy_read)))
    return pl_easy_read_view_scroll_to_anchor (easy_read, anchor);
  return pl_document_view_scroll_to_anchor (pl_window_get_document_view (window), anchor);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  GTask *task = data;
  Shot *shot = g_task_get_task_data (task);
  PlWindow *window = PL_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  if (++shot->frames < SETTLE_FRAMES)
    return G_SOURCE_CONTINUE;
  shot->frames = 0;

  switch (shot->step)
    {
    case STEP_FIRST_FRAME:
      shot->step = STEP_OPEN;
      return G_SOURCE_CONTINUE;

    case STEP_OPEN:
      shot->step = STEP_SCROLL;
      if (!open_request (window, &shot->request, &error))
        break;
      /* Pictures are silent, and so show no "cannot find a speaker" */
      pl_talking_buttons_set_enabled (pl_window_get_talking_buttons (window), FALSE);
      return G_SOURCE_CONTINUE;

    case STEP_SCROLL:
      shot->step = STEP_SAVE;
      if (shot->request.anchor != NULL &&
          !scroll_to_anchor (window, shot->request.anchor))
        {
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("This document has no part called “%s”."), shot->request.anchor);
          break;
        }
      /* Focus rings show only after a key press; pictures should show them */
      gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
      return G_SOURCE_CONTINUE;

    case STEP_SAVE:
    default:
      texture = pl_screenshot_render (widget);
      if (texture == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("The window could not be drawn."));
      else if (!gdk_texture_save_to_png (texture, shot->request.output))
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("Could not save the picture as “%s”."), shot->request.output);
      break;
    }

  shot->tick_id = 0;
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

void
pl_screenshot_take_async (PlWindow                  *window,
                          const PlScreenshotRequest *request,
                          GAsyncReadyCallback        callback,
                          gpointer                   user_data)
{
  GTask *task;
  Shot *shot;

  g_return_if_fail (PL_IS_WINDOW (window));
  g_return_if_fail (request != NULL && request->output != NULL);

  task = g_task_new (window, NULL, callback, user_data);
  g_task_set_source_tag (task, pl_screenshot_take_async);

  shot = g_new0 (Shot, 1);
  shot->request.output = g_strdup (request->output);
  shot->request.person = g_strdup (request->person);
  shot->request.page = g_strdup (request->page);
  shot->request.anchor = g_strdup (request->anchor);
  shot->request.theme = g_strdup (request->theme);
  shot->request.text_size = request->text_size;
  shot->request.viewer = request->viewer != NULL ? pl_viewer_ref (request->viewer) : NULL;
  g_task_set_task_data (task, shot, (GDestroyNotify) shot_free);

  /* The picture's text size and theme are not the person's choice */
  pl_window_set_keep_settings (window, FALSE);

  /* The task holds itself until the last tick */
  shot->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (window), tick_cb, task, NULL);
}

gboolean
pl_screenshot_take_finish (PlWindow      *window,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, window), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
