/* test-people.c: who is using Plainly: carers, PINs and the inactivity lock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. Each test builds its own database in a temporary folder.
 */

#include "config.h"

#include "pl-idle-lock-private.h"

#include "pl-complaint-form-private.h"

#include "pl-settings-page-private.h"

#include <string.h>

#include "pl-document.h"
#include "pl-pin-dialog-private.h"
#include "pl-printing.h"
#include "pl-secret.h"
#include "pl-store.h"
#include "pl-talking-buttons-private.h"
#include "pl-window-private.h"
#include "pl-voice.h"
#include "pl-gui-test-util.h"
#include "pl-test-util.h"

typedef struct
{
  char     *dir;
  char     *path;
  gint64    peggy;
  gint64    arthur;
  gint64    carer;       /* Mair: Peggy's daughter, sees her plan and diary */
  PlWindow *window;
} Fixture;

static gint64
add_person (PlStore    *store,
            const char *full_name,
            const char *preferred_name,
            const char *pin)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = pl_person_new ();
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(PlMedicine) medicine = pl_medicine_new ();

  person->full_name = g_strdup (full_name);
  person->preferred_name = g_strdup (preferred_name);
  if (pin != NULL)
    person->pin_hash = pl_secret_hash (pin, &error);
  g_assert_no_error (error);
  g_assert_true (pl_store_save_person (store, person, &error));
  g_assert_no_error (error);

  plan->person_id = person->id;
  plan->version = 1;
  plan->status = PL_PLAN_AGREED;
  g_assert_true (pl_store_save_plan (store, plan, &error));

  medicine->plan_id = plan->id;
  medicine->name = g_strdup ("Paracetamol");
  medicine->purpose = g_strdup ("For the pain in my knees");
  g_assert_true (pl_store_save_medicine (store, medicine, &error));
  g_assert_no_error (error);

  return person->id;
}

/* Links the carer to person through a contact that may see scopes */
static void
link_carer (PlStore *store,
            gint64   carer_id,
            gint64   person_id,
            guint    scopes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlContact) contact = pl_contact_new ();
  g_autoptr(PlCarerLink) link = pl_carer_link_new ();

  contact->person_id = person_id;
  contact->role = PL_CONTACT_FAMILY;
  contact->name = g_strdup ("Mair Jones");
  g_assert_true (pl_store_save_contact (store, contact, &error));
  g_assert_no_error (error);

  for (int scope = 0; scope <= PL_SCOPE_WELCOME_PACK; scope++)
    if (scopes & PL_SCOPE_BIT (scope))
      {
        g_autoptr(PlSharing) sharing = pl_sharing_new ();

        sharing->contact_id = contact->id;
        sharing->scope = scope;
        g_assert_true (pl_store_save_sharing (store, sharing, &error));
        g_assert_no_error (error);
      }

  link->carer_id = carer_id;
  link->contact_id = contact->id;
  g_assert_true (pl_store_save_carer_link (store, link, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlCarer) carer = pl_carer_new ();
  g_autoptr(GError) error = NULL;

  f->dir = pl_test_make_dir ("plainly-people");
  store = pl_test_open_store (f->dir, &f->path);
  f->peggy = add_person (store, "Margaret Elizabeth Jones", "Peggy", NULL);
  /* data, when given, is Arthur's PIN */
  f->arthur = add_person (store, "Arthur Williams", "Arthur", data);

  carer->name = g_strdup ("Mair");
  g_assert_true (pl_store_save_carer (store, carer, &error));
  g_assert_no_error (error);
  f->carer = carer->id;
  link_carer (store, f->carer, f->peggy,
              PL_SCOPE_BIT (PL_SCOPE_PLAN) | PL_SCOPE_BIT (PL_SCOPE_DIARY));
  g_clear_pointer (&store, pl_store_unref);

  f->window = pl_window_new (NULL);
  /* Talking buttons speak to no speaker: one missing would be said in the
   * notices these tests read, whenever the sound system answered */
  pl_voice_set_output (pl_window_get_voice (f->window), PL_SPEECH_OUTPUT_NULL, 4.0);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, f->window));
  g_assert_true (pl_window_open_database (f->window, f->path));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  pl_gui_test_run_frames (1);
  pl_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gboolean
