//! Figures: the NUMBER mentions of each article, what they count, and how the two articles'
//! figures line up and agree.
//!
//! # What a figure counts
//! - the noun or unit already in the normalised value (`61000 people` → `people`,
//!   `130 mi` → `mi`);
//! - otherwise the noun phrase after `of` (`Thousands of cars` → `cars`, `“thousands” of
//!   residents` → `residents`, closing quotes skipped): its first known count noun, else its
//!   first plural-looking lowercase word, else its last word;
//! - otherwise a known count noun or a GROUP mention right after the number (`about a million
//!   Arabs` → `Arabs`).
//!
//! Count nouns fall into a few general classes ([`class_of`]): people, residents, civilians…
//! are `persons` (so are GROUP mentions); troops, fighters… `combatants`; cars, trucks…
//! `vehicles`; dead, casualties… `casualties`; units by dimension (`length`, `mass`, `area`,
//! `percent`, money by currency). Any other noun is its own class (its stem).
//!
//! # When two figures line up
//! A figure of A and one of B describe the same thing when their classes are equal and either
//! their predicates agree (the verb after the counted phrase, auxiliaries and adverbs skipped,
//! stemmed, with a small synonym map: abandon, leave, escape, evacuate ≈ flee) or their
//! sentences share at least [`MIN_SHARED`] content-word stems outside the counted phrases.
//! Every such pair is reported (many-to-many).
//!
//! # When they agree
//! See [`Verdict`] and [`Amount`] for the value rules.

use super::words::{is_stopword, stem};
use crate::engine::document::Document;
use crate::engine::label::Label;
use crate::engine::mention::Mention;
use crate::engine::numbers::linked_quantities;
use crate::engine::span::Span;
use crate::engine::text::{sentences, tokens, Token, TokenKind};
use serde::Serialize;

/// Context words two sentences must share (outside the counted phrases) to line up figures
/// whose predicates differ.
pub const MIN_SHARED: usize = 3;

/// The value a figure states.
///
/// Vague magnitudes cover a range: `dozens` 12–100, `tens` 10–100, `hundreds` 100–1,000,
/// `thousands` 1,000–1,000,000 (English says “thousands” up to the next named magnitude),
/// `millions` 10⁶–10⁹, `billions` 10⁹–10¹²; `tens of thousands` is `tens` × 1,000, and so on.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Amount {
    /// An exact count (`61,000`).
    Exact {
        /// The value, in the figure's base unit (metres for lengths, kilograms for masses).
        value: f64,
    },
    /// An approximate count (`about a million`).
    Approx {
        /// The value, in the base unit.
        value: f64,
    },
    /// A vague magnitude: a half-open range `[low, high)`.
    Vague {
        /// Lower bound, inclusive.
        low: f64,
        /// Upper bound, exclusive.
        high: f64,
    },
}

/// How two lined-up figures relate.
///
/// - two exact values: equal → `Agree`; within 10 % of the larger → `Compatible`; else
///   `Disagree`;
/// - an approximate value and another value: within 25 % → `Compatible` (equal → `Agree`);
/// - a value and a vague magnitude: inside its range → `Compatible`, else `Disagree`;
/// - two vague magnitudes: same range → `Agree`, overlapping → `Compatible`, else `Disagree`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The same value.
    Agree,
    /// Different wording, same magnitude (61,000 vs “thousands”).
    Compatible,
    /// Different values.
    Disagree,
}

/// One NUMBER mention and what it counts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// The mention.
    pub span: Span,
    /// Its text.
    pub text: String,
    /// The tagger's normalised value (`61000 people`, `thousands`).
    pub canonical: String,
    /// The value, when it can be read.
    pub amount: Option<Amount>,
    /// What it counts: a noun (`residents`), a GROUP name (`Arabs`) or a unit (`mi`).
    pub counted: Option<String>,
    /// The class of the counted thing (`persons`, `vehicles`, `length`…), see [`class_of`].
    pub class: Option<String>,
    /// The verb the count goes with, stemmed and mapped (`flee`), when found.
    pub predicate: Option<String>,
    /// The sentence it stands in.
    pub sentence: Span,
    /// Index of an earlier figure of the same article that states this quantity in another
    /// unit (`130 miles (210 kilometers)`).
    pub restates: Option<usize>,
}

