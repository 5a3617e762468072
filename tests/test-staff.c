/* test-staff.c: staff accounts, signing in, lock-out and roles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each Argon2id hash or check takes about a tenth of a second, so accounts
 * that only need to exist are saved without a password.
 */

#include "config.h"

#include <string.h>

#include "pl-actor.h"
#include "pl-secret.h"
#include "pl-staff.h"
#include "pl-test-util.h"

typedef struct
{
  char    *dir;
  PlStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = pl_test_make_dir ("plainly-staff");
  f->store = pl_test_open_store (f->dir, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  pl_store_unref (f->store);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* An account with no password, straight into the store */
static PlStaff *
add_plain (PlStore     *store,
           const char  *username,
           PlStaffRole  role)
{
  g_autoptr(GError) error = NULL;
  PlStaff *staff = pl_staff_new ();

  staff->username = g_strdup (username);
  staff->display_name = g_strdup (username);
  staff->role = role;
  g_assert_true (pl_store_save_staff (store, staff, &error));
  g_assert_no_error (error);
  return staff;
}

static GPtrArray *
history_of (PlStore *store,
            gint64   staff_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = pl_store_list_history (store, &pl_staff_type, staff_id, &error);

  g_assert_no_error (error);
  return rows;
}

static const PlHistory *
find_history (GPtrArray  *rows,
              const char *field)
{
  const PlHistory *found = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      const PlHistory *h = g_ptr_array_index (rows, i);

      if (g_str_equal (h->field, field))
        found = h;
    }
  return found;
}

static GDateTime *
at_seconds (gint64 seconds)
{
  g_autoptr(GDateTime) base = g_date_time_new_utc (2026, 11, 23, 9, 0, 0);

  return g_date_time_add_seconds (base, (gdouble) seconds);
}

static void
test_permissions (void)
{
  g_autoptr(PlStaff) worker = pl_staff_new ();
  g_autoptr(PlStaff) coordinator = pl_staff_new ();
  g_autoptr(PlStaff) manager = pl_staff_new ();

  worker->id = 1;
  worker->role = PL_ROLE_CARE_WORKER;
  coordinator->id = 2;
  coordinator->role = PL_ROLE_COORDINATOR;
  manager->id = 3;
  manager->role = PL_ROLE_MANAGER;

  g_assert_true (pl_staff_can (worker, PL_STAFF_ACTION_READ_PLANS));
  g_assert_true (pl_staff_can (worker, PL_STAFF_ACTION_WRITE_DIARY));
  g_assert_false (pl_staff_can (worker, PL_STAFF_ACTION_EDIT_PLANS));
  g_assert_false (pl_staff_can (worker, PL_STAFF_ACTION_EDIT_WELCOME_PACKS));
  g_assert_false (pl_staff_can (worker, PL_STAFF_ACTION_EDIT_COMPLAINTS));
  g_assert_false (pl_staff_can (worker, PL_STAFF_ACTION_MANAGE_STAFF));

  g_assert_true (pl_staff_can (coordinator, PL_STAFF_ACTION_READ_PLANS));
  g_assert_true (pl_staff_can (coordinator, PL_STAFF_ACTION_WRITE_DIARY));
  g_assert_true (pl_staff_can (coordinator, PL_STAFF_ACTION_EDIT_PLANS));
  g_assert_true (pl_staff_can (coordinator, PL_STAFF_ACTION_EDIT_WELCOME_PACKS));
  g_assert_true (pl_staff_can (coordinator, PL_STAFF_ACTION_EDIT_COMPLAINTS));
  g_assert_false (pl_staff_can (coordinator, PL_STAFF_ACTION_MANAGE_STAFF));

  for (int action = PL_STAFF_ACTION_READ_PLANS; action <= PL_STAFF_ACTION_MANAGE_STAFF; action++)
    g_assert_true (pl_staff_can (manager, action));

  /* Nobody signed in, or an account never saved, may do nothing */
  g_assert_false (pl_staff_can (NULL, PL_STAFF_ACTION_READ_PLANS));
  manager->id = 0;
  g_assert_false (pl_staff_can (manager, PL_STAFF_ACTION_READ_PLANS));
}

static void
test_secret_rules (void)
{
  static const struct { const char *secret; gboolean ok; } cases[] = {
    { "", FALSE },
    { "12345", FALSE },          /* a PIN too short */
    { "123456", TRUE },          /* a 6-digit PIN */
    { "1234567890", TRUE },
    { "short1", FALSE },         /* a password too short */
    { "long enough", TRUE },
    { "sam.patel", FALSE },      /* the user name itself */
    { "SAM.PATEL", FALSE },
    { "ünïcödé!", TRUE },        /* 8 characters, more bytes */
    { "üñï", FALSE },
    { "        ", FALSE },       /* eight spaces: long enough, and nothing in it */
    { "\t \t \u00a0\u3000  \t ", FALSE },  /* tabs and other spaces, 10 of them */
    { " a       ", TRUE },       /* one letter is a choice, if a poor one */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = pl_staff_secret_is_valid ("sam.patel", cases[i].secret, &error);

      g_test_message ("“%s”: %s", cases[i].secret, error ? error->message : "ok");
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        {
          g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WEAK_SECRET);
          /* The secret never appears in the message */
          if (*cases[i].secret != '\0')
            g_assert_null (strstr (error->message, cases[i].secret));
        }
    }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *too_long = g_strnfill (PL_STAFF_SECRET_MAX_CHARS + 1, 'x');

    g_assert_false (pl_staff_secret_is_valid ("sam", too_long, &error));
    g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WEAK_SECRET);
  }
}

