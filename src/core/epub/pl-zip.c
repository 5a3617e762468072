/* pl-zip.c: a ZIP file, as EPUB's container needs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The few structures of the ZIP format an EPUB uses (local headers, the
 * central directory and its end), with zlib's deflate and CRC-32. A
 * general library would add extra fields, which EPUB forbids on its first
 * entry, and Debian's minizip is a copy of zlib's example code.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "pl-i18n.h"
#include <gio/gio.h>
#include <zlib.h>

#include "pl-zip.h"

#define LOCAL_HEADER_SIZE   30
#define CENTRAL_HEADER_SIZE 46
#define END_SIZE            22
#define METHOD_STORED       0
#define METHOD_DEFLATED     8
#define VERSION_NEEDED      20
#define VERSION_MADE_BY     ((3 << 8) | 20)  /* Unix, so the mode below counts */

typedef struct
{
  char    *name;
  guint16  method;
  guint32  crc;
  guint32  compressed;
  guint32  size;
  guint32  offset;
} Entry;

struct _PlZipWriter
{
  PlOutputFile *output;
  GArray       *entries;     /* (element-type Entry) */
  goffset       offset;      /* where the next entry begins */
  goffset       open_data;   /* the data of the entry begun by begin_stored, or -1 */
  guint16       dos_time;
  guint16       dos_date;
};

static void
entry_clear (gpointer data)
{
  g_free (((Entry *) data)->name);
}

PlZipWriter *
pl_zip_writer_new (PlOutputFile *output)
{
  PlZipWriter *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (output != NULL, NULL);

  self = g_new0 (PlZipWriter, 1);
  self->output = output;
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->open_data = -1;
  /* MS-DOS time, in two-second steps from 1980 */
  self->dos_time = (guint16) ((g_date_time_get_hour (now) << 11) |
                              (g_date_time_get_minute (now) << 5) |
                              (g_date_time_get_second (now) / 2));
  self->dos_date = (guint16) (((MAX (g_date_time_get_year (now), 1980) - 1980) << 9) |
                              (g_date_time_get_month (now) << 5) |
                              g_date_time_get_day_of_month (now));
  return self;
}

void
pl_zip_writer_free (PlZipWriter *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->entries);
  g_free (self);
}

static void
put16 (GByteArray *out,
       guint       value)
{
  guint8 b[2] = { value & 0xff, (value >> 8) & 0xff };

  g_byte_array_append (out, b, 2);
}

static void
put32 (GByteArray *out,
       guint32     value)
{
  guint8 b[4] = { value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, (value >> 24) & 0xff };

  g_byte_array_append (out, b, 4);
}

static gboolean
too_big (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                       _("This is too long for one talking book. Save one part at a time."));
  return FALSE;
}

static GByteArray *
local_header (PlZipWriter *self,
              const Entry *entry)
{
  GByteArray *out = g_byte_array_sized_new (LOCAL_HEADER_SIZE + (guint) strlen (entry->name));

  put32 (out, 0x04034b50);
  put16 (out, VERSION_NEEDED);
  put16 (out, 0);               /* no flags: sizes are in this header */
  put16 (out, entry->method);
  put16 (out, self->dos_time);
  put16 (out, self->dos_date);
  put32 (out, entry->crc);
  put32 (out, entry->compressed);
  put32 (out, entry->size);
  put16 (out, (guint) strlen (entry->name));
  put16 (out, 0);               /* no extra field */
  g_byte_array_append (out, (const guint8 *) entry->name, (guint) strlen (entry->name));
  return out;
}

static gboolean
check_name (PlZipWriter *self,
            const char  *name)
{
  g_return_val_if_fail (name != NULL && *name != '\0' && strlen (name) < 0xffff, FALSE);
  g_return_val_if_fail (self->open_data < 0, FALSE);
  return TRUE;
}

gboolean
pl_zip_writer_add (PlZipWriter  *self,
                   const char   *name,
                   const void   *data,
                   gsize         size,
                   gboolean      compress,
                   GError      **error)
{
  g_autoptr(GByteArray) header = NULL;
  g_autofree guint8 *packed = NULL;
  const guint8 *body = data;
  gsize body_size = size;
  Entry entry = { 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || size == 0, FALSE);
  if (!check_name (self, name))
    return FALSE;
  if (size > G_MAXUINT32)
    return too_big (error);

  if (compress && size > 0)
    {
      z_stream z = { 0 };
      uLong bound;
      int status;

      if (deflateInit2 (&z, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8,
                        Z_DEFAULT_STRATEGY) != Z_OK)
        g_error ("zlib could not start deflate");
      bound = deflateBound (&z, (uLong) size);
      packed = g_malloc (bound);
      z.next_in = (Bytef *) data;
      z.avail_in = (uInt) size;
      z.next_out = packed;
      z.avail_out = (uInt) bound;
      status = deflate (&z, Z_FINISH);
      body_size = z.total_out;
      deflateEnd (&z);
      g_assert (status == Z_STREAM_END);
      /* Already compressed data stays as it is */
      if (body_size < size)
        {
          body = packed;
          entry.method = METHOD_DEFLATED;
        }
      else
        body_size = size;
    }

  if (self->offset + LOCAL_HEADER_SIZE + (goffset) strlen (name) + (goffset) body_size > G_MAXUINT32)
    return too_big (error);

  entry.name = g_strdup (name);
  entry.crc = (guint32) crc32 (crc32 (0, NULL, 0), data, (uInt) size);
  entry.compressed = (guint32) body_size;
  entry.size = (guint32) size;
  entry.offset = (guint32) self->offset;
  g_array_append_val (self->entries, entry);

  header = local_header (self, &entry);
  if (!pl_output_file_write_at (self->output, self->offset, header->data, header->len, error) ||
      !pl_output_file_write_at (self->output, self->offset + header->len, body, body_size, error))
    return FALSE;
  self->offset += header->len + (goffset) body_size;
  return TRUE;
}

