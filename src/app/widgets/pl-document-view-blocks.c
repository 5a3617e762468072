/* pl-document-view-blocks.c: the widgets that show each block
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each block kind becomes ordinary GTK widgets with its accessible role.
 * A text longer than a paragraph's size (a part of megabytes with no blank
 * line in it) becomes a box of paragraph-sized labels, cut where the
 * person's lines or sentences end (pl-text-chunk.h): one GtkLabel of it
 * would take minutes to lay out. Its first labels are shown with the block
 * and the rest a few each frame (pl-document-view.c calls
 * pl_document_view_block_reveal), so the page opens at once; until then a
 * filler below them stands for the rest at about its height, so the scroll
 * bar and what follows hardly move.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pl-document-view-private.h"
#include "pl-text-chunk.h"

/* The text of a long block shown with it, a few screens' worth; the rest
 * comes after the first frame */
#define LONG_TEXT_FIRST_BYTES (PL_TEXT_CHUNK_BYTES * 3)

typedef struct
{
  char      *text;
  char      *css_class;
  GArray    *chunks;       /* of PlTextChunk */
  guint     *chunk_start;  /* each piece's start in characters; the text's length last */
  guint      n_shown;      /* pieces with a label, from the first */
  GtkWidget *filler;       /* stands for the pieces not shown yet */
} LongText;

static GtkWidget *
text_label_new (const char *text,
                const char *css_class)
{
  GtkWidget *label;

  /* Left-aligned, never justified; WORD_CHAR so a long e-mail address
   * still wraps at 400% instead of pushing the page sideways (WCAG 1.4.10). */
  label = g_object_new (GTK_TYPE_LABEL,
                        /* Text, not a "label" of something: Orca says the
                         * role word after every label it reads */
                        "accessible-role", GTK_ACCESSIBLE_ROLE_GENERIC,
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
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  return label;
}

/* Long texts */

static LongText *
long_text_of (GtkWidget *box)
{
  return box != NULL ? g_object_get_data (G_OBJECT (box), "pl-long-text") : NULL;
}

static void
long_text_free (gpointer data)
{
  LongText *long_text = data;

  g_free (long_text->text);
  g_free (long_text->css_class);
  g_clear_pointer (&long_text->chunks, g_array_unref);
  g_free (long_text->chunk_start);
  g_free (long_text);
}

static gboolean
long_text_done (LongText *long_text)
{
  return long_text->n_shown >= long_text->chunks->len;
}

/* Height of text a character takes on screen, from the labels already laid
 * out; before any are, from the font at line-height 1.5 and about 70
 * characters a line (style.css, LINE_LENGTH_CHARS) */
static double
pixels_a_char (GtkWidget *box,
               LongText  *long_text)
{
  int shown = gtk_widget_get_height (box) - gtk_widget_get_height (long_text->filler);
  guint chars_shown = long_text->chunk_start[long_text->n_shown];
  PangoFontDescription *font;
  double size;

  if (gtk_widget_get_height (box) > 0 && shown > 0 && chars_shown > 0)
    return (double) shown / chars_shown;

  font = pango_context_get_font_description (gtk_widget_get_pango_context (box));
  size = font != NULL ? pango_font_description_get_size (font) / (double) PANGO_SCALE : 12.0;
  if (font != NULL && !pango_font_description_get_size_is_absolute (font))
    size *= 96.0 / 72.0;
  return MAX (size, 1.0) * 1.5 / 70.0;
}

static void
long_text_update_filler (GtkWidget *box,
                         LongText  *long_text)
{
  guint n = long_text->chunks->len;
  double left = (double) (long_text->chunk_start[n] - long_text->chunk_start[long_text->n_shown]);

  if (long_text_done (long_text))
    {
      gtk_widget_set_visible (long_text->filler, FALSE);
      return;
    }
  gtk_widget_set_size_request (long_text->filler, -1,
                               (int) MIN (left * pixels_a_char (box, long_text), G_MAXINT / 2));
}

/* Say All goes on from "from" to "to" (see pl_document_view_link_text) */
static void
flow_to (GtkWidget *from,
         GtkWidget *to)
{
  if (to != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (from),
                                    GTK_ACCESSIBLE_RELATION_FLOW_TO, to, NULL,
                                    -1);
  else
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (from), GTK_ACCESSIBLE_RELATION_FLOW_TO);
  g_object_set_data (G_OBJECT (from), "pl-flow-to", to);
}

