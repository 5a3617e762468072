#!/usr/bin/python3
# test-atspi-staff.py: the staff screens read through AT-SPI, as Orca does
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-atspi-staff.py BUILD_ROOT
#
# Starts build/src/app/plainly on a demo database, opens the staff window
# from the start screen, sets up the first manager by typing into the
# entries through the EditableText interface, and walks every staff page:
# a person's plan, checklist, history and diary, complaints, the welcome
# pack and staff accounts; and a braille copy of the plan, from its menu to
# the dialog's preview. Fails when a control has no real name, or a page
# cannot be reached without a mouse. Speaks TAP; needs a display and a
# session bus, as test-atspi.py does.

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from atspi_common import (  # noqa: E402
    Atspi, R, find_app, find_visible, interfaces, name, press, role, run_script,
    unnamed_controls, visible, wait_for, walk,
)

STAFF_BUTTON = 'I work for the care service: staff sign in'
PASSWORD = 'kettle-on-at-four'

PERSON_PAGES = [
    # (tab, something only that page shows)
    ('Plan', 'Together: show the person\'s view beside the form'),
    ('Checklist', None),
    ('History', None),
    ('Care Diary', None),
]

SERVICE_PAGES = [
    # (sidebar row, the heading of the page it opens)
    ('Complaints, compliments and “You said, we did”', 'Complaints, compliments and feedback'),
    ('Welcome pack', 'Welcome pack'),
    ('Staff accounts', 'Staff accounts'),
    ('How words are said', 'How words are said'),
]


def staff_window(app):
    app.clear_cache()
    for window in app_children(app):
        if name(window) == 'Plainly for Staff':
            return window
    return None


def app_children(app):
    try:
        return [app.get_child_at_index(i) for i in range(app.get_child_count())]
    except Exception:  # noqa: BLE001 (a window closing while we look)
        return []


def entry_named(window, label):
    window.clear_cache()
    for acc in walk(window):
        if (role(acc) in (R.ENTRY, R.PASSWORD_TEXT, R.TEXT) and name(acc) == label
                and visible(acc) and 'EditableText' in interfaces(acc)):
            return acc
    return None


def type_into(window, label, text):
    entry = entry_named(window, label)
    if entry is None:
        return f'no entry named "{label}"'
    Atspi.EditableText.set_text_contents(entry, text)
    return None


def heading_shown(window, text):
    window.clear_cache()
    return any(role(acc) == R.HEADING and name(acc) == text and visible(acc)
               for acc in walk(window))


def row_named(window, text):
    window.clear_cache()
    for acc in walk(window):
        if role(acc) == R.LIST_ITEM and name(acc).startswith(text) and visible(acc):
            return acc
    return None


def select_row(row):
    """Chooses a sidebar row as the arrow keys or a screen reader do: by
    selecting it in its list."""
    parent = row.get_parent()
    if parent is None or 'Selection' not in interfaces(parent):
        return False
    return Atspi.Selection.select_child(parent, row.get_index_in_parent())


def window_named(app, title):
    app.clear_cache()
    for window in app_children(app):
        if name(window) == title:
            return window
    return None


def named_like(window, start):
    """The first visible accessible whose name begins with start, or None."""
    window.clear_cache()
    for acc in walk(window):
        if name(acc).startswith(start) and visible(acc):
            return acc
    return None


def braille_copy(app, window):
    """Braille Copy, then the plan: the dialog's controls and its preview,
    which says which page it shows"""
    button = (find_visible(window, R.PUSH_BUTTON, 'Braille copy')
              or find_visible(window, R.TOGGLE_BUTTON, 'Braille copy'))
    if button is None:
        return ['no "Braille copy" button on the Plan page']
    # GTK 4.8: the menu button's own toggle button, inside it, is pressed
    if not press(button) and not any(press(acc) for acc in walk(button)
                                     if acc is not button and 'Action' in interfaces(acc)):
        return ['the "Braille copy" button cannot be pressed without a mouse']
    item = wait_for(lambda: find_visible(app, R.MENU_ITEM, 'Care and Support Plan…'))
    if item is None:
        return ['the Braille copy menu has no item "Care and Support Plan…"']
    press(item)
    dialog = wait_for(lambda: window_named(app, 'Save Braille Copy'))
    if dialog is None:
        return ['no "Save Braille Copy" window opened']
    problems = []
    if not wait_for(lambda: named_like(dialog, 'Braille preview, page 1 of ')):
        problems.append('no preview named "Braille preview, page 1 of …"')
    for control in ('Save braille copy', 'Contracted braille (grade 2)',
                    'Uncontracted braille (grade 1)', 'Previous page', 'Next page'):
        if named_like(dialog, control) is None:
            problems.append(f'no control named "{control}" in the dialog')
    problems += unnamed_controls(dialog)
    # Closed, so the staff window's other pages are next
    press(named_like(dialog, 'Cancel'))
    return problems


def pronunciation(window):
    """Adds how a word is said, as staff do by keyboard and a screen
    reader does: the form's entries by name, then the row's buttons, each
    named for its word; removes it again. The problems found."""
    problems = []
    add = find_visible(window, R.PUSH_BUTTON, 'Add a word')
    if add is None or not press(add):
        return ['no "Add a word" button on "How words are said"']
    if not wait_for(lambda: entry_named(window, 'Written as')):
        return ['"Add a word" showed no entry named "Written as"']
    problems += [p for p in (type_into(window, 'Written as', 'Whitaker'),
                             type_into(window, 'Said as', 'Whit-acker')) if p]
    save = find_visible(window, R.PUSH_BUTTON, 'Save')
    if save is None:
        problems.append('no "Save" button in the form')
    if problems:
        return problems
    press(save)
    remove = wait_for(lambda: find_visible(window, R.PUSH_BUTTON, 'Remove Whitaker'))
    if remove is None:
        return ['saving "Whitaker" gave no row with a button named "Remove Whitaker"']
    for wanted in ('Say Whitaker', 'Change how Whitaker is said'):
        if find_visible(window, R.PUSH_BUTTON, wanted) is None:
            problems.append(f'the row has no button named "{wanted}"')
    if not named_like(window, 'Saved. The voice now says “Whitaker” this way.'):
        problems.append('saving said nothing a screen reader can find')
    problems += unnamed_controls(window)
    press(remove)
    if not wait_for(lambda: find_visible(window, R.PUSH_BUTTON, 'Remove Whitaker') is None):
        problems.append('"Remove Whitaker" did not remove the row')
    return problems


