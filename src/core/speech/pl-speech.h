/* pl-speech.h: reading a document aloud with espeak-ng
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PlSpeech reads a range of a PlDocument's blocks one sentence at a time,
 * off the main thread, and tells the main context it was made in which word
 * and sentence are being spoken, as character ranges in the block's own text
 * so a view can highlight them. It also saves a range as a WAV file.
 */

#pragma once

#include <gio/gio.h>

#include "pl-lexicon.h"
#include "pl-types.h"

G_BEGIN_DECLS

#define PL_SPEECH_ERROR (pl_speech_error_quark ())

typedef enum
{
  PL_SPEECH_ERROR_NO_AUDIO_DEVICE,  /* no speaker or headphones to play to */
  PL_SPEECH_ERROR_ENGINE,           /* espeak-ng would not start or speak */
  PL_SPEECH_ERROR_FILE,             /* a sound file could not be written */
} PlSpeechError;

typedef enum
{
  PL_SPEECH_STATE_IDLE,
  PL_SPEECH_STATE_SPEAKING,
  PL_SPEECH_STATE_PAUSED,
} PlSpeechState;

typedef enum
{
  PL_SPEECH_OUTPUT_SPEAKER,  /* the sound device (the default) */
  PL_SPEECH_OUTPUT_NULL,     /* nowhere, at a chosen pace: for tests and timing */
} PlSpeechOutput;

/* A range of characters (not bytes) in a block's text, end exclusive */
typedef struct
{
  guint start;
  guint end;
} PlSpeechRange;

/* One spoken word, as pl_speech_render and pl_speech_save_audio report it */
typedef struct
{
  guint    block;
  char    *anchor;     /* the block's anchor */
  guint    start;      /* characters in the block's text */
  guint    end;
  guint64  sample;     /* from the start of the audio */
  guint    ms;
} PlSpeechWord;

typedef void (*PlSpeechProgressFunc) (double   fraction,
                                      gpointer user_data);

/* Progress from a worker thread to the main context that started the work,
 * at most once a percent: what a file saved in a thread tells its progress
 * bar. pl_progress_relay_post () is itself a PlSpeechProgressFunc whose
 * user_data is the relay. */
typedef struct
{
  PlSpeechProgressFunc  func;
  gpointer              data;
  GMainContext         *context;
  double                last_fraction;
} PlProgressRelay;

void           pl_progress_relay_init    (PlProgressRelay      *relay,
                                          PlSpeechProgressFunc  func,
                                          gpointer              data);
void           pl_progress_relay_clear   (PlProgressRelay      *relay);
void           pl_progress_relay_post    (double                fraction,
                                          gpointer              relay);

#define PL_SPEECH_TO_END G_MAXUINT

#define PL_TYPE_SPEECH (pl_speech_get_type ())
G_DECLARE_FINAL_TYPE (PlSpeech, pl_speech, PL, SPEECH, GObject)

GQuark         pl_speech_error_quark     (void);

/* Text splitting, in characters of text; used for the word events and
 * available to views. Element type PlSpeechRange. A sentence longer than
 * PL_SPEECH_MAX_SENTENCE_CHARS is split after a comma or at a space, as
 * it would be heard only once all its sound was made. */
#define PL_SPEECH_MAX_SENTENCE_CHARS 1000
GArray        *pl_speech_split_sentences (const char      *text);
GArray        *pl_speech_split_words     (const char      *text,
                                          guint            start,
                                          guint            end);

/* The part a block belongs to: from the heading before it (or the block
 * itself if it is a heading) to the next heading of the same or a higher
 * level; end is exclusive */
void           pl_speech_part_range      (PlDocument      *document,
                                          guint            block,
                                          guint           *out_start,
                                          guint           *out_end);

/* What is said for blocks start to end (exclusive), one utterance (a
 * sentence, with its block's label before it) a line: the words that go to
 * espeak-ng, so tests can check they are the document's words */
char          *pl_speech_spoken_text     (PlDocument      *document,
                                          guint            start_block,
                                          guint            end_block);

PlSpeech      *pl_speech_new             (void);

/* A language espeak-ng can speak, for choosing a voice */
typedef struct
{
  char *tag;    /* as PlSettings.voice keeps it, e.g. "en-gb", "cy" */
  char *name;   /* espeak-ng's own name for it, e.g. "English (Great Britain)" */
} PlSpeechLanguage;

void           pl_speech_language_free   (PlSpeechLanguage *language);
/* Every language, sorted by name; empty when espeak-ng cannot start */
GPtrArray     *pl_speech_list_languages  (void);

