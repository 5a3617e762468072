/* pl-secret-prompt.c: reading a PIN or password from whoever runs a command
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "pl-i18n.h"

#include "pl-secret-prompt.h"
#include "pl-store.h"

/* Longer than any PIN or staff password (PL_STAFF_SECRET_MAX_CHARS
 * characters of up to 4 bytes) */
#define MAX_SECRET_BYTES 1100

static const int ending_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP };

static struct termios saved_termios;
static struct sigaction saved_actions[G_N_ELEMENTS (ending_signals)];

/* The typing was hidden: show it again before the signal does what it
 * would have done (end the program, or stop it) */
static void
restore_terminal_cb (int signum)
{
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved_termios);
  for (guint i = 0; i < G_N_ELEMENTS (ending_signals); i++)
    if (ending_signals[i] == signum)
      sigaction (signum, &saved_actions[i], NULL);
  raise (signum);
}

/* One line of stdin without its line ending; FALSE at once at the end */
static gboolean
read_line (char  *buffer,
           gsize  size)
{
  gsize len;

  if (fgets (buffer, (int) size, stdin) == NULL)
    return FALSE;

  len = strlen (buffer);
  if (len > 0 && buffer[len - 1] != '\n' && !feof (stdin))
    {
      /* Longer than any secret: keep the start, which will not match, and
       * leave nothing of it in stdin */
      int c;

      while ((c = getchar ()) != EOF && c != '\n')
        ;
    }
  while (len > 0 && (buffer[len - 1] == '\n' || buffer[len - 1] == '\r'))
    buffer[--len] = '\0';
  return TRUE;
}

static gboolean
read_hidden (const char *prompt,
             char       *buffer,
             gsize       size)
{
  struct termios hidden;
  struct sigaction action = { 0 };
  gboolean got;

  /* The prompt is a whole message ("PIN for Dot:"); the space is the
   * terminal's */
  fprintf (stderr, "%s ", prompt);
  fflush (stderr);

  if (tcgetattr (STDIN_FILENO, &saved_termios) != 0)
    return read_line (buffer, size);

  action.sa_handler = restore_terminal_cb;
  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (ending_signals); i++)
    sigaction (ending_signals[i], &action, &saved_actions[i]);

  hidden = saved_termios;
  hidden.c_lflag &= ~(tcflag_t) ECHO;
  hidden.c_lflag |= ECHONL;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &hidden);

  got = read_line (buffer, size);

  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved_termios);
  for (guint i = 0; i < G_N_ELEMENTS (ending_signals); i++)
    sigaction (ending_signals[i], &saved_actions[i], NULL);
  return got;
}

char *
pl_secret_prompt_read (const char  *prompt,
                       GError     **error)
{
  char buffer[MAX_SECRET_BYTES + 2];
  gboolean got;
  char *secret = NULL;

  g_return_val_if_fail (prompt != NULL, NULL);

  if (isatty (STDIN_FILENO))
    got = read_hidden (prompt, buffer, sizeof buffer);
  else
    got = read_line (buffer, sizeof buffer);

  if (got && buffer[0] != '\0')
    secret = g_strdup (buffer);
  memset (buffer, 0, sizeof buffer);

  if (secret == NULL)
    g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                         isatty (STDIN_FILENO)
                           ? _("Nothing was typed.")
                           : _("Nothing was given on standard input: give it there, "
                               "one line, or type it when asked."));
  return secret;
}

void
pl_secret_prompt_free (char *secret)
{
  if (secret == NULL)
    return;
  memset (secret, 0, strlen (secret));
  g_free (secret);
}
