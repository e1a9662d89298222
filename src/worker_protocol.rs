//! The messages between the page and the tagging worker, and how an analysis crosses between
//! them. Pure data: it knows nothing of workers or the DOM, so it is tested natively.
//!
//! The page keeps every article's text; the worker sends back only what it computed
//! (paragraphs, boilerplate, mentions), which [`Analysis::into_document`] joins to the text.

use crate::engine::boilerplate::BoilerplateKind;
use crate::engine::corpus::{Article, ArticleMeta};
use crate::engine::document::{Document, Paragraph};
use crate::engine::fxhash::FxHashMap;
use crate::engine::import::{ImportDraft, ImportError};
use crate::engine::intern::Interner;
use crate::engine::label::Label;
use crate::engine::mention::{Mention, Why};
use crate::engine::places::digest::DocPlaces;
use crate::engine::rule::Rule;
use crate::engine::span::Span;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// An article sent to the worker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleIn {
    /// Its metadata (the published date anchors relative dates).
    pub meta: ArticleMeta,
    /// Its full text.
    pub text: Arc<str>,
}

impl From<ArticleIn> for Article {
    fn from(a: ArticleIn) -> Article {
        Article {
            meta: a.meta,
            text: a.text,
        }
    }
}

/// What the page asks of the worker. Requests are handled in the order sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// Use this full gazetteer table (the text of `data/gazetteer.tsv`) from now on.
    UseGazetteer(String),
    /// Analyse these articles; the answer carries the same `batch` number.
    Analyse {
        /// The page's number for this batch.
        batch: u64,
        /// The articles, in order.
        articles: Vec<ArticleIn>,
    },
    /// Read these bytes as an article to add (with
    /// [`convert_import`](crate::engine::import::convert_import)); the answer carries the same
    /// `ticket`. The page checks the draft for duplicates: it has the corpus.
    Convert {
        /// The page's number for this import.
        ticket: u64,
        /// What was imported.
        input: ImportInput,
    },
}

/// What the user imported, as the worker reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportInput {
    /// The file's name; `None` for pasted text.
    pub name: Option<String>,
    /// What was pasted or read from the file.
    pub bytes: Vec<u8>,
    /// Seeds the new article's id (the import time).
    pub seed: String,
}

/// What the worker answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// The gazetteer could not be read; tagging goes on with the compiled-in core table.
    GazetteerFailed(String),
    /// One batch analysed, in the order asked.
    Analysed {
        /// The batch number from the request.
        batch: u64,
        /// One analysis per article, with its PLACE mentions resolved when the worker had
        /// the full gazetteer. (The places travel beside the analysis, not in it: the
        /// bundled analyses, embedded as JSON, carry none.)
        analyses: Vec<(Analysis, Option<DocPlaces>)>,
        /// Milliseconds the engine spent on the batch, measured in the worker.
        engine_ms: f64,
    },
    /// One import read: the draft article, or why it was refused.
    Converted {
        /// The ticket from the request.
        ticket: u64,
        /// The draft, not yet checked for duplicates (boxed: a draft is far larger than the
        /// other answers).
        result: Box<Result<ImportDraft, ImportError>>,
    },
}

/// One mention as it crosses to the page. Its strings are indexes into the analysis's
/// [`strings`](Analysis::strings), since an article names the same entity many times.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireMention {
    /// Byte range.
    pub span: Span,
    /// Label.
    pub label: Label,
    /// Canonical entity or normalised value (an index into the strings).
    pub canonical: u32,
    /// The rule that fired (an index into the strings).
    pub rule: u32,
    /// Its evidence (an index into the strings).
    pub evidence: u32,
}

/// What the worker found in one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The article's id.
    pub id: String,
    /// The length of the text analysed, in bytes (a guard against joining to another text).
    pub text_len: usize,
    /// True when the full gazetteer was in use.
    pub full_gazetteer: bool,
    /// Every paragraph and its boilerplate kind, in order.
    pub paragraphs: Vec<(Span, Option<BoilerplateKind>)>,
    /// Each distinct string the mentions refer to, once.
    pub strings: Vec<String>,
    /// Every mention, sorted.
    pub mentions: Vec<WireMention>,
}

impl Analysis {
    /// The analysis of `doc`, for sending.
    #[must_use]
    pub fn of(doc: &Document, full_gazetteer: bool) -> Analysis {
        let mut strings: Vec<String> = Vec::new();
        let mut index: FxHashMap<&str, u32> = FxHashMap::default();
        let mut number = |s| {
            *index.entry(s).or_insert_with(|| {
                strings.push(s.to_owned());
                u32::try_from(strings.len() - 1).expect("fewer than 2^32 strings")
            })
        };
        let mentions = doc
            .mentions
            .iter()
            .map(|m| WireMention {
                span: m.span,
                label: m.label,
                canonical: number(&m.canonical),
                rule: number(m.why.rule.as_str()),
                evidence: number(&m.why.evidence),
            })
            .collect();
        Analysis {
            id: doc.meta.id.clone(),
            text_len: doc.text.len(),
            full_gazetteer,
            paragraphs: doc
                .paragraphs
                .iter()
                .map(|p| (p.span, p.boilerplate))
                .collect(),
            strings,
            mentions,
        }
    }

    /// Joins the analysis (and the digest of its places, if any) to the article it was made
    /// from, taking shared copies of its strings from `shared`. `None` when it does not fit
    /// that text (another id, another length, a span off the text's character boundaries, or
    /// a string index past the table).
    #[must_use]
    pub fn into_document(
        self,
        meta: ArticleMeta,
        text: Arc<str>,
        places: Option<DocPlaces>,
        shared: &mut Interner,
    ) -> Option<Document> {
        let known = |i: u32| (i as usize) < self.strings.len();
        if self.id != meta.id
            || self.text_len != text.len()
            || !self.paragraphs.iter().all(|(s, _)| s.fits(&text))
            || !self.mentions.iter().all(|m| {
                m.span.fits(&text) && known(m.canonical) && known(m.rule) && known(m.evidence)
            })
            || !places.as_ref().is_none_or(|p| p.fits(&text))
        {
            return None;
        }
        let strings: Vec<Arc<str>> = self.strings.iter().map(|s| shared.intern(s)).collect();
        let string = |i: u32| Arc::clone(&strings[i as usize]);
        // Each rule name is looked up once per analysis, not once per mention.
        let mut rules: Vec<Option<Rule>> = vec![None; self.strings.len()];
        let mut rule = |i: u32| {
            *rules[i as usize].get_or_insert_with(|| Rule::named(&self.strings[i as usize]))
        };
        Some(Document {
            meta,
            paragraphs: self
                .paragraphs
                .into_iter()
                .map(|(span, boilerplate)| Paragraph { span, boilerplate })
                .collect(),
            mentions: self
                .mentions
                .iter()
                .map(|m| Mention {
                    span: m.span,
                    label: m.label,
                    canonical: string(m.canonical),
                    why: Why::new(rule(m.rule), string(m.evidence)),
                })
                .collect(),
            places: places.map(Arc::new),
            text,
        })
    }
}
