//! Free-text search: the ASCII fast path finds exactly what character-by-character
//! lower-case matching finds.

use newslens::engine::search::{find_all, find_all_by_chars as reference};
use newslens::engine::span::Span;
use proptest::prelude::*;

#[test]
fn ascii_queries_match_case_insensitively() {
    let text = "Kirkuk, KIRKUK and kirKuk; Café in İzmir, 5 \u{212A}m";
    assert_eq!(find_all(text, "kirkuk").len(), 3);
    // The Kelvin sign lower-cases to "k": the general path handles the text that has one.
    assert_eq!(
        find_all(text, "km"),
        [Span::new(text.len() - 4, text.len())]
    );
    assert_eq!(find_all(text, "kirkuk"), reference(text, "kirkuk"));
    assert_eq!(find_all("aaaa", "aa"), [Span::new(0, 2), Span::new(2, 4)]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn the_fast_path_agrees_with_the_reference(
        // "@`", "[{" and "_" differ from a letter pair or from each other by the case bit:
        // case-folding them as letters would be wrong.
        text in "[aAiIkKbB İ\u{212A}éÉßẞ.@`{_\\[-]{0,80}",
        query in "[aAiIkKbB .@`{_\\[-]{1,4}",
    ) {
        prop_assert_eq!(find_all(&text, &query), reference(&text, &query));
    }
}
