/* pl-draft.h: what is typed into a form, kept until it is saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A form saves its record as a draft as the coordinator types, so nothing
 * typed is lost if the app or the computer stops; on the next start the
 * drafts are offered back. A draft is the record's fields as JSON
 * (pl-record-json.h), keyed by who is typing, whose record it is, the table
 * and the record's id, or for a record not saved yet a key the form chooses.
 */

#pragma once

#include <glib.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* staff_id: who is typing, 0 for the person themself; person_id: whose
 * record it is, 0 for none. A record with id 0 is new: new_key (NULL means
 * "new") tells such drafts apart. One small transaction. */
gboolean   pl_draft_save      (PlStore             *store,
                               gint64               staff_id,
                               gint64               person_id,
                               const PlRecordType  *type,
                               gconstpointer        record,
                               const char          *new_key,
                               gint64              *out_draft_id,
                               GError             **error);
/* A draft saying the saved record record_id is to go: applying it removes
 * the record, and a version saved from drafts leaves it out. It takes the
 * place of any draft of changes to that record; pl_draft_save over it
 * brings the record back. */
gboolean   pl_draft_save_removal (PlStore            *store,
                                  gint64              staff_id,
                                  gint64              person_id,
                                  const PlRecordType *type,
                                  gint64              record_id,
                                  gint64             *out_draft_id,
                                  GError            **error);
gboolean   pl_draft_is_removal   (const PlDraft      *draft);
/* The draft for this form, or NULL with PL_STORE_ERROR_NOT_FOUND */
PlDraft   *pl_draft_find      (PlStore             *store,
                               gint64               staff_id,
                               gint64               person_id,
                               const PlRecordType  *type,
                               gint64               record_id,
                               const char          *new_key,
                               GError             **error);
/* The record as the draft has it: the saved record (if any) with the
 * draft's fields over it. Free with pl_record_free (*out_type, record). */
gpointer   pl_draft_load      (PlStore             *store,
                               gint64               draft_id,
                               const PlRecordType **out_type,
                               GError             **error);
/* Drafts staff_id typed (0: the person's own), about person_id (0: anyone),
 * newest first, to offer back on the next start */
GPtrArray *pl_draft_list_for  (PlStore             *store,
                               gint64               staff_id,
                               gint64               person_id,
                               GError             **error);
gboolean   pl_draft_discard   (PlStore             *store,
                               gint64               draft_id,
                               GError             **error);
/* Saves the record through pl_store_save, so history is kept, and removes
 * the draft, in one transaction. A record the store refuses keeps its draft. */
gboolean   pl_draft_apply     (PlStore             *store,
                               gint64               draft_id,
                               gint64              *out_record_id,
                               GError             **error);

G_END_DECLS
