/* pl-document-parts.c: the pieces every document builder shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Paragraphs and lists from a person's own words, contact cards, visit
 * times in words, the service's and the Ombudsman's cards: built one way,
 * so a plan, a welcome pack and a complaint form say them alike.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include "pl-i18n.h"

#include "pl-record.h"
#include "pl-document-private.h"

char *
pl_document_person_name (const PlPerson *person)
{
  g_return_val_if_fail (person != NULL, g_strdup (""));

  /* NG86 1.4.2: use the name the person prefers */
  if (person->preferred_name != NULL && *person->preferred_name != '\0')
    return pl_catalog_isolate (person->preferred_name);
  return pl_catalog_isolate (person->full_name);
}

/* "- tea", "* tea", "• tea": the item's text, else NULL. Two or more spaces
 * before the mark nest it one level down. */
static const char *
list_item_text (const char *line,
                int        *level)
{
  const char *p = line;
  int spaces = 0;

  while (*p == ' ')
    {
      p++;
      spaces++;
    }

  *level = spaces >= 2 ? 2 : 1;
  if ((p[0] == '-' || p[0] == '*') && p[1] == ' ')
    return p + 2;
  if (g_str_has_prefix (p, "• "))
    return p + strlen ("• ");
  return NULL;
}

static void
flush_paragraph (PlDocument *self,
                 GString    *paragraph)
{
  g_autofree char *text = NULL;

  if (paragraph->len == 0)
    return;

  text = g_strstrip (g_strdup (paragraph->str));
  if (*text != '\0')
    pl_document_add (self, PL_BLOCK_PARAGRAPH, 0, NULL, NULL, text);
  g_string_truncate (paragraph, 0);
}

gboolean
pl_document_add_body (PlDocument *self,
                      const char *body)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) paragraph = NULL;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);

  if (pl_text_is_blank (body))
    return FALSE;

  lines = g_strsplit (body, "\n", -1);
  paragraph = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize len = strlen (line);
      const char *item;
      int level;

      if (len > 0 && line[len - 1] == '\r')
        line[len - 1] = '\0';

      if (pl_text_is_blank (line))
        {
          flush_paragraph (self, paragraph);
          continue;
        }

      item = list_item_text (line, &level);
      if (item != NULL)
        {
          g_autofree char *text = g_strstrip (g_strdup (item));

          flush_paragraph (self, paragraph);
          if (*text != '\0')
            pl_document_add (self, PL_BLOCK_LIST_ITEM, level, NULL, NULL, text);
          continue;
        }

      /* A single line break the person typed stays inside the paragraph */
      if (paragraph->len > 0)
        g_string_append_c (paragraph, '\n');
      g_string_append (paragraph, line);
    }

  flush_paragraph (self, paragraph);
  return TRUE;
}

void
pl_document_add_empty_notice (PlDocument *self)
{
  pl_document_add (self, PL_BLOCK_NOTICE, 0, NULL, NULL,
                   _("Nothing has been written here yet. "
                     "You can ask your coordinator to add it with you."));
}

void
pl_document_add_body_or_notice (PlDocument *self,
                                const char *body)
{
  if (!pl_document_add_body (self, body))
    pl_document_add_empty_notice (self);
}

void
pl_document_mark_language (PlDocument *self,
                           guint       first,
                           const char *language)
{
  if (pl_text_is_blank (language))
    return;
  for (guint i = first; i < pl_document_get_n_blocks (self); i++)
    pl_document_set_block_language (self, i, language);
}

void
pl_document_add_field_if_set (PlDocument *self,
                              const char *anchor,
                              const char *label,
                              const char *text)
{
  g_autofree char *stripped = NULL;

  if (pl_text_is_blank (text))
    return;

  stripped = g_strstrip (g_strdup (text));
  pl_document_add (self, PL_BLOCK_FIELD, 0, anchor, label, stripped);
}

void
pl_document_append_line (GString    *out,
                         const char *text)
{
  g_autofree char *stripped = NULL;

  if (pl_text_is_blank (text))
    return;

  stripped = g_strstrip (g_strdup (text));
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, stripped);
}

void
pl_document_append_value (GString    *out,
                          const char *format,
                          const char *value)
{
  g_autofree char *isolated = pl_catalog_isolate (value);
  g_autofree char *line = NULL;

  /* format is a translated message of one %s, as msgfmt --check sees */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  line = g_strdup_printf (format, isolated);
#pragma GCC diagnostic pop
  pl_document_append_line (out, line);
}

