# atspi_common.py: what the AT-SPI tests share: walking the tree as Orca
# does, telling a real name from none, and starting the app on a demo
# database
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, Gio, GLib  # noqa: E402

WAIT_SECONDS = 20
POLL_SECONDS = 0.1

R = Atspi.Role

# What a person presses, types into or chooses: each needs a name to be
# announced (WCAG 4.1.2)
CONTROL_ROLES = {
    R.PUSH_BUTTON, R.TOGGLE_BUTTON, R.LINK, R.CHECK_BOX, R.RADIO_BUTTON,
    R.MENU_ITEM, R.CHECK_MENU_ITEM, R.RADIO_MENU_ITEM, R.ENTRY,
    R.PASSWORD_TEXT, R.COMBO_BOX, R.SPIN_BUTTON, R.SLIDER, R.PAGE_TAB,
}
if hasattr(R, 'SWITCH'):
    CONTROL_ROLES.add(R.SWITCH)

# GTK names an unnamed widget after its type ("GtkImage", "GtkMenuButton"):
# a screen reader would read that out, so it is no name at all
TYPE_NAME = re.compile(r'(Gtk|Adw|Pl)[A-Z][A-Za-z]*')
# "_Open": the mnemonic marker leaked into the name
RAW_MNEMONIC = re.compile(r'(^|\s)_\w')


class Tap:
    def __init__(self, cases):
        self.cases = cases
        self.number = 0
        self.failed = 0
        print(f'1..{len(cases)}', flush=True)

    def result(self, ok, diagnostics=()):
        self.number += 1
        name = self.cases[self.number - 1]
        print(f'{"ok" if ok else "not ok"} {self.number} - {name}', flush=True)
        for line in diagnostics:
            print(f'# {line}', flush=True)
        if not ok:
            self.failed += 1
        return ok

    def fail_rest(self, reason):
        while self.number < len(self.cases):
            self.result(False, [reason])


def children(acc):
    try:
        count = acc.get_child_count()
    except GLib.Error:
        return
    for i in range(count):
        try:
            child = acc.get_child_at_index(i)
        except GLib.Error:
            continue
        if child is not None:
            yield child


def walk(acc):
    yield acc
    for child in children(acc):
        yield from walk(child)


def role(acc):
    try:
        return acc.get_role()
    except GLib.Error:
        return R.INVALID


def name(acc):
    try:
        return (acc.get_name() or '').strip()
    except GLib.Error:
        return ''


def visible(acc):
    try:
        return acc.get_state_set().contains(Atspi.StateType.VISIBLE)
    except GLib.Error:
        return False


def interfaces(acc):
    try:
        return set(acc.get_interfaces())
    except GLib.Error:
        return set()


def text_of(acc):
    """The text a screen reader reads, or None without a Text interface."""
    if 'Text' not in interfaces(acc):
        return None
    try:
        # get_text (0, -1) returns nothing in GTK 4.8: ask for the real count
        count = Atspi.Text.get_character_count(acc)
        return Atspi.Text.get_text(acc, 0, count) if count > 0 else ''
    except GLib.Error:
        return None


def shown_text(acc):
    """The first text inside acc: what a sighted person sees on a control."""
    for inner in walk(acc):
        if inner is not acc:
            text = text_of(inner)
            if text and text.strip():
                return text.strip()
    return None


def describe(acc):
    """"push button 'x' (in panel 'Who is using Plainly?')" for diagnostics."""
    text = f"{acc.get_role_name()} '{name(acc)}'"
    shown = shown_text(acc)
    if shown and shown != name(acc):
        text += f" showing '{shown}'"
    parent = acc.get_parent()
    while parent is not None and role(parent) != R.APPLICATION:
        if name(parent) and not TYPE_NAME.fullmatch(name(parent)):
            return f"{text} (in {parent.get_role_name()} '{name(parent)}')"
        parent = parent.get_parent()
    return text


def name_problem(acc):
    label = name(acc)
    if not label:
        return 'has no accessible name'
    if TYPE_NAME.fullmatch(label):
        return f'is named only by its widget type "{label}"'
    if RAW_MNEMONIC.search(label):
        return f'has a mnemonic underscore in its name "{label}"'
    # GTK 4.8 joins a name with the names of what labels it: "Stop Stop"
    words = label.split()
    half = len(words) // 2
    if half > 0 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return f'says its name twice "{label}"'
    # ...or its name and then its own label's words: "Save braille copy Save…"
    shown = shown_text(acc)
    if shown and label != shown and label.endswith(' ' + shown) and \
            role(acc) in (R.PUSH_BUTTON, R.TOGGLE_BUTTON):
        return f'says its label\'s words after its name "{label}"'
    return None


