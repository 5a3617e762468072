/* pl-staff-pages.c: the pages of the staff window, and who may open them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table says which pages there are, what the sidebar calls them and
 * which role may open each, so the sidebar, the window and the tests cannot
 * disagree.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-staff.h"
#include "pl-staff-accounts.h"
#include "pl-staff-pages.h"

typedef GtkWidget *(*PageNewFunc) (PlStore       *store,
                                   const PlStaff *staff,
                                   gint64         person_id,
                                   GError       **error);

typedef struct
{
  const char     *name;
  const char     *title;          /* N_() */
  const char     *own_title;      /* N_(), for those who may not manage others; or NULL */
  int             action;         /* PlStaffAction needed; -1: everyone signed in */
  PageNewFunc     create;
} Page;

static GtkWidget *
staff_accounts_new (PlStore       *store,
                    const PlStaff *staff,
                    gint64         person_id,
                    GError       **error)
{
  PlStaffAccounts *accounts = pl_staff_accounts_new ();

  pl_staff_accounts_set_context (accounts, store, staff);
  return GTK_WIDGET (accounts);
}

static const Page service_pages[] = {
  { "staff", N_("Staff accounts"), N_("My account"), -1, staff_accounts_new },
};

static const Page *
find_page (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (service_pages); i++)
    if (g_strcmp0 (service_pages[i].name, name) == 0)
      return &service_pages[i];
  return NULL;
}

guint
pl_staff_pages_n_service_pages (void)
{
  return G_N_ELEMENTS (service_pages);
}

const char *
pl_staff_pages_service_page (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (service_pages), NULL);

  return service_pages[index].name;
}

const char *
pl_staff_pages_title (const char    *page,
                      const PlStaff *staff)
{
  const Page *found = find_page (page);

  g_return_val_if_fail (found != NULL, NULL);

  if (found->own_title != NULL && !pl_staff_can (staff, PL_STAFF_ACTION_MANAGE_STAFF))
    return _(found->own_title);
  return _(found->title);
}

gboolean
pl_staff_pages_can_open (const PlStaff *staff,
                         const char    *page)
{
  const Page *found = find_page (page);

  if (staff == NULL || found == NULL)
    return FALSE;
  return found->action < 0 || pl_staff_can (staff, (PlStaffAction) found->action);
}

GtkWidget *
pl_staff_pages_new (PlStore       *store,
                    const PlStaff *staff,
                    gint64         person_id,
                    const char    *page,
                    GError       **error)
{
  const Page *found = find_page (page);

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (found != NULL, NULL);

  return found->create (store, staff, person_id, error);
}

void
pl_staff_pages_show (GtkWidget  *pages,
                     const char *page)
{
}
