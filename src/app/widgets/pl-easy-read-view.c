/* pl-easy-read-view.c: a document in easy read, on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each line of pl_easy_read_items () is a row: its picture on the left (or
 * above) and its words on the right, a sentence a line, at least 16 pt, in
 * the reader's own theme (the rows carry the document view's classes). The
 * rows are made from the document, as the document view's blocks are, so
 * there is no template beyond the scrolled box.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <adwaita.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "pl-easy-read-view.h"
#include "pl-easyread.h"
#include "pl-spoken-highlight.h"
#include "pl-ui-words.h"

/* Easy read is never smaller than this (points) */
#define MIN_TEXT_SIZE 16
/* Short lines: a sentence a line where it fits */
#define LINE_CHARS 40

struct _PlEasyReadView
{
  GtkWidget      parent_instance;

  GtkWidget     *scroller;
  GtkWidget     *box;
  PlDocument    *document;
  int            text_size;
  PlSymbolPlace  symbols;
  gboolean       dirty;
  GHashTable    *textures;   /* "symbol@size" → GdkTexture */
  GPtrArray     *rows;       /* each line's row, in the order of spoken_document */
  PlDocument    *spoken_document;
  GtkWidget     *spoken_words; /* (weak) the line shaded now */
};

G_DEFINE_FINAL_TYPE (PlEasyReadView, pl_easy_read_view, GTK_TYPE_WIDGET)

static int
picture_size (PlEasyReadView *self)
{
  /* Points to pixels, then a picture about three lines high; twice that
   * when larger */
  int line = MAX (self->text_size, MIN_TEXT_SIZE) * 4 / 3;

  switch (self->symbols)
    {
    case PL_SYMBOLS_LARGER:
      return line * 6;
    case PL_SYMBOLS_ABOVE:
      return line * 4;
    case PL_SYMBOLS_BESIDE:
    case PL_SYMBOLS_NONE:
    default:
      return line * 3;
    }
}

GdkTexture *
pl_symbol_texture_new (const char  *symbol,
                       int          size,
                       GError     **error)
{
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  g_return_val_if_fail (symbol != NULL, NULL);

  svg = pl_symbol_load_svg (symbol, error);
  if (svg == NULL)
    return NULL;
  /* Drawn at the size shown: an SVG's own size is 850 pixels */
  stream = g_memory_input_stream_new_from_bytes (svg);
  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, size, size, TRUE, NULL, error);
  return pixbuf != NULL ? gdk_texture_new_for_pixbuf (pixbuf) : NULL;
}

static GdkTexture *
texture_for (PlEasyReadView *self,
             const char     *symbol,
             int             size)
{
  g_autofree char *key = g_strdup_printf ("%s@%d", symbol, size);
  g_autoptr(GError) error = NULL;
  GdkTexture *texture = g_hash_table_lookup (self->textures, key);

  if (texture != NULL)
    return texture;

  texture = pl_symbol_texture_new (symbol, size, &error);
  if (texture == NULL)
    {
      g_warning ("Cannot show the picture %s: %s", symbol, error->message);
      return NULL;
    }
  g_hash_table_insert (self->textures, g_steal_pointer (&key), texture);
  return texture;
}

static GtkWidget *
picture_new (PlEasyReadView      *self,
             const PlSymbolMatch *match,
             int                  size)
{
  GtkWidget *picture;
  GdkTexture *texture = NULL;

  if (match != NULL && match->symbol != NULL)
    texture = texture_for (self, match->symbol, size);

  if (texture == NULL)
    {
      /* The words stay in line with the others' */
      picture = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_widget_set_size_request (picture, self->symbols == PL_SYMBOLS_ABOVE ? -1 : size,
                                   self->symbols == PL_SYMBOLS_ABOVE ? 0 : -1);
      return picture;
    }

  /* An image of one size, not a GtkPicture: a picture measured for the
   * height of a line that wraps grows as wide as that is high, and pushes
   * its words further in than the lines around them */
  picture = gtk_image_new_from_paintable (GDK_PAINTABLE (texture));
  gtk_image_set_pixel_size (GTK_IMAGE (picture), size);
  gtk_widget_set_size_request (picture, size, size);
  gtk_widget_set_valign (picture, GTK_ALIGN_START);
  gtk_widget_set_halign (picture, GTK_ALIGN_START);
  gtk_widget_add_css_class (picture, "pl-easy-read-picture");
  /* Decoration to a screen reader, unless staff said what it shows */
  if (match->description != NULL && *match->description != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, match->description,
                                    -1);
  else
    gtk_accessible_update_state (GTK_ACCESSIBLE (picture),
                                 GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                 -1);
  return picture;
}

