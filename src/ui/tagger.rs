//! Drives the tagging worker from the page: a queue of articles sent in small batches, one
//! batch in flight at a time, so that progress is reported as it goes and cancelling takes
//! effect after the current batch. The worker is started on first use.
//!
//! It also reads the user's imports ([`Tagger::convert`]): the code that reduces HTML and
//! Markdown to text lives in the worker's module only, which keeps the page's first load small.
//!
//! A worker left idle for [`IDLE_STOP_MS`] is stopped, which frees its memory; the next use
//! starts another. A worker that stops by itself (its module fails to load, or it crashes) is
//! noticed from the page's `error` events ([`worker_stopped`]), or, when its script is
//! missing, from the page's own fetch of that script ([`loader_missing`]): imports waiting
//! for it are answered with the reason, what it had to analyse is shown as plain text, and
//! the next use starts a new worker.

use crate::engine::corpus::Article;
use crate::engine::document::Document;
use crate::engine::import::{ImportDraft, ImportError};
use crate::engine::intern::Interner;
use crate::tagging_worker::{TaggingWorker, LOADER};
use crate::ui::analyses::{AnalysesAction, Progress};
use crate::worker_codec::Freeing;
use crate::worker_failure::{loader_missing, worker_stopped};
use crate::worker_protocol::{ArticleIn, ImportInput, Request, Response};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use gloo::worker::{Spawnable, WorkerBridge};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet, VecDeque};
use std::fmt;
use std::rc::{Rc, Weak};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

/// A batch closes once it holds this many bytes of text (about 50 ms of tagging) …
const BATCH_BYTES: usize = 256 * 1024;
/// … or this many articles.
const BATCH_ARTICLES: usize = 64;
/// While more batches follow, finished analyses reach the page at most this often
/// (milliseconds), and only once they are at least as many as those already handed over in
/// this run: a large import re-indexes the corpus a logarithmic number of times, so the
/// page's work stays proportional to the corpus, not to its square.
const FLUSH_MS: f64 = 750.0;
/// … or, past this many waiting analyses, without waiting for that many: indexing one
/// handover is one main-thread task, and a handover of thousands would be a long one.
const FLUSH_MAX_DOCS: usize = 1000;

/// Why an import sent to the worker to be read came back without a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotRead {
    /// The worker read it and refused it.
    Refused(ImportError),
    /// The worker stopped before it answered; the reason.
    WorkerStopped(String),
}

impl fmt::Display for NotRead {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotRead::Refused(e) => e.fmt(f),
            NotRead::WorkerStopped(why) => write!(
                f,
                "The worker that reads articles stopped before it answered ({why}). Nothing was \
                 added; try again, or reload the page."
            ),
        }
    }
}

/// How long the worker may sit idle (nothing to analyse or read) before it is stopped, in
/// milliseconds. It holds tens of megabytes (the full gazetteer, room for the largest batch);
/// a new one starts within a second when next needed, earlier if the user moves to add an
/// article.
pub const IDLE_STOP_MS: u32 = 60_000;

/// The page's handle on the tagging worker. Cheap to clone; clones share one worker.
#[derive(Clone)]
pub struct Tagger {
    inner: Rc<RefCell<Inner>>,
}

