/* pl-audio.c: where synthesised speech goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "pl-i18n.h"
#include <glib/gstdio.h>
#include <pcaudiolib/audio.h>
#include <pulse/context.h>
#include <pulse/error.h>
#include <pulse/introspect.h>
#include <pulse/mainloop.h>
#include <pulse/simple.h>
#include <sndfile.h>

#include "pl-audio.h"
#include "pl-id3.h"
#include "pl-output-file.h"
#include "pl-speech.h"

typedef enum
{
  SINK_DEVICE,
  SINK_WAV_FILE,
  SINK_ENCODED_FILE,  /* compressed, through libsndfile */
  SINK_MEMORY,
  SINK_NULL,
} SinkKind;

struct _PlAudioSink
{
  SinkKind             kind;
  guint                rate;

  pa_simple           *pulse;      /* a device through PulseAudio or PipeWire */
  struct audio_object *device;     /* a device through pcaudiolib (ALSA) */

  PlOutputFile        *output;     /* a file, written whole or not at all */
  gboolean             borrowed;   /* output is someone else's to commit */
  goffset              base;       /* where the encoder's own file begins in output */
  SNDFILE             *sndfile;
  guint64              written;    /* samples so far */
  char                *title;      /* for a file with chapters */
  GPtrArray           *chapter_titles;
  GArray              *chapter_starts; /* (element-type guint64) samples */
  guint8              *buffer;     /* WAV data not yet written */
  gsize                buffered;
  guint64              data_bytes;

  GArray              *samples;    /* (element-type gint16) */
};

static PlAudioSink *
sink_new (SinkKind kind,
          guint    rate)
{
  PlAudioSink *sink = g_new0 (PlAudioSink, 1);

  sink->kind = kind;
  sink->rate = rate;
  return sink;
}

/* How much sound PulseAudio holds before the speaker. Its default is two
 * seconds, which would put the highlight that far ahead of the voice and make
 * Pause slow to answer; a quarter of a second still leaves time to make the
 * next sentence on a slow machine, and the latency it reports covers the rest. */
#define DEVICE_BUFFER_MS 250
#define DEVICE_START_MS 40

typedef enum
{
  PULSE_ABSENT,     /* no server: try pcaudiolib */
  PULSE_DUMMY,      /* a server with no sound card behind it */
  PULSE_SPEAKER,
} PulseOutput;

static void
server_info_cb (pa_context           *context,
                const pa_server_info *info,
                gpointer              data)
{
  PulseOutput *output = data;

  /* PulseAudio, and PipeWire in its place, offer a "Dummy Output" called
   * auto_null when there is no sound card: it takes the sound, says all is
   * well, and nobody hears anything */
  *output = info != NULL && g_strcmp0 (info->default_sink_name, "auto_null") == 0 ?
            PULSE_DUMMY : PULSE_SPEAKER;
}

static PulseOutput
pulse_output (void)
{
  pa_mainloop *loop = pa_mainloop_new ();
  pa_context *context = pa_context_new (pa_mainloop_get_api (loop), "Plainly");
  PulseOutput output = PULSE_ABSENT;
  pa_context_state_t state = PA_CONTEXT_UNCONNECTED;

  if (context != NULL && pa_context_connect (context, NULL, PA_CONTEXT_NOFLAGS, NULL) >= 0)
    {
      for (state = pa_context_get_state (context);
           state != PA_CONTEXT_READY && PA_CONTEXT_IS_GOOD (state);
           state = pa_context_get_state (context))
        pa_mainloop_iterate (loop, TRUE, NULL);
    }

  if (state == PA_CONTEXT_READY)
    {
      pa_operation *operation = pa_context_get_server_info (context, server_info_cb, &output);

      while (operation != NULL && pa_operation_get_state (operation) == PA_OPERATION_RUNNING)
        pa_mainloop_iterate (loop, TRUE, NULL);
      if (operation != NULL)
        pa_operation_unref (operation);
    }

  if (context != NULL)
    {
      pa_context_disconnect (context);
      pa_context_unref (context);
    }
  pa_mainloop_free (loop);
  return output;
}

