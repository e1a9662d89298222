//! Framing: the words and names each article uses distinctively, by weighted log-odds with an
//! informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, “Fightin’ Words”, §3.5).
//!
//! # Features
//! In story paragraphs (boilerplate left out): every content word (lowercase; stopwords,
//! numbers and words of one or two letters dropped), every PERSON/ORG/PLACE/GROUP mention as one *name*
//! feature written as in the text (`Hashd al-Shaabi`, `Iraqi`), and every *phrase* of two
//! adjacent features with nothing but a space between them (`Iraqi army`, `Shiite militias`),
//! so that the way each article names an actor shows. DATE and NUMBER mentions, punctuation
//! and stopwords break phrases.
//!
//! # Statistic
//! With `y_w^A`, `y_w^B` the counts of feature `w`, `n_A`, `n_B` the feature totals, a prior
//! `α_w = α_0 · (y_w^A + y_w^B) / (n_A + n_B)` taken from the two texts combined, and
//! `α_0 = ALPHA_SHARE · (n_A + n_B)`:
//!
//! ```text
//! δ_w   = ln((y_w^A + α_w) / (n_A + α_0 − y_w^A − α_w)) − ln((y_w^B + α_w) / (n_B + α_0 − y_w^B − α_w))
//! σ²_w ≈ 1 / (y_w^A + α_w) + 1 / (y_w^B + α_w)
//! z_w   = δ_w / σ_w
//! ```
//!
//! A positive `z` marks a feature of A, a negative one a feature of B. Texts of a few hundred
//! words give small `z` (a word used 4 times by one side only scores about 1.5): they rank
//! features, they are not a significance test.

use super::words::is_stopword;
use crate::engine::document::Document;
use crate::engine::fxhash::FxHashMap;
use crate::engine::label::Label;
use crate::engine::text::{tokens, TokenKind};
use serde::Serialize;

/// The prior's total weight as a share of the two texts' combined feature count.
pub const ALPHA_SHARE: f64 = 0.1;

/// How many distinctive features are kept per side.
pub const TOP: usize = 15;

/// The formula, in one line, for views.
pub const FORMULA: &str = "z = δ/σ, δ = ln((yA+α)/(nA+α0−yA−α)) − ln((yB+α)/(nB+α0−yB−α)), \
σ² = 1/(yA+α) + 1/(yB+α), α = α0·(yA+yB)/(nA+nB), α0 = 0.1·(nA+nB) \
(weighted log-odds, informative Dirichlet prior; Monroe, Colaresi & Quinn 2008)";

/// What a framing feature is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TermKind {
    /// A content word, lowercase.
    Word,
    /// An entity mention as written.
    Name,
    /// Two adjacent features.
    Phrase,
}

/// One distinctive feature.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Term {
    /// The feature (`militias`, `Hashd al-Shaabi`, `Iraqi army`).
    pub term: String,
    /// What it is.
    pub kind: TermKind,
    /// Uses in A.
    pub count_a: usize,
    /// Uses in B.
    pub count_b: usize,
    /// The log-odds ratio δ (A over B).
    pub delta: f64,
    /// The z-score δ/σ: positive for A, negative for B.
    pub z: f64,
}

impl Term {
    /// The same term with A and B exchanged.
    #[must_use]
    pub fn swapped(&self) -> Term {
        Term {
            count_a: self.count_b,
            count_b: self.count_a,
            delta: -self.delta,
            z: -self.z,
            ..self.clone()
        }
    }
}

/// The distinctive features of each side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Framing {
    /// A's most distinctive features, highest `z` first (all `z > 0`).
    pub a: Vec<Term>,
    /// B's most distinctive features, lowest `z` first (all `z < 0`).
    pub b: Vec<Term>,
    /// The prior's total weight `α_0` used.
    pub alpha0: f64,
    /// The formula, for views.
    pub formula: &'static str,
}

impl Framing {
    /// The same framing with A and B exchanged.
    #[must_use]
    pub fn swapped(&self) -> Framing {
        Framing {
            a: self.b.iter().map(Term::swapped).collect(),
            b: self.a.iter().map(Term::swapped).collect(),
            alpha0: self.alpha0,
            formula: self.formula,
        }
    }
}

