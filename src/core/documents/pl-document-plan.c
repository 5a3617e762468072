/* pl-document-plan.c: a person's care and support plan as a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A summary with links to every part comes first (NG21 1.3.13), then every
 * part in a fixed order. A part with nothing in it says so: it is never left
 * out, so the person can see what has not been talked about yet.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include "pl-i18n.h"

#include "pl-document-private.h"
#include "pl-needs.h"
#include "pl-plan-translation.h"

typedef struct
{
  PlStore    *store;
  PlPerson   *person;
  PlPlan     *plan;        /* NULL: no plan written yet */
  const char *bodies[PL_SECTION_N_KINDS];
  const char *easy_reads[PL_SECTION_N_KINDS];  /* written with the person */
  const char *languages[PL_SECTION_N_KINDS];   /* of the bodies, when not the person's */
  GPtrArray  *sections;
  GPtrArray  *needs;
  GPtrArray  *contacts;
  GPtrArray  *outcomes;
  GPtrArray  *visits;
  GPtrArray  *medicines;
  GPtrArray  *risks;
  gboolean    partly_translated;  /* read in another language, some of it not yet in it */
} PlanData;

static void
plan_data_clear (PlanData *data)
{
  g_clear_pointer (&data->person, pl_person_free);
  g_clear_pointer (&data->plan, pl_plan_free);
  g_clear_pointer (&data->sections, g_ptr_array_unref);
  g_clear_pointer (&data->needs, g_ptr_array_unref);
  g_clear_pointer (&data->contacts, g_ptr_array_unref);
  g_clear_pointer (&data->outcomes, g_ptr_array_unref);
  g_clear_pointer (&data->visits, g_ptr_array_unref);
  g_clear_pointer (&data->medicines, g_ptr_array_unref);
  g_clear_pointer (&data->risks, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PlanData, plan_data_clear)

static GPtrArray *
empty_list (void)
{
  return g_ptr_array_new ();
}

static void plan_data_index_sections (PlanData *data);

static gboolean
plan_data_load (PlanData  *data,
                PlStore   *store,
                gint64     person_id,
                GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  data->store = store;

  data->person = pl_store_load_person (store, person_id, error);
  if (data->person == NULL)
    return FALSE;

  data->plan = pl_store_current_plan (store, person_id, &local_error);
  if (data->plan == NULL)
    {
      if (!g_error_matches (local_error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_clear_error (&local_error);
    }

  if ((data->needs = pl_store_list_comm_needs (store, person_id, error)) == NULL ||
      (data->contacts = pl_store_list_contacts (store, person_id, error)) == NULL)
    return FALSE;

  if (data->plan == NULL)
    {
      data->sections = empty_list ();
      data->outcomes = empty_list ();
      data->visits = empty_list ();
      data->medicines = empty_list ();
      data->risks = empty_list ();
      return TRUE;
    }

  if ((data->sections = pl_store_list_plan_sections (store, data->plan->id, error)) == NULL ||
      (data->outcomes = pl_store_list_outcomes (store, data->plan->id, error)) == NULL ||
      (data->visits = pl_store_list_visits (store, data->plan->id, error)) == NULL ||
      (data->medicines = pl_store_list_medicines (store, data->plan->id, error)) == NULL ||
      (data->risks = pl_store_list_risks (store, data->plan->id, error)) == NULL)
    return FALSE;

  plan_data_index_sections (data);
  return TRUE;
}

/* The person and their contacts from the store, the plan as given: a plan
 * being written, before it is saved */
static gboolean
plan_data_load_content (PlanData             *data,
                        PlStore              *store,
                        const PlPlanContent  *content,
                        GError              **error)
{
  gint64 person_id = content->plan->person_id;

  data->store = store;
  data->person = pl_store_load_person (store, person_id, error);
  if (data->person == NULL)
    return FALSE;
  if ((data->needs = pl_store_list_comm_needs (store, person_id, error)) == NULL ||
      (data->contacts = pl_store_list_contacts (store, person_id, error)) == NULL)
    return FALSE;

  data->plan = pl_plan_copy (content->plan);
  data->sections = g_ptr_array_ref (content->parts[PL_PLAN_PART_SECTIONS]);
  data->outcomes = g_ptr_array_ref (content->parts[PL_PLAN_PART_OUTCOMES]);
  data->visits = g_ptr_array_ref (content->parts[PL_PLAN_PART_VISITS]);
  data->medicines = g_ptr_array_ref (content->parts[PL_PLAN_PART_MEDICINES]);
  data->risks = g_ptr_array_ref (content->parts[PL_PLAN_PART_RISKS]);
  plan_data_index_sections (data);
  return TRUE;
}

static void
plan_data_index_sections (PlanData *data)
{
  for (guint i = 0; i < data->sections->len; i++)
    {
      const PlPlanSection *section = g_ptr_array_index (data->sections, i);

      if ((int) section->kind < 0 || (int) section->kind >= PL_SECTION_N_KINDS)
        continue;
      /* The latest text for a part wins if it was ever saved twice */
      if (section->body != NULL && *section->body != '\0')
        {
          data->bodies[section->kind] = section->body;
          data->languages[section->kind] = section->language;
        }
      if (section->easy_read != NULL && *section->easy_read != '\0')
        data->easy_reads[section->kind] = section->easy_read;
    }
}

static gboolean is_person_involved (const PlContact *contact);

/* Each text staff wrote that the plan shows, where a translation may stand
 * in for it: text points at the record's own string. part and field are
 * N_() names of where it is. */
typedef void (*PlanTextFunc) (char       **text,
                              const char  *part,
                              const char  *field,
                              gpointer     user_data);

static void
plan_data_foreach_text (PlanData     *data,
                        PlanTextFunc  func,
                        gpointer      user_data)
{
  /* In the order the plan shows them (build_plan below) */
  static const PlSectionKind about_me[] = {
    PL_SECTION_MOST_IMPORTANT, PL_SECTION_PEOPLE_IMPORTANT, PL_SECTION_HOW_I_COMMUNICATE,
    PL_SECTION_WELLNESS, PL_SECTION_PLEASE_DO, PL_SECTION_PLEASE_DO_NOT,
    PL_SECTION_HOW_AND_WHEN, PL_SECTION_ALSO_WORTH_KNOWING, PL_SECTION_LIFE_STORY,
    PL_SECTION_STRENGTHS, PL_SECTION_ASPIRATIONS, PL_SECTION_SUPPORTED_BY,
    PL_SECTION_PRIORITIES, PL_SECTION_FLEXIBLE_TIME, PL_SECTION_TELECARE,
    PL_SECTION_MISSED_VISIT, PL_SECTION_CRISIS, PL_SECTION_CULTURE, PL_SECTION_MONEY,
  };

  for (guint k = 0; k < G_N_ELEMENTS (about_me); k++)
    for (guint i = 0; i < data->sections->len; i++)
      {
        PlPlanSection *section = g_ptr_array_index (data->sections, i);

        if (section->kind != about_me[k])
          continue;
        func (&section->body, pl_section_kind_nicks[section->kind], NULL, user_data);
        func (&section->easy_read, pl_section_kind_nicks[section->kind], N_("In easy read"),
              user_data);
      }
  for (guint i = 0; i < data->needs->len; i++)
    {
      PlCommNeed *need = g_ptr_array_index (data->needs, i);

      func (&need->notes, pl_section_kind_nicks[PL_SECTION_HOW_I_COMMUNICATE],
            pl_need_category_label (need->category), user_data);
    }
  for (guint i = 0; i < data->outcomes->len; i++)
    {
      PlOutcome *outcome = g_ptr_array_index (data->outcomes, i);

      func (&outcome->outcome, "outcomes", NULL, user_data);
      func (&outcome->measure, "outcomes", N_("How we will know it is working"), user_data);
      func (&outcome->progress, "outcomes", N_("How it is going"), user_data);
    }
  for (guint i = 0; i < data->visits->len; i++)
    {
      PlVisit *visit = g_ptr_array_index (data->visits, i);

      func (&visit->purpose, "visits", N_("What the visit is for"), user_data);
      func (&visit->tasks, "visits", N_("What happens"), user_data);
    }
  for (guint i = 0; i < data->contacts->len; i++)
    {
      PlContact *contact = g_ptr_array_index (data->contacts, i);

      /* Only the people the plan shows */
      if (!is_person_involved (contact) && contact->role != PL_CONTACT_EMERGENCY)
        continue;
      func (&contact->relationship, "people", N_("How they are related to me"), user_data);
      func (&contact->notes, "people", N_("Notes"), user_data);
    }
  for (guint i = 0; i < data->medicines->len; i++)
    {
      PlMedicine *medicine = g_ptr_array_index (data->medicines, i);

      func (&medicine->name, "medicines", N_("Medicine"), user_data);
      func (&medicine->purpose, "medicines", N_("What it is for"), user_data);
      func (&medicine->dose, "medicines", N_("How much"), user_data);
      func (&medicine->timing, "medicines", N_("When"), user_data);
      func (&medicine->support, "medicines", N_("The help I get"), user_data);
      func (&medicine->if_missed, "medicines", N_("If it is missed"), user_data);
      func (&medicine->contact, "medicines", N_("Who to ask about it"), user_data);
    }
  for (guint i = 0; i < data->risks->len; i++)
    {
      PlRisk *risk = g_ptr_array_index (data->risks, i);

      func (&risk->activity, "risks", NULL, user_data);
      func (&risk->benefits, "risks", N_("What it gives me"), user_data);
      func (&risk->strategies, "risks", N_("How we make it safer"), user_data);
      func (&risk->implications_person, "risks", N_("What it means for me"), user_data);
      func (&risk->implications_worker, "risks", N_("What it means for my care workers"),
            user_data);
    }
  if (data->plan != NULL)
    {
      func (&data->plan->agreement, "agreement", NULL, user_data);
      func (&data->plan->present, "agreement", N_("Who was there"), user_data);
      func (&data->plan->participation, "agreement", N_("How I took part"), user_data);
    }
}

typedef struct
{
  GHashTable *table;           /* source → translation */
  gboolean    missing;         /* a text has none */
} Translating;

static void
translate_text (char       **text,
                const char  *part,
                const char  *field,
                gpointer     user_data)
{
  Translating *translating = user_data;
  const char *translation;

  if (pl_text_is_blank (*text))
    return;
  translation = g_hash_table_lookup (translating->table, *text);
  if (translation == NULL)
    {
      translating->missing = TRUE;
      return;
    }
  g_free (*text);
  *text = g_strdup (translation);
}

/* The plan's texts in another language, where staff put them into it; a part's
 * words not yet in it keep the language they were written in, so the voice
 * still reads them right. Whether any text has no translation. */
static gboolean
plan_data_translate (PlanData   *data,
                     GHashTable *table)
{
  Translating translating = { table, FALSE };
  const char *written_in = data->person->preferred_language;

  for (guint i = 0; i < data->sections->len; i++)
    {
      PlPlanSection *section = g_ptr_array_index (data->sections, i);
      gboolean translated = !pl_text_is_blank (section->body) &&
                            g_hash_table_contains (table, section->body);

      if (translated)
        g_clear_pointer (&section->language, g_free);
      else if (section->language == NULL && !pl_text_is_blank (written_in))
        section->language = g_strdup (written_in);
    }
  plan_data_foreach_text (data, translate_text, &translating);
  plan_data_index_sections (data);
  return translating.missing;
}

static const char *part_name (const char *anchor);

static void
collect_text (char       **text,
              const char  *part,
              const char  *field,
              gpointer     user_data)
{
  GPtrArray *texts = user_data;
  PlPlanText *item;

  if (pl_text_is_blank (*text))
    return;
  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (((PlPlanText *) g_ptr_array_index (texts, i))->source, *text))
      return;
  item = g_new0 (PlPlanText, 1);
  item->part = g_strdup (part_name (part));
  item->field = field != NULL ? g_strdup (_(field)) : NULL;
  item->source = g_strdup (*text);
  g_ptr_array_add (texts, item);
}

/* Each part: its heading comes from the table, its content from the function */
typedef gboolean (*AddPartFunc) (PlDocument *document,
                                 PlanData   *data,
                                 GError    **error);

typedef struct
{
  const char    *anchor;
  const char    *title;     /* N_(); NULL: the section's own title */
  PlSectionKind  section;   /* for title NULL */
  AddPartFunc    add;
  guint          scope;     /* a PL_SCOPE_BIT a carer needs beyond the plan's own, or 0 */
} Part;

/* The section's own words, after its heading (the block before them), and
 * the easy read written with the person standing for them alone: not for
 * what the part adds after them, such as the needs or the numbers to ring.
 * Never made from the words. */
static gboolean
add_section_words (PlDocument    *document,
                   PlanData      *data,
                   PlSectionKind  kind,
                   gboolean       notice_if_empty)
{
  guint heading = pl_document_get_n_blocks (document) - 1;
  guint first = heading + 1;
  gboolean has_body;

  has_body = pl_document_add_body (document, data->bodies[kind]);
  if (has_body)
    pl_document_mark_language (document, first, data->languages[kind]);
  else if (notice_if_empty)
    pl_document_add_empty_notice (document);
  pl_document_set_block_easy_read (document, heading, data->easy_reads[kind],
                                   pl_document_get_n_blocks (document) - first);
  return has_body;
}

/* heading_level 0: the part's own heading is the block before */
static void
add_section (PlDocument    *document,
             PlanData      *data,
             PlSectionKind  kind,
             int            heading_level)
{
  if (heading_level > 0)
    pl_document_add (document, PL_BLOCK_HEADING, heading_level, pl_section_kind_nicks[kind], NULL,
                     pl_section_kind_title (kind));
  add_section_words (document, data, kind, TRUE);
}

static void
add_communication (PlDocument *document,
                   PlanData   *data)
{
  gboolean has_body;

  pl_document_add (document, PL_BLOCK_HEADING, 3, "how-i-communicate", NULL,
                   pl_section_kind_title (PL_SECTION_HOW_I_COMMUNICATE));
  has_body = add_section_words (document, data, PL_SECTION_HOW_I_COMMUNICATE, FALSE);

  /* NG86 1.1.5, Accessible Information Standard: the recorded needs, each
   * with its category, so they are met wherever the plan is read */
  for (guint i = 0; i < data->needs->len; i++)
    {
      const PlCommNeed *need = g_ptr_array_index (data->needs, i);
      g_autofree char *anchor = g_strdup_printf ("need-%" G_GINT64_FORMAT, need->id);
      g_autofree char *text = NULL;

      if (need->notes != NULL && *need->notes != '\0')
        text = g_strdup_printf ("%s\n%s", pl_need_describe (need), need->notes);
      else
        text = g_strdup (pl_need_describe (need));

      pl_document_add (document, PL_BLOCK_FIELD, 0, anchor,
                       pl_need_category_label (need->category), text);
    }

  if (!has_body && data->needs->len == 0)
    pl_document_add_empty_notice (document);
}

static gboolean
add_about_me (PlDocument  *document,
              PlanData    *data,
              GError     **error)
{
  const PlPerson *person = data->person;

  pl_document_add_field_if_set (document, "name", _("My name"), person->full_name);
  if (g_strcmp0 (person->preferred_name, person->full_name) != 0)
    /* NG86 1.4.2 */
    pl_document_add_field_if_set (document, "preferred-name", _("Please call me"),
                                  person->preferred_name);
  if (person->date_of_birth != NULL && *person->date_of_birth != '\0')
    {
      g_autofree char *born = pl_date_to_words (person->date_of_birth);

      pl_document_add_field_if_set (document, "date-of-birth", _("Date of birth"), born);
    }

  /* The PRSB "About Me" sections, in their order */
  add_section (document, data, PL_SECTION_MOST_IMPORTANT, 3);
  add_section (document, data, PL_SECTION_PEOPLE_IMPORTANT, 3);
  add_communication (document, data);
  add_section (document, data, PL_SECTION_WELLNESS, 3);
  add_section (document, data, PL_SECTION_PLEASE_DO, 3);
  add_section (document, data, PL_SECTION_PLEASE_DO_NOT, 3);
  add_section (document, data, PL_SECTION_HOW_AND_WHEN, 3);
  add_section (document, data, PL_SECTION_ALSO_WORTH_KNOWING, 3);
  add_section (document, data, PL_SECTION_LIFE_STORY, 3);
  add_section (document, data, PL_SECTION_STRENGTHS, 3);
  add_section (document, data, PL_SECTION_ASPIRATIONS, 3);
  add_section (document, data, PL_SECTION_SUPPORTED_BY, 3);

  return TRUE;
}

static gboolean
add_outcomes (PlDocument  *document,
              PlanData    *data,
              GError     **error)
{
  if (data->outcomes->len == 0)
    {
      pl_document_add_empty_notice (document);
      return TRUE;
    }

  for (guint i = 0; i < data->outcomes->len; i++)
    {
      const PlOutcome *outcome = g_ptr_array_index (data->outcomes, i);
      g_autofree char *anchor = g_strdup_printf ("outcome-%" G_GINT64_FORMAT, outcome->id);

      /* The outcome in the person's own words is its heading */
      pl_document_add (document, PL_BLOCK_HEADING, 3, anchor, NULL, outcome->outcome);
      pl_document_add_field_if_set (document, NULL, _("How we will know it is working"),
                                    outcome->measure);
      pl_document_add_field_if_set (document, NULL, _("How it is going"), outcome->progress);
    }

  return TRUE;
}

static gboolean
add_visits (PlDocument  *document,
            PlanData    *data,
            GError     **error)
{
  if (data->visits->len == 0)
    {
      pl_document_add_empty_notice (document);
      return TRUE;
    }

  /* NG21 1.4.2: how long each visit is, so I know what time there is */
  pl_document_add_visits (document, data->visits, 3, "visits");
  return TRUE;
}

static gboolean
add_priorities (PlDocument  *document,
                PlanData    *data,
                GError     **error)
{
  /* NG21 1.3.20: my priorities, and how I may use flexible time */
  add_section (document, data, PL_SECTION_PRIORITIES, 0);
  add_section (document, data, PL_SECTION_FLEXIBLE_TIME, 3);
  return TRUE;
}

static gboolean
is_person_involved (const PlContact *contact)
{
  switch (contact->role)
    {
    case PL_CONTACT_COORDINATOR:
    case PL_CONTACT_CARE_WORKER:
    case PL_CONTACT_CARER:
    case PL_CONTACT_FAMILY:
    case PL_CONTACT_FRIEND:
    case PL_CONTACT_ADVOCATE:
    case PL_CONTACT_GP:
    case PL_CONTACT_HEALTH_PROFESSIONAL:
    case PL_CONTACT_EMERGENCY:
      return TRUE;

    /* Organisations, not people in my life: they have their own places */
    case PL_CONTACT_SAFEGUARDING:
    case PL_CONTACT_SERVICE:
    default:
      return FALSE;
    }
}

static char *
sharing_text (const PlContact *contact,
              GPtrArray       *sharings)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  gboolean seen[PL_SCOPE_WELCOME_PACK + 1] = { FALSE };

  /* In the order of the scopes, each once, whatever order they were saved in */
  for (int scope = PL_SCOPE_PLAN; scope <= PL_SCOPE_WELCOME_PACK; scope++)
    for (guint i = 0; i < sharings->len; i++)
      {
        const PlSharing *sharing = g_ptr_array_index (sharings, i);

        if ((int) sharing->scope == scope && !seen[scope])
          {
            seen[scope] = TRUE;
            g_ptr_array_add (words, (gpointer) pl_sharing_scope_label (sharing->scope));
          }
      }

  if (words->len == 0 && (contact->role == PL_CONTACT_COORDINATOR ||
                          contact->role == PL_CONTACT_CARE_WORKER))
    return g_strdup (_("What they need to know to give me my care and support."));
  if (words->len == 0)
    return g_strdup (_("Nothing yet: I have not agreed to share my records with them."));

  joined = pl_document_join_words (words);
  /* Translators: what a person in my life may see: "They may see my plan and my care diary." */
  return g_strdup_printf (_("They may see %s."), joined);
}

static gboolean
add_people (PlDocument  *document,
            PlanData    *data,
            GError     **error)
{
  guint n = 0;

  for (guint i = 0; i < data->contacts->len; i++)
    {
      const PlContact *contact = g_ptr_array_index (data->contacts, i);
      g_autofree char *anchor = NULL;
      g_autofree char *sharing_anchor = NULL;
      g_autofree char *shared = NULL;
      g_autoptr(GPtrArray) sharings = NULL;

      if (!is_person_involved (contact))
        continue;

      sharings = pl_store_list_sharings (data->store, contact->id, error);
      if (sharings == NULL)
        return FALSE;

      anchor = g_strdup_printf ("contact-%" G_GINT64_FORMAT, contact->id);
      sharing_anchor = g_strdup_printf ("contact-%" G_GINT64_FORMAT "-may-see", contact->id);
      shared = sharing_text (contact, sharings);

      pl_document_add_contact (document, anchor, NULL, contact);
      /* NG86 1.1.14-1.1.15: I decide who sees what */
      pl_document_add (document, PL_BLOCK_FIELD, 0, sharing_anchor, _("What they may see"), shared);
      n++;
    }

  if (n == 0)
    pl_document_add_empty_notice (document);
  return TRUE;
}

static gboolean
add_coordinator (PlDocument  *document,
                 PlanData    *data,
                 GError     **error)
{
  const PlContact *coordinator = pl_document_find_coordinator (data->contacts, data->plan);

  if (coordinator == NULL)
    {
      pl_document_add (document, PL_BLOCK_NOTICE, 0, NULL, NULL,
                       _("No coordinator has been named yet. "
                         "The care service office can tell you who it will be."));
      return TRUE;
    }

  /* NG21 1.3.6: one named person who makes sure the plan happens */
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, NULL, NULL,
                   _("My coordinator makes sure my plan happens. "
                     "I can talk to them about my care and support, and ask them to change my plan."));
  pl_document_add_contact (document, "coordinator-contact", NULL, coordinator);
  return TRUE;
}

