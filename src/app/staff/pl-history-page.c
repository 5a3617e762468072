/* pl-history-page.c: a person's plan versions, comparing two, and every change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every saved change is kept (who, when, what), and any two versions can be
 * compared. Everything is said in words, row by row, so it reads the same
 * with a screen reader and never leans on colour.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pl-actor.h"
#include "pl-change-words.h"
#include "pl-document.h"
#include "pl-history-page-private.h"
#include "pl-plan-version.h"

struct _PlHistoryPage
{
  GtkWidget    parent_instance;

  /* template */
  GtkWidget   *scroller;
  GtkListBox  *versions_list;
  GtkDropDown *older_dropdown;
  GtkDropDown *newer_dropdown;
  GtkLabel    *compare_summary;
  GtkListBox  *changes_list;
  GtkLabel    *history_summary;
  GtkListBox  *history_list;

  PlStore     *store;          /* borrowed */
  gint64       person_id;
  GArray      *plan_ids;       /* gint64, in the order of the drop-downs */
  GPtrArray   *version_texts;
  GPtrArray   *change_texts;
  GPtrArray   *history_texts;
};

G_DEFINE_FINAL_TYPE (PlHistoryPage, pl_history_page, GTK_TYPE_WIDGET)

static void
clear_list (GtkListBox *list,
            GPtrArray  *texts)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  g_ptr_array_set_size (texts, 0);
}

/* A row of words that the keyboard and a screen reader can stop on */
static void
add_text_row (GtkListBox *list,
              GPtrArray  *texts,
              char       *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 10);
  gtk_widget_set_margin_bottom (label, 10);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  gtk_list_box_append (list, row);
  g_ptr_array_add (texts, text);
}

static const char *
status_words (PlPlanStatus status)
{
  switch (status)
    {
    case PL_PLAN_AGREED:
      return _("agreed");
    case PL_PLAN_SUPERSEDED:
      return _("replaced by a later agreed version");
    case PL_PLAN_DRAFT:
    default:
      return _("a draft, not yet agreed");
    }
}

/* "2026-11-23T12:24:06Z" as the day and time in words, in local time */
static char *
when_words (const char *at)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *day = NULL;
  g_autofree char *clock = NULL;

  if (at == NULL)
    return g_strdup (_("at a time not recorded"));
  utc = g_date_time_new_from_iso8601 (at, NULL);
  if (utc == NULL)
    return pl_date_to_words (at);
  local = g_date_time_to_local (utc);
  date = g_date_time_format (local, "%Y-%m-%d");
  time = g_date_time_format (local, "%H:%M");
  day = pl_date_to_words (date);
  clock = pl_time_to_words (time);
  return g_strdup_printf (_("%s at %s"), day, clock);
}

static char *
version_text (const PlPlan *plan)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("Version %d: %s."), plan->version, status_words (plan->status));
  /* A version written in another care record: by whom and when there,
   * then when it came here */
  if (!pl_text_is_blank (plan->written_elsewhere_by) || plan->written_elsewhere_at != NULL)
    {
      g_autofree char *there = plan->written_elsewhere_at != NULL
                               ? when_words (plan->written_elsewhere_at) : NULL;

      g_string_append_c (text, ' ');
      if (there != NULL && !pl_text_is_blank (plan->written_elsewhere_by))
        /* Translators: "Written in another care record, 1 October 2026 at
         * 10:00, by Joy Mensah." */
        g_string_append_printf (text, _("Written in another care record, %s, by %s."), there,
                                plan->written_elsewhere_by);
      else if (there != NULL)
        g_string_append_printf (text, _("Written in another care record, %s."), there);
      else
        g_string_append_printf (text, _("Written in another care record by %s."),
                                plan->written_elsewhere_by);
      if (plan->created_at != NULL)
        {
          g_autofree char *when = when_words (plan->created_at);

          g_string_append_c (text, ' ');
          /* Translators: when a version written elsewhere was brought into Plainly */
          g_string_append_printf (text, _("Imported %s."), when);
        }
    }
  else if (plan->created_at != NULL)
    {
      g_autofree char *when = when_words (plan->created_at);

      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("Written %s."), when);
    }
  if (plan->agreed_by != NULL && *plan->agreed_by != '\0')
    {
      g_autofree char *on = plan->agreed_on != NULL ? pl_date_to_words (plan->agreed_on)
                                                    : g_strdup (_("a date not recorded"));

      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("Agreed by %s on %s."), plan->agreed_by, on);
    }
  return g_string_free (text, FALSE);
}

