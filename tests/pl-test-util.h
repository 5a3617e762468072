/* pl-test-util.h: what every test needs, kept in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* A new private folder under the temporary directory */
char    *pl_test_make_dir   (const char *prefix);
/* Removes a folder and everything in it, read-only parts included */
void     pl_test_remove_dir (const char *dir);
/* A catalogue of the test's own for language, made with msgfmt from po
 * (the text of a .po file) as dir/LANGUAGE/LC_MESSAGES/plainly.mo, for
 * PLAINLY_LOCALEDIR; FALSE when msgfmt is not installed */
gboolean pl_test_make_catalog (const char *dir,
                               const char *language,
                               const char *po);
/* Opens (creating) dir/plainly.db; fails the test if it cannot */
PlStore *pl_test_open_store (const char *dir,
                             char      **out_path);

/* The loudness of 16-bit samples, from 0 (silence) to 1 */
double   pl_test_rms        (GArray     *samples);

G_END_DECLS
