/* pl-document.h: what every presenter reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PlDocument is an ordered list of blocks. The reader view, speech, PDF and
 * braille all walk the same blocks, so the person gets the same words in every
 * form. Anchors are stable across builds of the same record ("visits",
 * "visit-12") so a place can be remembered and linked to.
 */

#pragma once

#include <glib-object.h>

#include "pl-access.h"
#include "pl-document-kind.h"
#include "pl-plan-version.h"
#include "pl-types.h"

G_BEGIN_DECLS

typedef enum
{
  PL_BLOCK_HEADING,    /* level 1-3; text is the heading */
  PL_BLOCK_PARAGRAPH,
  PL_BLOCK_LIST_ITEM,  /* level is the nesting depth, from 1 */
  PL_BLOCK_FIELD,      /* label: text, e.g. "Time: 8:00 in the morning" */
  PL_BLOCK_CONTACT,    /* label is the role; text the name and ways to reach them, one per line */
  PL_BLOCK_QUESTION,   /* a question put to the person; text may hold the answer */
  PL_BLOCK_LINK,       /* text to follow to the block whose anchor is target */
  PL_BLOCK_NOTICE,     /* stands out: an empty part said plainly, or "if you are in danger" */
} PlBlockKind;

typedef enum
{
  PL_BLOCK_FLAGS_NONE = 0,
  /* Changed since the person last looked (NG86 1.4.8): every presenter marks
   * it, the screen and the page with a line beside it */
  PL_BLOCK_CHANGED    = 1 << 0,
  /* Stands in for a part the reader may not see (NG86 1.1.14-1.1.15) */
  PL_BLOCK_NOT_SHARED = 1 << 1,
} PlBlockFlags;

struct _PlBlock
{
  PlBlockKind          kind;
  int                  level;
  char                *anchor;       /* unique within the document */
  char                *label;        /* FIELD, CONTACT, QUESTION; else NULL */
  char                *text;         /* never NULL */
  char                *target;       /* LINK only */
  PlBlockFlags         flags;
  /* The record this block begins or shows (a diary entry, a comment…), so
   * a presenter acts on it without reading anchors; NULL when none */
  const PlRecordType  *record_type;
  gint64               record_id;
  /* HEADING only: the part under it in easy read, written by staff with the
   * person; easy read shows it in place of the easy_read_span blocks after
   * the heading (the part's own words, not what the plan adds after them,
   * such as the numbers to ring in a crisis). NULL when there is none. */
  char                *easy_read;
  guint                easy_read_span;
  /* What text is written in, when staff wrote it in another language than
   * the document's (a part in English in a Welsh plan): the voice reads it
   * in that language. NULL: the document's (pl_block_get_language ()). */
  char                *language;
};

#define PL_TYPE_DOCUMENT (pl_document_get_type ())
G_DECLARE_FINAL_TYPE (PlDocument, pl_document, PL, DOCUMENT, GObject)

PlDocument    *pl_document_new           (const char   *title);
const char    *pl_document_get_title     (PlDocument   *self);
/* The title as a file's name: no direction controls, no folder marks */
char          *pl_document_dup_file_title (PlDocument  *self);
guint          pl_document_get_n_blocks  (PlDocument   *self);
const PlBlock *pl_document_get_block     (PlDocument   *self,
                                          guint         index);
/* Returns the index of the block with this anchor, or -1 */
int            pl_document_find_anchor   (PlDocument   *self,
                                          const char   *anchor);
/* Appends a block; anchor NULL makes one from the last heading's anchor
 * ("part-2"), or for a heading, numbers it through the document
 * ("heading-3") */
const PlBlock *pl_document_add           (PlDocument   *self,
                                          PlBlockKind   kind,
                                          int           level,
                                          const char   *anchor,
                                          const char   *label,
                                          const char   *text);
const PlBlock *pl_document_add_link      (PlDocument   *self,
                                          const char   *text,
                                          const char   *target);
void           pl_document_set_block_flags  (PlDocument         *self,
                                             guint               index,
                                             PlBlockFlags        flags);
void           pl_document_set_block_record (PlDocument         *self,
                                             guint               index,
                                             const PlRecordType *type,
                                             gint64              id);
/* The index of the block that shows this record, or -1 */
int            pl_document_find_record      (PlDocument         *self,
                                             const PlRecordType *type,
                                             gint64              id);
/* The record of this type that block index belongs to: the nearest block
 * at or before it that shows one, else the first after it; 0 for none */
gint64         pl_document_record_near      (PlDocument         *self,
                                             guint               index,
                                             const PlRecordType *type);
/* "Version 3" for a plan, so every form (screen, print, speech) can show a
 * copy is current (NG21 1.2.6); NULL for documents without versions */
void           pl_document_set_block_easy_read (PlDocument   *self,
                                                guint         index,
                                                const char   *easy_read,
                                                guint         span);
/* The pictures staff chose for the reader's easy read (element-type
 * PlSymbolChoice), their own before their service's; NULL when none */
