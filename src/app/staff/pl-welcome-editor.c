/* pl-welcome-editor.c: staff write a service's welcome pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NG21 1.2.1-1.2.6: people get, before care starts, what to expect, their
 * rights, what to do if they are not happy, how care is paid for (direct
 * payments and personal budgets), local support groups and who to contact.
 * The pack is written once for the service; pl-document-welcome.c makes it
 * each person's own.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-access.h"
#include "pl-actor.h"
#include "pl-document.h"
#include "pl-edit-session.h"
#include "pl-plain-words-pane.h"
#include "pl-staff.h"
#include "pl-welcome-editor-private.h"
#include "pl-widget-util.h"

typedef struct
{
  const char *name;    /* the widget's name, for tests */
  const char *label;   /* with a mnemonic */
  const char *hint;    /* what to write, or NULL */
  gsize       offset;  /* of the char * in the record */
} TextField;

static const TextField pack_fields[] = {
  { "pack-title", N_("_Title"), NULL, G_STRUCT_OFFSET (PlWelcomePack, title) },
  { "pack-introduction", N_("_Introduction"),
    N_("A few words of welcome."), G_STRUCT_OFFSET (PlWelcomePack, introduction) },
  /* NG21 1.2.3 */
  { "pack-what-to-expect", N_("What to _expect from us"),
    N_("How visits work, what care workers do and do not do, and how people are told of changes."),
    G_STRUCT_OFFSET (PlWelcomePack, what_to_expect) },
  { "pack-rights", N_("Your _rights"),
    N_("For example: to say no, to see your records, to be treated with dignity."),
    G_STRUCT_OFFSET (PlWelcomePack, rights) },
  /* NG21 1.2.4, 1.4.5 */
  { "pack-not-happy", N_("If you are _not happy"),
    N_("How to complain, in writing or in person, and how to take it further."),
    G_STRUCT_OFFSET (PlWelcomePack, not_happy) },
  /* NG21 1.2.2 */
  { "pack-funding", N_("_Paying for your care"),
    N_("Council funding, direct payments, personal budgets and paying for yourself."),
    G_STRUCT_OFFSET (PlWelcomePack, funding) },
  { "pack-support-groups", N_("Support _groups"),
    N_("Local groups for people and their carers, with how to reach them."),
    G_STRUCT_OFFSET (PlWelcomePack, support_groups) },
};

static const TextField service_fields[] = {
  { "service-name", N_("Name of the service"), NULL, G_STRUCT_OFFSET (PlService, name) },
  { "service-phone", N_("Office phone"), NULL, G_STRUCT_OFFSET (PlService, phone) },
  { "service-email", N_("Office email"), NULL, G_STRUCT_OFFSET (PlService, email) },
  { "service-address", N_("Office address"), NULL, G_STRUCT_OFFSET (PlService, address) },
  { "service-hours", N_("When the office is open"), NULL, G_STRUCT_OFFSET (PlService, hours) },
  { "service-out-of-hours", N_("Phone when the office is closed"), NULL,
    G_STRUCT_OFFSET (PlService, out_of_hours) },
  /* NG21 1.4.6: the next step for a complaint */
  { "service-commissioner", N_("Council that arranges the care"), NULL,
    G_STRUCT_OFFSET (PlService, commissioner) },
  { "service-commissioner-phone", N_("Council phone"), NULL,
    G_STRUCT_OFFSET (PlService, commissioner_phone) },
  { "service-commissioner-email", N_("Council email"), NULL,
    G_STRUCT_OFFSET (PlService, commissioner_email) },
  { "service-regulator", N_("Who checks the service"), NULL, G_STRUCT_OFFSET (PlService, regulator) },
  { "service-regulator-phone", N_("Their phone"), NULL, G_STRUCT_OFFSET (PlService, regulator_phone) },
};

#define FIELD_TEXT(record, field) (*(char **) G_STRUCT_MEMBER_P ((record), (field)->offset))

struct _PlWelcomeEditor
{
  GtkWidget        parent_instance;

