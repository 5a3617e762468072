/* pl-staff.c: staff accounts, signing in and what each role may do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Passwords and PINs are kept only as Argon2id hashes (pl-secret.h) and
 * never written to history or logs. Every change is saved through PlStore,
 * with the member of staff who made it as the actor in the history.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include "pl-i18n.h"

#include "pl-secret.h"
#include "pl-actor.h"
#include "pl-staff.h"

G_DEFINE_QUARK (pl-staff-error-quark, pl_staff_error)

gboolean
pl_staff_role_can (PlStaffRole   role,
                   PlStaffAction action)
{
  switch (action)
    {
    case PL_STAFF_ACTION_READ_PLANS:
    case PL_STAFF_ACTION_WRITE_DIARY:
      return role == PL_ROLE_CARE_WORKER || role == PL_ROLE_COORDINATOR || role == PL_ROLE_MANAGER;

    case PL_STAFF_ACTION_EDIT_PLANS:
    case PL_STAFF_ACTION_EDIT_WELCOME_PACKS:
    case PL_STAFF_ACTION_EDIT_COMPLAINTS:
      return role == PL_ROLE_COORDINATOR || role == PL_ROLE_MANAGER;

    case PL_STAFF_ACTION_MANAGE_STAFF:
      return role == PL_ROLE_MANAGER;

    default:
      return FALSE;
    }
}

gboolean
pl_staff_can (const PlStaff *staff,
              PlStaffAction  action)
{
  /* Nobody signed in may do nothing a member of staff may */
  if (staff == NULL || staff->id == 0)
    return FALSE;
  return pl_staff_role_can (staff->role, action);
}

static gboolean
require (const PlStaff  *by,
         PlStaffAction   action,
         GError        **error)
{
  if (pl_staff_can (by, action))
    return TRUE;

  g_set_error_literal (error, PL_STAFF_ERROR, PL_STAFF_ERROR_NOT_ALLOWED,
                       _("Only a manager can change staff accounts. Ask a manager to do this."));
  return FALSE;
}

static gboolean
same_username (const char *a,
               const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_strcmp0 (fa, fb) == 0;
}

gboolean
pl_staff_secret_is_valid (const char  *username,
                          const char  *secret,
                          GError     **error)
{
  gboolean digits_only = TRUE;
  glong n_chars;

  if (secret == NULL || *secret == '\0')
    {
      g_set_error_literal (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WEAK_SECRET,
                           _("Please choose a password or a PIN."));
      return FALSE;
    }

  if (!g_utf8_validate (secret, -1, NULL))
    {
      g_set_error_literal (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WEAK_SECRET,
                           _("The password has characters in it that cannot be used. Please choose another."));
      return FALSE;
    }

  for (const char *p = secret; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      digits_only = FALSE;

  /* Eight spaces pass any count of characters, and are the first thing tried */
  {
    gboolean only_spaces = TRUE;

    for (const char *p = secret; *p != '\0' && only_spaces; p = g_utf8_next_char (p))
      only_spaces = g_unichar_isspace (g_utf8_get_char (p));
    if (only_spaces)
      {
        g_set_error_literal (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WEAK_SECRET,
                             _("A password cannot be only spaces. Please choose one with "
                               "letters, numbers or other characters in it."));
        return FALSE;
      }
  }

  n_chars = g_utf8_strlen (secret, -1);

  if (digits_only && n_chars < PL_STAFF_PIN_MIN_DIGITS)
    {
      g_set_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WEAK_SECRET,
                   ngettext ("A PIN for staff needs at least %d number.",
                             "A PIN for staff needs at least %d numbers.",
                             PL_STAFF_PIN_MIN_DIGITS),
                   PL_STAFF_PIN_MIN_DIGITS);
      return FALSE;
    }

  if (!digits_only && n_chars < PL_STAFF_PASSWORD_MIN_CHARS)
    {
      g_set_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WEAK_SECRET,
                   ngettext ("A password needs at least %d letter, number or other character.",
                             "A password needs at least %d letters, numbers or other characters.",
                             PL_STAFF_PASSWORD_MIN_CHARS),
                   PL_STAFF_PASSWORD_MIN_CHARS);
      return FALSE;
    }

  if (n_chars > PL_STAFF_SECRET_MAX_CHARS)
    {
      g_set_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WEAK_SECRET,
                   _("A password can have at most %d characters. Please choose a shorter one."),
                   PL_STAFF_SECRET_MAX_CHARS);
      return FALSE;
    }

  if (username != NULL && same_username (username, secret))
    {
      g_set_error_literal (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WEAK_SECRET,
                           _("The password cannot be the same as the user name. Please choose another."));
      return FALSE;
    }

  return TRUE;
}