/* The sample rate of all audio, once the engine has started; 0 if it
 * cannot start */
guint          pl_speech_get_sample_rate (void);

/* A language such as "en-GB" or "cy"; NULL for English. A language espeak-ng
 * has no voice for falls back to its base language, then to English. */
void           pl_speech_set_language    (PlSpeech        *self,
                                          const char      *language);
const char    *pl_speech_get_language    (PlSpeech        *self);
void           pl_speech_set_rate        (PlSpeech        *self,
                                          int              words_a_minute);
void           pl_speech_set_pitch       (PlSpeech        *self,
                                          int              pitch);
void           pl_speech_set_volume      (PlSpeech        *self,
                                          int              volume);
void           pl_speech_set_pause_ms    (PlSpeech        *self,
                                          int              pause_ms);
/* The pronunciation list (pl-lexicon.h) every reading, sound file and
 * talking book after this says words by; NULL for none. The speech keeps
 * a reference; the lexicon must not change after. */
void           pl_speech_set_lexicon     (PlSpeech        *self,
                                          PlLexicon       *lexicon);
PlLexicon     *pl_speech_get_lexicon     (PlSpeech        *self);
/* Voice (when set), speed, pitch, volume and pause from a person's settings */
void           pl_speech_apply_settings  (PlSpeech        *self,
                                          const PlSettings *settings);
void           pl_speech_set_output      (PlSpeech        *self,
                                          PlSpeechOutput   output,
                                          double           speed);

/* Opens and closes the sound output: FALSE with
 * PL_SPEECH_ERROR_NO_AUDIO_DEVICE when there is none */
gboolean       pl_speech_check_audio_device (GError      **error);

/* Reading aloud. Starts at the word at start_char of start_block and stops
 * before end_block (PL_SPEECH_TO_END: the end). Problems, such as no sound
 * device, come as the "error" signal. */
void           pl_speech_speak           (PlSpeech        *self,
                                          PlDocument      *document,
                                          guint            start_block,
                                          guint            start_char,
                                          guint            end_block);
void           pl_speech_pause           (PlSpeech        *self);
void           pl_speech_resume          (PlSpeech        *self);
void           pl_speech_stop            (PlSpeech        *self);
void           pl_speech_previous_sentence (PlSpeech      *self);
void           pl_speech_next_sentence   (PlSpeech        *self);
void           pl_speech_repeat_sentence (PlSpeech        *self);
PlSpeechState  pl_speech_get_state       (PlSpeech        *self);
/* The document being read (speaking or paused), or NULL when idle */
PlDocument    *pl_speech_get_document    (PlSpeech        *self);
/* When the current or last reading's first audio reached the output
 * (g_get_monotonic_time), and when it was asked for; 0 if not yet */
gint64         pl_speech_get_first_audio_time (PlSpeech   *self);
gint64         pl_speech_get_request_time     (PlSpeech   *self);

/* The audio of a range, as 16-bit mono samples at pl_speech_get_sample_rate();
 * out_words (element type PlSpeechWord) gets every word with its time.
 * Runs in the calling thread. */
GArray        *pl_speech_render          (PlSpeech        *self,
                                          PlDocument      *document,
                                          guint            start_block,
                                          guint            end_block,
                                          GPtrArray      **out_words,
                                          GCancellable    *cancellable,
                                          GError         **error);
/* The same into a sound file, WAV, MP3 or Ogg as its name ends
 * (pl_audio_format_for_path); progress is called in the calling thread */
gboolean       pl_speech_save_audio      (PlSpeech        *self,
                                          PlDocument      *document,
                                          guint            start_block,
                                          guint            end_block,
                                          const char      *path,
                                          GPtrArray      **out_words,
                                          PlSpeechProgressFunc progress,
                                          gpointer         progress_data,
                                          GCancellable    *cancellable,
                                          GError         **error);
/* In a worker thread; progress is called on the caller's main context */
void           pl_speech_save_audio_async (PlSpeech        *self,
                                          PlDocument      *document,
                                          guint            start_block,
                                          guint            end_block,
                                          const char      *path,
                                          PlSpeechProgressFunc progress,
                                          gpointer         progress_data,
                                          GCancellable    *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer         user_data);
gboolean       pl_speech_save_audio_finish (PlSpeech        *self,
                                          GAsyncResult    *result,
                                          GError         **error);

void           pl_speech_word_free       (PlSpeechWord    *word);

G_END_DECLS
