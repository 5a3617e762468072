/* test-read-aloud-bar.c: the reader's read-aloud controls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Speech goes to the null output, paced faster than a speaker, except where
 * a test checks what happens with no sound device.
 */

#include "config.h"

#include <string.h>

#include "pl-read-aloud-bar-private.h"
#include "pl-reader-style.h"
#include "pl-screen-reader-private.h"
#include "pl-gui-test-util.h"
#include "pl-sound-server.h"

typedef struct
{
  GtkWindow      *window;
  PlReadAloudBar *bar;
  PlVoice        *voice;     /* the window's, in the app */
  PlDocument     *document;
  GArray         *word_blocks;
  guint           finished;
  guint           place_block;
} Fixture;

static void
word_cb (PlSpeech *speech,
         guint     block,
         guint     start,
         guint     end,
         Fixture  *f)
{
  g_array_append_val (f->word_blocks, block);
}

static void
finished_cb (PlSpeech *speech,
             Fixture  *f)
{
  f->finished++;
}

static void
place_cb (gpointer  user_data,
          guint    *block,
          guint    *character)
{
  Fixture *f = user_data;

  *block = f->place_block;
  *character = 0;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->document = pl_document_new ("Dot's plan");
  pl_document_add (f->document, PL_BLOCK_HEADING, 1, "top", NULL, "Dot's plan");
  pl_document_add (f->document, PL_BLOCK_PARAGRAPH, 0, "one", NULL, "I like tea at eight. Milk, no sugar.");
  pl_document_add (f->document, PL_BLOCK_HEADING, 2, "visits", NULL, "My visits");
  pl_document_add (f->document, PL_BLOCK_PARAGRAPH, 0, "two", NULL, "Every morning at 8am.");
  pl_document_add (f->document, PL_BLOCK_HEADING, 2, "money", NULL, "Money");
  pl_document_add (f->document, PL_BLOCK_PARAGRAPH, 0, "three", NULL, "A direct payment.");

  f->word_blocks = g_array_new (FALSE, FALSE, sizeof (guint));
  f->window = GTK_WINDOW (gtk_window_new ());
  f->bar = PL_READ_ALOUD_BAR (pl_read_aloud_bar_new ());
  f->voice = pl_voice_new ();
  pl_read_aloud_bar_set_voice (f->bar, f->voice);
  gtk_window_set_child (f->window, GTK_WIDGET (f->bar));
  gtk_window_present (f->window);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, f->window));

  pl_read_aloud_bar_set_place_func (f->bar, place_cb, f);
  g_signal_connect (pl_read_aloud_bar_get_speech (f->bar), "word", G_CALLBACK (word_cb), f);
  g_signal_connect (pl_read_aloud_bar_get_speech (f->bar), "finished", G_CALLBACK (finished_cb), f);
  if (data == NULL)
    pl_speech_set_output (pl_read_aloud_bar_get_speech (f->bar), PL_SPEECH_OUTPUT_NULL, 20.0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  pl_gui_test_run_frames (1);
  g_clear_object (&f->voice);
  g_array_unref (f->word_blocks);
  g_object_unref (f->document);
}

static gboolean
is_finished (gpointer data)
{
  Fixture *f = data;

  return f->finished > 0;
}

static gboolean
says_no_speaker (gpointer data)
{
  Fixture *f = data;
  const char *status = pl_read_aloud_bar_get_status (f->bar);

  return status != NULL && strstr (status, "speaker") != NULL;
}

static PlSpeechState
state (Fixture *f)
{
  return pl_speech_get_state (pl_read_aloud_bar_get_speech (f->bar));
}

