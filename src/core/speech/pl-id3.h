/* pl-id3.h: chapters in an MP3 file (ID3v2 CHAP and CTOC frames)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the core library. The tag's size depends on the titles
 * alone, never the times, so a writer can keep its room at the start of
 * the file and fill in the times once the sound is made.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *title;
  guint32     start_ms;
  guint32     end_ms;
} PlId3Chapter;

/* An ID3v2.3 tag: the title (TIT2), a chapter (CHAP "ch1"…) for each of
 * chapters with its title, and a table of contents (CTOC "toc") listing
 * them in order; more than 255 are listed through tables of 255 within
 * it. title may be NULL. */
GByteArray *pl_id3_chapter_tag (const char         *title,
                                const PlId3Chapter *chapters,
                                guint               n_chapters);

G_END_DECLS
