/* test-together.c: Together mode, agreement, the guidance checklist and
 * "What has changed since you last looked"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Speech goes to the null output, except where a test checks what happens
 * with no sound device.
 */

#include "config.h"

#include <string.h>

#include "pl-agreement-dialog-private.h"
#include "pl-document.h"
#include "pl-document-view.h"
#include "pl-document-view-private.h"
#include "pl-guidance-list-private.h"
#include "pl-pictures-dialog.h"
#include "pl-symbol-choice.h"
#include "pl-plan-version.h"
#include "pl-together-view-private.h"
#include "pl-window-private.h"
#include "pl-gui-test-util.h"
#include "pl-test-util.h"

typedef struct
{
  char     *dir;
  char     *path;
  PlStore  *store;
  gint64    person_id;
  gint64    plan_id;
  gint64    visit_id;
  gint64    outcome_id;
  GtkWindow *window;
  guint     words;
  guint     finished;
  PlDocumentView *spoken_view;  /* where the words read back should show */
  guint     shown;              /* words it highlighted as they were said */
  char     *go_to;
} Fixture;

static void
save (PlStore            *store,
      const PlRecordType *type,
      gpointer            record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_store_save (store, type, record, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPerson) person = pl_person_new ();
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(PlPlanSection) section = pl_plan_section_new ();
  g_autoptr(PlVisit) visit = pl_visit_new ();
  g_autoptr(PlOutcome) outcome = pl_outcome_new ();
  g_autoptr(PlSettings) settings = NULL;

  f->dir = pl_test_make_dir ("plainly-together");
  f->store = pl_test_open_store (f->dir, &f->path);

  person->full_name = g_strdup ("Ada Jones");
  person->preferred_name = g_strdup ("Ada");
  save (f->store, &pl_person_type, person);
  f->person_id = person->id;

  /* Giant print: the view must show it in her size, not the staff's */
  settings = pl_store_get_settings (f->store, f->person_id, &error);
  g_assert_no_error (error);
  settings->text_size = 32;
  g_assert_true (pl_store_save_settings (f->store, settings, &error));

  plan->person_id = person->id;
  plan->version = 1;
  plan->start_date = g_strdup ("2026-01-05");
  plan->next_review = g_strdup ("2026-02-16");
  save (f->store, &pl_plan_type, plan);
  f->plan_id = plan->id;

  section->plan_id = plan->id;
  section->kind = PL_SECTION_MOST_IMPORTANT;
  section->body = g_strdup ("My cat Tibbles and my garden.");
  save (f->store, &pl_plan_section_type, section);

  visit->plan_id = plan->id;
  visit->weekday = 1;
  visit->start_time = g_strdup ("08:00");
  visit->duration = 45;
  visit->tasks = g_strdup ("Help me get up and make breakfast. Tea, milk, no sugar.");
  save (f->store, &pl_visit_type, visit);
  f->visit_id = visit->id;

  outcome->plan_id = plan->id;
  outcome->outcome = g_strdup ("To walk to the shop on my own");
  outcome->measure = g_strdup ("I go to the shop each week");
  save (f->store, &pl_outcome_type, outcome);
  f->outcome_id = outcome->id;

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 700);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  pl_gui_test_run_frames (1);
  g_clear_pointer (&f->store, pl_store_unref);
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->go_to);
}

static PlTogetherView *
show_view (Fixture *f)
{
  PlTogetherView *view = PL_TOGETHER_VIEW (pl_together_view_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_hexpand (GTK_WIDGET (view), TRUE);
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Staff form"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (view));
  gtk_window_set_child (f->window, box);
  gtk_window_present (f->window);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, f->window));
  pl_together_view_set_person (view, f->store, f->person_id);
  return view;
}

