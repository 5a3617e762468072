/* test-long-text.c: a part of a plan tens of thousands of words long
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. The example person's life story is made one paragraph
 * of about 60,000 words, each a different one ("w1" to "w60000", in
 * sentences). Every one of them, in order, must be in the PDF (read back
 * with pdftotext, from pl_print_save_pdf () and from `plainly-cli export`),
 * in the voice's words (pl_speech_spoken_text ()) and in the labels of the
 * plan page from its first frame, and the spoken highlight must find any
 * of them on screen. End, Tab and a screen reader's Down reach the last
 * words of a part laid out only where it is seen, and show them.
 */

#include "config.h"

#include <string.h>

#include "pl-access.h"
#include "pl-demo.h"
#include "pl-document.h"
#include "pl-document-view-private.h"
#include "pl-print.h"
#include "pl-speech.h"
#include "pl-store.h"
#include "pl-text-chunk.h"
#include "pl-window-private.h"
#include "pl-gui-test-util.h"
#include "pl-test-util.h"

#define N_WORDS 60000
#define WORDS_A_SENTENCE 12

typedef struct
{
  char     *dir;
  char     *path;
  gint64    person;
  PlWindow *window;
} Fixture;

/* "W1 w2 … w12. W13 …": one paragraph, every word a different one */
static char *
long_text (void)
{
  GString *text = g_string_new (NULL);

  for (guint i = 1; i <= N_WORDS; i++)
    {
      g_string_append_printf (text, "%c%u", i % WORDS_A_SENTENCE == 1 ? 'W' : 'w', i);
      g_string_append (text, i == N_WORDS ? "." : i % WORDS_A_SENTENCE == 0 ? ". " : " ");
    }
  return g_string_free (text, FALSE);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  gboolean found = FALSE;

  f->dir = pl_test_make_dir ("plainly-long-text");
  store = pl_test_open_store (f->dir, &f->path);
  g_assert_true (pl_demo_install (store, &f->person, &error));
  g_assert_no_error (error);

  plan = pl_store_current_plan (store, f->person, &error);
  g_assert_no_error (error);
  sections = pl_store_list_plan_sections (store, plan->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sections->len; i++)
    {
      PlPlanSection *section = g_ptr_array_index (sections, i);

      if (section->kind != PL_SECTION_LIFE_STORY)
        continue;
      g_free (section->body);
      section->body = long_text ();
      g_assert_true (pl_store_save_plan_section (store, section, &error));
      g_assert_no_error (error);
      found = TRUE;
    }
  g_assert_true (found);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (f->window));
      pl_gui_test_run_frames (2);
    }
  pl_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static PlDocument *
person_plan (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (f->path, PL_STORE_OPEN_NO_CREATE, &error);
  g_autoptr(PlViewer) viewer = NULL;
  PlDocument *document;

  g_assert_no_error (error);
  viewer = pl_access_open_person (store, f->person, NULL, &error);
  g_assert_no_error (error);
  document = pl_document_build_for (store, viewer, PL_DOCUMENT_PLAN, &error);
  g_assert_no_error (error);
  return document;
}

/* Fails unless text holds w1 to wN_WORDS, each once and in order, with
 * whatever else between them (the rest of the plan, page footers) */
static void
assert_all_words (const char *what,
                  const char *text)
{
  guint next = 1;

  for (const char *p = text; *p != '\0'; p++)
    {
      char *end;
      guint64 n;

      if ((*p != 'w' && *p != 'W') || (p > text && g_ascii_isalnum (p[-1])) ||
          !g_ascii_isdigit (p[1]))
        continue;
      n = g_ascii_strtoull (p + 1, &end, 10);
      if (g_ascii_isalnum (*end))
        continue;
      if (n != next)
        g_error ("%s: word w%" G_GUINT64_FORMAT " where w%u should be", what, n, next);
      next++;
      p = end - 1;
    }
  if (next != N_WORDS + 1)
    g_error ("%s: %u of the %u words, the last w%u", what, next - 1, N_WORDS, next - 1);
}

static gboolean
have_pdftotext (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path == NULL)
    g_test_skip ("pdftotext (poppler-utils) is not installed: the PDF's words cannot be read");
  return path != NULL;
}

static char *
pdf_text (const char *pdf)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  char *text = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return text;
}

