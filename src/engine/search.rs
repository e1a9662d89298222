//! Free-text search: case-insensitive matches of a query in a text.

use super::span::Span;

/// Every non-overlapping, case-insensitive match of `query` in `text`, in order.
///
/// Matching compares lower-cased characters, so it works for any script; the query is trimmed
/// and an empty query matches nothing.
///
/// ```
/// use newslens::engine::{search::find_all, span::Span};
/// assert_eq!(find_all("Kirkuk, KIRKUK", "kirkuk"), [Span::new(0, 6), Span::new(8, 14)]);
/// assert!(find_all("text", "  ").is_empty());
/// ```
#[must_use]
pub fn find_all(text: &str, query: &str) -> Vec<Span> {
    let needle = lower_query(query);
    if needle.is_empty() {
        return Vec::new();
    }
    if needle.iter().all(char::is_ascii) && !text.contains(ASCII_LOWERING) {
        return find_ascii(text.as_bytes(), &needle);
    }
    find_chars(text, &needle)
}

/// [`find_all`] by its general path alone, for any query and text: lower-cased characters
/// compared one by one. (The reference the ASCII fast path is tested against.)
#[must_use]
pub fn find_all_by_chars(text: &str, query: &str) -> Vec<Span> {
    let needle = lower_query(query);
    if needle.is_empty() {
        return Vec::new();
    }
    find_chars(text, &needle)
}

/// The query trimmed and lower-cased, as characters.
fn lower_query(query: &str) -> Vec<char> {
    query.trim().chars().flat_map(char::to_lowercase).collect()
}

/// Matches of the lower-cased, non-empty `needle` in `text`, character by character.
fn find_chars(text: &str, needle: &[char]) -> Vec<Span> {
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
            // A match must start and end on whole original characters.
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

/// The only characters beyond ASCII whose lower case contains an ASCII letter: "İ" (to "i̇")
/// and the Kelvin sign (to "k"). A text without them matches an ASCII query byte for byte.
const ASCII_LOWERING: [char; 2] = ['\u{130}', '\u{212A}'];

/// [`find_all`] for an ASCII query (lower-cased, `needle`) in a text that has none of
/// [`ASCII_LOWERING`]: ASCII case-insensitive byte comparison, no copy of the text. A match is
/// all ASCII, so it starts and ends on character boundaries.
fn find_ascii(hay: &[u8], needle: &[char]) -> Vec<Span> {
    // Every `char` of `needle` is ASCII, so the cast keeps it whole.
    #[allow(clippy::cast_possible_truncation)]
    let needle: Vec<u8> = needle.iter().map(|&c| c as u8).collect();
    let n = needle.len();
    let first = needle[0];
    let mut out = Vec::new();
    let mut i = 0;
    while i + n <= hay.len() {
        if hay[i].to_ascii_lowercase() == first && hay[i..i + n].eq_ignore_ascii_case(&needle) {
            out.push(Span::new(i, i + n));
            i += n;
        } else {
            i += 1;
        }
    }
    out
}