char *
pl_document_contact_text (const PlContact *contact)
{
  GString *out;

  g_return_val_if_fail (contact != NULL, NULL);

  out = g_string_new (NULL);
  if (!pl_text_is_blank (contact->relationship))
    {
      g_autofree char *relationship = g_strstrip (g_strdup (contact->relationship));
      g_autofree char *name = pl_catalog_isolate (contact->name);
      g_autofree char *isolated = pl_catalog_isolate (relationship);

      /* Translators: a name and how they are related: "Anna Brontë (daughter)" */
      g_string_append_printf (out, _("%s (%s)"), name, isolated);
    }
  else
    {
      pl_document_append_line (out, contact->name);
    }
  pl_document_append_line (out, contact->organisation);
  if (!pl_text_is_blank (contact->phone))
    /* Translators: a line of a contact card */
    pl_document_append_value (out, _("Phone: %s"), contact->phone);
  if (!pl_text_is_blank (contact->email))
    /* Translators: a line of a contact card */
    pl_document_append_value (out, _("Email: %s"), contact->email);
  if (!pl_text_is_blank (contact->address))
    /* Translators: a line of a contact card */
    pl_document_append_value (out, _("Address: %s"), contact->address);
  pl_document_append_line (out, contact->notes);

  return g_string_free (out, FALSE);
}

void
pl_document_add_contact (PlDocument      *self,
                         const char      *anchor,
                         const char      *label,
                         const PlContact *contact)
{
  g_autofree char *text = pl_document_contact_text (contact);

  pl_document_add (self, PL_BLOCK_CONTACT, 0, anchor,
                   label != NULL ? label : pl_contact_role_label (contact->role), text);
}

char *
pl_document_visit_when (const PlVisit *visit)
{
  g_autofree char *time = pl_time_to_words (visit->start_time);
  g_autofree char *duration = pl_duration_to_words (visit->duration);

  /* A time that was damaged reads as none (pl_form_time) */
  if (*time == '\0')
    {
      g_free (time);
      time = g_strdup (_("Time not known"));
    }

  if (*duration == '\0')
    return g_steal_pointer (&time);
  /* Translators: a visit's time and length: "8:00 in the morning, 45 minutes" */
  return g_strdup_printf (_("%s, %s"), time, duration);
}

static char *
visit_text (const PlVisit *visit)
{
  GString *out = g_string_new (NULL);

  pl_document_append_line (out, visit->purpose);
  pl_document_append_line (out, visit->tasks);
  return g_string_free (out, FALSE);
}

static const char * const weekday_anchors[] = {
  "every-day", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "day-not-known",
};
G_STATIC_ASSERT (G_N_ELEMENTS (weekday_anchors) == PL_WEEKDAY_UNKNOWN + 1);

void
pl_document_add_visits (PlDocument *self,
                        GPtrArray  *visits,
                        int         heading_level,
                        const char *prefix)
{
  int day = -1;
  guint days_headed = 0;

  for (guint i = 0; i < visits->len; i++)
    {
      const PlVisit *visit = g_ptr_array_index (visits, i);
      int weekday = CLAMP (visit->weekday, 0, PL_WEEKDAY_UNKNOWN);
      g_autofree char *anchor = g_strdup_printf ("visit-%" G_GINT64_FORMAT, visit->id);
      g_autofree char *when = pl_document_visit_when (visit);
      g_autofree char *text = visit_text (visit);

      /* The store lists visits by day, so each day's heading comes once */
      if (weekday != day)
        {
          g_autofree char *day_anchor = g_strdup_printf ("%s-%s", prefix, weekday_anchors[weekday]);

          /* A day out of range in the file is sorted apart from the day it
           * is shown as: its heading comes again, without the anchor */
          day = weekday;
          pl_document_add (self, PL_BLOCK_HEADING, heading_level,
                           (days_headed & (1u << weekday)) ? NULL : day_anchor, NULL,
                           pl_weekday_label (weekday));
          days_headed |= 1u << weekday;
        }

      pl_document_add (self, PL_BLOCK_FIELD, 0, anchor, when, text);
    }
}

