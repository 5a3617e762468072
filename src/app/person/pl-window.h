/* pl-window.h: the main window: who is using Plainly, then their documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-document-kind.h"
#include "pl-store.h"
#include "pl-document-view.h"
#include "pl-idle-lock.h"
#include "pl-complaint-form.h"
#include "pl-pin-dialog.h"
#include "pl-read-aloud-bar.h"
#include "pl-reader.h"
#include "pl-settings-page.h"
#include "pl-talking-buttons.h"

G_BEGIN_DECLS

#define PL_TYPE_WINDOW (pl_window_get_type ())

G_DECLARE_FINAL_TYPE (PlWindow, pl_window, PL, WINDOW, AdwApplicationWindow)

/* application may be NULL (tests); settings then are not remembered */
PlWindow       *pl_window_new                (GtkApplication *application);
/* Opens the database; on failure the window stays open, says why in a dialog
 * and offers to choose another file. Returns whether it opened. */
gboolean        pl_window_open_database      (PlWindow       *self,
                                              const char     *path);
const char     *pl_window_get_database_path  (PlWindow       *self);
/* The open store, or NULL when none could be opened */
PlStore        *pl_window_get_store          (PlWindow       *self);
/* The home of the person viewer reads, as the access policy let them in
 * (pl-access.h): how the screenshot option opens a person who has a PIN */
gboolean        pl_window_open_home_for      (PlWindow       *self,
                                              PlViewer       *viewer);
/* On while the reader's settings ask for talking buttons */
PlTalkingButtons *pl_window_get_talking_buttons (PlWindow     *self);
/* Opens one of the home's documents for the person whose home is open;
 * errors go to a dialog. Back returns to the home. */
gboolean        pl_window_open_page          (PlWindow       *self,
                                              PlDocumentKind  page);
PlDocumentView *pl_window_get_document_view  (PlWindow       *self);
/* The reader's text size in points and theme id (pl-theme.h) for the person
 * reading; setting them saves them to the person's settings. */
void            pl_window_set_text_size      (PlWindow       *self,
                                              int             points);
void            pl_window_set_theme          (PlWindow       *self,
                                              const char     *theme_id);
/* FALSE: text size and theme changes last until someone else chooses their
 * name, and are not saved (pictures for tests and documentation) */
void            pl_window_set_keep_settings  (PlWindow       *self,
                                              gboolean        keep);
/* "My settings" for whoever is reading: the person, or their carer. Every
 * change is applied and saved at once. */
gboolean        pl_window_open_settings      (PlWindow       *self);
/* A message across the top of the window that stays until dismissed */
void            pl_window_show_notice        (PlWindow       *self,
                                              const char     *text);

G_END_DECLS
