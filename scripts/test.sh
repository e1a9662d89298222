#!/usr/bin/env bash
# Installs what is missing, then runs every test: formatting, lints (host and wasm), native
# tests, the API docs (no broken links), the headless-Chromium wasm-bindgen-test suite, the
# release build with its size budget, and the end-to-end tests against the built dist/.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "tools"
scripts/setup.sh

step "cargo fmt --check"
cargo fmt --all --check

step "clippy (host)"
cargo clippy --all-targets -- -D warnings

step "clippy (wasm32)"
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests"
cargo test

step "rustdoc (every link resolves, no warnings), native and for the browser's UI modules"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --lib
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --lib --target wasm32-unknown-unknown

step "browser tests (wasm-bindgen-test in headless Chromium)"
wasm-pack test --headless --chrome

step "release build"
trunk build --release

step "end-to-end tests against dist/"
node --test --test-concurrency=1 tests/e2e/
