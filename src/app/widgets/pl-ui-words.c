/* pl-ui-words.c: a window's fixed words in its reader's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkBuilder translates a template once, through gettext, into the
 * computer's language, and GTK 4.8 cannot read back what it told screen
 * readers. So the words are read from the templates themselves: each
 * template in the resources is parsed once, keeping every translatable
 * property, accessible property and menu label under the id of its object
 * (GtkBuilder's own "___object_N___" for objects without one, counted the
 * same way), and a window's widgets are found by their builder ids and
 * given the words again through the reader's catalogue (pl-catalog.h).
 */

#include "config.h"

#include <string.h>
#include "pl-catalog.h"
#include "pl-ui-words.h"
#include "pl-widget-util.h"

#define UI_RESOURCES "/org/plainly/Plainly/ui"

typedef struct
{
  char                  *type_name;   /* the object's class in the template */
  char                  *property;    /* a GObject property, or accessible */
  gboolean               accessible;
  GtkAccessibleProperty  accessible_property;
  char                  *context;
  char                  *msgid;
} Words;

typedef struct
{
  GHashTable *objects;  /* builder id ("" for the template) → GPtrArray of Words */
  GPtrArray  *menu_msgids;
  guint       n_words;
} TemplateWords;

typedef struct
{
  char     *owner;       /* the id of the object the element is in */
  char     *type_name;
  gboolean  accessibility;
  gboolean  menu;
} Frame;

typedef struct
{
  GHashTable    *templates;
  TemplateWords *template;
  GPtrArray     *frames;
  guint          counter;
  /* The translatable element being read */
  GString       *text;
  char          *property;
  char          *context;
  gboolean       accessible;
  gboolean       menu_label;
  /* Menus may come before the template in the file */
  GPtrArray     *menu_msgids;
} Parser;

static GHashTable *templates;   /* type name → TemplateWords */

static void
words_free (Words *words)
{
  g_free (words->type_name);
  g_free (words->property);
  g_free (words->context);
  g_free (words->msgid);
  g_free (words);
}

static void
template_words_free (TemplateWords *template)
{
  g_hash_table_unref (template->objects);
  g_ptr_array_unref (template->menu_msgids);
  g_free (template);
}

static void
frame_free (Frame *frame)
{
  g_free (frame->owner);
  g_free (frame->type_name);
  g_free (frame);
}

static gboolean
is_true (const char *value)
{
  return value != NULL &&
         (g_ascii_strcasecmp (value, "yes") == 0 || g_ascii_strcasecmp (value, "true") == 0 ||
          strcmp (value, "1") == 0);
}

