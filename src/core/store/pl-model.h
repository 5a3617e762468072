/* pl-model.h: the records Plainly keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain structs, one per table. Text is UTF-8 and owned by the struct; dates are
 * ISO 8601 ("2026-11-23"), times "HH:MM", timestamps "2026-11-23T09:30:00Z".
 * Each type has pl_TYPE_new(), pl_TYPE_free(), pl_TYPE_copy() and a g_autoptr
 * cleanup; lists are GPtrArrays that own their elements.
 */

#pragma once

#include <glib.h>

#include "pl-record.h"

G_BEGIN_DECLS

/* Accessible Information Standard categories (RA-FlagCategory 001-006) */
typedef enum
{
  PL_NEED_COMMUNICATION_SUPPORT,      /* 001 */
  PL_NEED_COMMUNICATION_PROFESSIONAL, /* 002 */
  PL_NEED_CONTACT_METHOD,             /* 003 */
  PL_NEED_INFORMATION_FORMAT,         /* 004 */
  PL_NEED_ADDITIONAL_SUPPORT,         /* 005 */
  PL_NEED_COMMUNITY_LANGUAGE,         /* 006 */
} PlNeedCategory;

typedef enum
{
  PL_CONTACT_COORDINATOR,
  PL_CONTACT_CARE_WORKER,
  PL_CONTACT_CARER,
  PL_CONTACT_FAMILY,
  PL_CONTACT_FRIEND,
  PL_CONTACT_ADVOCATE,
  PL_CONTACT_GP,
  PL_CONTACT_HEALTH_PROFESSIONAL,
  PL_CONTACT_EMERGENCY,
  PL_CONTACT_SAFEGUARDING,
  PL_CONTACT_SERVICE,
} PlContactRole;

/* What a person involved in the plan may see (NG86 1.1.14-1.1.15) */
typedef enum
{
  PL_SCOPE_PLAN,
  PL_SCOPE_MEDICINES,
  PL_SCOPE_MONEY,
  PL_SCOPE_DIARY,
  PL_SCOPE_COMPLAINTS,
  PL_SCOPE_WELCOME_PACK,
} PlSharingScope;

#define PL_SCOPE_BIT(scope) (1u << (scope))
#define PL_SCOPES_ALL       ((1u << (PL_SCOPE_WELCOME_PACK + 1)) - 1)

typedef enum
{
  PL_PLAN_DRAFT,
  PL_PLAN_AGREED,
  PL_PLAN_SUPERSEDED,
} PlPlanStatus;

/* The free-text parts of a plan, in the order the plan presents them.
 * ABOUT_ME_* follow the PRSB "About Me" sections. */
typedef enum
{
  PL_SECTION_MOST_IMPORTANT,
  PL_SECTION_PEOPLE_IMPORTANT,
  PL_SECTION_HOW_I_COMMUNICATE,
  PL_SECTION_WELLNESS,
  PL_SECTION_PLEASE_DO,
  PL_SECTION_PLEASE_DO_NOT,
  PL_SECTION_HOW_AND_WHEN,
  PL_SECTION_ALSO_WORTH_KNOWING,
  PL_SECTION_LIFE_STORY,
  PL_SECTION_STRENGTHS,
  PL_SECTION_ASPIRATIONS,
  PL_SECTION_PRIORITIES,        /* NG21 1.3.20 */
  PL_SECTION_FLEXIBLE_TIME,     /* NG21 1.3.20 */
  PL_SECTION_TELECARE,          /* NG21 1.3.28 */
  PL_SECTION_MISSED_VISIT,      /* NG21 1.4.12 */
  PL_SECTION_CRISIS,            /* NG86 1.3.17 */
  PL_SECTION_CULTURE,           /* NG86 1.1.11, 1.3.15 */
  PL_SECTION_MONEY,             /* NG86 1.3.18 */
  PL_SECTION_SUPPORTED_BY,      /* PRSB: supported to write this by */
  PL_SECTION_N_KINDS
} PlSectionKind;

