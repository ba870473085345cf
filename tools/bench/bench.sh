#!/usr/bin/env bash
# The numbers behind `make bench`: precis end to end (process start, read,
# summarize, render) on generated corpora, on one thread and on the default
# two, peak RSS, growth with input size (one thread),
# ots on the same 1 MB file, -j 1 against -j 2 on a batch of files, and the
# Lua module on a 1 MB buffer. Each line says the target it is held to.
# Never fails on timing: a missed target is reported, not an error.
#   BUILD=build SHARED=../shared BENCH_SIZES="1 10 100" bash tools/bench/bench.sh
set -u
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
BENCH_SIZES=${BENCH_SIZES:-1 10 100}
PRECIS=$BUILD/precis
GEN=$BUILD/tools/gencorpus
RUNSTAT=$BUILD/tools/runstat
DIR=$BUILD/bench
LUA_MODULE=$BUILD/lua/lua5.4/precis.so
mkdir -p "$DIR"

for tool in "$PRECIS" "$GEN" "$RUNSTAT"; do
  [ -x "$tool" ] || { echo "bench: $tool missing (run make bench)"; exit 1; }
done

# corpus MB -> path, generated once (the generator is deterministic).
corpus() {
  f="$DIR/corpus-$1mb.txt"
  [ -s "$f" ] || "$GEN" "$SHARED" $(($1 * 1000000)) "$f" || exit 1
  echo "$f"
}

# best REPS CMD... -> "SECONDS KIB CPU": the fastest of REPS runs (and its
# CPU seconds), the largest RSS.
best() {
  reps=$1
  shift
  best_t=""
  best_cpu=""
  best_kb=0
  for _ in $(seq 1 "$reps"); do
    read -r t kb code cpu < <("$RUNSTAT" "$@" 2>/dev/null)
    if [ "${code:-1}" -gt 1 ]; then echo "fail $code"; return; fi
    if [ -z "$best_t" ] || awk -v a="$t" -v b="$best_t" 'BEGIN { exit !(a < b) }'; then
      best_t=$t
      best_cpu=$cpu
    fi
    [ "$kb" -gt "$best_kb" ] && best_kb=$kb
  done
  echo "$best_t $best_kb $best_cpu"
}

verdict() { awk -v v="$1" -v lim="$2" -v dir="$3" 'BEGIN {
  ok = dir == "min" ? v >= lim : v <= lim; print ok ? "ok" : "BELOW TARGET" }'; }

echo "precis bench: $("$PRECIS" --version), $(nproc 2>/dev/null || echo ?) CPUs, $(${CC:-cc} --version 2>/dev/null | head -1)"
echo "corpus: unique sentences from $SHARED/eval, shuffled and varied (tools/bench/gencorpus.c)"
echo
# Each size twice: one thread per document (--threads 1), which the targets
# are about, and the default, a second thread for a long document
# (PRECIS_DEFAULT_THREADS).
printf '%-8s %31s   %31s %12s\n' "" "one thread (--threads 1)" "default (2 threads)" ""
printf '%-8s %10s %8s %12s   %10s %8s %12s %12s\n' "input" "seconds" "MB/s" "peak RSS" \
  "seconds" "MB/s" "peak RSS" "RSS target"
declare -A secs secs2
for mb in $BENCH_SIZES; do
  f=$(corpus "$mb")
  bytes=$(wc -c <"$f")
  # Times on a shared 2-CPU virtual machine scatter by up to 40% from run to
  # run (fresh memory from the host): the best of several is the stable figure.
  reps=9
  [ "$mb" -ge 10 ] && reps=7
  [ "$mb" -ge 100 ] && reps=5
  read -r t kb _ < <(best "$reps" "$PRECIS" --threads 1 "$f")
  read -r t2 kb2 _ < <(best "$reps" "$PRECIS" "$f")
  if [ "$t" = fail ] || [ "$t2" = fail ]; then
    printf '%-8s precis failed (exit %s %s)\n' "${mb} MB" "$kb" "$kb2"
    continue
  fi
  secs[$mb]=$t
  secs2[$mb]=$t2
  limit_kb=$(( (bytes * 4 + 16 * 1000000) / 1024 ))
  awk -v mb="$mb" -v t="$t" -v t2="$t2" -v b="$bytes" -v kb="$kb" -v kb2="$kb2" -v lim="$limit_kb" 'BEGIN {
    printf "%-8s %10.4f %8.1f %9.1f MB   %10.4f %8.1f %9.1f MB %9.1f MB %s\n", mb " MB",
      t, b / 1e6 / t, kb / 1024, t2, b / 1e6 / t2, kb2 / 1024, lim / 1024,
      kb <= lim && kb2 <= lim ? "ok" : "OVER"
  }'
