//! The corpus's outlets, and each article's outlet as an index into them: per-outlet counts
//! of thousands of mentions then add into an array instead of comparing outlet names.

use crate::engine::fxhash::FxHashMap;
use crate::last_made::LastMade;
use crate::ui::corpus::Corpus;
use std::rc::Rc;

/// The outlets of a corpus.
#[derive(Debug, PartialEq, Eq)]
pub struct Outlets {
    /// Every outlet's name as the metadata gives it, sorted.
    pub names: Vec<String>,
    /// Each article's outlet (in corpus order), as an index into `names`.
    pub of_doc: Vec<usize>,
}

thread_local! {
    /// The outlets of the last corpus asked about.
    static LAST: LastMade<Corpus, Rc<Outlets>> = const { LastMade::new() };
}

/// The outlets of `corpus` (made once per corpus).
pub fn outlets(corpus: &Corpus) -> Rc<Outlets> {
    LAST.with(|last| last.get_or_make(corpus.clone(), |c| Rc::new(outlets_of(c))))
}

fn outlets_of(corpus: &Corpus) -> Outlets {
    let mut first_seen: FxHashMap<&str, usize> = FxHashMap::default();
    let mut names: Vec<&str> = Vec::new();
    let seen: Vec<usize> = corpus
        .0
        .iter()
        .map(|d| {
            *first_seen.entry(&d.meta.outlet).or_insert_with(|| {
                names.push(&d.meta.outlet);
                names.len() - 1
            })
        })
        .collect();
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_unstable_by_key(|&i| names[i]);
    let mut rank = vec![0; names.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    Outlets {
        names: order.iter().map(|&i| names[i].to_string()).collect(),
        of_doc: seen.into_iter().map(|i| rank[i]).collect(),
    }
}
