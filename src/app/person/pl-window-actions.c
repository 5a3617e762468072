/* pl-window-actions.c: the window's actions: back, zoom, print, save, staff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The menus and shortcuts of the person's window.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-braille-dialog.h"
#include "pl-needs.h"
#include "pl-printing.h"
#include "pl-reader-style.h"
#include "pl-widget-util.h"
#include "pl-window-private.h"

void
pl_window_zoom_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  int size = pl_window_get_text_size (self);

  if (g_str_equal (action_name, "reader.zoom-in"))
    size = pl_text_size_step (size, 1);
  else if (g_str_equal (action_name, "reader.zoom-out"))
    size = pl_text_size_step (size, -1);
  else
    size = PL_TEXT_SIZE_STANDARD;

  pl_window_set_text_size (self, size);
}

GMenuModel *
pl_window_text_size_menu_new (void)
{
  GMenu *menu = g_menu_new ();
  const PlTextSizePreset *presets;
  guint n_presets;

  presets = pl_text_size_presets (&n_presets);
  for (guint i = 0; i < n_presets; i++)
    {
      /* Translators: a text size and its size in points, "Large (18 pt)" */
      g_autofree char *label = g_strdup_printf (_("%s (%d pt)"), _(presets[i].name),
                                                presets[i].points);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "reader.text-size",
                                               g_variant_new_int32 (presets[i].points));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

GMenuModel *
pl_window_theme_menu_new (void)
{
  GMenu *menu = g_menu_new ();
  const PlTheme *themes;
  guint n_themes;

  themes = pl_themes (&n_themes);
  for (guint i = 0; i < n_themes; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(themes[i].name), NULL);

      g_menu_item_set_action_and_target_value (item, "reader.theme",
                                               g_variant_new_string (themes[i].id));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static void
back_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  pl_window_go_back (PL_WINDOW (user_data));
}

static void
retry_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  PlWindow *self = PL_WINDOW (user_data);
  g_autofree char *path = g_strdup (self->path);

  if (path != NULL)
    pl_window_open_database (self, path);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     PlWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        pl_window_open_database (self, path);
    }

  g_clear_object (&self->chooser);
}

static void
choose_database_action_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  PlWindow *self = PL_WINDOW (user_data);
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) everything = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (self->chooser);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Choose a Plainly Database"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (databases, _("Plainly databases"));
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_filter_add_pattern (databases, "*.sqlite");
  gtk_file_filter_add_pattern (databases, "*.sqlite3");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), databases);

  gtk_file_filter_set_name (everything, _("All files"));
  gtk_file_filter_add_pattern (everything, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), everything);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
staff_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  pl_window_open_staff (PL_WINDOW (user_data));
}

static PlPrintOptions *
print_options (PlWindow   *self,
               PlDocument *document)
{
  g_autoptr(PlPerson) person = NULL;

  if (self->store != NULL && self->person_id != 0)
    person = pl_store_load_person (self->store, self->person_id, NULL);
  return pl_print_options_for_reader (self->reader_settings, document,
                                      person != NULL ? person->full_name : NULL);
}

/* The document being read, with the reader's print options; NULL when the
 * reader is not what the window shows */
static PlDocument *
document_to_print (PlWindow        *self,
                   PlPrintOptions **options)
{
  PlDocument *document = pl_reader_get_document (self->reader);

  if (document == NULL || adw_leaflet_get_visible_child (self->leaflet) != self->reader_page)
    return NULL;
  *options = print_options (self, document);
  return document;
}

static void
print_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  PlWindow *self = PL_WINDOW (user_data);
  g_autoptr(PlPrintOptions) options = NULL;
  PlDocument *document = document_to_print (self, &options);

  /* Whoever reads in easy read has their paper copy in it too */
  if (document != NULL && self->reader_settings != NULL && self->reader_settings->easy_read)
    pl_printing_print_easy_read (GTK_WINDOW (self), document, options,
                                 self->reader_settings->symbols);
  else if (document != NULL)
    pl_printing_print (GTK_WINDOW (self), document, options);
}

static void
pdf_saved_cb (gpointer    user_data,
              const char *message)
{
  pl_window_show_notice (PL_WINDOW (user_data), message);
  g_object_unref (user_data);
}

static void
save_pdf_action_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  PlWindow *self = PL_WINDOW (user_data);
  g_autoptr(PlPrintOptions) options = NULL;
  PlDocument *document = document_to_print (self, &options);

  /* Whoever reads in easy read has their copy in it too */
  if (document != NULL && self->reader_settings != NULL && self->reader_settings->easy_read)
    pl_printing_save_easy_read_pdf (GTK_WINDOW (self), document, options,
                                    self->reader_settings->symbols, pdf_saved_cb,
                                    g_object_ref (self));
  else if (document != NULL)
    pl_printing_save_pdf (GTK_WINDOW (self), document, options, pdf_saved_cb, g_object_ref (self));
}

