/* pl-document.c: the ordered blocks every presenter reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include "pl-i18n.h"

#include "pl-document-private.h"

struct _PlDocument
{
  GObject     parent_instance;

  char       *title;
  char       *version;
  char       *owner;
  char       *language;
  GPtrArray  *blocks;          /* (element-type PlBlock) */
  GHashTable *anchors;         /* anchor → index + 1 */
  char       *heading_anchor;  /* the last heading's, the base for derived anchors */
  guint       n_derived;       /* anchors derived from it so far */
  guint       n_headings;      /* headings given no anchor so far */
  GPtrArray  *symbol_choices;  /* (element-type PlSymbolChoice) (nullable) */
};

G_DEFINE_FINAL_TYPE (PlDocument, pl_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
block_free (gpointer data)
{
  PlBlock *block = data;

  g_free (block->anchor);
  g_free (block->label);
  g_free (block->text);
  g_free (block->target);
  g_free (block->easy_read);
  g_free (block->language);
  g_free (block);
}

static void
pl_document_finalize (GObject *object)
{
  PlDocument *self = PL_DOCUMENT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->anchors, g_hash_table_unref);
  g_clear_pointer (&self->heading_anchor, g_free);
  g_clear_pointer (&self->symbol_choices, g_ptr_array_unref);

  G_OBJECT_CLASS (pl_document_parent_class)->finalize (object);
}

static void
pl_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PlDocument *self = PL_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PlDocument *self = PL_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_strdup (g_value_get_string (value));
      if (self->title == NULL)
        self->title = g_strdup ("");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_document_class_init (PlDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pl_document_finalize;
  object_class->get_property = pl_document_get_property;
  object_class->set_property = pl_document_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pl_document_init (PlDocument *self)
{
  self->title = g_strdup ("");
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

PlDocument *
pl_document_new (const char *title)
{
  return g_object_new (PL_TYPE_DOCUMENT, "title", title, NULL);
}

const char *
pl_document_get_title (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);

  return self->title;
}

char *
pl_document_dup_file_title (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);

  return g_strdelimit (pl_catalog_strip_isolates (self->title), "/\\", '-');
}

guint
pl_document_get_n_blocks (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), 0);

  return self->blocks->len;
}

const PlBlock *
pl_document_get_block (PlDocument *self,
                       guint       index)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return g_ptr_array_index (self->blocks, index);
}

int
pl_document_find_anchor (PlDocument *self,
                         const char *anchor)
{
  gpointer value;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), -1);

  if (anchor == NULL)
    return -1;

  value = g_hash_table_lookup (self->anchors, anchor);
  if (value == NULL)
    return -1;
  return GPOINTER_TO_INT (value) - 1;
}

/* base-1, base-2…: the first that is free. Builds of the same record add the
 * same blocks in the same order, so the numbers come out the same each time,
 * which is what makes derived anchors stable. */
static char *
unique_anchor (PlDocument *self,
               const char *base)
{
  for (guint n = 1; ; n++)
    {
      char *anchor = g_strdup_printf ("%s-%u", base, n);

      if (!g_hash_table_contains (self->anchors, anchor))
        return anchor;
      g_free (anchor);
    }
}

/* Whatever the store held, presenters get valid UTF-8, composed (NFC):
 * an accent typed as a separate mark ("e" and U+0301) looks the same on
 * screen but espeak-ng misreads it, and braille tables expect it composed */
