/* pl-diary.c: writing the care diary, and comments on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include "pl-i18n.h"

#include "pl-diary.h"

G_DEFINE_QUARK (pl-diary-error-quark, pl_diary_error)

static gboolean
has_text (const char *text)
{
  return !pl_text_is_blank (text);
}

int
pl_diary_parse_time (const char *text)
{
  const char *p = text;
  int hours = 0, minutes, digits = 0;

  if (text == NULL)
    return -1;
  while (g_ascii_isspace (*p))
    p++;
  while (g_ascii_isdigit (*p) && digits < 3)
    {
      hours = hours * 10 + (*p - '0');
      p++;
      digits++;
    }
  if (digits < 1 || digits > 2 || *p != ':')
    return -1;
  p++;
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
    return -1;
  minutes = (p[0] - '0') * 10 + (p[1] - '0');
  p += 2;
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0' || hours > 23 || minutes > 59)
    return -1;
  return hours * 60 + minutes;
}

static gboolean
is_iso_date (const char *text)
{
  unsigned int y, m, d;
  char end;

  return text != NULL &&
         strlen (text) == 10 &&
         sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &end) == 3 &&
         g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* An optional time: absent is fine (-1), present must be a time (else -2) */
static int
optional_time (const char *text)
{
  int minutes;

  if (!has_text (text))
    return -1;
  minutes = pl_diary_parse_time (text);
  return minutes >= 0 ? minutes : -2;
}

gboolean
pl_diary_entry_check (const PlDiaryEntry  *entry,
                      GError             **error)
{
  gboolean happened;
  int planned, arrived, left;

  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (entry->person_id == 0)
    {
      g_set_error_literal (error, PL_DIARY_ERROR, PL_DIARY_ERROR_NO_PERSON,
                           _("Choose the person this visit was for."));
      return FALSE;
    }
  if (!has_text (entry->visit_date))
    {
      g_set_error_literal (error, PL_DIARY_ERROR, PL_DIARY_ERROR_BAD_DATE,
                           _("Write the date of the visit, like 2026-11-23."));
      return FALSE;
    }
  if (!is_iso_date (entry->visit_date))
    {
      g_set_error (error, PL_DIARY_ERROR, PL_DIARY_ERROR_BAD_DATE,
                   /* Translators: %s is what was typed as the date */
                   _("“%s” is not a date. Write it as year-month-day, like 2026-11-23."),
                   entry->visit_date);
      return FALSE;
    }

  planned = optional_time (entry->planned_time);
  arrived = optional_time (entry->arrived);
  left = optional_time (entry->departed);
  if (planned == -2)
    {
      g_set_error (error, PL_DIARY_ERROR, PL_DIARY_ERROR_BAD_PLANNED,
                   /* Translators: %s is what was typed; times are on a 24-hour clock */
                   _("The planned time “%s” is not a time. Write it as hours and minutes, like 08:30 or 18:15."),
                   entry->planned_time);
      return FALSE;
    }
  if (arrived == -2)
    {
      g_set_error (error, PL_DIARY_ERROR, PL_DIARY_ERROR_BAD_ARRIVED,
                   /* Translators: %s is what was typed; times are on a 24-hour clock */
                   _("The time arrived “%s” is not a time. Write it as hours and minutes, like 08:30 or 18:15."),
                   entry->arrived);
      return FALSE;
    }
  if (left == -2)
    {
      g_set_error (error, PL_DIARY_ERROR, PL_DIARY_ERROR_BAD_LEFT,
                   /* Translators: %s is what was typed; times are on a 24-hour clock */
                   _("The time left “%s” is not a time. Write it as hours and minutes, like 08:30 or 18:15."),
                   entry->departed);
      return FALSE;
    }

  /* A visit that happened says when the care worker came and went
   * (NG21 1.3.22); one that was missed or cancelled has no times */
  happened = entry->outcome == PL_VISIT_COMPLETED || entry->outcome == PL_VISIT_LATE;
  if (happened && arrived < 0)
    {
      g_set_error_literal (error, PL_DIARY_ERROR, PL_DIARY_ERROR_BAD_ARRIVED,
                           _("Write the time the care worker arrived."));
      return FALSE;
    }
  if (happened && left < 0)
    {
      g_set_error_literal (error, PL_DIARY_ERROR, PL_DIARY_ERROR_BAD_LEFT,
                           _("Write the time the care worker left."));
      return FALSE;
    }
  if (!happened && (arrived >= 0 || left >= 0))
    {
      g_set_error_literal (error, PL_DIARY_ERROR,
                           arrived >= 0 ? PL_DIARY_ERROR_BAD_ARRIVED : PL_DIARY_ERROR_BAD_LEFT,
                           entry->outcome == PL_VISIT_MISSED
                             ? _("Nobody came to a missed visit, so it has no time arrived or left. "
                                 "Clear the times, or choose “Late” if the care worker came.")
                             : _("A cancelled visit has no time arrived or left. Clear the times."));
      return FALSE;
    }
  if (arrived >= 0 && left >= 0 && left <= arrived)
    {
      g_set_error_literal (error, PL_DIARY_ERROR, PL_DIARY_ERROR_BAD_LEFT,
                           _("The time left must be after the time arrived."));
      return FALSE;
    }

  /* NG21 1.4.12-1.4.13: how late, against the time agreed in the plan */
  if (entry->outcome == PL_VISIT_LATE && planned < 0)
    {
      g_set_error_literal (error, PL_DIARY_ERROR, PL_DIARY_ERROR_NEEDS_PLANNED,
                           _("Write the time this visit was planned for, so the person can see how late it was."));
      return FALSE;
    }
  if (entry->outcome == PL_VISIT_LATE && arrived <= planned)
    {
      g_set_error_literal (error, PL_DIARY_ERROR, PL_DIARY_ERROR_BAD_ARRIVED,
                           _("A late visit starts after the planned time. Check the times, "
                             "or choose “On time”."));
      return FALSE;
    }

  /* NG21 1.4.12-1.4.15: a late or missed visit is followed up, and the
   * person is told what was done */
  if ((entry->outcome == PL_VISIT_LATE || entry->outcome == PL_VISIT_MISSED) &&
      !has_text (entry->action_taken))
    {
      g_set_error_literal (error, PL_DIARY_ERROR, PL_DIARY_ERROR_NEEDS_ACTION,
                           entry->outcome == PL_VISIT_LATE
                             ? _("This visit was late. Write what was done about it, "
                                 "for example who rang the person to tell them.")
                             : _("This visit was missed. Write what was done about it, "
                                 "for example who came instead, or who rang the person."));
      return FALSE;
    }

  return TRUE;
}

