#!/usr/bin/env bash
# Builds and runs the benchmarks natively and as WebAssembly (under Node), measures the page in
# headless Chromium, and prints one table. BENCH_SECONDS sets the length of each timed run (default 1).
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
scripts/setup.sh --browser
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
out=build/bench
mkdir -p "$out"
echo "building ..."
scripts/build.sh native >"$out/build-native.log" 2>&1 || { tail -n 30 "$out/build-native.log"; exit 1; }
scripts/build.sh web >"$out/build-web.log" 2>&1 || { tail -n 30 "$out/build-web.log"; exit 1; }
seconds="${BENCH_SECONDS:-1}"
echo "native core (${seconds}s runs) ..."
build/native/bp_bench "$seconds" | tee "$out/native.txt"
echo "WebAssembly core under Node ..."
node --no-experimental-fetch build/wasm/bp_bench.js "$seconds" | tee "$out/wasm.txt"
echo "page in headless Chromium ..."
BP_WEB_DIR="$root/build/web" node bench/browser_bench.mjs | tee "$out/browser.txt"
echo
echo "Backprop Lab benchmarks, $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
node bench/table.mjs "$out/native.txt" "$out/wasm.txt" "$out/browser.txt" | tee "$out/table.md"
