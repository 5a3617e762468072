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

#include "pl-document-view.h"

/* RNIB clear print: lines of no more than about 70 characters. GTK counts
 * max-width-chars in the wider of the font's average character and digit
 * widths, well above the average letter of running text: 50 of them hold
 * about 70 letters in DejaVu Sans or Cantarell, at any size. */
#define LINE_LENGTH_CHARS 50
/* Room left above a heading scrolled to the top, in pixels */
#define SCROLL_TOP_GAP 16
/* Frames to wait for a new document to be laid out before giving up */
#define SCROLL_MAX_FRAMES 30

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

  char              *pending_anchor; /* waiting for layout before scrolling */
  guint              scroll_tick_id;
  guint              scroll_frames;
};

G_DEFINE_FINAL_TYPE (PlDocumentView, pl_document_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
text_label_new (const char *text,
                const char *css_class)
{
  GtkWidget *label;

  /* Left-aligned, never justified; WORD_CHAR so a long e-mail address
   * still wraps at 400% instead of pushing the page sideways (WCAG 1.4.10). */
  label = g_object_new (GTK_TYPE_LABEL,
                        "label", text,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "xalign", 0.0f,
                        "justify", GTK_JUSTIFY_LEFT,
                        "halign", GTK_ALIGN_FILL,
                        "max-width-chars", LINE_LENGTH_CHARS,
                        "selectable", TRUE,
                        NULL);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A label's character count is in its own font, and headings are larger
 * (style.css: 1.8em, 1.45em, 1.2em), so a long heading would widen the
 * column past the body's measure. These keep it within. */
static const int heading_chars[] = {
  LINE_LENGTH_CHARS,
  LINE_LENGTH_CHARS * 10 / 18,
  LINE_LENGTH_CHARS * 100 / 145,
  LINE_LENGTH_CHARS * 10 / 12,
  LINE_LENGTH_CHARS * 10 / 12,
  LINE_LENGTH_CHARS * 10 / 12,
  LINE_LENGTH_CHARS * 10 / 12,
};

static GtkWidget *
heading_new (const PlBlock *block)
{
  GtkWidget *label;
  int level = CLAMP (block->level, 1, 6);
  g_autofree char *level_class = g_strdup_printf ("pl-heading-%d", level);

  label = g_object_new (GTK_TYPE_LABEL,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                        "label", block->text,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "xalign", 0.0f,
                        "justify", GTK_JUSTIFY_LEFT,
                        "halign", GTK_ALIGN_FILL,
                        "max-width-chars", heading_chars[level],
                        "selectable", TRUE,
                        NULL);
  gtk_widget_add_css_class (label, "pl-heading");
  gtk_widget_add_css_class (label, level_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, level,
                                  -1);
  return label;
}

static void
link_clicked_cb (GtkButton      *button,
                 PlDocumentView *self)
{
  const char *target = g_object_get_data (G_OBJECT (button), "pl-target");

  if (target != NULL && !pl_document_view_scroll_to_anchor (self, target))
    g_debug ("Link to missing anchor “%s”", target);
}

static GtkWidget *
link_new (PlDocumentView *self,
          const PlBlock  *block)
{
  GtkWidget *button;
  GtkWidget *label;

  /* A link, not a button, to a screen reader: it goes somewhere */
  button = g_object_new (GTK_TYPE_BUTTON,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_LINK,
                         "label", block->text,
                         "halign", GTK_ALIGN_START,
                         NULL);
  gtk_widget_add_css_class (button, "pl-link");

  label = gtk_button_get_child (GTK_BUTTON (button));
  if (GTK_IS_LABEL (label))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_LEFT);
      gtk_label_set_max_width_chars (GTK_LABEL (label), LINE_LENGTH_CHARS);
    }

  g_object_set_data_full (G_OBJECT (button), "pl-target",
                          g_strdup (block->target), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (link_clicked_cb), self);
  return button;
}