static const PlRecordType *
type_for_table (const char *table)
{
  if (g_str_equal (table, pl_plan_type.table))
    return &pl_plan_type;
  for (guint i = 0; i < PL_PLAN_N_PARTS; i++)
    if (g_str_equal (table, pl_plan_part_type (i)->table))
      return pl_plan_part_type (i);
  return NULL;
}

/* One row of the history in words: when, who, what */
static char *
history_text (PlStore            *store,
              const PlHistory    *entry,
              const char         *section_nick)
{
  const PlRecordType *type = type_for_table (entry->table_name);
  PlPlanChange as_change = { 0, };
  g_autofree char *when = when_words (entry->at);
  g_autofree char *part = NULL;
  g_autofree char *what = NULL;
  g_autofree char *who = pl_actor_describe (store, entry->actor);

  if (type == NULL)
    return NULL;
  as_change.type = type;
  as_change.anchor = (char *) section_nick;
  part = pl_change_words_part (&as_change);

  if (g_strcmp0 (entry->field, "(created)") == 0)
    what = g_strdup_printf (_("%s: added."), part);
  else if (g_strcmp0 (entry->field, "(deleted)") == 0)
    what = g_strdup_printf (_("%s: taken out."), part);
  else
    {
      const PlField *field = entry->field != NULL ? pl_record_type_find_field (type, entry->field) : NULL;
      const char *label = field != NULL && field->label != NULL ? _(field->label) : entry->field;
      g_autofree char *was = pl_change_words_value (store, entry->field, entry->old_value);
      g_autofree char *now = pl_change_words_value (store, entry->field, entry->new_value);

      what = g_strdup_printf (_("%s: the %s changed from “%s” to “%s”."), part,
                              label != NULL ? label : _("details"), was, now);
    }
  /* Translators: a line of the history: when, who, and what they changed:
   * "Monday 16 November 2026 at 10:30 in the morning, Ann Smith. The plan…" */
  return g_strdup_printf (_("%s, %s. %s"), when, who, what);
}

static gint
compare_history (gconstpointer a,
                 gconstpointer b)
{
  const PlHistory *x = *(PlHistory * const *) a;
  const PlHistory *y = *(PlHistory * const *) b;

  /* Newest first */
  if (x->id != y->id)
    return x->id > y->id ? -1 : 1;
  return 0;
}

static gboolean
show_history (PlHistoryPage  *self,
              gint64          plan_id,
              GError        **error)
{
  g_autoptr(PlPlanContent) content = pl_plan_content_load (self->store, plan_id, error);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_history_free);
  g_autoptr(GHashTable) section_nicks = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) rows = NULL;

  clear_list (self->history_list, self->history_texts);
  if (content == NULL)
    return FALSE;

  rows = pl_store_list_history (self->store, &pl_plan_type, plan_id, error);
  if (rows == NULL)
    return FALSE;
  g_ptr_array_extend_and_steal (entries, g_steal_pointer (&rows));

  for (guint part = 0; part < PL_PLAN_N_PARTS; part++)
    for (guint i = 0; content->parts[part] != NULL && i < content->parts[part]->len; i++)
      {
        gpointer record = g_ptr_array_index (content->parts[part], i);

        if (part == PL_PLAN_PART_SECTIONS)
          g_hash_table_insert (section_nicks, &((PlPlanSection *) record)->id,
                               (gpointer) pl_section_kind_nicks[((PlPlanSection *) record)->kind]);
        rows = pl_store_list_history (self->store, pl_plan_part_type (part),
                                      PL_RECORD_ID (record), error);
        if (rows == NULL)
          return FALSE;
        g_ptr_array_extend_and_steal (entries, g_steal_pointer (&rows));
      }

  g_ptr_array_sort (entries, compare_history);
  for (guint i = 0; i < entries->len; i++)
    {
      const PlHistory *entry = g_ptr_array_index (entries, i);
      const char *nick = NULL;
      char *text;

      if (g_str_equal (entry->table_name, pl_plan_section_type.table))
        nick = g_hash_table_lookup (section_nicks, &entry->record_id);
      text = history_text (self->store, entry, nick);
      if (text != NULL)
        add_text_row (self->history_list, self->history_texts, text);
    }

  gtk_label_set_text (self->history_summary,
                      entries->len == 0 ? _("No changes have been recorded for this version.")
                                        : _("Newest first, for the version compared to."));
  gtk_widget_set_visible (GTK_WIDGET (self->history_list), entries->len > 0);
  return TRUE;
}

