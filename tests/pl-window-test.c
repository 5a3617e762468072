/* pl-window-test.c: the person's window on a database of the test's own,
 * for the window tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-document-view.h"
#include "pl-gui-test-util.h"
#include "pl-store.h"
#include "pl-test-util.h"
#include "pl-window-test.h"

/* Long enough that the last parts of the plan are well below the first screen */
static const char *long_text =
  "I like to get up slowly and have my first cup of tea in the chair by the window. "
  "Please knock and wait for me to say come in, and tell me your name each time, "
  "because I do not always recognise faces straight away. I would like to wash myself "
  "as much as I can, with help for my back and feet.";

static gint64
add_person (PlStore    *store,
            const char *full_name,
            const char *preferred_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = pl_person_new ();
  g_autoptr(PlPlan) plan = pl_plan_new ();

  person->full_name = g_strdup (full_name);
  person->preferred_name = g_strdup (preferred_name);
  person->preferred_language = g_strdup ("en-GB");
  g_assert_true (pl_store_save_person (store, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (person->id, >, 0);

  plan->person_id = person->id;
  plan->version = 1;
  plan->status = PL_PLAN_AGREED;
  plan->start_date = g_strdup ("2026-10-01");
  plan->next_review = g_strdup ("2026-11-12");
  plan->agreement = g_strdup ("I have read this plan with Sam and it is what I want.");
  g_assert_true (pl_store_save_plan (store, plan, &error));
  g_assert_no_error (error);

  for (int kind = 0; kind < PL_SECTION_N_KINDS; kind++)
    {
      g_autoptr(PlPlanSection) section = pl_plan_section_new ();

      /* Every other part left empty: the plan must say so, not drop it */
      if (kind % 2 == 1)
        continue;
      section->plan_id = plan->id;
      section->kind = kind;
      section->body = g_strdup (long_text);
      g_assert_true (pl_store_save_plan_section (store, section, &error));
      g_assert_no_error (error);
    }

  return person->id;
}

void
pl_window_fixture_setup (PlWindowFixture *f,
                         gconstpointer    data)
{
  g_autoptr(PlStore) store = NULL;

  f->dir = pl_test_make_dir ("plainly-window");
  store = pl_test_open_store (f->dir, &f->path);
  f->person_id = add_person (store, "Margaret Elizabeth Jones", "Peggy");
  f->other_id = add_person (store, "Arthur Williams", "Arthur");
  g_clear_pointer (&store, pl_store_unref);

  f->window = pl_window_new (NULL);
  /* data, when given, is the window size: {width, height} */
  if (data != NULL)
    gtk_window_set_default_size (GTK_WINDOW (f->window),
                                 ((const int *) data)[0], ((const int *) data)[1]);
  else
    gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, f->window));
}

void
pl_window_fixture_teardown (PlWindowFixture *f,
                            gconstpointer    data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  pl_gui_test_run_frames (1);
  pl_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

gboolean
pl_window_test_is_reading (gpointer fixture)
{
  PlWindowFixture *f = fixture;
  PlDocumentView *view = pl_window_get_document_view (f->window);

  return pl_document_view_get_document (view) != NULL &&
         gtk_widget_get_mapped (GTK_WIDGET (view));
}

void
pl_window_test_open_plan (PlWindowFixture *f,
                          gint64           person_id)
{
  g_assert_true (pl_window_open_person (f->window, person_id));
  g_assert_true (gtk_widget_activate (pl_window_get_home_button (f->window,
                                                                 PL_DOCUMENT_PLAN)));
  g_assert_true (pl_gui_test_wait_until (pl_window_test_is_reading, f));
}


gboolean
pl_window_test_back_at_start (gpointer fixture)
{
  PlWindowFixture *f = fixture;

  return pl_window_get_person_id (f->window) == 0 &&
         pl_document_view_get_document (pl_window_get_document_view (f->window)) == NULL &&
         gtk_root_get_focus (GTK_ROOT (f->window)) ==
           pl_window_get_person_button (f->window, f->person_id);
}

gboolean
pl_window_test_back_at_home (gpointer fixture)
{
  PlWindowFixture *f = fixture;
  GtkWidget *focus = f->home_focus;

  if (focus == NULL)
    focus = pl_window_get_home_button (f->window, PL_DOCUMENT_PLAN);
  return pl_window_get_person_id (f->window) != 0 &&
         gtk_widget_get_mapped (pl_window_get_home_heading (f->window)) &&
         !gtk_widget_get_mapped (GTK_WIDGET (pl_window_get_document_view (f->window))) &&
         gtk_root_get_focus (GTK_ROOT (f->window)) == focus;
}
