/* test-output-file.c: files for people are written whole or not at all,
 * only their owner may read them, and nothing replaces the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "pl-output-file.h"
#include "pl-store.h"
#include "pl-test-util.h"

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static guint
file_mode (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static char *
contents (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_commit (void)
{
  g_autofree char *dir = pl_test_make_dir ("plainly-output");
  g_autofree char *target = g_build_filename (dir, "plan.pdf", NULL);
  g_autoptr(PlOutputFile) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *tmp_base = NULL;
  g_autofree char *text = NULL;

  output = pl_output_file_new (target, &error);
  g_assert_no_error (error);
  g_assert_nonnull (output);

  /* Hidden, beside the target, and only the owner may read it */
  tmp_dir = g_path_get_dirname (pl_output_file_get_temp_path (output));
  tmp_base = g_path_get_basename (pl_output_file_get_temp_path (output));
  g_assert_true (g_file_test (pl_output_file_get_temp_path (output), G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_str_has_prefix (tmp_base, ".plan.pdf."));
  g_assert_cmpuint (file_mode (pl_output_file_get_temp_path (output)), ==, 0600);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  g_assert_true (pl_output_file_write (output, "%PDF-", 5, &error));
  g_assert_true (pl_output_file_write (output, "xxxx", 4, &error));
  g_assert_true (pl_output_file_write_at (output, 5, "1.7\n", 4, &error));
  g_assert_no_error (error);
  g_assert_true (pl_output_file_commit (output, &error));
  g_assert_no_error (error);

  text = contents (target);
  g_assert_cmpstr (text, ==, "%PDF-1.7\n");
  g_assert_cmpuint (file_mode (target), ==, 0600);
  g_assert_null (pl_output_file_get_temp_path (output));
  g_assert_cmpuint (count_entries (dir), ==, 1);

  pl_test_remove_dir (dir);
}

static void
test_replace_and_abort (void)
{
  g_autofree char *dir = pl_test_make_dir ("plainly-output");
  g_autofree char *target = g_build_filename (dir, "plan.wav", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  PlOutputFile *output;

  g_assert_true (g_file_set_contents (target, "yesterday", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0644), ==, 0);

  /* Until commit, the earlier file is there as it was; abort keeps it */
  output = pl_output_file_new (target, &error);
  g_assert_no_error (error);
  g_assert_true (pl_output_file_write (output, "today", 5, &error));
  text = contents (target);
  g_assert_cmpstr (text, ==, "yesterday");
  g_clear_pointer (&text, g_free);
  pl_output_file_abort (output);
  pl_output_file_abort (output);
  g_assert_cmpint (pl_output_file_get_fd (output), ==, -1);
  pl_output_file_free (output);
  text = contents (target);
  g_assert_cmpstr (text, ==, "yesterday");
  g_clear_pointer (&text, g_free);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* Freed without commit: the same */
  output = pl_output_file_new (target, &error);
  g_assert_true (pl_output_file_write (output, "today", 5, &error));
  pl_output_file_free (output);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* Committed: replaced, and 0600 though the earlier file was 0644 */
  output = pl_output_file_new (target, &error);
  g_assert_true (pl_output_file_write (output, "today", 5, &error));
  g_assert_true (pl_output_file_commit (output, &error));
  g_assert_no_error (error);
  pl_output_file_free (output);
  text = contents (target);
  g_assert_cmpstr (text, ==, "today");
  g_assert_cmpuint (file_mode (target), ==, 0600);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  pl_test_remove_dir (dir);
}

/* A failure from a writer driven by callbacks is kept and reported at
 * commit, which removes the temporary file and keeps the earlier one */
static void
test_failure_kept (void)
{
  g_autofree char *dir = pl_test_make_dir ("plainly-output");
  g_autofree char *target = g_build_filename (dir, "plan.mp3", NULL);
  g_autoptr(PlOutputFile) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents (target, "yesterday", -1, NULL));
  output = pl_output_file_new (target, &error);
  g_assert_no_error (error);
  g_assert_true (pl_output_file_check (output, &error));
  g_assert_false (pl_output_file_has_failed (output));

  pl_output_file_set_failed (output, ENOSPC);
  g_assert_true (pl_output_file_has_failed (output));
  g_assert_false (pl_output_file_write (output, "more", 4, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);

  g_assert_false (pl_output_file_commit (output, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "not enough room"));
  g_assert_nonnull (strstr (error->message, "plan.mp3"));
  g_assert_nonnull (strstr (error->message, "unchanged"));

  text = contents (target);
  g_assert_cmpstr (text, ==, "yesterday");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  pl_test_remove_dir (dir);
}

static void
assert_refused (const char *path,
                GQuark      domain,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlOutputFile) output = pl_output_file_new (path, &error);

  g_assert_null (output);
  g_assert_error (error, domain, code);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);
  g_assert_false (pl_output_file_check_target (path, &error));
  g_assert_error (error, domain, code);
}

