/* pl-catalog.c: one language's translation of Plainly's words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The .mo format (GNU gettext manual, "The Format of GNU MO Files"): a
 * header of seven 32-bit words in the writer's byte order, then two tables
 * of (length, offset) pairs, the messages and their translations, each
 * string NUL-terminated. A message with a context is "context\4msgid"; a
 * plural message is "msgid\0msgid_plural" and its translation the forms
 * one after another, NUL-separated. Every offset is checked against the
 * file before use: a catalogue is a file on disk like any other.
 */

#include "config.h"

#include "pl-i18n.h"
#include "pl-plural.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#define MO_MAGIC 0x950412deU

/* More messages than Plainly will ever have; a larger count is damage */
#define MAX_MESSAGES 1000000

struct _PlCatalog
{
  gatomicrefcount ref_count;
  char           *language;
  GBytes         *bytes;
  GHashTable     *messages;   /* msgid (into bytes) -> Translation */
  PlPlural       *plural;     /* NULL: English's two forms */
};

typedef struct
{
  const char *text;   /* into bytes */
  gsize       length; /* all forms with the NULs between them */
} Translation;

G_DEFINE_BOXED_TYPE (PlCatalog, pl_catalog, pl_catalog_ref, pl_catalog_unref)

static gboolean
read_word (const guint8 *data,
           gsize         size,
           gsize         offset,
           gboolean      swapped,
           guint32      *out)
{
  guint32 word;

  if (offset > size || size - offset < 4)
    return FALSE;
  memcpy (&word, data + offset, 4);
  *out = swapped ? GUINT32_SWAP_LE_BE (word) : word;
  return TRUE;
}

/* The string of a table entry, if it lies inside the file and ends in NUL */
static const char *
read_string (const guint8 *data,
             gsize         size,
             guint32       table,
             guint32       index,
             gboolean      swapped,
             gsize        *length)
{
  guint32 len, offset;
  gsize entry = (gsize) table + (gsize) index * 8;

  if (!read_word (data, size, entry, swapped, &len) ||
      !read_word (data, size, entry + 4, swapped, &offset))
    return NULL;
  if (offset >= size || len >= size - offset || data[(gsize) offset + len] != '\0')
    return NULL;
  *length = len;
  return (const char *) data + offset;
}

/* Every form of a translation is UTF-8 (the NULs between them are not part
 * of any) */
static gboolean
forms_are_utf8 (const char *text,
                gsize       length)
{
  const char *end = text + length;

  while (text <= end)
    {
      gsize form = strlen (text);

      if (!g_utf8_validate (text, form, NULL))
        return FALSE;
      text += form + 1;
    }
  return TRUE;
}

/* The value of one "Name: value" line of the catalogue's header */
static char *
header_field (const char *header,
              const char *name)
{
  g_auto(GStrv) lines = g_strsplit (header, "\n", -1);
  gsize name_len = strlen (name);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_ascii_strncasecmp (lines[i], name, name_len) == 0 && lines[i][name_len] == ':')
      return g_strstrip (g_strdup (lines[i] + name_len + 1));
  return NULL;
}

