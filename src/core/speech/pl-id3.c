/* pl-id3.c: chapters in an MP3 file, so a phone can skip from part to part
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ID3v2.3 with the chapter frames of the ID3v2 Chapter Frame Addendum,
 * which podcast players and phones read. Text is UTF-16 with a byte order
 * mark, the one Unicode encoding version 2.3 has.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>

#include "pl-id3.h"

/* A CTOC frame counts its entries in one byte */
#define MAX_ENTRIES 255

static void
put32 (GByteArray *out,
       guint32     value)
{
  guint8 b[4] = { (value >> 24) & 0xff, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff };

  g_byte_array_append (out, b, 4);
}

static void
put_string (GByteArray *out,
            const char *text)
{
  g_byte_array_append (out, (const guint8 *) text, (guint) strlen (text) + 1);
}

/* A frame: its id, size and no flags, then body */
static void
put_frame (GByteArray *out,
           const char *id,
           GByteArray *body)
{
  static const guint8 no_flags[2] = { 0, 0 };

  g_byte_array_append (out, (const guint8 *) id, 4);
  put32 (out, body->len);
  g_byte_array_append (out, no_flags, 2);
  g_byte_array_append (out, body->data, body->len);
}

static void
put_title (GByteArray *out,
           const char *title)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();
  g_autofree char *valid = g_utf8_make_valid (title, -1);
  g_autofree gunichar2 *utf16 = NULL;
  glong n = 0;
  static const guint8 encoding_and_bom[3] = { 0x01, 0xff, 0xfe };
  static const guint8 end[2] = { 0, 0 };

  utf16 = g_utf8_to_utf16 (valid, -1, NULL, &n, NULL);
  g_byte_array_append (body, encoding_and_bom, 3);
  for (glong i = 0; utf16 != NULL && i < n; i++)
    {
      guint8 le[2] = { utf16[i] & 0xff, (utf16[i] >> 8) & 0xff };

      g_byte_array_append (body, le, 2);
    }
  g_byte_array_append (body, end, 2);
  put_frame (out, "TIT2", body);
}

static void
put_toc (GByteArray  *out,
         const char  *id,
         gboolean     top,
         GStrv        children)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();
  /* Bit 1: the top of the tree; bit 0: its entries are in order */
  guint8 flags = (top ? 0x02 : 0) | 0x01;
  guint8 count = (guint8) g_strv_length (children);

  put_string (body, id);
  g_byte_array_append (body, &flags, 1);
  g_byte_array_append (body, &count, 1);
  for (guint i = 0; children[i] != NULL; i++)
    put_string (body, children[i]);
  put_frame (out, "CTOC", body);
}

GByteArray *
pl_id3_chapter_tag (const char         *title,
                    const PlId3Chapter *chapters,
                    guint               n_chapters)
{
  g_autoptr(GByteArray) frames = g_byte_array_new ();
  GByteArray *tag;
  guint n_tables = (n_chapters + MAX_ENTRIES - 1) / MAX_ENTRIES;
  guint32 size;
  guint8 header[10] = { 'I', 'D', '3', 3, 0, 0 };

  g_return_val_if_fail (chapters != NULL || n_chapters == 0, NULL);
  g_return_val_if_fail (n_tables <= MAX_ENTRIES, NULL);

  if (title != NULL)
    put_title (frames, title);

  for (guint i = 0; i < n_chapters; i++)
    {
      g_autoptr(GByteArray) body = g_byte_array_new ();
      g_autofree char *id = g_strdup_printf ("ch%u", i + 1);

      put_string (body, id);
      put32 (body, chapters[i].start_ms);
      put32 (body, chapters[i].end_ms);
      /* Byte offsets: not given, so players go by the times */
      put32 (body, 0xffffffff);
      put32 (body, 0xffffffff);
      put_title (body, chapters[i].title != NULL ? chapters[i].title : "");
      put_frame (frames, "CHAP", body);
    }

  if (n_chapters > 0)
    {
      g_autoptr(GPtrArray) top = g_ptr_array_new_with_free_func (g_free);

      for (guint t = 0; t < n_tables; t++)
        {
          g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

          for (guint i = t * MAX_ENTRIES; i < MIN (n_chapters, (t + 1) * MAX_ENTRIES); i++)
            g_ptr_array_add (ids, g_strdup_printf ("ch%u", i + 1));
          g_ptr_array_add (ids, NULL);
          if (n_tables == 1)
            put_toc (frames, "toc", TRUE, (GStrv) ids->pdata);
          else
            {
              g_autofree char *id = g_strdup_printf ("toc%u", t + 1);

              put_toc (frames, id, FALSE, (GStrv) ids->pdata);
              g_ptr_array_add (top, g_steal_pointer (&id));
            }
        }
      if (n_tables > 1)
        {
          g_ptr_array_add (top, NULL);
          put_toc (frames, "toc", TRUE, (GStrv) top->pdata);
        }
    }

  /* The tag's size, seven bits a byte */
  size = frames->len;
  header[6] = (size >> 21) & 0x7f;
  header[7] = (size >> 14) & 0x7f;
  header[8] = (size >> 7) & 0x7f;
  header[9] = size & 0x7f;

  tag = g_byte_array_sized_new (10 + frames->len);
  g_byte_array_append (tag, header, 10);
  g_byte_array_append (tag, frames->data, frames->len);
  return tag;
}
