/* test-window-reading.c: the reader in the person's window: their settings
 * applied and saved, lines that fit, and the header's controls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. Each test builds its own database in a temporary folder
 * (pl-window-test.c).
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "pl-demo.h"
#include "pl-document.h"
#include "pl-document-view.h"
#include "pl-document-view-private.h"
#include "pl-reader-private.h"
#include "pl-store.h"
#include "pl-window-private.h"
#include "pl-gui-test-util.h"
#include "pl-window-test.h"

typedef PlWindowFixture Fixture;

static const int small_screen[] = { 1024, 768 };

/* The first paragraph of the open document */
static GtkWidget *
first_paragraph (Fixture *f)
{
  PlDocumentView *view = pl_window_get_document_view (f->window);
  PlDocument *document = pl_document_view_get_document (view);

  for (guint i = 0; document != NULL && i < pl_document_get_n_blocks (document); i++)
    if (pl_document_get_block (document, i)->kind == PL_BLOCK_PARAGRAPH)
      return pl_document_view_get_block_widget (view, i);
  return NULL;
}

/* The label's font size in points, as Pango will draw it */
static double
label_points (GtkWidget *label)
{
  PangoContext *context = gtk_widget_get_pango_context (label);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;

  /* GTK gives CSS sizes as absolute (pixels at 96 dpi) */
  if (pango_font_description_get_size_is_absolute (font))
    size = size * 72.0 / 96.0;
  return size;
}

static void
save_person_settings (Fixture    *f,
                      int         text_size,
                      const char *theme)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlSettings) settings = NULL;
  PlStore *store = pl_window_get_store (f->window);

  settings = pl_store_get_settings (store, f->person_id, &error);
  g_assert_no_error (error);
  settings->text_size = text_size;
  g_free (settings->theme);
  settings->theme = g_strdup (theme);
  g_assert_true (pl_store_save_settings (store, settings, &error));
  g_assert_no_error (error);
}

/* The person's plan opened from their home, in easy read at text_size
 * (0: as it is): the easy read view, laid out */
static PlEasyReadView *
open_in_easy_read (PlWindowFixture *f,
                   int              text_size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlSettings) settings = NULL;
  PlEasyReadView *view;

  settings = pl_store_get_settings (pl_window_get_store (f->window), f->person_id, &error);
  g_assert_no_error (error);
  settings->easy_read = TRUE;
  if (text_size > 0)
    settings->text_size = text_size;
  g_assert_true (pl_store_save_settings (pl_window_get_store (f->window), settings, &error));
  g_assert_no_error (error);

  g_assert_true (pl_window_open_person (f->window, f->person_id));
  g_assert_true (gtk_widget_activate (pl_window_get_home_button (f->window, PL_DOCUMENT_PLAN)));
  view = pl_reader_get_easy_read_view (pl_window_get_reader (f->window));
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, view));
  return view;
}

/* Someone who reads in easy read has their plan in it from the start */
static void
test_easy_read (PlWindowFixture *f,
                gconstpointer    data)
{
  PlReader *reader;

  g_assert_true (pl_window_open_database (f->window, f->path));
  open_in_easy_read (f, 0);
  reader = pl_window_get_reader (f->window);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (pl_reader_get_document_view (reader))));
}

/* Every easy read line's words start at the same place: a line that wraps
 * beside its picture, at a large size, lines up with the others */
static void
test_easy_read_lines_aligned (PlWindowFixture *f,
                              gconstpointer    data)
{
  PlEasyReadView *view;
  GtkWidget *words;
  double first_x = -1;
  guint wrapped_beside_picture = 0;

  g_assert_true (pl_window_open_database (f->window, f->path));
  view = open_in_easy_read (f, 32);
  g_assert_true (pl_gui_test_run_ticks (view, 5));

  for (guint i = 0; (words = pl_easy_read_view_get_line_words (view, i)) != NULL; i++)
    {
      GtkWidget *row = gtk_widget_get_parent (words);
      GtkWidget *picture = gtk_widget_get_first_child (row);
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (words));
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (words, GTK_WIDGET (view), &bounds));
      if (first_x < 0)
        first_x = bounds.origin.x;
      g_assert_cmpfloat_with_epsilon (bounds.origin.x, first_x, 1.0);
      if (GTK_IS_IMAGE (picture) && pango_layout_get_line_count (layout) > 1)
        wrapped_beside_picture++;
    }
  /* The case that went wrong is there to be checked */
  g_assert_cmpuint (wrapped_beside_picture, >, 0);
}

