/* test-spoken-highlight.c: the eyes follow the voice, in the reader and in Together mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Speech goes to the null output, a little faster than a speaker, so no
 * sound device is needed. Each word and sentence event is checked as it
 * arrives: the highlight's own handler has run by then.
 */

#include "config.h"

#include "pl-demo.h"
#include "pl-document-view.h"
#include "pl-document-view-private.h"
#include "pl-read-aloud-bar-private.h"
#include "pl-reader.h"
#include "pl-spoken-highlight-private.h"
#include "pl-talking-buttons.h"
#include "pl-voice.h"
#include "pl-window-private.h"
#include "pl-gui-test-util.h"
#include "pl-test-util.h"

typedef struct
{
  PlDocumentView    *view;
  PlSpokenHighlight *highlight;   /* NULL: only the view is checked */
  guint              words;
  guint              sentences;
  guint              wrong;       /* events the view did not show */
  guint              finished;
  guint              pause_after; /* 0: never */
} Watch;

/* The label highlighted is the block's own (or inside it), with colours */
static gboolean
shows_block (Watch *w,
             guint  block)
{
  GtkWidget *label = pl_document_view_get_spoken_label (w->view);
  GtkWidget *widget = pl_document_view_get_block_widget (w->view, block);

  if (label == NULL || widget == NULL || gtk_label_get_attributes (GTK_LABEL (label)) == NULL)
    return FALSE;
  if (label != widget && !gtk_widget_is_ancestor (label, widget))
    return FALSE;
  return w->highlight == NULL || pl_spoken_highlight_get_block (w->highlight) == (int) block;
}

static void
word_cb (PlSpeech *speech,
         guint     block,
         guint     start,
         guint     end,
         Watch    *w)
{
  w->words++;
  if (!shows_block (w, block))
    w->wrong++;
  if (w->pause_after > 0 && w->words == w->pause_after)
    pl_speech_pause (speech);
}

static void
sentence_cb (PlSpeech *speech,
             guint     block,
             guint     start,
             guint     end,
             Watch    *w)
{
  w->sentences++;
  if (!shows_block (w, block))
    w->wrong++;
}

static void
finished_cb (PlSpeech *speech,
             Watch    *w)
{
  w->finished++;
}

static void
watch (Watch          *w,
       PlSpeech       *speech,
       PlDocumentView *view)
{
  w->view = view;
  g_signal_connect (speech, "word", G_CALLBACK (word_cb), w);
  g_signal_connect (speech, "sentence", G_CALLBACK (sentence_cb), w);
  g_signal_connect (speech, "finished", G_CALLBACK (finished_cb), w);
}

static gboolean
is_finished (gpointer data)
{
  return ((Watch *) data)->finished > 0;
}

static gboolean
is_paused (gpointer data)
{
  Watch *w = data;

  return w->pause_after > 0 && w->words >= w->pause_after;
}

static PlDocument *
plan_new (const char *title)
{
  PlDocument *document = pl_document_new (title);

  pl_document_add (document, PL_BLOCK_HEADING, 1, "top", NULL, title);
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, "one", NULL,
                   "I like tea at eight. Milk, no sugar.");
  pl_document_add (document, PL_BLOCK_HEADING, 2, "visits", NULL, "My visits");
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, "two", NULL,
                   "Every morning at eight. Please knock and wait.");
  return document;
}

/* The type itself: follows, keeps its place when paused, clears when
 * stopped, finished, or when the view shows another document */
