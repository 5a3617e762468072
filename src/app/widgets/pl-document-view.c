/* pl-document-view.c: a PlDocument as real text in real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every block becomes ordinary GTK widgets, so screen readers get headings with
 * their levels, links and text through AT-SPI, and the text reflows at any size.
 * Sizes, spacing and colours live in ui/style.css under the "pl-document"
 * class, where text size and themes can change them.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pl-document-view.h"
#include "pl-document-view-private.h"
#include "pl-screen-reader.h"
#include "pl-theme.h"

/* Text of long blocks shown each frame after the first (see
 * pl-document-view-blocks.c): a few milliseconds of layout */
#define REVEAL_BYTES_A_FRAME 6000
/* Room left above a heading scrolled to the top, in pixels */
#define SCROLL_TOP_GAP 16
/* Frames to wait for a new document to be laid out before giving up */
#define SCROLL_MAX_FRAMES 30
/* Places remembered for Back; older ones are forgotten */
#define BACK_STACK_MAX 100
/* Line focus: the lines outside the bright ones are covered by the page's
 * own background at this opacity, so they fade without changing colour */
#define LINE_FOCUS_SHADE 0.7
/* Reading ruler: a strip across the page, ruled above and below the
 * reading line in the focus colour (3:1 against the page, WCAG 1.4.11), over
 * a faint tint drawn under the text. Only lines across: the focus ring keeps
 * its own sides. */
#define RULER_BORDER 3.0
#define RULER_TINT 0.12
#define RULER_PAD_Y 2.0

/* A line of text on screen, in the view's coordinates, and its label */
typedef struct
{
  graphene_rect_t  rect;
  GtkWidget       *label;
} Line;

/* A place in the document: the block at the top of the view, how far the
 * view is scrolled into it, and the block that had the keyboard focus */
typedef struct
{
  int    top_block;
  double offset;
  int    focus_block;   /* -1: none */
} Place;

struct _PlDocumentView
{
  GtkWidget          parent_instance;

  /* template */
  GtkScrolledWindow *scroller;
  GtkViewport       *viewport;
  AdwBin            *measure;
  GtkBox            *column;

  PlDocument        *document;
  GHashTable        *anchors;        /* anchor → the GtkWidget presenting it (borrowed) */
  GPtrArray         *block_widgets;  /* block index → GtkWidget (borrowed) */

  int                pending_block;  /* waiting for layout before scrolling; -1 none */
  double             pending_offset; /* where the view's top goes, from the block's top */
  guint              scroll_tick_id;
  guint              scroll_frames;

  GArray            *back_stack;     /* Place */

  /* The reading line: a line of the block with the keyboard focus, moved by
   * Up and Down. Reading aids are drawn around it; they are visual only. */
  int                reading_block;  /* -1: none yet */
  int                reading_line;
  int                line_focus;     /* 0 off; else lines kept bright */
  gboolean           reading_ruler;
  GdkRGBA            shade_color;
  GdkRGBA            ruler_color;
  double             pointer_x;
  double             pointer_y;

  GtkWidget         *spoken_label;   /* weak: the label being read aloud */

  GPtrArray         *pending;        /* block widgets with text still to show (borrowed) */
  guint              reveal_tick_id;
  gboolean           reveal_started;

  /* With a screen reader, Up and Down move a block at a time: the reader
   * speaks what takes the focus, and a screen line is not a thing it can
   * say. Without one they move the reading line. */
  gboolean           by_block;

  GtkWindow         *focus_window;   /* whose focus-widget is followed */
  gulong             focus_handler;
};

