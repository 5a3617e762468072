/* pl-complaint-desk.c: staff see, acknowledge and answer complaints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NG21 1.4.5-1.4.6: a complaint is acknowledged, answered in writing by the
 * date due, and can be taken further. Each step goes through pl-complaint.c,
 * which keeps the timeline the person reads; this page shows staff where
 * each one is up to, in words, and what the rules refused.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-actor.h"
#include "pl-complaint.h"
#include "pl-complaint-desk-private.h"
#include "pl-document.h"
#include "pl-plain-words-pane.h"
#include "pl-service-response.h"
#include "pl-staff.h"
#include "pl-widget-util.h"

typedef enum
{
  NOTE_NONE,
  NOTE_ACKNOWLEDGE,
  NOTE_RESPOND,
  NOTE_ESCALATE,
  NOTE_CLOSE,
} NoteFor;

struct _PlComplaintDesk
{
  GtkWidget          parent_instance;

  GtkWidget         *layout;   /* the desk and the plain words beside it */
  GtkWidget         *scroller;
  GtkWidget         *read_only_note;
  GtkLabel          *message;
  GtkWidget         *empty_label;
  GtkListBox        *list;
  GtkLabel          *detail_heading;
  GtkWidget         *detail;
  GtkWidget         *fields;
  GtkWidget         *timeline;
  GtkWidget         *actions;
  GtkWidget         *acknowledge_button;
  GtkWidget         *respond_button;
  GtkWidget         *escalate_button;
  GtkWidget         *close_button;
  GtkWidget         *publish_button;
  GtkWidget         *note_box;
  GtkLabel          *note_label;
  GtkTextView       *note_view;
  GtkButton         *note_confirm;
  PlResponsesEditor *responses;
  PlPlainWordsPane  *plain_words;

  PlStore           *store;
  PlStaff           *staff;
  gint64             selected;   /* the complaint shown, 0 for none */
  NoteFor            note_for;
  gboolean           filling;    /* the list is being rebuilt, not chosen from */
};

G_DEFINE_FINAL_TYPE (PlComplaintDesk, pl_complaint_desk, GTK_TYPE_WIDGET)

static gboolean
may_act (PlComplaintDesk *self)
{
  return self->staff != NULL && pl_staff_can (self->staff, PL_STAFF_ACTION_EDIT_COMPLAINTS);
}

static void
show_message (PlComplaintDesk *self,
              const char      *text)
{
  pl_widget_set_message (self->message, text);
}

static gint64
widget_id (gpointer widget)
{
  const gint64 *id = g_object_get_data (G_OBJECT (widget), "pl-complaint-id");

  return id != NULL ? *id : 0;
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Still waiting for an answer past the date one was due. Compliments need
 * none; an escalated complaint still does. */
static gboolean
is_overdue (const PlComplaint *complaint,
            const char        *today)
{
  return complaint->kind != PL_FEEDBACK_COMPLIMENT &&
         (complaint->status == PL_COMPLAINT_RECEIVED ||
          complaint->status == PL_COMPLAINT_ACKNOWLEDGED ||
          complaint->status == PL_COMPLAINT_ESCALATED) &&
         !pl_text_is_blank (complaint->response_due) &&
         g_strcmp0 (complaint->response_due, today) < 0;
}

static char *
due_text (const PlComplaint *complaint,
          const char        *today)
{
  g_autofree char *due = NULL;

  if (complaint->kind == PL_FEEDBACK_COMPLIMENT || pl_text_is_blank (complaint->response_due) ||
      complaint->status == PL_COMPLAINT_RESPONDED || complaint->status == PL_COMPLAINT_CLOSED)
    return NULL;

  due = pl_date_to_words (complaint->response_due);
  if (is_overdue (complaint, today))
    /* Translators: %s is a date in words; said in words, never by colour alone */
    return g_strdup_printf (_("Overdue: the answer was due by %s"), due);
  /* Translators: %s is a date in words */
  return g_strdup_printf (_("Answer due by %s"), due);
}

static char *
kind_and_reference (const PlComplaint *complaint)
{
  /* Translators: "Complaint C-2026-0007" */
  return g_strdup_printf (_("%s %s"), pl_feedback_kind_label (complaint->kind),
                          complaint->reference != NULL ? complaint->reference : "");
}

static const char *
person_name (GHashTable *names,
             gint64      person_id)
{
  const char *name = g_hash_table_lookup (names, &person_id);

  return name != NULL ? name : _("Someone no longer on the records");
}

static GtkWidget *
make_row (const PlComplaint *complaint,
          const char        *name,
          const char        *today)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *title = kind_and_reference (complaint);
  /* Translators: %s is the name the person likes to be called */
  g_autofree char *from = g_strdup_printf (_("From %s"), name);
  g_autofree char *status = g_strdup_printf (_("Where it is up to: %s"),
                                             pl_complaint_status_label (complaint->status));
  g_autofree char *due = due_text (complaint, today);
  GtkWidget *mark;
  gint64 id = complaint->id;

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), wrapped_label (title, "heading"));
  gtk_box_append (GTK_BOX (box), wrapped_label (from, NULL));
  gtk_box_append (GTK_BOX (box), wrapped_label (status, NULL));
  if (due != NULL)
    gtk_box_append (GTK_BOX (box), wrapped_label (due, is_overdue (complaint, today) ? "error" : NULL));

  mark = wrapped_label (_("Shown below"), "heading");
  gtk_widget_set_visible (mark, FALSE);
  gtk_box_append (GTK_BOX (box), mark);
  g_object_set_data (G_OBJECT (row), "pl-chosen-mark", mark);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_size_request (row, -1, 44);
  g_object_set_data_full (G_OBJECT (row), "pl-complaint-id", g_memdup2 (&id, sizeof id), g_free);
  return row;
}