  GtkWidget       *layout;   /* the form and the plain words beside it */
  GtkWidget       *scroller;
  GtkWidget       *read_only_note;
  GtkLabel        *message;
  GtkWidget       *draft_notice;
  GtkLabel        *draft_label;
  GtkWidget       *service_list;
  AdwComboRow     *service_row;
  GtkWidget       *pack_box;
  AdwPreferencesGroup *contacts_group;
  GtkWidget       *undo_box;
  GtkWidget       *save_button;
  AdwComboRow     *person_row;
  GtkWidget       *preview_button;
  PlReader        *reader;
  PlPlainWordsPane *plain_words;

  /* One editing widget a field, in the order of the tables above */
  GtkWidget       *pack_widgets[G_N_ELEMENTS (pack_fields)];
  GtkWidget       *service_widgets[G_N_ELEMENTS (service_fields)];

  PlStore         *store;
  PlStaff         *staff;
  GArray          *service_ids;   /* gint64, in the order of service_row */
  GArray          *person_ids;    /* gint64, in the order of person_row */
  PlEditSession   *session;       /* the pack and the service's details, their drafts */
  gboolean         restored;      /* changes from before are back */
  gboolean         filling;       /* fields being set, not typed in */
};

G_DEFINE_FINAL_TYPE (PlWelcomeEditor, pl_welcome_editor, GTK_TYPE_WIDGET)

static gboolean
may_edit (PlWelcomeEditor *self)
{
  return self->staff != NULL && pl_staff_can (self->staff, PL_STAFF_ACTION_EDIT_WELCOME_PACKS);
}

static void
show_message (PlWelcomeEditor *self,
              const char      *text)
{
  pl_widget_set_message (self->message, text);
}

static PlWelcomeContent *
content (PlWelcomeEditor *self)
{
  return self->session != NULL ? pl_edit_session_get_content (self->session) : NULL;
}

static char *
widget_text (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

static void
set_widget_text (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)),
                              text != NULL ? text : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text != NULL ? text : "");
}

/* Every change is kept at once, so closing the app loses nothing typed */
static void
set_field (PlWelcomeEditor *self,
           gpointer         record,
           const TextField *field,
           GtkWidget       *widget)
{
  g_autoptr(GError) error = NULL;
  char **slot = &FIELD_TEXT (record, field);

  g_free (*slot);
  *slot = widget_text (widget);
  if (!pl_edit_session_changed (self->session, record, field->name, &error))
    show_message (self, error->message);
}

static void
field_changed (PlWelcomeEditor *self,
               GtkWidget       *widget)
{
  PlWelcomeContent *now = content (self);

  if (self->filling || now == NULL || !may_edit (self))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (pack_fields); i++)
    if (self->pack_widgets[i] == widget)
      set_field (self, now->pack, &pack_fields[i], widget);
  for (guint i = 0; i < G_N_ELEMENTS (service_fields); i++)
    if (self->service_widgets[i] == widget)
      set_field (self, now->service, &service_fields[i], widget);
}

static void
buffer_changed_cb (GtkTextBuffer   *buffer,
                   PlWelcomeEditor *self)
{
  field_changed (self, g_object_get_data (G_OBJECT (buffer), "pl-view"));
}

static void
editable_changed_cb (GtkEditable     *editable,
                     PlWelcomeEditor *self)
{
  field_changed (self, GTK_WIDGET (editable));
}

static GtkWidget *
make_text_view (PlWelcomeEditor *self,
                const TextField *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (_(field->label));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_widget_set_margin_top (label, 8);
  gtk_box_append (GTK_BOX (self->pack_box), label);

  gtk_widget_set_name (view, field->name);
  /* Undo is the editor's, over the whole pack */
  pl_widget_leave_undo_to_editor (view);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);

  if (field->hint != NULL)
    {
      GtkWidget *hint = gtk_label_new (_(field->hint));

      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      gtk_label_set_xalign (GTK_LABEL (hint), 0);
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_box_append (GTK_BOX (self->pack_box), hint);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, hint, NULL, -1);
    }

  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (self->pack_box), frame);
  g_object_set_data (G_OBJECT (buffer), "pl-view", view);
  g_signal_connect (buffer, "changed", G_CALLBACK (buffer_changed_cb), self);
  return view;
}

