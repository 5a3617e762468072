/* pl-plan-editor.c: the staff screen for editing a person's care and support plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan being edited lives in memory as a PlPlanContent. After every
 * edit, undo or redo the drafts in the store are brought in step with it
 * (one small transaction each), so nothing typed is lost if the app stops,
 * and the next time this member of staff opens the person's plan the
 * drafts are offered back. Save turns the drafts into one new version
 * (pl_plan_save_drafts_as_version). Undo and Redo work over the whole plan
 * with snapshots as JSON. New parts have negative ids until they are saved.
 *
 * Contacts belong to the person, not to a version of the plan: they are
 * saved straight through the store, with their own Save button.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <stdlib.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "pl-draft.h"
#include "pl-plan-editor.h"
#include "pl-widget-util.h"
#include "pl-record-form.h"
#include "pl-record-json.h"
#include "pl-staff.h"

/* A pause this long in typing ends one undo step */
#define STEP_PAUSE_USEC (2 * G_USEC_PER_SEC)

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

static const char * const contact_fields[] = {
  "name", "role", "relationship", "organisation", "phone", "email", "address", "notes", NULL
};

struct _PlPlanEditor
{
  GtkWidget      parent_instance;

  GtkWidget     *toolbar;
  GtkWidget     *undo_button;
  GtkWidget     *redo_button;
  GtkWidget     *save_button;
  GtkWidget     *status_label;
  GtkWidget     *message_label;
  GtkWidget     *readonly_label;
  GtkWidget     *drafts_box;
  GtkWidget     *drafts_label;
  GtkWidget     *no_plan_box;
  GtkWidget     *start_button;
  GtkWidget     *main_box;
  GtkWidget     *parts_list;
  GtkWidget     *form_box;

  PlStore       *store;          /* borrowed */
  PlStaff       *staff;
  gint64         person_id;
  gboolean       can_edit;
  gboolean       offering;       /* drafts offered back, not yet answered */

  PlPlanContent *saved;          /* the plan as the store has it */
  PlPlanContent *content;        /* as on screen */
  char          *current_json;   /* content as JSON: the snapshot for undo */
  char          *saved_json;     /* saved as JSON: unchanged while equal */
  GPtrArray     *undo;           /* (element-type utf8) snapshots before each step */
  GPtrArray     *redo;
  gpointer       last_record;    /* typing in the same field is one step */
  const char    *last_field;
  gint64         last_edit;      /* monotonic µs */
  gint64         next_new_id;    /* negative: parts not saved yet */
  GPtrArray     *contacts;       /* (element-type PlContact) */
  GPtrArray     *pending;        /* About me sections not written yet (element-type PlPlanSection) */
  EditorPart     part;
  char          *anchor;
  char          *confirming;     /* "table:id" of the item asking "Remove?" */
};