static char *
valid_text (const char *text)
{
  g_autofree char *valid = NULL;
  char *composed;

  if (text == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (text, -1);
  for (const char *p = valid; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      {
        composed = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
        if (composed != NULL)
          return composed;
        break;
      }
  return g_steal_pointer (&valid);
}

static gboolean
kind_has_label (PlBlockKind kind)
{
  switch (kind)
    {
    case PL_BLOCK_FIELD:
    case PL_BLOCK_CONTACT:
    case PL_BLOCK_QUESTION:
      return TRUE;

    case PL_BLOCK_HEADING:
    case PL_BLOCK_PARAGRAPH:
    case PL_BLOCK_LIST_ITEM:
    case PL_BLOCK_LINK:
    case PL_BLOCK_NOTICE:
    default:
      return FALSE;
    }
}

static PlBlock *
append_block (PlDocument  *self,
              PlBlockKind  kind,
              int          level,
              const char  *anchor,
              const char  *label,
              const char  *text)
{
  PlBlock *block = g_new0 (PlBlock, 1);

  block->kind = kind;
  block->level = level;
  block->text = valid_text (text);
  if (kind_has_label (kind) && label != NULL)
    block->label = valid_text (label);

  if ((anchor == NULL || *anchor == '\0') && kind == PL_BLOCK_HEADING)
    {
      /* Numbered through the document, never from the heading before: a
       * heading named after the one before would grow with each heading */
      do
        {
          g_free (block->anchor);
          block->anchor = g_strdup_printf ("heading-%u", ++self->n_headings);
        }
      while (g_hash_table_contains (self->anchors, block->anchor));
    }
  else if (anchor == NULL || *anchor == '\0')
    {
      const char *base = self->heading_anchor != NULL ? self->heading_anchor : "top";

      do
        {
          g_free (block->anchor);
          block->anchor = g_strdup_printf ("%s-%u", base, ++self->n_derived);
        }
      while (g_hash_table_contains (self->anchors, block->anchor));
    }
  else if (g_hash_table_contains (self->anchors, anchor))
    {
      /* Builders choose anchors from record ids and fixed names, so a clash is
       * a bug; the document still has to stay usable. The title is left out
       * of the message: it holds the person's name, and logs hold nothing personal. */
      g_critical ("Anchor “%s” is used twice in one document", anchor);
      block->anchor = unique_anchor (self, anchor);
    }
  else
    {
      block->anchor = g_strdup (anchor);
    }

  g_ptr_array_add (self->blocks, block);
  g_hash_table_insert (self->anchors, g_strdup (block->anchor),
                       GINT_TO_POINTER ((int) self->blocks->len));

  if (kind == PL_BLOCK_HEADING)
    {
      g_free (self->heading_anchor);
      self->heading_anchor = g_strdup (block->anchor);
      self->n_derived = 0;
    }

  return block;
}

const PlBlock *
pl_document_add (PlDocument  *self,
                 PlBlockKind  kind,
                 int          level,
                 const char  *anchor,
                 const char  *label,
                 const char  *text)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (kind != PL_BLOCK_LINK, NULL);

  return append_block (self, kind, level, anchor, label, text);
}

void
pl_document_set_block_easy_read (PlDocument *self,
                                 guint       index,
                                 const char *easy_read,
                                 guint       span)
{
  PlBlock *block;

  g_return_if_fail (PL_IS_DOCUMENT (self));
  g_return_if_fail (index < self->blocks->len);

  block = g_ptr_array_index (self->blocks, index);
  g_return_if_fail (block->kind == PL_BLOCK_HEADING);
  g_free (block->easy_read);
  block->easy_read = pl_text_is_blank (easy_read) ? NULL : g_strdup (easy_read);
  /* The blocks it stands for may not be added yet (a copy made in order) */
  block->easy_read_span = block->easy_read != NULL ? span : 0;
}

void
pl_document_set_block_language (PlDocument *self,
                                guint       index,
                                const char *language)
{
  PlBlock *block;

  g_return_if_fail (PL_IS_DOCUMENT (self));
  g_return_if_fail (index < self->blocks->len);

  block = g_ptr_array_index (self->blocks, index);
  g_free (block->language);
  /* The document's own language needs no mark */
  block->language = pl_text_is_blank (language) ||
                    (self->language != NULL && g_ascii_strcasecmp (language, self->language) == 0)
                    ? NULL : g_strdup (language);
}

const char *
pl_block_get_language (const PlBlock *block,
                       PlDocument    *document)
{
  g_return_val_if_fail (block != NULL, NULL);

  if (block->language != NULL)
    return block->language;
  return document != NULL ? pl_document_get_language (document) : NULL;
}

GPtrArray *
pl_document_get_symbol_choices (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);

  return self->symbol_choices;
}

