/* pl-application.c: the Plainly application, one instance per session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A second `plainly` hands its command line to the running one, which shows
 * the window for the database asked for (`--db FILE`) or the usual one.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <sys/resource.h>
#include <glib/gi18n.h>

#include "pl-about.h"
#include "pl-application.h"
#include "pl-fonts.h"
#include "pl-screen-reader.h"
#include "pl-screenshot.h"
#include "pl-secret-prompt.h"
#include "pl-store.h"
#include "pl-widget-util.h"
#include "pl-window.h"

struct _PlApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  int             exit_status;
};

G_DEFINE_FINAL_TYPE (PlApplication, pl_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database FILE instead of the usual one"), N_("FILE") },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version of Plainly and exit"), NULL },
  /* For tests and documentation: draw one view to a PNG and exit */
  { "screenshot", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, NULL, NULL, NULL },
  { "person", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL, NULL, NULL },
  { "page", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL, NULL, NULL },
  { "anchor", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL, NULL, NULL },
  { "text-size", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, NULL, NULL, NULL },
  { "theme", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL, NULL, NULL },
  { "width", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, NULL, NULL, NULL },
  { "height", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, NULL, NULL, NULL },
  /* For tests/bench/bench-startup.c: the usual start, then, at the first
   * frame that shows the start screen, one line with the time and what the
   * process has used so far, and quit */
  { "report-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL, NULL, NULL },
  { NULL }
};

static gboolean
same_file (const char *a,
           const char *b)
{
  g_autofree char *ca = NULL;
  g_autofree char *cb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;

  ca = g_canonicalize_filename (a, NULL);
  cb = g_canonicalize_filename (b, NULL);
  return g_str_equal (ca, cb);
}

GtkWindow *
pl_application_open_database (PlApplication *self,
                              const char    *path)
{
  PlWindow *window;

  g_return_val_if_fail (PL_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (PL_IS_WINDOW (l->data) &&
          same_file (pl_window_get_database_path (l->data), path))
        {
          gtk_window_present (l->data);
          return l->data;
        }
    }

  window = pl_window_new (GTK_APPLICATION (self));
  /* Shown first, so an error dialog has a window to sit on */
  gtk_window_present (GTK_WINDOW (window));
  pl_window_open_database (window, path);
  return GTK_WINDOW (window);
}

/* The start screen is drawn: its heading and at least one person's button
 * are on screen, not the "no one is set up" or error page */
static gboolean
shows_start_screen (GtkWidget *widget,
                    gboolean  *heading,
                    gboolean  *person)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (gtk_widget_has_css_class (widget, "pl-start-heading"))
    *heading = TRUE;
  if (gtk_widget_has_css_class (widget, "pl-person-button"))
    *person = TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_start_screen (child, heading, person))
      return TRUE;
  return *heading && *person;
}

static void
first_frame_painted_cb (GdkFrameClock *clock,
                        GtkWidget     *window)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  gboolean heading = FALSE, person = FALSE;
  struct rusage usage;

  if (!shows_start_screen (window, &heading, &person))
    return;

  /* Peak memory in kB, as Linux gives it */
  getrusage (RUSAGE_SELF, &usage);
  g_print ("first-frame %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %ld\n",
           g_get_monotonic_time (),
           (gint64) usage.ru_utime.tv_sec * G_USEC_PER_SEC + usage.ru_utime.tv_usec,
           (gint64) usage.ru_stime.tv_sec * G_USEC_PER_SEC + usage.ru_stime.tv_usec,
           usage.ru_maxrss);

  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, window);
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
}

static void
report_first_frame (PlApplication *self,
                    GtkWindow     *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  if (clock == NULL)
    {
      g_printerr ("%s\n", _("Plainly could not draw its window. Is there a display?"));
      self->exit_status = 1;
      g_application_quit (G_APPLICATION (self));
      return;
    }

  g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_frame_painted_cb), window, 0);
}

