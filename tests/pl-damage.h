/* pl-damage.h: damaged copies of the example database, for the tests of
 * what Plainly does with them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

typedef struct
{
  const PlRecordType *type;    /* NULL for a table that is not a record type */
  const PlField      *field;   /* NULL with type */
  const char         *table;
  const char         *column;
  const char         *value;   /* SQL */
  /* check must name the record it is in, and exit with 1 */
  gboolean            reported;
} PlDamage;

/* Each damage to try, one value at a time: every column of every table,
 * with the values that stand for damage in a column of its kind (text
 * that is not UTF-8, text not of its field's form such as a time of
 * "25:99" or a theme Plainly does not have, unknown enumeration values,
 * numbers just out of their range and far out of int, references to
 * nothing), and the counts of wrong tries */
GArray     *pl_damage_list      (void);
/* For the tests that run whole programs on each copy, which take seconds
 * each: the first column of each kind (text, enumeration, number,
 * reference, yes-or-no) of each table, every column that holds a number
 * with a range or text of a fixed form, and the wrong tries */
gboolean    pl_damage_is_sample (GArray         *list,
                                 guint           index);
/* For the window test, which opens every page of two windows on each copy:
 * of the sample, the first value each column is damaged with */
gboolean    pl_damage_is_first_of_sample (GArray     *list,
                                          guint       index);
/* "visits.weekday = 8", for messages */
char       *pl_damage_describe  (const PlDamage *damage);
/* A copy of the example database at path with damage done to its first
 * row; FALSE when the table has no row to damage. out_id: that row's id. */
gboolean    pl_damage_apply     (const PlDamage *damage,
                                 GBytes         *example,
                                 const char     *path,
                                 gint64         *out_id);
/* The example database, as pl_demo_install () makes it, in dir; with a
 * staff manager "manager" whose password is PL_DAMAGE_PASSWORD */
GBytes     *pl_damage_example   (const char     *dir);

#define PL_DAMAGE_PASSWORD "kettle-on-at-four"

G_END_DECLS
