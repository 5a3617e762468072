/* pl-access.c: who may open what, decided in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-access.h"
#include "pl-secret.h"
#include "pl-staff.h"

struct _PlViewer
{
  PlViewerKind  kind;
  gint64        person_id;
  gint64        carer_id;
  PlStaff      *staff;
  guint         scopes;
};

G_DEFINE_QUARK (pl-access-error-quark, pl_access_error)

static void
viewer_clear (gpointer data)
{
  PlViewer *self = data;

  g_clear_pointer (&self->staff, pl_staff_free);
}

static PlViewer *
viewer_new (PlViewerKind kind)
{
  PlViewer *self = g_atomic_rc_box_new0 (PlViewer);

  self->kind = kind;
  return self;
}

PlViewer *
pl_viewer_ref (PlViewer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
pl_viewer_unref (PlViewer *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, viewer_clear);
}

PlViewerKind
pl_viewer_get_kind (const PlViewer *self)
{
  g_return_val_if_fail (self != NULL, PL_VIEWER_PERSON);

  return self->kind;
}

gint64
pl_viewer_get_person_id (const PlViewer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->person_id;
}

gint64
pl_viewer_get_carer_id (const PlViewer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->carer_id;
}

const PlStaff *
pl_viewer_get_staff (const PlViewer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->staff;
}

guint
pl_viewer_get_scopes (const PlViewer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->scopes;
}

gboolean
pl_viewer_may_open (const PlViewer *self,
                    PlDocumentKind  kind,
                    GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (kind < PL_N_DOCUMENT_KINDS, FALSE);

  if (self->person_id == 0)
    {
      g_set_error_literal (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_NOT_SHARED,
                           _("Choose whose documents to read first."));
      return FALSE;
    }
  /* NG86 1.1.14-1.1.15: a carer sees only what the person shared */
  if ((pl_document_kind_scope (kind) & self->scopes) == 0)
    {
      g_set_error_literal (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_NOT_SHARED,
                           _("This has not been shared with you."));
      return FALSE;
    }
  return TRUE;
}

/* The PIN hash of a person or carer; "" when they have none */
static char *
load_pin_hash (PlStore      *store,
               PlViewerKind  kind,
               gint64        id,
               GError      **error)
{
  if (kind == PL_VIEWER_PERSON)
    {
      g_autoptr(PlPerson) person = pl_store_load_person (store, id, error);

      return person != NULL ? g_strdup (person->pin_hash != NULL ? person->pin_hash : "") : NULL;
    }
  else if (kind == PL_VIEWER_CARER)
    {
      g_autoptr(PlCarer) carer = pl_store_load_carer (store, id, error);

      return carer != NULL ? g_strdup (carer->pin_hash != NULL ? carer->pin_hash : "") : NULL;
    }
  g_return_val_if_reached (NULL);
}

gboolean
pl_access_needs_pin (PlStore       *store,
                     PlViewerKind   kind,
                     gint64         id,
                     gboolean      *needs_pin,
                     GError       **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (needs_pin != NULL, FALSE);

  hash = load_pin_hash (store, kind, id, error);
  if (hash == NULL)
    return FALSE;
  *needs_pin = hash[0] != '\0';
  return TRUE;
}

guint
pl_access_pin_wait (PlStore       *store,
                    PlViewerKind   kind,
                    gint64         id,
                    GError       **error)
{
  g_return_val_if_fail (store != NULL, 0);

  (void) kind;
  (void) id;
  (void) error;
  return 0;
}

static gboolean
check_pin (PlStore      *store,
           PlViewerKind  kind,
           gint64        id,
           const char   *pin,
           GError      **error)
{
  g_autofree char *hash = load_pin_hash (store, kind, id, error);

  if (hash == NULL)
    return FALSE;
  if (hash[0] == '\0')
    return TRUE;
  if (pin == NULL)
    {
      g_set_error_literal (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_NEEDS_SECRET,
                           _("This needs a PIN."));
      return FALSE;
    }
  if (!pl_secret_verify (hash, pin))
    {
      g_set_error_literal (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_WRONG_SECRET,
                           _("That PIN is not right."));
      return FALSE;
    }
  return TRUE;
}

PlViewer *
pl_access_open_person (PlStore     *store,
                       gint64       person_id,
                       const char  *pin,
                       GError     **error)
{
  PlViewer *self;

  g_return_val_if_fail (store != NULL, NULL);

  if (!check_pin (store, PL_VIEWER_PERSON, person_id, pin, error))
    return NULL;

  self = viewer_new (PL_VIEWER_PERSON);
  self->person_id = person_id;
  self->scopes = PL_SCOPES_ALL;
  return self;
}

