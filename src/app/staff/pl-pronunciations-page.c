/* pl-pronunciations-page.c: staff write how names, places and medicines
 * are said
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules (what can be written, one entry for the same words) live in
 * pl-pronunciation.c; this page says what they refused, in words. "Say it"
 * speaks the word with only its own entry, so staff hear that one.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-actor.h"
#include "pl-lexicon.h"
#include "pl-pronunciation.h"
#include "pl-pronunciations-page-private.h"
#include "pl-staff.h"
#include "pl-widget-util.h"

struct _PlPronunciationsPage
{
  GtkWidget         parent_instance;

  GtkWidget        *scroller;
  GtkDropDown      *scope;
  GtkLabel         *message;
  GtkWidget        *empty_label;
  GtkListBox       *list;
  GtkWidget        *new_button;
  GtkWidget        *form;
  GtkLabel         *form_heading;
  GtkEditable      *written;
  GtkEditable      *said;
  GtkEditable      *language;

  PlStore          *store;
  PlStaff          *staff;
  gint64            service_id;
  GArray           *scope_people;  /* (element-type gint64): the drop-down's, 0 the service */
  PlPronunciation  *editing;       /* what the form holds, NULL when closed */
  PlVoice          *voice;
};

G_DEFINE_FINAL_TYPE (PlPronunciationsPage, pl_pronunciations_page, GTK_TYPE_WIDGET)

static gboolean
may_edit (PlPronunciationsPage *self)
{
  return self->staff != NULL && pl_staff_can (self->staff, PL_STAFF_ACTION_EDIT_PLANS);
}

static gint64
scope_person (PlPronunciationsPage *self)
{
  guint i = gtk_drop_down_get_selected (self->scope);

  if (self->scope_people == NULL || i >= self->scope_people->len)
    return 0;
  return g_array_index (self->scope_people, gint64, i);
}

static void
show_message (PlPronunciationsPage *self,
              const char           *text)
{
  pl_widget_set_message (self->message, text);
}

/* The language a new entry is for: the person's, else English */
static char *
default_language (PlPronunciationsPage *self)
{
  gint64 person_id = scope_person (self);

  if (person_id != 0)
    {
      g_autoptr(PlPerson) person = pl_store_load_person (self->store, person_id, NULL);

      if (person != NULL && !pl_text_is_blank (person->preferred_language))
        return g_strdup (person->preferred_language);
    }
  return g_strdup ("en-GB");
}

/* Says written as said would have the voice say it; FALSE, with a message,
 * when said cannot be said */
static gboolean
say (PlPronunciationsPage *self,
     const char           *written,
     const char           *said,
     const char           *language)
{
  g_autoptr(PlLexicon) lexicon = pl_lexicon_new ();
  g_autoptr(GError) error = NULL;

  if (pl_text_is_blank (written))
    {
      show_message (self, _("Write the word first, as it is written in the plan."));
      return FALSE;
    }
  if (!pl_text_is_blank (said) && !pl_lexicon_add (lexicon, written, said, NULL, &error))
    {
      show_message (self, error->message);
      return FALSE;
    }
  pl_voice_set_settings (self->voice, NULL, pl_text_is_blank (language) ? NULL : language);
  pl_voice_set_lexicon (self->voice, lexicon);
  pl_voice_stop (self->voice);
  pl_voice_say (self->voice, written);
  return TRUE;
}

static gint64
widget_id (gpointer widget)
{
  const gint64 *id = g_object_get_data (G_OBJECT (widget), "pl-pronunciation-id");

  return id != NULL ? *id : 0;
}

static void
set_widget_id (gpointer widget,
               gint64   id)
{
  g_object_set_data_full (G_OBJECT (widget), "pl-pronunciation-id",
                          g_memdup2 (&id, sizeof id), g_free);
}

static void
close_form (PlPronunciationsPage *self)
{
  g_clear_pointer (&self->editing, pl_pronunciation_free);
  gtk_editable_set_text (self->written, "");
  gtk_editable_set_text (self->said, "");
  gtk_editable_set_text (self->language, "");
  gtk_widget_set_visible (self->form, FALSE);
}

