/* test-access.c: who may open what, and the waits after wrong PINs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Time is the store's clock, set by each test, so no test sleeps. Each
 * Argon2id check takes about a tenth of a second.
 */

#include "config.h"

#include <string.h>

#include "pl-access.h"
#include "pl-secret.h"
#include "pl-staff.h"
#include "pl-test-util.h"

static const char peggy_pin[] = "2468";
static const char mair_pin[] = "97531";

typedef struct
{
  char    *dir;
  char    *path;
  PlStore *store;
  gint64   peggy;   /* has a PIN */
  gint64   arthur;  /* has none */
  gint64   mair;    /* Peggy's carer, with a PIN: sees her plan and diary */
  gint64   dai;     /* a carer who supports Arthur, with nothing shared yet */
} Fixture;

static GDateTime *
moment (int seconds)
{
  g_autoptr(GDateTime) t0 = g_date_time_new_utc (2024, 3, 14, 9, 30, 0);

  return g_date_time_add_seconds (t0, seconds);
}

static void
set_time (PlStore *store,
          int      seconds)
{
  g_autoptr(GDateTime) at = moment (seconds);

  pl_store_set_clock (store, at);
}

static gint64
add_person (PlStore    *store,
            const char *name,
            const char *pin)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = pl_person_new ();

  person->full_name = g_strdup (name);
  if (pin != NULL)
    person->pin_hash = pl_secret_hash (pin, &error);
  g_assert_no_error (error);
  g_assert_true (pl_store_save_person (store, person, &error));
  g_assert_no_error (error);
  return person->id;
}

