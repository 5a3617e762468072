/* test-epub.c: talking books (EPUB 3 with narration) and MP3 chapters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each book is read back as a reading app would: epubcheck passes it with
 * no errors and no warnings, its pages say the document's words in order,
 * and for the example plan every sentence's clip in the Media Overlays
 * lies within 50 ms of where that sentence is in the sound. Where it is
 * is found apart from the writer: each sentence is made again on its own,
 * and its beginning found in the decoded MP3 by its loudness; a clip ends
 * where the next begins, and the last where its part's sound ends.
 * (espeak-ng makes a sentence a little differently after other sentences,
 * so a sentence made again can be tens of milliseconds longer or shorter,
 * and a sum of their lengths drifts; each start is found on its own.) An
 * MP3 file's chapters are read back from its ID3 tag.
 *
 * epubcheck is Java and takes a while, so it checks one book of each kind.
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <sndfile.h>
#include <zlib.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "pl-access.h"
#include "pl-demo.h"
#include "pl-document.h"
#include "pl-epub.h"
#include "pl-id3.h"
#include "pl-speech-private.h"
#include "pl-test-util.h"

#define EPUBCHECK_JAR "/usr/share/java/epubcheck.jar"
#define TOLERANCE_MS 50

typedef struct
{
  char    *dir;
  PlStore *store;
  gint64   person;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = pl_test_make_dir ("plainly-epub");
  f->store = pl_test_open_store (f->dir, NULL);
  g_assert_true (pl_demo_install (f->store, &f->person, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
}

static PlDocument *
build (Fixture        *f,
       PlDocumentKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlViewer) viewer = pl_access_open_person (f->store, f->person, NULL, &error);
  PlDocument *document;

  g_assert_no_error (error);
  document = pl_document_build_for (f->store, viewer, kind, &error);
  g_assert_no_error (error);
  return document;
}

/* Reading the ZIP container back, here alone */

static guint
get16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
get32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

/* Every entry, by name; names gets them in the order of the file */
static GHashTable *
read_zip (const char *path,
          GPtrArray  *names)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GHashTable *entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_bytes_unref);
  const guint8 *data, *end_record = NULL;
  guint n_entries;
  guint32 at;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  data = (const guint8 *) contents;
  g_assert_cmpuint (length, >, 22);
  for (gsize i = length - 22; i > 0 && end_record == NULL; i--)
    if (get32 (data + i) == 0x06054b50)
      end_record = data + i;
  g_assert_nonnull (end_record);
  n_entries = get16 (end_record + 10);
  at = get32 (end_record + 16);

  for (guint e = 0; e < n_entries; e++)
    {
      const guint8 *central = data + at;
      guint name_length = get16 (central + 28);
      guint method = get16 (central + 10);
      guint32 crc = get32 (central + 16);
      guint32 compressed = get32 (central + 20);
      guint32 size = get32 (central + 24);
      const guint8 *local = data + get32 (central + 42);
      char *name = g_strndup ((const char *) central + 46, name_length);
      const guint8 *body;
      guint8 *out = g_malloc (MAX (size, 1));

      g_assert_cmphex (get32 (central), ==, 0x02014b50);
      g_assert_cmphex (get32 (local), ==, 0x04034b50);
      /* No extra fields and the sizes in the local header, as EPUB asks */
      g_assert_cmpuint (get16 (local + 28), ==, 0);
      g_assert_cmpuint (get32 (local + 18), ==, compressed);
      body = local + 30 + get16 (local + 26);

      if (method == 0)
        {
          g_assert_cmpuint (compressed, ==, size);
          memcpy (out, body, size);
        }
      else
        {
          z_stream z = { 0 };

          g_assert_cmpuint (method, ==, 8);
          g_assert_cmpint (inflateInit2 (&z, -MAX_WBITS), ==, Z_OK);
          z.next_in = (Bytef *) body;
          z.avail_in = compressed;
          z.next_out = out;
          z.avail_out = size;
          g_assert_cmpint (inflate (&z, Z_FINISH), ==, Z_STREAM_END);
          g_assert_cmpuint (z.total_out, ==, size);
          inflateEnd (&z);
        }
      g_assert_cmphex (crc32 (crc32 (0, NULL, 0), out, size), ==, crc);

      if (names != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_hash_table_insert (entries, name, g_bytes_new_take (out, size));
      at += 46 + name_length + get16 (central + 30) + get16 (central + 32);
    }
  return entries;
}

