/* pl-record-form.c: a form for one record, built from its field descriptions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input has a visible label that is also its accessible name, works
 * from the keyboard (Tab leaves a text box rather than typing a tab), and
 * tells what is wrong in words, never by colour alone. The words of the
 * labels for the parts of a plan are here, so every screen says the same.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "pl-model.h"
#include "pl-record-form-private.h"
#include "pl-widget-util.h"

typedef enum
{
  INPUT_ENTRY,
  INPUT_TEXT,       /* several lines */
  INPUT_WEEKDAY,
  INPUT_TIME,
  INPUT_MINUTES,
  INPUT_DATE,
  INPUT_NUMBER,
  INPUT_CHOICE,
  INPUT_REF,
  INPUT_CHECK,
} InputKind;

/* How each field a person fills in is shown */
static const struct
{
  const char *table;
  const char *field;
  InputKind   kind;
  const char *label;
  const char *hint;
} hints[] = {
  { "plan_sections", "body", INPUT_TEXT, N_("Text"), NULL },
  { "outcomes", "outcome", INPUT_TEXT, N_("What I want to achieve, in my own words"), NULL },
  { "outcomes", "measure", INPUT_TEXT, N_("How we will know it is working"), NULL },
  { "outcomes", "progress", INPUT_TEXT, N_("Progress so far"), NULL },
  /* NG21 1.4.2: visits long enough to do the work without rushing */
  { "visits", "weekday", INPUT_WEEKDAY, N_("Day"), NULL },
  { "visits", "start_time", INPUT_TIME, N_("Start time"), N_("Hours and minutes, like 08:30") },
  { "visits", "duration", INPUT_MINUTES, N_("Length in minutes"), N_("At least 30 minutes, unless a shorter visit is only to check on the person (NICE NG21 1.4.2)") },
  { "visits", "purpose", INPUT_ENTRY, N_("What the visit is for"), NULL },
  { "visits", "tasks", INPUT_TEXT, N_("What happens during the visit"), NULL },
  /* NG21 1.3.16: what each medicine is for, how and when, if missed, who to ask */
  { "medicines", "name", INPUT_ENTRY, N_("Medicine"), NULL },
  { "medicines", "purpose", INPUT_ENTRY, N_("What it is for"), NULL },
  { "medicines", "dose", INPUT_ENTRY, N_("Dose"), NULL },
  { "medicines", "timing", INPUT_ENTRY, N_("When to take it"), NULL },
  { "medicines", "support", INPUT_TEXT, N_("Help given with it"), NULL },
  { "medicines", "if_missed", INPUT_TEXT, N_("What to do if it is missed"), NULL },
  { "medicines", "contact", INPUT_ENTRY, N_("Who to ask about it"), NULL },
  /* NG21 1.3.14: risks the person chooses to take */
  { "risks", "activity", INPUT_ENTRY, N_("The activity"), NULL },
  { "risks", "benefits", INPUT_TEXT, N_("What it gives me"), NULL },
  { "risks", "strategies", INPUT_TEXT, N_("How we make it safer"), NULL },
  { "risks", "implications_person", INPUT_TEXT, N_("What it means for me"), NULL },
  { "risks", "implications_worker", INPUT_TEXT, N_("What it means for the care worker"), NULL },
  { "contacts", "role", INPUT_CHOICE, N_("Role"), NULL },
  { "contacts", "name", INPUT_ENTRY, N_("Name"), NULL },
  { "contacts", "relationship", INPUT_ENTRY, N_("Relationship"), NULL },
  { "contacts", "organisation", INPUT_ENTRY, N_("Organisation"), NULL },
  { "contacts", "phone", INPUT_ENTRY, N_("Phone"), NULL },
  { "contacts", "email", INPUT_ENTRY, N_("Email"), NULL },
  { "contacts", "address", INPUT_TEXT, N_("Address"), NULL },
  { "contacts", "notes", INPUT_TEXT, N_("Notes"), NULL },
  /* NG21 1.3.6: a named coordinator; NG21 1.3.25: reviews */
  { "plans", "coordinator_id", INPUT_REF, N_("Named coordinator"), NULL },
  { "plans", "start_date", INPUT_DATE, N_("Plan starts on"), N_("Year, month and day, like 2026-11-23") },
  { "plans", "last_review", INPUT_DATE, N_("Last reviewed on"), N_("Year, month and day, like 2026-11-23") },
  { "plans", "next_review", INPUT_DATE, N_("Next review on"), N_("The first review within 6 weeks of the start, then at least once a year (NICE NG21 1.3.25)") },
};

