/* test-print.c: large-print pages and PDF files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The example person's plan is laid out and saved as PDF, then read back
 * with poppler's tools as a person's PDF reader or a screen reader would:
 * the words in order, every font embedded, no text below the chosen size,
 * "Page N of M" on every page and no page ending with a heading.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <cairo.h>
#include <glib/gstdio.h>

#include "pl-demo.h"
#include "pl-document.h"
#include "pl-print.h"
#include "pl-print-private.h"
#include "pl-test-util.h"

typedef struct
{
  char       *dir;
  PlStore    *store;
  PlDocument *plan;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 person_id = 0;

  f->dir = pl_test_make_dir ("plainly-print");
  f->store = pl_test_open_store (f->dir, NULL);
  g_assert_true (pl_demo_install (f->store, &person_id, &error));
  g_assert_no_error (error);
  f->plan = pl_document_build_plan (f->store, person_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->plan);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->plan);
  g_clear_pointer (&f->store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
}

static PlPrintOptions *
options_at (double size)
{
  PlPrintOptions *options = pl_print_options_new ();

  options->text_size = size;
  options->person_name = g_strdup ("Dorothy May Whitaker");
  options->version = g_strdup ("Version 1");
  options->date = g_strdup ("Monday 23 November 2026");
  return options;
}

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext != NULL && pdffonts != NULL && pdfinfo != NULL)
    return TRUE;
  g_test_skip ("pdftotext, pdffonts or pdfinfo is not installed (poppler-utils)");
  return FALSE;
}

/* Runs a poppler tool and returns what it printed */
static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

/* Words separated by single spaces, so wrapped lines compare with the text */
static char *
squeeze (const char *text)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", text, 0, 0);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run (argv);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("^Pages:\\s+(\\d+)", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *n = NULL;

  g_assert_true (g_regex_match (regex, out, 0, &match));
  n = g_match_info_fetch (match, 1);
  return (guint) g_ascii_strtoull (n, NULL, 10);
}

/* The text of every page, in order: pdftotext ends each with a form feed */
static GStrv
pages_text (const char *path,
            gboolean    layout)
{
  const char *plain[] = { "pdftotext", path, "-", NULL };
  const char *with_layout[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autofree char *text = run (layout ? with_layout : plain);

  return g_strsplit (text, "\f", -1);
}

/* The sequence of headings, levels 1 to 3, as the document has them */
static GPtrArray *
headings (PlDocument *document)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < pl_document_get_n_blocks (document); i++)
    {
      const PlBlock *block = pl_document_get_block (document, i);

      if (block->kind == PL_BLOCK_HEADING && block->level <= 3)
        g_ptr_array_add (list, squeeze (block->text));
    }
  return list;
}

/* Every heading is found in the text, each after the one before */
static void
assert_in_order (const char *text,
                 GPtrArray  *expected)
{
  g_autofree char *flat = squeeze (text);
  const char *from = flat;

  for (guint i = 0; i < expected->len; i++)
    {
      const char *found = strstr (from, g_ptr_array_index (expected, i));

      if (found == NULL)
        g_error ("Heading %u, “%s”, is missing or out of order", i,
                 (const char *) g_ptr_array_index (expected, i));
      from = found + strlen (g_ptr_array_index (expected, i));
    }
}

static void
test_options_check (void)
{
  g_autoptr(PlPrintOptions) options = pl_print_options_new ();
  g_autofree char *none = NULL;
  g_autofree char *small = NULL;
  g_autofree char *big = NULL;
  g_autofree char *tight = NULL;

  g_assert_cmpfloat (options->text_size, >=, PL_PRINT_MIN_TEXT_SIZE);
  g_assert_cmpfloat (options->line_spacing, >=, 1.5);
  g_assert_false (options->high_contrast);
  g_assert_cmpfloat_with_epsilon (options->page_width, PL_PRINT_A4_WIDTH, 0.01);
  g_assert_cmpfloat_with_epsilon (options->page_height, PL_PRINT_A4_HEIGHT, 0.01);

  none = pl_print_options_check (options);
  g_assert_null (none);

  options->text_size = 10;
  small = pl_print_options_check (options);
  g_assert_nonnull (small);
  g_assert_cmpfloat (options->text_size, ==, 16.0);

  options->text_size = 72;
  big = pl_print_options_check (options);
  g_assert_nonnull (big);
  g_assert_cmpfloat (options->text_size, ==, 48.0);

  options->line_spacing = 1.0;
  tight = pl_print_options_check (options);
  g_assert_nonnull (tight);
  g_assert_cmpfloat (options->line_spacing, ==, 1.5);
}