static char *
entry_text (GHashTable *entries,
            const char *name)
{
  GBytes *bytes = g_hash_table_lookup (entries, name);
  gsize size = 0;
  const char *data;

  if (bytes == NULL)
    g_error ("The book has no %s", name);
  data = g_bytes_get_data (bytes, &size);
  /* The entries are text with no NUL of their own, kept with one after */
  g_assert_null (memchr (data, '\0', size));
  return g_strndup (data, size);
}

static void
assert_container (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  static const char mimetype[] = "application/epub+zip";

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* "mimetype" first, stored, its text where a reading app looks for it */
  g_assert_cmpuint (length, >, 38 + strlen (mimetype));
  g_assert_cmpmem (contents, 4, "PK\003\004", 4);
  g_assert_cmpuint (get16 ((const guint8 *) contents + 8), ==, 0);
  g_assert_cmpuint (get16 ((const guint8 *) contents + 26), ==, 8);
  g_assert_cmpuint (get16 ((const guint8 *) contents + 28), ==, 0);
  g_assert_cmpmem (contents + 30, 8, "mimetype", 8);
  g_assert_cmpmem (contents + 38, strlen (mimetype), mimetype, strlen (mimetype));
}

/* epubcheck, as publishers run it: no errors, no warnings */
static gboolean
epubcheck (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *java = g_find_program_in_path ("java");
  int status = 0;
  const char *argv[] = { "java", "-jar", EPUBCHECK_JAR, path, NULL };

  if (!g_file_test (EPUBCHECK_JAR, G_FILE_TEST_EXISTS) || java == NULL)
    {
      g_test_skip ("epubcheck is not installed (Debian package epubcheck)");
      return FALSE;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL) || strstr (out, "No errors or warnings detected") == NULL)
    g_error ("epubcheck found problems in %s:\n%s%s", path, out, err);
  return TRUE;
}

/* Words, lower case, with every mark between them left out */
static GPtrArray *
words_of (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_ptr_array_add (words, g_utf8_strdown (word->str, -1));
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  return words;
}

/* The text of a page, as XML: every element apart from its neighbours */
static void
text_cb (GMarkupParseContext *context,
         const char          *text,
         gsize                length,
         gpointer             data,
         GError             **error)
{
  const GSList *stack = g_markup_parse_context_get_element_stack (context);

  /* The <title> in <head> is the page's name, not its text */
  if (stack != NULL && g_strcmp0 (stack->data, "title") == 0)
    return;
  g_string_append_len (data, text, (gssize) length);
}

static void
start_cb (GMarkupParseContext  *context,
          const char           *element,
          const char          **names,
          const char          **values,
          gpointer              data,
          GError              **error)
{
  g_string_append_c (data, ' ');
}

static void
page_text (const char *xhtml,
           GString    *out)
{
  GMarkupParser parser = { .start_element = start_cb, .text = text_cb };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, out, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_markup_parse_context_parse (context, xhtml, -1, &error) &&
                 g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
}

static void
assert_same_words (GPtrArray *expected,
                   GPtrArray *got)
{
  for (guint i = 0; i < MIN (expected->len, got->len); i++)
    if (!g_str_equal (g_ptr_array_index (expected, i), g_ptr_array_index (got, i)))
      g_error ("word %u of the book is “%s”, not “%s”", i,
               (char *) g_ptr_array_index (got, i), (char *) g_ptr_array_index (expected, i));
  g_assert_cmpuint (got->len, ==, expected->len);
}

/* The book's pages after the title page, in the order of its spine, say
 * the document's words in its order */
