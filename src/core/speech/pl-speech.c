/* pl-speech.c: reading a document aloud with espeak-ng
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * espeak-ng is one engine per process, so every call into it holds
 * engine_lock. A reading runs in its own thread: it synthesises one sentence
 * (so the first audio comes quickly even for a long plan), then writes it to
 * the output in short chunks, posting each word to the main context as its
 * samples go out. Pause keeps the sentence's samples and resumes at the
 * start of the word that was being spoken; espeak-ng has no pause of its own.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include <espeak-ng/speak_lib.h>
#include <glib/gi18n.h>

#include "pl-audio.h"
#include "pl-document.h"
#include "pl-model.h"
#include "pl-speech.h"

#define CHUNK_MS 20
#define RATE_MIN 80
#define RATE_MAX 350

G_DEFINE_QUARK (pl-speech-error-quark, pl_speech_error)

/* The voice, copied into each reading so changes apply to the next one */
typedef struct
{
  char *language;
  int   rate;
  int   pitch;
  int   volume;
  int   pause_ms;
} Voice;

/* One call to espeak-ng: a sentence, maybe after its block's label */
typedef struct
{
  guint   block;
  char   *anchor;
  PlSpeechRange sentence;   /* in the block's text; 0-0 for a label alone */
  char   *text;             /* what espeak-ng says */
  guint   prefix_chars;     /* characters of text before the sentence (the label) */
  GArray *words;            /* (element-type PlSpeechRange) in the block's text */
  guint   lead_ms;          /* silence before: the pause between parts */
  guint   n_chars;          /* for progress */
} Utterance;

typedef struct
{
  int     position;   /* espeak-ng's: characters from 1 */
  guint64 sample;
} Mark;

typedef enum
{
  JUMP_NONE,
  JUMP_PREVIOUS,
  JUMP_NEXT,
  JUMP_REPEAT,
} Jump;

typedef struct
{
  gatomicrefcount  ref;
  GMutex           lock;
  GCond            cond;
  gboolean         paused;     /* under lock */
  Jump             jump;       /* under lock */
  gint             stopped;    /* atomic: the engine callback reads it */

  GPtrArray       *utterances;
  Voice            voice;
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
} Reading;

struct _PlSpeech
{
  GObject         parent_instance;

  Voice           voice;
  PlSpeechOutput  output;
  double          speed;
  PlSpeechState   state;
  Reading        *reading;
  PlDocument     *document;    /* the current reading's */
  GMainContext   *context;
};

G_DEFINE_FINAL_TYPE (PlSpeech, pl_speech, G_TYPE_OBJECT)

enum {
  SIGNAL_WORD,
  SIGNAL_SENTENCE,
  SIGNAL_STATE_CHANGED,
  SIGNAL_FINISHED,
  SIGNAL_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The engine */

typedef struct
{
  GArray       *pcm;
  GArray       *marks;
  const gint   *stopped;
  GCancellable *cancellable;
} Collector;

static GMutex engine_lock;
static int engine_rate;            /* 0: not started yet; -1: cannot start */
static char *engine_language;      /* the language last asked for */
static Collector *engine_collector;

static int
engine_cb (short        *wav,
           int           n_samples,
           espeak_EVENT *events)
{
  Collector *collector = engine_collector;

  if (collector == NULL)
    return 1;

  if (wav != NULL && n_samples > 0)
    g_array_append_vals (collector->pcm, wav, (guint) n_samples);

  for (espeak_EVENT *event = events;
       event != NULL && event->type != espeakEVENT_LIST_TERMINATED;
       event++)
    if (event->type == espeakEVENT_WORD)
      {
        Mark mark = { event->text_position, (guint64) MAX (event->sample, 0) };

        g_array_append_val (collector->marks, mark);
      }

  /* Non-zero stops the synthesis: Stop is heard at once, not a sentence later */
  if ((collector->stopped != NULL && g_atomic_int_get (collector->stopped)) ||
      g_cancellable_is_cancelled (collector->cancellable))
    return 1;
  return 0;
}

static gboolean
engine_start_locked (GError **error)
{
  if (engine_rate == 0)
    {
      /* Synchronous: samples come back to engine_cb in 20 ms buffers */
      int rate = espeak_Initialize (AUDIO_OUTPUT_SYNCHRONOUS, CHUNK_MS, NULL,
                                    espeakINITIALIZE_DONT_EXIT);

      engine_rate = rate > 0 ? rate : -1;
      if (rate > 0)
        espeak_SetSynthCallback (engine_cb);
    }

  if (engine_rate < 0)
    {
      g_set_error_literal (error, PL_SPEECH_ERROR, PL_SPEECH_ERROR_ENGINE,
                           _("Plainly cannot start its voice. Check that espeak-ng is "
                             "installed, then try again."));
      return FALSE;
    }
  return TRUE;
}

void
pl_speech_language_free (PlSpeechLanguage *language)
{
  if (language == NULL)
    return;
  g_free (language->tag);
  g_free (language->name);
  g_free (language);
}

static int
compare_languages (gconstpointer a,
                   gconstpointer b)
{
  const PlSpeechLanguage *la = *(const PlSpeechLanguage **) a;
  const PlSpeechLanguage *lb = *(const PlSpeechLanguage **) b;

  return g_utf8_collate (la->name, lb->name);
}

GPtrArray *
pl_speech_list_languages (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&engine_lock);
  GPtrArray *languages = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_speech_language_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const espeak_VOICE **voices;

  if (!engine_start_locked (NULL))
    return languages;

  voices = espeak_ListVoices (NULL);
  for (guint i = 0; voices != NULL && voices[i] != NULL; i++)
    {
      /* languages: a priority byte, then the tag, for each; then a 0 */
      const char *entry = voices[i]->languages;
      const char *tag;
      PlSpeechLanguage *language;

      if (entry == NULL || entry[0] == '\0' || entry[1] == '\0')
        continue;
      tag = entry + 1;
      /* Variants ("mb-…") are other engines' voices, not languages */
      if (g_str_has_prefix (tag, "mb") || g_hash_table_contains (seen, tag))
        continue;

      language = g_new0 (PlSpeechLanguage, 1);
      language->tag = g_strdup (tag);
      language->name = g_strdelimit (g_strdup (voices[i]->name != NULL ? voices[i]->name : tag),
                                     "_", ' ');
      g_hash_table_add (seen, language->tag);
      g_ptr_array_add (languages, language);
    }

