/* pl-window-private.h: what the window's own files share, and what tests reach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-access.h"
#include "pl-speech.h"
#include "pl-spoken-highlight.h"
#include "pl-voice.h"
#include "pl-window.h"

G_BEGIN_DECLS

/* For the window's own files and for tests */
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
gboolean        pl_window_open_carer         (PlWindow       *self,
                                              gint64          carer_id);
/* Back to "Who is using Plainly?", forgetting what was open, as happens
 * when nobody has used the window for the reader's chosen time */
void            pl_window_lock               (PlWindow       *self);
PlIdleLock     *pl_window_get_idle_lock      (PlWindow       *self);
/* The PIN dialog now asking, or NULL */
PlPinDialog    *pl_window_get_pin_dialog     (PlWindow       *self);
/* The start-screen button for the carer, or NULL */
GtkWidget      *pl_window_get_carer_button   (PlWindow       *self,
                                              gint64          carer_id);
/* The carer reading, or 0 when the person reads their own */
gint64          pl_window_get_carer_id       (PlWindow       *self);
/* The home's button for page, and its "Hello" heading */
GtkWidget      *pl_window_get_home_button    (PlWindow       *self,
                                              PlDocumentKind    page);
GtkWidget      *pl_window_get_home_heading   (PlWindow       *self);
gint64          pl_window_get_person_id      (PlWindow       *self);
/* Back one step; FALSE if already at the start screen */
gboolean        pl_window_go_back            (PlWindow       *self);
PlReader       *pl_window_get_reader         (PlWindow       *self);
PlReadAloudBar *pl_window_get_read_aloud_bar (PlWindow       *self);
/* The start-screen button for the person, or NULL */
GtkWidget      *pl_window_get_person_button  (PlWindow       *self,
                                              gint64          person_id);
/* "My settings", built on this first call if it was not yet */
PlSettingsPage *pl_window_get_settings_page  (PlWindow       *self);
/* "Tell us what you think": the guided complaint and compliment form, for
 * whoever may see the person's complaints; what is written is kept */
gboolean        pl_window_open_feedback      (PlWindow       *self);
/* The form, built on this first call if it was not yet */
PlComplaintForm *pl_window_get_complaint_form (PlWindow      *self);
GtkWidget      *pl_window_get_feedback_button (PlWindow      *self);
/* The home's "My settings" button */
GtkWidget      *pl_window_get_settings_button (PlWindow      *self);
/* The message shown now, or NULL */
const char     *pl_window_get_notice         (PlWindow       *self);
/* The error dialog now shown, or NULL */
GtkWindow      *pl_window_get_error_dialog   (PlWindow       *self);
/* "Write a comment about this visit", on the care diary: the dialog for the
 * visit being read, or NULL when no diary with a visit is shown */
GtkWindow      *pl_window_open_diary_comment (PlWindow       *self);
/* Reads again what is shown when the staff window or another program has
 * changed the file since (done when the window is brought forward, and
 * when the staff window saves); FALSE when there was nothing to read */
gboolean        pl_window_read_changes       (PlWindow       *self);
/* The staff window for this database, opened or brought forward; NULL
 * when no database is open */
GtkWindow      *pl_window_open_staff         (PlWindow       *self);
/* The one voice the reader, the form and talking buttons speak with */
PlVoice        *pl_window_get_voice          (PlWindow       *self);

struct _PlWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  GtkRevealer          *notice_revealer;
  GtkLabel             *notice_label;
  AdwLeaflet           *leaflet;
  GtkWidget            *people_page;
  GtkWidget            *supported_page;
  GtkLabel             *supported_heading;
  GtkBox               *supported_box;
  GtkWidget            *carers_heading;
  GtkBox               *carers_box;
  GtkLabel             *home_note;
  GtkWidget            *settings_box;
  PlSettingsPage       *settings_page;  /* NULL until first opened */
  GtkWidget            *settings_button;
  GtkWidget            *feedback_box;
  PlComplaintForm      *complaint_form; /* NULL until first opened */
  GtkWidget            *feedback_button;
  GtkWidget            *home_page;
  GtkWidget            *reader_page;
  GtkStack             *people_stack;
  GtkBox               *people_box;
  AdwStatusPage        *error_status;
  AdwClamp             *home_clamp;
  GtkWidget            *home_column;
  GtkLabel             *home_heading;
  GtkBox               *home_box;
  AdwWindowTitle       *reader_title;
  GtkWidget            *diary_bar;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;  /* built when first opened */
  GtkMenuButton        *print_button;
  GtkMenuButton        *text_size_button;
  GtkMenuButton        *theme_button;
  PlReader             *reader;
  PlDocumentView       *document_view; /* the reader's */
  PlReadAloudBar       *read_aloud_bar;
  GtkWidget            *reader_header;
  GtkWidget            *contents_button;
  char                 *language;      /* the person's, for the voice */
  /* The language of the window's words: the person's, or NULL for the
   * computer's (the start screen, carers) */
  char                 *words_language;
  gboolean              words_set;
  guint                 words_language_idle;

  GSettings            *settings;    /* NULL when the schema is not installed */
  PlStore              *store;
  GtkWindow            *staff_window;  /* weak; closed when another file is opened */
  gint64                data_version;  /* of others' changes to the file, last read */
  char                 *path;        /* the open database, or the one that failed */
  gint64                person_id;   /* whose document is shown; 0 none */
  gint64                carer_id;    /* the carer reading them, or 0: the person */
  PlViewer             *viewer;      /* who reads person_id's documents; NULL none */
  GHashTable           *person_buttons; /* gint64 id → GtkButton (borrowed) */
  GHashTable           *carer_buttons;  /* gint64 id → GtkButton (borrowed) */
  PlPinDialog          *pin_dialog;
  PlIdleLock           *idle_lock;
  PlTalkingButtons     *talking;
  PlVoice              *voice;       /* readings and talking buttons take turns in it */
  PlSpokenHighlight    *highlight;   /* the reader's, following the voice */
  gboolean              told_no_speaker;
  GtkWidget            *home_buttons[PL_N_DOCUMENT_KINDS];
  PlDocumentKind          page;        /* what the reader shows, or last showed */
  GtkWindow            *error_dialog;
  GtkNativeDialog      *chooser;

  /* The reader as the person set it up; saved the moment it changes */
  PlSettings           *reader_settings; /* NULL when no one is reading */
  GtkCssProvider       *reader_css;
  gboolean              keep_settings;   /* FALSE: changes are for now only */
  gboolean              in_settings;     /* "My settings" is open, or was last */
  gboolean              in_feedback;     /* the complaint form is open, or was last */
  char                 *reader_class;    /* scopes reader_css to this window */
};

