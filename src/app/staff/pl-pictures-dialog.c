/* pl-pictures-dialog.c: staff change or remove the pictures of easy read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The matcher picks one picture for each idea, or none (pl-symbols.h); a
 * picture that is wrong for an idea is worse than none, so staff see every
 * line of the person's plan as easy read shows it, with its picture, and
 * change it: a search of the symbols by word, or no picture at all, for
 * the person alone or the whole service. Each choice is a record with its
 * history (pl-symbol-choice.h), and easy read uses it everywhere at once.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-document.h"
#include "pl-easy-read-view.h"
#include "pl-easyread.h"
#include "pl-pictures-dialog.h"
#include "pl-symbol-choice.h"

/* The pictures' size in the list and among the search's results */
#define LINE_PICTURE 64
#define RESULT_PICTURE 96
#define MAX_RESULTS 30

struct _PlPicturesDialog
{
  AdwWindow       parent_instance;

  GtkWidget      *back_button;
  GtkStack       *stack;
  GtkLabel       *heading;
  GtkLabel       *status;
  GtkListBox     *lines_list;
  GtkLabel       *line_label;
  GtkEntry       *words_entry;
  GtkSearchEntry *search_entry;
  GtkLabel       *results_label;
  GtkFlowBox     *results;
  GtkCheckButton *no_picture;
  GtkEntry       *description_entry;
  GtkCheckButton *for_service;
  GtkLabel       *choose_status;

  PlStore        *store;       /* borrowed */
  gint64          person_id;
  gint64          service_id;
  PlDocument     *document;
  GPtrArray      *lines;       /* the PlEasyReadLine shown, borrowed from items */
  GPtrArray      *items;       /* PlEasyReadItem */
  guint           line;        /* the line being changed */
  char           *chosen;      /* the picture chosen in the results */
  GHashTable     *textures;    /* "symbol@size" → GdkTexture */
};

G_DEFINE_FINAL_TYPE (PlPicturesDialog, pl_pictures_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_status (GtkLabel   *label,
             const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

/* A symbol drawn once at each size: a plan shows the same pictures on
 * many lines, and the list is made again after each choice */
static GdkTexture *
texture_for (PlPicturesDialog *self,
             const char       *symbol,
             int               size)
{
  g_autofree char *key = g_strdup_printf ("%s@%d", symbol, size);
  GdkTexture *texture = g_hash_table_lookup (self->textures, key);
  g_autoptr(GError) error = NULL;

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
picture_new (PlPicturesDialog *self,
             const char       *symbol,
             int               size)
{
  GdkTexture *texture = NULL;
  GtkWidget *picture;

  if (symbol != NULL)
    texture = texture_for (self, symbol, size);
  if (texture == NULL)
    {
      /* The words keep their place beside the others' */
      picture = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_widget_set_size_request (picture, size, size);
      return picture;
    }
  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
  gtk_widget_set_size_request (picture, size, size);
  gtk_widget_set_valign (picture, GTK_ALIGN_START);
  /* Its name is said beside it */
  gtk_accessible_update_state (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return picture;
}

static GtkWidget *
wrapped_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  return label;
}

/* What the line's picture is, in words */
static char *
describe_match (const PlEasyReadLine *line)
{
  g_autofree char *name = NULL;

  if (line->match == NULL || line->match->symbol == NULL)
    {
      if (line->match != NULL && line->match->kind == PL_SYMBOL_MATCH_CHOSEN)
        /* Translators: %s is some words of the plan, for which staff chose no picture */
        return g_strdup_printf (_("No picture: chosen for “%s”"), line->match->idea);
      return g_strdup (_("No picture"));
    }
  name = pl_symbol_display_name (line->match->symbol);
  if (line->match->kind == PL_SYMBOL_MATCH_CHOSEN)
    /* Translators: "Picture: cup of tea, chosen for “cup of tea”" */
    return g_strdup_printf (_("Picture: %s, chosen for “%s”"), name, line->match->idea);
  /* Translators: "Picture: kettle, for “kettle”" */
  return g_strdup_printf (_("Picture: %s, for “%s”"), name, line->match->idea);
}

static void change_clicked_cb (GtkButton        *button,
                               PlPicturesDialog *self);

static GtkWidget *
line_row_new (PlPicturesDialog     *self,
              const PlEasyReadLine *line,
              guint                 index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Change…"));
  g_autofree char *what = describe_match (line);
  /* Translators: the button's name for a screen reader; %s is a line of the plan */
  g_autofree char *name = g_strdup_printf (_("Change the picture for: %s"), line->text);
  GtkWidget *label;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);

  gtk_box_append (GTK_BOX (box), picture_new (self, line->match != NULL ? line->match->symbol : NULL,
                                              LINE_PICTURE));
  gtk_box_append (GTK_BOX (words), wrapped_label_new (line->text));
  label = wrapped_label_new (what);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (words), label);
  gtk_widget_set_hexpand (words, TRUE);
  gtk_box_append (GTK_BOX (box), words);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, what,
                                  -1);
  g_object_set_data (G_OBJECT (button), "pl-line", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (change_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/* The plan as easy read shows it now, each line in the list */
static gboolean
load (PlPicturesDialog  *self,
      GError           **error)
{
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(GPtrArray) choices = NULL;
  GtkWidget *child;

  document = pl_document_build_plan (self->store, self->person_id, error);
  if (document == NULL)
    return FALSE;
  choices = pl_symbol_choice_list_for_person (self->store, self->person_id, error);
  if (choices == NULL)
    return FALSE;
  pl_document_set_symbol_choices (document, choices);

  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_set_object (&self->document, document);
  self->items = pl_easy_read_items (document, pl_symbol_index_get_default ());
  self->lines = g_ptr_array_new ();

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lines_list))) != NULL)
    gtk_list_box_remove (self->lines_list, child);
  for (guint i = 0; i < self->items->len; i++)
    {
      const PlEasyReadItem *item = g_ptr_array_index (self->items, i);

      for (guint j = 0; j < item->lines->len; j++)
        {
          const PlEasyReadLine *line = g_ptr_array_index (item->lines, j);

          gtk_list_box_append (self->lines_list, line_row_new (self, line, self->lines->len));
          g_ptr_array_add (self->lines, (gpointer) line);
        }
    }
  return TRUE;
}

