/* pl-diary-desk.c: staff write and find care diary entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A care worker writes an entry for each visit (NG21 1.3.22-1.3.24). The
 * entry in the form is a PlEditSession's: what is typed is kept as a draft on
 * every change, so a crash loses nothing, and an entry never saved is
 * offered back the next time the desk opens. A late or
 * missed visit asks what was done about it (NG21 1.4.12-1.4.15). Under each
 * entry staff read what the person and their carers said about it.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-diary.h"
#include "pl-diary-desk-private.h"
#include "pl-document.h"
#include "pl-edit-session.h"
#include "pl-staff.h"
#include "pl-widget-util.h"

/* Enough for a few weeks of visits; search finds older ones */
#define LIST_LIMIT 60

struct _PlDiaryDesk
{
  GtkWidget       parent_instance;

  GtkWidget      *scroller;
  GtkWidget      *draft_box;
  GtkLabel       *draft_label;
  GtkWidget      *restore_button;
  GtkLabel       *message;
  GtkWidget      *form;
  GtkLabel       *form_heading;
  GtkWidget      *date_row;
  GtkWidget      *planned_row;
  AdwComboRow    *outcome_row;
  GtkWidget      *arrived_row;
  GtkWidget      *left_row;
  GtkWidget      *worker_row;
  GtkWidget      *action_box;
  GtkTextView    *action_view;
  GtkTextView    *what_done_view;
  GtkTextView    *how_view;
  GtkTextView    *follow_up_view;
  GtkWidget      *save_button;
  GtkSearchEntry *search_entry;
  GtkLabel       *list_status;
  GtkListBox     *entries_list;

  PlStore        *store;      /* borrowed */
  PlStaff        *staff;
  gint64          person_id;
  PlPerson       *person;     /* whose diary, to tell their own comments apart */
  PlEditSession  *session;    /* the entry in the form, and its draft */
  gboolean        loading;    /* filling the form: not typing */
};