static PlPlanContent *
load_content (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PlPlanContent *content = pl_plan_content_load (f->store, f->plan_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (content);
  return content;
}

static PlVisit *
content_visit (PlPlanContent *content)
{
  g_assert_cmpuint (content->parts[PL_PLAN_PART_VISITS]->len, ==, 1);
  return g_ptr_array_index (content->parts[PL_PLAN_PART_VISITS], 0);
}

/* The label showing text in view, or NULL */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static double
label_points (GtkWidget *label)
{
  PangoContext *context = gtk_widget_get_pango_context (label);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;

  if (pango_font_description_get_size_is_absolute (font))
    size = size * 72.0 / 96.0;
  return size;
}

/* What is typed shows in the person's view at once, in her own text size,
 * and nothing is saved by it */
static void
test_follows_content (Fixture       *f,
                      gconstpointer  data)
{
  PlTogetherView *view = show_view (f);
  g_autoptr(PlPlanContent) content = load_content (f);
  g_autoptr(PlVisit) stored = NULL;
  g_autofree char *anchor = NULL;
  PlDocumentView *document_view;
  GtkWidget *label;
  PlVisit *visit;

  visit = content_visit (content);
  anchor = pl_plan_anchor_for (&pl_visit_type, visit);
  pl_together_view_set_content (view, content, anchor);
  document_view = pl_reader_get_document_view (pl_together_view_get_reader (view));
  g_assert_nonnull (pl_document_view_get_anchor_widget (document_view, anchor));
  g_assert_true (pl_gui_test_run_ticks (view, 3));
  g_assert_null (find_label (GTK_WIDGET (document_view), "a boiled egg"));

  g_free (visit->tasks);
  visit->tasks = g_strdup ("Help me get up and make a boiled egg.");
  pl_together_view_set_content (view, content, anchor);
  g_assert_true (pl_gui_test_run_ticks (view, 3));

  label = find_label (GTK_WIDGET (document_view), "a boiled egg");
  g_assert_nonnull (label);
  g_assert_cmpfloat_with_epsilon (label_points (label), 32.0, 0.5);

  /* The part being written; the whole plan on request */
  g_assert_null (find_label (GTK_WIDGET (document_view), "Tibbles"));
  pl_together_view_set_whole_plan (view, TRUE);
  g_assert_true (pl_gui_test_run_ticks (view, 2));
  g_assert_nonnull (find_label (GTK_WIDGET (document_view), "Tibbles"));
  g_assert_nonnull (find_label (GTK_WIDGET (document_view), "a boiled egg"));
  pl_together_view_set_whole_plan (view, FALSE);

  /* Only shown: the store still has what was saved */
  stored = pl_store_load_visit (f->store, f->visit_id, NULL);
  g_assert_nonnull (strstr (stored->tasks, "breakfast"));

  /* The staff form around it keeps its own look */
  g_assert_cmpfloat (label_points (find_label (GTK_WIDGET (f->window), "Staff form")), <, 20.0);
}

static void
word_cb (PlSpeech *speech,
         guint     block,
         guint     start,
         guint     end,
         Fixture  *f)
{
  f->words++;
  /* The highlight's handler has run: the word's own block is lit */
  if (f->spoken_view != NULL)
    {
      GtkWidget *label = pl_document_view_get_spoken_label (f->spoken_view);
      GtkWidget *widget = pl_document_view_get_block_widget (f->spoken_view, block);

      if (label != NULL && widget != NULL && gtk_label_get_attributes (GTK_LABEL (label)) != NULL &&
          (label == widget || gtk_widget_is_ancestor (label, widget)))
        f->shown++;
    }
}

static void
finished_cb (PlSpeech *speech,
             Fixture  *f)
{
  f->finished++;
}

static gboolean
is_finished (gpointer data)
{
  return ((Fixture *) data)->finished > 0;
}

static gboolean
has_words (gpointer data)
{
  return ((Fixture *) data)->words > 3;
}

static gboolean
anchor_at_top (gpointer data)
{
  gpointer *args = data;
  PlDocumentView *view = args[0];
  GtkWidget *block = pl_document_view_get_anchor_widget (view, args[1]);
  graphene_point_t point;

  if (block == NULL ||
      !gtk_widget_compute_point (block, GTK_WIDGET (view), &GRAPHENE_POINT_INIT (0, 0), &point))
    return FALSE;
  return gtk_adjustment_get_value (pl_document_view_get_vadjustment (view)) > 0 &&
         point.y >= 0 && point.y < 40;
}

static gboolean
focus_in (GtkWindow *window,
          GtkWidget *widget)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The view goes to the part being written, keeps its place as the
 * coordinator types, and never takes the keyboard from the form */
static void
test_scroll_place (Fixture       *f,
                   gconstpointer  data)
{
  PlTogetherView *view;
  g_autoptr(PlPlanContent) content = NULL;
  g_autofree char *anchor = NULL;
  PlDocumentView *document_view;
  GtkWidget *entry;
  GtkAdjustment *adjustment;
  gpointer args[2];
  double value;

  /* Long enough that the visits are well below the first screen */
  for (int kind = PL_SECTION_MOST_IMPORTANT + 1; kind < PL_SECTION_N_KINDS; kind++)
    {
      g_autoptr(PlPlanSection) section = pl_plan_section_new ();

      section->plan_id = f->plan_id;
      section->kind = kind;
      section->body = g_strdup ("I like to get up slowly and have my first cup of tea in the "
                                "chair by the window. Please knock and wait for me to say "
                                "come in, and tell me your name each time.");
      save (f->store, &pl_plan_section_type, section);
    }
  view = show_view (f);
  entry = gtk_entry_new ();
  gtk_box_prepend (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (view))), entry);
  gtk_widget_grab_focus (entry);
  g_assert_true (focus_in (f->window, entry));

  content = load_content (f);
  anchor = pl_plan_anchor_for (&pl_visit_type, content_visit (content));
  pl_together_view_set_whole_plan (view, TRUE);
  pl_together_view_set_content (view, content, anchor);
  document_view = pl_reader_get_document_view (pl_together_view_get_reader (view));
  adjustment = pl_document_view_get_vadjustment (document_view);
  args[0] = document_view;
  args[1] = anchor;
  g_assert_true (pl_gui_test_wait_until (anchor_at_top, args));
  value = gtk_adjustment_get_value (adjustment);
  g_assert_true (focus_in (f->window, entry));

  g_free (content_visit (content)->tasks);
  content_visit (content)->tasks = g_strdup ("Help me get up.");
  pl_together_view_set_content (view, content, anchor);
  g_assert_true (pl_gui_test_run_ticks (view, 4));
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), value, 1.0);
  g_assert_true (focus_in (f->window, entry));
}

