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
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from atspi_common import (  # noqa: E402
    Atspi, R, WAIT_SECONDS, describe, document_view, find_app, interfaces, name, role,
    run_script, text_of, unnamed_controls, visible, wait_for, walk,
)

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
        # Document text is a filler to Orca, so it is read without a role
        # word; the boxes around it are fillers with no text of their own
        if role(acc) not in (R.LABEL, R.HEADING, R.PARAGRAPH, R.STATIC, R.FILLER):
            continue
        if role(acc) == R.FILLER and 'Text' not in interfaces(acc):
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


CASES = [
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
]


def main():
    return run_script(CASES, check, 'plainly-atspi-')


if __name__ == '__main__':
    sys.exit(main())
