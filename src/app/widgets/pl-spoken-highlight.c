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
#include "pl-theme.h"

struct _PlSpokenHighlight
{
  GObject         parent_instance;

  PlSpeech       *speech;
  PlDocumentView *view;
  PlEasyReadView *easy_read;      /* or NULL */
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
  if (self->easy_read != NULL)
    pl_easy_read_view_set_spoken (self->easy_read, -1, 0, 0, 0, 0, NULL);
}

/* A reading of the lines easy read shows: drawn there */
static gboolean
reads_easy_read (PlSpokenHighlight *self)
{
  PlDocument *reading = pl_speech_get_document (self->speech);

  return self->easy_read != NULL && reading != NULL &&
         reading == pl_easy_read_view_peek_spoken_document (self->easy_read);
}

/* The sentence and word where the reading is now */
static void
show (PlSpokenHighlight *self,
      guint              word_start,
      guint              word_end)
{
  if (reads_easy_read (self))
    pl_easy_read_view_set_spoken (self->easy_read, self->block, self->sentence_start,
                                  self->sentence_end, word_start, word_end, self->theme_id);
  else
    pl_document_view_set_spoken (self->view, self->block, self->sentence_start,
                                 self->sentence_end, word_start, word_end, self->theme_id);
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
  if (!reads_shown_document (self) && !reads_easy_read (self))
    {
      clear (self);
      return;
    }
  self->block = (int) block;
  self->sentence_start = start;
  self->sentence_end = end;
  show (self, 0, 0);
}

static void
word_cb (PlSpeech          *speech,
         guint              block,
         guint              start,
         guint              end,
         PlSpokenHighlight *self)
{
  if (!reads_shown_document (self) && !reads_easy_read (self))
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
  show (self, start, end);
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
  g_clear_object (&self->easy_read);

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

void
pl_spoken_highlight_set_easy_read (PlSpokenHighlight *self,
                                   PlEasyReadView    *view)
{
  g_return_if_fail (PL_IS_SPOKEN_HIGHLIGHT (self));
  g_return_if_fail (view == NULL || PL_IS_EASY_READ_VIEW (view));

  clear (self);
  g_set_object (&self->easy_read, view);
}

static PangoAttribute *
ranged (PangoAttribute *attribute,
        guint           start,
        guint           end)
{
  attribute->start_index = start;
  attribute->end_index = end;
  return attribute;
}

static void
add_colors (PangoAttrList *attrs,
            PlColor        text,
            PlColor        background,
            guint          start,
            guint          end)
{
  pango_attr_list_insert (attrs, ranged (pango_attr_foreground_new (text.r * 257, text.g * 257,
                                                                    text.b * 257),
                                         start, end));
  pango_attr_list_insert (attrs, ranged (pango_attr_background_new (background.r * 257,
                                                                    background.g * 257,
                                                                    background.b * 257),
                                         start, end));
}

static guint
byte_index (const char *text,
            guint       characters)
{
  glong length = g_utf8_strlen (text, -1);

  return (guint) (g_utf8_offset_to_pointer (text, MIN ((glong) characters, length)) - text);
}

PangoAttrList *
pl_spoken_attributes (const char *text,
                      guint       sentence_start,
                      guint       sentence_end,
                      guint       word_start,
                      guint       word_end,
                      const char *theme_id)
{
  const PlTheme *theme = pl_theme_lookup (theme_id);
  PangoAttrList *attrs = pango_attr_list_new ();

  g_return_val_if_fail (text != NULL, attrs);

  if (sentence_end > sentence_start)
    add_colors (attrs, theme->notice_text, theme->notice_background,
                byte_index (text, sentence_start), byte_index (text, sentence_end));
  if (word_end > word_start)
    add_colors (attrs, theme->highlight_text, theme->highlight_background,
                byte_index (text, word_start), byte_index (text, word_end));
  return attrs;
}
