/* pl-speech-engine.c: espeak-ng, its languages, and sentences made into sound
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * espeak-ng is one engine per process, so every call into it holds
 * engine_lock. It reports where each word starts as it goes; those marks
 * become the sample where each word of a sentence is heard.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include <espeak-ng/speak_lib.h>
#include "pl-i18n.h"

#include "pl-speech-private.h"
#include "pl-speech-say.h"

typedef struct
{
  int     position;   /* espeak-ng's: characters from 1 */
  guint64 sample;
} Mark;

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
static PlSpeechEngineTrace engine_trace;
static gpointer engine_trace_data;

void
pl_speech_engine_set_trace (PlSpeechEngineTrace func,
                            gpointer            data)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&engine_lock);

  engine_trace = func;
  engine_trace_data = data;
}

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
      int rate = espeak_Initialize (AUDIO_OUTPUT_SYNCHRONOUS, PL_SPEECH_CHUNK_MS, NULL,
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

/* Starts espeak-ng once for the process; FALSE, with words for the person,
 * when it cannot */
gboolean
pl_speech_engine_start (GError **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&engine_lock);

  return engine_start_locked (error);
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

/* "en-GB" → "en-gb", else "en", else English; language, when given, is
 * the one the text needs (Panjabi in Shahmukhi is read by the Urdu voice) */
static void
engine_set_voice_locked (const PlSpeechVoice *voice,
                         const char          *language)
{
  if (language == NULL)
    language = voice->language != NULL ? voice->language : "en-gb";

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

  espeak_SetParameter (espeakRATE, CLAMP (voice->rate, PL_SPEECH_RATE_MIN, PL_SPEECH_RATE_MAX), 0);
  espeak_SetParameter (espeakPITCH, CLAMP (voice->pitch, 0, 100), 0);
  espeak_SetParameter (espeakVOLUME, CLAMP (voice->volume, 0, 100), 0);
}

/* Gives each word the sample where it starts. espeak-ng's positions count
 * characters from 1 and can be late, early, repeated ("10:30am" gives three)
 * or missing ("the" after "in"), so each position goes to the word it falls
 * in, or the next word after spaces and punctuation; no word twice, never
 * backwards; words without a mark are placed between their neighbours. */
static void
map_marks (const PlSpeechUtterance *utterance,
           const GArray            *said,
           GArray                  *marks,
           guint64                  lead,
           guint64                  total,
           guint64                 *samples)
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
      long position = (long) mark->position - 1;
      guint block_char;
      guint w;
      gboolean gap_ok = TRUE;

      /* From the characters said back to those written */
      if (position < 0)
        continue;
      position = (long) g_array_index (said, guint, MIN ((gulong) position, (gulong) said->len - 1));
      position -= (long) utterance->prefix_chars;
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
gboolean
pl_speech_synthesise (const PlSpeechVoice      *voice,
                      const PlSpeechUtterance  *utterance,
                      const gint               *stopped,
                      GCancellable             *cancellable,
                      GArray                  **out_pcm,
                      guint64                 **out_samples,
                      GError                  **error)
{
  g_autoptr(GArray) pcm = g_array_new (FALSE, TRUE, sizeof (gint16));
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  guint64 *samples = g_new0 (guint64, MAX (utterance->words->len, 1));
  guint64 lead;
  espeak_ERROR status = EE_OK;
  /* A part staff wrote in another language is read in it, whatever the
   * voice's own */
  const char *language = utterance->language != NULL ? utterance->language
                         : voice->language != NULL ? voice->language : "en-gb";
  /* The one place every reading, sound file, talking book and talking
   * button turns written words into what the voice is given */
  g_autoptr(PlSpeechSay) say = pl_speech_say_new_full (utterance->text, language,
                                                       voice->lexicon);

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
        engine_set_voice_locked (voice, pl_speech_say_language (utterance->text, language));
        engine_collector = &collector;
        if (engine_trace != NULL)
          engine_trace (say->text, engine_trace_data);
        status = espeak_Synth (say->text, strlen (say->text) + 1, 0, POS_CHARACTER, 0,
                               espeakCHARS_UTF8 | espeakENDPAUSE | (say->ssml ? espeakSSML : 0) |
                               (say->phonemes ? espeakPHONEMES : 0),
                               NULL, NULL);
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

  map_marks (utterance, say->map, marks, lead, pcm->len, samples);
  *out_pcm = g_steal_pointer (&pcm);
  *out_samples = samples;
  return TRUE;
}