/// Two figures, one per article, that describe the same thing.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureMatch {
    /// Index into A's figures.
    pub a: usize,
    /// Index into B's figures.
    pub b: usize,
    /// Their common class.
    pub class: String,
    /// How their values relate.
    pub verdict: Verdict,
    /// Why they were lined up: the shared predicate, or the shared context stems.
    pub because: Vec<String>,
}

impl FigureMatch {
    /// The same match with A and B exchanged.
    #[must_use]
    pub fn swapped(&self) -> FigureMatch {
        FigureMatch {
            a: self.b,
            b: self.a,
            ..self.clone()
        }
    }
}

/// Matches that read alike (the same words on each side, the same class, verdict and reason),
/// shown as one line: B's headline and body both saying "Thousands" flee, each lined up with
/// A's "thousands", is one line standing for two figures of B.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchLine {
    /// Indices into the matches, in their order; the first one stands for the line.
    pub matches: Vec<usize>,
    /// Distinct figures of A on the line.
    pub a: usize,
    /// Distinct figures of B on the line.
    pub b: usize,
}

/// Groups `matches` (between figures `fa` of A and `fb` of B) into lines that read alike, in
/// the order of each line's first match.
#[must_use]
pub fn match_lines(matches: &[FigureMatch], fa: &[Figure], fb: &[Figure]) -> Vec<MatchLine> {
    fn reads<'m>(
        m: &'m FigureMatch,
        fa: &'m [Figure],
        fb: &'m [Figure],
    ) -> (&'m str, &'m str, &'m str, Verdict, &'m [String]) {
        (
            &fa[m.a].text,
            &fb[m.b].text,
            &m.class,
            m.verdict,
            &m.because,
        )
    }
    let mut lines: Vec<MatchLine> = Vec::new();
    for (i, m) in matches.iter().enumerate() {
        match lines
            .iter_mut()
            .find(|l| reads(&matches[l.matches[0]], fa, fb) == reads(m, fa, fb))
        {
            Some(line) => line.matches.push(i),
            None => lines.push(MatchLine {
                matches: vec![i],
                a: 0,
                b: 0,
            }),
        }
    }
    for line in &mut lines {
        let distinct = |side: fn(&FigureMatch) -> usize| {
            let mut seen: Vec<usize> = Vec::new();
            for &i in &line.matches {
                let f = side(&matches[i]);
                if !seen.contains(&f) {
                    seen.push(f);
                }
            }
            seen.len()
        };
        line.a = distinct(|m| m.a);
        line.b = distinct(|m| m.b);
    }
    lines
}

/// General count nouns and their class.
const CLASSES: &[(&str, &[&str])] = &[
    (
        "persons",
        &[
            "people",
            "persons",
            "person",
            "residents",
            "civilians",
            "inhabitants",
            "citizens",
            "villagers",
            "locals",
            "individuals",
            "men",
            "women",
            "children",
            "refugees",
            "migrants",
            "evacuees",
            "displaced",
            "protesters",
            "demonstrators",
            "voters",
            "families",
            "worshippers",
            "pilgrims",
            "workers",
            "students",
        ],
    ),
    (
        "combatants",
        &[
            "troops",
            "soldiers",
            "fighters",
            "militiamen",
            "militants",
            "personnel",
            "police",
            "policemen",
            "officers",
            "guerrillas",
            "insurgents",
            "recruits",
            "forces",
        ],
    ),
    (
        "casualties",
        &[
            "dead",
            "deaths",
            "killed",
            "casualties",
            "wounded",
            "injured",
            "victims",
            "bodies",
        ],
    ),
    (
        "vehicles",
        &[
            "cars", "vehicles", "trucks", "lorries", "buses", "tanks", "convoys",
        ],
    ),
    (
        "buildings",
        &["homes", "houses", "buildings", "dwellings", "shelters"],
    ),
];

/// Units, their dimension and their factor to the dimension's base unit.
const UNITS: &[(&str, &str, f64)] = &[
    ("mi", "length", 1609.344),
    ("km", "length", 1000.0),
    ("m", "length", 1.0),
    ("ft", "length", 0.3048),
    ("yd", "length", 0.9144),
    ("kg", "mass", 1.0),
    ("t", "mass", 1000.0),
    ("lb", "mass", 0.453_592),
    ("acre", "area", 4046.86),
    ("ha", "area", 10_000.0),
    ("%", "percent", 1.0),
    ("bbl", "barrels", 1.0),
    ("USD", "USD", 1.0),
    ("EUR", "EUR", 1.0),
];