G_DEFINE_FINAL_TYPE (PlDocumentView, pl_document_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CAN_GO_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
first_focusable (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (gtk_widget_get_focusable (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_focusable (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Where keyboard focus goes when a block is reached: the block itself if it
 * takes focus (headings, paragraphs), else the first thing inside it that
 * does (a field's value) */
static void
focus_block_widget (GtkWidget *widget)
{
  GtkWidget *target = first_focusable (widget);

  if (target != NULL && gtk_widget_grab_focus (target))
    return;

  gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

static void
clear_blocks (PlDocumentView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *child;

  /* A window whose focus is in a block removed under it, while another
   * window (a dialog) is active, keeps pointing at the removed block:
   * take the focus out first */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column)))
    gtk_root_set_focus (root, NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->column))) != NULL)
    gtk_box_remove (self->column, child);

  g_hash_table_remove_all (self->anchors);
  g_ptr_array_set_size (self->block_widgets, 0);
  g_ptr_array_set_size (self->pending, 0);
  if (self->reveal_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick_id);
      self->reveal_tick_id = 0;
    }
  self->pending_block = -1;
  self->reading_block = -1;
  self->reading_line = 0;
  if (self->back_stack->len > 0)
    {
      g_array_set_size (self->back_stack, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
    }
}

/* The rest of long texts, a few milliseconds' layout each frame, so the
 * page and its first frame come at once whatever the length */
static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  PlDocumentView *self = PL_DOCUMENT_VIEW (widget);
  gsize budget = REVEAL_BYTES_A_FRAME;

  /* Not in the page's first frame, which has enough to lay out */
  if (!self->reveal_started)
    {
      self->reveal_started = TRUE;
      return G_SOURCE_CONTINUE;
    }

  while (self->pending->len > 0 && budget > 0)
    {
      if (!pl_document_view_block_reveal (g_ptr_array_index (self->pending, 0), &budget))
        break;
      g_ptr_array_remove_index (self->pending, 0);
    }
  if (self->pending->len > 0)
    return G_SOURCE_CONTINUE;
  self->reveal_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
build_blocks (PlDocumentView *self)
{
  GtkWidget *list = NULL;
  const char *part = NULL;
  guint n_blocks;

  if (self->document == NULL)
    return;

  n_blocks = pl_document_get_n_blocks (self->document);
  for (guint i = 0; i < n_blocks; i++)
    {
      const PlBlock *block = pl_document_get_block (self->document, i);
      GtkWidget *widget = pl_document_view_block_new (self, block);

      /* Counted from 1, so that no block's mark is NULL */
      g_object_set_data (G_OBJECT (widget), "pl-block-index", GUINT_TO_POINTER (i + 1));

      /* A change is marked by a thick line in the text's own colour
       * (style.css), so it keeps the theme's 7:1, and in words for screen
       * readers: never by colour alone (NG86 1.4.8) */
      if (block->flags & PL_BLOCK_CHANGED)
        {
          gtk_widget_add_css_class (widget, "pl-changed");
          gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          _("Changed since you last looked"),
                                          -1);
        }

      if (block->kind == PL_BLOCK_HEADING)
        part = block->text;

      /* Consecutive items form one list, so a screen reader can say how many */
      if (block->kind == PL_BLOCK_LIST_ITEM)
        {
          if (list == NULL)
            {
              list = g_object_new (GTK_TYPE_BOX,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_LIST,
                                   "orientation", GTK_ORIENTATION_VERTICAL,
                                   NULL);
              gtk_widget_add_css_class (list, "pl-list");
              /* Named after its part, or GTK 4.8 names it by its type,
               * and Orca reads "GtkBox" out */
              gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              part != NULL ? part : _("List"),
                                              -1);
              gtk_box_append (self->column, list);
            }
          gtk_box_append (GTK_BOX (list), widget);
        }
      else
        {
          list = NULL;
          gtk_box_append (self->column, widget);
        }

      g_ptr_array_add (self->block_widgets, widget);
      if (block->anchor != NULL && !g_hash_table_contains (self->anchors, block->anchor))
        g_hash_table_insert (self->anchors, g_strdup (block->anchor), widget);
      if (pl_document_view_block_pending (widget))
        g_ptr_array_add (self->pending, widget);
    }

  self->reveal_started = FALSE;
  if (self->pending->len > 0 && self->reveal_tick_id == 0)
    self->reveal_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick_cb,
                                                         NULL, NULL);
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  PlDocumentView *self = PL_DOCUMENT_VIEW (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *target = NULL;
  graphene_point_t point;
  double value;

  if (self->pending_block >= 0)
    target = pl_document_view_get_block_widget (self, self->pending_block);

  if (target == NULL || ++self->scroll_frames > SCROLL_MAX_FRAMES)
    goto done;

  /* A new document is laid out at the end of its first frame: wait for it */
  if (gtk_widget_get_height (target) <= 0 ||
      !gtk_widget_compute_point (target, GTK_WIDGET (self->viewport),
                                 &GRAPHENE_POINT_INIT (0, 0), &point))
    return G_SOURCE_CONTINUE;

  value = gtk_adjustment_get_value (adjustment) + point.y + self->pending_offset;
  value = CLAMP (value,
                 gtk_adjustment_get_lower (adjustment),
                 MAX (gtk_adjustment_get_lower (adjustment),
                      gtk_adjustment_get_upper (adjustment) -
                      gtk_adjustment_get_page_size (adjustment)));
  gtk_adjustment_set_value (adjustment, value);

done:
  gtk_viewport_set_scroll_to_focus (self->viewport, TRUE);
  self->pending_block = -1;
  self->scroll_tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* The column is as wide as its widest label asks (its natural width, set by
 * max-width-chars, so it follows the text size), centred, and narrower when
 * the window is. halign=center cannot do this: GTK measures a wrapping box's
 * width for its allocated height, which lets every label ask for more. */
static GtkSizeRequestMode
column_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* The column's width for LINE_LENGTH_CHARS of its text, counted as GtkLabel
 * counts max-width-chars, with the column's own margins, border and padding.
 * Blocks with an icon or a frame ask for more than their text; they must not
 * widen the column, or every paragraph's lines would grow with them. */
static int
column_text_width (GtkWidget *column)
{
  PangoContext *context = gtk_widget_get_pango_context (column);
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  GtkStyleContext *style = gtk_widget_get_style_context (column);
  GtkBorder margin, border, padding;
  int char_width;

  char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                    pango_font_metrics_get_approximate_digit_width (metrics));
  pango_font_metrics_unref (metrics);

  gtk_style_context_get_margin (style, &margin);
  gtk_style_context_get_border (style, &border);
  gtk_style_context_get_padding (style, &padding);

  return PANGO_PIXELS_CEIL (char_width * LINE_LENGTH_CHARS) +
         margin.left + margin.right + border.left + border.right +
         padding.left + padding.right;
}

/* The column's minimum and natural widths, the natural held to the text measure */
static void
column_widths (GtkWidget *child,
               int       *child_min,
               int       *child_nat)
{
  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, child_min, child_nat, NULL, NULL);
  *child_nat = MAX (*child_min, MIN (*child_nat, column_text_width (child)));
}

static void
column_measure (GtkWidget      *widget,
                GtkOrientation  orientation,
                int             for_size,
                int            *minimum,
                int            *natural,
                int            *minimum_baseline,
                int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);
  int child_min = 0;
  int child_nat = 0;

  *minimum = *natural = 0;
  if (child == NULL || !gtk_widget_should_layout (child))
    return;

  /* Off screen (a page of the window not shown), the text is not laid out:
   * a change of text size would otherwise lay out a whole plan read before,
   * keeping the window from answering anyone, a screen reader included.
   * It is measured when it is mapped again (column_map_cb). */
  if (!gtk_widget_get_mapped (widget))
    return;

  column_widths (child, &child_min, &child_nat);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = child_min;
      *natural = child_nat;
    }
  else
    {
      int width = for_size < 0 ? child_nat : CLAMP (for_size, child_min, child_nat);

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, minimum, natural, NULL, NULL);
    }
}

static void
column_map_cb (GtkWidget *column)
{
  gtk_widget_queue_resize (column);
}

static void
column_allocate (GtkWidget *widget,
                 int        width,
                 int        height,
                 int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);
  int child_min = 0;
  int child_nat = 0;
  int child_width;
  int child_height;

  if (child == NULL || !gtk_widget_should_layout (child))
    return;

  column_widths (child, &child_min, &child_nat);
  child_width = MAX (child_min, MIN (width, child_nat));
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width, NULL, &child_height, NULL, NULL);

  gtk_widget_allocate (child, child_width, MAX (height, child_height), -1,
                       gsk_transform_translate (NULL,
                                                &GRAPHENE_POINT_INIT ((width - child_width) / 2, 0)));
}

