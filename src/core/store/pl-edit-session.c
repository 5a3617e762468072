/* pl-edit-session.c: one thing being edited, with undo, drafts and saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Undo keeps the content's JSON before each step; the JSON after the last
 * change is kept too, so a widget may change the content in place first and
 * say so after. The drafts are in pl-edit-session-drafts.c.
 */

#define G_LOG_DOMAIN "Plainly"

#include "config.h"

#include "pl-edit-session-private.h"

/* A pause this long in typing ends one undo step */
#define STEP_PAUSE_USEC (2 * G_USEC_PER_SEC)

G_DEFINE_FINAL_TYPE (PlEditSession, pl_edit_session, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CONTENT,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_DIRTY,
  PROP_HAS_RECOVERED_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
monotonic_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

/* State, and telling it */

static void
update_state (PlEditSession *self,
              gboolean       replaced)
{
  gboolean can_undo = self->undo->len > 0;
  gboolean can_redo = self->redo->len > 0;
  gboolean dirty = g_strcmp0 (self->current_json, self->saved_json) != 0;
  gboolean has_recovered = self->recovered != NULL;

  g_object_freeze_notify (G_OBJECT (self));
  if (replaced)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
#define UPDATE(field, prop) \
  if (self->field != field) { self->field = field; g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); }
  UPDATE (can_undo, PROP_CAN_UNDO);
  UPDATE (can_redo, PROP_CAN_REDO);
  UPDATE (dirty, PROP_DIRTY);
  UPDATE (has_recovered, PROP_HAS_RECOVERED_DRAFT);
#undef UPDATE
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, replaced);
}

static void
count_new_cb (const PlRecordType *type,
              gpointer            record,
              gpointer            user_data)
{
  gint64 *lowest = user_data;

  *lowest = MIN (*lowest, PL_RECORD_ID (record));
}

/* A content from elsewhere (a load, a snapshot): new steps start again */
static void
set_content (PlEditSession *self,
             gpointer       content)
{
  gint64 lowest = 0;

  if (self->content != NULL)
    self->kind->free (self->content);
  self->content = content;
  g_free (self->current_json);
  self->current_json = content != NULL ? self->kind->to_json (content) : NULL;
  self->last_record = NULL;
  g_clear_pointer (&self->last_field, g_free);
  if (content != NULL)
    self->kind->foreach_record (content, count_new_cb, &lowest);
  self->next_new_id = MIN (self->next_new_id, lowest - 1);
}

static void
reset_history (PlEditSession *self)
{
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->last_record = NULL;
  g_clear_pointer (&self->last_field, g_free);
}

static void
clear_recovered (PlEditSession *self)
{
  if (self->recovered != NULL)
    self->kind->free (self->recovered);
  self->recovered = NULL;
  g_clear_pointer (&self->recovered_time, g_free);
}

/* Loading */

static gboolean
take_saved (PlEditSession  *self,
            gpointer        saved,
            GError        **error)
{
  gpointer content;

  clear_recovered (self);
  if (self->saved != NULL)
    self->kind->free (self->saved);
  self->saved = saved;
  g_free (self->saved_json);
  self->saved_json = self->kind->to_json (saved);
  content = self->kind->from_json (self->saved_json, error);
  if (content == NULL)
    return FALSE;
  self->next_new_id = -1;
  set_content (self, content);
  reset_history (self);

  return pl_edit_session_recover_drafts (self, error);
}

static void
unload (PlEditSession *self)
{
  clear_recovered (self);
  set_content (self, NULL);
  if (self->saved != NULL)
    self->kind->free (self->saved);
  self->saved = NULL;
  g_clear_pointer (&self->saved_json, g_free);
  reset_history (self);
}

gboolean
pl_edit_session_load (PlEditSession  *self,
                      gint64          id,
                      GError        **error)
{
  gpointer saved;

  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  saved = self->kind->load (self->store, id, error);
  if (saved == NULL || !take_saved (self, saved, error))
    {
      if (saved != NULL)
        unload (self);
      update_state (self, TRUE);
      return FALSE;
    }
  update_state (self, TRUE);
  return TRUE;
}

