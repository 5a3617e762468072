/* pl-speech-render.h: a document's sound made for another writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the core library, like pl-audio.h: the talking book makes
 * its narration a part at a time, each into a sound file of its own, and
 * needs where each sentence begins and ends in it.
 */

#pragma once

#include "pl-audio.h"
#include "pl-speech.h"

G_BEGIN_DECLS

/* One utterance: a sentence of a block, said after the block's label when
 * it is the block's first */
typedef struct
{
  guint     block;
  guint     start;       /* the sentence's characters in the block's text; */
  guint     end;         /* 0-0 for a label said alone */
  gboolean  with_label;
  guint64   begin;       /* samples from the start of its run's sound, after */
  guint64   finish;      /* any pause before a part; finish is exclusive */
} PlSpeechClip;

typedef struct _PlSpeechRenderer PlSpeechRenderer;

/* What speech says for the whole of document in speech's voice, read now
 * in the calling thread, so run may be called from another */
PlSpeechRenderer *pl_speech_renderer_new       (PlSpeech          *speech,
                                                PlDocument        *document);
/* (element-type PlSpeechClip) one an utterance, in order: begin and finish
 * are set for those a run has made */
GArray           *pl_speech_renderer_get_clips (PlSpeechRenderer  *self);
/* Writes the sound of blocks start_block to end_block (exclusive) into
 * sink and finishes it; progress is over the whole document */
gboolean          pl_speech_renderer_run       (PlSpeechRenderer  *self,
                                                guint              start_block,
                                                guint              end_block,
                                                PlAudioSink       *sink,
                                                PlSpeechProgressFunc progress,
                                                gpointer           progress_data,
                                                GCancellable      *cancellable,
                                                GError           **error);
void              pl_speech_renderer_free      (PlSpeechRenderer  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlSpeechRenderer, pl_speech_renderer_free)

G_END_DECLS
