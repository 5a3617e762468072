#!/usr/bin/python3
# test-atspi-language.py: no English left on a translated screen
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-atspi-language.py BUILD_ROOT
#
# Makes a pseudo-translation of every message Plainly has (each one
# wrapped in ⟦ ⟧, for the private-use language "qps"), chooses it for Dot
# in her settings, and reads the window through AT-SPI as Orca would: her
# home, My settings and the plan's own controls. Every name and text a
# screen reader gets must be wrapped, or be words nobody translates (her
# name, font names, the languages named in themselves, numbers). English
# found is a message that escaped the translation: a string not marked
# for translation, or words a template or the code set in the computer's
# language. Speaks TAP.

import os
import re
import shutil
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from atspi_common import (  # noqa: E402
    R, TYPE_NAME, describe, document_view, find_app, find_visible, name, press, run_script,
    text_of, visible, wait_for, walk,
)

CASES = [
    'a pseudo-translation of every message is made',
    'Dot\'s home is in the pseudo-language',
    'nothing on her home is left in English',
    'nothing in My settings is left in English',
    'nothing around her plan is left in English',
]

LANGUAGE = 'qps'
OPEN, CLOSE = '\u27e6', '\u27e7'

# Words that are the same in every language: the fonts' names, each
# language named in itself, the sample letters of the sizes. The names of
# the people and carers on the start screen (GTK 4.8 calls its hidden pages
# visible) are added from the database.
UNTRANSLATED = {
    'Plainly',
    'DejaVu', 'Sans', 'Atkinson', 'Hyperlegible', 'Next', 'OpenDyslexic',
    'Noto', 'English', 'Cymraeg', 'Polski', 'Română', 'Aa',
    # The window's own buttons, in GTK's words: GTK has no pseudo-language
    'Close', 'Maximize', 'Minimize',
}

SOURCE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ERRORS = []


def make_pseudo(locale_dir, tmp):
    """Every message of po/POTFILES, wrapped, compiled for LANGUAGE."""
    with open(os.path.join(SOURCE, 'po', 'POTFILES'), encoding='utf-8') as files:
        names = [line.strip() for line in files
                 if line.strip() and not line.startswith('#')]
    pot = os.path.join(tmp, 'plainly.pot')
    english = os.path.join(tmp, 'en.po')
    pseudo = os.path.join(tmp, 'qps.po')
    mo_dir = os.path.join(locale_dir, LANGUAGE, 'LC_MESSAGES')
    os.makedirs(mo_dir, exist_ok=True)
    steps = [
        ['xgettext', '--from-code=UTF-8', '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2',
         '--keyword=NC_:1c,2', '--keyword=g_dngettext:2,3', '--keyword=ngettext:1,2',
         '-D', SOURCE, '-o', pot] + names,
        ['msgen', '-o', english, pot],
        # Each line of each translation wrapped, the header left alone
        ['msgfilter', '--keep-header', '-i', english, '-o', pseudo,
         'sed', '-e', f's/^/{OPEN}/', '-e', f's/$/{CLOSE}/'],
        ['msgfmt', '-o', os.path.join(mo_dir, 'plainly.mo'), pseudo],
    ]
    for step in steps:
        result = subprocess.run(step, capture_output=True, text=True)
        if result.returncode != 0:
            ERRORS.append(f'{step[0]}: {result.stderr.strip()}')
            return False
        if step[0] == 'msgen':
            # The template's header leaves the charset and plural forms open
            with open(english, encoding='utf-8') as po:
                text = po.read()
            text = text.replace('charset=CHARSET', 'charset=UTF-8')
            text = re.sub(r'Plural-Forms: [^\\"]*', 'Plural-Forms: nplurals=2; plural=(n != 1);',
                          text)
            with open(english, 'w', encoding='utf-8') as po:
                po.write(text)
    return True


def prepare(build_root, tmp, database):
    locale_dir = os.path.join(tmp, 'locale')
    if make_pseudo(locale_dir, tmp):
        with sqlite3.connect(database) as db:
            for (name,) in db.execute('SELECT full_name FROM people UNION ALL '
                                      'SELECT preferred_name FROM people UNION ALL '
                                      'SELECT name FROM carers'):
                UNTRANSLATED.update(re.findall(r'[A-Za-z][A-Za-z’\']+', name or ''))
            db.execute('UPDATE settings SET language = ? WHERE person_id = '
                       '(SELECT id FROM people WHERE external_id = ?)', (LANGUAGE, 'DEMO-0001'))
    return {'PLAINLY_LOCALEDIR': locale_dir}