static void
test_follows (void)
{
  g_autoptr(PlVoice) voice = pl_voice_new ();
  g_autoptr(PlDocument) plan = plan_new ("Dot's plan");
  g_autoptr(PlDocument) other = plan_new ("Dot's plan, typed since");
  g_autoptr(PlSpokenHighlight) highlight = NULL;
  PlSpeech *reading = pl_voice_get_reading (voice);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  PlDocumentView *view = PL_DOCUMENT_VIEW (pl_document_view_new ());
  Watch w = { 0 };

  gtk_window_set_default_size (window, 800, 600);
  gtk_window_set_child (window, GTK_WIDGET (view));
  pl_document_view_set_document (view, plan);
  gtk_window_present (window);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, view));

  pl_voice_set_output (voice, PL_SPEECH_OUTPUT_NULL, 4.0);
  highlight = pl_spoken_highlight_new (reading, view);
  pl_spoken_highlight_set_theme (highlight, "yellow-on-black");
  w.highlight = highlight;
  watch (&w, reading, view);

  /* Whole: every sentence and word shown as it is said, then cleared */
  pl_voice_read (voice, plan, 0, 0, PL_SPEECH_TO_END);
  g_assert_true (pl_gui_test_wait_until (is_finished, &w));
  g_assert_cmpuint (w.sentences, ==, 6);
  g_assert_cmpuint (w.words, >, 15);
  g_assert_cmpuint (w.wrong, ==, 0);
  g_assert_null (pl_document_view_get_spoken_label (view));
  g_assert_cmpint (pl_spoken_highlight_get_block (highlight), ==, -1);

  /* Paused keeps the place; stopped clears it */
  w.pause_after = w.words + 3;
  pl_voice_read (voice, plan, 0, 0, PL_SPEECH_TO_END);
  g_assert_true (pl_gui_test_wait_until (is_paused, &w));
  g_assert_cmpint (pl_speech_get_state (reading), ==, PL_SPEECH_STATE_PAUSED);
  g_assert_nonnull (pl_document_view_get_spoken_label (view));
  g_assert_cmpint (pl_spoken_highlight_get_block (highlight), >=, 0);
  pl_voice_stop (voice);
  g_assert_null (pl_document_view_get_spoken_label (view));
  g_assert_cmpint (pl_spoken_highlight_get_block (highlight), ==, -1);

  /* Typing made a new document: the old reading's blocks are not its */
  w.pause_after = 0;
  w.finished = 0;
  pl_voice_read (voice, plan, 0, 0, PL_SPEECH_TO_END);
  pl_document_view_set_document (view, other);
  w.wrong = w.words = w.sentences = 0;
  g_assert_true (pl_gui_test_wait_until (is_finished, &w));
  g_assert_cmpuint (w.words, >, 0);
  g_assert_cmpuint (w.wrong, ==, w.words + w.sentences);
  g_assert_null (pl_document_view_get_spoken_label (view));
  g_assert_cmpint (pl_spoken_highlight_get_block (highlight), ==, -1);

  g_signal_handlers_disconnect_by_data (reading, &w);
  gtk_window_destroy (window);
  pl_gui_test_run_frames (1);
}

typedef struct
{
  char     *dir;
  char     *path;
  gint64    person_id;
  PlWindow *window;
} Fixture;

static gboolean
is_reading (gpointer data)
{
  Fixture *f = data;
  PlDocumentView *view = pl_window_get_document_view (f->window);

  return pl_document_view_get_document (view) != NULL &&
         gtk_widget_get_mapped (GTK_WIDGET (view));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;

  f->dir = pl_test_make_dir ("plainly-spoken-highlight");
  store = pl_test_open_store (f->dir, &f->path);
  g_assert_true (pl_demo_install (store, &f->person_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&store, pl_store_unref);

  f->window = pl_window_new (NULL);
  pl_window_set_keep_settings (f->window, FALSE);
  pl_voice_set_output (pl_window_get_voice (f->window), PL_SPEECH_OUTPUT_NULL, 4.0);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 768);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, f->window));

  g_assert_true (pl_window_open_database (f->window, f->path));
  g_assert_true (pl_window_open_person (f->window, f->person_id));
  g_assert_true (gtk_widget_activate (pl_window_get_home_button (f->window, PL_DOCUMENT_PLAN)));
  g_assert_true (pl_gui_test_wait_until (is_reading, f));
  /* Whatever the person's settings began, the test reads from the start */
  pl_voice_stop (pl_window_get_voice (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  pl_gui_test_run_frames (1);
  pl_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* The read-aloud bar, the reader's highlight and talking buttons share
 * the window's voice: the words are shown, the buttons wait their turn */
static void
test_window (Fixture       *f,
             gconstpointer  data)
{
  PlVoice *voice = pl_window_get_voice (f->window);
  PlSpeech *reading = pl_voice_get_reading (voice);
  PlReadAloudBar *bar = pl_window_get_read_aloud_bar (f->window);
  PlDocumentView *view = pl_window_get_document_view (f->window);
  Watch w = { 0 };

  g_assert_true (pl_read_aloud_bar_get_voice (bar) == voice);
  g_assert_true (pl_read_aloud_bar_get_speech (bar) == reading);
  watch (&w, reading, view);
  w.pause_after = 12;

  pl_read_aloud_bar_read_all (bar);
  g_assert_cmpint (pl_speech_get_state (reading), ==, PL_SPEECH_STATE_SPEAKING);

  /* A control said while the plan is read is not said at all */
  g_signal_emit_by_name (pl_window_get_talking_buttons (f->window), "speak", "My plan");
  g_assert_cmpint (pl_speech_get_state (pl_voice_get_control (voice)), ==, PL_SPEECH_STATE_IDLE);

  g_assert_true (pl_gui_test_wait_until (is_paused, &w));
  g_assert_cmpuint (w.sentences, >, 0);
  g_assert_cmpuint (w.wrong, ==, 0);
  g_assert_nonnull (pl_document_view_get_spoken_label (view));

  /* Paused, the voice is free for the controls; Carry On stops them */
  g_signal_emit_by_name (pl_window_get_talking_buttons (f->window), "speak",
                         "Carry on, a button");
  g_assert_cmpint (pl_speech_get_state (pl_voice_get_control (voice)), ==, PL_SPEECH_STATE_SPEAKING);
  pl_read_aloud_bar_toggle_pause (bar);
  g_assert_cmpint (pl_speech_get_state (pl_voice_get_control (voice)), ==, PL_SPEECH_STATE_IDLE);
  g_assert_cmpint (pl_speech_get_state (reading), ==, PL_SPEECH_STATE_SPEAKING);

  /* Leaving the reader stops the reading and clears the highlight */
  pl_read_aloud_bar_stop (bar);
  g_assert_null (pl_document_view_get_spoken_label (view));
  g_assert_cmpuint (w.wrong, ==, 0);

  g_signal_handlers_disconnect_by_data (reading, &w);
}

typedef struct
{
  PlEasyReadView *view;
  guint           sentences;
  guint           wrong;     /* a line said but not shaded */
  guint           finished;  /* the line written with her was said */
  GPtrArray      *said;      /* (element-type utf8) each line's words, as said */
} EasyWatch;

static void
easy_sentence_cb (PlSpeech  *speech,
                  guint      block,
                  guint      start,
                  guint      end,
                  EasyWatch *w)
{
  GtkWidget *words = pl_easy_read_view_get_line_words (w->view, block);

  w->sentences++;
  if (words == NULL || gtk_label_get_attributes (GTK_LABEL (words)) == NULL ||
      !gtk_widget_has_css_class (gtk_widget_get_parent (words), "pl-spoken-line"))
    w->wrong++;
  else
    g_ptr_array_add (w->said, g_strdup (gtk_label_get_text (GTK_LABEL (words))));
  /* What matters most to Dot was written in easy read with her: it is
   * what is said, near the start; the plan is not read to its end */
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (words)), "I want to stay in my flat.") == 0)
    w->finished++;
}

