/* pl-spoken-highlight.c: the sentence and word being read, shown in a document view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One piece of code for the person's reader and for Together mode: the
 * eyes follow the voice (NG21 1.2.5, audio versions that keep the place).
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-spoken-highlight-private.h"

struct _PlSpokenHighlight
{
  GObject         parent_instance;

  PlSpeech       *speech;
  PlDocumentView *view;
  char           *theme_id;
  int             block;          /* highlighted; -1 none */
  guint           sentence_start;
  guint           sentence_end;
};

G_DEFINE_FINAL_TYPE (PlSpokenHighlight, pl_spoken_highlight, G_TYPE_OBJECT)

static void
clear (PlSpokenHighlight *self)
{
  if (self->block < 0)
    return;
  self->block = -1;
  self->sentence_start = self->sentence_end = 0;
  pl_document_view_set_spoken (self->view, -1, 0, 0, 0, 0, NULL);
}

/* Block numbers are only meaningful in the document being read */
static gboolean
reads_shown_document (PlSpokenHighlight *self)
{
  PlDocument *reading = pl_speech_get_document (self->speech);

  return reading != NULL && reading == pl_document_view_get_document (self->view);
}

static void
sentence_cb (PlSpeech          *speech,
             guint              block,
             guint              start,
             guint              end,
             PlSpokenHighlight *self)
{
  if (!reads_shown_document (self))
    {
      clear (self);
      return;
    }
  self->block = (int) block;
  self->sentence_start = start;
  self->sentence_end = end;
  pl_document_view_set_spoken (self->view, (int) block, start, end, 0, 0, self->theme_id);
}

static void
word_cb (PlSpeech          *speech,
         guint              block,
         guint              start,
         guint              end,
         PlSpokenHighlight *self)
{
  if (!reads_shown_document (self))
    {
      clear (self);
      return;
    }
  /* A word outside the sentence last reported has no sentence shading */
  if (self->block != (int) block || start < self->sentence_start || end > self->sentence_end)
    {
      self->block = (int) block;
      self->sentence_start = self->sentence_end = 0;
    }
  pl_document_view_set_spoken (self->view, (int) block,
                               self->sentence_start, self->sentence_end, start, end,
                               self->theme_id);
}

static void
state_cb (PlSpeech          *speech,
          guint              state,
          PlSpokenHighlight *self)
{
  /* Paused keeps the highlight where the voice will carry on */
  if (state == PL_SPEECH_STATE_IDLE)
    clear (self);
}

static void
pl_spoken_highlight_dispose (GObject *object)
{
  PlSpokenHighlight *self = PL_SPOKEN_HIGHLIGHT (object);

  if (self->speech != NULL)
    g_signal_handlers_disconnect_by_data (self->speech, self);
  g_clear_object (&self->speech);
  g_clear_object (&self->view);

  G_OBJECT_CLASS (pl_spoken_highlight_parent_class)->dispose (object);
}

static void
pl_spoken_highlight_finalize (GObject *object)
{
  PlSpokenHighlight *self = PL_SPOKEN_HIGHLIGHT (object);

  g_free (self->theme_id);

  G_OBJECT_CLASS (pl_spoken_highlight_parent_class)->finalize (object);
}

static void
pl_spoken_highlight_class_init (PlSpokenHighlightClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pl_spoken_highlight_dispose;
  object_class->finalize = pl_spoken_highlight_finalize;
}

static void
pl_spoken_highlight_init (PlSpokenHighlight *self)
{
  self->block = -1;
}

PlSpokenHighlight *
pl_spoken_highlight_new (PlSpeech       *speech,
                         PlDocumentView *view)
{
  PlSpokenHighlight *self;

  g_return_val_if_fail (PL_IS_SPEECH (speech), NULL);
  g_return_val_if_fail (PL_IS_DOCUMENT_VIEW (view), NULL);

  self = g_object_new (PL_TYPE_SPOKEN_HIGHLIGHT, NULL);
  self->speech = g_object_ref (speech);
  self->view = g_object_ref (view);
  g_signal_connect (speech, "sentence", G_CALLBACK (sentence_cb), self);
  g_signal_connect (speech, "word", G_CALLBACK (word_cb), self);
  g_signal_connect (speech, "state-changed", G_CALLBACK (state_cb), self);
  return self;
}

void
pl_spoken_highlight_set_theme (PlSpokenHighlight *self,
                               const char        *theme_id)
{
  g_return_if_fail (PL_IS_SPOKEN_HIGHLIGHT (self));

  g_free (self->theme_id);
  self->theme_id = g_strdup (theme_id);
}

int
pl_spoken_highlight_get_block (PlSpokenHighlight *self)
{
  g_return_val_if_fail (PL_IS_SPOKEN_HIGHLIGHT (self), -1);

  return self->block;
}