static gint64
add_carer (PlStore    *store,
           const char *name,
           const char *pin,
           gint64      person_id,
           guint       scopes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlCarer) carer = pl_carer_new ();
  g_autoptr(PlContact) contact = pl_contact_new ();
  g_autoptr(PlCarerLink) link = pl_carer_link_new ();

  carer->name = g_strdup (name);
  if (pin != NULL)
    carer->pin_hash = pl_secret_hash (pin, &error);
  g_assert_no_error (error);
  g_assert_true (pl_store_save_carer (store, carer, &error));
  g_assert_no_error (error);

  contact->person_id = person_id;
  contact->role = PL_CONTACT_FAMILY;
  contact->name = g_strdup (name);
  g_assert_true (pl_store_save_contact (store, contact, &error));
  g_assert_no_error (error);

  /* NG86 1.1.14-1.1.15: what the person agreed to share with them */
  for (int scope = 0; scope <= PL_SCOPE_WELCOME_PACK; scope++)
    if (scopes & PL_SCOPE_BIT (scope))
      {
        g_autoptr(PlSharing) sharing = pl_sharing_new ();

        sharing->contact_id = contact->id;
        sharing->scope = scope;
        g_assert_true (pl_store_save_sharing (store, sharing, &error));
        g_assert_no_error (error);
      }

  link->carer_id = carer->id;
  link->contact_id = contact->id;
  g_assert_true (pl_store_save_carer_link (store, link, &error));
  g_assert_no_error (error);
  return carer->id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = pl_test_make_dir ("plainly-access");
  f->store = pl_test_open_store (f->dir, &f->path);
  f->peggy = add_person (f->store, "Margaret Jones", peggy_pin);
  f->arthur = add_person (f->store, "Arthur Williams", NULL);
  f->mair = add_carer (f->store, "Mair Jones", mair_pin, f->peggy,
                       PL_SCOPE_BIT (PL_SCOPE_PLAN) | PL_SCOPE_BIT (PL_SCOPE_DIARY));
  f->dai = add_carer (f->store, "Dai Williams", NULL, f->arthur, 0);
  set_time (f->store, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  pl_store_unref (f->store);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
assert_opens_only (const PlViewer *viewer,
                   guint           scopes)
{
  for (PlDocumentKind kind = 0; kind < PL_N_DOCUMENT_KINDS; kind++)
    {
      g_autoptr(GError) error = NULL;
      gboolean expected = (pl_document_kind_scope (kind) & scopes) != 0;

      g_test_message ("%s", pl_document_kind_to_nick (kind));
      g_assert_cmpint (pl_viewer_may_open (viewer, kind, &error), ==, expected);
      if (expected)
        g_assert_no_error (error);
      else
        {
          g_assert_error (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_NOT_SHARED);
          g_assert_cmpstr (error->message, !=, "");
        }
    }
}

/* A person opens their own documents, all of them, with their PIN */
static void
test_person (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlViewer) viewer = NULL;
  g_autoptr(PlViewer) arthur = NULL;
  gboolean needs = FALSE;

  g_assert_true (pl_access_needs_pin (f->store, PL_VIEWER_PERSON, f->peggy, &needs, &error));
  g_assert_true (needs);
  g_assert_true (pl_access_needs_pin (f->store, PL_VIEWER_PERSON, f->arthur, &needs, &error));
  g_assert_false (needs);

  g_assert_null (pl_access_open_person (f->store, f->peggy, NULL, &error));
  g_assert_error (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_NEEDS_SECRET);
  g_assert_nonnull (strstr (error->message, "PIN"));
  g_clear_error (&error);

  g_assert_null (pl_access_open_person (f->store, f->peggy, "1357", &error));
  g_assert_error (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_WRONG_SECRET);
  g_assert_cmpstr (error->message, ==, "That PIN is not right. Please try again.");
  g_clear_error (&error);

  viewer = pl_access_open_person (f->store, f->peggy, peggy_pin, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_viewer_get_kind (viewer), ==, PL_VIEWER_PERSON);
  g_assert_cmpint (pl_viewer_get_person_id (viewer), ==, f->peggy);
  g_assert_cmpint (pl_viewer_get_carer_id (viewer), ==, 0);
  g_assert_null (pl_viewer_get_staff (viewer));
  g_assert_cmpuint (pl_viewer_get_scopes (viewer), ==, PL_SCOPES_ALL);
  assert_opens_only (viewer, PL_SCOPES_ALL);

  /* No PIN: none needed, and one given anyway changes nothing */
  arthur = pl_access_open_person (f->store, f->arthur, NULL, &error);
  g_assert_no_error (error);
  assert_opens_only (arthur, PL_SCOPES_ALL);

  g_assert_null (pl_access_open_person (f->store, 9999, NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
}

/* A person's reader is theirs alone: it cannot be made into someone else's */
static void
test_person_only_own (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlViewer) arthur = pl_access_open_person (f->store, f->arthur, NULL, &error);
  g_autoptr(PlViewer) same = NULL;

  g_assert_no_error (error);
  g_assert_null (pl_viewer_for_person (f->store, arthur, f->peggy, &error));
  g_assert_error (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_NOT_SHARED);
  g_assert_cmpstr (error->message, ==, "These are someone else’s documents.");
  g_clear_error (&error);

  same = pl_viewer_for_person (f->store, arthur, f->arthur, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_viewer_get_person_id (same), ==, f->arthur);
}

/* NG86 1.1.14-1.1.15: a carer sees only what the person shared with them */
static void
test_carer (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlViewer) mair = NULL;
  g_autoptr(PlViewer) reading = NULL;
  g_autoptr(PlViewer) dai = NULL;
  g_autoptr(PlViewer) dai_reading = NULL;

  g_assert_null (pl_access_open_carer (f->store, f->mair, NULL, &error));
  g_assert_error (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_NEEDS_SECRET);
  g_clear_error (&error);
  /* The person's PIN is not the carer's */
  g_assert_null (pl_access_open_carer (f->store, f->mair, peggy_pin, &error));
  g_assert_error (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_WRONG_SECRET);
  g_clear_error (&error);

  mair = pl_access_open_carer (f->store, f->mair, mair_pin, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_viewer_get_kind (mair), ==, PL_VIEWER_CARER);
  g_assert_cmpint (pl_viewer_get_carer_id (mair), ==, f->mair);
  g_assert_cmpint (pl_viewer_get_person_id (mair), ==, 0);

  /* Before choosing whose documents, none */
  for (PlDocumentKind kind = 0; kind < PL_N_DOCUMENT_KINDS; kind++)
    {
      g_assert_false (pl_viewer_may_open (mair, kind, &error));
      g_assert_error (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_NOT_SHARED);
      g_clear_error (&error);
    }

  reading = pl_viewer_for_person (f->store, mair, f->peggy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_viewer_get_kind (reading), ==, PL_VIEWER_CARER);
  g_assert_cmpint (pl_viewer_get_person_id (reading), ==, f->peggy);
  g_assert_cmpint (pl_viewer_get_carer_id (reading), ==, f->mair);
  g_assert_cmpuint (pl_viewer_get_scopes (reading), ==,
                    PL_SCOPE_BIT (PL_SCOPE_PLAN) | PL_SCOPE_BIT (PL_SCOPE_DIARY));
  assert_opens_only (reading, PL_SCOPE_BIT (PL_SCOPE_PLAN) | PL_SCOPE_BIT (PL_SCOPE_DIARY));
  {
    g_autoptr(GError) refused = NULL;

    g_assert_false (pl_viewer_may_open (reading, PL_DOCUMENT_WELCOME, &refused));
    g_assert_cmpstr (refused->message, ==, "This has not been shared with you.");
  }

  /* Not someone they do not support */
  g_assert_null (pl_viewer_for_person (f->store, mair, f->arthur, &error));
  g_assert_error (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_NOT_SHARED);
  g_clear_error (&error);

  /* Linked, nothing shared yet: nothing opens */
  dai = pl_access_open_carer (f->store, f->dai, NULL, &error);
  g_assert_no_error (error);
  dai_reading = pl_viewer_for_person (f->store, dai, f->arthur, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pl_viewer_get_scopes (dai_reading), ==, 0);
  assert_opens_only (dai_reading, 0);
}

