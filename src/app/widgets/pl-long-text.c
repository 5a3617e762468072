/* pl-long-text.c: a very long text, laid out where it is seen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A part of megabytes with no blank line in it is cut into paragraph-sized
 * pieces (pl-text-chunk.h), each a label. All of them are made at once, in
 * order, so a screen reader finds every word from the start: Say All
 * follows them one to the next, and Tab and the focus go through them all.
 * Laying them all out would take minutes, so only the pieces in and near
 * the view are measured, placed and drawn, as GtkListView does with its
 * rows; the others are children not shown (gtk_widget_set_child_visible ())
 * that count at a height estimated from the pieces measured so far. A piece
 * is laid out when it comes near the view, takes the focus, or is asked
 * for (pl_long_text_show_piece ()). When measured heights replace the
 * estimates above the text in view, the view's scroll position moves by
 * the difference on the next frame, so what is read stays still.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <math.h>

#include "pl-long-text.h"
#include "pl-text-chunk.h"

/* Text laid out beyond the view above and below, in views' heights, so
 * that scrolling a little shows text already laid out */
#define MARGIN_VIEWS 1
#define MARGIN_MIN_PIXELS 400

struct _PlLongText
{
  GtkWidget      parent_instance;

  GPtrArray     *labels;          /* each piece's label, in order (children) */
  guint         *starts;          /* each piece's first character; the length last */
  int           *heights;         /* measured at width; -1 not yet */
  int           *tops;            /* where each piece was placed; the end last */
  int            width;           /* heights are for it; -1 before the first layout */
  double         measured_chars;
  double         measured_pixels;
  int            first_shown;     /* the pieces laid out around the view */
  int            last_shown;
  int            wanted;          /* a piece asked for, kept laid out; -1 none */
  int            wanted_top;      /* where it was placed when asked for */
  gboolean       keep_wanted;     /* it stays there in the next layout */

  GtkAdjustment *vadjustment;     /* of the view scrolling this, while rooted */
  GtkWidget     *viewport;

  int            anchor;          /* the piece at the view's top; n: the end; -1 */
  int            anchor_top;      /* where it was placed */
  guint          settle_id;       /* a tick to give the estimates' error back */
};

G_DEFINE_FINAL_TYPE (PlLongText, pl_long_text, GTK_TYPE_WIDGET)

static guint
n_pieces (PlLongText *self)
{
  return self->labels->len;
}

/* Height of text a character takes, from the pieces measured; before any
 * is, from the first, measured now */
static double
pixels_a_char (PlLongText *self)
{
  if (self->measured_chars > 0)
    return self->measured_pixels / self->measured_chars;
  return 1.0;
}

static int
piece_height (PlLongText *self,
              guint       piece)
{
  if (self->heights[piece] >= 0)
    return self->heights[piece];
  return (int) ceil ((self->starts[piece + 1] - self->starts[piece]) * pixels_a_char (self));
}

/* Measures piece at the width laid out; TRUE when its height changed from
 * what was measured before (not from an estimate) */
static gboolean
measure_piece (PlLongText *self,
               guint       piece)
{
  int height = 0;
  int before = self->heights[piece];
  double chars = self->starts[piece + 1] - self->starts[piece];

  if (self->width <= 0)
    return FALSE;
  gtk_widget_measure (self->labels->pdata[piece], GTK_ORIENTATION_VERTICAL, self->width,
                      &height, NULL, NULL, NULL);
  if (before == height)
    return FALSE;
  if (before >= 0)
    self->measured_pixels -= before;
  else
    self->measured_chars += chars;
  self->measured_pixels += height;
  self->heights[piece] = height;
  return before >= 0;
}

/* Every height measured is for another width, or another text size */
static void
forget_heights (PlLongText *self,
                int         width)
{
  for (guint i = 0; i < n_pieces (self); i++)
    self->heights[i] = -1;
  self->measured_chars = 0;
  self->measured_pixels = 0;
  self->width = width;
  if (width > 0)
    measure_piece (self, 0);
}