  g_ptr_array_sort (languages, compare_languages);
  return languages;
}

guint
pl_speech_get_sample_rate (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&engine_lock);

  if (!engine_start_locked (NULL))
    return 0;
  return (guint) engine_rate;
}

static gboolean
engine_try_language (const char *language)
{
  espeak_VOICE properties;
  const espeak_VOICE *voice;
  g_autofree char *wanted = g_ascii_strdown (language, -1);

  memset (&properties, 0, sizeof properties);
  properties.languages = wanted;
  if (espeak_SetVoiceByProperties (&properties) != EE_OK)
    return FALSE;

  /* espeak-ng picks its nearest voice for anything; accept it only if it
   * speaks the language asked for */
  voice = espeak_GetCurrentVoice ();
  if (voice == NULL || voice->languages == NULL)
    return FALSE;
  for (const char *p = voice->languages; *p != '\0'; p += strlen (p) + 1)
    {
      const char *name = p + 1;   /* each entry starts with its priority */

      if (g_ascii_strcasecmp (name, wanted) == 0 ||
          (g_str_has_prefix (name, wanted) && name[strlen (wanted)] == '-'))
        return TRUE;
    }
  return FALSE;
}

/* "en-GB" → "en-gb", else "en", else English */
static void
engine_set_voice_locked (const Voice *voice)
{
  const char *language = voice->language != NULL ? voice->language : "en-gb";

  if (g_strcmp0 (language, engine_language) != 0)
    {
      g_autofree char *base = g_strdup (language);
      char *dash = strchr (base, '-');

      if (dash != NULL)
        *dash = '\0';
      if (!engine_try_language (language) && !engine_try_language (base) &&
          !engine_try_language ("en-gb"))
        engine_try_language ("en");

      g_free (engine_language);
      engine_language = g_strdup (language);
    }

  espeak_SetParameter (espeakRATE, CLAMP (voice->rate, RATE_MIN, RATE_MAX), 0);
  espeak_SetParameter (espeakPITCH, CLAMP (voice->pitch, 0, 100), 0);
  espeak_SetParameter (espeakVOLUME, CLAMP (voice->volume, 0, 100), 0);
}

/* Gives each word the sample where it starts. espeak-ng's positions count
 * characters from 1 and can be late, early, repeated ("10:30am" gives three)
 * or missing ("the" after "in"), so each position goes to the word it falls
 * in, or the next word after spaces and punctuation; no word twice, never
 * backwards; words without a mark are placed between their neighbours. */
static void
map_marks (const Utterance *utterance,
           GArray          *marks,
           guint64          lead,
           guint64          total,
           guint64         *samples)
{
  guint n = utterance->words->len;
  g_autofree gboolean *known = g_new0 (gboolean, MAX (n, 1));
  g_autofree gunichar *chars = NULL;
  glong n_chars = 0;
  int last = -1;
  guint64 floor_sample;

  if (n == 0)
    return;

  chars = g_utf8_to_ucs4_fast (utterance->text, -1, &n_chars);

  for (guint m = 0; m < marks->len; m++)
    {
      const Mark *mark = &g_array_index (marks, Mark, m);
      long position = (long) mark->position - 1 - (long) utterance->prefix_chars;
      guint block_char;
      guint w;
      gboolean gap_ok = TRUE;

      if (position < 0)
        continue;   /* in the label */
      block_char = utterance->sentence.start + (guint) position;

      for (w = 0; w < n; w++)
        if (g_array_index (utterance->words, PlSpeechRange, w).end > block_char)
          break;
      if (w >= n || (int) w <= last)
        continue;

      /* A mark on an emoji or a symbol is not the next word's */
      for (guint c = block_char; c < g_array_index (utterance->words, PlSpeechRange, w).start; c++)
        {
          glong at = (glong) (c - utterance->sentence.start + utterance->prefix_chars);

          if (at < n_chars && !g_unichar_isspace (chars[at]) && !g_unichar_ispunct (chars[at]))
            gap_ok = FALSE;
        }
      if (!gap_ok)
        continue;

      samples[w] = lead + mark->sample;
      known[w] = TRUE;
      last = (int) w;
    }

  for (guint w = 0; w < n; w++)
    {
      int before = -1, after = -1;
      guint64 t0, t1;
      double c0, c1, c;

      if (known[w])
        continue;
      for (int b = (int) w - 1; b >= 0 && before < 0; b--)
        if (known[b])
          before = b;
      for (guint a = w + 1; a < n && after < 0; a++)
        if (known[a])
          after = (int) a;

      t0 = before >= 0 ? samples[before] : lead;
      c0 = before >= 0 ? g_array_index (utterance->words, PlSpeechRange, before).start
                       : g_array_index (utterance->words, PlSpeechRange, 0).start;
      t1 = after >= 0 ? samples[after] : total;
      c1 = after >= 0 ? g_array_index (utterance->words, PlSpeechRange, after).start
                      : g_array_index (utterance->words, PlSpeechRange, n - 1).end;
      c = g_array_index (utterance->words, PlSpeechRange, w).start;
      if (t1 < t0)
        t1 = t0;
      samples[w] = t0 + (guint64) ((double) (t1 - t0) * (c1 > c0 ? (c - c0) / (c1 - c0) : 0.0));
    }

  /* In order in time, whatever the engine said */
  floor_sample = 0;
  for (guint w = 0; w < n; w++)
    {
      samples[w] = MIN (MAX (samples[w], floor_sample), total);
      floor_sample = samples[w];
    }
}

