# --help, --version and usage errors (exit status 2).

t_help() {
  run --help
  [ "$rc" -eq 0 ] && grep -q '^Usage: precis' "$TMP/out" && grep -q -- '--jsonl' "$TMP/out" &&
    grep -q -- '--merge' "$TMP/out" && [ ! -s "$TMP/err" ]
}
check "--help prints usage, exit 0" t_help

t_version() {
  run --version
  [ "$rc" -eq 0 ] && grep -Eq '^precis [0-9]+\.[0-9]+\.[0-9]+$' "$TMP/out"
}
check "--version, exit 0" t_version

t_unknown_long() {
  run --no-such-option
  [ "$rc" -eq 2 ] && grep -q "unknown option '--no-such-option'" "$TMP/err" && [ ! -s "$TMP/out" ]
}
check "unknown long option, exit 2" t_unknown_long

t_unknown_short() {
  run -Z
  [ "$rc" -eq 2 ] && grep -q "unknown option '-Z'" "$TMP/err"
}
check "unknown short option, exit 2" t_unknown_short

t_missing_value() {
  run --sentences
  [ "$rc" -eq 2 ] && grep -q "needs a value" "$TMP/err"
}
check "option without its value, exit 2" t_missing_value

t_bad_values() {
  run -n 0 && [ "$rc" -eq 2 ] || return 1
  run --ratio 2 && [ "$rc" -eq 2 ] || return 1
  run -j many && [ "$rc" -eq 2 ] || return 1
  run --max-bytes 10X && [ "$rc" -eq 2 ] || return 1
  run --format yaml && [ "$rc" -eq 2 ]
}
check "bad option values, exit 2" t_bad_values