static PlStaff *
add_staff (PlStore     *store,
           const char  *username,
           PlStaffRole  role,
           const char  *password)
{
  g_autoptr(GError) error = NULL;
  PlStaff *staff = pl_staff_new ();

  staff->username = g_strdup (username);
  staff->display_name = g_strdup (username);
  staff->role = role;
  if (password != NULL)
    staff->password_hash = pl_secret_hash (password, &error);
  g_assert_no_error (error);
  g_assert_true (pl_store_save_staff (store, staff, &error));
  g_assert_no_error (error);
  return staff;
}

/* Each staff role reads every document of whoever they choose, after
 * signing in; the password is checked as for any sign-in */
static void
test_staff (Fixture       *f,
            gconstpointer  data)
{
  static const PlStaffRole roles[] = { PL_ROLE_CARE_WORKER, PL_ROLE_COORDINATOR, PL_ROLE_MANAGER };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStaff) nobody = pl_staff_new ();

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *name = g_strdup_printf ("staff.%u", i);
      g_autoptr(PlStaff) staff = add_staff (f->store, name, roles[i], NULL);
      g_autoptr(PlViewer) viewer = pl_access_open_staff (f->store, staff, &error);
      g_autoptr(PlViewer) reading = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (pl_viewer_get_kind (viewer), ==, PL_VIEWER_STAFF);
      g_assert_cmpint (pl_viewer_get_staff (viewer)->id, ==, staff->id);
      g_assert_false (pl_viewer_may_open (viewer, PL_DOCUMENT_PLAN, &error));
      g_assert_error (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_NOT_SHARED);
      g_clear_error (&error);

      reading = pl_viewer_for_person (f->store, viewer, f->peggy, &error);
      g_assert_no_error (error);
      g_assert_cmpint (pl_viewer_get_person_id (reading), ==, f->peggy);
      g_assert_cmpint (pl_viewer_get_staff (reading)->role, ==, roles[i]);
      assert_opens_only (reading, PL_SCOPES_ALL);
    }

  /* An account that never signed in is no member of staff */
  g_assert_null (pl_access_open_staff (f->store, nobody, &error));
  g_assert_error (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  {
    g_autoptr(PlStaff) ann = add_staff (f->store, "ann.lee", PL_ROLE_CARE_WORKER, "correct horse");
    g_autoptr(PlViewer) signed_in = NULL;

    g_assert_null (pl_access_sign_in_staff (f->store, "ann.lee", "wrong horse", &error));
    g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WRONG_DETAILS);
    g_clear_error (&error);
    signed_in = pl_access_sign_in_staff (f->store, "Ann.Lee", "correct horse", &error);
    g_assert_no_error (error);
    g_assert_cmpint (pl_viewer_get_staff (signed_in)->id, ==, ann->id);
  }
}

static void
fail_pin (Fixture      *f,
          PlViewerKind  kind,
          gint64        id,
          int           code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlViewer) viewer = NULL;

  if (kind == PL_VIEWER_PERSON)
    viewer = pl_access_open_person (f->store, id, "0000", &error);
  else
    viewer = pl_access_open_carer (f->store, id, "0000", &error);
  g_assert_null (viewer);
  g_assert_error (error, PL_ACCESS_ERROR, code);
}

/* Wrong tries are kept in the database: closing Plainly does not end the
 * wait, and even the right PIN waits; the right PIN then clears the count */
