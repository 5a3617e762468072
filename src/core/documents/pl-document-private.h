/* pl-document-private.h: pieces the document builders share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-document.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* The name a person asked to be called by (NG86 1.4.2), else their full
 * name, ready to go into a message: isolated where it is right to left */
char       *pl_document_person_name    (const PlPerson  *person);

/* Free text as typed: blank lines part paragraphs, lines starting "- ", "* "
 * or "• " become list items. Returns FALSE, adding nothing, if it is empty. */
gboolean    pl_document_add_body       (PlDocument      *self,
                                        const char      *body);

/* An empty part said plainly, never dropped */
void        pl_document_add_empty_notice (PlDocument    *self);

/* The body, or the empty-part notice if there is none */
void        pl_document_add_body_or_notice (PlDocument  *self,
                                            const char  *body);
/* Marks the blocks from first on as written in language (NULL: the
 * document's): what staff wrote in a part in another language */
void        pl_document_mark_language   (PlDocument     *self,
                                         guint           first,
                                         const char     *language);

/* A FIELD only when there is something to say */
void        pl_document_add_field_if_set (PlDocument    *self,
                                          const char    *anchor,
                                          const char    *label,
                                          const char    *text);

/* A contact card: name, relationship, organisation, phone, email, address, notes */
char       *pl_document_contact_text   (const PlContact *contact);
void        pl_document_add_contact    (PlDocument      *self,
                                        const char      *anchor,
                                        const char      *label,
                                        const PlContact *contact);

/* "8:00 in the morning, 45 minutes" */
char       *pl_document_visit_when     (const PlVisit   *visit);

/* The visits grouped by day under headings of heading_level; anchors
 * "<prefix>-monday"… for days and "visit-<id>" for visits */
void        pl_document_add_visits     (PlDocument      *self,
                                        GPtrArray       *visits,
                                        int              heading_level,
                                        const char      *prefix);

/* Visits in a week: an every-day visit counts seven times */
guint       pl_document_count_weekly_visits (GPtrArray  *visits);

/* The contact named as coordinator on the plan, else the first coordinator (NG21 1.3.6) */
const PlContact *pl_document_find_coordinator (GPtrArray *contacts,
                                               const PlPlan *plan);

/* The care service office and the commissioning council; FALSE, adding
 * nothing, when the service has no way to reach them recorded */
gboolean    pl_document_add_service_card      (PlDocument      *self,
                                               const char      *anchor,
                                               const PlService *service);
gboolean    pl_document_add_commissioner_card (PlDocument      *self,
                                               const char      *anchor,
                                               const PlService *service);

/* The ombudsman's card, the last step of a complaint (NG21 1.4.6) */
void        pl_document_add_ombudsman  (PlDocument      *self,
                                        const char      *anchor);

/* A line of a card, skipped when blank; lines are joined with "\n" */
void        pl_document_append_line    (GString         *out,
                                        const char      *text);
/* A line of a card that is a message around one value ("Phone: %s"):
 * the value is isolated where the message is right to left */
void        pl_document_append_value   (GString         *out,
                                        const char      *format,
                                        const char      *value);

/* "a, b and c" */
char       *pl_document_join_words     (GPtrArray       *words);

G_END_DECLS
