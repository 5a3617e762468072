/* pl-access.c: who may open what, decided in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"
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
G_DEFINE_BOXED_TYPE (PlViewer, pl_viewer, pl_viewer_ref, pl_viewer_unref)

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

static PlStoreTries
tries_of (PlViewerKind kind)
{
  return kind == PL_VIEWER_CARER ? PL_STORE_TRIES_CARER : PL_STORE_TRIES_PERSON;
}

guint
pl_access_pin_wait (PlStore       *store,
                    PlViewerKind   kind,
                    gint64         id,
                    GError       **error)
{
  g_autofree char *wait_until = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GDateTime) now = NULL;
  GTimeSpan left;
  guint failures = 0;

  g_return_val_if_fail (store != NULL, 0);
  g_return_val_if_fail (kind == PL_VIEWER_PERSON || kind == PL_VIEWER_CARER, 0);

  if (!pl_store_get_wrong_tries (store, tries_of (kind), id, NULL, &failures, &wait_until, error) ||
      wait_until == NULL)
    return 0;

  until = g_date_time_new_from_iso8601 (wait_until, NULL);
  if (until == NULL)
    return 0;
  now = pl_store_get_time (store);
  left = g_date_time_difference (until, now);
  if (left <= 0)
    return 0;
  /* Never longer than the longest wait, whatever a clock set back says */
  left = MIN (left, (GTimeSpan) pl_secret_delay_for_failures (G_MAXUINT) * G_TIME_SPAN_SECOND);

  /* Round up: "1 second" rather than "0 seconds" for the last moment */
  return (guint) ((left + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND);
}

/* "Please wait 20 seconds before trying again." */
static char *
wait_words (guint seconds)
{
  guint minutes = (seconds + 59) / 60;

  if (seconds < 60)
    return g_strdup_printf (ngettext ("Please wait %u second before trying again.",
                                      "Please wait %u seconds before trying again.", seconds),
                            seconds);
  return g_strdup_printf (ngettext ("Please wait %u minute before trying again.",
                                    "Please wait %u minutes before trying again.", minutes),
                          minutes);
}

/* Refuses while the wait after wrong tries lasts */
static gboolean
check_wait (PlStore      *store,
            PlViewerKind  kind,
            gint64        id,
            GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  guint wait = pl_access_pin_wait (store, kind, id, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (wait > 0)
    {
      g_autofree char *words = wait_words (wait);

      g_set_error_literal (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_WAIT, words);
      return FALSE;
    }
  return TRUE;
}

/* Counts a wrong PIN in the database and sets the wait it earns, or clears
 * the count after the right one */
static gboolean
record_try (PlStore      *store,
            PlViewerKind  kind,
            gint64        id,
            gboolean      right,
            GError      **error)
{
  g_autofree char *until_text = NULL;
  guint failures = 0;
  guint delay;

  if (right)
    {
      if (!pl_store_get_wrong_tries (store, tries_of (kind), id, NULL, &failures, NULL, error))
        return FALSE;
      return failures == 0 ||
             pl_store_set_wrong_tries (store, tries_of (kind), id, NULL, 0, NULL, error);
    }

  if (!pl_store_get_wrong_tries (store, tries_of (kind), id, NULL, &failures, NULL, error))
    return FALSE;
  if (failures < G_MAXUINT)
    failures++;

  delay = pl_secret_delay_for_failures (failures);
  if (delay > 0)
    {
      g_autoptr(GDateTime) now = pl_store_get_time (store);
      g_autoptr(GDateTime) until = g_date_time_add_seconds (now, delay);

      until_text = g_date_time_format (until, "%Y-%m-%dT%H:%M:%SZ");
    }
  if (!pl_store_set_wrong_tries (store, tries_of (kind), id, NULL, failures, until_text, error))
    return FALSE;

  if (delay > 0)
    {
      g_autofree char *words = wait_words (delay);

      /* Translators: %s is "Please wait 5 seconds before trying again." */
      g_set_error (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_WRONG_SECRET,
                   _("That PIN is not right. %s"), words);
    }
  else
    g_set_error_literal (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_WRONG_SECRET,
                         _("That PIN is not right. Please try again."));
  return FALSE;
}

static void
set_needs_pin_error (GError **error)
{
  g_set_error_literal (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_NEEDS_SECRET,
                       _("These documents are kept behind a PIN. Please give the PIN to open them."));
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
      set_needs_pin_error (error);
      return FALSE;
    }
  if (!check_wait (store, kind, id, error))
    return FALSE;
  return record_try (store, kind, id, pl_secret_verify (hash, pin), error);
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
pl_access_sign_in_staff (PlStore     *store,
                         const char  *username,
                         const char  *password,
                         GError     **error)
{
  g_autoptr(PlStaff) staff = NULL;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (username != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  if (!pl_staff_sign_in (store, username, password, NULL, &staff, error))
    return NULL;
  return pl_access_open_staff (store, staff, error);
}

/* Whether the carer is linked to the person at all: one who is linked but
 * shares nothing yet is told so on their home page, anyone else is refused */
static gboolean
carer_supports (PlStore  *store,
                gint64    carer_id,
                gint64    person_id,
                GError  **error)
{
  g_autoptr(GPtrArray) people = pl_store_carer_people (store, carer_id, error);

  if (people == NULL)
    return FALSE;
  for (guint i = 0; i < people->len; i++)
    if (((PlPerson *) g_ptr_array_index (people, i))->id == person_id)
      return TRUE;
  g_set_error_literal (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_NOT_SHARED,
                       _("These are the documents of someone you do not support."));
  return FALSE;
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
      if (person == NULL || !carer_supports (store, viewer->carer_id, person_id, error) ||
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

/* The only part that runs in the worker: no database, just the slow hash */
static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *open = task_data;

  (void) source_object;
  (void) cancellable;
  g_task_return_boolean (task, pl_secret_verify (open->hash, open->pin));
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
  g_return_if_fail (kind == PL_VIEWER_PERSON || kind == PL_VIEWER_CARER);

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

  if (hash[0] == '\0')
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (pin == NULL)
    {
      set_needs_pin_error (&error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!check_wait (store, kind, id, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_run_in_thread (task, open_thread);
}

PlViewer *
pl_access_open_finish (PlStore       *store,
                       GAsyncResult  *result,
                       GError       **error)
{
  OpenData *open;
  PlViewer *self;
  gboolean right;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pl_access_open_async, NULL);

  open = g_task_get_task_data (G_TASK (result));
  {
    g_autoptr(GError) local_error = NULL;

    right = g_task_propagate_boolean (G_TASK (result), &local_error);
    if (local_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return NULL;
      }
  }

  /* Counted back on the caller's thread, where the store lives */
  if (open->hash[0] != '\0' && !record_try (store, open->kind, open->id, right, error))
    return NULL;

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