/* Runs the saves that follow as the given member of staff, then restores
 * whoever the store had before */
typedef struct
{
  PlStore *store;
  char    *previous;
} ActorScope;

static void
actor_scope_begin (ActorScope    *scope,
                   PlStore       *store,
                   const PlStaff *staff)   /* NULL: Plainly itself */
{
  g_autofree char *actor = staff != NULL ? pl_actor_for_staff (staff)
                                         : g_strdup (PL_ACTOR_PLAINLY);

  scope->store = store;
  scope->previous = g_strdup (pl_store_get_actor (store));
  pl_store_set_actor (store, actor);
}

static void
actor_scope_end (ActorScope *scope)
{
  if (scope->store == NULL)
    return;
  pl_store_set_actor (scope->store, scope->previous);
  g_clear_pointer (&scope->previous, g_free);
  scope->store = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ActorScope, actor_scope_end)

PlStaff *
pl_staff_find (PlStore     *store,
               const char  *username,
               GError     **error)
{
  g_autoptr(GPtrArray) staff = NULL;
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (username != NULL, NULL);

  staff = pl_store_list_staff (store, 0, error);
  if (staff == NULL)
    return NULL;

  /* User names are told apart regardless of capitals and stray spaces */
  wanted = g_strstrip (g_strdup (username));
  for (guint i = 0; i < staff->len; i++)
    {
      PlStaff *s = g_ptr_array_index (staff, i);

      if (same_username (s->username, wanted))
        return g_ptr_array_steal_index (staff, i);
    }

  g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND,
               _("There is no member of staff with the user name “%s”."), wanted);
  return NULL;
}

static gboolean
count_managers (PlStore  *store,
                guint    *n,
                GError  **error)
{
  g_autoptr(GPtrArray) staff = pl_store_list_staff (store, 0, error);

  if (staff == NULL)
    return FALSE;

  *n = 0;
  for (guint i = 0; i < staff->len; i++)
    if (((PlStaff *) g_ptr_array_index (staff, i))->role == PL_ROLE_MANAGER)
      (*n)++;
  return TRUE;
}

gboolean
pl_staff_needs_first_manager (PlStore  *store,
                              GError  **error)
{
  guint n = 0;

  g_return_val_if_fail (store != NULL, FALSE);

  if (!count_managers (store, &n, error))
    return FALSE;
  return n == 0;
}

static gboolean
username_is_valid (const char  *username,
                   GError     **error)
{
  if (username == NULL || *username == '\0')
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("Please choose a user name."));
      return FALSE;
    }

  for (const char *p = username; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      {
        g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                             _("A user name cannot have spaces in it. "
                               "Try a full stop instead, as in “sam.patel”."));
        return FALSE;
      }

  return TRUE;
}