/* In Urdu each easy read line is set from the right, though it begin with
 * a Latin letter; the spoken word is still the word spoken */
static void
test_easy_read_right_to_left (PlWindowFixture *f,
                              gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = NULL;
  PlEasyReadView *view;
  GtkWidget *words;
  PangoLayout *layout;
  const char *text;
  PangoAttrIterator *iter;
  gboolean lit = FALSE;

  g_assert_true (pl_window_open_database (f->window, f->path));
  person = pl_store_load_person (pl_window_get_store (f->window), f->person_id, &error);
  g_assert_no_error (error);
  g_free (person->preferred_language);
  person->preferred_language = g_strdup ("ur");
  g_assert_true (pl_store_save_person (pl_window_get_store (f->window), person, &error));
  g_assert_no_error (error);
  view = open_in_easy_read (f, 0);
  g_assert_true (pl_gui_test_run_ticks (view, 3));

  /* The plan's title, which begins with her name in Latin letters, is a
   * right-to-left line */
  words = pl_easy_read_view_get_line_words (view, 0);
  g_assert_nonnull (words);
  layout = gtk_label_get_layout (GTK_LABEL (words));
  text = pango_layout_get_text (layout);
  g_assert_true (g_str_has_prefix (text, "\u200f"));
  g_assert_cmpint (pango_layout_line_get_resolved_direction (pango_layout_get_line_readonly (layout, 0)),
                   ==, PANGO_DIRECTION_RTL);

  /* Its first word lit: the attributes start after the mark */
  pl_easy_read_view_set_spoken (view, 0, 0, 3, 0, 3, "standard");
  iter = pango_attr_list_get_iterator (gtk_label_get_attributes (GTK_LABEL (words)));
  do
    {
      int start, end;

      pango_attr_iterator_range (iter, &start, &end);
      if (pango_attr_iterator_get (iter, PANGO_ATTR_BACKGROUND) != NULL && start == (int) strlen ("\u200f"))
        lit = TRUE;
    }
  while (pango_attr_iterator_next (iter));
  pango_attr_iterator_destroy (iter);
  g_assert_true (lit);
}

static PlSettings *
stored_settings (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PlSettings *settings;

  settings = pl_store_get_settings (pl_window_get_store (f->window), f->person_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (settings);
  return settings;
}

static void
test_settings_applied (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *paragraph;
  GdkRGBA color;

  g_assert_true (pl_window_open_database (f->window, f->path));
  save_person_settings (f, 32, "yellow-on-black");

  /* RNIB giant print, yellow on black, the moment they are chosen */
  pl_window_test_open_plan (f, f->person_id);
  pl_gui_test_run_frames (3);
  g_assert_cmpint (pl_window_get_text_size (f->window), ==, 32);
  g_assert_cmpstr (pl_window_get_theme (f->window), ==, "yellow-on-black");

  paragraph = first_paragraph (f);
  g_assert_nonnull (paragraph);
  g_assert_cmpfloat_with_epsilon (label_points (paragraph), 32.0, 0.5);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (paragraph), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_cmpfloat_with_epsilon (color.red, 1.0, 0.01);
  g_assert_cmpfloat_with_epsilon (color.green, 1.0, 0.01);
  g_assert_cmpfloat_with_epsilon (color.blue, 0.0, 0.01);
}

static void
test_zoom_saves (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PlSettings) settings = NULL;
  GtkWidget *paragraph;
  double standard;

  g_assert_true (pl_window_open_database (f->window, f->path));
  pl_window_test_open_plan (f, f->person_id);
  pl_gui_test_run_frames (2);

  /* No saved settings: the standard size */
  g_assert_cmpint (pl_window_get_text_size (f->window), ==, 14);
  paragraph = first_paragraph (f);
  standard = label_points (paragraph);
  g_assert_cmpfloat_with_epsilon (standard, 14.0, 0.5);

  /* Ctrl+minus cannot go below 100% */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "reader.zoom-out", NULL));
  g_assert_cmpint (pl_window_get_text_size (f->window), ==, 14);

  /* Ctrl+plus: larger at once, and kept */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "reader.zoom-in", NULL));
  g_assert_cmpint (pl_window_get_text_size (f->window), ==, 16);
  pl_gui_test_run_frames (1);
  g_assert_cmpfloat (label_points (paragraph), >, standard + 1);
  settings = stored_settings (f);
  g_assert_cmpint (settings->text_size, ==, 16);
  g_clear_pointer (&settings, pl_settings_free);

  /* On up to 400%, and no further */
  for (int i = 0; i < 20; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->window), "reader.zoom-in", NULL);
  g_assert_cmpint (pl_window_get_text_size (f->window), ==, 56);

  /* A preset from the Text size menu */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "reader.text-size",
                                             "i", 24));
  g_assert_cmpint (pl_window_get_text_size (f->window), ==, 24);

  /* Ctrl+0: back to standard, and kept */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "reader.zoom-reset", NULL));
  g_assert_cmpint (pl_window_get_text_size (f->window), ==, 14);
  settings = stored_settings (f);
  g_assert_cmpint (settings->text_size, ==, 14);
}

