//! The tagging pipeline: text in, sorted non-overlapping mentions out.
//!
//! Boilerplate lines are dropped, every other paragraph is tokenised, and three recognisers
//! propose candidates: [`super::dates`], [`super::numbers`] and [`super::names`]. Overlaps are
//! resolved by priority (a name over a date over a number), then length, then position.

use super::boilerplate::{self, Boilerplate};
use super::calendar::Ymd;
use super::mention::{Candidate, Mention};
use super::span::Span;
use super::text::{paragraphs, tokens_into, Token, TokenView};
use super::{dates, intern, names, numbers};
use std::cell::RefCell;

/// What the tagger knows about the article beyond its text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagOptions {
    /// Publication date `YYYY-MM-DD`, the anchor for relative dates.
    pub published: Option<String>,
}

/// Tags every entity mention of `text` outside page boilerplate.
///
/// The result is sorted by span, free of overlaps, and on char boundaries.
///
/// ```
/// use newslens::engine::tag::{tag, TagOptions};
/// let text = "Iraqi forces entered the city of Kirkuk on Monday.";
/// let opts = TagOptions { published: Some("2017-10-17".into()) };
/// let m: Vec<(&str, &str)> = tag(text, &opts)
///     .iter()
///     .map(|m| (m.span.slice(text), m.label.as_str()))
///     .collect();
/// assert_eq!(m, [("Iraqi", "GROUP"), ("Kirkuk", "PLACE"), ("Monday", "DATE")]);
/// ```
#[must_use]
pub fn tag(text: &str, options: &TagOptions) -> Vec<Mention> {
    let paragraphs = paragraphs(text);
    let furniture = boilerplate::detect_in(text, &paragraphs);
    tag_paragraphs(text, &paragraphs, &furniture, options)
}

/// [`tag`] for a caller that already has the text's paragraphs ([`paragraphs`]) and
/// boilerplate lines ([`boilerplate::detect_in`]), so that they are not found twice.
#[must_use]
pub fn tag_paragraphs(
    text: &str,
    paragraphs: &[Span],
    furniture: &[Boilerplate],
    options: &TagOptions,
) -> Vec<Mention> {
    let anchor = options.published.as_deref().and_then(Ymd::parse);
    let Scratch {
        tokens: mut all,
        mut candidates,
    } = SCRATCH.take();
    // The tokens of every paragraph outside the boilerplate, in one buffer (about one token
    // per five bytes of text), and where each paragraph's are.
    all.reserve(text.len() / 4 + 1);
    let mut ends = Vec::with_capacity(paragraphs.len());
    // Both lists are in text order: walk them together.
    let mut next_bp = 0;
    for p in paragraphs {
        while next_bp < furniture.len() && furniture[next_bp].span.end() <= p.start() {
            next_bp += 1;
        }
        if !furniture.get(next_bp).is_some_and(|b| b.span.overlaps(*p)) {
            tokens_into(text, *p, &mut all);
            ends.push(all.len());
        }
    }
    let mut start = 0;
    let paras: Vec<&[Token]> = ends
        .iter()
        .map(|&end| {
            let toks = &all[start..end];
            start = end;
            toks
        })
        .collect();
    let mentions = intern::with_local(|strings| {
        // Room for every candidate without regrowing: about one per six tokens in news text.
        candidates.reserve(all.len() / 4 + 16);
        for &toks in &paras {
            let v = TokenView { text, toks };
            dates::find_into(v, anchor, strings, &mut candidates);
            numbers::find_into(v, strings, &mut candidates);
        }
        names::find_into(text, &paras, strings, &mut candidates);
        resolve_in(&mut candidates)
    });
    Scratch {
        tokens: all,
        candidates,
    }
    .put_back();
    mentions
}