G_DEFINE_FINAL_TYPE (PlDiaryDesk, pl_diary_desk, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (PlDiaryDesk *self,
              const char  *text)
{
  pl_widget_set_message (self->message, text);
}

static void
show_error (PlDiaryDesk  *self,
            const char   *prefix,
            const GError *error)
{
  g_autofree char *text = g_strdup_printf ("%s %s", prefix, error->message);

  show_message (self, text);
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_buffer_text (GtkTextView *view,
                 const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static char *
row_text (GtkWidget *row)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
set_row_text (GtkWidget  *row,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static PlVisitOutcome
current_outcome (PlDiaryDesk *self)
{
  guint selected = adw_combo_row_get_selected (self->outcome_row);

  return selected <= PL_VISIT_CANCELLED ? (PlVisitOutcome) selected : PL_VISIT_COMPLETED;
}

static gboolean
outcome_needs_action (PlVisitOutcome outcome)
{
  return outcome == PL_VISIT_LATE || outcome == PL_VISIT_MISSED;
}

static gboolean
outcome_has_times (PlVisitOutcome outcome)
{
  return outcome == PL_VISIT_COMPLETED || outcome == PL_VISIT_LATE;
}

/* Only what is shown is kept: times of a visit nobody came to, or the
 * follow-up of one that was on time, stay out of the record */
static void
update_visible_fields (PlDiaryDesk *self)
{
  PlVisitOutcome outcome = current_outcome (self);

  gtk_widget_set_visible (self->action_box, outcome_needs_action (outcome));
  gtk_widget_set_visible (self->arrived_row, outcome_has_times (outcome));
  gtk_widget_set_visible (self->left_row, outcome_has_times (outcome));
}

/* The saved entry being changed, or NULL for a new one */
static const PlDiaryEntry *
editing (PlDiaryDesk *self)
{
  const PlDiaryEntry *saved = self->session != NULL ? pl_edit_session_get_saved (self->session) : NULL;

  return saved != NULL && saved->id != 0 ? saved : NULL;
}

/* What the form holds now, into the entry */
static void
form_to_entry (PlDiaryDesk  *self,
               PlDiaryEntry *entry)
{
  PlVisitOutcome outcome = current_outcome (self);

  entry->person_id = self->person_id;
#define TAKE(field, value) G_STMT_START { g_free (entry->field); entry->field = (value); } G_STMT_END
  TAKE (visit_date, row_text (self->date_row));
  TAKE (planned_time, row_text (self->planned_row));
  TAKE (arrived, outcome_has_times (outcome) ? row_text (self->arrived_row) : NULL);
  TAKE (departed, outcome_has_times (outcome) ? row_text (self->left_row) : NULL);
  TAKE (worker, row_text (self->worker_row));
  TAKE (what_done, buffer_text (self->what_done_view));
  TAKE (how_i_was, buffer_text (self->how_view));
  TAKE (follow_up, buffer_text (self->follow_up_view));
  TAKE (action_taken, outcome_needs_action (outcome) ? buffer_text (self->action_view) : NULL);
#undef TAKE
  entry->outcome = outcome;
}

static void
update_form_heading (PlDiaryDesk *self)
{
  g_autofree char *text = NULL;

  if (editing (self) == NULL)
    {
      gtk_label_set_label (self->form_heading, _("Write about a visit"));
      return;
    }

  {
    g_autofree char *date = pl_date_to_words (editing (self)->visit_date);

    /* Translators: %s is the date of the visit, in words */
    text = g_strdup_printf (_("Change the entry for the visit on %s"), date);
    gtk_label_set_label (self->form_heading, text);
  }
}

static void
fill_form (PlDiaryDesk        *self,
           const PlDiaryEntry *entry)
{
  self->loading = TRUE;
  set_row_text (self->date_row, entry->visit_date);
  set_row_text (self->planned_row, entry->planned_time);
  adw_combo_row_set_selected (self->outcome_row, (guint) entry->outcome);
  set_row_text (self->arrived_row, entry->arrived);
  set_row_text (self->left_row, entry->departed);
  set_row_text (self->worker_row, entry->worker);
  set_buffer_text (self->what_done_view, entry->what_done);
  set_buffer_text (self->how_view, entry->how_i_was);
  set_buffer_text (self->follow_up_view, entry->follow_up);
  set_buffer_text (self->action_view, entry->action_taken);
  update_visible_fields (self);
  self->loading = FALSE;
}

static void offer_draft (PlDiaryDesk *self);

/* The session's entry in the form, or what it holds as saved while drafts
 * from before are offered back */
static void
show_entry (PlDiaryDesk *self)
{
  fill_form (self, pl_edit_session_get_content (self->session));
  update_form_heading (self);
  offer_draft (self);
}

/* A new entry: today, on time, written by whoever is signed in */
static void
reset_form (PlDiaryDesk *self)
{
  g_autoptr(GError) error = NULL;
  PlDiaryEntry *entry = pl_diary_entry_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  entry->person_id = self->person_id;
  entry->visit_date = g_date_time_format (now, "%Y-%m-%d");
  entry->outcome = PL_VISIT_COMPLETED;
  entry->worker = g_strdup (self->staff != NULL ? self->staff->display_name : NULL);
  if (!pl_edit_session_load_new (self->session, entry, &error))
    {
      show_error (self, _("Entries that were not saved could not be looked for:"), error);
      return;
    }
  show_entry (self);
}

/* Every change is kept at once: a crash loses at most the key being pressed.
 * field: the one typed into, so typing on in it is one step for Undo. */
static void
save_draft (PlDiaryDesk *self,
            const char  *field)
{
  g_autoptr(GError) error = NULL;
  PlDiaryEntry *entry;

  if (self->loading || self->session == NULL || !pl_edit_session_is_loaded (self->session) ||
      pl_edit_session_has_recovered_draft (self->session))
    return;

  entry = pl_edit_session_get_content (self->session);
  form_to_entry (self, entry);
  if (!pl_edit_session_changed (self->session, entry, field, &error))
    show_error (self, _("What you are typing could not be kept:"), error);
}

static void
field_changed_cb (PlDiaryDesk *self,
                  GtkWidget   *row)
{
  save_draft (self, gtk_widget_get_name (row));
}

static void
outcome_changed_cb (PlDiaryDesk *self)
{
  update_visible_fields (self);
  /* A choice is a step of its own */
  save_draft (self, NULL);
}

static gboolean
may_write (PlDiaryDesk *self)
{
  return self->staff != NULL && pl_staff_can (self->staff, PL_STAFF_ACTION_WRITE_DIARY);
}

/* Undo and Redo can be pressed only when there is a step to take, and not
 * while an entry from before waits for an answer */
static void
update_undo_actions (PlDiaryDesk *self)
{
  gboolean active = self->session != NULL && may_write (self) &&
                    pl_edit_session_is_loaded (self->session) &&
                    !pl_edit_session_has_recovered_draft (self->session);

  pl_widget_update_undo_actions (GTK_WIDGET (self), "diary", self->session, active);
}

static void
undo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  PlDiaryDesk *self = PL_DIARY_DESK (widget);
  g_autoptr(GError) error = NULL;
  gboolean undo = g_str_equal (action_name, "diary.undo");

  if (self->session == NULL || !may_write (self) || !pl_edit_session_is_loaded (self->session) ||
      pl_edit_session_has_recovered_draft (self->session) ||
      !(undo ? pl_edit_session_can_undo (self->session) : pl_edit_session_can_redo (self->session)))
    return;
  if (!(undo ? pl_edit_session_undo (self->session, &error)
             : pl_edit_session_redo (self->session, &error)))
    {
      show_error (self, _("That step could not be brought back:"), error);
      return;
    }
  /* The session's entry is a new one: the form shows it */
  fill_form (self, pl_edit_session_get_content (self->session));
  update_undo_actions (self);
}

/* The field a rule is about, to take the care worker straight to it */
static GtkWidget *
field_for_error (PlDiaryDesk  *self,
                 const GError *error)
{
  if (error->domain != PL_DIARY_ERROR)
    return NULL;

  switch ((PlDiaryError) error->code)
    {
    case PL_DIARY_ERROR_BAD_DATE:
      return self->date_row;
    case PL_DIARY_ERROR_BAD_PLANNED:
    case PL_DIARY_ERROR_NEEDS_PLANNED:
      return self->planned_row;
    case PL_DIARY_ERROR_BAD_ARRIVED:
      return self->arrived_row;
    case PL_DIARY_ERROR_BAD_LEFT:
      return self->left_row;
    case PL_DIARY_ERROR_NEEDS_ACTION:
      return GTK_WIDGET (self->action_view);
    case PL_DIARY_ERROR_NO_PERSON:
    case PL_DIARY_ERROR_NO_AUTHOR:
    case PL_DIARY_ERROR_NO_BODY:
    default:
      return NULL;
    }
}

/* Text of one entry in the list: what staff scan for */
static char *
entry_summary (const PlDiaryEntry *entry)
{
  g_autofree char *date = pl_date_to_words (entry->visit_date);
  const char *outcome = pl_visit_outcome_label (entry->outcome);

  if (entry->planned_time != NULL && *entry->planned_time != '\0')
    /* Translators: a diary entry in the staff list: "Monday 23 November 2026, 08:00: Visit was late" */
    return g_strdup_printf (_("%s, %s: %s"), date, entry->planned_time, outcome);
  /* Translators: a diary entry in the staff list: "Monday 23 November 2026: Visit was late" */
  return g_strdup_printf (_("%s: %s"), date, outcome);
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
entry_row_new (PlDiaryDesk        *self,
               const PlDiaryEntry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *summary = entry_summary (entry);
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GError) error = NULL;
  GString *spoken = g_string_new (summary);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), wrapped_label (summary, "heading"));

  if (entry->worker != NULL)
    {
      /* Translators: who came to the visit */
      g_autofree char *who = g_strdup_printf (_("Care worker: %s"), entry->worker);

      gtk_box_append (GTK_BOX (box), wrapped_label (who, NULL));
    }
  if (entry->what_done != NULL)
    gtk_box_append (GTK_BOX (box), wrapped_label (entry->what_done, NULL));
  if (entry->action_taken != NULL)
    {
      /* Translators: what was done about a late or missed visit */
      g_autofree char *action = g_strdup_printf (_("What was done about it: %s"), entry->action_taken);

      gtk_box_append (GTK_BOX (box), wrapped_label (action, NULL));
    }
  if (entry->follow_up != NULL)
    {
      /* Translators: something to follow up after a visit */
      g_autofree char *follow = g_strdup_printf (_("To follow up: %s"), entry->follow_up);

      gtk_box_append (GTK_BOX (box), wrapped_label (follow, NULL));
    }

  /* What the person and their carers said (NG21 1.3.22) */
  comments = pl_diary_list_comments (self->store, entry->id, &error);
  for (guint i = 0; comments != NULL && i < comments->len; i++)
    {
      const PlDiaryComment *comment = g_ptr_array_index (comments, i);
      g_autofree char *text = NULL;
      GtkWidget *label;

      if (self->person != NULL && pl_diary_comment_is_persons (comment, self->person))
        /* Translators: the person's own comment on a diary entry, with their name */
        text = g_strdup_printf (_("Comment from %s (the person): %s"), comment->author, comment->body);
      else if (comment->carer_id != 0)
        /* Translators: a carer's comment on a diary entry, with the name they signed */
        text = g_strdup_printf (_("Comment from %s (carer): %s"), comment->author, comment->body);
      else
        /* Translators: a comment on a diary entry, with the name it was signed with */
        text = g_strdup_printf (_("Comment from %s: %s"), comment->author, comment->body);
      label = wrapped_label (text, "pl-diary-comment");
      gtk_widget_set_margin_start (label, 18);
      gtk_box_append (GTK_BOX (box), label);
    }
  if (comments != NULL && comments->len > 0)
    {
      g_string_append (spoken, ". ");
      g_string_append_printf (spoken,
                              /* Translators: how many comments the person and carers wrote */
                              ngettext ("%u comment", "%u comments", comments->len),
                              comments->len);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "entry-id", g_memdup2 (&entry->id, sizeof entry->id), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken->str,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Press Enter to change this entry."),
                                  -1);
  g_string_free (spoken, TRUE);
  return row;
}

static void
reload_list (PlDiaryDesk *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  const char *words;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->entries_list))) != NULL)
    gtk_list_box_remove (self->entries_list, child);

  if (self->store == NULL || self->person_id == 0)
    return;

  words = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (pl_text_is_blank (words))
    entries = pl_store_recent_diary (self->store, self->person_id, LIST_LIMIT, &error);
  else
    entries = pl_store_search_diary (self->store, self->person_id, words, LIST_LIMIT, &error);

  if (entries == NULL)
    {
      show_error (self, _("The diary could not be read:"), error);
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->entries_list, entry_row_new (self, g_ptr_array_index (entries, i)));

  gtk_widget_set_visible (GTK_WIDGET (self->entries_list), entries->len > 0);
  if (entries->len == 0)
    {
      g_autofree char *text = NULL;

      if (pl_text_is_blank (words))
        text = g_strdup (_("No visits have been written in the diary yet."));
      else
        /* Translators: %s is what was searched for */
        text = g_strdup_printf (_("No entries have the words “%s”."), words);
      gtk_label_set_label (self->list_status, text);
    }
  else if (!pl_text_is_blank (words))
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u entry found.", "%u entries found.",
                                                         entries->len),
                                               entries->len);

      gtk_label_set_label (self->list_status, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list_status),
                          entries->len == 0 || !pl_text_is_blank (words));
}

