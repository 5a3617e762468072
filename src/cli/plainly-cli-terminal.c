/* plainly-cli-terminal.c: what plainly-cli writes to a terminal, and its errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include "pl-i18n.h"

#include "plainly-cli-private.h"

/* Text from the database (names, notes) goes to a terminal, where control
 * and escape characters would act rather than show: each becomes U+FFFD,
 * as do the characters that reverse the direction of what follows. keep
 * lists the controls that are the output's own layout ("\n"). */
char *
clean (const char *text,
       const char *keep)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);

      /* The isolates Plainly puts around a name in an Urdu sentence are
       * dropped: taking one away cannot turn what follows */
      if (c == 0x2068 || c == 0x2069)
        continue;
      if ((g_unichar_iscntrl (c) || bidi) && (c >= 0x80 || strchr (keep, (int) c) == NULL))
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

void
say_error (const char *message)
{
  g_autofree char *text = clean (message, "\n");

  g_printerr ("plainly-cli: %s\n", text);
}

int
usage_error (const char *message)
{
  say_error (message);
  g_printerr ("%s\n", _("Run “plainly-cli --help” to see how to use it."));
  return EXIT_USAGE;
}
