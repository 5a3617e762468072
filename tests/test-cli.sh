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

# shellcheck source=tests/tap-util.sh
. "$(dirname "$0")/tap-util.sh"



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
check "says the example is already there and nothing changed" \
  grep -q "already here.*Nothing was changed" "$tmp/out"
check "under the same number" \
  test "$(grep -o 'number [0-9]*' "$tmp/out")" = "$(grep -o 'number [0-9]*' <<<"$demo_out")"
expect "check after demo again" 0 "$cli" --db "$db" check
# demo changes nothing when the example is there: not one row more, the
# history of changes included
check "demo is idempotent: the same row counts, history too" \
  diff "$tmp/check-1" "$tmp/out"

expect "list shows the people" 0 "$cli" --db "$db" list
check "list prints the three example people" test "$(grep -c . "$tmp/out")" -eq 3
check "the second reads in Polish" grep -q -P '^[0-9]+\tKrystyna \(Krystyna Kowalczyk\)$' "$tmp/out"
check "the third reads in easy read" grep -q -P '^[0-9]+\tJordan \(Jordan Lee Ellis\)$' "$tmp/out"
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

# speak: the plan as a sound file, and where each word is in it
expect "speak writes the plan as a WAV file" 0 "$cli" --db "$db" speak "$person" --out "$tmp/plan.wav"
check "nothing on stdout without --events" test ! -s "$tmp/out"
if command -v sox >/dev/null 2>&1; then
  duration=$(sox --i -D "$tmp/plan.wav" 2>/dev/null)
  check "sox reads the file, and it lasts more than a second (got ${duration:-nothing})" \
    awk -v d="${duration:-0}" 'BEGIN { exit !(d > 1) }'
  loudness=$(sox "$tmp/plan.wav" -n stat 2>&1 | awk '/RMS +amplitude/ { print $3 }')
  check "the file is not silent (RMS ${loudness:-nothing})" \
    awk -v r="${loudness:-0}" 'BEGIN { exit !(r > 0.01) }'
else
  ok "# SKIP sox is not installed"
fi

expect "speak --events prints the words" 0 "$cli" --db "$db" speak "$person" --out "$tmp/plan2.wav" --events
cp "$tmp/out" "$tmp/events"
check "one line a word, more than a few hundred" test "$(grep -c . "$tmp/events")" -gt 300
check "each line is anchor, start, end, milliseconds and the word" \
  awk -F '\t' 'NF != 5 || $2 !~ /^[0-9]+$/ || $3 <= $2 || $4 !~ /^[0-9]+$/ || $5 == "" { exit 1 }' "$tmp/events"
check "the times never go backwards" \
  awk -F '\t' '$4 < last { exit 1 } { last = $4 }' "$tmp/events"
check "the first word is the first word of the title" \
  test "$(head -n 1 "$tmp/events" | cut -f 5)" = "$(head -n 1 "$tmp/plan" | sed 's/^# //' | awk '{ print $1 }')"
check "every word spoken is in the text show prints" \
  awk -F '\t' 'NR == FNR { text = text $0 "\n"; next } index(text, $5) == 0 { print $5; exit 1 }' \
  "$tmp/plan" "$tmp/events"
check "the same audio with or without --events" cmp -s "$tmp/plan.wav" "$tmp/plan2.wav"

# Someone who reads in easy read hears its lines, as their window reads
# them: "I work at the café", not "My job at the Canal Café"
expect "speak reads easy read to one who reads in it" 0 \
  "$cli" --db "$db" speak Jordan --out "$tmp/jordan.wav" --events
check "the easy read line" grep -qP '^most-important[^\t]*\t[0-9]+\t[0-9]+\t[0-9]+\tcafé$' "$tmp/out"
check "not the words it stands for" sh -c '! grep -qP "^most-important[^\t]*\t.*\t(Linden|Castlebridge)$" "$1"' \
  sh "$tmp/out"
check "each line keeps the anchor of its part" grep -qP '^crisis' "$tmp/out"

expect "speak --document welcome" 0 "$cli" --db "$db" speak "$person" --document welcome --out "$tmp/welcome.wav"
check "the welcome pack's audio is there" test -s "$tmp/welcome.wav"

