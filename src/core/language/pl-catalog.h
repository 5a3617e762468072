/* pl-catalog.h: one language's translation of Plainly's words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each person reads Plainly in their own language, and the staff window on
 * the same computer keeps the computer's. gettext keeps one language for
 * the whole process and needs the system to have the language's locale
 * installed, so Plainly reads its compiled catalogues (.mo files, made by
 * msgfmt from po/) itself: a PlCatalog is one language's catalogue, and a
 * window, a document or a CLI run translates through the catalogue of the
 * person it is for.
 *
 * The thread-default catalogue is what _() uses (see pl-i18n.h): whoever
 * builds words for a reader pushes that reader's catalogue first and pops
 * it after, as with GMainContext's thread-default.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _PlCatalog PlCatalog;

#define PL_TYPE_CATALOG (pl_catalog_get_type ())
GType       pl_catalog_get_type (void) G_GNUC_CONST;

/* A catalogue from the bytes of a .mo file. NULL with an error in plain
 * words if the bytes are not one, are damaged, or are not UTF-8. */
PlCatalog  *pl_catalog_new_from_bytes (const char  *language,
                                       GBytes      *bytes,
                                       GError     **error);

/* The catalogue of a language ("cy", "pl", "pa", "ur", or "cy_GB") in
 * LOCALEDIR/LANGUAGE/LC_MESSAGES/DOMAIN.mo, trying the language without
 * its region second. G_IO_ERROR_NOT_FOUND if there is none. */
PlCatalog  *pl_catalog_load           (const char  *language,
                                       const char  *localedir,
                                       const char  *domain,
                                       GError     **error);

PlCatalog  *pl_catalog_ref   (PlCatalog *catalog);
void        pl_catalog_unref (PlCatalog *catalog);

const char *pl_catalog_get_language (const PlCatalog *catalog);
guint       pl_catalog_get_n_plurals (const PlCatalog *catalog);
guint       pl_catalog_get_n_messages (const PlCatalog *catalog);

/* The translation, or msgid itself where the catalogue has none. A NULL
 * catalogue translates nothing (the words as written, in English). */
const char *pl_catalog_gettext   (const PlCatalog *catalog,
                                  const char      *msgid);
const char *pl_catalog_pgettext  (const PlCatalog *catalog,
                                  const char      *context,
                                  const char      *msgid);
const char *pl_catalog_ngettext  (const PlCatalog *catalog,
                                  const char      *msgid,
                                  const char      *msgid_plural,
                                  gulong           n);
const char *pl_catalog_npgettext (const PlCatalog *catalog,
                                  const char      *context,
                                  const char      *msgid,
                                  const char      *msgid_plural,
                                  gulong           n);

/* The catalogue for a language tag ("cy", "pl-PL", "en-GB"), loaded once
 * a process from PLAINLY_LOCALEDIR if set (the build tree, for tests and
 * uninstalled runs), else the installed one. NULL for English and for a
 * language Plainly has no translation for: the words as written. */
PlCatalog  *pl_catalog_for_language (const char *language);

/* The catalogue _() uses on this thread, until popped; pushes nest. NULL
 * may be pushed: the words as written. With nothing pushed, _() gives the
 * computer's own language, as gettext does. */
void        pl_catalog_push_thread_default (PlCatalog *catalog);
void        pl_catalog_pop_thread_default  (PlCatalog *catalog);
PlCatalog  *pl_catalog_get_thread_default  (void);
gboolean    pl_catalog_has_thread_default  (void);
/* Pushes language's catalogue when language is set; NULL (the computer's
 * language) pushes nothing. Give what it returns to the pop. */
gboolean    pl_catalog_push_language       (const char *language);
void        pl_catalog_pop_language        (const char *language,
                                            gboolean    pushed);
/* Whether language (a tag: "ur", "ur-PK") is written right to left */
gboolean    pl_language_is_rtl             (const char *language);
/* Whether the words _() gives on this thread are */
gboolean    pl_catalog_is_rtl              (void);

/* text (a name, a phone number, a reference) to go into a message of the
 * current language. Where that is written right to left, it comes inside
 * Unicode's first-strong isolate, U+2068 … U+2069: else "0161 496 0512"
 * shows as "0512 496 0161" in an Urdu sentence, and a Latin name ending in
 * a full stop takes the sentence's punctuation with it. Elsewhere a copy. */
char       *pl_catalog_isolate             (const char *text);
/* text without the isolates above (and the other direction controls),
 * for what reads characters rather than shows them: speech, braille,
 * file names */
char       *pl_catalog_strip_isolates      (const char *text);
gboolean    pl_unichar_is_direction_control (gunichar c);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlCatalog, pl_catalog_unref)

G_END_DECLS