static void
test_theme_saved (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PlSettings) settings = NULL;

  g_assert_true (pl_window_open_database (f->window, f->path));
  pl_window_test_open_plan (f, f->person_id);
  pl_gui_test_run_frames (2);
  g_assert_cmpstr (pl_window_get_theme (f->window), ==, "standard");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "reader.theme",
                                             "s", "cream"));
  g_assert_cmpstr (pl_window_get_theme (f->window), ==, "cream");
  settings = stored_settings (f);
  g_assert_cmpstr (settings->theme, ==, "cream");

  /* Back to the start, and the next time they open it, it is still theirs */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_true (pl_gui_test_wait_until (pl_window_test_back_at_home, f));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_true (pl_gui_test_wait_until (pl_window_test_back_at_start, f));
  pl_window_test_open_plan (f, f->person_id);
  g_assert_cmpstr (pl_window_get_theme (f->window), ==, "cream");

  /* Someone else keeps their own */
  g_assert_true (pl_window_open_database (f->window, f->path));
  pl_window_test_open_plan (f, f->other_id);
  g_assert_cmpstr (pl_window_get_theme (f->window), ==, "standard");
}

/* The longest line the label shows, in characters */
static int
longest_line (GtkWidget *label)
{
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
  const char *text = pango_layout_get_text (layout);
  int longest = 0;

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;

      longest = MAX (longest, (int) g_utf8_strlen (text + line->start_index, line->length));
    }
  return longest;
}

/* The paragraph with the most text, which surely wraps */
static GtkWidget *
longest_paragraph (Fixture *f)
{
  PlDocumentView *view = pl_window_get_document_view (f->window);
  PlDocument *document = pl_document_view_get_document (view);
  GtkWidget *found = NULL;
  gsize found_length = 0;

  for (guint i = 0; i < pl_document_get_n_blocks (document); i++)
    {
      const PlBlock *block = pl_document_get_block (document, i);

      if (block->kind == PL_BLOCK_PARAGRAPH && strlen (block->text) > found_length)
        {
          found = pl_document_view_get_block_widget (view, i);
          found_length = strlen (block->text);
        }
    }
  return found;
}

static void
test_line_length (Fixture       *f,
                  gconstpointer  data)
{
  const int sizes[] = { 14, 18, 24 };
  GtkWidget *paragraph;

  g_assert_true (pl_window_open_database (f->window, f->path));
  pl_window_test_open_plan (f, f->person_id);

  /* RNIB clear print: about 70 characters a line at most, whatever the size */
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      pl_window_set_text_size (f->window, sizes[i]);
      pl_gui_test_run_frames (3);
      paragraph = longest_paragraph (f);
      g_assert_nonnull (paragraph);
      g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (paragraph))),
                       >, 1);
      g_assert_cmpint (longest_line (paragraph), <=, 72);
      g_assert_cmpint (longest_line (paragraph), >=, 20);
    }
}

