/* pl-bench-util.c: what the benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>

#include "pl-bench-util.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

void
pl_bench_sort (double *values,
               gsize   n)
{
  if (n > 1)
    qsort (values, n, sizeof (double), compare_doubles);
}

void
pl_bench_sort_array (GArray *values)
{
  pl_bench_sort ((double *) (void *) values->data, values->len);
}

double
pl_bench_median (double *values,
                 gsize   n)
{
  if (n == 0)
    return 0;
  pl_bench_sort (values, n);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

double
pl_bench_median_array (GArray *values)
{
  return pl_bench_median ((double *) (void *) values->data, values->len);
}