static gboolean
accessible_property_from_name (const char            *name,
                               GtkAccessibleProperty *out)
{
  static const struct { const char *name; GtkAccessibleProperty property; } names[] = {
    { "label", GTK_ACCESSIBLE_PROPERTY_LABEL },
    { "description", GTK_ACCESSIBLE_PROPERTY_DESCRIPTION },
    { "placeholder", GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER },
    { "role-description", GTK_ACCESSIBLE_PROPERTY_ROLE_DESCRIPTION },
    { "value-text", GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (name, names[i].name) == 0)
      {
        *out = names[i].property;
        return TRUE;
      }
  return FALSE;
}

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return values[i];
  return NULL;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Parser *parser = user_data;
  Frame *parent = parser->frames->len > 0 ? g_ptr_array_index (parser->frames, parser->frames->len - 1)
                                          : NULL;
  Frame *frame = g_new0 (Frame, 1);

  frame->owner = g_strdup (parent != NULL ? parent->owner : NULL);
  frame->type_name = g_strdup (parent != NULL ? parent->type_name : NULL);
  frame->menu = parent != NULL && parent->menu;

  if (strcmp (element, "template") == 0)
    {
      const char *class_name = attribute (names, values, "class");

      if (class_name != NULL && parser->template == NULL)
        {
          parser->template = g_new0 (TemplateWords, 1);
          parser->template->objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             (GDestroyNotify) g_ptr_array_unref);
          parser->template->menu_msgids = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_replace (parser->templates, g_strdup (class_name), parser->template);
        }
      g_free (frame->owner);
      frame->owner = g_strdup ("");
      g_free (frame->type_name);
      frame->type_name = g_strdup (class_name);
    }
  else if (strcmp (element, "object") == 0)
    {
      const char *id = attribute (names, values, "id");

      g_free (frame->owner);
      /* As GtkBuilder names an object without an id */
      frame->owner = id != NULL ? g_strdup (id) : g_strdup_printf ("___object_%u___", ++parser->counter);
      g_free (frame->type_name);
      frame->type_name = g_strdup (attribute (names, values, "class"));
    }
  else if (strcmp (element, "menu") == 0)
    frame->menu = TRUE;
  else if (strcmp (element, "accessibility") == 0)
    frame->accessibility = TRUE;
  else if ((strcmp (element, "property") == 0 || strcmp (element, "attribute") == 0) &&
           is_true (attribute (names, values, "translatable")))
    {
      const char *name = attribute (names, values, "name");

      frame->accessibility = parent != NULL && parent->accessibility;
      if (name != NULL && parser->text == NULL)
        {
          parser->text = g_string_new (NULL);
          parser->property = g_strdup (name);
          parser->context = g_strdup (attribute (names, values, "context"));
          parser->accessible = frame->accessibility;
          parser->menu_label = frame->menu && strcmp (element, "attribute") == 0 &&
                               strcmp (name, "label") == 0;
        }
    }

  g_ptr_array_add (parser->frames, frame);
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Parser *parser = user_data;
  Frame *frame = g_ptr_array_steal_index (parser->frames, parser->frames->len - 1);

  if (parser->text != NULL &&
      (strcmp (element, "property") == 0 || strcmp (element, "attribute") == 0))
    {
      TemplateWords *template = parser->template;

      if (parser->menu_label && parser->text->len > 0)
        g_ptr_array_add (parser->menu_msgids, g_strdup (parser->text->str));
      else if (template != NULL && parser->text->len > 0)
        {
          if (frame->owner != NULL)
            {
              Words *words = g_new0 (Words, 1);
              GPtrArray *list;

              words->type_name = g_strdup (frame->type_name);
              words->property = g_strdup (parser->property);
              words->accessible = parser->accessible;
              words->context = g_strdup (parser->context);
              words->msgid = g_strdup (parser->text->str);
              if (words->accessible &&
                  !accessible_property_from_name (words->property, &words->accessible_property))
                {
                  words_free (words);
                }
              else
                {
                  list = g_hash_table_lookup (template->objects, frame->owner);
                  if (list == NULL)
                    {
                      list = g_ptr_array_new_with_free_func ((GDestroyNotify) words_free);
                      g_hash_table_insert (template->objects, g_strdup (frame->owner), list);
                    }
                  g_ptr_array_add (list, words);
                  template->n_words++;
                }
            }
        }
      g_string_free (g_steal_pointer (&parser->text), TRUE);
      g_clear_pointer (&parser->property, g_free);
      g_clear_pointer (&parser->context, g_free);
    }

  frame_free (frame);
}

static void
text (GMarkupParseContext  *context,
      const char           *text,
      gsize                 length,
      gpointer              user_data,
      GError              **error)
{
  Parser *parser = user_data;

  if (parser->text != NULL)
    g_string_append_len (parser->text, text, length);
}