static void
test_huge_text_reflows (Fixture       *f,
                        gconstpointer  data)
{
  PlDocumentView *view;
  PlDocument *document;
  GtkAdjustment *hadjustment;
  int view_width;

  g_assert_true (pl_window_open_database (f->window, f->path));
  save_person_settings (f, 56, "standard");
  pl_window_test_open_plan (f, f->person_id);
  pl_gui_test_run_frames (5);
  g_assert_cmpint (pl_window_get_text_size (f->window), ==, 56);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 1024);

  /* WCAG 1.4.10: nothing to scroll sideways at 400% */
  view = pl_window_get_document_view (f->window);
  hadjustment = pl_document_view_get_hadjustment (view);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), <=,
                     gtk_adjustment_get_page_size (hadjustment));

  /* and no block reaches past the view's right edge */
  view_width = gtk_widget_get_width (GTK_WIDGET (view));
  g_assert_cmpint (view_width, >, 0);
  document = pl_document_view_get_document (view);
  for (guint i = 0; i < pl_document_get_n_blocks (document); i++)
    {
      GtkWidget *widget = pl_document_view_get_block_widget (view, i);
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (view), &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, view_width);
    }
}

/* The menu button in the window whose label reads label, or NULL */
static GtkWidget *
find_menu_button (GtkWidget  *widget,
                  const char *label)
{
  if (GTK_IS_MENU_BUTTON (widget) &&
      g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* How many menu items under widget, each asserted to be 44 px tall or more */
static guint
check_menu_items (GtkWidget *widget)
{
  guint n = 0;

  if (g_strcmp0 (gtk_widget_get_css_name (widget), "modelbutton") == 0 &&
      gtk_widget_get_mapped (widget))
    {
      g_assert_cmpint (gtk_widget_get_height (widget), >=, 44);
      return 1;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_menu_items (child);
  return n;
}

/* The keys bound to a widget action on the window, as "<Control>plus" … */
static char *
keys_for_action (GtkWidget  *widget,
                 const char *action_name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GString *keys = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          g_autofree char *trigger = NULL;

          if (!GTK_IS_NAMED_ACTION (action) ||
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                         action_name) != 0)
            continue;
          trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_string_append_printf (keys, "%s ", trigger);
        }
    }
  return g_string_free (keys, FALSE);
}

static void
assert_menu_named (GtkMenuButton *button,
                   const char    *name)
{
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  guint n_pages = 0;

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (popover),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  for (GtkWidget *w = popover; w != NULL; )
    {
      if (GTK_IS_STACK (w))
        {
          g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (GTK_STACK (w)));

          for (guint i = 0; i < g_list_model_get_n_items (pages); i++, n_pages++)
            {
              g_autoptr(GObject) page = g_list_model_get_item (pages, i);

              gtk_test_accessible_assert_property (GTK_ACCESSIBLE (page),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL, "");
            }
        }
      /* Depth first through the popover's widgets */
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != popover && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == popover ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_cmpuint (n_pages, >, 0);
}

static void
test_header_controls (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *zoom_in = NULL;
  g_autofree char *zoom_out = NULL;
  g_autofree char *zoom_reset = NULL;
  const char *labels[] = { "_Text size", "T_heme" };

  g_assert_true (pl_window_open_database (f->window, f->path));
  pl_window_test_open_plan (f, f->person_id);
  pl_gui_test_run_frames (3);

  /* Visible words, not only icons, and at least 44×44 px to press */
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *button = find_menu_button (GTK_WIDGET (f->window), labels[i]);

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_is_drawable (button));
      g_assert_nonnull (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)));
      g_assert_cmpint (gtk_widget_get_width (button), >=, 44);
      g_assert_cmpint (gtk_widget_get_height (button), >=, 44);
    }

  /* The five RNIB sizes and the six themes, each item big enough to press */
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkMenuButton *button = GTK_MENU_BUTTON (find_menu_button (GTK_WIDGET (f->window),
                                                                 labels[i]));

      gtk_menu_button_popup (button);
      pl_gui_test_run_frames (3);
      g_assert_cmpuint (check_menu_items (GTK_WIDGET (gtk_menu_button_get_popover (button))),
                        ==, i == 0 ? 5 : 6);
      /* Orca says the menu's name, not "GtkPopoverMenu", and passes over
       * the unnamed pages inside it, not "GtkStackPage panel" */
      assert_menu_named (button, i == 0 ? "Text size" : "Theme");
      gtk_menu_button_popdown (button);
      pl_gui_test_run_frames (1);
    }

  /* The keys every browser uses, listed in the shortcuts window */
  zoom_in = keys_for_action (GTK_WIDGET (f->window), "reader.zoom-in");
  zoom_out = keys_for_action (GTK_WIDGET (f->window), "reader.zoom-out");
  zoom_reset = keys_for_action (GTK_WIDGET (f->window), "reader.zoom-reset");
  g_assert_nonnull (strstr (zoom_in, "<Control>plus"));
  g_assert_nonnull (strstr (zoom_in, "<Control>equal"));
  g_assert_nonnull (strstr (zoom_out, "<Control>minus"));
  g_assert_nonnull (strstr (zoom_reset, "<Control>0"));
}
static gboolean
person_open (gpointer data)
{
  return pl_window_get_person_id (((PlWindowFixture *) data)->window) != 0;
}

