/* pl-reader.c: a document with its contents, Back and the reading aids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contents list the plan's parts so a person can go straight to any of
 * them (NG21 1.3.13: a summary with links to each part); Back returns to
 * where they were. Focus mode leaves nothing on screen but the text.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <adwaita.h>
#include "pl-i18n.h"

#include "pl-document-view-private.h"
#include "pl-easy-read-view.h"
#include "pl-reader-private.h"
#include "pl-widget-util.h"
#include "pl-reader-style.h"

/* The contents keep to about 22 characters a line, so they stay narrow
 * beside the text and wrap rather than widen at large print */
#define CONTENTS_LINE_CHARS 22
/* The flap is given its minimum width: room for most titles on a line */
#define CONTENTS_MIN_CHARS 18
/* Parts within parts are set in by this much */
#define CONTENTS_INDENT 24

struct _PlReader
{
  GtkWidget       parent_instance;

  /* template */
  GtkWidget      *box;
  AdwFlap        *flap;
  GtkListBox     *contents_list;
  PlDocumentView *view;
  GtkWidget      *leave_focus_button;

  GtkStack       *pages;               /* the document view, or easy read */
  PlEasyReadView *easy_read;

  gboolean        focus_mode;
  gboolean        contents_before_focus_mode;
  gboolean        have_settings;
  gboolean        settings_focus_mode;  /* focus_mode of the last settings applied */
  GHashTable     *rows;                 /* heading anchor → its GtkListBoxRow (borrowed) */
  GtkListBoxRow  *current_row;          /* the part being read (borrowed), or NULL */
};

G_DEFINE_FINAL_TYPE (PlReader, pl_reader, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FOCUS_MODE,
  PROP_CONTENTS_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
focus_text (PlReader *self)
{
  guint block;
  GtkWidget *widget = NULL;

  if (pl_document_view_get_reading_line (self->view, &block, NULL, NULL))
    widget = pl_document_view_get_block_widget (self->view, block);

  if (widget != NULL && gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD))
    return;
  if (widget != NULL && gtk_widget_grab_focus (widget))
    return;
  pl_document_view_focus_start (self->view);
}

static gboolean
focus_is_in (GtkWidget *self,
             GtkWidget *ancestor)
{
  GtkRoot *root = gtk_widget_get_root (self);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

static void
contents_row_activated_cb (GtkListBox    *list,
                           GtkListBoxRow *row,
                           PlReader      *self)
{
  const char *anchor = g_object_get_data (G_OBJECT (row), "pl-anchor");

  if (anchor == NULL || !pl_document_view_follow_anchor (self->view, anchor))
    return;

  /* Folded, the contents lie over the text: get them out of the way */
  if (adw_flap_get_folded (self->flap))
    pl_reader_set_contents_visible (self, FALSE);
}

/* The part being read is marked in the contents, so they say where the
 * person is as well as where they can go. Not by selecting it: a list
 * with a selection has Orca say "not selected" after every other part. */
static void
name_row (GtkListBoxRow *row,
          gboolean       current)
{
  const char *part = gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (row)));
  /* Translators: a part of a document in its contents, said by a screen
   * reader: "About me, the part you are reading" */
  g_autofree char *name = current ? g_strdup_printf (_("%s, the part you are reading"), part)
                                  : g_strdup (part);

  /* In its name, not its description: GTK 4.8 sends a description again
   * when the row first takes the focus, and Orca says it twice */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
set_current_row (PlReader      *self,
                 GtkListBoxRow *row)
{
  if (row == self->current_row)
    return;
  if (self->current_row != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->current_row), "pl-current-part");
      name_row (self->current_row, FALSE);
    }
  self->current_row = row;
  if (row != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "pl-current-part");
      name_row (row, TRUE);
    }
}

/* The contents' row of the part that block index is in, or NULL */
static GtkListBoxRow *
part_row_of_block (PlReader *self,
                   int       index)
{
  PlDocument *document = pl_document_view_get_document (self->view);
  GtkListBoxRow *row = NULL;

  for (; document != NULL && index >= 0 && row == NULL; index--)
    {
      const PlBlock *block = pl_document_get_block (document, index);

      if (block->kind == PL_BLOCK_HEADING && block->anchor != NULL)
        row = g_hash_table_lookup (self->rows, block->anchor);
    }
  return row;
}

static void
update_current_part (PlReader *self)
{
  PlDocument *document = pl_document_view_get_document (self->view);
  g_autofree char *anchor = NULL;
  GtkListBoxRow *current = NULL;

  if (document != NULL && pl_document_view_get_position (self->view, &anchor, NULL))
    current = part_row_of_block (self, pl_document_find_anchor (document, anchor));

  set_current_row (self, current);
}

