/* pl-read-aloud-bar.c: the reader's controls for reading aloud
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NG21 1.2.5 asks for audio versions and NG86 1.1.5 for more time to take
 * information in: the person hears their own document in their own voice
 * settings, can pause and go back a sentence, and is told plainly when
 * there is no speaker to hear it on.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <string.h>
#include "pl-i18n.h"

#include "pl-model.h"
#include "pl-copy-saver.h"
#include "pl-read-aloud-bar-private.h"
#include "pl-ui-words.h"
#include "pl-voice.h"
#include "pl-widget-util.h"

struct _PlReadAloudBar
{
  GtkWidget             parent_instance;

  GtkWidget            *box;
  GtkStack             *modes;
  GtkMenuButton        *more_button;
  GtkMenuButton        *compact_more_button;
  /* Their menus, built when first opened */
  GMenuModel           *more_menu;
  GMenuModel           *compact_more_menu;
  GtkWidget            *buttons;
  GtkWidget            *compact_buttons;
  GtkWidget            *compact_play_button;
  GtkWidget            *compact_stop_button;
  GtkWidget            *compact_previous_button;
  GtkWidget            *compact_next_button;
  GtkImage             *compact_play_icon;
  GtkLabel             *compact_play_label;
  gboolean              compact;
  guint                 compact_idle;
  GtkWidget            *play_button;
  GtkWidget            *stop_button;
  GtkWidget            *previous_button;
  GtkWidget            *repeat_button;
  GtkWidget            *next_button;
  GtkImage             *play_icon;
  GtkLabel             *play_label;
  GtkLabel             *status_label;

  PlVoice              *voice;    /* the window's */
  PlSpeech             *speech;   /* the voice's reading, or NULL */
  PlDocument           *document;
  PlReadAloudPlaceFunc  place_func;
  gpointer              place_data;

  PlCopySaver          *saver;     /* a copy being saved, or NULL */
};

G_DEFINE_FINAL_TYPE (PlReadAloudBar, pl_read_aloud_bar, GTK_TYPE_WIDGET)

static void
set_status (PlReadAloudBar *self,
            const char     *text)
{
  gtk_label_set_label (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

/* With the flow box's child around it: GTK 4.8's flow box gives Tab to
 * its next child even when the button in it cannot be used, and then
 * keeps the focus where it was, so Tab stayed on Read aloud */
static void
set_button_sensitive (GtkWidget *button,
                      gboolean   sensitive)
{
  gtk_widget_set_sensitive (button, sensitive);
  gtk_widget_set_sensitive (gtk_widget_get_parent (button), sensitive);
}

/* When reading stops, the buttons that only work while reading cannot be
 * used: one that had the focus gives it to Read aloud beside it, where the
 * person can start again. GTK would pass it on, out of the bar, to Print. */
static void
keep_focus_in_bar (PlReadAloudBar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *full[] = { self->stop_button, self->previous_button, self->repeat_button,
                        self->next_button };
  GtkWidget *compact[] = { self->compact_stop_button, self->compact_previous_button,
                           self->compact_next_button };

  if (focus == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (full); i++)
    if (focus == full[i] || gtk_widget_is_ancestor (focus, full[i]))
      {
        gtk_widget_grab_focus (self->play_button);
        return;
      }
  for (guint i = 0; i < G_N_ELEMENTS (compact); i++)
    if (focus == compact[i] || gtk_widget_is_ancestor (focus, compact[i]))
      {
        gtk_widget_grab_focus (self->compact_play_button);
        return;
      }
}

static void
update_buttons (PlReadAloudBar *self)
{
  PlSpeechState state = self->speech != NULL ? pl_speech_get_state (self->speech)
                                              : PL_SPEECH_STATE_IDLE;
  gboolean has_document = self->document != NULL && self->voice != NULL;
  gboolean active = state != PL_SPEECH_STATE_IDLE;
  g_autoptr(PlUiWordsScope) words = pl_ui_words_scope_new (GTK_WIDGET (self));
  const char *label;
  const char *name;
  const char *icon;

  switch (state)
    {
    case PL_SPEECH_STATE_SPEAKING:
      label = _("_Pause");
      name = _("Pause");
      icon = "media-playback-pause-symbolic";
      break;
    case PL_SPEECH_STATE_PAUSED:
      label = _("_Carry On");
      name = _("Carry on");
      icon = "media-playback-start-symbolic";
      break;
    case PL_SPEECH_STATE_IDLE:
    default:
      label = _("_Read Aloud");
      name = _("Read aloud");
      icon = "media-playback-start-symbolic";
      break;
    }

  gtk_label_set_label (self->play_label, label);
  gtk_label_set_label (self->compact_play_label, label);
  gtk_image_set_from_icon_name (self->play_icon, icon);
  gtk_image_set_from_icon_name (self->compact_play_icon, icon);
  /* Named by name alone, not "Read Aloud Read aloud Read Aloud" */
  pl_widget_set_name (GTK_WIDGET (self->play_button), name);
  pl_widget_set_name (GTK_WIDGET (self->compact_play_button), name);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "read-aloud.toggle", has_document);
  /* The menu's items stay enabled (they do nothing without a document):
   * see below for why the buttons are kept in step by hand */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "read-aloud.stop", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "read-aloud.previous", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "read-aloud.next", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "read-aloud.repeat", active);

  /* The buttons follow by hand: in GTK 4.8 a button inside a template
   * inside another template misses the change of its action's state */
  set_button_sensitive (self->play_button, has_document);
  if (!active && has_document)
    keep_focus_in_bar (self);
  set_button_sensitive (self->stop_button, active);
  set_button_sensitive (self->previous_button, active);
  set_button_sensitive (self->repeat_button, active);
  set_button_sensitive (self->next_button, active);
  set_button_sensitive (self->compact_play_button, has_document);
  set_button_sensitive (self->compact_stop_button, active);
  set_button_sensitive (self->compact_previous_button, active);
  set_button_sensitive (self->compact_next_button, active);
}

