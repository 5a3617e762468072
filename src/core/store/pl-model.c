/* pl-model.c: the record descriptors, names and defaults
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include "pl-i18n.h"

#include "pl-actor.h"
#include "pl-model.h"
#include "pl-record-json.h"
#include "pl-theme.h"

const char * const pl_symbol_place_nicks[] = {
  "beside", "larger", "above", "none", NULL
};
const char * const pl_need_category_nicks[] = {
  "communication-support", "communication-professional", "contact-method",
  "information-format", "additional-support", "community-language", NULL
};
const char * const pl_contact_role_nicks[] = {
  "coordinator", "care-worker", "carer", "family", "friend", "advocate", "gp",
  "health-professional", "emergency", "safeguarding", "service", NULL
};
const char * const pl_sharing_scope_nicks[] = {
  "plan", "medicines", "money", "diary", "complaints", "welcome-pack", NULL
};
const char * const pl_plan_status_nicks[] = {
  "draft", "agreed", "superseded", NULL
};
const char * const pl_section_kind_nicks[] = {
  "most-important", "people-important", "how-i-communicate", "wellness", "please-do",
  "please-do-not", "how-and-when", "also-worth-knowing", "life-story", "strengths",
  "aspirations", "priorities", "flexible-time", "telecare", "missed-visit", "crisis",
  "culture", "money", "supported-by", NULL
};
const char * const pl_feedback_kind_nicks[] = {
  "complaint", "compliment", "other", NULL
};
const char * const pl_complaint_status_nicks[] = {
  "draft", "received", "acknowledged", "responded", "escalated", "closed", NULL
};
const char * const pl_visit_outcome_nicks[] = {
  "completed", "late", "missed", "cancelled", NULL
};
const char * const pl_staff_role_nicks[] = {
  "care-worker", "coordinator", "manager", NULL
};

/* Clear sans-serif families the settings page offers, best first, when
 * installed; the first is the one Plainly brings with it */
const char * const pl_font_families[] = {
  "Atkinson Hyperlegible Next", "Atkinson Hyperlegible", "DejaVu Sans", "Noto Sans",
  "Liberation Sans", "Open Sans", "Cantarell", "Lexend", NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (pl_section_kind_nicks) == PL_SECTION_N_KINDS + 1);

/* Whether text[0..n) are all ASCII digits */
static gboolean
all_digits (const char *text,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* "2026-11-23", a day that exists */
static gboolean
is_date (const char *text)
{
  if (strlen (text) != 10 || !all_digits (text, 4) || text[4] != '-' ||
      !all_digits (text + 5, 2) || text[7] != '-' || !all_digits (text + 8, 2))
    return FALSE;
  return g_date_valid_dmy ((GDateDay) atoi (text + 8), (GDateMonth) atoi (text + 5),
                           (GDateYear) atoi (text));
}

/* "08:30" or "8:30", seconds allowed ("08:30:00") */
static gboolean
is_time (const char *text)
{
  gsize hour_digits = g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) ? 2 : 1;
  const char *p = text + hour_digits;

  if (!all_digits (text, hour_digits) || atoi (text) > 23 || p[0] != ':' ||
      !all_digits (p + 1, 2) || atoi (p + 1) > 59)
    return FALSE;
  p += 3;
  if (*p == '\0')
    return TRUE;
  return p[0] == ':' && all_digits (p + 1, 2) && atoi (p + 1) <= 59 && p[3] == '\0';
}

/* "2026-11-23T09:30:00Z" as the store writes them; a date alone is a day */
static gboolean
is_timestamp (const char *text)
{
  g_autofree char *iso = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) parsed = NULL;

  if (strlen (text) == 10)
    return is_date (text);
  if (strlen (text) < 16 || (text[10] != 'T' && text[10] != ' '))
    return FALSE;
  iso = g_strdup (text);
  iso[10] = '\0';
  if (!is_date (iso))
    return FALSE;
  iso[10] = 'T';
  utc = g_time_zone_new_utc ();
  parsed = g_date_time_new_from_iso8601 (iso, utc);
  return parsed != NULL;
}

/* BCP 47 as people and espeak-ng write it: "en-GB", "cy", "en-gb-x-rp" */
static gboolean
is_language_tag (const char *text)
{
  gsize n = 0;

  while (g_ascii_isalpha (text[n]))
    n++;
  if (n < 2 || n > 3 || strlen (text) > 35)
    return FALSE;
  for (const char *p = text + n; *p != '\0';)
    {
      gsize len = 0;

      if (*p != '-' && *p != '_')
        return FALSE;
      p++;
      while (g_ascii_isalnum (p[len]))
        len++;
      if (len < 1 || len > 8)
        return FALSE;
      p += len;
    }
  return TRUE;
}

static gboolean
is_theme (const char *text)
{
  guint n_themes;
  const PlTheme *themes = pl_themes (&n_themes);

  for (guint i = 0; i < n_themes; i++)
    if (g_str_equal (themes[i].id, text))
      return TRUE;
  return FALSE;
}

static gboolean
is_font (const char *text)
{
  for (guint i = 0; pl_font_families[i] != NULL; i++)
    if (g_ascii_strcasecmp (pl_font_families[i], text) == 0)
      return TRUE;
  return FALSE;
}

/* An Argon2 hash as libsodium writes it: "$argon2id$v=19$m=…" */
static gboolean
is_secret_hash (const char *text)
{
  if (!g_str_has_prefix (text, "$argon2") || strlen (text) >= 128)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (*p < 0x21 || *p > 0x7e)
      return FALSE;
  return TRUE;
}

gboolean
pl_text_is_snomed_code (const char *code)
{
  gsize n;

  g_return_val_if_fail (code != NULL, FALSE);

  n = strlen (code);
  return n >= 6 && n <= 18 && code[0] != '0' && all_digits (code, n);
}

