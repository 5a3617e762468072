/* test-screenshot.c: what a person sees, checked from the pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs `plainly --screenshot` (its path is the first argument) under Xvfb on
 * the example person, then reads the PNG: each theme's text against its
 * background reaches 7:1 (WCAG 1.4.6) as drawn, the focus ring 3:1, and at
 * 400% nothing runs into the window's right edge (WCAG 1.4.10).
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "pl-demo.h"
#include "pl-secret.h"
#include "pl-store.h"
#include "pl-theme.h"
#include "pl-test-util.h"

static const char *plainly_path;

/* The environment plainly runs in. Under AddressSanitizer a leak check
 * must walk whole stacks, so the suppressions (tests/lsan.supp) can tell
 * what GLib allocates while loading, before main(), from what Plainly
 * leaks; that makes every allocation some twenty times slower, so one
 * screenshot of the plan and the failing request are checked for leaks,
 * and the other pictures, which only compare pixels, are not. */
static char **
plainly_environment (gboolean check_leaks)
{
  char **envp = g_get_environ ();
  const char *asan = g_environ_getenv (envp, "ASAN_OPTIONS");
  g_autofree char *options = g_strconcat (asan != NULL ? asan : "", asan != NULL ? ":" : "",
                                          check_leaks ? "fast_unwind_on_malloc=0" : "detect_leaks=0",
                                          NULL);

  return g_environ_setenv (envp, "ASAN_OPTIONS", options, TRUE);
}

typedef struct
{
  char     *dir;
  char     *db;
  gboolean  check_leaks;
} Fixture;

typedef struct
{
  int     width;
  int     height;
  guchar *pixels;   /* GDK_MEMORY_R8G8B8A8 */
} Picture;

/* Below the header bar, inside the window's border */
#define TOP_MARGIN    80
#define EDGE_MARGIN   6

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = pl_test_make_dir ("plainly-screenshot");
  store = pl_test_open_store (f->dir, &f->db);
  g_assert_true (pl_demo_install (store, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  pl_test_remove_dir (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

static void
picture_clear (Picture *picture)
{
  g_clear_pointer (&picture->pixels, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Picture, picture_clear)

/* Runs plainly --screenshot with args (NULL-terminated) and loads the PNG */
static void
take (Fixture    *f,
      Picture    *picture,
      const char *first_arg,
      ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *png = g_build_filename (f->dir, "shot.png", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_auto(GStrv) envp = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer) plainly_path);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, f->db);
  g_ptr_array_add (argv, (gpointer) "--screenshot");
  g_ptr_array_add (argv, png);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_remove (png);
  envp = plainly_environment (f->check_leaks);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("plainly said: %s", err);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);

  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  picture->width = gdk_texture_get_width (texture);
  picture->height = gdk_texture_get_height (texture);
  picture->pixels = g_malloc ((gsize) picture->width * picture->height * 4);
  gdk_texture_download (texture, picture->pixels, (gsize) picture->width * 4);
}

static PlColor
pixel (const Picture *picture,
       int            x,
       int            y)
{
  /* gdk_texture_download gives cairo's ARGB32: B, G, R, A in memory here */
  const guchar *p = picture->pixels + ((gsize) y * picture->width + x) * 4;
  PlColor color = { p[2], p[1], p[0] };

  return color;
}

static guint
pack (PlColor c)
{
  return ((guint) c.r << 16) | ((guint) c.g << 8) | c.b;
}

static PlColor
unpack (guint v)
{
  PlColor c = { (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff };

  return c;
}

static gboolean
near (PlColor a,
      PlColor b)
{
  return ABS (a.r - b.r) <= 2 && ABS (a.g - b.g) <= 2 && ABS (a.b - b.b) <= 2;
}

static void
assert_color (PlColor     found,
              PlColor     expected,
              const char *what)
{
  if (!near (found, expected))
    g_error ("%s is #%02x%02x%02x, not #%02x%02x%02x", what,
             found.r, found.g, found.b, expected.r, expected.g, expected.b);
}

/* The reading area's background (its commonest colour) and text (the
 * commonest colour clearly apart from it: anti-aliased edges are many
 * colours, each rare) */
static void
dominant_colors (const Picture *picture,
                 PlColor       *background,
                 PlColor       *text)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint best = 0, best_text = 0;

  for (int y = TOP_MARGIN; y < picture->height - EDGE_MARGIN; y++)
    for (int x = EDGE_MARGIN; x < picture->width - 20; x++)
      {
        gpointer k = GUINT_TO_POINTER (pack (pixel (picture, x, y)) + 1);

        g_hash_table_insert (counts, k,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, k)) + 1));
      }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best)
      {
        best = GPOINTER_TO_UINT (value);
        *background = unpack (GPOINTER_TO_UINT (key) - 1);
      }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PlColor color = unpack (GPOINTER_TO_UINT (key) - 1);

      if (GPOINTER_TO_UINT (value) > best_text && pl_color_contrast (color, *background) >= 2.0)
        {
          best_text = GPOINTER_TO_UINT (value);
          *text = color;
        }
    }
  g_assert_cmpuint (best_text, >, 500);
}