/* When it was sent: its "received" event. The store lists by created_at,
 * when the person began the draft, which may be days earlier. */
static char *
sent_at (PlStore           *store,
         const PlComplaint *complaint)
{
  g_autoptr(GPtrArray) events = pl_store_list_complaint_events (store, complaint->id, NULL);

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      const PlComplaintEvent *event = g_ptr_array_index (events, i);

      if (event->status == PL_COMPLAINT_RECEIVED && event->at != NULL)
        return g_strdup (event->at);
    }
  return g_strdup (complaint->created_at);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  GHashTable *sent = user_data;
  const PlComplaint *x = *(PlComplaint * const *) a;
  const PlComplaint *y = *(PlComplaint * const *) b;
  int by_date = g_strcmp0 (g_hash_table_lookup (sent, &y->id), g_hash_table_lookup (sent, &x->id));

  if (by_date != 0)
    return by_date;
  return (y->id > x->id) - (y->id < x->id);
}

static GHashTable *
load_names (PlStore  *store,
            GError  **error)
{
  g_autoptr(GPtrArray) people = pl_store_list_people (store, 0, error);
  GHashTable *names;

  if (people == NULL)
    return NULL;

  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < people->len; i++)
    {
      const PlPerson *person = g_ptr_array_index (people, i);

      /* NG86 1.4.2: the name the person likes to be called */
      g_hash_table_insert (names, g_memdup2 (&person->id, sizeof person->id),
                           g_strdup (!pl_text_is_blank (person->preferred_name)
                                     ? person->preferred_name : person->full_name));
    }
  return names;
}

static void show_detail (PlComplaintDesk *self);

/* Moving through the list with the keyboard must not change what is shown
 * below it, or Tab could never reach the buttons for the one chosen: a row
 * is chosen by Enter or a click (row-activated), and marked in words. */
static void
mark_chosen (PlComplaintDesk *self,
             GtkListBoxRow   *chosen)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *mark;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      mark = g_object_get_data (G_OBJECT (row), "pl-chosen-mark");
      gtk_widget_set_visible (mark, row == GTK_WIDGET (chosen));
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED,
                                   row == GTK_WIDGET (chosen), -1);
    }
}

void
pl_complaint_desk_reload (PlComplaintDesk *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) complaints = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autofree char *today = today_iso ();
  GtkWidget *child;
  GtkListBoxRow *keep = NULL;
  guint n_shown = 0;
  gint64 focused;

  g_return_if_fail (PL_IS_COMPLAINT_DESK (self));

  focused = pl_widget_list_get_focused_id (self->list, "pl-complaint-id");
  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (self->store != NULL)
    {
      complaints = pl_store_list_complaints (self->store, 0, &error);
      if (complaints != NULL)
        names = load_names (self->store, &error);
    }
  if (error != NULL)
    show_message (self, error->message);

  if (complaints != NULL && names != NULL)
    {
      g_autoptr(GHashTable) sent = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);

      for (guint i = 0; i < complaints->len; i++)
        {
          const PlComplaint *complaint = g_ptr_array_index (complaints, i);

          g_hash_table_insert (sent, (gpointer) &complaint->id, sent_at (self->store, complaint));
        }
      g_ptr_array_sort_with_data (complaints, compare_newest_first, sent);
      for (guint i = 0; i < complaints->len; i++)
        {
          const PlComplaint *complaint = g_ptr_array_index (complaints, i);
          GtkWidget *row;

          /* Drafts are the person's own until they send them */
          if (complaint->status == PL_COMPLAINT_DRAFT)
            continue;
          row = make_row (complaint, person_name (names, complaint->person_id), today);
          gtk_list_box_append (self->list, row);
          if (complaint->id == self->selected)
            keep = GTK_LIST_BOX_ROW (row);
          n_shown++;
        }
    }

  gtk_widget_set_visible (self->empty_label, n_shown == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), n_shown > 0);
  if (keep != NULL)
    mark_chosen (self, keep);
  else
    self->selected = 0;
  pl_widget_list_focus_id (self->list, "pl-complaint-id", focused);
  self->filling = FALSE;
  show_detail (self);
}

