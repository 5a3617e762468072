/* test-corrupt.c: one damaged value in any column of any table never crashes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each table and each column, a copy of the example database has the
 * column of its first row changed to something this version does not
 * expect (pl-damage.c): text that is not UTF-8, text not of its form (a
 * time of "25:99", a theme Plainly does not have), numbers out of range,
 * an unknown enumeration value, a reference to nothing. On each copy, first
 * what every command does is done in-process (open as list and show open,
 * list, check, needs, then every document of every person as they read
 * it), so that each record read can be looked at; then the real
 * plainly-cli runs list, show, check, export and speak on each copy of a
 * sample that has every column kind of every table and every number with
 * a range or text of a fixed form (pl_damage_is_sample (): each run takes
 * a while). Each
 * succeeds or fails with a message in words; none crashes, and none
 * changes the file. check names each damaged value with its record. The
 * suite runs it under AddressSanitizer and UBSan too.
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pl-access.h"
#include "pl-damage.h"
#include "pl-document.h"
#include "pl-needs.h"
#include "pl-store.h"
#include "pl-test-util.h"

/* The plainly-cli to run, from the command line */
static const char *cli_path;

typedef struct
{
  char   *dir;
  GBytes *example;
  GArray *damages;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = pl_test_make_dir ("plainly-corrupt");
  f->example = pl_damage_example (f->dir);
  f->damages = pl_damage_list ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  pl_test_remove_dir (f->dir);
  g_bytes_unref (f->example);
  g_array_unref (f->damages);
  g_free (f->dir);
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

/* Every number and every text of a fixed form read is one Plainly can
 * use, or its field's fallback */
static void
assert_values_usable (PlStore *store)
{
  const PlRecordType * const *types;
  guint n_types;

  types = pl_record_types (&n_types);
  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = pl_store_list (store, types[t], 0, &error);

      assert_answer (rows != NULL, &error);
      for (guint r = 0; rows != NULL && r < rows->len; r++)
        for (guint i = 1; i < types[t]->n_fields; i++)
          {
            const PlField *field = &types[t]->fields[i];
            double v;

            if (field->kind == PL_FIELD_TEXT)
              {
                const char *text = *PL_FIELD_PTR (rows->pdata[r], field, const char *);

                /* Text of a fixed form has it, or is its fallback */
                if (!pl_field_text_is_valid (field, text))
                  g_assert_cmpstr (text, ==, pl_field_text_fallback (field));
                continue;
              }
            if (field->kind == PL_FIELD_INT)
              v = *PL_FIELD_PTR (rows->pdata[r], field, int);
            else if (field->kind == PL_FIELD_DOUBLE)
              v = *PL_FIELD_PTR (rows->pdata[r], field, double);
            else
              continue;
            if (!pl_field_number_is_valid (field, v))
              g_assert_cmpfloat (v, ==, pl_field_number_fallback (field));
          }
    }
}

/* check names the damaged record: "The visit numbered 3: its day (8)…" */
static void
assert_named (const PlDamage *damage,
              gint64          id,
              GPtrArray      *problems)
{
  g_autofree char *numbered = g_strdup_printf ("numbered %" G_GINT64_FORMAT ":", id);
  const char *label = damage->field != NULL && damage->field->label != NULL
                      ? damage->field->label : damage->column;

  if (damage->type == NULL)
    label = "wrong tries";
  for (guint i = 0; i < problems->len; i++)
    if (strstr (problems->pdata[i], numbered) != NULL && strstr (problems->pdata[i], label) != NULL)
      return;
  g_error ("check does not name %s.%s of record %" G_GINT64_FORMAT, damage->table,
           damage->column, id);
}

/* What each plainly-cli command does, on a damaged copy */
static void
run_every_command (const char     *path,
                   const PlDamage *damage,
                   gint64          id)
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
    assert_values_usable (store);
    as_is = pl_store_open (path, PL_STORE_OPEN_READ_ONLY | PL_STORE_OPEN_AS_IS, &error);
    g_assert_no_error (error);
    report = pl_store_check (as_is, &error);
    assert_answer (report != NULL, &error);
    if (report != NULL && damage->reported)
      {
        /* The wrong tries' message says "the person numbered 1:" */
        if (damage->type == NULL)
          {
            g_autofree char *numbered = g_strdup_printf ("person numbered %" G_GINT64_FORMAT ":", id);
            gboolean found = FALSE;

            for (guint i = 0; i < report->problems->len; i++)
              found |= strstr (report->problems->pdata[i], numbered) != NULL &&
                       strstr (report->problems->pdata[i], "wrong tries") != NULL;
            g_assert_true (found);
          }
        else
          assert_named (damage, id, report->problems);
      }
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
  guint n_damaged = 0;

  for (guint d = 0; d < f->damages->len; d++)
    {
      const PlDamage *damage = &g_array_index (f->damages, PlDamage, d);
      g_autofree char *what = pl_damage_describe (damage);
      gint64 id = 0;

      if (!pl_damage_apply (damage, f->example, path, &id))
        continue;
      g_test_message ("%s", what);
      run_every_command (path, damage, id);
      n_damaged++;
    }
  g_test_message ("%u damaged copies opened", n_damaged);
  g_assert_cmpuint (n_damaged, >, 100);
}

