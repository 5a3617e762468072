# orca_session.py: Orca itself, reading Plainly, in a session of its own
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What test-orca.py and bench-orca.py share. A run gets its own D-Bus
# session (and through it its own accessibility bus), its own X display
# (Xvfb), its own PulseAudio with a null sink, speech-dispatcher speaking
# through espeak-ng into that sink, and Orca with a private home: nothing of
# the person running it is read or changed, and nothing is heard.
#
# Orca writes what it says to its debug log as "SPEECH OUTPUT: '…'" lines.
# The log is given a pseudo-terminal rather than a file, so that Python
# writes it a line at a time instead of in 8 KB blocks: each line is read as
# Orca writes it, and the test waits for words, not for fixed times.

import os
import pty
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import tty

# Everything a run needs, as (program, Debian package)
PROGRAMS = [
    ('orca', 'orca'),
    ('speech-dispatcher', 'speech-dispatcher'),
    ('xdotool', 'xdotool'),
    ('Xvfb', 'xvfb'),
    ('dbus-run-session', 'dbus'),
    ('pulseaudio', 'pulseaudio'),
]
SPEECHD_MODULE = '/usr/lib/speech-dispatcher-modules/sd_espeak-ng'

INNER_FLAG = 'PL_ORCA_SESSION'

# "05:40:03.656929 - SPEECH OUTPUT: 'Screen reader on.'{'established': False}"
SPEECH = re.compile(r"SPEECH OUTPUT: '(.*)'(?:\{.*\}|\s+voice=.*)?\s*$")
# Each piece of a Say All as Orca hands it to the voice, with the object it
# is read from: "DEFAULT SAY ALL: [label | ] 'Text…' (0-45, current: 0)"
SAY_ALL = re.compile(r"SAY ALL: (\[.*?\]) '(.*)' \(\d+-\d+, current: -?\d+\)\s*$")
# Orca's record of a key it was given, pressed or released
KEY_EVENT = re.compile(r'KEYBOARD EVENT.*?type=(\S+)')


def missing_programs():
    """Why a run cannot happen here, or None when everything is installed."""
    missing = [package for program, package in PROGRAMS if shutil.which(program) is None]
    if not os.path.exists(SPEECHD_MODULE):
        missing.append('speech-dispatcher-espeak-ng')
    if missing:
        return 'not installed: ' + ', '.join(missing)
    return None


def other_orca():
    """Orca 43 will not start while another Orca of the same user runs
    (and --replace would end that one): the pid of such an Orca, or None."""
    try:
        out = subprocess.run(['pgrep', '-u', str(os.getuid()), '-x', 'orca'],
                             capture_output=True, text=True).stdout
    except OSError:
        return None
    pids = [int(p) for p in out.split()]
    return pids[0] if pids else None


TAP_LINE = re.compile(r'^(ok\b|not ok\b|1\.\.|#|Bail out!|TAP version)')


def run_in_private_session(argv):
    """Runs argv again inside dbus-run-session, with private folders, and
    returns its exit status. The accessibility bus is started by the new
    session bus and its socket goes in the new runtime folder."""
    tmp = tempfile.mkdtemp(prefix='plainly-orca-')
    try:
        env = dict(os.environ)
        for var in ('DISPLAY', 'WAYLAND_DISPLAY', 'AT_SPI_BUS_ADDRESS', 'PULSE_SERVER',
                    'SPEECHD_ADDRESS', 'NO_AT_BRIDGE', 'GTK_A11Y', 'SESSION_MANAGER',
                    'DBUS_SESSION_BUS_ADDRESS'):
            env.pop(var, None)
        env[INNER_FLAG] = tmp
        for folder in ('home', 'runtime', 'config', 'data', 'cache', 'state'):
            os.makedirs(os.path.join(tmp, folder), mode=0o700)
        env.update({
            'HOME': os.path.join(tmp, 'home'),
            'XDG_RUNTIME_DIR': os.path.join(tmp, 'runtime'),
            'XDG_CONFIG_HOME': os.path.join(tmp, 'config'),
            'XDG_DATA_HOME': os.path.join(tmp, 'data'),
            'XDG_CACHE_HOME': os.path.join(tmp, 'cache'),
            'XDG_STATE_HOME': os.path.join(tmp, 'state'),
            'GSETTINGS_BACKEND': 'memory',
            'LC_ALL': 'C.UTF-8',
            'LANG': 'C.UTF-8',
        })
        # The session's own services (the accessibility registry) print to
        # the same output as the test: their lines become TAP comments
        inner = subprocess.Popen(['dbus-run-session', '--', sys.executable] + argv,
                                 env=env, stdout=subprocess.PIPE, text=True,
                                 errors='replace')
        for line in inner.stdout:
            if not TAP_LINE.match(line):
                line = '# ' + line
            sys.stdout.write(line)
            sys.stdout.flush()
        return inner.wait()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _die_with_parent():
    # PR_SET_PDEATHSIG: nothing started here outlives a test that crashed
    try:
        import ctypes
        ctypes.CDLL('libc.so.6').prctl(1, signal.SIGKILL)
    except OSError:
        pass


