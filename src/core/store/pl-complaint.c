/* pl-complaint.c: writing, sending and answering complaints and compliments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NG21 1.4.5-1.4.6: people can complain in writing, know when they will hear
 * back and how to take it further. NG21 1.1.3: compliments and other
 * feedback take the same path. NG21 1.6.1: danger and abuse are not a
 * complaint, and what to do about them is said apart.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <stdio.h>
#include "pl-i18n.h"

#include "pl-record.h"
#include "pl-complaint.h"

/* How to hear back */

static const PlReplyMethod all_methods[PL_REPLY_N_METHODS] = {
  PL_REPLY_LETTER, PL_REPLY_PHONE, PL_REPLY_IN_PERSON, PL_REPLY_LARGE_PRINT, PL_REPLY_AUDIO,
};

const char *
pl_reply_method_label (PlReplyMethod method)
{
  switch (method)
    {
    case PL_REPLY_LETTER:
      return _("A letter");
    case PL_REPLY_PHONE:
      return _("A phone call");
    case PL_REPLY_IN_PERSON:
      return _("In person");
    case PL_REPLY_LARGE_PRINT:
      return _("In large print");
    case PL_REPLY_AUDIO:
      return _("As a recording I can listen to");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "; " parts the methods: it reads well and never occurs inside one */
#define REPLY_SEPARATOR "; "

char *
pl_reply_methods_to_text (guint methods)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (all_methods); i++)
    {
      if ((methods & all_methods[i]) == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, REPLY_SEPARATOR);
      g_string_append (text, pl_reply_method_label (all_methods[i]));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

guint
pl_reply_methods_from_text (const char *text)
{
  g_auto(GStrv) parts = NULL;
  guint methods = 0;

  if (text == NULL)
    return 0;

  parts = g_strsplit (text, REPLY_SEPARATOR, -1);
  for (guint p = 0; parts[p] != NULL; p++)
    {
      g_strstrip (parts[p]);
      for (guint i = 0; i < G_N_ELEMENTS (all_methods); i++)
        if (g_strcmp0 (parts[p], pl_reply_method_label (all_methods[i])) == 0)
          methods |= all_methods[i];
    }

  return methods;
}

/* Drafts */

PlComplaint *
pl_complaint_find_draft (PlStore  *store,
                         gint64    person_id,
                         GError  **error)
{
  g_autoptr(GPtrArray) complaints = NULL;
  PlComplaint *latest = NULL;
  guint latest_index = 0;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  complaints = pl_store_list_complaints (store, person_id, error);
  if (complaints == NULL)
    return NULL;

  for (guint i = 0; i < complaints->len; i++)
    {
      PlComplaint *c = g_ptr_array_index (complaints, i);

      if (c->status != PL_COMPLAINT_DRAFT)
        continue;
      /* ISO timestamps sort as text; the later id wins a tie */
      if (latest == NULL || g_strcmp0 (c->updated_at, latest->updated_at) >= 0)
        {
          latest = c;
          latest_index = i;
        }
    }

  if (latest == NULL)
    return NULL;
  return g_ptr_array_steal_index (complaints, latest_index);
}

PlComplaint *
pl_complaint_draft_for (PlStore         *store,
                        gint64           person_id,
                        PlFeedbackKind   kind,
                        GError         **error)
{
  g_autoptr(GPtrArray) complaints = NULL;
  g_autoptr(PlComplaint) draft = NULL;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  complaints = pl_store_list_complaints (store, person_id, error);
  if (complaints == NULL)
    return NULL;

  /* Listed oldest first: the newest open draft of this kind */
  for (guint i = complaints->len; i > 0; i--)
    {
      PlComplaint *c = g_ptr_array_index (complaints, i - 1);

      if (c->status == PL_COMPLAINT_DRAFT && c->kind == kind)
        return g_ptr_array_steal_index (complaints, i - 1);
    }

  draft = pl_complaint_new ();
  draft->person_id = person_id;
  draft->kind = kind;
  draft->status = PL_COMPLAINT_DRAFT;
  if (!pl_store_save_complaint (store, draft, error))
    return NULL;

  return g_steal_pointer (&draft);
}

gboolean
pl_complaint_save_draft (PlStore      *store,
                         PlComplaint  *complaint,
                         GError      **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (complaint != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (complaint->status != PL_COMPLAINT_DRAFT)
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("This has been sent already, so it cannot be changed."));
      return FALSE;
    }

  /* One save is one short transaction; the store writes nothing when
   * nothing changed, so saving on every pause in typing costs little */
  return pl_store_save_complaint (store, complaint, error);
}

/* Working days */

static void
easter_sunday (int    year,
               GDate *out)
{
  /* The anonymous Gregorian algorithm (Meeus/Jones/Butcher) */
  int a = year % 19, b = year / 100, c = year % 100;
  int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* The nth (1…) Monday of month, or the last when n is 0 */
static GDateDay
monday_of (int month,
           int year,
           int n)
{
  GDate d;

  g_date_clear (&d, 1);
  if (n > 0)
    {
      g_date_set_dmy (&d, 1, (GDateMonth) month, (GDateYear) year);
      while (g_date_get_weekday (&d) != G_DATE_MONDAY)
        g_date_add_days (&d, 1);
      g_date_add_days (&d, (guint) (7 * (n - 1)));
    }
  else
    {
      g_date_set_dmy (&d, g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year),
                      (GDateMonth) month, (GDateYear) year);
      while (g_date_get_weekday (&d) != G_DATE_MONDAY)
        g_date_subtract_days (&d, 1);
    }
  return g_date_get_day (&d);
}

gboolean
pl_complaint_is_bank_holiday (const GDate *date)
{
  int year, month, day;
  GDateWeekday weekday;
  GDate easter;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  year = g_date_get_year (date);
  month = g_date_get_month (date);
  day = g_date_get_day (date);
  weekday = g_date_get_weekday (date);

  /* The regular bank holidays of England and Wales; one-off ones (a
   * coronation, a funeral) are announced too late to be written here. A
   * holiday on a weekend moves to the next weekday that is not one. */
  if (month == 1)
    return (day == 1 && weekday <= G_DATE_FRIDAY) ||
           ((day == 2 || day == 3) && weekday == G_DATE_MONDAY);

  if (month == 5)
    return weekday == G_DATE_MONDAY &&
           (day == monday_of (5, year, 1) || day == monday_of (5, year, 0));

  if (month == 8)
    return weekday == G_DATE_MONDAY && day == monday_of (8, year, 0);

  if (month == 12)
    {
      if (weekday >= G_DATE_SATURDAY)
        return FALSE;
      if (day == 25 || day == 26)
        return TRUE;
      /* Christmas or Boxing Day on a weekend: the 27th and 28th take their place */
      if (day == 27)
        return weekday == G_DATE_MONDAY || weekday == G_DATE_TUESDAY;
      if (day == 28)
        return weekday == G_DATE_MONDAY || weekday == G_DATE_TUESDAY;
      return FALSE;
    }

  if (month == 3 || month == 4)
    {
      easter_sunday (year, &easter);
      if (weekday == G_DATE_FRIDAY && g_date_days_between (date, &easter) == 2)
        return TRUE;
      if (weekday == G_DATE_MONDAY && g_date_days_between (&easter, date) == 1)
        return TRUE;
    }

  return FALSE;
}

static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  unsigned y, m, d;
  int n = 0;

  if (text == NULL || sscanf (text, "%4u-%2u-%2u%n", &y, &m, &d, &n) != 3 || n != 10)
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

static char *
format_iso_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", (int) g_date_get_year (date),
                          (int) g_date_get_month (date), (int) g_date_get_day (date));
}