typedef enum
{
  PL_FEEDBACK_COMPLAINT,
  PL_FEEDBACK_COMPLIMENT,
  PL_FEEDBACK_OTHER,
} PlFeedbackKind;

typedef enum
{
  PL_COMPLAINT_DRAFT,
  PL_COMPLAINT_RECEIVED,
  PL_COMPLAINT_ACKNOWLEDGED,
  PL_COMPLAINT_RESPONDED,
  PL_COMPLAINT_ESCALATED,
  PL_COMPLAINT_CLOSED,
} PlComplaintStatus;

typedef enum
{
  PL_VISIT_COMPLETED,
  PL_VISIT_LATE,
  PL_VISIT_MISSED,
  PL_VISIT_CANCELLED,
  /* Read from a file whose value this version does not know; never saved,
   * and never shown as "completed", which could hide a missed visit */
  PL_VISIT_UNKNOWN,
} PlVisitOutcome;

typedef enum
{
  PL_ROLE_CARE_WORKER,
  PL_ROLE_COORDINATOR,
  PL_ROLE_MANAGER,
} PlStaffRole;

/* The forms of text fields (pl-record.h): each field that holds one names it
 * in pl-model.c */
extern const PlTextForm pl_form_date;        /* "2026-11-23" */
extern const PlTextForm pl_form_time;        /* "08:30" */
extern const PlTextForm pl_form_timestamp;   /* "2026-11-23T09:30:00Z", or a date */
extern const PlTextForm pl_form_language;    /* "en-GB", "cy", espeak-ng's "en-gb-x-rp" */
extern const PlTextForm pl_form_theme;       /* a PlTheme id */
extern const PlTextForm pl_form_font;        /* one of pl_font_families */
extern const PlTextForm pl_form_secret;      /* an Argon2 hash */
extern const PlTextForm pl_form_snomed_code; /* a SNOMED CT code */
extern const PlTextForm pl_form_actor;       /* pl_actor_is_valid () */
extern const PlTextForm pl_form_table;       /* a PlRecordType's table */
extern const PlTextForm pl_form_history_field; /* a field's name, "(created)" or "(deleted)" */
extern const PlTextForm pl_form_nhs_number;  /* "9434765919" */
extern const PlTextForm pl_form_written_words; /* "Whitaker", "St Anne's": words, no markup */
extern const PlTextForm pl_form_pronunciation; /* "Whit-acker" or "[[w'ItAk@]]" */

/* The font families a reader may choose, NULL-terminated, the one Plainly
 * brings with it first. NULL in PlSettings.font is the desktop's own. */
extern const char * const pl_font_families[];

/* A SNOMED CT code, as needs are recorded: 6 to 18 digits, no leading 0 */
gboolean pl_text_is_snomed_code (const char *code);
/* An NHS number: ten digits, the last the modulus-11 check digit of the
 * nine before it */
gboolean pl_text_is_nhs_number  (const char *number);

/* How a pronunciation is said: a respelling in the voice's language, words
 * with no brackets or markup ("Whit-acker", "met FOR min"), or espeak-ng's
 * phoneme mnemonics in double brackets ("[[w'ItAk@]]"); at most 100
 * characters */
gboolean pl_text_is_pronunciation (const char *text);

struct _PlService
{
  gint64  id;
  char   *name;
  char   *phone;
  char   *email;
  char   *address;
  char   *hours;              /* when the office is open */
  char   *out_of_hours;       /* number to ring outside office hours */
  char   *commissioner;       /* the local authority that commissions the service */
  char   *commissioner_phone;
  char   *commissioner_email;
  char   *regulator;          /* e.g. Care Quality Commission */
  char   *regulator_phone;
};

struct _PlPerson
{
  gint64  id;
  char   *external_id;        /* the service's own reference, unique */
  gint64  service_id;
  char   *full_name;
  char   *preferred_name;     /* NG86 1.4.2 */
  char   *date_of_birth;
  char   *preferred_language; /* BCP 47 tag, e.g. "en-GB", "cy" */
  char   *pin_hash;
  char   *nhs_number;         /* ten digits, no spaces; pl_text_is_nhs_number () */
  char   *created_at;
  char   *updated_at;
};

