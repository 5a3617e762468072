/* pl-document-welcome.c: the service's welcome pack, made personal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NG21 1.2.1-1.2.6: before care starts, people get information about what
 * to expect, their rights, how to complain, paying for care and who to
 * contact. The service writes one pack; this adds the person's own
 * coordinator and visit times to it.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-document-private.h"
#include "pl-service-response.h"

static void
add_not_written (PlDocument *document)
{
  pl_document_add (document, PL_BLOCK_NOTICE, 0, NULL, NULL,
                   _("The care service has not written this part yet. "
                     "You can ask the office about it."));
}

static void
add_pack_part (PlDocument *document,
               const char *anchor,
               const char *title,
               const char *body)
{
  pl_document_add (document, PL_BLOCK_HEADING, 2, anchor, NULL, title);
  if (!pl_document_add_body (document, body))
    add_not_written (document);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
add_service_contacts (PlDocument      *document,
                      const PlService *service)
{
  g_autoptr(GString) out_of_hours = g_string_new (NULL);
  g_autoptr(GString) regulator = g_string_new (NULL);

  if (service == NULL)
    return;

  pl_document_add_service_card (document, "contact-service", service);

  if (has_text (service->out_of_hours))
    {
      /* Translators: a line of a contact card */
      pl_document_append_value (out_of_hours, _("Phone: %s"), service->out_of_hours);
      pl_document_add (document, PL_BLOCK_CONTACT, 0, "contact-out-of-hours",
                       _("When the office is closed"), out_of_hours->str);
    }

  /* NG21 1.4.6: the council that arranges the care is the next step for a complaint */
  pl_document_add_commissioner_card (document, "contact-commissioner", service);

  if (has_text (service->regulator) || has_text (service->regulator_phone))
    {
      pl_document_append_line (regulator, service->regulator);
      if (has_text (service->regulator_phone))
        /* Translators: a line of a contact card */
        pl_document_append_value (regulator, _("Phone: %s"), service->regulator_phone);
      pl_document_add (document, PL_BLOCK_CONTACT, 0, "contact-regulator",
                       _("Who checks the care service"), regulator->str);
    }
}

/* NG86 1.6.11: what people told the service and what it changed. Only
 * published answers, and never who said it: complaint_id is not read here. */
static void
add_you_said_we_did (PlDocument *document,
                     GPtrArray  *responses)
{
  if (responses == NULL || responses->len == 0)
    return;

  pl_document_add (document, PL_BLOCK_HEADING, 2, "you-said-we-did", NULL, _("You said, we did"));
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, NULL, NULL,
                   _("People who use our service told us what could be better. "
                     "This is what we did about it."));

  for (guint i = 0; i < responses->len; i++)
    {
      const PlServiceResponse *response = g_ptr_array_index (responses, i);
      g_autofree char *anchor = g_strdup_printf ("response-%" G_GINT64_FORMAT, response->id);
      g_autofree char *we_did_anchor = g_strconcat (anchor, "-we-did", NULL);

      pl_document_add (document, PL_BLOCK_FIELD, 0, anchor, _("You said"), response->you_said);
      pl_document_add (document, PL_BLOCK_FIELD, 0, we_did_anchor, _("We did"), response->we_did);
    }
}

/* A missing record of this kind is not a failure: the document says so */
static gboolean
tolerate_not_found (GError **local_error,
                    GError **error)
{
  if (g_error_matches (*local_error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND))
    {
      g_clear_error (local_error);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (local_error));
  return FALSE;
}

