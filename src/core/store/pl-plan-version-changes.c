/* pl-plan-version-changes.c: what changed between two versions of a plan,
 * and since the person last looked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Comparing two versions pairs their parts: sections by kind, list items
 * first with an unchanged twin, then by order. What the person last saw is
 * kept as a snapshot of the plan, compared with the plan as it is now.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-plan-version-private.h"
#include "pl-record.h"

/* The plan's own fields a person would notice changing; status, version
 * and the agreement differ between every two versions by design */
static const struct
{
  const char *field;
  const char *anchor;
} plan_fields[] = {
  { "start_date", "summary-start" },
  { "last_review", "last-review" },
  { "next_review", "next-review" },     /* NG21 1.3.25 */
  { "coordinator_id", "coordinator" },  /* NG21 1.3.6 */
};

/* Comparing */

static gboolean
is_compared (const PlRecordType *type,
             const PlField      *field)
{
  if (field == &type->fields[0] || (field->flags & (PL_FIELD_FLAG_AUTO | PL_FIELD_FLAG_SECRET)) != 0)
    return FALSE;
  if (type->parent != NULL && g_str_equal (field->name, type->parent))
    return FALSE;
  /* Moving an item up or down is not a change to what it says */
  return !g_str_equal (field->name, "position");
}

static gboolean
same_content (const PlRecordType *type,
              gconstpointer       a,
              gconstpointer       b)
{
  for (guint i = 0; i < type->n_fields; i++)
    if (is_compared (type, &type->fields[i]) && !pl_field_equal (&type->fields[i], a, b))
      return FALSE;
  return TRUE;
}

/* A line that names a whole item that came or went */
static char *
item_summary (const PlRecordType *type,
              gconstpointer       record)
{
  if (type == &pl_visit_type)
    {
      const PlVisit *visit = record;

      return g_strdup_printf ("%s %s", pl_weekday_label (visit->weekday),
                              visit->start_time != NULL ? visit->start_time : "");
    }

  for (guint i = 1; i < type->n_fields; i++)
    if ((type->fields[i].flags & PL_FIELD_FLAG_REQUIRED) != 0)
      return pl_field_to_string (&type->fields[i], record);
  return NULL;
}

static void
add_change (GPtrArray          *changes,
            PlPlanChangeKind    kind,
            const PlRecordType *type,
            gconstpointer       older,
            gconstpointer       newer,
            const PlField      *field,
            char               *old_value,
            char               *new_value,
            char               *anchor)
{
  PlPlanChange *change = g_new0 (PlPlanChange, 1);

  change->kind = kind;
  change->type = type;
  change->old_id = older != NULL ? PL_RECORD_ID (older) : 0;
  change->new_id = newer != NULL ? PL_RECORD_ID (newer) : 0;
  change->field = field != NULL ? field->name : NULL;
  change->label = field != NULL ? field->label : type->label;
  change->old_value = old_value;
  change->new_value = new_value;
  change->anchor = anchor;
  g_ptr_array_add (changes, change);
}

static void
compare_fields (GPtrArray          *changes,
                const PlRecordType *type,
                gconstpointer       older,
                gconstpointer       newer)
{
  for (guint i = 0; i < type->n_fields; i++)
    {
      const PlField *field = &type->fields[i];

      if (!is_compared (type, field) || pl_field_equal (field, older, newer))
        continue;
      add_change (changes, PL_PLAN_CHANGE_CHANGED, type, older, newer, field,
                  pl_field_to_string (field, older), pl_field_to_string (field, newer),
                  pl_plan_anchor_for (type, newer));
    }
}

static const char *
section_body (GPtrArray     *sections,
              PlSectionKind  kind,
              const PlPlanSection **out)
{
  const char *body = NULL;

  *out = NULL;
  for (guint i = 0; sections != NULL && i < sections->len; i++)
    {
      const PlPlanSection *section = g_ptr_array_index (sections, i);

      /* As the document does: the latest text for a part wins */
      if (section->kind == kind && section->body != NULL && *section->body != '\0')
        {
          body = section->body;
          *out = section;
        }
    }
  return body;
}

static void
compare_sections (GPtrArray *changes,
                  GPtrArray *older,
                  GPtrArray *newer)
{
  const PlField *body_field = pl_record_type_find_field (&pl_plan_section_type, "body");

  for (int kind = 0; kind < PL_SECTION_N_KINDS; kind++)
    {
      const PlPlanSection *a, *b;
      const char *was = section_body (older, kind, &a);
      const char *now = section_body (newer, kind, &b);
      PlPlanChangeKind change_kind;

      if (g_strcmp0 (was, now) == 0)
        continue;

      if (was == NULL)
        change_kind = PL_PLAN_CHANGE_ADDED;
      else if (now == NULL)
        change_kind = PL_PLAN_CHANGE_REMOVED;
      else
        change_kind = PL_PLAN_CHANGE_CHANGED;

      add_change (changes, change_kind, &pl_plan_section_type, a, b, body_field,
                  g_strdup (was), g_strdup (now),
                  g_strdup (pl_section_kind_nicks[kind]));
    }
}

