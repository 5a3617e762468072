/* test-reader.c: the reader's contents, Back and reading aids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. Each test installs the example person in its own
 * temporary database and reads their plan in a PlReader.
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>

#include "pl-demo.h"
#include "pl-document.h"
#include "pl-document-view.h"
#include "pl-document-view-private.h"
#include "pl-reader-private.h"
#include "pl-reader-style.h"
#include "pl-store.h"
#include "pl-test-util.h"
#include "pl-gui-test-util.h"

#define READER_CLASS "pl-reader-test"

typedef struct
{
  char           *dir;
  PlDocument     *plan;
  GtkWindow      *window;
  PlReader       *reader;
  PlDocumentView *view;
  GtkCssProvider *css;
} Fixture;

typedef struct
{
  int width;
  int height;
} WindowSize;

static const WindowSize wide = { 1280, 900 };
static const WindowSize small_screen = { 1024, 768 };

/* The person's settings as the window applies them: CSS under the reader's
 * class, and the aids through pl_reader_set_settings() */
static void
apply_settings (Fixture    *f,
                int         text_size,
                const char *theme,
                int         line_focus,
                gboolean    ruler)
{
  g_autoptr(PlSettings) settings = pl_settings_new_default (0);
  g_autofree char *css = NULL;

  settings->text_size = text_size;
  g_free (settings->theme);
  settings->theme = g_strdup (theme);
  settings->line_focus = line_focus;
  settings->reading_ruler = ruler;

  css = pl_reader_style_css (settings, READER_CLASS);
  gtk_css_provider_load_from_data (f->css, css, -1);
  pl_reader_style_set_classes (GTK_WIDGET (f->reader), settings);
  pl_reader_set_settings (f->reader, settings);
  g_assert_true (pl_gui_test_run_ticks (f->view, 3));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const WindowSize *size = data != NULL ? data : &wide;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 person_id = 0;

  f->dir = pl_test_make_dir ("plainly-reader");
  store = pl_test_open_store (f->dir, NULL);
  g_assert_true (pl_demo_install (store, &person_id, &error));
  g_assert_no_error (error);
  f->plan = pl_document_build_plan (store, person_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->plan);
  g_clear_pointer (&store, pl_store_unref);

  f->css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (f->css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);

  f->reader = PL_READER (pl_reader_new ());
  f->view = pl_reader_get_document_view (f->reader);
  gtk_widget_add_css_class (GTK_WIDGET (f->reader), READER_CLASS);
  pl_reader_set_document (f->reader, f->plan);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->reader));
  gtk_window_set_default_size (f->window, size->width, size->height);
  gtk_window_present (f->window);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, f->reader));
  apply_settings (f, 14, "standard", 0, FALSE);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  pl_gui_test_run_frames (1);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (f->css));
  g_clear_object (&f->css);
  g_clear_object (&f->plan);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Frames until scrolling and layout have come to rest: on a busy machine a
 * few frames of wall time may not be enough for a jump to finish */
static void
settle (Fixture *f)
{
  graphene_rect_t rect = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  double value = -1;
  guint still = 0;

  for (guint i = 0; i < 300 && still < 3; i++)
    {
      graphene_rect_t now = GRAPHENE_RECT_INIT (0, 0, 0, 0);
      double now_value;

      g_assert_true (pl_gui_test_run_ticks (f->view, 1));
      now_value = gtk_adjustment_get_value (pl_document_view_get_vadjustment (f->view));
      pl_document_view_get_reading_line (f->view, NULL, NULL, &now);
      if (now_value == value && graphene_rect_equal (&now, &rect))
        still++;
      else
        still = 0;
      value = now_value;
      rect = now;
    }
}

static GtkWidget *
focus_widget (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

static gboolean
focus_within (Fixture   *f,
              GtkWidget *ancestor)
{
  GtkWidget *focus = focus_widget (f);

  return focus != NULL && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

static GtkAdjustment *
vadjustment (Fixture *f)
{
  return pl_document_view_get_vadjustment (f->view);
}

/* Where a block's top is, in pixels below the top of the visible text */
static double
block_top (Fixture   *f,
           GtkWidget *block)
{
  graphene_rect_t view_bounds, bounds;

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (f->view), GTK_WIDGET (f->window),
                                            &view_bounds));
  g_assert_true (gtk_widget_compute_bounds (block, GTK_WIDGET (f->window), &bounds));
  return bounds.origin.y - view_bounds.origin.y;
}

