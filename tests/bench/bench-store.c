/* bench-store.c: how Plainly's store copes with a care home's worth of records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-store [--db FILE] [--people N] [--years N] [--runs N] [--regenerate]
 *
 * Builds (once, then reuses) a database the size of a care home's: 200
 * people, each with a full plan and ten years of diary at three visits a day,
 * about 2.2 million entries. Then, in a fresh process so the building does
 * not count towards memory, it times what a person waits for: opening their
 * plan with the latest diary entries, saving a diary entry to disk, and
 * searching every diary entry. It prints medians and the targets, and never
 * fails on time.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "pl-document.h"
#include "pl-store.h"
#include "pl-bench-util.h"

#define TARGET_MS 20.0
#define TARGET_MB 64.0
#define VISITS_A_DAY 3
#define RECENT_ENTRIES 50
#define SEARCH_LIMIT 50
/* Raise when the generator changes, so an old cached file is not reused */
#define DATA_VERSION 1

static char *db_path;
static int n_people = 200;
static int n_years = 10;
static int n_runs = 21;
static gboolean regenerate;
static gboolean measure;

static const GOptionEntry entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "Database to build or reuse (default: beside this program)", "FILE" },
  { "people", 0, 0, G_OPTION_ARG_INT, &n_people, "People in the care home (200)", "N" },
  { "years", 0, 0, G_OPTION_ARG_INT, &n_years, "Years of diary for each person (10)", "N" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Times each step is timed (21)", "N" },
  { "regenerate", 0, 0, G_OPTION_ARG_NONE, &regenerate, "Build the database again even if it exists", NULL },
  { "measure", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &measure, "Only measure (the second process)", NULL },
  { NULL }
};

/* Word lists: enough variety that the full-text index is the size a real
 * diary's would be */
static const char * const first_names[] = {
  "Margaret", "Arthur", "Joan", "Dennis", "Iris", "Ron", "Dorothy", "Stanley",
  "Gwen", "Eric", "Nasreen", "Tadeusz", "Bronwen", "Winston", "Agnieszka",
  "Kwame", "Eileen", "Harold", "Parveen", "Siân", "Bernard", "Mavis", "Desmond",
  "Olive", "Gurdev", "Maureen", "Clifford", "Hyacinth", "Wojciech", "Edna",
};

static const char * const surnames[] = {
  "Hughes", "Patel", "Okafor", "Jones", "Kowalski", "Smith", "Begum", "Evans",
  "O'Brien", "Campbell", "Nowak", "Singh", "Williams", "Thomas", "Ahmed",
  "Roberts", "Mensah", "Clarke", "Davies", "Murphy", "Chaudhry", "Wright",
};

static const char * const workers[] = {
  "Amina", "Ben", "Chloe", "Dariusz", "Efua", "Fran", "Gareth", "Hannah",
  "Imran", "Jade", "Kofi", "Lowri", "Marek", "Niamh", "Olu", "Priya",
};

static const char * const morning_tasks[] = {
  "Helped me to wash and dress",
  "Supported a shower and helped dry my back and feet",
  "Made porridge with honey and a cup of tea",
  "Made toast and marmalade",
  "Prompted my morning tablets from the blister pack",
  "Put my hearing aids in and checked the batteries",
  "Helped me with my compression stockings",
  "Opened the curtains and put the radio on",
  "Emptied the commode and cleaned it",
  "Changed the bed and put the washing on",
  "Applied cream to my legs as the nurse asked",
  "Helped me choose clothes for the day centre",
};

static const char * const lunch_tasks[] = {
  "Heated the soup my daughter left and made a sandwich",
  "Made a jacket potato with beans and cheese",
  "Warmed a ready meal and cut it up",
  "Prompted lunchtime tablets",
  "Walked with me to the post box and back",
  "Helped me phone the surgery about my repeat prescription",
  "Sorted the post and read a letter to me",
  "Washed up and wiped the kitchen",
  "Filled the water jug and left it within reach",
  "Helped me to the toilet and changed my pad",
  "Did a little shopping list with me for Friday",
  "Watered the tomatoes in the greenhouse",
};