static GtkWidget *
labelled_box_new (const char        *label_text,
                  const char        *label_class,
                  const char        *text,
                  const char        *box_class,
                  GtkAccessibleRole  role)
{
  GtkWidget *box;
  GtkWidget *label;

  box = g_object_new (GTK_TYPE_BOX,
                      "accessible-role", role,
                      "orientation", GTK_ORIENTATION_VERTICAL,
                      NULL);
  gtk_widget_add_css_class (box, box_class);

  if (label_text != NULL && label_text[0] != '\0')
    {
      label = text_label_new (label_text, label_class);
      gtk_box_append (GTK_BOX (box), label);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (box),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                      -1);
    }

  if (text != NULL && text[0] != '\0')
    gtk_box_append (GTK_BOX (box), text_label_new (text, "pl-value"));

  return box;
}

static GtkWidget *
notice_new (const PlBlock *block)
{
  GtkWidget *box;
  GtkWidget *icon;

  /* Stands out by its border, its weight and its icon, never by colour alone */
  box = g_object_new (GTK_TYPE_BOX,
                      "accessible-role", GTK_ACCESSIBLE_ROLE_NOTE,
                      "orientation", GTK_ORIENTATION_HORIZONTAL,
                      NULL);
  gtk_widget_add_css_class (box, "pl-notice");

  icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "pl-notice-icon");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), icon);

  gtk_box_append (GTK_BOX (box), text_label_new (block->text, "pl-notice-text"));
  return box;
}

static GtkWidget *
list_item_new (const PlBlock *block)
{
  GtkWidget *item;
  GtkWidget *bullet;
  GtkWidget *label;
  int depth = MAX (block->level, 1);

  item = g_object_new (GTK_TYPE_BOX,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                       "orientation", GTK_ORIENTATION_HORIZONTAL,
                       NULL);
  gtk_widget_add_css_class (item, "pl-list-item");
  /* Nesting shows as indent; the bullet itself is decoration */
  gtk_widget_set_margin_start (item, (depth - 1) * 32);

  bullet = gtk_label_new ("•");
  gtk_widget_set_valign (bullet, GTK_ALIGN_START);
  gtk_widget_add_css_class (bullet, "pl-bullet");
  gtk_accessible_update_state (GTK_ACCESSIBLE (bullet), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (item), bullet);

  label = text_label_new (block->text, "pl-list-text");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (item), label);

  return item;
}

static GtkWidget *
block_widget_new (PlDocumentView *self,
                  const PlBlock  *block)
{
  switch (block->kind)
    {
    case PL_BLOCK_HEADING:
      return heading_new (block);

    case PL_BLOCK_PARAGRAPH:
      return text_label_new (block->text, "pl-paragraph");

    case PL_BLOCK_LIST_ITEM:
      return list_item_new (block);

    case PL_BLOCK_FIELD:
      return labelled_box_new (block->label, "pl-field-label", block->text,
                               "pl-field", GTK_ACCESSIBLE_ROLE_GROUP);

    case PL_BLOCK_CONTACT:
      return labelled_box_new (block->label, "pl-contact-role", block->text,
                               "pl-contact", GTK_ACCESSIBLE_ROLE_GROUP);

    case PL_BLOCK_QUESTION:
      return labelled_box_new (block->label, "pl-question-text", block->text,
                               "pl-question", GTK_ACCESSIBLE_ROLE_GROUP);

    case PL_BLOCK_LINK:
      return link_new (self, block);

    case PL_BLOCK_NOTICE:
      return notice_new (block);

    default:
      return text_label_new (block->text, "pl-paragraph");
    }
}

/* Where keyboard focus goes when a block is reached: the block itself if it
 * takes focus (headings, paragraphs), else the first thing inside it. */