static void
parse_template (GHashTable *table,
                GBytes     *bytes)
{
  static const GMarkupParser callbacks = { start_element, end_element, text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  Parser parser = { 0 };
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  parser.templates = table;
  parser.frames = g_ptr_array_new_with_free_func ((GDestroyNotify) frame_free);
  parser.menu_msgids = g_ptr_array_new_with_free_func (g_free);
  context = g_markup_parse_context_new (&callbacks, 0, &parser, NULL);
  if (!g_markup_parse_context_parse (context, data, size, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    g_warning ("A window's words could not be read: %s", error->message);

  if (parser.text != NULL)
    g_string_free (parser.text, TRUE);
  if (parser.template != NULL)
    {
      g_ptr_array_extend_and_steal (parser.template->menu_msgids, g_steal_pointer (&parser.menu_msgids));
      parser.template->n_words += parser.template->menu_msgids->len;
    }
  g_clear_pointer (&parser.menu_msgids, g_ptr_array_unref);
  g_free (parser.property);
  g_free (parser.context);
  g_ptr_array_unref (parser.frames);
}

static GHashTable *
get_templates (void)
{
  g_auto(GStrv) files = NULL;

  if (templates != NULL)
    return templates;

  templates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) template_words_free);
  files = g_resources_enumerate_children (UI_RESOURCES, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (!g_str_has_suffix (files[i], ".ui"))
        continue;
      path = g_build_path ("/", UI_RESOURCES, files[i], NULL);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (bytes != NULL)
        parse_template (templates, bytes);
    }
  return templates;
}

gboolean
pl_ui_words_language_is_rtl (const char *language)
{
  return pl_language_is_rtl (language);
}

#define RLM "\u200f"
#define RLM_KEY "pl-rlm"

void
pl_ui_words_lead_right_to_left (GtkLabel *label)
{
  const char *text;
  g_autofree char *led = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));

  text = gtk_label_get_text (label);
  if (text == NULL || *text == '\0' || pl_ui_words_lead_length (label) > 0 ||
      gtk_label_get_use_markup (label) || gtk_label_get_use_underline (label))
    return;
  led = g_strconcat (RLM, text, NULL);
  gtk_label_set_text (label, led);
  g_object_set_data (G_OBJECT (label), RLM_KEY, GINT_TO_POINTER (TRUE));
}

guint
pl_ui_words_lead_length (GtkLabel *label)
{
  g_return_val_if_fail (GTK_IS_LABEL (label), 0);

  return g_object_get_data (G_OBJECT (label), RLM_KEY) != NULL ? 1 : 0;
}

const char *
pl_ui_words_label_words (GtkLabel *label)
{
  const char *text;

  g_return_val_if_fail (GTK_IS_LABEL (label), NULL);

  text = gtk_label_get_text (label);
  return g_utf8_offset_to_pointer (text, pl_ui_words_lead_length (label));
}

guint
pl_ui_words_count_for_template (GType type)
{
  TemplateWords *template = g_hash_table_lookup (get_templates (), g_type_name (type));

  return template != NULL ? template->n_words : 0;
}

/* The language a walk puts words into */
typedef struct
{
  gboolean          computer;   /* gettext's, as GtkBuilder gave them */
  const PlCatalog  *catalog;    /* else this one's (NULL: as written) */
  GtkTextDirection  direction;
} Target;

static const char *
words_in (const Target *target,
          const char   *context,
          const char   *msgid)
{
  if (target->computer)
    return context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, context, msgid)
                           : g_dgettext (GETTEXT_PACKAGE, msgid);
  return context != NULL ? pl_catalog_pgettext (target->catalog, context, msgid)
                         : pl_catalog_gettext (target->catalog, msgid);
}

static const char *
object_id (GObject *object)
{
  if (GTK_IS_BUILDABLE (object))
    return gtk_buildable_get_buildable_id (GTK_BUILDABLE (object));
  return g_object_get_data (object, "gtk-builder-id");
}

/* What a property was last given here, kept to know the code has not
 * changed it since */
static GQuark
given_quark (const char *property)
{
  g_autofree char *key = g_strconcat ("pl-ui-words-", property, NULL);

  return g_quark_from_string (key);
}

