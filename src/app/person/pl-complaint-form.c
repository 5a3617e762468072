/* pl-complaint-form.c: the guided complaint and compliment form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One question a screen, in the person's own text size and colours, each
 * question read aloud on request. What is typed is kept as it is typed: after
 * a short pause, on every change of screen and when the form goes away, so
 * closing the app or a crash loses nothing and the person can come back days
 * later (NG21 1.4.5). Every screen shows how to take a complaint further
 * (NG21 1.4.5-1.4.6) and, apart from it, what to do in danger (NG21 1.6.1).
 * Compliments and other feedback take the same path (NG21 1.1.3).
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <adwaita.h>
#include "pl-i18n.h"

#include "pl-record.h"
#include "pl-complaint.h"
#include "pl-complaint-form-private.h"
#include "pl-document.h"
#include "pl-speech.h"
#include "pl-voice.h"
#include "pl-widget-util.h"

#define LINE_CHARS 60
#define COLUMN_MARGINS 48

G_DEFINE_FINAL_TYPE (PlComplaintForm, pl_complaint_form, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_SENT,
  SIGNAL_READ_ALOUD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The pages, in the order they are asked (pl-complaint-form-private.h) */
const char * const pl_complaint_form_pages[PL_COMPLAINT_FORM_N_PAGES] = {
  "kind", "what", "when", "who", "put-right", "reply", "helped", "check", "sent",
};

static PlFeedbackKind
current_kind (PlComplaintForm *self)
{
  return self->complaint != NULL ? self->complaint->kind : PL_FEEDBACK_COMPLAINT;
}

/* NG21 1.4.5: what would put it right is asked about a complaint only */
gboolean
pl_complaint_form_page_applies (PlComplaintForm *self,
                                const char      *name)
{
  if (g_str_equal (name, "put-right"))
    return current_kind (self) == PL_FEEDBACK_COMPLAINT;
  return TRUE;
}

static int
page_index (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (pl_complaint_form_pages); i++)
    if (g_strcmp0 (pl_complaint_form_pages[i], name) == 0)
      return (int) i;
  return -1;
}

