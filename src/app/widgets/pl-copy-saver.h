/* pl-copy-saver.h: a document saved as sound or as a talking book
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pl-document.h"
#include "pl-epub.h"
#include "pl-speech.h"

G_BEGIN_DECLS

typedef enum
{
  PL_COPY_SOUND,         /* MP3, Ogg or WAV, by the name's ending */
  PL_COPY_TALKING_BOOK,  /* EPUB 3 with the narration */
} PlCopyKind;

#define PL_TYPE_COPY_SAVER (pl_copy_saver_get_type ())
G_DECLARE_FINAL_TYPE (PlCopySaver, pl_copy_saver, PL, COPY_SAVER, GtkWindow)

/* Asks where to save a copy of document in speech's voice, then shows how
 * much is saved, with a way to stop. options: the talking book's look
 * (transfer full; NULL: the document's own). "done" then says, in words for
 * the reader, what came of it, and the window goes. */
PlCopySaver *pl_copy_saver_ask (GtkWindow     *parent,
                                PlDocument    *document,
                                PlSpeech      *speech,
                                PlEpubOptions *options,
                                PlCopyKind     kind);
/* The same without asking: pl_copy_saver_save_to () then saves to path
 * (an ending the path has not got is not added) */
PlCopySaver *pl_copy_saver_new (GtkWindow     *parent,
                                PlDocument    *document,
                                PlSpeech      *speech,
                                PlEpubOptions *options,
                                PlCopyKind     kind);
void         pl_copy_saver_save_to (PlCopySaver *self,
                                    const char  *path);

G_END_DECLS