/* Makes and shows the label of the next piece; returns its length in bytes */
static gsize
long_text_show_next (GtkWidget *box,
                     LongText  *long_text)
{
  const PlTextChunk *chunk = &g_array_index (long_text->chunks, PlTextChunk, long_text->n_shown);
  g_autofree char *piece = g_strndup (long_text->text + chunk->start, chunk->end - chunk->start);
  GtkWidget *label = text_label_new (g_strchomp (piece), long_text->css_class);
  GtkWidget *before = gtk_widget_get_prev_sibling (long_text->filler);

  g_object_set_data (G_OBJECT (label), "pl-chunk-start",
                     GUINT_TO_POINTER (long_text->chunk_start[long_text->n_shown]));
  gtk_box_insert_child_after (GTK_BOX (box), label, before);
  /* Into the chain Say All follows, between the piece before and what
   * came after it */
  if (before != NULL)
    {
      flow_to (label, g_object_get_data (G_OBJECT (before), "pl-flow-to"));
      flow_to (before, label);
    }
  long_text->n_shown++;
  return chunk->end - chunk->start;
}

/* A box of paragraph-sized labels for a text longer than one should hold,
 * else one label. The labels are made as they are shown: making thousands
 * at once would hold up the page. */
static GtkWidget *
value_new (const char *text,
           const char *css_class)
{
  g_autoptr(GArray) chunks = pl_text_chunks (text, PL_TEXT_CHUNK_BYTES);
  LongText *long_text;
  GtkWidget *box;
  gsize shown_bytes = 0;

  if (chunks->len <= 1)
    return text_label_new (text, css_class);

  box = g_object_new (GTK_TYPE_BOX,
                      "accessible-role", GTK_ACCESSIBLE_ROLE_GENERIC,
                      "orientation", GTK_ORIENTATION_VERTICAL,
                      NULL);
  gtk_widget_add_css_class (box, "pl-long-text");
  long_text = g_new0 (LongText, 1);
  long_text->text = g_strdup (text);
  long_text->css_class = g_strdup (css_class);
  long_text->chunks = g_steal_pointer (&chunks);
  /* Where each piece starts in characters, and the text's length last */
  long_text->chunk_start = g_new (guint, long_text->chunks->len + 1);
  long_text->chunk_start[0] = 0;
  for (guint c = 0; c < long_text->chunks->len; c++)
    {
      const PlTextChunk *chunk = &g_array_index (long_text->chunks, PlTextChunk, c);

      long_text->chunk_start[c + 1] =
        long_text->chunk_start[c] + (guint) g_utf8_strlen (text + chunk->start,
                                                           (gssize) (chunk->end - chunk->start));
    }
  g_object_set_data_full (G_OBJECT (box), "pl-long-text", long_text, long_text_free);

  /* Stands for the labels not shown yet; nothing to a screen reader */
  long_text->filler = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (long_text->filler, "pl-long-text-filler");
  gtk_accessible_update_state (GTK_ACCESSIBLE (long_text->filler),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), long_text->filler);

  while (!long_text_done (long_text) && shown_bytes < LONG_TEXT_FIRST_BYTES)
    shown_bytes += long_text_show_next (box, long_text);
  long_text_update_filler (box, long_text);
  return box;
}

/* The box of labels of a long text in a block's widgets, or NULL */
static GtkWidget *
find_long_text (GtkWidget *widget)
{
  if (long_text_of (widget) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_long_text (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
long_text_box (GtkWidget *block_widget)
{
  return g_object_get_data (G_OBJECT (block_widget), "pl-long-text-box");
}

gboolean
pl_document_view_block_pending (GtkWidget *widget)
{
  LongText *long_text = long_text_of (long_text_box (widget));

  return long_text != NULL && !long_text_done (long_text);
}

gboolean
pl_document_view_block_reveal (GtkWidget *widget,
                               gsize     *budget)
{
  GtkWidget *box = long_text_box (widget);
  LongText *long_text = long_text_of (box);

  if (long_text == NULL)
    return TRUE;

  while (!long_text_done (long_text) && *budget > 0)
    {
      /* Not inside MIN (), which would show two pieces, the second perhaps
       * past the last */
      gsize shown = long_text_show_next (box, long_text);

      *budget -= MIN (*budget, shown);
    }
  long_text_update_filler (box, long_text);
  return long_text_done (long_text);
}

guint
pl_document_view_label_start (GtkWidget *label)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "pl-chunk-start"));
}

