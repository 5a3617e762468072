/* plainly-cli-needs.c: `plainly-cli needs` and `need-rule`: what each coded
 * communication need does to a person's starting settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-i18n.h"

#include "pl-model.h"
#include "pl-needs.h"
#include "pl-store.h"
#include "plainly-cli-private.h"

int
command_needs (PlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = pl_store_list_need_rules (store, 0, &error);
  g_autoptr(GPtrArray) needs = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_comm_need_free);
  g_autoptr(GPtrArray) explained = NULL;
  const PlNeedInfo *known;
  guint n_known;

  if (rules == NULL)
    {
      say_error (error->message);
      return EXIT_FAILED;
    }

  known = pl_needs_known (&n_known);
  for (guint i = 0; i < n_known; i++)
    {
      PlCommNeed *need = pl_comm_need_new ();

      need->code = g_strdup (known[i].code);
      g_ptr_array_add (needs, need);
    }
  /* Codes staff gave effects to that the built-in list does not know */
  for (guint i = 0; i < rules->len; i++)
    {
      const PlNeedRule *rule = g_ptr_array_index (rules, i);

      if (pl_need_lookup (rule->code) == NULL)
        {
          PlCommNeed *need = pl_comm_need_new ();

          need->code = g_strdup (rule->code);
          need->description = g_strdup (_("A need recorded by its code"));
          g_ptr_array_add (needs, need);
        }
    }

  explained = pl_needs_explain_with_rules (needs, rules);
  for (guint i = 0; i < explained->len; i++)
    {
      const PlNeedExplanation *e = g_ptr_array_index (explained, i);
      const PlCommNeed *need = g_ptr_array_index (needs, i);
      g_autoptr(GString) changes = g_string_new (NULL);
      gboolean by_staff = FALSE;
      g_autofree char *code = NULL;
      g_autofree char *what = NULL;
      g_autofree char *does = NULL;

      for (guint j = 0; j < e->changes->len; j++)
        g_string_append_printf (changes, "%s%s", j > 0 ? "; " : "",
                                (const char *) g_ptr_array_index (e->changes, j));
      for (guint j = 0; j < rules->len; j++)
        if (g_strcmp0 (((PlNeedRule *) rules->pdata[j])->code, need->code) == 0)
          by_staff = TRUE;

      code = clean (need->code, "");
      what = clean (e->need, "");
      does = clean (changes->len > 0 ? changes->str : _("changes nothing"), "");
      if (by_staff)
        {
          /* Translators: what a communication need does, when staff set
           * the rule: "larger text (set by staff)" */
          g_autofree char *set_by_staff = g_strdup_printf (_("%s (set by staff)"), does);

          g_print ("%s\t%s\t%s\n", code, what, set_by_staff);
        }
      else
        g_print ("%s\t%s\t%s\n", code, what, does);
    }
  return EXIT_OK;
}

static gboolean
parse_yes_no (const char *text,
              const char *option,
              gboolean   *out)
{
  if (text == NULL)
    return TRUE;
  if (g_ascii_strcasecmp (text, "yes") == 0)
    *out = TRUE;
  else if (g_ascii_strcasecmp (text, "no") == 0)
    *out = FALSE;
  else
    {
      g_autofree char *message = g_strdup_printf (_("--%s takes yes or no."), option);

      usage_error (message);
      return FALSE;
    }
  return TRUE;
}

int
command_need_rule (PlStore    *store,
                   const char *code,
                   int         min_size,
                   const char *contrast,
                   const char *read_aloud,
                   const char *more_time)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = pl_store_list_need_rules (store, 0, &error);
  g_autoptr(PlNeedRule) rule = NULL;

  if (rules == NULL)
    {
      say_error (error->message);
      return EXIT_FAILED;
    }

  rule = pl_need_rule_for_code (code, rules);
  if (min_size >= 0)
    rule->min_text_size = min_size;
  if (!parse_yes_no (contrast, "contrast", &rule->high_contrast) ||
      !parse_yes_no (read_aloud, "read-aloud", &rule->read_aloud) ||
      !parse_yes_no (more_time, "more-time", &rule->more_time))
    return EXIT_USAGE;

  if (!pl_store_save_need_rule (store, rule, &error))
    {
      say_error (error->message);
      return EXIT_FAILED;
    }
  return command_needs (store);
}
