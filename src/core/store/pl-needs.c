/* pl-needs.c: recorded communication needs and what they change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The codes are data, kept here in one table, so the list can be updated as
 * the value set changes (see reference/communication-needs.md).
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-needs.h"
#include "pl-theme.h"

#define FORMAT PL_NEED_INFORMATION_FORMAT
#define CONTACT PL_NEED_CONTACT_METHOD
#define PROFESSIONAL PL_NEED_COMMUNICATION_PROFESSIONAL
#define SUPPORT PL_NEED_COMMUNICATION_SUPPORT
#define ADDITIONAL PL_NEED_ADDITIONAL_SUPPORT

static const PlNeedInfo known[] = {
  /* There is no one "large print" code: it is recorded as a minimum size */
  { "957331000000109", FORMAT, N_("Written information in large print, at least 20 point"), 20, TRUE, FALSE, FALSE },
  { "957351000000102", FORMAT, N_("Written information in large print, at least 24 point"), 24, TRUE, FALSE, FALSE },
  { "957371000000106", FORMAT, N_("Written information in large print, at least 28 point"), 28, TRUE, FALSE, FALSE },
  { "796161000000101", FORMAT, N_("Information in easy read"), 0, FALSE, FALSE, FALSE, TRUE },
  { "367741000000102", FORMAT, N_("Information told to me out loud"), 0, FALSE, TRUE, FALSE },
  { "985021000000106", FORMAT, N_("Someone to read written information out to me"), 0, FALSE, TRUE, FALSE },
  { "936601000000105", FORMAT, N_("Information as a sound recording"), 0, FALSE, TRUE, FALSE },
  { "945751000000106", FORMAT, N_("Information I can download"), 0, FALSE, FALSE, FALSE },
  { "936581000000101", FORMAT, N_("Information by email"), 0, FALSE, FALSE, FALSE },
  { "1082551000000100", FORMAT, N_("Information made for people with aphasia"), 0, FALSE, FALSE, TRUE, TRUE },
  { "936661000000109", FORMAT, N_("Information in braille (grade 2, contracted)"), 0, FALSE, FALSE, FALSE },
  { "936681000000100", FORMAT, N_("Information in braille (grade 1, uncontracted)"), 0, FALSE, FALSE, FALSE },
  { "936621000000101", FORMAT, N_("Information in Moon, the raised alphabet"), 0, FALSE, FALSE, FALSE },
  { "936641000000108", FORMAT, N_("Information in Makaton signs and symbols"), 0, FALSE, FALSE, FALSE },
  { "719758004", FORMAT, N_("A recording I can play on my own device"), 0, FALSE, TRUE, FALSE },
  { "795661000000104", CONTACT, N_("Contact me by telephone"), 0, FALSE, FALSE, FALSE },
  { "936721000000107", CONTACT, N_("Contact me by letter"), 0, FALSE, FALSE, FALSE },
  { "936741000000100", CONTACT, N_("Contact me by email"), 0, FALSE, FALSE, FALSE },
  { "936701000000103", CONTACT, N_("Contact me by text message"), 0, FALSE, FALSE, FALSE },
  { "796081000000106", CONTACT, N_("Contact me through text relay"), 0, FALSE, FALSE, FALSE },
  { "719561001", CONTACT, N_("Contact me through my carer"), 0, FALSE, FALSE, FALSE },
  { "945931000000101", ADDITIONAL, N_("An alert I can hear"), 0, FALSE, FALSE, FALSE },
  { "945951000000108", ADDITIONAL, N_("An alert I can see"), 0, FALSE, FALSE, FALSE },
  { "945971000000104", ADDITIONAL, N_("An alert I can feel"), 0, FALSE, FALSE, FALSE },
  { "204331000000107", PROFESSIONAL, N_("A British Sign Language interpreter"), 0, FALSE, FALSE, FALSE },
  { "204341000000103", PROFESSIONAL, N_("A Makaton interpreter"), 0, FALSE, FALSE, FALSE },
  { "957051000000100", PROFESSIONAL, N_("A deafblind manual alphabet interpreter"), 0, FALSE, FALSE, FALSE },
  { "945911000000109", PROFESSIONAL, N_("A lipspeaker"), 0, FALSE, FALSE, FALSE },
  { "966401000000100", PROFESSIONAL, N_("A speech-to-text reporter"), 0, FALSE, FALSE, FALSE },
  { "719563003", SUPPORT, N_("A sighted guide"), 0, FALSE, FALSE, FALSE },
  { "225835008", SUPPORT, N_("An advocate"), 0, FALSE, FALSE, FALSE },
  { "311543001", ADDITIONAL, N_("More time to take in information"), 0, FALSE, FALSE, TRUE },
  { "1108131000000104", ADDITIONAL, N_("Reminders before appointments"), 0, FALSE, FALSE, FALSE },
  { "1108151000000106", ADDITIONAL, N_("My carer with me at appointments"), 0, FALSE, FALSE, FALSE },
  { "837341000000108", ADDITIONAL, N_("I use a communication passport"), 0, FALSE, FALSE, FALSE },
  { "719754002", ADDITIONAL, N_("I use symbols to communicate"), 0, FALSE, FALSE, FALSE, TRUE },
  { "719393008", ADDITIONAL, N_("I use photographs to communicate"), 0, FALSE, FALSE, FALSE },
};

