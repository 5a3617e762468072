/* pl-fhir-import-save.c: what was read from a bundle, saved in one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Someone new is added with all that was read. Someone already held (the
 * same NHS number, or else the same reference) keeps what they have: needs and people not held yet are
 * added, and a plan that differs from their newest becomes a version after
 * it, so History shows what changed and nothing is overwritten.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-fhir-import-private.h"
#include "pl-plan-translation.h"

typedef struct
{
  PlPerson      *held;         /* the person already held, or NULL */
  gboolean       by_nhs_number; /* held found by their NHS number, not the reference */
  PlPlanContent *held_plan;    /* their newest plan, or NULL */
  int            newest;       /* their newest plan's version; 0 for none */
  gint64         service_id;   /* the service held or added; 0 for none */
  gboolean       new_service;
  gboolean       new_pack;
  guint          new_complaints;
  guint          new_diary;
  guint          new_needs;
  guint          new_contacts;
  guint          n_changes;    /* between held_plan and the plan read */
  gboolean       adds_plan;
  guint          new_translations;
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_clear_pointer (&outcome->held, pl_person_free);
  g_clear_pointer (&outcome->held_plan, pl_plan_content_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Outcome, outcome_clear)

static gboolean
need_is_held (const PlCommNeed *need,
              GPtrArray        *held)
{
  for (guint i = 0; i < held->len; i++)
    {
      const PlCommNeed *other = g_ptr_array_index (held, i);

      if (need->code != NULL ? g_strcmp0 (need->code, other->code) == 0
                             : g_strcmp0 (need->description, other->description) == 0)
        return TRUE;
    }
  return FALSE;
}

static gint64
held_contact_id (const PlContact *contact,
                 GPtrArray       *held)
{
  for (guint i = 0; held != NULL && i < held->len; i++)
    {
      const PlContact *other = g_ptr_array_index (held, i);

      if (g_strcmp0 (contact->name, other->name) == 0)
        return other->id;
    }
  return 0;
}

/* The plan read, as it would be saved: coordinator_id the contact's id
 * where it is known */
static PlPlanContent *
plan_to_save (PlFhirImport *self,
              GArray       *contact_ids)
{
  PlPlanContent *content = g_new0 (PlPlanContent, 1);

  content->plan = pl_plan_copy (self->plan->plan);
  if (self->coordinator > 0)
    content->plan->coordinator_id = g_array_index (contact_ids, gint64, self->coordinator - 1);
  for (guint i = 0; i < PL_PLAN_N_PARTS; i++)
    {
      const PlRecordType *type = pl_plan_part_type (i);

      content->parts[i] = g_ptr_array_new_with_free_func (type->free_func);
      for (guint j = 0; j < self->plan->parts[i]->len; j++)
        g_ptr_array_add (content->parts[i],
                         pl_record_copy (type, g_ptr_array_index (self->plan->parts[i], j)));
    }
  return content;
}

/* Whether a person held with the same NHS number is the one read: the same
 * date of birth where both have one, and the same name, whatever its case
 * and spacing. Another name means one of the NHS numbers is wrong, and
 * joining two people's records would be far worse than refusing. */
static gboolean
same_person (const PlPerson *held,
             const PlPerson *read)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (!pl_text_is_blank (held->date_of_birth) && !pl_text_is_blank (read->date_of_birth) &&
      g_strcmp0 (held->date_of_birth, read->date_of_birth) != 0)
    return FALSE;
  if (pl_text_is_blank (held->full_name) || pl_text_is_blank (read->full_name))
    return TRUE;
  a = g_utf8_casefold (held->full_name, -1);
  b = g_utf8_casefold (read->full_name, -1);
  g_strstrip (g_strdelimit (a, "\t\n", ' '));
  g_strstrip (g_strdelimit (b, "\t\n", ' '));
  return g_utf8_collate (a, b) == 0;
}

