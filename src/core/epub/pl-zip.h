/* pl-zip.h: a ZIP file, as EPUB's container needs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Entries are written in the order added, each stored or deflated, with
 * no extra fields and no data descriptors, so the first entry can be the
 * EPUB's "mimetype" exactly as the standard asks. Writes through a
 * PlOutputFile, which the caller commits once pl_zip_writer_finish ()
 * has written the central directory.
 */

#pragma once

#include <glib.h>

#include "pl-output-file.h"

G_BEGIN_DECLS

typedef struct _PlZipWriter PlZipWriter;

/* output is borrowed: it must outlive the writer */
PlZipWriter *pl_zip_writer_new          (PlOutputFile  *output);
/* One whole entry; compress deflates it, else it is stored as it is */
gboolean     pl_zip_writer_add          (PlZipWriter   *self,
                                         const char    *name,
                                         const void    *data,
                                         gsize          size,
                                         gboolean       compress,
                                         GError       **error);
/* A stored entry whose data someone else writes into the output, from
 * *out_offset on (an encoder that seeks within its own part); end_stored
 * takes everything from there to the end of the file as its data */
gboolean     pl_zip_writer_begin_stored (PlZipWriter   *self,
                                         const char    *name,
                                         goffset       *out_offset,
                                         GError       **error);
gboolean     pl_zip_writer_end_stored   (PlZipWriter   *self,
                                         GError       **error);
/* The central directory; the output is then whole, ready to commit */
gboolean     pl_zip_writer_finish       (PlZipWriter   *self,
                                         GError       **error);
void         pl_zip_writer_free         (PlZipWriter   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlZipWriter, pl_zip_writer_free)

G_END_DECLS
