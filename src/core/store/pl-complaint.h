/* pl-complaint.h: writing, sending and answering complaints and compliments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A complaint starts as a draft the person fills in, saved as they type. Sending
 * gives it a reference and a date by which the service will answer; from then
 * on each step the service takes is an event on its timeline, which the person
 * can read (NG21 1.4.5-1.4.6).
 */

#pragma once

#include <glib.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* How the person would like to hear back; several may be chosen */
typedef enum
{
  PL_REPLY_LETTER      = 1 << 0,
  PL_REPLY_PHONE       = 1 << 1,
  PL_REPLY_IN_PERSON   = 1 << 2,
  PL_REPLY_LARGE_PRINT = 1 << 3,
  PL_REPLY_AUDIO       = 1 << 4,
} PlReplyMethod;

#define PL_REPLY_N_METHODS 5

/* Working days a service has to answer when it has recorded no policy of its own */
#define PL_COMPLAINT_DEFAULT_RESPONSE_DAYS 20

/* The words for one method ("A letter"), translated */
const char   *pl_reply_method_label         (PlReplyMethod method);
/* The methods as the text kept in PlComplaint.reply_method ("A letter; A phone
 * call"), and back: pieces that are not a method's words are ignored */
char         *pl_reply_methods_to_text      (guint          methods);
guint         pl_reply_methods_from_text    (const char    *text);

/* The person's most recently changed draft of any kind; NULL with no error
 * when they have none */
PlComplaint  *pl_complaint_find_draft       (PlStore       *store,
                                             gint64         person_id,
                                             GError       **error);
/* The person's open draft of this kind, or a new one, saved, with status draft */
PlComplaint  *pl_complaint_draft_for        (PlStore       *store,
                                             gint64         person_id,
                                             PlFeedbackKind kind,
                                             GError       **error);
/* Keeps the draft as it is now, in one short transaction; a draft saved
 * again unchanged writes nothing. Refused once it has been sent. */
gboolean      pl_complaint_save_draft       (PlStore       *store,
                                             PlComplaint   *complaint,
                                             GError       **error);
/* Sends the draft: gives it a reference ("C-2026-0007"), status received, the
 * date an answer is due and a "received" event, all or nothing. complaint
 * is updated to what was stored. */
gboolean      pl_complaint_send             (PlStore       *store,
                                             PlComplaint   *complaint,
                                             GError       **error);

/* The next step on a sent complaint's timeline, recorded as an event by actor
 * (a member of staff); complaint, when not NULL, is updated. A response needs
 * a note (the answer). Closed complaints and drafts cannot be moved on. */
gboolean      pl_complaint_acknowledge      (PlStore       *store,
                                             gint64         complaint_id,
                                             const char    *actor,
                                             const char    *note,
                                             PlComplaint  **complaint,
                                             GError       **error);
gboolean      pl_complaint_respond          (PlStore       *store,
                                             gint64         complaint_id,
                                             const char    *actor,
                                             const char    *note,
                                             PlComplaint  **complaint,
                                             GError       **error);
gboolean      pl_complaint_escalate         (PlStore       *store,
                                             gint64         complaint_id,
                                             const char    *actor,
                                             const char    *note,
                                             PlComplaint  **complaint,
                                             GError       **error);
gboolean      pl_complaint_close            (PlStore       *store,
                                             gint64         complaint_id,
                                             const char    *actor,
                                             const char    *note,
                                             PlComplaint  **complaint,
                                             GError       **error);

/* from (ISO date) plus n working days: weekends and bank holidays in England
 * and Wales are skipped. Returns an ISO date, or NULL if from is not a date. */
char         *pl_complaint_add_working_days (const char    *from,
                                             guint          n);
gboolean      pl_complaint_is_bank_holiday  (const GDate   *date);

/* Words the complaint document and the form share, translated. The steps to
 * take a complaint further, 1 to PL_COMPLAINT_N_STEPS (NG21 1.4.5-1.4.6),
 * and what to do in danger, without the numbers to ring (NG21 1.6.1). */
#define PL_COMPLAINT_N_STEPS 3
const char   *pl_complaint_escalation_step  (guint          step);
const char   *pl_complaint_danger_notice    (void);

/* The ways out, short enough to show on every screen of the form: how to take
 * a complaint further (NG21 1.4.5-1.4.6), and, kept apart, what to do in
 * danger or about abuse (NG21 1.6.1). Lines are joined with "\n". */
char         *pl_complaint_escalation_text  (PlStore       *store,
                                             gint64         person_id,
                                             GError       **error);
char         *pl_complaint_danger_text      (PlStore       *store,
                                             gint64         person_id,
                                             GError       **error);

G_END_DECLS
