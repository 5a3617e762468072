/* pl-guidance-list.c: every point from the guidance for a plan, at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Friendly and never blocking: plans are the person's, and there can be
 * good reasons to do things differently. Each point names the NICE
 * recommendation it comes from (pl-guidance.c). Below them, how easy each
 * part of the plan is to read, from the words staff wrote there.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-guidance-list-private.h"
#include "pl-widget-util.h"

struct _PlGuidanceList
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkLabel   *summary;
  GtkListBox *list;
  GPtrArray  *items;    /* PlGuidanceItem */
  GPtrArray  *buttons;  /* GtkWidget, borrowed: one "Go to" a point */
  GtkListBox *reading_list;
  GPtrArray  *readings; /* PlGuidanceReading */
};

G_DEFINE_FINAL_TYPE (PlGuidanceList, pl_guidance_list, GTK_TYPE_WIDGET)

enum {
  SIGNAL_GO_TO,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
go_to_clicked_cb (GtkButton      *button,
                  PlGuidanceList *self)
{
  const char *anchor = g_object_get_data (G_OBJECT (button), "pl-anchor");

  if (anchor != NULL)
    g_signal_emit (self, signals[SIGNAL_GO_TO], 0, anchor);
}

static GtkWidget *
row_new (PlGuidanceList       *self,
         const PlGuidanceItem *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title;
  GtkWidget *message;
  GtkWidget *button;
  g_autofree char *heading = NULL;
  g_autofree char *button_name = NULL;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  /* The reference in words beside the title, never by colour or icon alone */
  heading = g_strdup_printf (_("%s (%s)"), _(item->rule->title), item->rule->reference);
  title = gtk_label_new (heading);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  message = gtk_label_new (item->message);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_box_append (GTK_BOX (box), message);

  button = pl_widget_button_new_with_mnemonic (_("_Go to this part"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  button_name = g_strdup_printf (_("Go to: %s"), _(item->rule->title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_name,
                                  -1);
  gtk_widget_set_sensitive (button, item->anchor != NULL);
  g_object_set_data_full (G_OBJECT (button), "pl-anchor", g_strdup (item->anchor), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (go_to_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), button);
  g_ptr_array_add (self->buttons, button);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  -1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

void
pl_guidance_list_set_items (PlGuidanceList *self,
                            GPtrArray      *items)
{
  GtkWidget *child;
  g_autofree char *summary = NULL;
  guint n;

  g_return_if_fail (PL_IS_GUIDANCE_LIST (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->buttons, 0);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  if (items != NULL)
    self->items = g_ptr_array_ref (items);

  n = self->items != NULL ? self->items->len : 0;
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->list, row_new (self, g_ptr_array_index (self->items, i)));

  if (n == 0)
    summary = g_strdup (_("All clear: this plan follows every point of the guidance Plainly "
                          "checks."));
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u point worth a look. It does not stop you "
                                            "saving the plan.",
                                            "%u points worth a look. None of them stop you "
                                            "saving the plan.",
                                            n), n);
  gtk_label_set_text (self->summary, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
}

/* "What is most important to me: Easy to read (88). 78 words in 6
 * sentences." */
static char *
reading_text (const PlGuidanceReading *reading)
{
  g_autofree char *ease = pl_plain_words_describe_ease (&reading->figures);
  g_autofree char *words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word",
                                                         "%u words", reading->figures.n_words),
                                            reading->figures.n_words);
  g_autofree char *sentences = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sentence",
                                                             "%u sentences",
                                                             reading->figures.n_sentences),
                                                reading->figures.n_sentences);

  /* Translators: the part's title, how easy it is ("Easy to read (88)"),
   * "78 words" and "6 sentences" */
  return g_strdup_printf (_("%s: %s. %s in %s."), reading->title, ease, words, sentences);
}

static void
set_readings (PlGuidanceList *self,
              GPtrArray      *readings)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->reading_list))) != NULL)
    gtk_list_box_remove (self->reading_list, child);
  g_clear_pointer (&self->readings, g_ptr_array_unref);
  self->readings = g_ptr_array_ref (readings);

  for (guint i = 0; i < readings->len; i++)
    {
      g_autofree char *text = reading_text (g_ptr_array_index (readings, i));
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (text);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      gtk_list_box_append (self->reading_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reading_list), readings->len > 0);
}

guint
pl_guidance_list_get_n_readings (PlGuidanceList *self)
{
  g_return_val_if_fail (PL_IS_GUIDANCE_LIST (self), 0);
  return self->readings != NULL ? self->readings->len : 0;
}

char *
pl_guidance_list_get_reading_text (PlGuidanceList *self,
                                   guint           index)
{
  g_return_val_if_fail (PL_IS_GUIDANCE_LIST (self), NULL);

  if (self->readings == NULL || index >= self->readings->len)
    return NULL;
  return reading_text (g_ptr_array_index (self->readings, index));
}

