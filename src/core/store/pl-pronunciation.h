/* pl-pronunciation.h: how names, places and medicines are said
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Staff write how a word the voice says wrongly should be said: for the
 * whole service ("Castlebridge", "Metformin") or for one person (their own
 * name). Every reading, sound file, talking book and talking button says
 * it so (pl-lexicon.h). A person's entries come before the service's.
 */

#pragma once

#include <glib.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* Saves a new or changed entry, refusing one that belongs to neither the
 * service nor a person (or to both), and a second entry for the same words
 * in the same language and scope. pronunciation is updated to what was
 * stored (its id, stamps). */
gboolean   pl_pronunciation_save             (PlStore          *store,
                                              PlPronunciation  *pronunciation,
                                              GError          **error);
/* The service's own entries, for everyone it supports, by their written
 * form (element-type PlPronunciation) */
GPtrArray *pl_pronunciation_list_for_service (PlStore          *store,
                                              gint64            service_id,
                                              GError          **error);
/* What the voice uses for person_id: their own entries, then their
 * service's (element-type PlPronunciation) */
GPtrArray *pl_pronunciation_list_for_person  (PlStore          *store,
                                              gint64            person_id,
                                              GError          **error);
/* Whether two language tags name the same language for a pronunciation:
 * "en-GB" and "en-gb-x-rp" do, "en" and "cy" do not */
gboolean   pl_pronunciation_same_language    (const char       *a,
                                              const char       *b);

G_END_DECLS
