/* test-theme.c: every theme reaches the contrast it promises
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-model.h"
#include "pl-theme.h"

static void
test_contrast_formula (void)
{
  PlColor black = { 0, 0, 0 }, white = { 255, 255, 255 }, grey = { 0x76, 0x76, 0x76 };

  g_assert_cmpfloat_with_epsilon (pl_color_contrast (black, white), 21.0, 0.001);
  g_assert_cmpfloat_with_epsilon (pl_color_contrast (white, black), 21.0, 0.001);
  g_assert_cmpfloat_with_epsilon (pl_color_contrast (white, white), 1.0, 0.001);
  /* #767676 on white is the well-known 4.54:1 */
  g_assert_cmpfloat_with_epsilon (pl_color_contrast (grey, white), 4.54, 0.01);
}

static gboolean
same_color (PlColor a,
            PlColor b)
{
  return a.r == b.r && a.g == b.g && a.b == b.b;
}

static void
test_themes_reach_7_to_1 (void)
{
  guint n;
  const PlTheme *themes = pl_themes (&n);

  g_assert_cmpuint (n, >=, 6);
  for (guint i = 0; i < n; i++)
    {
      const PlTheme *t = &themes[i];

      g_test_message ("%s: text %.1f, link %.1f, notice %.1f, highlight %.1f, focus %.1f",
                      t->id,
                      pl_color_contrast (t->text, t->background),
                      pl_color_contrast (t->link, t->background),
                      pl_color_contrast (t->notice_text, t->notice_background),
                      pl_color_contrast (t->highlight_text, t->highlight_background),
                      pl_color_contrast (t->focus, t->background));
      /* WCAG 1.4.6 */
      g_assert_cmpfloat (pl_color_contrast (t->text, t->background), >=, 7.0);
      g_assert_cmpfloat (pl_color_contrast (t->link, t->background), >=, 7.0);
      g_assert_cmpfloat (pl_color_contrast (t->notice_text, t->notice_background), >=, 7.0);
      g_assert_cmpfloat (pl_color_contrast (t->highlight_text, t->highlight_background), >=, 7.0);
      /* WCAG 1.4.11 */
      g_assert_cmpfloat (pl_color_contrast (t->focus, t->background), >=, 3.0);
      /* WCAG 1.4.3 for controls not in use: a colour of their own, not the
       * text faded, and never the text's or a link's colour */
      g_test_message ("%s: disabled text %.1f", t->id,
                      pl_color_contrast (t->disabled_text, t->background));
      g_assert_cmpfloat (pl_color_contrast (t->disabled_text, t->background), >=, 4.5);
      g_assert_false (same_color (t->disabled_text, t->text));
      g_assert_false (same_color (t->disabled_text, t->link));
      g_assert_true (pl_theme_lookup (t->id) == t);
    }

  g_assert_true (pl_theme_lookup ("no-such-theme") == &themes[0]);
  g_assert_true (pl_theme_lookup (NULL) == &themes[0]);
}

/* ui/pl-themes.css names each theme's colours; they must be this table's,
 * and its rules may use no colour it has not named */
static void
test_style_sheet_matches (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "ui", "pl-themes.css", NULL);
  g_autofree char *css = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n;
  const PlTheme *themes = pl_themes (&n);

  g_assert_true (g_file_get_contents (path, &css, NULL, &error));
  g_assert_no_error (error);

  lines = g_strsplit (css, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;

      if (!g_str_has_prefix (lines[i], "@define-color "))
        {
          /* A colour written out in a rule would escape this test */
          g_assert_null (strchr (lines[i], '#'));
          continue;
        }
      words = g_strsplit_set (lines[i], " ;", -1);
      g_assert_cmpuint (g_strv_length (words), >=, 3);
      g_hash_table_insert (named, g_strdup (words[1]), g_strdup (words[2]));
    }

  for (guint i = 0; i < n; i++)
    {
      const PlTheme *t = &themes[i];
      struct { const char *field; PlColor color; } fields[] = {
        { "text", t->text },
        { "background", t->background },
        { "link", t->link },
        { "notice_text", t->notice_text },
        { "notice_background", t->notice_background },
        { "focus", t->focus },
        { "highlight_text", t->highlight_text },
        { "highlight_background", t->highlight_background },
        { "disabled_text", t->disabled_text },
      };
      g_autofree char *id = g_strdelimit (g_strdup (t->id), "-", '_');
      g_autofree char *theme_class = g_strdup_printf (".pl-theme-%s ", t->id);

      g_assert_nonnull (strstr (css, theme_class));
      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        {
          g_autofree char *name = g_strdup_printf ("pl_%s_%s", id, fields[j].field);
          g_autofree char *expected = pl_color_to_string (fields[j].color);
          const char *value = g_hash_table_lookup (named, name);

          if (value == NULL)
            g_error ("%s names no colour %s", path, name);
          g_assert_cmpstr (value, ==, expected);
        }
    }
}

static void
test_parse (void)
{
  PlColor c;
  g_autofree char *s = NULL;

  g_assert_true (pl_color_parse ("#1a5fb4", &c));
  g_assert_cmpuint (c.r, ==, 0x1a);
  g_assert_cmpuint (c.g, ==, 0x5f);
  g_assert_cmpuint (c.b, ==, 0xb4);
  s = pl_color_to_string (c);
  g_assert_cmpstr (s, ==, "#1a5fb4");
  g_assert_false (pl_color_parse ("1a5fb4", &c));
  g_assert_false (pl_color_parse ("#1a5fbz", &c));
  g_assert_false (pl_color_parse (NULL, &c));
}

static void
test_follow_desktop (void)
{
  struct {
    gint64      id;
    const char *theme;
    gboolean    high_contrast;
    gboolean    dark;
    const char *expected;
  } cases[] = {
    { 0, "standard", TRUE, FALSE, "black-on-white" },
    { 0, "standard", TRUE, TRUE, "white-on-black" },
    { 0, "standard", FALSE, TRUE, "dark" },
    { 0, "standard", FALSE, FALSE, "standard" },
    /* the person's needs chose already */
    { 0, "yellow-on-black", TRUE, FALSE, "yellow-on-black" },
    /* the person chose and saved it */
    { 7, "standard", TRUE, TRUE, "standard" },
    { 7, "cream", FALSE, TRUE, "cream" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PlSettings) settings = pl_settings_new_default (1);

      settings->id = cases[i].id;
      g_free (settings->theme);
      settings->theme = g_strdup (cases[i].theme);
      pl_theme_follow_desktop (settings, cases[i].high_contrast, cases[i].dark);
      g_assert_cmpstr (settings->theme, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plainly/theme/contrast-formula", test_contrast_formula);
  g_test_add_func ("/plainly/theme/seven-to-one", test_themes_reach_7_to_1);
  g_test_add_func ("/plainly/theme/style-sheet", test_style_sheet_matches);
  g_test_add_func ("/plainly/theme/parse", test_parse);
  g_test_add_func ("/plainly/theme/follow-desktop", test_follow_desktop);
  return g_test_run ();
}
