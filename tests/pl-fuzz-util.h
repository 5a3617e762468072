/* pl-fuzz-util.h: what the fuzz tests share: a corpus, and inputs changed at random
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The .json files of the folder, by name, so a seed repeats a run on any
 * machine (element-type GBytes) */
GPtrArray *pl_fuzz_load_corpus (const char         *dir_path);
/* One to eight changes at random: a byte changed, a bit flipped, a piece
 * cut out or repeated, or one of tokens put in */
void       pl_fuzz_mutate      (GString            *data,
                                GRand              *rand,
                                const char * const *tokens,
                                guint               n_tokens);

G_END_DECLS