static void
test_default_font (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PlPrintOptions) options = options_at (24);
  g_autoptr(PlPrintLayout) layout = pl_print_layout_new (f->plan, options, NULL, 0, 0);

  /* The bundled low-vision font, added for this process by the test's main */
  g_assert_cmpstr (pl_print_layout_get_options (layout)->font_family, ==, PL_PRINT_BUNDLED_FAMILY);
}

/* A page that holds nothing but headings: a run of long headings at
 * 48 pt can be taller than a page with the lines under them, and then,
 * only then, a heading may end a page */
static gboolean
only_headings (PlPrintLayout *layout,
               PlDocument    *document,
               guint          page)
{
  guint n = 0;

  for (guint b = 0; b < pl_document_get_n_blocks (document); b++)
    if (pl_print_layout_get_block_page (layout, b) <= (int) page &&
        pl_print_layout_get_block_end_page (layout, b) >= (int) page)
      {
        if (pl_document_get_block (document, b)->kind != PL_BLOCK_HEADING)
          return FALSE;
        n++;
      }
  return n > 0;
}

/* The page map: every block placed, in order; no page ends with a heading;
 * cards are never split; at every size */
static void
test_page_map (Fixture       *f,
               gconstpointer  data)
{
  const double sizes[] = { 16, 24, 48 };
  guint previous_pages = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(PlPrintOptions) options = options_at (sizes[s]);
      g_autoptr(PlPrintLayout) layout = pl_print_layout_new (f->plan, options, NULL, 0, 0);
      guint n_pages = pl_print_layout_paginate (layout);
      guint n_blocks = pl_document_get_n_blocks (f->plan);
      int last_page = 0;

      g_test_message ("%g pt: %u pages", sizes[s], n_pages);
      g_assert_cmpuint (n_pages, >, 1);
      /* Bigger text takes more pages */
      g_assert_cmpuint (n_pages, >, previous_pages);
      previous_pages = n_pages;

      for (guint b = 0; b < n_blocks; b++)
        {
          const PlBlock *block = pl_document_get_block (f->plan, b);
          int page = pl_print_layout_get_block_page (layout, b);
          int end = pl_print_layout_get_block_end_page (layout, b);

          g_assert_cmpint (page, >=, last_page);
          g_assert_cmpint (end, >=, page);
          g_assert_cmpint (end, <, (int) n_pages);
          last_page = page;

          /* A card fits on one page at 24 pt and below (at 48 pt a long one
           * may run on, marked "continued") */
          if (block->kind == PL_BLOCK_CONTACT && sizes[s] <= 24 && end != page)
            {
              /* unless with its heading it is taller than a page: then the
               * heading starts a page and the card runs on from under it */
              g_assert_cmpuint (b, >=, 2);
              g_assert_cmpint (pl_document_get_block (f->plan, b - 1)->kind, ==, PL_BLOCK_HEADING);
              g_assert_cmpint (pl_print_layout_get_block_page (layout, b - 1), ==, page);
              g_assert_cmpint (pl_print_layout_get_block_end_page (layout, b - 2), <, page);
            }
          /* and what it says about who may see what goes with it, unless
           * the two together are taller than a page: then the card starts one */
          if (block->kind == PL_BLOCK_CONTACT && sizes[s] <= 24 && b + 1 < n_blocks &&
              pl_document_get_block (f->plan, b + 1)->kind == PL_BLOCK_FIELD &&
              g_str_has_prefix (pl_document_get_block (f->plan, b + 1)->anchor, block->anchor) &&
              pl_print_layout_get_block_page (layout, b + 1) != end)
            {
              g_assert_cmpint (pl_print_layout_get_block_page (layout, b + 1), ==, end + 1);
              g_assert_cmpint (pl_print_layout_get_block_end_page (layout, b - 1), <, page);
            }
        }

      for (guint p = 0; p < n_pages; p++)
        {
          int last = pl_print_layout_get_last_block (layout, p);

          g_assert_cmpint (last, >=, 0);
          if (p + 1 < n_pages && pl_document_get_block (f->plan, last)->kind == PL_BLOCK_HEADING &&
              !(sizes[s] > 24 && only_headings (layout, f->plan, p)))
            g_error ("At %g pt, page %u ends with the heading “%s”", sizes[s], p + 1,
                     pl_document_get_block (f->plan, last)->text);
        }
      g_assert_cmpint (pl_print_layout_get_last_block (layout, n_pages), ==, -1);
    }
}

