/* test-pipeline.c: every presenter says the same words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. For each kind of document, as the person and as a carer
 * reads it, the words on the screen, in `plainly-cli show` (the document's
 * plain text), in the voice, in the PDF, in a talking book's pages and in
 * braille (read back from
 * grade 1) are the same words in the same order: one document, many
 * presenters.
 */

#include "config.h"

#include <string.h>
#include <liblouis.h>

#include "pl-access.h"
#include "pl-braille.h"
#include "pl-epub-private.h"
#include "pl-demo.h"
#include "pl-document.h"
#include "pl-plan-version.h"
#include "pl-print.h"
#include "pl-speech.h"
#include "pl-store.h"
#include "pl-window-private.h"
#include "pl-gui-test-util.h"
#include "pl-test-util.h"

typedef struct
{
  char     *dir;
  char     *path;
  gint64    person;
  gint64    carer;
  PlWindow *window;
} Fixture;

/* The carer sees the plan, the diary and the welcome pack, not the
 * medicines, the money or the complaints (NG86 1.1.14-1.1.15) */
#define CARER_SCOPES (PL_SCOPE_BIT (PL_SCOPE_PLAN) | PL_SCOPE_BIT (PL_SCOPE_DIARY) | \
                      PL_SCOPE_BIT (PL_SCOPE_WELCOME_PACK))

static void
add_carer (Fixture *f,
           PlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlCarer) carer = pl_carer_new ();
  g_autoptr(PlContact) contact = pl_contact_new ();
  g_autoptr(PlCarerLink) link = pl_carer_link_new ();

  carer->name = g_strdup ("Mair");
  g_assert_true (pl_store_save_carer (store, carer, &error));
  g_assert_no_error (error);
  f->carer = carer->id;

  contact->person_id = f->person;
  contact->role = PL_CONTACT_FAMILY;
  contact->name = g_strdup ("Mair Jones");
  g_assert_true (pl_store_save_contact (store, contact, &error));
  g_assert_no_error (error);
  for (int scope = 0; scope <= PL_SCOPE_WELCOME_PACK; scope++)
    if (CARER_SCOPES & PL_SCOPE_BIT (scope))
      {
        g_autoptr(PlSharing) sharing = pl_sharing_new ();

        sharing->contact_id = contact->id;
        sharing->scope = scope;
        g_assert_true (pl_store_save_sharing (store, sharing, &error));
        g_assert_no_error (error);
      }
  link->carer_id = f->carer;
  link->contact_id = contact->id;
  g_assert_true (pl_store_save_carer_link (store, link, &error));
  g_assert_no_error (error);
}

/* The person looked at their plan; then a visit was made longer, so their
 * plan opens with what changed (NG86 1.4.8) */
static void
change_after_seen (Fixture *f,
                   PlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  PlVisit *visit;

  g_assert_true (pl_plan_mark_seen (store, f->person, &error));
  g_assert_no_error (error);
  plan = pl_store_current_plan (store, f->person, &error);
  g_assert_no_error (error);
  visits = pl_store_list_visits (store, plan->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, >, 0);
  visit = g_ptr_array_index (visits, 0);
  visit->duration += 15;
  g_assert_true (pl_store_save_visit (store, visit, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = pl_test_make_dir ("plainly-pipeline");
  store = pl_test_open_store (f->dir, &f->path);
  g_assert_true (pl_demo_install (store, &f->person, &error));
  g_assert_no_error (error);
  add_carer (f, store);
  change_after_seen (f, store);
  g_clear_pointer (&store, pl_store_unref);

  f->window = pl_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 768);
  pl_window_set_keep_settings (f->window, FALSE);
  g_assert_true (pl_window_open_database (f->window, f->path));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  pl_gui_test_run_frames (2);
  pl_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Words, lower case, with every mark between them left out: bullets,
 * arrows, colons and the line beside a change are the presenters' own */
static GPtrArray *
words_of (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) word = g_string_new (NULL);
  const char *start = NULL;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          if (start == NULL)
            {
              start = p;
              g_string_truncate (word, 0);
            }
          g_string_append_unichar (word, c);
          continue;
        }
      /* "great-grandchild" is one word: the PDF's text joins the halves of
       * a word broken at the end of a line */
      if (start != NULL && (c == '-' || c == 0x2010 || c == 0x2011))
        {
          const char *next = g_utf8_next_char (p);

          if (*next == '\n')
            next++;
          if (g_unichar_isalnum (g_utf8_get_char (next)))
            {
              p = next == g_utf8_next_char (p) ? p : next - 1;
              continue;
            }
        }
      if (start != NULL)
        {
          g_ptr_array_add (words, g_utf8_strdown (word->str, -1));
          start = NULL;
        }
      if (c == 0)
        break;
    }
  return words;
}

