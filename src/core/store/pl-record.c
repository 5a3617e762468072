/* pl-record.c: generic handling of model structs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include "pl-i18n.h"
#include <gio/gio.h>

#include "pl-record.h"

gpointer
pl_record_new (const PlRecordType *type)
{
  g_return_val_if_fail (type != NULL, NULL);

  return g_malloc0 (type->size);
}

void
pl_record_free (const PlRecordType *type,
                gpointer            record)
{
  g_return_if_fail (type != NULL);

  if (record == NULL)
    return;

  for (guint i = 0; i < type->n_fields; i++)
    {
      const PlField *field = &type->fields[i];

      if (field->kind == PL_FIELD_TEXT)
        g_free (*PL_FIELD_PTR (record, field, char *));
    }

  g_free (record);
}

gpointer
pl_record_copy (const PlRecordType *type,
                gconstpointer       record)
{
  gpointer copy;

  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (record != NULL, NULL);

  copy = g_memdup2 (record, type->size);

  for (guint i = 0; i < type->n_fields; i++)
    {
      const PlField *field = &type->fields[i];

      if (field->kind == PL_FIELD_TEXT)
        {
          char **p = PL_FIELD_PTR (copy, field, char *);
          *p = g_strdup (*p);
        }
    }

  return copy;
}

const PlField *
pl_record_type_find_field (const PlRecordType *type,
                           const char         *name)
{
  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < type->n_fields; i++)
    if (g_str_equal (type->fields[i].name, name))
      return &type->fields[i];

  return NULL;
}

gboolean
pl_field_equal (const PlField *field,
                gconstpointer  a,
                gconstpointer  b)
{
  switch (field->kind)
    {
    case PL_FIELD_INT:
    case PL_FIELD_ENUM:
      return *PL_FIELD_PTR (a, field, int) == *PL_FIELD_PTR (b, field, int);

    case PL_FIELD_BOOL:
      return !*PL_FIELD_PTR (a, field, gboolean) == !*PL_FIELD_PTR (b, field, gboolean);

    case PL_FIELD_INT64:
    case PL_FIELD_REF:
      return *PL_FIELD_PTR (a, field, gint64) == *PL_FIELD_PTR (b, field, gint64);

    case PL_FIELD_DOUBLE:
      return *PL_FIELD_PTR (a, field, double) == *PL_FIELD_PTR (b, field, double);

    case PL_FIELD_TEXT:
      return g_strcmp0 (*PL_FIELD_PTR (a, field, char *), *PL_FIELD_PTR (b, field, char *)) == 0;

    default:
      g_assert_not_reached ();
    }
}

char *
pl_field_to_string (const PlField *field,
                    gconstpointer  record)
{
  switch (field->kind)
    {
    case PL_FIELD_INT:
      return g_strdup_printf ("%d", *PL_FIELD_PTR (record, field, int));

    case PL_FIELD_ENUM:
      return g_strdup (pl_enum_to_nick (field->nicks, *PL_FIELD_PTR (record, field, int)));

    case PL_FIELD_BOOL:
      return g_strdup (*PL_FIELD_PTR (record, field, gboolean) ? "true" : "false");

    case PL_FIELD_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, *PL_FIELD_PTR (record, field, gint64));

    case PL_FIELD_REF:
      {
        gint64 v = *PL_FIELD_PTR (record, field, gint64);
        return v ? g_strdup_printf ("%" G_GINT64_FORMAT, v) : NULL;
      }

    case PL_FIELD_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_dtostr (buf, sizeof buf, *PL_FIELD_PTR (record, field, double)));
      }

    case PL_FIELD_TEXT:
      return g_strdup (*PL_FIELD_PTR (record, field, char *));

    default:
      g_assert_not_reached ();
    }
}

static gboolean
parse_int64 (const PlField  *field,
             const char     *value,
             gint64          min,
             gint64          max,
             gint64         *out,
             GError        **error)
{
  gint64 v;
  char *end = NULL;

  errno = 0;
  v = g_ascii_strtoll (value, &end, 10);
  if (errno != 0 || end == value || *end != '\0' || v < min || v > max)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a whole number that “%s” can hold."),
                   value, field->name);
      return FALSE;
    }

  *out = v;
  return TRUE;
}

gboolean
pl_field_set_from_string (const PlField  *field,
                          gpointer        record,
                          const char     *value,
                          GError        **error)
{
  gint64 v = 0;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  switch (field->kind)
    {
    case PL_FIELD_TEXT:
      g_free (*PL_FIELD_PTR (record, field, char *));
      *PL_FIELD_PTR (record, field, char *) = g_strdup (value);
      return TRUE;

    case PL_FIELD_INT:
      if (value != NULL && !parse_int64 (field, value, G_MININT, G_MAXINT, &v, error))
        return FALSE;
      *PL_FIELD_PTR (record, field, int) = (int) v;
      return TRUE;

    case PL_FIELD_INT64:
    case PL_FIELD_REF:
      if (value != NULL && !parse_int64 (field, value, 0, G_MAXINT64, &v, error))
        return FALSE;
      *PL_FIELD_PTR (record, field, gint64) = v;
      return TRUE;

    case PL_FIELD_BOOL:
      if (value == NULL || g_str_equal (value, "false") || g_str_equal (value, "0"))
        *PL_FIELD_PTR (record, field, gboolean) = FALSE;
      else if (g_str_equal (value, "true") || g_str_equal (value, "1"))
        *PL_FIELD_PTR (record, field, gboolean) = TRUE;
      else
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” must be true or false, not “%s”."), field->name, value);
          return FALSE;
        }
      return TRUE;

    case PL_FIELD_DOUBLE:
      {
        char *end = NULL;
        double d = 0;

        if (value != NULL)
          {
            d = g_ascii_strtod (value, &end);
            if (end == value || *end != '\0')
              {
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("“%s” is not a number that “%s” can hold."), value, field->name);
                return FALSE;
              }
          }
        *PL_FIELD_PTR (record, field, double) = d;
        return TRUE;
      }

    case PL_FIELD_ENUM:
      {
        int e = value != NULL ? pl_enum_from_nick (field->nicks, value) : 0;

        if (e < 0)
          {
            g_autofree char *choices = g_strjoinv (", ", (char **) field->nicks);

            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("“%s” is not one of the values “%s” can take (%s)."),
                         value, field->name, choices);
            return FALSE;
          }
        *PL_FIELD_PTR (record, field, int) = e;
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

gboolean
pl_field_number_is_valid (const PlField *field,
                          double         value)
{
  g_return_val_if_fail (field != NULL, FALSE);

  switch (field->kind)
    {
    case PL_FIELD_INT:
      if (field->range == NULL)
        return value >= G_MININT && value <= G_MAXINT;
      break;

    case PL_FIELD_DOUBLE:
      /* NaN fails every comparison below */
      if (field->range == NULL)
        return isfinite (value);
      break;

    case PL_FIELD_BOOL:
      return value == 0 || value == 1;

    case PL_FIELD_INT64:
    case PL_FIELD_REF:
    case PL_FIELD_TEXT:
    case PL_FIELD_ENUM:
    default:
      return TRUE;
    }

  return value >= field->range->min && value <= field->range->max;
}

double
pl_field_number_fallback (const PlField *field)
{
  g_return_val_if_fail (field != NULL, 0);

  return field->range != NULL ? field->range->fallback : 0;
}

gboolean
pl_field_text_is_valid (const PlField *field,
                        const char    *text)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (field->kind != PL_FIELD_TEXT || field->form == NULL || text == NULL || *text == '\0')
    return TRUE;
  return field->form->is_valid (text);
}

const char *
pl_field_text_fallback (const PlField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  return field->form != NULL ? field->form->fallback : NULL;
}

const char *
pl_enum_to_nick (const char * const *nicks,
                 int                 value)
{
  g_return_val_if_fail (nicks != NULL, NULL);

  for (int i = 0; nicks[i] != NULL; i++)
    if (i == value)
      return nicks[i];

  return NULL;
}

int
pl_enum_from_nick (const char * const *nicks,
                   const char         *nick)
{
  g_return_val_if_fail (nicks != NULL, -1);

  if (nick == NULL)
    return -1;

  for (int i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      return i;

  return -1;
}

gboolean
pl_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}
