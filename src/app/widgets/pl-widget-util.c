/* pl-widget-util.c: small fixes every page needs from the same toolkit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-widget-util.h"

void
pl_widget_set_name (GtkWidget  *widget,
                    const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name != NULL ? name : "", -1);
}

static void
name_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) == NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Show or hide the password"), -1);
      name_buttons (child);
    }
}

void
pl_widget_name_password_toggles (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (ADW_IS_PASSWORD_ENTRY_ROW (root))
    {
      name_buttons (root);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    pl_widget_name_password_toggles (child);
}

GtkWidget *
pl_widget_button_new_with_mnemonic (const char *text)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
  gtk_button_set_child (GTK_BUTTON (button), label);
  return button;
}

void
pl_widget_fix_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)) &&
      gtk_button_get_label (GTK_BUTTON (root)) != NULL && !GTK_IS_CHECK_BUTTON (root))
    {
      g_autofree char *text = g_strdup (gtk_button_get_label (GTK_BUTTON (root)));
      GtkWidget *label = gtk_label_new_with_mnemonic (text);

      gtk_label_set_mnemonic_widget (GTK_LABEL (label), root);
      gtk_button_set_child (GTK_BUTTON (root), label);
      /* The button named itself after its old label, underscore and all:
       * its new label, which GTK keeps labelling it, names it alone */
      gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    pl_widget_fix_mnemonic_buttons (child);
}

void
pl_widget_name_mnemonic_button (GtkWidget  *button,
                                const char *name)
{
  g_autofree char *text = NULL;

  g_return_if_fail (GTK_IS_BUTTON (button));
  g_return_if_fail (name != NULL);

  if (gtk_button_get_label (GTK_BUTTON (button)) != NULL)
    {
      text = g_strdup (gtk_button_get_label (GTK_BUTTON (button)));
      gtk_button_set_child (GTK_BUTTON (button), gtk_label_new_with_mnemonic (text));
    }
  pl_widget_set_name (button, name);
}

void
pl_widget_name_drop_downs (GtkWidget  *root,
                           const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_DROP_DOWN (root))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (root);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_TOGGLE_BUTTON (child) && name != NULL)
          gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    pl_widget_name_drop_downs (child, name);
}

void
pl_widget_leave_undo_to_editor (GtkWidget *field)
{
  GtkEditable *editable;

  g_return_if_fail (GTK_IS_WIDGET (field));

  if (GTK_IS_TEXT_VIEW (field))
    {
      gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), FALSE);
      return;
    }
  g_return_if_fail (GTK_IS_EDITABLE (field));

  gtk_editable_set_enable_undo (GTK_EDITABLE (field), FALSE);
  /* An entry or entry row hands its text to a GtkText inside it */
  for (editable = GTK_EDITABLE (field); editable != NULL && !GTK_IS_TEXT (editable);
       editable = gtk_editable_get_delegate (editable))
    ;
  if (editable != NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (editable), "text.undo", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (editable), "text.redo", FALSE);
    }
}

void
pl_widget_set_message (GtkLabel   *label,
                       const char *text)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

const char *
pl_widget_get_message (GtkLabel *label)
{
  g_return_val_if_fail (GTK_IS_LABEL (label), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (label)))
    return NULL;
  return gtk_label_get_label (label);
}

void
pl_widget_unname_stack_pages (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget))
    {
      g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (GTK_STACK (widget)));

      for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
        {
          g_autoptr(GObject) page = g_list_model_get_item (pages, i);

          gtk_accessible_update_property (GTK_ACCESSIBLE (page),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                          -1);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    pl_widget_unname_stack_pages (child);
}

void
pl_widget_name_menu (GtkMenuButton *button,
                     const char    *name)
{
  GtkPopover *popover;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (name != NULL);

  popover = gtk_menu_button_get_popover (button);
  if (popover == NULL)
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (popover),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  pl_widget_unname_stack_pages (GTK_WIDGET (popover));
}

typedef struct
{
  GMenuModel *model;
  char       *name;
} MenuWhenOpened;

static void
menu_when_opened_free (gpointer data)
{
  MenuWhenOpened *menu = data;

  g_object_unref (menu->model);
  g_free (menu->name);
  g_free (menu);
}

/* GtkMenuButton calls this each time it is about to open */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  MenuWhenOpened *menu = user_data;
  g_autoptr(GMenuModel) model = NULL;
  g_autofree char *name = NULL;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  /* Kept apart from menu, which the next line frees */
  model = g_object_ref (menu->model);
  name = g_strdup (menu->name);
  gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
  gtk_menu_button_set_menu_model (button, model);
  pl_widget_name_menu (button, name);
}

void
pl_widget_set_menu_when_opened (GtkMenuButton *button,
                                GMenuModel    *model,
                                const char    *name)
{
  MenuWhenOpened *menu;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (model));
  g_return_if_fail (name != NULL);

  menu = g_new0 (MenuWhenOpened, 1);
  menu->model = g_object_ref (model);
  menu->name = g_strdup (name);
  gtk_menu_button_set_create_popup_func (button, create_menu_cb, menu, menu_when_opened_free);
  /* For pl_ui_words_translate (), to put it in the reader's language */
  g_object_set_data_full (G_OBJECT (button), "pl-menu-model", g_object_ref (model), g_object_unref);
}

void
pl_widget_update_undo_actions (GtkWidget     *widget,
                               const char    *group,
                               PlEditSession *session,
                               gboolean       active)
{
  g_autofree char *undo = g_strconcat (group, ".undo", NULL);
  g_autofree char *redo = g_strconcat (group, ".redo", NULL);

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (group != NULL);

  active = active && session != NULL;
  gtk_widget_action_set_enabled (widget, undo, active && pl_edit_session_can_undo (session));
  gtk_widget_action_set_enabled (widget, redo, active && pl_edit_session_can_redo (session));
}

gint64
pl_widget_list_get_focused_id (GtkListBox *list,
                               const char *key)
{
  GtkRoot *root;
  GtkWidget *focus;
  GtkWidget *row;
  const gint64 *id;

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), 0);
  g_return_val_if_fail (key != NULL, 0);

  root = gtk_widget_get_root (GTK_WIDGET (list));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (list))
    return 0;
  id = g_object_get_data (G_OBJECT (row), key);
  return id != NULL ? *id : 0;
}

gboolean
pl_widget_list_focus_id (GtkListBox *list,
                         const char *key,
                         gint64      id)
{
  g_return_val_if_fail (GTK_IS_LIST_BOX (list), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (id == 0)
    return FALSE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const gint64 *row_id = g_object_get_data (G_OBJECT (row), key);

      if (row_id != NULL && *row_id == id)
        return gtk_widget_grab_focus (row);
    }
  return FALSE;
}