static void
test_wait_persists (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlViewer) viewer = NULL;

  /* The first slips cost nothing */
  for (guint i = 0; i < 2; i++)
    fail_pin (f, PL_VIEWER_PERSON, f->peggy, PL_ACCESS_ERROR_WRONG_SECRET);
  g_assert_cmpuint (pl_access_pin_wait (f->store, PL_VIEWER_PERSON, f->peggy, NULL), ==, 0);

  /* The third earns a wait, and says so */
  g_assert_null (pl_access_open_person (f->store, f->peggy, "0000", &error));
  g_assert_error (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_WRONG_SECRET);
  g_assert_cmpstr (error->message, ==,
                   "That PIN is not right. Please wait 5 seconds before trying again.");
  g_clear_error (&error);
  g_assert_cmpuint (pl_access_pin_wait (f->store, PL_VIEWER_PERSON, f->peggy, NULL), ==, 5);

  /* A try during the wait is refused unchecked, and not counted */
  set_time (f->store, 4);
  fail_pin (f, PL_VIEWER_PERSON, f->peggy, PL_ACCESS_ERROR_WAIT);
  g_assert_cmpuint (pl_access_pin_wait (f->store, PL_VIEWER_PERSON, f->peggy, NULL), ==, 1);

  /* The fourth wrong try, after the wait: longer */
  set_time (f->store, 5);
  fail_pin (f, PL_VIEWER_PERSON, f->peggy, PL_ACCESS_ERROR_WRONG_SECRET);
  g_assert_cmpuint (pl_access_pin_wait (f->store, PL_VIEWER_PERSON, f->peggy, NULL), ==,
                    pl_secret_delay_for_failures (4));

  /* Close and open again, as after a restart: the wait is still there */
  g_clear_pointer (&f->store, pl_store_unref);
  f->store = pl_store_open (f->path, PL_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  set_time (f->store, 8);
  g_assert_cmpuint (pl_access_pin_wait (f->store, PL_VIEWER_PERSON, f->peggy, NULL), ==, 7);
  g_assert_null (pl_access_open_person (f->store, f->peggy, peggy_pin, &error));
  g_assert_error (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_WAIT);
  g_assert_cmpstr (error->message, ==, "Please wait 7 seconds before trying again.");
  g_clear_error (&error);

  /* The carer's count is their own: Mair is not kept waiting by Peggy's tries */
  g_assert_cmpuint (pl_access_pin_wait (f->store, PL_VIEWER_CARER, f->mair, NULL), ==, 0);

  /* After the wait the right PIN opens, and the count starts again */
  set_time (f->store, 15);
  viewer = pl_access_open_person (f->store, f->peggy, peggy_pin, &error);
  g_assert_no_error (error);
  g_assert_nonnull (viewer);
  fail_pin (f, PL_VIEWER_PERSON, f->peggy, PL_ACCESS_ERROR_WRONG_SECRET);
  g_assert_cmpuint (pl_access_pin_wait (f->store, PL_VIEWER_PERSON, f->peggy, NULL), ==, 0);
}

/* Long waits are said in minutes */
static void
test_wait_minutes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int at = 0;

  for (guint failures = 1; pl_secret_delay_for_failures (failures - 1) < 60; failures++)
    {
      at += (int) pl_secret_delay_for_failures (failures - 1);
      set_time (f->store, at);
      fail_pin (f, PL_VIEWER_CARER, f->mair, PL_ACCESS_ERROR_WRONG_SECRET);
    }
  g_assert_cmpuint (pl_access_pin_wait (f->store, PL_VIEWER_CARER, f->mair, NULL), >=, 60);
  g_assert_null (pl_access_open_carer (f->store, f->mair, mair_pin, &error));
  g_assert_error (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_WAIT);
  g_assert_nonnull (strstr (error->message, "minutes before trying again"));
  /* Peggy is not kept waiting by her carer's tries */
  g_assert_cmpuint (pl_access_pin_wait (f->store, PL_VIEWER_PERSON, f->peggy, NULL), ==, 0);
}

typedef struct
{
  GMainLoop *loop;
  PlStore   *store;
  PlViewer  *viewer;
  GError    *error;
  GThread   *thread;
} Waiting;

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Waiting *w = data;

  w->thread = g_thread_self ();
  w->viewer = pl_access_open_finish (w->store, result, &w->error);
  g_main_loop_quit (w->loop);
}