static const char *
row_anchor (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "pl-anchor");
}

static void
test_contents (Fixture       *f,
               gconstpointer  data)
{
  GtkListBox *list = pl_reader_get_contents_list (f->reader);
  guint n_parts = 0;
  guint row_index = 0;

  /* Every part, in the plan's order; the parts within parts between them */
  for (guint i = 0; i < pl_document_get_n_blocks (f->plan); i++)
    {
      const PlBlock *block = pl_document_get_block (f->plan, i);
      GtkListBoxRow *row;

      if (block->kind != PL_BLOCK_HEADING || block->level < 2 || block->level > 3)
        continue;

      row = gtk_list_box_get_row_at_index (list, row_index++);
      g_assert_nonnull (row);
      g_assert_cmpstr (row_anchor (row), ==, block->anchor);
      g_assert_true (gtk_list_box_row_get_activatable (row));
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, block->text);
      /* A target of 44×44 px at least */
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (row)), >=, 44);
      if (block->level == 2)
        n_parts++;
    }

  g_assert_null (gtk_list_box_get_row_at_index (list, row_index));
  /* The summary and the parts DESIGN.md lists */
  g_assert_cmpuint (n_parts, >=, 10);

  /* Beside the text in a wide window, labelled for a screen reader, with
   * how many there are: its rows are links, which Orca does not count */
  g_assert_true (pl_reader_get_contents_visible (f->reader));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  {
    g_autofree char *name = g_strdup_printf ("Contents, %u parts", row_index);

    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         name);
  }
}

static gboolean
scroll_moved (gpointer data)
{
  Fixture *f = data;

  return gtk_adjustment_get_value (vadjustment (f)) > 0;
}

static void
test_contents_jump (Fixture       *f,
                    gconstpointer  data)
{
  GtkListBox *list = pl_reader_get_contents_list (f->reader);
  GtkListBoxRow *row = NULL;
  GtkWidget *heading;
  int n_rows = 0;

  while (gtk_list_box_get_row_at_index (list, n_rows) != NULL)
    n_rows++;
  g_assert_cmpint (n_rows, >, 6);

  /* A part half way down, so it can come to the top */
  for (int i = n_rows / 2; i < n_rows && row == NULL; i++)
    {
      GtkListBoxRow *candidate = gtk_list_box_get_row_at_index (list, i);
      int index = pl_document_find_anchor (f->plan, row_anchor (candidate));

      if (pl_document_get_block (f->plan, index)->level == 2)
        row = candidate;
    }
  g_assert_nonnull (row);

  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_assert_false (pl_reader_go_back (f->reader));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  g_assert_true (pl_gui_test_wait_until (scroll_moved, f));
  settle (f);

  heading = pl_document_view_get_anchor_widget (f->view, row_anchor (row));
  g_assert_nonnull (heading);
  g_assert_true (focus_widget (f) == heading);
  g_assert_cmpfloat (block_top (f, heading), >=, 0);
  g_assert_cmpfloat (block_top (f, heading), <, 40);
  /* The contents show it as the part being read, marked rather than
   * selected: a list with a selection has Orca say "not selected" */
  g_assert_true (pl_reader_get_current_part_row (f->reader) == row);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "pl-current-part"));
  g_assert_null (gtk_list_box_get_selected_row (list));

  /* Back returns to the top, with the focus in the text */
  g_assert_true (pl_document_view_can_go_back (f->view));
  g_assert_true (pl_reader_go_back (f->reader));
  settle (f);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment (f)), <, 1);
  g_assert_true (focus_within (f, GTK_WIDGET (f->view)));
  g_assert_true (pl_reader_get_current_part_row (f->reader) != row);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "pl-current-part"));
  g_assert_false (pl_reader_go_back (f->reader));
}

/* F9 pressed at once after End starts the contents at the last part,
 * where the keyboard now is, before the view has scrolled there */
