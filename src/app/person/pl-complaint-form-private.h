/* pl-complaint-form-private.h: what the complaint form's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pl-complaint-form.c is the widget, its pages and moving between them, and
 * reading aloud; pl-complaint-form-answers.c is what the person writes:
 * kept as a draft, shown back on the check screen, and the timeline after
 * sending.
 */

#pragma once

#include <adwaita.h>

#include "pl-complaint.h"
#include "pl-complaint-form.h"
#include "pl-document.h"
#include "pl-voice.h"

G_BEGIN_DECLS

struct _PlComplaintForm
{
  GtkWidget    parent_instance;

  GtkWidget   *scroller;
  AdwClamp    *clamp;
  GtkWidget   *column;
  GtkWidget   *resume_label;
  GtkStack    *stack;
  GtkWidget   *message_label;
  GtkWidget   *read_aloud_button;
  GtkWidget   *back_button;
  GtkWidget   *next_button;
  GtkWidget   *send_button;
  GtkWidget   *escalation_box;
  GtkWidget   *escalation_label;
  GtkWidget   *danger_box;
  GtkWidget   *danger_label;
  GtkWidget   *kind_complaint;
  GtkWidget   *kind_compliment;
  GtkWidget   *kind_other;
  GtkWidget   *kind_chosen;
  GtkWidget   *what_view;
  GtkWidget   *when_entry;
  GtkWidget   *who_entry;
  GtkWidget   *put_right_view;
  GtkWidget   *helped_entry;
  GtkWidget   *reply_letter;
  GtkWidget   *reply_phone;
  GtkWidget   *reply_in_person;
  GtkWidget   *reply_large_print;
  GtkWidget   *reply_audio;
  GtkWidget   *check_list;
  GtkWidget   *timeline_list;

  PlStore     *store;       /* borrowed */
  gint64       person_id;
  PlComplaint *complaint;   /* NULL until a kind is chosen */
  PlVoice     *voice;       /* the window's */
  PlDocument  *spoken;
  guint        save_id;
  gboolean     loading;     /* filling the widgets: not a change by the person */
  gboolean     resumed;     /* show "We kept what you wrote" until the screen changes */
};

/* The pages, in the order they are asked */
#define PL_COMPLAINT_FORM_N_PAGES 9
extern const char * const pl_complaint_form_pages[PL_COMPLAINT_FORM_N_PAGES];

/* pl-complaint-form.c */
gboolean     pl_complaint_form_page_applies       (PlComplaintForm *self,
                                                   const char      *name);
const char  *pl_complaint_form_question_for       (PlComplaintForm *self,
                                                   const char      *name);
GtkWidget   *pl_complaint_form_page_label         (PlComplaintForm *self,
                                                   const char      *name,
                                                   guint            nth);
/* NULL hides the message */
void         pl_complaint_form_show_message       (PlComplaintForm *self,
                                                   const char      *message);
/* Keeps what was written, then shows the page called name */
void         pl_complaint_form_go_to              (PlComplaintForm *self,
                                                   const char      *name);

/* pl-complaint-form-answers.c */
/* The check box of one way of hearing back */
GtkWidget   *pl_complaint_form_reply_check        (PlComplaintForm *self,
                                                   PlReplyMethod    method);
/* The widgets, from the draft */
void         pl_complaint_form_fill               (PlComplaintForm *self);
void         pl_complaint_form_update_kind_chosen (PlComplaintForm *self);
/* The widgets into the draft, and the draft into the store; a failure is
 * shown in the form */
void         pl_complaint_form_save_draft         (PlComplaintForm *self);
/* An answer changed: the draft is kept after a pause in typing */
void         pl_complaint_form_answer_changed_cb  (PlComplaintForm *self);
/* The answer to the question of a page, in words */
char        *pl_complaint_form_answer_for         (PlComplaintForm *self,
                                                   const char      *name);
/* The check screen: every question, its answer and a Change button */
void         pl_complaint_form_fill_check         (PlComplaintForm *self);
/* After sending: the reference, when a reply is due, and what has happened */
void         pl_complaint_form_fill_sent          (PlComplaintForm *self);
/* Where a person coming back carries on */
const char  *pl_complaint_form_first_unanswered   (PlComplaintForm *self);

/* What only the tests reach */
/* The draft or sent complaint shown, or NULL before a kind is chosen */
const PlComplaint *pl_complaint_form_get_complaint (PlComplaintForm *self);
/* For tests: one page per question, named kind, what, when, who,
 * put-right, reply, helped, check and sent */
GtkStack  *pl_complaint_form_get_stack  (PlComplaintForm  *self);
/* Saves the draft now rather than after the pause in typing */
void       pl_complaint_form_save_now   (PlComplaintForm  *self);

G_END_DECLS
