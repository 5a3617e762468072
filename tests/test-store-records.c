/* test-store-records.c: saving, reading, finding and deleting records,
 * carers included
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-pronunciation.h"
#include "pl-store-test.h"

static void
test_round_trip (PlStoreFixture *f,
                 gconstpointer   data)
{
  g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(PlMedicine) med = pl_medicine_new ();
  g_autoptr(PlMedicine) loaded = NULL;
  g_autoptr(PlSettings) settings = NULL;
  g_autoptr(GPtrArray) meds = NULL;
  g_autoptr(GError) error = NULL;
  gint64 person_id = pl_store_test_add_person (store, "Gwenllian Siân Llŷr", "Gwen");

  plan->person_id = person_id;
  plan->version = 1;
  plan->status = PL_PLAN_AGREED;
  plan->start_date = g_strdup ("2026-10-19");
  g_assert_true (pl_store_save_plan (store, plan, &error));
  g_assert_no_error (error);
  g_assert_nonnull (plan->created_at);

  med->plan_id = plan->id;
  med->name = g_strdup ("Paracetamol 500 mg — “as needed” 🙂");
  med->purpose = g_strdup ("Ar gyfer poen; للألم; na ból");
  med->dose = g_strdup ("Two tablets");
  g_assert_true (pl_store_save_medicine (store, med, &error));
  g_assert_no_error (error);

  loaded = pl_store_load_medicine (store, med->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, med->name);
  g_assert_cmpstr (loaded->purpose, ==, med->purpose);
  g_assert_null (loaded->timing);
  g_assert_cmpint (loaded->plan_id, ==, plan->id);

  meds = pl_store_list_medicines (store, plan->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meds->len, ==, 1);

  /* No settings saved: the defaults, with 1.5 line spacing (WCAG 1.4.12) */
  settings = pl_store_get_settings (store, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (settings->id, ==, 0);
  g_assert_cmpfloat (settings->line_spacing, >=, 1.5);
  settings->text_size = 24;
  g_assert_true (pl_store_save_settings (store, settings, &error));
  g_clear_pointer (&settings, pl_settings_free);
  settings = pl_store_get_settings (store, person_id, &error);
  g_assert_cmpint (settings->text_size, ==, 24);
  g_assert_cmpint (settings->id, >, 0);
}

