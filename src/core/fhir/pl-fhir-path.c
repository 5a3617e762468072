/* pl-fhir-path.c: a value found or put at a path in a FHIR resource
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The maps of pl-fhir-map.c name where each field goes by a path such as
 * "identifier[system=…].value": a member,
 * an array element chosen by one of its members or by its place, and so
 * on. Reading follows the path; writing makes what is missing on the way.
 */

#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "pl-fhir-map.h"

typedef struct
{
  char *name;
  char *key;    /* [key=value], or NULL */
  char *value;
  int   index;  /* [N]; -1 for none */
} Step;

static void
step_clear (Step *step)
{
  g_free (step->name);
  g_free (step->key);
  g_free (step->value);
}

/* Steps split at dots outside [ ] */
static GArray *
parse_path (const char *path)
{
  GArray *steps = g_array_new (FALSE, TRUE, sizeof (Step));
  const char *p = path;

  g_array_set_clear_func (steps, (GDestroyNotify) step_clear);
  while (*p != '\0')
    {
      Step step = { NULL, NULL, NULL, -1 };
      const char *start = p;

      while (*p != '\0' && *p != '.' && *p != '[')
        p++;
      step.name = g_strndup (start, (gsize) (p - start));
      if (*p == '[')
        {
          const char *close = strchr (p, ']');
          g_autofree char *inside = NULL;
          const char *eq;

          g_return_val_if_fail (close != NULL, steps);
          inside = g_strndup (p + 1, (gsize) (close - p - 1));
          eq = strchr (inside, '=');
          if (eq != NULL)
            {
              step.key = g_strndup (inside, (gsize) (eq - inside));
              step.value = g_strdup (eq + 1);
            }
          else
            step.index = atoi (inside);
          p = close + 1;
        }
      g_array_append_val (steps, step);
      if (*p == '.')
        p++;
    }
  return steps;
}

static gboolean
element_matches (JsonNode   *element,
                 const Step *step)
{
  JsonObject *obj;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    return FALSE;
  obj = json_node_get_object (element);
  member = json_object_get_member (obj, step->key);
  return member != NULL && JSON_NODE_HOLDS_VALUE (member) &&
         json_node_get_value_type (member) == G_TYPE_STRING &&
         g_strcmp0 (json_node_get_string (member), step->value) == 0;
}

/* The element of array step names, or NULL */
static JsonNode *
find_element (JsonArray  *array,
              const Step *step)
{
  guint n = json_array_get_length (array);

  if (step->key == NULL)
    return step->index >= 0 && (guint) step->index < n
           ? json_array_get_element (array, (guint) step->index) : NULL;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (element_matches (element, step))
        return element;
    }
  return NULL;
}

JsonNode *
pl_fhir_path_get (JsonObject *obj,
                  const char *path)
{
  g_autoptr(GArray) steps = NULL;
  JsonNode *node = NULL;

  g_return_val_if_fail (obj != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  steps = parse_path (path);
  for (guint i = 0; i < steps->len; i++)
    {
      const Step *step = &g_array_index (steps, Step, i);

      if (obj == NULL)
        return NULL;
      node = json_object_get_member (obj, step->name);
      if (node == NULL)
        return NULL;
      if (step->key != NULL || step->index >= 0)
        {
          if (!JSON_NODE_HOLDS_ARRAY (node))
            return NULL;
          node = find_element (json_node_get_array (node), step);
          if (node == NULL)
            return NULL;
        }
      obj = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }
  return node;
}

/* The object member name holds, made when missing */
static JsonObject *
ensure_object (JsonObject *obj,
               const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      json_object_set_object_member (obj, name, json_object_new ());
      node = json_object_get_member (obj, name);
    }
  return json_node_get_object (node);
}

static JsonArray *
ensure_array (JsonObject *obj,
              const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      json_object_set_array_member (obj, name, json_array_new ());
      node = json_object_get_member (obj, name);
    }
  return json_node_get_array (node);
}

/* Puts value (taken) at index of array: the last is replaced or one added */
static void
array_put (JsonArray *array,
           int        index,
           JsonNode  *value)
{
  guint n = json_array_get_length (array);

  if (index < 0 || (guint) index >= n)
    {
      json_array_add_element (array, value);
      return;
    }
  /* json-glib has no replace: the array is rebuilt around the new value */
  {
    g_autoptr(GList) elements = json_array_get_elements (array);
    g_autoptr(JsonArray) copy = json_array_sized_new (n);
    guint i = 0;

    for (GList *l = elements; l != NULL; l = l->next, i++)
      json_array_add_element (copy, i == (guint) index ? value : json_node_copy (l->data));
    while (json_array_get_length (array) > 0)
      json_array_remove_element (array, 0);
    for (i = 0; i < n; i++)
      json_array_add_element (array, json_node_copy (json_array_get_element (copy, i)));
  }
}

void
pl_fhir_path_set (JsonObject *obj,
                  const char *path,
                  JsonNode   *value)
{
  g_autoptr(GArray) steps = NULL;

  g_return_if_fail (obj != NULL);
  g_return_if_fail (path != NULL);
  g_return_if_fail (value != NULL);

  steps = parse_path (path);
  for (guint i = 0; i < steps->len; i++)
    {
      const Step *step = &g_array_index (steps, Step, i);
      gboolean last = i + 1 == steps->len;
      JsonArray *array;
      JsonNode *element;

      if (step->key == NULL && step->index < 0)
        {
          if (last)
            json_object_set_member (obj, step->name, value);
          else
            obj = ensure_object (obj, step->name);
          continue;
        }

      array = ensure_array (obj, step->name);
      if (last)
        {
          array_put (array, step->index, value);
          return;
        }
      element = find_element (array, step);
      if (element == NULL || !JSON_NODE_HOLDS_OBJECT (element))
        {
          JsonObject *made = json_object_new ();

          if (step->key != NULL)
            json_object_set_string_member (made, step->key, step->value);
          json_array_add_object_element (array, made);
          element = json_array_get_element (array, json_array_get_length (array) - 1);
        }
      obj = json_node_get_object (element);
    }
}

void
pl_fhir_foreach_member (JsonObject       *obj,
                        PlFhirMemberFunc  func,
                        gpointer          user_data)
{
  g_autoptr(GList) names = json_object_get_members (obj);

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (obj, name);

      func (obj, name, node, user_data);
      /* func may have replaced it */
      node = json_object_get_member (obj, name);
      if (node == NULL || name[0] == '_')
        continue;
      if (JSON_NODE_HOLDS_OBJECT (node))
        pl_fhir_foreach_member (json_node_get_object (node), func, user_data);
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array); i++)
            if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
              pl_fhir_foreach_member (json_array_get_object_element (array, i), func, user_data);
        }
    }
}
