/* pl-epub.c: the talking book's package, narration and file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * EPUB 3's container: "mimetype" first and stored, META-INF/container.xml,
 * the package document with its metadata, manifest and spine, then for
 * each part its page, its sound (MP3, a core media type every reading app
 * plays) and a Media Overlay (SMIL) with a <par> for each sentence said.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include "pl-i18n.h"

#include "pl-audio.h"
#include "pl-epub-private.h"
#include "pl-output-file.h"
#include "pl-zip.h"

#define CONTAINER_XML \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n" \
  "<rootfiles>\n" \
  "<rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/>\n" \
  "</rootfiles>\n" \
  "</container>\n"

/* Media Overlays count in seconds; milliseconds are plenty */
static guint64
samples_to_ms (guint64 samples,
               guint   rate)
{
  return (samples * 1000 + rate / 2) / rate;
}

static char *
clock_value (guint64 ms)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%02u:%02u.%03u", ms / 3600000,
                          (guint) (ms / 60000 % 60), (guint) (ms / 1000 % 60), (guint) (ms % 1000));
}

static char *
seconds_value (guint64 ms)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%03us", ms / 1000, (guint) (ms % 1000));
}

static gboolean
add_text (PlZipWriter  *zip,
          const char   *name,
          const char   *text,
          GError      **error)
{
  return pl_zip_writer_add (zip, name, text, strlen (text), TRUE, error);
}

/* One part's Media Overlay: each sentence's span and its clip of the sound */
static char *
make_smil (PlEpubBook *book,
           guint       index,
           guint       rate)
{
  const PlEpubPart *part = g_ptr_array_index (book->parts, index);
  GArray *clips = pl_speech_renderer_get_clips (book->renderer);
  g_autofree char *page = pl_epub_part_file (index, "xhtml");
  g_autofree char *sound = pl_epub_part_file (index, "mp3");
  GString *out = g_string_new (NULL);

  g_string_append_printf (out,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<smil xmlns=\"http://www.w3.org/ns/SMIL\" "
                          "xmlns:epub=\"http://www.idpf.org/2007/ops\" version=\"3.0\">\n"
                          "<body>\n<seq id=\"seq-%u\" epub:textref=\"%s#part\">\n",
                          index + 1, page);
  for (guint c = part->first_clip; c < part->end_clip; c++)
    {
      const PlSpeechClip *clip = &g_array_index (clips, PlSpeechClip, c);
      guint64 begin = samples_to_ms (clip->begin, rate);
      guint64 end = samples_to_ms (clip->finish, rate);
      g_autofree char *id = pl_epub_clip_id (c);
      g_autofree char *clip_begin = NULL;
      g_autofree char *clip_end = NULL;

      if (end <= begin)
        continue;
      clip_begin = seconds_value (begin);
      clip_end = seconds_value (end);
      g_string_append_printf (out,
                              "<par id=\"par-%s\"><text src=\"%s#%s\"/>"
                              "<audio src=\"audio/%s\" clipBegin=\"%s\" clipEnd=\"%s\"/></par>\n",
                              id, page, id, sound, clip_begin, clip_end);
    }
  g_string_append (out, "</seq>\n</body>\n</smil>\n");
  return g_string_free (out, FALSE);
}

/* before, text escaped, then after */
static void
append_escaped (GString    *out,
                const char *before,
                const char *text,
                const char *after)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *escaped = g_markup_escape_text (valid, -1);

  g_string_append (out, before);
  g_string_append (out, escaped);
  g_string_append (out, after);
}

