/* test-catalog.c: reading translations, their plural rules and contexts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Catalogues are made here from small .po texts with the real msgfmt, the
 * way the build makes Plainly's own, then read back through PlCatalog.
 */

#include "config.h"

#include "pl-catalog.h"
#include "pl-plural.h"
#include "pl-test-util.h"

#include <gio/gio.h>
#include <string.h>

#define WELSH_PLURALS \
  "nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : (n==6) ? 4 : 5;"
#define POLISH_PLURALS \
  "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
#define ROMANIAN_PLURALS \
  "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);"

static const char welsh_po[] =
  "msgid \"\"\n"
  "msgstr \"\"\n"
  "\"Language: cy\\n\"\n"
  "\"MIME-Version: 1.0\\n\"\n"
  "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
  "\"Content-Transfer-Encoding: 8bit\\n\"\n"
  "\"Plural-Forms: " WELSH_PLURALS "\\n\"\n"
  "\n"
  "msgid \"Read aloud\"\n"
  "msgstr \"Darllen yn uchel\"\n"
  "\n"
  "msgctxt \"month\"\n"
  "msgid \"May\"\n"
  "msgstr \"Mai\"\n"
  "\n"
  "msgctxt \"permission\"\n"
  "msgid \"May\"\n"
  "msgstr \"Caniateir\"\n"
  "\n"
  "msgid \"%lu visit\"\n"
  "msgid_plural \"%lu visits\"\n"
  "msgstr[0] \"%lu ymweliadau (0)\"\n"
  "msgstr[1] \"%lu ymweliad\"\n"
  "msgstr[2] \"%lu ymweliad (2)\"\n"
  "msgstr[3] \"%lu ymweliad (3)\"\n"
  "msgstr[4] \"%lu ymweliad (6)\"\n"
  "msgstr[5] \"%lu ymweliad (llawer)\"\n";