class SessionError(Exception):
    pass


class Log:
    """Orca's debug log, read a line at a time from a pseudo-terminal."""

    def __init__(self, copy_path):
        self.master, self.slave = pty.openpty()
        tty.setraw(self.slave)           # no \r added, no echo
        self.path = os.ttyname(self.slave)
        self.lines = []
        self.cond = threading.Condition()
        self.copy = open(copy_path, 'w', encoding='utf-8')
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self):
        pending = b''
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                break
            if not chunk:
                break
            pending += chunk
            *complete, pending = pending.split(b'\n')
            if complete:
                text = [line.decode('utf-8', 'replace').rstrip('\r') for line in complete]
                with self.cond:
                    self.lines.extend(text)
                    self.cond.notify_all()
                self.copy.write('\n'.join(text) + '\n')
                self.copy.flush()

    def mark(self):
        with self.cond:
            return len(self.lines)

    def since(self, mark):
        with self.cond:
            return list(self.lines[mark:])

    def wait(self, predicate, mark, timeout):
        """Waits until predicate (lines since mark) is true; its last value."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                found = predicate(self.lines[mark:])
                remaining = deadline - time.monotonic()
                if found or remaining <= 0:
                    return found
                self.cond.wait(min(remaining, 0.2))

    def wait_quiet(self, mark, quiet, timeout):
        """Waits until no line has come for quiet seconds, at most timeout."""
        deadline = time.monotonic() + timeout
        with self.cond:
            count = len(self.lines)
            last = time.monotonic()
            while time.monotonic() < deadline:
                self.cond.wait(0.05)
                if len(self.lines) != count:
                    count = len(self.lines)
                    last = time.monotonic()
                elif time.monotonic() - last >= quiet:
                    break
            return self.lines[mark:]

    def close(self):
        for fd in (self.slave, self.master):
            try:
                os.close(fd)
            except OSError:
                pass
        self.thread.join(timeout=2)
        self.copy.close()


def speech(lines):
    """The words Orca spoke in lines, in order. Words with a line break in
    them run on over several lines of the log; they are joined by a space."""
    said = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if 'SPEECH OUTPUT: ' not in line:
            continue
        whole = line
        m = SPEECH.search(whole)
        while m is None and i < len(lines) and ' - ' not in lines[i][:20]:
            whole += ' ' + lines[i].strip()
            i += 1
            m = SPEECH.search(whole)
        if m and m.group(1).strip():
            said.append(m.group(1))
    return said


def said_all(lines):
    """The pieces of a Say All in lines, in order, as (object, words)."""
    pieces = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if 'SAY ALL: ' not in line:
            continue
        whole = line
        m = SAY_ALL.search(whole)
        while m is None and i < len(lines) and ' - ' not in lines[i][:20]:
            whole += ' ' + lines[i].strip()
            i += 1
            m = SAY_ALL.search(whole)
        if m and m.group(2).strip():
            pieces.append((m.group(1), m.group(2)))
    return pieces


class Session:
    """Xvfb, PulseAudio, Orca and Plainly, started in order by start()."""

    def __init__(self, build_root, folder):
        self.build_root = build_root
        self.folder = folder
        self.processes = []
        self.log = None
        self.app = None
        self.env = dict(os.environ)

    # Starting -----------------------------------------------------------

    def _spawn(self, argv, env=None, **kwargs):
        process = subprocess.Popen(argv, env=env or self.env, preexec_fn=_die_with_parent,
                                   **kwargs)
        self.processes.append(process)
        return process

    def _start_display(self):
        read_fd, write_fd = os.pipe()
        stderr = open(os.path.join(self.folder, 'xvfb.log'), 'w')
        self._spawn(['Xvfb', '-displayfd', str(write_fd), '-screen', '0', '1280x1024x24',
                     '-nolisten', 'tcp', '-noreset'],
                    pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=stderr)
        os.close(write_fd)
        number = b''
        deadline = time.monotonic() + 20
        while not number.endswith(b'\n') and time.monotonic() < deadline:
            chunk = os.read(read_fd, 16)
            if not chunk:
                break
            number += chunk
        os.close(read_fd)
        if not number.strip():
            raise SessionError('Xvfb did not start')
        self.env['DISPLAY'] = ':' + number.decode().strip()

    def _start_sound(self):
        sound = os.path.join(self.folder, 'sound')
        os.makedirs(sound, mode=0o700)
        socket = os.path.join(sound, 'native')
        env = dict(self.env, HOME=sound, XDG_RUNTIME_DIR=sound, XDG_CONFIG_HOME=sound)
        # No session bus and no display for the sound server (as in
        # pl-sound-server.c): it must not look for a desktop's own
        for var in ('DBUS_SESSION_BUS_ADDRESS', 'DISPLAY'):
            env.pop(var, None)
        log = open(os.path.join(self.folder, 'pulseaudio.log'), 'w')
        self._spawn(['pulseaudio', '-n', '--daemonize=no', '--use-pid-file=no',
                     '--exit-idle-time=-1', '--disallow-exit', '--realtime=no',
                     '--high-priority=no', '--log-target=stderr',
                     '-L', 'module-null-sink sink_name=plainly_orca',
                     '-L', f'module-native-protocol-unix socket={socket} auth-anonymous=1'],
                    env=env, stdout=subprocess.DEVNULL, stderr=log)
        deadline = time.monotonic() + 20
        while not os.path.exists(socket):
            if time.monotonic() > deadline:
                raise SessionError('PulseAudio did not start (see pulseaudio.log)')
            time.sleep(0.05)
        self.env['PULSE_SERVER'] = f'unix:{socket}'

    def _configure_speech(self):
        conf = os.path.join(self.env['XDG_CONFIG_HOME'], 'speech-dispatcher')
        os.makedirs(os.path.join(conf, 'modules'), exist_ok=True)
        with open(os.path.join(conf, 'speechd.conf'), 'w') as f:
            f.write('AudioOutputMethod "pulse"\n'
                    'DefaultModule espeak-ng\n'
                    'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\n'
                    'DefaultLanguage "en"\n'
                    'LogLevel 2\n'
                    f'LogDir "{self.folder}"\n')
        open(os.path.join(conf, 'modules', 'espeak-ng.conf'), 'w').close()

    def _start_orca(self, timeout):
        self.log = Log(os.path.join(self.folder, 'orca-debug.log'))
        stderr = open(os.path.join(self.folder, 'orca.log'), 'w')
        self.orca = self._spawn(['orca', '--disable=braille,key-echo', f'--debug-file={self.log.path}'],
                                stdout=stderr, stderr=stderr)
        # Ready when its keyboard listener is in place: from then on it
        # hears the keys and the focus
        ready = self.log.wait(lambda lines: any('ORCA: Startup complete' in line
                                                for line in lines), 0, timeout)
        if self.orca.poll() is not None:
            raise SessionError(f'Orca exited with status {self.orca.returncode} '
                               f'(see orca.log)')
        if not ready:
            raise SessionError(f'Orca did not start within {timeout} s')

    def start(self, timeout=60):
        self._start_display()
        self._start_sound()
        self._configure_speech()
        self._start_orca(timeout)

    def make_database(self):
        database = os.path.join(self.folder, 'demo.db')
        subprocess.run([os.path.join(self.build_root, 'src', 'cli', 'plainly-cli'),
                        '--db', database, 'demo'],
                       check=True, stdout=subprocess.DEVNULL, env=self.env)
        return database

    def start_app(self, database, extra_env=None):
        env = dict(self.env)
        env.update({'GTK_A11Y': 'atspi', 'GSK_RENDERER': 'cairo', 'GDK_BACKEND': 'x11'})
        env.update(extra_env or {})
        log = open(os.path.join(self.folder, 'plainly.log'), 'w')
        self.app = self._spawn([os.path.join(self.build_root, 'src', 'app', 'plainly'),
                                '--db', database], env=env, stdout=log, stderr=log)
        return self.app

    # Driving --------------------------------------------------------------

    def key(self, *keys):
        subprocess.run(['xdotool', 'key', '--clearmodifiers'] + list(keys),
                       env=self.env, check=True)

    def press(self, keys, want=None, timeout=8.0, quiet=0.6):
        """Presses keys (one xdotool key name or a list) and returns what Orca
        said for them: everything it spoke until it fell quiet, or, with
        want, until want (a string or a function of the words) is heard."""
        if isinstance(keys, str):
            keys = [keys]
        mark = self.log.mark()
        self.key(*keys)
        return self.listen(mark, want, timeout, quiet)

    def listen(self, mark, want=None, timeout=8.0, quiet=0.6):
        if want is not None:
            if isinstance(want, str):
                text = want
                want = lambda words: any(text in w for w in words)  # noqa: E731
            self.log.wait(lambda lines: want(speech(lines)), mark, timeout)
            return speech(self.log.wait_quiet(mark, quiet, quiet * 3))
        # Something is said (or not, by the timeout), then it falls quiet
        self.log.wait(lambda lines: speech(lines), mark, timeout)
        return speech(self.log.wait_quiet(mark, quiet, timeout))

    # Stopping -------------------------------------------------------------

    def stop(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
        for process in reversed(self.processes):
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self.log is not None:
            self.log.close()