impl PartialEq for Tagger {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

struct Inner {
    bridge: Option<WorkerBridge<TaggingWorker>>,
    /// Listens for the worker's uncaught errors while it runs.
    watch: Option<EventListener>,
    /// Counts the worker's uses; an idle stop armed before the last one does nothing.
    uses: u64,
    /// Counts the workers started; a check of one that has since been replaced does nothing.
    started: u64,
    queue: VecDeque<ArticleIn>,
    /// Ids queued or in flight.
    asked: HashSet<String>,
    /// Ids whose analysis the user cancelled: not asked for again until resumed.
    cancelled: HashSet<String>,
    in_flight: Option<(u64, Vec<ArticleIn>)>,
    /// The batch in flight was cancelled: its answer is dropped.
    discard: bool,
    next_batch: u64,
    done: usize,
    total: usize,
    /// The full gazetteer has been handed over: analyses from now on use it.
    full_sent: bool,
    /// The full gazetteer's table, handed to each worker as it starts. A reader of the
    /// bundled articles only (analysed when the app was built) never starts the worker, nor
    /// has it parse the table: half a second of a core, and its memory.
    table: Option<String>,
    /// Analyses not yet handed to the page, and the engine's time for them.
    unflushed: (Vec<(Document, bool)>, f64),
    /// When analyses were last handed to the page (`Date.now()`).
    flushed_at: f64,
    /// Analyses handed to the page since the worker was last idle.
    flushed_in_run: usize,
    /// Shared copies of the canonical names and evidence of every analysis received.
    strings: Interner,
    on_event: Callback<AnalysesAction>,
    /// Imports sent to the worker to be read, by ticket, with whom to tell.
    converting: HashMap<u64, Callback<Result<ImportDraft, NotRead>>>,
    next_ticket: u64,
}

impl Tagger {
    /// A tagger that reports analyses and progress through `on_event`.
    #[must_use]
    pub fn new(on_event: Callback<AnalysesAction>) -> Tagger {
        Tagger {
            inner: Rc::new(RefCell::new(Inner {
                bridge: None,
                watch: None,
                uses: 0,
                started: 0,
                queue: VecDeque::new(),
                asked: HashSet::new(),
                cancelled: HashSet::new(),
                in_flight: None,
                discard: false,
                next_batch: 0,
                done: 0,
                total: 0,
                full_sent: false,
                table: None,
                unflushed: (Vec::new(), 0.0),
                flushed_at: 0.0,
                flushed_in_run: 0,
                strings: Interner::default(),
                on_event,
                converting: HashMap::new(),
                next_ticket: 0,
            })),
        }
    }

    /// Hands the worker the full gazetteer table; later batches are tagged with it. A worker
    /// not started yet gets it when it starts, before its first batch.
    pub fn use_gazetteer(&self, table: String) {
        let mut inner = self.inner.borrow_mut();
        inner.full_sent = true;
        if let Some(bridge) = &inner.bridge {
            bridge.send(Request::UseGazetteer(table.clone()));
        }
        inner.table = Some(table);
    }

    /// Starts the worker now (with the full gazetteer, if the page has it), so that the
    /// article the user is about to add does not wait for the worker to load and parse it.
    pub fn start(&self) {
        let mut inner = self.inner.borrow_mut();
        inner.bridge(&self.inner);
        inner.stop_when_idle(&self.inner);
    }

    /// True once the full gazetteer has been handed over.
    #[must_use]
    pub fn has_full_gazetteer(&self) -> bool {
        self.inner.borrow().full_sent
    }

    /// Has the worker read `input` as an article to add (starting the worker if need be), and
    /// calls `done` with the draft or the reason there is none. Drafts are not checked for
    /// duplicates: the caller has the corpus. Reads are answered in the order asked, each
    /// after at most the batch of analyses in flight.
    pub fn convert(&self, input: ImportInput, done: Callback<Result<ImportDraft, NotRead>>) {
        let mut inner = self.inner.borrow_mut();
        inner.next_ticket += 1;
        let ticket = inner.next_ticket;
        inner.converting.insert(ticket, done);
        inner
            .bridge(&self.inner)
            .send(Request::Convert { ticket, input });
    }

    /// True when `id` is queued or being analysed.
    #[must_use]
    pub fn is_asked(&self, id: &str) -> bool {
        self.inner.borrow().asked.contains(id)
    }