char *
pl_complaint_add_working_days (const char *from,
                               guint       n)
{
  GDate date;

  if (!parse_iso_date (from, &date))
    return NULL;

  while (n > 0)
    {
      g_date_add_days (&date, 1);
      if (g_date_get_weekday (&date) >= G_DATE_SATURDAY || pl_complaint_is_bank_holiday (&date))
        continue;
      n--;
    }

  return format_iso_date (&date);
}

/* Sending */

static gboolean
reference_taken (PlStore     *store,
                 int          year,
                 guint        number,
                 gboolean    *taken,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *reference = g_strdup_printf ("C-%d-%04u", year, number);
  g_autoptr(PlComplaint) found = pl_store_find_complaint (store, reference, &local_error);

  if (found != NULL)
    {
      *taken = TRUE;
      return TRUE;
    }
  if (g_error_matches (local_error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND))
    {
      *taken = FALSE;
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* The first free number after the highest of the year. References are given
 * in order, so a search by halves finds it in a few lookups even after
 * thousands. A file holds one service, so numbering per year in the file
 * is numbering per service and year; the column is unique across the file. */
static gboolean
next_reference (PlStore  *store,
                int       year,
                char    **out,
                GError  **error)
{
  guint lo = 0, hi = 1;
  gboolean taken = TRUE;

  for (;;)
    {
      if (!reference_taken (store, year, hi, &taken, error))
        return FALSE;
      if (!taken)
        break;
      lo = hi;
      hi *= 2;
    }

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (!reference_taken (store, year, mid, &taken, error))
        return FALSE;
      if (taken)
        lo = mid;
      else
        hi = mid;
    }

  *out = g_strdup_printf ("C-%d-%04u", year, hi);
  return TRUE;
}

static gboolean
add_event (PlStore            *store,
           gint64              complaint_id,
           PlComplaintStatus   status,
           const char         *note,
           const char         *actor,
           GError            **error)
{
  g_autoptr(PlComplaintEvent) event = pl_complaint_event_new ();
  g_autoptr(GDateTime) now = pl_store_get_time (store);

  event->complaint_id = complaint_id;
  event->status = status;
  event->at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  event->note = !pl_text_is_blank (note) ? g_strdup (note) : NULL;
  event->actor = !pl_text_is_blank (actor) ? g_strdup (actor) : NULL;
  return pl_store_save_complaint_event (store, event, error);
}

gboolean
pl_complaint_send (PlStore      *store,
                   PlComplaint  *complaint,
                   GError      **error)
{
  g_autoptr(PlComplaint) sent = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (complaint != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (complaint->status != PL_COMPLAINT_DRAFT)
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("This has been sent already."));
      return FALSE;
    }
  if (pl_text_is_blank (complaint->what_happened))
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("Please say what you would like to tell us before you send it."));
      return FALSE;
    }

  sent = pl_complaint_copy (complaint);
  now = g_date_time_new_now_utc ();
  today = g_date_time_format (now, "%Y-%m-%d");

  /* The reference is chosen inside the transaction, which holds the write
   * lock: no other writer can take the same number meanwhile */
  if (!pl_store_begin (store, error))
    return FALSE;

  g_clear_pointer (&sent->reference, g_free);
  if (!next_reference (store, g_date_time_get_year (now), &sent->reference, error))
    goto fail;

  sent->status = PL_COMPLAINT_RECEIVED;
  g_clear_pointer (&sent->response_due, g_free);
  /* NG21 1.4.5: people are told how their complaint will be dealt with and
   * when. The service's own policy would set the time; none is recorded in
   * the service's details yet, so it is 20 working days, the usual time in
   * English social care complaints procedures. A compliment needs no answer. */
  if (sent->kind != PL_FEEDBACK_COMPLIMENT)
    sent->response_due = pl_complaint_add_working_days (today, PL_COMPLAINT_DEFAULT_RESPONSE_DAYS);

  if (!pl_store_save_complaint (store, sent, error))
    goto fail;
  if (!add_event (store, sent->id, PL_COMPLAINT_RECEIVED, NULL, pl_store_get_actor (store), error))
    goto fail;
  if (!pl_store_commit (store, error))
    return FALSE;

  /* Only now is the caller's copy changed: a failed send leaves the draft as it was */
  g_clear_pointer (&sent, pl_complaint_free);
  sent = pl_store_load_complaint (store, complaint->id, error);
  if (sent == NULL)
    return FALSE;
  g_free (complaint->reference);
  complaint->reference = g_strdup (sent->reference);
  complaint->status = sent->status;
  g_free (complaint->response_due);
  complaint->response_due = g_strdup (sent->response_due);
  g_free (complaint->updated_at);
  complaint->updated_at = g_strdup (sent->updated_at);
  return TRUE;

