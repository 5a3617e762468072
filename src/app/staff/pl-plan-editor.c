/* pl-plan-editor.c: the staff screen for editing a person's care and support plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan being edited is a PlEditSession's PlPlanContent: the forms
 * change it in place and tell the session, which keeps the steps for Undo
 * and Redo and the drafts in the store, so nothing typed is lost if the app
 * stops. The next time this member of staff opens the person's plan the
 * drafts are offered back. Save makes one new version of the plan. New
 * parts have negative ids until they are saved.
 *
 * Contacts belong to the person, not to a version of the plan: they are
 * saved straight through the store, with their own Save button
 * (pl-plan-editor-people.c).
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <stdlib.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "pl-actor.h"
#include "pl-pictures-dialog.h"
#include "pl-translation-dialog.h"
#include "pl-plan-editor-private.h"
#include "pl-plain-words-pane.h"
#include "pl-widget-util.h"
#include "pl-record-form.h"
#include "pl-staff.h"

typedef enum
{
  PART_ABOUT_ME,
  PART_OUTCOMES,
  PART_VISITS,
  PART_MEDICINES,
  PART_RISKS,
  PART_PEOPLE,
  PART_COORDINATOR,
  N_PARTS
} EditorPart;

static const struct
{
  const char *title;
  const char *anchor;
  PlPlanPart  plan_part;   /* for the lists of the plan */
  const char *add;
} part_info[N_PARTS] = {
  [PART_ABOUT_ME]    = { N_("About me"), "about-me", PL_PLAN_PART_SECTIONS, NULL },
  [PART_OUTCOMES]    = { N_("Outcomes"), "outcomes", PL_PLAN_PART_OUTCOMES, N_("_Add an outcome") },
  [PART_VISITS]      = { N_("Visits"), "visits", PL_PLAN_PART_VISITS, N_("_Add a visit") },
  [PART_MEDICINES]   = { N_("Medicines"), "medicines", PL_PLAN_PART_MEDICINES, N_("_Add a medicine") },
  [PART_RISKS]       = { N_("Risks I choose to take"), "risks", PL_PLAN_PART_RISKS, N_("_Add a risk") },
  [PART_PEOPLE]      = { N_("People involved"), "people", PL_PLAN_N_PARTS, NULL },
  [PART_COORDINATOR] = { N_("Coordinator and reviews"), "coordinator", PL_PLAN_N_PARTS, NULL },
};

static const char * const plan_fields[] = {
  "coordinator_id", "start_date", "last_review", "next_review", NULL
};