static void
state_changed_cb (PlReadAloudBar *self,
                  guint           state)
{
  g_autoptr(PlUiWordsScope) words = pl_ui_words_scope_new (GTK_WIDGET (self));

  update_buttons (self);

  if (state == PL_SPEECH_STATE_SPEAKING)
    set_status (self, _("Reading aloud."));
  else if (state == PL_SPEECH_STATE_PAUSED)
    set_status (self, _("Paused. Press Carry On to go on from the same word."));
}

static void
finished_cb (PlReadAloudBar *self)
{
  set_status (self, NULL);
  update_buttons (self);
}

static void
error_cb (PlReadAloudBar *self,
          const GError   *error)
{
  /* Never silence without a word: say what is wrong, in plain English */
  set_status (self, error->message);
  update_buttons (self);
}

static void
place (PlReadAloudBar *self,
       guint          *block,
       guint          *character)
{
  *block = 0;
  *character = 0;
  if (self->place_func != NULL)
    self->place_func (self->place_data, block, character);
  if (self->document != NULL && *block >= pl_document_get_n_blocks (self->document))
    *block = 0;
}

void
pl_read_aloud_bar_read_from_here (PlReadAloudBar *self)
{
  guint block, character;

  g_return_if_fail (PL_IS_READ_ALOUD_BAR (self));

  if (self->document == NULL || self->voice == NULL)
    return;
  place (self, &block, &character);
  pl_voice_read (self->voice, self->document, block, character, PL_SPEECH_TO_END);
}

void
pl_read_aloud_bar_read_part (PlReadAloudBar *self)
{
  guint block, character, start, end;

  g_return_if_fail (PL_IS_READ_ALOUD_BAR (self));

  if (self->document == NULL || self->voice == NULL)
    return;
  place (self, &block, &character);
  pl_speech_part_range (self->document, block, &start, &end);
  pl_voice_read (self->voice, self->document, start, 0, end);
}

void
pl_read_aloud_bar_read_all (PlReadAloudBar *self)
{
  g_return_if_fail (PL_IS_READ_ALOUD_BAR (self));

  if (self->document == NULL || self->voice == NULL)
    return;
  pl_voice_read (self->voice, self->document, 0, 0, PL_SPEECH_TO_END);
}