static const char *
current_page (PlComplaintForm *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
pl_complaint_form_question_for (PlComplaintForm *self,
                                const char      *name)
{
  if (g_str_equal (name, "kind"))
    return _("What would you like to tell us?");
  if (g_str_equal (name, "what"))
    return _("What happened?");
  if (g_str_equal (name, "when"))
    return _("When did it happen?");
  if (g_str_equal (name, "who"))
    return _("Who was involved?");
  if (g_str_equal (name, "put-right"))
    return _("What would put it right?");
  if (g_str_equal (name, "reply"))
    return _("How would you like to hear back?");
  if (g_str_equal (name, "helped"))
    return _("Did anyone help you with this?");
  if (g_str_equal (name, "check"))
    return _("Is this right?");
  return _("Thank you");
}

static const char *
hint_for (PlComplaintForm *self,
          const char      *name)
{
  if (g_str_equal (name, "kind"))
    return _("Choose one. You can change it later.");
  if (g_str_equal (name, "what"))
    return current_kind (self) == PL_FEEDBACK_COMPLIMENT
           ? _("Tell us what went well, in your own words.")
           : _("Tell us in your own words. Write as much or as little as you like.");
  if (g_str_equal (name, "when"))
    return _("A date, or words such as “last Tuesday morning”, are fine.");
  if (g_str_equal (name, "who"))
    return _("Their names, or what they do. You can leave this empty.");
  if (g_str_equal (name, "put-right"))
    return _("Tell us what you would like to happen now.");
  if (g_str_equal (name, "reply"))
    return _("Choose as many as you like.");
  if (g_str_equal (name, "helped"))
    return _("Write who helped you. Leave it empty if you filled it in yourself.");
  if (g_str_equal (name, "check"))
    return _("Here is everything you wrote. Choose Change to change an answer, "
             "or Send when it is right.");
  return "";
}

/* The first three children of every page: progress, question and hint */
GtkWidget *
pl_complaint_form_page_label (PlComplaintForm *self,
                              const char      *name,
                              guint            nth)
{
  GtkWidget *child = gtk_widget_get_first_child (gtk_stack_get_child_by_name (self->stack, name));

  for (; nth > 0 && child != NULL; nth--)
    child = gtk_widget_get_next_sibling (child);
  return child;
}

void
pl_complaint_form_show_message (PlComplaintForm *self,
                                const char      *message)
{
  gtk_label_set_text (GTK_LABEL (self->message_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->message_label, message != NULL);
}

/* Moving between screens */

static GtkWidget *
page_focus (PlComplaintForm *self,
            const char      *name)
{
  if (g_str_equal (name, "kind"))
    {
      switch (current_kind (self))
        {
        case PL_FEEDBACK_COMPLIMENT:
          return self->kind_compliment;
        case PL_FEEDBACK_OTHER:
          return self->kind_other;
        case PL_FEEDBACK_COMPLAINT:
        default:
          return self->kind_complaint;
        }
    }
  if (g_str_equal (name, "what"))
    return self->what_view;
  if (g_str_equal (name, "when"))
    return self->when_entry;
  if (g_str_equal (name, "who"))
    return self->who_entry;
  if (g_str_equal (name, "put-right"))
    return self->put_right_view;
  if (g_str_equal (name, "reply"))
    return self->reply_letter;
  if (g_str_equal (name, "helped"))
    return self->helped_entry;
  if (g_str_equal (name, "check"))
    return self->send_button;
  return pl_complaint_form_page_label (self, "sent", 2);
}

static void
update_screen (PlComplaintForm *self)
{
  const char *name = current_page (self);
  gboolean sent = g_str_equal (name, "sent");
  gboolean check = g_str_equal (name, "check");
  guint n_questions = 0, number = 0;

  for (guint i = 0; i < G_N_ELEMENTS (pl_complaint_form_pages); i++)
    {
      if (g_str_equal (pl_complaint_form_pages[i], "check"))
        break;
      if (!pl_complaint_form_page_applies (self, pl_complaint_form_pages[i]))
        continue;
      n_questions++;
      if (g_str_equal (pl_complaint_form_pages[i], name))
        number = n_questions;
    }

  if (number > 0)
    {
      /* Translators: "Question 2 of 7" */
      g_autofree char *progress = g_strdup_printf (_("Question %u of %u"), number, n_questions);

      gtk_label_set_text (GTK_LABEL (pl_complaint_form_page_label (self, name, 0)), progress);
    }
  gtk_widget_set_visible (pl_complaint_form_page_label (self, name, 0), number > 0);
  gtk_label_set_text (GTK_LABEL (pl_complaint_form_page_label (self, name, 1)),
                      pl_complaint_form_question_for (self, name));
  if (!sent)
    gtk_label_set_text (GTK_LABEL (pl_complaint_form_page_label (self, name, 2)),
                        hint_for (self, name));

  gtk_widget_set_visible (self->back_button, !sent);
  gtk_widget_set_visible (self->next_button, !sent && !check);
  gtk_widget_set_visible (self->send_button, check);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.back", !sent && page_index (name) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.next", !sent && !check);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.send", check);

  gtk_widget_set_visible (self->resume_label, self->resumed);
  gtk_label_set_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (self->read_aloud_button))),
                      number > 0 ? _("Read this question aloud") : _("Read this page aloud"));
}

void
pl_complaint_form_go_to (PlComplaintForm *self,
                         const char      *name)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (page_index (name) >= 0);

  /* Every change of screen keeps what was written; a message about the
   * last screen goes, one about saving stays */
  pl_complaint_form_show_message (self, NULL);
  pl_complaint_form_save_draft (self);

  if (g_str_equal (name, "check"))
    pl_complaint_form_fill_check (self);
  if (g_strcmp0 (current_page (self), name) != 0)
    self->resumed = FALSE;

  gtk_stack_set_visible_child_name (self->stack, name);
  update_screen (self);

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  gtk_adjustment_set_value (adjustment, 0);
  gtk_widget_grab_focus (page_focus (self, name));
  /* A label that takes focus would otherwise show all its words selected */
  if (GTK_IS_LABEL (page_focus (self, name)))
    gtk_label_select_region (GTK_LABEL (page_focus (self, name)), 0, 0);
}

