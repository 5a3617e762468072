/* pl-plan-editor-people.c: the people involved in a person's care, in the
 * plan editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NG86 1.1.14-1.1.15: who is involved and what each may see. They belong
 * to the person, not to one version of the plan, so they are saved
 * straight through the store and Undo does not take them back.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pl-plan-editor-private.h"
#include "pl-record-form.h"
#include "pl-staff.h"
#include "pl-widget-util.h"

static const char * const contact_fields[] = {
  "name", "role", "relationship", "organisation", "phone", "email", "address", "notes", NULL
};

void
pl_plan_editor_load_contacts (PlPlanEditor *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *contacts = pl_store_list_contacts (self->store, self->person_id, &error);

  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  if (contacts == NULL)
    {
      pl_plan_editor_show_error (self, _("The people involved could not be read."), error);
      contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_contact_free);
    }
  self->contacts = contacts;
}


static void
sharing_toggled_cb (GtkCheckButton *check,
                    PlPlanEditor   *self)
{
  const PlContact *contact = g_object_get_data (G_OBJECT (check), "contact");
  PlSharingScope scope = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "scope"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sharings = pl_store_list_sharings (self->store, contact->id, &error);
  g_autofree char *who = pl_plan_editor_actor (self);
  g_autofree char *previous = g_strdup (pl_store_get_actor (self->store));
  gboolean want = gtk_check_button_get_active (check);
  gboolean ok = sharings != NULL;
  gboolean have = FALSE;

  pl_store_set_actor (self->store, who);
  for (guint i = 0; ok && i < sharings->len; i++)
    {
      const PlSharing *sharing = g_ptr_array_index (sharings, i);

      if (sharing->scope != scope)
        continue;
      have = TRUE;
      if (!want)
        ok = pl_store_delete_sharing (self->store, sharing->id, &error);
    }
  if (ok && want && !have)
    {
      g_autoptr(PlSharing) sharing = pl_sharing_new ();

      sharing->contact_id = contact->id;
      sharing->scope = scope;
      ok = pl_store_save_sharing (self->store, sharing, &error);
    }
  pl_store_set_actor (self->store, previous);

  if (!ok)
    pl_plan_editor_show_error (self, _("What this person may see was not changed."), error);
}

static void
contact_save_clicked_cb (GtkButton    *button,
                         PlPlanEditor *self)
{
  PlContact *contact = g_object_get_data (G_OBJECT (button), "contact");
  g_autoptr(GError) error = NULL;
  g_autofree char *who = pl_plan_editor_actor (self);
  g_autofree char *previous = g_strdup (pl_store_get_actor (self->store));
  gboolean added = contact->id == 0;
  gboolean ok;

  contact->person_id = self->person_id;
  pl_store_set_actor (self->store, who);
  ok = pl_store_save_contact (self->store, contact, &error);
  pl_store_set_actor (self->store, previous);
  if (!ok)
    {
      pl_plan_editor_show_error (self, _("This person’s details were not saved, and are still on screen."), error);
      return;
    }
  pl_plan_editor_show_message (self, _("Saved this person’s details."));
  if (added)
    pl_plan_editor_rebuild_form (self);
}

static void
contact_remove_clicked_cb (GtkButton    *button,
                           PlPlanEditor *self)
{
  const PlContact *contact = g_object_get_data (G_OBJECT (button), "contact");

  g_free (self->confirming);
  self->confirming = g_strdup_printf ("contact:%" G_GINT64_FORMAT, contact->id);
  pl_plan_editor_rebuild_form (self);
}

static void
contact_remove_confirmed_cb (GtkButton    *button,
                             PlPlanEditor *self)
{
  const PlContact *contact = g_object_get_data (G_OBJECT (button), "contact");
  g_autoptr(GError) error = NULL;
  g_autofree char *who = pl_plan_editor_actor (self);
  g_autofree char *previous = g_strdup (pl_store_get_actor (self->store));
  gint64 id = contact->id;
  gboolean ok = TRUE;

  g_clear_pointer (&self->confirming, g_free);
  if (pl_plan_editor_content (self)->plan->coordinator_id == id || ((const PlPlanContent *) pl_edit_session_get_saved (self->session))->plan->coordinator_id == id)
    {
      pl_plan_editor_show_message (self, _("This person is the named coordinator. Choose another coordinator "
                            "under “Coordinator and reviews” first."));
      pl_plan_editor_rebuild_form (self);
      return;
    }
  if (id != 0)
    {
      pl_store_set_actor (self->store, who);
      ok = pl_store_delete_contact (self->store, id, &error);
      pl_store_set_actor (self->store, previous);
    }
  if (!ok)
    pl_plan_editor_show_error (self, _("This person was not removed."), error);
  else
    g_ptr_array_remove (self->contacts, (gpointer) contact);
  pl_plan_editor_rebuild_form (self);
}

static void
contact_cancel_clicked_cb (GtkButton    *button,
                           PlPlanEditor *self)
{
  g_clear_pointer (&self->confirming, g_free);
  pl_plan_editor_rebuild_form (self);
}

static void
add_contact_clicked_cb (PlPlanEditor *self)
{
  PlContact *contact = pl_contact_new ();

  contact->person_id = self->person_id;
  contact->role = PL_CONTACT_FAMILY;
  contact->position = (int) self->contacts->len + 1;
  g_ptr_array_add (self->contacts, contact);
  pl_plan_editor_rebuild_form (self);
}

void
pl_plan_editor_build_people (PlPlanEditor *self)
{
  gboolean editable = pl_plan_editor_editable (self);

  /* NG86 1.1.14-1.1.15: who is involved and what each may see */
  gtk_box_append (GTK_BOX (self->form_box),
                  pl_plan_editor_heading (_("The people involved belong to the person, not to one version of "
                             "the plan: changes here are saved as soon as you press Save for "
                             "that person, and Undo does not take them back."), "body"));

  for (guint i = 0; i < self->contacts->len; i++)
    {
      PlContact *contact = g_ptr_array_index (self->contacts, i);
      g_autofree char *title = g_strdup_printf (_("Person %u of %u: %s"), i + 1, self->contacts->len,
                                                pl_text_is_blank (contact->name) ? _("(no name yet)") : contact->name);
      g_autofree char *key = g_strdup_printf ("contact:%" G_GINT64_FORMAT, contact->id);
      g_autofree char *name = g_strdup_printf ("contact-%u", i);
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      PlRecordForm *form = pl_record_form_new (&pl_contact_type, contact, contact_fields, editable);
      GtkWidget *button;

      gtk_widget_set_name (card, name);
      gtk_widget_add_css_class (card, "card");
      gtk_box_append (GTK_BOX (card), pl_plan_editor_heading (title, "title-4"));
      gtk_box_append (GTK_BOX (card), GTK_WIDGET (form));

      if (contact->id != 0)
        {
          g_autoptr(GPtrArray) sharings = pl_store_list_sharings (self->store, contact->id, NULL);
          GtkWidget *may_see = pl_plan_editor_heading (_("What they may see"), "heading");
          GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

          gtk_box_append (GTK_BOX (card), may_see);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (group), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                          may_see, NULL, -1);
          for (int scope = PL_SCOPE_PLAN; scope <= PL_SCOPE_WELCOME_PACK; scope++)
            {
              GtkWidget *check = gtk_check_button_new_with_label (pl_sharing_scope_label (scope));
              g_autofree char *check_name = g_strconcat ("may-see-", pl_sharing_scope_nicks[scope], NULL);
              gboolean active = FALSE;

              gtk_widget_set_name (check, check_name);
              for (guint j = 0; sharings != NULL && j < sharings->len; j++)
                active |= ((PlSharing *) g_ptr_array_index (sharings, j))->scope == (PlSharingScope) scope;
              gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
              gtk_widget_set_sensitive (check, editable);
              g_object_set_data (G_OBJECT (check), "contact", contact);
              g_object_set_data (G_OBJECT (check), "scope", GINT_TO_POINTER (scope));
              g_signal_connect (check, "toggled", G_CALLBACK (sharing_toggled_cb), self);
              gtk_box_append (GTK_BOX (group), check);
            }
          gtk_box_append (GTK_BOX (card), group);
        }

      if (editable)
        {
          g_autofree char *save_name = g_strdup_printf (_("Save %s"), title);
          g_autofree char *remove_name = g_strdup_printf (_("Remove %s"), title);

          if (g_strcmp0 (self->confirming, key) == 0)
            {
              g_autofree char *ask = g_strdup_printf (_("Remove %s? This cannot be undone."), title);

              gtk_box_append (GTK_BOX (buttons), pl_plan_editor_heading (ask, "heading"));
              button = pl_widget_button_new_with_mnemonic (_("_Remove"));
              gtk_widget_set_name (button, "confirm-remove-contact-button");
              gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
              g_object_set_data (G_OBJECT (button), "contact", contact);
              g_signal_connect (button, "clicked", G_CALLBACK (contact_remove_confirmed_cb), self);
              gtk_box_append (GTK_BOX (buttons), button);
              button = pl_widget_button_new_with_mnemonic (_("_Keep"));
              g_signal_connect (button, "clicked", G_CALLBACK (contact_cancel_clicked_cb), self);
              gtk_box_append (GTK_BOX (buttons), button);
            }
          else
            {
              button = gtk_button_new_with_label (_("Save this person"));
              gtk_widget_set_name (button, "save-contact-button");
              gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, save_name, -1);
              g_object_set_data (G_OBJECT (button), "contact", contact);
              g_signal_connect (button, "clicked", G_CALLBACK (contact_save_clicked_cb), self);
              gtk_box_append (GTK_BOX (buttons), button);
              button = gtk_button_new_with_label (_("Remove…"));
              gtk_widget_set_name (button, "remove-contact-button");
              gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
              g_object_set_data (G_OBJECT (button), "contact", contact);
              g_signal_connect (button, "clicked", G_CALLBACK (contact_remove_clicked_cb), self);
              gtk_box_append (GTK_BOX (buttons), button);
            }
          gtk_box_append (GTK_BOX (card), buttons);
        }
      else
        g_object_unref (g_object_ref_sink (buttons));

      gtk_box_append (GTK_BOX (self->form_box), card);
    }

  if (editable)
    {
      GtkWidget *add = pl_widget_button_new_with_mnemonic (_("_Add someone"));

      gtk_widget_set_halign (add, GTK_ALIGN_START);
      gtk_widget_set_name (add, "add-contact-button");
      g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_contact_clicked_cb), self);
      gtk_box_append (GTK_BOX (self->form_box), add);
    }
}