/* "Read it back" says the part being written, in her voice settings */
static void
test_read_back (Fixture       *f,
                gconstpointer  data)
{
  PlTogetherView *view = show_view (f);
  g_autoptr(PlPlanContent) content = load_content (f);
  g_autofree char *anchor = pl_plan_anchor_for (&pl_visit_type, content_visit (content));
  PlSpeech *speech = pl_together_view_get_speech (view);

  pl_speech_set_output (speech, PL_SPEECH_OUTPUT_NULL, 20.0);
  g_signal_connect (speech, "word", G_CALLBACK (word_cb), f);
  g_signal_connect (speech, "finished", G_CALLBACK (finished_cb), f);

  pl_together_view_set_content (view, content, anchor);
  f->spoken_view = pl_reader_get_document_view (pl_together_view_get_reader (view));
  pl_together_view_read_back (view);
  g_assert_cmpint (pl_speech_get_state (speech), ==, PL_SPEECH_STATE_SPEAKING);
  g_assert_true (pl_gui_test_wait_until (is_finished, f));
  g_assert_cmpuint (f->words, >, 5);
  /* Each word was shown as it was said, and the highlight went after */
  g_assert_cmpuint (f->shown, ==, f->words);
  g_assert_null (pl_document_view_get_spoken_label (f->spoken_view));
  /* Only the part: far fewer words than the whole plan */
  {
    guint part_words = f->words;
    g_autoptr(PlDocument) whole = pl_document_build_plan_content (f->store, content, NULL);
    g_autofree char *text = pl_document_to_text (whole);
    g_auto(GStrv) all_words = g_strsplit (text, " ", -1);

    g_assert_cmpuint (part_words, <, g_strv_length (all_words));
  }

  /* Stop is always there */
  pl_together_view_read_back (view);
  pl_together_view_stop (view);
  g_assert_cmpint (pl_speech_get_state (speech), ==, PL_SPEECH_STATE_IDLE);
}

static gboolean
says_no_speaker (gpointer data)
{
  const char *status = pl_together_view_get_status (data);

  return status != NULL && strstr (status, "speaker") != NULL;
}

/* With no sound device it says so plainly, and the view carries on */
static void
test_no_speaker (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlanContent) content = NULL;
  PlTogetherView *view;

  if (pl_speech_check_audio_device (&error))
    {
      g_test_skip ("This machine has a sound device");
      return;
    }

  view = show_view (f);
  content = load_content (f);
  pl_together_view_set_content (view, content, NULL);
  pl_together_view_read_back (view);
  g_assert_true (pl_gui_test_wait_until (says_no_speaker, view));
  g_assert_cmpstr (pl_together_view_get_status (view), ==, error->message);

  /* Typing carries on showing */
  g_free (content_visit (content)->tasks);
  content_visit (content)->tasks = g_strdup ("Porridge today.");
  pl_together_view_set_content (view, content, NULL);
  g_assert_true (pl_gui_test_run_ticks (view, 2));
  g_assert_nonnull (find_label (GTK_WIDGET (pl_together_view_get_reader (view)), "Porridge"));
}