gboolean
pl_history_page_compare (PlHistoryPage  *self,
                         gint64          older_plan_id,
                         gint64          newer_plan_id,
                         GError        **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (PL_IS_HISTORY_PAGE (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  clear_list (self->changes_list, self->change_texts);
  changes = pl_plan_compare (self->store, older_plan_id, newer_plan_id, error);
  if (changes == NULL)
    return FALSE;

  for (guint i = 0; i < changes->len; i++)
    add_text_row (self->changes_list, self->change_texts,
                  pl_change_words_describe (self->store, g_ptr_array_index (changes, i)));

  if (older_plan_id == newer_plan_id)
    summary = g_strdup (_("That is the same version twice: choose two different versions."));
  else if (changes->len == 0)
    summary = g_strdup (_("Nothing changed between these two versions."));
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u change between these two versions:",
                                            "%u changes between these two versions:",
                                            changes->len), changes->len);
  gtk_label_set_text (self->compare_summary, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_list), changes->len > 0);

  return show_history (self, newer_plan_id, error);
}

static gint64
chosen_plan (PlHistoryPage *self,
             GtkDropDown   *dropdown)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  if (i == GTK_INVALID_LIST_POSITION || i >= self->plan_ids->len)
    return 0;
  return g_array_index (self->plan_ids, gint64, i);
}

static void
compare_clicked_cb (PlHistoryPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 older = chosen_plan (self, self->older_dropdown);
  gint64 newer = chosen_plan (self, self->newer_dropdown);

  if (older == 0 || newer == 0)
    return;
  if (!pl_history_page_compare (self, older, newer, &error))
    gtk_label_set_text (self->compare_summary, error->message);
}

