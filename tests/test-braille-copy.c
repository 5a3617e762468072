/* test-braille-copy.c: "Save Braille Copy" and its preview, for the person and for staff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. The preview shows the copy's own pages in Unicode
 * braille cells and turns them from the keyboard; the dialog starts from
 * the person's needs, makes the preview again when an option changes,
 * writes the same BRF as pl_braille_format () through PlOutputFile, and
 * says plainly why it could not. The person's print menu puts braille
 * first when their needs ask for it; staff open the dialog with the
 * preview shown, through the access policy. Staff save a talking book in
 * the person's own look and voice, and a full disk leaves nothing.
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "pl-access.h"
#include "pl-braille.h"
#include "pl-braille-dialog-private.h"
#include "pl-braille-preview-private.h"
#include "pl-copy-saver-private.h"
#include "pl-demo.h"
#include "pl-document.h"
#include "pl-person-pages-private.h"
#include "pl-staff.h"
#include "pl-staff-window-private.h"
#include "pl-voice.h"
#include "pl-window-private.h"
#include "pl-gui-test-util.h"
#include "pl-test-util.h"
#include "pl-widget-util.h"

#define SAM_PASSWORD "tea-and-biscuits-7"

typedef struct
{
  char       *dir;
  char       *path;
  gint64      person;
  PlDocument *plan;       /* as the person reads it */
  GtkWindow  *window;
  guint       n_saved;
  char       *saved_words;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlViewer) viewer = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = pl_test_make_dir ("plainly-braille-copy");
  store = pl_test_open_store (f->dir, &f->path);
  g_assert_true (pl_demo_install (store, &f->person, &error));
  g_assert_no_error (error);
  viewer = pl_access_open_person (store, f->person, NULL, &error);
  g_assert_no_error (error);
  f->plan = pl_document_build_for (store, viewer, PL_DOCUMENT_PLAN, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  /* The dialogs too, before the folder they wrote in goes */
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (toplevels);
  pl_gui_test_run_frames (2);
  g_clear_object (&f->plan);
  pl_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
  g_free (f->saved_words);
}

static char *
format (PlDocument *document,
        int         grade,
        guint       cells)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlBrailleOptions) options = pl_braille_options_new ();
  char *brf;

  options->grade = grade;
  options->cells = cells;
  brf = pl_braille_format (document, options, NULL, &error);
  g_assert_no_error (error);
  return brf;
}

static guint
count_pages (const char *brf)
{
  guint n = 1;

  for (const char *p = brf; *p != '\0'; p++)
    n += *p == '\f';
  return n;
}

/* Each line of the page shown: cells of the braille block alone, no more
 * than cells of them, and no more than lines of lines */
static void
assert_page_shape (PlBraillePreview *preview,
                   guint             cells,
                   guint             lines)
{
  g_auto(GStrv) rows = g_strsplit (pl_braille_preview_get_cells (preview), "\n", -1);

  g_assert_cmpuint (g_strv_length (rows), <=, lines);
  g_assert_cmpuint (g_strv_length (rows), >, 1);
  for (guint r = 0; rows[r] != NULL; r++)
    {
      g_assert_true (g_utf8_validate (rows[r], -1, NULL));
      g_assert_cmpint (g_utf8_strlen (rows[r], -1), <=, (glong) cells);
      for (const char *p = rows[r]; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          g_assert_cmpuint (c, >=, 0x2800);
          g_assert_cmpuint (c, <=, 0x283f);
        }
    }
}

static GtkWindow *
window_with (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1024, 768);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, window));
  return window;
}

