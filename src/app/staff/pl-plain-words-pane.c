/* pl-plain-words-pane.c: plain words, beside what staff write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Advice only, as the guidance checklist is: nothing here stops a save or
 * changes a word. The hints come from pl-plain-words.c for the text box
 * that last had the focus, a moment after typing stops, so the list does
 * not jump under every key. Each hint is a row a screen reader reads whole,
 * with a button to hear it in the window's voice and one to select its
 * words in the text.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pl-document.h"
#include "pl-plain-words-pane-private.h"
#include "pl-staff-window.h"

/* Long enough to be a pause in typing, short enough to feel live */
#define SETTLE_MS 600
/* A very long text has hundreds: the first ones are enough to act on */
#define MAX_SHOWN 40

struct _PlPlainWordsPane
{
  GtkWidget         parent_instance;

  /* template */
  GtkWidget        *box;
  GtkLabel         *field_label;
  GtkLabel         *summary;
  GtkCheckButton   *easy_read_check;
  GtkListBox       *list;
  GtkLabel         *more_label;

  GtkWidget        *scope;        /* weak */
  GtkWidget        *watched;      /* weak: a GtkTextView or GtkEditable */
  GObject          *source;       /* weak: its buffer, or itself */
  gulong            changed_handler;
  gulong            destroy_handler;
  GtkWindow        *window;       /* weak: whose focus is followed */
  gulong            focus_handler;
  guint             settle_source;
  PlPlainAudience   audience;
  GPtrArray        *hints;        /* PlPlainHint, those shown */
  GPtrArray        *rows;         /* GtkWidget, borrowed */
  PlVoice          *voice;
  PlDocument       *spoken;
};

G_DEFINE_FINAL_TYPE (PlPlainWordsPane, pl_plain_words_pane, GTK_TYPE_WIDGET)

static char *
watched_text (PlPlainWordsPane *self)
{
  if (GTK_IS_TEXT_VIEW (self->watched))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->watched));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  if (GTK_IS_EDITABLE (self->watched))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->watched)));
  return NULL;
}

/* What the text box is called, as its label or screen reader names it */
static char *
watched_name (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (ADW_IS_PREFERENCES_ROW (w))
        return g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)));
      {
        GList *labels = gtk_widget_list_mnemonic_labels (w);
        char *name = NULL;

        if (labels != NULL)
          name = g_strdup (gtk_label_get_text (GTK_LABEL (labels->data)));
        g_list_free (labels);
        if (name != NULL)
          return name;
      }
    }
  return NULL;
}

static void
read_clicked_cb (GtkButton        *button,
                 PlPlainWordsPane *self);