static GtkWidget *
make_entry_row (PlWelcomeEditor *self,
                const TextField *field)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, field->name);
  pl_widget_leave_undo_to_editor (row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->label));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  g_signal_connect (row, "changed", G_CALLBACK (editable_changed_cb), self);
  return row;
}

static void
build_fields (PlWelcomeEditor *self)
{
  GtkWidget *title_list = gtk_list_box_new ();

  /* The title is one line; the parts are paragraphs */
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (title_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (title_list, "boxed-list");
  self->pack_widgets[0] = make_entry_row (self, &pack_fields[0]);
  gtk_list_box_append (GTK_LIST_BOX (title_list), self->pack_widgets[0]);
  gtk_box_append (GTK_BOX (self->pack_box), title_list);

  for (guint i = 1; i < G_N_ELEMENTS (pack_fields); i++)
    self->pack_widgets[i] = make_text_view (self, &pack_fields[i]);

  for (guint i = 0; i < G_N_ELEMENTS (service_fields); i++)
    {
      self->service_widgets[i] = make_entry_row (self, &service_fields[i]);
      adw_preferences_group_add (self->contacts_group, self->service_widgets[i]);
    }
}

static void
fill_fields (PlWelcomeEditor *self)
{
  gboolean editable = may_edit (self);
  PlWelcomeContent *now = content (self);

  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (pack_fields); i++)
    {
      set_widget_text (self->pack_widgets[i],
                       now != NULL ? FIELD_TEXT (now->pack, &pack_fields[i]) : NULL);
      if (GTK_IS_TEXT_VIEW (self->pack_widgets[i]))
        gtk_text_view_set_editable (GTK_TEXT_VIEW (self->pack_widgets[i]), editable);
      else
        gtk_editable_set_editable (GTK_EDITABLE (self->pack_widgets[i]), editable);
    }
  for (guint i = 0; i < G_N_ELEMENTS (service_fields); i++)
    {
      set_widget_text (self->service_widgets[i],
                       now != NULL ? FIELD_TEXT (now->service, &service_fields[i]) : NULL);
      gtk_editable_set_editable (GTK_EDITABLE (self->service_widgets[i]), editable);
    }
  self->filling = FALSE;

  gtk_widget_set_visible (self->read_only_note, !editable);
  gtk_widget_set_visible (self->undo_box, editable);
  gtk_widget_set_visible (self->save_button, editable);
}

/* Undo and Redo are there only when there is a step to take */
static void
update_undo_actions (PlWelcomeEditor *self)
{
  gboolean active = may_edit (self) && content (self) != NULL &&
                    !pl_edit_session_has_recovered_draft (self->session);

  pl_widget_update_undo_actions (GTK_WIDGET (self), "welcome", self->session, active);
}

static void
undo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  PlWelcomeEditor *self = PL_WELCOME_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  gboolean undo = g_str_equal (action_name, "welcome.undo");

  if (!may_edit (self) || content (self) == NULL ||
      !(undo ? pl_edit_session_can_undo (self->session) : pl_edit_session_can_redo (self->session)))
    return;
  if (!(undo ? pl_edit_session_undo (self->session, &error)
             : pl_edit_session_redo (self->session, &error)))
    {
      g_autofree char *text = g_strdup_printf (_("That step could not be brought back. %s"),
                                               error->message);

      show_message (self, text);
      return;
    }
  /* The session's content is a new one: the fields show it */
  fill_fields (self);
  update_undo_actions (self);
}

static void
fill_people (PlWelcomeEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) people = pl_store_list_people (self->store, 0, NULL);

  g_array_set_size (self->person_ids, 0);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      const PlPerson *person = g_ptr_array_index (people, i);

      if (content (self) == NULL || person->service_id != content (self)->service->id)
        continue;
      gtk_string_list_append (names, person->full_name);
      g_array_append_val (self->person_ids, person->id);
    }
  adw_combo_row_set_model (self->person_row, G_LIST_MODEL (names));
  gtk_widget_set_sensitive (self->preview_button, self->person_ids->len > 0);
}