at_home (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_is_drawable (pl_window_get_home_heading (f->window));
}

static gboolean
at_start (gpointer data)
{
  Fixture *f = data;
  GtkWidget *button = pl_window_get_person_button (f->window, f->peggy);

  /* Pages the leaflet has left stay mapped, so ask the window too */
  return button != NULL && gtk_widget_is_drawable (button) &&
         pl_window_get_person_id (f->window) == 0 &&
         pl_window_get_carer_id (f->window) == 0;
}

static gboolean
has_pin_dialog (gpointer data)
{
  Fixture *f = data;

  return pl_window_get_pin_dialog (f->window) != NULL &&
         gtk_widget_get_mapped (GTK_WIDGET (pl_window_get_pin_dialog (f->window)));
}

static gboolean
document_shown (gpointer data)
{
  Fixture *f = data;

  return pl_document_view_get_document (pl_window_get_document_view (f->window)) != NULL;
}

/* The keyboard is on a drawable button that is not on the start screen */
static gboolean
focus_on_choice (gpointer data)
{
  Fixture *f = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && GTK_IS_BUTTON (focus) && gtk_widget_is_drawable (focus) &&
         focus != pl_window_get_person_button (f->window, f->peggy) &&
         focus != pl_window_get_person_button (f->window, f->arthur) &&
         focus != pl_window_get_carer_button (f->window, f->carer);
}

static const char *
label_text (GtkWidget *widget)
{
  return gtk_label_get_text (GTK_LABEL (widget));
}

/* The carer's home has only what the person shares with them, says whose
 * it is, and the plan leaves out what is not shared (NG86 1.1.14-1.1.15) */
