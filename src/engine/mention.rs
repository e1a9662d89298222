//! One recognised entity mention and the reason it was tagged.

use super::label::Label;
use super::rule::Rule;
use super::span::Span;
use serde::Serialize;
use std::fmt;
use std::sync::Arc;

/// Why the engine tagged a mention: the rule that fired and the evidence it saw.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Why {
    /// The rule or lexicon that fired, e.g. [`Rule::GAZETTEER`], [`Rule::TITLE`].
    pub rule: Rule,
    /// What it saw: a lexicon entry, the context words, a gazetteer id. Shared, because a
    /// large corpus holds the same evidence many times (see [`Interner`](super::intern::Interner)).
    pub evidence: Arc<str>,
}

impl Why {
    /// A reason from a rule (a [`Rule`] constant, or any name) and its evidence.
    #[must_use]
    pub fn new(rule: impl Into<Rule>, evidence: impl Into<Arc<str>>) -> Why {
        Why {
            rule: rule.into(),
            evidence: evidence.into(),
        }
    }
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.evidence.is_empty() {
            f.write_str(self.rule.as_str())
        } else {
            write!(f, "{} {}", self.rule, self.evidence)
        }
    }
}

/// An entity mention in one text.
///
/// Invariant (of every list the engine returns): mentions are sorted by span, never overlap,
/// and every span lies on char boundaries of the text they were found in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Where the mention is, in bytes.
    pub span: Span,
    /// Its label.
    pub label: Label,
    /// The canonical entity it belongs to; for DATE and NUMBER a normalised value. Shared,
    /// because a large corpus names the same entity many times.
    pub canonical: Arc<str>,
    /// Why it was tagged.
    pub why: Why,
}

/// A mention proposed by one recogniser, before overlaps are resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The proposed mention.
    pub mention: Mention,
    /// Higher wins an overlap; among equals the longer span wins, then the earlier.
    pub priority: u8,
}