static void
start_editing (PlPronunciationsPage  *self,
               const PlPronunciation *entry)
{
  g_autofree char *language = NULL;

  g_clear_pointer (&self->editing, pl_pronunciation_free);
  self->editing = pl_pronunciation_copy (entry);
  language = pl_text_is_blank (entry->language) ? default_language (self)
                                                : g_strdup (entry->language);

  gtk_label_set_label (self->form_heading, entry->id != 0 ? _("Change how this word is said")
                                                          : _("A new word"));
  gtk_editable_set_text (self->written, entry->written != NULL ? entry->written : "");
  gtk_editable_set_text (self->said, entry->said != NULL ? entry->said : "");
  gtk_editable_set_text (self->language, language);
  gtk_widget_set_visible (self->form, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (entry->id != 0 ? self->said : self->written));
}

static PlPronunciation *
load_entry (PlPronunciationsPage *self,
            gpointer              widget)
{
  g_autoptr(GError) error = NULL;
  PlPronunciation *entry = pl_store_load_pronunciation (self->store, widget_id (widget), &error);

  if (entry == NULL)
    show_message (self, error->message);
  return entry;
}

static void
say_row_clicked_cb (GtkButton            *button,
                    PlPronunciationsPage *self)
{
  g_autoptr(PlPronunciation) entry = load_entry (self, button);

  if (entry != NULL)
    say (self, entry->written, entry->said, entry->language);
}

static void
change_clicked_cb (GtkButton            *button,
                   PlPronunciationsPage *self)
{
  g_autoptr(PlPronunciation) entry = load_entry (self, button);

  if (entry != NULL && may_edit (self))
    {
      show_message (self, NULL);
      start_editing (self, entry);
    }
}

/* The store's history says who changed a word. Returns the actor to put
 * back afterwards. */
static char *
act_as_staff (PlPronunciationsPage *self)
{
  char *old_actor = g_strdup (pl_store_get_actor (self->store));
  g_autofree char *actor = pl_actor_for_staff (self->staff);

  pl_store_set_actor (self->store, actor);
  return old_actor;
}

static void
remove_clicked_cb (GtkButton            *button,
                   PlPronunciationsPage *self)
{
  g_autoptr(PlPronunciation) entry = load_entry (self, button);
  g_autoptr(GError) error = NULL;
  g_autofree char *old_actor = NULL;
  g_autofree char *done = NULL;
  gboolean ok;

  if (entry == NULL || !may_edit (self))
    return;

  old_actor = act_as_staff (self);
  ok = pl_store_delete_pronunciation (self->store, entry->id, &error);
  pl_store_set_actor (self->store, old_actor);
  if (!ok)
    {
      show_message (self, error->message);
      return;
    }
  if (self->editing != NULL && self->editing->id == entry->id)
    close_form (self);
  pl_pronunciations_page_reload (self);
  /* Translators: %s is a word, like Whitaker */
  done = g_strdup_printf (_("Removed. The voice says “%s” its own way again."), entry->written);
  show_message (self, done);
  gtk_widget_grab_focus (may_edit (self) ? self->new_button : GTK_WIDGET (self->scope));
}

static GtkWidget *
row_button (PlPronunciationsPage *self,
            const char           *label,
            const char           *accessible_label,
            const char           *name_prefix,
            gint64                id,
            GCallback             callback)
{
  /* No mnemonic: every row has the same buttons */
  GtkWidget *button = gtk_button_new_with_label (label);
  g_autofree char *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT, name_prefix, id);

  gtk_widget_set_name (button, name);
  gtk_widget_set_size_request (button, -1, 44);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "", -1);
  set_widget_id (button, id);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
make_row (PlPronunciationsPage  *self,
          const PlPronunciation *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* Translators: how a word is said: "Said as Whit-acker, for the voice in en-GB" */
  g_autofree char *said = g_strdup_printf (_("Said as %s, for the voice in %s"),
                                           entry->said != NULL ? entry->said : "",
                                           entry->language != NULL ? entry->language : "");
  /* Translators: what a screen reader says for a row's buttons; %s is a word */
  g_autofree char *say_a11y = g_strdup_printf (_("Say %s"), entry->written);
  g_autofree char *change_a11y = g_strdup_printf (_("Change how %s is said"), entry->written);
  g_autofree char *remove_a11y = g_strdup_printf (_("Remove %s"), entry->written);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), wrapped_label (entry->written, "heading"));
  gtk_box_append (GTK_BOX (box), wrapped_label (said, NULL));

  gtk_box_append (GTK_BOX (buttons),
                  row_button (self, _("Say it"), say_a11y, "pronunciation-say", entry->id,
                              G_CALLBACK (say_row_clicked_cb)));
  if (may_edit (self))
    {
      gtk_box_append (GTK_BOX (buttons),
                      row_button (self, _("Change"), change_a11y, "pronunciation-change",
                                  entry->id, G_CALLBACK (change_clicked_cb)));
      gtk_box_append (GTK_BOX (buttons),
                      row_button (self, _("Remove"), remove_a11y, "pronunciation-remove",
                                  entry->id, G_CALLBACK (remove_clicked_cb)));
    }
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* The row itself takes no focus: Tab goes straight to its buttons */
  gtk_widget_set_focusable (row, FALSE);
  set_widget_id (row, entry->id);
  return row;
}

