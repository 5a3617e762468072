/* pl-demo.h: the example person, and importing people from JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pl-types.h"

G_BEGIN_DECLS

typedef enum
{
  PL_DEMO_INSTALL_DEFAULT = 0,
  /* Removes the example person and all that was added to them, and brings
   * them back as shipped */
  PL_DEMO_INSTALL_RESET   = 1 << 0,
} PlDemoInstallFlags;

/* Creates the example people from the JSON compiled into the core library
 * (data/demo/example.json, Dot, in English; example-pl.json, Krystyna, in
 * Polish; example-easy-read.json, Jordan, in easy read). One already there is not changed at all: what was added to them
 * (diary, PIN, settings) stays theirs. out_person_id: Dot's. */
gboolean pl_demo_install     (PlStore     *store,
                              gint64      *out_person_id,
                              GError     **error);
/* What PL_DEMO_INSTALL_RESET would remove, in plain words, a line for
 * each example person, to say before it is done; NULL when none is there */
gboolean pl_demo_describe_reset (PlStore     *store,
                                 char       **out_description,
                                 GError     **error);
/* The same, or with PL_DEMO_INSTALL_RESET the examples as shipped.
 * out_done: what was done, in plain words, a line for each person. */
gboolean pl_demo_install_full (PlStore            *store,
                               PlDemoInstallFlags  flags,
                               gint64             *out_person_id,
                               char              **out_done,
                               GError            **error);

/* Imports one document shaped like data/demo/example.json, all in one
 * transaction: on any error nothing is changed. Members are the column names
 * of the records in pl-model.h; an unknown member is an error that names it. */
gboolean pl_demo_import_json (PlStore     *store,
                              const char  *json,
                              gsize        len,
                              gint64      *out_person_id,
                              GError     **error);

G_END_DECLS
