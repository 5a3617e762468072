/* pl-braille-preview.c: a braille copy on screen, page by page, for sighted staff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The copy in Unicode braille cells (U+2800…, pl_braille_to_unicode ()),
 * one braille page at a time as it will be embossed, its own page number
 * at the top right, so staff can check it before it is sent. The preview
 * itself takes the focus, so Page Up and Page Down (or Alt+Left and
 * Alt+Right) turn the pages; a selectable label would keep those keys for
 * its own cursor.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-braille.h"
#include "pl-braille-preview-private.h"

struct _PlBraillePreview
{
  GtkWidget  parent_instance;

  /* template */
  GtkWidget *box;
  GtkLabel  *page_label;
  GtkLabel  *cells;
  GtkWidget *empty_label;
  GtkWidget *scroller;

  GPtrArray *pages;   /* char *: each page's cells, lines ended by \n */
  guint      page;
  char      *page_words;
};

enum
{
  PROP_0,
  PROP_PAGE,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PlBraillePreview, pl_braille_preview, GTK_TYPE_WIDGET)

static void
show_page (PlBraillePreview *self)
{
  guint n = self->pages->len;
  gboolean any = n > 0;

  g_clear_pointer (&self->page_words, g_free);
  /* Translators: a page of the braille copy shown on screen */
  self->page_words = any ? g_strdup_printf (_("Page %u of %u"), self->page + 1, n) : g_strdup ("");
  gtk_label_set_label (self->page_label, self->page_words);
  gtk_label_set_label (self->cells, any ? g_ptr_array_index (self->pages, self->page) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->cells), any);
  gtk_widget_set_visible (self->empty_label, !any);
  gtk_widget_set_visible (GTK_WIDGET (self->page_label), any);

  /* Said with the page, so a screen reader knows which one it is in */
  {
    /* Translators: the accessible name of the braille preview, with the
     * page it shows */
    g_autofree char *name = any ? g_strdup_printf (_("Braille preview, page %u of %u"),
                                                   self->page + 1, n)
                                : g_strdup (_("Braille preview"));

    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "braille-preview.previous", any && self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "braille-preview.next", any && self->page + 1 < n);
}

void
pl_braille_preview_set_brf (PlBraillePreview *self,
                            const char       *brf)
{
  g_autofree char *cells = NULL;
  g_auto(GStrv) pages = NULL;
  guint old_n;

  g_return_if_fail (PL_IS_BRAILLE_PREVIEW (self));

  old_n = self->pages->len;
  g_ptr_array_set_size (self->pages, 0);
  if (brf != NULL && *brf != '\0')
    {
      cells = pl_braille_to_unicode (brf);
      pages = g_strsplit (cells, "\f", -1);
      for (guint p = 0; pages[p] != NULL; p++)
        {
          g_auto(GStrv) lines = g_strsplit (pages[p], "\r\n", -1);
          guint n_lines = g_strv_length (lines);

          /* The last CRLF ends the last line; it starts no other */
          if (n_lines > 0 && *lines[n_lines - 1] == '\0')
            {
              g_free (lines[n_lines - 1]);
              lines[n_lines - 1] = NULL;
            }
          g_ptr_array_add (self->pages, g_strjoinv ("\n", lines));
        }
    }
  /* Another grade or width of the same copy keeps its place where it can */
  self->page = MIN (self->page, self->pages->len > 0 ? self->pages->len - 1 : 0);
  show_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  if (old_n != self->pages->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

guint
pl_braille_preview_get_n_pages (PlBraillePreview *self)
{
  g_return_val_if_fail (PL_IS_BRAILLE_PREVIEW (self), 0);
  return self->pages->len;
}

guint
pl_braille_preview_get_page (PlBraillePreview *self)
{
  g_return_val_if_fail (PL_IS_BRAILLE_PREVIEW (self), 0);
  return self->page;
}

void
pl_braille_preview_set_page (PlBraillePreview *self,
                             guint             page)
{
  g_return_if_fail (PL_IS_BRAILLE_PREVIEW (self));

  if (self->pages->len == 0)
    return;
  page = MIN (page, self->pages->len - 1);
  if (page == self->page)
    return;
  self->page = page;
  show_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

const char *
pl_braille_preview_get_cells (PlBraillePreview *self)
{
  g_return_val_if_fail (PL_IS_BRAILLE_PREVIEW (self), NULL);
  return gtk_label_get_label (self->cells);
}

const char *
pl_braille_preview_get_page_words (PlBraillePreview *self)
{
  g_return_val_if_fail (PL_IS_BRAILLE_PREVIEW (self), NULL);
  return self->page_words;
}

static void
turn_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PlBraillePreview *self = PL_BRAILLE_PREVIEW (widget);

  if (g_str_equal (action_name, "braille-preview.next"))
    pl_braille_preview_set_page (self, self->page + 1);
  else if (self->page > 0)
    pl_braille_preview_set_page (self, self->page - 1);
}

/* The page takes the focus before its buttons, where Page Up and Page
 * Down turn it; GTK would pass a widget with children straight to them */
static gboolean
pl_braille_preview_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  if (!gtk_widget_is_focus (widget) && gtk_widget_get_focus_child (widget) == NULL)
    {
      gtk_widget_grab_focus (widget);
      return gtk_widget_is_focus (widget);
    }
  if (gtk_widget_is_focus (widget) &&
      (direction == GTK_DIR_TAB_BACKWARD || direction == GTK_DIR_UP || direction == GTK_DIR_LEFT))
    return FALSE;
  return GTK_WIDGET_CLASS (pl_braille_preview_parent_class)->focus (widget, direction);
}

static void
pl_braille_preview_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PlBraillePreview *self = PL_BRAILLE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, self->pages->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_braille_preview_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PlBraillePreview *self = PL_BRAILLE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      pl_braille_preview_set_page (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_braille_preview_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PL_TYPE_BRAILLE_PREVIEW);
  G_OBJECT_CLASS (pl_braille_preview_parent_class)->dispose (object);
}

static void
pl_braille_preview_finalize (GObject *object)
{
  PlBraillePreview *self = PL_BRAILLE_PREVIEW (object);

  g_ptr_array_unref (self->pages);
  g_free (self->page_words);
  G_OBJECT_CLASS (pl_braille_preview_parent_class)->finalize (object);
}

static void
pl_braille_preview_class_init (PlBraillePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = pl_braille_preview_get_property;
  object_class->set_property = pl_braille_preview_set_property;
  object_class->dispose = pl_braille_preview_dispose;
  object_class->finalize = pl_braille_preview_finalize;
  widget_class->focus = pl_braille_preview_focus;

  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pl-braille-preview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/plainly/Plainly/ui/pl-braille-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, PlBraillePreview, box);
  gtk_widget_class_bind_template_child (widget_class, PlBraillePreview, page_label);
  gtk_widget_class_bind_template_child (widget_class, PlBraillePreview, cells);
  gtk_widget_class_bind_template_child (widget_class, PlBraillePreview, empty_label);
  gtk_widget_class_bind_template_child (widget_class, PlBraillePreview, scroller);

  gtk_widget_class_install_action (widget_class, "braille-preview.previous", NULL, turn_action_cb);
  gtk_widget_class_install_action (widget_class, "braille-preview.next", NULL, turn_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "braille-preview.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "braille-preview.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "braille-preview.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "braille-preview.next", NULL);
}

static void
pl_braille_preview_init (PlBraillePreview *self)
{
  self->pages = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  show_page (self);
}

PlBraillePreview *
pl_braille_preview_new (void)
{
  return g_object_new (PL_TYPE_BRAILLE_PREVIEW, NULL);
}
