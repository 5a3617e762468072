/* pl-talking-buttons.c: says a control's name when it gets the focus or the
 * pointer rests on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For people who cannot read the screen but do not use a screen reader. The
 * words are the ones shown on the control, so what is heard is what is seen.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-i18n.h"

#include "pl-screen-reader.h"
#include "pl-talking-buttons-private.h"

/* Long enough that passing over a button on the way elsewhere says nothing */
#define DWELL_MS 700
/* Tabbing quickly through controls says only where it stops */
#define FOCUS_SETTLE_MS 150

struct _PlTalkingButtons
{
  GObject             parent_instance;

  GtkWindow          *window;        /* weak */
  GtkEventController *motion;        /* owned by the window */
  gulong              focus_handler;
  gboolean            enabled;
  gboolean            screen_reader;

  guint               dwell_source;
  guint               focus_source;
  double              pointer_x;
  double              pointer_y;
  GtkWidget          *last_control;  /* weak: not said twice in a row */
};

G_DEFINE_FINAL_TYPE (PlTalkingButtons, pl_talking_buttons, G_TYPE_OBJECT)

enum {
  SIGNAL_SPEAK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
         GTK_IS_SPIN_BUTTON (widget) || GTK_IS_ENTRY (widget) || GTK_IS_TEXT_VIEW (widget) ||
         GTK_IS_PASSWORD_ENTRY (widget) || GTK_IS_SCALE (widget) ||
         GTK_IS_LIST_BOX_ROW (widget) || GTK_IS_DROP_DOWN (widget);
}

static GtkWidget *
control_for (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (is_control (widget))
      return widget;
  return NULL;
}

static void
collect_label_text (GtkWidget *widget,
                    GString   *words)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (text != NULL && *text != '\0')
        {
          if (words->len > 0)
            g_string_append (words, ", ");
          g_string_append (words, text);
        }
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_label_text (child, words);
}

/* The label a labelled-by relation would give, for entries and switches:
 * the nearest label before it among its ancestors' children */
static char *
nearby_label (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    for (GtkWidget *sibling = gtk_widget_get_prev_sibling (w);
         sibling != NULL;
         sibling = gtk_widget_get_prev_sibling (sibling))
      {
        g_autoptr(GString) words = g_string_new (NULL);

        collect_label_text (sibling, words);
        if (words->len > 0)
          return g_string_free (g_steal_pointer (&words), FALSE);
      }
  return NULL;
}

char *
pl_widget_spoken_label (GtkWidget *widget)
{
  g_autoptr(GString) words = g_string_new (NULL);
  GtkWidget *control;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  control = control_for (widget);
  if (control == NULL)
    return NULL;

  if (GTK_IS_SWITCH (control) || GTK_IS_SPIN_BUTTON (control) || GTK_IS_ENTRY (control) ||
      GTK_IS_PASSWORD_ENTRY (control) || GTK_IS_TEXT_VIEW (control) || GTK_IS_SCALE (control))
    {
      g_autofree char *label = nearby_label (control);

      if (label != NULL)
        g_string_append (words, label);
    }
  else
    {
      collect_label_text (control, words);
    }

  if (words->len == 0)
    {
      const char *tooltip = gtk_widget_get_tooltip_text (control);

      if (tooltip == NULL)
        return NULL;
      g_string_append (words, tooltip);
    }

  /* The state, in words, where the control has one */
  if (GTK_IS_SWITCH (control))
    g_string_append (words, gtk_switch_get_active (GTK_SWITCH (control)) ? _(", on") : _(", off"));
  /* A toggle that is on, or the choice made of a set (PlChoiceButton) */
  else if (GTK_IS_BUTTON (control) && (gtk_widget_get_state_flags (control) & GTK_STATE_FLAG_CHECKED))
    g_string_append (words, _(", chosen"));
  else if (GTK_IS_CHECK_BUTTON (control))
    g_string_append (words, gtk_check_button_get_active (GTK_CHECK_BUTTON (control))
                              ? _(", ticked") : _(", not ticked"));
  else if (GTK_IS_SPIN_BUTTON (control))
    {
      g_autofree char *value = g_strdup_printf (", %g",
                                                gtk_spin_button_get_value (GTK_SPIN_BUTTON (control)));
      g_string_append (words, value);
    }

  return g_string_free (g_steal_pointer (&words), FALSE);
}

static void
say_control (PlTalkingButtons *self,
             GtkWidget        *control)
{
  g_autofree char *words = NULL;

  if (!self->enabled || control == NULL || control == self->last_control)
    return;

  words = pl_widget_spoken_label (control);
  if (words == NULL)
    return;

  g_set_weak_pointer (&self->last_control, control);
  /* The screen reader says it: two voices at once say nothing clearly */
  if (self->screen_reader)
    {
      g_debug ("Talking buttons quiet for the screen reader: “%s”", words);
      return;
    }
  g_debug ("Talking button says “%s”", words);
  g_signal_emit (self, signals[SIGNAL_SPEAK], 0, words);
}

