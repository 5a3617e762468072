/* pl-document-view-private.h: what the document view's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view's structure, and the functions one of its files gives the others.
 */

#pragma once

#include <adwaita.h>

#include "pl-document.h"
#include "pl-document-view.h"
#include "pl-long-text.h"

G_BEGIN_DECLS

/* A place in the document: the block at the top of the view, how far the
 * view is scrolled into it, and the block that had the keyboard focus */
typedef struct
{
  int    top_block;
  double offset;
  int    focus_block;   /* -1: none */
} PlViewPlace;

struct _PlDocumentView
{
  GtkWidget          parent_instance;

  /* template */
  GtkScrolledWindow *scroller;
  GtkViewport       *viewport;
  AdwBin            *measure;
  GtkBox            *column;

  PlDocument        *document;
  GHashTable        *anchors;        /* anchor → the GtkWidget presenting it (borrowed) */
  GPtrArray         *block_widgets;  /* block index → GtkWidget (borrowed) */

  int                pending_block;  /* waiting for layout before scrolling; -1 none */
  double             pending_offset; /* where the view's top goes, from the block's top */
  guint              scroll_tick_id;
  guint              scroll_frames;

  GArray            *back_stack;     /* PlViewPlace */

  /* The reading line: a line of the block with the keyboard focus, moved by
   * Up and Down. Reading aids are drawn around it; they are visual only. */
  int                reading_block;  /* -1: none yet */
  int                reading_piece;  /* of a long text (pl-long-text.h); else 0 */
  int                reading_line;   /* within the block, or the long text's piece */
  int                line_focus;     /* 0 off; else lines kept bright */
  gboolean           reading_ruler;
  GdkRGBA            shade_color;
  GdkRGBA            ruler_color;
  double             pointer_x;
  double             pointer_y;

  GtkWidget         *spoken_label;   /* weak: the label being read aloud */

  /* With a screen reader, Up and Down move a block at a time: the reader
   * speaks what takes the focus, and a screen line is not a thing it can
   * say. Without one they move the reading line. */
  gboolean           by_block;

  GtkWindow         *focus_window;   /* whose focus-widget is followed */
  gulong             focus_handler;
};

/* RNIB clear print: lines of no more than about 70 characters. GTK counts
 * max-width-chars in the wider of the font's average character and digit
 * widths, well above the average letter of running text: 50 of them hold
 * about 70 letters in DejaVu Sans or Cantarell, at any size. */
#define LINE_LENGTH_CHARS 50

/* pl-document-view-blocks.c: the widgets that show one block, with its
 * accessible role. A text longer than PL_TEXT_CHUNK_BYTES becomes a
 * PlLongText of paragraph-sized labels, laid out only near the view. */
GtkWidget *pl_document_view_block_new      (PlDocumentView *self,
                                            const PlBlock  *block);

/* The long text in widget (a block's widget), or NULL */
PlLongText *pl_document_view_block_long_text (GtkWidget    *widget);

/* The label showing character (of the block's own text) of the block
 * shown by widget, laid out now if it was not, and where its text
 * starts in the block's; NULL when the block has no such label (a heading,
 * a link). */
GtkWidget *pl_document_view_block_label_at (GtkWidget      *widget,
                                            const char     *block_text,
                                            guint           character,
                                            guint          *out_start);
/* Where label's text starts in its block's text, in characters: 0 but for
 * the later labels of a long text */
guint      pl_document_view_label_start    (GtkWidget      *label);
/* Characters a label shows before its block's own text: 1 where a
 * right-to-left mark leads a line that starts with a Latin letter */
guint      pl_document_view_label_shift    (GtkWidget      *label);

/* Orca's Say All reads the focused text and then the text its flows-to
 * relation names, and so on: each piece of the document's text (a heading,
 * a paragraph, a value, a piece of a long text, a link's words) names the
 * next, so Say All reads from the focused block to the end. */
void       pl_document_view_link_text      (PlDocumentView *self);

/* pl-document-view.c */
/* GtkWidget's class, for the other files' virtual functions to chain up to */
GtkWidgetClass *pl_document_view_parent_widget_class (void);
/* Says can-go-back has changed, when the Back stack empties or fills */
void            pl_document_view_notify_can_go_back  (PlDocumentView *self);
/* Where keyboard focus goes when a block is reached: the block itself if it
 * takes focus (headings, paragraphs), else the first thing inside it that
 * does (a field's value) */
void            pl_document_view_focus_block_widget  (GtkWidget      *widget);
/* The index of the block a block's widget shows */
int             pl_document_view_block_index         (GtkWidget      *block);
/* The block holding widget, or -1 if it is not in the text */
int             pl_document_view_block_of_widget     (PlDocumentView *self,
                                                      GtkWidget      *widget);
/* The block holding the keyboard focus, or -1 */
int             pl_document_view_focused_block       (PlDocumentView *self);

/* pl-document-view-places.c: the block at the top of the view and how far
 * the view's top is into it; FALSE when no block is in view */
gboolean        pl_document_view_top_block           (PlDocumentView *self,
                                                      int            *out_index,
                                                      double         *out_offset);

/* pl-document-view-reading.c: the reading line's drawing, actions and keys,
 * and the pointer and focus it follows */
void            pl_document_view_reading_class_init  (GtkWidgetClass *widget_class);
void            pl_document_view_reading_init        (PlDocumentView *self);

/* What only the tests reach */
gboolean       pl_document_view_can_go_back        (PlDocumentView *self);
/* Never scrolls (WCAG 1.4.10); tests check that its page holds everything */
GtkAdjustment *pl_document_view_get_hadjustment    (PlDocumentView *self);
/* The label now highlighted, or NULL; for tests */
GtkWidget     *pl_document_view_get_spoken_label   (PlDocumentView *self);

G_END_DECLS