# A phone plays MP3; Ogg Vorbis is the open choice. The file's ending chooses.
expect "speak writes MP3 when the file ends in .mp3" 0 \
  "$cli" --db "$db" speak "$person" --document welcome --out "$tmp/welcome.mp3"
check "the file starts with an MP3 frame or tag" \
  sh -c 'head -c 3 "$1" | od -A n -t x1 | grep -Eq "^ (ff f[2-7b]|49 44 33)"' sh "$tmp/welcome.mp3"
check "and is far smaller than the WAV" \
  test "$(($(wc -c < "$tmp/welcome.mp3") * 4))" -lt "$(wc -c < "$tmp/welcome.wav")"
expect "speak writes Ogg Vorbis when the file ends in .ogg" 0 \
  "$cli" --db "$db" speak "$person" --document welcome --out "$tmp/welcome.ogg"
if command -v sox >/dev/null 2>&1; then
  wav_length=$(sox --i -D "$tmp/welcome.wav" 2>/dev/null)
  ogg_length=$(sox --i -D "$tmp/welcome.ogg" 2>/dev/null)
  check "sox reads the Ogg file, as long as the WAV (${ogg_length:-nothing} s, ${wav_length:-nothing} s)" \
    awk -v a="${ogg_length:-0}" -v b="${wav_length:-0}" 'BEGIN { d = a - b; exit !(a > 1 && d < 0.5 && d > -0.5) }'
else
  ok "# SKIP sox is not installed"
fi

expect "speak without --out fails" nonzero "$cli" --db "$db" speak "$person"
check "with a message on stderr" test -s "$tmp/err"

expect "speak into a folder that does not exist fails" nonzero \
  "$cli" --db "$db" speak "$person" --out "$tmp/no/such/folder/plan.wav"
check "with a message on stderr" test -s "$tmp/err"
check "and nothing is created" test ! -e "$tmp/no"

mkdir "$tmp/empty"
expect "speak to a path that is a folder fails" nonzero "$cli" --db "$db" speak "$person" --out "$tmp/empty"
check "and leaves no temporary file behind" test -z "$(ls -A "$tmp/empty")"
check "nor beside it" test -z "$(ls -A "$tmp" | grep '^\.')"

expect "--events without speak fails" nonzero "$cli" --db "$db" show "$person" --events

# export: the plan as a large-print PDF
expect "export writes the plan as a PDF" 0 \
  "$cli" --db "$db" export "$person" --document plan --format pdf --size 24 --out "$tmp/plan.pdf"
check "the file is a PDF" test "$(head -c 5 "$tmp/plan.pdf")" = "%PDF-"
check "nothing on stdout" test ! -s "$tmp/out"
if command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1 &&
   command -v pdffonts >/dev/null 2>&1; then
  pages=$(pdfinfo "$tmp/plan.pdf" | awk '/^Pages:/ { print $2 }')
  check "the PDF has several pages (got ${pages:-none})" test "${pages:-0}" -gt 3
  pdftotext "$tmp/plan.pdf" "$tmp/plan-pdf.txt"
  check "\"Page 1 of $pages\" is on the first page" \
    grep -q -F "Page 1 of $pages" <(pdftotext -f 1 -l 1 "$tmp/plan.pdf" -)
  check "\"Page N of $pages\" is on every page" \
    test "$(grep -c -E "^Page [0-9]+ of $pages\$" "$tmp/plan-pdf.txt")" -eq "$pages"
  check "the title is real text" grep -q -F "$(head -n 1 "$tmp/plan" | sed 's/^# //')" "$tmp/plan-pdf.txt"
  # The parts' headings come in the order show prints them
  grep -E '^## ' "$tmp/plan" | sed 's/^## //' >"$tmp/parts"
  tr -s ' \n' '  ' <"$tmp/plan-pdf.txt" >"$tmp/plan-pdf-flat.txt"
  check "the parts come in the same order as in show" \
    awk 'NR == FNR { want[++n] = $0; next } { text = text $0 }
         END { at = 1; for (i = 1; i <= n; i++) { p = index(substr(text, at), want[i]);
               if (p == 0) { print want[i]; exit 1 } at += p + length(want[i]) - 1 } }' \
    "$tmp/parts" "$tmp/plan-pdf-flat.txt"
  check "every font is embedded" \
    awk 'NR > 2 && NF > 0 { n++; if ($(NF - 4) != "yes") bad = 1 } END { exit !(n > 0 && !bad) }' \
    <(pdffonts "$tmp/plan.pdf")
  check "the title is in the PDF's information" \
    grep -q -F "$(head -n 1 "$tmp/plan" | sed 's/^# //')" <(pdfinfo "$tmp/plan.pdf")
