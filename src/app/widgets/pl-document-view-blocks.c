/* pl-document-view-blocks.c: the widgets that show each block
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each block kind becomes ordinary GTK widgets with its accessible role.
 * A text longer than a paragraph's size (a part of megabytes with no blank
 * line in it) becomes a PlLongText of paragraph-sized labels, cut where the
 * person's lines or sentences end (pl-text-chunk.h): one GtkLabel of it
 * would take minutes to lay out. Only the pieces near the view are laid
 * out (pl-long-text.c), so the page opens at once whatever the length.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <adwaita.h>
#include "pl-i18n.h"

#include "pl-document-view-private.h"
#include "pl-ui-words.h"
#include "pl-long-text.h"

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
}

/* Long texts (pl-long-text.c) */

/* A long text's pieces for a text longer than one label should hold, else
 * one label */
static GtkWidget *
value_new (const char *text,
           const char *css_class)
{
  GtkWidget *long_text = pl_long_text_new (text, css_class, text_label_new);

  return long_text != NULL ? long_text : text_label_new (text, css_class);
}

/* The long text in a block's widgets, or NULL */
static GtkWidget *
find_long_text (GtkWidget *widget)
{
  if (PL_IS_LONG_TEXT (widget))
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

PlLongText *
pl_document_view_block_long_text (GtkWidget *block_widget)
{
  return block_widget != NULL ? g_object_get_data (G_OBJECT (block_widget), "pl-long-text-box")
                              : NULL;
}

guint
pl_document_view_label_start (GtkWidget *label)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "pl-chunk-start"));
}

guint
pl_document_view_label_shift (GtkWidget *label)
{
  return pl_ui_words_lead_length (GTK_LABEL (label));
}

/* Each text of an Urdu block from the right, "NHS نمبر" too */
static void
lead_right_to_left (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      pl_ui_words_lead_right_to_left (GTK_LABEL (widget));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    lead_right_to_left (child);
}

/* The label showing exactly the block's own text: its value, not its name */
static GtkWidget *
text_label_of (GtkWidget  *widget,
               const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (pl_ui_words_label_words (GTK_LABEL (widget)), text) == 0)
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
  PlLongText *long_text = pl_document_view_block_long_text (widget);
  guint piece;

  *out_start = 0;
  if (long_text == NULL)
    return text_label_of (widget, block_text);

  /* Laid out now if it was not, so it can be lit and kept in sight */
  piece = pl_long_text_piece_at (long_text, character);
  pl_long_text_show_piece (long_text, piece);
  *out_start = pl_long_text_piece_start (long_text, piece);
  return pl_long_text_get_label (long_text, piece);
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

  /* A link, not a button, to a screen reader: it goes somewhere. It
   * fills the line: given only the width its words measure, GTK 4.8
   * wraps them under the person's letter spacing (Pango counts one more
   * space when it breaks lines than when it measures) into a second line
   * drawn over the next link; and a wide link is easier to hit. */
  button = g_object_new (GTK_TYPE_BUTTON,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_LINK,
                         "label", block->text,
                         "halign", GTK_ALIGN_FILL,
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
          GtkWidget *first = PL_IS_LONG_TEXT (value)
                             ? pl_long_text_get_label (PL_LONG_TEXT (value), 0) : value;
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

  /* Urdu from the right, whatever the window's language; English from
   * the left in an Urdu window */
  pl_ui_words_set_direction (widget, pl_block_get_language (block, self->document));
  if (pl_ui_words_language_is_rtl (pl_block_get_language (block, self->document)))
    lead_right_to_left (widget);

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
