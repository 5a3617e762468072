/* test-welcome-editor.c: staff write the welcome pack; people read it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. Changes are typed into the editor's own fields and
 * checked in the drafts, the store, its history and the pack the person
 * reads.
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "pl-actor.h"
#include "pl-demo.h"
#include "pl-document.h"
#include "pl-draft.h"
#include "pl-staff.h"
#include "pl-store.h"
#include "pl-welcome-editor-private.h"
#include "pl-screenshot.h"
#include "pl-gui-test-util.h"
#include "pl-test-util.h"

#define ADDED " We always ring you if we are going to be late."

typedef struct
{
  char            *dir;
  PlStore         *store;
  gint64           person_id;
  PlStaff         *staff;
  GtkWindow       *window;
  PlWelcomeEditor *editor;
} Fixture;

static void
open_editor (Fixture *f)
{
  f->editor = pl_welcome_editor_new ();
  gtk_window_set_child (f->window, GTK_WIDGET (f->editor));
  pl_welcome_editor_set_context (f->editor, f->store, f->staff);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, f->editor));
  g_assert_true (pl_gui_test_run_ticks (f->editor, 2));
}

static void
close_editor (Fixture *f)
{
  gtk_window_set_child (f->window, NULL);
  f->editor = NULL;
  pl_gui_test_run_frames (1);
}

static void
use_staff (Fixture    *f,
           const char *username)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&f->staff, pl_staff_free);
  f->staff = pl_staff_find (f->store, username, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->staff);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = pl_test_make_dir ("plainly-welcome-editor");
  f->store = pl_test_open_store (f->dir, NULL);
  g_assert_true (pl_demo_install (f->store, &f->person_id, &error));
  g_assert_no_error (error);
  use_staff (f, data != NULL ? data : "sam.patel");

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1024, 768);
  gtk_window_present (f->window);
  open_editor (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  pl_gui_test_run_frames (1);
  g_clear_pointer (&f->staff, pl_staff_free);
  g_clear_pointer (&f->store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
}

static GtkWidget *
named (Fixture    *f,
       const char *name)
{
  GtkWidget *widget = pl_gui_test_find_named (GTK_WIDGET (f->editor), name);

  if (widget == NULL)
    g_error ("Nothing in the editor is named %s", name);
  return widget;
}

static void
click (Fixture    *f,
       const char *name)
{
  GtkWidget *button = named (f, name);

  g_assert_true (gtk_widget_is_drawable (button));
  g_assert_cmpfloat (pl_gui_test_target_height (button), >=, 44);
  pl_gui_test_press_button (button);
  g_assert_true (pl_gui_test_run_ticks (f->editor, 2));
}

static char *
text_of (GtkWidget *widget)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (!GTK_IS_TEXT_VIEW (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
n_drafts (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = pl_draft_list_for (f->store, f->staff->id, 0, &error);

  g_assert_no_error (error);
  return drafts->len;
}

static PlWelcomePack *
stored_pack (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PlWelcomePack *pack = pl_store_welcome_pack_for_person (f->store, f->person_id, &error);

  g_assert_no_error (error);
  return pack;
}

static void
test_draft_and_save (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlWelcomePack) before = stored_pack (f);
  g_autoptr(PlWelcomePack) after = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *expected = g_strconcat (before->what_to_expect, ADDED, NULL);
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;
  gboolean by_sam = FALSE;

  g_assert_false (pl_welcome_editor_has_restored (f->editor));
  g_assert_false (gtk_widget_is_drawable (named (f, "discard-draft")));
  shown = text_of (named (f, "pack-what-to-expect"));
  g_assert_cmpstr (shown, ==, before->what_to_expect);

  g_assert_cmpuint (n_drafts (f), ==, 0);
  pl_gui_test_type_at_end (named (f, "pack-what-to-expect"), ADDED);
  gtk_editable_set_text (GTK_EDITABLE (named (f, "service-out-of-hours")), "0161 496 0999");
  g_assert_cmpuint (n_drafts (f), ==, 2);

  /* Nothing is saved yet: people still read the old pack */
  after = stored_pack (f);
  g_assert_cmpstr (after->what_to_expect, ==, before->what_to_expect);
  g_clear_pointer (&after, pl_welcome_pack_free);

  /* The app closes; next time the changes are offered back */
  close_editor (f);
  open_editor (f);
  g_assert_true (pl_welcome_editor_has_restored (f->editor));
  g_assert_true (gtk_widget_is_drawable (named (f, "discard-draft")));
  g_clear_pointer (&shown, g_free);
  shown = text_of (named (f, "pack-what-to-expect"));
  g_assert_cmpstr (shown, ==, expected);
  g_clear_pointer (&shown, g_free);
  shown = text_of (named (f, "service-out-of-hours"));
  g_assert_cmpstr (shown, ==, "0161 496 0999");

  /* Every field and Save are reached with the keyboard alone */
  g_assert_true (pl_gui_test_reachable_by_tab (f->window, named (f, "pack-funding")));
  g_assert_true (pl_gui_test_reachable_by_tab (f->window, named (f, "service-regulator-phone")));
  g_assert_true (pl_gui_test_reachable_by_tab (f->window, named (f, "save-pack")));

  click (f, "save-pack");
  g_assert_cmpstr (pl_welcome_editor_get_message (f->editor), ==,
                   "The welcome pack is saved. Everyone who uses the service now reads this.");
  g_assert_cmpuint (n_drafts (f), ==, 0);
  g_assert_false (gtk_widget_is_drawable (named (f, "discard-draft")));

  after = stored_pack (f);
  g_assert_cmpint (after->id, ==, before->id);
  g_assert_cmpstr (after->what_to_expect, ==, expected);

  /* Kept in history, with who changed it */
  history = pl_store_list_history (f->store, &pl_welcome_pack_type, after->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      const PlHistory *entry = g_ptr_array_index (history, i);

      if (g_strcmp0 (entry->field, "what_to_expect") == 0 &&
          g_strcmp0 (entry->new_value, expected) == 0 &&
          g_str_has_prefix (entry->actor, "staff:"))
        {
          g_autofree char *who = pl_actor_describe (f->store, entry->actor);

          by_sam = strstr (who, "Sam Patel") != NULL;
        }
    }
  g_assert_true (by_sam);

  /* The person's own pack says it, with the new number */
  document = pl_document_build_welcome (f->store, f->person_id, &error);
  g_assert_no_error (error);
  text = pl_document_to_text (document);
  g_assert_nonnull (strstr (text, "We always ring you if we are going to be late."));
  g_assert_cmpstr (pl_document_get_block (document,
                                          pl_document_find_anchor (document, "contact-out-of-hours"))->text,
                   ==, "Phone: 0161 496 0999");
}