else
  ok "# SKIP poppler-utils (pdftotext, pdfinfo, pdffonts) is not installed"
fi

for size in 16 48; do
  expect "export at $size pt" 0 \
    "$cli" --db "$db" export "$person" --format pdf --size "$size" --out "$tmp/plan-$size.pdf"
  check "the $size pt file is there" test -s "$tmp/plan-$size.pdf"
done
if command -v pdfinfo >/dev/null 2>&1; then
  check "bigger text takes more pages" \
    test "$(pdfinfo "$tmp/plan-48.pdf" | awk '/^Pages:/ { print $2 }')" -gt \
         "$(pdfinfo "$tmp/plan-16.pdf" | awk '/^Pages:/ { print $2 }')"
fi

# A size out of range is an error, not quietly changed to one nobody chose
for size in 8 15.9 48.5 0 -24 nan inf; do
  expect "export --size $size is refused" 2 \
    "$cli" --db "$db" export "$person" --format pdf --size "$size" --out "$tmp/plan-bad.pdf"
done
check "saying the sizes it takes" grep -q -F "from 16 to 48" "$tmp/err"
check "and writes nothing" test ! -e "$tmp/plan-bad.pdf"

expect "export --high-contrast" 0 \
  "$cli" --db "$db" export "$person" --format pdf --high-contrast --out "$tmp/plan-hc.pdf"
check "the high-contrast file is there" test -s "$tmp/plan-hc.pdf"

for doc in welcome complaint diary; do
  expect "export --document $doc" 0 \
    "$cli" --db "$db" export "$person" --document "$doc" --format pdf --out "$tmp/$doc.pdf"
  check "the $doc PDF is there" test -s "$tmp/$doc.pdf"
done

expect "export without --out fails" nonzero "$cli" --db "$db" export "$person" --format pdf
check "with a message on stderr" test -s "$tmp/err"

expect "export to another format fails" nonzero \
  "$cli" --db "$db" export "$person" --format docx --out "$tmp/plan.docx"
check "and writes nothing" test ! -e "$tmp/plan.docx"

expect "export into a folder that does not exist fails" nonzero \
  "$cli" --db "$db" export "$person" --format pdf --out "$tmp/no/such/folder/plan.pdf"
check "with a message on stderr" test -s "$tmp/err"
check "and nothing is created" test ! -e "$tmp/no"

expect "export to a path that is a folder fails" nonzero \
  "$cli" --db "$db" export "$person" --format pdf --out "$tmp/empty"
check "and leaves no temporary file behind" test -z "$(ls -A "$tmp/empty")"
check "nor beside it" test -z "$(ls -A "$tmp" | grep '^\.')"

expect "--size without export fails" nonzero "$cli" --db "$db" show "$person" --size 24

# The second example person reads in Polish: their plan's own words, as
# written with them, and Plainly's headings and dates in the same language
if [ -e "$1/po/pl/LC_MESSAGES/plainly.mo" ]; then
  expect "show prints Krystyna's plan" 0 env PLAINLY_LOCALEDIR="$1/po" "$cli" --db "$db" show Krystyna
  check "headed in Polish" grep -q -x "# Plan opieki i wsparcia: Krystyna" "$tmp/out"
  check "its summary too" grep -q -x "## Podsumowanie" "$tmp/out"
  check "its dates in Polish words" grep -q "poniedziałek, 9 listopada 2026" "$tmp/out"
  check "and her own words as written" grep -q "Chcę zostać w moim mieszkaniu" "$tmp/out"
else
  skip "Krystyna's plan in Polish" "the Polish catalogue is not built"
fi

# What each communication need changes, and staff changing it
expect "needs lists the coded needs" 0 "$cli" --db "$db" needs
check "with the 20 point large print need and what it changes" \
  grep -q -P '^957331000000109\t.*\tLarge text, at least 20 point; High contrast' "$tmp/out"
