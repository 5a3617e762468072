/* plainly-cli-pronunciations.c: `pronunciations`, `pronounce` and
 * `unpronounce`: how the voice says names, places and medicines, kept as
 * the staff window's "How words are said" page keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A service's list is the service's own business, as need rules are; a
 * person's list names people in their life, so it is opened as their
 * documents are: with their PIN, or a member of staff's password.
 */

#include "config.h"

#include "pl-i18n.h"

#include "pl-access.h"
#include "pl-model.h"
#include "pl-pronunciation.h"
#include "pl-store.h"
#include "pl-record.h"
#include "pl-speech.h"
#include "plainly-cli-private.h"

/* The one service in the file; an error when there are none or several,
 * since a command line cannot ask which */
static gint64
only_service (PlStore  *store,
              GError  **error)
{
  g_autoptr(GPtrArray) services = pl_store_list_services (store, 0, error);

  if (services == NULL)
    return 0;
  if (services->len == 1)
    return ((PlService *) g_ptr_array_index (services, 0))->id;
  if (services->len == 0)
    g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND,
                         _("This file has no service yet, so there is no list of how words "
                           "are said. Run “plainly-cli demo”, or add a person first."));
  else
    g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                         _("This file has more than one service, and Plainly cannot tell "
                           "which one you mean. Give a person after the words, or use the "
                           "staff window's “How words are said” page."));
  return 0;
}

/* The person, opened as their documents are; NULL having said why */
static PlPerson *
open_person (PlStore    *store,
             const char *who)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = pl_store_find_person (store, who, &error);
  g_autoptr(PlViewer) viewer = NULL;

  if (person != NULL)
    viewer = open_viewer (store, person, &error);
  if (viewer == NULL)
    {
      say_error (error->message);
      return NULL;
    }
  return g_steal_pointer (&person);
}

static void
print_entry (const PlPronunciation *entry,
             const PlPerson        *person)
{
  g_autofree char *written = clean (entry->written, "");
  g_autofree char *said = clean (entry->said, "");
  g_autofree char *language = clean (pl_text_is_blank (entry->language) ? "en-GB"
                                                                        : entry->language, "");
  g_autofree char *whose = NULL;

  if (entry->person_id != 0 && person != NULL)
    whose = clean (pl_text_is_blank (person->preferred_name) ? person->full_name
                                                             : person->preferred_name, "");
  else
    whose = g_strdup (_("the service"));

  /* One entry a line, fields apart by tabs, as `list` prints people */
  g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n",
           entry->id, written, said, language, whose);
}

int
command_pronunciations (PlStore    *store,
                        const char *who)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  if (who != NULL)
    {
      person = open_person (store, who);
      if (person == NULL)
        return EXIT_FAILED;
      entries = pl_pronunciation_list_for_person (store, person->id, &error);
    }
  else
    {
      gint64 service = only_service (store, &error);

      if (service != 0)
        entries = pl_pronunciation_list_for_service (store, service, &error);
    }
  if (entries == NULL)
    {
      say_error (error->message);
      return EXIT_FAILED;
    }

  if (entries->len == 0)
    g_printerr ("%s\n", person != NULL
                        ? _("Nobody has said yet how any word is said for this person or "
                            "their service. The voice reads every word its own way.")
                        : _("Nobody has said yet how any word is said for this service. "
                            "The voice reads every word its own way."));
  for (guint i = 0; i < entries->len; i++)
    print_entry (g_ptr_array_index (entries, i), person);
  return EXIT_OK;
}

/* The entry for the same words in the same language in this list, to be
 * changed rather than refused as a second one */
static PlPronunciation *
find_same (GPtrArray  *entries,
           const char *written,
           const char *language)
{
  g_autofree char *folded = g_utf8_casefold (written, -1);

  for (guint i = 0; i < entries->len; i++)
    {
      PlPronunciation *entry = g_ptr_array_index (entries, i);
      g_autofree char *other = NULL;

      if (entry->written == NULL || !pl_pronunciation_same_language (entry->language, language))
        continue;
      other = g_utf8_casefold (entry->written, -1);
      if (g_str_equal (other, folded))
        return entry;
    }
  return NULL;
}