static const char * const evening_tasks[] = {
  "Made scrambled eggs for tea",
  "Warmed the fish pie from the freezer",
  "Prompted evening tablets and eye drops",
  "Helped me into my nightclothes",
  "Locked the back door and checked the windows",
  "Left a flask of tea and biscuits by the bed",
  "Helped me wash my face and clean my teeth",
  "Checked the pendant alarm was on my wrist",
  "Put the heating up a little as it was cold",
  "Closed the curtains and put the lamp on",
  "Helped me to bed and made sure I was comfortable",
  "Charged my phone and left it by the bed",
};

static const char * const moods[] = {
  "I was cheerful and chatty.",
  "I was tired and a bit quiet today.",
  "I was in good spirits after my grandson rang.",
  "I said my knees were aching more than usual.",
  "I was a little confused about the day but settled with a chat.",
  "I enjoyed talking about the garden.",
  "I felt low and missed my wife; we talked about her for a while.",
  "I ate all my meal and asked for pudding.",
  "I only ate half of my meal and said I was not hungry.",
  "I was worried about a bill; we put it aside for my son.",
  "I was pleased the sun was out.",
  "I said I slept badly because of the wind.",
  "I was laughing about the quiz on the radio.",
  "I was breathless on the stairs but fine sitting down.",
};

static const char * const follow_ups[] = {
  "Running low on milk and bread: told the office.",
  "Redness on my left heel: please check tomorrow and tell the district nurse if worse.",
  "My daughter asked for a call about the hospital appointment on Tuesday.",
  "Only four tablets left in the blister pack: pharmacy to be rung.",
  "The hearing aid battery is flat: spare ones are in the kitchen drawer.",
  "I had a small fall last night, no injury: coordinator informed.",
  "The boiler is making a noise: landlord to be told.",
  "I would like the later morning visit on Sundays: coordinator to review.",
  "Smoke alarm beeping: needs a new battery.",
  "I asked about the lunch club at the church: leaflet left.",
};

static const char * const late_reasons[] = {
  "Previous visit took longer; I was rung to say the carer was on the way.",
  "Traffic on the ring road; the office rang me to let me know.",
  "Carer unwell; another carer came and the office apologised.",
  "Snow on the roads; the visit was shortened with my agreement.",
};

static const char * const section_bodies[] = {
  "Being at home with my cat and seeing my family on Sundays.",
  "My daughter Helen, my son Paul and my neighbour Pat, who pops in most days.",
  "I wear hearing aids. Please face me, speak clearly and give me time to answer.",
  "I like a slow start to the day and a cup of tea before anything else.",
  "Please knock and wait, say your name, and ask before you help me.",
  "Please do not rush me, move my things or talk over me.",
  "Mornings at eight, lunch at half past twelve, tea at six, every day.",
  "I was a nurse for thirty years and I notice when things are not done properly.",
  "I grew up by the sea, worked at the hospital and married Ted in 1962.",
  "I can still do my own crossword and I know everyone's birthday.",
  "I would like to get to the church coffee morning again.",
  "Getting washed and dressed well matters more than anything else.",
  "Twenty minutes a week for a walk or a chat about the garden.",
  "A pendant alarm that rings the monitoring centre, and a falls sensor.",
  "If nobody has come within thirty minutes, ring the office on the number below.",
  "If I am unwell, ring my daughter first, then the GP, or 999 in an emergency.",
  "I am Church of England and like to watch Songs of Praise.",
  "My son helps me with money. My personal budget pays for the visits.",
  "Written with Sam, my care coordinator, and my daughter Helen.",
};

static const char *
pick (GRand              *rand,
      const char * const *list,
      guint               n)
{
  return list[g_rand_int_range (rand, 0, (gint32) n)];
}

#define PICK(rand, list) pick ((rand), (list), G_N_ELEMENTS (list))

static void
check (gboolean      ok,
       const GError *error,
       const char   *what)
{
  if (!ok)
    {
      g_printerr ("bench-store: %s: %s\n", what, error != NULL ? error->message : "failed");
      exit (1);
    }
}