static void
show_clicked_cb (GtkButton        *button,
                 PlPlainWordsPane *self);

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
row_new (PlPlainWordsPane  *self,
         const PlPlainHint *hint,
         guint              index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *button;
  g_autofree char *quoted = g_strdup_printf (_("“%s”"), hint->words);
  g_autofree char *whole = NULL;
  g_autofree char *read_name = NULL;
  g_autofree char *show_name = NULL;
  const char *title = pl_plain_hint_kind_title (hint->kind);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);

  gtk_box_append (GTK_BOX (box), label_new (title, "heading"));
  /* A sentence can be long: the first words are enough to find it */
  {
    GtkWidget *words = label_new (quoted, "dim-label");

    gtk_label_set_ellipsize (GTK_LABEL (words), PANGO_ELLIPSIZE_END);
    gtk_label_set_wrap (GTK_LABEL (words), FALSE);
    gtk_box_append (GTK_BOX (box), words);
  }
  gtk_box_append (GTK_BOX (box), label_new (hint->why, NULL));

  /* The words in full and what is wrong, for a screen reader */
  whole = g_strdup_printf ("%s: %s %s", title, quoted, hint->why);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, whole, -1);

  /* No mnemonics: every row has the same two buttons */
  button = gtk_button_new_with_label (_("Read aloud"));
  gtk_widget_set_size_request (button, -1, 44);
  read_name = g_strdup_printf (_("Read aloud: %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  read_name, -1);
  gtk_widget_set_name (button, "read-hint");
  g_object_set_data (G_OBJECT (button), "pl-hint-index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (read_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), button);

  button = gtk_button_new_with_label (_("Show in the text"));
  gtk_widget_set_size_request (button, -1, 44);
  show_name = g_strdup_printf (_("Show in the text: %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  show_name, -1);
  gtk_widget_set_name (button, "show-hint");
  g_object_set_data (G_OBJECT (button), "pl-hint-index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (show_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), button);

  gtk_box_append (GTK_BOX (box), buttons);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
clear_list (PlPlainWordsPane *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->hints, 0);
}

void
pl_plain_words_pane_update_now (PlPlainWordsPane *self)
{
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *ease = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) hints = NULL;
  PlPlainFigures figures;
  guint shown;

  g_return_if_fail (PL_IS_PLAIN_WORDS_PANE (self));

  g_clear_handle_id (&self->settle_source, g_source_remove);
  clear_list (self);

  text = watched_text (self);
  if (text == NULL)
    {
      gtk_label_set_text (self->field_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->field_label), FALSE);
      gtk_label_set_text (self->summary, _("Click in a box where you write, and what would make "
                                           "its words plainer shows here."));
      gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->more_label), FALSE);
      return;
    }

  name = watched_name (self->watched);
  if (name != NULL)
    {
      g_autofree char *about = NULL;
      g_autofree char *plain = NULL;

      /* A mnemonic's underscore is not part of the name */
      plain = g_strdup (name);
      g_strdelimit (plain, "_", ' ');
      about = g_strdup_printf (_("About: %s"), g_strstrip (plain));
      gtk_label_set_text (self->field_label, about);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->field_label), name != NULL);

  hints = pl_plain_words_check (text, self->audience, &figures);
  ease = pl_plain_words_describe_ease (&figures);
  if (figures.n_words == 0)
    summary = g_strdup (ease);
  else if (hints->len == 0)
    /* Translators: the reading ease in words, as "Easy to read (82)" */
    summary = g_strdup_printf (_("%s. Nothing to point out."), ease);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%s. %u thing worth a look; it does not stop you "
                                            "saving.",
                                            "%s. %u things worth a look; none of them stop "
                                            "you saving.", hints->len),
                               ease, hints->len);
  gtk_label_set_text (self->summary, summary);

  shown = MIN (hints->len, MAX_SHOWN);
  for (guint i = 0; i < shown; i++)
    {
      PlPlainHint *hint = g_ptr_array_index (hints, i);
      GtkWidget *row;

      g_ptr_array_add (self->hints, hint);
      g_ptr_array_index (hints, i) = NULL;
      row = row_new (self, hint, i);
      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (self->list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), shown > 0);

  if (hints->len > shown)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %u more further on.",
                                                            "And %u more further on.",
                                                            hints->len - shown),
                                               hints->len - shown);

      gtk_label_set_text (self->more_label, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), hints->len > shown);
}

static gboolean
settled_cb (gpointer data)
{
  PlPlainWordsPane *self = data;

  self->settle_source = 0;
  pl_plain_words_pane_update_now (self);
  return G_SOURCE_REMOVE;
}

static void
text_changed_cb (PlPlainWordsPane *self)
{
  g_clear_handle_id (&self->settle_source, g_source_remove);
  self->settle_source = g_timeout_add (SETTLE_MS, settled_cb, self);
}

static void
stop_watching (PlPlainWordsPane *self)
{
  if (self->source != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->source);
      g_object_remove_weak_pointer (self->source, (gpointer *) &self->source);
      self->source = NULL;
    }
  if (self->watched != NULL)
    {
      g_clear_signal_handler (&self->destroy_handler, self->watched);
      g_object_remove_weak_pointer (G_OBJECT (self->watched), (gpointer *) &self->watched);
      self->watched = NULL;
    }
}

