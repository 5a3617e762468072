/* test-lexicon.c: the pronunciation list, in what the voice is given and
 * in the sound it makes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "pl-document.h"
#include "pl-epub.h"
#include "pl-lexicon.h"
#include "pl-pronunciation.h"
#include "pl-speech-say.h"
#include "pl-speech-private.h"
#include "pl-store.h"
#include "pl-voice.h"

static PlLexicon *
lexicon_of (const char * const *entries)
{
  PlLexicon *lexicon = pl_lexicon_new ();

  /* written, said, language; in order of priority */
  for (guint i = 0; entries[i] != NULL; i += 3)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (pl_lexicon_add (lexicon, entries[i], entries[i + 1], entries[i + 2], &error));
      g_assert_no_error (error);
    }
  return lexicon;
}

/* The written character each said character maps to */
static guint
source_of (const PlSpeechSay *say,
           const char        *said_part)
{
  const char *at = strstr (say->text, said_part);

  g_assert_nonnull (at);
  return g_array_index (say->map, guint, g_utf8_pointer_to_offset (say->text, at));
}

static void
test_lexicon_said (void)
{
  static const char * const entries[] = {
    "Whitaker", "Whit-acker", "en-GB",
    "Metformin", "[[mEtf'o@mIn]]", "en",
    "Bath", "Barth", "en-GB",
    "St Anne's", "Saint Ann's", "en-GB",
    "Castlebridge", "Cassle-bridge", "en-GB",
    "Castlebridge Road", "Cassle-bridge Rode", "en-GB",
    NULL
  };
  g_autoptr(PlLexicon) lexicon = lexicon_of (entries);
  static const struct
  {
    const char *written;
    const char *said;
  } cases[] = {
    { "Mrs Whitaker takes metformin.", "Mrs Whit-acker takes [[mEtf'o@mIn]]." },
    /* Whole words, whatever their case */
    { "WHITAKER, Whitakers and Whitaker's", "Whit-acker, Whitakers and Whit-acker's" },
    { "The bathroom in Bath.", "The bathroom in Barth." },
    { "Bath-based, not Bathurst", "Barth-based, not Bathurst" },
    /* Any one space in a written form's place */
    { "St\u00a0Anne's church", "Saint Ann's church" },
    { "St  Anne's", "St  Anne's" },
    /* The longest written form at a place */
    { "Castlebridge Road and Castlebridge", "Cassle-bridge Rode and Cassle-bridge" },
    /* Figures are still read a figure at a time beside them */
    { "Whitaker 0161 496 0512",
      "Whit-acker <say-as interpret-as=\"characters\">0161</say-as>, "
      "<say-as interpret-as=\"characters\">496</say-as>, "
      "<say-as interpret-as=\"characters\">0512</say-as>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PlSpeechSay) say = pl_speech_say_new_full (cases[i].written, "en-gb", lexicon);
      guint last = 0;

      if (g_strcmp0 (say->text, cases[i].said) != 0)
        g_error ("“%s” is said as “%s”, not “%s”", cases[i].written, say->text, cases[i].said);
      g_assert_true (say->phonemes == (strstr (cases[i].said, "[[") != NULL));
      g_assert_cmpuint (say->map->len, ==, g_utf8_strlen (say->text, -1) + 1);
      for (guint c = 0; c < say->map->len; c++)
        {
          g_assert_cmpuint (g_array_index (say->map, guint, c), >=, last);
          last = g_array_index (say->map, guint, c);
        }
      g_assert_cmpuint (last, ==, g_utf8_strlen (cases[i].written, -1));
    }

  /* Every character said for the words maps to the written words' first,
   * so the highlight marks "Whitaker" and "metformin" as written */
  {
    const char *written = "Mrs Whitaker takes metformin.";
    g_autoptr(PlSpeechSay) say = pl_speech_say_new_full (written, "en-gb", lexicon);

    g_assert_cmpuint (source_of (say, "Whit-acker"), ==, 4);
    g_assert_cmpuint (source_of (say, "acker"), ==, 4);
    g_assert_cmpuint (source_of (say, "[[mEtf"), ==, 19);
    g_assert_cmpuint (source_of (say, "mIn]]"), ==, 19);
    g_assert_cmpuint (source_of (say, " takes"), ==, 12);
  }
}

/* A person's entry comes before the service's; another language's is
 * left alone; in SSML, what is said is escaped */
static void
test_lexicon_priority (void)
{
  static const char * const entries[] = {
    "Whitaker", "Witt-acre", "en-GB",      /* the person's own */
    "Whitaker", "Whit-acker", "en-GB",     /* the service's */
    "Llandaff", "Hlan-daff", "cy",
    "Jones", "Jo-ness", NULL,              /* every voice */
    NULL
  };
  g_autoptr(PlLexicon) lexicon = lexicon_of (entries);
  g_autoptr(PlSpeechSay) english = pl_speech_say_new_full ("Whitaker of Llandaff Jones",
                                                           "en-gb", lexicon);
  g_autoptr(PlSpeechSay) welsh = pl_speech_say_new_full ("Whitaker of Llandaff Jones",
                                                         "cy", lexicon);
  g_autoptr(PlSpeechSay) none = pl_speech_say_new_full ("Whitaker", "en-gb", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (english->text, ==, "Witt-acre of Llandaff Jo-ness");
  g_assert_cmpstr (welsh->text, ==, "Whitaker of Hlan-daff Jo-ness");
  g_assert_cmpstr (none->text, ==, "Whitaker");
  g_assert_false (english->phonemes);

  /* What cannot be said is not added */
  g_assert_false (pl_lexicon_add (lexicon, "Whitaker", "<audio src='x'/>", "en", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pl_lexicon_add (lexicon, "[[x]]", "Whit-acker", "en", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_cmpuint (pl_lexicon_get_size (lexicon), ==, 4);
}

/* The list read from the store: the person's, then their service's */
static void
test_lexicon_from_store (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plainly-lexicon-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(PlStore) store = pl_store_open (path, PL_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(PlService) service = pl_service_new ();
  g_autoptr(PlPerson) person = pl_person_new ();
  g_autoptr(PlPronunciation) own = pl_pronunciation_new ();
  g_autoptr(PlPronunciation) everyone = pl_pronunciation_new ();
  g_autoptr(PlLexicon) lexicon = NULL;
  g_autoptr(PlSpeechSay) say = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (store);
  service->name = g_strdup ("Castlebridge Home Care");
  g_assert_true (pl_store_save_service (store, service, &error));
  person->full_name = g_strdup ("Ada Whitaker");
  person->service_id = service->id;
  g_assert_true (pl_store_save_person (store, person, &error));
  everyone->service_id = service->id;
  everyone->written = g_strdup ("Whitaker");
  everyone->said = g_strdup ("Whit-acker");
  everyone->language = g_strdup ("en-GB");
  g_assert_true (pl_pronunciation_save (store, everyone, &error));
  own->person_id = person->id;
  own->written = g_strdup ("Whitaker");
  own->said = g_strdup ("Witt-acre");
  own->language = g_strdup ("en-GB");
  g_assert_true (pl_pronunciation_save (store, own, &error));
  g_assert_no_error (error);

  lexicon = pl_lexicon_new_for_person (store, person->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pl_lexicon_get_size (lexicon), ==, 2);
  say = pl_speech_say_new_full ("Ada Whitaker", "en-gb", lexicon);
  g_assert_cmpstr (say->text, ==, "Ada Witt-acre");
  g_clear_pointer (&say, pl_speech_say_free);
  g_clear_pointer (&lexicon, pl_lexicon_unref);

  lexicon = pl_lexicon_new_for_service (store, service->id, &error);
  say = pl_speech_say_new_full ("Ada Whitaker", "en-gb", lexicon);
  g_assert_cmpstr (say->text, ==, "Ada Whit-acker");

  g_clear_pointer (&store, pl_store_unref);
  g_assert_cmpint (g_unlink (path), ==, 0);
  {
    g_autofree char *wal = g_build_filename (dir, "test.db-wal", NULL);

    g_unlink (wal);
  }
  g_rmdir (dir);
}

/* What espeak-ng is given, from whichever path */
static GMutex traced_lock;

static void
trace_cb (const char *text,
          gpointer    data)
{
  GString *traced = data;

  g_mutex_lock (&traced_lock);
  g_string_append (traced, text);
  g_string_append_c (traced, '\n');
  g_mutex_unlock (&traced_lock);
}

static gboolean
traced_has (GString    *traced,
            const char *words)
{
  gboolean found;

  g_mutex_lock (&traced_lock);
  found = strstr (traced->str, words) != NULL;
  g_string_truncate (traced, 0);
  g_mutex_unlock (&traced_lock);
  return found;
}

static PlDocument *
medicines (void)
{
  PlDocument *document = pl_document_new ("Medicines");

  pl_document_add (document, PL_BLOCK_HEADING, 1, "medicines", NULL, "Medicines");
  pl_document_add (document, PL_BLOCK_PARAGRAPH, 1, "metformin", NULL,
                   "Mrs Whitaker takes Metformin.");
  return document;
}

static void
speech_finished_cb (PlSpeech *speech,
                    gpointer  data)
{
  *(gboolean *) data = TRUE;
}

/* Every way Plainly speaks gives espeak-ng the words of the list: a
 * reading, a sound file, a talking book's narration and talking buttons;
 * and the words reported are still the written ones, for the highlight */
static void
test_lexicon_every_path (void)
{
  static const char * const entries[] = {
    "Whitaker", "Whit-acker", "en-GB",
    "Metformin", "[[mEtf'o@mIn]]", "en-GB",
    NULL
  };
  g_autoptr(PlLexicon) lexicon = lexicon_of (entries);
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(PlVoice) voice = pl_voice_new ();
  g_autoptr(PlDocument) document = medicines ();
  g_autoptr(GString) traced = g_string_new (NULL);
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GArray) pcm = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plainly-lexicon-XXXXXX", NULL);
  g_autofree char *wav = g_build_filename (dir, "medicines.wav", NULL);
  g_autofree char *epub = g_build_filename (dir, "medicines.epub", NULL);
  gboolean finished = FALSE;

  if (pl_speech_get_sample_rate () == 0)
    {
      g_test_skip ("espeak-ng cannot start here");
      return;
    }

  pl_speech_engine_set_trace (trace_cb, traced);
  pl_speech_set_language (speech, "en-GB");

  /* Without the list, as written */
  pcm = pl_speech_render (speech, document, 0, PL_SPEECH_TO_END, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (traced_has (traced, "Whit-acker"));
  g_clear_pointer (&pcm, g_array_unref);

  pl_speech_set_lexicon (speech, lexicon);
  g_assert_true (pl_speech_get_lexicon (speech) == lexicon);
  pcm = pl_speech_render (speech, document, 0, PL_SPEECH_TO_END, &words, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (traced_has (traced, "Mrs Whit-acker takes [[mEtf'o@mIn]]."));
  /* "Mrs", "Whitaker", "takes", "Metformin." as written */
  g_assert_cmpuint (words->len, ==, 5);
  g_assert_cmpuint (((PlSpeechWord *) words->pdata[2])->start, ==, 4);
  g_assert_cmpuint (((PlSpeechWord *) words->pdata[2])->end, ==, 12);
  g_assert_cmpuint (((PlSpeechWord *) words->pdata[4])->start, ==, 19);

  g_assert_true (pl_speech_save_audio (speech, document, 0, PL_SPEECH_TO_END, wav, NULL, NULL,
                                       NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (traced_has (traced, "Whit-acker"));

  g_assert_true (pl_epub_save (document, NULL, speech, epub, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (traced_has (traced, "[[mEtf'o@mIn]]"));

  /* A talking button's words, through the window's voice */
  pl_voice_set_output (voice, PL_SPEECH_OUTPUT_NULL, 8.0);
  pl_voice_set_settings (voice, NULL, "en-GB");
  pl_voice_set_lexicon (voice, lexicon);
  g_signal_connect (pl_voice_get_control (voice), "finished", G_CALLBACK (speech_finished_cb),
                    &finished);
  g_assert_true (pl_voice_say (voice, "Call Whitaker"));
  while (!finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (traced_has (traced, "Call Whit-acker"));

  pl_speech_engine_set_trace (NULL, NULL);
  g_unlink (wav);
  g_unlink (epub);
  g_rmdir (dir);
}

/* A sound file of "Metformin" differs when the list has it: with a longer
 * way of saying it, it is longer by far */
static void
test_lexicon_wav (void)
{
  static const char * const entries[] = {
    "Metformin", "met for min, a tablet for diabetes, taken with food", "en-GB", NULL
  };
  g_autoptr(PlLexicon) lexicon = lexicon_of (entries);
  g_autoptr(PlSpeech) speech = pl_speech_new ();
  g_autoptr(PlDocument) document = pl_document_new ("Medicines");
  g_autofree char *dir = g_dir_make_tmp ("plainly-lexicon-XXXXXX", NULL);
  g_autofree char *plain_path = g_build_filename (dir, "plain.wav", NULL);
  g_autofree char *listed_path = g_build_filename (dir, "listed.wav", NULL);
  g_autofree char *plain = NULL;
  g_autofree char *listed = NULL;
  gsize plain_len = 0, listed_len = 0;
  g_autoptr(GError) error = NULL;

  if (pl_speech_get_sample_rate () == 0)
    {
      g_test_skip ("espeak-ng cannot start here");
      return;
    }

  pl_document_add (document, PL_BLOCK_PARAGRAPH, 1, "medicine", NULL, "Metformin");
  pl_speech_set_language (speech, "en-GB");
  g_assert_true (pl_speech_save_audio (speech, document, 0, PL_SPEECH_TO_END, plain_path, NULL,
                                       NULL, NULL, NULL, &error));
  pl_speech_set_lexicon (speech, lexicon);
  g_assert_true (pl_speech_save_audio (speech, document, 0, PL_SPEECH_TO_END, listed_path, NULL,
                                       NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (plain_path, &plain, &plain_len, NULL));
  g_assert_true (g_file_get_contents (listed_path, &listed, &listed_len, NULL));
  g_assert_cmpuint (plain_len, >, 44);
  g_assert_cmpuint (listed_len, >, 3 * plain_len);

  g_unlink (plain_path);
  g_unlink (listed_path);
  g_rmdir (dir);
}

/* Talking buttons and readings of a window's voice both use its list */
static void
test_lexicon_voice (void)
{
  static const char * const entries[] = { "Whitaker", "Whit-acker", "en-GB", NULL };
  g_autoptr(PlLexicon) lexicon = lexicon_of (entries);
  g_autoptr(PlVoice) voice = pl_voice_new ();

  pl_voice_set_lexicon (voice, lexicon);
  g_assert_true (pl_speech_get_lexicon (pl_voice_get_reading (voice)) == lexicon);
  g_assert_true (pl_speech_get_lexicon (pl_voice_get_control (voice)) == lexicon);
  pl_voice_set_lexicon (voice, NULL);
  g_assert_null (pl_speech_get_lexicon (pl_voice_get_control (voice)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plainly/lexicon/said", test_lexicon_said);
  g_test_add_func ("/plainly/lexicon/priority", test_lexicon_priority);
  g_test_add_func ("/plainly/lexicon/from-store", test_lexicon_from_store);
  g_test_add_func ("/plainly/lexicon/every-path", test_lexicon_every_path);
  g_test_add_func ("/plainly/lexicon/wav", test_lexicon_wav);
  g_test_add_func ("/plainly/lexicon/voice", test_lexicon_voice);

  return g_test_run ();
}
