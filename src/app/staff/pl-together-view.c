/* pl-together-view.c: the person's own view of their plan as it is written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NG86 1.1.4 and 1.1.9: the person is part of writing their plan. Beside
 * the coordinator's form they see and hear each word as it is typed, the
 * way they will read it at home: their text size, theme, font and spacing
 * (scoped to this widget, so the staff form keeps its own look) and their
 * voice.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-document.h"
#include "pl-pictures-dialog.h"
#include "pl-reader-style.h"
#include "pl-symbol-choice.h"
#include "pl-spoken-highlight.h"
#include "pl-together-view-private.h"
#include "pl-voice.h"

/* Room above the part being edited, as the reader leaves for a link */
#define SCROLL_GAP 12.0
/* Frames to wait for the new document's layout before giving up a scroll */
#define SCROLL_MAX_FRAMES 30

struct _PlTogetherView
{
  GtkWidget       parent_instance;

  /* template */
  GtkWidget      *box;
  GtkWidget      *toolbar;
  GtkWidget      *read_back_button;
  GtkWidget      *stop_button;
  GtkWidget      *window_button;
  GtkWidget      *whole_button;
  GtkLabel       *status_label;
  GtkWidget      *page_box;

  PlReader       *reader;
  PlStore        *store;          /* borrowed */
  gint64          person_id;
  PlSettings     *settings;
  PlLexicon      *lexicon;        /* how the person's words are said */
  GtkCssProvider *css;
  char           *css_class;
  char           *anchor;
  char           *status;
  PlDocument     *full;           /* the whole plan as last typed */
  gboolean        whole_plan;     /* show all of it, not only the part */
  PlVoice        *voice;          /* shared with the mirror */
  PlSpeech       *speech;         /* the voice's reading */
  PlSpokenHighlight *highlight;

  /* Where to scroll once the new document is laid out */
  guint           scroll_tick_id;
  guint           scroll_frames;
  char           *scroll_anchor;  /* NULL: back to scroll_value */
  double          scroll_value;

  gboolean        is_mirror;      /* the copy in its own window */
  PlTogetherView *mirror;         /* weak */
  GtkWindow      *window;         /* weak: the mirror's window */
};

G_DEFINE_FINAL_TYPE (PlTogetherView, pl_together_view, GTK_TYPE_WIDGET)

static void
set_status (PlTogetherView *self,
            const char     *status)
{
  g_free (self->status);
  self->status = g_strdup (status);
  gtk_label_set_text (self->status_label, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
}

static void
apply_style (PlTogetherView *self)
{
  g_autoptr(PlSettings) defaults = NULL;
  const PlSettings *settings = self->settings;
  g_autofree char *css = NULL;

  if (settings == NULL)
    settings = defaults = pl_settings_new_default (0);

  css = pl_reader_style_css (settings, self->css_class);
  gtk_css_provider_load_from_data (self->css, css, -1);
  pl_reader_style_set_classes (self->page_box, settings);
  pl_reader_set_settings (self->reader, settings);
  pl_voice_set_settings (self->voice, settings, NULL);
  pl_voice_set_lexicon (self->voice, self->lexicon);
  pl_spoken_highlight_set_theme (self->highlight, settings->theme);
}

/* Scrolling ------------------------------------------------------------ */

/* Scrolls the view by its adjustment, never by focus: the coordinator's
 * cursor stays in the form while the person's view follows */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  PlTogetherView *self = PL_TOGETHER_VIEW (widget);
  PlDocumentView *view = pl_reader_get_document_view (self->reader);
  GtkAdjustment *adjustment = pl_document_view_get_vadjustment (view);
  double target = self->scroll_value;
  double upper;

  self->scroll_frames++;

  if (self->scroll_anchor != NULL)
    {
      GtkWidget *block = pl_document_view_get_anchor_widget (view, self->scroll_anchor);
      graphene_point_t point;

      if (block == NULL || gtk_widget_get_height (block) == 0 ||
          !gtk_widget_compute_point (block, GTK_WIDGET (view), &GRAPHENE_POINT_INIT (0, 0), &point))
        goto again;
      target = point.y + gtk_adjustment_get_value (adjustment) - SCROLL_GAP;
    }

  upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  /* The page is not laid out yet if it cannot reach the old place */
  if (target > upper && self->scroll_frames < SCROLL_MAX_FRAMES)
    goto again;

  gtk_adjustment_set_value (adjustment, CLAMP (target, 0, MAX (upper, 0)));
  g_clear_pointer (&self->scroll_anchor, g_free);
  self->scroll_tick_id = 0;
  return G_SOURCE_REMOVE;

again:
  if (self->scroll_frames < SCROLL_MAX_FRAMES)
    return G_SOURCE_CONTINUE;
  g_clear_pointer (&self->scroll_anchor, g_free);
  self->scroll_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
scroll_later (PlTogetherView *self,
              const char     *anchor,
              double          value)
{
  g_free (self->scroll_anchor);
  self->scroll_anchor = g_strdup (anchor);
  self->scroll_value = value;
  self->scroll_frames = 0;
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb,
                                                         NULL, NULL);
}