static pa_simple *
open_pulse (guint rate)
{
  pa_sample_spec spec = { .format = PA_SAMPLE_S16LE, .rate = rate, .channels = 1 };
  pa_buffer_attr attr = {
    .maxlength = (guint32) -1,
    .tlength = (guint32) pa_usec_to_bytes ((pa_usec_t) DEVICE_BUFFER_MS * 1000, &spec),
    /* Start as soon as a little is queued: the default waits for a full
     * buffer, which the server may size so that it is never quite full */
    .prebuf = (guint32) pa_usec_to_bytes ((pa_usec_t) DEVICE_START_MS * 1000, &spec),
    .minreq = (guint32) -1,
    .fragsize = (guint32) -1,
  };
  pa_simple *pulse;
  int status = 0;

  pulse = pa_simple_new (NULL, "Plainly", PA_STREAM_PLAYBACK, NULL, "Reading aloud",
                         &spec, NULL, &attr, &status);
  if (pulse == NULL)
    g_debug ("No PulseAudio output: %s", pa_strerror (status));
  return pulse;
}

PlAudioSink *
pl_audio_sink_new_device (guint    rate,
                          GError **error)
{
  g_autoptr(PlAudioSink) sink = sink_new (SINK_DEVICE, rate);
  PulseOutput output = pulse_output ();
  int status = 0;

  if (output == PULSE_DUMMY)
    status = -1;
  else if (output == PULSE_SPEAKER)
    sink->pulse = open_pulse (rate);
  /* pcaudiolib would find the same dummy output, so only without a server */
  if (sink->pulse == NULL && output != PULSE_DUMMY)
    {
      sink->device = create_audio_device_object (NULL, "plainly", "Plainly");
      if (sink->device == NULL)
        status = -1;
      else
        status = audio_object_open (sink->device, AUDIO_OBJECT_FORMAT_S16LE, rate, 1);
    }

  if (status != 0)
    {
      if (sink->device != NULL)
        g_debug ("No sound output: %s", audio_object_strerror (sink->device, status));
      g_set_error_literal (error, PL_SPEECH_ERROR, PL_SPEECH_ERROR_NO_AUDIO_DEVICE,
                           _("Plainly cannot find a speaker or headphones. Check that they are "
                             "plugged in and switched on, then try again."));
      return NULL;
    }

  return g_steal_pointer (&sink);
}

static void
put_le32 (guint8  *p,
          guint32  value)
{
  p[0] = value & 0xff;
  p[1] = (value >> 8) & 0xff;
  p[2] = (value >> 16) & 0xff;
  p[3] = (value >> 24) & 0xff;
}

static void
put_le16 (guint8  *p,
          guint16  value)
{
  p[0] = value & 0xff;
  p[1] = (value >> 8) & 0xff;
}

/* The canonical 44-byte header of a PCM WAV file: 16-bit mono */
static void
wav_header (guint8   header[44],
            guint    rate,
            guint32  data_bytes)
{
  memcpy (header, "RIFF", 4);
  put_le32 (header + 4, 36 + data_bytes);
  memcpy (header + 8, "WAVEfmt ", 8);
  put_le32 (header + 16, 16);          /* size of the fmt chunk */
  put_le16 (header + 20, 1);           /* PCM */
  put_le16 (header + 22, 1);           /* channels */
  put_le32 (header + 24, rate);
  put_le32 (header + 28, rate * 2);    /* bytes a second */
  put_le16 (header + 32, 2);           /* bytes a frame */
  put_le16 (header + 34, 16);          /* bits a sample */
  memcpy (header + 36, "data", 4);
  put_le32 (header + 40, data_bytes);
}

/* The file's own plain message, in the speech error domain the app and
 * tests expect of a sound file */
static gboolean
file_failed (GError **error,
             GError  *file_error)
{
  if (file_error != NULL)
    g_set_error_literal (error, PL_SPEECH_ERROR, PL_SPEECH_ERROR_FILE, file_error->message);
  return FALSE;
}

#define WAV_BUFFER_BYTES 65536

static gboolean
flush_wav (PlAudioSink  *sink,
           GError      **error)
{
  g_autoptr(GError) file_error = NULL;

  if (sink->buffered > 0 &&
      !pl_output_file_write (sink->output, sink->buffer, sink->buffered, &file_error))
    return file_failed (error, file_error);
  sink->buffered = 0;
  return TRUE;
}