static void
test_discard (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PlWelcomePack) before = stored_pack (f);
  g_autofree char *shown = NULL;

  pl_gui_test_type_at_end (named (f, "pack-rights"), ADDED);
  g_assert_cmpuint (n_drafts (f), ==, 1);
  close_editor (f);
  open_editor (f);
  g_assert_true (pl_welcome_editor_has_restored (f->editor));

  click (f, "discard-draft");
  g_assert_cmpuint (n_drafts (f), ==, 0);
  g_assert_false (pl_welcome_editor_has_restored (f->editor));
  shown = text_of (named (f, "pack-rights"));
  g_assert_cmpstr (shown, ==, before->rights);
}

static PlService *
stored_service (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PlService *service = pl_store_load_service (f->store, pl_welcome_editor_get_service (f->editor),
                                              &error);

  g_assert_no_error (error);
  return service;
}

/* Undo and Redo, by their buttons and by Ctrl+Z and Ctrl+Shift+Z with the
 * focus in a field, step through the whole pack, not the field's keys */
static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PlWelcomePack) before = stored_pack (f);
  g_autoptr(PlWelcomePack) after = NULL;
  g_autoptr(PlService) service = stored_service (f);
  g_autoptr(PlService) saved_service = NULL;
  g_autofree char *expected = g_strconcat (before->rights, ADDED, NULL);
  GtkWidget *undo = named (f, "undo-button");
  GtkWidget *redo = named (f, "redo-button");
  GtkWidget *rights = named (f, "pack-rights");
  GtkWidget *phone = named (f, "service-phone");
  GtkWidget *phone_text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (phone)));
  char *shown;

#define ASSERT_SHOWN(widget, text) \
  G_STMT_START { shown = text_of (widget); g_assert_cmpstr (shown, ==, (text)); g_free (shown); } G_STMT_END

  /* Named, explained, large enough, and not to be pressed with nothing to undo */
  g_assert_true (gtk_widget_is_drawable (undo));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (undo)), ==, "_Undo");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (redo)), ==, "_Redo");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo), ==, "Undo the last change (Ctrl+Z)");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (redo), ==, "Redo the change undone (Ctrl+Shift+Z)");
  g_assert_cmpfloat (pl_gui_test_target_height (undo), >=, 44);
  g_assert_cmpfloat (pl_gui_test_target_height (redo), >=, 44);
  g_assert_false (gtk_widget_is_sensitive (undo));
  g_assert_false (gtk_widget_is_sensitive (redo));

  pl_gui_test_type_at_end (rights, ADDED);
  gtk_editable_set_text (GTK_EDITABLE (phone), "0161 496 0123");
  g_assert_true (gtk_widget_is_sensitive (undo));
  g_assert_false (gtk_widget_is_sensitive (redo));
  g_assert_true (pl_gui_test_reachable_by_tab (f->window, undo));
  g_assert_cmpuint (n_drafts (f), ==, 2);

  /* The button takes back the last change, the phone number, and only that */
  click (f, "undo-button");
  ASSERT_SHOWN (phone, service->phone);
  ASSERT_SHOWN (rights, expected);
  g_assert_true (gtk_widget_is_sensitive (undo));
  g_assert_true (gtk_widget_is_sensitive (redo));
  g_assert_cmpuint (n_drafts (f), ==, 1);

  /* Ctrl+Z in the pack's words is the editor's Undo, not the field's own */
  gtk_widget_grab_focus (rights);
  g_assert_true (pl_gui_test_press_keys (rights, "<Control>z") == GTK_WIDGET (f->editor));
  ASSERT_SHOWN (rights, before->rights);
  g_assert_false (gtk_widget_is_sensitive (undo));
  g_assert_cmpuint (n_drafts (f), ==, 0);
  /* Nothing left to undo: the keys do nothing */
  g_assert_null (pl_gui_test_press_keys (rights, "<Control>z"));

  /* Ctrl+Shift+Z, from a one-line field too, brings them back one at a time */
  g_assert_true (pl_gui_test_press_keys (phone_text, "<Control><Shift>z") == GTK_WIDGET (f->editor));
  ASSERT_SHOWN (rights, expected);
  ASSERT_SHOWN (phone, service->phone);
  click (f, "redo-button");
  ASSERT_SHOWN (phone, "0161 496 0123");
  g_assert_false (gtk_widget_is_sensitive (redo));
  g_assert_cmpuint (n_drafts (f), ==, 2);

  /* What is saved is what is on screen after the steps */
  click (f, "save-pack");
  after = stored_pack (f);
  g_assert_cmpstr (after->rights, ==, expected);
  saved_service = stored_service (f);
  g_assert_cmpstr (saved_service->phone, ==, "0161 496 0123");
  g_assert_false (gtk_widget_is_sensitive (undo));