G_DEFINE_FINAL_TYPE (PlPlanEditor, pl_plan_editor, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_CONTENT_CHANGED,
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Messages */

void
pl_plan_editor_show_message (PlPlanEditor *self,
                             const char   *text)
{
  gtk_label_set_text (GTK_LABEL (self->message_label), text != NULL ? text : "");
  gtk_widget_set_visible (self->message_label, text != NULL);
}

void
pl_plan_editor_show_error (PlPlanEditor *self,
                           const char   *what,
                           const GError *error)
{
  g_autofree char *text = NULL;

  /* Said in words, with what is still safe, never by colour alone */
  text = g_strdup_printf (_("Problem: %s %s"), what, error->message);
  pl_plan_editor_show_message (self, text);
}

char *
pl_plan_editor_actor (PlPlanEditor *self)
{
  return pl_actor_for_staff (self->staff);
}

PlPlanContent *
pl_plan_editor_content (PlPlanEditor *self)
{
  return self->session != NULL ? pl_edit_session_get_content (self->session) : NULL;
}

/* Drafts found from before wait for an answer: nothing is typed meanwhile */
gboolean
pl_plan_editor_editable (PlPlanEditor *self)
{
  return self->can_edit && self->session != NULL &&
         !pl_edit_session_has_recovered_draft (self->session);
}

static void
set_anchor (PlPlanEditor *self,
            const char   *anchor)
{
  if (g_strcmp0 (self->anchor, anchor) == 0)
    return;
  g_free (self->anchor);
  self->anchor = g_strdup (anchor);
}

static void
update_buttons (PlPlanEditor *self)
{
  gboolean active = pl_plan_editor_editable (self) && pl_plan_editor_content (self) != NULL;
  gboolean dirty = active && pl_edit_session_is_dirty (self->session);
  const char *status;

  pl_widget_update_undo_actions (GTK_WIDGET (self), "editor", self->session, active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", dirty);
  gtk_widget_set_visible (self->toolbar, self->can_edit && pl_plan_editor_content (self) != NULL);

  if (!active)
    status = NULL;
  else if (dirty)
    status = _("Changes are kept as you type. Save makes a new version of the plan.");
  else
    status = _("No changes yet.");
  gtk_label_set_text (GTK_LABEL (self->status_label), status != NULL ? status : "");
}

/* The session says what changed; a new content is shown again */
static void
session_changed_cb (PlEditSession *session,
                    gboolean       replaced,
                    PlPlanEditor  *self)
{
  if (replaced)
    pl_plan_editor_rebuild_form (self);
  update_buttons (self);
  g_signal_emit (self, signals[SIGNAL_CONTENT_CHANGED], 0);
}

/* After the content was changed in place */
static void
content_changed (PlPlanEditor  *self,
                 gconstpointer  record,
                 const char    *field)
{
  g_autoptr(GError) error = NULL;

  /* Read-only forms do not change, but a form filled in may say it did */
  if (!pl_plan_editor_editable (self))
    return;
  if (!pl_edit_session_changed (self->session, record, field, &error))
    pl_plan_editor_show_error (self, _("Your changes are still on screen, but they could not be kept "
                                       "on the disk, so keep this window open and try again once "
                                       "this is put right."), error);
  else if (gtk_widget_get_visible (self->message_label))
    pl_plan_editor_show_message (self, NULL);
}

static void
undo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  PlPlanEditor *self = PL_PLAN_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!pl_plan_editor_editable (self) || !pl_edit_session_can_undo (self->session))
    return;
  if (!pl_edit_session_undo (self->session, &error))
    pl_plan_editor_show_error (self, _("That step could not be brought back."), error);
}

static void
redo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  PlPlanEditor *self = PL_PLAN_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!pl_plan_editor_editable (self) || !pl_edit_session_can_redo (self->session))
    return;
  if (!pl_edit_session_redo (self->session, &error))
    pl_plan_editor_show_error (self, _("That step could not be brought back."), error);
}

/* Loading */

