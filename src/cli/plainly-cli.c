/* plainly-cli.c: the command-line tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   plainly-cli [--db FILE] demo | check | list | show PERSON [--document KIND]
 *   plainly-cli [--db FILE] speak PERSON [--document KIND] --out FILE.wav|.mp3|.ogg [--events]
 *   plainly-cli [--db FILE] export PERSON [--document KIND] --format pdf [--size POINTS]
 *               [--high-contrast] --out FILE.pdf
 *   plainly-cli [--db FILE] export PERSON [--document KIND] --format brf [--grade 1|2]
 *               [--cells N] [--lines N] --out FILE.brf
 *   plainly-cli [--db FILE] export PERSON [--document KIND] --format epub [--size POINTS]
 *               [--high-contrast] --out FILE.epub
 *   plainly-cli [--db FILE] import FILE.json
 *
 * Prints exactly the words every presenter gets, so anyone can read a
 * person's documents, and checks a database without the app.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "pl-i18n.h"

#include "pl-actor.h"
#include "pl-access.h"
#include "pl-braille.h"
#include "pl-demo.h"
#include "pl-document.h"
#include "pl-epub.h"
#include "pl-fhir-export.h"
#include "pl-fhir-import.h"
#include "pl-model.h"
#include "pl-needs.h"
#include "pl-output-file.h"
#include "pl-print.h"
#include "pl-easyread.h"
#include "pl-print-easyread.h"
#include "pl-secret-prompt.h"
#include "pl-speech.h"
#include "pl-store.h"
#include "plainly-cli-private.h"


static char *opt_db = NULL;
static char *opt_document = NULL;
static gboolean opt_version = FALSE;
static char *opt_out = NULL;
static gboolean opt_events = FALSE;
static char *opt_format = NULL;
#define SIZE_NOT_GIVEN (-G_MAXDOUBLE)
static double opt_size = SIZE_NOT_GIVEN;
static gboolean opt_high_contrast = FALSE;
static int opt_grade = 0;
static int opt_cells = 0;
static int opt_lines = 0;
static int opt_min_size = -1;
static char *opt_contrast = NULL;
static char *opt_read_aloud = NULL;
static char *opt_more_time = NULL;
static char *opt_staff = NULL;
static gboolean opt_reset = FALSE;
static char *opt_include = NULL;
static char *opt_language = NULL;

static const GOptionEntry entries[] = {
  { "db", 'd', 0, G_OPTION_ARG_FILENAME, &opt_db,
    N_("The database file to use, instead of your own"), N_("FILE") },
  { "document", 0, 0, G_OPTION_ARG_STRING, &opt_document,
    N_("For show, speak and export: plan (the default), welcome, complaint or diary"), N_("KIND") },
  { "out", 'o', 0, G_OPTION_ARG_FILENAME, &opt_out,
    N_("For speak: the sound file to write (WAV, MP3 or Ogg, by its ending); for export: the PDF file"), N_("FILE") },
  { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format,
    N_("For export: the kind of file, pdf (large print), brf (braille), epub (a talking book) "
       "or fhir (for another care record)"),
    N_("FORMAT") },
  { "grade", 0, 0, G_OPTION_ARG_INT, &opt_grade,
    N_("For export as brf: 1 uncontracted or 2 contracted braille (as the person's needs say if not given)"),
    N_("GRADE") },
  { "cells", 0, 0, G_OPTION_ARG_INT, &opt_cells,
    N_("For export as brf: cells to a line, 20 to 100 (40 if not given)"), N_("N") },
  { "lines", 0, 0, G_OPTION_ARG_INT, &opt_lines,
    N_("For export as brf: lines to a page, 10 to 100 (25 if not given)"), N_("N") },
  { "size", 0, 0, G_OPTION_ARG_DOUBLE, &opt_size,
    N_("For export: the text size in points, 16 to 48 (the person's own size if not given)"),
    N_("POINTS") },
  { "high-contrast", 0, 0, G_OPTION_ARG_NONE, &opt_high_contrast,
    N_("For export: yellow text on black pages"), NULL },
  { "events", 0, 0, G_OPTION_ARG_NONE, &opt_events,
    N_("For speak: print each word's anchor, characters and time in milliseconds"), NULL },
  { "min-size", 0, 0, G_OPTION_ARG_INT, &opt_min_size,
    N_("For need-rule: the smallest text size the need opens at, in points (0: no effect)"),
    N_("POINTS") },
  { "contrast", 0, 0, G_OPTION_ARG_STRING, &opt_contrast,
    N_("For need-rule: yes or no, open in high contrast"), N_("YES-OR-NO") },
  { "read-aloud", 0, 0, G_OPTION_ARG_STRING, &opt_read_aloud,
    N_("For need-rule: yes or no, read aloud when something opens"), N_("YES-OR-NO") },
  { "more-time", 0, 0, G_OPTION_ARG_STRING, &opt_more_time,
    N_("For need-rule: yes or no, slower speech and longer pauses"), N_("YES-OR-NO") },
  { "staff", 0, 0, G_OPTION_ARG_STRING, &opt_staff,
    N_("For show, speak, export and a person's pronunciations: read as this member of "
       "staff, with your password, asked for when the person has a PIN"), N_("USERNAME") },
  { "reset", 0, 0, G_OPTION_ARG_NONE, &opt_reset,
    N_("For demo: remove the example person and all that was added to them, and bring "
       "them back as shipped"), NULL },
  { "include", 0, 0, G_OPTION_ARG_STRING, &opt_include,
    N_("For export as fhir: more than the plan, welcome, complaints, diary or all, "
       "with commas between them"), N_("PARTS") },
  { "language", 0, 0, G_OPTION_ARG_STRING, &opt_language,
    N_("For pronounce: the language of the voice the word is for, like cy or pl (the "
       "person's own language, or English, if not given)"), N_("LANGUAGE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, &opt_version,
    N_("Say which version of Plainly this is"), NULL },
  { NULL }
};

/* Ctrl+C, or a stop from outside, while a file is written leaves no part of
 * it behind; a file that was there before stays as it was */
