#!/usr/bin/python3
# test-orca.py: Orca itself reads Plainly, and what it says is checked
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-orca.py BUILD_ROOT
#
# Starts Debian's Orca 43 in a session of its own (orca_session.py: its own
# D-Bus, display, null sound sink and home), then Plainly on the example
# database, presses keys as a blind person would and checks what Orca said:
# the start screen with a notice and the home with their headings, choosing
# Dot, her plan heard from its heading and read by Say All (fields with
# their names) and from start to end with a word at every press, the
# contents (F9), a link and Back, the read-aloud bar, changing the text
# size with the change heard, the spacing, and the About window; and that
# Plainly, finding Orca on the accessibility bus, keeps Dot's talking
# buttons quiet (its debug messages say what they said). Nothing it
# says may be a GTK type name, the same words twice in a row (or a name
# said again as its role: "Menu menu"), or "label" after plain text.
# Speaks TAP; where Orca cannot run (not installed, or another Orca of this
# user is running) the whole test is skipped and says why. What Orca said
# for each key is kept in BUILD/meson-logs/orca/heard.txt, with its logs.

import json
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import orca_session  # noqa: E402
from atspi_common import Tap  # noqa: E402
from orca_session import Session, SessionError  # noqa: E402

# Orca speaks GTK's type name when a widget has no name of its own
TYPE_NAME = re.compile(r'\b(Gtk|Adw|Pl)[A-Z][A-Za-z]+\b')
# The longest the whole run may take: a press that hangs fails, not the suite
TOTAL_SECONDS = 600
# A press Orca says nothing for within this is a silent press
PRESS_SECONDS = 6.0
# The plan has about 300 blocks; a reader who moves by block needs no more
MAX_READING_PRESSES = 400
# Say All has read on when it has read this many parts, within this time
SAY_ALL_PARTS = 6
SAY_ALL_SECONDS = 40
# The role word Orca adds to a named group
PANEL = re.compile(r'\bpanel\b')
# A word said twice running: a name said again as its role ("Menu menu")
# or a name made of its labels ("Pause Pause")
DOUBLED = re.compile(r'\b(\w{3,})\s+\1\b', re.IGNORECASE)

CASES = [
    'Orca starts in a private session and hears Plainly start',
    'start screen: Orca says "Dot" and the screen\'s question',
    'start screen: a notice is said by its words, as an alert with no type name',
    'choosing Dot: her home is spoken',
    'the start screen\'s and the home\'s headings are said once each, never as a "panel"',
    'her plan opens and Orca speaks its first part',
    'as the plan opens, its heading is the first thing said (not the window\'s title)',
    'Say All (KP_Add) reads on from the first part into the parts after it',
    'Say All reads a field\'s name before its value ("Plan", then "Version 1…")',
    'reading: Down reaches the end of the plan with no silent press',
    'reading: H and Shift+H move from heading to heading',
    'F9 speaks the contents, with how many parts',
    'F9: the contents say the part being read, and never "not selected"',
    'a link is followed and Back returns to it, both spoken',
    'the read-aloud bar: Read aloud is said by its name once',
    'settings: a text size is spoken with its state, and choosing it is confirmed',
    'settings: each spacing is one stop, said with its value, never "not selected" or "unselected"',
    'the complaint form: its question is said with its choices, and a box with its hint',
    'About Plainly: its parts are said by name, with no list box or type name',
    'talking buttons: Dot has them on, and Plainly, knowing Orca runs (not from the desktop\'s '
    'setting), keeps them quiet',
    'nothing spoken is a type name, said twice, or "label" after text',
]


# Cases Plainly is known not to pass yet: reported as TODO, not hidden
KNOWN_FAILURES = {}


