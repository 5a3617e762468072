/* test-demo.c: the example person and the JSON import behind it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "pl-access.h"
#include "pl-actor.h"
#include "pl-demo.h"
#include "pl-document.h"
#include "pl-needs.h"
#include "pl-plan-translation.h"
#include "pl-record-json.h"
#include "pl-store.h"
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
  f->dir = pl_test_make_dir ("plainly-demo");
  f->store = pl_test_open_store (f->dir, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gint64
install (PlStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 person_id = 0;

  g_assert_true (pl_demo_install (store, &person_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (person_id, >, 0);
  return person_id;
}

static GPtrArray *
list_ok (PlStore            *store,
         const PlRecordType *type,
         gint64              owner)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = pl_store_list (store, type, owner, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

/* Row counts of every table; history is left out when asked, as it grows */
static GHashTable *
row_counts (PlStore  *store,
            gboolean  with_history)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStoreReport) report = pl_store_check (store, &error);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_assert_no_error (error);
  g_assert_true (report->integrity_ok);
  g_assert_true (report->foreign_keys_ok);

  for (guint i = 0; i < report->table_names->len; i++)
    {
      const char *table = g_ptr_array_index (report->table_names, i);

      if (!with_history && g_str_equal (table, "history"))
        continue;
      g_hash_table_insert (counts, g_strdup (table),
                           g_memdup2 (&g_array_index (report->row_counts, gint64, i), sizeof (gint64)));
    }

  return counts;
}

static void
assert_same_counts (GHashTable *a,
                    GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 *other = g_hash_table_lookup (b, key);

      g_assert_nonnull (other);
      if (*(gint64 *) value != *other)
        g_error ("%s: %" G_GINT64_FORMAT " rows, then %" G_GINT64_FORMAT,
                 (const char *) key, *(gint64 *) value, *other);
    }
}

static gint64
count (GHashTable *counts,
       const char *table)
{
  gint64 *n = g_hash_table_lookup (counts, table);

  g_assert_nonnull (n);
  return *n;
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy == '\0';
}

/* The example is there to show every part of the product: each field a person
 * or a worker writes is filled in somewhere */
static void
assert_every_field_used (const PlRecordType *type,
                         GPtrArray          *rows)
{
  g_assert_cmpuint (rows->len, >, 0);

  for (guint i = 1; i < type->n_fields; i++)
    {
      const PlField *field = &type->fields[i];
      gboolean used = FALSE;

      if (field->kind != PL_FIELD_TEXT ||
          (field->flags & (PL_FIELD_FLAG_AUTO | PL_FIELD_FLAG_SECRET)) != 0)
        continue;

      for (guint j = 0; j < rows->len && !used; j++)
        used = !is_blank (*PL_FIELD_PTR (g_ptr_array_index (rows, j), field, const char *));

      if (!used)
        g_error ("No %s in the example has a %s", type->label, field->name);
    }
}

