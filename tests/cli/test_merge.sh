# --merge: several articles on one story -> one summary. On the five seeds
# (skipped without ../shared): at most 8 sentences, none repeating another,
# each citing its document; the sources name the five documents and every
# outlet seeds-gold requires.

t_merge_small() {
  run --merge "$TMP/a/council.txt" "$TMP/a/bridge.md" "$TMP/a/missing.txt"
  [ "$rc" -eq 1 ] && grep -q 'missing.txt: No such file' "$TMP/err" &&
    grep -q "Harbour Bridge Reopens After Repairs ($TMP/a/bridge.md) (document)" "$TMP/out" &&
    grep -q "^\[1\] City Council Approves New Budget ($TMP/a/council.txt) (document)" "$TMP/out"
}
check "--merge of small files; a missing one is reported" t_merge_small

t_merge_jsonl() {
  printf '{"id":"a","url":"https://example.org/a","text":"The harbour bridge reopened on Friday after eight months of repairs. Engineers found corrosion in forty cables."}\n{"id":"b","text":"The harbour bridge reopened on Friday after eight months of repairs, officials said. Traffic had been limited to one lane since April."}\n' >"$TMP/m.jsonl"
  run --merge --jsonl <"$TMP/m.jsonl"
  [ "$rc" -eq 0 ] && [ "$(wc -l <"$TMP/out")" -eq 1 ] &&
    grep -q '"documents":\["a","b"\]' "$TMP/out" && grep -q '"https://example.org/a"' "$TMP/out" &&
    [ "$(grep -o 'reopened on Friday' "$TMP/out" | wc -l)" -eq 1 ]
}
check "--merge --jsonl: names, URLs, a repeated sentence kept once" t_merge_jsonl

t_merge_drops_bad() {
  printf 'Bad bytes \xff\xfe in a sentence here. Another sentence follows it.\n' >"$TMP/bad-utf8.txt"
  run --merge --strict-utf8 "$TMP/bad-utf8.txt" "$TMP/a/council.txt"
  [ "$rc" -eq 1 ] && grep -q 'bad-utf8.txt: invalid UTF-8' "$TMP/err" &&
    grep -q 'city council approved' "$TMP/out" && ! grep -q 'bad-utf8' "$TMP/out"
}
check "--merge leaves out a document the library refuses" t_merge_drops_bad

# The sentences of a text-format summary, without their citation marks.
summary_sentences() { sed -n '/^$/q; p' "$1" | sed 's/\( \[[0-9]*\]\)*$//'; }

# 0 when no two lines share 60% or more of the shorter one's words (4+ letters).
no_repeats() {
  awk '
    { n[NR] = 0
      line = tolower($0); gsub(/[^a-z0-9 ]/, " ", line)
      k = split(line, w, " ")
      for (i = 1; i <= k; i++) if (length(w[i]) >= 4 && !((NR, w[i]) in has)) { has[NR, w[i]] = 1; n[NR]++ }
    }
    END {
      for (a = 1; a <= NR; a++) for (b = a + 1; b <= NR; b++) {
        shared = 0
        for (key in has) { split(key, p, SUBSEP); if (p[1] == a && ((b, p[2]) in has)) shared++ }
        m = n[a] < n[b] ? n[a] : n[b]
        if (m > 0 && shared >= 0.6 * m) { print "    repeats: " a " and " b; bad = 1 }
      }
      exit bad
    }' "$1"
}

# Every required source of seeds-gold.json (a name or one of its aliases) in
# the Sources list, case-insensitively, a leading "The" optional.
gold_sources_present() {
  sources=$(sed -n '/^Sources:$/,$p' "$1" | tr 'A-Z' 'a-z' | sed 's/\bthe //g')
  grep -o '{"name": "[^"]*"\(, "aliases": \[[^]]*\]\)\?}' "$SHARED/eval/seeds-gold.json" |
    while IFS= read -r entry; do
      names=$(printf '%s\n' "$entry" | grep -o '"[^"]*"' | grep -v '^"\(name\|aliases\)"$' | tr -d '"')
      found=0
      while IFS= read -r name; do
        key=$(printf '%s' "$name" | tr 'A-Z' 'a-z' | sed 's/^the //')
        if printf '%s\n' "$sources" | grep -qiF -- "$key"; then found=1; fi
      done <<NAMES
$names
NAMES
      [ "$found" -eq 1 ] || { echo "    missing source: $entry"; echo missing; }
    done | grep -q missing && return 1
  return 0
}

t_merge_seeds() {
  run --merge "$SHARED"/seeds/*.txt
  [ "$rc" -eq 0 ] || return 1
  summary_sentences "$TMP/out" >"$TMP/sentences"
  count=$(wc -l <"$TMP/sentences")
  [ "$count" -ge 3 ] && [ "$count" -le 8 ] || { echo "    $count sentences"; return 1; }
  uncited=$(sed -n '/^$/q; p' "$TMP/out" | grep -vc ' \[[0-9]*\]$')
  [ "$uncited" -eq 0 ] || { echo "    $uncited sentences without a citation"; return 1; }
  no_repeats "$TMP/sentences" || return 1
  for f in "$SHARED"/seeds/*.txt; do
    grep -q "^\[[0-9]*\] .*$(basename "$f").* (document)$" "$TMP/out" ||
      { echo "    document $(basename "$f") not in the sources"; return 1; }
  done
  gold_sources_present "$TMP/out"
}
if has_shared; then
  check "--merge on the five seeds" t_merge_seeds
else
  skip "--merge on the five seeds ($SHARED absent)"
fi
