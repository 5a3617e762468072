/* pl-person-pages.c: one person's plan, checklist, history and diary, for staff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan editor is the source of what is being written: Together mode and
 * the checklist follow it as the coordinator types (NG86 1.1.4, 1.1.9), and
 * the history follows each save.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-access.h"
#include "pl-agreement-dialog.h"
#include "pl-braille-dialog.h"
#include "pl-copy-saver.h"
#include "pl-diary-desk.h"
#include "pl-guidance-list.h"
#include "pl-history-page.h"
#include "pl-person-pages-private.h"
#include "pl-plan-editor.h"
#include "pl-record.h"
#include "pl-staff.h"
#include "pl-together-view.h"
#include "pl-widget-util.h"

struct _PlPersonPages
{
  GtkWidget        parent_instance;

  /* template */
  GtkLabel        *heading;
  AdwViewStack    *stack;
  GtkToggleButton *together_button;
  GtkWidget       *agree_button;
  GtkMenuButton   *braille_button;
  GtkMenuButton   *talking_book_button;
  GtkLabel        *copy_message;
  PlPlanEditor    *editor;
  PlTogetherView  *together;
  PlGuidanceList  *checklist;
  PlHistoryPage   *history;
  PlDiaryDesk     *diary;

  PlStore         *store;
  PlStaff         *staff;
  gint64           person_id;
  GPtrArray       *contacts;    /* for the checklist's rules about people */
  GPtrArray       *needs;
};

G_DEFINE_FINAL_TYPE (PlPersonPages, pl_person_pages, GTK_TYPE_WIDGET)

static void
update_checklist (PlPersonPages *self)
{
  const PlPlanContent *content = pl_plan_editor_get_content (self->editor);

  if (content != NULL && self->contacts != NULL && self->needs != NULL)
    pl_guidance_list_set_content (self->checklist, content, self->contacts, self->needs);
}

static void
update_together (PlPersonPages *self)
{
  const PlPlanContent *content = pl_plan_editor_get_content (self->editor);

  if (!gtk_toggle_button_get_active (self->together_button) || content == NULL)
    return;
  pl_together_view_set_content (self->together, content, pl_plan_editor_get_anchor (self->editor));
}

static void
content_changed_cb (PlPersonPages *self)
{
  update_together (self);
  update_checklist (self);
}

static void
reload_history (PlPersonPages *self)
{
  g_autoptr(GError) error = NULL;

  if (!pl_history_page_set_person (self->history, self->store, self->person_id, &error))
    g_warning ("The plan's history could not be read: %s", error->message);
}

static void
saved_cb (PlPersonPages *self,
          gint64         plan_id)
{
  reload_history (self);
  update_checklist (self);
}

static void
together_toggled_cb (PlPersonPages *self)
{
  gboolean together = gtk_toggle_button_get_active (self->together_button);

  gtk_widget_set_visible (GTK_WIDGET (self->together), together);
  /* Beside the person's view, a hint read aloud stops its reading rather
   * than talking over it */
  pl_plan_editor_set_hint_voice (self->editor,
                                 together ? pl_together_view_get_voice (self->together) : NULL);
  if (together)
    update_together (self);
  else
    pl_together_view_stop (self->together);
}

static void
agreed_cb (PlPersonPages *self)
{
  reload_history (self);
}