static void
test_install (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 person_id = install (f->store);
  g_autoptr(PlPerson) person = pl_store_find_person_by_external_id (f->store, "DEMO-0001", &error);
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(PlSettings) settings = NULL;
  g_autoptr(PlWelcomePack) pack = NULL;
  g_autoptr(PlService) service = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GPtrArray) medicines = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  g_autoptr(GPtrArray) diary = NULL;
  g_autoptr(GPtrArray) complaints = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) all_sharing = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_sharing_free);
  g_autoptr(GPtrArray) all_events = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_complaint_event_free);
  gboolean kinds[PL_SECTION_N_KINDS] = { FALSE, };
  gboolean roles[PL_CONTACT_SERVICE + 1] = { FALSE, };
  gboolean outcomes_seen[PL_VISIT_CANCELLED + 1] = { FALSE, };
  gboolean coordinator_ok = FALSE;
  guint n_complaints = 0, n_compliments = 0;

  g_assert_no_error (error);
  g_assert_nonnull (person);
  g_assert_cmpint (person->id, ==, person_id);
  g_assert_cmpstr (person->preferred_name, !=, NULL);
  g_assert_null (person->pin_hash);

  /* Dot, Krystyna who reads in Polish (test_second_person) and Jordan who
   * reads in easy read (test_easy_read_person) */
  people = list_ok (f->store, &pl_person_type, 0);
  g_assert_cmpuint (people->len, ==, 3);
  assert_every_field_used (&pl_person_type, people);

  /* The service, with its commissioner and regulator (NG21 1.4.6) */
  service = pl_store_load_service (f->store, person->service_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (service->regulator_phone, ==, "03000 616161");
  {
    g_autoptr(GPtrArray) services = list_ok (f->store, &pl_service_type, 0);
    assert_every_field_used (&pl_service_type, services);
  }

  /* The welcome pack (NG21 1.2.1-1.2.6) */
  pack = pl_store_welcome_pack_for_person (f->store, person_id, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) packs = list_ok (f->store, &pl_welcome_pack_type, service->id);
    g_assert_cmpuint (packs->len, ==, 1);
    assert_every_field_used (&pl_welcome_pack_type, packs);
  }
  g_assert_nonnull (strstr (pack->funding, "direct payment"));
  g_assert_nonnull (strstr (pack->funding, "personal budget"));

  /* Recorded communication needs, coded (Accessible Information Standard) */
  needs = list_ok (f->store, &pl_comm_need_type, person_id);
  g_assert_cmpuint (needs->len, >=, 3);
  assert_every_field_used (&pl_comm_need_type, needs);
  for (guint i = 0; i < needs->len; i++)
    {
      const PlCommNeed *need = g_ptr_array_index (needs, i);

      g_assert_false (is_blank (need->code));
      for (const char *p = need->code; *p != '\0'; p++)
        g_assert_true (g_ascii_isdigit (*p));
    }

  settings = pl_store_get_settings (f->store, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (settings->id, >, 0);
  g_assert_cmpint (settings->text_size, >=, 24);   /* the 24 point need */
  {
    g_autoptr(GPtrArray) rows = list_ok (f->store, &pl_settings_type, person_id);
    g_autoptr(GPtrArray) carers = list_ok (f->store, &pl_carer_type, 0);

    /* Each setting is chosen by someone in the example, a person or a
     * carer (Krystyna's daughter-in-law reads her plan in English) */
    for (guint i = 0; i < carers->len; i++)
      g_ptr_array_extend_and_steal (rows, list_ok (f->store, &pl_carer_settings_type,
                                                   ((PlCarer *) carers->pdata[i])->id));
    assert_every_field_used (&pl_settings_type, rows);
  }

  /* Every kind of contact, and who may see what (NG86 1.1.14-1.1.15) */
  contacts = list_ok (f->store, &pl_contact_type, person_id);
  assert_every_field_used (&pl_contact_type, contacts);
  for (guint i = 0; i < contacts->len; i++)
    {
      const PlContact *contact = g_ptr_array_index (contacts, i);
      g_autoptr(GPtrArray) sharing = list_ok (f->store, &pl_sharing_type, contact->id);

      roles[contact->role] = TRUE;
      while (sharing->len > 0)
        g_ptr_array_add (all_sharing, g_ptr_array_steal_index (sharing, 0));
    }
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (!roles[i])
      g_error ("The example has no contact of role %s", pl_contact_role_nicks[i]);
  g_assert_cmpuint (all_sharing->len, >=, 6);

  /* The plan, agreed, with its coordinator (NG21 1.3.6) and review (1.3.25) */
  plan = pl_store_current_plan (f->store, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->status, ==, PL_PLAN_AGREED);
  g_assert_false (is_blank (plan->agreement));
  g_assert_false (is_blank (plan->next_review));
  for (guint i = 0; i < contacts->len; i++)
    {
      const PlContact *contact = g_ptr_array_index (contacts, i);

      if (contact->id == plan->coordinator_id)
        coordinator_ok = contact->role == PL_CONTACT_COORDINATOR;
    }
  g_assert_true (coordinator_ok);

  sections = list_ok (f->store, &pl_plan_section_type, plan->id);
  for (guint i = 0; i < sections->len; i++)
    {
      const PlPlanSection *section = g_ptr_array_index (sections, i);

      if (!is_blank (section->body))
        kinds[section->kind] = TRUE;
    }
  for (guint i = 0; i < PL_SECTION_N_KINDS; i++)
    if (!kinds[i])
      g_error ("The example plan has nothing in “%s”", pl_section_kind_nicks[i]);

  outcomes = list_ok (f->store, &pl_outcome_type, plan->id);
  g_assert_cmpuint (outcomes->len, >=, 3);
  assert_every_field_used (&pl_outcome_type, outcomes);

  visits = list_ok (f->store, &pl_visit_type, plan->id);
  g_assert_cmpuint (visits->len, >=, 7);
  assert_every_field_used (&pl_visit_type, visits);
  for (guint i = 0; i < visits->len; i++)
    {
      const PlVisit *visit = g_ptr_array_index (visits, i);

      /* NG21 1.4.2: no visits shorter than half an hour */
      g_assert_cmpint (visit->duration, >=, 30);
      g_assert_cmpint (visit->weekday, >=, 0);
      g_assert_cmpint (visit->weekday, <=, 7);
    }

  medicines = list_ok (f->store, &pl_medicine_type, plan->id);
  g_assert_cmpuint (medicines->len, >=, 4);
  g_assert_cmpuint (medicines->len, <=, 6);
  assert_every_field_used (&pl_medicine_type, medicines);
  for (guint i = 0; i < medicines->len; i++)
    {
      const PlMedicine *medicine = g_ptr_array_index (medicines, i);

      /* NG21 1.3.16: purpose, dose and timing, if missed, who to ask */
      g_assert_false (is_blank (medicine->purpose));
      g_assert_false (is_blank (medicine->dose));
      g_assert_false (is_blank (medicine->timing));
      g_assert_false (is_blank (medicine->if_missed));
      g_assert_false (is_blank (medicine->contact));
    }

  risks = list_ok (f->store, &pl_risk_type, plan->id);
  g_assert_cmpuint (risks->len, >=, 2);
  g_assert_cmpuint (risks->len, <=, 3);
  assert_every_field_used (&pl_risk_type, risks);

  /* The diary: several weeks, with late, missed and cancelled visits and
   * what was done about them (NG21 1.4.10-1.4.15) */
  diary = list_ok (f->store, &pl_diary_entry_type, person_id);
  g_assert_cmpuint (diary->len, >=, 40);
  assert_every_field_used (&pl_diary_entry_type, diary);
  for (guint i = 0; i < diary->len; i++)
    {
      const PlDiaryEntry *entry = g_ptr_array_index (diary, i);

      outcomes_seen[entry->outcome] = TRUE;
      if (entry->outcome == PL_VISIT_LATE || entry->outcome == PL_VISIT_MISSED)
        g_assert_false (is_blank (entry->action_taken));
      g_assert_cmpstr (entry->visit_date, <=, "2026-11-22");
    }
  for (guint i = 0; i < G_N_ELEMENTS (outcomes_seen); i++)
    if (!outcomes_seen[i])
      g_error ("The example diary has no visit that was %s", pl_visit_outcome_nicks[i]);

  /* One complaint in progress, with its timeline, and one compliment */
  complaints = list_ok (f->store, &pl_complaint_type, person_id);
  assert_every_field_used (&pl_complaint_type, complaints);
  for (guint i = 0; i < complaints->len; i++)
    {
      const PlComplaint *complaint = g_ptr_array_index (complaints, i);
      g_autoptr(GPtrArray) events = list_ok (f->store, &pl_complaint_event_type, complaint->id);

      if (complaint->kind == PL_FEEDBACK_COMPLAINT)
        {
          n_complaints++;
          g_assert_cmpint (complaint->status, !=, PL_COMPLAINT_CLOSED);
          g_assert_false (is_blank (complaint->response_due));
          g_assert_cmpuint (events->len, >=, 2);
        }
      else if (complaint->kind == PL_FEEDBACK_COMPLIMENT)
        n_compliments++;

      while (events->len > 0)
        g_ptr_array_add (all_events, g_ptr_array_steal_index (events, 0));
    }
  g_assert_cmpuint (n_complaints, ==, 1);
  g_assert_cmpuint (n_compliments, ==, 1);
  assert_every_field_used (&pl_complaint_event_type, all_events);

  /* Two staff accounts, with no password until someone sets one */
  staff = list_ok (f->store, &pl_staff_type, 0);
  g_assert_cmpuint (staff->len, ==, 2);
  for (guint i = 0; i < staff->len; i++)
    g_assert_null (((PlStaff *) g_ptr_array_index (staff, i))->password_hash);
}

