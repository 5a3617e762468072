/* pl-pronunciations-page-private.h: what the tests reach of the
 * pronunciations page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the pronunciations page; not for the rest of the app.
 */

#pragma once

#include "pl-pronunciations-page.h"
#include "pl-voice.h"

G_BEGIN_DECLS

/* The voice "Say it" speaks with */
PlVoice    *pl_pronunciations_page_get_voice   (PlPronunciationsPage *self);
/* Whose words are listed: a person's id, or 0 for the service's */
void        pl_pronunciations_page_set_scope   (PlPronunciationsPage *self,
                                                gint64                person_id);
/* The message shown now, or NULL */
const char *pl_pronunciations_page_get_message (PlPronunciationsPage *self);
/* The number of words listed */
guint       pl_pronunciations_page_get_n_rows  (PlPronunciationsPage *self);

G_END_DECLS
