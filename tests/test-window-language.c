/* test-window-language.c: the person's window in the person's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person whose recorded language is Polish sees the window's own words
 * in Polish from their home on: the templates' labels, tooltips and menus
 * and the words the code sets. Back at the start screen, and for the next
 * person, the computer's language again. A catalogue of the test's own
 * (a few words) keeps the test apart from the real translations. Runs
 * under Xvfb.
 */

#include "config.h"

#include <string.h>

#include "pl-gui-test-util.h"
#include "pl-store.h"
#include "pl-test-util.h"
#include "pl-plan-translation.h"
#include "pl-settings-page.h"
#include "pl-ui-words.h"
#include "pl-window-test.h"

static char *locale_dir;

static const char polish_po[] =
  "msgid \"\"\n"
  "msgstr \"\"\n"
  "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
  "\"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n\"\n"
  "\n"
  "msgid \"My plan\"\nmsgstr \"Mój plan\"\n\n"
  "msgid \"_Contents\"\nmsgstr \"_Spis treści\"\n\n"
  "msgid \"The parts of this document (F9)\"\nmsgstr \"Części tego dokumentu (F9)\"\n\n"
  "msgid \"_Read Aloud\"\nmsgstr \"_Czytaj na głos\"\n\n"
  "msgid \"Read This _Part\"\nmsgstr \"Czytaj tę _część\"\n\n"
  "msgid \"Settings for %s\"\nmsgstr \"Ustawienia: %s\"\n\n"
  "msgid \"My name\"\nmsgstr \"Moje imię\"\n\n"
  "msgid \"Each change is used and kept straight away.\"\n"
  "msgstr \"Każda zmiana działa i zostaje zapisana od razu.\"\n";

static void
set_language (const char *path,
              gint64      person_id,
              const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (path, PL_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PlPerson) person = NULL;

  g_assert_no_error (error);
  person = pl_store_load_person (store, person_id, &error);
  g_assert_no_error (error);
  g_free (person->preferred_language);
  person->preferred_language = g_strdup (language);
  g_assert_true (pl_store_save_person (store, person, &error));
  g_assert_no_error (error);
}

/* The words of the first label under widget, as set */
static const char *
first_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = first_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The label of the read-aloud bar's Read Aloud button, and of the first
 * item of its More menu */
static const char *
play_label (PlWindowFixture *f)
{
  GtkWidget *play = pl_gui_test_find_named (GTK_WIDGET (pl_window_get_read_aloud_bar (f->window)),
                                            "play");

  g_assert_nonnull (play);
  return first_label (play);
}

/* The first menu button under widget with a menu made when opened */
static GtkWidget *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "pl-menu-model") != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The label under widget showing text, or NULL */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
more_menu_first_label (PlWindowFixture *f)
{
  GtkWidget *more = find_menu_button (GTK_WIDGET (pl_window_get_read_aloud_bar (f->window)));
  GMenuModel *menu;
  g_autoptr(GMenuModel) section = NULL;
  char *label = NULL;

  g_assert_nonnull (more);
  menu = g_object_get_data (G_OBJECT (more), "pl-menu-model");
  g_assert_nonnull (menu);
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_nonnull (section);
  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  return label;
}