gboolean
pl_edit_session_load_new (PlEditSession  *self,
                          gpointer        initial,
                          GError        **error)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  g_return_val_if_fail (initial != NULL, FALSE);

  if (!take_saved (self, initial, error))
    {
      unload (self);
      update_state (self, TRUE);
      return FALSE;
    }
  update_state (self, TRUE);
  return TRUE;
}

gboolean
pl_edit_session_is_loaded (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  return self->content != NULL;
}

gpointer
pl_edit_session_get_content (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), NULL);
  return self->content;
}

gconstpointer
pl_edit_session_get_saved (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), NULL);
  return self->saved;
}

/* Changes and steps */

gboolean
pl_edit_session_changed (PlEditSession  *self,
                         gconstpointer   record,
                         const char     *field,
                         GError        **error)
{
  g_autofree char *json = NULL;
  gint64 now;
  gboolean ok;

  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  g_return_val_if_fail (self->content != NULL, FALSE);
  g_return_val_if_fail (self->recovered == NULL, FALSE);

  json = self->kind->to_json (self->content);
  now = self->clock (self->clock_data);
  if (g_strcmp0 (json, self->current_json) == 0)
    return TRUE;

  /* Typing on in the same field is part of the same step, until a pause */
  if (record == NULL || record != self->last_record || g_strcmp0 (field, self->last_field) != 0 ||
      now - self->last_edit >= STEP_PAUSE_USEC)
    {
      g_ptr_array_add (self->undo, g_steal_pointer (&self->current_json));
      g_ptr_array_set_size (self->redo, 0);
      self->last_record = record;
      g_free (self->last_field);
      self->last_field = g_strdup (field);
    }
  self->last_edit = now;
  g_free (self->current_json);
  self->current_json = g_steal_pointer (&json);

  ok = pl_edit_session_sync_drafts (self, error);
  update_state (self, FALSE);
  return ok;
}

gboolean
pl_edit_session_can_undo (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  return self->undo->len > 0;
}

gboolean
pl_edit_session_can_redo (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  return self->redo->len > 0;
}

gboolean
pl_edit_session_is_dirty (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  return self->content != NULL && g_strcmp0 (self->current_json, self->saved_json) != 0;
}

/* Takes the newest snapshot of from, keeping the present one on to */
static gboolean
step (PlEditSession  *self,
      GPtrArray      *from,
      GPtrArray      *to,
      GError        **error)
{
  g_autofree char *json = NULL;
  gpointer content;
  gboolean ok;

  g_return_val_if_fail (self->content != NULL && self->recovered == NULL, FALSE);
  g_return_val_if_fail (from->len > 0, FALSE);

  json = g_ptr_array_steal_index (from, from->len - 1);
  content = self->kind->from_json (json, error);
  if (content == NULL)
    {
      g_ptr_array_add (from, g_steal_pointer (&json));
      return FALSE;
    }
  g_ptr_array_add (to, g_strdup (self->current_json));
  set_content (self, content);
  ok = pl_edit_session_sync_drafts (self, error);
  update_state (self, TRUE);
  return ok;
}

gboolean
pl_edit_session_undo (PlEditSession  *self,
                      GError        **error)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  return step (self, self->undo, self->redo, error);
}

gboolean
pl_edit_session_redo (PlEditSession  *self,
                      GError        **error)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  return step (self, self->redo, self->undo, error);
}

gint64
pl_edit_session_take_new_id (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), 0);
  return self->next_new_id--;
}

/* Drafts offered back */

gboolean
pl_edit_session_has_recovered_draft (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  return self->recovered != NULL;
}

gconstpointer
pl_edit_session_get_recovered_content (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), NULL);
  return self->recovered;
}

const char *
pl_edit_session_get_recovered_time (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), NULL);
  return self->recovered_time;
}

void
pl_edit_session_restore_draft (PlEditSession *self)
{
  gpointer recovered;

  g_return_if_fail (PL_IS_EDIT_SESSION (self));
  g_return_if_fail (self->recovered != NULL);

  /* The drafts already hold it: nothing to write */
  recovered = g_steal_pointer (&self->recovered);
  g_clear_pointer (&self->recovered_time, g_free);
  set_content (self, recovered);
  reset_history (self);
  update_state (self, TRUE);
}