/* The same drawing code works on any surface, as it must for printing */
static void
test_render_surfaces (Fixture       *f,
                      gconstpointer  data)
{
  for (int contrast = 0; contrast <= 1; contrast++)
    {
      g_autoptr(PlPrintOptions) options = options_at (24);
      g_autoptr(PlPrintLayout) layout = NULL;
      cairo_surface_t *recording, *image;
      cairo_t *cr;
      double x, y, width, height;
      unsigned char *pixel;

      options->high_contrast = contrast;
      layout = pl_print_layout_new (f->plan, options, NULL, 0, 0);
      pl_print_layout_paginate (layout);

      recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cr = cairo_create (recording);
      pl_print_layout_render_page (layout, cr, 1);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (recording, &x, &y, &width, &height);
      /* Something is drawn, and nothing outside the page */
      g_assert_cmpfloat (width, >, 100);
      g_assert_cmpfloat (x, >=, -1);
      g_assert_cmpfloat (x + width, <=, PL_PRINT_A4_WIDTH + 1);
      g_assert_cmpfloat (y + height, <=, PL_PRINT_A4_HEIGHT + 1);
      if (!contrast)
        {
          /* Margins of at least 20 mm stay clear of ink */
          g_assert_cmpfloat (x, >=, 20 * 72 / 25.4 - 1);
          g_assert_cmpfloat (y, >=, 20 * 72 / 25.4 - 1);
          g_assert_cmpfloat (x + width, <=, PL_PRINT_A4_WIDTH - 20 * 72 / 25.4 + 1);
          g_assert_cmpfloat (y + height, <=, PL_PRINT_A4_HEIGHT - 20 * 72 / 25.4 + 1);
        }
      cairo_surface_destroy (recording);

      /* High contrast paints the page black; the default leaves paper white */
      image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 100, 100);
      cr = cairo_create (image);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      pl_print_layout_render_page (layout, cr, 0);
      cairo_destroy (cr);
      cairo_surface_flush (image);
      pixel = cairo_image_surface_get_data (image) + 5 * cairo_image_surface_get_stride (image) + 5 * 4;
      if (contrast)
        g_assert_cmpuint (pixel[0] + pixel[1] + pixel[2], ==, 0);
      else
        g_assert_cmpuint (pixel[0] + pixel[1] + pixel[2], ==, 3 * 255);
      cairo_surface_destroy (image);
    }
}

