/* pl-document-view-reading.c: the reading line and the reading aids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reading line is a line of the block with the keyboard focus. Up and
 * Down move it a line at a time (a block at a time with a screen reader),
 * the pointer and the focus move it too, and line focus and the reading
 * ruler are drawn around it.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <adwaita.h>

#include "pl-document-view.h"
#include "pl-document-view-private.h"
#include "pl-screen-reader.h"
#include "pl-theme.h"

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

/* The labels a unit of reading holds: a block's, or one piece of a long
 * text, laid out now if lay_out (else none, when it is not) */
static void
unit_labels (PlDocumentView *self,
             int             index,
             int             piece,
             gboolean        lay_out,
             GPtrArray      *labels)
{
  GtkWidget *block = pl_document_view_get_block_widget (self, MAX (index, 0));
  PlLongText *long_text = pl_document_view_block_long_text (block);

  if (index < 0 || block == NULL)
    return;
  if (long_text == NULL)
    {
      collect_labels (block, labels);
      return;
    }
  piece = CLAMP (piece, 0, (int) pl_long_text_get_n_pieces (long_text) - 1);
  if (!pl_long_text_piece_is_shown (long_text, (guint) piece))
    {
      if (!lay_out)
        return;
      pl_long_text_show_piece (long_text, (guint) piece);
    }
  g_ptr_array_add (labels, pl_long_text_get_label (long_text, (guint) piece));
}

/* Pieces of block's long text, or 1 */
static int
n_pieces (PlDocumentView *self,
          int             index)
{
  PlLongText *long_text =
    pl_document_view_block_long_text (pl_document_view_get_block_widget (self, MAX (index, 0)));

  return long_text != NULL ? (int) pl_long_text_get_n_pieces (long_text) : 1;
}

/* The text lines of a block (or of one piece of a long text), top to
 * bottom, as rectangles in the view's coordinates, as wide as the column.
 * Taken from each label's own layout, so they follow the text size, the
 * spacing and the wrapping on screen. */
static GArray *
unit_lines (PlDocumentView *self,
            int             index,
            int             piece,
            gboolean        lay_out)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  graphene_rect_t column;

  if (index < 0 ||
      !gtk_widget_compute_bounds (GTK_WIDGET (self->column), GTK_WIDGET (self), &column))
    return lines;

  unit_labels (self, index, piece, lay_out, labels);
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
           int              piece,
           int              line,
           graphene_rect_t *out_rect)
{
  g_autoptr(GArray) lines = unit_lines (self, block, piece, FALSE);

  if (lines->len == 0)
    return FALSE;
  *out_rect = g_array_index (lines, Line, CLAMP (line, 0, (int) lines->len - 1)).rect;
  return TRUE;
}

/* Steps (block, piece, line) one text line forward or back, across the
 * pieces of a long text (laid out as reached, if lay_out) and across
 * blocks */
static gboolean
step_line (PlDocumentView *self,
           int            *block,
           int            *piece,
           int            *line,
           int             direction,
           gboolean        lay_out)
{
  int n_blocks = (int) self->block_widgets->len;
  int b = *block;
  int p = *piece;

  if (direction > 0)
    {
      g_autoptr(GArray) lines = unit_lines (self, b, p, lay_out);

      if (*line + 1 < (int) lines->len)
        {
          (*line)++;
          return TRUE;
        }
      for (p = p + 1;; p++)
        {
          g_autoptr(GArray) next = NULL;

          if (p >= n_pieces (self, b))
            {
              if (++b >= n_blocks)
                return FALSE;
              p = 0;
            }
          next = unit_lines (self, b, p, lay_out);
          if (next->len > 0)
            {
              *block = b;
              *piece = p;
              *line = 0;
              return TRUE;
            }
        }
    }

  if (*line > 0)
    {
      (*line)--;
      return TRUE;
    }
  for (p = p - 1;; p--)
    {
      g_autoptr(GArray) previous = NULL;

      if (p < 0)
        {
          if (--b < 0)
            return FALSE;
          p = n_pieces (self, b) - 1;
        }
      previous = unit_lines (self, b, p, lay_out);
      if (previous->len > 0)
        {
          *block = b;
          *piece = p;
          *line = (int) previous->len - 1;
          return TRUE;
        }
    }
}

/* Scrolls just enough that the reading line, with a line's room around
 * it, is in view */