gboolean
pl_edit_session_discard (PlEditSession  *self,
                         GError        **error)
{
  gpointer content;

  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  g_return_val_if_fail (self->saved != NULL, FALSE);

  if (!pl_store_begin (self->store, error))
    return FALSE;
  if (!pl_edit_session_delete_drafts (self, error))
    {
      pl_store_rollback (self->store);
      return FALSE;
    }
  if (!pl_store_commit (self->store, error))
    return FALSE;

  content = self->kind->from_json (self->saved_json, error);
  if (content == NULL)
    return FALSE;
  clear_recovered (self);
  set_content (self, content);
  reset_history (self);
  update_state (self, TRUE);
  return TRUE;
}

/* Saving */

gboolean
pl_edit_session_save (PlEditSession  *self,
                      const char     *actor,
                      gint64         *out_id,
                      GError        **error)
{
  g_autofree char *previous = NULL;
  gint64 id = 0, target = 0;
  gboolean ok;

  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), FALSE);
  g_return_val_if_fail (self->content != NULL, FALSE);
  g_return_val_if_fail (self->recovered == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Whatever is on screen goes in, even if a draft failed to save earlier;
   * written first, so a refused save keeps the drafts */
  if (!pl_edit_session_sync_drafts (self, error))
    return FALSE;

  previous = g_strdup (pl_store_get_actor (self->store));
  if (actor != NULL)
    pl_store_set_actor (self->store, actor);
  ok = pl_store_begin (self->store, error);
  if (ok)
    {
      ok = self->kind->save (self, &id, &target, error);
      if (ok)
        ok = pl_store_commit (self->store, error);
      else
        pl_store_rollback (self->store);
    }
  if (actor != NULL)
    pl_store_set_actor (self->store, previous);
  if (!ok)
    return FALSE;

  if (out_id != NULL)
    *out_id = id;
  return pl_edit_session_load (self, target, error);
}

/* The rest */

PlStore *
pl_edit_session_get_store (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), NULL);
  return self->store;
}

gint64
pl_edit_session_get_staff_id (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), 0);
  return self->staff_id;
}

gint64
pl_edit_session_get_person_id (PlEditSession *self)
{
  g_return_val_if_fail (PL_IS_EDIT_SESSION (self), 0);
  return self->person_id;
}

void
pl_edit_session_set_clock (PlEditSession *self,
                           PlEditClock    clock,
                           gpointer       user_data)
{
  g_return_if_fail (PL_IS_EDIT_SESSION (self));

  self->clock = clock != NULL ? clock : monotonic_clock;
  self->clock_data = clock != NULL ? user_data : NULL;
}

PlEditSession *
pl_edit_session_new (const PlEditKind *kind,
                     PlStore          *store,
                     gint64            staff_id,
                     gint64            person_id)
{
  PlEditSession *self;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (PL_TYPE_EDIT_SESSION, NULL);
  self->kind = kind;
  self->store = pl_store_ref (store);
  self->staff_id = staff_id;
  self->person_id = person_id;
  return self;
}

static void
pl_edit_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PlEditSession *self = PL_EDIT_SESSION (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_pointer (value, self->content);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, pl_edit_session_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, pl_edit_session_can_redo (self));
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, pl_edit_session_is_dirty (self));
      break;
    case PROP_HAS_RECOVERED_DRAFT:
      g_value_set_boolean (value, self->recovered != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_edit_session_finalize (GObject *object)
{
  PlEditSession *self = PL_EDIT_SESSION (object);

  if (self->kind != NULL)
    unload (self);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->store, pl_store_unref);

  G_OBJECT_CLASS (pl_edit_session_parent_class)->finalize (object);
}

static void
pl_edit_session_class_init (PlEditSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = pl_edit_session_get_property;
  object_class->finalize = pl_edit_session_finalize;

  properties[PROP_CONTENT] =
    g_param_spec_pointer ("content", NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_RECOVERED_DRAFT] =
    g_param_spec_boolean ("has-recovered-draft", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* replaced: the content is a new one (undo, redo, a load…), so what
   * shows it is built again; FALSE after pl_edit_session_changed () */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
pl_edit_session_init (PlEditSession *self)
{
  self->undo = g_ptr_array_new_with_free_func (g_free);
  self->redo = g_ptr_array_new_with_free_func (g_free);
  self->clock = monotonic_clock;
  self->next_new_id = -1;
}