PlAudioSink *
pl_audio_sink_new_wav_file (const char  *path,
                            guint        rate,
                            GError     **error)
{
  g_autoptr(PlAudioSink) sink = sink_new (SINK_WAV_FILE, rate);
  g_autoptr(GError) file_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  /* Refuses the database, a folder, a device or a read-only file; the
   * temporary file beside the target is 0600 */
  sink->output = pl_output_file_new (path, &file_error);
  if (sink->output == NULL)
    {
      file_failed (error, file_error);
      return NULL;
    }

  /* The header's sizes are filled in by finish */
  sink->buffer = g_malloc (WAV_BUFFER_BYTES);
  wav_header (sink->buffer, rate, 0);
  sink->buffered = 44;

  return g_steal_pointer (&sink);
}

/* libsndfile writes through these, so every write is checked and the
 * encoder's file is the PlOutputFile's, from the sink's base on (after a
 * tag of chapters, or inside a talking book) */
static sf_count_t
vio_get_filelen (void *user_data)
{
  PlAudioSink *sink = user_data;
  struct stat st;

  if (fstat (pl_output_file_get_fd (sink->output), &st) != 0)
    return -1;
  return (sf_count_t) (st.st_size - sink->base);
}

static sf_count_t
vio_seek (sf_count_t  offset,
          int         whence,
          void       *user_data)
{
  PlAudioSink *sink = user_data;
  off_t at;

  if (whence == SEEK_SET)
    offset += sink->base;
  at = lseek (pl_output_file_get_fd (sink->output), (off_t) offset, whence);
  return at < 0 ? -1 : (sf_count_t) (at - sink->base);
}

static sf_count_t
vio_read (void       *ptr,
          sf_count_t  count,
          void       *user_data)
{
  PlAudioSink *sink = user_data;
  ssize_t n;

  do
    n = read (pl_output_file_get_fd (sink->output), ptr, (size_t) count);
  while (n < 0 && errno == EINTR);
  return n < 0 ? 0 : (sf_count_t) n;
}

static sf_count_t
vio_write (const void *ptr,
           sf_count_t  count,
           void       *user_data)
{
  PlAudioSink *sink = user_data;

  /* A failure is kept; finish reports it and removes the file */
  if (count < 0 || !pl_output_file_write (sink->output, ptr, (gsize) count, NULL))
    return 0;
  return count;
}

static sf_count_t
vio_tell (void *user_data)
{
  PlAudioSink *sink = user_data;
  off_t at = lseek (pl_output_file_get_fd (sink->output), 0, SEEK_CUR);

  return at < 0 ? -1 : (sf_count_t) (at - sink->base);
}

static SF_VIRTUAL_IO output_io = {
  .get_filelen = vio_get_filelen,
  .seek = vio_seek,
  .read = vio_read,
  .write = vio_write,
  .tell = vio_tell,
};

PlAudioFormat
pl_audio_format_for_path (const char *path)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, PL_AUDIO_FORMAT_WAV);

  lower = g_utf8_strdown (path, -1);
  if (g_str_has_suffix (lower, ".mp3"))
    return PL_AUDIO_FORMAT_MP3;
  if (g_str_has_suffix (lower, ".ogg") || g_str_has_suffix (lower, ".oga"))
    return PL_AUDIO_FORMAT_OGG;
  return PL_AUDIO_FORMAT_WAV;
}

const char *
pl_audio_format_extension (PlAudioFormat format)
{
  switch (format)
    {
    case PL_AUDIO_FORMAT_MP3:
      return "mp3";
    case PL_AUDIO_FORMAT_OGG:
      return "ogg";
    case PL_AUDIO_FORMAT_WAV:
    default:
      return "wav";
    }
}