static void
compare_list (GPtrArray          *changes,
              const PlRecordType *type,
              guint               part,
              GPtrArray          *older,
              GPtrArray          *newer)
{
  guint n_old = older != NULL ? older->len : 0;
  guint n_new = newer != NULL ? newer->len : 0;
  g_autofree gint *pair_of_old = g_new (gint, MAX (n_old, 1));
  g_autofree gboolean *new_taken = g_new0 (gboolean, MAX (n_new, 1));
  guint next_new = 0;

  /* First, items that did not change at all find their twin */
  for (guint i = 0; i < n_old; i++)
    {
      pair_of_old[i] = -1;
      for (guint j = 0; j < n_new; j++)
        if (!new_taken[j] &&
            same_content (type, g_ptr_array_index (older, i), g_ptr_array_index (newer, j)))
          {
            pair_of_old[i] = (gint) j;
            new_taken[j] = TRUE;
            break;
          }
    }

  /* Then the rest pair up in order: the first changed old item with the
   * first changed new one, and so on */
  for (guint i = 0; i < n_old; i++)
    {
      gconstpointer a = g_ptr_array_index (older, i);

      if (pair_of_old[i] >= 0)
        continue;

      while (next_new < n_new && new_taken[next_new])
        next_new++;

      if (next_new < n_new)
        {
          new_taken[next_new] = TRUE;
          compare_fields (changes, type, a, g_ptr_array_index (newer, next_new));
        }
      else
        add_change (changes, PL_PLAN_CHANGE_REMOVED, type, a, NULL, NULL,
                    item_summary (type, a), NULL, g_strdup (pl_plan_part_anchor (part)));
    }

  for (guint j = 0; j < n_new; j++)
    if (!new_taken[j])
      {
        gconstpointer b = g_ptr_array_index (newer, j);

        add_change (changes, PL_PLAN_CHANGE_ADDED, type, NULL, b, NULL,
                    NULL, item_summary (type, b), pl_plan_anchor_for (type, b));
      }
}

GPtrArray *
pl_plan_content_compare (const PlPlanContent *older,
                         const PlPlanContent *newer)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_plan_change_free);

  g_return_val_if_fail (older != NULL, changes);
  g_return_val_if_fail (newer != NULL, changes);

  if (older->plan != NULL && newer->plan != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (plan_fields); i++)
      {
        const PlField *field = pl_record_type_find_field (&pl_plan_type, plan_fields[i].field);

        if (pl_field_equal (field, older->plan, newer->plan))
          continue;
        add_change (changes, PL_PLAN_CHANGE_CHANGED, &pl_plan_type, older->plan, newer->plan,
                    field, pl_field_to_string (field, older->plan),
                    pl_field_to_string (field, newer->plan), g_strdup (plan_fields[i].anchor));
      }

  compare_sections (changes, older->parts[PL_PLAN_PART_SECTIONS],
                    newer->parts[PL_PLAN_PART_SECTIONS]);
  for (guint i = PL_PLAN_PART_OUTCOMES; i < PL_PLAN_N_PARTS; i++)
    compare_list (changes, pl_plan_part_type (i), i, older->parts[i], newer->parts[i]);

  return changes;
}

GPtrArray *
pl_plan_compare (PlStore  *store,
                 gint64    older_plan_id,
                 gint64    newer_plan_id,
                 GError  **error)
{
  g_autoptr(PlPlanContent) older = NULL;
  g_autoptr(PlPlanContent) newer = NULL;

  g_return_val_if_fail (store != NULL, NULL);

  older = pl_plan_content_load (store, older_plan_id, error);
  if (older == NULL)
    return NULL;
  newer = pl_plan_content_load (store, newer_plan_id, error);
  if (newer == NULL)
    return NULL;

  return pl_plan_content_compare (older, newer);
}

/* What the person last saw */

static PlPlanContent *
current_content (PlStore  *store,
                 gint64    person_id,
                 GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PlPlan) plan = pl_store_current_plan (store, person_id, &local_error);

  if (plan == NULL)
    {
      if (!g_error_matches (local_error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* No plan yet is something to have seen too */
      return pl_plan_content_new_empty ();
    }

  return pl_plan_content_load (store, plan->id, error);
}

gboolean
pl_plan_mark_seen (PlStore  *store,
                   gint64    person_id,
                   GError  **error)
{
  g_autoptr(PlPlanContent) content = NULL;
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(PlPlanView) view = NULL;

  g_return_val_if_fail (store != NULL, FALSE);

  content = current_content (store, person_id, error);
  if (content == NULL)
    return FALSE;

  views = pl_store_list_plan_views (store, person_id, error);
  if (views == NULL)
    return FALSE;

  if (views->len > 0)
    view = g_ptr_array_steal_index (views, 0);
  else
    {
      view = pl_plan_view_new ();
      view->person_id = person_id;
    }

  view->plan_id = content->plan != NULL ? content->plan->id : 0;
  g_free (view->snapshot);
  view->snapshot = pl_plan_content_to_json (content);

  return pl_store_save_plan_view (store, view, error);
}

GPtrArray *
pl_plan_changes_since_seen (PlStore   *store,
                            gint64     person_id,
                            gboolean  *out_seen_before,
                            GError   **error)
{
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(PlPlanContent) seen = NULL;
  g_autoptr(PlPlanContent) now = NULL;
  const PlPlanView *view;

  g_return_val_if_fail (store != NULL, NULL);

  if (out_seen_before != NULL)
    *out_seen_before = FALSE;

  views = pl_store_list_plan_views (store, person_id, error);
  if (views == NULL)
    return NULL;
  if (views->len == 0)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) pl_plan_change_free);

  view = g_ptr_array_index (views, 0);
  seen = pl_plan_content_from_json (view->snapshot, error);
  if (seen == NULL)
    return NULL;
  now = current_content (store, person_id, error);
  if (now == NULL)
    return NULL;

  if (out_seen_before != NULL)
    *out_seen_before = TRUE;
  return pl_plan_content_compare (seen, now);
}