/* Synthesises one utterance: its samples, and where each word starts */
static gboolean
synthesise (const Voice      *voice,
            const Utterance  *utterance,
            const gint       *stopped,
            GCancellable     *cancellable,
            GArray          **out_pcm,
            guint64         **out_samples,
            GError          **error)
{
  g_autoptr(GArray) pcm = g_array_new (FALSE, TRUE, sizeof (gint16));
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  guint64 *samples = g_new0 (guint64, MAX (utterance->words->len, 1));
  guint64 lead;
  espeak_ERROR status = EE_OK;

  {
    g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&engine_lock);
    Collector collector = { pcm, marks, stopped, cancellable };

    if (!engine_start_locked (error))
      {
        g_free (samples);
        return FALSE;
      }

    lead = (guint64) utterance->lead_ms * (guint64) engine_rate / 1000;
    g_array_set_size (pcm, (guint) lead);

    if (*utterance->text != '\0')
      {
        engine_set_voice_locked (voice);
        engine_collector = &collector;
        status = espeak_Synth (utterance->text, strlen (utterance->text) + 1, 0, POS_CHARACTER,
                               0, espeakCHARS_UTF8 | espeakENDPAUSE, NULL, NULL);
        engine_collector = NULL;
      }
  }

  if (status != EE_OK)
    {
      g_free (samples);
      g_set_error_literal (error, PL_SPEECH_ERROR, PL_SPEECH_ERROR_ENGINE,
                           _("Plainly’s voice stopped working. Try again; if it happens again, "
                             "restart Plainly."));
      return FALSE;
    }

  map_marks (utterance, marks, lead, pcm->len, samples);
  *out_pcm = g_steal_pointer (&pcm);
  *out_samples = samples;
  return TRUE;
}

/* What to say */

static void
utterance_free (gpointer data)
{
  Utterance *utterance = data;

  g_free (utterance->anchor);
  g_free (utterance->text);
  g_clear_pointer (&utterance->words, g_array_unref);
  g_free (utterance);
}

/* The label is said before the text, as pl_document_to_text shows it
 * ("Time: 8:00 in the morning"); other marks (bullets, arrows) are not said */
static char *
block_prefix (const PlBlock *block)
{
  gsize len;

  if (block->label == NULL || *block->label == '\0')
    return g_strdup ("");
  len = strlen (block->label);
  if (g_ascii_ispunct (block->label[len - 1]))
    return g_strdup_printf ("%s ", block->label);
  return g_strdup_printf ("%s: ", block->label);
}

static void
add_utterance (GPtrArray           *utterances,
               const PlBlock       *block,
               guint                index,
               const char          *prefix,
               const gunichar      *chars,
               const PlSpeechRange *sentence,
               guint                lead_ms)
{
  Utterance *utterance = g_new0 (Utterance, 1);
  g_autofree char *body = NULL;

  utterance->block = index;
  utterance->anchor = g_strdup (block->anchor);
  utterance->sentence = *sentence;
  utterance->prefix_chars = (guint) g_utf8_strlen (prefix, -1);
  body = g_ucs4_to_utf8 (chars + sentence->start, sentence->end - sentence->start,
                         NULL, NULL, NULL);
  utterance->text = g_strconcat (prefix, body != NULL ? body : "", NULL);
  utterance->words = pl_speech_split_words (block->text, sentence->start, sentence->end);
  utterance->lead_ms = lead_ms;
  utterance->n_chars = utterance->prefix_chars + (sentence->end - sentence->start);
  g_ptr_array_add (utterances, utterance);
}

static GPtrArray *
build_utterances (PlDocument *document,
                  guint       start_block,
                  guint       start_char,
                  guint       end_block,
                  guint       pause_ms)
{
  GPtrArray *utterances = g_ptr_array_new_with_free_func (utterance_free);
  guint n_blocks = pl_document_get_n_blocks (document);

  end_block = MIN (end_block, n_blocks);

  for (guint b = start_block; b < end_block; b++)
    {
      const PlBlock *block = pl_document_get_block (document, b);
      g_autoptr(GArray) sentences = pl_speech_split_sentences (block->text);
      g_autofree gunichar *chars = g_utf8_to_ucs4_fast (block->text, -1, NULL);
      g_autofree char *prefix = NULL;
      /* NG86 1.1.5: time to take in one part before the next begins */
      guint lead_ms = (block->kind == PL_BLOCK_HEADING && utterances->len > 0) ? pause_ms : 0;
      gboolean first = TRUE;

      /* "Read from here" starts at the word under the cursor, without the label */
      if (b == start_block && start_char > 0)
        {
          g_autoptr(GArray) words = pl_speech_split_words (block->text, 0, G_MAXUINT);

          prefix = g_strdup ("");
          for (guint w = 0; w < words->len; w++)
            {
              const PlSpeechRange *word = &g_array_index (words, PlSpeechRange, w);

              if (word->end > start_char)
                {
                  start_char = MIN (start_char, word->start);
                  break;
                }
            }
        }
      else
        {
          prefix = block_prefix (block);
          start_char = 0;
        }

      if (sentences->len == 0 && *prefix != '\0')
        {
          PlSpeechRange none = { 0, 0 };

          add_utterance (utterances, block, b, prefix, chars, &none, lead_ms);
          continue;
        }

      for (guint s = 0; s < sentences->len; s++)
        {
          PlSpeechRange sentence = g_array_index (sentences, PlSpeechRange, s);

          if (sentence.end <= start_char)
            continue;
          sentence.start = MAX (sentence.start, start_char);
          add_utterance (utterances, block, b, first ? prefix : "", chars, &sentence,
                         first ? lead_ms : 0);
          first = FALSE;
        }
    }

  return utterances;
}