/// Verbs that describe the same event, mapped to one (after [`stem`]).
const PREDICATES: &[(&str, &str)] = &[
    ("abandon", "flee"),
    ("leave", "flee"),
    ("left", "flee"),
    ("escap", "flee"),
    ("escape", "flee"),
    ("evacuat", "flee"),
    ("displac", "flee"),
    ("die", "kill"),
    ("di", "kill"),
    ("murder", "kill"),
    ("wound", "injur"),
    ("hurt", "injur"),
];

/// Words skipped between a counted phrase and its verb.
const AUXILIARIES: &[&str] = &[
    "have", "has", "had", "are", "were", "is", "was", "be", "been", "being", "to", "who", "that",
    "will", "would", "could", "may", "might", "also", "still", "already", "now", "not",
];

/// Determiners skipped at the start of a counted phrase.
const DETERMINERS: &[&str] = &["the", "their", "its", "his", "her", "our", "these", "those"];

/// The class of a count noun or unit (lowercase noun, or unit symbol): a general class from
/// the table in the module docs, or the noun's stem.
///
/// ```
/// use newslens::engine::compare::figures::class_of;
/// assert_eq!(class_of("residents"), "persons");
/// assert_eq!(class_of("km"), "length");
/// assert_eq!(class_of("sheep"), "sheep");
/// ```
#[must_use]
pub fn class_of(noun: &str) -> String {
    if let Some((_, dim, _)) = UNITS.iter().find(|(u, _, _)| *u == noun) {
        return (*dim).to_string();
    }
    let lower = noun.to_lowercase();
    CLASSES
        .iter()
        .find(|(_, nouns)| nouns.contains(&lower.as_str()))
        .map_or_else(|| stem(&lower), |(c, _)| (*c).to_string())
}

/// True when `lower` is one of the known count nouns.
fn is_count_noun(lower: &str) -> bool {
    CLASSES.iter().any(|(_, nouns)| nouns.contains(&lower))
}

/// The range of a vague magnitude word or phrase (`thousands`, `tens of thousands`).
fn vague(words: &str) -> Option<(f64, f64)> {
    let one = |w: &str| -> Option<(f64, f64)> {
        Some(match w {
            "dozens" => (12.0, 100.0),
            "tens" => (10.0, 100.0),
            "hundreds" => (100.0, 1_000.0),
            "thousands" => (1_000.0, 1e6),
            "millions" => (1e6, 1e9),
            "billions" => (1e9, 1e12),
            _ => return None,
        })
    };
    match words.split_once(" of ") {
        Some((x, y)) => {
            let ((xl, xh), (yl, _)) = (one(x)?, one(y)?);
            Some((xl * yl, xh * yl))
        }
        None => one(words),
    }
}

/// Reads a normalised NUMBER value: its amount (in base units) and its unit or noun.
///
/// ```
/// use newslens::engine::compare::figures::{read_canonical, Amount};
/// assert_eq!(read_canonical("61000 people"), (Some(Amount::Exact { value: 61000.0 }), Some("people".into())));
/// assert_eq!(read_canonical("thousands"), (Some(Amount::Vague { low: 1000.0, high: 1e6 }), None));
/// assert_eq!(read_canonical("~1000000"), (Some(Amount::Approx { value: 1e6 }), None));
/// ```
#[must_use]
pub fn read_canonical(canonical: &str) -> (Option<Amount>, Option<String>) {
    let c = canonical.trim();
    if let Some((low, high)) = vague(c) {
        return (Some(Amount::Vague { low, high }), None);
    }
    let (approx, c) = match c.strip_prefix('~') {
        Some(rest) => (true, rest),
        None => (false, c),
    };
    let (num, rest) = c.split_once(' ').unwrap_or((c, ""));
    let (num, unit) = match num.strip_suffix('%') {
        Some(n) => (n, "%"),
        None => (num, rest.trim()),
    };
    let Some(mut value) = crate::engine::decimal::parse(num) else {
        return (None, None);
    };
    let unit = (!unit.is_empty()).then(|| unit.to_string());
    if let Some(u) = &unit {
        if let Some((_, _, f)) = UNITS.iter().find(|(s, _, _)| s == u) {
            value *= f;
        }
    }
    let amount = if approx {
        Amount::Approx { value }
    } else {
        Amount::Exact { value }
    };
    (Some(amount), unit)
}

