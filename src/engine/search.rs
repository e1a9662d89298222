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
    if needle.iter().all(char::is_ascii) && ascii_path_exact(text, &needle) {
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

/// True when ASCII byte matching of the ASCII `needle` finds exactly what the character path
/// finds in `text`. Only two characters beyond ASCII lower-case to something with an ASCII
/// letter: "İ" (to "i" and a combining dot, so it can only end a match, of a needle ending in
/// "i") and the Kelvin sign (to "k"). Every other character lower-cases to non-ASCII or to
/// itself.
fn ascii_path_exact(text: &str, needle: &[char]) -> bool {
    let dotted_i = needle.last() == Some(&'i') && text.contains('\u{130}');
    let kelvin = needle.contains(&'k') && text.contains('\u{212A}');
    !(dotted_i || kelvin)
}

/// [`find_all`] for an ASCII query (lower-cased, `needle`) where [`ascii_path_exact`] holds:
/// ASCII case-insensitive byte comparison, no copy of the text. A match is all ASCII, so it
/// starts and ends on character boundaries.
fn find_ascii(hay: &[u8], needle: &[char]) -> Vec<Span> {
    // Every `char` of `needle` is ASCII, so the cast keeps it whole.
    #[allow(clippy::cast_possible_truncation)]
    let needle: Vec<u8> = needle.iter().map(|&c| c as u8).collect();
    let n = needle.len();
    let (lower, upper) = (needle[0], needle[0].to_ascii_uppercase());
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(at) = find_either(hay, i, lower, upper) {
        if at + n > hay.len() {
            break;
        }
        if hay[at..at + n].eq_ignore_ascii_case(&needle) {
            out.push(Span::new(at, at + n));
            i = at + n;
        } else {
            i = at + 1;
        }
    }
    out
}

/// The first index from `from` on where `hay` holds byte `a` or byte `b`. Compares eight bytes
/// at a time (the module runs as wasm without SIMD, where a byte loop is the bottleneck).
fn find_either(hay: &[u8], from: usize, a: u8, b: u8) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    // True when some byte of `x` is zero (exact as a yes/no; the byte is then found below).
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS != 0;
    let (wa, wb) = (ONES * u64::from(a), ONES * u64::from(b));
    let mut i = from;
    while i + 8 <= hay.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&hay[i..i + 8]);
        let w = u64::from_ne_bytes(word);
        if has_zero(w ^ wa) || has_zero(w ^ wb) {
            break;
        }
        i += 8;
    }
    hay.get(i..)?
        .iter()
        .position(|&c| c == a || c == b)
        .map(|k| i + k)
}
