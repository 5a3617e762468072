/* test-crash.c: killing a writer at any instant loses only the save in flight
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child process saves diary entries (some singly, some three to a
 * transaction) and reports each save that returned success down a pipe. The
 * parent waits for a random number of saves to be reported, lets a random
 * few hundred microseconds more pass, kills it with SIGKILL wherever it is
 * (so a slow machine changes nothing), then checks that the file
 * is intact, that every reported save is there, and that no transaction was
 * kept in part.
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "pl-store.h"
#include "pl-test-util.h"

#define ROUNDS 200

static char *
entry_text (gint64 batch,
            guint  item)
{
  return g_strdup_printf ("batch %" G_GINT64_FORMAT " item %u: helped with lunch, "
                          "a walk to the post box and a cup of tea", batch, item);
}

static gboolean
save_entry (PlStore *store,
            gint64   person_id,
            gint64   batch,
            guint    item)
{
  g_autoptr(PlDiaryEntry) e = pl_diary_entry_new ();

  e->person_id = person_id;
  e->visit_date = g_strdup ("2026-11-23");
  e->planned_time = g_strdup ("12:30");
  e->outcome = PL_VISIT_COMPLETED;
  e->what_done = entry_text (batch, item);
  return pl_store_save_diary_entry (store, e, NULL);
}

G_GNUC_NORETURN static void
writer (const char *path,
        gint64      person_id,
        gint64      first_batch,
        int         report_fd)
{
  g_autoptr(PlStore) store = pl_store_open (path, PL_STORE_OPEN_NO_CREATE, NULL);

  if (store == NULL)
    _exit (2);

  for (gint64 batch = first_batch; ; batch++)
    {
      gboolean ok;

      if (batch % 2 == 0)
        ok = save_entry (store, person_id, batch, 0);
      else
        {
          ok = pl_store_begin (store, NULL);
          for (guint i = 0; ok && i < 3; i++)
            ok = save_entry (store, person_id, batch, i);
          ok = ok && pl_store_commit (store, NULL);
        }

      if (ok && write (report_fd, &batch, sizeof batch) != sizeof batch)
        _exit (3);
    }
}

static void
test_kill_during_saves (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = pl_test_make_dir ("plainly-crash");
  g_autofree char *path = NULL;
  g_autoptr(GHashTable) confirmed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  gint64 person_id;
  gint64 next_batch = 0;
  guint killed_mid_save = 0;

  {
    g_autoptr(PlStore) store = pl_test_open_store (dir, &path);
    g_autoptr(PlPerson) person = pl_person_new ();

    person->full_name = g_strdup ("Crash Test");
    g_assert_true (pl_store_save_person (store, person, &error));
    person_id = person->id;
  }

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(PlStore) store = NULL;
      g_autoptr(PlStoreReport) report = NULL;
      g_autoptr(GPtrArray) entries = NULL;
      g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      GHashTableIter iter;
      gpointer key, value;
      int fds[2];
      pid_t pid;
      int status;
      gint64 batch;
      guint reported = 0;
      guint wanted;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          writer (path, person_id, next_batch, fds[1]);
        }
      close (fds[1]);

      /* Let it make some saves, then kill it wherever it is */
      wanted = g_rand_int_range (rand, 0, 6);
      while (reported < wanted && read (fds[0], &batch, sizeof batch) == sizeof batch)
        {
          g_hash_table_add (confirmed, g_memdup2 (&batch, sizeof batch));
          next_batch = MAX (next_batch, batch + 1);
          reported++;
        }
      g_usleep (g_rand_int_range (rand, 0, 3000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      while (read (fds[0], &batch, sizeof batch) == sizeof batch)
        {
          g_hash_table_add (confirmed, g_memdup2 (&batch, sizeof batch));
          next_batch = MAX (next_batch, batch + 1);
          reported++;
        }
      close (fds[0]);
      /* Batches the child began but never reported may or may not be kept:
       * skip past them so each round's numbers are new. */
      next_batch += 1000;
      if (reported > 0)
        killed_mid_save++;

      store = pl_store_open (path, PL_STORE_OPEN_NO_CREATE, &error);
      g_assert_no_error (error);

      report = pl_store_check (store, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (report->integrity_message, ==, "ok");
      g_assert_true (report->foreign_keys_ok);

      entries = pl_store_list_diary_entries (store, person_id, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < entries->len; i++)
        {
          PlDiaryEntry *e = entries->pdata[i];
          gint64 b = g_ascii_strtoll (e->what_done + strlen ("batch "), NULL, 10);
          gpointer n = g_hash_table_lookup (counts, &b);

          g_hash_table_replace (counts, g_memdup2 (&b, sizeof b), GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
        }

      /* Every save that returned success is there… */
      g_hash_table_iter_init (&iter, confirmed);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_assert_nonnull (g_hash_table_lookup (counts, key));

      /* …and no transaction was kept in part */
      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          gint64 b = *(gint64 *) key;
          g_assert_cmpuint (GPOINTER_TO_UINT (value), ==, b % 2 == 0 ? 1 : 3);
        }
    }

  /* The test means nothing if the writer never got to save */
  g_assert_cmpuint (g_hash_table_size (confirmed), >, ROUNDS);
  g_test_message ("%u rounds, %u confirmed saves, %u rounds killed after saving",
                  ROUNDS, g_hash_table_size (confirmed), killed_mid_save);

  pl_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plainly/store/crash/kill-during-saves", test_kill_during_saves);
  return g_test_run ();
}
