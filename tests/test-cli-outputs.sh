#!/usr/bin/env bash
# test-cli-outputs.sh: what plainly-cli's speak and export may write over,
# and what they leave after a full disk or a stop
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-cli-outputs.sh BUILD-ROOT
#
# Speaks TAP. Never over the database or its -wal, -shm or -journal, a
# device, a pipe, a folder, a read-only file or a link to one; files are
# 0600; a full disk (a small tmpfs, as root) or Ctrl+C leaves nothing
# half-written and an earlier file as it was.

set -u

cli=$1/src/cli/plainly-cli
tmp=$(mktemp -d "${TMPDIR:-/tmp}/plainly-outputs-test.XXXXXX")
full=$tmp/full
cleanup ()
{
  if mountpoint -q "$full" 2>/dev/null; then
    umount "$full"
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# shellcheck source=tests/tap-util.sh
. "$(dirname "$0")/tap-util.sh"




# expect WHAT STATUS COMMAND…: runs the command (at most two minutes),
# keeping its output in $tmp/out and $tmp/err, and checks its exit status
expect ()
{
  local what=$1 want=$2 got
  shift 2
  timeout 120 "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  if [ $got -eq "$want" ]; then
    ok "$what"
  else
    not_ok "$what" "exit status $got, wanted $want" "stderr: $(head -c 600 "$tmp/err")"
  fi
}


# Only what is named, and no hidden temporary file beside it
only_files ()
{
  local dir=$1 want got
  shift
  want=$(printf '%s\n' "$@" | sort)
  got=$(ls -A "$dir" | sort)
  [ "$want" = "$got" ] || { echo "# in $dir: $(echo $got)"; return 1; }
}

mode_of ()
{
  stat -c %a "$1"
}

if [ ! -x "$cli" ]; then
  echo "1..0 # SKIP plainly-cli is not built"
  exit 0
fi

db=$tmp/care.db
expect "demo makes a database to protect" 0 "$cli" --db "$db" demo
person=$("$cli" --db "$db" list 2>/dev/null | head -n 1 | cut -f 1)
"$cli" --db "$db" list >"$tmp/list-before" 2>/dev/null

# Export the plan to a path, or speak the welcome pack (short) to it
export_to=("$cli" --db "$db" export "$person" --format pdf --out)
speak_to=("$cli" --db "$db" speak "$person" --document welcome --out)

database_intact ()
{
  [ "$(head -c 15 "$db")" = "SQLite format 3" ] &&
    "$cli" --db "$db" check >/dev/null 2>&1 &&
    "$cli" --db "$db" list 2>/dev/null | cmp -s - "$tmp/list-before"
}

# The database and the files that go with it, whether or not they are
# there at the moment
for suffix in "" -wal -shm -journal; do
  target=$db$suffix
  expect "export --out care.db$suffix is refused" 1 "${export_to[@]}" "$target"
  check "and says it is the database" grep -q "Plainly’s database" "$tmp/err"
  expect "speak --out care.db$suffix is refused" 1 "${speak_to[@]}" "$target"
  check "and says so too" grep -q "Plainly’s database" "$tmp/err"
done
check "the database is whole, and holds what it held" database_intact
check "no file was added beside it" only_files "$tmp" care.db out err list-before

# The same file by other names
ln -s care.db "$tmp/link-to-db.pdf"
expect "a link to the database is refused" 1 "${export_to[@]}" "$tmp/link-to-db.pdf"
check "and the link is left as it was" test "$(readlink "$tmp/link-to-db.pdf")" = care.db
ln -s care.db-wal "$tmp/link-to-wal.wav"
expect "a link to the -wal the database may make is refused" 1 "${speak_to[@]}" "$tmp/link-to-wal.wav"
ln "$db" "$tmp/hard-link.pdf"
expect "another name (a hard link) for the database is refused" 1 "${export_to[@]}" "$tmp/hard-link.pdf"
rm -f "$tmp/link-to-db.pdf" "$tmp/link-to-wal.wav" "$tmp/hard-link.pdf"
check "the database is still whole" database_intact

# Things that are not ordinary files
mkdir "$tmp/a-folder"
expect "export to a folder is refused" 1 "${export_to[@]}" "$tmp/a-folder"
check "and says it is a folder" grep -q "is a folder" "$tmp/err"
check "and the folder is left empty" only_files "$tmp/a-folder"
expect "export to /dev/null is refused" 1 "${export_to[@]}" /dev/null
check "and says it is not an ordinary file" grep -q "not an ordinary file" "$tmp/err"
check "and /dev/null is still a device" test -c /dev/null
expect "speak to /dev/null is refused" 1 "${speak_to[@]}" /dev/null
mkfifo "$tmp/a-pipe"
expect "export to a pipe is refused, without waiting for a reader" 1 "${export_to[@]}" "$tmp/a-pipe"
check "and the pipe is still a pipe" test -p "$tmp/a-pipe"
expect "speak to a pipe is refused" 1 "${speak_to[@]}" "$tmp/a-pipe"
ln -s a-folder "$tmp/link-to-folder.pdf"
expect "a link to a folder is refused" 1 "${export_to[@]}" "$tmp/link-to-folder.pdf"
ln -s /dev/null "$tmp/link-to-null.wav"
expect "a link to a device is refused" 1 "${speak_to[@]}" "$tmp/link-to-null.wav"

printf 'the letter from the council\n' >"$tmp/read-only.pdf"
chmod 0444 "$tmp/read-only.pdf"
expect "a read-only file is refused" 1 "${export_to[@]}" "$tmp/read-only.pdf"
check "and says it is read-only" grep -q "read-only" "$tmp/err"
check "and it is unchanged" test "$(cat "$tmp/read-only.pdf")" = "the letter from the council"
expect "speak to a read-only file is refused" 1 "${speak_to[@]}" "$tmp/read-only.pdf"
check "no temporary file is left anywhere" test -z "$(find "$tmp" -mindepth 1 -name '.*')"

# Only the owner may read what is saved: it is a care record
mkdir "$tmp/saved"
expect "export writes a PDF" 0 "${export_to[@]}" "$tmp/saved/plan.pdf"
check "the PDF is 0600" test "$(mode_of "$tmp/saved/plan.pdf")" = 600
for ext in wav mp3 ogg; do
  expect "speak writes a .$ext file" 0 "${speak_to[@]}" "$tmp/saved/welcome.$ext"
  check "the .$ext file is 0600" test "$(mode_of "$tmp/saved/welcome.$ext")" = 600
done
expect "export writes a FHIR bundle" 0 \
  "$cli" --db "$db" export "$person" --format fhir --out "$tmp/saved/plan.json"
check "the FHIR bundle is 0600" test "$(mode_of "$tmp/saved/plan.json")" = 600
printf 'old\n' >"$tmp/saved/open.wav"
chmod 0644 "$tmp/saved/open.wav"
expect "speak replaces a file anyone could read" 0 "${speak_to[@]}" "$tmp/saved/open.wav"
check "and what replaces it is 0600" test "$(mode_of "$tmp/saved/open.wav")" = 600
check "nothing else is left in the folder" \
  only_files "$tmp/saved" plan.pdf welcome.wav welcome.mp3 welcome.ogg plan.json open.wav
# Through a link, the file it points to is replaced and the link kept
printf 'old\n' >"$tmp/saved/real.pdf"
ln -s real.pdf "$tmp/saved/link.pdf"
expect "export through a link to an ordinary file" 0 "${export_to[@]}" "$tmp/saved/link.pdf"
check "the link is still a link" test -L "$tmp/saved/link.pdf"
check "and the file it points to is the new PDF" test "$(head -c 5 "$tmp/saved/real.pdf")" = "%PDF-"

# Ctrl+C and SIGTERM while the whole plan is spoken (about 110 MB of WAV):
# the signal comes after the first bytes, and nothing is left. A shell
# starts background jobs with SIGINT ignored, so env gives it back.
for sig in INT TERM; do
  dir=$tmp/stop-$sig
  mkdir "$dir"
  if [ $sig = TERM ]; then
    printf 'yesterday\n' >"$dir/plan.wav"
  fi
  env --default-signal=INT "$cli" --db "$db" speak "$person" --out "$dir/plan.wav" \
    >/dev/null 2>"$tmp/err" &
  pid=$!
  started=no
  for _ in $(seq 600); do
    if [ -n "$(find "$dir" -name '.plan.wav.*' -size +0 2>/dev/null)" ]; then
      started=yes
      break
    fi
    sleep 0.1
  done
  kill -s $sig $pid 2>/dev/null
  wait $pid
  got=$?
  check "SIG$sig came while the file was being written" test $started = yes
  check "speak ended by SIG$sig (status $got)" test $got -eq $((128 + $(kill -l $sig)))
  check "and said nothing was saved" grep -q "Nothing was saved" "$tmp/err"
  if [ $sig = TERM ]; then
    check "the earlier plan.wav is as it was, and nothing else is there" \
      only_files "$dir" plan.wav
    check "its words unchanged" test "$(cat "$dir/plan.wav")" = yesterday
  else
    check "no part of the file is left, hidden or not" only_files "$dir"
  fi
done

# A full disk for every writer: a 64 KiB tmpfs, empty or nearly full (the
# sizes at which Cairo once crashed), with an earlier file at the target
mkdir "$full"
if [ "$(id -u)" != 0 ]; then
  skip "a full disk: mounting a small tmpfs needs root"
elif ! mount -t tmpfs -o size=64k,mode=0700 tmpfs "$full" 2>"$tmp/mount-err"; then
  skip "a full disk: mount -t tmpfs failed: $(head -c 200 "$tmp/mount-err")"
else
  for fill in 0 40 56; do
    for out in plan.pdf plan.wav plan.mp3 plan.ogg plan.brf plan.epub plan.json; do
      # A braille copy is small enough for an empty 64 KiB disk
      [ "$out" = plan.brf ] && [ "$fill" = 0 ] && continue
      rm -rf "${full:?}"/* "$full"/.[!.]* 2>/dev/null
      if [ "$fill" -gt 0 ]; then
        head -c "${fill}k" /dev/zero >"$full/filler"
      fi
      printf 'kept\n' >"$full/$out"
      case $out in
        *.pdf) expect "${fill}k full: export to $out fails" 1 "${export_to[@]}" "$full/$out" ;;
        *.brf|*.epub)
               expect "${fill}k full: export to $out fails" 1 \
                 "$cli" --db "$db" export "$person" --format "${out##*.}" --out "$full/$out" ;;
        *.json)
               expect "${fill}k full: export to $out fails" 1 \
                 "$cli" --db "$db" export "$person" --format fhir --out "$full/$out" ;;
        *)     expect "${fill}k full: speak to $out fails" 1 \
                 "$cli" --db "$db" speak "$person" --out "$full/$out" ;;
      esac
      check "with a plain message" grep -q "not enough room on the disk" "$tmp/err"
      check "the earlier $out is kept unchanged" test "$(cat "$full/$out")" = kept
      if [ "$fill" -gt 0 ]; then
        check "and nothing half-written is left" only_files "$full" filler "$out"
      else
        check "and nothing half-written is left" only_files "$full" "$out"
      fi
    done
  done
  rm -rf "${full:?}"/* 2>/dev/null
  expect "with no earlier file, export to a full disk fails" 1 "${export_to[@]}" "$full/new.pdf"
  check "and leaves the disk empty" only_files "$full"
  expect "speak to a full disk fails" 1 "${speak_to[@]}" "$full/new.mp3"
  check "and leaves the disk empty" only_files "$full"
  umount "$full"
fi
# Braille: each document, both grades; refusals said plainly
brf_pages ()
{
  head -n 1 "$1" | grep -q $' #A\r$' &&
    grep -q $'^\f *#B\r$' "$1" &&
    [ "$(tr -cd '\r' <"$1" | wc -c)" = "$(tr -cd '\n' <"$1" | wc -c)" ] &&
    [ "$(tr -d '\r\n\f\040-\176' <"$1" | wc -c)" = 0 ]
}
brf_to=("$cli" --db "$db" export "$person" --format brf)
for document in plan welcome complaint diary; do
  for grade in 1 2; do
    expect "a braille $document in grade $grade is written" 0 \
      "${brf_to[@]}" --document "$document" --grade "$grade" --out "$tmp/$document-$grade.brf"
    check "and is 0600" [ "$(mode_of "$tmp/$document-$grade.brf")" = 600 ]
    check "and has page 1 at the top right, CRLF lines, and a form feed before page 2" \
      brf_pages "$tmp/$document-$grade.brf"
  done
done
expect "braille at 32 cells by 20 lines is written" 0 \
  "${brf_to[@]}" --cells 32 --lines 20 --out "$tmp/narrow.brf"
check "and no line is longer than 32 cells" \
  awk 'BEGIN { RS = "\r\n" } { sub(/^\f/, ""); if (length ($0) > 32) exit 1 }' "$tmp/narrow.brf"
expect "grade 3 is refused" 2 "${brf_to[@]}" --grade 3 --out "$tmp/grade-3.brf"
check "and says which grades there are" grep -q "grade is 1 for uncontracted" "$tmp/err"
expect "12 cells is refused" 2 "${brf_to[@]}" --cells 12 --out "$tmp/narrow-12.brf"
check "and says how many cells may be" grep -q "from 20 to 100" "$tmp/err"
expect "--grade without brf is refused" 2 "${export_to[@]}" "$tmp/grade.pdf" --grade 1
expect "braille over the database is refused" 1 "${brf_to[@]}" --out "$db"
check "and says it is the database" grep -q "Plainly’s database" "$tmp/err"
check "no refused braille file was left" \
  [ ! -e "$tmp/grade-3.brf" ] && [ ! -e "$tmp/narrow-12.brf" ] && [ ! -e "$tmp/grade.pdf" ]

# Talking books: 0600, the stored mimetype first, refusals as for the other formats
epub_to=("$cli" --db "$db" export "$person" --format epub)
expect "a talking book of the complaint is written" 0 \
  "${epub_to[@]}" --document complaint --out "$tmp/complaint.epub"
check "and is 0600" [ "$(mode_of "$tmp/complaint.epub")" = 600 ]
check "and begins with its mimetype, stored" \
  [ "$(head -c 58 "$tmp/complaint.epub" | tail -c 28)" = "mimetypeapplication/epub+zip" ]
expect "a talking book over the database is refused" 1 "${epub_to[@]}" --out "$db"
check "and says it is the database" grep -q "Plainly’s database" "$tmp/err"
expect "a talking book over a folder is refused" 1 "${epub_to[@]}" --out "$tmp"
expect "--grade with epub is refused" 2 "${epub_to[@]}" --grade 1 --out "$tmp/grade.epub"
expect "an unknown format is refused" 2 "${export_to[@]}" "$tmp/plan.book" --format book
check "and names the formats there are" grep -q "Use pdf, brf, epub or fhir" "$tmp/err"
check "no refused book was left" [ ! -e "$tmp/grade.epub" ] && [ ! -e "$tmp/plan.book" ]

check "after all of it, the database is whole" database_intact

echo "1..$n"
[ $failed -eq 0 ]
