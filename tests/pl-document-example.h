/* pl-document-example.h: a person with something in every part of the
 * plan, built through the typed store API, for the document builder tests
 *
 * Each test builds a database in its own temporary folder, builds a
 * document from it and checks the words and order that every presenter
 * will get.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-document.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* Text in several scripts, which must come back byte for byte */
#define TEXT_ACCENTS "Zoë Brontë"
#define TEXT_WELSH   "Siân Llŷr, Cymraeg: Bore da"
#define TEXT_POLISH  "Zażółć gęślą jaźń"
#define TEXT_ARABIC  "مرحبا بك"
#define TEXT_EMOJI   "🙂☕"

#define EMPTY_NOTICE \
  "Nothing has been written here yet. You can ask your coordinator to add it with you."

typedef struct
{
  char    *dir;
  char    *path;
  PlStore *store;
} PlDocFixture;

/* A test with a store of its own (PlDocFixture) */
#define PL_DOC_TEST_ADD(path, func) \
  g_test_add (path, PlDocFixture, NULL, pl_doc_fixture_setup, func, pl_doc_fixture_teardown)

typedef struct
{
  gint64 service;
  gint64 person;
  gint64 plan;
  gint64 coordinator;
  gint64 daughter;
  gint64 neighbour;
  gint64 safeguarding;
  gint64 visit_monday;
  gint64 visit_daily;
  gint64 visit_friday;
  gint64 medicine;
  gint64 outcome;
  gint64 risk;
  gint64 complaint;
} PlDocIds;

/* A store in a temporary folder of its own, removed afterwards */
void            pl_doc_fixture_setup (PlDocFixture  *f,
                                      gconstpointer  data);
void            pl_doc_fixture_teardown (PlDocFixture  *f,
                                         gconstpointer  data);

/* Building the example */
gint64          pl_doc_test_add_service (PlStore *store);
gint64          pl_doc_test_add_person (PlStore    *store,
                                        gint64      service_id,
                                        const char *full_name,
                                        const char *preferred_name);
gint64          pl_doc_test_add_plan (PlStore *store,
                                      gint64   person_id,
                                      gint64   coordinator_id);
void            pl_doc_test_add_section (PlStore       *store,
                                         gint64         plan_id,
                                         PlSectionKind  kind,
                                         const char    *body);
void            pl_doc_test_add_diary (PlStore        *store,
                                       gint64          person_id,
                                       const char     *date,
                                       const char     *planned,
                                       const char     *arrived,
                                       const char     *departed,
                                       PlVisitOutcome  outcome,
                                       const char     *action);
/* A person with something in every part of the plan */
void            pl_doc_test_add_example (PlDocFixture *f,
                                         PlDocIds     *ids);
void            pl_doc_test_add_welcome_pack (PlStore *store,
                                              gint64   service_id);
gint64          pl_doc_test_add_complaint (PlStore *store,
                                           gint64   person_id);

/* Looking at documents: the index of the block of this kind with this text, or -1 */
int             pl_doc_test_find_text (PlDocument  *document,
                                       PlBlockKind  kind,
                                       const char  *text);
/* The block with this anchor; fails the test if there is none */
const PlBlock  *pl_doc_test_at_anchor (PlDocument *document,
                                       const char *anchor);
/* The block after the one with this anchor */
const PlBlock  *pl_doc_test_after_anchor (PlDocument *document,
                                          const char *anchor);
/* The index after the last block under the heading at start */
guint           pl_doc_test_part_end (PlDocument *document,
                                      guint       start);
/* The block of this kind and label within [start, end), or NULL */
const PlBlock  *pl_doc_test_find_labelled (PlDocument  *document,
                                           guint        start,
                                           guint        end,
                                           PlBlockKind  kind,
                                           const char  *label);
/* Every block has an anchor of its own, found again by it */
void            pl_doc_test_assert_anchors_unique (PlDocument *document);

G_END_DECLS
