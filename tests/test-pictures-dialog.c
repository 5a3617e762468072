/* test-pictures-dialog.c: staff change or remove a picture of easy read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every line of the plan as easy read shows it is listed with its picture;
 * changing one searches the symbols by word and keeps the choice for the
 * person, so easy read shows the new picture at once; "No picture" takes
 * it away, changing the same choice rather than adding a second. Runs
 * under Xvfb.
 */

#include "config.h"

#include <string.h>

#include "pl-document-example.h"
#include "pl-gui-test-util.h"
#include "pl-pictures-dialog.h"
#include "pl-symbol-choice.h"

static GtkWidget *
first_result (GtkWidget *dialog)
{
  GtkWidget *results = pl_gui_test_find_named (dialog, "results");

  g_assert_true (GTK_IS_FLOW_BOX (results));
  return gtk_widget_get_first_child (results);
}

static gboolean
has_results (gpointer dialog)
{
  return first_result (GTK_WIDGET (dialog)) != NULL;
}

/* The dialog's pages */
static GtkStack *
find_stack (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget))
    return GTK_STACK (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found = find_stack (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Everything shown that can be pressed is at least 44 pixels each way
 * (WCAG 2.5.5): staff choose pictures with the person beside them, often
 * on a touch screen */
static guint
check_targets (GtkWidget *widget)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;
  if ((GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_FLOW_BOX_CHILD (widget)) &&
      gtk_widget_get_sensitive (widget))
    {
      if (gtk_widget_get_height (widget) < 44 || gtk_widget_get_width (widget) < 44)
        g_error ("%s \"%s\" is %d×%d pixels, under 44", G_OBJECT_TYPE_NAME (widget),
                 gtk_widget_get_name (widget), gtk_widget_get_width (widget),
                 gtk_widget_get_height (widget));
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_targets (child);
  return n;
}

static void
test_change_and_remove (PlDocFixture  *f,
                        gconstpointer  data)
{
  PlDocIds ids;
  PlPicturesDialog *dialog;
  GtkWidget *result;
  GtkWidget *search;
  const char *chosen;
  guint line = G_MAXUINT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) choices = NULL;

  pl_doc_test_add_example (f, &ids);
  dialog = pl_pictures_dialog_new (f->store, ids.person);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, dialog));

  /* Every line, and at least one with a picture */
  g_assert_cmpuint (pl_pictures_dialog_get_n_lines (dialog), >, 10);
  for (guint i = 0; i < pl_pictures_dialog_get_n_lines (dialog) && line == G_MAXUINT; i++)
    if (pl_pictures_dialog_get_line_symbol (dialog, i) != NULL)
      line = i;
  g_assert_cmpuint (line, !=, G_MAXUINT);
  pl_gui_test_save_png (GTK_WIDGET (dialog), "pictures-dialog-lines");
  g_assert_true (pl_gui_test_run_ticks (dialog, 3));
  g_assert_cmpuint (check_targets (GTK_WIDGET (dialog)), >, 10);

  /* Another picture, found by a word */
  g_assert_true (pl_pictures_dialog_change_line (dialog, line));
  search = pl_gui_test_find_named (GTK_WIDGET (dialog), "search");
  gtk_editable_set_text (GTK_EDITABLE (search), "tea");
  /* A search entry waits a moment for the typing to stop */
  g_assert_true (pl_gui_test_wait_until (has_results, dialog));
  result = first_result (GTK_WIDGET (dialog));
  g_assert_nonnull (result);
  chosen = g_object_get_data (G_OBJECT (result), "pl-symbol");
  g_assert_nonnull (chosen);
  gtk_flow_box_select_child (GTK_FLOW_BOX (pl_gui_test_find_named (GTK_WIDGET (dialog), "results")),
                             GTK_FLOW_BOX_CHILD (result));
  pl_gui_test_save_png (GTK_WIDGET (dialog), "pictures-dialog-choose");
  g_assert_true (pl_gui_test_run_ticks (dialog, 3));
  g_assert_cmpuint (check_targets (GTK_WIDGET (dialog)), >, 3);
  {
    g_autofree char *kept = g_strdup (chosen);

    pl_gui_test_press_button (pl_gui_test_find_named (GTK_WIDGET (dialog), "save"));
    pl_gui_test_run_frames (2);
    g_assert_cmpstr (pl_pictures_dialog_get_line_symbol (dialog, line), ==, kept);
  }
  choices = pl_symbol_choice_list_for_person (f->store, ids.person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, 1);
  g_assert_cmpint (((PlSymbolChoice *) choices->pdata[0])->person_id, ==, ids.person);
  g_clear_pointer (&choices, g_ptr_array_unref);

  /* Nothing chosen: said, nothing kept */
  g_assert_true (pl_pictures_dialog_change_line (dialog, line));
  gtk_editable_set_text (GTK_EDITABLE (search), "tea");
  g_assert_true (pl_gui_test_wait_until (has_results, dialog));
  pl_gui_test_press_button (pl_gui_test_find_named (GTK_WIDGET (dialog), "save"));
  pl_gui_test_run_frames (1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (find_stack (GTK_WIDGET (dialog))), ==, "choose");

  /* No picture: the same choice changed, not a second */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (pl_gui_test_find_named (GTK_WIDGET (dialog),
                                                                         "no-picture")), TRUE);
  pl_gui_test_press_button (pl_gui_test_find_named (GTK_WIDGET (dialog), "save"));
  pl_gui_test_run_frames (2);
  g_assert_null (pl_pictures_dialog_get_line_symbol (dialog, line));
  choices = pl_symbol_choice_list_for_person (f->store, ids.person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, 1);
  g_assert_null (((PlSymbolChoice *) choices->pdata[0])->symbol);

  gtk_window_destroy (GTK_WINDOW (dialog));
  pl_gui_test_run_frames (1);
}

int
main (int argc, char **argv)
{
  pl_gui_test_init (&argc, &argv);

  PL_DOC_TEST_ADD ("/pictures-dialog/change-and-remove", test_change_and_remove);

  return g_test_run ();
}
