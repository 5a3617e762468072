/* pl-diary-desk.h: staff write and find care diary entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_DIARY_DESK (pl_diary_desk_get_type ())
G_DECLARE_FINAL_TYPE (PlDiaryDesk, pl_diary_desk, PL, DIARY_DESK, GtkWidget)

/* Emits "saved" (gint64 entry id) after an entry is stored */
PlDiaryDesk *pl_diary_desk_new          (void);
/* store is not owned; staff (who is signed in) is copied; person_id: whose
 * diary. Lists the diary, and offers back an entry typed but not saved. */
void         pl_diary_desk_set_context  (PlDiaryDesk    *self,
                                         PlStore        *store,
                                         const PlStaff  *staff,
                                         gint64          person_id);
/* Opens a saved entry in the form, to change it */
gboolean     pl_diary_desk_edit_entry   (PlDiaryDesk    *self,
                                         gint64          entry_id);
/* Reads the list of entries again, for what another window wrote there (a
 * comment on a visit): the entry being written and the row with the focus
 * stay as they are */
void         pl_diary_desk_reload       (PlDiaryDesk    *self);

G_END_DECLS