G_DEFINE_FINAL_TYPE (PlPlanEditor, pl_plan_editor, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_CONTENT_CHANGED,
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild_form (PlPlanEditor *self);

/* Messages */

static void
show_message (PlPlanEditor *self,
              const char   *text)
{
  gtk_label_set_text (GTK_LABEL (self->message_label), text != NULL ? text : "");
  gtk_widget_set_visible (self->message_label, text != NULL);
}

static void
show_error (PlPlanEditor *self,
            const char   *what,
            const GError *error)
{
  g_autofree char *text = NULL;

  /* Said in words, with what is still safe, never by colour alone */
  text = g_strdup_printf (_("Problem: %s %s"), what, error->message);
  show_message (self, text);
}

static char *
actor (PlPlanEditor *self)
{
  return g_strdup_printf ("%s (%s)", self->staff->display_name,
                          pl_staff_role_label (self->staff->role));
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
  gboolean active = self->can_edit && self->content != NULL && !self->offering;
  gboolean dirty = active && g_strcmp0 (self->current_json, self->saved_json) != 0;
  const char *status;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", active && self->undo->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.redo", active && self->redo->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", dirty);
  gtk_widget_set_visible (self->toolbar, self->can_edit && self->content != NULL);

  if (!active)
    status = NULL;
  else if (dirty)
    status = _("Changes are kept as you type. Save makes a new version of the plan.");
  else
    status = _("No changes yet.");
  gtk_label_set_text (GTK_LABEL (self->status_label), status != NULL ? status : "");
}

/* Drafts in step with what is on screen */

static gboolean
is_plan_table (const char *table)
{
  if (g_strcmp0 (table, pl_plan_type.table) == 0)
    return TRUE;
  for (guint i = 0; i < PL_PLAN_N_PARTS; i++)
    if (g_strcmp0 (table, pl_plan_part_type (i)->table) == 0)
      return TRUE;
  return FALSE;
}

static GPtrArray *
plan_drafts (PlPlanEditor  *self,
             GError       **error)
{
  GPtrArray *drafts = pl_draft_list_for (self->store, self->staff->id, self->person_id, error);

  if (drafts == NULL)
    return NULL;
  for (guint i = drafts->len; i > 0; i--)
    if (!is_plan_table (((PlDraft *) g_ptr_array_index (drafts, i - 1))->table_name))
      g_ptr_array_remove_index (drafts, i - 1);
  return drafts;
}

static gboolean
records_differ (const PlRecordType *type,
                gconstpointer       a,
                gconstpointer       b)
{
  for (guint i = 0; i < type->n_fields; i++)
    if ((type->fields[i].flags & PL_FIELD_FLAG_AUTO) == 0 && !pl_field_equal (&type->fields[i], a, b))
      return TRUE;
  return FALSE;
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

static PlDraft *
take_matching (GPtrArray          *drafts,
               const PlRecordType *type,
               gint64              record_id,
               const char         *new_key)
{
  for (guint i = 0; i < drafts->len; i++)
    {
      PlDraft *draft = g_ptr_array_index (drafts, i);

      if (g_strcmp0 (draft->table_name, type->table) == 0 && draft->record_id == record_id &&
          (record_id != 0 || g_strcmp0 (draft->new_key, new_key) == 0))
        return g_ptr_array_steal_index (drafts, i);
    }
  return NULL;
}

/* Saves a draft of record unless the same draft is there already */
static gboolean
keep_draft (PlPlanEditor       *self,
            GPtrArray          *drafts,
            const PlRecordType *type,
            gconstpointer       record,
            GError            **error)
{
  gint64 id = PL_RECORD_ID (record);
  g_autofree char *new_key = id < 0 ? g_strdup_printf ("new%" G_GINT64_FORMAT, id) : NULL;
  g_autoptr(PlDraft) existing = take_matching (drafts, type, MAX (id, 0), new_key);
  g_autofree char *json = NULL;
  gpointer copy;
  gboolean ok;

  copy = pl_record_copy (type, record);
  if (id < 0)
    PL_RECORD_ID (copy) = 0;
  json = pl_record_to_json (type, copy);
  if (existing != NULL && !pl_draft_is_removal (existing) && g_strcmp0 (existing->content, json) == 0)
    {
      pl_record_free (type, copy);
      return TRUE;
    }
  ok = pl_draft_save (self->store, self->staff->id, self->person_id, type, copy, new_key, NULL, error);
  pl_record_free (type, copy);
  return ok;
}

static gboolean
sync_drafts (PlPlanEditor  *self,
             GError       **error)
{
  g_autoptr(GPtrArray) drafts = NULL;

  if (self->content == NULL || !self->can_edit || self->offering)
    return TRUE;

  drafts = plan_drafts (self, error);
  if (drafts == NULL)
    return FALSE;

  if (records_differ (&pl_plan_type, self->content->plan, self->saved->plan) &&
      !keep_draft (self, drafts, &pl_plan_type, self->content->plan, error))
    return FALSE;

  for (guint p = 0; p < PL_PLAN_N_PARTS; p++)
    {
      const PlRecordType *type = pl_plan_part_type (p);
      GPtrArray *now = self->content->parts[p];
      GPtrArray *was = self->saved->parts[p];

      for (guint i = 0; i < now->len; i++)
        {
          gpointer record = g_ptr_array_index (now, i);
          gpointer before = find_by_id (was, PL_RECORD_ID (record), NULL);

          if ((before == NULL || records_differ (type, record, before)) &&
              !keep_draft (self, drafts, type, record, error))
            return FALSE;
        }

      for (guint i = 0; i < was->len; i++)
        {
          gint64 id = PL_RECORD_ID (g_ptr_array_index (was, i));
          g_autoptr(PlDraft) existing = NULL;

          if (find_by_id (now, id, NULL) != NULL)
            continue;
          existing = take_matching (drafts, type, id, NULL);
          if (existing != NULL && pl_draft_is_removal (existing))
            continue;
          if (!pl_draft_save_removal (self->store, self->staff->id, self->person_id, type, id,
                                      NULL, error))
            return FALSE;
        }
    }

  /* What is left is no longer on screen (undone, or put back as it was) */
  for (guint i = 0; i < drafts->len; i++)
    if (!pl_draft_discard (self->store, ((PlDraft *) g_ptr_array_index (drafts, i))->id, error))
      return FALSE;

  return TRUE;
}

static void
keep_in_step (PlPlanEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!sync_drafts (self, &error))
    show_error (self, _("Your changes are still on screen, but they could not be kept on the disk, "
                        "so keep this window open and try again once this is put right."), error);
  else if (gtk_widget_get_visible (self->message_label) && !self->offering)
    show_message (self, NULL);
}

/* Steps, for Undo and Redo */

static void
content_changed (PlPlanEditor *self)
{
  g_free (self->current_json);
  self->current_json = pl_plan_content_to_json (self->content);
  keep_in_step (self);
  update_buttons (self);
  g_signal_emit (self, signals[SIGNAL_CONTENT_CHANGED], 0);
}

static void
begin_step (PlPlanEditor *self,
            gpointer      record,
            const char   *field)
{
  gint64 now = g_get_monotonic_time ();
  gint64 then = self->last_edit;

  self->last_edit = now;

  /* Typing on in the same field is part of the same step, until a pause */
  if (record != NULL && record == self->last_record && g_strcmp0 (field, self->last_field) == 0 &&
      now - then < STEP_PAUSE_USEC)
    return;
  g_ptr_array_add (self->undo, g_strdup (self->current_json));
  g_ptr_array_set_size (self->redo, 0);
  self->last_record = record;
  self->last_field = field;
}

static void
restore (PlPlanEditor *self,
         const char   *json)
{
  g_autoptr(GError) error = NULL;
  PlPlanContent *content = pl_plan_content_from_json (json, &error);

  if (content == NULL)
    {
      show_error (self, _("That step could not be brought back."), error);
      return;
    }
  pl_plan_content_free (self->content);
  self->content = content;
  self->last_record = NULL;
  self->last_field = NULL;
  rebuild_form (self);
  content_changed (self);
}

static void
undo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  PlPlanEditor *self = PL_PLAN_EDITOR (widget);
  g_autofree char *json = NULL;

  if (self->undo->len == 0 || !self->can_edit || self->offering)
    return;
  g_ptr_array_add (self->redo, g_strdup (self->current_json));
  json = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  restore (self, json);
}

