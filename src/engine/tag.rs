//! The tagging pipeline: text in, sorted non-overlapping mentions out.
//!
//! Boilerplate lines are dropped, every other paragraph is tokenised, and three recognisers
//! propose candidates: [`super::dates`], [`super::numbers`] and [`super::names`]. Overlaps are
//! resolved by priority (a name over a date over a number), then length, then position.

use super::boilerplate;
use super::calendar::Ymd;
use super::mention::{Candidate, Mention};
use super::text::{paragraphs, tokens, TokenView};
use super::{dates, names, numbers};
use std::collections::BTreeMap;

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
    let anchor = options.published.as_deref().and_then(Ymd::parse);
    let furniture = boilerplate::detect(text);
    // Both lists are in text order: walk them together.
    let mut next_bp = 0;
    let paras: Vec<_> = paragraphs(text)
        .into_iter()
        .filter(|p| {
            while next_bp < furniture.len() && furniture[next_bp].span.end() <= p.start() {
                next_bp += 1;
            }
            !furniture.get(next_bp).is_some_and(|b| b.span.overlaps(*p))
        })
        .map(|p| tokens(text, p))
        .collect();
    let mut candidates = Vec::new();
    for toks in &paras {
        let v = TokenView { text, toks };
        candidates.extend(dates::find(v, anchor));
        candidates.extend(numbers::find(v));
    }
    candidates.extend(names::find(text, &paras));
    resolve(candidates)
}

/// Keeps the best non-overlapping candidates, sorted by position.
#[must_use]
pub fn resolve(mut candidates: Vec<Candidate>) -> Vec<Mention> {
    candidates.retain(|c| !c.mention.span.is_empty());
    candidates.sort_by(|x, y| {
        y.priority
            .cmp(&x.priority)
            .then(y.mention.span.len().cmp(&x.mention.span.len()))
            .then(x.mention.span.start().cmp(&y.mention.span.start()))
    });
    let mut taken: BTreeMap<usize, Mention> = BTreeMap::new();
    for c in candidates {
        let s = c.mention.span;
        let before_ok = taken
            .range(..s.end())
            .next_back()
            .is_none_or(|(_, m)| m.span.end() <= s.start());
        if before_ok {
            taken.insert(s.start(), c.mention);
        }
    }
    taken.into_values().collect()
}