static gboolean
is_part_heading (const PlBlock *block)
{
  return block->kind == PL_BLOCK_HEADING && block->level <= 2;
}

/* The title and the part (level 2 heading to the next) holding anchor.
 * Laying out a whole plan at the person's size takes far longer than a
 * keystroke, and the part being written is what they are asked about. */
static PlDocument *
part_document (PlDocument *full,
               const char *anchor)
{
  g_autoptr(PlDocument) part = NULL;
  guint n = pl_document_get_n_blocks (full);
  int found = anchor != NULL ? pl_document_find_anchor (full, anchor) : -1;
  guint start, end;

  if (found < 0)
    return g_object_ref (full);

  start = (guint) found;
  while (start > 0 && !is_part_heading (pl_document_get_block (full, start)))
    start--;
  if (pl_document_get_block (full, start)->level < 2)
    return g_object_ref (full);
  for (end = start + 1; end < n && !is_part_heading (pl_document_get_block (full, end)); end++)
    ;

  part = pl_document_new (pl_document_get_title (full));
  if (n > 0 && pl_document_get_block (full, 0)->level == 1 &&
      pl_document_get_block (full, 0)->kind == PL_BLOCK_HEADING)
    {
      const PlBlock *title = pl_document_get_block (full, 0);

      pl_document_add (part, title->kind, title->level, title->anchor, NULL, title->text);
    }
  for (guint i = start; i < end; i++)
    {
      const PlBlock *block = pl_document_get_block (full, i);

      if (block->kind == PL_BLOCK_LINK)
        pl_document_add_link (part, block->text, block->target);
      else
        pl_document_add (part, block->kind, block->level, block->anchor, block->label, block->text);
    }
  return g_steal_pointer (&part);
}

static void show_document (PlTogetherView *self,
                           PlDocument     *document,
                           const char     *anchor);

/* What the view shows of self->full: the part at the anchor, or all */
static void
show_full (PlTogetherView *self,
           const char     *anchor)
{
  g_autoptr(PlDocument) shown = NULL;

  if (self->full == NULL)
    return;
  if (self->whole_plan)
    shown = g_object_ref (self->full);
  else
    shown = part_document (self->full, anchor != NULL ? anchor : self->anchor);
  show_document (self, shown, anchor);
}

/* Shows document, at anchor when it is a new place, else where it was */
static void
show_document (PlTogetherView *self,
               PlDocument     *document,
               const char     *anchor)
{
  PlDocumentView *view = pl_reader_get_document_view (self->reader);
  GtkAdjustment *adjustment = pl_document_view_get_vadjustment (view);
  double value = gtk_adjustment_get_value (adjustment);
  gboolean new_place = anchor != NULL && g_strcmp0 (anchor, self->anchor) != 0;
  const char *scroll_to = NULL;

  if (new_place)
    {
      g_free (self->anchor);
      self->anchor = g_strdup (anchor);
    }
  /* The first document, or a new part: go to the part being edited */
  if (new_place || pl_reader_get_document (self->reader) == NULL)
    scroll_to = self->anchor;

  pl_reader_set_document (self->reader, document);
  if (scroll_to != NULL && pl_document_find_anchor (document, scroll_to) >= 0)
    scroll_later (self, scroll_to, 0);
  else if (scroll_to == NULL && self->scroll_anchor == NULL)
    scroll_later (self, NULL, value);

  if (self->mirror != NULL)
    show_document (self->mirror, document, anchor);
}

/* Reading it back ------------------------------------------------------ */

static void
update_speech_buttons (PlTogetherView *self)
{
  gboolean speaking = pl_speech_get_state (self->speech) != PL_SPEECH_STATE_IDLE;

  gtk_widget_set_sensitive (self->stop_button, speaking);
}

static void
speech_state_cb (PlSpeech       *speech,
                 guint           state,
                 PlTogetherView *self)
{
  update_speech_buttons (self);
}

static void
speech_finished_cb (PlSpeech       *speech,
                    PlTogetherView *self)
{
  set_status (self, NULL);
  update_speech_buttons (self);
}