/* Its own window follows the same content */
static void
test_own_window (Fixture       *f,
                 gconstpointer  data)
{
  PlTogetherView *view = show_view (f);
  g_autoptr(PlPlanContent) content = load_content (f);
  GtkWindow *window;

  pl_together_view_set_content (view, content, NULL);
  window = pl_together_view_open_window (view);
  g_assert_nonnull (window);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, window));

  g_free (content_visit (content)->tasks);
  content_visit (content)->tasks = g_strdup ("Crumpets with butter.");
  pl_together_view_set_content (view, content, NULL);
  g_assert_true (pl_gui_test_run_ticks (window, 2));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Crumpets"));

  /* One voice for both: reading in the copy stops the view's reading, and
   * the copy lights the words it says */
  {
    PlTogetherView *mirror = PL_TOGETHER_VIEW (gtk_window_get_child (window));
    PlSpeech *speech = pl_together_view_get_speech (view);

    g_assert_true (pl_together_view_get_speech (mirror) == speech);
    pl_speech_set_output (speech, PL_SPEECH_OUTPUT_NULL, 4.0);
    g_signal_connect (speech, "word", G_CALLBACK (word_cb), f);
    pl_together_view_read_back (view);
    f->spoken_view = pl_reader_get_document_view (pl_together_view_get_reader (mirror));
    pl_together_view_read_back (mirror);
    g_assert_true (pl_speech_get_document (speech) ==
                   pl_reader_get_document (pl_together_view_get_reader (mirror)));
    g_assert_true (pl_gui_test_wait_until (has_words, f));
    g_assert_cmpuint (f->shown, ==, f->words);
    pl_together_view_stop (view);
    g_assert_cmpint (pl_speech_get_state (speech), ==, PL_SPEECH_STATE_IDLE);
    g_signal_handlers_disconnect_by_data (speech, f);
  }

  gtk_window_destroy (window);
  pl_gui_test_run_frames (1);
  g_assert_null (pl_together_view_get_window (view));
}

static void
set_text (GtkWidget  *root,
          const char *name,
          const char *text)
{
  GtkWidget *widget = pl_gui_test_find_named (root, name);

  g_assert_nonnull (widget);
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
agreed_cb (PlAgreementDialog *dialog,
           gint64             plan_id,
           gint64            *out)
{
  *out = plan_id;
}

/* A version is agreed through the dialog, with who was there and how the
 * person took part */
static void
test_agreement (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PlPlan) plan = NULL;
  PlAgreementDialog *dialog;
  gint64 agreed = 0;

  gtk_window_present (f->window);
  dialog = pl_agreement_dialog_new (f->window, f->store, f->plan_id);
  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "agreed", G_CALLBACK (agreed_cb), &agreed);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, dialog));

  set_text (GTK_WIDGET (dialog), "present", "Ada, her daughter Julie, Sam Patel");
  set_text (GTK_WIDGET (dialog), "participation", "Read it in large print and heard it read back");
  set_text (GTK_WIDGET (dialog), "agreement", "This is what I want. Ada.");
  set_text (GTK_WIDGET (dialog), "date", "2026-11-23");
  g_assert_true (pl_agreement_dialog_record (dialog));
  g_assert_null (pl_agreement_dialog_get_error (dialog));
  g_assert_cmpint (agreed, ==, f->plan_id);

  plan = pl_store_load_plan (f->store, f->plan_id, NULL);
  g_assert_cmpint (plan->status, ==, PL_PLAN_AGREED);
  g_assert_cmpstr (plan->agreement, ==, "This is what I want. Ada.");
  g_assert_cmpstr (plan->agreed_by, ==, "Ada");
  g_assert_cmpstr (plan->agreed_on, ==, "2026-11-23");
  g_assert_cmpstr (plan->present, ==, "Ada, her daughter Julie, Sam Patel");
  g_assert_cmpstr (plan->participation, ==, "Read it in large print and heard it read back");
  g_object_unref (dialog);
}

/* Blank agreement, or a decision-maker with no name: refused, said in the
 * dialog, and nothing saved */