def unnamed_controls(app):
    problems = []
    for acc in walk(app):
        if role(acc) in CONTROL_ROLES and visible(acc):
            problem = name_problem(acc)
            if problem:
                problems.append(f'{describe(acc)} {problem}')
    return problems


def wait_for(what, timeout=WAIT_SECONDS):
    deadline = time.monotonic() + timeout
    while True:
        found = what()
        if found or time.monotonic() > deadline:
            return found
        time.sleep(POLL_SECONDS)


def accessibility_bus_problem():
    """None when an accessibility bus can be reached, else why not."""
    if os.environ.get('AT_SPI_BUS_ADDRESS'):
        return None
    try:
        bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        reply = bus.call_sync('org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus',
                              'GetAddress', None, GLib.VariantType('(s)'),
                              Gio.DBusCallFlags.NONE, 10000, None)
    except GLib.Error as error:
        return f'the accessibility bus cannot be reached: {error.message}'
    if not reply.unpack()[0]:
        return 'the accessibility bus has no address'
    return None


def find_app(pid):
    desktop = Atspi.get_desktop(0)
    desktop.clear_cache()
    for app in children(desktop):
        try:
            if app.get_process_id() == pid and app.get_child_count() > 0:
                return app
        except GLib.Error:
            continue
    return None


def document_view(app):
    for acc in walk(app):
        if name(acc) == 'PlDocumentView':
            return acc
    return None


def start_app(build_root, tmp, prepare=None):
    database = os.path.join(tmp, 'demo.db')
    subprocess.run([os.path.join(build_root, 'src', 'cli', 'plainly-cli'),
                    '--db', database, 'demo'],
                   check=True, stdout=subprocess.DEVNULL)

    env = dict(os.environ)
    if prepare is not None:
        env.update(prepare(build_root, tmp, database))
    env.pop('NO_AT_BRIDGE', None)
    env.update({
        'GTK_A11Y': 'atspi',
        'GSK_RENDERER': 'cairo',
        'GSETTINGS_BACKEND': 'memory',
        'HOME': os.path.join(tmp, 'home'),
        'XDG_DATA_HOME': os.path.join(tmp, 'data'),
        'XDG_CONFIG_HOME': os.path.join(tmp, 'config'),
        'XDG_CACHE_HOME': os.path.join(tmp, 'cache'),
        'XDG_STATE_HOME': os.path.join(tmp, 'state'),
    })
    for folder in ('home', 'data', 'config', 'cache', 'state'):
        os.makedirs(os.path.join(tmp, folder), exist_ok=True)

    return subprocess.Popen([os.path.join(build_root, 'src', 'app', 'plainly'),
                             '--db', database], env=env)


def stop_app(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def find_visible(app, wanted_role, wanted_name):
    """The first visible accessible of this role and name, or None."""
    app.clear_cache()
    for acc in walk(app):
        if role(acc) == wanted_role and name(acc) == wanted_name and visible(acc):
            return acc
    return None


def press(acc):
    """Does what a screen reader's "activate" does; False if acc cannot."""
    if acc is None or 'Action' not in interfaces(acc) or Atspi.Action.get_n_actions(acc) < 1:
        return False
    Atspi.Action.do_action(acc, 0)
    return True


def run_script(cases, check, prefix, prepare=None):
    """The whole of a test script: TAP for cases, the app started on a demo
    database in a temporary folder, check (tap, process) run against it,
    and every case left failed, with the reason, if anything stops it.
    prepare (build_root, tmp, database), if given, readies the database
    before the app starts and returns more environment for it.
    Returns the exit status."""
    if len(sys.argv) != 2:
        print(f'usage: {sys.argv[0]} BUILD_ROOT', file=sys.stderr)
        return 2

    tap = Tap(cases)
    tmp = tempfile.mkdtemp(prefix=prefix)
    try:
        problem = accessibility_bus_problem()
        if problem is None and Atspi.init() > 1:
            problem = 'the AT-SPI library could not start'
        if problem is not None:
            tap.fail_rest(problem)
        else:
            Atspi.set_timeout(5000, 15000)
            process = start_app(sys.argv[1], tmp, prepare)
            try:
                check(tap, process)
            finally:
                stop_app(process)
    except Exception as error:  # a crash in the script is a failure, with its reason
        tap.fail_rest(f'{type(error).__name__}: {error}')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    return 1 if tap.failed else 0