void
pl_talking_buttons_hover (PlTalkingButtons *self,
                          GtkWidget        *widget)
{
  g_return_if_fail (PL_IS_TALKING_BUTTONS (self));

  say_control (self, widget != NULL ? control_for (widget) : NULL);
}

static gboolean
focus_settled_cb (gpointer data)
{
  PlTalkingButtons *self = data;
  GtkWidget *focus;

  self->focus_source = 0;
  if (self->window == NULL)
    return G_SOURCE_REMOVE;

  focus = gtk_root_get_focus (GTK_ROOT (self->window));
  if (focus != NULL)
    say_control (self, control_for (focus));
  return G_SOURCE_REMOVE;
}

static void
focus_changed_cb (PlTalkingButtons *self)
{
  if (!self->enabled)
    return;

  g_clear_handle_id (&self->focus_source, g_source_remove);
  self->focus_source = g_timeout_add (FOCUS_SETTLE_MS, focus_settled_cb, self);
}

static gboolean
dwell_cb (gpointer data)
{
  PlTalkingButtons *self = data;
  GtkWidget *picked;

  self->dwell_source = 0;
  if (self->window == NULL)
    return G_SOURCE_REMOVE;

  picked = gtk_widget_pick (GTK_WIDGET (self->window), self->pointer_x, self->pointer_y,
                            GTK_PICK_DEFAULT);
  pl_talking_buttons_hover (self, picked);
  return G_SOURCE_REMOVE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           PlTalkingButtons         *self)
{
  if (!self->enabled)
    return;

  self->pointer_x = x;
  self->pointer_y = y;
  g_clear_handle_id (&self->dwell_source, g_source_remove);
  self->dwell_source = g_timeout_add (DWELL_MS, dwell_cb, self);
}

static void
screen_reader_changed_cb (PlScreenReader   *reader,
                          GParamSpec       *pspec,
                          PlTalkingButtons *self)
{
  self->screen_reader = pl_screen_reader_get_running (reader);
}

void
pl_talking_buttons_set_enabled (PlTalkingButtons *self,
                                gboolean          enabled)
{
  g_return_if_fail (PL_IS_TALKING_BUTTONS (self));

  self->enabled = enabled;
  g_clear_weak_pointer (&self->last_control);
  if (!enabled)
    {
      g_clear_handle_id (&self->dwell_source, g_source_remove);
      g_clear_handle_id (&self->focus_source, g_source_remove);
    }
}

gboolean
pl_talking_buttons_get_enabled (PlTalkingButtons *self)
{
  g_return_val_if_fail (PL_IS_TALKING_BUTTONS (self), FALSE);

  return self->enabled;
}

void
pl_talking_buttons_set_screen_reader_running (PlTalkingButtons *self,
                                              gboolean          running)
{
  g_return_if_fail (PL_IS_TALKING_BUTTONS (self));

  self->screen_reader = running;
}

gboolean
pl_talking_buttons_get_screen_reader_running (PlTalkingButtons *self)
{
  g_return_val_if_fail (PL_IS_TALKING_BUTTONS (self), FALSE);

  return self->screen_reader;
}

static void
pl_talking_buttons_dispose (GObject *object)
{
  PlTalkingButtons *self = PL_TALKING_BUTTONS (object);

  g_clear_handle_id (&self->dwell_source, g_source_remove);
  g_clear_handle_id (&self->focus_source, g_source_remove);
  g_clear_weak_pointer (&self->last_control);
  if (self->window != NULL)
    {
      g_clear_signal_handler (&self->focus_handler, self->window);
      gtk_widget_remove_controller (GTK_WIDGET (self->window), self->motion);
      g_clear_weak_pointer (&self->window);
    }

  G_OBJECT_CLASS (pl_talking_buttons_parent_class)->dispose (object);
}

static void
pl_talking_buttons_class_init (PlTalkingButtonsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pl_talking_buttons_dispose;

  /* The words to say for the control now in focus or under the pointer */
  signals[SIGNAL_SPEAK] =
    g_signal_new ("speak", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pl_talking_buttons_init (PlTalkingButtons *self)
{
}

PlTalkingButtons *
pl_talking_buttons_new (GtkWindow *window)
{
  PlTalkingButtons *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);

  self = g_object_new (PL_TYPE_TALKING_BUTTONS, NULL);
  g_set_weak_pointer (&self->window, window);

  self->focus_handler = g_signal_connect_swapped (window, "notify::focus-widget",
                                                  G_CALLBACK (focus_changed_cb), self);
  self->motion = gtk_event_controller_motion_new ();
  gtk_event_controller_set_propagation_phase (self->motion, GTK_PHASE_CAPTURE);
  g_signal_connect (self->motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (window), self->motion);

  /* However the screen reader was started: see pl-screen-reader.c */
  self->screen_reader = pl_screen_reader_get_running (pl_screen_reader_get_default ());
  g_signal_connect_object (pl_screen_reader_get_default (), "notify::running",
                           G_CALLBACK (screen_reader_changed_cb), self, 0);

  return self;
}
