/* pl-document-view-places.c: places in the document view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scrolling so a block is at the top once it is laid out, following a link
 * and going back to where the person was, and the place kept between visits.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <adwaita.h>

#include "pl-document-view.h"
#include "pl-document-view-private.h"

/* Room left above a heading scrolled to the top, in pixels */
#define SCROLL_TOP_GAP 16
/* Frames to wait for a new document to be laid out before giving up */
#define SCROLL_MAX_FRAMES 30
/* Places remembered for Back; older ones are forgotten */
#define BACK_STACK_MAX 100

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
      self->reading_piece = 0;
      self->reading_line = 0;
      pl_document_view_focus_block_widget (focus_target);
    }

  self->pending_block = top_index;
  self->pending_offset = offset;
  self->scroll_frames = 0;
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb,
                                                         NULL, NULL);
}

/* The block at the top of the view and how far the view's top is into it */
gboolean
pl_document_view_top_block (PlDocumentView *self,
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

  scroll_to_block (self, pl_document_view_block_index (target), -SCROLL_TOP_GAP,
                   pl_document_view_block_index (target));
  return TRUE;
}

static void
push_place (PlDocumentView *self)
{
  PlViewPlace place = { 0, 0, -1 };

  if (!pl_document_view_top_block (self, &place.top_block, &place.offset))
    return;

  /* If the focus is elsewhere (the contents), Back still returns it to the
   * text, to the block being read */
  place.focus_block = pl_document_view_focused_block (self);
  if (place.focus_block < 0)
    place.focus_block = self->reading_block;

  if (self->back_stack->len >= BACK_STACK_MAX)
    g_array_remove_index (self->back_stack, 0);
  g_array_append_val (self->back_stack, place);
  if (self->back_stack->len == 1)
    pl_document_view_notify_can_go_back (self);
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
  PlViewPlace place;

  g_return_val_if_fail (PL_IS_DOCUMENT_VIEW (self), FALSE);

  if (self->back_stack->len == 0)
    return FALSE;

  place = g_array_index (self->back_stack, PlViewPlace, self->back_stack->len - 1);
  g_array_set_size (self->back_stack, self->back_stack->len - 1);
  if (self->back_stack->len == 0)
    pl_document_view_notify_can_go_back (self);

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
  else if (self->document == NULL || !pl_document_view_top_block (self, &index, &offset))
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

  scroll_to_block (self, pl_document_view_block_index (target), offset,
                   pl_document_view_block_index (target));
  return TRUE;
}
