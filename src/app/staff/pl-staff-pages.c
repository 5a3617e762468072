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

#include "pl-complaint-desk.h"
#include "pl-person-pages.h"
#include "pl-pronunciations-page.h"
#include "pl-staff.h"
#include "pl-staff-accounts.h"
#include "pl-staff-pages.h"
#include "pl-welcome-editor.h"

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

static GtkWidget *
person_pages_new (PlStore       *store,
                  const PlStaff *staff,
                  gint64         person_id,
                  GError       **error)
{
  PlPersonPages *pages = pl_person_pages_new ();

  if (!pl_person_pages_set_context (pages, store, staff, person_id, error))
    {
      /* Never shown: sink the floating reference and drop it */
      g_object_unref (g_object_ref_sink (pages));
      return NULL;
    }
  return GTK_WIDGET (pages);
}

static GtkWidget *
complaint_desk_new (PlStore       *store,
                    const PlStaff *staff,
                    gint64         person_id,
                    GError       **error)
{
  PlComplaintDesk *desk = pl_complaint_desk_new ();

  pl_complaint_desk_set_context (desk, store, staff);
  return GTK_WIDGET (desk);
}

static GtkWidget *
welcome_editor_new (PlStore       *store,
                    const PlStaff *staff,
                    gint64         person_id,
                    GError       **error)
{
  PlWelcomeEditor *editor = pl_welcome_editor_new ();

  pl_welcome_editor_set_context (editor, store, staff);
  return GTK_WIDGET (editor);
}

static GtkWidget *
pronunciations_page_new (PlStore       *store,
                         const PlStaff *staff,
                         gint64         person_id,
                         GError       **error)
{
  PlPronunciationsPage *page = pl_pronunciations_page_new ();

  pl_pronunciations_page_set_context (page, store, staff);
  return GTK_WIDGET (page);
}

/* A person's pages: one widget, moved between with pl_staff_pages_show () */
static const Page person_pages[] = {
  { "plan", N_("Plan"), NULL, PL_STAFF_ACTION_READ_PLANS, person_pages_new },
  { "checklist", N_("Checklist"), NULL, PL_STAFF_ACTION_READ_PLANS, person_pages_new },
  { "history", N_("History"), NULL, PL_STAFF_ACTION_READ_PLANS, person_pages_new },
  { "diary", N_("Care diary"), NULL, PL_STAFF_ACTION_WRITE_DIARY, person_pages_new },
};

/* Everyone reads complaints, so they know what was said; the desk lets only
 * those who may answer them act (PL_STAFF_ACTION_EDIT_COMPLAINTS) */
static const Page service_pages[] = {
  { "complaints", N_("Complaints, compliments and “You said, we did”"), NULL,
    PL_STAFF_ACTION_READ_PLANS, complaint_desk_new },
  { "welcome", N_("Welcome pack"), NULL, PL_STAFF_ACTION_EDIT_WELCOME_PACKS, welcome_editor_new },
  /* Everyone hears them; those who may edit plans change them */
  { "pronunciations", N_("How words are said"), NULL, PL_STAFF_ACTION_READ_PLANS,
    pronunciations_page_new },
  { "staff", N_("Staff accounts"), N_("My account"), -1, staff_accounts_new },
};

static const Page *
find_page (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (person_pages); i++)
    if (g_strcmp0 (person_pages[i].name, name) == 0)
      return &person_pages[i];
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
  GtkWidget *widget;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (found != NULL, NULL);

  widget = found->create (store, staff, person_id, error);
  if (widget != NULL)
    pl_staff_pages_show (widget, page);
  return widget;
}

void
pl_staff_pages_read_changes (GtkWidget *pages)
{
  g_return_if_fail (GTK_IS_WIDGET (pages));

  /* Nothing on the person's side writes the welcome pack or the staff
   * accounts, and the welcome pack being written stays as it is */
  if (PL_IS_PERSON_PAGES (pages))
    pl_person_pages_read_changes (PL_PERSON_PAGES (pages));
  else if (PL_IS_COMPLAINT_DESK (pages))
    pl_complaint_desk_reload (PL_COMPLAINT_DESK (pages));
  else if (PL_IS_PRONUNCIATIONS_PAGE (pages))
    pl_pronunciations_page_reload (PL_PRONUNCIATIONS_PAGE (pages));
}

void
pl_staff_pages_show (GtkWidget  *pages,
                     const char *page)
{
  g_return_if_fail (GTK_IS_WIDGET (pages));

  if (PL_IS_PERSON_PAGES (pages))
    pl_person_pages_show (PL_PERSON_PAGES (pages), page);
}