expect "need-rule changes what a need does" 0 "$cli" --db "$db" need-rule 957331000000109 --min-size 32 --contrast no
check "and needs says so, marked as set by staff" \
  grep -q -P '^957331000000109\t.*\tGiant text, at least 32 point \(set by staff\)$' "$tmp/out"
expect "need-rule with a wrong yes or no fails" 2 "$cli" --db "$db" need-rule 957331000000109 --contrast maybe
expect "need-rule without a code fails" 2 "$cli" --db "$db" need-rule
expect "--contrast without need-rule fails" 2 "$cli" --db "$db" needs --contrast yes

# How the voice says names, places and medicines: the example person comes
# with two, staff add the service's and a person's own
expect "pronunciations lists the person's own" 0 "$cli" --db "$db" pronunciations "$person"
check "the example's Donepezil, number, word, how it is said, language, whose" \
  grep -q -P '^[0-9]+\tDonepezil\tDoe-nep-ezzil\ten-GB\tDot$' "$tmp/out"
expect "the service has none yet" 0 "$cli" --db "$db" pronunciations
check "and says so" grep -q "Nobody has said yet" "$tmp/err"
check "and lists nothing" test ! -s "$tmp/out"
expect "pronounce adds one for the service" 0 "$cli" --db "$db" pronounce Whitaker Whit-acker
check "and says it is saved" grep -q "Saved. The voice now says “Whitaker” this way." "$tmp/out"
expect "the service's list" 0 "$cli" --db "$db" pronunciations
check "has it" grep -q -P '^[0-9]+\tWhitaker\tWhit-acker\ten-GB\tthe service$' "$tmp/out"
expect "the person's list" 0 "$cli" --db "$db" pronunciations "$person"
check "has their own and then their service's" \
  test "$(cut -f 2 "$tmp/out" | tr '\n' ' ')" = "Donepezil Tomasz Whitaker "
expect "pronounce the same word again, in any case" 0 "$cli" --db "$db" pronounce WHITAKER "[[w'ItAk@]]"
check "changes it rather than adding a second" grep -q "Changed." "$tmp/out"
"$cli" --db "$db" pronunciations >"$tmp/out" 2>/dev/null
check "so the service still has one" test "$(grep -c . "$tmp/out")" -eq 1
check "said the new way" grep -q -F "[[w'ItAk@]]" "$tmp/out"
expect "pronounce for one person, in Welsh" 0 "$cli" --db "$db" pronounce Dydd Deeth "$person" --language cy
"$cli" --db "$db" pronunciations "$person" >"$tmp/out" 2>/dev/null
check "is on their list, for the Welsh voice" grep -q -P '^[0-9]+\tDydd\tDeeth\tcy\tDot$' "$tmp/out"
dydd=$(grep -P '\tDydd\t' "$tmp/out" | cut -f 1)
expect "a respelling that cannot be said is refused" 1 "$cli" --db "$db" pronounce Sooty "[[s'Ut"
check "saying how to write it" grep -q "double brackets" "$tmp/err"
expect "a language no voice speaks is refused" 1 "$cli" --db "$db" pronounce Sooty Sutty --language xx
check "saying so" grep -q "No voice speaks “xx”" "$tmp/err"
expect "pronounce without how it is said fails" 2 "$cli" --db "$db" pronounce Sooty
expect "pronounce with a blank word fails" 2 "$cli" --db "$db" pronounce " " Sutty
expect "--language without pronounce fails" 2 "$cli" --db "$db" pronunciations --language cy
expect "unpronounce removes an entry by its number" 0 "$cli" --db "$db" unpronounce "$dydd"
check "and says the voice says it its own way again" grep -q "its own way again" "$tmp/out"
"$cli" --db "$db" pronunciations "$person" >"$tmp/out" 2>/dev/null
check "and it is gone from the list" sh -c "! grep -q Dydd '$tmp/out'"
expect "unpronounce of a number not there fails" 1 "$cli" --db "$db" unpronounce 9999
check "in plain words" grep -q "not in the database" "$tmp/err"
expect "unpronounce of something not a number fails" 2 "$cli" --db "$db" unpronounce Dydd
expect "check still finds the database sound" 0 "$cli" --db "$db" check