static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  PlBraillePreview *preview = pl_braille_preview_new ();
  g_autofree char *brf = format (f->plan, 2, PL_BRAILLE_DEFAULT_CELLS);
  g_autofree char *unicode = pl_braille_to_unicode (brf);
  g_auto(GStrv) pages = g_strsplit (unicode, "\f", -1);
  g_auto(GStrv) first_rows = NULL;
  g_autofree char *first_words = NULL;
  g_autofree char *second_words = NULL;
  g_autofree char *last_words = NULL;
  g_auto(GStrv) second_rows = NULL;
  guint n = count_pages (brf);

  f->window = window_with (GTK_WIDGET (preview));
  g_assert_cmpuint (pl_braille_preview_get_n_pages (preview), ==, 0);
  g_assert_cmpstr (pl_braille_preview_get_cells (preview), ==, "");

  pl_braille_preview_set_brf (preview, brf);
  g_assert_cmpuint (n, >, 3);
  g_assert_cmpuint (pl_braille_preview_get_n_pages (preview), ==, n);
  g_assert_cmpuint (pl_braille_preview_get_page (preview), ==, 0);
  first_words = g_strdup_printf ("Page 1 of %u", n);
  g_assert_cmpstr (pl_braille_preview_get_page_words (preview), ==, first_words);
  assert_page_shape (preview, PL_BRAILLE_DEFAULT_CELLS, PL_BRAILLE_DEFAULT_LINES);

  /* The page as embossed: its number (#A, dots 3456 1) at the top right */
  first_rows = g_strsplit (pl_braille_preview_get_cells (preview), "\n", -1);
  g_assert_true (g_str_has_suffix (first_rows[0], "\u283c\u2801"));
  g_assert_cmpint (g_utf8_strlen (first_rows[0], -1), ==, PL_BRAILLE_DEFAULT_CELLS);
  {
    g_autofree char *page = g_strdup (pages[0]);
    g_auto(GStrv) want = g_strsplit (page, "\r\n", -1);

    for (guint r = 0; first_rows[r] != NULL; r++)
      g_assert_cmpstr (first_rows[r], ==, want[r]);
  }

  /* No page before the first */
  gtk_widget_activate_action (GTK_WIDGET (preview), "braille-preview.previous", NULL);
  g_assert_cmpuint (pl_braille_preview_get_page (preview), ==, 0);

  /* Turned by the keyboard, with the focus on the preview: the first
   * place Tab goes in it */
  gtk_window_set_focus (f->window, NULL);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_window_get_focus (f->window) == GTK_WIDGET (preview));
  g_assert_nonnull (pl_gui_test_press_keys (gtk_window_get_focus (f->window), "Page_Down"));
  g_assert_cmpuint (pl_braille_preview_get_page (preview), ==, 1);
  second_words = g_strdup_printf ("Page 2 of %u", n);
  g_assert_cmpstr (pl_braille_preview_get_page_words (preview), ==, second_words);
  second_rows = g_strsplit (pl_braille_preview_get_cells (preview), "\n", -1);
  g_assert_true (g_str_has_suffix (second_rows[0], "\u283c\u2803"));
  g_assert_nonnull (pl_gui_test_press_keys (GTK_WIDGET (preview), "<Alt>Right"));
  g_assert_cmpuint (pl_braille_preview_get_page (preview), ==, 2);
  g_assert_nonnull (pl_gui_test_press_keys (GTK_WIDGET (preview), "Page_Up"));
  g_assert_cmpuint (pl_braille_preview_get_page (preview), ==, 1);

  /* No page past the last */
  pl_braille_preview_set_page (preview, n + 5);
  g_assert_cmpuint (pl_braille_preview_get_page (preview), ==, n - 1);
  last_words = g_strdup_printf ("Page %u of %u", n, n);
  g_assert_cmpstr (pl_braille_preview_get_page_words (preview), ==, last_words);
  pl_braille_preview_set_page (preview, n - 1);
  gtk_widget_activate_action (GTK_WIDGET (preview), "braille-preview.next", NULL);
  g_assert_cmpuint (pl_braille_preview_get_page (preview), ==, n - 1);

  /* A shorter copy keeps the place where it can */
  {
    g_autofree char *wide = format (f->plan, 2, 80);

    pl_braille_preview_set_brf (preview, wide);
    g_assert_cmpuint (pl_braille_preview_get_n_pages (preview), ==, count_pages (wide));
    g_assert_cmpuint (pl_braille_preview_get_page (preview), <, count_pages (wide));
  }

  pl_braille_preview_set_brf (preview, NULL);
  g_assert_cmpuint (pl_braille_preview_get_n_pages (preview), ==, 0);
  g_assert_cmpstr (pl_braille_preview_get_page_words (preview), ==, "");
}

