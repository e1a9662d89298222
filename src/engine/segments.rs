//! Cutting a range of text into plain runs and mentions, for views that render highlights.
//!
//! Views never search the text again: they map these segments to markup.

use super::mention::Mention;
use super::span::Span;

/// A run of text in a rendered range: plain, or one whole mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The run.
    pub span: Span,
    /// Index into the mentions slice when the run is a mention.
    pub mention: Option<usize>,
    /// Search hits inside the run, clipped to it, sorted.
    pub hits: Vec<Span>,
}

/// Segments `range` of a text given its sorted, non-overlapping `mentions` and sorted search
/// `hits`. Mentions that cross the range's edges are left out (the engine never produces
/// them for a paragraph range). Hits may cross mention edges; each segment gets its part.
///
/// ```
/// use newslens::engine::{label::Label, mention::{Mention, Why}, segments::segments, span::Span};
/// let m = Mention { span: Span::new(4, 10), label: Label::Place, canonical: "Kirkuk".into(), why: Why::new("test", "") };
/// let s = segments(Span::new(0, 14), &[m], &[Span::new(8, 12)]);
/// assert_eq!(s.len(), 3);
/// assert_eq!(s[1].mention, Some(0));
/// assert_eq!(s[1].hits, [Span::new(8, 10)]);
/// assert_eq!(s[2].hits, [Span::new(10, 12)]);
/// ```
#[must_use]
pub fn segments(range: Span, mentions: &[Mention], hits: &[Span]) -> Vec<Segment> {
    let first = mentions.partition_point(|m| m.span.start() < range.start());
    let mut out = Vec::new();
    let mut at = range.start();
    let clip = |span: Span| -> Vec<Span> {
        let lo = hits.partition_point(|h| h.end() <= span.start());
        hits[lo..]
            .iter()
            .take_while(|h| h.start() < span.end())
            .map(|h| Span::new(h.start().max(span.start()), h.end().min(span.end())))
            .filter(|h| !h.is_empty())
            .collect()
    };
    for (i, m) in mentions.iter().enumerate().skip(first) {
        if m.span.start() >= range.end() {
            break;
        }
        if !range.contains(m.span) || m.span.start() < at {
            continue;
        }
        if m.span.start() > at {
            let plain = Span::new(at, m.span.start());
            out.push(Segment {
                span: plain,
                mention: None,
                hits: clip(plain),
            });
        }
        out.push(Segment {
            span: m.span,
            mention: Some(i),
            hits: clip(m.span),
        });
        at = m.span.end();
    }
    if at < range.end() {
        let plain = Span::new(at, range.end());
        out.push(Segment {
            span: plain,
            mention: None,
            hits: clip(plain),
        });
    }
    out
}