static int
total_height (PlLongText *self)
{
  gint64 total = 0;

  for (guint i = 0; i < n_pieces (self); i++)
    total += piece_height (self, i);
  return (int) MIN (total, G_MAXINT / 2);
}

/* tops[] from the first piece down, by the heights known now */
static void
stack_from_top (PlLongText *self)
{
  int top = 0;

  for (guint i = 0; i < n_pieces (self); i++)
    {
      self->tops[i] = top;
      top = MIN (top + piece_height (self, i), G_MAXINT / 2);
    }
  self->tops[n_pieces (self)] = top;
}

/* The last piece starting at or above y; n when y is past the end */
static int
piece_at_y (PlLongText *self,
            int         y)
{
  guint low = 0, high = n_pieces (self);

  if (y >= self->tops[n_pieces (self)])
    return (int) n_pieces (self);
  while (high - low > 1)
    {
      guint middle = (low + high) / 2;

      if (self->tops[middle] <= y)
        low = middle;
      else
        high = middle;
    }
  return (int) low;
}

/* The part of this widget in view, in its own coordinates; all of it when
 * it is not in a scrolled view */
static void
view_range (PlLongText *self,
            int         height,
            int        *out_top,
            int        *out_bottom)
{
  graphene_point_t origin;

  *out_top = 0;
  *out_bottom = height;
  if (self->viewport == NULL ||
      !gtk_widget_compute_point (self->viewport, GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (0, 0), &origin))
    return;
  *out_top = (int) floor (origin.y);
  *out_bottom = *out_top + gtk_widget_get_height (self->viewport);
}

static int
focused_piece (PlLongText *self)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));

  return focus != NULL ? pl_long_text_piece_of_label (self, focus) : -1;
}

static void
place_piece (PlLongText *self,
             guint       piece)
{
  GtkWidget *label = self->labels->pdata[piece];

  if (!gtk_widget_get_child_visible (label))
    gtk_widget_set_child_visible (label, TRUE);
  gtk_widget_allocate (label, self->width, piece_height (self, piece), -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, self->tops[piece])));
}

/* On the frame after a layout that measured pieces: the height the parent
 * was told is corrected, and the view moves by what the estimates above
 * the text in view were out, so that text stays where it was drawn */
static gboolean
settle_cb (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       user_data)
{
  PlLongText *self = PL_LONG_TEXT (widget);
  int placed = self->anchor_top;
  int anchor = self->anchor;
  int shift;

  self->settle_id = 0;
  if (anchor < 0 || self->width <= 0)
    return G_SOURCE_REMOVE;

  stack_from_top (self);
  shift = self->tops[anchor] - placed;
  if (shift != 0 && self->vadjustment != NULL)
    {
      GtkAdjustment *adjustment = self->vadjustment;

      /* Room first, or the new value is held to the old end */
      gtk_adjustment_set_upper (adjustment, gtk_adjustment_get_upper (adjustment) + MAX (shift, 0));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + shift);
    }
  gtk_widget_queue_resize (widget);
  return G_SOURCE_REMOVE;
}