static gint64
add_contact (PlStore       *store,
             gint64         person_id,
             PlContactRole  role,
             int            position,
             const char    *name,
             const char    *relationship,
             const char    *phone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlContact) c = pl_contact_new ();

  c->person_id = person_id;
  c->role = role;
  c->position = position;
  c->name = g_strdup (name);
  c->relationship = g_strdup (relationship);
  c->phone = g_strdup (phone);
  check (pl_store_save_contact (store, c, &error), error, "saving a contact");
  return c->id;
}

/* One person with everything a plan can hold, so building their plan
 * document does all the work it does for a real person */
static gint64
add_person (PlStore *store,
            GRand   *rand,
            int      index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = pl_person_new ();
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(PlCommNeed) need = pl_comm_need_new ();
  g_autoptr(PlSettings) settings = NULL;
  const char *first = PICK (rand, first_names);
  gint64 family_id;

  person->external_id = g_strdup_printf ("CH-%05d", index + 1);
  person->full_name = g_strdup_printf ("%s %s", first, PICK (rand, surnames));
  person->preferred_name = g_strdup (first);
  person->date_of_birth = g_strdup_printf ("19%02d-%02d-%02d", g_rand_int_range (rand, 25, 50),
                                           g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
  person->preferred_language = g_strdup ("en-GB");
  check (pl_store_save_person (store, person, &error), error, "saving a person");

  settings = pl_settings_new_default (person->id);
  check (pl_store_save_settings (store, settings, &error), error, "saving settings");

  need->person_id = person->id;
  need->category = PL_NEED_INFORMATION_FORMAT;
  need->code = g_strdup ("1047681000000104");
  need->description = g_strdup ("Requires information in large print");
  check (pl_store_save_comm_need (store, need, &error), error, "saving a need");

  plan->person_id = person->id;
  plan->version = 1;
  plan->status = PL_PLAN_AGREED;
  plan->start_date = g_strdup ("2016-11-24");
  plan->last_review = g_strdup ("2026-06-01");
  plan->next_review = g_strdup ("2027-06-01");
  plan->coordinator_id = add_contact (store, person->id, PL_CONTACT_COORDINATOR, 0,
                                      "Sam Adeyemi", "Care coordinator", "01632 960 100");
  plan->agreed_on = g_strdup ("2026-06-01");
  plan->agreed_by = g_strdup (person->full_name);
  plan->agreement = g_strdup ("I have read this plan with Sam and it is what I want.");
  check (pl_store_save_plan (store, plan, &error), error, "saving a plan");

  add_contact (store, person->id, PL_CONTACT_CARE_WORKER, 1, PICK (rand, workers), "Care worker", NULL);
  family_id = add_contact (store, person->id, PL_CONTACT_FAMILY, 2, "Helen", "Daughter", "07700 900 123");
  add_contact (store, person->id, PL_CONTACT_GP, 3, "Dr Rao", "GP", "01632 960 200");
  add_contact (store, person->id, PL_CONTACT_EMERGENCY, 4, "Paul", "Son", "07700 900 456");
  add_contact (store, person->id, PL_CONTACT_SAFEGUARDING, 5, "Adult safeguarding team",
               "Local authority", "01632 960 999");

  for (PlSharingScope scope = PL_SCOPE_PLAN; scope <= PL_SCOPE_DIARY; scope++)
    {
      g_autoptr(PlSharing) sharing = pl_sharing_new ();

      sharing->contact_id = family_id;
      sharing->scope = scope;
      check (pl_store_save_sharing (store, sharing, &error), error, "saving sharing");
    }

  for (int kind = 0; kind < PL_SECTION_N_KINDS; kind++)
    {
      g_autoptr(PlPlanSection) section = pl_plan_section_new ();

      section->plan_id = plan->id;
      section->kind = kind;
      section->body = g_strdup (section_bodies[kind % G_N_ELEMENTS (section_bodies)]);
      check (pl_store_save_plan_section (store, section, &error), error, "saving a section");
    }

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(PlOutcome) outcome = pl_outcome_new ();

      outcome->plan_id = plan->id;
      outcome->position = i;
      outcome->outcome = g_strdup (PICK (rand, section_bodies));
      outcome->measure = g_strdup ("We talk about it at every review.");
      check (pl_store_save_outcome (store, outcome, &error), error, "saving an outcome");
    }

  for (int i = 0; i < VISITS_A_DAY; i++)
    {
      static const char * const times[] = { "08:00", "12:30", "18:00" };
      g_autoptr(PlVisit) visit = pl_visit_new ();

      visit->plan_id = plan->id;
      visit->position = i;
      visit->weekday = 0;
      visit->start_time = g_strdup (times[i]);
      visit->duration = i == 1 ? 30 : 45;
      visit->purpose = g_strdup (i == 0 ? "Getting up" : i == 1 ? "Lunch" : "Tea and bed");
      visit->tasks = g_strdup (i == 0 ? morning_tasks[0] : i == 1 ? lunch_tasks[0] : evening_tasks[0]);
      check (pl_store_save_visit (store, visit, &error), error, "saving a visit");
    }

  for (int i = 0; i < 4; i++)
    {
      static const char * const names[] = { "Amlodipine", "Metformin", "Paracetamol", "Latanoprost eye drops" };
      g_autoptr(PlMedicine) m = pl_medicine_new ();

      m->plan_id = plan->id;
      m->position = i;
      m->name = g_strdup (names[i]);
      m->purpose = g_strdup ("As my GP prescribed");
      m->dose = g_strdup ("One");
      m->timing = g_strdup ("Morning");
      m->support = g_strdup ("Prompt me and watch me take it");
      m->if_missed = g_strdup ("Ring the pharmacist for advice");
      m->contact = g_strdup ("Dr Rao");
      check (pl_store_save_medicine (store, m, &error), error, "saving a medicine");
    }

  for (int i = 0; i < 2; i++)
    {
      g_autoptr(PlRisk) r = pl_risk_new ();

      r->plan_id = plan->id;
      r->position = i;
      r->activity = g_strdup (i == 0 ? "Walking to the shop on my own" : "Having a bath");
      r->benefits = g_strdup ("It keeps me independent");
      r->strategies = g_strdup ("I take my stick and my pendant alarm");
      r->implications_person = g_strdup ("I might fall");
      r->implications_worker = g_strdup ("Check I am back and record it");
      check (pl_store_save_risk (store, r, &error), error, "saving a risk");
    }

  return person->id;
}

