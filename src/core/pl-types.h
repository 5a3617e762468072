/* pl-types.h: forward declarations of every core type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PlStore           PlStore;
typedef struct _PlDocument        PlDocument;
typedef struct _PlBlock           PlBlock;
typedef struct _PlRecordType      PlRecordType;

typedef struct _PlService         PlService;
typedef struct _PlPerson          PlPerson;
typedef struct _PlCommNeed        PlCommNeed;
typedef struct _PlSettings        PlSettings;
typedef struct _PlContact         PlContact;
typedef struct _PlSharing         PlSharing;
typedef struct _PlPlan            PlPlan;
typedef struct _PlPlanSection     PlPlanSection;
typedef struct _PlOutcome         PlOutcome;
typedef struct _PlVisit           PlVisit;
typedef struct _PlMedicine        PlMedicine;
typedef struct _PlRisk            PlRisk;
typedef struct _PlWelcomePack     PlWelcomePack;
typedef struct _PlComplaint       PlComplaint;
typedef struct _PlComplaintEvent  PlComplaintEvent;
typedef struct _PlDiaryEntry      PlDiaryEntry;
typedef struct _PlStaff           PlStaff;
typedef struct _PlCarer           PlCarer;
typedef struct _PlCarerLink       PlCarerLink;
typedef struct _PlNeedRule        PlNeedRule;
typedef struct _PlHistory         PlHistory;
typedef struct _PlSymbolChoice    PlSymbolChoice;
typedef struct _PlPronunciation   PlPronunciation;
typedef struct _PlPlanTranslation PlPlanTranslation;

G_END_DECLS