/* Its form was built again: nothing is shown of what has gone */
static void
watched_destroyed_cb (PlPlainWordsPane *self)
{
  pl_plain_words_pane_watch (self, NULL);
}

void
pl_plain_words_pane_watch (PlPlainWordsPane *self,
                           GtkWidget        *text)
{
  g_return_if_fail (PL_IS_PLAIN_WORDS_PANE (self));
  g_return_if_fail (text == NULL || GTK_IS_TEXT_VIEW (text) || GTK_IS_EDITABLE (text));

  if (text == self->watched)
    return;
  stop_watching (self);

  if (text != NULL)
    {
      self->watched = text;
      g_object_add_weak_pointer (G_OBJECT (text), (gpointer *) &self->watched);
      self->source = GTK_IS_TEXT_VIEW (text)
                     ? G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)))
                     : G_OBJECT (text);
      g_object_add_weak_pointer (self->source, (gpointer *) &self->source);
      self->changed_handler = g_signal_connect_swapped (self->source, "changed",
                                                        G_CALLBACK (text_changed_cb), self);
      self->destroy_handler = g_signal_connect_swapped (text, "destroy",
                                                        G_CALLBACK (watched_destroyed_cb), self);
    }
  pl_plain_words_pane_update_now (self);
}

/* The entry's own text box is what has the focus: GtkText in a GtkEntry
 * or an AdwEntryRow */
static GtkWidget *
text_box_for (GtkWidget *focus)
{
  if (GTK_IS_TEXT_VIEW (focus))
    return focus;
  if (GTK_IS_TEXT (focus) && !GTK_IS_SPIN_BUTTON (gtk_widget_get_parent (focus)) &&
      gtk_text_get_visibility (GTK_TEXT (focus)))
    return focus;
  return NULL;
}

static void
focus_changed_cb (GtkWindow        *window,
                  GParamSpec       *pspec,
                  PlPlainWordsPane *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *text = focus != NULL ? text_box_for (focus) : NULL;

  /* Moving to the pane's own buttons keeps what it shows */
  if (text == NULL || self->scope == NULL || !gtk_widget_is_ancestor (text, self->scope))
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  pl_plain_words_pane_watch (self, text);
}

void
pl_plain_words_pane_follow (PlPlainWordsPane *self,
                            GtkWidget        *scope)
{
  g_return_if_fail (PL_IS_PLAIN_WORDS_PANE (self));
  g_return_if_fail (scope == NULL || GTK_IS_WIDGET (scope));

  if (self->scope != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->scope), (gpointer *) &self->scope);
  self->scope = scope;
  if (scope != NULL)
    g_object_add_weak_pointer (G_OBJECT (scope), (gpointer *) &self->scope);
}

void
pl_plain_words_pane_set_audience (PlPlainWordsPane *self,
                                  PlPlainAudience   audience)
{
  g_return_if_fail (PL_IS_PLAIN_WORDS_PANE (self));

  gtk_check_button_set_active (self->easy_read_check, audience == PL_PLAIN_EASY_READ);
}

void
pl_plain_words_pane_set_reader (PlPlainWordsPane *self,
                                PlStore          *store,
                                gint64            person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlSettings) settings = NULL;

  g_return_if_fail (PL_IS_PLAIN_WORDS_PANE (self));
  g_return_if_fail (store != NULL);

  /* Unreadable settings leave the hints for everyone: the form shows the
   * error that matters */
  settings = person_id != 0 ? pl_store_get_settings (store, person_id, &error) : NULL;
  if (error != NULL)
    g_debug ("The plain words hints are for everyone: %s", error->message);
  pl_plain_words_pane_set_audience (self, settings != NULL && settings->easy_read
                                          ? PL_PLAIN_EASY_READ : PL_PLAIN_STANDARD);
}