/* Loads the service and its pack as saved; this member of staff's changes
 * from before, never saved, come back over them */
static gboolean
load (PlWelcomeEditor  *self,
      gint64            service_id,
      GError          **error)
{
  g_autofree char *when = NULL;

  if (!pl_edit_session_load (self->session, service_id, error))
    return FALSE;

  self->restored = FALSE;
  if (may_edit (self) && pl_edit_session_has_recovered_draft (self->session))
    {
      when = g_strdup (pl_edit_session_get_recovered_time (self->session));
      pl_edit_session_restore_draft (self->session);
      self->restored = TRUE;
    }
  fill_fields (self);
  fill_people (self);

  if (self->restored)
    {
      g_autofree char *day = g_strndup (when != NULL ? when : "", 10);
      g_autofree char *words = pl_date_to_words (day);
      g_autofree char *text =
        /* Translators: %s is a date in words */
        g_strdup_printf (_("Your changes from %s were not saved, so they are back. "
                           "Save them, or throw them away."), words);

      gtk_label_set_label (self->draft_label, text);
    }
  gtk_widget_set_visible (self->draft_notice, self->restored);
  return TRUE;
}

static void
service_selected_cb (PlWelcomeEditor *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->service_row);

  if (self->filling || self->store == NULL || selected >= self->service_ids->len)
    return;
  if (!pl_welcome_editor_set_service (self, g_array_index (self->service_ids, gint64, selected),
                                      &error))
    show_message (self, error->message);
}

static void
discard_clicked_cb (PlWelcomeEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (content (self) == NULL)
    return;
  if (!pl_edit_session_discard (self->session, &error))
    {
      show_message (self, error->message);
      return;
    }
  self->restored = FALSE;
  gtk_widget_set_visible (self->draft_notice, FALSE);
  fill_fields (self);
  show_message (self, _("The changes are thrown away. This is the pack as it was saved."));
  gtk_widget_grab_focus (self->pack_widgets[0]);
}

gboolean
pl_welcome_editor_save (PlWelcomeEditor  *self,
                        GError          **error)
{
  g_autofree char *actor = NULL;

  g_return_val_if_fail (PL_IS_WELCOME_EDITOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->store == NULL || content (self) == NULL)
    return TRUE;
  if (!may_edit (self))
    {
      g_set_error_literal (error, PL_STAFF_ERROR, PL_STAFF_ERROR_NOT_ALLOWED,
                           _("Only coordinators and managers can change the welcome pack."));
      return FALSE;
    }

  /* The history says who changed it */
  actor = pl_actor_for_staff (self->staff);
  if (!pl_edit_session_save (self->session, actor, NULL, error))
    return FALSE;

  self->restored = FALSE;
  gtk_widget_set_visible (self->draft_notice, FALSE);
  return TRUE;
}

static void
save_clicked_cb (PlWelcomeEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!pl_welcome_editor_save (self, &error))
    {
      show_message (self, error->message);
      return;
    }
  show_message (self, _("The welcome pack is saved. Everyone who uses the service now reads this."));
  if (gtk_widget_get_visible (GTK_WIDGET (self->reader)))
    {
      guint selected = adw_combo_row_get_selected (self->person_row);

      if (selected < self->person_ids->len)
        pl_welcome_editor_preview (self, g_array_index (self->person_ids, gint64, selected), NULL);
    }
}