/* Runs plainly-cli with args on the damaged copy at path. It answers in
 * words, with 0 or 1, and leaves the file as it was. */
static int
run_cli (const char  *path,
         const char  *what,
         const char  *first,
         ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;
  int status = 0;
  va_list args;

  g_assert_true (g_file_get_contents (path, &before, &before_len, &error));
  g_assert_no_error (error);

  g_ptr_array_add (argv, (gpointer) cli_path);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) path);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* Standard input is empty: a PIN asked for is not there */
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDIN_FROM_DEV_NULL,
                               NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);

  if (!WIFEXITED (status) || WEXITSTATUS (status) > 1)
    g_error ("plainly-cli %s on %s: status %d\n%s", (const char *) argv->pdata[3], what, status, err);
  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_assert_true (g_utf8_validate (err, -1, NULL));
  /* Plain English: no GLib warning or critical, and a failure says why */
  g_assert_null (strstr (err, "CRITICAL"));
  g_assert_null (strstr (err, "WARNING"));
  if (WEXITSTATUS (status) != 0)
    g_assert_true (g_str_has_prefix (err, "plainly-cli: ") && strlen (err) > 20);

  g_assert_true (g_file_get_contents (path, &after, &after_len, &error));
  g_assert_no_error (error);
  if (before_len != after_len || memcmp (before, after, before_len) != 0)
    g_error ("plainly-cli %s changed %s", (const char *) argv->pdata[3], what);

  return WEXITSTATUS (status);
}

/* Damage that reaches the voice: the person and what sets their speech */
static gboolean
reaches_voice (const PlDamage *damage)
{
  static const char * const tables[] = { "people", "settings", "comm_needs", "need_rules", NULL };

  return g_strv_contains (tables, damage->table);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "damaged.db", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "out.pdf", NULL);
  g_autofree char *wav = g_build_filename (f->dir, "out.wav", NULL);
  guint n_damaged = 0, n_spoken = 0;

  if (cli_path == NULL)
    {
      g_test_skip ("No plainly-cli given");
      return;
    }

  for (guint d = 0; d < f->damages->len; d++)
    {
      const PlDamage *damage = &g_array_index (f->damages, PlDamage, d);
      g_autofree char *what = pl_damage_describe (damage);
      gint64 id = 0;
      int check;

      if (!pl_damage_is_sample (f->damages, d) || !pl_damage_apply (damage, f->example, path, &id))
        continue;
      g_test_message ("%s", what);

      run_cli (path, what, "list", NULL);
      run_cli (path, what, "show", "1", NULL);
      check = run_cli (path, what, "check", NULL);
      if (damage->reported)
        g_assert_cmpint (check, ==, 1);
      g_unlink (pdf);
      if (run_cli (path, what, "export", "1", "--out", pdf, NULL) == 0)
        g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
      else
        g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
      /* Speech says the words show printed; what differs is the voice */
      if (reaches_voice (damage))
        {
          g_unlink (wav);
          if (run_cli (path, what, "speak", "1", "--document", "complaint", "--out", wav, NULL) == 0)
            g_assert_true (g_file_test (wav, G_FILE_TEST_IS_REGULAR));
          else
            g_assert_false (g_file_test (wav, G_FILE_TEST_EXISTS));
          n_spoken++;
        }
      n_damaged++;
    }
  g_test_message ("plainly-cli ran on %u damaged copies, speaking on %u", n_damaged, n_spoken);
  g_assert_cmpuint (n_damaged, >, 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  cli_path = argc > 1 ? argv[1] : NULL;
  /* A part that cannot be worked out is logged as a warning and the rest
   * shown: that is the wanted outcome here, so only criticals abort */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_test_add ("/plainly/corrupt/every-column", Fixture, NULL,
              fixture_setup, test_every_column, fixture_teardown);
  g_test_add ("/plainly/corrupt/cli", Fixture, NULL,
              fixture_setup, test_cli, fixture_teardown);

  return g_test_run ();
}
