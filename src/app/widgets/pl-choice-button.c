/* pl-choice-button.c: a large button that is one choice of a set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A radio button that looks like a button. GTK 4.8's GtkToggleButton tells
 * a screen reader both "pressed" and "checked" when it changes, and Orca
 * says "selected" for each; this says "checked" alone. It is a GtkButton,
 * so it is styled as one, and it has the :checked state for style sheets.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-choice-button.h"

struct _PlChoiceButton
{
  GtkButton       parent_instance;

  gboolean        active;
  /* The set, as a ring of the other choices in it (not owned) */
  PlChoiceButton *prev;
  PlChoiceButton *next;
};

G_DEFINE_FINAL_TYPE (PlChoiceButton, pl_choice_button, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
leave_group (PlChoiceButton *self)
{
  if (self->next == self)
    return;
  self->prev->next = self->next;
  self->next->prev = self->prev;
  self->prev = self->next = self;
}

static void
pl_choice_button_clicked (GtkButton *button)
{
  /* Pressing the choice already made keeps it, as radio buttons do */
  pl_choice_button_set_active (PL_CHOICE_BUTTON (button), TRUE);
}

static void
pl_choice_button_dispose (GObject *object)
{
  leave_group (PL_CHOICE_BUTTON (object));

  G_OBJECT_CLASS (pl_choice_button_parent_class)->dispose (object);
}

static void
pl_choice_button_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlChoiceButton *self = PL_CHOICE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_choice_button_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlChoiceButton *self = PL_CHOICE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      pl_choice_button_set_active (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_choice_button_class_init (PlChoiceButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkButtonClass *button_class = GTK_BUTTON_CLASS (klass);

  object_class->dispose = pl_choice_button_dispose;
  object_class->get_property = pl_choice_button_get_property;
  object_class->set_property = pl_choice_button_set_property;
  button_class->clicked = pl_choice_button_clicked;

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_RADIO);
}

static void
pl_choice_button_init (PlChoiceButton *self)
{
  self->prev = self->next = self;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_CHECKED, FALSE,
                               -1);
}

GtkWidget *
pl_choice_button_new (void)
{
  return g_object_new (PL_TYPE_CHOICE_BUTTON, NULL);
}

void
pl_choice_button_set_group (PlChoiceButton *self,
                            PlChoiceButton *group)
{
  g_return_if_fail (PL_IS_CHOICE_BUTTON (self));
  g_return_if_fail (group == NULL || PL_IS_CHOICE_BUTTON (group));

  leave_group (self);
  if (group == NULL || group == self)
    return;

  self->next = group->next;
  self->prev = group;
  group->next->prev = self;
  group->next = self;

  /* One choice of a set at most */
  if (self->active)
    for (PlChoiceButton *other = self->next; other != self; other = other->next)
      pl_choice_button_set_active (other, FALSE);
}

gboolean
pl_choice_button_get_active (PlChoiceButton *self)
{
  g_return_val_if_fail (PL_IS_CHOICE_BUTTON (self), FALSE);

  return self->active;
}

void
pl_choice_button_set_active (PlChoiceButton *self,
                             gboolean        active)
{
  g_return_if_fail (PL_IS_CHOICE_BUTTON (self));

  active = !!active;
  if (self->active == active)
    return;

  /* The one left goes first, so a set never has two choices made */
  if (active)
    for (PlChoiceButton *other = self->next; other != self; other = other->next)
      pl_choice_button_set_active (other, FALSE);

  self->active = active;
  if (active)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_CHECKED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_CHECKED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_CHECKED, active,
                               -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}
