//! Keeps a [`CorpusIndex`] up to date while the corpus changes: a document's mentions are
//! counted when it enters the corpus and taken away when it leaves or is replaced, and only the
//! rows of the entities they touch are made again. Restoring thousands of articles whose
//! analyses arrive in batches then costs each batch its own mentions, not the whole corpus.

use super::corpus_index::{in_order, ByName, CorpusIndex, EntityRow};
use super::document::Document;
use super::fxhash::{FxHashMap, FxHashSet};
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
    /// Its row in the last index made (`None` before the first).
    row: Option<Rc<EntityRow>>,
    /// Its row for the next index, once made, while the counts stay as they are.
    next: Option<Rc<EntityRow>>,
    /// True while its counts differ from `row` (it is then listed in `IndexBuilder::changed`).
    changed: bool,
}

impl Tally {
    /// A row of the current counts.
    fn make_row(&self, canonical: &str) -> EntityRow {
        let (i, _) = self
            .labels
            .iter()
            .enumerate()
            .max_by_key(|(i, n)| (**n, std::cmp::Reverse(*i)))
            .expect("six labels");
        let mut aliases: Vec<(&String, &usize)> = self.aliases.iter().collect();
        aliases.sort_by(|x, y| y.1.cmp(x.1).then_with(|| x.0.cmp(y.0)));
        EntityRow {
            canonical: canonical.to_string(),
            label: Label::ALL[i],
            aliases: aliases.into_iter().map(|(s, _)| s.clone()).collect(),
            per_doc: self.per_doc.clone(),
            total: self.per_doc.iter().map(|(_, n)| n).sum(),
        }
    }
}

/// The incremental indexer. Documents are told apart by identity (`Rc` pointer): an analysis
/// that arrives replaces its placeholder as a new `Rc`, and is counted again.
///
/// The rows of the entities an update touched are made in slices too; what is left for the
/// end is one pass over the last index's rows to merge the new ones in: rows are not sorted
/// again, nor names hashed again.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    /// The documents as last indexed, by position.
    docs: Vec<Rc<Document>>,
    /// Running counts by canonical name.
    tallies: FxHashMap<String, Tally>,
    /// Entities whose counts changed since the last index was made (an entity counted again
    /// after its row was made is listed again).
    changed: Vec<String>,
    /// How many of `changed` have their next row made.
    made: usize,
    /// The last index made (its rows are shared with it).
    last: CorpusIndex,
}

impl IndexBuilder {
    /// Brings the counts up to `docs` and returns the index of them, equal to
    /// [`CorpusIndex::build`] of the same documents.
    pub fn update(&mut self, docs: &[Rc<Document>]) -> CorpusIndex {
        self.advance(docs, || true)
            .expect("an update that may go on to the end finishes")
    }

