/* pl-responses-editor.c: staff write and publish "You said, we did"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NG86 1.6.11: services tell people what they changed because of what
 * people said. The rules (both texts, dates) live in pl-service-response.c;
 * this page says what they refused, in words.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-actor.h"
#include "pl-document.h"
#include "pl-responses-editor-private.h"
#include "pl-service-response.h"
#include "pl-staff.h"
#include "pl-widget-util.h"

struct _PlResponsesEditor
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkLabel          *message;
  GtkWidget         *empty_label;
  GtkListBox        *list;
  GtkWidget         *new_button;
  GtkWidget         *form;
  GtkLabel          *form_heading;
  GtkTextView       *you_said;
  GtkTextView       *we_did;

  PlStore           *store;
  PlStaff           *staff;
  gint64             service_id;
  PlServiceResponse *editing;   /* what the form holds, NULL when closed */
};

G_DEFINE_FINAL_TYPE (PlResponsesEditor, pl_responses_editor, GTK_TYPE_WIDGET)

static gboolean
may_edit (PlResponsesEditor *self)
{
  return self->staff != NULL && pl_staff_can (self->staff, PL_STAFF_ACTION_EDIT_COMPLAINTS);
}

/* The store's history says who wrote or published an answer. Returns the
 * actor to put back afterwards. */
static char *
act_as_staff (PlResponsesEditor *self)
{
  char *old_actor = g_strdup (pl_store_get_actor (self->store));
  g_autofree char *actor = pl_actor_for_staff (self->staff);

  pl_store_set_actor (self->store, actor);
  return old_actor;
}

static void
show_message (PlResponsesEditor *self,
              const char        *text)
{
  pl_widget_set_message (self->message, text);
}

static void
set_text (GtkTextView *view,
          const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static char *
get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
close_form (PlResponsesEditor *self)
{
  g_clear_pointer (&self->editing, pl_service_response_free);
  set_text (self->you_said, NULL);
  set_text (self->we_did, NULL);
  gtk_widget_set_visible (self->form, FALSE);
}

static gboolean start_editing (PlResponsesEditor *self, const PlServiceResponse *response);

static gint64
row_response_id (gpointer widget)
{
  const gint64 *id = g_object_get_data (G_OBJECT (widget), "pl-response-id");

  return id != NULL ? *id : 0;
}

static void
set_response_id (gpointer widget,
                 gint64   id)
{
  g_object_set_data_full (G_OBJECT (widget), "pl-response-id",
                          g_memdup2 (&id, sizeof id), g_free);
}

static void
change_clicked_cb (GtkButton         *button,
                   PlResponsesEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlServiceResponse) response = NULL;

  response = pl_store_load_service_response (self->store, row_response_id (button), &error);
  if (response == NULL)
    {
      show_message (self, error->message);
      return;
    }
  start_editing (self, response);
}

static void
publish_toggle_clicked_cb (GtkButton         *button,
                           PlResponsesEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlServiceResponse) response = NULL;
  gint64 id = row_response_id (button);
  gboolean publish = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "pl-publish"));
  g_autofree char *old_actor = NULL;
  gboolean ok;

  if (!may_edit (self))
    return;
  old_actor = act_as_staff (self);
  ok = publish ? pl_service_response_publish (self->store, id, NULL, &response, &error)
               : pl_service_response_unpublish (self->store, id, &response, &error);
  pl_store_set_actor (self->store, old_actor);
  if (!ok)
    {
      show_message (self, error->message);
      return;
    }
  show_message (self, publish ? _("Published. Everyone who uses the service can read it in their welcome pack.")
                              : _("Taken back. People can no longer read it."));
  pl_responses_editor_reload (self);
}