fail:
  pl_store_rollback (store);
  return FALSE;
}

/* The timeline staff keep */

static gboolean
can_move (PlComplaintStatus   from,
          PlComplaintStatus   to,
          GError            **error)
{
  gboolean ok = FALSE;

  switch (from)
    {
    case PL_COMPLAINT_DRAFT:
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("This has not been sent yet."));
      return FALSE;
    case PL_COMPLAINT_CLOSED:
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("This is closed, so nothing more can be added to it."));
      return FALSE;
    case PL_COMPLAINT_RECEIVED:
      ok = TRUE;
      break;
    case PL_COMPLAINT_ACKNOWLEDGED:
      ok = to != PL_COMPLAINT_ACKNOWLEDGED;
      break;
    case PL_COMPLAINT_RESPONDED:
      ok = to == PL_COMPLAINT_ESCALATED || to == PL_COMPLAINT_CLOSED ||
           to == PL_COMPLAINT_RESPONDED;
      break;
    case PL_COMPLAINT_ESCALATED:
      ok = to == PL_COMPLAINT_RESPONDED || to == PL_COMPLAINT_CLOSED;
      break;
    default:
      break;
    }

  if (!ok)
    g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                 /* Translators: "It is Answered already, so it cannot be Acknowledged." */
                 _("It is “%s” already, so it cannot be marked “%s”."),
                 pl_complaint_status_label (from), pl_complaint_status_label (to));
  return ok;
}