/// How two amounts relate (see [`Verdict`]).
#[must_use]
pub fn verdict(x: Amount, y: Amount) -> Verdict {
    use Amount::{Approx, Exact, Vague};
    let close = |p: f64, q: f64, tol: f64| (p - q).abs() <= tol * p.abs().max(q.abs());
    match (x, y) {
        (Exact { value: p }, Exact { value: q }) => {
            if p == q {
                Verdict::Agree
            } else if close(p, q, 0.10) {
                Verdict::Compatible
            } else {
                Verdict::Disagree
            }
        }
        (Exact { value: p } | Approx { value: p }, Exact { value: q } | Approx { value: q }) => {
            if p == q {
                Verdict::Agree
            } else if close(p, q, 0.25) {
                Verdict::Compatible
            } else {
                Verdict::Disagree
            }
        }
        (Exact { value: v } | Approx { value: v }, Vague { low, high })
        | (Vague { low, high }, Exact { value: v } | Approx { value: v }) => {
            if (low..high).contains(&v) {
                Verdict::Compatible
            } else {
                Verdict::Disagree
            }
        }
        (Vague { low: a, high: b }, Vague { low: c, high: d }) => {
            if a == c && b == d {
                Verdict::Agree
            } else if a < d && c < b {
                Verdict::Compatible
            } else {
                Verdict::Disagree
            }
        }
    }
}

/// The counted noun phrase starting at token `i`: `(head, end)`.
fn noun_phrase(
    doc: &Document,
    toks: &[Token],
    mut i: usize,
    after_of: bool,
) -> Option<(String, usize)> {
    let text = &*doc.text;
    let s = |k: usize| toks[k].span.slice(text);
    while i < toks.len() && DETERMINERS.contains(&s(i).to_lowercase().as_str()) {
        i += 1;
    }
    let start = i;
    let mut words = Vec::new();
    while i < toks.len() && words.len() < 5 && toks[i].kind == TokenKind::Word {
        let lower = s(i).to_lowercase();
        if is_stopword(&lower) || AUXILIARIES.contains(&lower.as_str()) {
            break;
        }
        words.push((i, lower));
        i += 1;
    }
    let end = i;
    if let Some((k, w)) = words.iter().find(|(_, w)| is_count_noun(w)) {
        return Some((w.clone(), k + 1));
    }
    let group = doc
        .mentions_in(toks.get(start)?.span)
        .first()
        .filter(|m| m.label == Label::Group && m.span.start() == toks[start].span.start());
    if let Some(g) = group {
        let after = toks.partition_point(|t| t.span.start() < g.span.end());
        return Some((g.span.slice(text).to_string(), after));
    }
    if !after_of {
        return None;
    }
    let plural = words.iter().find(|(k, w)| {
        w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && s(*k).chars().next().is_some_and(char::is_lowercase)
    });
    plural
        .or(words.last())
        .map(|(k, w)| (w.clone(), (k + 1).min(end)))
}

/// The verb after token `i`: auxiliaries and `-ly` adverbs skipped, stemmed and mapped.
fn predicate_at(text: &str, toks: &[Token], mut i: usize) -> Option<String> {
    while i < toks.len() {
        let t = toks[i];
        if t.kind != TokenKind::Word {
            return None;
        }
        let lower = t.span.slice(text).to_lowercase();
        if AUXILIARIES.contains(&lower.as_str()) || lower.ends_with("ly") {
            i += 1;
            continue;
        }
        if is_stopword(&lower) || !t.span.slice(text).starts_with(char::is_lowercase) {
            return None;
        }
        let st = stem(&lower);
        let mapped = PREDICATES
            .iter()
            .find(|(w, _)| *w == st)
            .map_or(st, |(_, m)| (*m).to_string());
        return Some(mapped);
    }
    None
}

