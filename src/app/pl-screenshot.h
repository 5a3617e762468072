/* pl-screenshot.h: renders a window to a PNG, for tests and documentation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-window.h"

G_BEGIN_DECLS

/* What `plainly --screenshot FILE.png` was asked to show */
typedef struct
{
  char *output;      /* the PNG to write */
  char *person;      /* name or number; NULL: the start screen */
  char *page;        /* home, plan (the default), diary, welcome, complaint, settings */
  char *anchor;      /* a part of the document to scroll to */
  char *theme;       /* pl-theme.h id */
  int   text_size;   /* points; 0: the person's own */
  PlViewer *viewer;  /* who reads person's documents, as the access policy
                      * let them in; without one no person's page opens */
} PlScreenshotRequest;

void     pl_screenshot_request_clear (PlScreenshotRequest *request);

/* Once window has drawn its first frame, opens what request asks for, lets
 * it settle and saves the PNG. The window keeps the person's settings as
 * they were: text size and theme apply to the picture only. */
void     pl_screenshot_take_async    (PlWindow            *window,
                                      const PlScreenshotRequest *request,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean pl_screenshot_take_finish   (PlWindow            *window,
                                      GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