struct _PlCommNeed
{
  gint64          id;
  gint64          person_id;
  PlNeedCategory  category;
  char           *code;       /* SNOMED CT, kept so the record can be shared */
  char           *description;
  char           *notes;
};

/* Where easy read puts each idea's picture */
typedef enum
{
  PL_SYMBOLS_BESIDE,   /* on the left, the words on the right */
  PL_SYMBOLS_LARGER,   /* on the left, twice the size */
  PL_SYMBOLS_ABOVE,    /* above the words */
  PL_SYMBOLS_NONE,     /* no pictures: easy read's short lines alone */
} PlSymbolPlace;

extern const char * const pl_symbol_place_nicks[];

/* Text sizes the reader can show, in points: RNIB standard print to 400%
 * of it (WCAG 1.4.4 asks for 200%) */
#define PL_SETTINGS_TEXT_SIZE_MIN 14
#define PL_SETTINGS_TEXT_SIZE_MAX 56

struct _PlSettings
{
  gint64  id;
  gint64  person_id;
  int     text_size;          /* points */
  char   *theme;
  char   *font;
  double  line_spacing;
  double  paragraph_spacing;
  double  letter_spacing;
  char   *voice;
  int     speech_rate;        /* words a minute */
  int     speech_pitch;       /* 0-100 */
  int     speech_volume;      /* 0-100 */
  int     pause_ms;           /* between parts, for extra processing time */
  gboolean read_aloud;         /* offer speech as soon as a document opens */
  gboolean talking_buttons;
  int     lock_minutes;       /* 0: never */
  int     line_focus;         /* 0 off, else lines left bright: 1, 3 or 5 */
  gboolean reading_ruler;
  gboolean focus_mode;        /* everything hidden but the text */
  gboolean easy_read;         /* documents in easy read: a picture for each idea */
  PlSymbolPlace symbols;     /* where easy read's pictures go, or none */
  char   *language;           /* of Plainly's own words, a tag; NULL: their
                               * recorded language (a carer: the computer's) */
  char   *plan_language;      /* the plan's words, when it is kept in more than
                               * one language; NULL: as written */
};

struct _PlContact
{
  gint64         id;
  gint64         person_id;
  PlContactRole  role;
  int            position;
  char          *name;
  char          *relationship;
  char          *organisation;
  char          *phone;
  char          *email;
  char          *address;
  char          *notes;
};

struct _PlSharing
{
  gint64          id;
  gint64          contact_id;
  PlSharingScope  scope;
};

struct _PlPlan
{
  gint64        id;
  gint64        person_id;
  int           version;
  PlPlanStatus  status;
  char         *start_date;
  char         *last_review;
  char         *next_review;   /* NG21 1.3.25 */
  gint64        coordinator_id; /* a contact; NG21 1.3.6 */
  char         *agreed_on;
  char         *agreed_by;
  char         *agreement;     /* the person's agreement in their own words */
  char         *present;       /* who was there when it was written */
  char         *participation; /* how the person took part (NG86 1.1.4, 1.1.9) */
  /* Who wrote this version, and when, in another care record it was
   * imported from; NULL for a version written in Plainly */
  char         *written_elsewhere_by;
  char         *written_elsewhere_at;
  char         *created_at;
  char         *updated_at;
};

struct _PlPlanSection
{
  gint64         id;
  gint64         plan_id;
  PlSectionKind  kind;
  char          *body;
  char          *easy_read;  /* the part in easy read, written with the person; NULL if none */
  char          *language;   /* what body is written in, when not the person's language; else NULL */
};

struct _PlOutcome
{
  gint64  id;
  gint64  plan_id;
  int     position;
  char   *outcome;    /* in the person's words */
  char   *measure;    /* how we will know it is working */
  char   *progress;
};

struct _PlVisit
{
  gint64  id;
  gint64  plan_id;
  int     position;
  int     weekday;    /* 1 Monday … 7 Sunday; 0 every day; PL_WEEKDAY_UNKNOWN */
  char   *start_time; /* "HH:MM" */
  int     duration;   /* minutes; NG21 1.4.2 */
  char   *purpose;
  char   *tasks;
};

