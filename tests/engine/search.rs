//! Free-text search: the ASCII fast path finds exactly what character-by-character
//! lower-case matching finds.

use newslens::engine::search::find_all;
use newslens::engine::span::Span;
use proptest::prelude::*;

/// The reference: compare lower-cased characters one by one (the general path).
fn reference(text: &str, query: &str) -> Vec<Span> {
    let needle: Vec<char> = query.trim().chars().flat_map(char::to_lowercase).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let hay: Vec<(usize, char)> = text
        .char_indices()
        .flat_map(|(i, c)| c.to_lowercase().map(move |l| (i, l)))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()]
            .iter()
            .map(|p| p.1)
            .eq(needle.iter().copied())
        {
            let start = hay[i].0;
            let last = hay[i + needle.len() - 1].0;
            let end = last + text[last..].chars().next().map_or(0, char::len_utf8);
            if i == 0 || hay[i - 1].0 != start {
                out.push(Span::new(start, end));
                i += needle.len();
                continue;
            }
        }
        i += 1;
    }
    out
}

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
        text in "[aAkKbB İ\u{212A}éÉßẞ.-]{0,40}",
        query in "[aAkKbB .-]{1,4}",
    ) {
        prop_assert_eq!(find_all(&text, &query), reference(&text, &query));
    }
}