static void
test_agreement_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(PlPlan) plan = NULL;
  PlAgreementDialog *dialog;
  GtkWidget *decision_maker;

  gtk_window_present (f->window);
  dialog = pl_agreement_dialog_new (f->window, f->store, f->plan_id);
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, dialog));

  set_text (GTK_WIDGET (dialog), "present", "Ada and Sam");
  set_text (GTK_WIDGET (dialog), "agreement", "   ");
  g_assert_false (pl_agreement_dialog_record (dialog));
  g_assert_nonnull (pl_agreement_dialog_get_error (dialog));
  g_assert_nonnull (strstr (pl_agreement_dialog_get_error (dialog), "own words"));
  g_assert_true (gtk_widget_get_visible (find_label (GTK_WIDGET (dialog), "own words")));

  /* The Mental Capacity Act choice needs the decision-maker's name */
  decision_maker = pl_gui_test_find_named (GTK_WIDGET (dialog), "decision-maker-agreed");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (decision_maker), TRUE);
  g_assert_true (gtk_widget_get_sensitive (pl_gui_test_find_named (GTK_WIDGET (dialog),
                                                                   "decision-maker")));
  set_text (GTK_WIDGET (dialog), "agreement", "Agreed in her best interests.");
  g_assert_false (pl_agreement_dialog_record (dialog));
  g_assert_nonnull (strstr (pl_agreement_dialog_get_error (dialog), "decision-maker"));

  plan = pl_store_load_plan (f->store, f->plan_id, NULL);
  g_assert_cmpint (plan->status, ==, PL_PLAN_DRAFT);
  g_assert_null (plan->present);
  g_clear_pointer (&plan, pl_plan_free);

  set_text (GTK_WIDGET (dialog), "decision-maker", "Julie Jones");
  g_assert_true (pl_agreement_dialog_record (dialog));
  plan = pl_store_load_plan (f->store, f->plan_id, NULL);
  g_assert_cmpint (plan->status, ==, PL_PLAN_AGREED);
  g_assert_nonnull (strstr (plan->agreed_by, "Julie Jones"));
  g_assert_nonnull (strstr (plan->agreed_by, "Mental Capacity Act"));
  g_object_unref (dialog);
}

static void
go_to_cb (PlGuidanceList *list,
          const char     *anchor,
          Fixture        *f)
{
  g_free (f->go_to);
  f->go_to = g_strdup (anchor);
}

static gboolean
has_gone_to (gpointer data)
{
  return ((Fixture *) data)->go_to != NULL;
}

static gboolean
lists_rule (PlGuidanceList *list,
            const char     *id)
{
  for (guint i = 0; i < pl_guidance_list_get_n_items (list); i++)
    if (g_strcmp0 (pl_guidance_list_get_rule_id (list, i), id) == 0)
      return TRUE;
  return FALSE;
}

/* A plan built to break every rule lists each one; a plan that keeps them
 * all says so in words */
