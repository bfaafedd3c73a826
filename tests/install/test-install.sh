#!/usr/bin/env bash
# Installs the build into a temporary prefix with `cmake --install` and runs the program
# from there: the files land in the usual places and the installed binary works on its own.
# Usage: test-install.sh BUILD_DIR
set -euo pipefail
# The installed files are checked, not dates: what this starts (cmake, the program, the exit
# trap's rm) runs without scripts/test --date's libfaketime, whose shared semaphore was once
# gone by the time the trap ran ("sem_open failed"), failing a test that had passed.
unset LD_PRELOAD FAKETIME FAKETIME_SHARED FAKETIME_DONT_FAKE_MONOTONIC
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
fail() { echo "FAIL: $*" >&2; exit 1; }
for f in bin/discretion share/applications/discretion.desktop \
  share/icons/hicolor/scalable/apps/discretion.svg \
  share/discretion/policies/mayorkas-doyle-2022.json \
  share/discretion/policies/vacatur-2022-2023.json; do
  [ -e "$prefix/$f" ] || fail "$f was not installed"
done
[ -x "$prefix/bin/discretion" ] || fail "bin/discretion is not executable"
desktop-file-validate "$prefix/share/applications/discretion.desktop" || fail "invalid .desktop"
grep -q '^Exec=discretion' "$prefix/share/applications/discretion.desktop" || fail "Exec line"
# From a folder with nothing of the build in it, and the build tree out of reach.
cd "$prefix"
help=$("$prefix/bin/discretion" --help) || fail "discretion --help exited $?"
grep -q "Usage:" <<<"$help" || fail "--help printed no usage"
"$prefix/bin/discretion" --version | grep -q "^discretion [0-9]" || fail "--version"
"$prefix/bin/discretion" policy validate "$prefix/share/discretion/policies/mayorkas-doyle-2022.json" \
  || fail "the installed policy pack does not validate"
export XDG_DATA_HOME=$prefix/data XDG_CONFIG_HOME=$prefix/config
"$prefix/bin/discretion" generate-docket --db "$prefix/d.sqlite" --cases 20 >/dev/null \
  || fail "generate-docket"
[ "$("$prefix/bin/discretion" list --db "$prefix/d.sqlite" | wc -l)" -eq 20 ] || fail "list"
echo "installed into $prefix and ran from there"
