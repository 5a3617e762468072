/* pl-store.h: the one SQLite file that holds everything
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pl-model.h"

G_BEGIN_DECLS

#define PL_STORE_ERROR (pl_store_error_quark ())

typedef enum
{
  PL_STORE_ERROR_NO_DIRECTORY, /* the folder for the file does not exist */
  PL_STORE_ERROR_NOT_DATABASE, /* the file is not a database at all */
  PL_STORE_ERROR_NOT_OURS,     /* a database, but not a Plainly one */
  PL_STORE_ERROR_CORRUPT,
  PL_STORE_ERROR_TOO_NEW,      /* written by a newer Plainly */
  PL_STORE_ERROR_READ_ONLY,
  PL_STORE_ERROR_FULL,         /* the disk is full */
  PL_STORE_ERROR_BUSY,         /* another program holds the file */
  PL_STORE_ERROR_NOT_FOUND,
  PL_STORE_ERROR_INVALID,      /* the record breaks a rule (empty name…) */
  PL_STORE_ERROR_FAILED,
} PlStoreError;

typedef enum
{
  PL_STORE_OPEN_DEFAULT   = 0,
  PL_STORE_OPEN_NO_CREATE = 1 << 0, /* a missing file is an error, not a new database */
  /* Nothing is written to the file. A file from an older version is read
   * through an updated copy in memory; the file itself is not updated. */
  PL_STORE_OPEN_READ_ONLY = 1 << 1,
  /* With READ_ONLY: an older file is read as it is, not updated even in
   * memory (for check, which reports on the file itself) */
  PL_STORE_OPEN_AS_IS     = 1 << 2,
  /* A file that cannot be written is opened for reading, with a notice,
   * rather than refused */
  PL_STORE_OPEN_READ_IF_READ_ONLY = 1 << 3,
} PlStoreOpenFlags;

/* The schema version this build writes; see data/schema/ */
#define PL_STORE_SCHEMA_VERSION 13

typedef struct
{
  gboolean  integrity_ok;
  char     *integrity_message;  /* "ok" or SQLite's first complaint */
  int       schema_version;
  gboolean  foreign_keys_ok;
  GPtrArray *table_names;       /* (element-type utf8) */
  GArray    *row_counts;        /* (element-type gint64), one per table name */
  GPtrArray *problems;          /* (element-type utf8): anything else wrong, in plain words */
} PlStoreReport;

void pl_store_report_free (PlStoreReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlStoreReport, pl_store_report_free)

GQuark      pl_store_error_quark      (void);

char       *pl_store_default_path     (void);
PlStore    *pl_store_open             (const char        *path,
                                       PlStoreOpenFlags   flags,
                                       GError           **error);
/* The store is shared by whoever holds a reference (windows, edit
 * sessions, tasks); the file is closed with the last one */
PlStore    *pl_store_ref              (PlStore           *self);
void        pl_store_unref            (PlStore           *self);
const char *pl_store_get_path         (PlStore           *self);
int         pl_store_get_schema_version (PlStore         *self);
/* TRUE when nothing can be saved: opened with PL_STORE_OPEN_READ_ONLY, or
 * a read-only file opened with PL_STORE_OPEN_READ_IF_READ_ONLY */
gboolean    pl_store_is_read_only     (PlStore           *self);
/* What opening the file did or found that the person should be told, in
 * plain words: a backup made before an update, permissions tightened, a
 * file that cannot be changed. NULL-terminated; empty when nothing. */
const char * const *pl_store_get_notices (PlStore        *self);

/* Who is making changes, recorded in the history ("Sam Patel (coordinator)") */
void        pl_store_set_actor        (PlStore           *self,
                                       const char        *actor);
const char *pl_store_get_actor        (PlStore           *self);

/* Another connection to the same file, for a second window: its own actor
 * and transactions, the same clock, read-only when this one is. What each
 * commits the other reads (the file is in WAL mode). */
PlStore    *pl_store_open_another     (PlStore           *self,
                                       GError           **error);
/* A number that changes when another connection (the other window,
 * plainly-cli…) has committed a change to the file since it was last
 * asked; what this connection writes leaves it as it is. 0 when it cannot
 * be read. */
gint64      pl_store_get_data_version (PlStore           *self);

typedef void (*PlStoreCommitFunc) (PlStore  *store,
                                   gpointer  user_data);
/* func is called on the caller's main context soon after this connection
 * has committed changes (once for several close together), so others can
 * read them; NULL stops it. The store is kept until the call is made. */
void        pl_store_set_commit_func  (PlStore           *self,
                                       PlStoreCommitFunc  func,
                                       gpointer           user_data);

/* Several saves as one: nothing is kept unless commit succeeds. Nests. */
gboolean    pl_store_begin            (PlStore           *self,
                                       GError           **error);
gboolean    pl_store_commit           (PlStore           *self,
                                       GError           **error);
void        pl_store_rollback         (PlStore           *self);

