/* test-plain-words-pane.c: plain words beside what staff write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. Words are typed into real text boxes; the pane follows
 * the focus, waits for typing to stop, and its hints are read aloud and
 * shown in the text.
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "pl-demo.h"
#include "pl-guidance-list-private.h"
#include "pl-plain-words-pane-private.h"
#include "pl-plan-editor.h"
#include "pl-staff.h"
#include "pl-store.h"
#include "pl-welcome-editor.h"
#include "pl-gui-test-util.h"
#include "pl-test-util.h"

/* A plainer word and a passive verb */
#define TWO_HINTS "We will utilise a hoist. Your tablets are given at eight."

typedef struct
{
  GtkWindow        *window;
  GtkWidget        *scope;
  GtkWidget        *view;
  GtkWidget        *outside;   /* an entry not in the scope */
  PlPlainWordsPane *pane;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic ("_What to expect");

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 700);

  f->scope = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_hexpand (f->scope, TRUE);
  f->view = gtk_text_view_new ();
  gtk_widget_set_size_request (f->view, -1, 120);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), f->view);
  gtk_box_append (GTK_BOX (f->scope), label);
  gtk_box_append (GTK_BOX (f->scope), f->view);
  gtk_box_append (GTK_BOX (box), f->scope);

  f->outside = gtk_entry_new ();
  gtk_box_append (GTK_BOX (box), f->outside);

  f->pane = PL_PLAIN_WORDS_PANE (pl_plain_words_pane_new ());
  pl_plain_words_pane_follow (f->pane, f->scope);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->pane));

  gtk_window_set_child (f->window, box);
  gtk_window_present (f->window);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, f->pane));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  pl_gui_test_run_frames (1);
}

static gboolean
has_two_hints (gpointer data)
{
  return pl_plain_words_pane_get_hints (data)->len == 2;
}

static void
type_two_hints (Fixture *f)
{
  gtk_widget_grab_focus (f->view);
  pl_gui_test_run_frames (1);
  g_assert_true (pl_plain_words_pane_get_watched (f->pane) == f->view);
  pl_gui_test_type_at_end (f->view, TWO_HINTS);
  g_assert_true (pl_gui_test_wait_until (has_two_hints, f->pane));
}

static void
test_follows_typing (Fixture       *f,
                     gconstpointer  data)
{
  GPtrArray *hints;
  GtkWidget *field_label;

  /* Nothing chosen yet: it says how to start */
  {
    GtkWidget *fresh = g_object_ref_sink (pl_plain_words_pane_new ());

    g_assert_null (pl_plain_words_pane_get_watched (PL_PLAIN_WORDS_PANE (fresh)));
    g_assert_nonnull (strstr (pl_plain_words_pane_get_summary (PL_PLAIN_WORDS_PANE (fresh)),
                              "Click in a box"));
    g_object_unref (fresh);
  }

  gtk_widget_grab_focus (f->view);
  pl_gui_test_run_frames (1);
  g_assert_true (pl_plain_words_pane_get_watched (f->pane) == f->view);
  field_label = pl_gui_test_find_named (GTK_WIDGET (f->pane), "field-label");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (field_label)), ==, "About: What to expect");

  /* Typing does not move the list under every key: it waits for a pause */
  pl_gui_test_type_at_end (f->view, TWO_HINTS);
  g_assert_cmpuint (pl_plain_words_pane_get_hints (f->pane)->len, ==, 0);
  g_assert_true (pl_gui_test_wait_until (has_two_hints, f->pane));

  hints = pl_plain_words_pane_get_hints (f->pane);
  g_assert_cmpint (((PlPlainHint *) g_ptr_array_index (hints, 0))->kind, ==,
                   PL_PLAIN_HINT_PLAINER_WORD);
  g_assert_cmpstr (((PlPlainHint *) g_ptr_array_index (hints, 0))->suggestion, ==, "use");
  g_assert_cmpint (((PlPlainHint *) g_ptr_array_index (hints, 1))->kind, ==, PL_PLAIN_HINT_PASSIVE);
  /* 11 words, 2 sentences, 15 syllables: 206.835 - 1.015 * 5.5 - 84.6 * 15/11 = 86.0 */
  g_assert_cmpstr (pl_plain_words_pane_get_summary (f->pane), ==,
                   "Easy to read (86). 2 things worth a look; none of them stop you saving.");

  /* The focus elsewhere, out of the form, leaves the hints as they are */
  gtk_widget_grab_focus (f->outside);
  pl_gui_test_run_frames (1);
  g_assert_true (pl_plain_words_pane_get_watched (f->pane) == f->view);
  g_assert_cmpuint (pl_plain_words_pane_get_hints (f->pane)->len, ==, 2);

  /* A text box that goes (a form built again) takes its hints with it */
  gtk_box_remove (GTK_BOX (f->scope), f->view);
  pl_gui_test_run_frames (1);
  g_assert_null (pl_plain_words_pane_get_watched (f->pane));
  g_assert_cmpuint (pl_plain_words_pane_get_hints (f->pane)->len, ==, 0);
}