    /// Asks for these articles to be analysed, skipping any already asked for or cancelled.
    pub fn request(&self, articles: impl IntoIterator<Item = Article>) {
        let progress = {
            let mut inner = self.inner.borrow_mut();
            let before = inner.total;
            for a in articles {
                let id = &a.meta.id;
                if inner.asked.contains(id) || inner.cancelled.contains(id) {
                    continue;
                }
                inner.asked.insert(id.clone());
                inner.total += 1;
                inner.queue.push_back(ArticleIn {
                    meta: a.meta,
                    text: a.text,
                });
            }
            if inner.total == before {
                return;
            }
            inner.send_next(&self.inner);
            inner.progress()
        };
        self.emit(AnalysesAction::Progress(progress));
    }

    /// Stops analysing: drops every queued article, and the answer for the batch in flight
    /// (the worker finishes it in the background; the page does not wait). Cancelled articles
    /// stay unanalysed until [`Tagger::resume`].
    pub fn cancel(&self) {
        let progress = {
            let mut inner = self.inner.borrow_mut();
            inner.set_aside();
            inner.progress()
        };
        self.emit(AnalysesAction::Progress(progress));
    }

    /// Lets cancelled articles be asked for again (the app then asks), by a new worker if the
    /// last one stopped.
    pub fn resume(&self) {
        let progress = {
            let mut inner = self.inner.borrow_mut();
            inner.cancelled.clear();
            inner.progress()
        };
        self.emit(AnalysesAction::Progress(progress));
    }

    fn emit(&self, action: AnalysesAction) {
        Tagger::report(&self.inner, [action]);
    }

    /// Reports `events` to the page, with no borrow held (the page may call back in).
    fn report(inner: &Rc<RefCell<Inner>>, events: impl IntoIterator<Item = AnalysesAction>) {
        let cb = inner.borrow().on_event.clone();
        for e in events {
            cb.emit(e);
        }
    }

    /// The worker stopped: answers the imports waiting for it, shows what it had to analyse
    /// as plain text (until the user asks again), and reports why.
    fn stopped(inner: &Rc<RefCell<Inner>>, why: String) {
        let (waiting, events) = inner.borrow_mut().stop(&why);
        for done in waiting {
            done.emit(Err(NotRead::WorkerStopped(why.clone())));
        }
        Tagger::report(inner, events);
    }