char *
pl_speech_spoken_text (PlDocument *document,
                       guint       start_block,
                       guint       end_block)
{
  g_autoptr(GPtrArray) utterances = NULL;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);

  utterances = build_utterances (document, start_block, 0, end_block, 0);
  for (guint i = 0; i < utterances->len; i++)
    {
      const Utterance *utterance = g_ptr_array_index (utterances, i);

      g_string_append (text, utterance->text);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static void
voice_copy (Voice       *dest,
            const Voice *src)
{
  *dest = *src;
  dest->language = g_strdup (src->language);
}

/* Readings */

static Reading *
reading_ref (Reading *reading)
{
  g_atomic_ref_count_inc (&reading->ref);
  return reading;
}

static void
reading_unref (Reading *reading)
{
  if (!g_atomic_ref_count_dec (&reading->ref))
    return;

  g_mutex_clear (&reading->lock);
  g_cond_clear (&reading->cond);
  g_clear_pointer (&reading->utterances, g_ptr_array_unref);
  g_free (reading->voice.language);
  g_main_context_unref (reading->context);
  g_weak_ref_clear (&reading->speech);
  g_free (reading);
}

typedef enum
{
  POST_SENTENCE,
  POST_WORD,
  POST_FINISHED,
  POST_ERROR,
} PostKind;

typedef struct
{
  Reading  *reading;
  PostKind  kind;
  guint     block;
  guint     start;
  guint     end;
  GError   *error;
  guint     epoch;
  gint64    due;        /* when the speaker says it; 0: at once */
} Post;

static void
post_free (gpointer data)
{
  Post *post = data;

  reading_unref (post->reading);
  g_clear_error (&post->error);
  g_free (post);
}

static void
set_state (PlSpeech      *self,
           PlSpeechState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_signal_emit (self, signals[SIGNAL_STATE_CHANGED], 0, (guint) state);
}

/* On the main context: only posts from the current reading count, so nothing
 * arrives after Stop */
static gboolean
post_dispatch (gpointer data)
{
  Post *post = data;
  g_autoptr(PlSpeech) self = g_weak_ref_get (&post->reading->speech);

  if (self == NULL || self->reading != post->reading)
    return G_SOURCE_REMOVE;
  /* Sound still queued when Pause or a jump dropped it was never heard;
   * nor was sound written by a thread that had not yet seen the jump */
  if ((post->kind == POST_SENTENCE || post->kind == POST_WORD) &&
      post->epoch != post->reading->epoch && post->due > post->reading->flushed_at)
    return G_SOURCE_REMOVE;

  switch (post->kind)
    {
    case POST_SENTENCE:
      g_signal_emit (self, signals[SIGNAL_SENTENCE], 0, post->block, post->start, post->end);
      break;

    case POST_WORD:
      g_signal_emit (self, signals[SIGNAL_WORD], 0, post->block, post->start, post->end);
      break;

    case POST_FINISHED:
      g_clear_pointer (&self->reading, reading_unref);
      g_clear_object (&self->document);
      set_state (self, PL_SPEECH_STATE_IDLE);
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
      break;

    case POST_ERROR:
    default:
      g_clear_pointer (&self->reading, reading_unref);
      g_clear_object (&self->document);
      set_state (self, PL_SPEECH_STATE_IDLE);
      g_signal_emit (self, signals[SIGNAL_ERROR], 0, post->error);
      break;
    }

  return G_SOURCE_REMOVE;
}

static gboolean
post_source_dispatch (GSource     *source,
                      GSourceFunc  callback,
                      gpointer     user_data)
{
  return callback (user_data);
}

/* Ready at its time and not before: no prepare or check, only a ready time */
static GSourceFuncs post_source_funcs = {
  .dispatch = post_source_dispatch,
};

/* Always through a source of our own: g_main_context_invoke would run the
 * callback in this worker thread whenever the main thread is not iterating.
 * Sources of one priority that are ready together run in the order they
 * were attached, so the posts keep their order. */
static void
invoke_at (GMainContext   *context,
           gint64          due,
           GSourceFunc     function,
           gpointer        data,
           GDestroyNotify  destroy)
{
  GSource *source = g_source_new (&post_source_funcs, sizeof (GSource));

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_ready_time (source, due);
  g_source_set_callback (source, function, data, destroy);
  g_source_set_static_name (source, "[plainly] speech event");
  g_source_attach (source, context);
  g_source_unref (source);
}

/* due: when the speaker will say it (g_get_monotonic_time), or 0 for now */
static void
post_at (Reading  *reading,
         gint64    due,
         PostKind  kind,
         guint     block,
         guint     start,
         guint     end,
         GError   *error)
{
  Post *p = g_new0 (Post, 1);

  p->reading = reading_ref (reading);
  p->kind = kind;
  p->block = block;
  p->start = start;
  p->end = end;
  p->error = error;
  p->epoch = reading->thread_epoch;
  /* Never before an earlier post, whatever the latency's jitter */
  p->due = due > 0 ? MAX (due, reading->last_due) : 0;
  if (p->due > 0)
    reading->last_due = p->due;
  invoke_at (reading->context, p->due, post_dispatch, p, post_free);
}

static void
post (Reading  *reading,
      PostKind  kind,
      guint     block,
      guint     start,
      guint     end,
      GError   *error)
{
  post_at (reading, 0, kind, block, start, end, error);
}

static void
post_word (Reading         *reading,
           gint64           due,
           const Utterance *utterance,
           guint            w)
{
  const PlSpeechRange *word = &g_array_index (utterance->words, PlSpeechRange, w);

  post_at (reading, due, POST_WORD, utterance->block, word->start, word->end, NULL);
}

/* The null output plays at the pace of a speaker (times speed), so the
 * controls can be tried without one; a control wakes it early */
static void
pace (Reading *reading,
      gint64   clock_start,
      guint64  played,
      guint    rate)
{
  gint64 due;

  if (reading->output != PL_SPEECH_OUTPUT_NULL || reading->speed <= 0)
    return;

  due = clock_start + (gint64) ((double) played * G_USEC_PER_SEC / rate / reading->speed);
  g_mutex_lock (&reading->lock);
  while (!g_atomic_int_get (&reading->stopped) && !reading->paused &&
         reading->jump == JUMP_NONE && g_get_monotonic_time () < due)
    g_cond_wait_until (&reading->cond, &reading->lock, due);
  g_mutex_unlock (&reading->lock);
}

/* The next sentence is made while this one plays, so that a long sentence
 * does not leave the speaker silent while espeak-ng works on it */
typedef struct
{
  GThread         *thread;
  guint            index;
  const Voice     *voice;
  const Utterance *utterance;
  gint             cancelled;  /* atomic: a sentence no longer wanted */
  gboolean         ok;
  GArray          *pcm;
  guint64         *samples;
  GError          *error;
} Ahead;

static gpointer
ahead_thread (gpointer data)
{
  Ahead *ahead = data;

  ahead->ok = synthesise (ahead->voice, ahead->utterance, &ahead->cancelled, NULL,
                          &ahead->pcm, &ahead->samples, &ahead->error);
  return NULL;
}

static void
ahead_clear (Ahead *ahead)
{
  if (ahead->thread != NULL)
    {
      g_atomic_int_set (&ahead->cancelled, TRUE);
      g_thread_join (g_steal_pointer (&ahead->thread));
    }
  g_clear_pointer (&ahead->pcm, g_array_unref);
  g_clear_pointer (&ahead->samples, g_free);
  g_clear_error (&ahead->error);
  ahead->utterance = NULL;
}

static void
ahead_start (Ahead   *ahead,
             Reading *reading,
             guint    index)
{
  ahead_clear (ahead);
  ahead->index = index;
  ahead->voice = &reading->voice;
  ahead->utterance = g_ptr_array_index (reading->utterances, index);
  ahead->cancelled = FALSE;
  ahead->ok = FALSE;
  /* Without a thread the sentence is simply made when its turn comes */
  ahead->thread = g_thread_try_new ("plainly-speech-ahead", ahead_thread, ahead, NULL);
  if (ahead->thread == NULL)
    ahead->utterance = NULL;
}

/* The utterance's sound, from the thread that made it ahead when it did */
static gboolean
ahead_take (Ahead            *ahead,
            const Voice      *voice,
            guint             index,
            const Utterance  *utterance,
            const gint       *stopped,
            GArray          **out_pcm,
            guint64         **out_samples,
            GError          **error)
{
  /* Another sentence (a jump back, or none made): stopped, not waited for */
  if (ahead->utterance == NULL || ahead->index != index)
    {
      ahead_clear (ahead);
      return synthesise (voice, utterance, stopped, NULL, out_pcm, out_samples, error);
    }

  if (ahead->thread != NULL)
    g_thread_join (g_steal_pointer (&ahead->thread));
  ahead->utterance = NULL;
  if (!ahead->ok)
    {
      g_propagate_error (error, g_steal_pointer (&ahead->error));
      return FALSE;
    }
  *out_pcm = g_steal_pointer (&ahead->pcm);
  *out_samples = g_steal_pointer (&ahead->samples);
  return TRUE;
}

/* When the speaker will say the sample that is `before` samples before the
 * last one written, latency microseconds from now; 0 (at once) when the
 * output cannot say */
static gint64
heard_at (gint64  latency,
          guint64 before,
          guint   rate)
{
  gint64 due;

  if (latency <= 0)
    return 0;
  due = g_get_monotonic_time () + latency - (gint64) (before * G_USEC_PER_SEC / rate);
  return MAX (due, 1);
}

static gpointer
reading_thread (gpointer data)
{
  Reading *reading = data;
  g_autoptr(GError) error = NULL;
  PlAudioSink *sink = NULL;
  Ahead ahead = { NULL, };
  guint rate = pl_speech_get_sample_rate ();
  guint chunk = rate * CHUNK_MS / 1000;
  guint i = 0;
  gboolean heard = FALSE;

  if (rate == 0)
    {
      g_mutex_lock (&engine_lock);
      engine_start_locked (&error);
      g_mutex_unlock (&engine_lock);
      goto failed;
    }

  if (reading->output == PL_SPEECH_OUTPUT_SPEAKER)
    sink = pl_audio_sink_new_device (rate, &error);
  else
    sink = pl_audio_sink_new_null ();
  if (sink == NULL)
    goto failed;

  while (i < reading->utterances->len && !g_atomic_int_get (&reading->stopped))
    {
      const Utterance *utterance = g_ptr_array_index (reading->utterances, i);
      g_autoptr(GArray) pcm = NULL;
      g_autofree guint64 *word_samples = NULL;
      g_autofree gint64 *word_due = g_new0 (gint64, MAX (utterance->words->len, 1));
      guint n_words = utterance->words->len;
      guint64 pos = 0;
      guint next_word = 0;
      gboolean sentence_posted = FALSE;
      gint64 sentence_due = 0;
      gint64 clock_start = g_get_monotonic_time ();
      guint64 clock_samples = 0;
      Jump jump = JUMP_NONE;

      if (!ahead_take (&ahead, &reading->voice, i, utterance, &reading->stopped,
                       &pcm, &word_samples, &error))
        {
          if (g_atomic_int_get (&reading->stopped))
            break;
          goto failed;
        }
      if (i + 1 < reading->utterances->len)
        ahead_start (&ahead, reading, i + 1);

      while (pos < pcm->len || next_word < n_words || !sentence_posted)
        {
          gboolean resumed = FALSE;
          gint64 paused_at = 0;
          guint64 chunk_end;
          gint64 latency;

          g_mutex_lock (&reading->lock);
          if (reading->paused)
            {
              paused_at = reading->flushed_at;
              pl_audio_sink_flush (sink);
              while (reading->paused && !g_atomic_int_get (&reading->stopped) &&
                     reading->jump == JUMP_NONE)
                g_cond_wait (&reading->cond, &reading->lock);
              resumed = TRUE;
            }
          jump = reading->jump;
          reading->jump = JUMP_NONE;
          reading->thread_epoch = reading->epoch;
          g_mutex_unlock (&reading->lock);

          if (g_atomic_int_get (&reading->stopped) || jump != JUMP_NONE)
            break;

          /* Back to the start of the last word the speaker said before the
           * pause, which is shown again as its sound goes out; words still
           * queued then were never heard */
          if (resumed)
            {
              guint w = next_word;

              /* What was queued before is gone: the order starts afresh */
              reading->last_due = 0;

              while (w > 0 && word_due[w - 1] > paused_at)
                w--;
              next_word = w > 0 ? w - 1 : 0;
              pos = w > 0 ? word_samples[next_word] : 0;
              if (sentence_due > paused_at)
                sentence_posted = FALSE;
              clock_start = g_get_monotonic_time ();
              clock_samples = 0;
            }

          chunk_end = MIN (pos + chunk, pcm->len);
          if (chunk_end > pos)
            {
              if (!pl_audio_sink_write (sink, &g_array_index (pcm, gint16, pos),
                                        (gsize) (chunk_end - pos), &error))
                goto failed;
              if (!heard)
                {
                  g_mutex_lock (&reading->lock);
                  reading->first_audio_at = g_get_monotonic_time ();
                  g_mutex_unlock (&reading->lock);
                  heard = TRUE;
                }
            }

          /* The sentence and words in what was just written, each at the
           * moment the speaker says it */
          latency = pl_audio_sink_get_latency (sink);
          if (!sentence_posted)
            {
              sentence_due = heard_at (latency, chunk_end - pos, rate);
              post_at (reading, sentence_due, POST_SENTENCE,
                       utterance->block, utterance->sentence.start, utterance->sentence.end,
                       NULL);
              sentence_posted = TRUE;
            }
          while (next_word < n_words && word_samples[next_word] <= chunk_end &&
                 (word_samples[next_word] < chunk_end || chunk_end == pcm->len))
            {
              word_due[next_word] = heard_at (latency, chunk_end - word_samples[next_word], rate);
              post_word (reading, word_due[next_word], utterance, next_word);
              next_word++;
            }

          clock_samples += chunk_end - pos;
          pos = chunk_end;
          pace (reading, clock_start, clock_samples, rate);
        }

      if (jump != JUMP_NONE)
        reading->last_due = 0;
      switch (jump)
        {
        case JUMP_PREVIOUS:
          pl_audio_sink_flush (sink);
          i = i > 0 ? i - 1 : 0;
          break;
        case JUMP_REPEAT:
          pl_audio_sink_flush (sink);
          break;
        case JUMP_NEXT:
          pl_audio_sink_flush (sink);
          i++;
          break;
        case JUMP_NONE:
        default:
          i++;
          break;
        }
    }

  if (!g_atomic_int_get (&reading->stopped))
    {
      if (!pl_audio_sink_finish (sink, &error))
        goto failed;
      post (reading, POST_FINISHED, 0, 0, 0, NULL);
    }
  goto done;

failed:
  if (!g_atomic_int_get (&reading->stopped))
    post (reading, POST_ERROR, 0, 0, 0, g_steal_pointer (&error));

done:
  ahead_clear (&ahead);
  /* Also what drops the sound still queued after Stop */
  pl_audio_sink_free (sink);
  reading_unref (reading);
  return NULL;
}

/* Rendering to memory or a file */

static gboolean
render_to_sink (const Voice          *voice,
                GPtrArray            *utterances,
                PlAudioSink          *sink,
                GPtrArray            *words,
                PlSpeechProgressFunc  progress,
                gpointer              progress_data,
                GCancellable         *cancellable,
                GError              **error)
{
  guint64 base = 0;
  guint64 total_chars = 0, done_chars = 0;
  guint rate = pl_speech_get_sample_rate ();

  for (guint i = 0; i < utterances->len; i++)
    total_chars += ((Utterance *) g_ptr_array_index (utterances, i))->n_chars;

  for (guint i = 0; i < utterances->len; i++)
    {
      const Utterance *utterance = g_ptr_array_index (utterances, i);
      g_autoptr(GArray) pcm = NULL;
      g_autofree guint64 *samples = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!synthesise (voice, utterance, NULL, cancellable, &pcm, &samples, error))
        return FALSE;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!pl_audio_sink_write (sink, (const gint16 *) pcm->data, pcm->len, error))
        return FALSE;

      if (words != NULL)
        for (guint w = 0; w < utterance->words->len; w++)
          {
            const PlSpeechRange *range = &g_array_index (utterance->words, PlSpeechRange, w);
            PlSpeechWord *word = g_new0 (PlSpeechWord, 1);

            word->block = utterance->block;
            word->anchor = g_strdup (utterance->anchor);
            word->start = range->start;
            word->end = range->end;
            word->sample = base + samples[w];
            word->ms = (guint) (word->sample * 1000 / rate);
            g_ptr_array_add (words, word);
          }

      base += pcm->len;
      done_chars += utterance->n_chars;
      if (progress != NULL)
        progress (total_chars > 0 ? (double) done_chars / (double) total_chars : 1.0,
                  progress_data);
    }

  return pl_audio_sink_finish (sink, error);
}

