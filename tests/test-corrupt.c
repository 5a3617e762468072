/* test-corrupt.c: one damaged value in any column of any table never crashes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each table and each column, a copy of the example database has the
 * column of its first row changed to something this version does not
 * expect: text that is not UTF-8, numbers out of range, an unknown
 * enumeration value, a reference to nothing. On each copy, what every
 * plainly-cli command does is done here in-process (open as list and show
 * open, list, check, needs, then every document of every person as they
 * read it). Each succeeds or fails with a message; none crashes. The suite
 * runs it under AddressSanitizer and UBSan too.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pl-access.h"
#include "pl-demo.h"
#include "pl-document.h"
#include "pl-needs.h"
#include "pl-store.h"
#include "pl-test-util.h"

typedef struct
{
  char   *dir;
  char   *template_path;
  GBytes *template_bytes;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  f->dir = pl_test_make_dir ("plainly-corrupt");
  {
    g_autoptr(PlStore) store = pl_test_open_store (f->dir, &f->template_path);

    g_assert_true (pl_demo_install (store, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (f->template_path, &contents, &len, &error));
  g_assert_no_error (error);
  f->template_bytes = g_bytes_new_take (contents, len);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  pl_test_remove_dir (f->dir);
  g_bytes_unref (f->template_bytes);
  g_free (f->template_path);
  g_free (f->dir);
}

/* The values that stand for damage in a column of each kind */
static GPtrArray *
damage_for (const PlField *field)
{
  GPtrArray *values = g_ptr_array_new ();

  switch (field->kind)
    {
    case PL_FIELD_TEXT:
      g_ptr_array_add (values, (gpointer) "CAST (x'41ff00c3e2809b1b5b32' AS TEXT)");
      g_ptr_array_add (values, (gpointer) "''");
      break;
    case PL_FIELD_ENUM:
      g_ptr_array_add (values, (gpointer) "'no-such-value'");
      g_ptr_array_add (values, (gpointer) "CAST (x'ff' AS TEXT)");
      break;
    case PL_FIELD_INT:
    case PL_FIELD_INT64:
      g_ptr_array_add (values, (gpointer) "9223372036854775807");
      g_ptr_array_add (values, (gpointer) "-2147483649");
      break;
    case PL_FIELD_REF:
      g_ptr_array_add (values, (gpointer) "999999999");
      g_ptr_array_add (values, (gpointer) "-1");
      break;
    case PL_FIELD_BOOL:
      g_ptr_array_add (values, (gpointer) "7");
      break;
    case PL_FIELD_DOUBLE:
      g_ptr_array_add (values, (gpointer) "1e308");
      g_ptr_array_add (values, (gpointer) "-1.0");
      break;
    default:
      g_assert_not_reached ();
    }
  return values;
}

/* FALSE when the table has no row to damage */
static gboolean
damage (const char         *path,
        const PlRecordType *type,
        const PlField      *field,
        const char         *value)
{
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  int changed;

  /* CHECK constraints would stop what a damaged disk or another program
   * can still leave behind */
  sql = g_strdup_printf ("PRAGMA ignore_check_constraints = ON;"
                         "UPDATE %s SET %s = %s WHERE id = (SELECT min(id) FROM %s);",
                         type->table, field->name, value, type->table);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("Could not damage %s.%s: %s", type->table, field->name, sqlite3_errmsg (db));
  changed = sqlite3_changes (db);
  sqlite3_close (db);
  return changed > 0;
}

static void
assert_answer (gboolean    ok,
               GError    **error)
{
  /* Yes, or no with words */
  g_assert_true (ok == (*error == NULL));
  if (*error != NULL)
    g_assert_true (g_utf8_validate ((*error)->message, -1, NULL) && *(*error)->message != '\0');
  g_clear_error (error);
}

