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
#include "pl-speech-render.h"

typedef struct
{
  guint64               total_chars;
  guint64               done_chars;
  PlSpeechProgressFunc  func;
  gpointer              data;
} Progress;

static void
progress_init (Progress             *progress,
               GPtrArray            *utterances,
               PlSpeechProgressFunc  func,
               gpointer              data)
{
  progress->total_chars = 0;
  progress->done_chars = 0;
  progress->func = func;
  progress->data = data;
  for (guint i = 0; i < utterances->len; i++)
    progress->total_chars += ((PlSpeechUtterance *) g_ptr_array_index (utterances, i))->n_chars;
}

/* Utterances first to last (exclusive) into sink, which is then finished.
 * words gets each word's time; clips (one an utterance, or NULL) each
 * utterance's samples; chapter_at (utterance indices, or NULL) where each
 * chapter of the sink begins. */
static gboolean
render_to_sink (const PlSpeechVoice   *voice,
                GPtrArray             *utterances,
                guint                  first,
                guint                  last,
                PlAudioSink           *sink,
                GPtrArray             *words,
                PlSpeechClip          *clips,
                GArray                *chapter_at,
                Progress              *progress,
                GCancellable          *cancellable,
                GError               **error)
{
  guint64 base = 0;
  guint rate = pl_speech_get_sample_rate ();
  guint next_chapter = 0;

  for (guint i = first; i < last; i++)
    {
      const PlSpeechUtterance *utterance = g_ptr_array_index (utterances, i);
      g_autoptr(GArray) pcm = NULL;
      g_autofree guint64 *samples = NULL;
      /* The pause before a part, as pl_speech_synthesise makes it */
      guint64 lead = (guint64) utterance->lead_ms * rate / 1000;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!pl_speech_synthesise (voice, utterance, NULL, cancellable, &pcm, &samples, error))
        return FALSE;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      while (chapter_at != NULL && next_chapter < chapter_at->len &&
             g_array_index (chapter_at, guint, next_chapter) == i)
        {
          pl_audio_sink_mark_chapter (sink, base + MIN (lead, pcm->len));
          next_chapter++;
        }
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
      if (clips != NULL)
        {
          clips[i].begin = base + MIN (lead, pcm->len);
          clips[i].finish = base + pcm->len;
        }

      base += pcm->len;
      progress->done_chars += utterance->n_chars;
      if (progress->func != NULL)
        progress->func (progress->total_chars > 0
                        ? (double) progress->done_chars / (double) progress->total_chars : 1.0,
                        progress->data);
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
  Progress progress;

  g_return_val_if_fail (PL_IS_SPEECH (self), NULL);
  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);

  utterances = pl_speech_build_utterances (document, start_block, 0, end_block,
                                           (guint) self->voice.pause_ms);

  if (out_words != NULL)
    words = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_speech_word_free);

  progress_init (&progress, utterances, NULL, NULL);
  if (!render_to_sink (&self->voice, utterances, 0, utterances->len, sink, words, NULL, NULL,
                       &progress, cancellable, error))
    return NULL;

  if (out_words != NULL)
    *out_words = g_steal_pointer (&words);
  return g_array_ref (pl_audio_sink_get_samples (sink));
}

/* A sound file's chapters: one for each part of the document with
 * something said in it, titled by its heading */
typedef struct
{
  char    *title;       /* the document's */
  GStrv    titles;
  GArray  *at;          /* (element-type guint) the utterance each begins at */
} Chapters;

static void
chapters_clear (Chapters *chapters)
{
  g_clear_pointer (&chapters->title, g_free);
  g_clear_pointer (&chapters->titles, g_strfreev);
  g_clear_pointer (&chapters->at, g_array_unref);
}

static void
chapters_init (Chapters   *chapters,
               PlDocument *document,
               GPtrArray  *utterances)
{
  g_autoptr(GArray) starts = pl_document_get_part_starts (document);
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();
  guint u = 0;

  chapters->title = g_strdup (pl_document_get_title (document));
  chapters->at = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint p = 0; p < starts->len; p++)
    {
      guint start = g_array_index (starts, guint, p);
      guint end = p + 1 < starts->len ? g_array_index (starts, guint, p + 1) : G_MAXUINT;
      const PlBlock *first = pl_document_get_block (document, start);

      while (u < utterances->len &&
             ((PlSpeechUtterance *) g_ptr_array_index (utterances, u))->block < start)
        u++;
      if (u >= utterances->len ||
          ((PlSpeechUtterance *) g_ptr_array_index (utterances, u))->block >= end)
        continue;
      g_strv_builder_add (titles, first->kind == PL_BLOCK_HEADING
                                  ? first->text : pl_document_get_title (document));
      g_array_append_val (chapters->at, u);
    }
  chapters->titles = g_strv_builder_end (titles);
}