static void
assert_book_words (GHashTable *entries,
                   PlDocument *document)
{
  g_autofree char *package = entry_text (entries, "EPUB/package.opf");
  g_autofree char *text = pl_document_to_text (document);
  g_autoptr(GPtrArray) expected = words_of (text);
  g_autoptr(GPtrArray) got = NULL;
  g_autoptr(GString) pages = g_string_new (NULL);
  guint n_pages = 0;

  for (const char *p = strstr (package, "<itemref idref=\""); p != NULL;
       p = strstr (p + 1, "<itemref idref=\""))
    {
      g_autofree char *id = g_strndup (p + 16, strcspn (p + 16, "\""));
      g_autofree char *name = NULL;
      g_autofree char *page = NULL;

      if (g_str_equal (id, "title"))
        continue;
      g_assert_true (g_str_has_prefix (id, "part-"));
      name = g_strdup_printf ("EPUB/%s.xhtml", id);
      page = entry_text (entries, name);
      page_text (page, pages);
      n_pages++;
    }
  g_assert_cmpuint (n_pages, >, 0);
  got = words_of (pages->str);
  assert_same_words (expected, got);
}

/* The Media Overlays */

typedef struct
{
  char *text;       /* "part-1.xhtml#s3" */
  char *audio;
  guint begin_ms;
  guint end_ms;
} Par;

static void
par_free (gpointer data)
{
  Par *par = data;

  g_free (par->text);
  g_free (par->audio);
  g_free (par);
}

static guint
parse_seconds (const char *value)
{
  char *end = NULL;
  double seconds = g_ascii_strtod (value, &end);

  g_assert_true (g_str_equal (end, "s"));
  return (guint) lround (seconds * 1000);
}

static void
smil_start_cb (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              data,
               GError              **error)
{
  GPtrArray *pars = data;

  if (g_str_equal (element, "par"))
    g_ptr_array_add (pars, g_new0 (Par, 1));
  for (guint i = 0; names[i] != NULL && pars->len > 0; i++)
    {
      Par *par = g_ptr_array_index (pars, pars->len - 1);

      if (g_str_equal (element, "text") && g_str_equal (names[i], "src"))
        par->text = g_strdup (values[i]);
      else if (g_str_equal (element, "audio") && g_str_equal (names[i], "src"))
        par->audio = g_strdup (values[i]);
      else if (g_str_equal (element, "audio") && g_str_equal (names[i], "clipBegin"))
        par->begin_ms = parse_seconds (values[i]);
      else if (g_str_equal (element, "audio") && g_str_equal (names[i], "clipEnd"))
        par->end_ms = parse_seconds (values[i]);
    }
}

static GPtrArray *
read_smil (const char *smil)
{
  GMarkupParser parser = { .start_element = smil_start_cb };
  GPtrArray *pars = g_ptr_array_new_with_free_func (par_free);
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, pars, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_markup_parse_context_parse (context, smil, -1, &error) &&
                 g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  return pars;
}

/* The sound of an MP3, decoded by libsndfile (mpg123) */
static GArray *
decode_mp3 (const char *dir,
            GBytes     *mp3,
            guint      *out_rate)
{
  g_autofree char *path = g_build_filename (dir, "decoded.mp3", NULL);
  g_autoptr(GError) error = NULL;
  GArray *samples;
  SF_INFO info = { 0 };
  SNDFILE *file;
  gsize size = 0;
  const char *data = g_bytes_get_data (mp3, &size);

  g_assert_true (g_file_set_contents (path, data, (gssize) size, &error));
  g_assert_no_error (error);
  file = sf_open (path, SFM_READ, &info);
  g_assert_nonnull (file);
  g_assert_cmpint (info.channels, ==, 1);
  samples = g_array_sized_new (FALSE, TRUE, sizeof (gint16), (guint) info.frames);
  g_array_set_size (samples, (guint) info.frames);
  g_assert_cmpint (sf_read_short (file, (short *) samples->data, info.frames), ==, info.frames);
  sf_close (file);
  g_unlink (path);
  *out_rate = (guint) info.samplerate;
  return samples;
}

/* Loudness in steps of 5 ms */
#define STEP_MS 5