static void
speech_error_cb (PlSpeech       *speech,
                 GError         *error,
                 PlTogetherView *self)
{
  /* No speaker is said plainly; the view and the form carry on */
  set_status (self, error->message);
  update_speech_buttons (self);
}

/* The view and its mirror share one voice, so they never read at once;
 * each highlights the reading in its own copy of the page (typing makes a
 * new document, and the highlight lets go of the old one) */
static void
set_voice (PlTogetherView *self,
           PlVoice        *voice)
{
  if (self->speech != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->speech, self);
      self->speech = NULL;
    }
  g_clear_object (&self->highlight);
  g_set_object (&self->voice, voice);
  if (voice == NULL)
    return;

  self->speech = pl_voice_get_reading (voice);
  g_signal_connect (self->speech, "state-changed", G_CALLBACK (speech_state_cb), self);
  g_signal_connect (self->speech, "finished", G_CALLBACK (speech_finished_cb), self);
  g_signal_connect (self->speech, "error", G_CALLBACK (speech_error_cb), self);
  self->highlight = pl_spoken_highlight_new (self->speech,
                                             pl_reader_get_document_view (self->reader));
  apply_style (self);
}

void
pl_together_view_read_back (PlTogetherView *self)
{
  PlDocument *document;
  guint start = 0;
  guint end = PL_SPEECH_TO_END;
  int block = -1;

  g_return_if_fail (PL_IS_TOGETHER_VIEW (self));

  document = pl_reader_get_document (self->reader);
  if (document == NULL || pl_document_get_n_blocks (document) == 0)
    {
      set_status (self, _("There is nothing to read back yet."));
      return;
    }

  if (self->anchor != NULL)
    block = pl_document_find_anchor (document, self->anchor);
  /* The part just written; with no part chosen, the whole plan */
  if (block >= 0)
    pl_speech_part_range (document, (guint) block, &start, &end);

  set_status (self, _("Reading it back. Press Stop to stop."));
  pl_voice_read (self->voice, document, start, 0, end);
  update_speech_buttons (self);
}

PlVoice *
pl_together_view_get_voice (PlTogetherView *self)
{
  g_return_val_if_fail (PL_IS_TOGETHER_VIEW (self), NULL);

  return self->voice;
}

void
pl_together_view_stop (PlTogetherView *self)
{
  g_return_if_fail (PL_IS_TOGETHER_VIEW (self));

  pl_voice_stop (self->voice);
  set_status (self, NULL);
  update_speech_buttons (self);
}

static void
read_back_clicked_cb (PlTogetherView *self)
{
  pl_together_view_read_back (self);
}

static void
stop_clicked_cb (PlTogetherView *self)
{
  pl_together_view_stop (self);
}

/* Its own window --------------------------------------------------------- */

static void
mirror_window_destroyed_cb (PlTogetherView *self)
{
  self->window = NULL;
  self->mirror = NULL;
}

/* A monitor other than the one showing the form, or NULL */
static GdkMonitor *
other_monitor (PlTogetherView *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GListModel *monitors = gdk_display_get_monitors (display);
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GdkMonitor *here = NULL;
  guint n = g_list_model_get_n_items (monitors);

  if (n < 2)
    return NULL;
  if (native != NULL && gtk_native_get_surface (native) != NULL)
    here = gdk_display_get_monitor_at_surface (display, gtk_native_get_surface (native));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (monitor != here)
        return monitor;  /* the display keeps it alive */
    }
  return NULL;
}

GtkWindow *
pl_together_view_open_window (PlTogetherView *self)
{
  GtkWidget *window;
  PlTogetherView *mirror;
  GtkEventController *shortcuts;
  GdkMonitor *monitor;
  GtkRoot *root;
  PlDocument *document;

  g_return_val_if_fail (PL_IS_TOGETHER_VIEW (self), NULL);

  if (self->window != NULL)
    {
      gtk_window_present (self->window);
      return self->window;
    }

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Your plan as it is written"));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);

  mirror = PL_TOGETHER_VIEW (pl_together_view_new ());
  mirror->is_mirror = TRUE;
  set_voice (mirror, self->voice);
  gtk_button_set_label (GTK_BUTTON (mirror->window_button), _("_Close this window"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (mirror->window_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Close this window"),
                                  -1);
  gtk_widget_set_tooltip_text (mirror->window_button, NULL);
  /* It shows what the form beside it shows */
  gtk_widget_set_visible (mirror->whole_button, FALSE);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (mirror));

  /* Fullscreen has no title bar: Escape closes it, as the button does */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape"),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  if (self->store != NULL)
    pl_together_view_set_person (mirror, self->store, self->person_id);
  document = pl_reader_get_document (self->reader);
  if (document != NULL)
    show_document (mirror, document, self->anchor);

  self->mirror = mirror;
  self->window = GTK_WINDOW (window);
  g_signal_connect_object (window, "destroy", G_CALLBACK (mirror_window_destroyed_cb),
                           self, G_CONNECT_SWAPPED);

  monitor = other_monitor (self);
  if (monitor != NULL)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (window), monitor);
  gtk_window_present (GTK_WINDOW (window));
  return self->window;
}

