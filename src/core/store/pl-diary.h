/* pl-diary.h: writing the care diary, and comments on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Care workers write an entry for each visit (NG21 1.3.22-1.3.24): when they
 * arrived and left, what was done, how the person was, anything to follow
 * up. A late or missed visit also says what was done about it (NG21
 * 1.4.10-1.4.15). The person and their carers add their own comments.
 */

#pragma once

#include <glib.h>

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_DIARY_ERROR (pl_diary_error_quark ())

/* Which rule an entry or comment breaks, so a form can point at the field */
typedef enum
{
  PL_DIARY_ERROR_NO_PERSON,      /* the entry is for nobody */
  PL_DIARY_ERROR_BAD_DATE,       /* the visit date is missing or not a date */
  PL_DIARY_ERROR_BAD_PLANNED,    /* the planned time is not a time */
  PL_DIARY_ERROR_BAD_ARRIVED,    /* arrived missing (for a visit that happened) or not a time */
  PL_DIARY_ERROR_BAD_LEFT,       /* left missing, not a time, or not after arrived */
  PL_DIARY_ERROR_NEEDS_PLANNED,  /* a late visit needs the time it was planned for */
  PL_DIARY_ERROR_NEEDS_ACTION,   /* a late or missed visit needs what was done about it */
  PL_DIARY_ERROR_NO_AUTHOR,      /* a comment needs a name to sign it with */
  PL_DIARY_ERROR_NO_BODY,        /* a comment needs some words */
} PlDiaryError;

GQuark          pl_diary_error_quark     (void);

/* Minutes after midnight of a "HH:MM" (or "H:MM") time, or -1 when text is
 * not a time of day */
int             pl_diary_parse_time      (const char          *text);

/* Whether entry keeps the diary's rules; the error (PL_DIARY_ERROR) says
 * which one it breaks in words a care worker reads */
gboolean        pl_diary_entry_check     (const PlDiaryEntry  *entry,
                                          GError             **error);
/* Checks, tidies (times as "HH:MM", blank text as none) and saves a new or
 * changed entry; entry is updated to what was stored */
gboolean        pl_diary_save_entry      (PlStore             *store,
                                          PlDiaryEntry        *entry,
                                          GError             **error);

/* A comment by the person (carer_id 0) or a carer on one entry; author is
 * the name they sign with. Returns the comment as stored. */
PlDiaryComment *pl_diary_add_comment     (PlStore             *store,
                                          gint64               entry_id,
                                          const char          *author,
                                          gint64               carer_id,
                                          const char          *body,
                                          GError             **error);
/* Whether person wrote comment themself: no carer, and signed with their
 * own name. A carer who has since been removed leaves no carer id behind,
 * so the name decides, and a comment is never shown as the person's own
 * when it may not be. */
gboolean        pl_diary_comment_is_persons (const PlDiaryComment *comment,
                                             const PlPerson       *person);
/* The comments on one entry, oldest first (element-type PlDiaryComment) */
GPtrArray      *pl_diary_list_comments   (PlStore             *store,
                                          gint64               entry_id,
                                          GError             **error);

G_END_DECLS