gboolean
pl_text_is_nhs_number (const char *number)
{
  int sum = 0;
  int check;

  g_return_val_if_fail (number != NULL, FALSE);

  if (strlen (number) != 10 || !all_digits (number, 10))
    return FALSE;
  for (int i = 0; i < 9; i++)
    sum += (number[i] - '0') * (10 - i);
  check = 11 - sum % 11;
  if (check == 11)
    check = 0;
  /* 10 is never a check digit: no NHS number is issued with it */
  return check != 10 && check == number[9] - '0';
}

static gboolean
is_actor (const char *text)
{
  return pl_actor_is_valid (text);
}

static gboolean
is_table (const char *text)
{
  return pl_record_type_for_table (text) != NULL;
}

/* What a change in the history changed: a field of a kind of record, or
 * the whole record added or taken out */
static gboolean
is_history_field (const char *text)
{
  guint n_types;
  const PlRecordType * const *types = pl_record_types (&n_types);

  if (g_str_equal (text, "(created)") || g_str_equal (text, "(deleted)"))
    return TRUE;
  for (guint i = 0; i < n_types; i++)
    if (pl_record_type_find_field (types[i], text) != NULL)
      return TRUE;
  return FALSE;
}

/* What a pronunciation is written as and said as reaches espeak-ng, which
 * reads "<" as markup and "[[" as phonemes: neither may come from the text
 * itself, and a line is enough for a name */
#define PL_PRONUNCIATION_MAX_CHARS 100

static gboolean
is_plain_line (const char *text)
{
  if (g_utf8_strlen (text, -1) > PL_PRONUNCIATION_MAX_CHARS)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '<' || c == '>' || c == '&' || c == '[' || c == ']' || c == '{' || c == '}' ||
          c == '\\' || g_unichar_iscntrl (c))
        return FALSE;
    }
  return TRUE;
}

/* Words: at least one letter, no markup, no space at either end */
static gboolean
is_written_words (const char *text)
{
  gboolean letter = FALSE;

  if (!is_plain_line (text) || g_unichar_isspace (g_utf8_get_char (text)) ||
      g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (text + strlen (text)))))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    letter = letter || g_unichar_isalpha (g_utf8_get_char (p));
  return letter;
}

/* espeak-ng's phoneme mnemonics (Kirshenbaum): printable ASCII */
static gboolean
is_phonemes (const char *text)
{
  gsize n = strlen (text);

  if (n <= 4 || n > PL_PRONUNCIATION_MAX_CHARS || !g_str_has_prefix (text, "[[") ||
      !g_str_has_suffix (text, "]]"))
    return FALSE;
  for (gsize i = 2; i < n - 2; i++)
    if (text[i] < 0x20 || text[i] > 0x7e || strchr ("[]<>&{}\\", text[i]) != NULL)
      return FALSE;
  return TRUE;
}

gboolean
pl_text_is_pronunciation (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  if (g_str_has_prefix (text, "[["))
    return is_phonemes (text);
  return is_written_words (text);
}

const PlTextForm pl_form_date = {
  is_date, NULL, N_("a date, like 2026-11-23"), N_("no date")
};
const PlTextForm pl_form_time = {
  is_time, NULL, N_("a time of day, like 08:30"), N_("no time")
};
const PlTextForm pl_form_timestamp = {
  is_timestamp, NULL, N_("a date and time, like 2026-11-23T09:30:00Z"), N_("no date")
};
const PlTextForm pl_form_language = {
  is_language_tag, NULL, N_("a language, like en-GB"), N_("the usual language")
};
const PlTextForm pl_form_theme = {
  is_theme, "standard", N_("a theme Plainly has"), N_("the standard theme")
};
const PlTextForm pl_form_font = {
  is_font, NULL, N_("a font Plainly offers"), N_("the desktop’s own font")
};
/* A damaged PIN or password locks, never opens: nothing matches it */
const PlTextForm pl_form_secret = {
  is_secret_hash, "!", N_("stored the way Plainly stores them"),
  N_("one that nobody can give, until staff set a new one")
};
const PlTextForm pl_form_snomed_code = {
  pl_text_is_snomed_code, NULL, N_("a SNOMED CT code, like 1108131000000104"), N_("no code")
};
const PlTextForm pl_form_actor = {
  is_actor, NULL, N_("someone Plainly records, like staff:4"), N_("someone not recorded")
};
const PlTextForm pl_form_nhs_number = {
  pl_text_is_nhs_number, NULL, N_("an NHS number of ten digits, like 9434765919"),
  N_("no NHS number")
};
const PlTextForm pl_form_table = {
  is_table, NULL, N_("a kind of record Plainly keeps"), N_("nothing known")
};
const PlTextForm pl_form_history_field = {
  is_history_field, NULL, N_("a part of a record Plainly keeps"), N_("details not known")
};
const PlTextForm pl_form_written_words = {
  is_written_words, NULL, N_("a word or a few words on one line, with no brackets"),
  N_("nothing written")
};
const PlTextForm pl_form_pronunciation = {
  pl_text_is_pronunciation, NULL,
  N_("a respelling like Whit-acker, or espeak-ng phonemes in double brackets like [[w'ItAk@]]"),
  N_("nothing written")
};