static void
search_changed_cb (PlDiaryDesk *self)
{
  reload_list (self);
}

void
pl_diary_desk_reload (PlDiaryDesk *self)
{
  gint64 focused;

  g_return_if_fail (PL_IS_DIARY_DESK (self));

  focused = pl_widget_list_get_focused_id (self->entries_list, "entry-id");
  reload_list (self);
  pl_widget_list_focus_id (self->entries_list, "entry-id", focused);
}

static void
save_clicked_cb (PlDiaryDesk *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *field;
  gint64 id = 0;

  if (self->store == NULL || self->person_id == 0 || !pl_edit_session_is_loaded (self->session) ||
      pl_edit_session_has_recovered_draft (self->session))
    return;
  if (!may_write (self))
    {
      show_message (self, _("Your account cannot write in the care diary. Ask a manager if it should."));
      return;
    }

  /* Checked, saved and its draft ended, together or not at all */
  form_to_entry (self, pl_edit_session_get_content (self->session));
  if (!pl_edit_session_save (self->session, NULL, &id, &error))
    {
      if (error->domain == PL_DIARY_ERROR)
        show_error (self, _("This entry is not saved yet."), error);
      else
        show_error (self, _("The entry could not be saved:"), error);
      field = field_for_error (self, error);
      if (field != NULL)
        gtk_widget_grab_focus (field);
      return;
    }

  reset_form (self);
  reload_list (self);
  show_message (self, _("Saved. The person can read this entry in their care diary now."));
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id);
  gtk_widget_grab_focus (self->date_row);
}

