/* pl-fhir-import-other.c: the shapes other care records send
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plainly writes its own extensions where FHIR has no place (pl-fhir-map.c);
 * another system writes what FHIR and UK Core have: names as given and
 * family names, a goal as a coded description, About Me as a Composition
 * of narrative sections, people's roles as relationship codes. Each reader
 * here fills in only what the map left empty.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include "pl-i18n.h"

#include "pl-fhir-import-private.h"
#include "pl-needs.h"
#include "pl-plan-version-private.h"

#define SYSTEM_UK_LANG "https://fhir.hl7.org.uk/CodeSystem/UKCore-HumanLanguage"

static char *
dup_or_null (const char *text)
{
  return !pl_text_is_blank (text) ? g_strdup (text) : NULL;
}

/* A HumanName in words: its text, or its given names and family name */
static char *
name_words (JsonObject *name)
{
  const char *text = pl_fhir_string_member (name, "text");
  const char *family = pl_fhir_string_member (name, "family");
  JsonNode *given = json_object_get_member (name, "given");
  g_autoptr(GString) joined = g_string_new (NULL);

  if (!pl_text_is_blank (text))
    return g_strdup (text);
  if (given != NULL && JSON_NODE_HOLDS_ARRAY (given))
    {
      JsonArray *array = json_node_get_array (given);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
            continue;
          g_string_append_printf (joined, "%s%s", joined->len > 0 ? " " : "",
                                  json_node_get_string (item));
        }
    }
  if (!pl_text_is_blank (family))
    g_string_append_printf (joined, "%s%s", joined->len > 0 ? " " : "", family);
  return joined->len > 0 ? g_string_free (g_steal_pointer (&joined), FALSE) : NULL;
}

static gboolean
read_names (PlFhirImport  *self,
            PlFhirEntry   *entry,
            GError       **error)
{
  JsonArray *names;

  if (!pl_fhir_get_array (entry, entry->resource, "name", "name", &names, error))
    return FALSE;

  for (guint i = 0; names != NULL && i < json_array_get_length (names); i++)
    {
      JsonObject *name;
      const char *use;
      g_autofree char *words = NULL;

      if (!pl_fhir_get_element (entry, names, i, "name", &name, error) ||
          !pl_fhir_get_string (entry, name, "use", "name.use", &use, error))
        return FALSE;
      words = name_words (name);
      if (words == NULL || g_strcmp0 (use, "old") == 0 || g_strcmp0 (use, "maiden") == 0)
        continue;

      /* NG86 1.4.2: the name the person likes to be called */
      if (g_strcmp0 (use, "usual") == 0 || g_strcmp0 (use, "nickname") == 0)
        {
          if (self->person->preferred_name == NULL)
            self->person->preferred_name = g_steal_pointer (&words);
        }
      else if (self->person->full_name == NULL)
        self->person->full_name = g_steal_pointer (&words);
    }

  if (self->person->full_name == NULL && self->person->preferred_name != NULL)
    self->person->full_name = g_strdup (self->person->preferred_name);
  if (pl_text_is_blank (self->person->full_name))
    return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, "name",
                         _("the person has no name, and Plainly needs one to show whose "
                           "plan it is."));
  return TRUE;
}