/* The object */

static void
stop_reading (PlSpeech *self)
{
  Reading *reading = g_steal_pointer (&self->reading);

  if (reading == NULL)
    return;

  g_mutex_lock (&reading->lock);
  g_atomic_int_set (&reading->stopped, TRUE);
  reading->flushed_at = g_get_monotonic_time ();
  reading->epoch++;
  g_cond_broadcast (&reading->cond);
  g_mutex_unlock (&reading->lock);
  reading_unref (reading);
}

static void
pl_speech_dispose (GObject *object)
{
  PlSpeech *self = PL_SPEECH (object);

  /* The thread notices and ends by itself; its posts find no one */
  stop_reading (self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (pl_speech_parent_class)->dispose (object);
}

static void
pl_speech_finalize (GObject *object)
{
  PlSpeech *self = PL_SPEECH (object);

  g_free (self->voice.language);
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (pl_speech_parent_class)->finalize (object);
}

static void
pl_speech_class_init (PlSpeechClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pl_speech_dispose;
  object_class->finalize = pl_speech_finalize;

  /* The word being said: block index, then its character range in the block's text */
  signals[SIGNAL_WORD] =
    g_signal_new ("word", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
  signals[SIGNAL_SENTENCE] =
    g_signal_new ("sentence", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
  /* The new PlSpeechState */
  signals[SIGNAL_STATE_CHANGED] =
    g_signal_new ("state-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
pl_speech_init (PlSpeech *self)
{
  self->voice.rate = 160;
  self->voice.pitch = 50;
  self->voice.volume = 80;
  self->voice.pause_ms = 400;
  self->output = PL_SPEECH_OUTPUT_SPEAKER;
  self->speed = 1.0;
  self->context = g_main_context_ref_thread_default ();
}

PlSpeech *
pl_speech_new (void)
{
  return g_object_new (PL_TYPE_SPEECH, NULL);
}

void
pl_speech_set_language (PlSpeech   *self,
                        const char *language)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  g_free (self->voice.language);
  self->voice.language = (language != NULL && *language != '\0') ? g_ascii_strdown (language, -1)
                                                                  : NULL;
}

const char *
pl_speech_get_language (PlSpeech *self)
{
  g_return_val_if_fail (PL_IS_SPEECH (self), NULL);

  return self->voice.language != NULL ? self->voice.language : "en-gb";
}

void
pl_speech_set_rate (PlSpeech *self,
                    int       words_a_minute)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  self->voice.rate = CLAMP (words_a_minute, RATE_MIN, RATE_MAX);
}

void
pl_speech_set_pitch (PlSpeech *self,
                     int       pitch)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  self->voice.pitch = CLAMP (pitch, 0, 100);
}

void
pl_speech_set_volume (PlSpeech *self,
                      int       volume)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  self->voice.volume = CLAMP (volume, 0, 100);
}

void
pl_speech_set_pause_ms (PlSpeech *self,
                        int       pause_ms)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  self->voice.pause_ms = CLAMP (pause_ms, 0, 10000);
}