static void
test_guidance_list (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_store_load_plan (f->store, f->plan_id, NULL);
  g_autoptr(PlVisit) visit = pl_store_load_visit (f->store, f->visit_id, NULL);
  g_autoptr(PlMedicine) medicine = pl_medicine_new ();
  g_autoptr(PlCommNeed) need = pl_comm_need_new ();
  g_autoptr(PlContact) coordinator = pl_contact_new ();
  PlGuidanceList *list = PL_GUIDANCE_LIST (pl_guidance_list_new ());
  guint n_rules = 0;
  const PlGuidanceRule *rules = pl_guidance_rules (&n_rules);
  g_autoptr(PlDocument) document = NULL;
  GtkWidget *button;

  gtk_window_set_child (f->window, GTK_WIDGET (list));
  gtk_window_present (f->window);
  g_signal_connect (list, "go-to", G_CALLBACK (go_to_cb), f);

  /* Broken: a short visit, no coordinator, no missed-visit or crisis
   * plan, a medicine without purpose or timing, a late review, and a
   * communication need with no format chosen */
  visit->duration = 15;
  save (f->store, &pl_visit_type, visit);
  medicine->plan_id = f->plan_id;
  medicine->name = g_strdup ("Metformin");
  save (f->store, &pl_medicine_type, medicine);
  need->person_id = f->person_id;
  need->category = PL_NEED_CONTACT_METHOD;
  need->description = g_strdup ("Prefers letters");
  save (f->store, &pl_comm_need_type, need);
  g_free (plan->next_review);
  plan->next_review = g_strdup ("2026-06-01");
  save (f->store, &pl_plan_type, plan);

  g_assert_true (pl_guidance_list_set_plan (list, f->store, f->plan_id, &error));
  g_assert_no_error (error);
  document = pl_document_build_plan (f->store, f->person_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_rules; i++)
    {
      if (!lists_rule (list, rules[i].id))
        g_error ("Rule %s is not listed", rules[i].id);
    }
  g_assert_nonnull (strstr (pl_guidance_list_get_summary (list), "points worth a look"));
  g_assert_true (pl_gui_test_run_ticks (list, 2));
  g_assert_nonnull (find_label (GTK_WIDGET (list), rules[0].reference));

  /* "Go to" names the place */
  button = pl_guidance_list_get_go_to_button (list, 0);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (pl_gui_test_wait_until (has_gone_to, f));
  g_assert_nonnull (pl_document_find_anchor (document, f->go_to) >= 0 ? f->go_to : NULL);

  /* Mended: all clear, in words */
  visit->duration = 45;
  save (f->store, &pl_visit_type, visit);
  g_free (medicine->purpose);
  medicine->purpose = g_strdup ("For my diabetes");
  medicine->timing = g_strdup ("With breakfast");
  save (f->store, &pl_medicine_type, medicine);
  need->category = PL_NEED_INFORMATION_FORMAT;
  g_free (need->description);
  need->description = g_strdup ("Requires information in large print");
  save (f->store, &pl_comm_need_type, need);
  coordinator->person_id = f->person_id;
  coordinator->role = PL_CONTACT_COORDINATOR;
  coordinator->name = g_strdup ("Sam Patel");
  save (f->store, &pl_contact_type, coordinator);
  g_free (plan->next_review);
  plan->next_review = g_strdup ("2026-02-16");
  plan->coordinator_id = coordinator->id;
  save (f->store, &pl_plan_type, plan);
  {
    g_autoptr(PlPlanSection) missed = pl_plan_section_new ();
    g_autoptr(PlPlanSection) crisis = pl_plan_section_new ();

    missed->plan_id = crisis->plan_id = f->plan_id;
    missed->kind = PL_SECTION_MISSED_VISIT;
    missed->body = g_strdup ("Ring the office.");
    crisis->kind = PL_SECTION_CRISIS;
    crisis->body = g_strdup ("Ring Julie, then 999.");
    save (f->store, &pl_plan_section_type, missed);
    save (f->store, &pl_plan_section_type, crisis);
  }
  g_assert_true (pl_guidance_list_set_plan (list, f->store, f->plan_id, &error));
  g_assert_cmpuint (pl_guidance_list_get_n_items (list), ==, 0);
  g_assert_nonnull (strstr (pl_guidance_list_get_summary (list), "All clear"));
}

/* Window: NG86 1.4.8 ----------------------------------------------------- */

static gboolean
is_reading (gpointer data)
{
  PlWindow *window = data;

  return pl_document_view_get_document (pl_window_get_document_view (window)) != NULL &&
         pl_gui_test_is_mapped (pl_window_get_document_view (window));
}

static PlDocument *
open_my_plan (PlWindow *window,
              gint64    person_id)
{
  g_assert_true (pl_window_open_person (window, person_id));
  g_assert_true (pl_window_open_page (window, PL_DOCUMENT_PLAN));
  g_assert_true (pl_gui_test_wait_until (is_reading, window));
  g_assert_true (pl_gui_test_run_ticks (window, 2));
  return pl_document_view_get_document (pl_window_get_document_view (window));
}

/* After a new version with a changed outcome, the person sees the change
 * first, marked in the plan; the next time, it is no longer new */