static gboolean
add_medicines (PlDocument  *document,
               PlanData    *data,
               GError     **error)
{
  if (data->medicines->len == 0)
    {
      pl_document_add_empty_notice (document);
      return TRUE;
    }

  /* NG21 1.3.16: what each medicine is for, how and when, the help given,
   * what to do if it is missed and who to ask */
  for (guint i = 0; i < data->medicines->len; i++)
    {
      const PlMedicine *medicine = g_ptr_array_index (data->medicines, i);
      g_autofree char *anchor = g_strdup_printf ("medicine-%" G_GINT64_FORMAT, medicine->id);

      pl_document_add (document, PL_BLOCK_HEADING, 3, anchor, NULL, medicine->name);
      pl_document_add_field_if_set (document, NULL, _("What it is for"), medicine->purpose);
      pl_document_add_field_if_set (document, NULL, _("How much"), medicine->dose);
      pl_document_add_field_if_set (document, NULL, _("When"), medicine->timing);
      pl_document_add_field_if_set (document, NULL, _("The help I get"), medicine->support);
      pl_document_add_field_if_set (document, NULL, _("If it is missed"), medicine->if_missed);
      pl_document_add_field_if_set (document, NULL, _("Who to ask about it"), medicine->contact);
    }

  return TRUE;
}

