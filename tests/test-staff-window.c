/* test-staff-window.c: staff set up, sign in, sign out and their accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb, through the real entries and buttons. Each test builds
 * its own database in a temporary folder.
 */

#include "config.h"

#include "pl-idle-lock-private.h"

#include <string.h>

#include "pl-staff.h"
#include "pl-staff-accounts-private.h"
#include "pl-staff-window-private.h"
#include "pl-store.h"
#include "pl-window-private.h"
#include "pl-gui-test-util.h"
#include "pl-test-util.h"

#define MANAGER_PASSWORD "kettle-on-at-four"

typedef struct
{
  char          *dir;
  char          *path;
  PlStore       *store;
  PlStaffWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = pl_test_make_dir ("plainly-staff-window");
  f->store = pl_test_open_store (f->dir, &f->path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  pl_gui_test_run_frames (1);
  g_clear_pointer (&f->store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
open_window (Fixture *f)
{
  f->window = pl_staff_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, f->window));
}

static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (found);
  return GTK_WIDGET (found);
}

static void
type_into (gpointer    widget,
           GType       type,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (widget, type, name)), text);
}

static void
click (gpointer    widget,
       GType       type,
       const char *name)
{
  GtkWidget *button = child (widget, type, name);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  pl_gui_test_run_frames (1);
}

static const char *
label_text (gpointer    widget,
            GType       type,
            const char *name)
{
  GtkWidget *label = child (widget, type, name);

  if (!gtk_widget_get_visible (label))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (label));
}

#define W PL_TYPE_STAFF_WINDOW

static void
add_manager (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStaff) staff = pl_staff_create (f->store, NULL, "sam", "Sam Patel",
                                              PL_ROLE_MANAGER, MANAGER_PASSWORD, &error);

  g_assert_no_error (error);
  g_assert_nonnull (staff);
}

/* The sidebar rows' accessible names, one a line */
static char *
row_names (GtkWidget *list)
{
  GString *names = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *label = gtk_widget_get_first_child (gtk_widget_get_first_child (row));

      g_string_append_printf (names, "%s\n", gtk_label_get_label (GTK_LABEL (label)));
    }
  return g_string_free (names, FALSE);
}

/* The first run asks for the first manager, checks what was typed and then
 * opens the desk signed in as them */
static void
test_first_manager (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *service = NULL;
  g_autoptr(PlStaff) stored = NULL;
  const char *message;

  open_window (f);
  g_assert_cmpstr (pl_staff_window_get_page (f->window), ==, "setup");
  g_assert_null (pl_staff_window_get_staff (f->window));

  /* Nothing typed: asked for a name first */
  click (f->window, W, "setup_button");
  message = label_text (f->window, W, "setup_message");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "name"));
  g_assert_cmpstr (pl_staff_window_get_page (f->window), ==, "setup");

  type_into (f->window, W, "setup_name", "Siân Llŷr");
  type_into (f->window, W, "setup_username", "sian");
  type_into (f->window, W, "setup_password", MANAGER_PASSWORD);
  type_into (f->window, W, "setup_confirm", "kettle-on-at-five");
  click (f->window, W, "setup_button");
  g_assert_nonnull (strstr (label_text (f->window, W, "setup_message"), "not the same"));
  /* The mistyped copy is cleared, the first kept */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f->window, W, "setup_confirm"))), ==, "");

  /* Too short a password: the core's rule, said in words */
  type_into (f->window, W, "setup_password", "short");
  type_into (f->window, W, "setup_confirm", "short");
  click (f->window, W, "setup_button");
  g_assert_nonnull (label_text (f->window, W, "setup_message"));
  g_assert_cmpstr (pl_staff_window_get_page (f->window), ==, "setup");
  g_assert_true (pl_staff_needs_first_manager (f->store, &error));

  type_into (f->window, W, "setup_password", MANAGER_PASSWORD);
  type_into (f->window, W, "setup_confirm", MANAGER_PASSWORD);
  click (f->window, W, "setup_button");
  g_assert_cmpstr (pl_staff_window_get_page (f->window), ==, "desk");
  g_assert_nonnull (pl_staff_window_get_staff (f->window));
  g_assert_cmpint (pl_staff_window_get_staff (f->window)->role, ==, PL_ROLE_MANAGER);
  g_assert_nonnull (pl_staff_window_get_notice (f->window));

  /* Stored, with the password hashed, never in clear */
  stored = pl_staff_find (f->store, "sian", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->display_name, ==, "Siân Llŷr");
  g_assert_null (strstr (stored->password_hash, MANAGER_PASSWORD));
  g_assert_false (pl_staff_needs_first_manager (f->store, &error));

  /* A manager's sidebar has the staff accounts */
  service = row_names (child (f->window, W, "service_list"));
  g_assert_nonnull (strstr (service, "Staff accounts"));
}