static void
test_read_all (Fixture       *f,
               gconstpointer  data)
{
  /* Nothing to read, nothing to press */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->bar), "read-aloud.toggle", NULL) &&
                  state (f) != PL_SPEECH_STATE_IDLE);

  g_assert_false (gtk_widget_is_sensitive (pl_gui_test_find_named (GTK_WIDGET (f->bar), "play")));
  pl_read_aloud_bar_set_document (f->bar, f->document);
  pl_gui_test_run_frames (1);
  g_assert_true (gtk_widget_is_sensitive (pl_gui_test_find_named (GTK_WIDGET (f->bar), "play")));
  pl_read_aloud_bar_read_all (f->bar);
  g_assert_cmpint (state (f), ==, PL_SPEECH_STATE_SPEAKING);
  g_assert_true (pl_gui_test_wait_until (is_finished, f));

  /* From the title to the last block */
  g_assert_cmpuint (f->word_blocks->len, >, 10);
  g_assert_cmpuint (g_array_index (f->word_blocks, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (f->word_blocks, guint, f->word_blocks->len - 1), ==, 5);
  g_assert_cmpint (state (f), ==, PL_SPEECH_STATE_IDLE);
  g_assert_null (pl_read_aloud_bar_get_status (f->bar));
}

static void
test_from_here_and_part (Fixture       *f,
                         gconstpointer  data)
{
  pl_read_aloud_bar_set_document (f->bar, f->document);

  /* From the visits heading to the end */
  f->place_block = 2;
  pl_read_aloud_bar_read_from_here (f->bar);
  g_assert_true (pl_gui_test_wait_until (is_finished, f));
  g_assert_cmpuint (g_array_index (f->word_blocks, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (f->word_blocks, guint, f->word_blocks->len - 1), ==, 5);

  /* Only the part the reader is in: "My visits" and what follows it */
  g_array_set_size (f->word_blocks, 0);
  f->finished = 0;
  f->place_block = 3;
  pl_read_aloud_bar_read_part (f->bar);
  g_assert_true (pl_gui_test_wait_until (is_finished, f));
  g_assert_cmpuint (g_array_index (f->word_blocks, guint, 0), ==, 2);
  for (guint i = 0; i < f->word_blocks->len; i++)
    g_assert_cmpuint (g_array_index (f->word_blocks, guint, i), <=, 3);
}

static void
test_pause_and_carry_on (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *play;
  guint heard;

  /* Slow enough to pause in the middle */
  pl_speech_set_output (pl_read_aloud_bar_get_speech (f->bar), PL_SPEECH_OUTPUT_NULL, 4.0);
  pl_read_aloud_bar_set_document (f->bar, f->document);
  pl_read_aloud_bar_toggle_pause (f->bar);
  g_assert_cmpint (state (f), ==, PL_SPEECH_STATE_SPEAKING);
  pl_gui_test_run_frames (6);

  pl_read_aloud_bar_toggle_pause (f->bar);
  pl_gui_test_run_frames (2);
  g_assert_cmpint (state (f), ==, PL_SPEECH_STATE_PAUSED);
  g_assert_nonnull (strstr (pl_read_aloud_bar_get_status (f->bar), "Paused"));

  /* The button says what pressing it will do, in words */
  play = pl_gui_test_find_named (GTK_WIDGET (f->bar), "play");
  if (play != NULL)
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (play), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Carry on");

  heard = f->word_blocks->len;
  pl_gui_test_run_frames (6);
  g_assert_cmpuint (f->word_blocks->len, ==, heard);

  pl_read_aloud_bar_toggle_pause (f->bar);
  g_assert_true (pl_gui_test_wait_until (is_finished, f));
  g_assert_cmpuint (f->word_blocks->len, >, heard);

  /* Stop leaves nothing to say */
  pl_read_aloud_bar_read_all (f->bar);
  pl_read_aloud_bar_stop (f->bar);
  g_assert_cmpint (state (f), ==, PL_SPEECH_STATE_IDLE);
}

/* With no speaker the bar says so in words; nothing else breaks */
static void
test_no_speaker (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (pl_speech_check_audio_device (&error))
    {
      g_test_skip ("This machine has a sound device");
      return;
    }

  pl_read_aloud_bar_set_document (f->bar, f->document);
  pl_read_aloud_bar_read_all (f->bar);
  g_assert_true (pl_gui_test_wait_until (says_no_speaker, f));
  g_assert_cmpstr (pl_read_aloud_bar_get_status (f->bar), ==, error->message);
  pl_gui_test_run_frames (4);
  g_assert_cmpint (state (f), ==, PL_SPEECH_STATE_IDLE);
  g_assert_cmpstr (pl_read_aloud_bar_get_status (f->bar), ==, error->message);
}

static gboolean
says_lost (gpointer data)
{
  Fixture *f = data;
  const char *status = pl_read_aloud_bar_get_status (f->bar);

  return status != NULL && strstr (status, "lost the speaker") != NULL;
}

static gboolean
has_spoken (gpointer data)
{
  Fixture *f = data;

  return f->word_blocks->len > 0;
}

/* The speaker goes away while reading (unplugged, or the sound server
 * stopped): the bar says so in words, and the reading ends */
static void
test_speaker_lost (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlSoundServer) server = pl_sound_server_start (pl_speech_get_sample_rate (), NULL,
                                                           &error);

  if (server == NULL)
    {
      g_autofree char *why = g_strdup_printf ("No sound server: %s", error->message);

      g_test_skip (why);
      return;
    }

  pl_read_aloud_bar_set_document (f->bar, f->document);
  pl_read_aloud_bar_read_all (f->bar);
  g_assert_true (pl_gui_test_wait_until (has_spoken, f));
  g_assert_cmpint (state (f), ==, PL_SPEECH_STATE_SPEAKING);

  pl_sound_server_kill (server);
  g_assert_true (pl_gui_test_wait_until (says_lost, f));
  g_assert_cmpint (state (f), ==, PL_SPEECH_STATE_IDLE);
  g_assert_cmpint (f->finished, ==, 0);
}

