//! Voices: the quotations of an article with their attributed speaker, and the sources the
//! article cites.
//!
//! # Quotations
//! Within each story paragraph, `“…”` and straight `"…"` pairs (a `”` written as an opening
//! mark, after a space and before a letter, counts as one), and British-style `‘…’` pairs (a
//! `’` closes only when no letter or digit follows it, so `Iraq’s` stays inside; quotation
//! marks nested in another quotation are part of it). A double quotation left open runs to
//! the end of its paragraph; an unclosed `‘` is dropped. Quoted stretches of fewer than [`MIN_QUOTE_WORDS`] words are scare
//! quotes (`“thousands”`), not quotations.
//!
//! # Attribution
//! First after the quotation (to the end of its sentence or the next quotation), then before it
//! (from the start of its sentence or the end of the previous quotation), look for an
//! attribution verb ([`ATTRIBUTION_VERBS`]). Next to it:
//! - the PERSON or ORG mention nearest the verb (outside quotations, within
//!   [`MAX_CUE_DISTANCE`] bytes; a PERSON wins a tie) is the speaker: `…,” observed Al
//!   Jazeera`, `“…” declared PM Abadi`, `the BBC says`, `X said`, `according to X`;
//! - a pronoun right next to the verb (`he added`) refers to the previous speaker (for `he`
//!   and `she`, the previous PERSON speaker);
//! - a verb alone before the quotation (`later adding, “…”`) continues the previous speaker
//!   of the same paragraph.
//!
//! A PERSON speaker's affiliation is an ORG mention just before the name, with no punctuation
//! between (`Pentagon spokesman Colonel Robert Manning`).
//!
//! # Cited sources
//! Speakers of quotations, plus PERSON/ORG mentions in reporting patterns outside quotations:
//! `according to X`, `citing X`, `cited X`, `quoting X` (X just after), and `X said`,
//! `X reported`, `X asserts`… (X just before one of [`ATTRIBUTION_VERBS`]).

use super::prominence::Layout;
use crate::engine::document::Document;
use crate::engine::label::Label;
use crate::engine::mention::Mention;
use crate::engine::span::Span;
use crate::engine::text::{sentences, tokens, TokenKind};
use serde::Serialize;

/// Quoted stretches shorter than this many words are scare quotes.
pub const MIN_QUOTE_WORDS: usize = 3;

/// How far (bytes) a speaker's name may stand from the attribution verb.
pub const MAX_CUE_DISTANCE: usize = 60;

/// General verbs (and `according`) that attribute speech or reporting, lowercase.
pub const ATTRIBUTION_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "adding",
    "declared",
    "declares",
    "declaring",
    "observed",
    "observes",
    "reported",
    "reports",
    "reporting",
    "stated",
    "states",
    "stating",
    "asserted",
    "asserts",
    "argued",
    "argues",
    "noted",
    "notes",
    "noting",
    "warned",
    "warns",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "explained",
    "explains",
    "announced",
    "announces",
    "wrote",
    "writes",
    "vowed",
    "vows",
    "described",
    "describes",
    "according",
    "continued",
    "stressed",
    "urged",
    "tweeted",
    "confirmed",
    "denied",
    "remarked",
    "replied",
    "responded",
    "concluded",
    "acknowledged",
    "admitted",
    "quoted",
    "cited",
    "citing",
];

/// Verbs after which the cited source follows (`according to X`, `citing X`).
const SOURCE_AFTER: &[&str] = &["according", "citing", "cited", "quoting"];

/// How a speaker was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    /// Named after the quotation (`…,” observed Al Jazeera`).
    After,
    /// Named before the quotation (`Dujarric stating that “…”`).
    Before,
    /// A pronoun next to the verb (`he added`): the previous speaker.
    Pronoun,
    /// A verb alone before the quotation (`later adding, “…”`): the previous speaker.
    Continued,
}

/// Who a quotation is attributed to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Speaker {
    /// The speaker's label (PERSON or ORG).
    pub label: Label,
    /// The speaker's canonical name.
    pub canonical: String,
    /// The mention naming the speaker (for pronouns and continuations, the earlier mention).
    pub mention: Span,
    /// The attribution verb (or pronoun) the speaker was found by.
    pub cue: Span,
    /// The cue's text (`observed`, `he`).
    pub cue_text: String,
    /// How the speaker was found.
    pub how: Attribution,
    /// For a PERSON, the ORG named just before them (`Pentagon`), canonical.
    pub affiliation: Option<String>,
}

