#!/usr/bin/python3
# test-atspi.py: reads the running app through AT-SPI, as Orca does
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-atspi.py BUILD_ROOT
#
# Starts build/src/app/plainly on a demo database and walks its accessible
# tree: the start screen, Dot's home, then the reader showing her plan. Fails when a
# control has no real name, when the plan's headings lack the heading role,
# when its links are missing, or when its text cannot be read through the
# Text interface. Speaks TAP. Needs a session bus and a display
# (build-aux/test runs it under dbus-run-session and xvfb-run); without an
# accessibility bus every case fails: a screen reader would hear nothing.
#
# GTK 4.8 does not send a heading's level over AT-SPI, so levels are checked
# in test-window.c, on the widgets, not here.

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
    R.PASSWORD_TEXT, R.COMBO_BOX, R.SPIN_BUTTON, R.SLIDER,
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


def start_app(build_root, tmp):
    database = os.path.join(tmp, 'demo.db')
    subprocess.run([os.path.join(build_root, 'src', 'cli', 'plainly-cli'),
                    '--db', database, 'demo'],
                   check=True, stdout=subprocess.DEVNULL)

    env = dict(os.environ)
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


def run(tap, build_root, tmp):
    problem = accessibility_bus_problem()
    if problem is None and Atspi.init() > 1:
        problem = 'the AT-SPI library could not start'
    if problem is not None:
        tap.fail_rest(problem)
        return
    Atspi.set_timeout(5000, 15000)

    process = start_app(build_root, tmp)
    try:
        check(tap, process)
    finally:
        stop_app(process)