static void
test_carer_sees_what_is_shared (Fixture       *f,
                                gconstpointer  data)
{
  GtkWidget *button = pl_window_get_carer_button (f->window, f->carer);
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlSettings) person_settings = NULL;
  g_autoptr(PlSettings) carer_settings = NULL;
  g_autoptr(GError) error = NULL;
  PlDocument *document;
  GtkWidget *note;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Mair");
  /* Carers are not people who use the service */
  g_assert_null (pl_window_get_person_button (f->window, f->carer + 1000));

  g_assert_true (gtk_widget_activate (button));
  g_assert_true (pl_gui_test_wait_until (at_home, f));
  g_assert_cmpint (pl_window_get_person_id (f->window), ==, f->peggy);
  g_assert_cmpint (pl_window_get_carer_id (f->window), ==, f->carer);
  g_assert_cmpstr (label_text (pl_window_get_home_heading (f->window)), ==, "Hello, Mair");

  /* A line under the heading says whose documents these are */
  note = gtk_widget_get_next_sibling (pl_window_get_home_heading (f->window));
  g_assert_true (gtk_widget_is_drawable (note));
  g_assert_nonnull (strstr (label_text (note), "Peggy"));

  g_assert_true (gtk_widget_get_visible (pl_window_get_home_button (f->window, PL_DOCUMENT_PLAN)));
  g_assert_true (gtk_widget_get_visible (pl_window_get_home_button (f->window, PL_DOCUMENT_DIARY)));
  g_assert_false (gtk_widget_get_visible (pl_window_get_home_button (f->window, PL_DOCUMENT_WELCOME)));
  g_assert_false (gtk_widget_get_visible (pl_window_get_home_button (f->window, PL_DOCUMENT_COMPLAINT)));
  /* Asking anyway is refused */
  g_assert_false (pl_window_open_page (f->window, PL_DOCUMENT_COMPLAINT));
  g_assert_nonnull (pl_window_get_error_dialog (f->window));
  gtk_window_close (pl_window_get_error_dialog (f->window));

  g_assert_true (pl_window_open_page (f->window, PL_DOCUMENT_PLAN));
  g_assert_true (pl_gui_test_wait_until (document_shown, f));
  document = pl_document_view_get_document (pl_window_get_document_view (f->window));
  /* The carer can have it read aloud too */
  pl_gui_test_run_frames (2);
  g_assert_true (gtk_widget_is_sensitive (pl_gui_test_find_named (GTK_WIDGET (pl_window_get_read_aloud_bar (f->window)), "play")));
  {
    int medicines = pl_document_find_anchor (document, "medicines");

    g_assert_cmpint (medicines, >=, 0);
    g_assert_cmpint (pl_document_get_block (document, (guint) medicines + 1)->flags, ==,
                     PL_BLOCK_NOT_SHARED);
  }
  for (guint i = 0; i < pl_document_get_n_blocks (document); i++)
    g_assert_null (strstr (pl_document_get_block (document, i)->text, "Paracetamol"));

  /* The carer's text size is theirs, and Peggy's stays as it was */
  pl_window_set_text_size (f->window, 32);
  store = pl_store_open (f->path, PL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  carer_settings = pl_store_get_carer_settings (store, f->carer, &error);
  person_settings = pl_store_get_settings (store, f->peggy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (carer_settings->text_size, ==, 32);
  g_assert_cmpint (person_settings->text_size, !=, 32);
  g_assert_cmpint (person_settings->id, ==, 0);
}

/* A carer who supports two people chooses whose documents to read */
static void
test_carer_supports_several (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(PlStore) store = pl_store_open (f->path, PL_STORE_OPEN_DEFAULT, NULL);
  GtkWidget *focus;

  link_carer (store, f->carer, f->arthur, PL_SCOPE_BIT (PL_SCOPE_PLAN));
  g_clear_pointer (&store, pl_store_unref);
  pl_window_reload (f->window);

  g_assert_true (gtk_widget_activate (pl_window_get_carer_button (f->window, f->carer)));

  /* The choice, Arthur before Peggy, with the keyboard on the first */
  g_assert_true (pl_gui_test_wait_until (focus_on_choice, f));
  g_assert_false (gtk_widget_is_drawable (pl_window_get_home_heading (f->window)));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (focus),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Arthur");
  g_assert_true (gtk_widget_activate (focus));
  g_assert_true (pl_gui_test_wait_until (at_home, f));
  g_assert_cmpint (pl_window_get_person_id (f->window), ==, f->arthur);
  /* Arthur shares only his plan */
  g_assert_false (gtk_widget_get_visible (pl_window_get_home_button (f->window, PL_DOCUMENT_DIARY)));

  /* Back to the choice, on Arthur, then back to the start */
  g_assert_true (pl_window_go_back (f->window));
  g_assert_true (pl_gui_test_wait_until (focus_on_choice, f));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (focus),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Arthur");
  g_assert_true (pl_window_go_back (f->window));
  g_assert_true (pl_gui_test_wait_until (at_start, f));
  g_assert_cmpint (pl_window_get_carer_id (f->window), ==, 0);

  /* The person's own way in never passes the carer's choice */
  g_assert_true (pl_window_open_person (f->window, f->peggy));
  g_assert_true (pl_gui_test_wait_until (at_home, f));
  g_assert_true (pl_window_go_back (f->window));
  g_assert_true (pl_gui_test_wait_until (at_start, f));
}

static const char arthur_pin[] = "2468";

static gboolean
pin_checked (gpointer data)
{
  return !pl_pin_dialog_get_checking (data);
}

/* Types pin and waits on the main loop for the answer: the check runs in
 * a worker thread */
static void
try_pin (PlPinDialog *dialog,
         const char  *pin)
{
  g_object_ref (dialog);
  pl_pin_dialog_try (dialog, pin);
  g_assert_true (pl_gui_test_wait_until (pin_checked, dialog));
  g_object_unref (dialog);
}

static gboolean
pin_saved (gpointer data)
{
  return pl_settings_page_get_has_pin (data);
}

/* A PIN keeps a person's home closed until it is typed right */
static void
test_pin (Fixture       *f,
          gconstpointer  data)
{
  PlPinDialog *dialog;

  g_assert_true (gtk_widget_activate (pl_window_get_person_button (f->window, f->arthur)));
  g_assert_true (pl_gui_test_wait_until (has_pin_dialog, f));
  dialog = pl_window_get_pin_dialog (f->window);
  g_assert_cmpint (pl_window_get_person_id (f->window), ==, 0);
  g_assert_true (gtk_widget_has_focus (pl_pin_dialog_get_entry (dialog)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)),
                                         pl_pin_dialog_get_entry (dialog)));

  /* Wrong: said in words, still closed. While it is checked the window
   * goes on drawing, and the dialog says it is checking. */
  pl_pin_dialog_try (dialog, "1357");
  g_assert_true (pl_pin_dialog_get_checking (dialog));
  g_assert_cmpstr (pl_pin_dialog_get_message (dialog), ==, "Checking your PIN…");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (pl_pin_dialog_get_entry (dialog))));
  g_assert_true (pl_gui_test_run_ticks (f->window, 2));
  g_assert_true (pl_gui_test_wait_until (pin_checked, dialog));
  g_assert_nonnull (strstr (pl_pin_dialog_get_message (dialog), "not right"));
  g_assert_cmpint (pl_window_get_person_id (f->window), ==, 0);

  pl_pin_dialog_try (dialog, arthur_pin);
  g_assert_true (pl_gui_test_wait_until (at_home, f));
  g_assert_cmpint (pl_window_get_person_id (f->window), ==, f->arthur);
  g_assert_cmpstr (label_text (pl_window_get_home_heading (f->window)), ==, "Hello, Arthur");
  g_assert_null (pl_window_get_pin_dialog (f->window));

  /* Someone without a PIN goes straight in */
  g_assert_true (pl_window_go_back (f->window));
  g_assert_true (pl_gui_test_wait_until (at_start, f));
  g_assert_true (gtk_widget_activate (pl_window_get_person_button (f->window, f->peggy)));
  g_assert_true (pl_gui_test_wait_until (at_home, f));
  g_assert_null (pl_window_get_pin_dialog (f->window));
}