static void
test_changes_first (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlanContent) content = NULL;
  PlWindow *window;
  PlDocument *document;
  PlOutcome *outcome;
  gint64 v2 = 0;
  int changes;
  GtkWidget *marked;
  g_autofree char *outcome_anchor = NULL;
  g_autofree char *text = NULL;

  g_clear_pointer (&f->window, gtk_window_destroy);
  g_clear_pointer (&f->store, pl_store_unref);
  window = pl_window_new (NULL);
  f->window = GTK_WINDOW (window);
  gtk_window_set_default_size (f->window, 900, 700);
  gtk_window_present (f->window);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, window));
  g_assert_true (pl_window_open_database (window, f->path));

  /* The first look: nothing to point out */
  document = open_my_plan (window, f->person_id);
  g_assert_cmpint (pl_document_find_anchor (document, "changes-since-you-last-looked"), <, 0);
  pl_window_lock (window);

  /* Staff make a new version with a changed outcome */
  g_assert_true (pl_plan_new_version (pl_window_get_store (window), f->plan_id, "staff:1",
                                      &v2, &error));
  g_assert_no_error (error);
  content = pl_plan_content_load (pl_window_get_store (window), v2, &error);
  outcome = g_ptr_array_index (content->parts[PL_PLAN_PART_OUTCOMES], 0);
  g_free (outcome->outcome);
  outcome->outcome = g_strdup ("To walk to the post office on my own");
  g_assert_true (pl_store_save_outcome (pl_window_get_store (window), outcome, &error));
  outcome_anchor = pl_plan_anchor_for (&pl_outcome_type, outcome);

  /* Shown first, after the title, in words with a link to its place */
  document = open_my_plan (window, f->person_id);
  changes = pl_document_find_anchor (document, "changes-since-you-last-looked");
  g_assert_cmpint (changes, ==, 1);
  text = pl_document_to_text (document);
  g_assert_nonnull (strstr (text, "What has changed since you last looked"));
  g_assert_nonnull (strstr (text, "post office"));
  {
    gboolean linked = FALSE;

    for (guint i = (guint) changes; i < pl_document_get_n_blocks (document); i++)
      {
        const PlBlock *block = pl_document_get_block (document, i);

        if (block->kind == PL_BLOCK_LINK && g_strcmp0 (block->target, outcome_anchor) == 0)
          {
            linked = TRUE;
            g_assert_nonnull (strstr (block->text, "shop"));
            g_assert_nonnull (strstr (block->text, "post office"));
          }
      }
    g_assert_true (linked);
  }
  /* And marked where it is */
  marked = pl_document_view_get_anchor_widget (pl_window_get_document_view (window), outcome_anchor);
  g_assert_nonnull (marked);
  g_assert_true (gtk_widget_has_css_class (marked, "pl-changed"));
  pl_window_lock (window);

  /* Seen: the next time it is not new */
  document = open_my_plan (window, f->person_id);
  g_assert_cmpint (pl_document_find_anchor (document, "changes-since-you-last-looked"), <, 0);
  marked = pl_document_view_get_anchor_widget (pl_window_get_document_view (window), outcome_anchor);
  g_assert_false (gtk_widget_has_css_class (marked, "pl-changed"));
}

static PlDocument *
open_shared_plan (PlWindow *window,
                  gint64    person_id,
                  gint64    carer_id)
{
  g_assert_true (pl_window_open_person_as_carer (window, person_id, carer_id));
  g_assert_true (pl_window_open_page (window, PL_DOCUMENT_PLAN));
  g_assert_true (pl_gui_test_wait_until (is_reading, window));
  return pl_document_view_get_document (pl_window_get_document_view (window));
}

/* A carer allowed the plan but not the medicines (NG86 1.1.14-1.1.15)
 * is told what changed in the plan, and nothing about the medicines */
static void
test_changes_shared (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlMedicine) medicine = pl_medicine_new ();
  g_autoptr(PlCarer) carer = pl_carer_new ();
  g_autoptr(PlContact) contact = pl_contact_new ();
  g_autoptr(PlSharing) sharing = pl_sharing_new ();
  g_autoptr(PlCarerLink) link = pl_carer_link_new ();
  g_autoptr(PlPlanContent) content = NULL;
  g_autofree char *text = NULL;
  PlWindow *window;
  PlDocument *document;
  PlOutcome *outcome;
  PlMedicine *copy;
  PlStore *store;
  gint64 v2 = 0;

  medicine->plan_id = f->plan_id;
  medicine->name = g_strdup ("Metformin");
  medicine->purpose = g_strdup ("For my diabetes");
  medicine->timing = g_strdup ("With breakfast");
  save (f->store, &pl_medicine_type, medicine);
  carer->name = g_strdup ("Julie");
  save (f->store, &pl_carer_type, carer);
  contact->person_id = f->person_id;
  contact->role = PL_CONTACT_FAMILY;
  contact->name = g_strdup ("Julie Jones");
  save (f->store, &pl_contact_type, contact);
  sharing->contact_id = contact->id;
  sharing->scope = PL_SCOPE_PLAN;
  save (f->store, &pl_sharing_type, sharing);
  link->carer_id = carer->id;
  link->contact_id = contact->id;
  save (f->store, &pl_carer_link_type, link);

  g_clear_pointer (&f->window, gtk_window_destroy);
  g_clear_pointer (&f->store, pl_store_unref);
  window = pl_window_new (NULL);
  f->window = GTK_WINDOW (window);
  gtk_window_set_default_size (f->window, 900, 700);
  gtk_window_present (f->window);
  g_assert_true (pl_gui_test_wait_until (pl_gui_test_is_mapped, window));
  g_assert_true (pl_window_open_database (window, f->path));
  store = pl_window_get_store (window);

  /* The person looks at their plan; then it changes */
  g_assert_true (pl_plan_mark_seen (store, f->person_id, &error));
  g_assert_no_error (error);

  g_assert_true (pl_plan_new_version (store, f->plan_id, "staff:1", &v2, &error));
  content = pl_plan_content_load (store, v2, &error);
  outcome = g_ptr_array_index (content->parts[PL_PLAN_PART_OUTCOMES], 0);
  g_free (outcome->outcome);
  outcome->outcome = g_strdup ("To walk to the post office on my own");
  g_assert_true (pl_store_save_outcome (store, outcome, &error));
  /* A medicine taken out is a change to the part as a whole */
  copy = g_ptr_array_index (content->parts[PL_PLAN_PART_MEDICINES], 0);
  g_assert_true (pl_store_delete_medicine (store, copy->id, &error));
  g_assert_no_error (error);

  document = open_shared_plan (window, f->person_id, carer->id);
  g_assert_cmpint (pl_document_find_anchor (document, "changes-since-you-last-looked"), >, 0);
  text = pl_document_to_text (document);
  g_assert_nonnull (strstr (text, "post office"));
  g_assert_null (strstr (text, "Metformin"));

  /* The carer's look does not use up what the person is to be told */
  {
    g_autoptr(GPtrArray) changes = NULL;
    gboolean seen_before = FALSE;

    changes = pl_plan_changes_since_seen (store, f->person_id, &seen_before, &error);
    g_assert_no_error (error);
    g_assert_true (seen_before);
    g_assert_cmpuint (changes->len, >, 0);
  }
}