static void
scroll_to_reading_line (PlDocumentView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t rect, viewport;
  double top, bottom, margin, value;

  if (!line_rect (self, self->reading_block, self->reading_piece, self->reading_line, &rect) ||
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
  g_autoptr(GArray) lines = unit_lines (self, self->reading_block, self->reading_piece, TRUE);
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
  if (target == NULL && pl_document_view_focused_block (self) == self->reading_block)
    return;

  /* The reading line is scrolled into view below, not the whole block */
  if (scroll_to_focus)
    gtk_viewport_set_scroll_to_focus (self->viewport, FALSE);
  if (target == NULL || !gtk_widget_grab_focus (target))
    pl_document_view_focus_block_widget (pl_document_view_get_block_widget (self, self->reading_block));
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
  int piece = self->reading_piece;
  int line = self->reading_line;
  int n_blocks = (int) self->block_widgets->len;

  if (n_blocks == 0)
    return;

  if (block < 0 || block >= n_blocks)
    {
      block = MAX (pl_document_view_focused_block (self), 0);
      piece = 0;
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
          g_autoptr(GArray) lines = NULL;

          /* A long text's last piece is laid out, not all of it */
          piece = direction > 0 ? n_pieces (self, block) - 1 : 0;
          lines = unit_lines (self, block, piece, TRUE);
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
    step_line (self, &block, &piece, &line, direction, TRUE);

  self->reading_line = line;
  self->reading_piece = piece;
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

  int piece = 0;
  PlLongText *long_text;

  if (n_blocks == 0 || self->document == NULL)
    return FALSE;
  if (block < 0 || block >= n_blocks)
    block = pl_document_view_focused_block (self);

  /* A long text's pieces are said one at a time, like paragraphs */
  long_text = block >= 0 && (direction == 1 || direction == -1)
              ? pl_document_view_block_long_text (pl_document_view_get_block_widget (self, block))
              : NULL;
  if (long_text != NULL && self->reading_piece + step >= 0 &&
      self->reading_piece + step < (int) pl_long_text_get_n_pieces (long_text))
    {
      piece = self->reading_piece + step;
      goto found;
    }

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
  /* Up into a long text reaches its last piece */
  long_text = pl_document_view_block_long_text (pl_document_view_get_block_widget (self, block));
  if (long_text != NULL && direction == -1)
    piece = (int) pl_long_text_get_n_pieces (long_text) - 1;

found:
  self->reading_block = block;
  self->reading_piece = piece;
  self->reading_line = 0;
  gtk_viewport_set_scroll_to_focus (self->viewport, FALSE);
  if (long_text != NULL)
    {
      pl_long_text_show_piece (long_text, (guint) piece);
      gtk_widget_grab_focus (pl_long_text_get_label (long_text, (guint) piece));
    }
  else
    pl_document_view_focus_block_widget (pl_document_view_get_block_widget (self, block));
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
  int block = pl_document_view_focused_block (self);
  g_autoptr(GArray) lines = NULL;
  PlLongText *long_text;
  int first_line = -1;
  int piece = 0;

  if (block < 0)
    return;

  /* In a long text, the piece with the focus */
  long_text = pl_document_view_block_long_text (pl_document_view_get_block_widget (self, block));
  if (long_text != NULL)
    piece = MAX (pl_long_text_piece_of_label (long_text, focus), 0);

  /* The first line of the focused label, if it is not already being read */
  lines = unit_lines (self, block, piece, FALSE);
  for (guint i = 0; i < lines->len; i++)
    if (g_array_index (lines, Line, i).label == focus)
      {
        if (block == self->reading_block && piece == self->reading_piece &&
            (int) i == self->reading_line)
          return;
        if (first_line < 0)
          first_line = (int) i;
      }

  if (block == self->reading_block && piece == self->reading_piece && first_line < 0)
    return;

  self->reading_block = block;
  self->reading_piece = piece;
  self->reading_line = MAX (first_line, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pl_document_view_root (GtkWidget *widget)
{
  PlDocumentView *self = PL_DOCUMENT_VIEW (widget);
  GtkRoot *root;

  pl_document_view_parent_widget_class ()->root (widget);

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

  pl_document_view_parent_widget_class ()->unroot (widget);
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

      /* Of a long text, the pieces laid out */
      for (int piece = 0; piece < n_pieces (self, (int) i); piece++)
        {
          g_clear_pointer (&lines, g_array_unref);
          lines = unit_lines (self, (int) i, piece, FALSE);
          for (guint j = 0; j < lines->len; j++)
            {
              graphene_rect_t *rect = &g_array_index (lines, Line, j).rect;

              if (y >= rect->origin.y && y < rect->origin.y + rect->size.height)
                {
                  if ((int) i != self->reading_block || piece != self->reading_piece ||
                      (int) j != self->reading_line)
                    {
                      self->reading_block = (int) i;
                      self->reading_piece = piece;
                      self->reading_line = (int) j;
                      gtk_widget_queue_draw (GTK_WIDGET (self));
                    }
                  return;
                }
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
    have_line = line_rect (self, self->reading_block, self->reading_piece, self->reading_line,
                           &reading);

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

  pl_document_view_parent_widget_class ()->snapshot (widget, snapshot);

  if (!have_line)
    return;

  gtk_snapshot_push_clip (snapshot, &viewport);

  if (self->line_focus > 0)
    {
      int around = (self->line_focus - 1) / 2;
      int first_block = self->reading_block, first_line = self->reading_line;
      int last_block = self->reading_block, last_line = self->reading_line;
      int first_piece = self->reading_piece, last_piece = self->reading_piece;
      graphene_rect_t first = reading, last = reading;
      GdkRGBA shade = self->shade_color;
      double top, bottom;

      for (int i = 0; i < around; i++)
        {
          step_line (self, &first_block, &first_piece, &first_line, -1, FALSE);
          step_line (self, &last_block, &last_piece, &last_line, 1, FALSE);
        }
      line_rect (self, first_block, first_piece, first_line, &first);
      line_rect (self, last_block, last_piece, last_line, &last);
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
screen_reader_changed_cb (PlScreenReader *reader,
                          GParamSpec     *pspec,
                          PlDocumentView *self)
{
  self->by_block = pl_screen_reader_get_running (reader);
}

void
pl_document_view_reading_class_init (GtkWidgetClass *widget_class)
{
  widget_class->snapshot = pl_document_view_snapshot;
  widget_class->root = pl_document_view_root;
  widget_class->unroot = pl_document_view_unroot;

  /* The reading line moves a line at a time, not the label's own cursor */
  gtk_widget_class_install_action (widget_class, "reading.line-down", NULL, reading_action_cb);
  gtk_widget_class_install_action (widget_class, "reading.line-up", NULL, reading_action_cb);
  gtk_widget_class_install_action (widget_class, "reading.start", NULL, reading_action_cb);
  gtk_widget_class_install_action (widget_class, "reading.end", NULL, reading_action_cb);
}

void
pl_document_view_reading_init (PlDocumentView *self)
{
  GtkEventController *shortcuts;
  GtkEventController *motion;

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

  lines = unit_lines (self, self->reading_block, self->reading_piece, FALSE);
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