def check(tap, process):
    # 1: the app is on the accessibility bus, as Orca would find it
    app = wait_for(lambda: process.poll() is None and find_app(process.pid))
    if app:
        diagnostics = []
    elif process.poll() is None:
        diagnostics = [f'plainly (pid {process.pid}) did not appear on the AT-SPI '
                       f'desktop within {WAIT_SECONDS} s']
    else:
        diagnostics = [f'plainly exited with status {process.returncode} before it appeared']
        if process.returncode == 0:
            diagnostics.append('another Plainly on this session bus may have taken '
                               'its command line')
    if not tap.result(bool(app), diagnostics):
        tap.fail_rest('the app is not on the accessibility bus')
        return

    # 2: the start screen offers Dot by name
    def dot_button():
        app.clear_cache()
        for acc in walk(app):
            if role(acc) == R.PUSH_BUTTON and name(acc) == 'Dot' and visible(acc):
                return acc
        return None

    dot = wait_for(dot_button)
    diagnostics = [] if dot else ['no visible push button named "Dot"']
    # and, under their own heading, the carers who read what is shared with them
    app.clear_cache()
    carers = [acc for acc in walk(app)
              if role(acc) == R.PUSH_BUTTON and name(acc) == 'Paul Whitaker' and visible(acc)]
    if not carers:
        diagnostics.append('no visible push button for the carer "Paul Whitaker"')
    if not any(role(acc) == R.HEADING and name(acc) == 'Family and carers' for acc in walk(app)):
        diagnostics.append('no "Family and carers" heading')
    tap.result(bool(dot) and not diagnostics, diagnostics)

    # 3: every control on the start screen has a name
    problems = unnamed_controls(app)
    tap.result(not problems, problems)

    # 4: Dot's button works through the Action interface and opens her home,
    # which greets her by name and offers her plan
    home = None
    diagnostics = []
    if dot is None:
        diagnostics.append('no button to press')
    elif 'Action' not in interfaces(dot) or Atspi.Action.get_n_actions(dot) < 1:
        diagnostics.append('the "Dot" button has no action')
    else:
        Atspi.Action.do_action(dot, 0)

        def home_shown():
            app.clear_cache()
            greeted = False
            plan_button = None
            for acc in walk(app):
                if not visible(acc):
                    continue
                if role(acc) == R.HEADING and name(acc) == 'Hello, Dot':
                    greeted = True
                elif role(acc) == R.PUSH_BUTTON and name(acc) == 'My plan':
                    plan_button = acc
            return plan_button if greeted else None

        home = wait_for(home_shown)
        if not home:
            diagnostics.append(f'no "Hello, Dot" heading and "My plan" button within '
                               f'{WAIT_SECONDS} s')
    if not tap.result(bool(home), diagnostics):
        tap.fail_rest('her home did not open')
        return

    # 5: every control on the home has a name
    problems = unnamed_controls(app)
    tap.result(not problems, problems)

    # 6: "My plan" works through the Action interface and opens her plan
    opened = False
    diagnostics = []
    if 'Action' not in interfaces(home) or Atspi.Action.get_n_actions(home) < 1:
        diagnostics.append('the "My plan" button has no action')
    else:
        Atspi.Action.do_action(home, 0)

        def plan_shown():
            app.clear_cache()
            view = document_view(app)
            return view is not None and any(
                role(acc) == R.HEADING and name(acc) == 'Summary' for acc in walk(view))

        opened = wait_for(plan_shown)
        if not opened:
            diagnostics.append(f'no "Summary" heading in the reader within {WAIT_SECONDS} s')
    if not tap.result(opened, diagnostics):
        tap.fail_rest('the plan did not open')
        return

    app.clear_cache()
    view = document_view(app)
    blocks = [acc for acc in walk(view) if visible(acc)]

    # 7: the plan's headings are headings
    headings = [name(acc) for acc in blocks if role(acc) == R.HEADING]
    missing = [h for h in ('Summary', 'About me') if h not in headings]
    tap.result(not missing,
               [f'no heading "{h}"; the headings are: {", ".join(headings) or "none"}'
                for h in missing])

    # 8: the summary links to each part of the plan (NG21 1.3.13), as links
    links = [name(acc) for acc in blocks if role(acc) == R.LINK]
    diagnostics = []
    if len(links) < 3:
        diagnostics.append(f'only {len(links)} links: {", ".join(links) or "none"}')
    for link in links:
        if link not in headings:
            diagnostics.append(f'link "{link}" names no heading in the plan')
    if 'About me' not in links:
        diagnostics.append('no link to "About me"')
    tap.result(not diagnostics, diagnostics)

    # 9: the text itself is readable through the Text interface
    diagnostics = []
    texts = []
    for acc in blocks:
        if role(acc) not in (R.LABEL, R.HEADING, R.PARAGRAPH, R.STATIC):
            continue
        text = text_of(acc)
        if text is None:
            diagnostics.append(f'{describe(acc)} has no Text interface')
        elif not text.strip():
            diagnostics.append(f'{describe(acc)} has no text')
        else:
            texts.append(text)
    everything = '\n'.join(texts)
    if len(texts) < 10:
        diagnostics.append(f'only {len(texts)} pieces of text could be read')
    for words in ('Sooty', 'Dorothy May Whitaker', 'macular degeneration'):
        if words not in everything:
            diagnostics.append(f'"{words}" cannot be read anywhere in the plan')
    tap.result(not diagnostics, diagnostics)

    # 10: every control in the reader has a name
    problems = unnamed_controls(app)
    tap.result(not problems, problems)

    # 11: Back, then "My settings": the settings open through the Action
    # interface, with a heading for Dot
    def visible_button(label):
        app.clear_cache()
        for acc in walk(app):
            if role(acc) == R.PUSH_BUTTON and name(acc) == label and visible(acc):
                return acc
        return None

    diagnostics = []
    back = wait_for(lambda: visible_button('Back'))
    if back is None:
        diagnostics.append('no visible "Back" button in the reader')
    else:
        Atspi.Action.do_action(back, 0)
    settings_button = back and wait_for(lambda: visible_button('My settings'))
    if back and not settings_button:
        diagnostics.append('no "My settings" button on the home')
    elif settings_button:
        Atspi.Action.do_action(settings_button, 0)

        def settings_shown():
            app.clear_cache()
            return any(role(acc) == R.HEADING and name(acc) == 'Settings for Dot' and visible(acc)
                       for acc in walk(app))

        if not wait_for(settings_shown):
            diagnostics.append(f'no "Settings for Dot" heading within {WAIT_SECONDS} s')
    if not tap.result(not diagnostics, diagnostics):
        tap.fail_rest('the settings did not open')
        return

    # 12: every control in the settings has a name, and each theme is offered
    # by its name, not by its colours alone
    app.clear_cache()
    problems = unnamed_controls(app)
    names = {name(acc) for acc in walk(app)
             if role(acc) in (R.TOGGLE_BUTTON, R.PUSH_BUTTON, R.RADIO_BUTTON) and visible(acc)}
    for theme in ('Standard', 'High contrast, yellow on black', 'Cream, low glare'):
        if not any(theme in n for n in names):
            problems.append(f'no control named for the theme "{theme}"')
    tap.result(not problems, problems)


def main():
    if len(sys.argv) != 2:
        print(f'usage: {sys.argv[0]} BUILD_ROOT', file=sys.stderr)
        return 2

    tap = Tap([
        'the app is on the accessibility bus',
        'start screen: a button names Dot, and one the carer',
        'start screen: every control has a name',
        "start screen: Dot's button opens her home through the Action interface",
        'home: every control has a name',
        'home: "My plan" opens her plan through the Action interface',
        'reader: the plan has headings with the heading role',
        'reader: the summary links to the parts of the plan',
        'reader: the text is readable through the Text interface',
        'reader: every control has a name',
        'settings: "My settings" opens through the Action interface',
        'settings: every control has a name, themes by their names',
    ])

    tmp = tempfile.mkdtemp(prefix='plainly-atspi-')
    try:
        run(tap, sys.argv[1], tmp)
    except Exception as error:  # a crash in the script is a failure, with its reason
        tap.fail_rest(f'{type(error).__name__}: {error}')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit(main())