typedef struct
{
  PlRecordForm  *form;
  const PlField *field;
  InputKind      kind;
  GtkWidget     *box;
  GtkWidget     *label;
  GtkWidget     *input;
  GtkWidget     *problem;   /* words saying what is wrong, or hidden */
  GArray        *ref_ids;   /* INPUT_REF: gint64 per drop-down item */
} Input;

struct _PlRecordForm
{
  GtkWidget           parent_instance;

  const PlRecordType *type;
  gpointer            record;   /* borrowed */
  gboolean            editable;
  gboolean            loading;
  GPtrArray          *inputs;   /* (element-type Input) */
};

G_DEFINE_FINAL_TYPE (PlRecordForm, pl_record_form, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
input_free (Input *input)
{
  g_clear_pointer (&input->ref_ids, g_array_unref);
  g_free (input);
}

static Input *
find_input (PlRecordForm *self,
            const char   *field)
{
  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = g_ptr_array_index (self->inputs, i);

      if (g_str_equal (input->field->name, field))
        return input;
    }
  return NULL;
}

static gboolean
is_time (const char *text)
{
  unsigned int h, m;
  char end;

  return sscanf (text, "%2u:%2u%c", &h, &m, &end) == 2 && h < 24 && m < 60 &&
         strlen (text) == 5;
}

static gboolean
is_date (const char *text)
{
  unsigned int y, m, d;
  char end;

  return sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &end) == 3 &&
         strlen (text) == 10 && g_date_valid_dmy (d, m, y);
}

static void
show_problem (Input      *input,
              const char *text)
{
  gtk_label_set_text (GTK_LABEL (input->problem), text != NULL ? text : "");
  gtk_widget_set_visible (input->problem, text != NULL);
}

/* Kept as typed, with words saying what is wrong, so nothing typed is lost */
static void
check_text (Input      *input,
            const char *text)
{
  if (input->kind == INPUT_TIME)
    show_problem (input, pl_text_is_blank (text) || is_time (text) ? NULL
                  : _("This is not a time yet: write hours and minutes, like 08:30."));
  else if (input->kind == INPUT_DATE)
    show_problem (input, pl_text_is_blank (text) || is_date (text) ? NULL
                  : _("This is not a date yet: write year, month and day, like 2026-11-23."));
}

static void
set_text (Input      *input,
          const char *text)
{
  char **slot = PL_FIELD_PTR (input->form->record, input->field, char *);

  g_free (*slot);
  *slot = pl_text_is_blank (text) ? NULL : g_strdup (text);
  check_text (input, *slot);
}

static void
changed (Input *input)
{
  if (input->form->loading)
    return;
  g_signal_emit (input->form, signals[SIGNAL_CHANGED], 0, input->field->name);
}

static void
entry_changed_cb (GtkEditable *editable,
                  Input       *input)
{
  if (input->form->loading)
    return;
  set_text (input, gtk_editable_get_text (editable));
  changed (input);
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   Input         *input)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (input->form->loading)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  set_text (input, text);
  changed (input);
}

static void
spin_changed_cb (GtkSpinButton *spin,
                 Input         *input)
{
  if (input->form->loading)
    return;
  *PL_FIELD_PTR (input->form->record, input->field, int) = gtk_spin_button_get_value_as_int (spin);
  changed (input);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  Input          *input)
{
  if (input->form->loading)
    return;
  *PL_FIELD_PTR (input->form->record, input->field, gboolean) = gtk_check_button_get_active (check);
  changed (input);
}

static void
dropdown_selected_cb (GtkDropDown *dropdown,
                      GParamSpec  *pspec,
                      Input       *input)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (input->form->loading || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (input->kind == INPUT_REF)
    {
      if (input->ref_ids == NULL || selected >= input->ref_ids->len)
        return;
      *PL_FIELD_PTR (input->form->record, input->field, gint64) =
        g_array_index (input->ref_ids, gint64, selected);
    }
  else
    *PL_FIELD_PTR (input->form->record, input->field, int) = (int) selected;

  changed (input);
}

