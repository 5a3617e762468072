/* pl-bench-util.h: what the benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Smallest first */
void    pl_bench_sort         (double *values,
                               gsize   n);
void    pl_bench_sort_array   (GArray *values);
/* Sorts them, then the middle value (the mean of the middle two when there
 * are an even number); 0 for none */
double  pl_bench_median       (double *values,
                               gsize   n);
double  pl_bench_median_array (GArray *values);

G_END_DECLS