/* An entry serves the voices of its language: one for a language no voice
 * speaks would never be used. TRUE too when espeak-ng cannot start, as the
 * entry may be for a computer that has it. */
static gboolean
has_voice (const char *language)
{
  g_autoptr(GPtrArray) voices = pl_speech_list_languages ();

  if (voices->len == 0)
    return TRUE;
  for (guint i = 0; i < voices->len; i++)
    {
      const PlSpeechLanguage *voice = g_ptr_array_index (voices, i);

      if (pl_pronunciation_same_language (voice->tag, language))
        return TRUE;
    }
  return FALSE;
}

int
command_pronounce (PlStore    *store,
                   const char *written,
                   const char *said,
                   const char *who,
                   const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(GPtrArray) same_scope = NULL;
  g_autoptr(PlPronunciation) entry = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *done = NULL;
  PlPronunciation *before;
  gint64 service = 0;

  if (who != NULL)
    {
      person = open_person (store, who);
      if (person == NULL)
        return EXIT_FAILED;
      same_scope = pl_store_list_pronunciations (store, person->id, &error);
    }
  else
    {
      service = only_service (store, &error);
      if (service != 0)
        same_scope = pl_pronunciation_list_for_service (store, service, &error);
    }
  if (same_scope == NULL)
    {
      say_error (error->message);
      return EXIT_FAILED;
    }

  /* As the staff page does: the person's own language, else English */
  if (language == NULL)
    language = person != NULL && !pl_text_is_blank (person->preferred_language)
               ? person->preferred_language : "en-GB";

  if (!has_voice (language))
    {
      g_autofree char *safe = clean (language, "");
      g_autofree char *message =
        g_strdup_printf (_("No voice speaks “%s”, so the voice would never use this. Give a "
                           "language like en-GB, cy, pl, ro, pa or ur."), safe);
      say_error (message);
      return EXIT_FAILED;
    }

  before = find_same (same_scope, written, language);
  entry = before != NULL ? pl_pronunciation_copy (before) : pl_pronunciation_new ();
  entry->person_id = person != NULL ? person->id : 0;
  entry->service_id = person != NULL ? 0 : service;
  g_free (entry->written);
  entry->written = g_strstrip (g_strdup (written));
  g_free (entry->said);
  entry->said = g_strstrip (g_strdup (said));
  g_free (entry->language);
  entry->language = g_strdup (language);

  if (!pl_pronunciation_save (store, entry, &error))
    {
      say_error (error->message);
      return EXIT_FAILED;
    }

  shown = clean (entry->written, "");
  /* Translators: %s is a word, like Whitaker */
  done = g_strdup_printf (before != NULL ? _("Changed. The voice now says “%s” the new way.")
                                         : _("Saved. The voice now says “%s” this way."),
                          shown);
  g_print ("%s\n", done);
  return EXIT_OK;
}

int
command_unpronounce (PlStore    *store,
                     const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPronunciation) entry = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *done = NULL;
  guint64 id = 0;

  if (!g_ascii_string_to_unsigned (number, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_autofree char *safe = clean (number, "");
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not an entry's number. The number is the first thing on "
                           "each line of plainly-cli pronunciations."), safe);
      return usage_error (message);
    }

  entry = pl_store_load_pronunciation (store, (gint64) id, &error);
  if (entry == NULL)
    {
      say_error (error->message);
      return EXIT_FAILED;
    }
  if (entry->person_id != 0)
    {
      g_autofree char *person_number = g_strdup_printf ("%" G_GINT64_FORMAT, entry->person_id);
      g_autoptr(PlPerson) person = open_person (store, person_number);

      if (person == NULL)
        return EXIT_FAILED;
    }

  if (!pl_store_delete_pronunciation (store, entry->id, &error))
    {
      say_error (error->message);
      return EXIT_FAILED;
    }

  shown = clean (entry->written, "");
  /* Translators: %s is a word, like Whitaker */
  done = g_strdup_printf (_("Removed. The voice says “%s” its own way again."), shown);
  g_print ("%s\n", done);
  return EXIT_OK;
}