static PlViewer *
open_async (Fixture       *f,
            PlViewerKind   kind,
            gint64         id,
            const char    *pin,
            GError       **error)
{
  Waiting w = { g_main_loop_new (NULL, FALSE), f->store, NULL, NULL, NULL };

  pl_access_open_async (f->store, kind, id, pin, NULL, opened_cb, &w);
  g_main_loop_run (w.loop);
  g_main_loop_unref (w.loop);
  /* The answer comes back on the thread that asked, where the store lives */
  g_assert_true (w.thread == g_thread_self ());
  if (w.error != NULL)
    g_propagate_error (error, w.error);
  return w.viewer;
}

/* The window's way: the same answers, and the same count */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlViewer) viewer = NULL;
  g_autoptr(PlViewer) mair = NULL;
  g_autoptr(PlViewer) arthur = NULL;

  g_assert_null (open_async (f, PL_VIEWER_PERSON, f->peggy, NULL, &error));
  g_assert_error (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_NEEDS_SECRET);
  g_clear_error (&error);

  for (guint i = 0; i < 3; i++)
    {
      g_assert_null (open_async (f, PL_VIEWER_PERSON, f->peggy, "1111", &error));
      g_assert_error (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_WRONG_SECRET);
      g_clear_error (&error);
    }
  g_assert_cmpuint (pl_access_pin_wait (f->store, PL_VIEWER_PERSON, f->peggy, NULL), ==, 5);
  g_assert_null (open_async (f, PL_VIEWER_PERSON, f->peggy, peggy_pin, &error));
  g_assert_error (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_WAIT);
  g_assert_cmpstr (error->message, ==, "Please wait 5 seconds before trying again.");
  g_clear_error (&error);

  set_time (f->store, 5);
  viewer = open_async (f, PL_VIEWER_PERSON, f->peggy, peggy_pin, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_viewer_get_person_id (viewer), ==, f->peggy);
  g_assert_cmpuint (pl_viewer_get_scopes (viewer), ==, PL_SCOPES_ALL);

  mair = open_async (f, PL_VIEWER_CARER, f->mair, mair_pin, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_viewer_get_kind (mair), ==, PL_VIEWER_CARER);
  g_assert_cmpint (pl_viewer_get_carer_id (mair), ==, f->mair);

  arthur = open_async (f, PL_VIEWER_PERSON, f->arthur, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_viewer_get_person_id (arthur), ==, f->arthur);
}

/* A user name nobody has waits after wrong tries just as a real account
 * does, with the same words, so the wait tells nobody which names exist */
static void
test_staff_lockout_names (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PlStaff) ann = add_staff (f->store, "ann.lee", PL_ROLE_CARE_WORKER, "correct horse");
  g_autoptr(GError) real_error = NULL;
  g_autoptr(GError) made_up_error = NULL;
  g_autoptr(PlStaff) signed_in = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) real = NULL;
      g_autoptr(GError) made_up = NULL;

      g_assert_false (pl_staff_sign_in (f->store, "ann.lee", "wrong horse", NULL, NULL, &real));
      g_assert_false (pl_staff_sign_in (f->store, "no.such.person", "wrong horse", NULL, NULL, &made_up));
      g_assert_error (real, PL_STAFF_ERROR, PL_STAFF_ERROR_WRONG_DETAILS);
      g_assert_error (made_up, PL_STAFF_ERROR, PL_STAFF_ERROR_WRONG_DETAILS);
      g_assert_cmpstr (real->message, ==, made_up->message);
    }

  /* Both wait, and the store's clock is the one that counts */
  set_time (f->store, 2);
  g_assert_false (pl_staff_sign_in (f->store, "ann.lee", "correct horse", NULL, NULL, &real_error));
  g_assert_false (pl_staff_sign_in (f->store, "No.Such.Person ", "correct horse", NULL, NULL,
                                    &made_up_error));
  g_assert_error (real_error, PL_STAFF_ERROR, PL_STAFF_ERROR_LOCKED);
  g_assert_error (made_up_error, PL_STAFF_ERROR, PL_STAFF_ERROR_LOCKED);
  g_assert_cmpstr (real_error->message, ==, made_up_error->message);
  g_assert_nonnull (strstr (real_error->message, "3 seconds"));
  g_assert_null (strstr (real_error->message, "ann"));
  g_clear_error (&real_error);
  g_clear_error (&made_up_error);

  /* Still after a restart */
  g_clear_pointer (&f->store, pl_store_unref);
  f->store = pl_store_open (f->path, PL_STORE_OPEN_NO_CREATE, &real_error);
  g_assert_no_error (real_error);
  set_time (f->store, 3);
  g_assert_false (pl_staff_sign_in (f->store, "ann.lee", "correct horse", NULL, NULL, &real_error));
  g_assert_false (pl_staff_sign_in (f->store, "no.such.person", "x", NULL, NULL, &made_up_error));
  g_assert_cmpstr (real_error->message, ==, made_up_error->message);
  g_clear_error (&real_error);
  g_clear_error (&made_up_error);

  set_time (f->store, 5);
  g_assert_true (pl_staff_sign_in (f->store, "ann.lee", "correct horse", NULL, &signed_in, &real_error));
  g_assert_no_error (real_error);
  g_assert_cmpint (signed_in->id, ==, ann->id);
}