gboolean
pl_fhir_read_patient_other (PlFhirImport  *self,
                            PlFhirEntry   *entry,
                            GError       **error)
{
  JsonArray *identifiers;
  JsonArray *communication;
  const PlField *language = pl_record_type_find_field (&pl_person_type, "preferred_language");

  if (!read_names (self, entry, error) ||
      !pl_fhir_get_array (entry, entry->resource, "identifier", "identifier", &identifiers, error) ||
      !pl_fhir_get_array (entry, entry->resource, "communication", "communication",
                          &communication, error))
    return FALSE;

  /* Without Plainly's own reference, the first the sender knows them by */
  for (guint i = 0; identifiers != NULL && i < json_array_get_length (identifiers); i++)
    {
      JsonObject *identifier;
      const char *system;
      const char *value;

      if (!pl_fhir_get_element (entry, identifiers, i, "identifier", &identifier, error) ||
          !pl_fhir_get_string (entry, identifier, "system", "identifier.system", &system, error) ||
          !pl_fhir_get_string (entry, identifier, "value", "identifier.value", &value, error))
        return FALSE;
      if (value == NULL || g_strcmp0 (system, PL_FHIR_NHS_NUMBER) == 0 ||
          g_strcmp0 (value, self->person->external_id) == 0)
        continue;
      if (self->person->external_id == NULL)
        self->person->external_id = g_strdup (value);
      else
        {
          g_autofree char *shown = pl_fhir_quote (value);

          pl_fhir_left_out (self, _("%s: another identifier, “%s”, which Plainly does not keep."),
                            entry->name, shown);
        }
    }

  /* UK Core's own language codes are BCP 47 tags too */
  for (guint i = 0; communication != NULL && i < json_array_get_length (communication); i++)
    {
      JsonObject *item;
      JsonObject *concept;
      const char *code;

      if (!pl_fhir_get_element (entry, communication, i, "communication", &item, error) ||
          !pl_fhir_get_object (entry, item, "language", "communication.language", &concept, error))
        return FALSE;
      code = pl_fhir_code_in (concept, PL_FHIR_BCP47, NULL);
      if (code == NULL)
        code = pl_fhir_code_in (concept, SYSTEM_UK_LANG, NULL);
      if (code == NULL || !pl_field_text_is_valid (language, code))
        {
          const char *words = pl_fhir_concept_words (concept);
          g_autofree char *shown = pl_fhir_quote (words != NULL ? words : "?");

          pl_fhir_left_out (self, _("%s: the language “%s”, which has no code Plainly knows."),
                            entry->name, shown);
          continue;
        }
      if (self->person->preferred_language == NULL ||
          pl_fhir_is_true (item, "preferred"))
        {
          g_free (self->person->preferred_language);
          self->person->preferred_language = g_strdup (code);
        }
    }
  return TRUE;
}

gboolean
pl_fhir_read_flag_other (PlFhirImport  *self,
                         PlFhirEntry   *entry,
                         PlCommNeed    *need,
                         GError       **error)
{
  JsonObject *code;
  const PlNeedInfo *info = need->code != NULL ? pl_need_lookup (need->code) : NULL;
  const char *display = NULL;

  if (!pl_fhir_get_object (entry, entry->resource, "code", "code", &code, error))
    return FALSE;
  /* A need coded in another system is kept in words */
  if (need->code == NULL && pl_fhir_concept_words (code) != NULL)
    {
      g_autofree char *shown = pl_fhir_quote (pl_fhir_concept_words (code));

      pl_fhir_left_out (self, _("%s: “%s” has no SNOMED CT code, so it is kept as words only."),
                        entry->name, shown);
    }
  pl_fhir_code_in (code, PL_FHIR_SNOMED, &display);

  if (pl_text_is_blank (need->description))
    {
      g_free (need->description);
      need->description = dup_or_null (display != NULL ? display : pl_fhir_concept_words (code));
      if (need->description == NULL && info != NULL)
        need->description = g_strdup (_(info->words));
    }
  if ((int) need->category < 0)
    need->category = info != NULL ? info->category : PL_NEED_ADDITIONAL_SUPPORT;
  return TRUE;
}

/* A person's role in words ("Daughter", "Care coordinator") as Plainly's */
static PlContactRole
role_for (const char *type,
          const char *words)
{
  g_autofree char *lower = words != NULL ? g_utf8_strdown (words, -1) : g_strdup ("");

  if (strstr (lower, "coordinator") != NULL)
    return PL_CONTACT_COORDINATOR;
  if (strstr (lower, "advocate") != NULL)
    return PL_CONTACT_ADVOCATE;
  if (strstr (lower, "friend") != NULL || strstr (lower, "neighbour") != NULL)
    return PL_CONTACT_FRIEND;
  if (strstr (lower, "carer") != NULL)
    return PL_CONTACT_CARER;
  if (strstr (lower, "emergency") != NULL)
    return PL_CONTACT_EMERGENCY;
  if (strstr (lower, "general practitioner") != NULL || strstr (lower, "doctor") != NULL ||
      g_str_equal (lower, "gp"))
    return PL_CONTACT_GP;
  if (strstr (lower, "care worker") != NULL || strstr (lower, "support worker") != NULL)
    return PL_CONTACT_CARE_WORKER;
  return g_str_equal (type, "RelatedPerson") ? PL_CONTACT_FAMILY : PL_CONTACT_HEALTH_PROFESSIONAL;
}