void
pl_read_aloud_bar_toggle_pause (PlReadAloudBar *self)
{
  g_return_if_fail (PL_IS_READ_ALOUD_BAR (self));

  if (self->speech == NULL)
    return;
  switch (pl_speech_get_state (self->speech))
    {
    case PL_SPEECH_STATE_SPEAKING:
      pl_speech_pause (self->speech);
      break;
    case PL_SPEECH_STATE_PAUSED:
      pl_speech_resume (self->speech);
      break;
    case PL_SPEECH_STATE_IDLE:
    default:
      pl_read_aloud_bar_read_from_here (self);
      break;
    }
}

void
pl_read_aloud_bar_stop (PlReadAloudBar *self)
{
  g_return_if_fail (PL_IS_READ_ALOUD_BAR (self));

  if (self->speech != NULL)
    pl_speech_stop (self->speech);
  set_status (self, NULL);
  update_buttons (self);
}

static void
play_clicked_cb (PlReadAloudBar *self)
{
  pl_read_aloud_bar_toggle_pause (self);
}

static void
stop_clicked_cb (PlReadAloudBar *self)
{
  pl_read_aloud_bar_stop (self);
}

static void
previous_clicked_cb (PlReadAloudBar *self)
{
  if (self->speech != NULL)
    pl_speech_previous_sentence (self->speech);
}

static void
repeat_clicked_cb (PlReadAloudBar *self)
{
  if (self->speech != NULL)
    pl_speech_repeat_sentence (self->speech);
}

static void
next_clicked_cb (PlReadAloudBar *self)
{
  if (self->speech != NULL)
    pl_speech_next_sentence (self->speech);
}

/* Save as audio, or as a talking book ------------------------------------ */

static void
saver_done_cb (PlCopySaver    *saver,
               const char     *words,
               PlReadAloudBar *self)
{
  set_status (self, words);
}

static void
saver_destroy_cb (PlCopySaver    *saver,
                  PlReadAloudBar *self)
{
  if (self->saver == saver)
    self->saver = NULL;
}

/* One copy at a time, of the document shown, in this voice */
static void
save_copy (PlReadAloudBar *self,
           PlCopyKind      kind)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  PlEpubOptions *options = NULL;

  if (self->document == NULL || self->speech == NULL || self->saver != NULL)
    return;

  if (kind == PL_COPY_TALKING_BOOK)
    {
      /* In the reader's own text size, colours and voice; whose book it
       * is comes with the document */
      options = pl_epub_options_for_reader (self->voice != NULL ? pl_voice_get_settings (self->voice) : NULL,
                                            NULL, self->document);
      if (self->voice != NULL && pl_voice_get_language (self->voice) != NULL)
        {
          g_free (options->language);
          options->language = g_strdup (pl_voice_get_language (self->voice));
        }
    }
  self->saver = pl_copy_saver_ask (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->document, self->speech, options, kind);
  g_signal_connect_object (self->saver, "done", G_CALLBACK (saver_done_cb), self, 0);
  g_signal_connect_object (self->saver, "destroy", G_CALLBACK (saver_destroy_cb), self, 0);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_copy (PL_READ_ALOUD_BAR (widget), PL_COPY_SOUND);
}

/* An EPUB with the narration in this voice, for a phone or a tablet that
 * highlights each sentence as it is said (NG21 1.2.5) */
static void
save_book_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  save_copy (PL_READ_ALOUD_BAR (widget), PL_COPY_TALKING_BOOK);
}

/* Actions and shortcuts -------------------------------------------------- */

static void
action_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  PlReadAloudBar *self = PL_READ_ALOUD_BAR (widget);

  if (g_str_equal (action_name, "read-aloud.toggle"))
    pl_read_aloud_bar_toggle_pause (self);
  else if (g_str_equal (action_name, "read-aloud.here"))
    pl_read_aloud_bar_read_from_here (self);
  else if (g_str_equal (action_name, "read-aloud.part"))
    pl_read_aloud_bar_read_part (self);
  else if (g_str_equal (action_name, "read-aloud.all"))
    pl_read_aloud_bar_read_all (self);
  else if (g_str_equal (action_name, "read-aloud.stop"))
    pl_read_aloud_bar_stop (self);
  else if (self->speech == NULL)
    return;
  else if (g_str_equal (action_name, "read-aloud.previous"))
    pl_speech_previous_sentence (self->speech);
  else if (g_str_equal (action_name, "read-aloud.next"))
    pl_speech_next_sentence (self->speech);
  else if (g_str_equal (action_name, "read-aloud.repeat"))
    pl_speech_repeat_sentence (self->speech);
}

