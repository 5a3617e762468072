/* pl-agreement-dialog.c: recording the person's agreement to a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NG86 1.1.4 and 1.1.9: the person is involved in every decision, and the
 * plan records how. A version is "agreed" only when the person, or where
 * the Mental Capacity Act applies the recorded decision-maker, has agreed,
 * in their own words.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-agreement-dialog-private.h"
#include "pl-plan-version.h"

struct _PlAgreementDialog
{
  AdwWindow    parent_instance;

  /* template */
  GtkLabel    *error_label;
  GtkEditable *present_entry;
  GtkEditable *participation_entry;
  GtkTextView *agreement_view;
  GtkCheckButton *person_check;
  GtkCheckButton *decision_maker_check;
  GtkWidget   *decision_maker_label;
  GtkWidget   *decision_maker_entry;
  GtkEditable *date_entry;

  PlStore     *store;   /* borrowed */
  gint64       plan_id;
  char        *error;
};

G_DEFINE_FINAL_TYPE (PlAgreementDialog, pl_agreement_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_AGREED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (PlAgreementDialog *self,
            const char        *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static char *
stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static char *
agreement_text (PlAgreementDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->agreement_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return stripped (text);
}

static const char *
person_name (const PlPerson *person)
{
  if (person->preferred_name != NULL && *person->preferred_name != '\0')
    return person->preferred_name;
  return person->full_name;
}

/* Who agreed, as the plan records it; NULL with the reason when unknown */
static char *
agreed_by (PlAgreementDialog  *self,
           GError            **error)
{
  if (gtk_check_button_get_active (self->decision_maker_check))
    {
      g_autofree char *name = stripped (gtk_editable_get_text (GTK_EDITABLE (self->decision_maker_entry)));

      if (*name == '\0')
        {
          g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                               _("Write down the name of the decision-maker who agreed."));
          return NULL;
        }
      /* The role stays with the name, so the plan says why it was not the person */
      return g_strdup_printf (_("%s, decision-maker under the Mental Capacity Act"), name);
    }
  else
    {
      g_autoptr(PlPlan) plan = pl_store_load_plan (self->store, self->plan_id, error);
      g_autoptr(PlPerson) person = NULL;

      if (plan == NULL)
        return NULL;
      person = pl_store_load_person (self->store, plan->person_id, error);
      if (person == NULL)
        return NULL;
      return g_strdup (person_name (person));
    }
}

static gboolean
save (PlAgreementDialog  *self,
      GError            **error)
{
  g_autofree char *present = stripped (gtk_editable_get_text (self->present_entry));
  g_autofree char *participation = stripped (gtk_editable_get_text (self->participation_entry));
  g_autofree char *agreement = agreement_text (self);
  g_autofree char *date = stripped (gtk_editable_get_text (self->date_entry));
  g_autofree char *who = NULL;
  g_autoptr(PlPlan) plan = NULL;

  who = agreed_by (self, error);
  if (who == NULL)
    return FALSE;

  /* Both, or neither */
  if (!pl_store_begin (self->store, error))
    return FALSE;

  plan = pl_store_load_plan (self->store, self->plan_id, error);
  if (plan == NULL)
    goto failed;
  g_free (plan->present);
  plan->present = *present != '\0' ? g_steal_pointer (&present) : NULL;
  g_free (plan->participation);
  plan->participation = *participation != '\0' ? g_steal_pointer (&participation) : NULL;
  if (!pl_store_save_plan (self->store, plan, error))
    goto failed;

  if (!pl_plan_mark_agreed (self->store, self->plan_id, who, agreement,
                            *date != '\0' ? date : NULL, NULL, error))
    goto failed;

  return pl_store_commit (self->store, error);

failed:
  pl_store_rollback (self->store);
  return FALSE;
}

gboolean
pl_agreement_dialog_record (PlAgreementDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PL_IS_AGREEMENT_DIALOG (self), FALSE);

  if (!save (self, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals[SIGNAL_AGREED], 0, self->plan_id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

const char *
pl_agreement_dialog_get_error (PlAgreementDialog *self)
{
  g_return_val_if_fail (PL_IS_AGREEMENT_DIALOG (self), NULL);
  return self->error;
}

static void
record_clicked_cb (PlAgreementDialog *self)
{
  pl_agreement_dialog_record (self);
}

static void
who_toggled_cb (PlAgreementDialog *self)
{
  gboolean decision_maker = gtk_check_button_get_active (self->decision_maker_check);

  gtk_widget_set_sensitive (self->decision_maker_label, decision_maker);
  gtk_widget_set_sensitive (self->decision_maker_entry, decision_maker);
}

PlAgreementDialog *
pl_agreement_dialog_new (GtkWindow *parent,
                         PlStore   *store,
                         gint64     plan_id)
{
  PlAgreementDialog *self;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (PL_TYPE_AGREEMENT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = store;
  self->plan_id = plan_id;
  gtk_editable_set_text (self->date_entry, today);

  /* What was recorded before is offered again */
  plan = pl_store_load_plan (store, plan_id, NULL);
  if (plan != NULL)
    {
      if (plan->present != NULL)
        gtk_editable_set_text (self->present_entry, plan->present);
      if (plan->participation != NULL)
        gtk_editable_set_text (self->participation_entry, plan->participation);
    }
  return self;
}

static void
pl_agreement_dialog_finalize (GObject *object)
{
  PlAgreementDialog *self = PL_AGREEMENT_DIALOG (object);

  g_free (self->error);

  G_OBJECT_CLASS (pl_agreement_dialog_parent_class)->finalize (object);
}

static void
pl_agreement_dialog_class_init (PlAgreementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pl_agreement_dialog_finalize;

  signals[SIGNAL_AGREED] =
    g_signal_new ("agreed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/plainly/Plainly/ui/pl-agreement-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlAgreementDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PlAgreementDialog, present_entry);
  gtk_widget_class_bind_template_child (widget_class, PlAgreementDialog, participation_entry);
  gtk_widget_class_bind_template_child (widget_class, PlAgreementDialog, agreement_view);
  gtk_widget_class_bind_template_child (widget_class, PlAgreementDialog, person_check);
  gtk_widget_class_bind_template_child (widget_class, PlAgreementDialog, decision_maker_check);
  gtk_widget_class_bind_template_child (widget_class, PlAgreementDialog, decision_maker_label);
  gtk_widget_class_bind_template_child (widget_class, PlAgreementDialog, decision_maker_entry);
  gtk_widget_class_bind_template_child (widget_class, PlAgreementDialog, date_entry);
  gtk_widget_class_bind_template_callback (widget_class, record_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, who_toggled_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_agreement_dialog_init (PlAgreementDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