void           pl_document_set_block_language (PlDocument   *self,
                                               guint         index,
                                               const char   *language);
/* The language block's text is in: its own, else the document's (NULL:
 * the computer's) */
const char    *pl_block_get_language      (const PlBlock *block,
                                           PlDocument    *document);
GPtrArray     *pl_document_get_symbol_choices (PlDocument *self);
void           pl_document_set_symbol_choices (PlDocument *self,
                                               GPtrArray  *choices);
const char    *pl_document_get_version   (PlDocument   *self);
void           pl_document_set_version   (PlDocument   *self,
                                          const char   *version);
/* Whose document it is (the person's full name), for presenters that say
 * so on a cover (a talking book's title page); NULL when built for no one */
const char    *pl_document_get_owner     (PlDocument   *self);
void           pl_document_set_owner     (PlDocument   *self,
                                          const char   *owner);
/* The language the document's own words are in (BCP 47), or NULL for the
 * computer's; the words staff wrote stay in the language they wrote */
const char    *pl_document_get_language  (PlDocument   *self);
void           pl_document_set_language  (PlDocument   *self,
                                          const char   *language);
/* Whether any block is marked PL_BLOCK_CHANGED */
gboolean       pl_document_has_changes   (PlDocument   *self);
/* Whether two documents say the same: title, version and every block
 * alike. A view shown the same words again keeps what it built. */
gboolean       pl_document_equal         (PlDocument   *a,
                                          PlDocument   *b);
/* Where each part begins, for presenters that divide a document (a talking
 * book's pages and chapters, a sound file's chapters): the first block, then
 * every heading of level 1 or 2 after it that does not follow a heading
 * (the title stays with the first part). (element-type guint) */
GArray        *pl_document_get_part_starts (PlDocument *self);
/* Plain text, blocks in order, headings marked: what `plainly-cli show` prints */
char          *pl_document_to_text       (PlDocument   *self);
const char    *pl_block_kind_to_string   (PlBlockKind   kind);

/* Dates and times in words, as a person reads them and as speech says them
 * (espeak-ng cannot say "08:30" well). Text that is not a date or time comes
 * back unchanged. */
char          *pl_date_to_words          (const char   *iso_date);   /* "2026-11-16": "Monday 16 November 2026" */
char          *pl_time_to_words          (const char   *hh_mm);      /* "08:30": "8:30 in the morning" */
char          *pl_duration_to_words      (int           minutes);    /* 90: "1 hour and 30 minutes" */

/* The one way to what a reader is shown: the document of this kind for the
 * person viewer reads, with only what the access policy lets them see
 * (parts not shared are flagged blocks that say so), and, for the person's
 * own plan, what changed since they last looked, first, each change marked
 * (NG86 1.4.8). Refused in plain words when the viewer may not open it.
 * Every presenter reads what this returns. */
PlDocument    *pl_document_build_for     (PlStore        *store,
                                          PlViewer       *viewer,
                                          PlDocumentKind  kind,
                                          GError        **error);
/* The reader has now been shown the document: for the person's own plan,
 * its changes are not pointed out again (NG86 1.4.8). A carer's or staff
 * member's look changes nothing. */
gboolean       pl_document_note_shown    (PlStore        *store,
                                          PlViewer       *viewer,
                                          PlDocumentKind  kind,
                                          GError        **error);

/* Builders: one per kind of document a person can be shown */
PlDocument    *pl_document_build_plan      (PlStore  *store,
                                            gint64    person_id,
                                            GError  **error);
/* As a carer sees it: parts they may not see (PL_SCOPE_BIT()s, NG86
 * 1.1.14-1.1.15) are left out with a notice that says so; refused without
 * PL_SCOPE_PLAN */
PlDocument    *pl_document_build_plan_shared (PlStore  *store,
                                              gint64    person_id,
                                              guint     scopes,
                                              GError  **error);
/* As above, in language: the words staff put into it (pl-plan-translation.h)
 * stand in for the words written, and a notice says when some are not yet
 * in it. NULL: as written. */
PlDocument    *pl_document_build_plan_in   (PlStore     *store,
                                            gint64       person_id,
                                            guint        scopes,
                                            const char  *language,
                                            GError     **error);
/* A plan as it is being written, before it is saved: the person, their
 * needs and contacts from the store, everything else from content */
PlDocument    *pl_document_build_plan_content (PlStore              *store,
                                               const PlPlanContent  *content,
                                               GError              **error);
PlDocument    *pl_document_build_welcome   (PlStore  *store,
                                            gint64    person_id,
                                            GError  **error);
/* complaint_id 0: the person's most recent complaint or compliment */
PlDocument    *pl_document_build_complaint (PlStore  *store,
                                            gint64    person_id,
                                            gint64    complaint_id,
                                            GError  **error);
/* limit 0: the whole diary, newest visit first */
PlDocument    *pl_document_build_diary     (PlStore  *store,
                                            gint64    person_id,
                                            guint     limit,
                                            GError  **error);

G_END_DECLS