/* The border box of widget, in the window's coordinates */
static graphene_rect_t
bounds_of (GtkWidget *widget)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (gtk_widget_get_root (widget)),
                                            &bounds));
  return bounds;
}

static gboolean
is_compact (gpointer data)
{
  return pl_read_aloud_bar_get_compact (data);
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      GMenuModel *section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      gboolean found = FALSE;

      if (section != NULL)
        {
          found = menu_has_action (section, action);
          g_object_unref (section);
        }
      else if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name))
        found = g_str_equal (name, action);
      if (found)
        return TRUE;
    }
  return FALSE;
}

/* At 56 pt in a 1024×768 window, the plan under the reader's own style:
 * the bar goes compact and takes at most an eighth of the height, its
 * main controls keep their size and names, and the rest is in the menu */
/* While a screen reader runs Plainly's own voice is quiet unless asked:
 * Read aloud, pressed, still reads */
static void
test_asked_with_screen_reader (Fixture       *f,
                               gconstpointer  data)
{
  PlScreenReader *screen_reader = pl_screen_reader_get_default ();
  GtkWidget *play;

  pl_screen_reader_set_running (screen_reader, TRUE);
  pl_read_aloud_bar_set_document (f->bar, f->document);
  pl_gui_test_run_frames (2);
  play = pl_gui_test_find_named (GTK_WIDGET (f->bar),
                                 pl_read_aloud_bar_get_compact (f->bar) ? "compact-play" : "play");
  g_assert_true (gtk_widget_is_sensitive (play));
  g_signal_emit_by_name (play, "clicked");
  g_assert_cmpint (state (f), ==, PL_SPEECH_STATE_SPEAKING);
  g_assert_true (pl_gui_test_wait_until (is_finished, f));
  g_assert_cmpuint (f->word_blocks->len, >, 0);
  pl_screen_reader_set_running (screen_reader, FALSE);
}