static void
pl_long_text_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  PlLongText *self = PL_LONG_TEXT (widget);
  int n = (int) n_pieces (self);
  int view_top, view_bottom, margin, anchor, anchor_top, focus;
  gboolean remeasured = FALSE;

  if (width != self->width)
    forget_heights (self, width);

  /* Where each piece is by the heights the parent was given */
  stack_from_top (self);
  view_range (self, height, &view_top, &view_bottom);
  margin = MAX ((view_bottom - view_top) * MARGIN_VIEWS, MARGIN_MIN_PIXELS);
  anchor = view_top <= 0 ? 0 : piece_at_y (self, view_top);
  anchor_top = self->tops[anchor];
  /* A piece just asked for (the view scrolled to it) stays where it was
   * placed, rather than the one at the top */
  if (self->keep_wanted && self->wanted >= 0)
    {
      anchor = self->wanted;
      anchor_top = self->wanted_top;
    }
  self->keep_wanted = FALSE;

  /* The pieces in and near the view, and those asked for, are measured.
   * One measured before that changed (a new text size) makes every
   * other height measured before stale too. */
  self->first_shown = piece_at_y (self, MAX (view_top - margin, 0));
  self->last_shown = MIN (piece_at_y (self, MAX (view_bottom + margin, 0)), n - 1);
  if (self->first_shown > self->last_shown)
    self->first_shown = self->last_shown = n - 1;
  for (int i = self->first_shown; i <= self->last_shown; i++)
    remeasured |= measure_piece (self, (guint) i);
  focus = focused_piece (self);
  if (focus >= 0)
    remeasured |= measure_piece (self, (guint) focus);
  if (self->wanted >= 0)
    remeasured |= measure_piece (self, (guint) self->wanted);
  if (remeasured)
    for (int i = 0; i < n; i++)
      if (i < self->first_shown || i > self->last_shown)
        if (i != focus && i != self->wanted && self->heights[i] >= 0)
          {
            self->measured_chars -= self->starts[i + 1] - self->starts[i];
            self->measured_pixels -= self->heights[i];
            self->heights[i] = -1;
          }

  /* Placed around the anchor with the heights measured now */
  self->tops[anchor] = anchor_top;
  for (int i = anchor + 1; i <= n; i++)
    self->tops[i] = self->tops[i - 1] + piece_height (self, (guint) i - 1);
  for (int i = anchor - 1; i >= 0; i--)
    self->tops[i] = self->tops[i + 1] - piece_height (self, (guint) i);

  for (int i = 0; i < n; i++)
    {
      if ((i >= self->first_shown && i <= self->last_shown) || i == focus || i == self->wanted)
        place_piece (self, (guint) i);
      else if (gtk_widget_get_child_visible (self->labels->pdata[i]))
        gtk_widget_set_child_visible (self->labels->pdata[i], FALSE);
    }

  self->anchor = anchor;
  self->anchor_top = anchor_top;
  if ((self->tops[0] != 0 || self->tops[n] != height) && self->settle_id == 0)
    self->settle_id = gtk_widget_add_tick_callback (widget, settle_cb, NULL, NULL);
}

static GtkSizeRequestMode
pl_long_text_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pl_long_text_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  PlLongText *self = PL_LONG_TEXT (widget);
  GtkWidget *first = self->labels->pdata[0];

  /* Every piece has the same measure across: the first speaks for all */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (first, orientation, -1, minimum, natural, NULL, NULL);
      return;
    }

  if (for_size < 0)
    gtk_widget_measure (first, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &for_size, NULL, NULL);
  if (self->width <= 0)
    forget_heights (self, for_size);
  *minimum = *natural = total_height (self);
  /* Asked about another width than laid out: about as much text a line
   * more or less */
  if (for_size > 0 && for_size != self->width)
    *minimum = *natural = (int) MIN ((double) *natural * self->width / for_size, G_MAXINT / 2);
}

/* Tab and Shift+Tab go through every piece, laid out or not (GTK's own
 * focus chain leaves out children not shown) */
static gboolean
pl_long_text_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  PlLongText *self = PL_LONG_TEXT (widget);
  int focus = focused_piece (self);
  gboolean forward;
  int next;

  if (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_DOWN)
    forward = TRUE;
  else if (direction == GTK_DIR_TAB_BACKWARD || direction == GTK_DIR_UP)
    forward = FALSE;
  else
    return focus >= 0;

  if (focus < 0)
    next = forward ? 0 : (int) n_pieces (self) - 1;
  else
    next = focus + (forward ? 1 : -1);
  if (next < 0 || next >= (int) n_pieces (self))
    return FALSE;

  pl_long_text_show_piece (self, (guint) next);
  return gtk_widget_grab_focus (self->labels->pdata[next]);
}

