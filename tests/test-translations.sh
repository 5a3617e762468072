#!/usr/bin/env bash
# test-translations.sh: every translation is whole, and every message can be translated
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-translations.sh BUILD-ROOT   (the source tree comes from G_TEST_SRCDIR)
#
# Speaks TAP. For each language in po/LINGUAS: its .po passes msgfmt --check
# (formats, header, one access key where the English has one) and counts
# plurals as its language does (msginit leaves Welsh's and Urdu's empty).
# For the messages themselves: none starts or ends in a space (a piece of a
# sentence glued to another), no month stands alone without a context, and
# a message made only of placeholders ("%s, %s") says what it joins.

set -u

src=$(cd "${G_TEST_SRCDIR:?}/.." && pwd)
. "$src/tests/tap-util.sh"

if ! command -v msgfmt >/dev/null || ! command -v xgettext >/dev/null; then
  echo "1..0 # SKIP msgfmt and xgettext (package gettext) are not installed"
  exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# How many plural forms each language has (CLDR, and GNU gettext's table)
declare -A nplurals=([cy]=6 [pl]=3 [ro]=3 [pa]=2 [ur]=2)

languages=()
while IFS= read -r line; do
  case $line in ''|'#'*) continue ;; esac
  languages+=("$line")
done < "$src/po/LINGUAS"

listed=1
for lang in "${languages[@]}"; do
  [ -f "$src/po/$lang.po" ] || { not_ok "po/$lang.po exists for LINGUAS"; listed=0; }