# A person with a PIN: nothing of theirs is shown, spoken or exported
# without it. Secrets come from a prompt that hides them or from standard
# input, never from the command line.
give_secret=$1/tests/pl-give-secret
pin_db=$tmp/pin.db
pin_person=""
if [ -x "$give_secret" ]; then
  "$cli" --db "$pin_db" demo >/dev/null 2>&1
  pin_person=$("$cli" --db "$pin_db" list 2>/dev/null | head -n 1 | cut -f 1)
  echo 2468 | "$give_secret" "$pin_db" person "$pin_person"
  echo "correct horse battery" | "$give_secret" "$pin_db" staff test.worker
  echo 2468 >"$tmp/pin-right"
  echo 1357 >"$tmp/pin-wrong"
  echo "wrong horse battery" >"$tmp/password-wrong"
  echo "correct horse battery" >"$tmp/password-right"
fi

# with_stdin FILE COMMAND…: runs the command reading FILE
with_stdin ()
{
  local file=$1
  shift
  "$@" <"$file"
}

if [ -n "$pin_person" ]; then
  for command in show speak export; do
    case $command in
      show) out_args=() ;;
      speak) out_args=(--out "$tmp/pin.wav") ;;
      export) out_args=(--format pdf --out "$tmp/pin.pdf") ;;
    esac
    rm -f "$tmp/pin.wav" "$tmp/pin.pdf"
    expect "$command refuses a person with a PIN when none is given" 1 \
      with_stdin /dev/null "$cli" --db "$pin_db" "$command" "$pin_person" "${out_args[@]}"
    check "and says so in plain words" grep -q "keeps their documents behind a PIN" "$tmp/err"
    check "and shows nothing" test ! -s "$tmp/out"
    check "and writes no file" test ! -e "$tmp/pin.wav" -a ! -e "$tmp/pin.pdf"
    expect "$command refuses a wrong PIN from standard input" 1 \
      with_stdin "$tmp/pin-wrong" "$cli" --db "$pin_db" "$command" "$pin_person" "${out_args[@]}"
    check "and says the PIN is not right" grep -q "That PIN is not right" "$tmp/err"
    check "and shows nothing" test ! -s "$tmp/out"
    check "and writes no file" test ! -e "$tmp/pin.wav" -a ! -e "$tmp/pin.pdf"
    # The right PIN also clears the count of wrong tries
    expect "$command opens with the right PIN from standard input" 0 \
      with_stdin "$tmp/pin-right" "$cli" --db "$pin_db" "$command" "$pin_person" "${out_args[@]}"
    check "and the PIN is not echoed" sh -c "! grep -q 2468 '$tmp/out' '$tmp/err'"
    case $command in
      show) check "the plan, as without a PIN" test "$(grep -c -E '^## ' "$tmp/out")" -ge 10 ;;
      speak) check "the sound is written" test -s "$tmp/pin.wav" ;;
      export) check "the PDF is written" test -s "$tmp/pin.pdf" ;;
    esac
  done

  # A person's list names people in their life: it is theirs, as the plan is
  expect "a person's pronunciations need their PIN" 1 \
    with_stdin /dev/null "$cli" --db "$pin_db" pronunciations "$pin_person"
  check "and list nothing" test ! -s "$tmp/out"
  expect "and with it are listed" 0 \
    with_stdin "$tmp/pin-right" "$cli" --db "$pin_db" pronunciations "$pin_person"
  check "the example's own" grep -q -P '\tTomasz\tTommash\t' "$tmp/out"
  expect "pronounce for a person with a PIN needs it too" 1 \
    with_stdin "$tmp/pin-wrong" "$cli" --db "$pin_db" pronounce Sooty Sutty "$pin_person"
  "$cli" --db "$pin_db" pronunciations >"$tmp/out" 2>/dev/null
  with_stdin "$tmp/pin-right" "$cli" --db "$pin_db" pronunciations "$pin_person" >"$tmp/out" 2>/dev/null
  check "and nothing is added without it" sh -c "! grep -q Sooty '$tmp/out'"

  expect "a PIN on the command line is not an option" 2 \
    with_stdin /dev/null "$cli" --db "$pin_db" show "$pin_person" --pin 2468
  check "and shows nothing" test ! -s "$tmp/out"
  expect "nor is a PIN after the person" 2 \
    with_stdin /dev/null "$cli" --db "$pin_db" show "$pin_person" 2468

  # Wrong tries are counted in the file: after a few, even the right PIN
  # waits, in a later run too
  for try in 1 2 3; do
    with_stdin "$tmp/pin-wrong" "$cli" --db "$pin_db" show "$pin_person" >/dev/null 2>&1
  done
  expect "after wrong tries the right PIN must wait" 1 \
    with_stdin "$tmp/pin-right" "$cli" --db "$pin_db" show "$pin_person"
  check "and says how long, in plain words" \
    grep -q -E "Please wait [0-9]+ seconds? before trying again" "$tmp/err"
  check "and shows nothing" test ! -s "$tmp/out"

  # Staff read with their own password, given the same way
  expect "--staff with a wrong password is refused" 1 \
    with_stdin "$tmp/password-wrong" "$cli" --db "$pin_db" show "$pin_person" --staff test.worker
  check "in the same words as at the sign-in screen" \
    grep -q "That user name and password do not match" "$tmp/err"
  check "and shows nothing" test ! -s "$tmp/out"
  expect "--staff with an unknown user name is refused the same way" 1 \
    with_stdin "$tmp/password-right" "$cli" --db "$pin_db" show "$pin_person" --staff nobody
  check "in the same words" grep -q "That user name and password do not match" "$tmp/err"
  expect "--staff with the right password shows the plan" 0 \
    with_stdin "$tmp/password-right" "$cli" --db "$pin_db" show "$pin_person" --staff test.worker
  check "the plan" test "$(grep -c -E '^## ' "$tmp/out")" -ge 10
  expect "--staff does not go with list" 2 \
    with_stdin /dev/null "$cli" --db "$pin_db" list --staff test.worker
