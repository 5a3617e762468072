#!/usr/bin/python3
# bench-orca.py: how long Orca is silent when the plan opens, the first
# time and again, and how many children-changed events it is sent meanwhile
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   bench-orca.py BUILD_ROOT [--times N]
#
# Runs Debian's Orca in a session of its own (orca_session.py), chooses
# Dot, opens her plan, goes back to her home and opens it again, N times
# (3 unless told). For each opening it prints the seconds from Return to
# Orca's first word of the plan and the children-changed events Orca was
# sent by then and in all (until Plainly fell quiet). Every event is a
# D-Bus message Orca reads before it can speak. Prints figures and never
# fails on time; where Orca cannot run it says why and exits 0.

import argparse
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))

import orca_session  # noqa: E402
from orca_session import Session, SessionError, speech  # noqa: E402

CHILDREN_CHANGED = re.compile(r'EVENT MANAGER: object:children-changed')
FIRST_WORDS = "Dot's care and support plan"


def count_events(lines):
    return sum(1 for line in lines if CHILDREN_CHANGED.search(line))


def open_plan(session):
    """Presses Return on "My plan": (seconds to the first word, events by
    then, events in all)."""
    mark = session.log.mark()
    t0 = time.monotonic()
    session.key('Return')
    heard = session.log.wait(lambda lines: any(FIRST_WORDS in w for w in speech(lines)),
                             mark, 60)
    first = time.monotonic() - t0
    lines = session.log.since(mark)
    upto = next((i for i, line in enumerate(lines)
                 if 'SPEECH OUTPUT' in line and FIRST_WORDS in line), len(lines))
    before = count_events(lines[:upto])
    everything = session.log.wait_quiet(mark, 2.0, 60)
    return (first if heard else None), before, count_events(everything)


def run(build_root, times):
    folder = os.environ[orca_session.INNER_FLAG]
    session = Session(build_root, folder)
    try:
        session.start()
        mark = session.log.mark()
        session.start_app(session.make_database())
        session.log.wait(lambda lines: any('[application | plainly]' in line for line in lines),
                         mark, 60)
        session.log.wait_quiet(mark, 1.0, 20)
        session.press('Tab')
        session.press('shift+Tab', want='Dot')
        session.press('Return', want='Hello, Dot', timeout=15)
        for _ in range(12):
            if any(w.startswith('My plan') for w in session.press('Tab')):
                break
        else:
            raise SessionError('no "My plan" button was heard')
        print(f'{"opening":>8} {"first word (s)":>15} {"events by then":>15} {"events in all":>14}')
        for i in range(times):
            first, before, total = open_plan(session)
            shown = f'{first:.2f}' if first is not None else 'never'
            print(f'{i + 1:>8} {shown:>15} {before:>15} {total:>14}', flush=True)
            # Back to her home: the focus returns to "My plan"
            session.press('Escape', want='My plan', timeout=15)
    finally:
        session.stop()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('build_root')
    parser.add_argument('--times', type=int, default=3)
    args = parser.parse_args()

    if not os.environ.get(orca_session.INNER_FLAG):
        why = orca_session.missing_programs()
        if why is None and orca_session.other_orca():
            why = f'another Orca of this user is running (pid {orca_session.other_orca()})'
        if why:
            print(f'Orca cannot run here: {why}')
            return 0
        return orca_session.run_in_private_session([os.path.abspath(__file__)] + sys.argv[1:])

    try:
        run(os.path.abspath(args.build_root), args.times)
    except SessionError as error:
        print(f'stopped: {error}')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