static const char *
step (PlComplaintForm *self,
      int              direction)
{
  int i = page_index (current_page (self));

  for (i += direction; i >= 0 && i < (int) G_N_ELEMENTS (pl_complaint_form_pages); i += direction)
    if (pl_complaint_form_page_applies (self, pl_complaint_form_pages[i]))
      return pl_complaint_form_pages[i];
  return NULL;
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlComplaintForm *self = PL_COMPLAINT_FORM (widget);
  const char *name = current_page (self);
  const char *next;

  if (g_str_equal (name, "check") || g_str_equal (name, "sent"))
    return;
  if (self->complaint == NULL)
    {
      pl_complaint_form_show_message (self, _("Please choose what you would like to tell us."));
      return;
    }

  next = step (self, 1);
  if (next != NULL)
    pl_complaint_form_go_to (self, next);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlComplaintForm *self = PL_COMPLAINT_FORM (widget);
  const char *previous;

  if (g_str_equal (current_page (self), "sent"))
    return;
  previous = step (self, -1);
  if (previous != NULL)
    pl_complaint_form_go_to (self, previous);
}

static void
entry_activate_cb (PlComplaintForm *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "form.next", NULL);
}

static void
kind_clicked_cb (PlComplaintForm *self,
                 GtkButton       *button)
{
  g_autoptr(GError) error = NULL;
  PlFeedbackKind kind = PL_FEEDBACK_COMPLAINT;

  if (GTK_WIDGET (button) == self->kind_compliment)
    kind = PL_FEEDBACK_COMPLIMENT;
  else if (GTK_WIDGET (button) == self->kind_other)
    kind = PL_FEEDBACK_OTHER;

  if (self->store == NULL)
    return;

  if (self->complaint == NULL)
    {
      self->complaint = pl_complaint_draft_for (self->store, self->person_id, kind, &error);
      if (self->complaint == NULL)
        {
          pl_complaint_form_show_message (self, error->message);
          return;
        }
      pl_complaint_form_fill (self);
    }
  else if (self->complaint->status == PL_COMPLAINT_DRAFT)
    {
      self->complaint->kind = kind;
      pl_complaint_form_save_draft (self);
    }

  pl_complaint_form_update_kind_chosen (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "form.next", NULL);
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlComplaintForm *self = PL_COMPLAINT_FORM (widget);
  g_autoptr(GError) error = NULL;

  if (self->complaint == NULL || self->store == NULL)
    return;

  pl_complaint_form_save_draft (self);
  if (!pl_complaint_send (self->store, self->complaint, &error))
    {
      pl_complaint_form_show_message (self, error->message);
      return;
    }

  pl_complaint_form_fill_sent (self);
  pl_complaint_form_go_to (self, "sent");
  g_signal_emit (self, signals[SIGNAL_SENT], 0, self->complaint->id);
}

/* Reading aloud */

static void
speech_error_cb (PlComplaintForm *self,
                 const GError    *error)
{
  /* The voice is shared: only a problem with this form's reading is ours */
  if (self->spoken != NULL)
    pl_complaint_form_show_message (self, error->message);
  g_clear_object (&self->spoken);
}

static void
speech_finished_cb (PlComplaintForm *self)
{
  g_clear_object (&self->spoken);
}

static void
speech_state_cb (PlComplaintForm *self,
                 guint            state)
{
  PlSpeech *reading = pl_voice_get_reading (self->voice);

  /* The reader took the voice: what it says next is not this form's */
  if (state == PL_SPEECH_STATE_SPEAKING && pl_speech_get_document (reading) != self->spoken)
    g_clear_object (&self->spoken);
}