static void
remove_partial_files_on_signals (void)
{
  g_autofree char *message =
    g_strdup_printf ("plainly-cli: %s",
                     _("Stopped before the file was finished. Nothing was saved."));

  pl_output_file_remove_on_signals (message);
}

/* How each command opens the file. Only demo makes a new one. list, needs,
 * pronunciations and check only read, so they never write to it: an older file is not
 * updated by them (check reports on it as it is), because updating is
 * one-way and a look at a file should not change it. The others update an
 * older file, after keeping a copy as it was; show, speak and export can
 * still read a file that cannot be written. */
static PlStoreOpenFlags
open_flags_for (const char *command)
{
  /* demo and import may make a new database */
  if (g_strcmp0 (command, "demo") == 0 || g_strcmp0 (command, "import") == 0)
    return PL_STORE_OPEN_DEFAULT;
  if (g_strcmp0 (command, "check") == 0)
    return PL_STORE_OPEN_READ_ONLY | PL_STORE_OPEN_AS_IS;
  if (g_strcmp0 (command, "list") == 0 || g_strcmp0 (command, "needs") == 0 ||
      g_strcmp0 (command, "pronunciations") == 0)
    return PL_STORE_OPEN_READ_ONLY;
  if (g_strcmp0 (command, "need-rule") == 0)
    return PL_STORE_OPEN_NO_CREATE;
  return PL_STORE_OPEN_NO_CREATE | PL_STORE_OPEN_READ_IF_READ_ONLY;
}

