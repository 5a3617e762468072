/* test-needs.c: recorded communication needs choose the defaults
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-needs.h"
#include "pl-store.h"
#include "pl-test-util.h"

static PlCommNeed *
need_new (const char *code)
{
  PlCommNeed *need = pl_comm_need_new ();

  need->code = g_strdup (code);
  need->description = g_strdup ("Recorded by staff");
  return need;
}

static GPtrArray *
needs_of (const char *first_code,
          ...)
{
  GPtrArray *needs = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_comm_need_free);
  va_list args;

  va_start (args, first_code);
  for (const char *code = first_code; code != NULL; code = va_arg (args, const char *))
    g_ptr_array_add (needs, need_new (code));
  va_end (args);
  return needs;
}

static void
test_table (void)
{
  guint n;
  const PlNeedInfo *needs = pl_needs_known (&n);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (n, >=, 30);
  for (guint i = 0; i < n; i++)
    {
      g_assert_false (g_hash_table_contains (seen, needs[i].code));
      g_hash_table_add (seen, (gpointer) needs[i].code);
      g_assert_true (pl_need_lookup (needs[i].code) == &needs[i]);
      g_assert_cmpstr (needs[i].words, !=, "");
      g_assert_nonnull (pl_enum_to_nick (pl_need_category_nicks, needs[i].category));
    }
  g_assert_null (pl_need_lookup ("123"));
  g_assert_null (pl_need_lookup (NULL));
}

static void
test_describe (void)
{
  g_autoptr(PlCommNeed) known = need_new ("957351000000102");
  g_autoptr(PlCommNeed) other = need_new ("not-a-code");

  g_assert_cmpstr (pl_need_describe (known), ==,
                   "Written information in large print, at least 24 point");
  g_assert_cmpstr (pl_need_describe (other), ==, "Recorded by staff");
}

static void
test_defaults (void)
{
  g_autoptr(PlSettings) none = pl_settings_for_needs (1, NULL);
  g_autoptr(GPtrArray) large = needs_of ("957351000000102", NULL);
  g_autoptr(GPtrArray) both = needs_of ("957371000000106", "957331000000109", NULL);
  g_autoptr(GPtrArray) spoken = needs_of ("367741000000102", "311543001", "unknown", NULL);
  g_autoptr(PlSettings) s = NULL;

  g_assert_cmpint (none->text_size, ==, 14);
  g_assert_cmpstr (none->theme, ==, "standard");
  g_assert_false (none->read_aloud);

  /* A 24 pt need opens at 24 pt, in high contrast */
  s = pl_settings_for_needs (1, large);
  g_assert_cmpint (s->text_size, ==, 24);
  g_assert_cmpstr (s->theme, ==, "yellow-on-black");
  g_assert_cmpint (s->person_id, ==, 1);
  g_clear_pointer (&s, pl_settings_free);

  /* The largest recorded size wins, whatever the order */
  s = pl_settings_for_needs (1, both);
  g_assert_cmpint (s->text_size, ==, 28);
  g_clear_pointer (&s, pl_settings_free);

  /* Information verbally offers reading aloud; more time slows it down */
  s = pl_settings_for_needs (1, spoken);
  g_assert_true (s->read_aloud);
  g_assert_cmpint (s->speech_rate, <=, 130);
  g_assert_cmpint (s->pause_ms, >=, 1200);
  g_assert_cmpint (s->text_size, ==, 14);
}

