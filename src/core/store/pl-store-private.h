/* pl-store-private.h: what the files of PlStore share, and what only tests may call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PlStore is one type in several files, one job each: the connection and its
 * transactions (pl-store.c), opening and refusing bad files
 * (pl-store-open.c), migrations, repairs and backups (pl-store-migrate.c),
 * typed record reading and writing (pl-store-records.c), the history and
 * erasure (pl-store-history.c), lookups (pl-store-lookup.c) and checks
 * (pl-store-check.c).
 */

#pragma once

#include <sqlite3.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* "Plny": marks a database as ours, so we never migrate somebody else's file */
#define PL_APPLICATION_ID 0x506c6e79
/* The most wrong tries in a row a count can hold; a count out of 1 to this
 * was written by another program or damaged */
#define PL_STORE_TRIES_MAX 1000000

struct _PlStore
{
  sqlite3    *db;
  char       *path;
  char       *actor;
  GHashTable *statements;  /* SQL text → sqlite3_stmt */
  guint       depth;       /* open transactions: 0 none, 1 BEGIN, 2+ savepoints */
  int         schema_version;
  GDateTime  *clock;       /* a fixed time set by tests, or NULL */
  gboolean    read_only;   /* nothing may be written to the file */
  GPtrArray  *notices;     /* (element-type utf8): what opening it did or found */
  PlStoreCommitFunc commit_func;   /* told after this connection commits */
  gpointer    commit_data;
  GMainContext *commit_context;    /* where commit_func is called */
  int         commit_pending;      /* (atomic) a call is on its way */
};

/* The connection (pl-store.c) */

/* The file's name without its folder, for messages */
const char   *pl_store_file_name              (const char          *path);
/* self may be NULL when there is no connection to ask for details */
void          pl_store_set_sqlite_error       (PlStore             *self,
                                               int                  rc,
                                               GError             **error);
/* A statement kept for the life of the connection, reset and unbound */
sqlite3_stmt *pl_store_prepare                (PlStore             *self,
                                               const char          *sql,
                                               GError             **error);
gboolean      pl_store_exec                   (PlStore             *self,
                                               const char          *sql,
                                               GError             **error);
/* The first column of the first row; out is untouched when there is none */
gboolean      pl_store_query_int              (PlStore             *self,
                                               const char          *sql,
                                               gint64              *out,
                                               GError             **error);
/* Steps a statement that returns no rows, and resets it */
gboolean      pl_store_step_done              (PlStore             *self,
                                               sqlite3_stmt        *stmt,
                                               GError             **error);
/* The store's clock now, as stamped on records */
char         *pl_store_now_text               (PlStore             *self);

/* Opening (pl-store-open.c) */

/* An empty file only its owner may read, or a plain error */
gboolean      pl_store_create_private_file    (const char          *path,
                                               GError             **error);
/* Takes text */
void          pl_store_add_notice             (PlStore             *self,
                                               char                *text);

/* Migrations, repairs and backups (pl-store-migrate.c) */

/* Runs each migration newer than the file, one transaction each */
gboolean      pl_store_migrate                (PlStore             *self,
                                               GError             **error);
gboolean      pl_store_diary_search_is_whole  (PlStore             *self,
                                               gboolean            *whole,
                                               GError             **error);
gboolean      pl_store_repair_diary_search    (PlStore             *self,
                                               GError             **error);
gboolean      pl_store_back_up_before_update  (PlStore             *self,
                                               GError             **error);
gboolean      pl_store_read_through_updated_copy (PlStore          *self,
                                                  GError          **error);

/* Records (pl-store-records.c) */

/* type's columns, comma-separated, with or without its id */
char         *pl_store_column_list            (const PlRecordType  *type,
                                               gboolean             with_id);
/* A SELECT of all of type's columns, with tail after FROM */
sqlite3_stmt *pl_store_select_where           (PlStore             *self,
                                               const PlRecordType  *type,
                                               const char          *tail,
                                               GError             **error);
/* Steps a SELECT of all of type's columns and collects the rows */
GPtrArray    *pl_store_collect                (PlStore             *self,
                                               const PlRecordType  *type,
                                               sqlite3_stmt        *stmt,
                                               GError             **error);

/* The history (pl-store-history.c) */

gboolean      pl_store_add_history            (PlStore             *self,
                                               const PlRecordType  *type,
                                               gint64               record_id,
                                               const char          *at,
                                               const char          *field,
                                               const char          *old_value,
                                               const char          *new_value,
                                               GError             **error);

/* Testing */

/* Makes the database behave as if the disk were full beyond this many pages */
void pl_store_set_max_pages_for_testing (PlStore *self,
                                         int      pages);

G_END_DECLS
