/* pl-document-kind.h: the kinds of document a person can be shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one list of them: the window's home, the command line's --document,
 * the access policy and the document builders all use this enum.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PL_DOCUMENT_PLAN,
  PL_DOCUMENT_DIARY,
  PL_DOCUMENT_WELCOME,
  PL_DOCUMENT_COMPLAINT,
  PL_N_DOCUMENT_KINDS
} PlDocumentKind;

/* "plan", "diary", "welcome", "complaint": never translated (command line,
 * saved places) */
const char *pl_document_kind_to_nick   (PlDocumentKind  kind);
/* FALSE for a nick that is not one of them */
gboolean    pl_document_kind_from_nick (const char     *nick,
                                        PlDocumentKind *kind);
/* The nicks, "plan|diary|welcome|complaint", for help texts */
const char *pl_document_kind_nicks     (void);
/* The PL_SCOPE_BIT() a reader needs to open this kind (pl-model.h) */
guint       pl_document_kind_scope     (PlDocumentKind  kind);

G_END_DECLS