static int
block_index (GtkWidget *block)
{
  return (int) GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (block), "pl-block-index")) - 1;
}

/* Focuses block focus_index (if >= 0), then once laid out scrolls so the
 * view's top is offset pixels below the top of block top_index. */
static void
scroll_to_block (PlDocumentView *self,
                 int             top_index,
                 double          offset,
                 int             focus_index)
{
  GtkWidget *focus_target = NULL;

  if (focus_index >= 0)
    focus_target = pl_document_view_get_block_widget (self, focus_index);

  /* The viewport would scroll the focus just into view and race the scroll
   * below; it is turned back on once the target is in place. */
  gtk_viewport_set_scroll_to_focus (self->viewport, FALSE);

  /* Focus first: the keyboard and a screen reader follow the link too */
  if (focus_target != NULL)
    {
      self->reading_block = focus_index;
      self->reading_line = 0;
      focus_block_widget (focus_target);
    }

  self->pending_block = top_index;
  self->pending_offset = offset;
  self->scroll_frames = 0;
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb,
                                                         NULL, NULL);
}

/* The block holding widget, or -1 if it is not in the text */
static int
block_of_widget (PlDocumentView *self,
                 GtkWidget      *widget)
{
  for (; widget != NULL && widget != GTK_WIDGET (self); widget = gtk_widget_get_parent (widget))
    {
      if (g_object_get_data (G_OBJECT (widget), "pl-block-index") != NULL)
        return block_index (widget);
    }
  return -1;
}

static int
focused_block (PlDocumentView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root == NULL)
    return -1;
  return block_of_widget (self, gtk_root_get_focus (root));
}

