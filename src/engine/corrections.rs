//! User corrections of the engine's mentions: remove, relabel, add, merge, split.
//!
//! Corrections are data, kept per article as an ordered log ([`ArticleCorrections`]) and
//! replayed over the engine's mentions by [`apply`], which keeps the mention invariants:
//! sorted, non-overlapping, non-empty, on char boundaries. A correction that no longer fits the
//! text (out of range, not on a char boundary) is skipped and reported, never applied halfway.
//! Spans are byte offsets into the article's text, like every [`Span`] in the engine.
//!
//! ```
//! use newslens::engine::corrections::{apply, Correction};
//! use newslens::engine::label::Label;
//! use newslens::engine::span::Span;
//! let text = "Abadi met Barzani in Erbil.";
//! let fixes = [Correction::AddMention { span: Span::new(0, 5), label: Label::Person, canonical: "Haider al-Abadi".into() }];
//! let out = apply(&[], text, &fixes);
//! assert_eq!(&*out.mentions[0].canonical, "Haider al-Abadi");
//! assert_eq!(out.mentions[0].why.to_string(), "user-correction added");
//! assert!(out.skipped.is_empty());
//! ```

use super::document::Document;
use super::label::Label;
use super::mention::{Mention, Why};
use super::rule::Rule;
use super::span::Span;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;
use std::sync::Arc;

/// The version of the correction format written by this build.
pub const CORRECTIONS_VERSION: u32 = 1;

/// The `why` rule of every mention a correction made or changed.
pub const USER_RULE: Rule = Rule::USER_CORRECTION;

/// One user correction. Span-targeted corrections act on every mention overlapping the span.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Correction {
    /// Removes every mention overlapping `span` ("this is not an entity").
    RemoveMention {
        /// The highlighted range.
        span: Span,
    },
    /// Gives the mention at `span` a new label. A mention with exactly this span keeps its
    /// canonical; otherwise the overlapping mentions are replaced by one mention at `span`
    /// whose canonical is its text.
    Relabel {
        /// The range.
        span: Span,
        /// The new label.
        label: Label,
    },
    /// Adds a missed mention; it replaces every mention it overlaps. An empty `canonical`
    /// means the mention's own text.
    AddMention {
        /// The range.
        span: Span,
        /// Its label.
        label: Label,
        /// The entity it belongs to.
        canonical: String,
    },
    /// Makes every mention of entity `from` a mention of `into` ("these are the same").
    Merge {
        /// The canonical that disappears.
        from: String,
        /// The canonical that absorbs it.
        into: String,
    },
    /// Moves the mentions at `spans` to a new entity ("these are someone else").
    Split {
        /// The mentions that move.
        spans: Vec<Span>,
        /// Their new canonical.
        canonical: String,
    },
}

impl Correction {
    /// Reads one correction from its JSON form (what `Serialize` writes): the same values
    /// serde's derived reader accepts, unknown fields ignored, but without the buffering serde
    /// does for an internally tagged enum, which cost the page's module 13 KB.
    ///
    /// ```
    /// use newslens::engine::corrections::Correction;
    /// let v = serde_json::json!({"op": "merge", "from": "Abadi", "into": "Haider al-Abadi"});
    /// let c = Correction::from_json(&v).unwrap();
    /// assert_eq!(c, Correction::Merge { from: "Abadi".into(), into: "Haider al-Abadi".into() });
    /// assert!(Correction::from_json(&serde_json::json!({"op": "teleport"})).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// What is wrong, in words: not an object, an unknown `op`, a missing or unreadable field.
    pub fn from_json(v: &Value) -> Result<Correction, String> {
        let o = v.as_object().ok_or("it is not an object")?;
        let op = o.get("op").and_then(Value::as_str).ok_or("it has no op")?;
        Ok(match op {
            "remove_mention" => Correction::RemoveMention {
                span: field(o, "span")?,
            },
            "relabel" => Correction::Relabel {
                span: field(o, "span")?,
                label: field(o, "label")?,
            },
            "add_mention" => Correction::AddMention {
                span: field(o, "span")?,
                label: field(o, "label")?,
                canonical: field(o, "canonical")?,
            },
            "merge" => Correction::Merge {
                from: field(o, "from")?,
                into: field(o, "into")?,
            },
            "split" => Correction::Split {
                spans: field(o, "spans")?,
                canonical: field(o, "canonical")?,
            },
            other => return Err(format!("unknown op {other:?}")),
        })
    }
}

