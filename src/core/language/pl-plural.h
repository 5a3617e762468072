/* pl-plural.h: the plural rule of a message catalogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A catalogue's header says how its language chooses between plural forms
 * as a small C expression in n ("Plural-Forms: nplurals=6; plural=(n==0) ?
 * 0 : ..."). Welsh has six forms, Polish three; the rule is read from the
 * translation itself rather than written here for each language, so a new
 * language needs no code.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PlPlural PlPlural;

/* Reads the value of a Plural-Forms header ("nplurals=N; plural=EXPR;").
 * NULL with an error if it is not one. */
PlPlural *pl_plural_new  (const char  *header_value,
                          GError     **error);
void      pl_plural_free (PlPlural    *plural);

guint     pl_plural_get_n_forms (const PlPlural *plural);

/* Which form (0 to n_forms - 1) a count takes. A rule that gives a form
 * out of range, or divides by zero, gives the last form. */
guint     pl_plural_choose      (const PlPlural *plural,
                                 gulong          n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlPlural, pl_plural_free)

G_END_DECLS