static void
offer_drafts (PlPlanEditor *self)
{
  g_autofree char *text = NULL;
  g_autofree char *when = NULL;
  const char *newest = pl_edit_session_get_recovered_time (self->session);
  g_autoptr(GDateTime) utc = newest != NULL ? g_date_time_new_from_iso8601 (newest, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  /* "Monday 23 November at 14:05" */
  when = local != NULL ? g_date_time_format (local, _("%A %-d %B at %H:%M")) : g_strdup (_("an earlier day"));
  text = g_strdup_printf (_("You were changing this plan on %s and did not save it. "
                            "Carry on with those changes, or throw them away?"), when);
  gtk_label_set_text (GTK_LABEL (self->drafts_label), text);
}

static void
show_plan (PlPlanEditor *self)
{
  gboolean have_plan = pl_plan_editor_content (self) != NULL;
  gboolean offering = have_plan && self->can_edit && pl_edit_session_has_recovered_draft (self->session);

  if (offering)
    offer_drafts (self);
  gtk_widget_set_visible (self->drafts_box, offering);
  gtk_widget_set_visible (self->no_plan_box, !have_plan && self->person_id != 0);
  gtk_widget_set_visible (self->start_button, self->can_edit);
  gtk_widget_set_visible (self->main_box, have_plan);
  gtk_widget_set_visible (self->readonly_label, !self->can_edit && self->staff != NULL);
  pl_plan_editor_rebuild_form (self);
  update_buttons (self);
}

/* A new session for this member of staff and person, with the plan loaded */
static gboolean
load_plan (PlPlanEditor  *self,
           gint64         plan_id,
           GError       **error)
{
  g_autoptr(PlEditSession) session = pl_edit_session_new (&pl_edit_kind_plan, self->store,
                                                          self->staff->id, self->person_id);

  if (!pl_edit_session_load (session, plan_id, error))
    return FALSE;
  g_signal_connect_object (session, "changed", G_CALLBACK (session_changed_cb), self, 0);
  g_clear_object (&self->session);
  self->session = g_steal_pointer (&session);
  return TRUE;
}

void
pl_plan_editor_set_context (PlPlanEditor  *self,
                            PlStore       *store,
                            const PlStaff *staff,
                            gint64         person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = NULL;

  g_return_if_fail (PL_IS_PLAN_EDITOR (self));
  g_return_if_fail (store != NULL);
  g_return_if_fail (staff != NULL);

  self->store = store;
  g_clear_pointer (&self->staff, pl_staff_free);
  self->staff = pl_staff_copy (staff);
  self->person_id = person_id;
  self->can_edit = pl_staff_can (staff, PL_STAFF_ACTION_EDIT_PLANS);
  g_clear_object (&self->session);
  g_clear_pointer (&self->confirming, g_free);
  pl_plan_editor_show_message (self, NULL);

  pl_plan_editor_load_contacts (self);
  /* Hints for the way the person reads their plan */
  pl_plain_words_pane_set_reader (PL_PLAIN_WORDS_PANE (self->plain_words), store, person_id);
  plan = pl_store_current_plan (store, person_id, &error);
  if (plan == NULL && !g_error_matches (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND))
    pl_plan_editor_show_error (self, _("The plan could not be read."), error);
  g_clear_error (&error);
  if (plan != NULL && !load_plan (self, plan->id, &error))
    pl_plan_editor_show_error (self, _("The plan could not be read."), error);

  set_anchor (self, part_info[self->part].anchor);
  show_plan (self);
  g_signal_emit (self, signals[SIGNAL_CONTENT_CHANGED], 0);
}

static void
carry_on_clicked_cb (PlPlanEditor *self)
{
  gtk_widget_set_visible (self->drafts_box, FALSE);
  pl_edit_session_restore_draft (self->session);
}

static void
throw_away_clicked_cb (PlPlanEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!pl_edit_session_discard (self->session, &error))
    {
      pl_plan_editor_show_error (self, _("The changes kept from before could not be thrown away."), error);
      return;
    }
  gtk_widget_set_visible (self->drafts_box, FALSE);
}

/* The pictures easy read shows for the plan as saved, to change or
 * remove (NG86 1.1.5: symbols, checked with the person) */
static void
pictures_clicked_cb (PlPlanEditor *self)
{
  PlPicturesDialog *dialog;

  if (self->store == NULL || self->person_id == 0)
    return;
  dialog = pl_pictures_dialog_new (self->store, self->person_id);
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The plan as saved, kept in another language too (a Welsh plan in
 * English as well), for the person to choose which they read */
static void
translation_clicked_cb (PlPlanEditor *self)
{
  PlTranslationDialog *dialog;

  if (self->store == NULL || self->person_id == 0)
    return;
  dialog = pl_translation_dialog_new (self->store, self->person_id);
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
start_clicked_cb (PlPlanEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *who = NULL;
  g_autofree char *previous = NULL;
  gboolean ok;

  if (!self->can_edit || self->store == NULL)
    return;

  plan->person_id = self->person_id;
  plan->version = 1;
  plan->status = PL_PLAN_DRAFT;
  plan->start_date = g_date_time_format (now, "%Y-%m-%d");

  who = pl_plan_editor_actor (self);
  previous = g_strdup (pl_store_get_actor (self->store));
  pl_store_set_actor (self->store, who);
  ok = pl_store_save_plan (self->store, plan, &error);
  pl_store_set_actor (self->store, previous);
  if (!ok || !load_plan (self, plan->id, &error))
    {
      pl_plan_editor_show_error (self, _("The new plan could not be started."), error);
      return;
    }
  show_plan (self);
  g_signal_emit (self, signals[SIGNAL_CONTENT_CHANGED], 0);
}

static void
save_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  PlPlanEditor *self = PL_PLAN_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *who = NULL;
  g_autofree char *text = NULL;
  gint64 new_id = 0;

  if (!pl_plan_editor_editable (self) || pl_plan_editor_content (self) == NULL)
    return;

  who = pl_plan_editor_actor (self);
  if (!pl_edit_session_save (self->session, who, &new_id, &error))
    {
      pl_plan_editor_show_error (self, _("The plan was not saved, and your changes are still on screen."),
                                 error);
      return;
    }

  text = g_strdup_printf (_("Saved as version %d of the plan."), pl_plan_editor_content (self)->plan->version);
  pl_plan_editor_show_message (self, text);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, new_id);
}

