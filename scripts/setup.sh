#!/usr/bin/env bash
# Installs what the lab needs on Debian 12 and fetches Dear ImGui's source; idempotent and quick when all is present.
# Usage: scripts/setup.sh [--browser]   (--browser also installs chromium + playwright-core for the browser tests)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
want_browser=0
[ "${1:-}" = "--browser" ] && want_browser=1

packages=(cmake g++ clang libclang-rt-14-dev emscripten libeigen3-dev googletest libgtest-dev
          libbenchmark-dev libglfw3-dev fonts-dejavu-core fonttools nlohmann-json3-dev libgles-dev python3 xz-utils dpkg-dev)
# Node.js and npm may come from another repository than Debian's; ask for Debian's only when the command is absent.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
[ "$want_browser" = 1 ] && packages+=(chromium)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

sudo_cmd=""
[ "$(id -u)" = 0 ] || sudo_cmd="sudo"
apt_updated=0
apt_update() {
  if [ "$apt_updated" = 0 ]; then $sudo_cmd apt-get update -qq; apt_updated=1; fi
}

if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  apt_update
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Dear ImGui 1.86 from Debian's source package (libimgui-dev ships only an x86-64 archive, useless for wasm).
imgui_dir="$root/third_party/imgui-1.86"
if [ ! -f "$imgui_dir/imgui.cpp" ]; then
  echo "setup: fetching Dear ImGui source"
  # apt-get source needs deb-src entries: copy the machine's own package sources with the type
  # changed (deb822 in sources.list.d, or the classic one-line sources.list).
  if [ -f /etc/apt/sources.list.d/debian.sources ] && [ ! -f /etc/apt/sources.list.d/debian-src.sources ]; then
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources |
      $sudo_cmd tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
    apt_updated=0
  elif [ -f /etc/apt/sources.list ] && ! grep -q '^deb-src ' /etc/apt/sources.list &&
       [ ! -f /etc/apt/sources.list.d/debian-src.list ]; then
    sed -n 's/^deb /deb-src /p' /etc/apt/sources.list | $sudo_cmd tee /etc/apt/sources.list.d/debian-src.list >/dev/null
    apt_updated=0
  fi
  apt_update
  mkdir -p "$root/third_party/download"
  if ! (cd "$root/third_party/download" && apt-get source --download-only imgui >"$root/third_party/download/log" 2>&1); then
    cat "$root/third_party/download/log" >&2
    echo "setup: could not fetch Dear ImGui's source package (imgui) from Debian; see the messages above" >&2
    exit 1
  fi
  tarball=$(ls "$root"/third_party/download/imgui_1.86*.orig.tar.* | head -n 1)
  tar xf "$tarball" -C "$root/third_party"
  [ -d "$imgui_dir" ] || { ls "$root/third_party"; echo "setup: unexpected imgui layout" >&2; exit 1; }
fi

# The browser-test driver (playwright-core 1.65) needs Node.js 20 or newer.
if [ "$want_browser" = 1 ]; then
  node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$node_major" -lt 20 ]; then
    echo "setup: the browser tests need Node.js 20 or newer; this machine has $(node --version 2>/dev/null || echo none)" >&2
    exit 1
  fi
fi

# playwright-core drives Debian's chromium in the browser tests (never downloads a browser of its own).
if [ "$want_browser" = 1 ] && [ ! -d "$root/tests/browser/node_modules/playwright-core" ]; then
  echo "setup: installing playwright-core"
  (cd "$root/tests/browser" && npm ci --silent --no-audit --no-fund)
fi