/* Starts libsndfile's encoder on sink->output from sink->base on */
static gboolean
start_encoder (PlAudioSink    *sink,
               PlAudioFormat   format,
               const char     *path,
               GError        **error)
{
  g_autoptr(GError) file_error = NULL;
  SF_INFO info = { 0 };

  info.samplerate = (int) sink->rate;
  info.channels = 1;
  info.format = format == PL_AUDIO_FORMAT_MP3
                ? SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III
                : SF_FORMAT_OGG | SF_FORMAT_VORBIS;
  if (!sf_format_check (&info))
    {
      g_set_error (error, PL_SPEECH_ERROR, PL_SPEECH_ERROR_FILE,
                   _("Plainly cannot make %s sound files on this computer. "
                     "Save it as a WAV file instead."),
                   format == PL_AUDIO_FORMAT_MP3 ? "MP3" : "Ogg");
      return FALSE;
    }

  sink->sndfile = sf_open_virtual (&output_io, SFM_WRITE, &info, sink);
  if (sink->sndfile == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_debug ("libsndfile: %s", sf_strerror (NULL));
      if (!pl_output_file_check (sink->output, &file_error))
        file_failed (error, file_error);
      else
        g_set_error (error, PL_SPEECH_ERROR, PL_SPEECH_ERROR_FILE,
                     _("Plainly could not start the sound file “%s”."), display);
      return FALSE;
    }

  /* Speech needs far less than music: a small file that still sounds clear */
  {
    double level = 0.6;

    sf_command (sink->sndfile, SFC_SET_COMPRESSION_LEVEL, &level, sizeof level);
  }
  return TRUE;
}

static GByteArray *
chapter_tag (PlAudioSink *sink)
{
  guint n = sink->chapter_titles->len;
  g_autofree PlId3Chapter *chapters = g_new0 (PlId3Chapter, MAX (n, 1));
  guint rate = MAX (sink->rate, 1);

  for (guint i = 0; i < n; i++)
    {
      /* A part with nothing said starts where the next does */
      guint64 start = i < sink->chapter_starts->len
                      ? g_array_index (sink->chapter_starts, guint64, i) : sink->written;
      guint64 end = i + 1 < sink->chapter_starts->len
                    ? g_array_index (sink->chapter_starts, guint64, i + 1) : sink->written;

      chapters[i].title = g_ptr_array_index (sink->chapter_titles, i);
      chapters[i].start_ms = (guint32) MIN (start * 1000 / rate, G_MAXUINT32);
      chapters[i].end_ms = (guint32) MIN (end * 1000 / rate, G_MAXUINT32);
    }
  return pl_id3_chapter_tag (sink->title, chapters, n);
}

PlAudioSink *
pl_audio_sink_new_file (const char     *path,
                        guint           rate,
                        PlAudioFormat   format,
                        GError        **error)
{
  return pl_audio_sink_new_file_with_chapters (path, rate, format, NULL, NULL, error);
}

PlAudioSink *
pl_audio_sink_new_file_with_chapters (const char     *path,
                                      guint           rate,
                                      PlAudioFormat   format,
                                      const char     *title,
                                      GStrv           chapters,
                                      GError        **error)
{
  g_autoptr(PlAudioSink) sink = NULL;
  g_autoptr(GError) file_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (format == PL_AUDIO_FORMAT_WAV)
    return pl_audio_sink_new_wav_file (path, rate, error);

  sink = sink_new (SINK_ENCODED_FILE, rate);
  sink->output = pl_output_file_new (path, &file_error);
  if (sink->output == NULL)
    {
      file_failed (error, file_error);
      return NULL;
    }

  /* The tag's room is kept now and its times written by finish: its size
   * does not depend on them */
  if (format == PL_AUDIO_FORMAT_MP3 && chapters != NULL && chapters[0] != NULL)
    {
      g_autoptr(GByteArray) tag = NULL;

      sink->title = g_strdup (title);
      sink->chapter_titles = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; chapters[i] != NULL; i++)
        g_ptr_array_add (sink->chapter_titles, g_strdup (chapters[i]));
      sink->chapter_starts = g_array_new (FALSE, FALSE, sizeof (guint64));
      tag = chapter_tag (sink);
      if (!pl_output_file_write (sink->output, tag->data, tag->len, &file_error))
        {
          file_failed (error, file_error);
          return NULL;
        }
      sink->base = tag->len;
    }

  if (!start_encoder (sink, format, path, error))
    return NULL;
  return g_steal_pointer (&sink);
}

