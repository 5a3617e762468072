/* pl-settings-page.h: "My settings", the person's display and speech choices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pl-model.h"
#include "pl-secret.h"

G_BEGIN_DECLS

#define PL_TYPE_SETTINGS_PAGE (pl_settings_page_get_type ())

G_DECLARE_FINAL_TYPE (PlSettingsPage, pl_settings_page, PL, SETTINGS_PAGE, GtkWidget)

/* Lock choices, in minutes; 0 is "Never" */
#define PL_SETTINGS_LOCK_CHOICES { 0, 2, 5, 10, 15, 30 }

GtkWidget        *pl_settings_page_new          (void);
/* Shows a copy of settings; emits no "changed" */
void              pl_settings_page_set_settings (PlSettingsPage   *self,
                                                 const PlSettings *settings);
/* The settings as the person has left them; owned by the page */
const PlSettings *pl_settings_page_get_settings (PlSettingsPage   *self);
/* The recorded communication needs (PlCommNeed), for "Why these settings",
 * and the staff's rules for what each changes (PlNeedRule; may be NULL) */
void              pl_settings_page_set_needs    (PlSettingsPage   *self,
                                                 GPtrArray        *needs,
                                                 GPtrArray        *rules);
void              pl_settings_page_set_person_name (PlSettingsPage *self,
                                                    const char     *name);
void              pl_settings_page_set_has_pin  (PlSettingsPage   *self,
                                                 gboolean          has_pin);
/* While a new PIN is being protected: says so, and its buttons wait */
void              pl_settings_page_set_pin_busy (PlSettingsPage   *self,
                                                 gboolean          busy);
/* The languages the reader's plan is kept in besides the one it was
 * written in (written_in, a tag or NULL), from pl-plan-translation.h: with
 * any, "My plan in" offers them (PlSettings.plan_language) */
void              pl_settings_page_set_plan_languages (PlSettingsPage     *self,
                                                       const char * const *languages,
                                                       const char         *written_in);
/* Puts the focus on the choice of language for the words on screen */
void              pl_settings_page_focus_language (PlSettingsPage *self);

/* The languages offered for the words on screen, after "My own language" */
guint             pl_settings_page_get_n_languages  (void);
const char       *pl_settings_page_get_language_tag (guint position);

G_END_DECLS