static GtkWidget *
wrapped_label (const char *text,
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
row_button (PlResponsesEditor *self,
            const char        *label,
            const char        *accessible_label,
            const char        *name,
            gint64             id,
            GCallback          callback)
{
  /* No mnemonic: every row has the same buttons */
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_name (button, name);
  gtk_widget_set_size_request (button, -1, 44);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  set_response_id (button, id);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
make_row (PlResponsesEditor       *self,
          const PlServiceResponse *response)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *you_said = g_strdup_printf (_("You said: %s"), response->you_said);
  g_autofree char *we_did = g_strdup_printf (_("We did: %s"), response->we_did);
  g_autofree char *state = NULL;
  gboolean published = !pl_text_is_blank (response->published_on);

  if (published)
    {
      g_autofree char *when = pl_date_to_words (response->published_on);

      /* Translators: %s is a date in words */
      state = g_strdup_printf (_("Published on %s"), when);
    }
  else
    state = g_strdup (_("Not published: people cannot read it yet"));

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), wrapped_label (you_said, NULL));
  gtk_box_append (GTK_BOX (box), wrapped_label (we_did, NULL));
  gtk_box_append (GTK_BOX (box), wrapped_label (state, "heading"));

  if (may_edit (self))
    {
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      g_autofree char *change_name = g_strdup_printf ("response-change-%" G_GINT64_FORMAT, response->id);
      g_autofree char *publish_name = g_strdup_printf ("response-publish-%" G_GINT64_FORMAT, response->id);
      /* Translators: what a screen reader says for a Change button; %s is "You said" */
      g_autofree char *change_a11y = g_strdup_printf (_("Change the answer to: %s"), response->you_said);
      g_autofree char *publish_a11y = g_strdup_printf (published ? _("Take back the answer to: %s")
                                                                 : _("Publish the answer to: %s"),
                                                       response->you_said);
      GtkWidget *publish;

      gtk_box_append (GTK_BOX (buttons),
                      row_button (self, _("Change"), change_a11y, change_name, response->id,
                                  G_CALLBACK (change_clicked_cb)));
      publish = row_button (self, published ? _("Take back") : _("Publish"), publish_a11y,
                            publish_name, response->id, G_CALLBACK (publish_toggle_clicked_cb));
      g_object_set_data (G_OBJECT (publish), "pl-publish", GINT_TO_POINTER (!published));
      gtk_box_append (GTK_BOX (buttons), publish);
      gtk_box_append (GTK_BOX (box), buttons);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* The row itself takes no focus: Tab goes straight to its buttons */
  gtk_widget_set_focusable (row, !may_edit (self));
  set_response_id (row, response->id);
  return row;
}

void
pl_responses_editor_reload (PlResponsesEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) responses = NULL;
  GtkWidget *child;

  g_return_if_fail (PL_IS_RESPONSES_EDITOR (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  gtk_widget_set_visible (self->new_button, may_edit (self) && self->service_id != 0);
  if (self->store == NULL)
    return;

  responses = pl_service_response_list (self->store, self->service_id, &error);
  if (responses == NULL)
    {
      show_message (self, error->message);
      return;
    }
  for (guint i = 0; i < responses->len; i++)
    gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (responses, i)));
  gtk_widget_set_visible (self->empty_label, responses->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), responses->len > 0);
}

static gboolean
start_editing (PlResponsesEditor       *self,
               const PlServiceResponse *response)
{
  if (!may_edit (self))
    return FALSE;

  g_clear_pointer (&self->editing, pl_service_response_free);
  self->editing = pl_service_response_copy (response);
  if (self->editing->service_id == 0)
    self->editing->service_id = self->service_id;

  gtk_label_set_label (self->form_heading, response->id != 0 ? _("Change this answer")
                                                             : _("A new answer"));
  set_text (self->you_said, response->you_said);
  set_text (self->we_did, response->we_did);
  gtk_widget_set_visible (self->form, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->you_said));
  return TRUE;
}

static void
new_clicked_cb (PlResponsesEditor *self)
{
  g_autoptr(PlServiceResponse) response = pl_service_response_new ();

  response->service_id = self->service_id;
  show_message (self, NULL);
  start_editing (self, response);
}

static void
save (PlResponsesEditor *self,
      gboolean           publish)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlServiceResponse) response = NULL;
  g_autofree char *old_actor = NULL;
  gboolean ok;

  if (self->editing == NULL || self->store == NULL || !may_edit (self))
    return;

  response = pl_service_response_copy (self->editing);
  g_free (response->you_said);
  response->you_said = get_text (self->you_said);
  g_free (response->we_did);
  response->we_did = get_text (self->we_did);

  old_actor = act_as_staff (self);
  ok = pl_service_response_save (self->store, response, &error) &&
       (!publish || !pl_text_is_blank (response->published_on) ||
        pl_service_response_publish (self->store, response->id, NULL, NULL, &error));
  pl_store_set_actor (self->store, old_actor);

  if (!ok)
    {
      GtkWidget *near = pl_text_is_blank (response->you_said) ? GTK_WIDGET (self->you_said)
                                                               : GTK_WIDGET (self->we_did);

      /* Saved but not published: keep the id so the next try changes it */
      self->editing->id = response->id;
      show_message (self, error->message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (near),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
      gtk_widget_grab_focus (near);
      return;
    }

  show_message (self, publish ? _("Saved and published. Everyone who uses the service can read it in their welcome pack.")
                              : _("Saved. It is not published yet."));
  close_form (self);
  pl_responses_editor_reload (self);
  gtk_widget_grab_focus (self->new_button);
}