/* The label showing exactly the block's own text: its value, not its name */
static GtkWidget *
text_label_of (GtkWidget  *widget,
               const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = text_label_of (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
pl_document_view_block_label_at (GtkWidget  *widget,
                                 const char *block_text,
                                 guint       character,
                                 guint      *out_start)
{
  GtkWidget *box = long_text_box (widget);
  LongText *long_text = long_text_of (box);
  GtkWidget *found = NULL;

  guint low = 0, high;

  *out_start = 0;
  if (long_text == NULL)
    return text_label_of (widget, block_text);

  /* The piece holding character: the last that starts at or before it */
  high = long_text->chunks->len;
  while (high - low > 1)
    {
      guint middle = (low + high) / 2;

      if (long_text->chunk_start[middle] <= character)
        low = middle;
      else
        high = middle;
    }

  /* Read aloud before it came: it and the labels before it are shown now */
  if (low >= long_text->n_shown)
    {
      while (long_text->n_shown <= low)
        long_text_show_next (box, long_text);
      long_text_update_filler (box, long_text);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (box);
       child != NULL && child != long_text->filler;
       child = gtk_widget_get_next_sibling (child))
    {
      if (found != NULL && pl_document_view_label_start (child) > character)
        break;
      found = child;
    }
  if (found != NULL)
    *out_start = pl_document_view_label_start (found);
  return found;
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

  if (target != NULL && !pl_document_view_follow_anchor (self, target))
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
                  const char        *box_class)
{
  GtkWidget *box;
  GtkWidget *label = NULL;
  gboolean has_label = label_text != NULL && label_text[0] != '\0';
  gboolean has_text = text != NULL && text[0] != '\0';

  /* One thing to a screen reader, said once: "Plan: Version 1…", not a
   * named panel around a name and a value */
  box = g_object_new (GTK_TYPE_BOX,
                      "accessible-role", GTK_ACCESSIBLE_ROLE_GENERIC,
                      "orientation", GTK_ORIENTATION_VERTICAL,
                      NULL);
  gtk_widget_add_css_class (box, box_class);

  if (has_label)
    {
      label = text_label_new (label_text, label_class);
      gtk_box_append (GTK_BOX (box), label);
    }

  if (has_text)
    {
      GtkWidget *value = value_new (text, "pl-value");

      gtk_box_append (GTK_BOX (box), value);
      if (label != NULL)
        {
          /* A long value says its name with its first label */
          GtkWidget *first = long_text_of (value) != NULL ? gtk_widget_get_first_child (value)
                                                          : value;
          g_autofree char *whole =
            g_strdup_printf (_("%s: %s"), label_text, gtk_label_get_text (GTK_LABEL (first)));

          /* The value is the one stop, and says its name with it; Say
           * All, which reads text and not names, reads the name's own
           * label before it */
          gtk_label_set_selectable (GTK_LABEL (label), FALSE);
          g_object_set_data (G_OBJECT (label), "pl-field-name", GINT_TO_POINTER (TRUE));
          gtk_accessible_update_property (GTK_ACCESSIBLE (first),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, whole,
                                          -1);
        }
    }

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

  gtk_box_append (GTK_BOX (box), value_new (block->text, "pl-notice-text"));
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

  label = value_new (block->text, "pl-list-text");
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
      return value_new (block->text, "pl-paragraph");

    case PL_BLOCK_LIST_ITEM:
      return list_item_new (block);

    case PL_BLOCK_FIELD:
      return labelled_box_new (block->label, "pl-field-label", block->text, "pl-field");

    case PL_BLOCK_CONTACT:
      return labelled_box_new (block->label, "pl-contact-role", block->text, "pl-contact");

    case PL_BLOCK_QUESTION:
      return labelled_box_new (block->label, "pl-question-text", block->text, "pl-question");

    case PL_BLOCK_LINK:
      return link_new (self, block);

    case PL_BLOCK_NOTICE:
      return notice_new (block);

    default:
      return value_new (block->text, "pl-paragraph");
    }
}

GtkWidget *
pl_document_view_block_new (PlDocumentView *self,
                            const PlBlock  *block)
{
  GtkWidget *widget = block_widget_new (self, block);
  GtkWidget *long_text = block->kind == PL_BLOCK_HEADING || block->kind == PL_BLOCK_LINK
                         ? NULL : find_long_text (widget);

  if (long_text != NULL)
    g_object_set_data (G_OBJECT (widget), "pl-long-text-box", long_text);
  return widget;
}

/* Text Say All reads: what takes the focus (headings, paragraphs, values,
 * pieces of long texts), a field's name before its value, and a link's
 * words; a bullet is decoration. */
static gboolean
is_read_text (GtkWidget *widget)
{
  return GTK_IS_LABEL (widget) &&
         (gtk_label_get_selectable (GTK_LABEL (widget)) ||
          g_object_get_data (G_OBJECT (widget), "pl-field-name") != NULL ||
          GTK_IS_BUTTON (gtk_widget_get_parent (widget)));
}

static void
collect_text (GtkWidget *widget,
              GPtrArray *texts)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (is_read_text (widget))
    {
      g_ptr_array_add (texts, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, texts);
}

void
pl_document_view_link_text (PlDocumentView *self)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  collect_text (GTK_WIDGET (self->column), texts);
  for (guint i = 0; i < texts->len; i++)
    flow_to (texts->pdata[i], i + 1 < texts->len ? texts->pdata[i + 1] : NULL);
}