static void
append_words (GPtrArray  *to,
              const char *text)
{
  g_autoptr(GPtrArray) words = words_of (text);

  for (guint i = 0; i < words->len; i++)
    g_ptr_array_add (to, g_strdup (g_ptr_array_index (words, i)));
}

/* Says where two lists of words part, so a failure is easy to read */
static void
assert_same_words (const char *what,
                   GPtrArray  *expected,
                   GPtrArray  *got)
{
  guint n = MIN (expected->len, got->len);

  for (guint i = 0; i < n; i++)
    if (!g_str_equal (g_ptr_array_index (expected, i), g_ptr_array_index (got, i)))
      {
        GString *context = g_string_new (NULL);

        for (guint j = i > 5 ? i - 5 : 0; j < MIN (i + 5, n); j++)
          g_string_append_printf (context, "%s/%s ", (char *) g_ptr_array_index (expected, j),
                                  (char *) g_ptr_array_index (got, j));
        g_error ("%s: word %u is “%s”, not “%s” (expected/got: %s)", what, i,
                 (char *) g_ptr_array_index (got, i), (char *) g_ptr_array_index (expected, i),
                 context->str);
      }
  g_assert_cmpuint (got->len, ==, expected->len);
}

/* The words of every label under widget, in the order they are laid out */
static void
collect_label_words (GtkWidget *widget,
                     GPtrArray *words)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    append_words (words, gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_label_words (child, words);
}

static GPtrArray *
screen_words (PlDocumentView *view)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  PlDocument *document = pl_document_view_get_document (view);

  for (guint i = 0; i < pl_document_get_n_blocks (document); i++)
    collect_label_words (pl_document_view_get_block_widget (view, i), words);
  return words;
}

/* The PDF's own text (pdftotext), each page's footer left out: the page
 * number, title, name, version and date are on every page by design
 * (NG21 1.2.6), as is "Continued from page N" over the rest of a card, and
 * a link on paper says which page it leads to */