static void
redo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  PlPlanEditor *self = PL_PLAN_EDITOR (widget);
  g_autofree char *json = NULL;

  if (self->redo->len == 0 || !self->can_edit || self->offering)
    return;
  g_ptr_array_add (self->undo, g_strdup (self->current_json));
  json = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  restore (self, json);
}

/* Loading */

static void
reset_history (PlPlanEditor *self)
{
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->last_record = NULL;
  self->last_field = NULL;
  g_free (self->current_json);
  self->current_json = self->content != NULL ? pl_plan_content_to_json (self->content) : NULL;
}

static gboolean
load_plan (PlPlanEditor  *self,
           gint64         plan_id,
           GError       **error)
{
  PlPlanContent *saved = pl_plan_content_load (self->store, plan_id, error);

  if (saved == NULL)
    return FALSE;
  g_clear_pointer (&self->saved, pl_plan_content_free);
  g_clear_pointer (&self->content, pl_plan_content_free);
  g_free (self->saved_json);
  self->saved = saved;
  self->saved_json = pl_plan_content_to_json (saved);
  self->content = pl_plan_content_from_json (self->saved_json, error);
  return self->content != NULL;
}

static gint
compare_position (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const PlRecordType *type = user_data;
  const PlField *field = pl_record_type_find_field (type, "position");
  int pa = *PL_FIELD_PTR (*(gpointer *) a, field, int);
  int pb = *PL_FIELD_PTR (*(gpointer *) b, field, int);

  return pa < pb ? -1 : pa > pb;
}

