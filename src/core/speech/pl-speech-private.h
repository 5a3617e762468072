/* pl-speech-private.h: what PlSpeech's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pl-speech.c is the object and its controls; pl-speech-engine.c is
 * espeak-ng; pl-speech-text.c says what is said for a document;
 * pl-speech-reading.c is a reading's thread and the words it posts as the
 * speaker says them; pl-speech-save.c renders to memory and sound files.
 */

#pragma once

#include "pl-document.h"
#include "pl-lexicon.h"
#include "pl-speech.h"

G_BEGIN_DECLS

/* espeak-ng hands its samples back in buffers this long; a reading writes
 * to the speaker in chunks this long */
#define PL_SPEECH_CHUNK_MS 20
#define PL_SPEECH_RATE_MIN 80
#define PL_SPEECH_RATE_MAX 350

/* The voice, copied into each reading so changes apply to the next one */
typedef struct
{
  char *language;
  int   rate;
  int   pitch;
  int   volume;
  int   pause_ms;
  PlLexicon *lexicon;   /* the pronunciation list, or NULL */
} PlSpeechVoice;

/* One call to espeak-ng: a sentence, maybe after its block's label */
typedef struct
{
  guint          block;
  char          *anchor;
  PlSpeechRange  sentence;      /* in the block's text; 0-0 for a label alone */
  char          *text;          /* what espeak-ng says */
  guint          prefix_chars;  /* characters of text before the sentence (the label) */
  GArray        *words;         /* (element-type PlSpeechRange) in the block's text */
  guint          lead_ms;       /* silence before: the pause between parts */
  guint          n_chars;       /* for progress */
  char          *language;      /* the block's own (a part in another language), or NULL: the voice's */
} PlSpeechUtterance;

typedef enum
{
  PL_SPEECH_JUMP_NONE,
  PL_SPEECH_JUMP_PREVIOUS,
  PL_SPEECH_JUMP_NEXT,
  PL_SPEECH_JUMP_REPEAT,
} PlSpeechJump;

typedef struct
{
  gatomicrefcount  ref;
  GMutex           lock;
  GCond            cond;
  gboolean         paused;          /* under lock */
  PlSpeechJump     jump;            /* under lock */
  gint             stopped;         /* atomic: the engine callback reads it */

  GPtrArray       *utterances;
  PlSpeechVoice    voice;
  PlSpeechOutput   output;
  double           speed;
  GMainContext    *context;
  GWeakRef         speech;
  gint64           requested_at;
  gint64           first_audio_at;  /* under lock */
  gint64           flushed_at;      /* under lock: the last Pause, Stop or jump */
  guint            epoch;           /* under lock: counts them */
  guint            thread_epoch;    /* reading thread: the one its posts belong to */
  gint64           last_due;        /* reading thread: keeps the posts in order */
} PlSpeechReading;

/* What a reading's thread tells the main context */
typedef enum
{
  PL_SPEECH_POST_SENTENCE,
  PL_SPEECH_POST_WORD,
  PL_SPEECH_POST_FINISHED,
  PL_SPEECH_POST_ERROR,
} PlSpeechPostKind;

typedef struct
{
  PlSpeechReading  *reading;
  PlSpeechPostKind  kind;
  guint             block;
  guint             start;
  guint             end;
  GError           *error;
  guint             epoch;
  gint64            due;      /* when the speaker says it; 0: at once */
} PlSpeechPost;

struct _PlSpeech
{
  GObject          parent_instance;

  PlSpeechVoice    voice;
  PlSpeechOutput   output;
  double           speed;
  PlSpeechState    state;
  PlSpeechReading *reading;
  PlDocument      *document;  /* the current reading's */
  GMainContext    *context;
};

/* pl-speech.c */
void              pl_speech_voice_copy        (PlSpeechVoice       *dest,
                                               const PlSpeechVoice *src);
void              pl_speech_voice_clear       (PlSpeechVoice       *voice);
/* On the main context: a post becomes the object's signal (a GSourceFunc) */
gboolean          pl_speech_dispatch_post     (gpointer             data);

/* pl-speech-engine.c */
gboolean          pl_speech_engine_start      (GError             **error);
/* One utterance's samples, and the sample where each of its words starts.
 * stopped (atomic, or NULL) and cancellable end it early. */
gboolean          pl_speech_synthesise        (const PlSpeechVoice     *voice,
                                               const PlSpeechUtterance *utterance,
                                               const gint              *stopped,
                                               GCancellable            *cancellable,
                                               GArray                 **out_pcm,
                                               guint64                **out_samples,
                                               GError                 **error);

/* For tests: func is called with each text given to espeak-ng, from
 * whichever thread gives it (under the engine's lock); NULL stops it */
typedef void (*PlSpeechEngineTrace) (const char *text,
                                     gpointer    data);
void              pl_speech_engine_set_trace  (PlSpeechEngineTrace  func,
                                               gpointer             data);

/* pl-speech-text.c: (element-type PlSpeechUtterance) from start_char of
 * start_block up to end_block, pause_ms before each heading */
GPtrArray        *pl_speech_build_utterances  (PlDocument          *document,
                                               guint                start_block,
                                               guint                start_char,
                                               guint                end_block,
                                               guint                pause_ms);

/* pl-speech-reading.c */
PlSpeechReading  *pl_speech_reading_ref       (PlSpeechReading     *reading);
void              pl_speech_reading_unref     (PlSpeechReading     *reading);
/* The thread's function; it takes a reference to reading */
gpointer          pl_speech_reading_thread    (gpointer             data);
/* Tells the main context at once; error is taken */
void              pl_speech_post              (PlSpeechReading     *reading,
                                               PlSpeechPostKind     kind,
                                               guint                block,
                                               guint                start,
                                               guint                end,
                                               GError              *error);
/* Runs function on context at due (g_get_monotonic_time), or 0 for now,
 * in the order asked */
void              pl_speech_invoke_at         (GMainContext        *context,
                                               gint64               due,
                                               GSourceFunc          function,
                                               gpointer             data,
                                               GDestroyNotify       destroy);

G_END_DECLS