static GPtrArray *
pdf_words (PlDocument *document,
           const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPrintOptions) options = pl_print_options_for_reader (NULL, document,
                                                                    "Dorothy May Whitaker");
  g_autoptr(PlPrintLayout) layout = NULL;
  g_autofree char *pdf = g_build_filename (dir, "pipeline.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *quoted = g_shell_quote (pdf);
  g_autofree char *command = g_strdup_printf ("pdftotext -enc UTF-8 %s -", quoted);
  g_auto(GStrv) pages = NULL;
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  int status = 0;
  guint n_pages;

  options->date = g_strdup ("Monday 23 November 2026");
  g_assert_true (pl_print_save_pdf (document, options, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  layout = pl_print_layout_new (document, options, NULL, 0, 0);
  n_pages = pl_print_layout_paginate (layout);

  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, n_pages);
  for (guint p = 0; p < n_pages; p++)
    {
      g_autoptr(GPtrArray) page = words_of (pages[p]);
      g_autofree char *footer_text = NULL;
      g_autofree char *continued = g_strdup_printf ("continued from page %u", p);
      g_autoptr(GPtrArray) footer = NULL;
      g_autoptr(GPtrArray) continued_words = words_of (continued);
      guint first = 0;
      guint end;

      /* The footer comes last: "Page 3 of 12", then the title, the name
       * when there is room, the version and the date */
      footer_text = g_strdup_printf ("Page %u of %u", p + 1, n_pages);
      footer = words_of (footer_text);
      end = page->len;
      for (guint i = 0; i + footer->len <= page->len; i++)
        {
          gboolean match = TRUE;

          for (guint k = 0; k < footer->len; k++)
            match &= g_str_equal (g_ptr_array_index (page, i + k), g_ptr_array_index (footer, k));
          if (match)
            end = i;
        }
      if (end == page->len)
        g_error ("Page %u has no footer: %s", p + 1, pages[p]);
      {
        g_autoptr(GPtrArray) date = words_of (options->date);
        g_autoptr(GPtrArray) version = words_of (pl_document_get_version (document) != NULL
                                                 ? pl_document_get_version (document) : "");
        guint n_tail = 2 + date->len;

        /* NG21 1.2.6: "Version 1. Printed on Monday 23 November 2026." */
        g_assert_cmpuint (page->len - end, >=, footer->len + version->len + n_tail);
        for (guint k = 0; k < date->len; k++)
          g_assert_cmpstr (g_ptr_array_index (page, page->len - date->len + k), ==,
                           g_ptr_array_index (date, k));
        for (guint k = 0; k < version->len; k++)
          g_assert_cmpstr (g_ptr_array_index (page, page->len - n_tail - version->len + k), ==,
                           g_ptr_array_index (version, k));
      }

      if (p > 0 && page->len >= continued_words->len)
        {
          gboolean is_continued = TRUE;

          for (guint i = 0; i < continued_words->len; i++)
            is_continued &= g_str_equal (g_ptr_array_index (page, i),
                                         g_ptr_array_index (continued_words, i));
          if (is_continued)
            first = continued_words->len;
        }
      for (guint i = first; i < end; i++)
        {
          /* On paper a link says where it leads: "My visits, see page 15" */
          if (i + 2 < end && g_str_equal (g_ptr_array_index (page, i), "see") &&
              g_str_equal (g_ptr_array_index (page, i + 1), "page") &&
              g_ascii_isdigit (((char *) g_ptr_array_index (page, i + 2))[0]))
            {
              i += 2;
              continue;
            }
          g_ptr_array_add (words, g_strdup (g_ptr_array_index (page, i)));
        }
    }
  return words;
}

/* One line of BRF read back to print, for the test alone: Plainly never
 * reads braille */
static char *
back_translate (const char *table,
                const char *brf,
                gsize       length)
{
  g_autofree widechar *in = g_new (widechar, length + 1);
  int out_max = (int) length * 4 + 64;
  g_autofree widechar *out = g_new (widechar, out_max);
  int in_len = (int) length, out_len = out_max;
  GString *text = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    in[i] = (unsigned char) brf[i];
  g_assert_true (lou_backTranslateString (table, in, &in_len, out, &out_len, NULL, NULL, 0));
  g_assert_cmpint (in_len, ==, (int) length);
  for (int i = 0; i < out_len; i++)
    g_string_append_unichar (text, out[i]);
  return g_string_free (text, FALSE);
}

/* A braille number (#, then letters A to J as digits), or 0 */
static guint
braille_number (const char *brf)
{
  guint n = 0;

  if (*brf != '#' || brf[1] == '\0')
    return 0;
  for (const char *p = brf + 1; *p != '\0'; p++)
    {
      if (*p < 'A' || *p > 'J')
        return 0;
      n = n * 10 + (*p == 'J' ? 0 : (guint) (*p - 'A' + 1));
    }
  return n;
}

/* The grade 1 copy's words, read back. Left out, as the braille reader
 * knows them apart: each page's number (its first line) and the title and
 * contents pages before the first page the contents name. */
static GPtrArray *
braille_words (PlDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlBrailleOptions) options = pl_braille_options_new ();
  g_autofree char *brf = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint first_body = G_MAXUINT;

  options->grade = 1;
  brf = pl_braille_format (document, options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (brf);
  pages = g_strsplit (brf, "\f", -1);

  /* The first block is a heading, so the first page named is the first
   * page of the document itself */
  g_assert_cmpint (pl_document_get_block (document, 0)->kind, ==, PL_BLOCK_HEADING);
  for (guint p = 0; pages[p] != NULL && first_body == G_MAXUINT; p++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[p], "\r\n", -1);

      for (guint l = 1; lines[l] != NULL; l++)
        {
          const char *last_space = strrchr (lines[l], ' ');
          guint n = last_space != NULL && strstr (lines[l], "\"\" #") != NULL
                    ? braille_number (last_space + 1) : 0;

          if (n != 0)
            first_body = MIN (first_body, n);
        }
    }
  g_assert_cmpuint (first_body, !=, G_MAXUINT);
  g_assert_cmpuint (first_body, <=, g_strv_length (pages));

  for (guint p = first_body - 1; pages[p] != NULL; p++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[p], "\r\n", -1);

      /* The page's number, at the top right */
      g_assert_cmpuint (braille_number (g_strchug (lines[0])), ==, p + 1);
      for (guint l = 1; lines[l] != NULL; l++)
        {
          g_autofree char *back = back_translate (pl_braille_table (options), lines[l],
                                                  strlen (lines[l]));

          /* Without its indent, so a word cut at a line's end with a
           * hyphen is one word again */
          g_string_append (text, g_strchug (back));
          g_string_append_c (text, '\n');
        }
    }
  return words_of (text->str);
}