guint
pl_document_count_weekly_visits (GPtrArray *visits)
{
  guint n = 0;

  for (guint i = 0; i < visits->len; i++)
    {
      const PlVisit *visit = g_ptr_array_index (visits, i);

      n += visit->weekday == 0 ? 7 : 1;
    }
  return n;
}

const PlContact *
pl_document_find_coordinator (GPtrArray    *contacts,
                              const PlPlan *plan)
{
  if (contacts == NULL)
    return NULL;

  if (plan != NULL && plan->coordinator_id != 0)
    {
      for (guint i = 0; i < contacts->len; i++)
        {
          const PlContact *contact = g_ptr_array_index (contacts, i);

          if (contact->id == plan->coordinator_id)
            return contact;
        }
    }

  for (guint i = 0; i < contacts->len; i++)
    {
      const PlContact *contact = g_ptr_array_index (contacts, i);

      if (contact->role == PL_CONTACT_COORDINATOR)
        return contact;
    }

  return NULL;
}

gboolean
pl_document_add_service_card (PlDocument      *self,
                              const char      *anchor,
                              const PlService *service)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (service == NULL)
    return FALSE;

  pl_document_append_line (text, service->name);
  if (!pl_text_is_blank (service->phone))
    /* Translators: a line of a contact card */
    pl_document_append_value (text, _("Phone: %s"), service->phone);
  if (!pl_text_is_blank (service->email))
    /* Translators: a line of a contact card */
    pl_document_append_value (text, _("Email: %s"), service->email);
  if (!pl_text_is_blank (service->address))
    /* Translators: a line of a contact card */
    pl_document_append_value (text, _("Address: %s"), service->address);
  if (!pl_text_is_blank (service->hours))
    /* Translators: a line of a contact card: when the office is open */
    pl_document_append_value (text, _("Open: %s"), service->hours);

  if (text->len == 0)
    return FALSE;
  pl_document_add (self, PL_BLOCK_CONTACT, 0, anchor, _("Care service office"), text->str);
  return TRUE;
}

gboolean
pl_document_add_commissioner_card (PlDocument      *self,
                                   const char      *anchor,
                                   const PlService *service)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (service == NULL)
    return FALSE;

  pl_document_append_line (text, service->commissioner);
  if (!pl_text_is_blank (service->commissioner_phone))
    /* Translators: a line of a contact card */
    pl_document_append_value (text, _("Phone: %s"), service->commissioner_phone);
  if (!pl_text_is_blank (service->commissioner_email))
    /* Translators: a line of a contact card */
    pl_document_append_value (text, _("Email: %s"), service->commissioner_email);

  if (text->len == 0)
    return FALSE;
  pl_document_add (self, PL_BLOCK_CONTACT, 0, anchor,
                   _("The council that arranges your care"), text->str);
  return TRUE;
}

void
pl_document_add_ombudsman (PlDocument *self,
                           const char *anchor)
{
  g_autofree char *text = NULL;

  /* NG21 1.4.6: the Ombudsman looks at complaints about care services
   * once the service and the council have had their say */
  text = g_strdup_printf ("%s\n%s\n%s",
                          _("Local Government and Social Care Ombudsman"),
                          /* Translators: a line of a contact card */
                          _("Phone: 0300 061 0614"),
                          /* Translators: a line of a contact card */
                          _("Website: www.lgo.org.uk"));
  pl_document_add (self, PL_BLOCK_CONTACT, 0, anchor, _("Ombudsman"), text);
}

char *
pl_document_join_words (GPtrArray *words)
{
  char *out;
  guint n = words->len;

  if (n == 0)
    return g_strdup ("");

  /* From the end, so each language joins the last two its own way */
  out = g_strdup (g_ptr_array_index (words, n - 1));
  for (guint i = n - 1; i > 0; i--)
    {
      char *joined;

      if (i == n - 1)
        /* Translators: the last two things in a list: "my plan and my diary" */
        joined = g_strdup_printf (C_("list", "%1$s and %2$s"),
                                  (const char *) g_ptr_array_index (words, i - 1), out);
      else
        /* Translators: the things before the last two in a list: "my plan,
         * my diary and my welcome pack" */
        joined = g_strdup_printf (C_("list", "%1$s, %2$s"),
                                  (const char *) g_ptr_array_index (words, i - 1), out);
      g_free (out);
      out = joined;
    }
  return out;
}
