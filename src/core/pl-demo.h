/* pl-demo.h: the example person, and importing people from JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pl-types.h"

G_BEGIN_DECLS

/* Creates or refreshes the example person from the JSON compiled into the
 * core library (data/demo/example.json). Running it again replaces the
 * person and updates the service, welcome pack and staff accounts in place,
 * so the database ends up the same. */
gboolean pl_demo_install     (PlStore     *store,
                              gint64      *out_person_id,
                              GError     **error);

/* Imports one document shaped like data/demo/example.json, all in one
 * transaction: on any error nothing is changed. Members are the column names
 * of the records in pl-model.h; an unknown member is an error that names it. */
gboolean pl_demo_import_json (PlStore     *store,
                              const char  *json,
                              gsize        len,
                              gint64      *out_person_id,
                              GError     **error);

G_END_DECLS