/* "8:05" becomes "08:05"; blank text becomes none */
static void
tidy_time (char **time)
{
  int minutes = pl_diary_parse_time (*time);

  if (minutes >= 0)
    {
      g_free (*time);
      *time = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
    }
  else if (!has_text (*time))
    {
      g_clear_pointer (time, g_free);
    }
}

static void
tidy_text (char **text)
{
  if (*text == NULL)
    return;
  if (!has_text (*text))
    g_clear_pointer (text, g_free);
  else
    g_strstrip (*text);
}

gboolean
pl_diary_save_entry (PlStore       *store,
                     PlDiaryEntry  *entry,
                     GError       **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!pl_diary_entry_check (entry, error))
    return FALSE;

  g_strstrip (entry->visit_date);
  tidy_time (&entry->planned_time);
  tidy_time (&entry->arrived);
  tidy_time (&entry->departed);
  tidy_text (&entry->worker);
  tidy_text (&entry->what_done);
  tidy_text (&entry->how_i_was);
  tidy_text (&entry->follow_up);
  tidy_text (&entry->action_taken);

  return pl_store_save_diary_entry (store, entry, error);
}

PlDiaryComment *
pl_diary_add_comment (PlStore     *store,
                      gint64       entry_id,
                      const char  *author,
                      gint64       carer_id,
                      const char  *body,
                      GError     **error)
{
  g_autoptr(PlDiaryEntry) entry = NULL;
  g_autoptr(PlDiaryComment) comment = NULL;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!has_text (author))
    {
      g_set_error_literal (error, PL_DIARY_ERROR, PL_DIARY_ERROR_NO_AUTHOR,
                           _("Write your name, so people know who wrote this comment."));
      return NULL;
    }
  if (!has_text (body))
    {
      g_set_error_literal (error, PL_DIARY_ERROR, PL_DIARY_ERROR_NO_BODY,
                           _("Write your comment first. It is empty."));
      return NULL;
    }

  /* Said plainly, rather than as a broken link in the database */
  entry = pl_store_load_diary_entry (store, entry_id, error);
  if (entry == NULL)
    return NULL;

  comment = pl_diary_comment_new ();
  comment->entry_id = entry_id;
  comment->carer_id = carer_id;
  comment->author = g_strstrip (g_strdup (author));
  comment->body = g_strstrip (g_strdup (body));
  if (!pl_store_save_diary_comment (store, comment, error))
    return NULL;

  return g_steal_pointer (&comment);
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (!has_text (a) || !has_text (b))
    return FALSE;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return g_strcmp0 (g_strstrip (fa), g_strstrip (fb)) == 0;
}

gboolean
pl_diary_comment_is_persons (const PlDiaryComment *comment,
                             const PlPerson       *person)
{
  g_return_val_if_fail (comment != NULL, FALSE);
  g_return_val_if_fail (person != NULL, FALSE);

  return comment->carer_id == 0 &&
         (same_name (comment->author, person->preferred_name) ||
          same_name (comment->author, person->full_name));
}

GPtrArray *
pl_diary_list_comments (PlStore  *store,
                        gint64    entry_id,
                        GError  **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The store lists them by created_at, then id: the order they were written */
  return pl_store_list_diary_comments (store, entry_id, error);
}