/* After a few wrong tries the next must wait, even with the right PIN;
 * closing the dialog, or Plainly, does not skip the wait. Time is the
 * store's clock, so nothing here sleeps. */
static void
test_pin_wait (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GDateTime) t0 = g_date_time_new_utc (2024, 3, 14, 9, 30, 0);
  g_autoptr(GDateTime) t1 = g_date_time_add_seconds (t0, 2);
  g_autoptr(GDateTime) t2 = g_date_time_add_seconds (t0, 6);
  PlPinDialog *dialog;

  pl_store_set_clock (pl_window_get_store (f->window), t0);
  g_assert_true (gtk_widget_activate (pl_window_get_person_button (f->window, f->arthur)));
  g_assert_true (pl_gui_test_wait_until (has_pin_dialog, f));
  dialog = pl_window_get_pin_dialog (f->window);

  for (int i = 0; i < 3; i++)
    try_pin (dialog, "0000");
  g_assert_nonnull (strstr (pl_pin_dialog_get_message (dialog), "wait"));
  g_assert_false (gtk_widget_get_sensitive (pl_pin_dialog_get_entry (dialog)));
  pl_pin_dialog_try (dialog, arthur_pin);
  g_assert_false (pl_pin_dialog_get_checking (dialog));
  pl_gui_test_run_frames (2);
  g_assert_cmpint (pl_window_get_person_id (f->window), ==, 0);

  gtk_window_close (GTK_WINDOW (dialog));
  pl_gui_test_run_frames (2);
  g_assert_null (pl_window_get_pin_dialog (f->window));

  g_assert_true (gtk_widget_activate (pl_window_get_person_button (f->window, f->arthur)));
  g_assert_true (pl_gui_test_wait_until (has_pin_dialog, f));
  dialog = pl_window_get_pin_dialog (f->window);
  g_assert_false (gtk_widget_get_sensitive (pl_pin_dialog_get_entry (dialog)));
  g_assert_nonnull (strstr (pl_pin_dialog_get_message (dialog), "wait"));
  gtk_window_close (GTK_WINDOW (dialog));
  pl_gui_test_run_frames (2);

  /* As after a restart: a new window on the same file still waits */
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = pl_window_new (NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, f->window));
  g_assert_true (pl_window_open_database (f->window, f->path));
  pl_store_set_clock (pl_window_get_store (f->window), t1);
  g_assert_true (gtk_widget_activate (pl_window_get_person_button (f->window, f->arthur)));
  g_assert_true (pl_gui_test_wait_until (has_pin_dialog, f));
  dialog = pl_window_get_pin_dialog (f->window);
  g_assert_false (gtk_widget_get_sensitive (pl_pin_dialog_get_entry (dialog)));
  g_assert_nonnull (strstr (pl_pin_dialog_get_message (dialog), "3 seconds"));
  gtk_window_close (GTK_WINDOW (dialog));
  pl_gui_test_run_frames (2);

  /* Once the wait is over, by the store's clock, the right PIN opens */
  pl_store_set_clock (pl_window_get_store (f->window), t2);
  g_assert_true (gtk_widget_activate (pl_window_get_person_button (f->window, f->arthur)));
  g_assert_true (pl_gui_test_wait_until (has_pin_dialog, f));
  dialog = pl_window_get_pin_dialog (f->window);
  g_assert_true (gtk_widget_get_sensitive (pl_pin_dialog_get_entry (dialog)));
  pl_pin_dialog_try (dialog, arthur_pin);
  g_assert_true (pl_gui_test_wait_until (at_home, f));
  g_assert_cmpint (pl_window_get_person_id (f->window), ==, f->arthur);
}

