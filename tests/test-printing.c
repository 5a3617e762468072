/* test-printing.c: "Save as PDF" from the window, plain and in easy read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whoever reads in easy read saves their copy in easy read: each picture
 * beside its words, the pictures' credit at the end. Written where the file
 * chooser said (here, a place the test chose), and a failure is said in
 * words, never a crash. Runs under Xvfb.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>

#include "pl-gui-test-util.h"
#include "pl-printing.h"
#include "pl-test-util.h"

typedef struct
{
  char *message;
} Result;

static void
done_cb (gpointer    user_data,
         const char *message)
{
  Result *result = user_data;

  result->message = g_strdup (message);
}

static gboolean
is_done (gpointer data)
{
  return ((Result *) data)->message != NULL;
}

static PlDocument *
tea_document (void)
{
  PlDocument *document = pl_document_new ("Dot’s care and support plan");

  pl_document_add (document, PL_BLOCK_HEADING, 1, "title", NULL, "Dot’s care and support plan");
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, "tea", NULL,
                   "I like a cup of tea in the morning.");
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, "walk", NULL,
                   "I go for a walk in the park with my daughter.");
  return document;
}

/* The PDF's words, from pdftotext; NULL when it is not installed */
static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { "pdftotext", path, "-", NULL };
  char *out = NULL;
  int status = 0;

  if (pdftotext == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_save (void)
{
  g_autofree char *dir = pl_test_make_dir ("plainly-printing");
  g_autofree char *plain = g_build_filename (dir, "plan.pdf", NULL);
  g_autofree char *easy = g_build_filename (dir, "plan-easy-read.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no-such-folder", "plan.pdf", NULL);
  g_autoptr(PlDocument) document = tea_document ();
  g_autoptr(PlPrintOptions) options = pl_print_options_new ();
  Result result = { NULL };
  GStatBuf st;

  /* As printed */
  pl_printing_save_pdf_to (document, options, FALSE, PL_SYMBOLS_BESIDE, plain, done_cb, &result);
  g_assert_true (pl_gui_test_wait_until (is_done, &result));
  g_assert_cmpstr (result.message, ==, "The PDF is saved.");
  g_clear_pointer (&result.message, g_free);

  /* In easy read: its own words, and the pictures' credit */
  pl_printing_save_pdf_to (document, options, TRUE, PL_SYMBOLS_BESIDE, easy, done_cb, &result);
  g_assert_true (pl_gui_test_wait_until (is_done, &result));
  g_assert_cmpstr (result.message, ==, "The PDF in easy read is saved.");
  g_clear_pointer (&result.message, g_free);
  g_assert_cmpint (g_stat (easy, &st), ==, 0);
  /* Care information: for its owner alone */
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autofree char *text = pdf_text (easy);

    if (text != NULL)
      {
        g_assert_nonnull (strstr (text, "tea"));
        g_assert_nonnull (strstr (text, "Mulberry"));
      }
  }

  /* Somewhere it cannot be written: said, nothing left */
  pl_printing_save_pdf_to (document, options, TRUE, PL_SYMBOLS_BESIDE, nowhere, done_cb, &result);
  g_assert_true (pl_gui_test_wait_until (is_done, &result));
  g_assert_cmpstr (result.message, !=, "The PDF in easy read is saved.");
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_clear_pointer (&result.message, g_free);

  pl_test_remove_dir (dir);
}

/* What the print dialog draws: in easy read the easy read pages, pictures
 * and their credit, on the printer's paper; as written the large-print
 * pages. Drawn here into a PDF surface as the printer's cairo context. */
static void
test_print_pages (void)
{
  g_autofree char *dir = pl_test_make_dir ("plainly-print-pages");
  g_autoptr(PlDocument) document = tea_document ();
  g_autoptr(PlPrintOptions) options = pl_print_options_new ();
  const double width = 8.5 * 72, height = 11 * 72;   /* US Letter, not A4 */

  for (int easy_read = 0; easy_read <= 1; easy_read++)
    {
      g_autofree char *path = g_strdup_printf ("%s/printed-%d.pdf", dir, easy_read);
      cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *text = NULL;
      guint n_pages;

      n_pages = pl_printing_draw_pages (document, options, easy_read, PL_SYMBOLS_BESIDE, cr,
                                        width, height);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
      g_assert_cmpuint (n_pages, >=, 1);

      text = pdf_text (path);
      if (text == NULL)
        continue;
      g_assert_nonnull (strstr (text, "tea"));
      /* Only easy read has pictures, and so their credit */
      if (easy_read)
        g_assert_nonnull (strstr (text, "Mulberry"));
      else
        g_assert_null (strstr (text, "Mulberry"));
    }
  pl_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  pl_gui_test_init (&argc, &argv);

  g_test_add_func ("/printing/save", test_save);
  g_test_add_func ("/printing/print-pages", test_print_pages);

  return g_test_run ();
}
