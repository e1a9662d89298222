//! Free-text search: case-insensitive matches of a query in a text.

use super::span::Span;
use super::swar::word_at;
#[cfg(not(target_arch = "wasm32"))]
use super::swar::{zero_bytes, ONES};

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
    Query::new(query).find_in(text)
}

/// A query prepared once (trimmed and lower-cased) for searching many texts: a corpus search
/// asks the same question of every article.
///
/// ```
/// use newslens::engine::{search::Query, span::Span};
/// let q = Query::new(" Kirkuk ");
/// assert_eq!(q.find_in("In KIRKUK."), [Span::new(3, 9)]);
/// assert!(Query::new("").find_in("text").is_empty());
/// assert!(Query::new(" \t").is_empty() && !q.is_empty());
/// ```
#[derive(Clone, Debug)]
pub struct Query {
    /// The query trimmed and lower-cased, as characters.
    needle: Vec<char>,
    /// The same as bytes, when every character is ASCII.
    ascii: Option<Vec<u8>>,
}

impl Query {
    /// Prepares `query`.
    #[must_use]
    pub fn new(query: &str) -> Query {
        let needle = lower_query(query);
        // Every `char` is ASCII here, so the cast keeps it whole.
        #[allow(clippy::cast_possible_truncation)]
        let ascii = needle
            .iter()
            .all(char::is_ascii)
            .then(|| needle.iter().map(|&c| c as u8).collect());
        Query { needle, ascii }
    }

    /// True for a query of nothing but white space, which matches nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.needle.is_empty()
    }

    /// Every non-overlapping, case-insensitive match in `text`, in order ([`find_all`]).
    #[must_use]
    pub fn find_in(&self, text: &str) -> Vec<Span> {
        if self.needle.is_empty() {
            return Vec::new();
        }
        match &self.ascii {
            Some(bytes) if ascii_path_exact(text, &self.needle) => {
                find_ascii(text.as_bytes(), bytes)
            }
            _ => find_chars(text, &self.needle),
        }
    }
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
/// "i") and the Kelvin sign (to "k"). Every other character beyond ASCII lower-cases to
/// characters beyond ASCII.
fn ascii_path_exact(text: &str, needle: &[char]) -> bool {
    let dotted_i = needle.last() == Some(&'i') && text.contains('\u{130}');
    let kelvin = needle.contains(&'k') && text.contains('\u{212A}');
    !(dotted_i || kelvin)
}

/// [`find_all`] for an ASCII query (lower-cased, `needle`) where [`ascii_path_exact`] holds:
/// ASCII case-insensitive byte comparison, no copy of the text. A match is all ASCII, so it
/// starts and ends on character boundaries.
///
/// Many start positions are tested at once: a position is a candidate when the bytes at its
/// start and at its end are the needle's first and last letters (either case), and only
/// candidates are compared in full. In wasm, 16 positions at a time with SIMD
/// ([`simd_candidates`]); elsewhere, 8 at a time in a 64-bit word.
fn find_ascii(hay: &[u8], needle: &[u8]) -> Vec<Span> {
    let n = needle.len();
    let mut out = Vec::new();
    let Some(last_start) = hay.len().checked_sub(n) else {
        return out;
    };
    let first = Either::new(needle[0]);
    let last = Either::new(needle[n - 1]);
    // The first position a match may start at (matches do not overlap).
    let mut free = 0;
    let mut try_at = |at: usize| {
        if at >= free && hay[at..at + n].eq_ignore_ascii_case(needle) {
            out.push(Span::new(at, at + n));
            free = at + n;
        }
    };
    #[cfg(target_arch = "wasm32")]
    let i = simd_candidates(hay, n, &first, &last, &mut try_at);
    #[cfg(not(target_arch = "wasm32"))]
    let i = word_candidates(hay, n, &first, &last, &mut try_at);
    for at in i..=last_start {
        if first.is(hay[at]) && last.is(hay[at + n - 1]) {
            try_at(at);
        }
    }
    out
}

/// Calls `found` with each candidate start (see [`find_ascii`]) of a needle of `n` bytes,
/// in order, eight positions at a time; returns the first position not yet tested.
#[cfg(not(target_arch = "wasm32"))]
fn word_candidates(
    hay: &[u8],
    n: usize,
    first: &Either,
    last: &Either,
    found: &mut impl FnMut(usize),
) -> usize {
    let mut i = 0;
    // While the words at `i` and at `i + n - 1` both lie inside `hay`.
    while i + n + 7 <= hay.len() {
        let mut hits = first.in_word(word_at(hay, i)) & last.in_word(word_at(hay, i + n - 1));
        while hits != 0 {
            found(i + (hits.trailing_zeros() / 8) as usize);
            hits &= hits - 1;
        }
        i += 8;
    }
    i
}

/// [`word_candidates`] sixteen positions at a time with wasm SIMD (every current browser has
/// it).
#[cfg(target_arch = "wasm32")]
#[target_feature(enable = "simd128")]
fn simd_candidates(
    hay: &[u8],
    n: usize,
    first: &Either,
    last: &Either,
    found: &mut impl FnMut(usize),
) -> usize {
    use core::arch::wasm32::{u64x2, u8x16_bitmask, u8x16_eq, u8x16_splat, v128_and, v128_or};
    let (first_fold, first_lower) = (u8x16_splat(first.fold), u8x16_splat(first.lower));
    let (last_fold, last_lower) = (u8x16_splat(last.fold), u8x16_splat(last.lower));
    // Block `k` of `starts` holds the first bytes, and block `k` of `ends` the last bytes, of
    // the sixteen candidates from `16 * k`.
    let starts = &hay[..=hay.len() - n];
    let ends = &hay[n - 1..];
    let mut i = 0;
    for (a, b) in starts.chunks_exact(16).zip(ends.chunks_exact(16)) {
        // Each block read as two words (one 128-bit load would need `unsafe`, and sixteen
        // byte lanes cost more than the rest of the loop).
        let a = u64x2(word_at(a, 0), word_at(a, 8));
        let b = u64x2(word_at(b, 0), word_at(b, 8));
        let hits = v128_and(
            u8x16_eq(v128_or(a, first_fold), first_lower),
            u8x16_eq(v128_or(b, last_fold), last_lower),
        );
        let mut bits = u8x16_bitmask(hits);
        while bits != 0 {
            found(i + bits.trailing_zeros() as usize);
            bits &= bits - 1;
        }
        i += 16;
    }
    i
}

/// An ASCII letter in either case (or any other byte, alone).
struct Either {
    lower: u8,
    /// 0x20 for a letter: setting that bit turns its upper case into its lower case, and no
    /// other byte into it.
    fold: u8,
}

impl Either {
    fn new(b: u8) -> Either {
        Either {
            lower: b.to_ascii_lowercase(),
            fold: if b.is_ascii_alphabetic() { 0x20 } else { 0 },
        }
    }

    fn is(&self, b: u8) -> bool {
        b | self.fold == self.lower
    }

    /// The high bit of each byte of `w` that is this letter, in either case.
    #[cfg(not(target_arch = "wasm32"))]
    fn in_word(&self, w: u64) -> u64 {
        zero_bytes((w | (ONES * u64::from(self.fold))) ^ (ONES * u64::from(self.lower)))
    }
}