/* "Carry on": the drafts laid over the saved plan */
static gboolean
apply_drafts (PlPlanEditor  *self,
              GError       **error)
{
  g_autoptr(GPtrArray) drafts = plan_drafts (self, error);

  if (drafts == NULL)
    return FALSE;

  for (guint i = 0; i < drafts->len; i++)
    {
      const PlDraft *draft = g_ptr_array_index (drafts, i);
      const PlRecordType *type = pl_record_type_for_table (draft->table_name);
      GPtrArray *records = NULL;
      guint index = 0;

      if (type == &pl_plan_type)
        {
          /* A draft for another version's own fields has nothing to go over */
          if (draft->record_id != self->content->plan->id ||
              !pl_record_set_from_json (type, self->content->plan, draft->content, NULL))
            continue;
          self->content->plan->id = draft->record_id;
          continue;
        }

      for (guint p = 0; p < PL_PLAN_N_PARTS; p++)
        if (pl_plan_part_type (p) == type)
          records = self->content->parts[p];
      if (records == NULL)
        continue;

      if (draft->record_id != 0)
        {
          gpointer record = find_by_id (records, draft->record_id, &index);

          /* A draft for an older version of the plan has nothing to go over */
          if (record == NULL)
            continue;
          if (pl_draft_is_removal (draft))
            g_ptr_array_remove_index (records, index);
          else if (!pl_record_set_from_json (type, record, draft->content, error))
            return FALSE;
          else
            PL_RECORD_ID (record) = draft->record_id;
        }
      else
        {
          gpointer record = pl_record_new (type);
          const PlField *parent = pl_record_type_find_field (type, type->parent);
          gint64 key = 0;

          if (draft->new_key != NULL && g_str_has_prefix (draft->new_key, "new"))
            key = g_ascii_strtoll (draft->new_key + 3, NULL, 10);
          if (key >= 0 || !pl_record_set_from_json (type, record, draft->content, NULL) ||
              *PL_FIELD_PTR (record, parent, gint64) != self->content->plan->id)
            {
              pl_record_free (type, record);
              continue;
            }
          PL_RECORD_ID (record) = key;
          self->next_new_id = MIN (self->next_new_id, key - 1);
          g_ptr_array_add (records, record);
        }
    }

  for (guint p = PL_PLAN_PART_OUTCOMES; p < PL_PLAN_N_PARTS; p++)
    g_ptr_array_sort_with_data (self->content->parts[p], compare_position,
                                (gpointer) pl_plan_part_type (p));
  return TRUE;
}

static void
load_contacts (PlPlanEditor *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *contacts = pl_store_list_contacts (self->store, self->person_id, &error);

  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  if (contacts == NULL)
    {
      show_error (self, _("The people involved could not be read."), error);
      contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_contact_free);
    }
  self->contacts = contacts;
}

static void
offer_drafts (PlPlanEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = plan_drafts (self, &error);
  g_autofree char *text = NULL;
  g_autofree char *when = NULL;
  const char *newest = NULL;

  self->offering = FALSE;
  if (drafts == NULL)
    {
      show_error (self, _("Changes kept from before could not be read."), error);
      return;
    }
  if (drafts->len == 0 || !self->can_edit)
    {
      gtk_widget_set_visible (self->drafts_box, FALSE);
      return;
    }

  for (guint i = 0; i < drafts->len; i++)
    {
      const PlDraft *draft = g_ptr_array_index (drafts, i);

      if (newest == NULL || g_strcmp0 (draft->updated_at, newest) > 0)
        newest = draft->updated_at;
    }

  {
    g_autoptr(GDateTime) utc = newest != NULL ? g_date_time_new_from_iso8601 (newest, NULL) : NULL;
    g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

    /* "Monday 23 November at 14:05" */
    when = local != NULL ? g_date_time_format (local, _("%A %-d %B at %H:%M")) : g_strdup (_("an earlier day"));
  }
  text = g_strdup_printf (_("You were changing this plan on %s and did not save it. "
                            "Carry on with those changes, or throw them away?"), when);
  gtk_label_set_text (GTK_LABEL (self->drafts_label), text);
  gtk_widget_set_visible (self->drafts_box, TRUE);
  self->offering = TRUE;
}

