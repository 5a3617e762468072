/* test-complaint.c: drafts that are never lost, sending, and the timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pl-complaint.h"
#include "pl-demo.h"
#include "pl-store.h"
#include "pl-test-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  PlStore *store;
  gint64   person_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = pl_test_make_dir ("plainly-complaint");
  f->store = pl_test_open_store (f->dir, &f->path);
  g_assert_true (pl_demo_install (f->store, &f->person_id, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  pl_store_unref (f->store);
  f->store = pl_store_open (f->path, PL_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Welsh with its circumflexes, an emoji outside the BMP, and a new line */
static const char welsh[] = "Daeth y gofalwr yn hwyr ddydd Llun. Roedd hi’n ŵyl, ac roeddwn i’n aros 👵🏻⏰.\nDiolch.";

static void
test_draft_survives_reopen (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlComplaint) draft = NULL;
  g_autoptr(PlComplaint) again = NULL;
  g_autoptr(PlComplaint) found = NULL;
  gint64 id;

  draft = pl_complaint_draft_for (f->store, f->person_id, PL_FEEDBACK_COMPLAINT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (draft->status, ==, PL_COMPLAINT_DRAFT);
  g_assert_cmpint (draft->id, >, 0);
  g_assert_null (draft->reference);
  id = draft->id;

  draft->what_happened = g_strdup (welsh);
  draft->when_happened = g_strdup ("Dydd Llun, 16 Tachwedd");
  draft->reply_method = pl_reply_methods_to_text (PL_REPLY_LETTER | PL_REPLY_AUDIO);
  g_assert_true (pl_complaint_save_draft (f->store, draft, &error));
  g_assert_no_error (error);

  /* The same kind gives back the same draft; another kind a new one */
  again = pl_complaint_draft_for (f->store, f->person_id, PL_FEEDBACK_COMPLAINT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->id, ==, id);
  g_clear_pointer (&again, pl_complaint_free);
  again = pl_complaint_draft_for (f->store, f->person_id, PL_FEEDBACK_COMPLIMENT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->id, !=, id);

  /* The complaint was touched last but one: make it the latest again */
  g_free (draft->who_involved);
  draft->who_involved = g_strdup ("Bernie");
  {
    /* A minute on, by the store's clock rather than a wait */
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 1);

    pl_store_set_clock (f->store, later);
  }
  g_assert_true (pl_complaint_save_draft (f->store, draft, &error));

  reopen (f);

  found = pl_complaint_find_draft (f->store, f->person_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (found->id, ==, id);
  g_assert_cmpstr (found->what_happened, ==, welsh);
  g_assert_cmpstr (found->when_happened, ==, "Dydd Llun, 16 Tachwedd");
  g_assert_cmpstr (found->who_involved, ==, "Bernie");
  g_assert_cmpuint (pl_reply_methods_from_text (found->reply_method), ==,
                    PL_REPLY_LETTER | PL_REPLY_AUDIO);
  g_assert_cmpint (found->status, ==, PL_COMPLAINT_DRAFT);
}

static void
test_no_draft (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlComplaint) found = NULL;

  /* The example person has sent ones, but no draft */
  found = pl_complaint_find_draft (f->store, f->person_id, &error);
  g_assert_no_error (error);
  g_assert_null (found);
}

static void
test_reply_methods (void)
{
  for (guint methods = 0; methods < (1u << PL_REPLY_N_METHODS); methods++)
    {
      g_autofree char *text = pl_reply_methods_to_text (methods);

      g_assert_cmpuint (pl_reply_methods_from_text (text), ==, methods);
    }
  g_assert_cmpuint (pl_reply_methods_from_text ("Something I typed"), ==, 0);
}