static PlStore *
open_store (PlStoreOpenFlags   flags,
            GError           **error)
{
  g_autofree char *path = opt_db != NULL ? g_strdup (opt_db) : pl_store_default_path ();
  g_autoptr(GError) local_error = NULL;
  PlStore *store;

  store = pl_store_open (path, flags, &local_error);
  if (store == NULL && g_error_matches (local_error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND, "%s %s",
                   local_error->message,
                   _("Run “plainly-cli demo” to make one with an example person in it."));
      return NULL;
    }
  if (store == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  pl_store_set_actor (store, PL_ACTOR_COMMAND_LINE);
  /* A backup made, permissions tightened, a file that cannot be changed */
  for (const char * const *notice = pl_store_get_notices (store); *notice != NULL; notice++)
    say_error (*notice);
  return store;
}

static int
command_demo (PlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  g_autofree char *removes = NULL;
  g_autofree char *shown = NULL;

  /* What a reset removes is said before it is done */
  if (opt_reset && !pl_demo_describe_reset (store, &removes, &error))
    {
      say_error (error->message);
      return EXIT_FAILED;
    }
  if (removes != NULL)
    {
      /* A line for each example person */
      g_autofree char *text = clean (removes, "\n");

      g_print ("%s\n", text);
    }

  if (!pl_demo_install_full (store, opt_reset ? PL_DEMO_INSTALL_RESET : PL_DEMO_INSTALL_DEFAULT,
                             NULL, &done, &error))
    {
      say_error (error->message);
      return EXIT_FAILED;
    }

  shown = clean (done, "\n");
  g_print ("%s\n", shown);
  return EXIT_OK;
}

/* Reads a FHIR bundle from another care record and says what was read
 * and what was left out, then saves it in one transaction */
static int
command_import (PlStore    *store,
                const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlFhirImport) import = NULL;
  g_autofree char *description = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *number = NULL;
  const char * const *left_out;
  gint64 person_id = 0;

  import = pl_fhir_import_read_file (file, NULL, &error);
  if (import == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s Nothing was imported."), error->message);

      say_error (message);
      return EXIT_FAILED;
    }

  g_print ("%s\n", _("Read:"));
  for (const char * const *line = pl_fhir_import_get_read (import); *line != NULL; line++)
    {
      g_autofree char *text = clean (*line, "");

      g_print ("  %s\n", text);
    }
  left_out = pl_fhir_import_get_left_out (import);
  if (*left_out != NULL)
    g_print ("%s\n", _("Left out:"));
  for (const char * const *line = left_out; *line != NULL; line++)
    {
      g_autofree char *text = clean (*line, "");

      g_print ("  %s\n", text);
    }

  description = pl_fhir_import_describe (import, store, &error);
  if (description == NULL ||
      !pl_fhir_import_save (import, store, NULL, &person_id, NULL, &error))
    {
      say_error (error->message);
      return EXIT_FAILED;
    }
  shown = clean (description, "");
  g_print ("%s\n", shown);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, person_id);
  g_print (_("Saved. Their number is %s.\n"), number);
  return EXIT_OK;
}

static int
command_check (PlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStoreReport) report = NULL;
  gboolean ok;

  report = pl_store_check (store, &error);
  if (report == NULL)
    {
      say_error (error->message);
      return EXIT_FAILED;
    }

  g_print (_("Database: %s\n"), pl_store_get_path (store));
  g_print (_("Integrity: %s\n"), report->integrity_message);
  if (report->schema_version < PL_STORE_SCHEMA_VERSION)
    g_print (_("Schema version: %d (this Plainly writes version %d; opening the file in "
               "Plainly will update it, after keeping a copy of it as it was)\n"),
             report->schema_version, PL_STORE_SCHEMA_VERSION);
  else
    g_print (_("Schema version: %d (this Plainly writes version %d)\n"),
             report->schema_version, PL_STORE_SCHEMA_VERSION);
  g_print (_("Foreign keys: %s\n"), report->foreign_keys_ok ? _("ok") : _("broken links found"));
  g_print ("%s\n", _("Rows:"));
  for (guint i = 0; i < report->table_names->len; i++)
    g_print ("  %s: %" G_GINT64_FORMAT "\n",
             (const char *) g_ptr_array_index (report->table_names, i),
             g_array_index (report->row_counts, gint64, i));

  /* An older file is not a problem: it is updated when it is next opened */
  for (guint i = 0; i < report->problems->len; i++)
    g_print (_("Problem: %s\n"), (const char *) g_ptr_array_index (report->problems, i));

  ok = report->integrity_ok && report->foreign_keys_ok && report->problems->len == 0 &&
       report->schema_version <= PL_STORE_SCHEMA_VERSION;
  if (!ok)
    {
      say_error (_("The database has problems. Make a copy of it before anything else, "
                   "and ask for help."));
      return EXIT_FAILED;
    }
  return EXIT_OK;
}

static int
command_list (PlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;

  people = pl_store_list_people (store, 0, &error);
  if (people == NULL)
    {
      say_error (error->message);
      return EXIT_FAILED;
    }

  if (people->len == 0)
    g_printerr ("%s\n", _("There is nobody in this database yet."));

  for (guint i = 0; i < people->len; i++)
    {
      const PlPerson *person = g_ptr_array_index (people, i);
      /* One person a line, fields apart by tabs: neither may be in a name */
      g_autofree char *full = clean (person->full_name, "");
      g_autofree char *preferred = clean (person->preferred_name, "");

      if (*preferred != '\0' && g_strcmp0 (preferred, full) != 0)
        g_print ("%" G_GINT64_FORMAT "\t%s (%s)\n", person->id, preferred, full);
      else
        g_print ("%" G_GINT64_FORMAT "\t%s\n", person->id, full);
    }
  return EXIT_OK;
}