def check(tap, process):
    # 1: the app is there, and its start screen offers staff a way in
    app = wait_for(lambda: process.poll() is None and find_app(process.pid))
    button = app and wait_for(lambda: find_visible(app, R.PUSH_BUTTON, STAFF_BUTTON))
    diagnostics = []
    if not app:
        diagnostics.append('plainly did not appear on the accessibility bus')
    elif not button:
        diagnostics.append(f'no visible push button named "{STAFF_BUTTON}"')
    if not tap.result(bool(button), diagnostics):
        tap.fail_rest('no way into the staff window')
        return

    # 2: pressing it opens the staff window on the first manager's set-up
    press(button)
    window = wait_for(lambda: staff_window(app))
    shown = window and wait_for(lambda: heading_shown(window, 'Set up Plainly for your service'))
    if not tap.result(bool(shown), [] if shown else ['no "Set up Plainly for your service" heading']):
        tap.fail_rest('the staff window did not open')
        return

    # 3: every control of the set-up has a name
    problems = unnamed_controls(window)
    tap.result(not problems, problems)

    # 4: set up through the entries and the button alone
    problems = [p for p in (
        type_into(window, 'Your name, as others will see it', 'Lorraine Fisher'),
        type_into(window, 'User name, to sign in with', 'lorraine'),
        type_into(window, 'Password or PIN', PASSWORD),
        type_into(window, 'The same password or PIN again', PASSWORD),
    ) if p]
    create = find_visible(window, R.PUSH_BUTTON, 'Create manager account')
    if create is None:
        problems.append('no "Create manager account" button')
    elif not problems:
        press(create)
        if not wait_for(lambda: row_named(window, 'Dorothy May Whitaker')):
            problems.append('the desk did not open with a row for Dorothy May Whitaker')
    if not tap.result(not problems, problems):
        tap.fail_rest('could not sign in')
        return

    # 5: every control of the desk has a name
    problems = unnamed_controls(window)
    tap.result(not problems, problems)

    # 6-9: Dot's pages, each reached by its tab, each control named
    row = row_named(window, 'Dorothy May Whitaker')
    opened = select_row(row) and wait_for(
        lambda: heading_shown(window, 'Dorothy May Whitaker (likes to be called Dot)'))
    for tab, marker in PERSON_PAGES:
        problems = []
        if not opened:
            problems.append("Dot's pages did not open from her row")
        else:
            button = wait_for(lambda: find_visible(window, R.PAGE_TAB, tab))
            if button is None:
                problems.append(f'no tab named "{tab}"')
            elif not press(button) and not select_row(button):
                problems.append(f'the tab "{tab}" cannot be chosen without a mouse')
            else:
                # GTK 4.8 gives toggle buttons the push button role
                if marker and not wait_for(lambda: find_visible(window, R.TOGGLE_BUTTON, marker)
                                           or find_visible(window, R.PUSH_BUTTON, marker)):
                    problems.append(f'no "{marker}" on the {tab} page')
                problems += unnamed_controls(window)
        tap.result(not problems, problems)

    # 10: a braille copy of the plan, its dialog and preview named
    problems = []
    plan_tab = find_visible(window, R.PAGE_TAB, 'Plan') if opened else None
    if plan_tab is None or not (press(plan_tab) or select_row(plan_tab)):
        problems.append('the Plan page could not be opened again')
    else:
        problems += braille_copy(app, window)
    tap.result(not problems, problems)

    # 11-13: the service's pages
    for page, heading in SERVICE_PAGES:
        problems = []
        row = wait_for(lambda: row_named(window, page))
        if row is None:
            problems.append(f'no sidebar row "{page}"')
        elif not select_row(row):
            problems.append(f'the row "{page}" cannot be chosen without a mouse')
        elif not wait_for(lambda: heading_shown(window, heading)):
            problems.append(f'choosing "{page}" did not open a page headed "{heading}"')
        else:
            problems += unnamed_controls(window)
        tap.result(not problems, problems)

    # 15: a word added, found by its row's named buttons, and removed
    problems = []
    if not heading_shown(window, 'How words are said'):
        problems.append('the "How words are said" page is not open')
    else:
        problems += pronunciation(window)
    tap.result(not problems, problems)


CASES = (
    ['start screen: a named button opens the staff window',
     'staff window: the first run asks for the first manager',
     'set-up: every control has a name',
     'set-up: typing through EditableText and pressing the button opens the desk',
     'desk: every control has a name']
    + [f'person: the {tab} page is reached by its tab, every control named'
       for tab, _ in PERSON_PAGES]
    + ['person: Braille Copy opens a dialog with every control named and a preview that says its page']
    + [f'service: "{page}" opens from the keyboard, every control named'
       for page, _ in SERVICE_PAGES]
    + ['service: a word is added to "How words are said" by its named entries, '
       'its row\'s buttons are named for it, and Remove takes it away'])


def main():
    return run_script(CASES, check, 'plainly-atspi-staff-')


if __name__ == '__main__':
    sys.exit(main())
