/* pl-change-words.c: a change to a plan said in plain words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used where a person or staff read what changed (NG86 1.4.8): the words
 * never rely on colour or layout, so they read the same aloud.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include "pl-i18n.h"

#include "pl-change-words.h"
#include "pl-document.h"

/* Enough to recognise a paragraph by ear without reading it all */
#define VALUE_MAX_CHARS 120

char *
pl_change_words_part (const PlPlanChange *change)
{
  const char *table;

  g_return_val_if_fail (change != NULL && change->type != NULL, NULL);

  table = change->type->table;
  if (g_str_equal (table, "plan_sections"))
    {
      for (int kind = 0; kind < PL_SECTION_N_KINDS; kind++)
        if (g_strcmp0 (change->anchor, pl_section_kind_nicks[kind]) == 0)
          return g_strdup (pl_section_kind_title (kind));
      return g_strdup (_("About me"));
    }
  if (g_str_equal (table, "plans"))
    return g_strdup (_("The plan"));
  if (g_str_equal (table, "outcomes"))
    return g_strdup (_("My outcomes"));
  if (g_str_equal (table, "visits"))
    return g_strdup (_("My visits"));
  if (g_str_equal (table, "medicines"))
    return g_strdup (_("My medicines"));
  if (g_str_equal (table, "risks"))
    return g_strdup (_("Risks I choose to take"));
  return g_strdup (_(change->type->label));
}

static gboolean
is_date_field (const char *field)
{
  return g_str_has_suffix (field, "_date") || g_str_has_suffix (field, "_review") ||
         g_str_equal (field, "agreed_on");
}

static char *
shorten (const char *text)
{
  g_autofree char *flat = g_strdup (text);

  /* One line: a value is read inside a sentence */
  g_strdelimit (flat, "\r\n\t", ' ');
  g_strstrip (flat);
  if (g_utf8_strlen (flat, -1) > VALUE_MAX_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (flat, 0, VALUE_MAX_CHARS);

      /* Cut at a word, and say that it goes on */
      char *space = strrchr (cut, ' ');
      if (space != NULL && space > cut)
        *space = '\0';
      return g_strdup_printf (_("%s…"), cut);
    }
  return g_steal_pointer (&flat);
}

char *
pl_change_words_value (PlStore    *store,
                       const char *field,
                       const char *value)
{
  if (value == NULL || *value == '\0')
    return g_strdup (_("nothing"));
  if (field == NULL)
    return shorten (value);

  if (is_date_field (field))
    return pl_date_to_words (value);
  if (g_str_has_suffix (field, "time"))
    return pl_time_to_words (value);
  if (g_str_equal (field, "duration"))
    return pl_duration_to_words (atoi (value));
  if (g_str_equal (field, "weekday"))
    return g_strdup (pl_weekday_label (atoi (value)));
  if (g_str_equal (field, "coordinator_id"))
    {
      gint64 id = g_ascii_strtoll (value, NULL, 10);
      g_autoptr(PlContact) contact = NULL;

      if (id == 0)
        return g_strdup (_("no one"));
      if (store != NULL)
        contact = pl_store_load_contact (store, id, NULL);
      if (contact != NULL && contact->name != NULL)
        return g_strdup (contact->name);
      return g_strdup (_("someone else"));
    }
  return shorten (value);
}

/* A value said inside a message, isolated where it is right to left */
static char *
isolated_value (PlStore    *store,
                const char *field,
                const char *value)
{
  g_autofree char *words = pl_change_words_value (store, field, value);

  return pl_catalog_isolate (words);
}

char *
pl_change_words_describe (PlStore            *store,
                          const PlPlanChange *change)
{
  g_autofree char *part = NULL;
  g_autofree char *was = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (change != NULL, NULL);

  part = pl_change_words_part (change);
  switch (change->kind)
    {
    case PL_PLAN_CHANGE_ADDED:
      now = isolated_value (store, NULL, change->new_value);
      return g_strdup_printf (_("%s: added “%s”."), part, now);
    case PL_PLAN_CHANGE_REMOVED:
      was = isolated_value (store, NULL, change->old_value);
      return g_strdup_printf (_("%s: taken out “%s”."), part, was);
    case PL_PLAN_CHANGE_CHANGED:
    default:
      was = isolated_value (store, change->field, change->old_value);
      now = isolated_value (store, change->field, change->new_value);
      return g_strdup_printf (_("%s: the %s changed from “%s” to “%s”."),
                              part, _(change->label), was, now);
    }
}