else
  not_ok "a person with a PIN could be set up" "pl-give-secret: $give_secret"
fi

# A file that is not a database is refused and left exactly as it was
printf 'Shopping: milk, bread, tea\n' >"$tmp/notes.txt"
cp "$tmp/notes.txt" "$tmp/notes.orig"
expect "check on a text file fails" nonzero "$cli" --db "$tmp/notes.txt" check
check "with a message on stderr" test -s "$tmp/err"
check "and the file is unchanged" cmp -s "$tmp/notes.txt" "$tmp/notes.orig"

expect "a folder that does not exist fails" nonzero "$cli" --db "$tmp/no/such/folder/x.db" list
check "with a message on stderr" test -s "$tmp/err"
check "and nothing is created" test ! -e "$tmp/no"

# need-rule takes only a need's code: a SNOMED CT number of 6 to 18 digits
"$cli" --db "$db" needs >"$tmp/needs-before"
for code in "-1" "957331000000109x" "9573 31000000109" "1234567890123456789" \
            "0957331000000109" "" "12345" $'9573\t31000000109'; do
  expect "need-rule refuses the code ${code@Q}" 2 "$cli" --db "$db" need-rule "$code" --min-size 20
done
check "saying what a code is" grep -q "SNOMED CT number" "$tmp/err"
"$cli" --db "$db" needs >"$tmp/needs-after"
check "and needs is as it was" cmp -s "$tmp/needs-before" "$tmp/needs-after"
check "every needs line has three fields" \
  awk -F '\t' 'NF != 3 { bad = 1 } END { exit bad }' "$tmp/needs-after"

# --db on a pipe or a device is refused at once, not waited on
mkfifo "$tmp/pipe.db"
for target in "$tmp/pipe.db" /dev/null /dev/zero; do
  expect "list on $target is refused" 1 timeout 20 "$cli" --db "$target" list
  check "saying it is not an ordinary file" grep -q "not an ordinary file" "$tmp/err"
done
expect "demo on a pipe is refused" 1 timeout 20 "$cli" --db "$tmp/pipe.db" demo

# Control and escape characters in names never reach the terminal
cp "$db" "$tmp/escape.db"
if python3 - "$tmp/escape.db" "$person" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE people SET preferred_name = ?, full_name = ? WHERE id = ?",
           ("Dot\x1b[2J\x1b]0;owned\x07\ttab\nnewline\u202eevil\x9b",
            "Dorothy\x1b[31m Whitaker\r", int(sys.argv[2])))
