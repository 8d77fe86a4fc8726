#!/usr/bin/env bash
# Builds the lab's web page and serves it on http://127.0.0.1:8080 (loopback only).
#   ./run.sh               build, then serve
#   ./run.sh --build-only  build the static page into build/web/ and stop
#   ./run.sh --desktop     build and start the native desktop app instead
#   PORT=9000 ./run.sh     serve on another port
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
scripts/setup.sh

case "${1:-}" in
  --desktop)
    scripts/build.sh native
    exec build/native/backprop_lab ;;
  --build-only)
    scripts/build.sh web
    echo "Backprop Lab: the static page is in $root/build/web/ (copy that folder to any static web host)" ;;
  "")
    scripts/build.sh web
    port="${PORT:-8080}"
    echo "Backprop Lab: http://127.0.0.1:$port/  (Ctrl+C stops the server)"
    exec python3 -m http.server --bind 127.0.0.1 --directory build/web "$port" ;;
  *)
    echo "usage: ./run.sh [--build-only | --desktop]" >&2
    exit 2 ;;
esac
