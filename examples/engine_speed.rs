//! Speed probe: the size probe's `analyse` (`examples/engine_size.rs`, included as it is) and
//! a way to install the full gazetteer, for timing the engine inside a browser page
//! (`node tests/e2e/engine_bench.mjs`, see BENCHMARKS.md). Natively it is an empty library.
#![cfg(target_arch = "wasm32")]

use newslens::engine::gazetteer::Gazetteer;
use newslens::engine::toponyms;
use wasm_bindgen::prelude::wasm_bindgen;

/// `analyse(text, published)`, exported as the size probe exports it.
#[path = "engine_size.rs"]
mod engine_size;

/// Tags with `table` (the text of `data/gazetteer.tsv`) from now on, as the tagging worker
/// does once the page has fetched it; false when it does not parse or one was installed.
#[wasm_bindgen]
#[must_use]
pub fn use_gazetteer(table: &str) -> bool {
    Gazetteer::parse(table).is_ok_and(|g| toponyms::install(Box::leak(Box::new(g))))
}