static void
test_first_manager (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStaff) manager = NULL;
  g_autoptr(PlStaff) refused = NULL;
  g_autoptr(PlStaff) worker = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) all = NULL;
  const PlHistory *created;

  g_assert_true (pl_staff_needs_first_manager (f->store, &error));
  g_assert_no_error (error);

  /* Set-up makes a manager, nothing else */
  refused = pl_staff_create (f->store, NULL, "sam.patel", "Sam Patel", PL_ROLE_COORDINATOR,
                             "correct horse", &error);
  g_assert_null (refused);
  g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* A weak password is refused before anything is saved */
  refused = pl_staff_create (f->store, NULL, "ann.lee", "Ann Lee", PL_ROLE_MANAGER, "1234", &error);
  g_assert_null (refused);
  g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WEAK_SECRET);
  g_clear_error (&error);

  refused = pl_staff_create (f->store, NULL, "ann lee", "Ann Lee", PL_ROLE_MANAGER, "123456", &error);
  g_assert_null (refused);
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  pl_store_set_actor (f->store, "command-line");
  manager = pl_staff_create (f->store, NULL, "  ann.lee ", "Ann Lee", PL_ROLE_MANAGER,
                             "correct horse", &error);
  g_assert_no_error (error);
  g_assert_nonnull (manager);
  g_assert_cmpstr (manager->username, ==, "ann.lee");
  /* Kept only as an Argon2id hash */
  g_assert_true (g_str_has_prefix (manager->password_hash, "$argon2id$"));
  g_assert_null (strstr (manager->password_hash, "correct horse"));
  /* The store's actor is back as it was */
  g_assert_cmpstr (pl_store_get_actor (f->store), ==, "command-line");

  g_assert_false (pl_staff_needs_first_manager (f->store, &error));
  g_assert_no_error (error);

  /* Once there is a manager, set-up cannot make another */
  refused = pl_staff_create (f->store, NULL, "eve", "Eve", PL_ROLE_MANAGER, "correct horse", &error);
  g_assert_null (refused);
  g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* History: created at set-up; the password's value is never there */
  rows = history_of (f->store, manager->id);
  created = find_history (rows, "(created)");
  g_assert_nonnull (created);
  g_assert_cmpstr (created->actor, ==, PL_ACTOR_PLAINLY);
  all = pl_store_list (f->store, &pl_history_type, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      const PlHistory *h = g_ptr_array_index (all, i);

      g_assert_true (h->old_value == NULL || strstr (h->old_value, "horse") == NULL);
      g_assert_true (h->new_value == NULL || strstr (h->new_value, "horse") == NULL);
      g_assert_true (h->new_value == NULL || strstr (h->new_value, "argon2") == NULL);
    }

  /* A care worker cannot add accounts; a user name is taken whatever its capitals */
  worker = add_plain (f->store, "bernie", PL_ROLE_CARE_WORKER);
  refused = pl_staff_create (f->store, worker, "eve", "Eve", PL_ROLE_CARE_WORKER, "123456", &error);
  g_assert_null (refused);
  g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  refused = pl_staff_create (f->store, manager, "Bernie", "Bernie", PL_ROLE_CARE_WORKER, "123456", &error);
  g_assert_null (refused);
  g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_TAKEN);
}