/* What a person or worker adds to the example after it was made */
static void
add_to_example (PlStore *store,
                gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = pl_store_load_person (store, person_id, &error);
  g_autoptr(PlSettings) settings = NULL;
  g_autoptr(PlDiaryEntry) entry = pl_diary_entry_new ();

  g_assert_no_error (error);
  g_free (person->pin_hash);
  person->pin_hash = g_strdup ("$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA");
  g_assert_true (pl_store_save_person (store, person, &error));
  g_assert_no_error (error);

  settings = pl_store_get_settings (store, person_id, &error);
  g_assert_no_error (error);
  settings->text_size = 48;
  g_assert_true (pl_store_save_settings (store, settings, &error));
  g_assert_no_error (error);

  entry->person_id = person_id;
  entry->visit_date = g_strdup ("2026-02-03");
  entry->what_done = g_strdup ("Added after the example was made: a walk to the shop");
  g_assert_true (pl_store_save_diary_entry (store, entry, &error));
  g_assert_no_error (error);
}

static void
assert_still_added (PlStore *store,
                    gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = pl_store_load_person (store, person_id, &error);
  g_autoptr(PlSettings) settings = pl_store_get_settings (store, person_id, &error);
  g_autoptr(GPtrArray) found = pl_store_search_diary (store, person_id, "shop walk", 10, &error);

  g_assert_no_error (error);
  g_assert_nonnull (person->pin_hash);
  g_assert_cmpint (settings->text_size, ==, 48);
  g_assert_cmpuint (found->len, ==, 1);
}