static gboolean
move_on (PlStore             *store,
         gint64               complaint_id,
         PlComplaintStatus    status,
         const char          *actor,
         const char          *note,
         PlComplaint        **out_complaint,
         GError             **error)
{
  g_autoptr(PlComplaint) complaint = NULL;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!pl_store_begin (store, error))
    return FALSE;

  complaint = pl_store_load_complaint (store, complaint_id, error);
  if (complaint == NULL || !can_move (complaint->status, status, error))
    goto fail;

  complaint->status = status;
  if (!pl_store_save_complaint (store, complaint, error) ||
      !add_event (store, complaint_id, status, note,
                  !pl_text_is_blank (actor) ? actor : pl_store_get_actor (store), error))
    goto fail;

  if (!pl_store_commit (store, error))
    return FALSE;

  if (out_complaint != NULL)
    {
      g_clear_pointer (out_complaint, pl_complaint_free);
      *out_complaint = g_steal_pointer (&complaint);
    }
  return TRUE;

fail:
  pl_store_rollback (store);
  return FALSE;
}

gboolean
pl_complaint_acknowledge (PlStore      *store,
                          gint64        complaint_id,
                          const char   *actor,
                          const char   *note,
                          PlComplaint **complaint,
                          GError      **error)
{
  return move_on (store, complaint_id, PL_COMPLAINT_ACKNOWLEDGED, actor, note, complaint, error);
}

gboolean
pl_complaint_respond (PlStore      *store,
                      gint64        complaint_id,
                      const char   *actor,
                      const char   *note,
                      PlComplaint **complaint,
                      GError      **error)
{
  if (pl_text_is_blank (note))
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("Please write the answer before you send it."));
      return FALSE;
    }
  return move_on (store, complaint_id, PL_COMPLAINT_RESPONDED, actor, note, complaint, error);
}

gboolean
pl_complaint_escalate (PlStore      *store,
                       gint64        complaint_id,
                       const char   *actor,
                       const char   *note,
                       PlComplaint **complaint,
                       GError      **error)
{
  /* NG21 1.4.6: passed on to the council that commissions the care, or the Ombudsman */
  return move_on (store, complaint_id, PL_COMPLAINT_ESCALATED, actor, note, complaint, error);
}

