/* pl-document-kind.c: the kinds of document a person can be shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-document-kind.h"
#include "pl-model.h"

static const struct {
  const char *nick;
  PlSharingScope scope;
} kinds[PL_N_DOCUMENT_KINDS] = {
  [PL_DOCUMENT_PLAN]      = { "plan", PL_SCOPE_PLAN },
  [PL_DOCUMENT_DIARY]     = { "diary", PL_SCOPE_DIARY },
  [PL_DOCUMENT_WELCOME]   = { "welcome", PL_SCOPE_WELCOME_PACK },
  [PL_DOCUMENT_COMPLAINT] = { "complaint", PL_SCOPE_COMPLAINTS },
};

const char *
pl_document_kind_to_nick (PlDocumentKind kind)
{
  g_return_val_if_fail (kind < PL_N_DOCUMENT_KINDS, NULL);

  return kinds[kind].nick;
}

gboolean
pl_document_kind_from_nick (const char     *nick,
                            PlDocumentKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; nick != NULL && i < PL_N_DOCUMENT_KINDS; i++)
    if (g_str_equal (nick, kinds[i].nick))
      {
        *kind = (PlDocumentKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
pl_document_kind_nicks (void)
{
  return "plan|diary|welcome|complaint";
}

guint
pl_document_kind_scope (PlDocumentKind kind)
{
  g_return_val_if_fail (kind < PL_N_DOCUMENT_KINDS, 0);

  return PL_SCOPE_BIT (kinds[kind].scope);
}
