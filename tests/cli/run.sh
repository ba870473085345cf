#!/usr/bin/env bash
# Runs every CLI test (tests/cli/test_*.sh) against $PRECIS (default
# build/precis) and prints "N passed, N failed, N skipped". Exit 1 on failure.
#   PRECIS=build/precis SHARED=../shared bash tests/cli/run.sh
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

if [ ! -x "$PRECIS" ]; then
  echo "tests/cli: $PRECIS not found (build it first: make cli)"
  exit 1
fi
write_articles "$TMP/a"
for t in "$here"/test_*.sh; do
  . "$t"
done
echo "cli: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