/* Who is reading, as the access policy lets them: the person, with their
 * PIN when they have one, or a member of staff with their password. Secrets
 * are typed at a prompt that does not show them, or given on standard
 * input, never on the command line. */
PlViewer *
open_viewer (PlStore         *store,
             const PlPerson  *person,
             GError         **error)
{
  g_autoptr(PlViewer) who = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean needs_pin = FALSE;
  char *secret;

  if (opt_staff != NULL)
    {
      /* Translators: %s is a member of staff's user name */
      g_autofree char *prompt = g_strdup_printf (_("Password for %s:"), opt_staff);

      secret = pl_secret_prompt_read (prompt, error);
      if (secret == NULL)
        return NULL;
      who = pl_access_sign_in_staff (store, opt_staff, secret, error);
      pl_secret_prompt_free (secret);
    }
  else
    {
      if (!pl_access_needs_pin (store, PL_VIEWER_PERSON, person->id, &needs_pin, error))
        return NULL;
      if (needs_pin)
        {
          /* Translators: %s is the person's name */
          g_autofree char *prompt = g_strdup_printf (_("PIN for %s:"), person->full_name);

          secret = pl_secret_prompt_read (prompt, &local_error);
          if (secret == NULL)
            {
              g_set_error (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_NEEDS_SECRET,
                           _("%s keeps their documents behind a PIN. %s"),
                           person->full_name, local_error->message);
              return NULL;
            }
          who = pl_access_open_person (store, person->id, secret, error);
          pl_secret_prompt_free (secret);
        }
      else
        who = pl_access_open_person (store, person->id, NULL, error);
    }
  if (who == NULL)
    return NULL;
  return pl_viewer_for_person (store, who, person->id, error);
}

/* The person's document, or NULL having said why on stderr */
static PlDocument *
load_document (PlStore       *store,
               const char    *who,
               PlDocumentKind kind,
               PlPerson     **out_person)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = pl_store_find_person (store, who, &error);
  g_autoptr(PlViewer) viewer = NULL;
  PlDocument *document = NULL;

  if (person == NULL)
    {
      say_error (error->message);
      return NULL;
    }

  viewer = open_viewer (store, person, &error);
  if (viewer != NULL)
    document = pl_document_build_for (store, viewer, kind, &error);
  if (document == NULL)
    {
      say_error (error->message);
      return NULL;
    }

  *out_person = g_steal_pointer (&person);
  return document;
}

static int
command_show (PlStore        *store,
              const char     *who,
              PlDocumentKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autofree char *text = NULL;

  document = load_document (store, who, kind, &person);
  if (document == NULL)
    return EXIT_FAILED;

  text = pl_document_to_text (document);
  {
    g_autofree char *shown = clean (text, "\n");

    g_print ("%s", shown);
  }
  return EXIT_OK;
}

/* Writes the document as the person would hear it, in their own voice
 * settings; with --events, prints where each word is */
/* The person's voice: their language, their settings and how their
 * names, places and medicines are said */
static PlSpeech *
person_speech (PlStore         *store,
               const PlPerson  *person,
               PlSettings     **out_settings,
               GError         **error)
{
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(PlSettings) settings = pl_store_get_settings (store, person->id, error);
  g_autoptr(PlLexicon) lexicon = NULL;

  if (settings == NULL)
    return NULL;
  lexicon = pl_lexicon_new_for_person (store, person->id, error);
  if (lexicon == NULL)
    return NULL;
  pl_speech_set_language (speech, person->preferred_language);
  pl_speech_apply_settings (speech, settings);
  pl_speech_set_lexicon (speech, lexicon);
  if (out_settings != NULL)
    *out_settings = g_steal_pointer (&settings);
  return g_steal_pointer (&speech);
}

