/* test-translation-dialog.c: staff keep a plan in another language, and
 * the person chooses which they read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every text of the plan is shown as written beside a box for the same in
 * the chosen language; what is typed is held for each language until Save,
 * Urdu is written from the right, an emptied box takes its translation
 * away, and closing with words not saved asks first. My settings then
 * offers the language, and choosing it is kept. Runs under Xvfb.
 */

#include "config.h"

#include <string.h>

#include "pl-document-example.h"
#include "pl-gui-test-util.h"
#include "pl-plan-translation.h"
#include "pl-settings-page.h"
#include "pl-translation-dialog.h"

static guint
count_in (PlStore    *store,
          gint64      person_id,
          const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) table = pl_plan_translation_table (store, person_id, language, &error);

  g_assert_no_error (error);
  return g_hash_table_size (table);
}

static void
test_translate (PlDocFixture  *f,
                gconstpointer  data)
{
  PlDocIds ids;
  PlTranslationDialog *dialog;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *expected = NULL;
  guint n;

  pl_doc_test_add_example (f, &ids);
  dialog = pl_translation_dialog_new (f->store, ids.person);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, dialog));

  /* Every text, and Welsh first: English is what the plan is written in */
  n = pl_translation_dialog_get_n_texts (dialog);
  g_assert_cmpuint (n, >, 10);
  expected = g_strdup_printf ("0 of %u texts are in Cymraeg.", n);
  g_assert_cmpstr (pl_translation_dialog_get_status (dialog), ==, expected);
  g_assert_false (pl_translation_dialog_choose_language (dialog, "en"));

  pl_translation_dialog_set_text (dialog, 0, "Beth sy’n bwysig i mi");
  pl_translation_dialog_set_text (dialog, 1, "Fy nheulu");
  g_free (expected);
  expected = g_strdup_printf ("2 of %u texts are in Cymraeg.", n);
  g_assert_cmpstr (pl_translation_dialog_get_status (dialog), ==, expected);
  pl_gui_test_save_png (GTK_WIDGET (dialog), "translation-dialog");

  /* Urdu, from the right; the Welsh waits */
  g_assert_true (pl_translation_dialog_choose_language (dialog, "ur"));
  first = pl_translation_dialog_get_text (dialog, 0);
  g_assert_cmpstr (first, ==, "");
  g_assert_cmpint (gtk_widget_get_direction (pl_translation_dialog_get_text_view (dialog, 0)), ==,
                   GTK_TEXT_DIR_RTL);
  pl_translation_dialog_set_text (dialog, 0, "میرے لیے کیا اہم ہے");
  g_assert_true (pl_translation_dialog_choose_language (dialog, "cy"));
  g_clear_pointer (&first, g_free);
  first = pl_translation_dialog_get_text (dialog, 0);
  g_assert_cmpstr (first, ==, "Beth sy’n bwysig i mi");
  g_assert_cmpint (gtk_widget_get_direction (pl_translation_dialog_get_text_view (dialog, 0)), ==,
                   GTK_TEXT_DIR_LTR);

  /* Closing with words not saved asks, and keeps them */
  gtk_window_close (GTK_WINDOW (dialog));
  pl_gui_test_run_frames (2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpuint (count_in (f->store, ids.person, "cy"), ==, 0);

  /* Saved, both languages */
  g_assert_true (pl_translation_dialog_save (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_in (f->store, ids.person, "cy"), ==, 2);
  g_assert_cmpuint (count_in (f->store, ids.person, "ur"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  pl_gui_test_run_frames (1);

  /* Opened again, on the language already begun; an emptied box takes its
   * translation away */
  dialog = pl_translation_dialog_new (f->store, ids.person);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, dialog));
  g_clear_pointer (&first, g_free);
  first = pl_translation_dialog_get_text (dialog, 0);
  g_assert_cmpstr (first, ==, "Beth sy’n bwysig i mi");
  pl_translation_dialog_set_text (dialog, 1, "");
  g_assert_true (pl_translation_dialog_save (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_in (f->store, ids.person, "cy"), ==, 1);
  /* Nothing waits now: closing does not ask */
  gtk_window_close (GTK_WINDOW (dialog));
  pl_gui_test_run_frames (2);
}

/* My settings offers what the plan is kept in, named in itself, and keeps
 * the choice */
static void
test_settings_choice (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = pl_settings_page_new ();
  g_autoptr(PlSettings) settings = pl_settings_new_default (1);
  const char * const languages[] = { "cy", NULL };
  GtkWidget *row;
  GListModel *names;
  g_autofree char *written = NULL;

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  pl_settings_page_set_settings (PL_SETTINGS_PAGE (page), settings);

  /* Nothing kept in another language: no choice */
  pl_settings_page_set_plan_languages (PL_SETTINGS_PAGE (page), NULL, "en-GB");
  row = pl_gui_test_find_named (page, "plan-language");
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_visible (row));

  pl_settings_page_set_plan_languages (PL_SETTINGS_PAGE (page), languages, "en-GB");
  g_assert_true (gtk_widget_get_visible (row));
  names = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 2);
  written = g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (names), 0));
  g_assert_cmpstr (written, ==, "English, as it was written");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==, "Cymraeg");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  g_assert_cmpstr (pl_settings_page_get_settings (PL_SETTINGS_PAGE (page))->plan_language, ==, "cy");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  g_assert_null (pl_settings_page_get_settings (PL_SETTINGS_PAGE (page))->plan_language);

  gtk_window_destroy (GTK_WINDOW (window));
  pl_gui_test_run_frames (1);
}

int
main (int argc, char **argv)
{
  pl_gui_test_init (&argc, &argv);

  PL_DOC_TEST_ADD ("/translation-dialog/translate", test_translate);
  g_test_add_func ("/translation-dialog/settings-choice", test_settings_choice);

  return g_test_run ();
}