static void
test_sign_in (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStaff) manager = NULL;
  g_autoptr(PlStaff) signed_in = NULL;
  g_autoptr(PlStaff) saved = NULL;
  g_autoptr(GDateTime) t0 = at_seconds (0);
  g_autofree char *wrong_name_message = NULL;
  guint free_tries = 0;
  guint first_delay;

  manager = pl_staff_create (f->store, NULL, "ann.lee", "Ann Lee", PL_ROLE_MANAGER,
                             "correct horse", &error);
  g_assert_no_error (error);

  g_assert_true (pl_staff_sign_in (f->store, "Ann.Lee", "correct horse", t0, &signed_in, &error));
  g_assert_no_error (error);
  g_assert_cmpint (signed_in->id, ==, manager->id);
  g_clear_pointer (&signed_in, pl_staff_free);

  /* A wrong user name and a wrong password read the same */
  g_assert_false (pl_staff_sign_in (f->store, "nobody", "correct horse", t0, &signed_in, &error));
  g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WRONG_DETAILS);
  g_assert_null (signed_in);
  wrong_name_message = g_strdup (error->message);
  g_clear_error (&error);

  while (pl_secret_delay_for_failures (free_tries + 1) == 0)
    free_tries++;
  first_delay = pl_secret_delay_for_failures (free_tries + 1);
  g_assert_cmpuint (first_delay, >, 0);

  for (guint i = 0; i <= free_tries; i++)
    {
      g_assert_false (pl_staff_sign_in (f->store, "ann.lee", "wrong horse", t0, &signed_in, &error));
      g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WRONG_DETAILS);
      g_assert_cmpstr (error->message, ==, wrong_name_message);
      g_clear_error (&error);
    }

  saved = pl_store_load_staff (f->store, manager->id, &error);
  g_assert_cmpint (saved->failed_attempts, ==, free_tries + 1);
  g_assert_cmpuint (pl_staff_locked_for (saved, t0), ==, first_delay);

  /* While locked even the right password is refused, with how long to wait */
  {
    g_autoptr(GDateTime) t1 = at_seconds (1);
    g_autofree char *expected = g_strdup_printf ("try again in %u seconds", first_delay - 1);

    g_assert_false (pl_staff_sign_in (f->store, "ann.lee", "correct horse", t1, &signed_in, &error));
    g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_LOCKED);
    g_assert_nonnull (strstr (error->message, expected));
    g_clear_error (&error);
  }

  /* A further wrong try after the wait locks for longer */
  {
    g_autoptr(GDateTime) t2 = at_seconds (first_delay);

    g_assert_false (pl_staff_sign_in (f->store, "ann.lee", "wrong horse", t2, &signed_in, &error));
    g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WRONG_DETAILS);
    g_clear_error (&error);
    g_clear_pointer (&saved, pl_staff_free);
    saved = pl_store_load_staff (f->store, manager->id, &error);
    g_assert_cmpint (saved->failed_attempts, ==, free_tries + 2);
    g_assert_cmpuint (pl_staff_locked_for (saved, t2), >, first_delay);
  }

  /* Signing in after the wait succeeds and starts the count again */
  {
    g_autoptr(GDateTime) t3 = at_seconds (3600);

    g_assert_true (pl_staff_sign_in (f->store, "ann.lee", "correct horse", t3, &signed_in, &error));
    g_assert_no_error (error);
    g_clear_pointer (&saved, pl_staff_free);
    saved = pl_store_load_staff (f->store, manager->id, &error);
    g_assert_cmpint (saved->failed_attempts, ==, 0);
    g_assert_null (saved->locked_until);
    g_clear_pointer (&signed_in, pl_staff_free);
  }

  /* A long lock is told in minutes */
  {
    g_autoptr(GDateTime) t4 = at_seconds (7200);

    saved->failed_attempts = 20;
    g_free (saved->locked_until);
    saved->locked_until = g_strdup ("2026-11-23T11:04:01Z");
    g_assert_true (pl_store_save_staff (f->store, saved, &error));
    g_assert_false (pl_staff_sign_in (f->store, "ann.lee", "correct horse", t4, &signed_in, &error));
    g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_LOCKED);
    g_assert_nonnull (strstr (error->message, "try again in 5 minutes"));
    g_clear_error (&error);
  }

  /* A count at the most it can hold stays there: a wrong password is
   * still refused as wrong, not as a count that cannot be saved */
  {
    g_autoptr(GDateTime) t5 = at_seconds (86400);
    g_autoptr(PlStaff) most = NULL;

    saved->failed_attempts = 1000000;
    g_clear_pointer (&saved->locked_until, g_free);
    g_assert_true (pl_store_save_staff (f->store, saved, &error));
    g_assert_no_error (error);
    g_assert_false (pl_staff_sign_in (f->store, "ann.lee", "wrong horse", t5, &signed_in, &error));
    g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WRONG_DETAILS);
    g_clear_error (&error);
    most = pl_store_load_staff (f->store, manager->id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (most->failed_attempts, ==, 1000000);
  }

  /* An account with no password set cannot be signed in to */
  {
    g_autoptr(PlStaff) plain = add_plain (f->store, "bernie", PL_ROLE_CARE_WORKER);

    g_assert_false (pl_staff_sign_in (f->store, "bernie", "", t0, &signed_in, &error));
    g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WRONG_DETAILS);
  }
}