static void
leave_focus_clicked_cb (GtkButton *button,
                        PlReader  *self)
{
  pl_reader_set_focus_mode (self, FALSE);
  focus_text (self);
}

static GtkWidget *
contents_row_new (const PlBlock *block)
{
  GtkWidget *row;
  GtkWidget *label;

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", block->text,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "xalign", 0.0f,
                        "max-width-chars", CONTENTS_LINE_CHARS,
                        "width-chars", CONTENTS_MIN_CHARS,
                        NULL);
  gtk_widget_set_margin_start (label, block->level > 2 ? CONTENTS_INDENT : 0);
  gtk_widget_add_css_class (label, block->level > 2 ? "pl-contents-sub" : "pl-contents-part");

  /* A link, not a list item: Orca says "not selected" after every item of
   * a list that can select, and a GtkListBox always can to AT-SPI */
  row = g_object_new (GTK_TYPE_LIST_BOX_ROW,
                      "accessible-role", GTK_ACCESSIBLE_ROLE_LINK,
                      "child", label,
                      "activatable", TRUE,
                      NULL);
  /* Its name is the part it goes to; the level tells a screen reader it
   * is a part within a part */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, block->text,
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, block->level - 1,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "pl-anchor", g_strdup (block->anchor), g_free);
  return row;
}

/* Its name says how many parts there are, as Orca says "list with 12
 * items" of a list: the rows are links, which Orca does not count */
static void
name_contents (PlReader *self)
{
  guint n_parts = g_hash_table_size (self->rows);
  g_autofree char *name = NULL;

  /* Translators: the name of the list of a document's parts, for screen
   * readers: "Contents, 15 parts" */
  name = g_strdup_printf (ngettext ("Contents, %u part", "Contents, %u parts", n_parts), n_parts);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->contents_list),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->contents_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  n_parts > 0 ? name : _("Contents"), -1);
}

static void
rebuild_contents (PlReader *self)
{
  PlDocument *document = pl_document_view_get_document (self->view);
  GtkWidget *child;

  g_hash_table_remove_all (self->rows);
  self->current_row = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->contents_list))) != NULL)
    gtk_list_box_remove (self->contents_list, child);

  if (document == NULL)
    {
      name_contents (self);
      return;
    }

  for (guint i = 0; i < pl_document_get_n_blocks (document); i++)
    {
      const PlBlock *block = pl_document_get_block (document, i);

      if (block->kind == PL_BLOCK_HEADING && (block->level == 2 || block->level == 3) &&
          block->anchor != NULL)
        {
          GtkWidget *row = contents_row_new (block);

          gtk_list_box_append (self->contents_list, row);
          /* GTK 4.8 marks every row it is given "not selected", even in a
           * list with no selection, and Orca says so after each part */
          gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED);
          g_hash_table_insert (self->rows, g_strdup (block->anchor), row);
        }
    }
  name_contents (self);
  update_current_part (self);
}

/* F9: the contents, and the focus goes with them so the keyboard can
 * choose, starting at the part being read */
static gboolean
toggle_contents_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  PlReader *self = PL_READER (widget);
  gboolean show = !pl_reader_get_contents_visible (self);

  /* From the keyboard the person is where the focus is: End moves it to
   * the last words before the view has scrolled there */
  GtkListBoxRow *focused = part_row_of_block (self, pl_document_view_focused_block (self->view));

  if (focused != NULL)
    set_current_row (self, focused);
  pl_reader_set_contents_visible (self, show);
  if (show)
    {
      GtkListBoxRow *row = self->current_row != NULL
                           ? self->current_row
                           : gtk_list_box_get_row_at_index (self->contents_list, 0);

      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  else
    focus_text (self);
  return TRUE;
}

/* Returning FALSE lets the key on to the window, which leaves the reader */
static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  PlReader *self = PL_READER (widget);

  if (self->focus_mode)
    {
      pl_reader_set_focus_mode (self, FALSE);
      return TRUE;
    }

  if (adw_flap_get_folded (self->flap) && adw_flap_get_reveal_flap (self->flap))
    {
      pl_reader_set_contents_visible (self, FALSE);
      focus_text (self);
      return TRUE;
    }

  return FALSE;
}

static gboolean
go_back_cb (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  return pl_reader_go_back (PL_READER (widget));
}

