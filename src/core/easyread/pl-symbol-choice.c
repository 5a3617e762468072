/* pl-symbol-choice.c: the pictures staff chose for easy read, kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-symbol-choice.h"
#include "pl-store-private.h"

static gboolean
same_words (const char *a,
            const char *b)
{
  g_autoptr(GPtrArray) wa = pl_symbol_words (a != NULL ? a : "");
  g_autoptr(GPtrArray) wb = pl_symbol_words (b != NULL ? b : "");

  if (wa->len != wb->len)
    return FALSE;
  for (guint i = 0; i < wa->len; i++)
    if (!g_str_equal (wa->pdata[i], wb->pdata[i]))
      return FALSE;
  return TRUE;
}

gboolean
pl_symbol_choice_save (PlStore         *store,
                       PlSymbolChoice  *choice,
                       GError         **error)
{
  g_autoptr(GPtrArray) same_scope = NULL;
  g_autoptr(GPtrArray) words = NULL;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (choice != NULL, FALSE);

  if ((choice->service_id != 0) == (choice->person_id != 0))
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("A picture is chosen either for the whole service or for one "
                             "person. Choose which."));
      return FALSE;
    }

  words = pl_symbol_words (choice->words != NULL ? choice->words : "");
  if (words->len == 0 || words->len > PL_SYMBOLS_MAX_PHRASE_WORDS)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("A picture stands for one to %d words. Write the words it is for."),
                   PL_SYMBOLS_MAX_PHRASE_WORDS);
      return FALSE;
    }

  if (choice->symbol != NULL &&
      !pl_symbol_index_has_symbol (pl_symbol_index_get_default (), choice->symbol))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("Plainly has no picture called “%s”. Choose one from the search."),
                   choice->symbol);
      return FALSE;
    }

  same_scope = choice->person_id != 0
               ? pl_store_list_symbol_choices (store, choice->person_id, error)
               : pl_symbol_choice_list_for_service (store, choice->service_id, error);
  if (same_scope == NULL)
    return FALSE;

  for (guint i = 0; i < same_scope->len; i++)
    {
      const PlSymbolChoice *other = g_ptr_array_index (same_scope, i);

      if (other->id != choice->id && same_words (other->words, choice->words))
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("“%s” already has a picture chosen. Change that one instead."),
                       other->words);
          return FALSE;
        }
    }

  return pl_store_save_symbol_choice (store, choice, error);
}

GPtrArray *
pl_symbol_choice_list_for_service (PlStore  *store,
                                   gint64    service_id,
                                   GError  **error)
{
  return pl_store_list_for_service (store, &pl_symbol_choice_type, service_id, error);
}

GPtrArray *
pl_symbol_choice_list_for_person (PlStore  *store,
                                  gint64    person_id,
                                  GError  **error)
{
  return pl_store_list_with_service (store, &pl_symbol_choice_type, person_id, error);
}

PlSymbolChoiceRule *
pl_symbol_choice_rules (GPtrArray *choices,
                        guint     *n_rules)
{
  guint n = choices != NULL ? choices->len : 0;
  PlSymbolChoiceRule *rules = g_new0 (PlSymbolChoiceRule, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const PlSymbolChoice *choice = g_ptr_array_index (choices, i);

      rules[i].words = choice->words;
      rules[i].symbol = choice->symbol;
      rules[i].description = choice->description;
    }
  if (n_rules != NULL)
    *n_rules = n;
  return rules;
}