void
pl_speech_apply_settings (PlSpeech         *self,
                          const PlSettings *settings)
{
  g_return_if_fail (PL_IS_SPEECH (self));
  g_return_if_fail (settings != NULL);

  if (settings->voice != NULL && *settings->voice != '\0')
    pl_speech_set_language (self, settings->voice);
  pl_speech_set_rate (self, settings->speech_rate);
  pl_speech_set_pitch (self, settings->speech_pitch);
  pl_speech_set_volume (self, settings->speech_volume);
  pl_speech_set_pause_ms (self, settings->pause_ms);
}

void
pl_speech_set_output (PlSpeech       *self,
                      PlSpeechOutput  output,
                      double          speed)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  self->output = output;
  self->speed = speed;
}

gboolean
pl_speech_check_audio_device (GError **error)
{
  guint rate = pl_speech_get_sample_rate ();
  PlAudioSink *sink = pl_audio_sink_new_device (rate > 0 ? rate : 22050, error);

  if (sink == NULL)
    return FALSE;
  pl_audio_sink_free (sink);
  return TRUE;
}

void
pl_speech_part_range (PlDocument *document,
                      guint       block,
                      guint      *out_start,
                      guint      *out_end)
{
  guint n, start = 0, end;
  int level = G_MAXINT;

  g_return_if_fail (PL_IS_DOCUMENT (document));

  n = pl_document_get_n_blocks (document);
  block = MIN (block, n > 0 ? n - 1 : 0);
  end = n;

  for (guint b = block + 1; b-- > 0;)
    {
      const PlBlock *candidate = pl_document_get_block (document, b);

      if (candidate->kind == PL_BLOCK_HEADING)
        {
          start = b;
          level = candidate->level;
          break;
        }
    }

  for (guint b = start + 1; b < n; b++)
    {
      const PlBlock *candidate = pl_document_get_block (document, b);

      if (candidate->kind == PL_BLOCK_HEADING && candidate->level <= level)
        {
          end = b;
          break;
        }
    }

  if (out_start != NULL)
    *out_start = start;
  if (out_end != NULL)
    *out_end = end;
}