/* The keyboard shortcuts window is built when first asked for, not with
 * the window as GtkApplication builds one it finds at gtk/help-overlay.ui:
 * that took a tenth of the work before the start screen's first frame.
 * Once built, it is the window's help overlay as GTK would have made it. */
static void
show_help_overlay_action_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (PL_RESOURCE_BASE "/ui/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

/* The person's recorded needs; none for a carer, who reads in their own way */
static GPtrArray *
person_needs (PlWindow *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *needs;

  if (self->store == NULL || self->person_id == 0 || self->carer_id != 0)
    return NULL;
  needs = pl_store_list_comm_needs (self->store, self->person_id, &error);
  if (needs == NULL)
    g_warning ("The communication needs could not be read: %s", error->message);
  return needs;
}

gboolean
pl_window_braille_first (PlWindow *self)
{
  g_autoptr(GPtrArray) needs = person_needs (self);

  return pl_braille_is_needed (needs);
}

static void
braille_saved_cb (PlBrailleDialog *dialog,
                  const char      *message,
                  PlWindow        *self)
{
  pl_window_show_notice (self, message);
}

static void
save_braille_action_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  PlWindow *self = PL_WINDOW (user_data);
  PlDocument *document = pl_reader_get_document (self->reader);
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(PlBrailleOptions) options = NULL;
  PlBrailleDialog *dialog;

  if (document == NULL || adw_leaflet_get_visible_child (self->leaflet) != self->reader_page)
    return;
  /* The grade the person's needs ask for, and Welsh braille for Welsh,
   * whoever saves it: the copy is for them */
  if (self->store != NULL && self->person_id != 0)
    {
      g_autoptr(GError) error = NULL;

      person = pl_store_load_person (self->store, self->person_id, NULL);
      needs = pl_store_list_comm_needs (self->store, self->person_id, &error);
    }
  options = pl_braille_options_for_reader (person, needs);
  /* A braille reader has no use for cells on screen; a sighted helper can
   * open them */
  dialog = pl_braille_dialog_new (GTK_WINDOW (self), document, options, FALSE);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (braille_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

GMenuModel *
pl_window_copies_menu_new (gboolean braille_first)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) paper = g_menu_new ();
  g_autoptr(GMenu) braille = g_menu_new ();

  g_menu_append (paper, _("_Print…"), "win.print");
  g_menu_append (paper, _("Save as P_DF…"), "win.save-pdf");
  g_menu_append (braille, _("Save _Braille Copy…"), "win.save-braille");
  /* Accessible Information Standard: the format the person's needs name
   * comes first */
  if (braille_first)
    {
      g_menu_append_section (menu, NULL, G_MENU_MODEL (braille));
      g_menu_append_section (menu, NULL, G_MENU_MODEL (paper));
    }
  else
    {
      g_menu_append_section (menu, NULL, G_MENU_MODEL (paper));
      g_menu_append_section (menu, NULL, G_MENU_MODEL (braille));
    }
  return G_MENU_MODEL (menu);
}

/* Made each time the menu opens, for whoever reads now */
static void
copies_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  PlWindow *self = PL_WINDOW (user_data);
  g_autoptr(GMenuModel) menu = pl_window_copies_menu_new (pl_window_braille_first (self));

  gtk_menu_button_set_menu_model (button, menu);
  pl_widget_name_menu (button, _("Print"));
}

static const GActionEntry win_entries[] = {
  { "print", print_action_cb, NULL, NULL, NULL, { 0 } },
  { "save-pdf", save_pdf_action_cb, NULL, NULL, NULL, { 0 } },
  { "save-braille", save_braille_action_cb, NULL, NULL, NULL, { 0 } },
  { "back", back_action_cb, NULL, NULL, NULL, { 0 } },
  { "retry", retry_action_cb, NULL, NULL, NULL, { 0 } },
  { "choose-database", choose_database_action_cb, NULL, NULL, NULL, { 0 } },
  { "staff", staff_action_cb, NULL, NULL, NULL, { 0 } },
  { "show-help-overlay", show_help_overlay_action_cb, NULL, NULL, NULL, { 0 } },
};

void
pl_window_contents_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  if (adw_leaflet_get_visible_child (self->leaflet) == self->reader_page)
    pl_reader_set_contents_visible (self->reader, !pl_reader_get_contents_visible (self->reader));
}

void
pl_window_init_actions (PlWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries,
                                   G_N_ELEMENTS (win_entries), self);
  gtk_menu_button_set_create_popup_func (self->print_button, copies_popup_cb, self, NULL);
}
