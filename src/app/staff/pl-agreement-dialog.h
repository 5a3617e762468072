/* pl-agreement-dialog.h: recording the person's agreement to a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_AGREEMENT_DIALOG (pl_agreement_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlAgreementDialog, pl_agreement_dialog, PL, AGREEMENT_DIALOG, AdwWindow)

/* Who was present, how the person took part (NG86 1.1.4, 1.1.9), their
 * agreement in their own words, who agreed (the person, or the recorded
 * decision-maker where the Mental Capacity Act applies) and the date. A
 * version becomes "agreed" only through here (pl_plan_mark_agreed).
 * store is borrowed and must outlive the dialog. The widgets are named
 * (gtk_widget_get_name) "present", "participation", "agreement",
 * "person-agreed", "decision-maker-agreed", "decision-maker", "date" and
 * "record". "agreed" (gint64 plan_id) is emitted once it is saved; the
 * dialog then closes. */
PlAgreementDialog *pl_agreement_dialog_new    (GtkWindow         *parent,
                                               PlStore           *store,
                                               gint64             plan_id);

G_END_DECLS