class OrcaTap(Tap):
    """TAP with the known failures marked TODO: seen, counted, not hidden."""

    def result(self, ok, diagnostics=()):
        number = self.number + 1
        if number in KNOWN_FAILURES:
            self.number = number
            name = self.cases[number - 1]
            word = 'ok' if ok else 'not ok'
            print(f'{word} {number} - {name} # TODO {KNOWN_FAILURES[number]}', flush=True)
            for line in diagnostics:
                print(f'# {line}', flush=True)
            return ok
        return super().result(ok, diagnostics)


def slowness(build_root):
    """How many times longer than usual Plainly may take to answer: a build
    with AddressSanitizer (as CI's second run) is two to three times
    slower. Only the waits for Orca's first word grow, never what counts as
    silence, so a slow build is given time but a silent press still fails."""
    try:
        with open(os.path.join(build_root, 'meson-info', 'intro-buildoptions.json'),
                  encoding='utf-8') as f:
            options = {o['name']: o['value'] for o in json.load(f)}
    except (OSError, ValueError, KeyError, TypeError):
        return 1.0
    return 3.0 if options.get('b_sanitize', 'none') not in ('none', []) else 1.0


class Run:
    def __init__(self, tap, session, slow=1.0):
        self.tap = tap
        self.session = session
        self.slow = slow
        self.heard = []          # (what was pressed, words) for the last case
        self.started = time.monotonic()

    def press(self, keys, want=None, timeout=PRESS_SECONDS, quiet=0.5):
        if time.monotonic() - self.started > TOTAL_SECONDS * self.slow:
            raise SessionError(f'the run took longer than {TOTAL_SECONDS * self.slow:.0f} s')
        words = self.session.press(keys, want=want, timeout=timeout * self.slow, quiet=quiet)
        self.heard.append((keys, words))
        return words


def joined(words):
    return ' | '.join(words) if words else '(nothing)'


def problems_in(heard, plan_lines=()):
    """Words no person should hear: type names, repeats, role noise. A
    word that ends one block of the plan and starts the next (a visit
    called "Lunch" whose notes begin "Lunch at the table") is the plan's."""
    problems = []
    plan_joins = {a.split()[-1].lower() for a, b in zip(plan_lines, plan_lines[1:])
                  if a.split() and b.split() and a.split()[-1].lower() == b.split()[0].lower()}
    for keys, words in heard:
        for w in words:
            if TYPE_NAME.search(w):
                problems.append(f'after {keys}: a type name in "{w}"')
            if re.search(r'[.!?]\s+label\.?$', w) or w.strip() == 'label.':
                problems.append(f'after {keys}: "label" after text in "{w}"')
            parts = [p.strip() for p in re.split(r'[.]\s+|\s{2,}', w) if p.strip()]
            for a, b in zip(parts, parts[1:]):
                if a.rstrip('.').lower() == b.rstrip('.').lower():
                    problems.append(f'after {keys}: "{a}" said twice in "{w}"')
            doubled = DOUBLED.search(w)
            if doubled and doubled.group(1).lower() not in plan_joins:
                problems.append(f'after {keys}: "{doubled.group(0)}" in "{w}"')
        for a, b in zip(words, words[1:]):
            if a.strip().rstrip('.').lower() == b.strip().rstrip('.').lower():
                problems.append(f'after {keys}: "{a}" said twice')
    return problems


