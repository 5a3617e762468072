/* pl-service-response.c: "You said, we did"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include "pl-i18n.h"

#include "pl-service-response.h"

gboolean
pl_service_response_save (PlStore            *store,
                          PlServiceResponse  *response,
                          GError            **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (response != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (response->service_id == 0)
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("Choose the care service this answer is for."));
      return FALSE;
    }
  if (pl_text_is_blank (response->you_said))
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("Please write what people said."));
      return FALSE;
    }
  if (pl_text_is_blank (response->we_did))
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("Please write what the service did about it."));
      return FALSE;
    }

  return pl_store_save_service_response (store, response, error);
}

static gboolean
is_iso_date (const char *text)
{
  unsigned int y, m, d;
  char end;

  return text != NULL &&
         sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &end) == 3 &&
         strlen (text) == 10 &&
         g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static gboolean
set_published (PlStore            *store,
               gint64              response_id,
               const char         *date,
               PlServiceResponse **out_response,
               GError            **error)
{
  g_autoptr(PlServiceResponse) response = NULL;

  response = pl_store_load_service_response (store, response_id, error);
  if (response == NULL)
    return FALSE;

  if (g_strcmp0 (response->published_on, date) != 0)
    {
      g_free (response->published_on);
      response->published_on = g_strdup (date);
      if (!pl_service_response_save (store, response, error))
        return FALSE;
    }

  if (out_response != NULL)
    {
      g_clear_pointer (out_response, pl_service_response_free);
      *out_response = g_steal_pointer (&response);
    }
  return TRUE;
}

gboolean
pl_service_response_publish (PlStore            *store,
                             gint64              response_id,
                             const char         *date,
                             PlServiceResponse **out_response,
                             GError            **error)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = g_date_time_format (now, "%Y-%m-%d");
      date = today;
    }
  else if (!is_iso_date (date))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   /* Translators: %s is what was typed as a date */
                   _("“%s” is not a date. Write it as year-month-day, like 2026-11-23."),
                   date);
      return FALSE;
    }

  return set_published (store, response_id, date, out_response, error);
}

gboolean
pl_service_response_unpublish (PlStore            *store,
                               gint64              response_id,
                               PlServiceResponse **out_response,
                               GError            **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return set_published (store, response_id, NULL, out_response, error);
}

GPtrArray *
pl_service_response_list (PlStore  *store,
                          gint64    service_id,
                          GError  **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* With no service the store would list every service's answers */
  if (service_id == 0)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) pl_service_response_free);

  /* The record type orders by published_on DESC, id DESC: unpublished
   * answers (NULL) come last */
  return pl_store_list_service_responses (store, service_id, error);
}

GPtrArray *
pl_service_response_list_published (PlStore  *store,
                                    gint64    service_id,
                                    GError  **error)
{
  GPtrArray *all;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  all = pl_service_response_list (store, service_id, error);
  if (all == NULL)
    return NULL;

  for (guint i = all->len; i > 0; i--)
    {
      const PlServiceResponse *response = g_ptr_array_index (all, i - 1);

      if (pl_text_is_blank (response->published_on))
        g_ptr_array_remove_index (all, i - 1);
    }
  return all;
}

PlServiceResponse *
pl_service_response_from_complaint (PlStore  *store,
                                    gint64    complaint_id,
                                    GError  **error)
{
  g_autoptr(PlComplaint) complaint = NULL;
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(PlServiceResponse) response = NULL;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  complaint = pl_store_load_complaint (store, complaint_id, error);
  if (complaint == NULL)
    return NULL;
  person = pl_store_load_person (store, complaint->person_id, error);
  if (person == NULL)
    return NULL;
  events = pl_store_list_complaint_events (store, complaint_id, error);
  if (events == NULL)
    return NULL;

  response = pl_service_response_new ();
  response->service_id = person->service_id;
  response->complaint_id = complaint->id;
  response->you_said = g_strdup (complaint->what_happened != NULL ? complaint->what_happened : "");

  /* Events come oldest first: the last answer is the one to tell others about */
  for (guint i = events->len; i > 0; i--)
    {
      const PlComplaintEvent *event = g_ptr_array_index (events, i - 1);

      if (event->status == PL_COMPLAINT_RESPONDED && !pl_text_is_blank (event->note))
        {
          response->we_did = g_strdup (event->note);
          break;
        }
    }
  if (response->we_did == NULL)
    response->we_did = g_strdup ("");

  return g_steal_pointer (&response);
}
