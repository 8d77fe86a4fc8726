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
  # libFuzzer on the share-link decoder, the CSV import and the weights-JSON import, each for a share
  # of FUZZ_SECONDS (30 by default: 14, 8 and 8) from its committed seed corpus; new inputs they find
  # go to build/fuzz/<target>_corpus and any crash to build/fuzz/<target>-crash-*, never into the
  # source tree.
  total="${FUZZ_SECONDS:-30}"
  share=$(( total * 8 / 30 > 0 ? total * 8 / 30 : 1 ))  # never 0: libFuzzer reads 0 as "no limit"
  first=$(( total - 2 * share > 0 ? total - 2 * share : 1 ))
  fuzz() {  # label target seconds seeds
    local log="build/logs/$2.log" status
    mkdir -p "build/fuzz/$2_corpus"
    "build/fuzz/$2" -max_total_time="$3" -rss_limit_mb=2048 -timeout=10 -artifact_prefix="build/fuzz/$2-" \
      "build/fuzz/$2_corpus" "$4" >"$log" 2>&1
    status=$?
    if [ "$status" -eq 0 ]; then tally "$1 ($(grep -o 'Done [0-9]* runs' "$log" | tail -n 1))" 1 0 0
    else tail -n 30 "$log"; tally "$1" 0 1 1; fi
  }
  fuzz "fuzz share links" bp_link_fuzz "$first" tests/fuzz/corpus
  fuzz "fuzz CSV import" bp_csv_fuzz "$share" tests/fuzz/csv_corpus
  fuzz "fuzz weights import" bp_weights_fuzz "$share" tests/fuzz/weights_corpus
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