static gboolean
easy_finished (gpointer data)
{
  return ((EasyWatch *) data)->finished > 0;
}

/* Easy read is read aloud as it is shown: line by line, the part staff
 * wrote in easy read rather than the words it stands for, each line
 * shaded beside its picture as it is said */
static void
test_easy_read (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlSettings) settings = NULL;
  PlVoice *voice = pl_window_get_voice (f->window);
  PlSpeech *reading = pl_voice_get_reading (voice);
  PlReadAloudBar *bar = pl_window_get_read_aloud_bar (f->window);
  PlEasyReadView *view = pl_reader_get_easy_read_view (pl_window_get_reader (f->window));
  PlDocument *lines;
  EasyWatch w = { 0 };
  gboolean said_written = FALSE;
  guint start = 0;

  settings = pl_settings_copy (f->window->reader_settings);
  settings->easy_read = TRUE;
  settings->read_aloud = FALSE;
  pl_window_set_reader_settings (f->window, settings);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, view));
  /* Laid out before the voice starts: the wait for a line is the voice's */
  pl_gui_test_run_frames (1);

  lines = pl_easy_read_view_get_spoken_document (view);
  g_assert_nonnull (lines);
  g_assert_true (pl_read_aloud_bar_get_document (bar) == lines);

  w.view = view;
  w.said = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (reading, "sentence", G_CALLBACK (easy_sentence_cb), &w);
  /* From a few lines before the part written with her */
  for (guint i = 0; i < pl_document_get_n_blocks (lines) && start == 0; i++)
    if (g_str_equal (pl_document_get_block (lines, i)->text, "I want to stay in my flat."))
      start = MAX (i, 4) - 4;
  g_assert_cmpuint (start, >, 0);
  pl_voice_read (voice, lines, start, 0, PL_SPEECH_TO_END);
  g_assert_true (pl_gui_test_wait_until (easy_finished, &w));
  pl_voice_stop (voice);
  g_assert_cmpuint (w.sentences, >=, 4);
  g_assert_cmpuint (w.wrong, ==, 0);
  for (guint i = 0; i < w.said->len; i++)
    said_written |= g_str_equal (w.said->pdata[i], "I want to stay in my flat.");
  g_assert_true (said_written);
  /* Stopped: no line is shaded */
  for (guint i = 0; i < 10; i++)
    {
      GtkWidget *words = pl_easy_read_view_get_line_words (view, i);

      g_assert_false (gtk_widget_has_css_class (gtk_widget_get_parent (words), "pl-spoken-line"));
    }

  g_signal_handlers_disconnect_by_data (reading, &w);
  g_ptr_array_unref (w.said);

  /* Back to the words as written: the voice reads the document again */
  settings->easy_read = FALSE;
  pl_window_set_reader_settings (f->window, settings);
  g_assert_true (pl_read_aloud_bar_get_document (bar) ==
                 pl_document_view_get_document (pl_window_get_document_view (f->window)));
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

  g_test_add_func ("/plainly/spoken-highlight/follows", test_follows);
  g_test_add ("/plainly/spoken-highlight/window", Fixture, NULL,
              fixture_setup, test_window, fixture_teardown);
  g_test_add ("/plainly/spoken-highlight/easy-read", Fixture, NULL,
              fixture_setup, test_easy_read, fixture_teardown);

  return g_test_run ();
}
