# JSON Lines in and out: one result per non-blank input line with its "id",
# bad lines answered with an "error" in their own result, the others
# processed; -j and GNU parallel give the same bytes as one process.

make_jsonl() {
  {
    if has_shared; then head -40 "$SHARED/eval/cnndm-dev.jsonl"; fi
    printf '{"id":"council","text":"City Council Approves New Budget\\n\\nThe city council approved a new budget on Monday after a long debate about school funding. The mayor said the plan would cut costs by 10 percent over two years.\\n\\nThe new budget takes effect in July."}\n'
    printf '{"id":2,"text":"The harbour bridge reopened on Friday after eight months of repairs. Engineers found corrosion in forty cables. Traffic had been limited to one lane."}\n'
    printf 'this is not json\n'
    printf '\n'
    printf '[1,2,3]\n'
    printf '{"id":{"nested":true},"body":"no text field"}\n'
    printf '{"id":5,"text":""}\n'
    printf '{"id":6,"text":"Scientists said the river had warmed by two degrees. Fish populations fell by a third. The union will study the findings."}\n'
    if has_shared; then head -30 "$SHARED/eval/bbc-dev.jsonl"; fi
  } >"$TMP/in.jsonl"
}
make_jsonl

t_jsonl_basic() {
  run --jsonl <"$TMP/in.jsonl"
  nonblank=$(grep -c . "$TMP/in.jsonl")
  [ "$rc" -eq 1 ] && [ "$(wc -l <"$TMP/out")" -eq "$nonblank" ] || return 1
  grep -q '^{"id":"council","title":' "$TMP/out" &&
    grep -q '^{"id":2,"title":' "$TMP/out" &&
    grep -q '^{"id":null,"error":"invalid JSON"}$' "$TMP/out" &&
    grep -q '^{"id":null,"error":"not a JSON object"}$' "$TMP/out" &&
    grep -q '^{"id":{"nested":true},"error":"no \\"text\\" string"}$' "$TMP/out" &&
    grep -q '^{"id":5,"error":' "$TMP/out" &&
    grep -q '^{"id":6,"title":' "$TMP/out" &&
    grep -q '^precis: (stdin):[0-9]*: invalid JSON$' "$TMP/err"
}
check "--jsonl: a result per line, bad lines answered in place" t_jsonl_basic

t_jsonl_ids_in_order() {
  grep -v '^$' "$TMP/in.jsonl" | grep -o '^{"id": *"[^"]*"' | sed 's/ //g' >"$TMP/ids.in"
  grep -o '^{"id":"[^"]*"' "$TMP/out" >"$TMP/ids.out"
  cmp -s "$TMP/ids.in" "$TMP/ids.out"
}
check "--jsonl keeps the input order" t_jsonl_ids_in_order

t_jsonl_jobs_equal() {
  "$PRECIS" --jsonl <"$TMP/in.jsonl" >"$TMP/j1" 2>/dev/null
  "$PRECIS" --jsonl -j 2 <"$TMP/in.jsonl" >"$TMP/j2" 2>/dev/null
  cmp -s "$TMP/j1" "$TMP/j2"
}
check "--jsonl -j 2 equals -j 1" t_jsonl_jobs_equal

t_jsonl_files() {
  head -3 "$TMP/in.jsonl" >"$TMP/part1.jsonl"
  tail -n +4 "$TMP/in.jsonl" >"$TMP/part2.jsonl"
  run --jsonl "$TMP/part1.jsonl" "$TMP/missing.jsonl" "$TMP/part2.jsonl"
  [ "$rc" -eq 1 ] && cmp -s "$TMP/out" "$TMP/j1" && grep -q 'missing.jsonl: No such file' "$TMP/err"
}
check "--jsonl reads FILEs in order; a missing one is reported" t_jsonl_files

t_gnu_parallel() {
  if ! command -v parallel >/dev/null 2>&1; then
    echo "    (GNU parallel not installed)"
    return 0
  fi
  # The README's example: chunks of lines to several precis processes, in order.
  parallel --will-cite --pipe --keep-order -N 7 -j 2 "$PRECIS" --jsonl <"$TMP/in.jsonl" >"$TMP/par" 2>/dev/null
  cmp -s "$TMP/par" "$TMP/j1"
}
check "GNU parallel --pipe -k gives the single-process results" t_gnu_parallel
