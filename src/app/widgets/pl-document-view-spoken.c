/* pl-document-view-spoken.c: reading aloud in the document view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sentence being spoken is shaded and its word highlighted, in the
 * label that holds them, and kept in sight; "read from here" starts at
 * the place the person is at.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <adwaita.h>

#include "pl-document-view.h"
#include "pl-document-view-private.h"
#include "pl-spoken-highlight.h"

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

  text = gtk_label_get_text (GTK_LABEL (label));
  /* Past the right-to-left mark that leads it, if one does */
  {
    guint shift = pl_document_view_label_shift (label);

    sentence_start += shift;
    sentence_end += shift;
    word_start += shift;
    word_end += shift;
  }
  attrs = pl_spoken_attributes (text, sentence_start, sentence_end, word_start, word_end,
                                theme_id);
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
  block = pl_document_view_block_of_widget (self, focus);
  if (block < 0)
    block = self->reading_block;
  if (block < 0)
    {
      double offset;

      if (!pl_document_view_top_block (self, &block, &offset))
        return FALSE;
    }
  *out_block = (guint) block;

  /* A selection in a label: read from where it starts */
  if (GTK_IS_LABEL (focus))
    {
      int start, end;

      if (gtk_label_get_selection_bounds (GTK_LABEL (focus), &start, &end))
        *out_character = pl_document_view_label_start (focus) +
                         (guint) MAX (MIN (start, end) - (int) pl_document_view_label_shift (focus), 0);
    }
  return TRUE;
}