gboolean
pl_fhir_read_contact_other (PlFhirImport  *self,
                            PlFhirEntry   *entry,
                            PlContact     *contact,
                            GError       **error)
{
  JsonArray *names;
  JsonArray *relationships;
  const char *relationship = NULL;

  if (!pl_fhir_get_array (entry, entry->resource, "name", "name", &names, error) ||
      !pl_fhir_get_array (entry, entry->resource, "relationship", "relationship",
                          &relationships, error))
    return FALSE;

  for (guint i = 0; names != NULL && i < json_array_get_length (names) &&
                    pl_text_is_blank (contact->name); i++)
    {
      JsonObject *name;

      if (!pl_fhir_get_element (entry, names, i, "name", &name, error))
        return FALSE;
      g_free (contact->name);
      contact->name = name_words (name);
    }
  if (pl_text_is_blank (contact->name))
    return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, "name",
                         _("someone involved in the plan has no name."));

  if (relationships != NULL && json_array_get_length (relationships) > 0)
    {
      JsonObject *concept;

      if (!pl_fhir_get_element (entry, relationships, 0, "relationship", &concept, error))
        return FALSE;
      relationship = pl_fhir_concept_words (concept);
    }
  if (contact->relationship == NULL)
    contact->relationship = dup_or_null (relationship);
  if ((int) contact->role < 0)
    contact->role = role_for (entry->type, contact->relationship);
  return TRUE;
}

gboolean
pl_fhir_read_goal_other (PlFhirImport  *self,
                         PlFhirEntry   *entry,
                         PlOutcome     *outcome,
                         GError       **error)
{
  JsonObject *description;
  JsonArray *notes;

  if (!pl_fhir_get_object (entry, entry->resource, "description", "description",
                           &description, error) ||
      !pl_fhir_get_array (entry, entry->resource, "note", "note", &notes, error))
    return FALSE;
  if (pl_text_is_blank (outcome->outcome))
    {
      g_free (outcome->outcome);
      outcome->outcome = dup_or_null (pl_fhir_concept_words (description));
    }
  if (pl_text_is_blank (outcome->outcome))
    return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, "description",
                         _("the goal has no words saying what it is."));
  /* A note is where others write how it is going */
  if (outcome->progress == NULL && notes != NULL && json_array_get_length (notes) > 0)
    {
      JsonObject *note;
      const char *text;

      if (!pl_fhir_get_element (entry, notes, 0, "note", &note, error) ||
          !pl_fhir_get_string (entry, note, "text", "note.text", &text, error))
        return FALSE;
      outcome->progress = dup_or_null (text);
    }
  return TRUE;
}

