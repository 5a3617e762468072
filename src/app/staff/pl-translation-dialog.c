/* pl-translation-dialog.c: staff keep a person's plan in another language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Side by side: each text as written on the left, the same in the chosen
 * language on the right, so whoever translates with the person sees both.
 * What is typed is held for each language until Save, so moving between
 * languages loses nothing, and closing with unsaved words asks first.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-plan-translation.h"
#include "pl-translation-dialog.h"
#include "pl-ui-words.h"

struct _PlTranslationDialog
{
  AdwWindow    parent_instance;

  GtkLabel    *heading;
  GtkLabel    *status;
  GtkListBox  *texts_list;
  GtkWidget   *save_button;
  AdwComboRow *language;

  PlStore     *store;
  gint64       person_id;
  char        *written_in;   /* the person's language, not offered */
  GPtrArray   *texts;        /* PlPlanText, in the plan's order */
  GPtrArray   *titles;       /* GtkLabel: each text's part and field */
  GPtrArray   *views;        /* GtkTextView: each text's translation */
  GPtrArray   *tags;         /* the languages offered, in the combo row's order */
  const char  *current;      /* of tags: the language shown */
  GHashTable  *kept;         /* current's saved translations: source → text */
  GHashTable  *pending;      /* tag → (source → text): typed, not yet saved */
  gboolean     filling;      /* the views are being given their text */
};

G_DEFINE_FINAL_TYPE (PlTranslationDialog, pl_translation_dialog, ADW_TYPE_WINDOW)

static GHashTable *
pending_for (PlTranslationDialog *self,
             const char          *tag)
{
  GHashTable *table = g_hash_table_lookup (self->pending, tag);

  if (table == NULL)
    {
      table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      g_hash_table_insert (self->pending, g_strdup (tag), table);
    }
  return table;
}

static gboolean
has_pending (PlTranslationDialog *self)
{
  GHashTableIter iter;
  gpointer table;

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, NULL, &table))
    if (g_hash_table_size (table) > 0)
      return TRUE;
  return FALSE;
}

/* What text index has in the language shown: typed, else kept, else "" */
static const char *
current_text (PlTranslationDialog *self,
              guint                index)
{
  const PlPlanText *text = g_ptr_array_index (self->texts, index);
  GHashTable *typed = self->current != NULL ? g_hash_table_lookup (self->pending, self->current)
                                            : NULL;
  const char *found = typed != NULL ? g_hash_table_lookup (typed, text->source) : NULL;

  if (found == NULL && self->kept != NULL)
    found = g_hash_table_lookup (self->kept, text->source);
  return found != NULL ? found : "";
}

static void
update_status (PlTranslationDialog *self)
{
  g_autofree char *words = NULL;
  guint done = 0;

  if (self->texts == NULL || self->texts->len == 0)
    {
      gtk_label_set_text (self->status,
                          _("There is no plan to put into another language yet. "
                            "Write the plan first."));
      gtk_widget_set_sensitive (self->save_button, FALSE);
      return;
    }

  for (guint i = 0; i < self->texts->len; i++)
    if (!pl_text_is_blank (current_text (self, i)))
      done++;
  words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: "12 of 1 text is in Cymraeg." */
                                        "%u of %u text is in %s.",
                                        /* Translators: "12 of 40 texts are in Cymraeg." */
                                        "%u of %u texts are in %s.", self->texts->len),
                           done, self->texts->len, pl_ui_words_language_name (self->current));
  gtk_label_set_text (self->status, words);
  gtk_widget_set_sensitive (self->save_button, TRUE);
}

static void
buffer_changed_cb (PlTranslationDialog *self,
                   GtkTextBuffer       *buffer)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (buffer), "pl-text-index"));
  const PlPlanText *text;
  g_autofree char *typed = NULL;
  GtkTextIter start, end;

  if (self->filling || self->current == NULL || index >= self->texts->len)
    return;

  text = g_ptr_array_index (self->texts, index);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  typed = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_hash_table_insert (pending_for (self, self->current), text->source, g_steal_pointer (&typed));
  update_status (self);
}

/* Each box named by its language and what it is, and described by the
 * words it translates, so a screen reader says both */
