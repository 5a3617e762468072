/* pl-braille.h: a document as braille (BRF), through liblouis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pl-document.h"
#include "pl-types.h"

G_BEGIN_DECLS

/* UK braille paper: 40 cells by 25 lines */
#define PL_BRAILLE_DEFAULT_CELLS 40
#define PL_BRAILLE_DEFAULT_LINES 25
#define PL_BRAILLE_MIN_CELLS     20
#define PL_BRAILLE_MAX_CELLS     100
#define PL_BRAILLE_MIN_LINES     10
#define PL_BRAILLE_MAX_LINES     100

/* Accessible Information Standard needs (SNOMED CT), as pl-needs.c lists them */
#define PL_BRAILLE_NEED_GRADE_2 "936661000000109"
#define PL_BRAILLE_NEED_GRADE_1 "936681000000100"

typedef struct
{
  int    grade;     /* 1 uncontracted, 2 contracted (the default) */
  guint  cells;     /* per line */
  guint  lines;     /* per page, the page number's line among them */
  char  *language;  /* BCP 47; "cy…" is Welsh braille, anything else UEB */
} PlBrailleOptions;

PlBrailleOptions *pl_braille_options_new        (void);
void              pl_braille_options_free       (PlBrailleOptions *self);
/* FALSE, with a sentence in plain English, for a grade, width or length
 * braille cannot be made in */
gboolean          pl_braille_options_check      (const PlBrailleOptions *self,
                                                 GError                **error);
/* The one way from a person to their braille: grade 1 if their recorded
 * need says uncontracted, else grade 2; Welsh braille for Welsh. person and
 * needs (PlCommNeed) may be NULL. */
PlBrailleOptions *pl_braille_options_for_reader (const PlPerson *person,
                                                 GPtrArray      *needs);
/* Whether the person's recorded needs ask for braille, so it is the copy
 * suggested to them */
gboolean          pl_braille_is_needed          (GPtrArray      *needs);

/* liblouis's table list for these options: BRF display and the grade */
const char       *pl_braille_table              (const PlBrailleOptions *self);
/* Whether these options write Welsh braille rather than Unified English
 * Braille: the copy's language decides */
gboolean          pl_braille_options_is_welsh   (const PlBrailleOptions *self);

/* One text as a single line of BRF (North American ASCII braille), with
 * a letter sign wherever liblouis 3.24 leaves a letter readable as a digit */
char             *pl_braille_translate          (const PlBrailleOptions *self,
                                                 const char             *text,
                                                 GError                **error);

/* The whole document as BRF pages: a title and contents page, then the
 * blocks; CRLF line ends, a form feed between pages, each page's braille
 * number at its top right. */
char             *pl_braille_format             (PlDocument             *document,
                                                 const PlBrailleOptions *options,
                                                 gsize                  *length,
                                                 GError                **error);
/* Writes pl_braille_format () to path through PlOutputFile */
gboolean          pl_braille_save               (PlDocument             *document,
                                                 const PlBrailleOptions *options,
                                                 const char             *path,
                                                 GError                **error);

/* The same off the calling thread, for a window that must not wait: the
 * document is only read, the options are copied. Cancelled, nothing is
 * written. */
void              pl_braille_save_async         (PlDocument             *document,
                                                 const PlBrailleOptions *options,
                                                 const char             *path,
                                                 GCancellable           *cancellable,
                                                 GAsyncReadyCallback     callback,
                                                 gpointer                user_data);
gboolean          pl_braille_save_finish        (GAsyncResult           *result,
                                                 GError                **error);
/* pl_braille_format () off the calling thread, for a preview */
void              pl_braille_format_async       (PlDocument             *document,
                                                 const PlBrailleOptions *options,
                                                 GCancellable           *cancellable,
                                                 GAsyncReadyCallback     callback,
                                                 gpointer                user_data);
char             *pl_braille_format_finish      (GAsyncResult           *result,
                                                 GError                **error);

PlBrailleOptions *pl_braille_options_copy       (const PlBrailleOptions *self);

/* BRF as Unicode braille cells (U+2800…), line ends and form feeds kept,
 * for a sighted check on screen */
char             *pl_braille_to_unicode         (const char             *brf);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlBrailleOptions, pl_braille_options_free)

G_END_DECLS
