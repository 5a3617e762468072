/* pl-secret.c: PINs and passwords, kept only as slow salted hashes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"
#include <sodium.h>
#include <string.h>

#include "pl-secret.h"
#include "pl-store.h"

#define FREE_TRIES 3
#define MAX_DELAY  300

static gboolean
ensure_sodium (GError **error)
{
  /* sodium_init is safe to call again and from several threads */
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED,
                           _("Plainly could not start its security library."));
      return FALSE;
    }
  return TRUE;
}

char *
pl_secret_hash (const char  *secret,
                GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  g_return_val_if_fail (secret != NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;

  /* The interactive limits keep signing in under a second on an old
   * computer while making each guess at a stolen file slow */
  if (crypto_pwhash_str_alg (hash, secret, strlen (secret),
                             crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED,
                           _("There was not enough memory to protect the PIN. "
                             "Close other programs and try again."));
      return NULL;
    }

  return g_strdup (hash);
}

static void
free_secret (gpointer data)
{
  char *secret = data;

  memset (secret, 0, strlen (secret));
  g_free (secret);
}

static void
hash_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  char *hash;

  (void) source_object;
  (void) cancellable;
  hash = pl_secret_hash (task_data, &error);
  if (hash == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hash, g_free);
}

void
pl_secret_hash_async (const char          *secret,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (secret != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pl_secret_hash_async);
  g_task_set_task_data (task, g_strdup (secret), free_secret);
  g_task_run_in_thread (task, hash_thread);
}

char *
pl_secret_hash_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pl_secret_hash_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
pl_secret_verify (const char *hash,
                  const char *secret)
{
  g_return_val_if_fail (secret != NULL, FALSE);

  if (hash == NULL || *hash == '\0' || strlen (hash) >= crypto_pwhash_STRBYTES)
    return FALSE;
  if (!ensure_sodium (NULL))
    return FALSE;

  return crypto_pwhash_str_verify (hash, secret, strlen (secret)) == 0;
}

gboolean
pl_secret_pin_is_valid (const char  *pin,
                        GError     **error)
{
  gsize len = pin != NULL ? strlen (pin) : 0;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (pin[i]))
      {
        g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                             _("A PIN can only have numbers in it, 0 to 9. Please try again."));
        return FALSE;
      }

  if (len < PL_PIN_MIN_DIGITS || len > PL_PIN_MAX_DIGITS)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("A PIN needs %d to %d numbers. Please try again."), PL_PIN_MIN_DIGITS, PL_PIN_MAX_DIGITS);
      return FALSE;
    }

  return TRUE;
}

guint
pl_secret_delay_for_failures (guint failures)
{
  guint delay = 5;

  if (failures < FREE_TRIES)
    return 0;

  /* 5 s, 10 s, 20 s… so a slip costs little and guessing costs a lot */
  for (guint i = FREE_TRIES; i < failures && delay < MAX_DELAY; i++)
    delay *= 2;

  return MIN (delay, MAX_DELAY);
}
