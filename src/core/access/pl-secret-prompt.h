/* pl-secret-prompt.h: reading a PIN or password from whoever runs a command
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads one secret, never from the command line (where other users of the
 * computer and the shell's history would see it). When standard input is a
 * terminal, prompt is written to standard error and what is typed is not
 * shown; the terminal is put back as it was even when Ctrl+C ends the
 * program. Otherwise the first line of standard input is read, for scripts.
 * NULL with error set when nothing was given. Free the result with
 * pl_secret_prompt_free (), which wipes it. */
char *pl_secret_prompt_read (const char  *prompt,
                             GError     **error);
void  pl_secret_prompt_free (char        *secret);

G_END_DECLS
