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
}

impl IndexBuilder {
    /// Brings the counts up to `docs` and returns the index of them, equal to
    /// [`CorpusIndex::build`] of the same documents.
    pub fn update(&mut self, docs: &[Rc<Document>]) -> CorpusIndex {
        let mut emptied = Vec::new();
        let old = std::mem::take(&mut self.docs);
        for (d, doc) in docs.iter().enumerate() {
            match old.get(d) {
                Some(was) if Rc::ptr_eq(was, doc) => continue,
                Some(was) => self.count(d, was, false, &mut emptied),
                None => {}
            }
            self.count(d, doc, true, &mut emptied);
        }
        for (d, was) in old.iter().enumerate().skip(docs.len()) {
            self.count(d, was, false, &mut emptied);
        }
        self.docs = docs.to_vec();
        for canonical in emptied {
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
        CorpusIndex::from_rows(rows)
    }

    /// Adds (or takes away) the mentions of `doc`, at position `d`. The entities it touches
    /// lose their row (made again when asked for); those left without mentions are listed in
    /// `emptied`.
    fn count(&mut self, d: usize, doc: &Document, add: bool, emptied: &mut Vec<String>) {
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
                            emptied.push(m.canonical.to_string());
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
