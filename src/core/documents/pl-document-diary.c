/* pl-document-diary.c: the care diary, newest visit first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NG21 1.3.22-1.3.24: a record of each visit the person can read. A late or
 * missed visit is said in words, never only by colour, with what was done
 * about it (NG21 1.4.10-1.4.15).
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-diary.h"
#include "pl-document-private.h"

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
add_time_field (PlDocument *document,
                const char *label,
                const char *time)
{
  g_autofree char *words = NULL;

  if (!has_text (time))
    return;
  words = pl_time_to_words (time);
  pl_document_add (document, PL_BLOCK_FIELD, 0, NULL, label, words);
}

/* What went wrong, in words; NULL for a visit that happened as planned */
static char *
outcome_text (const PlDiaryEntry *entry)
{
  g_autofree char *planned = NULL;
  g_autofree char *arrived = NULL;

  switch (entry->outcome)
    {
    case PL_VISIT_LATE:
      if (has_text (entry->planned_time) && has_text (entry->arrived))
        {
          planned = pl_time_to_words (entry->planned_time);
          arrived = pl_time_to_words (entry->arrived);
          return g_strdup_printf (_("This visit was late. It was planned for %s, "
                                    "and the care worker arrived at %s."),
                                  planned, arrived);
        }
      return g_strdup (_("This visit was late."));

    case PL_VISIT_MISSED:
      return g_strdup (_("This visit was missed: nobody came."));

    case PL_VISIT_CANCELLED:
      return g_strdup (_("This visit was cancelled."));

    case PL_VISIT_UNKNOWN:
      return g_strdup (_("It is not known what happened at this visit: the diary says it in a "
                         "way this version of Plainly does not know. "
                         "You can ask the care service office."));

    case PL_VISIT_COMPLETED:
    default:
      return NULL;
    }
}

/* The person's and their carers' own words under the entry (NG21 1.3.22):
 * the person's read as theirs, anyone else's with the name they signed */
static gboolean
add_comments (PlDocument          *document,
              PlStore             *store,
              const PlPerson      *person,
              const PlDiaryEntry  *entry,
              GError             **error)
{
  g_autoptr(GPtrArray) comments = pl_diary_list_comments (store, entry->id, error);

  if (comments == NULL)
    return FALSE;

  for (guint i = 0; i < comments->len; i++)
    {
      const PlDiaryComment *comment = g_ptr_array_index (comments, i);
      g_autofree char *anchor = g_strdup_printf ("comment-%" G_GINT64_FORMAT, comment->id);
      g_autofree char *label = NULL;

      if (pl_diary_comment_is_persons (comment, person))
        label = g_strdup (_("Your comment"));
      else
        {
          g_autofree char *author = pl_catalog_isolate (comment->author);

          /* Translators: %s is the name a carer signed their comment with */
          label = g_strdup_printf (_("Comment from %s"), author);
        }
      pl_document_add (document, PL_BLOCK_FIELD, 0, anchor, label, comment->body);
      pl_document_set_block_record (document, pl_document_get_n_blocks (document) - 1,
                                    &pl_diary_comment_type, comment->id);
    }
  return TRUE;
}

static void
add_entry (PlDocument         *document,
           const PlDiaryEntry *entry)
{
  g_autofree char *anchor = g_strdup_printf ("entry-%" G_GINT64_FORMAT, entry->id);
  g_autofree char *heading = NULL;
  g_autofree char *problem = outcome_text (entry);

  if (has_text (entry->planned_time))
    {
      g_autofree char *planned = pl_time_to_words (entry->planned_time);

      /* Translators: a diary entry's heading: "Visit at 8:00 in the morning" */
      heading = g_strdup_printf (_("Visit at %s"), planned);
    }
  else
    {
      heading = g_strdup (_("Visit"));
    }
  pl_document_add (document, PL_BLOCK_HEADING, 3, anchor, NULL, heading);
  pl_document_set_block_record (document, pl_document_get_n_blocks (document) - 1,
                                &pl_diary_entry_type, entry->id);

  if (problem != NULL)
    {
      pl_document_add (document, PL_BLOCK_NOTICE, 0, NULL, NULL, problem);
      if (has_text (entry->action_taken))
        pl_document_add_field_if_set (document, NULL, _("What was done about it"),
                                      entry->action_taken);
      /* NG21 1.4.12: a late or missed visit is followed up, so a missing
       * answer is said; a cancelled one was usually asked for */
      else if (entry->outcome == PL_VISIT_LATE || entry->outcome == PL_VISIT_MISSED)
        pl_document_add (document, PL_BLOCK_FIELD, 0, NULL, _("What was done about it"),
                         _("Nothing has been written about this yet. "
                           "You can ask the care service office."));
    }

  add_time_field (document, _("Arrived"), entry->arrived);
  add_time_field (document, _("Left"), entry->departed);
  pl_document_add_field_if_set (document, NULL, _("Who came"), entry->worker);
  pl_document_add_field_if_set (document, NULL, _("What was done"), entry->what_done);
  pl_document_add_field_if_set (document, NULL, _("How I was"), entry->how_i_was);
  pl_document_add_field_if_set (document, NULL, _("Follow up"), entry->follow_up);
}

PlDocument *
pl_document_build_diary (PlStore  *store,
                         gint64    person_id,
                         guint     limit,
                         GError  **error)
{
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  const char *day = NULL;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  person = pl_store_load_person (store, person_id, error);
  if (person == NULL)
    return NULL;

  /* Newest first, as the store lists them */
  entries = pl_store_recent_diary (store, person_id, limit, error);
  if (entries == NULL)
    return NULL;

  name = pl_document_person_name (person);
  /* Translators: the diary's title, with the person's preferred name */
  title = g_strdup_printf (_("%s's care diary"), name);
  document = pl_document_new (title);
  pl_document_add (document, PL_BLOCK_HEADING, 1, "top", NULL, title);

  if (entries->len == 0)
    {
      pl_document_add (document, PL_BLOCK_NOTICE, 0, "empty", NULL,
                       _("There are no visits in the diary yet. "
                         "Each visit will be written here after it happens."));
      return g_steal_pointer (&document);
    }

  pl_document_add (document, PL_BLOCK_PARAGRAPH, 0, "about", NULL,
                   _("What happened at each visit, newest first."));

  for (guint i = 0; i < entries->len; i++)
    {
      const PlDiaryEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->visit_date, day) != 0)
        {
          g_autofree char *anchor = g_strdup_printf ("day-%s", entry->visit_date);
          g_autofree char *date = pl_date_to_words (entry->visit_date);

          day = entry->visit_date;
          pl_document_add (document, PL_BLOCK_HEADING, 2, anchor, NULL, date);
        }
      add_entry (document, entry);
      if (!add_comments (document, store, person, entry, error))
        return NULL;
    }

  return g_steal_pointer (&document);
}