static void
clear_clicked_cb (PlDiaryDesk *self)
{
  g_autoptr(GError) error = NULL;

  /* Asked for in so many words: what was typed goes too */
  if (pl_edit_session_is_loaded (self->session) && !pl_edit_session_discard (self->session, &error))
    show_error (self, _("What was typed could not be thrown away:"), error);
  else
    show_message (self, NULL);
  reset_form (self);
  gtk_widget_grab_focus (self->date_row);
}

gboolean
pl_diary_desk_edit_entry (PlDiaryDesk *self,
                          gint64       entry_id)
{
  g_autoptr(PlDiaryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PL_IS_DIARY_DESK (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  entry = pl_store_load_diary_entry (self->store, entry_id, &error);
  if (entry == NULL || entry->person_id != self->person_id ||
      !pl_edit_session_load (self->session, entry_id, NULL))
    {
      show_message (self, _("That entry could not be opened."));
      return FALSE;
    }

  /* Changes typed to this entry before, and never saved, come back with it */
  if (pl_edit_session_has_recovered_draft (self->session))
    pl_edit_session_restore_draft (self->session);

  show_entry (self);
  show_message (self, NULL);
  gtk_widget_grab_focus (self->date_row);
  return TRUE;
}

static void
row_activated_cb (PlDiaryDesk   *self,
                  GtkListBoxRow *row)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), "entry-id");

  if (id != NULL)
    pl_diary_desk_edit_entry (self, *id);
}

