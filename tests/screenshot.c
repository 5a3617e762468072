/* screenshot.c: render the window to a PNG, so people can look at the UI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   screenshot --db FILE [--person NAME-OR-ID] [--page PAGE] [--anchor ANCHOR]
 *              [--width W] [--height H] [--dark]
 *              [--text-size PT] [--theme ID] OUTPUT.png
 *
 * --page is home, plan (the default), diary, welcome or complaint.
 * --text-size and --theme are saved as the person's settings in that
 * database, as choosing them in the reader would; use a copy.
 *
 * A test helper, not installed. Run it under Xvfb with GSK_RENDERER=cairo for
 * the same pixels every time.
 */

#include "config.h"

#include <stdlib.h>
#include <adwaita.h>

#include "pl-store.h"
#include "pl-window.h"

static char *db_path;
static char *person;
static char *anchor;
static char *page;
static int width = 1024;
static int height = 768;
static gboolean dark;
static int text_size;
static char *theme;

static const GOptionEntry entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "Database to open", "FILE" },
  { "person", 0, 0, G_OPTION_ARG_STRING, &person, "Open this person's home, then --page", "NAME-OR-ID" },
  { "page", 0, 0, G_OPTION_ARG_STRING, &page,
    "home, plan (the default), diary, welcome or complaint", "PAGE" },
  { "anchor", 0, 0, G_OPTION_ARG_STRING, &anchor, "Scroll the plan to this part", "ANCHOR" },
  { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "PX" },
  { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "PX" },
  { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Use the dark style", NULL },
  { "text-size", 0, 0, G_OPTION_ARG_INT, &text_size, "Reader text size", "PT" },
  { "theme", 0, 0, G_OPTION_ARG_STRING, &theme, "Reader theme", "ID" },
  { NULL }
};

static void
run_for (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

static void
load_css (const char *resource)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  /* What AdwApplication does for the real app */
  gtk_css_provider_load_from_resource (provider, resource);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static gboolean
save_png (GtkWidget  *widget,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return FALSE;

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  return gdk_texture_save_to_png (texture, path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("OUTPUT.png");
  g_autoptr(GError) error = NULL;
  PlWindow *window;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || db_path == NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message
                                        : "Usage: screenshot --db FILE [OPTION…] OUTPUT.png");
      return EXIT_FAILURE;
    }

  adw_init ();
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                "gtk-label-select-on-focus", FALSE,
                NULL);
  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);
  load_css (PL_RESOURCE_BASE "/style.css");
  if (dark)
    load_css (PL_RESOURCE_BASE "/style-dark.css");

  window = pl_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  run_for (300);

  if (!pl_window_open_database (window, db_path))
    g_printerr ("Could not open %s; the picture shows the error page\n", db_path);

  if (person != NULL && pl_window_get_store (window) != NULL)
    {
      g_autoptr(PlPerson) found = pl_store_find_person (pl_window_get_store (window),
                                                        person, &error);

      if (found == NULL)
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      pl_window_open_person (window, found->id);
      if (text_size > 0)
        pl_window_set_text_size (window, text_size);
      if (theme != NULL)
        pl_window_set_theme (window, theme);
      run_for (300);
      if (g_strcmp0 (page, "home") != 0)
        {
          const char *pages[] = { "plan", "diary", "welcome", "complaint" };
          PlWindowPage chosen = PL_WINDOW_PAGE_PLAN;

          for (guint i = 0; page != NULL && i < G_N_ELEMENTS (pages); i++)
            if (g_str_equal (page, pages[i]))
              chosen = (PlWindowPage) i;
          pl_window_open_page (window, chosen);
          run_for (300);
        }
      if (anchor != NULL &&
          !pl_document_view_scroll_to_anchor (pl_window_get_document_view (window), anchor))
        g_printerr ("No part called “%s”\n", anchor);
    }

  /* Keyboard focus rings show only after a key press; pictures should show them */
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  run_for (700);

  if (!save_png (GTK_WIDGET (window), argv[1]))
    {
      g_printerr ("Could not save %s\n", argv[1]);
      return EXIT_FAILURE;
    }

  gtk_window_destroy (GTK_WINDOW (window));
  return EXIT_SUCCESS;
}