static void
test_store_defaults (void)
{
  g_autofree char *dir = pl_test_make_dir ("plainly-needs");
  g_autoptr(PlStore) store = pl_test_open_store (dir, NULL);
  g_autoptr(PlPerson) person = pl_person_new ();
  g_autoptr(PlCommNeed) need = need_new ("957331000000109");
  g_autoptr(PlSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  person->full_name = g_strdup ("Ifeoma Okafor");
  g_assert_true (pl_store_save_person (store, person, &error));
  need->person_id = person->id;
  need->category = PL_NEED_INFORMATION_FORMAT;
  g_assert_true (pl_store_save_comm_need (store, need, &error));
  g_assert_no_error (error);

  settings = pl_store_get_settings (store, person->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (settings->id, ==, 0);
  g_assert_cmpint (settings->text_size, ==, 20);

  /* Once the person chooses, their choice is what opens */
  settings->text_size = 48;
  g_assert_true (pl_store_save_settings (store, settings, &error));
  g_clear_pointer (&settings, pl_settings_free);
  settings = pl_store_get_settings (store, person->id, &error);
  g_assert_cmpint (settings->text_size, ==, 48);

  g_clear_pointer (&store, pl_store_unref);
  pl_test_remove_dir (dir);
}

/* Staff can change what a need does; the person's defaults and the
 * explanation of them follow, and the change is in the history */
static void
test_staff_rules (void)
{
  g_autofree char *dir = pl_test_make_dir ("plainly-need-rules");
  g_autoptr(PlStore) store = pl_test_open_store (dir, NULL);
  g_autoptr(PlPerson) person = pl_person_new ();
  g_autoptr(PlCommNeed) need = need_new ("957331000000109");
  g_autoptr(PlNeedRule) rule = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(GPtrArray) explained = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(PlSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  PlNeedExplanation *explanation;
  gboolean found = FALSE;

  person->full_name = g_strdup ("Ifeoma Okafor");
  g_assert_true (pl_store_save_person (store, person, &error));
  need->person_id = person->id;
  need->category = PL_NEED_INFORMATION_FORMAT;
  g_assert_true (pl_store_save_comm_need (store, need, &error));
  g_assert_no_error (error);

  /* Built in: 20 pt in high contrast, as a rule staff can edit */
  rules = pl_store_list_need_rules (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, ==, 0);
  rule = pl_need_rule_for_code ("957331000000109", rules);
  g_assert_cmpint (rule->id, ==, 0);
  g_assert_cmpint (rule->min_text_size, ==, 20);
  g_assert_true (rule->high_contrast);
  g_assert_false (rule->read_aloud);

  /* This service opens large print at 32 pt, read aloud, without changing colours */
  rule->min_text_size = 32;
  rule->high_contrast = FALSE;
  rule->read_aloud = TRUE;
  g_assert_true (pl_store_save_need_rule (store, rule, &error));
  g_assert_no_error (error);

  settings = pl_store_get_settings (store, person->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (settings->text_size, ==, 32);
  g_assert_cmpstr (settings->theme, ==, "standard");
  g_assert_true (settings->read_aloud);

  g_clear_pointer (&rules, g_ptr_array_unref);
  rules = pl_store_list_need_rules (store, 0, &error);
  needs = pl_store_list_comm_needs (store, person->id, &error);
  explained = pl_needs_explain_with_rules (needs, rules);
  explanation = g_ptr_array_index (explained, 0);
  for (guint i = 0; i < explanation->changes->len; i++)
    {
      const char *change = g_ptr_array_index (explanation->changes, i);

      g_assert_null (strstr (change, "yellow"));
      if (strstr (change, "32 point") != NULL)
        found = TRUE;
    }
  g_assert_true (found);

  /* Editing it again changes the same rule */
  g_clear_pointer (&rule, pl_need_rule_free);
  rule = pl_need_rule_for_code ("957331000000109", rules);
  g_assert_cmpint (rule->id, >, 0);
  g_assert_cmpint (rule->min_text_size, ==, 32);

  /* Who changed what a need does is kept, like any other change */
  history = pl_store_list_history (store, &pl_need_rule_type, rule->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >, 0);

  /* A code we have no built-in effects for can be given some */
  g_clear_pointer (&rule, pl_need_rule_free);
  rule = pl_need_rule_for_code ("12345", rules);
  g_assert_cmpint (rule->min_text_size, ==, 0);
  g_assert_false (rule->high_contrast);

  g_clear_pointer (&store, pl_store_unref);
  pl_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plainly/needs/table", test_table);
  g_test_add_func ("/plainly/needs/describe", test_describe);
  g_test_add_func ("/plainly/needs/defaults", test_defaults);
  g_test_add_func ("/plainly/needs/store-defaults", test_store_defaults);
  g_test_add_func ("/plainly/needs/staff-rules", test_staff_rules);
  return g_test_run ();
}
