/* pl-plan-translation.h: a person's plan kept in two languages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Staff put the words they wrote in a plan into another language with the
 * person (a Welsh plan kept in English too), and the person chooses which
 * they read (PlSettings.plan_language). Each translation is keyed by the
 * words it translates: it stays with the plan through new versions while
 * those words stay the same, and a text that changes shows as not yet
 * translated rather than with words that no longer match it. The plan is
 * built in the chosen language by the one builder (pl-document-plan.c), so
 * every presenter shows, speaks and prints the same words.
 */

#pragma once

#include <glib.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* One text staff wrote in the plan, as whoever translates it sees it */
typedef struct
{
  char *part;     /* the heading it is under, in the current catalogue's language */
  char *field;    /* what it is ("If it is missed"), or NULL for a part's own words */
  char *source;   /* the words as written */
} PlPlanText;

void       pl_plan_text_free                  (PlPlanText   *text);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlPlanText, pl_plan_text_free)

/* Every text staff wrote in person_id's current plan that a translation
 * covers, in the order of the plan, each distinct text once (element-type
 * PlPlanText); empty when there is no plan yet */
GPtrArray *pl_plan_translation_texts          (PlStore      *store,
                                               gint64        person_id,
                                               GError      **error);
/* person_id's translations into language: source → translation */
GHashTable *pl_plan_translation_table         (PlStore      *store,
                                               gint64        person_id,
                                               const char   *language,
                                               GError      **error);
/* Saves what changed of translations (source → translation) into language
 * for person_id, in one transaction with its history: a blank translation
 * removes the one kept. Refuses a language that is not a tag, or text that
 * is not valid UTF-8, saving nothing. */
gboolean   pl_plan_translation_save           (PlStore      *store,
                                               gint64        person_id,
                                               const char   *language,
                                               GHashTable   *translations,
                                               GError      **error);
/* The languages person_id's plan has translations into, sorted; empty when
 * it has none */
GStrv      pl_plan_translation_languages      (PlStore      *store,
                                               gint64        person_id,
                                               GError      **error);
/* How many of texts (PlPlanText) have a translation in table */
guint      pl_plan_translation_count_done     (GPtrArray    *texts,
                                               GHashTable   *table);
/* The language person_id's plan is read in by someone whose settings chose
 * chosen: chosen when the plan has translations into it, else NULL (as
 * written) */
char      *pl_plan_translation_reading_language (PlStore    *store,
                                                 gint64      person_id,
                                                 const char *chosen);

G_END_DECLS