def check(tap, session, run, plan_lines, headings):
    # 1: Plainly is on Orca's desktop
    mark = session.log.mark()
    database = session.make_database()
    # Readable by others: Plainly makes it private and says so in a notice
    os.chmod(database, 0o644)
    # Its debug messages say whether it found a screen reader, and every
    # word its talking buttons say or keep back
    app = session.start_app(database, {'G_MESSAGES_DEBUG': 'Plainly'})
    appeared = session.log.wait(lambda lines: any('[application | plainly]' in line
                                                  for line in lines), mark, 60)
    if not tap.result(bool(appeared) and app.poll() is None,
                      [] if appeared else ['Orca never saw Plainly on the desktop']):
        tap.fail_rest('Plainly did not start')
        return
    session.log.wait_quiet(mark, 1.0, 20)

    # 2: the start screen. Orca misses a window that is drawn before it
    # knows the app, so the focus is moved away and back, as a person would
    # when they arrive at a window: out of the group of names (Tab would go
    # on to the next person) and back into it
    words = run.press('shift+Tab') + run.press('Tab', want='Dot')
    start_words = run.heard[-1][1]
    ok = any('Dot' in w for w in words)
    tap.result(ok, [f'Orca said: {joined(words)}'])
    if not ok:
        tap.fail_rest('Dot could not be found by ear')
        return

    # 3: the notice above the start screen: Shift+Tab from Dot reaches it
    # (past the menu), then Tab comes back to Dot
    notice = []
    for _ in range(4):
        words = run.press('shift+Tab')
        if any('Dismiss' in w for w in words):
            notice = words
            break
    for _ in range(4):
        if any(w.startswith('Dot push button') for w in run.press('Tab')):
            break
    said = ' '.join(notice)
    ok = ('could be read by other people' in said and 'alert' in said
          and not TYPE_NAME.search(said))
    tap.result(ok, [f'Orca said: {joined(notice)}'])

    # 3: Return on Dot opens her home
    words = run.press('Return', want='Hello, Dot', timeout=15)
    home_words = words
    ok = any('Hello, Dot' in w for w in words)
    if not tap.result(ok, [f'Orca said: {joined(words)}']):
        tap.fail_rest('her home did not open')
        return

    # 4: a heading over a group of buttons is said once, as the group's
    # name, without the role word Orca adds to a named panel
    def times(text, words):
        return sum(w.count(text) for w in words)

    panels = [w for w in start_words + home_words if PANEL.search(w)]
    ok = (times('Who is using Plainly?', start_words) == 1
          and times('Hello, Dot', home_words) == 1 and not panels)
    tap.result(ok, [f'start screen: {joined(start_words)}', f'home: {joined(home_words)}']
               + [f'a panel: "{w}"' for w in panels])

    # 5: Tab to "My plan", then Return
    found = False
    for _ in range(12):
        words = run.press('Tab')
        if any(w.startswith('My plan') for w in words):
            found = True
            break
    opened = []
    if found:
        mark = session.log.mark()
        t0 = time.monotonic()
        opened = run.press('Return', want=plan_lines[0], timeout=20)
        first = time.monotonic() - t0
    ok = found and any(plan_lines[0] in w for w in opened)
    diagnostics = [f'Orca said: {joined(opened)}']
    if found:
        diagnostics.append(f'first speech after opening: {first:.2f} s')
    else:
        diagnostics.append('no "My plan" button was heard in 12 Tabs')
    if not tap.result(ok, diagnostics):
        tap.fail_rest('the plan did not open')
        return

    # 7: the first words as it opens are its heading's, not "Plainly"
    tap.result(opened[0].startswith(plan_lines[0]), [f'first said: "{opened[0]}"'])

    # 6: Say All reads from the focused part on through the parts after
    # it, as Orca follows the text's flows-to relations; any key stops it
    def read_on(lines):
        pieces = orca_session.said_all(lines)
        return pieces if len({obj for obj, _ in pieces}) >= SAY_ALL_PARTS else None

    mark = session.log.mark()
    session.key('KP_Add')
    session.log.wait(read_on, mark, SAY_ALL_SECONDS * run.slow)
    pieces = orca_session.said_all(session.log.since(mark))
    run.heard.append(('KP_Add', [words for _, words in pieces]))
    run.press('Control_L', timeout=2)
    parts = len({obj for obj, _ in pieces})
    tap.result(parts >= SAY_ALL_PARTS,
               [f'Say All read {len(pieces)} pieces from {parts} parts '
                f'in {SAY_ALL_SECONDS * run.slow:.0f} s']
               + [f'{obj} {words[:60]}' for obj, words in pieces[:8]])

    # 9: the first field of the plan ("Plan: Version 1, …" as plainly-cli
    # shows it): its name is read, and then its value
    field = next((line for line in plan_lines[:12] if ': ' in line), '')
    name, _, value = field.partition(': ')
    said = [words.strip() for _, words in pieces]
    at = next((i for i, words in enumerate(said) if value and words.startswith(value[:20])), -1)
    ok = at > 0 and said[at - 1].rstrip('.:') == name
    tap.result(ok, [f'the field: "{field}"',
                    'read: ' + ' | '.join(w[:40] for w in said[max(at - 2, 0):at + 1])
                    if at >= 0 else f'its value was not read in {len(said)} pieces'])

    # 7: Down to the end: every press says something, and the last block
    # of the plan is reached
    silent = []
    last = plan_lines[-1]
    reached = False
    presses = 0
    longest_silence = run_of_silence = 0
    for presses in range(1, MAX_READING_PRESSES + 1):
        words = run.press('Down', quiet=0.3)
        if not words:
            silent.append(presses)
            run_of_silence += 1
            longest_silence = max(longest_silence, run_of_silence)
            if run_of_silence >= 5:
                break
        else:
            run_of_silence = 0
        if any(last[:60] in w for w in words):
            reached = True
            break
    diagnostics = [f'{presses} presses, {len(silent)} silent '
                   f'(longest run {longest_silence})']
    if silent:
        diagnostics.append('silent presses: ' + ', '.join(map(str, silent[:20])))
    if not reached:
        diagnostics.append(f'the last block ("{last[:40]}…") was never spoken')
    tap.result(reached and not silent, diagnostics)

    # 8: headings one after another, back from the end
    words_back = run.press('shift+h')
    words_back2 = run.press('shift+h')
    ok = (any('heading' in w for w in words_back) and any('heading' in w for w in words_back2)
          and words_back != words_back2)
    tap.result(ok, [f'Shift+H: {joined(words_back)}', f'Shift+H again: {joined(words_back2)}',
                    f'{len(headings)} headings in the plan'])

    # 9: F9 shows the contents and puts the focus in them: a part is spoken,
    # and the list with how many parts it has (its rows are links, which
    # Orca does not count)
    words = run.press('F9')
    parts = set(headings)
    ok = (any(any(p and p in w for p in parts) for w in words)
          and any(re.search(r'Contents, \d+ parts', w) for w in words))
    tap.result(ok, [f'Orca said: {joined(words)}'])

    # 12: F9 starts at the part being read, near the end, and says so; no
    # part is "not selected"
    ok = (any('the part you are reading' in w for w in words)
          and any(any(p in w for p in headings[-4:]) for w in words)
          and not any('not selected' in w for w in words))
    tap.result(ok, [f'Orca said: {joined(words)}'])
    run.press('F9')

    # 10: a link: to the start (Home), then Down until a link is heard;
    # Return follows it, Alt+Left comes back to it
    run.press('Home')
    link = None
    for _ in range(30):
        words = run.press('Down', quiet=0.3)
        link = next((w for w in words if 'link' in w), None)
        if link:
            break
    followed = back = []
    if link:
        followed = run.press('Return')
        back = run.press('alt+Left')
    target = link.split(' link')[0].strip() if link else ''
    ok = (link is not None and any(target in w and 'heading' in w for w in followed)
          and any(target in w and 'link' in w for w in back))
    tap.result(ok, [f'link: {link or "none heard in 30 presses"}',
                    f'followed: {joined(followed)}', f'back: {joined(back)}'])

    # 14: the read-aloud bar, after the plan's last part: its first button
    # is said by its name, once
    run.press('End')
    bar = run.press('Tab')
    said = ' '.join(bar)
    ok = 'Read aloud push button' in said and not DOUBLED.search(said) and 'Aloud Read' not in said
    tap.result(ok, [f'Orca said: {joined(bar)}'])

    # 11: settings: Escape leaves the plan; Tab to "My settings"; the sizes
    # are said with their state, and Space on one is confirmed
    run.press('Escape', timeout=4)
    found = False
    for _ in range(15):
        words = run.press('Tab')
        if any(w.startswith('My settings') for w in words):
            found = True
            break
    size_words = chosen = []
    if found:
        run.press('Return', want='Settings for Dot', timeout=15)
        for _ in range(25):
            words = run.press('Tab')
            if any('Very large' in w for w in words):
                size_words = words
                break
        if size_words:
            chosen = run.press('space')
    # "Very large, 24 point." then "not selected radio button"
    stated = re.search(r'Very large.*\b(not selected|selected|not checked|checked)\b',
                       ' '.join(size_words)) is not None
    confirmed = any(re.search(r'(?<!not )\b(selected|checked)\b', w) for w in chosen)
    tap.result(found and stated and confirmed,
               [f'"My settings" {"found" if found else "not heard in 15 Tabs"}',
                f'the size: {joined(size_words)}', f'after Space: {joined(chosen)}'])

    # 12: the spacing: each a spin button, one Tab stop, said with its
    # value; the row around it is no stop of its own ("not selected")
    spacing = []
    if found and size_words:
        for _ in range(20):
            words = run.press('Tab')
            if any('Space between' in w for w in words):
                spacing.append(words)
            elif spacing:
                break
    names = ('Space between lines', 'Space between paragraphs', 'Space between letters')
    stops = {name: [words for words in spacing if any(name in w for w in words)]
             for name in names}
    ok = (all(len(stops[name]) == 1 and any('spin button' in w for w in stops[name][0])
              for name in names)
          and not any('not selected' in w or 'unselected' in w
                      for words in spacing for w in words))
    tap.result(ok, [f'Tab: {joined(words)}' for words in spacing] or ['no spacing heard'])

    # The complaint form, from her home: the question is said as the
    # focus comes to its choices; a choice moves on to a box for the
    # answer, said with its question and its hint
    form = []
    if found:
        run.press('Escape', timeout=4)
        for _ in range(10):
            words = run.press('Tab')
            if any(w.startswith('Tell us what you think') for w in words):
                form.append(run.press('Return', want='push button', timeout=15))
                form.append(run.press('space', want='text', timeout=10))
                break
    kind = ' '.join(form[0]) if form else ''
    what = ' '.join(form[1]) if len(form) > 1 else ''
    ok = ('What would you like to tell us? heading' in kind and 'What happened?' in what
          and 'in your own words' in what)
    tap.result(ok, [f'heard: {joined(words)}' for words in form] or
               ['no "Tell us what you think" on her home in 10 Tabs'])

    # 13: About Plainly, from the start screen's menu: its rows are said
    # by their names, and the Legal page opens with its Back button named
    about = []
    for _ in range(4):
        words = run.press('Escape', timeout=4)
        if any(w.startswith('Dot push button') for w in words):
            break
    menu = run.press('F10')
    for _ in range(6):
        words = run.press('Down')
        if any('About Plainly' in w for w in words):
            about.append(run.press('Return', want='About', timeout=10))
            break
    if about:
        for _ in range(4):
            about.append(run.press('Tab'))
            if any('Legal' in w for w in about[-1]):
                about.append(run.press('Return'))
                break
        run.press('Escape', timeout=3)
        run.press('Escape', timeout=3)
    heard = [w for words in about for w in words]
    wrong = [w for w in heard if TYPE_NAME.search(w) or 'not selected' in w or 'List with' in w]
    ok = (bool(about) and any('Details' in w for w in heard) and any('Legal' in w for w in heard)
          and not wrong)
    tap.result(ok, ([f'heard: {joined(words)}' for words in about]
                    or [f'no "About Plainly" in the menu: {joined(menu)}'])
               + [f'wrong: "{w}"' for w in wrong])

    # 14: Dot's talking buttons are on; Orca was started from a terminal,
    # so the desktop's setting says no screen reader: Plainly finds Orca
    # on the accessibility bus and never speaks over it
    plainly_log = os.path.join(session.folder, 'plainly.log')
    with open(plainly_log, encoding='utf-8', errors='replace') as log:
        said = log.read()
    spoke = [line for line in said.splitlines() if 'Talking button says' in line]
    ok = ('A screen reader is running' in said and 'quiet for the screen reader' in said
          and not spoke)
    tap.result(ok, spoke[:5] or ['Plainly never said it found a screen reader, or kept its '
                                 'talking buttons quiet (plainly.log)'])

    # 15: over everything heard
    problems = problems_in(run.heard, plan_lines)
    tap.result(not problems, problems[:30])