/* Forms */

static char *item_summary (const PlRecordType *type,
                           gconstpointer       record);

static void
form_changed_cb (PlRecordForm *form,
                 const char   *field,
                 PlPlanEditor *self)
{
  const PlRecordType *type = pl_record_form_get_record_type (form);
  gpointer record = pl_record_form_get_record (form);
  g_autofree char *anchor = NULL;
  guint index;

  GtkWidget *item_heading = g_object_get_data (G_OBJECT (form), "item-heading");

  if (item_heading != NULL)
    {
      g_autofree char *summary = item_summary (type, record);
      g_autofree char *text = g_strdup_printf ("%s: %s", (const char *) g_object_get_data (G_OBJECT (form), "item-title"),
                                               summary);

      gtk_label_set_text (GTK_LABEL (item_heading), text);
    }

  /* An About me section written for the first time joins the plan */
  if (type == &pl_plan_section_type && g_ptr_array_find (self->pending, record, &index))
    {
      PlPlanSection *section = g_ptr_array_steal_index (self->pending, index);

      section->id = pl_edit_session_take_new_id (self->session);
      section->plan_id = pl_plan_editor_content (self)->plan->id;
      g_ptr_array_add (pl_plan_editor_content (self)->parts[PL_PLAN_PART_SECTIONS], section);
    }

  if (type == &pl_plan_type)
    anchor = g_strdup (g_strcmp0 (field, "coordinator_id") == 0 ? "coordinator" : "reviews");
  else
    anchor = pl_plan_anchor_for (type, record);
  set_anchor (self, anchor);
  content_changed (self, record, field);
}

GtkWidget *
pl_plan_editor_heading (const char *text,
                        const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
add_form (PlPlanEditor       *self,
          GtkWidget          *box,
          const PlRecordType *type,
          gpointer            record,
          const char * const *fields)
{
  PlRecordForm *form = pl_record_form_new (type, record, fields, pl_plan_editor_editable (self));

  g_signal_connect_object (form, "changed", G_CALLBACK (form_changed_cb), self, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form));
  return GTK_WIDGET (form);
}

static void
build_about_me (PlPlanEditor *self)
{
  GPtrArray *sections = pl_plan_editor_content (self)->parts[PL_PLAN_PART_SECTIONS];

  for (int kind = 0; kind < PL_SECTION_N_KINDS; kind++)
    {
      PlPlanSection *section = NULL;
      GtkWidget *form;

      for (guint i = 0; i < sections->len && section == NULL; i++)
        if (((PlPlanSection *) g_ptr_array_index (sections, i))->kind == kind)
          section = g_ptr_array_index (sections, i);
      if (section == NULL)
        {
          section = pl_plan_section_new ();
          section->kind = kind;
          g_ptr_array_add (self->pending, section);
        }

      form = add_form (self, self->form_box, &pl_plan_section_type, section,
                       (const char *[]) { "body", "easy_read", "language", NULL });
      pl_record_form_set_label (PL_RECORD_FORM (form), "body", pl_section_kind_title (kind));
      /* Shown in easy read in place of the words above; never made from them */
      pl_record_form_set_label (PL_RECORD_FORM (form), "easy_read",
                                _("The same in easy read, written with the person: one idea a line (optional)"));
      /* Read aloud in it: a Welsh plan with a part the person wanted in
       * English, say */
      pl_record_form_set_label (PL_RECORD_FORM (form), "language",
                                _("Language of this part, if not the person’s (like cy or en-GB)"));
      gtk_widget_set_name (form, pl_section_kind_nicks[kind]);
    }
}

