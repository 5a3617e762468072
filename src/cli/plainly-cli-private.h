/* plainly-cli-private.h: what plainly-cli's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-access.h"
#include "pl-store.h"

G_BEGIN_DECLS

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,   /* the command ran and found a problem, or could not run */
  EXIT_USAGE = 2,    /* the command line itself is wrong */
};

/* Text from the database made safe for a terminal; keep: controls that
 * are the output's own layout ("\n") (plainly-cli-terminal.c) */
char *clean       (const char *text,
                   const char *keep);
/* "plainly-cli: message" on standard error */
void  say_error   (const char *message);
/* The same, and how to get help; EXIT_USAGE */
int   usage_error (const char *message);

/* `needs` and `need-rule CODE` (plainly-cli-needs.c); min_size -1 and
 * NULL answers leave a rule's effect as it was */
int   command_needs     (PlStore    *store);
int   command_need_rule (PlStore    *store,
                         const char *code,
                         int         min_size,
                         const char *contrast,
                         const char *read_aloud,
                         const char *more_time);

/* Who is reading PERSON, as the access policy lets them: their PIN, or
 * --staff and a password (plainly-cli.c) */
PlViewer *open_viewer (PlStore         *store,
                       const PlPerson  *person,
                       GError         **error);

/* `pronunciations [PERSON]`, `pronounce WORD SAID [PERSON]` and
 * `unpronounce NUMBER` (plainly-cli-pronunciations.c); language NULL: the
 * person's own, else English */
int   command_pronunciations (PlStore    *store,
                              const char *who);
int   command_pronounce      (PlStore    *store,
                              const char *written,
                              const char *said,
                              const char *who,
                              const char *language);
int   command_unpronounce    (PlStore    *store,
                              const char *number);

G_END_DECLS
