#!/bin/sh
# Every long option that `precis --help` lists must be documented in the man
# page, and the man page must render.
set -u
cli=${1:-build/precis}
man=doc/precis.1
passed=0 failed=0
for opt in $("$cli" --help | grep -o -- '--[a-z][a-z0-9-]*' | sort -u); do
  escaped=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
  if grep -q -- "$escaped" "$man"; then passed=$((passed + 1))
  else failed=$((failed + 1)); echo "not in $man: $opt"; fi
done
if man -l "$man" >/dev/null 2>&1 </dev/null; then passed=$((passed + 1))
else failed=$((failed + 1)); echo "$man does not render"; fi
echo "man page: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