static char *
entry_what_done (GRand *rand,
                 int    slot)
{
  const char * const *list = slot == 0 ? morning_tasks : slot == 1 ? lunch_tasks : evening_tasks;
  guint n = slot == 0 ? G_N_ELEMENTS (morning_tasks)
          : slot == 1 ? G_N_ELEMENTS (lunch_tasks) : G_N_ELEMENTS (evening_tasks);
  GString *s = g_string_new (NULL);
  int parts = g_rand_int_range (rand, 2, 5);

  for (int i = 0; i < parts; i++)
    g_string_append_printf (s, "%s%s.", i > 0 ? " " : "", pick (rand, list, n));
  return g_string_free (s, FALSE);
}

/* One visit's entry, written the way care workers write them */
static void
add_diary_entry (PlStore    *store,
                 GRand      *rand,
                 gint64      person_id,
                 const char *date,
                 int         slot)
{
  static const int planned[] = { 8 * 60, 12 * 60 + 30, 18 * 60 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDiaryEntry) e = pl_diary_entry_new ();
  int roll = g_rand_int_range (rand, 0, 1000);
  int arrive = planned[slot] + g_rand_int_range (rand, -5, 11);

  e->person_id = person_id;
  e->visit_date = g_strdup (date);
  e->planned_time = g_strdup_printf ("%02d:%02d", planned[slot] / 60, planned[slot] % 60);
  e->worker = g_strdup (PICK (rand, workers));

  /* NG21 1.4.12: late and missed visits are recorded with what was done about them */
  if (roll < 5)
    {
      e->outcome = PL_VISIT_MISSED;
      e->action_taken = g_strdup ("Visit missed: the office rang my daughter and a carer came within the hour.");
    }
  else
    {
      if (roll < 60)
        {
          e->outcome = PL_VISIT_LATE;
          arrive += g_rand_int_range (rand, 31, 60);
          e->action_taken = g_strdup (PICK (rand, late_reasons));
        }
      else
        e->outcome = PL_VISIT_COMPLETED;

      e->arrived = g_strdup_printf ("%02d:%02d", arrive / 60, arrive % 60);
      arrive += slot == 1 ? 30 : 45;
      e->departed = g_strdup_printf ("%02d:%02d", arrive / 60, arrive % 60);
      e->what_done = entry_what_done (rand, slot);
      e->how_i_was = g_strdup (PICK (rand, moods));
      if (roll % 10 == 0)
        e->follow_up = g_strdup (PICK (rand, follow_ups));
    }

  check (pl_store_save_diary_entry (store, e, &error), error, "saving a diary entry");
}