static InputKind
kind_for (const PlRecordType *type,
          const PlField      *field,
          const char        **out_label,
          const char        **out_hint)
{
  for (guint i = 0; i < G_N_ELEMENTS (hints); i++)
    if (g_str_equal (hints[i].table, type->table) && g_str_equal (hints[i].field, field->name))
      {
        *out_label = _(hints[i].label);
        *out_hint = hints[i].hint != NULL ? _(hints[i].hint) : NULL;
        return hints[i].kind;
      }

  *out_label = NULL;
  *out_hint = NULL;
  switch (field->kind)
    {
    case PL_FIELD_INT:
    case PL_FIELD_INT64:
    case PL_FIELD_DOUBLE:
      return INPUT_NUMBER;
    case PL_FIELD_REF:
      return INPUT_REF;
    case PL_FIELD_BOOL:
      return INPUT_CHECK;
    case PL_FIELD_ENUM:
      return INPUT_CHOICE;
    case PL_FIELD_TEXT:
    default:
      return INPUT_ENTRY;
    }
}

/* Fields kept by the store, the owner and the order are never typed */
static gboolean
is_typed (const PlRecordType *type,
          const PlField      *field)
{
  if (field == &type->fields[0] || (field->flags & (PL_FIELD_FLAG_AUTO | PL_FIELD_FLAG_SECRET)) != 0)
    return FALSE;
  if (type->parent != NULL && g_str_equal (field->name, type->parent))
    return FALSE;
  return !g_str_equal (field->name, "position");
}

static GtkWidget *
make_dropdown (Input *input)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GtkWidget *dropdown;
  int value = 0;

  if (input->kind == INPUT_WEEKDAY)
    {
      for (int day = 0; day <= 7; day++)
        gtk_string_list_append (list, pl_weekday_label (day));
      value = *PL_FIELD_PTR (input->form->record, input->field, int);
    }
  else if (input->kind == INPUT_CHOICE)
    {
      for (guint i = 0; input->field->nicks != NULL && input->field->nicks[i] != NULL; i++)
        gtk_string_list_append (list, input->field->nicks == pl_contact_role_nicks
                                ? pl_contact_role_label (i) : input->field->nicks[i]);
      value = *PL_FIELD_PTR (input->form->record, input->field, int);
    }
  else
    {
      /* INPUT_REF: choices come from pl_record_form_set_ref_choices() */
      gtk_string_list_append (list, _("No one chosen"));
      input->ref_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
      g_array_set_size (input->ref_ids, 1);
    }

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (list)), NULL);
  if (value >= 0 && (guint) value < g_list_model_get_n_items (G_LIST_MODEL (list)))
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), value);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (dropdown_selected_cb), input);
  return dropdown;
}