static void
hide_offer (PlDiaryDesk *self)
{
  gtk_widget_set_visible (self->draft_box, FALSE);
  gtk_widget_set_sensitive (self->form, TRUE);
}

static void
restore_clicked_cb (PlDiaryDesk *self)
{
  if (!pl_edit_session_has_recovered_draft (self->session))
    return;

  pl_edit_session_restore_draft (self->session);
  show_entry (self);
  show_message (self, _("Here is what was typed before. Check it, then save it."));
  gtk_widget_grab_focus (self->date_row);
}

static void
discard_clicked_cb (PlDiaryDesk *self)
{
  g_autoptr(GError) error = NULL;

  if (!pl_edit_session_discard (self->session, &error))
    {
      hide_offer (self);
      show_error (self, _("The entry that was not saved could not be thrown away:"), error);
      return;
    }
  show_message (self, NULL);
  /* The form goes back to a new entry, which may have its own draft to offer */
  reset_form (self);
  gtk_widget_grab_focus (self->date_row);
}

/* An entry this member of staff typed and never saved is offered back, and
 * the form waits until they choose, so typing cannot write over it */
static void
offer_draft (PlDiaryDesk *self)
{
  const PlDiaryEntry *entry;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  if (!pl_edit_session_has_recovered_draft (self->session))
    {
      hide_offer (self);
      return;
    }

  entry = pl_edit_session_get_recovered_content (self->session);
  date = pl_date_to_words (entry->visit_date != NULL ? entry->visit_date : "");
  if (editing (self) != NULL)
    /* Translators: %s is the date of the visit, in words */
    text = g_strdup_printf (_("Changes to the entry for the visit on %s were typed but not saved. "
                              "Would you like to carry on with them?"), date);
  else if (*date != '\0')
    /* Translators: %s is the date of the visit, in words */
    text = g_strdup_printf (_("An entry for the visit on %s was typed but not saved. "
                              "Would you like to carry on writing it?"), date);
  else
    text = g_strdup (_("A diary entry was typed but not saved. "
                       "Would you like to carry on writing it?"));

  gtk_label_set_label (self->draft_label, text);
  gtk_widget_set_visible (self->draft_box, TRUE);
  gtk_widget_set_sensitive (self->form, FALSE);
}

/* The newest entry this member of staff left unsaved, or a new one */
static void
open_first_entry (PlDiaryDesk *self)
{
  g_autoptr(GError) error = NULL;
  gint64 entry_id = 0;

  if (pl_edit_session_find_draft (&pl_edit_kind_diary_entry, self->store, self->staff->id,
                                  self->person_id, &entry_id, &error) &&
      entry_id != 0 && pl_edit_session_load (self->session, entry_id, NULL))
    {
      show_entry (self);
      return;
    }
  if (error != NULL && !g_error_matches (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND))
    show_error (self, _("Entries that were not saved could not be looked for:"), error);
  reset_form (self);
}

