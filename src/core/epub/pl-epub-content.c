/* pl-epub-content.c: the talking book's pages, style and navigation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each part of the document is one XHTML page; each sentence the voice
 * says is a span with an id of its own, which the narration points at.
 * Nothing is added to the document's words but the title page's version
 * and date, as on paper.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include "pl-i18n.h"

#include "pl-epub-private.h"
#include "pl-model.h"
#include "pl-theme.h"

#define MIN_TEXT_SIZE    16.0   /* RNIB clear print */
#define MIN_LINE_SPACING 1.5    /* NG21 1.2.4 */

PlEpubOptions *
pl_epub_options_new (void)
{
  PlEpubOptions *self = g_new0 (PlEpubOptions, 1);

  /* 24 pt: what most people who ask for large print can read (RNIB) */
  self->text_size = 24.0;
  self->line_spacing = MIN_LINE_SPACING;
  return self;
}

void
pl_epub_options_free (PlEpubOptions *self)
{
  if (self == NULL)
    return;
  g_free (self->font_family);
  g_free (self->theme);
  g_free (self->language);
  g_free (self->person_name);
  g_free (self->version);
  g_free (self->date);
  g_free (self);
}

PlEpubOptions *
pl_epub_options_for_reader (const PlSettings *settings,
                            const PlPerson   *person,
                            PlDocument       *document)
{
  PlEpubOptions *self = pl_epub_options_new ();

  if (settings != NULL)
    {
      self->text_size = MAX ((double) settings->text_size, MIN_TEXT_SIZE);
      self->line_spacing = MAX (settings->line_spacing, MIN_LINE_SPACING);
      if (settings->font != NULL && *settings->font != '\0')
        self->font_family = g_strdup (settings->font);
      self->theme = g_strdup (settings->theme);
    }
  if (person != NULL)
    {
      self->person_name = g_strdup (person->full_name);
      if (person->preferred_language != NULL && *person->preferred_language != '\0')
        self->language = g_strdup (person->preferred_language);
    }
  if (document != NULL)
    {
      /* The document knows whose it is and its words' language */
      if (self->person_name == NULL)
        self->person_name = g_strdup (pl_document_get_owner (document));
      if (self->language == NULL && pl_document_get_language (document) != NULL)
        self->language = g_strdup (pl_document_get_language (document));
      self->version = g_strdup (pl_document_get_version (document));
    }
  return self;
}

char *
pl_epub_clip_id (guint clip)
{
  return g_strdup_printf ("s%u", clip + 1);
}

char *
pl_epub_part_file (guint       part,
                   const char *extension)
{
  return g_strdup_printf ("part-%u.%s", part + 1, extension);
}