static gboolean
find_held (PlFhirImport  *self,
           PlStore       *store,
           Outcome       *outcome,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PlPlan) current = NULL;
  g_autoptr(GPtrArray) versions = NULL;

  /* The NHS number first: every care record in England shares it, while
   * the sender's own reference is only theirs. A valid one was checked by
   * its check digit when read. */
  if (self->person->nhs_number != NULL && pl_text_is_nhs_number (self->person->nhs_number))
    {
      outcome->held = pl_store_find_person_by_nhs_number (store, self->person->nhs_number,
                                                          &local_error);
      if (outcome->held == NULL && !g_error_matches (local_error, PL_STORE_ERROR,
                                                     PL_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_clear_error (&local_error);
      outcome->by_nhs_number = outcome->held != NULL;
      if (outcome->by_nhs_number && !same_person (outcome->held, self->person))
        {
          g_set_error (error, PL_FHIR_IMPORT_ERROR, PL_FHIR_IMPORT_ERROR_OTHER_PERSON,
                       _("The NHS number %s is already held for %s, but this record is for "
                         "%s. One of the two NHS numbers is wrong: check it with the sender "
                         "before importing. Nothing was saved."),
                       self->person->nhs_number, outcome->held->full_name,
                       self->person->full_name);
          return FALSE;
        }
    }
  if (outcome->held == NULL && self->person->external_id != NULL)
    {
      outcome->held = pl_store_find_person_by_external_id (store, self->person->external_id,
                                                           &local_error);
      if (outcome->held == NULL && !g_error_matches (local_error, PL_STORE_ERROR,
                                                     PL_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  if (outcome->held == NULL)
    return TRUE;

  versions = pl_store_list_plans (store, outcome->held->id, error);
  if (versions == NULL)
    return FALSE;
  for (guint i = 0; i < versions->len; i++)
    {
      PlPlan *plan = g_ptr_array_index (versions, i);

      if (plan->version >= outcome->newest)
        {
          outcome->newest = plan->version;
          g_clear_pointer (&outcome->held_plan, pl_plan_content_free);
          outcome->held_plan = pl_plan_content_load (store, plan->id, error);
          if (outcome->held_plan == NULL)
            return FALSE;
        }
    }
  return TRUE;
}

/* The service read: the one held with its name, or a new one */
static gboolean
import_service (PlFhirImport  *self,
                PlStore       *store,
                gboolean       save,
                Outcome       *outcome,
                GError       **error)
{
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GPtrArray) packs = NULL;

  if (self->service == NULL)
    return TRUE;
  services = pl_store_list_services (store, 0, error);
  if (services == NULL)
    return FALSE;
  for (guint i = 0; i < services->len && outcome->service_id == 0; i++)
    {
      PlService *held = g_ptr_array_index (services, i);

      if (g_strcmp0 (held->name, self->service->name) == 0)
        outcome->service_id = held->id;
    }
  if (outcome->service_id == 0)
    {
      outcome->new_service = TRUE;
      if (save)
        {
          g_autoptr(PlService) service = pl_service_copy (self->service);

          service->id = 0;
          if (!pl_store_save_service (store, service, error))
            return FALSE;
          outcome->service_id = service->id;
        }
    }

  if (self->welcome_pack == NULL)
    return TRUE;
  if (outcome->service_id != 0)
    {
      packs = pl_store_list_welcome_packs (store, outcome->service_id, error);
      if (packs == NULL)
        return FALSE;
      for (guint i = 0; i < packs->len; i++)
        if (g_strcmp0 (((PlWelcomePack *) g_ptr_array_index (packs, i))->title,
                       self->welcome_pack->title) == 0)
          return TRUE;
    }
  outcome->new_pack = TRUE;
  if (save)
    {
      g_autoptr(PlWelcomePack) pack = pl_welcome_pack_copy (self->welcome_pack);

      pack->id = 0;
      pack->service_id = outcome->service_id;
      if (!pl_store_save_welcome_pack (store, pack, error))
        return FALSE;
    }
  return TRUE;
}

/* Complaints and diary entries not held yet: a complaint by its reference,
 * an entry by its day and planned time */
static gboolean
import_records (PlFhirImport  *self,
                PlStore       *store,
                gboolean       save,
                Outcome       *outcome,
                gint64         person_id,
                GError       **error)
{
  g_autoptr(GPtrArray) held_complaints = NULL;
  g_autoptr(GPtrArray) held_diary = NULL;

  if (outcome->held != NULL)
    {
      held_complaints = pl_store_list_complaints (store, person_id, error);
      if (held_complaints == NULL)
        return FALSE;
      held_diary = pl_store_list_diary_entries (store, person_id, error);
      if (held_diary == NULL)
        return FALSE;
    }

  for (guint i = 0; i < self->complaints->len; i++)
    {
      const PlComplaint *complaint = g_ptr_array_index (self->complaints, i);
      GPtrArray *events = g_ptr_array_index (self->complaint_events, i);
      g_autoptr(PlComplaint) copy = NULL;
      gboolean held = FALSE;

      for (guint j = 0; held_complaints != NULL && j < held_complaints->len && !held; j++)
        held = complaint->reference != NULL &&
               g_strcmp0 (((PlComplaint *) g_ptr_array_index (held_complaints, j))->reference,
                          complaint->reference) == 0;
      if (held)
        continue;
      outcome->new_complaints++;
      if (!save)
        continue;
      copy = pl_complaint_copy (complaint);
      copy->id = 0;
      copy->person_id = person_id;
      if (!pl_store_save_complaint (store, copy, error))
        return FALSE;
      for (guint j = 0; j < events->len; j++)
        {
          g_autoptr(PlComplaintEvent) event = pl_complaint_event_copy (g_ptr_array_index (events, j));

          event->id = 0;
          event->complaint_id = copy->id;
          if (!pl_store_save_complaint_event (store, event, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < self->diary->len; i++)
    {
      const PlDiaryEntry *entry = g_ptr_array_index (self->diary, i);
      g_autoptr(PlDiaryEntry) copy = NULL;
      GPtrArray *comments;
      gboolean held = FALSE;

      for (guint j = 0; held_diary != NULL && j < held_diary->len && !held; j++)
        {
          const PlDiaryEntry *other = g_ptr_array_index (held_diary, j);

          held = g_strcmp0 (other->visit_date, entry->visit_date) == 0 &&
                 g_strcmp0 (other->planned_time, entry->planned_time) == 0;
        }
      if (held)
        continue;
      outcome->new_diary++;
      if (!save)
        continue;
      copy = pl_diary_entry_copy (entry);
      copy->id = 0;
      copy->person_id = person_id;
      if (!pl_store_save_diary_entry (store, copy, error))
        return FALSE;
      comments = g_ptr_array_index (self->diary_comments, i);
      for (guint j = 0; j < comments->len; j++)
        {
          g_autoptr(PlDiaryComment) comment = pl_diary_comment_copy (g_ptr_array_index (comments, j));

          /* Signed with their name; their account here, if any, is not known */
          comment->id = 0;
          comment->entry_id = copy->id;
          comment->carer_id = 0;
          if (!pl_store_save_diary_comment (store, comment, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Works out what saving would do; with save, does it */
/* The plan's words in other languages, where they are not held already */
static gboolean
import_translations (PlFhirImport  *self,
                     PlStore       *store,
                     gboolean       save,
                     Outcome       *outcome,
                     gint64         person_id,
                     GError       **error)
{
  GHashTableIter iter;
  gpointer language, table;

  g_hash_table_iter_init (&iter, self->translations);
  while (g_hash_table_iter_next (&iter, &language, &table))
    {
      g_autoptr(GHashTable) held = NULL;
      GHashTableIter texts;
      gpointer source, translation;

      if (outcome->held != NULL)
        {
          held = pl_plan_translation_table (store, person_id, language, error);
          if (held == NULL)
            return FALSE;
        }
      g_hash_table_iter_init (&texts, table);
      while (g_hash_table_iter_next (&texts, &source, &translation))
        if (held == NULL || g_strcmp0 (g_hash_table_lookup (held, source), translation) != 0)
          outcome->new_translations++;
      if (save && !pl_plan_translation_save (store, person_id, language, table, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_into (PlFhirImport  *self,
             PlStore       *store,
             gboolean       save,
             Outcome       *outcome,
             gint64        *out_person_id,
             gint64        *out_plan_id,
             GError       **error)
{
  g_autoptr(GPtrArray) held_needs = NULL;
  g_autoptr(GPtrArray) held_contacts = NULL;
  g_autoptr(GArray) contact_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(PlPlanContent) plan = NULL;
  gint64 person_id = 0;

  if (!find_held (self, store, outcome, error) ||
      !import_service (self, store, save, outcome, error))
    return FALSE;

  if (outcome->held != NULL)
    {
      person_id = outcome->held->id;
      held_needs = pl_store_list_comm_needs (store, person_id, error);
      if (held_needs == NULL)
        return FALSE;
      held_contacts = pl_store_list_contacts (store, person_id, error);
      if (held_contacts == NULL)
        return FALSE;
    }
  else if (save)
    {
      g_autoptr(PlPerson) person = pl_person_copy (self->person);

      person->id = 0;
      person->service_id = outcome->service_id;
      if (!pl_store_save_person (store, person, error))
        return FALSE;
      person_id = person->id;
    }

  for (guint i = 0; i < self->needs->len; i++)
    {
      g_autoptr(PlCommNeed) need = NULL;

      if (held_needs != NULL && need_is_held (g_ptr_array_index (self->needs, i), held_needs))
        continue;
      outcome->new_needs++;
      if (!save)
        continue;
      need = pl_comm_need_copy (g_ptr_array_index (self->needs, i));
      need->person_id = person_id;
      if (!pl_store_save_comm_need (store, need, error))
        return FALSE;
    }

  g_array_set_size (contact_ids, self->contacts->len);
  for (guint i = 0; i < self->contacts->len; i++)
    {
      g_autoptr(PlContact) contact = NULL;
      gint64 id = held_contact_id (g_ptr_array_index (self->contacts, i), held_contacts);
      guint scopes = g_array_index (self->contact_scopes, guint, i);

      if (id != 0)
        {
          g_array_index (contact_ids, gint64, i) = id;
          continue;
        }
      outcome->new_contacts++;
      if (!save)
        continue;
      contact = pl_contact_copy (g_ptr_array_index (self->contacts, i));
      contact->person_id = person_id;
      if (held_contacts != NULL)
        contact->position += (int) held_contacts->len;
      if (!pl_store_save_contact (store, contact, error))
        return FALSE;
      g_array_index (contact_ids, gint64, i) = contact->id;

      for (guint scope = 0; scope <= PL_SCOPE_WELCOME_PACK; scope++)
        {
          g_autoptr(PlSharing) sharing = NULL;

          if ((scopes & PL_SCOPE_BIT (scope)) == 0)
            continue;
          sharing = pl_sharing_new ();
          sharing->contact_id = contact->id;
          sharing->scope = (PlSharingScope) scope;
          if (!pl_store_save_sharing (store, sharing, error))
            return FALSE;
        }
    }

  if (self->plan != NULL)
    {
      plan = plan_to_save (self, contact_ids);
      if (outcome->held_plan != NULL)
        {
          g_autoptr(GPtrArray) changes = pl_plan_content_compare (outcome->held_plan, plan);

          outcome->n_changes = changes->len;
          outcome->adds_plan = changes->len > 0;
          plan->plan->version = outcome->newest + 1;
        }
      else
        {
          outcome->adds_plan = TRUE;
          plan->plan->version = self->bundle_version > 0 ? self->bundle_version : 1;
        }
    }

  if (!import_records (self, store, save, outcome, person_id, error) ||
      !import_translations (self, store, save, outcome, person_id, error))
    return FALSE;

  if (outcome->held != NULL && !outcome->adds_plan && outcome->new_needs == 0 &&
      outcome->new_contacts == 0 && outcome->new_complaints == 0 && outcome->new_diary == 0 &&
      outcome->new_translations == 0 && !outcome->new_pack)
    return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_ALREADY_HELD, NULL, NULL,
                         _("Plainly already holds all of this for %s: the same plan, needs, "
                           "people and records. Nothing was changed."),
                         outcome->held->full_name);

  if (save && outcome->adds_plan)
    {
      plan->plan->id = 0;
      plan->plan->person_id = person_id;
      g_clear_pointer (&plan->plan->created_at, g_free);
      g_clear_pointer (&plan->plan->updated_at, g_free);
      if (!pl_store_save_plan (store, plan->plan, error))
        return FALSE;
      for (guint i = 0; i < PL_PLAN_N_PARTS; i++)
        {
          const PlRecordType *type = pl_plan_part_type (i);
          const PlField *parent = pl_record_type_find_field (type, type->parent);

          for (guint j = 0; j < plan->parts[i]->len; j++)
            {
              gpointer record = g_ptr_array_index (plan->parts[i], j);

              PL_RECORD_ID (record) = 0;
              *PL_FIELD_PTR (record, parent, gint64) = plan->plan->id;
              if (!pl_store_save (store, type, record, error))
                return FALSE;
            }
        }

      /* As when a plan is agreed in Plainly: the one agreed before is superseded */
      if (plan->plan->status == PL_PLAN_AGREED && outcome->held != NULL)
        {
          g_autoptr(GPtrArray) versions = pl_store_list_plans (store, person_id, error);

          if (versions == NULL)
            return FALSE;
          for (guint i = 0; i < versions->len; i++)
            {
              PlPlan *other = g_ptr_array_index (versions, i);

              if (other->id == plan->plan->id || other->status != PL_PLAN_AGREED)
                continue;
              other->status = PL_PLAN_SUPERSEDED;
              if (!pl_store_save_plan (store, other, error))
                return FALSE;
            }
        }
      if (out_plan_id != NULL)
        *out_plan_id = plan->plan->id;
    }

  if (out_person_id != NULL)
    *out_person_id = person_id;
  return TRUE;
}

char *
pl_fhir_import_describe (PlFhirImport  *self,
                         PlStore       *store,
                         GError       **error)
{
  g_auto(Outcome) outcome = { 0 };
  GString *words;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (store != NULL, NULL);

  if (!import_into (self, store, FALSE, &outcome, NULL, NULL, error))
    return NULL;

  words = g_string_new (NULL);
  if (outcome.held == NULL)
    {
      g_string_append_printf (words, _("Adds %s as someone new."), self->person->full_name);
      return g_string_free (words, FALSE);
    }

  g_string_append_printf (words,
                          outcome.by_nhs_number
                          ? _("%s is already in Plainly, with the same NHS number; what they "
                              "have is kept.")
                          : _("%s is already in Plainly, with the same reference; what "
                              "they have is kept."),
                          outcome.held->full_name);
  if (outcome.adds_plan && outcome.held_plan != NULL)
    {
      g_string_append_c (words, ' ');
      g_string_append_printf (words,
                              ngettext ("The plan read differs from their version %d in %u "
                                        "place: it is added as version %d, and History shows "
                                        "the difference.",
                                        "The plan read differs from their version %d in %u "
                                        "places: it is added as version %d, and History shows "
                                        "the differences.", outcome.n_changes),
                              outcome.newest, outcome.n_changes, outcome.newest + 1);
    }
  else if (outcome.adds_plan)
    {
      g_string_append_c (words, ' ');
      g_string_append (words, _("They have no plan yet: the plan read is added."));
    }
  else if (self->plan != NULL)
    {
      g_string_append_c (words, ' ');
      g_string_append_printf (words, _("Their plan is the same as their version %d, so it "
                                       "is not added again."), outcome.newest);
    }
  if (outcome.new_needs > 0)
    {
      g_string_append_c (words, ' ');
      g_string_append_printf (words, ngettext ("%u communication need is added.",
                                               "%u communication needs are added.",
                                               outcome.new_needs), outcome.new_needs);
    }
  if (outcome.new_contacts > 0)
    {
      g_string_append_c (words, ' ');
      g_string_append_printf (words, ngettext ("%u person involved is added.",
                                               "%u people involved are added.",
                                               outcome.new_contacts), outcome.new_contacts);
    }
  if (outcome.new_complaints > 0)
    {
      g_string_append_c (words, ' ');
      g_string_append_printf (words, ngettext ("%u complaint or compliment is added.",
                                               "%u complaints and compliments are added.",
                                               outcome.new_complaints), outcome.new_complaints);
    }
  if (outcome.new_diary > 0)
    {
      g_string_append_c (words, ' ');
      g_string_append_printf (words, ngettext ("%u diary entry is added.",
                                               "%u diary entries are added.",
                                               outcome.new_diary), outcome.new_diary);
    }
  return g_string_free (words, FALSE);
}

gboolean
pl_fhir_import_save (PlFhirImport  *self,
                     PlStore       *store,
                     const char    *actor,
                     gint64        *out_person_id,
                     gint64        *out_plan_id,
                     GError       **error)
{
  g_auto(Outcome) outcome = { 0 };
  g_autofree char *previous = NULL;
  gint64 person_id = 0;
  gint64 plan_id = 0;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (actor != NULL)
    {
      previous = g_strdup (pl_store_get_actor (store));
      pl_store_set_actor (store, actor);
    }

  /* All of it or none */
  ok = pl_store_begin (store, error);
  if (ok)
    {
      ok = import_into (self, store, TRUE, &outcome, &person_id, &plan_id, error);
      if (ok)
        ok = pl_store_commit (store, error);
      else
        pl_store_rollback (store);
    }

  if (actor != NULL)
    pl_store_set_actor (store, previous);

  if (!ok)
    return FALSE;
  if (out_person_id != NULL)
    *out_person_id = person_id;
  if (out_plan_id != NULL)
    *out_plan_id = plan_id;
  return TRUE;
}
