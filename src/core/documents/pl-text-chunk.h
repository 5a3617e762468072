/* pl-text-chunk.h: long text in pieces a layout can take
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A part a member of staff writes may be megabytes long with no blank line
 * in it, so one paragraph. Text layout (Pango) slows down more than in
 * proportion on a paragraph that long, and counts its height in an int
 * that overflows past about two million points, so the screen and the page
 * lay such a text out in pieces: each a paragraph's size, cut where the
 * person's own lines or sentences end, else between words.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most a piece holds, in bytes; shorter texts stay in one piece */
#define PL_TEXT_CHUNK_BYTES 2000

typedef struct
{
  gsize start;   /* byte offsets into the text: [start, end) */
  gsize end;
} PlTextChunk;

/* Pieces of at most max_bytes that cover all of text, in order, each cut
 * just after a line break, else a sentence's end, else a space, in its
 * second half; a word longer than that is cut between characters. Never
 * empty: an empty text is one empty piece. */
GArray *pl_text_chunks (const char *text,
                        gsize       max_bytes);

G_END_DECLS