static void
add_field (PlComplaintDesk *self,
           const char      *label,
           const char      *text)
{
  g_autofree char *line = NULL;

  if (pl_text_is_blank (text))
    return;
  /* Translators: "What happened: Nobody came on Tuesday" */
  line = g_strdup_printf (_("%s: %s"), label, text);
  gtk_box_append (GTK_BOX (self->fields), wrapped_label (line, NULL));
}

static void
close_note (PlComplaintDesk *self)
{
  self->note_for = NOTE_NONE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  gtk_widget_set_visible (self->note_box, FALSE);
}

static void
set_actions (PlComplaintDesk   *self,
             const PlComplaint *complaint)
{
  PlComplaintStatus s = complaint->status;

  /* The same steps pl-complaint.c allows, so a refused button is not offered */
  gtk_widget_set_sensitive (self->acknowledge_button, s == PL_COMPLAINT_RECEIVED);
  gtk_widget_set_sensitive (self->respond_button, s != PL_COMPLAINT_CLOSED);
  gtk_widget_set_sensitive (self->escalate_button,
                            s == PL_COMPLAINT_RECEIVED || s == PL_COMPLAINT_ACKNOWLEDGED ||
                            s == PL_COMPLAINT_RESPONDED);
  gtk_widget_set_sensitive (self->close_button, s != PL_COMPLAINT_CLOSED);
  gtk_widget_set_visible (self->actions, may_act (self));
  gtk_widget_set_visible (self->publish_button,
                          may_act (self) && complaint->kind != PL_FEEDBACK_COMPLIMENT);
}

static void
show_detail (PlComplaintDesk *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlComplaint) complaint = NULL;
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *title = NULL;
  g_autofree char *today = today_iso ();
  g_autofree char *due = NULL;

  clear_box (self->fields);
  clear_box (self->timeline);

  if (self->selected == 0 || self->store == NULL)
    {
      gtk_label_set_label (self->detail_heading, _("Choose one from the list to read it."));
      gtk_widget_set_visible (self->detail, FALSE);
      close_note (self);
      return;
    }

  complaint = pl_store_load_complaint (self->store, self->selected, &error);
  if (complaint != NULL)
    person = pl_store_load_person (self->store, complaint->person_id, &error);
  /* The answer's hints for the way the person reads it */
  if (person != NULL)
    pl_plain_words_pane_set_reader (self->plain_words, self->store, person->id);
  if (person != NULL)
    events = pl_store_list_complaint_events (self->store, complaint->id, &error);
  if (events == NULL)
    {
      show_message (self, error->message);
      gtk_widget_set_visible (self->detail, FALSE);
      return;
    }

  title = kind_and_reference (complaint);
  gtk_label_set_label (self->detail_heading, title);

  add_field (self, _("From"), !pl_text_is_blank (person->preferred_name) ? person->preferred_name
                                                                          : person->full_name);
  add_field (self, _("Where it is up to"), pl_complaint_status_label (complaint->status));
  due = due_text (complaint, today);
  if (due != NULL)
    gtk_box_append (GTK_BOX (self->fields),
                    wrapped_label (due, is_overdue (complaint, today) ? "error" : NULL));
  add_field (self, _("What happened"), complaint->what_happened);
  add_field (self, _("When it happened"), complaint->when_happened);
  add_field (self, _("Who was involved"), complaint->who_involved);
  add_field (self, _("What would put it right"), complaint->put_right);
  add_field (self, _("How they want to hear back"), complaint->reply_method);
  add_field (self, _("Who helped them write it"), complaint->helped_by);

  for (guint i = 0; i < events->len; i++)
    {
      const PlComplaintEvent *event = g_ptr_array_index (events, i);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *when = NULL;
      g_autofree char *day = g_strndup (event->at != NULL ? event->at : "", 10);

      when = pl_date_to_words (day);
      /* Translators: "Monday 16 November 2026: Acknowledged" */
      g_string_append_printf (text, _("%s: %s"), when, pl_complaint_status_label (event->status));
      if (!pl_text_is_blank (event->note))
        g_string_append_printf (text, "\n%s", event->note);
      if (!pl_text_is_blank (event->actor))
        {
          g_string_append_c (text, '\n');
          /* Translators: %s is who did it */
          g_string_append_printf (text, _("By %s"), event->actor);
        }
      gtk_box_append (GTK_BOX (self->timeline), wrapped_label (text->str, NULL));
    }

  set_actions (self, complaint);
  gtk_widget_set_visible (self->detail, TRUE);
}