static gboolean
add_risks (PlDocument  *document,
           PlanData    *data,
           GError     **error)
{
  if (data->risks->len == 0)
    {
      pl_document_add_empty_notice (document);
      return TRUE;
    }

  /* NG21 1.3.14: risks I choose to take, what they give me and what they mean */
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, NULL, NULL,
                   _("These are things I choose to do, knowing the risks. "
                     "We have talked about them and agreed how to make them safer."));

  for (guint i = 0; i < data->risks->len; i++)
    {
      const PlRisk *risk = g_ptr_array_index (data->risks, i);
      g_autofree char *anchor = g_strdup_printf ("risk-%" G_GINT64_FORMAT, risk->id);

      pl_document_add (document, PL_BLOCK_HEADING, 3, anchor, NULL, risk->activity);
      pl_document_add_field_if_set (document, NULL, _("What it gives me"), risk->benefits);
      pl_document_add_field_if_set (document, NULL, _("How we make it safer"), risk->strategies);
      pl_document_add_field_if_set (document, NULL, _("What it means for me"),
                                    risk->implications_person);
      pl_document_add_field_if_set (document, NULL, _("What it means for my care workers"),
                                    risk->implications_worker);
    }

  return TRUE;
}

static gboolean
add_telecare (PlDocument  *document,
              PlanData    *data,
              GError     **error)
{
  /* NG21 1.3.28 */
  add_section (document, data, PL_SECTION_TELECARE, 0);
  return TRUE;
}