static gboolean
have_pdftotext (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path == NULL)
    g_test_skip ("pdftotext (poppler-utils) is not installed: the PDF's words cannot be read");
  return path != NULL;
}

static gboolean
is_reading (gpointer data)
{
  Fixture *f = data;
  PlDocumentView *view = pl_window_get_document_view (f->window);

  return pl_document_view_get_document (view) != NULL &&
         pl_document_view_get_block_widget (view, 0) != NULL &&
         gtk_widget_get_mapped (GTK_WIDGET (view));
}

static void
book_text_cb (GMarkupParseContext *context,
              const char          *text,
              gsize                length,
              gpointer             data,
              GError             **error)
{
  const GSList *stack = g_markup_parse_context_get_element_stack (context);

  /* A page's <title> names it; its body is what is read */
  if (stack == NULL || g_strcmp0 (stack->data, "title") != 0)
    g_string_append_len (data, text, (gssize) length);
}

static void
book_element_cb (GMarkupParseContext  *context,
                 const char           *element,
                 const char          **names,
                 const char          **values,
                 gpointer              data,
                 GError              **error)
{
  /* Lines apart, as "<br/>" shows them */
  g_string_append_c (data, ' ');
}

/* The words of a talking book's pages, the part after the title page
 * (whose version and date are on every copy by design, NG21 1.2.6),
 * read as XML; the narration is not made here */
static GPtrArray *
book_words (PlDocument *document)
{
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(PlEpubBook) book = pl_epub_book_new (document, NULL, speech);
  g_autoptr(GString) pages = g_string_new (NULL);
  GMarkupParser parser = { .start_element = book_element_cb, .text = book_text_cb };

  for (guint p = 0; p < book->parts->len; p++)
    {
      const PlEpubPart *part = g_ptr_array_index (book->parts, p);
      g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, pages, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_true (g_markup_parse_context_parse (context, part->xhtml, -1, &error) &&
                     g_markup_parse_context_end_parse (context, &error));
      g_assert_no_error (error);
    }
  return words_of (pages->str);
}

