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
/* Reads the people again and shows the start screen */
void            pl_window_reload             (PlWindow       *self);
/* Shows the person's home, in their text size and theme, without asking
 * for their PIN (the start screen's buttons ask); errors go to a dialog. */
gboolean        pl_window_open_person        (PlWindow       *self,
                                              gint64          person_id);
/* For a carer: their home for the person they support, showing only what
 * that person shares with them (NG86 1.1.14-1.1.15), in the carer's own
 * settings. Errors go to a dialog. */
gboolean        pl_window_open_person_as_carer (PlWindow     *self,
                                                gint64        person_id,
                                                gint64        carer_id);
/* A carer's way in: the home of the one person they support, or a choice
 * when they support several */
/* The home of the person viewer reads, as the access policy let them in
 * (pl-access.h): how the screenshot option opens a person who has a PIN */
gboolean        pl_window_open_home_for      (PlWindow       *self,
                                              PlViewer       *viewer);
gboolean        pl_window_open_carer         (PlWindow       *self,
                                              gint64          carer_id);
/* Back to "Who is using Plainly?", forgetting what was open, as happens
 * when nobody has used the window for the reader's chosen time */
void            pl_window_lock               (PlWindow       *self);
PlIdleLock     *pl_window_get_idle_lock      (PlWindow       *self);
/* On while the reader's settings ask for talking buttons */
PlTalkingButtons *pl_window_get_talking_buttons (PlWindow     *self);
/* The PIN dialog now asking, or NULL */
PlPinDialog    *pl_window_get_pin_dialog     (PlWindow       *self);
/* The start-screen button for the carer, or NULL */
GtkWidget      *pl_window_get_carer_button   (PlWindow       *self,
                                              gint64          carer_id);
/* The carer reading, or 0 when the person reads their own */
gint64          pl_window_get_carer_id       (PlWindow       *self);
/* Opens one of the home's documents for the person whose home is open;
 * errors go to a dialog. Back returns to the home. */
gboolean        pl_window_open_page          (PlWindow       *self,
                                              PlDocumentKind    page);
/* The home's button for page, and its "Hello" heading */
GtkWidget      *pl_window_get_home_button    (PlWindow       *self,
                                              PlDocumentKind    page);
GtkWidget      *pl_window_get_home_heading   (PlWindow       *self);
gint64          pl_window_get_person_id      (PlWindow       *self);
/* Back one step; FALSE if already at the start screen */
gboolean        pl_window_go_back            (PlWindow       *self);
PlDocumentView *pl_window_get_document_view  (PlWindow       *self);
PlReader       *pl_window_get_reader         (PlWindow       *self);
PlReadAloudBar *pl_window_get_read_aloud_bar (PlWindow       *self);
/* The start-screen button for the person, or NULL */
GtkWidget      *pl_window_get_person_button  (PlWindow       *self,
                                              gint64          person_id);
/* The reader's text size in points and theme id (pl-theme.h) for the person
 * reading; setting them saves them to the person's settings. */
int             pl_window_get_text_size      (PlWindow       *self);
void            pl_window_set_text_size      (PlWindow       *self,
                                              int             points);
const char     *pl_window_get_theme          (PlWindow       *self);
void            pl_window_set_theme          (PlWindow       *self,
                                              const char     *theme_id);
/* FALSE: text size and theme changes last until someone else chooses their
 * name, and are not saved (pictures for tests and documentation) */
void            pl_window_set_keep_settings  (PlWindow       *self,
                                              gboolean        keep);
/* "My settings" for whoever is reading: the person, or their carer. Every
 * change is applied and saved at once. */
gboolean        pl_window_open_settings      (PlWindow       *self);
PlSettingsPage *pl_window_get_settings_page  (PlWindow       *self);
/* "Tell us what you think": the guided complaint and compliment form, for
 * whoever may see the person's complaints; what is written is kept */
gboolean        pl_window_open_feedback      (PlWindow       *self);
PlComplaintForm *pl_window_get_complaint_form (PlWindow      *self);
GtkWidget      *pl_window_get_feedback_button (PlWindow      *self);
/* The home's "My settings" button */
GtkWidget      *pl_window_get_settings_button (PlWindow      *self);
/* A message across the top of the window that stays until dismissed */
void            pl_window_show_notice        (PlWindow       *self,
                                              const char     *text);
/* The message shown now, or NULL */
const char     *pl_window_get_notice         (PlWindow       *self);
/* The error dialog now shown, or NULL */
GtkWindow      *pl_window_get_error_dialog   (PlWindow       *self);
/* "Write a comment about this visit", on the care diary: the dialog for the
 * visit being read, or NULL when no diary with a visit is shown */
GtkWindow      *pl_window_open_diary_comment (PlWindow       *self);
/* The staff window for this database, opened or brought forward; NULL
 * when no database is open */
GtkWindow      *pl_window_open_staff         (PlWindow       *self);

G_END_DECLS