static gboolean
read_header (PlCatalog   *self,
             const char  *header,
             GError     **error)
{
  g_autofree char *content_type = header_field (header, "Content-Type");
  g_autofree char *plural_forms = header_field (header, "Plural-Forms");

  if (content_type != NULL)
    {
      const char *charset = strstr (content_type, "charset=");

      if (charset != NULL &&
          g_ascii_strcasecmp (charset + strlen ("charset="), "UTF-8") != 0 &&
          g_ascii_strcasecmp (charset + strlen ("charset="), "ASCII") != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The translation is not written in UTF-8, so Plainly cannot show it."));
          return FALSE;
        }
    }

  if (plural_forms != NULL)
    {
      self->plural = pl_plural_new (plural_forms, error);
      if (self->plural == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_catalog (PlCatalog  *self,
              GError    **error)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (self->bytes, &size);
  guint32 magic = 0, revision, count, originals, translations;
  gboolean swapped;

  if (data == NULL || !read_word (data, size, 0, FALSE, &magic) ||
      (magic != MO_MAGIC && magic != GUINT32_SWAP_LE_BE (MO_MAGIC)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("This is not a translation file."));
      return FALSE;
    }
  swapped = magic != MO_MAGIC;

  if (!read_word (data, size, 4, swapped, &revision) ||
      !read_word (data, size, 8, swapped, &count) ||
      !read_word (data, size, 12, swapped, &originals) ||
      !read_word (data, size, 16, swapped, &translations) ||
      (revision >> 16) > 1 || count > MAX_MESSAGES)
    goto damaged;

  for (guint32 i = 0; i < count; i++)
    {
      gsize id_length, text_length;
      const char *id = read_string (data, size, originals, i, swapped, &id_length);
      const char *text = read_string (data, size, translations, i, swapped, &text_length);
      Translation *translation;

      if (id == NULL || text == NULL || !g_utf8_validate (id, -1, NULL))
        goto damaged;

      if (*id == '\0')
        {
          if (!read_header (self, text, error))
            return FALSE;
          continue;
        }

      if (!forms_are_utf8 (text, text_length))
        goto damaged;

      translation = g_new (Translation, 1);
      translation->text = text;
      translation->length = text_length;
      /* The key is the message (with its context), not its plural */
      g_hash_table_replace (self->messages, (gpointer) id, translation);
    }
  return TRUE;

damaged:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The translation file is damaged."));
  return FALSE;
}

PlCatalog *
pl_catalog_new_from_bytes (const char  *language,
                           GBytes      *bytes,
                           GError     **error)
{
  PlCatalog *self;

  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_new0 (PlCatalog, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->language = g_strdup (language);
  self->bytes = g_bytes_ref (bytes);
  self->messages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if (!read_catalog (self, error))
    {
      pl_catalog_unref (self);
      return NULL;
    }
  return self;
}

PlCatalog *
pl_catalog_load (const char  *language,
                 const char  *localedir,
                 const char  *domain,
                 GError     **error)
{
  g_autofree char *base = NULL;
  g_autofree char *without_region = NULL;
  g_autofree char *file_name = NULL;
  const char *tries[2];

  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (localedir != NULL, NULL);
  g_return_val_if_fail (domain != NULL, NULL);

  /* "cy_GB.UTF-8@euro" is tried as "cy_GB", then "cy" */
  base = g_strndup (language, strcspn (language, ".@"));
  if (strchr (base, '_') != NULL)
    without_region = g_strndup (base, strcspn (base, "_"));
  tries[0] = base;
  tries[1] = without_region;
  file_name = g_strconcat (domain, ".mo", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tries) && tries[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (localedir, tries[i], "LC_MESSAGES",
                                                file_name, NULL);
      g_autoptr(GMappedFile) file = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;
      PlCatalog *catalog;

      file = g_mapped_file_new (path, FALSE, &local_error);
      if (file == NULL)
        {
          if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
            continue;
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("The translation for “%s” could not be read: %s"),
                       language, local_error->message);
          return NULL;
        }

      bytes = g_mapped_file_get_bytes (file);
      catalog = pl_catalog_new_from_bytes (tries[i], bytes, &local_error);
      if (catalog == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("The translation for “%s” cannot be used: %s"),
                     language, local_error->message);
      return catalog;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("Plainly has no translation for “%s”."), language);
  return NULL;
}

PlCatalog *
pl_catalog_ref (PlCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  g_atomic_ref_count_inc (&catalog->ref_count);
  return catalog;
}

void
pl_catalog_unref (PlCatalog *catalog)
{
  g_return_if_fail (catalog != NULL);

  if (!g_atomic_ref_count_dec (&catalog->ref_count))
    return;
  g_hash_table_unref (catalog->messages);
  g_clear_pointer (&catalog->plural, pl_plural_free);
  g_bytes_unref (catalog->bytes);
  g_free (catalog->language);
  g_free (catalog);
}

const char *
pl_catalog_get_language (const PlCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  return catalog->language;
}

guint
pl_catalog_get_n_plurals (const PlCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, 2);
  return catalog->plural != NULL ? pl_plural_get_n_forms (catalog->plural) : 2;
}

guint
pl_catalog_get_n_messages (const PlCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, 0);
  return g_hash_table_size (catalog->messages);
}