static gpointer
find_by_id (GPtrArray *records,
            gint64     id,
            guint     *out_index)
{
  for (guint i = 0; records != NULL && i < records->len; i++)
    if (PL_RECORD_ID (g_ptr_array_index (records, i)) == id)
      {
        if (out_index != NULL)
          *out_index = i;
        return g_ptr_array_index (records, i);
      }
  return NULL;
}

/* Which item of which list a button is about */
typedef struct
{
  PlPlanEditor *self;
  PlPlanPart    part;
  gint64        id;
} ItemRef;

static gboolean
find_item (ItemRef  *ref,
           guint    *out_index)
{
  return find_by_id (pl_plan_editor_content (ref->self)->parts[ref->part], ref->id, out_index) != NULL;
}

static void
renumber (GPtrArray          *records,
          const PlRecordType *type)
{
  const PlField *position = pl_record_type_find_field (type, "position");

  for (guint i = 0; i < records->len; i++)
    *PL_FIELD_PTR (g_ptr_array_index (records, i), position, int) = (int) i + 1;
}

static void
structure_changed (PlPlanEditor *self,
                   const char   *anchor)
{
  set_anchor (self, anchor);
  content_changed (self, NULL, NULL);
  pl_plan_editor_rebuild_form (self);
}

static void
move_clicked_cb (GtkButton *button,
                 ItemRef   *ref)
{
  PlPlanEditor *self = ref->self;
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  GPtrArray *records = pl_plan_editor_content (self)->parts[ref->part];
  guint index, other;
  gpointer tmp;

  if (!find_item (ref, &index))
    return;
  if ((delta < 0 && index == 0) || (delta > 0 && index + 1 >= records->len))
    return;
  other = index + delta;

  tmp = records->pdata[index];
  records->pdata[index] = records->pdata[other];
  records->pdata[other] = tmp;
  renumber (records, pl_plan_part_type (ref->part));
  structure_changed (self, part_info[self->part].anchor);
}

static void
remove_clicked_cb (GtkButton *button,
                   ItemRef   *ref)
{
  PlPlanEditor *self = ref->self;

  /* Asks first, in the same place, so a slip of a key loses nothing */
  g_free (self->confirming);
  self->confirming = g_strdup_printf ("%d:%" G_GINT64_FORMAT, ref->part, ref->id);
  pl_plan_editor_rebuild_form (self);
}

static void
remove_confirmed_cb (GtkButton *button,
                     ItemRef   *ref)
{
  PlPlanEditor *self = ref->self;
  guint index;

  g_clear_pointer (&self->confirming, g_free);
  if (!find_item (ref, &index))
    return;
  g_ptr_array_remove_index (pl_plan_editor_content (self)->parts[ref->part], index);
  structure_changed (self, part_info[self->part].anchor);
}

static void
remove_cancelled_cb (GtkButton *button,
                     ItemRef   *ref)
{
  g_clear_pointer (&ref->self->confirming, g_free);
  pl_plan_editor_rebuild_form (ref->self);
}

static void
add_clicked_cb (PlPlanEditor *self)
{
  PlPlanPart part = part_info[self->part].plan_part;
  const PlRecordType *type = pl_plan_part_type (part);
  GPtrArray *records = pl_plan_editor_content (self)->parts[part];
  const PlField *position = pl_record_type_find_field (type, "position");
  const PlField *parent = pl_record_type_find_field (type, type->parent);
  gpointer record = pl_record_new (type);
  g_autofree char *anchor = NULL;
  int last = 0;

  for (guint i = 0; i < records->len; i++)
    last = MAX (last, *PL_FIELD_PTR (g_ptr_array_index (records, i), position, int));

  PL_RECORD_ID (record) = pl_edit_session_take_new_id (self->session);
  *PL_FIELD_PTR (record, parent, gint64) = pl_plan_editor_content (self)->plan->id;
  *PL_FIELD_PTR (record, position, int) = last + 1;
  if (type == &pl_visit_type)
    ((PlVisit *) record)->duration = 30;   /* NG21 1.4.2 */
  g_ptr_array_add (records, record);

  anchor = pl_plan_anchor_for (type, record);
  structure_changed (self, anchor);
}

