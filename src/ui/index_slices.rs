//! The corpus index, kept up to date a slice at a time: when a batch of analyses arrives, its
//! mentions are counted for at most a [`Slice`] in the render that brings it, then between
//! other tasks, and the views go on with the last complete index meanwhile. Restoring
//! thousands of articles so never holds the page for the whole count of a batch.

use crate::engine::corpus_index::{CorpusIndex, IndexBuilder};
use crate::ui::corpus::Corpus;
use crate::ui::next_task::{next_task, Slice};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Counts `corpus` while `go_on()` says so; when the count is done, keeps its index as the
/// `latest` and returns true.
fn count_on(
    builder: &mut IndexBuilder,
    latest: &RefCell<Rc<CorpusIndex>>,
    corpus: &Corpus,
    go_on: impl FnMut() -> bool,
) -> bool {
    match builder.advance(&corpus.0, go_on) {
        Some(index) => {
            let old = latest.replace(Rc::new(index));
            drop_later(old);
            true
        }
        None => false,
    }
}

/// Drops `old` in a later task. The rows that left the index are freed with the last index
/// that holds them; at 10,000 articles that is thousands of rows, which need not lengthen the
/// task that counted the new index or the render that shows it.
fn drop_later(old: Rc<CorpusIndex>) {
    wasm_bindgen_futures::spawn_local(async move {
        next_task().await;
        drop(old);
    });
}

/// The index of `corpus`, or, while its count is not done, the last complete one. A corpus
/// with fewer articles than the one counted (articles were deleted) is counted at once, so
/// that the index never names a position the corpus does not have.
#[hook]
pub fn use_corpus_index(corpus: &Corpus) -> Rc<CorpusIndex> {
    let builder = use_mut_ref(IndexBuilder::default);
    let latest = use_mut_ref(|| Rc::new(CorpusIndex::default()));
    // Bumped by every corpus: a background count that sees a newer one stops.
    let generation = use_mut_ref(|| 0_u64);
    let redraw = use_force_update();
    let unfinished = *use_memo(corpus.clone(), {
        let (builder, latest, generation) = (builder.clone(), latest.clone(), generation.clone());
        move |corpus| {
            *generation.borrow_mut() += 1;
            let mut builder = builder.borrow_mut();
            let shrunk = corpus.0.len() < builder.counted();
            let slice = Slice::new();
            !count_on(&mut builder, &latest, corpus, || shrunk || slice.left())
        }
    });
    use_effect_with((corpus.clone(), unfinished), {
        let latest = latest.clone();
        move |(corpus, unfinished)| {
            if !*unfinished {
                return;
            }
            let (corpus, mine) = (corpus.clone(), *generation.borrow());
            wasm_bindgen_futures::spawn_local(async move {
                loop {
                    next_task().await;
                    if *generation.borrow() != mine {
                        return; // a newer corpus goes on from here
                    }
                    let slice = Slice::new();
                    if count_on(&mut builder.borrow_mut(), &latest, &corpus, || slice.left()) {
                        redraw.force_update();
                        return;
                    }
                }
            });
        }
    });
    let index = latest.borrow().clone();
    index
}