/// Buffers kept from one call of [`tag_paragraphs`] to the next on a thread. A large text needs
/// megabytes of tokens and candidates; made afresh for each text, the system allocator handed
/// those pages back and faulted them in again the next time: about 30 % of the tagging time of
/// a 1 MiB text natively (`engine_time`, BENCHMARKS.md "Twelfth pass"). Taken out for a call
/// (a call made meanwhile gets empty ones) and put back after it.
#[derive(Default)]
struct Scratch {
    tokens: Vec<Token>,
    candidates: Vec<Candidate>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl Scratch {
    /// Tokens kept between calls at most (what a text of about 4 MB needs); a larger text's
    /// buffers are given back after it.
    const KEEP_TOKENS: usize = 1 << 20;

    /// Empties the buffers and keeps them for the next call.
    fn put_back(mut self) {
        self.tokens.clear();
        self.tokens.shrink_to(Self::KEEP_TOKENS);
        self.candidates.clear();
        self.candidates.shrink_to(Self::KEEP_TOKENS / 4);
        SCRATCH.set(self);
    }
}

/// Keeps the best non-overlapping candidates, sorted by position.
#[must_use]
pub fn resolve(mut candidates: Vec<Candidate>) -> Vec<Mention> {
    resolve_in(&mut candidates)
}

/// [`resolve`], leaving `candidates` empty (its room kept for the next text).
fn resolve_in(candidates: &mut Vec<Candidate>) -> Vec<Mention> {
    candidates.retain(|c| !c.mention.span.is_empty());
    // Best first: priority, then length, then position; among equals the earlier candidate
    // (the order of a stable sort).
    let order = best_first(candidates);
    // A candidate is taken when none of its bytes is taken yet.
    let end = candidates
        .iter()
        .map(|c| c.mention.span.end())
        .max()
        .unwrap_or(0);
    let mut used = Bits::new(end);
    let mut taken = vec![false; candidates.len()];
    let mut count = 0;
    for i in order {
        let s = candidates[i].mention.span;
        if !used.any(s.start(), s.end()) {
            used.set(s.start(), s.end());
            taken[i] = true;
            count += 1;
        }
    }
    let mut out = Vec::with_capacity(count);
    out.extend(
        candidates
            .drain(..)
            .zip(taken)
            .filter_map(|(c, taken)| taken.then_some(c.mention)),
    );
    // Taken spans do not overlap, so their starts differ.
    out.sort_unstable_by_key(|m| m.span.start());
    out
}

/// The indexes of `candidates`, best first: higher priority, then longer span, then earlier
/// start, then earlier index.
fn best_first(candidates: &[Candidate]) -> Vec<usize> {
    if let Some(order) = best_first_narrow(candidates) {
        return order;
    }
    // Too wide for one `u64` key (a text of many megabytes): sort tuples.
    let mut order: Vec<(
        std::cmp::Reverse<u8>,
        std::cmp::Reverse<usize>,
        usize,
        usize,
    )> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let s = c.mention.span;
            (
                std::cmp::Reverse(c.priority),
                std::cmp::Reverse(s.len()),
                s.start(),
                i,
            )
        })
        .collect();
    order.sort_unstable();
    order.into_iter().map(|(_, _, _, i)| i).collect()
}

/// [`best_first`] with one `u64` key per candidate, when priority, length, start and index
/// fit in 64 bits together (any text up to megabytes: names are short); `None` otherwise.
fn best_first_narrow(candidates: &[Candidate]) -> Option<Vec<usize>> {
    let bits = |x: usize| usize::BITS - x.leading_zeros();
    let max_len = candidates.iter().map(|c| c.mention.span.len()).max()?;
    let max_start = candidates.iter().map(|c| c.mention.span.start()).max()?;
    let (lb, sb, ib) = (bits(max_len), bits(max_start), bits(candidates.len()));
    if 8 + lb + sb + ib > 64 {
        return None;
    }
    // High to low: !priority, max_len - length, start, index.
    let mut keys: Vec<u64> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let s = c.mention.span;
            u64::from(u8::MAX - c.priority) << (lb + sb + ib)
                | ((max_len - s.len()) as u64) << (sb + ib)
                | (s.start() as u64) << ib
                | i as u64
        })
        .collect();
    keys.sort_unstable();
    let mask = (1u64 << ib) - 1;
    Some(keys.into_iter().map(|k| (k & mask) as usize).collect())
}

/// A set of byte offsets.
struct Bits(Vec<u64>);

impl Bits {
    fn new(len: usize) -> Bits {
        Bits(vec![0; len / 64 + 1])
    }

    /// The mask of bits `a..b` of one word (`a < b <= 64`).
    fn mask(a: usize, b: usize) -> u64 {
        let hi = if b == 64 { u64::MAX } else { (1u64 << b) - 1 };
        hi & !((1u64 << a) - 1)
    }

    /// Calls `f` with each word index and mask of the range `a..b`.
    fn words(a: usize, b: usize, mut f: impl FnMut(usize, u64) -> bool) -> bool {
        let mut i = a;
        while i < b {
            let w = i / 64;
            let hi = b.min((w + 1) * 64);
            if f(w, Self::mask(i - w * 64, hi - w * 64)) {
                return true;
            }
            i = hi;
        }
        false
    }

    /// True when some offset in `a..b` is in the set.
    fn any(&self, a: usize, b: usize) -> bool {
        Self::words(a, b, |w, m| self.0[w] & m != 0)
    }

    /// Adds the offsets `a..b`.
    fn set(&mut self, a: usize, b: usize) {
        Self::words(a, b, |w, m| {
            self.0[w] |= m;
            false
        });
    }
}