void
pl_speech_speak (PlSpeech   *self,
                 PlDocument *document,
                 guint       start_block,
                 guint       start_char,
                 guint       end_block)
{
  Reading *reading;
  GThread *thread;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PL_IS_SPEECH (self));
  g_return_if_fail (PL_IS_DOCUMENT (document));

  stop_reading (self);

  reading = g_new0 (Reading, 1);
  g_atomic_ref_count_init (&reading->ref);
  g_mutex_init (&reading->lock);
  g_cond_init (&reading->cond);
  reading->requested_at = g_get_monotonic_time ();
  reading->utterances = build_utterances (document, start_block, start_char, end_block,
                                          (guint) self->voice.pause_ms);
  voice_copy (&reading->voice, &self->voice);
  reading->output = self->output;
  reading->speed = self->speed;
  reading->context = g_main_context_ref (self->context);
  g_weak_ref_init (&reading->speech, self);
  self->reading = reading;
  g_set_object (&self->document, document);

  set_state (self, PL_SPEECH_STATE_SPEAKING);

  thread = g_thread_try_new ("pl-speech", reading_thread, reading_ref (reading), &error);
  if (thread == NULL)
    {
      reading_unref (reading);
      post (reading, POST_ERROR, 0, 0, 0,
            g_error_new_literal (PL_SPEECH_ERROR, PL_SPEECH_ERROR_ENGINE,
                                 _("Plainly cannot start its voice. Close some other "
                                   "programs, then try again.")));
      return;
    }
  g_thread_unref (thread);
}

void
pl_speech_pause (PlSpeech *self)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  if (self->reading == NULL || self->state != PL_SPEECH_STATE_SPEAKING)
    return;

  /* The reading thread drops the queued sound itself within one chunk, so
   * this thread never waits on the sound server */
  g_mutex_lock (&self->reading->lock);
  self->reading->paused = TRUE;
  self->reading->flushed_at = g_get_monotonic_time ();
  self->reading->epoch++;
  g_cond_broadcast (&self->reading->cond);
  g_mutex_unlock (&self->reading->lock);
  set_state (self, PL_SPEECH_STATE_PAUSED);
}

void
pl_speech_resume (PlSpeech *self)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  if (self->reading == NULL || self->state != PL_SPEECH_STATE_PAUSED)
    return;

  g_mutex_lock (&self->reading->lock);
  self->reading->paused = FALSE;
  g_cond_broadcast (&self->reading->cond);
  g_mutex_unlock (&self->reading->lock);
  set_state (self, PL_SPEECH_STATE_SPEAKING);
}

void
pl_speech_stop (PlSpeech *self)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  stop_reading (self);
  g_clear_object (&self->document);
  set_state (self, PL_SPEECH_STATE_IDLE);
}

static void
jump (PlSpeech *self,
      Jump      to)
{
  if (self->reading == NULL)
    return;

  g_mutex_lock (&self->reading->lock);
  self->reading->jump = to;
  self->reading->paused = FALSE;
  self->reading->flushed_at = g_get_monotonic_time ();
  self->reading->epoch++;
  g_cond_broadcast (&self->reading->cond);
  g_mutex_unlock (&self->reading->lock);
  set_state (self, PL_SPEECH_STATE_SPEAKING);
}

void
pl_speech_previous_sentence (PlSpeech *self)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  jump (self, JUMP_PREVIOUS);
}

void
pl_speech_next_sentence (PlSpeech *self)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  jump (self, JUMP_NEXT);
}

