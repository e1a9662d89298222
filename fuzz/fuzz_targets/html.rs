//! Fuzz target: the HTML reducer never panics, and tagging its output keeps the invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::engine::html::to_text;
use newslens::engine::tag::{tag, TagOptions};

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let text = to_text(&html);
    let m = tag(&text, &TagOptions::default());
    for w in m.windows(2) {
        assert!(w[0].span.end() <= w[1].span.start());
    }
});