static GtkWidget *
make_input (Input *input)
{
  gpointer record = input->form->record;
  const PlField *field = input->field;
  gboolean editable = input->form->editable;
  GtkWidget *widget = NULL;

  switch (input->kind)
    {
    case INPUT_ENTRY:
    case INPUT_TIME:
    case INPUT_DATE:
      {
        const char *text = *PL_FIELD_PTR (record, field, char *);

        widget = gtk_entry_new ();
        gtk_editable_set_text (GTK_EDITABLE (widget), text != NULL ? text : "");
        /* Undo is the editor's, over the whole plan */
        pl_widget_leave_undo_to_editor (widget);
        gtk_editable_set_editable (GTK_EDITABLE (widget), editable);
        if (input->kind == INPUT_TIME)
          gtk_entry_set_placeholder_text (GTK_ENTRY (widget), "08:30");
        else if (input->kind == INPUT_DATE)
          gtk_entry_set_placeholder_text (GTK_ENTRY (widget), "2026-11-23");
        g_signal_connect (widget, "changed", G_CALLBACK (entry_changed_cb), input);
        break;
      }
    case INPUT_TEXT:
      {
        const char *text = *PL_FIELD_PTR (record, field, char *);
        GtkTextBuffer *buffer;

        widget = gtk_text_view_new ();
        buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
        gtk_text_buffer_set_enable_undo (buffer, FALSE);
        gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (widget), GTK_WRAP_WORD_CHAR);
        /* Words kept off the frame, as in an entry */
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (widget), 8);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (widget), 8);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (widget), 8);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (widget), 8);
        /* Tab moves on, so the form works from the keyboard */
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (widget), FALSE);
        gtk_text_view_set_editable (GTK_TEXT_VIEW (widget), editable);
        gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (widget), editable);
        gtk_widget_set_size_request (widget, -1, 72);
        g_signal_connect (buffer, "changed", G_CALLBACK (buffer_changed_cb), input);
        break;
      }
    case INPUT_MINUTES:
    case INPUT_NUMBER:
      {
        int value = field->kind == PL_FIELD_INT ? *PL_FIELD_PTR (record, field, int) : 0;

        widget = gtk_spin_button_new_with_range (0, input->kind == INPUT_MINUTES ? 24 * 60 : 9999,
                                                 input->kind == INPUT_MINUTES ? 5 : 1);
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), value);
        gtk_widget_set_sensitive (widget, editable);
        g_signal_connect (widget, "value-changed", G_CALLBACK (spin_changed_cb), input);
        break;
      }
    case INPUT_WEEKDAY:
    case INPUT_CHOICE:
    case INPUT_REF:
      widget = make_dropdown (input);
      gtk_widget_set_sensitive (widget, editable);
      break;
    case INPUT_CHECK:
      widget = gtk_check_button_new ();
      gtk_check_button_set_active (GTK_CHECK_BUTTON (widget),
                                   *PL_FIELD_PTR (record, field, gboolean));
      gtk_widget_set_sensitive (widget, editable);
      g_signal_connect (widget, "toggled", G_CALLBACK (check_toggled_cb), input);
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_name (widget, field->name);
  return widget;
}

static void
add_field (PlRecordForm  *self,
           const PlField *field)
{
  Input *input = g_new0 (Input, 1);
  g_autofree char *fallback = NULL;
  const char *label = NULL, *hint = NULL;
  g_autofree char *problem_name = NULL;
  GtkWidget *hint_label = NULL;
  GtkWidget *frame;

  input->form = self;
  input->field = field;
  input->kind = kind_for (self->type, field, &label, &hint);
  if (label == NULL)
    {
      const char *words = _(field->label);

      /* "how success is measured" → "How success is measured" */
      fallback = g_strdup_printf ("%c%s", g_ascii_toupper (words[0]), words + 1);
      label = fallback;
    }

  input->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  input->label = gtk_label_new (label);
  gtk_label_set_xalign (GTK_LABEL (input->label), 0);
  gtk_label_set_wrap (GTK_LABEL (input->label), TRUE);
  gtk_widget_add_css_class (input->label, "heading");
  gtk_box_append (GTK_BOX (input->box), input->label);

  input->input = make_input (input);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (input->input),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, input->label, NULL, -1);
  if (input->kind == INPUT_TEXT)
    {
      frame = gtk_frame_new (NULL);
      gtk_frame_set_child (GTK_FRAME (frame), input->input);
      gtk_box_append (GTK_BOX (input->box), frame);
    }
  else
    gtk_box_append (GTK_BOX (input->box), input->input);

  if (hint != NULL)
    {
      hint_label = gtk_label_new (hint);
      gtk_label_set_xalign (GTK_LABEL (hint_label), 0);
      gtk_label_set_wrap (GTK_LABEL (hint_label), TRUE);
      gtk_widget_add_css_class (hint_label, "dim-label");
      gtk_box_append (GTK_BOX (input->box), hint_label);
    }

  input->problem = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (input->problem), 0);
  gtk_label_set_wrap (GTK_LABEL (input->problem), TRUE);
  gtk_widget_add_css_class (input->problem, "error");
  gtk_widget_set_visible (input->problem, FALSE);
  problem_name = g_strconcat (field->name, "-problem", NULL);
  gtk_widget_set_name (input->problem, problem_name);
  gtk_box_append (GTK_BOX (input->box), input->problem);

  /* Screen readers hear the hint and what is wrong with the input */
  if (hint_label != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (input->input),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, hint_label, input->problem,
                                    NULL, -1);
  else
    gtk_accessible_update_relation (GTK_ACCESSIBLE (input->input),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, input->problem, NULL, -1);

  gtk_widget_set_parent (input->box, GTK_WIDGET (self));
  g_ptr_array_add (self->inputs, input);

  if (input->kind == INPUT_TIME || input->kind == INPUT_DATE)
    check_text (input, *PL_FIELD_PTR (self->record, field, char *));
}

