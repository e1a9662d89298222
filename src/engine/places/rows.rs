//! The place list's rows, built one document at a time: a growing corpus is folded in as its
//! analyses arrive, and the list is ready when it opens.

use super::digest::{DocPlaces, PlaceTarget};
use super::{MentionRef, PlaceRow, RowClaim};
use crate::engine::fxhash::FxHashMap;
use crate::engine::gazetteer::{Gazetteer, PlaceIndex};
use std::rc::Rc;

/// Documents' place digests grouped into one row per record or unresolved name, in the
/// order the documents were added ([`PlaceRows::add`]); [`PlaceRows::sorted`] lists the rows
/// most mentioned first.
///
/// ```
/// use newslens::engine::gazetteer::Gazetteer;
/// use newslens::engine::places::digest::DocPlaces;
/// use newslens::engine::places::place_mentions_in;
/// use newslens::engine::places::rows::PlaceRows;
/// let g = Gazetteer::parse(
///     "C\t99237\tIQ\tIraq\t33.5\t44.6\t38433600\t\n\
///      P\t94787\tKirkuk\t35.46806\t44.39222\tIQ\t\t601433\t\n",
/// )
/// .unwrap();
/// let mut rows = PlaceRows::new(&g);
/// for text in ["Kirkuk, Iraq.", "Kirkuk again."] {
///     rows.add(text, &DocPlaces::resolve(&g, text, &place_mentions_in(&g, text)));
/// }
/// let list = rows.sorted();
/// assert_eq!(list.iter().map(|r| (r.canonical.as_str(), r.mentions.len())).collect::<Vec<_>>(), [("Kirkuk", 2), ("Iraq", 1)]);
/// ```
pub struct PlaceRows<'g> {
    g: &'g Gazetteer,
    /// The rows, shared with the last [`PlaceRows::sorted`] list until the next change.
    rows: Rc<Vec<PlaceRow>>,
    /// Each row's rank in creation order: the last sort key, so that sorting a sorted list
    /// with new rows gives what one sort of all rows in creation order gives.
    born: Vec<usize>,
    /// Whether a row's explaining mention already had a choice between records.
    explained_choice: Vec<bool>,
    /// Row of each record, and of each unresolved name.
    by_record: FxHashMap<PlaceIndex, usize>,
    by_name: FxHashMap<Box<str>, usize>,
    /// Documents added.
    docs: usize,
    /// True while the rows are in list order.
    sorted: bool,
}

impl<'g> PlaceRows<'g> {
    /// No rows yet, against `g` (the table every digest added was resolved against).
    #[must_use]
    pub fn new(g: &'g Gazetteer) -> Self {
        PlaceRows {
            g,
            rows: Rc::default(),
            born: Vec::new(),
            explained_choice: Vec::new(),
            by_record: FxHashMap::default(),
            by_name: FxHashMap::default(),
            docs: 0,
            sorted: true,
        }
    }

    /// How many documents were added: the next one is document number `docs()`.
    #[must_use]
    pub fn docs(&self) -> usize {
        self.docs
    }

    /// Adds the next document: its text and its digest.
    pub fn add(&mut self, text: &str, places: &DocPlaces) {
        let doc = self.docs;
        self.docs += 1;
        if places.hits.is_empty() {
            return;
        }
        self.sorted = false;
        let g = self.g;
        let rows = Rc::make_mut(&mut self.rows);
        let mut row_of_hit: Vec<usize> = Vec::with_capacity(places.hits.len());
        for hit in &places.hits {
            let here = MentionRef {
                doc,
                span: hit.span,
            };
            let found = match &hit.target {
                PlaceTarget::Record(i) => self.by_record.get(i),
                PlaceTarget::Unresolved(name) => self.by_name.get(name),
            };
            let i = match found {
                Some(&i) => i,
                None => {
                    let i = rows.len();
                    rows.push(PlaceRow {
                        canonical: name_of(g, &hit.target),
                        kind: hit.kind,
                        place: match hit.target {
                            PlaceTarget::Record(i) => g.place(i).cloned(),
                            PlaceTarget::Unresolved(_) => None,
                        },
                        mentions: Vec::new(),
                        surfaces: Vec::new(),
                        explained_by: here,
                        claims: Vec::new(),
                    });
                    self.born.push(self.born.len());
                    self.explained_choice.push(hit.choices > 1);
                    match &hit.target {
                        PlaceTarget::Record(r) => self.by_record.insert(*r, i),
                        PlaceTarget::Unresolved(name) => self.by_name.insert(name.clone(), i),
                    };
                    i
                }
            };
            row_of_hit.push(i);
            let row = &mut rows[i];
            row.mentions.push(here);
            let surface = hit.span.slice(text);
            if !row.surfaces.iter().any(|s| s == surface) {
                row.surfaces.push(surface.to_string());
            }
            if !self.explained_choice[i] && hit.choices > 1 {
                row.explained_by = here;
                self.explained_choice[i] = true;
            }
            if row.kind.is_none() {
                row.kind = hit.kind;
            }
        }
        for claim in &places.claims {
            let i = row_of_hit[claim.subject];
            rows[i].claims.push(RowClaim {
                doc,
                reference: name_of(g, &places.hits[claim.reference].target),
                claim: claim.clone(),
            });
        }
    }