static gboolean
has_color (const Picture *picture,
           PlColor        color)
{
  for (int y = TOP_MARGIN; y < picture->height - EDGE_MARGIN; y++)
    for (int x = EDGE_MARGIN; x < picture->width - EDGE_MARGIN; x++)
      if (near (pixel (picture, x, y), color))
        return TRUE;
  return FALSE;
}

static void
test_theme_contrast (Fixture       *f,
                     gconstpointer  data)
{
  const PlTheme *theme = data;
  g_auto(Picture) picture = { 0 };
  PlColor background, text;
  double ratio;

  f->check_leaks = g_str_equal (theme->id, "standard");
  take (f, &picture, "--person", "DEMO-0001", "--page", "plan", "--text-size", "24",
        "--theme", theme->id, NULL);

  dominant_colors (&picture, &background, &text);
  ratio = pl_color_contrast (text, background);
  g_test_message ("%s: text #%02x%02x%02x on #%02x%02x%02x, %.1f:1", theme->id,
                  text.r, text.g, text.b, background.r, background.g, background.b, ratio);

  /* Drawn in the theme's own colours, whatever the desktop's theme */
  assert_color (background, theme->background, "the background");
  assert_color (text, theme->text, "the text");
  g_assert_cmpfloat (ratio, >=, 7.0);

  /* The first heading has the keyboard focus: its ring is drawn, and stands
   * out from the page */
  g_assert_true (has_color (&picture, theme->focus));
  g_assert_cmpfloat (pl_color_contrast (theme->focus, background), >=, 3.0);
}

/* Nothing but the page between columns from and to, on every row that is
 * not a rule drawn right across the window */
static void
assert_columns_clear (const Picture *picture,
                      int            from,
                      int            to,
                      const char    *side,
                      const char    *what)
{
  PlColor background, text;

  dominant_colors (picture, &background, &text);
  for (int y = TOP_MARGIN; y < picture->height - EDGE_MARGIN; y++)
    {
      int drawn = 0;

      /* A rule drawn right across the window (above the read-aloud bar) is
       * not text running off it: nearly every pixel of its row is drawn */
      for (int x = EDGE_MARGIN; x < picture->width - EDGE_MARGIN; x++)
        if (!near (pixel (picture, x, y), background))
          drawn++;
      if (drawn > (picture->width - 2 * EDGE_MARGIN) * 9 / 10)
        continue;

      for (int x = from; x < to; x++)
        if (!near (pixel (picture, x, y), background))
          g_error ("%s: something is drawn at the %s edge, at %d,%d", what, side, x, y);
    }
}

/* At 400% (56 pt) in a 1024×768 window, a band along the right edge holds
 * nothing but the page: text that did not wrap would run into it. The last
 * pixels are the window border and the overlay scroll indicator. */
static void
assert_right_edge_clear (const Picture *picture,
                         const char    *what)
{
  assert_columns_clear (picture, picture->width - 28, picture->width - 12, "right", what);
}