static GArray *
envelope (const gint16 *samples,
          gsize         n,
          guint         rate)
{
  gsize step = rate * STEP_MS / 1000;
  GArray *out = g_array_new (FALSE, FALSE, sizeof (double));

  for (gsize at = 0; at + step <= n; at += step)
    {
      double sum = 0;

      for (gsize i = at; i < at + step; i++)
        sum += (double) samples[i] * samples[i];
      sum = sqrt (sum / (double) step);
      g_array_append_val (out, sum);
    }
  return out;
}

/* How far (ms) the sentence's own loudness is from where the clip puts it
 * in the decoded sound: the shift within ±250 ms that matches it best */
static int
sentence_offset_ms (GArray *decoded,
                    GArray *alone,
                    guint   begin_ms,
                    guint   rate)
{
  int best_shift = 0;
  double best = -G_MAXDOUBLE;
  int start = (int) ((guint64) begin_ms * rate / 1000 / (rate * STEP_MS / 1000));

  for (int shift = -250 / STEP_MS; shift <= 250 / STEP_MS; shift++)
    {
      double dot = 0, a2 = 0, b2 = 0;

      for (guint i = 0; i < alone->len; i++)
        {
          int j = start + shift + (int) i;
          double a = g_array_index (alone, double, i);
          double b = j >= 0 && j < (int) decoded->len ? g_array_index (decoded, double, j) : 0.0;

          dot += a * b;
          a2 += a * a;
          b2 += b * b;
        }
      if (a2 > 0 && b2 > 0 && dot / sqrt (a2 * b2) > best)
        {
          best = dot / sqrt (a2 * b2);
          best_shift = shift;
        }
    }
  return best_shift * STEP_MS;
}

static void
assert_near_ms (const char *what,
                guint       index,
                double      got,
                double      expected)
{
  if (fabs (got - expected) > TOLERANCE_MS)
    g_error ("sentence %u: %s is at %.0f ms, where the sound has it at %.0f ms", index, what,
             got, expected);
}

/* Each part's sentences, made again one by one: their clips begin and end
 * where their samples say, and each is heard in the decoded MP3 there */