static void
easy_read_toggled_cb (PlPlainWordsPane *self)
{
  self->audience = gtk_check_button_get_active (self->easy_read_check) ? PL_PLAIN_EASY_READ
                                                                         : PL_PLAIN_STANDARD;
  pl_plain_words_pane_update_now (self);
}

/* Reading aloud and showing ---------------------------------------------- */

void
pl_plain_words_pane_set_voice (PlPlainWordsPane *self,
                               PlVoice          *voice)
{
  g_return_if_fail (PL_IS_PLAIN_WORDS_PANE (self));
  g_return_if_fail (voice == NULL || PL_IS_VOICE (voice));

  g_set_object (&self->voice, voice);
}

static PlVoice *
voice_for (PlPlainWordsPane *self)
{
  GtkRoot *root;

  if (self->voice != NULL)
    return self->voice;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  return PL_IS_STAFF_WINDOW (root) ? pl_staff_window_get_voice (PL_STAFF_WINDOW (root)) : NULL;
}

PlVoice *
pl_plain_words_pane_get_voice (PlPlainWordsPane *self)
{
  g_return_val_if_fail (PL_IS_PLAIN_WORDS_PANE (self), NULL);

  return voice_for (self);
}

static const PlPlainHint *
hint_of (PlPlainWordsPane *self,
         GtkButton        *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "pl-hint-index"));

  return index < self->hints->len ? g_ptr_array_index (self->hints, index) : NULL;
}

static void
read_clicked_cb (GtkButton        *button,
                 PlPlainWordsPane *self)
{
  const PlPlainHint *hint = hint_of (self, button);
  PlVoice *voice = voice_for (self);
  g_autofree char *words = NULL;

  if (hint == NULL || voice == NULL)
    return;

  /* What it is, the words it is about, and why: as the row shows them */
  g_clear_object (&self->spoken);
  self->spoken = pl_document_new (_("Plain words"));
  pl_document_add (self->spoken, PL_BLOCK_PARAGRAPH, 0, NULL, NULL,
                   pl_plain_hint_kind_title (hint->kind));
  words = g_strdup_printf (_("“%s”"), hint->words);
  pl_document_add (self->spoken, PL_BLOCK_PARAGRAPH, 0, NULL, NULL, words);
  pl_document_add (self->spoken, PL_BLOCK_PARAGRAPH, 0, NULL, NULL, hint->why);
  pl_voice_read (voice, self->spoken, 0, 0, PL_SPEECH_TO_END);
}

static void
show_clicked_cb (GtkButton        *button,
                 PlPlainWordsPane *self)
{
  const PlPlainHint *hint = hint_of (self, button);

  if (hint == NULL || self->watched == NULL)
    return;

  /* The words are selected where they are, for staff to change */
  if (GTK_IS_TEXT_VIEW (self->watched))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->watched));
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) hint->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) hint->end);
      gtk_widget_grab_focus (self->watched);
      gtk_text_buffer_select_range (buffer, &start, &end);
      gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->watched), &start, 0.1, FALSE, 0, 0);
    }
  else
    {
      gtk_widget_grab_focus (self->watched);
      gtk_editable_select_region (GTK_EDITABLE (self->watched), (int) hint->start, (int) hint->end);
    }
}

/* Accessors for tests ----------------------------------------------------- */

GtkWidget *
pl_plain_words_pane_get_watched (PlPlainWordsPane *self)
{
  g_return_val_if_fail (PL_IS_PLAIN_WORDS_PANE (self), NULL);
  return self->watched;
}

GPtrArray *
pl_plain_words_pane_get_hints (PlPlainWordsPane *self)
{
  g_return_val_if_fail (PL_IS_PLAIN_WORDS_PANE (self), NULL);
  return self->hints;
}

const char *
pl_plain_words_pane_get_summary (PlPlainWordsPane *self)
{
  g_return_val_if_fail (PL_IS_PLAIN_WORDS_PANE (self), NULL);
  return gtk_label_get_text (self->summary);
}

