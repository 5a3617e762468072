/* pl-record-form-private.h: what the tests reach of the record form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach of the record form; not for the rest of the app.
 */

#pragma once

#include "pl-record-form.h"

G_BEGIN_DECLS

/* The widget that edits field: a GtkEntry, GtkTextView, GtkDropDown,
 * GtkSpinButton or GtkCheckButton */
GtkWidget     *pl_record_form_get_input      (PlRecordForm        *self,
                                              const char          *field);

G_END_DECLS
