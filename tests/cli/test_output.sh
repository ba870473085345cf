# Output that cannot be written: a reader that goes away early (| head -1)
# must end precis quietly with an error status; a full disk is reported.

t_pipe_closed() {
  mkdir -p "$TMP/many"
  for i in $(seq 1 60); do cp "$TMP/a/council.txt" "$TMP/many/c$i.txt"; done
  for j in 1 2; do
    "$PRECIS" -j "$j" --all --explain "$TMP/many" 2>"$TMP/err" | head -1 >"$TMP/out"
    status=${PIPESTATUS[0]}
    [ "$status" -eq 1 ] || { echo "    -j $j: exit $status"; return 1; }
    [ ! -s "$TMP/err" ] || return 1
    [ "$(cat "$TMP/out")" = "==> $TMP/many/c1.txt <==" ] || return 1
  done
}
check "| head -1: quiet, exit 1, no garbage" t_pipe_closed

t_jsonl_pipe_closed() {
  for i in $(seq 1 300); do
    printf '{"id":%d,"text":"The council approved a budget on Monday. The mayor said costs would fall. Critics disagreed."}\n' "$i"
  done >"$TMP/pipe.jsonl"
  "$PRECIS" -j 2 --jsonl <"$TMP/pipe.jsonl" 2>"$TMP/err" | head -1 >"$TMP/out"
  status=${PIPESTATUS[0]}
  [ "$status" -eq 1 ] && [ ! -s "$TMP/err" ] && grep -q '^{"id":1,' "$TMP/out"
}
check "--jsonl | head -1: quiet, exit 1" t_jsonl_pipe_closed

t_disk_full() {
  [ -w /dev/full ] || { echo "    (no /dev/full)"; return 0; }
  "$PRECIS" --all "$TMP/many" >/dev/full 2>"$TMP/err"
  [ $? -eq 1 ] && grep -q 'write error' "$TMP/err"
}
check "write error (/dev/full) reported, exit 1" t_disk_full