done
for po in "$src"/po/*.po; do
  [ -e "$po" ] || continue
  lang=$(basename "$po" .po)
  printf '%s\n' "${languages[@]}" | grep -qxF "$lang" ||
    { not_ok "po/$lang.po is in LINGUAS"; listed=0; }
done
[ $listed -eq 1 ] && ok "po/LINGUAS and the .po files agree (${#languages[@]} languages)"

for lang in "${languages[@]}"; do
  po=$src/po/$lang.po
  [ -f "$po" ] || continue

  if out=$(msgfmt --check --check-accelerators=_ --statistics -o "$tmp/$lang.mo" "$po" 2>&1); then
    ok "po/$lang.po passes msgfmt --check"
    printf '# %s: %s\n' "$lang" "$(printf '%s' "$out" | tail -n 1)"
  else
    not_ok "po/$lang.po passes msgfmt --check" "$out"
  fi

  forms=$(grep -o 'nplurals *= *[0-9]*' "$po" | head -n 1 | tr -dc '0-9')
  want=${nplurals[$lang]:-}
  if [ -z "$forms" ]; then
    not_ok "po/$lang.po says how many plural forms it has" "Plural-Forms is empty"
  elif [ -n "$want" ] && [ "$forms" != "$want" ]; then
    not_ok "po/$lang.po has $want plural forms" "it says $forms"
  else
    ok "po/$lang.po has ${forms} plural forms"
  fi
done

# The messages of the C sources, as xgettext with GLib's keywords reads them
grep -E '\.c$' "$src/po/POTFILES" > "$tmp/c-files"
if ! xgettext --from-code=UTF-8 -L C --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
       --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
       --add-comments=Translators -D "$src" -f "$tmp/c-files" -o "$tmp/c.pot" 2> "$tmp/xgettext.err"; then
  not_ok "the messages can be read by xgettext" "$(cat "$tmp/xgettext.err")"
else
  problems=$(/usr/bin/python3 - "$tmp/c.pot" <<'EOF'
import re, sys

text = open(sys.argv[1], encoding="utf-8").read()
months = set("January February March April May June July August September "
             "October November December".split())
placeholder = re.compile(r'%(\d+\$)?[-+ #0]*\d*(\.\d+)?(l|ll|h|z)?[sdufxgc]')

def field(entry, key):
    m = re.search(r'^' + key + r' ((?:".*"\n?)+)', entry, re.M)
    return None if m is None else "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))

for entry in text.split("\n\n"):
    msgid = field(entry, "msgid")
    if not msgid:
        continue
    context = field(entry, "msgctxt")
    explained = any(line.startswith("#.") for line in entry.splitlines())
    where = " ".join(line[3:] for line in entry.splitlines() if line.startswith("#: "))
    if msgid != msgid.strip(" "):
        print(f"starts or ends in a space: {msgid!r} ({where})")
    if msgid in months and context is None:
        print(f"a month without a context: {msgid!r} ({where})")
    if (placeholder.search(msgid) and re.fullmatch(r"[\s,.:;()–-]*", placeholder.sub("", msgid))
            and context is None and not explained):
        print(f"placeholders only, with nothing to say what they join: {msgid!r} ({where})")
EOF
)
  if [ -z "$problems" ]; then
    ok "every message is whole and says what it joins"
  else
    mapfile -t lines <<< "$problems"
    not_ok "every message is whole and says what it joins" "${lines[@]}"
  fi

  # Each language has every message of the sources as they are now, not
  # only those of the last catalogue made: one added since, and never
  # translated, would be shown in English
  for lang in "${languages[@]}"; do
    [ -f "$src/po/$lang.po" ] || continue
    if out=$(msgcmp "$src/po/$lang.po" "$tmp/c.pot" 2>&1); then
      ok "po/$lang.po translates every message of the C sources"
    else
      mapfile -t lines < <(printf '%s\n' "$out" | grep -v '^msgcmp: found' | head -n 20)
      not_ok "po/$lang.po translates every message of the C sources" "${lines[@]}"
    fi
  done
fi

# In a language written right to left, a message that begins with Latin
# letters, figures or a placeholder ("%s کا منصوبہ") begins with a
# right-to-left mark: else the line takes its direction from that first
# word and reads the wrong way round
for lang in ur; do
  [ -f "$src/po/$lang.po" ] || continue
  wrong=$(msgattrib --translated --no-obsolete --no-wrap "$src/po/$lang.po" 2>/dev/null |
    python3 -c '
import re, sys, unicodedata
for line in sys.stdin:
    m = re.match(r"msgstr(?:\[\d+\])? \"(.*)\"$", line.rstrip("\n"))
    if not m or not m.group(1):
        continue
    text = m.group(1).replace("\\n", "\n").lstrip("\n")
    if text.startswith("\u200f") or not re.search("[\u0600-\u06ff]", text):
        continue
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            break
        if kind == "L" or ch == "%" or ch.isdigit():
            print(text[:60])
            break
')
  if [ -z "$wrong" ]; then
    ok "po/$lang.po: messages that begin left to right begin with a right-to-left mark"
  else
    mapfile -t lines <<< "$wrong"
    not_ok "po/$lang.po: messages that begin left to right begin with a right-to-left mark" "${lines[@]}"
  fi
done

# Welsh changes a word's first letter after some words (soft mutation:
# "dydd Llun" becomes "o ddydd Llun"). A date in words is given whole, so
# a Welsh message puts it where it needs no change (after a colon, or in
# brackets), never straight after a word that would change it
if [ -f "$src/po/cy.po" ]; then
  wrong=$(msgattrib --translated --no-obsolete --no-wrap "$src/po/cy.po" 2>/dev/null |
    python3 -c '
import re, sys
MUTATES = r"\b(ar|o|i|am|dan|dros|drwy|trwy|wrth|hyd|gan|heb|at|tan|dy|ei|yn|neu)\s+%(\d+\$)?s"
date = on_date = False
for line in sys.stdin:
    line = line.rstrip("\n")
    if line.startswith("#."):
        # Times are figures ("8:30 y bore"), which are not mutated in writing
        words = line.lower()
        date = date or (re.search(r"\bdate\b.*in words", words) is not None and
                        "time" not in words)
        continue
    # A message that puts a date after "on" in English may hold one: its
    # Welsh is never "ar" or "o" straight before a placeholder
    m = re.match(r"msgid \"(.*)\"$", line)
    if m and re.search(r"\bon %(\d+\$)?s", m.group(1)):
        on_date = True
    m = re.match(r"msgstr(?:\[\d+\])? \"(.*)\"$", line)
    if m:
        if (date and re.search(MUTATES, m.group(1), re.IGNORECASE)) or \
           (on_date and re.search(r"\b(ar|o)\s+%(\d+\$)?s", m.group(1), re.IGNORECASE)):
            print(m.group(1)[:70])
        continue
    if not line:
        date = on_date = False
')
  if [ -z "$wrong" ]; then
    ok "po/cy.po: a date in words never follows a word that would mutate it"
  else
    mapfile -t lines <<< "$wrong"
    not_ok "po/cy.po: a date in words never follows a word that would mutate it" "${lines[@]}"
  fi
fi

echo "1..$n"
[ $failed -eq 0 ]