gboolean
pl_welcome_editor_preview (PlWelcomeEditor  *self,
                           gint64            person_id,
                           GError          **error)
{
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(PlWelcomePack) pack = NULL;
  g_autoptr(PlService) service = NULL;
  g_autoptr(PlViewer) staff = NULL;
  g_autoptr(PlViewer) viewer = NULL;

  g_return_val_if_fail (PL_IS_WELCOME_EDITOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  /* The changes not saved yet are stored inside a transaction that is then
   * rolled back, so the preview uses the same builder as the person's own
   * pack and nothing is kept */
  if (!pl_store_begin (self->store, error))
    return FALSE;
  if (may_edit (self) && content (self) != NULL)
    {
      pack = pl_welcome_pack_copy (content (self)->pack);
      service = pl_service_copy (content (self)->service);
      if (!pl_store_save_welcome_pack (self->store, pack, error) ||
          !pl_store_save_service (self->store, service, error))
        {
          pl_store_rollback (self->store);
          return FALSE;
        }
    }
  /* As the person will read it, asked of the access policy like every
   * other document (pl-access.h) */
  staff = pl_access_open_staff (self->store, self->staff, error);
  if (staff != NULL)
    viewer = pl_viewer_for_person (self->store, staff, person_id, error);
  if (viewer != NULL)
    document = pl_document_build_for (self->store, viewer, PL_DOCUMENT_WELCOME, error);
  pl_store_rollback (self->store);
  if (document == NULL)
    return FALSE;

  pl_reader_set_document (self->reader, document);
  gtk_widget_set_visible (GTK_WIDGET (self->reader), TRUE);
  return TRUE;
}

static void
preview_clicked_cb (PlWelcomeEditor *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->person_row);

  if (selected >= self->person_ids->len)
    return;
  if (!pl_welcome_editor_preview (self, g_array_index (self->person_ids, gint64, selected), &error))
    {
      show_message (self, error->message);
      return;
    }
  show_message (self, NULL);
  pl_document_view_focus_start (pl_reader_get_document_view (self->reader));
}