/// Field `key` of `o`, read as a `T`.
fn field<T: DeserializeOwned>(o: &Map<String, Value>, key: &str) -> Result<T, String> {
    let v = o.get(key).ok_or_else(|| format!("its {key} is missing"))?;
    T::deserialize(v).map_err(|e| format!("its {key} cannot be read: {e}"))
}

/// The corrections of one article, oldest first: the unit stored and backed up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleCorrections {
    /// Format version ([`CORRECTIONS_VERSION`]).
    pub version: u32,
    /// The article's id.
    pub article: String,
    /// The corrections, in the order they were made.
    pub items: Vec<Correction>,
}

impl ArticleCorrections {
    /// An empty list for `article`, at the current version.
    #[must_use]
    pub fn new(article: &str) -> ArticleCorrections {
        ArticleCorrections {
            version: CORRECTIONS_VERSION,
            article: article.to_string(),
            items: Vec::new(),
        }
    }
}

/// Why a correction was skipped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SkipReason {
    /// The span ends past the text (the text changed since).
    OutOfRange {
        /// The span.
        span: Span,
        /// The text's length in bytes.
        len: usize,
    },
    /// The span starts after it ends (a corrupt record).
    Inverted {
        /// The span.
        span: Span,
    },
    /// The span cuts a character in two.
    NotCharBoundary {
        /// The span.
        span: Span,
    },
    /// The span covers nothing, or only whitespace.
    EmptySpan {
        /// The span.
        span: Span,
    },
    /// A merge or split without a name to merge into or split to.
    EmptyName,
    /// Nothing to act on: no mention there, or no mention of that entity.
    NoEffect,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::OutOfRange { span, len } => write!(
                f,
                "the range {}..{} is past the end of the text ({len} bytes); the text has changed",
                span.start(),
                span.end()
            ),
            SkipReason::Inverted { span } => write!(
                f,
                "the range {}..{} starts after it ends",
                span.start(),
                span.end()
            ),
            SkipReason::NotCharBoundary { span } => write!(
                f,
                "the range {}..{} cuts a character in two; the text has changed",
                span.start(),
                span.end()
            ),
            SkipReason::EmptySpan { span } => write!(
                f,
                "the range {}..{} holds no text",
                span.start(),
                span.end()
            ),
            SkipReason::EmptyName => f.write_str("no entity name was given"),
            SkipReason::NoEffect => f.write_str("there is nothing there to correct any more"),
        }
    }
}

/// A correction that was not applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// Its index in the list given to [`apply`].
    pub index: usize,
    /// Why.
    pub reason: SkipReason,
}

/// The corrected mentions and what could not be applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Applied {
    /// Sorted, non-overlapping, non-empty, on char boundaries of the text.
    pub mentions: Vec<Mention>,
    /// The corrections skipped, in order.
    pub skipped: Vec<Skipped>,
}

/// Replays `corrections`, in order, over the engine's `mentions` of `text`.
///
/// Mentions a correction touches get the `why` rule [`USER_RULE`] with a short note. Input
/// mentions that break the invariants (a programmer error upstream) are dropped first.
#[must_use]
pub fn apply(mentions: &[Mention], text: &str, corrections: &[Correction]) -> Applied {
    let mut out = sanitise(mentions, text);
    let mut skipped = Vec::new();
    for (index, c) in corrections.iter().enumerate() {
        if let Err(reason) = apply_one(&mut out, text, c) {
            skipped.push(Skipped { index, reason });
        }
    }
    Applied {
        mentions: out,
        skipped,
    }
}

/// Replays `corrections` over a document's mentions in place; returns what was skipped.
///
/// Every view reads [`Document::mentions`], so a corrected document corrects them all.
pub fn apply_to_document(doc: &mut Document, corrections: &[Correction]) -> Vec<Skipped> {
    let applied = apply(&doc.mentions, &doc.text, corrections);
    doc.mentions = applied.mentions;
    applied.skipped
}