db.commit()
PY
then
  expect "list with escape codes in a name" 0 "$cli" --db "$tmp/escape.db" list
  check "prints no control characters but the line ends and the column tab" \
    test "$(tr -d '\n\t' <"$tmp/out" | LC_ALL=C grep -c -P '[\x00-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]')" = 0
  check "one person a line, in two columns" awk -F '\t' 'NF != 2 { bad = 1 } END { exit bad }' "$tmp/out"
  check "the name is still there, marked where a character was left out" \
    grep -q "Dot�\[2J" "$tmp/out"
  expect "show with escape codes in a name" 0 "$cli" --db "$tmp/escape.db" show "$person"
  check "prints no escape character" test "$(LC_ALL=C grep -c -P '\x1b|\x07|\r' "$tmp/out")" = 0
else
  not_ok "a name with escape codes could be set up"
fi

# With the diary's search index gone, check says so and demo still works
cp "$db" "$tmp/no-fts.db"
if python3 -c 'import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); db.execute("DROP TABLE diary_fts"); db.commit()' "$tmp/no-fts.db"; then
  expect "check finds the search index missing" 1 "$cli" --db "$tmp/no-fts.db" check
  check "and says so" grep -q "search index" "$tmp/out"
  expect "demo on it works" 0 "$cli" --db "$tmp/no-fts.db" demo
  check "saying the index was rebuilt" grep -q "rebuilt" "$tmp/err"
  expect "and check passes after" 0 "$cli" --db "$tmp/no-fts.db" check
else
  not_ok "the search index could be dropped"
fi

# demo --reset brings the example back as shipped, saying what it removes
cp "$db" "$tmp/reset.db"
expect "demo --reset" 0 "$cli" --db "$tmp/reset.db" demo --reset
check "says first what it removes, their words in the history too" \
  grep -q "This removes the example person.*diary entr.*history" "$tmp/out"
check "and that the example is ready" grep -q "is ready" "$tmp/out"
expect "--reset goes only with demo" 2 "$cli" --db "$tmp/reset.db" list --reset

# Reading does not rewrite. An older file: list, needs and check leave it
# exactly as it was; the commands that change things keep a copy first.
schema_dir=${G_TEST_SRCDIR:-$(dirname "$0")}/../data/schema
make_version_1 ()
{
  python3 - "$schema_dir/001-initial.sql" "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[2])
db.executescript(open(sys.argv[1]).read() +
    "INSERT INTO people (full_name, created_at, updated_at) "
    "VALUES ('Ada Jones', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
    "PRAGMA application_id = 1349283449; PRAGMA user_version = 1;")
db.close()
PY
  chmod 0600 "$1"
}
if python3 -c 'import sqlite3' 2>/dev/null && [ -r "$schema_dir/001-initial.sql" ]; then
  old_dir=$tmp/older
  mkdir "$old_dir"
  make_version_1 "$old_dir/old.db"
  sum_before=$(sha256sum <"$old_dir/old.db")
  expect "list reads a file from an older version" 0 "$cli" --db "$old_dir/old.db" list
  check "and lists its person" grep -q "Ada Jones" "$tmp/out"
  check "and says it is older and will be updated when opened in Plainly" \
    grep -q "older version.*Opening it in Plainly will update it" "$tmp/err"
  expect "check reads it as it is" 0 "$cli" --db "$old_dir/old.db" check
  check "and names its version" grep -q "^Schema version: 1 " "$tmp/out"
  expect "needs reads it too" 0 "$cli" --db "$old_dir/old.db" needs
  check "list, needs and check leave it exactly as it was" \
    test "$(sha256sum <"$old_dir/old.db")" = "$sum_before"
  check "and make no copy" test "$(ls "$old_dir")" = "old.db"
  expect "show updates it" 0 "$cli" --db "$old_dir/old.db" show 1
  check "saying where the copy of it as it was is" \
    grep -q "old-version-1-backup.db" "$tmp/err"
  check "the copy is private" test "$(stat -c %a "$old_dir/old-version-1-backup.db")" = 600
  check "the copy is the file as it was" \
    test "$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0])' "$old_dir/old-version-1-backup.db")" = 1
  expect "check passes on the updated file" 0 "$cli" --db "$old_dir/old.db" check
  check "which is now the current version" grep -q "^Schema version: $(grep -o 'writes version [0-9]*' "$tmp/out" | grep -o '[0-9]*$') " "$tmp/out"