/* Nobody using the window for the chosen time sends it back to the start
 * and forgets what was open; "never" means never */
static void
test_idle_lock (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PlStore) store = pl_store_open (f->path, PL_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(PlSettings) settings = pl_store_get_settings (store, f->peggy, NULL);
  PlIdleLock *lock = pl_window_get_idle_lock (f->window);

  settings->lock_minutes = 5;
  g_assert_true (pl_store_save_settings (store, settings, NULL));
  g_clear_pointer (&store, pl_store_unref);

  /* At the start screen there is nothing to lock */
  g_assert_false (pl_idle_lock_is_armed (lock));

  g_assert_true (pl_window_open_person (f->window, f->peggy));
  g_assert_true (pl_gui_test_wait_until (at_home, f));
  g_assert_true (pl_idle_lock_is_armed (lock));
  g_assert_cmpuint (pl_idle_lock_get_timeout (lock), ==, 5 * 60 * 1000);

  g_assert_true (pl_window_open_page (f->window, PL_DOCUMENT_PLAN));
  g_assert_true (pl_gui_test_wait_until (document_shown, f));

  /* Five minutes, made short */
  pl_idle_lock_set_timeout (lock, 200);
  g_assert_true (pl_gui_test_wait_until (at_start, f));
  pl_gui_test_run_frames (2);
  g_assert_cmpint (pl_window_get_person_id (f->window), ==, 0);
  g_assert_null (pl_document_view_get_document (pl_window_get_document_view (f->window)));
  g_assert_false (pl_idle_lock_is_armed (lock));
  /* and says why, until someone dismisses it */
  g_assert_nonnull (strstr (pl_window_get_notice (f->window), "5 minutes"));

  /* Talking buttons follow the reader's own settings, and stop at the start */
  g_assert_false (pl_talking_buttons_get_enabled (pl_window_get_talking_buttons (f->window)));

  /* Arthur chose never */
  g_assert_true (pl_window_open_person (f->window, f->arthur));
  g_assert_true (pl_gui_test_wait_until (at_home, f));
  g_assert_false (pl_idle_lock_is_armed (lock));
  g_assert_cmpuint (pl_idle_lock_get_timeout (lock), ==, 0);
}