/* The pictures easy read shows for the person, in the person's choices */
static void
take_symbol_choices (PlTogetherView *self,
                     PlDocument     *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) choices = NULL;

  if (self->store == NULL || self->person_id == 0)
    return;
  choices = pl_symbol_choice_list_for_person (self->store, self->person_id, &error);
  if (choices == NULL)
    g_warning ("Cannot read the chosen easy read pictures: %s", error->message);
  pl_document_set_symbol_choices (document, choices);
}

static void
pictures_changed_cb (PlTogetherView *self)
{
  g_autofree char *anchor = g_strdup (self->anchor);

  if (self->full == NULL)
    return;
  take_symbol_choices (self, self->full);
  g_clear_pointer (&self->anchor, g_free);
  show_full (self, anchor);
}

/* Changed with the person, shown beside the form the moment it is kept */
void
pl_together_view_open_pictures (PlTogetherView *self)
{
  PlPicturesDialog *dialog;

  g_return_if_fail (PL_IS_TOGETHER_VIEW (self));

  if (self->store == NULL || self->person_id == 0)
    return;
  dialog = pl_pictures_dialog_new (self->store, self->person_id);
  g_signal_connect_object (dialog, "changed", G_CALLBACK (pictures_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
pictures_clicked_cb (PlTogetherView *self)
{
  pl_together_view_open_pictures (self);
}

static void
window_clicked_cb (PlTogetherView *self)
{
  if (self->is_mirror)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (GTK_IS_WINDOW (root))
        gtk_window_close (GTK_WINDOW (root));
      return;
    }
  pl_together_view_open_window (self);
}

/* Public ---------------------------------------------------------------- */

void
pl_together_view_set_person (PlTogetherView *self,
                             PlStore        *store,
                             gint64          person_id)
{
  g_autoptr(GError) error = NULL;
  PlSettings *settings = NULL;

  g_return_if_fail (PL_IS_TOGETHER_VIEW (self));

  self->store = store;
  self->person_id = person_id;
  if (store != NULL && person_id != 0)
    {
      settings = pl_store_get_settings (store, person_id, &error);
      if (settings == NULL)
        {
          g_clear_error (&error);
          settings = pl_store_settings_for_needs (store, person_id, &error);
        }
      if (settings == NULL)
        g_warning ("Could not read the person's display settings: %s", error->message);
    }

  g_clear_pointer (&self->settings, pl_settings_free);
  self->settings = settings;
  /* The person's name and medicines said as their list says */
  g_clear_pointer (&self->lexicon, pl_lexicon_unref);
  if (store != NULL && person_id != 0)
    {
      g_clear_error (&error);
      self->lexicon = pl_lexicon_new_for_person (store, person_id, &error);
      if (self->lexicon == NULL)
        g_warning ("Could not read the pronunciation list: %s", error->message);
    }
  apply_style (self);

  if (self->mirror != NULL)
    pl_together_view_set_person (self->mirror, store, person_id);
}

void
pl_together_view_set_content (PlTogetherView      *self,
                              const PlPlanContent *content,
                              const char          *anchor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;

  g_return_if_fail (PL_IS_TOGETHER_VIEW (self));
  g_return_if_fail (content != NULL);

  if (self->store == NULL)
    {
      g_critical ("pl_together_view_set_content: set the person first");
      return;
    }

  document = pl_document_build_plan_content (self->store, content, &error);
  if (document == NULL)
    {
      set_status (self, error->message);
      return;
    }
  take_symbol_choices (self, document);
  /* A problem shown before may be gone now */
  if (pl_speech_get_state (self->speech) == PL_SPEECH_STATE_IDLE)
    set_status (self, NULL);
  g_set_object (&self->full, document);
  show_full (self, anchor);
}

void
pl_together_view_set_whole_plan (PlTogetherView *self,
                                 gboolean        whole_plan)
{
  g_return_if_fail (PL_IS_TOGETHER_VIEW (self));

  whole_plan = !!whole_plan;
  if (self->whole_plan == whole_plan)
    return;
  self->whole_plan = whole_plan;
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->whole_button)) != whole_plan)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->whole_button), whole_plan);
  /* Back at the part being written, in either view */
  if (self->full != NULL)
    {
      g_autofree char *anchor = g_strdup (self->anchor);

      g_clear_pointer (&self->anchor, g_free);
      show_full (self, anchor);
    }
}

