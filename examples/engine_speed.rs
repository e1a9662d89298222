//! Speed probe: the entity engine behind two exported functions, for timing it inside a
//! browser page (`node tests/e2e/engine_bench.mjs`, see BENCHMARKS.md). Natively it is an
//! empty library.
#![cfg(target_arch = "wasm32")]

use newslens::engine::corpus::{Article, ArticleMeta};
use newslens::engine::document::Document;
use newslens::engine::gazetteer::Gazetteer;
use newslens::engine::toponyms;
use wasm_bindgen::prelude::wasm_bindgen;

/// Tags with `table` (the text of `data/gazetteer.tsv`) from now on, as the tagging worker
/// does once the page has fetched it; false when it does not parse or one was installed.
#[wasm_bindgen]
#[must_use]
pub fn use_gazetteer(table: &str) -> bool {
    Gazetteer::parse(table).is_ok_and(|g| toponyms::install(Box::leak(Box::new(g))))
}

/// Analyses `text` as the app does for an article and returns its mention count.
#[wasm_bindgen]
#[must_use]
pub fn analyse(text: String, published: Option<String>) -> usize {
    let meta = ArticleMeta {
        id: String::new(),
        file: String::new(),
        title: String::new(),
        outlet: String::new(),
        section: None,
        standfirst: None,
        published,
        url: None,
        certainty: String::new(),
        evidence: String::new(),
    };
    Document::analyse(Article {
        meta,
        text: text.into(),
    })
    .mentions
    .len()
}