#define FIELD(T, n, k, nicks, flags, label) \
  { #n, k, G_STRUCT_OFFSET (T, n), nicks, flags, label }
#define ID(T)              FIELD (T, id, PL_FIELD_INT64, NULL, PL_FIELD_FLAG_AUTO, NULL)
#define TEXT(T, n, l)      FIELD (T, n, PL_FIELD_TEXT, NULL, PL_FIELD_FLAG_NONE, l)
#define NAME(T, n, l)      FIELD (T, n, PL_FIELD_TEXT, NULL, PL_FIELD_FLAG_REQUIRED, l)
#define AUTO(T, n)         FIELD (T, n, PL_FIELD_TEXT, NULL, PL_FIELD_FLAG_AUTO, NULL)
#define INT(T, n, l)       FIELD (T, n, PL_FIELD_INT, NULL, PL_FIELD_FLAG_NONE, l)
#define BOOL(T, n, l)      FIELD (T, n, PL_FIELD_BOOL, NULL, PL_FIELD_FLAG_NONE, l)
#define REAL(T, n, l)      FIELD (T, n, PL_FIELD_DOUBLE, NULL, PL_FIELD_FLAG_NONE, l)
#define REF(T, n, l)       FIELD (T, n, PL_FIELD_REF, NULL, PL_FIELD_FLAG_NONE, l)
#define ENUM(T, n, k, l)   FIELD (T, n, PL_FIELD_ENUM, k, PL_FIELD_FLAG_NONE, l)

/* Text of a fixed form (pl_form_date…); one not of it reads as its fallback */
#define TEXT_AS(T, n, l, f)  { #n, PL_FIELD_TEXT, G_STRUCT_OFFSET (T, n), NULL, PL_FIELD_FLAG_NONE, l, NULL, &f }
#define NAME_AS(T, n, l, f)  { #n, PL_FIELD_TEXT, G_STRUCT_OFFSET (T, n), NULL, PL_FIELD_FLAG_REQUIRED, l, NULL, &f }
#define SECRET(T, n, l)      { #n, PL_FIELD_TEXT, G_STRUCT_OFFSET (T, n), NULL, PL_FIELD_FLAG_SECRET, l, NULL, &pl_form_secret }
#define AUTO_AS(T, n, l, f)  { #n, PL_FIELD_TEXT, G_STRUCT_OFFSET (T, n), NULL, PL_FIELD_FLAG_AUTO, l, NULL, &f }
#define STAMP(T, n)          AUTO_AS (T, n, n##_label, pl_form_timestamp)
#define created_at_label     N_("date it was written")
#define updated_at_label     N_("date it was last changed")

#define INT_IN(T, n, l, r)  { #n, PL_FIELD_INT, G_STRUCT_OFFSET (T, n), NULL, PL_FIELD_FLAG_NONE, l, &r }
#define REAL_IN(T, n, l, r) { #n, PL_FIELD_DOUBLE, G_STRUCT_OFFSET (T, n), NULL, PL_FIELD_FLAG_NONE, l, &r }

/* The numbers Plainly can use; any other was written by another program or
 * damaged, and reads as the last value: for settings, the default of
 * pl_settings_new_default () */
static const PlRange text_size_range = { PL_SETTINGS_TEXT_SIZE_MIN, PL_SETTINGS_TEXT_SIZE_MAX, 14 };
static const PlRange line_spacing_range = { 1.0, 2.5, 1.5 };
static const PlRange paragraph_spacing_range = { 0.0, 3.0, 2.0 };
static const PlRange letter_spacing_range = { 0.0, 0.35, 0.0 };
static const PlRange speech_rate_range = { 80, 350, 160 };
static const PlRange speech_pitch_range = { 0, 100, 50 };
static const PlRange speech_volume_range = { 0, 100, 80 };
static const PlRange pause_range = { 0, 10000, 400 };
static const PlRange lock_minutes_range = { 0, 24 * 60, 0 };
static const PlRange line_focus_range = { 0, 5, 0 };
static const PlRange min_text_size_range = { 0, PL_SETTINGS_TEXT_SIZE_MAX, 0 };
/* A plan's version is followed by version + 1; 0 is what a plan imported
 * without one has */
static const PlRange version_range = { 0, 1000000, 1 };
static const PlRange weekday_range = { 0, 7, PL_WEEKDAY_UNKNOWN };
/* NG21 1.4.2: a visit has a length; a damaged one is shown without it */
static const PlRange duration_range = { 1, 24 * 60, 0 };
/* One more is counted at each wrong password */
static const PlRange failed_attempts_range = { 0, 1000000, 0 };

#define RECORD_TYPE(name, T, tbl, lbl, parent, order)                                   \
  const PlRecordType name##_type = {                                                   \
    tbl, lbl, sizeof (T), name##_type_fields, G_N_ELEMENTS (name##_type_fields),       \
    parent, order, (GDestroyNotify) name##_free                                        \
  }

static const PlField pl_service_type_fields[] = {
  ID (PlService),
  NAME (PlService, name, N_("name")),
  TEXT (PlService, phone, N_("phone")),
  TEXT (PlService, email, N_("email")),
  TEXT (PlService, address, N_("address")),
  TEXT (PlService, hours, N_("office hours")),
  TEXT (PlService, out_of_hours, N_("out of hours number")),
  TEXT (PlService, commissioner, N_("commissioner")),
  TEXT (PlService, commissioner_phone, N_("commissioner phone")),
  TEXT (PlService, commissioner_email, N_("commissioner email")),
  TEXT (PlService, regulator, N_("regulator")),
  TEXT (PlService, regulator_phone, N_("regulator phone")),
};
RECORD_TYPE (pl_service, PlService, "services", N_("service"), NULL, "name, id");

static const PlField pl_person_type_fields[] = {
  ID (PlPerson),
  TEXT (PlPerson, external_id, N_("reference")),
  REF (PlPerson, service_id, N_("service")),
  NAME (PlPerson, full_name, N_("full name")),
  TEXT (PlPerson, preferred_name, N_("preferred name")),
  TEXT_AS (PlPerson, date_of_birth, N_("date of birth"), pl_form_date),
  TEXT_AS (PlPerson, preferred_language, N_("preferred language"), pl_form_language),
  SECRET (PlPerson, pin_hash, N_("PIN")),
  TEXT_AS (PlPerson, nhs_number, N_("NHS number"), pl_form_nhs_number),
  STAMP (PlPerson, created_at),
  STAMP (PlPerson, updated_at),
};
RECORD_TYPE (pl_person, PlPerson, "people", N_("person"), NULL,
             "coalesce(preferred_name, full_name) COLLATE NOCASE, id");

