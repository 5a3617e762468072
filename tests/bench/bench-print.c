/* bench-print.c: how fast Plainly makes a large-print PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-print [--runs N] [--pages N] [--size POINTS] [--keep DIR]
 *
 * Times the export of the example plan, and of a 40-page plan (the
 * example's parts repeated to about 40 pages of 500 words, as
 * bench-speech counts pages), to PDF at 24 pt. In the same run, when
 * LibreOffice is installed (`libreoffice` or `soffice` on PATH), writes the
 * same text as HTML (h1-h3, paragraphs and lists, 24 pt by CSS) and times
 * `soffice --headless --convert-to pdf` on it, and prints the ratio.
 * Medians of --runs (5). Never fails on time.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "pl-demo.h"
#include "pl-document.h"
#include "pl-print.h"
#include "pl-store.h"
#include "pl-bench-util.h"

#define WORDS_A_PAGE 500

static int n_runs = 5;
static int n_pages = 40;
static double text_size = 24.0;
static char *keep_dir = NULL;

static const GOptionEntry entries[] = {
  { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Times each export is timed (5)", "N" },
  { "pages", 0, 0, G_OPTION_ARG_INT, &n_pages, "Pages of 500 words in the long plan (40)", "N" },
  { "size", 0, 0, G_OPTION_ARG_DOUBLE, &text_size, "Text size in points (24)", "POINTS" },
  { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep_dir, "Keep the files made in this folder", "DIR" },
  { NULL }
};

static guint
count_words (const char *text)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", text, 0, 0);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      n++;
  return n;
}

/* The example's parts again and again, to about target_words */
static PlDocument *
long_plan (PlDocument *plan,
           guint       target_words)
{
  PlDocument *document = pl_document_new (pl_document_get_title (plan));
  guint words = 0;

  for (guint copy = 1; words < target_words; copy++)
    for (guint b = 0; b < pl_document_get_n_blocks (plan) && words < target_words; b++)
      {
        const PlBlock *block = pl_document_get_block (plan, b);
        g_autofree char *anchor = g_strdup_printf ("%s-copy-%u", block->anchor, copy);

        if (block->kind == PL_BLOCK_LINK)
          continue;
        pl_document_add (document, block->kind, block->level, anchor, block->label, block->text);
        words += count_words (block->text) + (block->label != NULL ? count_words (block->label) : 0);
      }
  return document;
}

static void
append_html_text (GString    *html,
                  const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  for (const char *p = escaped; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (html, "<br>");
      else
        g_string_append_c (html, *p);
    }
}

/* The same words as the PDF, as a word processor would be given them */
static char *
document_to_html (PlDocument *document,
                  double      size)
{
  GString *html = g_string_new (NULL);
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean in_list = FALSE;

  g_ascii_dtostr (number, sizeof number, size);
  g_string_append (html, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>");
  append_html_text (html, pl_document_get_title (document));
  g_string_append_printf (html, "</title><style>\n"
                          "body { font-family: \"DejaVu Sans\", sans-serif; font-size: %spt;"
                          " line-height: 1.5; text-align: left; }\n"
                          "h1 { font-size: 1.5em; } h2 { font-size: 1.3em; } h3 { font-size: 1.15em; }\n"
                          ".box { border: 2pt solid black; padding: 0.5em; }\n"
                          "</style></head><body>\n", number);

  for (guint b = 0; b < pl_document_get_n_blocks (document); b++)
    {
      const PlBlock *block = pl_document_get_block (document, b);

      if (in_list && block->kind != PL_BLOCK_LIST_ITEM)
        {
          g_string_append (html, "</ul>\n");
          in_list = FALSE;
        }

      switch (block->kind)
        {
        case PL_BLOCK_HEADING:
          g_string_append_printf (html, "<h%d>", CLAMP (block->level, 1, 3));
          append_html_text (html, block->text);
          g_string_append_printf (html, "</h%d>\n", CLAMP (block->level, 1, 3));
          break;

        case PL_BLOCK_LIST_ITEM:
          if (!in_list)
            g_string_append (html, "<ul>\n");
          in_list = TRUE;
          g_string_append (html, "<li>");
          append_html_text (html, block->text);
          g_string_append (html, "</li>\n");
          break;

        case PL_BLOCK_FIELD:
        case PL_BLOCK_CONTACT:
        case PL_BLOCK_QUESTION:
        case PL_BLOCK_NOTICE:
          g_string_append (html, block->kind == PL_BLOCK_FIELD || block->kind == PL_BLOCK_QUESTION
                                 ? "<p><b>" : "<div class=\"box\"><p><b>");
          append_html_text (html, block->label != NULL ? block->label : "");
          g_string_append (html, "</b> ");
          append_html_text (html, block->text);
          g_string_append (html, block->kind == PL_BLOCK_FIELD || block->kind == PL_BLOCK_QUESTION
                                 ? "</p>\n" : "</p></div>\n");
          break;

        case PL_BLOCK_PARAGRAPH:
        case PL_BLOCK_LINK:
        default:
          g_string_append (html, "<p>");
          append_html_text (html, block->text);
          g_string_append (html, "</p>\n");
          break;
        }
    }
  if (in_list)
    g_string_append (html, "</ul>\n");
  g_string_append (html, "</body></html>\n");
  return g_string_free (html, FALSE);
}

static PlPrintOptions *
bench_options (void)
{
  PlPrintOptions *options = pl_print_options_new ();

  options->text_size = text_size;
  options->person_name = g_strdup ("Dorothy May Whitaker");
  options->version = g_strdup ("Version 1");
  return options;
}

/* Median seconds to export, and the page count */
static double
time_export (PlDocument *document,
             const char *path,
             guint      *out_pages)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(PlPrintOptions) options = bench_options ();
  g_autoptr(PlPrintLayout) layout = pl_print_layout_new (document, options, NULL, 0, 0);

  *out_pages = pl_print_layout_paginate (layout);

  for (int run = 0; run < n_runs; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double seconds;

      if (!pl_print_save_pdf (document, options, path, NULL, NULL, NULL, &error))
        g_error ("Could not export: %s", error->message);
      seconds = (g_get_monotonic_time () - start) / 1e6;
      g_array_append_val (times, seconds);
    }
  return pl_bench_median_array (times);
}