static gboolean
preview_ready (gpointer data)
{
  PlBrailleDialog *dialog = data;

  return !pl_braille_dialog_is_previewing (dialog) &&
         pl_braille_preview_get_n_pages (pl_braille_dialog_get_preview (dialog)) > 0;
}

static gboolean
not_busy (gpointer data)
{
  return !pl_braille_dialog_is_busy (PL_BRAILLE_DIALOG (data));
}

static void
saved_cb (PlBrailleDialog *dialog,
          const char      *words,
          Fixture         *f)
{
  f->n_saved++;
  g_free (f->saved_words);
  f->saved_words = g_strdup (words);
}

static void
test_dialog (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PlBrailleOptions) defaults = pl_braille_options_new ();
  g_autoptr(PlBrailleOptions) chosen = NULL;
  g_autofree char *grade_2 = format (f->plan, 2, PL_BRAILLE_DEFAULT_CELLS);
  g_autofree char *grade_1 = format (f->plan, 1, 32);
  g_autofree char *target = g_build_filename (f->dir, "plan.brf", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "no such folder", "plan.brf", NULL);
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  PlBrailleDialog *dialog;
  PlBraillePreview *preview;
  GtkSpinButton *cells_spin;
  struct stat st;

  dialog = pl_braille_dialog_new (NULL, f->plan, defaults, TRUE);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), f);
  gtk_window_present (GTK_WINDOW (dialog));
  preview = pl_braille_dialog_get_preview (dialog);

  /* Contracted UEB, 40 by 25: the preview is the copy's own pages */
  chosen = pl_braille_dialog_get_options (dialog);
  g_assert_cmpint (chosen->grade, ==, 2);
  g_assert_cmpuint (chosen->cells, ==, PL_BRAILLE_DEFAULT_CELLS);
  g_assert_cmpuint (chosen->lines, ==, PL_BRAILLE_DEFAULT_LINES);
  g_assert_true (pl_gui_test_wait_until (preview_ready, dialog));
  g_assert_cmpuint (pl_braille_preview_get_n_pages (preview), ==, count_pages (grade_2));
  assert_page_shape (preview, PL_BRAILLE_DEFAULT_CELLS, PL_BRAILLE_DEFAULT_LINES);

  /* Uncontracted, 32 cells: made again, longer */
  pl_braille_dialog_set_grade (dialog, 1);
  cells_spin = GTK_SPIN_BUTTON (pl_gui_test_find_named (GTK_WIDGET (dialog), "cells"));
  g_assert_nonnull (cells_spin);
  gtk_spin_button_set_value (cells_spin, 32);
  g_assert_true (pl_gui_test_wait_until (preview_ready, dialog));
  g_assert_cmpuint (pl_braille_preview_get_n_pages (preview), ==, count_pages (grade_1));
  g_assert_cmpuint (count_pages (grade_1), >, count_pages (grade_2));
  assert_page_shape (preview, 32, PL_BRAILLE_DEFAULT_LINES);
  g_clear_pointer (&chosen, pl_braille_options_free);
  chosen = pl_braille_dialog_get_options (dialog);
  g_assert_cmpint (chosen->grade, ==, 1);
  g_assert_cmpuint (chosen->cells, ==, 32);

  /* A place that is not there: said plainly, nothing written, still open */
  pl_braille_dialog_save_to (dialog, nowhere);
  g_assert_true (pl_gui_test_wait_until (not_busy, dialog));
  g_assert_nonnull (pl_braille_dialog_get_message (dialog));
  g_assert_nonnull (strstr (pl_braille_dialog_get_message (dialog), "is not there"));
  g_assert_cmpuint (f->n_saved, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* A folder given as the file */
  pl_braille_dialog_save_to (dialog, f->dir);
  g_assert_true (pl_gui_test_wait_until (not_busy, dialog));
  g_assert_nonnull (strstr (pl_braille_dialog_get_message (dialog), "is a folder"));
  g_assert_cmpuint (f->n_saved, ==, 0);

  /* Then written whole, only its owner may read it, and the dialog goes */
  g_object_ref (dialog);
  pl_braille_dialog_save_to (dialog, target);
  g_assert_true (pl_braille_dialog_is_busy (dialog));
  g_assert_true (pl_gui_test_wait_until (not_busy, dialog));
  g_assert_cmpuint (f->n_saved, ==, 1);
  g_assert_cmpstr (f->saved_words, ==, "The braille copy is saved.");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
  g_assert_true (g_file_get_contents (target, &written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, grade_1);
  g_assert_cmpint (stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* Whether a label under root shows text starting with prefix */
static gboolean
shows_label (GtkWidget  *root,
             const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (root)), prefix))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, prefix))
      return TRUE;
  return FALSE;
}

