/* pl-damage.c: damaged copies of the example database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pl-damage.h"
#include "pl-demo.h"
#include "pl-staff.h"
#include "pl-test-util.h"

static void
add (GArray             *list,
     const PlRecordType *type,
     const PlField      *field,
     const char         *value,
     gboolean            reported)
{
  PlDamage damage = {
    type, field, type->table, field->name, g_intern_string (value), reported
  };

  g_array_append_val (list, damage);
}

/* A number just outside a field's range, or NULL when there is none */
static const char *
number_outside (const PlField *field,
                double         beyond)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (field->range == NULL)
    return NULL;
  if (field->kind == PL_FIELD_INT)
    return g_intern_string (g_ascii_dtostr (buf, sizeof buf, beyond < 0 ? field->range->min - 1
                                                                       : field->range->max + 1));
  return g_intern_string (g_ascii_dtostr (buf, sizeof buf, beyond < 0 ? field->range->min - 0.5
                                                                     : field->range->max + 0.5));
}

static void
add_number (GArray             *list,
            const PlRecordType *type,
            const PlField      *field,
            const char         *value)
{
  if (value != NULL)
    add (list, type, field, value,
         !pl_field_number_is_valid (field, g_ascii_strtod (value, NULL)));
}

/* Text of the wrong form for each form a field can have (pl-model.h) */
static const struct
{
  const PlTextForm *form;
  const char       *values[3];
} wrong_forms[] = {
  { &pl_form_date, { "'2026-13-45'", "'next Tuesday'" } },
  { &pl_form_time, { "'25:99'", "'8 o''clock'" } },
  { &pl_form_timestamp, { "'2026-02-30T25:61:00Z'", "'yesterday'" } },
  { &pl_form_language, { "'en GB; rm'", "'x'" } },
  { &pl_form_theme, { "'neon-on-neon'" } },
  { &pl_form_font, { "'Comic Sans MS'" } },
  { &pl_form_secret, { "'not a hash'" } },
  { &pl_form_snomed_code, { "'12 34'", "'0123456'" } },
  { &pl_form_actor, { "'staff:abc'" } },
  { &pl_form_table, { "'no_such_table'" } },
  { &pl_form_history_field, { "'no_such_field'", "'(made up)'" } },
  { &pl_form_nhs_number, { "'9434765918'", "'943 476 5919'" } },
  { &pl_form_written_words, { "'<speak>'", "'[[x]]'" } },
  { &pl_form_pronunciation, { "'[[w<b]]'", "'a & b'" } },
};

static void
add_wrong_forms (GArray             *list,
                 const PlRecordType *type,
                 const PlField      *field)
{
  for (guint f = 0; f < G_N_ELEMENTS (wrong_forms); f++)
    if (wrong_forms[f].form == field->form)
      {
        for (guint v = 0; v < G_N_ELEMENTS (wrong_forms[f].values) && wrong_forms[f].values[v] != NULL; v++)
          add (list, type, field, wrong_forms[f].values[v], TRUE);
        return;
      }
  g_error ("No text of the wrong form for %s.%s", type->table, field->name);
}

GArray *
pl_damage_list (void)
{
  GArray *list = g_array_new (FALSE, TRUE, sizeof (PlDamage));
  const PlRecordType * const *types;
  guint n_types;

  types = pl_record_types (&n_types);
  for (guint t = 0; t < n_types; t++)
    for (guint i = 1; i < types[t]->n_fields; i++)
      {
        const PlRecordType *type = types[t];
        const PlField *field = &type->fields[i];

        switch (field->kind)
          {
          case PL_FIELD_TEXT:
            /* First, so the window test opens the copy with it */
            if (field->form != NULL)
              add_wrong_forms (list, type, field);
            add (list, type, field, "CAST (x'41ff00c3e2809b1b5b32' AS TEXT)", TRUE);
            add (list, type, field, "''", FALSE);
            break;
          case PL_FIELD_ENUM:
            add (list, type, field, "'no-such-value'", TRUE);
            add (list, type, field, "CAST (x'ff' AS TEXT)", TRUE);
            break;
          case PL_FIELD_INT:
            add_number (list, type, field, "9223372036854775807");
            add_number (list, type, field, "-2147483649");
            add_number (list, type, field, number_outside (field, -1));
            add_number (list, type, field, number_outside (field, 1));
            break;
          case PL_FIELD_INT64:
          case PL_FIELD_REF:
            add (list, type, field, "999999999", FALSE);
            add (list, type, field, "-1", FALSE);
            break;
          case PL_FIELD_BOOL:
            add_number (list, type, field, "7");
            add_number (list, type, field, "-1");
            break;
          case PL_FIELD_DOUBLE:
            add_number (list, type, field, "1e308");
            add_number (list, type, field, "-1.0");
            /* SQLite reads it as infinity */
            add_number (list, type, field, "1e999");
            add_number (list, type, field, number_outside (field, -1));
            add_number (list, type, field, number_outside (field, 1));
            break;
          default:
            g_assert_not_reached ();
          }
      }

  /* A person's wrong tries at their PIN, kept apart from the records */
  {
    PlDamage tries[] = {
      { NULL, NULL, "wrong_tries", "failures", "9223372036854775807", TRUE },
      { NULL, NULL, "wrong_tries", "failures", "-5", TRUE },
    };

    g_array_append_vals (list, tries, G_N_ELEMENTS (tries));
  }

  return list;
}