gboolean
pl_fhir_read_part_other (PlFhirImport  *self,
                         PlFhirEntry   *entry,
                         PlPlanPart     part,
                         gpointer       record,
                         GError       **error)
{
  switch (part)
    {
    case PL_PLAN_PART_MEDICINES:
      {
        PlMedicine *medicine = record;
        JsonObject *concept;

        if (!pl_fhir_get_object (entry, entry->resource, "medicationCodeableConcept",
                                 "medicationCodeableConcept", &concept, error))
          return FALSE;
        if (pl_text_is_blank (medicine->name))
          {
            g_free (medicine->name);
            medicine->name = dup_or_null (pl_fhir_concept_words (concept));
          }
        /* Named by a Medication, often one contained in the statement */
        if (pl_text_is_blank (medicine->name))
          {
            JsonObject *reference;
            PlFhirEntry *medication;
            JsonObject *code;

            if (!pl_fhir_get_object (entry, entry->resource, "medicationReference",
                                     "medicationReference", &reference, error))
              return FALSE;
            if (reference != NULL)
              {
                medication = pl_fhir_resolve (self, entry, reference, "medicationReference", error);
                if (medication == NULL ||
                    !pl_fhir_get_object (medication, medication->resource, "code", "code", &code,
                                         error))
                  return FALSE;
                g_free (medicine->name);
                medicine->name = dup_or_null (pl_fhir_concept_words (code));
                medication->read = TRUE;
              }
          }
        if (pl_text_is_blank (medicine->name))
          return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry,
                               "medicationCodeableConcept",
                               _("the medicine has no name Plainly can read."));
        return TRUE;
      }

    case PL_PLAN_PART_RISKS:
      {
        PlRisk *risk = record;
        JsonObject *code;

        if (!pl_fhir_get_object (entry, entry->resource, "code", "code", &code, error))
          return FALSE;
        if (pl_text_is_blank (risk->activity))
          {
            g_free (risk->activity);
            risk->activity = dup_or_null (pl_fhir_concept_words (code));
          }
        if (pl_text_is_blank (risk->activity))
          return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, "code",
                               _("the risk has no words saying what it is about."));
        return TRUE;
      }

    case PL_PLAN_PART_SECTIONS:
    case PL_PLAN_PART_OUTCOMES:
    case PL_PLAN_PART_VISITS:
    case PL_PLAN_N_PARTS:
    default:
      return TRUE;
    }
}

/* The words of a narrative's XHTML: tags dropped, paragraphs and breaks
 * kept as new lines, XML's five entities and numbered ones read */
