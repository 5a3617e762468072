/* test-record.c: the record descriptors and their field conversions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "pl-model.h"

static void
test_descriptors (void)
{
  guint n_types;
  const PlRecordType * const *types = pl_record_types (&n_types);

  g_assert_cmpuint (n_types, ==, 29);
  for (guint i = 0; i < n_types; i++)
    {
      const PlRecordType *type = types[i];

      g_assert_cmpstr (type->fields[0].name, ==, "id");
      g_assert_cmpuint (type->fields[0].offset, ==, 0);
      for (guint j = 1; j < type->n_fields; j++)
        {
          const PlField *field = &type->fields[j];

          g_assert_cmpuint (field->offset, <, type->size);
          g_assert_true (pl_record_type_find_field (type, field->name) == field);
          g_assert_true (field->kind != PL_FIELD_ENUM || field->nicks != NULL);
          /* Every field a person edits has words to describe it in history */
          if ((field->flags & PL_FIELD_FLAG_AUTO) == 0 && field->kind != PL_FIELD_REF)
            g_assert_nonnull (field->label);
        }
      if (type->parent != NULL)
        g_assert_nonnull (pl_record_type_find_field (type, type->parent));
    }
}

static void
test_set_from_string (void)
{
  g_autoptr(PlVisit) visit = pl_visit_new ();
  g_autoptr(PlSettings) settings = pl_settings_new ();
  g_autoptr(PlContact) contact = pl_contact_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_field_set_from_string (pl_record_type_find_field (&pl_visit_type, "duration"),
                                           visit, "45", &error));
  g_assert_cmpint (visit->duration, ==, 45);
  g_assert_false (pl_field_set_from_string (pl_record_type_find_field (&pl_visit_type, "duration"),
                                            visit, "45 minutes", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpint (visit->duration, ==, 45);
  g_clear_error (&error);

  g_assert_true (pl_field_set_from_string (pl_record_type_find_field (&pl_settings_type, "line_spacing"),
                                           settings, "1.75", &error));
  g_assert_cmpfloat (settings->line_spacing, ==, 1.75);
  g_assert_true (pl_field_set_from_string (pl_record_type_find_field (&pl_settings_type, "talking_buttons"),
                                           settings, "true", &error));
  g_assert_true (settings->talking_buttons);
  g_assert_false (pl_field_set_from_string (pl_record_type_find_field (&pl_settings_type, "talking_buttons"),
                                            settings, "yes please", &error));
  g_clear_error (&error);

  g_assert_true (pl_field_set_from_string (pl_record_type_find_field (&pl_contact_type, "role"),
                                           contact, "safeguarding", &error));
  g_assert_cmpint (contact->role, ==, PL_CONTACT_SAFEGUARDING);
  g_assert_false (pl_field_set_from_string (pl_record_type_find_field (&pl_contact_type, "role"),
                                            contact, "butler", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  /* The message names what was wrong and what would be right */
  g_assert_nonnull (strstr (error->message, "butler"));
  g_assert_nonnull (strstr (error->message, "coordinator"));
}

static void
test_copy_equal (void)
{
  g_autoptr(PlMedicine) a = pl_medicine_new ();
  g_autoptr(PlMedicine) b = NULL;

  a->id = 7;
  a->name = g_strdup ("Metformin");
  a->timing = g_strdup ("With breakfast and with tea");
  b = pl_medicine_copy (a);
  g_assert_true (b->name != a->name);
  for (guint i = 0; i < pl_medicine_type.n_fields; i++)
    g_assert_true (pl_field_equal (&pl_medicine_type.fields[i], a, b));

  g_free (b->timing);
  b->timing = NULL;
  g_assert_false (pl_field_equal (pl_record_type_find_field (&pl_medicine_type, "timing"), a, b));
}

static void
test_labels (void)
{
  for (int k = 0; k < PL_SECTION_N_KINDS; k++)
    {
      g_assert_nonnull (pl_section_kind_nicks[k]);
      g_assert_cmpstr (pl_section_kind_title (k), !=, "");
    }
  g_assert_cmpstr (pl_weekday_label (1), ==, "Monday");
  g_assert_cmpstr (pl_weekday_label (0), ==, "Every day");
  g_assert_cmpstr (pl_weekday_label (9), ==, "");
  g_assert_cmpint (pl_enum_from_nick (pl_visit_outcome_nicks, "missed"), ==, PL_VISIT_MISSED);
  g_assert_cmpstr (pl_enum_to_nick (pl_staff_role_nicks, PL_ROLE_MANAGER), ==, "manager");
  g_assert_null (pl_enum_to_nick (pl_staff_role_nicks, 99));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plainly/record/descriptors", test_descriptors);
  g_test_add_func ("/plainly/record/set-from-string", test_set_from_string);
  g_test_add_func ("/plainly/record/copy-equal", test_copy_equal);
  g_test_add_func ("/plainly/record/labels", test_labels);
  return g_test_run ();
}