static void
test_talking_buttons_follow_settings (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(PlStore) store = pl_store_open (f->path, PL_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(PlSettings) settings = pl_store_get_settings (store, f->peggy, NULL);
  PlTalkingButtons *talking = pl_window_get_talking_buttons (f->window);

  settings->talking_buttons = TRUE;
  g_assert_true (pl_store_save_settings (store, settings, NULL));
  g_clear_pointer (&store, pl_store_unref);

  g_assert_false (pl_talking_buttons_get_enabled (talking));
  g_assert_true (pl_window_open_person (f->window, f->peggy));
  g_assert_true (pl_gui_test_wait_until (at_home, f));
  g_assert_true (pl_talking_buttons_get_enabled (talking));

  g_assert_true (pl_window_go_back (f->window));
  g_assert_true (pl_gui_test_wait_until (at_start, f));
  g_assert_false (pl_talking_buttons_get_enabled (talking));

  g_assert_true (pl_window_open_person (f->window, f->arthur));
  g_assert_true (pl_gui_test_wait_until (at_home, f));
  g_assert_false (pl_talking_buttons_get_enabled (talking));
}

static gboolean
settings_shown (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_is_drawable (GTK_WIDGET (pl_window_get_settings_page (f->window))) &&
         pl_window_get_person_id (f->window) != 0;
}

/* "My settings" from the home: each change shows and is kept at once, a PIN
 * set there is asked for next time, and Back returns to the home */
static void
test_my_settings (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlSettings) saved = NULL;
  g_autoptr(PlPerson) person = NULL;
  PlSettingsPage *page = pl_window_get_settings_page (f->window);
  GtkWidget *button;

  g_assert_true (pl_window_open_person (f->window, f->peggy));
  g_assert_true (pl_gui_test_wait_until (at_home, f));
  button = pl_window_get_settings_button (f->window);
  g_assert_true (gtk_widget_is_drawable (button));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "My settings");
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (pl_gui_test_wait_until (settings_shown, f));
  g_assert_cmpstr (pl_settings_page_get_person_name (page), ==, "Peggy");

  g_signal_emit_by_name (pl_gui_test_find_named (GTK_WIDGET (page), "text-size-32"), "clicked");
  g_signal_emit_by_name (pl_gui_test_find_named (GTK_WIDGET (page), "theme-cream"), "clicked");
  g_assert_cmpint (pl_window_get_text_size (f->window), ==, 32);
  g_assert_cmpstr (pl_window_get_theme (f->window), ==, "cream");

  g_signal_emit_by_name (page, "pin-requested", "8642");
  /* Protected in a worker thread; the page says so meanwhile */
  g_assert_false (pl_settings_page_get_has_pin (page));
  g_assert_true (pl_gui_test_wait_until (pin_saved, page));

  store = pl_store_open (f->path, PL_STORE_OPEN_DEFAULT, NULL);
  saved = pl_store_get_settings (store, f->peggy, NULL);
  g_assert_cmpint (saved->id, >, 0);
  g_assert_cmpint (saved->text_size, ==, 32);
  g_assert_cmpstr (saved->theme, ==, "cream");
  person = pl_store_load_person (store, f->peggy, NULL);
  g_assert_true (pl_secret_verify (person->pin_hash, "8642"));
  g_assert_true (pl_settings_page_get_has_pin (page));

  /* Back home, on the button they pressed */
  g_assert_true (pl_window_go_back (f->window));
  g_assert_true (pl_gui_test_wait_until (at_home, f));
  pl_gui_test_run_frames (2);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == button);

  /* Next time Peggy is asked for it */
  g_assert_true (pl_window_go_back (f->window));
  g_assert_true (pl_gui_test_wait_until (at_start, f));
  g_assert_true (gtk_widget_activate (pl_window_get_person_button (f->window, f->peggy)));
  g_assert_true (pl_gui_test_wait_until (has_pin_dialog, f));
  pl_pin_dialog_try (pl_window_get_pin_dialog (f->window), "8642");
  g_assert_true (pl_gui_test_wait_until (at_home, f));

  /* and removing it is kept too */
  g_assert_true (pl_window_open_settings (f->window));
  g_signal_emit_by_name (page, "pin-requested", NULL);
  g_clear_pointer (&person, pl_person_free);
  person = pl_store_load_person (store, f->peggy, NULL);
  g_assert_null (person->pin_hash);
}