static void
test_contents_after_end (Fixture       *f,
                         gconstpointer  data)
{
  GtkListBox *list = pl_reader_get_contents_list (f->reader);
  GtkListBoxRow *last = NULL;

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    last = gtk_list_box_get_row_at_index (list, i);
  g_assert_nonnull (last);

  pl_reader_set_contents_visible (f->reader, FALSE);
  pl_document_view_focus_start (f->view);
  settle (f);
  g_assert_true (pl_reader_get_current_part_row (f->reader) != last);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "reading.end", NULL));
  g_assert_nonnull (pl_gui_test_press_keys (focus_widget (f), "F9"));
  g_assert_true (pl_reader_get_contents_visible (f->reader));
  g_assert_true (focus_widget (f) == GTK_WIDGET (last));
  g_assert_true (pl_reader_get_current_part_row (f->reader) == last);
}

static GtkWidget *
first_link (Fixture *f,
            guint   *out_index)
{
  for (guint i = 0; i < pl_document_get_n_blocks (f->plan); i++)
    if (pl_document_get_block (f->plan, i)->kind == PL_BLOCK_LINK)
      {
        *out_index = i;
        return pl_document_view_get_block_widget (f->view, i);
      }
  return NULL;
}

typedef struct
{
  GtkAdjustment *adjustment;
  double         value;
} ScrollWatch;

static gboolean
scroll_changed (gpointer data)
{
  ScrollWatch *watch = data;

  return fabs (gtk_adjustment_get_value (watch->adjustment) - watch->value) > 1;
}

static void
test_link_back (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *link;
  guint link_index = 0;
  ScrollWatch watch;
  double before;

  link = first_link (f, &link_index);
  g_assert_nonnull (link);
  g_assert_true (GTK_IS_BUTTON (link));

  /* Someone part way down the summary, on one of its links */
  gtk_widget_grab_focus (link);
  settle (f);
  gtk_adjustment_set_value (vadjustment (f), MAX (0, gtk_adjustment_get_value (vadjustment (f)) +
                                                     block_top (f, link) - 137.5));
  settle (f);
  before = gtk_adjustment_get_value (vadjustment (f));
  g_assert_cmpfloat (before, >, 0);

  watch.adjustment = vadjustment (f);
  watch.value = before;
  g_assert_true (gtk_widget_activate (link));
  g_assert_true (pl_gui_test_wait_until (scroll_changed, &watch));
  settle (f);
  g_assert_false (focus_widget (f) == link);

  g_assert_true (pl_reader_go_back (f->reader));
  settle (f);
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (vadjustment (f)) - before), <=, 1);
  g_assert_true (focus_within (f, link));

  /* Nothing earlier: the window's Back then leaves the reader */
  g_assert_false (pl_reader_go_back (f->reader));
  g_assert_false (pl_document_view_can_go_back (f->view));
}

static void
test_position (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *anchor = NULL;
  g_autofree char *anchor_again = NULL;
  double offset = 0, offset_again = 0;
  double value;

  gtk_adjustment_set_value (vadjustment (f), 1234.0);
  settle (f);
  value = gtk_adjustment_get_value (vadjustment (f));
  g_assert_cmpfloat (value, >, 1000);
  g_assert_true (pl_document_view_get_position (f->view, &anchor, &offset));
  g_assert_nonnull (anchor);
  g_assert_cmpfloat (offset, >=, 0);

  /* Reopened: the same document from its top, then the place kept */
  pl_reader_set_document (f->reader, NULL);
  pl_reader_set_document (f->reader, f->plan);
  g_assert_false (pl_document_view_set_position (f->view, "no-such-part", 0));
  g_assert_true (pl_document_view_set_position (f->view, anchor, offset));
  settle (f);
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (vadjustment (f)) - value), <=, 1);
  g_assert_true (pl_document_view_get_position (f->view, &anchor_again, &offset_again));
  g_assert_cmpstr (anchor_again, ==, anchor);
  g_assert_cmpfloat (fabs (offset_again - offset), <=, 1);
}

/* The first block of running text that wraps onto several lines */
static int
wrapped_block (Fixture *f)
{
  for (guint i = 0; i < pl_document_get_n_blocks (f->plan); i++)
    {
      GtkWidget *widget = pl_document_view_get_block_widget (f->view, i);

      if (GTK_IS_LABEL (widget) && !gtk_widget_has_css_class (widget, "pl-heading") &&
          pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (widget))) >= 3)
        return (int) i;
    }
  return -1;
}