PlAudioSink *
pl_audio_sink_new_in_output (PlOutputFile   *output,
                             guint           rate,
                             PlAudioFormat   format,
                             GError        **error)
{
  g_autoptr(PlAudioSink) sink = NULL;
  off_t at;

  g_return_val_if_fail (output != NULL, NULL);
  g_return_val_if_fail (format != PL_AUDIO_FORMAT_WAV, NULL);

  sink = sink_new (SINK_ENCODED_FILE, rate);
  sink->output = output;
  sink->borrowed = TRUE;
  at = lseek (pl_output_file_get_fd (output), 0, SEEK_CUR);
  if (at < 0)
    {
      g_autoptr(GError) file_error = NULL;

      pl_output_file_set_failed (output, errno);
      pl_output_file_check (output, &file_error);
      file_failed (error, file_error);
      return NULL;
    }
  sink->base = (goffset) at;

  if (!start_encoder (sink, format, pl_output_file_get_path (output), error))
    return NULL;
  return g_steal_pointer (&sink);
}

void
pl_audio_sink_mark_chapter (PlAudioSink *sink,
                            guint64      sample)
{
  g_return_if_fail (sink != NULL);

  if (sink->chapter_starts != NULL && sink->chapter_starts->len < sink->chapter_titles->len)
    g_array_append_val (sink->chapter_starts, sample);
}

PlAudioSink *
pl_audio_sink_new_memory (void)
{
  PlAudioSink *sink = sink_new (SINK_MEMORY, 0);

  sink->samples = g_array_new (FALSE, FALSE, sizeof (gint16));
  return sink;
}

PlAudioSink *
pl_audio_sink_new_null (void)
{
  return sink_new (SINK_NULL, 0);
}

gboolean
pl_audio_sink_write (PlAudioSink   *sink,
                     const gint16  *samples,
                     gsize          n_samples,
                     GError       **error)
{
  g_return_val_if_fail (sink != NULL, FALSE);

  if (n_samples == 0)
    return TRUE;
  sink->written += n_samples;

  switch (sink->kind)
    {
    case SINK_DEVICE:
      {
        int status = 0;

        if (sink->pulse != NULL)
          pa_simple_write (sink->pulse, samples, n_samples * sizeof (gint16), &status);
        else
          status = audio_object_write (sink->device, samples, n_samples * sizeof (gint16));

        if (status != 0)
          {
            g_debug ("Sound output failed: %s", sink->pulse != NULL ? pa_strerror (status) :
                     audio_object_strerror (sink->device, status));
            g_set_error_literal (error, PL_SPEECH_ERROR, PL_SPEECH_ERROR_NO_AUDIO_DEVICE,
                                 _("Plainly lost the speaker or headphones. Check that they are "
                                   "plugged in and switched on, then try again."));
            return FALSE;
          }
        return TRUE;
      }

    case SINK_WAV_FILE:
      {
        gsize done = 0;

        if (sink->buffer == NULL)
          return TRUE;

        /* WAV is little-endian whatever the machine */
        while (done < n_samples)
          {
            gsize n = MIN (n_samples - done, (WAV_BUFFER_BYTES - sink->buffered) / 2);

            for (gsize i = 0; i < n; i++)
              put_le16 (sink->buffer + sink->buffered + 2 * i, (guint16) samples[done + i]);
            sink->buffered += 2 * n;
            done += n;
            if (sink->buffered + 2 > WAV_BUFFER_BYTES && !flush_wav (sink, error))
              return FALSE;
          }
        sink->data_bytes += n_samples * 2;
        if (sink->data_bytes > G_MAXUINT32 - 36)
          {
            g_set_error_literal (error, PL_SPEECH_ERROR, PL_SPEECH_ERROR_FILE,
                                 _("This is too long for one sound file. Save one part at a time."));
            return FALSE;
          }
        return TRUE;
      }

    case SINK_ENCODED_FILE:
      {
        g_autoptr(GError) file_error = NULL;

        if (sink->sndfile == NULL)
          return TRUE;
        /* Once the disk is full, the encoder is given nothing more */
        if (!pl_output_file_check (sink->output, &file_error))
          return file_failed (error, file_error);
        if (sf_write_short (sink->sndfile, samples, (sf_count_t) n_samples) != (sf_count_t) n_samples ||
            sf_error (sink->sndfile) != SF_ERR_NO_ERROR)
          {
            g_debug ("libsndfile: %s", sf_strerror (sink->sndfile));
            pl_output_file_set_failed (sink->output, EIO);
          }
        if (!pl_output_file_check (sink->output, &file_error))
          return file_failed (error, file_error);
        return TRUE;
      }

    case SINK_MEMORY:
      g_array_append_vals (sink->samples, samples, n_samples);
      return TRUE;

    case SINK_NULL:
    default:
      return TRUE;
    }
}