static int
days_of_diary (void)
{
  return n_years * 365 + n_years / 4;
}

static const char * const sqlite_suffixes[] = { "", "-wal", "-shm", "-journal" };

static void
generate (const char *path)
{
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20161124);
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  PlStore *store;
  GDate first_day;
  GDate day;
  int days = days_of_diary ();

  /* The last day is fixed so every run builds the same file */
  g_date_clear (&first_day, 1);
  g_date_set_dmy (&first_day, 22, G_DATE_NOVEMBER, 2026);
  g_date_subtract_days (&first_day, days - 1);

  /* What an interrupted build left behind */
  for (guint i = 0; i < G_N_ELEMENTS (sqlite_suffixes); i++)
    {
      g_autofree char *f = g_strconcat (part, sqlite_suffixes[i], NULL);
      g_unlink (f);
    }

  g_printerr ("Building %s: %d people, %d days of diary, %d visits a day...\n",
              path, n_people, days, VISITS_A_DAY);

  store = pl_store_open (part, PL_STORE_OPEN_DEFAULT, &error);
  check (store != NULL, error, "creating the database");
  pl_store_set_actor (store, "Benchmark");

  check (pl_store_begin (store, &error), error, "starting a transaction");
  for (int i = 0; i < n_people; i++)
    {
      gint64 id = add_person (store, rand, i);

      g_array_append_val (ids, id);
    }
  check (pl_store_commit (store, &error), error, "committing");

  /* Day by day, everyone's visits in turn, as a real diary fills up. A
   * month a transaction: big enough to be quick, small enough that the
   * write-ahead log stays a sensible size. */
  day = first_day;
  for (int d = 0; d < days; d++, g_date_add_days (&day, 1))
    {
      char date[16];

      if (d % 30 == 0)
        check (pl_store_begin (store, &error), error, "starting a transaction");

      g_date_strftime (date, sizeof date, "%Y-%m-%d", &day);
      for (int slot = 0; slot < VISITS_A_DAY; slot++)
        for (guint i = 0; i < ids->len; i++)
          add_diary_entry (store, rand, g_array_index (ids, gint64, i), date, slot);

      if (d % 30 == 29 || d == days - 1)
        check (pl_store_commit (store, &error), error, "committing");

      if ((d + 1) % 365 == 0 || d == days - 1)
        g_printerr ("  %d of %d days, %.0f s\n", d + 1, days, g_timer_elapsed (timer, NULL));
    }

  pl_store_unref (store);

  if (g_rename (part, path) != 0)
    {
      g_printerr ("bench-store: could not rename %s: %s\n", part, g_strerror (errno));
      exit (1);
    }
  g_printerr ("Built in %.0f s\n", g_timer_elapsed (timer, NULL));
}

/* A cached file is reused only if it holds what this run asked for */
static gboolean
usable (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) diary = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;

  store = pl_store_open (path, PL_STORE_OPEN_NO_CREATE, &error);
  if (store == NULL)
    return FALSE;
  people = pl_store_list_people (store, 0, &error);
  if (people == NULL || people->len != (guint) n_people)
    return FALSE;
  diary = pl_store_recent_diary (store, PL_RECORD_ID (people->pdata[0]), 1, &error);
  if (diary == NULL || diary->len == 0)
    return FALSE;

  /* The oldest visit tells the years */
  {
    g_autoptr(GPtrArray) all = pl_store_list_diary_entries (store, PL_RECORD_ID (people->pdata[0]), &error);

    return all != NULL && all->len >= (guint) (days_of_diary () * VISITS_A_DAY);
  }
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
print_row (const char *what,
           double      value,
           const char *unit,
           double      target)
{
  g_print ("  %-46s %9.2f %-3s  %-8s %s\n", what, value, unit,
           target > 0 ? (value <= target ? "ok" : "OVER") : "",
           target > 0 ? (g_str_equal (unit, "MB") ? "< 64 MB" : "< 20 ms") : "");
}

