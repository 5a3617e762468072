/* bench-draft.c: how long saving a draft takes, as a coordinator types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-draft [--dir DIR] [--saves N]
 *
 * Installs the example person in a new database (in DIR, default the
 * temporary folder: put it on the disk the app will use), then saves the
 * draft of one of her medicines N times, one more letter each time, as a
 * form does while someone types. Each save is a transaction on the disk.
 * Prints the median and the slowest tenth; never fails on time.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "pl-demo.h"
#include "pl-draft.h"
#include "pl-store.h"
#include "pl-bench-util.h"

/* A keystroke's save should not be felt: well under one frame at 60 Hz */
#define TARGET_MS 16.0

static char *dir_option;
static int n_saves = 200;

static const GOptionEntry entries[] = {
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir_option, "Folder for the database (default: a new temporary one)", "DIR" },
  { "saves", 0, 0, G_OPTION_ARG_INT, &n_saves, "Saves to time (200)", "N" },
  { NULL }
};

static void
remove_store_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— time draft saves");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GPtrArray) medicines = NULL;
  g_autoptr(GString) typed = g_string_new (NULL);
  g_autofree double *times = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  PlMedicine *medicine;
  gint64 person_id = 0, staff_id = 0, draft_id = 0, start;
  double apply_ms;
  const char *words = "Twice a day, with breakfast and with tea. Always with food. ";

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  n_saves = MAX (n_saves, 1);

  dir = dir_option != NULL ? g_strdup (dir_option) : g_dir_make_tmp ("bench-draft-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  path = g_build_filename (dir, "bench-draft.db", NULL);
  remove_store_files (path);

  store = pl_store_open (path, PL_STORE_OPEN_DEFAULT, &error);
  if (store == NULL || !pl_demo_install (store, &person_id, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  {
    g_autoptr(GPtrArray) staff = pl_store_list_staff (store, 0, &error);

    staff_id = staff != NULL && staff->len > 0 ? ((PlStaff *) g_ptr_array_index (staff, 0))->id : 0;
  }
  plan = pl_store_current_plan (store, person_id, &error);
  medicines = plan != NULL ? pl_store_list_medicines (store, plan->id, &error) : NULL;
  if (medicines == NULL || medicines->len == 0)
    {
      g_printerr ("The example person has no medicines to edit\n");
      return EXIT_FAILURE;
    }
  medicine = g_ptr_array_index (medicines, 0);

  times = g_new (double, n_saves);
  for (int i = 0; i < n_saves; i++)
    {
      g_string_append_c (typed, words[i % strlen (words)]);
      g_free (medicine->timing);
      medicine->timing = g_strdup (typed->str);

      start = g_get_monotonic_time ();
      if (!pl_draft_save (store, staff_id, person_id, &pl_medicine_type, medicine, NULL,
                          &draft_id, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  start = g_get_monotonic_time ();
  if (!pl_draft_apply (store, draft_id, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  apply_ms = (g_get_monotonic_time () - start) / 1000.0;

  pl_bench_sort (times, n_saves);
  g_print ("Database: %s\n", path);
  g_print ("Draft save (one transaction, synchronous=FULL), %d saves:\n", n_saves);
  g_print ("  median %.2f ms, 90th percentile %.2f ms, slowest %.2f ms (target %.0f ms)\n",
           times[n_saves / 2], times[(n_saves * 9) / 10 < n_saves ? (n_saves * 9) / 10 : n_saves - 1],
           times[n_saves - 1], TARGET_MS);
  g_print ("Applying the draft (save with history, remove draft): %.2f ms\n", apply_ms);

  g_clear_pointer (&store, pl_store_unref);
  remove_store_files (path);
  if (dir_option == NULL)
    g_rmdir (dir);

  return EXIT_SUCCESS;
}