void
pl_document_set_symbol_choices (PlDocument *self,
                                GPtrArray  *choices)
{
  g_return_if_fail (PL_IS_DOCUMENT (self));

  if (choices != NULL)
    g_ptr_array_ref (choices);
  g_clear_pointer (&self->symbol_choices, g_ptr_array_unref);
  self->symbol_choices = choices;
}

const PlBlock *
pl_document_add_link (PlDocument *self,
                      const char *text,
                      const char *target)
{
  PlBlock *block;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (target != NULL, NULL);

  block = append_block (self, PL_BLOCK_LINK, 1, NULL, NULL, text);
  block->target = g_strdup (target);

  return block;
}

static PlBlock *
block_at (PlDocument *self,
          guint       index)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return g_ptr_array_index (self->blocks, index);
}

void
pl_document_set_block_flags (PlDocument   *self,
                             guint         index,
                             PlBlockFlags  flags)
{
  PlBlock *block = block_at (self, index);

  if (block != NULL)
    block->flags = flags;
}

void
pl_document_set_block_record (PlDocument         *self,
                              guint               index,
                              const PlRecordType *type,
                              gint64              id)
{
  PlBlock *block = block_at (self, index);

  if (block != NULL)
    {
      block->record_type = type;
      block->record_id = type != NULL ? id : 0;
    }
}

int
pl_document_find_record (PlDocument         *self,
                         const PlRecordType *type,
                         gint64              id)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), -1);
  g_return_val_if_fail (type != NULL, -1);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const PlBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->record_type == type && block->record_id == id)
        return (int) i;
    }
  return -1;
}

gint64
pl_document_record_near (PlDocument         *self,
                         guint               index,
                         const PlRecordType *type)
{
  guint n;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (type != NULL, 0);

  n = self->blocks->len;
  if (n == 0)
    return 0;
  for (int i = (int) MIN (index, n - 1); i >= 0; i--)
    {
      const PlBlock *block = g_ptr_array_index (self->blocks, (guint) i);

      if (block->record_type == type)
        return block->record_id;
    }
  for (guint i = index; i < n; i++)
    {
      const PlBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->record_type == type)
        return block->record_id;
    }
  return 0;
}

const char *
pl_document_get_version (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);

  return self->version;
}

void
pl_document_set_version (PlDocument *self,
                         const char *version)
{
  g_return_if_fail (PL_IS_DOCUMENT (self));

  g_free (self->version);
  self->version = g_strdup (version);
}

const char *
pl_document_get_owner (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);

  return self->owner;
}

void
pl_document_set_owner (PlDocument *self,
                       const char *owner)
{
  g_return_if_fail (PL_IS_DOCUMENT (self));

  g_free (self->owner);
  self->owner = g_strdup (owner);
}

const char *
pl_document_get_language (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);

  return self->language;
}

void
pl_document_set_language (PlDocument *self,
                          const char *language)
{
  g_return_if_fail (PL_IS_DOCUMENT (self));

  g_free (self->language);
  self->language = g_strdup (language);
  /* A part in the document's own language needs no mark */
  for (guint i = 0; language != NULL && i < self->blocks->len; i++)
    {
      PlBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->language != NULL && g_ascii_strcasecmp (block->language, language) == 0)
        g_clear_pointer (&block->language, g_free);
    }
}

gboolean
pl_document_has_changes (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);

  for (guint i = 0; i < self->blocks->len; i++)
    if (((const PlBlock *) g_ptr_array_index (self->blocks, i))->flags & PL_BLOCK_CHANGED)
      return TRUE;
  return FALSE;
}

