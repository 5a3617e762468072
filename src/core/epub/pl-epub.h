/* pl-epub.h: a talking book: EPUB 3 with read-along narration
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document's words as XHTML, one content document a part, styled in
 * the reader's large print and theme, with the outline as the book's
 * navigation, and narrated by Plainly's own voice: Media Overlays (SMIL)
 * give each sentence's place in its part's MP3, so a reading app
 * highlights each sentence as it is said.
 */

#pragma once

#include <gio/gio.h>

#include "pl-document.h"
#include "pl-speech.h"
#include "pl-types.h"

G_BEGIN_DECLS

typedef struct
{
  double  text_size;     /* points; at least 16 (RNIB clear print) */
  char   *font_family;   /* NULL: the bundled font, then DejaVu Sans */
  double  line_spacing;  /* at least 1.5 (NG21 1.2.4) */
  char   *theme;         /* a PlTheme id; NULL: the standard theme */
  char   *language;      /* BCP 47; NULL: en-GB */
  char   *person_name;
  char   *version;       /* "Version 3": shows a copy is current (NG21 1.2.6) */
  char   *date;          /* the day it was made, in words; NULL: today */
} PlEpubOptions;

PlEpubOptions *pl_epub_options_new        (void);
void           pl_epub_options_free       (PlEpubOptions    *self);
/* The one way from a reader to their book: their text size, font, spacing,
 * theme and language, the person's name and the document's version.
 * settings and person may be NULL: the name and language are then the
 * document's own (pl_document_get_owner (), pl_document_get_language ()). */
PlEpubOptions *pl_epub_options_for_reader (const PlSettings *settings,
                                           const PlPerson   *person,
                                           PlDocument       *document);

/* Writes the book, narrated in speech's voice, through PlOutputFile: path
 * is the whole book or as it was. progress (0 to 1) follows the voice. */
gboolean       pl_epub_save               (PlDocument           *document,
                                           const PlEpubOptions  *options,
                                           PlSpeech             *speech,
                                           const char           *path,
                                           PlSpeechProgressFunc  progress,
                                           gpointer              progress_data,
                                           GCancellable         *cancellable,
                                           GError              **error);
/* The same in a worker thread; progress is called on the caller's thread-
 * default main context */
void           pl_epub_save_async         (PlDocument           *document,
                                           const PlEpubOptions  *options,
                                           PlSpeech             *speech,
                                           const char           *path,
                                           PlSpeechProgressFunc  progress,
                                           gpointer              progress_data,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean       pl_epub_save_finish        (GAsyncResult         *result,
                                           GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlEpubOptions, pl_epub_options_free)

G_END_DECLS