const PlNeedInfo *
pl_needs_known (guint *n_needs)
{
  if (n_needs != NULL)
    *n_needs = G_N_ELEMENTS (known);
  return known;
}

const PlNeedInfo *
pl_need_lookup (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (known[i].code, code))
      return &known[i];
  return NULL;
}

const char *
pl_need_describe (const PlCommNeed *need)
{
  const PlNeedInfo *info;

  g_return_val_if_fail (need != NULL, "");

  info = pl_need_lookup (need->code);
  if (info != NULL)
    return _(info->words);
  return need->description != NULL ? need->description : "";
}

/* What one need changes. pl_settings_for_needs() and pl_needs_explain() both
 * go through here, so the explanation cannot disagree with the defaults. */
static void
apply_need (PlSettings       *settings,
            const PlNeedInfo *info)
{
  /* A 24 pt need opens at 24 pt or larger */
  settings->text_size = MAX (settings->text_size, info->min_text_size);

  if (info->high_contrast)
    {
      g_free (settings->theme);
      settings->theme = g_strdup ("yellow-on-black");
    }

  if (info->read_aloud)
    settings->read_aloud = TRUE;

  /* NG86 1.1.5: easy read and symbols for people with a learning
   * disability or aphasia */
  if (info->easy_read)
    settings->easy_read = TRUE;

  /* NG86 1.1.5: additional time to process information */
  if (info->more_time)
    {
      settings->speech_rate = MIN (settings->speech_rate, 130);
      settings->pause_ms = MAX (settings->pause_ms, 1200);
    }
}

/* What code changes: the staff's rule for it when there is one, else the
 * built-in effects. Returns FALSE when it changes nothing we know of. */
static gboolean
effects_for (const char *code,
             GPtrArray  *rules,
             PlNeedInfo *out)
{
  const PlNeedInfo *known_info = pl_need_lookup (code);

  for (guint i = 0; code != NULL && rules != NULL && i < rules->len; i++)
    {
      const PlNeedRule *rule = g_ptr_array_index (rules, i);

      if (g_strcmp0 (rule->code, code) == 0)
        {
          *out = (PlNeedInfo) {
            .code = rule->code,
            .category = known_info != NULL ? known_info->category : PL_NEED_ADDITIONAL_SUPPORT,
            .words = known_info != NULL ? known_info->words : NULL,
            .min_text_size = rule->min_text_size,
            .high_contrast = rule->high_contrast,
            .read_aloud = rule->read_aloud,
            .more_time = rule->more_time,
            /* Staff's rules say nothing of easy read: the code's own effect */
            .easy_read = known_info != NULL && known_info->easy_read,
          };
          return TRUE;
        }
    }

  if (known_info == NULL)
    return FALSE;
  *out = *known_info;
  return TRUE;
}