/* A line's own attributes: never under 16 pt, whatever the reader's size */
static PangoAttrList *
base_attributes (PlEasyReadView *self)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  if (self->text_size < MIN_TEXT_SIZE)
    pango_attr_list_insert (attrs, pango_attr_size_new (MIN_TEXT_SIZE * PANGO_SCALE));
  return attrs;
}

static GtkWidget *
words_new (PlEasyReadView       *self,
           const PlEasyReadItem *item,
           const char           *text)
{
  gboolean heading = item->block->kind == PL_BLOCK_HEADING && !item->written;
  /* An Urdu line from the right even when it begins with a Latin name
   * (Pango takes a line's direction from its first letter) */
  gboolean rtl = pl_ui_words_language_is_rtl (pl_block_get_language (item->block, self->document));
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", heading ? GTK_ACCESSIBLE_ROLE_HEADING
                                                              : GTK_ACCESSIBLE_ROLE_LABEL,
                                   "label", text,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "xalign", 0.0f,
                                   "yalign", 0.5f,
                                   "valign", GTK_ALIGN_CENTER,
                                   "hexpand", TRUE,
                                   "max-width-chars", LINE_CHARS,
                                   "selectable", TRUE,
                                   NULL);
  g_autoptr(PangoAttrList) attrs = base_attributes (self);

  if (rtl)
    pl_ui_words_lead_right_to_left (GTK_LABEL (label));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  gtk_widget_add_css_class (label, "pl-easy-read-words");
  if (heading)
    {
      g_autofree char *level_class = g_strdup_printf ("pl-heading-%d", CLAMP (item->block->level, 1, 3));

      gtk_widget_add_css_class (label, "pl-heading");
      gtk_widget_add_css_class (label, level_class);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_LEVEL, item->block->level,
                                      -1);
    }
  return label;
}

/* One line: its picture and its words, beside or above. Laid out here
 * rather than by a GtkBox: a box asks its words how wide they would be at
 * given heights, and a wrapping label answers that by laying its text out
 * again and again, which for a plan's few hundred lines kept the window
 * from answering for seconds. Here the words are asked only their width
 * and their height for the width they get. */
#define PL_TYPE_EASY_READ_ROW (pl_easy_read_row_get_type ())
G_DECLARE_FINAL_TYPE (PlEasyReadRow, pl_easy_read_row, PL, EASY_READ_ROW, GtkWidget)

struct _PlEasyReadRow
{
  GtkWidget  parent_instance;

  GtkWidget *picture;  /* NULL with pictures off */
  GtkWidget *words;
  gboolean   above;
};

G_DEFINE_FINAL_TYPE (PlEasyReadRow, pl_easy_read_row, GTK_TYPE_WIDGET)

/* Between a picture and its words */
#define SPACING_BESIDE 24
#define SPACING_ABOVE 8

static int
row_spacing (PlEasyReadRow *self)
{
  if (self->picture == NULL || !gtk_widget_should_layout (self->picture))
    return 0;
  return self->above ? SPACING_ABOVE : SPACING_BESIDE;
}

/* The picture's size in orientation, 0 when there is none */
static void
measure_picture (PlEasyReadRow  *self,
                 GtkOrientation  orientation,
                 int            *minimum,
                 int            *natural)
{
  *minimum = *natural = 0;
  if (self->picture != NULL && gtk_widget_should_layout (self->picture))
    gtk_widget_measure (self->picture, orientation, -1, minimum, natural, NULL, NULL);
}