static gboolean
add_missed_visit (PlDocument  *document,
                  PlanData    *data,
                  GError     **error)
{
  /* NG21 1.4.12: what happens, and who to tell, if a visit is missed or late */
  add_section (document, data, PL_SECTION_MISSED_VISIT, 0);
  return TRUE;
}

static gboolean
add_crisis (PlDocument  *document,
            PlanData    *data,
            GError     **error)
{
  gboolean has_body;
  guint n = 0;

  /* NG86 1.3.17; the part's heading is the block before */
  has_body = add_section_words (document, data, PL_SECTION_CRISIS, FALSE);

  for (guint i = 0; i < data->contacts->len; i++)
    {
      const PlContact *contact = g_ptr_array_index (data->contacts, i);
      g_autofree char *anchor = NULL;

      if (contact->role != PL_CONTACT_EMERGENCY)
        continue;
      anchor = g_strdup_printf ("crisis-contact-%" G_GINT64_FORMAT, contact->id);
      pl_document_add_contact (document, anchor, NULL, contact);
      n++;
    }

  if (!has_body && n == 0)
    pl_document_add_empty_notice (document);
  return TRUE;
}

static gboolean
add_culture (PlDocument  *document,
             PlanData    *data,
             GError     **error)
{
  /* NG86 1.1.11, 1.3.15 */
  add_section (document, data, PL_SECTION_CULTURE, 0);
  return TRUE;
}