static const PlField pl_comm_need_type_fields[] = {
  ID (PlCommNeed),
  REF (PlCommNeed, person_id, NULL),
  ENUM (PlCommNeed, category, pl_need_category_nicks, N_("category")),
  TEXT_AS (PlCommNeed, code, N_("code"), pl_form_snomed_code),
  NAME (PlCommNeed, description, N_("need")),
  TEXT (PlCommNeed, notes, N_("notes")),
};
RECORD_TYPE (pl_comm_need, PlCommNeed, "comm_needs", N_("communication need"),
             "person_id", "id");

/* Shared by a person's settings and a carer's */
#define SETTINGS_FIELDS \
  INT_IN (PlSettings, text_size, N_("text size"), text_size_range), \
  TEXT_AS (PlSettings, theme, N_("theme"), pl_form_theme), \
  TEXT_AS (PlSettings, font, N_("font"), pl_form_font), \
  REAL_IN (PlSettings, line_spacing, N_("line spacing"), line_spacing_range), \
  REAL_IN (PlSettings, paragraph_spacing, N_("paragraph spacing"), paragraph_spacing_range), \
  REAL_IN (PlSettings, letter_spacing, N_("letter spacing"), letter_spacing_range), \
  TEXT_AS (PlSettings, voice, N_("voice"), pl_form_language), \
  INT_IN (PlSettings, speech_rate, N_("speech speed"), speech_rate_range), \
  INT_IN (PlSettings, speech_pitch, N_("speech pitch"), speech_pitch_range), \
  INT_IN (PlSettings, speech_volume, N_("speech volume"), speech_volume_range), \
  INT_IN (PlSettings, pause_ms, N_("pause between parts"), pause_range), \
  BOOL (PlSettings, read_aloud, N_("read aloud")), \
  BOOL (PlSettings, talking_buttons, N_("talking buttons")), \
  INT_IN (PlSettings, lock_minutes, N_("lock after"), lock_minutes_range), \
  INT_IN (PlSettings, line_focus, N_("line focus"), line_focus_range), \
  BOOL (PlSettings, reading_ruler, N_("reading ruler")), \
  BOOL (PlSettings, focus_mode, N_("focus mode")), \
  BOOL (PlSettings, easy_read, N_("easy read")), \
  ENUM (PlSettings, symbols, pl_symbol_place_nicks, N_("easy read pictures")), \
  TEXT_AS (PlSettings, language, N_("screen language"), pl_form_language), \
  TEXT_AS (PlSettings, plan_language, N_("language of the plan"), pl_form_language),

static const PlField pl_settings_type_fields[] = {
  ID (PlSettings),
  REF (PlSettings, person_id, NULL),
  SETTINGS_FIELDS
};
RECORD_TYPE (pl_settings, PlSettings, "settings", N_("settings"), "person_id", "id");

static const PlField pl_contact_type_fields[] = {
  ID (PlContact),
  REF (PlContact, person_id, NULL),
  ENUM (PlContact, role, pl_contact_role_nicks, N_("role")),
  INT (PlContact, position, N_("order")),
  NAME (PlContact, name, N_("name")),
  TEXT (PlContact, relationship, N_("relationship")),
  TEXT (PlContact, organisation, N_("organisation")),
  TEXT (PlContact, phone, N_("phone")),
  TEXT (PlContact, email, N_("email")),
  TEXT (PlContact, address, N_("address")),
  TEXT (PlContact, notes, N_("notes")),
};
RECORD_TYPE (pl_contact, PlContact, "contacts", N_("contact"), "person_id", "position, id");

static const PlField pl_sharing_type_fields[] = {
  ID (PlSharing),
  REF (PlSharing, contact_id, NULL),
  ENUM (PlSharing, scope, pl_sharing_scope_nicks, N_("may see")),
};
RECORD_TYPE (pl_sharing, PlSharing, "sharing", N_("sharing"), "contact_id", "id");

static const PlField pl_plan_type_fields[] = {
  ID (PlPlan),
  REF (PlPlan, person_id, NULL),
  INT_IN (PlPlan, version, N_("version"), version_range),
  ENUM (PlPlan, status, pl_plan_status_nicks, N_("status")),
  TEXT_AS (PlPlan, start_date, N_("start date"), pl_form_date),
  TEXT_AS (PlPlan, last_review, N_("last review"), pl_form_date),
  TEXT_AS (PlPlan, next_review, N_("next review"), pl_form_date),
  REF (PlPlan, coordinator_id, N_("coordinator")),
  TEXT_AS (PlPlan, agreed_on, N_("agreed on"), pl_form_date),
  TEXT (PlPlan, agreed_by, N_("agreed by")),
  TEXT (PlPlan, agreement, N_("agreement")),
  TEXT (PlPlan, present, N_("who was there")),
  TEXT (PlPlan, participation, N_("how I took part")),
  TEXT (PlPlan, written_elsewhere_by, N_("written in another care record by")),
  TEXT_AS (PlPlan, written_elsewhere_at, N_("written in another care record on"),
           pl_form_timestamp),
  STAMP (PlPlan, created_at),
  STAMP (PlPlan, updated_at),
};
RECORD_TYPE (pl_plan, PlPlan, "plans", N_("plan"), "person_id", "version, id");