static void
test_reading_line (Fixture       *f,
                   gconstpointer  data)
{
  const PlBlock *block;
  GtkWidget *widget;
  graphene_rect_t rect, previous;
  guint reading_block, line;
  int index, n_lines;

  index = wrapped_block (f);
  g_assert_cmpint (index, >=, 0);
  widget = pl_document_view_get_block_widget (f->view, index);
  n_lines = pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (widget)));
  block = pl_document_get_block (f->plan, index);

  /* Focus on a block makes its first line the reading line */
  g_assert_true (pl_document_view_scroll_to_anchor (f->view, block->anchor));
  settle (f);
  g_assert_true (pl_document_view_get_reading_line (f->view, &reading_block, &line, &previous));
  g_assert_cmpuint (reading_block, ==, index);
  g_assert_cmpuint (line, ==, 0);
  g_assert_cmpfloat (previous.size.height, >, 10);

  /* Down goes a line at a time, each below the last */
  for (int i = 1; i < n_lines; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "reading.line-down", NULL));
      settle (f);
      g_assert_true (pl_document_view_get_reading_line (f->view, &reading_block, &line, &rect));
      g_assert_cmpuint (reading_block, ==, index);
      g_assert_cmpuint (line, ==, i);
      /* The view may scroll to keep it in sight: compare in the text */
      g_assert_cmpfloat (rect.origin.y + gtk_adjustment_get_value (vadjustment (f)), >,
                         previous.origin.y);
      previous = rect;
      previous.origin.y += gtk_adjustment_get_value (vadjustment (f));
    }

  /* From the last line into the next block, and the focus goes too */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "reading.line-down", NULL));
  settle (f);
  g_assert_true (pl_document_view_get_reading_line (f->view, &reading_block, &line, &rect));
  g_assert_cmpuint (reading_block, ==, index + 1);
  g_assert_cmpuint (line, ==, 0);
  g_assert_true (focus_within (f, pl_document_view_get_block_widget (f->view, index + 1)));

  /* And back up to the last line of the block before */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "reading.line-up", NULL));
  settle (f);
  g_assert_true (pl_document_view_get_reading_line (f->view, &reading_block, &line, NULL));
  g_assert_cmpuint (reading_block, ==, index);
  g_assert_cmpuint (line, ==, n_lines - 1);
  g_assert_true (focus_within (f, widget));

  /* End goes to the last line of the document, in view */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "reading.end", NULL));
  settle (f);
  g_assert_true (pl_document_view_get_reading_line (f->view, &reading_block, &line, &rect));
  g_assert_cmpuint (reading_block, >=, pl_document_get_n_blocks (f->plan) - 2);
  g_assert_cmpfloat (rect.origin.y + rect.size.height, <=, gtk_widget_get_height (GTK_WIDGET (f->view)));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment (f)), >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "reading.start", NULL));
  settle (f);
  g_assert_true (pl_document_view_get_reading_line (f->view, &reading_block, &line, NULL));
  g_assert_cmpuint (reading_block, ==, 0);
  g_assert_cmpuint (line, ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment (f)), <, 1);
}

static GdkTexture *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                      node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* The darkest pixel in rows [top, bottom) and columns [left, right) of
 * the text: dark text on a light page, so the text's own colour shows there */
static int
darkest (GdkTexture *texture,
         int         left,
         int         right,
         int         top,
         int         bottom)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  int darkest_value = 255;

  gdk_texture_download (texture, pixels, width * 4);
  for (int y = MAX (top, 0); y < MIN (bottom, height); y++)
    for (int x = MAX (left, 0); x < MIN (right, width); x++)
      {
        const guchar *p = pixels + ((gsize) y * width + x) * 4;

        darkest_value = MIN (darkest_value, (p[0] + p[1] + p[2]) / 3);
      }
  return darkest_value;
}