void
pl_complaint_form_set_voice (PlComplaintForm *self,
                             PlVoice         *voice)
{
  g_return_if_fail (PL_IS_COMPLAINT_FORM (self));
  g_return_if_fail (voice == NULL || PL_IS_VOICE (voice));

  if (self->voice == voice)
    return;
  if (self->voice != NULL)
    g_signal_handlers_disconnect_by_data (pl_voice_get_reading (self->voice), self);
  g_clear_object (&self->spoken);
  g_set_object (&self->voice, voice);
  /* Never silently nothing: no sound device comes as the "error" signal,
   * said on the screen, without this thread waiting on the sound server */
  if (voice != NULL)
    {
      g_signal_connect_object (pl_voice_get_reading (voice), "error",
                               G_CALLBACK (speech_error_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (pl_voice_get_reading (voice), "finished",
                               G_CALLBACK (speech_finished_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (pl_voice_get_reading (voice), "state-changed",
                               G_CALLBACK (speech_state_cb), self, G_CONNECT_SWAPPED);
    }
}

static void
speak (PlComplaintForm *self,
       const char      *text)
{
  g_auto(GStrv) lines = NULL;

  if (self->voice == NULL)
    {
      g_critical ("The complaint form has no voice: call pl_complaint_form_set_voice");
      return;
    }

  g_clear_object (&self->spoken);
  self->spoken = pl_document_new (pl_complaint_form_question_for (self, current_page (self)));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!pl_text_is_blank (lines[i]))
      pl_document_add (self->spoken, PL_BLOCK_PARAGRAPH, 0, NULL, NULL, lines[i]);

  /* In the voice's own settings: the person's, or their carer's */
  pl_voice_read (self->voice, self->spoken, 0, 0, PL_SPEECH_TO_END);
}

static char *
screen_text (PlComplaintForm *self)
{
  const char *name = current_page (self);
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append (text,
                   gtk_label_get_text (GTK_LABEL (pl_complaint_form_page_label (self, name, 1))));
  g_string_append_c (text, '\n');
  g_string_append (text,
                   gtk_label_get_text (GTK_LABEL (pl_complaint_form_page_label (self, name, 2))));

  if (g_str_equal (name, "check") && self->complaint != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (pl_complaint_form_pages); i++)
      {
        g_autofree char *answer = NULL;

        if (g_str_equal (pl_complaint_form_pages[i], "check"))
          break;
        if (!pl_complaint_form_page_applies (self, pl_complaint_form_pages[i]))
          continue;
        answer = pl_complaint_form_answer_for (self, pl_complaint_form_pages[i]);
        g_string_append_printf (text, "\n%s\n%s",
                                pl_complaint_form_question_for (self, pl_complaint_form_pages[i]),
                                answer);
      }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
read_aloud_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PlComplaintForm *self = PL_COMPLAINT_FORM (widget);
  g_autofree char *text = screen_text (self);
  gboolean handled = FALSE;

  pl_complaint_form_show_message (self, NULL);
  g_signal_emit (self, signals[SIGNAL_READ_ALOUD], 0, text, &handled);
  if (!handled)
    speak (self, text);
}

/* Setting up */


gboolean
pl_complaint_form_set_person (PlComplaintForm  *self,
                              PlStore          *store,
                              gint64            person_id,
                              GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *escalation = NULL;
  g_autofree char *danger = NULL;
  g_autoptr(PlComplaint) draft = NULL;

  g_return_val_if_fail (PL_IS_COMPLAINT_FORM (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Whatever the last person wrote is kept before the form is reused */
  pl_complaint_form_save_draft (self);

  /* No store: let go of the one in use, before it is closed */
  if (store == NULL)
    {
      g_clear_pointer (&self->complaint, pl_complaint_free);
      self->store = NULL;
      self->person_id = 0;
      pl_complaint_form_fill (self);
      return TRUE;
    }

  escalation = pl_complaint_escalation_text (store, person_id, error);
  if (escalation == NULL)
    return FALSE;
  danger = pl_complaint_danger_text (store, person_id, error);
  if (danger == NULL)
    return FALSE;
  draft = pl_complaint_find_draft (store, person_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->store = store;
  self->person_id = person_id;
  g_clear_pointer (&self->complaint, pl_complaint_free);
  self->complaint = g_steal_pointer (&draft);

  gtk_label_set_text (GTK_LABEL (self->escalation_label), escalation);
  gtk_label_set_text (GTK_LABEL (self->danger_label), danger);

  pl_complaint_form_fill (self);
  self->resumed = self->complaint != NULL;
  if (self->resumed)
    {
      g_autofree char *when = pl_date_to_words (self->complaint->updated_at);
      /* Translators: a date in words, "Monday 23 November 2026" */
      g_autofree char *line = g_strdup_printf (_("We kept what you wrote on %s."), when);

      gtk_label_set_text (GTK_LABEL (self->resume_label), line);
    }

  /* The stack is set straight, not through go_to: there is nothing to save */
  pl_complaint_form_show_message (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, pl_complaint_form_first_unanswered (self));
  if (g_str_equal (current_page (self), "check"))
    pl_complaint_form_fill_check (self);
  update_screen (self);
  gtk_widget_grab_focus (page_focus (self, current_page (self)));

  return TRUE;
}

const PlComplaint *
pl_complaint_form_get_complaint (PlComplaintForm *self)
{
  g_return_val_if_fail (PL_IS_COMPLAINT_FORM (self), NULL);

  return self->complaint;
}

GtkStack *
pl_complaint_form_get_stack (PlComplaintForm *self)
{
  g_return_val_if_fail (PL_IS_COMPLAINT_FORM (self), NULL);

  return self->stack;
}

GtkWidget *
pl_complaint_form_new (void)
{
  return g_object_new (PL_TYPE_COMPLAINT_FORM, NULL);
}

static void
pl_complaint_form_dispose (GObject *object)
{
  PlComplaintForm *self = PL_COMPLAINT_FORM (object);

  /* Leaving the form never loses what was typed since the last pause */
  pl_complaint_form_save_draft (self);

  /* The voice is the window's: only this form's reading stops with it */
  if (self->voice != NULL && self->spoken != NULL &&
      pl_speech_get_document (pl_voice_get_reading (self->voice)) == self->spoken)
    pl_speech_stop (pl_voice_get_reading (self->voice));
  pl_complaint_form_set_voice (self, NULL);
  g_clear_object (&self->spoken);
  g_clear_pointer (&self->complaint, pl_complaint_free);
  self->store = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (object), PL_TYPE_COMPLAINT_FORM);

  G_OBJECT_CLASS (pl_complaint_form_parent_class)->dispose (object);
}

static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/plainly/Plainly/ui/pl-complaint-form.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* Lines of about 70 characters at any size: the column is as wide as that
 * allows, so giant print uses the whole window rather than a narrow strip */
static void
pl_complaint_form_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  PlComplaintForm *self = PL_COMPLAINT_FORM (widget);
  PangoFontMetrics *metrics;
  int width;

  GTK_WIDGET_CLASS (pl_complaint_form_parent_class)->css_changed (widget, change);

  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (widget), NULL, NULL);
  width = PANGO_PIXELS_CEIL (pango_font_metrics_get_approximate_char_width (metrics) * LINE_CHARS)
          + COLUMN_MARGINS;
  pango_font_metrics_unref (metrics);

  if (self->clamp != NULL && adw_clamp_get_maximum_size (self->clamp) != width)
    {
      adw_clamp_set_maximum_size (self->clamp, width);
      adw_clamp_set_tightening_threshold (self->clamp, width);
    }
}

static void
pl_complaint_form_class_init (PlComplaintFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_complaint_form_dispose;
  widget_class->css_changed = pl_complaint_form_css_changed;

  signals[SIGNAL_SENT] =
    g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_READ_ALOUD] =
    g_signal_new ("read-aloud", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/plainly/Plainly/ui/pl-complaint-form.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "complaintform");

  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, scroller);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, clamp);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, column);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, resume_label);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, stack);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, message_label);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, read_aloud_button);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, back_button);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, next_button);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, send_button);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, escalation_box);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, escalation_label);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, danger_box);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, danger_label);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, kind_complaint);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, kind_compliment);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, kind_other);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, kind_chosen);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, what_view);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, when_entry);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, who_entry);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, put_right_view);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, helped_entry);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, reply_letter);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, reply_phone);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, reply_in_person);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, reply_large_print);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, reply_audio);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, check_list);
  gtk_widget_class_bind_template_child (widget_class, PlComplaintForm, timeline_list);
  gtk_widget_class_bind_template_callback_full (widget_class, "answer_changed_cb",
                                                G_CALLBACK (pl_complaint_form_answer_changed_cb));
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_clicked_cb);

  gtk_widget_class_install_action (widget_class, "form.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "form.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "form.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "form.read-aloud", NULL, read_aloud_action);

}