/* Writes po_text to DIR/LANGUAGE/LC_MESSAGES/plainly.mo with msgfmt */
static char *
compile_po (const char *dir,
            const char *language,
            const char *po_text,
            const char *endianness)
{
  g_autofree char *po_path = g_build_filename (dir, "in.po", NULL);
  g_autofree char *mo_dir = g_build_filename (dir, language, "LC_MESSAGES", NULL);
  char *mo_path = g_build_filename (mo_dir, "plainly.mo", NULL);
  g_autofree char *endian_arg = g_strconcat ("--endianness=", endianness, NULL);
  const char *argv[] = { "msgfmt", "--check", endian_arg, "-o", mo_path, po_path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err_text = NULL;
  int status = 0;

  g_assert_cmpint (g_mkdir_with_parents (mo_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (po_path, po_text, -1, &error));
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err_text, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("msgfmt refused the test's catalogue: %s", err_text);
  return mo_path;
}

static gboolean
have_msgfmt (void)
{
  g_autofree char *path = g_find_program_in_path ("msgfmt");

  if (path == NULL)
    g_test_skip ("msgfmt (package gettext) is not installed");
  return path != NULL;
}

static void
check_welsh (PlCatalog *catalog)
{
  const struct { gulong n; const char *form; } counts[] = {
    { 0, "%lu ymweliadau (0)" },
    { 1, "%lu ymweliad" },
    { 2, "%lu ymweliad (2)" },
    { 3, "%lu ymweliad (3)" },
    { 4, "%lu ymweliad (llawer)" },
    { 6, "%lu ymweliad (6)" },
    { 11, "%lu ymweliad (llawer)" },
  };

  g_assert_cmpstr (pl_catalog_get_language (catalog), ==, "cy");
  g_assert_cmpuint (pl_catalog_get_n_plurals (catalog), ==, 6);
  g_assert_cmpuint (pl_catalog_get_n_messages (catalog), ==, 4);
  g_assert_cmpstr (pl_catalog_gettext (catalog, "Read aloud"), ==, "Darllen yn uchel");
  g_assert_cmpstr (pl_catalog_pgettext (catalog, "month", "May"), ==, "Mai");
  g_assert_cmpstr (pl_catalog_pgettext (catalog, "permission", "May"), ==, "Caniateir");
  /* Without its context the word is not the month's */
  g_assert_cmpstr (pl_catalog_gettext (catalog, "May"), ==, "May");
  g_assert_cmpstr (pl_catalog_gettext (catalog, "Not translated"), ==, "Not translated");

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_assert_cmpstr (pl_catalog_ngettext (catalog, "%lu visit", "%lu visits", counts[i].n),
                     ==, counts[i].form);
  g_assert_cmpstr (pl_catalog_ngettext (catalog, "%lu call", "%lu calls", 1), ==, "%lu call");
  g_assert_cmpstr (pl_catalog_ngettext (catalog, "%lu call", "%lu calls", 0), ==, "%lu calls");
}

static void
test_catalog_welsh (void)
{
  g_autofree char *dir = pl_test_make_dir ("plainly-catalog");
  const char *endianness[] = { "little", "big" };

  if (!have_msgfmt ())
    return;

  /* A catalogue made on a machine of the other byte order reads the same */
  for (guint i = 0; i < G_N_ELEMENTS (endianness); i++)
    {
      g_autofree char *mo = compile_po (dir, "cy", welsh_po, endianness[i]);
      g_autoptr(PlCatalog) catalog = NULL;
      g_autoptr(GError) error = NULL;

      catalog = pl_catalog_load ("cy_GB.UTF-8", dir, "plainly", &error);
      g_assert_no_error (error);
      check_welsh (catalog);
    }

  pl_test_remove_dir (dir);
}

static void
test_catalog_missing (void)
{
  g_autofree char *dir = pl_test_make_dir ("plainly-catalog");
  g_autoptr(PlCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  catalog = pl_catalog_load ("pl_PL", dir, "plainly", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (catalog);
  g_assert_nonnull (strstr (error->message, "no translation"));

  /* No catalogue: the words as written, English plurals */
  g_assert_cmpstr (pl_catalog_gettext (NULL, "Read aloud"), ==, "Read aloud");
  g_assert_cmpstr (pl_catalog_ngettext (NULL, "a", "b", 1), ==, "a");
  g_assert_cmpstr (pl_catalog_ngettext (NULL, "a", "b", 2), ==, "b");

  pl_test_remove_dir (dir);
}

static void
test_catalog_damaged (void)
{
  g_autofree char *dir = pl_test_make_dir ("plainly-catalog");
  g_autofree char *mo = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GRand *rand = g_rand_new_with_seed (20261202);
  guint refused = 0;

  if (!have_msgfmt ())
    {
      g_rand_free (rand);
      return;
    }

  mo = compile_po (dir, "cy", welsh_po, "little");
  g_assert_true (g_file_get_contents (mo, &contents, &length, NULL));

  /* Not a catalogue at all */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.5\n", 9);
    g_autoptr(GError) error = NULL;

    g_assert_null (pl_catalog_new_from_bytes ("cy", bytes, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  }

  /* Cut short anywhere, or with a byte changed anywhere: read or refused,
   * never a crash or a read past the end (the sanitizer build checks) */
  for (gsize cut = 0; cut < length; cut++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (contents, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlCatalog) catalog = pl_catalog_new_from_bytes ("cy", bytes, &error);

      if (catalog == NULL)
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
          refused++;
        }
    }
  /* Every cut loses at least the last string's NUL */
  g_assert_cmpuint (refused, ==, length);

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *copy = g_memdup2 (contents, length);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(PlCatalog) catalog = NULL;
      g_autoptr(GError) error = NULL;

      copy[g_rand_int_range (rand, 0, (gint32) length)] = (char) g_rand_int_range (rand, 0, 256);
      bytes = g_bytes_new_take (g_steal_pointer (&copy), length);
      catalog = pl_catalog_new_from_bytes ("cy", bytes, &error);
      if (catalog != NULL)
        {
          /* Whatever it reads, it answers in UTF-8 */
          const char *text = pl_catalog_ngettext (catalog, "%lu visit", "%lu visits", 5);

          g_assert_true (g_utf8_validate (text, -1, NULL));
        }
      else
        g_assert_nonnull (error);
    }

  g_rand_free (rand);
  pl_test_remove_dir (dir);
}

static void
test_catalog_not_utf8 (void)
{
  g_autofree char *dir = pl_test_make_dir ("plainly-catalog");
  g_autofree char *mo = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  char *found;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_msgfmt ())
    return;

  mo = compile_po (dir, "cy", welsh_po, "little");
  g_assert_true (g_file_get_contents (mo, &contents, &length, NULL));
  found = memmem (contents, length, "Darllen", 7);
  g_assert_nonnull (found);
  found[1] = (char) 0xff;

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_null (pl_catalog_new_from_bytes ("cy", bytes, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);

  pl_test_remove_dir (dir);
}

static void
check_rule (const char   *header,
            const gulong *counts,
            const guint  *forms,
            guint         n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlural) plural = pl_plural_new (header, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      if (pl_plural_choose (plural, counts[i]) != forms[i])
        g_error ("%s: %lu takes form %u, not %u", header, counts[i],
                 pl_plural_choose (plural, counts[i]), forms[i]);
    }
}

static void
test_plural_rules (void)
{
  const gulong welsh_n[] = { 0, 1, 2, 3, 4, 5, 6, 7, 10, 100 };
  const guint welsh_f[] = { 0, 1, 2, 3, 5, 5, 4, 5, 5, 5 };
  const gulong polish_n[] = { 0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 102, 112, 122 };
  const guint polish_f[] = { 2, 0, 1, 1, 2, 2, 2, 2, 2, 1, 2, 1, 2, 1 };
  const gulong romanian_n[] = { 0, 1, 2, 19, 20, 100, 101, 119, 120 };
  const guint romanian_f[] = { 1, 0, 1, 1, 2, 2, 1, 1, 2 };
  const gulong two_n[] = { 0, 1, 2 };
  const guint two_f[] = { 1, 0, 1 };

  check_rule (WELSH_PLURALS, welsh_n, welsh_f, G_N_ELEMENTS (welsh_n));
  check_rule (POLISH_PLURALS, polish_n, polish_f, G_N_ELEMENTS (polish_n));
  check_rule (ROMANIAN_PLURALS, romanian_n, romanian_f, G_N_ELEMENTS (romanian_n));
  /* Panjabi and Urdu, as Debian's own catalogues give them, spaces and all */
  check_rule ("nplurals = 2; plural = (n != 1);", two_n, two_f, G_N_ELEMENTS (two_n));
  check_rule ("nplurals=2; plural=n>1;", (const gulong[]) { 0, 1, 2 },
              (const guint[]) { 0, 0, 1 }, 3);
}

static void
test_plural_refused (void)
{
  const char *bad[] = {
    "",
    "nplurals=2;",
    "plural=(n != 1);",
    "nplurals=0; plural=0;",
    "nplurals=2; plural=(n != 1;",
    "nplurals=2; plural=n ==;",
    "nplurals=2; plural=n ? 1;",
    "nplurals=2; plural=(n != 1); junk",
    "nplurals=2; plural=m != 1;",
    "nplurals=100; plural=n;",
  };
  GString *deep = g_string_new ("nplurals=2; plural=");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (pl_plural_new (bad[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }

  /* Nested past any real rule: refused, not a stack overflow */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '(');
  g_string_append (deep, "n");
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (pl_plural_new (deep->str, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  }
  g_string_free (deep, TRUE);

  /* A rule that divides by zero or names a form past the last takes the
   * last form */
  {
    g_autoptr(PlPlural) plural = pl_plural_new ("nplurals=3; plural=n/0;", NULL);

    g_assert_cmpuint (pl_plural_choose (plural, 5), ==, 2);
    g_clear_pointer (&plural, pl_plural_free);
    plural = pl_plural_new ("nplurals=3; plural=n;", NULL);
    g_assert_cmpuint (pl_plural_choose (plural, 1), ==, 1);
    g_assert_cmpuint (pl_plural_choose (plural, 7), ==, 2);
  }
}

static gpointer
other_thread (gpointer data)
{
  /* Another thread starts with no catalogue of its own */
  return pl_catalog_get_thread_default ();
}

static void
test_catalog_thread_default (void)
{
  g_autofree char *dir = pl_test_make_dir ("plainly-catalog");
  g_autofree char *mo = NULL;
  g_autoptr(PlCatalog) welsh = NULL;
  GThread *thread;

  if (!have_msgfmt ())
    return;

  mo = compile_po (dir, "cy", welsh_po, "little");
  welsh = pl_catalog_load ("cy", dir, "plainly", NULL);
  g_assert_nonnull (welsh);

  g_assert_null (pl_catalog_get_thread_default ());
  pl_catalog_push_thread_default (welsh);
  g_assert_true (pl_catalog_get_thread_default () == welsh);

  /* The staff window's words, inside the person's: English again */
  pl_catalog_push_thread_default (NULL);
  g_assert_null (pl_catalog_get_thread_default ());
  thread = g_thread_new ("other", other_thread, NULL);
  g_assert_null (g_thread_join (thread));
  pl_catalog_pop_thread_default (NULL);

  g_assert_true (pl_catalog_get_thread_default () == welsh);
  thread = g_thread_new ("other", other_thread, NULL);
  g_assert_null (g_thread_join (thread));
  pl_catalog_pop_thread_default (welsh);
  g_assert_null (pl_catalog_get_thread_default ());

  pl_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/welsh", test_catalog_welsh);
  g_test_add_func ("/catalog/missing", test_catalog_missing);
  g_test_add_func ("/catalog/damaged", test_catalog_damaged);
  g_test_add_func ("/catalog/not-utf8", test_catalog_not_utf8);
  g_test_add_func ("/catalog/thread-default", test_catalog_thread_default);
  g_test_add_func ("/plural/rules", test_plural_rules);
  g_test_add_func ("/plural/refused", test_plural_refused);

  return g_test_run ();
}