static GtkSizeRequestMode
pl_easy_read_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pl_easy_read_row_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  PlEasyReadRow *self = PL_EASY_READ_ROW (widget);
  int spacing = row_spacing (self);
  int picture_min, picture_nat, words_min, words_nat;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* A width is the same at any height */
      measure_picture (self, orientation, &picture_min, &picture_nat);
      gtk_widget_measure (self->words, orientation, -1, &words_min, &words_nat, NULL, NULL);
      if (self->above)
        {
          *minimum = MAX (picture_min, words_min);
          *natural = MAX (picture_nat, words_nat);
        }
      else
        {
          *minimum = picture_min + spacing + words_min;
          *natural = picture_nat + spacing + words_nat;
        }
      return;
    }

  measure_picture (self, orientation, &picture_min, &picture_nat);
  if (self->above)
    {
      gtk_widget_measure (self->words, orientation, for_size, &words_min, &words_nat, NULL, NULL);
      *minimum = picture_min + spacing + words_min;
      *natural = picture_nat + spacing + words_nat;
    }
  else
    {
      int words_width = -1;

      if (for_size >= 0)
        {
          int picture_width, unused, words_width_min;

          measure_picture (self, GTK_ORIENTATION_HORIZONTAL, &unused, &picture_width);
          gtk_widget_measure (self->words, GTK_ORIENTATION_HORIZONTAL, -1,
                              &words_width_min, NULL, NULL, NULL);
          words_width = MAX (words_width_min, for_size - picture_width - spacing);
        }
      gtk_widget_measure (self->words, orientation, words_width, &words_min, &words_nat, NULL, NULL);
      *minimum = MAX (picture_min, words_min);
      *natural = MAX (picture_nat, words_nat);
    }
}

static void
pl_easy_read_row_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  PlEasyReadRow *self = PL_EASY_READ_ROW (widget);
  int spacing = row_spacing (self);
  int picture_min, picture_size;

  if (self->above)
    {
      measure_picture (self, GTK_ORIENTATION_VERTICAL, &picture_min, &picture_size);
      if (self->picture != NULL && gtk_widget_should_layout (self->picture))
        gtk_widget_size_allocate (self->picture,
                                  &(GtkAllocation) { 0, 0, width, picture_size }, -1);
      gtk_widget_size_allocate (self->words,
                                &(GtkAllocation) { 0, picture_size + spacing, width,
                                                   MAX (0, height - picture_size - spacing) },
                                -1);
    }
  else
    {
      gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
      int words_width;

      /* The picture on the side the lines start from */
      measure_picture (self, GTK_ORIENTATION_HORIZONTAL, &picture_min, &picture_size);
      words_width = MAX (0, width - picture_size - spacing);
      if (self->picture != NULL && gtk_widget_should_layout (self->picture))
        gtk_widget_size_allocate (self->picture,
                                  &(GtkAllocation) { rtl ? width - picture_size : 0, 0,
                                                     picture_size, height },
                                  -1);
      gtk_widget_size_allocate (self->words,
                                &(GtkAllocation) { rtl ? 0 : picture_size + spacing, 0,
                                                   words_width, height },
                                -1);
    }
}

static void
pl_easy_read_row_dispose (GObject *object)
{
  PlEasyReadRow *self = PL_EASY_READ_ROW (object);

  g_clear_pointer (&self->picture, gtk_widget_unparent);
  g_clear_pointer (&self->words, gtk_widget_unparent);

  G_OBJECT_CLASS (pl_easy_read_row_parent_class)->dispose (object);
}

