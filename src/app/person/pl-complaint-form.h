/* pl-complaint-form.h: the guided complaint and compliment form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pl-store.h"
#include "pl-voice.h"

G_BEGIN_DECLS

#define PL_TYPE_COMPLAINT_FORM (pl_complaint_form_get_type ())
G_DECLARE_FINAL_TYPE (PlComplaintForm, pl_complaint_form, PL, COMPLAINT_FORM, GtkWidget)

/* Signals:
 *   "sent" (gint64 complaint_id): the complaint was sent and stored.
 *   "read-aloud" (const char *text) → gboolean: the words of the screen to
 *     speak. Return TRUE when handled (the window speaks them with its own
 *     voice); with no handler the form reads them with the voice it was
 *     given, and shows why it cannot when there is no sound device. */

GtkWidget *pl_complaint_form_new        (void);
/* Shows person_id's open draft (resuming at the first question not yet
 * answered) or a new form. store is borrowed: it must stay open while the
 * form has it. store NULL saves what was typed and lets go of the store:
 * call it before closing the store if the form lives on. */
gboolean   pl_complaint_form_set_person (PlComplaintForm  *self,
                                         PlStore          *store,
                                         gint64            person_id,
                                         GError          **error);
/* The window's voice, shared with the reader and talking buttons; its
 * owner applies the person's settings to it */
void       pl_complaint_form_set_voice  (PlComplaintForm  *self,
                                         PlVoice          *voice);

G_END_DECLS