def plan_text(build_root, folder):
    """The plan's blocks as plainly-cli shows them, without marks."""
    import subprocess
    database = os.path.join(folder, 'plan.db')
    cli = os.path.join(build_root, 'src', 'cli', 'plainly-cli')
    subprocess.run([cli, '--db', database, 'demo'], check=True, stdout=subprocess.DEVNULL)
    out = subprocess.run([cli, '--db', database, 'show', 'Dot'], check=True,
                         capture_output=True, text=True).stdout
    lines = []
    for line in out.splitlines():
        line = line.strip()
        if not line:
            continue
        lines.append(line.lstrip('→ ').strip() if not line.startswith('#') else line)
    return lines


def keep_logs(build_root, folder, run):
    """Orca's logs, and what it said for each key pressed (heard.txt), kept
    beside the build: what Orca says is read there after a run, passed or
    failed."""
    keep = os.path.join(build_root, 'meson-logs', 'orca')
    os.makedirs(keep, exist_ok=True)
    for name in os.listdir(folder):
        if name.endswith('.log'):
            try:
                with open(os.path.join(folder, name), 'rb') as src, \
                     open(os.path.join(keep, name), 'wb') as dst:
                    dst.write(src.read())
            except OSError:
                pass
    if run is not None:
        with open(os.path.join(keep, 'heard.txt'), 'w', encoding='utf-8') as f:
            for keys, words in run.heard:
                f.write(f'{keys}: {joined(words)}\n')
    print(f'# logs kept in {keep}', flush=True)


