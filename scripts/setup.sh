#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test NewsLens, from package registries only.
# Idempotent: when everything is there it only checks versions (a few seconds).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for c in rustfmt clippy; do
  rustup component list --installed | grep -q "^$c" || rustup component add "$c"
done

# Trunk 0.22 needs a newer rustc than 1.95; 0.21.x works.
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  say "installing trunk 0.21 (about 10 minutes)"
  cargo install --locked trunk --version '~0.21'
fi

# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock. Not --locked: its lockfile pins
# crates the registry mirror lacks.
wb=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb\$"; then
  say "installing wasm-bindgen-cli $wb (about 10 minutes)"
  cargo install wasm-bindgen-cli --version "$wb" --force
fi
grep -q "wasm_bindgen = \"$wb\"" Trunk.toml || { echo "Trunk.toml [tools] wasm_bindgen must be $wb" >&2; exit 1; }

if ! have wasm-pack; then
  say "installing wasm-pack"
  cargo install wasm-pack --version 0.15.1 --locked || cargo install wasm-pack
fi

if ! have chromium || ! have chromedriver; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup: chromium and chromium-driver are missing; install them (apt-get install chromium chromium-driver) as root" >&2
    exit 1
  fi
  say "installing Debian's chromium and chromium-driver"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# wasm-opt (npm's binaryen), terser (the page's glue), playwright-core and axe-core, pinned by
# package-lock.json.
if ! wasm-opt --version 2>/dev/null | grep -q 'version 132' || [ ! -d node_modules/playwright-core ] \
  || [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/terser/package.json ]; then
  say "installing node tools (binaryen, terser, playwright-core, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi
say "all tools present"