static void
row_activated_cb (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  PlComplaintDesk *self)
{
  if (self->filling)
    return;

  self->selected = row != NULL ? widget_id (row) : 0;
  mark_chosen (self, row);
  close_note (self);
  show_message (self, NULL);
  show_detail (self);
}

static void
open_note (PlComplaintDesk *self,
           NoteFor          note_for)
{
  const char *label = NULL;
  const char *confirm = NULL;

  if (!may_act (self) || self->selected == 0)
    return;

  switch (note_for)
    {
    case NOTE_ACKNOWLEDGE:
      label = _("A _note for the timeline, if you like: for example, how you told them you have it");
      confirm = _("Ac_knowledge it");
      break;
    case NOTE_RESPOND:
      label = _("_The answer. The person reads these words with their complaint.");
      confirm = _("_Send the answer");
      break;
    case NOTE_ESCALATE:
      /* NG21 1.4.6: the commissioner, then the Ombudsman */
      label = _("_Who it is passed to, and why. The person reads this.");
      confirm = _("Escalate _it");
      break;
    case NOTE_CLOSE:
      label = _("_Why it is closed, if you like. The person reads this.");
      confirm = _("Close _it");
      break;
    case NOTE_NONE:
    default:
      close_note (self);
      return;
    }

  self->note_for = note_for;
  gtk_label_set_text_with_mnemonic (self->note_label, label);
  gtk_button_set_label (self->note_confirm, confirm);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  gtk_widget_set_visible (self->note_box, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

static void
acknowledge_clicked_cb (PlComplaintDesk *self)
{
  open_note (self, NOTE_ACKNOWLEDGE);
}

static void
respond_clicked_cb (PlComplaintDesk *self)
{
  open_note (self, NOTE_RESPOND);
}

static void
escalate_clicked_cb (PlComplaintDesk *self)
{
  open_note (self, NOTE_ESCALATE);
}

static void
close_clicked_cb (PlComplaintDesk *self)
{
  open_note (self, NOTE_CLOSE);
}

static void
note_cancel_clicked_cb (PlComplaintDesk *self)
{
  close_note (self);
  gtk_widget_grab_focus (self->acknowledge_button);
}

static void
note_confirm_clicked_cb (PlComplaintDesk *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *history_actor = NULL;
  g_autofree char *old_actor = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  const char *done = NULL;
  gboolean ok = FALSE;

  if (!may_act (self) || self->selected == 0 || self->store == NULL || self->note_for == NOTE_NONE)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  /* The store's history keeps who changed the complaint; the timeline the
   * person reads says it in words, as they were when it happened */
  history_actor = pl_actor_for_staff (self->staff);
  actor = pl_actor_describe (self->store, history_actor);
  old_actor = g_strdup (pl_store_get_actor (self->store));
  pl_store_set_actor (self->store, history_actor);

  switch (self->note_for)
    {
    case NOTE_ACKNOWLEDGE:
      ok = pl_complaint_acknowledge (self->store, self->selected, actor,
                                     *note != '\0' ? note : NULL, NULL, &error);
      done = _("Acknowledged. The person can see this on their timeline.");
      break;
    case NOTE_RESPOND:
      ok = pl_complaint_respond (self->store, self->selected, actor, note, NULL, &error);
      done = _("The answer is sent. The person reads it with their complaint.");
      break;
    case NOTE_ESCALATE:
      ok = pl_complaint_escalate (self->store, self->selected, actor,
                                  *note != '\0' ? note : NULL, NULL, &error);
      done = _("Escalated. The person can see this on their timeline.");
      break;
    case NOTE_CLOSE:
      ok = pl_complaint_close (self->store, self->selected, actor,
                               *note != '\0' ? note : NULL, NULL, &error);
      done = _("Closed.");
      break;
    case NOTE_NONE:
    default:
      break;
    }
  pl_store_set_actor (self->store, old_actor);

  if (!ok)
    {
      show_message (self, error->message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_view),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
      gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
      return;
    }

  close_note (self);
  pl_complaint_desk_reload (self);
  show_message (self, done);
  /* Back to the list row, so the keyboard is where the next choice is made */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && widget_id (row) == self->selected)
      gtk_widget_grab_focus (row);
}

static void
publish_clicked_cb (PlComplaintDesk *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlServiceResponse) response = NULL;

  if (!may_act (self) || self->selected == 0)
    return;

  response = pl_service_response_from_complaint (self->store, self->selected, &error);
  if (response == NULL)
    {
      show_message (self, error->message);
      return;
    }
  /* NG86 1.6.11: shared with everyone, so staff reword it before publishing */
  show_message (self, _("Below, change the words so that no one can tell who said it, then save."));
  pl_responses_editor_start (self->responses, response);
}