gboolean
pl_guidance_list_set_plan (PlGuidanceList  *self,
                           PlStore         *store,
                           gint64           plan_id,
                           GError         **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(PlPlanContent) content = NULL;
  g_autoptr(GPtrArray) readings = NULL;

  g_return_val_if_fail (PL_IS_GUIDANCE_LIST (self), FALSE);
  g_return_val_if_fail (store != NULL, FALSE);

  items = pl_guidance_check (store, plan_id, error);
  if (items == NULL)
    return FALSE;
  content = pl_plan_content_load (store, plan_id, error);
  if (content == NULL)
    return FALSE;
  readings = pl_guidance_reading (content);
  pl_guidance_list_set_items (self, items);
  set_readings (self, readings);
  return TRUE;
}

void
pl_guidance_list_set_content (PlGuidanceList      *self,
                              const PlPlanContent *content,
                              GPtrArray           *contacts,
                              GPtrArray           *comm_needs)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) readings = NULL;

  g_return_if_fail (PL_IS_GUIDANCE_LIST (self));
  g_return_if_fail (content != NULL);

  items = pl_guidance_check_content (content, contacts, comm_needs);
  readings = pl_guidance_reading (content);
  pl_guidance_list_set_items (self, items);
  set_readings (self, readings);
}

guint
pl_guidance_list_get_n_items (PlGuidanceList *self)
{
  g_return_val_if_fail (PL_IS_GUIDANCE_LIST (self), 0);
  return self->items != NULL ? self->items->len : 0;
}

const char *
pl_guidance_list_get_rule_id (PlGuidanceList *self,
                              guint           index)
{
  g_return_val_if_fail (PL_IS_GUIDANCE_LIST (self), NULL);

  if (self->items == NULL || index >= self->items->len)
    return NULL;
  return ((PlGuidanceItem *) g_ptr_array_index (self->items, index))->rule->id;
}

const char *
pl_guidance_list_get_summary (PlGuidanceList *self)
{
  g_return_val_if_fail (PL_IS_GUIDANCE_LIST (self), NULL);
  return gtk_label_get_text (self->summary);
}

GtkWidget *
pl_guidance_list_get_go_to_button (PlGuidanceList *self,
                                   guint           index)
{
  g_return_val_if_fail (PL_IS_GUIDANCE_LIST (self), NULL);

  if (index >= self->buttons->len)
    return NULL;
  return g_ptr_array_index (self->buttons, index);
}

GtkWidget *
pl_guidance_list_new (void)
{
  return g_object_new (PL_TYPE_GUIDANCE_LIST, NULL);
}

static void
pl_guidance_list_dispose (GObject *object)
{
  PlGuidanceList *self = PL_GUIDANCE_LIST (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);
  g_clear_pointer (&self->readings, g_ptr_array_unref);

  G_OBJECT_CLASS (pl_guidance_list_parent_class)->dispose (object);
}

static void
pl_guidance_list_class_init (PlGuidanceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_guidance_list_dispose;

  /* The anchor of the point's place in the plan's document */
  signals[SIGNAL_GO_TO] =
    g_signal_new ("go-to", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pl-guidance-list");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pl_guidance_list_init (PlGuidanceList *self)
{
  GtkWidget *heading;

  self->buttons = g_ptr_array_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  heading = g_object_new (GTK_TYPE_LABEL,
                          "label", _("Points from the guidance"),
                          "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                          "xalign", 0.0f,
                          NULL);
  gtk_widget_add_css_class (heading, "title-3");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (self->box), heading);

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_xalign (self->summary, 0);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->summary));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Points from the guidance"),
                                  -1);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->list));

  /* How easy each part is to read: Flesch's figure, in words too */
  heading = g_object_new (GTK_TYPE_LABEL,
                          "label", _("How easy each part is to read"),
                          "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                          "xalign", 0.0f,
                          "wrap", TRUE,
                          "margin-top", 12,
                          NULL);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
  gtk_box_append (GTK_BOX (self->box), heading);
  {
    GtkWidget *about = gtk_label_new (_("A reading ease of 60 or more is plain English; 80 or "
                                        "more is easy to read. Short sentences and short words "
                                        "raise it."));

    gtk_label_set_wrap (GTK_LABEL (about), TRUE);
    gtk_label_set_xalign (GTK_LABEL (about), 0);
    gtk_box_append (GTK_BOX (self->box), about);
  }
  self->reading_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->reading_list), "reading-list");
  gtk_list_box_set_selection_mode (self->reading_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->reading_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reading_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("How easy each part is to read"),
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self->reading_list), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->reading_list));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Points from the guidance"),
                                  -1);
  pl_guidance_list_set_items (self, NULL);
}