static gboolean
add_money (PlDocument  *document,
           PlanData    *data,
           GError     **error)
{
  /* NG86 1.3.18 */
  add_section (document, data, PL_SECTION_MONEY, 0);
  return TRUE;
}

static gboolean
add_reviews (PlDocument  *document,
             PlanData    *data,
             GError     **error)
{
  const PlPlan *plan = data->plan;
  gboolean has_date = FALSE;

  /* NG21 1.3.25: first within 6 weeks, then at least once a year */
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, NULL, NULL,
                   _("My plan is looked at again within 6 weeks of it starting, "
                     "then at least once a year. I can ask for it to be looked at "
                     "sooner if things change."));

  if (plan != NULL && plan->last_review != NULL && *plan->last_review != '\0')
    {
      g_autofree char *when = pl_date_to_words (plan->last_review);

      pl_document_add (document, PL_BLOCK_FIELD, 0, "last-review", _("Last looked at"), when);
    }
  if (plan != NULL && plan->next_review != NULL && *plan->next_review != '\0')
    {
      g_autofree char *when = pl_date_to_words (plan->next_review);

      pl_document_add (document, PL_BLOCK_FIELD, 0, "next-review", _("Next review"), when);
      has_date = TRUE;
    }

  if (!has_date)
    pl_document_add (document, PL_BLOCK_NOTICE, 0, NULL, NULL,
                     _("No date has been set for the next review yet. "
                       "You can ask your coordinator to set one with you."));
  return TRUE;
}

