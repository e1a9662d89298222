//! The web worker that tags articles off the page's main thread (gloo worker).
//!
//! The page sends [`Request`]s; each batch of articles is analysed with the same engine the
//! page and the command line use, and answered as one [`Response::Analysed`]. Imports are read
//! here too ([`Request::Convert`]), so the page's module links no HTML or Markdown reader.
//!
//! The worker's entry point is `src/bin/newslens-worker.rs`; Trunk builds it next to the app
//! (`data-type="worker"` in index.html) and `www/worker-loader.js` starts it.

use crate::engine::corpus::Article;
use crate::engine::document::Document;
use crate::engine::gazetteer::Gazetteer;
use crate::engine::import::convert_import;
use crate::engine::places::digest::DocPlaces;
use crate::engine::toponyms;
use crate::worker_protocol::{Analysis, Request, Response};
use gloo::timers::callback::Timeout;
use gloo::worker::{HandlerId, Worker, WorkerScope};
use wasm_bindgen::JsCast;

/// Where the page finds the worker's loader script (relative, so any path prefix works).
pub const LOADER: &str = "worker-loader.js";

/// The tagging worker. It holds nothing between requests except the full gazetteer.
#[derive(Debug, Default)]
pub struct TaggingWorker {
    full_gazetteer: bool,
    /// The full gazetteer's table, received and not yet parsed, and who sent it.
    table: Option<(String, HandlerId)>,
}

impl TaggingWorker {
    /// Parses and installs the table received, if any is waiting.
    fn install_table(&mut self, scope: &WorkerScope<Self>) {
        let Some((table, id)) = self.table.take() else {
            return;
        };
        match Gazetteer::parse(&table) {
            Ok(g) => {
                toponyms::install(Box::leak(Box::new(g)));
                self.full_gazetteer = true;
            }
            Err(e) => scope.respond(id, Response::GazetteerFailed(e.to_string())),
        }
    }
}

impl Worker for TaggingWorker {
    /// "Parse the gazetteer now", sent by the worker to itself.
    type Message = ();
    type Input = Request;
    type Output = Response;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        TaggingWorker::default()
    }

    fn update(&mut self, scope: &WorkerScope<Self>, _msg: ()) {
        self.install_table(scope);
    }

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Request, id: HandlerId) {
        match msg {
            // Parsing takes a few hundred milliseconds: done in a task of its own, so that an
            // import already sent (the page starts the worker as the user moves to add one)
            // is read first. An analysis never runs before it.
            Request::UseGazetteer(table) => {
                self.table = Some((table, id));
                let scope = scope.clone();
                Timeout::new(0, move || scope.send_message(())).forget();
            }
            Request::Analyse { batch, articles } => {
                self.install_table(scope);
                let started = now_ms();
                let analyses = articles
                    .into_iter()
                    .map(|a| {
                        let doc = Document::analyse(Article::from(a));
                        // Places are resolved here, off the page's thread, for the place list.
                        let places = self.full_gazetteer.then(|| {
                            DocPlaces::resolve(toponyms::gazetteer(), &doc.text, &doc.mentions)
                        });
                        (Analysis::of(&doc, self.full_gazetteer), places)
                    })
                    .collect();
                let engine_ms = now_ms() - started;
                scope.respond(
                    id,
                    Response::Analysed {
                        batch,
                        analyses,
                        engine_ms,
                    },
                );
            }
            Request::Convert { ticket, input } => {
                let result = Box::new(convert_import(
                    input.name.as_deref(),
                    &input.bytes,
                    &input.seed,
                ));
                scope.respond(id, Response::Converted { ticket, result });
            }
        }
    }
}

/// The worker's clock (`performance.now()`), in milliseconds; 0 where there is none.
fn now_ms() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
        .map_or(0.0, |p| p.now())
}
