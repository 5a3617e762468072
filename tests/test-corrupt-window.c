/* test-corrupt-window.c: the app's pages open on a damaged database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sample of the damaged copies of test-corrupt.c, one value for every
 * column kind of every table and every number with a range
 * (pl_damage_is_first_of_sample ()), each opened in the person's window: the start screen, the person's home, each
 * of their documents (plan, welcome pack, complaint form, diary), "Tell us
 * what you think" and "My settings"; then the staff window, signed in as a
 * manager, with the person's plan, checklist, history and diary and the
 * service's pages. A part that cannot be read is said in words; nothing
 * crashes and no critical is logged (criticals abort here).
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pl-damage.h"
#include "pl-gui-test-util.h"
#include "pl-staff-window.h"
#include "pl-test-util.h"
#include "pl-window.h"
#include "pl-window-private.h"

static const char * const person_pages[] = { "plan", "checklist", "history", "diary" };
static const char * const service_pages[] = { "complaints", "welcome", "responses", "staff" };

static gint64
first_person (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (path, PL_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(GPtrArray) people = NULL;

  if (store == NULL)
    return 0;
  people = pl_store_list_people (store, 0, &error);
  if (people == NULL || people->len == 0)
    return 0;
  return ((const PlPerson *) people->pdata[0])->id;
}

static void
open_staff_pages (PlWindow *window,
                  gint64    person_id)
{
  GtkWindow *staff = pl_window_open_staff (window);

  g_assert_nonnull (staff);
  g_assert_true (PL_IS_STAFF_WINDOW (staff));
  pl_staff_window_set_sign_out_minutes (PL_STAFF_WINDOW (staff), 0);
  if (pl_staff_window_sign_in (PL_STAFF_WINDOW (staff), "manager", PL_DAMAGE_PASSWORD))
    {
      for (guint i = 0; person_id != 0 && i < G_N_ELEMENTS (person_pages); i++)
        {
          pl_staff_window_open (PL_STAFF_WINDOW (staff), person_id, person_pages[i]);
          pl_gui_test_run_frames (2);
        }
      for (guint i = 0; i < G_N_ELEMENTS (service_pages); i++)
        {
          pl_staff_window_open (PL_STAFF_WINDOW (staff), 0, service_pages[i]);
          pl_gui_test_run_frames (2);
        }
    }
  gtk_window_destroy (staff);
}

/* Every page of the person's window and the staff window, on path */
static void
open_every_page (const char *path)
{
  PlWindow *window = pl_window_new (NULL);
  gint64 person_id = first_person (path);

  pl_window_set_keep_settings (window, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, window));

  if (!pl_window_open_database (window, path))
    {
      /* Refused, in words */
      g_assert_nonnull (pl_window_get_error_dialog (window));
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  pl_gui_test_run_frames (2);

  if (person_id != 0 && pl_window_open_person (window, person_id))
    {
      pl_gui_test_run_frames (2);
      for (PlDocumentKind kind = 0; kind < PL_N_DOCUMENT_KINDS; kind++)
        {
          if (pl_window_open_page (window, kind))
            {
              pl_gui_test_run_frames (2);
              pl_window_go_back (window);
            }
          pl_window_clear_error_dialog (window);
        }
      if (pl_window_open_feedback (window))
        {
          pl_gui_test_run_frames (2);
          pl_window_go_back (window);
        }
      pl_window_clear_error_dialog (window);
      if (pl_window_open_settings (window))
        {
          pl_gui_test_run_frames (2);
          pl_window_go_back (window);
        }
      pl_window_clear_error_dialog (window);
    }

  open_staff_pages (window, person_id);
  gtk_window_destroy (GTK_WINDOW (window));
  pl_gui_test_run_frames (1);
}

static void
test_every_page (void)
{
  g_autofree char *dir = pl_test_make_dir ("plainly-corrupt-window");
  g_autofree char *path = g_build_filename (dir, "damaged.db", NULL);
  g_autoptr(GBytes) example = pl_damage_example (dir);
  g_autoptr(GArray) damages = pl_damage_list ();
  g_autoptr(GTimer) timer = g_timer_new ();
  double last = 0;
  guint n_damaged = 0;

  for (guint d = 0; d < damages->len; d++)
    {
      const PlDamage *damage = &g_array_index (damages, PlDamage, d);
      g_autofree char *what = pl_damage_describe (damage);

      if (!pl_damage_is_first_of_sample (damages, d) ||
          !pl_damage_apply (damage, example, path, NULL))
        continue;
      g_test_message ("%s", what);
      open_every_page (path);
      g_test_message ("  %.1f s", g_timer_elapsed (timer, NULL) - last);
      last = g_timer_elapsed (timer, NULL);
      n_damaged++;
    }
  g_test_message ("%u damaged copies opened in %.0f s", n_damaged, g_timer_elapsed (timer, NULL));
  g_assert_cmpuint (n_damaged, >, 40);
  pl_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);
  /* A part that cannot be worked out is logged as a warning and the rest
   * shown: that is the wanted outcome here, so only criticals abort */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_test_add_func ("/plainly/corrupt/every-page", test_every_page);

  return g_test_run ();
}