gboolean
pl_welcome_editor_set_service (PlWelcomeEditor  *self,
                               gint64            service_id,
                               GError          **error)
{
  g_return_val_if_fail (PL_IS_WELCOME_EDITOR (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  /* Drafts are kept as the person types, so nothing is lost by moving on */
  gtk_widget_set_visible (GTK_WIDGET (self->reader), FALSE);
  show_message (self, NULL);
  if (!load (self, service_id, error))
    return FALSE;

  self->filling = TRUE;
  for (guint i = 0; i < self->service_ids->len; i++)
    if (g_array_index (self->service_ids, gint64, i) == service_id)
      adw_combo_row_set_selected (self->service_row, i);
  self->filling = FALSE;
  return TRUE;
}

void
pl_welcome_editor_set_context (PlWelcomeEditor *self,
                               PlStore         *store,
                               const PlStaff   *staff)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_if_fail (PL_IS_WELCOME_EDITOR (self));
  g_return_if_fail (store != NULL);
  g_return_if_fail (staff != NULL);

  self->store = store;
  g_clear_pointer (&self->staff, pl_staff_free);
  self->staff = pl_staff_copy (staff);
  g_clear_object (&self->session);
  self->session = pl_edit_session_new (&pl_edit_kind_welcome_pack, store, staff->id, 0);
  g_signal_connect_object (self->session, "changed", G_CALLBACK (update_undo_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::can-undo", G_CALLBACK (update_undo_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::can-redo", G_CALLBACK (update_undo_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::has-recovered-draft",
                           G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
  update_undo_actions (self);
  self->restored = FALSE;
  show_message (self, NULL);

  services = pl_store_list_services (store, 0, &error);
  if (services == NULL)
    {
      show_message (self, error->message);
      return;
    }

  self->filling = TRUE;
  g_array_set_size (self->service_ids, 0);
  for (guint i = 0; i < services->len; i++)
    {
      const PlService *service = g_ptr_array_index (services, i);

      gtk_string_list_append (names, service->name);
      g_array_append_val (self->service_ids, service->id);
    }
  adw_combo_row_set_model (self->service_row, G_LIST_MODEL (names));
  self->filling = FALSE;
  /* One service is the usual case: no choice to make */
  gtk_widget_set_visible (self->service_list, services->len > 1);

  if (services->len == 0)
    {
      show_message (self, _("There is no care service on record yet, so there is no pack to write."));
      fill_fields (self);
      return;
    }
  if (!pl_welcome_editor_set_service (self, g_array_index (self->service_ids, gint64, 0), &error))
    show_message (self, error->message);
}

gint64
pl_welcome_editor_get_service (PlWelcomeEditor *self)
{
  g_return_val_if_fail (PL_IS_WELCOME_EDITOR (self), 0);

  return content (self) != NULL ? content (self)->service->id : 0;
}

gboolean
pl_welcome_editor_has_restored (PlWelcomeEditor *self)
{
  g_return_val_if_fail (PL_IS_WELCOME_EDITOR (self), FALSE);

  return self->restored;
}

PlReader *
pl_welcome_editor_get_reader (PlWelcomeEditor *self)
{
  g_return_val_if_fail (PL_IS_WELCOME_EDITOR (self), NULL);

  return self->reader;
}

const char *
pl_welcome_editor_get_message (PlWelcomeEditor *self)
{
  g_return_val_if_fail (PL_IS_WELCOME_EDITOR (self), NULL);

  return pl_widget_get_message (self->message);
}

static void
pl_welcome_editor_dispose (GObject *object)
{
  PlWelcomeEditor *self = PL_WELCOME_EDITOR (object);

  /* Text views' buffers outlive nothing here, but their handlers must not
   * run on a half-disposed editor */
  self->filling = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_WELCOME_EDITOR);
  g_clear_pointer (&self->staff, pl_staff_free);
  g_clear_object (&self->session);
  g_clear_pointer (&self->service_ids, g_array_unref);
  g_clear_pointer (&self->person_ids, g_array_unref);

  G_OBJECT_CLASS (pl_welcome_editor_parent_class)->dispose (object);
}

static void
pl_welcome_editor_class_init (PlWelcomeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_welcome_editor_dispose;

  g_type_ensure (PL_TYPE_READER);
  g_type_ensure (PL_TYPE_PLAIN_WORDS_PANE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/plainly/Plainly/ui/pl-welcome-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PlWelcomeEditor, layout);
  gtk_widget_class_bind_template_child (widget_class, PlWelcomeEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, PlWelcomeEditor, read_only_note);
  gtk_widget_class_bind_template_child (widget_class, PlWelcomeEditor, message);
  gtk_widget_class_bind_template_child (widget_class, PlWelcomeEditor, draft_notice);
  gtk_widget_class_bind_template_child (widget_class, PlWelcomeEditor, draft_label);
  gtk_widget_class_bind_template_child (widget_class, PlWelcomeEditor, service_list);
  gtk_widget_class_bind_template_child (widget_class, PlWelcomeEditor, service_row);
  gtk_widget_class_bind_template_child (widget_class, PlWelcomeEditor, pack_box);
  gtk_widget_class_bind_template_child (widget_class, PlWelcomeEditor, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, PlWelcomeEditor, undo_box);
  gtk_widget_class_bind_template_child (widget_class, PlWelcomeEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, PlWelcomeEditor, person_row);
  gtk_widget_class_bind_template_child (widget_class, PlWelcomeEditor, preview_button);
  gtk_widget_class_bind_template_child (widget_class, PlWelcomeEditor, reader);
  gtk_widget_class_bind_template_child (widget_class, PlWelcomeEditor, plain_words);
  gtk_widget_class_bind_template_callback (widget_class, service_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, discard_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, preview_clicked_cb);

  gtk_widget_class_install_action (widget_class, "welcome.undo", NULL, undo_cb);
  gtk_widget_class_install_action (widget_class, "welcome.redo", NULL, undo_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "welcome.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "welcome.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "welcome.redo", NULL);
}

static void
pl_welcome_editor_init (PlWelcomeEditor *self)
{
  self->service_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  build_fields (self);
  self->filling = FALSE;
  /* The pack's own words; the contacts are numbers and names */
  pl_plain_words_pane_follow (self->plain_words, self->pack_box);
  gtk_widget_set_visible (self->service_list, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.redo", FALSE);
}

PlWelcomeEditor *
pl_welcome_editor_new (void)
{
  return g_object_new (PL_TYPE_WELCOME_EDITOR, NULL);
}
