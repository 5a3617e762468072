/* pl-document-build.c: the one way from the store to what a reader is shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window, the command line, speech and print all ask here, so the words
 * on the screen, in `plainly-cli show`, in the voice and on paper are the
 * same words: what changed and what is not shared are in the document, not
 * added by whoever presents it.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-change-words.h"
#include "pl-document.h"
#include "pl-plan-translation.h"
#include "pl-symbol-choice.h"

#define CHANGES_ANCHOR "changes-since-you-last-looked"

/* Whether the part at index is one the reader may not see: its heading
 * stays, followed by the notice that says so */
static gboolean
part_not_shared (PlDocument *document,
                 int         index)
{
  guint next = (guint) index + 1;

  return next < pl_document_get_n_blocks (document) &&
         (pl_document_get_block (document, next)->flags & PL_BLOCK_NOT_SHARED) != 0;
}

static void
copy_block (PlDocument    *to,
            const PlBlock *block)
{
  guint index;

  if (block->kind == PL_BLOCK_LINK)
    pl_document_add_link (to, block->text, block->target);
  else
    pl_document_add (to, block->kind, block->level, block->anchor, block->label, block->text);
  index = pl_document_get_n_blocks (to) - 1;
  pl_document_set_block_flags (to, index, block->flags);
  pl_document_set_block_record (to, index, block->record_type, block->record_id);
  if (block->kind == PL_BLOCK_HEADING)
    pl_document_set_block_easy_read (to, index, block->easy_read, block->easy_read_span);
  pl_document_set_block_language (to, index, block->language);
}

/* NG86 1.4.8: "What has changed since you last looked", first, after the
 * title, so it is read aloud, printed and listed in the contents like the
 * rest; each change is a link to its place, and that place is marked.
 * Changes to parts this reader may not see are left out. */
static PlDocument *
add_changes (PlStore    *store,
             PlDocument *document,
             GPtrArray  *changes)
{
  g_autoptr(PlDocument) with_changes = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  guint n_blocks = pl_document_get_n_blocks (document);
  guint first = 0;

  for (guint i = 0; i < changes->len; i++)
    {
      PlPlanChange *change = g_ptr_array_index (changes, i);
      int at;

      if (change->anchor == NULL)
        continue;
      at = pl_document_find_anchor (document, change->anchor);
      /* A part kept from a carer keeps its heading and notice (NG86
       * 1.1.14-1.1.15): what changed in it is not theirs to read */
      if (at < 0 || part_not_shared (document, at))
        continue;
      g_ptr_array_add (shown, change);
    }
  if (shown->len == 0 || pl_document_find_anchor (document, CHANGES_ANCHOR) >= 0)
    return g_object_ref (document);

  with_changes = pl_document_new (pl_document_get_title (document));
  pl_document_set_version (with_changes, pl_document_get_version (document));

  /* The title stays first */
  if (n_blocks > 0 && pl_document_get_block (document, 0)->kind == PL_BLOCK_HEADING &&
      pl_document_get_block (document, 0)->level == 1)
    {
      copy_block (with_changes, pl_document_get_block (document, 0));
      first = 1;
    }

  pl_document_add (with_changes, PL_BLOCK_HEADING, 2, CHANGES_ANCHOR, NULL,
                   _("What has changed since you last looked"));
  pl_document_add (with_changes, PL_BLOCK_NOTICE, 0, CHANGES_ANCHOR "-note", NULL,
                   ngettext ("Your plan has 1 change since you last looked. "
                                "It is marked in your plan with a line beside it.",
                                "Your plan has changes since you last looked. "
                                "Each one is marked in your plan with a line beside it.",
                                shown->len));
  for (guint i = 0; i < shown->len; i++)
    {
      PlPlanChange *change = g_ptr_array_index (shown, i);
      g_autofree char *words = pl_change_words_describe (store, change);

      pl_document_add_link (with_changes, words, change->anchor);
    }

  for (guint i = first; i < n_blocks; i++)
    copy_block (with_changes, pl_document_get_block (document, i));

  for (guint i = 0; i < shown->len; i++)
    {
      PlPlanChange *change = g_ptr_array_index (shown, i);
      int at = pl_document_find_anchor (with_changes, change->anchor);
      const PlBlock *block = pl_document_get_block (with_changes, (guint) at);

      pl_document_set_block_flags (with_changes, (guint) at, block->flags | PL_BLOCK_CHANGED);
    }

  return g_steal_pointer (&with_changes);
}