gboolean
pl_history_page_set_person (PlHistoryPage  *self,
                            PlStore        *store,
                            gint64          person_id,
                            GError        **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n;

  g_return_val_if_fail (PL_IS_HISTORY_PAGE (self), FALSE);
  g_return_val_if_fail (store != NULL, FALSE);

  self->store = store;
  self->person_id = person_id;
  clear_list (self->versions_list, self->version_texts);
  clear_list (self->changes_list, self->change_texts);
  clear_list (self->history_list, self->history_texts);
  g_array_set_size (self->plan_ids, 0);

  plans = pl_store_list_plans (store, person_id, error);
  if (plans == NULL)
    return FALSE;

  for (guint i = 0; i < plans->len; i++)
    {
      const PlPlan *plan = g_ptr_array_index (plans, i);
      g_autofree char *name = g_strdup_printf (_("Version %d"), plan->version);

      add_text_row (self->versions_list, self->version_texts, version_text (plan));
      g_array_append_val (self->plan_ids, plan->id);
      gtk_string_list_append (names, name);
    }
  gtk_drop_down_set_model (self->older_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_model (self->newer_dropdown, G_LIST_MODEL (names));

  n = plans->len;
  if (n == 0)
    {
      gtk_label_set_text (self->compare_summary, _("There is no plan yet."));
      gtk_label_set_text (self->history_summary, "");
      return TRUE;
    }

  /* The last two versions, older first: what changed most recently */
  gtk_drop_down_set_selected (self->older_dropdown, n >= 2 ? n - 2 : 0);
  gtk_drop_down_set_selected (self->newer_dropdown, n - 1);
  if (n < 2)
    {
      gtk_label_set_text (self->compare_summary,
                          _("There is only one version so far: nothing to compare."));
      gtk_widget_set_visible (GTK_WIDGET (self->changes_list), FALSE);
      return show_history (self, g_array_index (self->plan_ids, gint64, 0), error);
    }
  return pl_history_page_compare (self, g_array_index (self->plan_ids, gint64, n - 2),
                                  g_array_index (self->plan_ids, gint64, n - 1), error);
}

#define TEXT_GETTERS(what, array)                                              \
  guint                                                                        \
  pl_history_page_get_n_##what (PlHistoryPage *self)                           \
  {                                                                            \
    g_return_val_if_fail (PL_IS_HISTORY_PAGE (self), 0);                       \
    return self->array->len;                                                   \
  }

TEXT_GETTERS (versions, version_texts)
TEXT_GETTERS (changes, change_texts)
TEXT_GETTERS (history, history_texts)

static const char *
text_at (GPtrArray *texts,
         guint      index)
{
  return index < texts->len ? g_ptr_array_index (texts, index) : NULL;
}

const char *
pl_history_page_get_version_text (PlHistoryPage *self,
                                  guint          index)
{
  g_return_val_if_fail (PL_IS_HISTORY_PAGE (self), NULL);
  return text_at (self->version_texts, index);
}

const char *
pl_history_page_get_change_text (PlHistoryPage *self,
                                 guint          index)
{
  g_return_val_if_fail (PL_IS_HISTORY_PAGE (self), NULL);
  return text_at (self->change_texts, index);
}

const char *
pl_history_page_get_history_text (PlHistoryPage *self,
                                  guint          index)
{
  g_return_val_if_fail (PL_IS_HISTORY_PAGE (self), NULL);
  return text_at (self->history_texts, index);
}

GtkWidget *
pl_history_page_new (void)
{
  return g_object_new (PL_TYPE_HISTORY_PAGE, NULL);
}

static void
pl_history_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PL_TYPE_HISTORY_PAGE);

  G_OBJECT_CLASS (pl_history_page_parent_class)->dispose (object);
}

static void
pl_history_page_finalize (GObject *object)
{
  PlHistoryPage *self = PL_HISTORY_PAGE (object);

  g_array_unref (self->plan_ids);
  g_ptr_array_unref (self->version_texts);
  g_ptr_array_unref (self->change_texts);
  g_ptr_array_unref (self->history_texts);

  G_OBJECT_CLASS (pl_history_page_parent_class)->finalize (object);
}

static void
pl_history_page_class_init (PlHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_history_page_dispose;
  object_class->finalize = pl_history_page_finalize;

  g_type_ensure (ADW_TYPE_CLAMP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/plainly/Plainly/ui/pl-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlHistoryPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, PlHistoryPage, versions_list);
  gtk_widget_class_bind_template_child (widget_class, PlHistoryPage, older_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlHistoryPage, newer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlHistoryPage, compare_summary);
  gtk_widget_class_bind_template_child (widget_class, PlHistoryPage, changes_list);
  gtk_widget_class_bind_template_child (widget_class, PlHistoryPage, history_summary);
  gtk_widget_class_bind_template_child (widget_class, PlHistoryPage, history_list);
  gtk_widget_class_bind_template_callback (widget_class, compare_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pl-history-page");
}

/* GtkDropDown's own button has no name of its own; a screen reader gets the
 * drop-down's, not "toggle button" */
static void
name_dropdown_button (GtkDropDown *dropdown,
                      const char  *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
}

static void
pl_history_page_init (PlHistoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_dropdown_button (self->older_dropdown, _("Compare from this version"));
  name_dropdown_button (self->newer_dropdown, _("Compare to this version"));

  self->plan_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->version_texts = g_ptr_array_new_with_free_func (g_free);
  self->change_texts = g_ptr_array_new_with_free_func (g_free);
  self->history_texts = g_ptr_array_new_with_free_func (g_free);
}
