/* pl-complaint-form-answers.c: what the person writes in the complaint form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The answers go from the widgets into the draft complaint and back, are
 * kept after a short pause in typing, are shown back on the check screen
 * ("Is this right?"), and after sending the person sees what has happened
 * since.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-complaint.h"
#include "pl-complaint-form-private.h"
#include "pl-document.h"
#include "pl-record.h"

/* A pause in typing this long saves the draft */
#define SAVE_DELAY_MS 500

/* Between the widgets and the draft */

static char *
text_view_get (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
text_view_set (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            text != NULL ? text : "", -1);
}

static char *
entry_get (GtkWidget *entry)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
entry_set (GtkWidget  *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

/* Takes value; an empty answer is kept as no answer */
static void
set_field (char **field,
           char  *value)
{
  g_free (*field);
  *field = value;
  if (pl_text_is_blank (value))
    g_clear_pointer (field, g_free);
}

GtkWidget *
pl_complaint_form_reply_check (PlComplaintForm *self,
                               PlReplyMethod    method)
{
  switch (method)
    {
    case PL_REPLY_LETTER:
      return self->reply_letter;
    case PL_REPLY_PHONE:
      return self->reply_phone;
    case PL_REPLY_IN_PERSON:
      return self->reply_in_person;
    case PL_REPLY_LARGE_PRINT:
      return self->reply_large_print;
    case PL_REPLY_AUDIO:
      return self->reply_audio;
    default:
      g_return_val_if_reached (NULL);
    }
}

static guint
reply_methods (PlComplaintForm *self)
{
  guint methods = 0;

  for (guint i = 0; i < PL_REPLY_N_METHODS; i++)
    {
      GtkWidget *check = pl_complaint_form_reply_check (self, 1u << i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        methods |= 1u << i;
    }
  return methods;
}

static void
gather (PlComplaintForm *self)
{
  PlComplaint *c = self->complaint;

  if (c == NULL || c->status != PL_COMPLAINT_DRAFT)
    return;

  set_field (&c->what_happened, text_view_get (self->what_view));
  set_field (&c->when_happened, entry_get (self->when_entry));
  set_field (&c->who_involved, entry_get (self->who_entry));
  set_field (&c->put_right, text_view_get (self->put_right_view));
  set_field (&c->reply_method, pl_reply_methods_to_text (reply_methods (self)));
  set_field (&c->helped_by, entry_get (self->helped_entry));
}

void
pl_complaint_form_update_kind_chosen (PlComplaintForm *self)
{
  g_autofree char *text = NULL;

  if (self->complaint != NULL)
    /* Translators: the kind chosen: "Complaint", "Compliment" or "Other feedback" */
    text = g_strdup_printf (_("You chose: %s."), pl_feedback_kind_label (self->complaint->kind));
  gtk_label_set_text (GTK_LABEL (self->kind_chosen), text != NULL ? text : "");
  gtk_widget_set_visible (self->kind_chosen, text != NULL);
}

void
pl_complaint_form_fill (PlComplaintForm *self)
{
  const PlComplaint *c = self->complaint;
  guint methods = c != NULL ? pl_reply_methods_from_text (c->reply_method) : 0;

  self->loading = TRUE;
  text_view_set (self->what_view, c != NULL ? c->what_happened : NULL);
  entry_set (self->when_entry, c != NULL ? c->when_happened : NULL);
  entry_set (self->who_entry, c != NULL ? c->who_involved : NULL);
  text_view_set (self->put_right_view, c != NULL ? c->put_right : NULL);
  entry_set (self->helped_entry, c != NULL ? c->helped_by : NULL);
  for (guint i = 0; i < PL_REPLY_N_METHODS; i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (pl_complaint_form_reply_check (self, 1u << i)),
                                 (methods & (1u << i)) != 0);
  pl_complaint_form_update_kind_chosen (self);
  self->loading = FALSE;
}

/* Saving */

void
pl_complaint_form_save_draft (PlComplaintForm *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_id, g_source_remove);

  if (self->store == NULL || self->complaint == NULL ||
      self->complaint->status != PL_COMPLAINT_DRAFT)
    return;

  gather (self);
  if (!pl_complaint_save_draft (self->store, self->complaint, &error))
    {
      g_autofree char *message = NULL;

      /* The words stay in the form; the person is told they are not kept yet */
      /* Translators: the reason follows */
      message = g_strdup_printf (_("What you wrote could not be kept. %s"), error->message);
      pl_complaint_form_show_message (self, message);
    }
}

static gboolean
save_timeout_cb (gpointer data)
{
  PlComplaintForm *self = data;

  self->save_id = 0;
  pl_complaint_form_save_draft (self);
  return G_SOURCE_REMOVE;
}

void
pl_complaint_form_answer_changed_cb (PlComplaintForm *self)
{
  if (self->loading || self->complaint == NULL)
    return;

  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

void
pl_complaint_form_save_now (PlComplaintForm *self)
{
  g_return_if_fail (PL_IS_COMPLAINT_FORM (self));

  pl_complaint_form_save_draft (self);
}

/* The check screen and the timeline */

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static GtkWidget *
wrapping_label (const char *text,
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
change_clicked_cb (GtkButton       *button,
                   PlComplaintForm *self)
{
  pl_complaint_form_go_to (self, g_object_get_data (G_OBJECT (button), "pl-page"));
}

char *
pl_complaint_form_answer_for (PlComplaintForm *self,
                              const char      *name)
{
  const PlComplaint *c = self->complaint;
  const char *text = NULL;

  if (g_str_equal (name, "kind"))
    return g_strdup (pl_feedback_kind_label (c->kind));
  if (g_str_equal (name, "what"))
    text = c->what_happened;
  else if (g_str_equal (name, "when"))
    text = c->when_happened;
  else if (g_str_equal (name, "who"))
    text = c->who_involved;
  else if (g_str_equal (name, "put-right"))
    text = c->put_right;
  else if (g_str_equal (name, "reply"))
    text = c->reply_method;
  else if (g_str_equal (name, "helped"))
    text = c->helped_by;

  return g_strdup (!pl_text_is_blank (text) ? text : _("Not answered"));
}

void
pl_complaint_form_fill_check (PlComplaintForm *self)
{
  remove_children (self->check_list);
  if (self->complaint == NULL)
    return;

  gather (self);
  for (guint i = 0; i < G_N_ELEMENTS (pl_complaint_form_pages); i++)
    {
      const char *name = pl_complaint_form_pages[i];
      g_autofree char *answer = NULL;
      g_autofree char *accessible = NULL;
      GtkWidget *box, *button;

      if (g_str_equal (name, "check") || g_str_equal (name, "sent") ||
          !pl_complaint_form_page_applies (self, name))
        continue;

      answer = pl_complaint_form_answer_for (self, name);
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      gtk_widget_add_css_class (box, "pl-question");
      gtk_box_append (GTK_BOX (box), wrapping_label (pl_complaint_form_question_for (self, name),
                                                     "pl-question-text"));
      gtk_box_append (GTK_BOX (box), wrapping_label (answer, "pl-complaint-answer-text"));

      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), wrapping_label (_("Change"), NULL));
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      /* Translators: a button's name for screen readers: "Change: When did it happen?" */
      accessible = g_strdup_printf (_("Change: %s"), pl_complaint_form_question_for (self, name));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_object_set_data (G_OBJECT (button), "pl-page", (gpointer) name);
      g_signal_connect (button, "clicked", G_CALLBACK (change_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), button);

      gtk_box_append (GTK_BOX (self->check_list), box);
    }
}

void
pl_complaint_form_fill_sent (PlComplaintForm *self)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) hint = g_string_new (NULL);
  const PlComplaint *c = self->complaint;

  {
    g_autofree char *reference = pl_catalog_isolate (c->reference);

    /* Translators: the reference given to a complaint, e.g. C-2026-0007 */
    g_string_append_printf (hint, _("Your reference is %s."), reference);
  }
  if (!pl_text_is_blank (c->response_due))
    {
      g_autofree char *due = pl_date_to_words (c->response_due);

      g_string_append_c (hint, ' ');
      /* Translators: a date in words, "Monday 21 December 2026" */
      g_string_append_printf (hint, _("We will reply by %s."), due);
    }
  gtk_label_set_text (GTK_LABEL (pl_complaint_form_page_label (self, "sent", 2)), hint->str);
  /* Focus starts on the reference, at the top, where a screen reader reads it
   * and it can be copied */
  gtk_label_set_selectable (GTK_LABEL (pl_complaint_form_page_label (self, "sent", 2)), TRUE);

  remove_children (self->timeline_list);
  gtk_box_append (GTK_BOX (self->timeline_list),
                  wrapping_label (_("What has happened since"), "pl-question-text"));

  events = pl_store_list_complaint_events (self->store, c->id, &error);
  if (events == NULL)
    {
      pl_complaint_form_show_message (self, error->message);
      return;
    }

  /* Oldest first, as the reader shows it */
  for (guint i = 0; i < events->len; i++)
    {
      const PlComplaintEvent *event = g_ptr_array_index (events, i);
      g_autofree char *when = pl_date_to_words (event->at);
      g_autofree char *line = g_strdup_printf ("%s: %s", when,
                                               pl_complaint_status_label (event->status));

      gtk_box_append (GTK_BOX (self->timeline_list), wrapping_label (line, "pl-field"));
    }

  if (!pl_text_is_blank (c->response_due))
    {
      g_autofree char *due = pl_date_to_words (c->response_due);
      /* Translators: the last line of the timeline, a date in words */
      g_autofree char *line = g_strdup_printf (_("%s: your answer is due"), due);

      gtk_box_append (GTK_BOX (self->timeline_list), wrapping_label (line, "pl-field"));
    }
}

const char *
pl_complaint_form_first_unanswered (PlComplaintForm *self)
{
  const PlComplaint *c = self->complaint;

  if (c == NULL)
    return "kind";
  if (pl_text_is_blank (c->what_happened))
    return "what";
  if (pl_text_is_blank (c->when_happened))
    return "when";
  if (pl_text_is_blank (c->who_involved))
    return "who";
  if (pl_complaint_form_page_applies (self, "put-right") && pl_text_is_blank (c->put_right))
    return "put-right";
  if (pl_reply_methods_from_text (c->reply_method) == 0)
    return "reply";
  if (pl_text_is_blank (c->helped_by))
    return "helped";
  return "check";
}