/// One quotation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Voice {
    /// The quoted words, without the marks.
    pub quote: Span,
    /// The quoted words as text.
    pub text: String,
    /// Index of its paragraph in `Document::paragraphs`.
    pub paragraph: usize,
    /// The attributed speaker, when the text says.
    pub speaker: Option<Speaker>,
}

/// One source an article cites.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    /// PERSON or ORG (the label of its first citation; sources are keyed by canonical name).
    pub label: Label,
    /// Canonical name.
    pub canonical: String,
    /// Quotations attributed to it.
    pub quotes: usize,
    /// Reporting patterns naming it outside quotations (`according to X`, `X said`).
    pub reports: usize,
}

/// A quotation mark's span and the inner span, found in one paragraph.
#[derive(Clone, Copy, Debug)]
struct Quoted {
    outer: Span,
    inner: Span,
}

/// The quotations of paragraph `para` of `text`, scare quotes included.
fn quoted(text: &str, para: Span) -> Vec<Quoted> {
    let s = para.slice(text);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    // The opening mark's offset, and whether it is a single quote.
    let mut open: Option<(usize, bool)> = None;
    let mut push = |o: usize, close_at: usize, close_len: usize| {
        let first = o + s[o..].chars().next().map_or(1, char::len_utf8);
        out.push(Quoted {
            outer: Span::new(para.start() + o, para.start() + close_at + close_len),
            inner: Span::new(para.start() + first, para.start() + close_at),
        });
    };
    for (k, &(at, c)) in chars.iter().enumerate() {
        if !matches!(c, '“' | '”' | '"' | '‘' | '’') {
            continue;
        }
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|n| n.1);
        let after_space = prev.is_none_or(|p| p.is_whitespace() || "([—–-:".contains(p));
        let before_word = next.is_some_and(|n| !n.is_whitespace());
        match (open, c) {
            (None, '“') => open = Some((at, false)),
            (None, '”' | '"') if after_space && before_word => open = Some((at, false)),
            (None, '‘') if after_space && before_word => open = Some((at, true)),
            (Some((o, false)), '”' | '"') => {
                push(o, at, c.len_utf8());
                open = None;
            }
            // A ’ closes a single quotation unless it is an apostrophe inside a word.
            (Some((o, true)), '’')
                if !next.is_some_and(char::is_alphanumeric)
                    && prev.is_some_and(|p| !p.is_whitespace()) =>
            {
                push(o, at, c.len_utf8());
                open = None;
            }
            _ => {}
        }
    }
    // An open double quotation runs to the end of its paragraph (the next paragraph reopens
    // it); an unclosed single quote is more likely a stray apostrophe and is dropped.
    if let Some((o, false)) = open {
        let first = o + s[o..].chars().next().map_or(1, char::len_utf8);
        out.push(Quoted {
            outer: Span::new(para.start() + o, para.end()),
            inner: Span::new(para.start() + first, para.end()),
        });
    }
    out
}

/// The spans of every quotation in `doc`'s story paragraphs, scare quotes included, for
/// masking.
fn all_quoted(doc: &Document, layout: &Layout) -> Vec<(usize, Quoted)> {
    let mut out = Vec::new();
    for (i, p) in doc.paragraphs.iter().enumerate() {
        if layout.placements.get(i).copied().flatten().is_some() {
            out.extend(quoted(&doc.text, p.span).into_iter().map(|q| (i, q)));
        }
    }
    out
}

/// An attribution cue found in a window: the verb, and an optional pronoun next to it.
struct Cue {
    verb: Span,
    pronoun: Option<(Span, bool)>,
}

