/* pl-actor.c: who made a change, as the history keeps it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"
#include <string.h>

#include "pl-actor.h"

char *
pl_actor_for_staff (const PlStaff *staff)
{
  g_return_val_if_fail (staff != NULL, NULL);

  return g_strdup_printf ("staff:%" G_GINT64_FORMAT, staff->id);
}

char *
pl_actor_for_person (gint64 person_id)
{
  return g_strdup_printf ("person:%" G_GINT64_FORMAT, person_id);
}

char *
pl_actor_for_carer (gint64 carer_id)
{
  return g_strdup_printf ("carer:%" G_GINT64_FORMAT, carer_id);
}

char *
pl_actor_for_viewer (const PlViewer *viewer)
{
  g_return_val_if_fail (viewer != NULL, NULL);

  switch (pl_viewer_get_kind (viewer))
    {
    case PL_VIEWER_STAFF:
      return pl_actor_for_staff (pl_viewer_get_staff (viewer));
    case PL_VIEWER_CARER:
      return pl_actor_for_carer (pl_viewer_get_carer_id (viewer));
    case PL_VIEWER_PERSON:
    default:
      return pl_actor_for_person (pl_viewer_get_person_id (viewer));
    }
}

/* "staff:4" → "staff" and 4 */
static gboolean
parse (const char  *actor,
       char       **kind,
       gint64      *id)
{
  const char *colon = actor != NULL ? strchr (actor, ':') : NULL;
  char *end = NULL;

  if (colon == NULL || colon[1] == '\0')
    return FALSE;
  *id = g_ascii_strtoll (colon + 1, &end, 10);
  if (end == NULL || *end != '\0' || *id <= 0)
    return FALSE;
  *kind = g_strndup (actor, (gsize) (colon - actor));
  return TRUE;
}

gboolean
pl_actor_is_valid (const char *actor)
{
  g_autofree char *kind = NULL;
  gint64 id;

  if (g_strcmp0 (actor, PL_ACTOR_PLAINLY) == 0 || g_strcmp0 (actor, PL_ACTOR_EXAMPLE) == 0 ||
      g_strcmp0 (actor, PL_ACTOR_COMMAND_LINE) == 0)
    return TRUE;
  if (!parse (actor, &kind, &id))
    return FALSE;
  return g_str_equal (kind, "staff") || g_str_equal (kind, "person") || g_str_equal (kind, "carer");
}

char *
pl_actor_describe (PlStore    *store,
                   const char *actor)
{
  g_autofree char *kind = NULL;
  gint64 id;

  if (actor == NULL || *actor == '\0')
    return g_strdup (_("someone not recorded"));
  if (g_str_equal (actor, PL_ACTOR_PLAINLY))
    return g_strdup (_("Plainly"));
  if (g_str_equal (actor, PL_ACTOR_EXAMPLE))
    return g_strdup (_("Example data"));
  if (g_str_equal (actor, PL_ACTOR_COMMAND_LINE))
    return g_strdup (_("The command line"));
  /* Words kept by an older Plainly */
  if (!parse (actor, &kind, &id))
    return g_strdup (actor);

  if (g_str_equal (kind, "staff"))
    {
      g_autoptr(PlStaff) staff = store != NULL ? pl_store_load_staff (store, id, NULL) : NULL;

      if (staff != NULL)
        /* Translators: who made a change: "Sam Patel (Care coordinator)" */
        return g_strdup_printf (_("%s (%s)"), staff->display_name,
                                pl_staff_role_label (staff->role));
      return g_strdup (_("A member of staff who has left"));
    }
  if (g_str_equal (kind, "person"))
    {
      g_autoptr(PlPerson) person = store != NULL ? pl_store_load_person (store, id, NULL) : NULL;

      if (person != NULL)
        return g_strdup (person->preferred_name != NULL && *person->preferred_name != '\0'
                         ? person->preferred_name : person->full_name);
      return g_strdup (_("The person the plan is for"));
    }
  if (g_str_equal (kind, "carer"))
    {
      g_autoptr(PlCarer) carer = store != NULL ? pl_store_load_carer (store, id, NULL) : NULL;

      if (carer != NULL)
        /* Translators: who made a change: "Mair (carer)" */
        return g_strdup_printf (_("%s (carer)"), carer->name);
      return g_strdup (_("A carer"));
    }
  return g_strdup (actor);
}