PlStaff *
pl_staff_create (PlStore        *store,
                 const PlStaff  *by,
                 const char     *username,
                 const char     *display_name,
                 PlStaffRole     role,
                 const char     *secret,
                 GError        **error)
{
  g_auto(ActorScope) scope = { 0 };
  g_autoptr(PlStaff) staff = NULL;
  g_autoptr(PlStaff) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (username != NULL, NULL);
  g_return_val_if_fail (secret != NULL, NULL);

  if (by == NULL)
    {
      /* Set-up: anyone at the computer may make the first manager, and only that */
      gboolean needs = pl_staff_needs_first_manager (store, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (!needs || role != PL_ROLE_MANAGER)
        {
          g_set_error_literal (error, PL_STAFF_ERROR, PL_STAFF_ERROR_NOT_ALLOWED,
                               _("Only a manager can add staff accounts. Ask a manager to do this."));
          return NULL;
        }
    }
  else if (!require (by, PL_STAFF_ACTION_MANAGE_STAFF, error))
    return NULL;

  name = g_strstrip (g_strdup (username));
  if (!username_is_valid (name, error) ||
      !pl_staff_secret_is_valid (name, secret, error))
    return NULL;

  existing = pl_staff_find (store, name, &local_error);
  if (existing != NULL)
    {
      g_set_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_TAKEN,
                   _("Someone already has the user name “%s”. Please choose another."),
                   existing->username);
      return NULL;
    }
  if (!g_error_matches (local_error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  staff = pl_staff_new ();
  staff->username = g_steal_pointer (&name);
  staff->display_name = g_strdup (display_name);
  staff->role = role;
  staff->password_hash = pl_secret_hash (secret, error);
  if (staff->password_hash == NULL)
    return NULL;

  /* The first manager, at set-up, has no number yet to sign with: Plainly's
   * first run made the account */
  actor_scope_begin (&scope, store, by);
  if (!pl_store_save_staff (store, staff, error))
    return NULL;

  return g_steal_pointer (&staff);
}

static GDateTime *
now_or (PlStore   *store,
        GDateTime *now)
{
  if (now != NULL)
    return g_date_time_ref (now);
  return store != NULL ? pl_store_get_time (store) : g_date_time_new_now_utc ();
}

guint
pl_staff_locked_for (const PlStaff *staff,
                     GDateTime     *now)
{
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GDateTime) at = NULL;
  GTimeSpan left;

  g_return_val_if_fail (staff != NULL, 0);

  if (staff->locked_until == NULL || *staff->locked_until == '\0')
    return 0;

  until = g_date_time_new_from_iso8601 (staff->locked_until, NULL);
  if (until == NULL)
    return 0;

  at = now_or (NULL, now);
  left = g_date_time_difference (until, at);
  if (left <= 0)
    return 0;

  /* Round up: "1 second" rather than "0 seconds" for the last moment */
  return (guint) ((left + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND);
}

static void
set_locked_error (GError **error,
                  guint    seconds)
{
  if (seconds < 60)
    g_set_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_LOCKED,
                 ngettext ("There have been too many wrong tries. "
                           "Please try again in %u second.",
                           "There have been too many wrong tries. "
                           "Please try again in %u seconds.", seconds),
                 seconds);
  else
    {
      guint minutes = (seconds + 59) / 60;

      g_set_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_LOCKED,
                   ngettext ("There have been too many wrong tries. "
                             "Please try again in %u minute.",
                             "There have been too many wrong tries. "
                             "Please try again in %u minutes.", minutes),
                   minutes);
    }
}

static void
set_wrong_details_error (GError **error)
{
  /* The same words whether the user name or the password was wrong, so
   * nobody can find out which user names exist */
  g_set_error_literal (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WRONG_DETAILS,
                       _("That user name and password do not match. Please try again."));
}

/* A hash of nothing anyone knows, checked when the user name is unknown so
 * that a wrong name takes as long as a wrong password */
static const char *
decoy_hash (void)
{
  static gsize hash;

  if (g_once_init_enter (&hash))
    {
      char random[33];
      char *made;

      for (guint i = 0; i < sizeof random - 1; i++)
        random[i] = 'a' + (char) g_random_int_range (0, 26);
      random[sizeof random - 1] = '\0';
      made = pl_secret_hash (random, NULL);
      /* Out of memory: any non-empty string fails to verify, only faster */
      g_once_init_leave (&hash, (gsize) (made != NULL ? made : g_strdup ("-")));
    }
  return (const char *) hash;
}