PlDocument *
pl_document_build_welcome (PlStore  *store,
                           gint64    person_id,
                           GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(PlWelcomePack) pack = NULL;
  g_autoptr(PlService) service = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GPtrArray) responses = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autofree char *title = NULL;
  g_autofree char *hello = NULL;
  g_autofree char *name = NULL;
  const PlContact *coordinator;
  gint64 service_id;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  person = pl_store_load_person (store, person_id, error);
  if (person == NULL)
    return NULL;

  pack = pl_store_welcome_pack_for_person (store, person_id, &local_error);
  if (pack == NULL && !tolerate_not_found (&local_error, error))
    return NULL;

  service_id = person->service_id != 0 ? person->service_id : (pack != NULL ? pack->service_id : 0);
  if (service_id != 0)
    {
      service = pl_store_load_service (store, service_id, &local_error);
      if (service == NULL && !tolerate_not_found (&local_error, error))
        return NULL;
    }

  plan = pl_store_current_plan (store, person_id, &local_error);
  if (plan == NULL && !tolerate_not_found (&local_error, error))
    return NULL;

  contacts = pl_store_list_contacts (store, person_id, error);
  if (contacts == NULL)
    return NULL;

  if (plan != NULL)
    {
      visits = pl_store_list_visits (store, plan->id, error);
      if (visits == NULL)
        return NULL;
    }

  if (service_id != 0)
    {
      responses = pl_service_response_list_published (store, service_id, error);
      if (responses == NULL)
        return NULL;
    }

  if (pack != NULL && has_text (pack->title))
    title = g_strdup (pack->title);
  else if (service != NULL && has_text (service->name))
    {
      g_autofree char *service_name = pl_catalog_isolate (service->name);

      title = g_strdup_printf (_("Welcome to %s"), service_name);
    }
  else
    title = g_strdup (_("Welcome"));

  document = pl_document_new (title);
  pl_document_add (document, PL_BLOCK_HEADING, 1, "top", NULL, title);

  /* NG86 1.4.2: the name the person likes to be called */
  name = pl_document_person_name (person);
  /* Translators: %s is the name the person likes to be called */
  hello = g_strdup_printf (_("Hello %s. This pack is for you. It tells you what to expect "
                             "from us, your rights, and who to talk to."),
                           name);
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, "hello", NULL, hello);
  if (pack == NULL)
    pl_document_add (document, PL_BLOCK_NOTICE, 0, "no-pack", NULL,
                     _("The care service has not written a welcome pack yet. "
                       "You can ask the office for one."));
  else
    pl_document_add_body (document, pack->introduction);

  /* NG21 1.3.6: a named coordinator, known from the start */
  pl_document_add (document, PL_BLOCK_HEADING, 2, "coordinator", NULL, _("Your coordinator"));
  coordinator = pl_document_find_coordinator (contacts, plan);
  if (coordinator != NULL)
    {
      pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, NULL, NULL,
                       _("Your coordinator makes sure your care and support happen as agreed. "
                         "Talk to them about anything in your plan."));
      pl_document_add_contact (document, "coordinator-contact", NULL, coordinator);
    }
  else
    {
      pl_document_add (document, PL_BLOCK_NOTICE, 0, NULL, NULL,
                       _("No coordinator has been named yet. "
                         "The care service office can tell you who it will be."));
    }

  /* NG21 1.2.3, 1.4.2: when the care workers come, and for how long */
  pl_document_add (document, PL_BLOCK_HEADING, 2, "visits", NULL, _("When we visit you"));
  if (visits != NULL && visits->len > 0)
    pl_document_add_visits (document, visits, 3, "visits");
  else
    pl_document_add (document, PL_BLOCK_NOTICE, 0, NULL, NULL,
                     _("Your visit times have not been agreed yet. "
                       "Your coordinator will agree them with you."));

  add_pack_part (document, "what-to-expect", _("What to expect from us"),
                 pack != NULL ? pack->what_to_expect : NULL);
  add_pack_part (document, "rights", _("Your rights"), pack != NULL ? pack->rights : NULL);
  /* NG21 1.2.4, 1.4.5 */
  add_pack_part (document, "not-happy", _("If you are not happy"),
                 pack != NULL ? pack->not_happy : NULL);
  /* NG21 1.2.2: direct payments and personal budgets */
  add_pack_part (document, "funding", _("Paying for your care"), pack != NULL ? pack->funding : NULL);
  add_pack_part (document, "support-groups", _("Support groups"),
                 pack != NULL ? pack->support_groups : NULL);
  add_you_said_we_did (document, responses);

  pl_document_add (document, PL_BLOCK_HEADING, 2, "contacts", NULL, _("Who to contact"));
  add_service_contacts (document, service);
  pl_document_add_ombudsman (document, "contact-ombudsman");

  return g_steal_pointer (&document);
}