void
pl_pronunciations_page_reload (PlPronunciationsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 person_id;
  GtkWidget *child;

  g_return_if_fail (PL_IS_PRONUNCIATIONS_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  person_id = scope_person (self);
  gtk_widget_set_visible (self->new_button,
                          may_edit (self) && (person_id != 0 || self->service_id != 0));
  if (self->store == NULL)
    return;

  entries = person_id != 0 ? pl_store_list_pronunciations (self->store, person_id, &error)
                           : pl_pronunciation_list_for_service (self->store, self->service_id,
                                                                &error);
  if (entries == NULL)
    {
      show_message (self, error->message);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      const PlPronunciation *entry = g_ptr_array_index (entries, i);

      /* Another person's never shows under this one */
      if (person_id == 0 || entry->person_id == person_id)
        gtk_list_box_append (self->list, make_row (self, entry));
    }
  gtk_widget_set_visible (self->empty_label, entries->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), entries->len > 0);
}

static void
scope_changed_cb (PlPronunciationsPage *self)
{
  close_form (self);
  show_message (self, NULL);
  pl_pronunciations_page_reload (self);
}

static void
new_clicked_cb (PlPronunciationsPage *self)
{
  g_autoptr(PlPronunciation) entry = pl_pronunciation_new ();

  if (!may_edit (self))
    return;
  entry->person_id = scope_person (self);
  entry->service_id = entry->person_id != 0 ? 0 : self->service_id;
  show_message (self, NULL);
  start_editing (self, entry);
}

static char *
entry_text (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

static void
say_form_clicked_cb (PlPronunciationsPage *self)
{
  g_autofree char *written = entry_text (self->written);
  g_autofree char *said = entry_text (self->said);
  g_autofree char *language = entry_text (self->language);

  if (say (self, written, said, language))
    show_message (self, NULL);
}

static void
save_clicked_cb (PlPronunciationsPage *self)
{
  g_autoptr(PlPronunciation) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_actor = NULL;
  g_autofree char *done = NULL;
  gboolean ok;

  if (self->editing == NULL || self->store == NULL || !may_edit (self))
    return;

  entry = pl_pronunciation_copy (self->editing);
  g_free (entry->written);
  entry->written = entry_text (self->written);
  g_free (entry->said);
  entry->said = entry_text (self->said);
  g_free (entry->language);
  entry->language = entry_text (self->language);

  old_actor = act_as_staff (self);
  ok = pl_pronunciation_save (self->store, entry, &error);
  pl_store_set_actor (self->store, old_actor);

  if (!ok)
    {
      GtkWidget *near = GTK_WIDGET (self->said);

      if (pl_text_is_blank (entry->written) || strstr (error->message, "already has") != NULL ||
          strstr (error->message, "written form") != NULL)
        near = GTK_WIDGET (self->written);
      else if (strstr (error->message, "language") != NULL)
        near = GTK_WIDGET (self->language);
      show_message (self, error->message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (near),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
      gtk_widget_grab_focus (near);
      return;
    }

  /* Translators: %s is a word, like Whitaker */
  done = g_strdup_printf (_("Saved. The voice now says “%s” this way."), entry->written);
  close_form (self);
  pl_pronunciations_page_reload (self);
  show_message (self, done);
  gtk_widget_grab_focus (self->new_button);
}

static void
cancel_clicked_cb (PlPronunciationsPage *self)
{
  close_form (self);
  show_message (self, NULL);
  gtk_widget_grab_focus (self->new_button);
}

static void
fill_scope (PlPronunciationsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) people = NULL;
  gint64 none = 0;

  g_array_set_size (self->scope_people, 0);
  gtk_string_list_append (names, _("Everyone the service supports"));
  g_array_append_val (self->scope_people, none);

  people = pl_store_list_people (self->store, 0, NULL);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      const PlPerson *person = g_ptr_array_index (people, i);

      gtk_string_list_append (names, person->full_name != NULL ? person->full_name : "");
      g_array_append_val (self->scope_people, person->id);
    }

  g_signal_handlers_block_by_func (self->scope, scope_changed_cb, self);
  gtk_drop_down_set_model (self->scope, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->scope, 0);
  g_signal_handlers_unblock_by_func (self->scope, scope_changed_cb, self);
}