/* The first widget under widget with css_class */
static GtkWidget *
find_css_class (GtkWidget  *widget,
                const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_css_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_person_language (PlWindowFixture *f,
                      gconstpointer    data)
{
  g_autofree char *item = NULL;
  const char *home;
  GtkWidget *close;

  if (locale_dir == NULL)
    {
      g_test_skip ("msgfmt (package gettext) is not installed");
      return;
    }

  set_language (f->path, f->person_id, "pl-PL");
  g_assert_true (pl_window_open_database (f->window, f->path));

  /* Her plan: the template's words, the code's and a menu's, in Polish */
  pl_window_test_open_plan (f, f->person_id);
  g_assert_cmpstr (pl_ui_words_get_language (GTK_WIDGET (f->window)), ==, "pl-PL");
  g_assert_cmpstr (first_label (f->window->contents_button), ==, "_Spis treści");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (f->window->contents_button), ==,
                   "Części tego dokumentu (F9)");
  g_assert_cmpstr (play_label (f), ==, "_Czytaj na głos");
  item = more_menu_first_label (f);
  g_assert_cmpstr (item, ==, "Czytaj tę _część");
  g_clear_pointer (&item, g_free);
  g_assert_cmpint (gtk_widget_get_direction (f->window->contents_button), ==, GTK_TEXT_DIR_LTR);
  /* The window's own Close button in GTK's Polish, where the computer has it */
  close = find_css_class (GTK_WIDGET (f->window), "close");
  g_assert_nonnull (close);
  if (g_file_test ("/usr/share/locale/pl/LC_MESSAGES/gtk40.mo", G_FILE_TEST_EXISTS))
    g_assert_cmpstr (g_object_get_data (G_OBJECT (close), "pl-ui-words-label"), ==, "Zamknij");

  /* Her home, and her settings, built in Polish when first opened */
  pl_window_go_back (f->window);
  g_assert_true (pl_gui_test_wait_until (pl_window_test_back_at_home, f));
  home = first_label (f->window->home_buttons[PL_DOCUMENT_PLAN]);
  g_assert_cmpstr (home, ==, "Mój plan");
  g_assert_true (pl_window_open_settings (f->window));
  pl_gui_test_run_frames (2);
  {
    GtkWidget *page = GTK_WIDGET (f->window->settings_page);

    g_assert_nonnull (page);
    g_assert_nonnull (find_label (page, "Ustawienia: Peggy"));
    g_assert_nonnull (find_label (page, "Każda zmiana działa i zostaje zapisana od razu."));
    g_assert_null (find_label (page, "Each change is used and kept straight away."));
  }

  /* Back at the start, the computer's words again, and for Arthur */
  pl_window_go_back (f->window);
  pl_gui_test_run_frames (2);
  pl_window_go_back (f->window);
  g_assert_true (pl_gui_test_wait_until (pl_window_test_back_at_start, f));
  g_assert_null (pl_ui_words_get_language (GTK_WIDGET (f->window)));
  g_assert_cmpstr (first_label (f->window->home_buttons[PL_DOCUMENT_PLAN]), ==, "My plan");
  /* The computer's direction, whatever it is */
  g_assert_cmpint (gtk_widget_get_direction (f->window->contents_button), ==,
                   gtk_widget_get_default_direction ());

  pl_window_test_open_plan (f, f->other_id);
  g_assert_cmpstr (first_label (f->window->contents_button), ==, "_Contents");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (f->window->contents_button), ==,
                   "The parts of this document (F9)");
  g_assert_cmpstr (play_label (f), ==, "_Read Aloud");
  item = more_menu_first_label (f);
  g_assert_cmpstr (item, ==, "Read This _Part");
}

static gboolean
words_in_polish (gpointer data)
{
  PlWindowFixture *f = data;

  return g_strcmp0 (pl_ui_words_get_language (GTK_WIDGET (f->window)), "pl") == 0;
}

static gboolean
words_in_computers (gpointer data)
{
  PlWindowFixture *f = data;

  return pl_ui_words_get_language (GTK_WIDGET (f->window)) == NULL;
}

static gboolean
words_in_english (gpointer data)
{
  PlWindowFixture *f = data;

  return g_strcmp0 (pl_ui_words_get_language (GTK_WIDGET (f->window)), "en-GB") == 0;
}

static guint
language_position (const char *tag)
{
  for (guint i = 0; i < pl_settings_page_get_n_languages (); i++)
    if (strcmp (pl_settings_page_get_language_tag (i), tag) == 0)
      return i + 1;
  g_assert_not_reached ();
}