PlViewer *
pl_access_open_carer (PlStore     *store,
                      gint64       carer_id,
                      const char  *pin,
                      GError     **error)
{
  PlViewer *self;

  g_return_val_if_fail (store != NULL, NULL);

  if (!check_pin (store, PL_VIEWER_CARER, carer_id, pin, error))
    return NULL;

  self = viewer_new (PL_VIEWER_CARER);
  self->carer_id = carer_id;
  return self;
}

PlViewer *
pl_access_open_staff (PlStore        *store,
                      const PlStaff  *staff,
                      GError        **error)
{
  PlViewer *self;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (staff != NULL, NULL);

  if (!pl_staff_can (staff, PL_STAFF_ACTION_READ_PLANS))
    {
      g_set_error_literal (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_NOT_ALLOWED,
                           _("Your role does not allow you to read plans."));
      return NULL;
    }

  self = viewer_new (PL_VIEWER_STAFF);
  self->staff = pl_staff_copy (staff);
  return self;
}

PlViewer *
pl_viewer_for_person (PlStore   *store,
                      PlViewer  *viewer,
                      gint64     person_id,
                      GError   **error)
{
  g_autoptr(PlPerson) person = NULL;
  PlViewer *self;
  guint scopes = 0;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (viewer != NULL, NULL);

  switch (viewer->kind)
    {
    case PL_VIEWER_PERSON:
      if (viewer->person_id != person_id)
        {
          g_set_error_literal (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_NOT_SHARED,
                               _("These are someone else’s documents."));
          return NULL;
        }
      return pl_viewer_ref (viewer);

    case PL_VIEWER_CARER:
      person = pl_store_load_person (store, person_id, error);
      if (person == NULL ||
          !pl_store_carer_scopes (store, viewer->carer_id, person_id, &scopes, error))
        return NULL;
      break;

    case PL_VIEWER_STAFF:
      person = pl_store_load_person (store, person_id, error);
      if (person == NULL)
        return NULL;
      scopes = PL_SCOPES_ALL;
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  self = viewer_new (viewer->kind);
  self->person_id = person_id;
  self->carer_id = viewer->carer_id;
  self->staff = viewer->staff != NULL ? pl_staff_copy (viewer->staff) : NULL;
  self->scopes = scopes;
  return self;
}

typedef struct
{
  PlViewerKind  kind;
  gint64        id;
  char         *hash;
  char         *pin;
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *open = data;

  g_free (open->hash);
  if (open->pin != NULL)
    memset (open->pin, 0, strlen (open->pin));
  g_free (open->pin);
  g_free (open);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *open = task_data;

  (void) source_object;
  (void) cancellable;
  g_task_return_boolean (task, open->hash[0] == '\0' ||
                               (open->pin != NULL && pl_secret_verify (open->hash, open->pin)));
}

void
pl_access_open_async (PlStore             *store,
                      PlViewerKind         kind,
                      gint64               id,
                      const char          *pin,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  OpenData *open;
  char *hash;

  g_return_if_fail (store != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pl_access_open_async);

  /* The database is read here, on the caller's thread; only the slow hash
   * runs in the worker */
  hash = load_pin_hash (store, kind, id, &error);
  if (hash == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  open = g_new0 (OpenData, 1);
  open->kind = kind;
  open->id = id;
  open->hash = hash;
  open->pin = g_strdup (pin);
  g_task_set_task_data (task, open, open_data_free);
  g_task_run_in_thread (task, open_thread);
}

PlViewer *
pl_access_open_finish (PlStore       *store,
                       GAsyncResult  *result,
                       GError       **error)
{
  OpenData *open;
  PlViewer *self;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  open = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, PL_ACCESS_ERROR,
                             open->pin == NULL ? PL_ACCESS_ERROR_NEEDS_SECRET
                                               : PL_ACCESS_ERROR_WRONG_SECRET,
                             open->pin == NULL ? _("This needs a PIN.")
                                               : _("That PIN is not right."));
      return NULL;
    }

  self = viewer_new (open->kind);
  if (open->kind == PL_VIEWER_PERSON)
    {
      self->person_id = open->id;
      self->scopes = PL_SCOPES_ALL;
    }
  else
    self->carer_id = open->id;
  return self;
}
