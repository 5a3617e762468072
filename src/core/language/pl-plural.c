/* pl-plural.c: the plural rule of a message catalogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expression is parsed once into a small tree of nodes kept in one
 * array, and evaluated for each count. The grammar is the C subset that
 * GNU gettext accepts: n, decimal numbers, ! * / % + - < > <= >= == != &&
 * || ?: and parentheses, with C's precedence.
 */

#include "config.h"

#include "pl-plural.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

/* Deep enough for any real rule; a hostile header cannot exhaust the stack */
#define MAX_DEPTH 64

typedef enum
{
  OP_N,
  OP_NUMBER,
  OP_NOT,
  OP_MUL,
  OP_DIV,
  OP_MOD,
  OP_ADD,
  OP_SUB,
  OP_LT,
  OP_GT,
  OP_LE,
  OP_GE,
  OP_EQ,
  OP_NE,
  OP_AND,
  OP_OR,
  OP_IF,
} Op;

typedef struct
{
  Op     op;
  int    a, b, c;   /* indices of the operands in the node array */
  gulong value;     /* for OP_NUMBER */
} Node;

struct _PlPlural
{
  guint   n_forms;
  GArray *nodes;
  int     root;
};

typedef struct
{
  const char *p;
  GArray     *nodes;
  int         depth;
  gboolean    failed;
} Parser;

static int parse_conditional (Parser *parser);

/* Where "key = value" starts in a header line such as "nplurals=2;
 * plural=(n != 1);", returning the value; "plural" is not found inside
 * "nplurals" */
static const char *
find_value (const char *header,
            const char *key)
{
  gsize len = strlen (key);
  const char *p;

  for (p = strstr (header, key); p != NULL; p = strstr (p + 1, key))
    {
      const char *after = p + len;

      if (p != header && !g_ascii_isspace (p[-1]) && p[-1] != ';')
        continue;
      while (g_ascii_isspace (*after))
        after++;
      if (*after == '=')
        return after + 1;
    }
  return NULL;
}

static void
skip_spaces (Parser *parser)
{
  while (g_ascii_isspace (*parser->p))
    parser->p++;
}

/* Consumes the token if it is next */
static gboolean
accept (Parser     *parser,
        const char *token)
{
  gsize len = strlen (token);

  skip_spaces (parser);
  if (strncmp (parser->p, token, len) != 0)
    return FALSE;
  /* "<" must not take the first half of "<=", nor "!" of "!=" */
  if (len == 1 && strchr ("<>!", token[0]) != NULL && parser->p[1] == '=')
    return FALSE;
  parser->p += len;
  return TRUE;
}

static int
add_node (Parser *parser,
          Op      op,
          int     a,
          int     b,
          int     c)
{
  Node node = { op, a, b, c, 0 };

  if (parser->failed || a < -1 || b < -1 || c < -1)
    {
      parser->failed = TRUE;
      return -2;
    }
  g_array_append_val (parser->nodes, node);
  return (int) parser->nodes->len - 1;
}

static int
parse_primary (Parser *parser)
{
  int node;

  if (parser->failed || ++parser->depth > MAX_DEPTH)
    {
      parser->failed = TRUE;
      return -2;
    }

  skip_spaces (parser);
  if (*parser->p == 'n' && !g_ascii_isalnum (parser->p[1]))
    {
      parser->p++;
      node = add_node (parser, OP_N, -1, -1, -1);
    }
  else if (g_ascii_isdigit (*parser->p))
    {
      char *end = NULL;
      guint64 value = g_ascii_strtoull (parser->p, &end, 10);

      parser->p = end;
      node = add_node (parser, OP_NUMBER, -1, -1, -1);
      if (node >= 0)
        g_array_index (parser->nodes, Node, node).value = (gulong) value;
    }
  else if (accept (parser, "("))
    {
      node = parse_conditional (parser);
      if (!accept (parser, ")"))
        parser->failed = TRUE;
    }
  else if (accept (parser, "!"))
    node = add_node (parser, OP_NOT, parse_primary (parser), -1, -1);
  else
    {
      parser->failed = TRUE;
      node = -2;
    }

  parser->depth--;
  return parser->failed ? -2 : node;
}

typedef struct
{
  const char *token;
  Op          op;
} Operator;

/* One level of left-associative binary operators, each level binding more
 * tightly than the one before */
static const Operator *const levels[] = {
  (const Operator[]) { { "||", OP_OR }, { NULL, 0 } },
  (const Operator[]) { { "&&", OP_AND }, { NULL, 0 } },
  (const Operator[]) { { "==", OP_EQ }, { "!=", OP_NE }, { NULL, 0 } },
  (const Operator[]) { { "<=", OP_LE }, { ">=", OP_GE }, { "<", OP_LT }, { ">", OP_GT }, { NULL, 0 } },
  (const Operator[]) { { "+", OP_ADD }, { "-", OP_SUB }, { NULL, 0 } },
  (const Operator[]) { { "*", OP_MUL }, { "/", OP_DIV }, { "%", OP_MOD }, { NULL, 0 } },
};