/* The search's results ----------------------------------------------- */

static void
search_changed_cb (PlPicturesDialog *self)
{
  const char *words = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) found = NULL;
  GtkWidget *child;
  g_autofree char *summary = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_flow_box_remove (self->results, child);
  g_clear_pointer (&self->chosen, g_free);

  found = pl_symbol_index_search (pl_symbol_index_get_default (), words, MAX_RESULTS);
  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      const char *symbol = g_ptr_array_index (found, i);
      g_autofree char *name = pl_symbol_display_name (symbol);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *label = wrapped_label_new (name);
      GtkWidget *item = gtk_flow_box_child_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0.5f);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), picture_new (self, symbol, RESULT_PICTURE));
      gtk_box_append (GTK_BOX (box), label);
      gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (item), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data_full (G_OBJECT (item), "pl-symbol", g_strdup (symbol), g_free);
      gtk_flow_box_append (self->results, item);
    }

  if (*words == '\0')
    summary = g_strdup (_("Type a word to find pictures for it."));
  else if (found == NULL || found->len == 0)
    summary = g_strdup (_("No picture was found. Try other words, or choose no picture."));
  else
    summary = g_strdup_printf (ngettext ("%u picture found. Choose one.",
                                         "%u pictures found. Choose one.", found->len),
                               found->len);
  gtk_label_set_label (self->results_label, summary);
}

static void
result_selected_cb (PlPicturesDialog *self)
{
  g_autoptr(GList) selected = gtk_flow_box_get_selected_children (self->results);

  g_clear_pointer (&self->chosen, g_free);
  if (selected == NULL)
    return;
  self->chosen = g_strdup (g_object_get_data (G_OBJECT (selected->data), "pl-symbol"));
  gtk_check_button_set_active (self->no_picture, FALSE);
}

static void
no_picture_toggled_cb (PlPicturesDialog *self)
{
  gboolean none = gtk_check_button_get_active (self->no_picture);

  if (none)
    gtk_flow_box_unselect_all (self->results);
  gtk_widget_set_sensitive (GTK_WIDGET (self->results), !none);
  gtk_widget_set_sensitive (GTK_WIDGET (self->description_entry), !none);
}