/// The framing features of `doc`'s story paragraphs with their counts.
///
/// `story[i]` tells whether paragraph `i` is story text (not boilerplate).
#[must_use]
pub fn features(doc: &Document, story: &[bool]) -> FxHashMap<(TermKind, String), usize> {
    let text = &*doc.text;
    let mut out: FxHashMap<(TermKind, String), usize> = FxHashMap::default();
    for (i, p) in doc.paragraphs.iter().enumerate() {
        if !story.get(i).copied().unwrap_or(false) {
            continue;
        }
        let mentions = doc.mentions_in(p.span);
        let mut m = 0;
        let mut prev: Option<(String, usize)> = None;
        let toks = tokens(text, p.span);
        let mut k = 0;
        while k < toks.len() {
            let t = toks[k];
            let first = k;
            while m < mentions.len() && mentions[m].span.end() <= t.span.start() {
                m += 1;
            }
            let feature = if let Some(men) = mentions.get(m).filter(|x| x.span.contains(t.span)) {
                while k + 1 < toks.len() && men.span.contains(toks[k + 1].span) {
                    k += 1;
                }
                match men.label {
                    Label::Date | Label::Number => None,
                    _ => Some((
                        TermKind::Name,
                        men.span
                            .slice(text)
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" "),
                    )),
                }
            } else if t.kind == TokenKind::Word {
                let lower = t.span.slice(text).to_lowercase();
                (lower.chars().count() > 2 && !is_stopword(&lower))
                    .then_some((TermKind::Word, lower))
            } else {
                None
            };
            match feature {
                Some((kind, term)) => {
                    if let Some((before, at)) = &prev {
                        if t.space_before && *at == first {
                            *out.entry((TermKind::Phrase, format!("{before} {term}")))
                                .or_default() += 1;
                        }
                    }
                    prev = Some((term.clone(), k + 1));
                    *out.entry((kind, term)).or_default() += 1;
                }
                None => prev = None,
            }
            k += 1;
        }
    }
    out
}

/// Distinctive features of A against B (see the module docs for the statistic).
#[must_use]
pub fn framing(
    a: &FxHashMap<(TermKind, String), usize>,
    b: &FxHashMap<(TermKind, String), usize>,
) -> Framing {
    let n_a: usize = a.values().sum();
    let n_b: usize = b.values().sum();
    let n = (n_a + n_b) as f64;
    let alpha0 = ALPHA_SHARE * n;
    let mut terms: Vec<Term> = Vec::new();
    let mut keys: Vec<&(TermKind, String)> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        let ya = a.get(key).copied().unwrap_or(0);
        let yb = b.get(key).copied().unwrap_or(0);
        let alpha = alpha0 * (ya + yb) as f64 / n;
        let log_odds = |y: usize, total: usize| {
            let y = y as f64 + alpha;
            crate::engine::float_math::ln(y / (total as f64 + alpha0 - y))
        };
        let delta = log_odds(ya, n_a) - log_odds(yb, n_b);
        let var = 1.0 / (ya as f64 + alpha) + 1.0 / (yb as f64 + alpha);
        terms.push(Term {
            term: key.1.clone(),
            kind: key.0,
            count_a: ya,
            count_b: yb,
            delta,
            z: delta / var.sqrt(),
        });
    }
    let pick = |sign: f64| {
        let mut side: Vec<Term> = terms.iter().filter(|t| t.z * sign > 0.0).cloned().collect();
        side.sort_by(|x, y| {
            let own = |t: &Term| if sign > 0.0 { t.count_a } else { t.count_b };
            (y.z * sign)
                .total_cmp(&(x.z * sign))
                .then(own(y).cmp(&own(x)))
                .then(x.kind.cmp(&y.kind))
                .then(x.term.cmp(&y.term))
        });
        side.truncate(TOP);
        side
    };
    Framing {
        a: pick(1.0),
        b: pick(-1.0),
        alpha0,
        formula: FORMULA,
    }
}
