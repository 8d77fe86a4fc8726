#!/usr/bin/env bash
# Installs what the lab needs on Debian 12 and fetches the source of Dear ImGui and of the QR Code generator;
# idempotent and quick when all is present.
# Usage: scripts/setup.sh [--browser]   (--browser also installs what the browser tests need: chromium,
#                                         zbar-tools to read QR codes off screenshots, and playwright-core)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
want_browser=0
[ "${1:-}" = "--browser" ] && want_browser=1

packages=(cmake g++ clang libclang-rt-14-dev emscripten libeigen3-dev googletest libgtest-dev
          libbenchmark-dev libglfw3-dev fonts-dejavu-core fonttools nlohmann-json3-dev libgles-dev python3 xz-utils dpkg-dev ccache)
# Node.js and npm may come from another repository than Debian's; ask for Debian's only when the command is absent.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
[ "$want_browser" = 1 ] && packages+=(chromium zbar-tools)

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

# Source that Debian ships only as a native library: built here from the source package so the same
# code compiles to WebAssembly. Each lands in the ignored third_party/ (never committed).
sources_enabled=0
enable_deb_src() {  # apt-get source needs deb-src entries: the machine's own package sources with the type changed
  [ "$sources_enabled" = 1 ] && return
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
  sources_enabled=1
}
# fetch_source PACKAGE TARBALL_PREFIX UNPACKED_DIR WHAT: unpacks the upstream tarball of a Debian source
# package into third_party/. Only the upstream (orig) tarball is used, so a missing Debian patch
# archive does not matter; apt-get checks the tarball against the package's checksums.
fetch_source() {
  local package="$1" prefix="$2" dir="$3" what="$4" download="$root/third_party/download" tarball
  echo "setup: fetching the source of $what"
  enable_deb_src
  mkdir -p "$download"
  (cd "$download" && apt-get source --download-only "$package" >"$download/$package.log" 2>&1) || true
  tarball=$(ls "$download"/$prefix.orig.tar.* 2>/dev/null | head -n 1 || true)
  if [ -z "$tarball" ]; then
    cat "$download/$package.log" >&2
    echo "setup: could not fetch the source package $package ($what) from Debian; see the messages above" >&2
    exit 1
  fi
  tar xf "$tarball" -C "$root/third_party"
  [ -d "$dir" ] || { ls "$root/third_party"; echo "setup: unexpected layout of $package's source" >&2; exit 1; }
}

# Dear ImGui 1.86 (libimgui-dev ships only an x86-64 archive, useless for wasm).
[ -f "$root/third_party/imgui-1.86/imgui.cpp" ] ||
  fetch_source imgui "imgui_1.86*" "$root/third_party/imgui-1.86" "Dear ImGui"
# Nayuki's QR Code generator 1.8.0, for the share link's QR code (libqrcodegencpp-dev is native only too).
[ -f "$root/third_party/QR-Code-generator-1.8.0/cpp/qrcodegen.cpp" ] ||
  fetch_source qr-code-generator "qr-code-generator_1.8.0" "$root/third_party/QR-Code-generator-1.8.0" "the QR Code generator"

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
