//! Source comparison: two articles side by side, entity by entity.
//!
//! [`compare`] computes everything the comparison view shows, once, as plain data:
//!
//! - **coverage** ([`coverage`]): every canonical entity, keyed by canonical name, marked
//!   [`Side::Both`], [`Side::OnlyA`] or [`Side::OnlyB`], with counts per side and an overlap
//!   summary per label; DATE and NUMBER values are flagged `is_value`;
//! - **prominence** ([`prominence`]): where each entity first appears on each side (headline,
//!   standfirst, lede, caption or body) and in which paragraph;
//! - **figures** ([`figures`]): NUMBER mentions with what they count, lined up across the
//!   articles when they describe the same thing, with a verdict;
//! - **voices** ([`voices`]): quotations with their speakers, and the sources each side cites;
//! - **framing** ([`framing`]): each side's distinctive words, names and phrases (weighted
//!   log-odds with an informative Dirichlet prior);
//! - **similarity** ([`similarity`]): one explained number for the two casts of entities.
//!
//! Aligned contexts for a selected entity come from [`contexts`], on demand.
//!
//! Everything is symmetric: `compare(b, a) == compare(a, b).swapped()`.
//!
//! ```
//! use newslens::engine::compare::{compare, Side};
//! use newslens::engine::corpus::{Article, ArticleMeta};
//! use newslens::engine::document::Document;
//! let doc = |id: &str, text: &str| {
//!     let meta: ArticleMeta = serde_json::from_str(&format!(
//!         r#"{{"id":"{id}","file":"{id}.txt","title":"T","outlet":"O"}}"#
//!     ))
//!     .unwrap();
//!     Document::analyse(Article { meta, text: text.into() })
//! };
//! let a = doc("a", "Troops entered Kirkuk, Al Jazeera reported.");
//! let b = doc("b", "Forces entered Kirkuk, the BBC says.");
//! let c = compare(&a, &b);
//! let kirkuk = c.entities.iter().find(|r| r.surfaces_a == ["Kirkuk"]).unwrap();
//! assert_eq!(kirkuk.side, Side::Both);
//! assert_eq!(compare(&b, &a), c.swapped());
//! ```

pub mod coverage;
pub mod csv;
pub mod figures;
pub mod framing;
pub mod prominence;
pub mod similarity;
pub mod voices;
pub mod words;

pub use coverage::{EntityRow, LabelOverlap, Side};
pub use figures::{Amount, Figure, FigureMatch, Verdict};
pub use framing::{Framing, Term, TermKind};
pub use prominence::{FirstMention, Layout, Placement};
pub use similarity::Similarity;
pub use voices::{Attribution, Source, Speaker, Voice};

use crate::engine::document::Document;
use crate::engine::span::Span;
use crate::engine::text::sentences;
use serde::Serialize;

/// What the comparison knows about one of the two articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SideReport {
    /// The article's id.
    pub id: String,
    /// Its outlet.
    pub outlet: String,
    /// Its title.
    pub title: String,
    /// Its layout: headline, standfirst, captions, lede, body.
    pub layout: Layout,
    /// Its figures (NUMBER mentions), in text order.
    pub figures: Vec<Figure>,
    /// Its quotations, in text order.
    pub voices: Vec<Voice>,
    /// The sources it cites, most cited first.
    pub sources: Vec<Source>,
}

/// Everything the comparison view shows about two articles, A and B.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// Article A.
    pub a: SideReport,
    /// Article B.
    pub b: SideReport,
    /// The coverage table: one row per canonical entity of either article, sorted
    /// by label, then total mentions (most first), then name.
    pub entities: Vec<EntityRow>,
    /// Distinct-entity overlap per label, one entry per label in contract order.
    pub overlap: Vec<LabelOverlap>,
    /// Figures of A and B that describe the same thing, sorted by `(a, b)` index.
    pub figure_matches: Vec<FigureMatch>,
    /// Distinctive features of each side.
    pub framing: Framing,
    /// One number for the two casts of entities, explained.
    pub similarity: Similarity,
}

impl Comparison {
    /// The same comparison with A and B exchanged (what `compare(b, a)` returns).
    #[must_use]
    pub fn swapped(&self) -> Comparison {
        let mut entities: Vec<EntityRow> = self.entities.iter().map(EntityRow::swapped).collect();
        coverage::sort_rows(&mut entities);
        let mut figure_matches: Vec<FigureMatch> = self
            .figure_matches
            .iter()
            .map(FigureMatch::swapped)
            .collect();
        figure_matches.sort_by_key(|m| (m.a, m.b));
        Comparison {
            a: self.b.clone(),
            b: self.a.clone(),
            entities,
            overlap: self.overlap.iter().map(LabelOverlap::swapped).collect(),
            figure_matches,
            framing: self.framing.swapped(),
            similarity: self.similarity.swapped(),
        }
    }

    /// The coverage row of the entity named `canonical`.
    #[must_use]
    pub fn entity(&self, canonical: &str) -> Option<&EntityRow> {
        self.entities.iter().find(|r| r.canonical == canonical)
    }
}

/// Everything about one article that does not depend on the other.
fn side(doc: &Document) -> SideReport {
    let layout = Layout::of(doc);
    let voices = voices::voices(doc, &layout);
    let sources = voices::sources(doc, &layout, &voices);
    SideReport {
        id: doc.meta.id.clone(),
        outlet: doc.meta.outlet.clone(),
        title: doc.meta.title.clone(),
        figures: figures::figures(doc),
        layout,
        voices,
        sources,
    }
}

/// Compares article `a` with article `b`. Pure; a few milliseconds for two news articles.
#[must_use]
pub fn compare(a: &Document, b: &Document) -> Comparison {
    let (sa, sb) = (side(a), side(b));
    let entities = coverage::entity_rows(a, &sa.layout, b, &sb.layout);
    let overlap = coverage::overlap(&entities);
    let figure_matches = figures::line_up(&a.text, &sa.figures, &b.text, &sb.figures);
    let story =
        |s: &SideReport| -> Vec<bool> { s.layout.placements.iter().map(Option::is_some).collect() };
    let framing = framing::framing(
        &framing::features(a, &story(&sa)),
        &framing::features(b, &story(&sb)),
    );
    let similarity = Similarity::of(&entities);
    Comparison {
        a: sa,
        b: sb,
        entities,
        overlap,
        figure_matches,
        framing,
        similarity,
    }
}

/// The sentences of `doc` that mention the entity `canonical` (any label), in text order.
#[must_use]
pub fn sentences_mentioning(doc: &Document, canonical: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut hits = doc
        .mentions
        .iter()
        .filter(|m| &*m.canonical == canonical)
        .peekable();
    if hits.peek().is_none() {
        return out;
    }
    let sents = sentences(&doc.text);
    for m in hits {
        let k = sents.partition_point(|s| s.end() <= m.span.start());
        if let Some(&s) = sents.get(k) {
            if out.last() != Some(&s) {
                out.push(s);
            }
        }
    }
    out
}

/// Aligned contexts: each side's sentences that mention the entity `canonical`.
#[must_use]
pub fn contexts(a: &Document, b: &Document, canonical: &str) -> (Vec<Span>, Vec<Span>) {
    (
        sentences_mentioning(a, canonical),
        sentences_mentioning(b, canonical),
    )
}

/// The coverage table of `c` as RFC 4180 CSV (see [`csv::coverage_csv`] for the columns).
#[must_use]
pub fn to_csv(c: &Comparison) -> String {
    csv::coverage_csv(&c.entities)
}