static void
flap_reveal_cb (PlReader *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENTS_VISIBLE]);
}

static void
pl_reader_dispose (GObject *object)
{
  PlReader *self = PL_READER (object);

  if (self->rows != NULL)
    g_hash_table_remove_all (self->rows);
  self->current_row = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (object), PL_TYPE_READER);

  G_OBJECT_CLASS (pl_reader_parent_class)->dispose (object);
}

static void
pl_reader_finalize (GObject *object)
{
  PlReader *self = PL_READER (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (pl_reader_parent_class)->finalize (object);
}

static void
pl_reader_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PlReader *self = PL_READER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, pl_reader_get_document (self));
      break;

    case PROP_FOCUS_MODE:
      g_value_set_boolean (value, self->focus_mode);
      break;

    case PROP_CONTENTS_VISIBLE:
      g_value_set_boolean (value, pl_reader_get_contents_visible (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_reader_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PlReader *self = PL_READER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      pl_reader_set_document (self, g_value_get_object (value));
      break;

    case PROP_FOCUS_MODE:
      pl_reader_set_focus_mode (self, g_value_get_boolean (value));
      break;

    case PROP_CONTENTS_VISIBLE:
      pl_reader_set_contents_visible (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_reader_class_init (PlReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_reader_dispose;
  object_class->finalize = pl_reader_finalize;
  object_class->get_property = pl_reader_get_property;
  object_class->set_property = pl_reader_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         PL_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FOCUS_MODE] =
    g_param_spec_boolean ("focus-mode", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONTENTS_VISIBLE] =
    g_param_spec_boolean ("contents-visible", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PL_TYPE_DOCUMENT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               PL_RESOURCE_BASE "/ui/pl-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, PlReader, box);
  gtk_widget_class_bind_template_child (widget_class, PlReader, flap);
  gtk_widget_class_bind_template_child (widget_class, PlReader, contents_list);
  gtk_widget_class_bind_template_child (widget_class, PlReader, view);
  gtk_widget_class_bind_template_child (widget_class, PlReader, leave_focus_button);
  gtk_widget_class_bind_template_callback (widget_class, contents_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, leave_focus_clicked_cb);

  /* F9 shows the sidebar in GNOME's own apps */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F9, 0, toggle_contents_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, go_back_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, go_back_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Back, 0, go_back_cb, NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "plreader");
}

static void
pl_reader_init (PlReader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Easy read is another way of reading the same document, in the flap's
   * place beside the document view */
  self->pages = GTK_STACK (gtk_stack_new ());
  self->easy_read = PL_EASY_READ_VIEW (pl_easy_read_view_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->pages), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->pages), TRUE);
  g_object_ref (self->view);
  adw_flap_set_content (self->flap, NULL);
  gtk_stack_add_child (self->pages, GTK_WIDGET (self->view));
  g_object_unref (self->view);
  gtk_stack_add_child (self->pages, GTK_WIDGET (self->easy_read));
  adw_flap_set_content (self->flap, GTK_WIDGET (self->pages));
  pl_widget_unname_stack_pages (GTK_WIDGET (self->pages));
  g_signal_connect_swapped (self->flap, "notify::reveal-flap",
                            G_CALLBACK (flap_reveal_cb), self);
  g_signal_connect_object (pl_document_view_get_vadjustment (self->view), "value-changed",
                           G_CALLBACK (update_current_part), self, G_CONNECT_SWAPPED);
  /* A new document is laid out after it is set: its first part then */
  g_signal_connect_object (pl_document_view_get_vadjustment (self->view), "changed",
                           G_CALLBACK (update_current_part), self, G_CONNECT_SWAPPED);
}

GtkWidget *
pl_reader_new (void)
{
  return g_object_new (PL_TYPE_READER, NULL);
}

PlDocument *
pl_reader_get_document (PlReader *self)
{
  g_return_val_if_fail (PL_IS_READER (self), NULL);

  return pl_document_view_get_document (self->view);
}