GtkWindow *
pl_person_pages_open_agreement (PlPersonPages *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = NULL;
  GtkRoot *root;
  PlAgreementDialog *dialog;

  g_return_val_if_fail (PL_IS_PERSON_PAGES (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));

  /* The person agrees to what is saved: the version they can read */
  plan = pl_store_current_plan (self->store, self->person_id, &error);
  if (plan == NULL)
    {
      GtkWidget *message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                   _("There is no plan to agree yet"),
                                                   _("Write the plan together and save it first."));

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return NULL;
    }

  dialog = pl_agreement_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    self->store, plan->id);
  g_signal_connect_object (dialog, "agreed", G_CALLBACK (agreed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
agree_cb (PlPersonPages *self)
{
  pl_person_pages_open_agreement (self);
}

static void
braille_saved_cb (PlBrailleDialog *dialog,
                  const char      *message,
                  PlPersonPages   *self)
{
  pl_widget_set_message (self->copy_message, message);
}

/* The person's document of this kind as this member of staff may see it,
 * built as every reader's is (the one access policy), with the person; or
 * a message dialog saying why not, titled title */
static PlDocument *
build_copy (PlPersonPages   *self,
            PlDocumentKind   kind,
            const char      *title,
            PlPerson       **person_out,
            GtkWindow      **refusal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlViewer) staff = NULL;
  g_autoptr(PlViewer) viewer = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(PlPerson) person = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *message;

  pl_widget_set_message (self->copy_message, NULL);
  staff = pl_access_open_staff (self->store, self->staff, &error);
  if (staff != NULL)
    viewer = pl_viewer_for_person (self->store, staff, self->person_id, &error);
  if (viewer != NULL)
    document = pl_document_build_for (self->store, viewer, kind, &error);
  if (document != NULL)
    person = pl_store_load_person (self->store, self->person_id, &error);
  if (person != NULL)
    {
      *person_out = g_steal_pointer (&person);
      return g_steal_pointer (&document);
    }

  message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, title,
                                    error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));
  *refusal = GTK_WINDOW (message);
  return NULL;
}

GtkWindow *
pl_person_pages_open_braille (PlPersonPages  *self,
                              PlDocumentKind  kind)
{
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(PlBrailleOptions) options = NULL;
  GtkWindow *refusal = NULL;
  GtkRoot *root;
  PlBrailleDialog *dialog;

  g_return_val_if_fail (PL_IS_PERSON_PAGES (self), NULL);

  if (self->store == NULL || self->staff == NULL)
    return NULL;
  document = build_copy (self, kind, _("No braille copy could be made"), &person, &refusal);
  if (document == NULL)
    return refusal;

  /* In the grade the person's needs ask for; staff check it on screen */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  options = pl_braille_options_for_reader (person, self->needs);
  dialog = pl_braille_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  document, options, TRUE);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (braille_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
copy_done_cb (PlCopySaver   *saver,
              const char    *words,
              PlPersonPages *self)
{
  pl_widget_set_message (self->copy_message, words);
}

GtkWindow *
pl_person_pages_save_talking_book (PlPersonPages  *self,
                                   PlDocumentKind  kind,
                                   const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(PlSettings) settings = NULL;
  g_autoptr(PlSpeech) speech = NULL;
  PlEpubOptions *options;
  GtkWindow *refusal = NULL;
  GtkRoot *root;
  GtkWindow *parent;
  PlCopySaver *saver;

  g_return_val_if_fail (PL_IS_PERSON_PAGES (self), NULL);

  if (self->store == NULL || self->staff == NULL)
    return NULL;
  document = build_copy (self, kind, _("No talking book could be made"), &person, &refusal);
  if (document == NULL)
    return refusal;

  /* The book the person would make for themselves: their text size,
   * colours and font, narrated in their own voice settings */
  settings = pl_store_get_settings (self->store, self->person_id, &error);
  speech = pl_speech_new ();
  if (settings != NULL)
    pl_speech_apply_settings (speech, settings);
  {
    /* Their names, places and medicines said as their list says */
    g_autoptr(PlLexicon) lexicon = pl_lexicon_new_for_person (self->store, self->person_id, NULL);

    pl_speech_set_lexicon (speech, lexicon);
  }
  options = pl_epub_options_for_reader (settings, person, document);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  if (path == NULL)
    saver = pl_copy_saver_ask (parent, document, speech, options, PL_COPY_TALKING_BOOK);
  else
    saver = pl_copy_saver_new (parent, document, speech, options, PL_COPY_TALKING_BOOK);
  g_signal_connect_object (saver, "done", G_CALLBACK (copy_done_cb), self, 0);
  if (path != NULL)
    pl_copy_saver_save_to (saver, path);
  return GTK_WINDOW (saver);
}

static void
talking_book_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PlDocumentKind kind;

  if (pl_document_kind_from_nick (g_variant_get_string (parameter, NULL), &kind))
    pl_person_pages_save_talking_book (PL_PERSON_PAGES (widget), kind, NULL);
}

static void
braille_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PlDocumentKind kind;

  if (pl_document_kind_from_nick (g_variant_get_string (parameter, NULL), &kind))
    pl_person_pages_open_braille (PL_PERSON_PAGES (widget), kind);
}