/* The focus may come to a piece not laid out (a screen reader moving it):
 * it is laid out first, so the view scrolls to where it really is */
static void
pl_long_text_set_focus_child (GtkWidget *widget,
                              GtkWidget *child)
{
  PlLongText *self = PL_LONG_TEXT (widget);
  int piece = child != NULL ? pl_long_text_piece_of_label (self, child) : -1;

  if (piece >= 0)
    pl_long_text_show_piece (self, (guint) piece);
  GTK_WIDGET_CLASS (pl_long_text_parent_class)->set_focus_child (widget, child);
}

/* Scrolling beyond the text laid out lays out more */
static void
value_changed_cb (GtkAdjustment *adjustment,
                  PlLongText    *self)
{
  int top, bottom;

  if (self->width <= 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  view_range (self, gtk_widget_get_height (GTK_WIDGET (self)), &top, &bottom);
  if (bottom < 0 || top > gtk_widget_get_height (GTK_WIDGET (self)))
    return;
  if (top < self->tops[self->first_shown] && self->first_shown > 0)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  else if (bottom > self->tops[self->last_shown + 1] && self->last_shown + 1 < (int) n_pieces (self))
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
pl_long_text_root (GtkWidget *widget)
{
  PlLongText *self = PL_LONG_TEXT (widget);

  GTK_WIDGET_CLASS (pl_long_text_parent_class)->root (widget);

  self->viewport = gtk_widget_get_ancestor (widget, GTK_TYPE_VIEWPORT);
  if (self->viewport != NULL)
    {
      g_set_object (&self->vadjustment,
                    gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->viewport)));
      if (self->vadjustment != NULL)
        g_signal_connect_object (self->vadjustment, "value-changed",
                                 G_CALLBACK (value_changed_cb), self, 0);
    }
}

static void
pl_long_text_unroot (GtkWidget *widget)
{
  PlLongText *self = PL_LONG_TEXT (widget);

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->vadjustment);
  self->viewport = NULL;

  GTK_WIDGET_CLASS (pl_long_text_parent_class)->unroot (widget);
}

static void
pl_long_text_dispose (GObject *object)
{
  PlLongText *self = PL_LONG_TEXT (object);
  GtkWidget *child;

  if (self->settle_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->settle_id);
      self->settle_id = 0;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->labels != NULL)
    g_ptr_array_set_size (self->labels, 0);

  G_OBJECT_CLASS (pl_long_text_parent_class)->dispose (object);
}

static void
pl_long_text_finalize (GObject *object)
{
  PlLongText *self = PL_LONG_TEXT (object);

  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_free (self->starts);
  g_free (self->heights);
  g_free (self->tops);

  G_OBJECT_CLASS (pl_long_text_parent_class)->finalize (object);
}