/// Applies one correction to `ms` (kept valid), or says why not.
fn apply_one(ms: &mut Vec<Mention>, text: &str, c: &Correction) -> Result<(), SkipReason> {
    match c {
        Correction::RemoveMention { span } => {
            check(*span, text)?;
            let before = ms.len();
            ms.retain(|m| !m.span.overlaps(*span));
            if ms.len() == before {
                return Err(SkipReason::NoEffect);
            }
        }
        Correction::Relabel { span, label } => {
            check(*span, text)?;
            if let Some(m) = ms.iter_mut().find(|m| m.span == *span) {
                let note = format!("relabelled from {}", m.label);
                m.label = *label;
                m.why = Why::new(USER_RULE, note);
            } else {
                let canonical = span.slice(text).trim().to_string();
                insert(ms, *span, *label, canonical, "relabelled");
            }
        }
        Correction::AddMention {
            span,
            label,
            canonical,
        } => {
            check(*span, text)?;
            let canonical = match canonical.trim() {
                "" => span.slice(text).trim().to_string(),
                c => c.to_string(),
            };
            insert(ms, *span, *label, canonical, "added");
        }
        Correction::Merge { from, into } => {
            if into.trim().is_empty() {
                return Err(SkipReason::EmptyName);
            }
            let mut hit = false;
            let into: Arc<str> = into.as_str().into();
            for m in ms
                .iter_mut()
                .filter(|m| *m.canonical == **from && **from != *into)
            {
                m.canonical = Arc::clone(&into);
                m.why = Why::new(USER_RULE, format!("merged from {from}"));
                hit = true;
            }
            if !hit {
                return Err(SkipReason::NoEffect);
            }
        }
        Correction::Split { spans, canonical } => {
            if canonical.trim().is_empty() {
                return Err(SkipReason::EmptyName);
            }
            for s in spans {
                check(*s, text)?;
            }
            let mut hit = false;
            for m in ms
                .iter_mut()
                .filter(|m| spans.iter().any(|s| m.span.overlaps(*s)))
            {
                let note = format!("split from {}", m.canonical);
                m.canonical = canonical.as_str().into();
                m.why = Why::new(USER_RULE, note);
                hit = true;
            }
            if !hit {
                return Err(SkipReason::NoEffect);
            }
        }
    }
    Ok(())
}

/// Checks that `span` is a usable, non-blank range of `text`.
fn check(span: Span, text: &str) -> Result<(), SkipReason> {
    // A deserialised span is not checked by `Span::new`: compare the ends, never `len()`.
    if span.start() > span.end() {
        return Err(SkipReason::Inverted { span });
    }
    if span.end() > text.len() {
        return Err(SkipReason::OutOfRange {
            span,
            len: text.len(),
        });
    }
    if !text.is_char_boundary(span.start()) || !text.is_char_boundary(span.end()) {
        return Err(SkipReason::NotCharBoundary { span });
    }
    if span.slice(text).trim().is_empty() {
        return Err(SkipReason::EmptySpan { span });
    }
    Ok(())
}

/// Inserts a user mention at `span` (checked), replacing every mention it overlaps.
fn insert(ms: &mut Vec<Mention>, span: Span, label: Label, canonical: String, note: &str) {
    ms.retain(|m| !m.span.overlaps(span));
    let at = ms.partition_point(|m| m.span.start() < span.start());
    ms.insert(
        at,
        Mention {
            span,
            label,
            canonical: canonical.into(),
            why: Why::new(USER_RULE, note),
        },
    );
}

/// The valid part of an engine mention list: sorted, each checked, overlaps dropped.
fn sanitise(mentions: &[Mention], text: &str) -> Vec<Mention> {
    let mut v: Vec<Mention> = mentions
        .iter()
        .filter(|m| check(m.span, text).is_ok())
        .cloned()
        .collect();
    v.sort_by_key(|m| (m.span.start(), m.span.end()));
    let mut out: Vec<Mention> = Vec::with_capacity(v.len());
    for m in v {
        if out.last().is_none_or(|l| l.span.end() <= m.span.start()) {
            out.push(m);
        }
    }
    out
}
