/* pl-epub-private.h: what the talking book's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pl-epub-content.c makes the book's pages from the document, in the
 * calling thread; pl-epub.c narrates them and writes the package, which
 * may be in a worker thread, as it reads the document no more.
 */

#pragma once

#include "pl-epub.h"
#include "pl-speech-render.h"

G_BEGIN_DECLS

typedef struct
{
  guint  start_block;
  guint  end_block;      /* exclusive */
  char  *title;
  char  *xhtml;
  guint  first_clip;     /* the renderer's clips of this part */
  guint  end_clip;
} PlEpubPart;

typedef struct
{
  char             *title;
  char             *language;
  char             *version;
  char             *person_name;
  char             *css;
  char             *title_page;
  char             *nav;
  GPtrArray        *parts;      /* (element-type PlEpubPart) */
  PlSpeechRenderer *renderer;
} PlEpubBook;

/* Everything of the book but its narration */
PlEpubBook *pl_epub_book_new      (PlDocument          *document,
                                   const PlEpubOptions *options,
                                   PlSpeech            *speech);
void        pl_epub_book_free     (PlEpubBook          *book);
/* The ids of the sentence of clip, as the pages and the SMIL name it */
char       *pl_epub_clip_id       (guint                clip);
/* The file of part (from 0) in the book: "part-1.xhtml" */
char       *pl_epub_part_file     (guint                part,
                                   const char          *extension);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlEpubBook, pl_epub_book_free)

G_END_DECLS