static void
pl_long_text_class_init (PlLongTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_long_text_dispose;
  object_class->finalize = pl_long_text_finalize;
  widget_class->measure = pl_long_text_measure;
  widget_class->size_allocate = pl_long_text_size_allocate;
  widget_class->get_request_mode = pl_long_text_get_request_mode;
  widget_class->focus = pl_long_text_focus;
  widget_class->set_focus_child = pl_long_text_set_focus_child;
  widget_class->root = pl_long_text_root;
  widget_class->unroot = pl_long_text_unroot;

  gtk_widget_class_set_css_name (widget_class, "pllongtext");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
pl_long_text_init (PlLongText *self)
{
  self->labels = g_ptr_array_new ();
  self->width = -1;
  self->wanted = -1;
  self->anchor = -1;
}

GtkWidget *
pl_long_text_new (const char          *text,
                  const char          *css_class,
                  PlLongTextLabelFunc  make_label)
{
  g_autoptr(GArray) chunks = NULL;
  PlLongText *self;
  guint n;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (make_label != NULL, NULL);

  chunks = pl_text_chunks (text, PL_TEXT_CHUNK_BYTES);
  if (chunks->len <= 1)
    return NULL;

  self = g_object_new (PL_TYPE_LONG_TEXT, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "pl-long-text");
  n = chunks->len;
  self->starts = g_new (guint, n + 1);
  self->heights = g_new (int, n);
  self->tops = g_new0 (int, n + 1);
  self->starts[0] = 0;
  for (guint i = 0; i < n; i++)
    {
      const PlTextChunk *chunk = &g_array_index (chunks, PlTextChunk, i);
      g_autofree char *piece = g_strndup (text + chunk->start, chunk->end - chunk->start);
      GtkWidget *label = make_label (g_strchomp (piece), css_class);

      self->starts[i + 1] = self->starts[i] +
                            (guint) g_utf8_strlen (text + chunk->start,
                                                   (gssize) (chunk->end - chunk->start));
      self->heights[i] = -1;
      g_object_set_data (G_OBJECT (label), "pl-chunk-start", GUINT_TO_POINTER (self->starts[i]));
      g_object_set_data (G_OBJECT (label), "pl-piece", GUINT_TO_POINTER (i + 1));
      /* Not shown until laid out: see size_allocate */
      gtk_widget_set_child_visible (label, FALSE);
      gtk_widget_set_parent (label, GTK_WIDGET (self));
      g_ptr_array_add (self->labels, label);
    }
  return GTK_WIDGET (self);
}

guint
pl_long_text_get_n_pieces (PlLongText *self)
{
  g_return_val_if_fail (PL_IS_LONG_TEXT (self), 0);

  return n_pieces (self);
}

GtkWidget *
pl_long_text_get_label (PlLongText *self,
                        guint       piece)
{
  g_return_val_if_fail (PL_IS_LONG_TEXT (self), NULL);
  g_return_val_if_fail (piece < n_pieces (self), NULL);

  return self->labels->pdata[piece];
}

int
pl_long_text_piece_of_label (PlLongText *self,
                             GtkWidget  *label)
{
  g_return_val_if_fail (PL_IS_LONG_TEXT (self), -1);

  if (label == NULL || gtk_widget_get_parent (label) != GTK_WIDGET (self))
    return -1;
  return (int) GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "pl-piece")) - 1;
}

guint
pl_long_text_piece_start (PlLongText *self,
                          guint       piece)
{
  g_return_val_if_fail (PL_IS_LONG_TEXT (self), 0);

  return self->starts[MIN (piece, n_pieces (self))];
}

guint
pl_long_text_piece_at (PlLongText *self,
                       guint       character)
{
  guint low = 0, high;

  g_return_val_if_fail (PL_IS_LONG_TEXT (self), 0);

  high = n_pieces (self);
  while (high - low > 1)
    {
      guint middle = (low + high) / 2;

      if (self->starts[middle] <= character)
        low = middle;
      else
        high = middle;
    }
  return low;
}

void
pl_long_text_show_piece (PlLongText *self,
                         guint       piece)
{
  g_return_if_fail (PL_IS_LONG_TEXT (self));
  g_return_if_fail (piece < n_pieces (self));

  self->wanted = (int) piece;
  /* Before the first layout, that layout places it */
  if (self->width <= 0)
    return;
  if ((int) piece < self->first_shown || (int) piece > self->last_shown ||
      !gtk_widget_get_child_visible (self->labels->pdata[piece]))
    {
      measure_piece (self, piece);
      place_piece (self, piece);
    }
  self->wanted_top = self->tops[piece];
  self->keep_wanted = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

gboolean
pl_long_text_piece_is_shown (PlLongText *self,
                             guint       piece)
{
  g_return_val_if_fail (PL_IS_LONG_TEXT (self), FALSE);

  return piece < n_pieces (self) && self->width > 0 &&
         gtk_widget_get_child_visible (self->labels->pdata[piece]) &&
         gtk_widget_get_mapped (self->labels->pdata[piece]);
}
