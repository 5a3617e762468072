/* test-service-response.c: "You said, we did" answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-complaint.h"
#include "pl-demo.h"
#include "pl-service-response.h"
#include "pl-store.h"
#include "pl-test-util.h"

typedef struct
{
  char     *dir;
  PlStore  *store;
  gint64    person_id;
  gint64    service_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = NULL;

  f->dir = pl_test_make_dir ("plainly-service-response");
  f->store = pl_test_open_store (f->dir, NULL);
  g_assert_true (pl_demo_install (f->store, &f->person_id, &error));
  g_assert_no_error (error);
  person = pl_store_load_person (f->store, f->person_id, &error);
  g_assert_no_error (error);
  f->service_id = person->service_id;
  g_assert_cmpint (f->service_id, !=, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
}

static PlServiceResponse *
make (Fixture    *f,
      const char *you_said,
      const char *we_did)
{
  g_autoptr(GError) error = NULL;
  PlServiceResponse *response = pl_service_response_new ();

  response->service_id = f->service_id;
  response->you_said = g_strdup (you_said);
  response->we_did = g_strdup (we_did);
  g_assert_true (pl_service_response_save (f->store, response, &error));
  g_assert_no_error (error);
  g_assert_cmpint (response->id, >, 0);
  return response;
}

static void
test_save_needs_both (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlServiceResponse) response = pl_service_response_new ();
  g_autoptr(GPtrArray) all = NULL;

  response->service_id = f->service_id;
  response->you_said = g_strdup ("  ");
  response->we_did = g_strdup ("We changed the rota.");
  g_assert_false (pl_service_response_save (f->store, response, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Please write what people said.");
  g_clear_error (&error);

  g_free (response->you_said);
  response->you_said = g_strdup ("Visits were rushed.");
  g_clear_pointer (&response->we_did, g_free);
  g_assert_false (pl_service_response_save (f->store, response, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Please write what the service did about it.");
  g_clear_error (&error);

  response->service_id = 0;
  response->we_did = g_strdup ("We made visits longer.");
  g_assert_false (pl_service_response_save (f->store, response, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  all = pl_service_response_list (f->store, f->service_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 0);

  /* Changing a saved one keeps its id */
  response->service_id = f->service_id;
  g_assert_true (pl_service_response_save (f->store, response, &error));
  g_assert_no_error (error);
  {
    gint64 id = response->id;
    g_autoptr(PlServiceResponse) loaded = NULL;

    g_free (response->we_did);
    response->we_did = g_strdup ("We made every visit at least 30 minutes.");
    g_assert_true (pl_service_response_save (f->store, response, &error));
    g_assert_cmpint (response->id, ==, id);
    loaded = pl_store_load_service_response (f->store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (loaded->we_did, ==, "We made every visit at least 30 minutes.");
    g_assert_null (loaded->published_on);
  }
}

static void
test_publish (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlServiceResponse) first = make (f, "Late visits.", "New rota.");
  g_autoptr(PlServiceResponse) second = make (f, "No Welsh leaflets.", "Leaflets in Welsh.");
  g_autoptr(PlServiceResponse) third = make (f, "Hard to ring.", "A second line.");
  g_autoptr(PlServiceResponse) out = NULL;
  g_autoptr(GPtrArray) published = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_assert_true (pl_service_response_publish (f->store, first->id, "2026-02-01", &out, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out->published_on, ==, "2026-02-01");
  g_assert_true (pl_service_response_publish (f->store, second->id, "2026-05-20", NULL, &error));
  g_assert_true (pl_service_response_publish (f->store, third->id, NULL, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out->published_on, ==, today);

  g_assert_false (pl_service_response_publish (f->store, first->id, "2026-02-30", NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pl_service_response_publish (f->store, first->id, "soon", NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pl_service_response_publish (f->store, 9999, NULL, NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Newest first: today (third), May (second), February (first) */
  published = pl_service_response_list_published (f->store, f->service_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (published->len, ==, 3);
  g_assert_cmpint (((PlServiceResponse *) published->pdata[0])->id, ==, third->id);
  g_assert_cmpint (((PlServiceResponse *) published->pdata[1])->id, ==, second->id);
  g_assert_cmpint (((PlServiceResponse *) published->pdata[2])->id, ==, first->id);
  g_clear_pointer (&published, g_ptr_array_unref);

  g_assert_true (pl_service_response_unpublish (f->store, second->id, &out, &error));
  g_assert_no_error (error);
  g_assert_null (out->published_on);

  published = pl_service_response_list_published (f->store, f->service_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (published->len, ==, 2);
  for (guint i = 0; i < published->len; i++)
    g_assert_cmpint (((PlServiceResponse *) published->pdata[i])->id, !=, second->id);

  /* Staff see every answer, those not published after the rest */
  all = pl_service_response_list (f->store, f->service_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpint (((PlServiceResponse *) all->pdata[2])->id, ==, second->id);

  /* Another service's list is its own */
  g_clear_pointer (&all, g_ptr_array_unref);
  all = pl_service_response_list_published (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 0);
}

static void
test_from_complaint (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlComplaint) complaint = NULL;
  g_autoptr(PlServiceResponse) response = NULL;

  complaint = pl_complaint_draft_for (f->store, f->person_id, PL_FEEDBACK_COMPLAINT, &error);
  g_assert_no_error (error);
  g_free (complaint->what_happened);
  complaint->what_happened = g_strdup ("The evening visit was missed.");
  g_assert_true (pl_complaint_send (f->store, complaint, &error));
  g_assert_no_error (error);

  response = pl_service_response_from_complaint (f->store, complaint->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (response->you_said, ==, "The evening visit was missed.");
  g_assert_cmpstr (response->we_did, ==, "");
  g_assert_cmpint (response->service_id, ==, f->service_id);
  g_assert_cmpint (response->complaint_id, ==, complaint->id);
  g_clear_pointer (&response, pl_service_response_free);

  g_assert_true (pl_complaint_respond (f->store, complaint->id, "Sam", "First answer.", NULL, &error));
  g_assert_true (pl_complaint_respond (f->store, complaint->id, "Sam",
                                       "Evening visits now have a named back-up worker.", NULL, &error));
  g_assert_no_error (error);
  response = pl_service_response_from_complaint (f->store, complaint->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (response->we_did, ==, "Evening visits now have a named back-up worker.");
  g_assert_true (pl_service_response_save (f->store, response, &error));
  g_assert_no_error (error);

  g_clear_pointer (&response, pl_service_response_free);
  response = pl_service_response_from_complaint (f->store, 12345, &error);
  g_assert_null (response);
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/plainly/service-response/save-needs-both", test_save_needs_both);
  ADD ("/plainly/service-response/publish", test_publish);
  ADD ("/plainly/service-response/from-complaint", test_from_complaint);

#undef ADD

  return g_test_run ();
}