    /// Counts towards `docs` while `go_on()` says so (asked before each document that needs
    /// counting, before each changed entity's row is made, and before the new rows are
    /// merged into the index), and returns the index of them once every document is counted;
    /// `None` when stopped early. Calling it again, with the same or a newer `docs`, goes on
    /// from there: what was counted stays counted. A long update can so be cut into slices
    /// between other tasks. Documents beyond the end of `docs` are taken away only at the end.
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
        while let Some(canonical) = self.changed.get(self.made) {
            if !go_on() {
                return None;
            }
            if let Some(t) = self.tallies.get_mut(canonical) {
                if t.next.is_none() && !t.per_doc.is_empty() {
                    t.next = Some(Rc::new(t.make_row(canonical)));
                }
            }
            self.made += 1;
        }
        // Merging is the one piece that is not cut: it starts a slice of its own, rather than
        // lengthening one whose time is spent.
        if !self.changed.is_empty() && !go_on() {
            return None;
        }
        self.finish();
        Some(self.last.clone())
    }

    /// Takes the changed entities' new rows, drops those left without mentions, and merges
    /// the new rows into the last index's order.
    fn finish(&mut self) {
        self.made = 0;
        if self.changed.is_empty() {
            return;
        }
        // The rows that leave the index, by address, and the rows that enter it.
        let mut gone: FxHashSet<*const EntityRow> = FxHashSet::default();
        let mut fresh: Vec<Rc<EntityRow>> = Vec::with_capacity(self.changed.len());
        let mut names = self.last.names().clone();
        for canonical in std::mem::take(&mut self.changed) {
            let Some(t) = self.tallies.get_mut(&canonical) else {
                continue;
            };
            if !t.changed {
                continue; // listed twice, and already taken
            }
            t.changed = false;
            if let Some(old) = t.row.take() {
                gone.insert(Rc::as_ptr(&old));
            }
            if t.per_doc.is_empty() {
                self.tallies.remove(&canonical);
                names.remove(canonical.as_str());
                continue;
            }
            let row = match t.next.take() {
                Some(row) => row,
                None => Rc::new(t.make_row(&canonical)),
            };
            t.row = Some(row.clone());
            names.replace(ByName(row.clone()));
            fresh.push(row);
        }
        fresh.sort_unstable_by(|a, b| in_order(a, b));
        let kept = self
            .last
            .entities
            .iter()
            .filter(|r| !gone.contains(&Rc::as_ptr(r)));
        let entities = merge(kept, fresh);
        self.last = CorpusIndex::from_parts(Rc::new(entities), names);
    }

    /// How many positions are counted (the length of the corpus last counted, whole or not).
    #[must_use]
    pub fn counted(&self) -> usize {
        self.docs.len()
    }

    /// True when `docs` are the documents last counted, every one, and their index is made.
    #[must_use]
    pub fn is_up_to(&self, docs: &[Rc<Document>]) -> bool {
        self.changed.is_empty()
            && self.docs.len() == docs.len()
            && self.docs.iter().zip(docs).all(|(a, b)| Rc::ptr_eq(a, b))
    }

    /// Adds (or takes away) the mentions of `doc`, at position `d`. The entities it touches
    /// are listed in `self.changed`, once, until the next index is made.
    fn count(&mut self, d: usize, doc: &Document, add: bool) {
        for m in &doc.mentions {
            let t = tally_mut(&mut self.tallies, &m.canonical);
            if !t.changed || t.next.is_some() {
                t.changed = true;
                t.next = None;
                self.changed.push(m.canonical.to_string());
            }
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
                // Documents are mostly counted in order: this one is then the last one
                // counted for the entity, or comes after it.
                match t.per_doc.last_mut() {
                    Some((x, n)) if *x == d => *n += 1,
                    Some((x, _)) if *x < d => t.per_doc.push((d, 1)),
                    None => t.per_doc.push((d, 1)),
                    _ => match t.per_doc.binary_search_by_key(&d, |(x, _)| *x) {
                        Ok(i) => t.per_doc[i].1 += 1,
                        Err(i) => t.per_doc.insert(i, (d, 1)),
                    },
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
                    }
                }
            }
        }
    }
}

/// The two sorted row lists as one, in [`in_order`].
fn merge<'a>(
    kept: impl Iterator<Item = &'a Rc<EntityRow>>,
    fresh: Vec<Rc<EntityRow>>,
) -> Vec<Rc<EntityRow>> {
    let mut out = Vec::with_capacity(fresh.len() + kept.size_hint().1.unwrap_or(0));
    let mut fresh = fresh.into_iter().peekable();
    for row in kept {
        while let Some(f) = fresh.next_if(|f| in_order(f, row).is_lt()) {
            out.push(f);
        }
        out.push(row.clone());
    }
    out.extend(fresh);
    out
}

/// The tally of `key`, made when missing (without copying the key when it is there).
fn tally_mut<'t>(tallies: &'t mut FxHashMap<String, Tally>, key: &str) -> &'t mut Tally {
    if !tallies.contains_key(key) {
        tallies.insert(key.to_string(), Tally::default());
    }
    tallies.get_mut(key).expect("just made sure")
}
