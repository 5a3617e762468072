/* pl-actor.h: who made a change, as the history keeps it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An actor is one explicit value, built here and nowhere else, and never
 * translated: "staff:4", "person:12", "carer:3", or one of the fixed names
 * below. The history keeps it; pl_actor_describe () turns it into words for
 * whoever reads the history, in their language, with the names as they are
 * now.
 */

#pragma once

#include <glib.h>

#include "pl-access.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* Plainly itself: migrations, housekeeping */
#define PL_ACTOR_PLAINLY      "plainly"
/* Installing or refreshing the example person */
#define PL_ACTOR_EXAMPLE      "example-data"
/* plainly-cli with no one signed in (need rules, importing) */
#define PL_ACTOR_COMMAND_LINE "command-line"

char     *pl_actor_for_staff   (const PlStaff  *staff);
char     *pl_actor_for_person  (gint64          person_id);
char     *pl_actor_for_carer   (gint64          carer_id);
/* The staff member, carer or person a viewer is */
char     *pl_actor_for_viewer  (const PlViewer *viewer);
/* Whether actor is one this module builds */
gboolean  pl_actor_is_valid    (const char     *actor);
/* The actor in words: "Sam Patel (Care coordinator)", "Dot", "Mair (carer)",
 * "Example data"… store may be NULL (names are then not looked up); an
 * actor from an older Plainly, kept as words, comes back as it is. */
char     *pl_actor_describe    (PlStore        *store,
                                const char     *actor);

G_END_DECLS