static void
check_chunks (const char *text,
              gsize       max)
{
  g_autoptr(GArray) chunks = pl_text_chunks (text, max);
  gsize at = 0;

  g_assert_cmpuint (chunks->len, >, 0);
  for (guint i = 0; i < chunks->len; i++)
    {
      const PlTextChunk *chunk = &g_array_index (chunks, PlTextChunk, i);

      /* In order, touching, never empty but for an empty text */
      g_assert_cmpuint (chunk->start, ==, at);
      g_assert_cmpuint (chunk->end, <=, chunk->start + max);
      g_assert_true (chunk->end > chunk->start || *text == '\0');
      g_assert_true (g_utf8_validate (text + chunk->start, chunk->end - chunk->start, NULL));
      at = chunk->end;
    }
  g_assert_cmpuint (at, ==, strlen (text));
}

static void
test_chunks (void)
{
  g_autofree char *text = long_text ();
  g_autoptr(GArray) chunks = NULL;
  g_autoptr(GString) word = g_string_new (NULL);

  check_chunks ("", 100);
  check_chunks ("Short.", 100);
  check_chunks (text, PL_TEXT_CHUNK_BYTES);

  /* Whole sentences when there are some */
  chunks = pl_text_chunks (text, PL_TEXT_CHUNK_BYTES);
  g_assert_cmpuint (chunks->len, >, strlen (text) / PL_TEXT_CHUNK_BYTES);
  for (guint i = 0; i + 1 < chunks->len; i++)
    {
      const PlTextChunk *chunk = &g_array_index (chunks, PlTextChunk, i);

      g_assert_cmpint (text[chunk->end - 2], ==, '.');
      g_assert_cmpint (text[chunk->end], ==, 'W');
    }
  g_clear_pointer (&chunks, g_array_unref);

  /* The person's own line break before a sentence's end */
  chunks = pl_text_chunks ("Aaaa bbbb.\ncccc. Dddd eeee ffff", 20);
  g_assert_cmpuint (g_array_index (chunks, PlTextChunk, 0).end, ==, 11);
  g_clear_pointer (&chunks, g_array_unref);
  chunks = pl_text_chunks ("Aaaa bbbb cccc. Dddd eeee ffff", 20);
  g_assert_cmpuint (g_array_index (chunks, PlTextChunk, 0).end, ==, 16);
  g_clear_pointer (&chunks, g_array_unref);
  chunks = pl_text_chunks ("Aaaa bbbb cccc dddd eeee ffff", 20);
  g_assert_cmpuint (g_array_index (chunks, PlTextChunk, 0).end, ==, 20);
  g_clear_pointer (&chunks, g_array_unref);

  /* One word longer than a piece: cut between characters, never in one */
  for (guint i = 0; i < 3000; i++)
    g_string_append (word, "é");
  check_chunks (word->str, PL_TEXT_CHUNK_BYTES + 1);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(PlPrintOptions) options = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "long.pdf", NULL);
  g_autofree char *text = NULL;

  if (!have_pdftotext ())
    return;
  document = person_plan (f);
  options = pl_print_options_for_reader (NULL, document, "Dorothy May Whitaker");
  g_assert_true (pl_print_save_pdf (document, options, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  assert_all_words ("PDF", text);
}

/* The command line, in the person's own settings, as a member of staff
 * would export it */
static void
test_cli_export (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cli = g_test_build_filename (G_TEST_BUILT, "..", "src", "cli",
                                                "plainly-cli", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "cli.pdf", NULL);
  g_autofree char *person = g_strdup_printf ("%" G_GINT64_FORMAT, f->person);
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { cli, "--db", f->path, "export", person, "--out", pdf, NULL };
  int status = 0;

  if (!have_pdftotext ())
    return;
  if (!g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("plainly-cli is not built");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("plainly-cli export failed: %s", err);
  text = pdf_text (pdf);
  assert_all_words ("plainly-cli export", text);
}

static void
test_speech (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PlDocument) document = person_plan (f);
  g_autofree char *spoken = NULL;
  gint64 start = g_get_monotonic_time ();

  spoken = pl_speech_spoken_text (document, 0, pl_document_get_n_blocks (document));
  g_test_message ("Spoken text of %u blocks in %.0f ms", pl_document_get_n_blocks (document),
                  (g_get_monotonic_time () - start) / 1000.0);
  assert_all_words ("voice", spoken);
}

/* A text with no full stop at all is said in parts, each whole words */
static void
test_speech_no_stop (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) sentences = NULL;
  g_autoptr(GArray) words = NULL;
  guint n_words = 0;

  for (guint i = 1; i <= 5000; i++)
    g_string_append_printf (text, "w%u%s", i, i % 7 == 0 ? ", " : " ");
  sentences = pl_speech_split_sentences (text->str);
  g_assert_cmpuint (sentences->len, >, 1);
  for (guint s = 0; s < sentences->len; s++)
    {
      const PlSpeechRange *range = &g_array_index (sentences, PlSpeechRange, s);
      g_autoptr(GArray) in = pl_speech_split_words (text->str, range->start, range->end);

      g_assert_cmpuint (range->end - range->start, <=, PL_SPEECH_MAX_SENTENCE_CHARS);
      /* Cut after a comma, between words */
      if (s + 1 < sentences->len)
        g_assert_cmpint (text->str[range->end - 1], ==, ',');
      n_words += in->len;
    }
  words = pl_speech_split_words (text->str, 0, G_MAXUINT);
  g_assert_cmpuint (words->len, ==, 5000);
  g_assert_cmpuint (n_words, ==, 5000);
}