/* Seconds left of a wait that ends at until (ISO 8601), rounded up */
static guint
seconds_until (const char *until_text,
               GDateTime  *at)
{
  g_autoptr(GDateTime) until = NULL;
  GTimeSpan left;

  if (until_text == NULL || *until_text == '\0')
    return 0;
  until = g_date_time_new_from_iso8601 (until_text, NULL);
  if (until == NULL)
    return 0;
  left = g_date_time_difference (until, at);
  if (left <= 0)
    return 0;
  return (guint) ((left + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND);
}

static char *
until_after (GDateTime *at,
             guint      delay)
{
  g_autoptr(GDateTime) until = NULL;

  if (delay == 0)
    return NULL;
  until = g_date_time_add_seconds (at, delay);
  return g_date_time_format (until, "%Y-%m-%dT%H:%M:%SZ");
}

/* One try at signing in, in three steps so the slow middle one can run in
 * a worker thread while the store is used only on the caller's */
typedef struct
{
  char     *name_key;  /* the user name as typed, trimmed and case-folded */
  PlStaff  *staff;     /* NULL: no account has that user name */
  char     *secret;
  GDateTime *at;
} SignIn;

static void
sign_in_free (SignIn *sign_in)
{
  g_free (sign_in->name_key);
  g_clear_pointer (&sign_in->staff, pl_staff_free);
  if (sign_in->secret != NULL)
    memset (sign_in->secret, 0, strlen (sign_in->secret));
  g_free (sign_in->secret);
  g_clear_pointer (&sign_in->at, g_date_time_unref);
  g_free (sign_in);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignIn, sign_in_free)

/* Finds the account and refuses while it must wait. A user name nobody has
 * counts its wrong tries and waits just as an account does, so the wait
 * tells nobody which user names exist. */
static SignIn *
sign_in_begin (PlStore     *store,
               const char  *username,
               const char  *secret,
               GDateTime   *now,
               GError     **error)
{
  g_autoptr(SignIn) sign_in = g_new0 (SignIn, 1);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *trimmed = g_strstrip (g_utf8_make_valid (username, -1));
  guint wait;

  sign_in->name_key = g_utf8_casefold (trimmed, -1);
  sign_in->secret = g_strdup (secret);
  sign_in->at = now_or (store, now);

  sign_in->staff = pl_staff_find (store, username, &local_error);
  if (sign_in->staff == NULL &&
      !g_error_matches (local_error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* While locked even the right password is refused, so guessing gains nothing */
  if (sign_in->staff != NULL)
    wait = pl_staff_locked_for (sign_in->staff, sign_in->at);
  else
    {
      g_autofree char *until = NULL;
      guint failures = 0;

      if (!pl_store_get_wrong_tries (store, PL_STORE_TRIES_USERNAME, 0, sign_in->name_key,
                                     &failures, &until, error))
        return NULL;
      wait = seconds_until (until, sign_in->at);
    }
  if (wait > 0)
    {
      set_locked_error (error, wait);
      return NULL;
    }
  return g_steal_pointer (&sign_in);
}

/* The slow part: no store, safe in a worker thread. An unknown user name
 * and an account with no password take as long to refuse as any other. */
static gboolean
sign_in_check (SignIn *sign_in)
{
  if (sign_in->staff == NULL || sign_in->staff->password_hash == NULL)
    {
      pl_secret_verify (decoy_hash (), sign_in->secret);
      return FALSE;
    }
  return pl_secret_verify (sign_in->staff->password_hash, sign_in->secret);
}

/* Counts a wrong try, or clears the count after the right one */
static gboolean
sign_in_end (PlStore   *store,
             SignIn    *sign_in,
             gboolean   right,
             PlStaff  **out_staff,
             GError   **error)
{
  g_auto(ActorScope) scope = { 0 };
  PlStaff *staff = sign_in->staff;

  if (staff == NULL)
    {
      g_autofree char *until = NULL;
      guint failures = 0;

      if (!pl_store_get_wrong_tries (store, PL_STORE_TRIES_USERNAME, 0, sign_in->name_key,
                                     &failures, NULL, error))
        return FALSE;
      failures = failures < G_MAXUINT ? failures + 1 : failures;
      until = until_after (sign_in->at, pl_secret_delay_for_failures (failures));
      if (!pl_store_set_wrong_tries (store, PL_STORE_TRIES_USERNAME, 0, sign_in->name_key,
                                     failures, until, error))
        return FALSE;
      set_wrong_details_error (error);
      return FALSE;
    }

  actor_scope_begin (&scope, store, staff);

  if (!right)
    {
      /* The count stops at the most its field holds (pl-model.c) */
      if (pl_field_number_is_valid (pl_record_type_find_field (&pl_staff_type, "failed_attempts"),
                                    (double) staff->failed_attempts + 1))
        staff->failed_attempts++;
      g_free (staff->locked_until);
      staff->locked_until = until_after (sign_in->at,
                                         pl_secret_delay_for_failures ((guint) staff->failed_attempts));
      if (!pl_store_save_staff (store, staff, error))
        return FALSE;

      set_wrong_details_error (error);
      return FALSE;
    }

  if (staff->failed_attempts != 0 || staff->locked_until != NULL)
    {
      staff->failed_attempts = 0;
      g_clear_pointer (&staff->locked_until, g_free);
      if (!pl_store_save_staff (store, staff, error))
        return FALSE;
    }

  if (out_staff != NULL)
    *out_staff = g_steal_pointer (&sign_in->staff);
  return TRUE;
}

gboolean
pl_staff_sign_in (PlStore     *store,
                  const char  *username,
                  const char  *secret,
                  GDateTime   *now,
                  PlStaff    **out_staff,
                  GError     **error)
{
  g_autoptr(SignIn) sign_in = NULL;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (username != NULL, FALSE);
  g_return_val_if_fail (secret != NULL, FALSE);

  if (out_staff != NULL)
    *out_staff = NULL;

  sign_in = sign_in_begin (store, username, secret, now, error);
  if (sign_in == NULL)
    return FALSE;
  return sign_in_end (store, sign_in, sign_in_check (sign_in), out_staff, error);
}

static void
sign_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  (void) source_object;
  (void) cancellable;
  g_task_return_boolean (task, sign_in_check (task_data));
}

void
pl_staff_sign_in_async (PlStore             *store,
                        const char          *username,
                        const char          *secret,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SignIn *sign_in;

  g_return_if_fail (store != NULL);
  g_return_if_fail (username != NULL);
  g_return_if_fail (secret != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pl_staff_sign_in_async);

  sign_in = sign_in_begin (store, username, secret, NULL, &error);
  if (sign_in == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, sign_in, (GDestroyNotify) sign_in_free);
  g_task_run_in_thread (task, sign_in_thread);
}

PlStaff *
pl_staff_sign_in_finish (PlStore       *store,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  PlStaff *staff = NULL;
  gboolean right;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pl_staff_sign_in_async, NULL);

  right = g_task_propagate_boolean (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* Counted back on the caller's thread, where the store lives */
  if (!sign_in_end (store, g_task_get_task_data (G_TASK (result)), right, &staff, error))
    return NULL;
  return staff;
}

static gboolean
set_secret (PlStore        *store,
            PlStaff        *staff,
            const PlStaff  *by,
            const char     *new_secret,
            GError        **error)
{
  g_auto(ActorScope) scope = { 0 };
  g_autofree char *hash = NULL;

  if (!pl_staff_secret_is_valid (staff->username, new_secret, error))
    return FALSE;

  hash = pl_secret_hash (new_secret, error);
  if (hash == NULL)
    return FALSE;

  g_free (staff->password_hash);
  staff->password_hash = g_steal_pointer (&hash);
  staff->failed_attempts = 0;
  g_clear_pointer (&staff->locked_until, g_free);

  actor_scope_begin (&scope, store, by);
  return pl_store_save_staff (store, staff, error);
}

gboolean
pl_staff_change_password (PlStore     *store,
                          PlStaff     *staff,
                          const char  *old_secret,
                          const char  *new_secret,
                          GError     **error)
{
  g_autoptr(PlStaff) current = NULL;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (staff != NULL, FALSE);
  g_return_val_if_fail (old_secret != NULL, FALSE);
  g_return_val_if_fail (new_secret != NULL, FALSE);

  /* Check against what is saved, not what the caller holds */
  current = pl_store_load_staff (store, staff->id, error);
  if (current == NULL)
    return FALSE;

  if (!pl_secret_verify (current->password_hash, old_secret))
    {
      g_set_error_literal (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WRONG_DETAILS,
                           _("Your current password is not right. Please try again."));
      return FALSE;
    }

  if (!set_secret (store, current, current, new_secret, error))
    return FALSE;

  g_free (staff->password_hash);
  staff->password_hash = g_strdup (current->password_hash);
  staff->failed_attempts = 0;
  g_clear_pointer (&staff->locked_until, g_free);
  return TRUE;
}

gboolean
pl_staff_reset_password (PlStore        *store,
                         const PlStaff  *by,
                         gint64          staff_id,
                         const char     *new_secret,
                         GError        **error)
{
  g_autoptr(PlStaff) staff = NULL;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (new_secret != NULL, FALSE);

  if (!require (by, PL_STAFF_ACTION_MANAGE_STAFF, error))
    return FALSE;

  staff = pl_store_load_staff (store, staff_id, error);
  if (staff == NULL)
    return FALSE;

  return set_secret (store, staff, by, new_secret, error);
}

/* Refuses a change that would leave nobody to manage the accounts */
static gboolean
keeps_a_manager (PlStore        *store,
                 const PlStaff  *staff,
                 GError        **error)
{
  guint n = 0;

  if (staff->role != PL_ROLE_MANAGER)
    return TRUE;
  if (!count_managers (store, &n, error))
    return FALSE;
  if (n > 1)
    return TRUE;

  g_set_error_literal (error, PL_STAFF_ERROR, PL_STAFF_ERROR_LAST_MANAGER,
                       _("This is the only manager. Make someone else a manager first, "
                         "so there is always someone who can look after staff accounts."));
  return FALSE;
}

gboolean
pl_staff_set_role (PlStore        *store,
                   const PlStaff  *by,
                   gint64          staff_id,
                   PlStaffRole     role,
                   GError        **error)
{
  g_auto(ActorScope) scope = { 0 };
  g_autoptr(PlStaff) staff = NULL;
  gboolean ok;

  g_return_val_if_fail (store != NULL, FALSE);

  if (!require (by, PL_STAFF_ACTION_MANAGE_STAFF, error))
    return FALSE;

  /* Checked and saved in one transaction, so two managers demoting each
   * other at once cannot leave none */
  if (!pl_store_begin (store, error))
    return FALSE;

  staff = pl_store_load_staff (store, staff_id, error);
  ok = staff != NULL;
  if (ok && staff->role != role)
    {
      ok = keeps_a_manager (store, staff, error);
      if (ok)
        {
          staff->role = role;
          actor_scope_begin (&scope, store, by);
          ok = pl_store_save_staff (store, staff, error);
        }
    }

  if (!ok)
    {
      pl_store_rollback (store);
      return FALSE;
    }
  return pl_store_commit (store, error);
}

gboolean
pl_staff_remove (PlStore        *store,
                 const PlStaff  *by,
                 gint64          staff_id,
                 GError        **error)
{
  g_auto(ActorScope) scope = { 0 };
  g_autoptr(PlStaff) staff = NULL;
  gboolean ok;

  g_return_val_if_fail (store != NULL, FALSE);

  if (!require (by, PL_STAFF_ACTION_MANAGE_STAFF, error))
    return FALSE;

  if (!pl_store_begin (store, error))
    return FALSE;

  staff = pl_store_load_staff (store, staff_id, error);
  ok = staff != NULL && keeps_a_manager (store, staff, error);
  if (ok)
    {
      actor_scope_begin (&scope, store, by);
      ok = pl_store_delete_staff (store, staff_id, error);
    }

  if (!ok)
    {
      pl_store_rollback (store);
      return FALSE;
    }
  return pl_store_commit (store, error);
}
