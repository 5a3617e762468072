/* pl-sound-server.c: a private sound server for tests, and an ear on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <pulse/error.h>
#include <pulse/simple.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "pl-sound-server.h"
#include "pl-test-util.h"

#define SINK_NAME "plainly_test"
/* Small pieces, so the sink plays in small blocks and each is timed closely */
#define LISTEN_MS 10

/* One folder and socket for every server of this process, so that
 * PULSE_SERVER is set once, before any thread could read it */
static char *server_dir;
static char *server_socket;

struct _PlSoundServer
{
  GSubprocess *process;
  char        *sink;
  guint        rate;

  GThread     *thread;
  pa_simple   *ear;
  gint         listening;   /* atomic */
  GArray      *heard;       /* (element-type gint16) */
  gint64       start_time;
};

/* In the child before pulseaudio starts: it ends with the test, even one
 * that crashed */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
remove_server_dir (void)
{
  pl_test_remove_dir (server_dir);
}

void
pl_sound_server_init (void)
{
  g_autofree char *address = NULL;

  g_return_if_fail (server_dir == NULL);

  server_dir = pl_test_make_dir ("plainly-sound");
  server_socket = g_build_filename (server_dir, "native", NULL);
  address = g_strdup_printf ("unix:%s", server_socket);
  g_setenv ("PULSE_SERVER", address, TRUE);
  atexit (remove_server_dir);
}

static PlSoundServer *
start_once (guint        rate,
            const char  *sink_name,
            GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *sink = NULL;
  g_autofree char *protocol = NULL;
  g_autofree char *log = NULL;
  g_autofree char *address = NULL;
  PlSoundServer *server;
  pa_sample_spec spec = { .format = PA_SAMPLE_S16LE, .rate = rate, .channels = 1 };
  gint64 give_up;

  g_autofree char *program = g_find_program_in_path ("pulseaudio");

  if (program == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "pulseaudio is not installed");
      return NULL;
    }

  g_return_val_if_fail (server_dir != NULL, NULL);

  server = g_new0 (PlSoundServer, 1);
  server->rate = rate;
  server->sink = g_strdup (sink_name != NULL ? sink_name : SINK_NAME);
  sink = g_strdup_printf ("module-null-sink sink_name=%s rate=%u channels=1 format=s16le",
                          server->sink, rate);
  protocol = g_strdup_printf ("module-native-protocol-unix socket=%s auth-anonymous=1",
                              server_socket);
  log = g_build_filename (server_dir, "log", NULL);

  /* Its own home and runtime folders: nothing of the user's is read or
   * changed, and it never meets a desktop's own server */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_setenv (launcher, "HOME", server_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", server_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", server_dir, TRUE);
  /* No session bus and no display: with a display, D-Bus would try to
   * start a bus of its own through X11 */
  g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_set_stderr_file_path (launcher, log);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  server->process = g_subprocess_launcher_spawn (launcher, error, "pulseaudio",
                                                 "-n", "--daemonize=no", "--use-pid-file=no",
                                                 "--exit-idle-time=-1", "--disallow-exit",
                                                 "--realtime=no", "--high-priority=no",
                                                 "--log-target=stderr",
                                                 "-L", sink, "-L", protocol, NULL);
  if (server->process == NULL)
    {
      pl_sound_server_free (server);
      return NULL;
    }

  address = g_strdup_printf ("unix:%s", server_socket);

  /* Ready when a stream can be opened */
  give_up = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < give_up)
    {
      pa_simple *probe = NULL;

      if (g_file_test (server_socket, G_FILE_TEST_EXISTS))
        probe = pa_simple_new (address, "Plainly tests", PA_STREAM_PLAYBACK, server->sink,
                               "Probe", &spec, NULL, NULL, NULL);
      if (probe != NULL)
        {
          pa_simple_free (probe);
          return server;
        }
      if (g_subprocess_get_identifier (server->process) == NULL)
        break;
      g_usleep (20000);
    }

  {
    g_autofree char *text = NULL;
    const char *how = "still not ready";

    if (g_subprocess_get_identifier (server->process) == NULL)
      how = g_subprocess_get_if_signaled (server->process) ?
            g_strsignal (g_subprocess_get_term_sig (server->process)) : "it ended";
    g_file_get_contents (log, &text, NULL, NULL);
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "pulseaudio did not start (%s): %s",
                 how, text != NULL ? text : "");
  }
  pl_sound_server_free (server);
  return NULL;
}