static GtkWidget *
item_button (const char *label,
             const char *accessible,
             const char *name,
             GCallback   callback,
             ItemRef    *ref)
{
  GtkWidget *button = pl_widget_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect_data (button, "clicked", callback, ref, NULL, 0);
  return button;
}

static char *
item_summary (const PlRecordType *type,
              gconstpointer       record)
{
  const char *text = NULL;

  if (type == &pl_outcome_type)
    text = ((const PlOutcome *) record)->outcome;
  else if (type == &pl_visit_type)
    return g_strdup_printf ("%s %s", pl_weekday_label (((const PlVisit *) record)->weekday),
                            ((const PlVisit *) record)->start_time != NULL ? ((const PlVisit *) record)->start_time : "");
  else if (type == &pl_medicine_type)
    text = ((const PlMedicine *) record)->name;
  else if (type == &pl_risk_type)
    text = ((const PlRisk *) record)->activity;
  return g_strdup (pl_text_is_blank (text) ? _("(not written yet)") : text);
}

/* "Outcome 2 of 3", with literal formats so the compiler checks them */
static char *
item_title (EditorPart part,
            guint      n,
            guint      of)
{
  switch (part)
    {
    case PART_OUTCOMES:
      return g_strdup_printf (_("Outcome %u of %u"), n, of);
    case PART_VISITS:
      return g_strdup_printf (_("Visit %u of %u"), n, of);
    case PART_MEDICINES:
      return g_strdup_printf (_("Medicine %u of %u"), n, of);
    case PART_RISKS:
      return g_strdup_printf (_("Risk %u of %u"), n, of);
    case PART_ABOUT_ME:
    case PART_PEOPLE:
    case PART_COORDINATOR:
    case N_PARTS:
    default:
      return g_strdup_printf ("%u", n);
    }
}

static void
build_list (PlPlanEditor *self)
{
  PlPlanPart part = part_info[self->part].plan_part;
  const PlRecordType *type = pl_plan_part_type (part);
  GPtrArray *records = pl_plan_editor_content (self)->parts[part];
  gboolean editable = pl_plan_editor_editable (self);

  if (records->len == 0)
    gtk_box_append (GTK_BOX (self->form_box), pl_plan_editor_heading (_("There is nothing in this part yet."), "body"));

  for (guint i = 0; i < records->len; i++)
    {
      gpointer record = g_ptr_array_index (records, i);
      ItemRef *ref = g_new0 (ItemRef, 1);
      g_autofree char *title = item_title (self->part, i + 1, records->len);
      g_autofree char *summary = item_summary (type, record);
      g_autofree char *title_full = g_strdup_printf ("%s: %s", title, summary);
      g_autofree char *key = g_strdup_printf ("%d:%" G_GINT64_FORMAT, part, PL_RECORD_ID (record));
      g_autofree char *name = g_strdup_printf ("item-%u", i);
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *card_heading, *form;
      g_autofree char *up = NULL, *down = NULL, *remove = NULL;

      ref->self = self;
      ref->part = part;
      ref->id = PL_RECORD_ID (record);
      g_object_set_data_full (G_OBJECT (card), "item-ref", ref, g_free);
      gtk_widget_set_name (card, name);
      gtk_widget_add_css_class (card, "card");
      gtk_widget_set_margin_top (card, 4);

      card_heading = pl_plan_editor_heading (title_full, "title-4");
      gtk_box_append (GTK_BOX (card), card_heading);
      form = add_form (self, card, type, record, NULL);
      /* The heading follows what is typed (form_changed_cb) */
      g_object_set_data (G_OBJECT (form), "item-heading", card_heading);
      g_object_set_data_full (G_OBJECT (form), "item-title", g_strdup (title), g_free);

      if (editable)
        {
          up = g_strdup_printf (_("Move %s up"), title);
          down = g_strdup_printf (_("Move %s down"), title);
          remove = g_strdup_printf (_("Remove %s"), title);
          if (g_strcmp0 (self->confirming, key) == 0)
            {
              g_autofree char *ask = g_strdup_printf (_("Remove %s from the plan? You can undo this."), title);
              GtkWidget *question = pl_plan_editor_heading (ask, "heading");

              gtk_box_append (GTK_BOX (buttons), question);
              gtk_box_append (GTK_BOX (buttons),
                              item_button (_("_Remove"), remove, "confirm-remove-button",
                                           G_CALLBACK (remove_confirmed_cb), ref));
              gtk_box_append (GTK_BOX (buttons),
                              item_button (_("_Keep it"), _("Keep it"), "keep-button",
                                           G_CALLBACK (remove_cancelled_cb), ref));
            }
          else
            {
              GtkWidget *button;

              /* Visits come in the order of the week, so only other lists are moved */
              if (type != &pl_visit_type)
                {
                  button = item_button (_("Move up"), up, "up-button", G_CALLBACK (move_clicked_cb), ref);
                  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (-1));
                  gtk_widget_set_sensitive (button, i > 0);
                  gtk_box_append (GTK_BOX (buttons), button);
                  button = item_button (_("Move down"), down, "down-button", G_CALLBACK (move_clicked_cb), ref);
                  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (1));
                  gtk_widget_set_sensitive (button, i + 1 < records->len);
                  gtk_box_append (GTK_BOX (buttons), button);
                }
              gtk_box_append (GTK_BOX (buttons),
                              item_button (_("Remove…"), remove, "remove-button",
                                           G_CALLBACK (remove_clicked_cb), ref));
            }
          gtk_box_append (GTK_BOX (card), buttons);
        }
      else
        g_object_unref (g_object_ref_sink (buttons));

      gtk_box_append (GTK_BOX (self->form_box), card);
    }

  if (editable)
    {
      GtkWidget *add = pl_widget_button_new_with_mnemonic (_(part_info[self->part].add));

      gtk_widget_set_name (add, "add-button");
      gtk_widget_set_halign (add, GTK_ALIGN_START);
      g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_clicked_cb), self);
      gtk_box_append (GTK_BOX (self->form_box), add);
    }
}

