/* pl-window-test.h: the person's window on a database of the test's own,
 * for the window tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-window-private.h"

G_BEGIN_DECLS

/* Two people, Peggy and Arthur, each with a plan whose every other part is
 * long and the rest empty, in a database in a temporary folder; and the
 * person's window, shown (not yet opened on that database) */
typedef struct
{
  char      *dir;
  char      *path;
  gint64     person_id;
  gint64     other_id;
  PlWindow  *window;
  /* The home's button the focus comes back to; NULL for "My plan" */
  GtkWidget *home_focus;
} PlWindowFixture;

/* data, when not NULL, is the window's size: const int[2], width and height */
#define PL_WINDOW_TEST_ADD(path, data, func) \
  g_test_add (path, PlWindowFixture, data, pl_window_fixture_setup, func, pl_window_fixture_teardown)

void      pl_window_fixture_setup    (PlWindowFixture *f,
                                      gconstpointer    data);
void      pl_window_fixture_teardown (PlWindowFixture *f,
                                      gconstpointer    data);
/* TRUE when a document is shown in the window's reader, on screen */
gboolean  pl_window_test_is_reading  (gpointer         fixture);
/* Back at "Who is using Plainly?": nobody's document, the focus on the
 * person's button */
gboolean  pl_window_test_back_at_start (gpointer       fixture);
/* On the person's home, the reader emptied, the focus on f->home_focus */
gboolean  pl_window_test_back_at_home  (gpointer       fixture);
/* Chooses the person on the start screen, then "My plan" on their home,
 * and waits until it is shown */
void      pl_window_test_open_plan   (PlWindowFixture *f,
                                      gint64           person_id);

G_END_DECLS