gboolean
pl_document_equal (PlDocument *a,
                   PlDocument *b)
{
  g_return_val_if_fail (a == NULL || PL_IS_DOCUMENT (a), FALSE);
  g_return_val_if_fail (b == NULL || PL_IS_DOCUMENT (b), FALSE);

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || a->blocks->len != b->blocks->len ||
      g_strcmp0 (a->title, b->title) != 0 || g_strcmp0 (a->version, b->version) != 0 ||
      g_strcmp0 (a->owner, b->owner) != 0 || g_strcmp0 (a->language, b->language) != 0)
    return FALSE;

  for (guint i = 0; i < a->blocks->len; i++)
    {
      const PlBlock *x = g_ptr_array_index (a->blocks, i);
      const PlBlock *y = g_ptr_array_index (b->blocks, i);

      if (x->kind != y->kind || x->level != y->level || x->flags != y->flags ||
          x->record_type != y->record_type || x->record_id != y->record_id ||
          g_strcmp0 (x->anchor, y->anchor) != 0 || g_strcmp0 (x->label, y->label) != 0 ||
          g_strcmp0 (x->text, y->text) != 0 || g_strcmp0 (x->target, y->target) != 0 ||
          g_strcmp0 (x->easy_read, y->easy_read) != 0 || x->easy_read_span != y->easy_read_span ||
          g_strcmp0 (x->language, y->language) != 0)
        return FALSE;
    }
  return TRUE;
}

const char *
pl_block_kind_to_string (PlBlockKind kind)
{
  switch (kind)
    {
    case PL_BLOCK_HEADING:
      return "heading";
    case PL_BLOCK_PARAGRAPH:
      return "paragraph";
    case PL_BLOCK_LIST_ITEM:
      return "list-item";
    case PL_BLOCK_FIELD:
      return "field";
    case PL_BLOCK_CONTACT:
      return "contact";
    case PL_BLOCK_QUESTION:
      return "question";
    case PL_BLOCK_LINK:
      return "link";
    case PL_BLOCK_NOTICE:
      return "notice";
    default:
      return "unknown";
    }
}

/* Appends text, starting each line after the first with indent */
static void
append_indented (GString    *out,
                 const char *text,
                 const char *indent)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      g_string_append_c (out, *p);
      if (*p == '\n' && p[1] != '\0')
        g_string_append (out, indent);
    }
}

/* The line beside a changed block in plain text */
#define CHANGED_MARK "┃ "

/* Runs of these read as one group, with no blank line between them */
static gboolean
kind_groups (PlBlockKind kind)
{
  switch (kind)
    {
    case PL_BLOCK_LIST_ITEM:
    case PL_BLOCK_FIELD:
    case PL_BLOCK_LINK:
      return TRUE;

    case PL_BLOCK_HEADING:
    case PL_BLOCK_PARAGRAPH:
    case PL_BLOCK_CONTACT:
    case PL_BLOCK_QUESTION:
    case PL_BLOCK_NOTICE:
    default:
      return FALSE;
    }
}

GArray *
pl_document_get_part_starts (PlDocument *self)
{
  GArray *starts;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);

  starts = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const PlBlock *block = g_ptr_array_index (self->blocks, i);
      const PlBlock *previous = i > 0 ? g_ptr_array_index (self->blocks, i - 1) : NULL;

      /* A title straight above its first part's heading stays with it */
      if (i == 0 || (block->kind == PL_BLOCK_HEADING && block->level <= 2 &&
                     previous->kind != PL_BLOCK_HEADING))
        g_array_append_val (starts, i);
    }
  return starts;
}