static void
give_words (GObject      *object,
            const Words  *words,
            const Target *target)
{
  const char *to = words_in (target, words->context, words->msgid);
  GParamSpec *pspec;
  g_autofree char *now = NULL;
  const char *given;
  const char *computer;
  GQuark quark;

  /* Ids are only unique within a template: the class must match too */
  if (words->type_name != NULL && g_strcmp0 (G_OBJECT_TYPE_NAME (object), words->type_name) != 0)
    return;

  if (words->accessible)
    {
      if (GTK_IS_ACCESSIBLE (object))
        gtk_accessible_update_property (GTK_ACCESSIBLE (object), words->accessible_property, to, -1);
      return;
    }

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), words->property);
  if (pspec == NULL || pspec->value_type != G_TYPE_STRING ||
      (pspec->flags & (G_PARAM_READABLE | G_PARAM_WRITABLE)) != (G_PARAM_READABLE | G_PARAM_WRITABLE))
    return;

  quark = given_quark (words->property);
  given = g_object_get_qdata (object, quark);
  computer = words->context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, words->context, words->msgid)
                                    : g_dgettext (GETTEXT_PACKAGE, words->msgid);
  g_object_get (object, words->property, &now, NULL);
  if (g_strcmp0 (now, computer) != 0 && g_strcmp0 (now, given) != 0)
    return;

  if (g_strcmp0 (now, to) != 0)
    {
      g_object_set (object, words->property, to, NULL);
      /* A button the code named after its label's words (to leave out
       * the underline) kept the old words beside the new ones in GTK 4.8
       * ("Stop Zatrzymaj"): named after the new. GTK 4.8 joins a name
       * with the names of what labels it, so the label, whose words these
       * are, no longer does ("Dismiss Dismiss" otherwise). */
      if (GTK_IS_LABEL (object) && gtk_label_get_mnemonic_widget (GTK_LABEL (object)) != NULL)
        pl_widget_set_name (gtk_label_get_mnemonic_widget (GTK_LABEL (object)),
                            gtk_label_get_text (GTK_LABEL (object)));
    }
  g_object_set_qdata_full (object, quark, g_strdup (to), g_free);
}

static void
give_object_words (GObject       *object,
                   TemplateWords *template,
                   const char    *id,
                   const Target  *target)
{
  GPtrArray *list;

  if (template == NULL || id == NULL)
    return;
  list = g_hash_table_lookup (template->objects, id);
  for (guint i = 0; list != NULL && i < list->len; i++)
    give_words (object, g_ptr_array_index (list, i), target);
}

/* The msgid of each item of a menu, found once from the words GtkBuilder
 * gave it, before any were changed */
static GPtrArray *
menu_msgids (GMenuModel *model)
{
  GPtrArray *msgids = g_object_get_data (G_OBJECT (model), "pl-ui-words-msgids");
  GHashTableIter iter;
  gpointer value;

  if (msgids != NULL)
    return msgids;

  msgids = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      const char *found = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        {
          g_hash_table_iter_init (&iter, get_templates ());
          while (found == NULL && g_hash_table_iter_next (&iter, NULL, &value))
            {
              TemplateWords *template = value;

              for (guint j = 0; found == NULL && j < template->menu_msgids->len; j++)
                {
                  const char *msgid = g_ptr_array_index (template->menu_msgids, j);

                  if (strcmp (g_dgettext (GETTEXT_PACKAGE, msgid), label) == 0)
                    found = msgid;
                }
            }
        }
      g_ptr_array_add (msgids, g_strdup (found));
    }
  g_object_set_data_full (G_OBJECT (model), "pl-ui-words-msgids", msgids,
                          (GDestroyNotify) g_ptr_array_unref);
  return msgids;
}

static void
give_menu_words (GMenuModel   *model,
                 const Target *target)
{
  GPtrArray *msgids;

  if (!G_IS_MENU (model))
    return;

  msgids = menu_msgids (model);
  for (int i = 0; i < g_menu_model_get_n_items (model) && (guint) i < msgids->len; i++)
    {
      const char *msgid = g_ptr_array_index (msgids, i);
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);
      g_autoptr(GMenuItem) item = NULL;

      if (section != NULL)
        give_menu_words (section, target);
      if (submenu != NULL)
        give_menu_words (submenu, target);
      if (msgid == NULL)
        continue;

      item = g_menu_item_new_from_model (model, i);
      g_menu_item_set_label (item, words_in (target, NULL, msgid));
      g_menu_remove (G_MENU (model), i);
      g_menu_insert_item (G_MENU (model), i, item);
    }
}

void
pl_ui_words_keep_direction (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data (G_OBJECT (widget), "pl-ui-words-keep-direction", GINT_TO_POINTER (TRUE));
}

