//! A document's place resolutions reduced to what the place list groups by: the record's
//! index instead of a copy of the record, no candidate list, no reason text. A corpus of
//! thousands of articles keeps one [`DocPlaces`] per article; the full
//! [`MentionResolution`]s of one article are made again when a reader asks why
//! ([`explain`]).

use super::claims::{find_claims, Claim};
use super::{decide, resolve_mentions, MentionResolution};
use crate::engine::gazetteer::{Gazetteer, PlaceIndex, PlaceKind};
use crate::engine::mention::Mention;
use crate::engine::span::Span;
use serde::{Deserialize, Serialize};

/// What one PLACE mention was resolved to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PlaceTarget {
    /// The record at this index of the gazetteer.
    Record(PlaceIndex),
    /// No record: the tagger's canonical name.
    Unresolved(Box<str>),
}

/// One PLACE mention, compact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompactResolution {
    /// Where the mention is (bytes).
    pub span: Span,
    /// The record it names, or its name when unresolved.
    pub target: PlaceTarget,
    /// The record's kind, or the kind guessed from the context.
    pub kind: Option<PlaceKind>,
    /// How many records were considered (0 when no record has the name).
    pub choices: u16,
}

/// Every PLACE mention of one document and the distance claims between them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocPlaces {
    /// The [`Gazetteer::fingerprint`] of the table the record indexes refer to.
    pub table: u64,
    /// The mentions in text order.
    pub hits: Vec<CompactResolution>,
    /// The claims; `subject` and `reference` index `hits`.
    pub claims: Vec<Claim>,
}

impl DocPlaces {
    /// Resolves the PLACE mentions of `mentions` in `text` against `g` and keeps the digest.
    ///
    /// ```
    /// use newslens::engine::gazetteer::Gazetteer;
    /// use newslens::engine::places::digest::{DocPlaces, PlaceTarget};
    /// use newslens::engine::places::place_mentions_in;
    /// let g = Gazetteer::core();
    /// let text = "Troops left Baghdad for Atlantis.";
    /// let d = DocPlaces::resolve(g, text, &place_mentions_in(g, text));
    /// let PlaceTarget::Record(i) = d.hits[0].target else { panic!() };
    /// assert_eq!(g.place(i).unwrap().name, "Baghdad");
    /// ```
    #[must_use]
    pub fn resolve(g: &Gazetteer, text: &str, mentions: &[Mention]) -> DocPlaces {
        // Straight from the decisions: no candidate list or reason is written only to be
        // dropped (the same digest as `of` on `resolve_mentions`, which a test checks).
        let decided = decide(g, text, mentions);
        let hits = decided
            .iter()
            .map(|d| CompactResolution {
                span: d.span(),
                target: match d.chosen() {
                    Some(c) => PlaceTarget::Record(c.index),
                    None => PlaceTarget::Unresolved(d.canonical(text).into()),
                },
                kind: d.kind(),
                choices: u16::try_from(d.choices()).unwrap_or(u16::MAX),
            })
            .collect();
        DocPlaces {
            table: g.fingerprint(),
            hits,
            claims: find_claims(text, &decided),
        }
    }

    /// The digest of resolutions made before against `g` (`resolved` in text order, as
    /// [`resolve_mentions`] returns them).
    #[must_use]
    pub fn of(g: &Gazetteer, text: &str, resolved: &[MentionResolution]) -> DocPlaces {
        let hits = resolved
            .iter()
            .map(|r| CompactResolution {
                span: r.span,
                target: match r.index {
                    Some(i) => PlaceTarget::Record(i),
                    None => PlaceTarget::Unresolved(r.canonical.as_str().into()),
                },
                kind: r.kind,
                choices: u16::try_from(r.candidates.len()).unwrap_or(u16::MAX),
            })
            .collect();
        DocPlaces {
            table: g.fingerprint(),
            hits,
            claims: find_claims(text, resolved),
        }
    }

    /// True when every span lies on `text`'s character boundaries and every claim names
    /// mentions of this digest: a digest that arrived from elsewhere fits its text.
    #[must_use]
    pub fn fits(&self, text: &str) -> bool {
        self.hits.iter().all(|h| h.span.fits(text))
            && self.claims.iter().all(|c| {
                c.span.fits(text) && c.subject < self.hits.len() && c.reference < self.hits.len()
            })
    }
}

/// The full resolution of the mention at `span`, with its candidates and reason: the
/// document is resolved again (the digest keeps neither). `None` when no PLACE mention is
/// there.
#[must_use]
pub fn explain(
    g: &Gazetteer,
    text: &str,
    mentions: &[Mention],
    span: Span,
) -> Option<MentionResolution> {
    resolve_mentions(g, text, mentions)
        .into_iter()
        .find(|r| r.span == span)
}