static void
show_plan (PlPlanEditor *self)
{
  gboolean have_plan = self->content != NULL;

  gtk_widget_set_visible (self->no_plan_box, !have_plan && self->person_id != 0);
  gtk_widget_set_visible (self->start_button, self->can_edit);
  gtk_widget_set_visible (self->main_box, have_plan);
  gtk_widget_set_visible (self->readonly_label, !self->can_edit && self->staff != NULL);
  rebuild_form (self);
  update_buttons (self);
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
  self->offering = FALSE;
  self->next_new_id = -1;
  g_clear_pointer (&self->saved, pl_plan_content_free);
  g_clear_pointer (&self->content, pl_plan_content_free);
  g_clear_pointer (&self->saved_json, g_free);
  g_clear_pointer (&self->confirming, g_free);
  show_message (self, NULL);
  gtk_widget_set_visible (self->drafts_box, FALSE);

  load_contacts (self);
  plan = pl_store_current_plan (store, person_id, &error);
  if (plan == NULL && !g_error_matches (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND))
    show_error (self, _("The plan could not be read."), error);
  g_clear_error (&error);
  if (plan != NULL && !load_plan (self, plan->id, &error))
    show_error (self, _("The plan could not be read."), error);

  reset_history (self);
  if (self->content != NULL)
    offer_drafts (self);
  set_anchor (self, part_info[self->part].anchor);
  show_plan (self);
  g_signal_emit (self, signals[SIGNAL_CONTENT_CHANGED], 0);
}

static void
carry_on_clicked_cb (PlPlanEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!apply_drafts (self, &error))
    {
      show_error (self, _("The changes kept from before could not all be read."), error);
      return;
    }
  self->offering = FALSE;
  gtk_widget_set_visible (self->drafts_box, FALSE);
  reset_history (self);
  rebuild_form (self);
  content_changed (self);
}

static void
throw_away_clicked_cb (PlPlanEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = plan_drafts (self, &error);

  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    if (!pl_draft_discard (self->store, ((PlDraft *) g_ptr_array_index (drafts, i))->id, &error))
      break;
  if (error != NULL)
    {
      show_error (self, _("The changes kept from before could not be thrown away."), error);
      return;
    }
  self->offering = FALSE;
  gtk_widget_set_visible (self->drafts_box, FALSE);
  rebuild_form (self);
  update_buttons (self);
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

  who = actor (self);
  previous = g_strdup (pl_store_get_actor (self->store));
  pl_store_set_actor (self->store, who);
  ok = pl_store_save_plan (self->store, plan, &error);
  pl_store_set_actor (self->store, previous);
  if (!ok || !load_plan (self, plan->id, &error))
    {
      show_error (self, _("The new plan could not be started."), error);
      return;
    }
  reset_history (self);
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
  guint applied = 0;

  if (!self->can_edit || self->content == NULL || self->offering)
    return;

  /* Whatever is on screen goes in, even if a draft failed to save earlier */
  if (!sync_drafts (self, &error))
    {
      show_error (self, _("The plan was not saved, and your changes are still on screen."), error);
      return;
    }

  who = actor (self);
  if (!pl_plan_save_drafts_as_version (self->store, self->content->plan->id, self->staff->id, who,
                                       &new_id, &applied, &error) ||
      !load_plan (self, new_id, &error))
    {
      show_error (self, _("The plan was not saved, and your changes are still on screen."), error);
      return;
    }

  reset_history (self);
  rebuild_form (self);
  update_buttons (self);
  text = g_strdup_printf (_("Saved as version %d of the plan."), self->content->plan->version);
  show_message (self, text);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, new_id);
  g_signal_emit (self, signals[SIGNAL_CONTENT_CHANGED], 0);
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

  begin_step (self, record, field);

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

      section->id = self->next_new_id--;
      section->plan_id = self->content->plan->id;
      g_ptr_array_add (self->content->parts[PL_PLAN_PART_SECTIONS], section);
    }

  if (type == &pl_plan_type)
    anchor = g_strdup (g_strcmp0 (field, "coordinator_id") == 0 ? "coordinator" : "reviews");
  else
    anchor = pl_plan_anchor_for (type, record);
  set_anchor (self, anchor);
  content_changed (self);
}