static PlDocument *
build_plan (PlStore     *store,
            PlViewer    *viewer,
            const char  *language,
            GError     **error)
{
  gint64 person_id = pl_viewer_get_person_id (viewer);
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean seen_before = FALSE;

  document = pl_document_build_plan_in (store, person_id, pl_viewer_get_scopes (viewer),
                                        language, error);
  if (document == NULL)
    return NULL;

  /* Staff have the plan's history instead */
  if (pl_viewer_get_kind (viewer) == PL_VIEWER_STAFF)
    return g_steal_pointer (&document);

  /* Not being able to say what changed never stops the plan showing */
  changes = pl_plan_changes_since_seen (store, person_id, &seen_before, &local_error);
  if (changes == NULL)
    {
      g_warning ("Could not work out what changed in the plan: %s", local_error->message);
      return g_steal_pointer (&document);
    }
  if (seen_before && changes->len > 0)
    return add_changes (store, document, changes);
  return g_steal_pointer (&document);
}

/* The language a document's own words are in (headings, "Please call me",
 * dates): the person's, for them and for staff making their copy (NG21
 * 1.2.5). A carer reads in the computer's language until carers have one
 * of their own. The words staff wrote stay in the language they wrote. */
static const char *
document_language (PlViewer       *viewer,
                   const PlPerson *person)
{
  if (pl_viewer_get_kind (viewer) == PL_VIEWER_CARER)
    return NULL;
  if (person == NULL || person->preferred_language == NULL || *person->preferred_language == '\0')
    return NULL;
  return person->preferred_language;
}

/* The language the reader chose to read the plan in, when it is kept in
 * more than one (pl-plan-translation.h), or NULL: as written. Staff making
 * the person's copy make it in the person's choice. */
static char *
plan_reading_language (PlStore  *store,
                       PlViewer *viewer)
{
  gint64 person_id = pl_viewer_get_person_id (viewer);
  g_autoptr(PlSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  if (pl_viewer_get_kind (viewer) == PL_VIEWER_CARER)
    settings = pl_store_get_carer_settings (store, pl_viewer_get_carer_id (viewer), &error);
  else
    settings = pl_store_get_settings (store, person_id, &error);
  /* Settings that cannot be read show the plan as written */
  if (settings == NULL)
    {
      g_warning ("Cannot read the reader's settings: %s", error->message);
      return NULL;
    }
  return pl_plan_translation_reading_language (store, person_id, settings->plan_language);
}

PlDocument *
pl_document_build_for (PlStore         *store,
                       PlViewer        *viewer,
                       PlDocumentKind   kind,
                       GError         **error)
{
  gint64 person_id;
  g_autoptr(PlPerson) person = NULL;
  g_autofree char *plan_language = NULL;
  const char *language;
  PlCatalog *catalog;
  PlDocument *document = NULL;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (viewer != NULL, NULL);
  g_return_val_if_fail (kind < PL_N_DOCUMENT_KINDS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!pl_viewer_may_open (viewer, kind, error))
    return NULL;

  person_id = pl_viewer_get_person_id (viewer);
  person = pl_store_load_person (store, person_id, NULL);
  language = document_language (viewer, person);
  if (kind == PL_DOCUMENT_PLAN && (plan_language = plan_reading_language (store, viewer)) != NULL)
    language = plan_language;
  catalog = pl_catalog_for_language (language);
  pl_catalog_push_thread_default (catalog);
  switch (kind)
    {
    case PL_DOCUMENT_PLAN:
      document = build_plan (store, viewer, plan_language, error);
      break;
    case PL_DOCUMENT_DIARY:
      document = pl_document_build_diary (store, person_id, 0, error);
      break;
    case PL_DOCUMENT_WELCOME:
      document = pl_document_build_welcome (store, person_id, error);
      break;
    case PL_DOCUMENT_COMPLAINT:
      document = pl_document_build_complaint (store, person_id, 0, error);
      break;
    case PL_N_DOCUMENT_KINDS:
    default:
      g_warn_if_reached ();
      break;
    }
  pl_catalog_pop_thread_default (catalog);

  if (document != NULL)
    {
      if (person != NULL)
        pl_document_set_owner (document, person->full_name);
      pl_document_set_language (document, language);
    }

  /* The pictures staff chose for this person, for easy read */
  if (document != NULL && person_id != 0)
    {
      g_autoptr(GError) choices_error = NULL;
      g_autoptr(GPtrArray) choices = pl_symbol_choice_list_for_person (store, person_id,
                                                                       &choices_error);

      /* Without them easy read shows the index's own pictures */
      if (choices == NULL)
        g_warning ("Cannot read the chosen easy read pictures: %s", choices_error->message);
      pl_document_set_symbol_choices (document, choices);
    }
  return document;
}

gboolean
pl_document_note_shown (PlStore         *store,
                        PlViewer        *viewer,
                        PlDocumentKind   kind,
                        GError         **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (viewer != NULL, FALSE);

  /* Only the person's own look counts: a carer reading first must not use
   * up what the person is to be told (NG86 1.4.8) */
  if (kind != PL_DOCUMENT_PLAN || pl_viewer_get_kind (viewer) != PL_VIEWER_PERSON)
    return TRUE;
  return pl_plan_mark_seen (store, pl_viewer_get_person_id (viewer), error);
}
