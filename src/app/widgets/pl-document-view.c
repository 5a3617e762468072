/* pl-document-view.c: a PlDocument as real text in real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every block becomes ordinary GTK widgets, so screen readers get headings with
 * their levels, links and text through AT-SPI, and the text reflows at any size.
 * Sizes, spacing and colours live in ui/style.css under the "pl-document"
 * class, where text size and themes can change them.
 *
 * This file builds the blocks and lays out the column;
 * pl-document-view-blocks.c makes each block's widgets,
 * pl-document-view-places.c scrolls to a block, follows links and goes back,
 * pl-document-view-reading.c moves the reading line and draws the reading
 * aids, pl-document-view-spoken.c shows what is being read aloud.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <adwaita.h>
#include "pl-i18n.h"

#include "pl-document-view.h"
#include "pl-document-view-private.h"
#include "pl-ui-words.h"

G_DEFINE_FINAL_TYPE (PlDocumentView, pl_document_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CAN_GO_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidgetClass *
pl_document_view_parent_widget_class (void)
{
  return GTK_WIDGET_CLASS (pl_document_view_parent_class);
}

void
pl_document_view_notify_can_go_back (PlDocumentView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

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
void
pl_document_view_focus_block_widget (GtkWidget *widget)
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
  self->pending_block = -1;
  self->reading_block = -1;
  self->reading_piece = 0;
  self->reading_line = 0;
  if (self->back_stack->len > 0)
    {
      g_array_set_size (self->back_stack, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
    }
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
    }

  pl_document_view_link_text (self);
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

int
pl_document_view_block_index (GtkWidget *block)
{
  return (int) GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (block), "pl-block-index")) - 1;
}

/* The block holding widget, or -1 if it is not in the text */
int
pl_document_view_block_of_widget (PlDocumentView *self,
                                  GtkWidget      *widget)
{
  for (; widget != NULL && widget != GTK_WIDGET (self); widget = gtk_widget_get_parent (widget))
    {
      if (g_object_get_data (G_OBJECT (widget), "pl-block-index") != NULL)
        return pl_document_view_block_index (widget);
    }
  return -1;
}

int
pl_document_view_focused_block (PlDocumentView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root == NULL)
    return -1;
  return pl_document_view_block_of_widget (self, gtk_root_get_focus (root));
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

  pl_document_view_reading_class_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pldocumentview");
}

static void
pl_document_view_init (PlDocumentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Each block goes the way its words' language is written */
  pl_ui_words_keep_direction (GTK_WIDGET (self));

  gtk_widget_set_layout_manager (GTK_WIDGET (self->measure),
                                 gtk_custom_layout_new (column_request_mode,
                                                        column_measure,
                                                        column_allocate));
  g_signal_connect (self->measure, "map", G_CALLBACK (column_map_cb), NULL);

  self->anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->block_widgets = g_ptr_array_new ();
  self->back_stack = g_array_new (FALSE, FALSE, sizeof (PlViewPlace));
  self->pending_block = -1;
  self->reading_block = -1;

  pl_document_view_reading_init (self);
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
    pl_document_view_focus_block_widget (g_ptr_array_index (self->block_widgets, 0));
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
