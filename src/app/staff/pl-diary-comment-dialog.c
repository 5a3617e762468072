/* pl-diary-comment-dialog.c: the person or a carer comments on a diary entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NG21 1.3.22-1.3.24: the diary is the person's too, so they and their
 * carers can add their own words to any visit. One question, one box, two
 * large buttons, in the reading size and colours of the window it belongs
 * to; the buttons sit one above the other so nothing needs to scroll
 * sideways even at 48 pt.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-diary.h"
#include "pl-diary-comment-dialog-private.h"
#include "pl-reader-style.h"
#include "pl-document.h"

/* The class pl-window.c gives every part the person reads, and the prefix
 * of the class that scopes the person's own style to one window */
#define READER_CLASS "pl-reader"
#define READER_CLASS_PREFIX "pl-reader-"

struct _PlDiaryCommentDialog
{
  AdwWindow    parent_instance;

  GtkLabel    *about_label;
  GtkTextView *text_view;
  GtkLabel    *signed_label;
  GtkLabel    *message;
  GtkWidget   *send_button;

  PlStore     *store;        /* borrowed */
  gint64       entry_id;
  gint64       carer_id;
  char        *author;
  char        *reader_class; /* copied from the parent window, or NULL */
};

G_DEFINE_FINAL_TYPE (PlDiaryCommentDialog, pl_diary_comment_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (PlDiaryCommentDialog *self,
              const char           *text)
{
  gtk_label_set_label (self->message, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL);
  /* Heard at once where the typing is, not only when looked for */
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* The first class under root that scopes a person's reading style, and
 * the widget that has it */
static char *
find_reader_class (GtkWidget  *root,
                   GtkWidget **scoped)
{
  g_autoptr(GQueue) queue = g_queue_new ();

  g_queue_push_tail (queue, root);
  while (!g_queue_is_empty (queue))
    {
      GtkWidget *widget = g_queue_pop_head (queue);
      g_auto(GStrv) classes = gtk_widget_get_css_classes (widget);

      for (guint i = 0; classes != NULL && classes[i] != NULL; i++)
        if (g_str_has_prefix (classes[i], READER_CLASS_PREFIX))
          {
            *scoped = widget;
            return g_strdup (classes[i]);
          }

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (queue, child);
    }
  return NULL;
}

/* The person reads the dialog as they read the window it came from */
static void
inherit_reader_style (PlDiaryCommentDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *found = NULL;
  GtkWidget *scoped = NULL;

  if (parent != NULL)
    found = find_reader_class (GTK_WIDGET (parent), &scoped);

  /* The theme's colours and the print size come with classes of their own */
  {
    g_auto(GStrv) mine = gtk_widget_get_css_classes (GTK_WIDGET (self));

    for (guint i = 0; mine[i] != NULL; i++)
      if (g_str_has_prefix (mine[i], PL_THEME_CLASS_PREFIX)
          || g_str_equal (mine[i], PL_LARGE_PRINT_CLASS))
        gtk_widget_remove_css_class (GTK_WIDGET (self), mine[i]);
  }
  if (scoped != NULL)
    {
      g_auto(GStrv) classes = gtk_widget_get_css_classes (scoped);

      for (guint i = 0; classes[i] != NULL; i++)
        if (g_str_has_prefix (classes[i], PL_THEME_CLASS_PREFIX)
            || g_str_equal (classes[i], PL_LARGE_PRINT_CLASS))
          gtk_widget_add_css_class (GTK_WIDGET (self), classes[i]);
    }

  if (g_strcmp0 (found, self->reader_class) == 0)
    return;

  if (self->reader_class != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), self->reader_class);
      gtk_widget_remove_css_class (GTK_WIDGET (self), READER_CLASS);
    }
  g_free (self->reader_class);
  self->reader_class = g_steal_pointer (&found);
  if (self->reader_class != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), READER_CLASS);
      gtk_widget_add_css_class (GTK_WIDGET (self), self->reader_class);
    }
}

static void
transient_for_changed_cb (PlDiaryCommentDialog *self)
{
  inherit_reader_style (self);
}

