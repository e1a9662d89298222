//! The place list's table of one corpus against one gazetteer, built as the corpus grows:
//! after each change the documents analysed since are folded in a slice at a time between
//! other tasks, so opening the place list finds the table made (or nearly).

use crate::engine::document::Document;
use crate::engine::gazetteer::Gazetteer;
use crate::engine::places::digest::DocPlaces;
use crate::engine::places::rows::PlaceRows;
use crate::engine::places::PlaceRow;
use crate::engine::span::Span;
use crate::engine::text::sentences;
use crate::last_made::LastMade;
use crate::ui::corpus::Corpus;
use crate::ui::gazetteer::GazetteerState;
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

/// The place rows of one corpus against one gazetteer, and its articles' sentences as needed.
pub struct PlaceTable {
    /// The rows, most mentioned first.
    pub rows: Rc<Vec<PlaceRow>>,
    /// The resolved places as options of "Distances from": (value, label).
    pub references: Rc<Vec<(String, String)>>,
    /// Each article's sentences, split when a quotation first needs them.
    pub sentences: Sentences,
}

/// Each article's sentences, by position in the corpus, split the first time asked.
#[derive(Default)]
pub struct Sentences(RefCell<HashMap<usize, Rc<Vec<Span>>>>);

impl Sentences {
    /// The sentences of document `doc`, whose text is `text`.
    pub fn of(&self, doc: usize, text: &str) -> Rc<Vec<Span>> {
        self.0
            .borrow_mut()
            .entry(doc)
            .or_insert_with(|| Rc::new(sentences(text)))
            .clone()
    }
}

/// Documents folded per background slice: a few milliseconds of work at a time.
const SLICE: usize = 250;

/// The rows being built: the documents folded so far, in corpus order, and the gazetteer.
struct Build {
    gazetteer: GazetteerState,
    folded: Vec<Rc<Document>>,
    rows: PlaceRows<'static>,
    /// The corpus the prefix was last checked against.
    checked: Option<Corpus>,
}

thread_local! {
    static BUILD: RefCell<Option<Build>> = const { RefCell::new(None) };
    /// The last table made, so that leaving the place list and coming back costs nothing.
    static LAST_TABLE: LastMade<(Corpus, GazetteerState), Rc<PlaceTable>> = const { LastMade::new() };
    /// Bumped by every [`prepare`]: a background build that sees a newer one stops.
    static GENERATION: Cell<u64> = const { Cell::new(0) };
}

/// The table for `corpus` and `gaz`: the one made last when neither changed, else the
/// background build completed now.
pub fn place_table(corpus: &Corpus, gaz: &GazetteerState) -> Rc<PlaceTable> {
    if let Some(t) = cached(corpus, gaz) {
        return t;
    }
    // Articles still waiting for their analysis add nothing yet: when only such articles
    // are left, the rows are complete without them, and the build can go on when they arrive.
    if matches!(fold(corpus, gaz, usize::MAX, true), Folded::Waiting) && !rest_waiting(corpus) {
        fold(corpus, gaz, usize::MAX, false);
    }
    finish(corpus, gaz)
}

/// True when a document is a placeholder for an analysis still to come.
fn waiting(d: &Document) -> bool {
    d.mentions.is_empty() && d.places.is_none()
}

/// True when every document of `corpus` the build has not folded is waiting.
fn rest_waiting(corpus: &Corpus) -> bool {
    let folded = BUILD.with(|b| b.borrow().as_ref().map_or(0, |b| b.folded.len()));
    corpus.0.iter().skip(folded).all(|d| waiting(d))
}

/// Starts folding `corpus` into the table in the background, a slice per task, when the
/// full gazetteer is here (until then the list is made when it opens, unresolved).
pub fn prepare(corpus: Corpus, gaz: GazetteerState) {
    let generation = GENERATION.with(|g| {
        g.set(g.get() + 1);
        g.get()
    });
    if gaz.ready().is_none() || cached(&corpus, &gaz).is_some() {
        return;
    }
    // The last table is of an older corpus: letting go of it lets the build add to its rows
    // in place instead of copying them (unless the place list still shows it).
    LAST_TABLE.with(LastMade::clear);
    step(corpus, gaz, generation);
}