void
pl_diary_desk_set_context (PlDiaryDesk   *self,
                           PlStore       *store,
                           const PlStaff *staff,
                           gint64         person_id)
{
  g_return_if_fail (PL_IS_DIARY_DESK (self));
  g_return_if_fail (store != NULL);
  g_return_if_fail (staff != NULL);

  self->store = store;
  g_clear_pointer (&self->staff, pl_staff_free);
  self->staff = pl_staff_copy (staff);
  self->person_id = person_id;
  g_clear_pointer (&self->person, pl_person_free);
  self->person = pl_store_load_person (store, person_id, NULL);

  g_clear_object (&self->session);
  self->session = pl_edit_session_new (&pl_edit_kind_diary_entry, store, staff->id, person_id);
  g_signal_connect_object (self->session, "changed", G_CALLBACK (update_undo_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::can-undo", G_CALLBACK (update_undo_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::can-redo", G_CALLBACK (update_undo_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::has-recovered-draft",
                           G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);

  show_message (self, NULL);
  open_first_entry (self);
  gtk_widget_set_sensitive (self->save_button, may_write (self));
  if (!may_write (self))
    show_message (self, _("Your account can read the care diary but not write in it."));
  reload_list (self);
  update_undo_actions (self);
}

const char *
pl_diary_desk_get_message (PlDiaryDesk *self)
{
  g_return_val_if_fail (PL_IS_DIARY_DESK (self), NULL);

  return pl_widget_get_message (self->message);
}

static void
pl_diary_desk_dispose (GObject *object)
{
  PlDiaryDesk *self = PL_DIARY_DESK (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_DIARY_DESK);
  g_clear_pointer (&self->staff, pl_staff_free);
  g_clear_object (&self->session);
  g_clear_pointer (&self->person, pl_person_free);

  G_OBJECT_CLASS (pl_diary_desk_parent_class)->dispose (object);
}

static void
pl_diary_desk_class_init (PlDiaryDeskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_diary_desk_dispose;

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               PL_RESOURCE_BASE "/ui/pl-diary-desk.ui");
  gtk_widget_class_bind_template_child (widget_class, PlDiaryDesk, scroller);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryDesk, draft_box);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryDesk, draft_label);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryDesk, restore_button);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryDesk, message);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryDesk, form);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryDesk, form_heading);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryDesk, date_row);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryDesk, planned_row);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryDesk, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryDesk, arrived_row);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryDesk, left_row);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryDesk, worker_row);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryDesk, action_box);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryDesk, action_view);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryDesk, what_done_view);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryDesk, how_view);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryDesk, follow_up_view);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryDesk, save_button);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryDesk, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryDesk, list_status);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryDesk, entries_list);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, outcome_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, restore_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, discard_clicked_cb);

  gtk_widget_class_install_action (widget_class, "diary.undo", NULL, undo_cb);
  gtk_widget_class_install_action (widget_class, "diary.redo", NULL, undo_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "diary.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "diary.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "diary.redo", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
changed_cb (GtkTextBuffer *buffer,
            PlDiaryDesk   *self)
{
  save_draft (self, g_object_get_data (G_OBJECT (buffer), "pl-field"));
}

static void
pl_diary_desk_init (PlDiaryDesk *self)
{
  GtkTextView *views[4];
  GtkWidget *rows[5];

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Undo is the desk's, over the whole entry */
  rows[0] = self->date_row;
  rows[1] = self->planned_row;
  rows[2] = self->arrived_row;
  rows[3] = self->left_row;
  rows[4] = self->worker_row;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    pl_widget_leave_undo_to_editor (rows[i]);

  views[0] = self->action_view;
  views[1] = self->what_done_view;
  views[2] = self->how_view;
  views[3] = self->follow_up_view;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (views[i]);

      pl_widget_leave_undo_to_editor (GTK_WIDGET (views[i]));
      g_object_set_data_full (G_OBJECT (buffer), "pl-field",
                              g_strdup (gtk_widget_get_name (GTK_WIDGET (views[i]))), g_free);
      g_signal_connect_object (buffer, "changed", G_CALLBACK (changed_cb), self, 0);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diary.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diary.redo", FALSE);
}

PlDiaryDesk *
pl_diary_desk_new (void)
{
  return g_object_new (PL_TYPE_DIARY_DESK, NULL);
}
