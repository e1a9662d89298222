//! Prominence: where in an article's layout (headline, standfirst, caption, lede, body) a
//! paragraph stands, and so where each entity first appears.
//!
//! Captured pages put display text between the headline and the story: a standfirst
//! (subheading) and photo captions. Those are neither the lede nor the body, so they get their
//! own places rather than being folded into either.

use crate::engine::boilerplate::BoilerplateKind;
use crate::engine::document::Document;
use crate::engine::span::Span;
use serde::Serialize;

/// Where a paragraph stands in an article's layout. Ordered from most to least prominent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// The headline: [`Document::headline`].
    Headline,
    /// The standfirst: the paragraph equal to the manifest's standfirst, or else a single
    /// paragraph right after the headline that does not end like a sentence and is not a
    /// caption.
    Standfirst,
    /// The lede: the first story paragraph (see [`Layout`]).
    Lede,
    /// A photo caption: a non-boilerplate paragraph right before an image credit or image URL,
    /// ahead of the lede.
    Caption,
    /// Everything after the lede that is not boilerplate.
    Body,
}

impl Placement {
    /// A short lowercase name (`"headline"`, `"lede"`, …), as in JSON and CSV.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Placement::Headline => "headline",
            Placement::Standfirst => "standfirst",
            Placement::Lede => "lede",
            Placement::Caption => "caption",
            Placement::Body => "body",
        }
    }
}

/// The layout of one article: the placement of every paragraph.
///
/// Rules, in order:
/// - the headline is [`Document::headline`] (the first paragraph when it repeats the title);
/// - boilerplate paragraphs have no placement;
/// - a caption is a non-boilerplate paragraph before the lede whose next paragraph is an image
///   credit or an image URL;
/// - the standfirst is the paragraph equal to the manifest's standfirst or, without one, the
///   first paragraph after the headline when it is not a caption and does not end with `.`,
///   `!`, `?`, `…` or a closing quote (a standfirst is display text, not a sentence);
/// - the lede is the first remaining non-boilerplate paragraph (the first story paragraph);
/// - every later non-boilerplate paragraph is body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Layout {
    /// One entry per paragraph of the document (same indices as `Document::paragraphs`);
    /// `None` for boilerplate.
    pub placements: Vec<Option<Placement>>,
    /// Index of the headline paragraph, if any.
    pub headline: Option<usize>,
    /// Index of the standfirst paragraph, if any.
    pub standfirst: Option<usize>,
    /// Indices of caption paragraphs.
    pub captions: Vec<usize>,
    /// Index of the lede paragraph, if any.
    pub lede: Option<usize>,
}

impl Layout {
    /// Works out the layout of `doc`.
    #[must_use]
    pub fn of(doc: &Document) -> Layout {
        let paras = &doc.paragraphs;
        let mut placements: Vec<Option<Placement>> = vec![None; paras.len()];
        let headline = doc.headline().map(|_| 0);
        if let Some(h) = headline {
            placements[h] = Some(Placement::Headline);
        }
        let is_image = |k: Option<BoilerplateKind>| {
            matches!(
                k,
                Some(BoilerplateKind::PhotoCredit | BoilerplateKind::ImageUrl)
            )
        };
        let standfirst_text = doc.meta.standfirst.as_deref().map(str::trim);
        let start = usize::from(headline.is_some());
        let (mut standfirst, mut captions, mut lede) = (None, Vec::new(), None);
        for i in start..paras.len() {
            let p = &paras[i];
            if p.boilerplate.is_some() {
                continue;
            }
            let text = p.span.slice(&doc.text).trim();
            if lede.is_some() {
                placements[i] = Some(Placement::Body);
            } else if standfirst.is_none()
                && standfirst_text.is_some_and(|s| !s.is_empty() && s == text)
            {
                standfirst = Some(i);
                placements[i] = Some(Placement::Standfirst);
            } else if paras.get(i + 1).is_some_and(|n| is_image(n.boilerplate)) {
                captions.push(i);
                placements[i] = Some(Placement::Caption);
            } else if i == start
                && headline.is_some()
                && standfirst_text.is_none()
                && !ends_like_sentence(text)
            {
                standfirst = Some(i);
                placements[i] = Some(Placement::Standfirst);
            } else {
                lede = Some(i);
                placements[i] = Some(Placement::Lede);
            }
        }
        Layout {
            placements,
            headline,
            standfirst,
            captions,
            lede,
        }
    }

    /// The index of the paragraph holding byte offset `at` of `doc`, if any.
    #[must_use]
    pub fn paragraph_at(doc: &Document, at: usize) -> Option<usize> {
        let i = doc.paragraphs.partition_point(|p| p.span.end() <= at);
        doc.paragraphs
            .get(i)
            .filter(|p| p.span.start() <= at)
            .map(|_| i)
    }

    /// Where `span` of `doc` stands: its paragraph and that paragraph's placement.
    #[must_use]
    pub fn locate(&self, doc: &Document, span: Span) -> Option<FirstMention> {
        let paragraph = Layout::paragraph_at(doc, span.start())?;
        let placement = self.placements.get(paragraph).copied().flatten()?;
        Some(FirstMention {
            placement,
            paragraph,
            span,
        })
    }
}

/// True when `text` ends with sentence punctuation (closing quotes and brackets allowed).
fn ends_like_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['”', '"', '’', '\'', ')', ']', '»']);
    t.ends_with(['.', '!', '?', '…'])
}

/// Where an entity first appears in one article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct FirstMention {
    /// The placement of the paragraph of the first mention.
    pub placement: Placement,
    /// Index of that paragraph in `Document::paragraphs` (boilerplate included).
    pub paragraph: usize,
    /// The first mention itself.
    pub span: Span,
}
