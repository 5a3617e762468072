/* pl-plan-translation.c: a person's plan kept in two languages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The texts to translate are listed by the plan's builder
 * (pl_plan_translation_texts () in pl-document-plan.c), so what staff are
 * asked to translate is exactly what the person is shown.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <stdlib.h>
#include "pl-i18n.h"

#include "pl-plan-translation.h"

void
pl_plan_text_free (PlPlanText *text)
{
  if (text == NULL)
    return;
  g_free (text->part);
  g_free (text->field);
  g_free (text->source);
  g_free (text);
}

/* person_id's translations into language (element-type PlPlanTranslation) */
static GPtrArray *
list_in (PlStore     *store,
         gint64       person_id,
         const char  *language,
         GError     **error)
{
  g_autoptr(GPtrArray) all = pl_store_list_plan_translations (store, person_id, error);
  GPtrArray *in_language;

  if (all == NULL)
    return NULL;
  in_language = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_plan_translation_free);
  for (guint i = 0; i < all->len; i++)
    {
      PlPlanTranslation *translation = g_ptr_array_index (all, i);

      if (g_strcmp0 (translation->language, language) == 0)
        g_ptr_array_add (in_language, pl_plan_translation_copy (translation));
    }
  return in_language;
}

GHashTable *
pl_plan_translation_table (PlStore     *store,
                           gint64       person_id,
                           const char  *language,
                           GError     **error)
{
  g_autoptr(GPtrArray) translations = NULL;
  GHashTable *table;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  translations = list_in (store, person_id, language, error);
  if (translations == NULL)
    return NULL;

  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < translations->len; i++)
    {
      const PlPlanTranslation *translation = g_ptr_array_index (translations, i);

      /* A record damaged outside Plainly is left out, never shown */
      if (translation->source == NULL || pl_text_is_blank (translation->translation))
        continue;
      g_hash_table_replace (table, g_strdup (translation->source),
                            g_strdup (translation->translation));
    }
  return table;
}

static gboolean
save_one (PlStore            *store,
          gint64              person_id,
          const char         *language,
          const char         *source,
          const char         *text,
          PlPlanTranslation  *kept,
          GError            **error)
{
  g_autoptr(PlPlanTranslation) translation = NULL;

  if (pl_text_is_blank (text))
    return kept == NULL || pl_store_delete_plan_translation (store, kept->id, error);
  if (kept != NULL && g_strcmp0 (kept->translation, text) == 0)
    return TRUE;

  translation = kept != NULL ? pl_plan_translation_copy (kept) : pl_plan_translation_new ();
  translation->person_id = person_id;
  g_free (translation->language);
  translation->language = g_strdup (language);
  g_free (translation->source);
  translation->source = g_strdup (source);
  g_free (translation->translation);
  translation->translation = g_strdup (text);
  return pl_store_save_plan_translation (store, translation, error);
}

gboolean
pl_plan_translation_save (PlStore     *store,
                          gint64       person_id,
                          const char  *language,
                          GHashTable  *translations,
                          GError     **error)
{
  const PlField *language_field = pl_record_type_find_field (&pl_plan_translation_type,
                                                             "language");
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GHashTable) by_source = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (translations != NULL, FALSE);

  if (pl_text_is_blank (language) || !pl_field_text_is_valid (language_field, language))
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("Choose the language the plan is being put into."));
      return FALSE;
    }

  kept = list_in (store, person_id, language, error);
  if (kept == NULL)
    return FALSE;
  by_source = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < kept->len; i++)
    {
      PlPlanTranslation *translation = g_ptr_array_index (kept, i);

      if (translation->source != NULL)
        g_hash_table_replace (by_source, translation->source, translation);
    }

  if (!pl_store_begin (store, error))
    return FALSE;
  g_hash_table_iter_init (&iter, translations);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!save_one (store, person_id, language, key, value,
                     g_hash_table_lookup (by_source, key), error))
        {
          pl_store_rollback (store);
          return FALSE;
        }
    }
  return pl_store_commit (store, error);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

GStrv
pl_plan_translation_languages (PlStore  *store,
                               gint64    person_id,
                               GError  **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GStrv languages;

  g_return_val_if_fail (store != NULL, NULL);

  all = pl_store_list_plan_translations (store, person_id, error);
  if (all == NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      const PlPlanTranslation *translation = g_ptr_array_index (all, i);

      if (translation->language == NULL || pl_text_is_blank (translation->translation) ||
          !g_hash_table_add (seen, translation->language))
        continue;
      g_strv_builder_add (builder, translation->language);
    }
  languages = g_strv_builder_end (builder);
  qsort (languages, g_strv_length (languages), sizeof (char *), compare_strings);
  return languages;
}

guint
pl_plan_translation_count_done (GPtrArray  *texts,
                                GHashTable *table)
{
  guint n = 0;

  g_return_val_if_fail (texts != NULL, 0);

  for (guint i = 0; table != NULL && i < texts->len; i++)
    {
      const PlPlanText *text = g_ptr_array_index (texts, i);

      if (g_hash_table_contains (table, text->source))
        n++;
    }
  return n;
}

char *
pl_plan_translation_reading_language (PlStore    *store,
                                      gint64      person_id,
                                      const char *chosen)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) languages = NULL;

  if (pl_text_is_blank (chosen))
    return NULL;
  languages = pl_plan_translation_languages (store, person_id, &error);
  /* Not being able to read the translations shows the plan as written */
  if (languages == NULL)
    {
      g_warning ("Cannot read the plan's translations: %s", error->message);
      return NULL;
    }
  return g_strv_contains ((const char * const *) languages, chosen) ? g_strdup (chosen) : NULL;
}
