/* pl-ui-words.h: a window's fixed words in its reader's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Puts the words the templates (ui/) gave root and everything in it into
 * language (a tag: "pl", "cy-GB", "en"), or back into the computer's own
 * when language is NULL: labels, buttons, tooltips, titles, menus and
 * what screen readers are told. The window mirrors for a language written
 * right to left. Words the code has set since the template are left for
 * the code to say again in the new language. */
void     pl_ui_words_translate           (GtkWidget  *root,
                                          const char *language);

/* While a scope lives, _() of pl-i18n.h speaks the language widget's
 * window was last put into by pl_ui_words_translate (), for code that
 * sets a widget's words after its template did:
 *
 *   g_autoptr(PlUiWordsScope) words = pl_ui_words_scope_new (GTK_WIDGET (self));
 */
typedef struct _PlUiWordsScope PlUiWordsScope;

PlUiWordsScope *pl_ui_words_scope_new  (GtkWidget      *widget);
void            pl_ui_words_scope_free (PlUiWordsScope *scope);

/* The language widget's window was put into, or NULL for the computer's */
const char *pl_ui_words_get_language     (GtkWidget  *widget);

/* widget and what is in it are left their own direction by
 * pl_ui_words_translate (): a document's words go the way their own
 * language is written, whatever the window's */
void        pl_ui_words_keep_direction   (GtkWidget  *widget);

/* Sets widget and everything in it to the direction language is written
 * in (NULL: English's, left to right) */
void        pl_ui_words_set_direction    (GtkWidget  *widget,
                                          const char *language);

/* Whether a language (a tag) is written right to left */
gboolean pl_ui_words_language_is_rtl     (const char *language);

/* Pango takes a paragraph's direction from its first letter, so Urdu that
 * begins with a Latin name ("Sam ہر پیر کو آتا ہے") would be set from the
 * left: leads label's text with a right-to-left mark, as on paper
 * (pl_print_rtl_markup ()). Not for markup or mnemonics, or no text. */
void        pl_ui_words_lead_right_to_left (GtkLabel *label);
/* Characters label shows before its own words (the mark, or none):
 * offsets into its words are this much further into its text */
guint       pl_ui_words_lead_length      (GtkLabel   *label);
/* label's own words, after the mark */
const char *pl_ui_words_label_words      (GtkLabel   *label);

/* The languages Plainly's words are translated into (po/LINGUAS), and
 * English, each named in itself, in the order a choice shows them */
guint       pl_ui_words_get_n_languages   (void);
const char *pl_ui_words_get_language_tag  (guint       position);
const char *pl_ui_words_get_language_name (guint       position);
/* The position of the one tag is (its first subtag compared), or -1 */
int         pl_ui_words_find_language     (const char *tag);
/* tag named in itself ("Cymraeg"), or tag when Plainly does not know it */
const char *pl_ui_words_language_name     (const char *tag);

/* How many words the templates give the widgets of type, or 0 if type has
 * no template: for the tests, which check each is found */
guint    pl_ui_words_count_for_template  (GType       type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlUiWordsScope, pl_ui_words_scope_free)

G_END_DECLS