/* Jordan reads in easy read from the start: chosen from the start screen,
 * with nothing set for the test, his plan opens a line each beside its
 * picture, the part written with him in place of its words */
static void
test_easy_read_person (PlWindowFixture *f,
                       gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) jordan = NULL;
  PlReader *reader;
  PlEasyReadView *view;
  GtkWidget *words;
  gboolean found = FALSE;

  {
    g_autoptr(PlStore) store = pl_store_open (f->path, PL_STORE_OPEN_NO_CREATE, &error);
    gint64 dot = 0;

    g_assert_no_error (error);
    g_assert_true (pl_demo_install (store, &dot, &error));
    g_assert_no_error (error);
  }
  g_assert_true (pl_window_open_database (f->window, f->path));
  jordan = pl_store_find_person_by_external_id (pl_window_get_store (f->window), "DEMO-0003",
                                                &error);
  g_assert_no_error (error);
  g_assert_nonnull (jordan);
  g_assert_true (gtk_widget_activate (pl_window_get_person_button (f->window, jordan->id)));
  g_assert_true (pl_gui_test_wait_until (person_open, f));
  g_assert_cmpint (pl_window_get_person_id (f->window), ==, jordan->id);
  g_assert_true (gtk_widget_activate (pl_window_get_home_button (f->window, PL_DOCUMENT_PLAN)));
  reader = pl_window_get_reader (f->window);
  view = pl_reader_get_easy_read_view (reader);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, view));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (pl_reader_get_document_view (reader))));

  for (guint i = 0; (words = pl_easy_read_view_get_line_words (view, i)) != NULL && !found; i++)
    {
      GtkWidget *picture = gtk_widget_get_first_child (gtk_widget_get_parent (words));

      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (words)), "I want to live in my own flat.") != 0)
        continue;
      found = TRUE;
      g_assert_true (GTK_IS_IMAGE (picture));
    }
  g_assert_true (found);
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

  PL_WINDOW_TEST_ADD ("/plainly/reader/settings-applied", NULL, test_settings_applied);
  PL_WINDOW_TEST_ADD ("/plainly/reader/zoom-saves", NULL, test_zoom_saves);
  PL_WINDOW_TEST_ADD ("/plainly/reader/theme-saved", NULL, test_theme_saved);
  PL_WINDOW_TEST_ADD ("/plainly/reader/header-controls", NULL, test_header_controls);
  PL_WINDOW_TEST_ADD ("/plainly/reader/line-length", small_screen, test_line_length);
  PL_WINDOW_TEST_ADD ("/plainly/reader/huge-text-reflows", small_screen, test_huge_text_reflows);
  PL_WINDOW_TEST_ADD ("/plainly/reader/easy-read", NULL, test_easy_read);
  PL_WINDOW_TEST_ADD ("/plainly/reader/easy-read-lines-aligned", NULL, test_easy_read_lines_aligned);
  PL_WINDOW_TEST_ADD ("/plainly/reader/easy-read-right-to-left", NULL, test_easy_read_right_to_left);
  PL_WINDOW_TEST_ADD ("/plainly/reader/easy-read-person", NULL, test_easy_read_person);

  return g_test_run ();
}
