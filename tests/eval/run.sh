#!/usr/bin/env bash
# precis-eval's options for honest tuning: --half even|odd splits the
# documents into two disjoint halves that together are the whole set, and
# the "std. error" of precis - lead is 0 when every document gives the same
# difference. Uses the first documents of $SHARED/eval/cnndm-dev.jsonl;
# skips, saying so, when it is absent.
#   EVAL=build/precis-eval SHARED=../shared bash tests/eval/run.sh
set -u
EVAL=${EVAL:-build/precis-eval}
SHARED=${SHARED:-../shared}
src="$SHARED/eval/cnndm-dev.jsonl"
if [ ! -r "$src" ]; then
  echo "eval: skipped ($src not found)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
check() { # NAME CONDITION-EXIT-CODE
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $1"; fi
}
# field FILE KEY: the first value of KEY in a JSON report (cJSON writes
# one key a line).
field() { awk -v key="\"$2\":" '$1 == key { gsub(/,/, "", $2); print $2; exit }' "$1"; }

mkdir -p "$tmp/varied/eval" "$tmp/same/eval"
head -n 6 "$src" >"$tmp/varied/eval/cnndm-dev.jsonl"
for _ in 1 2 3 4; do head -n 1 "$src"; done >"$tmp/same/eval/cnndm-dev.jsonl"

# report DIR NAME [OPTIONS]: precis-eval's JSON report on DIR, in $tmp/NAME.json
report() { "$EVAL" --shared "$1" --only cnndm --json "${@:3}" >"$tmp/$2.json"; }
report "$tmp/varied" even --half even
report "$tmp/varied" odd --half odd
report "$tmp/varied" all
report "$tmp/same" same

check "--half even scores documents 0, 2, 4" "$([ "$(field "$tmp/even.json" docs)" = 3 ]; echo $?)"
check "--half odd scores documents 1, 3, 5" "$([ "$(field "$tmp/odd.json" docs)" = 3 ]; echo $?)"
check "the whole set has 6 documents" "$([ "$(field "$tmp/all.json" docs)" = 6 ]; echo $?)"
# The halves are disjoint and cover the set: their mean R-1 is the set's
# (to the 0.01 the report rounds to).
r_even=$(awk '/"precis":/ { p = 1 } p && $1 == "\"rouge1\":" { gsub(/,/, "", $2); print $2; exit }' "$tmp/even.json")
r_odd=$(awk '/"precis":/ { p = 1 } p && $1 == "\"rouge1\":" { gsub(/,/, "", $2); print $2; exit }' "$tmp/odd.json")
r_all=$(awk '/"precis":/ { p = 1 } p && $1 == "\"rouge1\":" { gsub(/,/, "", $2); print $2; exit }' "$tmp/all.json")
check "the halves' mean R-1 is the whole set's" \
  "$(awk -v a="$r_even" -v b="$r_odd" -v c="$r_all" 'BEGIN { d = (a + b) / 2 - c; exit !(d < 0.011 && d > -0.011) }'; echo $?)"
se() { awk '/"delta_std_error":/ { p = 1 } p && $1 == "\"rouge1\":" { gsub(/,/, "", $2); print $2; exit }' "$1"; }
check "std. error is 0 when every document gives the same difference" \
  "$(awk -v s="$(se "$tmp/same.json")" 'BEGIN { exit !(s == 0) }'; echo $?)"
check "std. error is above 0 for different documents" \
  "$(awk -v s="$(se "$tmp/all.json")" 'BEGIN { exit !(s > 0) }'; echo $?)"
check "--half accepts only even or odd" \
  "$("$EVAL" --shared "$tmp/varied" --only cnndm --half third >/dev/null 2>&1; [ $? -ne 0 ]; echo $?)"
echo "eval: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