static gboolean
shortcut_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  PlReadAloudBar *self = user_data;
  const char *action = g_variant_get_string (args, NULL);

  /* Escape stops reading first; when nothing is being read it goes back */
  if (g_str_equal (action, "read-aloud.stop-or-back"))
    {
      if (self->speech == NULL || pl_speech_get_state (self->speech) == PL_SPEECH_STATE_IDLE)
        return FALSE;
      pl_read_aloud_bar_stop (self);
      return TRUE;
    }

  return gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
}

void
pl_read_aloud_bar_add_shortcuts (PlReadAloudBar *self,
                                 GtkWidget      *widget)
{
  static const struct {
    guint            key;
    GdkModifierType  mods;
    const char      *action;
  } keys[] = {
    { GDK_KEY_r, GDK_CONTROL_MASK, "read-aloud.here" },
    { GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "read-aloud.part" },
    { GDK_KEY_k, GDK_CONTROL_MASK, "read-aloud.toggle" },
    { GDK_KEY_period, GDK_CONTROL_MASK, "read-aloud.stop" },
    { GDK_KEY_Escape, 0, "read-aloud.stop-or-back" },
    { GDK_KEY_Up, GDK_ALT_MASK, "read-aloud.previous" },
    { GDK_KEY_Down, GDK_ALT_MASK, "read-aloud.next" },
    { GDK_KEY_space, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "read-aloud.repeat" },
    /* The keys on keyboards made for people who find small keys hard */
    { GDK_KEY_AudioPlay, 0, "read-aloud.toggle" },
    { GDK_KEY_AudioPause, 0, "read-aloud.toggle" },
    { GDK_KEY_AudioStop, 0, "read-aloud.stop" },
    { GDK_KEY_AudioPrev, 0, "read-aloud.previous" },
    { GDK_KEY_AudioNext, 0, "read-aloud.next" },
  };
  GtkEventController *controller;

  g_return_if_fail (PL_IS_READ_ALOUD_BAR (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  controller = gtk_shortcut_controller_new ();
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                                                gtk_callback_action_new (shortcut_cb, self, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (keys[i].action));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (widget, controller);
}

/* The bar ---------------------------------------------------------------- */

void
pl_read_aloud_bar_set_document (PlReadAloudBar *self,
                                PlDocument     *document)
{
  g_return_if_fail (PL_IS_READ_ALOUD_BAR (self));

  if (self->speech != NULL)
    pl_speech_stop (self->speech);
  set_status (self, NULL);
  g_set_object (&self->document, document);
  update_buttons (self);
}

PlDocument *
pl_read_aloud_bar_get_document (PlReadAloudBar *self)
{
  g_return_val_if_fail (PL_IS_READ_ALOUD_BAR (self), NULL);

  return self->document;
}

void
pl_read_aloud_bar_set_voice (PlReadAloudBar *self,
                             PlVoice        *voice)
{
  g_return_if_fail (PL_IS_READ_ALOUD_BAR (self));
  g_return_if_fail (voice == NULL || PL_IS_VOICE (voice));

  if (self->voice == voice)
    return;

  if (self->speech != NULL)
    g_signal_handlers_disconnect_by_data (self->speech, self);
  g_set_object (&self->voice, voice);
  self->speech = voice != NULL ? pl_voice_get_reading (voice) : NULL;
  if (self->speech != NULL)
    {
      g_signal_connect_object (self->speech, "state-changed", G_CALLBACK (state_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->speech, "finished", G_CALLBACK (finished_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->speech, "error", G_CALLBACK (error_cb),
                               self, G_CONNECT_SWAPPED);
    }
  set_status (self, NULL);
  update_buttons (self);
}

PlVoice *
pl_read_aloud_bar_get_voice (PlReadAloudBar *self)
{
  g_return_val_if_fail (PL_IS_READ_ALOUD_BAR (self), NULL);

  return self->voice;
}

void
pl_read_aloud_bar_set_place_func (PlReadAloudBar       *self,
                                  PlReadAloudPlaceFunc  func,
                                  gpointer              user_data)
{
  g_return_if_fail (PL_IS_READ_ALOUD_BAR (self));

  self->place_func = func;
  self->place_data = user_data;
}

PlSpeech *
pl_read_aloud_bar_get_speech (PlReadAloudBar *self)
{
  g_return_val_if_fail (PL_IS_READ_ALOUD_BAR (self), NULL);

  return self->speech;
}

const char *
pl_read_aloud_bar_get_status (PlReadAloudBar *self)
{
  g_return_val_if_fail (PL_IS_READ_ALOUD_BAR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->status_label)))
    return NULL;
  return gtk_label_get_label (self->status_label);
}

/* Buttons whose words sit beside an icon: their name is the words, without
 * the underline marker GTK 4.8 would otherwise keep */
static void
name_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (child)))
        {
          for (GtkWidget *inner = gtk_widget_get_first_child (child);
               inner != NULL;
               inner = gtk_widget_get_next_sibling (inner))
            for (GtkWidget *part = gtk_widget_get_first_child (inner);
                 part != NULL;
                 part = gtk_widget_get_next_sibling (part))
              if (GTK_IS_LABEL (part) && gtk_label_get_mnemonic_widget (GTK_LABEL (part)) != child)
                pl_widget_set_name (child, gtk_label_get_text (GTK_LABEL (part)));
        }
      name_buttons (child);
    }
}