static PlComplaint *
new_draft (Fixture        *f,
           PlFeedbackKind  kind,
           const char     *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlComplaint) draft = pl_complaint_draft_for (f->store, f->person_id, kind, &error);

  g_assert_no_error (error);
  g_free (draft->what_happened);
  draft->what_happened = g_strdup (what);
  g_assert_true (pl_complaint_save_draft (f->store, draft, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&draft);
}

static void
test_send (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlComplaint) draft = new_draft (f, PL_FEEDBACK_COMPLAINT, welsh);
  g_autoptr(PlComplaint) stored = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *now = today ();
  g_autofree char *due = pl_complaint_add_working_days (now, 20);
  g_autofree char *expected_prefix = g_strdup_printf ("C-%.4s-", now);

  g_assert_true (pl_complaint_send (f->store, draft, &error));
  g_assert_no_error (error);
  g_assert_cmpint (draft->status, ==, PL_COMPLAINT_RECEIVED);
  g_assert_true (g_str_has_prefix (draft->reference, expected_prefix));
  g_assert_cmpstr (draft->response_due, ==, due);

  reopen (f);
  stored = pl_store_find_complaint (f->store, draft->reference, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->id, ==, draft->id);
  g_assert_cmpint (stored->status, ==, PL_COMPLAINT_RECEIVED);
  g_assert_cmpstr (stored->what_happened, ==, welsh);
  g_assert_cmpstr (stored->response_due, ==, due);

  events = pl_store_list_complaint_events (f->store, stored->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (((PlComplaintEvent *) events->pdata[0])->status, ==, PL_COMPLAINT_RECEIVED);

  /* Sent is sent: no second send, no more editing */
  g_assert_false (pl_complaint_send (f->store, stored, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pl_complaint_save_draft (f->store, stored, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
}

static void
test_send_empty_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlComplaint) draft = new_draft (f, PL_FEEDBACK_OTHER, "   ");
  g_autoptr(PlComplaint) stored = NULL;
  g_autoptr(GPtrArray) events = NULL;

  g_assert_false (pl_complaint_send (f->store, draft, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_cmpint (draft->status, ==, PL_COMPLAINT_DRAFT);
  g_assert_null (draft->reference);

  stored = pl_store_load_complaint (f->store, draft->id, NULL);
  g_assert_cmpint (stored->status, ==, PL_COMPLAINT_DRAFT);
  events = pl_store_list_complaint_events (f->store, draft->id, NULL);
  g_assert_cmpuint (events->len, ==, 0);
}

static void
test_references_unique (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *now = today ();
  const guint n = 12;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *what = g_strdup_printf ("Complaint number %u", i);
      g_autoptr(PlComplaint) draft = new_draft (f, i % 3, what);
      g_autofree char *expected = g_strdup_printf ("C-%.4s-%04u", now, i + 1);

      g_assert_true (pl_complaint_send (f->store, draft, &error));
      g_assert_no_error (error);
      g_assert_false (g_hash_table_contains (seen, draft->reference));
      /* Numbered in order within the year */
      g_assert_cmpstr (draft->reference, ==, expected);
      g_hash_table_add (seen, g_strdup (draft->reference));

      /* A compliment needs no answer; the others get a date */
      if (draft->kind == PL_FEEDBACK_COMPLIMENT)
        g_assert_null (draft->response_due);
      else
        g_assert_nonnull (draft->response_due);

      if (i == 5)
        reopen (f);
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, n);
}

static guint
count_events (Fixture           *f,
              gint64             id,
              PlComplaintStatus  status,
              const char        *actor)
{
  g_autoptr(GPtrArray) events = pl_store_list_complaint_events (f->store, id, NULL);
  guint n = 0;

  for (guint i = 0; i < events->len; i++)
    {
      PlComplaintEvent *e = events->pdata[i];

      if (e->status == status && g_strcmp0 (e->actor, actor) == 0)
        n++;
    }
  return n;
}

static void
test_timeline (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlComplaint) draft = new_draft (f, PL_FEEDBACK_COMPLAINT, "The visit was late");
  g_autoptr(PlComplaint) c = NULL;
  g_autoptr(GPtrArray) events = NULL;
  const char *sam = "Sam Patel, care coordinator";
  gint64 id = draft->id;

  /* A draft cannot be answered: it has not been sent */
  g_assert_false (pl_complaint_acknowledge (f->store, id, sam, NULL, &c, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (c);

  g_assert_true (pl_complaint_send (f->store, draft, &error));
  g_assert_true (pl_complaint_acknowledge (f->store, id, sam, "We have your complaint.", &c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (c->status, ==, PL_COMPLAINT_ACKNOWLEDGED);
  g_assert_cmpuint (count_events (f, id, PL_COMPLAINT_ACKNOWLEDGED, sam), ==, 1);

  /* An answer needs words */
  g_assert_false (pl_complaint_respond (f->store, id, sam, "  ", &c, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (c->status, ==, PL_COMPLAINT_ACKNOWLEDGED);

  g_assert_true (pl_complaint_respond (f->store, id, sam, "We are sorry. Visits now start at 8.", &c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (c->status, ==, PL_COMPLAINT_RESPONDED);

  g_assert_true (pl_complaint_escalate (f->store, id, "Castlebridge Council", NULL, &c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (c->status, ==, PL_COMPLAINT_ESCALATED);

  g_assert_true (pl_complaint_close (f->store, id, sam, NULL, &c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (c->status, ==, PL_COMPLAINT_CLOSED);

  /* Closed stays closed, and a refused step writes nothing */
  g_assert_false (pl_complaint_acknowledge (f->store, id, sam, NULL, &c, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  events = pl_store_list_complaint_events (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 5);
  g_assert_cmpint (((PlComplaintEvent *) events->pdata[0])->status, ==, PL_COMPLAINT_RECEIVED);
  g_assert_cmpint (((PlComplaintEvent *) events->pdata[2])->status, ==, PL_COMPLAINT_RESPONDED);
  g_assert_cmpstr (((PlComplaintEvent *) events->pdata[2])->note, ==, "We are sorry. Visits now start at 8.");
  g_assert_cmpint (((PlComplaintEvent *) events->pdata[4])->status, ==, PL_COMPLAINT_CLOSED);
  g_clear_pointer (&c, pl_complaint_free);
  c = pl_store_load_complaint (f->store, id, &error);
  g_assert_cmpint (c->status, ==, PL_COMPLAINT_CLOSED);
}

static gboolean
is_working_day (const char *iso)
{
  GDate d;
  unsigned y, m, day;

  g_assert_cmpint (sscanf (iso, "%4u-%2u-%2u", &y, &m, &day), ==, 3);
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, (GDateDay) day, (GDateMonth) m, (GDateYear) y);
  return g_date_get_weekday (&d) < G_DATE_SATURDAY && !pl_complaint_is_bank_holiday (&d);
}

static void
test_working_days (void)
{
  static const struct { const char *from; guint n; const char *expect; } cases[] = {
    { "2026-11-20", 20, "2026-12-18" },  /* four plain weeks from a Friday */
    { "2026-11-21", 1, "2026-11-23" },   /* Saturday to Monday */
    { "2026-12-18", 5, "2026-12-29" },   /* Christmas (Fri) and Boxing Day moved to Mon 28 */
    { "2026-04-02", 1, "2026-04-07" },   /* Good Friday 3 April, Easter Monday 6 April */
    { "2027-12-24", 1, "2027-12-29" },   /* Christmas on a Saturday: 27 and 28 off */
    { "2021-12-31", 1, "2022-01-04" },   /* New Year's Day on a Saturday: Monday 3 off */
    { "2026-05-01", 1, "2026-05-05" },   /* early May bank holiday, Monday 4 May */
    { "2026-08-28", 1, "2026-09-01" },   /* summer bank holiday, Monday 31 August */
  };
  GDate d;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = pl_complaint_add_working_days (cases[i].from, cases[i].n);

      g_assert_cmpstr (got, ==, cases[i].expect);
    }

  g_assert_null (pl_complaint_add_working_days ("next Tuesday", 3));

  /* Eight regular bank holidays every year, none on a weekend */
  for (int year = 2020; year <= 2040; year++)
    {
      guint n = 0;

      g_date_clear (&d, 1);
      g_date_set_dmy (&d, 1, G_DATE_JANUARY, (GDateYear) year);
      while (g_date_get_year (&d) == year)
        {
          if (pl_complaint_is_bank_holiday (&d))
            {
              g_assert_cmpint (g_date_get_weekday (&d), <, G_DATE_SATURDAY);
              n++;
            }
          g_date_add_days (&d, 1);
        }
      g_assert_cmpuint (n, ==, 8);
    }

  /* Whatever the start, the answer is a working day with exactly n working
   * days after the start, up to and including it */
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, G_DATE_JANUARY, 2026);
  for (guint i = 0; i < 800; i++, g_date_add_days (&d, 1))
    {
      g_autofree char *from = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&d),
                                               g_date_get_month (&d), g_date_get_day (&d));
      g_autofree char *due = pl_complaint_add_working_days (from, 20);
      GDate walk = d;
      guint count = 0;
      g_autofree char *walk_iso = NULL;

      g_assert_true (is_working_day (due));
      do
        {
          g_date_add_days (&walk, 1);
          g_free (walk_iso);
          walk_iso = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&walk),
                                      g_date_get_month (&walk), g_date_get_day (&walk));
          if (is_working_day (walk_iso))
            count++;
        }
      while (strcmp (walk_iso, due) != 0);
      g_assert_cmpuint (count, ==, 20);
    }
}

static void
test_ways_out (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = pl_store_load_person (f->store, f->person_id, NULL);
  g_autoptr(PlService) service = pl_store_load_service (f->store, person->service_id, NULL);
  g_autoptr(GPtrArray) contacts = pl_store_list_contacts (f->store, f->person_id, NULL);
  g_autofree char *escalation = pl_complaint_escalation_text (f->store, f->person_id, &error);
  g_autofree char *danger = NULL;
  guint n_safeguarding = 0;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (escalation, service->phone));
  g_assert_nonnull (strstr (escalation, service->commissioner));
  g_assert_nonnull (strstr (escalation, service->commissioner_phone));
  g_assert_nonnull (strstr (escalation, "Ombudsman"));
  g_assert_nonnull (strstr (escalation, "0300 061 0614"));
  /* The order is the order of the steps */
  g_assert_true (strstr (escalation, service->phone) < strstr (escalation, service->commissioner_phone));
  g_assert_true (strstr (escalation, service->commissioner_phone) < strstr (escalation, "0300 061 0614"));

  danger = pl_complaint_danger_text (f->store, f->person_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (danger, "999"));
  for (guint i = 0; i < contacts->len; i++)
    {
      PlContact *c = contacts->pdata[i];

      if (c->role != PL_CONTACT_SAFEGUARDING)
        continue;
      g_assert_nonnull (strstr (danger, c->phone));
      n_safeguarding++;
    }
  g_assert_cmpuint (n_safeguarding, >, 0);
  /* Kept apart: the Ombudsman is not who to ring in danger */
  g_assert_null (strstr (danger, "Ombudsman"));
}

/* Killed while typing: every save that returned is there when the file is
 * opened again, and the text is one that was saved, never a mix */
#define CRASH_ROUNDS 10

static char *
typed_text (guint n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, i % 7 == 6 ? "ŵ " : "a");
  return g_string_free (s, FALSE);
}

G_GNUC_NORETURN static void
typist (const char *path,
        gint64      complaint_id,
        guint       start,
        int         report_fd)
{
  PlStore *store = pl_store_open (path, PL_STORE_OPEN_NO_CREATE, NULL);
  PlComplaint *draft;

  if (store == NULL)
    _exit (2);
  draft = pl_store_load_complaint (store, complaint_id, NULL);
  if (draft == NULL)
    _exit (3);

  for (guint n = start; ; n++)
    {
      g_free (draft->what_happened);
      draft->what_happened = typed_text (n);
      if (!pl_complaint_save_draft (store, draft, NULL))
        _exit (4);
      if (write (report_fd, &n, sizeof n) != sizeof n)
        _exit (5);
    }
}

static void
test_crash_while_typing (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(PlComplaint) draft = new_draft (f, PL_FEEDBACK_COMPLAINT, "a");
  gint64 id = draft->id;
  guint reported = 1;

  pl_store_unref (g_steal_pointer (&f->store));

  for (guint round = 0; round < CRASH_ROUNDS; round++)
    {
      int fds[2];
      pid_t pid;
      guint want = 5 + (guint) g_random_int_range (0, 40);
      guint got = 0;
      int status;
      g_autoptr(GError) error = NULL;
      g_autoptr(PlComplaint) found = NULL;
      g_autofree char *expected = NULL;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          typist (f->path, id, reported + 1, fds[1]);
        }
      close (fds[1]);

      while (got < want)
        {
          guint n;

          if (read (fds[0], &n, sizeof n) != sizeof n)
            break;
          reported = n;
          got++;
        }
      g_usleep ((gulong) g_random_int_range (0, 400));
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      /* Reports written before the kill count too */
      for (guint n; read (fds[0], &n, sizeof n) == sizeof n; )
        reported = n;
      close (fds[0]);
      g_assert_cmpuint (got, ==, want);

      f->store = pl_store_open (f->path, PL_STORE_OPEN_NO_CREATE, &error);
      g_assert_no_error (error);
      found = pl_complaint_find_draft (f->store, f->person_id, &error);
      g_assert_no_error (error);
      g_assert_cmpint (found->id, ==, id);

      /* The last reported save, or the one in flight after it: never a mix */
      expected = typed_text (reported);
      if (!g_str_equal (found->what_happened, expected))
        {
          g_free (expected);
          expected = typed_text (reported + 1);
          g_assert_cmpstr (found->what_happened, ==, expected);
          reported++;
        }
      pl_store_unref (g_steal_pointer (&f->store));
    }

  f->store = pl_store_open (f->path, PL_STORE_OPEN_NO_CREATE, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/plainly/complaint/draft/survives-reopen", Fixture, NULL,
              fixture_set_up, test_draft_survives_reopen, fixture_tear_down);
  g_test_add ("/plainly/complaint/draft/none", Fixture, NULL,
              fixture_set_up, test_no_draft, fixture_tear_down);
  g_test_add ("/plainly/complaint/draft/crash-while-typing", Fixture, NULL,
              fixture_set_up, test_crash_while_typing, fixture_tear_down);
  g_test_add_func ("/plainly/complaint/reply-methods", test_reply_methods);
  g_test_add ("/plainly/complaint/send/stores", Fixture, NULL,
              fixture_set_up, test_send, fixture_tear_down);
  g_test_add ("/plainly/complaint/send/empty-refused", Fixture, NULL,
              fixture_set_up, test_send_empty_refused, fixture_tear_down);
  g_test_add ("/plainly/complaint/send/unique-references", Fixture, NULL,
              fixture_set_up, test_references_unique, fixture_tear_down);
  g_test_add ("/plainly/complaint/timeline", Fixture, NULL,
              fixture_set_up, test_timeline, fixture_tear_down);
  g_test_add_func ("/plainly/complaint/working-days", test_working_days);
  g_test_add ("/plainly/complaint/ways-out", Fixture, NULL,
              fixture_set_up, test_ways_out, fixture_tear_down);

  return g_test_run ();
}