static void
test_validation (PlStoreFixture *f,
                 gconstpointer   data)
{
  g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
  g_autoptr(PlPerson) person = pl_person_new ();
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  person->full_name = g_strdup ("   ");
  g_assert_false (pl_store_save_person (store, person, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "full name"));
  g_clear_error (&error);

  g_free (person->full_name);
  person->full_name = g_strdup ("Bad \xff\xfe bytes");
  g_assert_false (pl_store_save_person (store, person, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  people = pl_store_list_people (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 0);
}

static void
test_transaction_rollback (PlStoreFixture *f,
                           gconstpointer   data)
{
  g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
  g_autoptr(PlPerson) person = pl_person_new ();
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_store_begin (store, &error));
  person->full_name = g_strdup ("Not kept");
  g_assert_true (pl_store_save_person (store, person, &error));
  pl_store_rollback (store);

  people = pl_store_list_people (store, 0, &error);
  g_assert_cmpuint (people->len, ==, 0);
  g_clear_pointer (&people, g_ptr_array_unref);

  /* Nested: the inner rollback keeps what the outer one saved */
  g_assert_true (pl_store_begin (store, &error));
  pl_store_test_add_person (store, "Kept", NULL);
  g_assert_true (pl_store_begin (store, &error));
  pl_store_test_add_person (store, "Not kept either", NULL);
  pl_store_rollback (store);
  g_assert_true (pl_store_commit (store, &error));
  people = pl_store_list_people (store, 0, &error);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (((PlPerson *) people->pdata[0])->full_name, ==, "Kept");
}

static void
test_find_person (PlStoreFixture *f,
                  gconstpointer   data)
{
  g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
  g_autoptr(PlPerson) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_text = NULL;
  gint64 id = pl_store_test_add_person (store, "Władysław Zażółć", "Władek");

  pl_store_test_add_person (store, "John Smith", "John");
  pl_store_test_add_person (store, "John Brown", "John");

  found = pl_store_find_person (store, "władek", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, id);
  g_clear_pointer (&found, pl_person_free);

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  found = pl_store_find_person (store, id_text, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, id);

  g_assert_null (pl_store_find_person (store, "John", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (pl_store_find_person (store, "Nobody", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Nobody"));
}

static void
test_find_by_reference (PlStoreFixture *f,
                        gconstpointer   data)
{
  g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
  g_autoptr(PlPerson) person = pl_person_new ();
  g_autoptr(PlComplaint) complaint = pl_complaint_new ();
  g_autoptr(PlPerson) found = NULL;
  g_autoptr(PlComplaint) found_complaint = NULL;
  g_autoptr(GError) error = NULL;

  person->full_name = g_strdup ("Eleri Morgan");
  person->external_id = g_strdup ("CB-20417");
  g_assert_true (pl_store_save_person (store, person, &error));
  complaint->person_id = person->id;
  complaint->reference = g_strdup ("C-2026-0042");
  complaint->status = PL_COMPLAINT_RECEIVED;
  g_assert_true (pl_store_save_complaint (store, complaint, &error));
  g_assert_no_error (error);

  found = pl_store_find_person_by_external_id (store, "CB-20417", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, person->id);
  found_complaint = pl_store_find_complaint (store, "C-2026-0042", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found_complaint->id, ==, complaint->id);

  g_assert_null (pl_store_find_complaint (store, "C-1999-0001", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "C-1999-0001"));
  g_clear_error (&error);
  g_assert_null (pl_store_find_person_by_external_id (store, "CB-0", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
}

static void
test_cascade (PlStoreFixture *f,
              gconstpointer   data)
{
  g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(PlContact) contact = pl_contact_new ();
  g_autoptr(PlSharing) sharing = pl_sharing_new ();
  g_autoptr(PlStoreReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = pl_store_test_add_person (store, "Arthur Dent", NULL);

  plan->person_id = id;
  plan->version = 1;
  g_assert_true (pl_store_save_plan (store, plan, &error));
  contact->person_id = id;
  contact->role = PL_CONTACT_COORDINATOR;
  contact->name = g_strdup ("Sam Patel");
  g_assert_true (pl_store_save_contact (store, contact, &error));
  sharing->contact_id = contact->id;
  sharing->scope = PL_SCOPE_DIARY;
  g_assert_true (pl_store_save_sharing (store, sharing, &error));
  plan->coordinator_id = contact->id;
  g_assert_true (pl_store_save_plan (store, plan, &error));
  g_assert_no_error (error);

  g_assert_true (pl_store_delete_person_all (store, id, &error));
  g_assert_no_error (error);

  report = pl_store_check (store, &error);
  g_assert_no_error (error);
  g_assert_true (report->integrity_ok);
  g_assert_true (report->foreign_keys_ok);
  for (guint i = 0; i < report->table_names->len; i++)
    if (!g_str_equal (report->table_names->pdata[i], "history"))
      g_assert_cmpint (g_array_index (report->row_counts, gint64, i), ==, 0);
}

static void
test_diary_search (PlStoreFixture *f,
                   gconstpointer   data)
{
  g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = pl_store_test_add_person (store, "Eira Hughes", "Eira");
  gint64 other = pl_store_test_add_person (store, "Tom Hughes", "Tom");
  const char *notes[] = {
    "Helped Eira with a shower and made porridge",
    "Made a café au lait; Eira enjoyed the crossword",
    "Changed the bed and put a wash on",
    "Porridge again, with honey",
  };

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autoptr(PlDiaryEntry) e = pl_diary_entry_new ();

      e->person_id = i == 3 ? other : id;
      e->visit_date = g_strdup_printf ("2026-11-%02u", 10 + i);
      e->planned_time = g_strdup ("08:00");
      e->what_done = g_strdup (notes[i]);
      g_assert_true (pl_store_save_diary_entry (store, e, &error));
      g_assert_no_error (error);
    }

  found = pl_store_search_diary (store, 0, "porridge", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = pl_store_search_diary (store, id, "porridge", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Accents are not needed to find a word, and a prefix finds it too */
  found = pl_store_search_diary (store, id, "cafe", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = pl_store_search_diary (store, id, "crossw", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Query syntax typed by a person is taken as words, not as commands */
  found = pl_store_search_diary (store, 0, "\"porridge OR NOT) *", 10, &error);
  g_assert_no_error (error);
  g_clear_pointer (&found, g_ptr_array_unref);

  recent = pl_store_recent_diary (store, id, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, ==, 2);
  g_assert_cmpstr (((PlDiaryEntry *) recent->pdata[0])->visit_date, ==, "2026-11-12");
}

static gint64
add_contact (PlStore       *store,
             gint64         person_id,
             const char    *name,
             PlSharingScope first_scope,
             ...)
{
  g_autoptr(PlContact) contact = pl_contact_new ();
  g_autoptr(GError) error = NULL;
  va_list args;

  contact->person_id = person_id;
  contact->role = PL_CONTACT_FAMILY;
  contact->name = g_strdup (name);
  g_assert_true (pl_store_save_contact (store, contact, &error));
  g_assert_no_error (error);

  va_start (args, first_scope);
  for (int scope = first_scope; scope >= 0; scope = va_arg (args, int))
    {
      g_autoptr(PlSharing) sharing = pl_sharing_new ();

      sharing->contact_id = contact->id;
      sharing->scope = scope;
      g_assert_true (pl_store_save_sharing (store, sharing, &error));
      g_assert_no_error (error);
    }
  va_end (args);

  return contact->id;
}

static void
link_carer (PlStore *store,
            gint64   carer_id,
            gint64   contact_id)
{
  g_autoptr(PlCarerLink) link = pl_carer_link_new ();
  g_autoptr(GError) error = NULL;

  link->carer_id = carer_id;
  link->contact_id = contact_id;
  g_assert_true (pl_store_save_carer_link (store, link, &error));
  g_assert_no_error (error);
}

/* A carer sees only the people they support, and of each only what that
 * person agreed to share with them (NG86 1.1.14-1.1.15) */
static void
test_carers (PlStoreFixture *f,
             gconstpointer   data)
{
  g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
  g_autoptr(PlCarer) carer = pl_carer_new ();
  g_autoptr(PlCarer) other = pl_carer_new ();
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(PlSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ada = pl_store_test_add_person (store, "Ada Jones", NULL);
  gint64 ben = pl_store_test_add_person (store, "Benjamin Cole", "Ben");
  gint64 cat = pl_store_test_add_person (store, "Catrin Hughes", NULL);
  guint scopes = 99;

  carer->name = g_strdup ("Mair Hughes");
  g_assert_true (pl_store_save_carer (store, carer, &error));
  other->name = g_strdup ("Owen Price");
  g_assert_true (pl_store_save_carer (store, other, &error));
  g_assert_no_error (error);

  link_carer (store, carer->id, add_contact (store, ada, "Mair Hughes",
                                             PL_SCOPE_PLAN, PL_SCOPE_DIARY, -1));
  link_carer (store, carer->id, add_contact (store, cat, "Mair Hughes",
                                             PL_SCOPE_PLAN, PL_SCOPE_MEDICINES,
                                             PL_SCOPE_MONEY, -1));
  /* Ben's contact for Mair exists, but she has no profile link to it */
  add_contact (store, ben, "Mair Hughes", PL_SCOPE_PLAN, -1);

  people = pl_store_carer_people (store, carer->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpstr (((PlPerson *) people->pdata[0])->full_name, ==, "Ada Jones");
  g_assert_cmpstr (((PlPerson *) people->pdata[1])->full_name, ==, "Catrin Hughes");

  g_assert_true (pl_store_carer_scopes (store, carer->id, ada, &scopes, &error));
  g_assert_cmpuint (scopes, ==, PL_SCOPE_BIT (PL_SCOPE_PLAN) | PL_SCOPE_BIT (PL_SCOPE_DIARY));
  g_assert_true (pl_store_carer_scopes (store, carer->id, cat, &scopes, &error));
  g_assert_cmpuint (scopes, ==, PL_SCOPE_BIT (PL_SCOPE_PLAN) | PL_SCOPE_BIT (PL_SCOPE_MEDICINES) |
                                PL_SCOPE_BIT (PL_SCOPE_MONEY));
  g_assert_true (pl_store_carer_scopes (store, carer->id, ben, &scopes, &error));
  g_assert_cmpuint (scopes, ==, 0);
  g_assert_true (pl_store_carer_scopes (store, other->id, ada, &scopes, &error));
  g_assert_cmpuint (scopes, ==, 0);
  g_assert_no_error (error);

  g_clear_pointer (&people, g_ptr_array_unref);
  people = pl_store_carer_people (store, other->id, &error);
  g_assert_cmpuint (people->len, ==, 0);

  /* Their own display settings, defaults until saved */
  settings = pl_store_get_carer_settings (store, carer->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (settings->id, ==, 0);
  settings->text_size = 24;
  settings->theme = (g_free (settings->theme), g_strdup ("cream"));
  g_assert_true (pl_store_save_carer_settings (store, settings, &error));
  g_assert_no_error (error);
  g_clear_pointer (&settings, pl_settings_free);
  settings = pl_store_get_carer_settings (store, carer->id, &error);
  g_assert_cmpint (settings->text_size, ==, 24);
  g_assert_cmpstr (settings->theme, ==, "cream");
  g_clear_pointer (&settings, pl_settings_free);
  /* and not the person's with the same id */
  settings = pl_store_get_settings (store, carer->id, &error);
  g_assert_cmpint (settings->text_size, !=, 24);

  /* Removing the person removes the carer's way to them */
  g_assert_true (pl_store_delete_person (store, ada, &error));
  g_assert_no_error (error);
  g_clear_pointer (&people, g_ptr_array_unref);
  people = pl_store_carer_people (store, carer->id, &error);
  g_assert_cmpuint (people->len, ==, 1);
}

static gint64
add_service (PlStore *store)
{
  g_autoptr(PlService) service = pl_service_new ();
  g_autoptr(GError) error = NULL;

  service->name = g_strdup ("Castlebridge Home Care");
  g_assert_true (pl_store_save_service (store, service, &error));
  g_assert_no_error (error);
  return service->id;
}

static PlPronunciation *
pronunciation (gint64      service_id,
               gint64      person_id,
               const char *written,
               const char *said,
               const char *language)
{
  PlPronunciation *entry = pl_pronunciation_new ();

  entry->service_id = service_id;
  entry->person_id = person_id;
  entry->written = g_strdup (written);
  entry->said = g_strdup (said);
  entry->language = g_strdup (language);
  return entry;
}

/* How a word is said: kept, listed by its written form, the person's
 * before the service's */
static void
test_pronunciations (PlStoreFixture *f,
                     gconstpointer   data)
{
  g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
  gint64 service_id = add_service (store);
  gint64 id = pl_store_test_add_person (store, "Ada Whitaker", "Ada");
  gint64 other = pl_store_test_add_person (store, "Bea Smith", NULL);
  g_autoptr(PlPerson) person = pl_store_load_person (store, id, NULL);
  g_autoptr(PlPronunciation) metformin = pronunciation (service_id, 0, "Metformin",
                                                        "[[mEtf'o@mIn]]", "en-GB");
  g_autoptr(PlPronunciation) castle = pronunciation (service_id, 0, "Castlebridge",
                                                     "Cassle-bridge", "en-GB");
  g_autoptr(PlPronunciation) whitaker = pronunciation (0, id, "Whitaker", "Whit-acker", "en-GB");
  g_autoptr(PlPronunciation) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  person->service_id = service_id;
  g_assert_true (pl_store_save_person (store, person, &error));
  g_assert_true (pl_pronunciation_save (store, metformin, &error));
  g_assert_true (pl_pronunciation_save (store, castle, &error));
  g_assert_true (pl_pronunciation_save (store, whitaker, &error));
  g_assert_no_error (error);

  loaded = pl_store_load_pronunciation (store, metformin->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->written, ==, "Metformin");
  g_assert_cmpstr (loaded->said, ==, "[[mEtf'o@mIn]]");
  g_assert_cmpstr (loaded->language, ==, "en-GB");
  g_assert_cmpint (loaded->service_id, ==, service_id);
  g_assert_cmpint (loaded->person_id, ==, 0);
  g_assert_nonnull (loaded->created_at);

  list = pl_pronunciation_list_for_service (store, service_id, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((PlPronunciation *) list->pdata[0])->written, ==, "Castlebridge");
  g_assert_cmpstr (((PlPronunciation *) list->pdata[1])->written, ==, "Metformin");
  g_clear_pointer (&list, g_ptr_array_unref);

  list = pl_pronunciation_list_for_person (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (((PlPronunciation *) list->pdata[0])->written, ==, "Whitaker");
  g_assert_cmpstr (((PlPronunciation *) list->pdata[1])->written, ==, "Castlebridge");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Someone of no service has their own alone; another person has none */
  list = pl_pronunciation_list_for_person (store, other, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Deleted with the person */
  g_assert_true (pl_store_delete_person_all (store, id, &error));
  g_assert_no_error (error);
  g_assert_null (pl_store_load_pronunciation (store, whitaker->id, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = pl_pronunciation_list_for_service (store, service_id, &error);
  g_assert_cmpuint (list->len, ==, 2);
}

/* What cannot be said, or belongs nowhere, is refused in plain words */
static void
test_pronunciation_validation (PlStoreFixture *f,
                               gconstpointer   data)
{
  g_autoptr(PlStore) store = pl_store_test_open_ok (f->path);
  gint64 service_id = add_service (store);
  gint64 id = pl_store_test_add_person (store, "Ada Whitaker", NULL);
  static const struct
  {
    const char *written;
    const char *said;
    const char *language;
    const char *words;   /* in the message */
  } refused[] = {
    { "Whitaker", "", "en-GB", "needs a spoken form" },
    { "", "Whit-acker", "en-GB", "needs a written form" },
    { "Whitaker", "<break/>", "en-GB", "double brackets" },
    { "Whitaker", "[[w'ItAk@]] and more", "en-GB", "double brackets" },
    { "Whitaker", "[[w'It<Ak@]]", "en-GB", "double brackets" },
    { "Whitaker", "[[]]", "en-GB", "double brackets" },
    { "[[Whitaker]]", "Whit-acker", "en-GB", "no brackets" },
    { " Whitaker", "Whit-acker", "en-GB", "no brackets" },
    { "123", "one two three", "en-GB", "no brackets" },
    { "Whitaker", "Whit-acker", "English please", "language" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(PlPronunciation) entry = pronunciation (0, id, refused[i].written, refused[i].said,
                                                        refused[i].language);
      g_autoptr(GError) error = NULL;

      g_assert_false (pl_pronunciation_save (store, entry, &error));
      g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
      if (strstr (error->message, refused[i].words) == NULL)
        g_error ("“%s” as “%s”: %s", refused[i].written, refused[i].said, error->message);
    }

  {
    g_autoptr(PlPronunciation) both = pronunciation (service_id, id, "Whitaker", "Whit-acker", "en");
    g_autoptr(PlPronunciation) neither = pronunciation (0, 0, "Whitaker", "Whit-acker", "en");
    g_autoptr(PlPronunciation) first = pronunciation (0, id, "Whitaker", "Whit-acker", "en-GB");
    g_autoptr(PlPronunciation) again = pronunciation (0, id, "WHITAKER", "Witt-acre", "en");
    g_autoptr(PlPronunciation) welsh = pronunciation (0, id, "Whitaker", "Wit-acyr", "cy");
    g_autoptr(PlPronunciation) service = pronunciation (service_id, 0, "Whitaker", "Whitt-aker", "en");
    g_autoptr(GError) error = NULL;

    g_assert_false (pl_pronunciation_save (store, both, &error));
    g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (pl_pronunciation_save (store, neither, &error));
    g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
    g_clear_error (&error);

    g_assert_true (pl_pronunciation_save (store, first, &error));
    /* One entry for the same words, language and scope: change that one */
    g_assert_false (pl_pronunciation_save (store, again, &error));
    g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "already has a pronunciation"));
    g_clear_error (&error);
    /* Another language, or the service's, is another entry */
    g_assert_true (pl_pronunciation_save (store, welsh, &error));
    g_assert_true (pl_pronunciation_save (store, service, &error));
    /* Changing an entry is not a second one */
    g_free (first->said);
    first->said = g_strdup ("Witt-acker");
    g_assert_true (pl_pronunciation_save (store, first, &error));
    g_assert_no_error (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  PL_STORE_TEST_ADD ("/plainly/store/round-trip", test_round_trip);
  PL_STORE_TEST_ADD ("/plainly/store/validation", test_validation);
  PL_STORE_TEST_ADD ("/plainly/store/transaction-rollback", test_transaction_rollback);
  PL_STORE_TEST_ADD ("/plainly/store/find-person", test_find_person);
  PL_STORE_TEST_ADD ("/plainly/store/find-by-reference", test_find_by_reference);
  PL_STORE_TEST_ADD ("/plainly/store/cascade", test_cascade);
  PL_STORE_TEST_ADD ("/plainly/store/diary-search", test_diary_search);
  PL_STORE_TEST_ADD ("/plainly/store/carers", test_carers);
  PL_STORE_TEST_ADD ("/plainly/store/pronunciations", test_pronunciations);
  PL_STORE_TEST_ADD ("/plainly/store/pronunciation-validation", test_pronunciation_validation);

  return g_test_run ();
}