static void
focus_block_widget (GtkWidget *widget)
{
  if (gtk_widget_get_focusable (widget) && gtk_widget_grab_focus (widget))
    return;

  gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

static void
clear_blocks (PlDocumentView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->column))) != NULL)
    gtk_box_remove (self->column, child);

  g_hash_table_remove_all (self->anchors);
  g_ptr_array_set_size (self->block_widgets, 0);
  g_clear_pointer (&self->pending_anchor, g_free);
}

static void
build_blocks (PlDocumentView *self)
{
  GtkWidget *list = NULL;
  guint n_blocks;

  if (self->document == NULL)
    return;

  n_blocks = pl_document_get_n_blocks (self->document);
  for (guint i = 0; i < n_blocks; i++)
    {
      const PlBlock *block = pl_document_get_block (self->document, i);
      GtkWidget *widget = block_widget_new (self, block);

      g_object_set_data (G_OBJECT (widget), "pl-block-index", GUINT_TO_POINTER (i));

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

  if (self->pending_anchor != NULL)
    target = g_hash_table_lookup (self->anchors, self->pending_anchor);

  if (target == NULL || ++self->scroll_frames > SCROLL_MAX_FRAMES)
    goto done;

  /* A new document is laid out at the end of its first frame: wait for it */
  if (gtk_widget_get_height (target) <= 0 ||
      !gtk_widget_compute_point (target, GTK_WIDGET (self->viewport),
                                 &GRAPHENE_POINT_INIT (0, 0), &point))
    return G_SOURCE_CONTINUE;

  value = gtk_adjustment_get_value (adjustment) + point.y - SCROLL_TOP_GAP;
  value = CLAMP (value,
                 gtk_adjustment_get_lower (adjustment),
                 MAX (gtk_adjustment_get_lower (adjustment),
                      gtk_adjustment_get_upper (adjustment) -
                      gtk_adjustment_get_page_size (adjustment)));
  gtk_adjustment_set_value (adjustment, value);

done:
  gtk_viewport_set_scroll_to_focus (self->viewport, TRUE);
  g_clear_pointer (&self->pending_anchor, g_free);
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

static void
pl_document_view_dispose (GObject *object)
{
  PlDocumentView *self = PL_DOCUMENT_VIEW (object);

  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_DOCUMENT_VIEW);

  g_clear_object (&self->document);
  g_clear_pointer (&self->pending_anchor, g_free);

  G_OBJECT_CLASS (pl_document_view_parent_class)->dispose (object);
}

static void
pl_document_view_finalize (GObject *object)
{
  PlDocumentView *self = PL_DOCUMENT_VIEW (object);

  g_clear_pointer (&self->anchors, g_hash_table_unref);
  g_clear_pointer (&self->block_widgets, g_ptr_array_unref);

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

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               PL_RESOURCE_BASE "/ui/pl-document-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PlDocumentView, scroller);
  gtk_widget_class_bind_template_child (widget_class, PlDocumentView, viewport);
  gtk_widget_class_bind_template_child (widget_class, PlDocumentView, measure);
  gtk_widget_class_bind_template_child (widget_class, PlDocumentView, column);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pldocumentview");
}

static void
pl_document_view_init (PlDocumentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_layout_manager (GTK_WIDGET (self->measure),
                                 gtk_custom_layout_new (column_request_mode,
                                                        column_measure,
                                                        column_allocate));

  self->anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->block_widgets = g_ptr_array_new ();
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

  clear_blocks (self);
  g_set_object (&self->document, document);
  build_blocks (self);

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

  /* The viewport would scroll the focus just into view and race the scroll
   * below; it is turned back on once the target is at the top. */
  gtk_viewport_set_scroll_to_focus (self->viewport, FALSE);

  /* Focus first: the keyboard and a screen reader follow the link too */
  focus_block_widget (target);

  g_free (self->pending_anchor);
  self->pending_anchor = g_strdup (anchor);
  self->scroll_frames = 0;
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb,
                                                         NULL, NULL);
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