/* The dialog names the code the copy is written in: Welsh braille for a
 * Welsh reader, not Unified English Braille */
static void
test_dialog_code (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PlBrailleOptions) english = pl_braille_options_new ();
  g_autoptr(PlBrailleOptions) welsh = pl_braille_options_new ();
  PlBrailleDialog *dialog;

  dialog = pl_braille_dialog_new (NULL, f->plan, english, FALSE);
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Unified English Braille,"));
  g_assert_false (shows_label (GTK_WIDGET (dialog), "Welsh braille,"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  welsh->language = g_strdup ("cy-GB");
  dialog = pl_braille_dialog_new (NULL, f->plan, welsh, FALSE);
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Welsh braille,"));
  g_assert_false (shows_label (GTK_WIDGET (dialog), "Unified English Braille,"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static PlBrailleDialog *
find_braille_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  PlBrailleDialog *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PL_IS_BRAILLE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static GtkExpander *
find_expander (GtkWidget *root)
{
  if (GTK_IS_EXPANDER (root))
    return GTK_EXPANDER (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkExpander *found = find_expander (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The action of the first item of the first section of the print menu */
static char *
first_copy_action (PlWindow *window)
{
  GMenuModel *menu;
  g_autoptr(GMenuModel) section = NULL;
  char *action = NULL;

  gtk_menu_button_popup (window->print_button);
  pl_gui_test_run_frames (1);
  menu = gtk_menu_button_get_menu_model (window->print_button);
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  gtk_menu_button_popdown (window->print_button);
  return action;
}

static void
add_need (Fixture    *f,
          const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (f->path, PL_STORE_OPEN_NO_CREATE, &error);
  g_autoptr(PlCommNeed) need = pl_comm_need_new ();

  g_assert_no_error (error);
  need->person_id = f->person;
  need->category = PL_NEED_INFORMATION_FORMAT;
  need->code = g_strdup (code);
  need->description = g_strdup ("Requires information in braille");
  pl_store_save_comm_need (store, need, &error);
  g_assert_no_error (error);
}

static void
test_person (Fixture       *f,
             gconstpointer  data)
{
  PlWindow *window = pl_window_new (NULL);
  g_autofree char *first = NULL;
  g_autoptr(PlBrailleOptions) options = NULL;
  PlBrailleDialog *dialog;
  GtkExpander *expander;

  f->window = GTK_WINDOW (window);
  gtk_window_set_default_size (f->window, 1024, 768);
  pl_window_set_keep_settings (window, FALSE);
  /* Her talking buttons speak to no speaker: one missing would be said in
   * the notice this test reads, whenever the sound system answered */
  pl_voice_set_output (pl_window_get_voice (window), PL_SPEECH_OUTPUT_NULL, 4.0);
  g_assert_true (pl_window_open_database (window, f->path));
  gtk_window_present (f->window);
  g_assert_true (pl_window_open_person (window, f->person));
  g_assert_true (pl_window_open_page (window, PL_DOCUMENT_PLAN));

  /* The example person reads large print: paper first */
  g_assert_false (pl_window_braille_first (window));
  first = first_copy_action (window);
  g_assert_cmpstr (first, ==, "win.print");
  g_clear_pointer (&first, g_free);

  /* Recorded now: braille, uncontracted. It comes first, in grade 1 */
  add_need (f, PL_BRAILLE_NEED_GRADE_1);
  g_assert_true (pl_window_braille_first (window));
  first = first_copy_action (window);
  g_assert_cmpstr (first, ==, "win.save-braille");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-braille", NULL));
  dialog = find_braille_dialog ();
  g_assert_nonnull (dialog);
  options = pl_braille_dialog_get_options (dialog);
  g_assert_cmpint (options->grade, ==, 1);
  g_assert_cmpuint (options->cells, ==, PL_BRAILLE_DEFAULT_CELLS);
  /* Cells on screen are no use to a braille reader: closed, and not made */
  expander = find_expander (GTK_WIDGET (dialog));
  g_assert_nonnull (expander);
  g_assert_false (gtk_expander_get_expanded (expander));
  g_assert_false (pl_braille_dialog_is_previewing (dialog));
  g_assert_cmpuint (pl_braille_preview_get_n_pages (pl_braille_dialog_get_preview (dialog)), ==, 0);
  /* A sighted helper opens them */
  gtk_expander_set_expanded (expander, TRUE);
  g_assert_true (pl_gui_test_wait_until (preview_ready, dialog));

  /* Saved, the window says so */
  {
    g_autofree char *target = g_build_filename (f->dir, "mine.brf", NULL);

    /* Held, as it closes itself once saved */
    g_object_ref (dialog);
    pl_braille_dialog_save_to (dialog, target);
    g_assert_true (pl_gui_test_wait_until (not_busy, dialog));
    g_object_unref (dialog);
    g_assert_cmpstr (pl_window_get_notice (window), ==, "The braille copy is saved.");
    g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
  }
}

/* Sam, the example person's coordinator, gets a password from a manager */
static void
let_sam_in (PlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStaff) manager = NULL;
  g_autoptr(PlStaff) sam = NULL;

  manager = pl_staff_create (store, NULL, "lorraine", "Lorraine Fisher", PL_ROLE_MANAGER,
                             "kettle-on-at-four", &error);
  g_assert_no_error (error);
  sam = pl_staff_find (store, "sam.patel", &error);
  g_assert_no_error (error);
  g_assert_true (pl_staff_reset_password (store, manager, sam->id, SAM_PASSWORD, &error));
  g_assert_no_error (error);
}

/* A 64 KiB tmpfs at dir: a disk that fills at once */
static gboolean
mount_small (const char *dir)
{
  const char *argv[] = { "mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", dir, NULL };
  int status = 0;

  return g_spawn_sync (NULL, (char **) argv, NULL,
                       G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

static void
unmount_small (const char *dir)
{
  const char *argv[] = { "umount", dir, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static void
test_staff (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (f->path, PL_STORE_OPEN_NO_CREATE, &error);
  PlStaffWindow *window;
  PlPersonPages *pages;
  PlBrailleDialog *dialog;
  GtkExpander *expander;

  g_assert_no_error (error);
  let_sam_in (store);

  window = pl_staff_window_new (NULL, store);
  f->window = GTK_WINDOW (window);
  gtk_window_set_default_size (f->window, 1280, 900);
  gtk_window_present (f->window);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, window));
  g_assert_true (pl_staff_window_sign_in (window, "sam.patel", SAM_PASSWORD));
  g_assert_true (pl_staff_window_open (window, f->person, "plan"));
  pages = PL_PERSON_PAGES (pl_staff_window_get_content (window));

  /* From the Braille Copy menu: the welcome pack, with its preview open */
  g_assert_nonnull (pl_gui_test_find_named (GTK_WIDGET (pages), "braille-button"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pages), "person.braille", "s", "welcome"));
  dialog = find_braille_dialog ();
  g_assert_nonnull (dialog);
  expander = find_expander (GTK_WIDGET (dialog));
  g_assert_true (gtk_expander_get_expanded (expander));
  g_assert_true (pl_gui_test_wait_until (preview_ready, dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  pl_gui_test_run_frames (1);

  /* The plan, as staff read it, in the grade the person's needs say */
  dialog = PL_BRAILLE_DIALOG (pl_person_pages_open_braille (pages, PL_DOCUMENT_PLAN));
  g_assert_true (PL_IS_BRAILLE_DIALOG (dialog));
  g_assert_true (pl_gui_test_wait_until (preview_ready, dialog));
  {
    g_autoptr(PlBrailleOptions) options = pl_braille_dialog_get_options (dialog);
    g_autofree char *target = g_build_filename (f->dir, "for-dorothy.brf", NULL);

    g_assert_cmpint (options->grade, ==, 2);
    g_object_ref (dialog);
    pl_braille_dialog_save_to (dialog, target);
    g_assert_true (pl_gui_test_wait_until (not_busy, dialog));
    g_object_unref (dialog);
    g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
  }
}

/* Narration takes a while on a busy machine: as long as it takes, as the
 * suite's own time limit ends a saver that never finishes */
static void
wait_for_saver (PlCopySaver *saver)
{
  g_object_ref (saver);
  while (pl_copy_saver_is_busy (saver))
    g_main_context_iteration (NULL, TRUE);
  g_object_unref (saver);
}

/* Staff save a document as a talking book in the person's own look and
 * voice; a full disk is said plainly and leaves nothing behind */
static void
test_staff_talking_book (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (f->path, PL_STORE_OPEN_NO_CREATE, &error);
  g_autofree char *target = g_build_filename (f->dir, "welcome.epub", NULL);
  g_autofree char *full = g_build_filename (f->dir, "full", NULL);
  g_autofree char *book = NULL;
  gsize length = 0;
  PlStaffWindow *window;
  PlPersonPages *pages;
  PlCopySaver *saver;
  GtkLabel *message;
  struct stat st;

  g_assert_no_error (error);
  if (pl_speech_get_sample_rate () == 0)
    {
      g_test_skip ("espeak-ng cannot start here");
      return;
    }
  let_sam_in (store);

  window = pl_staff_window_new (NULL, store);
  f->window = GTK_WINDOW (window);
  gtk_window_set_default_size (f->window, 1280, 900);
  gtk_window_present (f->window);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, window));
  g_assert_true (pl_staff_window_sign_in (window, "sam.patel", SAM_PASSWORD));
  g_assert_true (pl_staff_window_open (window, f->person, "plan"));
  pages = PL_PERSON_PAGES (pl_staff_window_get_content (window));
  g_assert_nonnull (pl_gui_test_find_named (GTK_WIDGET (pages), "talking-book-button"));
  message = GTK_LABEL (pl_gui_test_find_named (GTK_WIDGET (pages), "copy-message"));
  g_assert_nonnull (message);

  /* Saved whole, for its owner only, and staff are told */
  saver = PL_COPY_SAVER (pl_person_pages_save_talking_book (pages, PL_DOCUMENT_WELCOME, target));
  g_assert_true (PL_IS_COPY_SAVER (saver));
  wait_for_saver (saver);
  g_assert_cmpstr (pl_widget_get_message (message), ==, "The talking book is saved.");
  g_assert_true (g_file_get_contents (target, &book, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 58);
  g_assert_cmpint (memcmp (book, "PK\003\004", 4), ==, 0);
  g_assert_nonnull (memmem (book, length, "application/epub+zip", 20));
  g_assert_cmpint (stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A full disk: a small tmpfs, which only root may mount */
  g_assert_cmpint (g_mkdir (full, 0700), ==, 0);
  if (geteuid () != 0 || !mount_small (full))
    {
      g_test_message ("a full disk: mounting a small tmpfs needs root");
      return;
    }
  {
    g_autofree char *on_full = g_build_filename (full, "welcome.epub", NULL);
    g_autoptr(GDir) left = NULL;

    saver = PL_COPY_SAVER (pl_person_pages_save_talking_book (pages, PL_DOCUMENT_WELCOME, on_full));
    wait_for_saver (saver);
    g_assert_nonnull (strstr (pl_widget_get_message (message), "not enough room on the disk"));
    left = g_dir_open (full, 0, NULL);
    g_assert_null (g_dir_read_name (left));
  }
  unmount_small (full);
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/plainly/braille-copy/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("preview", test_preview);
  ADD ("dialog", test_dialog);
  ADD ("dialog-code", test_dialog_code);
  ADD ("person", test_person);
  ADD ("staff", test_staff);
  ADD ("staff-talking-book", test_staff_talking_book);
#undef ADD

  return g_test_run ();
}
