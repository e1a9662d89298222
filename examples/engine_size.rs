//! Size probe: the entity engine behind one exported function, to measure how much it adds
//! to a wasm module. Compare with `engine_size_empty` (the same exports without the engine);
//! see BENCHMARKS.md ("Entity engine") for the commands. Natively it is an empty library.
#![cfg(target_arch = "wasm32")]

use newslens::engine::corpus::{Article, ArticleMeta};
use newslens::engine::document::Document;
use wasm_bindgen::prelude::wasm_bindgen;

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
