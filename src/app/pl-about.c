/* pl-about.c: Plainly's About window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "pl-about.h"
#include "pl-widget-util.h"

/* libadwaita 1.2's About window as GTK 4.8 gives it to a screen reader:
 * Orca said "GtkListBox. List with 1 item. Details. not selected." for each
 * row, "GtkButton" for the version and "GtkImage" for Back. Its rows open a
 * page, so they are buttons in groups with nothing to say; the rest is
 * named or, if decoration, hidden. Roles can only change before the window
 * is first shown. */
static void
tidy_about_window (GtkWidget  *widget,
                   const char *version)
{
  if (GTK_IS_LIST_BOX (widget))
    g_object_set (widget, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
  else if (GTK_IS_LIST_BOX_ROW (widget))
    {
      g_object_set (widget, "accessible-role", GTK_ACCESSIBLE_ROLE_BUTTON, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_SELECTED);
    }
  else if (GTK_IS_IMAGE (widget))
    /* The icon and the rows' arrows are decoration, named by their type */
    gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  else if (GTK_IS_BUTTON (widget))
    {
      const char *action = gtk_actionable_get_action_name (GTK_ACTIONABLE (widget));
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

      if (g_strcmp0 (action, "about.back") == 0)
        {
          /* Not labelled by its icon (Orca read "GtkImage Back"), and its
           * tooltip says "Back" as well: said once */
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget),
                                         GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "",
                                          -1);
        }
      else if (g_strcmp0 (action, "about.copy-property") == 0 && target != NULL &&
               g_variant_is_of_type (target, G_VARIANT_TYPE_STRING) &&
               g_strcmp0 (g_variant_get_string (target, NULL), "version") == 0)
        {
          /* Translators: the button showing Plainly's version number */
          g_autofree char *name = g_strdup_printf (_("Version %s"), version);

          gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          _("Press to copy it"),
                                          -1);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    tidy_about_window (child, version);
}

GtkWidget *
pl_about_window_new (GtkWindow *parent)
{
  GtkWidget *about;
  g_autofree char *credit = NULL;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Plainly"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Plainly developers"),
                        "comments", _("Read, hear and help write your care and support plan."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        /* Said by Orca as the window opens: "About Plainly", not "About" */
                        "title", _("About Plainly"),
                        NULL);
  /* CC BY-SA 4.0 asks for the author, the work, its licence and a link to
   * it wherever the pictures are used (data/symbols/CREDITS.md). The
   * copyright line heads the text: libadwaita 1.2 never frees a legal
   * section's own copyright string. */
  credit = g_strconcat ("© 2018–2026 Steve Lee\n\n",
                        _("The pictures in easy read are from the Mulberry Symbol "
                          "Set, version 3.6.1, made for adults who use symbols, by "
                          "Steve Lee (<a href=\"https://mulberrysymbols.org\">"
                          "mulberrysymbols.org</a>). They are used unchanged, under "
                          "the <a href=\"https://creativecommons.org/licenses/by-sa/4.0/\">"
                          "Creative Commons Attribution-ShareAlike 4.0</a> licence."),
                        NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Easy read pictures"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      credit);
  tidy_about_window (about, PACKAGE_VERSION);
  pl_widget_unname_stack_pages (about);
  pl_widget_fix_mnemonic_buttons (about);
  return about;
}