static void
test_huge_text_not_cut_off (Fixture       *f,
                            gconstpointer  data)
{
  const char *anchors[] = { "top", "visits", "people", "medicines", "crisis" };
  g_auto(Picture) standard = { 0 };

  /* Nothing at 400% may be wider than the window: the window would grow */
  take (f, &standard, "--person", "DEMO-0001", "--page", "plan", "--text-size", "14", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (anchors); i++)
    {
      g_auto(Picture) picture = { 0 };

      take (f, &picture, "--person", "DEMO-0001", "--page", "plan", "--text-size", "56",
            "--theme", "black-on-white", "--anchor", anchors[i], NULL);
      g_assert_cmpint (picture.width, ==, standard.width);
      assert_right_edge_clear (&picture, anchors[i]);
    }

  {
    g_auto(Picture) picture = { 0 };

    take (f, &picture, "--person", "DEMO-0001", "--page", "home", "--text-size", "56",
          "--theme", "yellow-on-black", NULL);
    g_assert_cmpint (picture.width, ==, standard.width);
    assert_right_edge_clear (&picture, "home");
  }
}

static void
assert_left_edge_clear (const Picture *picture,
                        const char    *what)
{
  assert_columns_clear (picture, 12, 28, "left", what);
}

/* Where the text's own colour is drawn in the upper half, below the
 * header: its leftmost and rightmost x */
static void
text_span (const Picture *picture,
           int           *left,
           int           *right)
{
  PlColor background, text;

  dominant_colors (picture, &background, &text);
  *left = picture->width;
  *right = -1;
  for (int y = TOP_MARGIN; y < picture->height / 2; y++)
    for (int x = EDGE_MARGIN; x < picture->width - EDGE_MARGIN; x++)
      if (near (pixel (picture, x, y), text))
        {
          *left = MIN (*left, x);
          *right = MAX (*right, x);
        }
  g_assert_cmpint (*right, >, *left);
}

/* Dot, reading in Urdu */
static void
set_urdu (Fixture *f)
{
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlPerson) person = NULL;
  g_autoptr(PlSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  store = pl_store_open (f->db, PL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  person = pl_store_find_person_by_external_id (store, "DEMO-0001", &error);
  g_assert_no_error (error);
  g_free (person->preferred_language);
  person->preferred_language = g_strdup ("ur");
  g_assert_true (pl_store_save_person (store, person, &error));
  settings = pl_store_get_settings (store, person->id, &error);
  g_assert_no_error (error);
  g_free (settings->language);
  settings->language = g_strdup ("ur");
  g_assert_true (pl_store_save_settings (store, settings, &error));
  g_assert_no_error (error);
}

/* In Urdu the window mirrors and the plan is written from the right: a
 * short line ends at the right and stops short of the left; at 400% nothing
 * runs off either side (WCAG 1.4.10) */
static void
test_right_to_left (Fixture       *f,
                    gconstpointer  data)
{
  const char *anchors[] = { "top", "summary-coordinator", "people", "medicines", "crisis" };
  g_auto(Picture) english = { 0 };
  g_auto(Picture) urdu = { 0 };
  int left, right;

  take (f, &english, "--person", "DEMO-0001", "--page", "plan", "--text-size", "56",
        "--anchor", "summary-coordinator", NULL);
  text_span (&english, &left, &right);
  g_assert_cmpint (left, <, 60);
  g_assert_cmpint (right, <, english.width - 60);

  set_urdu (f);
  take (f, &urdu, "--person", "DEMO-0001", "--page", "plan", "--text-size", "56",
        "--anchor", "summary-coordinator", NULL);
  g_assert_cmpint (urdu.width, ==, english.width);
  text_span (&urdu, &left, &right);
  g_assert_cmpint (right, >, urdu.width - 60);
  g_assert_cmpint (left, >, 60);

  for (guint i = 0; i < G_N_ELEMENTS (anchors); i++)
    {
      g_auto(Picture) picture = { 0 };

      take (f, &picture, "--person", "DEMO-0001", "--page", "plan", "--text-size", "56",
            "--theme", "black-on-white", "--anchor", anchors[i], NULL);
      g_assert_cmpint (picture.width, ==, english.width);
      assert_left_edge_clear (&picture, anchors[i]);
      assert_right_edge_clear (&picture, anchors[i]);
    }
  {
    g_auto(Picture) picture = { 0 };

    take (f, &picture, "--person", "DEMO-0001", "--page", "home", "--text-size", "56",
          "--theme", "yellow-on-black", NULL);
    g_assert_cmpint (picture.width, ==, english.width);
    assert_left_edge_clear (&picture, "home");
    assert_right_edge_clear (&picture, "home");
  }
}

/* A wrong request fails with a message, not a picture of something else */
static void
test_bad_request (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *png = g_build_filename (f->dir, "bad.png", NULL);
  const char *argv[] = { plainly_path, "--db", f->db, "--screenshot", png,
                         "--person", "DEMO-0001", "--page", "nowhere", NULL };
  g_autofree char *err = NULL;
  g_auto(GStrv) envp = plainly_environment (TRUE);
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                               NULL, NULL, &err, &status, NULL));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "nowhere"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

