#!/bin/sh
# Runs tests/vim/test_precis.vim headless in Neovim and Vim, each with the
# native Lua backend and with the CLI backend forced, then checks that
# precis#summarize() gave the same result in every run.
#   BUILD=build sh tests/vim/run.sh        (make test-vim does this)
set -u
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
case $SHARED in /*) ;; *) SHARED=$ROOT/$SHARED ;; esac
[ -d "$SHARED/seeds" ] || echo "test-vim: $SHARED/seeds absent, seed tests are skipped"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/precis-vim.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM
passed=0 failed=0 skipped=0
# With the default build folder the plugin finds build/ on its own.
discover=0
[ "$BUILD" = "$ROOT/build" ] && discover=1

# run NAME EDITOR BACKEND [extra env assignments...]
run() {
  name=$1 editor=$2 backend=$3
  shift 3
  out=$WORK/$name.out
  if [ "$editor" = nvim ]; then
    set -- nvim --headless -u NONE -i NONE -n -S tests/vim/test_precis.vim "$@"
  else
    set -- vim -Es -N -u NONE -i NONE -S tests/vim/test_precis.vim "$@"
  fi
  env PRECIS_PLUGIN="$ROOT/plugins/vim" PRECIS_BUILD="$BUILD" PRECIS_SHARED="$SHARED" \
      PRECIS_TEST_BACKEND="$backend" PRECIS_TEST_OUT="$out" \
      PRECIS_TEST_DUMP="$WORK/$name.dump" PRECIS_TEST_DISCOVER="${DISCOVER:-$discover}" \
      PRECIS_TEST_ONLY="${ONLY:-}" PRECIS_EXPECT_MODULE="${EXPECT_MODULE:-}" \
      timeout 120 "$@" </dev/null >"$WORK/$name.log" 2>&1
  status=$?
  if [ ! -s "$out" ]; then
    echo "FAIL $name: $editor exited with $status and wrote no results"
    sed 's/^/    /' "$WORK/$name.log" | head -20
    failed=$((failed + 1))
    return
  fi
  p=$(grep -c '^ok ' "$out") f=$(grep -c '^FAIL ' "$out") s=$(grep -c '^skip ' "$out")
  echo "$name: $p passed, $f failed, $s skipped"
  grep -v '^ok ' "$out" | sed 's/^/  /'
  if [ "$f" -eq 0 ] && [ "$status" -ne 0 ]; then
    echo "  FAIL: $editor exited with $status"
    f=1
  fi
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
}

has_lua_module() { [ -f "$BUILD/lua/$1/precis.so" ]; }

ran=
if command -v nvim >/dev/null 2>&1; then
  if has_lua_module luajit; then run nvim-lua nvim lua; ran="$ran nvim-lua"
  else echo "FAIL nvim-lua: no $BUILD/lua/luajit/precis.so (make lua)"; failed=$((failed + 1)); fi
  run nvim-cli nvim cli; ran="$ran nvim-cli"
else
  echo "test-vim: no nvim, Neovim runs skipped"
fi
if command -v vim >/dev/null 2>&1; then
  if vim -Es -N -u NONE -i NONE -c 'if !has("lua") | cquit | endif' -c 'qa!' </dev/null; then
    pkg=$(vim -Es -N -u NONE -i NONE -c 'call writefile([luaeval("_VERSION")], "/dev/stdout")' \
      -c 'qa!' </dev/null | sed 's/^Lua /lua/')
    if has_lua_module "$pkg"; then run vim-lua vim lua; ran="$ran vim-lua"
    else echo "FAIL vim-lua: no $BUILD/lua/$pkg/precis.so (make lua)"; failed=$((failed + 1)); fi
  else
    echo "test-vim: this vim has no +lua, only the CLI backend is tested"
  fi
  run vim-cli vim cli; ran="$ran vim-cli"
else
  echo "test-vim: no vim, Vim runs skipped"
fi

# The layout `make install-vim` makes: <plugin>/lua/precis_native/<pkg>/precis.so.
if command -v nvim >/dev/null 2>&1 && has_lua_module luajit; then
  inst=$WORK/pack/precis/start/precis
  mkdir -p "$inst/lua/precis_native/luajit"
  cp -R plugins/vim/. "$inst/"
  cp "$BUILD/lua/luajit/precis.so" "$inst/lua/precis_native/luajit/"
  sed "s#^let s:plugin = .*#let s:plugin = '$inst'#; s#^let s:sample = .*#let s:sample = '$ROOT/samples/harbour-bridge.md'#" \
    tests/vim/test_precis.vim >"$WORK/test_installed.vim"
  env PRECIS_PLUGIN="$inst" PRECIS_BUILD="$BUILD" PRECIS_SHARED="$SHARED" \
      PRECIS_TEST_BACKEND=lua PRECIS_TEST_OUT="$WORK/installed.out" PRECIS_TEST_DISCOVER=1 \
      PRECIS_EXPECT_MODULE="$inst/lua/precis_native/luajit/precis.so" \
      PRECIS_TEST_ONLY=Test_backend_is_the_one_asked_for PRECIS_TEST_DUMP= \
      timeout 60 nvim --headless -u NONE -i NONE -n -S "$WORK/test_installed.vim" </dev/null \
      >"$WORK/installed.log" 2>&1
  if grep -q '^ok ' "$WORK/installed.out" 2>/dev/null; then
    echo "nvim-installed: 1 passed (module found in <plugin>/lua/precis_native/luajit)"
    passed=$((passed + 1))
  else
    echo "FAIL nvim-installed: module not found in the installed layout"
    cat "$WORK/installed.out" "$WORK/installed.log" 2>/dev/null | sed 's/^/    /' | head -20
    failed=$((failed + 1))
  fi
fi

# precis#summarize(buf, {'sentences': 3}) must be the same in every run.
first=
for name in $ran; do
  [ -s "$WORK/$name.dump" ] || continue
  if [ -z "$first" ]; then first=$name; continue; fi
  if cmp -s "$WORK/$first.dump" "$WORK/$name.dump"; then
    passed=$((passed + 1))
  else
    echo "FAIL precis#summarize() differs between $first and $name:"
    diff "$WORK/$first.dump" "$WORK/$name.dump" | head -20 | sed 's/^/    /'
    failed=$((failed + 1))
  fi
done
[ -n "$first" ] && echo "precis#summarize() compared across:$ran"

echo "test-vim: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
