/* test-document-words.c: dates, times and durations in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-document.h"

static void
test_words_date (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "2026-11-16", "Monday 16 November 2026" },
    { "2026-11-16T09:30:00Z", "Monday 16 November 2026" },
    { "2027-01-01", "Friday 1 January 2027" },
    { "2026-11-10", "Tuesday 10 November 2026" },
    { "2026-02-30", "2026-02-30" },
    { "next week", "next week" },
    { "2026-11-161", "2026-11-161" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = pl_date_to_words (cases[i].in);

      g_assert_cmpstr (words, ==, cases[i].out);
    }
}

static void
test_words_time (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "08:30", "8:30 in the morning" },
    { "08:00", "8:00 in the morning" },
    { "8:05", "8:05 in the morning" },
    { "00:00", "midnight" },
    { "12:00", "midday" },
    { "12:30", "12:30 in the afternoon" },
    { "18:15", "6:15 in the evening" },
    { "22:05", "10:05 at night" },
    { "00:30", "12:30 at night" },
    { "07:45:00", "7:45 in the morning" },
    { "25:00", "25:00" },
    { "soon", "soon" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = pl_time_to_words (cases[i].in);

      g_assert_cmpstr (words, ==, cases[i].out);
    }
}

static void
test_words_duration (void)
{
  const struct { int in; const char *out; } cases[] = {
    { 45, "45 minutes" },
    { 1, "1 minute" },
    { 60, "1 hour" },
    { 90, "1 hour and 30 minutes" },
    { 120, "2 hours" },
    { 121, "2 hours and 1 minute" },
    { 0, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = pl_duration_to_words (cases[i].in);

      g_assert_cmpstr (words, ==, cases[i].out);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plainly/document/words/date", test_words_date);
  g_test_add_func ("/plainly/document/words/time", test_words_time);
  g_test_add_func ("/plainly/document/words/duration", test_words_duration);

  return g_test_run ();
}