static void
test_line_focus (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GdkTexture) plain = NULL;
  g_autoptr(GdkTexture) focused = NULL;
  graphene_rect_t line, moved, column;
  guint block, line_index, moved_block, moved_line;
  int index;
  int left, right, band_top, band_bottom;

  /* A paragraph well down the screen, with text above and below it */
  index = wrapped_block (f);
  g_assert_cmpint (index, >=, 0);
  g_assert_true (pl_document_view_scroll_to_anchor (f->view,
                                                    pl_document_get_block (f->plan, index)->anchor));
  settle (f);
  gtk_adjustment_set_value (vadjustment (f), gtk_adjustment_get_value (vadjustment (f)) - 300);
  settle (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "reading.line-down", NULL));
  settle (f);
  g_assert_true (pl_document_view_get_reading_line (f->view, NULL, NULL, &line));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (f->view), GTK_WIDGET (f->reader), &column));

  /* The view's text, rows of three lines around the reading line */
  left = (int) column.origin.x;
  right = (int) (column.origin.x + column.size.width);
  band_top = (int) (column.origin.y + line.origin.y - line.size.height);
  band_bottom = (int) (column.origin.y + line.origin.y + 2 * line.size.height);
  g_assert_cmpint (band_top, >, (int) column.origin.y + 100);
  g_assert_cmpint (band_bottom, <, (int) (column.origin.y + column.size.height) - 100);

  plain = render (GTK_WIDGET (f->reader));
  /* Without line focus, text above and below is as dark as the reading line */
  g_assert_cmpint (darkest (plain, left, right, band_top, band_bottom), <, 100);
  g_assert_cmpint (darkest (plain, left, right, (int) column.origin.y, band_top - 4), <, 100);

  g_assert_true (pl_document_view_get_reading_line (f->view, &block, &line_index, NULL));
  apply_settings (f, 14, "standard", 3, FALSE);
  settle (f);
  /* Still the same line; measured again, as a restyle may move it a little */
  g_assert_true (pl_document_view_get_reading_line (f->view, &moved_block, &moved_line, &moved));
  g_assert_cmpuint (moved_block, ==, block);
  g_assert_cmpuint (moved_line, ==, line_index);
  band_top = (int) (column.origin.y + moved.origin.y - moved.size.height);
  band_bottom = (int) (column.origin.y + moved.origin.y + 2 * moved.size.height);
  focused = render (GTK_WIDGET (f->reader));

  /* The reading line keeps its own colours; the rest fades to the page */
  g_assert_cmpint (darkest (focused, left, right, band_top, band_bottom), <, 100);
  g_assert_cmpint (darkest (focused, left, right, (int) column.origin.y, band_top - 8), >, 150);
  g_assert_cmpint (darkest (focused, left, right, band_bottom + 8,
                            (int) (column.origin.y + column.size.height)), >, 150);

}

/* Blue minus red at a point of the reader, in a texture's BGRA bytes */
static int
blueness (GdkTexture *texture,
          int         x,
          int         y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  const guchar *p;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, width);
  g_assert_cmpint (y, <, height);
  gdk_texture_download (texture, pixels, width * 4);
  p = pixels + ((gsize) y * width + x) * 4;
  return p[0] - p[2];
}

static void
test_ruler (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GdkTexture) plain = NULL;
  g_autoptr(GdkTexture) ruled = NULL;
  graphene_rect_t line, view;
  int x, above, below;

  g_assert_true (pl_document_view_scroll_to_anchor (f->view, "summary"));
  settle (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "reading.line-down", NULL));
  settle (f);
  g_assert_true (pl_document_view_get_reading_line (f->view, NULL, NULL, &line));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (f->view), GTK_WIDGET (f->reader), &view));

  /* Just above and below the line, beside the text where the page is bare */
  x = (int) (view.origin.x + line.origin.x) - 10;
  above = (int) (view.origin.y + line.origin.y) - 3;
  below = (int) (view.origin.y + line.origin.y + line.size.height) + 3;

  plain = render (GTK_WIDGET (f->reader));
  g_assert_cmpint (blueness (plain, x, above), <, 20);
  g_assert_cmpint (blueness (plain, x, below), <, 20);

  /* Ruled in the standard theme's focus blue (#1a5fb4), measured again
   * where the line is now */
  apply_settings (f, 14, "standard", 0, TRUE);
  settle (f);
  g_assert_true (pl_document_view_get_reading_line (f->view, NULL, NULL, &line));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (f->view), GTK_WIDGET (f->reader), &view));
  x = (int) (view.origin.x + line.origin.x) - 10;
  above = (int) (view.origin.y + line.origin.y) - 3;
  below = (int) (view.origin.y + line.origin.y + line.size.height) + 3;
  ruled = render (GTK_WIDGET (f->reader));
  g_assert_cmpint (blueness (ruled, x, above), >, 100);
  g_assert_cmpint (blueness (ruled, x, below), >, 100);
}