/* Changing one line ---------------------------------------------------- */

/* The words to start from: what the picture was chosen or found for, else
 * the line's first four words */
static char *
first_words (const PlEasyReadLine *line)
{
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (line->match != NULL && line->match->idea != NULL)
    return g_strdup (line->match->idea);
  words = pl_symbol_words (line->text);
  for (guint i = 0; i < words->len && i < 4; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, g_ptr_array_index (words, i));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
pl_pictures_dialog_change_line (PlPicturesDialog *self,
                                guint             index)
{
  const PlEasyReadLine *line;
  g_autofree char *words = NULL;

  g_return_val_if_fail (PL_IS_PICTURES_DIALOG (self), FALSE);

  if (self->lines == NULL || index >= self->lines->len)
    return FALSE;
  line = g_ptr_array_index (self->lines, index);
  words = first_words (line);
  self->line = index;

  gtk_label_set_label (self->line_label, line->text);
  gtk_editable_set_text (GTK_EDITABLE (self->words_entry), words);
  gtk_editable_set_text (GTK_EDITABLE (self->description_entry),
                         line->match != NULL && line->match->description != NULL
                         ? line->match->description : "");
  gtk_check_button_set_active (self->no_picture, FALSE);
  gtk_check_button_set_active (self->for_service, FALSE);
  show_status (self->choose_status, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), words);
  search_changed_cb (self);

  gtk_stack_set_visible_child_name (self->stack, "choose");
  gtk_widget_set_visible (self->back_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

static void
change_clicked_cb (GtkButton        *button,
                   PlPicturesDialog *self)
{
  pl_pictures_dialog_change_line (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                             "pl-line")));
}

/* Back on the list, the focus on the line's own button */
static void
show_lines (PlPicturesDialog *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->lines_list, (int) self->line);

  gtk_stack_set_visible_child_name (self->stack, "lines");
  gtk_widget_set_visible (self->back_button, FALSE);
  if (row != NULL)
    {
      GtkWidget *box = gtk_list_box_row_get_child (row);

      gtk_widget_grab_focus (gtk_widget_get_last_child (box));
    }
}

static void
back_clicked_cb (PlPicturesDialog *self)
{
  show_lines (self);
}

/* The choice already kept for these words in this scope, to change it
 * rather than add a second */
static PlSymbolChoice *
find_choice (GPtrArray  *choices,
             const char *words,
             gint64      person_id,
             gint64      service_id)
{
  g_autofree char *wanted = g_utf8_casefold (words, -1);

  for (guint i = 0; choices != NULL && i < choices->len; i++)
    {
      PlSymbolChoice *choice = g_ptr_array_index (choices, i);
      g_autofree char *theirs = g_utf8_casefold (choice->words, -1);

      if (choice->person_id == person_id && choice->service_id == service_id &&
          g_strcmp0 (theirs, wanted) == 0)
        return choice;
    }
  return NULL;
}