/* Runs plainly --screenshot for the example person with stdin_text on its
 * standard input (NULL: none); returns whether it succeeded, with what it
 * said in err */
static gboolean
take_with_input (Fixture     *f,
                 const char  *png,
                 const char  *stdin_text,
                 const char  *extra_arg,
                 char       **err)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = plainly_environment (FALSE);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, envp);
  process = g_subprocess_launcher_spawn (launcher, &error, plainly_path, "--db", f->db,
                                         "--screenshot", png, "--person", "DEMO-0001",
                                         "--page", "plan", extra_arg, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, stdin_text != NULL ? stdin_text : "",
                                                NULL, NULL, err, &error));
  g_assert_no_error (error);
  return g_subprocess_get_if_exited (process) && g_subprocess_get_exit_status (process) == 0;
}

/* A person with a PIN is drawn only with their PIN, read from standard
 * input here (a prompt that hides it at a terminal), never from the
 * command line */
static void
test_pin_person (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *png = g_build_filename (f->dir, "pin.png", NULL);
  g_autoptr(GError) error = NULL;
  char *err = NULL;

  {
    g_autoptr(PlStore) store = pl_store_open (f->db, PL_STORE_OPEN_NO_CREATE, &error);
    g_autoptr(PlPerson) person = NULL;

    g_assert_no_error (error);
    person = pl_store_find_person (store, "DEMO-0001", &error);
    g_assert_no_error (error);
    g_free (person->pin_hash);
    person->pin_hash = pl_secret_hash ("2468", &error);
    g_assert_true (pl_store_save_person (store, person, &error));
    g_assert_no_error (error);
  }

  g_assert_false (take_with_input (f, png, NULL, NULL, &err));
  g_assert_nonnull (strstr (err, "keeps their documents behind a PIN"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  g_assert_false (take_with_input (f, png, "1357\n", NULL, &err));
  g_assert_nonnull (strstr (err, "That PIN is not right"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  g_assert_false (take_with_input (f, png, NULL, "--pin=2468", &err));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  g_assert_true (take_with_input (f, png, "2468\n", NULL, &err));
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  g_assert_null (strstr (err, "2468"));
  g_clear_pointer (&err, g_free);
}

int
main (int   argc,
      char *argv[])
{
  const PlTheme *themes;
  guint n_themes;

  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("Usage: test-screenshot PATH-TO-PLAINLY\n");
      return 1;
    }
  plainly_path = argv[1];
  /* The catalogues as built, for the Urdu window */
  {
    g_autofree char *po = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

    if (g_getenv ("PLAINLY_LOCALEDIR") == NULL)
      g_setenv ("PLAINLY_LOCALEDIR", po, TRUE);
  }

  themes = pl_themes (&n_themes);
  for (guint i = 0; i < n_themes; i++)
    {
      g_autofree char *path = g_strdup_printf ("/plainly/screenshot/contrast/%s", themes[i].id);

      g_test_add (path, Fixture, &themes[i], fixture_setup, test_theme_contrast, fixture_teardown);
    }
  g_test_add ("/plainly/screenshot/huge-text-not-cut-off", Fixture, NULL,
              fixture_setup, test_huge_text_not_cut_off, fixture_teardown);
  g_test_add ("/plainly/screenshot/right-to-left", Fixture, NULL,
              fixture_setup, test_right_to_left, fixture_teardown);
  g_test_add ("/plainly/screenshot/bad-request", Fixture, NULL,
              fixture_setup, test_bad_request, fixture_teardown);
  g_test_add ("/plainly/screenshot/pin-person", Fixture, NULL,
              fixture_setup, test_pin_person, fixture_teardown);

  return g_test_run ();
}
