/* pl-welcome-editor.h: staff write a service's welcome pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-reader.h"
#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_WELCOME_EDITOR (pl_welcome_editor_get_type ())
G_DECLARE_FINAL_TYPE (PlWelcomeEditor, pl_welcome_editor, PL, WELCOME_EDITOR, GtkWidget)

/* The parts of a service's welcome pack (NG21 1.2.1-1.2.6) and the
 * service's own contact details, which the pack's contacts come from. Each
 * change is kept as a draft (pl-draft.h) of the member of staff typing, and
 * offered back the next time; Save stores the pack and the service, with
 * history. The preview shows the pack as a chosen person will read it, with
 * the changes not yet saved.
 *
 * Only staff who may edit welcome packs change anything; others read.
 *
 * For tests, the widgets are named after the fields: "pack-title",
 * "pack-introduction", "pack-what-to-expect", "pack-rights",
 * "pack-not-happy", "pack-funding", "pack-support-groups" (text views but
 * the title), "service-name", "service-phone", "service-email",
 * "service-address", "service-hours", "service-out-of-hours",
 * "service-commissioner", "service-commissioner-phone",
 * "service-commissioner-email", "service-regulator",
 * "service-regulator-phone" (entry rows); and "save-pack",
 * "discard-draft", "preview-person" and "show-preview". */

PlWelcomeEditor *pl_welcome_editor_new           (void);
/* store is not owned; staff is copied. Shows the first service's pack, with
 * this member of staff's draft, if any, over it. */
void             pl_welcome_editor_set_context   (PlWelcomeEditor  *self,
                                                  PlStore          *store,
                                                  const PlStaff    *staff);
/* Which service's pack is edited (its draft kept first) */
gboolean         pl_welcome_editor_set_service   (PlWelcomeEditor  *self,
                                                  gint64            service_id,
                                                  GError          **error);
/* Shows person_id's pack in the preview, changes not yet saved included */
gboolean         pl_welcome_editor_preview       (PlWelcomeEditor  *self,
                                                  gint64            person_id,
                                                  GError          **error);

G_END_DECLS
