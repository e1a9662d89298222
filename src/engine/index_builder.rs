//! Keeps a [`CorpusIndex`] up to date while the corpus changes: a document's mentions are
//! counted when it enters the corpus and taken away when it leaves or is replaced, and only the
//! rows of the entities they touch are made again. Restoring thousands of articles whose
//! analyses arrive in batches then costs each batch its own mentions, not the whole corpus.

use super::corpus_index::{CorpusIndex, EntityRow};
use super::document::Document;
use super::fxhash::FxHashMap;
use super::label::Label;
use std::rc::Rc;

/// One entity's running counts.
#[derive(Debug, Default)]
struct Tally {
    /// Mentions per label, in [`Label::ALL`] order.
    labels: [usize; 6],
    /// Mentions per surface form.
    aliases: FxHashMap<String, usize>,
    /// (document position, mentions), by position.
    per_doc: Vec<(usize, usize)>,
    /// Its row as last made, while still current.
    row: Option<Rc<EntityRow>>,
}

impl Tally {
    fn row(&mut self, canonical: &str) -> Rc<EntityRow> {
        if let Some(row) = &self.row {
            return row.clone();
        }
        let (i, _) = self
            .labels
            .iter()
            .enumerate()
            .max_by_key(|(i, n)| (**n, std::cmp::Reverse(*i)))
            .expect("six labels");
        let mut aliases: Vec<(&String, &usize)> = self.aliases.iter().collect();
        aliases.sort_by(|x, y| y.1.cmp(x.1).then_with(|| x.0.cmp(y.0)));
        let row = Rc::new(EntityRow {
            canonical: canonical.to_string(),
            label: Label::ALL[i],
            aliases: aliases.into_iter().map(|(s, _)| s.clone()).collect(),
            per_doc: self.per_doc.clone(),
            total: self.per_doc.iter().map(|(_, n)| n).sum(),
        });
        self.row = Some(row.clone());
        row
    }
}

/// The incremental indexer. Documents are told apart by identity (`Rc` pointer): an analysis
/// that arrives replaces its placeholder as a new `Rc`, and is counted again.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    /// The documents as last indexed, by position.
    docs: Vec<Rc<Document>>,
    /// Running counts by canonical name.
    tallies: FxHashMap<String, Tally>,
    /// Entities left without mentions by counting so far, dropped when an update finishes.
    emptied: Vec<String>,
}

impl IndexBuilder {
    /// Brings the counts up to `docs` and returns the index of them, equal to
    /// [`CorpusIndex::build`] of the same documents.
    pub fn update(&mut self, docs: &[Rc<Document>]) -> CorpusIndex {
        self.advance(docs, || true)
            .expect("an update that may go on to the end finishes")
    }

    /// Counts towards `docs` while `go_on()` says so (asked before each document that needs
    /// counting), and returns the index of them once every document is counted; `None` when
    /// stopped early. Calling it again, with the same or a newer `docs`, goes on from there:
    /// what was counted stays counted. A long update can so be cut into slices between other
    /// tasks. Documents beyond the end of `docs` are taken away only at the end.
    pub fn advance(
        &mut self,
        docs: &[Rc<Document>],
        mut go_on: impl FnMut() -> bool,
    ) -> Option<CorpusIndex> {
        for (d, doc) in docs.iter().enumerate() {
            if self.docs.get(d).is_some_and(|was| Rc::ptr_eq(was, doc)) {
                continue;
            }
            if !go_on() {
                return None;
            }
            // Positions are counted in order, so a new one is always the next.
            let was = match self.docs.get_mut(d) {
                Some(slot) => Some(std::mem::replace(slot, doc.clone())),
                None => {
                    self.docs.push(doc.clone());
                    None
                }
            };
            if let Some(was) = was {
                self.count(d, &was, false);
            }
            self.count(d, doc, true);
        }
        for (d, was) in self.docs.split_off(docs.len()).iter().enumerate() {
            self.count(docs.len() + d, was, false);
        }
        for canonical in std::mem::take(&mut self.emptied) {
            if self
                .tallies
                .get(&canonical)
                .is_some_and(|t| t.per_doc.is_empty())
            {
                self.tallies.remove(&canonical);
            }
        }
        let rows = self
            .tallies
            .iter_mut()
            .map(|(canonical, t)| t.row(canonical))
            .collect();
        Some(CorpusIndex::from_rows(rows))
    }

    /// How many positions are counted (the length of the corpus last counted, whole or not).
    #[must_use]
    pub fn counted(&self) -> usize {
        self.docs.len()
    }

    /// True when `docs` are the documents last counted, every one.
    #[must_use]
    pub fn is_up_to(&self, docs: &[Rc<Document>]) -> bool {
        self.docs.len() == docs.len() && self.docs.iter().zip(docs).all(|(a, b)| Rc::ptr_eq(a, b))
    }

    /// Adds (or takes away) the mentions of `doc`, at position `d`. The entities it touches
    /// lose their row (made again when asked for); those left without mentions are listed in
    /// `self.emptied`.
    fn count(&mut self, d: usize, doc: &Document, add: bool) {
        for m in &doc.mentions {
            let t = tally_mut(&mut self.tallies, &m.canonical);
            t.row = None;
            let label = m.label.index();
            let alias = m.span.slice(&doc.text);
            if add {
                t.labels[label] += 1;
                match t.aliases.get_mut(alias) {
                    Some(n) => *n += 1,
                    None => {
                        t.aliases.insert(alias.to_string(), 1);
                    }
                }
                match t.per_doc.binary_search_by_key(&d, |(x, _)| *x) {
                    Ok(i) => t.per_doc[i].1 += 1,
                    Err(i) => t.per_doc.insert(i, (d, 1)),
                }
            } else {
                t.labels[label] -= 1;
                if let Some(n) = t.aliases.get_mut(alias) {
                    *n -= 1;
                    if *n == 0 {
                        t.aliases.remove(alias);
                    }
                }
                if let Ok(i) = t.per_doc.binary_search_by_key(&d, |(x, _)| *x) {
                    t.per_doc[i].1 -= 1;
                    if t.per_doc[i].1 == 0 {
                        t.per_doc.remove(i);
                        if t.per_doc.is_empty() {
                            self.emptied.push(m.canonical.to_string());
                        }
                    }
                }
            }
        }
    }
}

/// The tally of `key`, made when missing (without copying the key when it is there).
fn tally_mut<'t>(tallies: &'t mut FxHashMap<String, Tally>, key: &str) -> &'t mut Tally {
    if !tallies.contains_key(key) {
        tallies.insert(key.to_string(), Tally::default());
    }
    tallies.get_mut(key).expect("just made sure")
}
