/* pl-record.h: describing model structs so one piece of code can store them all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every model type is a plain struct whose first member is `gint64 id`. A
 * PlRecordType lists its columns with their C offsets, so saving, loading,
 * copying, comparing, history and JSON interchange are written once.
 */

#pragma once

#include <glib.h>

#include "pl-types.h"

G_BEGIN_DECLS

typedef enum
{
  PL_FIELD_INT,     /* int */
  PL_FIELD_INT64,   /* gint64 */
  PL_FIELD_REF,     /* gint64 id of another record; 0 is stored as NULL */
  PL_FIELD_BOOL,    /* gboolean */
  PL_FIELD_DOUBLE,  /* double */
  PL_FIELD_TEXT,    /* char *, NULL is stored as NULL */
  PL_FIELD_ENUM,    /* int, stored as its nick (text) */
} PlFieldKind;

typedef enum
{
  PL_FIELD_FLAG_NONE     = 0,
  PL_FIELD_FLAG_REQUIRED = 1 << 0, /* text may not be empty */
  PL_FIELD_FLAG_SECRET   = 1 << 1, /* history records that it changed, never the value */
  PL_FIELD_FLAG_AUTO     = 1 << 2, /* kept by the store (timestamps): not compared for history */
} PlFieldFlags;

/* The numbers a PL_FIELD_INT or PL_FIELD_DOUBLE field may hold. A number
 * outside them was written by another program or damaged: it is read as
 * fallback, reported by check, and refused when saved. */
typedef struct
{
  double min;
  double max;
  double fallback;
} PlRange;

/* The form the text of a PL_FIELD_TEXT field must have: a date, a time, a
 * theme Plainly knows… Text not of that form was written by another program
 * or damaged: it is read as fallback, reported by check, and refused when
 * saved. Empty text stands for nothing written and is always allowed. */
typedef struct
{
  gboolean    (*is_valid)   (const char *text);  /* never given NULL or "" */
  const char   *fallback;                        /* NULL: read as nothing written */
  const char   *description;                     /* "a time of day, like 08:30" (N_) */
  const char   *fallback_words;                  /* what it is read as: "no time" (N_) */
} PlTextForm;

typedef struct
{
  const char          *name;     /* column and JSON member name */
  PlFieldKind          kind;
  gsize                offset;
  const char * const  *nicks;    /* PL_FIELD_ENUM: NULL-terminated, index = value */
  PlFieldFlags         flags;
  const char          *label;    /* for history and messages, untranslated (N_) */
  /* NULL: any int for PL_FIELD_INT, any finite number for PL_FIELD_DOUBLE */
  const PlRange       *range;
  /* NULL: any text for PL_FIELD_TEXT */
  const PlTextForm    *form;
} PlField;

struct _PlRecordType
{
  const char    *table;
  const char    *label;          /* "person", "visit"… for messages, untranslated (N_) */
  gsize          size;
  const PlField *fields;         /* fields[0] is always "id" */
  guint          n_fields;
  const char    *parent;         /* column naming the owner, or NULL */
  const char    *order_by;       /* ORDER BY clause for lists */
  GDestroyNotify free_func;      /* frees one record, for lists that own them */
};

#define PL_RECORD_ID(rec) (*(gint64 *) (rec))

gpointer      pl_record_new        (const PlRecordType *type);
void          pl_record_free       (const PlRecordType *type,
                                    gpointer            record);
gpointer      pl_record_copy       (const PlRecordType *type,
                                    gconstpointer       record);
const PlField *pl_record_type_find_field (const PlRecordType *type,
                                          const char         *name);
gboolean      pl_field_equal       (const PlField      *field,
                                    gconstpointer       a,
                                    gconstpointer       b);
char         *pl_field_to_string   (const PlField      *field,
                                    gconstpointer       record);
gboolean      pl_field_set_from_string (const PlField  *field,
                                        gpointer        record,
                                        const char     *value,
                                        GError        **error);
/* Whether value is one field can hold (PL_FIELD_INT, _DOUBLE and _BOOL;
 * always TRUE for the other kinds), and what it is read as when it is not */
gboolean      pl_field_number_is_valid (const PlField  *field,
                                        double          value);
double        pl_field_number_fallback (const PlField  *field);
/* Whether text has the form field's text must have (always TRUE for NULL,
 * empty text and fields of any form), and what it is read as when not */
gboolean      pl_field_text_is_valid   (const PlField  *field,
                                        const char     *text);
const char   *pl_field_text_fallback   (const PlField  *field);
const char   *pl_enum_to_nick      (const char * const *nicks,
                                    int                 value);
int           pl_enum_from_nick    (const char * const *nicks,
                                    const char         *nick);

#define PL_FIELD_PTR(rec, field, T) ((T *) (gpointer) ((guint8 *) (rec) + (field)->offset))

/* NULL, empty or only white space (in any script): nothing written */
gboolean      pl_text_is_blank     (const char         *text);

G_END_DECLS