static char *
xhtml_to_text (const char *div)
{
  static const struct { const char *name; gunichar c; } entities[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&apos;", '\'' },
  };
  GString *out = g_string_new (NULL);
  const char *p = div;

  while (*p != '\0')
    {
      gboolean done = FALSE;

      if (*p == '<')
        {
          const char *end = strchr (p, '>');

          if (end == NULL)
            break;
          if ((g_str_has_prefix (p, "</p") || g_str_has_prefix (p, "<br") ||
               g_str_has_prefix (p, "</li")) &&
              out->len > 0 && out->str[out->len - 1] != '\n')
            g_string_append_c (out, '\n');
          p = end + 1;
          continue;
        }
      if (*p != '&')
        {
          g_string_append_c (out, *p++);
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (entities) && !done; i++)
        if (g_str_has_prefix (p, entities[i].name))
          {
            g_string_append_unichar (out, entities[i].c);
            p += strlen (entities[i].name);
            done = TRUE;
          }
      if (!done && p[1] == '#')
        {
          char *end = NULL;
          guint64 c = p[2] == 'x' ? g_ascii_strtoull (p + 3, &end, 16)
                                  : g_ascii_strtoull (p + 2, &end, 10);

          if (end != NULL && *end == ';' && c > 0 && c <= 0x10FFFF &&
              g_unichar_validate ((gunichar) c))
            {
              g_string_append_unichar (out, (gunichar) c);
              p = end + 1;
              done = TRUE;
            }
        }
      if (!done)
        g_string_append_c (out, *p++);
    }

  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* A section by its title: the part's words, or its nick */
static gboolean
section_kind_for (const char    *title,
                  PlSectionKind *out)
{
  if (title == NULL)
    return FALSE;
  for (int kind = 0; kind < PL_SECTION_N_KINDS; kind++)
    if (g_ascii_strcasecmp (title, pl_section_kind_nicks[kind]) == 0 ||
        g_utf8_collate (title, pl_section_kind_title ((PlSectionKind) kind)) == 0)
      {
        *out = (PlSectionKind) kind;
        return TRUE;
      }
  return FALSE;
}

gboolean
pl_fhir_read_composition (PlFhirImport  *self,
                          PlFhirEntry   *entry,
                          GError       **error)
{
  static const char * const more[] = {
    "status", "type", "subject", "date", "author", "title", "section", NULL
  };
  JsonArray *sections;
  gboolean about;

  if (!pl_fhir_is_about_patient (self, entry, "subject", &about, error) ||
      !pl_fhir_get_array (entry, entry->resource, "section", "section", &sections, error))
    return FALSE;
  if (!about)
    return TRUE;

  for (guint i = 0; sections != NULL && i < json_array_get_length (sections); i++)
    {
      g_autoptr(PlPlanSection) part = NULL;
      JsonObject *section;
      JsonObject *narrative;
      const char *title;
      const char *div;
      PlSectionKind kind;

      if (!pl_fhir_get_element (entry, sections, i, "section", &section, error) ||
          !pl_fhir_get_string (entry, section, "title", "section.title", &title, error) ||
          !pl_fhir_get_object (entry, section, "text", "section.text", &narrative, error) ||
          !pl_fhir_get_string (entry, narrative, "div", "section.text.div", &div, error))
        return FALSE;
      if (!section_kind_for (title, &kind))
        {
          g_autofree char *shown = pl_fhir_quote (title != NULL ? title : "?");

          pl_fhir_left_out (self, _("%s: the section “%s”, which is not a part of Plainly’s plan."),
                            entry->name, shown);
          continue;
        }
      if (div == NULL)
        continue;
      if (self->plan == NULL)
        {
          self->plan = pl_plan_content_new_empty ();
          self->plan->plan = pl_plan_new ();
        }
      part = pl_plan_section_new ();
      part->kind = kind;
      part->body = xhtml_to_text (div);
      g_ptr_array_add (self->plan->parts[PL_PLAN_PART_SECTIONS], g_steal_pointer (&part));
    }

  entry->read = TRUE;
  pl_fhir_note_left_out (self, entry, NULL, entry->resource, more);
  return TRUE;
}

/* CareTeam: the people involved, each read as a contact; the team itself
 * holds nothing more */
gboolean
pl_fhir_read_care_team (PlFhirImport  *self,
                        PlFhirEntry   *entry,
                        GError       **error)
{
  static const char * const more[] = { "status", "subject", "participant", "name", NULL };
  JsonArray *participants;
  gboolean about;

  if (!pl_fhir_is_about_patient (self, entry, "subject", &about, error) ||
      !pl_fhir_get_array (entry, entry->resource, "participant", "participant",
                          &participants, error))
    return FALSE;
  if (!about)
    return TRUE;

  for (guint i = 0; participants != NULL && i < json_array_get_length (participants); i++)
    {
      JsonObject *participant;
      JsonObject *member;
      PlFhirEntry *target;

      if (!pl_fhir_get_element (entry, participants, i, "participant", &participant, error) ||
          !pl_fhir_get_object (entry, participant, "member", "participant.member", &member, error))
        return FALSE;
      if (member == NULL)
        continue;
      target = pl_fhir_resolve (self, entry, member, "participant.member", error);
      if (target == NULL || pl_fhir_contact_for (self, target, error) < 0)
        return FALSE;
    }

  entry->read = TRUE;
  pl_fhir_note_left_out (self, entry, NULL, entry->resource, more);
  return TRUE;
}

/* The name of who an agent is: as the reference shows it, else the name of
 * the resource it leads to (a HumanName, or an Organization's name) */
static gboolean
agent_name (PlFhirImport  *self,
            PlFhirEntry   *entry,
            JsonObject    *who,
            char         **out,
            GError       **error)
{
  const char *display = NULL;
  PlFhirEntry *target;
  JsonNode *name;

  *out = NULL;
  if (!pl_fhir_get_string (entry, who, "display", "agent.who.display", &display, error))
    return FALSE;
  if (!pl_text_is_blank (display))
    {
      *out = g_strdup (display);
      return TRUE;
    }
  if (pl_fhir_string_member (who, "reference") == NULL)
    return TRUE;
  target = pl_fhir_resolve (self, entry, who, "agent.who", error);
  if (target == NULL)
    return FALSE;
  name = json_object_get_member (target->resource, "name");
  if (name == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (name) && json_node_get_value_type (name) == G_TYPE_STRING)
    *out = dup_or_null (json_node_get_string (name));
  else if (JSON_NODE_HOLDS_ARRAY (name) && json_array_get_length (json_node_get_array (name)) > 0 &&
           JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (name), 0)))
    *out = name_words (json_array_get_object_element (json_node_get_array (name), 0));
  return TRUE;
}