static gboolean
add_agreement (PlDocument  *document,
               PlanData    *data,
               GError     **error)
{
  const PlPlan *plan = data->plan;

  /* The agreement is the person's own words, kept as they wrote them */
  if (plan == NULL || !pl_document_add_body (document, plan->agreement))
    {
      pl_document_add_empty_notice (document);
      return TRUE;
    }

  pl_document_add_field_if_set (document, "agreed-by", _("Agreed by"), plan->agreed_by);
  if (plan->agreed_on != NULL && *plan->agreed_on != '\0')
    {
      g_autofree char *when = pl_date_to_words (plan->agreed_on);

      pl_document_add (document, PL_BLOCK_FIELD, 0, "agreed-on", _("Agreed on"), when);
    }
  /* NG86 1.1.4, 1.1.9: how the plan was made together */
  pl_document_add_field_if_set (document, "agreement-present", _("Who was there"),
                                plan->present);
  pl_document_add_field_if_set (document, "agreement-participation", _("How I took part"),
                                plan->participation);
  return TRUE;
}

/* Every part, in the order of the plan. The summary's links are made from
 * this same table, so a part cannot be missing from them. */
static const Part parts[] = {
  { "about-me", N_("About me"), 0, add_about_me },
  { "outcomes", N_("What I want to achieve and how we will know"), 0, add_outcomes },
  { "visits", N_("My support and visit times"), 0, add_visits },
  { "priorities", N_("My priorities and flexible time"), 0, add_priorities },
  { "people", N_("People involved and what they may see"), 0, add_people },
  { "coordinator", N_("My coordinator"), 0, add_coordinator },
  { "medicines", N_("My medicines"), 0, add_medicines, PL_SCOPE_BIT (PL_SCOPE_MEDICINES) },
  { "risks", N_("Risks I choose to take"), 0, add_risks },
  { "telecare", NULL, PL_SECTION_TELECARE, add_telecare },
  { "missed-visit", NULL, PL_SECTION_MISSED_VISIT, add_missed_visit },
  { "crisis", NULL, PL_SECTION_CRISIS, add_crisis },
  { "culture", NULL, PL_SECTION_CULTURE, add_culture },
  { "money", NULL, PL_SECTION_MONEY, add_money, PL_SCOPE_BIT (PL_SCOPE_MONEY) },
  { "reviews", N_("Reviews of my plan"), 0, add_reviews },
  { "agreement", N_("My agreement, in my own words"), 0, add_agreement },
};

