/* test-pronunciations-page.c: staff write how words are said, hear them,
 * change and remove them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. Words are typed into the page's own fields and checked
 * in the store, its history and what the voice gives espeak-ng.
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "pl-actor.h"
#include "pl-demo.h"
#include "pl-pronunciation.h"
#include "pl-pronunciations-page-private.h"
#include "pl-speech-private.h"
#include "pl-staff.h"
#include "pl-store.h"
#include "pl-gui-test-util.h"
#include "pl-test-util.h"

typedef struct
{
  char                 *dir;
  PlStore              *store;
  gint64                person_id;
  PlStaff              *staff;
  GtkWindow            *window;
  PlPronunciationsPage *page;
  GString              *traced;
  GMutex                lock;
} Fixture;

static void
trace_cb (const char *text,
          gpointer    data)
{
  Fixture *f = data;

  g_mutex_lock (&f->lock);
  g_string_append (f->traced, text);
  g_string_append_c (f->traced, '\n');
  g_mutex_unlock (&f->lock);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = pl_test_make_dir ("plainly-pronunciations-page");
  f->store = pl_test_open_store (f->dir, NULL);
  g_assert_true (pl_demo_install (f->store, &f->person_id, &error));
  g_assert_no_error (error);
  f->staff = pl_staff_find (f->store, data != NULL ? data : "sam.patel", &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->staff);
  f->traced = g_string_new (NULL);
  g_mutex_init (&f->lock);
  pl_speech_engine_set_trace (trace_cb, f);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1024, 768);
  gtk_window_present (f->window);
  f->page = pl_pronunciations_page_new ();
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  pl_pronunciations_page_set_context (f->page, f->store, f->staff);
  pl_voice_set_output (pl_pronunciations_page_get_voice (f->page), PL_SPEECH_OUTPUT_NULL, 8.0);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, f->page));
  g_assert_true (pl_gui_test_run_ticks (f->page, 2));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pl_voice_stop (pl_pronunciations_page_get_voice (f->page));
  gtk_window_destroy (f->window);
  pl_gui_test_run_frames (1);
  pl_speech_engine_set_trace (NULL, NULL);
  g_mutex_clear (&f->lock);
  g_string_free (f->traced, TRUE);
  g_clear_pointer (&f->staff, pl_staff_free);
  g_clear_pointer (&f->store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
}

static GtkWidget *
named (Fixture    *f,
       const char *name)
{
  GtkWidget *widget = pl_gui_test_find_named (GTK_WIDGET (f->page), name);

  if (widget == NULL)
    g_error ("Nothing in the page is named %s", name);
  return widget;
}

static void
click (Fixture    *f,
       const char *name)
{
  GtkWidget *button = named (f, name);

  g_assert_true (gtk_widget_is_drawable (button));
  g_assert_cmpfloat (pl_gui_test_target_height (button), >=, 44);
  pl_gui_test_press_button (button);
  g_assert_true (pl_gui_test_run_ticks (f->page, 2));
}

/* An entry's focus is on the text inside it */
static gboolean
has_focus_in (Fixture    *f,
              const char *name)
{
  GtkWidget *widget = named (f, name);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
type (Fixture    *f,
      const char *name,
      const char *text)
{
  GtkWidget *entry = named (f, name);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (entry);
  pl_gui_test_type_at_end (entry, text);
}

typedef struct
{
  Fixture    *f;
  const char *words;
} Heard;

static gboolean
heard (gpointer data)
{
  Heard *h = data;
  gboolean found;

  g_mutex_lock (&h->f->lock);
  found = strstr (h->f->traced->str, h->words) != NULL;
  g_mutex_unlock (&h->f->lock);
  return found;
}

static void
assert_heard (Fixture    *f,
              const char *words)
{
  Heard h = { f, words };

  g_assert_true (pl_gui_test_wait_until (heard, &h));
  g_mutex_lock (&f->lock);
  g_string_truncate (f->traced, 0);
  g_mutex_unlock (&f->lock);
}

static PlPronunciation *
only_service_entry (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(PlPerson) person = pl_store_load_person (f->store, f->person_id, &error);

  entries = pl_pronunciation_list_for_service (f->store, person->service_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  return pl_pronunciation_copy (g_ptr_array_index (entries, 0));
}

/* A coordinator adds a word for the service, hears it, is told in words
 * what cannot be said, changes it and removes it; the history says who */
static void
test_add_say_change_remove (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PlPronunciation) entry = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *actor = pl_actor_for_staff (f->staff);
  guint rows = pl_pronunciations_page_get_n_rows (f->page);

  g_assert_true (pl_gui_test_reachable_by_tab (f->window, named (f, "new-pronunciation")));
  click (f, "new-pronunciation");
  g_assert_true (has_focus_in (f, "pronunciation-written"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (f, "pronunciation-language"))), ==,
                   "en-GB");
  type (f, "pronunciation-written", "Castlebridge");
  type (f, "pronunciation-said", "Cassle <bridge>");
  click (f, "save-pronunciation");
  g_assert_nonnull (strstr (pl_pronunciations_page_get_message (f->page), "double brackets"));
  g_assert_true (has_focus_in (f, "pronunciation-said"));
  g_assert_cmpuint (pl_pronunciations_page_get_n_rows (f->page), ==, rows);

  /* Heard before it is saved, as written out */
  type (f, "pronunciation-said", "Cassle-bridge");
  click (f, "pronunciation-say");
  assert_heard (f, "Cassle-bridge");

  click (f, "save-pronunciation");
  g_assert_nonnull (strstr (pl_pronunciations_page_get_message (f->page), "Saved"));
  g_assert_cmpuint (pl_pronunciations_page_get_n_rows (f->page), ==, rows + 1);
  g_assert_false (gtk_widget_is_visible (named (f, "save-pronunciation")));
  entry = only_service_entry (f);
  g_assert_cmpstr (entry->written, ==, "Castlebridge");
  g_assert_cmpstr (entry->said, ==, "Cassle-bridge");
  g_assert_cmpint (entry->person_id, ==, 0);

  /* Say it, from the list */
  name = g_strdup_printf ("pronunciation-say-%" G_GINT64_FORMAT, entry->id);
  click (f, name);
  assert_heard (f, "Cassle-bridge");

  g_free (name);
  name = g_strdup_printf ("pronunciation-change-%" G_GINT64_FORMAT, entry->id);
  click (f, name);
  g_assert_true (has_focus_in (f, "pronunciation-said"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (f, "pronunciation-written"))), ==,
                   "Castlebridge");
  type (f, "pronunciation-said", "[[k'as@lbrIdZ]]");
  /* Enter in the field saves */
  g_signal_emit_by_name (named (f, "pronunciation-said"), "activate");
  g_assert_true (pl_gui_test_run_ticks (f->page, 2));
  g_clear_pointer (&entry, pl_pronunciation_free);
  entry = only_service_entry (f);
  g_assert_cmpstr (entry->said, ==, "[[k'as@lbrIdZ]]");

  history = pl_store_list_history (f->store, &pl_pronunciation_type, entry->id, &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((PlHistory *) history->pdata[1])->actor, ==, actor);
  g_assert_cmpstr (((PlHistory *) history->pdata[1])->new_value, ==, "[[k'as@lbrIdZ]]");

  g_free (name);
  name = g_strdup_printf ("pronunciation-remove-%" G_GINT64_FORMAT, entry->id);
  click (f, name);
  g_assert_nonnull (strstr (pl_pronunciations_page_get_message (f->page), "Removed"));
  g_assert_cmpuint (pl_pronunciations_page_get_n_rows (f->page), ==, rows);
  g_assert_null (pl_store_load_pronunciation (f->store, entry->id, NULL));
}

