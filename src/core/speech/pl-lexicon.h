/* pl-lexicon.h: the pronunciation list a voice says words by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An entry says how written words are said: a respelling in the voice's
 * own language ("Whit-acker"), which espeak-ng reads by its usual rules, or
 * espeak-ng's phoneme mnemonics in double brackets ("[[w'ItAk@]]"), which
 * it says as they are. Rules of matching, the same everywhere:
 *   - whole words only: "Bath" is not found in "Bathroom", but is in
 *     "Bath's" and "Bath-based";
 *   - case does not matter: "Metformin" is found in "metformin" and
 *     "METFORMIN" (medicine names are often written in lower case);
 *   - spaces in a written form match any one space, so "St Anne's" is
 *     found however it was spaced;
 *   - an entry is for the voices of its language ("en-GB" serves "en-gb"
 *     and "en-us"); the others do not use it (an entry added with no
 *     language serves every voice);
 *   - the longest written form found at a place wins; between entries for
 *     the same words, the one added first (a person's own, added before
 *     their service's).
 * A lexicon is filled and then shared: it is never changed once a voice
 * holds it, so readings in other threads read it without a lock.
 */

#pragma once

#include <glib.h>

#include "pl-types.h"

G_BEGIN_DECLS

typedef struct _PlLexicon PlLexicon;

PlLexicon  *pl_lexicon_new            (void);
PlLexicon  *pl_lexicon_ref            (PlLexicon       *self);
void        pl_lexicon_unref          (PlLexicon       *self);
/* Adds an entry (see pl_text_is_pronunciation ()); FALSE, and nothing
 * added, when written or said cannot be used */
gboolean    pl_lexicon_add            (PlLexicon       *self,
                                       const char      *written,
                                       const char      *said,
                                       const char      *language,
                                       GError         **error);
guint       pl_lexicon_get_size       (const PlLexicon *self);

/* A person's entries, then their service's (pl-pronunciation.h); entries
 * damaged in the file are left out */
PlLexicon  *pl_lexicon_new_for_person  (PlStore        *store,
                                        gint64          person_id,
                                        GError        **error);
/* The service's entries alone */
PlLexicon  *pl_lexicon_new_for_service (PlStore        *store,
                                        gint64          service_id,
                                        GError        **error);

/* The entry for the words at text[start] (NFC, as characters), for a voice
 * of language: how they are said, with *end the character after them; NULL
 * when no entry matches there. start must begin a word. */
const char *pl_lexicon_match          (const PlLexicon *self,
                                       const gunichar  *text,
                                       glong            n,
                                       glong            start,
                                       const char      *language,
                                       glong           *end);

/* Whether said is phonemes ("[[…]]"), which espeak-ng reads only when asked */
gboolean    pl_lexicon_said_is_phonemes (const char    *said);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlLexicon, pl_lexicon_unref)

G_END_DECLS