static const char *
part_title (const Part *part)
{
  if (part->title == NULL)
    return pl_section_kind_title (part->section);
  return _(part->title);
}

/* The heading of the part at anchor: one of parts[], or a section's */
static const char *
part_name (const char *anchor)
{
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (g_str_equal (parts[i].anchor, anchor))
      return part_title (&parts[i]);
  for (int kind = 0; kind < PL_SECTION_N_KINDS; kind++)
    if (g_str_equal (pl_section_kind_nicks[kind], anchor))
      return pl_section_kind_title (kind);
  return anchor;
}

static char *
plan_status_text (const PlPlan *plan)
{
  g_autofree char *agreed_on = NULL;

  switch (plan->status)
    {
    case PL_PLAN_AGREED:
      if (plan->agreed_on == NULL || *plan->agreed_on == '\0')
        return g_strdup_printf (_("Version %d, agreed."), plan->version);
      agreed_on = pl_date_to_words (plan->agreed_on);
      /* Translators: "Version 3, agreed on Monday 2 November 2026." */
      return g_strdup_printf (_("Version %d, agreed on %s."), plan->version, agreed_on);

    case PL_PLAN_DRAFT:
      return g_strdup_printf (_("Version %d. This is a draft: it has not been agreed yet."),
                              plan->version);

    case PL_PLAN_SUPERSEDED:
      return g_strdup_printf (_("Version %d. A newer plan has replaced this one."),
                              plan->version);

    default:
      return g_strdup_printf (_("Version %d."), plan->version);
    }
}

static void
add_summary (PlDocument *document,
             PlanData   *data)
{
  const PlPerson *person = data->person;
  const PlPlan *plan = data->plan;
  const PlContact *coordinator = pl_document_find_coordinator (data->contacts, plan);
  g_autofree char *who = NULL;
  g_autofree char *full_name = pl_catalog_isolate (person->full_name);
  g_autofree char *preferred_name = pl_catalog_isolate (person->preferred_name);

  /* NG21 1.3.13: a short summary first, with a way to every part */
  pl_document_add (document, PL_BLOCK_HEADING, 2, "summary", NULL, _("Summary"));

  if (person->preferred_name != NULL && *person->preferred_name != '\0' &&
      g_strcmp0 (person->preferred_name, person->full_name) != 0)
    who = g_strdup_printf (_("This plan is for %s, who likes to be called %s."),
                           full_name, preferred_name);
  else
    who = g_strdup_printf (_("This plan is for %s."), full_name);
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, "summary-who", NULL, who);

  if (plan == NULL)
    {
      pl_document_add (document, PL_BLOCK_NOTICE, 0, "summary-no-plan", NULL,
                       _("No care and support plan has been written yet. "
                         "You can ask your coordinator to write it with you."));
    }
  else
    {
      g_autofree char *status = plan_status_text (plan);
      guint n_visits = pl_document_count_weekly_visits (data->visits);
      g_autofree char *visits = NULL;

      pl_document_add (document, PL_BLOCK_FIELD, 0, "summary-version", _("Plan"), status);

      if (plan->start_date != NULL && *plan->start_date != '\0')
        {
          g_autofree char *when = pl_date_to_words (plan->start_date);

          pl_document_add (document, PL_BLOCK_FIELD, 0, "summary-start", _("Started"), when);
        }
      if (plan->next_review != NULL && *plan->next_review != '\0')
        {
          g_autofree char *when = pl_date_to_words (plan->next_review);

          pl_document_add (document, PL_BLOCK_FIELD, 0, "summary-review", _("Next review"), when);
        }

      if (n_visits == 0)
        visits = g_strdup (_("No visits are planned yet."));
      else
        visits = g_strdup_printf (ngettext ("%u visit a week", "%u visits a week", n_visits),
                                  n_visits);
      pl_document_add (document, PL_BLOCK_FIELD, 0, "summary-visits", _("Visits"), visits);
    }

  if (coordinator != NULL)
    {
      g_autofree char *text = NULL;

      if (coordinator->phone != NULL && *coordinator->phone != '\0')
        {
          g_autofree char *name = pl_catalog_isolate (coordinator->name);
          g_autofree char *phone = pl_catalog_isolate (coordinator->phone);

          /* Translators: the coordinator's name and phone number */
          text = g_strdup_printf (_("%s, phone %s"), name, phone);
        }
      else
        text = g_strdup (coordinator->name);
      pl_document_add (document, PL_BLOCK_FIELD, 0, "summary-coordinator",
                       _("My coordinator"), text);
    }
  else
    {
      pl_document_add (document, PL_BLOCK_FIELD, 0, "summary-coordinator",
                       _("My coordinator"), _("Not named yet"));
    }

  pl_document_add (document, PL_BLOCK_HEADING, 3, "contents", NULL, _("What is in this plan"));
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    pl_document_add_link (document, part_title (&parts[i]), parts[i].anchor);
}

