/* plainly-cli-private.h: what plainly-cli's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

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

G_END_DECLS