/* Anchors become ids as they are, when they are XML names */
static char *
block_id (const PlBlock *block)
{
  GString *id = g_string_new ("b-");

  for (const char *p = block->anchor; p != NULL && *p != '\0'; p++)
    g_string_append_c (id, g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.' ? *p : '_');
  return g_string_free (id, FALSE);
}

static void
append_escaped (GString    *out,
                const char *text,
                gssize      length)
{
  g_autofree char *valid = g_utf8_make_valid (text, length);
  g_autofree char *escaped = g_markup_escape_text (valid, -1);

  /* A line of its own, as in an address */
  for (const char *p = escaped; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (out, "<br/>");
      else
        g_string_append_c (out, *p);
    }
}

static char *
css_color (PlColor color)
{
  return g_strdup_printf ("#%02x%02x%02x", color.r, color.g, color.b);
}

static char *
make_css (const PlEpubOptions *options)
{
  const PlTheme *theme = pl_theme_lookup (options->theme);
  g_autofree char *text = css_color (theme->text);
  g_autofree char *background = css_color (theme->background);
  g_autofree char *link = css_color (theme->link);
  g_autofree char *notice_text = css_color (theme->notice_text);
  g_autofree char *notice_background = css_color (theme->notice_background);
  g_autofree char *highlight_text = css_color (theme->highlight_text);
  g_autofree char *highlight_background = css_color (theme->highlight_background);
  g_autofree char *family = g_strdup (options->font_family != NULL ? options->font_family
                                                                  : "Atkinson Hyperlegible Next");
  char size[G_ASCII_DTOSTR_BUF_SIZE], spacing[G_ASCII_DTOSTR_BUF_SIZE];

  g_strdelimit (family, "\"\\\n", ' ');
  g_ascii_formatd (size, sizeof size, "%.1f", MAX (options->text_size, MIN_TEXT_SIZE));
  g_ascii_formatd (spacing, sizeof spacing, "%.2f", MAX (options->line_spacing, MIN_LINE_SPACING));

  return g_strdup_printf (
    "html, body { color: %s; background-color: %s; }\n"
    "body { font-family: \"%s\", \"DejaVu Sans\", sans-serif; font-size: %spt;\n"
    "       line-height: %s; margin: 0.5em 1em; max-width: 35em; }\n"
    "h1 { font-size: 1.5em; } h2 { font-size: 1.3em; } h3, h4, h5, h6 { font-size: 1.15em; }\n"
    "h1, h2, h3, h4, h5, h6 { line-height: 1.3; margin: 1em 0 0.5em 0; }\n"
    "p, li { margin: 0 0 0.75em 0; }\n"
    "a { color: %s; text-decoration: underline; }\n"
    ".label { font-weight: bold; }\n"
    "ul { padding-left: 1.2em; }\n"
    "li.level-2 { margin-left: 1.5em; } li.level-3 { margin-left: 3em; }\n"
    /* A notice stands out by its border, not its colour alone */
    ".notice { color: %s; background-color: %s; border: 0.15em solid %s; padding: 0.5em; }\n"
    /* What changed has a line beside it, as on the screen and the page */
    ".changed { border-left: 0.3em solid %s; padding-left: 0.5em; }\n"
    ".-epub-media-overlay-active { color: %s; background-color: %s; }\n",
    text, background, family, size, spacing, link, notice_text, notice_background,
    notice_text, text, highlight_text, highlight_background);
}

static void
page_start (GString    *out,
            const char *language,
            const char *title)
{
  g_autofree char *lang = g_markup_escape_text (language, -1);

  g_string_append_printf (out,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<!DOCTYPE html>\n"
                          "<html xmlns=\"http://www.w3.org/1999/xhtml\" "
                          "xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"%s\" xml:lang=\"%s\">\n"
                          "<head>\n<meta charset=\"UTF-8\"/>\n<title>",
                          lang, lang);
  append_escaped (out, title, -1);
  g_string_append (out, "</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n"
                        "</head>\n");
}

/* The label as speech says it: "Time:" */
static void
append_label (GString       *out,
              const PlBlock *block)
{
  gsize len = strlen (block->label);

  g_string_append (out, "<span class=\"label\">");
  append_escaped (out, block->label, -1);
  if (len > 0 && !g_ascii_ispunct (block->label[len - 1]))
    g_string_append_c (out, ':');
  g_string_append (out, "</span>");
}

/* The block's label and text, each sentence said in a span of its own */
static void
append_spoken (GString       *out,
               const PlBlock *block,
               const char    *between,
               GArray        *clips,
               guint          first,
               guint          last)
{
  const char *text = block->text;
  guint at = 0;   /* characters of text written */
  gboolean label_done = block->label == NULL || *block->label == '\0';

  for (guint c = first; c < last; c++)
    {
      const PlSpeechClip *clip = &g_array_index (clips, PlSpeechClip, c);
      g_autofree char *id = pl_epub_clip_id (c);
      const char *from = g_utf8_offset_to_pointer (text, at);
      const char *start = g_utf8_offset_to_pointer (text, MAX (clip->start, at));
      const char *end = g_utf8_offset_to_pointer (text, MAX (clip->end, clip->start));

      if (clip->with_label && !label_done)
        {
          g_string_append_printf (out, "<span id=\"%s\">", id);
          append_label (out, block);
          label_done = TRUE;
          if (clip->end > clip->start)
            g_string_append (out, between);
          append_escaped (out, from, end - from);
          g_string_append (out, "</span>");
        }
      else
        {
          if (!label_done)
            {
              append_label (out, block);
              g_string_append (out, between);
              label_done = TRUE;
            }
          append_escaped (out, from, start - from);
          g_string_append_printf (out, "<span id=\"%s\">", id);
          append_escaped (out, start, end - start);
          g_string_append (out, "</span>");
        }
      at = MAX (clip->end, at);
    }

  if (!label_done)
    {
      append_label (out, block);
      if (*text != '\0')
        g_string_append (out, between);
    }
  append_escaped (out, g_utf8_offset_to_pointer (text, at), -1);
}

/* Where a link's target is: its part's page and the block's id */
static char *
link_href (PlDocument *document,
           GArray     *starts,
           guint       from_part,
           const char *target)
{
  int index = target != NULL ? pl_document_find_anchor (document, target) : -1;
  g_autofree char *id = NULL;
  g_autofree char *file = NULL;
  guint part = 0;

  if (index < 0)
    return NULL;
  for (guint p = 0; p < starts->len; p++)
    if (g_array_index (starts, guint, p) <= (guint) index)
      part = p;
  id = block_id (pl_document_get_block (document, (guint) index));
  if (part == from_part)
    return g_strdup_printf ("#%s", id);
  file = pl_epub_part_file (part, "xhtml");
  return g_strdup_printf ("%s#%s", file, id);
}

static char *
make_part (PlDocument          *document,
           const PlEpubOptions *options,
           GArray              *starts,
           guint                index,
           PlEpubPart          *part,
           GArray              *clips)
{
  GString *out = g_string_new (NULL);
  gboolean in_list = FALSE;
  guint c = part->first_clip;

  page_start (out, options->language, part->title);
  g_string_append (out, "<body>\n<section id=\"part\">\n");

  for (guint b = part->start_block; b < part->end_block; b++)
    {
      const PlBlock *block = pl_document_get_block (document, b);
      g_autofree char *id = block_id (block);
      const char *changed = (block->flags & PL_BLOCK_CHANGED) ? " changed" : "";
      /* A part staff wrote in another language says so, for reading
       * apps' voices and braille displays */
      g_autofree char *lang = block->language != NULL
        ? g_markup_printf_escaped (" lang=\"%s\" xml:lang=\"%s\"", block->language, block->language)
        : g_strdup ("");
      guint first = c;

      while (c < part->end_clip && g_array_index (clips, PlSpeechClip, c).block == b)
        c++;

      if (block->kind == PL_BLOCK_LIST_ITEM && !in_list)
        g_string_append (out, "<ul>\n");
      else if (block->kind != PL_BLOCK_LIST_ITEM && in_list)
        g_string_append (out, "</ul>\n");
      in_list = block->kind == PL_BLOCK_LIST_ITEM;

      switch (block->kind)
        {
        case PL_BLOCK_HEADING:
          {
            int level = CLAMP (block->level, 1, 6);

            g_string_append_printf (out, "<h%d id=\"%s\"%s class=\"heading%s\">", level, id, lang, changed);
            append_spoken (out, block, " ", clips, first, c);
            g_string_append_printf (out, "</h%d>\n", level);
          }
          break;

        case PL_BLOCK_LIST_ITEM:
          g_string_append_printf (out, "<li id=\"%s\"%s class=\"level-%d%s\">", id, lang,
                                  CLAMP (block->level, 1, 3), changed);
          append_spoken (out, block, " ", clips, first, c);
          g_string_append (out, "</li>\n");
          break;

        case PL_BLOCK_LINK:
          {
            g_autofree char *href = link_href (document, starts, index, block->target);

            g_string_append_printf (out, "<p id=\"%s\"%s class=\"link%s\">", id, lang, changed);
            if (href != NULL)
              {
                g_autofree char *escaped = g_markup_escape_text (href, -1);

                g_string_append_printf (out, "<a href=\"%s\">", escaped);
              }
            append_spoken (out, block, " ", clips, first, c);
            g_string_append (out, href != NULL ? "</a></p>\n" : "</p>\n");
          }
          break;

        case PL_BLOCK_CONTACT:
        case PL_BLOCK_QUESTION:
          g_string_append_printf (out, "<p id=\"%s\"%s class=\"%s%s\">", id, lang,
                                  pl_block_kind_to_string (block->kind), changed);
          append_spoken (out, block, "<br/>", clips, first, c);
          g_string_append (out, "</p>\n");
          break;

        case PL_BLOCK_PARAGRAPH:
        case PL_BLOCK_FIELD:
        case PL_BLOCK_NOTICE:
        default:
          g_string_append_printf (out, "<p id=\"%s\"%s class=\"%s%s\">", id, lang,
                                  pl_block_kind_to_string (block->kind), changed);
          append_spoken (out, block, " ", clips, first, c);
          g_string_append (out, "</p>\n");
          break;
        }
    }
  if (in_list)
    g_string_append (out, "</ul>\n");

  g_string_append (out, "</section>\n</body>\n</html>\n");
  return g_string_free (out, FALSE);
}

/* The title page: the title, whose it is, the version and the day it was
 * made, so a copy shows whether it is still the current one (NG21 1.2.6) */
static char *
make_title_page (PlDocument          *document,
                 const PlEpubOptions *options)
{
  GString *out = g_string_new (NULL);
  g_autofree char *made = NULL;

  page_start (out, options->language, pl_document_get_title (document));
  g_string_append (out, "<body>\n<section epub:type=\"titlepage\">\n<h1>");
  append_escaped (out, pl_document_get_title (document), -1);
  g_string_append (out, "</h1>\n");
  if (options->person_name != NULL && *options->person_name != '\0')
    {
      g_string_append (out, "<p>");
      append_escaped (out, options->person_name, -1);
      g_string_append (out, "</p>\n");
    }
  if (options->version != NULL && *options->version != '\0')
    {
      g_string_append (out, "<p>");
      append_escaped (out, options->version, -1);
      g_string_append (out, "</p>\n");
    }
  /* Translators: %s is a date in words, "Wednesday 2 December 2026" */
  made = g_strdup_printf (_("Made on %s."), options->date);
  g_string_append (out, "<p>");
  append_escaped (out, made, -1);
  g_string_append (out, "</p>\n</section>\n</body>\n</html>\n");
  return g_string_free (out, FALSE);
}

/* The outline: every heading, nested by level, linked to its place */
static char *
make_nav (PlDocument          *document,
          const PlEpubOptions *options,
          GArray              *starts)
{
  GString *out = g_string_new (NULL);
  int depth = 0;

  page_start (out, options->language, pl_document_get_title (document));
  g_string_append (out, "<body>\n<nav epub:type=\"toc\" id=\"toc\">\n<h1>");
  append_escaped (out, pl_document_get_title (document), -1);
  g_string_append (out, "</h1>\n");

  for (guint b = 0; b < pl_document_get_n_blocks (document); b++)
    {
      const PlBlock *block = pl_document_get_block (document, b);
      g_autofree char *href = NULL;
      int level;

      if (block->kind != PL_BLOCK_HEADING)
        continue;
      /* Never deeper than one below the heading before */
      level = MIN (CLAMP (block->level, 1, 6), depth + 1);
      if (level > depth)
        {
          g_string_append (out, "<ol>\n");
          depth = level;
        }
      else
        {
          g_string_append (out, "</li>\n");
          for (; depth > level; depth--)
            g_string_append (out, "</ol>\n</li>\n");
        }
      href = link_href (document, starts, G_MAXUINT, block->anchor);
      g_string_append_printf (out, "<li><a href=\"%s\">", href);
      append_escaped (out, block->text, -1);
      g_string_append (out, "</a>");
    }
  if (depth == 0)
    {
      /* A document without headings: its one part */
      g_autofree char *file = pl_epub_part_file (0, "xhtml");

      g_string_append_printf (out, "<ol>\n<li><a href=\"%s\">", file);
      append_escaped (out, pl_document_get_title (document), -1);
      g_string_append (out, "</a>");
      depth = 1;
    }
  g_string_append (out, "</li>\n");
  for (; depth > 1; depth--)
    g_string_append (out, "</ol>\n</li>\n");
  g_string_append (out, "</ol>\n</nav>\n</body>\n</html>\n");
  return g_string_free (out, FALSE);
}

static void
part_free (gpointer data)
{
  PlEpubPart *part = data;

  g_free (part->title);
  g_free (part->xhtml);
  g_free (part);
}

PlEpubBook *
pl_epub_book_new (PlDocument          *document,
                  const PlEpubOptions *options,
                  PlSpeech            *speech)
{
  PlEpubBook *book = g_new0 (PlEpubBook, 1);
  g_autoptr(PlEpubOptions) own = NULL;
  g_autoptr(GArray) starts = pl_document_get_part_starts (document);
  guint n_blocks = pl_document_get_n_blocks (document);
  GArray *clips;
  guint c = 0;

  own = pl_epub_options_new ();
  if (options != NULL)
    {
      own->text_size = options->text_size;
      own->line_spacing = options->line_spacing;
      own->font_family = g_strdup (options->font_family);
      own->theme = g_strdup (options->theme);
      own->language = g_strdup (options->language);
      own->person_name = g_strdup (options->person_name);
      own->version = g_strdup (options->version);
      own->date = g_strdup (options->date);
    }
  if (own->language == NULL)
    own->language = g_strdup ("en-GB");
  if (own->version == NULL)
    own->version = g_strdup (pl_document_get_version (document));
  if (own->date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");

      own->date = pl_date_to_words (iso);
    }

  book->title = g_strdup (pl_document_get_title (document));
  book->language = g_strdup (own->language);
  book->version = g_strdup (own->version);
  book->person_name = g_strdup (own->person_name);
  book->renderer = pl_speech_renderer_new (speech, document);
  clips = pl_speech_renderer_get_clips (book->renderer);
  book->css = make_css (own);
  book->title_page = make_title_page (document, own);
  book->nav = make_nav (document, own, starts);

  book->parts = g_ptr_array_new_with_free_func (part_free);
  for (guint p = 0; p < starts->len; p++)
    {
      PlEpubPart *part = g_new0 (PlEpubPart, 1);
      const PlBlock *first;

      part->start_block = g_array_index (starts, guint, p);
      part->end_block = p + 1 < starts->len ? g_array_index (starts, guint, p + 1) : n_blocks;
      first = pl_document_get_block (document, part->start_block);
      part->title = g_strdup (first->kind == PL_BLOCK_HEADING ? first->text
                                                              : pl_document_get_title (document));
      part->first_clip = c;
      while (c < clips->len && g_array_index (clips, PlSpeechClip, c).block < part->end_block)
        c++;
      part->end_clip = c;
      part->xhtml = make_part (document, own, starts, p, part, clips);
      g_ptr_array_add (book->parts, part);
    }
  return book;
}

void
pl_epub_book_free (PlEpubBook *book)
{
  if (book == NULL)
    return;
  g_free (book->title);
  g_free (book->language);
  g_free (book->version);
  g_free (book->person_name);
  g_free (book->css);
  g_free (book->title_page);
  g_free (book->nav);
  g_clear_pointer (&book->parts, g_ptr_array_unref);
  g_clear_pointer (&book->renderer, pl_speech_renderer_free);
  g_free (book);
}
