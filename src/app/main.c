/* main.c: start Plainly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "pl-application.h"
#include "pl-output-file.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PlApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A PDF or sound file being saved when the session ends leaves nothing */
  pl_output_file_remove_on_signals (NULL);

  app = pl_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  return status != 0 ? status : pl_application_get_exit_status (app);
}
