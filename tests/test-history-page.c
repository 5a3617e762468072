/* test-history-page.c: plan versions, comparing two, and the change history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-actor.h"
#include "pl-staff.h"
#include "pl-history-page-private.h"
#include "pl-plan-version.h"
#include "pl-gui-test-util.h"
#include "pl-test-util.h"

typedef struct
{
  char      *dir;
  PlStore   *store;
  gint64     person_id;
  gint64     plan_id;
  char      *sam_actor;
  GtkWindow *window;
} Fixture;

static void
save (PlStore            *store,
      const PlRecordType *type,
      gpointer            record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_store_save (store, type, record, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(PlPerson) person = pl_person_new ();
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(PlVisit) visit = pl_visit_new ();
  g_autoptr(PlStaff) sam = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = pl_test_make_dir ("plainly-history-page");
  f->store = pl_test_open_store (f->dir, NULL);
  sam = pl_staff_create (f->store, NULL, "sam.patel", "Sam Patel", PL_ROLE_MANAGER,
                         "correct horse", &error);
  g_assert_no_error (error);
  f->sam_actor = pl_actor_for_staff (sam);
  pl_store_set_actor (f->store, f->sam_actor);

  person->full_name = g_strdup ("Ada Jones");
  save (f->store, &pl_person_type, person);
  f->person_id = person->id;

  plan->person_id = person->id;
  plan->version = 1;
  plan->start_date = g_strdup ("2026-01-05");
  save (f->store, &pl_plan_type, plan);
  f->plan_id = plan->id;

  visit->plan_id = plan->id;
  visit->weekday = 1;
  visit->start_time = g_strdup ("08:00");
  visit->duration = 45;
  save (f->store, &pl_visit_type, visit);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 700);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  pl_gui_test_run_frames (1);
  pl_store_unref (f->store);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->sam_actor);
}

static gboolean
any_text_has (PlHistoryPage *page,
              guint        (*n) (PlHistoryPage *),
              const char  *(*text) (PlHistoryPage *, guint),
              const char    *words1,
              const char    *words2)
{
  for (guint i = 0; i < n (page); i++)
    if (strstr (text (page, i), words1) != NULL &&
        (words2 == NULL || strstr (text (page, i), words2) != NULL))
      return TRUE;
  return FALSE;
}

/* Two versions compared show the changed field, in words, old and new */
static void
test_compare (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlanContent) content = NULL;
  PlHistoryPage *page = PL_HISTORY_PAGE (pl_history_page_new ());
  PlVisit *visit;
  gint64 v2 = 0;

  gtk_window_set_child (f->window, GTK_WIDGET (page));
  gtk_window_present (f->window);

  /* One version: nothing to compare, said so */
  g_assert_true (pl_history_page_set_person (page, f->store, f->person_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pl_history_page_get_n_versions (page), ==, 1);
  g_assert_cmpuint (pl_history_page_get_n_changes (page), ==, 0);
  g_assert_true (any_text_has (page, pl_history_page_get_n_versions,
                               pl_history_page_get_version_text, "Version 1", "draft"));

  g_assert_true (pl_plan_new_version (f->store, f->plan_id, f->sam_actor, &v2, &error));
  content = pl_plan_content_load (f->store, v2, &error);
  visit = g_ptr_array_index (content->parts[PL_PLAN_PART_VISITS], 0);
  g_free (visit->start_time);
  visit->start_time = g_strdup ("08:30");
  save (f->store, &pl_visit_type, visit);
  g_assert_true (pl_plan_mark_agreed (f->store, v2, "Ada", "Yes, that is better.", "2026-11-23",
                                      NULL, &error));
  g_assert_no_error (error);

  /* The latest two are compared at once */
  g_assert_true (pl_history_page_set_person (page, f->store, f->person_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pl_history_page_get_n_versions (page), ==, 2);
  g_assert_true (any_text_has (page, pl_history_page_get_n_versions,
                               pl_history_page_get_version_text, "Version 2", "Agreed by Ada"));
  g_assert_cmpuint (pl_history_page_get_n_changes (page), ==, 1);
  /* As words, not colour: the part, the field, what it was and is */
  g_assert_true (any_text_has (page, pl_history_page_get_n_changes,
                               pl_history_page_get_change_text, "My visits", "time"));
  g_assert_true (any_text_has (page, pl_history_page_get_n_changes,
                               pl_history_page_get_change_text, "8:00", "8:30"));

  /* Who, when and what, for the newer version's records */
  g_assert_cmpuint (pl_history_page_get_n_history (page), >, 0);
  g_assert_true (any_text_has (page, pl_history_page_get_n_history,
                               pl_history_page_get_history_text, "Sam Patel", "8:30"));

  /* Any two: the same version against itself has nothing */
  g_assert_true (pl_history_page_compare (page, v2, v2, &error));
  g_assert_cmpuint (pl_history_page_get_n_changes (page), ==, 0);
  g_assert_true (pl_history_page_compare (page, f->plan_id, v2, &error));
  g_assert_cmpuint (pl_history_page_get_n_changes (page), ==, 1);
  g_assert_true (pl_gui_test_run_ticks (page, 2));
}

/* A version written in another care record says who wrote it there and
 * when, and when it came; the next version, written here, does not */
static void
test_written_elsewhere (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_store_load_plan (f->store, f->plan_id, &error);
  PlHistoryPage *page = PL_HISTORY_PAGE (pl_history_page_new ());
  gint64 v2 = 0;

  g_assert_no_error (error);
  plan->written_elsewhere_by = g_strdup ("Joy Mensah, social worker");
  plan->written_elsewhere_at = g_strdup ("2026-10-01T09:00:00Z");
  save (f->store, &pl_plan_type, plan);
  g_assert_true (pl_plan_new_version (f->store, f->plan_id, f->sam_actor, &v2, &error));
  g_assert_no_error (error);

  gtk_window_set_child (f->window, GTK_WIDGET (page));
  gtk_window_present (f->window);
  g_assert_true (pl_history_page_set_person (page, f->store, f->person_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pl_history_page_get_n_versions (page), ==, 2);
  g_assert_true (any_text_has (page, pl_history_page_get_n_versions,
                               pl_history_page_get_version_text, "Version 1",
                               "Written in another care record, Thursday 1 October 2026 at"));
  g_assert_true (any_text_has (page, pl_history_page_get_n_versions,
                               pl_history_page_get_version_text, "Version 1",
                               ", by Joy Mensah, social worker. Imported "));
  g_assert_true (any_text_has (page, pl_history_page_get_n_versions,
                               pl_history_page_get_version_text, "Version 2", "Written "));
  g_assert_false (any_text_has (page, pl_history_page_get_n_versions,
                                pl_history_page_get_version_text, "Version 2", "another"));
  pl_gui_test_save_png (GTK_WIDGET (f->window), "history-written-elsewhere");
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

  g_test_add ("/plainly/history-page/compare", Fixture, NULL,
              fixture_setup, test_compare, fixture_teardown);
  g_test_add ("/plainly/history-page/written-elsewhere", Fixture, NULL,
              fixture_setup, test_written_elsewhere, fixture_teardown);

  return g_test_run ();
}