static PlDocument *
build_plan (PlanData  *data,
            guint      scopes,
            GError   **error)
{
  g_autoptr(PlDocument) document = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = pl_document_person_name (data->person);

  /* Translators: the plan's title, with the name the person likes to be called */
  title = g_strdup_printf (_("%s's care and support plan"), name);
  document = pl_document_new (title);
  pl_document_add (document, PL_BLOCK_HEADING, 1, "top", NULL, title);
  if (data->partly_translated)
    pl_document_add (document, PL_BLOCK_NOTICE, 0, "not-yet-translated", NULL,
                     _("Some of this plan has not been put into this language yet. "
                       "Those parts are shown as they were written."));
  if (data->plan != NULL)
    {
      g_autofree char *version = NULL;

      /* NG21 1.2.6: every copy shows which plan it is */
      /* Translators: a plan's version, printed on every page: "Version 3" */
      version = g_strdup_printf (_("Version %d"), data->plan->version);
      pl_document_set_version (document, version);
    }

  add_summary (document, data);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      pl_document_add (document, PL_BLOCK_HEADING, 2, parts[i].anchor, NULL, part_title (&parts[i]));

      /* The heading stays, so the carer knows the part exists and whom to ask */
      if ((parts[i].scope & scopes) != parts[i].scope)
        {
          g_autofree char *text = NULL;

          /* Translators: %s is the name the person likes to be called */
          text = g_strdup_printf (_("%s has not chosen to share this part with you."), name);
          pl_document_add (document, PL_BLOCK_NOTICE, 0, NULL, NULL, text);
          pl_document_set_block_flags (document, pl_document_get_n_blocks (document) - 1,
                                       PL_BLOCK_NOT_SHARED);
          continue;
        }

      if (!parts[i].add (document, data, error))
        return NULL;
    }

  return g_steal_pointer (&document);
}

PlDocument *
pl_document_build_plan (PlStore  *store,
                        gint64    person_id,
                        GError  **error)
{
  return pl_document_build_plan_shared (store, person_id, PL_SCOPES_ALL, error);
}

PlDocument *
pl_document_build_plan_shared (PlStore  *store,
                               gint64    person_id,
                               guint     scopes,
                               GError  **error)
{
  return pl_document_build_plan_in (store, person_id, scopes, NULL, error);
}

PlDocument *
pl_document_build_plan_in (PlStore     *store,
                           gint64       person_id,
                           guint        scopes,
                           const char  *language,
                           GError     **error)
{
  g_auto(PlanData) data = { 0 };

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((scopes & PL_SCOPE_BIT (PL_SCOPE_PLAN)) == 0)
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND,
                           _("This plan has not been shared with you."));
      return NULL;
    }

  if (!plan_data_load (&data, store, person_id, error))
    return NULL;

  if (language != NULL)
    {
      g_autoptr(GHashTable) table = pl_plan_translation_table (store, person_id, language,
                                                               error);

      if (table == NULL)
        return NULL;
      data.partly_translated = plan_data_translate (&data, table);
    }

  return build_plan (&data, scopes, error);
}

GPtrArray *
pl_plan_translation_texts (PlStore  *store,
                           gint64    person_id,
                           GError  **error)
{
  g_auto(PlanData) data = { 0 };
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_plan_text_free);

  g_return_val_if_fail (store != NULL, NULL);

  if (!plan_data_load (&data, store, person_id, error))
    return NULL;
  if (data.plan != NULL)
    plan_data_foreach_text (&data, collect_text, texts);
  return g_steal_pointer (&texts);
}

PlDocument *
pl_document_build_plan_content (PlStore              *store,
                                const PlPlanContent  *content,
                                GError              **error)
{
  g_auto(PlanData) data = { 0 };

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (content != NULL && content->plan != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!plan_data_load_content (&data, store, content, error))
    return NULL;

  return build_plan (&data, PL_SCOPES_ALL, error);
}