/* pl-window.c */
void pl_window_notify_look (PlWindow *self);
const char *pl_window_person_display_name (const PlPerson *person);
const char *pl_window_store_error_heading (const GError *error);
/* Who reads now (NULL: nobody, at the start screen), and so who the history
 * says made the changes made here */
void pl_window_set_viewer (PlWindow *self,
                           PlViewer *viewer);
void pl_window_clear_error_dialog (PlWindow *self);
void pl_window_show_error (PlWindow   *self,
                           const char *heading,
                           const char *body,
                           gboolean    offer_choose);
void pl_window_show_document (PlWindow   *self,
                              PlDocument *document);
/* The read-aloud bar given what the reader shows: the document, or in
 * easy read its lines */
void pl_window_update_read_aloud_document (PlWindow *self);
void pl_window_update_window_title (PlWindow *self);
void pl_window_update_reader_actions (PlWindow *self);

/* pl-window-start.c */
void pl_window_focus_person_button (PlWindow *self,
                                    gint64    person_id,
                                    gint64    carer_id);
void pl_window_focus_supported_button (PlWindow *self,
                                       gint64    person_id);
void pl_window_supported_button_clicked_cb (GtkButton *button,
                                            PlWindow  *self);
GtkWidget *pl_window_profile_button_new (PlWindow   *self,
                                         const char *name,
                                         const char *key,
                                         gint64      id,
                                         GCallback   clicked);
int pl_window_compare_people (gconstpointer a,
                              gconstpointer b);
void pl_window_clear_box (GtkBox *box);
void pl_window_clear_people (PlWindow *self);
void pl_window_show_error_page (PlWindow     *self,
                                const GError *error);

/* pl-window-home.c */
void pl_window_init_home (PlWindow *self);
void pl_window_set_words_language (PlWindow   *self,
                                   const char *language);
/* pl-window-reading.c */
const char *pl_window_reader_words_language (PlWindow *self);
PlComplaintForm *pl_window_ensure_complaint_form (PlWindow *self);
GtkWidget *pl_window_home_button_new (PlWindow       *self,
                                      PlDocumentKind  page,
                                      const char     *label_text,
                                      const char     *icon_name);
gboolean pl_window_open_home (PlWindow *self,
                              PlViewer *who,
                              gint64    person_id);
gboolean pl_window_open_carer_as (PlWindow *self,
                                  PlViewer *carer_viewer);
void pl_window_diary_comment_clicked_cb (PlWindow *self);

/* pl-window-reading.c */
PlSettingsPage *pl_window_ensure_settings_page (PlWindow *self);
void pl_window_apply_reader_style (PlWindow *self);
void pl_window_save_reader_settings (PlWindow *self);
void pl_window_init_voice (PlWindow *self);
void pl_window_talking_speak_cb (PlTalkingButtons *talking,
                                 const char       *words,
                                 PlWindow         *self);
void pl_window_load_lexicon (PlWindow *self);
void pl_window_load_reader_settings (PlWindow *self,
                                     gint64    person_id,
                                     gint64    carer_id);
void pl_window_settings_changed_cb (PlWindow *self);
/* As if the reader had chosen settings in My settings: applied and kept */
void pl_window_set_reader_settings (PlWindow         *self,
                                    const PlSettings *settings);
void pl_window_settings_reset_cb (PlWindow *self);
void pl_window_settings_pin_cb (PlWindow   *self,
                                const char *pin);
void pl_window_read_aloud_place_cb (gpointer  user_data,
                                    guint    *block,
                                    guint    *character);

/* pl-window-actions.c */
void pl_window_init_actions (PlWindow *self);
void pl_window_zoom_action_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter);
GMenuModel *pl_window_text_size_menu_new (void);
GMenuModel *pl_window_theme_menu_new (void);
/* The print menu: paper, PDF and braille, braille first when the person's
 * needs ask for it */
GMenuModel *pl_window_copies_menu_new (gboolean braille_first);
gboolean pl_window_braille_first (PlWindow *self);
void pl_window_contents_action_cb (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter);

/* What only the tests reach: the reader's text size in points and theme id */
int             pl_window_get_text_size      (PlWindow       *self);
const char     *pl_window_get_theme          (PlWindow       *self);

G_END_DECLS
