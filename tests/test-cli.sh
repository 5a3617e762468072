#!/usr/bin/env bash
# test-cli.sh: plainly-cli as a person or a script uses it
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-cli.sh BUILD-ROOT
#
# Speaks TAP. Every case uses a database in its own temporary folder.

set -u

cli=$1/src/cli/plainly-cli
tmp=$(mktemp -d "${TMPDIR:-/tmp}/plainly-cli-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0

ok ()
{
  n=$((n + 1))
  echo "ok $n - $1"
}

not_ok ()
{
  n=$((n + 1))
  failed=$((failed + 1))
  echo "not ok $n - $1"
  shift
  for line in "$@"; do
    printf '# %s\n' "$line"
  done
}

# expect WHAT STATUS COMMAND…: runs the command, keeping its output in
# $tmp/out and $tmp/err, and checks its exit status
expect ()
{
  local what=$1 want=$2 got
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  if [ "$want" = nonzero ] && [ $got -ne 0 ]; then
    ok "$what"
  elif [ "$want" != nonzero ] && [ $got -eq "$want" ]; then
    ok "$what"
  else
    not_ok "$what" "exit status $got, wanted $want" "stderr: $(head -c 600 "$tmp/err")"
  fi
}

check ()
{
  local what=$1
  shift
  if "$@"; then ok "$what"; else not_ok "$what" "failed: $*"; fi
}

if [ ! -x "$cli" ]; then
  echo "1..0 # SKIP plainly-cli is not built"
  exit 0
fi

db=$tmp/demo.db

expect "demo creates the example person" 0 "$cli" --db "$db" demo
demo_out=$(cat "$tmp/out")
check "the new database is readable and writable only by its owner" \
  test "$(stat -c %a "$db")" = 600

expect "check passes on the example database" 0 "$cli" --db "$db" check
cp "$tmp/out" "$tmp/check-1"

expect "demo again" 0 "$cli" --db "$db" demo
expect "check after demo again" 0 "$cli" --db "$db" check
# demo refreshes rather than adds: the counts stay as they were (the
# history of changes may grow, so leave its line out)
check "demo is idempotent: the same row counts" \
  diff <(grep -v -i history "$tmp/check-1") <(grep -v -i history "$tmp/out")

expect "list shows the people" 0 "$cli" --db "$db" list
check "list prints one person" test "$(grep -c . "$tmp/out")" -eq 1
person=$(head -n 1 "$tmp/out" | grep -o -E '[0-9]+' | head -n 1)
check "list prints an id" test -n "$person"
check "list prints the id, a tab, then the name" grep -q -P '^[0-9]+\t\S' "$tmp/out"
name=$(head -n 1 "$tmp/out" | cut -f 2 | sed 's/ (.*)$//')
check "the person listed is the example person demo made" \
  grep -q -F -- "$(head -n 1 "$tmp/out" | cut -f 2 | sed 's/^.*(\(.*\))$/\1/')" <<<"$demo_out"

expect "show prints the plan" 0 "$cli" --db "$db" show "$person"
plan_lines=$(grep -c . "$tmp/out")
check "the plan is more than a few lines (got $plan_lines)" test "$plan_lines" -gt 40
cp "$tmp/out" "$tmp/plan"
check "the plan starts with its title as a heading" grep -q -E '^# .+' <(head -n 1 "$tmp/plan")
check "the summary comes first" test "$(grep -m 1 -E '^## ' "$tmp/plan")" = "## Summary"
check "the summary links to the parts" test "$(grep -c -E '^→ ' "$tmp/plan")" -ge 10
check "every part has its heading" test "$(grep -c -E '^## ' "$tmp/plan")" -ge 10
check "nothing on stderr" test ! -s "$tmp/err"

expect "show finds a person by name" 0 "$cli" --db "$db" show "$name"
check "the same plan by name as by number" cmp -s "$tmp/out" "$tmp/plan"

expect "show --document plan is the default" 0 "$cli" --db "$db" show "$person" --document plan
check "the same text either way" cmp -s "$tmp/out" "$tmp/plan"

for doc in welcome complaint diary; do
  expect "show --document $doc" 0 "$cli" --db "$db" show "$person" --document "$doc"
  check "the $doc document has text" test "$(grep -c . "$tmp/out")" -gt 3
done

expect "show an unknown person fails" nonzero "$cli" --db "$db" show 999999
check "with a message on stderr" test -s "$tmp/err"
check "and nothing on stdout" test ! -s "$tmp/out"

expect "show an unknown document fails" nonzero "$cli" --db "$db" show "$person" --document nonsense
check "with a message on stderr" test -s "$tmp/err"

expect "an unknown command fails" nonzero "$cli" --db "$db" frobnicate
check "with a message on stderr" test -s "$tmp/err"

# A file that is not a database is refused and left exactly as it was
printf 'Shopping: milk, bread, tea\n' >"$tmp/notes.txt"
cp "$tmp/notes.txt" "$tmp/notes.orig"
expect "check on a text file fails" nonzero "$cli" --db "$tmp/notes.txt" check
check "with a message on stderr" test -s "$tmp/err"
check "and the file is unchanged" cmp -s "$tmp/notes.txt" "$tmp/notes.orig"

expect "a folder that does not exist fails" nonzero "$cli" --db "$tmp/no/such/folder/x.db" list
check "with a message on stderr" test -s "$tmp/err"
check "and nothing is created" test ! -e "$tmp/no"

echo "1..$n"
[ $failed -eq 0 ]