def main():
    if len(sys.argv) != 2:
        print(f'usage: {sys.argv[0]} BUILD_ROOT', file=sys.stderr)
        return 2

    if not os.environ.get(orca_session.INNER_FLAG):
        why = orca_session.missing_programs()
        if why is None and orca_session.other_orca():
            why = (f'another Orca of this user is running (pid {orca_session.other_orca()}); '
                   f'Orca 43 will not start beside it')
        if why:
            print(f'1..0 # SKIP Orca cannot run here: {why}', flush=True)
            return 0
        return orca_session.run_in_private_session([os.path.abspath(__file__)] + sys.argv[1:])

    folder = os.environ[orca_session.INNER_FLAG]
    tap = OrcaTap(CASES)
    session = Session(sys.argv[1], folder)
    run = None
    try:
        plan = plan_text(sys.argv[1], folder)
        plan_lines = [line.lstrip('#').strip() for line in plan]
        headings = [line.lstrip('#').strip() for line in plan if line.startswith('#')]
        session.start()
        run = Run(tap, session, slowness(sys.argv[1]))
        check(tap, session, run, plan_lines, headings)
    except (SessionError, OSError) as error:
        tap.fail_rest(str(error))
    except Exception as error:  # a crash in the script is a failure, with its reason
        tap.fail_rest(f'{type(error).__name__}: {error}')
    finally:
        session.stop()
        keep_logs(sys.argv[1], folder, run)
    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit(main())