static const PlField pl_plan_section_type_fields[] = {
  ID (PlPlanSection),
  REF (PlPlanSection, plan_id, NULL),
  ENUM (PlPlanSection, kind, pl_section_kind_nicks, N_("part")),
  TEXT (PlPlanSection, body, N_("text")),
  TEXT (PlPlanSection, easy_read, N_("easy read text")),
  TEXT_AS (PlPlanSection, language, N_("language it is written in"), pl_form_language),
};
RECORD_TYPE (pl_plan_section, PlPlanSection, "plan_sections", N_("plan part"),
             "plan_id", "id");

static const PlField pl_outcome_type_fields[] = {
  ID (PlOutcome),
  REF (PlOutcome, plan_id, NULL),
  INT (PlOutcome, position, N_("order")),
  NAME (PlOutcome, outcome, N_("outcome")),
  TEXT (PlOutcome, measure, N_("how success is measured")),
  TEXT (PlOutcome, progress, N_("progress")),
};
RECORD_TYPE (pl_outcome, PlOutcome, "outcomes", N_("outcome"), "plan_id", "position, id");

static const PlField pl_visit_type_fields[] = {
  ID (PlVisit),
  REF (PlVisit, plan_id, NULL),
  INT (PlVisit, position, N_("order")),
  INT_IN (PlVisit, weekday, N_("day"), weekday_range),
  NAME_AS (PlVisit, start_time, N_("time"), pl_form_time),
  INT_IN (PlVisit, duration, N_("length"), duration_range),
  TEXT (PlVisit, purpose, N_("purpose")),
  TEXT (PlVisit, tasks, N_("what happens")),
};
RECORD_TYPE (pl_visit, PlVisit, "visits", N_("visit"), "plan_id",
             "weekday, start_time, position, id");

static const PlField pl_medicine_type_fields[] = {
  ID (PlMedicine),
  REF (PlMedicine, plan_id, NULL),
  INT (PlMedicine, position, N_("order")),
  NAME (PlMedicine, name, N_("medicine")),
  TEXT (PlMedicine, purpose, N_("what it is for")),
  TEXT (PlMedicine, dose, N_("dose")),
  TEXT (PlMedicine, timing, N_("when")),
  TEXT (PlMedicine, support, N_("help given")),
  TEXT (PlMedicine, if_missed, N_("if missed")),
  TEXT (PlMedicine, contact, N_("who to ask")),
};
RECORD_TYPE (pl_medicine, PlMedicine, "medicines", N_("medicine"), "plan_id",
             "position, id");

static const PlField pl_risk_type_fields[] = {
  ID (PlRisk),
  REF (PlRisk, plan_id, NULL),
  INT (PlRisk, position, N_("order")),
  NAME (PlRisk, activity, N_("activity")),
  TEXT (PlRisk, benefits, N_("what it gives me")),
  TEXT (PlRisk, strategies, N_("how we keep it safer")),
  TEXT (PlRisk, implications_person, N_("what it means for me")),
  TEXT (PlRisk, implications_worker, N_("what it means for care workers")),
};
RECORD_TYPE (pl_risk, PlRisk, "risks", N_("risk"), "plan_id", "position, id");

static const PlField pl_welcome_pack_type_fields[] = {
  ID (PlWelcomePack),
  REF (PlWelcomePack, service_id, NULL),
  NAME (PlWelcomePack, title, N_("title")),
  TEXT (PlWelcomePack, introduction, N_("introduction")),
  TEXT (PlWelcomePack, what_to_expect, N_("what to expect")),
  TEXT (PlWelcomePack, rights, N_("your rights")),
  TEXT (PlWelcomePack, not_happy, N_("if you are not happy")),
  TEXT (PlWelcomePack, funding, N_("paying for care")),
  TEXT (PlWelcomePack, support_groups, N_("support groups")),
  STAMP (PlWelcomePack, updated_at),
};
RECORD_TYPE (pl_welcome_pack, PlWelcomePack, "welcome_packs", N_("welcome pack"),
             "service_id", "id");

static const PlField pl_complaint_type_fields[] = {
  ID (PlComplaint),
  REF (PlComplaint, person_id, NULL),
  ENUM (PlComplaint, kind, pl_feedback_kind_nicks, N_("kind")),
  TEXT (PlComplaint, reference, N_("reference")),
  ENUM (PlComplaint, status, pl_complaint_status_nicks, N_("status")),
  TEXT (PlComplaint, what_happened, N_("what happened")),
  TEXT (PlComplaint, when_happened, N_("when")),
  TEXT (PlComplaint, who_involved, N_("who was involved")),
  TEXT (PlComplaint, put_right, N_("what would put it right")),
  TEXT (PlComplaint, reply_method, N_("how to reply")),
  TEXT (PlComplaint, helped_by, N_("helped by")),
  TEXT_AS (PlComplaint, response_due, N_("response due"), pl_form_date),
  STAMP (PlComplaint, created_at),
  STAMP (PlComplaint, updated_at),
};
RECORD_TYPE (pl_complaint, PlComplaint, "complaints", N_("complaint"), "person_id",
             "created_at, id");

static const PlField pl_complaint_event_type_fields[] = {
  ID (PlComplaintEvent),
  REF (PlComplaintEvent, complaint_id, NULL),
  ENUM (PlComplaintEvent, status, pl_complaint_status_nicks, N_("status")),
  NAME_AS (PlComplaintEvent, at, N_("date"), pl_form_timestamp),
  TEXT (PlComplaintEvent, note, N_("note")),
  TEXT (PlComplaintEvent, actor, N_("by")),
};
RECORD_TYPE (pl_complaint_event, PlComplaintEvent, "complaint_events",
             N_("complaint update"), "complaint_id", "at, id");