/* Compact or full ----------------------------------------------------- */

/* The bar's own padding above and below its buttons (pl-reader-style.css) */
#define BAR_PADDING 16
/* The most of the window's height the bar may take before it goes compact */
#define BAR_SHARE 8

static void set_compact (PlReadAloudBar *self,
                         gboolean        compact);

static gboolean
set_compact_idle_cb (gpointer user_data)
{
  PlReadAloudBar *self = user_data;

  self->compact_idle = 0;
  set_compact (self, self->compact);
  return G_SOURCE_REMOVE;
}

/* The buttons wrap: the bar's height depends on its width */
static GtkSizeRequestMode
pl_read_aloud_bar_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pl_read_aloud_bar_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  PlReadAloudBar *self = PL_READ_ALOUD_BAR (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

/* At large print in a short window the full bar wraps onto two or three
 * rows and leaves little room to read: then only the main controls stay,
 * as large as ever, and the rest move into the menu. The choice depends
 * only on the full bar's height at this width and on the window's height,
 * never on the mode shown, so it cannot swing back and forth. */
static void
pl_read_aloud_bar_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  PlReadAloudBar *self = PL_READ_ALOUD_BAR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  int full_height = 0;
  gboolean compact;

  gtk_widget_allocate (self->box, width, height, baseline, NULL);

  if (root == NULL || gtk_widget_get_height (GTK_WIDGET (root)) <= 0)
    return;
  /* Measured even while the compact row is shown: the stack hides its
   * other page from drawing, not from measuring */
  gtk_widget_measure (self->buttons, GTK_ORIENTATION_VERTICAL, width,
                      NULL, &full_height, NULL, NULL);
  compact = full_height + BAR_PADDING > gtk_widget_get_height (GTK_WIDGET (root)) / BAR_SHARE;
  if (compact == pl_read_aloud_bar_get_compact (self) || self->compact_idle != 0)
    return;

  /* Not while the window is being laid out */
  self->compact = compact;
  self->compact_idle = g_idle_add (set_compact_idle_cb, self);
}

gboolean
pl_read_aloud_bar_get_compact (PlReadAloudBar *self)
{
  g_return_val_if_fail (PL_IS_READ_ALOUD_BAR (self), FALSE);

  return gtk_stack_get_visible_child (self->modes) == self->compact_buttons;
}

static void
set_compact (PlReadAloudBar *self,
             gboolean        compact)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *page = compact ? self->compact_buttons : self->buttons;

  if (gtk_stack_get_visible_child (self->modes) == page)
    return;

  /* A control that goes keeps the focus in the bar, on Read aloud */
  gtk_stack_set_visible_child (self->modes, page);
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->modes))
      && !gtk_widget_is_ancestor (focus, page))
    gtk_widget_grab_focus (compact ? self->compact_play_button : self->play_button);
}