void
pl_speech_repeat_sentence (PlSpeech *self)
{
  g_return_if_fail (PL_IS_SPEECH (self));

  jump (self, JUMP_REPEAT);
}

PlSpeechState
pl_speech_get_state (PlSpeech *self)
{
  g_return_val_if_fail (PL_IS_SPEECH (self), PL_SPEECH_STATE_IDLE);

  return self->state;
}

PlDocument *
pl_speech_get_document (PlSpeech *self)
{
  g_return_val_if_fail (PL_IS_SPEECH (self), NULL);

  return self->document;
}

gint64
pl_speech_get_first_audio_time (PlSpeech *self)
{
  gint64 time;

  g_return_val_if_fail (PL_IS_SPEECH (self), 0);

  if (self->reading == NULL)
    return 0;
  g_mutex_lock (&self->reading->lock);
  time = self->reading->first_audio_at;
  g_mutex_unlock (&self->reading->lock);
  return time;
}

gint64
pl_speech_get_request_time (PlSpeech *self)
{
  g_return_val_if_fail (PL_IS_SPEECH (self), 0);

  return self->reading != NULL ? self->reading->requested_at : 0;
}

void
pl_speech_word_free (PlSpeechWord *word)
{
  if (word == NULL)
    return;
  g_free (word->anchor);
  g_free (word);
}

GArray *
pl_speech_render (PlSpeech      *self,
                  PlDocument    *document,
                  guint          start_block,
                  guint          end_block,
                  GPtrArray    **out_words,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GPtrArray) utterances = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(PlAudioSink) sink = pl_audio_sink_new_memory ();

  g_return_val_if_fail (PL_IS_SPEECH (self), NULL);
  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);

  utterances = build_utterances (document, start_block, 0, end_block,
                                 (guint) self->voice.pause_ms);
  if (out_words != NULL)
    words = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_speech_word_free);

  if (!render_to_sink (&self->voice, utterances, sink, words, NULL, NULL, cancellable, error))
    return NULL;

  if (out_words != NULL)
    *out_words = g_steal_pointer (&words);
  return g_array_ref (pl_audio_sink_get_samples (sink));
}

static gboolean
save_wav (const Voice           *voice,
          GPtrArray             *utterances,
          const char            *path,
          GPtrArray            **out_words,
          PlSpeechProgressFunc   progress,
          gpointer               progress_data,
          GCancellable          *cancellable,
          GError               **error)
{
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(PlAudioSink) sink = NULL;
  guint rate = pl_speech_get_sample_rate ();

  if (rate == 0)
    {
      g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&engine_lock);

      return engine_start_locked (error);
    }

  sink = pl_audio_sink_new_file (path, rate, pl_audio_format_for_path (path), error);
  if (sink == NULL)
    return FALSE;

  if (out_words != NULL)
    words = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_speech_word_free);

  if (!render_to_sink (voice, utterances, sink, words, progress, progress_data,
                       cancellable, error))
    return FALSE;

  if (out_words != NULL)
    *out_words = g_steal_pointer (&words);
  return TRUE;
}

gboolean
pl_speech_save_audio (PlSpeech              *self,
                    PlDocument            *document,
                    guint                  start_block,
                    guint                  end_block,
                    const char            *path,
                    GPtrArray            **out_words,
                    PlSpeechProgressFunc   progress,
                    gpointer               progress_data,
                    GCancellable          *cancellable,
                    GError               **error)
{
  g_autoptr(GPtrArray) utterances = NULL;

  g_return_val_if_fail (PL_IS_SPEECH (self), FALSE);
  g_return_val_if_fail (PL_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  utterances = build_utterances (document, start_block, 0, end_block,
                                 (guint) self->voice.pause_ms);
  return save_wav (&self->voice, utterances, path, out_words, progress, progress_data,
                   cancellable, error);
}

typedef struct
{
  Voice                 voice;
  GPtrArray            *utterances;
  char                 *path;
  PlSpeechProgressFunc  progress;
  gpointer              progress_data;
  GMainContext         *context;
  double                last_fraction;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_free (job->voice.language);
  g_clear_pointer (&job->utterances, g_ptr_array_unref);
  g_free (job->path);
  g_main_context_unref (job->context);
  g_free (job);
}

typedef struct
{
  PlSpeechProgressFunc progress;
  gpointer             progress_data;
  double               fraction;
} ProgressPost;

static gboolean
progress_dispatch (gpointer data)
{
  ProgressPost *post = data;

  post->progress (post->fraction, post->progress_data);
  return G_SOURCE_REMOVE;
}

static void
save_job_progress (double   fraction,
                   gpointer data)
{
  SaveJob *job = data;
  ProgressPost *post;

  /* Every percent is plenty for a progress bar */
  if (job->progress == NULL || (fraction < 1.0 && fraction - job->last_fraction < 0.01))
    return;
  job->last_fraction = fraction;

  post = g_new0 (ProgressPost, 1);
  post->progress = job->progress;
  post->progress_data = job->progress_data;
  post->fraction = fraction;
  invoke_at (job->context, 0, progress_dispatch, post, g_free);
}

static void
save_wav_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (save_wav (&job->voice, job->utterances, job->path, NULL, save_job_progress, job,
                cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
pl_speech_save_audio_async (PlSpeech              *self,
                          PlDocument            *document,
                          guint                  start_block,
                          guint                  end_block,
                          const char            *path,
                          PlSpeechProgressFunc   progress,
                          gpointer               progress_data,
                          GCancellable          *cancellable,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  g_return_if_fail (PL_IS_SPEECH (self));
  g_return_if_fail (PL_IS_DOCUMENT (document));
  g_return_if_fail (path != NULL);

  job = g_new0 (SaveJob, 1);
  voice_copy (&job->voice, &self->voice);
  /* Built here: the document belongs to this thread */
  job->utterances = build_utterances (document, start_block, 0, end_block,
                                      (guint) self->voice.pause_ms);
  job->path = g_strdup (path);
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pl_speech_save_audio_async);
  g_task_set_task_data (task, job, save_job_free);
  g_task_run_in_thread (task, save_wav_thread);
}

gboolean
pl_speech_save_audio_finish (PlSpeech      *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (PL_IS_SPEECH (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