/* The bounds, in the reader, of the pixels that differ between two renders
 * inside area; FALSE if none do */
static gboolean
changed_span (GdkTexture            *before,
              GdkTexture            *after,
              const graphene_rect_t *area,
              int                   *left,
              int                   *right)
{
  int width = gdk_texture_get_width (before);
  int height = gdk_texture_get_height (before);
  g_autofree guchar *a = g_malloc ((gsize) width * height * 4);
  g_autofree guchar *b = g_malloc ((gsize) width * height * 4);

  gdk_texture_download (before, a, width * 4);
  gdk_texture_download (after, b, width * 4);
  *left = width;
  *right = -1;
  for (int y = MAX ((int) area->origin.y, 0); y < MIN ((int) (area->origin.y + area->size.height), height); y++)
    for (int x = MAX ((int) area->origin.x, 0); x < MIN ((int) (area->origin.x + area->size.width), width); x++)
      if (memcmp (a + ((gsize) y * width + x) * 4, b + ((gsize) y * width + x) * 4, 3) != 0)
        {
          *left = MIN (*left, x);
          *right = MAX (*right, x);
        }
  return *right >= *left;
}

/* In Urdu the text starts at the right, and the aids follow it there: the
 * reading line and line focus keep a short line's words bright at the
 * right, and the spoken word's highlight is drawn over the first word,
 * which is the rightmost */