static GtkWidget *
heading (const char *text,
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
  PlRecordForm *form = pl_record_form_new (type, record, fields, self->can_edit && !self->offering);

  g_signal_connect_object (form, "changed", G_CALLBACK (form_changed_cb), self, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form));
  return GTK_WIDGET (form);
}

static void
build_about_me (PlPlanEditor *self)
{
  GPtrArray *sections = self->content->parts[PL_PLAN_PART_SECTIONS];

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

      form = add_form (self, self->form_box, &pl_plan_section_type, section, (const char *[]) { "body", NULL });
      pl_record_form_set_label (PL_RECORD_FORM (form), "body", pl_section_kind_title (kind));
      gtk_widget_set_name (form, pl_section_kind_nicks[kind]);
    }
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
  return find_by_id (ref->self->content->parts[ref->part], ref->id, out_index) != NULL;
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
  rebuild_form (self);
  content_changed (self);
}

static void
move_clicked_cb (GtkButton *button,
                 ItemRef   *ref)
{
  PlPlanEditor *self = ref->self;
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  GPtrArray *records = self->content->parts[ref->part];
  guint index, other;
  gpointer tmp;

  if (!find_item (ref, &index))
    return;
  if ((delta < 0 && index == 0) || (delta > 0 && index + 1 >= records->len))
    return;
  other = index + delta;

  begin_step (self, NULL, NULL);
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
  rebuild_form (self);
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
  begin_step (self, NULL, NULL);
  g_ptr_array_remove_index (self->content->parts[ref->part], index);
  structure_changed (self, part_info[self->part].anchor);
}

static void
remove_cancelled_cb (GtkButton *button,
                     ItemRef   *ref)
{
  g_clear_pointer (&ref->self->confirming, g_free);
  rebuild_form (ref->self);
}

static void
add_clicked_cb (PlPlanEditor *self)
{
  PlPlanPart part = part_info[self->part].plan_part;
  const PlRecordType *type = pl_plan_part_type (part);
  GPtrArray *records = self->content->parts[part];
  const PlField *position = pl_record_type_find_field (type, "position");
  const PlField *parent = pl_record_type_find_field (type, type->parent);
  gpointer record = pl_record_new (type);
  g_autofree char *anchor = NULL;
  int last = 0;

  for (guint i = 0; i < records->len; i++)
    last = MAX (last, *PL_FIELD_PTR (g_ptr_array_index (records, i), position, int));

  begin_step (self, NULL, NULL);
  PL_RECORD_ID (record) = self->next_new_id--;
  *PL_FIELD_PTR (record, parent, gint64) = self->content->plan->id;
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
  GPtrArray *records = self->content->parts[part];
  gboolean editable = self->can_edit && !self->offering;

  if (records->len == 0)
    gtk_box_append (GTK_BOX (self->form_box), heading (_("There is nothing in this part yet."), "body"));

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

      card_heading = heading (title_full, "title-4");
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
              GtkWidget *question = heading (ask, "heading");

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
                  heading (_("Choose the coordinator from the people involved. Add them under "
                             "“People involved” first if they are not there."), "body"));
  form = add_form (self, self->form_box, &pl_plan_type, self->content->plan, plan_fields);
  fill_coordinator_choices (self, PL_RECORD_FORM (form));
}

/* People involved: saved straight through the store */

static void
sharing_toggled_cb (GtkCheckButton *check,
                    PlPlanEditor   *self)
{
  const PlContact *contact = g_object_get_data (G_OBJECT (check), "contact");
  PlSharingScope scope = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "scope"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sharings = pl_store_list_sharings (self->store, contact->id, &error);
  g_autofree char *who = actor (self);
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
    show_error (self, _("What this person may see was not changed."), error);
}

