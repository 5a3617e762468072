/* pl-store-test.h: a database file of the test's own, and ways to look
 * inside one, for the store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* A temporary folder and the path of a database in it, not yet made */
typedef struct
{
  char *dir;
  char *path;
} PlStoreFixture;

#define PL_STORE_TEST_ADD(path, func) \
  g_test_add (path, PlStoreFixture, NULL, pl_store_fixture_setup, func, pl_store_fixture_teardown)

void      pl_store_fixture_setup (PlStoreFixture *f,
                                  gconstpointer   data);
void      pl_store_fixture_teardown (PlStoreFixture *f,
                                     gconstpointer   data);
PlStore  *pl_store_test_open_ok (const char *path);
gint64    pl_store_test_add_person (PlStore    *store,
                                    const char *full_name,
                                    const char *preferred);
char     *pl_store_test_file_checksum (const char *path);
int       pl_store_test_sqlite_pragma_int (const char *path,
                                           const char *pragma);
gboolean  pl_store_test_notices_mention (PlStore    *store,
                                         const char *words);

G_END_DECLS