static void
test_right_to_left (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PlDocument) urdu = pl_document_new ("میرا منصوبہ");
  const char *long_text = "میں صبح آٹھ بجے چائے پیتی ہوں، دودھ کے ساتھ اور چینی کے بغیر۔ "
                          "براہ کرم دروازہ کھٹکھٹائیں اور انتظار کریں، میں آہستہ چلتی ہوں۔ "
                          "میری بیٹی ہر اتوار کو آتی ہے اور ہم ساتھ کھانا کھاتے ہیں۔";
  g_autoptr(GdkTexture) plain = NULL;
  g_autoptr(GdkTexture) focused = NULL;
  g_autoptr(GdkTexture) spoken = NULL;
  graphene_rect_t short_box, long_box;
  GtkWidget *short_widget;
  int left, right;

  pl_document_set_language (urdu, "ur");
  pl_document_add (urdu, PL_BLOCK_HEADING, 1, "top", NULL, "میرا منصوبہ");
  pl_document_add (urdu, PL_BLOCK_PARAGRAPH, 0, "long", NULL, long_text);
  pl_document_add (urdu, PL_BLOCK_PARAGRAPH, 0, "short", NULL, "چائے، شکریہ۔");
  pl_document_add (urdu, PL_BLOCK_PARAGRAPH, 0, "after", NULL, long_text);
  /* Urdu that begins with a Latin name, which Pango alone would set from
   * the left */
  pl_document_add (urdu, PL_BLOCK_PARAGRAPH, 0, "latin", NULL, "Sam ہر پیر کو آتا ہے۔");
  pl_reader_set_document (f->reader, urdu);
  settle (f);

  short_widget = pl_document_view_get_anchor_widget (f->view, "short");
  g_assert_nonnull (short_widget);
  g_assert_true (gtk_widget_compute_bounds (short_widget, GTK_WIDGET (f->reader), &short_box));
  g_assert_true (gtk_widget_compute_bounds (pl_document_view_get_anchor_widget (f->view, "long"),
                                            GTK_WIDGET (f->reader), &long_box));

  /* The short line's words at the right of its block, none at the left */
  plain = render (GTK_WIDGET (f->reader));
  g_assert_cmpint (darkest (plain, (int) short_box.origin.x,
                            (int) (short_box.origin.x + short_box.size.width / 2),
                            (int) short_box.origin.y,
                            (int) (short_box.origin.y + short_box.size.height)), >, 150);
  g_assert_cmpint (darkest (plain, (int) (short_box.origin.x + short_box.size.width / 2),
                            (int) (short_box.origin.x + short_box.size.width),
                            (int) short_box.origin.y,
                            (int) (short_box.origin.y + short_box.size.height)), <, 100);

  /* The line that begins with "Sam" is set from the right too */
  {
    graphene_rect_t latin_box;

    g_assert_true (pl_document_view_scroll_to_anchor (f->view, "latin"));
    settle (f);
    g_assert_true (gtk_widget_compute_bounds (pl_document_view_get_anchor_widget (f->view, "latin"),
                                              GTK_WIDGET (f->reader), &latin_box));
    g_clear_object (&plain);
    plain = render (GTK_WIDGET (f->reader));
    g_assert_cmpint (darkest (plain, (int) latin_box.origin.x,
                              (int) (latin_box.origin.x + latin_box.size.width / 2),
                              (int) latin_box.origin.y,
                              (int) (latin_box.origin.y + latin_box.size.height)), >, 150);
    g_assert_cmpint (darkest (plain, (int) (latin_box.origin.x + latin_box.size.width / 2),
                              (int) (latin_box.origin.x + latin_box.size.width),
                              (int) latin_box.origin.y,
                              (int) (latin_box.origin.y + latin_box.size.height)), <, 100);
    /* ...with "Sam" first from the right, not at the left of the line */
    {
      GtkWidget *label = pl_document_view_get_anchor_widget (f->view, "latin");
      PangoLayout *layout;
      const char *text;
      PangoRectangle name, end;

      while (label != NULL && !GTK_IS_LABEL (label))
        label = gtk_widget_get_first_child (label);
      g_assert_nonnull (label);
      layout = gtk_label_get_layout (GTK_LABEL (label));
      text = pango_layout_get_text (layout);
      pango_layout_index_to_pos (layout, (int) (strstr (text, "Sam") - text), &name);
      pango_layout_index_to_pos (layout, (int) (strstr (text, "۔") - text), &end);
      g_assert_cmpint (name.x, >, end.x);
    }
    g_assert_true (pl_document_view_scroll_to_anchor (f->view, "top"));
    settle (f);
    g_assert_true (gtk_widget_compute_bounds (short_widget, GTK_WIDGET (f->reader), &short_box));
  }

  /* Line focus on the short line: its words stay dark, the long
   * paragraph above fades */
  pl_document_view_focus_block_widget (short_widget);
  apply_settings (f, 14, "standard", 1, FALSE);
  settle (f);
  g_assert_true (gtk_widget_compute_bounds (short_widget, GTK_WIDGET (f->reader), &short_box));
  g_assert_true (gtk_widget_compute_bounds (pl_document_view_get_anchor_widget (f->view, "long"),
                                            GTK_WIDGET (f->reader), &long_box));
  focused = render (GTK_WIDGET (f->reader));
  g_assert_cmpint (darkest (focused, (int) (short_box.origin.x + short_box.size.width / 2),
                            (int) (short_box.origin.x + short_box.size.width),
                            (int) short_box.origin.y,
                            (int) (short_box.origin.y + short_box.size.height)), <, 100);
  g_assert_cmpint (darkest (focused, (int) long_box.origin.x,
                            (int) (long_box.origin.x + long_box.size.width),
                            (int) long_box.origin.y,
                            (int) (long_box.origin.y + long_box.size.height)), >, 150);

  /* The first word spoken ("چائے", four characters) is lit at the right */
  apply_settings (f, 14, "standard", 0, FALSE);
  settle (f);
  g_assert_true (gtk_widget_compute_bounds (short_widget, GTK_WIDGET (f->reader), &short_box));
  g_clear_object (&plain);
  plain = render (GTK_WIDGET (f->reader));
  pl_document_view_set_spoken (f->view, pl_document_find_anchor (urdu, "short"), 0, 12, 0, 4, "standard");
  g_assert_true (pl_gui_test_run_ticks (f->view, 3));
  spoken = render (GTK_WIDGET (f->reader));
  g_assert_true (changed_span (plain, spoken, &short_box, &left, &right));
  g_assert_cmpint (left, >, (int) (short_box.origin.x + short_box.size.width / 2));
  g_assert_cmpint (right, >, (int) (short_box.origin.x + short_box.size.width * 3 / 4));
  pl_document_view_set_spoken (f->view, -1, 0, 0, 0, 0, "standard");
}