static void
test_easy_read (Fixture       *f,
                gconstpointer  data)
{
  /* 20 words: long for easy read, not otherwise */
  const char *twenty = "Anna comes at eight in the morning to help me get up and wash my face "
                       "before we have some breakfast.";
  GtkWidget *check = pl_gui_test_find_named (GTK_WIDGET (f->pane), "easy-read");

  pl_plain_words_pane_watch (f->pane, f->view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->view)), twenty, -1);
  pl_plain_words_pane_update_now (f->pane);
  g_assert_cmpuint (pl_plain_words_pane_get_hints (f->pane)->len, ==, 0);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_cmpuint (pl_plain_words_pane_get_hints (f->pane)->len, ==, 1);
  g_assert_cmpint (((PlPlainHint *) g_ptr_array_index (pl_plain_words_pane_get_hints (f->pane), 0))->kind,
                   ==, PL_PLAIN_HINT_LONG_SENTENCE);

  pl_plain_words_pane_set_audience (f->pane, PL_PLAIN_STANDARD);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpuint (pl_plain_words_pane_get_hints (f->pane)->len, ==, 0);
}

static gboolean
has_selection (gpointer buffer)
{
  return gtk_text_buffer_get_has_selection (GTK_TEXT_BUFFER (buffer));
}

static void
test_show_in_text (Fixture       *f,
                   gconstpointer  data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->view));
  GtkTextIter start, end;

  type_two_hints (f);
  gtk_widget_grab_focus (pl_plain_words_pane_get_show_button (f->pane, 1));
  pl_gui_test_press_button (pl_plain_words_pane_get_show_button (f->pane, 1));
  pl_gui_test_run_frames (1);

  /* "are given" selected, and the focus back in the text to change it
   * (on a busy machine, after the frame that gives the focus) */
  g_assert_true (pl_gui_test_wait_until (has_selection, buffer));
  g_assert_true (gtk_widget_has_focus (f->view));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, 38);
  g_assert_cmpint (gtk_text_iter_get_offset (&end), ==, 47);
}

static void
test_read_aloud (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PlVoice) voice = pl_voice_new ();
  PlSpeech *reading = pl_voice_get_reading (voice);
  PlDocument *spoken;
  const PlPlainHint *hint;

  pl_voice_set_output (voice, PL_SPEECH_OUTPUT_NULL, 20.0);
  pl_plain_words_pane_set_voice (f->pane, voice);
  type_two_hints (f);
  hint = g_ptr_array_index (pl_plain_words_pane_get_hints (f->pane), 0);

  pl_gui_test_press_button (pl_plain_words_pane_get_read_button (f->pane, 0));
  spoken = pl_speech_get_document (reading);
  g_assert_nonnull (spoken);
  /* What the row shows, in its order */
  g_assert_cmpuint (pl_document_get_n_blocks (spoken), ==, 3);
  g_assert_cmpstr (pl_document_get_block (spoken, 0)->text, ==, "A plainer word");
  g_assert_cmpstr (pl_document_get_block (spoken, 1)->text, ==, "“utilise”");
  g_assert_cmpstr (pl_document_get_block (spoken, 2)->text, ==, hint->why);
  g_assert_cmpint (pl_speech_get_state (reading), ==, PL_SPEECH_STATE_SPEAKING);
  pl_voice_stop (voice);
}