static void
set_direction_deep (GtkWidget        *widget,
                    GtkTextDirection  direction)
{
  gtk_widget_set_direction (widget, direction);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_direction_deep (child, direction);
}

void
pl_ui_words_set_direction (GtkWidget  *widget,
                           const char *language)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  set_direction_deep (widget, pl_ui_words_language_is_rtl (language) ? GTK_TEXT_DIR_RTL
                                                                     : GTK_TEXT_DIR_LTR);
}

static void
give_tree_words (GtkWidget     *widget,
                 TemplateWords *owner,
                 const Target  *target,
                 gboolean       set_direction)
{
  TemplateWords *own;
  GMenuModel *menu = NULL;

  /* Its words in the template it is part of, then in its own */
  give_object_words (G_OBJECT (widget), owner, object_id (G_OBJECT (widget)), target);
  own = g_hash_table_lookup (get_templates (), G_OBJECT_TYPE_NAME (widget));
  if (own != NULL)
    {
      give_object_words (G_OBJECT (widget), own, "", target);
      owner = own;
    }

  if (g_object_get_data (G_OBJECT (widget), "pl-ui-words-keep-direction") != NULL)
    set_direction = FALSE;
  if (set_direction)
    gtk_widget_set_direction (widget, target->direction);

  if (GTK_IS_MENU_BUTTON (widget))
    {
      menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));
      if (menu == NULL)
        menu = g_object_get_data (G_OBJECT (widget), "pl-menu-model");
      if (menu != NULL)
        give_menu_words (menu, target);
    }

  if (GTK_IS_STACK (widget))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          GtkStackPage *page = gtk_stack_get_page (GTK_STACK (widget), child);

          if (page != NULL)
            give_object_words (G_OBJECT (page), owner, object_id (G_OBJECT (page)), target);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    give_tree_words (child, owner, target, set_direction);
}

struct _PlUiWordsScope
{
  PlCatalog *catalog;
  gboolean   pushed;
};

const char *
pl_ui_words_get_language (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      const char *language = g_object_get_data (G_OBJECT (widget), "pl-ui-words-language");

      if (language != NULL)
        return *language != '\0' ? language : NULL;
    }
  return NULL;
}

PlUiWordsScope *
pl_ui_words_scope_new (GtkWidget *widget)
{
  PlUiWordsScope *scope = g_new0 (PlUiWordsScope, 1);
  const char *language = pl_ui_words_get_language (widget);

  /* Nothing pushed for the computer's language: gettext's, as ever */
  if (language != NULL)
    {
      scope->catalog = pl_catalog_for_language (language);
      scope->pushed = TRUE;
      pl_catalog_push_thread_default (scope->catalog);
    }
  return scope;
}

void
pl_ui_words_scope_free (PlUiWordsScope *scope)
{
  if (scope == NULL)
    return;
  if (scope->pushed)
    pl_catalog_pop_thread_default (scope->catalog);
  g_free (scope);
}

static void
unref_catalog (gpointer catalog)
{
  if (catalog != NULL)
    pl_catalog_unref (catalog);
}

/* GTK's own words (the window's Close, Minimize and Maximize), from GTK's
 * catalogue for language where the computer has it: GtkBuilder never
 * sees them, and GTK says them in the computer's language */
static const char *
gtk_words (const char *language,
           const char *msgid)
{
  static GHashTable *catalogs;   /* language → PlCatalog, or NULL for none */
  PlCatalog *catalog = NULL;

  if (language == NULL)
    return g_dgettext ("gtk40", msgid);

  if (catalogs == NULL)
    catalogs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_catalog);
  if (!g_hash_table_lookup_extended (catalogs, language, NULL, (gpointer *) &catalog))
    {
      const char * const *dirs = g_get_system_data_dirs ();
      g_autofree char *tag = g_strdelimit (g_strdup (language), "-", '_');

      for (guint i = 0; dirs[i] != NULL && catalog == NULL; i++)
        {
          g_autofree char *localedir = g_build_filename (dirs[i], "locale", NULL);

          catalog = pl_catalog_load (tag, localedir, "gtk40", NULL);
        }
      g_hash_table_insert (catalogs, g_strdup (language), catalog);
    }
  return catalog != NULL ? pl_catalog_gettext (catalog, msgid) : msgid;
}

