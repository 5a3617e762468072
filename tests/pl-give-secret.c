/* pl-give-secret.c: gives a person a PIN, or makes a staff account with a
 * password, for the command-line tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   pl-give-secret DATABASE person PERSON < pin
 *   pl-give-secret DATABASE staff USERNAME < password
 *
 * The app does both (My settings, the staff window); the shell tests need
 * them without a display.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pl-secret.h"
#include "pl-staff.h"
#include "pl-store.h"

static gboolean
give_pin (PlStore     *store,
          const char  *who,
          const char  *pin,
          GError     **error)
{
  g_autoptr(PlPerson) person = pl_store_find_person (store, who, error);

  if (person == NULL || !pl_secret_pin_is_valid (pin, error))
    return FALSE;
  g_free (person->pin_hash);
  person->pin_hash = pl_secret_hash (pin, error);
  return person->pin_hash != NULL && pl_store_save_person (store, person, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlStaff) staff = NULL;
  char secret[300] = "";
  gboolean ok = FALSE;

  if (argc != 4 || fgets (secret, sizeof secret, stdin) == NULL ||
      (g_strcmp0 (argv[2], "person") != 0 && g_strcmp0 (argv[2], "staff") != 0))
    {
      g_printerr ("usage: pl-give-secret DATABASE person PERSON|staff USERNAME < secret\n");
      return 2;
    }
  secret[strcspn (secret, "\r\n")] = '\0';

  store = pl_store_open (argv[1], PL_STORE_OPEN_NO_CREATE, &error);
  if (store != NULL && g_str_equal (argv[2], "person"))
    ok = give_pin (store, argv[3], secret, &error);
  else if (store != NULL)
    {
      /* Straight into the store: the example already has a manager, and
       * only a manager may add accounts */
      staff = pl_staff_new ();
      staff->username = g_strdup (argv[3]);
      staff->display_name = g_strdup (argv[3]);
      staff->role = PL_ROLE_CARE_WORKER;
      staff->password_hash = pl_secret_hash (secret, &error);
      ok = staff->password_hash != NULL && pl_store_save_staff (store, staff, &error);
    }
  if (!ok)
    {
      g_printerr ("pl-give-secret: %s\n", error->message);
      return 1;
    }
  return 0;
}