static void
name_view (PlTranslationDialog *self,
           guint                index)
{
  GtkWidget *view = g_ptr_array_index (self->views, index);
  GtkLabel *title = g_ptr_array_index (self->titles, index);
  g_autofree char *name = NULL;

  /* Translators: a box for a text of the plan in another language:
   * "In Cymraeg: What is most important to me" */
  name = g_strdup_printf (_("In %s: %s"), pl_ui_words_language_name (self->current),
                          gtk_label_get_text (title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
fill (PlTranslationDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean rtl = pl_ui_words_language_is_rtl (self->current);

  g_clear_pointer (&self->kept, g_hash_table_unref);
  self->kept = pl_plan_translation_table (self->store, self->person_id, self->current, &error);
  if (self->kept == NULL)
    {
      gtk_label_set_text (self->status, error->message);
      return;
    }

  self->filling = TRUE;
  for (guint i = 0; i < self->views->len; i++)
    {
      GtkWidget *view = g_ptr_array_index (self->views, i);

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                                current_text (self, i), -1);
      /* Urdu is written from the right, whatever the staff window is in */
      gtk_widget_set_direction (view, rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
      name_view (self, i);
    }
  self->filling = FALSE;
  update_status (self);
}

static void
language_selected_cb (PlTranslationDialog *self)
{
  guint position = adw_combo_row_get_selected (self->language);

  if (self->tags == NULL || position >= self->tags->len)
    return;
  self->current = g_ptr_array_index (self->tags, position);
  fill (self);
}

static char *
text_title (const PlPlanText *text)
{
  if (text->field == NULL)
    return g_strdup (text->part);
  /* Translators: where a text of the plan is: its part and its field,
   * "My medicines: If it is missed" */
  return g_strdup_printf (_("%s: %s"), text->part, text->field);
}

static GtkWidget *
make_row (PlTranslationDialog *self,
          guint                index)
{
  const PlPlanText *text = g_ptr_array_index (self->texts, index);
  g_autofree char *title_text = text_title (text);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (title_text);
  GtkWidget *source = gtk_label_new (text->source);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  gtk_box_set_homogeneous (GTK_BOX (sides), TRUE);
  gtk_label_set_xalign (GTK_LABEL (source), 0);
  gtk_label_set_yalign (GTK_LABEL (source), 0);
  gtk_label_set_wrap (GTK_LABEL (source), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (source), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (source), TRUE);
  /* The words as written go the way they are written */
  pl_ui_words_keep_direction (source);
  gtk_box_append (GTK_BOX (sides), source);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 72);
  g_object_set_data (G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view))),
                     "pl-text-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  source, NULL, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (sides), frame);

  gtk_box_append (GTK_BOX (box), sides);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_ptr_array_add (self->titles, title);
  g_ptr_array_add (self->views, view);
  return row;
}

gboolean
pl_translation_dialog_save (PlTranslationDialog  *self,
                            GError              **error)
{
  GHashTableIter iter;
  gpointer tag, table;

  g_return_val_if_fail (PL_IS_TRANSLATION_DIALOG (self), FALSE);

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &tag, &table))
    {
      if (!pl_plan_translation_save (self->store, self->person_id, tag, table, error))
        return FALSE;
      /* Kept: nothing of this language is waiting any more */
      g_hash_table_iter_remove (&iter);
    }
  return TRUE;
}

