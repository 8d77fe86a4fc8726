#!/usr/bin/env bash
# Builds and runs the tests. Ends with one line over all suites: "N passed, M failed".
#   ./test.sh                 everything, as CI runs it: the native core and app tests, the same again
#                             under AddressSanitizer and UndefinedBehaviorSanitizer, the libFuzzer
#                             targets, the core tests as WebAssembly under Node, and every browser test
#                             in headless Chromium
#   ./test.sh --quick [NAME…] the loop while changing the lab (a few minutes): the native tests, the
#                             page, and the browser tests a change most likely touches (those NAMEd,
#                             e.g. `lessons touch`, else those picked from the changed files)
# The native suites run under ctest, one process a test and both cores at once (BP_TEST_JOBS).
set -uo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
quick=0
if [ "${1:-}" = "--quick" ]; then quick=1; shift; fi
scripts/setup.sh --browser || { echo "0 passed, 1 failed"; exit 1; }
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
jobs="${BP_TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}"
mkdir -p build/logs

passed=0
failed=0

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
# One ctest run per build and name pattern: ctest counts the tests and names the ones that failed.
ctest_suite() {  # name build_dir regex
  local name="$1" log="build/logs/$1.log" status total bad
  ctest --test-dir "$2" -R "$3" -j "$jobs" --output-on-failure >"$log" 2>&1
  status=$?
  total=$(sed -n 's/.*tests passed, [0-9]* tests\{0,1\} failed out of \([0-9]*\)$/\1/p' "$log" | tail -n 1)
  bad=$(sed -n 's/.*tests passed, \([0-9]*\) tests\{0,1\} failed out of [0-9]*$/\1/p' "$log" | tail -n 1)
  [ "$status" -ne 0 ] && { sed -n '/The following tests FAILED/,$p' "$log" | head -n 30
                           grep -E 'Failure|Sanitizer' "$log" | head -n 20; }
  tally "$name" $(( ${total:-0} - ${bad:-0} )) "${bad:-0}" "$status"
}
# A gtest program run whole (the WebAssembly core tests under Node): its own summary lines count.
gtest_suite() {  # name command...
  local name="$1" log="build/logs/$1.log" status p f
  shift
  "$@" >"$log" 2>&1
  status=$?
  [ "$status" -ne 0 ] && grep -E '^\[  FAILED|Failure|ERROR' "$log" | head -n 30
  p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) tests\{0,1\}\..*/\1/p' "$log" | tail -n 1)
  f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) tests\{0,1\}, listed below:.*/\1/p' "$log" | tail -n 1)
  tally "$name" "${p:-0}" "${f:-0}" "$status"
}
browser_suite() {  # name test-files...
  local name="$1" log="build/logs/browser.log" status p f
  shift
  (cd tests/browser && BP_WEB_DIR="$root/build/web" node --test --test-reporter=tap "$@") >"$log" 2>&1
  status=$?
  [ "$status" -ne 0 ] && grep -E '^not ok|error:|\+   ' "$log" | head -n 30
  p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$log" | tail -n 1)
  f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$log" | tail -n 1)
  tally "$name" "${p:-0}" "${f:-0}" "$status"
}
# The browser tests a change most likely touches, from the files changed since the branch left its
# upstream (or since the last commit) and those not yet committed; lab.test.mjs when none is picked.
changed_browser_tests() {
  local base files picks=""
  base=$(git merge-base HEAD '@{upstream}' 2>/dev/null || git rev-parse HEAD~1 2>/dev/null || echo HEAD)
  files=$( (git diff --name-only "$base"; git ls-files --others --exclude-standard) 2>/dev/null | sort -u)
  for f in $files; do
    case "$f" in
      tests/browser/*.test.mjs) picks+=" $(basename "$f" .test.mjs)" ;;
      web/autosave.js|web/saved_labs.js) picks+=" autosave" ;;
      web/lessons.js|web/lesson_link.js|web/crc32.js|lessons/*|src/app/lesson/*) picks+=" lessons lesson_links lesson_setup lesson_tries lesson_devices" ;;
      src/app/layout/screen_layout*|src/app/ui/lesson_panel*|src/app/ui/network_view*) picks+=" screens lesson_devices" ;;
      web/index.html|web/style.css) picks+=" csp screens" ;;
      web/*|src/app/api/*|src/platform/web_bridge*) picks+=" lab hostile" ;;
      src/core/share_link*|src/app/lab/lab_links*) picks+=" links" ;;
      src/app/input/*|src/platform/touch_input*) picks+=" touch" ;;
      src/app/layout/*|src/app/ui/*|shaders/*|src/platform/*) picks+=" screens" ;;
      src/app/lab/*|src/core/*) picks+=" lab" ;;
    esac
  done
  [ -n "$picks" ] || picks="lab"
  echo "$picks" | tr ' ' '\n' | sed '/^$/d' | sort -u | tr '\n' ' '
}

if build native; then
  ctest_suite "core (native)" build/native '^core\.'
  ctest_suite "app (native, headless UI)" build/native '^app\.'
fi
if [ "$quick" = 0 ] && build asan; then
  ctest_suite "core (ASan+UBSan)" build/asan '^core\.'
  ctest_suite "app (ASan+UBSan)" build/asan '^app\.'
fi
if [ "$quick" = 0 ] && build fuzz; then
  # libFuzzer on the share-link decoder, the CSV import, the weights-JSON import and the lesson files,
  # each for a share of FUZZ_SECONDS (30 by default: 12, 6, 6 and 6) from its committed seed corpus
  # (the lessons' also from lessons/); new inputs they find go to build/fuzz/<target>_corpus and any
  # crash to build/fuzz/<target>-crash-*, never into the source tree.
  total="${FUZZ_SECONDS:-30}"
  share=$(( total * 6 / 30 > 0 ? total * 6 / 30 : 1 ))  # never 0: libFuzzer reads 0 as "no limit"
  first=$(( total - 3 * share > 0 ? total - 3 * share : 1 ))
  fuzz() {  # label target seconds seeds...
    local log="build/logs/$2.log" status
    mkdir -p "build/fuzz/$2_corpus"
    "build/fuzz/$2" -max_total_time="$3" -rss_limit_mb=2048 -timeout=10 -artifact_prefix="build/fuzz/$2-" \
      "build/fuzz/$2_corpus" "${@:4}" >"$log" 2>&1
    status=$?
    if [ "$status" -eq 0 ]; then tally "$1 ($(grep -o 'Done [0-9]* runs' "$log" | tail -n 1))" 1 0 0
    else tail -n 30 "$log"; tally "$1" 0 1 1; fi
  }
  fuzz "fuzz share links" bp_link_fuzz "$first" tests/fuzz/corpus
  fuzz "fuzz CSV import" bp_csv_fuzz "$share" tests/fuzz/csv_corpus
  fuzz "fuzz weights import" bp_weights_fuzz "$share" tests/fuzz/weights_corpus
  fuzz "fuzz lessons" bp_lesson_fuzz "$share" tests/fuzz/lesson_corpus lessons
fi
if build web; then
  if [ "$quick" = 0 ]; then
    gtest_suite "core (WebAssembly, Node)" node --no-experimental-fetch build/wasm/bp_core_tests.js
    browser_suite "browser (Chromium)"
  else
    names="$*"
    [ -n "$names" ] || names=$(changed_browser_tests)
    files=""
    for n in $names; do
      [ -f "tests/browser/$n.test.mjs" ] || { echo "no browser test tests/browser/$n.test.mjs" >&2; tally "browser $n" 0 1 1; continue; }
      files+=" $n.test.mjs"
    done
    # shellcheck disable=SC2086  # one argument per file
    [ -n "$files" ] && browser_suite "browser:$(echo "$names" | sed 's/ *$//;s/^ */ /')" $files
  fi
  echo "screenshots: build/screenshot.png, build/screenshot-dpr2.png and build/screen-*.png"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