/// Attribution verbs in `window`, in text order, each with the pronoun next to it.
fn cues(text: &str, window: Span) -> Vec<Cue> {
    let toks = tokens(text, window);
    let mut out = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word || !ATTRIBUTION_VERBS.contains(&t.span.slice(text)) {
            continue;
        }
        let pronoun = [k.checked_sub(1), Some(k + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| toks.get(j))
            .find_map(|p| match p.span.slice(text).to_lowercase().as_str() {
                "he" | "she" => Some((p.span, true)),
                "it" | "they" | "we" => Some((p.span, false)),
                _ => None,
            });
        out.push(Cue {
            verb: t.span,
            pronoun,
        });
    }
    out
}

/// Byte distance between two spans (0 when they touch or overlap).
fn gap(x: Span, y: Span) -> usize {
    if x.end() <= y.start() {
        y.start() - x.end()
    } else {
        x.start().saturating_sub(y.end())
    }
}

/// The PERSON/ORG mention of `window` nearest `verb`, not inside a quotation.
fn nearest<'a>(doc: &'a Document, window: Span, verb: Span, masks: &[Span]) -> Option<&'a Mention> {
    doc.mentions_in(window)
        .iter()
        .filter(|m| matches!(m.label, Label::Person | Label::Org))
        .filter(|m| window.contains(m.span) && !masks.iter().any(|q| q.overlaps(m.span)))
        .filter(|m| gap(m.span, verb) <= MAX_CUE_DISTANCE)
        .min_by_key(|m| (gap(m.span, verb), m.label != Label::Person))
}

/// The ORG named just before PERSON mention `person` (no punctuation between).
fn affiliation(doc: &Document, person: &Mention) -> Option<String> {
    if person.label != Label::Person {
        return None;
    }
    let k = doc.mentions.iter().position(|m| m.span == person.span)?;
    let prev = doc.mentions[..k].last()?;
    let between = Span::new(prev.span.end(), person.span.start()).slice(&doc.text);
    (prev.label == Label::Org
        && between.len() <= 40
        && !between.contains(|c: char| c.is_ascii_punctuation() || matches!(c, '“' | '”' | '—')))
    .then(|| prev.canonical.to_string())
}

/// Finds the speaker in `window` for a quotation, given earlier voices.
fn attribute(
    doc: &Document,
    window: Span,
    masks: &[Span],
    how: Attribution,
    earlier: &[Voice],
    same_paragraph: Option<&Speaker>,
) -> Option<Speaker> {
    let mut found = cues(&doc.text, window);
    if how == Attribution::Before {
        found.reverse();
    }
    let cue = found.first()?;
    let text = &doc.text;
    if let Some(m) = nearest(doc, window, cue.verb, masks) {
        return Some(Speaker {
            label: m.label,
            canonical: m.canonical.to_string(),
            mention: m.span,
            cue: cue.verb,
            cue_text: cue.verb.slice(text).to_string(),
            how,
            affiliation: affiliation(doc, m),
        });
    }
    if let Some((p, personal)) = cue.pronoun {
        let prev = earlier
            .iter()
            .rev()
            .filter_map(|v| v.speaker.as_ref())
            .find(|s| !personal || s.label == Label::Person)?;
        return Some(Speaker {
            cue: p,
            cue_text: p.slice(text).to_string(),
            how: Attribution::Pronoun,
            ..prev.clone()
        });
    }
    if how == Attribution::Before {
        let prev = same_paragraph?;
        return Some(Speaker {
            cue: cue.verb,
            cue_text: cue.verb.slice(text).to_string(),
            how: Attribution::Continued,
            ..prev.clone()
        });
    }
    None
}