void
pl_complaint_desk_set_context (PlComplaintDesk *self,
                               PlStore         *store,
                               const PlStaff   *staff)
{
  g_return_if_fail (PL_IS_COMPLAINT_DESK (self));
  g_return_if_fail (store != NULL);
  g_return_if_fail (staff != NULL);

  self->store = store;
  g_clear_pointer (&self->staff, pl_staff_free);
  self->staff = pl_staff_copy (staff);
  self->selected = 0;

  gtk_widget_set_visible (self->read_only_note, !may_act (self));
  show_message (self, NULL);
  close_note (self);
  pl_responses_editor_set_context (self->responses, store, staff, 0);
  pl_complaint_desk_reload (self);
}

gboolean
pl_complaint_desk_select (PlComplaintDesk *self,
                          gint64           complaint_id)
{
  g_return_val_if_fail (PL_IS_COMPLAINT_DESK (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && widget_id (row) == complaint_id)
        {
          row_activated_cb (self->list, GTK_LIST_BOX_ROW (row), self);
          return TRUE;
        }
    }
  return FALSE;
}

gint64
pl_complaint_desk_get_selected (PlComplaintDesk *self)
{
  g_return_val_if_fail (PL_IS_COMPLAINT_DESK (self), 0);

  return self->selected;
}

const char *
pl_complaint_desk_get_message (PlComplaintDesk *self)
{
  g_return_val_if_fail (PL_IS_COMPLAINT_DESK (self), NULL);

  return pl_widget_get_message (self->message);
}

PlResponsesEditor *
pl_complaint_desk_get_responses_editor (PlComplaintDesk *self)
{
  g_return_val_if_fail (PL_IS_COMPLAINT_DESK (self), NULL);

  return self->responses;
}

static void
pl_complaint_desk_dispose (GObject *object)
{
  PlComplaintDesk *self = PL_COMPLAINT_DESK (object);

  /* Removing the rows selects none: nothing is left to show it in */
  self->filling = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_COMPLAINT_DESK);
  g_clear_pointer (&self->staff, pl_staff_free);

  G_OBJECT_CLASS (pl_complaint_desk_parent_class)->dispose (object);
}

static void
pl_complaint_desk_class_init (PlComplaintDeskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_complaint_desk_dispose;

  g_type_ensure (PL_TYPE_RESPONSES_EDITOR);
  g_type_ensure (PL_TYPE_PLAIN_WORDS_PANE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/plainly/Plainly/ui/pl-complaint-desk.ui");
  gtk_widget_class_bind_template_child (widget_class, PlComplaintDesk, layout);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintDesk, scroller);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintDesk, plain_words);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintDesk, read_only_note);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintDesk, message);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintDesk, empty_label);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintDesk, list);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintDesk, detail_heading);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintDesk, detail);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintDesk, fields);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintDesk, timeline);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintDesk, actions);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintDesk, acknowledge_button);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintDesk, respond_button);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintDesk, escalate_button);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintDesk, close_button);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintDesk, publish_button);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintDesk, note_box);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintDesk, note_label);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintDesk, note_view);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintDesk, note_confirm);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintDesk, responses);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, acknowledge_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, respond_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, escalate_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, publish_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_cancel_clicked_cb);
}

static void
pl_complaint_desk_init (PlComplaintDesk *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The answer and the notes the person reads, and "You said, we did" */
  pl_plain_words_pane_follow (self->plain_words, self->scroller);
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
}

PlComplaintDesk *
pl_complaint_desk_new (void)
{
  return g_object_new (PL_TYPE_COMPLAINT_DESK, NULL);
}