/* The window's own buttons, named in the reader's language */
static void
give_window_control_words (GtkWidget  *widget,
                           const char *language)
{
  if (GTK_IS_WINDOW_CONTROLS (widget))
    {
      GtkRoot *root = gtk_widget_get_root (widget);
      gboolean maximized = GTK_IS_WINDOW (root) && gtk_window_is_maximized (GTK_WINDOW (root));

      for (GtkWidget *button = gtk_widget_get_first_child (widget);
           button != NULL;
           button = gtk_widget_get_next_sibling (button))
        {
          const char *msgid = NULL;

          if (gtk_widget_has_css_class (button, "close"))
            msgid = "Close";
          else if (gtk_widget_has_css_class (button, "minimize"))
            msgid = "Minimize";
          else if (gtk_widget_has_css_class (button, "maximize"))
            msgid = maximized ? "Restore" : "Maximize";
          if (msgid != NULL)
            {
              gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              gtk_words (language, msgid), -1);
              g_object_set_data_full (G_OBJECT (button), "pl-ui-words-label",
                                      g_strdup (gtk_words (language, msgid)), g_free);
            }
        }
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    give_window_control_words (child, language);
}

static void
maximized_cb (GtkWidget *root)
{
  const char *language = g_object_get_data (G_OBJECT (root), "pl-ui-words-language");

  give_window_control_words (root, language != NULL && *language != '\0' ? language : NULL);
}

void
pl_ui_words_translate (GtkWidget  *root,
                       const char *language)
{
  Target target = { 0 };

  g_return_if_fail (GTK_IS_WIDGET (root));

  /* "" for the computer's, to stop the search up the tree here */
  g_object_set_data_full (G_OBJECT (root), "pl-ui-words-language",
                          g_strdup (language != NULL ? language : ""), g_free);

  if (language == NULL)
    {
      target.computer = TRUE;
      target.direction = GTK_TEXT_DIR_NONE;
    }
  else
    {
      target.catalog = pl_catalog_for_language (language);
      target.direction = pl_ui_words_language_is_rtl (language) ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;
    }
  give_tree_words (root, NULL, &target, TRUE);
  give_window_control_words (root, language);
  /* GTK makes the window's buttons again when it is maximized or restored */
  if (GTK_IS_WINDOW (root) && g_object_get_data (G_OBJECT (root), "pl-ui-words-controls") == NULL)
    {
      g_object_set_data (G_OBJECT (root), "pl-ui-words-controls", GINT_TO_POINTER (TRUE));
      g_signal_connect_after (root, "notify::maximized", G_CALLBACK (maximized_cb), NULL);
    }
}

/* Each named in itself: whoever looks for their language finds it written
 * as they write it, whatever the screen is in now */
static const struct {
  const char *tag;
  const char *name;
} languages[] = {
  { "en", "English" },
  { "cy", "Cymraeg" },
  { "pl", "Polski" },
  { "ro", "Română" },
  { "pa", "ਪੰਜਾਬੀ" },
  { "ur", "اردو" },
};

guint
pl_ui_words_get_n_languages (void)
{
  return G_N_ELEMENTS (languages);
}

const char *
pl_ui_words_get_language_tag (guint position)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (languages), NULL);

  return languages[position].tag;
}

const char *
pl_ui_words_get_language_name (guint position)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (languages), NULL);

  return languages[position].name;
}

int
pl_ui_words_find_language (const char *tag)
{
  gsize length;

  if (tag == NULL)
    return -1;
  length = strcspn (tag, "-_");
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (strlen (languages[i].tag) == length &&
        g_ascii_strncasecmp (languages[i].tag, tag, length) == 0)
      return (int) i;
  return -1;
}

const char *
pl_ui_words_language_name (const char *tag)
{
  int position = pl_ui_words_find_language (tag);

  return position >= 0 ? languages[position].name : tag;
}