/// The figure of NUMBER mention `m` in `doc`, whose sentence is `sentence`.
fn figure(doc: &Document, m: &Mention, sentence: Span) -> Figure {
    let text = &*doc.text;
    let (amount, unit) = read_canonical(&m.canonical);
    let toks = tokens(text, sentence);
    let mut i = toks.partition_point(|t| t.span.start() < m.span.end());
    let (mut counted, mut after) = (unit.clone(), i);
    if unit.is_none() {
        while i < toks.len() && matches!(toks[i].span.slice(text), "”" | "\"" | "’" | "'" | ")")
        {
            i += 1;
        }
        let of = i < toks.len() && toks[i].span.slice(text).eq_ignore_ascii_case("of");
        if let Some((head, end)) = noun_phrase(doc, &toks, i + usize::from(of), of) {
            counted = Some(head);
            after = end;
        }
    }
    let class = counted.as_deref().map(|c| {
        if doc
            .mentions
            .iter()
            .any(|g| g.label == Label::Group && g.span.slice(text) == c)
        {
            "persons".to_string()
        } else {
            class_of(c)
        }
    });
    Figure {
        span: m.span,
        text: m.span.slice(text).to_string(),
        canonical: m.canonical.to_string(),
        amount,
        counted,
        class,
        predicate: predicate_at(text, &toks, after),
        sentence,
        restates: None,
    }
}

/// The figures of `doc`: one per NUMBER mention, in text order.
#[must_use]
pub fn figures(doc: &Document) -> Vec<Figure> {
    let sents = sentences(&doc.text);
    let mut index = Vec::new();
    let mut out: Vec<Figure> = Vec::new();
    for (k, m) in doc.mentions.iter().enumerate() {
        if m.label != Label::Number {
            continue;
        }
        let at = sents.partition_point(|s| s.end() <= m.span.start());
        let sentence = sents.get(at).copied().unwrap_or(m.span);
        index.push(k);
        out.push(figure(doc, m, sentence));
    }
    for (x, y) in linked_quantities(&doc.text, &doc.mentions) {
        let fx = index.iter().position(|&k| k == x);
        let fy = index.iter().position(|&k| k == y);
        if let (Some(fx), Some(fy)) = (fx, fy) {
            out[fy].restates = Some(fx);
        }
    }
    out
}

/// Content-word stems of `span` outside `skip` (the figure's own counted phrase).
fn context(text: &str, span: Span, skip: Span) -> Vec<String> {
    let mut out: Vec<String> = tokens(text, span)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word && !skip.contains(t.span))
        .map(|t| t.span.slice(text).to_lowercase())
        .filter(|w| w.chars().count() >= 3 && !is_stopword(w))
        .map(|w| stem(&w))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The span of a figure's counted phrase: from the mention to the counted word, when that
/// word follows within the sentence.
fn counted_span(text: &str, f: &Figure) -> Span {
    let rest = Span::new(f.span.end(), f.sentence.end().max(f.span.end())).slice(text);
    let end = f
        .counted
        .as_deref()
        .and_then(|c| rest.find(c).filter(|&at| at < 60).map(|at| at + c.len()))
        .map_or(f.span.end(), |n| f.span.end() + n);
    Span::new(f.span.start(), end)
}

/// Lines up the figures of A (`fa`, from `ta`) with those of B (`fb`, from `tb`), sorted by
/// `(a, b)`.
#[must_use]
pub fn line_up(ta: &str, fa: &[Figure], tb: &str, fb: &[Figure]) -> Vec<FigureMatch> {
    let ca: Vec<Vec<String>> = fa
        .iter()
        .map(|f| context(ta, f.sentence, counted_span(ta, f)))
        .collect();
    let cb: Vec<Vec<String>> = fb
        .iter()
        .map(|f| context(tb, f.sentence, counted_span(tb, f)))
        .collect();
    let mut out = Vec::new();
    for (i, x) in fa.iter().enumerate() {
        for (j, y) in fb.iter().enumerate() {
            let (Some(class), Some(cy)) = (&x.class, &y.class) else {
                continue;
            };
            let (Some(ax), Some(ay)) = (x.amount, y.amount) else {
                continue;
            };
            if class != cy || x.restates.is_some() || y.restates.is_some() {
                continue;
            }
            let because = match (&x.predicate, &y.predicate) {
                (Some(p), Some(q)) if p == q => vec![p.clone()],
                _ => {
                    let shared: Vec<String> = ca[i]
                        .iter()
                        .filter(|w| cb[j].binary_search(w).is_ok())
                        .cloned()
                        .collect();
                    if shared.len() < MIN_SHARED {
                        continue;
                    }
                    shared
                }
            };
            out.push(FigureMatch {
                a: i,
                b: j,
                class: class.clone(),
                verdict: verdict(ax, ay),
                because,
            });
        }
    }
    out
}