static void
pl_catalog_unref_or_null (PlCatalog *catalog)
{
  if (catalog != NULL)
    pl_catalog_unref (catalog);
}

static const Translation *
lookup (const PlCatalog *catalog,
        const char      *context,
        const char      *msgid)
{
  g_autofree char *key = NULL;

  if (catalog == NULL || msgid == NULL || *msgid == '\0')
    return NULL;
  if (context == NULL)
    return g_hash_table_lookup (catalog->messages, msgid);
  key = g_strconcat (context, "\004", msgid, NULL);
  return g_hash_table_lookup (catalog->messages, key);
}

const char *
pl_catalog_gettext (const PlCatalog *catalog,
                    const char      *msgid)
{
  return pl_catalog_pgettext (catalog, NULL, msgid);
}

const char *
pl_catalog_pgettext (const PlCatalog *catalog,
                     const char      *context,
                     const char      *msgid)
{
  const Translation *translation = lookup (catalog, context, msgid);

  return translation != NULL ? translation->text : msgid;
}

const char *
pl_catalog_ngettext (const PlCatalog *catalog,
                     const char      *msgid,
                     const char      *msgid_plural,
                     gulong           n)
{
  return pl_catalog_npgettext (catalog, NULL, msgid, msgid_plural, n);
}

const char *
pl_catalog_npgettext (const PlCatalog *catalog,
                      const char      *context,
                      const char      *msgid,
                      const char      *msgid_plural,
                      gulong           n)
{
  const Translation *translation = lookup (catalog, context, msgid);
  const char *form;
  const char *end;
  guint index;

  if (translation == NULL)
    return n == 1 ? msgid : msgid_plural;

  index = catalog->plural != NULL ? pl_plural_choose (catalog->plural, n) : (n == 1 ? 0 : 1);
  form = translation->text;
  end = translation->text + translation->length;
  for (guint i = 0; i < index; i++)
    {
      form += strlen (form) + 1;
      /* A translation with fewer forms than its rule names is incomplete:
       * better the English than nothing */
      if (form > end)
        return n == 1 ? msgid : msgid_plural;
    }
  return *form != '\0' ? form : (n == 1 ? msgid : msgid_plural);
}

static GMutex loaded_lock;
static GHashTable *loaded;   /* language tag -> PlCatalog, or NULL for none */

PlCatalog *
pl_catalog_for_language (const char *language)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *tag = NULL;
  PlCatalog *catalog = NULL;
  const char *localedir;

  if (language == NULL || *language == '\0')
    return NULL;

  /* "pl-PL" as gettext names it, "pl_PL"; English is the words as written */
  tag = g_strdelimit (g_strdup (language), "-", '_');
  if (g_ascii_strncasecmp (tag, "en", 2) == 0 && (tag[2] == '\0' || tag[2] == '_'))
    return NULL;

  locker = g_mutex_locker_new (&loaded_lock);
  if (loaded == NULL)
    loaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) pl_catalog_unref_or_null);
  if (g_hash_table_lookup_extended (loaded, tag, NULL, (gpointer *) &catalog))
    return catalog;

  localedir = g_getenv ("PLAINLY_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  {
    g_autoptr(GError) error = NULL;

    catalog = pl_catalog_load (tag, localedir, GETTEXT_PACKAGE, &error);
    if (catalog == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
      g_warning ("%s", error->message);
  }
  g_hash_table_insert (loaded, g_steal_pointer (&tag), catalog);
  return catalog;
}

/* The thread-default stack: pushes nest, NULL entries included */
static void
free_stack (gpointer data)
{
  g_ptr_array_unref (data);
}

