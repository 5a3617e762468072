/* pl-pronunciation.c: how names, places and medicines are said
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include "pl-i18n.h"

#include "pl-pronunciation.h"
#include "pl-store-private.h"

gboolean
pl_pronunciation_same_language (const char *a,
                                const char *b)
{
  gsize na = 0, nb = 0;

  if (a == NULL || b == NULL)
    return FALSE;
  /* The voices of one language share their phonemes and spelling rules */
  while (g_ascii_isalpha (a[na]))
    na++;
  while (g_ascii_isalpha (b[nb]))
    nb++;
  return na > 0 && na == nb && g_ascii_strncasecmp (a, b, na) == 0;
}

gboolean
pl_pronunciation_save (PlStore          *store,
                       PlPronunciation  *pronunciation,
                       GError          **error)
{
  g_autoptr(GPtrArray) same_scope = NULL;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (pronunciation != NULL, FALSE);

  if ((pronunciation->service_id != 0) == (pronunciation->person_id != 0))
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("A pronunciation is either for the whole service or for one "
                             "person. Choose which."));
      return FALSE;
    }

  same_scope = pronunciation->person_id != 0
               ? pl_store_list_pronunciations (store, pronunciation->person_id, error)
               : pl_pronunciation_list_for_service (store, pronunciation->service_id, error);
  if (same_scope == NULL)
    return FALSE;

  for (guint i = 0; i < same_scope->len; i++)
    {
      const PlPronunciation *other = g_ptr_array_index (same_scope, i);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      if (other->id == pronunciation->id || other->written == NULL ||
          pronunciation->written == NULL ||
          !pl_pronunciation_same_language (other->language, pronunciation->language))
        continue;
      a = g_utf8_casefold (other->written, -1);
      b = g_utf8_casefold (pronunciation->written, -1);
      if (g_str_equal (a, b))
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("“%s” already has a pronunciation in this language. Change that one "
                         "instead."),
                       other->written);
          return FALSE;
        }
    }

  return pl_store_save_pronunciation (store, pronunciation, error);
}

GPtrArray *
pl_pronunciation_list_for_service (PlStore  *store,
                                   gint64    service_id,
                                   GError  **error)
{
  return pl_store_list_for_service (store, &pl_pronunciation_type, service_id, error);
}

GPtrArray *
pl_pronunciation_list_for_person (PlStore  *store,
                                  gint64    person_id,
                                  GError  **error)
{
  return pl_store_list_with_service (store, &pl_pronunciation_type, person_id, error);
}