    /// The rows, most mentioned first, ties by name, then by first appearance. Shared: the
    /// next [`PlaceRows::add`] that changes a row copies them once if the list is still held.
    pub fn sorted(&mut self) -> Rc<Vec<PlaceRow>> {
        if !self.sorted {
            self.sort();
        }
        self.rows.clone()
    }

    /// The rows as [`PlaceRows::sorted`] lists them.
    #[must_use]
    pub fn into_sorted(mut self) -> Vec<PlaceRow> {
        let rows = self.sorted();
        drop(self);
        Rc::try_unwrap(rows).unwrap_or_else(|shared| (*shared).clone())
    }

    /// Puts the rows in list order and renumbers the indexes that point at them.
    fn sort(&mut self) {
        let rows = Rc::make_mut(&mut self.rows);
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_unstable_by(|&a, &b| {
            let (ra, rb) = (&rows[a], &rows[b]);
            rb.mentions
                .len()
                .cmp(&ra.mentions.len())
                .then_with(|| ra.canonical.cmp(&rb.canonical))
                .then_with(|| self.born[a].cmp(&self.born[b]))
        });
        let mut new_index = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let mut taken: Vec<Option<PlaceRow>> = std::mem::take(rows).into_iter().map(Some).collect();
        *rows = order.iter().filter_map(|&old| taken[old].take()).collect();
        self.born = order.iter().map(|&old| self.born[old]).collect();
        self.explained_choice = order
            .iter()
            .map(|&old| self.explained_choice[old])
            .collect();
        for i in self.by_record.values_mut().chain(self.by_name.values_mut()) {
            *i = new_index[*i];
        }
        self.sorted = true;
    }
}

/// The row name of a digest's target: the record's name, or the unresolved name.
fn name_of(g: &Gazetteer, target: &PlaceTarget) -> String {
    match target {
        PlaceTarget::Record(i) => g.place(*i).map_or_else(String::new, |p| p.name.clone()),
        PlaceTarget::Unresolved(name) => name.to_string(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::engine::corpus::bundled;
    use crate::engine::places::place_list;
    use crate::engine::tag::{tag, TagOptions};

    /// The bundled articles' paragraphs as documents of their own: many documents naming the
    /// same places, as a corpus about one event does.
    fn paragraphs() -> Vec<String> {
        bundled()
            .expect("bundled corpus")
            .iter()
            .flat_map(|a| a.text.split("\n\n").map(str::to_string).collect::<Vec<_>>())
            .filter(|p| !p.trim().is_empty())
            .collect()
    }

    #[test]
    fn listing_midway_does_not_change_the_final_list() {
        let g = Gazetteer::full();
        let texts = paragraphs();
        let digests: Vec<DocPlaces> = texts
            .iter()
            .map(|t| DocPlaces::resolve(g, t, &tag(t, &TagOptions::default())))
            .collect();
        let docs: Vec<(&str, &DocPlaces)> =
            texts.iter().map(String::as_str).zip(&digests).collect();
        let whole = place_list(g, &docs);
        assert!(whole.len() > 10, "the test needs places: {}", whole.len());
        for every in [1, 2, 5] {
            let mut rows = PlaceRows::new(g);
            let mut held = Vec::new();
            for (i, (text, places)) in docs.iter().enumerate() {
                rows.add(text, places);
                if i % every == 0 {
                    held.push(rows.sorted());
                }
            }
            assert_eq!(rows.docs(), docs.len());
            assert_eq!(
                *rows.sorted(),
                whole,
                "sorted after every {every} documents"
            );
            // A list handed out earlier is not changed by what was added after it.
            let first = &held[0];
            assert!(first.iter().all(|r| r.mentions.iter().all(|m| m.doc == 0)));
        }
    }
}
