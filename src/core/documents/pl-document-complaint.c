/* pl-document-complaint.c: a complaint or compliment, and where to go next
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NG21 1.4.5-1.4.6: people can complain in writing or in person, and know
 * how to take it further: the service, then the council that arranges
 * their care, then the Ombudsman. NG21 1.6.1: danger and abuse are not a
 * complaint; what to do about them is kept apart, under its own heading.
 * NG21 1.1.3: compliments are welcome too.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-complaint.h"
#include "pl-document-private.h"

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static char *
make_title (PlFeedbackKind  kind,
            const char     *name)
{
  switch (kind)
    {
    case PL_FEEDBACK_COMPLIMENT:
      /* Translators: the document's title, with the person's preferred name */
      return g_strdup_printf (_("%s's compliment"), name);
    case PL_FEEDBACK_OTHER:
      /* Translators: the document's title, with the person's preferred name */
      return g_strdup_printf (_("%s's feedback"), name);
    case PL_FEEDBACK_COMPLAINT:
    default:
      /* Translators: the document's title, with the person's preferred name */
      return g_strdup_printf (_("%s's complaint"), name);
    }
}

static void
add_questions (PlDocument        *document,
               const PlComplaint *complaint)
{
  g_autofree char *when = NULL;

  switch (complaint->kind)
    {
    case PL_FEEDBACK_COMPLIMENT:
      pl_document_add (document, PL_BLOCK_HEADING, 2, "questions", NULL, _("About my compliment"));
      break;
    case PL_FEEDBACK_OTHER:
      pl_document_add (document, PL_BLOCK_HEADING, 2, "questions", NULL, _("About what I told you"));
      break;
    case PL_FEEDBACK_COMPLAINT:
    default:
      pl_document_add (document, PL_BLOCK_HEADING, 2, "questions", NULL, _("About my complaint"));
      break;
    }

  /* A date typed as 2026-11-16 reads as one; anything else as written */
  if (has_text (complaint->when_happened))
    when = pl_date_to_words (complaint->when_happened);

  /* Every question is shown, answered or not, so the form is the same for all */
  pl_document_add (document, PL_BLOCK_QUESTION, 0, "what-happened", _("What happened?"),
                   complaint->what_happened);
  pl_document_add (document, PL_BLOCK_QUESTION, 0, "when", _("When did it happen?"), when);
  pl_document_add (document, PL_BLOCK_QUESTION, 0, "who-involved", _("Who was involved?"),
                   complaint->who_involved);
  if (complaint->kind != PL_FEEDBACK_COMPLIMENT)
    pl_document_add (document, PL_BLOCK_QUESTION, 0, "put-right", _("What would put it right?"),
                     complaint->put_right);
  pl_document_add (document, PL_BLOCK_QUESTION, 0, "reply-method",
                   _("How would you like to hear back?"), complaint->reply_method);
  pl_document_add (document, PL_BLOCK_QUESTION, 0, "helped-by",
                   _("Did anyone help you with this?"), complaint->helped_by);
}

static void
add_timeline (PlDocument *document,
              GPtrArray  *events)
{
  pl_document_add (document, PL_BLOCK_HEADING, 2, "timeline", NULL, _("What has happened since"));

  if (events->len == 0)
    {
      pl_document_add (document, PL_BLOCK_NOTICE, 0, NULL, NULL,
                       _("There is nothing here yet. When the care service does something "
                         "about it, it will be written here."));
      return;
    }

  /* Oldest first: it is a story, told in the order it happened */
  for (guint i = 0; i < events->len; i++)
    {
      const PlComplaintEvent *event = g_ptr_array_index (events, i);
      g_autofree char *anchor = g_strdup_printf ("event-%" G_GINT64_FORMAT, event->id);
      g_autofree char *when = pl_date_to_words (event->at);
      g_autoptr(GString) text = g_string_new (NULL);

      pl_document_append_line (text, pl_complaint_status_label (event->status));
      pl_document_append_line (text, event->note);
      if (has_text (event->actor))
        /* Translators: who wrote an update on a complaint */
        pl_document_append_value (text, _("By %s"), event->actor);

      pl_document_add (document, PL_BLOCK_FIELD, 0, anchor, when, text->str);
    }
}

static void
add_escalation (PlDocument      *document,
                const PlService *service)
{
  /* NG21 1.4.5-1.4.6 */
  pl_document_add (document, PL_BLOCK_HEADING, 2, "escalate", NULL,
                   _("If you are not happy with the answer"));
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, NULL, NULL,
                   _("Making a complaint will not change the care you get. "
                     "Someone you trust, or an advocate, can help you at every step."));
  for (guint step = 1; step <= PL_COMPLAINT_N_STEPS; step++)
    {
      g_autofree char *anchor = g_strdup_printf ("escalate-step-%u", step);

      pl_document_add (document, PL_BLOCK_LIST_ITEM, 1, anchor, NULL,
                       pl_complaint_escalation_step (step));
    }

  pl_document_add_service_card (document, "escalate-service", service);
  pl_document_add_commissioner_card (document, "escalate-commissioner", service);
  pl_document_add_ombudsman (document, "escalate-ombudsman");
}

