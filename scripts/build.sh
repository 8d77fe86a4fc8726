#!/usr/bin/env bash
# Configures and builds one of the lab's builds; the other scripts call it.
#   scripts/build.sh native   tests and desktop app          -> build/native
#   scripts/build.sh asan     tests under ASan + UBSan       -> build/asan
#   scripts/build.sh web      the page (build/web) and the WebAssembly core tests -> build/wasm
#   scripts/build.sh fuzz     the libFuzzer targets on the share-link decoder, the CSV import, the
#                             weights-JSON import and the lesson files (clang) -> build/fuzz
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
jobs="$(nproc 2>/dev/null || echo 2)"
# Emscripten 3.1.6 needs Debian's acorn, which Node 20 does not find on its own.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

case "${1:-}" in
  native)
    cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build build/native -j "$jobs" ;;
  asan)
    # -O1 with line tables only: the sanitizers' reports keep file and line, and the build takes about
    # 40 % less compiler time than -O2 -g (the CI's budget is 30 minutes on two cores). NDEBUG as in
    # the other builds.
    cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
      -DBP_SANITIZE=ON -DBP_DESKTOP=OFF >/dev/null
    cmake --build build/asan -j "$jobs" --target bp_core_tests bp_app_tests ;;
  web)
    emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release -DBP_WEB_OUTPUT="$root/build/web" >/dev/null
    cmake --build build/wasm -j "$jobs" ;;
  fuzz)
    CXX=clang++ cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBP_FUZZ=ON -DBP_DESKTOP=OFF >/dev/null
    cmake --build build/fuzz -j "$jobs" --target bp_link_fuzz bp_csv_fuzz bp_weights_fuzz bp_lesson_fuzz ;;
  *)
    echo "usage: scripts/build.sh native|asan|web|fuzz" >&2
    exit 2 ;;
esac