/* Chosen in My settings: the whole window at once, the choice kept */
static void
test_settings_choice (PlWindowFixture *f,
                      gconstpointer    data)
{
  GtkWidget *row;

  if (locale_dir == NULL)
    {
      g_test_skip ("msgfmt (package gettext) is not installed");
      return;
    }

  g_assert_true (pl_window_open_database (f->window, f->path));
  g_assert_true (pl_window_open_person (f->window, f->other_id));
  g_assert_true (pl_window_open_settings (f->window));
  pl_gui_test_run_frames (2);
  g_assert_nonnull (find_label (GTK_WIDGET (f->window->settings_page), "Settings for Arthur"));

  /* Arthur's recorded language is English; he reads Plainly in Polish */
  row = pl_gui_test_find_named (GTK_WIDGET (f->window->settings_page), "language");
  g_assert_true (ADW_IS_COMBO_ROW (row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), language_position ("pl"));
  g_assert_true (pl_gui_test_wait_until (words_in_polish, f));
  pl_gui_test_run_frames (2);

  /* The page is made again in Polish, the focus where the choice was */
  g_assert_nonnull (f->window->settings_page);
  g_assert_nonnull (find_label (GTK_WIDGET (f->window->settings_page), "Ustawienia: Arthur"));
  row = pl_gui_test_find_named (GTK_WIDGET (f->window->settings_page), "language");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, language_position ("pl"));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) == row);
  g_assert_cmpstr (first_label (f->window->home_buttons[PL_DOCUMENT_PLAN]), ==, "Mój plan");

  /* Kept: next time he comes, Polish from his home on */
  pl_window_go_back (f->window);
  pl_gui_test_run_frames (2);
  pl_window_go_back (f->window);
  g_assert_true (pl_gui_test_wait_until (words_in_computers, f));
  g_assert_true (pl_window_open_person (f->window, f->other_id));
  g_assert_cmpstr (pl_ui_words_get_language (GTK_WIDGET (f->window)), ==, "pl");
  g_assert_cmpstr (first_label (f->window->home_buttons[PL_DOCUMENT_PLAN]), ==, "Mój plan");

  /* And back to his own */
  g_assert_true (pl_window_open_settings (f->window));
  row = pl_gui_test_find_named (GTK_WIDGET (f->window->settings_page), "language");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  g_assert_true (pl_gui_test_wait_until (words_in_english, f));
  g_assert_nonnull (find_label (GTK_WIDGET (f->window->settings_page), "Settings for Arthur"));
}

/* A plan kept in Polish too: My settings offers it, and the plan opens in
 * it, Plainly's words and all, until the person chooses it as written */
static void
test_plan_language (PlWindowFixture *f,
                    gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  PlDocument *document;

  if (locale_dir == NULL)
    {
      g_test_skip ("msgfmt (package gettext) is not installed");
      return;
    }

  {
    g_autoptr(PlStore) store = pl_store_open (f->path, PL_STORE_OPEN_DEFAULT, &error);
    g_autoptr(GPtrArray) texts = NULL;
    g_autoptr(GHashTable) polish = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

    g_assert_no_error (error);
    texts = pl_plan_translation_texts (store, f->person_id, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < texts->len; i++)
      {
        const PlPlanText *text = g_ptr_array_index (texts, i);

        g_hash_table_insert (polish, text->source, g_strconcat ("[pl] ", text->source, NULL));
      }
    g_assert_true (pl_plan_translation_save (store, f->person_id, "pl", polish, &error));
    g_assert_no_error (error);
  }

  g_assert_true (pl_window_open_database (f->window, f->path));
  pl_window_test_open_plan (f, f->person_id);
  document = pl_document_view_get_document (pl_window_get_document_view (f->window));
  g_assert_cmpstr (pl_document_get_language (document), !=, "pl");

  /* My settings, from her home */
  pl_window_go_back (f->window);
  pl_gui_test_run_frames (2);
  g_assert_true (pl_window_open_settings (f->window));
  pl_gui_test_run_frames (2);
  row = pl_gui_test_find_named (GTK_WIDGET (f->window->settings_page), "plan-language");
  g_assert_true (ADW_IS_COMBO_ROW (row));
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (row))), 1),
                   ==, "Polski");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  pl_gui_test_run_frames (2);
  /* Only the plan changes: the words on screen stay the person's */
  g_assert_cmpstr (pl_ui_words_get_language (GTK_WIDGET (f->window)), !=, "pl");

  pl_window_go_back (f->window);
  pl_gui_test_run_frames (2);
  g_assert_true (gtk_widget_activate (pl_window_get_home_button (f->window, PL_DOCUMENT_PLAN)));
  g_assert_true (pl_gui_test_wait_until (pl_window_test_is_reading, f));
  document = pl_document_view_get_document (pl_window_get_document_view (f->window));
  g_assert_cmpstr (pl_document_get_language (document), ==, "pl");
  g_assert_true (g_str_has_prefix (pl_document_get_block (document, (guint) pl_document_find_anchor (document, "most-important") + 1)->text,
                                   "[pl] "));
  g_assert_cmpstr (pl_document_get_block (document, (guint) pl_document_find_anchor (document, "name"))->label,
                   ==, "Moje imię");
}