/* The second example person speaks Polish: her plan was written with her
 * in Polish, whole, and she hears it in the Polish voice */
static void
test_second_person (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) dot = NULL;
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(PlSettings) settings = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GPtrArray) medicines = NULL;
  g_autoptr(GPtrArray) diary = NULL;
  gboolean kinds[PL_SECTION_N_KINDS] = { FALSE, };
  gboolean days[8] = { FALSE, };

  install (f->store);
  dot = pl_store_find_person_by_external_id (f->store, "DEMO-0001", &error);
  g_assert_no_error (error);
  person = pl_store_find_person_by_external_id (f->store, "DEMO-0002", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (person->full_name, ==, "Krystyna Kowalczyk");
  g_assert_cmpstr (person->preferred_language, ==, "pl");
  /* The same service as Dot's, not a second one of the same name */
  g_assert_cmpint (person->service_id, ==, dot->service_id);
  {
    g_autoptr(GPtrArray) services = list_ok (f->store, &pl_service_type, 0);

    g_assert_cmpuint (services->len, ==, 1);
  }

  settings = pl_store_get_settings (f->store, person->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (settings->voice, ==, "pl");

  plan = pl_store_current_plan (f->store, person->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->status, ==, PL_PLAN_AGREED);
  g_assert_nonnull (strstr (plan->agreement, "zgadzam się"));

  /* Every part written, in her words */
  sections = list_ok (f->store, &pl_plan_section_type, plan->id);
  for (guint i = 0; i < sections->len; i++)
    {
      const PlPlanSection *section = g_ptr_array_index (sections, i);

      if (!is_blank (section->body))
        kinds[section->kind] = TRUE;
    }
  for (guint i = 0; i < PL_SECTION_N_KINDS; i++)
    if (!kinds[i])
      g_error ("Krystyna's plan has nothing in “%s”", pl_section_kind_nicks[i]);

  /* Three visits a day, every day, none under half an hour (NG21 1.4.2) */
  visits = list_ok (f->store, &pl_visit_type, plan->id);
  g_assert_cmpuint (visits->len, ==, 21);
  for (guint i = 0; i < visits->len; i++)
    {
      const PlVisit *visit = g_ptr_array_index (visits, i);

      g_assert_cmpint (visit->duration, >=, 30);
      g_assert_cmpint (visit->weekday, >=, 1);
      g_assert_cmpint (visit->weekday, <=, 7);
      days[visit->weekday] = TRUE;
    }
  for (guint day = 1; day <= 7; day++)
    g_assert_true (days[day]);

  /* NG21 1.3.16 for each medicine */
  medicines = list_ok (f->store, &pl_medicine_type, plan->id);
  g_assert_cmpuint (medicines->len, ==, 3);
  for (guint i = 0; i < medicines->len; i++)
    {
      const PlMedicine *medicine = g_ptr_array_index (medicines, i);

      g_assert_false (is_blank (medicine->purpose));
      g_assert_false (is_blank (medicine->timing));
      g_assert_false (is_blank (medicine->if_missed));
      g_assert_false (is_blank (medicine->contact));
    }

  diary = list_ok (f->store, &pl_diary_entry_type, person->id);
  g_assert_cmpuint (diary->len, >=, 3);

  /* Her plan is kept in English too, every word of it, for Anna, who
   * reads it in English */
  {
    g_autoptr(GPtrArray) texts = pl_plan_translation_texts (f->store, person->id, &error);
    g_autoptr(GHashTable) english = pl_plan_translation_table (f->store, person->id, "en",
                                                               &error);
    g_autoptr(GPtrArray) carers = list_ok (f->store, &pl_carer_type, 0);
    const PlCarer *anna = NULL;
    g_autoptr(PlViewer) carer = NULL;
    g_autoptr(PlViewer) reading = NULL;
    g_autoptr(PlDocument) document = NULL;

    g_assert_no_error (error);
    for (guint i = 0; i < carers->len; i++)
      if (g_strcmp0 (((PlCarer *) carers->pdata[i])->name, "Anna Kowalczyk") == 0)
        anna = carers->pdata[i];
    g_assert_nonnull (anna);
    g_assert_cmpuint (texts->len, >, 50);
    g_assert_cmpuint (pl_plan_translation_count_done (texts, english), ==, texts->len);
    carer = pl_access_open_carer (f->store, anna->id, NULL, &error);
    g_assert_no_error (error);
    reading = pl_viewer_for_person (f->store, carer, person->id, &error);
    g_assert_no_error (error);
    document = pl_document_build_for (f->store, reading, PL_DOCUMENT_PLAN, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (pl_document_get_language (document), ==, "en");
    g_assert_cmpint (pl_document_find_anchor (document, "not-yet-translated"), <, 0);
    g_assert_nonnull (strstr (pl_document_get_block (document, 0)->text, "care and support plan"));
  }
}

/* Running demo again changes nothing at all: the same number, not one row
 * more (history included), and what was added to the example stays */
static void
test_idempotent (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) first = NULL;
  g_autoptr(GHashTable) second = NULL;
  g_autoptr(PlPerson) other = pl_person_new ();
  g_autofree char *done = NULL;
  gint64 before;
  gint64 after = 0;

  /* Someone already in the database is left alone */
  other->full_name = g_strdup ("Arthur Penhaligon");
  g_assert_true (pl_store_save_person (f->store, other, &error));
  g_assert_no_error (error);

  before = install (f->store);
  add_to_example (f->store, before);
  first = row_counts (f->store, TRUE);

  g_assert_true (pl_demo_install_full (f->store, PL_DEMO_INSTALL_DEFAULT, &after, &done, &error));
  g_assert_no_error (error);
  g_assert_cmpint (after, ==, before);
  g_assert_nonnull (strstr (done, "already here"));
  g_assert_nonnull (strstr (done, "Nothing was changed"));
  second = row_counts (f->store, TRUE);
  assert_same_counts (first, second);
  g_assert_cmpint (count (second, "people"), ==, 4);
  assert_still_added (f->store, before);

  /* A third time changes nothing either */
  g_assert_cmpint (install (f->store), ==, before);
  g_clear_pointer (&first, g_hash_table_unref);
  first = row_counts (f->store, TRUE);
  assert_same_counts (first, second);
}

/* The third example person reads in easy read: his recorded needs ask for
 * it, his plan opens in it, and parts of it were written in easy read with
 * him (NG86 1.1.5) */
static void
test_easy_read_person (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) dot = NULL;
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(PlSettings) settings = NULL;
  g_autoptr(PlSettings) from_needs = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) medicines = NULL;
  gboolean kinds[PL_SECTION_N_KINDS] = { FALSE, };
  guint n_easy_read = 0;

  install (f->store);
  dot = pl_store_find_person_by_external_id (f->store, "DEMO-0001", &error);
  g_assert_no_error (error);
  person = pl_store_find_person_by_external_id (f->store, "DEMO-0003", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (person->full_name, ==, "Jordan Lee Ellis");
  g_assert_cmpint (person->service_id, ==, dot->service_id);
  g_assert_true (pl_text_is_nhs_number (person->nhs_number));

  /* His needs alone would open his plan in easy read; his settings do */
  needs = list_ok (f->store, &pl_comm_need_type, person->id);
  from_needs = pl_settings_for_needs (person->id, needs);
  g_assert_true (from_needs->easy_read);
  settings = pl_store_get_settings (f->store, person->id, &error);
  g_assert_no_error (error);
  g_assert_true (settings->easy_read);
  g_assert_cmpint (settings->symbols, ==, PL_SYMBOLS_BESIDE);

  plan = pl_store_current_plan (f->store, person->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->status, ==, PL_PLAN_AGREED);

  /* Every part written, some in easy read with him, each line of those a
   * sentence of 15 words or fewer */
  sections = list_ok (f->store, &pl_plan_section_type, plan->id);
  for (guint i = 0; i < sections->len; i++)
    {
      const PlPlanSection *section = g_ptr_array_index (sections, i);

      if (!is_blank (section->body))
        kinds[section->kind] = TRUE;
      if (!is_blank (section->easy_read))
        {
          g_auto(GStrv) lines = g_strsplit (section->easy_read, "\n", -1);

          n_easy_read++;
          for (guint j = 0; lines[j] != NULL; j++)
            {
              g_auto(GStrv) words = g_strsplit (lines[j], " ", -1);

              g_assert_cmpuint (g_strv_length (words), <=, 15);
            }
        }
    }
  for (guint i = 0; i < PL_SECTION_N_KINDS; i++)
    if (!kinds[i])
      g_error ("Jordan's plan has nothing in “%s”", pl_section_kind_nicks[i]);
  g_assert_cmpuint (n_easy_read, ==, 3);

  medicines = list_ok (f->store, &pl_medicine_type, plan->id);
  g_assert_cmpuint (medicines->len, ==, 2);
  for (guint i = 0; i < medicines->len; i++)
    {
      const PlMedicine *medicine = g_ptr_array_index (medicines, i);

      g_assert_false (is_blank (medicine->purpose));
      g_assert_false (is_blank (medicine->if_missed));
    }
}

