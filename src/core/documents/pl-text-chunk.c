/* pl-text-chunk.c: long text in pieces a layout can take
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>

#include "pl-text-chunk.h"

static gboolean
is_sentence_end (const char *text,
                 gsize       at)
{
  /* at is just after ". ", "! " or "? " (with a closing quote or bracket between) */
  gsize i = at;

  if (i < 2 || text[i - 1] != ' ')
    return FALSE;
  i--;
  while (i > 0 && strchr ("\"')]", text[i - 1]) != NULL)
    i--;
  return i > 0 && strchr (".!?", text[i - 1]) != NULL;
}

/* Where the piece from start ends: the best cut in (start + max / 2, limit] */
static gsize
find_cut (const char *text,
          gsize       start,
          gsize       limit,
          gsize       max_bytes)
{
  gsize low = start + MAX (max_bytes / 2, 1);
  const char *cut;

  for (gsize i = limit; i > low; i--)
    if (text[i - 1] == '\n')
      return i;
  for (gsize i = limit; i > low; i--)
    if (is_sentence_end (text, i))
      return i;
  for (gsize i = limit; i > low; i--)
    if (text[i - 1] == ' ')
      return i;

  /* One very long word: between two characters, never inside one */
  cut = g_utf8_find_prev_char (text + start, text + limit + 1);
  if (cut == NULL || cut <= text + start)
    return limit;
  return (gsize) (cut - text);
}

GArray *
pl_text_chunks (const char *text,
                gsize       max_bytes)
{
  GArray *chunks = g_array_new (FALSE, FALSE, sizeof (PlTextChunk));
  gsize length;
  gsize start = 0;

  g_return_val_if_fail (text != NULL, chunks);

  max_bytes = MAX (max_bytes, 8);
  length = strlen (text);
  do
    {
      PlTextChunk chunk = { start, length };

      if (length - start > max_bytes)
        chunk.end = find_cut (text, start, start + max_bytes, max_bytes);
      g_array_append_val (chunks, chunk);
      start = chunk.end;
    }
  while (start < length);

  return chunks;
}