static void
go_to_cb (PlPersonPages *self,
          const char    *anchor)
{
  /* The form for that part is on the plan page; the person's view, if shown,
   * follows the editor */
  pl_person_pages_show (self, "plan");
}

static void
page_changed_cb (PlPersonPages *self)
{
  /* Nothing is read aloud from a page no one is looking at */
  if (g_strcmp0 (pl_person_pages_get_page (self), "plan") != 0)
    pl_together_view_stop (self->together);
}

gboolean
pl_person_pages_set_context (PlPersonPages  *self,
                             PlStore        *store,
                             const PlStaff  *staff,
                             gint64          person_id,
                             GError        **error)
{
  g_autoptr(PlPerson) person = NULL;
  g_autofree char *heading = NULL;
  gboolean can_edit;

  g_return_val_if_fail (PL_IS_PERSON_PAGES (self), FALSE);
  g_return_val_if_fail (store != NULL && staff != NULL, FALSE);

  person = pl_store_load_person (store, person_id, error);
  if (person == NULL)
    return FALSE;

  self->store = store;
  self->person_id = person_id;
  g_clear_pointer (&self->staff, pl_staff_free);
  self->staff = pl_staff_copy (staff);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->needs, g_ptr_array_unref);
  if ((self->contacts = pl_store_list_contacts (store, person_id, error)) == NULL ||
      (self->needs = pl_store_list_comm_needs (store, person_id, error)) == NULL)
    return FALSE;

  if (!pl_text_is_blank (person->preferred_name) &&
      g_strcmp0 (person->preferred_name, person->full_name) != 0)
    /* Translators: a person's full name, then the name they like to be called */
    heading = g_strdup_printf (_("%s (likes to be called %s)"), person->full_name,
                               person->preferred_name);
  else
    heading = g_strdup (person->full_name);
  gtk_label_set_label (self->heading, heading);

  can_edit = pl_staff_can (staff, PL_STAFF_ACTION_EDIT_PLANS);
  gtk_widget_set_visible (self->agree_button, can_edit);

  pl_plan_editor_set_context (self->editor, store, staff, person_id);
  pl_together_view_set_person (self->together, store, person_id);
  pl_diary_desk_set_context (self->diary, store, staff, person_id);
  if (!pl_history_page_set_person (self->history, store, person_id, error))
    return FALSE;
  update_checklist (self);
  return TRUE;
}

void
pl_person_pages_read_changes (PlPersonPages *self)
{
  g_return_if_fail (PL_IS_PERSON_PAGES (self));

  if (self->store == NULL)
    return;
  /* The plan being written is the editor's own until it is saved: it is
   * not read again under the writer's hands */
  reload_history (self);
  pl_diary_desk_reload (self->diary);
}

void
pl_person_pages_show (PlPersonPages *self,
                      const char    *page)
{
  g_return_if_fail (PL_IS_PERSON_PAGES (self));

  if (adw_view_stack_get_child_by_name (self->stack, page) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, page);
}

const char *
pl_person_pages_get_page (PlPersonPages *self)
{
  g_return_val_if_fail (PL_IS_PERSON_PAGES (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
pl_person_pages_set_together (PlPersonPages *self,
                              gboolean       together)
{
  g_return_if_fail (PL_IS_PERSON_PAGES (self));

  gtk_toggle_button_set_active (self->together_button, together);
}

GtkWidget *
pl_person_pages_get_editor (PlPersonPages *self)
{
  g_return_val_if_fail (PL_IS_PERSON_PAGES (self), NULL);
  return GTK_WIDGET (self->editor);
}

GtkWidget *
pl_person_pages_get_together (PlPersonPages *self)
{
  g_return_val_if_fail (PL_IS_PERSON_PAGES (self), NULL);
  return GTK_WIDGET (self->together);
}

GtkWidget *
pl_person_pages_get_checklist (PlPersonPages *self)
{
  g_return_val_if_fail (PL_IS_PERSON_PAGES (self), NULL);
  return GTK_WIDGET (self->checklist);
}

GtkWidget *
pl_person_pages_get_history (PlPersonPages *self)
{
  g_return_val_if_fail (PL_IS_PERSON_PAGES (self), NULL);
  return GTK_WIDGET (self->history);
}

GtkWidget *
pl_person_pages_get_diary (PlPersonPages *self)
{
  g_return_val_if_fail (PL_IS_PERSON_PAGES (self), NULL);
  return GTK_WIDGET (self->diary);
}

static void
together_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlPersonPages *self = PL_PERSON_PAGES (widget);

  pl_person_pages_show (self, "plan");
  gtk_toggle_button_set_active (self->together_button,
                                !gtk_toggle_button_get_active (self->together_button));
}

static void
pl_person_pages_dispose (GObject *object)
{
  PlPersonPages *self = PL_PERSON_PAGES (object);

  if (self->together != NULL)
    pl_together_view_stop (self->together);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_PERSON_PAGES);
  g_clear_pointer (&self->staff, pl_staff_free);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->needs, g_ptr_array_unref);

  G_OBJECT_CLASS (pl_person_pages_parent_class)->dispose (object);
}