static void
test_keyboard_and_screen_reader (Fixture       *f,
                                 gconstpointer  data)
{
  GtkWidget *read, *show;
  GtkAccessibleRole role;

  type_two_hints (f);
  g_assert_true (pl_gui_test_run_ticks (f->pane, 2));
  read = pl_plain_words_pane_get_read_button (f->pane, 1);
  show = pl_plain_words_pane_get_show_button (f->pane, 1);

  g_assert_true (pl_gui_test_reachable_by_tab (f->window, read));
  g_assert_true (pl_gui_test_reachable_by_tab (f->window, show));
  g_assert_true (pl_gui_test_reachable_by_tab (f->window,
                                               pl_gui_test_find_named (GTK_WIDGET (f->pane),
                                                                       "easy-read")));
  g_assert_cmpfloat (pl_gui_test_target_height (read), >=, 44);
  g_assert_cmpfloat (pl_gui_test_target_height (show), >=, 44);

  /* Rows are read whole; rows are not Tab stops of their own */
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (pl_plain_words_pane_get_row (f->pane, 1))));
  role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (
           pl_gui_test_find_named (GTK_WIDGET (f->pane), "summary")));
  g_assert_cmpint (role, ==, GTK_ACCESSIBLE_ROLE_STATUS);
}

/* The pane in the real editors: staff with the demo's person */

typedef struct
{
  char      *dir;
  PlStore   *store;
  gint64     person_id;
  PlStaff   *staff;
  GtkWindow *window;
} EditorFixture;

static void
editor_set_up (EditorFixture *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = pl_test_make_dir ("plainly-plain-words-pane");
  f->store = pl_test_open_store (f->dir, NULL);
  g_assert_true (pl_demo_install (f->store, &f->person_id, &error));
  g_assert_no_error (error);
  f->staff = pl_staff_find (f->store, "sam.patel", &error);
  g_assert_no_error (error);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 860);
  gtk_window_present (f->window);
}