void
pl_pronunciations_page_set_context (PlPronunciationsPage *self,
                                    PlStore              *store,
                                    const PlStaff        *staff)
{
  g_autoptr(GPtrArray) services = NULL;

  g_return_if_fail (PL_IS_PRONUNCIATIONS_PAGE (self));
  g_return_if_fail (store != NULL);
  g_return_if_fail (staff != NULL);

  self->store = store;
  g_clear_pointer (&self->staff, pl_staff_free);
  self->staff = pl_staff_copy (staff);

  services = pl_store_list_services (store, 0, NULL);
  self->service_id = services != NULL && services->len > 0
                     ? ((PlService *) g_ptr_array_index (services, 0))->id : 0;

  fill_scope (self);
  close_form (self);
  show_message (self, NULL);
  pl_pronunciations_page_reload (self);
}

PlVoice *
pl_pronunciations_page_get_voice (PlPronunciationsPage *self)
{
  g_return_val_if_fail (PL_IS_PRONUNCIATIONS_PAGE (self), NULL);

  return self->voice;
}

void
pl_pronunciations_page_set_scope (PlPronunciationsPage *self,
                                  gint64                person_id)
{
  g_return_if_fail (PL_IS_PRONUNCIATIONS_PAGE (self));

  for (guint i = 0; i < self->scope_people->len; i++)
    if (g_array_index (self->scope_people, gint64, i) == person_id)
      gtk_drop_down_set_selected (self->scope, i);
}

const char *
pl_pronunciations_page_get_message (PlPronunciationsPage *self)
{
  g_return_val_if_fail (PL_IS_PRONUNCIATIONS_PAGE (self), NULL);

  return pl_widget_get_message (self->message);
}

guint
pl_pronunciations_page_get_n_rows (PlPronunciationsPage *self)
{
  guint n = 0;

  g_return_val_if_fail (PL_IS_PRONUNCIATIONS_PAGE (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
pl_pronunciations_page_dispose (GObject *object)
{
  PlPronunciationsPage *self = PL_PRONUNCIATIONS_PAGE (object);

  if (self->voice != NULL)
    pl_voice_stop (self->voice);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_PRONUNCIATIONS_PAGE);
  g_clear_pointer (&self->staff, pl_staff_free);
  g_clear_pointer (&self->editing, pl_pronunciation_free);
  g_clear_pointer (&self->scope_people, g_array_unref);
  g_clear_object (&self->voice);

  G_OBJECT_CLASS (pl_pronunciations_page_parent_class)->dispose (object);
}

static void
pl_pronunciations_page_class_init (PlPronunciationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_pronunciations_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/plainly/Plainly/ui/pl-pronunciations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlPronunciationsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, PlPronunciationsPage, scope);
  gtk_widget_class_bind_template_child (widget_class, PlPronunciationsPage, message);
  gtk_widget_class_bind_template_child (widget_class, PlPronunciationsPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, PlPronunciationsPage, list);
  gtk_widget_class_bind_template_child (widget_class, PlPronunciationsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, PlPronunciationsPage, form);
  gtk_widget_class_bind_template_child (widget_class, PlPronunciationsPage, form_heading);
  gtk_widget_class_bind_template_child (widget_class, PlPronunciationsPage, written);
  gtk_widget_class_bind_template_child (widget_class, PlPronunciationsPage, said);
  gtk_widget_class_bind_template_child (widget_class, PlPronunciationsPage, language);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, say_form_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
}

static void
pl_pronunciations_page_init (PlPronunciationsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pl_widget_name_drop_downs (GTK_WIDGET (self->scope), _("Words for"));
  self->scope_people = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->voice = pl_voice_new ();
  g_signal_connect_swapped (self->scope, "notify::selected", G_CALLBACK (scope_changed_cb), self);
  gtk_widget_set_visible (self->new_button, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
}

PlPronunciationsPage *
pl_pronunciations_page_new (void)
{
  return g_object_new (PL_TYPE_PRONUNCIATIONS_PAGE, NULL);
}