PlRecordForm *
pl_record_form_new (const PlRecordType *type,
                    gpointer            record,
                    const char * const *fields,
                    gboolean            editable)
{
  PlRecordForm *self;

  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (PL_TYPE_RECORD_FORM, NULL);
  self->type = type;
  self->record = record;
  self->editable = editable;

  self->loading = TRUE;
  if (fields != NULL)
    {
      for (guint i = 0; fields[i] != NULL; i++)
        {
          const PlField *field = pl_record_type_find_field (type, fields[i]);

          g_return_val_if_fail (field != NULL, self);
          add_field (self, field);
        }
    }
  else
    {
      for (guint i = 0; i < type->n_fields; i++)
        if (is_typed (type, &type->fields[i]))
          add_field (self, &type->fields[i]);
    }
  self->loading = FALSE;

  return self;
}

gpointer
pl_record_form_get_record (PlRecordForm *self)
{
  g_return_val_if_fail (PL_IS_RECORD_FORM (self), NULL);
  return self->record;
}

const PlRecordType *
pl_record_form_get_record_type (PlRecordForm *self)
{
  g_return_val_if_fail (PL_IS_RECORD_FORM (self), NULL);
  return self->type;
}

void
pl_record_form_set_label (PlRecordForm *self,
                          const char   *field,
                          const char   *label)
{
  Input *input;

  g_return_if_fail (PL_IS_RECORD_FORM (self));

  input = find_input (self, field);
  g_return_if_fail (input != NULL);
  gtk_label_set_text (GTK_LABEL (input->label), label);
}

void
pl_record_form_set_ref_choices (PlRecordForm       *self,
                                const char         *field,
                                guint               n_choices,
                                const gint64       *ids,
                                const char * const *labels)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  Input *input;
  gint64 current;
  guint selected = 0;

  g_return_if_fail (PL_IS_RECORD_FORM (self));

  input = find_input (self, field);
  g_return_if_fail (input != NULL && input->kind == INPUT_REF);

  current = *PL_FIELD_PTR (self->record, input->field, gint64);
  gtk_string_list_append (list, _("No one chosen"));
  g_array_set_size (input->ref_ids, 1);
  for (guint i = 0; i < n_choices; i++)
    {
      gtk_string_list_append (list, labels[i]);
      g_array_append_val (input->ref_ids, ids[i]);
      if (ids[i] == current)
        selected = i + 1;
    }

  self->loading = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (input->input), G_LIST_MODEL (list));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (input->input), selected);
  self->loading = FALSE;
}

GtkWidget *
pl_record_form_get_input (PlRecordForm *self,
                          const char   *field)
{
  Input *input;

  g_return_val_if_fail (PL_IS_RECORD_FORM (self), NULL);

  input = find_input (self, field);
  return input != NULL ? input->input : NULL;
}

static void
pl_record_form_dispose (GObject *object)
{
  PlRecordForm *self = PL_RECORD_FORM (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->inputs != NULL)
    g_ptr_array_set_size (self->inputs, 0);

  G_OBJECT_CLASS (pl_record_form_parent_class)->dispose (object);
}

static void
pl_record_form_finalize (GObject *object)
{
  PlRecordForm *self = PL_RECORD_FORM (object);

  g_clear_pointer (&self->inputs, g_ptr_array_unref);

  G_OBJECT_CLASS (pl_record_form_parent_class)->finalize (object);
}

static void
pl_record_form_class_init (PlRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_record_form_dispose;
  object_class->finalize = pl_record_form_finalize;

  /* field: the column that changed */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "plrecordform");
}

static void
pl_record_form_init (PlRecordForm *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  self->inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) input_free);
}