else
  ok "# SKIP python3 with sqlite3 is needed to make an older file"
fi

# A zero-length file is refused, not made into a database
: >"$tmp/empty.db"
expect "demo refuses an empty file" 1 "$cli" --db "$tmp/empty.db" demo
check "saying it is empty" grep -q "empty" "$tmp/err"
check "and leaves it empty" test ! -s "$tmp/empty.db"

# A file others can read is made private, saying so
cp "$db" "$tmp/open.db"
chmod 0644 "$tmp/open.db"
expect "list on a 0644 file" 0 "$cli" --db "$tmp/open.db" list
check "makes it 0600" test "$(stat -c %a "$tmp/open.db")" = 600
check "and says so" grep -q "private" "$tmp/err"

# A read-only file can be read, but not changed. Permissions do not bind
# root, so as root this runs as nobody.
ro_dir=$tmp/read-only
mkdir "$ro_dir"
cp "$db" "$ro_dir/ro.db"
chmod 0444 "$ro_dir/ro.db"
as_reader=()
if [ "$(id -u)" = 0 ]; then
  chmod 0755 "$tmp" "$ro_dir"
  as_reader=(setpriv --reuid=65534 --regid=65534 --clear-groups)
else
  chmod 0555 "$ro_dir"
fi
ro_sum=$(sha256sum <"$ro_dir/ro.db")
expect "list reads a read-only file" 0 "${as_reader[@]}" "$cli" --db "$ro_dir/ro.db" list
check "and lists the example person" grep -q "$name" "$tmp/out"
expect "show reads a read-only file" 0 "${as_reader[@]}" "$cli" --db "$ro_dir/ro.db" show "$person"
check "saying changes cannot be saved" grep -q "read-only, so changes cannot be saved" "$tmp/err"
expect "need-rule on a read-only file is refused" 1 \
  "${as_reader[@]}" "$cli" --db "$ro_dir/ro.db" need-rule 957331000000109 --min-size 20
check "and the file is unchanged" test "$(sha256sum <"$ro_dir/ro.db")" = "$ro_sum"
chmod 0700 "$ro_dir" "$tmp"

# import: a FHIR bundle from another care record, into a new database
fhir_db=$tmp/fhir.db
fhir_data=$(dirname "$0")/data/fhir
expect "import reads another system's bundle into a new database" 0 \
  "$cli" --db "$fhir_db" import "$fhir_data/other-system.json"
check "says what was read" grep -q "The person: Grace Adaeze Okonkwo." "$tmp/out"
check "and what was left out, naming the resource" \
  grep -q "AllergyIntolerance “al-1”: not something Plainly keeps." "$tmp/out"
expect "list after import" 0 "$cli" --db "$fhir_db" list
check "lists the person imported" grep -q "Grace Adaeze Okonkwo" "$tmp/out"
expect "check before a refused import" 0 "$cli" --db "$fhir_db" check
cp "$tmp/out" "$tmp/check-before"
expect "the same bundle again is refused" 1 "$cli" --db "$fhir_db" import "$fhir_data/other-system.json"
check "saying it is already held" grep -q "already holds" "$tmp/err"
printf '%s' '{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Patient","id":"p",' \
  '"name":[{"text":"A"}],"birthDate":"1941-13-45"}}]}' >"$tmp/bad.json"
expect "a bundle with a date that is not a date is refused" 1 "$cli" --db "$fhir_db" import "$tmp/bad.json"
check "naming the resource and the field" grep -q "Patient “p”, field “birthDate”" "$tmp/err"
check "saying nothing was imported" grep -q "Nothing was imported." "$tmp/err"
expect "check after the refused imports" 0 "$cli" --db "$fhir_db" check
check "and the database is as it was" cmp -s "$tmp/out" "$tmp/check-before"
expect "import needs a file" 2 "$cli" --db "$fhir_db" import

echo "1..$n"
[ $failed -eq 0 ]