static const PlField pl_diary_entry_type_fields[] = {
  ID (PlDiaryEntry),
  REF (PlDiaryEntry, person_id, NULL),
  NAME_AS (PlDiaryEntry, visit_date, N_("date"), pl_form_date),
  TEXT_AS (PlDiaryEntry, planned_time, N_("planned time"), pl_form_time),
  TEXT_AS (PlDiaryEntry, arrived, N_("arrived"), pl_form_time),
  TEXT_AS (PlDiaryEntry, departed, N_("left"), pl_form_time),
  ENUM (PlDiaryEntry, outcome, pl_visit_outcome_nicks, N_("visit")),
  TEXT (PlDiaryEntry, worker, N_("care worker")),
  TEXT (PlDiaryEntry, what_done, N_("what was done")),
  TEXT (PlDiaryEntry, how_i_was, N_("how I was")),
  TEXT (PlDiaryEntry, follow_up, N_("follow up")),
  TEXT (PlDiaryEntry, action_taken, N_("what was done about it")),
  STAMP (PlDiaryEntry, created_at),
};
RECORD_TYPE (pl_diary_entry, PlDiaryEntry, "diary_entries", N_("diary entry"),
             "person_id", "visit_date, planned_time, id");

static const PlField pl_staff_type_fields[] = {
  ID (PlStaff),
  NAME (PlStaff, username, N_("user name")),
  NAME (PlStaff, display_name, N_("name")),
  ENUM (PlStaff, role, pl_staff_role_nicks, N_("role")),
  SECRET (PlStaff, password_hash, N_("password")),
  { "failed_attempts", PL_FIELD_INT, G_STRUCT_OFFSET (PlStaff, failed_attempts), NULL,
    PL_FIELD_FLAG_AUTO, N_("wrong passwords in a row"), &failed_attempts_range },
  AUTO_AS (PlStaff, locked_until, N_("locked until"), pl_form_timestamp),
  STAMP (PlStaff, created_at),
};
RECORD_TYPE (pl_staff, PlStaff, "staff", N_("staff member"), NULL,
             "display_name COLLATE NOCASE, id");

static const PlField pl_carer_type_fields[] = {
  ID (PlCarer),
  NAME (PlCarer, name, N_("name")),
  SECRET (PlCarer, pin_hash, N_("PIN")),
  STAMP (PlCarer, created_at),
  STAMP (PlCarer, updated_at),
};
RECORD_TYPE (pl_carer, PlCarer, "carers", N_("carer"), NULL, "name COLLATE NOCASE, id");

static const PlField pl_carer_link_type_fields[] = {
  ID (PlCarerLink),
  REF (PlCarerLink, carer_id, NULL),
  REF (PlCarerLink, contact_id, N_("contact")),
};
RECORD_TYPE (pl_carer_link, PlCarerLink, "carer_links", N_("carer's link"), "carer_id", "id");

static const PlField pl_carer_settings_type_fields[] = {
  ID (PlSettings),
  { "carer_id", PL_FIELD_REF, G_STRUCT_OFFSET (PlSettings, person_id), NULL, PL_FIELD_FLAG_NONE, NULL },
  SETTINGS_FIELDS
};
const PlRecordType pl_carer_settings_type = {
  "carer_settings", N_("carer's settings"), sizeof (PlSettings),
  pl_carer_settings_type_fields, G_N_ELEMENTS (pl_carer_settings_type_fields),
  "carer_id", "id", (GDestroyNotify) pl_settings_free
};

static const PlField pl_need_rule_type_fields[] = {
  ID (PlNeedRule),
  NAME_AS (PlNeedRule, code, N_("code"), pl_form_snomed_code),
  INT_IN (PlNeedRule, min_text_size, N_("smallest text size"), min_text_size_range),
  BOOL (PlNeedRule, high_contrast, N_("high contrast")),
  BOOL (PlNeedRule, read_aloud, N_("read aloud")),
  BOOL (PlNeedRule, more_time, N_("more time")),
};
RECORD_TYPE (pl_need_rule, PlNeedRule, "need_rules", N_("communication need rule"), NULL, "code, id");

static const PlField pl_history_type_fields[] = {
  ID (PlHistory),
  AUTO_AS (PlHistory, at, N_("time"), pl_form_timestamp),
  AUTO_AS (PlHistory, actor, N_("who made it"), pl_form_actor),
  AUTO_AS (PlHistory, table_name, N_("what was changed"), pl_form_table),
  FIELD (PlHistory, record_id, PL_FIELD_INT64, NULL, PL_FIELD_FLAG_AUTO, NULL),
  AUTO_AS (PlHistory, field, N_("what part changed"), pl_form_history_field),
  AUTO (PlHistory, old_value),
  AUTO (PlHistory, new_value),
};
RECORD_TYPE (pl_history, PlHistory, "history", N_("change"), NULL, "id");

/* Drafts and views change at every keystroke and every look: they are not
 * history, so their content is kept by the store like a timestamp */
static const PlField pl_draft_type_fields[] = {
  ID (PlDraft),
  REF (PlDraft, staff_id, NULL),
  REF (PlDraft, person_id, NULL),
  NAME_AS (PlDraft, table_name, N_("part"), pl_form_table),
  REF (PlDraft, record_id, NULL),
  TEXT (PlDraft, new_key, N_("new part")),
  FIELD (PlDraft, content, PL_FIELD_TEXT, NULL, PL_FIELD_FLAG_AUTO, NULL),
  STAMP (PlDraft, updated_at),
};
RECORD_TYPE (pl_draft, PlDraft, "drafts", N_("draft"), "staff_id", "updated_at DESC, id DESC");

static const PlField pl_plan_view_type_fields[] = {
  ID (PlPlanView),
  REF (PlPlanView, person_id, NULL),
  FIELD (PlPlanView, plan_id, PL_FIELD_REF, NULL, PL_FIELD_FLAG_AUTO, NULL),
  FIELD (PlPlanView, snapshot, PL_FIELD_TEXT, NULL, PL_FIELD_FLAG_AUTO, NULL),
  STAMP (PlPlanView, updated_at),
};
RECORD_TYPE (pl_plan_view, PlPlanView, "plan_views", N_("plan last seen"), "person_id", "id");