/* The block at the top of the view and how far the view's top is into it */
static gboolean
top_block (PlDocumentView *self,
           int            *out_index,
           double         *out_offset)
{
  for (guint i = 0; i < self->block_widgets->len; i++)
    {
      GtkWidget *block = g_ptr_array_index (self->block_widgets, i);
      graphene_rect_t bounds;
      graphene_point_t origin;

      if (!gtk_widget_compute_bounds (block, GTK_WIDGET (self->viewport), &bounds))
        continue;
      /* The offset from the block's own origin, as scroll_tick_cb()
       * measures it: bounds start at the border, which may lie outside */
      if (bounds.origin.y + bounds.size.height > 0 &&
          gtk_widget_compute_point (block, GTK_WIDGET (self->viewport),
                                    &GRAPHENE_POINT_INIT (0, 0), &origin))
        {
          *out_index = (int) i;
          *out_offset = -origin.y;
          return TRUE;
        }
    }
  return FALSE;
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      /* A bullet sits beside the first line of its item; it is not a line */
      if (!gtk_widget_has_css_class (widget, "pl-bullet"))
        g_ptr_array_add (labels, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* The text lines of a block, top to bottom, as rectangles in the view's
 * coordinates, as wide as the column. Taken from each label's own layout, so
 * they follow the text size, the spacing and the wrapping on screen. */
static GArray *
block_lines (PlDocumentView *self,
             int             index)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  GtkWidget *block = pl_document_view_get_block_widget (self, MAX (index, 0));
  graphene_rect_t column;

  if (index < 0 || block == NULL ||
      !gtk_widget_compute_bounds (GTK_WIDGET (self->column), GTK_WIDGET (self), &column))
    return lines;

  collect_labels (block, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      PangoLayout *layout = gtk_label_get_layout (label);
      PangoLayoutIter *iter;
      graphene_point_t origin;
      int x, y;

      if (gtk_widget_get_height (GTK_WIDGET (label)) <= 0 ||
          !gtk_widget_compute_point (GTK_WIDGET (label), GTK_WIDGET (self),
                                     &GRAPHENE_POINT_INIT (0, 0), &origin))
        continue;

      gtk_label_get_layout_offsets (label, &x, &y);
      iter = pango_layout_get_iter (layout);
      do
        {
          int y0, y1;
          Line rect;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          graphene_rect_init (&rect.rect,
                              column.origin.x,
                              origin.y + y + (double) y0 / PANGO_SCALE,
                              column.size.width,
                              (double) (y1 - y0) / PANGO_SCALE);
          rect.label = GTK_WIDGET (label);
          g_array_append_val (lines, rect);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }

  return lines;
}

static gboolean
line_rect (PlDocumentView  *self,
           int              block,
           int              line,
           graphene_rect_t *out_rect)
{
  g_autoptr(GArray) lines = block_lines (self, block);

  if (lines->len == 0)
    return FALSE;
  *out_rect = g_array_index (lines, Line, CLAMP (line, 0, (int) lines->len - 1)).rect;
  return TRUE;
}

/* Steps (block, line) one text line forward or back, across blocks */
static gboolean
step_line (PlDocumentView *self,
           int            *block,
           int            *line,
           int             direction)
{
  int n_blocks = (int) self->block_widgets->len;
  int b = *block;

  if (direction > 0)
    {
      g_autoptr(GArray) lines = block_lines (self, b);

      if (*line + 1 < (int) lines->len)
        {
          (*line)++;
          return TRUE;
        }
      for (b = b + 1; b < n_blocks; b++)
        {
          g_autoptr(GArray) next = block_lines (self, b);

          if (next->len > 0)
            {
              *block = b;
              *line = 0;
              return TRUE;
            }
        }
      return FALSE;
    }

  if (*line > 0)
    {
      (*line)--;
      return TRUE;
    }
  for (b = b - 1; b >= 0; b--)
    {
      g_autoptr(GArray) previous = block_lines (self, b);

      if (previous->len > 0)
        {
          *block = b;
          *line = (int) previous->len - 1;
          return TRUE;
        }
    }
  return FALSE;
}

/* Scrolls just enough that the reading line, with a line's room around
 * it, is in view */
static void
scroll_to_reading_line (PlDocumentView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t rect, viewport;
  double top, bottom, margin, value;

  if (!line_rect (self, self->reading_block, self->reading_line, &rect) ||
      !gtk_widget_compute_bounds (GTK_WIDGET (self->viewport), GTK_WIDGET (self), &viewport))
    return;

  margin = MIN (rect.size.height, viewport.size.height / 4);
  top = rect.origin.y - viewport.origin.y;
  bottom = top + rect.size.height;
  value = gtk_adjustment_get_value (adjustment);

  if (top - margin < 0)
    value += top - margin;
  else if (bottom + margin > viewport.size.height)
    value += bottom + margin - viewport.size.height;
  gtk_adjustment_set_value (adjustment, value);
}

/* The keyboard focus goes to the label holding the reading line (a field's
 * value, say, not its name), so a screen reader reads what is ruled */
static void
focus_reading_line (PlDocumentView *self)
{
  g_autoptr(GArray) lines = block_lines (self, self->reading_block);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *target = NULL;
  gboolean scroll_to_focus = self->pending_block < 0;

  if (lines->len > 0)
    target = g_array_index (lines, Line, CLAMP (self->reading_line, 0, (int) lines->len - 1)).label;
  if (target != NULL && !gtk_widget_get_focusable (target))
    target = NULL;
  if (target != NULL && target == focus)
    return;
  if (target == NULL && focused_block (self) == self->reading_block)
    return;

  /* The reading line is scrolled into view below, not the whole block */
  if (scroll_to_focus)
    gtk_viewport_set_scroll_to_focus (self->viewport, FALSE);
  if (target == NULL || !gtk_widget_grab_focus (target))
    focus_block_widget (pl_document_view_get_block_widget (self, self->reading_block));
  if (scroll_to_focus)
    gtk_viewport_set_scroll_to_focus (self->viewport, TRUE);
}

/* Moves the reading line: direction 1 and -1 a line down and up, 2 to the
 * end and -2 to the start. Keyboard focus follows it into each block. */
static void
move_reading_line (PlDocumentView *self,
                   int             direction)
{
  int block = self->reading_block;
  int line = self->reading_line;
  int n_blocks = (int) self->block_widgets->len;

  if (n_blocks == 0)
    return;

  if (block < 0 || block >= n_blocks)
    {
      block = MAX (focused_block (self), 0);
      line = 0;
      if (direction == 1 || direction == -1)
        direction = 0;
    }

  if (direction == 2 || direction == -2)
    {
      block = direction > 0 ? n_blocks - 1 : 0;
      line = direction > 0 ? G_MAXINT / 2 : 0;
      /* Blocks with no text at the very end or start are skipped */
      while (block >= 0 && block < n_blocks)
        {
          g_autoptr(GArray) lines = block_lines (self, block);

          if (lines->len > 0)
            {
              line = MIN (line, (int) lines->len - 1);
              break;
            }
          block += direction > 0 ? -1 : 1;
        }
      if (block < 0 || block >= n_blocks)
        return;
    }
  else if (direction != 0)
    step_line (self, &block, &line, direction);

  self->reading_line = line;
  /* Set first, so following the focus keeps this line */
  self->reading_block = block;
  focus_reading_line (self);

  scroll_to_reading_line (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* With a screen reader: the next or previous block with something to
 * say (direction 1 or -1), or the next or previous heading (2 or -2). The
 * focus goes to it, so the screen reader speaks it; the reading line
 * follows. Returns FALSE at either end. */
static gboolean
move_block (PlDocumentView *self,
            int             direction)
{
  int n_blocks = (int) self->block_widgets->len;
  int step = direction > 0 ? 1 : -1;
  int block = self->reading_block;

  if (n_blocks == 0 || self->document == NULL)
    return FALSE;
  if (block < 0 || block >= n_blocks)
    block = focused_block (self);
  if (block < 0)
    block = step > 0 ? -1 : n_blocks;

  for (block += step; block >= 0 && block < n_blocks; block += step)
    {
      const PlBlock *b = pl_document_get_block (self->document, (guint) block);

      if ((direction == 2 || direction == -2) && b->kind != PL_BLOCK_HEADING)
        continue;
      if (b->text == NULL || b->text[0] == '\0')
        continue;
      break;
    }
  if (block < 0 || block >= n_blocks)
    return FALSE;

  self->reading_block = block;
  self->reading_line = 0;
  gtk_viewport_set_scroll_to_focus (self->viewport, FALSE);
  focus_block_widget (pl_document_view_get_block_widget (self, block));
  gtk_viewport_set_scroll_to_focus (self->viewport, TRUE);
  scroll_to_reading_line (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

/* H and Shift+H, as in a screen reader's web pages, only while one runs:
 * otherwise the key is let through. Ctrl+Down and Ctrl+Up always. */
static gboolean
heading_key_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  PlDocumentView *self = PL_DOCUMENT_VIEW (widget);
  int direction = GPOINTER_TO_INT (user_data);

  if (direction == 3 || direction == -3)
    {
      if (!self->by_block)
        return FALSE;
      direction = direction > 0 ? 2 : -2;
    }
  move_block (self, direction);
  return TRUE;
}

static void
reading_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PlDocumentView *self = PL_DOCUMENT_VIEW (widget);

  if (g_str_equal (action_name, "reading.line-down"))
    {
      if (!self->by_block)
        move_reading_line (self, 1);
      else
        move_block (self, 1);
    }
  else if (g_str_equal (action_name, "reading.line-up"))
    {
      if (!self->by_block)
        move_reading_line (self, -1);
      else
        move_block (self, -1);
    }
  else if (g_str_equal (action_name, "reading.start"))
    move_reading_line (self, -2);
  else if (g_str_equal (action_name, "reading.end"))
    move_reading_line (self, 2);
}

static const struct
{
  guint       keyval;
  const char *action;
} reading_keys[] = {
  { GDK_KEY_Down, "reading.line-down" },
  { GDK_KEY_KP_Down, "reading.line-down" },
  { GDK_KEY_Up, "reading.line-up" },
  { GDK_KEY_KP_Up, "reading.line-up" },
  { GDK_KEY_Home, "reading.start" },
  { GDK_KEY_KP_Home, "reading.start" },
  { GDK_KEY_End, "reading.end" },
  { GDK_KEY_KP_End, "reading.end" },
};

/* Tab, a click or a link moves the focus: the reading line goes with it */
static void
focus_widget_cb (GtkWindow      *window,
                 GParamSpec     *pspec,
                 PlDocumentView *self)
{
  GtkWidget *focus = gtk_window_get_focus (window);
  int block = focused_block (self);
  g_autoptr(GArray) lines = NULL;
  int first_line = -1;

  if (block < 0)
    return;

  /* The first line of the focused label, if it is not already being read */
  lines = block_lines (self, block);
  for (guint i = 0; i < lines->len; i++)
    if (g_array_index (lines, Line, i).label == focus)
      {
        if (block == self->reading_block && (int) i == self->reading_line)
          return;
        if (first_line < 0)
          first_line = (int) i;
      }

  if (block == self->reading_block && first_line < 0)
    return;

  self->reading_block = block;
  self->reading_line = MAX (first_line, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pl_document_view_root (GtkWidget *widget)
{
  PlDocumentView *self = PL_DOCUMENT_VIEW (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (pl_document_view_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->focus_window = GTK_WINDOW (root);
      self->focus_handler = g_signal_connect (root, "notify::focus-widget",
                                              G_CALLBACK (focus_widget_cb), self);
    }
}

static void
pl_document_view_unroot (GtkWidget *widget)
{
  PlDocumentView *self = PL_DOCUMENT_VIEW (widget);

  if (self->focus_window != NULL)
    g_clear_signal_handler (&self->focus_handler, self->focus_window);
  self->focus_window = NULL;

  GTK_WIDGET_CLASS (pl_document_view_parent_class)->unroot (widget);
}

static void
pointer_left_cb (PlDocumentView *self)
{
  self->pointer_x = self->pointer_y = -1;
}

/* The ruler also follows the pointer over the text. Only real movement
 * counts: when the text scrolls under a still pointer, the line stays. */
static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           PlDocumentView           *self)
{
  /* The first position known (the window appearing, or the text laid out,
   * under a pointer that has not moved) is where the pointer is, not a move */
  gboolean moved = self->pointer_x >= 0 && (x != self->pointer_x || y != self->pointer_y);

  self->pointer_x = x;
  self->pointer_y = y;
  if (!moved || (!self->reading_ruler && self->line_focus <= 0))
    return;

  for (guint i = 0; i < self->block_widgets->len; i++)
    {
      graphene_rect_t bounds;
      g_autoptr(GArray) lines = NULL;

      if (!gtk_widget_compute_bounds (g_ptr_array_index (self->block_widgets, i),
                                      GTK_WIDGET (self), &bounds) ||
          y < bounds.origin.y || y >= bounds.origin.y + bounds.size.height)
        continue;

      lines = block_lines (self, (int) i);
      for (guint j = 0; j < lines->len; j++)
        {
          graphene_rect_t *rect = &g_array_index (lines, Line, j).rect;

          if (y >= rect->origin.y && y < rect->origin.y + rect->size.height &&
              ((int) i != self->reading_block || (int) j != self->reading_line))
            {
              self->reading_block = (int) i;
              self->reading_line = (int) j;
              gtk_widget_queue_draw (GTK_WIDGET (self));
              return;
            }
        }
      return;
    }
}

static void
rgba_from_color (GdkRGBA *rgba,
                 PlColor  color)
{
  rgba->red = color.r / 255.0f;
  rgba->green = color.g / 255.0f;
  rgba->blue = color.b / 255.0f;
  rgba->alpha = 1.0f;
}

static void
set_default_aid_colors (PlDocumentView *self)
{
  const PlTheme *theme = pl_theme_lookup (NULL);

  rgba_from_color (&self->shade_color, theme->background);
  rgba_from_color (&self->ruler_color, theme->focus);
}

static void
pl_document_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  PlDocumentView *self = PL_DOCUMENT_VIEW (widget);
  graphene_rect_t reading, viewport, ruler;
  gboolean have_line = FALSE;

  if ((self->reading_ruler || self->line_focus > 0) && self->reading_block >= 0 &&
      gtk_widget_compute_bounds (GTK_WIDGET (self->viewport), widget, &viewport))
    have_line = line_rect (self, self->reading_block, self->reading_line, &reading);

  if (have_line)
    graphene_rect_init (&ruler,
                        viewport.origin.x,
                        reading.origin.y - RULER_PAD_Y - RULER_BORDER,
                        viewport.size.width,
                        reading.size.height + 2 * (RULER_PAD_Y + RULER_BORDER));

  /* The tint goes under the text, so the text keeps its own colours */
  if (have_line && self->reading_ruler)
    {
      GdkRGBA tint = self->ruler_color;

      tint.alpha = RULER_TINT;
      gtk_snapshot_push_clip (snapshot, &viewport);
      gtk_snapshot_append_color (snapshot, &tint, &ruler);
      gtk_snapshot_pop (snapshot);
    }

  GTK_WIDGET_CLASS (pl_document_view_parent_class)->snapshot (widget, snapshot);

  if (!have_line)
    return;

  gtk_snapshot_push_clip (snapshot, &viewport);

  if (self->line_focus > 0)
    {
      int around = (self->line_focus - 1) / 2;
      int first_block = self->reading_block, first_line = self->reading_line;
      int last_block = self->reading_block, last_line = self->reading_line;
      graphene_rect_t first = reading, last = reading;
      GdkRGBA shade = self->shade_color;
      double top, bottom;

      for (int i = 0; i < around; i++)
        {
          step_line (self, &first_block, &first_line, -1);
          step_line (self, &last_block, &last_line, 1);
        }
      line_rect (self, first_block, first_line, &first);
      line_rect (self, last_block, last_line, &last);
      /* A little room, so the ruler and a focus ring at the edge stay bright */
      top = MIN (first.origin.y, reading.origin.y) - RULER_PAD_Y - RULER_BORDER;
      bottom = MAX (last.origin.y + last.size.height, reading.origin.y + reading.size.height) +
               RULER_PAD_Y + RULER_BORDER;

      shade.alpha = LINE_FOCUS_SHADE;
      if (top > viewport.origin.y)
        gtk_snapshot_append_color (snapshot, &shade,
                                   &GRAPHENE_RECT_INIT (viewport.origin.x, viewport.origin.y,
                                                        viewport.size.width,
                                                        top - viewport.origin.y));
      if (bottom < viewport.origin.y + viewport.size.height)
        gtk_snapshot_append_color (snapshot, &shade,
                                   &GRAPHENE_RECT_INIT (viewport.origin.x, bottom,
                                                        viewport.size.width,
                                                        viewport.origin.y + viewport.size.height - bottom));
    }

  if (self->reading_ruler)
    {
      GskRoundedRect outline;
      const float widths[4] = { RULER_BORDER, 0, RULER_BORDER, 0 };
      const GdkRGBA colors[4] = { self->ruler_color, self->ruler_color,
                                  self->ruler_color, self->ruler_color };

      gsk_rounded_rect_init_from_rect (&outline, &ruler, 0);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }

  gtk_snapshot_pop (snapshot);
}

static void
pl_document_view_dispose (GObject *object)
{
  PlDocumentView *self = PL_DOCUMENT_VIEW (object);

  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }
  if (self->reveal_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick_id);
      self->reveal_tick_id = 0;
    }
  if (self->pending != NULL)
    g_ptr_array_set_size (self->pending, 0);

  g_clear_weak_pointer (&self->spoken_label);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_DOCUMENT_VIEW);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (pl_document_view_parent_class)->dispose (object);
}

static void
pl_document_view_finalize (GObject *object)
{
  PlDocumentView *self = PL_DOCUMENT_VIEW (object);

  g_clear_pointer (&self->anchors, g_hash_table_unref);
  g_clear_pointer (&self->block_widgets, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->back_stack, g_array_unref);

  G_OBJECT_CLASS (pl_document_view_parent_class)->finalize (object);
}

static void
pl_document_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlDocumentView *self = PL_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, pl_document_view_can_go_back (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_document_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlDocumentView *self = PL_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      pl_document_view_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_document_view_class_init (PlDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_document_view_dispose;
  object_class->finalize = pl_document_view_finalize;
  object_class->get_property = pl_document_view_get_property;
  object_class->set_property = pl_document_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         PL_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* TRUE while there is an earlier place for pl_document_view_go_back() */
  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               PL_RESOURCE_BASE "/ui/pl-document-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PlDocumentView, scroller);
  gtk_widget_class_bind_template_child (widget_class, PlDocumentView, viewport);
  gtk_widget_class_bind_template_child (widget_class, PlDocumentView, measure);
  gtk_widget_class_bind_template_child (widget_class, PlDocumentView, column);

  widget_class->snapshot = pl_document_view_snapshot;
  widget_class->root = pl_document_view_root;
  widget_class->unroot = pl_document_view_unroot;

  /* The reading line moves a line at a time, not the label's own cursor */
  gtk_widget_class_install_action (widget_class, "reading.line-down", NULL, reading_action_cb);
  gtk_widget_class_install_action (widget_class, "reading.line-up", NULL, reading_action_cb);
  gtk_widget_class_install_action (widget_class, "reading.start", NULL, reading_action_cb);
  gtk_widget_class_install_action (widget_class, "reading.end", NULL, reading_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pldocumentview");
}

static void
screen_reader_changed_cb (PlScreenReader *reader,
                          GParamSpec     *pspec,
                          PlDocumentView *self)
{
  self->by_block = pl_screen_reader_get_running (reader);
}

static void
pl_document_view_init (PlDocumentView *self)
{
  GtkEventController *shortcuts;
  GtkEventController *motion;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_layout_manager (GTK_WIDGET (self->measure),
                                 gtk_custom_layout_new (column_request_mode,
                                                        column_measure,
                                                        column_allocate));
  g_signal_connect (self->measure, "map", G_CALLBACK (column_map_cb), NULL);

  self->anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->block_widgets = g_ptr_array_new ();
  self->pending = g_ptr_array_new ();
  self->back_stack = g_array_new (FALSE, FALSE, sizeof (Place));
  self->pending_block = -1;
  self->reading_block = -1;
  self->pointer_x = self->pointer_y = -1;
  set_default_aid_colors (self);

  /* In the capture phase, before the focused label moves its own cursor */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (reading_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (reading_keys[i].keyval, 0),
                                                            gtk_named_action_new (reading_keys[i].action)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (heading_key_cb, GINT_TO_POINTER (2), NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (heading_key_cb, GINT_TO_POINTER (-2), NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_h, 0),
                                                          gtk_callback_action_new (heading_key_cb, GINT_TO_POINTER (3), NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_H, GDK_SHIFT_MASK),
                                                          gtk_callback_action_new (heading_key_cb, GINT_TO_POINTER (-3), NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  /* Up and Down follow a screen reader as it comes and goes */
  self->by_block = pl_screen_reader_get_running (pl_screen_reader_get_default ());
  g_signal_connect_object (pl_screen_reader_get_default (), "notify::running",
                           G_CALLBACK (screen_reader_changed_cb), self, 0);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (pointer_left_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}

GtkWidget *
pl_document_view_new (void)
{
  return g_object_new (PL_TYPE_DOCUMENT_VIEW, NULL);
}

PlDocument *
pl_document_view_get_document (PlDocumentView *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT_VIEW (self), NULL);

  return self->document;
}

void
pl_document_view_set_document (PlDocumentView *self,
                               PlDocument     *document)
{
  g_return_if_fail (PL_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (document == NULL || PL_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  /* The same words again (the plan opened a second time) keep the widgets
   * built for them: rebuilding hundreds of blocks floods a screen reader
   * with changes and keeps it quiet while they pass */
  if (pl_document_equal (self->document, document))
    {
      g_set_object (&self->document, document);
    }
  else
    {
      clear_blocks (self);
      g_set_object (&self->document, document);
      build_blocks (self);
    }

  /* A new document starts at its top */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

gboolean
pl_document_view_scroll_to_anchor (PlDocumentView *self,
                                   const char     *anchor)
{
  GtkWidget *target;

  g_return_val_if_fail (PL_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (anchor != NULL, FALSE);

  target = g_hash_table_lookup (self->anchors, anchor);
  if (target == NULL)
    return FALSE;

  scroll_to_block (self, block_index (target), -SCROLL_TOP_GAP, block_index (target));
  return TRUE;
}

GtkWidget *
pl_document_view_get_anchor_widget (PlDocumentView *self,
                                    const char     *anchor)
{
  g_return_val_if_fail (PL_IS_DOCUMENT_VIEW (self), NULL);
  g_return_val_if_fail (anchor != NULL, NULL);

  return g_hash_table_lookup (self->anchors, anchor);
}

GtkWidget *
pl_document_view_get_block_widget (PlDocumentView *self,
                                   guint           index)
{
  g_return_val_if_fail (PL_IS_DOCUMENT_VIEW (self), NULL);

  if (index >= self->block_widgets->len)
    return NULL;
  return g_ptr_array_index (self->block_widgets, index);
}

void
pl_document_view_focus_start (PlDocumentView *self)
{
  g_return_if_fail (PL_IS_DOCUMENT_VIEW (self));

  if (self->block_widgets->len > 0)
    focus_block_widget (g_ptr_array_index (self->block_widgets, 0));
}

GtkAdjustment *
pl_document_view_get_vadjustment (PlDocumentView *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT_VIEW (self), NULL);

  return gtk_scrolled_window_get_vadjustment (self->scroller);
}

GtkAdjustment *
pl_document_view_get_hadjustment (PlDocumentView *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT_VIEW (self), NULL);

  return gtk_scrolled_window_get_hadjustment (self->scroller);
}

static void
push_place (PlDocumentView *self)
{
  Place place = { 0, 0, -1 };

  if (!top_block (self, &place.top_block, &place.offset))
    return;

  /* If the focus is elsewhere (the contents), Back still returns it to the
   * text, to the block being read */
  place.focus_block = focused_block (self);
  if (place.focus_block < 0)
    place.focus_block = self->reading_block;

  if (self->back_stack->len >= BACK_STACK_MAX)
    g_array_remove_index (self->back_stack, 0);
  g_array_append_val (self->back_stack, place);
  if (self->back_stack->len == 1)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

gboolean
pl_document_view_follow_anchor (PlDocumentView *self,
                                const char     *anchor)
{
  g_return_val_if_fail (PL_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (anchor != NULL, FALSE);

  if (!g_hash_table_contains (self->anchors, anchor))
    return FALSE;

  push_place (self);
  return pl_document_view_scroll_to_anchor (self, anchor);
}

gboolean
pl_document_view_can_go_back (PlDocumentView *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT_VIEW (self), FALSE);

  return self->back_stack->len > 0;
}

gboolean
pl_document_view_go_back (PlDocumentView *self)
{
  Place place;

  g_return_val_if_fail (PL_IS_DOCUMENT_VIEW (self), FALSE);

  if (self->back_stack->len == 0)
    return FALSE;

  place = g_array_index (self->back_stack, Place, self->back_stack->len - 1);
  g_array_set_size (self->back_stack, self->back_stack->len - 1);
  if (self->back_stack->len == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);

  scroll_to_block (self, place.top_block, place.offset,
                   place.focus_block >= 0 ? place.focus_block : place.top_block);
  return TRUE;
}

gboolean
pl_document_view_get_position (PlDocumentView  *self,
                               char           **out_anchor,
                               double          *out_offset)
{
  const PlBlock *block;
  int index;
  double offset;

  g_return_val_if_fail (PL_IS_DOCUMENT_VIEW (self), FALSE);

  /* A place being scrolled to counts as where the person is */
  if (self->pending_block >= 0)
    {
      index = self->pending_block;
      offset = self->pending_offset;
    }
  else if (self->document == NULL || !top_block (self, &index, &offset))
    return FALSE;

  block = pl_document_get_block (self->document, index);
  if (block == NULL || block->anchor == NULL)
    return FALSE;

  if (out_anchor != NULL)
    *out_anchor = g_strdup (block->anchor);
  if (out_offset != NULL)
    *out_offset = offset;
  return TRUE;
}

gboolean
pl_document_view_set_position (PlDocumentView *self,
                               const char     *anchor,
                               double          offset)
{
  GtkWidget *target;

  g_return_val_if_fail (PL_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (anchor != NULL, FALSE);

  target = g_hash_table_lookup (self->anchors, anchor);
  if (target == NULL)
    return FALSE;

  scroll_to_block (self, block_index (target), offset, block_index (target));
  return TRUE;
}

void
pl_document_view_set_reading_aids (PlDocumentView *self,
                                   int             line_focus,
                                   gboolean        reading_ruler,
                                   const GdkRGBA  *shade,
                                   const GdkRGBA  *ruler)
{
  g_return_if_fail (PL_IS_DOCUMENT_VIEW (self));

  /* 1, 3 or 5 lines; anything else to the nearest of them */
  if (line_focus <= 0)
    line_focus = 0;
  else if (line_focus < 3)
    line_focus = line_focus == 1 ? 1 : 3;
  else
    line_focus = line_focus <= 3 ? 3 : 5;

  self->line_focus = line_focus;
  self->reading_ruler = !!reading_ruler;
  if (shade != NULL)
    self->shade_color = *shade;
  if (ruler != NULL)
    self->ruler_color = *ruler;
  if (shade == NULL && ruler == NULL)
    set_default_aid_colors (self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
pl_document_view_get_reading_line (PlDocumentView  *self,
                                   guint           *out_block,
                                   guint           *out_line,
                                   graphene_rect_t *out_rect)
{
  g_autoptr(GArray) lines = NULL;
  int line;

  g_return_val_if_fail (PL_IS_DOCUMENT_VIEW (self), FALSE);

  if (self->reading_block < 0)
    return FALSE;

  lines = block_lines (self, self->reading_block);
  if (lines->len == 0)
    return FALSE;
  line = CLAMP (self->reading_line, 0, (int) lines->len - 1);

  if (out_block != NULL)
    *out_block = (guint) self->reading_block;
  if (out_line != NULL)
    *out_line = (guint) line;
  if (out_rect != NULL)
    *out_rect = g_array_index (lines, Line, line).rect;
  return TRUE;
}

/* Reading aloud ----------------------------------------------------------- */

gboolean
pl_document_view_is_complete (PlDocumentView *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT_VIEW (self), FALSE);

  return self->pending->len == 0;
}

static PangoAttribute *
ranged (PangoAttribute *attribute,
        guint           start,
        guint           end)
{
  attribute->start_index = start;
  attribute->end_index = end;
  return attribute;
}

static void
add_colors (PangoAttrList *attrs,
            PlColor        text,
            PlColor        background,
            guint          start,
            guint          end)
{
  pango_attr_list_insert (attrs, ranged (pango_attr_foreground_new (text.r * 257, text.g * 257,
                                                                    text.b * 257),
                                         start, end));
  pango_attr_list_insert (attrs, ranged (pango_attr_background_new (background.r * 257,
                                                                    background.g * 257,
                                                                    background.b * 257),
                                         start, end));
}

static guint
byte_index (const char *text,
            guint       characters)
{
  glong length = g_utf8_strlen (text, -1);

  return (guint) (g_utf8_offset_to_pointer (text, MIN ((glong) characters, length)) - text);
}

/* Scrolls just enough that the spoken word, with some room, is in view */
static void
keep_in_sight (PlDocumentView *self,
               GtkLabel       *label,
               guint           index)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  PangoLayout *layout = gtk_label_get_layout (label);
  graphene_point_t top, viewport_origin;
  graphene_rect_t viewport;
  PangoRectangle pos;
  int x, y;
  double line_top, line_bottom, margin, value;

  if (!gtk_widget_get_mapped (GTK_WIDGET (label)) ||
      !gtk_widget_compute_bounds (GTK_WIDGET (self->viewport), GTK_WIDGET (self), &viewport))
    return;

  gtk_label_get_layout_offsets (label, &x, &y);
  pango_layout_index_to_pos (layout, (int) index, &pos);
  if (!gtk_widget_compute_point (GTK_WIDGET (label), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (0, y + pos.y / (float) PANGO_SCALE), &top) ||
      !gtk_widget_compute_point (GTK_WIDGET (self->viewport), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (0, 0), &viewport_origin))
    return;

  line_top = top.y - viewport_origin.y;
  line_bottom = line_top + pos.height / (double) PANGO_SCALE;
  margin = MIN (pos.height / (double) PANGO_SCALE * 2, viewport.size.height / 4);
  value = gtk_adjustment_get_value (adjustment);

  if (line_top - margin < 0)
    value += line_top - margin;
  else if (line_bottom + margin > viewport.size.height)
    value += line_bottom + margin - viewport.size.height;
  gtk_adjustment_set_value (adjustment, value);
}

void
pl_document_view_set_spoken (PlDocumentView *self,
                             int             block,
                             guint           sentence_start,
                             guint           sentence_end,
                             guint           word_start,
                             guint           word_end,
                             const char     *theme_id)
{
  const PlTheme *theme = pl_theme_lookup (theme_id);
  g_autoptr(PangoAttrList) attrs = NULL;
  const PlBlock *spoken;
  GtkWidget *widget;
  GtkWidget *label;
  const char *text;
  guint start = 0;

  g_return_if_fail (PL_IS_DOCUMENT_VIEW (self));

  widget = block >= 0 ? pl_document_view_get_block_widget (self, (guint) block) : NULL;
  spoken = widget != NULL ? pl_document_get_block (self->document, (guint) block) : NULL;
  /* A long text's label holding the word; its offsets are from its own start */
  label = spoken != NULL
          ? pl_document_view_block_label_at (widget, spoken->text,
                                             word_end > word_start ? word_start : sentence_start,
                                             &start)
          : NULL;
  sentence_start = sentence_start > start ? sentence_start - start : 0;
  sentence_end = sentence_end > start ? sentence_end - start : 0;
  word_start = word_start > start ? word_start - start : 0;
  word_end = word_end > start ? word_end - start : 0;

  if (self->spoken_label != NULL && self->spoken_label != label)
    gtk_label_set_attributes (GTK_LABEL (self->spoken_label), NULL);
  g_set_weak_pointer (&self->spoken_label, label);
  if (label == NULL)
    return;

  /* The sentence shaded and the word highlighted, each in a pair of the
   * theme's colours that reaches 7:1 (pl-theme.c, tested in test-theme) */
  text = gtk_label_get_text (GTK_LABEL (label));
  attrs = pango_attr_list_new ();
  if (sentence_end > sentence_start)
    add_colors (attrs, theme->notice_text, theme->notice_background,
                byte_index (text, sentence_start), byte_index (text, sentence_end));
  if (word_end > word_start)
    add_colors (attrs, theme->highlight_text, theme->highlight_background,
                byte_index (text, word_start), byte_index (text, word_end));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);

  keep_in_sight (self, GTK_LABEL (label),
                 byte_index (text, word_end > word_start ? word_start : sentence_start));
}

GtkWidget *
pl_document_view_get_spoken_label (PlDocumentView *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT_VIEW (self), NULL);

  return self->spoken_label;
}

gboolean
pl_document_view_get_place (PlDocumentView *self,
                            guint          *out_block,
                            guint          *out_character)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  int block;

  g_return_val_if_fail (PL_IS_DOCUMENT_VIEW (self), FALSE);

  *out_block = 0;
  *out_character = 0;
  if (self->document == NULL)
    return FALSE;

  /* The block with the focus, or the reading line's, else the top of the view */
  block = block_of_widget (self, focus);
  if (block < 0)
    block = self->reading_block;
  if (block < 0)
    {
      double offset;

      if (!top_block (self, &block, &offset))
        return FALSE;
    }
  *out_block = (guint) block;

  /* A selection in a label: read from where it starts */
  if (GTK_IS_LABEL (focus))
    {
      int start, end;

      if (gtk_label_get_selection_bounds (GTK_LABEL (focus), &start, &end))
        *out_character = pl_document_view_label_start (focus) + (guint) MIN (start, end);
    }
  return TRUE;
}
