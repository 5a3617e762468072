/* pl-lexicon.c: the pronunciation list a voice says words by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include "pl-i18n.h"

#include "pl-lexicon.h"
#include "pl-pronunciation.h"

typedef struct
{
  gunichar *written;   /* NFC, in lower case a character for a character */
  glong     n;
  char     *said;
  char     *language;
} Entry;

struct _PlLexicon
{
  gatomicrefcount  ref;
  GArray          *entries;   /* (element-type Entry), in the order added */
};

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->written);
  g_free (entry->said);
  g_free (entry->language);
}

PlLexicon *
pl_lexicon_new (void)
{
  PlLexicon *self = g_new0 (PlLexicon, 1);

  g_atomic_ref_count_init (&self->ref);
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  return self;
}

PlLexicon *
pl_lexicon_ref (PlLexicon *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
pl_lexicon_unref (PlLexicon *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  g_array_unref (self->entries);
  g_free (self);
}

/* Case is matched a character for a character, so positions in the text
 * stay the same ("ß" is not made "ss") */
static gunichar
fold (gunichar c)
{
  return g_unichar_isspace (c) ? ' ' : g_unichar_tolower (c);
}

gboolean
pl_lexicon_add (PlLexicon   *self,
                const char  *written,
                const char  *said,
                const char  *language,
                GError     **error)
{
  g_autofree char *normal = NULL;
  Entry entry = { 0 };
  glong n = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (written == NULL || !pl_field_text_is_valid (pl_record_type_find_field (&pl_pronunciation_type,
                                                                                 "written"),
                                                  written) ||
      pl_text_is_blank (written))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("“%s” cannot be given a pronunciation: write a word or a few words, with "
                     "no brackets."), written != NULL ? written : "");
      return FALSE;
    }
  if (said == NULL || !pl_text_is_pronunciation (said))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("“%s” is not a way Plainly’s voice can say a word. Write it as it sounds, "
                     "like Whit-acker, or as espeak-ng phonemes in double brackets, like "
                     "[[w'ItAk@]]."), said != NULL ? said : "");
      return FALSE;
    }

  normal = g_utf8_normalize (written, -1, G_NORMALIZE_NFC);
  entry.written = g_utf8_to_ucs4_fast (normal, -1, &n);
  entry.n = n;
  for (glong i = 0; i < n; i++)
    entry.written[i] = fold (entry.written[i]);
  entry.said = g_utf8_normalize (said, -1, G_NORMALIZE_NFC);
  entry.language = g_strdup (language);
  g_array_append_val (self->entries, entry);
  return TRUE;
}

guint
pl_lexicon_get_size (const PlLexicon *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

const char *
pl_lexicon_match (const PlLexicon *self,
                  const gunichar  *text,
                  glong            n,
                  glong            start,
                  const char      *language,
                  glong           *end)
{
  const Entry *best = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (start >= n || (start > 0 && is_word_char (text[start - 1])))
    return NULL;

  for (guint e = 0; e < self->entries->len; e++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, e);
      glong i;

      if (start + entry->n > n || (best != NULL && entry->n <= best->n) ||
          (entry->language != NULL && !pl_pronunciation_same_language (entry->language, language)))
        continue;
      for (i = 0; i < entry->n; i++)
        if (fold (text[start + i]) != entry->written[i])
          break;
      if (i < entry->n || (start + i < n && is_word_char (text[start + i])))
        continue;
      best = entry;
    }

  if (best == NULL)
    return NULL;
  if (end != NULL)
    *end = start + best->n;
  return best->said;
}

gboolean
pl_lexicon_said_is_phonemes (const char *said)
{
  return said != NULL && g_str_has_prefix (said, "[[");
}

static PlLexicon *
lexicon_from (GPtrArray *entries)
{
  PlLexicon *self = pl_lexicon_new ();

  for (guint i = 0; i < entries->len; i++)
    {
      const PlPronunciation *entry = g_ptr_array_index (entries, i);

      /* A damaged entry reads as nothing written (or, for its language,
       * as none): left out, it says nothing wrong */
      if (!pl_text_is_blank (entry->language))
        pl_lexicon_add (self, entry->written, entry->said, entry->language, NULL);
    }
  return self;
}

PlLexicon *
pl_lexicon_new_for_person (PlStore  *store,
                           gint64    person_id,
                           GError  **error)
{
  g_autoptr(GPtrArray) entries = pl_pronunciation_list_for_person (store, person_id, error);

  return entries != NULL ? lexicon_from (entries) : NULL;
}

PlLexicon *
pl_lexicon_new_for_service (PlStore  *store,
                            gint64    service_id,
                            GError  **error)
{
  g_autoptr(GPtrArray) entries = pl_pronunciation_list_for_service (store, service_id, error);

  return entries != NULL ? lexicon_from (entries) : NULL;
}