static int
pl_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  /* A picture is taken here, never by a Plainly already running */
  if (g_variant_dict_contains (options, "screenshot"))
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
screenshot_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  PlApplication *self = PL_APPLICATION (user_data);
  g_autoptr(GError) error = NULL;

  if (!pl_screenshot_take_finish (PL_WINDOW (source), result, &error))
    {
      g_printerr ("%s\n", error->message);
      self->exit_status = 1;
    }

  gtk_window_destroy (GTK_WINDOW (source));
  g_application_release (G_APPLICATION (self));
}

/* Who the picture is drawn for: the person, with their PIN when they have
 * one, typed at a prompt that hides it or given on standard input, never on
 * the command line */
static PlViewer *
screenshot_viewer (PlStore     *store,
                   const char  *who,
                   GError     **error)
{
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(PlViewer) viewer = NULL;
  gboolean needs_pin = FALSE;

  if (store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The database could not be opened."));
      return NULL;
    }
  person = pl_store_find_person (store, who, error);
  if (person == NULL ||
      !pl_access_needs_pin (store, PL_VIEWER_PERSON, person->id, &needs_pin, error))
    return NULL;

  if (needs_pin)
    {
      g_autoptr(GError) local_error = NULL;
      /* Translators: %s is the person's name */
      g_autofree char *prompt = g_strdup_printf (_("PIN for %s:"), person->full_name);
      char *pin = pl_secret_prompt_read (prompt, &local_error);

      if (pin == NULL)
        {
          g_set_error (error, PL_ACCESS_ERROR, PL_ACCESS_ERROR_NEEDS_SECRET,
                       _("%s keeps their documents behind a PIN. %s"),
                       person->full_name, local_error->message);
          return NULL;
        }
      viewer = pl_access_open_person (store, person->id, pin, error);
      pl_secret_prompt_free (pin);
    }
  else
    viewer = pl_access_open_person (store, person->id, NULL, error);

  if (viewer == NULL)
    return NULL;
  return pl_viewer_for_person (store, viewer, person->id, error);
}

static void
take_screenshot (PlApplication *self,
                 GVariantDict  *options,
                 const char    *output,
                 const char    *path)
{
  PlScreenshotRequest request = { 0 };
  PlWindow *window;
  int width = 1024, height = 768;

  request.output = g_strdup (output);
  g_variant_dict_lookup (options, "person", "s", &request.person);
  g_variant_dict_lookup (options, "page", "s", &request.page);
  g_variant_dict_lookup (options, "anchor", "s", &request.anchor);
  g_variant_dict_lookup (options, "theme", "s", &request.theme);
  g_variant_dict_lookup (options, "text-size", "i", &request.text_size);
  g_variant_dict_lookup (options, "width", "i", &width);
  g_variant_dict_lookup (options, "height", "i", &height);

  /* The same pixels every time */
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                "gtk-label-select-on-focus", FALSE,
                NULL);

  window = pl_window_new (GTK_APPLICATION (self));
  gtk_window_set_default_size (GTK_WINDOW (window), MAX (width, 360), MAX (height, 360));
  gtk_window_present (GTK_WINDOW (window));
  pl_window_open_database (window, path);

  if (request.person != NULL)
    {
      g_autoptr(GError) error = NULL;

      request.viewer = screenshot_viewer (pl_window_get_store (window), request.person, &error);
      if (request.viewer == NULL)
        {
          g_printerr ("%s\n", error->message);
          self->exit_status = 1;
          gtk_window_destroy (GTK_WINDOW (window));
          pl_screenshot_request_clear (&request);
          return;
        }
    }

  g_application_hold (G_APPLICATION (self));
  pl_screenshot_take_async (window, &request, screenshot_done_cb, self);
  pl_screenshot_request_clear (&request);
}

