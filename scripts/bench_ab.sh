#!/usr/bin/env bash
# Runs tests/e2e/bench.mjs on two builds in turn, so that both are measured in the same
# minutes (this machine's speed varies through the day; see BENCHMARKS.md). Each build is a
# copy of a dist/ directory (e.g. `cp -r dist /tmp/dist-a` after `trunk build --release`),
# served in turn (the harness serves the directory named by DIST).
#   scripts/bench_ab.sh /tmp/dist-a /tmp/dist-b 2 --scale 10000 --only entity --samples
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 DIST_A DIST_B ROUNDS [bench.mjs arguments]" >&2
  exit 2
fi
a=$(realpath "$1") b=$(realpath "$2") rounds=$3
shift 3
cd "$(dirname "$0")/.."
for r in $(seq 1 "$rounds"); do
  for d in "$a" "$b"; do
    echo "== $d, round $r, $(date -u +%H:%M) UTC"
    DIST="$d" node tests/e2e/bench.mjs "$@"
  done
done