gboolean
pl_damage_is_sample (GArray *list,
                     guint   index)
{
  const PlDamage *damage = &g_array_index (list, PlDamage, index);

  if (damage->type == NULL || damage->field->range != NULL || damage->field->form != NULL)
    return TRUE;
  for (guint i = 0; i < index; i++)
    {
      const PlDamage *before = &g_array_index (list, PlDamage, i);

      if (before->type == damage->type && before->field != damage->field &&
          before->field->kind == damage->field->kind)
        return FALSE;
    }
  return TRUE;
}

gboolean
pl_damage_is_first_of_sample (GArray *list,
                              guint   index)
{
  const PlDamage *damage = &g_array_index (list, PlDamage, index);
  const PlDamage *before = index > 0 ? &g_array_index (list, PlDamage, index - 1) : NULL;

  return pl_damage_is_sample (list, index) &&
         (before == NULL || !g_str_equal (before->table, damage->table) ||
          !g_str_equal (before->column, damage->column));
}

char *
pl_damage_describe (const PlDamage *damage)
{
  return g_strdup_printf ("%s.%s = %s", damage->table, damage->column, damage->value);
}

gboolean
pl_damage_apply (const PlDamage *damage,
                 GBytes         *example,
                 const char     *path,
                 gint64         *out_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  g_unlink (wal);
  g_unlink (shm);
  g_assert_true (g_file_set_contents_full (path, g_bytes_get_data (example, NULL),
                                           (gssize) g_bytes_get_size (example),
                                           G_FILE_SET_CONTENTS_NONE, 0600, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);

  if (damage->type == NULL)
    {
      /* The wrong tries of the first person */
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT min(id) FROM people", -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      id = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      sql = g_strdup_printf ("PRAGMA ignore_check_constraints = ON;"
                             "INSERT INTO %s (person_id, %s) VALUES (%" G_GINT64_FORMAT ", %s);",
                             damage->table, damage->column, id, damage->value);
    }
  else
    {
      g_autofree char *first = g_strdup_printf ("SELECT min(id) FROM %s", damage->table);

      g_assert_cmpint (sqlite3_prepare_v2 (db, first, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      id = sqlite3_column_int64 (stmt, 0);
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        id = 0;
      sqlite3_finalize (stmt);
      if (id == 0)
        {
          sqlite3_close (db);
          return FALSE;
        }
      /* CHECK constraints would stop what a damaged disk or another
       * program can still leave behind */
      sql = g_strdup_printf ("PRAGMA ignore_check_constraints = ON;"
                             "UPDATE %s SET %s = %s WHERE id = %" G_GINT64_FORMAT ";",
                             damage->table, damage->column, damage->value, id);
    }

  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("Could not damage %s.%s: %s", damage->table, damage->column, sqlite3_errmsg (db));
  sqlite3_close (db);
  if (out_id != NULL)
    *out_id = id;
  return TRUE;
}

GBytes *
pl_damage_example (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  char *contents = NULL;
  gsize len = 0;

  {
    g_autoptr(PlStore) store = pl_test_open_store (dir, &path);
    g_autoptr(PlStaff) manager = NULL;

    g_assert_true (pl_demo_install (store, NULL, &error));
    g_assert_no_error (error);
    manager = pl_staff_create (store, NULL, "manager", "Morgan Lee", PL_ROLE_MANAGER,
                               PL_DAMAGE_PASSWORD, &error);
    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);
  g_unlink (path);
  return g_bytes_new_take (contents, len);
}