/* Generic record access; the typed wrappers below are what callers use. */
gboolean    pl_store_save             (PlStore            *self,
                                       const PlRecordType *type,
                                       gpointer            record,
                                       GError            **error);
gpointer    pl_store_load             (PlStore            *self,
                                       const PlRecordType *type,
                                       gint64              id,
                                       GError            **error);
GPtrArray  *pl_store_list             (PlStore            *self,
                                       const PlRecordType *type,
                                       gint64              parent_id,
                                       GError            **error);
gboolean    pl_store_delete           (PlStore            *self,
                                       const PlRecordType *type,
                                       gint64              id,
                                       GError            **error);
/* For records kept for a whole service or for one person (person_id and
 * service_id columns: pronunciations, chosen pictures): the service's
 * own, and a person's own followed by their service's */
GPtrArray  *pl_store_list_for_service (PlStore            *self,
                                       const PlRecordType *type,
                                       gint64              service_id,
                                       GError            **error);
GPtrArray  *pl_store_list_with_service (PlStore            *self,
                                        const PlRecordType *type,
                                        gint64              person_id,
                                        GError            **error);

#define PL_STORE_DEFINE_RECORD(Type, name, plural, rtype)                                   \
  static inline gboolean pl_store_save_##name (PlStore *self, Type *r, GError **error)      \
  { return pl_store_save (self, &rtype, r, error); }                                        \
  static inline Type *pl_store_load_##name (PlStore *self, gint64 id, GError **error)       \
  { return (Type *) pl_store_load (self, &rtype, id, error); }                              \
  static inline gboolean pl_store_delete_##name (PlStore *self, gint64 id, GError **error)  \
  { return pl_store_delete (self, &rtype, id, error); }                                     \
  static inline GPtrArray *pl_store_list_##plural (PlStore *self, gint64 owner, GError **error) \
  { return pl_store_list (self, &rtype, owner, error); }

/* owner: the service, person, plan, contact or complaint the record belongs to;
 * 0 lists them all for types that have no owner (people, services, staff). */
PL_STORE_DEFINE_RECORD (PlService, service, services, pl_service_type)
PL_STORE_DEFINE_RECORD (PlPerson, person, people, pl_person_type)
PL_STORE_DEFINE_RECORD (PlCommNeed, comm_need, comm_needs, pl_comm_need_type)
PL_STORE_DEFINE_RECORD (PlSettings, settings, settings, pl_settings_type)
PL_STORE_DEFINE_RECORD (PlContact, contact, contacts, pl_contact_type)
PL_STORE_DEFINE_RECORD (PlSharing, sharing, sharings, pl_sharing_type)
PL_STORE_DEFINE_RECORD (PlPlan, plan, plans, pl_plan_type)
PL_STORE_DEFINE_RECORD (PlPlanSection, plan_section, plan_sections, pl_plan_section_type)
PL_STORE_DEFINE_RECORD (PlOutcome, outcome, outcomes, pl_outcome_type)
PL_STORE_DEFINE_RECORD (PlVisit, visit, visits, pl_visit_type)
PL_STORE_DEFINE_RECORD (PlMedicine, medicine, medicines, pl_medicine_type)
PL_STORE_DEFINE_RECORD (PlRisk, risk, risks, pl_risk_type)
PL_STORE_DEFINE_RECORD (PlWelcomePack, welcome_pack, welcome_packs, pl_welcome_pack_type)
PL_STORE_DEFINE_RECORD (PlComplaint, complaint, complaints, pl_complaint_type)
PL_STORE_DEFINE_RECORD (PlComplaintEvent, complaint_event, complaint_events, pl_complaint_event_type)
PL_STORE_DEFINE_RECORD (PlDiaryEntry, diary_entry, diary_entries, pl_diary_entry_type)
PL_STORE_DEFINE_RECORD (PlStaff, staff, staff, pl_staff_type)
PL_STORE_DEFINE_RECORD (PlCarer, carer, carers, pl_carer_type)
PL_STORE_DEFINE_RECORD (PlCarerLink, carer_link, carer_links, pl_carer_link_type)
PL_STORE_DEFINE_RECORD (PlSettings, carer_settings, carer_settings, pl_carer_settings_type)
PL_STORE_DEFINE_RECORD (PlNeedRule, need_rule, need_rules, pl_need_rule_type)
PL_STORE_DEFINE_RECORD (PlDraft, draft, drafts, pl_draft_type)
PL_STORE_DEFINE_RECORD (PlPlanView, plan_view, plan_views, pl_plan_view_type)
PL_STORE_DEFINE_RECORD (PlDiaryComment, diary_comment, diary_comments, pl_diary_comment_type)
PL_STORE_DEFINE_RECORD (PlServiceResponse, service_response, service_responses, pl_service_response_type)
PL_STORE_DEFINE_RECORD (PlSymbolChoice, symbol_choice, symbol_choices, pl_symbol_choice_type)
PL_STORE_DEFINE_RECORD (PlPronunciation, pronunciation, pronunciations, pl_pronunciation_type)
PL_STORE_DEFINE_RECORD (PlPlanTranslation, plan_translation, plan_translations,
                        pl_plan_translation_type)