static int
command_speak (PlStore        *store,
               const char     *who,
               PlDocumentKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(PlSpeech) speech = NULL;
  g_autoptr(PlSettings) settings = NULL;
  g_autoptr(GPtrArray) words = NULL;

  document = load_document (store, who, kind, &person);
  if (document == NULL)
    return EXIT_FAILED;

  speech = person_speech (store, person, &settings, &error);
  if (speech == NULL)
    {
      say_error (error->message);
      return EXIT_FAILED;
    }

  /* Someone who reads in easy read hears its lines, as their window reads
   * them, not the words it stands for */
  if (settings->easy_read)
    {
      g_autoptr(GPtrArray) items = pl_easy_read_items (document, pl_symbol_index_get_default ());
      PlDocument *lines = pl_easy_read_document (document, items);

      g_object_unref (document);
      document = lines;
    }

  if (!pl_speech_save_audio (speech, document, 0, PL_SPEECH_TO_END, opt_out,
                           opt_events ? &words : NULL, NULL, NULL, NULL, &error))
    {
      say_error (error->message);
      return EXIT_FAILED;
    }

  for (guint i = 0; words != NULL && i < words->len; i++)
    {
      const PlSpeechWord *word = g_ptr_array_index (words, i);
      const PlBlock *block = pl_document_get_block (document, word->block);
      g_autofree char *said = g_utf8_substring (block->text, word->start, word->end);
      g_autofree char *anchor = clean (word->anchor, "");
      g_autofree char *said_clean = clean (said, "");

      g_print ("%s\t%u\t%u\t%u\t%s\n", anchor, word->start, word->end, word->ms, said_clean);
    }
  return EXIT_OK;
}

/* Writes the document as large print, in the person's own text size and
 * font unless --size says otherwise, in easy read if they read in it */
static int
command_export (PlStore        *store,
                const char     *who,
                PlDocumentKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(PlSettings) settings = NULL;
  g_autoptr(PlPrintOptions) options = NULL;
  g_autofree char *note = NULL;

  document = load_document (store, who, kind, &person);
  if (document == NULL)
    return EXIT_FAILED;

  settings = pl_store_get_settings (store, person->id, &error);
  if (settings == NULL)
    {
      say_error (error->message);
      return EXIT_FAILED;
    }

  pl_print_register_fonts ();
  options = pl_print_options_for_reader (settings, document, person->full_name);
  if (opt_size != SIZE_NOT_GIVEN)
    options->text_size = opt_size;
  options->high_contrast = opt_high_contrast;

  note = pl_print_options_check (options);
  if (note != NULL)
    g_printerr ("plainly-cli: %s\n", note);

  /* Someone who reads in easy read has it on paper too */
  if (settings->easy_read
      ? !pl_print_save_easy_read_pdf (document, options, settings->symbols, opt_out, &error)
      : !pl_print_save_pdf (document, options, opt_out, NULL, NULL, NULL, &error))
    {
      say_error (error->message);
      return EXIT_FAILED;
    }
  return EXIT_OK;
}

/* Writes the document as braille: the grade the person's needs ask for
 * unless --grade says otherwise, Welsh braille for a Welsh reader */
static int
command_export_braille (PlStore        *store,
                        const char     *who,
                        PlDocumentKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(PlBrailleOptions) options = NULL;

  document = load_document (store, who, kind, &person);
  if (document == NULL)
    return EXIT_FAILED;

  needs = pl_store_list_comm_needs (store, person->id, &error);
  if (needs == NULL)
    {
      say_error (error->message);
      return EXIT_FAILED;
    }
  options = pl_braille_options_for_reader (person, needs);
  if (opt_grade != 0)
    options->grade = opt_grade;
  if (opt_cells != 0)
    options->cells = (guint) opt_cells;
  if (opt_lines != 0)
    options->lines = (guint) opt_lines;

  if (!pl_braille_save (document, options, opt_out, &error))
    {
      say_error (error->message);
      return EXIT_FAILED;
    }
  return EXIT_OK;
}

/* Writes the person and their plan as a FHIR R4 bundle for another care
 * record, with only what the reader may see; --include adds the welcome
 * pack, complaints or diary */
static int
command_export_fhir (PlStore    *store,
                     const char *who)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = pl_store_find_person (store, who, &error);
  g_autoptr(PlViewer) viewer = NULL;
  PlFhirExtras extras = PL_FHIR_EXTRA_NONE;

  if (opt_include != NULL && !pl_fhir_extras_from_string (opt_include, &extras, &error))
    return usage_error (error->message);
  if (person != NULL)
    viewer = open_viewer (store, person, &error);
  if (viewer == NULL || !pl_fhir_export_save (store, viewer, extras, opt_out, &error))
    {
      say_error (error->message);
      return EXIT_FAILED;
    }
  return EXIT_OK;
}

