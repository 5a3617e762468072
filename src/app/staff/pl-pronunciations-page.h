/* pl-pronunciations-page.h: how names, places and medicines are said
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_PRONUNCIATIONS_PAGE (pl_pronunciations_page_get_type ())
G_DECLARE_FINAL_TYPE (PlPronunciationsPage, pl_pronunciations_page, PL, PRONUNCIATIONS_PAGE,
                      GtkWidget)

/* Lists the words the voice says in a chosen way, for the whole service or
 * for one person (chosen at the top), each with Say it, Change and Remove,
 * and a form for a new or changed one. Only staff who may edit plans
 * change anything; everyone may hear them.
 *
 * For tests, the widgets are named: "pronunciation-for", "new-pronunciation",
 * "pronunciation-written", "pronunciation-said", "pronunciation-language",
 * "pronunciation-say", "save-pronunciation", "cancel-pronunciation", and on
 * each row "pronunciation-say-ID", "pronunciation-change-ID" and
 * "pronunciation-remove-ID". */

PlPronunciationsPage *pl_pronunciations_page_new         (void);
/* store is not owned; staff is copied */
void                  pl_pronunciations_page_set_context (PlPronunciationsPage *self,
                                                          PlStore              *store,
                                                          const PlStaff        *staff);
/* Reads the list again from the store */
void                  pl_pronunciations_page_reload      (PlPronunciationsPage *self);

G_END_DECLS