static char *
find_libreoffice (void)
{
  char *path = g_find_program_in_path ("soffice");

  if (path == NULL)
    path = g_find_program_in_path ("libreoffice");
  return path;
}

/* Median seconds for LibreOffice to turn the HTML into a PDF, or -1 */
static double
time_libreoffice (const char *soffice,
                  const char *dir,
                  const char *name,
                  const char *html)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *html_path = g_strdup_printf ("%s/%s.html", dir, name);
  g_autofree char *pdf_path = g_strdup_printf ("%s/%s.pdf", dir, name);
  g_autofree char *profile_dir = g_build_filename (dir, "libreoffice-profile", NULL);
  g_autofree char *profile = g_filename_to_uri (profile_dir, NULL, NULL);
  g_autofree char *profile_arg = g_strdup_printf ("-env:UserInstallation=%s", profile);
  /* Writer, not Writer/Web, so it lays the HTML out in pages as a
   * document, the fairer match for a printed plan */
  const char *argv[] = { soffice, profile_arg, "--headless", "--norestore",
                         "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export",
                         "--outdir", dir, html_path, NULL };

  if (!g_file_set_contents (html_path, html, -1, NULL))
    return -1;

  /* One run first, not timed: it makes LibreOffice's profile */
  for (int run = -1; run < n_runs; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = 0;
      gint64 start;
      double seconds;

      g_unlink (pdf_path);
      start = g_get_monotonic_time ();
      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                         &out, &err, &status, &error) ||
          !g_spawn_check_wait_status (status, NULL) ||
          !g_file_test (pdf_path, G_FILE_TEST_IS_REGULAR))
        {
          g_printerr ("LibreOffice did not make a PDF: %s\n",
                      error != NULL ? error->message : err);
          return -1;
        }
      seconds = (g_get_monotonic_time () - start) / 1e6;
      if (run >= 0)
        g_array_append_val (times, seconds);
    }
  return pl_bench_median_array (times);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  const char *line;

  if (pdfinfo == NULL ||
      !g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, NULL, NULL))
    return 0;
  line = strstr (out, "Pages:");
  return line != NULL ? (guint) g_ascii_strtoull (line + 6, NULL, 10) : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *soffice = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlDocument) plan = NULL;
  g_autoptr(PlDocument) longer = NULL;
  struct { const char *name; const char *label; PlDocument *document; } cases[2];
  gint64 person_id = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  n_runs = MAX (n_runs, 1);

  if (keep_dir != NULL)
    {
      g_mkdir_with_parents (keep_dir, 0700);
      dir = g_strdup (keep_dir);
    }
  else
    dir = g_dir_make_tmp ("plainly-bench-print-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "bench.db", NULL);
  g_unlink (db);
  store = pl_store_open (db, PL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  if (!pl_demo_install (store, &person_id, &error))
    g_error ("%s", error->message);
  plan = pl_document_build_plan (store, person_id, &error);
  g_assert_no_error (error);
  longer = long_plan (plan, (guint) n_pages * WORDS_A_PAGE);

  pl_print_register_fonts ();
  soffice = find_libreoffice ();

  g_print ("Large-print PDF at %g pt, A4, median of %d runs\n", text_size, n_runs);
  if (soffice == NULL)
    g_print ("LibreOffice is not installed (no soffice or libreoffice on PATH), so there is "
             "nothing to compare with; install libreoffice-writer-nogui to compare.\n");

  cases[0].name = "example";
  cases[0].label = "the example plan";
  cases[0].document = plan;
  cases[1].name = "long";
  cases[1].label = "a 40-page plan";
  cases[1].document = longer;

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *pdf = g_strdup_printf ("%s/%s-plainly.pdf", dir, cases[c].name);
      g_autofree char *text = pl_document_to_text (cases[c].document);
      guint pages = 0;
      double ours = time_export (cases[c].document, pdf, &pages);

      g_print ("\n%s: %u words, %u large-print pages\n", cases[c].label, count_words (text), pages);
      g_print ("  Plainly:     %8.3f s  (%.1f ms a page)\n", ours, ours * 1000.0 / MAX (pages, 1));

      if (soffice != NULL)
        {
          g_autofree char *html = document_to_html (cases[c].document, text_size);
          g_autofree char *lo_pdf = g_strdup_printf ("%s/%s.pdf", dir, cases[c].name);
          double theirs = time_libreoffice (soffice, dir, cases[c].name, html);

          if (theirs > 0)
            {
              g_print ("  LibreOffice: %8.3f s  (%u pages, from HTML)\n", theirs, pdf_pages (lo_pdf));
              g_print ("  Ratio:       LibreOffice takes %.1f times as long\n", theirs / MAX (ours, 1e-6));
            }
        }
    }

  if (keep_dir == NULL)
    {
      g_autofree char *cmd = NULL;
      g_autofree char *quoted = g_shell_quote (dir);

      /* The folder holds LibreOffice's profile: many files deep */
      cmd = g_strdup_printf ("rm -rf %s", quoted);
      if (system (cmd) != 0)
        g_printerr ("Could not remove %s\n", dir);
    }
  return 0;
}