static void
fill_coordinator_choices (PlPlanEditor *self,
                          PlRecordForm *form)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->contacts->len; i++)
    {
      const PlContact *contact = g_ptr_array_index (self->contacts, i);

      if (contact->id <= 0)
        continue;
      g_array_append_val (ids, contact->id);
      g_ptr_array_add (labels, g_strdup_printf ("%s (%s)", contact->name,
                                                pl_contact_role_label (contact->role)));
    }
  g_ptr_array_add (labels, NULL);
  pl_record_form_set_ref_choices (form, "coordinator_id", ids->len, (const gint64 *) (gpointer) ids->data,
                                  (const char * const *) labels->pdata);
}

static void
build_coordinator (PlPlanEditor *self)
{
  GtkWidget *form;

  /* NG21 1.3.6: a named coordinator, chosen among the people involved */
  gtk_box_append (GTK_BOX (self->form_box),
                  pl_plan_editor_heading (_("Choose the coordinator from the people involved. Add them under "
                             "“People involved” first if they are not there."), "body"));
  form = add_form (self, self->form_box, &pl_plan_type, pl_plan_editor_content (self)->plan, plan_fields);
  fill_coordinator_choices (self, PL_RECORD_FORM (form));
}

void
pl_plan_editor_rebuild_form (PlPlanEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->form_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->form_box), child);
  g_ptr_array_set_size (self->pending, 0);

  if (pl_plan_editor_content (self) == NULL)
    return;

  gtk_box_append (GTK_BOX (self->form_box), pl_plan_editor_heading (_(part_info[self->part].title), "title-2"));
  switch (self->part)
    {
    case PART_ABOUT_ME:
      build_about_me (self);
      break;
    case PART_OUTCOMES:
    case PART_VISITS:
    case PART_MEDICINES:
    case PART_RISKS:
      build_list (self);
      break;
    case PART_PEOPLE:
      pl_plan_editor_build_people (self);
      break;
    case PART_COORDINATOR:
      build_coordinator (self);
      break;
    case N_PARTS:
    default:
      g_assert_not_reached ();
    }
}