static void
add_danger (PlDocument      *document,
            GPtrArray       *contacts,
            const PlService *service)
{
  guint n = 0;

  /* NG21 1.6.1: its own heading and a notice, apart from complaints */
  pl_document_add (document, PL_BLOCK_HEADING, 2, "danger", NULL,
                   _("If you are in danger or worried about abuse"));
  pl_document_add (document, PL_BLOCK_NOTICE, 0, "danger-notice", NULL,
                   pl_complaint_danger_notice ());

  for (guint i = 0; i < contacts->len; i++)
    {
      const PlContact *contact = g_ptr_array_index (contacts, i);
      g_autofree char *anchor = NULL;

      if (contact->role != PL_CONTACT_SAFEGUARDING)
        continue;
      anchor = g_strdup_printf ("safeguarding-%" G_GINT64_FORMAT, contact->id);
      pl_document_add_contact (document, anchor, NULL, contact);
      n++;
    }

  /* The council that arranges the care also takes safeguarding concerns */
  if (n == 0 && !pl_document_add_commissioner_card (document, "danger-council", service))
    pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, NULL, NULL,
                     _("Your local council's adult social care team can help. "
                       "Your coordinator or the care service office can give you their number."));
}

static void
add_how_to_complain (PlDocument      *document,
                     const PlService *service)
{
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, "none", NULL,
                   _("You have not made a complaint or paid a compliment yet."));

  /* NG21 1.4.5: in writing or in person; NG21 1.1.3: compliments too */
  pl_document_add (document, PL_BLOCK_HEADING, 2, "how-to-complain", NULL,
                   _("How to make a complaint or pay a compliment"));
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, NULL, NULL,
                   _("You can tell the care service when something is wrong, and when "
                     "something went well. You can do it in the way that suits you:"));
  pl_document_add (document, PL_BLOCK_LIST_ITEM, 1, NULL, NULL,
                   _("fill in a complaint form with your coordinator, a care worker or "
                     "someone you trust"));
  pl_document_add (document, PL_BLOCK_LIST_ITEM, 1, NULL, NULL,
                   _("ring or write to the care service office"));
  pl_document_add (document, PL_BLOCK_LIST_ITEM, 1, NULL, NULL,
                   _("tell your care worker or your coordinator in person"));
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, NULL, NULL,
                   _("You will be asked what happened, when it happened, who was involved, "
                     "what would put it right and how you would like to hear back."));
  pl_document_add_service_card (document, "contact-service", service);
}

/* The complaint asked for, or the person's latest; NULL with no error if they have none */
static PlComplaint *
load_complaint (PlStore  *store,
                gint64    person_id,
                gint64    complaint_id,
                GError  **error)
{
  g_autoptr(GPtrArray) complaints = NULL;

  if (complaint_id != 0)
    {
      g_autoptr(PlComplaint) complaint = pl_store_load_complaint (store, complaint_id, error);

      if (complaint == NULL)
        return NULL;
      if (complaint->person_id != person_id)
        {
          g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND,
                               _("This person has no complaint with that number."));
          return NULL;
        }
      return g_steal_pointer (&complaint);
    }

  complaints = pl_store_list_complaints (store, person_id, error);
  if (complaints == NULL || complaints->len == 0)
    return NULL;
  /* Listed oldest first */
  return g_ptr_array_steal_index (complaints, complaints->len - 1);
}

PlDocument *
pl_document_build_complaint (PlStore  *store,
                             gint64    person_id,
                             gint64    complaint_id,
                             GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(PlService) service = NULL;
  g_autoptr(PlComplaint) complaint = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  person = pl_store_load_person (store, person_id, error);
  if (person == NULL)
    return NULL;

  if (person->service_id != 0)
    {
      service = pl_store_load_service (store, person->service_id, &local_error);
      if (service == NULL)
        {
          if (!g_error_matches (local_error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          g_clear_error (&local_error);
        }
    }

  contacts = pl_store_list_contacts (store, person_id, error);
  if (contacts == NULL)
    return NULL;

  complaint = load_complaint (store, person_id, complaint_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (complaint == NULL)
    {
      title = g_strdup (_("Complaints and compliments"));
      document = pl_document_new (title);
      pl_document_add (document, PL_BLOCK_HEADING, 1, "top", NULL, title);
      pl_document_add_link (document, _("If you are in danger or worried about abuse"), "danger");
      add_how_to_complain (document, service);
      add_escalation (document, service);
      add_danger (document, contacts, service);
      return g_steal_pointer (&document);
    }

  events = pl_store_list_complaint_events (store, complaint->id, error);
  if (events == NULL)
    return NULL;

  name = pl_document_person_name (person);
  title = make_title (complaint->kind, name);
  document = pl_document_new (title);
  pl_document_add (document, PL_BLOCK_HEADING, 1, "top", NULL, title);

  /* The way out is visible from the start, though its words are kept apart below */
  pl_document_add_link (document, _("If you are in danger or worried about abuse"), "danger");

  pl_document_add_field_if_set (document, "reference", _("Reference"), complaint->reference);
  pl_document_add (document, PL_BLOCK_FIELD, 0, "status", _("Where it is up to"),
                   pl_complaint_status_label (complaint->status));
  if (complaint->kind != PL_FEEDBACK_COMPLIMENT && complaint->status != PL_COMPLAINT_CLOSED &&
      has_text (complaint->response_due))
    {
      g_autofree char *due = pl_date_to_words (complaint->response_due);

      pl_document_add (document, PL_BLOCK_FIELD, 0, "response-due", _("You will have an answer by"),
                       due);
    }

  add_questions (document, complaint);
  add_timeline (document, events);
  if (complaint->kind != PL_FEEDBACK_COMPLIMENT)
    add_escalation (document, service);
  add_danger (document, contacts, service);

  return g_steal_pointer (&document);
}