char *
pl_document_to_text (PlDocument *self)
{
  GString *out;
  const PlBlock *previous = NULL;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);

  out = g_string_new (NULL);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const PlBlock *block = g_ptr_array_index (self->blocks, i);
      gsize start;

      /* One-line fields and items read as a group; anything longer stands apart */
      if (previous != NULL &&
          !(previous->kind == block->kind && kind_groups (block->kind) &&
            strchr (previous->text, '\n') == NULL && strchr (block->text, '\n') == NULL))
        g_string_append_c (out, '\n');
      start = out->len;

      switch (block->kind)
        {
        case PL_BLOCK_HEADING:
          for (int l = 0; l < CLAMP (block->level, 1, 6); l++)
            g_string_append_c (out, '#');
          g_string_append_c (out, ' ');
          append_indented (out, block->text, "  ");
          break;

        case PL_BLOCK_PARAGRAPH:
          g_string_append (out, block->text);
          break;

        case PL_BLOCK_LIST_ITEM:
          for (int l = 1; l < block->level; l++)
            g_string_append (out, "  ");
          g_string_append (out, "• ");
          append_indented (out, block->text, "  ");
          break;

        case PL_BLOCK_FIELD:
          g_string_append_printf (out, "%s: ", block->label != NULL ? block->label : "");
          append_indented (out, block->text, "  ");
          break;

        case PL_BLOCK_CONTACT:
          g_string_append_printf (out, "%s:\n  ", block->label != NULL ? block->label : "");
          append_indented (out, block->text, "  ");
          break;

        case PL_BLOCK_QUESTION:
          g_string_append (out, block->label != NULL ? block->label : "");
          if (*block->text != '\0')
            {
              g_string_append (out, "\n  ");
              append_indented (out, block->text, "  ");
            }
          break;

        case PL_BLOCK_LINK:
          g_string_append (out, "→ ");
          g_string_append (out, block->text);
          break;

        case PL_BLOCK_NOTICE:
          g_string_append (out, "! ");
          append_indented (out, block->text, "! ");
          break;

        default:
          g_string_append (out, block->text);
          break;
        }

      /* A change has a line beside it, as on the screen and the page */
      if (block->flags & PL_BLOCK_CHANGED)
        {
          for (gsize at = start; at < out->len; at++)
            if (at == start || out->str[at - 1] == '\n')
              {
                g_string_insert (out, (gssize) at, CHANGED_MARK);
                at += strlen (CHANGED_MARK);
              }
        }

      g_string_append_c (out, '\n');
      previous = block;
    }

  return g_string_free (out, FALSE);
}

/* Dates and times in words */

/* The day of the week as a date writes it, which is not always as a
 * heading does (Romanian and Polish write it in lower case inside a
 * sentence) */
static const char *
weekday_in_date (GDateWeekday weekday)
{
  switch (weekday)
    {
    case G_DATE_MONDAY:
      return C_("weekday in a date", "Monday");
    case G_DATE_TUESDAY:
      return C_("weekday in a date", "Tuesday");
    case G_DATE_WEDNESDAY:
      return C_("weekday in a date", "Wednesday");
    case G_DATE_THURSDAY:
      return C_("weekday in a date", "Thursday");
    case G_DATE_FRIDAY:
      return C_("weekday in a date", "Friday");
    case G_DATE_SATURDAY:
      return C_("weekday in a date", "Saturday");
    case G_DATE_SUNDAY:
      return C_("weekday in a date", "Sunday");
    case G_DATE_BAD_WEEKDAY:
    default:
      return "";
    }
}

