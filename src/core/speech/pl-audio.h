/* pl-audio.h: where synthesised speech goes (speaker, WAV file, memory)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Samples are signed 16-bit, mono, at the rate the speech engine gives.
 * Internal to the core library: the app and tests use PlSpeech.
 */

#pragma once

#include <glib.h>

#include "pl-output-file.h"

G_BEGIN_DECLS

typedef struct _PlAudioSink PlAudioSink;

typedef enum
{
  PL_AUDIO_FORMAT_WAV,
  PL_AUDIO_FORMAT_MP3,    /* what every phone and car plays */
  PL_AUDIO_FORMAT_OGG,    /* Ogg Vorbis: open, and smaller than WAV */
} PlAudioFormat;

/* The format a file name asks for by its ending (".mp3", ".ogg", ".oga");
 * WAV for anything else */
PlAudioFormat pl_audio_format_for_path  (const char     *path);
/* The ending to give a file of this format, without the dot */
const char   *pl_audio_format_extension (PlAudioFormat   format);

/* The sound output. Fails with PL_SPEECH_ERROR_NO_AUDIO_DEVICE when there is
 * no speaker to open, rather than playing into nothing. */
PlAudioSink *pl_audio_sink_new_device   (guint           rate,
                                         GError        **error);
/* A WAV file written beside path and renamed over it by finish, so a full
 * disk, an error or a cancel leaves nothing half-written */
PlAudioSink *pl_audio_sink_new_wav_file (const char     *path,
                                         guint           rate,
                                         GError        **error);
/* The same for any format, written the same careful way */
PlAudioSink *pl_audio_sink_new_file     (const char     *path,
                                         guint           rate,
                                         PlAudioFormat   format,
                                         GError        **error);
/* The same, with a chapter for each of chapters (NULL-terminated) that
 * pl_audio_sink_mark_chapter () places: ID3v2 CHAP frames in an MP3 file,
 * so a phone can skip from part to part; other formats have none */
PlAudioSink *pl_audio_sink_new_file_with_chapters (const char     *path,
                                                   guint           rate,
                                                   PlAudioFormat   format,
                                                   const char     *title,
                                                   GStrv           chapters,
                                                   GError        **error);
/* The next chapter starts at sample (counted from the first written) */
void         pl_audio_sink_mark_chapter (PlAudioSink    *sink,
                                         guint64         sample);
/* An MP3 or Ogg file inside output, from where its descriptor is now to
 * its end: for a container (a talking book) that commits output itself.
 * finish completes the sound; output stays open. */
PlAudioSink *pl_audio_sink_new_in_output (PlOutputFile  *output,
                                          guint           rate,
                                          PlAudioFormat   format,
                                          GError        **error);
/* Keeps every sample (see pl_audio_sink_get_samples) */
PlAudioSink *pl_audio_sink_new_memory   (void);
/* Drops every sample: for timing and tests */
PlAudioSink *pl_audio_sink_new_null     (void);

/* Blocks while a device's buffer is full */
gboolean     pl_audio_sink_write        (PlAudioSink    *sink,
                                         const gint16   *samples,
                                         gsize           n_samples,
                                         GError        **error);
/* Drops what a device has queued but not played */
void         pl_audio_sink_flush        (PlAudioSink    *sink);
/* Microseconds until a sample written now is heard: 0 for a sink that is
 * not a device, -1 when the device cannot say */
gint64       pl_audio_sink_get_latency  (PlAudioSink    *sink);
/* Plays out what is queued, or completes and renames the file */
gboolean     pl_audio_sink_finish       (PlAudioSink    *sink,
                                         GError        **error);
/* Samples written so far (memory sinks only; else NULL) */
GArray      *pl_audio_sink_get_samples  (PlAudioSink    *sink);
/* A file sink that was not finished removes its temporary file */
void         pl_audio_sink_free         (PlAudioSink    *sink);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlAudioSink, pl_audio_sink_free)

G_END_DECLS
