/* pl-speech-reading.c: a reading's thread, the speaker, and the words it posts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reading runs in its own thread: it synthesises one sentence (so the
 * first audio comes quickly even for a long plan), then writes it to the
 * output in short chunks, posting each word to the main context for the
 * moment the speaker says it. Pause keeps the sentence's samples and
 * resumes at the start of the word that was being spoken; espeak-ng has no
 * pause of its own.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-audio.h"
#include "pl-speech-private.h"

PlSpeechReading *
pl_speech_reading_ref (PlSpeechReading *reading)
{
  g_atomic_ref_count_inc (&reading->ref);
  return reading;
}

void
pl_speech_reading_unref (PlSpeechReading *reading)
{
  if (!g_atomic_ref_count_dec (&reading->ref))
    return;

  g_mutex_clear (&reading->lock);
  g_cond_clear (&reading->cond);
  g_clear_pointer (&reading->utterances, g_ptr_array_unref);
  pl_speech_voice_clear (&reading->voice);
  g_main_context_unref (reading->context);
  g_weak_ref_clear (&reading->speech);
  g_free (reading);
}

static void
post_free (gpointer data)
{
  PlSpeechPost *post = data;

  pl_speech_reading_unref (post->reading);
  g_clear_error (&post->error);
  g_free (post);
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
void
pl_speech_invoke_at (GMainContext   *context,
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
post_at (PlSpeechReading  *reading,
         gint64            due,
         PlSpeechPostKind  kind,
         guint             block,
         guint             start,
         guint             end,
         GError           *error)
{
  PlSpeechPost *p = g_new0 (PlSpeechPost, 1);

  p->reading = pl_speech_reading_ref (reading);
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
  pl_speech_invoke_at (reading->context, p->due, pl_speech_dispatch_post, p, post_free);
}

void
pl_speech_post (PlSpeechReading  *reading,
                PlSpeechPostKind  kind,
                guint             block,
                guint             start,
                guint             end,
                GError           *error)
{
  post_at (reading, 0, kind, block, start, end, error);
}

static void
post_word (PlSpeechReading         *reading,
           gint64                   due,
           const PlSpeechUtterance *utterance,
           guint                    w)
{
  const PlSpeechRange *word = &g_array_index (utterance->words, PlSpeechRange, w);

  post_at (reading, due, PL_SPEECH_POST_WORD, utterance->block, word->start, word->end, NULL);
}

/* The null output plays at the pace of a speaker (times speed), so the
 * controls can be tried without one; a control wakes it early */
static void
pace (PlSpeechReading *reading,
      gint64           clock_start,
      guint64          played,
      guint            rate)
{
  gint64 due;

  if (reading->output != PL_SPEECH_OUTPUT_NULL || reading->speed <= 0)
    return;

  due = clock_start + (gint64) ((double) played * G_USEC_PER_SEC / rate / reading->speed);
  g_mutex_lock (&reading->lock);
  while (!g_atomic_int_get (&reading->stopped) && !reading->paused &&
         reading->jump == PL_SPEECH_JUMP_NONE && g_get_monotonic_time () < due)
    g_cond_wait_until (&reading->cond, &reading->lock, due);
  g_mutex_unlock (&reading->lock);
}

/* The next sentence is made while this one plays, so that a long sentence
 * does not leave the speaker silent while espeak-ng works on it */
typedef struct
{
  GThread                 *thread;
  guint                    index;
  const PlSpeechVoice     *voice;
  const PlSpeechUtterance *utterance;
  gint                     cancelled;  /* atomic: a sentence no longer wanted */
  gboolean                 ok;
  GArray                  *pcm;
  guint64                 *samples;
  GError                  *error;
} Ahead;

static gpointer
ahead_thread (gpointer data)
{
  Ahead *ahead = data;

  ahead->ok = pl_speech_synthesise (ahead->voice, ahead->utterance, &ahead->cancelled, NULL,
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
ahead_start (Ahead           *ahead,
             PlSpeechReading *reading,
             guint            index)
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
ahead_take (Ahead                    *ahead,
            const PlSpeechVoice      *voice,
            guint                     index,
            const PlSpeechUtterance  *utterance,
            const gint               *stopped,
            GArray                  **out_pcm,
            guint64                 **out_samples,
            GError                  **error)
{
  /* Another sentence (a jump back, or none made): stopped, not waited for */
  if (ahead->utterance == NULL || ahead->index != index)
    {
      ahead_clear (ahead);
      return pl_speech_synthesise (voice, utterance, stopped, NULL, out_pcm, out_samples, error);
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

gpointer
pl_speech_reading_thread (gpointer data)
{
  PlSpeechReading *reading = data;
  g_autoptr(GError) error = NULL;
  PlAudioSink *sink = NULL;
  Ahead ahead = { NULL, };
  guint rate = pl_speech_get_sample_rate ();
  guint chunk = rate * PL_SPEECH_CHUNK_MS / 1000;
  guint i = 0;
  gboolean heard = FALSE;

  if (rate == 0)
    {
      pl_speech_engine_start (&error);
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
      const PlSpeechUtterance *utterance = g_ptr_array_index (reading->utterances, i);
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
      PlSpeechJump jump = PL_SPEECH_JUMP_NONE;

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
                     reading->jump == PL_SPEECH_JUMP_NONE)
                g_cond_wait (&reading->cond, &reading->lock);
              resumed = TRUE;
            }
          jump = reading->jump;
          reading->jump = PL_SPEECH_JUMP_NONE;
          reading->thread_epoch = reading->epoch;
          g_mutex_unlock (&reading->lock);

          if (g_atomic_int_get (&reading->stopped) || jump != PL_SPEECH_JUMP_NONE)
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
              post_at (reading, sentence_due, PL_SPEECH_POST_SENTENCE,
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

      if (jump != PL_SPEECH_JUMP_NONE)
        reading->last_due = 0;
      switch (jump)
        {
        case PL_SPEECH_JUMP_PREVIOUS:
          pl_audio_sink_flush (sink);
          i = i > 0 ? i - 1 : 0;
          break;
        case PL_SPEECH_JUMP_REPEAT:
          pl_audio_sink_flush (sink);
          break;
        case PL_SPEECH_JUMP_NEXT:
          pl_audio_sink_flush (sink);
          i++;
          break;
        case PL_SPEECH_JUMP_NONE:
        default:
          i++;
          break;
        }
    }

  if (!g_atomic_int_get (&reading->stopped))
    {
      if (!pl_audio_sink_finish (sink, &error))
        goto failed;
      pl_speech_post (reading, PL_SPEECH_POST_FINISHED, 0, 0, 0, NULL);
    }
  goto done;

failed:
  if (!g_atomic_int_get (&reading->stopped))
    pl_speech_post (reading, PL_SPEECH_POST_ERROR, 0, 0, 0, g_steal_pointer (&error));

done:
  ahead_clear (&ahead);
  /* Also what drops the sound still queued after Stop */
  pl_audio_sink_free (sink);
  pl_speech_reading_unref (reading);
  return NULL;
}