static void
assert_timings (Fixture    *f,
                GHashTable *entries,
                PlDocument *document,
                PlSpeech   *speech)
{
  g_autoptr(GArray) starts = pl_document_get_part_starts (document);
  g_autoptr(GPtrArray) utterances = pl_speech_build_utterances (document, 0, 0, PL_SPEECH_TO_END,
                                                                (guint) speech->voice.pause_ms);
  guint u = 0, n_checked = 0;

  for (guint p = 0; p < starts->len; p++)
    {
      guint end_block = p + 1 < starts->len ? g_array_index (starts, guint, p + 1) : G_MAXUINT;
      g_autofree char *smil_name = g_strdup_printf ("EPUB/part-%u.smil", p + 1);
      g_autofree char *mp3_name = g_strdup_printf ("EPUB/audio/part-%u.mp3", p + 1);
      g_autofree char *smil = entry_text (entries, smil_name);
      g_autoptr(GPtrArray) pars = read_smil (smil);
      g_autoptr(GArray) decoded = NULL;
      g_autoptr(GArray) decoded_envelope = NULL;
      guint rate = 0;
      guint par = 0;
      guint previous_end_ms = 0;

      decoded = decode_mp3 (f->dir, g_hash_table_lookup (entries, mp3_name), &rate);
      g_assert_cmpuint (rate, ==, pl_speech_get_sample_rate ());
      decoded_envelope = envelope ((const gint16 *) decoded->data, decoded->len, rate);

      for (; u < utterances->len &&
             ((PlSpeechUtterance *) g_ptr_array_index (utterances, u))->block < end_block; u++)
        {
          const PlSpeechUtterance *utterance = g_ptr_array_index (utterances, u);
          g_autoptr(GArray) pcm = NULL;
          g_autofree guint64 *word_samples = NULL;
          g_autoptr(GError) error = NULL;
          g_autofree char *expected_text = g_strdup_printf ("part-%u.xhtml#s%u", p + 1, u + 1);
          g_autofree char *expected_audio = g_strdup_printf ("audio/part-%u.mp3", p + 1);
          guint64 lead = (guint64) utterance->lead_ms * rate / 1000;
          const Par *clip;

          g_assert_true (pl_speech_synthesise (&speech->voice, utterance, NULL, NULL, &pcm,
                                               &word_samples, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (par, <, pars->len);
          clip = g_ptr_array_index (pars, par++);
          g_assert_cmpstr (clip->text, ==, expected_text);
          g_assert_cmpstr (clip->audio, ==, expected_audio);

          /* Each clip takes up where the one before ended, after the pause
           * before a part */
          assert_near_ms ("its start", u, clip->begin_ms, (double) previous_end_ms + utterance->lead_ms);
          previous_end_ms = clip->end_ms;

          /* Its first second is heard where the clip begins, found by its
           * own loudness; so the clip before ends there too */
          if (pcm->len > lead)
            {
              gsize span = MIN (pcm->len - lead, (gsize) rate);
              g_autoptr(GArray) head = envelope ((const gint16 *) pcm->data + lead, span, rate);
              int offset = sentence_offset_ms (decoded_envelope, head, clip->begin_ms, rate);

              if (ABS (offset) > TOLERANCE_MS)
                g_error ("sentence %u (%s) is heard %d ms from where its clip begins", u,
                         utterance->text, offset);
            }
          n_checked++;
        }
      g_assert_cmpuint (par, ==, pars->len);
      /* The part's sound ends with its last sentence */
      assert_near_ms ("the part's end", u, previous_end_ms, (double) decoded->len * 1000 / rate);
    }
  g_assert_cmpuint (u, ==, utterances->len);
  g_test_message ("%u sentences within %d ms", n_checked, TOLERANCE_MS);
}

static void
test_example_plan (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = build (f, PL_DOCUMENT_PLAN);
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(PlSettings) settings = pl_store_get_settings (f->store, f->person, &error);
  g_autoptr(PlPerson) person = pl_store_load_person (f->store, f->person, &error);
  g_autoptr(PlEpubOptions) options = NULL;
  g_autoptr(GHashTable) entries = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = g_build_filename (f->dir, "plan.epub", NULL);
  g_autofree char *package = NULL;
  g_autofree char *title_page = NULL;
  g_autofree char *nav = NULL;
  g_autofree char *css = NULL;
  struct stat st;

  g_assert_no_error (error);
  if (pl_speech_get_sample_rate () == 0)
    {
      g_test_skip ("espeak-ng cannot start here");
      return;
    }
  pl_speech_apply_settings (speech, settings);
  options = pl_epub_options_for_reader (settings, person, document);
  g_assert_true (pl_epub_save (document, options, speech, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Only its owner may read it, as every file of care records */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  assert_container (path);
  entries = read_zip (path, names);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "mimetype");

  package = entry_text (entries, "EPUB/package.opf");
  g_assert_nonnull (strstr (package, "<dc:title>Dot&apos;s care and support plan</dc:title>"));
  g_assert_nonnull (strstr (package, "<dc:language>en-GB</dc:language>"));
  g_assert_nonnull (strstr (package, "property=\"dcterms:modified\""));
  g_assert_nonnull (strstr (package, "<meta property=\"dcterms:hasVersion\">Version 1</meta>"));
  g_assert_nonnull (strstr (package, "<meta property=\"media:duration\">"));
  g_assert_nonnull (strstr (package, "media-overlay=\"smil-1\""));

  /* The version and the day it was made, in words, on its title page */
  title_page = entry_text (entries, "EPUB/title.xhtml");
  g_assert_nonnull (strstr (title_page, "Version 1"));
  g_assert_nonnull (strstr (title_page, "Made on "));
  g_assert_nonnull (strstr (title_page, "Dorothy May Whitaker"));

  /* The outline: every part, linked to its page */
  nav = entry_text (entries, "EPUB/nav.xhtml");
  g_assert_nonnull (strstr (nav, "<a href=\"part-2.xhtml#b-about-me\">About me</a>"));
  g_assert_nonnull (strstr (nav, "epub:type=\"toc\""));

  /* Large print in the reader's own size and spacing */
  css = entry_text (entries, "EPUB/style.css");
  {
    g_autofree char *size = g_strdup_printf ("font-size: %.1fpt", MAX ((double) settings->text_size, 16.0));

    g_assert_nonnull (strstr (css, size));
  }

  assert_book_words (entries, document);
  assert_timings (f, entries, document, speech);
  epubcheck (path);
}

/* Every other kind of document, read quickly: it passes epubcheck and
 * says the document's words */
static void
test_kinds (Fixture       *f,
            gconstpointer  data)
{
  PlDocumentKind kinds[] = { PL_DOCUMENT_WELCOME, PL_DOCUMENT_COMPLAINT, PL_DOCUMENT_DIARY };
  g_autoptr(PlSpeech) speech = pl_speech_new ();

  if (pl_speech_get_sample_rate () == 0)
    {
      g_test_skip ("espeak-ng cannot start here");
      return;
    }
  /* The words and the package are what is checked here, not the voice */
  pl_speech_set_rate (speech, PL_SPEECH_RATE_MAX);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlDocument) document = build (f, kinds[k]);
      g_autoptr(GHashTable) entries = NULL;
      g_autofree char *path = g_strdup_printf ("%s/%s.epub", f->dir,
                                               pl_document_kind_to_nick (kinds[k]));

      g_test_message ("%s", pl_document_kind_to_nick (kinds[k]));
      g_assert_true (pl_epub_save (document, NULL, speech, path, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      assert_container (path);
      entries = read_zip (path, NULL);
      assert_book_words (entries, document);
      if (!epubcheck (path))
        return;
    }
}

/* Nothing is written over the database, and a cancelled book leaves nothing */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(PlDocument) document = build (f, PL_DOCUMENT_COMPLAINT);
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *database = g_build_filename (f->dir, "plainly.db", NULL);
  g_autofree char *path = g_build_filename (f->dir, "cancelled.epub", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_false (pl_epub_save (document, NULL, speech, database, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_false (pl_epub_save (document, NULL, speech, path, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* No temporary file left beside it either */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".cancelled.epub") || strstr (name, "cancelled") != NULL);
}

/* The book is made off the main thread, with progress to the end */
static void
progress_cb (double   fraction,
             gpointer data)
{
  double *last = data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  GError **error = data;

  pl_epub_save_finish (result, error);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "saved");
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(PlDocument) document = build (f, PL_DOCUMENT_COMPLAINT);
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autofree char *path = g_build_filename (f->dir, "async.epub", NULL);
  GError *done = NULL;
  double last = 0;

  if (pl_speech_get_sample_rate () == 0)
    {
      g_test_skip ("espeak-ng cannot start here");
      return;
    }
  pl_speech_set_rate (speech, PL_SPEECH_RATE_MAX);
  pl_epub_save_async (document, NULL, speech, path, progress_cb, &last, NULL, saved_cb, &done);
  /* The document may go at once: the book was made from it already */
  g_clear_object (&document);
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (done, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&done);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* MP3 chapters */

typedef struct
{
  char    *id;
  guint32  start_ms;
  guint32  end_ms;
  char    *title;
} Chapter;

static void
chapter_free (gpointer data)
{
  Chapter *chapter = data;

  g_free (chapter->id);
  g_free (chapter->title);
  g_free (chapter);
}

static guint32
get32_be (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* A TIT2 frame's UTF-16 text */
static char *
frame_title (const guint8 *body,
             gsize         size)
{
  g_assert_cmpuint (size, >=, 3);
  g_assert_cmpuint (body[0], ==, 1);
  g_assert_cmpuint (body[1], ==, 0xff);
  g_assert_cmpuint (body[2], ==, 0xfe);
  {
    gsize n = (size - 3) / 2;
    g_autofree gunichar2 *units = g_new0 (gunichar2, n + 1);

    for (gsize i = 0; i < n; i++)
      units[i] = (gunichar2) (body[3 + 2 * i] | (body[4 + 2 * i] << 8));
    return g_utf16_to_utf8 (units, -1, NULL, NULL, NULL);
  }
}

/* The frames of an ID3v2.3 tag: the title, the chapters, and the tables
 * of contents as "id:flags:child,child" */
static guint32
read_id3 (const guint8  *data,
          gsize          size,
          char         **out_title,
          GPtrArray     *chapters,
          GPtrArray     *tables)
{
  guint32 tag_size;
  gsize at = 10;

  g_assert_cmpuint (size, >, 10);
  g_assert_cmpmem (data, 3, "ID3", 3);
  g_assert_cmpuint (data[3], ==, 3);
  tag_size = ((guint32) data[6] << 21) | ((guint32) data[7] << 14) | ((guint32) data[8] << 7) | data[9];
  g_assert_cmpuint (tag_size + 10, <=, size);

  while (at + 10 <= tag_size + 10)
    {
      const guint8 *frame = data + at;
      guint32 frame_size = get32_be (frame + 4);
      const guint8 *body = frame + 10;

      g_assert_cmpuint (at + 10 + frame_size, <=, tag_size + 10);
      if (memcmp (frame, "TIT2", 4) == 0)
        *out_title = frame_title (body, frame_size);
      else if (memcmp (frame, "CHAP", 4) == 0)
        {
          Chapter *chapter = g_new0 (Chapter, 1);
          gsize id_length = strlen ((const char *) body);
          const guint8 *sub = body + id_length + 1 + 16;

          chapter->id = g_strdup ((const char *) body);
          chapter->start_ms = get32_be (body + id_length + 1);
          chapter->end_ms = get32_be (body + id_length + 5);
          g_assert_cmpmem (sub, 4, "TIT2", 4);
          chapter->title = frame_title (sub + 10, get32_be (sub + 4));
          g_ptr_array_add (chapters, chapter);
        }
      else if (memcmp (frame, "CTOC", 4) == 0)
        {
          GString *table = g_string_new ((const char *) body);
          const guint8 *p = body + strlen ((const char *) body) + 1;
          guint n = p[1];

          g_string_append_printf (table, ":%u:", p[0]);
          p += 2;
          for (guint i = 0; i < n; i++)
            {
              g_string_append_printf (table, "%s%s", i > 0 ? "," : "", (const char *) p);
              p += strlen ((const char *) p) + 1;
            }
          g_ptr_array_add (tables, g_string_free (table, FALSE));
        }
      at += 10 + frame_size;
    }
  return tag_size + 10;
}

static void
test_mp3_chapters (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PlDocument) document = build (f, PL_DOCUMENT_COMPLAINT);
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GPtrArray) chapters = g_ptr_array_new_with_free_func (chapter_free);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) starts = pl_document_get_part_starts (document);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) decoded = NULL;
  g_autofree char *path = g_build_filename (f->dir, "complaint.mp3", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) expected_table = g_string_new ("toc:3:");
  gsize length = 0;
  guint rate = 0;
  double duration_ms;

  if (pl_speech_get_sample_rate () == 0)
    {
      g_test_skip ("espeak-ng cannot start here");
      return;
    }
  g_assert_true (pl_speech_save_audio (speech, document, 0, PL_SPEECH_TO_END, path, &words,
                                       NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  read_id3 ((const guint8 *) contents, length, &title, chapters, tables);
  g_assert_cmpstr (title, ==, pl_document_get_title (document));

  /* One chapter a part, named by its heading, starting as its first word
   * is said and ending where the next starts */
  g_assert_cmpuint (starts->len, >, 1);
  g_assert_cmpuint (chapters->len, ==, starts->len);
  for (guint i = 0; i < chapters->len; i++)
    {
      const Chapter *chapter = g_ptr_array_index (chapters, i);
      const PlBlock *heading = pl_document_get_block (document, g_array_index (starts, guint, i));
      g_autofree char *id = g_strdup_printf ("ch%u", i + 1);
      guint first_word_ms = G_MAXUINT;

      g_assert_cmpstr (chapter->id, ==, id);
      g_assert_cmpstr (chapter->title, ==, heading->text);
      g_assert_cmpuint (chapter->start_ms, <, chapter->end_ms);
      if (i == 0)
        g_assert_cmpuint (chapter->start_ms, ==, 0);
      else
        g_assert_cmpuint (chapter->start_ms, ==,
                          ((Chapter *) g_ptr_array_index (chapters, i - 1))->end_ms);
      for (guint w = 0; w < words->len && first_word_ms == G_MAXUINT; w++)
        if (((PlSpeechWord *) g_ptr_array_index (words, w))->block >= g_array_index (starts, guint, i))
          first_word_ms = ((PlSpeechWord *) g_ptr_array_index (words, w))->ms;
      /* A label's words come before the heading's: the chapter may start
       * earlier than the first word, never after it */
      g_assert_cmpuint (chapter->start_ms, <=, first_word_ms + 1);
      g_assert_cmpuint (first_word_ms - chapter->start_ms, <, 1000);
      g_string_append_printf (expected_table, "%s%s", i > 0 ? "," : "", id);
    }

  /* One table of contents at the top, listing them in order */
  g_assert_cmpuint (tables->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (tables, 0), ==, expected_table->str);

  /* The sound after the tag still plays whole, and the last chapter ends with it */
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  decoded = decode_mp3 (f->dir, bytes, &rate);
  duration_ms = (double) decoded->len * 1000 / rate;
  g_assert_cmpfloat (fabs (duration_ms - ((Chapter *) g_ptr_array_index (chapters, chapters->len - 1))->end_ms),
                     <=, TOLERANCE_MS);
}

/* A CTOC frame counts to 255: more chapters are listed in tables of 255 */
static void
test_mp3_many_chapters (void)
{
  g_autofree PlId3Chapter *chapters = g_new0 (PlId3Chapter, 300);
  g_autoptr(GByteArray) tag = NULL;
  g_autoptr(GPtrArray) read = g_ptr_array_new_with_free_func (chapter_free);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("Day %u, Llŷr’s visit", i + 1);

      g_strv_builder_add (titles, name);
    }
  names = g_strv_builder_end (titles);
  for (guint i = 0; i < 300; i++)
    {
      chapters[i].title = names[i];
      chapters[i].start_ms = i * 1000;
      chapters[i].end_ms = (i + 1) * 1000;
    }
  tag = pl_id3_chapter_tag (NULL, chapters, 300);
  g_assert_cmpuint (read_id3 (tag->data, tag->len, &title, read, tables), ==, tag->len);
  g_assert_null (title);
  g_assert_cmpuint (read->len, ==, 300);
  g_assert_cmpstr (((Chapter *) g_ptr_array_index (read, 299))->title, ==, "Day 300, Llŷr’s visit");
  g_assert_cmpuint (((Chapter *) g_ptr_array_index (read, 299))->start_ms, ==, 299000);
  g_assert_cmpuint (tables->len, ==, 3);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (tables, 0), "toc1:1:ch1,ch2,"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (tables, 0), ",ch255"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (tables, 1), "toc2:1:ch256,"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (tables, 1), ",ch300"));
  g_assert_cmpstr (g_ptr_array_index (tables, 2), ==, "toc:3:toc1,toc2");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/plainly/epub/example-plan", Fixture, NULL, fixture_set_up, test_example_plan,
              fixture_tear_down);
  g_test_add ("/plainly/epub/kinds", Fixture, NULL, fixture_set_up, test_kinds, fixture_tear_down);
  g_test_add ("/plainly/epub/refusals", Fixture, NULL, fixture_set_up, test_refusals,
              fixture_tear_down);
  g_test_add ("/plainly/epub/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);
  g_test_add ("/plainly/mp3/chapters", Fixture, NULL, fixture_set_up, test_mp3_chapters,
              fixture_tear_down);
  g_test_add_func ("/plainly/mp3/many-chapters", test_mp3_many_chapters);

  return g_test_run ();
}