GtkWidget *
pl_plain_words_pane_get_row (PlPlainWordsPane *self,
                             guint             index)
{
  g_return_val_if_fail (PL_IS_PLAIN_WORDS_PANE (self), NULL);
  return index < self->rows->len ? g_ptr_array_index (self->rows, index) : NULL;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
pl_plain_words_pane_get_read_button (PlPlainWordsPane *self,
                                     guint             index)
{
  GtkWidget *row = pl_plain_words_pane_get_row (self, index);

  return row != NULL ? find_named (row, "read-hint") : NULL;
}

GtkWidget *
pl_plain_words_pane_get_show_button (PlPlainWordsPane *self,
                                     guint             index)
{
  GtkWidget *row = pl_plain_words_pane_get_row (self, index);

  return row != NULL ? find_named (row, "show-hint") : NULL;
}

/* Life ------------------------------------------------------------------ */

static void
pl_plain_words_pane_root (GtkWidget *widget)
{
  PlPlainWordsPane *self = PL_PLAIN_WORDS_PANE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (pl_plain_words_pane_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->window = GTK_WINDOW (root);
      g_object_add_weak_pointer (G_OBJECT (root), (gpointer *) &self->window);
      self->focus_handler = g_signal_connect (root, "notify::focus-widget",
                                              G_CALLBACK (focus_changed_cb), self);
    }
}

static void
pl_plain_words_pane_unroot (GtkWidget *widget)
{
  PlPlainWordsPane *self = PL_PLAIN_WORDS_PANE (widget);

  if (self->window != NULL)
    {
      g_clear_signal_handler (&self->focus_handler, self->window);
      g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
      self->window = NULL;
    }

  GTK_WIDGET_CLASS (pl_plain_words_pane_parent_class)->unroot (widget);
}

GtkWidget *
pl_plain_words_pane_new (void)
{
  return g_object_new (PL_TYPE_PLAIN_WORDS_PANE, NULL);
}

static void
pl_plain_words_pane_dispose (GObject *object)
{
  PlPlainWordsPane *self = PL_PLAIN_WORDS_PANE (object);

  g_clear_handle_id (&self->settle_source, g_source_remove);
  stop_watching (self);
  pl_plain_words_pane_follow (self, NULL);
  if (self->voice != NULL && self->spoken != NULL &&
      pl_speech_get_document (pl_voice_get_reading (self->voice)) == self->spoken)
    pl_voice_stop (self->voice);
  g_clear_object (&self->voice);
  g_clear_object (&self->spoken);
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_PLAIN_WORDS_PANE);

  G_OBJECT_CLASS (pl_plain_words_pane_parent_class)->dispose (object);
}

static void
pl_plain_words_pane_finalize (GObject *object)
{
  PlPlainWordsPane *self = PL_PLAIN_WORDS_PANE (object);

  g_clear_pointer (&self->hints, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pl_plain_words_pane_parent_class)->finalize (object);
}

static void
pl_plain_words_pane_class_init (PlPlainWordsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_plain_words_pane_dispose;
  object_class->finalize = pl_plain_words_pane_finalize;
  widget_class->root = pl_plain_words_pane_root;
  widget_class->unroot = pl_plain_words_pane_unroot;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/plainly/Plainly/ui/pl-plain-words-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, PlPlainWordsPane, box);
  gtk_widget_class_bind_template_child (widget_class, PlPlainWordsPane, field_label);
  gtk_widget_class_bind_template_child (widget_class, PlPlainWordsPane, summary);
  gtk_widget_class_bind_template_child (widget_class, PlPlainWordsPane, easy_read_check);
  gtk_widget_class_bind_template_child (widget_class, PlPlainWordsPane, list);
  gtk_widget_class_bind_template_child (widget_class, PlPlainWordsPane, more_label);
  gtk_widget_class_bind_template_callback (widget_class, easy_read_toggled_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pl-plain-words-pane");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pl_plain_words_pane_init (PlPlainWordsPane *self)
{
  self->hints = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_plain_hint_free);
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  pl_plain_words_pane_update_now (self);
}