static gboolean
save_file (const PlSpeechVoice   *voice,
           GPtrArray             *utterances,
           const Chapters        *chapters,
           const char            *path,
           GPtrArray            **out_words,
           PlSpeechProgressFunc   progress_func,
           gpointer               progress_data,
           GCancellable          *cancellable,
           GError               **error)
{
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(PlAudioSink) sink = NULL;
  guint rate = pl_speech_get_sample_rate ();
  Progress progress;

  if (rate == 0)
    return pl_speech_engine_start (error);

  sink = pl_audio_sink_new_file_with_chapters (path, rate, pl_audio_format_for_path (path),
                                               chapters->title, chapters->titles, error);
  if (sink == NULL)
    return FALSE;

  if (out_words != NULL)
    words = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_speech_word_free);

  progress_init (&progress, utterances, progress_func, progress_data);
  if (!render_to_sink (voice, utterances, 0, utterances->len, sink, words, NULL, chapters->at,
                       &progress, cancellable, error))
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
  Chapters chapters = { 0 };
  gboolean ok;

  g_return_val_if_fail (PL_IS_SPEECH (self), FALSE);
  g_return_val_if_fail (PL_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  utterances = pl_speech_build_utterances (document, start_block, 0, end_block,
                                           (guint) self->voice.pause_ms);
  chapters_init (&chapters, document, utterances);
  ok = save_file (&self->voice, utterances, &chapters, path, out_words, progress, progress_data,
                  cancellable, error);
  chapters_clear (&chapters);
  return ok;
}

typedef struct
{
  PlSpeechVoice                 voice;
  GPtrArray            *utterances;
  Chapters              chapters;
  char                 *path;
  PlProgressRelay       progress;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  pl_speech_voice_clear (&job->voice);
  g_clear_pointer (&job->utterances, g_ptr_array_unref);
  chapters_clear (&job->chapters);
  g_free (job->path);
  pl_progress_relay_clear (&job->progress);
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

void
pl_progress_relay_init (PlProgressRelay      *relay,
                        PlSpeechProgressFunc  func,
                        gpointer              data)
{
  relay->func = func;
  relay->data = data;
  relay->context = g_main_context_ref_thread_default ();
  relay->last_fraction = 0.0;
}

void
pl_progress_relay_clear (PlProgressRelay *relay)
{
  g_clear_pointer (&relay->context, g_main_context_unref);
}

void
pl_progress_relay_post (double   fraction,
                        gpointer data)
{
  PlProgressRelay *relay = data;
  ProgressPost *post;

  /* Every percent is plenty for a progress bar */
  if (relay->func == NULL || (fraction < 1.0 && fraction - relay->last_fraction < 0.01))
    return;
  relay->last_fraction = fraction;

  post = g_new0 (ProgressPost, 1);
  post->progress = relay->func;
  post->progress_data = relay->data;
  post->fraction = fraction;
  pl_speech_invoke_at (relay->context, 0, progress_dispatch, post, g_free);
}

static void
save_wav_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (save_file (&job->voice, job->utterances, &job->chapters, job->path, NULL,
                 pl_progress_relay_post, &job->progress, cancellable, &error))
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
  chapters_init (&job->chapters, document, job->utterances);
  job->path = g_strdup (path);
  pl_progress_relay_init (&job->progress, progress, progress_data);

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


/* The talking book's narration, a part at a time */

struct _PlSpeechRenderer
{
  PlSpeechVoice  voice;
  GPtrArray     *utterances;
  GArray        *clips;       /* (element-type PlSpeechClip) one an utterance */
  Progress       progress;
};

PlSpeechRenderer *
pl_speech_renderer_new (PlSpeech   *speech,
                        PlDocument *document)
{
  PlSpeechRenderer *self;

  g_return_val_if_fail (PL_IS_SPEECH (speech), NULL);
  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);

  self = g_new0 (PlSpeechRenderer, 1);
  pl_speech_voice_copy (&self->voice, &speech->voice);
  self->utterances = pl_speech_build_utterances (document, 0, 0, PL_SPEECH_TO_END,
                                                 (guint) speech->voice.pause_ms);
  self->clips = g_array_sized_new (FALSE, TRUE, sizeof (PlSpeechClip), self->utterances->len);
  for (guint i = 0; i < self->utterances->len; i++)
    {
      const PlSpeechUtterance *utterance = g_ptr_array_index (self->utterances, i);
      PlSpeechClip clip = { 0 };

      clip.block = utterance->block;
      clip.start = utterance->sentence.start;
      clip.end = utterance->sentence.end;
      clip.with_label = utterance->prefix_chars > 0;
      g_array_append_val (self->clips, clip);
    }
  progress_init (&self->progress, self->utterances, NULL, NULL);
  return self;
}

GArray *
pl_speech_renderer_get_clips (PlSpeechRenderer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->clips;
}

gboolean
pl_speech_renderer_run (PlSpeechRenderer      *self,
                        guint                  start_block,
                        guint                  end_block,
                        PlAudioSink           *sink,
                        PlSpeechProgressFunc   progress,
                        gpointer               progress_data,
                        GCancellable          *cancellable,
                        GError               **error)
{
  guint first = 0, last;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);

  while (first < self->utterances->len &&
         ((PlSpeechUtterance *) g_ptr_array_index (self->utterances, first))->block < start_block)
    first++;
  for (last = first; last < self->utterances->len &&
       ((PlSpeechUtterance *) g_ptr_array_index (self->utterances, last))->block < end_block; last++)
    ;

  self->progress.func = progress;
  self->progress.data = progress_data;
  return render_to_sink (&self->voice, self->utterances, first, last, sink, NULL,
                         (PlSpeechClip *) self->clips->data, NULL, &self->progress,
                         cancellable, error);
}

void
pl_speech_renderer_free (PlSpeechRenderer *self)
{
  if (self == NULL)
    return;
  pl_speech_voice_clear (&self->voice);
  g_clear_pointer (&self->utterances, g_ptr_array_unref);
  g_clear_pointer (&self->clips, g_array_unref);
  g_free (self);
}