static void
save_clicked_cb (PlPicturesDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(PlSymbolChoice) made = NULL;
  g_autofree char *words = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->words_entry))));
  g_autofree char *description = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->description_entry))));
  gboolean none = gtk_check_button_get_active (self->no_picture);
  gboolean service = gtk_check_button_get_active (self->for_service);
  gint64 person_id = service ? 0 : self->person_id;
  gint64 service_id = service ? self->service_id : 0;
  g_autofree char *kept = NULL;
  PlSymbolChoice *choice;

  if (!none && self->chosen == NULL)
    {
      show_status (self->choose_status, _("Choose a picture from those found, or “No picture”."));
      return;
    }

  choices = service ? pl_symbol_choice_list_for_service (self->store, self->service_id, &error)
                    : pl_symbol_choice_list_for_person (self->store, self->person_id, &error);
  if (choices == NULL)
    {
      show_status (self->choose_status, error->message);
      return;
    }
  choice = find_choice (choices, words, person_id, service_id);
  if (choice == NULL)
    {
      made = pl_symbol_choice_new ();
      choice = made;
      choice->person_id = person_id;
      choice->service_id = service_id;
    }
  g_free (choice->words);
  choice->words = g_strdup (words);
  g_free (choice->symbol);
  choice->symbol = none ? NULL : g_strdup (self->chosen);
  g_free (choice->description);
  choice->description = none || *description == '\0' ? NULL : g_strdup (description);

  if (!pl_symbol_choice_save (self->store, choice, &error))
    {
      show_status (self->choose_status, error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  if (!load (self, &error))
    show_status (self->status, error->message);
  else
    {
      /* Translators: %s is the words a picture was chosen for */
      kept = g_strdup_printf (none ? _("No picture is shown for “%s” now.")
                                   : _("The picture for “%s” is kept."), words);
      show_status (self->status, kept);
    }
  show_lines (self);
}

/* The dialog ------------------------------------------------------------- */

guint
pl_pictures_dialog_get_n_lines (PlPicturesDialog *self)
{
  g_return_val_if_fail (PL_IS_PICTURES_DIALOG (self), 0);

  return self->lines != NULL ? self->lines->len : 0;
}

const char *
pl_pictures_dialog_get_line_symbol (PlPicturesDialog *self,
                                    guint             index)
{
  const PlEasyReadLine *line;

  g_return_val_if_fail (PL_IS_PICTURES_DIALOG (self), NULL);

  if (self->lines == NULL || index >= self->lines->len)
    return NULL;
  line = g_ptr_array_index (self->lines, index);
  return line->match != NULL ? line->match->symbol : NULL;
}

static void
pl_pictures_dialog_dispose (GObject *object)
{
  PlPicturesDialog *self = PL_PICTURES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_PICTURES_DIALOG);
  G_OBJECT_CLASS (pl_pictures_dialog_parent_class)->dispose (object);
}

static void
pl_pictures_dialog_finalize (GObject *object)
{
  PlPicturesDialog *self = PL_PICTURES_DIALOG (object);

  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->document);
  g_free (self->chosen);
  g_clear_pointer (&self->textures, g_hash_table_unref);
  G_OBJECT_CLASS (pl_pictures_dialog_parent_class)->finalize (object);
}

static void
pl_pictures_dialog_class_init (PlPicturesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_pictures_dialog_dispose;
  object_class->finalize = pl_pictures_dialog_finalize;

  /* A choice was kept: whatever shows the person's easy read shows it again */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/plainly/Plainly/ui/pl-pictures-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlPicturesDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, PlPicturesDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PlPicturesDialog, heading);
  gtk_widget_class_bind_template_child (widget_class, PlPicturesDialog, status);
  gtk_widget_class_bind_template_child (widget_class, PlPicturesDialog, lines_list);
  gtk_widget_class_bind_template_child (widget_class, PlPicturesDialog, line_label);
  gtk_widget_class_bind_template_child (widget_class, PlPicturesDialog, words_entry);
  gtk_widget_class_bind_template_child (widget_class, PlPicturesDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlPicturesDialog, results_label);
  gtk_widget_class_bind_template_child (widget_class, PlPicturesDialog, results);
  gtk_widget_class_bind_template_child (widget_class, PlPicturesDialog, no_picture);
  gtk_widget_class_bind_template_child (widget_class, PlPicturesDialog, description_entry);
  gtk_widget_class_bind_template_child (widget_class, PlPicturesDialog, for_service);
  gtk_widget_class_bind_template_child (widget_class, PlPicturesDialog, choose_status);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, no_picture_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
pl_pictures_dialog_init (PlPicturesDialog *self)
{
  self->textures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

PlPicturesDialog *
pl_pictures_dialog_new (PlStore *store,
                        gint64   person_id)
{
  PlPicturesDialog *self;
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (PL_TYPE_PICTURES_DIALOG, NULL);
  self->store = store;
  self->person_id = person_id;

  person = pl_store_load_person (store, person_id, &error);
  if (person == NULL)
    {
      show_status (self->status, error->message);
      return self;
    }
  self->service_id = person->service_id;
  /* Translators: %s is the name the person likes to be called */
  heading = g_strdup_printf (_("Pictures in %s’s plan in easy read"),
                             person->preferred_name != NULL && *person->preferred_name != '\0'
                             ? person->preferred_name : person->full_name);
  gtk_label_set_label (self->heading, heading);
  if (!load (self, &error))
    show_status (self->status, error->message);
  return self;
}