static gboolean
sign_in_checked (gpointer data)
{
  return !pl_staff_window_get_checking (data);
}

/* Presses Sign In and waits on the main loop for the answer: the password
 * is checked in a worker thread, while the page says so */
static void
sign_in_and_wait (Fixture *f)
{
  click (f->window, W, "sign_in_button");
  g_assert_true (pl_staff_window_get_checking (f->window));
  g_assert_nonnull (strstr (label_text (f->window, W, "sign_in_message"), "Checking"));
  g_assert_true (pl_gui_test_wait_until (sign_in_checked, f->window));
}

static void
test_sign_in_out (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *content;

  add_manager (f);
  open_window (f);
  g_assert_cmpstr (pl_staff_window_get_page (f->window), ==, "sign-in");
  g_assert_false (gtk_widget_get_visible (child (f->window, W, "sign_out_button")));

  /* A wrong password is refused in words, and the password is cleared */
  type_into (f->window, W, "sign_in_username", "sam");
  type_into (f->window, W, "sign_in_password", "kettle-off");
  sign_in_and_wait (f);
  g_assert_cmpstr (pl_staff_window_get_page (f->window), ==, "sign-in");
  g_assert_nonnull (label_text (f->window, W, "sign_in_message"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f->window, W, "sign_in_password"))),
                   ==, "");

  /* The same words for a user name that does not exist: nothing to learn */
  {
    g_autofree char *wrong_password = g_strdup (label_text (f->window, W, "sign_in_message"));

    type_into (f->window, W, "sign_in_username", "nobody");
    type_into (f->window, W, "sign_in_password", MANAGER_PASSWORD);
    sign_in_and_wait (f);
    g_assert_cmpstr (label_text (f->window, W, "sign_in_message"), ==, wrong_password);
  }

  type_into (f->window, W, "sign_in_username", "  sam ");
  type_into (f->window, W, "sign_in_password", MANAGER_PASSWORD);
  sign_in_and_wait (f);
  g_assert_cmpstr (pl_staff_window_get_page (f->window), ==, "desk");
  g_assert_cmpstr (pl_staff_window_get_staff (f->window)->username, ==, "sam");
  g_assert_true (gtk_widget_get_visible (child (f->window, W, "sign_out_button")));
  g_assert_true (pl_idle_lock_is_armed (pl_staff_window_get_idle_lock (f->window)));
  g_assert_cmpuint (pl_idle_lock_get_timeout (pl_staff_window_get_idle_lock (f->window)),
                    ==, 10 * 60 * 1000);

  g_assert_true (pl_staff_window_open (f->window, 0, "staff"));
  content = pl_staff_window_get_content (f->window);
  g_assert_true (PL_IS_STAFF_ACCOUNTS (content));

  /* Signing out forgets who it was and everything they had open */
  g_object_add_weak_pointer (G_OBJECT (content), (gpointer *) &content);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "staff.sign-out", NULL);
  pl_gui_test_run_frames (1);
  g_assert_null (content);
  g_assert_null (pl_staff_window_get_staff (f->window));
  g_assert_cmpstr (pl_staff_window_get_page (f->window), ==, "sign-in");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f->window, W, "sign_in_username"))),
                   ==, "");
  g_assert_false (pl_idle_lock_is_armed (pl_staff_window_get_idle_lock (f->window)));
  g_assert_false (pl_staff_window_open (f->window, 0, "staff"));
}

static gboolean
signed_out (gpointer data)
{
  return pl_staff_window_get_staff (data) == NULL;
}

/* A computer left alone does not stay signed in as staff */
static void
test_idle_sign_out (Fixture       *f,
                    gconstpointer  data)
{
  add_manager (f);
  open_window (f);
  g_assert_true (pl_staff_window_sign_in (f->window, "sam", MANAGER_PASSWORD));
  pl_idle_lock_set_timeout (pl_staff_window_get_idle_lock (f->window), 200);
  g_assert_true (pl_gui_test_wait_until (signed_out, f->window));
  g_assert_cmpstr (pl_staff_window_get_page (f->window), ==, "sign-in");
  g_assert_nonnull (pl_staff_window_get_notice (f->window));
  g_assert_nonnull (strstr (pl_staff_window_get_notice (f->window), "not used"));
}

