# tap-util.sh: TAP output for the shell tests, sourced by them
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# ok WHAT, not_ok WHAT [NOTE…], skip WHY and check WHAT COMMAND… count into
# $n and $failed; a test ends with `echo "1..$n"` and `[ $failed -eq 0 ]`.

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

skip ()
{
  n=$((n + 1))
  echo "ok $n # SKIP $1"
}

check ()
{
  local what=$1
  shift
  if "$@"; then ok "$what"; else not_ok "$what" "failed: $*"; fi
}