#undef ASSERT_SHOWN
}

static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlWelcomePack) before = stored_pack (f);
  g_autoptr(PlWelcomePack) after = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *text = NULL;
  PlDocument *document;
  guint n_history;

  history = pl_store_list_history (f->store, &pl_welcome_pack_type, before->id, &error);
  g_assert_no_error (error);
  n_history = history->len;
  g_clear_pointer (&history, g_ptr_array_unref);

  pl_gui_test_type_at_end (named (f, "pack-support-groups"), ADDED);
  click (f, "show-preview");

  /* The person's pack, made personal, with the change not yet saved */
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (pl_welcome_editor_get_reader (f->editor))));
  document = pl_reader_get_document (pl_welcome_editor_get_reader (f->editor));
  g_assert_nonnull (document);
  text = pl_document_to_text (document);
  g_assert_nonnull (strstr (text, "We always ring you if we are going to be late."));
  g_assert_cmpint (pl_document_find_anchor (document, "coordinator-contact"), >=, 0);

  /* …and nothing stored by showing it */
  pl_gui_test_save_png (GTK_WIDGET (f->window), "welcome-editor-preview.png");
  after = stored_pack (f);
  g_assert_cmpstr (after->support_groups, ==, before->support_groups);
  history = pl_store_list_history (f->store, &pl_welcome_pack_type, before->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, n_history);
}

static void
test_needs_title (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PlWelcomePack) before = stored_pack (f);
  g_autoptr(PlWelcomePack) after = NULL;

  gtk_editable_set_text (GTK_EDITABLE (named (f, "pack-title")), "");
  click (f, "save-pack");
  g_assert_nonnull (pl_welcome_editor_get_message (f->editor));
  g_assert_nonnull (strstr (pl_welcome_editor_get_message (f->editor), "title"));
  /* Refused, so the draft stays to be put right */
  g_assert_cmpuint (n_drafts (f), ==, 1);
  after = stored_pack (f);
  g_assert_cmpstr (after->title, ==, before->title);
}

static void
test_care_worker (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlWelcomePack) before = stored_pack (f);
  g_autoptr(PlWelcomePack) after = NULL;

  g_assert_false (gtk_widget_is_drawable (named (f, "save-pack")));
  g_assert_false (gtk_widget_is_drawable (named (f, "undo-button")));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (named (f, "pack-rights"))));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (named (f, "service-phone"))));

  pl_gui_test_type_at_end (named (f, "pack-rights"), ADDED);
  g_assert_cmpuint (n_drafts (f), ==, 0);
  g_assert_false (pl_welcome_editor_save (f->editor, &error));
  g_assert_error (error, PL_STAFF_ERROR, PL_STAFF_ERROR_NOT_ALLOWED);
  after = stored_pack (f);
  g_assert_cmpstr (after->rights, ==, before->rights);
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

  g_test_add ("/plainly/welcome-editor/draft-and-save", Fixture, NULL,
              fixture_set_up, test_draft_and_save, fixture_tear_down);
  g_test_add ("/plainly/welcome-editor/discard", Fixture, NULL,
              fixture_set_up, test_discard, fixture_tear_down);
  g_test_add ("/plainly/welcome-editor/undo-redo", Fixture, NULL,
              fixture_set_up, test_undo_redo, fixture_tear_down);
  g_test_add ("/plainly/welcome-editor/preview", Fixture, NULL,
              fixture_set_up, test_preview, fixture_tear_down);
  g_test_add ("/plainly/welcome-editor/needs-title", Fixture, NULL,
              fixture_set_up, test_needs_title, fixture_tear_down);
  g_test_add ("/plainly/welcome-editor/care-worker", Fixture, "bernie.oneill",
              fixture_set_up, test_care_worker, fixture_tear_down);

  return g_test_run ();
}