/* A manager adds a care worker through the form; the care worker then sees
 * only their own account and changes their own password */
static void
test_accounts (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStaff) added = NULL;
  g_autofree char *service = NULL;
  PlStaffAccounts *accounts;
  const GType A = PL_TYPE_STAFF_ACCOUNTS;

  add_manager (f);
  open_window (f);
  g_assert_true (pl_staff_window_sign_in (f->window, "sam", MANAGER_PASSWORD));
  g_assert_true (pl_staff_window_open (f->window, 0, "staff"));
  accounts = PL_STAFF_ACCOUNTS (pl_staff_window_get_content (f->window));

  type_into (accounts, A, "add_name", "Jo Evans");
  type_into (accounts, A, "add_username", "sam");
  type_into (accounts, A, "add_password", "first-day-123");
  click (accounts, A, "add_button");
  /* The user name is taken: said, nothing added */
  g_assert_nonnull (pl_staff_accounts_get_message (accounts));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (accounts, A, "add_name"))), ==,
                   "Jo Evans");

  type_into (accounts, A, "add_username", "jo");
  click (accounts, A, "add_button");
  g_assert_nonnull (strstr (pl_staff_accounts_get_message (accounts), "Jo Evans"));
  added = pl_staff_find (f->store, "jo", &error);
  g_assert_no_error (error);
  g_assert_cmpint (added->role, ==, PL_ROLE_CARE_WORKER);

  pl_staff_window_sign_out (f->window, NULL);
  g_assert_true (pl_staff_window_sign_in (f->window, "jo", "first-day-123"));
  service = row_names (child (f->window, W, "service_list"));
  g_assert_null (strstr (service, "Staff accounts"));
  g_assert_nonnull (strstr (service, "My account"));
  g_assert_true (pl_staff_window_open (f->window, 0, "staff"));
  accounts = PL_STAFF_ACCOUNTS (pl_staff_window_get_content (f->window));
  g_assert_false (gtk_widget_get_visible (child (accounts, A, "add_group")));

  type_into (accounts, A, "own_old", "first-day-123");
  type_into (accounts, A, "own_new", "my-own-secret-9");
  type_into (accounts, A, "own_confirm", "my-own-secret-9");
  click (accounts, A, "own_button");
  g_assert_nonnull (strstr (pl_staff_accounts_get_message (accounts), "changed"));

  pl_staff_window_sign_out (f->window, NULL);
  g_assert_false (pl_staff_window_sign_in (f->window, "jo", "first-day-123"));
  g_assert_true (pl_staff_window_sign_in (f->window, "jo", "my-own-secret-9"));
}

/* The person's window opens the staff window for its own database, and
 * takes it down with the database */
static void
test_from_main_window (Fixture       *f,
                       gconstpointer  data)
{
  PlWindow *main_window = pl_window_new (NULL);
  g_autofree char *other_dir = pl_test_make_dir ("plainly-staff-window-other");
  g_autofree char *other_path = g_build_filename (other_dir, "other.db", NULL);
  GtkWindow *staff;

  g_clear_pointer (&f->store, pl_store_unref);
  g_assert_true (pl_window_open_database (main_window, f->path));
  gtk_window_present (GTK_WINDOW (main_window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window), "win.staff", NULL));
  staff = pl_window_open_staff (main_window);
  g_assert_true (PL_IS_STAFF_WINDOW (staff));
  g_assert_cmpstr (pl_staff_window_get_page (PL_STAFF_WINDOW (staff)), ==, "setup");
  /* Asked again, the same window comes forward */
  g_assert_true (pl_window_open_staff (main_window) == staff);

  g_object_add_weak_pointer (G_OBJECT (staff), (gpointer *) &staff);
  g_assert_true (pl_window_open_database (main_window, other_path));
  pl_gui_test_run_frames (1);
  g_assert_null (staff);

  gtk_window_destroy (GTK_WINDOW (main_window));
  pl_gui_test_run_frames (1);
  pl_test_remove_dir (other_dir);
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/plainly/staff-window/first-manager", test_first_manager);
  ADD ("/plainly/staff-window/sign-in-out", test_sign_in_out);
  ADD ("/plainly/staff-window/idle-sign-out", test_idle_sign_out);
  ADD ("/plainly/staff-window/accounts", test_accounts);
  ADD ("/plainly/staff-window/from-main-window", test_from_main_window);

  return g_test_run ();
}