static void
pl_read_aloud_bar_dispose (GObject *object)
{
  PlReadAloudBar *self = PL_READ_ALOUD_BAR (object);

  g_clear_handle_id (&self->compact_idle, g_source_remove);

  /* A copy being saved goes on to the end: its window is its own */
  if (self->saver != NULL)
    g_signal_handlers_disconnect_by_data (self->saver, self);
  self->saver = NULL;
  /* The voice is the window's: this bar's reading stops with the bar */
  if (self->speech != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->speech, self);
      if (self->document != NULL && pl_speech_get_document (self->speech) == self->document)
        pl_speech_stop (self->speech);
      self->speech = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_READ_ALOUD_BAR);
  g_clear_object (&self->voice);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (pl_read_aloud_bar_parent_class)->dispose (object);
}

static void
pl_read_aloud_bar_class_init (PlReadAloudBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const actions[] = {
    "read-aloud.toggle", "read-aloud.here", "read-aloud.part", "read-aloud.all",
    "read-aloud.stop", "read-aloud.previous", "read-aloud.next", "read-aloud.repeat",
  };

  object_class->dispose = pl_read_aloud_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               PL_RESOURCE_BASE "/ui/pl-read-aloud-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, PlReadAloudBar, box);
  gtk_widget_class_bind_template_child (widget_class, PlReadAloudBar, modes);
  gtk_widget_class_bind_template_child (widget_class, PlReadAloudBar, buttons);
  gtk_widget_class_bind_template_child (widget_class, PlReadAloudBar, compact_buttons);
  gtk_widget_class_bind_template_child (widget_class, PlReadAloudBar, compact_play_button);
  gtk_widget_class_bind_template_child (widget_class, PlReadAloudBar, compact_stop_button);
  gtk_widget_class_bind_template_child (widget_class, PlReadAloudBar, compact_previous_button);
  gtk_widget_class_bind_template_child (widget_class, PlReadAloudBar, compact_next_button);
  gtk_widget_class_bind_template_child (widget_class, PlReadAloudBar, compact_play_icon);
  gtk_widget_class_bind_template_child (widget_class, PlReadAloudBar, compact_play_label);
  gtk_widget_class_bind_template_child (widget_class, PlReadAloudBar, play_button);
  gtk_widget_class_bind_template_child (widget_class, PlReadAloudBar, stop_button);
  gtk_widget_class_bind_template_child (widget_class, PlReadAloudBar, previous_button);
  gtk_widget_class_bind_template_child (widget_class, PlReadAloudBar, repeat_button);
  gtk_widget_class_bind_template_child (widget_class, PlReadAloudBar, next_button);
  gtk_widget_class_bind_template_callback (widget_class, play_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, repeat_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, PlReadAloudBar, play_icon);
  gtk_widget_class_bind_template_child (widget_class, PlReadAloudBar, more_button);
  gtk_widget_class_bind_template_child (widget_class, PlReadAloudBar, compact_more_button);
  gtk_widget_class_bind_template_child (widget_class, PlReadAloudBar, more_menu);
  gtk_widget_class_bind_template_child (widget_class, PlReadAloudBar, compact_more_menu);
  gtk_widget_class_bind_template_child (widget_class, PlReadAloudBar, play_label);
  gtk_widget_class_bind_template_child (widget_class, PlReadAloudBar, status_label);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "read-aloud.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "read-aloud.save-book", NULL, save_book_action_cb);

  widget_class->get_request_mode = pl_read_aloud_bar_get_request_mode;
  widget_class->measure = pl_read_aloud_bar_measure;
  widget_class->size_allocate = pl_read_aloud_bar_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "readaloudbar");
}

static void
pl_read_aloud_bar_init (PlReadAloudBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pl_widget_set_menu_when_opened (self->more_button, self->more_menu, _("More"));
  pl_widget_set_menu_when_opened (self->compact_more_button, self->compact_more_menu, _("More"));
  pl_widget_unname_stack_pages (GTK_WIDGET (self));

  /* Tab goes from button to button, not to the flow box's own children */
  for (GtkWidget *child = gtk_widget_get_first_child (self->buttons);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  for (GtkWidget *child = gtk_widget_get_first_child (self->compact_buttons);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  /* The compact buttons have their full names in the template */
  name_buttons (self->buttons);

  /* Nothing to read with until the window gives its voice */
  update_buttons (self);
}

GtkWidget *
pl_read_aloud_bar_new (void)
{
  return g_object_new (PL_TYPE_READ_ALOUD_BAR, NULL);
}