static void
part_selected_cb (PlPlanEditor  *self,
                  GtkListBoxRow *row)
{
  if (row == NULL)
    return;
  self->part = (EditorPart) gtk_list_box_row_get_index (row);
  g_clear_pointer (&self->confirming, g_free);
  set_anchor (self, part_info[self->part].anchor);
  pl_plan_editor_rebuild_form (self);
}

/* Public */

PlPlanEditor *
pl_plan_editor_new (void)
{
  return g_object_new (PL_TYPE_PLAN_EDITOR, NULL);
}

const PlPlanContent *
pl_plan_editor_get_content (PlPlanEditor *self)
{
  g_return_val_if_fail (PL_IS_PLAN_EDITOR (self), NULL);
  return pl_plan_editor_content (self);
}

const char *
pl_plan_editor_get_anchor (PlPlanEditor *self)
{
  g_return_val_if_fail (PL_IS_PLAN_EDITOR (self), NULL);
  return self->anchor;
}

static void
pl_plan_editor_dispose (GObject *object)
{
  PlPlanEditor *self = PL_PLAN_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_PLAN_EDITOR);

  G_OBJECT_CLASS (pl_plan_editor_parent_class)->dispose (object);
}

static void
pl_plan_editor_finalize (GObject *object)
{
  PlPlanEditor *self = PL_PLAN_EDITOR (object);

  g_clear_pointer (&self->staff, pl_staff_free);
  g_clear_object (&self->session);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->anchor, g_free);
  g_clear_pointer (&self->confirming, g_free);

  G_OBJECT_CLASS (pl_plan_editor_parent_class)->finalize (object);
}

static void
pl_plan_editor_class_init (PlPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_plan_editor_dispose;
  object_class->finalize = pl_plan_editor_finalize;

  signals[SIGNAL_CONTENT_CHANGED] =
    g_signal_new ("content-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (PL_TYPE_PLAIN_WORDS_PANE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/plainly/Plainly/ui/pl-plan-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PlPlanEditor, toolbar);
  gtk_widget_class_bind_template_child (widget_class, PlPlanEditor, undo_button);
  gtk_widget_class_bind_template_child (widget_class, PlPlanEditor, redo_button);
  gtk_widget_class_bind_template_child (widget_class, PlPlanEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, PlPlanEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, PlPlanEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, PlPlanEditor, readonly_label);
  gtk_widget_class_bind_template_child (widget_class, PlPlanEditor, drafts_box);
  gtk_widget_class_bind_template_child (widget_class, PlPlanEditor, drafts_label);
  gtk_widget_class_bind_template_child (widget_class, PlPlanEditor, no_plan_box);
  gtk_widget_class_bind_template_child (widget_class, PlPlanEditor, start_button);
  gtk_widget_class_bind_template_child (widget_class, PlPlanEditor, main_box);
  gtk_widget_class_bind_template_child (widget_class, PlPlanEditor, parts_list);
  gtk_widget_class_bind_template_child (widget_class, PlPlanEditor, form_box);
  gtk_widget_class_bind_template_child (widget_class, PlPlanEditor, plain_words);
  gtk_widget_class_bind_template_callback (widget_class, carry_on_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, throw_away_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, pictures_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, translation_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, part_selected_cb);

  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_cb);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, redo_cb);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "editor.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "planeditor");
}

static void
pl_plan_editor_init (PlPlanEditor *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Plain words about the box of the form being written in */
  pl_plain_words_pane_follow (PL_PLAIN_WORDS_PANE (self->plain_words), self->form_box);
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);

  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_plan_section_free);
  self->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_contact_free);

  for (guint i = 0; i < N_PARTS; i++)
    {
      GtkWidget *label = gtk_label_new (_(part_info[i].title));
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_widget_set_name (row, part_info[i].anchor);
      gtk_list_box_append (GTK_LIST_BOX (self->parts_list), row);
    }
  gtk_list_box_select_row (GTK_LIST_BOX (self->parts_list),
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->parts_list), 0));
  update_buttons (self);
}

void
pl_plan_editor_set_hint_voice (PlPlanEditor *self,
                               PlVoice      *voice)
{
  g_return_if_fail (PL_IS_PLAN_EDITOR (self));

  pl_plain_words_pane_set_voice (PL_PLAIN_WORDS_PANE (self->plain_words), voice);
}