/* Urdu mirrors the window */
static void
test_right_to_left (PlWindowFixture *f,
                    gconstpointer    data)
{
  set_language (f->path, f->person_id, "ur");
  g_assert_true (pl_window_open_database (f->window, f->path));
  pl_window_test_open_plan (f, f->person_id);
  g_assert_cmpint (gtk_widget_get_direction (f->window->contents_button), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (pl_window_get_read_aloud_bar (f->window))),
                   ==, GTK_TEXT_DIR_RTL);
  /* Her plan, built in Urdu, from the right too */
  {
    GtkWidget *view = GTK_WIDGET (pl_window_get_document_view (f->window));
    GtkWidget *text = find_label (view, "Peggy");

    if (text == NULL)
      {
        /* The first label of the document, whatever it says */
        const char *words = first_label (view);

        g_assert_nonnull (words);
        text = find_label (view, words);
      }
    g_assert_nonnull (text);
    g_assert_cmpint (gtk_widget_get_direction (text), ==, GTK_TEXT_DIR_RTL);
  }

  g_assert_true (pl_ui_words_language_is_rtl ("ur-PK"));
  g_assert_true (pl_ui_words_language_is_rtl ("ar"));
  g_assert_false (pl_ui_words_language_is_rtl ("pl"));
  g_assert_false (pl_ui_words_language_is_rtl ("pa"));
  g_assert_false (pl_ui_words_language_is_rtl (NULL));
}

/* Every template's words are found, menus and screen readers' words too */
static void
test_templates_read (void)
{
  g_assert_cmpuint (pl_ui_words_count_for_template (PL_TYPE_WINDOW), >, 40);
  g_assert_cmpuint (pl_ui_words_count_for_template (PL_TYPE_READ_ALOUD_BAR), >, 20);
  g_assert_cmpuint (pl_ui_words_count_for_template (GTK_TYPE_BUTTON), ==, 0);
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  int status;

  pl_gui_test_init (&argc, &argv);

  /* Before any catalogue is looked for: they are loaded once a process */
  dir = pl_test_make_dir ("plainly-window-language");
  if (pl_test_make_catalog (dir, "pl", polish_po))
    {
      locale_dir = g_strdup (dir);
      g_setenv ("PLAINLY_LOCALEDIR", locale_dir, TRUE);
    }

  PL_WINDOW_TEST_ADD ("/window-language/person", NULL, test_person_language);
  PL_WINDOW_TEST_ADD ("/window-language/settings", NULL, test_settings_choice);
  PL_WINDOW_TEST_ADD ("/window-language/right-to-left", NULL, test_right_to_left);
  PL_WINDOW_TEST_ADD ("/window-language/plan-language", NULL, test_plan_language);
  g_test_add_func ("/window-language/templates", test_templates_read);

  status = g_test_run ();
  pl_test_remove_dir (dir);
  g_free (locale_dir);
  return status;
}