static gboolean
is_shown (gpointer data)
{
  Fixture *f = data;
  PlDocumentView *view = pl_window_get_document_view (f->window);

  return pl_document_view_get_document (view) != NULL &&
         pl_document_view_get_block_widget (view, 0) != NULL &&
         gtk_widget_get_mapped (GTK_WIDGET (view));
}

static void
append_label_text (GtkWidget *widget,
                   GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_label_text (child, text);
}

static void
test_screen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GString) shown = g_string_new (NULL);
  PlDocumentView *view;
  PlDocument *document;
  GtkWidget *spoken;
  int block = -1;
  guint word_start;
  const char *text;
  const char *word;
  gint64 deadline = g_get_monotonic_time () + 200 * G_USEC_PER_SEC;

  f->window = pl_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 768);
  pl_window_set_keep_settings (f->window, FALSE);
  g_assert_true (pl_window_open_database (f->window, f->path));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (pl_window_open_person (f->window, f->person));
  g_assert_true (pl_window_open_page (f->window, PL_DOCUMENT_PLAN));
  /* Under a sanitizer and on a busy machine the page may take more than
   * pl_gui_test_wait_until ()'s ten seconds */
  while (!is_shown (f) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (is_shown (f));

  view = pl_window_get_document_view (f->window);
  document = pl_document_view_get_document (view);
  for (guint i = 0; i < pl_document_get_n_blocks (document) && block < 0; i++)
    if (g_str_has_prefix (pl_document_get_block (document, i)->text, "W1 w2 "))
      block = (int) i;
  g_assert_cmpint (block, >=, 0);

  /* Every word, in order, in the labels of the one block */
  append_label_text (pl_document_view_get_block_widget (view, (guint) block), shown);
  assert_all_words ("screen", shown->str);

  /* Read aloud near the end, once the page is laid out: the label holding
   * the word is lit */
  g_assert_true (pl_gui_test_run_ticks (view, 3));
  text = pl_document_get_block (document, (guint) block)->text;
  word = strstr (text, "w59990 ");
  g_assert_nonnull (word);
  word_start = (guint) g_utf8_pointer_to_offset (text, word);
  pl_document_view_set_spoken (view, block, word_start, word_start + 20, word_start,
                               word_start + 6, NULL);
  spoken = pl_document_view_get_spoken_label (view);
  g_assert_nonnull (spoken);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (spoken)), "w59990 "));
  /* Laid out and on screen at once, far below the top as it is */
  g_assert_true (gtk_widget_get_mapped (spoken));
  g_assert_cmpint (gtk_widget_get_height (spoken), >, 0);
  {
    PangoAttrList *attrs = gtk_label_get_attributes (GTK_LABEL (spoken));
    const char *label_text = gtk_label_get_text (GTK_LABEL (spoken));
    guint at = (guint) (strstr (label_text, "w59990 ") - label_text);
    g_autoptr(GSList) list = NULL;
    gboolean lit = FALSE;

    g_assert_nonnull (attrs);
    list = pango_attr_list_get_attributes (attrs);
    for (GSList *l = list; l != NULL; l = l->next)
      {
        PangoAttribute *attribute = l->data;

        lit |= attribute->start_index == at && attribute->end_index == at + 6;
      }
    g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);
    g_assert_true (lit);
  }
}

/* A view of a heading and a part of 60,000 words, in a window */
static PlDocumentView *
long_view_new (GtkWindow **out_window)
{
  g_autoptr(PlDocument) document = pl_document_new ("Long");
  g_autofree char *text = long_text ();
  GtkWidget *view = pl_document_view_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  pl_document_add (document, PL_BLOCK_HEADING, 1, "about-me", NULL, "About me");
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, NULL, NULL, text);
  gtk_window_set_default_size (window, 800, 600);
  gtk_window_set_child (window, view);
  pl_document_view_set_document (PL_DOCUMENT_VIEW (view), document);
  gtk_window_present (window);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, view));
  g_assert_true (pl_gui_test_run_ticks (view, 3));
  *out_window = window;
  return PL_DOCUMENT_VIEW (view);
}