static void
contact_save_clicked_cb (GtkButton    *button,
                         PlPlanEditor *self)
{
  PlContact *contact = g_object_get_data (G_OBJECT (button), "contact");
  g_autoptr(GError) error = NULL;
  g_autofree char *who = actor (self);
  g_autofree char *previous = g_strdup (pl_store_get_actor (self->store));
  gboolean added = contact->id == 0;
  gboolean ok;

  contact->person_id = self->person_id;
  pl_store_set_actor (self->store, who);
  ok = pl_store_save_contact (self->store, contact, &error);
  pl_store_set_actor (self->store, previous);
  if (!ok)
    {
      show_error (self, _("This person’s details were not saved, and are still on screen."), error);
      return;
    }
  show_message (self, _("Saved this person’s details."));
  if (added)
    rebuild_form (self);
}

static void
contact_remove_clicked_cb (GtkButton    *button,
                           PlPlanEditor *self)
{
  const PlContact *contact = g_object_get_data (G_OBJECT (button), "contact");

  g_free (self->confirming);
  self->confirming = g_strdup_printf ("contact:%" G_GINT64_FORMAT, contact->id);
  rebuild_form (self);
}

static void
contact_remove_confirmed_cb (GtkButton    *button,
                             PlPlanEditor *self)
{
  const PlContact *contact = g_object_get_data (G_OBJECT (button), "contact");
  g_autoptr(GError) error = NULL;
  g_autofree char *who = actor (self);
  g_autofree char *previous = g_strdup (pl_store_get_actor (self->store));
  gint64 id = contact->id;
  gboolean ok = TRUE;

  g_clear_pointer (&self->confirming, g_free);
  if (self->content->plan->coordinator_id == id || self->saved->plan->coordinator_id == id)
    {
      show_message (self, _("This person is the named coordinator. Choose another coordinator "
                            "under “Coordinator and reviews” first."));
      rebuild_form (self);
      return;
    }
  if (id != 0)
    {
      pl_store_set_actor (self->store, who);
      ok = pl_store_delete_contact (self->store, id, &error);
      pl_store_set_actor (self->store, previous);
    }
  if (!ok)
    show_error (self, _("This person was not removed."), error);
  else
    g_ptr_array_remove (self->contacts, (gpointer) contact);
  rebuild_form (self);
}

static void
contact_cancel_clicked_cb (GtkButton    *button,
                           PlPlanEditor *self)
{
  g_clear_pointer (&self->confirming, g_free);
  rebuild_form (self);
}

static void
add_contact_clicked_cb (PlPlanEditor *self)
{
  PlContact *contact = pl_contact_new ();

  contact->person_id = self->person_id;
  contact->role = PL_CONTACT_FAMILY;
  contact->position = (int) self->contacts->len + 1;
  g_ptr_array_add (self->contacts, contact);
  rebuild_form (self);
}

static void
build_people (PlPlanEditor *self)
{
  gboolean editable = self->can_edit && !self->offering;

  /* NG86 1.1.14-1.1.15: who is involved and what each may see */
  gtk_box_append (GTK_BOX (self->form_box),
                  heading (_("The people involved belong to the person, not to one version of "
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
      gtk_box_append (GTK_BOX (card), heading (title, "title-4"));
      gtk_box_append (GTK_BOX (card), GTK_WIDGET (form));

      if (contact->id != 0)
        {
          g_autoptr(GPtrArray) sharings = pl_store_list_sharings (self->store, contact->id, NULL);
          GtkWidget *may_see = heading (_("What they may see"), "heading");
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

              gtk_box_append (GTK_BOX (buttons), heading (ask, "heading"));
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

static void
rebuild_form (PlPlanEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->form_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->form_box), child);
  g_ptr_array_set_size (self->pending, 0);

  if (self->content == NULL)
    return;

  gtk_box_append (GTK_BOX (self->form_box), heading (_(part_info[self->part].title), "title-2"));
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
      build_people (self);
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
  rebuild_form (self);
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
  return self->content;
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
  g_clear_pointer (&self->saved, pl_plan_content_free);
  g_clear_pointer (&self->content, pl_plan_content_free);
  g_clear_pointer (&self->current_json, g_free);
  g_clear_pointer (&self->saved_json, g_free);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_callback (widget_class, carry_on_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, throw_away_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);
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
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);

  self->undo = g_ptr_array_new_with_free_func (g_free);
  self->redo = g_ptr_array_new_with_free_func (g_free);
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_plan_section_free);
  self->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_contact_free);
  self->next_new_id = -1;

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
