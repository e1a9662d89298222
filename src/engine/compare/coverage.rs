//! Coverage diff: every canonical entity of two articles, on which side it appears, how often,
//! and where it first appears on each side.

use super::prominence::{FirstMention, Layout};
use crate::engine::document::Document;
use crate::engine::fxhash::FxHashMap;
use crate::engine::label::Label;
use serde::Serialize;

/// Which of the two compared articles mention an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Side {
    /// Both articles.
    #[serde(rename = "both")]
    Both,
    /// Only article A.
    #[serde(rename = "a")]
    OnlyA,
    /// Only article B.
    #[serde(rename = "b")]
    OnlyB,
}

impl Side {
    /// The contract's `data-side` value: `"both"`, `"a"` or `"b"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Both => "both",
            Side::OnlyA => "a",
            Side::OnlyB => "b",
        }
    }

    /// The same side seen with A and B exchanged.
    #[must_use]
    pub fn swapped(self) -> Side {
        match self {
            Side::Both => Side::Both,
            Side::OnlyA => Side::OnlyB,
            Side::OnlyB => Side::OnlyA,
        }
    }
}

/// One canonical entity of the comparison: a row of the coverage table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityRow {
    /// Its label (the label of most of its mentions; rows are keyed by canonical name).
    pub label: Label,
    /// The canonical name (for DATE and NUMBER the normalised value).
    pub canonical: String,
    /// Where it appears.
    pub side: Side,
    /// Mentions in A (outside boilerplate).
    pub count_a: usize,
    /// Mentions in B (outside boilerplate).
    pub count_b: usize,
    /// True for DATE and NUMBER values, which views show apart (figures are compared in
    /// [`super::figures`]).
    pub is_value: bool,
    /// Distinct surface forms in A, in order of first use.
    pub surfaces_a: Vec<String>,
    /// Distinct surface forms in B, in order of first use.
    pub surfaces_b: Vec<String>,
    /// Where it first appears in A (`None` when A does not mention it).
    pub first_a: Option<FirstMention>,
    /// Where it first appears in B (`None` when B does not mention it).
    pub first_b: Option<FirstMention>,
}

impl EntityRow {
    /// The same row with A and B exchanged.
    #[must_use]
    pub fn swapped(&self) -> EntityRow {
        EntityRow {
            side: self.side.swapped(),
            count_a: self.count_b,
            count_b: self.count_a,
            surfaces_a: self.surfaces_b.clone(),
            surfaces_b: self.surfaces_a.clone(),
            first_a: self.first_b,
            first_b: self.first_a,
            ..self.clone()
        }
    }
}

/// Overlap counts for one label (distinct entities, not mentions).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LabelOverlap {
    /// The label.
    pub label: Label,
    /// Entities in both.
    pub both: usize,
    /// Entities only in A.
    pub only_a: usize,
    /// Entities only in B.
    pub only_b: usize,
}

impl LabelOverlap {
    /// The same counts with A and B exchanged.
    #[must_use]
    pub fn swapped(&self) -> LabelOverlap {
        LabelOverlap {
            only_a: self.only_b,
            only_b: self.only_a,
            ..self.clone()
        }
    }
}

/// Per-side tallies of one entity while building rows.
#[derive(Default)]
struct Tally {
    count: usize,
    /// Mentions per label, in [`Label::ALL`] order.
    labels: [usize; 6],
    surfaces: Vec<String>,
    first: Option<FirstMention>,
}

/// Counts the mentions of each canonical entity in `doc`.
fn tally<'a>(doc: &'a Document, layout: &Layout) -> FxHashMap<&'a str, Tally> {
    let mut out: FxHashMap<&str, Tally> = FxHashMap::default();
    for m in &doc.mentions {
        let t = out.entry(&*m.canonical).or_default();
        t.count += 1;
        t.labels[m.label.index()] += 1;
        let surface = m.span.slice(&doc.text);
        if !t.surfaces.iter().any(|s| s == surface) {
            t.surfaces.push(surface.to_string());
        }
        if t.first.is_none() {
            t.first = layout.locate(doc, m.span);
        }
    }
    out
}

/// The coverage rows of `a` against `b`, sorted by label (contract order), then by total
/// mentions (most first), then by canonical name.
///
/// Rows are keyed by canonical name, so that the contract's `data-entity` hook is unique; the
/// rare entity tagged with two labels (an outlet once PERSON, once ORG) gets the label of most
/// of its mentions on both sides together (ties: the earlier label in contract order).
#[must_use]
pub fn entity_rows(a: &Document, la: &Layout, b: &Document, lb: &Layout) -> Vec<EntityRow> {
    let (mut ta, mut tb) = (tally(a, la), tally(b, lb));
    let mut keys: Vec<&str> = ta.keys().chain(tb.keys()).copied().collect();
    keys.sort_unstable();
    keys.dedup();
    let mut rows: Vec<EntityRow> = keys
        .into_iter()
        .map(|key| {
            let x = ta.remove(key).unwrap_or_default();
            let y = tb.remove(key).unwrap_or_default();
            let side = match (x.count > 0, y.count > 0) {
                (true, true) => Side::Both,
                (true, false) => Side::OnlyA,
                _ => Side::OnlyB,
            };
            let mut label = Label::ALL[0];
            let mut most = 0;
            for (k, &l) in Label::ALL.iter().enumerate() {
                let n = x.labels[k] + y.labels[k];
                if n > most {
                    (label, most) = (l, n);
                }
            }
            EntityRow {
                label,
                canonical: key.to_string(),
                side,
                count_a: x.count,
                count_b: y.count,
                is_value: matches!(label, Label::Date | Label::Number),
                surfaces_a: x.surfaces,
                surfaces_b: y.surfaces,
                first_a: x.first,
                first_b: y.first,
            }
        })
        .collect();
    sort_rows(&mut rows);
    rows
}

/// Sorts rows in the order [`entity_rows`] documents (symmetric in A and B).
pub fn sort_rows(rows: &mut [EntityRow]) {
    rows.sort_by(|x, y| {
        x.label
            .cmp(&y.label)
            .then((y.count_a + y.count_b).cmp(&(x.count_a + x.count_b)))
            .then(x.canonical.cmp(&y.canonical))
    });
}

/// The per-label overlap summary of `rows`, one entry per label of [`Label::ALL`].
#[must_use]
pub fn overlap(rows: &[EntityRow]) -> Vec<LabelOverlap> {
    Label::ALL
        .iter()
        .map(|&label| {
            let n = |side| {
                rows.iter()
                    .filter(|r| r.label == label && r.side == side)
                    .count()
            };
            LabelOverlap {
                label,
                both: n(Side::Both),
                only_a: n(Side::OnlyA),
                only_b: n(Side::OnlyB),
            }
        })
        .collect()
}