static void
pl_easy_read_row_class_init (PlEasyReadRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_easy_read_row_dispose;
  widget_class->get_request_mode = pl_easy_read_row_get_request_mode;
  widget_class->measure = pl_easy_read_row_measure;
  widget_class->size_allocate = pl_easy_read_row_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "easyreadline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
pl_easy_read_row_init (PlEasyReadRow *self)
{
}

/* picture: (nullable) */
static GtkWidget *
pl_easy_read_row_new (GtkWidget *picture,
                      GtkWidget *words,
                      gboolean   above)
{
  PlEasyReadRow *self = g_object_new (PL_TYPE_EASY_READ_ROW, NULL);

  self->above = above;
  self->picture = picture;
  self->words = words;
  /* Picture first: the words are the row's last child */
  if (picture != NULL)
    gtk_widget_set_parent (picture, GTK_WIDGET (self));
  gtk_widget_set_parent (words, GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

static void
clear_rows (PlEasyReadView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
}

static void
rebuild (PlEasyReadView *self)
{
  g_autoptr(GPtrArray) items = NULL;
  int size = picture_size (self);

  self->dirty = FALSE;
  clear_rows (self);
  g_ptr_array_set_size (self->rows, 0);
  if (self->document == NULL)
    return;

  items = pl_easy_read_items (self->document, pl_symbol_index_get_default ());
  for (guint i = 0; i < items->len; i++)
    {
      const PlEasyReadItem *item = items->pdata[i];

      for (guint j = 0; j < item->lines->len; j++)
        {
          const PlEasyReadLine *line = item->lines->pdata[j];
          GtkWidget *picture = NULL;
          GtkWidget *row;

          if (self->symbols != PL_SYMBOLS_NONE)
            picture = picture_new (self, line->match, size);
          row = pl_easy_read_row_new (picture, words_new (self, item, line->text),
                                      self->symbols == PL_SYMBOLS_ABOVE);
          gtk_widget_add_css_class (row, "pl-easy-read-line");
          if (j == 0 && item->block->kind == PL_BLOCK_HEADING && !item->written)
            gtk_widget_set_margin_top (row, 24);
          if (j == 0 && item->block->anchor != NULL)
            g_object_set_data_full (G_OBJECT (row), "pl-anchor",
                                    g_strdup (item->block->anchor), g_free);
          gtk_box_append (GTK_BOX (self->box), row);
          g_ptr_array_add (self->rows, row);
        }
    }
}

static void
pl_easy_read_view_map (GtkWidget *widget)
{
  PlEasyReadView *self = PL_EASY_READ_VIEW (widget);

  /* Nothing is laid out for a view not shown */
  if (self->dirty)
    rebuild (self);
  GTK_WIDGET_CLASS (pl_easy_read_view_parent_class)->map (widget);
}

static void
mark_dirty (PlEasyReadView *self)
{
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
}

static void
pl_easy_read_view_dispose (GObject *object)
{
  PlEasyReadView *self = PL_EASY_READ_VIEW (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->document);
  g_clear_object (&self->spoken_document);
  g_clear_pointer (&self->textures, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_weak_pointer (&self->spoken_words);

  G_OBJECT_CLASS (pl_easy_read_view_parent_class)->dispose (object);
}

static void
pl_easy_read_view_class_init (PlEasyReadViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_easy_read_view_dispose;
  widget_class->map = pl_easy_read_view_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "easyreadview");
}

static void
pl_easy_read_view_init (PlEasyReadView *self)
{
  GtkWidget *clamp = adw_clamp_new ();

  self->text_size = MIN_TEXT_SIZE;
  self->textures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->rows = g_ptr_array_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  gtk_widget_set_margin_top (self->box, 24);
  gtk_widget_set_margin_bottom (self->box, 48);
  gtk_widget_set_margin_start (self->box, 24);
  gtk_widget_set_margin_end (self->box, 24);
  /* The reader's theme and text size reach the rows through this class */
  gtk_widget_add_css_class (self->box, "pl-document");
  gtk_widget_add_css_class (self->box, "pl-easy-read");

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1100);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->box);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

GtkWidget *
pl_easy_read_view_new (void)
{
  return g_object_new (PL_TYPE_EASY_READ_VIEW, NULL);
}

PlDocument *
pl_easy_read_view_get_document (PlEasyReadView *self)
{
  g_return_val_if_fail (PL_IS_EASY_READ_VIEW (self), NULL);

  return self->document;
}

void
pl_easy_read_view_set_document (PlEasyReadView *self,
                                PlDocument     *document)
{
  g_return_if_fail (PL_IS_EASY_READ_VIEW (self));

  if (!g_set_object (&self->document, document))
    return;
  g_clear_object (&self->spoken_document);
  mark_dirty (self);
}

void
pl_easy_read_view_set_look (PlEasyReadView *self,
                            int             text_size,
                            PlSymbolPlace   symbols)
{
  g_return_if_fail (PL_IS_EASY_READ_VIEW (self));

  if (self->text_size == text_size && self->symbols == symbols)
    return;
  self->text_size = text_size;
  self->symbols = symbols;
  mark_dirty (self);
}

GtkWidget *
pl_easy_read_view_get_first_line (PlEasyReadView *self)
{
  GtkWidget *row;

  g_return_val_if_fail (PL_IS_EASY_READ_VIEW (self), NULL);

  row = gtk_widget_get_first_child (self->box);
  return row != NULL ? gtk_widget_get_last_child (row) : NULL;
}

gboolean
pl_easy_read_view_scroll_to_anchor (PlEasyReadView *self,
                                    const char     *anchor)
{
  g_return_val_if_fail (PL_IS_EASY_READ_VIEW (self), FALSE);
  g_return_val_if_fail (anchor != NULL, FALSE);

  if (self->dirty)
    rebuild (self);
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      graphene_point_t at;

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "pl-anchor"), anchor) != 0)
        continue;
      if (gtk_widget_compute_point (row, self->box, &GRAPHENE_POINT_INIT (0, 0), &at))
        gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)),
                                  at.y);
      return TRUE;
    }
  return FALSE;
}