/* The smallest word height pdftotext finds on any page, in points */
static double
smallest_word (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox-layout", path, "-", NULL };
  g_autofree char *out = run (argv);
  g_autoptr(GRegex) regex =
    g_regex_new ("<word xMin=\"[0-9.]+\" yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">",
                 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  double smallest = G_MAXDOUBLE;
  guint n = 0;

  g_regex_match (regex, out, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *y0 = g_match_info_fetch (match, 1);
      g_autofree char *y1 = g_match_info_fetch (match, 2);

      smallest = MIN (smallest, g_ascii_strtod (y1, NULL) - g_ascii_strtod (y0, NULL));
      n++;
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (n, >, 50);
  return smallest;
}

static void
check_pdf (Fixture  *f,
           double    size,
           gboolean  high_contrast)
{
  g_autoptr(PlPrintOptions) options = options_at (size);
  g_autoptr(PlPrintLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = headings (f->plan);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GString) all_layout = g_string_new (NULL);
  g_autofree char *path = g_build_filename (f->dir, "plan.pdf", NULL);
  g_autofree char *fonts = NULL;
  g_auto(GStrv) font_lines = NULL;
  const char *fonts_argv[] = { "pdffonts", path, NULL };
  guint n_pages, n_fonts = 0;
  g_auto(GStrv) plain_pages = NULL;
  g_auto(GStrv) layout_pages = NULL;

  options->high_contrast = high_contrast;
  /* The layout the file will have, for its page map */
  layout = pl_print_layout_new (f->plan, options, NULL, 0, 0);
  n_pages = pl_print_layout_paginate (layout);

  g_assert_true (pl_print_save_pdf (f->plan, options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (path), ==, n_pages);

  /* Every font embedded, so the page prints as laid out anywhere */
  fonts = run (fonts_argv);
  font_lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; font_lines[i] != NULL; i++)
    {
      g_autoptr(GRegex) emb = g_regex_new ("\\s(yes|no)\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$",
                                           0, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *embedded = NULL;

      if (*font_lines[i] == '\0')
        continue;
      g_assert_true (g_regex_match (emb, font_lines[i], 0, &match));
      embedded = g_match_info_fetch (match, 1);
      g_assert_cmpstr (embedded, ==, "yes");
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);

  /* No word smaller than the chosen size (a word's box is its font's
   * ascent to descent, a little more than the size) */
  g_assert_cmpfloat (smallest_word (path), >=, 0.9 * options->text_size);

  plain_pages = pages_text (path, FALSE);
  layout_pages = pages_text (path, TRUE);
  g_assert_cmpuint (g_strv_length (plain_pages), >=, n_pages);
  g_assert_cmpuint (g_strv_length (layout_pages), >=, n_pages);
  for (guint p = 1; p <= n_pages; p++)
    {
      const char *text = plain_pages[p - 1];
      const char *text_layout = layout_pages[p - 1];
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", p, n_pages);
      g_auto(GStrv) lines = NULL;
      g_autoptr(GPtrArray) body = g_ptr_array_new ();
      const char *at, *at_layout;

      at = strstr (text, footer);
      if (at == NULL)
        g_error ("Page %u has no “%s”:\n%s", p, footer, text);
      at_layout = strstr (text_layout, footer);
      g_assert_nonnull (at_layout);

      /* The text above the footer: its last lines are not a heading */
      g_string_append_len (all, text, at - text);
      g_string_append_c (all, '\n');
      g_string_append_len (all_layout, text_layout, at_layout - text_layout);
      g_string_append_c (all_layout, '\n');
      lines = g_strsplit (text, "\n", -1);
      for (guint l = 0; lines[l] != NULL && !g_str_has_prefix (lines[l], footer); l++)
        if (*g_strstrip (lines[l]) != '\0')
          g_ptr_array_add (body, lines[l]);
      g_assert_cmpuint (body->len, >, 0);

      for (guint k = 1; k <= MIN (body->len, 4) && p < n_pages &&
                        !(size > 24 && only_headings (layout, f->plan, p - 1)); k++)
        {
          g_autoptr(GString) tail = g_string_new (NULL);
          g_autofree char *flat = NULL;

          for (guint l = body->len - k; l < body->len; l++)
            g_string_append_printf (tail, "%s ", (const char *) g_ptr_array_index (body, l));
          flat = squeeze (tail->str);
          for (guint h = 0; h < expected->len; h++)
            if (g_strcmp0 (flat, g_ptr_array_index (expected, h)) == 0)
              g_error ("Page %u of the %g pt PDF ends with the heading “%s”", p, size, flat);
        }
    }

  /* Reading order: the headings as the document has them, in both modes */
  assert_in_order (all->str, expected);
  assert_in_order (all_layout->str, expected);

  /* The words of the summary are there as real text */
  g_assert_nonnull (strstr (all->str, "Dorothy May"));
}

static void
test_pdf_16 (Fixture       *f,
             gconstpointer  data)
{
  if (have_poppler ())
    check_pdf (f, 16, FALSE);
}

static void
test_pdf_24 (Fixture       *f,
             gconstpointer  data)
{
  if (have_poppler ())
    check_pdf (f, 24, FALSE);
}

static void
test_pdf_48_high_contrast (Fixture       *f,
                           gconstpointer  data)
{
  if (have_poppler ())
    check_pdf (f, 48, TRUE);
}

/* A PDF holds NUL bytes, so no string search will do */
static gboolean
contains (const char *data,
          gsize       len,
          const char *needle)
{
  return memmem (data, len, needle, strlen (needle)) != NULL;
}

/* The PDF's outline lists the parts, and links to their pages */
static void
test_outline (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PlPrintOptions) options = options_at (24);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "outline.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (pl_print_save_pdf (f->plan, options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  /* cairo writes the outline uncompressed: its root and the parts' titles */
  g_assert_true (contains (contents, len, "/Outlines"));
  g_assert_true (contains (contents, len, "/Title (My medicines)"));
  g_assert_true (contains (contents, len, "/Title (Dot's care and support plan)"));
}

static void
test_languages (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PlDocument) document = pl_document_new ("Cynllun gofal Dot");
  g_autoptr(PlPrintOptions) options = options_at (24);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "languages.pdf", NULL);
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autofree char *text = NULL;
  g_autofree char *normal = NULL;

  pl_document_add (document, PL_BLOCK_HEADING, 1, "title", NULL, "Cynllun gofal Dot");
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, NULL, NULL,
                   "Dŵr, tŷ a chŵn: mae'r gŵr yn hŷn.");
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, NULL, NULL, "Zażółć gęślą jaźń.");
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, NULL, NULL, "مرحبا بكم");
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, NULL, NULL, "Tea ☕ and the cat 🐈.");
  pl_document_add (document, PL_BLOCK_NOTICE, 0, NULL, NULL, "Nothing here yet.");
  pl_document_add (document, PL_BLOCK_CONTACT, 0, NULL, "Coordinator",
                   "Sam Patel\nPhone: 0161 496 0512");
  pl_document_add_link (document, "Back to the top", "title");

  g_assert_true (pl_print_save_pdf (document, options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  if (!have_poppler ())
    return;

  text = run (argv);
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  g_assert_nonnull (strstr (normal, "Dŵr, tŷ a chŵn"));
  g_assert_nonnull (strstr (normal, "hŷn"));
  g_assert_nonnull (strstr (normal, "Zażółć gęślą jaźń"));
  g_assert_nonnull (strstr (normal, "Tea"));
  /* The notice's own words, with nothing added: every presenter says the same */
  g_assert_nonnull (strstr (normal, "Nothing here yet."));
  g_assert_null (strstr (normal, "Please note"));
  g_assert_nonnull (strstr (normal, "Back to the top, see page 1"));
  /* Arabic is shaped into presentation forms; compatibility
   * normalisation brings back the letters, in either direction */
  if (strstr (normal, "مرحبا") == NULL)
    {
      g_autofree char *reversed = g_utf8_strreverse ("مرحبا", -1);

      if (strstr (normal, reversed) == NULL)
        g_test_message ("Arabic did not come out as text: no font for it?");
    }
}

static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PlPrintOptions) options = options_at (24);
  g_autofree char *missing = g_build_filename (f->dir, "no", "such", "plan.pdf", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "folder", NULL);
  g_autofree char *locked = g_build_filename (f->dir, "locked", NULL);
  g_autofree char *in_locked = g_build_filename (locked, "plan.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;

  g_assert_false (pl_print_save_pdf (f->plan, options, missing, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "folder"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (pl_print_save_pdf (f->plan, options, folder, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_clear_error (&error);

  /* A folder nobody may write in (root may write anywhere, so not then) */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
      g_assert_false (pl_print_save_pdf (f->plan, options, in_locked, NULL, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_false (g_file_test (in_locked, G_FILE_TEST_EXISTS));
      g_clear_error (&error);
    }

  /* /dev/full: every write fails as if the disk were full */
  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      /* the temporary file is made beside the target, so this is a folder
       * that cannot hold it; the message is still plain */
      g_assert_false (pl_print_save_pdf (f->plan, options, "/dev/full/plan.pdf",
                                         NULL, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);
    }

  /* Nothing left behind in the test's own folder: no temporary files */
  dir = g_dir_open (f->dir, 0, NULL);
  for (const char *name = g_dir_read_name (dir); name != NULL; name = g_dir_read_name (dir))
    g_assert_false (g_str_has_prefix (name, "."));
}

typedef struct
{
  GCancellable *cancellable;
  guint         last;
  guint         total;
} Progress;

static void
progress_cb (guint    page,
             guint    n_pages,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (page, ==, progress->last + 1);
  progress->last = page;
  progress->total = n_pages;
  if (page == 2 && progress->cancellable != NULL)
    g_cancellable_cancel (progress->cancellable);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PlPrintOptions) options = options_at (24);
  g_autofree char *path = g_build_filename (f->dir, "cancelled.pdf", NULL);
  g_autofree char *done = g_build_filename (f->dir, "done.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  Progress progress = { cancellable, 0, 0 };
  Progress whole = { NULL, 0, 0 };

  g_assert_false (pl_print_save_pdf (f->plan, options, path, cancellable, progress_cb, &progress,
                                     &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.last, ==, 2);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Without cancelling, progress reaches every page */
  g_assert_true (pl_print_save_pdf (f->plan, options, done, NULL, progress_cb, &whole, NULL));
  g_assert_cmpuint (whole.last, ==, whole.total);
  g_assert_cmpuint (whole.total, >, 2);

  dir = g_dir_open (f->dir, 0, NULL);
  for (const char *name = g_dir_read_name (dir); name != NULL; name = g_dir_read_name (dir))
    g_assert_false (g_str_has_prefix (name, "."));
}

typedef struct
{
  GMainLoop *loop;
  guint      pages_seen;
  guint      n_pages;
  gboolean   saved;
  GError    *error;
} AsyncSave;

static void
async_progress_cb (guint    page,
                   guint    n_pages,
                   gpointer user_data)
{
  AsyncSave *save = user_data;

  /* Called on this thread's context, page after page */
  g_assert_cmpuint (page, ==, save->pages_seen + 1);
  save->pages_seen = page;
  save->n_pages = n_pages;
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncSave *save = user_data;

  save->saved = pl_print_save_pdf_finish (result, &save->error);
  g_main_loop_quit (save->loop);
}

/* The app saves off its main thread, and hears how far it has got */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(PlPrintOptions) options = options_at (24);
  g_autofree char *path = g_build_filename (f->dir, "async.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no", "async.pdf", NULL);
  AsyncSave save = { 0 };
  AsyncSave failed = { 0 };

  save.loop = g_main_loop_new (NULL, FALSE);
  pl_print_save_pdf_async (f->plan, options, path, NULL, async_progress_cb, &save,
                           async_done_cb, &save);
  g_main_loop_run (save.loop);
  g_clear_pointer (&save.loop, g_main_loop_unref);
  g_assert_no_error (save.error);
  g_assert_true (save.saved);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (save.n_pages, >, 2);
  /* every page reported before the end was */
  g_assert_cmpuint (save.pages_seen, ==, save.n_pages);

  failed.loop = g_main_loop_new (NULL, FALSE);
  pl_print_save_pdf_async (f->plan, options, missing, NULL, NULL, NULL, async_done_cb, &failed);
  g_main_loop_run (failed.loop);
  g_clear_pointer (&failed.loop, g_main_loop_unref);
  g_assert_false (failed.saved);
  g_assert_error (failed.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&failed.error);
}

/* Saving over an older copy replaces it whole */
static void
test_replace (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PlPrintOptions) options = options_at (16);
  g_autofree char *path = g_build_filename (f->dir, "plan.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old copy", -1, NULL));
  g_assert_true (pl_print_save_pdf (f->plan, options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}


/* One way from a reader's settings to paper: at least 16 pt, otherwise in
 * the person's own size, font and spacing, with the plan's version */
static void
test_options_for_reader (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(PlSettings) settings = pl_settings_new_default (1);
  g_autoptr(PlPrintOptions) standard = NULL;
  g_autoptr(PlPrintOptions) giant = NULL;

  standard = pl_print_options_for_reader (settings, f->plan, "Peggy");
  g_assert_cmpfloat (standard->text_size, ==, PL_PRINT_MIN_TEXT_SIZE);
  g_assert_cmpstr (standard->person_name, ==, "Peggy");
  g_assert_false (standard->high_contrast);
  /* NG21 1.2.6: the version is the document's own */
  g_assert_nonnull (pl_document_get_version (f->plan));
  g_assert_cmpstr (standard->version, ==, pl_document_get_version (f->plan));

  settings->text_size = 32;
  settings->line_spacing = 2.0;
  settings->font = g_strdup ("DejaVu Sans");
  giant = pl_print_options_for_reader (settings, NULL, NULL);
  g_assert_cmpfloat (giant->text_size, ==, 32);
  g_assert_cmpfloat (giant->line_spacing, ==, 2.0);
  g_assert_cmpstr (giant->font_family, ==, "DejaVu Sans");
  g_assert_null (giant->version);
}

/* The darkest pixel in a column strip of the page, rendered at 1 px a point */
static guint
darkest_in_strip (PlPrintLayout *layout,
                  guint          page,
                  int            x0,
                  int            x1)
{
  cairo_surface_t *image;
  cairo_t *cr;
  guint darkest = 3 * 255;

  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) PL_PRINT_A4_WIDTH,
                                      (int) PL_PRINT_A4_HEIGHT);
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  pl_print_layout_render_page (layout, cr, page);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  for (int y = 0; y < cairo_image_surface_get_height (image); y++)
    for (int x = x0; x < x1; x++)
      {
        unsigned char *pixel = cairo_image_surface_get_data (image) +
                               y * cairo_image_surface_get_stride (image) + x * 4;

        darkest = MIN (darkest, (guint) pixel[0] + pixel[1] + pixel[2]);
      }
  cairo_surface_destroy (image);
  return darkest;
}

/* The darkest pixel in a box of the page, rendered at 1 px a point */
static guint
darkest_in_box (PlPrintLayout *layout,
                guint          page,
                int            x0,
                int            x1,
                int            y0,
                int            y1)
{
  cairo_surface_t *image;
  cairo_t *cr;
  guint darkest = 3 * 255;

  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) PL_PRINT_A4_WIDTH,
                                      (int) PL_PRINT_A4_HEIGHT);
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  pl_print_layout_render_page (layout, cr, page);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        unsigned char *pixel = cairo_image_surface_get_data (image) +
                               y * cairo_image_surface_get_stride (image) + x * 4;

        darkest = MIN (darkest, (guint) pixel[0] + pixel[1] + pixel[2]);
      }
  cairo_surface_destroy (image);
  return darkest;
}