PlSettings *
pl_settings_for_needs_with_rules (gint64     person_id,
                                  GPtrArray *needs,
                                  GPtrArray *rules)
{
  PlSettings *settings = pl_settings_new_default (person_id);

  for (guint i = 0; needs != NULL && i < needs->len; i++)
    {
      const PlCommNeed *need = g_ptr_array_index (needs, i);
      PlNeedInfo info;

      if (effects_for (need->code, rules, &info))
        apply_need (settings, &info);
    }

  return settings;
}

PlSettings *
pl_settings_for_needs (gint64     person_id,
                       GPtrArray *needs)
{
  return pl_settings_for_needs_with_rules (person_id, needs, NULL);
}

PlNeedRule *
pl_need_rule_for_code (const char *code,
                       GPtrArray  *rules)
{
  PlNeedRule *rule = pl_need_rule_new ();
  PlNeedInfo info = { 0 };

  g_return_val_if_fail (code != NULL, rule);

  rule->code = g_strdup (code);
  if (effects_for (code, rules, &info))
    {
      rule->min_text_size = info.min_text_size;
      rule->high_contrast = info.high_contrast;
      rule->read_aloud = info.read_aloud;
      rule->more_time = info.more_time;
    }

  /* The id of the staff's rule, so saving it changes that one */
  for (guint i = 0; rules != NULL && i < rules->len; i++)
    if (g_strcmp0 (((PlNeedRule *) rules->pdata[i])->code, code) == 0)
      rule->id = ((PlNeedRule *) rules->pdata[i])->id;

  return rule;
}

static const char *
size_words (int points)
{
  /* The RNIB clear print names of the reader's presets */
  if (points >= 48)
    return _("Huge text");
  if (points >= 32)
    return _("Giant text");
  if (points >= 24)
    return _("Very large text");
  if (points >= 16)
    return _("Large text");
  return _("Standard text");
}

void
pl_need_explanation_free (PlNeedExplanation *self)
{
  if (self == NULL)
    return;
  g_free (self->need);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_free (self);
}

GPtrArray *
pl_needs_explain (GPtrArray *needs)
{
  return pl_needs_explain_with_rules (needs, NULL);
}

GPtrArray *
pl_needs_explain_with_rules (GPtrArray *needs,
                             GPtrArray *rules)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_need_explanation_free);
  g_autoptr(PlSettings) before = pl_settings_new_default (0);

  for (guint i = 0; needs != NULL && i < needs->len; i++)
    {
      const PlCommNeed *need = g_ptr_array_index (needs, i);
      g_autoptr(PlSettings) after = pl_settings_new_default (0);
      PlNeedExplanation *explanation = g_new0 (PlNeedExplanation, 1);
      PlNeedInfo effects;
      gboolean known_effects = effects_for (need->code, rules, &effects);

      explanation->code = known_effects ? need->code : NULL;
      explanation->need = g_strdup (pl_need_describe (need));
      explanation->changes = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (result, explanation);

      if (!known_effects)
        continue;

      /* Said from what the need really changes, compared with the defaults */
      apply_need (after, &effects);
      if (after->text_size != before->text_size)
        g_ptr_array_add (explanation->changes,
                         g_strdup_printf (_("%s, at least %d point"),
                                          size_words (after->text_size), after->text_size));
      if (g_strcmp0 (after->theme, before->theme) != 0)
        g_ptr_array_add (explanation->changes,
                         g_strdup (_(pl_theme_lookup (after->theme)->name)));
      if (after->read_aloud != before->read_aloud)
        g_ptr_array_add (explanation->changes,
                         g_strdup (_("Offer to read aloud when something opens")));
      if (after->easy_read != before->easy_read)
        g_ptr_array_add (explanation->changes,
                         g_strdup (_("Easy read, with a picture for each idea")));
      if (after->speech_rate != before->speech_rate)
        g_ptr_array_add (explanation->changes,
                         g_strdup_printf (_("Slower speech, %d words a minute"), after->speech_rate));
      if (after->pause_ms != before->pause_ms)
        {
          char seconds[G_ASCII_DTOSTR_BUF_SIZE];

          g_snprintf (seconds, sizeof seconds, "%.1f", after->pause_ms / 1000.0);
          g_ptr_array_add (explanation->changes,
                           g_strdup_printf (_("Longer pauses between parts, %s seconds"), seconds));
        }
    }

  return result;
}