PlDocument *
pl_easy_read_view_get_spoken_document (PlEasyReadView *self)
{
  g_return_val_if_fail (PL_IS_EASY_READ_VIEW (self), NULL);

  if (self->spoken_document == NULL && self->document != NULL)
    {
      g_autoptr(GPtrArray) items = pl_easy_read_items (self->document,
                                                       pl_symbol_index_get_default ());

      self->spoken_document = pl_easy_read_document (self->document, items);
    }
  return self->spoken_document;
}

PlDocument *
pl_easy_read_view_peek_spoken_document (PlEasyReadView *self)
{
  g_return_val_if_fail (PL_IS_EASY_READ_VIEW (self), NULL);

  return self->spoken_document;
}

GtkWidget *
pl_easy_read_view_get_line_words (PlEasyReadView *self,
                                  guint           index)
{
  g_return_val_if_fail (PL_IS_EASY_READ_VIEW (self), NULL);

  if (self->dirty && gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  if (index >= self->rows->len)
    return NULL;
  return gtk_widget_get_last_child (g_ptr_array_index (self->rows, index));
}

/* Scrolls just enough that row, with some room, is in view */
static void
keep_in_sight (PlEasyReadView *self,
               GtkWidget      *row)
{
  GtkAdjustment *adjustment =
    gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  graphene_rect_t bounds;
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double margin;

  if (!gtk_widget_get_mapped (row) ||
      !gtk_widget_compute_bounds (row, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller)),
                                  &bounds))
    return;
  margin = MIN (bounds.size.height, page / 4);
  if (bounds.origin.y - margin < value)
    gtk_adjustment_set_value (adjustment, bounds.origin.y - margin);
  else if (bounds.origin.y + bounds.size.height + margin > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height + margin - page);
}

void
pl_easy_read_view_set_spoken (PlEasyReadView *self,
                              int             block,
                              guint           sentence_start,
                              guint           sentence_end,
                              guint           word_start,
                              guint           word_end,
                              const char     *theme_id)
{
  GtkWidget *words = block >= 0 ? pl_easy_read_view_get_line_words (self, (guint) block) : NULL;
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autoptr(PangoAttrList) spoken = NULL;
  guint shift;

  g_return_if_fail (PL_IS_EASY_READ_VIEW (self));

  if (self->spoken_words != NULL && self->spoken_words != words)
    {
      g_autoptr(PangoAttrList) base = base_attributes (self);

      gtk_label_set_attributes (GTK_LABEL (self->spoken_words), base);
      gtk_widget_remove_css_class (gtk_widget_get_parent (self->spoken_words), "pl-spoken-line");
    }
  g_set_weak_pointer (&self->spoken_words, words);
  if (words == NULL)
    return;

  /* The line is one sentence: shaded whole, beside its picture, with its
   * word highlighted, as in the document view */
  attrs = base_attributes (self);
  /* Past the right-to-left mark that leads an Urdu line */
  shift = pl_ui_words_lead_length (GTK_LABEL (words));
  sentence_start += shift;
  sentence_end += shift;
  word_start += shift;
  word_end += shift;
  spoken = pl_spoken_attributes (gtk_label_get_text (GTK_LABEL (words)),
                                 sentence_start, sentence_end, word_start, word_end, theme_id);
  pango_attr_list_splice (attrs, spoken, 0, 0);
  gtk_label_set_attributes (GTK_LABEL (words), attrs);
  gtk_widget_add_css_class (gtk_widget_get_parent (words), "pl-spoken-line");
  keep_in_sight (self, gtk_widget_get_parent (words));
}

guint
pl_easy_read_view_get_place (PlEasyReadView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  g_return_val_if_fail (PL_IS_EASY_READ_VIEW (self), 0);

  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    {
      guint index;

      if (g_ptr_array_find (self->rows, w, &index))
        return index;
    }
  return 0;
}