/* Urdu on paper reads from the right: a line starts at the right margin,
 * even one that begins with a Latin word, and a change's line is in the
 * right margin; English in the same document keeps to the left */
static void
test_right_to_left (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PlPrintOptions) options = options_at (24);
  g_autoptr(PlDocument) urdu = pl_document_new ("منصوبہ");
  g_autoptr(PlDocument) english = pl_document_new ("Plan");
  g_autoptr(PlPrintLayout) right = NULL;
  g_autoptr(PlPrintLayout) left = NULL;
  /* The first line of text, 20 mm from the top, and the text's width */
  const int top = 50, bottom = 100;
  const int start = (int) MM_TO_PT (25.0) + 2;
  const int end = (int) (PL_PRINT_A4_WIDTH - MM_TO_PT (25.0)) - 2;

  pl_document_set_language (urdu, "ur");
  pl_document_add (urdu, PL_BLOCK_PARAGRAPH, 0, NULL, NULL, "NHS نمبر");
  pl_document_set_block_flags (urdu, 0, PL_BLOCK_CHANGED);
  pl_document_add (english, PL_BLOCK_PARAGRAPH, 0, NULL, NULL, "NHS number");

  right = pl_print_layout_new (urdu, options, NULL, 0, 0);
  left = pl_print_layout_new (english, options, NULL, 0, 0);
  pl_print_layout_paginate (right);
  pl_print_layout_paginate (left);

  /* The words: on the right in Urdu, on the left in English */
  g_assert_cmpuint (darkest_in_box (right, 0, start, start + 120, top, bottom), ==, 3 * 255);
  g_assert_cmpuint (darkest_in_box (right, 0, end - 60, end, top, bottom), <, 100);
  g_assert_cmpuint (darkest_in_box (left, 0, start, start + 60, top, bottom), <, 100);
  g_assert_cmpuint (darkest_in_box (left, 0, end - 120, end, top, bottom), ==, 3 * 255);
  /* The change's line, beside where the line starts */
  g_assert_cmpuint (darkest_in_box (right, 0, end + 4, end + 30, top, bottom), <, 100);
  g_assert_cmpuint (darkest_in_box (right, 0, 5, start - 4, top, bottom), ==, 3 * 255);
}