/* One person's words are theirs, listed under their name; the same words
 * twice are refused in words */
static void
test_person (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  pl_pronunciations_page_set_scope (f->page, f->person_id);
  g_assert_true (pl_gui_test_run_ticks (f->page, 2));
  before = pl_pronunciations_page_get_n_rows (f->page);

  click (f, "new-pronunciation");
  type (f, "pronunciation-written", "Quennell");
  type (f, "pronunciation-said", "Kwen-ell");
  click (f, "save-pronunciation");
  g_assert_cmpuint (pl_pronunciations_page_get_n_rows (f->page), ==, before + 1);

  click (f, "new-pronunciation");
  type (f, "pronunciation-written", "QUENNELL");
  type (f, "pronunciation-said", "Kwe-nell");
  click (f, "save-pronunciation");
  g_assert_nonnull (strstr (pl_pronunciations_page_get_message (f->page), "already has"));
  g_assert_true (has_focus_in (f, "pronunciation-written"));
  click (f, "cancel-pronunciation");

  entries = pl_store_list_pronunciations (f->store, f->person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, before + 1);

  /* The service's list does not show them */
  pl_pronunciations_page_set_scope (f->page, 0);
  g_assert_true (pl_gui_test_run_ticks (f->page, 2));
  g_assert_cmpuint (pl_pronunciations_page_get_n_rows (f->page), ==, 0);
}

/* A care worker hears the words but changes none */
static void
test_care_worker (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PlPronunciation) entry = pl_pronunciation_new ();
  g_autoptr(PlPerson) person = pl_store_load_person (f->store, f->person_id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *say = NULL;
  g_autofree char *change = NULL;

  entry->service_id = person->service_id;
  entry->written = g_strdup ("Metformin");
  entry->said = g_strdup ("[[mEtf'o@mIn]]");
  entry->language = g_strdup ("en-GB");
  g_assert_true (pl_pronunciation_save (f->store, entry, &error));
  g_assert_no_error (error);
  pl_pronunciations_page_reload (f->page);
  g_assert_true (pl_gui_test_run_ticks (f->page, 2));

  g_assert_false (gtk_widget_get_visible (named (f, "new-pronunciation")));
  change = g_strdup_printf ("pronunciation-change-%" G_GINT64_FORMAT, entry->id);
  g_assert_null (pl_gui_test_find_named (GTK_WIDGET (f->page), change));
  say = g_strdup_printf ("pronunciation-say-%" G_GINT64_FORMAT, entry->id);
  click (f, say);
  assert_heard (f, "[[mEtf'o@mIn]]");
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

  g_test_add ("/plainly/pronunciations-page/add-say-change-remove", Fixture, NULL,
              fixture_set_up, test_add_say_change_remove, fixture_tear_down);
  g_test_add ("/plainly/pronunciations-page/person", Fixture, NULL,
              fixture_set_up, test_person, fixture_tear_down);
  g_test_add ("/plainly/pronunciations-page/care-worker", Fixture, "bernie.oneill",
              fixture_set_up, test_care_worker, fixture_tear_down);

  return g_test_run ();
}