struct _PlMedicine
{
  gint64  id;
  gint64  plan_id;
  int     position;
  char   *name;
  char   *purpose;
  char   *dose;
  char   *timing;
  char   *support;    /* what help is given */
  char   *if_missed;
  char   *contact;    /* who to ask about it; NG21 1.3.16 */
};

struct _PlRisk
{
  gint64  id;
  gint64  plan_id;
  int     position;
  char   *activity;
  char   *benefits;              /* what it gives me */
  char   *strategies;
  char   *implications_person;
  char   *implications_worker;   /* NG21 1.3.14 */
};

struct _PlWelcomePack
{
  gint64  id;
  gint64  service_id;
  char   *title;
  char   *introduction;
  char   *what_to_expect;   /* NG21 1.2.3 */
  char   *rights;
  char   *not_happy;
  char   *funding;          /* NG21 1.2.2: direct payments, personal budgets */
  char   *support_groups;
  char   *updated_at;
};

struct _PlComplaint
{
  gint64             id;
  gint64             person_id;
  PlFeedbackKind     kind;
  char              *reference;
  PlComplaintStatus  status;
  char              *what_happened;
  char              *when_happened;
  char              *who_involved;
  char              *put_right;
  char              *reply_method;
  char              *helped_by;
  char              *response_due;
  char              *created_at;
  char              *updated_at;
};

struct _PlComplaintEvent
{
  gint64             id;
  gint64             complaint_id;
  PlComplaintStatus  status;
  char              *at;
  char              *note;
  char              *actor;
};

struct _PlDiaryEntry
{
  gint64          id;
  gint64          person_id;
  char           *visit_date;
  char           *planned_time;
  char           *arrived;
  char           *departed;
  PlVisitOutcome  outcome;
  char           *worker;
  char           *what_done;
  char           *how_i_was;
  char           *follow_up;
  char           *action_taken;  /* for late or missed visits, NG21 1.4.12 */
  char           *created_at;
};

struct _PlStaff
{
  gint64       id;
  char        *username;
  char        *display_name;
  PlStaffRole  role;
  char        *password_hash;
  int          failed_attempts;
  char        *locked_until;
  char        *created_at;
};

/* A carer's own profile on a shared computer */
struct _PlCarer
{
  gint64  id;
  char   *name;
  char   *pin_hash;
  char   *created_at;
  char   *updated_at;
};

/* A carer reads a person's documents as one of that person's contacts, and
 * sees what that contact may see (NG86 1.1.14-1.1.15) */
struct _PlCarerLink
{
  gint64  id;
  gint64  carer_id;
  gint64  contact_id;
};

/* What a coded communication need changes, as staff set it; overrides the
 * built-in effects of that code (pl-needs.h) */
struct _PlNeedRule
{
  gint64    id;
  char     *code;
  int       min_text_size;   /* points; 0: no effect */
  gboolean  high_contrast;
  gboolean  read_aloud;
  gboolean  more_time;       /* slower speech, longer pauses (NG86 1.1.5) */
};

struct _PlHistory
{
  gint64  id;
  char   *at;
  char   *actor;
  char   *table_name;
  gint64  record_id;
  char   *field;
  char   *old_value;
  char   *new_value;
};

extern const PlRecordType pl_service_type;
extern const PlRecordType pl_person_type;
extern const PlRecordType pl_comm_need_type;
extern const PlRecordType pl_settings_type;
extern const PlRecordType pl_contact_type;
extern const PlRecordType pl_sharing_type;
extern const PlRecordType pl_plan_type;
extern const PlRecordType pl_plan_section_type;
extern const PlRecordType pl_outcome_type;
extern const PlRecordType pl_visit_type;
extern const PlRecordType pl_medicine_type;
extern const PlRecordType pl_risk_type;
extern const PlRecordType pl_welcome_pack_type;
extern const PlRecordType pl_complaint_type;
extern const PlRecordType pl_complaint_event_type;
extern const PlRecordType pl_diary_entry_type;
extern const PlRecordType pl_staff_type;
extern const PlRecordType pl_carer_type;
extern const PlRecordType pl_carer_link_type;
/* A carer's display settings: a PlSettings whose person_id holds the carer's id */
extern const PlRecordType pl_carer_settings_type;
extern const PlRecordType pl_need_rule_type;
extern const PlRecordType pl_history_type;