PlSoundServer *
pl_sound_server_start (guint        rate,
                       const char  *sink_name,
                       GError     **error)
{
  /* On a busy machine a server has been seen to end as it started: try
   * again before giving up */
  for (guint attempt = 1; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      PlSoundServer *server = start_once (rate, sink_name, &local_error);

      if (server != NULL)
        return server;
      if (attempt == 3 || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_test_message ("%s; trying again", local_error->message);
    }
}

void
pl_sound_server_kill (PlSoundServer *server)
{
  g_return_if_fail (server != NULL);

  if (server->process == NULL)
    return;
  g_subprocess_send_signal (server->process, SIGKILL);
  g_subprocess_wait (server->process, NULL, NULL);
  g_clear_object (&server->process);
  /* Left behind by a killed server; the next one makes its own */
  g_unlink (server_socket);
}

static gpointer
listen_thread (gpointer data)
{
  PlSoundServer *server = data;
  gint16 piece[(48000 * LISTEN_MS) / 1000];
  gsize n = MIN (G_N_ELEMENTS (piece), server->rate * LISTEN_MS / 1000);

  while (g_atomic_int_get (&server->listening))
    {
      gint64 offset;
      int status = 0;

      if (pa_simple_read (server->ear, piece, n * sizeof (gint16), &status) < 0)
        break;
      g_array_append_vals (server->heard, piece, n);

      /* A piece can arrive late but never before it was played, so the
       * earliest estimate of when sample 0 was played is the truest */
      offset = g_get_monotonic_time () -
               (gint64) ((guint64) server->heard->len * G_USEC_PER_SEC / server->rate);
      if (server->start_time == 0 || offset < server->start_time)
        server->start_time = offset;
    }
  return NULL;
}

gboolean
pl_sound_server_listen (PlSoundServer *server,
                        GError       **error)
{
  pa_sample_spec spec = { .format = PA_SAMPLE_S16LE, .rate = server->rate, .channels = 1 };
  pa_buffer_attr attr = {
    .maxlength = (guint32) -1,
    .fragsize = (guint32) pa_usec_to_bytes (LISTEN_MS * 1000, &spec),
  };
  g_autofree char *address = g_strdup_printf ("unix:%s", server_socket);
  g_autofree char *monitor = g_strdup_printf ("%s.monitor", server->sink);
  int status = 0;

  g_return_val_if_fail (server->thread == NULL, FALSE);

  server->ear = pa_simple_new (address, "Plainly tests", PA_STREAM_RECORD,
                               monitor, "Listening", &spec, NULL, &attr, &status);
  if (server->ear == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot listen to the sink: %s",
                   pa_strerror (status));
      return FALSE;
    }
  server->heard = g_array_new (FALSE, FALSE, sizeof (gint16));
  server->start_time = 0;
  g_atomic_int_set (&server->listening, TRUE);
  server->thread = g_thread_new ("listen", listen_thread, server);
  return TRUE;
}

GArray *
pl_sound_server_stop_listening (PlSoundServer *server,
                                gint64        *out_start_time)
{
  g_return_val_if_fail (server->thread != NULL, NULL);

  g_atomic_int_set (&server->listening, FALSE);
  g_thread_join (g_steal_pointer (&server->thread));
  g_clear_pointer (&server->ear, pa_simple_free);
  if (out_start_time != NULL)
    *out_start_time = server->start_time;
  return g_steal_pointer (&server->heard);
}

void
pl_sound_server_free (PlSoundServer *server)
{
  if (server == NULL)
    return;

  if (server->thread != NULL)
    g_array_unref (pl_sound_server_stop_listening (server, NULL));
  pl_sound_server_kill (server);
  g_free (server->sink);
  g_free (server);
}