static GtkWidget *
press_tab (GtkWindow        *window,
           GtkDirectionType  direction)
{
  gtk_widget_child_focus (GTK_WIDGET (window), direction);
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* The bar's layout, full or compact, has stopped changing and its Read
 * aloud button is on screen */
static gboolean
bar_settled (gpointer data)
{
  Fixture *f = data;
  gboolean compact = pl_read_aloud_bar_get_compact (f->bar);
  GtkWidget *play = pl_gui_test_find_named (GTK_WIDGET (f->bar),
                                            compact ? "compact-play" : "play");

  pl_gui_test_run_frames (3);
  return play != NULL && gtk_widget_get_mapped (play) &&
         compact == pl_read_aloud_bar_get_compact (f->bar);
}

/* Read aloud, of the layout shown, has the focus and the layout has
 * settled; the bar may change layout while a busy machine lays it out, and
 * then gives the focus to the other layout's Read aloud, so ask again */
static gboolean
play_has_focus (gpointer data)
{
  Fixture *f = data;
  GtkWidget *play;

  if (!bar_settled (f))
    return FALSE;
  play = pl_gui_test_find_named (GTK_WIDGET (f->bar),
                                 pl_read_aloud_bar_get_compact (f->bar) ? "compact-play" : "play");
  if (gtk_root_get_focus (GTK_ROOT (f->window)) == play)
    return TRUE;
  gtk_widget_grab_focus (play);
  return FALSE;
}

/* Tab and Shift+Tab go from control to control both ways, also while
 * the buttons between Read aloud and More cannot be used: GTK 4.8's flow
 * box kept the focus on Read aloud, and on More going back */
static void
test_tab_both_ways (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *play, *focus;

  pl_read_aloud_bar_set_document (f->bar, f->document);
  /* The bar alone in a window is short: compact, or full, the same holds.
   * It changes between them when idle, after it is laid out: let it settle,
   * however busy the machine; on a machine busy enough that it changed
   * after all, settle again (three times at most) */
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_assert_true (pl_gui_test_wait_until (play_has_focus, f));
      /* No frame runs from here to the last key: the layout stays as it is */
      play = gtk_root_get_focus (GTK_ROOT (f->window));
      focus = press_tab (f->window, GTK_DIR_TAB_FORWARD);
      if (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON) != NULL)
        break;
      pl_gui_test_run_frames (5);
    }
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (f->bar)));

  focus = press_tab (f->window, GTK_DIR_TAB_BACKWARD);
  g_assert_true (focus == play);
}

/* Stop pressed from the keyboard leaves the focus in the bar, on Read
 * aloud, not on whatever comes next in the window */
static gboolean
is_speaking (gpointer data)
{
  return state (data) == PL_SPEECH_STATE_SPEAKING;
}

static void
test_stop_keeps_focus (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *after = gtk_button_new_with_label ("Print");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *play, *stop;
  gboolean compact;

  /* The bar, then a button after it, as the plan's page has Print */
  g_object_ref (f->bar);
  gtk_window_set_child (f->window, box);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->bar));
  gtk_box_append (GTK_BOX (box), after);
  g_object_unref (f->bar);

  pl_speech_set_output (pl_read_aloud_bar_get_speech (f->bar), PL_SPEECH_OUTPUT_NULL, 2.0);
  pl_read_aloud_bar_set_document (f->bar, f->document);
  g_assert_true (pl_gui_test_wait_until (play_has_focus, f));
  pl_read_aloud_bar_read_all (f->bar);
  g_assert_true (pl_gui_test_wait_until (is_speaking, f));

  compact = pl_read_aloud_bar_get_compact (f->bar);
  play = pl_gui_test_find_named (GTK_WIDGET (f->bar), compact ? "compact-play" : "play");
  stop = pl_gui_test_find_named (GTK_WIDGET (f->bar), compact ? "compact-stop" : "stop");
  g_assert_nonnull (stop);
  g_assert_true (gtk_widget_get_sensitive (stop));
  gtk_widget_grab_focus (stop);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == stop);

  pl_gui_test_press_button (stop);
  g_assert_cmpint (state (f), ==, PL_SPEECH_STATE_IDLE);
  g_assert_false (gtk_widget_get_sensitive (stop));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == play);
  pl_gui_test_run_frames (2);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == play);
}