static const PlField pl_diary_comment_type_fields[] = {
  ID (PlDiaryComment),
  REF (PlDiaryComment, entry_id, NULL),
  REF (PlDiaryComment, carer_id, NULL),
  NAME (PlDiaryComment, author, N_("written by")),
  NAME (PlDiaryComment, body, N_("comment")),
  STAMP (PlDiaryComment, created_at),
};
RECORD_TYPE (pl_diary_comment, PlDiaryComment, "diary_comments", N_("diary comment"),
             "entry_id", "created_at, id");

static const PlField pl_service_response_type_fields[] = {
  ID (PlServiceResponse),
  REF (PlServiceResponse, service_id, NULL),
  REF (PlServiceResponse, complaint_id, NULL),
  NAME (PlServiceResponse, you_said, N_("you said")),
  NAME (PlServiceResponse, we_did, N_("we did")),
  TEXT_AS (PlServiceResponse, published_on, N_("published on"), pl_form_date),
  STAMP (PlServiceResponse, created_at),
  STAMP (PlServiceResponse, updated_at),
};
RECORD_TYPE (pl_service_response, PlServiceResponse, "service_responses",
             N_("“You said, we did” answer"), "service_id", "published_on DESC, id DESC");

static const PlField pl_pronunciation_type_fields[] = {
  ID (PlPronunciation),
  REF (PlPronunciation, service_id, NULL),
  REF (PlPronunciation, person_id, NULL),
  NAME_AS (PlPronunciation, written, N_("written form"), pl_form_written_words),
  NAME_AS (PlPronunciation, said, N_("spoken form"), pl_form_pronunciation),
  NAME_AS (PlPronunciation, language, N_("language"), pl_form_language),
  STAMP (PlPronunciation, created_at),
  STAMP (PlPronunciation, updated_at),
};
RECORD_TYPE (pl_pronunciation, PlPronunciation, "pronunciations", N_("pronunciation"),
             "person_id", "written COLLATE NOCASE, id");

static const PlField pl_plan_translation_type_fields[] = {
  ID (PlPlanTranslation),
  REF (PlPlanTranslation, person_id, NULL),
  NAME_AS (PlPlanTranslation, language, N_("language"), pl_form_language),
  NAME (PlPlanTranslation, source, N_("words as written")),
  NAME (PlPlanTranslation, translation, N_("words in the other language")),
  STAMP (PlPlanTranslation, created_at),
  STAMP (PlPlanTranslation, updated_at),
};
RECORD_TYPE (pl_plan_translation, PlPlanTranslation, "plan_translations",
             N_("plan translation"), "person_id", "language, id");

static const PlField pl_symbol_choice_type_fields[] = {
  ID (PlSymbolChoice),
  REF (PlSymbolChoice, service_id, NULL),
  REF (PlSymbolChoice, person_id, NULL),
  NAME (PlSymbolChoice, words, N_("words")),
  TEXT (PlSymbolChoice, symbol, N_("picture")),
  TEXT (PlSymbolChoice, description, N_("description of the picture")),
  STAMP (PlSymbolChoice, created_at),
  STAMP (PlSymbolChoice, updated_at),
};
RECORD_TYPE (pl_symbol_choice, PlSymbolChoice, "symbol_choices", N_("easy read picture"),
             "person_id", "words COLLATE NOCASE, id");

static const PlRecordType * const all_types[] = {
  &pl_service_type,
  &pl_person_type,
  &pl_comm_need_type,
  &pl_settings_type,
  &pl_contact_type,
  &pl_sharing_type,
  &pl_plan_type,
  &pl_plan_section_type,
  &pl_outcome_type,
  &pl_visit_type,
  &pl_medicine_type,
  &pl_risk_type,
  &pl_welcome_pack_type,
  &pl_complaint_type,
  &pl_complaint_event_type,
  &pl_diary_entry_type,
  &pl_staff_type,
  &pl_carer_type,
  &pl_carer_link_type,
  &pl_carer_settings_type,
  &pl_need_rule_type,
  &pl_history_type,
  &pl_draft_type,
  &pl_plan_view_type,
  &pl_diary_comment_type,
  &pl_service_response_type,
  &pl_symbol_choice_type,
  &pl_pronunciation_type,
  &pl_plan_translation_type,
};

const PlRecordType * const *
pl_record_types (guint *n_types)
{
  if (n_types != NULL)
    *n_types = G_N_ELEMENTS (all_types);
  return all_types;
}

#define DEFINE_RECORD(Type, type_name, rtype)                       \
  Type *type_name##_new (void)                                      \
  { return pl_record_new (&rtype); }                                \
  void type_name##_free (Type *self)                                \
  { pl_record_free (&rtype, self); }                                \
  Type *type_name##_copy (const Type *self)                         \
  { return pl_record_copy (&rtype, self); }

