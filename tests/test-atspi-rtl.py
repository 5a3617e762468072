#!/usr/bin/python3
# test-atspi-rtl.py: Dot's window in Urdu, as a screen reader finds it
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The example person reads in Urdu, with the catalogues as built. Through
# AT-SPI: the window is in Urdu and mirrored (Back on the right, the
# window's own buttons on the left), every control is named once, her plan
# is set from the right, and a phone number in an Urdu sentence reaches the
# screen reader inside Unicode isolates, its groups in order.
#
# Run with the build root as its argument, under Xvfb and a D-Bus session.

import gettext
import os
import re
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from atspi_common import (  # noqa: E402
    Atspi, R, describe, document_view, find_visible, find_app, press, run_script, text_of,
    unnamed_controls, visible, wait_for, walk,
)

CASES = [
    'Dot\'s home is in Urdu',
    'her window is mirrored: Back on the right, the window\'s buttons on the left',
    'every control on her home is named, once',
    'her plan is set from the right, and English in it from the left',
    'a phone number in an Urdu sentence is isolated, its groups in order',
    'every control around her plan is named, once',
]

SOURCE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FSI, PDI = '\u2068', '\u2069'


def urdu(msgid):
    """msgid's translation in po/ur.po (any context), or None."""
    with open(os.path.join(SOURCE, 'po', 'ur.po'), encoding='utf-8') as po:
        text = po.read()
    found = re.search(r'^msgid "' + re.escape(msgid) + r'"\nmsgstr "([^"]+)"', text, re.M)
    return found.group(1) if found else None


def prepare(build_root, tmp, database):
    with sqlite3.connect(database) as db:
        db.execute('UPDATE people SET preferred_language = ? WHERE external_id = ?',
                   ('ur', 'DEMO-0001'))
        db.execute('UPDATE settings SET language = ? WHERE person_id = '
                   '(SELECT id FROM people WHERE external_id = ?)', ('ur', 'DEMO-0001'))
        # What matters most to her, as staff wrote it, in English
        db.execute('UPDATE plan_sections SET language = ? WHERE kind = ? AND plan_id IN '
                   '(SELECT plans.id FROM plans JOIN people ON people.id = plans.person_id '
                   'WHERE external_id = ?)', ('en-GB', 'most-important', 'DEMO-0001'))
    return {'PLAINLY_LOCALEDIR': os.path.join(build_root, 'po')}


def extents(acc):
    return Atspi.Component.get_extents(acc, Atspi.CoordType.WINDOW)


def justification(acc):
    try:
        return Atspi.Text.get_default_attributes(acc).get('justification')
    except Exception:  # a text GTK cannot describe
        return None


def texts(root, pattern):
    """Visible accessibles under root whose text has pattern, in order."""
    found = []
    for acc in walk(root):
        text = text_of(acc)
        if text and visible(acc) and re.search(pattern, text):
            found.append((acc, text))
    return found


def check(tap, process):
    my_plan, back = urdu('My plan'), urdu('Back')
    app = wait_for(lambda: process.poll() is None and find_app(process.pid))
    dot = app and wait_for(lambda: find_visible(app, R.PUSH_BUTTON, 'Dot'))
    home = None
    if dot and press(dot):
        home = wait_for(lambda: find_visible(app, R.PUSH_BUTTON, my_plan))
    if not tap.result(home is not None, [] if home else [f'no button named "{my_plan}"']):
        tap.fail_rest('her home is not in Urdu')
        return

    frame = next((acc for acc in walk(app) if acc.get_role() == R.FRAME), None)
    width = extents(frame).width if frame is not None else 0
    # GTK 4.8 calls the start screen's hidden header visible: the buttons
    # wanted are the ones inside the window. The window's Close is in
    # GTK's words, from its catalogue where the computer has one.
    close_name = gettext.translation('gtk40', languages=['ur'], fallback=True).gettext('Close')

    def in_window(wanted):
        return next((acc for acc in walk(app)
                     if acc.get_role() == R.PUSH_BUTTON and acc.get_name() == wanted
                     and visible(acc) and 0 <= extents(acc).x < width), None)

    back_button = in_window(back)
    close = in_window(close_name)
    problems = []
    if back_button is None:
        problems.append(f'no button named "{back}"')
    elif extents(back_button).x < width / 2:
        problems.append(f'Back is at x={extents(back_button).x} of {width}, on the left')
    if close is None:
        problems.append('the window\'s own buttons are not found')
    elif extents(close).x > width / 2:
        problems.append(f'{describe(close)} is at x={extents(close).x} of {width}, on the right')
    tap.result(not problems, problems)

    problems = unnamed_controls(app)
    tap.result(not problems, problems[:20])

    view = None
    if press(home):
        view = wait_for(lambda: document_view(app))
    if view is None:
        tap.fail_rest('her plan did not open')
        return
    app.clear_cache()

    # The title (her name, isolated, in an Urdu sentence) from the right;
    # a part the coordinator wrote in English from the left
    problems = []
    title = wait_for(lambda: texts(view, 'نگہداشت اور مدد کا منصوبہ'))
    english = texts(view, r'^Staying in my own flat')
    if not title:
        problems.append('her plan has no Urdu title')
    elif justification(title[0][0]) != 'right':
        problems.append(f'{describe(title[0][0])} is set {justification(title[0][0])}')
    elif f'{FSI}Dot{PDI}' not in title[0][1]:
        problems.append(f'her name is not isolated in {title[0][1]!r}')
    if not english:
        problems.append('no part in English found')
    elif justification(english[0][0]) != 'left':
        problems.append(f'{describe(english[0][0])} is set {justification(english[0][0])}')
    tap.result(not problems, problems)

    phone = texts(view, r'\d{4} \d{3} \d{4}')
    problems = []
    if not phone:
        problems.append('no phone number found in her plan')
    for acc, text in phone:
        # Spliced into an Urdu line ("فون: 0161 496 0512"); what staff
        # typed in English is left as they typed it
        for line in text.split('\n'):
            if not re.search('[\u0600-\u06ff]', line):
                continue
            for number in re.findall(r'\S*\d{4} \d{3} \d{4}\S*', line):
                if not (number.startswith(FSI) and number.endswith(PDI)):
                    problems.append(f'{number!r} is not isolated in {describe(acc)}')
    tap.result(not problems, problems[:10])

    problems = unnamed_controls(app)
    tap.result(not problems, problems[:20])


if __name__ == '__main__':
    sys.exit(run_script(CASES, check, 'plainly-atspi-rtl-', prepare))