void
pl_audio_sink_flush (PlAudioSink *sink)
{
  g_return_if_fail (sink != NULL);

  if (sink->pulse != NULL)
    pa_simple_flush (sink->pulse, NULL);
  else if (sink->device != NULL)
    audio_object_flush (sink->device);
}

gint64
pl_audio_sink_get_latency (PlAudioSink *sink)
{
  pa_usec_t latency;
  int status = 0;

  g_return_val_if_fail (sink != NULL, -1);

  if (sink->kind != SINK_DEVICE)
    return 0;
  if (sink->pulse == NULL)
    return -1;

  latency = pa_simple_get_latency (sink->pulse, &status);
  if (status != 0)
    return -1;
  return (gint64) MIN (latency, (pa_usec_t) G_MAXINT64);
}

gboolean
pl_audio_sink_finish (PlAudioSink  *sink,
                      GError      **error)
{
  g_return_val_if_fail (sink != NULL, FALSE);

  switch (sink->kind)
    {
    case SINK_DEVICE:
      if (sink->pulse != NULL)
        pa_simple_drain (sink->pulse, NULL);
      else
        audio_object_drain (sink->device);
      return TRUE;

    case SINK_WAV_FILE:
      {
        g_autoptr(GError) file_error = NULL;
        guint8 header[44];

        if (sink->output == NULL)
          return TRUE;

        wav_header (header, sink->rate, (guint32) sink->data_bytes);
        if (!flush_wav (sink, error))
          return FALSE;
        if (!pl_output_file_write_at (sink->output, 0, header, sizeof header, &file_error) ||
            !pl_output_file_commit (sink->output, &file_error))
          return file_failed (error, file_error);
        g_clear_pointer (&sink->output, pl_output_file_free);
        return TRUE;
      }

    case SINK_ENCODED_FILE:
      {
        g_autoptr(GError) file_error = NULL;
        SNDFILE *sndfile = g_steal_pointer (&sink->sndfile);

        if (sink->output == NULL)
          return TRUE;

        /* The encoder's last frames are written by close */
        if (sndfile != NULL && sf_close (sndfile) != 0)
          pl_output_file_set_failed (sink->output, EIO);
        if (sink->chapter_titles != NULL)
          {
            g_autoptr(GByteArray) tag = chapter_tag (sink);

            g_assert ((goffset) tag->len == sink->base);
            pl_output_file_write_at (sink->output, 0, tag->data, tag->len, NULL);
          }
        if (sink->borrowed)
          {
            PlOutputFile *output = g_steal_pointer (&sink->output);

            if (!pl_output_file_check (output, &file_error))
              return file_failed (error, file_error);
            return TRUE;
          }
        if (!pl_output_file_commit (sink->output, &file_error))
          return file_failed (error, file_error);
        g_clear_pointer (&sink->output, pl_output_file_free);
        return TRUE;
      }

    case SINK_MEMORY:
    case SINK_NULL:
    default:
      return TRUE;
    }
}

GArray *
pl_audio_sink_get_samples (PlAudioSink *sink)
{
  g_return_val_if_fail (sink != NULL, NULL);

  return sink->samples;
}

void
pl_audio_sink_free (PlAudioSink *sink)
{
  if (sink == NULL)
    return;

  if (sink->pulse != NULL)
    pa_simple_free (sink->pulse);
  if (sink->device != NULL)
    {
      audio_object_close (sink->device);
      audio_object_destroy (sink->device);
    }

  if (sink->sndfile != NULL)
    sf_close (sink->sndfile);
  /* Still set: the file was never finished, so nothing half-written stays */
  if (!sink->borrowed)
    g_clear_pointer (&sink->output, pl_output_file_free);
  g_free (sink->title);
  g_clear_pointer (&sink->chapter_titles, g_ptr_array_unref);
  g_clear_pointer (&sink->chapter_starts, g_array_unref);
  g_free (sink->buffer);
  g_clear_pointer (&sink->samples, g_array_unref);
  g_free (sink);
}
