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