void
pl_reader_set_document (PlReader   *self,
                        PlDocument *document)
{
  PlDocument *shown;
  gboolean same;

  g_return_if_fail (PL_IS_READER (self));
  g_return_if_fail (document == NULL || PL_IS_DOCUMENT (document));

  shown = pl_document_view_get_document (self->view);
  if (shown == document)
    return;

  /* The same words again keep the contents as they are */
  same = pl_document_equal (shown, document);
  pl_document_view_set_document (self->view, document);
  pl_easy_read_view_set_document (self->easy_read, document);
  if (!same)
    rebuild_contents (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

PlEasyReadView *
pl_reader_get_easy_read_view (PlReader *self)
{
  g_return_val_if_fail (PL_IS_READER (self), NULL);

  return self->easy_read;
}

PlDocumentView *
pl_reader_get_document_view (PlReader *self)
{
  g_return_val_if_fail (PL_IS_READER (self), NULL);

  return self->view;
}

static void
rgba_from_color (GdkRGBA *rgba,
                 PlColor  color)
{
  rgba->red = color.r / 255.0f;
  rgba->green = color.g / 255.0f;
  rgba->blue = color.b / 255.0f;
  rgba->alpha = 1.0f;
}

void
pl_reader_set_settings (PlReader         *self,
                        const PlSettings *settings)
{
  PlColor shade, ruler;
  GdkRGBA shade_rgba, ruler_rgba;

  g_return_if_fail (PL_IS_READER (self));
  g_return_if_fail (settings != NULL);

  pl_reader_style_aid_colors (settings, &shade, &ruler);
  rgba_from_color (&shade_rgba, shade);
  rgba_from_color (&ruler_rgba, ruler);
  pl_document_view_set_reading_aids (self->view, settings->line_focus, settings->reading_ruler,
                                     &shade_rgba, &ruler_rgba);
  pl_easy_read_view_set_look (self->easy_read, settings->text_size, settings->symbols);
  gtk_stack_set_visible_child (self->pages, settings->easy_read ? GTK_WIDGET (self->easy_read)
                                                                : GTK_WIDGET (self->view));

  /* Settings are applied again on every change of size or theme; focus
   * mode follows them only when the stored choice itself changes, so
   * Escape is not undone by the next change of text size */
  if (!self->have_settings || settings->focus_mode != self->settings_focus_mode)
    pl_reader_set_focus_mode (self, settings->focus_mode);
  self->have_settings = TRUE;
  self->settings_focus_mode = !!settings->focus_mode;
}

gboolean
pl_reader_get_focus_mode (PlReader *self)
{
  g_return_val_if_fail (PL_IS_READER (self), FALSE);

  return self->focus_mode;
}

void
pl_reader_set_focus_mode (PlReader *self,
                          gboolean  focus_mode)
{
  gboolean had_focus_in_button;

  g_return_if_fail (PL_IS_READER (self));

  focus_mode = !!focus_mode;
  if (self->focus_mode == focus_mode)
    return;

  had_focus_in_button = focus_is_in (GTK_WIDGET (self), self->leave_focus_button);
  self->focus_mode = focus_mode;
  if (focus_mode)
    {
      gboolean focus_in_contents = focus_is_in (GTK_WIDGET (self), GTK_WIDGET (self->contents_list));

      self->contents_before_focus_mode = pl_reader_get_contents_visible (self);
      pl_reader_set_contents_visible (self, FALSE);
      /* Or a wider window or smaller text would bring the contents back */
      adw_flap_set_locked (self->flap, TRUE);
      if (focus_in_contents)
        focus_text (self);
      gtk_widget_add_css_class (GTK_WIDGET (self), "pl-focus-mode");
    }
  else
    {
      adw_flap_set_locked (self->flap, FALSE);
      if (self->contents_before_focus_mode && !adw_flap_get_folded (self->flap))
        pl_reader_set_contents_visible (self, TRUE);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "pl-focus-mode");
    }

  gtk_widget_set_visible (self->leave_focus_button, focus_mode);
  if (had_focus_in_button)
    focus_text (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_MODE]);
}

gboolean
pl_reader_get_contents_visible (PlReader *self)
{
  g_return_val_if_fail (PL_IS_READER (self), FALSE);

  return adw_flap_get_reveal_flap (self->flap);
}

void
pl_reader_set_contents_visible (PlReader *self,
                                gboolean  visible)
{
  g_return_if_fail (PL_IS_READER (self));

  /* The flap notifies, and so do we (flap_reveal_cb) */
  adw_flap_set_reveal_flap (self->flap, !!visible);
}

gboolean
pl_reader_go_back (PlReader *self)
{
  g_return_val_if_fail (PL_IS_READER (self), FALSE);

  return pl_document_view_go_back (self->view);
}

GtkListBox *
pl_reader_get_contents_list (PlReader *self)
{
  g_return_val_if_fail (PL_IS_READER (self), NULL);

  return self->contents_list;
}

GtkListBoxRow *
pl_reader_get_current_part_row (PlReader *self)
{
  g_return_val_if_fail (PL_IS_READER (self), NULL);

  return self->current_row;
}