/* Every record type, in an order that satisfies foreign keys */
const PlRecordType * const *pl_record_types (guint *n_types);

extern const char * const pl_need_category_nicks[];
extern const char * const pl_contact_role_nicks[];
extern const char * const pl_sharing_scope_nicks[];
extern const char * const pl_plan_status_nicks[];
extern const char * const pl_section_kind_nicks[];
extern const char * const pl_feedback_kind_nicks[];
extern const char * const pl_complaint_status_nicks[];
extern const char * const pl_visit_outcome_nicks[];
extern const char * const pl_staff_role_nicks[];

#define PL_DECLARE_RECORD(Type, type_name)                                        \
  Type *type_name##_new (void);                                                   \
  void  type_name##_free (Type *self);                                            \
  Type *type_name##_copy (const Type *self);                                      \
  G_DEFINE_AUTOPTR_CLEANUP_FUNC (Type, type_name##_free)

PL_DECLARE_RECORD (PlService, pl_service)
PL_DECLARE_RECORD (PlPerson, pl_person)
PL_DECLARE_RECORD (PlCommNeed, pl_comm_need)
PL_DECLARE_RECORD (PlSettings, pl_settings)
PL_DECLARE_RECORD (PlContact, pl_contact)
PL_DECLARE_RECORD (PlSharing, pl_sharing)
PL_DECLARE_RECORD (PlPlan, pl_plan)
PL_DECLARE_RECORD (PlPlanSection, pl_plan_section)
PL_DECLARE_RECORD (PlOutcome, pl_outcome)
PL_DECLARE_RECORD (PlVisit, pl_visit)
PL_DECLARE_RECORD (PlMedicine, pl_medicine)
PL_DECLARE_RECORD (PlRisk, pl_risk)
PL_DECLARE_RECORD (PlWelcomePack, pl_welcome_pack)
PL_DECLARE_RECORD (PlComplaint, pl_complaint)
PL_DECLARE_RECORD (PlComplaintEvent, pl_complaint_event)
PL_DECLARE_RECORD (PlDiaryEntry, pl_diary_entry)
PL_DECLARE_RECORD (PlStaff, pl_staff)
PL_DECLARE_RECORD (PlCarer, pl_carer)
PL_DECLARE_RECORD (PlCarerLink, pl_carer_link)
PL_DECLARE_RECORD (PlNeedRule, pl_need_rule)
PL_DECLARE_RECORD (PlHistory, pl_history)

/* Words a person reads, translated: "Monday", "Care coordinator", "Please do"… */
const char *pl_section_kind_title     (PlSectionKind   kind);
const char *pl_contact_role_label     (PlContactRole   role);
const char *pl_sharing_scope_label    (PlSharingScope  scope);
const char *pl_need_category_label    (PlNeedCategory  category);
const char *pl_complaint_status_label (PlComplaintStatus status);
const char *pl_feedback_kind_label    (PlFeedbackKind  kind);
const char *pl_visit_outcome_label    (PlVisitOutcome  outcome);
const char *pl_staff_role_label       (PlStaffRole     role);
/* A visit's day read from a file where it is out of range: never saved,
 * and never shown as a day it may not be */
#define PL_WEEKDAY_UNKNOWN 8
const char *pl_weekday_label          (int             weekday);

/* The default display and speech settings for someone with no needs recorded */
PlSettings *pl_settings_new_default (gint64 person_id);

/* A form's content as it is typed, kept until it is saved or thrown away
 * (pl-draft.h): the record's fields as JSON */
typedef struct _PlDraft PlDraft;
struct _PlDraft
{
  gint64  id;
  gint64  staff_id;    /* who is typing; 0 when it is the person */
  gint64  person_id;   /* whose record it is; 0 for none */
  char   *table_name;  /* what is being edited… */
  gint64  record_id;   /* …which record; 0 for one not saved yet… */
  char   *new_key;     /* …told apart by this */
  char   *content;
  char   *updated_at;
};

/* The person's or a carer's own words about a diary entry (NG21 1.3.22) */
typedef struct _PlDiaryComment PlDiaryComment;
struct _PlDiaryComment
{
  gint64  id;
  gint64  entry_id;
  gint64  carer_id;    /* 0 when the person wrote it */
  char   *author;      /* the name they signed with */
  char   *body;
  char   *created_at;
};

/* "You said, we did": feedback and what the service did, for everyone who
 * uses the service to read (NG86 1.6.11) */
typedef struct _PlServiceResponse PlServiceResponse;
struct _PlServiceResponse
{
  gint64  id;
  gint64  service_id;
  gint64  complaint_id;  /* the feedback it answers; 0 for none; never shown */
  char   *you_said;
  char   *we_did;
  char   *published_on;  /* "YYYY-MM-DD"; NULL while not yet published */
  char   *created_at;
  char   *updated_at;
};

/* How a name, a place or a medicine is said (pl-pronunciation.h): for the
 * whole service (service_id) or one person (person_id), never both */
struct _PlPronunciation
{
  gint64  id;
  gint64  service_id;  /* 0 for one person's */
  gint64  person_id;   /* 0 for the service's */
  char   *written;     /* "Whitaker": whole words, matched whatever their case */
  char   *said;        /* "Whit-acker", or espeak-ng phonemes "[[w'ItAk@]]" */
  char   *language;    /* the voice it is for: "en-GB", "cy" */
  char   *created_at;
  char   *updated_at;
};

/* The picture staff chose for some words in easy read (pl-symbol-choice.h):
 * for the whole service (service_id) or one person (person_id), never both */
struct _PlSymbolChoice
{
  gint64  id;
  gint64  service_id;   /* 0 for one person's */
  gint64  person_id;    /* 0 for the service's */
  char   *words;        /* "cup of tea": up to four words, whatever their case */
  char   *symbol;       /* a symbol Plainly ships; NULL: no picture for these words */
  char   *description;  /* what a screen reader says of it; NULL: decoration */
  char   *created_at;
  char   *updated_at;
};

/* Words staff wrote in a person's plan, in another language
 * (pl-plan-translation.h): keyed by the words they translate */
struct _PlPlanTranslation
{
  gint64  id;
  gint64  person_id;
  char   *language;     /* "en-GB", "cy" */
  char   *source;       /* the words as written in the plan */
  char   *translation;  /* the same in language */
  char   *created_at;
  char   *updated_at;
};

/* The plan as the person last saw it (NG86 1.4.8), see pl-plan-version.h */
typedef struct _PlPlanView PlPlanView;
struct _PlPlanView
{
  gint64  id;
  gint64  person_id;
  gint64  plan_id;
  char   *snapshot;    /* the plan and its parts as JSON */
  char   *updated_at;
};

extern const PlRecordType pl_draft_type;
extern const PlRecordType pl_plan_view_type;
extern const PlRecordType pl_diary_comment_type;
extern const PlRecordType pl_service_response_type;
extern const PlRecordType pl_symbol_choice_type;
extern const PlRecordType pl_pronunciation_type;
extern const PlRecordType pl_plan_translation_type;

PL_DECLARE_RECORD (PlDraft, pl_draft)
PL_DECLARE_RECORD (PlPlanView, pl_plan_view)
PL_DECLARE_RECORD (PlDiaryComment, pl_diary_comment)
PL_DECLARE_RECORD (PlServiceResponse, pl_service_response)
PL_DECLARE_RECORD (PlSymbolChoice, pl_symbol_choice)
PL_DECLARE_RECORD (PlPronunciation, pl_pronunciation)
PL_DECLARE_RECORD (PlPlanTranslation, pl_plan_translation)

G_END_DECLS
