/* pl-speech-save.c: a reading rendered to memory or to a sound file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same utterances as a reading aloud, made one after another without
 * waiting for a speaker, with where each word starts for a player's
 * highlight. Files are written off the main thread.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-audio.h"
#include "pl-speech-private.h"

static gboolean
render_to_sink (const PlSpeechVoice   *voice,
                GPtrArray             *utterances,
                PlAudioSink           *sink,
                GPtrArray             *words,
                PlSpeechProgressFunc   progress,
                gpointer               progress_data,
                GCancellable          *cancellable,
                GError               **error)
{
  guint64 base = 0;
  guint64 total_chars = 0, done_chars = 0;
  guint rate = pl_speech_get_sample_rate ();

  for (guint i = 0; i < utterances->len; i++)
    total_chars += ((PlSpeechUtterance *) g_ptr_array_index (utterances, i))->n_chars;

  for (guint i = 0; i < utterances->len; i++)
    {
      const PlSpeechUtterance *utterance = g_ptr_array_index (utterances, i);
      g_autoptr(GArray) pcm = NULL;
      g_autofree guint64 *samples = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!pl_speech_synthesise (voice, utterance, NULL, cancellable, &pcm, &samples, error))
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

  utterances = pl_speech_build_utterances (document, start_block, 0, end_block,
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
save_wav (const PlSpeechVoice   *voice,
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
    return pl_speech_engine_start (error);

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

  utterances = pl_speech_build_utterances (document, start_block, 0, end_block,
                                           (guint) self->voice.pause_ms);
  return save_wav (&self->voice, utterances, path, out_words, progress, progress_data,
                   cancellable, error);
}

typedef struct
{
  PlSpeechVoice                 voice;
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
  pl_speech_invoke_at (job->context, 0, progress_dispatch, post, g_free);
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
  pl_speech_voice_copy (&job->voice, &self->voice);
  /* Built here: the document belongs to this thread */
  job->utterances = pl_speech_build_utterances (document, start_block, 0, end_block,
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