static void
editor_tear_down (EditorFixture *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  pl_gui_test_run_frames (1);
  g_clear_pointer (&f->staff, pl_staff_free);
  g_clear_pointer (&f->store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gboolean
has_hints (gpointer data)
{
  return pl_plain_words_pane_get_hints (data)->len > 0;
}

static gboolean
has_five_hints (gpointer data)
{
  return pl_plain_words_pane_get_hints (data)->len == 5;
}

static void
test_plan_editor (EditorFixture *f,
                  gconstpointer  data)
{
  PlPlanEditor *editor = pl_plan_editor_new ();
  PlPlainWordsPane *pane;
  GtkWidget *form_box, *view = NULL;
  GPtrArray *hints;

  gtk_window_set_child (f->window, GTK_WIDGET (editor));
  pl_plan_editor_set_context (editor, f->store, f->staff, f->person_id);
  g_assert_true (pl_gui_test_run_ticks (editor, 2));
  pane = PL_PLAIN_WORDS_PANE (pl_gui_test_find_named (GTK_WIDGET (editor), "plain-words"));
  g_assert_nonnull (pane);

  /* The first box of About me: "What is most important to me" */
  form_box = pl_gui_test_find_named (GTK_WIDGET (editor), "form-box");
  for (GtkWidget *w = form_box; w != NULL && view == NULL;)
    {
      if (GTK_IS_TEXT_VIEW (w))
        view = w;
      else if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && w != form_box && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w != NULL && w != form_box ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_nonnull (view);
  gtk_widget_grab_focus (view);
  pl_gui_test_run_frames (1);
  g_assert_true (pl_plain_words_pane_get_watched (pane) == view);

  /* The section's own words have one already: "Being treated" */
  g_assert_cmpuint (pl_plain_words_pane_get_hints (pane)->len, ==, 1);
  pl_gui_test_type_at_end (view, "\n\nThe CQC will be notified prior to any changes.");
  g_assert_true (pl_gui_test_wait_until (has_five_hints, pane));
  hints = pl_plain_words_pane_get_hints (pane);
  g_assert_cmpstr (((PlPlainHint *) g_ptr_array_index (hints, 0))->words, ==, "Being treated");
  g_assert_cmpstr (((PlPlainHint *) g_ptr_array_index (hints, 1))->words, ==, "CQC");
  g_assert_cmpstr (((PlPlainHint *) g_ptr_array_index (hints, 2))->words, ==, "be notified");
  g_assert_cmpstr (((PlPlainHint *) g_ptr_array_index (hints, 3))->words, ==, "notified");
  g_assert_cmpstr (((PlPlainHint *) g_ptr_array_index (hints, 3))->suggestion, ==, "told");
  g_assert_cmpstr (((PlPlainHint *) g_ptr_array_index (hints, 4))->suggestion, ==, "before");

  g_assert_true (pl_gui_test_run_ticks (editor, 2));
  pl_gui_test_save_png (GTK_WIDGET (f->window), "plain-words-plan-editor.png");
}

static void
test_welcome_editor (EditorFixture *f,
                     gconstpointer  data)
{
  PlWelcomeEditor *editor = pl_welcome_editor_new ();
  PlPlainWordsPane *pane;
  GtkWidget *view;

  gtk_window_set_child (f->window, GTK_WIDGET (editor));
  pl_welcome_editor_set_context (editor, f->store, f->staff);
  g_assert_true (pl_gui_test_run_ticks (editor, 2));
  pane = PL_PLAIN_WORDS_PANE (pl_gui_test_find_named (GTK_WIDGET (editor), "plain-words"));
  view = pl_gui_test_find_named (GTK_WIDGET (editor), "pack-what-to-expect");

  gtk_widget_grab_focus (view);
  pl_gui_test_run_frames (1);
  g_assert_true (pl_plain_words_pane_get_watched (pane) == view);
  /* The pack as the demo ships it: the figure is shown for it */
  g_assert_true (g_str_has_prefix (pl_plain_words_pane_get_summary (pane), "Easy to read (") ||
                 g_str_has_prefix (pl_plain_words_pane_get_summary (pane), "Plain English ("));
  pl_gui_test_type_at_end (view, " We will endeavour to assist you.");
  g_assert_true (pl_gui_test_wait_until (has_hints, pane));
  pl_gui_test_save_png (GTK_WIDGET (f->window), "plain-words-welcome-editor.png");
}

/* The checklist of the guidance: the figure of each part of the plan */
static void
test_checklist (EditorFixture *f,
                gconstpointer  data)
{
  GtkWidget *list = pl_guidance_list_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_store_current_plan (f->store, f->person_id, &error);
  g_autofree char *first = NULL;
  g_autofree char *crisis = NULL;
  g_autofree char *risks = NULL;

  g_assert_no_error (error);
  gtk_window_set_child (f->window, list);
  g_assert_true (pl_guidance_list_set_plan (PL_GUIDANCE_LIST (list), f->store, plan->id, &error));
  g_assert_no_error (error);

  /* Every About me section, outcomes, visits, medicines and risks */
  g_assert_cmpuint (pl_guidance_list_get_n_readings (PL_GUIDANCE_LIST (list)), ==, 23);
  first = pl_guidance_list_get_reading_text (PL_GUIDANCE_LIST (list), 0);
  g_assert_cmpstr (first, ==, "What is most important to me: Easy to read (88). 78 words in 6 sentences.");
  /* 56.166, counted by hand in test-plain-words.c */
  crisis = pl_guidance_list_get_reading_text (PL_GUIDANCE_LIST (list), 15);
  g_assert_cmpstr (crisis, ==, "In a crisis: Fairly hard to read (56). 117 words in 6 sentences.");
  risks = pl_guidance_list_get_reading_text (PL_GUIDANCE_LIST (list), 22);
  g_assert_true (g_str_has_prefix (risks, "Risks I choose to take: Easy to read ("));
  g_assert_true (gtk_widget_get_visible (pl_gui_test_find_named (list, "reading-list")));
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

  g_test_add ("/plainly/plain-words-pane/follows-typing", Fixture, NULL,
              fixture_set_up, test_follows_typing, fixture_tear_down);
  g_test_add ("/plainly/plain-words-pane/easy-read", Fixture, NULL,
              fixture_set_up, test_easy_read, fixture_tear_down);
  g_test_add ("/plainly/plain-words-pane/show-in-text", Fixture, NULL,
              fixture_set_up, test_show_in_text, fixture_tear_down);
  g_test_add ("/plainly/plain-words-pane/read-aloud", Fixture, NULL,
              fixture_set_up, test_read_aloud, fixture_tear_down);
  g_test_add ("/plainly/plain-words-pane/keyboard-and-screen-reader", Fixture, NULL,
              fixture_set_up, test_keyboard_and_screen_reader, fixture_tear_down);
  g_test_add ("/plainly/plain-words-pane/plan-editor", EditorFixture, NULL,
              editor_set_up, test_plan_editor, editor_tear_down);
  g_test_add ("/plainly/plain-words-pane/welcome-editor", EditorFixture, NULL,
              editor_set_up, test_welcome_editor, editor_tear_down);

  g_test_add ("/plainly/plain-words-pane/checklist", EditorFixture, NULL,
              editor_set_up, test_checklist, editor_tear_down);

  return g_test_run ();
}