/// The quotations of `doc` (story paragraphs only: not boilerplate), in text order.
#[must_use]
pub fn voices(doc: &Document, layout: &Layout) -> Vec<Voice> {
    let text = &*doc.text;
    let sents = sentences(text);
    let all = all_quoted(doc, layout);
    let masks: Vec<Span> = all.iter().map(|(_, q)| q.outer).collect();
    let sentence_of = |at: usize| {
        let k = sents.partition_point(|s| s.end() <= at);
        sents.get(k).copied()
    };
    let mut out: Vec<Voice> = Vec::new();
    for (k, &(para, q)) in all.iter().enumerate() {
        let words = tokens(text, q.inner)
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .count();
        if words < MIN_QUOTE_WORDS {
            continue;
        }
        let para_span = doc.paragraphs[para].span;
        let next_open = all
            .get(k + 1)
            .filter(|(p, _)| *p == para)
            .map_or(para_span.end(), |(_, n)| n.outer.start());
        let prev_close = k
            .checked_sub(1)
            .and_then(|j| all.get(j))
            .filter(|(p, _)| *p == para)
            .map_or(para_span.start(), |(_, n)| n.outer.end());
        let close_sentence = sentence_of(q.outer.end().saturating_sub(1));
        let after_end = close_sentence
            .map_or(para_span.end(), |s| s.end())
            .min(next_open)
            .max(q.outer.end());
        let open_sentence = sentence_of(q.outer.start());
        let before_start = open_sentence
            .map_or(para_span.start(), |s| s.start())
            .max(prev_close)
            .min(q.outer.start());
        let after = Span::new(q.outer.end(), after_end);
        let before = Span::new(before_start, q.outer.start());
        let same_paragraph = out
            .last()
            .filter(|v| v.paragraph == para)
            .and_then(|v| v.speaker.as_ref());
        let speaker = attribute(doc, after, &masks, Attribution::After, &out, None).or_else(|| {
            attribute(
                doc,
                before,
                &masks,
                Attribution::Before,
                &out,
                same_paragraph,
            )
        });
        out.push(Voice {
            quote: q.inner,
            text: q.inner.slice(text).trim().to_string(),
            paragraph: para,
            speaker,
        });
    }
    out
}

/// The sources `doc` cites: quotation speakers and reporting patterns outside quotations,
/// most cited first (then by name).
#[must_use]
pub fn sources(doc: &Document, layout: &Layout, voices: &[Voice]) -> Vec<Source> {
    let text = &*doc.text;
    let masks: Vec<Span> = all_quoted(doc, layout)
        .iter()
        .map(|(_, q)| q.outer)
        .collect();
    let speakers: Vec<Span> = voices
        .iter()
        .filter_map(|v| v.speaker.as_ref())
        .map(|s| s.mention)
        .collect();
    let mut out: Vec<Source> = Vec::new();
    let mut add = |m: &Mention, quote: bool| {
        let i = match out.iter().position(|s| *s.canonical == *m.canonical) {
            Some(i) => i,
            None => {
                out.push(Source {
                    label: m.label,
                    canonical: m.canonical.to_string(),
                    quotes: 0,
                    reports: 0,
                });
                out.len() - 1
            }
        };
        if quote {
            out[i].quotes += 1;
        } else {
            out[i].reports += 1;
        }
    };
    for v in voices {
        if let Some(s) = &v.speaker {
            let m = Mention {
                span: s.mention,
                label: s.label,
                canonical: s.canonical.as_str().into(),
                why: crate::engine::mention::Why::new(crate::engine::rule::Rule::SPEAKER, ""),
            };
            add(&m, true);
        }
    }
    for (i, p) in doc.paragraphs.iter().enumerate() {
        if layout.placements.get(i).copied().flatten().is_none() {
            continue;
        }
        let toks = tokens(text, p.span);
        for t in &toks {
            let w = t.span.slice(text);
            if t.kind != TokenKind::Word
                || !ATTRIBUTION_VERBS.contains(&w)
                || masks.iter().any(|q| q.overlaps(t.span))
            {
                continue;
            }
            let source_after = SOURCE_AFTER.contains(&w);
            let hit = doc
                .mentions_in(p.span)
                .iter()
                .filter(|m| matches!(m.label, Label::Person | Label::Org))
                .filter(|m| !masks.iter().any(|q| q.overlaps(m.span)))
                .filter(|m| {
                    if source_after {
                        m.span.start() >= t.span.end() && m.span.start() - t.span.end() <= 20
                    } else {
                        m.span.end() <= t.span.start() && t.span.start() - m.span.end() <= 2
                    }
                })
                .min_by_key(|m| gap(m.span, t.span));
            if let Some(m) = hit {
                if !speakers.contains(&m.span) {
                    add(m, false);
                }
            }
        }
    }
    out.sort_by(|x, y| {
        (y.quotes + y.reports)
            .cmp(&(x.quotes + x.reports))
            .then(x.canonical.cmp(&y.canonical))
    });
    out
}