static PlPicturesDialog *
find_pictures_dialog (void)
{
  /* GTK's own list, not ours to free */
  GListModel *windows = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (windows, i);

      if (PL_IS_PICTURES_DIALOG (window))
        return PL_PICTURES_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_pictures_dialog (gpointer data)
{
  return find_pictures_dialog () != NULL;
}

/* The person's chosen pictures show beside the form; "Pictures…" opens
 * the list to change them with the person */
static void
test_pictures (Fixture       *f,
               gconstpointer  data)
{
  PlTogetherView *view = show_view (f);
  g_autoptr(PlPlanContent) content = load_content (f);
  g_autoptr(PlSymbolChoice) choice = pl_symbol_choice_new ();
  g_autoptr(GError) error = NULL;
  PlDocument *shown;

  pl_together_view_set_content (view, content, NULL);
  shown = pl_reader_get_document (pl_together_view_get_reader (view));
  g_assert_nonnull (pl_document_get_symbol_choices (shown));
  g_assert_cmpuint (pl_document_get_symbol_choices (shown)->len, ==, 0);

  choice->person_id = f->person_id;
  choice->words = g_strdup ("shop");
  g_assert_true (pl_symbol_choice_save (f->store, choice, &error));
  g_assert_no_error (error);
  pl_together_view_set_content (view, content, NULL);
  shown = pl_reader_get_document (pl_together_view_get_reader (view));
  g_assert_cmpuint (pl_document_get_symbol_choices (shown)->len, ==, 1);

  pl_together_view_open_pictures (view);
  g_assert_true (pl_gui_test_wait_until (has_pictures_dialog, NULL));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (find_pictures_dialog ())) == f->window);
  g_assert_cmpuint (pl_pictures_dialog_get_n_lines (find_pictures_dialog ()), >, 0);
  gtk_window_destroy (GTK_WINDOW (find_pictures_dialog ()));
  pl_gui_test_run_frames (1);
}

int
main (int   argc,
      char *argv[])
{
  pl_gui_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/plainly/together/follows-content", test_follows_content);
  ADD ("/plainly/together/scroll-place", test_scroll_place);
  ADD ("/plainly/together/read-back", test_read_back);
  ADD ("/plainly/together/no-speaker", test_no_speaker);
  ADD ("/plainly/together/own-window", test_own_window);
  ADD ("/plainly/together/agreement", test_agreement);
  ADD ("/plainly/together/agreement-refused", test_agreement_refused);
  ADD ("/plainly/together/guidance-list", test_guidance_list);
  ADD ("/plainly/together/changes-first", test_changes_first);
  ADD ("/plainly/together/changes-shared", test_changes_shared);
  ADD ("/plainly/together/pictures", test_pictures);
#undef ADD

  return g_test_run ();
}