/* What each plainly-cli command does, on a damaged copy */
static void
run_every_command (const char *path)
{
  g_autoptr(GError) error = NULL;

  /* list, needs and check: read-only */
  {
    g_autoptr(PlStore) store = pl_store_open (path, PL_STORE_OPEN_READ_ONLY, &error);
    g_autoptr(PlStore) as_is = NULL;
    g_autoptr(GPtrArray) people = NULL;
    g_autoptr(GPtrArray) rules = NULL;
    g_autoptr(PlStoreReport) report = NULL;

    if (store == NULL)
      {
        assert_answer (FALSE, &error);
        return;
      }
    people = pl_store_list_people (store, 0, &error);
    assert_answer (people != NULL, &error);
    for (guint i = 0; people != NULL && i < people->len; i++)
      {
        const PlPerson *person = people->pdata[i];

        g_assert_true (person->full_name == NULL || g_utf8_validate (person->full_name, -1, NULL));
        g_assert_true (person->preferred_name == NULL ||
                       g_utf8_validate (person->preferred_name, -1, NULL));
      }
    rules = pl_store_list_need_rules (store, 0, &error);
    assert_answer (rules != NULL, &error);
    if (rules != NULL)
      {
        g_autoptr(GPtrArray) needs = pl_store_list_comm_needs (store, 1, &error);
        g_autoptr(GPtrArray) explained = NULL;

        assert_answer (needs != NULL, &error);
        if (needs != NULL)
          explained = pl_needs_explain_with_rules (needs, rules);
      }
    as_is = pl_store_open (path, PL_STORE_OPEN_READ_ONLY | PL_STORE_OPEN_AS_IS, &error);
    g_assert_no_error (error);
    report = pl_store_check (as_is, &error);
    assert_answer (report != NULL, &error);
  }

  /* show (and speak and export, which build the same documents) */
  {
    g_autoptr(PlStore) store = pl_store_open (path, PL_STORE_OPEN_NO_CREATE, &error);
    g_autoptr(GPtrArray) people = NULL;

    if (store == NULL)
      {
        assert_answer (FALSE, &error);
        return;
      }
    people = pl_store_list_people (store, 0, &error);
    assert_answer (people != NULL, &error);
    for (guint i = 0; people != NULL && i < people->len; i++)
      {
        const PlPerson *person = people->pdata[i];
        g_autoptr(PlViewer) who = pl_access_open_person (store, person->id, NULL, &error);
        g_autoptr(PlViewer) viewer = NULL;
        g_autoptr(PlSettings) settings = NULL;

        if (who == NULL)
          {
            assert_answer (FALSE, &error);
            continue;
          }
        viewer = pl_viewer_for_person (store, who, person->id, &error);
        assert_answer (viewer != NULL, &error);
        settings = pl_store_get_settings (store, person->id, &error);
        assert_answer (settings != NULL, &error);
        for (PlDocumentKind kind = 0; viewer != NULL && kind < PL_N_DOCUMENT_KINDS; kind++)
          {
            g_autoptr(PlDocument) document = pl_document_build_for (store, viewer, kind, &error);
            g_autofree char *text = NULL;

            assert_answer (document != NULL, &error);
            if (document == NULL)
              continue;
            text = pl_document_to_text (document);
            g_assert_true (g_utf8_validate (text, -1, NULL));
          }
      }
  }
}

static void
test_every_column (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "damaged.db", NULL);
  const PlRecordType * const *types;
  guint n_types, n_damaged = 0;

  types = pl_record_types (&n_types);
  for (guint t = 0; t < n_types; t++)
    for (guint i = 1; i < types[t]->n_fields; i++)
      {
        const PlField *field = &types[t]->fields[i];
        g_autoptr(GPtrArray) values = damage_for (field);

        for (guint v = 0; v < values->len; v++)
          {
            g_autoptr(GError) error = NULL;
            g_autofree char *wal = g_strconcat (path, "-wal", NULL);
            g_autofree char *shm = g_strconcat (path, "-shm", NULL);

            g_unlink (wal);
            g_unlink (shm);
            g_assert_true (g_file_set_contents_full (path, g_bytes_get_data (f->template_bytes, NULL),
                                                     (gssize) g_bytes_get_size (f->template_bytes),
                                                     G_FILE_SET_CONTENTS_NONE, 0600, &error));
            g_assert_no_error (error);
            if (!damage (path, types[t], field, values->pdata[v]))
              break;
            g_test_message ("%s.%s = %s", types[t]->table, field->name,
                            (const char *) values->pdata[v]);
            run_every_command (path);
            n_damaged++;
          }
      }
  g_test_message ("%u damaged copies opened", n_damaged);
  g_assert_cmpuint (n_damaged, >, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A part that cannot be worked out is logged as a warning and the rest
   * shown: that is the wanted outcome here, so only criticals abort */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_test_add ("/plainly/corrupt/every-column", Fixture, NULL,
              fixture_setup, test_every_column, fixture_teardown);

  return g_test_run ();
}
