#!/usr/bin/env bash
# Installs what is missing, builds the release site into dist/ and serves it as static files
# at http://127.0.0.1:8080 (PORT=… to change). Ctrl-C stops it.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
scripts/setup.sh
trunk build --release
echo "NewsLens at http://127.0.0.1:${PORT:-8080}/"
exec node tests/e2e/server.mjs --root dist --port "${PORT:-8080}"
