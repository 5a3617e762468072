/* pl-i18n.h: _() in the reader's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Included instead of <glib/gi18n.h> by code that builds words for a
 * reader: _(), C_() and ngettext() translate through the thread-default
 * PlCatalog (pl-catalog.h) when one is pushed, and through gettext in the
 * computer's language when none is. xgettext sees the usual keywords.
 */

#pragma once

#include <glib/gi18n.h>

#include "pl-catalog.h"

G_BEGIN_DECLS

const char *pl_gettext   (const char *msgid) G_GNUC_FORMAT (1);
const char *pl_pgettext  (const char *context,
                          const char *msgid) G_GNUC_FORMAT (2);
const char *pl_ngettext  (const char *msgid,
                          const char *msgid_plural,
                          gulong      n) G_GNUC_FORMAT (1) G_GNUC_FORMAT (2);

#undef _
#define _(String) pl_gettext (String)
#undef C_
#define C_(Context, String) pl_pgettext (Context, String)
#undef ngettext
#define ngettext(Msgid, Plural, N) pl_ngettext (Msgid, Plural, N)

G_END_DECLS
