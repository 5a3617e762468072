/* pl-sound-server.h: a private sound server for tests, and an ear on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts PulseAudio with one null sink, a speaker that plays into nothing at
 * the pace of a real one, on a socket of its own, and points this process's
 * PULSE_SERVER at it (pl_sound_server_init). The recorder listens to what the sink plays and knows
 * when each sample was played, so a test can compare what Plainly showed
 * with what a person would have heard.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PlSoundServer PlSoundServer;

/* First thing in main, before any thread starts: points PULSE_SERVER at the
 * socket every server of this process will listen on */
void           pl_sound_server_init         (void);
/* Its one sink, and so the default, is sink_name (NULL: "plainly_test").
 * Fails when `pulseaudio` is not installed or does not start. */
PlSoundServer *pl_sound_server_start        (guint          rate,
                                             const char    *sink_name,
                                             GError       **error);
/* Ends the server at once, as a crashed or unplugged one would */
void           pl_sound_server_kill         (PlSoundServer *server);
void           pl_sound_server_free         (PlSoundServer *server);

/* Starts listening to the sink in a thread of its own */
gboolean       pl_sound_server_listen       (PlSoundServer *server,
                                             GError       **error);
/* Stops listening: every sample the sink played since listen, and when
 * the first of them was played (g_get_monotonic_time) */
GArray        *pl_sound_server_stop_listening (PlSoundServer *server,
                                             gint64        *out_start_time);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlSoundServer, pl_sound_server_free)

G_END_DECLS