static const char * const searches[] = {
  "fall", "hospital appointment", "porridge", "breathless", "pendant alarm",
  "daughter", "blister pack", "boiler", "greenhouse", "district nurse",
  "confused", "fish pie", "church", "heel", "snow",
};

static int
run_measurements (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree double *open_ms = g_new0 (double, n_runs);
  g_autofree double *save_ms = g_new0 (double, n_runs);
  g_autofree double *search_ms = g_new0 (double, n_runs);
  g_autofree double *search_one_ms = g_new0 (double, n_runs);
  gint64 diary_count = 0;
  guint blocks = 0;
  struct rusage usage;
  GStatBuf st;

  {
    g_autoptr(PlStore) store = pl_store_open (path, PL_STORE_OPEN_NO_CREATE, &error);
    g_autoptr(GPtrArray) people = NULL;
    g_autoptr(PlStoreReport) report = NULL;

    check (store != NULL, error, "opening the database");
    people = pl_store_list_people (store, 0, &error);
    check (people != NULL && people->len > 0, error, "listing people");
    for (guint i = 0; i < people->len; i++)
      g_array_append_val (ids, PL_RECORD_ID (people->pdata[i]));

    report = pl_store_check (store, &error);
    check (report != NULL, error, "checking the database");
    for (guint i = 0; i < report->table_names->len; i++)
      if (g_str_equal (report->table_names->pdata[i], "diary_entries"))
        diary_count = g_array_index (report->row_counts, gint64, i);
  }

  /* Someone opens their plan: a fresh connection each time, a different
   * person each time, so nothing is already in SQLite's cache */
  for (int run = 0; run < n_runs; run++)
    {
      gint64 id = g_array_index (ids, gint64, (guint) (run * 37) % ids->len);
      gint64 start = g_get_monotonic_time ();
      PlStore *store = pl_store_open (path, PL_STORE_OPEN_NO_CREATE, &error);
      g_autoptr(PlDocument) plan = NULL;
      g_autoptr(GPtrArray) recent = NULL;

      check (store != NULL, error, "opening the database");
      plan = pl_document_build_plan (store, id, &error);
      check (plan != NULL, error, "building a plan");
      recent = pl_store_recent_diary (store, id, RECENT_ENTRIES, &error);
      check (recent != NULL, error, "reading the diary");
      open_ms[run] = elapsed_ms (start);
      blocks = pl_document_get_n_blocks (plan);
      pl_store_unref (store);
    }

  {
    g_autoptr(PlStore) store = pl_store_open (path, PL_STORE_OPEN_NO_CREATE, &error);

    check (store != NULL, error, "opening the database");
    pl_store_set_actor (store, "Benchmark");

    /* A care worker saves a visit; WAL with synchronous=FULL, so when the
     * save returns the entry is on the disk */
    for (int run = 0; run < n_runs; run++)
      {
        g_autoptr(PlDiaryEntry) e = pl_diary_entry_new ();
        gint64 start;

        e->person_id = g_array_index (ids, gint64, (guint) run % ids->len);
        e->visit_date = g_strdup ("2026-11-23");
        e->planned_time = g_strdup ("08:00");
        e->arrived = g_strdup ("08:02");
        e->departed = g_strdup ("08:47");
        e->outcome = PL_VISIT_COMPLETED;
        e->worker = g_strdup ("Amina");
        e->what_done = g_strdup ("Helped me to wash and dress. Made porridge with honey.");
        e->how_i_was = g_strdup ("I was cheerful and chatty.");

        start = g_get_monotonic_time ();
        check (pl_store_save_diary_entry (store, e, &error), error, "saving a diary entry");
        save_ms[run] = elapsed_ms (start);

        /* Keeps the cached database the same size from one run to the next */
        check (pl_store_delete_diary_entry (store, e->id, &error), error, "deleting the entry");
      }

    for (int run = 0; run < n_runs; run++)
      {
        const char *words = searches[run % G_N_ELEMENTS (searches)];
        gint64 start = g_get_monotonic_time ();
        g_autoptr(GPtrArray) found = pl_store_search_diary (store, 0, words, SEARCH_LIMIT, &error);

        check (found != NULL, error, "searching");
        search_ms[run] = elapsed_ms (start);
      }

    for (int run = 0; run < n_runs; run++)
      {
        const char *words = searches[run % G_N_ELEMENTS (searches)];
        gint64 id = g_array_index (ids, gint64, (guint) (run * 37) % ids->len);
        gint64 start = g_get_monotonic_time ();
        g_autoptr(GPtrArray) found = pl_store_search_diary (store, id, words, SEARCH_LIMIT, &error);

        check (found != NULL, error, "searching");
        search_one_ms[run] = elapsed_ms (start);
      }
  }

  getrusage (RUSAGE_SELF, &usage);

  g_print ("\nPlainly store benchmark: %u people, %" G_GINT64_FORMAT " diary entries",
           ids->len, diary_count);
  if (g_stat (path, &st) == 0)
    g_print (", %.0f MB on disk", st.st_size / (1024.0 * 1024.0));
  g_print ("\nMedian of %d runs; the plan has %u blocks; searches return up to %d entries.\n\n",
           n_runs, blocks, SEARCH_LIMIT);
  g_print ("  %-46s %9s %-3s  %-8s %s\n", "", "median", "", "", "target");
  print_row ("open + plan document + latest 50 diary entries", pl_bench_median (open_ms, n_runs),
             "ms", TARGET_MS);
  print_row ("save one diary entry (durable)", pl_bench_median (save_ms, n_runs), "ms", TARGET_MS);
  print_row ("search all diary entries (FTS5)", pl_bench_median (search_ms, n_runs), "ms",
             TARGET_MS);
  print_row ("search one person's diary (FTS5)", pl_bench_median (search_one_ms, n_runs), "ms", 0);
  print_row ("peak memory while measuring", usage.ru_maxrss / 1024.0, "MB", TARGET_MB);
  g_print ("\n");

  return 0;
}