done
if [ -n "${secs[10]:-}" ]; then
  mbs=$(awk -v t="${secs[10]}" 'BEGIN { printf "%.1f", 10 / t }')
  echo "single thread on 10 MB: $mbs MB/s (target >= 100) $(verdict "$mbs" 100 min)"
fi
for pair in "1 10" "10 100"; do
  set -- $pair
  if [ -n "${secs[$1]:-}" ] && [ -n "${secs[$2]:-}" ]; then
    r=$(awk -v a="${secs[$1]}" -v b="${secs[$2]}" 'BEGIN { printf "%.2f", b / a }')
    echo "growth ${2} MB / ${1} MB: time x$r for x10 input (target <= 11) $(verdict "$r" 11 max)"
  fi
done

echo
if command -v ots >/dev/null 2>&1 && [ -n "${secs[1]:-}" ]; then
  f=$(corpus 1)
  read -r ot okb ocode _ < <("$RUNSTAT" timeout 600 ots "$f")
  if [ "$ocode" -eq 0 ]; then
    r=$(awk -v a="$ot" -v b="${secs2[1]}" 'BEGIN { printf "%.0f", a / b }')
    r1=$(awk -v a="$ot" -v b="${secs[1]}" 'BEGIN { printf "%.0f", a / b }')
    echo "ots on 1 MB: $(printf '%.3f' "$ot") s, $((okb / 1024)) MB (ots runs on one thread)"
    echo "  precis, default (2 threads) ${secs2[1]} s: ${r}x faster (target >= 1000) $(verdict "$r" 1000 min)"
    echo "  precis, one thread ${secs[1]} s: ${r1}x faster"
  else
    echo "ots on 1 MB: failed or timed out (exit $ocode)"
  fi
else
  echo "ots: not installed (Debian package ots) or no 1 MB run; skipped"
fi

# -j: 200 files of 50 kB (10 MB) summarized by one process; best of 5 each,
# as a 2-CPU machine shared with anything else gives scattered times.
files="$DIR/files-10mb"
[ -d "$files" ] || "$GEN" "$SHARED" 10000000 "$files" 200 || exit 1
read -r t1 _ c1 < <(best 5 "$PRECIS" -j 1 "$files")
read -r t2 _ c2 < <(best 5 "$PRECIS" -j 2 "$files")
if [ "$t1" != fail ] && [ "$t2" != fail ]; then
  s=$(awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%.2f", a / b }')
  echo "batch of 200 files (10 MB): -j 1 $t1 s, -j 2 $t2 s: speedup ${s}x (target >= 1.7) $(verdict "$s" 1.7 min)"
  load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo ?)
  echo "  CPU seconds -j 1 $c1, -j 2 $c2 (the work itself); load average $load on $(nproc 2>/dev/null || echo ?) CPUs"
else
  echo "batch of 200 files: precis failed"
fi

if [ -f "$LUA_MODULE" ] && command -v lua5.4 >/dev/null 2>&1; then
  f=$(corpus 1)
  lua5.4 - "$BUILD" "$f" <<'LUA'
local build, path = arg[1], arg[2]
package.cpath = build .. "/lua/lua5.4/?.so;" .. package.cpath
local ok, precis = pcall(require, "precis")
if not ok then print("lua: cannot load the module: " .. tostring(precis)) return end
local f = assert(io.open(path, "rb"))
local text = f:read("a")
f:close()
-- os.clock() is CPU time, so one thread: there it is the time taken.
local best
for _ = 1, 3 do
  local t0 = os.clock()
  local ok2, r, err = pcall(precis.summarize, text, { threads = 1 })
  local t = os.clock() - t0
  if not ok2 or r == nil then print("lua: summarize failed: " .. tostring(ok2 and err or r)) return end
  if not best or t < best then best = t end
end
print(string.format("lua5.4 module, one thread: summarize a %.1f MB buffer in %.4f s (%.1f MB/s)",
  #text / 1e6, best, #text / 1e6 / best))
LUA
else
  echo "lua5.4 module: $LUA_MODULE not built (make lua); skipped"
fi
exit 0