gboolean
pl_zip_writer_begin_stored (PlZipWriter  *self,
                            const char   *name,
                            goffset      *out_offset,
                            GError      **error)
{
  Entry entry = { 0 };
  g_autoptr(GByteArray) header = NULL;
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out_offset != NULL, FALSE);
  if (!check_name (self, name))
    return FALSE;

  entry.name = g_strdup (name);
  entry.method = METHOD_STORED;
  entry.offset = (guint32) self->offset;
  g_array_append_val (self->entries, entry);

  /* Filled in again by end_stored, once the sizes and CRC are known */
  header = local_header (self, &entry);
  if (!pl_output_file_write_at (self->output, self->offset, header->data, header->len, error))
    return FALSE;
  self->open_data = self->offset + header->len;

  /* The other writer appends from here */
  fd = pl_output_file_get_fd (self->output);
  if (lseek (fd, (off_t) self->open_data, SEEK_SET) < 0 || ftruncate (fd, (off_t) self->open_data) != 0)
    {
      pl_output_file_set_failed (self->output, errno);
      return pl_output_file_check (self->output, error);
    }

  *out_offset = self->open_data;
  return TRUE;
}

gboolean
pl_zip_writer_end_stored (PlZipWriter  *self,
                          GError      **error)
{
  Entry *entry;
  g_autoptr(GByteArray) header = NULL;
  g_autofree guint8 *buffer = NULL;
  struct stat st;
  uLong crc = crc32 (0, NULL, 0);
  goffset at, end;
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->open_data >= 0, FALSE);

  if (!pl_output_file_check (self->output, error))
    return FALSE;
  fd = pl_output_file_get_fd (self->output);
  if (fstat (fd, &st) != 0)
    {
      pl_output_file_set_failed (self->output, errno);
      return pl_output_file_check (self->output, error);
    }
  end = (goffset) st.st_size;
  if (end > G_MAXUINT32)
    return too_big (error);

  /* The CRC of what the other writer left, read back in pieces */
  buffer = g_malloc (65536);
  for (at = self->open_data; at < end; )
    {
      ssize_t n = pread (fd, buffer, (size_t) MIN (end - at, 65536), (off_t) at);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          pl_output_file_set_failed (self->output, n < 0 ? errno : EIO);
          return pl_output_file_check (self->output, error);
        }
      crc = crc32 (crc, buffer, (uInt) n);
      at += n;
    }

  entry = &g_array_index (self->entries, Entry, self->entries->len - 1);
  entry->crc = (guint32) crc;
  entry->size = entry->compressed = (guint32) (end - self->open_data);
  header = local_header (self, entry);
  if (!pl_output_file_write_at (self->output, entry->offset, header->data, header->len, error))
    return FALSE;

  self->offset = end;
  self->open_data = -1;
  return TRUE;
}

gboolean
pl_zip_writer_finish (PlZipWriter  *self,
                      GError      **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint32 directory_size;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->open_data < 0, FALSE);

  if (self->entries->len > 0xffff)
    return too_big (error);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);

      put32 (out, 0x02014b50);
      put16 (out, VERSION_MADE_BY);
      put16 (out, VERSION_NEEDED);
      put16 (out, 0);
      put16 (out, entry->method);
      put16 (out, self->dos_time);
      put16 (out, self->dos_date);
      put32 (out, entry->crc);
      put32 (out, entry->compressed);
      put32 (out, entry->size);
      put16 (out, (guint) strlen (entry->name));
      put16 (out, 0);                     /* extra field */
      put16 (out, 0);                     /* comment */
      put16 (out, 0);                     /* disk */
      put16 (out, 0);                     /* internal attributes */
      put32 (out, (guint32) 0100600 << 16); /* a file only its owner reads, as the book itself */
      put32 (out, entry->offset);
      g_byte_array_append (out, (const guint8 *) entry->name, (guint) strlen (entry->name));
    }
  directory_size = out->len;

  if (self->offset + (goffset) out->len + END_SIZE > G_MAXUINT32)
    return too_big (error);

  put32 (out, 0x06054b50);
  put16 (out, 0);
  put16 (out, 0);
  put16 (out, self->entries->len);
  put16 (out, self->entries->len);
  put32 (out, directory_size);
  put32 (out, (guint32) self->offset);
  put16 (out, 0);

  if (!pl_output_file_write_at (self->output, self->offset, out->data, out->len, error))
    return FALSE;
  self->offset += out->len;
  return TRUE;
}
