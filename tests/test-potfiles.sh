#!/usr/bin/env bash
# test-potfiles.sh: every file with words for people to read is translatable
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-potfiles.sh BUILD-ROOT     (the source tree comes from G_TEST_SRCDIR)
#
# Speaks TAP: one case for files that mark strings for translation but are
# not in po/POTFILES, one for names in po/POTFILES that are not files.

set -u

src=$(cd "${G_TEST_SRCDIR:?}/.." && pwd)
potfiles=$src/po/POTFILES

echo "1..2"

missing=()
while IFS= read -r file; do
  rel=${file#"$src"/}
  if grep -qE '(^|[^A-Za-z_])(N?_|ngettext|g_dngettext|C_)\(|translatable="yes"' "$file" &&
     ! grep -qxF "$rel" "$potfiles"; then
    missing+=("$rel")
  fi
done < <(find "$src/src" "$src/ui" "$src/data" -type f \
           \( -name '*.c' -o -name '*.ui' -o -name '*.in' -o -name '*.gschema.xml' \) | sort)

if [ ${#missing[@]} -eq 0 ]; then
  echo "ok 1 - every file with translatable strings is in po/POTFILES"
else
  echo "not ok 1 - every file with translatable strings is in po/POTFILES"
  printf '# not listed: %s\n' "${missing[@]}"
fi

absent=()
while IFS= read -r line; do
  case $line in ''|'#'*) continue ;; esac
  [ -f "$src/$line" ] || absent+=("$line")
done < "$potfiles"

if [ ${#absent[@]} -eq 0 ]; then
  echo "ok 2 - every name in po/POTFILES is a file"
else
  echo "not ok 2 - every name in po/POTFILES is a file"
  printf '# no such file: %s\n' "${absent[@]}"
fi

[ ${#missing[@]} -eq 0 ] && [ ${#absent[@]} -eq 0 ]