static char *
default_db_path (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = exe != NULL ? g_path_get_dirname (exe) : g_get_current_dir ();
  g_autofree char *name = g_strdup_printf ("care-home-%dp-%dy-v%d.db", n_people, n_years, DATA_VERSION);

  return g_build_filename (dir, name, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the store on a care home’s worth of records");
  g_autoptr(GError) error = NULL;
  g_autofree char *exe = NULL;
  g_autofree char *people_arg = NULL;
  g_autofree char *years_arg = NULL;
  g_autofree char *runs_arg = NULL;
  int status = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-store: %s\n", error->message);
      return 2;
    }
  if (n_people < 1 || n_years < 1 || n_runs < 1)
    {
      g_printerr ("bench-store: --people, --years and --runs must be at least 1\n");
      return 2;
    }
  if (db_path == NULL)
    db_path = default_db_path ();

  if (measure)
    return run_measurements (db_path);

  if (regenerate || !usable (db_path))
    generate (db_path);
  else
    g_printerr ("Reusing %s (--regenerate builds it again)\n", db_path);

  /* Measure in a new process, so building the file does not count towards
   * its peak memory */
  exe = g_file_read_link ("/proc/self/exe", &error);
  check (exe != NULL, error, "finding this program");
  people_arg = g_strdup_printf ("%d", n_people);
  years_arg = g_strdup_printf ("%d", n_years);
  runs_arg = g_strdup_printf ("%d", n_runs);
  {
    const char *child_argv[] = {
      exe, "--measure", "--db", db_path, "--people", people_arg,
      "--years", years_arg, "--runs", runs_arg, NULL
    };

    if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                       NULL, NULL, NULL, NULL, &status, &error) ||
        !g_spawn_check_wait_status (status, &error))
      {
        g_printerr ("bench-store: measuring: %s\n", error->message);
        return 1;
      }
  }

  g_free (db_path);
  return 0;
}