    /// Handles one answer of the worker; reports with no borrow held.
    fn answer(inner: &Rc<RefCell<Inner>>, response: Response) {
        if let Response::Converted { ticket, result } = response {
            let done = inner.borrow_mut().converting.remove(&ticket);
            if let Some(done) = done {
                done.emit(result.map_err(NotRead::Refused));
            }
        } else {
            let events = inner.borrow_mut().take_answer(inner, response);
            Tagger::report(inner, events);
        }
        inner.borrow_mut().stop_when_idle(inner);
    }
}

/// Listens on the page for the worker's uncaught errors, which mean it has stopped.
fn watch(me: &Rc<RefCell<Inner>>) -> Option<EventListener> {
    let window = web_sys::window()?;
    let weak: Weak<RefCell<Inner>> = Rc::downgrade(me);
    Some(EventListener::new(&window, "error", move |e| {
        let Some(e) = e.dyn_ref::<web_sys::ErrorEvent>() else {
            return;
        };
        let has_error = !(e.error().is_null() || e.error().is_undefined());
        let Some(why) = worker_stopped(&e.message(), &e.filename(), has_error) else {
            return;
        };
        if let Some(inner) = weak.upgrade() {
            Tagger::stopped(&inner, why);
        }
    }))
}

/// Fetches the worker's loader script as the worker `started` is fetching it, and reports the
/// worker stopped if it cannot be had: a missing script is reported only to the `Worker`
/// object, which the bridge does not expose, and the imports waiting for it would wait for
/// ever. The script is small and comes from the same cache as the worker's copy.
fn check_loader(me: &Rc<RefCell<Inner>>, started: u64) {
    let weak: Weak<RefCell<Inner>> = Rc::downgrade(me);
    wasm_bindgen_futures::spawn_local(async move {
        let Some(window) = web_sys::window() else {
            return;
        };
        let answer = JsFuture::from(window.fetch_with_str(LOADER)).await;
        let status = match answer.map(JsCast::dyn_into::<web_sys::Response>) {
            Ok(Ok(r)) if r.ok() => return,
            Ok(Ok(r)) => Some(r.status()),
            _ => None,
        };
        let Some(inner) = weak.upgrade() else {
            return;
        };
        let current = {
            let inner = inner.borrow();
            inner.started == started && inner.bridge.is_some()
        };
        if current {
            Tagger::stopped(&inner, loader_missing(status));
        }
    });
}

impl Inner {
    /// Takes in one answer of the worker, sends the next batch, and says what to report.
    fn take_answer(&mut self, me: &Rc<RefCell<Inner>>, response: Response) -> Vec<AnalysesAction> {
        let (batch, analyses, engine_ms) = match response {
            Response::GazetteerFailed(why) => {
                // Not handed to a later worker either: it would fail the same way.
                self.full_sent = false;
                self.table = None;
                return vec![AnalysesAction::GazetteerFailed(why)];
            }
            Response::Analysed {
                batch,
                analyses,
                engine_ms,
            } => (batch, analyses, engine_ms),
            // Answered in `Tagger::answer`.
            Response::Converted { .. } => return Vec::new(),
        };
        let Some((sent, articles)) = self.in_flight.take_if(|(sent, _)| *sent == batch) else {
            return Vec::new();
        };
        debug_assert_eq!(sent, batch);
        let mut events = Vec::new();
        if !std::mem::take(&mut self.discard) {
            let docs = &mut self.unflushed.0;
            // Ids stay "asked" until their analyses are handed to the page (below), so that
            // the app does not ask for them again meanwhile.
            for ((analysis, places), article) in analyses.into_iter().zip(articles) {
                self.done += 1;
                let full = analysis.full_gazetteer;
                let id = article.meta.id.clone();
                match analysis.into_document(article.meta, article.text, places, &mut self.strings)
                {
                    Some(doc) => docs.push((doc, full)),
                    // Never expected; not asked again unless the user resumes.
                    None => {
                        self.asked.remove(&id);
                        self.cancelled.insert(id);
                    }
                }
            }
            self.unflushed.1 += engine_ms;
        }
        self.send_next(me);
        let now = js_sys::Date::now();
        let idle = self.in_flight.is_none();
        let waiting = self.unflushed.0.len();
        let due = now - self.flushed_at >= FLUSH_MS
            && (waiting >= self.flushed_in_run || waiting >= FLUSH_MAX_DOCS);
        if idle || due {
            events.extend(self.flush(idle, now));
        }
        events.push(AnalysesAction::Progress(self.progress()));
        events
    }

    /// Hands the analyses received to the page (`idle`: the last of this run).
    fn flush(&mut self, idle: bool, now: f64) -> Option<AnalysesAction> {
        self.flushed_at = now;
        let (docs, ms) = std::mem::take(&mut self.unflushed);
        self.flushed_in_run = if idle {
            0
        } else {
            self.flushed_in_run + docs.len()
        };
        for (doc, _) in &docs {
            self.asked.remove(&doc.meta.id);
        }
        (!docs.is_empty() || ms > 0.0).then_some(AnalysesAction::Done(docs, ms))
    }

    /// Sets aside what is queued and the batch in flight (whose answer will be dropped): shown
    /// as plain text, not asked for again until resumed.
    fn set_aside(&mut self) {
        let mut dropped: Vec<String> = self.queue.drain(..).map(|a| a.meta.id).collect();
        if let (Some((_, batch)), false) = (&self.in_flight, self.discard) {
            dropped.extend(batch.iter().map(|a| a.meta.id.clone()));
            self.discard = true;
        }
        for id in dropped {
            self.asked.remove(&id);
            self.cancelled.insert(id);
            self.total -= 1;
        }
    }