static void
test_passwords (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *ann_actor = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStaff) manager = NULL;
  g_autoptr(PlStaff) worker = NULL;
  g_autoptr(PlStaff) coordinator = NULL;
  g_autoptr(PlStaff) saved = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const PlHistory *h;
  g_autofree char *old_hash = NULL;

  manager = pl_staff_create (f->store, NULL, "ann.lee", "Ann Lee", PL_ROLE_MANAGER, "123456", &error);
  ann_actor = pl_actor_for_staff (manager);
  g_assert_no_error (error);
  worker = add_plain (f->store, "bernie", PL_ROLE_CARE_WORKER);
  coordinator = add_plain (f->store, "sam", PL_ROLE_COORDINATOR);

  /* Only a manager resets someone else's password */
  g_assert_false (pl_staff_reset_password (f->store, coordinator, worker->id, "bernie's pw", &error));
  g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* A reset also lifts a lock */
  worker->failed_attempts = 9;
  worker->locked_until = g_strdup ("2099-01-01T00:00:00Z");
  g_assert_true (pl_store_save_staff (f->store, worker, &error));
  g_assert_true (pl_staff_reset_password (f->store, manager, worker->id, "bernie's pw", &error));
  g_assert_no_error (error);
  saved = pl_store_load_staff (f->store, worker->id, &error);
  g_assert_true (g_str_has_prefix (saved->password_hash, "$argon2id$"));
  g_assert_cmpint (saved->failed_attempts, ==, 0);
  g_assert_null (saved->locked_until);

  rows = history_of (f->store, worker->id);
  h = find_history (rows, "password_hash");
  g_assert_nonnull (h);
  g_assert_cmpstr (h->actor, ==, ann_actor);
  g_assert_null (h->old_value);
  g_assert_null (h->new_value);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Changing one's own needs the old one */
  old_hash = g_strdup (manager->password_hash);
  g_assert_false (pl_staff_change_password (f->store, manager, "654321", "new secret", &error));
  g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WRONG_DETAILS);
  g_clear_error (&error);
  g_assert_false (pl_staff_change_password (f->store, manager, "123456", "short", &error));
  g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WEAK_SECRET);
  g_clear_error (&error);
  g_assert_cmpstr (manager->password_hash, ==, old_hash);

  g_assert_true (pl_staff_change_password (f->store, manager, "123456", "new secret", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (manager->password_hash, !=, old_hash);
  g_assert_true (pl_secret_verify (manager->password_hash, "new secret"));

  rows = history_of (f->store, manager->id);
  h = find_history (rows, "password_hash");
  g_assert_nonnull (h);
  g_assert_cmpstr (h->actor, ==, ann_actor);
  g_assert_null (h->new_value);
}

static void
test_last_manager (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStaff) ann = add_plain (f->store, "ann", PL_ROLE_MANAGER);
  g_autoptr(PlStaff) sam = add_plain (f->store, "sam", PL_ROLE_COORDINATOR);
  g_autoptr(PlStaff) saved = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const PlHistory *h;

  pl_store_set_actor (f->store, "command-line");

  /* Never leave nobody to look after the accounts */
  g_assert_false (pl_staff_set_role (f->store, ann, ann->id, PL_ROLE_COORDINATOR, &error));
  g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_LAST_MANAGER);
  g_clear_error (&error);
  g_assert_false (pl_staff_remove (f->store, ann, ann->id, &error));
  g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_LAST_MANAGER);
  g_clear_error (&error);

  /* A coordinator cannot change roles */
  g_assert_false (pl_staff_set_role (f->store, sam, sam->id, PL_ROLE_MANAGER, &error));
  g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  g_assert_true (pl_staff_set_role (f->store, ann, sam->id, PL_ROLE_MANAGER, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pl_store_get_actor (f->store), ==, "command-line");
  rows = history_of (f->store, sam->id);
  h = find_history (rows, "role");
  g_assert_nonnull (h);
  {
    g_autofree char *ann_actor = pl_actor_for_staff (ann);

    g_assert_cmpstr (h->actor, ==, ann_actor);
  }
  g_assert_cmpstr (h->old_value, ==, "coordinator");
  g_assert_cmpstr (h->new_value, ==, "manager");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* With two managers, one may step down, then the other is the last */
  sam->role = PL_ROLE_MANAGER;
  g_assert_true (pl_staff_set_role (f->store, sam, ann->id, PL_ROLE_CARE_WORKER, &error));
  g_assert_no_error (error);
  g_assert_false (pl_staff_remove (f->store, sam, sam->id, &error));
  g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_LAST_MANAGER);
  g_clear_error (&error);

  g_assert_true (pl_staff_remove (f->store, sam, ann->id, &error));
  g_assert_no_error (error);
  saved = pl_store_load_staff (f->store, ann->id, &error);
  g_assert_null (saved);
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  rows = history_of (f->store, ann->id);
  h = find_history (rows, "(deleted)");
  g_assert_nonnull (h);
  {
    g_autofree char *sam_actor = pl_actor_for_staff (sam);

    g_assert_cmpstr (h->actor, ==, sam_actor);
  }
  g_assert_false (pl_staff_needs_first_manager (f->store, &error));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plainly/staff/permissions", test_permissions);
  g_test_add_func ("/plainly/staff/secret-rules", test_secret_rules);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/plainly/staff/first-manager", test_first_manager);
  ADD ("/plainly/staff/sign-in", test_sign_in);
  ADD ("/plainly/staff/passwords", test_passwords);
  ADD ("/plainly/staff/last-manager", test_last_manager);
#undef ADD

  return g_test_run ();
}
