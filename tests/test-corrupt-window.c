/* test-corrupt-window.c: the app's pages open on a damaged database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sample of the damaged copies of test-corrupt.c, one value for every
 * column kind of every table, every number with a range and every text of a
 * fixed form (pl_damage_is_first_of_sample ()), each opened in the person's window: the start screen, the person's home, each
 * of their documents (plan, welcome pack, complaint form, diary), "Tell us
 * what you think" and "My settings"; then the staff window, signed in as a
 * manager, with the person's plan, checklist, history and diary and the
 * service's pages. A part that cannot be read is said in words; nothing
 * crashes and no critical is logged (criticals abort here). The pages
 * each copy opened are counted: every one of both windows, but for the
 * damage to the person or the staff that keeps that window shut.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pl-damage.h"
#include "pl-gui-test-util.h"
#include "pl-staff-window-private.h"
#include "pl-test-util.h"
#include "pl-window.h"
#include "pl-window-private.h"

static const char * const person_pages[] = { "plan", "checklist", "history", "diary" };
/* "You said, we did" is on the complaints page */
static const char * const service_pages[] = { "complaints", "welcome", "staff" };

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

/* The pages each window has, opened on a copy that is not damaged */
#define N_PERSON_PAGES (PL_N_DOCUMENT_KINDS + 2)
#define N_STAFF_PAGES  (G_N_ELEMENTS (person_pages) + G_N_ELEMENTS (service_pages))

/* Returns how many of the staff window's pages opened */
static guint
open_staff_pages (PlWindow *window,
                  gint64    person_id)
{
  GtkWindow *staff = pl_window_open_staff (window);
  guint n_opened = 0;

  g_assert_nonnull (staff);
  g_assert_true (PL_IS_STAFF_WINDOW (staff));
  pl_staff_window_set_sign_out_minutes (PL_STAFF_WINDOW (staff), 0);
  if (pl_staff_window_sign_in (PL_STAFF_WINDOW (staff), "manager", PL_DAMAGE_PASSWORD))
    {
      for (guint i = 0; person_id != 0 && i < G_N_ELEMENTS (person_pages); i++)
        {
          if (pl_staff_window_open (PL_STAFF_WINDOW (staff), person_id, person_pages[i]))
            n_opened++;
          else
            g_test_message ("  the staff window's %s did not open", person_pages[i]);
          pl_gui_test_run_frames (2);
        }
      for (guint i = 0; i < G_N_ELEMENTS (service_pages); i++)
        {
          if (pl_staff_window_open (PL_STAFF_WINDOW (staff), 0, service_pages[i]))
            n_opened++;
          else
            g_test_message ("  the staff window's %s did not open", service_pages[i]);
          pl_gui_test_run_frames (2);
        }
    }
  gtk_window_destroy (staff);
  return n_opened;
}

/* Every page of the person's window and the staff window, on path; how
 * many of each opened go in n_person and n_staff. FALSE when the window
 * refused the file as a whole. */
static gboolean
open_every_page (const char *path,
                 guint      *n_person,
                 guint      *n_staff)
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
      return FALSE;
    }
  pl_gui_test_run_frames (2);

  if (person_id != 0 && pl_window_open_person (window, person_id))
    {
      pl_gui_test_run_frames (2);
      for (PlDocumentKind kind = 0; kind < PL_N_DOCUMENT_KINDS; kind++)
        {
          if (pl_window_open_page (window, kind))
            {
              (*n_person)++;
              pl_gui_test_run_frames (2);
              pl_window_go_back (window);
            }
          pl_window_clear_error_dialog (window);
        }
      if (pl_window_open_feedback (window))
        {
          (*n_person)++;
          pl_gui_test_run_frames (2);
          pl_window_go_back (window);
        }
      pl_window_clear_error_dialog (window);
      if (pl_window_open_settings (window))
        {
          (*n_person)++;
          pl_gui_test_run_frames (2);
          pl_window_go_back (window);
        }
      pl_window_clear_error_dialog (window);
    }

  *n_staff = open_staff_pages (window, person_id);
  gtk_window_destroy (GTK_WINDOW (window));
  pl_gui_test_run_frames (1);
  return TRUE;
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
  guint n_damaged = 0, n_whole = 0, n_pages = 0;

  for (guint d = 0; d < damages->len; d++)
    {
      const PlDamage *damage = &g_array_index (damages, PlDamage, d);
      g_autofree char *what = pl_damage_describe (damage);
      guint n_person = 0, n_staff = 0;

      if (!pl_damage_is_first_of_sample (damages, d) ||
          !pl_damage_apply (damage, example, path, NULL))
        continue;
      g_test_message ("%s", what);
      if (!open_every_page (path, &n_person, &n_staff))
        g_test_message ("  refused as a whole, in words");
      g_test_message ("  %u of %u pages of the person's window, %u of %u of the staff window, "
                      "%.1f s", n_person, N_PERSON_PAGES, n_staff, (guint) N_STAFF_PAGES,
                      g_timer_elapsed (timer, NULL) - last);
      /* One damaged value never closes a whole window: the person's
       * window opens every page unless the damage is to the person (whose
       * PIN may now be needed), the staff window every page unless it is
       * to the staff (whose sign-in may now fail) */
      if (damage->type == NULL || !g_str_equal (damage->table, "people"))
        g_assert_cmpuint (n_person, ==, N_PERSON_PAGES);
      if (damage->type == NULL || !g_str_equal (damage->table, "staff"))
        g_assert_cmpuint (n_staff, ==, N_STAFF_PAGES);
      g_assert_cmpuint (n_person + n_staff, >, 0);
      n_pages += n_person + n_staff;
      n_whole += n_person == N_PERSON_PAGES && n_staff == N_STAFF_PAGES;
      last = g_timer_elapsed (timer, NULL);
      n_damaged++;
    }
  g_test_message ("%u damaged copies opened in %.0f s: %u pages, every page on %u copies",
                  n_damaged, g_timer_elapsed (timer, NULL), n_pages, n_whole);
  g_assert_cmpuint (n_damaged, >, 40);
  g_assert_cmpuint (n_pages, >=, n_damaged * (N_PERSON_PAGES + N_STAFF_PAGES) * 9 / 10);
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