static GPrivate thread_stack = G_PRIVATE_INIT (free_stack);

static GPtrArray *
get_stack (void)
{
  GPtrArray *stack = g_private_get (&thread_stack);

  if (stack == NULL)
    {
      stack = g_ptr_array_new ();
      g_private_set (&thread_stack, stack);
    }
  return stack;
}

void
pl_catalog_push_thread_default (PlCatalog *catalog)
{
  g_ptr_array_add (get_stack (), catalog != NULL ? pl_catalog_ref (catalog) : NULL);
}

void
pl_catalog_pop_thread_default (PlCatalog *catalog)
{
  GPtrArray *stack = get_stack ();
  PlCatalog *top;

  g_return_if_fail (stack->len > 0);
  top = g_ptr_array_index (stack, stack->len - 1);
  g_return_if_fail (top == catalog);

  g_ptr_array_remove_index (stack, stack->len - 1);
  if (top != NULL)
    pl_catalog_unref (top);
}

gboolean
pl_catalog_has_thread_default (void)
{
  GPtrArray *stack = g_private_get (&thread_stack);

  return stack != NULL && stack->len > 0;
}

PlCatalog *
pl_catalog_get_thread_default (void)
{
  GPtrArray *stack = g_private_get (&thread_stack);

  if (stack == NULL || stack->len == 0)
    return NULL;
  return g_ptr_array_index (stack, stack->len - 1);
}

/* _(), C_() and ngettext() of pl-i18n.h */

const char *
pl_gettext (const char *msgid)
{
  if (pl_catalog_has_thread_default ())
    return pl_catalog_gettext (pl_catalog_get_thread_default (), msgid);
  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

const char *
pl_pgettext (const char *context,
             const char *msgid)
{
  if (pl_catalog_has_thread_default ())
    return pl_catalog_pgettext (pl_catalog_get_thread_default (), context, msgid);
  return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);
}

const char *
pl_ngettext (const char *msgid,
             const char *msgid_plural,
             gulong      n)
{
  if (pl_catalog_has_thread_default ())
    return pl_catalog_ngettext (pl_catalog_get_thread_default (), msgid, msgid_plural, n);
  return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
}

gboolean
pl_catalog_push_language (const char *language)
{
  if (language == NULL || *language == '\0')
    return FALSE;
  pl_catalog_push_thread_default (pl_catalog_for_language (language));
  return TRUE;
}

void
pl_catalog_pop_language (const char *language,
                         gboolean    pushed)
{
  if (pushed)
    pl_catalog_pop_thread_default (pl_catalog_for_language (language));
}

gboolean
pl_language_is_rtl (const char *language)
{
  static const char * const rtl[] = { "ar", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi" };
  gsize length;

  if (language == NULL)
    return FALSE;
  length = strcspn (language, "-_.@");
  for (guint i = 0; i < G_N_ELEMENTS (rtl); i++)
    if (length == strlen (rtl[i]) && g_ascii_strncasecmp (language, rtl[i], length) == 0)
      return TRUE;
  return FALSE;
}

gboolean
pl_catalog_is_rtl (void)
{
  const char * const *computer;

  if (pl_catalog_has_thread_default ())
    {
      PlCatalog *catalog = pl_catalog_get_thread_default ();

      /* NULL is English, the words as written */
      return catalog != NULL && pl_language_is_rtl (pl_catalog_get_language (catalog));
    }
  computer = g_get_language_names ();
  return computer[0] != NULL && pl_language_is_rtl (computer[0]);
}

char *
pl_catalog_isolate (const char *text)
{
  if (text == NULL)
    text = "";
  if (!pl_catalog_is_rtl ())
    return g_strdup (text);
  return g_strconcat ("\u2068", text, "\u2069", NULL);
}

gboolean
pl_unichar_is_direction_control (gunichar c)
{
  return c == 0x200E || c == 0x200F || c == 0x061C ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

char *
pl_catalog_strip_isolates (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!pl_unichar_is_direction_control (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}
