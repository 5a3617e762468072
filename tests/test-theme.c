/* test-theme.c: every theme reaches the contrast it promises
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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
      g_assert_true (pl_theme_lookup (t->id) == t);
    }

  g_assert_true (pl_theme_lookup ("no-such-theme") == &themes[0]);
  g_assert_true (pl_theme_lookup (NULL) == &themes[0]);
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
  g_test_add_func ("/plainly/theme/parse", test_parse);
  g_test_add_func ("/plainly/theme/follow-desktop", test_follow_desktop);
  return g_test_run ();
}
