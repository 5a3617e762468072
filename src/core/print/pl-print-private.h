/* pl-print-private.h: what the print files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-print.h"

G_BEGIN_DECLS

PlDocument *pl_print_layout_get_document (PlPrintLayout *self);
/* Where the text of every page begins, in points from the top */
double      pl_print_layout_get_text_top    (PlPrintLayout *self);
double      pl_print_layout_get_page_width  (PlPrintLayout *self);
double      pl_print_layout_get_page_height (PlPrintLayout *self);

G_END_DECLS