static int
pl_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  PlApplication *self = PL_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  GtkWindow *window;
  g_autofree char *db = NULL;
  g_autofree char *path = NULL;
  g_autofree char *output = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &db) && db != NULL && db[0] != '\0')
    {
      /* Relative to where the command was typed, which may not be our folder */
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, db);

      path = g_file_get_path (file);
    }

  if (path == NULL)
    path = pl_store_default_path ();

  if (g_variant_dict_lookup (options, "screenshot", "^ay", &output) && output[0] != '\0')
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, output);
      g_autofree char *output_path = g_file_get_path (file);

      take_screenshot (self, options, output_path, path);
      return 0;
    }

  window = pl_application_open_database (self, path);
  if (g_variant_dict_contains (options, "report-first-frame"))
    report_first_frame (self, window);
  return 0;
}

static void
pl_application_activate (GApplication *app)
{
  PlApplication *self = PL_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = pl_store_default_path ();
  pl_application_open_database (self, path);
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing each window lets it remember its size; the last one ends the app */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);

  gtk_window_present (GTK_WINDOW (pl_about_window_new (gtk_application_get_active_window (app))));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_action_cb, NULL, NULL, NULL, { 0 } },
  { "about", about_action_cb, NULL, NULL, NULL, { 0 } },
};

static void
screen_reader_running_cb (PlScreenReader *screen_reader)
{
  g_object_set (gtk_settings_get_default (), "gtk-entry-select-on-focus",
                !pl_screen_reader_get_running (screen_reader), NULL);
}

static void
pl_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  /* As GtkApplication gives it with a gtk/help-overlay.ui, which Plainly
   * leaves out so the shortcuts window is built only when asked for */
  static const char *help_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (pl_application_parent_class)->startup (app);

  /* Atkinson Hyperlegible Next, for this process only; without it the
   * choice of fonts is simply shorter */
  if (!pl_fonts_register ())
    g_debug ("The bundled fonts were not found");

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries,
                                   G_N_ELEMENTS (app_entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         help_accels);

  /* Paragraphs take the focus so the keyboard can walk the text; focusing
   * one should show the focus ring, not select all of its words. */
  g_object_set (gtk_settings_get_default (), "gtk-label-select-on-focus", FALSE, NULL);
  /* A field that selects its words as it takes the focus unselects them
   * as it loses it, and Orca said "Text unselected" after every spacing
   * box: with a screen reader, fields take the focus as they are */
  g_signal_connect (pl_screen_reader_get_default (), "notify::running",
                    G_CALLBACK (screen_reader_running_cb), NULL);
  screen_reader_running_cb (pl_screen_reader_get_default ());

  gtk_window_set_default_icon_name (APP_ID);
}

static void
pl_application_dispose (GObject *object)
{
  PlApplication *self = PL_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pl_application_parent_class)->dispose (object);
}

static void
pl_application_class_init (PlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = pl_application_dispose;
  app_class->handle_local_options = pl_application_handle_local_options;
  app_class->command_line = pl_application_command_line;
  app_class->activate = pl_application_activate;
  app_class->startup = pl_application_startup;
}

static void
pl_application_init (PlApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Read, hear and help write your care and support plan."));

  /* An uninstalled build has no schema; run without remembering rather than abort */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, PL_SETTINGS_SCHEMA, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);
  else
    g_debug ("Schema %s is not installed; settings will not be kept", PL_SETTINGS_SCHEMA);
}

PlApplication *
pl_application_new (void)
{
  /* The development profile has its own ID but shares the resources */
  return g_object_new (PL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", PL_RESOURCE_BASE,
                       NULL);
}

GSettings *
pl_application_get_settings (PlApplication *self)
{
  g_return_val_if_fail (PL_IS_APPLICATION (self), NULL);

  return self->settings;
}

int
pl_application_get_exit_status (PlApplication *self)
{
  g_return_val_if_fail (PL_IS_APPLICATION (self), 1);

  return self->exit_status;
}
