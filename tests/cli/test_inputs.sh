# Inputs: stdin, files, directories, and every kind of bad input. A bad input
# is reported with its name, the others are still processed, exit status 1.



t_stdin() {
  run <"$TMP/a/council.txt"
  [ "$rc" -eq 0 ] && grep -q 'city council approved' "$TMP/out" && [ ! -s "$TMP/err" ]
}
check "text on stdin" t_stdin

t_stdin_dash() {
  run - "$TMP/a/river.txt" <"$TMP/a/council.txt"
  [ "$rc" -eq 0 ] && grep -q '^==> (stdin) <==' "$TMP/out" && grep -q "^==> $TMP/a/river.txt <==" "$TMP/out"
}
check "'-' reads stdin among files" t_stdin_dash

t_empty() {
  run </dev/null
  [ "$rc" -eq 1 ] && grep -q '^precis: (stdin): ' "$TMP/err" && [ ! -s "$TMP/out" ]
}
check "empty input, exit 1 with a message" t_empty

t_missing_among_good() {
  run "$TMP/a/council.txt" "$TMP/a/no-such-file.txt" "$TMP/a/river.txt"
  [ "$rc" -eq 1 ] && grep -q "no-such-file.txt: No such file or directory" "$TMP/err" &&
    grep -q 'city council' "$TMP/out" && grep -q 'river had warmed' "$TMP/out"
}
check "missing file among good ones" t_missing_among_good

t_directory() {
  mkdir -p "$TMP/tree/sub/deeper" "$TMP/tree/.hidden"
  cp "$TMP/a/council.txt" "$TMP/tree/b.txt"
  cp "$TMP/a/bridge.md" "$TMP/tree/sub/deeper/a.md"
  cp "$TMP/a/river.txt" "$TMP/tree/.hidden/c.txt"
  printf 'not a text file\n' >"$TMP/tree/image.png"
  run "$TMP/tree"
  [ "$rc" -eq 0 ] || return 1
  [ "$(grep -c '^==> ' "$TMP/out")" -eq 2 ] &&
    [ "$(grep '^==> ' "$TMP/out" | head -1)" = "==> $TMP/tree/b.txt <==" ] &&
    grep -q "^==> $TMP/tree/sub/deeper/a.md <==" "$TMP/out" && ! grep -q 'river' "$TMP/out"
}
check "a directory is walked for .txt/.md, in name order, hidden skipped" t_directory

t_empty_directory() {
  mkdir -p "$TMP/looks-like-a-file.txt"
  run "$TMP/looks-like-a-file.txt" "$TMP/a/river.txt"
  [ "$rc" -eq 1 ] && grep -q "looks-like-a-file.txt: no text or markdown files" "$TMP/err" &&
    grep -q 'river had warmed' "$TMP/out"
}
check "a directory with no text (named like a file), exit 1" t_empty_directory

t_unreadable() {
  # Fails even for root: reading /proc/self/mem from offset 0 is an I/O error.
  [ -r /proc/self/mem ] || { echo "    (no /proc)"; return 0; }
  run /proc/self/mem "$TMP/a/river.txt"
  [ "$rc" -eq 1 ] && grep -q "^precis: /proc/self/mem: " "$TMP/err" && grep -q 'river had warmed' "$TMP/out"
}
check "unreadable file, exit 1, others processed" t_unreadable

t_binary() {
  head -c 4096 "$PRECIS" >"$TMP/binary.txt"
  run "$TMP/binary.txt" "$TMP/a/river.txt"
  [ "$rc" -eq 1 ] && grep -q "binary.txt: binary" "$TMP/err" && grep -q 'river had warmed' "$TMP/out"
}
check "binary file skipped, exit 1" t_binary

t_too_large() {
  run --max-bytes 480 "$TMP/a/council.txt" "$TMP/a/river.txt"
  [ "$rc" -eq 1 ] && grep -q "council.txt: file too large" "$TMP/err" && grep -q 'river had warmed' "$TMP/out"
}
check "file over --max-bytes skipped, exit 1" t_too_large

t_too_large_stdin() {
  run --max-bytes 300 <"$TMP/a/council.txt"
  [ "$rc" -eq 1 ] && grep -q "(stdin): file too large" "$TMP/err"
}
check "stdin over --max-bytes, exit 1" t_too_large_stdin

t_all_good_formats() {
  run -f markdown "$TMP/a/bridge.md" && [ "$rc" -eq 0 ] || return 1
  run --json "$TMP/a/bridge.md" && [ "$rc" -eq 0 ] && grep -q '"sentences"' "$TMP/out" || return 1
  run split "$TMP/a/river.txt" && [ "$rc" -eq 0 ] && [ "$(wc -l <"$TMP/out")" -eq 5 ]
}
check "markdown, json and split output" t_all_good_formats

t_json_many_files() {
  run --json "$TMP/a/council.txt" "$TMP/a/missing.txt" "$TMP/a/river.txt"
  [ "$rc" -eq 1 ] && [ "$(wc -l <"$TMP/out")" -eq 3 ] &&
    sed -n 2p "$TMP/out" | grep -q '^{"file":".*missing.txt","error":"No such file or directory"}$' &&
    sed -n 3p "$TMP/out" | grep -q '^{"file":".*river.txt","title":'
}
check "several files with --json: one line each, errors included" t_json_many_files

# Regular files are mapped, not read into a buffer: a file that ends
# exactly on a page boundary, mid-word and without a newline, must give
# what the same bytes give on stdin (a read past its end would fault).
t_mapped_file_on_page_boundary() {
  for size in 4096 8192; do
    for _ in $(seq 1 40); do cat "$TMP/a/council.txt" "$TMP/a/river.txt"; done |
      head -c "$size" >"$TMP/page-$size.txt"
    [ "$(wc -c <"$TMP/page-$size.txt")" -eq "$size" ] || return 1
    run split --json "$TMP/page-$size.txt"
    [ "$rc" -eq 0 ] || return 1
    cp "$TMP/out" "$TMP/page-file.json"
    run split --json <"$TMP/page-$size.txt"
    [ "$rc" -eq 0 ] && cmp -s "$TMP/out" "$TMP/page-file.json" || return 1
  done
}
check "a mapped file ending on a page boundary reads as stdin does" t_mapped_file_on_page_boundary
