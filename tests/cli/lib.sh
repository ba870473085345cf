# Helpers for the CLI tests: a scratch folder, running precis with its
# stdout, stderr and exit status captured, and the pass/fail/skip counters.
# Sourced by tests/cli/run.sh; PRECIS and SHARED come from the environment.

PRECIS=${PRECIS:-build/precis}
SHARED=${SHARED:-../shared}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/precis-cli.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0
skipped=0

# run ARGS... : runs precis; stdout in $TMP/out, stderr in $TMP/err, status in $rc.
run() {
  "$PRECIS" "$@" >"$TMP/out" 2>"$TMP/err"
  rc=$?
}

# check NAME COMMAND... : one test; a failure prints the name and what precis said.
check() {
  name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name"
    [ -s "$TMP/err" ] && sed 's/^/    stderr: /' "$TMP/err" | head -5
  fi
}

skip() {
  skipped=$((skipped + 1))
  echo "skip: $1"
}

has_shared() { [ -d "$SHARED/seeds" ] && [ -d "$SHARED/eval" ]; }

# Small articles written by the tests themselves, so nothing depends on ../shared.
write_articles() {
  dir=$1
  mkdir -p "$dir"
  cat >"$dir/council.txt" <<'TXT'
City Council Approves New Budget

The city council approved a new budget on Monday after a long debate about school funding. The mayor said the plan would cut costs by 10 percent over two years. Critics called the vote rushed and said residents had too little time to comment.

The new budget takes effect in July. It adds money for road repairs and for three new libraries, the finance office said. Teachers' unions welcomed the extra funding for schools but warned that it would not cover rising salaries.
TXT
  cat >"$dir/bridge.md" <<'TXT'
# Harbour Bridge Reopens After Repairs

The harbour bridge reopened on Friday after eight months of repairs to its deck and cables. Engineers found corrosion in 40 of the 120 cables during an inspection last spring, the transport agency said.

Traffic on the bridge had been limited to one lane since April. Local businesses said the closure had cost them customers, and the agency promised to pay part of their losses.

- The repairs cost 85 million dollars.
- A second inspection is planned for next year.
TXT
  cat >"$dir/river.txt" <<'TXT'
Scientists said on Tuesday that the river had warmed by two degrees over the past thirty years. The study, published in a leading journal, measured water temperatures at twelve sites along the river. Fish populations have fallen by a third in the same period, the researchers found. They called on the government to limit water taken for farming during heat waves. A spokesman for the farmers' union said the findings would be studied carefully.
TXT
}