    /// The worker, started on first use with the full gazetteer if the page has it.
    fn bridge(&mut self, me: &Rc<RefCell<Inner>>) -> &WorkerBridge<TaggingWorker> {
        self.uses += 1;
        let (listener, started, table) = (&mut self.watch, &mut self.started, &self.table);
        self.bridge.get_or_insert_with(|| {
            *listener = watch(me);
            *started += 1;
            check_loader(me, *started);
            let weak: Weak<RefCell<Inner>> = Rc::downgrade(me);
            let bridge = TaggingWorker::spawner()
                .encoding::<Freeing>()
                .callback(move |response| {
                    if let Some(inner) = weak.upgrade() {
                        Tagger::answer(&inner, response);
                    }
                })
                .spawn_with_loader(LOADER);
            if let Some(table) = table {
                bridge.send(Request::UseGazetteer(table.clone()));
            }
            bridge
        })
    }

    /// True when the worker has nothing to do: no batch queued or in flight, no import to read.
    fn idle(&self) -> bool {
        self.in_flight.is_none() && self.queue.is_empty() && self.converting.is_empty()
    }

    /// Stops the worker if it is still idle, and unused, [`IDLE_STOP_MS`] from now.
    fn stop_when_idle(&mut self, me: &Rc<RefCell<Inner>>) {
        if self.bridge.is_none() || !self.idle() {
            return;
        }
        let (weak, armed) = (Rc::downgrade(me), self.uses);
        Timeout::new(IDLE_STOP_MS, move || {
            let Some(inner) = weak.upgrade() else {
                return;
            };
            let mut inner = inner.borrow_mut();
            if inner.uses == armed && inner.idle() {
                inner.forget_worker();
            }
        })
        .forget();
    }

    /// Lets go of the worker, and stops listening for its errors; the next use starts another.
    /// With the bridge's last handle gone, a running worker closes itself.
    fn forget_worker(&mut self) {
        self.bridge = None;
        self.watch = None;
    }

    /// Forgets the stopped worker and says what to report: the imports waiting for it (in no
    /// particular order) and the events for the page.
    fn stop(
        &mut self,
        why: &str,
    ) -> (
        Vec<Callback<Result<ImportDraft, NotRead>>>,
        Vec<AnalysesAction>,
    ) {
        // The loader closes a worker on its first uncaught error; dropping the bridge only
        // posts it a goodbye.
        self.forget_worker();
        let waiting = self.converting.drain().map(|(_, done)| done).collect();
        self.set_aside();
        // No answer will come for the batch in flight.
        self.in_flight = None;
        self.discard = false;
        let mut events: Vec<_> = self.flush(true, js_sys::Date::now()).into_iter().collect();
        events.push(AnalysesAction::Stopped(why.to_string()));
        events.push(AnalysesAction::Progress(self.progress()));
        (waiting, events)
    }

    /// Sends the next batch when none is in flight.
    fn send_next(&mut self, me: &Rc<RefCell<Inner>>) {
        if self.in_flight.is_some() || self.queue.is_empty() {
            return;
        }
        let mut batch = Vec::new();
        let mut bytes = 0;
        while let Some(a) = self.queue.pop_front() {
            bytes += a.text.len();
            batch.push(a);
            if bytes >= BATCH_BYTES || batch.len() >= BATCH_ARTICLES {
                break;
            }
        }
        self.next_batch += 1;
        let number = self.next_batch;
        self.bridge(me).send(Request::Analyse {
            batch: number,
            articles: batch.clone(),
        });
        self.in_flight = Some((number, batch));
    }

    /// The progress to report; counters restart once everything asked for is done.
    fn progress(&mut self) -> Progress {
        let p = Progress {
            done: self.done,
            total: self.total,
            cancelled: self.cancelled.len(),
        };
        if self.done >= self.total {
            self.done = 0;
            self.total = 0;
        }
        p
    }
}