gboolean
pl_complaint_close (PlStore      *store,
                    gint64        complaint_id,
                    const char   *actor,
                    const char   *note,
                    PlComplaint **complaint,
                    GError      **error)
{
  return move_on (store, complaint_id, PL_COMPLAINT_CLOSED, actor, note, complaint, error);
}

/* The ways out */

static gboolean
load_person_service (PlStore     *store,
                     gint64       person_id,
                     PlService  **out_service,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PlPerson) person = pl_store_load_person (store, person_id, error);

  *out_service = NULL;
  if (person == NULL)
    return FALSE;
  if (person->service_id == 0)
    return TRUE;

  *out_service = pl_store_load_service (store, person->service_id, &local_error);
  if (*out_service == NULL &&
      !g_error_matches (local_error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

const char *
pl_complaint_escalation_step (guint step)
{
  switch (step)
    {
    case 1:
      return _("First, tell the care service. They will write down your complaint "
               "and answer you.");
    case 2:
      return _("If you are not happy with their answer, ask the council that "
               "arranges your care to look at it.");
    case 3:
      return _("If you are still not happy, ask the Local Government and Social "
               "Care Ombudsman to look at it. It is free.");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
pl_complaint_danger_notice (void)
{
  return _("If you are in danger now, ring 999.\n"
           "If you are worried that you or someone else is being hurt, abused or "
           "neglected, tell someone straight away. You do not need to make a "
           "complaint first.");
}

/* "Name: phone 0161 496 0500", or nothing when there is no number */
static void
append_phone (GString    *text,
              const char *who,
              const char *phone)
{
  if (pl_text_is_blank (phone))
    return;
  g_string_append_c (text, '\n');
  if (!pl_text_is_blank (who))
    /* Translators: who to ring and their number */
    g_string_append_printf (text, _("%s: phone %s"), who, phone);
  else
    /* Translators: a number to ring */
    g_string_append_printf (text, _("Phone %s"), phone);
}

char *
pl_complaint_escalation_text (PlStore  *store,
                              gint64    person_id,
                              GError  **error)
{
  g_autoptr(PlService) service = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!load_person_service (store, person_id, &service, error))
    return NULL;

  /* NG21 1.4.5-1.4.6: the service, then the council, then the Ombudsman,
   * each step in the words the complaint document uses, with its number */
  g_string_append_printf (text, "1. %s", pl_complaint_escalation_step (1));
  if (service != NULL)
    append_phone (text, service->name, service->phone);
  g_string_append_printf (text, "\n2. %s", pl_complaint_escalation_step (2));
  if (service != NULL)
    append_phone (text, service->commissioner, service->commissioner_phone);
  g_string_append_printf (text, "\n3. %s", pl_complaint_escalation_step (3));
  append_phone (text, _("Local Government and Social Care Ombudsman"), "0300 061 0614");

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
pl_complaint_danger_text (PlStore  *store,
                          gint64    person_id,
                          GError  **error)
{
  g_autoptr(PlService) service = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = 0;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!load_person_service (store, person_id, &service, error))
    return NULL;
  contacts = pl_store_list_contacts (store, person_id, error);
  if (contacts == NULL)
    return NULL;

  /* NG21 1.6.1 */
  g_string_append (text, pl_complaint_danger_notice ());

  for (guint i = 0; i < contacts->len; i++)
    {
      const PlContact *contact = g_ptr_array_index (contacts, i);

      if (contact->role != PL_CONTACT_SAFEGUARDING || pl_text_is_blank (contact->phone))
        continue;
      append_phone (text, !pl_text_is_blank (contact->organisation) ? contact->organisation : contact->name,
                    contact->phone);
      n++;
    }

  /* The council that arranges the care also takes safeguarding concerns */
  if (n == 0 && service != NULL && !pl_text_is_blank (service->commissioner_phone))
    append_phone (text, service->commissioner, service->commissioner_phone);
  else if (n == 0)
    {
      g_string_append_c (text, '\n');
      /* The words the complaint document uses when it has no number */
      g_string_append (text, _("Your local council's adult social care team can help. "
                               "Your coordinator or the care service office can give you "
                               "their number."));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