/* The package document: what the book is, what is in it, in what order */
static char *
make_package (PlEpubBook *book,
              GArray     *durations,   /* (element-type guint64) ms a part, 0: not narrated */
              const char *identifier)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *modified = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  guint64 total = 0;
  g_autofree char *total_value = NULL;
  gboolean narrated = FALSE;

  append_escaped (out,
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" "
                  "unique-identifier=\"book-id\" xml:lang=\"",
                  book->language,
                  "\">\n<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
  append_escaped (out, "<dc:identifier id=\"book-id\">", identifier, "</dc:identifier>\n");
  append_escaped (out, "<dc:title>", book->title, "</dc:title>\n");
  append_escaped (out, "<dc:language>", book->language, "</dc:language>\n");
  append_escaped (out, "<dc:date>", today, "</dc:date>\n");
  append_escaped (out, "<meta property=\"dcterms:modified\">", modified, "</meta>\n");
  /* NG21 1.2.6: which version of the plan this copy is */
  if (book->version != NULL && *book->version != '\0')
    append_escaped (out, "<meta property=\"dcterms:hasVersion\">", book->version, "</meta>\n");

  for (guint p = 0; p < durations->len; p++)
    {
      guint64 ms = g_array_index (durations, guint64, p);
      g_autofree char *value = NULL;

      if (ms == 0)
        continue;
      value = clock_value (ms);
      g_string_append_printf (out, "<meta property=\"media:duration\" refines=\"#smil-%u\">%s</meta>\n",
                              p + 1, value);
      total += ms;
      narrated = TRUE;
    }
  if (narrated)
    {
      total_value = clock_value (total);
      g_string_append_printf (out,
                              "<meta property=\"media:duration\">%s</meta>\n"
                              "<meta property=\"media:active-class\">-epub-media-overlay-active</meta>\n",
                              total_value);
    }

  /* What a reader needs to know before opening it (EPUB Accessibility 1.0) */
  g_string_append (out,
                   "<meta property=\"schema:accessMode\">textual</meta>\n"
                   "<meta property=\"schema:accessModeSufficient\">textual</meta>\n"
                   "<meta property=\"schema:accessibilityFeature\">largePrint</meta>\n"
                   "<meta property=\"schema:accessibilityFeature\">tableOfContents</meta>\n"
                   "<meta property=\"schema:accessibilityFeature\">readingOrder</meta>\n"
                   "<meta property=\"schema:accessibilityHazard\">none</meta>\n");
  if (narrated)
    g_string_append (out,
                     "<meta property=\"schema:accessMode\">auditory</meta>\n"
                     "<meta property=\"schema:accessModeSufficient\">auditory</meta>\n"
                     "<meta property=\"schema:accessibilityFeature\">synchronizedAudioText</meta>\n");
  g_string_append (out, "</metadata>\n<manifest>\n"
                        "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n"
                        "<item id=\"style\" href=\"style.css\" media-type=\"text/css\"/>\n"
                        "<item id=\"title\" href=\"title.xhtml\" media-type=\"application/xhtml+xml\"/>\n");
  for (guint p = 0; p < book->parts->len; p++)
    {
      g_autofree char *page = pl_epub_part_file (p, "xhtml");
      g_autofree char *smil = pl_epub_part_file (p, "smil");
      g_autofree char *sound = pl_epub_part_file (p, "mp3");

      if (g_array_index (durations, guint64, p) == 0)
        {
          g_string_append_printf (out, "<item id=\"part-%u\" href=\"%s\" media-type=\"application/xhtml+xml\"/>\n",
                                  p + 1, page);
          continue;
        }
      g_string_append_printf (out,
                              "<item id=\"part-%u\" href=\"%s\" media-type=\"application/xhtml+xml\" "
                              "media-overlay=\"smil-%u\"/>\n"
                              "<item id=\"smil-%u\" href=\"%s\" media-type=\"application/smil+xml\"/>\n"
                              "<item id=\"audio-%u\" href=\"audio/%s\" media-type=\"audio/mpeg\"/>\n",
                              p + 1, page, p + 1, p + 1, smil, p + 1, sound);
    }
  g_string_append (out, "</manifest>\n<spine>\n<itemref idref=\"title\"/>\n");
  for (guint p = 0; p < book->parts->len; p++)
    g_string_append_printf (out, "<itemref idref=\"part-%u\"/>\n", p + 1);
  g_string_append (out, "</spine>\n</package>\n");
  return g_string_free (out, FALSE);
}