/* TRUE when widget is drawn inside the view's visible part */
static gboolean
in_sight (PlDocumentView *view,
          GtkWidget      *widget)
{
  GtkAdjustment *adjustment = pl_document_view_get_vadjustment (view);
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) ||
      !gtk_widget_compute_bounds (widget, GTK_WIDGET (view), &bounds))
    return FALSE;
  return bounds.origin.y < gtk_adjustment_get_page_size (adjustment) &&
         bounds.origin.y + bounds.size.height > 0;
}

static void
test_end (void)
{
  GtkWindow *window = NULL;
  PlDocumentView *view = long_view_new (&window);
  PlLongText *long_text = pl_document_view_block_long_text (pl_document_view_get_block_widget (view, 1));
  GtkWidget *focus;
  GtkWidget *last;
  guint n, block = 0;
  g_autoptr(GString) all = g_string_new (NULL);

  g_assert_nonnull (long_text);
  n = pl_long_text_get_n_pieces (long_text);
  g_assert_cmpuint (n, >, 100);

  /* Every piece is there for a screen reader from the start, in order,
   * each naming the next for Say All */
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *label = pl_long_text_get_label (long_text, i);

      g_assert_true (gtk_widget_get_visible (label));
      g_assert_true (gtk_widget_get_focusable (label));
      g_string_append (all, gtk_label_get_text (GTK_LABEL (label)));
      g_string_append_c (all, ' ');
    }
  assert_all_words ("pieces", all->str);
  /* Only those near the top are laid out */
  last = pl_long_text_get_label (long_text, n - 1);
  g_assert_false (gtk_widget_get_mapped (last));

  /* End: the reading line and the focus on the last line, shown */
  pl_document_view_focus_start (view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reading.end", NULL));
  g_assert_true (pl_gui_test_run_ticks (view, 4));
  g_assert_true (pl_document_view_get_reading_line (view, &block, NULL, NULL));
  g_assert_cmpuint (block, ==, 1);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == last);
  g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (last)), "w60000."));
  g_assert_true (in_sight (view, last));

  /* Shift+Tab goes to the piece before, laid out and shown too */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_BACKWARD));
  g_assert_true (pl_gui_test_run_ticks (view, 2));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == pl_long_text_get_label (long_text, n - 2));
  g_assert_true (in_sight (view, focus));

  /* Home, then Tab through the first pieces, one after another */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reading.start", NULL));
  g_assert_true (pl_gui_test_run_ticks (view, 2));
  pl_document_view_focus_block_widget (pl_document_view_get_block_widget (view, 1));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == pl_long_text_get_label (long_text, 0));
  for (guint i = 1; i < 6; i++)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
      g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == pl_long_text_get_label (long_text, i));
    }

  gtk_window_destroy (window);
  pl_gui_test_run_frames (2);
}

/* With a screen reader, Down says the next piece, and the last is reached */
static void
test_screen_reader_down (void)
{
  GtkWindow *window = NULL;
  PlDocumentView *view = long_view_new (&window);
  PlLongText *long_text = pl_document_view_block_long_text (pl_document_view_get_block_widget (view, 1));
  guint n = pl_long_text_get_n_pieces (long_text);
  GtkWidget *focus;

  view->by_block = TRUE;
  pl_document_view_focus_start (view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reading.line-down", NULL));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == pl_long_text_get_label (long_text, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reading.line-down", NULL));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == pl_long_text_get_label (long_text, 1));

  /* End, then Up: the piece before the last, shown */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reading.end", NULL));
  g_assert_true (pl_gui_test_run_ticks (view, 3));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == pl_long_text_get_label (long_text, n - 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reading.line-up", NULL));
  g_assert_true (pl_gui_test_run_ticks (view, 3));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == pl_long_text_get_label (long_text, n - 2));
  g_assert_true (in_sight (view, focus));

  gtk_window_destroy (window);
  pl_gui_test_run_frames (2);
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

  g_test_add_func ("/plainly/long-text/chunks", test_chunks);
  g_test_add_func ("/plainly/long-text/speech-no-stop", test_speech_no_stop);
  g_test_add_func ("/plainly/long-text/end", test_end);
  g_test_add_func ("/plainly/long-text/screen-reader-down", test_screen_reader_down);
#define ADD(path, func) \
  g_test_add ("/plainly/long-text/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("pdf", test_pdf);
  ADD ("cli-export", test_cli_export);
  ADD ("speech", test_speech);
  ADD ("screen", test_screen);
#undef ADD

  return g_test_run ();
}
