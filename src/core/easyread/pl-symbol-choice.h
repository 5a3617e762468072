/* pl-symbol-choice.h: the pictures staff chose for easy read, kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Staff change or remove the picture the matcher picks for some words, for
 * the whole service or for one person; each choice is a record with its
 * history. A person's choices come before the service's.
 */

#pragma once

#include <glib.h>

#include "pl-store.h"
#include "pl-symbols.h"

G_BEGIN_DECLS

/* Saves a new or changed choice, refusing one for neither the service nor a
 * person (or both), words that are not one to four words, a picture Plainly
 * does not ship, and a second choice for the same words in the same scope */
gboolean   pl_symbol_choice_save             (PlStore          *store,
                                              PlSymbolChoice   *choice,
                                              GError          **error);
/* The service's own choices (element-type PlSymbolChoice) */
GPtrArray *pl_symbol_choice_list_for_service (PlStore          *store,
                                              gint64            service_id,
                                              GError          **error);
/* What easy read uses for person_id: their own choices, then their
 * service's (element-type PlSymbolChoice) */
GPtrArray *pl_symbol_choice_list_for_person  (PlStore          *store,
                                              gint64            person_id,
                                              GError          **error);
/* choices (PlSymbolChoice) as the matcher reads them; the rules borrow
 * the records' strings. n_rules may be NULL. */
PlSymbolChoiceRule *pl_symbol_choice_rules   (GPtrArray        *choices,
                                              guint            *n_rules);

G_END_DECLS