static gboolean
contents_hidden (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
test_focus_mode (Fixture       *f,
                 gconstpointer  data)
{
  GtkListBox *list = pl_reader_get_contents_list (f->reader);
  g_autoptr(PlSettings) settings = pl_settings_new_default (0);

  g_assert_true (pl_reader_get_contents_visible (f->reader));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));

  pl_reader_set_focus_mode (f->reader, TRUE);
  g_assert_true (pl_reader_get_focus_mode (f->reader));
  g_assert_false (pl_reader_get_contents_visible (f->reader));
  g_assert_true (pl_gui_test_wait_until (contents_hidden, list));

  /* Leaving it brings the contents back */
  pl_reader_set_focus_mode (f->reader, FALSE);
  g_assert_true (pl_gui_test_run_ticks (f->reader, 3));
  g_assert_true (pl_reader_get_contents_visible (f->reader));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));

  /* The stored choice turns it on; the same settings again leave alone a
   * focus mode the person has since left */
  settings->focus_mode = TRUE;
  pl_reader_set_settings (f->reader, settings);
  g_assert_true (pl_reader_get_focus_mode (f->reader));
  pl_reader_set_focus_mode (f->reader, FALSE);
  pl_reader_set_settings (f->reader, settings);
  g_assert_false (pl_reader_get_focus_mode (f->reader));
}

/* WCAG 1.4.10: at 32 pt in 1024×768 the contents fold over the text rather
 * than take its width; at 14 pt both fit */
static void
test_fold_large_text (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *paragraph;
  int index;

  settle (f);
  g_assert_true (pl_reader_get_contents_visible (f->reader));

  apply_settings (f, 32, "yellow-on-black", 0, FALSE);
  settle (f);
  g_assert_false (pl_reader_get_contents_visible (f->reader));
  /* The text has the whole width */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->view)), >=,
                   gtk_widget_get_width (GTK_WIDGET (f->reader)) - 2);

  /* Shown, the contents lie over the text, which keeps its width */
  index = wrapped_block (f);
  g_assert_cmpint (index, >=, 0);
  paragraph = pl_document_view_get_block_widget (f->view, index);
  {
    int width = gtk_widget_get_width (paragraph);

    pl_reader_set_contents_visible (f->reader, TRUE);
    settle (f);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (pl_reader_get_contents_list (f->reader))));
    g_assert_cmpint (gtk_widget_get_width (paragraph), ==, width);
  }
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);
  /* As the app sets it: focus moving line by line must not select text */
  g_object_set (gtk_settings_get_default (), "gtk-label-select-on-focus", FALSE, NULL);

  g_test_add ("/plainly/reader/contents", Fixture, &wide,
              fixture_setup, test_contents, fixture_teardown);
  g_test_add ("/plainly/reader/contents-jump", Fixture, &wide,
              fixture_setup, test_contents_jump, fixture_teardown);
  g_test_add ("/plainly/reader/contents-after-end", Fixture, &wide,
              fixture_setup, test_contents_after_end, fixture_teardown);
  g_test_add ("/plainly/reader/link-back", Fixture, &wide,
              fixture_setup, test_link_back, fixture_teardown);
  g_test_add ("/plainly/reader/position", Fixture, &wide,
              fixture_setup, test_position, fixture_teardown);
  g_test_add ("/plainly/reader/reading-line", Fixture, &wide,
              fixture_setup, test_reading_line, fixture_teardown);
  g_test_add ("/plainly/reader/line-focus", Fixture, &wide,
              fixture_setup, test_line_focus, fixture_teardown);
  g_test_add ("/plainly/reader/ruler", Fixture, &wide,
              fixture_setup, test_ruler, fixture_teardown);
  g_test_add ("/plainly/reader/right-to-left", Fixture, &wide,
              fixture_setup, test_right_to_left, fixture_teardown);
  g_test_add ("/plainly/reader/focus-mode", Fixture, &wide,
              fixture_setup, test_focus_mode, fixture_teardown);
  g_test_add ("/plainly/reader/fold-large-text", Fixture, &small_screen,
              fixture_setup, test_fold_large_text, fixture_teardown);

  return g_test_run ();
}
