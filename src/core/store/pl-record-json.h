/* pl-record-json.h: a record's fields as a JSON object, and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Members are the column names (pl-model.h), enumerations their nicks, as in
 * data/demo/example.json. Secrets are never written.
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "pl-record.h"

G_BEGIN_DECLS

/* with_ids: include "id"; fields the store keeps (timestamps) are left out */
JsonObject *pl_record_to_json_object   (const PlRecordType  *type,
                                        gconstpointer        record,
                                        gboolean             with_ids);
char       *pl_record_to_json          (const PlRecordType  *type,
                                        gconstpointer        record);
/* Sets the fields obj has members for; others keep their values. A member
 * that is not a field of type, or a value of the wrong kind, is an error. */
gboolean    pl_record_set_from_json_object (const PlRecordType *type,
                                            gpointer            record,
                                            JsonObject         *obj,
                                            GError            **error);
gboolean    pl_record_set_from_json    (const PlRecordType  *type,
                                        gpointer             record,
                                        const char          *json,
                                        GError             **error);
/* Deeper nesting than this is refused before json-glib reads it, which
 * recurses once a level and would run out of stack on a hostile file */
#define PL_JSON_MAX_DEPTH 64
/* TRUE when no array or object in json (len bytes, or -1 up to its NUL)
 * nests deeper than max_depth; otherwise an error in plain words */
gboolean    pl_json_check_depth        (const char          *json,
                                        gssize               len,
                                        guint                max_depth,
                                        GError             **error);
/* json_parser_load_from_data () after pl_json_check_depth (), with an
 * error message that is always UTF-8: json-glib's quotes the bad bytes */
gboolean    pl_json_load               (JsonParser          *parser,
                                        const char          *json,
                                        gssize               len,
                                        GError             **error);
/* The record type whose table this is, or NULL */
const PlRecordType *pl_record_type_for_table (const char *table);

G_END_DECLS
