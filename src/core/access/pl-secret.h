/* pl-secret.h: PINs and passwords, kept only as slow salted hashes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PL_PIN_MIN_DIGITS 4
#define PL_PIN_MAX_DIGITS 8

/* Argon2id through libsodium, salted, in its own self-describing string.
 * Fails only when the machine is out of memory. */
char     *pl_secret_hash              (const char  *secret,
                                       GError     **error);
/* pl_secret_hash () in a worker thread, so a window never freezes on it */
void      pl_secret_hash_async        (const char          *secret,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
char     *pl_secret_hash_finish       (GAsyncResult        *result,
                                       GError             **error);
/* Whether secret matches hash; FALSE for a NULL or damaged hash */
gboolean  pl_secret_verify            (const char  *hash,
                                       const char  *secret);
/* A PIN is 4 to 8 digits; error says what is wrong, in plain words */
gboolean  pl_secret_pin_is_valid      (const char  *pin,
                                       GError     **error);
/* Seconds to wait before the next try after this many wrong ones in a row:
 * none for the first few slips, then growing, never more than 5 minutes */
guint     pl_secret_delay_for_failures (guint       failures);

G_END_DECLS
