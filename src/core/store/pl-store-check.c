/* pl-store-check.c: what plainly-cli check reports on a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-plan-version.h"
#include "pl-record-json.h"
#include "pl-store-private.h"

void
pl_store_report_free (PlStoreReport *report)
{
  if (report == NULL)
    return;
  g_free (report->integrity_message);
  g_clear_pointer (&report->table_names, g_ptr_array_unref);
  g_clear_pointer (&report->row_counts, g_array_unref);
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

static gboolean
is_number_field (const PlField *field)
{
  return field->kind == PL_FIELD_INT || field->kind == PL_FIELD_DOUBLE || field->kind == PL_FIELD_BOOL;
}

/* Whether a value can be quoted as it is: a few printable characters */
static gboolean
shows_as_it_is (const char *text)
{
  if (g_utf8_strlen (text, -1) > 40)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isprint (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* The problem with one value of a record, in words, or NULL when there is none */
static char *
describe_value (const PlRecordType *type,
                const PlField      *field,
                gint64              id,
                sqlite3_stmt       *stmt,
                int                 column)
{
  const char *field_label = field->label != NULL ? _(field->label) : field->name;
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  if (is_number_field (field))
    {
      g_autofree char *value = NULL;
      double number;

      if (sqlite3_column_type (stmt, column) == SQLITE_INTEGER)
        {
          gint64 v = sqlite3_column_int64 (stmt, column);

          number = (double) v;
          value = g_strdup_printf ("%" G_GINT64_FORMAT, v);
        }
      else
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          number = sqlite3_column_double (stmt, column);
          value = g_strdup (g_ascii_dtostr (buf, sizeof buf, number));
        }
      if (pl_field_number_is_valid (field, number))
        return NULL;
      /* Translators: "The settings numbered 1: its text size (900) is a number…" */
      return g_strdup_printf (_("The %s numbered %s: its %s (%s) is a number Plainly cannot use, "
                                "and is read as if it had the usual value."),
                              _(type->label), id_text, field_label, value);
    }
  else
    {
      const char *text = (const char *) sqlite3_column_text (stmt, column);
      int n = sqlite3_column_bytes (stmt, column);

      if (text == NULL)
        return NULL;
      if (!g_utf8_validate_len (text, (gsize) n, NULL))
        /* Translators: "The person numbered 3: its preferred name is not readable text…" */
        return g_strdup_printf (_("The %s numbered %s: its %s is not readable "
                                  "text, and is shown with \uFFFD where it cannot "
                                  "be read."),
                                _(type->label), id_text, field_label);
      if (field->kind == PL_FIELD_ENUM && pl_enum_from_nick (field->nicks, text) < 0)
        return g_strdup_printf (_("The %s numbered %s: its %s is a value this "
                                  "version of Plainly does not know."),
                                _(type->label), id_text, field_label);
      if (!pl_field_text_is_valid (field, text))
        {
          /* A secret is never shown; other text only when short and
           * printable, so no escape code reaches a terminal */
          if ((field->flags & PL_FIELD_FLAG_SECRET) == 0 && shows_as_it_is (text))
            /* Translators: "The visit numbered 3: its time (“25:99”) is not
             * a time of day, like 08:30, and is read as no time." */
            return g_strdup_printf (_("The %s numbered %s: its %s (“%s”) is not %s, "
                                      "and is read as %s."),
                                    _(type->label), id_text, field_label, text,
                                    _(field->form->description), _(field->form->fallback_words));
          return g_strdup_printf (_("The %s numbered %s: its %s is not %s, and is read as %s."),
                                  _(type->label), id_text, field_label,
                                  _(field->form->description), _(field->form->fallback_words));
        }
      return NULL;
    }
}

/* Each value of type's columns that this version cannot use as it is, as a
 * problem naming its record: text that is not UTF-8, enumeration values it
 * does not know, numbers out of range, text not of its field's form */
static gboolean
check_values (PlStore             *self,
              const PlRecordType  *type,
              GPtrArray           *problems,
              GError             **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id");
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (guint i = 1; i < type->n_fields; i++)
    if (type->fields[i].kind == PL_FIELD_TEXT || type->fields[i].kind == PL_FIELD_ENUM ||
        is_number_field (&type->fields[i]))
      {
        g_string_append_printf (sql, ", %s", type->fields[i].name);
        g_array_append_val (columns, i);
      }
  if (columns->len == 0)
    return TRUE;
  g_string_append_printf (sql, " FROM %s", type->table);

  rc = sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      for (guint c = 0; c < columns->len; c++)
        {
          const PlField *field = &type->fields[g_array_index (columns, guint, c)];
          char *problem = describe_value (type, field, id, stmt, (int) c + 1);

          if (problem != NULL)
            g_ptr_array_add (problems, problem);
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      pl_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* A count of wrong tries out of range names whose tries they are, never a
 * user name: which names exist is not for check to tell */
static gboolean
check_wrong_tries (PlStore    *self,
                   GPtrArray  *problems,
                   GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT person_id, carer_id, failures FROM wrong_tries "
                           "WHERE typeof (failures) != 'integer' OR failures < 1 OR failures > ?",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    sqlite3_bind_int64 (stmt, 1, PL_STORE_TRIES_MAX);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *count = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_autofree char *id = NULL;

      rc = SQLITE_OK;
      if (sqlite3_column_type (stmt, 0) == SQLITE_INTEGER)
        {
          id = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
          /* Translators: "The wrong tries at the PIN of the person numbered 1: their count…" */
          g_ptr_array_add (problems,
                           g_strdup_printf (_("The wrong tries at the PIN of the person numbered "
                                              "%s: their count (%s) is a number Plainly cannot "
                                              "use."), id, count != NULL ? count : ""));
        }
      else if (sqlite3_column_type (stmt, 1) == SQLITE_INTEGER)
        {
          id = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 1));
          g_ptr_array_add (problems,
                           g_strdup_printf (_("The wrong tries at the PIN of the carer numbered "
                                              "%s: their count (%s) is a number Plainly cannot "
                                              "use."), id, count != NULL ? count : ""));
        }
      else
        g_ptr_array_add (problems,
                         g_strdup_printf (_("The wrong tries at signing in with a user name "
                                            "that has no account: their count (%s) is a number "
                                            "Plainly cannot use."), count != NULL ? count : ""));
    }
  rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      pl_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* What the plan views and drafts keep as JSON: a plan as its person last
 * saw it, a form as it was typed. Each that cannot be read is named, with
 * what is lost. */
static gboolean
check_saved_json (PlStore    *self,
                  GPtrArray  *problems,
                  GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "SELECT person_id, snapshot FROM plan_views", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *snapshot = (const char *) sqlite3_column_text (stmt, 1);
      g_autoptr(PlPlanContent) content = NULL;
      g_autoptr(GError) local_error = NULL;

      rc = SQLITE_OK;
      if (snapshot != NULL && g_utf8_validate (snapshot, -1, NULL))
        content = pl_plan_content_from_json (snapshot, &local_error);
      if (content == NULL)
        /* Translators: %s is the number of a person in the database */
        g_ptr_array_add (problems,
                         g_strdup_printf (_("The plan as the person numbered %s last saw it cannot "
                                            "be read: what has changed since they last looked is "
                                            "not shown until they read their plan again."),
                                          (const char *) sqlite3_column_text (stmt, 0)));
    }
  rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (self->db, "SELECT id, table_name, content FROM drafts", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const PlRecordType *type = pl_record_type_for_table ((const char *) sqlite3_column_text (stmt, 1));
      const char *content = (const char *) sqlite3_column_text (stmt, 2);
      gboolean readable = FALSE;

      rc = SQLITE_OK;
      if (type != NULL && content != NULL && g_utf8_validate (content, -1, NULL))
        {
          gpointer record = pl_record_new (type);

          readable = pl_record_set_from_json (type, record, content, NULL);
          pl_record_free (type, record);
        }
      if (!readable)
        /* Translators: %s is the number of a draft in the database */
        g_ptr_array_add (problems,
                         g_strdup_printf (_("The draft numbered %s cannot be read: what was typed "
                                            "in it is lost, and its form opens as it was last "
                                            "saved."),
                                          (const char *) sqlite3_column_text (stmt, 0)));
    }
  rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      pl_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

PlStoreReport *
pl_store_check (PlStore  *self,
                GError  **error)
{
  g_autoptr(PlStoreReport) report = g_new0 (PlStoreReport, 1);
  sqlite3_stmt *stmt = NULL;
  guint n_types;
  const PlRecordType * const *types = pl_record_types (&n_types);
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  report->schema_version = self->schema_version;
  report->table_names = g_ptr_array_new_with_free_func (g_free);
  report->row_counts = g_array_new (FALSE, FALSE, sizeof (gint64));
  report->problems = g_ptr_array_new_with_free_func (g_free);

  if (self->schema_version > 0)
    {
      gboolean whole = FALSE;

      if (!pl_store_diary_search_is_whole (self, &whole, error))
        return NULL;
      if (!whole)
        g_ptr_array_add (report->problems,
                         g_strdup (_("The diary's search index (diary_fts) or what keeps it up to "
                                     "date is missing: a search of the diary finds nothing and "
                                     "new entries cannot be saved. Opening the file in Plainly "
                                     "rebuilds it.")));
    }

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      report->integrity_message = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      report->integrity_ok = g_strcmp0 (report->integrity_message, "ok") == 0;
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      pl_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  /* Each broken link, naming the record it is in (the first hundred) */
  report->foreign_keys_ok = TRUE;
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  for (guint n = 0; rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW; n++)
    {
      const PlRecordType *child = pl_record_type_for_table ((const char *) sqlite3_column_text (stmt, 0));
      const PlRecordType *parent = pl_record_type_for_table ((const char *) sqlite3_column_text (stmt, 2));
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 1));

      report->foreign_keys_ok = FALSE;
      rc = SQLITE_OK;
      if (n < 100 && child != NULL && parent != NULL)
        /* Translators: "The visit numbered 12 points to a plan that is not there." */
        g_ptr_array_add (report->problems,
                         g_strdup_printf (_("The %s numbered %s points to a %s that is not there."),
                                          _(child->label), id, _(parent->label)));
    }
  rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      pl_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  for (guint i = 0; i < n_types; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", types[i]->table);
      g_autofree char *exists = g_strdup_printf ("SELECT count(*) FROM sqlite_schema "
                                                 "WHERE type = 'table' AND name = '%s'",
                                                 types[i]->table);
      gint64 count = 0, found = 0;

      /* A file from an older version, read as it is, lacks the newer tables */
      if (!pl_store_query_int (self, exists, &found, error))
        return NULL;
      if (found == 0)
        continue;
      if (!pl_store_query_int (self, sql, &count, error) ||
          /* an older file's columns are those of its own version */
          (self->schema_version == PL_STORE_SCHEMA_VERSION &&
           !check_values (self, types[i], report->problems, error)))
        return NULL;
      g_ptr_array_add (report->table_names, g_strdup (types[i]->table));
      g_array_append_val (report->row_counts, count);
    }

  if (self->schema_version == PL_STORE_SCHEMA_VERSION &&
      (!check_wrong_tries (self, report->problems, error) ||
       !check_saved_json (self, report->problems, error)))
    return NULL;

  return g_steal_pointer (&report);
}