static gboolean
write_book (PlEpubBook            *book,
            const char            *path,
            PlSpeechProgressFunc   progress,
            gpointer               progress_data,
            GCancellable          *cancellable,
            GError               **error)
{
  g_autoptr(PlOutputFile) output = NULL;
  g_autoptr(PlZipWriter) zip = NULL;
  g_autoptr(GArray) durations = g_array_new (FALSE, TRUE, sizeof (guint64));
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *identifier = g_strdup_printf ("urn:uuid:%s", uuid);
  g_autofree char *package = NULL;
  GArray *clips = pl_speech_renderer_get_clips (book->renderer);
  guint rate = pl_speech_get_sample_rate ();
  static const char mimetype[] = "application/epub+zip";

  if (rate == 0)
    {
      g_set_error_literal (error, PL_SPEECH_ERROR, PL_SPEECH_ERROR_ENGINE,
                           _("Plainly’s voice could not start, so the book cannot be read aloud. "
                             "Restart Plainly and try again."));
      return FALSE;
    }

  output = pl_output_file_new (path, error);
  if (output == NULL)
    return FALSE;
  zip = pl_zip_writer_new (output);

  /* The first entry, stored, so a reading app knows the file by its first bytes */
  if (!pl_zip_writer_add (zip, "mimetype", mimetype, strlen (mimetype), FALSE, error) ||
      !add_text (zip, "META-INF/container.xml", CONTAINER_XML, error) ||
      !add_text (zip, "EPUB/style.css", book->css, error) ||
      !add_text (zip, "EPUB/title.xhtml", book->title_page, error) ||
      !add_text (zip, "EPUB/nav.xhtml", book->nav, error))
    return FALSE;

  for (guint p = 0; p < book->parts->len; p++)
    {
      const PlEpubPart *part = g_ptr_array_index (book->parts, p);
      g_autofree char *page = pl_epub_part_file (p, "xhtml");
      g_autofree char *page_name = g_strconcat ("EPUB/", page, NULL);
      guint64 ms = 0;

      if (!add_text (zip, page_name, part->xhtml, error))
        return FALSE;

      if (part->end_clip > part->first_clip)
        {
          g_autofree char *sound = pl_epub_part_file (p, "mp3");
          g_autofree char *sound_name = g_strconcat ("EPUB/audio/", sound, NULL);
          g_autofree char *smil = pl_epub_part_file (p, "smil");
          g_autofree char *smil_name = g_strconcat ("EPUB/", smil, NULL);
          g_autofree char *smil_text = NULL;
          g_autoptr(PlAudioSink) sink = NULL;
          goffset offset;

          /* Stored: MP3 is compressed already */
          if (!pl_zip_writer_begin_stored (zip, sound_name, &offset, error))
            return FALSE;
          sink = pl_audio_sink_new_in_output (output, rate, PL_AUDIO_FORMAT_MP3, error);
          if (sink == NULL ||
              !pl_speech_renderer_run (book->renderer, part->start_block, part->end_block, sink,
                                       progress, progress_data, cancellable, error) ||
              !pl_zip_writer_end_stored (zip, error))
            return FALSE;

          ms = samples_to_ms (g_array_index (clips, PlSpeechClip, part->end_clip - 1).finish, rate);
          smil_text = make_smil (book, p, rate);
          if (!add_text (zip, smil_name, smil_text, error))
            return FALSE;
        }
      g_array_append_val (durations, ms);
    }

  package = make_package (book, durations, identifier);
  if (!add_text (zip, "EPUB/package.opf", package, error) ||
      !pl_zip_writer_finish (zip, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return pl_output_file_commit (output, error);
}

gboolean
pl_epub_save (PlDocument           *document,
              const PlEpubOptions  *options,
              PlSpeech             *speech,
              const char           *path,
              PlSpeechProgressFunc  progress,
              gpointer              progress_data,
              GCancellable         *cancellable,
              GError              **error)
{
  g_autoptr(PlEpubBook) book = NULL;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (PL_IS_SPEECH (speech), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Refuses the database and anything not a file before any work */
  if (!pl_output_file_check_target (path, error))
    return FALSE;
  book = pl_epub_book_new (document, options, speech);
  return write_book (book, path, progress, progress_data, cancellable, error);
}

/* Saving off the main thread */

typedef struct
{
  PlEpubBook           *book;
  char                 *path;
  PlProgressRelay       progress;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  pl_epub_book_free (job->book);
  g_free (job->path);
  pl_progress_relay_clear (&job->progress);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (write_book (job->book, job->path, pl_progress_relay_post, &job->progress, cancellable,
                  &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
pl_epub_save_async (PlDocument           *document,
                    const PlEpubOptions  *options,
                    PlSpeech             *speech,
                    const char           *path,
                    PlSpeechProgressFunc  progress,
                    gpointer              progress_data,
                    GCancellable         *cancellable,
                    GAsyncReadyCallback   callback,
                    gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  g_return_if_fail (PL_IS_DOCUMENT (document));
  g_return_if_fail (PL_IS_SPEECH (speech));
  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pl_epub_save_async);
  {
    g_autoptr(GError) error = NULL;

    if (!pl_output_file_check_target (path, &error))
      {
        g_task_return_error (task, g_steal_pointer (&error));
        return;
      }
  }

  job = g_new0 (SaveJob, 1);
  /* Made here: the document belongs to this thread */
  job->book = pl_epub_book_new (document, options, speech);
  job->path = g_strdup (path);
  pl_progress_relay_init (&job->progress, progress, progress_data);
  g_task_set_task_data (task, job, save_job_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
pl_epub_save_finish (GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