/// One background slice, then the next, until the corpus is folded or a newer one came.
fn step(corpus: Corpus, gaz: GazetteerState, generation: u64) {
    Timeout::new(0, move || {
        if GENERATION.with(Cell::get) != generation {
            return;
        }
        match fold(&corpus, &gaz, SLICE, true) {
            Folded::All => {
                finish(&corpus, &gaz);
            }
            Folded::Some => step(corpus, gaz, generation),
            Folded::Waiting => {}
        }
    })
    .forget();
}

/// What a fold got to.
enum Folded {
    /// Every document is in the rows.
    All,
    /// The slice is done; more documents are ready.
    Some,
    /// The next document is still waiting for its analysis.
    Waiting,
}

/// Folds up to `limit` more documents of `corpus` into the build, first starting it over if
/// the gazetteer changed or a document already folded did. With `wait`, stops before a
/// document whose analysis has not arrived (folding it now would mean starting over when it
/// does); it is folded when the list opens.
fn fold(corpus: &Corpus, gaz: &GazetteerState, limit: usize, wait: bool) -> Folded {
    let g: &'static Gazetteer = gaz.ready().unwrap_or_else(empty_gazetteer);
    BUILD.with(|build| {
        let mut build = build.borrow_mut();
        let keep = build.as_ref().is_some_and(|b| {
            b.gazetteer == *gaz
                && (b.checked.as_ref() == Some(corpus) || same_prefix(&b.folded, &corpus.0))
        });
        if !keep {
            *build = Some(Build {
                gazetteer: gaz.clone(),
                folded: Vec::new(),
                rows: PlaceRows::new(g),
                checked: None,
            });
        }
        let b = build.as_mut().expect("made above");
        b.checked = Some(corpus.clone());
        for d in corpus.0.iter().skip(b.folded.len()).take(limit) {
            if wait && waiting(d) {
                return Folded::Waiting;
            }
            match &d.places {
                Some(p) if p.table == g.fingerprint() => b.rows.add(&d.text, p),
                _ => b
                    .rows
                    .add(&d.text, &DocPlaces::resolve(g, &d.text, &d.mentions)),
            }
            b.folded.push(d.clone());
        }
        if b.folded.len() == corpus.0.len() {
            Folded::All
        } else if wait && waiting(&corpus.0[b.folded.len()]) {
            Folded::Waiting
        } else {
            Folded::Some
        }
    })
}

/// True when `corpus` starts with the documents `folded` (the same ones, or equal).
fn same_prefix(folded: &[Rc<Document>], corpus: &[Rc<Document>]) -> bool {
    folded.len() <= corpus.len()
        && folded
            .iter()
            .zip(corpus)
            .all(|(a, b)| Rc::ptr_eq(a, b) || a == b)
}

/// The table from the build, which has folded all of `corpus`; kept as the last table.
fn finish(corpus: &Corpus, gaz: &GazetteerState) -> Rc<PlaceTable> {
    let rows = BUILD.with(|b| {
        b.borrow_mut()
            .as_mut()
            .map(|b| b.rows.sorted())
            .unwrap_or_default()
    });
    let references = rows
        .iter()
        .filter(|r| r.place.is_some())
        .map(|r| (r.canonical.clone(), r.canonical.clone()))
        .collect();
    let table = Rc::new(PlaceTable {
        rows,
        references: Rc::new(references),
        sentences: Sentences::default(),
    });
    LAST_TABLE.with(|last| last.set((corpus.clone(), gaz.clone()), table.clone()));
    table
}

/// The last table made, if it was made for `corpus` and `gaz`.
fn cached(corpus: &Corpus, gaz: &GazetteerState) -> Option<Rc<PlaceTable>> {
    LAST_TABLE.with(|last| last.get(&(corpus.clone(), gaz.clone())))
}

/// The table places are resolved against until the full gazetteer is here: none.
#[must_use]
pub fn empty_gazetteer() -> &'static Gazetteer {
    static EMPTY: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    EMPTY.get_or_init(Gazetteer::default)
}
