#!/usr/bin/env bash
# Builds and runs every test: the native core and app tests, the same again under AddressSanitizer
# and UndefinedBehaviorSanitizer, the core tests as WebAssembly under Node, and the browser tests
# in headless Chromium. Ends with one line over all suites: "N passed, M failed".
set -uo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
scripts/setup.sh --browser || { echo "0 passed, 1 failed"; exit 1; }
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
mkdir -p build/logs

passed=0
failed=0

# Adds a suite's counts from its log; a suite that ended without its summary counts as one failure.
count_gtest() {  # name log status
  local p f
  p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) tests\{0,1\}\..*/\1/p' "$2" | tail -n 1)
  f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) tests\{0,1\}, listed below:.*/\1/p' "$2" | tail -n 1)
  tally "$1" "${p:-0}" "${f:-0}" "$3"
}
count_node() {  # name log status
  local p f
  p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$2" | tail -n 1)
  f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$2" | tail -n 1)
  tally "$1" "${p:-0}" "${f:-0}" "$3"
}
tally() {  # name passed failed status
  local f="$3"
  if [ "$4" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + $2))
  failed=$((failed + f))
  printf '%-28s %4d passed, %d failed\n' "$1" "$2" "$f"
}
build() {  # name
  echo "building $1 ..."
  if ! scripts/build.sh "$1" >"build/logs/build-$1.log" 2>&1; then
    tail -n 40 "build/logs/build-$1.log"
    tally "build $1" 0 1 1
    return 1
  fi
}
gtest_suite() {  # name command...
  local name="$1" log="build/logs/$1.log"
  shift
  "$@" >"$log" 2>&1
  local status=$?
  [ "$status" -ne 0 ] && grep -E '^\[  FAILED|Failure|ERROR|Sanitizer' "$log" | head -n 30
  count_gtest "$name" "$log" "$status"
}

if build native; then
  gtest_suite "core (native)" build/native/bp_core_tests
  gtest_suite "app (native, headless UI)" build/native/bp_app_tests
fi
if build asan; then
  gtest_suite "core (ASan+UBSan)" build/asan/bp_core_tests
  gtest_suite "app (ASan+UBSan)" build/asan/bp_app_tests
fi
if build fuzz; then
  # libFuzzer on the share-link decoder for a bounded time, from the committed seed corpus; new
  # inputs it finds go to build/fuzz/corpus, never into the source tree.
  mkdir -p build/fuzz/corpus
  log=build/logs/fuzz.log
  build/fuzz/bp_link_fuzz -max_total_time="${FUZZ_SECONDS:-30}" -rss_limit_mb=2048 -timeout=10 \
    build/fuzz/corpus tests/fuzz/corpus >"$log" 2>&1
  status=$?
  if [ "$status" -eq 0 ]; then tally "fuzz share links ($(grep -o 'Done [0-9]* runs' "$log" | tail -n 1))" 1 0 0
  else tail -n 30 "$log"; tally "fuzz share links" 0 1 1; fi
fi
if build web; then
  gtest_suite "core (WebAssembly, Node)" node --no-experimental-fetch build/wasm/bp_core_tests.js
  log=build/logs/browser.log
  (cd tests/browser && BP_WEB_DIR="$root/build/web" node --test --test-reporter=tap) >"$log" 2>&1
  status=$?
  [ "$status" -ne 0 ] && grep -E '^not ok|error:|\+   ' "$log" | head -n 30
  count_node "browser (Chromium)" "$log" "$status"
  echo "screenshots: build/screenshot.png, build/screenshot-dpr2.png"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
