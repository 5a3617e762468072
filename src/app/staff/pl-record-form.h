/* pl-record-form.h: a form for one record, built from its field descriptions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_RECORD_FORM (pl_record_form_get_type ())
G_DECLARE_FINAL_TYPE (PlRecordForm, pl_record_form, PL, RECORD_FORM, GtkWidget)

/* record is borrowed and written to as the form is used; fields: the
 * columns to show, in order (NULL: every field a person would fill in).
 * Emits "changed" (const char *field) after each edit. */
PlRecordForm  *pl_record_form_new            (const PlRecordType  *type,
                                              gpointer             record,
                                              const char * const  *fields,
                                              gboolean             editable);
gpointer       pl_record_form_get_record     (PlRecordForm        *self);
const PlRecordType *pl_record_form_get_record_type (PlRecordForm  *self);
/* The label shown (and read by screen readers) for field */
void           pl_record_form_set_label      (PlRecordForm        *self,
                                              const char          *field,
                                              const char          *label);
/* The choices of a reference field (a coordinator among contacts), with
 * "No one chosen" first */
void           pl_record_form_set_ref_choices (PlRecordForm       *self,
                                               const char         *field,
                                               guint               n_choices,
                                               const gint64       *ids,
                                               const char * const *labels);

G_END_DECLS
