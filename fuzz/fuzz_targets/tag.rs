//! Fuzz target: `tag` never panics and keeps its output invariants on any UTF-8 input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::engine::tag::{tag, TagOptions};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let m = tag(
        &text,
        &TagOptions {
            published: Some("2017-10-17".into()),
        },
    );
    for w in m.windows(2) {
        assert!(w[0].span.end() <= w[1].span.start());
    }
    for x in &m {
        assert!(!x.span.is_empty());
        assert!(text.is_char_boundary(x.span.start()) && text.is_char_boundary(x.span.end()));
    }
});