static void
pl_person_pages_class_init (PlPersonPagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_person_pages_dispose;

  g_type_ensure (PL_TYPE_PLAN_EDITOR);
  g_type_ensure (PL_TYPE_TOGETHER_VIEW);
  g_type_ensure (PL_TYPE_GUIDANCE_LIST);
  g_type_ensure (PL_TYPE_HISTORY_PAGE);
  g_type_ensure (PL_TYPE_DIARY_DESK);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/plainly/Plainly/ui/pl-person-pages.ui");
  /* Bound, so dispose_template () unparents it */
  gtk_widget_class_bind_template_child_full (widget_class, "box", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, PlPersonPages, heading);
  gtk_widget_class_bind_template_child (widget_class, PlPersonPages, stack);
  gtk_widget_class_bind_template_child (widget_class, PlPersonPages, together_button);
  gtk_widget_class_bind_template_child (widget_class, PlPersonPages, agree_button);
  gtk_widget_class_bind_template_child (widget_class, PlPersonPages, braille_button);
  gtk_widget_class_bind_template_child (widget_class, PlPersonPages, talking_book_button);
  gtk_widget_class_bind_template_child (widget_class, PlPersonPages, copy_message);
  gtk_widget_class_bind_template_child (widget_class, PlPersonPages, editor);
  gtk_widget_class_bind_template_child (widget_class, PlPersonPages, together);
  gtk_widget_class_bind_template_child (widget_class, PlPersonPages, checklist);
  gtk_widget_class_bind_template_child (widget_class, PlPersonPages, history);
  gtk_widget_class_bind_template_child (widget_class, PlPersonPages, diary);
  gtk_widget_class_bind_template_callback (widget_class, content_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, together_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, agree_cb);
  gtk_widget_class_bind_template_callback (widget_class, go_to_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);

  gtk_widget_class_install_action (widget_class, "person.together", NULL, together_action_cb);
  gtk_widget_class_install_action (widget_class, "person.braille", "s", braille_action_cb);
  gtk_widget_class_install_action (widget_class, "person.export-fhir", NULL,
                                   pl_person_pages_export_action_cb);
  gtk_widget_class_install_action (widget_class, "person.talking-book", "s", talking_book_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "person.together", NULL);
}

static void
pl_person_pages_init (PlPersonPages *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pl_widget_name_menu (self->braille_button, _("Braille copy"));
  pl_widget_name_menu (self->talking_book_button, _("Talking book"));
}

PlStore *
pl_person_pages_get_store (PlPersonPages *self)
{
  g_return_val_if_fail (PL_IS_PERSON_PAGES (self), NULL);
  return self->store;
}

const PlStaff *
pl_person_pages_get_staff (PlPersonPages *self)
{
  g_return_val_if_fail (PL_IS_PERSON_PAGES (self), NULL);
  return self->staff;
}

gint64
pl_person_pages_get_person_id (PlPersonPages *self)
{
  g_return_val_if_fail (PL_IS_PERSON_PAGES (self), 0);
  return self->person_id;
}

GtkLabel *
pl_person_pages_get_copy_message (PlPersonPages *self)
{
  g_return_val_if_fail (PL_IS_PERSON_PAGES (self), NULL);
  return self->copy_message;
}

PlPersonPages *
pl_person_pages_new (void)
{
  return g_object_new (PL_TYPE_PERSON_PAGES, NULL);
}