static void
test_compact_at_giant_print (void)
{
  static const struct {
    const char *name;
    const char *accessible;
  } controls[] = {
    { "compact-play", "Read aloud" },
    { "compact-stop", "Stop" },
    { "compact-previous", "Back a sentence" },
    { "compact-next", "Next sentence" },
    { "compact-more", "More ways to read aloud" },
  };
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  g_autoptr(PlSettings) settings = pl_settings_new_default (0);
  g_autoptr(PlDocument) document = pl_document_new ("Dot's plan");
  GtkWidget *window, *box, *scroller, *text;
  PlReadAloudBar *bar;
  GtkMenuButton *more;
  graphene_rect_t bounds;
  g_autofree char *style = NULL;
  const int sizes[] = { 14, 56 };

  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, "one", NULL, "I like tea at eight.");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (box, "pl-reader-bar-test");
  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scroller, TRUE);
  text = gtk_label_new ("I like tea at eight. Milk, no sugar.");
  gtk_widget_add_css_class (text, "pl-document");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), text);
  bar = PL_READ_ALOUD_BAR (pl_read_aloud_bar_new ());
  pl_read_aloud_bar_set_document (bar, document);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (bar));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, bar));

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      settings->text_size = sizes[i];
      g_free (style);
      style = pl_reader_style_css (settings, "pl-reader-bar-test");
      gtk_css_provider_load_from_data (css, style, -1);
      pl_reader_style_set_classes (box, settings);
      g_assert_true (pl_gui_test_run_ticks (window, 4));
      /* At 14 pt the bar may take one row or go compact, as the width
       * allows; at giant print the full bar never fits an eighth */
      if (sizes[i] >= PL_TEXT_SIZE_VERY_LARGE)
        g_assert_true (pl_gui_test_wait_until (is_compact, bar));
      g_assert_true (pl_gui_test_run_ticks (window, 3));

      bounds = bounds_of (GTK_WIDGET (bar));
      g_test_message ("%d pt: the bar is %.0f px of %d, %s", sizes[i], bounds.size.height,
                      gtk_widget_get_height (window),
                      pl_read_aloud_bar_get_compact (bar) ? "compact" : "full");
      g_assert_cmpint (gtk_widget_get_height (window), ==, 768);
      g_assert_cmpfloat (bounds.size.height, <=, 768 / 8);
    }

  /* Compact: the main controls, each at least 44 by 44 pixels, named */
  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      GtkWidget *control = pl_gui_test_find_named (GTK_WIDGET (bar), controls[i].name);

      g_assert_nonnull (control);
      g_assert_true (gtk_widget_is_drawable (control));
      bounds = bounds_of (control);
      g_test_message ("%s: %.0f × %.0f px", controls[i].name, bounds.size.width, bounds.size.height);
      g_assert_cmpfloat (bounds.size.width, >=, 44);
      g_assert_cmpfloat (bounds.size.height, >=, 44);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           controls[i].accessible);
    }
  /* The full bar's buttons are out of sight, and Say it again is in the
   * menu, which is built as it opens */
  g_assert_false (gtk_widget_is_drawable (pl_gui_test_find_named (GTK_WIDGET (bar), "play")));
  more = GTK_MENU_BUTTON (pl_gui_test_find_named (GTK_WIDGET (bar), "compact-more"));
  g_assert_null (gtk_menu_button_get_menu_model (more));
  gtk_menu_button_popup (more);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (more), "read-aloud.repeat"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_menu_button_get_popover (more)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "More");
  gtk_menu_button_popdown (more);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
}

int
main (int   argc,
      char *argv[])
{
  /* Before any thread: where the speaker-lost test's sound server listens */
  pl_sound_server_init ();
  pl_gui_test_init (&argc, &argv);

  g_test_add_func ("/plainly/read-aloud-bar/compact-at-giant-print", test_compact_at_giant_print);
  g_test_add ("/plainly/read-aloud-bar/asked-with-screen-reader", Fixture, NULL,
              fixture_setup, test_asked_with_screen_reader, fixture_teardown);
  g_test_add ("/plainly/read-aloud-bar/stop-keeps-focus", Fixture, NULL,
              fixture_setup, test_stop_keeps_focus, fixture_teardown);
  g_test_add ("/plainly/read-aloud-bar/tab-both-ways", Fixture, NULL,
              fixture_setup, test_tab_both_ways, fixture_teardown);
  g_test_add ("/plainly/read-aloud-bar/read-all", Fixture, NULL,
              fixture_setup, test_read_all, fixture_teardown);
  g_test_add ("/plainly/read-aloud-bar/from-here-and-part", Fixture, NULL,
              fixture_setup, test_from_here_and_part, fixture_teardown);
  g_test_add ("/plainly/read-aloud-bar/pause-and-carry-on", Fixture, NULL,
              fixture_setup, test_pause_and_carry_on, fixture_teardown);
  g_test_add ("/plainly/read-aloud-bar/no-speaker", Fixture, "speaker",
              fixture_setup, test_no_speaker, fixture_teardown);
  g_test_add ("/plainly/read-aloud-bar/speaker-lost", Fixture, "speaker",
              fixture_setup, test_speaker_lost, fixture_teardown);

  return g_test_run ();
}