gboolean
pl_together_view_get_whole_plan (PlTogetherView *self)
{
  g_return_val_if_fail (PL_IS_TOGETHER_VIEW (self), FALSE);
  return self->whole_plan;
}

static void
whole_toggled_cb (PlTogetherView *self)
{
  pl_together_view_set_whole_plan (self,
                                   gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->whole_button)));
}

PlReader *
pl_together_view_get_reader (PlTogetherView *self)
{
  g_return_val_if_fail (PL_IS_TOGETHER_VIEW (self), NULL);
  return self->reader;
}

PlSpeech *
pl_together_view_get_speech (PlTogetherView *self)
{
  g_return_val_if_fail (PL_IS_TOGETHER_VIEW (self), NULL);
  return self->speech;
}

const char *
pl_together_view_get_status (PlTogetherView *self)
{
  g_return_val_if_fail (PL_IS_TOGETHER_VIEW (self), NULL);
  return self->status;
}

GtkWindow *
pl_together_view_get_window (PlTogetherView *self)
{
  g_return_val_if_fail (PL_IS_TOGETHER_VIEW (self), NULL);
  return self->window;
}

GtkWidget *
pl_together_view_new (void)
{
  return g_object_new (PL_TYPE_TOGETHER_VIEW, NULL);
}

/* GObject --------------------------------------------------------------- */

static void
pl_together_view_dispose (GObject *object)
{
  PlTogetherView *self = PL_TOGETHER_VIEW (object);

  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }
  /* The mirror only borrows the voice: the view that owns it stops it */
  if (self->voice != NULL && !self->is_mirror)
    pl_voice_stop (self->voice);
  set_voice (self, NULL);
  g_clear_object (&self->full);
  if (self->window != NULL)
    gtk_window_destroy (self->window);
  if (self->css != NULL)
    {
      gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                     GTK_STYLE_PROVIDER (self->css));
      g_clear_object (&self->css);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_TOGETHER_VIEW);

  G_OBJECT_CLASS (pl_together_view_parent_class)->dispose (object);
}

static void
pl_together_view_finalize (GObject *object)
{
  PlTogetherView *self = PL_TOGETHER_VIEW (object);

  g_clear_pointer (&self->settings, pl_settings_free);
  g_clear_pointer (&self->lexicon, pl_lexicon_unref);
  g_free (self->css_class);
  g_free (self->anchor);
  g_free (self->status);
  g_free (self->scroll_anchor);

  G_OBJECT_CLASS (pl_together_view_parent_class)->finalize (object);
}

static void
pl_together_view_class_init (PlTogetherViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_together_view_dispose;
  object_class->finalize = pl_together_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/plainly/Plainly/ui/pl-together-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PlTogetherView, box);
  gtk_widget_class_bind_template_child (widget_class, PlTogetherView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, PlTogetherView, read_back_button);
  gtk_widget_class_bind_template_child (widget_class, PlTogetherView, stop_button);
  gtk_widget_class_bind_template_child (widget_class, PlTogetherView, window_button);
  gtk_widget_class_bind_template_child (widget_class, PlTogetherView, whole_button);
  gtk_widget_class_bind_template_child (widget_class, PlTogetherView, status_label);
  gtk_widget_class_bind_template_child (widget_class, PlTogetherView, page_box);
  gtk_widget_class_bind_template_callback (widget_class, read_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, window_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, pictures_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, whole_toggled_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pl-together-view");
}

static void
pl_together_view_init (PlTogetherView *self)
{
  static guint n_views;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->reader = PL_READER (pl_reader_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->reader), TRUE);
  gtk_box_append (GTK_BOX (self->page_box), GTK_WIDGET (self->reader));

  /* The person's look under this widget only, above style.css as the
   * main window's reader has it */
  self->css_class = g_strdup_printf ("pl-together-%u", ++n_views);
  gtk_widget_add_css_class (self->page_box, "pl-reader");
  gtk_widget_add_css_class (self->page_box, self->css_class);
  self->css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  {
    g_autoptr(PlVoice) voice = pl_voice_new ();

    /* Applies the style too */
    set_voice (self, voice);
  }
}