static void
save_clicked_cb (PlResponsesEditor *self)
{
  save (self, FALSE);
}

static void
save_publish_clicked_cb (PlResponsesEditor *self)
{
  save (self, TRUE);
}

static void
cancel_clicked_cb (PlResponsesEditor *self)
{
  close_form (self);
  show_message (self, NULL);
  gtk_widget_grab_focus (self->new_button);
}

void
pl_responses_editor_set_context (PlResponsesEditor *self,
                                 PlStore           *store,
                                 const PlStaff     *staff,
                                 gint64             service_id)
{
  g_return_if_fail (PL_IS_RESPONSES_EDITOR (self));
  g_return_if_fail (store != NULL);
  g_return_if_fail (staff != NULL);

  self->store = store;
  g_clear_pointer (&self->staff, pl_staff_free);
  self->staff = pl_staff_copy (staff);

  if (service_id == 0)
    {
      g_autoptr(GPtrArray) services = pl_store_list_services (store, 0, NULL);

      if (services != NULL && services->len > 0)
        service_id = ((PlService *) g_ptr_array_index (services, 0))->id;
    }
  self->service_id = service_id;

  close_form (self);
  show_message (self, NULL);
  pl_responses_editor_reload (self);
}

gint64
pl_responses_editor_get_service (PlResponsesEditor *self)
{
  g_return_val_if_fail (PL_IS_RESPONSES_EDITOR (self), 0);

  return self->service_id;
}

gboolean
pl_responses_editor_start (PlResponsesEditor       *self,
                           const PlServiceResponse *response)
{
  g_return_val_if_fail (PL_IS_RESPONSES_EDITOR (self), FALSE);
  g_return_val_if_fail (response != NULL, FALSE);

  if (!may_edit (self))
    return FALSE;

  if (response->service_id != 0 && response->service_id != self->service_id)
    {
      self->service_id = response->service_id;
      pl_responses_editor_reload (self);
    }
  show_message (self, NULL);
  return start_editing (self, response);
}

const char *
pl_responses_editor_get_message (PlResponsesEditor *self)
{
  g_return_val_if_fail (PL_IS_RESPONSES_EDITOR (self), NULL);

  return pl_widget_get_message (self->message);
}

static void
pl_responses_editor_dispose (GObject *object)
{
  PlResponsesEditor *self = PL_RESPONSES_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_RESPONSES_EDITOR);
  g_clear_pointer (&self->staff, pl_staff_free);
  g_clear_pointer (&self->editing, pl_service_response_free);

  G_OBJECT_CLASS (pl_responses_editor_parent_class)->dispose (object);
}

static void
pl_responses_editor_class_init (PlResponsesEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_responses_editor_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/plainly/Plainly/ui/pl-responses-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PlResponsesEditor, box);
  gtk_widget_class_bind_template_child (widget_class, PlResponsesEditor, message);
  gtk_widget_class_bind_template_child (widget_class, PlResponsesEditor, empty_label);
  gtk_widget_class_bind_template_child (widget_class, PlResponsesEditor, list);
  gtk_widget_class_bind_template_child (widget_class, PlResponsesEditor, new_button);
  gtk_widget_class_bind_template_child (widget_class, PlResponsesEditor, form);
  gtk_widget_class_bind_template_child (widget_class, PlResponsesEditor, form_heading);
  gtk_widget_class_bind_template_child (widget_class, PlResponsesEditor, you_said);
  gtk_widget_class_bind_template_child (widget_class, PlResponsesEditor, we_did);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_publish_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
}

static void
pl_responses_editor_init (PlResponsesEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (self->new_button, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
}

PlResponsesEditor *
pl_responses_editor_new (void)
{
  return g_object_new (PL_TYPE_RESPONSES_EDITOR, NULL);
}