/* Named by its question, and described by the hint below it, which Orca
 * says after the name */
static void
label_input (GtkWidget *input,
             GtkWidget *question,
             GtkWidget *hint)
{
  gtk_accessible_update_relation (GTK_ACCESSIBLE (input),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, question, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, hint, NULL,
                                  -1);
}

static void
collect_words (GtkWidget *widget,
               GString   *words)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (text != NULL && text[0] != '\0')
        g_string_append_printf (words, "%s%s", words->len > 0 ? " " : "", text);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_words (child, words);
}

/* Buttons and tick boxes whose words are labels inside them: GTK 4.8 would
 * name them by their type ("GtkButton"), so they are named by those words */
static void
name_by_words (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if ((GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) == NULL) ||
          (GTK_IS_CHECK_BUTTON (child) && gtk_check_button_get_label (GTK_CHECK_BUTTON (child)) == NULL))
        {
          g_autoptr(GString) words = g_string_new (NULL);

          collect_words (child, words);
          if (words->len > 0)
            gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                            words->str, -1);
          continue;
        }
      name_by_words (child);
    }
}

static void
pl_complaint_form_init (PlComplaintForm *self)
{
  const struct { const char *page; GtkWidget **input; } inputs[] = {
    { "what", &self->what_view },
    { "when", &self->when_entry },
    { "who", &self->who_entry },
    { "put-right", &self->put_right_view },
    { "helped", &self->helped_entry },
  };

  static const struct { const char *keys; const char *action; } shortcuts[] = {
    { "<Alt>Left", "form.back" },
    { "<Alt>Right", "form.next" },
    /* Enter makes a new line in a long answer; Ctrl+Enter moves on from it */
    { "<Control>Return", "form.next" },
    { "<Control>KP_Enter", "form.next" },
  };
  GtkEventController *controller;

  load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Orca would say "GtkStackPage panel" as the focus enters each page */
  pl_widget_unname_stack_pages (GTK_WIDGET (self));

  /* Caught before the answer boxes see them: a text view would take
   * Ctrl+Enter as a new line */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string (shortcuts[i].keys);
      GtkShortcutAction *action = gtk_named_action_new (shortcuts[i].action);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger, action));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  /* The reader's style sizes the text of .pl-document (pl-reader-style.c) */
  gtk_widget_add_css_class (GTK_WIDGET (self), "pl-document");
  gtk_widget_add_css_class (GTK_WIDGET (self), "pl-complaint-form");
  gtk_widget_add_css_class (self->column, "pl-complaint-column");

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      GtkWidget *input = *inputs[i].input;

      label_input (input, pl_complaint_form_page_label (self, inputs[i].page, 1),
                   pl_complaint_form_page_label (self, inputs[i].page, 2));
      if (GTK_IS_TEXT_VIEW (input))
        g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), "changed",
                                 G_CALLBACK (pl_complaint_form_answer_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      else
        g_signal_connect_object (input, "changed",
                                 G_CALLBACK (pl_complaint_form_answer_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }

  for (guint i = 0; i < PL_REPLY_N_METHODS; i++)
    {
      GtkWidget *check = pl_complaint_form_reply_check (self, 1u << i);

      gtk_label_set_text (GTK_LABEL (gtk_check_button_get_child (GTK_CHECK_BUTTON (check))),
                          pl_reply_method_label (1u << i));
    }
  name_by_words (GTK_WIDGET (self));

  gtk_stack_set_visible_child_name (self->stack, "kind");
  update_screen (self);
}