DEFINE_RECORD (PlService, pl_service, pl_service_type)
DEFINE_RECORD (PlPerson, pl_person, pl_person_type)
DEFINE_RECORD (PlCommNeed, pl_comm_need, pl_comm_need_type)
DEFINE_RECORD (PlSettings, pl_settings, pl_settings_type)
DEFINE_RECORD (PlContact, pl_contact, pl_contact_type)
DEFINE_RECORD (PlSharing, pl_sharing, pl_sharing_type)
DEFINE_RECORD (PlPlan, pl_plan, pl_plan_type)
DEFINE_RECORD (PlPlanSection, pl_plan_section, pl_plan_section_type)
DEFINE_RECORD (PlOutcome, pl_outcome, pl_outcome_type)
DEFINE_RECORD (PlVisit, pl_visit, pl_visit_type)
DEFINE_RECORD (PlMedicine, pl_medicine, pl_medicine_type)
DEFINE_RECORD (PlRisk, pl_risk, pl_risk_type)
DEFINE_RECORD (PlWelcomePack, pl_welcome_pack, pl_welcome_pack_type)
DEFINE_RECORD (PlComplaint, pl_complaint, pl_complaint_type)
DEFINE_RECORD (PlComplaintEvent, pl_complaint_event, pl_complaint_event_type)
DEFINE_RECORD (PlDiaryEntry, pl_diary_entry, pl_diary_entry_type)
DEFINE_RECORD (PlStaff, pl_staff, pl_staff_type)
DEFINE_RECORD (PlCarer, pl_carer, pl_carer_type)
DEFINE_RECORD (PlCarerLink, pl_carer_link, pl_carer_link_type)
DEFINE_RECORD (PlNeedRule, pl_need_rule, pl_need_rule_type)
DEFINE_RECORD (PlHistory, pl_history, pl_history_type)
DEFINE_RECORD (PlDraft, pl_draft, pl_draft_type)
DEFINE_RECORD (PlPlanView, pl_plan_view, pl_plan_view_type)
DEFINE_RECORD (PlDiaryComment, pl_diary_comment, pl_diary_comment_type)
DEFINE_RECORD (PlServiceResponse, pl_service_response, pl_service_response_type)
DEFINE_RECORD (PlSymbolChoice, pl_symbol_choice, pl_symbol_choice_type)
DEFINE_RECORD (PlPronunciation, pl_pronunciation, pl_pronunciation_type)
DEFINE_RECORD (PlPlanTranslation, pl_plan_translation, pl_plan_translation_type)

static const char *
label_from (const char * const *labels,
            gsize               n_labels,
            int                 value)
{
  if (value < 0 || (gsize) value >= n_labels)
    return "";
  return _(labels[value]);
}

#define LABEL_FUNC(func, EnumType, ...)                                 \
  const char *func (EnumType value)                                     \
  {                                                                     \
    static const char * const labels[] = { __VA_ARGS__ };               \
    return label_from (labels, G_N_ELEMENTS (labels), (int) value);     \
  }

LABEL_FUNC (pl_section_kind_title, PlSectionKind,
            N_("What is most important to me"),
            N_("People who are important to me"),
            N_("How I communicate and how to communicate with me"),
            N_("My wellness"),
            N_("Please do"),
            N_("Please do not"),
            N_("How and when to support me"),
            N_("Also worth knowing about me"),
            N_("My life story"),
            N_("What I am good at"),
            N_("What I would like to do"),
            N_("My priorities"),
            N_("Flexible time"),
            N_("Telecare"),
            N_("If a visit is late or missed"),
            N_("In a crisis"),
            N_("My culture, faith and what matters to me"),
            N_("My money and personal budget"),
            N_("Who helped me write this"))

LABEL_FUNC (pl_contact_role_label, PlContactRole,
            N_("Care coordinator"),
            N_("Care worker"),
            N_("Carer"),
            N_("Family"),
            N_("Friend"),
            N_("Advocate"),
            N_("Doctor (GP)"),
            N_("Health professional"),
            N_("Emergency contact"),
            N_("Safeguarding contact"),
            N_("Care service"))

LABEL_FUNC (pl_sharing_scope_label, PlSharingScope,
            N_("my plan"),
            N_("my medicines"),
            N_("my money"),
            N_("my care diary"),
            N_("my complaints"),
            N_("my welcome pack"))

LABEL_FUNC (pl_need_category_label, PlNeedCategory,
            N_("Communication support"),
            N_("Communication professional"),
            N_("How to contact me"),
            N_("Information format"),
            N_("Other communication support"),
            N_("Language support"))

LABEL_FUNC (pl_complaint_status_label, PlComplaintStatus,
            N_("Not sent yet"),
            N_("Received"),
            N_("Acknowledged"),
            N_("Answered"),
            N_("Passed on to the next level"),
            N_("Closed"))

LABEL_FUNC (pl_feedback_kind_label, PlFeedbackKind,
            N_("Complaint"),
            N_("Compliment"),
            N_("Other feedback"))

LABEL_FUNC (pl_visit_outcome_label, PlVisitOutcome,
            N_("Visit happened"),
            N_("Visit was late"),
            N_("Visit was missed"),
            N_("Visit was cancelled"),
            N_("Not known what happened at the visit"))

LABEL_FUNC (pl_staff_role_label, PlStaffRole,
            N_("Care worker"),
            N_("Care coordinator"),
            N_("Manager"))

const char *
pl_weekday_label (int weekday)
{
  static const char * const labels[] = {
    N_("Every day"), N_("Monday"), N_("Tuesday"), N_("Wednesday"),
    N_("Thursday"), N_("Friday"), N_("Saturday"), N_("Sunday"), N_("Day not known"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == PL_WEEKDAY_UNKNOWN + 1);

  return label_from (labels, G_N_ELEMENTS (labels), weekday);
}

PlSettings *
pl_settings_new_default (gint64 person_id)
{
  PlSettings *self = pl_settings_new ();

  self->person_id = person_id;
  self->text_size = 14;          /* RNIB clear print: 12-14 pt standard */
  self->theme = g_strdup ("standard");
  self->font = NULL;             /* the desktop's own sans-serif */
  self->line_spacing = 1.5;      /* WCAG 1.4.12 */
  self->paragraph_spacing = 2.0;
  self->letter_spacing = 0.0;
  self->voice = NULL;            /* chosen from the preferred language */
  self->speech_rate = 160;
  self->speech_pitch = 50;
  self->speech_volume = 80;
  self->pause_ms = 400;
  self->talking_buttons = FALSE;
  self->lock_minutes = 0;

  return self;
}