/* Writes the document as a talking book: its pages in the person's own
 * text size and colours unless --size or --high-contrast say otherwise,
 * read aloud in their own voice settings */
static int
command_export_epub (PlStore        *store,
                     const char     *who,
                     PlDocumentKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(PlSettings) settings = NULL;
  g_autoptr(PlSpeech) speech = NULL;
  g_autoptr(PlEpubOptions) options = NULL;

  document = load_document (store, who, kind, &person);
  if (document == NULL)
    return EXIT_FAILED;

  speech = person_speech (store, person, &settings, &error);
  if (speech == NULL)
    {
      say_error (error->message);
      return EXIT_FAILED;
    }
  options = pl_epub_options_for_reader (settings, person, document);
  if (opt_size != SIZE_NOT_GIVEN)
    options->text_size = opt_size;
  if (opt_high_contrast)
    {
      g_free (options->theme);
      options->theme = g_strdup ("yellow-on-black");
    }

  if (!pl_epub_save (document, options, speech, opt_out, NULL, NULL, NULL, &error))
    {
      say_error (error->message);
      return EXIT_FAILED;
    }
  return EXIT_OK;
}

/* One line a code: the code, the need in words, and what it changes */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  const char *command;
  PlDocumentKind kind = PL_DOCUMENT_PLAN;
  int n_args;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("COMMAND [PERSON]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Read and check Plainly's care records from the command line."));
  g_option_context_set_description (context,
                                    _("Commands:\n"
                                      "  demo          Create the example person; when they are there, change\n"
                                      "                nothing. --reset brings them back as shipped\n"
                                      "  check         Check the database: integrity, schema version, row counts\n"
                                      "  list          List the people, one a line, each with their number\n"
                                      "  show PERSON   Print a person's document as plain text; PERSON is\n"
                                      "                their number or their name. When they have a PIN,\n"
                                      "                it is asked for (or read from standard input, one\n"
                                      "                line); --staff USERNAME asks for a password instead\n"
                                      "  speak PERSON  Save a person's document as speech in a sound file\n"
                                      "                (--out FILE.wav, .mp3 or .ogg), in their own voice settings\n"
                                      "  export PERSON Save a person's document as large print\n"
                                      "                (--format pdf --out FILE.pdf [--size 24] [--high-contrast])\n"
                                      "                or as braille (--format brf --out FILE.brf [--grade 1]\n"
                                      "                [--cells 40] [--lines 25]), or as a talking book\n"
                                      "                read aloud (--format epub --out FILE.epub [--size 24]),\n"
                                      "                or for another care record as FHIR R4 (--format fhir\n"
                                      "                --out FILE.json [--include welcome,complaints,diary])\n"
                                      "  import FILE   Import a person and their plan from another care\n"
                                      "                record: a FHIR R4 bundle in JSON. Says what was read\n"
                                      "                and what was left out\n"
                                      "  needs         List each communication need and what it changes\n"
                                      "  need-rule CODE  Change what a need changes (--min-size POINTS,\n"
                                      "                --contrast, --read-aloud, --more-time yes or no)\n"
                                      "  pronunciations [PERSON]  List how the voice says names, places and\n"
                                      "                medicines: the service's, or PERSON's and their service's\n"
                                      "  pronounce WORD SAID [PERSON]  Have the voice say WORD as SAID, a\n"
                                      "                respelling (\"Doe-nep-ezzil\") or espeak-ng phonemes in\n"
                                      "                [[ ]], for the whole service or for PERSON only\n"
                                      "                [--language cy]\n"
                                      "  unpronounce NUMBER  Remove an entry, by its number in pronunciations\n"));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);

  if (opt_version)
    {
      g_print ("plainly-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  if (argc < 2)
    return usage_error (_("Say what to do: demo, check, list, show, speak, export or import."));

  command = argv[1];
  n_args = argc - 2;

  /* Everything about the command line is checked before the file is touched */
  if (opt_document != NULL && g_strcmp0 (command, "show") != 0 &&
      g_strcmp0 (command, "speak") != 0 && g_strcmp0 (command, "export") != 0)
    return usage_error (_("--document only goes with show, speak or export."));
  if (opt_out != NULL && g_strcmp0 (command, "speak") != 0 && g_strcmp0 (command, "export") != 0)
    return usage_error (_("--out only goes with speak or export."));
  if (opt_events && g_strcmp0 (command, "speak") != 0)
    return usage_error (_("--events only goes with speak."));
  if (opt_staff != NULL && g_strcmp0 (command, "show") != 0 &&
      g_strcmp0 (command, "speak") != 0 && g_strcmp0 (command, "export") != 0 &&
      g_strcmp0 (command, "pronunciations") != 0 && g_strcmp0 (command, "pronounce") != 0 &&
      g_strcmp0 (command, "unpronounce") != 0)
    return usage_error (_("--staff only goes with show, speak, export, pronunciations, "
                          "pronounce or unpronounce."));
  if (opt_language != NULL && g_strcmp0 (command, "pronounce") != 0)
    return usage_error (_("--language only goes with pronounce."));
  if ((opt_format != NULL || opt_size != SIZE_NOT_GIVEN || opt_high_contrast) &&
      g_strcmp0 (command, "export") != 0)
    return usage_error (_("--format, --size and --high-contrast only go with export."));
  if ((opt_min_size >= 0 || opt_contrast != NULL || opt_read_aloud != NULL ||
       opt_more_time != NULL) && g_strcmp0 (command, "need-rule") != 0)
    return usage_error (_("--min-size, --contrast, --read-aloud and --more-time only go with need-rule."));
  if (opt_include != NULL && (g_strcmp0 (command, "export") != 0 || opt_format == NULL ||
                              g_ascii_strcasecmp (opt_format, "fhir") != 0))
    return usage_error (_("--include only goes with export --format fhir."));
  if (opt_reset && g_strcmp0 (command, "demo") != 0)
    return usage_error (_("--reset only goes with demo."));
  if ((opt_grade != 0 || opt_cells != 0 || opt_lines != 0) &&
      (g_strcmp0 (command, "export") != 0 || opt_format == NULL ||
       g_ascii_strcasecmp (opt_format, "brf") != 0))
    return usage_error (_("--grade, --cells and --lines only go with export --format brf."));
  if (opt_grade != 0 && opt_grade != 1 && opt_grade != 2)
    return usage_error (_("--grade is 1 for uncontracted braille or 2 for contracted."));
  if (opt_cells != 0 && (opt_cells < PL_BRAILLE_MIN_CELLS || opt_cells > PL_BRAILLE_MAX_CELLS))
    return usage_error (_("--cells is the number of cells to a braille line, from 20 to 100."));
  if (opt_lines != 0 && (opt_lines < PL_BRAILLE_MIN_LINES || opt_lines > PL_BRAILLE_MAX_LINES))
    return usage_error (_("--lines is the number of lines to a braille page, from 10 to 100."));
  if (opt_min_size > 96)
    return usage_error (_("--min-size is in points, up to 96."));
  /* Said, not quietly changed: the person would get a size nobody chose */
  if (opt_size != SIZE_NOT_GIVEN && !(isfinite (opt_size) && opt_size >= 16 && opt_size <= 48))
    return usage_error (_("--size is the text size in points, from 16 to 48."));

  if (g_strcmp0 (command, "show") == 0 || g_strcmp0 (command, "speak") == 0 ||
      g_strcmp0 (command, "export") == 0)
    {
      if (n_args != 1)
        return usage_error (_("Say whose document it is: show PERSON, speak PERSON or "
                              "export PERSON, where PERSON is their number or their name."));
      if (g_strcmp0 (command, "speak") == 0 && opt_out == NULL)
        return usage_error (_("Say where to save the sound: speak PERSON --out FILE.wav."));
      if (g_strcmp0 (command, "export") == 0)
        {
          if (opt_out == NULL)
            return usage_error (_("Say where to save it: export PERSON --format pdf --out FILE.pdf."));
          if (opt_format != NULL && g_ascii_strcasecmp (opt_format, "pdf") != 0 &&
              g_ascii_strcasecmp (opt_format, "brf") != 0 &&
              g_ascii_strcasecmp (opt_format, "epub") != 0 &&
              g_ascii_strcasecmp (opt_format, "fhir") != 0)
            {
              g_autofree char *message =
                g_strdup_printf (_("“%s” is not a format Plainly can export. Use pdf, brf, epub or fhir."),
                                 opt_format);
              return usage_error (message);
            }
        }
      if (opt_document != NULL)
        {
          if (!pl_document_kind_from_nick (opt_document, &kind))
            {
              g_autofree char *message =
                g_strdup_printf (_("“%s” is not a document Plainly can show. "
                                   "Choose plan, welcome, complaint or diary."),
                                 opt_document);
              return usage_error (message);
            }
        }
    }
  else if (g_strcmp0 (command, "import") == 0)
    {
      if (n_args != 1)
        return usage_error (_("Say which file to import: import FILE.json, a FHIR bundle."));
    }
  else if (g_strcmp0 (command, "pronunciations") == 0)
    {
      if (n_args > 1)
        return usage_error (_("Say whose list, or nothing for the service's: pronunciations "
                              "[PERSON], where PERSON is their number or their name."));
    }
  else if (g_strcmp0 (command, "pronounce") == 0)
    {
      if (n_args != 2 && n_args != 3)
        return usage_error (_("Say the word and how it is said: pronounce WORD SAID, and the "
                              "person after them when it is for one person only."));
      if (pl_text_is_blank (argv[2]) || pl_text_is_blank (argv[3]))
        return usage_error (_("The word and how it is said cannot be blank."));
    }
  else if (g_strcmp0 (command, "unpronounce") == 0)
    {
      if (n_args != 1)
        return usage_error (_("Say which entry: unpronounce NUMBER, with the number from "
                              "plainly-cli pronunciations."));
    }
  else if (g_strcmp0 (command, "need-rule") == 0)
    {
      if (n_args != 1)
        return usage_error (_("Say which need: need-rule CODE, with the code from plainly-cli needs."));
      if (!pl_text_is_snomed_code (argv[2]))
        {
          g_autofree char *shown = clean (argv[2], "");
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not a need's code. A code is a SNOMED CT number of "
                               "6 to 18 digits, as plainly-cli needs lists them."), shown);

          return usage_error (message);
        }
    }
  else if (g_strcmp0 (command, "demo") == 0 || g_strcmp0 (command, "check") == 0 ||
           g_strcmp0 (command, "list") == 0 || g_strcmp0 (command, "needs") == 0)
    {
      if (n_args != 0)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” takes nothing after it."), command);
          return usage_error (message);
        }
    }
  else
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a command. Use demo, check, list, show, speak, export, "
                           "import, needs, need-rule, pronunciations, pronounce or unpronounce."),
                         command);
      return usage_error (message);
    }

  remove_partial_files_on_signals ();

  /* Only demo makes a new database; the others need one that is there */
  store = open_store (open_flags_for (command), &error);
  if (store == NULL)
    {
      say_error (error->message);
      return EXIT_FAILED;
    }

  if (g_strcmp0 (command, "demo") == 0)
    return command_demo (store);
  if (g_strcmp0 (command, "check") == 0)
    return command_check (store);
  if (g_strcmp0 (command, "list") == 0)
    return command_list (store);
  if (g_strcmp0 (command, "needs") == 0)
    return command_needs (store);
  if (g_strcmp0 (command, "need-rule") == 0)
    return command_need_rule (store, argv[2], opt_min_size, opt_contrast, opt_read_aloud,
                              opt_more_time);
  if (g_strcmp0 (command, "import") == 0)
    return command_import (store, argv[2]);
  if (g_strcmp0 (command, "pronunciations") == 0)
    return command_pronunciations (store, n_args == 1 ? argv[2] : NULL);
  if (g_strcmp0 (command, "pronounce") == 0)
    return command_pronounce (store, argv[2], argv[3], n_args == 3 ? argv[4] : NULL,
                              opt_language);
  if (g_strcmp0 (command, "unpronounce") == 0)
    return command_unpronounce (store, argv[2]);
  if (g_strcmp0 (command, "speak") == 0)
    return command_speak (store, argv[2], kind);
  if (g_strcmp0 (command, "export") == 0 && opt_format != NULL &&
      g_ascii_strcasecmp (opt_format, "epub") == 0)
    return command_export_epub (store, argv[2], kind);
  if (g_strcmp0 (command, "export") == 0 && opt_format != NULL &&
      g_ascii_strcasecmp (opt_format, "fhir") == 0)
    return command_export_fhir (store, argv[2]);
  if (g_strcmp0 (command, "export") == 0)
    return opt_format != NULL && g_ascii_strcasecmp (opt_format, "brf") == 0
           ? command_export_braille (store, argv[2], kind)
           : command_export (store, argv[2], kind);
  return command_show (store, argv[2], kind);
}
