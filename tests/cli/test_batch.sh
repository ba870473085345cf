# Many files on several threads: the output must be byte for byte the one
# thread output, errors included, in input order; no progress bar when stderr
# is not a terminal.

make_batch() {
  mkdir -p "$TMP/batch"
  i=0
  for round in 1 2 3 4 5 6 7 8; do
    for f in "$TMP"/a/*; do
      i=$((i + 1))
      cp "$f" "$TMP/batch/$(printf '%03d' $i)-$(basename "$f")"
    done
  done
  head -c 2000 "$PRECIS" >"$TMP/batch/050-binary.txt"
  : >"$TMP/batch/051-empty.txt"
  if has_shared; then cp "$SHARED"/seeds/*.txt "$TMP/batch/"; fi
}
make_batch

t_jobs_equal() {
  for fmt in text json; do
    "$PRECIS" -j 1 -f "$fmt" "$TMP/batch" >"$TMP/j1" 2>"$TMP/e1"
    r1=$?
    for j in 2 3 0; do
      "$PRECIS" -j "$j" -f "$fmt" "$TMP/batch" >"$TMP/jn" 2>"$TMP/en"
      rn=$?
      [ "$r1" -eq 1 ] && [ "$rn" -eq 1 ] || { echo "    exit $r1 / $rn"; return 1; }
      cmp -s "$TMP/j1" "$TMP/jn" || { echo "    -j $j -f $fmt stdout differs"; return 1; }
      cmp -s "$TMP/e1" "$TMP/en" || { echo "    -j $j -f $fmt stderr differs"; return 1; }
    done
  done
  grep -q 'binary' "$TMP/e1" && grep -q '051-empty.txt' "$TMP/e1"
}
check "-j 2/3/0 output equals -j 1 (text and json, with errors)" t_jobs_equal

t_no_progress_when_piped() {
  run -j 2 "$TMP/batch"
  ! grep -q 'docs/s' "$TMP/err"
}
check "no progress bar when stderr is not a terminal" t_no_progress_when_piped


# One long document on one thread or two (--threads): the same output.
t_threads_equal() {
  : >"$TMP/long.txt"
  while [ "$(wc -c <"$TMP/long.txt")" -lt 200000 ]; do cat "$TMP"/a/* >>"$TMP/long.txt"; done
  for fmt in text json; do
    "$PRECIS" --threads 1 --all -f "$fmt" "$TMP/long.txt" >"$TMP/t1" || return 1
    "$PRECIS" --threads 2 --all -f "$fmt" "$TMP/long.txt" >"$TMP/t2" || return 1
    "$PRECIS" --all -f "$fmt" "$TMP/long.txt" >"$TMP/t0" || return 1
    cmp -s "$TMP/t1" "$TMP/t2" && cmp -s "$TMP/t1" "$TMP/t0" || { echo "    $fmt differs"; return 1; }
  done
  run --threads 0 "$TMP/long.txt"
  [ "$rc" -eq 2 ] && grep -q -- '--threads needs a whole number from 1 to 256' "$TMP/err"
}
check "--threads 1/2 and the default give the same output; --threads 0 is a usage error" t_threads_equal