/* A change is marked on paper as on the screen: a line beside it, in the
 * margin, where nothing else is drawn (NG86 1.4.8) */
static void
test_changed_mark (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PlPrintOptions) options = options_at (24);
  g_autoptr(PlPrintLayout) plain = NULL;
  g_autoptr(PlPrintLayout) marked = NULL;
  g_autoptr(PlDocument) changed = pl_document_new ("Changed");
  int block;
  int page;

  /* The same plan, with one part marked as changed */
  for (guint i = 0; i < pl_document_get_n_blocks (f->plan); i++)
    {
      const PlBlock *b = pl_document_get_block (f->plan, i);

      if (b->kind == PL_BLOCK_LINK)
        pl_document_add_link (changed, b->text, b->target);
      else
        pl_document_add (changed, b->kind, b->level, b->anchor, b->label, b->text);
    }
  block = pl_document_find_anchor (changed, "visits");
  g_assert_cmpint (block, >=, 0);
  pl_document_set_block_flags (changed, (guint) block, PL_BLOCK_CHANGED);

  plain = pl_print_layout_new (f->plan, options, NULL, 0, 0);
  marked = pl_print_layout_new (changed, options, NULL, 0, 0);
  pl_print_layout_paginate (plain);
  pl_print_layout_paginate (marked);
  page = pl_print_layout_get_block_page (marked, (guint) block);
  g_assert_cmpint (page, >=, 0);

  /* The left margin: clear on the plain page, a dark line on the marked one */
  g_assert_cmpuint (darkest_in_strip (plain, (guint) page, 5, 65), ==, 3 * 255);
  g_assert_cmpuint (darkest_in_strip (marked, (guint) page, 5, 65), <, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* As the app does, so the bundled font is found */
  pl_print_register_fonts ();

  g_test_add_func ("/plainly/print/options-check", test_options_check);
#define ADD(path, func) \
  g_test_add ("/plainly/print/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("default-font", test_default_font);
  ADD ("page-map", test_page_map);
  ADD ("render-surfaces", test_render_surfaces);
  ADD ("pdf-16", test_pdf_16);
  ADD ("pdf-24", test_pdf_24);
  ADD ("pdf-48-high-contrast", test_pdf_48_high_contrast);
  ADD ("outline", test_outline);
  ADD ("languages", test_languages);
  ADD ("unwritable", test_unwritable);
  ADD ("cancel", test_cancel);
  ADD ("replace", test_replace);
  ADD ("async", test_async);
  ADD ("options-for-reader", test_options_for_reader);
  ADD ("changed-mark", test_changed_mark);
  ADD ("right-to-left", test_right_to_left);
#undef ADD

  return g_test_run ();
}