static int
parse_level (Parser *parser,
             guint   level)
{
  int left;

  if (level == G_N_ELEMENTS (levels))
    return parse_primary (parser);

  left = parse_level (parser, level + 1);
  while (!parser->failed)
    {
      const Operator *op;

      for (op = levels[level]; op->token != NULL; op++)
        if (accept (parser, op->token))
          break;
      if (op->token == NULL)
        break;
      left = add_node (parser, op->op, left, parse_level (parser, level + 1), -1);
    }
  return left;
}

static int
parse_conditional (Parser *parser)
{
  int test;
  int yes;

  if (++parser->depth > MAX_DEPTH)
    {
      parser->failed = TRUE;
      return -2;
    }

  test = parse_level (parser, 0);
  if (accept (parser, "?"))
    {
      yes = parse_conditional (parser);
      if (!accept (parser, ":"))
        parser->failed = TRUE;
      test = add_node (parser, OP_IF, test, yes, parse_conditional (parser));
    }

  parser->depth--;
  return parser->failed ? -2 : test;
}

static gulong
evaluate (const PlPlural *plural,
          int             index,
          gulong          n,
          gboolean       *undefined)
{
  const Node *node = &g_array_index (plural->nodes, Node, index);
  gulong a, b;

  switch (node->op)
    {
    case OP_N:
      return n;
    case OP_NUMBER:
      return node->value;
    case OP_NOT:
      return !evaluate (plural, node->a, n, undefined);
    case OP_AND:
      return evaluate (plural, node->a, n, undefined) && evaluate (plural, node->b, n, undefined);
    case OP_OR:
      return evaluate (plural, node->a, n, undefined) || evaluate (plural, node->b, n, undefined);
    case OP_IF:
      return evaluate (plural, node->a, n, undefined)
        ? evaluate (plural, node->b, n, undefined)
        : evaluate (plural, node->c, n, undefined);
    case OP_MUL: case OP_DIV: case OP_MOD: case OP_ADD: case OP_SUB:
    case OP_LT: case OP_GT: case OP_LE: case OP_GE: case OP_EQ: case OP_NE:
    default:
      break;
    }

  a = evaluate (plural, node->a, n, undefined);
  b = evaluate (plural, node->b, n, undefined);
  switch (node->op)
    {
    case OP_MUL: return a * b;
    case OP_ADD: return a + b;
    case OP_SUB: return a - b;
    case OP_LT:  return a < b;
    case OP_GT:  return a > b;
    case OP_LE:  return a <= b;
    case OP_GE:  return a >= b;
    case OP_EQ:  return a == b;
    case OP_NE:  return a != b;
    case OP_DIV:
    case OP_MOD:
      if (b == 0)
        {
          *undefined = TRUE;
          return 0;
        }
      return node->op == OP_DIV ? a / b : a % b;
    case OP_N: case OP_NUMBER: case OP_NOT: case OP_AND: case OP_OR: case OP_IF:
    default:
      g_assert_not_reached ();
    }
}

PlPlural *
pl_plural_new (const char  *header_value,
               GError     **error)
{
  g_autoptr(PlPlural) plural = g_new0 (PlPlural, 1);
  const char *nplurals;
  const char *expression;
  guint64 n_forms = 0;
  Parser parser = { 0 };

  g_return_val_if_fail (header_value != NULL, NULL);

  plural->nodes = g_array_new (FALSE, FALSE, sizeof (Node));

  nplurals = find_value (header_value, "nplurals");
  expression = find_value (header_value, "plural");
  if (nplurals != NULL)
    n_forms = g_ascii_strtoull (nplurals, NULL, 10);
  if (n_forms < 1 || n_forms > 16 || expression == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The translation does not say how it counts things (its plural forms)."));
      return NULL;
    }
  plural->n_forms = (guint) n_forms;

  parser.p = expression;
  parser.nodes = plural->nodes;
  plural->root = parse_conditional (&parser);
  skip_spaces (&parser);
  if (*parser.p == ';')
    parser.p++;
  skip_spaces (&parser);
  if (parser.failed || plural->root < 0 || *parser.p != '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The translation’s rule for counting things (its plural forms) cannot be read."));
      return NULL;
    }

  return g_steal_pointer (&plural);
}

void
pl_plural_free (PlPlural *plural)
{
  if (plural == NULL)
    return;
  g_array_unref (plural->nodes);
  g_free (plural);
}

guint
pl_plural_get_n_forms (const PlPlural *plural)
{
  g_return_val_if_fail (plural != NULL, 1);
  return plural->n_forms;
}

guint
pl_plural_choose (const PlPlural *plural,
                  gulong          n)
{
  gboolean undefined = FALSE;
  gulong form;

  g_return_val_if_fail (plural != NULL, 0);

  form = evaluate (plural, plural->root, n, &undefined);
  if (undefined || form >= plural->n_forms)
    return plural->n_forms - 1;
  return (guint) form;
}