/* demo --reset: the example as shipped, having said all it removes; the
 * others in the database, and staff passwords, are left alone */
static void
test_reset (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) shipped = NULL;
  g_autoptr(GHashTable) reset = NULL;
  g_autoptr(PlPerson) other = pl_person_new ();
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(PlSettings) settings = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) staff_list = NULL;
  g_autoptr(PlStaff) staff = NULL;
  g_autoptr(PlStaff) reloaded = NULL;
  g_autofree char *done = NULL;
  g_autofree char *removes = NULL;
  gint64 before, after = 0;

  other->full_name = g_strdup ("Arthur Penhaligon");
  g_assert_true (pl_store_save_person (f->store, other, &error));
  g_assert_no_error (error);

  before = install (f->store);
  shipped = row_counts (f->store, FALSE);
  add_to_example (f->store, before);

  staff_list = list_ok (f->store, &pl_staff_type, 0);
  staff = pl_staff_copy (g_ptr_array_index (staff_list, 0));
  staff->password_hash = g_strdup ("$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA");
  g_assert_true (pl_store_save_staff (f->store, staff, &error));
  g_assert_no_error (error);

  /* It says first what it removes: the added diary entry among the
   * example's, the PIN, the settings, and their words in the history */
  g_assert_true (pl_demo_describe_reset (f->store, &removes, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (removes, "This removes the example person"));
  g_assert_nonnull (strstr (removes, "diary entries"));
  g_assert_nonnull (strstr (removes, "their PIN"));
  g_assert_nonnull (strstr (removes, "their own settings"));
  g_assert_nonnull (strstr (removes, "history"));

  g_assert_true (pl_demo_install_full (f->store, PL_DEMO_INSTALL_RESET, &after, &done, &error));
  g_assert_no_error (error);
  g_assert_cmpint (after, >, 0);
  g_assert_nonnull (strstr (done, "is ready"));

  /* The example as shipped: the same rows as a fresh install, nothing added kept */
  reset = row_counts (f->store, FALSE);
  assert_same_counts (shipped, reset);
  person = pl_store_load_person (f->store, after, &error);
  g_assert_no_error (error);
  g_assert_null (person->pin_hash);
  settings = pl_store_get_settings (f->store, after, &error);
  g_assert_no_error (error);
  g_assert_cmpint (settings->text_size, !=, 48);
  found = pl_store_search_diary (f->store, 0, "shop walk", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);

  /* Arthur and the staff password stay */
  g_clear_pointer (&person, pl_person_free);
  person = pl_store_load_person (f->store, other->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (person->full_name, ==, "Arthur Penhaligon");
  reloaded = pl_store_load_staff (f->store, staff->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reloaded->password_hash, ==, staff->password_hash);
}

static void
test_actor (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 person_id;

  pl_store_set_actor (f->store, "staff:1");
  person_id = install (f->store);
  g_assert_cmpstr (pl_store_get_actor (f->store), ==, "staff:1");

  history = pl_store_list_history (f->store, &pl_person_type, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >, 0);
  g_assert_cmpstr (((PlHistory *) g_ptr_array_index (history, 0))->actor, ==, PL_ACTOR_EXAMPLE);
}

/* Imports doc, expecting failure with a message that holds every one of words,
 * and checks that nothing at all changed */
static void
assert_import_fails (PlStore    *store,
                     const char         *doc,
                     const char * const  words[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) before = row_counts (store, TRUE);
  g_autoptr(GHashTable) after = NULL;
  gint64 person_id = -1;

  g_assert_false (pl_demo_import_json (store, doc, strlen (doc), &person_id, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (error->message, words[i]) == NULL)
      g_error ("“%s” does not mention “%s”", error->message, words[i]);
  g_assert_cmpint (person_id, ==, -1);

  after = row_counts (store, TRUE);
  assert_same_counts (before, after);
  g_assert_cmpstr (pl_store_get_actor (store), !=, "Example data");
}

#define SMALL_DOC(visit_member, role, extra)                                           \
  "{\n"                                                                                \
  "  \"service\": { \"name\": \"Small Service\", \"phone\": \"0161 496 0001\" },\n"      \
  "  \"welcome_pack\": { \"title\": \"Welcome\", \"introduction\": \"Hello.\" },\n"      \
  "  \"staff\": [ { \"username\": \"ajones\", \"display_name\": \"Alex Jones\",\n"       \
  "                 \"role\": \"coordinator\", \"password_hash\": null } ],\n"           \
  "  \"person\": {\n"                                                                  \
  "    \"external_id\": \"TEST-1\", \"full_name\": \"Zofia Wójcik\",\n"                 \
  "    \"settings\": { \"text_size\": 20, \"line_spacing\": 2, \"talking_buttons\": true },\n" \
  "    \"contacts\": [ { \"role\": \"" role "\", \"name\": \"Alex Jones\",\n"            \
  "                      \"may_see\": [ \"plan\", \"diary\" ] } ],\n"                   \
  "    \"plan\": { \"version\": 1, \"status\": \"agreed\", \"coordinator\": \"Alex Jones\",\n" \
  "      \"sections\": { \"please-do\": \"Knock twice.\" },\n"                           \
  "      \"visits\": [ { \"weekday\": 1, \"" visit_member "\": \"08:00\", \"duration\": 45 } ] },\n" \
  "    \"diary\": [ { \"visit_date\": \"2026-11-20\", \"outcome\": \"completed\" } ]"      \
  extra "\n"                                                                           \
  "  }\n"                                                                              \
  "}\n"

static void
test_small (Fixture       *f,
            gconstpointer  data)
{
  static const char doc[] = SMALL_DOC ("start_time", "coordinator", "");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(PlSettings) settings = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) sharing = NULL;
  g_autoptr(GHashTable) first = NULL;
  g_autoptr(GHashTable) second = NULL;
  gint64 person_id = 0;

  g_assert_true (pl_demo_import_json (f->store, doc, strlen (doc), &person_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (person_id, >, 0);

  plan = pl_store_current_plan (f->store, person_id, &error);
  g_assert_no_error (error);
  contacts = list_ok (f->store, &pl_contact_type, person_id);
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_cmpint (plan->coordinator_id, ==, ((PlContact *) g_ptr_array_index (contacts, 0))->id);
  /* Lists keep the order of the data */
  g_assert_cmpint (((PlContact *) g_ptr_array_index (contacts, 0))->position, ==, 1);

  sharing = list_ok (f->store, &pl_sharing_type, plan->coordinator_id);
  g_assert_cmpuint (sharing->len, ==, 2);

  visits = list_ok (f->store, &pl_visit_type, plan->id);
  g_assert_cmpuint (visits->len, ==, 1);
  g_assert_cmpstr (((PlVisit *) g_ptr_array_index (visits, 0))->start_time, ==, "08:00");

  /* What the data leaves out of the settings keeps its default */
  settings = pl_store_get_settings (f->store, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (settings->text_size, ==, 20);
  g_assert_cmpfloat (settings->line_spacing, ==, 2.0);
  g_assert_true (settings->talking_buttons);
  g_assert_cmpint (settings->speech_rate, >, 0);

  /* Importing the same document again refreshes rather than adds */
  first = row_counts (f->store, FALSE);
  g_assert_true (pl_demo_import_json (f->store, doc, strlen (doc), &person_id, &error));
  g_assert_no_error (error);
  second = row_counts (f->store, FALSE);
  assert_same_counts (first, second);
}

static void
test_unknown_member (Fixture       *f,
                     gconstpointer  data)
{
  static const char doc[] = SMALL_DOC ("strat_time", "coordinator", "");
  const char *words[] = { "strat_time", "person.plan.visits[0]", "visit", NULL };

  install (f->store);
  assert_import_fails (f->store, doc, words);
}

static void
test_bad_nick (Fixture       *f,
               gconstpointer  data)
{
  static const char doc[] = SMALL_DOC ("start_time", "cousin", "");
  const char *words[] = { "cousin", "role", "person.contacts[0]", NULL };

  install (f->store);
  assert_import_fails (f->store, doc, words);
}

static void
test_bad_documents (Fixture       *f,
                    gconstpointer  data)
{
  static const struct
  {
    const char *doc;
    const char *words[3];
  } cases[] = {
    { "{ \"persn\": {} }", { "persn", NULL } },
    { "{ \"person\": { \"full_name\": \"A\", \"id\": 7 } }", { "“id”", "person", NULL } },
    { "{ \"person\": { \"full_name\": \"A\", \"service_id\": 1 } }", { "service_id", NULL } },
    { "{ \"person\": { \"full_name\": \"A\", \"pin_hash\": \"1234\" } }", { "pin_hash", NULL } },
    { "{ \"person\": { \"full_name\": 12 } }", { "full_name", NULL } },
    { "{ \"person\": { \"full_name\": \"\" } }", { "person", "full name", NULL } },
    { "{ \"person\": { \"full_name\": \"A\", \"plan\": { \"coordinator\": \"Nobody\" } } }",
      { "Nobody", "person.plan", NULL } },
    { "{ \"person\": { \"full_name\": \"A\", \"plan\": { \"sections\": { \"wishes\": \"x\" } } } }",
      { "wishes", "person.plan.sections.wishes", NULL } },
    { "{ \"person\": { \"full_name\": \"A\", \"contacts\": [ { \"role\": \"gp\", \"name\": \"B\","
      " \"may_see\": [ \"everything\" ] } ] } }", { "everything", "may_see[0]", NULL } },
    { "{ \"person\": { \"full_name\": \"A\", \"settings\": { \"text_size\": \"big\" } } }",
      { "text_size", NULL } },
    { "{ \"person\": { \"full_name\": \"A\", \"diary\": {} } }", { "person.diary", NULL } },
    { "{ \"welcome_pack\": { \"title\": \"Welcome\" } }", { "welcome pack", NULL } },
    { "{ \"person\": ", { NULL } },
    { "[]", { NULL } },
  };

  install (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_import_fails (f->store, cases[i].doc, cases[i].words);
}

/* JSON nested 100,000 deep is refused in plain words, before json-glib
 * (which recurses once a level) reads it; nothing is changed */
static void
test_deep_nesting (Fixture       *f,
                   gconstpointer  data)
{
  const gsize depth = 100000;
  g_autoptr(GString) json = g_string_new ("{\"person\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) before = row_counts (f->store, TRUE);
  g_autoptr(GHashTable) after = NULL;
  gint64 person_id = 0;

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (json, i % 2 == 0 ? '[' : '{');
  for (gsize i = depth; i > 0; i--)
    g_string_append_c (json, (i - 1) % 2 == 0 ? ']' : '}');
  g_string_append_c (json, '}');

  g_assert_false (pl_demo_import_json (f->store, json->str, json->len, &person_id, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "nested"));
  after = row_counts (f->store, TRUE);
  assert_same_counts (before, after);

  /* Brackets inside strings are words, not nesting */
  g_clear_error (&error);
  g_string_assign (json, "{\"person\": {\"full_name\": \"");
  for (gsize i = 0; i < 1000; i++)
    g_string_append (json, "[{");
  g_string_append (json, "\\\"\", \"external_id\": \"DEEP-1\"}}");
  g_assert_true (pl_json_check_depth (json->str, -1, PL_JSON_MAX_DEPTH, &error));
  g_assert_no_error (error);
  g_assert_true (pl_demo_import_json (f->store, json->str, json->len, &person_id, &error));
  g_assert_no_error (error);

  /* A saved snapshot read back goes through the same limit */
  g_string_truncate (json, 0);
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (json, '[');
  {
    g_autoptr(PlPerson) person = pl_person_new ();

    g_assert_false (pl_record_set_from_json (&pl_person_type, person, json->str, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/plainly/demo/install", test_install);
  ADD ("/plainly/demo/second-person", test_second_person);
  ADD ("/plainly/demo/easy-read-person", test_easy_read_person);
  ADD ("/plainly/demo/reset", test_reset);
  ADD ("/plainly/demo/deep-nesting", test_deep_nesting);
  ADD ("/plainly/demo/idempotent", test_idempotent);
  ADD ("/plainly/demo/actor", test_actor);
  ADD ("/plainly/demo/small", test_small);
  ADD ("/plainly/demo/unknown-member", test_unknown_member);
  ADD ("/plainly/demo/bad-nick", test_bad_nick);
  ADD ("/plainly/demo/bad-documents", test_bad_documents);
#undef ADD

  return g_test_run ();
}