static void
check_presenters (Fixture        *f,
                  PlViewer       *viewer,
                  PlDocumentKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (f->path, PL_STORE_OPEN_NO_CREATE, &error);
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(GPtrArray) text = NULL;
  g_autoptr(GPtrArray) spoken = NULL;
  g_autoptr(GPtrArray) printed = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GPtrArray) brailled = NULL;
  g_autoptr(GPtrArray) booked = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *speech = NULL;
  g_autofree char *what = NULL;

  g_assert_no_error (error);
  document = pl_document_build_for (store, viewer, kind, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  what = g_strdup_printf ("%s for the %s", pl_document_kind_to_nick (kind),
                          pl_viewer_get_kind (viewer) == PL_VIEWER_CARER ? "carer" : "person");

  /* plainly-cli show prints pl_document_to_text () */
  plain = pl_document_to_text (document);
  text = words_of (plain);
  g_assert_cmpuint (text->len, >, 20);

  speech = pl_speech_spoken_text (document, 0, pl_document_get_n_blocks (document));
  spoken = words_of (speech);
  assert_same_words (what, text, spoken);

  printed = pdf_words (document, f->dir);
  assert_same_words (what, text, printed);

  brailled = braille_words (document);
  assert_same_words (what, text, brailled);

  booked = book_words (document);
  assert_same_words (what, text, booked);

  /* The window builds its own, the same way; it is compared before the
   * window's look at the plan counts as seen */
  g_assert_true (pl_window_open_page (f->window, kind));
  g_assert_true (pl_gui_test_wait_until (is_reading, f));
  shown = screen_words (pl_window_get_document_view (f->window));
  assert_same_words (what, text, shown);
}

static void
test_person (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (f->path, PL_STORE_OPEN_NO_CREATE, &error);
  g_autoptr(PlViewer) viewer = pl_access_open_person (store, f->person, NULL, &error);
  g_autoptr(PlDocument) plan = NULL;

  g_assert_no_error (error);
  if (!have_pdftotext ())
    return;

  /* Their plan says first what changed, and marks it */
  plan = pl_document_build_for (store, viewer, PL_DOCUMENT_PLAN, &error);
  g_assert_no_error (error);
  g_assert_true (pl_document_has_changes (plan));

  g_assert_true (pl_window_open_person (f->window, f->person));
  for (PlDocumentKind kind = 0; kind < PL_N_DOCUMENT_KINDS; kind++)
    check_presenters (f, viewer, kind);

  /* The person has seen it now: the changes are not pointed out again */
  g_clear_object (&plan);
  plan = pl_document_build_for (store, viewer, PL_DOCUMENT_PLAN, &error);
  g_assert_no_error (error);
  g_assert_false (pl_document_has_changes (plan));
}

static void
test_carer (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (f->path, PL_STORE_OPEN_NO_CREATE, &error);
  g_autoptr(PlViewer) carer = pl_access_open_carer (store, f->carer, NULL, &error);
  g_autoptr(PlViewer) viewer = NULL;
  g_autoptr(PlDocument) plan = NULL;
  gboolean some_not_shared = FALSE;

  g_assert_no_error (error);
  if (!have_pdftotext ())
    return;
  viewer = pl_viewer_for_person (store, carer, f->person, &error);
  g_assert_no_error (error);

  /* What is not shared is said, in the document itself */
  plan = pl_document_build_for (store, viewer, PL_DOCUMENT_PLAN, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < pl_document_get_n_blocks (plan); i++)
    some_not_shared |= (pl_document_get_block (plan, i)->flags & PL_BLOCK_NOT_SHARED) != 0;
  g_assert_true (some_not_shared);

  g_assert_true (pl_window_open_person_as_carer (f->window, f->person, f->carer));
  for (PlDocumentKind kind = 0; kind < PL_N_DOCUMENT_KINDS; kind++)
    {
      g_autoptr(GError) refused = NULL;

      if (!pl_viewer_may_open (viewer, kind, &refused))
        {
          g_assert_error (refused, PL_ACCESS_ERROR, PL_ACCESS_ERROR_NOT_SHARED);
          g_assert_null (pl_document_build_for (store, viewer, kind, NULL));
          continue;
        }
      check_presenters (f, viewer, kind);
    }

  /* A carer's look does not use up what the person is to be told */
  g_clear_object (&plan);
  plan = pl_document_build_for (store, viewer, PL_DOCUMENT_PLAN, &error);
  g_assert_true (pl_document_has_changes (plan));
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/plainly/pipeline/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("person", test_person);
  ADD ("carer", test_carer);
#undef ADD

  return g_test_run ();
}