/* "2026-11-16", or the date part of "2026-11-16T09:30:00Z" */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int y, m, d, n = 0;

  if (text == NULL || strlen (text) < 10)
    return FALSE;
  if (text[10] != '\0' && text[10] != 'T' && text[10] != ' ')
    return FALSE;
  if (sscanf (text, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

char *
pl_date_to_words (const char *iso_date)
{
  GDate date;
  const char *weekday;
  int day, year;

  if (!parse_date (iso_date, &date))
    return g_strdup (iso_date != NULL ? iso_date : "");

  weekday = weekday_in_date (g_date_get_weekday (&date));
  day = (int) g_date_get_day (&date);
  year = (int) g_date_get_year (&date);

  /* A whole date a month, not a month's name put into a pattern: many
   * languages change the month's form in a date (Polish "16 listopada"),
   * and some its order */
  switch (g_date_get_month (&date))
    {
    case G_DATE_JANUARY:
      /* Translators: a date in words, "Monday 16 November 2026": %1$s is
       * the day of the week, %2$d the day of the month, %3$d the year. Write
       * the month as your language writes it in a date, the parts in its order. */
      return g_strdup_printf (C_("date", "%1$s %2$d January %3$d"), weekday, day, year);
    case G_DATE_FEBRUARY:
      /* Translators: a date in words; see the note on January's */
      return g_strdup_printf (C_("date", "%1$s %2$d February %3$d"), weekday, day, year);
    case G_DATE_MARCH:
      /* Translators: a date in words; see the note on January's */
      return g_strdup_printf (C_("date", "%1$s %2$d March %3$d"), weekday, day, year);
    case G_DATE_APRIL:
      /* Translators: a date in words; see the note on January's */
      return g_strdup_printf (C_("date", "%1$s %2$d April %3$d"), weekday, day, year);
    case G_DATE_MAY:
      /* Translators: a date in words; see the note on January's */
      return g_strdup_printf (C_("date", "%1$s %2$d May %3$d"), weekday, day, year);
    case G_DATE_JUNE:
      /* Translators: a date in words; see the note on January's */
      return g_strdup_printf (C_("date", "%1$s %2$d June %3$d"), weekday, day, year);
    case G_DATE_JULY:
      /* Translators: a date in words; see the note on January's */
      return g_strdup_printf (C_("date", "%1$s %2$d July %3$d"), weekday, day, year);
    case G_DATE_AUGUST:
      /* Translators: a date in words; see the note on January's */
      return g_strdup_printf (C_("date", "%1$s %2$d August %3$d"), weekday, day, year);
    case G_DATE_SEPTEMBER:
      /* Translators: a date in words; see the note on January's */
      return g_strdup_printf (C_("date", "%1$s %2$d September %3$d"), weekday, day, year);
    case G_DATE_OCTOBER:
      /* Translators: a date in words; see the note on January's */
      return g_strdup_printf (C_("date", "%1$s %2$d October %3$d"), weekday, day, year);
    case G_DATE_NOVEMBER:
      /* Translators: a date in words; see the note on January's */
      return g_strdup_printf (C_("date", "%1$s %2$d November %3$d"), weekday, day, year);
    case G_DATE_DECEMBER:
      /* Translators: a date in words; see the note on January's */
      return g_strdup_printf (C_("date", "%1$s %2$d December %3$d"), weekday, day, year);
    case G_DATE_BAD_MONTH:
    default:
      return g_strdup (iso_date);
    }
}

char *
pl_time_to_words (const char *hh_mm)
{
  int hours, minutes, n = 0, hour12;

  if (hh_mm == NULL)
    return g_strdup ("");
  if (sscanf (hh_mm, "%2d:%2d%n", &hours, &minutes, &n) != 2 ||
      (hh_mm[n] != '\0' && hh_mm[n] != ':') ||
      hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
    return g_strdup (hh_mm);

  if (hours == 0 && minutes == 0)
    return g_strdup (_("midnight"));
  if (hours == 12 && minutes == 0)
    return g_strdup (_("midday"));

  /* A twelve-hour clock with the part of the day in words, never "08:30":
   * it is how people say times, and how speech can say them */
  hour12 = hours % 12 == 0 ? 12 : hours % 12;
  if (hours < 5)
    return g_strdup_printf (_("%d:%02d at night"), hour12, minutes);
  if (hours < 12)
    return g_strdup_printf (_("%d:%02d in the morning"), hour12, minutes);
  if (hours < 18)
    return g_strdup_printf (_("%d:%02d in the afternoon"), hour12, minutes);
  if (hours < 21)
    return g_strdup_printf (_("%d:%02d in the evening"), hour12, minutes);
  return g_strdup_printf (_("%d:%02d at night"), hour12, minutes);
}

char *
pl_duration_to_words (int minutes)
{
  int hours = minutes / 60;
  int rest = minutes % 60;
  g_autofree char *hours_words = NULL;
  g_autofree char *minutes_words = NULL;

  if (minutes <= 0)
    return g_strdup ("");

  if (hours > 0)
    hours_words = g_strdup_printf (ngettext ("%d hour", "%d hours", hours), hours);
  if (rest > 0)
    minutes_words = g_strdup_printf (ngettext ("%d minute", "%d minutes", rest), rest);

  if (hours_words != NULL && minutes_words != NULL)
    /* Translators: "1 hour and 30 minutes" */
    return g_strdup_printf (_("%s and %s"), hours_words, minutes_words);
  if (hours_words != NULL)
    return g_steal_pointer (&hours_words);
  return g_steal_pointer (&minutes_words);
}