static char *
typed_text (PlDiaryCommentDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

gboolean
pl_diary_comment_dialog_send (PlDiaryCommentDialog *self)
{
  g_autoptr(PlDiaryComment) comment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (PL_IS_DIARY_COMMENT_DIALOG (self), FALSE);

  body = typed_text (self);
  comment = pl_diary_add_comment (self->store, self->entry_id, self->author,
                                  self->carer_id, body, &error);
  if (comment == NULL)
    {
      if (g_error_matches (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND))
        show_message (self, _("This visit is no longer in the diary, so the comment cannot be added."));
      else if (error->domain == PL_DIARY_ERROR)
        show_message (self, error->message);
      else
        {
          /* Translators: %s says what went wrong with the database */
          g_autofree char *text = g_strdup_printf (_("Your comment could not be kept: %s"),
                                                   error->message);

          show_message (self, text);
        }
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
      return FALSE;
    }

  /* A handler may destroy the dialog; it stays alive until closed here */
  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_SENT], 0, comment->id);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
  return TRUE;
}

static void
send_clicked_cb (PlDiaryCommentDialog *self)
{
  pl_diary_comment_dialog_send (self);
}

static void
send_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  pl_diary_comment_dialog_send (PL_DIARY_COMMENT_DIALOG (widget));
}

GtkTextView *
pl_diary_comment_dialog_get_text_view (PlDiaryCommentDialog *self)
{
  g_return_val_if_fail (PL_IS_DIARY_COMMENT_DIALOG (self), NULL);

  return self->text_view;
}

const char *
pl_diary_comment_dialog_get_message (PlDiaryCommentDialog *self)
{
  g_return_val_if_fail (PL_IS_DIARY_COMMENT_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->message)))
    return NULL;
  return gtk_label_get_label (self->message);
}

static void
pl_diary_comment_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PL_TYPE_DIARY_COMMENT_DIALOG);

  G_OBJECT_CLASS (pl_diary_comment_dialog_parent_class)->dispose (object);
}

static void
pl_diary_comment_dialog_finalize (GObject *object)
{
  PlDiaryCommentDialog *self = PL_DIARY_COMMENT_DIALOG (object);

  g_free (self->author);
  g_free (self->reader_class);

  G_OBJECT_CLASS (pl_diary_comment_dialog_parent_class)->finalize (object);
}

static void
pl_diary_comment_dialog_class_init (PlDiaryCommentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_diary_comment_dialog_dispose;
  object_class->finalize = pl_diary_comment_dialog_finalize;

  signals[SIGNAL_SENT] =
    g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               PL_RESOURCE_BASE "/ui/pl-diary-comment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlDiaryCommentDialog, about_label);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryCommentDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryCommentDialog, signed_label);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryCommentDialog, message);
  gtk_widget_class_bind_template_child (widget_class, PlDiaryCommentDialog, send_button);
  gtk_widget_class_bind_template_callback (widget_class, send_clicked_cb);

  gtk_widget_class_install_action (widget_class, "comment.send", NULL, send_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* Enter makes a new line in the box; Ctrl+Enter sends */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "comment.send", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "comment.send", NULL);
}

static void
pl_diary_comment_dialog_init (PlDiaryCommentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::transient-for", G_CALLBACK (transient_for_changed_cb), NULL);
}

/* "About the visit at 8:00 in the morning on Monday 23 November 2026." */
static char *
describe_entry (const PlDiaryEntry *entry)
{
  g_autofree char *date = pl_date_to_words (entry->visit_date);

  if (entry->planned_time != NULL && *entry->planned_time != '\0')
    {
      g_autofree char *time = pl_time_to_words (entry->planned_time);

      /* Translators: the visit a comment is about: time, then date, in words */
      return g_strdup_printf (_("About the visit at %s on %s."), time, date);
    }
  /* Translators: the visit a comment is about: its date, in words */
  return g_strdup_printf (_("About the visit on %s."), date);
}

PlDiaryCommentDialog *
pl_diary_comment_dialog_new (PlStore    *store,
                             gint64      entry_id,
                             const char *author,
                             gint64      carer_id)
{
  PlDiaryCommentDialog *self;
  g_autoptr(PlDiaryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *signed_text = NULL;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (author != NULL, NULL);

  self = g_object_new (PL_TYPE_DIARY_COMMENT_DIALOG, NULL);
  self->store = store;
  self->entry_id = entry_id;
  self->carer_id = carer_id;
  self->author = g_strdup (author);

  entry = pl_store_load_diary_entry (store, entry_id, &error);
  if (entry != NULL)
    {
      g_autofree char *about = describe_entry (entry);

      gtk_label_set_label (self->about_label, about);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->about_label), FALSE);
      show_message (self, _("This visit could not be found in the diary."));
      gtk_widget_set_sensitive (self->send_button, FALSE);
    }

  /* Translators: %s is the name the comment is signed with */
  signed_text = g_strdup_printf (_("It will be signed “%s”. Press Send when you have finished."),
                                 author);
  gtk_label_set_label (self->signed_label, signed_text);

  /* Typing starts at once */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->text_view));

  return self;
}
