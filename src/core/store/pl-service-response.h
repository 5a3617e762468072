/* pl-service-response.h: "You said, we did"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What people told the service and what it did about it, written by staff
 * and, once published, read by everyone who uses the service in their
 * welcome pack (NG86 1.6.11). An answer may come from one complaint, but it
 * never says whose: complaint_id is kept for staff and never shown.
 */

#pragma once

#include <glib.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* Saves a new or changed answer; both texts are needed, and the service.
 * response is updated to what was stored (its id, stamps). */
gboolean           pl_service_response_save           (PlStore                  *store,
                                                       PlServiceResponse        *response,
                                                       GError                  **error);
/* Publishes on date (ISO "YYYY-MM-DD"; NULL for today), or takes it back so
 * people no longer read it. out_response, when not NULL, gets the answer as
 * stored. */
gboolean           pl_service_response_publish        (PlStore                  *store,
                                                       gint64                    response_id,
                                                       const char               *date,
                                                       PlServiceResponse       **out_response,
                                                       GError                  **error);
gboolean           pl_service_response_unpublish      (PlStore                  *store,
                                                       gint64                    response_id,
                                                       PlServiceResponse       **out_response,
                                                       GError                  **error);
/* Every answer of the service, published ones newest first, then the ones
 * not yet published (element-type PlServiceResponse) */
GPtrArray         *pl_service_response_list           (PlStore                  *store,
                                                       gint64                    service_id,
                                                       GError                  **error);
/* Only the published ones, newest first: what people read */
GPtrArray         *pl_service_response_list_published (PlStore                  *store,
                                                       gint64                    service_id,
                                                       GError                  **error);
/* A new answer to start from, for the service of the complaint's person:
 * "You said" is what the person wrote and "We did" the latest answer on its
 * timeline, for staff to reword so that no one can tell who said it */
PlServiceResponse *pl_service_response_from_complaint (PlStore                  *store,
                                                       gint64                    complaint_id,
                                                       GError                  **error);

G_END_DECLS
