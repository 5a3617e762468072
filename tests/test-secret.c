/* test-secret.c: PINs are kept only as slow salted hashes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib.h>

#include "pl-secret.h"

static void
test_hash_and_verify (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = pl_secret_hash ("4821", &error);
  g_autofree char *again = pl_secret_hash ("4821", &error);

  g_assert_no_error (error);
  g_assert_nonnull (hash);
  /* Argon2id, and never the PIN itself */
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, "4821"));
  /* Salted: the same PIN twice gives two different hashes */
  g_assert_cmpstr (hash, !=, again);

  g_assert_true (pl_secret_verify (hash, "4821"));
  g_assert_true (pl_secret_verify (again, "4821"));
  g_assert_false (pl_secret_verify (hash, "4822"));
  g_assert_false (pl_secret_verify (hash, "48210"));
  g_assert_false (pl_secret_verify (hash, ""));
  g_assert_false (pl_secret_verify (NULL, "4821"));
  g_assert_false (pl_secret_verify ("", "4821"));
  g_assert_false (pl_secret_verify ("$argon2id$v=19$damaged", "4821"));
}

static void
test_pin_rules (void)
{
  const char *good[] = { "0000", "1234", "12345678", "0042" };
  const char *bad[] = { "", "123", "123456789", "12a4", "12 34", "١٢٣٤", "-123" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (pl_secret_pin_is_valid (good[i], NULL));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (pl_secret_pin_is_valid (bad[i], &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
    }
  g_assert_false (pl_secret_pin_is_valid (NULL, NULL));
}

static void
test_delay_grows (void)
{
  guint last = 0;

  /* A slip or two costs nothing */
  g_assert_cmpuint (pl_secret_delay_for_failures (0), ==, 0);
  g_assert_cmpuint (pl_secret_delay_for_failures (2), ==, 0);
  g_assert_cmpuint (pl_secret_delay_for_failures (3), >, 0);

  for (guint n = 3; n < 40; n++)
    {
      guint delay = pl_secret_delay_for_failures (n);

      g_assert_cmpuint (delay, >=, last);
      g_assert_cmpuint (delay, <=, 300);
      last = delay;
    }
  g_assert_cmpuint (last, ==, 300);
  g_assert_cmpuint (pl_secret_delay_for_failures (G_MAXUINT), ==, 300);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plainly/secret/hash-and-verify", test_hash_and_verify);
  g_test_add_func ("/plainly/secret/pin-rules", test_pin_rules);
  g_test_add_func ("/plainly/secret/delay-grows", test_delay_grows);

  return g_test_run ();
}
