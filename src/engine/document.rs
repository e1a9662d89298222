//! An analysed article: its text cut into paragraphs, boilerplate set apart, mentions found.

use super::boilerplate::{self, BoilerplateKind};
use super::corpus::{Article, ArticleMeta};
use super::mention::Mention;
use super::places::digest::DocPlaces;
use super::span::Span;
use super::tag::{tag_paragraphs, TagOptions};
use super::text::paragraphs;
use std::sync::Arc;

/// One paragraph (line) of an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's text range.
    pub span: Span,
    /// Set when the paragraph is page furniture, not story.
    pub boilerplate: Option<BoilerplateKind>,
}

/// An article with everything the views need, computed once.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Metadata.
    pub meta: ArticleMeta,
    /// The text as captured.
    pub text: Arc<str>,
    /// Every paragraph, boilerplate included, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Every mention outside boilerplate: sorted, non-overlapping.
    pub mentions: Vec<Mention>,
    /// Its PLACE mentions resolved against a gazetteer, when the analysis made them (the
    /// tagging worker does, with the full table); `None` leaves resolution to the reader.
    pub places: Option<Arc<DocPlaces>>,
}

impl Document {
    /// Analyses an article: paragraphs, boilerplate, mentions.
    #[must_use]
    pub fn analyse(article: Article) -> Document {
        let spans = paragraphs(&article.text);
        let found = boilerplate::detect_in(&article.text, &spans);
        let paragraphs = spans
            .iter()
            .map(|&span| Paragraph {
                span,
                boilerplate: found.iter().find(|b| b.span.overlaps(span)).map(|b| b.kind),
            })
            .collect();
        let options = TagOptions {
            published: article.meta.published.clone(),
        };
        let mentions = tag_paragraphs(&article.text, &spans, &found, &options);
        Document {
            meta: article.meta,
            text: article.text,
            paragraphs,
            mentions,
            places: None,
        }
    }

    /// The headline paragraph: the first paragraph when it repeats the title.
    #[must_use]
    pub fn headline(&self) -> Option<&Paragraph> {
        self.paragraphs
            .first()
            .filter(|p| p.span.slice(&self.text).trim() == self.meta.title.trim())
    }

    /// The paragraphs after the headline.
    #[must_use]
    pub fn body(&self) -> &[Paragraph] {
        let skip = usize::from(self.headline().is_some());
        &self.paragraphs[skip..]
    }

    /// Mentions whose span lies in `range`.
    #[must_use]
    pub fn mentions_in(&self, range: Span) -> &[Mention] {
        let lo = self
            .mentions
            .partition_point(|m| m.span.start() < range.start());
        let hi = self
            .mentions
            .partition_point(|m| m.span.start() < range.end());
        &self.mentions[lo..hi]
    }
}