static void
save_clicked_cb (PlTranslationDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!pl_translation_dialog_save (self, &error))
    {
      g_autofree char *words = NULL;

      /* Translators: %s says why, in words */
      words = g_strdup_printf (_("The translation could not be saved. %s "
                                 "What was written is still here."), error->message);
      gtk_label_set_text (self->status, words);
      gtk_widget_grab_focus (GTK_WIDGET (self->status));
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
discard_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     PlTranslationDialog *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  g_hash_table_remove_all (self->pending);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ask_to_discard (PlTranslationDialog *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Throw Away What Was Written?"),
                                   _("The words written here have not been saved. "
                                     "Save them to keep them."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Writing"),
                                    "discard", _("_Throw Away"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_clicked_cb (PlTranslationDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
close_request_cb (GtkWindow *window)
{
  PlTranslationDialog *self = PL_TRANSLATION_DIALOG (window);

  if (!has_pending (self))
    return FALSE;
  ask_to_discard (self);
  return TRUE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_clicked_cb (PL_TRANSLATION_DIALOG (widget));
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
pl_translation_dialog_finalize (GObject *object)
{
  PlTranslationDialog *self = PL_TRANSLATION_DIALOG (object);

  g_clear_pointer (&self->written_in, g_free);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_pointer (&self->titles, g_ptr_array_unref);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->kept, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);

  G_OBJECT_CLASS (pl_translation_dialog_parent_class)->finalize (object);
}

static void
pl_translation_dialog_class_init (PlTranslationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->finalize = pl_translation_dialog_finalize;
  window_class->close_request = close_request_cb;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/plainly/Plainly/ui/pl-translation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlTranslationDialog, heading);
  gtk_widget_class_bind_template_child (widget_class, PlTranslationDialog, status);
  gtk_widget_class_bind_template_child (widget_class, PlTranslationDialog, texts_list);
  gtk_widget_class_bind_template_child (widget_class, PlTranslationDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PlTranslationDialog, language);
  gtk_widget_class_bind_template_callback (widget_class, language_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  gtk_widget_class_install_action (widget_class, "translation.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "translation.close", NULL, close_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "translation.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "translation.close", NULL);
}

static void
pl_translation_dialog_init (PlTranslationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->titles = g_ptr_array_new ();
  self->views = g_ptr_array_new ();
  self->tags = g_ptr_array_new ();
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_hash_table_unref);
}

/* The languages offered: Plainly's own, but the one the plan is written
 * in; first one the plan is already kept in, so its work carries on */
static guint
offer_languages (PlTranslationDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) kept = pl_plan_translation_languages (self->store, self->person_id, &error);
  int written = pl_ui_words_find_language (self->written_in);
  guint first = 0;
  gboolean found = FALSE;

  for (guint i = 0; i < pl_ui_words_get_n_languages (); i++)
    {
      const char *tag = pl_ui_words_get_language_tag (i);

      if ((int) i == written)
        continue;
      if (kept != NULL && !found && g_strv_contains ((const char * const *) kept, tag))
        {
          first = self->tags->len;
          found = TRUE;
        }
      g_ptr_array_add (self->tags, (gpointer) tag);
      gtk_string_list_append (names, pl_ui_words_get_language_name (i));
    }
  adw_combo_row_set_model (self->language, G_LIST_MODEL (names));
  return first;
}

PlTranslationDialog *
pl_translation_dialog_new (PlStore *store,
                           gint64   person_id)
{
  PlTranslationDialog *self;
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  guint first;

  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (PL_TYPE_TRANSLATION_DIALOG, NULL);
  self->store = store;
  self->person_id = person_id;

  person = pl_store_load_person (store, person_id, &error);
  if (person != NULL)
    {
      self->written_in = g_strdup (person->preferred_language);
      /* Translators: the heading of the translation window, with the person's name */
      heading = g_strdup_printf (_("%s’s plan in another language"), person->full_name);
      gtk_label_set_text (self->heading, heading);
      self->texts = pl_plan_translation_texts (store, person_id, &error);
    }
  if (self->texts == NULL)
    {
      gtk_label_set_text (self->heading, _("The plan could not be read"));
      gtk_label_set_text (self->status, error->message);
      gtk_widget_set_sensitive (self->save_button, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->language), FALSE);
      return self;
    }

  for (guint i = 0; i < self->texts->len; i++)
    gtk_list_box_append (self->texts_list, make_row (self, i));
  gtk_widget_set_visible (GTK_WIDGET (self->texts_list), self->texts->len > 0);

  first = offer_languages (self);
  if (adw_combo_row_get_selected (self->language) != first)
    adw_combo_row_set_selected (self->language, first);
  else
    language_selected_cb (self);
  return self;
}

guint
pl_translation_dialog_get_n_texts (PlTranslationDialog *self)
{
  g_return_val_if_fail (PL_IS_TRANSLATION_DIALOG (self), 0);

  return self->texts != NULL ? self->texts->len : 0;
}

const char *
pl_translation_dialog_get_source (PlTranslationDialog *self,
                                  guint                index)
{
  g_return_val_if_fail (PL_IS_TRANSLATION_DIALOG (self), NULL);
  g_return_val_if_fail (index < pl_translation_dialog_get_n_texts (self), NULL);

  return ((PlPlanText *) g_ptr_array_index (self->texts, index))->source;
}

gboolean
pl_translation_dialog_choose_language (PlTranslationDialog *self,
                                       const char          *tag)
{
  g_return_val_if_fail (PL_IS_TRANSLATION_DIALOG (self), FALSE);

  for (guint i = 0; i < self->tags->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->tags, i), tag) == 0)
      {
        adw_combo_row_set_selected (self->language, i);
        return TRUE;
      }
  return FALSE;
}

GtkWidget *
pl_translation_dialog_get_text_view (PlTranslationDialog *self,
                                     guint                index)
{
  g_return_val_if_fail (PL_IS_TRANSLATION_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->views->len, NULL);

  return g_ptr_array_index (self->views, index);
}

void
pl_translation_dialog_set_text (PlTranslationDialog *self,
                                guint                index,
                                const char          *text)
{
  GtkWidget *view = pl_translation_dialog_get_text_view (self, index);

  g_return_if_fail (view != NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

char *
pl_translation_dialog_get_text (PlTranslationDialog *self,
                                guint                index)
{
  GtkWidget *view = pl_translation_dialog_get_text_view (self, index);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (view != NULL, NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

const char *
pl_translation_dialog_get_status (PlTranslationDialog *self)
{
  g_return_val_if_fail (PL_IS_TRANSLATION_DIALOG (self), NULL);

  return gtk_label_get_text (self->status);
}