typedef struct
{
  GMainLoop *loop;
  PlStore   *store;
  PlStaff   *staff;
  GError    *error;
} SigningIn;

static void
signed_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  SigningIn *s = data;

  s->staff = pl_staff_sign_in_finish (s->store, result, &s->error);
  g_main_loop_quit (s->loop);
}

static PlStaff *
sign_in_async (PlStore     *store,
               const char  *username,
               const char  *password,
               GError     **error)
{
  SigningIn s = { g_main_loop_new (NULL, FALSE), store, NULL, NULL };

  pl_staff_sign_in_async (store, username, password, NULL, signed_in_cb, &s);
  g_main_loop_run (s.loop);
  g_main_loop_unref (s.loop);
  if (s.error != NULL)
    g_propagate_error (error, s.error);
  return s.staff;
}

/* The staff window's way of signing in counts and waits just the same */
static void
test_staff_sign_in_async (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PlStaff) ann = add_staff (f->store, "ann.lee", PL_ROLE_MANAGER, "correct horse");
  g_autoptr(PlStaff) signed_in = NULL;
  g_autoptr(PlStaff) saved = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_assert_null (sign_in_async (f->store, "ann.lee", "wrong horse", &error));
      g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_WRONG_DETAILS);
      g_clear_error (&error);
    }
  saved = pl_store_load_staff (f->store, ann->id, &error);
  g_assert_cmpint (saved->failed_attempts, ==, 3);
  g_assert_null (sign_in_async (f->store, "ann.lee", "correct horse", &error));
  g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_LOCKED);
  g_clear_error (&error);

  set_time (f->store, 5);
  signed_in = sign_in_async (f->store, "ann.lee", "correct horse", &error);
  g_assert_no_error (error);
  g_assert_cmpint (signed_in->id, ==, ann->id);
  g_clear_pointer (&saved, pl_staff_free);
  saved = pl_store_load_staff (f->store, ann->id, &error);
  g_assert_cmpint (saved->failed_attempts, ==, 0);
}

/* The store stamps records with its own clock */
static void
test_store_clock (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = pl_person_new ();
  g_autoptr(GDateTime) real = NULL;
  g_autoptr(GDateTime) now = NULL;

  set_time (f->store, 60);
  person->full_name = g_strdup ("Nell Evans");
  g_assert_true (pl_store_save_person (f->store, person, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (person->created_at, ==, "2024-03-14T09:31:00Z");

  set_time (f->store, 120);
  g_free (person->preferred_name);
  person->preferred_name = g_strdup ("Nell");
  g_assert_true (pl_store_save_person (f->store, person, &error));
  g_assert_cmpstr (person->updated_at, ==, "2024-03-14T09:32:00Z");
  g_assert_cmpstr (person->created_at, ==, "2024-03-14T09:31:00Z");

  /* Back to the real time */
  pl_store_set_clock (f->store, NULL);
  real = g_date_time_new_now_utc ();
  now = pl_store_get_time (f->store);
  g_assert_cmpint (ABS (g_date_time_difference (now, real)), <, 60 * G_TIME_SPAN_SECOND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/plainly/access/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("person", test_person);
  ADD ("person-only-own", test_person_only_own);
  ADD ("carer", test_carer);
  ADD ("staff", test_staff);
  ADD ("wait-persists", test_wait_persists);
  ADD ("wait-minutes", test_wait_minutes);
  ADD ("async", test_async);
  ADD ("staff-lockout-names", test_staff_lockout_names);
  ADD ("staff-sign-in-async", test_staff_sign_in_async);
  ADD ("store-clock", test_store_clock);

#undef ADD

  return g_test_run ();
}
