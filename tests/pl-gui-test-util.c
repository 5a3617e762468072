/* pl-gui-test-util.c: what every test of real widgets needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-gui-test-util.h"
#include "pl-screenshot.h"
#include "pl-screenshot-private.h"

#if defined(__SANITIZE_ADDRESS__)
#include <link.h>
#include <string.h>

/* libasan's allocator interface; GCC 12 ships no header for it */
int    __sanitizer_get_ownership       (const volatile void *p);
size_t __sanitizer_get_allocated_size  (const volatile void *p);

/* GLib allocates its first block of quark names while the program loads and
 * drops it, on purpose, when a program makes its 2,049th quark; a widget
 * test makes that many. GLib has no frame pointers, so LeakSanitizer sees
 * only "g_malloc" and cannot tell this from a real leak. Holding the block
 * here keeps it reachable. */
#define GLIB_QUARK_BLOCK 2048
/* volatile: written, never read, and still to be kept */
static const char ** volatile glib_first_quark_block;

static int
find_quark_block_cb (struct dl_phdr_info *info,
                     size_t               size,
                     void                *data)
{
  if (info->dlpi_name == NULL || strstr (info->dlpi_name, "libglib-2.0") == NULL)
    return 0;

  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
      const char ***words;

      if (segment->p_type != PT_LOAD || (segment->p_flags & PF_W) == 0)
        continue;

      /* GLib's own pointer to the block is in its writable data */
      words = (const char ***) (info->dlpi_addr + segment->p_vaddr);
      for (gsize j = 0; j < segment->p_memsz / sizeof (gpointer); j++)
        {
          const char **block = words[j];

          if (block == NULL || !__sanitizer_get_ownership (block) ||
              __sanitizer_get_allocated_size (block) != GLIB_QUARK_BLOCK * sizeof (char *))
            continue;
          if (block[1] == g_quark_to_string (1) && block[2] == g_quark_to_string (2))
            {
              glib_first_quark_block = block;
              return 1;
            }
        }
    }
  return 0;
}
#endif

/* What AdwApplication does for the real app: sizes and targets come from it */
static void
load_app_css (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, PL_RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
pl_gui_test_init (int    *argc,
                  char ***argv)
{
#if defined(__SANITIZE_ADDRESS__)
  dl_iterate_phdr (find_quark_block_cb, NULL);
#endif
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  load_app_css ();

  /* Transitions would only make the tests wait */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

gboolean
pl_gui_test_wait_until (gboolean (*done) (gpointer data),
                        gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return TRUE;
}

static gboolean count_tick_cb (GtkWidget     *widget,
                               GdkFrameClock *frame_clock,
                               gpointer       user_data);

void
pl_gui_test_run_frames (guint n_frames)
{
  /* At least n frames' worth of time, and n real frames of every window
   * shown: on a busy machine time alone may pass with no frame drawn */
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autofree guint *ticks = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 end = start + (gint64) n_frames * G_USEC_PER_SEC / 30;
  gint64 give_up = start + 10 * G_USEC_PER_SEC;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_widget_get_mapped (l->data))
      g_ptr_array_add (windows, g_object_ref (l->data));
  ticks = g_new0 (guint, MAX (windows->len, 1));
  for (guint i = 0; i < windows->len; i++)
    {
      guint id = gtk_widget_add_tick_callback (g_ptr_array_index (windows, i), count_tick_cb,
                                               &ticks[i], NULL);

      g_array_append_val (ids, id);
    }

  for (;;)
    {
      gboolean ticked = TRUE;
      gint64 now = g_get_monotonic_time ();

      for (guint i = 0; i < windows->len; i++)
        if (ticks[i] <= n_frames && gtk_widget_get_mapped (g_ptr_array_index (windows, i)))
          ticked = FALSE;
      if ((now >= end && ticked) || now >= give_up)
        break;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  for (guint i = 0; i < windows->len; i++)
    if (!gtk_widget_in_destruction (g_ptr_array_index (windows, i)))
      gtk_widget_remove_tick_callback (g_ptr_array_index (windows, i),
                                       g_array_index (ids, guint, i));
}

static gboolean
count_tick_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  guint *ticks = user_data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

gboolean
pl_gui_test_run_ticks (gpointer widget,
                       guint    n_ticks)
{
  /* A tick callback keeps the frame clock running; once tick n + 1 has
   * run, frame n has been laid out and painted */
  guint ticks = 0;
  guint id = gtk_widget_add_tick_callback (GTK_WIDGET (widget), count_tick_cb, &ticks, NULL);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (ticks <= n_ticks && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  gtk_widget_remove_tick_callback (GTK_WIDGET (widget), id);
  return ticks > n_ticks;
}

gboolean
pl_gui_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget));
}

GtkWidget *
pl_gui_test_find_named (GtkWidget  *root,
                        const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pl_gui_test_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

float
pl_gui_test_target_height (GtkWidget *widget)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, widget, &bounds));
  return bounds.size.height;
}

gboolean
pl_gui_test_reachable_by_tab (GtkWindow *window,
                              GtkWidget *widget)
{
  GtkWidget *first = NULL;

  gtk_window_set_focus (window, NULL);
  for (guint i = 0; i < 500; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        return FALSE;
      focus = gtk_window_get_focus (window);
      if (focus == widget || (focus != NULL && gtk_widget_is_ancestor (focus, widget)))
        return TRUE;
      if (focus == first)
        return FALSE;
      if (first == NULL)
        first = focus;
    }
  return FALSE;
}

static void
clicked_cb (GtkButton *button,
            gboolean  *clicked)
{
  *clicked = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

void
pl_gui_test_press_button (GtkWidget *button)
{
  /* A row's button may go with its row when the list is rebuilt */
  g_autoptr(GtkWidget) held = g_object_ref (button);
  gboolean clicked = FALSE;
  gulong id = g_signal_connect (held, "clicked", G_CALLBACK (clicked_cb), &clicked);

  g_assert_true (gtk_widget_activate (held));
  g_assert_true (pl_gui_test_wait_until (is_true, &clicked));
  g_signal_handler_disconnect (held, id);
}

/* The first shortcut for trigger in widget's own controllers that acts */
static gboolean
activate_shortcut_in (GtkWidget          *widget,
                      GtkShortcutTrigger *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

GtkWidget *
pl_gui_test_press_keys (GtkWidget  *focus,
                        const char *accelerator)
{
  g_autoptr(GtkShortcutTrigger) trigger = gtk_shortcut_trigger_parse_string (accelerator);

  g_assert_nonnull (trigger);
  /* The key goes to the focused widget and its parents in turn, as GTK
   * sends it, until one of them does something with it */
  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (activate_shortcut_in (widget, trigger))
      {
        pl_gui_test_run_frames (1);
        return widget;
      }
  return NULL;
}

void
pl_gui_test_type_at_end (GtkWidget  *widget,
                         const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter end;

      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, text, -1);
    }
  else
    {
      int position = -1;

      gtk_editable_insert_text (GTK_EDITABLE (widget), text, -1, &position);
    }
}

void
pl_gui_test_save_png (GtkWidget  *window,
                      const char *name)
{
  const char *dir = g_getenv ("PL_SCREENSHOT_DIR");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  g_assert_true (pl_gui_test_run_ticks (window, 3));
  texture = pl_screenshot_render (window);
  g_assert_nonnull (texture);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}
