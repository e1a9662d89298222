#!/usr/bin/env bash
# Writes everything the entity engine outputs on a fixed set of texts into OUTDIR, so that two
# versions of the engine can be compared byte for byte (`diff -r BEFORE AFTER`):
#   scripts/engine_compare.sh OUTDIR
# The texts: the bundled corpus, the bench text, 2,000 generated articles
# (scripts/scale/generate.mjs, seeded) and upper- and lower-cased copies of 200 of them; each
# tagged with the core and the full gazetteer (examples/engine_dump.rs), plus the
# `newslens tag`, `places` and `eval` outputs on the corpus. Builds with the bench profile.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
out="${1:?usage: scripts/engine_compare.sh OUTDIR}"
mkdir -p "$out"
target="${CARGO_TARGET_DIR:-$ROOT/target}"
texts="$target/engine-compare-texts"
if [ ! -f "$texts/done" ]; then
    rm -rf "$texts"
    node scripts/scale/generate.mjs --count 2000 --out "$texts/gen" >/dev/null
    mkdir -p "$texts/upper" "$texts/lower"
    for f in $(ls "$texts/gen" | head -200); do
        tr '[:lower:]' '[:upper:]' <"$texts/gen/$f" >"$texts/upper/$f"
        tr '[:upper:]' '[:lower:]' <"$texts/gen/$f" >"$texts/lower/$f"
    done
    touch "$texts/done"
fi
cargo build --profile bench --bin newslens --example engine_dump 2>&1 | tail -1
bin="$target/release"
[ -x "$target/bench/newslens" ] && bin="$target/bench"
corpus=(www/corpus/*.txt)
"$bin/newslens" tag --published 2017-10-17 "${corpus[@]}" >"$out/tag.jsonl"
"$bin/newslens" places --published 2017-10-17 "${corpus[@]}" >"$out/places.txt"
"$bin/newslens" eval >"$out/eval.txt"
for g in core full; do
    "$bin/examples/engine_dump" $g - "${corpus[@]}" "$texts"/gen/*.txt \
        "$texts"/upper/*.txt "$texts"/lower/*.txt >"$out/dump-$g.txt"
done
wc -l "$out"/* | tail -1
