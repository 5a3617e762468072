#!/usr/bin/env bash
# test-fhir-validate.sh: every FHIR export of the example person checked
# against the official FHIR R4 definitions, offline
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-fhir-validate.sh BUILD-ROOT
#
# Speaks TAP. The npm package "fhir" (FHIR.js, which carries HL7's R4
# structure definitions) is installed once into BUILD-ROOT/fhir-validator;
# after that no network is needed. Skipped, and says so, only when npm is
# missing or cannot reach its registry the first time.

set -u

build=$1
here=$(cd "$(dirname "$0")" && pwd)
cache=$build/fhir-validator
# The version the checks were written against: a newer one may judge differently
package=fhir@4.12.0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/plainly-fhir-validate.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# shellcheck source=tests/tap-util.sh
. "$here/tap-util.sh"

if [ ! -f "$cache/node_modules/fhir/package.json" ]; then
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    skip "node and npm are not installed (build-aux/deps.sh lists them)"
    echo "1..$n"
    exit 0
  fi
  mkdir -p "$cache"
  if ! timeout 300 npm install --prefix "$cache" --no-audit --no-fund --no-save "$package" \
      >"$tmp/npm.log" 2>&1; then
    skip "npm could not install $package: $(tail -n 1 "$tmp/npm.log")"
    echo "1..$n"
    exit 0
  fi
fi

if ! "$build/tests/pl-fhir-examples" "$tmp" >"$tmp/names" 2>"$tmp/err"; then
  not_ok "the example person's bundles are written" "$(cat "$tmp/err")"
  echo "1..$n"
  exit 1
fi

mapfile -t names <"$tmp/names"
files=()
for name in "${names[@]}"; do
  files+=("$tmp/$name")
done

# The validator's own TAP, numbered after nothing else: it is the whole test
NODE_PATH=$cache/node_modules exec node "$here/fhir-validate.js" "${files[@]}"