/* Lookups beyond "by id" and "by owner" */
PlPerson      *pl_store_find_person      (PlStore     *self,
                                          const char  *id_or_name,
                                          GError     **error);
PlPerson      *pl_store_find_person_by_external_id (PlStore    *self,
                                                    const char *external_id,
                                                    GError    **error);
/* The person with this NHS number (ten digits, no spaces), the one
 * reference every care record in England shares */
PlPerson      *pl_store_find_person_by_nhs_number (PlStore    *self,
                                                   const char *nhs_number,
                                                   GError    **error);
PlPlan        *pl_store_current_plan     (PlStore     *self,
                                          gint64       person_id,
                                          GError     **error);
PlSettings    *pl_store_get_settings     (PlStore     *self,
                                          gint64       person_id,
                                          GError     **error);
/* The defaults person_id's recorded needs ask for, with the staff's rules
 * for what each need changes (pl-needs.h) */
PlSettings    *pl_store_settings_for_needs (PlStore  *self,
                                            gint64    person_id,
                                            GError  **error);
/* A carer's display settings; defaults when none are saved */
PlSettings    *pl_store_get_carer_settings (PlStore  *self,
                                            gint64    carer_id,
                                            GError  **error);
/* The people a carer supports, in the order of the start screen */
GPtrArray     *pl_store_carer_people     (PlStore     *self,
                                          gint64       carer_id,
                                          GError     **error);
/* What a carer may see of person_id's records, as PL_SCOPE_BIT()s of the
 * sharing recorded for their contact in the person's plan (NG86 1.1.14-1.1.15);
 * 0 when they are not linked to that person */
gboolean       pl_store_carer_scopes     (PlStore     *self,
                                          gint64       carer_id,
                                          gint64       person_id,
                                          guint       *scopes,
                                          GError     **error);
PlWelcomePack *pl_store_welcome_pack_for_person (PlStore  *self,
                                                 gint64    person_id,
                                                 GError  **error);
PlComplaint   *pl_store_find_complaint   (PlStore     *self,
                                          const char  *reference,
                                          GError     **error);
GPtrArray     *pl_store_recent_diary     (PlStore     *self,
                                          gint64       person_id,
                                          guint        limit,
                                          GError     **error);
/* FTS5 over what was done, how the person was and follow-up; person_id 0: everyone */
GPtrArray     *pl_store_search_diary     (PlStore     *self,
                                          gint64       person_id,
                                          const char  *words,
                                          guint        limit,
                                          GError     **error);
GPtrArray     *pl_store_list_history     (PlStore            *self,
                                          const PlRecordType *type,
                                          gint64              record_id,
                                          GError            **error);
/* Removes a person and everything about them, in one transaction, their
 * words in the history too (UK GDPR erasure): the history keeps only that
 * record person_id was deleted, by whom and when */
gboolean       pl_store_delete_person_all (PlStore    *self,
                                           gint64      person_id,
                                           GError    **error);

PlStoreReport *pl_store_check            (PlStore     *self,
                                          GError     **error);
gboolean       pl_store_backup           (PlStore     *self,
                                          const char  *dest_path,
                                          GError     **error);

/* The store's clock: what it stamps on the records it saves and what waits
 * after wrong tries are measured by. fixed: a moment to use from now on, so
 * that tests need not sleep to see time pass; NULL for the real time. */
void           pl_store_set_clock        (PlStore     *self,
                                          GDateTime   *fixed);
/* The store's clock now, in UTC */
GDateTime     *pl_store_get_time         (PlStore     *self);

/* Whose wrong tries are counted: a person's or a carer's PIN (by id), or a
 * staff user name that no account has (staff accounts count their own) */
typedef enum
{
  PL_STORE_TRIES_PERSON,
  PL_STORE_TRIES_CARER,
  PL_STORE_TRIES_USERNAME,
} PlStoreTries;

/* Wrong tries in a row and when the next may be made (ISO 8601 UTC, NULL
 * for now); 0 and NULL when there were none. id for a person or a carer,
 * username for a user name. */
gboolean       pl_store_get_wrong_tries  (PlStore      *self,
                                          PlStoreTries  who,
                                          gint64        id,
                                          const char   *username,
                                          guint        *failures,
                                          char        **wait_until,
                                          GError      **error);
/* failures 0 forgets them. Not kept in the history: a wrong try changes
 * no record. */
gboolean       pl_store_set_wrong_tries  (PlStore      *self,
                                          PlStoreTries  who,
                                          gint64        id,
                                          const char   *username,
                                          guint         failures,
                                          const char   *wait_until,
                                          GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlStore, pl_store_unref)

G_END_DECLS
