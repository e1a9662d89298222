//! An index over analysed documents: canonical entities with their counts, aliases and
//! contexts, for the entity list, the filters and keyword-in-context.

use super::document::Document;
use super::label::Label;
use super::span::Span;
use super::text::sentences_in;
use crate::engine::fxhash::FxHashSet;
pub use crate::engine::index_builder::IndexBuilder;
use std::rc::Rc;

/// One canonical entity across the corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityRow {
    /// The canonical name (the URL's `entity` value).
    pub canonical: String,
    /// Its label (the most frequent one when mentions disagree).
    pub label: Label,
    /// The distinct surface forms, most frequent first.
    pub aliases: Vec<String>,
    /// (document index, mentions) for each document that mentions it, in document order.
    /// Sparse: a corpus of thousands of articles and entities stays small.
    pub per_doc: Vec<(usize, usize)>,
    /// All mentions.
    pub total: usize,
}

impl EntityRow {
    /// Number of documents that mention the entity.
    #[must_use]
    pub fn doc_count(&self) -> usize {
        self.per_doc.len()
    }

    /// Mentions in document `doc`.
    #[must_use]
    pub fn count_in(&self, doc: usize) -> usize {
        self.per_doc
            .binary_search_by_key(&doc, |(d, _)| *d)
            .map_or(0, |i| self.per_doc[i].1)
    }
}

/// A sentence that mentions an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Context {
    /// Index of the document.
    pub doc: usize,
    /// The sentence.
    pub sentence: Span,
    /// The mention inside it.
    pub mention: Span,
    /// Index of the mention in the document's mention list.
    pub index: usize,
}

/// The index: queries are cheap. Rows are shared with the [`IndexBuilder`] that made it, so
/// an update copies only the rows of the entities it touched.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CorpusIndex {
    /// Canonical entities, most mentioned first, then by name ([`in_order`]). Shared with
    /// the next index an [`IndexBuilder`] makes, which copies it only once.
    pub entities: Rc<Vec<Rc<EntityRow>>>,
    by_name: FxHashSet<ByName>,
}

/// The index's order of rows: most mentioned first, then by name.
#[must_use]
pub fn in_order(a: &EntityRow, b: &EntityRow) -> std::cmp::Ordering {
    b.total
        .cmp(&a.total)
        .then_with(|| a.canonical.cmp(&b.canonical))
}

/// A row as a set member by its canonical name: no copy of the name, looked up by `&str`.
#[derive(Clone, Debug)]
pub(crate) struct ByName(pub(crate) Rc<EntityRow>);

impl PartialEq for ByName {
    fn eq(&self, other: &Self) -> bool {
        self.0.canonical == other.0.canonical
    }
}

impl Eq for ByName {}

impl std::hash::Hash for ByName {
    /// As the name's `str` hashes, so that a lookup by `&str` finds it.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.canonical.as_str().hash(state);
    }
}

impl std::borrow::Borrow<str> for ByName {
    fn borrow(&self) -> &str {
        &self.0.canonical
    }
}

impl CorpusIndex {
    /// Indexes `docs` (in the order given; `per_doc` follows it). To follow a corpus that
    /// changes, keep an [`IndexBuilder`] instead: it counts only what changed.
    #[must_use]
    pub fn build(docs: &[Rc<Document>]) -> CorpusIndex {
        IndexBuilder::default().update(docs)
    }

    /// The index of `entities` (already [`in_order`]) and the set of the same rows by name.
    pub(crate) fn from_parts(
        entities: Rc<Vec<Rc<EntityRow>>>,
        by_name: FxHashSet<ByName>,
    ) -> CorpusIndex {
        debug_assert_eq!(entities.len(), by_name.len());
        CorpusIndex { entities, by_name }
    }

    /// Its rows by name, for the builder's next index.
    pub(crate) fn names(&self) -> &FxHashSet<ByName> {
        &self.by_name
    }

    /// The entity with this canonical name.
    #[must_use]
    pub fn entity(&self, canonical: &str) -> Option<&EntityRow> {
        self.by_name.get(canonical).map(|b| &*b.0)
    }

    /// The first `limit` mentions of `canonical`, each with its sentence, in document and text
    /// order. Only the paragraphs that hold one of them are split into sentences, so the first
    /// few contexts of an entity that thousands of articles mention cost no more than those of
    /// a rare one.
    #[must_use]
    pub fn contexts<D: AsRef<Document>>(
        &self,
        docs: &[D],
        canonical: &str,
        limit: usize,
    ) -> Vec<Context> {
        let mut out = Vec::new();
        let Some(row) = self.entity(canonical) else {
            return out;
        };
        for &(d, _) in &row.per_doc {
            if out.len() >= limit {
                break;
            }
            let Some(doc) = docs.get(d).map(AsRef::as_ref) else {
                continue;
            };
            // Sentences of the paragraph of the last mention: mentions come in text order,
            // so each paragraph is split once, and only paragraphs with a mention are.
            let mut para: Option<(Span, Vec<Span>)> = None;
            for (index, m) in doc.mentions.iter().enumerate() {
                if &*m.canonical != canonical {
                    continue;
                }
                if out.len() >= limit {
                    break;
                }
                if !para.as_ref().is_some_and(|(p, _)| p.contains(m.span)) {
                    let k = doc
                        .paragraphs
                        .partition_point(|p| p.span.end() <= m.span.start());
                    para = doc
                        .paragraphs
                        .get(k)
                        .map(|p| p.span)
                        .filter(|p| p.contains(m.span))
                        .map(|p| (p, sentences_in(&doc.text, p)));
                }
                let sents = para.as_ref().map_or(&[][..], |(_, s)| s.as_slice());
                let at = sents.partition_point(|s| s.end() <= m.span.start());
                let sentence = sents
                    .get(at)
                    .copied()
                    .filter(|s| s.contains(m.span))
                    .unwrap_or(m.span);
                out.push(Context {
                    doc: d,
                    sentence,
                    mention: m.span,
                    index,
                });
            }
        }
        out
    }
}

/// Mentions per label in one document, in [`Label::ALL`] order.
#[must_use]
pub fn label_counts(doc: &Document) -> [usize; 6] {
    let mut out = [0; 6];
    for m in &doc.mentions {
        out[m.label.index()] += 1;
    }
    out
}
