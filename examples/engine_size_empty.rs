//! Size probe baseline: the same export as `engine_size`, without the engine.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::wasm_bindgen;

/// Returns the text's length in bytes (the engine probe returns its mention count).
#[wasm_bindgen]
#[must_use]
pub fn analyse(text: String, published: Option<String>) -> usize {
    text.len() + published.map_or(0, |p| p.len())
}
