/* pl-needs.h: recorded communication needs and what they change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pl-model.h"

G_BEGIN_DECLS

/* One coded need of the Accessible Information Standard (SNOMED CT, from the
 * NHS England RA-FlagCode draft value set) and the defaults it sets */
typedef struct
{
  const char     *code;
  PlNeedCategory  category;
  const char     *words;       /* said plainly, untranslated (N_) */
  int             min_text_size; /* points; 0: no effect */
  gboolean        high_contrast;
  gboolean        read_aloud;  /* offer speech as soon as a document opens */
  gboolean        more_time;   /* slower speech, longer pauses (NG86 1.1.5) */
  gboolean        easy_read;   /* documents in easy read, a picture for each idea */
} PlNeedInfo;

const PlNeedInfo *pl_need_lookup     (const char *code);
const PlNeedInfo *pl_needs_known     (guint      *n_needs);
/* The recorded words for a code we know, else the description staff wrote */
const char       *pl_need_describe   (const PlCommNeed *need);

/* Display and speech defaults for someone with these needs and no saved
 * settings: the plan opens the way they need it. */
PlSettings       *pl_settings_for_needs (gint64     person_id,
                                         GPtrArray *needs);
/* The same with the staff's rules (PlNeedRule) in place of the built-in
 * effects of the codes they cover; rules may be NULL */
PlSettings       *pl_settings_for_needs_with_rules (gint64     person_id,
                                                    GPtrArray *needs,
                                                    GPtrArray *rules);
/* What code changes now, as a rule staff can edit and save: theirs when
 * they made one (with its id), else the built-in effects (id 0) */
PlNeedRule       *pl_need_rule_for_code (const char *code,
                                         GPtrArray  *rules);

/* Which settings one recorded need changes from the defaults, for staff and
 * the person to see ("why these settings") */
typedef struct
{
  const char *code;     /* NULL for a need whose effects we do not know;
                         * else borrowed from the need */
  char       *need;     /* the need, said plainly (translated) */
  GPtrArray  *changes;  /* of char *: each setting it changes, said plainly;
                         * empty when it changes none */
} PlNeedExplanation;

void              pl_need_explanation_free (PlNeedExplanation *self);
/* One explanation for each of needs (PlCommNeed), in the same order */
GPtrArray        *pl_needs_explain      (GPtrArray *needs);
GPtrArray        *pl_needs_explain_with_rules (GPtrArray *needs,
                                               GPtrArray *rules);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlNeedExplanation, pl_need_explanation_free)

G_END_DECLS