static gboolean
form_shown (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_is_drawable (GTK_WIDGET (pl_window_get_complaint_form (f->window)));
}

/* "Tell us what you think" opens the guided form, and Back keeps what was
 * written and returns to the home; a carer without the person's complaints
 * shared is not offered it */
static void
test_feedback_form (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *button;
  GtkStack *stack;

  g_assert_true (pl_window_open_person (f->window, f->peggy));
  g_assert_true (pl_gui_test_wait_until (at_home, f));
  button = pl_window_get_feedback_button (f->window);
  g_assert_true (gtk_widget_is_drawable (button));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Tell us what you think");

  g_assert_true (gtk_widget_activate (button));
  g_assert_true (pl_gui_test_wait_until (form_shown, f));
  stack = pl_complaint_form_get_stack (pl_window_get_complaint_form (f->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "kind");

  g_assert_true (pl_window_go_back (f->window));
  g_assert_true (pl_gui_test_wait_until (at_home, f));
  pl_gui_test_run_frames (2);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == button);

  /* Mair may see Peggy's plan and diary, not her complaints */
  g_assert_true (pl_window_go_back (f->window));
  g_assert_true (pl_gui_test_wait_until (at_start, f));
  g_assert_true (pl_window_open_person_as_carer (f->window, f->peggy, f->carer));
  g_assert_true (pl_gui_test_wait_until (at_home, f));
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_false (pl_window_open_feedback (f->window));
  gtk_window_close (pl_window_get_error_dialog (f->window));
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

  g_test_add ("/plainly/people/carer-sees-what-is-shared", Fixture, NULL,
              fixture_setup, test_carer_sees_what_is_shared, fixture_teardown);
  g_test_add ("/plainly/people/carer-supports-several", Fixture, NULL,
              fixture_setup, test_carer_supports_several, fixture_teardown);
  g_test_add ("/plainly/people/pin", Fixture, arthur_pin,
              fixture_setup, test_pin, fixture_teardown);
  g_test_add ("/plainly/people/pin-wait", Fixture, arthur_pin,
              fixture_setup, test_pin_wait, fixture_teardown);
  g_test_add ("/plainly/people/idle-lock", Fixture, NULL,
              fixture_setup, test_idle_lock, fixture_teardown);
  g_test_add ("/plainly/people/talking-buttons-follow-settings", Fixture, NULL,
              fixture_setup, test_talking_buttons_follow_settings, fixture_teardown);
  g_test_add ("/plainly/people/feedback-form", Fixture, NULL,
              fixture_setup, test_feedback_form, fixture_teardown);
  g_test_add ("/plainly/people/my-settings", Fixture, NULL,
              fixture_setup, test_my_settings, fixture_teardown);

  return g_test_run ();
}