static void
test_refuse_database (void)
{
  g_autofree char *dir = pl_test_make_dir ("plainly-output");
  g_autofree char *db = g_build_filename (dir, "plainly.db", NULL);
  g_autofree char *soft = g_build_filename (dir, "plan.pdf", NULL);
  g_autofree char *dangling = g_build_filename (dir, "journal.pdf", NULL);
  g_autofree char *hard = g_build_filename (dir, "hard.pdf", NULL);
  g_autofree char *other_name = NULL;
  g_autofree char *journal = g_strconcat (db, "-journal", NULL);
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  PlStore *store = pl_test_open_store (dir, NULL);
  PlStore *again = pl_test_open_store (dir, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlOutputFile) output = NULL;

  /* Each name, whether or not the file is there now (-journal never is in
   * WAL mode) */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db, suffixes[i], NULL);

      assert_refused (path, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
    }

  /* Other names for the same file: a link, a link to a file not yet there,
   * a hard link, and a path that goes round about */
  g_assert_cmpint (symlink ("plainly.db", soft), ==, 0);
  assert_refused (soft, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_assert_cmpint (symlink (journal, dangling), ==, 0);
  assert_refused (dangling, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_assert_cmpint (link (db, hard), ==, 0);
  assert_refused (hard, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  other_name = g_strconcat (dir, "/./../", strrchr (dir, '/') + 1, "/plainly.db", NULL);
  assert_refused (other_name, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_assert_cmpint (g_unlink (hard), ==, 0);

  /* Counted: still protected while one store has it open */
  pl_store_unref (again);
  assert_refused (journal, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  pl_store_unref (store);

  /* Closed: the name is free again (the file is not written here) */
  output = pl_output_file_new (journal, &error);
  g_assert_no_error (error);
  g_assert_nonnull (output);
  pl_output_file_abort (output);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

  pl_test_remove_dir (dir);
}

static void
test_refuse_others (void)
{
  g_autofree char *dir = pl_test_make_dir ("plainly-output");
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autofree char *read_only = g_build_filename (dir, "letter.pdf", NULL);
  g_autofree char *to_folder = g_build_filename (dir, "to-folder.pdf", NULL);
  g_autofree char *to_null = g_build_filename (dir, "to-null.wav", NULL);
  g_autofree char *loop = g_build_filename (dir, "loop.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "plan.pdf", NULL);
  g_autofree char *text = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_refused (folder, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  assert_refused ("/dev/null", G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_refused (fifo, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);

  /* Refused by its mode even for root, who could write it */
  g_assert_true (g_file_set_contents (read_only, "from the council", -1, NULL));
  g_assert_cmpint (g_chmod (read_only, 0444), ==, 0);
  assert_refused (read_only, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  text = contents (read_only);
  g_assert_cmpstr (text, ==, "from the council");

  g_assert_cmpint (symlink ("folder", to_folder), ==, 0);
  assert_refused (to_folder, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_cmpint (symlink ("/dev/null", to_null), ==, 0);
  assert_refused (to_null, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpint (symlink ("loop.pdf", loop), ==, 0);
  assert_refused (loop, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
  assert_refused (missing, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  /* Nothing was made anywhere: no temporary files */
  g_assert_cmpuint (count_entries (dir), ==, 6);
  g_assert_cmpuint (count_entries (folder), ==, 0);

  pl_test_remove_dir (dir);
}

/* A link to an ordinary file: the file is replaced and the link kept */
static void
test_link_followed (void)
{
  g_autofree char *dir = pl_test_make_dir ("plainly-output");
  g_autofree char *real = g_build_filename (dir, "real.pdf", NULL);
  g_autofree char *soft = g_build_filename (dir, "link.pdf", NULL);
  g_autoptr(PlOutputFile) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.pdf", soft), ==, 0);

  output = pl_output_file_new (soft, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (pl_output_file_get_path (output), "/real.pdf"));
  g_assert_true (pl_output_file_write (output, "new", 3, &error));
  g_assert_true (pl_output_file_commit (output, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (soft, G_FILE_TEST_IS_SYMLINK));
  text = contents (real);
  g_assert_cmpstr (text, ==, "new");

  pl_test_remove_dir (dir);
}

static void
test_remove_temporaries (void)
{
  g_autofree char *dir = pl_test_make_dir ("plainly-output");
  g_autofree char *a = g_build_filename (dir, "a.pdf", NULL);
  g_autofree char *b = g_build_filename (dir, "b.ogg", NULL);
  g_autoptr(PlOutputFile) first = pl_output_file_new (a, NULL);
  g_autoptr(PlOutputFile) second = pl_output_file_new (b, NULL);

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_cmpuint (count_entries (dir), ==, 2);
  g_assert_cmpuint (pl_output_file_remove_temporaries (), ==, 2);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  /* Already gone: a second call finds nothing, and freeing is safe */
  g_assert_cmpuint (pl_output_file_remove_temporaries (), ==, 0);

  pl_test_remove_dir (dir);
}

/* Ctrl+C or SIGTERM in the middle of a file: the process ends as the
 * signal would end it, having removed the temporary file and said so */
static void
test_signal (gconstpointer data)
{
  int signum = GPOINTER_TO_INT (data);

  if (g_test_subprocess ())
    {
      const char *target = g_getenv ("PL_TEST_OUTPUT_TARGET");
      g_autoptr(PlOutputFile) output = NULL;
      char chunk[4096] = { 0 };

      /* As at a terminal, whatever started the test */
      signal (signum, SIG_DFL);
      output = pl_output_file_new (target, NULL);
      g_assert_nonnull (output);
      for (int i = 0; i < 16; i++)
        g_assert_true (pl_output_file_write (output, chunk, sizeof chunk, NULL));
      pl_output_file_remove_on_signals ("Stopped; nothing was saved.");
      raise (signum);
      g_assert_not_reached ();
    }
  else
    {
      g_autofree char *dir = pl_test_make_dir ("plainly-output");
      g_autofree char *target = g_build_filename (dir, "plan.wav", NULL);

      g_setenv ("PL_TEST_OUTPUT_TARGET", target, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_unsetenv ("PL_TEST_OUTPUT_TARGET");
      g_test_trap_assert_failed ();
      g_test_trap_assert_stderr ("*Stopped; nothing was saved.*");
      g_assert_cmpuint (count_entries (dir), ==, 0);

      pl_test_remove_dir (dir);
    }
}

static gboolean
run (const char * const *argv,
     char              **out_error)
{
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      *out_error = g_strdup (err != NULL && *err != '\0' ? g_strstrip (err) : "failed");
      return FALSE;
    }
  return TRUE;
}

/* A real full disk: a 64 KiB tmpfs, which needs root */
static void
test_full_disk (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *full = NULL;
  g_autofree char *target = NULL;
  g_autofree char *why = NULL;
  g_autoptr(PlOutputFile) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  char chunk[4096] = { 0 };
  gboolean failed = FALSE;

  if (geteuid () != 0)
    {
      g_test_skip ("A full disk is made by mounting a small tmpfs, which needs root");
      return;
    }

  dir = pl_test_make_dir ("plainly-output");
  full = g_build_filename (dir, "full", NULL);
  target = g_build_filename (full, "plan.pdf", NULL);
  g_assert_cmpint (g_mkdir (full, 0700), ==, 0);
  {
    const char *mount_argv[] = { "mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", full, NULL };

    if (!run (mount_argv, &why))
      {
        g_autofree char *message = g_strdup_printf ("Cannot mount a small tmpfs: %s", why);

        g_test_skip (message);
        pl_test_remove_dir (dir);
        return;
      }
  }

  g_assert_true (g_file_set_contents (target, "kept", -1, NULL));
  output = pl_output_file_new (target, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 64 && !failed; i++)
    failed = !pl_output_file_write (output, chunk, sizeof chunk, &error);
  g_assert_true (failed);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_false (pl_output_file_commit (output, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "not enough room"));

  text = contents (target);
  g_assert_cmpstr (text, ==, "kept");
  g_assert_cmpuint (count_entries (full), ==, 1);

  {
    const char *umount_argv[] = { "umount", full, NULL };

    g_assert_true (run (umount_argv, &why));
  }
  pl_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plainly/output-file/commit", test_commit);
  g_test_add_func ("/plainly/output-file/replace-and-abort", test_replace_and_abort);
  g_test_add_func ("/plainly/output-file/failure-kept", test_failure_kept);
  g_test_add_func ("/plainly/output-file/refuse-database", test_refuse_database);
  g_test_add_func ("/plainly/output-file/refuse-others", test_refuse_others);
  g_test_add_func ("/plainly/output-file/link-followed", test_link_followed);
  g_test_add_func ("/plainly/output-file/remove-temporaries", test_remove_temporaries);
  g_test_add_data_func ("/plainly/output-file/signal/int", GINT_TO_POINTER (SIGINT), test_signal);
  g_test_add_data_func ("/plainly/output-file/signal/term", GINT_TO_POINTER (SIGTERM), test_signal);
  g_test_add_func ("/plainly/output-file/full-disk", test_full_disk);

  return g_test_run ();
}