def english_in(text):
    """The words of text outside ⟦ ⟧ that are English, or []."""
    # Translations hold translations ("⟦⟦Text size⟧, ⟦Large⟧⟧"): innermost first
    outside = text
    while True:
        inner = re.sub(f'{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}', ' ', outside)
        if inner == outside:
            break
        outside = inner
    # What GTK names by their type is test-atspi.py's to find
    if TYPE_NAME.fullmatch(outside.strip()):
        return []
    words = re.findall(r'[A-Za-z][A-Za-z’\']+', outside)
    return [word for word in words if word not in UNTRANSLATED]


def inside(acc, ancestor):
    """Whether acc is ancestor or within it."""
    while acc is not None:
        if acc == ancestor:
            return True
        try:
            acc = acc.get_parent()
        except Exception:
            return False
    return False


def left_in_english(app, skip=(), keep=()):
    """What a screen reader gets in English: 'push button "x": Settings'."""
    found = []
    read = 0
    app.clear_cache()
    for acc in walk(app):
        if not visible(acc) or any(inside(acc, place) for place in skip):
            continue
        for what in (name(acc), text_of(acc) or ''):
            read += bool(what.strip())
            for words in keep:
                what = what.replace(words, '')
            words = english_in(what)
            if words:
                found.append(f'{describe(acc)}: {" ".join(words)}')
    # A walk that read next to nothing proves nothing
    if read < 10:
        found.append(f'only {read} names and texts were read')
    print(f'# {read} names and texts read', flush=True)
    return sorted(set(found))


def check(tap, process):
    if not tap.result(not ERRORS, ERRORS):
        tap.fail_rest('no pseudo-translation')
        return

    app = wait_for(lambda: process.poll() is None and find_app(process.pid))
    dot = app and wait_for(lambda: find_visible(app, R.PUSH_BUTTON, 'Dot'))
    home = None
    if dot and press(dot):
        home = wait_for(lambda: find_visible(app, R.PUSH_BUTTON, f'{OPEN}My plan{CLOSE}'))
    if not tap.result(home is not None,
                      [] if home else ['no button named "⟦My plan⟧" after choosing Dot']):
        tap.fail_rest('her home is not in the pseudo-language')
        return

    found = left_in_english(app)
    tap.result(not found, found[:40])

    settings = find_visible(app, R.PUSH_BUTTON, f'{OPEN}My settings{CLOSE}')
    shown = settings is not None and press(settings) and \
        wait_for(lambda: find_visible(app, R.COMBO_BOX, f'{OPEN}Words on screen{CLOSE}') or
                 find_visible(app, R.PUSH_BUTTON, f'{OPEN}Words on screen{CLOSE}'))
    if shown:
        voices = find_visible(app, R.COMBO_BOX, f'{OPEN}Voice{CLOSE}')
        found = left_in_english(app, skip=[voices] if voices is not None else [])
        tap.result(not found, found[:40])
    else:
        tap.result(False, ['My settings did not open, or has no "Words on screen"'])

    # Back home, then her plan: the window's controls, not the plan's words
    back = find_visible(app, R.PUSH_BUTTON, f'{OPEN}Back{CLOSE}')
    plan = None
    if back is not None and press(back):
        plan_button = wait_for(lambda: find_visible(app, R.PUSH_BUTTON, f'{OPEN}My plan{CLOSE}'))
        if plan_button is not None and press(plan_button):
            plan = wait_for(lambda: document_view(app))
    if plan is None:
        tap.result(False, ['her plan did not open'])
        return
    # The plan's own words are in her recorded language, English, and so
    # is its title in the window's title; the voices are named by espeak-ng
    voices = find_visible(app, R.COMBO_BOX, f'{OPEN}Voice{CLOSE}')
    # and the contents list the plan's parts
    app.clear_cache()
    contents = next((acc for acc in walk(app) if name(acc).startswith(f'{OPEN}Contents,')), None)
    found = left_in_english(app, skip=[place for place in (plan, voices, contents)
                                       if place is not None],
                            keep=['Dot\'s care and support plan'])
    tap.result(not found, found[:40])


def main():
    for tool in ('xgettext', 'msgen', 'msgfilter', 'msgfmt'):
        if shutil.which(tool) is None:
            print(f'1..0 # SKIP {tool} (package gettext) is not installed')
            return 0
    return run_script(CASES, check, 'plainly-atspi-language-', prepare)


if __name__ == '__main__':
    sys.exit(main())