/* Who wrote the plan read, and when, in the record it comes from: kept
 * with the version, so History says so and an export from here says the
 * same. The author is the agent typed "author", else the only agent. */
static gboolean
read_plan_author (PlFhirImport  *self,
                  PlFhirEntry   *entry,
                  GError       **error)
{
  PlPlan *plan = self->plan->plan;
  JsonArray *agents;
  JsonObject *author = NULL;
  const char *recorded = NULL;
  g_autofree char *name = NULL;
  guint n_agents;

  if (!pl_fhir_get_array (entry, entry->resource, "agent", "agent", &agents, error) ||
      !pl_fhir_get_string (entry, entry->resource, "recorded", "recorded", &recorded, error))
    return FALSE;
  n_agents = agents != NULL ? json_array_get_length (agents) : 0;
  for (guint i = 0; i < n_agents; i++)
    {
      JsonObject *agent;
      JsonObject *type;

      if (!pl_fhir_get_element (entry, agents, i, "agent", &agent, error) ||
          !pl_fhir_get_object (entry, agent, "type", "agent.type", &type, error))
        return FALSE;
      if (g_strcmp0 (pl_fhir_code_in (type, PL_FHIR_PARTICIPANT_TYPE, NULL), "author") == 0 ||
          (n_agents == 1 && type == NULL))
        {
          author = agent;
          break;
        }
    }
  if (author != NULL)
    {
      JsonObject *who;

      if (!pl_fhir_get_object (entry, author, "who", "agent.who", &who, error) ||
          (who != NULL && !agent_name (self, entry, who, &name, error)))
        return FALSE;
    }
  if (recorded != NULL)
    {
      g_autofree char *at = pl_fhir_date_time (recorded);

      if (at == NULL)
        {
          g_autofree char *shown = pl_fhir_quote (recorded);

          return pl_fhir_fail (error, PL_FHIR_IMPORT_ERROR_INVALID, entry, "recorded",
                               _("“%s” is not a date and time. FHIR writes them like "
                                 "2026-11-23T09:30:00Z."), shown);
        }
      g_free (plan->written_elsewhere_at);
      plan->written_elsewhere_at = g_steal_pointer (&at);
    }
  if (name != NULL)
    {
      g_free (plan->written_elsewhere_by);
      plan->written_elsewhere_by = g_steal_pointer (&name);
    }
  return TRUE;
}

/* Provenance of the plan read: who wrote it and when are kept with it, and
 * its version and who agreed it are the plan's own fields; another's is
 * history Plainly does not keep */
gboolean
pl_fhir_read_provenance (PlFhirImport  *self,
                         PlFhirEntry   *entry,
                         GError       **error)
{
  JsonArray *targets;

  if (!pl_fhir_get_array (entry, entry->resource, "target", "target", &targets, error))
    return FALSE;
  for (guint i = 0; targets != NULL && i < json_array_get_length (targets); i++)
    {
      JsonObject *reference;
      PlFhirEntry *target;

      if (!pl_fhir_get_element (entry, targets, i, "target", &reference, error))
        return FALSE;
      target = pl_fhir_resolve (self, entry, reference, "target", error);
      if (target == NULL)
        return FALSE;
      if (target == self->plan_entry && !entry->read)
        {
          if (!read_plan_author (self, entry, error))
            return FALSE;
          entry->read = TRUE;
        }
      else if (g_str_equal (target->type, "CarePlan") && pl_fhir_replaced_by (self, target) != NULL)
        {
          /* Said once, with the version it tells of */
          pl_fhir_left_out (self, _("%s: who made and agreed %s, an earlier version of the "
                                    "plan."), entry->name, target->name);
          entry->read = TRUE;
        }
    }
  return TRUE;
}
